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
from dataclasses import dataclass, field

from flask import Blueprint, render_template, request
from rapidfuzz import fuzz, process

from graph import ids
from graph.ids import fold
from graph.results import table
from web.db import cached, get_store
from web.paging import page_of
from web.people import PREFIXES

bp = Blueprint("search", __name__)

KINDS = {"person": "People", "org": "Organisations", "session": "Sessions"}
CLOSE = 80  # the least rapidfuzz ratio for a query word to match a name word

# names of people, organisations and sessions, told apart by their IRIs (no type joins: see web.facts)
NAMES = PREFIXES + """
SELECT DISTINCT ?s ?name ?detail WHERE {
  ?s schema:name ?name .
  OPTIONAL { ?s dcterms:date ?detail }
}"""

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
    """Entries, and for each word the entries that hold it."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.postings: dict[str, set[int]] = {}
        for i, entry in enumerate(entries):
            for word in entry.words:
                self.postings.setdefault(word, set()).add(i)
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

    def search(self, query: str) -> list[Hit]:
        """Entries matching every word of ``query``, best first, one per resource."""
        qwords = words(query)
        if not qwords:
            return []
        total: dict[int, float] | None = None
        for word in qwords:
            found = self._matches(word)
            total = found if total is None else {i: s + found[i] for i, s in total.items() if i in found}
        phrase = " ".join(qwords)
        hits: dict[str, Hit] = {}
        for i, score in total.items():
            entry = self.entries[i]
            name = " ".join(entry.words)
            score = score / len(qwords) + (5 if phrase in name else 0) + (3 if name.startswith(phrase) else 0)
            if entry.iri not in hits or score > hits[entry.iri].score:
                hits[entry.iri] = Hit(entry, score)
        order = list(KINDS)
        return sorted(hits.values(), key=lambda h: (-h.score, order.index(h.entry.kind), h.entry.name))


def build_index(store) -> Index:
    """The search index of a store."""
    entries = []
    for row in table(store.query(NAMES)).dicts():
        kind = (ids.split(row["s"]) or ("", ""))[0]
        if kind in KINDS:
            entries.append(Entry(row["s"], kind, row["name"], row.get("detail", "")))
    return Index(entries)


@bp.route("/search")
def search():
    """Ranked matches for ``q``, optionally of one ``kind``, paged."""
    query = request.args.get("q", "").strip()
    kind = request.args.get("kind", "")
    store = get_store()
    hits = cached("search-index", lambda: build_index(store)).search(query) if query else []
    per_kind = {k: sum(1 for h in hits if h.entry.kind == k) for k in KINDS}
    shown = [h for h in hits if h.entry.kind == kind] if kind in KINDS else hits
    return render_template("search.html", q=query, kind=kind if kind in KINDS else "", kinds=KINDS,
                           per_kind=per_kind, total=len(hits), page=page_of(shown))
