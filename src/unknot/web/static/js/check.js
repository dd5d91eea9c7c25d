/* The quick safety check: the red-flag questions of the current plan, yes or no, and
   whose body it is. The answers go to the API with the rest of the request; the new
   plan then leads on (an emergency, the doctor page, the caution page or the routine),
   or back here when the answers bring new questions. */
"use strict";
(function () {
  const U = window.unknot;
  const form = U.$("#check-form");
  const list = U.$("#questions");
  const status = U.$("#check-status");
  const errors = U.$("#check-errors");
  const noneButton = U.$("#none-apply");

  const radios = (name) => U.$$("input[type=radio]", form).filter((r) => r.name === name);
  const subject = () => (radios("subject").find((r) => r.checked) || {}).value || "self";
  const items = () => U.$$(".question", list);
  function answerOf(item) {
    const on = radios(`q:${item.dataset.id}`).find((r) => r.checked);
    return on ? on.value === "yes" : null;
  }

  function drawSubject() {
    U.$("#for-other").hidden = subject() !== "someone_else";
  }
  /* "None of these apply" reads "None of the others apply" once something is a yes. */
  function drawNone() {
    const anyYes = items().some((item) => answerOf(item) === true);
    noneButton.textContent = anyYes ? "None of the others apply" : "None of these apply";
    U.$("#none-hint").textContent = `“${noneButton.textContent}” answers no to every question you haven't answered yet.`;
  }
  form.addEventListener("change", (event) => {
    if (event.target.name === "subject") drawSubject();
    else drawNone();
  });
  drawSubject();

  // Drawn by the server (no script had run on the start page): an ordinary form.
  if (form.dataset.server) {
    drawNone();
    return;
  }

  let current = U.load("current", null);

  function question(q, n) {
    const name = `q:${q.id}`;
    const choice = (value, text) => U.el("label", { class: "choice" },
      U.el("input", { type: "radio", name, value, checked: q.answer === (value === "yes") }),
      U.el("span", { text }));
    return U.el("li", { class: "question", "data-id": q.id },
      U.el("fieldset", {},
        U.el("legend", { text: q.ask }),
        U.el("div", { class: "yesno" }, choice("yes", "Yes"), choice("no", "No")),
        U.el("details", { class: "why" },
          U.el("summary", { text: "Why we ask" }),
          U.el("p", { text: q.why }),
          U.el("p", { class: "source", text: `Based on: ${q.source}` }))));
  }

  function draw() {
    const intake = current.plan.intake;
    list.replaceChildren(...intake.questions.map(question));
    radios("subject").forEach((r) => {
      r.checked = r.value === (intake.subject || "self");
    });
    drawSubject();
    drawNone();
    form.hidden = false;
  }

  function showErrors(text) {
    errors.replaceChildren(U.el("p", { text }));
    errors.hidden = false;
  }

  async function send(noneApply) {
    errors.hidden = true;
    const answered = {};
    let firstOpen = null;
    for (const item of items()) {
      let answer = answerOf(item);
      if (answer === null && noneApply) {
        answer = false;
        radios(`q:${item.dataset.id}`).forEach((r) => {
          r.checked = r.value === "no";
        });
      }
      if (answer === null && !firstOpen) firstOpen = item;
      if (answer !== null) answered[item.dataset.id] = answer;
    }
    if (firstOpen) {
      showErrors("Answer each question with yes or no, or press “None of these apply”.");
      radios(`q:${firstOpen.dataset.id}`)[0].focus();
      return;
    }
    const answers = Object.assign({}, current.request.answers || {}, {
      questions: Object.assign({}, (current.request.answers || {}).questions || {}, answered),
      subject: subject(),
    });
    const request = Object.assign({}, current.request, { answers });
    const buttons = U.$$("button", form);
    buttons.forEach((b) => (b.disabled = true));
    status.textContent = "Checking your answers…";
    try {
      const plan = await U.api("/api/v1/plans", { method: "POST", body: request });
      current = Object.assign({}, current, { plan, request, made_at: new Date().toISOString() });
      U.save("current", current);
      U.remember(current);
      const next = U.nextPage(plan);
      if (next === "/check") {
        draw();
        buttons.forEach((b) => (b.disabled = false));
        status.textContent = "";
        showErrors("A few more questions, because of your answers.");
        const open = items().find((item) => answerOf(item) === null);
        if (open) radios(`q:${open.dataset.id}`)[0].focus();
        return;
      }
      location.assign(next || "/");
    } catch (e) {
      buttons.forEach((b) => (b.disabled = false));
      status.textContent = "";
      showErrors(e instanceof U.Offline
        ? "You're offline, so we can't finish the safety check just now. Try again when you're connected."
        : e.message);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(event.submitter === noneButton);
  });

  if (!current) {
    U.$("#check-nothing").hidden = false;
    return;
  }
  const intake = current.plan.intake;
  if (intake.verdict === "urgent" || intake.understood === false || !(intake.questions || []).length) {
    // Nothing to ask (an emergency goes first and alone): straight on.
    location.replace(U.nextPage(current.plan) || "/");
    return;
  }
  // Open questions, or answered ones to look over again (the back button): the same form.
  draw();
})();
