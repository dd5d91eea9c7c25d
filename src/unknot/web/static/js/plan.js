/* The plan page: the current routine, with swap, remove and a new length. */
"use strict";
(function () {
  const U = window.unknot;
  let current = U.load("current", null);
  const status = U.$("#plan-status");

  function persist() {
    current.plan.total_seconds = current.plan.steps.reduce((sum, s) => sum + s.seconds, 0);
    U.save("current", current);
    U.remember(current);
  }

  function stepItem(step, index) {
    // A two-sided step is swapped and removed with its other side: the buttons say so.
    const [start, end] = pairOf(index);
    const title = end - start > 1 ? `${step.name}, both sides` : U.stepTitle(step);
    const tools = step.tools.filter((t) => t !== "hands");
    const meta = [U.capital(step.kind), U.words(step.regions), step.position].concat(tools.length ? [U.words(tools)] : []);
    return U.el("li", { class: "step", "data-index": index },
      U.el("div", { class: "step-head" },
        U.el("span", { class: "step-time", text: U.clock(step.seconds) }),
        U.el("h3", { class: "step-name" }, step.name, step.side ? " " : null, step.side ? U.el("span", { class: "side", text: `${step.side} side` }) : null)),
      U.el("div", { class: "step-fig", "data-technique": step.technique, "data-position": step.position, "data-side": step.side || "" }),
      U.el("p", { class: "step-meta", text: meta.join(" · ") }),
      U.el("p", { class: "step-why", text: step.why }),
      step.stop_if ? U.el("p", { class: "stop-if", text: step.stop_if }) : null,
      U.el("div", { class: "step-actions" },
        U.el("button", { class: "button small", type: "button", "aria-label": `Swap ${title}`, onclick: () => openSwap(index) }, "Swap"),
        U.el("button", { class: "button small", type: "button", "aria-label": `Remove ${title}`, onclick: () => remove(index), disabled: current.plan.steps.length <= end - start }, "Remove")));
  }

  function draw() {
    const plan = current.plan;
    U.$("#plan-summary").textContent = `${U.count(plan.steps.length, "step")} · ${U.clock(plan.total_seconds)} · ${U.words(current.request.regions && current.request.regions.length ? current.request.regions : plan.intake.regions) || "whole body"}`;
    const cautions = plan.intake.cautions || [];
    U.$("#plan-caution").hidden = !cautions.length;
    U.$("#plan-caution-list").replaceChildren(...cautions.map((c) => U.el("li", { text: c.message })));
    U.$("#plan-ok").hidden = plan.intake.verdict !== "ok";
    U.$("#plan-ok").textContent = plan.intake.verdict === "ok" ? plan.intake.message : "";
    U.$("#steps").replaceChildren(...plan.steps.map(stepItem));
    if (window.unknotFigures) window.unknotFigures.fill(U.$("#steps"));
    U.$("#plan-minutes").value = Math.max(1, Math.round(plan.total_seconds / 60));
    U.$("#plan-body").hidden = false;
    // No routine starts before the quick safety check is done.
    const ready = U.checked(plan) && plan.steps.length > 0;
    U.$("#start-button").hidden = !ready;
    U.$("#start-locked").hidden = ready;
    U.$("#start-why").hidden = ready;
  }

  /* The steps [start, end) one change takes: a two-sided step goes with its other side
     (the same rule as the server's swap). */
  function pairOf(index) {
    const steps = current.plan.steps;
    const step = steps[index];
    if (step.side) {
      for (const other of [index - 1, index + 1]) {
        const o = steps[other];
        if (o && o.technique === step.technique && o.side && o.side !== step.side) {
          return [Math.min(index, other), Math.max(index, other) + 1];
        }
      }
    }
    return [index, index + 1];
  }

  function remove(index) {
    const [start, end] = pairOf(index);
    const gone = current.plan.steps.splice(start, end - start);
    persist();
    draw();
    const what = gone.length > 1 ? `${gone[0].name}, both sides` : U.stepTitle(gone[0]);
    status.textContent = `Removed ${what}. The routine is now ${U.clock(current.plan.total_seconds)}.`;
    const card = U.$$(".step")[Math.min(start, current.plan.steps.length - 1)];
    const next = card && card.querySelector("button");
    if (next) next.focus();
  }

  U.$("#minutes-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const minutes = Number(U.$("#plan-minutes").value);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) {
      status.textContent = "Choose a whole number of minutes from 1 to 60.";
      return;
    }
    status.textContent = "Making the routine fit…";
    const request = Object.assign({}, current.request, { minutes });
    try {
      const plan = await U.api("/api/v1/plans", { method: "POST", body: request });
      current = Object.assign({}, current, { plan, request });
      if (!U.checked(plan) || !plan.steps.length) {
        // The new plan needs the check again, or no longer gives a routine.
        U.save("current", current);
        location.assign(U.nextPage(plan) || "/safety");
        return;
      }
      persist();
      draw();
      status.textContent = `Done: ${U.count(plan.steps.length, "step")} in ${U.count(minutes, "minute")}.`;
    } catch (e) {
      status.textContent = e instanceof U.Offline ? "Changing the length needs a connection. You can still remove steps." : e.message;
    }
  });

  /* Swapping: the server's planner says what may take a step's place (the same safety
     limits the plan was made with; never a technique already in the plan) and sends the
     steps ready to put in. A sided step goes with its other side. */
  const dialog = U.$("#swap-dialog");
  U.$("#swap-cancel").addEventListener("click", () => dialog.close());

  async function openSwap(index) {
    const step = current.plan.steps[index];
    const options = U.$("#swap-options");
    options.replaceChildren();
    U.$("#swap-for").textContent = `Instead of ${U.stepTitle(step)} (${U.clock(step.seconds)}):`;
    const swapStatus = U.$("#swap-status");
    swapStatus.textContent = "Finding alternatives…";
    dialog.showModal();
    try {
      const answer = await U.api("/api/v1/plans/alternatives", {
        method: "POST", body: { request: current.request, steps: current.plan.steps, index },
      });
      const [start, end] = answer.replaces;
      const replaced = current.plan.steps.slice(start, end);
      const seconds = replaced.reduce((sum, s) => sum + s.seconds, 0);
      U.$("#swap-for").textContent = end - start > 1
        ? `Instead of ${step.name}, both sides (${U.clock(seconds)}):`
        : `Instead of ${U.stepTitle(step)} (${U.clock(seconds)}):`;
      swapStatus.textContent = answer.count
        ? `${U.count(answer.count, "alternative")}.`
        : "Nothing else fits this step safely. You can remove it instead.";
      for (const item of answer.items) {
        const use = () => {
          current.plan.steps.splice(start, end - start, ...item.steps);
          persist();
          draw();
          dialog.close();
          status.textContent = `Swapped in ${item.name}.`;
          const card = U.$$(".step")[start];
          if (card) card.querySelector("button").focus();
        };
        const sides = item.steps.length > 1 ? " · both sides" : "";
        options.append(U.el("li", {},
          U.el("h3", { text: item.name }),
          U.el("p", { class: "hint", text: `${U.capital(item.kind)}${sides} · ${U.clock(seconds)}` }),
          U.el("p", { text: item.summary }),
          U.el("button", { class: "button small primary", type: "button", onclick: use, "aria-label": `Use this: ${item.name}` }, "Use this")));
      }
    } catch (e) {
      swapStatus.textContent = e instanceof U.Offline ? "Swapping needs a connection. You can still remove steps." : e.message;
    }
  }

  if (!current) {
    const server = U.$("#server-plan");
    if (server) {
      const data = JSON.parse(server.textContent);
      current = { id: U.uuid(), plan: data.plan, request: data.request, made_at: new Date().toISOString() };
      U.save("current", current);
    }
  }
  if (!current) {
    U.$("#plan-body").hidden = true;
    U.$("#plan-empty").hidden = false;
    U.$("#plan-summary").textContent = "";
  } else if (!U.checked(current.plan)) {
    location.replace(U.nextPage(current.plan) || "/safety");
  } else if (!current.plan.steps.length) {
    location.replace("/safety");
  } else {
    draw();
  }
})();
