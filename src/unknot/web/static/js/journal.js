/* The journal. The server draws the first view into the document and embeds the two
   API answers it drew it from (#journal-data); this script takes over from them: it
   draws the chart's lines (they need the chart's width), writes each date as this
   browser writes dates, and pages through older sessions. Anything finished offline
   is sent first, and then the journal is asked for again so it includes it. */
"use strict";
(function () {
  const U = window.unknot;
  const $ = U.$;
  const DIMS = ["pain", "tension", "stress"];
  // An average of fewer sessions than this says more about chance than about what helps.
  const ENOUGH = 3;
  const PAGE = 20;
  const CHART = 60; // sessions the chart draws: the API sends only these
  const STATUS = { completed: "Finished", stopped: "Stopped: it hurt", quit: "Ended early", in_progress: "Not finished", planned: "Planned" };
  let data = null;
  let sessions = [];
  let dim = "pain";

  const day = (iso) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso || "") : d.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
  };
  const num = (v) => (v === null || v === undefined ? null : typeof v === "object" ? v.change ?? v.mean ?? null : Number(v));
  const change = (v) => {
    const n = num(v);
    if (n === null || Number.isNaN(n)) return "–";
    return (n > 0 ? "+" : n < 0 ? "−" : "±") + Math.abs(n).toFixed(1);
  };
  const known = (r, name) => r && r[name] !== null && r[name] !== undefined;
  function ratingLine(s) {
    const parts = DIMS.filter((d) => known(s.before, d) || known(s.after, d)).map((d) => {
      if (known(s.before, d) && known(s.after, d)) return `${U.capital(d)} ${s.before[d]} → ${s.after[d]}`;
      return known(s.before, d) ? `${U.capital(d)} ${s.before[d]} before` : `${U.capital(d)} ${s.after[d]} after`;
    });
    return parts.length ? parts.join(" · ") : "Not rated";
  }

  const chartSeries = () => (data.series || []).slice(-CHART);
  const when = (iso, attrs) => U.el("time", Object.assign({}, attrs, { datetime: iso, text: day(iso) }));

  /* The chart's lines, drawn at the size the chart is shown, so the labels stay
     readable on a phone. Until then app.css gives the empty chart the size it will
     have, so nothing under it moves; once drawn, its size follows the drawing's. */
  function plot() {
    const svg = $("#chart");
    const series = chartSeries();
    const box = Math.round(svg.getBoundingClientRect().width);
    const W = Math.max(300, box || 640), H = 240, L = 34, R = 14, T = 14, B = 30;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.classList.add("drawn");
    const x = (n) => L + (series.length < 2 ? (W - L - R) / 2 : (n * (W - L - R)) / (series.length - 1));
    const y = (v) => T + ((10 - v) * (H - T - B)) / 10;
    const ns = "http://www.w3.org/2000/svg";
    const make = (tag, attrs, text) => {
      const node = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    svg.replaceChildren();
    for (const v of [0, 5, 10]) {
      svg.append(make("line", { class: "grid", x1: L, x2: W - R, y1: y(v), y2: y(v) }));
      svg.append(make("text", { x: L - 8, y: y(v) + 4, "text-anchor": "end" }, String(v)));
    }
    const line = (key, cls) => {
      const points = series.map((s, n) => [n, s[`${dim}_${key}`]]).filter(([, v]) => v !== null && v !== undefined);
      if (points.length > 1) svg.append(make("polyline", { class: cls, points: points.map(([n, v]) => `${x(n)},${y(v)}`).join(" ") }));
      for (const [n, v] of points) svg.append(make("circle", { class: `dot-${cls}`, cx: x(n), cy: y(v), r: 4 }));
      return points;
    };
    line("before", "before");
    line("after", "after");
    if (series.length) {
      svg.append(make("text", { x: L, y: H - 10 }, day(series[0].date)));
      svg.append(make("text", { x: W - R, y: H - 10, "text-anchor": "end" }, day(series[series.length - 1].date)));
    }
  }

  /* The ratings as a table, folded away under the chart (so the server leaves it out). */
  function chartTable() {
    $("#chart-table tbody").replaceChildren(...chartSeries().map((s) => U.el("tr", {},
      U.el("th", { scope: "row" }, when(s.date)),
      ...DIMS.map((d) => U.el("td", { "data-label": U.capital(d), text: `${s[`${d}_before`] ?? "–"} → ${s[`${d}_after`] ?? "–"}` })))));
  }

  /* The lines, the sentence under them and the table, for the measure chosen. */
  function chart() {
    plot();
    chartTable();
    const series = chartSeries();
    // Averages only over sessions rated both before and after, and only once there are enough.
    const paired = series.filter((p) => p[`${dim}_before`] != null && p[`${dim}_after`] != null);
    const mean = (key) => paired.reduce((a, p) => a + p[`${dim}_${key}`], 0) / paired.length;
    const average = paired.length >= ENOUGH
      ? ` On average ${mean("before").toFixed(1)} before and ${mean("after").toFixed(1)} after, over ${U.count(paired.length, "session")}.`
      : ` Averages show from ${ENOUGH} sessions rated before and after.`;
    $("#chart-desc").textContent = series.length
      ? `${U.capital(dim)} before and after your last ${U.count(series.length, "session")}, 0 to 10.${average}`
      : "No ratings yet.";
  }

  /* One row a technique or goal: its sessions, then the average changes once there are
     enough of them. data-label names each cell where a phone shows the rows as cards. */
  function helps(table, items, nameOf) {
    $(`${table} tbody`).replaceChildren(...(items || []).map((item) => {
      const count = Number(item.sessions) || 0;
      const cells = count >= ENOUGH
        ? DIMS.map((d) => U.el("td", { "data-label": U.capital(d), class: num(item[d]) < 0 ? "better" : null, text: change(item[d]) }))
        : [U.el("td", { class: "too-few", colspan: DIMS.length, text: "Too few to tell yet" })];
      return U.el("tr", {},
        U.el("th", { scope: "row", text: nameOf(item) }),
        U.el("td", { "data-label": "Sessions", text: String(count) }),
        ...cells);
    }));
  }

  function draw() {
    const advice = data.advice || [];
    $("#advice").hidden = !advice.length;
    $("#advice-list").replaceChildren(...advice.map((a) => U.el("li", {}, U.el("p", { text: a.message }), a.evidence ? U.el("p", { class: "evidence", text: a.evidence }) : null)));
    $("#chart-section").hidden = !(data.series || []).length;
    if ((data.series || []).length) chart();
    const h = data.helps || {};
    $("#helps-section").hidden = !((h.techniques || []).length || (h.goals || []).length);
    helps("#helps-techniques", h.techniques, (i) => i.name || U.word(i.id || i.key));
    helps("#helps-goals", h.goals, (i) => U.capital(U.word(i.name || i.id || i.key || i.goal)));
    drawSessions();
  }

  function drawSessions() {
    $("#sessions-section").hidden = !sessions.length;
    $("#sessions").replaceChildren(...sessions.map((s) => {
      const minutes = Math.round((s.total_seconds || 0) / 60);
      const text = s.request && s.request.text ? `“${s.request.text}”` : U.words((s.request && s.request.regions) || []);
      return U.el("li", { "data-id": s.id },
        U.el("p", {}, when(s.created_at, { class: "when" }), ` · ${minutes} min · ${STATUS[s.status] || s.status}`),
        text ? U.el("p", { class: "said", text }) : null,
        U.el("p", { text: ratingLine(s) }),
        s.note ? U.el("p", { class: "hint", text: `Note: ${s.note}` }) : null);
    }));
    $("#journal-empty").hidden = !!sessions.length;
  }

  function pending() {
    const waiting = U.outbox.items().filter((i) => i.key.startsWith("create:")).length;
    $("#journal-pending").hidden = !waiting;
    $("#journal-pending").textContent = `${waiting} session${waiting === 1 ? " is" : "s are"} saved on this device and will be sent when you're back online.`;
  }

  /* The first view as the server drew it, from the answers embedded in the page. Only
     what the server cannot know changes: the lines need the chart's width, and a date
     the server wrote in another zone or order is rewritten, in place (nothing is
     redrawn, so nothing on the page moves or flashes). The table under the chart,
     folded away, is drawn here too: the server leaves out what the first view hides. */
  function takeOver(embedded) {
    data = embedded.journal;
    sessions = embedded.sessions.items || [];
    if ((data.series || []).length) {
      plot();
      chartTable();
    }
    for (const node of U.$$("main time[datetime]")) {
      const text = day(node.getAttribute("datetime"));
      if (node.textContent !== text) node.textContent = text;
    }
  }

  function embedded() {
    const node = $("#journal-data");
    try {
      return node ? JSON.parse(node.textContent) : null;
    } catch (e) {
      return null;
    }
  }

  /* The journal from the API (after sending what waits in the outbox), drawn anew. */
  async function refresh() {
    const status = $("#journal-status");
    const queued = U.outbox.items().length;
    await U.outbox.flush();
    pending();
    try {
      // Both at once: neither waits on the other. The list comes without plans (null).
      // After sending sessions made offline, a fresh address: an answer the service
      // worker kept from before must not stand in for it (the server ignores `sent`).
      const fresh = queued ? `&sent=${Date.now()}` : "";
      const [journal, page] = await Promise.all([U.api(`/api/v1/journal?series=${CHART}${fresh}`), U.api(`/api/v1/sessions?limit=${PAGE}${fresh}`)]);
      data = journal;
      sessions = page.items || [];
      $("#older").hidden = sessions.length < PAGE;
      status.textContent = "";
      draw();
    } catch (e) {
      if (e instanceof U.Offline) {
        // The page shows the journal as this device last saw it; the pending notice
        // and the offline bar say what is still to come.
        status.textContent = data ? "" : "You're offline and the journal hasn't been saved on this device yet.";
      } else {
        status.textContent = `The journal couldn't load: ${e.message}`;
      }
    }
  }

  function start() {
    const first = embedded();
    if (first) takeOver(first);
    // Sessions finished offline go first, and then the journal is asked for again.
    if (!first || U.outbox.items().length) return refresh();
    pending();
    return Promise.resolve();
  }

  // Older pages follow (created_at, id), so sessions that share a moment are never skipped.
  $("#older").addEventListener("click", async () => {
    const last = sessions[sessions.length - 1];
    try {
      const query = `limit=${PAGE}&before=${encodeURIComponent(last.created_at)}&before_id=${encodeURIComponent(last.id)}`;
      const page = await U.api(`/api/v1/sessions?${query}`);
      const items = page.items || [];
      sessions = sessions.concat(items);
      $("#older").hidden = items.length < PAGE;
      drawSessions();
    } catch (e) {
      $("#journal-status").textContent = e.message;
    }
  });
  U.$$(".chart-controls button").forEach((button) => button.addEventListener("click", () => {
    dim = button.dataset.dim;
    U.$$(".chart-controls button").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    if (data) chart();
  }));
  window.addEventListener("online", () => setTimeout(refresh, 200));
  // For tests and benchmarks: ask the API again and redraw everything from its answers.
  window.unknotJournal = { refresh };
  start();
})();
