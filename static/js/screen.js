// The big screen's leaderboard fits the projector: rows are sized to the panel's height, and when
// every entry can't fit at a readable size the rows below the top ones turn in pages by themselves
// (the top rows stay on every page), with "Page 2 of 4" and dots in the panel's heading.
// leaderboard.js renders the rows and fires `board-rendered`; this file only decides which rows
// show and how tall they are, so a rank change still slides (leaderboard.js animates what shows).
(function () {
  "use strict";

  var region = document.querySelector("[data-board-pager]");
  if (!region) return;
  var board = region.querySelector("[data-leaderboard]");
  var list = region.querySelector("[data-board-rows]");
  var indicator = region.querySelector("[data-board-page]");
  var PINNED = 3;          // the top rows, shown on every page
  var MIN_ROW_VH = 5.5;    // smallest readable row, in % of the screen's height
  var MIN_ROW_PX = 34;
  var MAX_ROW_VH = 11;     // a short board doesn't need giant rows
  var seconds = Math.max(1, Number(region.dataset.pageSeconds) || 8);
  var narrow = window.matchMedia("(max-width: 900px)");
  var page = 0;
  var pages = 1;

  function rowHeights() {
    var vh = window.innerHeight / 100;
    return { min: Math.max(MIN_ROW_PX, MIN_ROW_VH * vh), max: MAX_ROW_VH * vh };
  }

  // Show the top rows and the current page of the rest, each row `height` tall.
  function layout() {
    var rows = Array.prototype.slice.call(list.children);
    rows.forEach(function (li) { li.hidden = false; li.classList.remove("board-page-start"); });
    if (narrow.matches) {  // a phone opening the big screen scrolls the page instead
      pages = 1;
      board.style.removeProperty("--row-h");
      board.classList.remove("is-paged");
      showIndicator();
      return;
    }
    var space = list.clientHeight;
    var sizes = rowHeights();
    var fit = Math.max(1, Math.floor(space / sizes.min));
    var pinned = 0, perPage = rows.length, height;
    if (rows.length <= fit) {
      pages = 1;
      height = Math.min(sizes.max, space / Math.max(rows.length, 1));
    } else {
      pinned = Math.min(PINNED, fit - 1);
      perPage = fit - pinned;
      pages = Math.ceil((rows.length - pinned) / perPage);
      height = space / fit;
    }
    page = Math.min(page, pages - 1);
    var first = pinned + page * perPage;
    rows.forEach(function (li, index) {
      li.hidden = index >= pinned && (index < first || index >= first + perPage);
    });
    if (pages > 1 && rows[first]) rows[first].classList.add("board-page-start");
    board.style.setProperty("--row-h", Math.floor(height) + "px");
    board.classList.toggle("is-paged", pages > 1);
    showIndicator();
  }

  function showIndicator() {
    indicator.hidden = pages < 2;
    region.dataset.page = String(page + 1);
    region.dataset.pages = String(pages);
    if (pages < 2) return;
    indicator.querySelector("[data-board-page-label]").textContent = "Page " + (page + 1) + " of " + pages;
    var dots = indicator.querySelector("[data-board-page-dots]");
    dots.textContent = "";
    for (var i = 0; i < pages; i++) {
      var dot = document.createElement("span");
      dot.className = "screen-board-dot" + (i === page ? " is-current" : "");
      dots.appendChild(dot);
    }
  }

  function turn() {
    if (pages < 2) return;
    page = (page + 1) % pages;
    layout();
    list.classList.remove("is-turning");
    void list.offsetWidth;  // restart the fade-in
    list.classList.add("is-turning");
  }

  // A ceremony's newest entry fills the panel: its place ("Winner" last), team, entry and score.
  var spotlight = region.querySelector("[data-ceremony-spotlight]");
  var PLACES = { 1: "Winner", 2: "2nd place", 3: "3rd place" };
  function place(rank) {
    if (PLACES[rank]) return PLACES[rank];
    var tens = rank % 100, suffix = tens > 10 && tens < 14 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[rank % 10] || "th");
    return rank + suffix + " place";
  }

  board.addEventListener("board-spotlight", function (event) {
    var row = event.detail.row;
    // A ceremony (and its winner, once it ends) takes the countdown's place on the screen.
    document.body.classList.toggle("is-ceremony", !!event.detail.ceremony || !!row);
    if (!row) { spotlight.hidden = true; layout(); return; }
    spotlight.querySelector("[data-spotlight-place]").textContent = place(row.rank);
    spotlight.querySelector("[data-spotlight-team]").textContent = row.team;
    spotlight.querySelector("[data-spotlight-entry]").textContent = row.entry || "";
    var score = event.detail.showsScores && row.score !== null && row.score !== undefined ? row.score.toFixed(1) + " points" : "";
    spotlight.querySelector("[data-spotlight-score]").textContent = score;
    spotlight.classList.toggle("is-podium", row.rank <= 3);
    spotlight.classList.toggle("is-winner", row.rank === 1);
    spotlight.dataset.teamId = row.team_id;
    spotlight.hidden = false;
    spotlight.classList.remove("is-arriving");
    void spotlight.offsetWidth;
    spotlight.classList.add("is-arriving");
    layout();  // the rows below share the panel with the spotlight
  });

  board.addEventListener("board-rendered", layout);
  window.addEventListener("resize", layout);
  layout();
  setInterval(turn, seconds * 1000);
  window.hackathonScreen = { layout: layout, turn: turn };
})();
