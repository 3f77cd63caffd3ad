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
  // The code just checked in is still in front of the camera after the page reloads: skip it.
  var lastCode = null;
  try { lastCode = window.sessionStorage.getItem("checkin-last"); } catch (error) { lastCode = null; }

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
      if (!text) lastCode = null;  // the code left the picture: the same one may be read again
      if (text && CODE.test(text) && text !== lastCode) {
        form.querySelector("input[name=code]").value = text;
        status.textContent = "Read " + text + ": checking in…";
        try { window.sessionStorage.setItem("checkin-last", text); } catch (error) { /* no memory: fine */ }
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
  }

  function stopScanning() {
    halt();
    remember(false);
    box.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  // Scanning stays on from one person to the next: the desk reloads after each check-in.
  function remember(on) {
    try { if (on) window.sessionStorage.setItem("checkin-scanning", "1"); else window.sessionStorage.removeItem("checkin-scanning"); }
    catch (error) { /* private mode: the volunteer presses the button again */ }
  }

  function wasScanning() {
    try { return window.sessionStorage.getItem("checkin-scanning") === "1"; } catch (error) { return false; }
  }

  function startScanning() {
    remember(true);
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
        stopScanning();
        box.hidden = false;
        status.textContent = "The camera can't be used here (" + error.name + "): type the code instead.";
      });
  }

  start.addEventListener("click", startScanning);
  stop.addEventListener("click", stopScanning);
  if (wasScanning()) {
    startScanning();
  } else {
    // Ready for the next person: the code field takes the focus (a hand scanner types into it too).
    var input = form.querySelector("input[name=code]");
    if (input) input.focus();
  }
})();
