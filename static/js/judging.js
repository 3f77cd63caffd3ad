// Judging pages react to pushes: organizers see each judge's progress move as scores land;
// a judge's queue reloads when the organizers change assignments. Nothing polls.
(function () {
  "use strict";
  if (!window.hackathonLive) return;

  window.hackathonLive.on("judge_progress", function (progress) {
    var line = document.querySelector('[data-judge-progress] [data-judge-id="' + progress.judge_id + '"]');
    if (!line) return;
    var bar = line.querySelector("progress");
    bar.max = progress.assigned || 1;
    bar.value = progress.scored;
    line.querySelector("[data-progress-text]").textContent = progress.scored + "/" + progress.assigned;
  });

  if (document.querySelector("[data-queue]")) {
    window.hackathonLive.on("assignments_changed", function () { window.location.reload(); });
  }
})();
