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
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import PurePosixPath

from wcmatch import glob

from graph.errors import IngestError
from graph.ids import slugify
from ingest import agenda, body_people, listed_talks, shortcodes, times
from ingest.countries import Countries
from ingest.datarecords import _both_parted as both_parted, without_org
from ingest.markdown import parse_blocks
from ingest.names import POST_NOMINALS, match_key, slug_key, split_name
from ingest.people_text import split_people
from ingest.person_pattern import FREE_TEXT, looks_like_name, split_person, split_position
from ingest.position_words import JOB_NOUNS, head_words, is_body
from ingest.profile import Settings
from ingest.record_dates import minutes as in_minutes, path_year
from ingest.records import Document, Note, Parsed, Position, Row, SessionPage, SpeakerPage
from ingest.roles import LABELS, content_words, role_of, role_of_title, role_words_only
from ingest.site_keys import Keys, has_id_suffix, key_stem
from ingest.tidy import has_job_word, not_a_person

NAME = "frontmatter"

_SLUG = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_ROLE_IN_NAME = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")
_GLOB = glob.GLOBSTAR | glob.BRACE | glob.DOTGLOB


def detect(doc: Document, keys: Keys | None = None) -> bool:
    """True when the page lists its speakers under a front-matter key (``presenter_slugs``, ``speakers``…)."""
    keys = keys or Keys()
    named = keys.speaker_key != Keys.speaker_key  # a key the profile names may hold one string of names
    if keys.talks and _is_list(_first(doc.meta, keys.talks)):
        return True
    if any(_is_list(v) or isinstance(v, str) and (named and bool(v.strip()) or _one_person(v, doc.meta, keys))
           for v in (_first(doc.meta, (k,)) for k in keys.speaker_key)):
        return True
    # "presenter_slugs: []" over a body that lists its people ("## Speakers" then bullets): lightning talks
    names = [n for k in keys.speaker_key for n in (k, *(f"{table}.{k}" for table in PAGE_TABLES))]
    return any(lookup(doc.meta, name) == [] for name in names) \
        and any(sec.rows for sec in body_people.sections(doc.body, doc.body_line))


def _one_person(value: str, meta: dict, keys: Keys) -> bool:
    """True for one speaker written as a string on a dated page (``speaker: ana-lima``, ``speaker: "Dr. Ann Lee"``
    beside ``date``/``start``): a session of one, as its siblings' ``presenters: [ana-lima]`` are; undated, a
    string under such a key (a post's byline) stays no session.

    >>> _one_person("ana-lima", {"date": "2031-05-01"}, Keys()), _one_person("Dr. Ann Lee", {"start": "x"}, Keys())
    (True, True)
    >>> _one_person("ana-lima", {}, Keys()), _one_person("tbc", {"date": "2031-05-01"}, Keys())
    (False, False)
    """
    if _first(meta, keys.start + keys.date + keys.time) is None:
        return False
    return is_one_slug(value) or looks_like_name(value.strip())


def check(options) -> None:
    """Raise ``ValueError`` naming the first bad option of a profile's ``[site.frontmatter]`` table."""
    if not isinstance(options, dict):
        raise ValueError(f"must be a table of options, not {options!r}")
    Keys.from_options(options)


def read(doc: Document, countries: Countries | None = None, settings: Settings | None = None, **options) -> Parsed:
    """Parse a page of a front-matter site into sessions, a speaker page, or a skip note."""
    try:
        keys = Keys.from_options(options)
    except ValueError as exc:
        raise IngestError(doc.path, f"bad [site.{NAME}] option in the site profile: {exc}") from None
    parsed = Parsed(doc=doc, reader=NAME)
    if why := unpublished(doc.meta):
        parsed.notes.append(Note(doc.path, None, "skipped-file", f"marked as not published ({why}): the site does not "
                                 "show it — skipped"))
        return parsed
    kind = page_kind(doc, keys)
    if kind == "session":
        notes: list[Note] = []
        sessions = read_sessions(doc, keys, notes, settings or Settings())
        if section_page(doc.path, keys.sessions, bundles=False) and not any(s.rows for s in sessions):
            parsed.notes.append(Note(doc.path, None, "skipped-file", f"{SECTION_PAGE}, naming nobody — skipped"))
            return parsed
        parsed.sessions += sessions
        parsed.notes += notes
    elif kind == "speaker":
        page = read_speaker(doc, keys, parsed.notes)
        _append(parsed.speakers, page)
        if keys.slots and page is not None:  # the talks it lists join the programme's slots (ingest.title_slots)
            parsed.sessions += listed_talks.talks(doc, page)
    else:
        parsed.notes.append(Note(doc.path, None, "skipped-file", _skip_reason(doc, keys)))
    return parsed


def unpublished(meta: dict) -> str | None:
    """Why its site does not publish a page, or ``None``: Jekyll's ``published: false``, Hugo's ``draft: true``,
    ``expired: true``, or an ``expiryDate`` before the page's own date (an event called off or moved: Hugo
    unpublishes the page once that day has passed).

    >>> unpublished({"published": False}), unpublished({"draft": "true"}), unpublished({"title": "x"})
    ('published: false', 'draft: true', None)
    >>> unpublished({"date": "2031-03-14T18:00:00+01:00", "expiryDate": "2031-03-05"})
    'expiryDate 2031-03-05 is before its date 2031-03-14'
    >>> unpublished({"expired": True}), unpublished({"date": "2031-03-14", "expirydate": "2031-12-31"})
    ('expired: true', None)
    """
    def said(value, word: str) -> bool:
        return value is (word == "true") or str(value).strip().lower() == word

    for key, word in (("published", "false"), ("draft", "true"), ("expired", "true")):
        if said(meta.get(key), word):
            return f"{key}: {word}"
    return _expired(meta)


def _expired(meta: dict) -> str | None:
    """``expiryDate``/``expiry_date`` before the page's ``date``, said as a reason; Hugo reads its keys in any case."""
    lower = {str(k).lower().replace("_", ""): v for k, v in meta.items()}
    expiry, day = _day_of(lower.get("expirydate")), _day_of(lower.get("date"))
    if expiry and day and expiry < day:
        return f"expiryDate {expiry.isoformat()} is before its date {day.isoformat()}"
    return None


def _day_of(value) -> date | None:
    """The day a front-matter date or date-time names (its own day, wherever its offset puts it).

    >>> _day_of("2031-03-05T23:00:00-05:00"), _day_of(datetime(2031, 3, 5, 1)), _day_of("soon")
    (datetime.date(2031, 3, 5), datetime.date(2031, 3, 5), None)
    """
    when = _when(value)
    return when.date() if isinstance(when, datetime) else when


def page_kind(doc: Document, keys: Keys) -> str | None:
    """``"session"``, ``"speaker"`` or ``None``: by the profile's file patterns, else by front matter and folder."""
    if keys.sessions:
        if _matches(doc.path, keys.sessions):
            return "session"
    elif detect(doc, keys):
        return "session"
    if _speaker_path(doc.path, keys) and _speaker_name(doc.meta, keys) and not section_page(doc.path, keys.speakers):
        return "speaker"
    return None


SECTION_PAGE = "a section's list page (Hugo's _index.md: its title names the folder's pages, not one of them)"


def section_page(path: str, patterns: tuple[str, ...], bundles: bool = True) -> bool:
    """True for Hugo's ``_index.md``, the list page of a section (``content/people/_index.md``), unless the patterns
    read it as a page bundle of one item: they name ``_index`` files (``content/authors/*/_index.md``), or (with
    ``bundles``) they take in its folder as a page (``content/authors/**/*.md`` for ``content/authors/ann/_index.md``).

    >>> section_page("content/people/_index.md", ("content/people/*.md",)), section_page("people/ann.md", ())
    (True, False)
    >>> section_page("content/authors/ann-lee/_index.md", ("content/authors/*/_index.md",))
    False
    >>> section_page("content/authors/ann-lee/_index.md", ("content/authors/**/*.md",))
    False
    """
    p = PurePosixPath(path)
    if p.stem != "_index":
        return False
    if any("_index" in pattern for pattern in patterns):
        return False
    return not (bundles and _matches(f"{p.parent}{p.suffix}", patterns))


def _speaker_path(path: str, keys: Keys) -> bool:
    """True when a ``speakers`` pattern matches the page, or its path with Jekyll's collection folders read as
    the folders they publish (``_presenters/ann-lee.md`` as ``presenters/ann-lee.md``)."""
    return _matches(path, keys.speakers) or _matches(uncollected(path), keys.speakers)


def uncollected(path: str) -> str:
    """The path with the leading underscore of its folders dropped: a Jekyll collection ``_speakers/`` is
    published as ``/speakers/``; a file's own underscore (``_index.md``) stays.

    >>> uncollected("_presenters/ann-lee.md"), uncollected("site/_speakers/2031/_index.md")
    ('presenters/ann-lee.md', 'site/speakers/2031/_index.md')
    """
    *folders, name = path.split("/")
    return "/".join([f.lstrip("_") or f for f in folders] + [name])


def _skip_reason(doc: Document, keys: Keys) -> str:
    if _speaker_path(doc.path, keys) and section_page(doc.path, keys.speakers):
        return (f"{SECTION_PAGE}, no speaker page — skipped; if its folder is one person's page bundle, name "
                "the bundles' files in speakers (speakers = \"content/authors/*/_index.md\")")
    if _speaker_path(doc.path, keys):
        return f"speaker page has no {' or '.join(keys.name)} in its front matter — skipped"
    session = f"not in {', '.join(keys.sessions)}" if keys.sessions else \
        f"no {', '.join(keys.speaker_key)} list in its front matter"
    return (f"not a session page ({session}) nor a speaker page (not in {', '.join(keys.speakers)}, nor in such "
            "a folder with an underscore) — skipped; "
            "if it is one, name its keys or folder in the profile")


def _append(items: list, item) -> None:
    if item is not None:
        items.append(item)


# --- session pages -------------------------------------------------------------------------


def read_sessions(doc: Document, keys: Keys, notes: list[Note], settings: Settings) -> list[SessionPage]:
    """The page's sessions: one, one per talk of a ``talks`` list, or one per heading that lists people."""
    talks = _first(doc.meta, keys.talks) if keys.talks else None
    if isinstance(talks, list):
        return _talks(doc, talks, keys, notes, settings)
    session = read_session(doc, keys, notes, settings)
    if session is None:
        return []
    if not keys.body_people and session.rows:
        return [session]
    found = _with_body_people(doc, session, keys, notes)  # a page listing nobody in its keys: its body may
    return found if keys.body_people or any(s.rows for s in found) else [session]


def _talks(doc: Document, talks: list, keys: Keys, notes: list[Note], settings: Settings) -> list[SessionPage]:
    """Each mapping of the page's talk list is a session; keys it lacks (date, room) come from the page."""
    page = {k: v for k, v in doc.meta.items() if k not in keys.talks}
    base = _text(_first(doc.meta, keys.permalink)) or f"/{_page_slug(doc.path)}/"
    out = []
    for n, talk in enumerate(talks, start=1):
        if not isinstance(talk, dict):
            notes.append(Note(doc.path, None, "skipped-row",
                              f"talk {n} of {', '.join(keys.talks)} is not a mapping ({talk!r}) — skipped"))
            continue
        meta = {**page, **{k: v for k, v in talk.items() if v not in (None, "", [], {})}}
        title = _text(_first(meta, keys.title)) or f"talk {n}"
        meta["permalink"] = f"{base}#{slugify(title) or n}"
        session = read_session(doc, keys, notes, settings, meta, ("permalink",))
        if session is not None and len(session.rows) == 1 and not session.rows[0].positions \
                and _first(talk, keys.item_company + keys.item_title):  # {name, company, talk}: a speaker's own talk
            row = read_speaker_item(doc.path, talk, session.rows[0].role_label, keys, notes)
            if row is not None:
                row.line = session.rows[0].line
                session.rows = [row]
        _append(out, session)
    return out


def read_session(doc: Document, keys: Keys, notes: list[Note], settings: Settings | None = None,
                 meta: dict | None = None, permalink_keys: tuple[str, ...] | None = None) -> SessionPage | None:
    """A session from front matter (title, times, room, track, speakers) and the body (abstract)."""
    meta = doc.meta if meta is None else meta
    settings = settings or Settings()
    title = _text(_first(meta, keys.title)) or PurePosixPath(doc.path).stem
    session = SessionPage(path=doc.path, title=title, permalink=_text(_first(meta, permalink_keys or keys.permalink)),
                          date=None, room=_text(_first(meta, keys.room)), track=_text(_first(meta, keys.track)),
                          format=format_of(_first(meta, keys.format), keys))
    _read_times(session, doc, keys, notes, meta, settings)
    if session.date is None and keys.slots:
        pass  # kept undated: the programme slot of its title gives its date (ingest.title_slots.join)
    elif session.date is None:
        notes.append(Note(doc.path, None, "skipped-file",
                          f"session page has no date: none of {', '.join(keys.start + keys.date)} holds one — "
                          "skipped; name the date key in the profile ([site.frontmatter] start = \"…\"), "
                          "or give the year ([site] year) or the days ([[parts]] days = { \"1\" = \"2031-05-01\" })"))
        return None
    session.abstract = _body_text(doc)
    label = _session_role(session, keys)
    value = _first(meta, keys.speaker_key)
    if isinstance(value, str) and not is_one_slug(value):
        session.rows = _text_rows(doc, value, label, keys)
    else:
        for item in _as_list(value):
            _append(session.rows, read_speaker_item(doc.path, item, label, keys, notes))
        _printed_names(doc, session.rows, meta, keys, notes, label)
    for key, role in people_keys(meta, keys):  # "moderator: jane-doe" beside "speakers: [...]"
        more, role = _first(meta, (key,)), role or label
        if isinstance(more, str) and not is_slug(more.strip()):  # "Ann Lee and Bo Chan"; a lone slug is a link
            session.rows += _text_rows(doc, more, role, keys)
        else:
            for item in _as_list(more):
                _append(session.rows, read_speaker_item(doc.path, item, role, keys, notes))
    return session


def people_keys(meta: dict, keys: Keys) -> list[tuple[str, str | None]]:
    """The keys of more people beside the speaker list, each with its role label (``None``: the speakers' own):
    the profile's ``role_keys``, then keys that name one by their stem (``moderator_slugs``); with the default
    ``role_keys``, also lists under role words (``co_presenters: [...]``, ``copresenter_slugs``: the speakers').

    >>> people_keys({"moderator_slugs": ["a"], "copresenter_slugs": ["b"], "host": "Acme", "speakers": ["c"]}, Keys())
    [('moderator_slugs', 'Moderator'), ('copresenter_slugs', None)]
    >>> people_keys({"params": {"moderators": ["Ann Lee"], "panelist_ids": ["b"]}}, Keys())
    [('moderators', 'Moderator'), ('params.panelist_ids', 'Panelist')]
    >>> people_keys({"params": {"hosts": ["Ann Lee"]}}, Keys.from_options({"role_keys": {"params.hosts": "Chair"}}))
    [('params.hosts', 'Chair')]
    """
    skip = set(keys.speaker_key) | set(keys.speaker_names) | set(keys.talks)
    found = [(key, role) for key, role in keys.role_keys.items() if key not in skip and _filled(_first(meta, (key,)))]
    for key, value in page_items(meta):
        bare = _bare(key)  # "params.moderators": the page's own key, where the options' names reach too
        if {key, bare} & (skip | set(keys.role_keys)) or not _filled(value):
            continue
        if role := keys.stem_role(bare):
            found.append((key, role))
        elif keys.role_keys == _ROLE_KEYS and _people_list(bare, value):
            words = key_stem(bare)
            role = role_of_title(words) or role_of_title(re.sub(r"^co[ -]?(?=[a-z]{4})", "", words))  # "co_presenters"
            kind = role_of(role) if role else None
            if kind not in (None, "other"):  # organizers, mentors: people of the event, not of the session
                found.append((key, None if kind == "speaker" else LABELS[kind]))
    return found


_ROLE_KEYS = Keys().role_keys


def _bare(key: str) -> str:
    """A key of a page's ``[params]``/``[extra]`` table without the table's name.

    >>> _bare("params.moderators"), _bare("extra.authors"), _bare("venue.name"), _bare("speakers")
    ('moderators', 'authors', 'venue.name', 'speakers')
    """
    table, _, rest = key.partition(".")
    return rest if table in PAGE_TABLES and rest else key


def _filled(value) -> bool:
    return value not in (None, "", [], {})


def _people_list(key: str, value) -> bool:
    """A value that lists people: a list of slugs, names or mappings; one slug under an id key (``…_slugs``).
    A lone string under a role word (``host: Acme Agency``, ``address: 1 Main St``) is no person."""
    if isinstance(value, str):
        return has_id_suffix(key) and is_slug(value.strip())
    return isinstance(value, list) and all(isinstance(v, dict) or isinstance(v, str) and v.strip() for v in value)


def _text_rows(doc: Document, text: str, label: str, keys: Keys) -> list[Row]:
    """Rows from one string of names: "A, B and C", "moderated by X", "Ann Lee (Univ of Nordvik, Finland), Bo
    Chan (Lab)"; a lone speaker takes the organisation the page's ``item_company`` key prints."""
    rows = []
    for printed, role in split_people(text):
        who = agenda.person(printed) if "(" in printed else None  # "Name (Org)": the bracket is where they work
        named = who is not None and who.name and looks_like_name(who.name)
        rows.append(Row(line=None, role_label=role or label, printed_name=who.name if named else printed,  # type: ignore[arg-type]
                        link=None, positions=who.positions if named else []))
    org = _text(_first(doc.meta, keys.item_company)) if len(rows) == 1 and not rows[0].positions else None
    if org:
        rows[0].positions = [Position(organisation=org)]  # "affiliation = Roskilde Data Lab, Denmark"
    return rows


def _printed_names(doc: Document, rows: list[Row], meta: dict, keys: Keys, notes: list[Note],
                   label: str = "Speaker") -> None:
    """The names printed beside a list of ids (``speakers-text``): each given to the entry it names (by slug or
    name), the others to the remaining ids in order; names left over once every id has one are people too."""
    text = _text(_first(meta, keys.speaker_names)) if keys.speaker_names else None
    if not text or not rows:
        return
    names = [name for name, _ in split_people(text)]
    left = [name for name in names if not _name_of(name, rows)]
    ids = [row for row in rows if not row.name_printed]
    if ids and len(left) != len(ids):
        notes.append(Note(doc.path, None, "names-not-used",
                          f"{len(left)} printed names ({', '.join(left)}) for {len(ids)} speaker ids — names not "
                          "used; the names come from the speaker records"))
        return
    for row, name in zip(ids, left):
        row.printed_name, row.name_printed = name, True
    rows += [Row(line=None, role_label=label, printed_name=name, link=None)  # type: ignore[arg-type]
             for name in left[len(ids):]]


def _name_of(name: str, rows: list[Row]) -> bool:
    """True when one of ``rows`` is the person ``name`` prints (its slug or its name); an id row takes the name.

    >>> rows = [Row(1, "Speaker", "ana-lima", None, name_printed=False), Row(2, "Speaker", "Bo Chen", None)]
    >>> _name_of("Dr. Ana Lima", rows), _name_of("Bo Chen", rows), _name_of("Cy Dee", rows), rows[0].printed_name
    (True, True, False, 'Dr. Ana Lima')
    """
    key = _loose_key(Row(line=None, role_label="", printed_name=name, link=None))  # type: ignore[arg-type]
    for row in rows:
        if key and _loose_key(row) == key:
            if not row.name_printed:
                row.printed_name, row.name_printed = name, True
            return True
    return False


def _with_body_people(doc: Document, session: SessionPage, keys: Keys, notes: list[Note]) -> list[SessionPage]:
    """The page's session with the people its body lists, and a session per heading that lists its own."""
    fields = shortcodes.Fields().before(name=keys.item_name, title=keys.item_title, organisation=keys.item_company,
                                        role=keys.item_role, country=keys.country, link=keys.item_link)
    found = body_people.sections(doc.body, doc.body_line, keys.session_levels, keys.people_headings, fields,
                                 doc.path, notes)
    page, subs = found[0], found[1:]
    out = []
    for sec in subs:
        sub = _sub_session(session, sec)
        _titled_role(sub.rows, _session_role(sub, keys), keys)  # "Keynote: …" names its speaker's role
        out.append(sub)
    _biographies(session, found, keys)
    body_rows = [row for sec in found for row in sec.rows]
    if _LIGHTNING.search(f"{session.title} {session.format or ''}"):
        for row in body_rows:
            _talk_not_org(row)
    kept = [row for row in session.rows if not _joined(row, body_rows)]  # a bullet and an id: one appearance
    page_rows = [row for row in page.rows if not _joined(row, [r for sec in subs for r in sec.rows])]
    _titled_role(page_rows, _session_role(session, keys), keys)  # "Closing Remarks", then "## Speakers"
    session.rows = page_rows + kept
    if session.rows or not out:
        out.insert(0, session)
    for dropped in (len(page.rows) - len(page_rows),):
        if dropped:
            notes.append(Note(doc.path, page.line, "repeated-row", f"{dropped} people listed again at the end of "
                                                                   "the page, already in a session — merged"))
    return out


_LIGHTNING = re.compile(r"\blightning\b", re.I)
_SMALL_WORDS = {"and", "for", "the", "with", "und", "des", "del", "der", "von", "van", "den", "les", "per"}


def _sentence_case(text: str) -> bool:
    """True for words in sentence case: a lower-case word of three letters or more after the first.

    >>> _sentence_case("Template tags I love"), _sentence_case("University of the Examplia"), _sentence_case("x")
    (True, False, False)
    """
    return any(w.isalpha() and w.islower() and len(w) >= 3 and w not in _SMALL_WORDS for w in text.split()[1:])


def _talk_not_org(row: Row) -> None:
    """A lightning talk's bullet prints its speaker, then the talk ("Ann Lee — Template tags I love", "Bo Chan
    (Acme Labs) — Caching stories"): a part after the name in sentence case (a lower-case word after the first,
    as no organisation's name has) is the talk's title, not an organisation; a bracket in the name is one.

    >>> row = Row(1, "Speakers", "Bo Chan (Acme Labs)", None, positions=[Position(organisation="Caching stories")])
    >>> _talk_not_org(row); row.printed_name, [(p.title, p.organisation) for p in row.positions]
    ('Bo Chan', [(None, 'Acme Labs')])
    >>> row = Row(1, "Speakers", "Cy Dee", None, positions=[Position(organisation="Acme Labs, Type hints")])
    >>> _talk_not_org(row); [(p.title, p.organisation) for p in row.positions]
    [(None, 'Acme Labs')]
    >>> row = Row(1, "Speakers", "Di Eng", None, positions=[Position(organisation="University of Examplia")])
    >>> _talk_not_org(row); [(p.title, p.organisation) for p in row.positions]
    [(None, 'University of Examplia')]
    """
    kept = []
    for pos in row.positions:
        if pos.organisation and not pos.title:
            parts = [p for p in pos.organisation.split(", ") if not _sentence_case(p)]
            pos = replace(pos, organisation=", ".join(parts) or None)
        if pos.title or pos.organisation:
            kept.append(pos)
    row.positions = kept
    if "(" in row.printed_name and not row.positions:
        who = agenda.person(row.printed_name)  # "Bo Chan (Acme Labs)": where they work
        if who is not None and who.name and looks_like_name(who.name):
            row.printed_name, row.positions = who.name, who.positions


def _titled_role(rows: list[Row], label: str, keys: Keys) -> None:
    """Give the role a session's title names (``label``: "Closing Remarks", "Keynote") to the people listed only
    as speakers ("## Speakers", ``<Speaker …/>``), as the programme reader does; a printed "Moderator" stays.

    >>> rows = [Row(1, "Speakers", "Ann Lee", None), Row(2, "Moderator", "Bo Chan", None)]
    >>> _titled_role(rows, "Closing Remarks", Keys()); [r.role_label for r in rows]
    ['Closing Remarks', 'Moderator']
    """
    for row in rows if label != keys.role_label else ():
        row.role_label = label if role_of(row.role_label) == "speaker" else row.role_label


def _biographies(session: SessionPage, found: list[body_people.Section], keys: Keys) -> None:
    """People under an "About the speaker" heading give their positions to the page's listed people and are no
    rows of their own; one the page does not list is a speaker."""
    for sec in found:
        bios = [row for row in sec.rows if row.role_label == body_people.BIO_LABEL]
        for row in bios:
            listed = next((r for r in session.rows if _loose_key(r) == _loose_key(row) and _loose_key(row)), None)
            if listed is None:
                row.role_label = keys.role_label
                continue
            listed.positions = listed.positions or row.positions
            listed.link = listed.link or row.link
            sec.rows.remove(row)


def _sub_session(page: SessionPage, sec: body_people.Section) -> SessionPage:
    """A session named by a heading inside a page: the page's date, the heading's time."""
    base = page.permalink or ""
    sub = SessionPage(path=page.path, title=sec.title or page.title, permalink=f"{base}#{slugify(sec.title or '')}",
                      date=page.date, room=page.room, track=page.track, format=page.format, rows=sec.rows)
    day = _when(sec.day_text, Settings(year=page.date.year)) if sec.day_text else None
    day = day.date() if isinstance(day, datetime) else day
    last = page.end.date() if page.end else page.date
    if day and (page.date <= day <= last or _YEAR.search(sec.day_text or "") and last < day <= last + _A_YEAR):
        sub.date = day  # a day heading of a multi-day page, within its dates, or of the event the page announces
    if sec.time_text:
        sub.time_label = sec.time_text
        t0, t1 = times.parse_time_range(sec.time_text)
        sub.start, sub.end = times.combine(sub.date, t0), times.combine(sub.date, t1)
    return sub


# "## Mardi 26 mars 2024" under a front matter's date of 2024-02-12 (the page's, published before the event): a day
# of the event, in the year after the page's date at most
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_A_YEAR = timedelta(days=366)


def _joined(row: Row, others: list[Row]) -> bool:
    """True when ``others`` holds the same person as ``row`` (an id row and a bullet, a bullet listed twice).

    The other row takes this one's link when it has none, and its positions when it prints none.
    """
    key = _loose_key(row)
    for other in others:
        if other is row or _loose_key(other) != key or not key:
            continue
        other.link = other.link or row.link
        if not other.positions:
            other.positions = row.positions
        return True
    return False


def _loose_key(row: Row) -> str:
    """A person's name or slug for matching within a page: honorifics, initials and post-nominals dropped."""
    text = split_name(row.printed_name).name if row.name_printed else slug_key(row.link or row.printed_name)
    words = [w for w in match_key(text.replace("-", " ")).split() if w.upper() not in POST_NOMINALS]
    return " ".join(words)


def _read_times(session: SessionPage, doc: Document, keys: Keys, notes: list[Note], meta: dict,
                settings: Settings) -> None:
    if (year := path_year(doc.path)) and year != settings.year:
        # "_2023-events/x.md": a year-less date's year is its own edition's, before the site's [site] year
        settings = replace(settings, year=year)
    start, end = _when(_first(meta, keys.start), settings), _when(_first(meta, keys.end), settings)
    dated = _when(_first(meta, keys.date), settings)
    day = start or dated or _day(meta, keys)
    session.date = day.date() if isinstance(day, datetime) else day
    clock = _text(_first(meta, keys.time))
    if session.date is None:  # a year-less "timeslot: Saturday 24 May, 10:00" holds the date too
        found = next((d for d in (_when(_first(meta, (k,)), settings) for k in keys.time) if d), None)
        session.date = found.date() if isinstance(found, datetime) else found
    if session.date is None:
        session.date = times.file_date(doc.path)  # a Jekyll post or Zola page "2031-10-20-dns.md": its day
    if clock and session.date and not isinstance(start, datetime):
        session.time_label = clock
        t0, t1 = times.parse_time_range(clock)
        start, end = times.combine(session.date, t0), times.combine(session.date, t1)
    if session.date and not isinstance(start, datetime) and (t0 := _clock_of(_first(meta, keys.start))):
        start = times.combine(session.date, t0)  # "day: 2" with "start: '10:15'"
    if not isinstance(start, datetime) and _timed(dated) and dated.date() == session.date:
        start = dated  # "date: 2031-05-01 10:15", no start key: the date holds the start
        end = end if isinstance(end, datetime) else _when(_first(meta, _date_ends(keys)), settings)
    if isinstance(start, datetime) and not isinstance(end, datetime) and (t1 := _clock_of(_first(meta, keys.end))):
        end = times.combine(start.date(), t1 if t1.tzinfo else t1.replace(tzinfo=start.tzinfo))  # "end: '10:45'"
        end = end + timedelta(days=1) if end < start else end  # past midnight
    if session.date and not isinstance(start, datetime) and (body := _body_clock(doc.body, session.date)):
        session.time_label = body  # "**10.07.2031 | 1:15 pm – 2:30 pm (New York time) | Room 12**" in the body
        t0, t1 = times.parse_time_range(body)
        start, end = times.combine(session.date, t0), times.combine(session.date, t1)
    session.start = start if isinstance(start, datetime) else None
    session.end = end if isinstance(end, datetime) else None
    if session.start is not None and session.end is None:
        minutes = _minutes(_first(meta, keys.duration))
        session.end = session.start + timedelta(minutes=minutes) if minutes else None
    if session.start is not None and session.start.tzinfo is None and settings.tz is None:
        notes.append(Note(doc.path, None, "no-zone", f"start time {session.start.isoformat()} names no UTC offset "
                                                      "(e.g. 2024-09-25 11:30:00-04:00) — kept without offset; "
                                                      "give the site's zone ([site] timezone)"))


def _timed(value) -> bool:
    """True for a date-time that names a time of day: midnight is a date written as a date-time (a post's).

    >>> _timed(datetime(2031, 5, 1, 10, 15)), _timed(datetime(2031, 5, 1)), _timed(date(2031, 5, 1))
    (True, False, False)
    """
    return isinstance(value, datetime) and value.time() != time(0)


def _date_ends(keys: Keys) -> tuple[str, ...]:
    """The end keys that go with the date keys, for a date that holds the start's time: ``end_date``.

    >>> _date_ends(Keys())
    ('end_date', 'date_end')
    """
    return tuple(name for key in keys.date if "." not in key for name in (f"end_{key}", f"{key}_end"))


def _body_clock(body: str, day: date) -> str | None:
    """The time range a page's first lines print beside its date (``day``), when its keys give none: "**10.07.2031 |
    1:15 pm – 2:30 pm (New York time) | Conference Room 12**", "Wednesday, 10 July 2031, 13:15–14:30".

    >>> _body_clock("**10.07.2031 | 1:15 pm – 2:30 pm | Room 12**\\n\\nText.", date(2031, 7, 10))
    '1:15 pm – 2:30 pm'
    >>> _body_clock("10.07.2030 | 1:15 pm – 2:30 pm", date(2031, 7, 10)) is None
    True
    """
    for line in [ln for ln in body.splitlines() if ln.strip()][:8]:
        text = line.replace("*", " ").strip(" #")
        if times.parse_date(text.split("|")[0]) != day:
            continue
        for piece in re.split(r"\s+\|\s+|,\s+(?=\d)", text):
            clock = times.without_date(piece)
            bare = re.sub(r"\s*\([^)]*\)\s*$", "", clock).strip()  # "(New York time)": the site's zone
            if bare and times.is_range(bare) and times.is_time_line(bare):
                return clock if times.parse_zone(clock) else bare
    return None


def _clock_of(value) -> time | None:
    """A start or end printed as a time of day only ("10:15", "2:30 PM", "1030hrs"), else ``None``.

    >>> _clock_of("10:15"), _clock_of("2:30 PM"), _clock_of("2031-05-01"), _clock_of(None)
    (datetime.time(10, 15), datetime.time(14, 30), None, None)
    """
    text = _text(value) if not isinstance(value, (date, datetime)) else None
    if not text or times.parse_date(text) or not _CLOCK_ONLY.match(text):
        return None
    return times.parse_time_range(text)[0]


_CLOCK_ONLY = re.compile(r"^\s*\d{1,2}(?:[:.h]\d{2}(?::\d{2})?)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?\s*$|^\s*\d{4}\s*hrs?\s*$", re.I)


def _day(meta: dict, keys: Keys) -> date | None:
    """The date of a day code (``day: 2``, ``session = "3.1"``) from the profile's ``days`` table."""
    if not keys.days:
        return None
    code = _text(_first(meta, keys.day))
    if not code:
        return None
    found = keys.days.get(code) or keys.days.get(code.split(".")[0].strip())
    return date.fromisoformat(found) if found else None


def _minutes(value) -> int | None:
    """A duration in minutes, as data files write them (``ingest.record_dates.minutes``): ``30``, ``"45 min"``,
    ``"1:30"``, and Hugo's ``"2h"``, ``"90m"``, ``"1h30m"``.

    >>> _minutes(30), _minutes("45 min"), _minutes("1:30"), _minutes("soon"), _minutes("2h"), _minutes("1h30m")
    (30, 45, 90, None, 120, 90)
    """
    return in_minutes(_text(value))


def _when(value, settings: Settings | None = None) -> date | None:
    """A front-matter value as a datetime or a date (YAML already parses most of them).

    >>> _when("2031-05-24 9:00:00 -0500")
    datetime.datetime(2031, 5, 24, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400)))
    >>> _when("Saturday 24 May, 10:00", Settings(year=2031)), _when("May 24", None)
    (datetime.date(2031, 5, 24), None)
    """
    if isinstance(value, (date, datetime)):
        return value
    text = _text(value)
    if not text:
        return None
    m = _ISO_SPACED.match(text)
    if m:  # "2023-05-24 14:00:00 -0500", "…  9:00:00 …": an offset after a space, a one-digit hour
        text = f"{m['day']}T{int(m['hour']):02d}:{m['rest']}{m['zone'] or ''}"
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return parse(text)
        except ValueError:
            pass
    return times.parse_date(text) or _yearless(text, settings)


_ISO_SPACED = re.compile(r"^(?P<day>\d{4}-\d\d-\d\d)[ T](?P<hour>\d{1,2}):(?P<rest>\d\d(?::\d\d)?)"
                         r"\s*(?P<zone>[+-]\d\d:?\d\d|Z)?$")


def _yearless(text: str, settings: Settings | None) -> date | None:
    """A date printed without its year ("24 May", "May 24th"), in the profile's ``year`` (else the one the file's
    path names)."""
    if settings is None or settings.year is None:
        return None
    for m in body_people.DAY_MONTH.finditer(text):
        if re.match(r"\s*,?\s*\d{4}", text[m.end():]):
            continue  # "May 24, 2031" has its year: times.parse_date read it, or it is no date
        found = times.parse_date(f"{m.group(0)} {settings.year}")
        if found:
            return found
    return None


def _session_role(session: SessionPage, keys: Keys) -> str:
    """The role label of a session's speakers: by title prefix, by format, or the default."""
    for prefix, label in keys.title_roles.items():
        if re.match(re.escape(prefix) + r"(\W|$)", session.title, re.I):
            return label
    printed = (session.format or "").strip()
    if printed.lower() in keys.format_roles:
        return keys.format_roles[printed.lower()]
    if role_of(printed) not in (None, "speaker", "moderator"):
        return printed  # "category: keynotes", "type: panel": the format names the role
    titled = role_of_title(session.title or "")  # "Panel: …", "Closing Statements"; not "Keynotes considered harmful"
    role = role_of(titled or "")
    if role in (None, "speaker", "moderator") or (titled == session.title.strip() and len(content_words(titled)) > 2
                                                  and not role_words_only(titled)):  # "Welcome and Opening Remarks"
        return keys.role_label
    return titled if len(titled.split()) <= 3 else LABELS[role]


def format_of(value, keys: Keys) -> str | None:
    """A session's format from its format key: the value, or of a list (``categories: [Security, Panel]``) the first
    string that is a known format or role word; ``None`` when no item is one.

    >>> format_of("Workshop", Keys()), format_of(["Security", "Panel"], Keys()), format_of(["Security"], Keys())
    ('Workshop', 'Panel', None)
    >>> format_of(["Tutorials"], Keys())
    'Tutorials'
    """
    if not isinstance(value, list):
        return _text(value)
    for item in value:
        text = _text(item) if isinstance(item, str) else None
        if text and (text.lower() in keys.format_roles or role_of(text) is not None):
            return text
    return None


def read_speaker_item(path: str, item, label: str, keys: Keys, notes: list[Note]) -> Row | None:
    """One entry of a speaker list: a slug, a name, or a mapping of name, link, role and company."""
    positions: list[Position] = []
    if isinstance(item, str | int | float) and _text(item):
        item, positions = _string_item(_text(item), keys)
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
    given_role = _text(_first(item, keys.item_role))
    title, org = _text(_first(item, keys.item_title)), _text(_first(item, keys.item_company))
    if given_role and role_of(given_role) is None and given_role == title:
        given_role = None  # one key for both ("role: SRE @ Elastic"): a job, not a role label
    elif given_role and role_of(given_role) and given_role == title:
        title = None  # one key for both ("role: Chair"): a role label, not a job
    elif given_role and job_not_role(given_role):  # "role = "Commissioner"": the key holds job titles
        notes.append(Note(path, None, "role-as-title", f"{printed}: {' / '.join(keys.item_role)} {given_role!r} is a "
                          f"job title, not a role — " + (f"read as the title, role {label!r}" if not title else
                                                         f"role {label!r}; the title is {title!r}")
                          + f"; name the key in item_title (item_title = [\"{keys.item_role[0]}\", …])"))
        title, given_role = title or given_role, None
    row = Row(line=None, role_label=given_role or role or label,  # type: ignore[arg-type]
              printed_name=printed, link=link, name_printed=not slug,
              country_label=_text(_first(item, keys.country)))
    row.positions += (split_position(title) if title and not org and "@" in title  # "SRE @ Elastic"
                      else job_positions(title, org)) + positions
    return row


def job_not_role(text: str) -> bool:
    """True for a value under a role key that is no role word but a job title ("Commissioner", "Counsel", "Head of
    Unit, Data Flows"): the person's title, printed where a list's role would be.

    >>> [job_not_role(t) for t in ("Commissioner", "Counsel", "Professor of Law", "Head of Unit, Data Flows")]
    [True, True, True, True]
    >>> [job_not_role(t) for t in ("Moderator", "Keynote", "Lightning talk", "Workshop", "Kestrel Labs", "Chairman")]
    [False, False, False, False, False, False]
    """
    if role_of(text) is not None:
        return False
    why = not_a_person(text)
    if why in ("a job title", "a job title at an organisation"):
        return True
    return why is None and bool(_JOB_NOUN.search(" ".join(head_words(text)))) and not is_body(text)


_JOB_NOUN = re.compile(rf"\b(?:{JOB_NOUNS})\b", re.I)  # "Counsel", "Professor": job nouns ingest.tidy leaves out


def job_positions(title: str | None, org: str | None) -> list[Position]:
    """The position of a job title and a company: the company cut from the title when printed there too ("CTO at
    Acme", "CTO, Acme"); with no company, the organisation a job title names ("Senior Engineer at Acme").

    >>> [(p.title, p.organisation) for p in job_positions("CTO, Acme Labs", "Acme Labs")]
    [('CTO', 'Acme Labs')]
    >>> [(p.title, p.organisation) for p in job_positions("CTO at Acme", None)]
    [('CTO', 'Acme')]
    >>> [(p.title, p.organisation) for p in job_positions("DEFNA President, Conference Chair", None)]
    [('DEFNA President, Conference Chair', None)]
    >>> [(p.title, p.organisation) for p in job_positions("Engineer at heart", None) + job_positions(None, "Acme")]
    [('Engineer at heart', None), (None, 'Acme')]
    """
    if title and org:
        return [Position(title=without_org(title, org), organisation=org)]
    if title:
        return _title_at_org(title)
    return [Position(organisation=org)] if org else []


def _title_at_org(text: str) -> list[Position]:
    """A job title that names its organisation ("Senior Engineer at Acme", "CTO, Acme"), split when the title
    reads as a job's and the rest, capitalised, holds no job or role word; else the whole is the title."""
    found = split_position(text)
    if len(found) == 1 and (pos := found[0]).title and pos.organisation and pos.organisation[:1].isupper() \
            and not_a_person(pos.title) == "a job title" \
            and not any(has_job_word(w) or role_of(w) for w in pos.organisation.split()):  # "…, Venue Chair"
        return found
    return [Position(title=text)]


def _string_item(text: str, keys: Keys) -> tuple[dict, list[Position]]:
    """A speaker list's string: a slug, a name, or a name with its position ("Dr. Karim Haddad (Gulf Policy
    Forum)", "Ann Lee, CTO, Acme")."""
    if is_slug(text):
        return {"slug": text}, []
    head, role = role_in_name(text)  # "Jane Doe (Moderator)": the role is read with the name, later
    split = split_person(head, reading=FREE_TEXT) if "(" in head or "," in head else None
    if split and split.name and split.positions:
        return {keys.item_name[0]: split.name + (f" ({role})" if role else "")}, split.positions
    return {keys.item_name[0]: text}, []


def role_in_name(printed: str) -> tuple[str, str | None]:
    """Split a role written inside a name, "Jane Doe (Moderator)", from the name."""
    m = _ROLE_IN_NAME.match(printed)
    if m and m.group(1) and role_of(m.group(2)):
        return m.group(1), m.group(2).strip()
    return printed, None


def is_slug(text: str) -> bool:
    """True for a page slug (lower case, no spaces) rather than a printed name."""
    return bool(_SLUG.fullmatch(text))


def is_one_slug(value) -> bool:
    """True for a speaker list written as one slug (``speakers: tomas-ruiz``): lower case, words joined by hyphens,
    no spaces — a list of one, not a printed name.

    >>> is_one_slug("tomas-ruiz"), is_one_slug(" ana_lima "), is_one_slug("Tomas Ruiz"), is_one_slug("tbc")
    (True, True, False, False)
    """
    text = value.strip() if isinstance(value, str) else ""
    return is_slug(text) and bool(re.search(r"[a-z0-9][-_][a-z0-9]", text))


# --- speaker pages ------------------------------------------------------------------------


def read_speaker(doc: Document, keys: Keys, notes: list[Note]) -> SpeakerPage | None:
    """A speaker page: name, position (role at company), photo, social links; the body is the biography."""
    meta = doc.meta
    stem = _page_slug(doc.path)
    page = SpeakerPage(path=doc.path, line=None,  # type: ignore[arg-type]
                       permalink=_text(_first(meta, keys.permalink)) or keys.link_template.format(slug=stem),
                       printed_name=_speaker_name(meta, keys) or stem,
                       image=_text(_first(meta, keys.photo)), biography=_body_text(doc),
                       country_label=_text(_first(meta, keys.country)), honorific=_text(_first(meta, keys.honorific)))
    page.positions += paired_positions(_text(_first(meta, keys.job_title)), _text(_first(meta, keys.company)))
    page.extra = social_links(_first(meta, keys.social), keys.social_urls)
    return page


def paired_positions(title: str | None, org: str | None) -> list[Position]:
    """A speaker page's positions: a title and a company that list as many jobs at one mark ("Senior Fellow; Board
    Member" at "Acme Institute; Beta Network") pair in order, as a records part's do; else ``job_positions``.

    >>> [(p.title, p.organisation) for p in paired_positions("Fellow; Board Member", "Acme Institute; Beta Net")]
    [('Fellow', 'Acme Institute'), ('Board Member', 'Beta Net')]
    >>> [(p.title, p.organisation) for p in paired_positions("CTO; Chair", "Acme")]
    [('CTO; Chair', 'Acme')]
    >>> [(p.title, p.organisation) for p in paired_positions("President &amp; CEO", "Acme &amp; Co")]
    [('President &amp; CEO', 'Acme &amp; Co')]
    """
    if title and org and not _ENTITY.search(title + org):  # "&amp;": its ";" ends an escaped letter, no job
        titles, orgs = both_parted(title, org)
        if len(titles) > 1:
            return [p for t, o in zip(titles, orgs) for p in job_positions(t, o)]
    return job_positions(title, org)


_ENTITY = re.compile(r"&#?\w+;")


def _speaker_name(meta: dict, keys: Keys) -> str | None:
    """The name of a speaker page: its name key, else given and family name together."""
    name = _text(_first(meta, keys.name))
    if name:
        return name
    parts = [_text(_first(meta, keys.given_name)), _text(_first(meta, keys.family_name))]
    return " ".join(p for p in parts if p) or None


def _page_slug(path: str) -> str:
    """The slug of a page: its file name, or its folder's for a page bundle (``authors/jane-doe/_index.md``).

    >>> _page_slug("presenters/jane-doe.md"), _page_slug("content/authors/jane-doe/_index.md")
    ('jane-doe', 'jane-doe')
    """
    p = PurePosixPath(path)
    return p.parent.name if p.stem in ("_index", "index") and p.parent.name else p.stem


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
    """The value of the first of ``names`` that the mapping holds (not empty); ``a.b`` reaches into tables; a name
    no page key fills is looked up in Hugo's ``[params]`` and Zola's ``[extra]`` tables next (``PAGE_TABLES``).

    >>> _first({"extra": {"authors": "A"}, "title": ""}, ("title", "extra.authors"))
    'A'
    >>> _first({"params": {"speakers": ["Ann Lee"]}}, ("speaker", "speakers")), _first({"extra": {"x": 1}}, ("x",))
    (['Ann Lee'], 1)
    >>> _first({"speakers": ["Bo Li"], "params": {"speakers": ["Ann Lee"]}}, ("speakers",))
    ['Bo Li']
    """
    for name in names:
        value = lookup(meta, name)
        if value not in (None, "", [], {}):
            return value
    for table in PAGE_TABLES:
        inner = meta.get(table)
        if isinstance(inner, dict):
            for name in names:
                value = None if name.split(".")[0] in PAGE_TABLES else lookup(inner, name)
                if value not in (None, "", [], {}):
                    return value
    return None


# the tables of a page's own keys: Hugo's [params], Zola's [extra] — a key option's fallback (docs/sites.md)
PAGE_TABLES = ("params", "extra")


def lookup(meta: dict, name: str):
    """The value at a key name, ``a.b`` reaching into tables, as it is (``None`` when absent).

    >>> lookup({"venue": {"name": "Hall 2"}}, "venue.name"), lookup({"a.b": 1}, "a.b"), lookup({}, "x.y")
    ('Hall 2', 1, None)
    """
    value = meta.get(name)
    if value is None and "." in name:
        value = meta
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
    return value


def page_items(meta: dict) -> list[tuple[str, object]]:
    """A page's keys and values, those of its ``[params]``/``[extra]`` table as dotted names after its own.

    >>> page_items({"title": "T", "params": {"moderators": ["Ann Lee"]}})
    [('title', 'T'), ('params.moderators', ['Ann Lee'])]
    """
    own = [(str(k), v) for k, v in meta.items() if not (k in PAGE_TABLES and isinstance(v, dict))]
    return own + [(f"{table}.{k}", v) for table in PAGE_TABLES if isinstance(meta.get(table), dict)
                  for k, v in meta[table].items()]


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
    return "\n\n".join(b.text.replace("\n", " ") for b in blocks
                        if b.kind == "paragraph" and b.text and not _SHORTCODE.match(b.text))


_SHORTCODE = re.compile(r"^\{\{[<%].*[>%]\}\}$", re.S)  # a Hugo shortcode alone ({{< youtube id="…" >}}): no text
