"""Trying a reader on a page while drafting: what it finds there decides whether a part names the page.

A part is drafted for pages a reader *recognises* (``detect``) or whose shape the drafter saw (a
``Time`` column); a page that neither shows can still be one a reader reads (a block per briefing with
"Presented by:" people), and a page that shows it can name nobody (an agenda linking to session pages).
Reading the page with the reader, as ingest would, settles both.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from graph.errors import IngestError
from ingest.records import Document

TRIED = ("programme",)  # readers tried on pages no reader recognises, in this order
UNDATED = {"programme": {"default_date": "2000-01-01"}, "cards": {"default_date": "2000-01-01"}}  # a trial asks who is named, not when: no page skipped
NOT_SPEAKERS = re.compile(r"\b(sponsors?(?:ship)?|partners?|exhibitors?|supporters?|funders?|donors?|vendors?)\b",
                          re.I)


def people_read(name: str, doc: Document, /, **options) -> tuple[int, int]:
    """``(sessions naming someone, people rows)`` the reader ``name`` reads from ``doc`` (0, 0 when it fails)."""
    from ingest import readers

    try:
        parsed = readers.module(name).read(doc, **{**UNDATED.get(name, {}), **options})
    except (IngestError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return 0, 0  # a reader that cannot read the page reads nobody from it
    named = [s for s in parsed.sessions if any(r.printed_name for r in s.rows)]
    return len(named), sum(len(s.rows) for s in named)


def front_people(doc: Document, options: dict) -> int:
    """How many people the frontmatter reader reads from ``doc`` with a drafted part's ``options``, whether the
    page gives a date or not (a trial asks who is named, not when: a page dated by a day code is no skip)."""
    from dataclasses import replace

    from ingest.draft_values import as_list

    dated = replace(doc, meta={**doc.meta, _TRIAL_DATE: "2000-01-01"})
    keys = [*as_list(options.get("date") or "date"), _TRIAL_DATE]
    options = {k: v for k, v in options.items() if k not in ("files", "reader", "date")}
    return people_read("frontmatter", dated, **options, date=keys)[1]


_TRIAL_DATE = "_draft_trial_date"


def pages_apart(options: dict, docs: list[Document]) -> dict[str, str]:
    """The pages of a front-matter part's folder the part should not read, with why: a page about the site's own
    people (its committee, organisers, volunteers: no session of a meeting), and a page another reader reads
    people from where the part, with ``options``, reads none (a programme page beside the talk pages it links to:
    read by the programme reader in a part of its own)."""
    from ingest.draft_pages import has_programme, own_people_page

    apart = {}
    for doc in docs:
        if own_people_page(doc):
            apart[doc.path] = "about the site's own people, its committee, organisers or volunteers: no session"
            continue
        if front_people(doc, options):
            continue
        for name in TRIED:
            sessions, rows = people_read(name, doc)
            if rows and (sessions >= 2 or has_programme(doc.body)):  # as a programme part takes a page in
                apart[doc.path] = (f"the {name} reader reads {rows} people in {sessions} sessions from it, this part "
                                   "none: a part of its own")
                break
    return apart


def persons_read(name: str, doc: Document, /, **options) -> int:
    """How many people rows the reader ``name`` reads from ``doc`` print a person's name (not an organisation's,
    not a type name such as ``"Organization"``)."""
    from ingest import readers
    from ingest.draft_values import name_like

    try:
        parsed = readers.module(name).read(doc, **{**UNDATED.get(name, {}), **options})
    except (IngestError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return 0
    return sum(1 for s in parsed.sessions for r in s.rows if r.printed_name and name_like(r.printed_name))


def about_sponsors(doc: Document) -> bool:
    """True for a page about the event's sponsors, partners or exhibitors (their tiers are no people).

    >>> about_sponsors(Document("2024/sponsors.html", "", {}, "", 0))
    True
    """
    title = str(doc.meta.get("title") or "")
    m = re.search(r"<title[^>]*>([^<|]{1,120})|<h1[^>]*>([^<]{1,120})</h1>", doc.body[:20000], re.I)
    if m:
        title += " " + (m.group(1) or m.group(2))
    return bool(NOT_SPEAKERS.search(PurePosixPath(doc.path).stem.replace("-", " ").replace("_", " "))
                or NOT_SPEAKERS.search(title))


def exact_files(paths: list[str], every: list[str], alike: set[str] = frozenset()):
    """The ``files`` of a part reading ``paths``: one glob over the edition folders they stand in (``*/speakers.md``,
    ``events/*/*.md``: the next edition's too), else their folders' globs, when these take in no other page of
    ``every`` (but pages ``alike``, of the same shape: the next edition's), else a glob of the name the paths
    share up to a number (``PAR [0-9]*.md``) when it does, else the paths themselves.

    >>> exact_files(["a/1.md", "a/2.md", "a/3.md", "a/4.md"], ["a/1.md", "a/2.md", "a/3.md", "a/4.md"])
    'a/*.md'
    >>> exact_files(["a/1.md", "a/2.md", "a/3.md", "a/4.md"], ["a/1.md", "a/2.md", "a/3.md", "a/4.md", "a/x.md"])
    'a/[0-9]*.md'
    >>> exact_files(["a/F 2030 @ X.md"], ["a/F 2030 @ X.md", "a/F 2031 @ Y.md", "a/F News.md"], {"a/F 2031 @ Y.md"})
    'a/F [0-9]*.md'
    >>> exact_files(["a/x.md", "a/y.md"], ["a/x.md", "a/y.md", "a/z.md"])
    ['a/x.md', 'a/y.md']
    >>> exact_files(["2031/speakers.md", "2032/speakers.md"], ["2031/speakers.md", "2031/cfp.md", "2032/speakers.md"])
    '*/speakers.md'
    """
    from wcmatch import glob

    from ingest.profile import GLOB_FLAGS

    allowed = set(paths) | set(alike)
    for files in (across_editions(paths), _folder_files(paths, alike), _numbered(paths)):
        if files and {p for p in every if glob.globmatch(p, files, flags=GLOB_FLAGS)} <= allowed:
            return files
    return sorted(paths) if len(paths) > 1 else paths[0]


def across_editions(paths: list[str]) -> str | None:
    """One glob for files of one shape in the folders of editions side by side (names that differ only by their
    numbers or dates), at any depth (``_2031-events/4 May 2031/``, ``_2032-events/9 May 2032/``: an edition's day
    folders): of the name they share (``top/*/speakers.md``), else of their suffix (``top/*/*.md``); ``None`` for one
    folder, for folders that are not alike or name no edition (``en/``, ``es/``: languages, never one part;
    ``_2033-events/`` beside ``_2033-speakers/``: two kinds of page).

    >>> across_editions(["e/2031/day-1.md", "e/2032/day-1.md"]), across_editions(["2031/a.md", "2032/b.md"])
    ('e/*/day-1.md', '*/*.md')
    >>> across_editions(["en/a.md", "es/a.md"]), across_editions(["2031/a.md", "2031/b.md"])
    (None, None)
    >>> across_editions(["_2033-events/a.md", "_2033-speakers/b.md"]), across_editions(["_2031-x/a.md", "_2032-x/a.md"])
    (None, '_*-x/a.md')
    >>> across_editions(["_2031-e/4 May 2031/a.md", "_2031-e/5 May 2031/b.md", "_2032-e/30 April 2032/c.md"])
    '_*-e/*/*.md'
    """
    parts = [PurePosixPath(p) for p in paths]
    folders = {p.parent.parts for p in parts}
    if len(folders) < 2 or len({len(f) for f in folders}) != 1:
        return None
    levels = [_edition_segment({f[i] for f in folders}) for i in range(len(next(iter(folders))))]
    if None in levels:
        return None
    at = "".join(f"{level}/" for level in levels)
    names, suffixes = {p.name for p in parts}, {p.suffix for p in parts}
    if len(names) == 1:
        return f"{at}{names.pop()}"
    return f"{at}*{suffixes.pop()}" if len(suffixes) == 1 and all(suffixes) else None


_MONTHS = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                     r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b", re.I)


def _edition_segment(names: set[str]) -> str | None:
    """The glob of one level of edition folders: the name they share, else their names with their numbers as ``*``
    (``_*-events``; a date, ``*``) when they differ only by numbers and month names; else ``None`` (not alike).

    >>> _edition_segment({"e"}), _edition_segment({"2031", "2032"}), _edition_segment({"_2031-x", "_2032-x"})
    ('e', '*', '_*-x')
    >>> _edition_segment({"4 May 2031", "30 April 2032"}), _edition_segment({"en", "es"})
    ('*', None)
    """
    if len(names) == 1:
        return next(iter(names))
    forms = {_MONTHS.sub("\x01", re.sub(r"\d+", "#", n)) for n in names}  # \x01: a month's name
    if len(forms) != 1 or "#" not in next(iter(forms)):
        return None
    form = next(iter(forms))
    return "*" if "\x01" in form or not re.search(r"[^\W\d_]", form) else re.sub(r"#", "*", form)


def _folder_files(paths: list[str], alike: set[str]):
    """The folder globs of ``paths``; the glob of their one folder when they are several or pages ``alike`` stand
    beside them (the next edition's page is read too)."""
    from ingest.draft_pages import folder_glob

    folders = {str(PurePosixPath(p).parent) for p in paths}
    if (alike or len(paths) > 1) and len(folders) == 1 and len(paths) <= 3:  # folder_glob names these as they are
        folder, ext = folders.pop(), paths[0].rsplit(".", 1)[-1]
        return f"*.{ext}" if folder == "." else f"{folder}/*.{ext}"
    return folder_glob(paths)


def _numbered(paths: list[str]) -> str | None:
    """``folder/Prefix [0-9]*.ext`` when the paths stand in one folder and their names share what comes before a
    number (a year, an edition's number).

    >>> _numbered(["e/PAR 2015 @ Kobe.md", "e/PAR 2016 @ Rotterdam.md"]), _numbered(["e/a.md"])
    ('e/PAR [0-9]*.md', None)
    """
    parts = [PurePosixPath(p) for p in paths]
    heads = {re.match(r"[^\d\[\]*?{}]*", p.name).group(0) for p in parts}
    if len({p.parent for p in parts}) != 1 or len({p.suffix for p in parts}) != 1 or len(heads) != 1:
        return None
    head = heads.pop()
    if not all(p.name[len(head):][:1].isdigit() for p in parts):
        return None
    folder = str(parts[0].parent)
    return f"{'' if folder == '.' else folder + '/'}{head}[0-9]*{parts[0].suffix}"


def times_read(name: str, doc: Document) -> list:
    """The start times the reader ``name`` reads from ``doc``, as ``When``s (with the UTC offset each prints)."""
    from ingest import readers
    from ingest.draft_values import When, _offset

    try:
        parsed = readers.module(name).read(doc, **UNDATED.get(name, {}))
    except (IngestError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return []
    return [When(True, True, _offset(s.start), s.start.year) for s in parsed.sessions if s.start is not None]
