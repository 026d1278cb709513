// The benchmark's in-page probe, installed before any page script runs (a Playwright init script). It stamps
// moments on one clock, epoch milliseconds (performance.timeOrigin + now): the websocket's messages both ways,
// the press that starts a filter change (the event's own time stamp) and when its "change" event came, and conditions the benchmark sets in
// window.__xjbWatch (name -> function (doc, win) returning true once met). Each condition gets two marks:
// "name" when the DOM first meets it, "name:painted" once the next frame has been drawn (a requestAnimationFrame
// callback, then a task), which is when a viewer sees it; Leaflet's canvas renderer draws in that same frame.
// Conditions are tried on the page's document after every DOM change and on every frame, and also on the
// documents of its same-origin iframes (the naive app's map) on every frame. It runs in the top page only: an
// iframe's own document may be replaced, and callbacks from a replaced document never run.
// It also keeps the main thread's long tasks (PerformanceObserver "longtask", [start, end]: the page is not idle
// while they run) and the session's Streamlit runs as the server reports them (started, finished, requested).
(function () {
  "use strict";
  if (window.top !== window) return;
  var store = (window.__xjb = {
    marks: {}, ws: [], sent: [], press: null, long: [], started: [], finished: [], requested: [],
  });
  window.__xjbWatch = {};
  if (performance.setResourceTimingBufferSize) performance.setResourceTimingBufferSize(2000);

  function now() {
    return performance.timeOrigin + performance.now();
  }
  function size(data) {
    return data.byteLength != null ? data.byteLength : data.size != null ? data.size : data.length || 0;
  }
  // The top-level field numbers of a protobuf message (Streamlit's ForwardMsg and BackMsg): a run's start is a
  // ForwardMsg with new_session (4), its end one with script_finished (6); a rerun asked for is a BackMsg with
  // rerun_script (11). Counted here, as the server sends them: the page's own state may skip a short run.
  function fields(data) {
    var bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
    var found = [], at = 0;
    if (!bytes) return found;
    function varint() {
      var value = 0, scale = 1, byte;
      do { byte = bytes[at++]; value += (byte & 127) * scale; scale *= 128; } while (byte & 128 && at < bytes.length);
      return value;
    }
    while (at < bytes.length) {
      var tag = varint(), type = tag % 8;
      found.push(Math.floor(tag / 8));
      if (type === 0) varint();
      else if (type === 1) at += 8;
      else if (type === 2) { var length = varint(); at += length; } // not at += varint(): it moves at itself
      else if (type === 5) at += 4;
      else break;
    }
    return found;
  }
  function mark(name) {
    if (!(name in store.marks)) store.marks[name] = now();
  }

  var Native = window.WebSocket;
  var Probe = function (url, protocols) {
    var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    mark("ws_created");
    socket.addEventListener("open", function () { mark("ws_open"); });
    socket.addEventListener("message", function (event) {
      var t = now(), found = fields(event.data);
      store.ws.push([t, size(event.data)]);
      if (found.indexOf(4) >= 0) store.started.push(t);
      if (found.indexOf(6) >= 0) store.finished.push(t);
    });
    var send = socket.send;
    socket.send = function (data) {
      var t = now();
      store.sent.push([t, size(data)]);
      if (fields(data).indexOf(11) >= 0) store.requested.push(t);
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
  // When the press's "change" reached the page's code: what came before it is the browser handing the click over.
  window.addEventListener("change", function () {
    if (store.press != null && store.changed == null) store.changed = now();
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
  store.fields = fields;
  new MutationObserver(function () { check(false); }).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  (function frame() { check(true); requestAnimationFrame(frame); })();
})();
