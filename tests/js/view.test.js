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

for (const c of cases.figures) {
  test("figures: " + c.why, () => {
    const { overlaps } = require("../../static/xj/core.js");
    const table = { at: { a: [0, c.rows.length] }, start: c.rows.map((r) => r.start), end: c.rows.map((r) => r.end),
                    source: c.rows.map((r) => r.source) };
    const got = view.figureRows(table, "a", c.period, overlaps);
    assert.deepEqual(got.rows.map((r) => [r.row, r.number]), c.shown);
    assert.deepEqual([got.sources, got.outside], [c.sources, c.outside]);
  });
}

test("figures: a place with no rows has none to show", () => {
  const { overlaps } = require("../../static/xj/core.js");
  const table = { at: { a: [0, 1] }, start: [""], end: ["2025-12-31"], source: [0] };
  assert.deepEqual(view.figureRows(table, "nowhere", null, overlaps), { rows: [], sources: [], outside: 0 });
});

for (const c of cases.periods) {
  test("period: " + c.why, () => {
    const got = view.periodRange(c.first, c.last, c.bounds);
    if (!c.param) assert.equal(got, null);
    else assert.deepEqual(got, { param: c.param, start: c.start, end: c.end, label: c.label });
  });
}

test("columns are as wide as their longest text in the layer, the header's sort arrow and CJK counted", () => {
  const rows = [["Horgos", 1234567, "霍尔果斯"], ["Alashankou road port", 12.5, null], ["Ürümqi", -3, ""]];
  // "Alashankou road port": 20 letters at 0.9 ch; 1,234,567 is 9 digits and commas; 霍尔果斯: 4 characters, 2 ch each
  assert.deepEqual(view.columnWidths(["Name", "Trade", "中文"], rows, 40), [18, 9, 8]);
  assert.deepEqual(view.columnWidths(["Trade"], [[-1234.5]], 40), [9]); // -1,234.50 at most
  assert.deepEqual(view.columnWidths(["A much longer header", "x"], [["a", "b"]], 40), [20, 3]);
  assert.deepEqual(view.columnWidths(["Name"], [["a".repeat(90)]], 40), [40]);
  assert.deepEqual(view.columnWidths(["Name"], [], 40), [6]);
});
