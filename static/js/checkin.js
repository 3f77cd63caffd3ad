// The check-in desk's camera: reads QR codes with the browser's BarcodeDetector where it has one,
// otherwise with jsQR (vendored from npm into static/vendor), and submits the code form on a read.
(function () {
  "use strict";

  var box = document.querySelector("[data-scanner]");
  var form = document.querySelector("[data-checkin-form]");
  var start = document.querySelector("[data-scanner-start]");
  var stop = document.querySelector("[data-scanner-stop]");
  if (!box || !form || !start || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var video = box.querySelector("[data-scanner-video]");
  var status = box.querySelector("[data-scanner-status]");
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });
  var detector = null;
  var stream = null;
  var CODE = /^[A-Z0-9]{4}-?[A-Z0-9]{4}$/i;

  if ("BarcodeDetector" in window) {
    try { detector = new window.BarcodeDetector({ formats: ["qr_code"] }); } catch (error) { detector = null; }
  }
  if (!detector && typeof window.jsQR !== "function") return;
  start.hidden = false;

  function read() {
    if (!stream) return Promise.resolve(null);
    if (detector) {
      return detector.detect(video).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
    }
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    if (!canvas.width) return Promise.resolve(null);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    var image = context.getImageData(0, 0, canvas.width, canvas.height);
    var found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
    return Promise.resolve(found ? found.data : null);
  }

  function loop() {
    if (!stream) return;
    read().then(function (text) {
      text = (text || "").trim();
      if (text && CODE.test(text)) {
        form.querySelector("input[name=code]").value = text;
        status.textContent = "Read " + text + ": checking in…";
        halt();
        form.submit();
        return;
      }
      window.requestAnimationFrame(loop);
    }).catch(function () { window.requestAnimationFrame(loop); });
  }

  function halt() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    box.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  start.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        box.hidden = false;
        start.hidden = true;
        stop.hidden = false;
        return video.play();
      })
      .then(loop)
      .catch(function (error) {
        halt();
        box.hidden = false;
        status.textContent = "The camera can't be used here (" + error.name + "): type the code instead.";
      });
  });
  stop.addEventListener("click", halt);
  // Ready for the next person: the code field takes the focus (a hand scanner types into it too).
  var input = form.querySelector("input[name=code]");
  if (input) input.focus();
})();
