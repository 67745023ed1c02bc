"""Draft a site profile from what a folder holds: every guess is written with the evidence for it.

``speakergraph profile DIR`` runs :func:`draft` and prints :func:`render`. The inspection is
a set of small pure functions over the folder's ``Document``s (see :func:`survey`): schedule
exports a reader recognises, front-matter collections (sessions with a speaker list, speaker pages),
data files holding lists of records, HTML cards, programme tables, role words, and the
template leftovers a part should not read. Each finding becomes a ``[[parts]]`` table or a
``[site]`` setting preceded by ``#`` lines saying what was seen ("23 of 23 files in _posts/
have front matter key 'speakers'"). What the drafter is unsure of is written as a commented
line; options a reader does not accept are commented out with the reader's reason, so the
drafted profile always loads.

The findings are drafted by ``ingest.draft_front`` (front-matter collections), ``ingest.draft_speakers``
(speaker pages and joins), ``ingest.draft_data`` (data files, JSON in code; ``ingest.draft_deeper``: people in a
text field, nested person fields, a zone field), ``ingest.draft_pages`` (cards, programme tables, speaker lists
as headings, role words), ``ingest.draft_site`` and ``ingest.draft_zones`` (the site's name and zone),
``ingest.draft_languages`` (one language of several) into ``ingest.draft_text`` tables.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from graph import ids
from graph.errors import IngestError
from ingest import readers
from ingest.draft_data import data_parts, embedded_parts
from ingest.draft_listed import listed_parts
from ingest.draft_front import PEOPLE_KEY, Collection, date_keys, flat, group_pages, session_part, slot_parts
from ingest.draft_languages import other_languages
from ingest.draft_pages import (card_parts, date_guess, edition_names, first_day_guess, has_body_people,
                                 heading_card_parts, programme_parts, role_words, speaker_cards, undated_guess,
                                 unmapped_labels, year_day)
from ingest.draft_site import configs, day_dates, monsieur, printed_days, series_guess, site_title, zones
from ingest.draft_speakers import labelled_pages, link, linked, person_pages, profile_part, role_keys, speaker_part
from ingest.draft_trial import across_editions, exact_files, pages_apart, times_read
from ingest.draft_twins import twin_exports
from ingest.draft_text import Draft, Table, render, settle  # noqa: F401 - render, settle: this module's interface
from ingest.draft_values import When, as_list
from ingest.draft_zones import printed_zones, split_by_zone
from ingest.read import HTML_SUFFIXES, parse_document, read_bytes
from ingest.records import Document
from ingest.site import TEXT_SUFFIXES, _series_from_folder

PAGES = readers.PAGE_SUFFIXES + HTML_SUFFIXES  # Markdown (MDX, Markdoc too) and HTML pages
# a repository's own files, named by one word and at most two more ("LICENSE-MIT", "README.en.md",
# "privacy-policy.md", "terms-of-service.html"), not a talk whose slug opens with one ("security-audits-for-….mdx")
LEFTOVERS = re.compile(r"(^|/)(readme|licen[cs]e|code[-_ ]of[-_ ]conduct|coc|contributing|changelog|security|"
                       r"404|privacy|terms)(?:[-_. ]\w+){0,2}(?:\.\w+)?$", re.I)


@dataclass
class Survey:
    """The folder as read for drafting: its documents and the files that could not be read."""

    root: Path
    docs: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def pages(self) -> list[Document]:
        """The Markdown and HTML pages."""
        return [d for d in self.docs if d.suffix in PAGES]

    @property
    def data(self) -> list[Document]:
        """The data files (YAML, JSON, TOML, CSV, XML)."""
        return [d for d in self.docs if d.data is not None]


def survey(root: Path) -> Survey:
    """Every text file under ``root`` read as a ``Document`` (hidden files, links and the profile left out)."""
    from ingest.loader import walk
    from ingest.profile import FILE

    folder = root if root.is_dir() else root.parent
    found = Survey(root)
    for path in walk(root, TEXT_SUFFIXES):
        rel = path.relative_to(folder).as_posix()
        if rel == FILE:
            continue
        try:
            found.docs.append(parse_document(rel, read_bytes(rel, path)))
        except (IngestError, RecursionError) as exc:
            found.errors.append(str(exc))
    return found


def draft(root: Path) -> Draft:
    """The drafted profile of the folder ``root``: settings and parts, each with its evidence."""
    seen = survey(root)
    hidden = unpublished(seen.docs)
    _, languages = other_languages(seen.pages, configs(root, seen.docs))  # one language read: no appearance twice
    seen.docs = [d for d in seen.docs if d not in hidden and not (languages and glob_match(d.path, list(languages)))]
    out = Draft(root=str(root), files=len(seen.docs) + len(hidden))
    copies = page_data_copies(seen.docs)  # Next.js's _next/data/<build>/x.json beside x.html: the page's own data
    seen.docs = [d for d in seen.docs if d not in copies]
    out.notes += [f"{len(copies)} file{'s' * (len(copies) != 1)} of _next/data/ copy the data of the pages beside "
                  f"them (e.g. {copies[0].path}): read once, from the pages"] if copies else []
    exports = _exports(seen)
    empty = nobody_exported(seen, exports)  # pages whose data names nobody: read like the pages beside them
    twins = twin_exports(exports, seen.docs)  # schedule.xml beside a schedule.json of the same events: one read
    out.twins = sorted(twins)
    exports = {p: r for p, r in exports.items() if p not in empty and p not in twins}
    pages = [d for d in seen.pages if d.path not in exports]  # a page that carries its events as data is read so
    cards = card_parts(pages)
    card_pages = {p for t in cards for p in t.pages}
    collections = group_pages([d for d in pages if d.path not in card_pages])
    sessions = [c for c in (_session_part(c, [d.path for d in pages]) for c in collections) if c]
    speakers = [s for s in (speaker_part(c) for c in collections) if s]
    link(sessions, speakers)
    for table, col in sessions:
        role_keys(table, col)
    profiles = [profile_part(t, c, cards) for t, c in speakers]
    out.parts = [p for p, _ in sessions] + cards + linked(profiles, out.notes)
    out.parts += data_parts(seen.data, [t for t, _ in sessions], set(exports), seen.pages)
    out.parts = slot_parts(sessions, seen.data, out.parts)  # undated talk pages and the programme's slots
    # JSON in code and in pages' scripts before the programme tables: the data a page was rendered from reads better
    out.parts += embedded_parts([d for d in seen.docs if d.path not in exports], [t for t, _ in sessions], out.parts)
    out.parts += programme_parts([d for d in pages if d.path not in card_pages], out.parts, set(exports), seen.docs)
    out.parts += person_pages(seen.pages, out.parts)  # before detection's: with a part, the pages it reads need one
    out.parts += labelled_pages(seen.pages, out.parts)
    out.parts += detected_parts(seen, out.parts)
    out.parts = listed_parts(out.parts, seen.pages)  # speaker pages listing talks a programme's sessions title
    for part in out.parts:
        if part.undated and not part.get("default_date") and not any(e.key == "default_date" for e in part.entries):
            date_guess(part, seen.pages)
        elif part.first_day_needed:
            first_day_guess(part, seen.pages)  # "schedule_day2.yml", "session: day2": counted from day 1
        elif part.get("year_from") == "path" and not part.get("default_date"):
            year_day(part, seen.pages)  # dated 1 January of the path's year unless the pages print the day
    out.parts = exports_parts(exports, any(not p.comment_only for p in out.parts)) + empty_parts(empty, out.parts) \
        + out.parts
    out.parts += heading_card_parts([d for d in pages if d.path not in card_pages], out.parts, seen.docs)
    speaker_cards(out.parts, seen.docs)
    _site(out, seen, [c for _, c in sessions], exports)
    _leftovers(out.site, seen, out.parts, hidden, {**(languages or {}), **twins}, copies)
    if not out.parts and not exports:
        out.nothing = nothing_found(seen)
    return out


def _session_part(col: Collection, every: list[str]) -> tuple[Table, Collection] | None:
    """The session part of a front-matter collection, without the pages of its folder it should not read (the
    site's own people, a programme another reader reads): then its files are listed, so that those stay out."""
    drafted = session_part(col)
    if drafted and _recognised_by_another(col.docs):
        return None  # SICW-like session pages (a date line over a panel table): the sicw reader's, whose they are
    apart = pages_apart(drafted[0].values(), col.docs) if drafted else {}
    if drafted and not date_keys(col):
        apart.update(_dated_by_another(col.docs))
    if not apart:
        return drafted
    kept = Collection(col.pattern, col.folder, [d for d in col.docs if d.path not in apart])
    drafted = session_part(kept) if kept.docs else None
    files = [d.path for d in kept.docs if not _left_over(d)]
    if not drafted or not files:
        return None
    table, _ = drafted
    next(e for e in table.entries if e.key == "files").value = exact_files(files, every)
    table.why.append("left out of this part, its files listed: " + "; ".join(
        f"{p} ({why})" for p, why in list(apart.items())[:4]) + (f" and {len(apart) - 4} more" if len(apart) > 4 else ""))
    return drafted


def _recognised_by_another(docs: list[Document]) -> bool:
    """True when a reader of one session a page (``sicw``) recognises most pages of a front-matter collection: its
    panel tables with role rows, role tables and role lines are that reader's to read, whatever the front matter
    holds."""
    found = [readers.detect_file(d, selective=False) for d in docs]
    return 2 * sum(1 for name in found if name and getattr(readers.module(name), "ONE_SESSION", False)) > len(docs)


def _dated_by_another(docs: list[Document]) -> dict[str, str]:
    """Pages whose front matter holds no date (which the front-matter reader needs) that a page reader recognises
    ("**17 October 2023 (Tuesday)**" and a table or role headings in the body: the sicw reader's), with why: read by
    that reader (``detected_parts``), not skipped by this part."""
    out = {}
    for doc in docs:
        name = readers.detect_file(doc, selective=False)
        if name and name != "frontmatter":
            out[doc.path] = f"its front matter holds no date, and the {name} reader recognises it: read by that reader"
    return out


def _left_over(doc: Document) -> bool:
    """True for a page no part need name: a README, licence or code of conduct, a section's list page naming nobody.

    >>> _left_over(Document("e/code-of-conduct.md", "", {}, "", 0)), _left_over(Document("e/_index.md", "", {}, "", 0))
    (True, True)
    """
    return bool(LEFTOVERS.search(doc.path)) or PurePosixPath(doc.path).stem in ("_index", "index") and \
        not _listed_people(doc)


SHIPPED = {"sicw": "sicw.toml", "frontmatter": "djangocon.toml"}  # data/profiles: every option of the reader


def _edition_siblings(found: dict[str, list[str]]) -> None:
    """A page a reader of one session a page recognises goes to the programme reader when the same page of another
    edition is a programme of several sessions ("2025/side-events.md", one side event, beside "2024/side-events.md",
    two): the site prints the page one way, whatever one edition holds.

    >>> found = {"sicw": ["2025/side.md", "2025/x.md"], "programme": ["2024/side.md"]}
    >>> _edition_siblings(found); found
    {'sicw': ['2025/x.md'], 'programme': ['2024/side.md', '2025/side.md']}
    """
    programmes = {_edition_key(p) for p in found.get("programme", [])}
    for name in [n for n in found if n != "programme" and getattr(readers.module(n), "ONE_SESSION", False)]:
        moved = [p for p in found[name] if _edition_key(p) in programmes]
        if moved:
            found[name] = [p for p in found[name] if p not in moved]
            found["programme"] += moved
            if not found[name]:
                del found[name]


def _edition_key(path: str) -> str:
    """A page's path with its edition's year folder as ``*``: the same page of every edition."""
    return "/".join("*" if re.fullmatch(r"(?:19|20)\d\d", f) else f for f in PurePosixPath(path).parts)


def detected_parts(seen: Survey, parts: list[Table]) -> list[Table]:
    """Pages a page reader recognises (``detect``) that no drafted part reads: a part naming only them, and for
    the other pages of their folders a part of the reader that reads people from them when tried, or a comment.
    Pages the reader takes for speaker pages by their folder or permalink are its own, recognised or not."""
    from wcmatch import glob

    from ingest.draft_trial import people_read
    from ingest.profile import GLOB_FLAGS

    globs = [g for p in parts if not p.comment_only for g in as_list(p.get("files"))]
    found: dict[str, list[str]] = {}
    for doc in seen.pages:
        if doc.suffix in readers.PAGE_SUFFIXES and not (globs and glob.globmatch(doc.path, globs, flags=GLOB_FLAGS)):
            name = readers.detect_file(doc, selective=False)
            if name:
                found.setdefault(name, []).append(doc.path)
    _edition_siblings(found)
    out = []
    for name, paths in sorted(found.items(), key=lambda kv: -len(kv[1])):  # the reader of most pages first
        paths = [p for p in paths if not (globs and glob.globmatch(p, globs, flags=GLOB_FLAGS))]
        if not paths:  # all under the folder globs of a reader of more pages: read once, by that one
            continue
        why = f"{_pages(paths)} {'is' if len(paths) == 1 else 'are'} recognised by the {name} reader (e.g. {paths[0]})"
        docs = [d for d in seen.pages if d.path in paths]
        rivals = frozenset(p for other, ps in found.items() if other != name and len(ps) >= len(found[name])
                           for p in ps)
        beside, own, unread = _unrecognised(seen, name, paths, globs, docs, rivals)
        whens = [w for d in docs for w in times_read(name, d)]  # the time lines it reads: for [site] timezone
        if out and not own and not any(people_read(name, d)[1] for d in docs):  # beside another reader's part
            out.append(Table(why=[why + ", but it reads no person from them — no part"], comment_only=True))
            continue
        if not own and len(found) == 1 and not [p for p in parts + beside if not p.comment_only]:
            shipped = SHIPPED.get(name)
            out.append(Table(why=[why + ": detection reads this folder with it — no part needed"]
                             + ([f"its options, written out with their defaults to change for a site of its own "
                                 f"words: data/profiles/{shipped}"] if shipped else []), comment_only=True,
                             whens=whens))
            continue
        table = Table(why=[why + " (a part, because with [[parts]] only the files parts name are read)"], whens=whens)
        if own:
            table.why.append(f"{_pages(own)} it does not recognise {'is' if len(own) == 1 else 'are'} its own too "
                             f"(e.g. {own[0]}): speaker pages by their folder or permalink, or pages it reads people "
                             "from when tried")
        every = [d.path for d in seen.pages]
        named = edition_names(paths + own, every)  # "content/*/programm-tag-*.md": every edition's, those alone
        files = None if named else reader_files(paths + own + unread, every) if unread else None
        if files:
            table.why.append(f"its folder globs take in {_pages(unread)} beside them that name nobody (e.g. "
                             f"{unread[0]}): sessions without people, or pages to exclude")
            beside = [t for t in beside if not (t.comment_only and "no reader tried" in t.why[0])]  # read: said so
        table.set("files", named or files or reader_files(paths + own, every) or exact_files(paths + own, every))
        table.set("reader", name)
        _front_date(table, docs)
        out += [table, *beside]
        globs += [g for t in (table, *beside) if not t.comment_only for g in as_list(t.get("files"))]
    return out


def reader_files(paths: list[str], every: list[str]) -> str | list[str] | None:
    """The globs of the folders of ``paths`` when they take in no other page of ``every``, else ``None``.

    >>> reader_files(["e/1 May/a.md", "e/2 May/b.md", "s/c.md"], ["e/1 May/a.md", "e/2 May/b.md", "s/c.md"])
    ['e/1 May/*.md', 'e/2 May/*.md', 's/*.md']
    >>> reader_files(["e/2031/a.md", "e/2031/b.md", "e/2032/c.md"], ["e/2031/a.md", "e/2031/b.md", "e/2032/c.md"])
    'e/*/*.md'
    >>> reader_files(["s/c.md"], ["s/c.md", "s/d.md"]) is None
    True
    """
    suffixes = sorted({p.rsplit(".", 1)[-1] for p in paths})
    ext = suffixes[0] if len(suffixes) == 1 else "{" + ",".join(suffixes) + "}"
    globs = [f"{f}/*.{ext}" if f != "." else f"*.{ext}" for f in sorted({str(PurePosixPath(p).parent) for p in paths})]
    if not paths or not {p for p in every if glob_match(p, globs)} <= set(paths):
        return None
    across = across_editions(paths) if len(globs) > 1 else None  # "e/*/*.md": the next edition's folder too
    if across and "*/*." in across and {p for p in every if glob_match(p, [across])} <= set(paths):
        return across
    return globs[0] if len(globs) == 1 else globs


def _front_date(table: Table, docs: list[Document]) -> None:
    """``date``: the front-matter key whose values are dates, when it is not the reader's own (``event_date:``)."""
    from ingest.draft_front import Collection, date_keys

    found = [(key, whens) for key, (kind, whens) in date_keys(Collection("", "", docs)).items()
             if kind in ("date", "start") and key != "date" and sum(w.date for w in whens) >= len(docs) * 0.8]
    if docs and found and _takes(str(table.get("reader")), "date", [found[0][0]]):
        key, whens = max(found, key=lambda kw: len(kw[1]))
        table.set("date", [key], f"{len(whens)} of {len(docs)} pages have front-matter key '{key}' holding dates "
                  "(for a page whose text prints no date line)")


def _takes(reader: str, option: str, value) -> bool:
    try:
        readers.check(reader, {option: value}, "draft", option)
    except IngestError:
        return False
    return True


def _unrecognised(seen: Survey, name: str, paths: list[str], globs: list[str], near: list[Document],
                  rivals: frozenset[str] = frozenset()) -> tuple[list[Table], list[str], list[str]]:
    """The pages beside ``paths`` the reader ``name`` does not recognise: ``(tables, own, unread)`` — its own (those
    it takes for speaker pages, anywhere, and those it reads people from when tried), each other read by the reader
    that finds people in it when tried (a part of its own), and those no reader reads a person from (a comment).
    ``rivals``: pages another reader recognises that recognises as many pages as this one or more — that reader's
    (a sicw page beside one programme page), where a reader of fewer pages is taken into this one's folders."""
    from ingest.draft_trial import TRIED, exact_files, people_read

    folders = {str(PurePosixPath(p).parent) for p in paths}
    others = [d for d in seen.pages if _beside(str(PurePosixPath(d.path).parent), folders) and d.path not in paths
              and d.suffix in readers.PAGE_SUFFIXES and not (globs and glob_match(d.path, globs))
              and d.path not in rivals]
    speaker_page = getattr(readers.module(name), "is_speaker_page", None)
    own = [d.path for d in seen.pages if speaker_page and d.path not in paths and d.suffix in readers.PAGE_SUFFIXES
           and not (globs and glob_match(d.path, globs)) and speaker_page(d)]  # "_2033-speakers/x.md": its own
    by_reader: dict[str, list[tuple[str, int]]] = {}
    for doc in others:
        if doc.path in own:
            continue
        tried = [(r, people_read(r, doc)[1]) for r in (*TRIED, name)]
        reader, rows = max(tried, key=lambda t: t[1])
        by_reader.setdefault(reader if rows else "", []).append((doc.path, rows))
    own += [p for p, _ in by_reader.pop(name, [])]  # pages it reads people from, unrecognised: its own too
    out = []
    for reader, hits in by_reader.items():
        eg = ", ".join(f"{p} ({n})" for p, n in hits[:3])
        if not reader:
            out.append(Table(why=[f"{_pages(hits)} beside these not recognised by the {name} reader and no "
                                  f"reader tried reads a person from them (e.g. {hits[0][0]}): left out unless the "
                                  f"{name} part's folder globs take them in — give them a part of their own if they "
                                  "are sessions"], comment_only=True))
            continue
        table = Table(why=[f"{_pages(hits)} beside these not recognised by the {name} reader; the {reader} "
                           f"reader reads people from them when tried (people per page: {eg}) — check them"])
        table.set("files", exact_files([p for p, _ in hits], [d.path for d in seen.pages]))
        table.set("reader", reader)
        _front_date(table, [d for d in seen.pages if d.path in {p for p, _ in hits}])
        if reader == "programme":
            undated_guess(table, [p for p, _ in hits], seen.pages)
        out.append(table)
    return out, own, [p for p, _ in by_reader.get("", [])]


def _beside(folder: str, folders: set[str]) -> bool:
    """True for a folder of ``folders``, or one named like one of them but for its numbers or dates: another day or
    edition of theirs (``_2032-events/9 May 2032`` beside ``_2031-events/4 May 2031``), whose pages no reader may
    recognise (they print their date only in front matter) though a reader reads people from them.

    >>> _beside("e/2032/9 May", {"e/2031/4 May"}), _beside("_2031-speakers", {"_2031-events"})
    (True, False)
    """
    return folder in folders or any(across_editions([f"{f}/_", f"{folder}/_"]) for f in folders)


def _pages(hits: list) -> str:
    """``1 page is`` / ``3 pages are``, ``1 page`` / ``3 pages`` for a list of paths.

    >>> _pages([("a.md", 1)]), _pages(["a.md", "b.md"])
    ('1 page is', '2 pages')
    """
    if hits and isinstance(hits[0], str):
        return "1 page" if len(hits) == 1 else f"{len(hits)} pages"
    return "1 page is" if len(hits) == 1 else f"{len(hits)} pages are"


def glob_match(path: str, globs: list[str]) -> bool:
    """True when ``path`` matches one of a profile's ``files`` globs."""
    from wcmatch import glob

    from ingest.profile import GLOB_FLAGS

    return glob.globmatch(path, globs, flags=GLOB_FLAGS)


# --- schedule exports ---------------------------------------------------------------------


def _exports(seen: Survey) -> dict[str, str]:
    """File -> the selective reader (frab, pretalx, Sessionize…) that recognises it."""
    found = {}
    for doc in seen.docs:
        name = readers.detect_file(doc, selective=True)
        if name:
            found[doc.path] = name
    return found


def exports_parts(exports: dict[str, str], others: bool) -> list[Table]:
    """Schedule exports: a comment when detection reads them, a part when other parts would shut it out."""
    from ingest.draft_pages import folder_glob

    parts = []
    by_reader: dict[str, list[str]] = {}
    for rel, name in sorted(exports.items()):
        by_reader.setdefault(name, []).append(rel)
    for name, rels in by_reader.items():
        page = name == "jsonld"  # schema.org events in the page: JSON-LD, or microdata (ingest/microdata.py)
        what = "pages carrying schema.org events as JSON-LD or microdata" if page else f"{name} schedule exports"
        one = "a page carrying schema.org events as JSON-LD or microdata" if page else "a schedule export"
        why = (f"{rels[0]} is {one} the {name} reader recognises" if len(rels) == 1 else
               f"{len(rels)} files are {what}: the {name} reader recognises them (e.g. {rels[0]})")
        if not others:
            parts.append(Table(why=[why + " — detected, needs no part"], comment_only=True))
            continue
        table = Table(why=[why + " (a part, because with [[parts]] only the files parts name are read)"])
        table.set("files", folder_glob(rels) if len(rels) > 1 else rels[0])
        table.set("reader", name)
        parts.append(table)
    return parts


def nobody_exported(seen: Survey, exports: dict[str, str]) -> dict[str, str]:
    """Pages a selective reader recognises (schema.org events as JSON-LD or microdata) from which it reads no
    person: the plugin's data names an organiser or ``"performer": "Organization"``, while the page prints its
    speakers."""
    from ingest.draft_trial import persons_read

    docs = {d.path: d for d in seen.pages}
    return {p: r for p, r in exports.items() if p in docs and not persons_read(r, docs[p])}


def empty_parts(empty: dict[str, str], parts: list[Table]) -> list[Table]:
    """A comment for the pages whose data names nobody: which parts read them instead, and those none does."""
    if not empty:
        return []
    globs = [g for p in parts if not p.comment_only and not p.commented for g in as_list(p.get("files"))]
    read = [p for p in empty if globs and glob_match(p, globs)]
    unread = [p for p in empty if p not in read]
    name = next(iter(empty.values()))
    why = [f"{len(empty)} pages carry data the {name} reader recognises (e.g. {next(iter(empty))}), but it reads "
           "no person from them (an organiser, or a performer named 'Organization'): no {name} part".replace(
               "{name}", name)]
    if read:
        why.append(f"{len(read)} of them are read by the parts below, which find the people the pages print")
    if unread:
        why.append(f"{len(unread)} of them no reader tried reads a person from (e.g. {', '.join(unread[:3])}): "
                   "give them a part of their own if they are sessions (a card selector, reader = \"programme\")")
    return [Table(why=why, comment_only=True)]


def _export_whens(seen: Survey, exports: dict[str, str]) -> list[When]:
    from ingest.draft_data import data_whens

    return [w for d in seen.docs if d.path in exports and d.data is not None for w in data_whens(d.data)]


# --- front-matter collections ------------------------------------------------------------


# --- session pages -----------------------------------------------------------------------------


# --- dates and times -----------------------------------------------------------------------


# --- speaker pages ------------------------------------------------------------------------


# --- how sessions name their speakers -----------------------------------------------------------


# --- site settings ----------------------------------------------------------------------


def _site(out: Draft, seen: Survey, sessions: list, exports: dict[str, str]) -> None:
    site = out.site
    root = Path(out.root)
    found = configs(root, seen.docs)
    title = site_title(found, seen.pages)
    series, why, name, sure = series_guess(root, title)
    default = ids.slugify(_series_from_folder(root if root.is_dir() else root.parent)) or "events"
    other = ids.slugify(series) != default  # the folder above a "site" or year folder: ingest without it says otherwise
    if not sure and other:
        why += f" (without this line ingest names the series after the folder: '{default}')"
    site.set("series", series, why + ("" if not sure else " — check it"), commented=not sure and not other)
    if name:
        site.set("name", name, "the site's title without its year")
    whens = [w for p in out.parts if not p.get("timezone") for w in p.whens] + _export_whens(seen, exports)
    _timezone(site, found, whens, out.parts, seen.pages, [d.path for d in seen.docs])
    _days(out.parts, seen)
    _year(site, seen, whens, out.parts)
    if found_m := monsieur(seen.pages):
        site.set("honorifics", ["M."], f"the pages print \"M.\" before {found_m[0]} names (e.g. '{found_m[1]}') and "
                 "seldom another initial there: Monsieur, an honorific, not an initial — check it")
    words = role_words(seen)
    if words:
        site.why.append("role words seen: " + ", ".join(f"{w} ×{c}" for w, (c, _) in words.most_common(12)))
        unknown = {w: r for w, (c, r) in words.items() if r is None}
        for word in sorted(unknown)[:6]:
            site.set("roles", {word: "other"}, f"'{word}' is no role word the model knows: map it to one of "
                     "moderator, panellist, speaker, keynote, guest-of-honour, remarks, other", commented=True)
    _unmapped(site, seen, words)
    if seen.errors:
        out.notes += [f"could not read: {e}" for e in seen.errors[:10]]


def _days(parts: list[Table], seen: Survey) -> None:
    """The dates of day codes from a data file of days, for parts whose ``days`` are still to fill in."""
    for part in parts:
        entry = next((e for e in part.entries if e.key == "days" and e.commented), None)
        files = str((as_list(part.get("files")) or [""])[0])
        found = entry and (day_dates(seen.data, files) or printed_days(seen.pages, files, set(entry.value)))
        if found:
            part.set("day", next(e.value for e in part.entries if e.key == "day"), *next(
                e.why for e in part.entries if e.key == "day"))
            part.set("days", found[0], found[1])


_UTC = {"+00:00", "Z", "-00:00", "UTC", "+0000"}


def _unmapped(site: Table, seen: Survey, words: dict) -> None:
    """Labels the pages print before people's names that no role word maps ("Presenta:"), as a ``roles`` hint."""
    labels = {w: c for w, c in unmapped_labels(seen).items() if w not in words}
    if not labels:
        return
    site.why.append("labels seen before people's names that no role word maps: "
                    + ", ".join(f"{w} ×{c}" for w, c in Counter(labels).most_common(8))
                    + " — if they name roles, map them in roles (e.g. roles = { \"Presents\" = \"moderator\" })")
    for word in sorted(labels, key=lambda w: -labels[w])[:4]:
        site.set("roles", {word: "other"}, f"'{word}:' stands before people's names: map it to its role",
                 commented=True)


def _timezone(site: Table, found: list[tuple[dict, str]], whens: list[When], parts: list[Table] = (),
              pages: list[Document] = (), paths: list[str] = ()) -> None:
    timed = [w for w in whens if w.time]
    offsets = Counter(w.offset for w in timed if w.offset)
    named = zones(found)
    if isinstance(parts, list):  # a part over editions of different zones: a part per zone, each with its own
        parts[:] = split_by_zone(parts, {folder: value for value, _, folder in reversed(named) if folder}, paths)
    if _configured(site, named, parts, len(timed) - sum(offsets.values())):
        return  # a named zone keeps summer time, which an offset the times print does not
    if timed and len(offsets) and sum(offsets.values()) == len(timed):
        if set(offsets) <= _UTC:  # an export's clock, not the event's: the instants are right, the days may not be
            site.why.append(f"every time printed is in UTC (×{len(timed)}): name the zone the event was held in "
                            "(timezone = \"Europe/Brussels\"…) to show and date its sessions in local time")
        else:
            site.why.append("every time printed carries its UTC offset ("
                            + ", ".join(f"{o} ×{c}" for o, c in offsets.most_common(4)) + "): no timezone needed")
        return
    if printed_zones(site, parts, pages):
        return
    if not timed:
        return
    if len(offsets) == 1:  # "(GMT +8)" on some time lines, none on the others: the site's one zone
        value, count = offsets.most_common(1)[0]
        site.set("timezone", value, f"{len(timed) - count} of {len(timed)} times print no UTC offset; the others all "
                 f"print {value} (×{count}): the zone of every time — check it (an IANA name keeps summer time)")
        return
    site.set("timezone", "Area/City", f"{len(timed)} times have no UTC offset: name the zone the site prints times in (an IANA name or "
             "\"+02:00\")", commented=True)


def _configured(site: Table, named: list[tuple[str, str, str]], parts: list[Table], bare: int) -> bool:
    """``[site] timezone`` from the site's configuration; when edition folders each name their own
    (``2024/config.toml``: Europe/Lisbon, ``2025/config.toml``: Europe/Vienna), the zone of most parts for the site
    and its own ``timezone`` for each part in another edition's folder. False when no configuration names the zone
    of the site or of a part's folder (an ``exampleSite/config.toml`` no part reads)."""
    by_folder = {folder: (value, rel) for value, rel, folder in reversed(named)}  # the first file of a folder wins
    homes = [_home(p, by_folder) for p in parts if not p.comment_only]
    if "" not in by_folder and not any(homes):
        return False
    value, rel = by_folder.get("") or by_folder[Counter(h for h in homes if h).most_common(1)[0][0]]
    said = f"{rel} says timezone: {value}"
    if "" in by_folder or len({by_folder[h][0] for h in homes if h}) == 1:
        site.set("timezone", value, f"{bare} times have no UTC offset; {said}" if bare else said)
    else:  # editions of different zones: each part its own, never the site's from one edition
        value = None
        site.why.append("the editions' configurations name different zones ("
                        + ", ".join(f"{h}/: {v}" for h, (v, _) in sorted(by_folder.items())) + "): each part takes "
                        "its edition's")
    for part, home in zip([p for p in parts if not p.comment_only], homes):
        if home and by_folder[home][0] != value:
            part.set("timezone", by_folder[home][0], f"its files are in {home}/, whose {by_folder[home][1]} says "
                     f"timezone: {by_folder[home][0]} (an edition held elsewhere)")
    return True


def _home(part: Table, by_folder: dict) -> str | None:
    """The edition folder with a configuration of its own that all of a part's files are in, else ``None``."""
    heads = {re.split(r"[*?\[{]", g, maxsplit=1)[0].split("/", 1)[0] for g in as_list(part.get("files"))}
    home = heads.pop() if len(heads) == 1 else None
    return home if home in by_folder and home else None


def _year(site: Table, seen: Survey, whens: list[When], parts: list[Table] = ()) -> None:
    """``[site] year`` when dates print none: from the other dates, the paths, else the year the site prints most."""
    yearless = [w for w in whens if w.date and w.year is None]
    if not yearless and not any(p.needs_year for p in parts):
        return
    what = f"{len(yearless)} dates print no year" if yearless else "dates in file names print no year"
    drafted = [str(p.get("default_date")) for p in parts if p.get("default_date")]  # the date a part was given
    years = Counter(w.year for w in whens if w.year) or Counter(int(d[:4]) for d in drafted if d[:4].isdigit()) \
        or Counter(int(m) for d in seen.docs for m in re.findall(r"\b(20\d\d)\b", d.path))
    if years:
        year, count = years.most_common(1)[0]
        site.set("year", year, f"{what}; {year} is the year of the other dates or paths ({count} times)")
        return
    printed = Counter(int(y) for d in seen.docs for y in re.findall(r"\b(20\d\d)\b", d.body[:20000]))
    if not printed:
        site.set("year", date.today().year, f"{what}: give the edition's year", commented=True)
        return
    year, count = printed.most_common(1)[0]
    sure = count >= 0.5 * sum(printed.values())  # the year the site prints most: a guess to check, not a blank
    site.set("year", year, f"{what}; the site's files print {year} most ({count} of {sum(printed.values())} years "
             "printed)" + ("" if sure else ": check it"), commented=not sure)


# --- what not to read --------------------------------------------------------------------


def page_data_copies(docs: list[Document]) -> list[Document]:
    """The data files a Next.js export writes for its pages' client-side navigation (``_next/data/<build>/2024/
    schedule.json``, the ``pageProps`` the page ``2024/schedule.html`` keeps in its ``__NEXT_DATA__`` script too).

    >>> docs = [Document(p, "", {}, "", 0) for p in ("_next/data/b1/2024/schedule.json", "2024/schedule.html",
    ...                                              "_next/data/b1/about.json")]
    >>> [d.path for d in page_data_copies(docs)]
    ['_next/data/b1/2024/schedule.json']
    """
    paths = {d.path for d in docs}
    out = []
    for doc in docs:
        m = re.match(r"(?:.*/)?_next/data/[^/]+/(?P<route>.+)\.json$", doc.path)
        if m and ({f"{m['route']}.html", f"{m['route']}/index.html"} & paths):
            out.append(doc)
    return out


def unpublished(docs: list[Document]) -> list[Document]:
    """The pages a Jekyll site does not publish: its ``_drafts/`` and pages whose name starts with ``_``
    (``_posts/_TEMPLATE.md``); a Jekyll site has a ``_config.yml`` or a ``_posts/`` folder. Hugo's ``_index.md``
    is a section page, kept.

    >>> docs = [Document(p, "", {}, "", 0) for p in ("_config.yml", "_posts/a.md", "_posts/_T.md", "_drafts/b.md")]
    >>> [d.path for d in unpublished(docs)], unpublished([Document("content/_x.md", "", {}, "", 0)])  # no Jekyll
    (['_posts/_T.md', '_drafts/b.md'], [])
    """
    parts = [PurePosixPath(d.path).parts for d in docs]
    if not any(p[-1] in ("_config.yml", "_config.yaml", "_config.toml") or "_posts" in p[:-1] for p in parts):
        return []
    return [d for d, p in zip(docs, parts) if d.suffix in PAGES and ("_drafts" in p[:-1] or (
        p[-1].startswith("_") and PurePosixPath(p[-1]).stem != "_index"))]


def _unpublished_globs(hidden: list[Document], globs: list[str]) -> dict[str, str]:
    """Exclude globs for the unpublished pages a part's glob takes in: a drafts folder, ``_``-prefixed pages."""
    found = {}
    for doc in hidden:
        if globs and glob_match(doc.path, globs):
            parts = PurePosixPath(doc.path).parts
            if "_drafts" in parts[:-1]:
                folder = "/".join(parts[:parts.index("_drafts") + 1])
                found[f"{folder}/**"] = "a Jekyll site's drafts, which it does not publish"
            else:
                found[f"**/_*.{doc.suffix}"] = (f"pages whose name starts with '_' (e.g. {doc.path}), which a Jekyll "
                                                "site does not publish")
    return found


def _leftovers(site: Table, seen: Survey, parts: list[Table], hidden: list[Document] = (),
               apart: dict[str, str] | None = None, copies: list[Document] = ()) -> None:
    """``[site] exclude`` for files a part's glob takes in that hold no programme (README, code of conduct, lists),
    the pages a Jekyll site does not publish, and those left apart for a reason of their own (``apart``: the pages in
    the languages not read, a schedule export's twin)."""
    from wcmatch import glob

    from ingest.profile import GLOB_FLAGS

    globs = [g for p in parts if not p.comment_only and not p.commented for g in as_list(p.get("files"))]
    sessions = [g for p in parts for g in as_list(p.get("sessions"))]
    found = {}
    for doc in seen.docs:
        if not globs or not glob.globmatch(doc.path, globs, flags=GLOB_FLAGS) or doc.path in globs:
            continue  # a file a part names by its own path was drafted for what it holds: no leftover
        if any(LEFTOVERS.search(g.rsplit("/", 1)[-1]) and glob.globmatch(doc.path, [g], flags=GLOB_FLAGS)
               for g in globs):
            continue  # "*/README.md": a part drafted for the READMEs (a repository's years, each its README)
        if LEFTOVERS.search(doc.path):
            found[doc.path] = "a README, licence or code of conduct"
        elif PurePosixPath(doc.path).stem in ("_index", "index") and sessions and \
                glob.globmatch(doc.path, sessions, flags=GLOB_FLAGS) and not _listed_people(doc):
            found[doc.path] = "a section's list page, naming nobody"
    found.update(_unpublished_globs(list(hidden), globs))
    found.update(apart or {})
    found.update({re.sub(r"(_next/data/[^/]+/).*$", r"\1**", d.path): "a Next.js export's copies of its pages' data"
                  for d in copies})
    if found:
        site.set("exclude", sorted(found), *(f"{p}: {why}" for p, why in sorted(found.items())[:8]))


def _listed_people(doc: Document) -> bool:
    return any(PEOPLE_KEY.search(k) for k in flat(doc.meta)) or has_body_people(doc.body)


def nothing_found(seen: Survey) -> list[str]:
    """What was looked for, when nothing in the folder fits a reader."""
    return [f"nothing here fits a reader: {len(seen.docs)} text files ({len(seen.pages)} pages, "
            f"{len(seen.data)} data files) were looked at for",
            "  - a schedule export (frab schedule.xml, pretalx or Sessionize JSON),",
            "  - pages whose front matter lists speakers (a key like 'speakers' holding names, slugs or mappings),",
            "  - speaker pages (front matter with name and company/role keys),",
            "  - data files holding lists of records with names, and such JSON inside code or in a page's "
            "<script type=\"application/json\"> (a Next.js or Nuxt export),",
            "  - HTML cards (repeated elements of one class holding a name) and programme tables (a 'Time' column);",
            "write the parts by hand (docs/sites.md), or ask for a reader for this shape"]


# --- small helpers ------------------------------------------------------------------------


