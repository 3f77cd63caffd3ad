// Registration pages kept live by pushes on the event's live channel (live.js), never by polling:
// - the applicant's page: `standing` says where the application stands now; a new place on the
//   waitlist is written in place, any other change reloads the page (new buttons, the QR code);
// - the organizers' console and application list: `applications_changed` carries the counts;
// - the console and every check-in desk: `checked_in` carries the number of arrivals.
(function () {
  "use strict";

  var live = window.hackathonLive;
  if (!live) return;

  var standing = document.querySelector("[data-standing]");
  // Leaving already (a button of this page was pressed): its own result must not be reloaded away.
  var leaving = false;
  window.addEventListener("beforeunload", function () { leaving = true; });
  if (standing) {
    var shownStatus = standing.dataset.standingStatus;
    live.on("standing", function (payload) {
      if (leaving) return;
      if (payload.status !== shownStatus) {
        var note = standing.querySelector("[data-standing-note]");
        if (note) note.hidden = false;
        window.location.reload();
        return;
      }
      var position = standing.querySelector("[data-standing-position]");
      if (position && payload.position) position.textContent = payload.position;
    });
    // A reconnect may have missed a push: read the page again once.
    var connectedBefore = false;
    live.onConnect(function () {
      if (connectedBefore && !leaving) window.location.reload();
      connectedBefore = true;
    });
  }

  live.on("applications_changed", function (payload) {
    Object.keys(payload.counts || {}).forEach(function (status) {
      document.querySelectorAll('[data-application-count="' + status + '"]').forEach(function (element) {
        element.textContent = payload.counts[status];
      });
    });
    document.querySelectorAll("[data-seats-left]").forEach(function (element) {
      element.textContent = payload.seats_left === null ? "∞" : payload.seats_left;
    });
  });

  live.on("checked_in", function (payload) {
    document.querySelectorAll("[data-checked-in-count]").forEach(function (element) {
      element.textContent = payload.checked_in;
    });
  });
})();
