// The year rule of the browser (XJCore.stateAsOf, layerStateAsOf for corridors and zones) on the cases Python's twin passes too (tests/cases/timeline.json).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const core = require("../../static/xj/core.js");

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "cases", "timeline.json"), "utf8")).cases;

for (const c of cases) {
  test("state as of a year: " + c.why, () => {
    for (const [year, state, known] of c.expect) {
      const found = c.layer
        ? core.layerStateAsOf(c.layer, c.events, c.status, c.status_year, year)
        : core.stateAsOf(c.events, c.status, c.status_year, year);
      assert.deepEqual(found, { state, known }, String(year));
    }
  });
}

test("nextYear: Play goes to the next year in which something changes, then today", () => {
  const years = [1881, 1992, 2012, 2016];
  assert.equal(core.nextYear(years, 1881, 2026), 1992);
  assert.equal(core.nextYear(years, 1900, 2026), 1992);
  assert.equal(core.nextYear(years, 2016, 2026), 2026);
  assert.equal(core.nextYear([], 2000, 2026), 2026);
  assert.equal(core.nextYear([2030], 2025, 2026), 2026); // never past today
});

test("sizedInYear: a measure sizes the ports in the year its figures reach or later, and today", () => {
  assert.equal(core.sizedInYear(2025, null), true);
  assert.equal(core.sizedInYear(2025, 2025), true);
  assert.equal(core.sizedInYear(2023, 2025), true); // an older figure on a later map, as today's map shows it
  assert.equal(core.sizedInYear(2025, 2024), false);
  assert.equal(core.sizedInYear(2025, 2019), false);
});
