// The map as a Streamlit component (components v2, no iframe): it receives the Folium-built map once, filters
// it in the browser from its own filter bar, and tells Python what the viewer chose (filters, selection,
// centre, zoom, layers) so the page's counts, tables and link follow. Python sends a `command` (with a
// rising `rev`) only when it changes the view itself: a link, a table row, "clear filters".

function loadOnce(tag, url) {
  return new Promise(function (resolve, reject) {
    var found = document.querySelector(tag + '[data-xj-src="' + url + '"]');
    if (found) {
      if (found.dataset.loaded) resolve();
      else { found.addEventListener("load", resolve); found.addEventListener("error", reject); }
      return;
    }
    var node = document.createElement(tag);
    node.dataset.xjSrc = url;
    if (tag === "link") { node.rel = "stylesheet"; node.href = url; } else { node.async = false; node.src = url; }
    node.addEventListener("load", function () { node.dataset.loaded = "1"; resolve(); });
    node.addEventListener("error", function () { reject(new Error("could not load " + url)); });
    document.head.appendChild(node);
  });
}

function assetsReady(assets) {
  // Styles, Leaflet and the explorer's scripts download side by side; the scripts still run in their order
  // (dynamic scripts with async off run in the order they were added).
  return Promise.all(
    assets.css.map(function (u) { return loadOnce("link", u); })
      .concat([assets.leaflet].concat(assets.xj).map(function (u) { return loadOnce("script", u); }))
  );
}

function make(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function skeleton(parent) {
  var root = make("div", "xj-root");
  root.style.height = "100%";
  root.style.display = "flex";
  root.style.flexDirection = "column";
  var bar = make("div", "xj-bar");
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Map filters");
  // On a narrow screen the controls fold behind one "Filters" button; on a wide one they are always shown.
  var more = make("button", "xj-button xj-more", "Filters");
  more.type = "button";
  more.setAttribute("aria-expanded", "false");
  more.addEventListener("click", function () {
    var open = !bar.classList.contains("xj-open");
    bar.classList.toggle("xj-open", open);
    more.setAttribute("aria-expanded", String(open));
  });
  bar.appendChild(more);
  bar.appendChild(make("div", "xj-controls"));
  bar.appendChild(periodControl());
  var search = make("input", "xj-search");
  search.type = "search";
  bar.appendChild(search);
  var clear = make("button", "xj-button xj-clear", "Clear filters");
  clear.type = "button";
  bar.appendChild(clear);
  bar.appendChild(make("span", "xj-status"));
  // The map's text alternative: the same places, as the tables under "Places shown" list them.
  var tables = make("a", "xj-tables", "The places as tables");
  tables.href = "#places-shown";
  tables.id = "xj-map-tables";
  tables.addEventListener("click", function (event) {
    var heading = document.getElementById("places-shown");
    if (!heading) return;
    event.preventDefault();
    heading.setAttribute("tabindex", "-1");
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  });
  bar.appendChild(tables);
  root.appendChild(bar);

  var stage = make("div", "xj-stage");
  stage.style.flex = "1 1 auto";
  stage.style.height = "auto";
  stage.appendChild(make("div", "xj-host"));
  var loading = make("div", "xj-overlay xj-loading");
  loading.appendChild(make("div", null, "Loading the map…"));
  loading.setAttribute("role", "status");
  stage.appendChild(loading);
  var empty = make("div", "xj-overlay xj-empty");
  empty.hidden = true;
  var box = make("div");
  box.appendChild(make("p", null, "No place matches the search and filters."));  // "Clear filters" clears both
  var again = make("button", "xj-button xj-clear", "Clear filters");
  again.type = "button";
  box.appendChild(again);
  empty.appendChild(box);
  stage.appendChild(empty);
  var notice = make("div", "xj-notice");
  notice.hidden = true;
  notice.setAttribute("role", "status");
  stage.appendChild(notice);
  root.appendChild(stage);
  parent.appendChild(root);
  return root;
}

/* The period of the figures (popups, tables, charts, downloads): two month lists in a fold of the filter bar,
   filled from the months the figures span (web/shared.py period_months). */
function periodControl() {
  var details = make("details", "xj-filter xj-period");
  var summary = make("summary");
  summary.appendChild(document.createTextNode("Period of figures: "));
  summary.appendChild(make("span", "xj-chosen", "All"));
  details.appendChild(summary);
  var options = make("div", "xj-options");
  options.setAttribute("role", "group");
  options.setAttribute("aria-label", "Period of the figures");
  [["From", "xj-period-from"], ["To", "xj-period-to"]].forEach(function (pair) {
    var label = make("label", null, pair[0] + " "), list = make("select", pair[1]);
    list.setAttribute("aria-label", "Figures " + pair[0].toLowerCase()); // its name, not its months too
    label.appendChild(list);
    options.appendChild(label);
  });
  var all = make("button", "xj-button xj-period-all", "All periods");
  all.type = "button";
  options.appendChild(all);
  options.appendChild(make("p", "xj-hint", "Figures whose period overlaps this range are shown in popups, tables, " +
    "charts and downloads. The year control is another matter: it redraws the places as they stood in a year."));
  details.appendChild(options);
  details.addEventListener("toggle", function () { opened(details); });
  return details;
}

/* One fold of the filter bar open at a time, its panel kept inside the map's width (a narrow screen). */
function opened(details) {
  if (!details.open) return;
  var root = details.closest(".xj-root"), options = details.querySelector(".xj-options");
  if (root.xjFacets) root.xjFacets(details);
  root.querySelectorAll(".xj-filter").forEach(function (other) { if (other !== details) other.open = false; });
  options.style.left = "0";
  var overflow = options.getBoundingClientRect().right - root.getBoundingClientRect().right;
  if (overflow > 0) options.style.left = -overflow + "px";
}

/* The months on offer ([value, label] pairs), built once; the lists keep what is chosen. */
function fillPeriod(root, months) {
  var lists = [root.querySelector(".xj-period-from"), root.querySelector(".xj-period-to")];
  if (lists[0].options.length === months.length) return;
  lists.forEach(function (list) {
    list.textContent = "";
    months.forEach(function (m) {
      var option = make("option", null, m[1]);
      option.value = m[0];
      list.appendChild(option);
    });
  });
  root.querySelector(".xj-period").hidden = !months.length;
}

/* The months chosen, the period they make (XJView.periodRange: null for the whole span) and the fold's label. */
function readPeriod(root, months) {
  var first = root.querySelector(".xj-period-from").value, last = root.querySelector(".xj-period-to").value;
  if (!months.length || !first || !last) return null;
  return window.XJView.periodRange(first, last, [months[0][0], months[months.length - 1][0]]);
}

function showPeriod(root, period) {
  var details = root.querySelector(".xj-period");
  details.querySelector(".xj-chosen").textContent = period ? period.label : "All";
  details.classList.toggle("xj-active", Boolean(period));
  countActive(root);
}

/* The period Python holds (a link's, Back or Forward's) on the lists: its months, within those on offer. */
function writePeriod(root, months, period) {
  if (!months.length) return;
  var first = months[0][0], last = months[months.length - 1][0];
  root.querySelector(".xj-period-from").value = period && period.start.slice(0, 7) > first ? period.start.slice(0, 7) : first;
  root.querySelector(".xj-period-to").value = period && period.end.slice(0, 7) < last ? period.end.slice(0, 7) : last;
  showPeriod(root, period);
}

/* The filter controls, from the rule book the map carries (geo.explore.controls.spec): one list per control. */
function buildControls(root, rules) {
  var controls = root.querySelector(".xj-controls");
  controls.textContent = "";
  rules.controls.forEach(function (c) {
    var details = make("details", "xj-filter");
    details.dataset.control = c.name;
    var summary = make("summary");
    summary.appendChild(document.createTextNode(c.label + ": "));
    var chosen = make("span", "xj-chosen", c.all);
    summary.appendChild(chosen);
    details.appendChild(summary);
    var options = make("div", "xj-options");
    options.setAttribute("role", "group");
    options.setAttribute("aria-label", c.label);
    c.choices.forEach(function (choice) {
      var label = make("label");
      var box = make("input");
      box.type = "checkbox";
      box.value = choice.value;
      box.dataset.label = choice.label;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + choice.label));
      // How many this choice would show beside the other filters: counted again each time the list opens.
      var known = choice.count !== null && choice.count !== undefined;
      label.appendChild(make("span", "xj-count", known ? " (" + choice.count + ")" : ""));
      options.appendChild(label);
    });
    details.appendChild(options);
    details.addEventListener("toggle", function () { opened(details); });
    controls.appendChild(details);
  });
  var search = root.querySelector(".xj-search");
  search.placeholder = rules.search.label;
  search.setAttribute("aria-label", rules.search.label);
  search.maxLength = rules.search.max;
}

function readBar(root) {
  var filters = {};
  root.querySelectorAll(".xj-controls .xj-filter").forEach(function (details) {
    filters[details.dataset.control] = Array.prototype.slice
      .call(details.querySelectorAll("input:checked"))
      .map(function (box) { return box.value; });
  });
  return { filters: filters, text: root.querySelector(".xj-search").value };
}

function writeBar(root, view) {
  root.querySelectorAll(".xj-controls .xj-filter").forEach(function (details) {
    var chosen = (view.filters || {})[details.dataset.control] || [];
    details.querySelectorAll("input").forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
  });
  root.querySelector(".xj-search").value = view.text || "";
}

function summarise(root, controls) {
  root.querySelectorAll(".xj-controls .xj-filter").forEach(function (details) {
    var control = controls.filter(function (c) { return c.name === details.dataset.control; })[0];
    var labels = Array.prototype.slice.call(details.querySelectorAll("input:checked")).map(function (box) {
      return box.dataset.label;
    });
    details.querySelector(".xj-chosen").textContent = labels.length ? labels.join(", ") : control.all;
    details.classList.toggle("xj-active", labels.length > 0);
  });
  countActive(root);
}

/* The "Filters" button of a narrow screen says how many folds (the period's too) hold a choice. */
function countActive(root) {
  var active = root.querySelectorAll(".xj-filter.xj-active").length;
  root.querySelector(".xj-more").textContent = active ? "Filters (" + active + ")" : "Filters";
}

/* Browser history. Streamlit writes the page's address (Python's st.query_params) with history.pushState, and
   on Back/Forward reruns the page with the address it brings back, which Python then shows (web/address.py
   init_state). Here, once per page, its pushes are sorted: a step the viewer chose stays a step; a map move,
   continued typing, or an address changing with no viewer input (a link tidied on opening, a view being
   restored) replaces the current step instead (XJCore.historyStep). */
function sortHistory() {
  if (window.xjHistory) return;
  // nav counts Back/Forward moves and address is where the last one went: the map reports both, so the page
  // follows even when Streamlit's own rerun for the move was merged with another (web/mapview.py map_ui).
  var memory = window.xjHistory = { acted: false, last: null, nav: 0, address: "", onNav: null };
  var push = window.history.pushState;
  window.history.pushState = function (data, title, url) {
    var next = url == null ? null : new URL(url, window.location.href);
    if (next && next.pathname === window.location.pathname && window.XJCore) {
      var now = Date.now();
      var step = window.XJCore.historyStep(window.location.search, next.search,
        { acted: memory.acted, now: now, last: memory.last });
      if (step.keys.length) memory.last = { time: now, keys: step.keys };
      if (!step.push) return window.history.replaceState(data, title, url);
    }
    return push.apply(window.history, arguments);
  };
  ["pointerdown", "keydown"].forEach(function (type) {
    window.addEventListener(type, function (event) { if (event.isTrusted) memory.acted = true; }, true);
  });
  window.addEventListener("popstate", function () {
    memory.acted = false;
    memory.last = null;
    memory.nav += 1;
    memory.address = window.location.search;
    if (memory.onNav) memory.onNav();
  });
}

/* Resolves once Python has written the downloads' view from the map's report number `seq`: the page marks the
   last report it has taken in (web/page.py, explorer_ui). After HEARD_WAIT_MS regardless, so that a press is never
   lost; a run that slow is a stalled server. */
var HEARD_WAIT_MS = 30000;
function heard(seq) {
  var since = Date.now();
  return new Promise(function (resolve) {
    (function look() {
      var marks = document.querySelectorAll("[data-xj-heard]");
      var last = Math.max.apply(null, [-1].concat([].map.call(marks, function (m) { return Number(m.dataset.xjHeard); })));
      if (last >= seq || Date.now() - since > HEARD_WAIT_MS) resolve();
      else setTimeout(look, 50);
    })();
  });
}

/* The year in the page's address, written in place: moving the year control sends nothing to Python (no
   rerun); the next run reads the address it brings (web/mapview.py map_ui). */
function writeYear(year) {
  var url = new URL(window.location.href);
  if (year === null || year === undefined) url.searchParams.delete("year");
  else url.searchParams.set("year", String(year));
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
}

export default function (component) {
  var data = component.data, parent = component.parentElement, setStateValue = component.setStateValue;
  sortHistory();
  var waiting = parent.querySelector(".xj-waiting");
  if (waiting) waiting.remove(); // the placeholder shown before this code ran
  var root = parent.querySelector(".xj-root") || skeleton(parent);
  var state = root.xjState || (root.xjState = { hash: null, rev: -1, explorer: null, total: data.map.total });
  state.data = data;
  var months = data.months || [];
  fillPeriod(root, months);

  // The place chosen: on the map, or a row of the tables the map cannot draw (its location is unknown).
  state.chosen = function () { return (state.explorer && state.explorer.selected) || state.unmapped || ""; };
  state.choose = function (id) {
    var explorer = state.explorer;
    if (!explorer) return;
    state.unmapped = id && !explorer.items[id] ? id : "";
    explorer.select(state.unmapped ? null : id || null, { source: "table", reveal: true });
    chosenChanged();
    reportSoon(0);
  };
  function chosenChanged() {
    document.dispatchEvent(new CustomEvent("xj:selected", { detail: state.chosen() }));
    writeAddress();
  }

  function current() {
    var explorer = state.explorer, bar = readBar(root), view = explorer.view();
    return { filters: bar.filters, text: bar.text, selected: state.chosen(), at: view.at, layers: view.layers,
             period: state.period ? state.period.param : "" };
  }

  function report(extra) {
    if (!state.explorer) return;
    var history = window.xjHistory;
    state.unsent = false;
    var view = Object.assign(current(), { rev: state.rev, nav: history.nav, address: history.address }, extra || {});
    var sent = JSON.stringify(view);
    // The view Python has, or is taking in (a download waits for that run, below): sent again, it would only make
    // Python run once more for nothing, as the report's number alone would differ.
    if (sent === state.sent) return;
    state.sent = sent;
    // A download pressed before Python has taken this report in waits until it has (see below).
    state.seq = (state.seq || 0) + 1;
    var run = state.reportRun = heard(state.seq);
    run.then(function () { if (state.reportRun === run) state.reportRun = null; });
    state.setStateValue("view", Object.assign(view, { seq: state.seq }));
  }
  state.setStateValue = setStateValue; // each run's: the one pending report goes through the latest
  state.report = report;

  /* The address follows the view at once, written here as Python writes it (XJView.addressParams, the same
     rule as geo.explore.urlstate.to_params). */
  function writeAddress() {
    if (!state.explorer || !window.XJView) return;
    var url = new URL(window.location.href), view = current(), book = state.explorer.opts.address;
    // What the filter bar and the map do not hold (the year, the size) stays as the address has it.
    book.fields.forEach(function (field) {
      if (!book.choices[field[0]] && !(field[0] in view)) view[field[0]] = url.searchParams.get(field[1]) || "";
    });
    var params = new URLSearchParams();
    window.XJView.addressParams(view, book).forEach(function (p) { params.append(p[0], p[1]); });
    if (params.toString() === url.searchParams.toString()) return;
    var search = params.toString() ? "?" + params.toString() : "";
    window.history.pushState(window.history.state, "", url.pathname + search + url.hash);
  }

  window.xjHistory.onNav = function () { state.report(); };
  // Python hears of a change a second after the last one (a drag, typing, ticking several boxes: one report);
  // a selection at once, since its details are Python's. The map, counts, tables and address follow in the
  // browser meanwhile; pressing a download sends what is pending at once (see below).
  var reportSoon = state.reportSoon || (state.reportSoon = (function () {
    var timer = null, pending = 0;
    function fire() { timer = null; state.report(); }
    var soon = function (ms) {
      if (timer !== null && ms > pending) return;
      clearTimeout(timer);
      pending = ms;
      timer = setTimeout(fire, ms);
    };
    soon.flush = function () { clearTimeout(timer); fire(); };
    soon.pending = function () { return timer !== null; };
    return soon;
  })());
  var QUIET_MS = 1000;
  var BASE_WAIT_MS = 5000; // the longest a new map (an upload) waits beneath the old one for its base map

  /* The page draws the map first and the rest (tables, details, charts) once the map says it is drawn, so the
     map's code does not wait behind them (web/mapview.py, web/page.py). Said once per page. */
  function drawn() {
    if (state.drawnSaid) return;
    state.drawnSaid = true;
    if (state.explorer) state.report({ drawn: true });
    else state.setStateValue("view", { rev: state.rev, drawn: true });
  }

  // The address follows a change of the filter bar when the page is next idle, once the frame that shows the
  // change is drawn: Chromium's history.pushState took 3-20 ms here, which the map, counts and tables need not
  // wait for. At most a quarter of a second later (a busy page, or one in the background).
  var addressDue = false;
  function addressSoon() {
    if (addressDue) return;
    addressDue = true;
    var write = function () { if (addressDue) { addressDue = false; writeAddress(); } };
    if (window.requestIdleCallback) window.requestIdleCallback(write, { timeout: 250 });
    else setTimeout(write, 50);
  }

  function changed() {
    addressSoon();
    reportSoon(QUIET_MS);
  }

  function periodChanged() {
    state.period = readPeriod(root, state.data.months || []);
    showPeriod(root, state.period);
    if (state.explorer) state.explorer.setPeriod(state.period);
    changed();
  }

  // An opened filter list counts its choices again: how many of its layer's places each would show beside the
  // other filters and the search (the rule book's facetCounts), so a choice that would empty the map says 0.
  root.xjFacets = function (details) {
    var explorer = state.explorer, control = details.dataset.control;
    if (!explorer || !control) return;
    var bar = readBar(root), items = [];
    for (var i = 0; i < explorer.ids.length; i++) {
      var item = explorer.items[explorer.ids[i]];
      if (item.state !== "none") items.push(item); // not yet approved in the year shown: not drawn
    }
    var query = window.XJCore.fold(bar.text);
    var counts = window.XJCore.facetCounts(items, explorer.opts, bar.filters, query, control)[control];
    details.querySelectorAll("input").forEach(function (box) {
      box.parentNode.querySelector(".xj-count").textContent = " (" + ((counts && counts[box.value]) || 0) + ")";
    });
  };

  function applyBar() {
    if (!state.explorer) return; // typed before the map is there: read when it is
    var bar = readBar(root);
    summarise(root, state.explorer.opts.controls);
    state.explorer.setFilters(bar.filters, bar.text);
  }

  function showCounts(counts) {
    var total = state.data.map.total;
    // Drawn ports of all the layer's (those of unknown location are said apart below), worded as the side panel.
    var status = window.XJView.shownParts(counts, total, { shown: counts.upload, total: counts.uploadTotal })
      .map(function (part) { return part.n + part.rest; }).join(" · ");
    if (total.undrawn) status += " · " + total.undrawn + " not drawn (location unknown)";
    if (counts.year != null) status = "As of " + counts.year + ": " + window.XJMap.yearCounts(counts) + " · " + status;
    root.querySelector(".xj-status").textContent = status;
    var nothing = counts.ports + counts.corridors + counts.zones + counts.upload === 0;
    root.querySelector(".xj-empty").hidden = !nothing;
    // Corridors and zones may remain when no port passes the port filters: say so rather than stay silent.
    if (!nothing && counts.ports === 0 && total.ports > 0) notify("No port matches these filters.", true);
    else if (state.stayingNotice) notify("");
  }

  function notify(text, stay) {
    var notice = root.querySelector(".xj-notice");
    notice.textContent = text;
    notice.hidden = !text;
    state.stayingNotice = Boolean(text && stay);
    clearTimeout(state.noticeTimer);
    if (text && !stay) state.noticeTimer = setTimeout(function () { notice.hidden = true; }, 6000);
  }

  if (!root.xjWired) {
    root.xjWired = true;
    // The lists are built (again) with each map: one listener on their container serves them all.
    root.querySelector(".xj-controls").addEventListener("change", function () { applyBar(); changed(); });
    var searchFit = null;
    root.querySelector(".xj-search").addEventListener("input", function () {
      applyBar();
      changed();
      // Once the viewer stops typing, bring what the search found into view.
      clearTimeout(searchFit);
      searchFit = setTimeout(function () { if (readBar(root).text) state.explorer.revealShown(); }, 700);
    });
    // Enter zooms to what the search found, even when all of it is already in view.
    root.querySelector(".xj-search").addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || !state.explorer) return;
      event.preventDefault();
      clearTimeout(searchFit);
      applyBar();
      changed();
      if (readBar(root).text) state.explorer.revealShown(true);
    });
    // A filter's list closes as a menu does for the keyboard: Escape closes it and puts the focus back on its
    // name, and Tab past its last choice closes it. Only the keyboard's moves count: a click on a choice's words
    // moves the focus to Streamlit's main block (it takes focus), and closing the list then lost the click.
    var byKeys = false;
    root.addEventListener("pointerdown", function () { byKeys = false; }, true);
    root.addEventListener("keydown", function (event) {
      byKeys = true;
      var open = event.key === "Escape" && event.target.closest && event.target.closest(".xj-filter[open]");
      if (!open) return;
      event.stopPropagation();
      open.open = false;
      open.querySelector("summary").focus();
    });
    root.addEventListener("focusout", function (event) {
      var open = byKeys && event.target.closest && event.target.closest(".xj-filter[open]");
      if (open && event.relatedTarget && !open.contains(event.relatedTarget)) open.open = false;
    });
    root.querySelectorAll(".xj-clear").forEach(function (button) {
      button.addEventListener("click", function () {
        writeBar(root, {});
        applyBar();
        writePeriod(root, root.xjState.data.months || [], null);
        periodChanged();
      });
    });
    // The period acts here too: the popups follow at once, the address too; Python (the tables of figures,
    // the charts, the downloads) a second later, as for a filter.
    var from = root.querySelector(".xj-period-from"), to = root.querySelector(".xj-period-to");
    [from, to].forEach(function (list) {
      list.addEventListener("change", function () {
        if (from.value > to.value) (list === from ? to : from).value = list.value; // never a range that ends first
        periodChanged();
      });
    });
    root.querySelector(".xj-period-all").addEventListener("click", function () {
      writePeriod(root, root.xjState.data.months || [], null);
      periodChanged();
    });
    // A download is written by Python from the view it last took in: pressing one sends a pending report at
    // once, and the download waits until Python has taken it in. (Only a download: a report sent as another
    // widget is pressed can make Streamlit fold that widget's own run into the map's, and lose the press.)
    var DOWNLOAD = '[data-testid="stDownloadButton"] button';
    ["pointerdown", "keydown"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        var press = event.target.closest && event.target.closest(DOWNLOAD);
        var soon = root.xjState.reportSoon;
        if (press && soon && (soon.pending() || root.xjState.unsent)) soon.flush();
      }, true);
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(DOWNLOAD);
      var wait = root.xjState.reportRun;
      if (!button || !wait) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      wait.then(function () { button.click(); });
    }, true);
    document.addEventListener("click", function (event) {
      if (!root.contains(event.target) || !event.target.closest(".xj-filter")) {
        root.querySelectorAll(".xj-filter[open]").forEach(function (d) { d.open = false; });
      }
    });
  }

  function mount() {
    var host = root.querySelector(".xj-host"), was = null, old = state.explorer;
    if (old) {
      // A new map in place of the old (an upload added or removed) is made beneath it and the old one stays in
      // view, inert, until the new one has its base map: no blank map between the two.
      was = old.view().at;
      old.container.parentNode.inert = true;
      var beneath = document.createElement("div");
      beneath.className = "xj-host";
      host.parentNode.insertBefore(beneath, host);
      host = beneath;
      root.dataset.xjReady = "0";
    }
    host.innerHTML = "<style>" + data.map.css + "</style>" + data.map.html;
    // The map script is built on the server by Folium from the project's own templates, every text from
    // data escaped there; it runs once per map, not per rerun.
    (new Function(data.map.script))();
    var explorer = host.querySelector(".folium-map").xjExplorer;
    // A new map in place of the old (an upload added or removed) stays where the viewer was looking.
    if (was) explorer.setView({ at: was });
    explorer.container.setAttribute("aria-describedby", "xj-map-tables");
    state.explorer = explorer;
    buildControls(root, explorer.opts); // the map carries the rule book: controls, choices, search
    state.hash = data.map.hash;
    root.dataset.xjMounts = String((Number(root.dataset.xjMounts) || 0) + 1);
    explorer.on("change", showCounts);
    var oldYear = root.querySelector(".xj-year");
    if (oldYear) { oldYear.xjStop(); oldYear.remove(); }
    // A year, like a move, needs no Python run of its own; a download pressed next sends it first (see below).
    var yearBox = explorer.yearControl(function (year) { writeYear(year); state.unsent = true; });
    if (yearBox) {
      root.querySelector(".xj-bar").insertBefore(yearBox, root.querySelector(".xj-status"));
      // A new map (an upload) keeps the year the address holds.
      explorer.setYear(new URL(window.location.href).searchParams.get("year"));
      yearBox.xjShow();
    }
    explorer.on("select", function (event) {
      if (event.hidden) {
        var item = explorer.items[event.hidden];
        var why = item && item.state === "none" ? "was not yet approved in " + explorer.year : "is hidden by the filters";
        notify("The selected place " + (item ? "(" + item.label + ") " : "") + why + ": selection cleared.");
      }
      state.unmapped = "";
      chosenChanged();
      reportSoon(0);
    });
    // A move or a layer switched needs no Python run of its own: the address has it at once, and the next
    // report (a filter, a selection, a press elsewhere on the page) carries it.
    explorer.on("view", function () { writeAddress(); state.unsent = true; });
    document.dispatchEvent(new CustomEvent("xj:explorer", { detail: explorer }));
    var done = false;
    var ready = function () {
      if (done) return;
      done = true;
      if (old) { old.map.remove(); old.container.parentNode.remove(); }
      root.querySelector(".xj-loading").hidden = true;
      root.dataset.xjReady = "1";
      drawn();
    };
    Promise.resolve(explorer.opts.baseReady).then(ready, ready);
    // A base map that never answers (a stalled request) must not keep the old map over the new one for good.
    if (old) setTimeout(ready, BASE_WAIT_MS);
  }

  function applyCommand(command) {
    var view = command.view || {};
    writeBar(root, view);
    summarise(root, state.explorer.opts.controls);
    var explorer = state.explorer;
    if (view.at || view.layers) explorer.setView({ at: view.at, layers: view.layers });
    explorer.setFilters(view.filters || {}, view.text || "");
    if (view.year !== undefined) {
      explorer.setYear(view.year);
      var yearBox = root.querySelector(".xj-year");
      if (yearBox) yearBox.xjShow();
    }
    var reveal = Boolean(command.reveal) && !view.at;
    explorer.select(view.selected || null, { source: "command", reveal: reveal });
    state.unmapped = view.selected && !explorer.items[view.selected] ? view.selected : "";
    document.dispatchEvent(new CustomEvent("xj:selected", { detail: state.chosen() }));
    // A link that names a place opens its popup, as the viewer who copied the link saw it; after the map
    // has moved to it, when it had to (a zone swaps its symbol for its footprint as it zooms in).
    if (command.rev === 0 && view.selected) {
      setTimeout(function () { explorer.openPopup(view.selected); }, reveal ? 900 : 0);
    }
    state.rev = command.rev;
  }

  assetsReady(data.assets)
    .then(function () {
      var fresh = state.hash !== data.map.hash;
      if (fresh) {
        var keep = state.explorer ? readBar(root) : null;
        mount();
        if (keep && data.command.rev <= state.rev) {
          writeBar(root, keep);
          applyBar();
        }
      }
      var commanded = data.command.rev > state.rev;
      if (commanded || state.period === undefined) {
        // A link's period, or Back or Forward's: Python holds it. Otherwise the lists hold the viewer's, which
        // Python may not have heard of yet.
        state.period = data.period || null;
        writePeriod(root, months, state.period);
      }
      if (commanded) applyCommand(data.command);
      else if (fresh) applyBar();
      state.explorer.setPeriod(state.period);
    })
    .catch(function (error) {
      var loading = root.querySelector(".xj-loading > div");
      loading.textContent = "The map could not be drawn: " + error.message;
      drawn(); // the rest of the page need not wait for a map that will not come
    });
}
