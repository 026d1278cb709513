/* The map as it is now, as a PNG: base, symbols and names, a title above, and the legend as a key, the source
   line and the date below, drawn onto a canvas in the browser (no network, no library). Loaded after xjmap.js,
   by the app and the standalone export alike; every explorer gets a "PNG" button. Popups and tooltips are not
   drawn. */
(function () {
  "use strict";
  var XJMap = window.XJMap;
  if (!XJMap || XJMap.snapshot) return;

  var HEADER = 58, PAD = 12, FOOT_LINE = 15;

  function loadImage(src) {
    return new Promise(function (resolve, reject) {
      var img = new Image();
      img.onload = function () { resolve(img); };
      img.onerror = function () { reject(new Error("an image of the map could not be read")); };
      img.src = src;
    });
  }

  function rectIn(node, origin) {
    var r = node.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
  }

  function fontOf(style) {
    return [style.fontStyle, style.fontWeight, style.fontSize, style.fontFamily].join(" ");
  }

  /* An SVG renderer's paths as an image: the element serialised as it stands, its position dropped. */
  function svgImage(svg) {
    var r = svg.getBoundingClientRect(), copy = svg.cloneNode(true);
    copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    copy.setAttribute("width", r.width);
    copy.setAttribute("height", r.height);
    copy.style.transform = "";
    var xml = new XMLSerializer().serializeToString(copy);
    return loadImage("data:image/svg+xml;charset=utf-8," + encodeURIComponent(xml));
  }

  /* One pane's content, in the order the page paints it. */
  function pieces(pane, origin) {
    var out = [];
    pane.querySelectorAll("img, svg, canvas, .xj-zone-symbol, .xj-label").forEach(function (node) {
      if (node.closest("svg") !== null && node.tagName.toLowerCase() !== "svg") return;
      var style = getComputedStyle(node);
      if (style.visibility === "hidden" || style.display === "none") return;
      var box = rectIn(node, origin);
      if (box.w === 0 || box.h === 0) return;
      var tag = node.tagName.toLowerCase();
      if (tag === "svg") out.push(svgImage(node).then(function (img) { return { img: img, box: box }; }));
      else if (tag === "img") out.push(Promise.resolve(node.complete && node.naturalWidth ? { img: node, box: box, style: style } : null));
      else if (tag === "canvas") out.push(Promise.resolve({ img: node, box: box }));
      else if (node.classList.contains("xj-zone-symbol")) out.push(Promise.resolve({ square: style, box: box }));
      else out.push(Promise.resolve({ label: node, style: style }));
    });
    return out;
  }

  function drawLabel(ctx, node, origin) {
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT), text;
    while ((text = walker.nextNode())) {
      if (!text.nodeValue.trim()) continue;
      var range = document.createRange();
      range.selectNodeContents(text);
      var r = rectIn(range, origin), style = getComputedStyle(text.parentElement);
      ctx.save();
      ctx.globalAlpha = Number(getComputedStyle(node).opacity) || 1;
      ctx.font = fontOf(style);
      ctx.fontVariantCaps = style.fontVariantCaps || "normal";
      ctx.letterSpacing = style.letterSpacing === "normal" ? "0px" : style.letterSpacing;
      ctx.textBaseline = "middle";
      ctx.lineJoin = "round";
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.lineWidth = 3;
      ctx.strokeText(text.nodeValue, r.x, r.y + r.h / 2);
      ctx.fillStyle = style.color;
      ctx.fillText(text.nodeValue, r.x, r.y + r.h / 2);
      ctx.restore();
    }
  }

  function drawPiece(ctx, piece, origin) {
    if (!piece) return;
    var b = piece.box;
    if (piece.img) {
      ctx.save();
      if (piece.style) ctx.globalAlpha = Number(piece.style.opacity) || 1;
      ctx.drawImage(piece.img, b.x, b.y, b.w, b.h);
      ctx.restore();
    } else if (piece.square) {
      ctx.fillStyle = "#333333";
      ctx.fillRect(b.x - 1, b.y - 1, b.w + 2, b.h + 2);
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(b.x, b.y, b.w, b.h);
      ctx.fillStyle = piece.square.backgroundColor;
      ctx.fillRect(b.x + 2, b.y + 2, b.w - 4, b.h - 4);
    } else if (piece.label) {
      drawLabel(ctx, piece.label, origin);
    }
  }

  var KEY_LINE = 17, KEY_SWATCH = 22, KEY_GAP = 18;

  /* The legend's shown sections as rows of a key: a section's title, then its items with their swatches. */
  function keyRows(explorer, ctx) {
    var node = explorer.legendNode, rows = [];
    if (!node) return rows;
    [].slice.call(node.querySelectorAll(".xj-legend-body [data-xj-layer]")).forEach(function (section) {
      if (section.hidden) return;
      var title = section.querySelector("b");
      rows.push({ title: title ? title.textContent : "" });
      section.querySelectorAll(".xj-item").forEach(function (item) {
        if (item.closest("[hidden]")) return; // a line about a past year, while none is chosen
        var swatch = item.querySelector("i");
        rows.push({ text: item.textContent, swatch: swatch.className, style: getComputedStyle(swatch) });
      });
    });
    rows.forEach(function (row) {
      ctx.font = row.title ? "bold 12px system-ui, sans-serif" : "12px system-ui, sans-serif";
      row.width = ctx.measureText(row.title || row.text).width + (row.title ? 0 : KEY_SWATCH);
    });
    return rows;
  }

  /* The key's columns under the map: the whole legend, whether or not it is open on screen, and never over
     the map (a panel on the map hid most of a phone's map and the ports at a desktop's right edge). */
  function keyLayout(rows, width) {
    if (!rows.length) return { columns: [], width: 0, height: 0 };
    var layout = XJCore.keyColumns(rows, width - 2 * PAD, KEY_GAP);
    var tallest = Math.max.apply(null, layout.columns.map(function (c) { return c.length; }));
    layout.height = tallest * KEY_LINE + PAD;
    return layout;
  }

  /* "Size by"'s key, when the ports are sized: its title and period, the reference circles at the sizes the map
     draws them, each with its value, and how many ports are drawn small for want of a figure (wrapped to the
     width). A block above the columns: its circles are taller than a row. Null when nothing is sized. */
  function sizeBlock(explorer, scratch, width) {
    var node = explorer.container.querySelector(".xj-size-legend");
    if (!node || node.hidden || !explorer.size) return null;
    var text = function (sel) { var n = node.querySelector(sel); return n ? n.textContent : ""; };
    var refs = [].slice.call(node.querySelectorAll(".xj-size-ref")).map(function (row) {
      var circle = row.querySelector(".xj-size-circle"), style = getComputedStyle(circle);
      return { r: circle.getBoundingClientRect().width / 2, label: row.textContent, style: style };
    });
    var tallest = Math.max.apply(null, refs.map(function (ref) { return 2 * ref.r; }).concat([0]));
    scratch.font = "11px system-ui, sans-serif";
    var note = text(".xj-size-none"), lines = note ? wrap(scratch, note, width - 2 * PAD - 14) : [];
    var height = 2 * KEY_LINE + tallest + 6 + lines.length * 14 + PAD;
    return {
      height: height,
      draw: function (ctx, top) {
        ctx.save();
        ctx.textBaseline = "middle";
        ctx.fillStyle = "#222222";
        ctx.font = "bold 12px system-ui, sans-serif";
        ctx.fillText(text(".xj-size-title"), PAD, top + KEY_LINE / 2);
        ctx.fillStyle = "#555555";
        ctx.font = "11px system-ui, sans-serif";
        ctx.fillText(text(".xj-size-period"), PAD, top + KEY_LINE * 1.5);
        var x = PAD, base = top + 2 * KEY_LINE + tallest + 2;
        refs.forEach(function (ref) {
          ctx.beginPath();
          ctx.arc(x + ref.r, base - ref.r, ref.r, 0, 2 * Math.PI);
          ctx.fillStyle = ref.style.backgroundColor;
          ctx.fill();
          ctx.strokeStyle = ref.style.borderTopColor;
          ctx.lineWidth = 1;
          ctx.stroke();
          ctx.fillStyle = "#222222";
          ctx.font = "12px system-ui, sans-serif";
          ctx.fillText(ref.label, x + 2 * ref.r + 4, base - ref.r);
          x += 2 * ref.r + 4 + ctx.measureText(ref.label).width + KEY_GAP;
        });
        ctx.font = "11px system-ui, sans-serif";
        lines.forEach(function (line, n) {
          var cy = base + 4 + 7 + n * 14;
          if (n === 0) {
            ctx.beginPath();
            ctx.arc(PAD + 4, cy, 4, 0, 2 * Math.PI);
            ctx.fillStyle = "#777777";
            ctx.fill();
          }
          ctx.fillStyle = "#555555";
          ctx.fillText(line, PAD + 14, cy);
        });
        ctx.restore();
      },
    };
  }

  function drawKey(ctx, rows, layout, top) {
    ctx.save();
    ctx.textBaseline = "middle";
    layout.columns.forEach(function (column, c) {
      var cx = PAD + c * (layout.width + KEY_GAP);
      column.forEach(function (index, n) {
        var row = rows[index], cy = top + n * KEY_LINE + KEY_LINE / 2;
        ctx.fillStyle = "#222222";
        if (row.title) {
          ctx.font = "bold 12px system-ui, sans-serif";
          ctx.fillText(row.title, cx, cy);
          return;
        }
        drawSwatch(ctx, row.style, row.swatch.indexOf("xj-square") < 0, cx, cy);
        ctx.fillStyle = "#222222";
        ctx.font = "12px system-ui, sans-serif";
        ctx.fillText(row.text, cx + KEY_SWATCH, cy);
      });
    });
    ctx.restore();
  }

  /* A legend swatch as its CSS draws it: a line (a top border alone: corridors, borders), or a
     circle or square with its fill and its border, dashed where the CSS dashes it (the halo). */
  function drawSwatch(ctx, s, round, cx, cy) {
    var border = parseFloat(s.borderTopWidth) || 0, dashed = s.borderTopStyle === "dashed";
    ctx.setLineDash(dashed ? [3, 2] : []);
    if (border && !parseFloat(s.borderBottomWidth)) { // a top border alone: a line
      ctx.strokeStyle = s.borderTopColor;
      ctx.lineWidth = Math.max(2, Math.min(border, 3));
      ctx.beginPath();
      ctx.moveTo(cx, cy);
      ctx.lineTo(cx + 16, cy);
      ctx.stroke();
    } else {
      var size = Math.min(parseFloat(s.width) || 12, 14);
      ctx.beginPath();
      if (round) ctx.arc(cx + 8, cy, size / 2, 0, 2 * Math.PI);
      else ctx.rect(cx + 8 - size / 2, cy - size / 2, size, size);
      ctx.fillStyle = s.backgroundColor;
      ctx.fill();
      var ring = s.boxShadow && s.boxShadow !== "none" ? s.boxShadow.match(/rgba?\([^)]*\)/) : null;
      if (border || ring) {
        ctx.strokeStyle = border && !ring ? s.borderTopColor : ring[0];
        ctx.lineWidth = 1;
        ctx.stroke();
      }
    }
    ctx.setLineDash([]);
  }

  function wrap(ctx, text, width) {
    var lines = [], line = "";
    text.split(" ").forEach(function (word) {
      var next = line ? line + " " + word : word;
      if (line && ctx.measureText(next).width > width) { lines.push(line); line = word; } else line = next;
    });
    if (line) lines.push(line);
    return lines;
  }

  /* What the map shows, in words: the filters chosen, the search, the period and the counts. */
  function describe(explorer) {
    var filters = explorer.filters || {}, parts = [];
    Object.keys(filters).forEach(function (name) {
      if (filters[name] && filters[name].length) parts.push(name.replace(/_/g, " ") + ": " + filters[name].join(", "));
    });
    if (explorer.query) parts.push("matching \u201c" + explorer.query + "\u201d");
    if (explorer.period && explorer.period.label) parts.push("figures for " + explorer.period.label);
    if (explorer.year != null) parts.push("places as they stood in " + explorer.year);
    var counts = explorer.counts ? explorer.counts() : {};
    var shown = ["ports", "corridors", "zones"].filter(function (l) { return l in counts; }).map(function (l) {
      return counts[l] + " " + (counts[l] === 1 ? l.slice(0, -1) : l); // "1 port", not "1 ports"
    });
    // Sizing is how the ports are drawn, not which: it follows the counts, not the filters.
    var sized = explorer.size ? "; ports sized by " + explorer.size.label + ", " + explorer.size.period : "";
    return (parts.length ? "Filters: " + parts.join("; ") + ". " : "") + "Drawn: " + shown.join(", ") + sized + ".";
  }

  /* The map as it is now on a canvas, with a title above and the key, sources and date below. */
  XJMap.describeView = describe; // the PNG's line under its title, for the tests to read
  XJMap.snapshotMapTop = HEADER; // where the map starts in the PNG, for the tests to read

  XJMap.snapshot = function (explorer, options) {
    options = options || {};
    var container = explorer.map.getContainer(), origin = container.getBoundingClientRect();
    var width = Math.round(origin.width), height = Math.round(origin.height);
    var panes = [].slice.call(container.querySelectorAll(".leaflet-map-pane .leaflet-pane"))
      .filter(function (p) { return !/leaflet-(popup|tooltip|marker-shadow)-pane/.test(p.className); })
      .sort(function (a, b) { return (Number(getComputedStyle(a).zIndex) || 0) - (Number(getComputedStyle(b).zIndex) || 0); });
    var work = [];
    panes.forEach(function (pane) { work = work.concat(pieces(pane, origin)); });
    return Promise.all(work).then(function (drawn) {
      var scratch = document.createElement("canvas").getContext("2d");
      scratch.font = "12px system-ui, sans-serif";
      var source = (options.source || "") + " Made " + new Date().toISOString().slice(0, 10) + ".";
      var foot = wrap(scratch, source, width - 2 * PAD);
      var rows = keyRows(explorer, scratch), key = keyLayout(rows, width), sized = sizeBlock(explorer, scratch, width);
      var sizedHeight = sized ? sized.height : 0;
      var below = HEADER + height + (key.height || sized ? PAD + sizedHeight + key.height : 0);
      var canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = below + foot.length * FOOT_LINE + 2 * PAD;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = "#222222";
      ctx.textBaseline = "top";
      ctx.font = "bold 17px system-ui, sans-serif";
      ctx.fillText(options.title || document.title, PAD, 10, width - 2 * PAD);
      ctx.font = "12px system-ui, sans-serif";
      ctx.fillStyle = "#555555";
      ctx.fillText(describe(explorer), PAD, 34, width - 2 * PAD);
      ctx.save();
      ctx.translate(0, HEADER);
      ctx.beginPath();
      ctx.rect(0, 0, width, height);
      ctx.clip();
      ctx.fillStyle = getComputedStyle(container).backgroundColor;
      ctx.fillRect(0, 0, width, height);
      drawn.forEach(function (piece) { drawPiece(ctx, piece, origin); });
      ctx.restore();
      if (sized) sized.draw(ctx, HEADER + height + PAD);
      drawKey(ctx, rows, key, HEADER + height + PAD + sizedHeight);
      ctx.fillStyle = "#444444";
      ctx.font = "12px system-ui, sans-serif";
      foot.forEach(function (line, n) { ctx.fillText(line, PAD, below + PAD + n * FOOT_LINE); });
      return canvas;
    });
  };

  function sourceLine(explorer) {
    var credit = explorer.legendNode && explorer.legendNode.querySelector(".xj-credit");
    return "Sources: every figure from a cited news article, every position from a cited public reference " +
      "(the project's sources.csv and references.csv)." + (credit ? " Base map: " + credit.textContent + "." : "");
  }

  function titleOf() {
    var heading = document.querySelector("body.xj-export > header h1, .xj-header h1"); // the export's, the app's
    return heading ? heading.textContent : "";
  }

  /* A "PNG" button on the map: the file is drawn when pressed and saved as a download. */
  XJMap.snapshotButton = function (explorer) {
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var bar = L.DomUtil.create("div", "leaflet-bar xj-snapshot");
      var link = L.DomUtil.create("a", "", bar);
      link.href = "#";
      link.textContent = "PNG";
      link.title = "Save the map as it is now as a PNG image";
      link.setAttribute("role", "button");
      link.style.cssText = "width:auto;padding:0 6px;font:bold 11px/30px system-ui,sans-serif";
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(link, "click", function (event) {
        L.DomEvent.preventDefault(event);
        link.setAttribute("aria-busy", "true");
        XJMap.snapshot(explorer, { title: titleOf(), source: sourceLine(explorer) })
          .then(function (canvas) {
            canvas.toBlob(function (blob) {
              var a = document.createElement("a");
              a.href = URL.createObjectURL(blob);
              a.download = "xinjiang-map-" + new Date().toISOString().slice(0, 10) + ".png";
              document.body.appendChild(a);
              a.click();
              a.remove();
              setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
              link.removeAttribute("aria-busy");
            }, "image/png");
          })
          .catch(function (error) {
            link.removeAttribute("aria-busy");
            link.title = "The image could not be made: " + error.message;
          });
      });
      return bar;
    };
    control.addTo(explorer.map);
  };

  // Every explorer made from now on gets the button (the app's map and the standalone export alike).
  var explore = XJMap.explore;
  XJMap.explore = function (map, opts) {
    var explorer = explore(map, opts);
    XJMap.snapshotButton(explorer);
    return explorer;
  };
})();
