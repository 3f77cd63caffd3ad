// Keeps the page's [data-leaderboard] equal to the board everyone else sees. The socket receives
// only the view this page shows (overall or one challenge's, see live.js). `leaderboard` replaces
// the whole board; `leaderboard_update` carries what changed (docs/API.md): `rows` come whole,
// `moves` are [team_id, rank, score, tied], `removed` are team ids, and `seq` is one above the
// last: a gap means something was missed, so the page asks for a `resync`. Rank changes slide
// into place (FLIP).
(function () {
  "use strict";

  var boards = Array.prototype.slice.call(document.querySelectorAll("[data-leaderboard]"));
  if (!boards.length || !window.hackathonLive) return;
  var live = window.hackathonLive;

  function text(tag, className, value) {
    var node = document.createElement(tag);
    node.className = className;
    node.textContent = value;
    return node;
  }

  function rowElement(row, showsScores) {
    var li = document.createElement("li");
    li.className = "board-row" + (row.revealed ? " revealed" : "");
    li.dataset.teamId = row.team_id;
    li.appendChild(text("span", "board-rank", String(row.rank)));
    var team = text("span", "board-team", "");
    team.appendChild(text("strong", "", row.team));
    team.appendChild(text("span", "board-entry", row.entry || ""));
    li.appendChild(team);
    var score = showsScores && row.score !== null && row.score !== undefined ? row.score.toFixed(1) : "";
    var scoreCell = text("span", "board-score", score);
    if (score && row.tied_with_next) {
      var tie = text("span", "board-tie", "≈");
      tie.title = "Within noise of the next entry";
      scoreCell.appendChild(tie);
    }
    li.appendChild(scoreCell);
    return li;
  }

  function Board(element) {
    this.element = element;
    this.list = element.querySelector("[data-board-rows]");
    this.seq = Number(element.dataset.seq);
    this.showsScores = element.dataset.showsScores === "true";
    this.rows = {};
    this.ceremony = null;
    this.spotlightId = null;
    var self = this;
    Array.prototype.forEach.call(this.list.children, function (li) {
      self.rows[li.dataset.teamId] = null;  // known from the server render; exact values come on connect
    });
  }

  // Render `rows` (team_id -> row) in rank order, animating moved rows from where they were.
  Board.prototype.render = function () {
    var before = {}, known = {};
    Array.prototype.forEach.call(this.list.children, function (li) {
      known[li.dataset.teamId] = li.querySelector(".board-rank").textContent;
      if (!li.hidden) before[li.dataset.teamId] = li.getBoundingClientRect().top;
    });
    var rows = Object.keys(this.rows).map(function (id) { return this.rows[id]; }, this).filter(Boolean);
    rows.sort(function (a, b) { return a.rank - b.rank; });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(rowElement(row, this.showsScores)); }, this);
    this.list.replaceChildren(fragment);
    // The big screen's pager (screen.js) hides the rows of other pages before positions are compared.
    this.element.dispatchEvent(new CustomEvent("board-rendered"));
    Array.prototype.forEach.call(this.list.children, function (li) {
      if (li.hidden) return;
      var was = before[li.dataset.teamId];
      if (was === undefined) { if (known[li.dataset.teamId] === undefined) li.classList.add("entered"); return; }
      // Only a new rank slides: rows that moved because the page was laid out again stay put.
      if (known[li.dataset.teamId] === li.querySelector(".board-rank").textContent) return;
      var delta = was - li.getBoundingClientRect().top;
      if (!delta) return;
      li.animate([{ transform: "translateY(" + delta + "px)" }, { transform: "none" }],
                 { duration: 600, easing: "ease-out" });
      li.classList.add(delta > 0 ? "moved-up" : "moved-down");
    });
    var spot = this.spotlightId;
    var spotRow = spot ? this.list.querySelector('[data-team-id="' + spot + '"]') : null;
    if (spotRow) spotRow.classList.add("spotlight");
    var empty = this.element.querySelector("[data-board-empty]");
    if (empty) empty.hidden = rows.length > 0 || !!this.ceremony;
    this.element.dataset.seq = String(this.seq);
  };

  Board.prototype.replace = function (payload) {
    this.seq = payload.seq;
    this.showsScores = payload.shows_scores !== false;
    this.rows = {};
    payload.rows.forEach(function (row) { this.rows[row.team_id] = row; }, this);
    this.ceremony = payload.ceremony || null;
    // The newest entry of a ceremony, and its winner once it has ended with the final board.
    this.spotlightId = (payload.ceremony && payload.ceremony.spotlight) || payload.spotlight || null;
    var status = this.element.querySelector("[data-board-status]");
    if (status) status.textContent = boardStatus(payload);
    this.element.classList.toggle("is-frozen", !!payload.frozen);
    this.element.classList.toggle("is-ceremony", !!payload.ceremony);
    var dark = this.element.querySelector("[data-board-dark]");
    if (dark) dark.hidden = !(payload.ceremony && !payload.ceremony.step);
    this.render();
    this.spotlight();
  };

  // The same words as templates/live/_board.html.
  function boardStatus(payload) {
    if (payload.ceremony) {
      return payload.ceremony.step ? "Revealed " + payload.ceremony.step + " of " + payload.ceremony.total + ", from the bottom."
        : "The results ceremony is about to begin.";
    }
    if (payload.final) return "Final results.";
    if (!payload.frozen) return "";
    if (payload.reveal_step === undefined) return "The board is frozen until the reveal.";
    return payload.reveal_step >= payload.rows.length ? "Every entry is revealed." : "The reveal is under way.";
  }

  // A ceremony's newest entry: marked (a phone scrolls to it) and announced to the big screen.
  Board.prototype.spotlight = function () {
    var id = this.spotlightId;
    var row = id ? this.rows[id] : null;
    var li = id ? this.list.querySelector('[data-team-id="' + id + '"]') : null;
    if (li) {
      li.classList.add("spotlight");
      if (li.scrollIntoView && !this.element.classList.contains("board-big")) li.scrollIntoView({ block: "center", behavior: "smooth" });
    }
    this.element.dispatchEvent(new CustomEvent("board-spotlight", { detail: { row: row, ceremony: this.ceremony, showsScores: this.showsScores } }));
  };

  Board.prototype.update = function (payload) {
    if (payload.seq <= this.seq) return;  // already have it (a resync overtook it)
    var unknown = (payload.moves || []).some(function (move) { return !this.rows[move[0]]; }, this);
    if (payload.seq !== this.seq + 1 || unknown) { live.socket.emit("resync"); return; }
    this.seq = payload.seq;
    (payload.rows || []).forEach(function (row) { this.rows[row.team_id] = row; }, this);
    (payload.moves || []).forEach(function (move) {
      var row = Object.assign({}, this.rows[move[0]], { rank: move[1], score: move[2] });
      if (move[3]) row.tied_with_next = true; else delete row.tied_with_next;
      this.rows[move[0]] = row;
    }, this);
    (payload.removed || []).forEach(function (id) { delete this.rows[id]; }, this);
    this.render();
  };

  Board.prototype.shows = function (payload) {
    var view = this.element.dataset.challengeId ? Number(this.element.dataset.challengeId) : null;
    return payload.view === undefined || payload.view === view;
  };

  var instances = boards.map(function (element) { return new Board(element); });
  live.on("leaderboard", function (payload) {
    instances.forEach(function (board) { if (board.shows(payload)) board.replace(payload); });
  });
  live.on("leaderboard_update", function (payload) {
    instances.forEach(function (board) { if (board.shows(payload)) board.update(payload); });
  });
  window.hackathonBoards = instances;
})();
