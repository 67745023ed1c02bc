"""Shared fixtures: the bundled sample in a fresh store, the real corpus when present, CI strictness."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest_servers import any_store, fuseki, oxigraph, server, virtuoso  # noqa: F401  (real SPARQL servers)
from graph import ids
from graph.store import open_store
from graph.vocab import SCHEMA, SG, XSD, ox_node
from ingest.loader import ingest, site_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
SHARED = ROOT.parent / "shared" / "corpus"
SICW = SHARED / "sicw-2024"
DJANGOCON = SHARED / "djangocon-2024"
_PEOPLE, _APPEARANCES = ox_node(SG.peopleCount), ox_node(SG.appearanceCount)
_PEOPLE_JOIN, _APPEARANCES_JOIN = ox_node(SG.appearedForCountry), ox_node(SG.forCountry)
_ORG_PEOPLE_JOIN, _ORG_APPEARANCES_JOIN = ox_node(SG.appearedForOrganisation), ox_node(SG.forOrganisation)
_INTEGER = ox_node(XSD.integer)
_NAME, _DISPLAY = ox_node(SCHEMA.name), ox_node(SG.displayName)
_APPEARANCE_PERSON, _PRINTED, _HELD, _DATE = (ox_node(SG.person), ox_node(SG.printedPositions), ox_node(SG.held),
                                              ox_node(SG.date))
_VERSION, _VERSION_HELD, _FIRST, _LAST, _TIMES = (ox_node(SG.version), ox_node(SG.versionHeld), ox_node(SG.firstDate),
                                                  ox_node(SG.lastDate), ox_node(SG.timesPrinted))
_NAMED = ("https://w3id.org/speakergraph/id/person/", "https://w3id.org/speakergraph/id/org/")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def tallied(triples) -> frozenset:
    """The triples of a union graph with the tallies counted from them in Python (graph/tallies.py says what
    each counts): what the store's default graph must hold, whatever writes led to it."""
    triples = frozenset(triples)
    people, appearances = defaultdict(set), Counter()  # of countries and of organisations alike
    for t in triples:
        if t.predicate in (_PEOPLE_JOIN, _ORG_PEOPLE_JOIN):
            people[t.object].add(t.subject)
        elif t.predicate in (_APPEARANCES_JOIN, _ORG_APPEARANCES_JOIN):
            appearances[t.object] += 1
    names = defaultdict(list)
    for t in triples:
        if t.predicate == _NAME and t.subject.value.startswith(_NAMED):
            names[t.subject].append(t.object.value)
    counts = [(country, _PEOPLE, len(who)) for country, who in people.items()]
    counts += [(country, _APPEARANCES, n) for country, n in appearances.items()]
    shown = {ox.Triple(x, _DISPLAY, ox.Literal(min(printed, key=_shown_first))) for x, printed in names.items()}
    return triples | shown | _versions(triples) | {ox.Triple(c, p, ox.Literal(str(n), datatype=_INTEGER))
                                                   for c, p, n in counts}


def _versions(triples: frozenset) -> set:
    """The versions of the people printed with two or more sets of positions: per position printed at their dated
    appearances, its first and last date and how many appearances printed it."""
    by = defaultdict(lambda: defaultdict(set))  # predicate -> subject -> objects
    for t in triples:
        by[t.predicate][t.subject].add(t.object)
    spans = defaultdict(list)  # (person, held) -> [(date, appearance)]
    for a, (person,) in by[_APPEARANCE_PERSON].items():
        if len(by[_PRINTED][person]) > 1:
            for held in by[_HELD][a]:
                spans[person, held] += [(date, a) for date in by[_DATE][a]]
    out = set()
    for (person, held), seen in spans.items():
        v = ox.NamedNode(ids.version(person.value, held.value))
        dates = [d for d, _ in seen]
        first, last = min(dates, key=lambda d: d.value), max(dates, key=lambda d: d.value)
        out |= {ox.Triple(person, _VERSION, v), ox.Triple(v, _VERSION_HELD, held), ox.Triple(v, _FIRST, first),
                ox.Triple(v, _LAST, last),
                ox.Triple(v, _TIMES, ox.Literal(str(len({a for _, a in seen})), datatype=_INTEGER))}
    return out


def _shown_first(name: str) -> tuple:
    """The order in which a person's names are shown: mixed case, then accented, then longer, then code points."""
    capitals = any(a.isascii() and b.isascii() and a.isupper() and b.isupper() for a, b in zip(name, name[1:]))
    return capitals, all(" " <= c <= "~" for c in name), -len(name), name


def drafted_preview(root: Path, tmp_path: Path, sample: int = 1000) -> tuple[dict, str, object]:
    """The profile ``speakergraph profile`` drafts for ``root`` (as data and as text) and what its dry run finds,
    ``sample`` appearances shown (0: every one)."""
    import tomllib

    from ingest import draft
    from ingest.preview import preview

    text = draft.render(draft.settle(draft.draft(root)))
    path = tmp_path / f"{root.name}.toml"
    path.write_text(text, encoding="utf-8")
    return tomllib.loads(text), text, preview(site_for(root, profile_path=path), sample=sample)


def rows_of(seen, dated: bool = False) -> dict:
    """(name, session) → (role, title, organisation, country[, date]) of a dry run's rows."""
    return {(r["name"], r["session"]): (r["role"], r["title"] or None, r["organisation"] or None,
                                        r["country"] or None, *((r["date"][:10],) if dated else ()))
            for r in seen.rows}


def drafted_rows(tmp_path: Path, files: dict[str, str], dated: bool = False) -> tuple[dict, str, object]:
    """``rows_of`` the dry run of a made-up site (``files``) read with the profile drafted for it, the profile's
    text, and the dry run."""
    root = write_files(tmp_path / "site", files)
    _, text, seen = drafted_preview(root, tmp_path, sample=0)
    return rows_of(seen, dated), text, seen


def part_of(profile: dict, files: str) -> dict:
    """The drafted part whose ``files`` name ``files``."""
    return next(p for p in profile["parts"] if files in str(p["files"]))


def write_files(root: Path, files: dict[str, str]) -> Path:
    """A made-up site: ``files`` (relative path → text) written under ``root``."""
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def need(condition: bool, reason: str) -> None:
    """Skip with ``reason`` when ``condition`` is false; in CI (CI=true), fail instead."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def corpus(path: Path) -> Path:
    """A real corpus folder, or a skip (the real data lives outside the repo, in ../shared)."""
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the real corpus lives in ../shared beside the checkout")
    return path


def ingested(path: Path, location=None, **site):
    """A store with ``path`` ingested (in memory unless ``location`` is given)."""
    store = open_store(location)
    ingest(store, [site_for(path, **site)])
    return store


@pytest.fixture(scope="session")
def sample_store():
    """The bundled sample, ingested once into an in-memory store (read-only use)."""
    return ingested(SAMPLE)


@pytest.fixture(scope="session")
def sicw_store():
    """The real SICW 2024 corpus ingested once into an in-memory store (read-only use)."""
    return ingested(corpus(SICW))


@pytest.fixture(scope="session")
def generated_store(tmp_path_factory):
    """A generated corpus of 1,000 event pages (bench/generate.py, seed 1) ingested once in memory (read-only use)."""
    from bench.generate import generate

    folder = tmp_path_factory.mktemp("generated")
    expected = generate(folder, 1000, seed=1)
    store = open_store(None)
    ingest(store, [site_for(folder / site) for site in expected.sites])
    return store


@pytest.fixture(scope="session")
def sample_server(tmp_path_factory):
    """``speakergraph serve`` over the bundled sample on a free loopback port, for every browser test that only
    reads; yields its URL (with the final slash)."""
    from live import served

    location = tmp_path_factory.mktemp("served-sample") / "store"
    ingested(SAMPLE, location=location).close()
    with served(location) as url:
        yield url
