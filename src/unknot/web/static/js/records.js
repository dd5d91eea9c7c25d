// The report's Print button (hidden without scripts: the browser's own Print works too).
(function () {
  "use strict";
  var button = document.getElementById("print-report");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();

// Reminders: an empty time zone field takes the browser's zone, the one the person lives in.
(function () {
  "use strict";
  var zone = document.getElementById("timezone");
  if (!zone || zone.value) return;
  try { zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { /* left empty */ }
})();
