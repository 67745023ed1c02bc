"""Names with markup in them are shown as text on every page, never run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ingested

from web import create_app

# a session page in the SICW format; markdown-it turns the entities into a literal "<script>" in the names
EVENT = """---
title: "Evil <script>alert('title')</script> Panel"
permalink: /archive/events/15-oct/evil-panel/
variant: markdown
description: ""
third_nav_title: 15 October 2024
---
#### **Evil <script>alert('title')</script> Panel**

**15 October 2024 (Tuesday)**
*Time: 4.00pm to 5.30pm (GMT +8)*

|**Panellists**          |                                                              |
| [Dr Mallory &lt;script&gt;alert(1)&lt;/script&gt; Doe](/speakers/mallory/)  | *Chief Officer* <br>Evil &lt;script&gt;alert(3)&lt;/script&gt; Corp<br>Germany     |
| [Ms Alice Smith](/speakers/alice/)  | *Director*<br>Good Org<br>France     |
|<br> **Moderator**          |                                                           |
| [Mr Bob Jones](/speakers/bob/)  | *Head*<br>Another Org<br>Poland                |
"""

SESSION = "/id/session/evil/2024-10-15/evil-panel"
RAW = "<script>alert"
ESCAPED = "&lt;script&gt;alert"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("evil")
    folder = Path(root, "_2024-events", "15 October 2024")
    folder.mkdir(parents=True)
    (folder / "Evil <script> Panel.md").write_text(EVENT, encoding="utf-8")
    store = ingested(root, series="evil")
    return create_app({"STORE": store}).test_client()


def _source(client) -> str:
    html = client.get(SESSION).get_data(as_text=True)
    start = html.index('href="/id/source/')
    return html[start + 6:html.index('"', start + 6)]


def _org(client) -> str:
    html = client.get("/id/person/mallory").get_data(as_text=True)
    start = html.index('href="/id/org/evil')
    return html[start + 6:html.index('"', start + 6)]


PAGES = [
    "/", "/search?q=mallory", "/search?q=evil", "/search?q=%3Cscript%3E", "/people", "/people?country=DE",
    "/id/person/mallory", SESSION, "/id/edition/evil/2024", "/id/series/evil", "/id/country/DE",
    "/queries/session-speakers?session=evil/2024-10-15/evil-panel", "/queries/search-sessions?keyword=evil",
    "/queries/person-appearances?person=mallory", "/dataset",
    "/sparql?format=html&query=SELECT+%3Fn+WHERE+%7B+%3Fs+%3Chttps%3A%2F%2Fschema.org%2Fname%3E+%3Fn+%7D",
]


@pytest.mark.parametrize("path", PAGES + ["org", "source"])
def test_markup_in_names_is_escaped_on_every_page(client, path):
    path = {"org": _org, "source": _source}.get(path, lambda _: path)(client)
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, path
    html = response.get_data(as_text=True)
    assert RAW not in html
    ours = r'<script src="/(?:static|network/assets)/[\w.]+\.js" defer></script>'
    assert html.count("<script") == len(re.findall(ours, html))


@pytest.mark.parametrize("path", ["/id/person/mallory", SESSION, "/search?q=mallory", "/people",
                                  "/queries/session-speakers?session=evil/2024-10-15/evil-panel", "org"])
def test_the_name_is_shown_as_text(client, path):
    path = _org(client) if path == "org" else path
    assert ESCAPED in client.get(path).get_data(as_text=True)


def test_search_for_markup_does_not_echo_it(client):
    html = client.get("/search?q=%3Cscript%3Ealert(9)%3C/script%3E").get_data(as_text=True)
    assert RAW not in html and "&lt;script&gt;alert(9)" in html
