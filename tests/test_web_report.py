"""``/report``: the data-quality report in the browser — every note of the CLI report, grouped, escaped."""

from __future__ import annotations

import html

import pytest
from markupsafe import escape
from conftest import SAMPLE, ingested

from graph.report import KIND_TITLES, report
from web import create_app


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = ingested(SAMPLE, location=tmp_path_factory.mktemp("report") / "store")
    yield s
    s.close()


def test_every_note_of_the_cli_report_is_on_its_kind_page(store):
    client = create_app({"STORE": store, "PAGE_SIZE": 1000}).test_client()
    groups = report(store).by_kind()
    assert groups  # the sample has notes (rows without country, a calendar page…)
    overview = client.get("/report").get_data(as_text=True)
    for kind, notes in groups.items():
        assert html.escape(KIND_TITLES.get(kind, kind)) in overview
        page = client.get(f"/report?kind={kind}").get_data(as_text=True)
        for note in notes:  # escaped as the templates escape (markupsafe: "'" is &#39;)
            assert str(escape(note["message"])) in page
            assert str(escape(note["path"])) in page


def test_a_note_links_to_its_file_and_page(store):
    client = create_app({"STORE": store}).test_client()
    page = client.get("/report?kind=no-country").get_data(as_text=True)
    assert 'href="/id/source/' in page and 'href="/id/session/' in page


def test_a_hostile_file_name_is_escaped(tmp_path):
    root = tmp_path / "site"
    (root / "_2024-events" / "15 October 2024").mkdir(parents=True)
    (root / "_2024-events" / "15 October 2024" / "<img src=x onerror=alert(1)>.md").write_text(
        "---\ntitle: T\n---\n**15 October 2024**\n\n| a | b |\n|---|---|\n| x | y |\n", encoding="utf-8")
    (root / "speakergraph.toml").write_text('[[parts]]\nfiles = "**/*.md"\nreader = "sicw"\n', encoding="utf-8")
    store = ingested(root, location=tmp_path / "store")
    page = create_app({"STORE": store}).test_client().get("/report").get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x" in page
