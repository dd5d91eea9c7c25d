/* The session player: before ratings, then the guided routine.

   Time comes from timestamps, never from counting ticks. The session keeps an
   anchor — "at time T we were O seconds into step I, running or paused" — and
   every question (which step, how far) is worked out from the anchor and the
   clock now. A tab that slept, a late timer or a reload finds the right place
   at once; nothing drifts. The anchor lives in localStorage, so a reload resumes
   the same session at the same step and second. */
"use strict";
(function () {
  const U = window.unknot;
  const $ = U.$;
  const base = Date.now() - performance.now();
  const now = () => (base + performance.now()) / 1000; // wall seconds, monotonic within the page
  const LONG_STEP = 30;
  const CLEARANCE = 3;
  const NEXT_LEAD = 5;
  const GUIDANCE = {
    light: "Light: just the weight of your fingers; the skin moves, nothing sinks in.",
    moderate: "Moderate: enough to feel the muscle, easy enough to keep breathing slowly.",
    firm: "Firm: strong but never sharp. Ease off if you hold your breath or it stings.",
    stretch: "Stretch to a mild pull, never to pain; breathe out to go a little further.",
    breathing: "No pressure needed: follow the breathing circle at your own ease.",
    meditation: "No pressure: let your hands rest and your attention settle.",
  };
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  /* ---- the timeline (the same rules as unknot.guide.timeline) ---- */
  const durations = (plan) => plan.steps.map((s) => Number(s.seconds));
  function position(tl, plan, t) {
    const d = durations(plan);
    const total = d.reduce((a, b) => a + b, 0);
    let run = tl.paused || tl.stopped ? 0 : Math.max(0, t - tl.t);
    let i = tl.i;
    let o = tl.o;
    if (i >= d.length) run = 0;
    const before = d.slice(0, Math.min(i, d.length)).reduce((a, b) => a + b, 0);
    run = Math.min(run, Math.max(0, total - (before + o)));
    o += run;
    while (i < d.length && o >= d[i]) {
      o -= d[i];
      i += 1;
    }
    const finished = tl.stopped || i >= d.length;
    if (i >= d.length) {
      i = d.length - 1;
      o = d[i];
    }
    const planElapsed = d.slice(0, i).reduce((a, b) => a + b, 0) + o;
    return { index: i, elapsed: o, seconds: d[i], planElapsed, total, active: tl.a + run, paused: tl.paused, finished, stopped: tl.stopped };
  }
  function reanchor(tl, plan, t) {
    const p = position(tl, plan, t);
    const at = Math.max(t, tl.t);
    if (p.finished && !tl.stopped) return Object.assign({}, tl, { t: at, i: plan.steps.length, o: 0, a: p.active });
    return Object.assign({}, tl, { t: at, i: p.index, o: p.elapsed, a: p.active });
  }
  const actions = {
    pause: (tl, plan, t) => (tl.paused || position(tl, plan, t).finished ? tl : Object.assign(reanchor(tl, plan, t), { paused: true })),
    resume: (tl, plan, t) => (tl.paused ? Object.assign(reanchor(tl, plan, t), { paused: false }) : tl),
    next(tl, plan, t) {
      const here = reanchor(tl, plan, t);
      return position(here, plan, t).finished ? here : Object.assign(here, { i: here.i + 1, o: 0 });
    },
    back(tl, plan, t) {
      const here = reanchor(tl, plan, t);
      return here.stopped ? here : Object.assign(here, { i: Math.max(0, Math.min(here.i, plan.steps.length) - 1), o: 0 });
    },
    stop: (tl, plan, t) => (tl.stopped ? tl : Object.assign(reanchor(tl, plan, t), { stopped: true })),
  };

  /* ---- what to say, and when (the same rules as unknot.guide.cues) ---- */
  function stepCues(plan, index) {
    const steps = plan.steps;
    const step = steps[index];
    const seconds = Number(step.seconds);
    const cues = [{ at: 0, order: 0, say: `${U.stepTitle(step)}.`, kind: "start" }];
    const written = [];
    (step.cues || []).forEach((c, n) => {
      const text = String(c.say || "").trim();
      if (!text) return;
      const at = Math.min(Math.max(0, Number(c.at) || 0), Math.max(0, seconds - 1));
      written.push(at);
      cues.push({ at, order: 1 + n, say: text, kind: "plan" });
    });
    if (!written.length) {
      (step.instructions || []).forEach((line, n) => cues.push({ at: 0, order: 1 + n, say: line, kind: "plan" }));
    }
    const near = (at) => written.some((w) => Math.abs(at - w) < CLEARANCE);
    if (seconds >= LONG_STEP) {
      if (!near(seconds / 2)) cues.push({ at: seconds / 2, order: 1000, say: "Halfway.", kind: "halfway" });
      if (!near(seconds - 10)) cues.push({ at: seconds - 10, order: 1001, say: "Ten seconds left.", kind: "ten_left" });
    }
    if (index + 1 < steps.length) {
      cues.push({ at: Math.max(seconds - NEXT_LEAD, seconds / 2), order: 1002, say: `Next: ${U.stepTitle(steps[index + 1])}.`, kind: "next" });
    }
    return cues.sort((a, b) => a.at - b.at || a.order - b.order);
  }

  /* ---- the breath pacer: follows "breathe in / out" cues, else the chosen pace ---- */
  const ease = (p) => (1 - Math.cos(Math.PI * p)) / 2;
  function breathMarks(step) {
    const marks = [];
    for (const c of step.cues || []) {
      const text = String(c.say).toLowerCase();
      if (/\b(breathe in|inhale|in…|in\.\.\.)/.test(text)) marks.push({ at: Number(c.at), phase: "in" });
      else if (/\b(breathe out|exhale|out…|out\.\.\.)/.test(text)) marks.push({ at: Number(c.at), phase: "out" });
    }
    return marks;
  }
  function breath(step, e, rate) {
    const period = 60 / rate;
    const inhale = period * 0.4;
    const marks = breathMarks(step);
    let anchor = 0;
    let shift = 0;
    for (let n = 0; n < marks.length; n++) {
      const m = marks[n];
      if (m.at > e) break;
      const limit = m.phase === "in" ? inhale * 1.6 : (period - inhale) * 1.6;
      const length = Math.min(limit, n + 1 < marks.length ? marks[n + 1].at - m.at : limit);
      if (e < m.at + length) {
        const p = (e - m.at) / length;
        return { phase: m.phase, level: m.phase === "in" ? ease(p) : 1 - ease(p) };
      }
      anchor = m.at + length;
      shift = m.phase === "in" ? inhale : 0;
    }
    const within = (e - anchor + shift) % period;
    if (within < inhale) return { phase: "in", level: ease(within / inhale) };
    return { phase: "out", level: 1 - ease((within - inhale) / (period - inhale)) };
  }

  /* ---- sound: speech, a soft chime when there is no voice, ambient noise ---- */
  let audio = null;
  let ambientNode = null;
  const said = [];
  function ctx() {
    const A = window.AudioContext || window.webkitAudioContext;
    if (!A) return null;
    if (!audio) audio = new A();
    if (audio.state === "suspended") audio.resume().catch(() => {});
    return audio;
  }
  function chime(notes) {
    const c = ctx();
    if (!c) return;
    notes.forEach((freq, n) => {
      const t0 = c.currentTime + n * 0.35;
      const osc = c.createOscillator();
      const gain = c.createGain();
      osc.type = "sine";
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.18, t0 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 1.6);
      osc.connect(gain).connect(c.destination);
      osc.start(t0);
      osc.stop(t0 + 1.7);
    });
  }
  const CHIMES = { start: [660, 880], halfway: [660], ten_left: [587], end: [523, 659, 784], stop: [440] };
  function voiceOf(prefs) {
    if (!("speechSynthesis" in window)) return null;
    const voices = speechSynthesis.getVoices();
    return voices.find((v) => v.name === prefs.voice_name) || null;
  }
  function say(text, kind, urgent) {
    said.push({ t: now(), text, kind });
    if (session && session.muted) return;
    const prefs = U.prefs();
    const canSpeak = prefs.voice && "speechSynthesis" in window && (!navigator.userActivation || navigator.userActivation.hasBeenActive);
    if (canSpeak) {
      if (urgent) speechSynthesis.cancel();
      const u = new SpeechSynthesisUtterance(text);
      u.rate = Number(prefs.voice_rate) || 0.9;
      const v = voiceOf(prefs);
      if (v) u.voice = v;
      speechSynthesis.speak(u);
    } else if (CHIMES[kind]) {
      chime(CHIMES[kind]);
    }
  }
  function noise(c, kind) {
    const length = c.sampleRate * 4;
    const buffer = c.createBuffer(1, length, c.sampleRate);
    const data = buffer.getChannelData(0);
    let last = 0;
    for (let n = 0; n < length; n++) {
      const white = Math.random() * 2 - 1;
      last = (last + 0.02 * white) / 1.02;
      data[n] = kind === "rain" ? white * 0.5 : last * 3.5;
    }
    return buffer;
  }
  function setAmbient(kind) {
    if (ambientNode) {
      const old = ambientNode;
      old.gain.gain.setTargetAtTime(0, old.ctx.currentTime, 0.4);
      setTimeout(() => old.src.stop(), 2000);
      ambientNode = null;
    }
    if (!kind || kind === "off" || (session && session.muted) || !session || session.status !== "running") return;
    const c = ctx();
    if (!c) return;
    const src = c.createBufferSource();
    src.buffer = noise(c, kind);
    src.loop = true;
    const filter = c.createBiquadFilter();
    filter.type = kind === "rain" ? "bandpass" : "lowpass";
    filter.frequency.value = kind === "rain" ? 2500 : kind === "waves" ? 700 : 320;
    const gain = c.createGain();
    gain.gain.value = 0;
    const level = kind === "rain" ? 0.05 : 0.12;
    gain.gain.setTargetAtTime(level, c.currentTime, 1);
    src.connect(filter).connect(gain).connect(c.destination);
    if (kind === "waves") {
      const lfo = c.createOscillator();
      const depth = c.createGain();
      lfo.frequency.value = 0.09;
      depth.gain.value = level * 0.8;
      lfo.connect(depth).connect(gain.gain);
      lfo.start();
    }
    src.start();
    ambientNode = { src, gain, ctx: c };
  }

  /* ---- screen awake, vibration ---- */
  let lock = null;
  async function keepAwake(on) {
    try {
      if (on && !lock && "wakeLock" in navigator && document.visibilityState === "visible") {
        lock = await navigator.wakeLock.request("screen");
        lock.addEventListener("release", () => (lock = null));
      } else if (!on && lock) {
        await lock.release();
        lock = null;
      }
    } catch (e) {
      lock = null; // refused (battery saver, no permission): the session goes on
    }
  }

  /* ---- the session ---- */
  let session = U.load("session", null);
  let spoken = null; // {index, at}: the last cue dealt with
  let shownIndex = -1;
  let lastProgress = 0;
  let timer = null;
  const stages = ["before", "check", "none", "player", "stopped", "done"];
  function stage(name) {
    stages.forEach((s) => ($(`#stage-${s}`).hidden = s !== name));
    if (name === "done" && session && session.plan) $("#done-summary").textContent = U.doneSummary(session);
    // Immersive while the routine plays: on a phone the site header gives its room to the step.
    document.body.classList.toggle("immersive", name === "player");
  }
  function store() {
    U.save("session", session);
  }
  function sendProgress(pos) {
    if (session.status !== "running") return;
    lastProgress = now();
    U.outbox.add(`replace:progress:${session.id}`, "PUT", `/api/v1/sessions/${session.id}/progress`,
      { step_index: pos.index, step_elapsed: Math.round(pos.elapsed * 1000) / 1000 });
  }
  function finish(status, pos, reason) {
    const completed = status === "completed" ? session.plan.steps.length : pos.index;
    session.status = status;
    session.finished_at = Date.now();
    session.active_seconds = Math.round(pos.active); // for the summary: time spent, pauses left out
    // When it ended, not when the network came back: a session done offline keeps its time.
    session.finish = { status, after: null, completed_steps: completed, stop_reason: reason || null, note: null,
                       finished_at: new Date(session.finished_at).toISOString() };
    store();
    U.outbox.add(`finish:${session.id}`, "POST", `/api/v1/sessions/${session.id}/finish`, session.finish);
    keepAwake(false);
    setAmbient("off");
    clearTimeout(timer);
  }

  const lit = (regions) => {
    const on = new Set(regions);
    if (on.has("head")) ["scalp", "forehead", "temples"].forEach((r) => on.add(r));
    return on;
  };
  function showStep(pos) {
    const plan = session.plan;
    const step = plan.steps[pos.index];
    $("#step-title").textContent = step.name;
    const fig = $("#figure-slot");
    fig.dataset.technique = step.technique || "";
    fig.dataset.position = step.position || "";
    fig.dataset.side = step.side || ""; // a step on one side shows that side
    if (window.unknotFigures && step.technique) window.unknotFigures.put(fig, "large");
    // The next step's figure is fetched now, so it is there at once (and offline) when it starts.
    const after = plan.steps[pos.index + 1];
    if (window.unknotFigures && after && after.technique) window.unknotFigures.get(after.technique, after.position || "", "large", false, after.side || "");
    $("#step-side").hidden = !step.side;
    $("#step-side").textContent = step.side ? `${U.capital(step.side)} side` : "";
    $("#step-guidance").textContent = GUIDANCE[step.kind] || GUIDANCE[step.pressure] || GUIDANCE.light;
    $("#step-instructions").replaceChildren(...(step.instructions || []).map((line) => U.el("li", { text: line })));
    $("#step-stop").hidden = !step.stop_if;
    $("#step-stop").textContent = step.stop_if || "";
    const next = plan.steps[pos.index + 1];
    $("#step-next").textContent = next ? `Next: ${U.stepTitle(next)} (${U.clock(next.seconds)})` : "Last step: rest a moment afterwards.";
    $("#step-count").textContent = `Step ${pos.index + 1} of ${plan.steps.length}`;
    const on = lit(step.regions);
    U.$$("#player-map .rg").forEach((g) => g.classList.toggle("lit", on.has(g.dataset.region)));
    $("#player-map").setAttribute("aria-label", `Body map: ${U.words(step.regions)}`);
    $("#announce").textContent = `Step ${pos.index + 1} of ${plan.steps.length}: ${U.stepTitle(step)}.`;
  }

  function dueCues(pos) {
    const cues = stepCues(session.plan, pos.index);
    if (!spoken || spoken.index !== pos.index) {
      const due = cues.filter((c) => c.at <= pos.elapsed);
      const start = due.filter((c) => c.kind === "start");
      const late = pos.elapsed > CLEARANCE ? due.filter((c) => c.kind !== "start").slice(-1) : due.filter((c) => c.kind !== "start");
      return start.concat(late);
    }
    const due = cues.filter((c) => c.at > spoken.at && c.at <= pos.elapsed);
    return pos.elapsed - spoken.at > 5 ? due.slice(-1) : due;
  }

  function tick() {
    clearTimeout(timer);
    if (!session || session.status !== "running") return;
    const t = now();
    const pos = position(session.tl, session.plan, t);
    if (pos.index !== shownIndex) {
      const changed = shownIndex !== -1;
      showStep(pos);
      shownIndex = pos.index;
      if (changed) {
        if (navigator.vibrate && navigator.userActivation && navigator.userActivation.hasBeenActive) navigator.vibrate(60);
        sendProgress(pos);
      }
    }
    const step = session.plan.steps[pos.index];
    const left = pos.seconds - pos.elapsed;
    $("#step-left").textContent = U.clock(left);
    $("#ring").style.strokeDashoffset = String(Math.round((pos.elapsed / pos.seconds) * 1000));
    $("#session-time").textContent = `${U.clock(pos.planElapsed)} of ${U.clock(pos.total)}`;
    const percent = Math.round((pos.planElapsed / pos.total) * 100);
    $("#session-fill").style.width = `${percent}%`;
    $("#session-bar").setAttribute("aria-valuenow", String(percent));
    $("#session-bar").setAttribute("aria-valuetext", `${U.clock(pos.planElapsed)} of ${U.clock(pos.total)}`);
    const b = breath(step, pos.elapsed, Number(U.prefs().breath_rate) || 6);
    $("#breath-label").textContent = pos.paused ? "Paused" : b.phase === "in" ? "Breathe in" : "Breathe out";
    if (!reduced) $("#pacer").style.transform = `scale(${(0.55 + 0.45 * (pos.paused ? 0.5 : b.level)).toFixed(3)})`;
    if (!reduced && window.unknotFigures) window.unknotFigures.sync($("#figure-slot"), b.phase, b.level);
    $("#stage-player").dataset.step = String(pos.index);
    $("#stage-player").dataset.elapsed = pos.elapsed.toFixed(2);
    if (!pos.paused) {
      for (const cue of dueCues(pos)) say(cue.say, cue.kind, cue.kind === "start");
      spoken = { index: pos.index, at: pos.elapsed };
      if (t - lastProgress > 15) sendProgress(pos);
    }
    if (pos.finished) {
      finish("completed", pos);
      say("Well done. That's the whole routine. Rest a moment, then tell us how you feel.", "end", false);
      stage("done");
      $("#done-title").focus();
      return;
    }
    // Wake for the next cue or the step's end, and at least ten times a second for the pacer.
    const upcoming = stepCues(session.plan, pos.index).map((c) => c.at).filter((at) => at > pos.elapsed);
    const nextAt = Math.min(pos.seconds, ...upcoming);
    const wait = pos.paused ? 500 : Math.min(100, Math.max(1, Math.ceil((nextAt - pos.elapsed) * 1000)));
    timer = setTimeout(tick, wait);
  }

  function act(name) {
    if (!session || session.status !== "running") return;
    const t = now();
    const was = position(session.tl, session.plan, t);
    session.tl = actions[name](session.tl, session.plan, t);
    if (name === "pause") session.pauses.push([Date.now(), null]);
    if (name === "resume" && session.pauses.length) session.pauses[session.pauses.length - 1][1] = Date.now();
    store();
    const pos = position(session.tl, session.plan, t);
    $("#pause").textContent = pos.paused ? "Resume" : "Pause";
    $("#pause").setAttribute("aria-pressed", String(pos.paused));
    if (name === "pause") {
      if ("speechSynthesis" in window) speechSynthesis.cancel();
      keepAwake(false);
      $("#announce").textContent = "Paused.";
    }
    if (name === "resume") {
      keepAwake(true);
      $("#announce").textContent = "Resumed.";
    }
    if (name === "next" || name === "back") {
      if ("speechSynthesis" in window) speechSynthesis.cancel();
      spoken = null;
      shownIndex = -1;
    }
    if (pos.index !== was.index || name === "pause" || name === "resume") sendProgress(pos);
    tick();
  }
  function togglePause() {
    act(session.tl.paused ? "resume" : "pause");
  }
  function hurts() {
    if (!session || session.status !== "running") return;
    const t = now();
    const pos = position(session.tl, session.plan, t);
    session.tl = actions.stop(session.tl, session.plan, t);
    finish("stopped", pos, "hurts");
    say("Stopping now. Ease off and stop pressing. If the pain stays or gets worse, see a doctor.", "stop", true);
    stage("stopped");
    $("#stopped-title").focus();
  }
  function quit() {
    if (!session || session.status !== "running") return;
    if (!window.confirm("End this session now? You can still say how you feel.")) return;
    const t = now();
    const pos = position(session.tl, session.plan, t);
    session.tl = actions.stop(session.tl, session.plan, t);
    finish("quit", pos);
    location.assign("/after");
  }

  function startPlayer(fromGesture) {
    stage("player");
    const t = now();
    const pos = position(session.tl, session.plan, t);
    $("#pause").textContent = pos.paused ? "Resume" : "Pause";
    $("#pause").setAttribute("aria-pressed", String(pos.paused));
    $("#mute").setAttribute("aria-pressed", String(!!session.muted));
    $("#ambient").value = session.ambient || U.prefs().ambient || "off";
    if (!fromGesture) {
      // A reload: carry on from here without repeating what was already said.
      spoken = { index: pos.index, at: pos.elapsed };
      const blocked = navigator.userActivation && !navigator.userActivation.hasBeenActive;
      $("#sound-hint").hidden = !(blocked && U.prefs().voice && !session.muted);
    } else {
      ctx();
      setAmbient($("#ambient").value);
      // The clock starts now, once the sound is set up, so the first words are on time.
      session.tl.t = now();
      store();
    }
    if (!pos.paused) keepAwake(true);
    tick();
    $("#step-title").setAttribute("tabindex", "-1");
    if (fromGesture) $("#step-title").focus();
  }

  function begin(before) {
    const current = U.load("current", null);
    if (!current || !current.plan.steps.length || !U.checked(current.plan)) {
      // Never a routine whose safety check is not done (the server refuses it too).
      stage(current && current.plan.steps.length ? "check" : "none");
      return;
    }
    const old = U.load("session", null);
    if (old && old.status === "running") {
      // A different routine is starting: close the old one as left early.
      const pos = position(old.tl, old.plan, now());
      U.outbox.add(`finish:${old.id}`, "POST", `/api/v1/sessions/${old.id}/finish`,
        { status: "quit", after: null, completed_steps: pos.index, stop_reason: null, note: null,
          finished_at: new Date().toISOString() });
    }
    session = {
      id: U.uuid(), routine: current.id, plan: current.plan, request: current.request, before,
      status: "running", started_at: Date.now(), pauses: [], finish: null, muted: false,
      ambient: U.prefs().ambient || "off", tl: { t: now(), i: 0, o: 0, a: 0, paused: false, stopped: false },
    };
    store();
    U.outbox.add(`create:${session.id}`, "POST", "/api/v1/sessions", {
      id: session.id, plan: session.plan, request: session.request, before, source: "web", status: "in_progress",
      created_at: new Date(session.started_at).toISOString(),
      programme: current.programme || null,  // clinic mode: the programme slot played
    });
    history.replaceState(null, "", "/session");
    document.title = "Your session · unknot";
    startPlayer(true);
  }

  /* ---- controls ---- */
  $("#pause").addEventListener("click", togglePause);
  $("#next").addEventListener("click", () => act("next"));
  $("#back").addEventListener("click", () => act("back"));
  $("#hurts").addEventListener("click", hurts);
  $("#quit").addEventListener("click", quit);
  $("#mute").addEventListener("click", () => {
    session.muted = !session.muted;
    store();
    $("#mute").setAttribute("aria-pressed", String(session.muted));
    if (session.muted && "speechSynthesis" in window) speechSynthesis.cancel();
    setAmbient(session.muted ? "off" : $("#ambient").value);
  });
  $("#ambient").addEventListener("change", (e) => {
    session.ambient = e.target.value;
    store();
    setAmbient(e.target.value);
  });
  $("#sound-on").addEventListener("click", () => {
    $("#sound-hint").hidden = true;
    ctx();
    setAmbient($("#ambient").value);
    const pos = position(session.tl, session.plan, now());
    say(`${U.stepTitle(session.plan.steps[pos.index])}.`, "start", true);
  });
  /* Space pauses and resumes wherever the focus is in the player, also on the button
     last clicked (which would otherwise take the Space and do its own thing again).
     Only where Space must mean that control — the stop, the end, the sound — and in
     form fields does it keep its usual meaning. */
  const OWN_SPACE = ["hurts", "quit", "sound-on"];
  const ownsSpace = (target) => ["INPUT", "SELECT", "TEXTAREA", "A", "SUMMARY"].includes(target.tagName) ||
    OWN_SPACE.includes(target.id);
  let spaceTaken = false;
  document.addEventListener("keyup", (event) => {
    // The button's own click comes on keyup: cancel it when the keydown was ours.
    if (event.key === " " && spaceTaken) {
      event.preventDefault();
      spaceTaken = false;
    }
  });
  document.addEventListener("keydown", (event) => {
    if ($("#stage-player").hidden || event.altKey || event.ctrlKey || event.metaKey) return;
    const tag = event.target.tagName;
    if (["INPUT", "SELECT", "TEXTAREA"].includes(tag)) return;
    if (event.key === " " && !ownsSpace(event.target)) {
      event.preventDefault();
      spaceTaken = true;
      if (!event.repeat) togglePause();
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      act("next");
    } else if (event.key === "ArrowLeft") {
      event.preventDefault();
      act("back");
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (!session || session.status !== "running") return;
    if (document.visibilityState === "visible") {
      if (!session.tl.paused) keepAwake(true);
      tick();
    }
  });
  $("#before-form").addEventListener("submit", (event) => {
    event.preventDefault();
    begin(U.ratings(event.target, "before"));
  });

  /* ---- which screen to show ---- */
  U.ratings = function (form, prefix) {
    const out = {};
    for (const name of ["pain", "tension", "stress"]) {
      const checked = form.querySelector(`input[name="${prefix}-${name}"]:checked`);
      out[name] = checked && checked.value !== "" ? Number(checked.value) : null;
    }
    return out;
  };
  const current = U.load("current", null);
  const wantsNew = $("#stage-before").dataset.stage === "before";
  if (session && session.status === "running" && !(wantsNew && current && current.id !== session.routine)) {
    history.replaceState(null, "", "/session");
    startPlayer(false);
  } else if (!wantsNew && session && session.status === "stopped") {
    stage("stopped");
  } else if (!wantsNew && session && session.finish) {
    stage("done");
  } else if (current && current.plan.steps.length && !U.checked(current.plan)) {
    stage("check");
  } else if (current && current.plan.steps.length) {
    stage("before");
    history.replaceState(null, "", "/before");
  } else {
    stage("none");
  }
  U.loadPrefs();
  window.unknotPlayer = {
    position: () => (session && session.tl ? position(session.tl, session.plan, now()) : null),
    session: () => session,
    said,
    stepCues,
    breath,
  };
})();
