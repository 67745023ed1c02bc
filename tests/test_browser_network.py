"""The network view in a real headless Chromium: pan, zoom, click a node, land on that person's page; names
readable at normal zoom without overlapping, the legend's colours, a country typed by name.

Screenshots go to ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLE, ingested, need
from live import ARTIFACTS, browser_tab, served

from graph.network import Filters, network
from web.network import ASSETS, NODE_MODULES

pytestmark = pytest.mark.browser


# a person's node brought to the middle of the view at the highest zoom, where a tap at its centre hits it
# and no other node (cytoscape's own hit test, in the view's model coordinates); its rendered position.
# The layout is random (cose, randomize): some node may overlap another, so the test picks one that does not.
PICK_NODE = """container => {
  const cy = container.cy;
  const people = cy.nodes().filter(n => n.data("url").startsWith("/id/person/")).toArray();
  for (const node of people) {
    cy.zoom(cy.maxZoom());
    cy.center(node);
    const hit = cy.renderer().findNearestElement(node.position("x"), node.position("y"), true, false);
    if (hit && hit.same(node)) {
      const p = node.renderedPosition();
      return {x: p.x, y: p.y, url: node.data("url"), label: node.data("label")};
    }
  }
  return null;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``speakergraph serve`` over the sample on a free loopback port; yields its URL."""
    need(all((NODE_MODULES / folder / name).is_file() for name, folder in ASSETS.items()),
         "cytoscape.js is not installed: run 'npm ci' in the checkout")
    location = tmp_path_factory.mktemp("network-view") / "store"
    ingested(SAMPLE, location=location).close()
    with served(location) as url:
        yield url


@pytest.fixture()
def page(server):
    with browser_tab(1000) as tab:
        yield tab


def drawn(page):
    """The network view of the page, once cytoscape has drawn it."""
    page.wait_for_selector("[data-network][data-ready=true]", timeout=20_000)
    return page.locator("[data-network]")


def test_click_a_node_to_open_that_persons_page(page, server):
    page.goto(server + "network")
    view = drawn(page)
    assert view.evaluate("el => el.cy.nodes().length") == 18
    page.screenshot(path=str(ARTIFACTS / "network-1-view.png"), full_page=True)

    on_screen(page, view)
    target = view.evaluate(PICK_NODE)
    assert target, "no person's node can be tapped apart from the others, even in the middle at the highest zoom"
    box = view.bounding_box()  # after the scroll, in the viewport's coordinates
    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    page.wait_for_url(server.rstrip("/") + target["url"])
    assert page.get_by_role("heading", level=1).inner_text().endswith(target["label"])

    drawn(page)  # the person's neighbourhood
    page.get_by_label("Network").get_by_role("figure").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "network-2-person.png"), full_page=True)
    assert page.errors == [], "no script errors and no CSP violations"


def on_screen(page, view):
    """Scroll the whole view into the window and wait until it is there."""
    view.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_function("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && "
                           "r.bottom <= window.innerHeight; }", arg=view.element_handle())


def test_the_view_pans_and_zooms(page, server):
    page.goto(server + "network")
    view = drawn(page)
    box = view.bounding_box()  # its top left corner is on screen (cytoscape ignores the wheel while a page scrolls)
    # a random layout can be fitted at the highest zoom already: start below it, so that zooming in shows
    zoom, pan = view.evaluate("el => { el.cy.zoom(Math.min(el.cy.zoom(), el.cy.maxZoom() / 2)); "
                              "return [el.cy.zoom(), el.cy.pan()]; }")
    page.mouse.move(box["x"] + 30, box["y"] + 30)
    page.mouse.wheel(0, -400)
    page.wait_for_function("el => el.cy.zoom() > %f" % zoom, arg=view.element_handle())
    page.mouse.move(box["x"] + 8, box["y"] + 8)
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + 90, steps=8)
    page.mouse.up()
    moved = view.evaluate("el => el.cy.pan()")
    assert (moved["x"], moved["y"]) != (pan["x"], pan["y"])
    assert page.errors == []


def test_connect_to_finds_a_path_from_the_person_page(page, server):
    page.goto(server + "id/person/maria-adebahr")
    page.get_by_label("Connect to…").fill("Tadeusz Chomicki")
    page.get_by_role("button", name="Find the path").click()
    page.wait_for_url(re.compile(r"/network/path\?from=maria-adebahr&to=Tadeusz\+Chomicki"))
    steps = page.locator("ol.path li.via")
    assert steps.count() >= 1
    assert steps.first.get_by_role("link").count() >= 1  # the shared session, linked
    page.screenshot(path=str(ARTIFACTS / "network-3-path.png"), full_page=True)
    assert page.errors == []


# every node whose name is drawn, with the box cytoscape draws the name in (its own measure, on screen)
NAMED = """container => {
  const cy = container.cy;
  const named = cy.nodes().filter(n => n.style("label") !== "");
  const box = n => n.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true});
  const apart = (a, b) => a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1;
  const boxes = named.map(box);
  const overlapping = [];
  boxes.forEach((a, i) => boxes.forEach((b, j) => {
    if (i < j && !apart(a, b)) { overlapping.push([named[i].data("label"), named[j].data("label")]); }
  }));
  const largest = cy.nodes().sort((a, b) => b.data("size") - a.data("size")).slice(0, 1);
  return {names: named.map(n => n.style("label")), labels: named.map(n => n.data("label")), overlapping,
          px: named.map(n => parseFloat(n.renderedStyle("font-size"))),
          largest: largest.map(n => n.data("label")), zoom: cy.zoom()};
}"""


def labelled(page, view):
    """The names drawn, once they are placed for the view's current zoom."""
    page.wait_for_function("el => el.getAttribute('data-labels-at') === String(el.cy.zoom())",
                           arg=view.element_handle())
    return view.evaluate(NAMED)


@pytest.mark.parametrize("kind", ["people", "organisations"])
def test_the_largest_nodes_are_named_at_normal_zoom_and_no_names_overlap(page, server, kind):
    page.goto(server + "network?kind=" + kind)
    view = drawn(page)
    named = labelled(page, view)
    page.screenshot(path=str(ARTIFACTS / f"network-4-names-{kind}.png"))
    assert named["names"] == named["labels"]
    assert len(named["names"]) >= 5, named
    assert named["largest"][0] in named["names"], "the largest node is named"
    assert min(named["px"]) >= 11, "names are drawn at a readable size"
    assert named["overlapping"] == []

    view.evaluate("el => { el.cy.zoom(el.cy.zoom() / 2); el.cy.center(); }")
    farther = labelled(page, view)
    assert farther["zoom"] < named["zoom"] and farther["largest"][0] in farther["names"]
    assert farther["overlapping"] == []
    assert min(farther["px"]) >= 11 and max(farther["px"]) <= 13, "names keep their size when zooming"
    assert page.errors == []


def test_pointing_at_an_unnamed_node_shows_its_name(page, server):
    page.goto(server + "network")
    view = drawn(page)
    on_screen(page, view)
    labelled(page, view)
    target = view.evaluate("""container => {
      const cy = container.cy;
      for (const node of cy.nodes().filter(n => n.style("label") === "").toArray()) {
        const hit = cy.renderer().findNearestElement(node.position("x"), node.position("y"), true, false);
        if (hit && hit.same(node)) { const p = node.renderedPosition(); return {id: node.id(), x: p.x, y: p.y}; }
      }
      return null;
    }""")
    assert target, "some node is drawn without its name at normal zoom"
    box = view.bounding_box()
    page.mouse.move(box["x"] + target["x"], box["y"] + target["y"])
    page.wait_for_function("([el, id]) => el.cy.getElementById(id).style('label') !== ''",
                           arg=[view.element_handle(), target["id"]])
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    page.wait_for_function("([el, id]) => el.cy.getElementById(id).style('label') === ''",
                           arg=[view.element_handle(), target["id"]])


def test_the_legend_shows_the_colours_drawn(page, server):
    page.goto(server + "network?measure=degree")
    view = drawn(page)
    legend = page.get_by_role("region", name="How to read it")
    assert "Connections: how many others each appeared with" in legend.inner_text()
    pairs = view.evaluate("""container => [...document.querySelectorAll("[data-group]")].map(swatch => {
      const group = Number(swatch.dataset.group);
      const node = container.cy.nodes().filter(n => n.data("community") === group)[0];
      return [getComputedStyle(swatch).backgroundColor.replace(/ /g, ""),
              node ? node.style("background-color").replace(/ /g, "") : null];
    })""")
    assert len(pairs) >= 2
    assert all(swatch == node for swatch, node in pairs if node), pairs
    assert len({swatch for swatch, _ in pairs}) == len(pairs), "each group its own colour"
    assert page.errors == []


def test_a_country_typed_by_name_filters_the_network(page, server, sample_store):
    page.goto(server + "network")
    drawn(page)
    country = page.get_by_label("Country")
    country.fill("Singa")
    page.wait_for_function("() => Number(document.querySelector('input[name=country]').dataset.suggested) >= 1")
    assert page.locator("#lookup-country option[value=SG]").get_attribute("label") == "Singapore"
    country.fill("Singapore")
    page.get_by_label("Size nodes by").select_option(label="bridging (betweenness)")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"/network\?.*country=Singapore"))
    view = drawn(page)
    expected = network(sample_store, filters=Filters(country="SG"))
    assert view.evaluate("el => el.cy.nodes().map(n => n.id()).sort()") == sorted(expected.graph)
    assert "country Singapore" in page.locator("p.lead").inner_text()
    assert page.get_by_role("alert").count() == 0
    assert page.get_by_label("Size nodes by").input_value() == "betweenness"
    page.screenshot(path=str(ARTIFACTS / "network-5-country.png"), full_page=True)

    country.fill("Narnia")
    page.get_by_role("button", name="Show").click()
    assert "no country is called or coded 'Narnia'" in page.get_by_role("alert").inner_text()
    assert drawn(page).evaluate("el => el.cy.nodes().length") == 18  # every country, as the message says
    assert page.errors == []


def test_nodes_are_sized_by_the_measure_from_the_smallest_to_the_largest(page, server):
    page.goto(server + "network?measure=pagerank")
    view = drawn(page)
    sizes = view.evaluate("el => el.cy.nodes().map(n => [n.data('size'), n.width()])")
    least, most = min(sizes), max(sizes)
    assert (least[1], most[1]) == (10, 44), "the least score is drawn smallest and the greatest largest"
    assert page.errors == []
