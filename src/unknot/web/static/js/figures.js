/* Figures of the moves (issue 8 §2): fetch a technique's figure (an inline SVG the
   server draws from data) into cards the page builds itself, and, in the player,
   set the figure's clock from the breath pacer every tick, so the hand glides on
   the out-breath exactly when the ring says "Breathe out". */
"use strict";
(function () {
  const cache = new Map();
  /* A plan step's side ("left", "right") draws the figure on that side. */
  function get(id, position, size, still, side) {
    const key = `${id}|${position || ""}|${side || ""}|${size}|${still ? 1 : 0}`;
    if (!cache.has(key)) {
      const q = new URLSearchParams({ size });
      if (position) q.set("position", position);
      if (side) q.set("side", side);
      if (still) q.set("still", "true");
      cache.set(key, fetch(`/api/v1/techniques/${encodeURIComponent(id)}/figure?${q}`)
        .then((r) => (r.ok ? r.text() : ""))
        .catch(() => ""));
    }
    return cache.get(key);
  }
  const shows = (box) => `${box.dataset.technique}|${box.dataset.position || ""}|${box.dataset.side || ""}`;
  async function put(box, size) {
    const want = shows(box);
    if (box.dataset.shown === want) return;
    const svg = await get(box.dataset.technique, box.dataset.position, size, box.dataset.still === "1",
                          box.dataset.side);
    // The box may have moved on to another step while the figure was on its way.
    if (shows(box) !== want) return;
    box.innerHTML = svg;
    box.dataset.shown = want;
  }
  function fill(root, size = "small") {
    return Promise.all([...root.querySelectorAll("[data-technique]")].map((box) => put(box, size)));
  }
  /* One figure cycle is one breath: 40 % in (the hand waits or rolls back), 60 % out
     (the stroke) — the same split as the player's pacer. */
  function sync(box, phase, level) {
    const svg = box && box.querySelector("svg");
    if (!svg || !svg.pauseAnimations) return;
    const cycle = Number(svg.dataset.cycle) || 10;
    const t = phase === "in" ? 0.4 * cycle * level : cycle * (0.4 + 0.6 * (1 - level));
    svg.pauseAnimations();
    svg.setCurrentTime(t);
  }
  /* Long lists (the library): each figure is fetched as its card comes near the screen. */
  function lazy(root) {
    const boxes = [...root.querySelectorAll("[data-technique]")];
    if (!("IntersectionObserver" in window)) return fill(root);
    const seen = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        seen.unobserve(entry.target);
        put(entry.target, "small");
      }
    }, { rootMargin: "400px 0px" });
    boxes.forEach((box) => seen.observe(box));
    return null;
  }
  window.unknotFigures = { get, fill, put, sync, lazy };
  const list = document.getElementById("library-list");
  if (list) lazy(list);
})();
