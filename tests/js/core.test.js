// The browser's rule book and screen geometry (static/xj/core.js) on the cases Python passes too
// (tests/cases/rules.json), and the geometry against the plain each-with-each answers it stands in for.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const core = require("../../static/xj/core.js");

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "cases", "rules.json"), "utf8"));

test("fold: accents, case, width and punctuation, as Python folds", () => {
  for (const [typed, folded] of cases.fold) assert.equal(core.fold(typed), folded, JSON.stringify(typed));
});

for (const c of cases.filters) {
  test("filter: " + c.why, () => {
    const query = core.fold(c.query);
    const shown = cases.features.filter((f) => core.shown(f, cases.rules, c.filters, query)).map((f) => f.id);
    assert.deepEqual(shown, c.shown);
  });
}

// The keys are Python's (tests/test_controls.py builds them from the same fields): the browser finds in them.
for (const c of cases.search_keys.finds) {
  test("search: " + c.why, () => {
    const query = core.fold(c.query);
    const found = cases.search_keys.places
      .filter((p) => core.shown({ layer: p.layer, values: {}, search: p.search }, cases.rules, {}, query))
      .map((p) => p.id);
    assert.deepEqual(found, c.found);
  });
}

for (const c of cases.facets) {
  test("facet counts: " + c.why, () => {
    const counts = core.facetCounts(cases.features, cases.rules, c.filters, core.fold(c.query));
    for (const [name, listed] of Object.entries(c.counts)) {
      for (const [choice, n] of Object.entries(listed)) assert.equal(counts[name][choice] || 0, n, name + " " + choice);
    }
  });
}

test("period overlap: a figure's first and last day against the period filter", () => {
  for (const c of cases.periods.overlaps) {
    assert.equal(core.overlaps(c.first, c.last, c.range[0], c.range[1]), c.overlaps, JSON.stringify(c));
  }
});

// A small deterministic generator: the same points on every run.
function points(n, seed, spanX, spanY) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => ({ id: "p" + String(i).padStart(4, "0"), x: next() * spanX, y: next() * spanY }));
}

function dist(a, b) { return Math.hypot(a.x - b.x, a.y - b.y); }

test("close pairs: the same pairs as comparing each point with each", () => {
  const pts = points(400, 7, 300, 200).concat([{ id: "q", x: 10, y: 10 }, { id: "r", x: 10, y: 10 }]);
  const found = [];
  core.closePairs(pts, 12, (i, j) => found.push(i + "," + j));
  const expected = [];
  for (let j = 0; j < pts.length; j++) for (let i = 0; i < j; i++) if (dist(pts[i], pts[j]) < 12) expected.push(i + "," + j);
  assert.ok(expected.length > 10);
  assert.deepEqual(found.sort(), expected.sort());
});

test("box grid: the same answers as testing every box", () => {
  const grid = new core.BoxGrid(32), boxes = [];
  points(300, 11, 800, 600).forEach((p, k) => {
    const box = { x: p.x, y: p.y, w: 5 + (k % 40), h: 4 + (k % 9) };
    const plain = boxes.some((b) => core.boxesMeet(box, b, 1));
    assert.equal(grid.hits(box, 1), plain);
    if (!plain) { grid.add(box); boxes.push(box); }
  });
  assert.ok(boxes.length > 20 && boxes.length < 300); // some boxes met others, some did not
});

test("spread: symbols closer than their width are spread apart round their centre; lone ones stay put", () => {
  const minDist = 18;
  const pts = [
    { id: "road", x: 100, y: 100 }, { id: "rail", x: 100, y: 100 }, { id: "air", x: 103, y: 101 },
    { id: "alone", x: 300, y: 50 },
  ];
  const { spots, clusters } = core.spread(pts, minDist);
  assert.deepEqual(spots[3], { x: 300, y: 50 });
  assert.deepEqual(clusters.map((c) => c.slice().sort()).sort(), [[0, 1, 2], [3]]);
  for (let i = 0; i < spots.length; i++) {
    for (let j = 0; j < i; j++) assert.ok(dist(spots[i], spots[j]) >= minDist, i + "," + j);
  }
  const cx = (spots[0].x + spots[1].x + spots[2].x) / 3, cy = (spots[0].y + spots[1].y + spots[2].y) / 3;
  assert.ok(Math.abs(cx - 101) < 1e-9 && Math.abs(cy - (100 + 1 / 3)) < 1e-9); // round the cluster's centre
});

test("spread: clusters that touch once spread are joined, until no two symbols overlap", () => {
  const minDist = 18;
  const pts = points(core.SPREAD_MAX, 3, 160, 120); // as many as may be spread, in a box where clusters touch
  const { spots, clusters } = core.spread(pts, minDist);
  assert.ok(clusters.some((c) => c.length > 2));
  let close = 0;
  core.closePairs(spots, minDist, () => { close += 1; });
  assert.equal(close, 0);
});

test("spread: a symbol is never spread across a border from its true spot", () => {
  const minDist = 18;
  const sideOf = (x) => (x < 100 ? "west" : "east"); // a border along x = 100
  const cases = [
    // Three west of the line, one east of it, none on it (a symbol's radius away, 7 px, or more).
    [{ id: "a", x: 92, y: 100 }, { id: "b", x: 92, y: 101 }, { id: "c", x: 92, y: 102 }, { id: "d", x: 108, y: 100 }],
    // Four east of the line and one west of it: the ring must move east to fit.
    [{ id: "a", x: 108, y: 100 }, { id: "b", x: 108, y: 103 }, { id: "c", x: 109, y: 97 }, { id: "d", x: 108, y: 99 },
     { id: "e", x: 92, y: 101 }],
    // On the line, a symbol may go to either side; the others keep theirs.
    [{ id: "a", x: 100, y: 100 }, { id: "b", x: 92, y: 102 }, { id: "c", x: 108, y: 98 }],
  ];
  for (const pts of cases) {
    const plain = core.spread(pts, minDist);
    const onLine = (p) => Math.abs(p.x - 100) < 7;
    const across = (spots) => pts.filter((p, k) => !onLine(p) && sideOf(spots[k].x) !== sideOf(p.x)).length;
    if (!pts.some(onLine)) assert.ok(across(plain.spots) > 0, "the case tests nothing: spreading alone keeps every side");
    const { spots } = core.spread(pts, minDist, sideOf);
    assert.equal(across(spots), 0, JSON.stringify(spots));
    for (let i = 0; i < spots.length; i++) {
      for (let j = 0; j < i; j++) assert.ok(dist(spots[i], spots[j]) >= minDist - 1e-9, i + "," + j);
    }
  }
});

test("relief: sharp to twice its resolution, soft to four times, then off", () => {
  // The project's relief: 1,800 pixels over 60 degrees of longitude (static/basemap/basemap.json).
  const perDegree = 1800 / 60;
  const states = [4, 5, 6, 6.5, 7, 7.5, 8, 9, 12].map((zoom) => core.reliefState(zoom, perDegree));
  assert.deepEqual(states, ["sharp", "sharp", "sharp", "soft", "soft", "off", "off", "off", "off"]);
  // Twice as fine an image stays sharp one zoom further.
  assert.equal(core.reliefState(7, 2 * perDegree), "sharp");
});

test("spread: a cluster too large to spread keeps its true spots, each symbol standing alone", () => {
  const sideOf = (x) => (x < 100 ? "west" : "east");
  const n = 300; // an uploaded layer's points, a few pixels apart west of the line: one dense patch
  const pts = Array.from({ length: n }, (_, k) => ({ id: "p" + String(k).padStart(4, "0"), x: 60 + (k % 5), y: 100 + (k % 7) }));
  assert.ok(n > core.SPREAD_MAX);
  for (const side of [undefined, sideOf]) {
    const { spots, clusters } = core.spread(pts, 18, side);
    assert.deepEqual(spots, pts.map((p) => ({ x: p.x, y: p.y }))); // a ring of 300 was 900 px wide
    assert.equal(clusters.length, n); // no leaders: none is drawn away from its place
  }
  // One symbol fewer than the limit allows... is still spread round its centre, each with a leader.
  const few = pts.slice(0, core.SPREAD_MAX);
  const spread = core.spread(few, 18);
  assert.equal(spread.clusters.length, 1);
  assert.ok(spread.spots.every((s, k) => s.x !== few[k].x || s.y !== few[k].y));
});

test("spread: in a cluster too large to spread, the points that need not stay are spread among themselves", () => {
  // A viewer's dense file (stays) laid over a crossing's two ports a pixel apart: the file stays where it is, the
  // ports are spread apart as they would be without it (they were left on top of each other).
  const file = Array.from({ length: 100 }, (_, k) => ({ id: "f" + String(k).padStart(3, "0"), x: 40 + (k % 10) * 4, y: 40 + Math.floor(k / 10) * 4, stays: true }));
  const ports = [{ id: "horgos-rail", x: 60, y: 60 }, { id: "horgos-road", x: 61, y: 60 }];
  const { spots, clusters } = core.spread(file.concat(ports), 18);
  file.forEach((p, k) => assert.deepEqual(spots[k], { x: p.x, y: p.y }));
  const [rail, road] = [spots[100], spots[101]];
  assert.ok(Math.hypot(rail.x - road.x, rail.y - road.y) >= 18 - 1e-9, "the ports are a symbol apart");
  assert.deepEqual(core.spread(ports, 18).spots, [rail, road]); // as they are without the file
  assert.ok(clusters.some((c) => c.length === 2 && c.includes(100) && c.includes(101))); // their leaders drawn
  assert.equal(clusters.length, 101);
});

test("spread: a symbol standing alone is not asked which side of a border it is on", () => {
  // At 10,000 ports most symbols stand alone; asking each (its spot and four probes) cost most of a filter change.
  const asked = [];
  const sideOf = (x, y) => { asked.push([x, y]); return x < 100 ? "west" : "east"; };
  const alone = Array.from({ length: 50 }, (_, k) => ({ id: "p" + k, x: 40 * k, y: 500 }));
  core.spread(alone, 18, sideOf);
  assert.equal(asked.length, 0);
  // In a cluster each member's side is asked once, however many rings are tried.
  const pair = [{ id: "a", x: 92, y: 100 }, { id: "b", x: 93, y: 100 }];
  core.spread(pair, 18, sideOf);
  const own = asked.filter(([x, y]) => (x === 92 || x === 93) && y === 100);
  assert.equal(own.length, 2);
});

test("ring index: a point is inside an indexed ring exactly when the plain crossing test says so", () => {
  // A star-shaped ring of 400 vertices with a notch, against the even-odd test over every edge.
  const ring = Array.from({ length: 400 }, (_, k) => {
    const a = (2 * Math.PI * k) / 400, r = k % 2 ? 40 : 55 + (k % 7);
    return [100 + r * Math.cos(a), 60 + r * Math.sin(a)];
  });
  const plain = (x, y) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i], b = ring[j];
      if ((a[1] > y) !== (b[1] > y) && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
    return inside;
  };
  const index = core.ringIndex(ring);
  let seed = 7, insides = 0;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const points = Array.from({ length: 5000 }, () => [30 + 140 * random(), -10 + 140 * random()]);
  points.push(...ring, [100, 60], [100, 60 + 62], [100, 60 - 62]); // the vertices themselves, the centre, the top and bottom edges
  for (const [x, y] of points) {
    const expected = plain(x, y);
    insides += expected ? 1 : 0;
    assert.equal(core.inRing(index, x, y), expected, `${x},${y}`);
  }
  assert.ok(insides > 1000 && insides < points.length - 1000, "the points fall on both sides");
});

test("facet counts: `only` counts the one control asked for, as for all", () => {
  const all = core.facetCounts(cases.features, cases.rules, { modes: ["air"] }, "");
  const one = core.facetCounts(cases.features, cases.rules, { modes: ["air"] }, "", "kinds");
  assert.deepEqual(Object.keys(one), ["kinds"]);
  assert.deepEqual(one.kinds, all.kinds);
});

test("spread: with a memo, a member's side is asked once across calls, and the spots are the same", () => {
  // The map keeps one memo per zoom: a filter change that leaves a cluster's symbols where they were asks
  // nothing again about their own sides (each is a spot and four probes: five point-in-country tests).
  const asked = [];
  const sideOf = (x, y) => { asked.push([x, y]); return x < 100 ? "west" : "east"; };
  const pts = [{ id: "a", x: 92, y: 100 }, { id: "b", x: 93, y: 101 }, { id: "c", x: 108, y: 100 }];
  const plain = core.spread(pts, 18, sideOf).spots;
  const memo = new Map();
  const r = 18 / 2 - 2; // the probes' distance (core's sideAt)
  const probes = (p) => [[p.x, p.y], [p.x + r, p.y], [p.x - r, p.y], [p.x, p.y + r], [p.x, p.y - r]];
  const own = () => asked.filter(([x, y]) => pts.some((p) => probes(p).some(([px, py]) => px === x && py === y)));
  asked.length = 0;
  assert.deepEqual(core.spread(pts, 18, sideOf, memo).spots, plain);
  const first = own().length;
  assert.ok(first >= pts.length, "each member's side is asked the first time");
  asked.length = 0;
  assert.deepEqual(core.spread(pts, 18, sideOf, memo).spots, plain);
  assert.deepEqual([...memo.keys()].sort(), ["a", "b", "c"]);
  assert.equal(own().length, 0, "the second call asks only about the ring's slots");
});

test("keyColumns: a printed key fits the width, keeps reading order and never leaves a title at a column's foot", () => {
  const rows = [
    { width: 60, title: true }, { width: 140 }, { width: 120 }, { width: 90 },
    { width: 70, title: true }, { width: 100 }, { width: 80 },
    { width: 50, title: true }, { width: 110 },
  ];
  for (const available of [120, 300, 390, 700, 1400]) {
    const { columns, width } = core.keyColumns(rows, available, 16);
    assert.equal(width, 140);
    assert.deepEqual(columns.flat(), rows.map((_, n) => n), "every row once, in order");
    assert.ok(columns.length === 1 || columns.length * width + (columns.length - 1) * 16 <= available, String(available));
    for (const column of columns) assert.ok(!rows[column[column.length - 1]].title, JSON.stringify(columns));
  }
  assert.equal(core.keyColumns(rows, 390, 16).columns.length, 2); // a phone's width: two columns, not one
  assert.equal(core.keyColumns(rows, 120, 16).columns.length, 1); // too narrow for even one: one, as wide as it must be
  const tall = core.keyColumns(rows, 1400, 16).columns;
  assert.ok(Math.max(...tall.map((c) => c.length)) <= 2, "a wide page spreads the key, not one tall column");
});

test("spread: a cluster too large for the ring search is packed on its own side, close to its true spots", () => {
  const minDist = 16;
  const sideOf = (x) => (x < 100 ? "west" : "east"); // a border along x = 100
  // Fourteen symbols a little east of the line (a crossing's ports, zones and a viewer's points): a ring wide
  // enough for them reaches far across it, and turns or shifts are not tried at this size.
  const pts = Array.from({ length: 14 }, (_, k) => ({ id: "p" + String(k).padStart(2, "0"), x: 112 + (k % 4) * 3, y: 100 + (k % 5) * 2 }));
  assert.ok(pts.length > core.RING_SEARCH_MAX && pts.length <= core.PACK_MAX);
  assert.ok(core.spread(pts, minDist).spots.some((s) => sideOf(s.x) === "west"), "the plain ring crosses");
  const { spots } = core.spread(pts, minDist, sideOf);
  assert.ok(spots.every((s) => sideOf(s.x) === "east"), JSON.stringify(spots));
  for (let i = 0; i < spots.length; i++) {
    for (let j = 0; j < i; j++) assert.ok(dist(spots[i], spots[j]) >= minDist - 1e-9, i + "," + j);
  }
  // Packed, not pushed away: none further from its true spot than the plain ring's radius and a symbol's width.
  const ring = (minDist + 1) / (2 * Math.sin(Math.PI / pts.length));
  assert.ok(Math.max(...spots.map((s, k) => dist(s, pts[k]))) <= ring + minDist);
});
