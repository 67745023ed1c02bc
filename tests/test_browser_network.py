"""The network view in a real headless Chromium: pan, zoom, click a node, land on that person's page.

Screenshots go to ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLE, ingested, need
from live import ARTIFACTS, browser_tab, served

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
