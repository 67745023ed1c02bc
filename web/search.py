"""Search over people's names, organisations and session titles: accent- and case-insensitive, ranked.

Every word of the query must match a word of the name: as its beginning, or
within a small edit distance (rapidfuzz), so "Leonard" finds "Léonard" and
"chomiki" finds "Chomicki". Names that hold the whole query rank first.

>>> index = Index([Entry("p1", "person", "Tadeusz Chomicki"), Entry("s1", "session", "Cyber Frontiers")])
>>> [hit.entry.name for hit in index.search("chomiki")]
['Tadeusz Chomicki']
>>> [hit.entry.iri for hit in index.search("CYBER front")]
['s1']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from flask import Blueprint, render_template, request
from rapidfuzz import fuzz, process

from graph import ids
from graph.ids import fold
from graph.results import table
from web.db import cached, get_store
from web.facts import values
from web.paging import page_of
from web.people import PREFIXES

bp = Blueprint("search", __name__)

KINDS = {"person": "People", "org": "Organisations", "session": "Sessions"}
CLOSE = 80  # the least rapidfuzz ratio for a query word to match a name word

# names of people, organisations and sessions, told apart by their IRIs (no type joins: see web.facts);
# whose names a query matched, and their dates, are asked afterwards (web.search.Names)
NAMES = PREFIXES + "SELECT DISTINCT ?name WHERE { ?s schema:name ?name }"
HOLDERS = PREFIXES + "SELECT DISTINCT ?s ?name WHERE { %s ?s schema:name ?name }"
DATES = PREFIXES + "SELECT DISTINCT ?s ?detail WHERE { %s ?s dcterms:date ?detail }"
CHUNK = 400  # names per query

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """The folded words of ``text``.

    >>> words("Dr Ágnes Yong (CSA)")
    ['dr', 'agnes', 'yong', 'csa']
    """
    return _WORD.findall(fold(text))


@dataclass
class Entry:
    """A searchable name of a resource."""

    iri: str
    kind: str
    name: str
    detail: str = ""
    words: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.words = self.words or words(self.name)


@dataclass
class Hit:
    """An entry and how well it matched."""

    entry: Entry
    score: float


class Index:
    """Entries, and for each word the entries that hold it (or, without entries, the places of ``words``)."""

    def __init__(self, entries: list[Entry], words: list[list[str]] | None = None):
        self.entries = entries
        self.words = words if words is not None else [entry.words for entry in entries]
        self.postings: dict[str, set[int]] = {}
        for i, held in enumerate(self.words):
            for word in held:
                found = self.postings.get(word)
                if found is None:
                    self.postings[word] = {i}
                else:
                    found.add(i)
        self.vocabulary = list(self.postings)

    def _matches(self, word: str) -> dict[int, float]:
        """Entries with a word that ``word`` matches, with the best score of each."""
        scores: dict[str, float] = {w: 100.0 for w in self.vocabulary if w.startswith(word)}
        if len(word) >= 4:
            for w, score, _ in process.extract(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=CLOSE,
                                                limit=None):
                scores[w] = max(scores.get(w, 0.0), score)
        best: dict[int, float] = {}
        for w, score in scores.items():
            for i in self.postings[w]:
                best[i] = max(best.get(i, 0.0), score)
        return best

    def scored(self, query: str) -> dict[int, float]:
        """The entries matching every word of ``query`` (by their place in ``entries``), with their score."""
        qwords = words(query)
        if not qwords:
            return {}
        total: dict[int, float] | None = None
        for word in qwords:
            found = self._matches(word)
            total = found if total is None else {i: s + found[i] for i, s in total.items() if i in found}
        phrase = " ".join(qwords)
        out = {}
        for i, score in total.items():
            name = " ".join(self.words[i])
            out[i] = score / len(qwords) + (5 if phrase in name else 0) + (3 if name.startswith(phrase) else 0)
        return out

    def search(self, query: str) -> list[Hit]:
        """Entries matching every word of ``query``, best first, one per resource."""
        return ranked((self.entries[i], score) for i, score in self.scored(query).items())


def ranked(scored: Iterable[tuple[Entry, float]]) -> list[Hit]:
    """Each resource's best-scoring entry, best first (then people, organisations, sessions; then by name and IRI)."""
    hits: dict[str, Hit] = {}
    for entry, score in scored:
        if entry.iri not in hits or score > hits[entry.iri].score:
            hits[entry.iri] = Hit(entry, score)
    order = list(KINDS)
    return sorted(hits.values(), key=lambda h: (-h.score, order.index(h.entry.kind), h.entry.name, h.entry.iri))


class Names:
    """The store's distinct names, searchable; whose they are is looked up for the names a query matches.

    Reading each name's holder (and a session's date) for every name would read twice as many terms
    from the store before the first answer; the holders found are kept for the next queries.
    """

    def __init__(self, store):
        self.store = store
        self.terms = [row[0] for row in store.query(NAMES)]
        self.index = Index([], [words(term.value) for term in self.terms])
        self._holders: dict[int, list[Entry]] = {}

    def search(self, query: str) -> list[Hit]:
        """Resources with a name matching every word of ``query``, best first, one per resource."""
        found = self.index.scored(query)
        self._look_up([i for i in found if i not in self._holders])
        return ranked((entry, score) for i, score in found.items() for entry in self._holders[i])

    def _look_up(self, names: list[int]) -> None:
        for start in range(0, len(names), CHUNK):
            chunk = names[start:start + CHUNK]
            block = "VALUES ?name { " + " ".join(str(self.terms[i]) for i in chunk) + " }"
            holders = [(s.value, name) for s, name in self.store.query(HOLDERS % block)
                       if (ids.split(s.value) or ("", ""))[0] in KINDS]
            dates: dict[str, list[str]] = {}
            sessions = sorted({s for s, _ in holders if ids.split(s)[0] == "session"})
            if sessions:
                for s, detail in self.store.query(DATES % values("s", sessions)):
                    dates.setdefault(s.value, []).append(detail.value)
            at = {self.terms[i]: i for i in chunk}
            found: dict[int, list[Entry]] = {i: [] for i in chunk}
            for s, name in holders:
                i = at[name]
                found[i] += [Entry(s, ids.split(s)[0], name.value, detail, self.index.words[i])
                             for detail in dates.get(s, [""])]
            self._holders.update(found)  # whole lists only: another thread may be reading them


@bp.route("/search")
def search():
    """Ranked matches for ``q``, optionally of one ``kind``, paged."""
    query = request.args.get("q", "").strip()
    kind = request.args.get("kind", "")
    store = get_store()
    hits = cached("search-index", lambda: Names(store)).search(query) if query else []
    per_kind = {k: sum(1 for h in hits if h.entry.kind == k) for k in KINDS}
    shown = [h for h in hits if h.entry.kind == kind] if kind in KINDS else hits
    return render_template("search.html", q=query, kind=kind if kind in KINDS else "", kinds=KINDS,
                           per_kind=per_kind, total=len(hits), page=page_of(shown))
