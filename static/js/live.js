// The live channel of an event page: one Socket.IO connection to /live that keeps the countdown,
// the phase badge and the announcements in step with the server. Other modules (the leaderboard)
// plug in through window.hackathonLive.on(name, handler) and .onConnect(handler).
(function () {
  "use strict";

  var body = document.body;
  var slug = body.dataset.liveEvent;
  if (!slug || typeof window.io !== "function") return;

  var timeZone = body.dataset.timezone || "UTC";
  var apiBase = "/api/v1/events/" + encodeURIComponent(slug);
  var handlers = {};
  var connectHandlers = [];
  var shown = {};  // announcement ids already on this page, so a push and a fetch never double up
  var lastAnnouncementId = Number(body.dataset.lastAnnouncementId) || 0;
  var TOAST_MS = { info: 12000, warning: 30000, urgent: 0 };  // 0: stays until dismissed

  // ---- dispatcher: one place that routes every server event to its handlers -----------------
  function on(name, handler) {
    if (!handlers[name]) {
      handlers[name] = [];
      socket.on(name, function (payload) { dispatch(name, payload); });
    }
    handlers[name].push(handler);
  }

  function dispatch(name, payload) {
    if (payload && payload.event && payload.event !== slug) return;
    (handlers[name] || []).forEach(function (handler) {
      try { handler(payload); } catch (error) { console.error("live: " + name + " handler failed", error); }
    });
  }

  // The board this page shows: overall (null), one challenge's (its id), or none at all ("none"),
  // so a phone on another page is never sent board updates it would not display.
  var boardElement = document.querySelector("[data-leaderboard]");
  var board = !boardElement ? "none" : boardElement.dataset.challengeId ? Number(boardElement.dataset.challengeId) : null;
  var socket = window.io("/live", { auth: { event: slug, board: board } });
  socket.on("connect", function () {
    body.dataset.liveState = "connected";
    connectHandlers.forEach(function (handler) { handler(socket); });
  });
  socket.on("disconnect", function () { body.dataset.liveState = "disconnected"; });
  socket.on("connect_error", function (error) {
    body.dataset.liveState = "refused";
    if (!socket.active) console.warn("live channel refused: " + error.message);
  });
  // Roles changed (a role or team gained or lost, a log-out elsewhere): the server has already taken
  // this socket out of rooms it may no longer hear; ask it to decide this page's rooms again.
  socket.on("rooms_changed", function () { socket.emit("rejoin"); });
  // A device that comes back online reconnects at once instead of waiting for a ping timeout.
  window.addEventListener("online", function () { socket.disconnect().connect(); });

  window.hackathonLive = {
    slug: slug,
    socket: socket,
    on: on,
    onConnect: function (handler) { connectHandlers.push(handler); if (socket.connected) handler(socket); },
    getJSON: getJSON,
  };

  function getJSON(path) {
    return fetch(apiBase + path, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
  }

  // ---- clock ---------------------------------------------------------------------------------
  on("clock", function (clock) {
    (window.hackathonCountdowns || []).forEach(function (countdown) {
      if (clock.remaining_ms !== null) countdown.set(clock.remaining_ms, clock.paused);
    });
    document.querySelectorAll("[data-countdown]").forEach(function (element) { showClock(element, clock); });
    document.querySelectorAll("[data-phase-badge]").forEach(function (badge) {
      badge.textContent = clock.phase_label;
      Array.prototype.slice.call(badge.classList).forEach(function (name) {
        if (name.indexOf("phase-") === 0 && name !== "phase-badge") badge.classList.remove(name);
      });
      badge.classList.add("phase-" + clock.phase);
    });
    body.dataset.phase = clock.phase;
    if (clock.schedule) document.querySelectorAll("[data-schedule]").forEach(function (list) { showSchedule(list, clock.schedule); });
    if (clock.actions) showClockActions(clock.actions);
  });

  // The event page's schedule, as it stands after pauses and extensions.
  function showSchedule(list, milestones) {
    var items = list.querySelectorAll("li");
    var same = items.length === milestones.length && milestones.every(function (milestone, index) {
      var time = items[index].querySelector("time");
      return time && new Date(time.dateTime).getTime() === milestone.at_ms;
    });
    if (same) {  // keep the server's words; only what has passed changes
      milestones.forEach(function (milestone, index) { items[index].classList.toggle("done", milestone.done); });
      return;
    }
    list.replaceChildren.apply(list, milestones.map(function (milestone) {
      var item = document.createElement("li");
      item.className = milestone.done ? "done" : "";
      var label = document.createElement("span");
      label.className = "timeline-label";
      label.textContent = milestone.label;
      var time = document.createElement("time");
      time.dateTime = new Date(milestone.at_ms).toISOString();
      time.textContent = formatTime(milestone.at_ms, true);
      item.append(label, time);
      return item;
    }));
  }

  // The console offers only the clock overrides the server says are possible now.
  function showClockActions(actions) {
    document.querySelectorAll("[data-clock-action]").forEach(function (control) {
      control.hidden = actions.indexOf(control.dataset.clockAction) < 0;
    });
    document.querySelectorAll("[data-clock-closed]").forEach(function (note) { note.hidden = actions.length > 0; });
  }

  function showClock(element, clock) {
    var running = clock.remaining_ms !== null;
    element.classList.toggle("is-paused", clock.paused);
    element.dataset.paused = String(clock.paused);
    setText(element, "[data-countdown-label]", running ? clock.next_milestone : clock.phase_label);
    toggle(element, "[data-countdown-paused]", clock.paused);
    toggle(element, "[data-countdown-time]", running);
    toggle(element, "[data-countdown-at]", running);
    if (running) setText(element, "[data-countdown-at]", formatTime(clock.ends_at_ms, true));
  }

  function setText(root, selector, text) {
    var element = root.querySelector(selector);
    if (element) element.textContent = text;
  }

  function toggle(root, selector, visible) {
    var element = root.querySelector(selector);
    if (element) element.hidden = !visible;
  }

  // The server's formats, in the event's time zone: "Sun 08:23 CET" and "Sun 29 Nov 2026, 14:23 CET".
  function formatTime(ms, long) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: timeZone, timeZoneName: "short", hourCycle: "h23", weekday: "short", day: "2-digit",
      month: "short", year: "numeric", hour: "2-digit", minute: "2-digit",
    }).formatToParts(new Date(ms)).forEach(function (part) { parts[part.type] = part.value; });
    var time = parts.hour + ":" + parts.minute + " " + parts.timeZoneName;
    return long ? parts.weekday + " " + parts.day + " " + parts.month + " " + parts.year + ", " + time
                : parts.weekday + " " + time;
  }

  // ---- announcements -------------------------------------------------------------------------
  document.querySelectorAll("[data-announcement-id]").forEach(function (item) {
    shown[item.dataset.announcementId] = true;
  });

  on("announcement", function (announcement) { receive(announcement, true); });
  on("announcement_retracted", function (retraction) { takeDown(retraction.id); });

  // On every connect (the first and each reconnect) fetch what was published meanwhile.
  connectHandlers.push(function () {
    getJSON("/announcements?since_id=" + lastAnnouncementId).then(function (data) {
      data.announcements.forEach(function (announcement) { receive(announcement, true); });
      data.retracted_ids.forEach(takeDown);
      if (data.last_id > lastAnnouncementId) lastAnnouncementId = data.last_id;
    }).catch(function (error) { console.warn("live: could not fetch missed announcements", error); });
  });

  function receive(announcement, toast) {
    if (announcement.id > lastAnnouncementId) lastAnnouncementId = announcement.id;
    if (shown[announcement.id]) return;
    shown[announcement.id] = true;
    document.querySelectorAll("[data-announcement-list]").forEach(function (list) { addToList(list, announcement); });
    if (toast) showToast(announcement);
  }

  function takeDown(id) {
    document.querySelectorAll('[data-announcement-id="' + Number(id) + '"]').forEach(function (element) {
      var list = element.closest("[data-announcement-list]");
      if (element.classList.contains("toast")) { removeToast(element); return; }
      element.remove();
      if (list) updateEmpty(list);
    });
  }

  function announcementElement(tag, announcement, className) {
    var element = document.createElement(tag);
    element.className = className + " level-" + announcement.level;
    element.dataset.announcementId = announcement.id;
    var badge = document.createElement("span");
    badge.className = "level-badge level-" + announcement.level;
    badge.textContent = announcement.level;
    var time = document.createElement("time");
    time.dateTime = new Date(announcement.at_ms).toISOString();
    time.textContent = formatTime(announcement.at_ms, false);
    var text = document.createElement("span");
    text.className = "announcement-text";
    text.textContent = announcement.text;  // text, never HTML
    element.append(badge, " ", time, " ", text);
    return element;
  }

  function addToList(list, announcement) {
    var item = announcementElement("li", announcement, "announcement is-new");
    list.prepend(item);
    var limit = Number(list.dataset.announcementLimit) || 0;
    var items = list.querySelectorAll("[data-announcement-id]");
    for (var i = limit; limit && i < items.length; i++) items[i].remove();
    updateEmpty(list);
  }

  function updateEmpty(list) {
    var empty = list.querySelector("[data-announcement-empty]");
    if (empty) empty.hidden = list.querySelector("[data-announcement-id]") !== null;
  }

  function showToast(announcement) {
    var region = document.querySelector("[data-live-toasts]");
    if (!region) return;
    var toast = announcementElement("div", announcement, "toast");
    toast.setAttribute("role", announcement.level === "urgent" ? "alert" : "status");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "toast-close";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "×";
    close.addEventListener("click", function () { removeToast(toast); });
    toast.append(close);
    region.prepend(toast);
    stackToasts(region);
    var lifetime = TOAST_MS[announcement.level];
    if (lifetime) setTimeout(function () { removeToast(toast); }, lifetime);
  }

  function removeToast(toast) {
    var region = toast.parentNode;
    toast.remove();
    if (region) stackToasts(region);
  }

  // One compact stack at the bottom of the screen: the newest toast shows, the others fold under a
  // "+2 more" button (the region's class `is-open` unfolds them).
  function stackToasts(region) {
    var count = region.querySelectorAll(".toast").length;
    var more = region.querySelector("[data-toast-more]");
    if (count < 2) {
      if (more) more.remove();
      region.classList.remove("is-open");
      return;
    }
    if (!more) {
      more = document.createElement("button");
      more.type = "button";
      more.className = "toast-more";
      more.dataset.toastMore = "";
      more.addEventListener("click", function () { region.classList.toggle("is-open"); stackToasts(region); });
    }
    region.append(more);
    more.textContent = region.classList.contains("is-open") ? "Show only the latest" : "+" + (count - 1) + " more";
    more.setAttribute("aria-expanded", String(region.classList.contains("is-open")));
  }
})();
