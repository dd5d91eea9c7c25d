/* A programme slot, handed to the player: it becomes the current routine (as a plan
   made on the start page would) with the programme and slot it is for, then the
   player's first screen opens. */
"use strict";
(function () {
  const U = window.unknot;
  const source = document.getElementById("programme-routine");
  if (!source) return;
  const routine = JSON.parse(source.textContent);
  U.save("current", {
    id: U.uuid(), plan: routine.plan, request: routine.request, programme: routine.programme,
    made_at: new Date().toISOString(),
  });
  location.replace("/before");
})();
