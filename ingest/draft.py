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

>>> name_like("Jane Doe"), name_like("Dr Rumman CHOWDHURY"), name_like("Opening Remarks"), name_like("2024")
(True, True, False, False)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from graph.errors import IngestError
from ingest import readers
from ingest.draft_data import data_parts, embedded_parts
from ingest.draft_pages import card_parts, has_body_people, programme_parts, role_words
from ingest.draft_text import Draft, Table, render, settle  # noqa: F401 - render, settle: this module's interface
from ingest.frontmatter_site import is_slug
from ingest.read import parse_document, read_bytes
from ingest.records import Document
from ingest.site import TEXT_SUFFIXES
from ingest.tidy import not_a_person

PAGES = ("md", "markdown", "html", "htm")
LEFTOVERS = re.compile(r"(^|/)(readme|licen[cs]e|code[-_ ]of[-_ ]conduct|coc|contributing|changelog|security|"
                       r"404|privacy|terms)[^/]*$", re.I)
PEOPLE_KEY = re.compile(r"speaker|presenter|author|people|person|panel|moderat|host|chair|facilitat|"
                        r"participant|^mc$|^by$|talker|instructor|teacher|keynote|member", re.I)
NAME_KEYS = ("name", "display_name", "fullname", "full_name", "speaker_name", "displayname", "fullName")
ORG_KEYS = ("company", "organisation", "organization", "affiliation", "institution", "agency", "employer",
            "agency_full_name", "org", "affiliations")
TITLE_KEYS = ("role", "job_title", "position", "position-title", "jobtitle", "tagline", "position_title")
PHOTO_KEYS = ("photo", "image", "avatar", "headshot", "image_src", "picture")
SPEAKER_FOLDER = re.compile(r"speaker|presenter|people|person|author|profile|bio|delegate|panell?ist|faculty", re.I)
END_KEY = re.compile(r"end|until|finish|stop|_to$", re.I)
_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^(de|van|von|der|da|di|le|la|al|bin|binti|du|del|dos)$")
_NOT_NAME = re.compile(r"\b(remarks|opening|closing|welcome|keynote|panel|session|break|lunch|speakers?|"
                       r"moderators?|agenda|programme|program|day|about|contact|home|news|registration)\b", re.I)


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
    out = Draft(root=str(root), files=len(seen.docs))
    exports = _exports(seen)
    cards = card_parts(seen.pages)
    card_pages = {p for t in cards for p in t.pages}
    collections = group_pages([d for d in seen.pages if d.path not in card_pages])
    sessions = [c for c in (_session_part(c, seen) for c in collections) if c]
    speakers = [s for s in (_speaker_part(c, seen) for c in collections) if s]
    _link(sessions, speakers, seen)
    profiles = [_profile_part(t, c, cards) for t, c in speakers]
    out.parts = [p for p, _ in sessions] + cards + _linked(profiles, out.notes)
    out.parts += data_parts(seen.data, [t for t, _ in sessions], set(exports))
    out.parts += programme_parts([d for d in seen.pages if d.path not in card_pages], out.parts)
    out.parts += embedded_parts(seen.docs) + detected_parts(seen, out.parts)
    out.parts = exports_parts(exports, any(not p.comment_only for p in out.parts)) + out.parts
    _site(out, seen, [c for _, c in sessions], exports)
    _leftovers(out.site, seen, out.parts)
    if not out.parts and not exports:
        out.nothing = nothing_found(seen)
    return out


def _linked(parts: list[Table], notes: list[str]) -> list[Table]:
    """Speaker parts that sessions or cards link to, or that sit in a speakers folder; the rest noted."""
    kept = []
    for part in parts:
        folder = str(part.get("files"))
        if part.get("link_template") or part.get("reader") == "cards" or SPEAKER_FOLDER.search(folder):
            kept.append(part)
        else:
            notes.append(f"{folder} holds people pages (name, company or role) that no session links to "
                         "(organisers? a team page?): left out; add a part if they are speakers")
    return kept


def detected_parts(seen: Survey, parts: list[Table]) -> list[Table]:
    """Pages a page reader recognises (``detect``) that no drafted part reads: a part, or a comment."""
    from wcmatch import glob

    from ingest.draft_pages import _folder_glob
    from ingest.profile import GLOB_FLAGS

    globs = [g for p in parts if not p.comment_only for g in as_list(p.get("files"))]
    found: dict[str, list[str]] = {}
    for doc in seen.pages:
        if doc.suffix in readers.PAGE_SUFFIXES and not (globs and glob.globmatch(doc.path, globs, flags=GLOB_FLAGS)):
            name = readers.detect_file(doc, selective=False)
            if name:
                found.setdefault(name, []).append(doc.path)
    out = []
    for name, paths in found.items():
        why = f"{len(paths)} pages are recognised by the {name} reader (e.g. {paths[0]})"
        if not [p for p in parts if not p.comment_only]:
            out.append(Table(why=[why + ": detection reads this folder with it — no part needed"], comment_only=True))
            continue
        table = Table(why=[why + " (a part, because with [[parts]] only the files parts name are read)"])
        table.set("files", _folder_glob(paths))
        table.set("reader", name)
        out.append(table)
    return out


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
    parts = []
    for rel, name in sorted(exports.items()):
        why = f"{rel} is a {name} schedule export: the {name} reader recognises it"
        if not others:
            parts.append(Table(why=[why + " — detected, needs no part"], comment_only=True))
            continue
        table = Table(why=[why + " (a part, because with [[parts]] only the files parts name are read)"])
        table.set("files", rel)
        table.set("reader", name)
        parts.append(table)
    return parts


def _export_whens(seen: Survey, exports: dict[str, str]) -> list[When]:
    from ingest.draft_data import data_whens

    return [w for d in seen.docs if d.path in exports and d.data is not None for w in data_whens(d.data)]


# --- front-matter collections ------------------------------------------------------------


@dataclass
class Collection:
    """Pages that share a folder pattern and front matter: a session or speaker collection."""

    pattern: str
    folder: str
    docs: list[Document]

    def keys(self) -> Counter:
        """How many pages fill each front-matter key (nested tables as ``extra.key``)."""
        counts = Counter()
        for doc in self.docs:
            counts.update(k for k, v in flat(doc.meta).items() if v not in (None, "", [], {}))
        return counts

    def values(self, key: str) -> list:
        """The filled values of ``key`` across the pages."""
        return [v for d in self.docs if (v := flat(d.meta).get(key)) not in (None, "", [], {})]


def flat(meta: dict) -> dict:
    """Front matter with one level of nested tables as dotted keys.

    >>> flat({"title": "T", "extra": {"authors": "A"}})
    {'title': 'T', 'extra.authors': 'A'}
    """
    out = {}
    for key, value in meta.items():
        if isinstance(value, dict):
            out.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            out[str(key)] = value
    return out


def group_pages(pages: list[Document]) -> list[Collection]:
    """Pages with front matter grouped into collections by folder (year folders and one-page folders merged)."""
    with_meta = [d for d in pages if d.meta]
    folders = Counter(str(PurePosixPath(d.path).parent) for d in with_meta)
    groups: dict[str, list[Document]] = {}
    for doc in with_meta:
        groups.setdefault(collection_folder(str(PurePosixPath(doc.path).parent), folders), []).append(doc)
    return [Collection(glob_of(folder, docs), folder, docs) for folder, docs in sorted(groups.items())]


def collection_folder(folder: str, folders: Counter) -> str:
    """The folder a page's collection is named by: above year folders and one-page-per-item folders.

    >>> collection_folder("content/events/2023/02", Counter({"content/events/2023/02": 3}))
    'content/events/**'
    >>> collection_folder("content/authors/jane", Counter({f"content/authors/{n}": 1 for n in "abcd"} | {"content/authors/jane": 1}))
    'content/authors/**'
    >>> collection_folder("_posts", Counter({"_posts": 20}))
    '_posts'
    """
    parts = [] if folder == "." else folder.split("/")
    for i, part in enumerate(parts):
        if re.fullmatch(r"\d{1,4}", part):
            return "/".join(parts[:i] + ["**"])
    if parts:
        parent = "/".join(parts[:-1])
        siblings = [f for f in folders if f.rsplit("/", 1)[0] == parent and "/" in f or (not parent and "/" not in f
                                                                                         and f != ".")]
        if len(siblings) >= 3 and all(folders[f] <= 2 for f in siblings):
            return "/".join(parts[:-1] + ["**"])
    return folder


def glob_of(folder: str, docs: list[Document]) -> str:
    """The files glob of a collection: its folder and the suffixes of its pages.

    >>> glob_of("_posts", [Document("_posts/a.md", "", {}, "", 0)])
    '_posts/*.md'
    >>> glob_of("content/**", [Document("content/2020/a.md", "", {}, "", 0), Document("content/b.html", "", {}, "", 0)])
    'content/**/*.{html,md}'
    """
    suffixes = sorted({d.suffix for d in docs})
    ext = suffixes[0] if len(suffixes) == 1 else "{" + ",".join(suffixes) + "}"
    if folder == ".":
        return f"*.{ext}"
    return f"{folder}/*.{ext}" if not folder.endswith("**") else f"{folder}/*.{ext}"


# --- session pages -----------------------------------------------------------------------------


def _session_part(col: Collection, seen: Survey) -> tuple[Table, Collection] | None:
    if re.search(r"(^|/)(blog|news|posts?/blog)(/|$)", col.folder, re.I):
        return None  # blog posts name their authors, not speakers
    key, kind, why = speaker_list_key(col)
    if key and key.rsplit(".", 1)[-1] in ("author", "authors") and re.search(r"posts|articles", col.folder) \
            and not SPEAKER_FOLDER.search(col.folder):
        return None  # blog posts again: an author is no speaker
    body = [d.path for d in col.docs if has_body_people(d.body)]
    if key is None:
        return _body_part(col, body)
    n = len(col.docs)
    table = Table(why=[f"{n} page{'s' * (n != 1)} with front matter in {col.folder}/ ({front_of(col)})", why])
    table.set("files", col.pattern)
    table.set("reader", "frontmatter")
    table.session_values = [str(v).strip() for vs in col.values(key) for v in as_list(vs) if isinstance(v, str)]
    table.set("speaker_key", key)
    if kind == "text":
        table.set("sessions", col.pattern, f"'{key}' holds one string per page, not a list: name the session "
                  "files, so that every page of the folder is read as a session")
    if kind == "mappings":
        _item_keys(table, col, key)
    if kind == "slugs":
        _names_key(table, col, key)
    if len(body) >= max(2, len(col.docs) * 0.2):
        _body_people(table, col, body)
    _title_key(table, col)
    _date_keys(table, col)
    _simple(table, col, "room", ("room", "location", "venue", "place", "hall", "stage"))
    _simple(table, col, "track", ("track", "stream"))
    _simple(table, col, "format", ("type", "format", "category", "kind", "session_type"))
    _simple(table, col, "permalink", ("permalink", "url", "slug"))
    return table, col


def _body_part(col: Collection, hits: list[str]) -> tuple[Table, Collection] | None:
    if len(hits) < max(2, len(col.docs) * 0.2):
        return None
    table = Table(why=[f"{len(col.docs)} pages with front matter in {col.folder}/ ({front_of(col)})"])
    table.set("files", col.pattern)
    table.set("reader", "frontmatter")
    _body_people(table, col, hits)
    _title_key(table, col)
    _date_keys(table, col)
    _simple(table, col, "permalink", ("permalink", "url", "slug"))
    return table, col


def _body_people(table: Table, col: Collection, hits: list[str]) -> None:
    table.set("sessions", col.pattern, f"{len(hits)} of {len(col.docs)} pages list people in the body: a role heading "
              f"('## Speakers', '**Moderator**') then bullets (e.g. {hits[0]}); every page of the folder is an "
              "event page")
    table.set("body_people", True)


def _names_key(table: Table, col: Collection, key: str) -> None:
    for other, count in col.keys().most_common():
        values = col.values(other)
        if other != key and PEOPLE_KEY.search(other) and all(isinstance(v, str) for v in values) \
                and sum(name_like(v.split(",")[0].strip()) for v in values) >= 0.6 * len(values):
            table.set("speaker_names", other, f"{count} pages print the names of the '{key}' slugs in '{other}' "
                      f"(e.g. {_examples(values, 1)[0]!r})")
            return


def speaker_list_key(col: Collection) -> tuple[str | None, str, str]:
    """The key holding a page's speakers, the kind of its values, and the evidence."""
    best = None
    for key, count in col.keys().most_common():
        values = col.values(key)
        kind = list_kind(values)
        if kind is None or not (PEOPLE_KEY.search(key.rsplit(".", 1)[-1]) or kind == "names"):
            continue
        rank = (kind != "text", count, bool(PEOPLE_KEY.search(key)))
        if best is None or rank > best[0]:
            best = (rank, key, kind, count, values)
    if best is None or best[0][1] < len(col.docs) * (0.5 if best[2] == "text" else 0.2):
        return None, "", ""
    _, key, kind, count, values = best
    sizes = sorted({len(as_list(v)) for v in values})
    size = f"{sizes[0]}" if len(sizes) == 1 else f"{sizes[0]}-{sizes[-1]}"
    what = {"slugs": "slugs", "names": "names", "mappings": "mappings", "text": "one string"}[kind]
    sample = ", ".join(repr(str(x))[:40] for x in _examples(values))
    return key, kind, (f"{count} of {len(col.docs)} files in {col.folder}/ have front matter key '{key}' "
                       + (f"(lists of {size} {what}, e.g. {sample})" if kind != "text" else f"(text, e.g. {sample})"))


def list_kind(values: list) -> str | None:
    """What a key's values are: lists of ``"slugs"``, ``"names"`` or ``"mappings"``, ``"text"``, or ``None``.

    >>> list_kind([["jane-doe"], ["ann-lee", "bo-li"]]), list_kind([["Jane Doe"]]), list_kind([[{"name": "A"}]])
    ('slugs', 'names', 'mappings')
    >>> list_kind(["Jane Doe, Ann Lee"]), list_kind([["python", "web"]]), list_kind([3])
    ('text', 'slugs', None)
    """
    items = [x for v in values for x in as_list(v)]
    if not items:
        return None
    if all(isinstance(v, list) for v in values):
        if all(isinstance(x, dict) for x in items):
            return "mappings" if any(k in x for x in items for k in NAME_KEYS) else None
        texts = [str(x).strip() for x in items if isinstance(x, str)]
        if len(texts) != len(items) or any(len(t) > 80 for t in texts):
            return None
        if all(is_slug(t) for t in texts):
            return "slugs"
        return "names" if sum(name_like(t) for t in texts) >= 0.6 * len(texts) else None
    if all(isinstance(v, str) and len(v) <= 200 for v in values):
        return "text" if sum(name_like(n) for v in values for n in re.split(r",| and |&", v)) else None
    return None


def _item_keys(table: Table, col: Collection, key: str) -> None:
    items = [x for v in col.values(key) for x in as_list(v) if isinstance(x, dict)]
    keys = Counter(k for x in items for k in x)
    for option, names in (("item_name", NAME_KEYS), ("item_link", ("url", "link", "permalink", "speakerurl", "href")),
                          ("item_role", ("role",)), ("item_title", TITLE_KEYS + ("title",)),
                          ("item_company", ORG_KEYS)):
        found = [k for k in keys if k in names or k.lower() in names]
        if found:
            table.set(option, found[0], f"{keys[found[0]]} of {len(items)} entries of '{key}' have '{found[0]}'")


def _title_key(table: Table, col: Collection) -> None:
    keys = col.keys()
    if keys.get("title", 0) == len(col.docs):
        return  # the reader's default
    for key in ("title", "name", "talk", "session", "headline"):
        if keys.get(key):
            table.set("title", key, f"{keys[key]} of {len(col.docs)} have '{key}'")
            return


def _simple(table: Table, col: Collection, option: str, names: tuple[str, ...]) -> None:
    keys = col.keys()
    for key in names:
        if keys.get(key) and all(isinstance(v, str | int) for v in col.values(key)):
            sample = _examples(col.values(key))
            table.set(option, key, f"{keys[key]} of {len(col.docs)} have '{key}' (e.g. {', '.join(map(repr, sample))})")
            return


# --- dates and times -----------------------------------------------------------------------


@dataclass
class When:
    """What one value says of a date: has a date, a time, an offset, a year."""

    date: bool
    time: bool
    offset: str | None
    year: int | None


def when(value) -> When | None:
    """What a front-matter or data value holds as a date or time (``None``: not a date).

    >>> when("2022-10-20T16:30"), when("2023-05-24 14:00:00 -0500").offset, when("March 14").year
    (When(date=True, time=True, offset=None, year=2022), '-05:00', None)
    >>> when("09:30"), when("Jane Doe")
    (When(date=False, time=True, offset=None, year=None), None)
    """
    if isinstance(value, datetime):
        return When(True, True, _offset(value), value.year)
    if isinstance(value, date):
        return When(True, False, None, value.year)
    if not isinstance(value, str) or len(value) > 60:
        return None
    text = value.strip()
    iso = re.match(r"(\d{4})-\d{1,2}-\d{1,2}(?:[T ](\d{1,2}):\d\d(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?$", text)
    if iso:
        zone = iso.group(3)
        offset = None if not zone else "+00:00" if zone == "Z" else zone[:3] + ":" + zone[-2:]
        return When(True, iso.group(2) is not None, offset, int(iso.group(1)))
    month = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
                      r"\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", text, re.I)
    clock = re.search(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*[ap]\.?m\b", text, re.I)
    year = re.search(r"\b(19|20)\d\d\b", text)
    if month:
        return When(True, bool(clock), None, int(year.group(0)) if year else None)
    if clock and re.fullmatch(r"[\d:.\sapmAPM–-]+", text):
        return When(False, True, None, None)
    return None


def _offset(value: datetime) -> str | None:
    delta = value.utcoffset()
    if delta is None:
        return None
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def date_keys(col: Collection) -> dict[str, tuple[str, list[When]]]:
    """Front-matter keys holding dates: ``{key: (kind, whens)}``, kind ``start``/``end``/``date``/``time``."""
    found = {}
    for key in col.keys():
        values = [when(v) for v in col.values(key)]
        whens = [w for w in values if w]
        if not whens or len(whens) < len(values) * 0.8:
            continue
        timed = sum(w.time for w in whens) > len(whens) / 2
        dated = sum(w.date for w in whens) > len(whens) / 2
        kind = "time" if not dated else "end" if END_KEY.search(key) else "start" if timed else "date"
        found[key] = (kind, whens)
    return found


def _date_keys(table: Table, col: Collection) -> None:
    found = date_keys(col)
    picked = {}
    for key, (kind, whens) in sorted(found.items(), key=lambda kv: -len(kv[1][1])):
        picked.setdefault(kind, (key, whens))
    n = len(col.docs)
    defaults = {"start": ("start_datetime", "start", "starts_at"), "end": ("end_datetime", "end", "ends_at"),
                "date": ("date",), "time": ("time",)}
    if "start" in picked:
        picked.pop("date", None)
    for kind in ("start", "end", "date", "time"):
        if kind not in picked:
            continue
        key, whens = picked[kind]
        table.whens += whens
        why = f"{len(whens)} of {n} have '{key}' ({describe_whens(whens, col.values(key))})"
        if kind == "date" and "start" not in picked and any(w.time for w in whens):
            kind = "start"
        if key in defaults[kind]:
            table.why.append(why + f" — the reader's default {kind} key")
            continue
        table.set(kind, key, why)
    if not picked:
        _day_codes(table, col)
        table.why.append("no front-matter key holds a date: the reader skips pages without one — name the date key "
                         "(start = \"…\" or date = \"…\")")


def _day_codes(table: Table, col: Collection) -> None:
    for key, count in col.keys().most_common():
        values = [str(v) for v in col.values(key) if isinstance(v, str | int | float)]
        if re.search(r"(^|\.)(day|session|slot)$", key) and values and all(re.fullmatch(r"\d+(\.\d+)*", v)
                                                                            for v in values):
            table.set("day", key, f"{count} pages have '{key}' codes (e.g. {values[0]!r}): if their first number is "
                      "the day, map each day to its date", commented=True)
            table.set("days", {"1": "2031-05-01"}, commented=True)
            return


def describe_whens(whens: list[When], values: list) -> str:
    """``date-times like 2022-10-20T10:00, no UTC offset`` — a key's dates in words.

    >>> describe_whens([When(True, True, "-05:00", 2023)], ["2023-05-24 14:00:00 -0500"])
    'date-times like 2023-05-24 14:00:00 -0500, offsets -05:00 ×1'
    """
    what = "date-times" if all(w.date and w.time for w in whens) else "dates" if all(w.date for w in whens) \
        else "times" if all(w.time for w in whens) else "dates and times"
    offsets = Counter(w.offset for w in whens if w.offset)
    zone = ", ".join(f"{o} ×{c}" for o, c in offsets.most_common(4)) if offsets else "no UTC offset"
    if what == "dates":
        zone = "no time"
    yearless = sum(1 for w in whens if w.date and w.year is None)
    return (f"{what} like {_examples(values, 1)[0]}, {'offsets ' if offsets else ''}{zone}"
            + (f", {yearless} without a year" if yearless else ""))


# --- speaker pages ------------------------------------------------------------------------


def _speaker_part(col: Collection, seen: Survey) -> tuple[Table, Collection] | None:
    keys = col.keys()
    n = len(col.docs)
    name = next((k for k in NAME_KEYS if keys.get(k, 0) >= n * 0.6), None)
    org = next((k for k in ORG_KEYS if keys.get(k)), None)
    title = next((k for k in TITLE_KEYS if keys.get(k)), None)
    people_folder = re.search(r"speaker|presenter|people|person|author|profile|bio|team|member",
                              col.folder, re.I)
    if speaker_list_key(col)[0] is not None:
        return None
    if name is None and people_folder and keys.get("title", 0) >= n * 0.6 and n >= 2:
        names = [v for v in col.values("title") if isinstance(v, str)]
        if sum(name_like(v) for v in names) >= len(names) * 0.6:
            name = "title"
    if name is None or not (org or title or people_folder):
        return None
    table = Table(why=[f"{n} page{'s' * (n != 1)} in {col.folder}/ look like speaker pages: '{name}' in "
                       f"{keys[name]}" + (f", '{org}' in {keys[org]}" if org else "")
                       + (f", '{title}' in {keys[title]}" if title else "")
                       + f" (e.g. {', '.join(repr(v) for v in _examples(col.values(name)))})"])
    table.set("files", col.pattern)
    table.set("reader", "frontmatter")
    table.set("speakers", col.pattern, "these pages are speaker pages")
    if name not in ("name", "title"):
        table.set("name", name)
    elif name == "title":
        table.set("name", "title", "the page title is the person's name")
    if org and org not in ("company", "organisation", "organization", "affiliation"):
        table.set("company", org)
    if title and title not in ("role", "job_title", "position"):
        table.set("job_title", title)
    photo = next((k for k in PHOTO_KEYS if keys.get(k)), None)
    if photo and photo not in ("photo", "image", "avatar"):
        table.set("photo", photo)
    if keys.get("permalink"):
        table.permalinks = [str(v) for v in col.values("permalink")]
    return table, col


def _profile_part(table: Table, col: Collection, cards: list[Table]) -> Table:
    """A speaker collection that cards link to: profile pages of the cards reader, joined by permalink."""
    from ingest.cards import permalink

    links = {permalink(x) for t in cards for x in t.links}
    pages = {permalink(p) for p in table.permalinks}
    hits = len(links & pages)
    if not hits:
        return table
    profile = Table(why=table.why + [f"{hits} of {len(pages)} permalinks of these pages are the links of cards "
                                     "(the cards reader joins card and profile page by permalink)"])
    profile.set("files", col.pattern)
    profile.set("reader", "cards")
    profile.set("page", "profile")
    name = table.get("name")
    if name and name != "title":
        profile.set("profile_name", name)
    return profile


# --- how sessions name their speakers -----------------------------------------------------------


def _session_slugs(sessions: list[tuple[Table, Collection]]) -> set[str]:
    return {v for t, _ in sessions for v in t.session_values if is_slug(v)}


def _link(sessions: list[tuple[Table, Collection]], speakers: list[tuple[Table, Collection]], seen: Survey) -> None:
    """Write each session part's link_template from where its slugs match speaker pages, with the count."""
    for table, col in sessions:
        slugs = {v for v in table.session_values if is_slug(v)}
        if not slugs:
            continue
        best = None
        for stable, scol in speakers:
            for how, found in link_targets(scol).items():
                hits = len(slugs & set(found))
                if hits and (best is None or hits > best[0]):
                    best = (hits, how, found[next(iter(slugs & set(found)))], stable, scol)
        if best is None:
            continue
        hits, how, template, stable, scol = best
        why = f"{hits} of {len(slugs)} slugs in '{table.get('speaker_key')}' equal the {how} of a page in {scol.folder}/"
        if template is None:
            table.why.append(why + " — cannot be written as a link (the reader names a page by its file name)")
            continue
        table.set("link_template", template, why)
        if how == "file name":
            stable.set("link_template", template, "the permalink the session pages' slugs link to")


def link_targets(col: Collection) -> dict[str, dict[str, str | None]]:
    """Where a speaker collection's pages can be found by slug: ``{how: {slug: link_template or None}}``."""
    stems, permalinks = {}, {}
    base = col.folder.replace("/**", "").rsplit("/", 1)[-1].lstrip("_") or "speakers"
    for doc in col.docs:
        path = PurePosixPath(doc.path)
        bundle = path.stem in ("_index", "index")  # a page bundle: authors/jane-doe/_index.md
        stems[path.parent.name if bundle else path.stem] = f"/{base}/{{slug}}/"
        link = doc.meta.get("permalink")
        if isinstance(link, str) and link.strip("/"):
            segment = link.strip().rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
            permalinks[segment] = link.strip()[: link.strip().rstrip("/").rfind("/") + 1] + "{slug}/"
    return {"file name": stems, "permalink's last segment": permalinks}


# --- site settings ----------------------------------------------------------------------


def _site(out: Draft, seen: Survey, sessions: list[Collection], exports: dict[str, str]) -> None:
    site = out.site
    root = Path(out.root)
    from ingest.site import _series_from_folder

    site.set("series", _series_from_folder(root), "the series key: the folder name without a year; change it to "
             "the name the site's events share", commented=True)
    whens = [w for p in out.parts for w in p.whens] + _export_whens(seen, exports)
    _timezone(site, seen, whens)
    _year(site, seen, whens, out.parts)
    words = role_words(seen)
    if words:
        site.why.append("role words seen: " + ", ".join(f"{w} ×{c}" for w, (c, _) in words.most_common(12)))
        unknown = {w: r for w, (c, r) in words.items() if r is None}
        for word in sorted(unknown)[:6]:
            site.set("roles", {word: "other"}, f"'{word}' is no role word the model knows: map it to one of "
                     "moderator, panellist, speaker, keynote, guest-of-honour, remarks, other", commented=True)
    if seen.errors:
        out.notes += [f"could not read: {e}" for e in seen.errors[:10]]


def _timezone(site: Table, seen: Survey, whens: list[When]) -> None:
    timed = [w for w in whens if w.time]
    offsets = Counter(w.offset for w in timed if w.offset)
    if timed and len(offsets) and sum(offsets.values()) == len(timed):
        site.why.append("every time printed carries its UTC offset ("
                        + ", ".join(f"{o} ×{c}" for o, c in offsets.most_common(4)) + "): no timezone needed")
        return
    if not timed:
        return
    configured = configured_zone(seen)
    if configured:
        value, rel = configured
        site.set("timezone", value, f"{len(timed) - sum(offsets.values())} times have no UTC offset; {rel} says "
                 f"timezone: {value}")
        return
    site.set("timezone", "Area/City", f"{len(timed)} times have no UTC offset: name the zone the site prints times in (an IANA name or "
             "\"+02:00\")", commented=True)


def configured_zone(seen: Survey) -> tuple[str, str] | None:
    """A ``timezone`` setting in a site configuration file (``_config.yml``, ``config.toml``…), with its file."""
    from ingest.profile import zone

    for doc in seen.data:
        if not isinstance(doc.data, dict) or "/" in doc.path.strip("/") and not doc.path.startswith("_data"):
            continue
        value = doc.data.get("timezone") or doc.data.get("time_zone")
        if isinstance(value, str):
            try:
                zone(value)
            except ValueError:
                continue
            return value, doc.path
    return None


def _year(site: Table, seen: Survey, whens: list[When], parts: list[Table] = ()) -> None:
    """``[site] year`` when dates print none: from the other dates, the paths, else the year the site prints most."""
    yearless = [w for w in whens if w.date and w.year is None]
    if not yearless and not any(p.needs_year for p in parts):
        return
    what = f"{len(yearless)} dates print no year" if yearless else "dates in file names print no year"
    years = Counter(w.year for w in whens if w.year) or Counter(
        int(m) for d in seen.docs for m in re.findall(r"\b(20\d\d)\b", d.path))
    if years:
        year, count = years.most_common(1)[0]
        site.set("year", year, f"{what}; {year} is the year of the other dates or paths ({count} times)")
        return
    printed = Counter(int(y) for d in seen.docs for y in re.findall(r"\b(20\d\d)\b", d.body[:20000]))
    if not printed:
        site.set("year", date.today().year, f"{what}: give the edition's year", commented=True)
        return
    year, count = printed.most_common(1)[0]
    sure = count >= 3 and count >= 0.5 * sum(printed.values())
    site.set("year", year, f"{what}; the site's files print {year} most ({count} of {sum(printed.values())} years "
             "printed)" + ("" if sure else ": check it"), commented=not sure)


# --- what not to read --------------------------------------------------------------------


def _leftovers(site: Table, seen: Survey, parts: list[Table]) -> None:
    """``[site] exclude`` for files a part's glob takes in that hold no programme (README, code of conduct, lists)."""
    from wcmatch import glob

    from ingest.profile import GLOB_FLAGS

    globs = [g for p in parts if not p.comment_only and not p.commented for g in as_list(p.get("files"))]
    sessions = [g for p in parts for g in as_list(p.get("sessions"))]
    found = {}
    for doc in seen.docs:
        if not globs or not glob.globmatch(doc.path, globs, flags=GLOB_FLAGS):
            continue
        if LEFTOVERS.search(doc.path):
            found[doc.path] = "a README, licence or code of conduct"
        elif PurePosixPath(doc.path).stem in ("_index", "index") and sessions and \
                glob.globmatch(doc.path, sessions, flags=GLOB_FLAGS) and not _listed_people(doc):
            found[doc.path] = "a section's list page, naming nobody"
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
            "  - data files holding lists of records with names,",
            "  - HTML cards (repeated elements of one class holding a name) and programme tables (a 'Time' column);",
            "write the parts by hand (docs/sites.md), or ask for a reader for this shape"]


# --- small helpers ------------------------------------------------------------------------


def as_list(value) -> list:
    """``value`` as a list (``None`` → empty)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def name_like(text) -> bool:
    """True for text that reads as a person's name (two to five capitalised words)."""
    if not isinstance(text, str):
        return False
    words = re.sub(r"\([^)]*\)", "", text).replace(",", " ").split()
    if not 2 <= len(words) <= 6 or len(text) > 60 or _NOT_NAME.search(text):
        return False
    if not all(_WORD.match(w) or w.isupper() for w in words) or not any(c.islower() for c in text):
        return False
    return not_a_person(text) is None


def front_of(col: Collection) -> str:
    """``YAML --- front matter`` or ``TOML +++ front matter``, as seen in the collection."""
    kinds = Counter(d.front for d in col.docs)
    return " and ".join(f"{'YAML ---' if k == 'yaml' else 'TOML +++'} front matter" for k in sorted(kinds))


def _examples(values: list, n: int = 2) -> list:
    out = []
    for value in values:
        for item in as_list(value):
            text = item if isinstance(item, str) else str(item)
            if text not in out:
                out.append(text)
            if len(out) == n:
                return out
    return out or ["…"]
