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


# a node that no other node overlaps, in the view's own coordinates
FREE_NODE = """container => {
  const cy = container.cy;
  const boxes = cy.nodes().map(n => [n, n.renderedBoundingBox()]);
  const apart = (a, b) => a.x2 < b.x1 || b.x2 < a.x1 || a.y2 < b.y1 || b.y2 < a.y1;
  const inside = b => b.x1 > 0 && b.y1 > 0 && b.x2 < container.clientWidth && b.y2 < container.clientHeight;
  for (const [node, box] of boxes) {
    if (node.data("url").startsWith("/id/person/") && inside(box)
        && boxes.every(([other, b]) => other === node || apart(box, b))) {
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

    target = view.evaluate(FREE_NODE)
    assert target, "some person's node is drawn apart from the others"
    box = view.bounding_box()
    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    page.wait_for_url(server.rstrip("/") + target["url"])
    assert page.get_by_role("heading", level=1).inner_text().endswith(target["label"])

    drawn(page)  # the person's neighbourhood
    page.get_by_label("Network").get_by_role("figure").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "network-2-person.png"), full_page=True)
    assert page.errors == [], "no script errors and no CSP violations"


def test_the_view_pans_and_zooms(page, server):
    page.goto(server + "network")
    view = drawn(page)
    box = view.bounding_box()
    zoom, pan = view.evaluate("el => [el.cy.zoom(), el.cy.pan()]")
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
