// The view's pure parts (static/xj/view.js): the address on the cases Python passes too (tests/cases/view.json),
// the ports' counts, and the tables' sorting and windowing.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const view = require("../../static/xj/view.js");

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "cases", "view.json"), "utf8"));
const book = cases.book; // geo.explore.urlstate.address_spec(), checked there

for (const c of cases.address) {
  test("address: " + c.why, () => {
    assert.deepEqual(view.addressParams(c.view, book), c.params);
  });
}

for (const c of cases.counts) {
  test("counts: " + c.why, () => {
    const got = view.portCounts(c.values, Object.keys(c.modes), Object.keys(c.statuses));
    assert.equal(got.shown, c.values.length);
    assert.deepEqual(got.modes, c.modes);
    assert.deepEqual(got.statuses, c.statuses);
  });
}

test("sort: numbers as numbers, missing values last both ways, ties in the table's order", () => {
  const rows = [["Horgos", 12], ["alashankou", null], ["Bakhty", 3], ["Ürümqi", 12], ["Karasu", 100]];
  assert.deepEqual(view.sortOrder(rows, 1, false), [2, 0, 3, 4, 1]);
  assert.deepEqual(view.sortOrder(rows, 1, true), [4, 0, 3, 2, 1]);
  // Text without regard to case or accents: "Ürümqi" sorts with the U's, "alashankou" first.
  assert.deepEqual(view.sortOrder(rows, 0, false), [1, 2, 0, 4, 3]);
});

test("window: the rows in view with spare rows either side, never past the table's ends", () => {
  assert.deepEqual(view.windowOf(0, 320, 32, 1000, 5), [0, 15]);
  assert.deepEqual(view.windowOf(3200, 320, 32, 1000, 5), [95, 115]);
  assert.deepEqual(view.windowOf(31900, 320, 32, 1000, 5), [991, 1000]);
  assert.deepEqual(view.windowOf(0, 320, 32, 3, 5), [0, 3]);
});

test("figures: a popup's rows inside the period, sources numbered as first cited among them", () => {
  const { overlaps } = require("../../static/xj/core.js");
  // Place "a" has rows 0-3 (sources 5, 7, 5, 9), "b" row 4; a period of 2025 leaves out row 1 (2023).
  const table = {
    at: { a: [0, 4], b: [4, 5] },
    start: ["2025-01-01", "2023-01-01", "", "2025-03-01", "2024-01-01"],
    end: ["2025-12-31", "2023-12-31", "2025-06-30", "2025-03-31", "2024-12-31"],
    source: [5, 7, 5, 9, 7],
  };
  const all = view.figureRows(table, "a", null, overlaps);
  assert.deepEqual(all.rows.map((r) => [r.row, r.number]), [[0, 1], [1, 2], [2, 1], [3, 3]]);
  assert.deepEqual([all.sources, all.outside], [[5, 7, 9], 0]);
  const year = view.figureRows(table, "a", { start: "2025-01-01", end: "2025-12-31" }, overlaps);
  // Source 7 is cited only by the row left out: source 9 becomes [2].
  assert.deepEqual(year.rows.map((r) => [r.row, r.number]), [[0, 1], [2, 1], [3, 2]]);
  assert.deepEqual([year.sources, year.outside], [[5, 9], 1]);
  const none = view.figureRows(table, "b", { start: "2025-01-01", end: "2025-12-31" }, overlaps);
  assert.deepEqual([none.rows, none.outside], [[], 1]);
  assert.deepEqual(view.figureRows(table, "nowhere", null, overlaps), { rows: [], sources: [], outside: 0 });
});

for (const c of cases.periods) {
  test("period: " + c.why, () => {
    const got = view.periodRange(c.first, c.last, c.bounds);
    if (!c.param) assert.equal(got, null);
    else assert.deepEqual(got, { param: c.param, start: c.start, end: c.end, label: c.label });
  });
}
