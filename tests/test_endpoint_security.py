"""The public endpoint under hostile input: bound parameters, path traversal, headers, size limits, inert markup.

A hostile corpus (names, titles, organisations, links and front matter
carrying ``<script>``, ``javascript:``, ``"onmouseover=`` and SPARQL
fragments) is ingested into a store folder and served by a real
``speakergraph serve``. The markup is checked in a real headless Chromium,
with the Content-Security-Policy on and, to test the escaping alone, off.
"""

from __future__ import annotations

import http.client
import json
import re
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pyoxigraph as ox
import pytest
from conftest import ingested, need
from live import serving

from graph import lookup
from graph.queries import load_queries
from graph.store import open_store
from web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

# markdown-it keeps entities (&lt;script&gt;) and code spans as text, so they reach the names as markup
EVENT = """---
title: 'Evil <script>window.__xss=1;alert(1)</script> "onmouseover="window.__xss=2" x=" javascript:alert(3) {{7*7}} " } UNION { ?s ?p ?o } #'
permalink: /archive/events/15-oct/evil-panel/
third_nav_title: 15 October 2024
---
#### **Evil panel**

**15 October 2024 (Tuesday)**
*Time: 4.00pm to 5.30pm (GMT +8)*

An abstract with &lt;img src=x onerror="window.__xss=4;alert(4)"&gt; and [a link](javascript:alert(5)) and `<script>alert(6)</script>`.

|**Panellists** | |
| [Dr Mallory &lt;script&gt;alert(7)&lt;/script&gt; Doe](/speakers/mallory/) | *Chief &quot;onmouseover=&quot;alert(8)* <br>Evil &lt;img src=x onerror=alert(9)&gt; Corp<br>Germany |
| [Ms Eve "onmouseover="alert(10)" x="](/speakers/eve/) | *javascript:alert(11)*<br>Org' onmouseover='alert(12)<br>France |
| [Mr Trudy Javascript](javascript:alert(13)) | *Director*<br>Good Org<br>Poland |
|<br> **Moderator** | |
| [Mr Bob `<b onmouseover=alert(14)>x</b>`](/speakers/bob/) | *Head*<br>Another Org<br>Poland |
"""
SPEAKER = """---
title: 'Eve "onmouseover="alert(15)" x="'
permalink: 'javascript:alert(16)'
---
#### Ms Eve "onmouseover="alert(17)" x="

*Director of &lt;script&gt;alert(18)&lt;/script&gt;*<br>Org "onmouseover="alert(19)<br>France

A biography with &lt;iframe src="javascript:alert(20)"&gt; and <script>alert(21)</script> inline.
"""
SESSION = "/id/session/evil/2024-10-15/evil-panel"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    """The hostile corpus in a store folder (closed, so the app and the server open it read-only)."""
    root = tmp_path_factory.mktemp("hostile") / "evil-2024"
    (root / "_2024-events" / "15 October 2024").mkdir(parents=True)
    (root / "_2024-speakers").mkdir()
    (root / "_2024-events" / "15 October 2024" / "Evil panel.md").write_text(EVENT, encoding="utf-8")
    (root / "_2024-speakers" / "Speaker – Eve.md").write_text(SPEAKER, encoding="utf-8")
    location = root.parent / "store"
    ingested(root, location=location, series="evil").close()
    return str(location)


@pytest.fixture(scope="module")
def app(store):
    app = create_app({"STORE": store, "SPARQL_WORKERS": 1})
    yield app
    app.extensions["speakergraph"].close()


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def server(store):
    """``speakergraph serve`` over the hostile store on a free loopback port; yields its URL."""
    with serving(store) as (url, _process):
        yield url


def raw(server: str, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
        chunked: bool = False) -> tuple[int, dict, bytes]:
    """One HTTP request with the path sent byte for byte as given (no client-side normalisation)."""
    url = urlsplit(server)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        if chunked:
            conn.putheader("Transfer-Encoding", "chunked")
        elif body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if body is not None:
            if chunked:
                for i in range(0, len(body), 65536):
                    piece = body[i:i + 65536]
                    conn.send(b"%x\r\n%s\r\n" % (len(piece), piece))
                conn.send(b"0\r\n\r\n")
            else:
                conn.send(body)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


# --- stored-query parameters cannot change the query ----------------------------------------

HOSTILE_VALUES = [
    'x" } UNION { ?s ?p ?o } #', "x' } UNION { ?s ?p ?o } #", '"} ; DROP ALL ; {"', "}}}}", "{", "}",
    "\n} UNION {\n?s ?p ?o\n", 'x\\" . ?s ?p ?o #', '"""', "'''", "x> } UNION { ?s ?p ?o } #",
    "<http://example.org/> } UNION {", '2024-10-15" } UNION { ?s ?p ?o } #', "1 } UNION { ?s ?p ?o }",
    "\x00", "\r\n# a comment", "VALUES ?x { 1 }", "?_keyword", "$_person", "mallory> . ?x ?y ?z . <x",
    "http://x/> } UNION { ?s ?p ?o } #", "mallory\n", "../../etc/passwd", "%7D%20UNION%20%7B",
]
# a value of each type that matches nothing: a hostile value must give exactly its answer (or a 400)
NOTHING = {"string": "zz-no-such-text", "integer": "987654321", "date": "1999-01-01", "iri": "http://example.org/none",
           "person": "nobody-at-all", "session": "evil/1999-01-01/none", "edition": "evil/1999",
           "series": "none", "org": "none", "country": "ZZ"}


@pytest.fixture(scope="module")
def unmatched(store) -> list[str]:
    """The hostile values that occur in no literal of the store (so each must match nothing)."""
    import pyoxigraph as ox

    db = ox.Store.read_only(store)
    literals = [q.object.value.lower() for q in db.quads_for_pattern(None, None, None, None)
                if isinstance(q.object, ox.Literal)]
    return [v for v in HOSTILE_VALUES if not any(v.strip().lower() in text for text in literals)]


def stored_params() -> list[tuple[str, str, str]]:
    return [(name, p.name, p.type) for name, q in load_queries().items() for p in q.params]


def bindings(response) -> list:
    return json.loads(response.get_data(as_text=True))["results"]["bindings"]


@pytest.mark.parametrize("name, param, kind", stored_params())
def test_hostile_parameter_values_cannot_change_a_stored_query(client, unmatched, store, name, param, kind):
    """Quotes, braces, '} UNION {', newlines: the answer is the answer for a value that matches nothing, or a 400.

    A parameter naming a person, an edition… is looked up by name: a hostile text that happens to name one
    (a session whose title holds the same words) gives exactly that one's answer, bound as a term.
    """
    db = open_store(store, read_only=True)
    # the other parameters of the query get a value the store holds (one that names nothing is refused first)
    others = {p.name: (lookup.entities(db, p.type)[0].key if p.type in lookup.CLASSES else NOTHING[p.type])
              for p in load_queries()[name].params if p.name != param}

    def ask(value, page=False):
        return client.get(f"/queries/{name}" + ("" if page else ".json"), query_string={**others, param: value})

    known = lookup.entities(db, kind) if kind in lookup.CLASSES else []
    nothing = ask(NOTHING[kind])
    # a value naming nobody is an empty answer, or a 400 naming the parameter (a lookup of people and the like)
    assert nothing.status_code in (200, 400)
    outcomes = set()
    for value in unmatched:
        response, page = ask(value), ask(value, page=True)
        if response.status_code == 400:
            assert param in response.get_data(as_text=True) and page.status_code == 400, value
            outcomes.add(400)
            continue
        assert response.status_code == 200 and page.status_code == 200, (value, response.status_code)
        named = lookup.find(known, value)
        expected = bindings(ask(named[0].key)) if len(named) == 1 else \
            (bindings(nothing) if nothing.status_code == 200 else [])
        assert bindings(response) == expected, f"{value!r} changed {name}"
        outcomes.add(200)
    assert outcomes


@pytest.mark.parametrize("keyword", ['" } UNION { ?s ?p ?o } #', "{{7*7}}", '"onmouseover="window.__xss=2" x="',
                                    "<script>window.__xss=1;alert(1)</script>"])
def test_a_hostile_value_is_data_and_matches_data(client, keyword):
    """A keyword full of SPARQL and markup finds exactly the session whose title holds it."""
    rows = bindings(client.get("/queries/search-sessions.json", query_string={"keyword": keyword}))
    assert [r["session"]["value"].rsplit("/", 1)[-1] for r in rows] == ["evil-panel"]


# --- path traversal ---------------------------------------------------------------------------

TRAVERSALS = ["../", "..%2f", "%2e%2e/", "%2e%2e%2f", "..%5c", "....//", "%252e%252e%252f", "..;/", "%c0%ae%c0%ae/",
              "..\\", "/", "//", "%2f"]
TARGETS = ["etc/passwd", "pyproject.toml", "speakergraph.py", "queries/moderators.rq", "web/__init__.py",
           "graph/store.py", "store/CURRENT"]
# what those files hold: none may appear in any answer
SECRETS = [b"root:x:0:0", b"[build-system]", b"def main(", b"#+ title:", b"def create_app", b"class EmbeddedStore",
           b"MANIFEST-"]


def attack_paths(app) -> list[str]:
    """Every route with a variable part, with that part replaced by a traversal to each target."""
    paths = []
    for rule in app.url_map.iter_rules():
        if not rule.arguments:
            continue
        for up in TRAVERSALS:
            for target in TARGETS:
                steps = up if up in ("/", "//", "%2f") else up * 6
                paths.append(re.sub(r"<[^>]+>", lambda m: steps + target, rule.rule, count=1))
                paths.append(re.sub(r"<[^>]+>", lambda m: steps + target + "%00.md", rule.rule, count=1))
    return paths


def test_every_route_with_a_variable_is_attacked(app):
    attacked = {p.split("/")[1] for p in attack_paths(app)}
    assert {"static", "id", "queries", "dataset", "network"} <= attacked


def test_no_route_reads_outside_its_data_through_the_app(app, client):
    """The Flask test client: no answer holds a byte of the files the paths point at."""
    for path in attack_paths(app):
        response = client.get(path)
        assert response.status_code in (301, 302, 308, 400, 404, 405), (path, response.status_code)
        assert not any(s in response.data for s in SECRETS), path


def test_no_route_reads_outside_its_data_over_http(app, server):
    """The real server, with the paths sent unnormalised: no answer holds a byte of those files."""
    for path in attack_paths(app) + ["/static/../../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
                                     "/../../../../etc/passwd", "/static//etc/passwd", "/queries/..", "/id/..",
                                     "/static/style.css/../../../pyproject.toml"]:
        status, _, body = raw(server, "GET", path)
        assert status in (301, 302, 308, 400, 404, 405), (path, status)
        assert not any(s in body for s in SECRETS), path


# --- security headers and limits, over the real server ----------------------------------------

HEADER_CASES = [
    ("GET", "/", None, {}, 200), ("GET", "/people", None, {}, 200), ("GET", SESSION, None, {}, 200),
    ("GET", "/static/style.css", None, {}, 200), ("GET", "/no/such/page", None, {}, 404),
    ("GET", "/sparql?query=ASK%7B%7D", None, {}, 200), ("GET", "/sparql?query=nonsense", None, {}, 400),
    ("GET", "/sparql?query=DELETE+WHERE+%7B%3Fs+%3Fp+%3Fo%7D", None, {}, 400),
    ("POST", "/sparql", b"ASK {}", {"Content-Type": "application/sparql-query"}, 200),
    ("PUT", "/sparql", b"", {}, 405), ("GET", "/queries/search-sessions.csv?keyword=evil", None, {}, 200),
    ("GET", "/queries/person-appearances.json?person=%3E", None, {}, 400),
    ("GET", SESSION + ".ttl", None, {}, 200), ("GET", "/dataset/void.ttl", None, {}, 200),
    ("GET", "/.well-known/void", None, {}, 302), ("GET", "/network/assets/none.js", None, {}, 404),
    ("POST", "/sparql", b"q" * (2 << 20), {"Content-Type": "application/sparql-query"}, 413),
]


@pytest.mark.parametrize("method, path, body, headers, status", HEADER_CASES)
def test_security_headers_on_every_kind_of_answer(server, method, path, body, headers, status):
    """CSP without inline script, nosniff and no framing, on pages, data, errors, redirects and refusals."""
    got, answer, _ = raw(server, method, path, body, headers)
    assert got == status, (path, got)
    csp = dict(part.strip().split(" ", 1) for part in answer["content-security-policy"].split(";"))
    assert csp["script-src"] == "'self'" and csp["object-src"] == "'none'" and csp["frame-ancestors"] == "'none'"
    assert "unsafe" not in answer["content-security-policy"]
    assert answer["x-content-type-options"] == "nosniff"
    assert answer["x-frame-options"] == "DENY"


@pytest.mark.parametrize("chunked", [False, True])
def test_request_size_is_limited(server, chunked):
    """A 2 MiB query (sized, or chunked with no size) is refused with 413, and the server answers on."""
    for content_type, body in [("application/sparql-query", b"ASK {} #" + b"x" * (2 << 20)),
                               ("application/x-www-form-urlencoded", b"query=" + b"x" * (2 << 20))]:
        status, _, text = raw(server, "POST", "/sparql", body, {"Content-Type": content_type}, chunked=chunked)
        assert status == 413, (content_type, status, text[:200])
    assert raw(server, "POST", "/sparql", b"ASK {}", {"Content-Type": "application/sparql-query"})[0] == 200


def test_a_huge_url_is_refused_and_the_server_answers_on(server):
    status, _, _ = raw(server, "GET", "/search?q=" + "a" * 400_000)
    assert status in (400, 414, 431)
    assert raw(server, "GET", "/")[0] == 200


# --- hostile markup is inert in a real browser ------------------------------------------------

CHECK = """() => {
  const handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) if (a.name.startsWith('on')) handlers.push(el.tagName + ' ' + a.name);
    el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    el.dispatchEvent(new FocusEvent('focus'));
  }
  const scripts = [...document.scripts].filter(s => !s.src || new URL(s.src).origin !== location.origin)
                                        .map(s => s.outerHTML.slice(0, 80));
  const links = [...document.querySelectorAll('a[href], area[href], iframe, embed, object, form[action]')]
                  .map(e => e.href || e.src || e.data || e.action || '')
                  .filter(h => /^\\s*(javascript|data|vbscript):/i.test(h));
  return {xss: window.__xss || null, handlers, scripts, links, iframes: document.querySelectorAll('iframe').length};
}"""

HOSTILE_LINKS = """() => [...document.querySelectorAll('a')]
  .filter(a => /onmouseover|</.test(a.innerText))
  .map(a => a.getBoundingClientRect())
  .filter(r => r.width > 0 && r.bottom > 0 && r.top < window.innerHeight)
  .map(r => [r.x + r.width / 2, r.y + r.height / 2])"""

# pages that echo what the request sends
ECHOES = [
    "/search?" + urlencode({"q": "<script>window.__xss=30;alert(30)</script>"}),
    "/search?" + urlencode({"q": '"onmouseover="window.__xss=31" x="'}),
    "/queries/search-sessions?" + urlencode({"keyword": '"><script>alert(32)</script>'}),
    "/queries/person-appearances?" + urlencode({"person": '"onmouseover="alert(33)'}),
    "/sparql?" + urlencode({"format": "html", "query": "</textarea><script>alert(34)</script> SELECT * {}"}),
    "/sparql?" + urlencode({"format": "html", "query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }"}),
    "/people?" + urlencode({"org": '"><script>alert(35)</script>'}),
    "/" + quote("<script>alert(36)</script>"),
    "/id/person/" + quote('"onmouseover="alert(37)'),
    "/network/path?" + urlencode({"from": "<script>alert(38)</script>", "to": "mallory"}),
]


def shape(href: str) -> tuple:
    """A page's route and the names of its query arguments: one page of each shape is enough."""
    path, _, query = href.partition("?")
    kind = path.split("/")[:3] if path.startswith("/id/") else [path]
    key = path if path.startswith("/id/") else "/".join(kind)
    return key, tuple(sorted(arg.partition("=")[0] for arg in query.split("&") if arg and not arg.startswith("page=")))


def visit(tab, server: str, path: str) -> tuple[dict, str, list[str]]:
    """Load a page; what the check found, the page's text, and its own links."""
    tab.goto(server + path)
    found = tab.evaluate(CHECK)
    # the real mouse over hostile names in view (the check above dispatched mouseover to every element)
    for x, y in tab.evaluate(HOSTILE_LINKS)[:5]:
        tab.mouse.move(x, y)
    hrefs = tab.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    return found, tab.inner_text("body"), hrefs


def walk_site(tab, server: str, limit: int = 80) -> tuple[list[str], str]:
    """Every kind of page reachable from the hostile ones, then the echoing pages; checked as they load."""
    seen, shapes, texts = [], set(), []
    queue = ["/", SESSION, "/people", "/queries", "/sparql", *ECHOES]
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen or (shape(path) in shapes and path not in ECHOES):
            continue
        seen.append(path)
        shapes.add(shape(path))
        found, text, hrefs = visit(tab, server, path)
        assert found == {"xss": None, "handlers": [], "scripts": [], "links": [], "iframes": 0}, (path, found)
        texts.append(text)
        queue += [h for h in hrefs if h.startswith("/") and not h.startswith("//")
                  and "." not in h.split("?")[0].rsplit("/", 1)[-1] and "export" not in h]
    return seen, "\n".join(texts)


@pytest.mark.browser
@pytest.mark.slow
def test_hostile_names_and_titles_are_inert_in_chromium(server):
    """No dialog, no script, no handler, no javascript: link — with the CSP on, and with it bypassed."""
    need(CHROMIUM.exists(), "Debian chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            loads = 0
            for bypass_csp in (False, True):
                context = browser.new_context(bypass_csp=bypass_csp)
                tab = context.new_page()
                dialogs: list[str] = []
                tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
                pages, shown = walk_site(tab, server)
                assert dialogs == [], dialogs
                # the markup is there, as text the reader sees
                for text in ("<script>alert(7)</script>", '"onmouseover="alert(10)', "javascript:alert(16)",
                             "<img src=x onerror=alert(9)>", "<script>window.__xss=1;alert(1)</script>"):
                    assert text in shown, text
                loads += len(pages)
                context.close()
            print(f"\nchromium: {loads} page loads of {len(pages)} pages (CSP on, then bypassed), no script ran")
        finally:
            browser.close()


def test_the_cli_binds_hostile_parameters_too(store, unmatched):
    """``speakergraph query`` with a hostile --param: the same answer as a value that matches nothing."""
    from click.testing import CliRunner

    from speakergraph import main

    runner = CliRunner()
    nothing = runner.invoke(main, ["query", "search-sessions", "-p", "keyword=zz-no-such-text", "--store", store,
                                   "-f", "json"])
    assert len(unmatched) > len(HOSTILE_VALUES) // 2
    for value in unmatched:
        result = runner.invoke(main, ["query", "search-sessions", "-p", f"keyword={value}", "--store", store,
                                      "-f", "json"])
        assert result.exit_code == 0 and result.output == nothing.output, value
