/* The plan page: the current routine, with swap, remove and a new length. */
"use strict";
(function () {
  const U = window.unknot;
  const SETTING_POSITIONS = {
    desk: ["seated", "standing"], bed: ["lying", "seated"], sofa: ["seated", "lying"],
    floor: ["lying", "seated", "kneeling", "standing"], anywhere: ["seated", "standing", "lying", "kneeling"],
  };
  const LEVEL = { light: 0, moderate: 1, firm: 2 };
  const HEAD = ["scalp", "forehead", "temples"];
  const expand = (regions) => {
    const out = new Set(regions);
    if (out.has("head")) HEAD.forEach((r) => out.add(r));
    return out;
  };

  let current = U.load("current", null);
  const status = U.$("#plan-status");

  function persist() {
    current.plan.total_seconds = current.plan.steps.reduce((sum, s) => sum + s.seconds, 0);
    U.save("current", current);
    U.remember(current);
  }

  function stepItem(step, index) {
    const title = U.stepTitle(step);
    const tools = step.tools.filter((t) => t !== "hands");
    const meta = [U.capital(step.kind), U.words(step.regions), step.position].concat(tools.length ? [U.words(tools)] : []);
    return U.el("li", { class: "step", "data-index": index },
      U.el("div", { class: "step-head" },
        U.el("span", { class: "step-time", text: U.clock(step.seconds) }),
        U.el("h3", { class: "step-name" }, step.name, step.side ? " " : null, step.side ? U.el("span", { class: "side", text: `${step.side} side` }) : null)),
      U.el("p", { class: "step-meta", text: meta.join(" · ") }),
      U.el("p", { class: "step-why", text: step.why }),
      step.stop_if ? U.el("p", { class: "stop-if", text: step.stop_if }) : null,
      U.el("div", { class: "step-actions" },
        U.el("button", { class: "button small", type: "button", "aria-label": `Swap ${title}`, onclick: () => openSwap(index) }, "Swap"),
        U.el("button", { class: "button small", type: "button", "aria-label": `Remove ${title}`, onclick: () => remove(index), disabled: current.plan.steps.length < 2 }, "Remove")));
  }

  function draw() {
    const plan = current.plan;
    U.$("#plan-summary").textContent = `${plan.steps.length} steps · ${U.clock(plan.total_seconds)} · ${U.words(current.request.regions && current.request.regions.length ? current.request.regions : plan.intake.regions) || "whole body"}`;
    const cautions = plan.intake.cautions || [];
    U.$("#plan-caution").hidden = !cautions.length;
    U.$("#plan-caution-list").replaceChildren(...cautions.map((c) => U.el("li", { text: c.message })));
    U.$("#steps").replaceChildren(...plan.steps.map(stepItem));
    U.$("#plan-minutes").value = Math.max(1, Math.round(plan.total_seconds / 60));
    U.$("#plan-body").hidden = false;
    // No routine starts before the quick safety check is done.
    const ready = U.checked(plan) && plan.steps.length > 0;
    U.$("#start-button").hidden = !ready;
    U.$("#start-locked").hidden = ready;
    U.$("#start-why").hidden = ready;
  }

  function remove(index) {
    const [gone] = current.plan.steps.splice(index, 1);
    persist();
    draw();
    status.textContent = `Removed ${U.stepTitle(gone)}. The routine is now ${U.clock(current.plan.total_seconds)}.`;
    const next = U.$$(".step button")[Math.min(index, current.plan.steps.length - 1) * 2];
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
      status.textContent = `Done: ${plan.steps.length} steps in ${minutes} minutes.`;
    } catch (e) {
      status.textContent = e instanceof U.Offline ? "Changing the length needs a connection. You can still remove steps." : e.message;
    }
  });

  /* Swapping: techniques of the same phase that work one of the step's areas, with the
     same safety limits the planner used (nothing avoided, nothing the person's health
     conditions rule out, tools at hand, a position the setting allows, and none lying
     from about 20 weeks of pregnancy, pressure no firmer than asked). */
  const dialog = U.$("#swap-dialog");
  U.$("#swap-cancel").addEventListener("click", () => dialog.close());

  /* Positions the setting allows, less lying down from about 20 weeks of pregnancy. */
  function positionsFor(request, intake) {
    const positions = SETTING_POSITIONS[request.setting || "anywhere"];
    const late = (intake.conditions || []).includes("late_pregnancy");
    return late ? positions.filter((p) => p !== "lying") : positions;
  }

  function allowed(t, step) {
    const intake = current.plan.intake;
    const request = current.request;
    const conditions = new Set(intake.conditions || []);
    if ((t.contraindications || []).some((c) => conditions.has(c))) return false;
    const avoid = expand(intake.avoid || []);
    let pressure = request.pressure || "moderate";
    if (avoid.has("deep_pressure")) pressure = "light";
    if ((request.pressure || "moderate") === "light") avoid.add("deep_pressure");
    const regions = expand(t.regions);
    if ([...regions].some((r) => avoid.has(r))) return false;
    if ((t.modalities || []).some((m) => avoid.has(m))) return false;
    const targets = new Set(request.regions && request.regions.length ? request.regions : intake.regions);
    const goals = request.goals && request.goals.length ? request.goals : intake.goals;
    if (regions.has("abdomen") && t.kind === "massage" && !targets.has("abdomen") && !(goals || []).includes("digestion")) return false;
    const tools = new Set(["hands"].concat(request.tools || []));
    if (!(t.tools || []).every((x) => tools.has(x))) return false;
    const positions = positionsFor(request, intake);
    if (!t.positions.some((p) => positions.includes(p))) return false;
    if (Math.min(...t.pressures.map((p) => LEVEL[p])) > LEVEL[pressure]) return false;
    const role = step.phase === "connected" ? "work" : step.phase;
    return (t.roles || []).includes(role);
  }

  function scaledCues(t, seconds, side) {
    const base = t.steps.reduce((sum, s) => sum + s.seconds, 0);
    const factor = seconds / base;
    const cues = [];
    let elapsed = 0;
    for (const s of t.steps) {
      const start = Math.round(elapsed * factor);
      for (const c of s.cues || []) cues.push({ at: Math.max(0, Math.min(seconds - 1, start + Math.round(c.at * factor))), say: c.say });
      elapsed += s.seconds;
    }
    cues.sort((a, b) => a.at - b.at);
    if (side) {
      const announce = `${U.capital(side)} side.`;
      if (cues.length && cues[0].at === 0) cues[0] = { at: 0, say: `${announce} ${cues[0].say}` };
      else cues.unshift({ at: 0, say: announce });
    }
    return cues;
  }

  function makeSteps(t, old) {
    const request = current.request;
    let pressure = request.pressure || "moderate";
    if (expand(current.plan.intake.avoid || []).has("deep_pressure")) pressure = "light";
    const fits = t.pressures.filter((p) => LEVEL[p] <= LEVEL[pressure]).sort((a, b) => LEVEL[b] - LEVEL[a]);
    const positions = positionsFor(request, current.plan.intake);
    const position = t.positions.includes(old.position) && positions.includes(old.position) ? old.position : t.positions.find((p) => positions.includes(p));
    const sides = t.sided ? (old.side ? [old.side] : ["left", "right"]) : [null];
    const seconds = sides.length === 2 ? [Math.floor(old.seconds / 2), Math.ceil(old.seconds / 2)] : [old.seconds];
    return sides.map((side, i) => ({
      technique: t.id, name: t.name, kind: t.kind, phase: old.phase, regions: t.regions.slice(), side,
      seconds: seconds[i], pressure: fits[0] || "light", tools: Array.from(new Set(["hands"].concat(t.tools))).sort(),
      position, instructions: t.steps.map((s) => s.instruction), cues: scaledCues(t, seconds[i], side),
      why: `Your choice, in place of ${old.name}.`, stop_if: t.stop_if,
    }));
  }

  async function openSwap(index) {
    const step = current.plan.steps[index];
    const options = U.$("#swap-options");
    options.replaceChildren();
    U.$("#swap-for").textContent = `Instead of ${U.stepTitle(step)} (${U.clock(step.seconds)}):`;
    const swapStatus = U.$("#swap-status");
    swapStatus.textContent = "Finding alternatives…";
    dialog.showModal();
    try {
      const seen = new Map();
      for (const region of step.regions) {
        const list = await U.api(`/api/v1/techniques?region=${encodeURIComponent(region)}`);
        for (const item of list.items) if (item.id !== step.technique) seen.set(item.id, item);
      }
      const details = await Promise.all([...seen.keys()].slice(0, 24).map((id) =>
        U.api(`/api/v1/techniques/${encodeURIComponent(id)}`).catch(() => null)));
      const fits = details.filter((t) => t && allowed(t, step));
      fits.sort((a, b) => (b.kind === step.kind) - (a.kind === step.kind) || a.name.localeCompare(b.name));
      swapStatus.textContent = fits.length ? `${fits.length} alternative${fits.length === 1 ? "" : "s"}.` : "Nothing else fits this step safely. You can remove it instead.";
      for (const t of fits.slice(0, 8)) {
        const use = () => {
          current.plan.steps.splice(index, 1, ...makeSteps(t, step));
          persist();
          draw();
          dialog.close();
          status.textContent = `Swapped in ${t.name}.`;
          const button = U.$$(".step")[index];
          if (button) button.querySelector("button").focus();
        };
        options.append(U.el("li", {},
          U.el("h3", { text: t.name }),
          U.el("p", { class: "hint", text: t.summary }),
          U.el("button", { class: "button small primary", type: "button", onclick: use, "aria-label": `Use this: ${t.name}` }, "Use this")));
      }
    } catch (e) {
      swapStatus.textContent = e instanceof U.Offline ? "Swapping needs the library, and it hasn't been saved on this device yet." : e.message;
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
