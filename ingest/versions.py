"""Versions: several files describing one session (a draft and a final) never pool their facts.

Two single-session files of a series are versions of one session when they
have the same date and the same permalink slug, or the same title once a
draft marker is taken off and one of them is marked a draft ("(Draft)" in its
title, body or role headings; "draft" in its path or permalink). Of a group
the *final* version is kept: the one not marked a draft, then the fuller page
(more appearances, more organisations, more printed fields, more text), then
the later path. The others are *superseded*: their graph keeps only the
file's provenance, its version keys, ``dcterms:isReplacedBy`` the kept file's
graph, and a note naming both files — so none of their facts reach the
default graph.

Ingest is incremental, so every file's graph records its version keys and
rank (``sg:versionKey``, ``sg:versionRank``); a run compares the files it
parses with the versions already stored: a final added later supersedes the
stored draft (its graph is replaced by the stub), and when a final is changed
or pruned the stored draft is read again from its folder and comes back.

>>> is_draft_text("Speakers (Draft)"), is_draft_text("Drafting norms"), strip_draft("Cyber Norms (Draft)")
(True, False, 'Cyber Norms')
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF

from graph.errors import IngestError
from graph.ids import slugify
from graph.vocab import SG, ox_node
from ingest.records import Note, Parsed

_MARK = re.compile(r"\s*[\(\[]\s*draft\s*[\)\]]\s*|\s*[\u2013\u2014:-]\s*draft\s*$", re.I)
# the same marks without the leading spaces: a search of a whole page tried ``\s*`` at every position
_BODY_MARK = re.compile(r"[\(\[]\s*draft\s*[\)\]]|[\u2013\u2014:-]\s*draft\s*$", re.I)
_PATH_DRAFT = re.compile(r"(?<![a-z])drafts?(?![a-z])", re.I)
_SLUG_DRAFT = re.compile(r"(^|-)draft(?=-|$)")

_STORED = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?path ?key ?rank ?by ?root WHERE {
  GRAPH ?g { ?g sg:versionKey ?key ; sg:path ?path OPTIONAL { ?g sg:versionRank ?rank }
             OPTIONAL { ?g dcterms:isReplacedBy ?by } OPTIONAL { ?g sg:root ?root } }
}"""


def is_draft_text(text: str | None) -> bool:
    """True when ``text`` carries a draft marker ("(Draft)", "[DRAFT]", "– Draft")."""
    return bool(text and _MARK.search(text))


def strip_draft(text: str) -> str:
    """``text`` without its draft markers."""
    return _MARK.sub(" ", text).strip()


@dataclass
class Version:
    """One file's claim to a session: its keys and rank, and its parsed records when read in this run."""

    graph: str
    path: str
    keys: set[str]
    rank: str
    parsed: Parsed | None = None
    plan: object = None
    replaced_by: str | None = None  # as stored
    sha: str = ""  # as stored
    root: str | None = None  # as stored: the folder's key (sg:root)
    counted: bool = False  # counted in this run's summary

    @property
    def draft(self) -> bool:
        """True when the file is marked a draft."""
        return self.rank.startswith("0")

    @property
    def standing(self) -> str:
        """The rank without the fingerprint: not a draft, then appearances, organisations, printed fields."""
        return self.rank.rpartition("|")[0]

    @property
    def fingerprint(self) -> str:
        """The digest of the facts the file states."""
        return self.rank.rpartition("|")[2]


def describe(parsed: Parsed, series: str) -> tuple[set[str], str]:
    """The version keys and rank of a parsed file (no keys unless it holds exactly one dated session)."""
    if len(parsed.sessions) != 1 or parsed.sessions[0].date is None or parsed.sessions[0].title is None:
        return set(), ""
    session = parsed.sessions[0]
    doc = parsed.doc
    day = session.date.isoformat()
    draft = (is_draft_text(session.title) or bool(_BODY_MARK.search(doc.body)) or bool(_PATH_DRAFT.search(doc.path))
             or bool(_PATH_DRAFT.search(session.permalink or "")) or is_draft_text(str(doc.meta.get("title") or "")))
    keys = {f"k|{series}|{day}|{_SLUG_DRAFT.sub('', session.key).strip('-')}",
            f"t|{series}|{day}|{slugify(strip_draft(session.title))}"}
    orgs = sum(1 for r in session.rows for p in r.positions if p.organisation)
    filled = sum(1 for v in (session.start, session.end, session.format, session.abstract, session.time_label) if v)
    filled += sum(bool(r.country_label) + bool(r.link) + len(r.positions) for r in session.rows)
    rank = f"{0 if draft else 1}|{len(session.rows):05d}|{orgs:05d}|{filled:06d}|{_fingerprint(session)}"
    return keys, rank


def describe_into(parsed: Parsed, series: str) -> None:
    """Record on ``parsed`` its version keys (sorted) and rank, as ``describe`` finds them."""
    keys, rank = describe(parsed, series)
    parsed.version_keys, parsed.version_rank = sorted(keys), rank


def _fingerprint(session) -> str:
    """A digest of what a session page states: two files with the same one are copies, not versions."""
    rows = sorted((r.role_label, r.printed_name, r.link or "", r.country_label or "",
                   tuple((p.title or "", p.organisation or "") for p in r.positions)) for r in session.rows)
    facts = (session.title, str(session.date), str(session.start), str(session.end), session.format or "",
             session.abstract, rows)
    return hashlib.sha256(repr(facts).encode()).hexdigest()[:16]


def settle(store, plans: list, loaded: dict[str, tuple[str, str]], summary) -> None:
    """Decide the kept version of every session this run touches, and make the others superseded.

    ``plans`` are the loader's per-site plans (``site``, ``seen``, ``parsed``, ``failures``, ``gone``):
    superseded files read in this run lose their sessions, stored ones get a stub graph, and stored
    superseded files whose final is gone or changed are read again.
    """
    versions = _parsed_versions(plans)
    gone = {g for plan in plans for g in getattr(plan, "gone", ())}
    if not loaded or not (versions or gone):
        _decide_all(versions, set(versions), summary, plans)
        return
    stored = _stored_versions(store, plans, loaded)
    everyone = {g: v for g, v in stored.items() if g not in gone} | versions
    _decide_all(everyone, set(versions) | gone, summary, plans)


def _decide_all(versions: dict[str, Version], touched: set[str], summary, plans: list) -> None:
    for group in _groups(versions.values()):
        if {v.graph for v in group} & touched or any(v.replaced_by in touched for v in group):
            _decide(group, summary, plans[0].failures)


def _parsed_versions(plans: list) -> dict[str, Version]:
    out = {}
    for plan in plans:
        for graph, parsed in plan.parsed:  # each described by the loader's pipeline (describe_into)
            if parsed.version_keys:
                out[graph] = Version(graph, parsed.doc.path, set(parsed.version_keys), parsed.version_rank, parsed,
                                     plan, counted=True)
    return out


def _stored_versions(store, plans: list, loaded: dict[str, tuple[str, str]]) -> dict[str, Version]:
    out: dict[str, Version] = {}
    for g, path, key, rank, by, root in store.query(_STORED):  # by position, in the SELECT's order
        graph = g.value
        v = out.get(graph)
        if v is None:
            v = out[graph] = Version(graph, path.value, set(), "", sha=loaded.get(graph, ("", ""))[1])
        v.keys.add(key.value)
        v.rank = rank.value if rank is not None else v.rank
        v.replaced_by = by.value if by is not None else None
        v.root = root.value if root is not None else None
    for v in out.values():
        v.plan = next((p for p in plans if v.graph in p.seen), None)
    return out


def _root(plan) -> Path:
    root = plan.site.root
    return root if root.is_dir() else root.parent


def _groups(versions) -> list[list[Version]]:
    """Versions of one session together: same slug key, or same title key when one of them is a draft."""
    parent: dict[str, str] = {}

    def find(g: str) -> str:
        while parent.setdefault(g, g) != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    by_key: dict[str, list[Version]] = {}
    for v in versions:
        find(v.graph)
        for key in v.keys:
            by_key.setdefault(key, []).append(v)
    for key, members in by_key.items():
        if key.startswith("t|") and not any(m.draft for m in members):
            continue
        for m in members[1:]:
            parent[find(m.graph)] = find(members[0].graph)
    groups: dict[str, list[Version]] = {}
    for v in versions:
        groups.setdefault(find(v.graph), []).append(v)
    return [g for g in groups.values() if len(g) > 1 or g[0].replaced_by]


def _decide(group: list[Version], summary, stubs: dict[str, list[ox.Quad]]) -> None:
    languages = translations(group)
    final = _kept_language(group, languages) if languages else max(group, key=lambda v: (v.standing, v.path))
    if final.parsed is None and final.replaced_by:
        _reread(final)
    # a copy stating the same facts (another line ending, a BOM) pools nothing: it stays as it is
    others = sorted((v for v in group if v is not final and v.fingerprint != final.fingerprint), key=lambda v: v.path)
    for v in others:
        note = _note(v, final, languages)
        if v.parsed is not None:
            _supersede(v, final, summary, note)
        elif v.replaced_by != final.graph:
            stubs[v.graph] = _stub(v, final, note)  # a stored version read in no run of ours: its graph becomes the stub


def _message(final: Version) -> str:
    return (f"superseded by {final.path} (the final version of the same session) — this file's facts are kept "
            "out of the graph; delete it, or give it its own permalink if it is another session")


def _note(v: Version, final: Version, languages: dict[str, str] | None) -> Note:
    """The note a file left out gets: a translation's says so (nothing to delete), a draft's names its final."""
    if not languages:
        return Note(v.path, None, "superseded", _message(final))
    lang, kept = languages[v.path], languages[final.path]
    return Note(v.path, None, "translation", f"translation of {final.path} (the same session in {kept}, the site's "
                f"default language) — this file's facts are kept out of the graph so that no appearance counts "
                f"twice; to read the {lang} pages instead, exclude the {kept} folder in the profile ([site] exclude)")


def translations(group: list[Version]) -> dict[str, str] | None:
    """``{path: language}`` when the files of ``group`` are one page in several language folders (``content/en/x.md``
    and ``content/fr/x.md``: the paths differ in one folder only, a language code each), else ``None``: translations,
    not a draft and its final.

    >>> v = lambda path: Version("g:" + path, path, set(), "1|")
    >>> translations([v("content/en/s/a.md"), v("content/fr/s/a.md")])
    {'content/en/s/a.md': 'en', 'content/fr/s/a.md': 'fr'}
    >>> translations([v("e/a.md"), v("e/drafts/a.md")]), translations([v("2024/en/a.md"), v("2025/en/a.md")])
    (None, None)
    """
    from ingest.draft_languages import _code

    parts = [v.path.split("/") for v in group]
    if len({len(p) for p in parts}) != 1:
        return None
    differ = [i for i in range(len(parts[0]) - 1) if len({p[i] for p in parts}) > 1]
    if len(differ) != 1:
        return None
    codes = {v.path: _code(p[differ[0]]) for v, p in zip(group, parts)}
    return codes if all(codes.values()) and len(set(codes.values())) == len(group) else None


def _kept_language(group: list[Version], languages: dict[str, str]) -> Version:
    """The version in the site's default language: the one its configuration names (Hugo's
    ``defaultContentLanguage``), else English, else the first in path order."""
    plan = next((v.plan for v in group if v.plan is not None), None)
    default = site_language(_root(plan)) if plan is not None else None
    for lang in (default, "en"):
        kept = [v for v in group if lang and languages[v.path] == lang]
        if kept:
            return kept[0]
    return min(group, key=lambda v: v.path)


def site_language(folder: Path) -> str | None:
    """The default language a site's configuration names (``defaultContentLanguage = "fr"`` in ``hugo.toml``)."""
    from ingest.draft_languages import DEFAULT_KEYS, _code
    from ingest.draft_site import CONFIGS, _read

    for name in CONFIGS + tuple(f"config/_default/{n}" for n in CONFIGS):
        data = _read(folder / name, name) or {}
        value = next((data[k] for k in DEFAULT_KEYS if isinstance(data.get(k), str)), None)
        if value and _code(value):
            return _code(value)
    return None


def _supersede(v: Version, final: Version, summary, note: Note | None = None) -> None:
    parsed = v.parsed
    if v.counted:
        summary.sessions -= len(parsed.sessions)
        summary.appearances -= sum(len(s.rows) for s in parsed.sessions)
    parsed.sessions, parsed.speakers = [], []
    parsed.superseded_by = final.graph
    parsed.notes = [n for n in parsed.notes if n.kind in ("placeholder", "date-corrected")]
    parsed.notes.append(note or Note(v.path, None, "superseded", _message(final)))


def _reread(v: Version) -> None:
    """Read a stored superseded file again from its folder, to write it whole."""
    from ingest.loader import pipeline  # the loader imports this module

    if v.plan is None:
        return
    try:
        parsed = pipeline(v.path, (_root(v.plan) / v.path).read_bytes(), v.plan.site)  # described there
    except (OSError, IngestError):
        return
    v.parsed = parsed
    v.plan.parsed.append((v.graph, parsed))


def _stub(v: Version, final: Version, note: Note | None = None) -> list[ox.Quad]:
    """The graph of a stored version once superseded: provenance, version keys, the replacement, a note."""
    from ingest.loader import note_quads  # the loader imports this module

    g = ox.NamedNode(v.graph)
    quads = [ox.Quad(g, ox_node(RDF.type), ox_node(SG.SourceFile), g),
             ox.Quad(g, ox_node(SG.path), ox.Literal(v.path), g),
             ox.Quad(g, ox_node(SG.contentHash), ox.Literal(v.sha), g),
             ox.Quad(g, ox_node(SG.versionRank), ox.Literal(v.rank), g),
             ox.Quad(g, ox_node(DCTERMS.isReplacedBy), ox.NamedNode(final.graph), g)]
    quads += [ox.Quad(g, ox_node(SG.versionKey), ox.Literal(k), g) for k in sorted(v.keys)]
    if v.root:
        quads.append(ox.Quad(g, ox_node(SG.root), ox.Literal(v.root), g))
    return quads + note_quads(v.graph, [note or Note(v.path, None, "superseded", _message(final))])


def quads(graph: str, parsed: Parsed) -> list[ox.Quad]:
    """The version facts of a file's graph: its keys, its rank, and what replaces it."""
    g = ox.NamedNode(graph)
    out = [ox.Quad(g, ox_node(SG.versionKey), ox.Literal(k), g) for k in parsed.version_keys]
    if parsed.version_rank:
        out.append(ox.Quad(g, ox_node(SG.versionRank), ox.Literal(parsed.version_rank), g))
    if parsed.superseded_by:
        out.append(ox.Quad(g, ox_node(DCTERMS.isReplacedBy), ox.NamedNode(parsed.superseded_by), g))
    return out

