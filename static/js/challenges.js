// The challenge list appears for everyone the moment hacking starts, and follows organizers' edits:
// on a `challenges_changed` push, or a `clock` that moves past registration, the page reloads once.
(function () {
  "use strict";
  var list = document.querySelector("[data-challenge-list]");
  if (!list || !window.hackathonLive) return;
  var waiting = list.hasAttribute("data-waiting-for-hacking");
  window.hackathonLive.on("challenges_changed", function () { window.location.reload(); });
  window.hackathonLive.on("clock", function (clock) {
    if (waiting && clock.phase !== "upcoming" && clock.phase !== "registration") window.location.reload();
  });
})();
