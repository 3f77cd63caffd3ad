// Mentoring, live, on the page's one connection to /live (live.js):
// - a mentor's queue applies each `help_queue_changed` in place from its payload (no fetch: forty
//   mentors' pages fetching the queue after every change would load the server more than the change);
// - regions marked [data-mentors-live] (a team's help page, the organizers' view, a mentor's queue on
//   their own notices, a mentor's teams page) fetch their panel again when one of their
//   `data-refresh-on` events arrives, and once on reconnect; a region for one team (data-team-id) or
//   a few ([data-team-ids] inside it) only for events about those teams;
// - a waiting team's place and ETA change in place on `help_position`;
// - the mentor directory's cards change in place on `mentor_changed` (no fetch: the audience is large);
// - a mentor's availability toggle (on every page of the event) is sent without a reload;
// - `mentor_notice` (a request assigned to you, a team asking for you…) shows a toast.
// Pushes only, never polling. Text from the server is inserted as text, never as HTML.
(function () {
  "use strict";

  if (window.hackathonMentors || !window.hackathonLive) return;
  window.hackathonMentors = true;
  var live = window.hackathonLive;

  // ---- regions that fetch themselves again -----------------------------------------------------
  function liveRegion(region) {
    var teamId = region.dataset.teamId ? Number(region.dataset.teamId) : null;
    var pending = null;

    function refresh() {
      if (pending) return;  // a burst of pushes makes one fetch
      pending = setTimeout(function () {
        pending = null;
        fetch(region.dataset.panelUrl, { credentials: "same-origin", headers: { Accept: "text/html" } })
          .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
          .then(function (html) {
            var next = document.createElement("div");
            next.innerHTML = html;
            region.replaceChildren.apply(region, Array.prototype.slice.call(next.childNodes));
            region.dispatchEvent(new CustomEvent("mentors:updated", { bubbles: true }));
          })
          .catch(function () { /* the next push or reconnect tries again */ });
      }, 150);
    }

    function concerns(payload) {
      if (teamId !== null) return Boolean(payload) && payload.team_id === teamId;
      var list = region.querySelector("[data-team-ids]");  // re-rendered with the panel, so never stale
      if (!list || !payload) return true;
      var about = payload.request ? payload.request.team_id : payload.team_id;
      return about === undefined || list.dataset.teamIds.split(/\s+/).indexOf(String(about)) >= 0;
    }

    (region.dataset.refreshOn || "").split(/\s+/).filter(Boolean).forEach(function (name) {
      live.on(name, function (payload) {
        if (concerns(payload)) refresh();
      });
    });
    var connectedBefore = false;
    live.onConnect(function () {
      if (connectedBefore) refresh();
      connectedBefore = true;
    });
    region.mentorsRefresh = refresh;
  }
  document.querySelectorAll("[data-mentors-live]").forEach(liveRegion);

  // ---- a mentor's queue, changed in place ----------------------------------------------------
  live.on("help_queue_changed", function (change) {
    var panel = document.querySelector("[data-queue-panel]");
    if (!panel || !change.request) return;
    var entry = change.request;
    var me = Number(panel.dataset.mentorId);
    var region = panel.closest("[data-mentors-live]");
    var wasMine = panel.querySelector('#your-claim[data-help-request-id="' + Number(entry.id) + '"]');
    if ((entry.mentor_id === me || wasMine) && region && region.mentorsRefresh) {
      region.mentorsRefresh();  // your own claim changed: the whole panel is different
      return;
    }
    panel.querySelectorAll('[data-queue-list] [data-help-request-id="' + Number(entry.id) + '"]')
      .forEach(function (item) { item.remove(); });
    if (entry.status === "open") insertWaiting(panel, entry, me);
    else if (entry.status === "claimed") panel.querySelector('[data-queue-list="helping"]').append(helpingItem(entry));
    renumber(panel);
  });

  function tierOf(entry, me, myTags) {
    if (entry.asked_mentor_id === me) return "asked";
    if ((entry.own_mentor_ids || []).indexOf(me) >= 0) return "own";
    if (entry.own_round) return "later";  // the team's own mentors see it first
    if (entry.tags.some(function (tag) { return myTags.indexOf(tag) >= 0; })) return "match";
    return entry.offered_to_all ? "everyone" : "later";
  }

  function insertWaiting(panel, entry, me) {
    var myTags = (panel.dataset.myTags || "").split(",").filter(Boolean);
    var tier = tierOf(entry, me, myTags);
    var list = panel.querySelector('[data-queue-list="' + (tier === "later" ? "later" : "for-you") + '"]');
    var item = queueItem(panel, entry, tier, myTags);
    var after = Array.prototype.find.call(list.querySelectorAll("[data-help-request-id]"), function (other) {
      var at = Number(other.dataset.queuedAtMs);
      return at > entry.queued_at_ms || (at === entry.queued_at_ms && Number(other.dataset.helpRequestId) > entry.id);
    });
    list.insertBefore(item, after || null);
  }

  function queueItem(panel, entry, tier, myTags) {
    var item = make("li", "help-item help-tier-" + tier);
    item.dataset.helpRequestId = entry.id;
    item.dataset.queuedAtMs = entry.queued_at_ms;
    var position = make("span", "help-position");
    position.title = "Place in the queue";
    position.dataset.helpPosition = "";
    var summary = make("div", "help-summary");
    summary.append(make("strong", "help-topic", entry.topic), " ",
                   make("span", "muted small", "· " + entry.team + " · asked " + entry.asked_at));
    if (entry.tags.length) {
      var tags = make("ul", "tags");
      entry.tags.forEach(function (name) {
        tags.append(make("li", "tag" + (myTags.indexOf(name) >= 0 ? " tag-match" : ""), name));
      });
      summary.append(tags);
    }
    if (entry.location) {
      var where = make("p", "help-where small");
      where.append(make("span", "muted", "Where:"), " ", linkOrText(entry.location));
      summary.append(where);
    }
    if (entry.description_html) {
      var details = make("details", "help-details");
      var prose = make("div", "prose small");
      prose.innerHTML = entry.description_html;  // Markdown the server rendered and sanitized (markup.py)
      details.append(make("summary", "", "Details"), prose);
      summary.append(details);
    }
    item.append(position, summary, itemActions(panel, entry, tier));
    return item;
  }

  function itemActions(panel, entry, tier) {
    var actions = make("div", "help-item-actions");
    var labels = { asked: "asked for you", own: "your team", match: "matches you" };
    if (labels[tier]) actions.append(make("span", "status status-ok", labels[tier]));
    if (entry.release_count) actions.append(make("span", "status status-muted", "released " + entry.release_count + "×"));
    if (panel.dataset.canClaim === "true") {
      var form = make("form", "inline");
      form.method = "post";
      form.action = panel.dataset.claimUrl.replace("2147483647", String(Number(entry.id)));
      var token = make("input");
      token.type = "hidden";
      token.name = "csrf_token";
      token.value = panel.dataset.csrfToken;
      var later = tier === "later";
      var button = make("button", later ? "button small secondary" : "button small", later ? "Claim anyway" : "Claim");
      button.type = "submit";
      form.append(token, button);
      actions.append(form);
    }
    return actions;
  }

  function helpingItem(entry) {
    var item = make("li");
    item.dataset.helpRequestId = entry.id;
    item.append(make("strong", "", entry.team), " ", make("span", "muted", "“" + entry.topic + "”"),
                " · " + (entry.mentor || "a mentor") + " ", make("span", "muted small", "since " + entry.claimed_at));
    return item;
  }

  // Places are the whole queue's order (both lists), oldest place first; counts and empty states follow.
  function renumber(panel) {
    var waiting = Array.prototype.slice.call(panel.querySelectorAll(
      '[data-queue-list="for-you"] [data-help-request-id], [data-queue-list="later"] [data-help-request-id]'));
    waiting.sort(function (a, b) {
      return (Number(a.dataset.queuedAtMs) - Number(b.dataset.queuedAtMs)) ||
             (Number(a.dataset.helpRequestId) - Number(b.dataset.helpRequestId));
    });
    waiting.forEach(function (item, index) { setText(item, "[data-help-position]", String(index + 1)); });
    panel.querySelectorAll("[data-queue-list]").forEach(function (list) {
      var count = list.querySelectorAll("[data-help-request-id]").length;
      var section = list.closest("section");
      setText(section, "[data-queue-count]", String(count));
      var empty = list.querySelector("[data-queue-empty]");
      if (empty) empty.hidden = count > 0;
      else section.hidden = count === 0;
    });
  }

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  // ---- a waiting team's place in the queue ----------------------------------------------------
  live.on("help_position", function (payload) {
    var panel = document.querySelector("[data-help-panel]");
    if (!panel || Number(panel.dataset.requestId) !== payload.request_id) return;
    setText(panel, "[data-help-position]", String(payload.position));
    setText(panel, "[data-help-eta]", payload.eta);
  });

  // ---- the directory and the availability toggle --------------------------------------------
  // The directory page asks for its cards' pushes on every connect (rooms don't survive a reconnect).
  if (document.querySelector("[data-mentor-directory]")) {
    live.onConnect(function (socket) { socket.emit("watch_mentor_directory"); });
  }
  live.on("mentor_changed", function (card) {
    var directory = document.querySelector("[data-mentor-directory]");
    if (directory) showCard(directory, card);
    document.querySelectorAll("[data-availability-toggle]").forEach(function (toggle) {
      if (Number(toggle.dataset.mentorId) === card.mentor_id) press(toggle, card.availability);
    });
  });

  function showCard(directory, card) {
    var element = directory.querySelector('[data-mentor-card][data-mentor-id="' + Number(card.mentor_id) + '"]');
    if (!element) {
      var template = document.querySelector("[data-mentor-card-template]");
      if (!template) return;
      element = template.content.firstElementChild.cloneNode(true);
      element.dataset.mentorId = card.mentor_id;
      directory.append(element);
      var empty = document.querySelector("[data-mentor-directory-empty]");
      if (empty) empty.hidden = true;
    }
    element.dataset.status = card.status;
    setText(element, "[data-mentor-name]", card.name);
    var status = element.querySelector("[data-mentor-status]");
    if (status) {
      status.textContent = card.status_label;
      status.className = "mentor-status mentor-status-" + card.status;
    }
    var tags = element.querySelector("[data-mentor-tags]");
    if (tags) {
      tags.replaceChildren.apply(tags, card.tags.map(function (name) {
        var tag = document.createElement("li");
        tag.className = "tag";
        tag.textContent = name;
        return tag;
      }));
    }
    setText(element, "[data-mentor-bio]", card.bio);
    toggleHidden(element, "[data-mentor-bio]", !card.bio);
    var where = element.querySelector("[data-mentor-location]");
    if (where) where.replaceChildren(linkOrText(card.location));
    toggleHidden(element, "[data-mentor-location-line]", !card.location);
  }

  // A video call link is a link; a table number is text (as the server renders it).
  function linkOrText(text) {
    if (!/^https?:\/\//i.test(text || "")) return document.createTextNode(text || "");
    var link = document.createElement("a");
    link.href = text;
    link.rel = "noopener noreferrer nofollow";
    link.target = "_blank";
    link.textContent = text;
    return link;
  }

  function press(toggle, availability) {
    toggle.querySelectorAll("button[name=availability]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.value === availability));
    });
  }

  document.querySelectorAll("[data-availability-toggle]").forEach(function (toggle) {
    toggle.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "availability") return;
      event.preventDefault();
      var body = new FormData(toggle);
      body.set("availability", button.value);
      fetch(toggle.action, { method: "POST", body: body, credentials: "same-origin",
                             headers: { Accept: "application/json" } })
        .then(function (response) { return response.json().then(function (data) { return [response.ok, data]; }); })
        .then(function (result) {
          if (result[0]) press(toggle, result[1].availability);
          toast(result[1].message, result[0] ? "info" : "warning");
        })
        .catch(function () {  // the plain form post still works
          var field = document.createElement("input");
          field.type = "hidden";
          field.name = "availability";
          field.value = button.value;
          toggle.append(field);
          toggle.submit();
        });
    });
  });

  // ---- a mentor's own notices ---------------------------------------------------------------
  var NOTICES = {
    assigned: function (n) { return "Assigned to you: " + n.team + " — “" + n.topic + "”"; },
    asked_for_you: function (n) { return n.team + " asked for you: “" + n.topic + "”"; },
    own_team_asked: function (n) { return "Your team " + n.team + " asks for help: “" + n.topic + "”"; },
    returned: function (n) { return n.team + "'s request was taken back from you and is in the queue again."; },
    cancelled: function (n) { return n.team + " cancelled the request you were helping with."; },
  };
  live.on("mentor_notice", function (notice) {
    var text = NOTICES[notice.what];
    if (text) toast(text(notice), notice.what === "returned" ? "warning" : "info");
  });

  function toast(text, level) {
    var region = document.querySelector("[data-live-toasts]");
    if (!region || !text) return;
    var element = document.createElement("div");
    element.className = "toast level-" + level;
    element.setAttribute("role", "status");
    element.textContent = text;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "toast-close";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "×";
    close.addEventListener("click", function () { element.remove(); });
    element.append(close);
    region.prepend(element);
    setTimeout(function () { element.remove(); }, 15000);
  }

  function setText(root, selector, text) {
    var element = root.querySelector(selector);
    if (element) element.textContent = text;
  }

  function toggleHidden(root, selector, hidden) {
    var element = root.querySelector(selector);
    if (element) element.hidden = hidden;
  }
})();
