// The places the map shows, as the page's tables (under the map) and counts (in the sidebar): a Streamlit
// component (components v2, no iframe) that reads the map's explorer in the same page and follows each filter,
// search, year and selection in the same task as the map, with no Python run. Python sends the tables once per
// session (geo/render/tables.py); the pure parts (counts, sorting, windowing) are static/xj/view.js.

var ROW_PX = 34, MAX_HEIGHT_PX = 420, SPARE_ROWS = 8, ROW_NODES_KEPT = 2000;
// A column's text width at most, in px (a longer text is cut with an ellipsis), a cell's padding either side
// together, and room for a header's sort arrow.
var WIDEST_PX = 330, CELL_PAD_PX = 16, ARROW_PX = 16;
// A cell in Chinese only (the 中文 column): the characters geo.render.present.mark_chinese marks.
var CHINESE = /^[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\s·]+$/;

function make(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function mapRoot() { return document.querySelector(".xj-root"); }

/* Call fn with the map's explorer now, if there is one, and with each new one (the map is rebuilt when a file
   is uploaded or removed). */
function withExplorer(root, fn) {
  var state = mapRoot() && mapRoot().xjState;
  if (state && state.explorer) fn(state.explorer);
  document.addEventListener("xj:explorer", function listener(event) {
    if (!root.isConnected) { document.removeEventListener("xj:explorer", listener); return; }
    fn(event.detail);
  });
}

/* Whether a row shows: a drawn place as the map shows it; one the map cannot draw by the same rule book. */
function passes(explorer, undrawn, id) {
  var item = explorer.items[id];
  if (item) return item.visible;
  var row = undrawn[id];
  return Boolean(row) && window.XJCore.shown(row, explorer.opts, explorer.filters, explorer.query);
}

/* Whether each row of a layer shows, by position (1 or 0). The rows' map items are looked up once per layer and
   map, not by id at every filter: at 100,000 ports those lookups, in the counts and again in the tables, were
   about a third of the 20 ms the page took beside the map's own change. */
function rowItems(explorer, layer) {
  if (layer.xjItemsOf !== explorer) {
    layer.xjItems = layer.ids.map(function (id) { return explorer.items[id] || null; });
    layer.xjItemsOf = explorer;
  }
  return layer.xjItems;
}

function shownRows(explorer, undrawn, layer) {
  var items = rowItems(explorer, layer), rows = new Uint8Array(items.length);
  for (var i = 0; i < items.length; i++) {
    rows[i] = (items[i] ? items[i].visible : passes(explorer, undrawn, layer.ids[i])) ? 1 : 0;
  }
  return rows;
}

/* ---- Counts (sidebar) ------------------------------------------------------------------------------------ */

/* The viewer's own layer, as the map last counted it: {shown, total} (total 0: no layer). */
function uploadCounts(explorer) {
  var counts = explorer.shownNow || explorer.counts();
  return { shown: counts.upload, total: counts.uploadTotal };
}

function renderCounts(root, data, explorer) {
  var places = data.places, spec = places.counts, undrawn = places.undrawn;
  var shown = {}, portValues = [], unknown = 0, states = {}, year = explorer.year;
  places.layers.forEach(function (layer) {
    var rows = shownRows(explorer, undrawn, layer), items = rowItems(explorer, layer), n = 0;
    for (var i = 0; i < rows.length; i++) {
      if (!rows[i]) continue;
      n += 1;
      if (layer.name !== "ports") continue;
      portValues.push(items[i] ? items[i].values : undrawn[layer.ids[i]].values);
      if (!items[i]) unknown += 1;
      else if (items[i].state) states[items[i].state] = (states[items[i].state] || 0) + 1;
    }
    shown[layer.name] = n;
  });
  var counts = window.XJView.portCounts(portValues, spec.modes, spec.statuses);
  var box = root.querySelector(".xj-tally-body");
  box.textContent = "";
  var line = make("p", "xj-tally-line");
  if (explorer.year != null) line.appendChild(document.createTextNode("As of " + explorer.year + ": "));
  window.XJView.shownParts(shown, spec.totals, uploadCounts(explorer)).forEach(function (part, i) {
    if (i) line.appendChild(document.createTextNode(" · "));
    line.appendChild(make("strong", null, part.n));
    line.appendChild(document.createTextNode(part.rest));
  });
  box.appendChild(line);
  // In a chosen year the statuses are that year's, as the map draws and its bar counts them (today's status
  // beside "As of 2000" contradicted the bar above the map); today, the layer's own status column.
  var labels = window.XJMap.STATE_LABELS;
  var byStatus = year != null
    ? " · by state in " + year + ": " + (window.XJMap.STATE_ORDER.filter(function (s) { return states[s]; })
      .map(function (s) { return (labels[s] || s) + " " + states[s]; }).join(", ") || "none yet")
    : " · by status: " + spec.statuses.map(function (s) { return s + " " + counts.statuses[s]; }).join(", ");
  // A road + rail port counts under both modes: said where the modes add up to more than the ports shown.
  var byModes = spec.modes.reduce(function (n, m) { return n + counts.modes[m]; }, 0);
  var twice = byModes > counts.shown ? " (a port of two modes counts under each)" : "";
  box.appendChild(make("p", "xj-tally-note",
    "By mode: " + spec.modes.map(function (m) { return m + " " + counts.modes[m]; }).join(", ") + twice + byStatus));
  if (unknown) {
    box.appendChild(make("p", "xj-tally-note", unknown + " of the ports shown have no sourced location: the tables " +
      "list them, the map does not draw them."));
  }
  if (spec.reconciled.length) {
    box.appendChild(make("p", "xj-tally-note", "Of the ports behind the articles' counts (below), shown now: " +
      spec.reconciled.map(function (r) {
        var n = r.ids.filter(function (id) { return passes(explorer, undrawn, id); }).length;
        return r.label.toLowerCase() + " " + n + " of " + r.total;
      }).join("; ") + "."));
  }
  root.dataset.xjShown = JSON.stringify(shown);
}

/* ---- Tables (under the map) ------------------------------------------------------------------------------ */

function skeletonTables(parent) {
  var root = make("section", "xj-places");
  root.setAttribute("aria-labelledby", "places-shown");
  var heading = make("h2", "xj-places-heading", "Places shown");
  heading.id = "places-shown";
  root.appendChild(heading);
  var tabs = make("div", "xj-tabs");
  tabs.setAttribute("role", "tablist");
  tabs.setAttribute("aria-label", "Places shown, by layer");
  root.appendChild(tabs);
  var panel = make("div", "xj-panel");
  panel.setAttribute("role", "tabpanel");
  panel.tabIndex = 0;
  var table = make("table", "xj-table");
  table.setAttribute("role", "grid");
  table.appendChild(make("caption", "xj-visually-hidden"));
  table.appendChild(make("thead"));
  table.appendChild(make("tbody"));
  panel.appendChild(table);
  root.appendChild(panel);
  root.appendChild(make("p", "xj-text xj-caption",
    "Select a row (click, or arrow keys and Enter), or click a place on the map, to see its figures and sources."));
  parent.appendChild(root);
  return root;
}

function formatCell(value) {
  return window.XJView.cellText(value);
}

/* A row's element with its cells, made once per layer and kept (up to ROW_NODES_KEPT of them): a filter then moves
   rows in and out of the table instead of making every cell again. Where it stands (data-xj-row, aria-rowindex),
   whether it is selected and focusable are set at each draw. */
function rowNode(layer, i) {
  var kept = layer.xjRowNodes || (layer.xjRowNodes = new Map()), tr = kept.get(i);
  if (tr) return tr;
  if (kept.size >= ROW_NODES_KEPT) kept.clear();
  tr = make("tr");
  tr.dataset.xjPlace = layer.ids[i];
  tr.style.height = ROW_PX + "px";
  layer.rows[i].forEach(function (value) {
    var td = make("td", null, formatCell(value));
    if (CHINESE.test(td.textContent)) td.lang = "zh"; // read and drawn as Chinese, as popups and details mark it
    tr.appendChild(td);
  });
  kept.set(i, tr);
  return tr;
}

function Tables(root) {
  this.root = root;
  this.panel = root.querySelector(".xj-panel");
  this.active = "ports";
  this.sort = {}; // layer -> [column, descending]
  this.shown = {}; // layer -> row positions shown, in the chosen order
  this.focusRow = 0;
  // Where the panel is scrolled to, kept as it moves: reading it from the panel in the middle of a filter would
  // lay the whole page out there and then (the map has just changed).
  this.top = 0;
  var self = this;
  this.panel.addEventListener("scroll", function () { self.top = self.panel.scrollTop; self.draw(); });
  this.panel.addEventListener("click", function (event) {
    var tr = event.target.closest("tr[data-xj-row]");
    if (tr) self.choose(Number(tr.dataset.xjRow));
  });
  this.panel.addEventListener("keydown", function (event) { self.key(event); });
  // Tab from the last sort button into the rows left the table scrolled to the last columns: a row shows from
  // its name, as an arrow key into the rows already does.
  this.panel.addEventListener("focusin", function (event) {
    var from = event.relatedTarget, fromHead = Boolean(from && from.closest && from.closest("thead"));
    if (fromHead && event.target.matches("tr[data-xj-row]")) self.panel.scrollLeft = 0;
  });
}

Tables.prototype.scrollTo = function (top) {
  this.panel.scrollTop = top;
  this.top = this.panel.scrollTop; // as the panel took it (never below 0 nor past its rows)
};

Tables.prototype.layer = function (name) {
  return this.layers.filter(function (l) { return l.name === name; })[0] || this.layers[0];
};

/* Which rows each layer shows now, in the chosen order, and the tabs' labels. */
Tables.prototype.refresh = function () {
  var self = this, explorer = this.explorer, undrawn = this.data.places.undrawn;
  this.layers.forEach(function (layer) {
    // Each order is made once per layer and sort, not at every filter (sorting 100,000 rows takes a while).
    var sort = self.sort[layer.name], key = sort ? sort.join(" ") : "";
    layer.xjOrders = layer.xjOrders || {};
    var order = layer.xjOrders[key] || (layer.xjOrders[key] = sort
      ? window.XJView.sortOrder(layer.rows, sort[0], sort[1]) : layer.rows.map(function (_, i) { return i; }));
    var rows = shownRows(explorer, undrawn, layer);
    self.shown[layer.name] = order.filter(function (i) { return rows[i] === 1; });
  });
  this.tabs();
  this.head();
  this.draw();
};

/* The tabs, one per layer, labelled with the rows each shows. Made again only when the layers change; a filter
   changes their labels in place, so the page is not rebuilt around the tables at every filter. */
Tables.prototype.tabs = function () {
  var self = this, list = this.root.querySelector(".xj-tabs");
  var names = this.layers.map(function (layer) { return layer.name; });
  if (list.dataset.xjLayers !== names.join(" ")) {
    list.textContent = "";
    list.dataset.xjLayers = names.join(" ");
    names.forEach(function (name) {
      var tab = make("button", "xj-tab");
      tab.type = "button";
      tab.id = "xj-tab-" + name;
      tab.dataset.layer = name;
      tab.setAttribute("role", "tab");
      tab.addEventListener("click", function () { self.show(name); });
      tab.addEventListener("keydown", function (event) {
        var at = self.layers.map(function (l) { return l.name; }).indexOf(name);
        var step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (!step) return;
        event.preventDefault();
        var next = self.layers[(at + step + self.layers.length) % self.layers.length];
        self.show(next.name);
        list.querySelector("#xj-tab-" + next.name).focus();
      });
      list.appendChild(tab);
    });
  }
  var active = this.layer(this.active).name;
  this.layers.forEach(function (layer, i) {
    var tab = list.children[i], on = layer.name === active;
    var text = layer.title + " (" + self.shown[layer.name].length.toLocaleString("en") + ")";
    if (tab.textContent !== text) tab.textContent = text;
    if (tab.getAttribute("aria-selected") !== String(on)) tab.setAttribute("aria-selected", String(on));
    if (tab.tabIndex !== (on ? 0 : -1)) tab.tabIndex = on ? 0 : -1;
  });
  this.panel.setAttribute("aria-labelledby", "xj-tab-" + active);
};

Tables.prototype.show = function (name) {
  if (this.active === name) return;
  this.active = name;
  this.focusRow = 0;
  this.scrollTo(0);
  this.tabs();
  this.head();
  this.draw();
};

/* The table's caption and header row, for the active layer and its order; a filter changes only the row count. */
Tables.prototype.head = function () {
  var self = this, layer = this.layer(this.active), sort = this.sort[layer.name];
  var table = this.panel.querySelector("table");
  table.setAttribute("aria-rowcount", String(this.shown[layer.name].length + 1));
  var made = JSON.stringify([layer.name, layer.title, layer.columns, sort || null]);
  if (table.xjHead === made) return;
  table.xjHead = made;
  table.querySelector("caption").textContent = layer.title + " shown";
  var row = make("tr");
  row.setAttribute("aria-rowindex", "1");
  layer.columns.forEach(function (name, c) {
    var th = make("th");
    th.scope = "col";
    var by = sort && sort[0] === c ? (sort[1] ? "descending" : "ascending") : "none";
    th.setAttribute("aria-sort", by);
    var button = make("button", "xj-sort", name);
    button.type = "button";
    if (CHINESE.test(name)) button.lang = "zh";
    button.title = "Sort by " + name;
    button.addEventListener("click", function () {
      var now = self.sort[layer.name];
      self.sort[layer.name] = [c, Boolean(now && now[0] === c && !now[1])];
      self.refresh();
    });
    th.appendChild(button);
    row.appendChild(th);
  });
  var thead = table.querySelector("thead");
  thead.textContent = "";
  thead.appendChild(row);
  // Widths from the layer's every row, once per layer: with them the columns stay put as rows scroll or filters
  // change, and the browser lays the table out from its first row alone (table-layout: fixed in page.css).
  var widths = layer.xjWidths ||
    (layer.xjWidths = window.XJView.columnWidths(layer.columns, layer.rows, WIDEST_PX, textWidth(table)));
  if (document.fonts && document.fonts.status !== "loaded" && !this.fontsAwaited) {
    // Measured in a fallback font while the page's own still loads: measure again once it has.
    this.fontsAwaited = true;
    document.fonts.ready.then(function () {
      self.layers.forEach(function (l) { delete l.xjWidths; });
      table.xjHead = null;
      self.head();
    });
  }
  var cols = table.querySelector("colgroup") || table.insertBefore(make("colgroup"), thead);
  cols.textContent = "";
  var total = 0;
  widths.forEach(function (px) {
    var col = make("col");
    col.style.width = px + CELL_PAD_PX + "px";
    total += px + CELL_PAD_PX;
    cols.appendChild(col);
  });
  table.style.width = total + "px";
};

/* A text's width in px as the table draws it (a header's in its bold, with room for its sort arrow), measured on
   a canvas in the table's own font: exact where counting characters was not (a capital is a third wider than a
   digit, a CJK character twice). */
function textWidth(table) {
  var style = getComputedStyle(table), context = document.createElement("canvas").getContext("2d");
  var plain = style.fontSize + " " + style.fontFamily;
  var bold = getComputedStyle(table.querySelector(".xj-sort") || table).fontWeight + " " + plain;
  return function (value, header) {
    context.font = header ? bold : plain;
    return context.measureText(formatCell(value)).width + (header ? ARROW_PX : 0);
  };
}

/* Only the rows in view (and a few either side) are in the page: 100,000 places scroll as 30. The panel is as
   tall as the layer's every row would make it (up to MAX_HEIGHT_PX), whatever the filters show: a filter then
   never moves the page below the tables, under the reader's eyes, nor makes the browser repaint all of it. */
Tables.prototype.draw = function () {
  var layer = this.layer(this.active), rows = this.shown[layer.name] || [];
  var height = Math.min(MAX_HEIGHT_PX, (layer.rows.length + 1) * ROW_PX + 2);
  var span = window.XJView.windowOf(this.top, MAX_HEIGHT_PX, ROW_PX, rows.length, SPARE_ROWS);
  if (this.panel.style.height !== height + "px") {
    this.panel.style.maxHeight = MAX_HEIGHT_PX + "px";
    this.panel.style.height = height + "px";
  }
  var body = this.panel.querySelector("tbody"), selected = this.selected();
  var hadFocus = this.panel.contains(document.activeElement) && document.activeElement.matches("tr");
  body.textContent = "";
  var spacer = function (n) {
    var tr = make("tr", "xj-spacer");
    tr.setAttribute("aria-hidden", "true");
    tr.style.height = n * ROW_PX + "px";
    return tr;
  };
  if (span[0]) body.appendChild(spacer(span[0]));
  for (var k = span[0]; k < span[1]; k++) {
    var i = rows[k], tr = rowNode(layer, i);
    tr.dataset.xjRow = String(k);
    tr.setAttribute("aria-rowindex", String(k + 2));
    tr.setAttribute("aria-selected", String(layer.ids[i] === selected));
    tr.tabIndex = k === this.focusRow ? 0 : -1;
    body.appendChild(tr);
  }
  if (rows.length > span[1]) body.appendChild(spacer(rows.length - span[1]));
  if (!rows.length) {
    var empty = make("tr"), cell = make("td", "xj-none", "None shown: the filters hide every place of this layer.");
    cell.colSpan = layer.columns.length;
    empty.appendChild(cell);
    body.appendChild(empty);
  }
  if (hadFocus) {
    var again = body.querySelector('tr[data-xj-row="' + this.focusRow + '"]');
    if (again) again.focus({ preventScroll: true });
  }
  this.root.dataset.xjRows = String(rows.length);
};

Tables.prototype.selected = function () {
  var state = mapRoot() && mapRoot().xjState;
  return state ? state.chosen() : "";
};

Tables.prototype.choose = function (k) {
  var layer = this.layer(this.active), i = this.shown[layer.name][k];
  if (i === undefined) return;
  this.focusRow = k;
  var state = mapRoot().xjState;
  state.choose(layer.ids[i]);
  this.draw();
};

Tables.prototype.key = function (event) {
  // On the panel itself (the Tab stop before the sort buttons), an arrow key goes into the rows, as the hint
  // under the table says: it only scrolled, and the rows lay a dozen Tab stops further, past every sort button.
  var onPanel = event.target === this.panel;
  if (!onPanel && !event.target.matches("tr[data-xj-row]")) return;
  var rows = this.shown[this.layer(this.active).name].length, page = Math.floor(MAX_HEIGHT_PX / ROW_PX) - 1;
  var step = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page }[event.key];
  var k = this.focusRow;
  if (onPanel && !rows) return;
  if (onPanel && (step || event.key === "Home" || event.key === "End")) {
    step = 0; // into the row the Tab stop keeps, the first unless one was chosen
    this.panel.scrollLeft = 0; // the names in view, not the columns the sort buttons scrolled to
  } else if (onPanel) return;
  if (event.key === "Home") k = 0;
  else if (event.key === "End") k = rows - 1;
  else if (step !== undefined) k = Math.max(0, Math.min(rows - 1, k + step));
  else if (event.key === "Enter" || event.key === " ") { event.preventDefault(); this.choose(k); return; }
  else return;
  event.preventDefault();
  this.focusRow = k;
  // Bring the row into the window, then focus it once drawn.
  var top = k * ROW_PX, panel = this.panel;
  if (top < panel.scrollTop) this.scrollTo(top);
  else if (top + 2 * ROW_PX > panel.scrollTop + panel.clientHeight) this.scrollTo(top + 2 * ROW_PX - panel.clientHeight);
  this.draw();
  var row = panel.querySelector('tr[data-xj-row="' + k + '"]');
  if (row) row.focus({ preventScroll: true });
};

/* A place chosen on the map (or by a link) is shown in its own tab, its row in view and marked. */
Tables.prototype.follow = function (id) {
  var self = this;
  if (!id) { this.draw(); return; }
  this.layers.forEach(function (layer) {
    var i = layer.ids.indexOf(id);
    if (i < 0) return;
    var k = self.shown[layer.name].indexOf(i);
    if (k < 0) return;
    if (self.active !== layer.name) self.show(layer.name);
    self.focusRow = k;
    var top = k * ROW_PX, panel = self.panel;
    if (top < panel.scrollTop || top + 2 * ROW_PX > panel.scrollTop + panel.clientHeight) {
      self.scrollTo(Math.max(0, top - ROW_PX));
    }
  });
  this.draw();
};

export default function (component) {
  var data = component.data, parent = component.parentElement;
  var part = data.part;
  var root = parent.querySelector(".xj-places, .xj-tally");
  if (!root) {
    if (part === "counts") {
      root = make("div", "xj-tally");
      root.setAttribute("role", "status");
      root.setAttribute("aria-live", "polite");
      root.appendChild(make("h2", "xj-tally-heading", "Shown"));
      root.appendChild(make("div", "xj-tally-body", "Counting the places the map shows…"));
      parent.appendChild(root);
    } else {
      root = skeletonTables(parent);
    }
  }
  root.xjData = data;
  if (root.xjWired) { if (root.xjUpdate) root.xjUpdate(); return; }
  root.xjWired = true;
  var tables = part === "tables" ? new Tables(root) : null;
  // The ids each tab lists, in order: what a reader scrolling the whole table would see (for tests and tools).
  if (tables) root.xjIds = function (name) {
    var layer = tables.layer(name);
    return layer && layer.name === name ? (tables.shown[name] || []).map(function (i) { return layer.ids[i]; }) : null;
  };
  var current = null;
  function update() {
    if (!current) return;
    var d = root.xjData;
    if (part === "counts") { renderCounts(root, d, current); return; }
    tables.layers = d.places.layers.concat(d.upload ? [d.upload] : []);
    tables.data = d;
    tables.explorer = current;
    tables.refresh();
  }
  root.xjUpdate = update;
  withExplorer(root, function (explorer) {
    current = explorer;
    explorer.on("change", update);
    update();
    if (tables) tables.follow(tables.selected()); // chosen before the tables were drawn (a link)
  });
  // The place chosen anywhere (the map, a row, a link, Back): its tab opens, its row in view and marked.
  if (tables) document.addEventListener("xj:selected", function listener(event) {
    if (!root.isConnected) { document.removeEventListener("xj:selected", listener); return; }
    if (current) tables.follow(event.detail);
  });
}
