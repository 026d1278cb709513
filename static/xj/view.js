/* The view's pure parts, with no page: the address a view writes (geo.explore.urlstate.to_params does the
   same; tests/cases/view.json holds the cases both must pass), the ports counted by mode and status
   (geo.render.summary.port_counts) and the counts' wording, the places tables' sorting and windowing, the figures
   a popup shows and the period filter's months. Loaded by the map as the global XJView and by Node's tests with
   require. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.XJView = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* Python's "%g": six significant digits, no trailing zeros (the positions in an address are rounded first,
     to 4 decimals and zooms to 2, as geo.explore.urlstate reads them). */
  function g(value) {
    return String(Number(Number(value).toPrecision(6)));
  }

  function round(value, digits) {
    var scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  /* The query parameters (as [name, value] pairs, in order) that reproduce a view, values equal to the default
     left out. `view` is {filters: {control: [values]}, text, selected, layers, at, period, year, size}; `book` is the
     map's address rules (geo.explore.urlstate.address_spec): fields in order with their parameter, each
     control's choices in order, and the layers a link can name. */
  function addressParams(view, book) {
    var out = [];
    book.fields.forEach(function (field) {
      var name = field[0], param = field[1], value;
      if (book.choices[name]) {
        var chosen = (view.filters || {})[name] || [];
        value = book.choices[name].filter(function (c) { return chosen.indexOf(c) >= 0; }).join(",");
      } else if (name === "layers") {
        var on = (view.layers || book.layers).filter(function (l) { return book.layers.indexOf(l) >= 0; });
        on = book.layers.filter(function (l) { return on.indexOf(l) >= 0; });
        if (on.join(",") === book.layers.join(",")) return;
        value = on.join(",");
        out.push([param, value]);
        return;
      } else if (name === "at") {
        var at = view.at;
        if (!at || at.length !== 3) return;
        value = [round(at[0], 4), round(at[1], 4), round(at[2], 2)].map(g).join(",");
      } else {
        value = view[name] == null ? "" : String(view[name]);
      }
      if (value !== "") out.push([param, value]);
    });
    return out;
  }

  /* How many of the shown ports have each mode (a road+rail port counts under both) and each status; `values`
     are the ports' filter values ({modes: [...], status}). */
  function portCounts(values, modes, statuses) {
    var out = { shown: values.length, modes: {}, statuses: {} };
    modes.forEach(function (m) { out.modes[m] = 0; });
    statuses.forEach(function (s) { out.statuses[s] = 0; });
    values.forEach(function (v) {
      (v.modes || []).forEach(function (m) { if (m in out.modes) out.modes[m] += 1; });
      if (v.status in out.statuses) out.statuses[v.status] += 1;
    });
    return out;
  }

  var LAYER_WORDS = [["ports", "port", "ports"], ["corridors", "corridor", "corridors"], ["zones", "zone", "zones"]];

  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  /* What the filters show of each layer, worded one way wherever the page counts it (the bar above the map, the
     side panel): [{n: "22", rest: " of 22 ports"}, ...], the noun agreeing with the total, and the viewer's own
     layer last when there is one (`upload`: {shown, total}). */
  function shownParts(shown, totals, upload) {
    var out = LAYER_WORDS.map(function (w) {
      var total = totals[w[0]];
      return { n: thousands(shown[w[0]]), rest: " of " + thousands(total) + " " + (total === 1 ? w[1] : w[2]) };
    });
    if (upload && upload.total) out.push({ n: thousands(upload.shown), rest: " of " + thousands(upload.total) + " in your layer" });
    return out;
  }

  /* Row positions ordered by a column: numbers as numbers, text as text (case and accents aside), missing
     values last whichever the direction; ties keep the table's own order. */
  /* A cell as the table sorts it: a headline figure ({value: 9500, text: "over 9,500 (2025)"}) by its number. */
  function sortValue(cell) {
    return cell !== null && typeof cell === "object" ? cell.value : cell;
  }

  /* A cell as the table shows it: a number as "en" writes it, a headline figure as told. */
  function cellText(cell) {
    if (cell === null || cell === undefined) return "";
    if (typeof cell === "object") return String(cell.text);
    return typeof cell === "number" ? cell.toLocaleString("en", { maximumFractionDigits: 2 }) : String(cell);
  }

  function sortOrder(rows, column, descending) {
    var collator = typeof Intl !== "undefined" ? new Intl.Collator(undefined, { sensitivity: "base", numeric: true }) : null;
    var order = rows.map(function (_, i) { return i; });
    order.sort(function (a, b) {
      var x = sortValue(rows[a][column]), y = sortValue(rows[b][column]);
      var xm = x === null || x === undefined || x === "", ym = y === null || y === undefined || y === "";
      if (xm || ym) return xm === ym ? a - b : xm ? 1 : -1;
      var c = typeof x === "number" && typeof y === "number" ? x - y
        : collator ? collator.compare(String(x), String(y)) : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
      if (descending) c = -c;
      return c || a - b;
    });
    return order;
  }

  /* The rows a scrolled window shows: [first, last) of `total` rows of `rowHeight` px, with `spare` rows
     either side so a quick scroll does not show blank. */
  function windowOf(scrollTop, height, rowHeight, total, spare) {
    var first = Math.max(0, Math.floor(scrollTop / rowHeight) - spare);
    var last = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + spare);
    return [Math.min(first, last), last];
  }

  /* Each column's width in px, from its widest text in the whole layer (not the rows drawn now), so the columns
     of a windowed table stay put as rows scroll or a filter changes them, and the browser lays the table out
     from its first row (table-layout: fixed). `measure(value, header)` gives a text's width in px as the page
     draws it (a canvas's measureText, in places.js); to keep that to a few calls per column at 100,000 rows,
     each value's width is first estimated from its characters (a capital or a CJK character counts more; a
     number as "en" writes it) and only the SHORTLIST widest by that estimate are measured. At most `cap`. */
  var SHORTLIST = 12;
  var WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

  function roughWidth(value) {
    if (value === null || value === undefined) return 0;
    if (typeof value === "object") return roughWidth(String(value.text));
    if (typeof value === "number") {
      var whole = String(Math.trunc(Math.abs(value))).length;
      return whole + Math.floor((whole - 1) / 3) + (value < 0 ? 1 : 0) + (Number.isInteger(value) ? 0 : 3);
    }
    var text = String(value), cjk = (text.match(WIDE) || []).length, upper = (text.match(/[A-Z]/g) || []).length;
    return text.length + 0.35 * upper + cjk;
  }

  function columnWidths(columns, rows, cap, measure) {
    return columns.map(function (name, c) {
      // The widest SHORTLIST distinct values by estimate, kept in one pass (no sort of 100,000 values).
      var best = [], least = -1;
      for (var i = 0; i < rows.length; i++) {
        var value = rows[i][c];
        if (value === null || value === undefined || value === "") continue;
        // A text can be no wider than 2 a character (all CJK): most are passed over without reading them.
        if (best.length >= SHORTLIST && typeof value === "string" && 2 * value.length <= least) continue;
        var rough = roughWidth(value);
        if (best.length >= SHORTLIST && rough <= least) continue;
        if (best.some(function (pair) { return pair[1] === value; })) continue;
        best.push([rough, value]);
        if (best.length > SHORTLIST) {
          best.sort(function (x, y) { return y[0] - x[0]; });
          best.pop();
        }
        least = best.length >= SHORTLIST ? Math.min.apply(null, best.map(function (pair) { return pair[0]; })) : -1;
      }
      var most = measure(name, true);
      best.forEach(function (pair) { most = Math.max(most, measure(pair[1], false)); });
      return Math.min(cap, Math.ceil(most));
    });
  }

  /* Which of a place's figures a popup shows for a period, from the map's one figures table
     (geo.render.figures.table: columns, a place's rows at `table.at[entity]` as [first, stop)): the rows inside
     the period, in order, each with its source's number (numbered as first cited among the rows shown, as
     geo.render.present.facts_html numbers them); the sources in that order; and how many rows lie outside.
     `overlaps(first, last, from, to)` is the rule book's (XJCore.overlaps). */
  function figureRows(table, entity, period, overlaps) {
    var span = (table && table.at && table.at[entity]) || [0, 0], rows = [], sources = [], numbers = {}, outside = 0;
    for (var i = span[0]; i < span[1]; i++) {
      if (period && !overlaps(table.start[i], table.end[i], period.start, period.end)) { outside += 1; continue; }
      var source = table.source[i];
      if (!(source in numbers)) numbers[source] = sources.push(source);
      rows.push({ row: i, number: numbers[source] });
    }
    return { rows: rows, sources: sources, outside: outside };
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /* The period filter from whole months, as Python writes it (geo.data.periods.format_range and range_label;
     tests/cases/view.json holds the cases both must pass): `first` and `last` are "YYYY-MM", `bounds` the first
     and last month the figures reach. The parameter is "" for the whole span (no filter); whole years are
     written as years ("2024/2025"), else months ("2025-01/2025-06"), one alone as itself. */
  function periodRange(first, last, bounds) {
    if (first === bounds[0] && last === bounds[1]) return null;
    var y0 = Number(first.slice(0, 4)), m0 = Number(first.slice(5, 7));
    var y1 = Number(last.slice(0, 4)), m1 = Number(last.slice(5, 7));
    var days = new Date(Date.UTC(y1, m1, 0)).getUTCDate();
    var years = m0 === 1 && m1 === 12;
    var a = years ? String(y0) : first, b = years ? String(y1) : last;
    var named = function (y, m) { return years ? String(y) : MONTHS[m - 1] + " " + y; };
    var label = a === b ? named(y0, m0)
      : !years && y0 === y1 ? MONTHS[m0 - 1] + "–" + named(y1, m1) : named(y0, m0) + "–" + named(y1, m1);
    return { param: a === b ? a : a + "/" + b, start: first + "-01", end: last + "-" + String(days).padStart(2, "0"),
             label: label };
  }

  return {
    periodRange: periodRange,
    addressParams: addressParams, portCounts: portCounts, shownParts: shownParts, sortOrder: sortOrder, windowOf: windowOf, g: g,
    cellText: cellText,
    columnWidths: columnWidths,
    figureRows: figureRows,
  };
});
