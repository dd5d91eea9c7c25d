/* Settings: read from the API (or this device), saved back through the outbox. */
"use strict";
(function () {
  const U = window.unknot;
  const form = U.$("#settings-form");
  const status = U.$("#settings-status");

  function voices() {
    if (!("speechSynthesis" in window)) return;
    const select = U.$("#voice_name");
    const chosen = U.prefs().voice_name || "";
    const list = speechSynthesis.getVoices().filter((v) => /^en/i.test(v.lang) || v.name === chosen);
    select.replaceChildren(U.el("option", { value: "" }, "The device's usual voice"),
      ...list.map((v) => U.el("option", { value: v.name, selected: v.name === chosen }, `${v.name} (${v.lang})`)));
  }
  function fill(p) {
    form.voice.checked = !!p.voice;
    form.voice_rate.value = p.voice_rate;
    form.breath_rate.value = p.breath_rate;
    form.minutes.value = p.minutes;
    for (const name of ["ambient", "pressure", "setting"]) {
      U.$$(`input[name="${name}"]`, form).forEach((i) => (i.checked = i.value === p[name]));
    }
    U.$$('input[name="tools"]', form).forEach((i) => (i.checked = (p.tools || []).includes(i.value)));
    outputs();
    voices();
  }
  function outputs() {
    U.$("#voice_rate_out").textContent = `${Number(form.voice_rate.value).toFixed(2)}×`;
    U.$("#breath_rate_out").textContent = String(form.breath_rate.value);
  }
  form.addEventListener("input", outputs);
  U.$("#try-voice").addEventListener("click", () => {
    if (!("speechSynthesis" in window)) {
      status.textContent = "This browser has no voice; you'll hear a soft chime at each step instead.";
      return;
    }
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance("Let your shoulders drop, and breathe out slowly.");
    u.rate = Number(form.voice_rate.value);
    const v = speechSynthesis.getVoices().find((x) => x.name === form.voice_name.value);
    if (v) u.voice = v;
    speechSynthesis.speak(u);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const minutes = Number(form.minutes.value);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) {
      status.textContent = "Usual minutes: choose a whole number from 1 to 60.";
      form.minutes.focus();
      return;
    }
    const data = new FormData(form);
    const prefs = {
      voice: form.voice.checked, voice_name: form.voice_name.value || null,
      voice_rate: Number(form.voice_rate.value), breath_rate: Number(form.breath_rate.value),
      ambient: data.get("ambient") || "off", pressure: data.get("pressure") || "moderate",
      tools: data.getAll("tools"), setting: data.get("setting") || "anywhere", minutes,
    };
    await U.savePrefs(prefs);
    // The start page fills in the last request's choices first: the new usual ones win now.
    const last = U.load("lastRequest", null);
    if (last) U.save("lastRequest", Object.assign(last, { minutes, setting: prefs.setting, pressure: prefs.pressure, tools: prefs.tools }));
    status.textContent = U.outbox.items().some((i) => i.key === "replace:prefs")
      ? "Saved on this device; they'll be sent when you're back online."
      : "Saved.";
  });
  if ("speechSynthesis" in window) speechSynthesis.addEventListener("voiceschanged", voices);
  fill(U.prefs());
  // The server's copy arrives a moment later: it fills the form only if the person has not
  // started changing it, never over a value just typed (a slow answer once undid "45").
  let touched = false;
  form.addEventListener("input", () => (touched = true), { once: true });
  form.addEventListener("change", () => (touched = true), { once: true });
  U.loadPrefs().then((prefs) => {
    if (!touched) fill(prefs);
  });
})();
