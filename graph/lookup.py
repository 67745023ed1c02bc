"""Find people, organisations, editions… by what a person types: a key, an IRI, a name or part of one.

Stored-query parameters of an IRI kind (``person``, ``edition``…) accept any of
these: a key or IRI that the store holds is taken as it is; otherwise the names
(and keys) of that kind are searched — the same name with accents and case
folded, then every typed word at the start of a word of the name, then close
spellings (rapidfuzz), best first. One match is used; several are a choice for the user.

>>> fold("Ágnes  KASPER"), words_match(fold("jan puth"), fold("Janil Puthucheary"))
('agnes kasper', True)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pyoxigraph as ox
from rapidfuzz import fuzz, process

from graph import ids
from graph.errors import QueryParameterError
from graph.results import table

CLASSES = {
    "person": ("https://schema.org/Person",),
    "org": ("http://www.w3.org/ns/org#Organization",),
    "edition": ("https://w3id.org/speakergraph/vocab#Edition",),
    "series": ("https://schema.org/EventSeries",),
    "session": ("https://w3id.org/speakergraph/vocab#Session",),
    "country": ("https://schema.org/Country", "https://w3id.org/speakergraph/vocab#InternationalOrganisation"),
}
# a person's or organisation's display name (graph/tallies.py), else the least of its names
NAMES = """SELECT ?s (COALESCE(MIN(?shown), MIN(?name)) AS ?label) WHERE {
  ?s a ?class . OPTIONAL { ?s <https://schema.org/name> ?name } OPTIONAL { ?s <https://w3id.org/speakergraph/vocab#displayName> ?shown }
} GROUP BY ?s"""
SIMILAR = 80  # rapidfuzz partial_ratio at or above which a spelling counts as close (a typo, a missing letter)
CHOICES = 8


@dataclass(frozen=True)
class Match:
    """An entity a typed text may mean: its IRI, key and label."""

    iri: str
    key: str
    label: str


def fold(text: str) -> str:
    """Lower case, accents and punctuation dropped, single spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def words_match(typed: str, name: str) -> bool:
    """Every typed word starts a word of the name (both folded)."""
    have = name.split()
    return bool(typed) and all(any(h.startswith(w) for h in have) for w in typed.split())


def entities(store, kind: str) -> list[Match]:
    """Every entity of ``kind`` in the store with its key and label (its first name, else its key)."""
    out = []
    for cls in CLASSES.get(kind, ()):
        rows = table(store.query(NAMES, {ox.Variable("class"): ox.NamedNode(cls)})).dicts()
        for r in rows:
            split = ids.split(r["s"])
            if split and split[0] == kind:
                out.append(Match(r["s"], split[1], r.get("label") or split[1]))
    return sorted(out, key=lambda m: (fold(m.label), m.key))


def find(known: list[Match], text: str) -> list[Match]:
    """The entities ``text`` may mean, best first (exact key, IRI or name; words; close spellings)."""
    text = text.strip()
    if not text:
        return []
    exact = [m for m in known if text in (m.iri, m.key) or text.strip("/") == m.key]
    if exact:
        return exact
    want = fold(text)
    named = [m for m in known if want in (fold(m.label), fold(m.key))]
    if named:
        return named
    starting = [m for m in known if words_match(want, fold(m.label)) or words_match(want, fold(m.key))]
    if starting:
        return starting
    if len(want) < 4:  # a few letters are close to too much
        return []
    labels = [fold(m.label) for m in known]
    close = process.extract(want, labels, scorer=fuzz.partial_ratio, limit=CHOICES, score_cutoff=SIMILAR)
    return [known[i] for _, _, i in close]


def resolve(store, kinds: dict[str, str], values: dict[str, str],
            known: dict[str, list[Match]] | None = None) -> tuple[dict[str, str], dict[str, list[Match]]]:
    """``values`` with typed names replaced by the IRI they mean, and the choices left where several fit.

    ``kinds`` maps a parameter to its kind; parameters of other types pass as they are. A text that
    means nothing raises ``QueryParameterError`` saying what was looked for.
    """
    known = known if known is not None else {}
    out, choices = dict(values), {}
    for name, text in values.items():
        kind = kinds.get(name)
        if kind not in CLASSES or text.startswith(("http://", "https://")):
            continue
        if kind not in known:
            known[kind] = entities(store, kind)
        found = find(known[kind], text)
        if not found:
            raise QueryParameterError(f"parameter {name!r}: no {kind} is called or keyed {text!r} — "
                                      f"type part of a name, or a key such as {_example(known[kind])}")
        if len(found) == 1:
            out[name] = found[0].iri
        else:
            choices[name] = found[:CHOICES]
    return out, choices


def _example(known: list[Match]) -> str:
    return repr(known[0].key) if known else "'…'"
