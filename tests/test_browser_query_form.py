"""In real headless Chromium: a name typed into a stored-query form is suggested, understood and answered."""

from __future__ import annotations

import re

import pytest
from live import ARTIFACTS, browser_tab

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(sample_server):
    return sample_server


def test_a_typed_name_is_suggested_and_answered_with_labels(server):
    with browser_tab(900) as page:
        page.goto(server + "queries/co-panellists")
        field = page.locator("input[name=person]")
        field.press_sequentially("adeb", delay=20)
        option = page.locator("datalist#lookup-person option[value='maria-adebahr']")
        option.wait_for(state="attached")
        assert option.get_attribute("label") == "Maria Adebahr"
        field.fill("Maria Adebahr")
        page.get_by_role("button", name="Run").click()
        page.wait_for_url(re.compile(r"person=Maria"))
        assert page.locator(".resolved").inner_text().strip() == "= maria-adebahr"
        results = page.locator("table.results")
        assert results.get_by_role("columnheader", name="Shared").is_visible()
        # people are shown by name and link to their page, never by key
        link = results.get_by_role("link", name="Tadeusz Chomicki")
        assert link.first.get_attribute("href") == "/id/person/tadeusz-chomicki"
        assert "tadeusz-chomicki" not in results.inner_text()
        page.screenshot(path=str(ARTIFACTS / "query-form.png"), full_page=True)
        assert not page.errors


def test_an_ambiguous_name_gives_a_choice(server):
    with browser_tab(900) as page:
        page.goto(server + "queries/career?person=ma")
        choice = page.locator(".choices")
        assert "fits" in choice.inner_text()
        choice.get_by_role("link", name="Maria Adebahr").click()
        page.wait_for_url(re.compile(r"person=maria-adebahr"))
        assert page.locator("table.results tbody tr").count() >= 1
