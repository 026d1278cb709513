// Which address changes become steps of the browser's history (static/xj/core.js historyStep): what the
// viewer chose does; a map move, a tidied link, a restored view and continued typing do not.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../static/xj/core.js");

const acted = { acted: true, now: 10_000, last: null };

test("a filter, a selection, a period or the layers chosen by the viewer is a step", () => {
  assert.deepEqual(core.historyStep("?at=42%2C80%2C5", "?mode=rail&at=42%2C80%2C5", acted), { push: true, keys: ["mode"] });
  assert.equal(core.historyStep("?mode=rail", "?mode=rail&selected=horgos-road", acted).push, true);
  assert.equal(core.historyStep("?mode=rail&selected=x", "?mode=rail&selected=x&period=2024", acted).push, true);
  assert.equal(core.historyStep("", "?layers=ports", acted).push, true);
  assert.equal(core.historyStep("?mode=rail", "", acted).push, true); // clearing the filters is a step too
});

test("a map move alone replaces the current step", () => {
  assert.deepEqual(core.historyStep("?mode=rail&at=42%2C80%2C5", "?mode=rail&at=43%2C81%2C7", acted), { push: false, keys: [] });
  assert.equal(core.historyStep("", "?at=43%2C81%2C7", acted).push, false);
  assert.equal(core.historyStep("?mode=rail", "?mode=rail", acted).push, false);
});

test("with no viewer input (a link tidied on opening, a view restored by Back) nothing is a step", () => {
  assert.equal(core.historyStep("?layers=nope", "", { acted: false, now: 0, last: null }).push, false);
  assert.equal(core.historyStep("?mode=road", "?mode=rail", { acted: false, now: 0, last: null }).push, false);
});

test("search typed in one go is one step; a pause or another change starts a new one", () => {
  const typing = { time: 10_000 - core.TYPING_MS + 1, keys: ["q"] };
  assert.equal(core.historyStep("?q=ho", "?q=horg", { ...acted, last: typing }).push, false);
  const paused = { time: 10_000 - core.TYPING_MS, keys: ["q"] };
  assert.equal(core.historyStep("?q=ho", "?q=horg", { ...acted, last: paused }).push, true);
  assert.equal(core.historyStep("?q=horg", "?q=horg&mode=rail", { ...acted, last: typing }).push, true);
  const filtered = { time: 9_999, keys: ["mode"] };
  assert.equal(core.historyStep("?mode=rail", "?mode=rail&q=h", { ...acted, last: filtered }).push, true);
});
