// Keeps a team page current without reloading: the server pushes `team_changed` to the team's
// room on the live channel, and this page then fetches its member/request panel again.
// Reacting to a push, never polling; a reconnect re-fetches once in case something was missed.
(function () {
  "use strict";

  var live = document.querySelector("[data-team-live]");
  if (!live || !window.hackathonLive) return;
  var teamId = Number(live.dataset.teamId);
  var viewerState = function (root) {
    var panel = root.querySelector("[data-team-panel]");
    return panel ? panel.dataset.viewerState : null;
  };
  var before = viewerState(live);
  var pending = null;

  function refresh() {
    // Collapse a burst of pushes into one fetch.
    if (pending) return;
    pending = setTimeout(function () {
      pending = null;
      fetch(live.dataset.panelUrl, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var next = document.createElement("div");
          next.innerHTML = html;
          // Became (or stopped being) a member or captain: the whole page changes, not just the panel.
          if (viewerState(next) !== before) { window.location.reload(); return; }
          live.replaceChildren.apply(live, Array.prototype.slice.call(next.childNodes));
          live.dispatchEvent(new CustomEvent("team:updated", { bubbles: true }));
        })
        .catch(function () { /* the next push or reconnect tries again */ });
    }, 100);
  }

  // The page's one live connection (live.js) joins this team's room for members.
  var connectedBefore = false;
  window.hackathonLive.onConnect(function () {
    if (connectedBefore) refresh();
    connectedBefore = true;
  });
  window.hackathonLive.on("team_changed", function (payload) {
    if (payload && payload.team_id === teamId) refresh();
  });
  // The team's standing mentors (assigned, removed by organizers) are part of the panel too.
  window.hackathonLive.on("team_mentors_changed", function (payload) {
    if (payload && payload.team_id === teamId) refresh();
  });
})();
