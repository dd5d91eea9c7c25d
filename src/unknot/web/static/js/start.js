/* The start page: the body map, remembered choices, and asking the API for a plan. */
"use strict";
(function () {
  const U = window.unknot;
  const form = U.$("#start-form");
  const map = U.$("#bodymap");
  const boxes = () => U.$$('input[name="regions"]', form);

  function picked() {
    return boxes().filter((b) => b.checked).map((b) => b.value);
  }
  function drawMap() {
    const on = new Set(picked());
    U.$$(".rg", map).forEach((g) => {
      const yes = on.has(g.dataset.region);
      g.classList.toggle("on", yes);
      if (g.hasAttribute("role")) g.setAttribute("aria-checked", String(yes));
    });
    const list = picked();
    U.$("#picked").textContent = list.length
      ? `Picked: ${list.map(U.word).join(", ")}.`
      : "No areas picked: we'll go by your words.";
  }
  function toggle(region) {
    const box = boxes().find((b) => b.value === region);
    if (box) box.checked = !box.checked;
    drawMap();
  }
  map.addEventListener("click", (event) => {
    const g = event.target.closest(".rg");
    if (g) toggle(g.dataset.region);
  });
  /* One tab stop for the whole map (a roving tab index): arrow keys move between the
     areas, Home and End go to the first and last, Space or Enter picks. */
  const areas = U.$$(".rg[role=checkbox]", map);
  function rove(to) {
    areas.forEach((g) => g.setAttribute("tabindex", g === to ? "0" : "-1"));
    to.focus();
  }
  const MOVES = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  map.addEventListener("keydown", (event) => {
    const g = event.target.closest(".rg");
    if (!g) return;
    const at = areas.indexOf(g);
    if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      toggle(g.dataset.region);
    } else if (event.key in MOVES) {
      event.preventDefault();
      rove(areas[(at + MOVES[event.key] + areas.length) % areas.length]);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      rove(areas[event.key === "Home" ? 0 : areas.length - 1]);
    }
  });
  // A click moves the tab stop too, so Tab comes back to the area last touched.
  map.addEventListener("focusin", (event) => {
    const g = event.target.closest(".rg[role=checkbox]");
    if (g) areas.forEach((a) => a.setAttribute("tabindex", a === g ? "0" : "-1"));
  });
  form.addEventListener("change", (event) => {
    if (event.target.name === "regions") drawMap();
  });

  function setChoice(name, values) {
    const want = new Set([].concat(values).map(String));
    U.$$(`input[name="${name}"]`, form).forEach((input) => {
      input.checked = want.has(input.value);
    });
  }
  function readForm() {
    const data = new FormData(form);
    const number = (name) => {
      const v = String(data.get(name) || "").trim();
      return /^\d+$/.test(v) ? Number(v) : null;
    };
    const list = (name) => String(data.get(name) || "").split(",").map((s) => s.trim()).filter(Boolean);
    const answers = {
      age: number("age"),
      pregnant: data.get("pregnant") ? true : null,
      pregnancy_weeks: number("pregnancy_weeks"),
      conditions: list("conditions"),
      medicines: list("medicines"),
      injury: String(data.get("injury") || "").trim() || null,
    };
    for (const k of Object.keys(answers)) {
      if (answers[k] === null || (Array.isArray(answers[k]) && !answers[k].length)) delete answers[k];
    }
    return {
      text: String(data.get("text") || "").trim() || null,
      minutes: Number(data.get("minutes") || 10),
      setting: data.get("setting") || "anywhere",
      pressure: data.get("pressure") || "moderate",
      tools: data.getAll("tools"),
      regions: data.getAll("regions"),
      answers: Object.keys(answers).length ? answers : null,
    };
  }
  /* Any whole number of minutes from 1 to 60 (the settings allow them all): one that is
     not among the usual choices gets a choice of its own, in order. */
  function minuteChoice(minutes) {
    const value = String(minutes);
    const inputs = U.$$('input[name="minutes"]', form);
    if (!/^\d+$/.test(value) || minutes < 1 || minutes > 60 || inputs.some((i) => i.value === value)) return;
    const chip = inputs[0].closest(".chip").cloneNode(true);
    const input = chip.querySelector("input");
    input.value = value;
    input.checked = false;
    chip.querySelector("span").textContent = `${value} min`;
    const after = inputs.find((i) => Number(i.value) > minutes);
    const row = inputs[0].closest(".chip-row");
    row.insertBefore(chip, after ? after.closest(".chip") : null);
  }
  function restore(last, prefs) {
    const source = last || prefs;
    minuteChoice(Number(source.minutes || 10));
    setChoice("minutes", String(source.minutes || 10));
    setChoice("setting", source.setting || "anywhere");
    setChoice("pressure", source.pressure || "moderate");
    setChoice("tools", source.tools || []);
    if (last) {
      U.$("#text").value = last.text || "";
      setChoice("regions", last.regions || []);
    }
    drawMap();
  }

  /* Words we could not place on the body: say so, and offer the body map (never a whole-body routine). */
  function unclear() {
    const box = U.$("#unclear");
    box.hidden = false;
    box.scrollIntoView({ block: "start" });
  }

  function showErrors(messages) {
    const box = U.$("#form-errors");
    box.replaceChildren(U.el("h2", { text: "Please check the form" }), U.el("ul", {}, messages.map((m) => U.el("li", { text: m }))));
    box.hidden = false;
    box.scrollIntoView({ block: "start" });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const request = readForm();
    const status = U.$("#start-status");
    U.$("#form-errors").hidden = true;
    U.$("#unclear").hidden = true;
    if (!request.text && !request.regions.length) {
      showErrors(["Tell us what's bothering you, or tap at least one area on the body map."]);
      U.$("#text").focus();
      return;
    }
    const button = U.$("#make");
    button.disabled = true;
    status.textContent = "Checking it's safe and making your routine…";
    U.save("lastRequest", request);
    try {
      // The seed goes with the request, so the plan made after the safety check is the same one.
      const asked = Object.assign({ seed: Math.floor(Math.random() * 100000) }, request);
      const plan = await U.api("/api/v1/plans", { method: "POST", body: asked });
      const next = U.nextPage(plan);
      if (next === null) {
        button.disabled = false;
        status.textContent = "";
        unclear();
        return;
      }
      const current = { id: U.uuid(), plan, request: asked, made_at: new Date().toISOString() };
      U.save("current", current);
      U.remember(current);
      location.assign(next);
    } catch (e) {
      button.disabled = false;
      status.textContent = "";
      if (e instanceof U.Offline) {
        showErrors(["You're offline, so we can't check and plan a new routine just now. A recent routine below still works."]);
      } else {
        showErrors([e.message]);
      }
    }
  });

  /* Recent routines: open, rename or delete (with an undo). Long names are cut to two
     lines on screen; the whole name stays in the page for screen readers. */
  const NAME_MAX = 80;
  const nameOf = (entry) => entry.name || entry.request.text || U.words(entry.request.regions) || "Your routine";
  const savedStatus = U.$("#saved-status");
  function changeSaved(change) {
    const list = U.load("routines", []);
    change(list);
    U.save("routines", list);
    drawSaved();
  }
  function renameForm(li, entry) {
    const input = U.el("input", { type: "text", id: `name-${entry.id}`, maxlength: String(NAME_MAX), value: entry.name || nameOf(entry).slice(0, NAME_MAX) });
    const done = (name) => {
      changeSaved((list) => {
        const found = list.find((r) => r.id === entry.id);
        if (found) {
          if (name) found.name = name;
          else delete found.name;
        }
      });
      savedStatus.textContent = name ? `Renamed to “${name}”.` : "The name is back to what you wrote.";
      const again = U.$(`#saved-list li[data-id="${entry.id}"] .rename`);
      if (again) again.focus();
    };
    const form = U.el("form", { class: "rename-form" },
      U.el("label", { for: input.id, text: "Name for this routine" }), input,
      U.el("div", { class: "saved-actions" },
        U.el("button", { class: "button small primary", type: "submit" }, "Save name"),
        U.el("button", { class: "button small", type: "button", onclick: () => { drawSaved(); } }, "Cancel")));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      done(input.value.trim().slice(0, NAME_MAX));
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") drawSaved();
    });
    li.replaceChildren(form);
    input.focus();
    input.select();
  }
  function remove(entry, index) {
    changeSaved((list) => {
      const at = list.findIndex((r) => r.id === entry.id);
      if (at >= 0) list.splice(at, 1);
    });
    const undo = U.el("button", { class: "button small", type: "button", onclick: () => {
      changeSaved((list) => list.splice(Math.min(index, list.length), 0, entry));
      savedStatus.textContent = `“${nameOf(entry)}” is back.`;
    } }, "Undo");
    savedStatus.replaceChildren(`Deleted “${nameOf(entry)}”. `, undo);
    undo.focus();
  }
  function drawSaved() {
    const list = U.load("routines", []);
    const ul = U.$("#saved-list");
    ul.replaceChildren();
    list.forEach((entry, index) => {
      const minutes = Math.max(1, Math.round(entry.plan.total_seconds / 60));
      const what = nameOf(entry);
      const open = () => {
        U.save("current", entry);
        location.assign(U.checked(entry.plan) ? "/plan" : "/check");
      };
      const li = U.el("li", { "data-id": entry.id });
      li.append(
        U.el("div", { class: "saved-what" },
          U.el("strong", { class: "saved-name", text: what }),
          U.el("span", { class: "hint", text: `${U.count(minutes, "minute")} · ${U.count(entry.plan.steps.length, "step")}` })),
        U.el("div", { class: "saved-actions" },
          U.el("button", { class: "button small primary", type: "button", onclick: open, "aria-label": `Open “${what}”` }, "Open"),
          U.el("button", { class: "button small rename", type: "button", onclick: () => renameForm(li, entry), "aria-label": `Rename “${what}”` }, "Rename"),
          U.el("button", { class: "button small", type: "button", onclick: () => remove(entry, index), "aria-label": `Delete “${what}”` }, "Delete")));
      ul.append(li);
    });
    U.$("#saved").hidden = !list.length && !savedStatus.textContent;
  }

  const running = U.load("session", null);
  if (running && running.status === "running") {
    U.$("#resume").hidden = false;
    U.$("#resume-what").textContent = running.request && running.request.text ? `“${running.request.text}”` : "";
  }
  restore(U.load("lastRequest", null), U.prefs());
  drawSaved();
  if (!U.load("lastRequest", null)) {
    // The server's settings arrive a moment later: they fill the form only if the person
    // has not started on it, never over a choice just made.
    let touched = false;
    form.addEventListener("input", () => (touched = true), { once: true });
    form.addEventListener("change", () => (touched = true), { once: true });
    U.loadPrefs().then((prefs) => {
      if (!touched) restore(null, prefs);
    });
  }
})();
