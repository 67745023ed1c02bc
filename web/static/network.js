// Draws every [data-network] element with cytoscape.js (served from node_modules by /network/assets/):
// drag to pan, scroll to zoom, click a node to open its page. The data come from the element's URL.
// Names are drawn at a readable size whatever the zoom, largest nodes first, where they fit without
// overlapping a name or a named node already drawn; pointing at a node shows its name too.
(function () {
  "use strict";
  var GROUPS = 12;  // colours --group-0 … --group-11 of network.css; later groups are --group-other
  var LABEL_PX = 12, LABEL_MAX_PX = 190, LABELS = 30, GAP = 2;
  var FONT = "Helvetica Neue, Helvetica, Arial, sans-serif";
  var LABEL_PROPERTIES = "label font-size text-max-width text-margin-y z-index";  // set on a node whose name is shown
  var measure = document.createElement("canvas").getContext("2d");
  measure.font = LABEL_PX + "px " + FONT;

  function status(container, text) {
    var caption = container.parentElement && container.parentElement.querySelector("[data-network-status]");
    if (caption) { caption.textContent = text; }
  }

  function colours(container) {
    var css = window.getComputedStyle(container);
    var read = function (name) { return css.getPropertyValue(name).trim() || "#888888"; };
    var out = { groups: [], other: read("--group-other"), centre: read("--centre"), line: read("--line") };
    for (var i = 0; i < GROUPS; i++) { out.groups.push(read("--group-" + i)); }
    return out;
  }

  // a person's neighbourhood: the person in the middle, neighbours around; a whole network: force-directed
  function layout(data) {
    if (data.center) {
      return { name: "concentric", animate: false, minNodeSpacing: 28,
               concentric: function (node) { return node.id() === data.center ? 2 : 1; },
               levelWidth: function () { return 1; } };
    }
    return { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 12000; },
             idealEdgeLength: function () { return 80; }, componentSpacing: 60, numIter: 1500 };
  }

  // where each node starts, from a hash of its id: the same network is laid out the same way every time
  function place(data) {
    var side = 60 * Math.sqrt(data.nodes.length);
    data.nodes.forEach(function (n) {
      var h = hash(n.data.id);
      n.position = { x: side * (h % 1009) / 1009, y: side * (Math.floor(h / 1009) % 1013) / 1013 };
    });
  }

  function hash(text) {  // FNV-1a
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) { h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0; }
    return h;
  }

  // the least and the greatest of values, for mapData (which needs two different ends)
  function range(values) {
    var lo = values.length ? Math.min.apply(null, values) : 0, hi = values.length ? Math.max.apply(null, values) : 1;
    return hi > lo ? [lo, hi] : [lo, lo + 1];
  }

  function draw(container, data) {
    var palette = colours(container);
    place(data);
    data.nodes.forEach(function (n) {
      var group = n.data.community;
      n.data.color = n.data.id === data.center ? palette.centre
        : group < GROUPS ? palette.groups[group] : palette.other;
    });
    var size = range(data.nodes.map(function (n) { return n.data.size; }));
    var width = range(data.edges.map(function (e) { return e.data.weight; }));
    var cy = cytoscape({
      container: container,
      elements: data,
      minZoom: 0.05,
      maxZoom: 2,
      style: [
        { selector: "node", style: {
          "background-color": "data(color)", "label": "", "font-family": FONT, "color": "#1b2530",
          "text-valign": "bottom", "text-halign": "center", "text-wrap": "ellipsis",
          "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 1,
          "width": "mapData(size, " + size[0] + ", " + size[1] + ", 10, 44)",
          "height": "mapData(size, " + size[0] + ", " + size[1] + ", 10, 44)" } },
        { selector: "edge", style: {
          "width": "mapData(weight, " + width[0] + ", " + width[1] + ", 1, 7)", "line-color": palette.line,
          "opacity": 0.7, "curve-style": "haystack" } },
        { selector: "node:selected, node.hover", style: { "border-width": 3, "border-color": "#111" } }
      ]
    });
    var order = priority(cy, data.center);
    var pending = null;
    var relabel = function () {
      pending = pending || window.requestAnimationFrame(function () { pending = null; label(container, cy, order); });
    };
    cy.on("tap", "node", function (event) {
      var url = event.target.data("url");
      if (url) { window.location.assign(url); }
    });
    cy.on("mouseover", "node", function (event) {
      var node = event.target;
      node.addClass("hover");
      if (!node.hasClass("labelled")) { node.style(labelStyle(node, cy.zoom())); }
      container.style.cursor = "pointer";
      status(container, node.data("label") + " — click to open");
    });
    cy.on("mouseout", "node", function (event) {
      var node = event.target;
      node.removeClass("hover");
      if (!node.hasClass("labelled")) { node.removeStyle(LABEL_PROPERTIES); }
      container.style.cursor = "";
    });
    container.cy = cy;  // for tests and the console
    var run = cy.layout(layout(data));
    run.one("layoutstop", function () {
      label(container, cy, order);
      cy.on("viewport", relabel);
      container.setAttribute("data-ready", "true");
    });
    run.run();
    if (data.total > data.nodes.length) {
      status(container, "The " + data.nodes.length + " with the most shared sessions of " + data.total +
             " are drawn. Drag to pan, scroll to zoom, click a node to open its page.");
    }
  }

  // the centre first, then by size (the measure drawn), then by shared sessions
  function priority(cy, center) {
    return cy.nodes().toArray().sort(function (a, b) {
      return (b.id() === center) - (a.id() === center) || b.data("size") - a.data("size") ||
             b.data("weight") - a.data("weight") || (a.data("label") < b.data("label") ? -1 : 1);
    });
  }

  function labelStyle(node, zoom) {
    return { "label": node.data("label"), "font-size": LABEL_PX / zoom, "text-max-width": LABEL_MAX_PX / zoom,
             "text-margin-y": 2 / zoom, "z-index": 10 + LABELS };  // drawn over the nodes around
  }

  // the name's box on screen, below its node, as drawn at LABEL_PX (cut at LABEL_MAX_PX); a little larger
  // than cytoscape's own (6 px beside the text with its background, from 4 px above the node's bottom to 20 below)
  function box(node) {
    var width = node.scratch("labelWidth");
    if (width === undefined) {  // measured once per node
      width = measure.measureText(node.data("label")).width;
      node.scratch("labelWidth", width);
    }
    var at = node.renderedPosition(), half = Math.min(width, LABEL_MAX_PX) / 2;
    var bottom = at.y + node.renderedOuterHeight() / 2;
    return { x1: at.x - half - 6 - GAP, x2: at.x + half + 6 + GAP, y1: bottom - 4, y2: bottom + 20 + GAP };
  }

  function apart(a, b) { return a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1; }

  // names in order of priority, each where it overlaps no name and no named node already placed; named nodes
  // are drawn above the others, the earlier above the later, so nothing drawn later covers a name
  function label(container, cy, order) {
    var zoom = cy.zoom(), w = container.clientWidth, h = container.clientHeight, placed = [];
    cy.batch(function () {
      order.forEach(function (node) {
        var at = node.renderedPosition(), b = null;
        if (placed.length < LABELS && at.x >= 0 && at.y >= 0 && at.x <= w && at.y <= h) {
          b = box(node);
          b = placed.every(function (p) { return apart(p.name, b) && apart(p.body, b); }) ? b : null;
        }
        if (b) {
          placed.push({ name: b, body: node.renderedBoundingBox({ includeLabels: false, includeOverlays: false }) });
          node.addClass("labelled").style(labelStyle(node, zoom)).style("z-index", 10 + LABELS - placed.length);
        } else if (node.hasClass("labelled") || node.hasClass("hover")) {
          node.removeClass("labelled");
          if (node.hasClass("hover")) {
            node.style(labelStyle(node, zoom));
          } else {
            node.removeStyle(LABEL_PROPERTIES);
          }
        }
      });
    });
    container.setAttribute("data-labels", String(placed.length));
    container.setAttribute("data-labels-at", String(zoom));
  }

  function load(container) {
    if (typeof cytoscape === "undefined") {
      status(container, "The drawing library is missing: run 'npm ci' in the checkout.");
      return;
    }
    fetch(container.getAttribute("data-network"), { headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) { draw(container, data); })
      .catch(function (error) { status(container, "The network could not be drawn: " + error.message); });
  }

  document.querySelectorAll("[data-network]").forEach(load);
})();
