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

test("counts: worded one way, the noun agreeing with the total, thousands marked, your layer last if any", () => {
  const text = (parts) => parts.map((p) => p.n + p.rest).join(" · ");
  const totals = { ports: 1000, corridors: 1, zones: 7 };
  assert.equal(text(view.shownParts({ ports: 250, corridors: 0, zones: 1 }, totals)),
    "250 of 1,000 ports · 0 of 1 corridor · 1 of 7 zones");
  assert.equal(text(view.shownParts({ ports: 1000, corridors: 1, zones: 7 }, totals, { shown: 0, total: 0 })),
    "1,000 of 1,000 ports · 1 of 1 corridor · 7 of 7 zones"); // no layer of yours: not named
  const parts = view.shownParts({ ports: 3, corridors: 1, zones: 2 }, totals, { shown: 1200, total: 20000 });
  assert.deepEqual(parts[3], { n: "1,200", rest: " of 20,000 in your layer" });
});

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

test("a column is as wide as its widest text in the layer, measured for a shortlist of the widest by estimate", () => {
  const measured = [];
  // A stand-in for the page's measureText: 7 px a character, 14 a CJK one, a header's bold and arrow 20 px more.
  const measure = (value, header) => {
    measured.push(value);
    const text = String(value);
    return [...text].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 14 : 7), header ? 20 : 0);
  };
  const rows = [["Horgos", 1234567, "霍尔果斯"], ["Alashankou road port", 12.5, null], ["Horgos", -3, ""]];
  assert.deepEqual(view.columnWidths(["Name", "Trade", "中文"], rows, 300, measure), [140, 55, 56]); // "Trade" in bold is wider than 1234567
  assert.deepEqual(view.columnWidths(["A much longer header"], [["a"]], 300, measure), [160]);
  assert.deepEqual(view.columnWidths(["Name"], [["a".repeat(90)]], 300, measure), [300]);
  // Each distinct value once, and at 1,000 rows only a shortlist: the widest by estimate among them.
  measured.length = 0;
  const many = Array.from({ length: 1000 }, (_, i) => ["x".repeat(1 + (i % 50))]);
  assert.deepEqual(view.columnWidths(["N"], many, 1000, measure), [50 * 7]);
  assert.ok(measured.length <= 13, `${measured.length} texts measured`);
  // A short text of capitals can be wider than a longer one of small letters: the estimate counts them wider.
  const order = [];
  view.columnWidths(["N"], [["MMMMMMMMMM"], ["iiiiiiiiiii"]], 1000, (v) => { order.push(v); return 1; });
  assert.deepEqual(order.slice(1), ["MMMMMMMMMM", "iiiiiiiiiii"]);
});

test("a headline figure sorts by its number and shows as told, qualifier, unit and period", () => {
  const fig = (value, text) => ({ value, text });
  const rows = [["Land port", fig(9500, "over 9,500 (by 30 Jun 2025)")], ["Airport", fig(68100, "68,100 tonnes (Jan–Aug 2025)")],
                ["Bakhty", null], ["Horgos", fig(12, "12 (2024)")]];
  assert.deepEqual(view.sortOrder(rows, 1, false), [3, 0, 1, 2]);
  assert.deepEqual(view.sortOrder(rows, 1, true), [1, 0, 3, 2]);
  assert.equal(view.cellText(rows[0][1]), "over 9,500 (by 30 Jun 2025)");
  assert.equal(view.cellText(1234567.5), "1,234,567.5");
  assert.equal(view.cellText(null), "");
  // the column is as wide as the text shown, not the bare number
  const measure = (value, header) => view.cellText(value).length * 7 + (header ? 20 : 0);
  assert.deepEqual(view.columnWidths(["Trains"], rows.map((r) => [r[1]]), 1000, measure), [28 * 7]);
});
