/* The map's pure parts, with no Leaflet and no page: the rule book (search folding, the filters, period
   overlap), the screen geometry (a grid of boxes, close pairs, spreading co-located symbols) and which address
   changes are steps in the browser's history. Loaded by the map as the global XJCore and by Node's tests
   (tests/js/) with require; Python applies the same rules
   (geo/explore/filter.py, geo/data/periods.py), and tests/cases/rules.json holds the cases both must pass. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.XJCore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* ---- The rule book ---------------------------------------------------------------------------------- */

  /* Text as search compares it (geo.explore.controls.fold): compatibility forms and accents folded, case
     folded, everything but letters and digits dropped. */
  function fold(text) {
    return String(text == null ? "" : text)
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[^\p{L}\p{N}]/gu, "")
      .toLowerCase();
  }

  /* Whether a feature's value passes a control's choice: a list passes if any item is chosen. */
  function passes(value, chosen) {
    if (Array.isArray(value)) return value.some(function (v) { return chosen.indexOf(v) >= 0; });
    return chosen.indexOf(value) >= 0;
  }

  /* Whether a feature ({layer, values, search}) shows under the filters (control name -> chosen values) and a
     folded search. `rules` is the spec Python ships (geo.explore.controls.spec): each control applies to its
     own layer and to a layer that borrows it (an upload borrows the ports'); a feature without the control's
     property is not filtered by it; nothing chosen means all. */
  function shown(item, rules, filters, query) {
    var layer = (rules.borrow && rules.borrow[item.layer]) || item.layer;
    for (var i = 0; i < rules.controls.length; i++) {
      var c = rules.controls[i], chosen = filters[c.name];
      if (c.layer !== layer || !chosen || !chosen.length) continue;
      var value = item.values[c.field];
      if (value === undefined || value === null) continue;
      if (!passes(value, chosen)) return false;
    }
    return !query || (item.search || "").indexOf(query) >= 0;
  }

  /* For each control, how many features of its own layer each choice would show, the other controls' choices
     and the search kept: the number a filter list gives beside each choice (geo.explore.filter.facet_counts).
     Returns control name -> {choice: count}, a choice no feature holds absent (0); `only`, if given, names the
     one control to count (a list being opened). Plain loops: at 10,000 places, closures and arrays per place
     left megabytes for the next click's garbage collection to sweep. */
  function facetCounts(items, rules, filters, query, only) {
    var out = {};
    for (var k = 0; k < rules.controls.length; k++) {
      var c = rules.controls[k], others = {}, tally = {};
      if (only && c.name !== only) continue;
      for (var name in filters) if (name !== c.name) others[name] = filters[name];
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        if (item.layer !== c.layer || !shown(item, rules, others, query)) continue;
        var value = item.values[c.field];
        if (typeof value === "string") tally[value] = (tally[value] || 0) + 1;
        else if (Array.isArray(value)) {
          for (var j = 0; j < value.length; j++) {
            var v = value[j];
            if (typeof v === "string" && value.indexOf(v) === j) tally[v] = (tally[v] || 0) + 1;
          }
        }
      }
      out[c.name] = tally;
    }
    return out;
  }

  /* Whether a figure's period, as ISO first and last day ("" first: open, a count "by" its last day), shares
     a day with the range [from, to] ("" or null: unbounded on that side). ISO dates compare as text. */
  function overlaps(first, last, from, to) {
    return (!to || !first || first <= to) && (!from || from <= last);
  }

  /* ---- Screen geometry -------------------------------------------------------------------------------- */

  function boxesMeet(a, b, gap) {
    return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
  }

  function distance(a, b) {
    return Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
  }

  /* Calls fn(i, j), i < j, for every two points ({x, y}) closer than `dist`, as comparing each with each would,
     but looking for a point's neighbours only in its cell of a grid of that size and the eight around it. */
  function closePairs(points, dist, fn) {
    var cells = new Map();
    points.forEach(function (p, j) {
      var cx = Math.floor(p.x / dist), cy = Math.floor(p.y / dist);
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var near = cells.get((cx + dx) * 65536 + cy + dy); // a far cell may share a key: only more to test
          if (near) near.forEach(function (i) { if (distance(points[i], p) < dist) fn(i, j); });
        }
      }
      var key = cx * 65536 + cy;
      if (cells.has(key)) cells.get(key).push(j);
      else cells.set(key, [j]);
    });
  }

  /* Screen boxes filed under the cells of a square grid that they cover, so that "does this box come within
     `gap` of any?" looks only at the boxes nearby instead of at every one (tens of thousands of ports): the
     same answers as testing a plain list. */
  function BoxGrid(cell) {
    this.cell = cell;
    this.cells = new Map();
  }
  BoxGrid.prototype._cells = function (box, gap, fn) {
    var c = this.cell;
    var x1 = Math.floor((box.x + box.w + gap) / c), y1 = Math.floor((box.y + box.h + gap) / c);
    for (var x = Math.floor((box.x - gap) / c); x <= x1; x++) {
      for (var y = Math.floor((box.y - gap) / c); y <= y1; y++) {
        if (fn(x * 65536 + y)) return true; // far cells may share a key: that only adds boxes to test
      }
    }
    return false;
  };
  BoxGrid.prototype.add = function (box) {
    var cells = this.cells;
    this._cells(box, 0, function (key) {
      var list = cells.get(key);
      if (list) list.push(box);
      else cells.set(key, [box]);
    });
  };
  BoxGrid.prototype.hits = function (box, gap) {
    var cells = this.cells;
    return this._cells(box, gap, function (key) {
      var list = cells.get(key);
      return Boolean(list) && list.some(function (t) { return boxesMeet(box, t, gap); });
    });
  };

  /* Where to draw symbols ({id, x, y}) so that none is closer than `minDist` to another: points closer than
     that are joined (single link) and each group spread evenly round its centre; groups that then touch are
     joined and spread again. `sideOf(x, y)`, if given, names the side of a border a screen point lies on (a
     country's code): a symbol (unless it stands on the line) is never spread across a border from its true spot where some turn of the
     ring, or a small shift of it, keeps every symbol on its own side. `memo` (a Map, optional) keeps each
     point's side by its id between calls, for a caller whose points stay where they were (a filter change at
     one zoom). A point with `stays` set stays at its spot in a cluster too large to spread (see SPREAD_MAX).
     Returns {spots: [{x, y}] in the points' order, clusters: [[index]]}. */
  function spread(points, minDist, sideOf, memo) {
    var parent = points.map(function (_, i) { return i; });
    function find(i) { return parent[i] === i ? i : (parent[i] = find(parent[i])); }
    closePairs(points, minDist, function (i, j) { parent[find(i)] = find(j); });
    // A symbol's own side is asked only when it is in a cluster: at 10,000 ports most stand alone, and asking
    // each of them (five point-in-country tests) was most of a filter change's time.
    var known = memo || new Map();
    var sides = sideOf ? function (k) {
      var key = memo ? points[k].id : k;
      if (!known.has(key)) known.set(key, sideAt(sideOf, points[k], minDist / 2 - 2));
      return known.get(key);
    } : null;
    var spots = [];
    for (var round = 0; round < 6; round++) {
      spots = spreadClusters(points, groups(points, find), minDist, sideOf, sides);
      var merged = false;
      closePairs(spots, minDist, function (i, j) {
        if (find(i) !== find(j)) { parent[find(i)] = find(j); merged = true; }
      });
      if (!merged) break;
    }
    // A cluster too large to spread is, for the caller, so many symbols standing alone (no ring, no leaders);
    // but the points in it that need not stay (`stays`: a viewer's own, not the project's places) are spread among
    // themselves: a dense file round Horgos left the crossing's two ports on top of each other.
    var clusters = [];
    groups(points, find).forEach(function (c) {
      if (c.length <= SPREAD_MAX) { clusters.push(c); return; }
      var own = c.filter(function (k) { return !points[k].stays; });
      if (own.length > 1 && own.length < c.length) {
        var inner = spread(own.map(function (k) { return points[k]; }), minDist, sideOf, memo);
        own.forEach(function (k, i) { spots[k] = inner.spots[i]; });
        inner.clusters.forEach(function (ic) { clusters.push(ic.map(function (i) { return own[i]; })); });
        c.forEach(function (k) { if (points[k].stays) clusters.push([k]); });
      } else {
        c.forEach(function (k) { clusters.push([k]); });
      }
    });
    return { spots: spots, clusters: clusters };
  }

  /* The side a symbol's true spot is on; null where the symbol drawn there (`r` its radius) would straddle a
     border already (a crossing on the line): it may be spread to either side. */
  function sideAt(sideOf, p, r) {
    var side = sideOf(p.x, p.y);
    var probes = [[r, 0], [-r, 0], [0, r], [0, -r]];
    for (var i = 0; i < probes.length; i++) {
      if (sideOf(p.x + probes[i][0], p.y + probes[i][1]) !== side) return null;
    }
    return side;
  }

  // In plain loops: a filter change groups every shown point, and a keyed object and an array per point were
  // garbage that a Streamlit page, its young heap already full, may collect inside the click (bench/README.md).
  function groups(points, find) {
    var byRoot = new Map(), out = [];
    for (var k = 0; k < points.length; k++) {
      var root = find(k), group = byRoot.get(root);
      if (group) group.push(k);
      else { byRoot.set(root, [k]); out.push(byRoot.get(root)); }
    }
    return out;
  }

  // Turns of the ring tried, and shifts of its centre (in ring radii) tried when no turn keeps every symbol on
  // its own side of a border.
  var TURNS = 12;
  var SHIFTS = [0.5, 1, 1.5];
  // Clusters larger than this keep the plain ring: the search costs the square of the members per try, and
  // a few thousand uploaded points in one cluster froze the page for minutes. The project's own clusters
  // (a crossing's ports and an airport) have a handful.
  var RING_SEARCH_MAX = 12;
  // Clusters up to this size that no ring keeps on their sides are packed symbol by symbol instead (packOnSides:
  // about the members squared times the spots tried).
  var PACK_MAX = 40;
  // A larger cluster (an upload's dense patch of points) is not spread at all: its ring would be as wide as the
  // cluster is long in symbols (3,000 points drew a web of leaders over the whole map), and a patch of symbols
  // at their true spots, which zooming in separates, is what the data say. The project's own clusters (a
  // crossing's ports and an airport) have a handful.
  var SPREAD_MAX = PACK_MAX;

  /* Screen spots for every point: alone, its own place; in a cluster, evenly round the cluster's centre (or,
     to keep each symbol on its side of a border, turned and near it: see spread). */
  function spreadClusters(points, clusters, minDist, sideOf, sides) {
    var spots = [];
    clusters.forEach(function (cluster) {
      if (cluster.length === 1 || cluster.length > SPREAD_MAX) {
        cluster.forEach(function (k) { spots[k] = { x: points[k].x, y: points[k].y }; });
        return;
      }
      var members = cluster.slice().sort(function (a, b) { return points[a].id < points[b].id ? -1 : 1; });
      var n = members.length;
      var cx = 0, cy = 0;
      members.forEach(function (k) { cx += points[k].x; cy += points[k].y; });
      cx /= n; cy /= n;
      var radius = Math.max(minDist / 2 + 1, (minDist + 1) / (2 * Math.sin(Math.PI / n)));
      var start = n === 2 ? 0 : -Math.PI / 2; // two side by side, more from the top
      // In id order from the top: the same layout on every draw. Only where that puts a symbol across a border
      // are other turns, then shifts, of the ring tried.
      var best = { spots: [], crossings: 0, cost: 0 };
      members.forEach(function (k, m) {
        var angle = start + (2 * Math.PI * m) / n;
        var spot = { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
        if (sideOf && sides(k) !== null && sideOf(spot.x, spot.y) !== sides(k)) best.crossings += 1;
        best.spots.push(spot);
      });
      if (best.crossings && n <= RING_SEARCH_MAX) best = bestRing(points, members, cx, cy, radius, start, sideOf, sides);
      if (best.crossings && n <= RING_SEARCH_MAX) {
        for (var s = 0; s < SHIFTS.length && best.crossings; s++) {
          for (var d = 0; d < 8; d++) {
            var a = (Math.PI * d) / 4, dx = Math.cos(a) * radius * SHIFTS[s], dy = Math.sin(a) * radius * SHIFTS[s];
            var ring = bestRing(points, members, cx + dx, cy + dy, radius, start, sideOf, sides);
            if (ring.crossings < best.crossings || (ring.crossings === best.crossings && ring.cost < best.cost)) best = ring;
          }
        }
      }
      if (best.crossings) {
        var packed = packOnSides(points, members, cx, cy, minDist, sideOf, sides);
        if (packed.crossings < best.crossings) best = packed;
      }
      members.forEach(function (k, m) { spots[k] = best.spots[m]; });
    });
    return spots;
  }

  // How far (in symbol widths) a packed symbol may go from its true spot looking for room on its own side.
  var PACK_REACH = 8;

  /* A cluster no ring can keep on its sides (a crossing's ports with a viewer's points about them, on a phone:
     the ring was wider than the land between the border and the next town): each symbol, innermost first, at
     the nearest spot to its true place that is on its own side and clear of those already placed, looked for
     on rings of growing radius round its true place. */
  function packOnSides(points, members, cx, cy, minDist, sideOf, sides) {
    var order = members.map(function (k, m) { return m; }).sort(function (a, b) {
      var pa = points[members[a]], pb = points[members[b]];
      return Math.hypot(pa.x - cx, pa.y - cy) - Math.hypot(pb.x - cx, pb.y - cy) || a - b;
    });
    var step = minDist / 3, placed = [], given = [], crossings = 0, cost = 0;
    function clear(x, y) {
      for (var i = 0; i < placed.length; i++) if (Math.hypot(placed[i].x - x, placed[i].y - y) < minDist) return false;
      return true;
    }
    order.forEach(function (m) {
      var k = members[m], p = points[k], side = sides(k), fallback = null, found = null;
      for (var r = 0; r <= PACK_REACH * minDist && !found; r += step) {
        var turns = r ? Math.max(6, Math.round((2 * Math.PI * r) / step)) : 1;
        for (var t = 0; t < turns && !found; t++) {
          var a = -Math.PI / 2 + (2 * Math.PI * t) / turns, x = p.x + r * Math.cos(a), y = p.y + r * Math.sin(a);
          if (!clear(x, y)) continue;
          if (side === null || sideOf(x, y) === side) found = { x: x, y: y };
          else if (!fallback) fallback = { x: x, y: y };
        }
      }
      var spot = found || fallback || { x: p.x, y: p.y };
      if (!found) crossings += 1;
      placed.push(spot);
      given[m] = spot;
      cost += distance(p, spot);
    });
    return { spots: given, crossings: crossings, cost: cost };
  }

  /* The ring round (cx, cy), turned by one of TURNS steps from `start`, whose slots given to the members
     (each the nearest free slot to its true spot, closest pairs first) put the fewest symbols across a border,
     then move them least. */
  function bestRing(points, members, cx, cy, radius, start, sideOf, sides) {
    var n = members.length, best = null;
    for (var t = 0; t < TURNS; t++) {
      var slots = [];
      for (var m = 0; m < n; m++) {
        var angle = start + (2 * Math.PI * m) / n + (2 * Math.PI * t) / (n * TURNS);
        var slot = { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
        if (sideOf) slot.side = sideOf(slot.x, slot.y);
        slots.push(slot);
      }
      var pairs = [];
      members.forEach(function (k, i) {
        slots.forEach(function (slot, j) {
          var across = sideOf && sides(k) !== null && slot.side !== sides(k) ? 1 : 0;
          pairs.push({ i: i, j: j, across: across, d: distance(points[k], slot) });
        });
      });
      pairs.sort(function (a, b) { return a.across - b.across || a.d - b.d || a.i - b.i || a.j - b.j; });
      var given = [], used = [], crossings = 0, cost = 0;
      pairs.forEach(function (p) {
        if (given[p.i] || used[p.j]) return;
        given[p.i] = { x: slots[p.j].x, y: slots[p.j].y };
        used[p.j] = true;
        crossings += p.across;
        cost += p.d;
      });
      if (!best || crossings < best.crossings || (crossings === best.crossings && cost < best.cost - 1e-9)) {
        best = { spots: given, crossings: crossings, cost: cost };
      }
    }
    return best;
  }

  /* ---- Which side of a border: a point in a country's ring ------------------------------------------- */

  /* A ring ([[x, y], ...], closed as GeoJSON's are or not) with its edges filed by horizontal band, so that a test
     reads only the edges at the point's height: the base map's China has thousands of vertices, and spreading
     the symbols of a filter change asks for hundreds of points. */
  function ringIndex(ring) {
    var n = ring.length, y0 = Infinity, y1 = -Infinity;
    for (var i = 0; i < n; i++) { y0 = Math.min(y0, ring[i][1]); y1 = Math.max(y1, ring[i][1]); }
    var count = Math.min(512, Math.max(1, Math.ceil(n / 16))), height = (y1 - y0) / count || 1;
    var bands = [];
    for (var b = 0; b < count; b++) bands.push([]);
    function band(y) { return Math.min(count - 1, Math.max(0, Math.floor((y - y0) / height))); }
    for (var k = 0, j = n - 1; k < n; j = k++) {
      var from = band(Math.min(ring[k][1], ring[j][1])), to = band(Math.max(ring[k][1], ring[j][1]));
      for (var m = from; m <= to; m++) bands[m].push(k);
    }
    return { ring: ring, y0: y0, y1: y1, height: height, bands: bands };
  }

  /* Whether (x, y) is inside an indexed ring: the even-odd crossing test, over the point's band only (the same
     answer as over every edge, since an edge that does not span the point's height never crosses its ray). */
  function inRing(index, x, y) {
    if (!(y >= index.y0 && y <= index.y1)) return false;
    var ring = index.ring, n = ring.length, inside = false;
    var edges = index.bands[Math.min(index.bands.length - 1, Math.floor((y - index.y0) / index.height))];
    for (var e = 0; e < edges.length; e++) {
      var i = edges[e], a = ring[i], b = ring[i === 0 ? n - 1 : i - 1];
      if ((a[1] > y) !== (b[1] > y) && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
    return inside;
  }

  /* ---- A printed key: rows in columns ---------------------------------------------------------------- */

  /* The rows of a key ({width, title}) in as many columns as fit `available` pixels with `gap` between them,
     in reading order, filled evenly down each column; a section's title never ends a column, so it stays
     above its first item. Returns {columns: [[row index, ...], ...], width: a column's width}. */
  function keyColumns(rows, available, gap) {
    var width = 0;
    rows.forEach(function (row) { width = Math.max(width, row.width); });
    var count = Math.max(1, Math.min(rows.length, Math.floor((available + gap) / (width + gap)))), columns;
    for (;;) {
      var tall = Math.ceil(rows.length / count), start = 0;
      columns = [];
      while (start < rows.length) {
        var end = Math.min(rows.length, start + tall);
        if (end < rows.length && rows[end - 1].title) end += end - start > 1 ? -1 : 1;
        columns.push(rows.slice(start, end).map(function (row, n) { return start + n; }));
        start = end;
      }
      if (columns.length <= count) break;
      count--; // keeping titles with their items pushed a row into a column that does not fit: one fewer
    }
    return { columns: columns, width: width };
  }

  /* ---- The relief at each zoom ------------------------------------------------------------------------- */

  // The shaded relief is one image: drawn up to twice its own resolution it reads as sharp; up to four times
  // it is faded (soft); beyond, it gives way to the plain background under the borders and towns, which are
  // vectors and stay crisp at any zoom.
  var RELIEF_SHARP = 2, RELIEF_SOFT = 4;

  /* "sharp", "soft" or "off" for a Leaflet zoom and the image's pixels per degree of longitude. */
  function reliefState(zoom, pixelsPerDegree) {
    var scale = (256 * Math.pow(2, zoom)) / 360 / pixelsPerDegree;
    return scale <= RELIEF_SHARP ? "sharp" : scale <= RELIEF_SOFT ? "soft" : "off";
  }

  /* ---- The address as browser history ----------------------------------------------------------------- */

  // Search typed in one go (reports a few hundred ms apart) is one step back, not one per pause.
  var TYPING_MS = 2000;

  /* Whether a new address (query string) should be a step of its own in the browser's history or replace
     the current one. Only what the viewer chose makes a step: the address changing with no viewer input since
     the page opened or since Back/Forward (a link being tidied, an earlier view being restored) replaces; so
     does a map move alone (`at`), and more search typing within TYPING_MS of the last. `context` is
     {acted, now, last: {time, keys} | null}; the answer is {push, keys} (the parameters that changed, `at`
     aside), which the caller keeps as `last` with the time. */
  function historyStep(before, after, context) {
    var a = new URLSearchParams(before), b = new URLSearchParams(after), keys = [];
    a.forEach(function (_, key) { if (keys.indexOf(key) < 0 && a.get(key) !== b.get(key)) keys.push(key); });
    b.forEach(function (_, key) { if (keys.indexOf(key) < 0 && a.get(key) !== b.get(key)) keys.push(key); });
    keys = keys.filter(function (key) { return key !== "at"; }).sort();
    var last = context.last;
    var typing = keys.length === 1 && keys[0] === "q" && last && last.keys.join() === "q" &&
      context.now - last.time < TYPING_MS;
    return { push: Boolean(context.acted) && keys.length > 0 && !typing, keys: keys };
  }

  /* ---- A place as it stood in a year (geo/explore/timeline.py applies the same rule) ------------------ */

  /* Event kinds (data/events.csv) by what they say of the place afterwards: open (it works as a port),
     approved (decided, agreed or being built, not yet open) or suspended. An approval never undoes an opening
     (some ports opened before their formal approval). Kinds not listed change nothing. */
  var OPENS = ["opened", "reopened", "opened_temporarily", "opened_third_countries", "accepted", "established",
    "service_started", "year_round", "upgraded", "moved"];
  var APPROVES = ["approved", "agreement_signed", "construction_started", "completed"];

  /* A place's state today, from its status (geo.settings.PORT_STATUSES): "approved" with a suspension on
     record is suspended (it opened and is closed again). */
  function stateToday(events, status) {
    if (status === "operational") return "open";
    if (status === "seasonal") return "seasonal";
    if (status === "planned") return "planned";
    var suspended = events.some(function (e) { return e[0] === "suspended"; });
    return suspended ? "suspended" : "approved";
  }

  /* The state of a place at the end of `year`: "none" (not yet approved), "planned", "approved", "open",
     "seasonal" or "suspended", and whether its dates are known. `events` are [kind, date] (date
     "YYYY[-MM[-DD]]", "" when unknown; a date known only to the year counts from that year); `status` is
     today's, true from `statusYear` (the year of its status_as_of) on. A place with no dated event is as it is
     today, every year (known: false). An open place is seasonal if it is seasonal today, or before the year it
     was made year-round. */
  function stateAsOf(events, status, statusYear, year) {
    var dated = events.filter(function (e) { return Boolean(e[1]); })
      .sort(function (a, b) { return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0; });
    if (!dated.length) return { state: stateToday(events, status), known: false };
    if (statusYear && year >= statusYear) return { state: stateToday(events, status), known: true };
    var state = "none";
    dated.forEach(function (e) {
      if (Number(e[1].slice(0, 4)) > year) return;
      if (OPENS.indexOf(e[0]) >= 0) state = "open";
      else if (e[0] === "suspended") state = "suspended";
      else if (APPROVES.indexOf(e[0]) >= 0 && state === "none") state = "approved";
    });
    var laterYearRound = dated.some(function (e) { return e[0] === "year_round" && Number(e[1].slice(0, 4)) > year; });
    if (state === "open" && (status === "seasonal" || laterYearRound)) state = "seasonal";
    return { state: state, known: true };
  }

  /* The kinds of a place's dated events dated by the end of `year`, in date order; null if none is dated. */
  function doneBy(events, year) {
    var dated = events.filter(function (e) { return Boolean(e[1]); });
    if (!dated.length) return null;
    return dated.sort(function (a, b) { return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0; })
      .filter(function (e) { return Number(e[1].slice(0, 4)) <= year; })
      .map(function (e) { return e[0]; });
  }

  /* A corridor's state at the end of `year`: its states are its statuses, so the map draws each year's with the
     status's style. "none" before any agreement or approval (not drawn), "planned" once agreed or approved,
     "under_construction" once work began or was completed, "operating" once it opened (later works on another
     section never undo an opening). With no dated event, today's `status` every year (known: false). */
  function corridorStateAsOf(events, status, year) {
    var done = doneBy(events, year);
    if (!done) return { state: status, known: false };
    var state = "none";
    done.forEach(function (kind) {
      if (OPENS.indexOf(kind) >= 0) state = "operating";
      else if ((kind === "construction_started" || kind === "completed") && (state === "none" || state === "planned")) state = "under_construction";
      else if ((kind === "approved" || kind === "agreement_signed") && state === "none") state = "planned";
    });
    return { state: state, known: true };
  }

  /* A zone's state at the end of `year`: "none" before it was approved or agreed (not drawn), "approved" until it
     was established or opened, then "open"; with no dated event, "open" every year (known: false). */
  function zoneStateAsOf(events, year) {
    var done = doneBy(events, year);
    if (!done) return { state: "open", known: false };
    var state = "none";
    done.forEach(function (kind) {
      if (OPENS.indexOf(kind) >= 0) state = "open";
      else if (APPROVES.indexOf(kind) >= 0 && state === "none") state = "approved";
    });
    return { state: state, known: true };
  }

  /* The state of a place of `layer` ("ports", "corridors" or "zones") at the end of `year`. */
  function layerStateAsOf(layer, events, status, statusYear, year) {
    if (layer === "corridors") return corridorStateAsOf(events, status, year);
    if (layer === "zones") return zoneStateAsOf(events, year);
    return stateAsOf(events, status, statusYear, year);
  }

  /* The year the year control's Play shows after `year`: the next year in which a place's state can change
     (`years`, ascending: geo.explore.timeline.change_years), or `last` (today) when none is left, so playback
     does not step through decades in which nothing happens. */
  function nextYear(years, year, last) {
    for (var i = 0; i < years.length; i++) if (years[i] > year) return Math.min(years[i], last);
    return last;
  }

  /* Whether the map sizes its ports by a measure whose figures reach `measureYear` while it shows `year` (null:
     today): only in that year or later, so a port as it stood in 2019 is not drawn by its 2025 figures. */
  function sizedInYear(measureYear, year) {
    return year === null || year === undefined || measureYear <= year;
  }

  return {
    sizedInYear: sizedInYear,
    RING_SEARCH_MAX: RING_SEARCH_MAX,
    PACK_MAX: PACK_MAX,
    SPREAD_MAX: SPREAD_MAX,
    nextYear: nextYear,
    stateAsOf: stateAsOf,
    layerStateAsOf: layerStateAsOf,
    reliefState: reliefState,
    historyStep: historyStep,
    TYPING_MS: TYPING_MS,
    fold: fold,
    passes: passes,
    shown: shown,
    facetCounts: facetCounts,
    overlaps: overlaps,
    boxesMeet: boxesMeet,
    closePairs: closePairs,
    keyColumns: keyColumns,
    BoxGrid: BoxGrid,
    spread: spread,
    ringIndex: ringIndex,
    inRing: inRing,
  };
});
