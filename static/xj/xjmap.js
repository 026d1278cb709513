/* The explorer's map behaviour on a Folium-built Leaflet map: the regional base, labels that do not collide,
   ports at one place spread apart, zones as symbols until their footprint shows, the legend, filters and
   one selection. Shared by the app's map component and the standalone HTML export. */
(function () {
  "use strict";
  var XJMap = (window.XJMap = window.XJMap || {});
  XJMap.instances = XJMap.instances || [];
  // Popups keep clear of the zoom control (top left) and the map's edges.
  L.Popup.prototype.options.autoPanPaddingTopLeft = L.point(52, 12);
  L.Popup.prototype.options.autoPanPaddingBottomRight = L.point(12, 12);
  // On a narrow map (a phone) a popup opens as a sheet along the map's bottom edge instead (xjmap.css): in a
  // pane of the map's own box, not of the moving map, so it always fits inside the map and nothing pans.
  XJMap.SHEET_BELOW_PX = 640;
  var popupPane = L.Popup.prototype.getPane, popupPan = L.Popup.prototype._adjustPan;
  function asSheet(popup) {
    var map = popup._map;
    return Boolean(map && map.getPane("xjSheet") && map.getSize().x < XJMap.SHEET_BELOW_PX);
  }
  L.Popup.prototype.getPane = function (name) {
    return !name && asSheet(this) ? this._map.getPane("xjSheet") : popupPane.call(this, name);
  };
  L.Popup.prototype._adjustPan = function () {
    if (!asSheet(this)) popupPan.apply(this, arguments);
  };
  // A place's figures are composed each time its popup's content is set, before Leaflet lays it out and pans
  // to it (DivOverlay.update: content, "contentupdate", layout, position, pan), so it fits what it shows.
  L.Popup.addInitHook(function () {
    this.on("contentupdate", function () {
      var explorer = this._map && this._map.getContainer().xjExplorer;
      if (explorer) explorer.composeFigures(this.getElement());
    });
  });

  var Core = window.XJCore; // static/xj/core.js: the rule book and the screen geometry, loaded first
  XJMap.fold = Core.fold;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text; // text from data is always text, never HTML
    return node;
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments, self = this;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  /* ---- The regional base: admin outlines, country, province and town names ---------------------------- */

  function loadJson(source) {
    if (source && typeof source === "object") return Promise.resolve(source);
    return fetch(source).then(function (r) {
      if (!r.ok) throw new Error(source + ": HTTP " + r.status);
      return r.json();
    });
  }

  /* A country's area as its rings (indexed by band: XJCore.ringIndex) with their bounds, for quick point tests. */
  function area(code, geometry) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return {
      code: code,
      polygons: polygons.map(function (rings) {
        var box = [Infinity, Infinity, -Infinity, -Infinity];
        rings[0].forEach(function (c) {
          box = [Math.min(box[0], c[0]), Math.min(box[1], c[1]), Math.max(box[2], c[0]), Math.max(box[3], c[1])];
        });
        return { rings: rings.map(Core.ringIndex), box: box };
      }),
    };
  }

  /* The code of the country (of the base map's) a point lies in, or "" outside them all. */
  XJMap.countryAt = function (areas, latlng) {
    var x = latlng.lng, y = latlng.lat;
    for (var k = 0; k < areas.length; k++) {
      for (var m = 0; m < areas[k].polygons.length; m++) {
        var poly = areas[k].polygons[m], box = poly.box;
        if (x < box[0] || x > box[2] || y < box[1] || y > box[3] || !Core.inRing(poly.rings[0], x, y)) continue;
        var hole = false;
        for (var h = 1; h < poly.rings.length && !hole; h++) hole = Core.inRing(poly.rings[h], x, y);
        if (!hole) return areas[k].code;
      }
    }
    return "";
  };

  XJMap.regionBase = function (map, group, opts) {
    group.xjLabels = [];
    group.xjAreas = []; // the countries, to tell which side of a border a point lies on (XJMap.countryAt)
    var styles = opts.styles;
    var admin = Promise.all(opts.admin.map(loadJson)).then(function (sources) {
      sources.forEach(function (data) { adminLayer(data); });
    });
    function adminLayer(data) {
      var layer = L.geoJSON(data, {
        pane: "xjAdmin",
        interactive: false,
        style: function (f) { return styles[f.properties.kind] || styles.country; },
      });
      group.addLayer(layer);
      data.features.forEach(function (f) {
        var p = f.properties;
        if (p.kind === "country" && f.geometry) group.xjAreas.push(area(p.code, f.geometry));
        if (p.label_lat == null) return;
        var code = p.code || p.name;
        var label = {
          key: "admin:" + code, group: "admin:" + code,
          text: p.kind === "xinjiang" ? p.name + (p.name_zh ? " " + p.name_zh : "") : p.name,
          latlng: L.latLng(p.label_lat, p.label_lon),
          cls: "xj-label-" + p.kind,
          rank: p.kind === "xinjiang" ? 0 : p.kind === "country" ? 10 + (p.label_rank || 0) : 20 + (p.label_rank || 0),
          centred: true,
        };
        group.xjLabels.push(label);
        // A second place for the name, inside the part of the country the opening view shows; one of the
        // two is placed, never both (same group).
        var near = (opts.near || {})[code];
        if (near) group.xjLabels.push(L.extend({}, label, { key: "near:" + code, latlng: L.latLng(near[0], near[1]), rank: label.rank + 0.5 }));
      });
    }
    // Towns a viewer looks for first (the regional capital, Kashgar) are named before anything but Xinjiang,
    // with more places round their dot to try: never crowded out by the ports around them.
    var always = (opts.alwaysNamed || []).map(String);
    var places = opts.places
      ? loadJson(opts.places).then(function (data) {
          var dots = L.layerGroup();
          data.features.forEach(function (f) {
            var p = f.properties, c = f.geometry.coordinates, latlng = L.latLng(c[1], c[0]);
            var key = always.indexOf(String(p.geonameid)) >= 0;
            dots.addLayer(L.circleMarker(latlng, {
              pane: "xjAdmin", radius: key ? 3.5 : 2, weight: 1, color: "#333", fillColor: key ? "#333" : "#fff",
              fillOpacity: 1, interactive: false, className: key ? "xj-place xj-place-key" : "xj-place",
            }));
            group.xjLabels.push({
              key: "place:" + (p.geonameid || p.name), text: p.name, latlng: latlng,
              cls: key ? "xj-label-place xj-label-key" : "xj-label-place",
              rank: key ? 5 : 40 + (p.rank || 0), radius: key ? 4 : 3, far: key,
            });
          });
          group.addLayer(dots);
        })
      : Promise.resolve();
    group.xjReady = Promise.all([admin, places]).then(
      function () { map.fire("xj:base"); },
      function (error) { group.xjError = String(error); map.fire("xj:base"); }
    );
    return group;
  };

  /* ---- The explorer ----------------------------------------------------------------------------------- */

  function Explorer(map, opts) {
    this.map = map;
    this.opts = opts;
    this.items = {};
    this.ids = [];
    this.filters = {};
    this.query = "";
    this.selected = null;
    this.period = opts.period || null; // the figures' period filter (setPeriod); a view's export sets its own
    this.handlers = { select: [], view: [], change: [] };
    this.container = map.getContainer();
    this.container.xjExplorer = this;
    if (opts.mapLabel) { this.container.setAttribute("role", "region"); this.container.setAttribute("aria-label", opts.mapLabel); }
    this._panes();
    this._register();
    this.year = null;
    if (opts.timeline) this._states(); // today's states: approved ports hollow, seasonal ones marked
    this._legend();
    this._keepScroll();
    // Every leader line is one path and every dot at a true spot another, reshaped on each layout: a layer per
    // leader (two SVG elements added and removed on each filter change) cost tens of milliseconds at 1,000 ports.
    var leader = { pane: "xjLeaders", color: "#333", interactive: false };
    this.leaders = {
      lines: L.polyline([], L.extend({ weight: 1, opacity: 0.8, className: "xj-leader" }, leader)),
      dots: L.polyline([], L.extend({ weight: 4, opacity: 0.9, lineCap: "round", className: "xj-leader-dot" }, leader)),
    };
    // A name set further from its dot than the nearest ring (a town always named, in a crowd) gets a line to
    // its dot: with the legend open on a phone, "Kashgar" sat 50 px off, beside a port it then seemed to name.
    this.leaders.names = L.polyline([], L.extend({ weight: 1, opacity: 0.7, className: "xj-name-leader" }, leader));
    this.leaders.lines.addTo(map);
    this.leaders.dots.addTo(map);
    this.leaders.names.addTo(map);
    this.labelPane = map.getPane("xjLabels");
    this.labels = {};
    var self = this;
    map.on("zoomstart", function () { self.labelPane.classList.add("xj-moving"); });
    map.on("zoomend", function () { self.layout(); self.labelPane.classList.remove("xj-moving"); self._relief(); });
    map.on("moveend", function () { self._placeLabels(); });
    map.on("xj:base", function () { self.layout(); });
    map.on("overlayadd overlayremove", function () {
      self._legendLayers();
      self.layout();
      self._emit("view", self.view());
    });
    // A popup's own pan (Leaflet's autoPan, to show it whole) is not the viewer's move: the view keeps the centre
    // from before it until the viewer moves the map. A link taken with a popup open reopened off-centre, then
    // panned for the popup again: the centre crept with each load.
    map.on("autopanstart", function () {
      self._autoPanning = true;
      if (!self._restAt) self._restAt = map.getCenter();
    });
    map.on("movestart", function () {
      if (!self._autoPanning) self._restAt = null;
      self._autoPanning = false;
    });
    map.on("moveend", debounce(function () {
      // Not for a map taken down meanwhile (an upload replaces it): its centre can no longer be read.
      if (map._mapPane) self._emit("view", self.view());
    }, 500));
    map.on("resize", function () { self._foldLegend(); self.layout(); });
    // Leaflet measures its box once and on window resizes only; the page can resize the box without one (a phone's
    // layout settling under the map): a stale size put a sheet over the place it was about. The centre is kept
    // (a link's view opens where it says).
    if (window.ResizeObserver) {
      var sized = new ResizeObserver(function () {
        var box = map.getContainer(), size = map.getSize();
        // Not a map being taken down (an upload makes a new one and removes this), nor a box out of the layout.
        if (!map._loaded || !map._mapPane || !box.isConnected || !box.clientWidth || !box.clientHeight) return;
        if (box.clientWidth !== size.x || box.clientHeight !== size.y) map.invalidateSize({ animate: false });
      });
      sized.observe(map.getContainer());
      map.on("unload", function () { sized.disconnect(); });
    }
    map.on("popupopen", function (e) {
      // Leaflet's close button links to "#close", a target no page has: read as a skip link going nowhere (axe).
      // "#" is no skip link, and Leaflet's click handler already keeps the page where it is.
      var close = e.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("href", "#");
      self._fitPopup(e.popup);
      // Opened from the keyboard (Enter on a symbol that has the focus), the popup's links came in the tab order
      // only after every other symbol of the map: the focus goes into the popup, and back when it closes.
      var opener = self._keyOpener || document.activeElement;
      self._keyOpener = null;
      if (opener && opener.hasAttribute && opener.hasAttribute("data-xj-id") && self.container.contains(opener)) {
        var content = e.popup.getElement().querySelector(".leaflet-popup-content");
        content.setAttribute("tabindex", "-1");
        content.focus({ preventScroll: true });
        self._popupOpener = opener;
      }
    });
    map.on("moveend zoomend", function () { if (map._popup && map._popup.isOpen()) self._placeSheet(map._popup); });
    map.on("popupclose", function (e) {
      var opener = self._popupOpener, active = document.activeElement;
      var lost = !active || active === document.body || e.popup.getElement().contains(active);
      self._popupOpener = null;
      if (opener && opener.isConnected && lost) opener.focus({ preventScroll: true });
      self.container.classList.remove("xj-popup-open");
      self.container.querySelectorAll(".xj-under-popup").forEach(function (c) { c.classList.remove("xj-under-popup"); });
      // A tap opens the symbol's hover name too, and no pointer leaves to close it: it stayed over the map.
      map.eachLayer(function (layer) {
        if (layer instanceof L.Tooltip && !layer.options.permanent) map.removeLayer(layer);
      });
    });
    XJMap.instances.push(this);
    this.frame();
    this.layout();
    this._relief();
    if (opts.yearOnMap && opts.timeline) this.yearOnMap(new URLSearchParams(window.location.search).get("year"));
    this.size = null;
    if (opts.sizes && opts.sizes.length) this.sizeOnMap(new URLSearchParams(window.location.search).get("size"));
    this._layersByKeyboard();
    // Escape closes an open popup also when a click, not the keyboard, opened it: the focus is then on the page's
    // body, where Leaflet's own Escape (on the map's box) never hears it.
    var container = this.container;
    document.addEventListener("keydown", function onEscape(event) {
      if (!container.isConnected) { document.removeEventListener("keydown", onEscape); return; }
      var active = document.activeElement;
      if (event.key !== "Escape" || event.defaultPrevented || !map._popup || !map._popup.isOpen()) return;
      if (active && active !== document.body && !container.contains(active)) return;
      map.closePopup();
    });
  }
  XJMap.Explorer = Explorer;

  /* The layers button from the keyboard: Leaflet opens the list on Enter but hides the button, so the focus fell
     to the page's body; and the list stayed open, over "Size by" and the legend, once the focus had moved on.
     Opened, the focus goes to its chosen base map; Escape or the focus leaving closes it. */
  Explorer.prototype._layersByKeyboard = function () {
    var box = this.container.querySelector(".leaflet-control-layers");
    var toggle = box && box.querySelector(".leaflet-control-layers-toggle");
    if (!toggle) return;
    var close = function () { box.classList.remove("leaflet-control-layers-expanded"); };
    toggle.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      box.classList.add("leaflet-control-layers-expanded"); // what Leaflet's own Enter does; Space too
      var first = box.querySelector("input:checked") || box.querySelector("input");
      if (first) first.focus();
    });
    box.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !box.classList.contains("leaflet-control-layers-expanded")) return;
      close();
      toggle.focus();
    });
    box.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !box.contains(event.relatedTarget)) close();
    });
  };

  /* How sharp the shaded relief is at this zoom (Core.reliefState), as the map's data-xj-relief, which the
     styles turn into the image's opacity: faded, then gone where it would only blur. */
  Explorer.prototype._relief = function () {
    var self = this, relief = null;
    this.map.eachLayer(function (layer) {
      if (layer instanceof L.ImageOverlay && layer.options.className === "xj-relief") relief = layer;
    });
    var img = relief && relief.getElement();
    if (!img) return;
    if (!img.naturalWidth) { img.addEventListener("load", function () { self._relief(); }, { once: true }); return; }
    var bounds = relief.getBounds(), perDegree = img.naturalWidth / (bounds.getEast() - bounds.getWest());
    this.container.dataset.xjRelief = Core.reliefState(this.map.getZoom(), perDegree);
  };

  /* What a place shows in the legend (legend_html's data-xj-shows): its mode group, its kind, its state. */
  function legendKeys(item) {
    var v = item.values || {}, keys = [];
    var add = function (family, value) {
      if (value) keys.push(item.layer + " " + family, item.layer + " " + family + " " + value);
    };
    if (item.layer === "ports") { add("group", item.group); add("state", item.state); }
    else if (item.layer === "corridors") add("state", item.state || v.status);
    else if (item.layer === "zones") { add("kind", v.kind); add("state", item.state); }
    return keys;
  }

  /* A zone's footprint beneath every other drawn shape: the ports and lines in it stay clickable. */
  function underneath(layer) {
    parts(layer).forEach(function (part) { if (part.bringToBack && part._map) part.bringToBack(); });
  }

  /* The drawn parts of a feature: itself, or each part of a multi-point or a geometry collection (a group). */
  function parts(layer) {
    if (!layer.eachLayer || layer.getElement) return [layer];
    var out = [];
    layer.eachLayer(function (child) { out = out.concat(parts(child)); });
    return out;
  }

  /* Whether a place is drawn as one point (spread apart from its neighbours, named beside it). */
  function pointLike(item) {
    return item.layer === "ports" || (item.layer === "upload" && !item.bounds) ||
      (item.layer === "zones" && item.showing === item.symbol);
  }

  /* Each drawn symbol names its place (data-xj-id), whenever Leaflet (re)creates its element, and says what
     it is to a screen reader: Tab reaches it and Enter opens its popup, as a click does. */
  function tag(layer, id, name) {
    if (parts(layer)[0] !== layer) {
      parts(layer).forEach(function (part) { tag(part, id, name); });
      return;
    }
    var mark = function () {
      var node = layer.getElement ? layer.getElement() : null;
      if (!node) return;
      node.setAttribute("data-xj-id", id);
      if (name) { node.setAttribute("aria-label", name); node.setAttribute("role", "button"); }
    };
    layer.on("add", mark);
    mark();
  }
  XJMap.explore = function (map, opts) { return new Explorer(map, opts); };

  Explorer.prototype.on = function (event, fn) { this.handlers[event].push(fn); return this; };
  Explorer.prototype._emit = function (event, value) {
    this.handlers[event].forEach(function (fn) { fn(value); });
  };

  Explorer.prototype._panes = function () {
    var map = this.map;
    // The map's panes and their depths come from Python (geo/render/mapping.py PANES); the sheet is a pane of
    // the map's own box, not of the moving map, so a popup shown as a sheet never leaves the map.
    if (!map.getPane("xjSheet")) map.createPane("xjSheet", map.getContainer()).style.zIndex = 1100;
    // Names on the map are for the eye; a screen reader hears each symbol's own name instead.
    var labels = map.getPane("xjLabels");
    if (labels) labels.setAttribute("aria-hidden", "true");
  };

  /* Leaflet focuses its container on mouse-down; in a scrolled page that focus scrolls the page under the
     pointer, so the click lands beside the marker. Focus without scrolling instead. */
  Explorer.prototype._keepScroll = function () {
    var container = this.container, focus = container.focus;
    container.focus = function () { focus.call(container, { preventScroll: true }); };
  };

  Explorer.prototype._register = function () {
    var self = this, opts = this.opts;
    Object.keys(opts.layers).forEach(function (name) {
      var holder = opts.layers[name];
      if (!holder) return;
      holder.eachLayer(function (layer) {
        var p = layer.feature ? layer.feature.properties : layer.options.xjProps;
        if (!p || p.id == null) return;
        var item = {
          id: String(p.id), layer: name, shape: layer, holder: holder, values: p.xj || {},
          search: p.search || "", label: p.label || "", rank: p.rank || 0, visible: true, symbol: null, group: p.group,
          latlng: layer.getLatLng ? layer.getLatLng() : null, showing: layer,
        };
        if (name === "zones") {
          item.bounds = layer.getBounds();
          item.latlng = item.bounds.getCenter();
          item.symbol = self._zoneSymbol(layer, p);
        } else if (!item.latlng && layer.getBounds) {
          // An uploaded line, area or multi-part feature: named at the middle of its bounds, never moved.
          item.bounds = layer.getBounds();
          item.latlng = item.bounds.getCenter();
        }
        layer.on("click", function () { self.select(item.id, { source: "map" }); });
        // Enter opens a drawn symbol's popup by Leaflet's keypress, with no click: it selected nothing.
        // Its highlight brings the symbol to the front, which takes the focus off it: the popup then hears from
        // here which symbol the keyboard opened it from.
        layer.on("keypress", function (e) {
          if (!e.originalEvent || e.originalEvent.key !== "Enter") return;
          self._keyOpener = e.originalEvent.target;
          self.select(item.id, { source: "map" });
          setTimeout(function () { self._keyOpener = null; }, 0); // this key's popup only, not a later click's
        });
        // Space, which a button (as the symbol is announced) answers too, does what Enter does.
        layer.on("keydown", function (e) {
          var key = e.originalEvent;
          if (!key || key.key !== " ") return;
          key.preventDefault(); // not a scroll of the page
          layer.fire("keypress", { originalEvent: { key: "Enter", keyCode: 13, target: key.target } }, true);
        });
        tag(layer, item.id, p.aria);
        if (item.symbol) tag(item.symbol, item.id, p.aria);
        self.items[item.id] = item;
        self.ids.push(item.id);
      });
    });
    // A port's halo and clearance mark (tagged xj-for-ID in the ports group) show and hide with the port.
    var ports = opts.groups && opts.groups.ports;
    if (ports && ports.eachLayer) ports.eachLayer(function (layer) {
      var m = /xj-for-(\S+)/.exec((layer.options && layer.options.className) || "");
      var item = m && self.items[m[1]];
      if (item) (item.extras = item.extras || []).push({ layer: layer, holder: ports });
    });
  };

  Explorer.prototype._zoneSymbol = function (layer, p) {
    var style = layer.options, self = this;
    var icon = L.divIcon({
      className: "xj-zone-symbol xj-zone-symbol-" + (p.xj && p.xj.kind),
      iconSize: [13, 13],
      html: "",
    });
    var marker = L.marker(layer.getBounds().getCenter(), { icon: icon, riseOnHover: true });
    // Approved, not yet operating (the year control): hollow, with a dashed rim of the zone's colour.
    marker.xjRestyle = function () {
      var node = marker.getElement();
      if (!node) return;
      var hollow = marker.xjState === "approved", colour = style.fillColor || style.color;
      node.style.background = hollow ? "rgba(255, 255, 255, 0.85)" : colour;
      node.style.borderColor = hollow ? colour : "#ffffff";
      node.style.borderStyle = hollow ? "dashed" : "solid";
      node.setAttribute("data-xj-state", marker.xjState || "open");
    };
    marker.on("add", marker.xjRestyle);
    if (p.tooltip) marker.bindTooltip(p.tooltip + " · zoom in for its footprint");
    if (p.popup_html) marker.bindPopup(p.popup_html, { maxWidth: 480 });
    marker.on("click", function () { self.select(String(p.id), { source: "map" }); });
    return marker;
  };

  /* Which of a zone's two forms to show: its footprint once it is wide enough on screen, else a symbol. */
  Explorer.prototype._zoneForm = function (item) {
    var map = this.map, b = item.bounds;
    var width = map.latLngToContainerPoint(b.getNorthEast()).x - map.latLngToContainerPoint(b.getSouthWest()).x;
    return width >= this.opts.zoneSymbolBelowPx ? item.shape : item.symbol;
  };

  Explorer.prototype._show = function (item) {
    var want = item.visible ? (item.layer === "zones" ? this._zoneForm(item) : item.shape) : null;
    if (item.showing === want) return;
    if (item.shape.xjHide) {
      // A port on the shared canvas stays in its group and is skipped when the canvas is drawn: taking tens of
      // thousands of markers off the map and back one by one costs seconds, one redraw of the canvas does not.
      item.shape.xjHide(!want);
      item.showing = want;
      return;
    }
    if (item.showing) item.holder.removeLayer(item.showing);
    if (want) item.holder.addLayer(want);
    // A footprint shown as the map zooms in is added last, over the ports in it: it goes beneath them, or a click
    // on Urumqi's airport opened the free trade zone round it.
    if (want && want === item.shape && item.layer === "zones") underneath(want);
    // A zone's symbol has its own tooltip and popup; heard by the zones group, folium's content functions (which
    // read layer.feature, a footprint's) ran on it too and threw at every selection.
    if (want && want === item.symbol) want.removeEventParent(item.holder);
    item.showing = want;
    (item.extras || []).forEach(function (x) {
      if (want) x.holder.addLayer(x.layer);
      else x.holder.removeLayer(x.layer);
    });
  };

  /* Apply filters (control name -> chosen values) and a search; returns what is shown, per layer. */
  Explorer.prototype.setFilters = function (filters, query) {
    this.filters = filters || {};
    this.query = Core.fold(query || "");
    return this._apply();
  };

  /* Show what passes the filters and, for a port, existed in the chosen year; returns the counts. */
  Explorer.prototype._apply = function (restyled) {
    var self = this, changed = Boolean(restyled);
    this.ids.forEach(function (id) {
      var item = self.items[id];
      // opts carry the rule book; a port not yet approved in the chosen year is not drawn
      var visible = Core.shown(item, self.opts, self.filters, self.query) && item.state !== "none";
      if (visible !== item.visible) { item.visible = visible; changed = true; }
      self._show(item);
    });
    // Spreading and labelling depend only on what is shown, so a change that shows and hides nothing (the
    // filters a page opens with, a search that still finds the same places) keeps them: at 100,000 ports a
    // layout takes more than 100 ms. The map has not moved: the controls' last measure holds (_controlBoxes).
    if (changed) this.layout(true);
    var hidden = this.selected && this.items[this.selected] && !this.items[this.selected].visible;
    if (hidden) {
      var was = this.selected;
      this.select(null, { source: "filter" });
      this._emit("select", { id: null, hidden: was });
    }
    var counts = this.counts();
    this.shownNow = counts;
    this._legendLayers();
    if (this.sizeBox) this.sizeBox.xjShow();
    this._emit("change", counts);
    return counts;
  };

  Explorer.prototype.counts = function () {
    var counts = { ports: 0, corridors: 0, zones: 0, upload: 0 };
    var self = this;
    var states = {}, unknown = 0, others = { corridors: {}, zones: {} }, uploadTotal = 0, seen = {};
    this.ids.forEach(function (id) {
      var item = self.items[id];
      if (item.layer === "upload") uploadTotal += 1;
      if (!item.visible) return;
      counts[item.layer] += 1;
      if (!item.legendKeys) item.legendKeys = legendKeys(item); // made again when the year changes the state
      for (var k = 0; k < item.legendKeys.length; k++) seen[item.legendKeys[k]] = true;
      if (!item.state) return;
      if (item.layer === "ports") {
        states[item.state] = (states[item.state] || 0) + 1;
        if (!item.known) unknown += 1;
      } else {
        var tally = others[item.layer];
        tally[item.state] = (tally[item.state] || 0) + 1;
        if (!item.known) tally.unknown = (tally.unknown || 0) + 1;
      }
    });
    this.container.dataset.xjShown = JSON.stringify(counts);
    counts.uploadTotal = uploadTotal; // for the bar's "3 of 300 in your layer"
    this.legendSeen = seen;
    if (this.opts.timeline) {
      // The ports shown by their state in the chosen year (null: today), and how many have no dated event; the
      // corridors and zones shown by theirs.
      counts.year = this.year;
      counts.states = states;
      counts.unknown = unknown;
      counts.corridorStates = others.corridors;
      counts.zoneStates = others.zones;
      this.container.dataset.xjStates = JSON.stringify({
        year: counts.year, states: states, unknown: unknown, corridors: others.corridors, zones: others.zones,
      });
    }
    return counts;
  };

  Explorer.prototype.shownIds = function (layer) {
    var self = this;
    return this.ids.filter(function (id) {
      var item = self.items[id];
      return item.visible && (!layer || item.layer === layer);
    });
  };

  /* ---- Layout after every zoom, filter or layer change: spread co-located symbols, then place labels ---- */

  Explorer.prototype.layout = function (reuse) {
    var self = this;
    this.ids.forEach(function (id) {
      var item = self.items[id];
      if (item.layer === "zones") self._show(item);
    });
    this._spread();
    if (this.size) this._stackBySize();
    this._placeLabels(reuse);
    this.container.dataset.xjLayout = String((Number(this.container.dataset.xjLayout) || 0) + 1);
  };

  /* Sized ports' larger circles under their smaller ones, as proportional symbols are drawn: a port with a small
     figure, or none, beside a large one (Horgos road port beside the rail port) was hidden under it. On every
     layout while sized, since a filter adds a port back on top of the others. */
  Explorer.prototype._stackBySize = function () {
    var self = this;
    this.ids.map(function (id) { return self.items[id]; })
      .filter(function (item) { return item.layer === "ports" && item.shape && self._onMap(item); })
      .sort(function (a, b) { return (b.radius || 0) - (a.radius || 0); })
      .forEach(function (item) {
        parts(item.shape).forEach(function (layer) { if (layer.bringToFront && layer._map) layer.bringToFront(); });
      });
  };

  Explorer.prototype._onMap = function (item) {
    return item.visible && item.showing && this.map.hasLayer(item.showing);
  };

  /* Symbols closer than they are wide (road and rail ports of one crossing, an airport beside a land port,
     a bonded zone at a port) are spread on a small circle around their common centre, each with a thin
     line to its true place, so every one stays visible and clickable on its own. */
  Explorer.prototype._spread = function () {
    var self = this, map = this.map, r = this.opts.portRadius, gap = 4, minDist = 2 * r + gap;
    var points = [], zoom = map.getZoom();
    // As latLngToContainerPoint: the projection at this zoom, rounded, less the pixel origin, plus the pane's
    // offset. Each item keeps its projection for the zoom, so a filter change projects nothing again.
    var origin = map.getPixelOrigin(), pane = map.layerPointToContainerPoint([0, 0]);
    var dx = pane.x - origin.x, dy = pane.y - origin.y;
    this.ids.forEach(function (id) {
      var item = self.items[id];
      if (!pointLike(item) || !item.latlng || !self._onMap(item)) return;
      if (points.length > self.opts.spreadMax) return;
      if (!item.projected || item.projected.zoom !== zoom || item.projected.latlng !== item.latlng) {
        var p = map.project(item.latlng, zoom).round();
        item.projected = { zoom: zoom, latlng: item.latlng, x: p.x, y: p.y };
      }
      points.push({ item: item, id: item.id, x: item.projected.x + dx, y: item.projected.y + dy, stays: item.layer === "upload" });
    });
    var lines = [], dots = [];
    // A symbol spread from its true spot stays in the same country (the base map's borders), as a viewer
    // reads a symbol by the side of the border line it stands on.
    var areas = [];
    (this.opts.baseGroups || []).forEach(function (group) { areas = areas.concat(group.xjAreas || []); });
    var sideOf = areas.length ? function (x, y) { return XJMap.countryAt(areas, map.containerPointToLatLng([x, y])); } : null;
    // A symbol's side depends on where it is drawn at this zoom, not on panning (see above) or on what else is
    // shown, so it is asked once per zoom and base map, not at every filter change.
    var sidesFor = zoom + "|" + areas.length;
    if (this.sidesFor !== sidesFor) { this.sidesFor = sidesFor; this.sides = new Map(); }
    var spread = Core.spread(points, minDist, sideOf, this.sides);
    spread.clusters.forEach(function (members) {
      var cx = 0, cy = 0;
      members.forEach(function (k) { cx += spread.spots[k].x; cy += spread.spots[k].y; });
      cx /= members.length; cy /= members.length;
      members.forEach(function (k) {
        var item = points[k].item, spot = spread.spots[k];
        var at = members.length > 1 ? map.containerPointToLatLng(spot) : item.latlng;
        self._moveTo(item, at);
        // A spread symbol's name goes on the side away from its cluster, never across its neighbours.
        var dx = spot.x - cx, dy = spot.y - cy, len = Math.sqrt(dx * dx + dy * dy);
        item.away = members.length > 1 && len > 0 ? { x: dx / len, y: dy / len } : null;
        if (members.length === 1) return;
        lines.push([item.latlng, at]);
        dots.push([item.latlng, item.latlng]); // a round cap on a zero-length segment: a dot
      });
    });
    this.leaders.lines.setLatLngs(lines);
    this.leaders.dots.setLatLngs(dots);
  };

  Explorer.prototype._moveTo = function (item, latlng) {
    var layer = item.showing;
    item.drawnAt = latlng;
    if (layer && layer.setLatLng && !layer.getLatLng().equals(latlng)) layer.setLatLng(latlng);
  };

  /* Names in priority order (Xinjiang, countries, ports, provinces, towns, zones), each placed beside its
     point where it collides with no symbol and no name already placed; the rest wait for a closer zoom. */
  Explorer.prototype._candidates = function () {
    var self = this, list = [];
    (this.opts.baseGroups || []).forEach(function (group) {
      (group.xjLabels || []).forEach(function (c) { if (self.map.hasLayer(group)) list.push(c); });
    });
    this.ids.forEach(function (id) {
      var item = self.items[id];
      if (!item.label || !self._onMap(item)) return;
      if (item.layer === "upload" && item.bounds) {
        list.push({ key: "item:" + id, text: item.label, latlng: item.latlng, cls: "xj-label-port", rank: 55, radius: 0,
                    centred: true });
      } else if (item.layer === "ports" || item.layer === "upload") {
        // A viewer's own points are named after the project's ports and zones' squares, before the towns: a dense
        // file's names took the places of Horgos rail port's, Yining airport's and Dulata's.
        // A port with no room beside it is named a little further off, with a line to its dot (as a key town is,
        // but never far: a long line across a phone's map read as another place's): the airports and the land
        // port by Ürümqi went unnamed beside the zone squares around them.
        list.push({ key: "item:" + id, text: item.label, latlng: item.drawnAt || item.latlng, cls: "xj-label-port",
                    rank: item.layer === "upload" ? 36 : 15 + item.rank, radius: item.radius || self.opts.portRadius,
                    away: item.away, far: item.layer === "ports", rings: 4 });
      } else if (item.layer === "zones") {
        var symbol = item.showing === item.symbol;
        // A zone's square is named before the towns, as a port is: the square has no other name on the map.
        list.push({ key: "item:" + id, text: item.label, latlng: symbol ? item.drawnAt || item.latlng : item.latlng,
                    cls: "xj-label-zone", rank: symbol ? 35 : 60, radius: 7, centred: !symbol, away: symbol ? item.away : null });
      }
    });
    list.sort(function (a, b) { return a.rank - b.rank; });
    return list;
  };

  /* A name's node, made hidden if new; measured (once it has a size) when `measure` is true. */
  Explorer.prototype._labelNode = function (c, measure) {
    var node = this.labels[c.key];
    if (!node) {
      node = el("div", "xj-label " + c.cls, c.text);
      node.dataset.key = c.key;
      node.classList.add("xj-hidden");
      this.labelPane.appendChild(node);
      this.labels[c.key] = node;
    }
    if (measure !== false && (!node.xjSize || !node.xjSize.w)) node.xjSize = { w: node.offsetWidth, h: node.offsetHeight };
    return node;
  };

  /* How far apart two boxes are along the axis on which they are furthest apart (0 when they meet): the gap a
     BoxGrid tests with. */
  function separation(a, b) {
    return Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w), b.y - (a.y + a.h), a.y - (b.y + b.h), 0);
  }

  /* A line from just outside a dot (radius `r`) to the nearest point of its name's box, as map positions. */
  function nameLeader(map, p, box, r) {
    var x = Math.max(box.x, Math.min(p.x, box.x + box.w)), y = Math.max(box.y, Math.min(p.y, box.y + box.h));
    var len = Math.hypot(x - p.x, y - p.y) || 1, from = [p.x + ((x - p.x) * (r + 1)) / len, p.y + ((y - p.y) * (r + 1)) / len];
    return [map.containerPointToLatLng(from), map.containerPointToLatLng([x, y])];
  }

  /* Where a point's name may go, best first: right, left, above, below, then the four corners. A spread
     symbol's name goes only on its side away from the cluster (nearest that way first), and never centred
     above or below unless the symbol is the cluster's top or bottom. `far` adds rings further out. */
  var AROUND = [[1, 0], [-1, 0], [0, -1], [0, 1], [0.7, -0.7], [0.7, 0.7], [-0.7, -0.7], [-0.7, 0.7]];
  function pointSpots(p, r, w, h, away, far, rings) {
    var dirs = AROUND;
    if (away) {
      dirs = AROUND.filter(function (d) {
        var dot = d[0] * away.x + d[1] * away.y;
        return d[0] === 0 ? dot > 0.9 : dot > 0.2;
      }).sort(function (a, b) { return (b[0] * away.x + b[1] * away.y) - (a[0] * away.x + a[1] * away.y); });
    }
    var spots = [], gaps = far ? [r, r + 8, r + 18, r + 30, r + 44, r + 60, r + 80].slice(0, rings || 7) : [r];
    var add = function (list) {
      gaps.forEach(function (gap, ring) {
        list.forEach(function (d) {
          var x = d[0] > 0 ? p.x + gap * d[0] : d[0] < 0 ? p.x + gap * d[0] - w : p.x - w / 2;
          var y = d[1] > 0 ? p.y + gap * d[1] : d[1] < 0 ? p.y + gap * d[1] - h : p.y - h / 2;
          spots.push({ x: x, y: y, ring: ring });
        });
      });
    };
    add(dirs);
    // A far name (a key town's, a port's) may go the other way when the way out of its cluster has no room: the
    // Kashgar airport, 134 px from the map's left edge, had only leftward spots for a name 162 px long.
    if (far && dirs.length < AROUND.length) add(AROUND.filter(function (d) { return dirs.indexOf(d) < 0; }));
    return spots;
  }

  /* The boxes of the map's own controls (zoom, layers, legend, scale, year, "Size by"), in the map's own
     coordinates. Measuring them costs a layout of the whole page when anything on it has changed since the
     last frame (a filter has just added and removed symbols), so a filter reuses the last measure: it is
     measured afresh whenever the map moves, zooms or resizes or the legend opens or closes, and forgotten as
     soon as a control is added, removed or changes size (_controlWatch). The legend's state is checked here too:
     its "toggle" event comes in a task of its own, so a filter can come between a fold and that event. */
  Explorer.prototype._controlBoxes = function (reuse) {
    var legendOpen = this.legendNode ? this.legendNode.open : null;
    if (reuse && this.controlBoxes && this.controlBoxesLegend === legendOpen) return this.controlBoxes;
    this.controlBoxesLegend = legendOpen;
    var origin = this.container.getBoundingClientRect(), boxes = [], watch = this._controlWatch();
    this.container.querySelectorAll(".leaflet-control").forEach(function (control) {
      var r = control.getBoundingClientRect();
      if (watch) watch.observe(control, r);
      if (r.width) boxes.push({ x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height });
    });
    this.controlBoxes = boxes;
    return boxes;
  };

  /* Forgets the controls' measure when one of them is added, removed or changes size (a ResizeObserver on each,
     a MutationObserver on the corners). Null where the browser has neither: then every placement measures. */
  Explorer.prototype._controlWatch = function () {
    if (this.controlWatcher !== undefined) return this.controlWatcher;
    var self = this, corners = this.map._controlCorners;
    if (!window.ResizeObserver || !window.MutationObserver || !corners) return (this.controlWatcher = null);
    var forget = function () { self.controlBoxes = null; };
    var added = new MutationObserver(forget);
    Object.keys(corners).forEach(function (k) { added.observe(corners[k], { childList: true }); });
    // A newly observed control is reported once at its present size: only a size other than the one measured
    // means it changed.
    var sizes = new WeakMap();
    var resized = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) {
        var was = sizes.get(entry.target), box = entry.borderBoxSize && entry.borderBoxSize[0];
        var w = box ? box.inlineSize : entry.target.offsetWidth, h = box ? box.blockSize : entry.target.offsetHeight;
        if (!was || Math.abs(was.w - w) > 0.5 || Math.abs(was.h - h) > 0.5) forget();
        sizes.set(entry.target, { w: w, h: h });
      });
    });
    return (this.controlWatcher = {
      observe: function (control, r) {
        if (!sizes.has(control)) resized.observe(control, { box: "border-box" });
        sizes.set(control, { w: r.width, h: r.height });
      },
    });
  };

  Explorer.prototype._placeLabels = function (reuse) {
    var self = this, map = this.map, size = map.getSize(), taken = new Core.BoxGrid(32), margin = 2;
    // Symbols alone, and each one's box by its id: a symbol's name must lie nearer it than any other symbol.
    var marks = new Core.BoxGrid(32), own = {};
    // The map's own controls are no place for a name.
    this._controlBoxes(reuse).forEach(function (box) { taken.add(box); });
    this.ids.forEach(function (id) {
      var item = self.items[id];
      if (!pointLike(item) || !self._onMap(item)) return;
      var p = map.latLngToContainerPoint(item.drawnAt || item.latlng), r = (item.radius || self.opts.portRadius) + 1;
      // A symbol off the map cannot meet a name, which must lie inside it.
      if (p.x + r < 0 || p.y + r < 0 || p.x - r > size.x || p.y - r > size.y) return;
      var mark = { x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r };
      taken.add(mark);
      marks.add(mark);
      own[id] = mark;
    });
    var placed = {}, groups = {}, reach = 300, leaders = []; // a name lies within `reach` of its point, on the map
    var candidates = this._candidates().filter(function (c) {
      var p = map.latLngToContainerPoint(c.latlng);
      return p.x > -reach && p.y > -reach && p.x < size.x + reach && p.y < size.y + reach;
    });
    // New names are made and added all at once, then measured: one layout for all of them, where a
    // measure after each addition cost a layout each (seconds with a few thousand uploaded points).
    candidates.forEach(function (c) { self._labelNode(c, false); });
    candidates.forEach(function (c) { self._labelNode(c, true); });
    candidates.forEach(function (c) {
      if (c.group && groups[c.group]) return;
      var node = self.labels[c.key], w = node.xjSize.w, h = node.xjSize.h;
      if (!w) return; // not measurable yet (the map is not on screen): placed at the next layout
      var p = map.latLngToContainerPoint(c.latlng), r = (c.radius || 0) + 3;
      // A name centred on its area may move a little to find room; a point's name sits beside it.
      var spots = c.centred
        ? [[0, 0], [0, -1.3], [0, 1.3], [-0.3, 0], [0.3, 0], [0, -2.6], [0, 2.6], [-0.3, -1.3], [0.3, 1.3], [0, -3.9], [0, 3.9], [-0.3, 2.6], [0.3, -2.6]].map(
            function (d) { return { x: p.x - w / 2 + d[0] * w, y: p.y - h / 2 + d[1] * h }; })
        : pointSpots(p, r, w, h, c.away, c.far, c.rings);
      for (var i = 0; i < spots.length; i++) {
        var box = { x: spots[i].x, y: spots[i].y, w: w, h: h };
        if (box.x < margin || box.y < margin || box.x + w > size.x - margin || box.y + h > size.y - margin) continue;
        if (taken.hits(box, 1)) continue;
        // Nearer another symbol than its own, a name reads as the other's (on a phone "Bedel" sat against the
        // Kashgar FTZ square): that spot is passed over; a name with none left shows on hover.
        // A name joined to its dot by a line reads as that dot's wherever it lies: a town's from the third ring
        // of spots on, a port's (whose symbol is bigger) as soon as it is not beside its dot.
        var leader = c.far && spots[i].ring >= (c.key.indexOf("item:") === 0 ? 1 : 2);
        var mine = !c.centred && c.key.indexOf("item:") === 0 && own[c.key.slice(5)];
        if (mine && !leader && marks.hits(box, separation(box, mine))) continue;
        taken.add(box);
        placed[c.key] = true;
        if (c.group) groups[c.group] = true;
        L.DomUtil.setPosition(node, map.containerPointToLayerPoint([box.x, box.y]));
        if (leader) leaders.push(nameLeader(map, p, box, c.radius || 0));
        break;
      }
    });
    this.leaders.names.setLatLngs(leaders);
    Object.keys(this.labels).forEach(function (key) {
      self.labels[key].classList.toggle("xj-hidden", !placed[key]);
    });
  };

  /* A popup no wider than the map allows (a phone), hover names hidden while it is open, and the legend
     folded if the popup would sit under it. */
  Explorer.prototype._fitPopup = function (popup) {
    this.container.classList.add("xj-popup-open");
    var room = this.map.getSize().x - 70;
    if (popup.options.maxWidth > room) {
      popup.options.maxWidth = Math.max(200, room);
      popup.options.minWidth = Math.min(popup.options.minWidth || 50, popup.options.maxWidth);
      popup.update();
    }
    var node = popup.getElement(), legend = this.legendNode;
    var box = node && node.querySelector(".leaflet-popup-content-wrapper");
    if (box) box.tabIndex = 0; // it may scroll: keyboard users reach it to scroll it
    var a = node && node.getBoundingClientRect();
    var under = function (other) {
      var b = other.getBoundingClientRect();
      return a.right > b.left && b.right > a.left && a.bottom > b.top && b.bottom > a.top;
    };
    if (node && legend && legend.open && under(legend)) legend.open = false;
    // A control the popup lies under (Leaflet draws controls above popups) steps aside until it closes: "Size by"
    // hid the end of a place's note where the view, held to the region, could not pan the popup clear of it.
    var corner = this.map._controlCorners && this.map._controlCorners.topright;
    Array.prototype.forEach.call(corner ? corner.children : [], function (control) {
      if (!(legend && control.contains(legend)) && !asSheet(popup) && node) control.classList.toggle("xj-under-popup", under(control));
    });
    this._placeSheet(popup);
  };

  /* As a sheet over part of the map, the popup would hide the place it is about (the map cannot always move:
     its view is held to the region). So the sheet takes the side of the map with more room, again whenever the
     map moves under it (a tap during the opening's move found its place later where the sheet then lay). */
  Explorer.prototype._placeSheet = function (popup) {
    var node = popup.getElement();
    if (!node || !asSheet(popup) || !popup.getLatLng()) return;
    var height = this.map.getSize().y, span = this._drawnSpan(popup), gap = 16;
    var above = span[0] - gap, below = height - span[1] - gap, top = above > below;
    this.map.getPane("xjSheet").classList.toggle("xj-sheet-top", top); // the pane: Leaflet keeps it
    node.style.maxHeight = Math.max(0.35 * height, (top ? above : below) - 8) + "px";
  };

  /* Where the place a popup is about is drawn, top to bottom in the map's box: its symbol as the page draws it
     (spread apart from a neighbour, with its rim), not its position, which lay up to a symbol's width away and let
     a phone's sheet cover the place it was about; a place drawn on the canvas has no element: its position. */
  Explorer.prototype._drawnSpan = function (popup) {
    var source = popup._source, node = source && source.getElement && source.getElement();
    if (node && node.getBoundingClientRect) {
      var box = node.getBoundingClientRect(), map = this.map.getContainer().getBoundingClientRect();
      if (box.height) return [box.top - map.top, box.bottom - map.top];
    }
    var y = this.map.latLngToContainerPoint(popup.getLatLng()).y;
    return [y, y];
  };

  /* ---- The year: each port as it stood at the end of a year (Core.stateAsOf), all in the browser ------- */

  var HOLLOW = { fillOpacity: 0, weight: 2.5, dashArray: null };
  var STATE_STYLES = {
    open: { fillOpacity: 0.95, weight: 2, dashArray: null },
    seasonal: { fillOpacity: 0.95, weight: 2, dashArray: "3 3" },
    approved: HOLLOW,
    planned: HOLLOW,
    suspended: { fillOpacity: 0, weight: 2.5, dashArray: "2 3" },
  };
  // A port's states in the order the bar and the sidebar list them.
  XJMap.STATE_ORDER = ["open", "seasonal", "approved", "planned", "suspended"];
  XJMap.STATE_LABELS = {
    open: "open", seasonal: "seasonal", approved: "approved only", planned: "planned",
    suspended: "suspended", none: "not yet approved",
  };
  var CORRIDOR_LABELS = { operating: "operating", under_construction: "under construction", planned: "planned" };
  var ZONE_LABELS = { open: "operating", approved: "approved only" };

  function tallied(states, order, labels) {
    return order.filter(function (s) { return states[s]; }).map(function (s) { return states[s] + " " + labels[s]; });
  }

  /* The places drawn in the chosen year by their state, for the filter bar's status line: "ports 9 open,
     2 seasonal (1 date unknown); corridors 2 operating, 1 under construction; zones none yet". */
  XJMap.yearCounts = function (counts) {
    var ports = tallied(counts.states || {}, XJMap.STATE_ORDER, XJMap.STATE_LABELS);
    var text = "ports " + (ports.length ? ports.join(", ") : "none yet");
    if (counts.unknown) text += " (" + counts.unknown + " date unknown)";
    [["corridors", counts.corridorStates, ["operating", "under_construction", "planned"], CORRIDOR_LABELS],
     ["zones", counts.zoneStates, ["open", "approved"], ZONE_LABELS]].forEach(function (layer) {
      if (!layer[1]) return;
      var found = tallied(layer[1], layer[2], layer[3]);
      text += "; " + layer[0] + " " + (found.length ? found.join(", ") : "none yet");
      if (layer[1].unknown) text += " (" + layer[1].unknown + " date unknown)";
    });
    return text;
  };

  /* Draw the ports as they stood at the end of `year` (null or the last year: today); the filters still
     apply. Returns the counts, as setFilters does. */
  Explorer.prototype.setYear = function (year) {
    var t = this.opts.timeline;
    if (!t) return this.counts();
    year = year === null || year === undefined || year === "" ? NaN : Math.round(Number(year));
    this.year = isNaN(year) || year >= t.now ? null : Math.max(t.first, year);
    this._states();
    if (this.sizeKey) this._sizeFor(this.sizeKey); // a measure whose figures are later than the year is held back
    this._legendYear();
    return this._apply(true); // the year restyles symbols (hollow, seasonal): laid out again even if none hides
  };

  Explorer.prototype._states = function () {
    var t = this.opts.timeline, self = this, at = this.year === null || this.year === undefined ? t.now : this.year;
    this.container.dataset.xjYear = this.year === null || this.year === undefined ? "" : String(this.year);
    var byLayer = { ports: t.places, corridors: t.corridors || {}, zones: t.zones || {} };
    this.ids.forEach(function (id) {
      var item = self.items[id], place = byLayer[item.layer] && byLayer[item.layer][id];
      if (!place) return;
      var found = Core.layerStateAsOf(item.layer, place.events, place.status, place.year, at);
      item.state = found.state;
      item.legendKeys = null;
      item.known = found.known;
      if (item.layer === "ports") self._stateStyle(item);
      else if (item.layer === "corridors") self._lineStyle(item);
      else self._zoneStyle(item);
    });
  };

  /* A drawn part's element says its state in the chosen year (data-xj-state), also when Leaflet makes the element
     anew (a place hidden in one year and shown in the next). */
  function markState(layer, state) {
    if (layer.xjState === undefined) {
      layer.on("add", function () {
        var node = layer.getElement ? layer.getElement() : null;
        if (node) node.setAttribute("data-xj-state", layer.xjState);
      });
    }
    layer.xjState = state;
    var node = layer.getElement ? layer.getElement() : null;
    if (node) node.setAttribute("data-xj-state", state);
  }

  /* A corridor in the style of the status it had that year (settings.CORRIDOR_STYLES): under construction
     dashed, planned dotted, operating solid. */
  Explorer.prototype._lineStyle = function (item) {
    var look = (this.opts.corridorStyles || {})[item.state];
    if (!look) return;
    var style = { color: look.color, weight: look.weight, dashArray: look.dashArray || null };
    parts(item.shape).forEach(function (layer) {
      if (!layer.setStyle) return;
      layer.setStyle({ dashArray: style.dashArray });
      // A selected corridor keeps its highlight; the style it returns to afterwards is the year's.
      if (layer.xjSelected) layer.xjStyle = { color: style.color, weight: style.weight };
      else layer.setStyle({ color: style.color, weight: style.weight });
      markState(layer, item.state);
    });
  };

  /* A zone approved but not yet operating: its footprint and its square hollow, with a dashed rim. */
  Explorer.prototype._zoneStyle = function (item) {
    var hollow = item.state === "approved";
    parts(item.shape).forEach(function (layer) {
      if (!layer.setStyle || !layer.options) return;
      if (layer.xjZoneFill === undefined) layer.xjZoneFill = layer.options.fillOpacity;
      layer.setStyle({ fillOpacity: hollow ? 0 : layer.xjZoneFill, dashArray: hollow ? "4 4" : null });
      markState(layer, item.state);
    });
    if (item.symbol) {
      item.symbol.xjState = item.state;
      if (item.symbol.xjRestyle) item.symbol.xjRestyle();
    }
  };

  /* Open: solid; seasonal: solid with a dashed rim; approved or planned: hollow; suspended: hollow, dashed. */
  Explorer.prototype._stateStyle = function (item) {
    var look = STATE_STYLES[item.state];
    if (!look) return;
    parts(item.shape).forEach(function (layer) {
      if (!layer.setStyle || !layer.options) return;
      if (layer.xjFill === undefined) layer.xjFill = { color: layer.options.color, weight: layer.options.weight };
      var hollow = look.fillOpacity === 0;
      var rim = { color: hollow ? layer.options.fillColor : layer.xjFill.color, weight: look.weight };
      // A port sized by a figure is a larger circle: see-through enough to show what it covers.
      layer.setStyle({ fillOpacity: hollow ? 0 : item.sized ? SIZED_FILL : look.fillOpacity, dashArray: look.dashArray });
      // A selected port keeps its highlight; the rim it returns to afterwards is the state's.
      if (layer.xjSelected) layer.xjStyle = rim;
      else layer.setStyle(rim);
      markState(layer, item.state);
    });
  };

  /* The year control: a labelled range from the earliest dated event to this year, a step back, a step
     forward and play/pause (through the years in which something changes). Moving it redraws the map here and
     calls `onYear(year)` (null: today); nothing else. Returns the control's element, or null for a map without a timeline. */
  Explorer.prototype.yearControl = function (onYear) {
    var t = this.opts.timeline, self = this;
    if (!t) return null;
    var box = el("div", "xj-year");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Year shown on the map");
    var id = "xj-year-" + (++XJMap.yearControls);
    var label = el("label", "xj-year-label", "Ports as of");
    label.htmlFor = id;
    var back = el("button", "xj-button xj-year-back", "\u2039");
    back.type = "button";
    back.setAttribute("aria-label", "One year earlier");
    var range = el("input", "xj-year-range");
    range.type = "range";
    range.id = id;
    range.min = String(t.first);
    range.max = String(t.now);
    range.step = "1";
    var next = el("button", "xj-button xj-year-next", "\u203a");
    next.type = "button";
    next.setAttribute("aria-label", "One year later");
    var play = el("button", "xj-button xj-year-play", "Play");
    play.type = "button";
    play.setAttribute("aria-pressed", "false");
    var shown = el("output", "xj-year-value");
    shown.htmlFor = id;
    var timer = null;
    box.title = "The year governs which ports the map draws and how (hollow: approved, not yet open; dashed rim: " +
      "seasonal); the period filter governs which figures are shown. The tables below the map list the ports of " +
      "that year; their Status column is today's.";
    [label, back, range, next, play, shown].forEach(function (n) { box.appendChild(n); });

    function show() {
      var year = self.year === null || self.year === undefined ? t.now : self.year;
      range.value = String(year);
      var text = self.year === null || self.year === undefined ? year + " (today)" : String(year);
      shown.textContent = text;
      range.setAttribute("aria-valuetext", text);
      back.disabled = year <= t.first;
      next.disabled = year >= t.now;
    }
    function go(year) {
      self.setYear(year);
      show();
      onYear(self.year);
    }
    function stop() {
      clearInterval(timer);
      timer = null;
      play.textContent = "Play";
      play.setAttribute("aria-pressed", "false");
    }
    range.addEventListener("input", function () { go(Number(range.value)); });
    back.addEventListener("click", function () { stop(); go(Number(range.value) - 1); });
    next.addEventListener("click", function () { stop(); go(Number(range.value) + 1); });
    play.addEventListener("click", function () {
      if (timer !== null) { stop(); return; }
      if (Number(range.value) >= t.now) go(t.first); // play from the start once at today
      play.textContent = "Pause";
      play.setAttribute("aria-pressed", "true");
      timer = setInterval(function () {
        go(Core.nextYear(t.years || [], Number(range.value), t.now));
        if (Number(range.value) >= t.now) stop();
      }, XJMap.yearStepMs);
    });
    box.xjShow = show;
    box.xjStop = stop;
    show();
    return box;
  };
  XJMap.yearControls = 0;

  /* The year control on the map itself, for a page without the app's filter bar (an exported file), opened at
     `year`; the address keeps the year where the page's address can change (not in every file:// page). */
  Explorer.prototype.yearOnMap = function (year) {
    var self = this, control = L.control({ position: "topright" });
    control.onAdd = function () {
      var box = self.yearControl(function (chosen) {
        try {
          var url = new URL(window.location.href);
          if (chosen === null) url.searchParams.delete("year");
          else url.searchParams.set("year", String(chosen));
          window.history.replaceState(window.history.state, "", url.href);
        } catch (error) { /* an address that cannot change keeps the year it was opened with */ }
      });
      box.classList.add("xj-year-on-map");
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    control.addTo(this.map);
    this.setYear(year);
    control.getContainer().xjShow();
    this._legendRoom();
    return control;
  };
  XJMap.yearStepMs = 700;

  /* ---- Size by a figure: ports as circles whose area is proportional to one measure (sizes.py) ---------- */

  // The largest port's radius when sized; a port with no figure for the measure shrinks to SIZE_SMALL_PX.
  XJMap.SIZE_MAX_PX = 22;
  XJMap.SIZE_SMALL_PX = 4;
  var SIZE_MIN_PX = 3, SIZED_FILL = 0.7;

  function sizeRadius(value, largest) {
    return Math.max(SIZE_MIN_PX, XJMap.SIZE_MAX_PX * Math.sqrt(value / largest));
  }

  /* Size the ports by the measure `key` (opts.sizes, from Python's geo/render/sizes.py), or draw them all alike
     (null, "" or a key no measure has). The choice holds through the year control, but a map showing a year
     before the one the measure's figures reach draws its ports alike (`sizeHeld`): a port as it stood in 2019 is
     not sized by its 2025 figures. Only the ports change; nothing is sent anywhere. */
  Explorer.prototype.setSize = function (key) {
    var measure = this._sizeFor(key);
    this.layout();
    return measure;
  };

  // setSize without the layout, for a caller that lays the map out anyway (setYear).
  Explorer.prototype._sizeFor = function (key) {
    var self = this, chosen = null;
    (this.opts.sizes || []).forEach(function (m) { if (m.key === key) chosen = m; });
    var measure = chosen && Core.sizedInYear(chosen.year, this.year) ? chosen : null;
    this.sizeKey = chosen ? chosen.key : null;
    this.sizeHeld = chosen && !measure ? chosen : null;
    this.size = measure;
    this.container.dataset.xjSize = measure ? measure.key : "";
    var values = measure ? measure.values : {}, largest = 0;
    Object.keys(values).forEach(function (id) { largest = Math.max(largest, values[id]); });
    this.ids.forEach(function (id) {
      var item = self.items[id];
      if (item.layer !== "ports") return;
      var value = values[id];
      item.sized = Boolean(measure) && value !== undefined;
      item.radius = !measure ? null : item.sized ? sizeRadius(value, largest) : XJMap.SIZE_SMALL_PX;
      parts(item.shape).forEach(function (layer) {
        if (layer.setRadius) layer.setRadius(item.radius || self.opts.portRadius);
        var node = layer.getElement ? layer.getElement() : null;
        if (node) node.classList.toggle("xj-sized", item.sized);
      });
      if (item.state) self._stateStyle(item);
      else parts(item.shape).forEach(function (layer) {
        if (layer.setStyle) layer.setStyle({ fillOpacity: item.sized ? SIZED_FILL : 0.95 });
      });
    });
    this.largest = largest;
    if (this.sizeBox) this.sizeBox.xjShow();
    return measure;
  };

  /* The "Size by" control: a labelled list of the measures (each with its period), and under it the size legend
     of the chosen one: reference circles with their values, and how many ports drawn have no figure for it.
     Every text from data goes in as text. */
  Explorer.prototype.sizeControl = function (onSize) {
    var self = this, measures = this.opts.sizes || [];
    var box = el("div", "xj-size");
    var id = "xj-size-" + (++XJMap.sizeControls);
    var label = el("label", "xj-size-label", "Size by");
    label.htmlFor = id;
    var select = el("select", "xj-size-select");
    select.id = id;
    select.appendChild(el("option", null, "nothing: all ports alike")).value = "";
    measures.forEach(function (m) {
      var option = el("option", null, m.label + ", " + m.period);
      option.value = m.key;
      select.appendChild(option);
    });
    // The size legend leads the map's legend (where the other symbols are explained); without one, it sits here.
    var legend = el("div", "xj-size-legend");
    legend.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(select);
    var body = this.legendNode && this.legendNode.querySelector(".xj-legend-body");
    if (body) body.insertBefore(legend, body.firstChild);
    else box.appendChild(legend);
    select.addEventListener("change", function () {
      self.setSize(select.value);
      onSize(self.sizeKey);
    });

    // What the legend last showed (the measure and how many ports drawn have no figure for it): a filter that
    // changes neither leaves the legend as it is, and the page's layout with it.
    var drawn = null;
    function show() {
      var m = self.size || self.sizeHeld, without = 0;
      if (self.size) self.ids.forEach(function (id) {
        var item = self.items[id];
        if (item.layer === "ports" && item.visible && !item.sized) without += 1;
      });
      var now = m ? m.key + " " + without + " " + (self.sizeHeld ? self.year : "") : "";
      if (now === drawn) return false;
      drawn = now;
      select.value = m ? m.key : "";
      legend.textContent = "";
      legend.hidden = !m;
      if (!m) return true;
      legend.appendChild(el("b", "xj-size-title", "Size: " + m.label + (m.unit === "count" ? "" : " (" + m.unit + ")")));
      if (self.sizeHeld) {
        // Said, not silently dropped: the choice comes back with a year its figures have reached.
        legend.appendChild(el("div", "xj-size-held", "Ports drawn alike in " + self.year + ": these figures are of " +
          m.period + ", later than the year shown. Move the year to " + m.year + " or later to size by them."));
        return true;
      }
      legend.appendChild(el("div", "xj-size-period", m.period + ": circle area in proportion"));
      var rows = el("div", "xj-size-refs");
      m.refs.forEach(function (ref) {
        var r = sizeRadius(ref[0], self.largest), row = el("div", "xj-size-ref");
        var circle = el("i", "xj-size-circle");
        circle.style.width = circle.style.height = (2 * r).toFixed(1) + "px";
        row.appendChild(circle);
        row.appendChild(el("span", null, ref[1]));
        rows.appendChild(row);
      });
      legend.appendChild(rows);
      if (without) {
        var small = el("div", "xj-size-none");
        small.appendChild(el("i", "xj-size-dot"));
        small.appendChild(el("span", null, without + (without === 1 ? " port has" : " ports have") +
          " no figure of this measure for this period: drawn small, not zero."));
        legend.appendChild(small);
      }
      return true;
    }
    box.xjShow = function () { if (show()) self._legendRoom(); };
    this.sizeBox = box;
    show();
    return box;
  };
  XJMap.sizeControls = 0;

  /* The "Size by" control on the map (the app's and an exported file's), opened at `key`; the address keeps
     the choice (size=) where the page's address can change, without reloading or telling the server. */
  Explorer.prototype.sizeOnMap = function (key) {
    var self = this, control = L.control({ position: "topright" });
    control.onAdd = function () {
      var box = self.sizeControl(function (chosen) {
        try {
          var url = new URL(window.location.href);
          if (chosen === null) url.searchParams.delete("size");
          else url.searchParams.set("size", chosen);
          if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
        } catch (error) { /* an address that cannot change keeps the choice it was opened with */ }
        self._emit("view", self.view()); // the page's next report carries it (a download of the view pressed next)
      });
      box.classList.add("xj-size-on-map");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(this.map);
    this.setSize(key);
    this._legendRoom();
    return control;
  };

  /* ---- The period filter: a popup shows only the figures whose period overlaps it ---------------------- */

  Explorer.prototype.setPeriod = function (period) {
    this.period = period && (period.start || period.end) ? period : null;
    // An open popup is composed again (its content update calls composeFigures), laid out and kept in view.
    var popup = this.map._popup;
    if (popup && this.map.hasLayer(popup)) popup.update();
  };

  /* A popup's figures, composed as it opens (or updates) from the map's one figures table
     (geo.render.figures), for the period chosen: a table of the figures inside it, each source once, and a
     word on those outside. Every text is inserted as text. */
  Explorer.prototype.composeFigures = function (node) {
    var box = node && node.querySelector(".xj-popup[data-entity]");
    var slot = box && box.querySelector(".xj-figures");
    var table = this.opts.figures;
    if (!slot || !table) return;
    var period = this.period, found = window.XJView.figureRows(table, box.dataset.entity, period, Core.overlaps);
    slot.textContent = "";
    if (found.rows.length) {
      var grid = el("table", "xj-facts"), head = el("tr"), body = el("tbody");
      ["Figure", "Value", "Period", "Src"].forEach(function (name) { head.appendChild(el("th", null, name)); });
      grid.appendChild(el("thead")).appendChild(head);
      found.rows.forEach(function (r) {
        var i = r.row, row = el("tr"), figure = el("td", null, table.figure[i]);
        row.dataset.start = table.start[i];
        row.dataset.end = table.end[i];
        if (table.about[i]) figure.appendChild(el("div", "xj-about", table.about[i]));
        row.appendChild(figure);
        row.appendChild(el("td", null, table.value[i]));
        row.appendChild(el("td", null, table.period[i]));
        var src = el("td", null, "[" + r.number + "]");
        src.title = table.sources[table.source[i]][0];
        row.appendChild(src);
        body.appendChild(row);
      });
      grid.appendChild(body);
      slot.appendChild(grid);
      var list = el("ol", "xj-sources");
      found.sources.forEach(function (source, n) {
        var cited = table.sources[source], item = el("li", null, "[" + (n + 1) + "] " + cited[0]);
        // Only web addresses become links; the article opens beside the map and cannot reach back to it.
        if (/^https?:\/\//.test(cited[1])) {
          var link = el("a", null, "read it");
          link.setAttribute("aria-label", "read it: [" + (n + 1) + "] " + cited[0]); // which source, for a list of links
          link.href = cited[1];
          link.target = "_blank";
          link.rel = "noopener";
          item.appendChild(document.createTextNode(" "));
          item.appendChild(link);
        }
        list.appendChild(item);
      });
      slot.appendChild(list);
    }
    var outside = found.outside;
    if (outside) {
      slot.appendChild(el("p", "xj-none xj-period-note", found.rows.length
        ? outside + (outside === 1 ? " figure" : " figures") + " outside " + period.label + " not shown."
        : "All " + outside + " figures are outside " + period.label + "."));
    } else if (!found.rows.length) {
      slot.appendChild(el("p", "xj-none", table.none));
    }
  };

  /* ---- Selection -------------------------------------------------------------------------------------- */

  Explorer.prototype.select = function (id, how) {
    how = how || {};
    if (id && (!this.items[id] || !this.items[id].visible)) id = null; // a hidden place cannot be selected
    if (id === this.selected) {
      if (id && how.reveal) this.reveal(id);
      return;
    }
    var previous = this.selected && this.items[this.selected];
    if (previous) this._highlight(previous, false);
    this.selected = id;
    this.container.dataset.xjSelected = id || "";
    if (id) {
      this._highlight(this.items[id], true);
      if (how.reveal) this.reveal(id);
    }
    if (how.source === "map") this._emit("select", { id: id });
  };

  Explorer.prototype._highlight = function (item, on) {
    var layers = [];
    [item.shape, item.symbol].forEach(function (layer) { if (layer) layers = layers.concat(parts(layer)); });
    layers.forEach(function (layer) {
      if (layer.setStyle) {
        if (on) {
          layer.xjStyle = { color: layer.options.color, weight: layer.options.weight };
          layer.setStyle({ color: "#111111", weight: (layer.options.weight || 2) + 3 });
          // A selected footprint stays beneath the ports in it (see underneath); the rest come to the front.
          if (item.layer !== "zones" && layer.bringToFront && layer._map) layer.bringToFront();
        } else if (layer.xjStyle) {
          layer.setStyle(layer.xjStyle);
        }
      }
      var node = layer.getElement ? layer.getElement() : null;
      if (node) node.classList.toggle("xj-selected", on);
      layer.xjSelected = on;
    });
  };

  /* Open the selected place's popup, as a link records what was seen (its map position, if any, stays). */
  Explorer.prototype.openPopup = function (id) {
    var item = this.items[id];
    var layer = item && item.showing;
    if (layer && layer.getPopup && layer.getPopup() && this.map.hasLayer(layer)) layer.openPopup();
  };

  /* Fit the map to what the filters show, if any of it is out of view (after a search), or `always`. */
  Explorer.prototype.revealShown = function (always) {
    var bounds = L.latLngBounds([]), self = this, hidden = false, view = this.map.getBounds();
    this.ids.forEach(function (id) {
      var item = self.items[id];
      if (!item.visible) return;
      var b = item.bounds || (item.shape.getBounds ? item.shape.getBounds() : L.latLngBounds([item.latlng, item.latlng]));
      bounds.extend(b);
      if (!view.contains(b)) hidden = true;
    });
    if (bounds.isValid() && (hidden || always)) this.map.fitBounds(bounds, { padding: [40, 40], maxZoom: 8 });
  };

  /* Bring a place into view: pan to a port, fit a corridor, zoom to a zone until its footprint shows. */
  Explorer.prototype.reveal = function (id) {
    var item = this.items[id], map = this.map;
    if (!item || !item.visible) return;
    if (item.layer === "zones") {
      map.flyToBounds(item.bounds, { maxZoom: 11, padding: [40, 40], duration: 0.6 });
    } else if (item.shape.getBounds) {
      if (!map.getBounds().contains(item.shape.getBounds())) map.fitBounds(item.shape.getBounds(), { padding: [30, 30] });
    } else if (!map.getBounds().pad(-0.1).contains(item.latlng)) {
      map.panTo(item.latlng);
    }
  };

  /* ---- View: centre, zoom and which layers are on ----------------------------------------------------- */

  /* The opening view: Xinjiang and everything drawn, clear of the legend when it is open. */
  Explorer.prototype.frame = function () {
    if (!this.opts.bounds) return;
    var right = 12;
    if (this.legendNode && this.legendNode.open) right += this.legendNode.offsetWidth;
    this.map.fitBounds(this.opts.bounds, { paddingTopLeft: [12, 12], paddingBottomRight: [right, 12], animate: false });
  };

  Explorer.prototype.view = function () {
    var map = this.map, c = this._restAt || map.getCenter(), groups = this.opts.groups, on = [];
    Object.keys(groups).forEach(function (name) {
      if (groups[name] && map.hasLayer(groups[name])) on.push(name);
    });
    return { at: [Number(c.lat.toFixed(4)), Number(c.lng.toFixed(4)), map.getZoom()], layers: on };
  };

  Explorer.prototype.setView = function (view) {
    var map = this.map, groups = this.opts.groups;
    if (view.layers) {
      Object.keys(groups).forEach(function (name) {
        var group = groups[name];
        // An uploaded layer lives in one session, so no link or command names it: only its own switch does.
        if (!group || name === "upload") return;
        var want = view.layers.indexOf(name) >= 0;
        if (want && !map.hasLayer(group)) map.addLayer(group);
        if (!want && map.hasLayer(group)) map.removeLayer(group);
      });
      this._legendLayers();
    }
    if (view.at) map.setView([view.at[0], view.at[1]], view.at[2], { animate: false });
  };

  /* ---- Legend: folds away; folded by default on narrow screens ---------------------------------------- */

  Explorer.prototype._legend = function () {
    if (!this.opts.legend) return;
    var self = this;
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var details = el("details", "xj-legend");
      var summary = el("summary", null, "Legend");
      details.appendChild(summary);
      var body = el("div", "xj-legend-body");
      body.innerHTML = self.opts.legend; // built on the server from settings, every data text escaped
      // It scrolls when the map is short (_legendRoom): keyboard users reach it to scroll it.
      body.tabIndex = 0;
      body.setAttribute("role", "group");
      body.setAttribute("aria-label", "Legend");
      details.appendChild(body);
      details.addEventListener("toggle", function () { self.controlBoxes = null; self._placeLabels(); });
      // Escape folds it from its summary or its body and gives the focus back to the summary, as a filter list
      // and the layers list close. Kept from the map's own Escape, so an open popup waits for the next press.
      details.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !details.open) return;
        event.preventDefault();
        event.stopPropagation();
        details.open = false;
        details.dataset.touched = "1"; // folded by the viewer: a resize does not unfold it (_foldLegend)
        summary.focus();
      });
      L.DomEvent.disableClickPropagation(details);
      L.DomEvent.disableScrollPropagation(details);
      self.legendNode = details;
      return details;
    };
    control.addTo(this.map);
    this._foldLegend(true);
    this._legendLayers();
    // The legend's room changes when the map's box or the controls above it (layers, "Size by") change size,
    // which the filters never cause: watched here, it need not be measured at each filter.
    if (window.ResizeObserver) {
      var corner = this.map._controlCorners && this.map._controlCorners.topright;
      var watch = new ResizeObserver(function () { self._legendRoom(); });
      watch.observe(this.container);
      if (corner) watch.observe(corner);
    }
  };

  /* The legend's lines about a past year show only while one is chosen, naming it. */
  Explorer.prototype._legendYear = function () {
    if (!this.legendNode) return;
    var year = this.year === null || this.year === undefined ? null : String(this.year);
    this.legendNode.querySelectorAll("[data-xj-year-only]").forEach(function (node) { node.hidden = year === null; });
    this.legendNode.querySelectorAll("[data-xj-year-label]").forEach(function (node) { node.textContent = year || ""; });
  };

  /* The legend explains what the map draws: a layer switched off, or one the filters leave empty (a search that
     matches nothing left the whole legend over an empty map), loses its part, and so does each symbol none of
     the drawn places has (with Rail chosen, "road" and "air"); the borders' part stays. */
  Explorer.prototype._legendLayers = function () {
    if (!this.legendNode) return;
    var map = this.map, groups = this.opts.groups, shown = this.shownNow, seen = this.legendSeen;
    this.legendNode.querySelectorAll("[data-xj-layer]").forEach(function (section) {
      var name = section.dataset.xjLayer, group = groups[name];
      var hide = (Boolean(group) && !map.hasLayer(group)) || Boolean(shown && shown[name] === 0);
      if (section.hidden !== hide) section.hidden = hide;
    });
    if (!seen) return;
    this.legendNode.querySelectorAll("[data-xj-shows]").forEach(function (node) {
      var key = node.dataset.xjShows, family = key.slice(0, key.lastIndexOf(" "));
      // A kind of symbol no place says it has (no state where there is no timeline) is never hidden.
      var hide = Boolean(seen[family]) && !seen[key];
      if (node.hidden !== hide) node.hidden = hide;
    });
  };

  /* The legend's body is never taller than the map leaves below the controls at its top right (layers, year,
     "Size by"): the rest scrolls, so the legend never covers them. */
  Explorer.prototype._legendRoom = function () {
    if (!this.legendNode) return;
    var corner = this.map._controlCorners && this.map._controlCorners.topright;
    var above = corner ? corner.offsetHeight : 60;
    // The container's own height: Leaflet's cached size may lag a page that resized it without telling it.
    var height = this.container.clientHeight || this.map.getSize().y;
    this.legendNode.querySelector(".xj-legend-body").style.maxHeight = Math.max(120, height - above - 60) + "px";
  };

  Explorer.prototype._foldLegend = function (first) {
    if (!this.legendNode) return;
    this._legendRoom();
    if (!first && this.legendNode.dataset.touched) return;
    this.legendNode.open = this.map.getSize().x >= this.opts.legendOpenMinPx;
    var node = this.legendNode;
    node.querySelector("summary").addEventListener("click", function () { node.dataset.touched = "1"; });
  };

  /* ---- Many ports as one compact payload on a canvas (large layers) ----------------------------------- */

  /* The canvas the compact ports share, which can be asked to redraw whole, once, at the next frame; and a
     compact port, which a filter hides: neither drawn nor found under the pointer. Made on first use, once
     Leaflet is there. */
  var Compact = null;
  function compactClasses() {
    if (Compact) return Compact;
    var Canvas = L.Canvas.extend({
      xjRedrawAll: function () {
        if (!this._map) return;
        this.xjAll = true;
        this._redrawRequest = this._redrawRequest || L.Util.requestAnimFrame(this._redraw, this);
      },
      _redraw: function () {
        if (this.xjAll) {
          this.xjAll = false;
          this._redrawBounds = null; // the whole canvas, not only where single markers changed
        }
        L.Canvas.prototype._redraw.call(this);
      },
    });
    var Port = L.CircleMarker.extend({
      xjHide: function (hidden) {
        if (Boolean(this.xjHidden) === hidden) return;
        this.xjHidden = hidden;
        if (this._renderer && this._renderer.xjRedrawAll) this._renderer.xjRedrawAll();
      },
      _updatePath: function () {
        if (!this.xjHidden) L.CircleMarker.prototype._updatePath.call(this);
      },
      _containsPoint: function (p) {
        return !this.xjHidden && L.CircleMarker.prototype._containsPoint.call(this, p);
      },
    });
    Compact = { Canvas: Canvas, Port: Port };
    return Compact;
  }

  XJMap.compactPorts = function (group, d) {
    var classes = compactClasses(), renderer = new classes.Canvas({ padding: 0.2 });
    var lists = d.lists;
    for (var i = 0; i < d.lat.length; i++) {
      var props = {
        id: d.ids[i],
        xj: { modes: lists.modes[d.group[i]], kind: lists.kinds[d.kind[i]], country: lists.countries[d.country[i]],
              status: lists.statuses[d.status[i]] },
        search: d.search[i],
      };
      group.addLayer(new classes.Port([d.lat[i], d.lon[i]], {
        renderer: renderer, radius: 5, weight: 1, color: "#ffffff", fillColor: d.colours[d.group[i]],
        fillOpacity: 0.9, xjProps: props, xjIndex: i,
      }));
    }
    group.on("mouseover", function (e) {
      var marker = e.layer;
      // A node, not a string: Leaflet would insert a string as HTML.
      if (!marker.getTooltip()) marker.bindTooltip(el("span", null, d.names[marker.options.xjIndex]));
      marker.openTooltip();
    });
    group.on("click", function (e) {
      var i = e.layer.options.xjIndex;
      var box = el("div", "xj-popup");
      box.appendChild(el("h2", null, d.names[i]));
      box.appendChild(el("div", "xj-sub", d.subtitles[d.group[i]] + " · " + lists.kinds[d.kind[i]] + " · " + lists.statuses[d.status[i]]));
      box.appendChild(el("p", "xj-none", "Select it in the table below for figures and sources."));
      L.popup().setLatLng(e.layer.getLatLng()).setContent(box).openOn(e.target._map);
    });
    return group;
  };
})();
