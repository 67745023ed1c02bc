"""In real headless Chromium at phone width (360 px): no page is wider than the screen, the menu folds and opens."""

from __future__ import annotations

import re

import pytest
from live import ARTIFACTS, browser_tab

pytestmark = pytest.mark.browser

PAGES = ["", "people", "compare?a=sicw/2023&b=sicw/2024", "queries", "queries/top-organisations", "sparql",
         "network", "dataset", "report", "search?q=cyber", "id/series/sicw", "id/edition/sicw/2024",
         "id/person/maria-adebahr", "id/country/SG",
         "id/session/sicw/2024-10-15/solidarity-in-cyberspace-how-to-assist-countries-in-need"]


@pytest.fixture(scope="module")
def server(sample_server):
    return sample_server


@pytest.fixture(scope="module")
def phone():
    with browser_tab(740, width=360) as tab:
        yield tab


@pytest.mark.parametrize("path", PAGES)
def test_no_page_is_wider_than_a_phone(phone, server, path):
    phone.goto(server + path)
    phone.wait_for_load_state("load")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_menu_folds_behind_a_button_and_opens(phone, server):
    phone.errors.clear()
    phone.goto(server)
    menu = phone.get_by_role("button", name="Menu")
    nav = phone.get_by_role("navigation", name="Main")
    menu.wait_for()
    assert not nav.is_visible() and menu.get_attribute("aria-expanded") == "false"
    menu.click()
    people = nav.get_by_role("link", name="People")
    people.wait_for(state="visible")
    assert menu.get_attribute("aria-expanded") == "true"
    assert people.bounding_box()["x"] + people.bounding_box()["width"] <= 360
    phone.screenshot(path=str(ARTIFACTS / "phone-menu.png"))
    people.click()
    phone.wait_for_url(re.compile(r"/people$"))
    assert not phone.errors


def test_the_menu_is_a_plain_row_on_a_wide_screen(phone, server):
    phone.set_viewport_size({"width": 1280, "height": 800})
    try:
        phone.goto(server)
        assert phone.get_by_role("navigation", name="Main").get_by_role("link", name="People").is_visible()
        assert not phone.get_by_role("button", name="Menu").is_visible()
    finally:
        phone.set_viewport_size({"width": 360, "height": 740})
