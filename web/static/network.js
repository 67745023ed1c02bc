// Draws every [data-network] element with cytoscape.js (served from node_modules by /network/assets/):
// drag to pan, scroll to zoom, click a node to open its page. The data come from the element's URL.
(function () {
  "use strict";
  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                 "#bcbd22", "#17becf", "#393b79", "#637939"];

  function status(container, text) {
    var caption = container.parentElement && container.parentElement.querySelector("[data-network-status]");
    if (caption) { caption.textContent = text; }
  }

  // a person's neighbourhood: the person in the middle, neighbours around; a whole network: force-directed
  function layout(data) {
    if (data.center) {
      return { name: "concentric", animate: false, minNodeSpacing: 24,
               concentric: function (node) { return node.id() === data.center ? 2 : 1; },
               levelWidth: function () { return 1; } };
    }
    return { name: "cose", animate: false, randomize: true, nodeRepulsion: function () { return 9000; },
             idealEdgeLength: function () { return 60; }, numIter: 1500 };
  }

  function draw(container, data) {
    var most = 1, heaviest = 1;
    data.nodes.forEach(function (n) {
      most = Math.max(most, n.data.weight);
      n.data.color = n.data.id === data.center ? "#111" : PALETTE[n.data.community % PALETTE.length];
    });
    data.edges.forEach(function (e) { heaviest = Math.max(heaviest, e.data.weight); });
    var cy = cytoscape({
      container: container,
      elements: data,
      minZoom: 0.05,
      maxZoom: 2,
      style: [
        { selector: "node", style: {
          "background-color": "data(color)", "label": "data(label)", "font-size": 10, "color": "#223",
          "text-valign": "bottom", "text-margin-y": 3, "min-zoomed-font-size": 7,
          "width": "mapData(weight, 0, " + most + ", 10, 44)", "height": "mapData(weight, 0, " + most + ", 10, 44)" } },
        { selector: "edge", style: {
          "width": "mapData(weight, 1, " + heaviest + ", 1, 7)", "line-color": "#b8c2cc", "opacity": 0.7,
          "curve-style": "haystack" } },
        { selector: "node:selected, node.hover", style: { "border-width": 3, "border-color": "#111" } }
      ],
      layout: layout(data)
    });
    cy.on("tap", "node", function (event) {
      var url = event.target.data("url");
      if (url) { window.location.assign(url); }
    });
    cy.on("mouseover", "node", function (event) {
      event.target.addClass("hover");
      container.style.cursor = "pointer";
      status(container, event.target.data("label") + " — click to open");
    });
    cy.on("mouseout", "node", function (event) {
      event.target.removeClass("hover");
      container.style.cursor = "";
    });
    container.cy = cy;  // for tests and the console
    container.setAttribute("data-ready", "true");
    if (data.total > data.nodes.length) {
      status(container, "The " + data.nodes.length + " most connected of " + data.total +
             " are drawn. Drag to pan, scroll to zoom, click a node to open its page.");
    }
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
