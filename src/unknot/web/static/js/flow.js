/* The safety page (drawn from the current plan's intake, once its safety check is done)
   and the after ratings. */
"use strict";
(function () {
  const U = window.unknot;

  /* What triggered a finding: the person's words, or a yes in the quick safety check. */
  function said(evidence) {
    const m = /^yes to “(.*)”$/.exec(evidence);
    return m ? `You answered yes to: ${m[1]}` : `You said: “${evidence}”`;
  }

  function safety() {
    const current = U.load("current", null);
    if (!current) {
      U.$("#nothing").hidden = false;
      return;
    }
    const intake = current.plan.intake;
    const next = U.nextPage(current.plan);
    if (next === null) {
      U.$("#unclear").hidden = false;
      return;
    }
    if (next === "/check") {
      location.replace("/check");
      return;
    }
    if (intake.verdict === "urgent") {
      document.title = "Get help now · unknot";
      const why = intake.red_flags.filter((f) => f.verdict === "urgent");
      U.$("#urgent-why").replaceChildren(...why.map((f) => U.el("li", { text: f.message })));
      U.$("#urgent").hidden = false;
      return;
    }
    if (intake.verdict === "see_doctor") {
      U.$("#doctor-findings").replaceChildren(...intake.red_flags.map((f) => U.el("li", {},
        U.el("p", { text: f.message }),
        f.evidence ? U.el("p", { class: "evidence", text: said(f.evidence) }) : null,
        U.el("p", { class: "source", text: `Based on: ${f.source}` }))));
      U.$("#doctor").hidden = false;
      return;
    }
    if (intake.verdict === "caution") {
      U.$("#caution-findings").replaceChildren(...intake.cautions.map((c) => U.el("li", {},
        U.el("p", { text: c.message }),
        c.evidence ? U.el("p", { class: "evidence", text: said(c.evidence) }) : null)));
      U.$("#caution-avoid").textContent = intake.avoid.length ? `Left out of your routine: ${U.words(intake.avoid)}.` : "";
      U.$("#caution").hidden = false;
      return;
    }
    location.replace("/plan");
  }

  function ratings(form, prefix) {
    const out = {};
    for (const name of ["pain", "tension", "stress"]) {
      const checked = form.querySelector(`input[name="${prefix}-${name}"]:checked`);
      out[name] = checked && checked.value !== "" ? Number(checked.value) : null;
    }
    return out;
  }
  U.ratings = ratings;

  function after() {
    const session = U.load("session", null);
    if (!session || !session.finish) {
      U.$("#after").hidden = true;
      U.$("#after-none").hidden = false;
      return;
    }
    const minutes = Math.max(1, Math.round(session.plan.total_seconds / 60));
    U.$("#after-what").textContent = session.finish.status === "completed"
      ? `You finished your ${minutes}-minute routine.`
      : "Your routine ended early. That's fine.";
    /* What was done, and how it felt before → after, once the ratings are saved. */
    function summary(afterRatings, note) {
      U.$("#after-done-what").textContent = U.doneSummary(session);
      const rows = ["pain", "tension", "stress"].map((name) => {
        const b = (session.before || {})[name];
        const a = afterRatings[name];
        const known = (v) => v !== null && v !== undefined;
        if (!known(b) && !known(a)) return null;
        return U.el("li", { text: `${U.capital(name)}: ${known(b) ? b : "–"} → ${known(a) ? a : "–"}` });
      }).filter(Boolean);
      U.$("#after-done-ratings").replaceChildren(...(rows.length ? rows : [U.el("li", { text: "Not rated this time." })]));
      U.$("#after-done-note").hidden = !note;
      U.$("#after-done-note").textContent = note ? `Your note: ${note}` : "";
      U.$("#after").hidden = true;
      U.$("#after-done").hidden = false;
      U.$("#after-done-title").focus();
    }
    U.$("#after-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const afterRatings = ratings(event.target, "after");
      const note = U.$("#note").value.trim() || null;
      const body = Object.assign({}, session.finish, { after: afterRatings, note });
      U.save("history", [{ id: session.id, finished: body, before: session.before }].concat(U.load("history", [])).slice(0, 50));
      U.drop("session");
      await U.outbox.add(`finish-after:${session.id}`, "POST", `/api/v1/sessions/${session.id}/finish`, body);
      const before = session.before || {};
      if (before.pain !== null && before.pain !== undefined && afterRatings.pain !== null && afterRatings.pain > before.pain) {
        U.$("#after").hidden = true;
        U.$("#after-advice").hidden = false;
        U.$("#advice-title").focus();
        return;
      }
      summary(afterRatings, note);
    });
  }

  if (U.$("#urgent")) safety();
  if (U.$("#after-form")) after();
})();
