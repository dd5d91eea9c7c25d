/* The library: filter the list as you type (the form still works without this). */
"use strict";
(function () {
  const U = window.unknot;
  const q = U.$("#q");
  const cards = U.$$("#library-list .card");
  const count = U.$("#library-count");
  const total = count.textContent.split(" of ")[1];
  q.addEventListener("input", () => {
    const words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const card of cards) {
      const yes = words.every((w) => card.dataset.text.includes(w));
      card.hidden = !yes;
      if (yes) shown += 1;
    }
    count.textContent = `${shown} of ${total}`;
  });
})();
