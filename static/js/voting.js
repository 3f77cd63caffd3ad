// People's choice on the live channel. The server pushes `voting_changed` when an organizer opens
// or closes voting (vote pages and the organizers' page then fetch themselves again),
// `votes_counted` to organizers only, and `peoples_choice` when the results go public (the
// leaderboard and the big screen show the winner). A reconnect catches up once; nothing polls.
(function () {
  "use strict";

  var live = window.hackathonLive;
  if (!live) return;

  var pending = null;
  function refreshRegion(selector) {
    if (!document.querySelector(selector) || pending) return;
    pending = setTimeout(function () {
      pending = null;
      fetch(window.location.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(selector);
          var current = document.querySelector(selector);
          if (fresh && current) current.replaceWith(fresh);
        })
        .catch(function () { /* the next push or reconnect tries again */ });
    }, 100);
  }

  function refreshPages() {
    refreshRegion("[data-voting]");
    refreshRegion("[data-vote-manage]");
  }

  // ---- opened / closed -----------------------------------------------------------------------
  live.on("voting_changed", function (payload) {
    document.querySelectorAll("[data-voting-open-notice]").forEach(function (notice) {
      notice.hidden = !payload.open;
    });
    refreshPages();
  });

  // ---- organizers' running totals ------------------------------------------------------------
  live.on("votes_counted", function (payload) {
    document.querySelectorAll("[data-vote-total]").forEach(function (element) {
      var value = payload[element.dataset.voteTotal];
      if (typeof value === "number") element.textContent = String(value);
    });
  });

  // ---- the winner, once public ---------------------------------------------------------------
  function showResults(payload) {
    var winners = (payload.results || []).filter(function (row) { return row.rank === 1 && row.votes > 0; });
    document.querySelectorAll("[data-peoples-choice]").forEach(function (section) {
      var list = section.querySelector("[data-peoples-choice-winners]");
      list.replaceChildren.apply(list, winners.map(winnerItem));
      section.hidden = winners.length === 0;
    });
  }

  function winnerItem(row) {
    var item = document.createElement("li");
    var team = document.createElement("strong");
    team.textContent = row.team;
    var entry = document.createElement("span");
    entry.className = "peoples-choice-entry";
    entry.textContent = row.entry;
    var votes = document.createElement("span");
    votes.className = "peoples-choice-votes";
    votes.textContent = row.votes + (row.votes === 1 ? " vote" : " votes");
    item.append(team, " ", votes, " ", entry);
    return item;
  }

  live.on("peoples_choice", showResults);

  var connectedBefore = false;
  live.onConnect(function () {
    if (connectedBefore) {
      refreshPages();
      if (document.querySelector("[data-peoples-choice]")) {
        live.getJSON("/peoples-choice").then(showResults).catch(function () { /* next push */ });
      }
    }
    connectedBefore = true;
  });
})();
