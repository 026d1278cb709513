// The benchmark's in-page probe, installed before any page script runs (a Playwright init script). It stamps
// moments on one clock, epoch milliseconds (performance.timeOrigin + now): the websocket's messages both ways,
// the press that starts a filter change (the event's own time stamp), and conditions the benchmark sets in
// window.__xjbWatch (name -> function (doc, win) returning true once met). Each condition gets two marks:
// "name" when the DOM first meets it, "name:painted" once the next frame has been drawn (a requestAnimationFrame
// callback, then a task), which is when a viewer sees it; Leaflet's canvas renderer draws in that same frame.
// Conditions are tried on the page's document after every DOM change and on every frame, and also on the
// documents of its same-origin iframes (the naive app's map) on every frame. It runs in the top page only: an
// iframe's own document may be replaced, and callbacks from a replaced document never run.
// It also keeps what "the page is idle" needs: the main thread's long tasks (PerformanceObserver "longtask",
// [start, end]) and each change of Streamlit's script state (data-test-script-state: "running" when a run of
// the script or of a fragment starts), which also counts the session's reruns.
(function () {
  "use strict";
  if (window.top !== window) return;
  var store = (window.__xjb = { marks: {}, ws: [], sent: [], press: null, long: [], runs: [] });
  window.__xjbWatch = {};
  if (performance.setResourceTimingBufferSize) performance.setResourceTimingBufferSize(2000);

  function now() {
    return performance.timeOrigin + performance.now();
  }
  function size(data) {
    return data.byteLength != null ? data.byteLength : data.size != null ? data.size : data.length || 0;
  }
  function mark(name) {
    if (!(name in store.marks)) store.marks[name] = now();
  }

  var Native = window.WebSocket;
  var Probe = function (url, protocols) {
    var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    mark("ws_created");
    socket.addEventListener("open", function () { mark("ws_open"); });
    socket.addEventListener("message", function (event) { store.ws.push([now(), size(event.data)]); });
    var send = socket.send;
    socket.send = function (data) {
      store.sent.push([now(), size(data)]);
      return send.call(socket, data);
    };
    return socket;
  };
  Probe.prototype = Native.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (k) { Probe[k] = Native[k]; });
  window.WebSocket = Probe;

  window.addEventListener("pointerdown", function (event) {
    if (store.press == null) store.press = performance.timeOrigin + event.timeStamp;
  }, true);

  function documents(withFrames) {
    var docs = [document];
    if (!withFrames) return docs;
    Array.prototype.forEach.call(document.querySelectorAll("iframe"), function (frame) {
      try {
        if (frame.contentDocument) docs.push(frame.contentDocument);
      } catch (e) {
        /* cross-origin: not ours to read */
      }
    });
    return docs;
  }

  function check(withFrames) {
    var watch = window.__xjbWatch, docs = null;
    Object.keys(watch).forEach(function (name) {
      if (name in store.marks) return;
      docs = docs || documents(withFrames);
      var met = docs.some(function (doc) {
        try { return Boolean(watch[name](doc, window)); } catch (e) { return false; }
      });
      if (!met) return;
      mark(name);
      requestAnimationFrame(function () { setTimeout(function () { mark(name + ":painted"); }, 0); });
    });
  }
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        store.long.push([performance.timeOrigin + e.startTime, performance.timeOrigin + e.startTime + e.duration]);
      });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {
    /* no long task timing in this browser: idle then means the other conditions only */
  }

  store.check = function () { check(true); };
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      if (r.type !== "attributes" || r.attributeName !== "data-test-script-state") return;
      var state = r.target.getAttribute("data-test-script-state");
      var last = store.runs[store.runs.length - 1];
      if (!last || last[1] !== state) store.runs.push([now(), state]);
    });
    check(false);
  }).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  (function frame() { check(true); requestAnimationFrame(frame); })();
})();
