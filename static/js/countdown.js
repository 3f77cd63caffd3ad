// Counts down from the server's own reading of the time left, using the browser's monotonic clock,
// so a wrong laptop clock never changes what the countdown shows. The live channel re-sets it.
(function () {
  "use strict";

  function format(ms) {
    var total = Math.max(0, Math.floor(ms / 1000));
    var days = Math.floor(total / 86400);
    var rest = total % 86400;
    var pad = function (n) { return String(n).padStart(2, "0"); };
    var clock = pad(Math.floor(rest / 3600)) + ":" + pad(Math.floor((rest % 3600) / 60)) + ":" + pad(rest % 60);
    return days ? days + "d " + clock : clock;
  }

  function Countdown(element) {
    this.element = element;
    this.display = element.querySelector("[data-countdown-time]");
    this.set(Number(element.dataset.remaining), element.dataset.paused === "true");
  }

  // remainingMs: time left as the server measured it; paused: whether the clock stands still.
  Countdown.prototype.set = function (remainingMs, paused) {
    this.paused = paused;
    this.remainingAtSet = remainingMs;
    this.setAt = performance.now();
    this.render();
  };

  Countdown.prototype.remaining = function () {
    if (this.paused) return this.remainingAtSet;
    return this.remainingAtSet - (performance.now() - this.setAt);
  };

  Countdown.prototype.render = function () {
    if (!this.display || isNaN(this.remainingAtSet)) return;
    this.display.textContent = format(this.remaining());
    this.element.classList.toggle("is-paused", this.paused);
  };

  var countdowns = Array.prototype.map.call(document.querySelectorAll("[data-countdown]"), function (el) {
    return new Countdown(el);
  });
  if (countdowns.length) {
    setInterval(function () { countdowns.forEach(function (c) { c.render(); }); }, 250);
  }
  window.hackathonCountdowns = countdowns;
})();

// Buttons that change something important ask first (data-confirm on the form).
document.addEventListener("submit", function (event) {
  var message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

// Invite links select themselves, ready to copy.
document.addEventListener("focusin", function (event) {
  if (event.target.classList && event.target.classList.contains("copy-field")) event.target.select();
});
