"""Page latency: the person page and stored-query pages through the web app, median and p95.

    python -m bench.pages                  # the bundled sample, and SICW 2024 when ../shared is there
    python -m bench.pages --repeat 500

Requests go through Flask's test client: the app, its templates and the
store, without the network. Each page gets a new app, so the first request
to it (``first_ms``) finds every cache empty, as after an ingest. The store is a folder opened read-only, as
``speakergraph serve`` opens it. ``measure(store, params, repeat)`` is the
hook ``bench/run.py`` calls at each corpus size; ``params`` holds a value
(an IRI or a string) for each stored-query parameter.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import click

from graph import ids
from graph.results import table
from graph.store import open_store
from web import create_app
from web.db import resources

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"sample": ROOT / "data" / "sample", "sicw-2024": ROOT.parent / "shared" / "corpus" / "sicw-2024"}

FREQUENT = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT ?x (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a sg:{p} ?x }} GROUP BY ?x ORDER BY DESC(?n) STR(?x) LIMIT 1"""
BY_USE = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT ?x (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a sg:person ?x } GROUP BY ?x ORDER BY DESC(?n) STR(?x)"""


def pages(params: dict[str, str], typical: tuple[str, int] | None = None) -> list[tuple[str, str]]:
    """The pages to time, as (name, path), for the parameter values in ``params`` (and a ``typical`` person
    with their number of appearances)."""
    person = ids.split(params["person"])[1] if ids.split(params.get("person", "")) else params.get("person")
    out = []
    if person:
        out += [("person page", f"/id/person/{person}"),
                ("stored query: person-appearances", "/queries/person-appearances?" + urlencode({"person": person})),
                ("stored query: co-panellists", "/queries/co-panellists?" + urlencode({"person": person}))]
    if typical:
        out.append((f"person page, a typical person ({typical[1]} appearances)",
                    f"/id/person/{ids.split(typical[0])[1]}"))
    out += [("stored query: moderators (cached after the first)", "/queries/moderators"),
            ("stored query: top-organisations (cached after the first)", "/queries/top-organisations")]
    if ids.split(params.get("session", "")):
        out.append(("session page", "/id/" + "/".join(ids.split(params["session"]))))
    out += [("home", "/"), ("people with facets", "/people"), ("search", "/search?q=minister")]
    return out


def timings(client, path: str, repeat: int) -> list[float]:
    """Milliseconds of ``repeat`` requests for ``path`` (after a few unmeasured ones, the first of them
    returned as the last item)."""
    start = time.perf_counter()
    _get(client, path)
    first = (time.perf_counter() - start) * 1000
    for _ in range(2):
        _get(client, path)
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        _get(client, path)
        out.append((time.perf_counter() - start) * 1000)
    return out + [first]


def _get(client, path: str) -> None:
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}: {response.get_data(as_text=True)[:300]}")


def p95(values: list[float]) -> float:
    """The 95th percentile of ``values``.

    >>> p95(list(range(1, 101)))
    95.05
    """
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def measure(store: str, params: dict[str, str], repeat: int = 100) -> list[dict]:
    """Median and p95 milliseconds of each page over the store folder ``store``.

    Each page is asked of an app of its own, whose store is open and whose caches are empty, as for a
    visitor right after ``speakergraph serve`` starts on a new ingest: ``first_ms`` owes nothing to the
    pages measured before it.
    """
    rows = []
    for name, path in pages(params, typical(store)):
        *ms, first = timings(fresh(store), path, repeat)
        rows.append({"page": name, "path": path, "first_ms": round(first, 2), "median_ms": round(statistics.median(ms), 2),
                     "p95_ms": round(p95(ms), 2)})
    return rows


def fresh(store: str):
    """A test client of a new app over the store folder ``store``, the store opened (as a server's first
    request, or its warming thread, opens it)."""
    app = create_app({"STORE": store})
    with app.app_context():
        resources().open()
    return app.test_client()


def typical(store: str) -> tuple[str, int] | None:
    """The person at the median of appearances (most people speak once or twice)."""
    rows = table(open_store(store, read_only=True).query(BY_USE)).values()
    return (rows[len(rows) // 2][0], int(rows[len(rows) // 2][1])) if rows else None


def frequent(store: str) -> dict[str, str]:
    """The person and the session with the most appearances: the heaviest pages of their kind."""
    source = open_store(store, read_only=True)
    out = {}
    for name in ("person", "session"):
        found = table(source.query(FREQUENT.format(p=name))).values()
        if found:
            out[name] = found[0][0]
    return out  # not closed: EmbeddedStore.close() flushes, which a read-only store refuses


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--repeat", type=click.IntRange(5), default=200, show_default=True, help="Requests per page.")
def main(repeat: int) -> None:
    """Time the person page and stored-query pages on the sample and on SICW 2024."""
    from ingest.loader import ingest, site_for

    click.echo(f"{'corpus':10} {'page':56} {'first ms':>9} {'median ms':>10} {'p95 ms':>8}  path")
    for corpus, folder in CORPORA.items():
        if not folder.is_dir():
            click.echo(f"{corpus}: {folder} is absent — skipped", err=True)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            location = str(Path(tmp) / "store")
            store = open_store(location)
            ingest(store, [site_for(folder)])
            store.close()
            params = frequent(location)
            click.echo(f"{corpus}: person {params.get('person')}, {repeat} requests a page", err=True)
            for row in measure(location, params, repeat):
                click.echo(f"{corpus:10} {row['page']:56} {row['first_ms']:>9.2f} {row['median_ms']:>10.2f} "
                           f"{row['p95_ms']:>8.2f}  "
                           f"{row['path']}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
