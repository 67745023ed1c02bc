"""Drafting parts for JSON a page carries in a ``<script type="application/json">`` element.

A site built with Next.js, Nuxt or Astro and exported as static HTML prints its programme as markup, but keeps
the data it was rendered from as JSON in a script element (Next.js ``<script id="__NEXT_DATA__"
type="application/json">``, Nuxt ``__NUXT_DATA__``). That JSON is embedded data: the usual drafting of data files
runs on it (``ingest.draft_data.data_parts``), and each part it drafts reads the page with an ``embedded`` pattern
that finds the script again (``ingest.embedded``):

>>> page = '<p>x</p><script id="__NEXT_DATA__" type="application/json">{"props": {"a": 1}}</script>'
>>> script_json(page)
[('<script[^>]*\\\\bid="__NEXT_DATA__"[^>]*>(.*?)</script>', {'props': {'a': 1}})]
"""

from __future__ import annotations

import json
import re

from ingest.draft_text import Entry, Table
from ingest.records import Document

PAGES = ("html", "htm")
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_JSON_TYPE = re.compile(r"""\btype\s*=\s*["']?application/json["'\s>]|\btype\s*=\s*["']?application/json$""", re.I)
_ID = re.compile(r"""\bid\s*=\s*(["']?)([\w:.-]+)\1""", re.I)


def script_pattern(attributes: str, first: bool) -> str | None:
    r"""The ``embedded`` pattern that finds a JSON script element again by its attributes: its id, else its type when
    it is the page's first JSON script (a pattern finds the first match); ``None`` when nothing sets it apart.
    The group is non-greedy, so that it stops at the element's own end tag.

    >>> print(script_pattern(' id="__NUXT_DATA__" type="application/json" data-ssr="true"', False))
    <script[^>]*\bid="__NUXT_DATA__"[^>]*>(.*?)</script>
    >>> print(script_pattern(" type='application/json'", True))
    <script[^>]*\btype=["']?application/json\b[^>]*>(.*?)</script>
    >>> script_pattern(' type="application/json"', False) is None
    True
    """
    found = _ID.search(attributes)
    if found:
        quote = found.group(1) or '"?'
        return rf'<script[^>]*\bid={quote}{re.escape(found.group(2))}{found.group(1)}[^>]*>(.*?)</script>'
    return r"""<script[^>]*\btype=["']?application/json\b[^>]*>(.*?)</script>""" if first else None


def script_json(body: str) -> list[tuple[str, object]]:
    """``(embedded pattern, data)`` for each ``<script type="application/json">`` of a page that holds a JSON
    object or list (JSON-LD, ``application/ld+json``, has a reader of its own)."""
    out, first = [], True
    for m in _SCRIPT.finditer(body):
        if not _JSON_TYPE.search(m.group(1)):
            continue
        pattern, first = script_pattern(m.group(1), first), False
        try:
            data = json.loads(m.group(2))
        except (json.JSONDecodeError, RecursionError):
            continue
        if pattern and isinstance(data, dict | list) and data:
            out.append((pattern, data))
    return out


def script_parts(docs: list[Document], sessions: list[Table] = (), earlier: list[Table] = ()) -> list[Table]:
    """The parts the drafting of data files finds in the JSON scripts of the pages no earlier part reads, each
    reading its pages with the ``embedded`` pattern of their script."""
    from ingest.draft_data import data_parts

    named = _named([d.path for d in docs], earlier)
    held: dict[str, list[Document]] = {}
    for doc in docs:
        if doc.suffix in PAGES and doc.path not in named and "application/json" in doc.body:
            for pattern, data in script_json(doc.body):
                held.setdefault(pattern, []).append(Document(doc.path, doc.sha256, {}, doc.body, 0, data=data))
    every = [d.path for d in docs]
    parts = []
    for pattern, inner in held.items():
        found = data_parts(inner, list(sessions))
        for table in found:
            if not table.comment_only:
                _read_embedded(table, pattern, [d.path for d in inner], every)
        parts += found if any(not t.comment_only for t in found) else _unread(pattern, inner)
    return parts


def _unread(pattern: str, inner: list[Document]) -> list[Table]:
    """A comment for JSON scripts holding lists of records that got no part, so that a user can write one."""
    from ingest.draft_data import record_lists

    lists = list(dict.fromkeys(spec for d in inner for spec, _ in record_lists(d.data) if spec))
    if not lists:
        return []
    pages = f"{len(inner)} page keeps" if len(inner) == 1 else f"{len(inner)} pages keep"
    return [Table(why=[f"{pages} JSON in a <script type=\"application/json\"> (e.g. {inner[0].path}) with lists "
                       f"of records ({', '.join(lists[:4])}) that read as no sessions or people — if one is the "
                       f"programme, write a records part with embedded = '{pattern}' and records = the list's path "
                       "(docs/sites.md, JSON in a page's script element)"], comment_only=True)]


def _read_embedded(table: Table, pattern: str, holding: list[str], every: list[str]) -> None:
    """Make a data part read pages: the ``embedded`` pattern after its reader, its files only pages holding the JSON."""
    from wcmatch import glob

    from ingest.draft_trial import exact_files
    from ingest.profile import GLOB_FLAGS

    files = table.get("files")
    taken = [p for p in every if glob.globmatch(p, files, flags=GLOB_FLAGS)]
    if not set(taken) <= set(holding):  # a page beside them without that script: its files listed instead
        table.set("files", exact_files([p for p in taken if p in holding], every))
        table.entries.insert(0, table.entries.pop())
    table.why[0] = table.why[0].replace("data file", "page") + " — JSON in a <script type=\"application/json\">"
    at = next(i for i, e in enumerate(table.entries) if e.key == "reader") + 1
    table.entries.insert(at, Entry("embedded", pattern, ["the page keeps the data it was rendered from as JSON in a "
                                                         "script element (a Next.js, Nuxt or Astro export)"]))


def _named(paths: list[str], earlier: list[Table]) -> set[str]:
    """The paths the files globs of earlier parts take in."""
    from wcmatch import glob

    from ingest.profile import GLOB_FLAGS

    globs = [g for t in earlier if not t.comment_only for g in
             ([t.get("files")] if isinstance(t.get("files"), str) else t.get("files") or [])]
    return {p for p in paths if globs and glob.globmatch(p, globs, flags=GLOB_FLAGS)}
