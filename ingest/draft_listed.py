"""Drafting the join of speaker pages that list their talks with a programme that names nobody.

A speaker-centric archive prints who did what only on its people's pages ("### 2024", then "- **Moderator**,
*Panel: Tides*"); its programme pages print times, titles and rooms. When the list items of several speaker pages
print the titles of the sessions a programme page holds, the speakers part gets ``slots`` (those programme
files) and a programme part reads them with ``slots = true``: each listed talk becomes an appearance in the
session its item titles (``ingest.listed_talks``, ``ingest.title_slots``).
"""

from __future__ import annotations

from wcmatch import glob

from ingest import listed_talks, programme, readers
from ingest.draft_front import _files_glob
from ingest.draft_text import Table
from ingest.profile import GLOB_FLAGS
from ingest.records import Document, Parsed, SpeakerPage
from ingest.title_slots import listed_slot

MIN_PAGES = 3  # speaker pages whose items print a programme title: fewer is a coincidence ("Opening Remarks")


def listed_parts(parts: list[Table], pages: list[Document]) -> list[Table]:
    """``parts`` with the speaker parts whose pages list the programme's talks joined to its pages (see above)."""
    for part in parts:
        globs = _globs(part.get("speakers")) if part.get("reader") == "frontmatter" and not part.get("slots") else []
        people = [d for d in pages if globs and glob.globmatch(d.path, globs, flags=GLOB_FLAGS)]
        if len(people) < MIN_PAGES:
            continue
        slots = _slots([d for d in pages if d not in people])
        hits = _listing(people, slots)
        if len(hits) < MIN_PAGES or len(hits) * 3 < len(people):
            continue
        files = _files_glob(sorted({holder.doc.path for _, holder, _ in hits}))
        doc, _, title = hits[0]
        part.set("slots", files, f"{len(hits)} of {len(people)} speaker pages list talks whose titles the programme "
                 f"of {files} prints (e.g. {doc.path} lists {title!r}): each listed talk is an appearance in that "
                 "session, in the edition of the year heading above it")
        parts = _programme_slots(parts, files)
    return parts


def _globs(value) -> list[str]:
    return [value] if isinstance(value, str) else [v for v in value or () if isinstance(v, str)]


def _slots(pages: list[Document]) -> list[Parsed]:
    """The programme pages among ``pages``, read with every session they hold (people or not)."""
    out = []
    for doc in pages:
        if doc.suffix in readers.PAGE_SUFFIXES and readers.detect_file(doc, selective=False) == "programme":
            parsed = programme.read(doc, slots=True)
            if parsed.sessions:
                out.append(parsed)
    return out


def _listing(people: list[Document], slots: list[Parsed]) -> list[tuple[Document, Parsed, str]]:
    """The speaker pages with a list item that titles one slot, each with the programme page holding it and the
    slot's title."""
    candidates = [(f, s) for f in slots for s in f.sessions if s.date is not None and s.title]
    out = []
    for doc in people:
        page = SpeakerPage(doc.path, 1, None, "x")
        for talk in listed_talks.talks(doc, page):
            found = listed_slot(talk, candidates)
            if found is not None:
                out.append((doc, found[0], found[1].title))
                break
    return out


def _programme_slots(parts: list[Table], files) -> list[Table]:
    """The programme part reading ``files`` with ``slots = true`` (a new part when none reads them)."""
    wanted = _globs(files)
    for part in parts:
        if part.get("reader") == "programme" and any(glob.globmatch(f, _globs(part.get("files")), flags=GLOB_FLAGS)
                                                     for f in wanted):
            part.set("slots", True, "its sessions that name nobody are kept: the speaker pages' listed talks join them")
            return parts
    part = Table(why=[f"{files}: the programme whose sessions the speaker pages' talks join"])
    part.set("files", files)
    part.set("reader", "programme")
    part.set("slots", True, "its sessions name nobody: kept for the speaker pages' listed talks to join")
    return parts + [part]
