"""The reader for sites that list speakers in front matter (Jekyll, 11ty, Hugo), such as DjangoCon US.

A session page names its speakers under one front-matter key, as slugs
(``presenter_slugs: [frank-wiles]``) or as mappings (``speaker: [{name, speakerurl}]``),
beside its times, room and track; its body is the abstract. A speaker page
(``presenters/jane-doe.md``) holds a name, company, role, photo and social links,
and its body is the biography. Every key name and file pattern is an option of
the site profile (``[site.frontmatter]`` in ``speakergraph.toml``, see
``docs/sites.md``), so a site with other keys needs a profile, not code.

>>> role_in_name("Jane Doe (Moderator)"), role_in_name("Jane Doe (she/her)")
(('Jane Doe', 'Moderator'), ('Jane Doe (she/her)', None))
>>> is_slug("frank-wiles"), is_slug("Frank Wiles")
(True, False)
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import PurePosixPath

from wcmatch import glob

from graph.errors import IngestError
from ingest import times
from ingest.countries import Countries
from ingest.markdown import parse_blocks
from ingest.records import Document, Note, Parsed, Position, Row, SessionPage, SpeakerPage
from ingest.roles import role_of
from ingest.site_keys import Keys

NAME = "frontmatter"

_SLUG = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_ROLE_IN_NAME = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")
_GLOB = glob.GLOBSTAR | glob.BRACE | glob.DOTGLOB


def detect(doc: Document, keys: Keys | None = None) -> bool:
    """True when the page lists its speakers under a front-matter key (``presenter_slugs``, ``speakers``…)."""
    keys = keys or Keys()
    return any(_is_list(doc.meta.get(k)) for k in keys.speaker_key)


def check(options) -> None:
    """Raise ``ValueError`` naming the first bad option of a profile's ``[site.frontmatter]`` table."""
    if not isinstance(options, dict):
        raise ValueError(f"must be a table of options, not {options!r}")
    Keys.from_options(options)


def read(doc: Document, countries: Countries | None = None, **options) -> Parsed:
    """Parse a page of a front-matter site into a session, a speaker page, or a skip note."""
    try:
        keys = Keys.from_options(options)
    except ValueError as exc:
        raise IngestError(doc.path, f"bad [site.{NAME}] option in the site profile: {exc}") from None
    parsed = Parsed(doc=doc, reader=NAME)
    kind = page_kind(doc, keys)
    if kind == "session":
        _append(parsed.sessions, read_session(doc, keys, parsed.notes))
    elif kind == "speaker":
        _append(parsed.speakers, read_speaker(doc, keys, parsed.notes))
    else:
        parsed.notes.append(Note(doc.path, None, "skipped-file", _skip_reason(doc, keys)))
    return parsed


def page_kind(doc: Document, keys: Keys) -> str | None:
    """``"session"``, ``"speaker"`` or ``None``: by the profile's file patterns, else by front matter and folder."""
    if keys.sessions:
        if _matches(doc.path, keys.sessions):
            return "session"
    elif detect(doc, keys):
        return "session"
    if _matches(doc.path, keys.speakers) and _first(doc.meta, keys.name):
        return "speaker"
    return None


def _skip_reason(doc: Document, keys: Keys) -> str:
    if _matches(doc.path, keys.speakers):
        return f"speaker page has no {' or '.join(keys.name)} in its front matter — skipped"
    session = f"not in {', '.join(keys.sessions)}" if keys.sessions else \
        f"no {', '.join(keys.speaker_key)} list in its front matter"
    return (f"not a session page ({session}) nor a speaker page (not in {', '.join(keys.speakers)}) — skipped; "
            "if it is one, name its keys or folder in the profile")


def _append(items: list, item) -> None:
    if item is not None:
        items.append(item)


# --- session pages -------------------------------------------------------------------------


def read_session(doc: Document, keys: Keys, notes: list[Note]) -> SessionPage | None:
    """A session from the front matter (title, times, room, track, speakers) and the body (abstract)."""
    meta = doc.meta
    title = _text(_first(meta, keys.title)) or PurePosixPath(doc.path).stem
    session = SessionPage(path=doc.path, title=title, permalink=_text(_first(meta, keys.permalink)), date=None,
                          room=_text(_first(meta, keys.room)), track=_text(_first(meta, keys.track)),
                          format=_text(_first(meta, keys.format)))
    _read_times(session, doc, keys, notes)
    if session.date is None:
        notes.append(Note(doc.path, None, "skipped-file",
                          f"session page has no date: none of {', '.join(keys.start + keys.date)} holds one — "
                          "skipped; name the date key in the profile ([site.frontmatter] start = \"…\")"))
        return None
    session.abstract = _body_text(doc)
    label = _session_role(session, keys)
    for item in _as_list(_first(meta, keys.speaker_key)):
        _append(session.rows, read_speaker_item(doc.path, item, label, keys, notes))
    return session


def _read_times(session: SessionPage, doc: Document, keys: Keys, notes: list[Note]) -> None:
    start, end = _when(_first(doc.meta, keys.start)), _when(_first(doc.meta, keys.end))
    day = start or _when(_first(doc.meta, keys.date))
    session.date = day.date() if isinstance(day, datetime) else day
    clock = _text(_first(doc.meta, keys.time))
    if clock and session.date and not isinstance(start, datetime):
        session.time_label = clock
        t0, t1 = times.parse_time_range(clock)
        start, end = times.combine(session.date, t0), times.combine(session.date, t1)
    session.start = start if isinstance(start, datetime) else None
    session.end = end if isinstance(end, datetime) else None
    if session.start is not None and session.start.tzinfo is None:
        notes.append(Note(doc.path, None, "no-zone", f"start time {session.start.isoformat()} names no UTC offset "
                                                      "(e.g. 2024-09-25 11:30:00-04:00) — kept without offset"))


def _when(value) -> date | None:
    """A front-matter value as a datetime or a date (YAML already parses most of them)."""
    if isinstance(value, (date, datetime)):
        return value
    text = _text(value)
    if not text:
        return None
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return parse(text)
        except ValueError:
            pass
    return times.parse_date(text)


def _session_role(session: SessionPage, keys: Keys) -> str:
    """The role label of a session's speakers: by title prefix, by format, or the default."""
    for prefix, label in keys.title_roles.items():
        if re.match(re.escape(prefix) + r"(\W|$)", session.title, re.I):
            return label
    return keys.format_roles.get((session.format or "").lower(), keys.role_label)


def read_speaker_item(path: str, item, label: str, keys: Keys, notes: list[Note]) -> Row | None:
    """One entry of a speaker list: a slug, a name, or a mapping of name, link, role and company."""
    if isinstance(item, str | int | float) and _text(item):
        item = {"slug": _text(item)} if is_slug(_text(item)) else {keys.item_name[0]: _text(item)}
    if not isinstance(item, dict):
        notes.append(Note(path, None, "skipped-row", f"speaker entry {item!r} is neither a name, a slug nor a "
                                                     "mapping — skipped"))
        return None
    slug = _text(item.get("slug"))
    link = _text(_first(item, keys.item_link)) or (keys.link_template.format(slug=slug) if slug else None)
    printed = _text(_first(item, keys.item_name)) or slug
    if not printed:
        notes.append(Note(path, None, "skipped-row", f"speaker entry {item!r} has no {' / '.join(keys.item_name)} "
                                                     "— skipped"))
        return None
    printed, role = role_in_name(printed)
    row = Row(line=None, role_label=_text(_first(item, keys.item_role)) or role or label,  # type: ignore[arg-type]
              printed_name=printed, link=link, name_printed=not slug,
              country_label=_text(_first(item, keys.country)))
    title, org = _text(_first(item, keys.item_title)), _text(_first(item, keys.item_company))
    if title or org:
        row.positions.append(Position(title=title, organisation=org))
    return row


def role_in_name(printed: str) -> tuple[str, str | None]:
    """Split a role written inside a name, "Jane Doe (Moderator)", from the name."""
    m = _ROLE_IN_NAME.match(printed)
    if m and m.group(1) and role_of(m.group(2)):
        return m.group(1), m.group(2).strip()
    return printed, None


def is_slug(text: str) -> bool:
    """True for a page slug (lower case, no spaces) rather than a printed name."""
    return bool(_SLUG.fullmatch(text))


# --- speaker pages ------------------------------------------------------------------------


def read_speaker(doc: Document, keys: Keys, notes: list[Note]) -> SpeakerPage | None:
    """A speaker page: name, position (role at company), photo, social links; the body is the biography."""
    meta = doc.meta
    stem = PurePosixPath(doc.path).stem
    page = SpeakerPage(path=doc.path, line=None,  # type: ignore[arg-type]
                       permalink=_text(_first(meta, keys.permalink)) or keys.link_template.format(slug=stem),
                       printed_name=_text(_first(meta, keys.name)) or stem,
                       image=_text(_first(meta, keys.photo)), biography=_body_text(doc),
                       country_label=_text(_first(meta, keys.country)))
    title, org = _text(_first(meta, keys.job_title)), _text(_first(meta, keys.company))
    if title or org:
        page.positions.append(Position(title=title, organisation=org))
    page.extra = social_links(_first(meta, keys.social), keys.social_urls)
    return page


def social_links(social, templates: dict[str, str]) -> dict[str, str]:
    """Social accounts as URLs by network; handles become URLs by the network's template.

    >>> social_links({"github": "jdoe", "twitter": "@jdoe", "website": "https://x.org", "bluesky": None},
    ...              {"github": "https://github.com/{handle}", "twitter": "https://twitter.com/{handle}"})
    {'github': 'https://github.com/jdoe', 'twitter': 'https://twitter.com/jdoe', 'website': 'https://x.org'}
    >>> social_links({"mastodon": "@jdoe@fosstodon.org"}, {})
    {'mastodon': 'https://fosstodon.org/@jdoe'}
    """
    links = {}
    for network, value in (social or {}).items() if isinstance(social, dict) else ():
        handle = _text(value)
        if not handle:
            continue
        if handle.startswith(("http://", "https://")):
            links[network] = handle
        elif m := re.fullmatch(r"@?([\w.-]+)@([\w.-]+\.\w+)", handle):
            links[network] = f"https://{m.group(2)}/@{m.group(1)}"
        elif network in templates:
            links[network] = templates[network].format(handle=handle.lstrip("@"))
    return links


# --- front-matter values ------------------------------------------------------------------


def _first(meta: dict, names: tuple[str, ...]):
    """The value of the first of ``names`` that the mapping holds (not empty)."""
    for name in names:
        value = meta.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text or None


def _is_list(value) -> bool:
    return isinstance(value, list) and bool(value)


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _matches(path: str, patterns: tuple[str, ...]) -> bool:
    return bool(patterns) and glob.globmatch(path, list(patterns), flags=_GLOB)


def _body_text(doc: Document) -> str:
    blocks = parse_blocks(doc.body, doc.body_line)
    return "\n\n".join(b.text.replace("\n", " ") for b in blocks if b.kind == "paragraph" and b.text)
