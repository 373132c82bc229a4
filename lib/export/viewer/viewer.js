// actorgraph viewer: draws the graph of the page's "actorgraph-data" element on a canvas
// with D3 v3's force layout, and shows a node's attributes, events and evidence sentences.
// All text from the data reaches the page through textContent, never as markup.
(function () {
  "use strict";

  var D = JSON.parse(document.getElementById("actorgraph-data").textContent);
  var canvas = document.getElementById("graph");
  var ctx = canvas.getContext("2d");
  var stage = document.getElementById("stage");
  var tooltip = document.getElementById("tooltip");
  var details = document.getElementById("details");

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "class") e.className = attrs[k];
      else if (k === "style") e.style.cssText = attrs[k];
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) {
      if (c == null) return;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }

  // ---- the model ------------------------------------------------------------------------
  var colours = {};
  D.kinds.forEach(function (k) { colours[k.kind] = k.colour; });
  function colourOf(kind) { return colours[kind] || colours.other; }

  var nodes = D.nodes.map(function (n, i) {
    n.index0 = i;
    n.isEvent = n.kind === "event";
    n.out = [];
    n.inc = [];
    n.key = fold(n.label + " " + n.id + " " + n.entity_id);
    return n;
  });
  var byEntity = {};
  nodes.forEach(function (n) { if (n.entity_id && !(n.entity_id in byEntity)) byEntity[n.entity_id] = n; });
  var edges = D.edges.map(function (e) {
    var l = { id: e.id, data: e, source: nodes[e.source], target: nodes[e.target], weight: e.weight };
    l.source.out.push(l);
    l.target.inc.push(l);
    return l;
  });
  var isProjection = D.graph.projection === "actors";

  function fold(s) {
    s = String(s).toLowerCase();
    return s.normalize ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }
  // A model date as a comparable full date: "2021-02" -> "2021-02-01".
  function fullDate(d) {
    if (/^\d{4}$/.test(d)) return d + "-01-01";
    if (/^\d{4}-\d{2}$/.test(d)) return d + "-01";
    return d;
  }
  function participantsOf(ev) {
    return ev.inc.filter(function (l) { return l.data.relation === "participant_of"; })
      .map(function (l) { return { node: l.source, role: l.data.role }; });
  }
  function eventsOf(actor) {
    return actor.out.filter(function (l) { return l.data.relation === "participant_of" && l.target.isEvent; })
      .map(function (l) { return { node: l.target, role: l.data.role }; })
      .sort(function (a, b) { return a.node.date < b.node.date ? -1 : a.node.date > b.node.date ? 1 : 0; });
  }

  // ---- controls ---------------------------------------------------------------------------
  var state = {
    kinds: {}, types: {}, sizeBy: "mentions", projection: isProjection, dateIndex: 0,
    query: "", matches: [], hover: null, selected: null
  };
  var kindCount = {}, typeCount = {};
  nodes.forEach(function (n) {
    kindCount[n.kind] = (kindCount[n.kind] || 0) + 1;
    if (n.isEvent) typeCount[n.event_type || "(none)"] = (typeCount[n.event_type || "(none)"] || 0) + 1;
  });
  var kindOrder = D.kinds.map(function (k) { return k.kind; });
  var kindsPresent = Object.keys(kindCount).sort(function (a, b) {
    var ia = kindOrder.indexOf(a), ib = kindOrder.indexOf(b);
    ia = ia < 0 ? 99 : ia; ib = ib < 0 ? 99 : ib;
    return ia - ib || (a < b ? -1 : a > b ? 1 : 0);
  });
  kindsPresent.forEach(function (k) { state.kinds[k] = true; });
  Object.keys(typeCount).forEach(function (t) { state.types[t] = true; });

  function legend() {
    var box = $("legend-kinds");
    box.textContent = "";
    box.appendChild(el("h2", { text: "Kinds" }));
    kindsPresent.forEach(function (k) {
      var cb = el("input", { type: "checkbox", "data-kind": k });
      cb.checked = state.kinds[k];
      cb.addEventListener("change", function () { state.kinds[k] = cb.checked; rebuild(); });
      box.appendChild(el("label", null, [cb,
        el("span", { class: "swatch" + (k === "event" ? " event" : ""), style: "background:" + colourOf(k) }),
        el("span", { dir: "auto", text: k }), el("span", { class: "n", text: String(kindCount[k]) })]));
    });
    var types = Object.keys(typeCount).sort();
    var tbox = $("legend-types");
    tbox.textContent = "";
    if (!types.length) return;
    tbox.appendChild(el("h2", { text: "Event types" }));
    types.forEach(function (t) {
      var cb = el("input", { type: "checkbox", "data-type": t });
      cb.checked = state.types[t];
      cb.addEventListener("change", function () { state.types[t] = cb.checked; rebuild(); });
      tbox.appendChild(el("label", null, [cb, el("span", { dir: "auto", text: t }),
        el("span", { class: "n", text: String(typeCount[t]) })]));
    });
  }

  // Dates of the events, for the slider: position i shows events dated up to dates[i];
  // the last position ("all") also shows undated events.
  var dates = [];
  (function () {
    var seen = {};
    nodes.forEach(function (n) { if (n.isEvent && n.date && !seen[fullDate(n.date)]) { seen[fullDate(n.date)] = 1; dates.push(fullDate(n.date)); } });
    dates.sort();
  })();
  var slider = $("date");
  slider.max = String(dates.length);
  slider.value = String(dates.length);
  state.dateIndex = dates.length;
  if (!dates.length) { slider.disabled = true; $("date-control").classList.add("disabled"); }
  function dateLabel() { $("date-label").textContent = state.dateIndex >= dates.length ? "all" : dates[state.dateIndex]; }
  slider.addEventListener("input", function () { state.dateIndex = +slider.value; dateLabel(); rebuild(); });
  dateLabel();

  var projectionBox = $("projection");
  projectionBox.checked = state.projection;
  if (isProjection) { projectionBox.disabled = true; $("projection-control").title = "This graph is already the actor projection"; }
  projectionBox.addEventListener("change", function () { state.projection = projectionBox.checked; rebuild(); });
  $("size-by").addEventListener("change", function () { state.sizeBy = this.value; sizes(); draw(); });
  $("generator").textContent = D.graph.generator || "actorgraph";
  $("d3-version").textContent = "D3 " + d3.version;

  var search = $("search");
  search.addEventListener("input", function () { setQuery(search.value); });
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && state.matches.length) { select(state.matches[0]); centreOn(state.matches[0]); }
    if (e.key === "Escape") { search.value = ""; setQuery(""); }
  });
  function setQuery(q) {
    state.query = fold(q.trim());
    state.matches = state.query ? view.nodes.filter(function (n) { return n.key.indexOf(state.query) >= 0; }) : [];
    counts();
    draw();
  }

  // ---- the visible graph ------------------------------------------------------------------
  var view = { nodes: [], links: [] };
  function eventVisible(n) {
    if (!state.kinds.event || !state.types[n.event_type || "(none)"]) return false;
    if (state.dateIndex >= dates.length) return true;
    return !!n.date && fullDate(n.date) <= dates[state.dateIndex];
  }
  function rebuild() {
    var visible = function (n) { return n.isEvent ? eventVisible(n) : !!state.kinds[n.kind]; };
    var ns, ls = [];
    if (state.projection && !isProjection) {
      // Actors only: co_participant links weighted by the visible events they share.
      ns = nodes.filter(function (n) { return !n.isEvent && state.kinds[n.kind]; });
      var pairs = {};
      nodes.forEach(function (ev) {
        if (!ev.isEvent || !eventVisible(ev)) return;
        var ps = participantsOf(ev).map(function (p) { return p.node; }).filter(function (p) { return state.kinds[p.kind]; });
        for (var i = 0; i < ps.length; i++) for (var j = i + 1; j < ps.length; j++) {
          var a = ps[i], b = ps[j];
          if (a === b) continue;
          var key = a.index0 < b.index0 ? a.index0 + " " + b.index0 : b.index0 + " " + a.index0;
          var p = pairs[key] || (pairs[key] = { source: a.index0 < b.index0 ? a : b, target: a.index0 < b.index0 ? b : a, weight: 0, events: [] });
          p.weight += 1;
          p.events.push(ev);
        }
      });
      Object.keys(pairs).forEach(function (k) {
        var p = pairs[k];
        ls.push({ source: p.source, target: p.target, weight: p.weight, data: { relation: "co_participant", role: "" }, events: p.events });
      });
      edges.forEach(function (l) {
        if (!l.source.isEvent && !l.target.isEvent && state.kinds[l.source.kind] && state.kinds[l.target.kind]) ls.push(l);
      });
    } else {
      ns = nodes.filter(visible);
      ls = edges.filter(function (l) { return visible(l.source) && visible(l.target); });
    }
    ns.forEach(function (n, i) { n.index = i; });
    view.nodes = ns;
    view.links = ls.filter(function (l) { return l.source !== l.target; });
    view.degree = {};
    view.links.forEach(function (l) {
      view.degree[l.source.index0] = (view.degree[l.source.index0] || 0) + 1;
      view.degree[l.target.index0] = (view.degree[l.target.index0] || 0) + 1;
    });
    if (state.selected && ns.indexOf(state.selected) < 0) state.selected = null;
    sizes();
    setQuery(search.value);
    layout();
  }

  function sizes() {
    view.nodes.forEach(function (n) {
      var v = state.sizeBy === "degree" ? n.degree : n.mentions;
      v = isFinite(v) && v > 0 ? v : 0;
      n.r = Math.min(28, 3.5 + 2.2 * Math.sqrt(v));
    });
  }

  function counts() {
    var text = view.nodes.length + " of " + nodes.length + " nodes, " + view.links.length + " links" +
      (state.projection && !isProjection ? " (actor projection)" : " of " + edges.length);
    if (state.query) text += "; " + state.matches.length + " match" + (state.matches.length === 1 ? "" : "es");
    $("counts").textContent = text;
  }

  // ---- layout -----------------------------------------------------------------------------
  var width = 0, height = 0, dpr = 1;
  var force = d3.layout.force()
    .charge(function (n) { return -30 - 6 * n.r; })
    .linkDistance(function (l) { return l.source.isEvent || l.target.isEvent ? 26 : 40; })
    .linkStrength(0.7)
    .gravity(0.06)
    .friction(0.85)
    .theta(0.9);
  var userMoved = false, settled = false;
  // A deterministic start: a sunflower spiral in node order.
  nodes.forEach(function (n, i) {
    var a = i * 2.399963, r = 9 * Math.sqrt(i + 0.5);
    n.x = r * Math.cos(a);
    n.y = r * Math.sin(a);
  });
  function layout() {
    force.nodes(view.nodes).links(view.links).size([0, 0]);
    force.start();
    // Settle most of the way before the first drawing, within a time budget.
    var t0 = Date.now();
    while (force.alpha() > 0.02 && Date.now() - t0 < 400) force.tick();
    if (!userMoved) fit();
    draw();
  }
  force.on("tick", function () { if (!userMoved) fit(true); scheduleDraw(); });
  force.on("end", function () { settled = true; if (!userMoved) fit(); draw(); markReady(); });

  // ---- zoom and pan -----------------------------------------------------------------------
  var zoom = d3.behavior.zoom().scaleExtent([0.02, 40]).on("zoom", function () {
    userMoved = true;
    scheduleDraw();
  });
  d3.select(canvas).call(zoom).on("dblclick.zoom", null);
  function transform() { var t = zoom.translate(); return { x: t[0], y: t[1], k: zoom.scale() }; }
  function fit(quiet) {
    if (!view.nodes.length || !width) return;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    view.nodes.forEach(function (n) {
      x0 = Math.min(x0, n.x - n.r); y0 = Math.min(y0, n.y - n.r);
      x1 = Math.max(x1, n.x + n.r); y1 = Math.max(y1, n.y + n.r);
    });
    // Leave the legend's column free when the window is wide enough.
    var legendBox = $("legend"), left = width > 700 ? legendBox.offsetWidth + 20 : 0;
    var pad = 40, w = width - left;
    var k = Math.min((w - 2 * pad) / Math.max(x1 - x0, 1), (height - 2 * pad) / Math.max(y1 - y0, 1), 4);
    k = Math.max(k, 0.02);
    zoom.scale(k).translate([left + w / 2 - k * (x0 + x1) / 2, height / 2 - k * (y0 + y1) / 2]);
    if (!quiet) draw();
  }
  $("fit").addEventListener("click", function () { userMoved = false; fit(); });
  function centreOn(n) {
    var k = Math.max(zoom.scale(), 1.5);
    zoom.scale(k).translate([width / 2 - k * n.x, height / 2 - k * n.y]);
    userMoved = true;
    draw();
  }

  function resize() {
    dpr = window.devicePixelRatio || 1;
    width = stage.clientWidth;
    height = stage.clientHeight;
    canvas.width = Math.max(1, Math.round(width * dpr));
    canvas.height = Math.max(1, Math.round(height * dpr));
    if (!userMoved) fit(true);
    draw();
  }
  window.addEventListener("resize", resize);

  // ---- drawing ----------------------------------------------------------------------------
  var pending = false;
  function scheduleDraw() {
    if (pending) return;
    pending = true;
    (window.requestAnimationFrame || setTimeout)(function () { pending = false; draw(); });
  }
  function neighbours(n) {
    var s = {};
    if (!n) return s;
    view.links.forEach(function (l) {
      if (l.source === n) s[l.target.index0] = 1;
      if (l.target === n) s[l.source.index0] = 1;
    });
    return s;
  }
  function draw() {
    if (!width) return;
    var t = transform();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    var focus = state.selected || state.hover;
    var near = neighbours(focus);
    // Links, batched by width.
    var widths = {};
    view.links.forEach(function (l) {
      var w = l.weight > 1 ? Math.min(6, 1 + Math.log(l.weight) * 1.5) : 1;
      w = Math.round(w * 2) / 2;
      (widths[w] || (widths[w] = [])).push(l);
    });
    Object.keys(widths).forEach(function (w) {
      ctx.beginPath();
      widths[w].forEach(function (l) {
        ctx.moveTo(l.source.x, l.source.y);
        ctx.lineTo(l.target.x, l.target.y);
      });
      ctx.lineWidth = w / t.k;
      ctx.strokeStyle = focus ? "rgba(140,149,159,0.25)" : "rgba(110,119,129,0.45)";
      ctx.stroke();
    });
    if (focus) {
      ctx.beginPath();
      view.links.forEach(function (l) {
        if (l.source === focus || l.target === focus) { ctx.moveTo(l.source.x, l.source.y); ctx.lineTo(l.target.x, l.target.y); }
      });
      ctx.lineWidth = 2 / t.k;
      ctx.strokeStyle = "rgba(9,105,218,0.8)";
      ctx.stroke();
    }
    // Nodes, batched by kind: events as rounded squares, actors as discs.
    var byKind = {};
    view.nodes.forEach(function (n) { (byKind[n.kind] || (byKind[n.kind] = [])).push(n); });
    Object.keys(byKind).forEach(function (kind) {
      ctx.beginPath();
      byKind[kind].forEach(function (n) {
        if (n.isEvent) {
          var s = n.r * 0.9;
          ctx.rect(n.x - s, n.y - s, 2 * s, 2 * s);
        } else {
          ctx.moveTo(n.x + n.r, n.y);
          ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
        }
      });
      ctx.globalAlpha = focus ? 0.55 : 1;
      ctx.fillStyle = colourOf(kind);
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 0.8 / t.k;
      ctx.strokeStyle = "rgba(40,44,52,0.7)";
      ctx.stroke();
    });
    // Rings: search matches (orange), the focus and its neighbours (blue).
    function ring(n, colour, w) {
      ctx.beginPath();
      ctx.arc(n.x, n.y, n.r + 3 / t.k, 0, 2 * Math.PI);
      ctx.lineWidth = w / t.k;
      ctx.strokeStyle = colour;
      ctx.stroke();
    }
    state.matches.forEach(function (n) { ring(n, "#d4760a", 2.5); });
    if (focus) {
      view.nodes.forEach(function (n) {
        if (near[n.index0]) {
          ctx.beginPath();
          if (n.isEvent) { var s = n.r * 0.9; ctx.rect(n.x - s, n.y - s, 2 * s, 2 * s); } else ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
          ctx.fillStyle = colourOf(n.kind);
          ctx.fill();
          ctx.lineWidth = 1 / t.k;
          ctx.strokeStyle = "#0969da";
          ctx.stroke();
        }
      });
      ring(focus, "#0969da", 3);
    }
    labels(t, focus, near);
  }
  // Labels: the focus, its neighbours, search matches, and the largest nodes that have room.
  function labels(t, focus, near) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    var want = [];
    view.nodes.forEach(function (n) {
      var sr = n.r * t.k;
      var prio = n === focus ? 1e9 : near[n.index0] ? 1e8 : state.matches.indexOf(n) >= 0 ? 1e7 : (n.isEvent ? sr * 0.5 : sr);
      if (prio >= 1e7 || sr >= 7) want.push({ n: n, prio: prio });
    });
    want.sort(function (a, b) { return b.prio - a.prio; });
    var placed = [], budget = 160;
    want.forEach(function (w) {
      if (budget <= 0) return;
      var n = w.n, x = n.x * t.k + t.x, y = n.y * t.k + t.y;
      if (x < -50 || y < -20 || x > width + 50 || y > height + 20) return;
      var text = n.isEvent ? (n.event_type + " " + (n.date || "")) : n.label;
      if (text.length > 40) text = text.slice(0, 39) + "\u2026";
      var tw = ctx.measureText(text).width, lx = x + n.r * t.k + 4, box = [lx, y - 8, lx + tw, y + 8];
      if (n !== focus && placed.some(function (b) { return box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]; })) return;
      placed.push(box);
      budget--;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(text, lx, y);
      ctx.fillStyle = n === focus ? "#0a3069" : "#24292f";
      ctx.fillText(text, lx, y);
    });
  }

  // ---- picking, hover and the side panel --------------------------------------------------
  function nodeAt(clientX, clientY) {
    var rect = canvas.getBoundingClientRect(), t = transform();
    var x = (clientX - rect.left - t.x) / t.k, y = (clientY - rect.top - t.y) / t.k;
    var best = null, bestD = Infinity, slack = 4 / t.k;
    view.nodes.forEach(function (n) {
      var dx = n.x - x, dy = n.y - y, d = Math.sqrt(dx * dx + dy * dy) - n.r;
      if (d < slack && d < bestD) { best = n; bestD = d; }
    });
    return best;
  }
  canvas.addEventListener("mousemove", function (e) {
    var n = nodeAt(e.clientX, e.clientY);
    if (n !== state.hover) {
      state.hover = n;
      if (!state.selected) show(n);
      draw();
    }
    if (n) {
      var rect = stage.getBoundingClientRect();
      tooltip.hidden = false;
      tooltip.textContent = "";
      tooltip.appendChild(el("b", { dir: "auto", text: n.label }));
      tooltip.appendChild(document.createTextNode(" \u00b7 " + n.kind));
      tooltip.style.left = Math.min(e.clientX - rect.left + 14, width - 200) + "px";
      tooltip.style.top = (e.clientY - rect.top + 14) + "px";
      canvas.style.cursor = "pointer";
    } else {
      tooltip.hidden = true;
      canvas.style.cursor = "";
    }
  });
  canvas.addEventListener("mouseleave", function () { tooltip.hidden = true; state.hover = null; if (!state.selected) show(null); draw(); });
  canvas.addEventListener("click", function (e) {
    if (d3.event && d3.event.defaultPrevented) return;
    select(nodeAt(e.clientX, e.clientY));
  });
  function select(n) {
    state.selected = n || null;
    show(state.selected);
    draw();
  }

  function nodeLink(n, text) {
    return el("a", { class: "link", dir: "auto", text: text || n.label, "data-id": n.id,
      onclick: function (e) { e.preventDefault(); if (view.nodes.indexOf(n) >= 0) { select(n); centreOn(n); } else select(n); } });
  }
  function placeName(id) { var p = byEntity[id]; return p ? p.label : id; }
  function eventLine(ev, role) {
    var bits = [ev.event_type || "event", ev.date || "undated"];
    if (ev.place) bits.push("in " + placeName(ev.place));
    if (ev.mode) bits.push(ev.mode);
    var li = el("li", { class: "event", "data-id": ev.id }, [nodeLink(ev, bits.join(" \u00b7 "))]);
    if (role) li.appendChild(el("span", { class: "meta", text: " as " + role }));
    li.appendChild(el("div", { class: "meta" }, participantsOf(ev).reduce(function (acc, p, i) {
      if (i) acc.push(", ");
      acc.push(nodeLink(p.node));
      acc.push(" (" + p.role + ")");
      return acc;
    }, ["Participants: "])));
    return li;
  }
  function show(n) {
    details.textContent = "";
    if (!n) {
      details.appendChild(el("p", { class: "hint", text: "Hover over a node to see it; click to keep it here. Drag to pan, scroll to zoom." }));
      return;
    }
    details.appendChild(el("h2", { dir: "auto", text: n.label }));
    details.appendChild(el("span", { class: "kind", style: "background:" + colourOf(n.kind), text: n.kind }));
    var table = el("table", { class: "attrs" });
    var rows = [["id", n.id]];
    D.nodeColumns.forEach(function (c) {
      if (c === "label" || c === "evidence") return;
      var v = n[c];
      if (v === "" || v == null) return;
      if (c === "place") v = placeName(v) + (byEntity[v] ? " (" + n[c] + ")" : "");
      if (typeof v === "number" && !Number.isInteger(v)) v = +v.toPrecision(6);
      rows.push([c, String(v)]);
    });
    rows.forEach(function (r) { table.appendChild(el("tr", null, [el("th", { text: r[0] }), el("td", { dir: "auto", text: r[1] })])); });
    details.appendChild(table);
    if (n.isEvent) {
      var ps = participantsOf(n);
      details.appendChild(el("h3", { text: "Participants (" + ps.length + ")" }));
      details.appendChild(el("ul", { class: "events" }, ps.map(function (p) {
        return el("li", null, [nodeLink(p.node), el("span", { class: "meta", text: " \u00b7 " + p.role + (p.node.role ? " \u00b7 " + p.node.role : "") })]);
      })));
    } else {
      var evs = eventsOf(n);
      if (evs.length) {
        details.appendChild(el("h3", { text: "Events (" + evs.length + ")" }));
        details.appendChild(el("ul", { class: "events" }, evs.map(function (e) { return eventLine(e.node, e.role); })));
      }
      var other = n.out.filter(function (l) { return l.data.relation !== "participant_of"; });
      if (other.length) {
        details.appendChild(el("h3", { text: "Links" }));
        details.appendChild(el("ul", { class: "events" }, other.map(function (l) {
          return el("li", null, [l.data.relation.replace(/_/g, " ") + " ", nodeLink(l.target)]);
        })));
      }
    }
    var spans = n.evidence ? n.evidence.split(";") : [];
    details.appendChild(el("h3", { text: "Evidence (" + spans.length + (n.mentions > spans.length && !n.isEvent ? " of " + n.mentions + " mentions" : "") + ")" }));
    var list = el("ul", { class: "evidence" });
    var shown = {};
    (n.sentences || []).forEach(function (s) {
      shown[s.doc + ":" + s.start + "-" + s.end] = 1;
      list.appendChild(el("li", { class: "sentence-item" }, [
        el("div", { class: "meta", text: s.doc + " \u00b7 bytes " + s.start + "\u2013" + s.end }),
        el("div", { class: "sentence", dir: "auto" }, [s.before, el("mark", { text: s.mention }), s.after])]));
    });
    spans.forEach(function (sp) {
      if (!shown[sp]) list.appendChild(el("li", null, [el("div", { class: "meta", text: sp })]));
    });
    details.appendChild(list);
  }

  // ---- save as PNG ------------------------------------------------------------------------
  $("png").addEventListener("click", function () {
    draw();
    var name = (D.graph.name || "graph").replace(/[^\w.-]+/g, "_") + ".png";
    canvas.toBlob(function (blob) {
      var a = el("a", { href: URL.createObjectURL(blob), download: name });
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }, "image/png");
  });

  // ---- start --------------------------------------------------------------------------------
  function markReady() { document.body.setAttribute("data-ready", settled ? "settled" : "drawn"); }
  legend();
  resize();
  rebuild();
  markReady();

  // For scripts and tests: the data, the visible graph, and a way to pick nodes.
  window.actorgraph = {
    data: D,
    view: view,
    nodes: nodes,
    find: function (id) { for (var i = 0; i < nodes.length; i++) if (nodes[i].id === id) return nodes[i]; return null; },
    screenPosition: function (id) {
      var n = this.find(id), t = transform(), rect = canvas.getBoundingClientRect();
      return n ? { x: rect.left + n.x * t.k + t.x, y: rect.top + n.y * t.k + t.y } : null;
    },
    select: function (id) { select(this.find(id)); },
    settle: function () { while (force.alpha() > 0) force.tick(); force.stop(); settled = true; if (!userMoved) fit(); draw(); markReady(); }
  };
})();
