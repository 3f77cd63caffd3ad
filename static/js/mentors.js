// Mentoring, live, on the page's one connection to /live (live.js):
// - regions marked [data-mentors-live] (a mentor's queue, a team's help page, the organizers' view)
//   fetch their panel again when one of their `data-refresh-on` events arrives, and once on reconnect;
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

    (region.dataset.refreshOn || "").split(/\s+/).filter(Boolean).forEach(function (name) {
      live.on(name, function (payload) {
        if (teamId === null || (payload && payload.team_id === teamId)) refresh();
      });
    });
    var connectedBefore = false;
    live.onConnect(function () {
      if (connectedBefore) refresh();
      connectedBefore = true;
    });
  }
  document.querySelectorAll("[data-mentors-live]").forEach(liveRegion);

  // ---- a waiting team's place in the queue ----------------------------------------------------
  live.on("help_position", function (payload) {
    var panel = document.querySelector("[data-help-panel]");
    if (!panel || Number(panel.dataset.requestId) !== payload.request_id) return;
    setText(panel, "[data-help-position]", String(payload.position));
    setText(panel, "[data-help-eta]", payload.eta);
  });

  // ---- the directory and the availability toggle --------------------------------------------
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
    returned: function (n) { return n.team + "'s request went back to the queue: your claim ran out of time."; },
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
