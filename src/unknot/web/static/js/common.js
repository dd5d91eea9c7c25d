/* unknot: what every page shares. Storage, the API, the outbox of writes that
   waits out a lost connection, preferences, labels and the service worker. */
"use strict";
(function () {
  const U = (window.unknot = {});
  const PREFIX = "unknot.";

  U.load = function (key, fallback) {
    try {
      const raw = localStorage.getItem(PREFIX + key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch (e) {
      return fallback;
    }
  };
  U.save = function (key, value) {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  };
  U.drop = function (key) {
    localStorage.removeItem(PREFIX + key);
  };
  U.$ = (sel, root) => (root || document).querySelector(sel);
  U.$$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  U.el = function (tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  };

  /* A random v4 UUID; crypto.randomUUID only exists on secure origins. */
  U.uuid = function () {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };

  U.clock = function (seconds) {
    const whole = Math.ceil(Math.max(0, seconds) - 1e-9);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
  };
  const WORDS = {
    head: "head", upper_back: "upper back", middle_back: "middle back", lower_back: "lower back",
    glutes: "buttocks", abdomen: "belly", arms: "upper arms", tennis_ball: "tennis ball",
    massage_ball: "massage ball", foam_roller: "foam roller", handheld_massager: "handheld massager",
    massage_gun: "massage gun", deep_pressure: "deep or firm pressure", percussion: "tapping and massage guns",
    stress_relief: "calm", headache_relief: "headache relief", pain_relief: "pain relief",
  };
  U.word = (key) => WORDS[key] || String(key).replace(/_/g, " ");
  U.words = (keys) => (keys || []).map(U.word).join(", ");
  U.capital = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);
  /* "1 step", "2 steps": a number with its noun, singular or plural as it should be. */
  U.count = (n, one, many) => `${n} ${n === 1 ? one : many || `${one}s`}`;
  /* "You did 6 steps in 5 minutes." — what a finished (or stopped) session covered. */
  U.doneSummary = function (session) {
    const steps = session.plan.steps;
    const done = session.finish ? Math.min(session.finish.completed_steps, steps.length) : steps.length;
    // The time really spent (pauses left out), else what the steps done were planned to take.
    const active = Number.isFinite(session.active_seconds) ? session.active_seconds : null;
    const seconds = active !== null ? active : steps.slice(0, done).reduce((sum, s) => sum + Number(s.seconds), 0);
    const minutes = Math.max(1, Math.round(seconds / 60));
    if (!done) return "You stopped before the end of the first step.";
    const of = done === steps.length ? "" : ` of ${steps.length}`;
    return `You did ${U.count(done, "step")}${of} in about ${U.count(minutes, "minute")}.`;
  };
  U.stepTitle = (step) => (step.side ? `${step.name}, ${step.side} side` : step.name);

  /* The JSON API. A lost connection throws U.Offline; a refusal throws U.ApiError. */
  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }
  class Offline extends Error {}
  U.ApiError = ApiError;
  U.Offline = Offline;
  function explain(data, status) {
    const detail = data && data.detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) {
      return detail.map((d) => `${(d.loc || []).filter((p) => p !== "body").join(".")}: ${d.msg}`).join("; ");
    }
    if (data && data.message) return data.message;
    return `The server answered ${status}.`;
  }
  U.api = async function (path, options) {
    const opts = options || {};
    const init = { method: opts.method || "GET", headers: { Accept: "application/json" } };
    // Clinic mode: a signed-in page carries its session's CSRF token for every write.
    const csrf = document.querySelector('meta[name="csrf-token"]');
    if (csrf && init.method !== "GET") init.headers["X-CSRF-Token"] = csrf.content;
    if (opts.body !== undefined) {
      init.body = JSON.stringify(opts.body);
      init.headers["Content-Type"] = "application/json";
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new Offline("You seem to be offline.");
    }
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = null;
    }
    if (response.status === 503 && response.headers.get("X-Unknot-Offline")) {
      throw new Offline("You seem to be offline.");
    }
    if (!response.ok) throw new ApiError(response.status, explain(data, response.status));
    return data;
  };

  /* The outbox: writes (sessions, progress, preferences) kept in localStorage until
     the server has them. Each has a key; a newer write with the same key replaces an
     older one that has not gone yet (only the latest progress matters). The server
     treats a repeated session create or finish as the same one, so sending twice
     never makes two. */
  const OUTBOX = "outbox";
  U.outbox = {
    items: () => U.load(OUTBOX, []),
    add(key, method, path, body) {
      const items = U.outbox.items();
      const at = items.findIndex((i) => i.key === key);
      const item = { key, method, path, body, added: Date.now() };
      if (at >= 0 && key.startsWith("replace:")) items[at] = item;
      else items.push(item);
      U.save(OUTBOX, items);
      return U.outbox.flush();
    },
    pending: () => U.outbox.items().length,
    flush() {
      if (U.outbox.running) return U.outbox.running;
      U.outbox.running = (async () => {
        await null; // let `running` be set before the finally below clears it
        let sent = 0;
        try {
          for (;;) {
            const items = U.outbox.items();
            if (!items.length) break;
            const item = items[0];
            try {
              await U.api(item.path, { method: item.method, body: item.body });
            } catch (e) {
              // 401/403: signed out, or a page from before the last sign-in; kept until signed in again.
              if (e instanceof Offline || (e instanceof ApiError && (e.status >= 500 || [401, 403, 408, 429].includes(e.status)))) {
                break; // try again later, in the same order
              }
              // Refused for good (the body is wrong): keep it aside so nothing vanishes unseen.
              const refused = U.load("refused", []);
              refused.push({ ...item, error: String(e.message || e) });
              U.save("refused", refused.slice(-20));
            }
            const now = U.outbox.items();
            if (now.length && now[0].added === item.added && now[0].key === item.key) now.shift();
            U.save(OUTBOX, now);
            sent += 1;
          }
        } finally {
          U.outbox.running = null;
          U.showNet();
        }
        return sent;
      })();
      return U.outbox.running;
    },
  };

  /* Preferences: the server's copy when it answers, this device's copy when not. */
  const DEFAULT_PREFS = {
    voice: true, voice_name: null, voice_rate: 0.9, breath_rate: 6, ambient: "off",
    pressure: "moderate", tools: [], setting: "anywhere", minutes: 10,
  };
  U.prefs = () => Object.assign({}, DEFAULT_PREFS, U.load("prefs", {}));
  U.loadPrefs = async function () {
    try {
      const server = await U.api("/api/v1/preferences");
      if (server && !U.outbox.items().some((i) => i.key === "replace:prefs")) {
        U.save("prefs", Object.assign({}, U.prefs(), server));
      }
    } catch (e) {
      /* offline or not set: keep this device's copy */
    }
    return U.prefs();
  };
  U.savePrefs = function (prefs) {
    const merged = Object.assign({}, U.prefs(), prefs);
    U.save("prefs", merged);
    return U.outbox.add("replace:prefs", "PUT", "/api/v1/preferences", merged);
  };

  /* Where a fresh plan leads: an emergency first and alone, then the quick safety
     check while any question is unanswered, then the safety page or the plan.
     Text the intake could not place never becomes a routine: null, ask for the area. */
  U.checked = (plan) => plan.intake.complete !== false;
  U.nextPage = function (plan) {
    const intake = plan.intake;
    if (intake.verdict === "urgent") return "/safety";
    if (intake.understood === false) return null;
    if (!U.checked(plan)) return "/check";
    return intake.verdict === "ok" && plan.steps.length ? "/plan" : "/safety";
  };

  /* Recent routines kept on this device, newest first, so they start offline.
     Only a routine whose safety check is done is kept. */
  U.remember = function (entry) {
    if (!U.checked(entry.plan) || !entry.plan.steps.length) return;
    const list = U.load("routines", []).filter((r) => r.id !== entry.id);
    list.unshift(entry);
    U.save("routines", list.slice(0, 8));
  };

  U.showNet = function () {
    const bar = U.$("#netbar");
    if (!bar) return;
    const waiting = U.outbox.pending();
    let text = "";
    if (!navigator.onLine) {
      text = "You're offline. Saved routines still work" + (waiting ? "; your sessions will be sent when you're back." : ".");
    } else if (waiting) {
      text = `Sending ${waiting} saved change${waiting === 1 ? "" : "s"}…`;
    }
    bar.textContent = text;
    bar.hidden = !text;
  };

  window.addEventListener("online", () => {
    U.showNet();
    U.outbox.flush();
  });
  window.addEventListener("offline", U.showNet);
  document.addEventListener("DOMContentLoaded", () => {
    U.showNet();
    if (navigator.onLine) U.outbox.flush();
  });
  // Retry now and then while something waits (a server that was down comes back without an "online" event).
  setInterval(() => {
    if (U.outbox.pending() && navigator.onLine) U.outbox.flush();
  }, 30000);

  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", () => {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
    });
  }
})();
