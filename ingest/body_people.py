"""People listed in a page body: role headings, then bullets ``- **Name** — Title, Organisation``.

A role heading is a Markdown heading (``## Speakers``), a bold paragraph
(``**Moderator**``) or a short line ending in a colon (``Panelists:``) that
reads as a role; the list items after it are people until a heading or another
bold line ends the list. Headings at the profile's ``session_levels`` name a
session of their own inside the page (a summit's talks); a time printed in a
heading (``### Session 1, 10:05 am - 10:45 am, ET``) times the sessions under it.
Markdown is parsed by markdown-it (``ingest.markdown``); only the text of a
bullet is cut, at its bold name and separators; its position text is read by
``ingest.person_pattern`` (``BULLET``).

>>> rows = bullet("Jane Doe", "Research Lead, Data Team, Example Agency (EA)")
>>> rows.printed_name, [(p.title, p.organisation) for p in rows.positions]
('Jane Doe', [('Research Lead', 'Data Team, Example Agency (EA)')])
>>> b = bullet("UX Community co-lead, Ravi Kumar", "Example Agency")
>>> b.printed_name, [(p.title, p.organisation) for p in b.positions]
('Ravi Kumar', [('UX Community co-lead', 'Example Agency')])
>>> b = bullet("Ann Lee", "Deputy Director | Civil Board | Sweden")
>>> [(p.title, p.organisation) for p in b.positions]
[('Deputy Director', 'Civil Board, Sweden')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from selectolax.lexbor import LexborHTMLParser

from ingest import agenda, shortcodes, times
from ingest.agenda import split_heading
from ingest import column_table
from ingest.column_table import column_rows, columns
from ingest.html_page import Line
from ingest.markdown import Block, Segment, line_text, parse_blocks
from ingest.names import split_name
from ingest.people_text import label_only, role_prefix
from ingest.prose_people import prose_people
from ingest.person_pattern import BULLET, looks_like_name, split_position, title_then_name
from ingest.records import Note, Position, Row
from ingest.roles import LABELS, role_of, role_words_only

_SEPARATORS = " \t—–-,:;*\\|"
_SPLIT = re.compile(r"\s+[—–|-]\s+|\s*[—–]\s*|,\s+")  # between a plain (not bold) name and its position
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DAY_MONTH = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th|er)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)\b", re.I)
_PEOPLE_WORD = re.compile(r"\b(speakers?|moderators?|panell?ists?|presenters?|hosts?|chairs?|facilitators?|guests?|"
                          r"keynotes?|emcees?)$", re.I)


@dataclass
class Section:
    """The people of one session in a page: the page itself (``title`` None) or a heading inside it."""

    title: str | None
    line: int
    time_text: str | None = None
    rows: list[Row] = field(default_factory=list)
    day_text: str | None = None  # the last short line before it that prints a date ("Tuesday, June 22, 2021")


@dataclass
class _Heading:
    level: int
    title: str | None
    time_text: str | None
    line: int
    session: Section | None = None  # the section this heading names, once it has people


def sections(body: str, first_line: int, levels: tuple[int, ...] = (), words: tuple[str, ...] = (),
             fields: shortcodes.Fields | None = None, path: str = "", notes: list[Note] | None = None) -> list[Section]:
    """The page's people by section: the page's own first, then one per heading at ``levels`` that lists people.

    ``fields`` names the attributes of a shortcode person (``ingest.shortcodes``); ``notes`` gets the rows of a
    people table that are skipped, named by ``path``.
    """
    page = Section(None, first_line + 1)
    found: list[Section] = [page]
    stack: list[_Heading] = []
    role: tuple[str, int] | None = None  # (label, level of the role heading; 7 for a bold or colon line)
    day = None
    blocks = parse_blocks(body, first_line)
    talks = _TalkList()
    for block, calls in zip(blocks, _calls_by_block(body, first_line, blocks)):
        talks.goes_on(block)
        if block.kind != "heading" and (rows := _call_rows(calls, fields, role, first_line)):
            _section(stack, levels, page, found, day).rows.extend(rows)  # {{< speaker name="Ann Lee" … >}}
            if not shortcodes.without_calls(block.text).strip("{} "):
                continue
        if block.kind in ("heading", "paragraph") and not block.item and _prints_day(block.text):
            day = block.text  # a multi-day summit: "### Tuesday, October 27", an accordion titled with the day
        if block.kind == "heading":
            stack = [h for h in stack if h.level < block.level]
            if BIO.fullmatch(" ".join(block.text.replace("*", " ").split()).strip(_SEPARATORS)):
                role = (BIO_LABEL, block.level)  # "## About the speaker": who the page's people are, no new role
                continue
            label = _role_label(block.text, words, 5)  # "Keynote: A Long Talk Title" names a session
            role = (label, block.level) if label else None
            if label:
                _title_slot(stack, block.text)  # "### Session 3, 2:00 pm", then "#### Lightning talks"
            else:
                title, when = split_heading([line_text(line) for line in block.lines])
                stack.append(_Heading(block.level, title, when, block.line))
        elif block.kind in ("table", "html") and (rows := table_rows(block, role, path, notes)):
            _section(stack, levels, page, found, day).rows.extend(rows)  # | Name | Title | Agency | Role |
        elif block.kind == "paragraph" and not block.item and _pseudo_heading(block):
            label = _role_label(_pseudo_heading(block), words)
            role = (label, 7) if label else None
            if label and _all_bold(block):
                _title_slot(stack, block.text)  # "### 9:30 am - 9:45 am, ET", then "**Opening Remarks**"
            elif not label and stack and stack[-1].title is None and _all_bold(block):
                stack[-1].title = " ".join(block.text.replace("*", " ").split()).strip(_SEPARATORS)
        elif block.kind == "paragraph" and not block.item and (rows := labelled_rows(block)):
            _section(stack, levels, page, found, day).rows.extend(rows)  # "Moderator: Jo Ray, Editor, Daily"
        elif block.kind == "paragraph" and not block.item and role is not None and (row := _bold_person(block, role[0])):
            _section(stack, levels, page, found, day).rows.append(row)  # "**Dr. Ingrid Solberg** — Director, Centre"
        elif block.kind == "paragraph" and not block.item and role is None and _in_session(stack, levels) \
                and (row := _bold_person(block, "Speaker")):
            _section(stack, levels, page, found, day).rows.append(row)  # "### 9h45 · Keynote : « … »", then its speaker
        elif block.kind == "paragraph" and not block.item and (rows := _prose_rows(block, role)):
            _section(stack, levels, page, found, day).rows.extend(rows)  # "… featured remarks by H.E. Ms Ana Lima, …"
        elif block.kind == "paragraph" and block.item == 1 and role is None and (talk := _untimed_talk(block)):
            talk.day_text = day  # "- Why I Stopped Writing Signals — Lucía Ferrando (Calibre Ranch)": a talk
            found.append(talk)
            found.extend(talks.found(talk))
        elif block.kind == "paragraph" and block.item == 1 and role is None and (talk := _untimed_talk(block, bare=True)):
            talk.day_text = day  # "- Title — Rahul Menon" among items that print where their speakers work
            found.extend(talks.bare(talk))
        elif block.kind == "paragraph" and block.item == 1 and role is None and _in_session(stack, levels, timed=True) \
                and (rows := labelled_rows(block)):
            _section(stack, levels, page, found, day).rows.extend(rows)  # "- Mot d'accueil de **M. Yannick Le Goff**, …"
        elif block.kind == "paragraph" and block.item == 1 and role is None and _in_session(stack, levels) \
                and (row := _bold_person(block, "Speaker")):
            _section(stack, levels, page, found, day).rows.append(row)  # "#### Track A: …", then "- **Ann Lee**, CTO, X"
        elif block.kind == "paragraph" and block.item == 1 and role is not None:
            talk = _timed_talk(block, role[0]) or _name_then_title(block, role[0])
            if talk is not None:  # "- **10:00 am - 10:30 am: Title** — Name, Title": a talk of its own
                talk.day_text = day
                found.append(talk)
                continue
            row = item_row(block, role[0])
            talk = _untimed_talk(block, role[0]) if row is None or _position_is_a_person(row) else None
            if talk is not None and _titled(talk.title, block):  # under "## Lightning talks": "Why I Stopped… — A (Org)"
                talk.day_text = day
                found.append(talk)
            elif row is not None:
                _section(stack, levels, page, found, day).rows.append(row)
    return found


def _section(stack: list[_Heading], levels: tuple[int, ...], page: Section, found: list[Section],
             day: str | None = None) -> Section:
    """The section a bullet belongs to: the innermost titled heading at a session level, else the page."""
    named = next((h for h in reversed(stack) if h.level in levels and h.title), None)
    if named is None:
        return page
    if named.session is None:
        clock = next((h.time_text for h in reversed(stack) if h.time_text and h.level <= named.level), None)
        named.session = Section(named.title, named.line, clock, day_text=day)
        found.append(named.session)
    return named.session


def _title_slot(stack: list[_Heading], text: str) -> None:
    """A role phrase naming a session ("Opening Remarks", "Lightning talks", not "Speakers") titles the heading
    above it when that prints only a time or a number ("### 9:30 am - 9:45 am, ET", "### Session 3, 2:00 pm")."""
    clean = " ".join(text.replace("*", " ").split()).strip(_SEPARATORS)
    top = stack[-1] if stack else None
    if top is None or top.session is not None or (_PEOPLE_WORD.search(clean) and not _KEYNOTE.search(clean)):
        return
    if top.title is None or _NUMBERED.fullmatch(top.title):
        top.title = clean


_KEYNOTE = re.compile(r"\bkeynotes?$", re.I)  # "Keynote" names a session; "Keynote speakers" lists people
_NUMBERED = re.compile(r"(?:session|part|block|slot|segment|track|round|breakout)\s*#?\s*[\w.]{1,4}", re.I)


def _calls_by_block(body: str, first_line: int, blocks: list[Block]) -> list[list[shortcodes.Call]]:
    """The shortcode calls and JSX components of each block, by the lines the block spans (Hugo expands them
    before the Markdown; MDX components are tags of their own)."""
    own: list[list[shortcodes.Call]] = [[] for _ in blocks]
    starts = [b.line for b in blocks]
    found = (shortcodes.calls(body) if "{{" in body else []) + (shortcodes.components(body) if "<" in body else [])
    for call in sorted(found, key=lambda c: c.line):
        at = bisect_right(starts, first_line + call.line + 1) - 1
        if at >= 0:
            own[at].append(call)
    return own


def _call_rows(calls: list[shortcodes.Call], fields: shortcodes.Fields | None,
               role: tuple[str, int] | None, first_line: int) -> list[Row]:
    """The people of a block's shortcode calls and components (``{{< speaker name="Ann Lee" … >}}``,
    ``<Panel moderator="Bo Chan">``)."""
    rows = []
    for call in calls:
        for row in shortcodes.people(call, fields or shortcodes.Fields(), role[0] if role else "Speaker"):
            row.line = first_line + call.line + 1
            rows.append(row)
    return rows


def table_rows(block: Block, role: tuple[str, int] | None, path: str = "",
               notes: list[Note] | None = None) -> list[Row]:
    """The people of a table whose header names its columns ("Name | Title | Agency | Role"), Markdown or HTML,
    read by ``ingest.column_table``; ``[]`` for any other table."""
    table = block if block.kind == "table" else html_table(block)
    cols = columns(table.rows[0]) if table is not None and table.rows else None
    if not cols:
        return []
    return column_rows(path, table, cols, role[0] if role else None, [] if notes is None else notes)


def html_table(block: Block) -> Block | None:
    """The first ``<table>`` of an HTML block as a table block (rows of cells, each row at its file line).

    >>> html = "<table>\\n<tr><th>Name</th></tr>\\n<tr><td><b>Ann</b> Lee</td></tr>"
    >>> t = html_table(Block("html", 5, lines=[[Segment(html)]]))
    >>> [(r.line, [c.text for c in r.cells]) for r in t.rows], t.rows[1].cells[0].lines[0][0].bold
    ([(6, ['Name']), (7, ['Ann Lee'])], True)
    >>> html = "<table>\\n<tr><td rowspan=2>Panellists</td><td>Ann Lee</td></tr>\\n<tr><td>Bo Chan</td></tr>"
    >>> [(r.line, [c.text for c in r.cells]) for r in html_table(Block("html", 5, lines=[[Segment(html)]])).rows]
    [(6, ['Panellists', 'Ann Lee']), (7, ['Panellists', 'Bo Chan'])]
    """
    html = block.lines[0][0].text if block.lines and block.lines[0] else ""
    low = html.lower()
    node = LexborHTMLParser(html).css_first("table") if "<table" in low else None
    if node is None:
        return None
    at, lines = low.find("<table"), []
    for _ in node.css("tr"):  # each row's file line: the tree keeps no positions, the text does
        at = max(low.find("<tr", at + 1), at)
        lines.append(block.line + low.count("\n", 0, at))
    table = column_table.html_table(node, lines)  # spanning cells laid out, as programme tables are
    table.line = block.line
    return table


def _prints_day(text: str) -> bool:
    """A short line that prints a day: a date with or without its year ("Tuesday, October 27")."""
    return len(text.split()) <= 20 and bool(times.parse_date(text) or DAY_MONTH.search(text))


def _role_label(text: str, words: tuple[str, ...], most: int = 14) -> str | None:
    """The printed role label of a heading that introduces people, or ``None``."""
    clean = " ".join(text.replace("*", " ").split()).strip(_SEPARATORS)
    if not clean or len(clean.split()) > most:
        return None
    if words and not any(re.search(rf"\b{re.escape(w)}", clean, re.I) for w in words):
        return None
    role = role_of(clean)
    if role and len(clean.split()) > 4 and not _PEOPLE_WORD.search(clean):
        role = None  # "speakers at eight agencies:", "we addressed:" list no people; "the following speakers:" does
    if role and not _PEOPLE_WORD.search(clean) and not role_words_only(clean):
        role = None  # "This talk will cover:" lists topics; "Our panelists include:", "Lightning talks" list people
    if role is None:
        return clean if words else None
    return clean if len(clean.split()) <= 4 else LABELS[role]


def _pseudo_heading(block: Block) -> str | None:
    """The text of a paragraph standing for a heading: all bold, or a last line that is short and ends in a colon."""
    if _all_bold(block):
        return block.text
    last = line_text(block.lines[-1]) if block.lines else ""
    return last if last.rstrip("*").endswith(":") and len(last.split()) <= 14 else None


def _all_bold(block: Block) -> bool:
    segs = [s for line in block.lines for s in line if s.text.strip(_SEPARATORS)]
    return bool(segs) and all(s.bold for s in segs)


def item_row(block: Block, label: str) -> Row | None:
    """A bullet as one person: a bold name (else the text before the first separator) and the position after it."""
    if not block.lines:
        return None
    segs = block.lines[0]
    if tail := agenda.role_tail(line_text(segs)):  # "**Prof Al Bo**, Chair, Rhine University – *Moderator*"
        segs, label = _cut(segs, len(tail[0])), tail[1]
    name, rest = _bold_lead(segs)
    if name is None:
        text = line_text(segs)
        parts = _SPLIT.split(text, maxsplit=1)
        name, rest = parts[0], parts[1] if len(parts) > 1 else ""
        if (m := _NAME_BRACKET.match(text)) and looks_like_name(m.group("name")):
            name, rest = m.group("name"), m.group("inner")  # "Astrid Nyberg (Team Lead, Kattegat Institute)"
        if len(name.split()) > 6 or not name[:1].isupper() or name.rstrip().endswith(("?", ".", "!")):
            return None  # a sentence, not a name
    row = bullet(name, rest, label)
    row.line = block.line
    row.link = block.links[0] if block.links else None
    return row if row.printed_name else None


def _cut(segs: list[Segment], length: int) -> list[Segment]:
    """A line's segments up to ``length`` characters of its text."""
    out, left = [], length
    for seg in segs:
        if left <= 0:
            break
        out.append(replace(seg, text=seg.text[:left]))
        left -= len(seg.text)
    return out


def _no_prose_organisation(pos: Position) -> Position:
    """The position without an "organisation" that opens with a plain lower-case word: the bullet describes the
    person ("Fellow, mentor in the Harbour Club"), it does not name where they work — the words stay in the title;
    "eBay", "de Gruyter" stay organisations.

    >>> p = _no_prose_organisation(Position("Fellow", "mentor in the Harbour Club"))
    >>> p.title, p.organisation
    ('Fellow, mentor in the Harbour Club', None)
    >>> [_no_prose_organisation(Position("CTO", o)).organisation for o in ("eBay", "de Gruyter Verlag", "Acme")]
    ['eBay', 'de Gruyter Verlag', 'Acme']
    """
    first = (pos.organisation or "").split(" ", 1)[0]
    if first.replace("-", "").isalpha() and first.islower() and len(first) > 3 and pos.title:
        return replace(pos, title=f"{pos.title}, {pos.organisation}", organisation=None)
    return pos


def _role_word(text: str) -> bool:
    """True for a short field that is a role and nothing else ("moderator", "Chair", "keynote speaker").

    >>> _role_word(" moderator"), _role_word("Keynote speaker"), _role_word("Research Lead"), _role_word("")
    (True, True, False, False)
    """
    text = text.strip()
    return bool(text) and len(text.split()) <= 3 and role_words_only(text) and role_of(text) is not None


_NAME_BRACKET = re.compile(r"^\s*(?P<name>[^(),;:]+?)\s*\((?P<inner>[^()]+)\)\s*$")


def _timed_talk(block: Block, label: str) -> Section | None:
    """A bullet whose bold lead is a time and a title, then the person: a session with its speaker."""
    lead, rest = _bold_lead(block.lines[0]) if block.lines else (None, "")
    if not lead or not times.is_range(lead):
        return None
    clock, _, title = lead.partition(": ")
    name, _, position = rest.strip(_SEPARATORS).partition(", ")
    talk = Section(title.strip(_SEPARATORS) or None, block.line, clock.strip() if times.is_range(clock) else None)
    if talk.title and name.strip():
        row = bullet(name, position, label)
        row.line = block.line
        talk.rows.append(row)
    return talk if talk.title else None


def labelled_rows(block: Block) -> list[Row]:
    """The people of a paragraph led by a role label ("Moderator: Jo Ray, Editor, Daily", "**Chair:** Dr Bo Chan
    (Acme). Speakers: A (X), B (Y)"), each with its label; ``[]`` for any other paragraph."""
    first = line_text(block.lines[0]).replace("*", "") if block.lines else ""
    if len(block.lines) > 1 and label_only(first):  # "Panellists:" then a person a line: each line its own person
        return [row for line in block.lines[1:]
                for row in labelled_rows(replace(block, lines=[[Segment(first + " ")] + line]))]
    text = " ".join(line_text(line) for line in block.lines).replace("*", "")
    text = _CO_SPEAKER.sub("Co-speaker: ", text, count=1)  # "Co-presented with Bo Chen, Engineer at Rail Co."
    label, rest = role_prefix(text)
    if not label and (m := _MODERATED_BY.search(text)):  # "… will be moderated by Clara Weiss."
        text = f"{m.group('verb')} by {m.group('who')}"
        label, rest = role_prefix(text)
    if not label or not rest or not role_of(label):
        return []
    rows = []
    for line in agenda.split_labelled([Line(text)]):
        for person in agenda.named(agenda.people_strings(line.text)):
            if not looks_like_name(person.name):
                continue  # "moderated by the Institute's director": no name
            row = Row(line=block.line, role_label=person.label or label, printed_name=person.name, link=None,
                      positions=person.positions)
            rows.append(row)
    return rows


def _titled(text: str, block: Block) -> bool:
    """A talk's title by its words or its quotes, not a name nor a place ("Why I Stopped Writing Signals",
    '"Caching Tales"', not "Wyandotte County")."""
    return agenda.a_title(text, ()) or agenda.has_quote(line_text(block.lines[0]))


def _position_is_a_person(row: Row) -> bool:
    """True when what a bullet prints after its first part is a person ("Fast Forms — Ann Lee (Acme)"): the first
    part is a talk's title, not a name."""
    text = ", ".join(t for p in row.positions for t in (p.title, p.organisation) if t)
    found = agenda.person(text) if text else None
    return bool(found and found.name and found.positions and looks_like_name(found.name))


def _a_speaker(person) -> bool:
    """A talk's speaker prints a name and where they work ("Ann Lee (Acme)"), not a clip's length ("(time length:
    8:11)") nor a phrase ("How Agencies Use Open Innovation")."""
    org = " ".join(f"{p.title or ''} {p.organisation or ''}" for p in person.positions)
    return looks_like_name(person.name) and bool(org.strip()) and not re.search(r"\d:\d\d|\blength\b|\bmin", org)


def _a_bare_speaker(person) -> bool:
    """A talk's speaker printing a name only ("Rahul Menon")."""
    return not person.positions and looks_like_name(person.name)


_CO_SPEAKER = re.compile(r"^\s*(?:(?:co-?presented|co-?hosted|presented together|together)\s+with|"
                         r"with\s+co-?(?:speakers?|presenters?))\s*:?\s+(?=(?-i:[A-Z]))", re.I)
_MODERATED_BY = re.compile(r"\b(?P<verb>moderated|chaired|hosted|facilitated)\s+by\s+(?P<who>(?:Dr|Prof|Mr|Ms|Mrs|St)\.?\s+[^.;]+?|[^.;]+?)"
                           r"(?:\.\s|\.?$|;)", re.I)


class _TalkList:
    """The talks of one list: an item naming its speaker only ("Title — Rahul Menon") is a talk when another item
    of the same list prints where its speaker works ("Title — Grace Liu (Orbitline)")."""

    def __init__(self):
        self.sure = False
        self.pending: list[Section] = []

    def goes_on(self, block: Block) -> None:
        """A block that is not a top-level list item ends the list."""
        if not (block.kind == "paragraph" and block.item):
            self.sure, self.pending = False, []

    def found(self, talk: Section) -> list[Section]:
        """A talk printing its speakers' places: the bare ones before it in the list are talks too."""
        self.sure, pending, self.pending = True, self.pending, []
        return pending

    def bare(self, talk: Section) -> list[Section]:
        """A talk naming its speakers only: a talk once the list has a sure one."""
        if self.sure:
            return [talk]
        self.pending.append(talk)
        return []


def _untimed_talk(block: Block, label: str = "Speaker", bare: bool = False) -> Section | None:
    """A list item printing a talk and its speakers, with no role heading above it: "Title — Name (Org)",
    "**Title** — Name, Org", '"Title" by Name, Org'; ``None`` for an item that prints no person after a title.
    With ``bare``, only an item whose speakers print their names and nothing else ("Title — Rahul Menon")."""
    if (talk := _name_then_title(block, label)) is not None:
        return talk
    first = line_text(block.lines[0]).replace("*", "") if block.lines else ""
    text = re.sub(r"^(?P<q>[\"“])(?P<t>[^\"”]+)[\"”]\s+by\s+", r"\g<q>\g<t>\g<q> — ", first)  # '"T" by Name'
    if len(text) > 200 or not (agenda.has_quote(text) or agenda.TALK_DASH.search(text)):
        return None  # a sentence, a line of text
    title, found = agenda.item_parts(text)
    people = agenda.named(found)
    speaker = _a_bare_speaker if bare else _a_speaker
    if not people or not title or len(title) < 4 or title == text.strip() or role_of(title) \
            or not all(speaker(p) for p in people):
        return None
    talk = Section(title.strip(' "“”'), block.line)
    talk.rows = [Row(line=block.line, role_label=p.label or label, printed_name=p.name, link=None,
                     positions=p.positions) for p in people]
    return talk


# a heading over the biographies of a page's people: what they are, not a list of new people in a role
BIO = re.compile(r"(?:about|meet)\s+(?:the\s+|our\s+)?(?:speakers?|presenters?|authors?|keynote(?:\s+speakers?)?|"
                 r"panel(?:l?ists)?)|(?:speakers?\s+)?bio(?:graph(?:y|ies))?|speakers?\s+profiles?", re.I)
BIO_LABEL = "About the speaker"


def _prose_rows(block: Block, role: tuple[str, int] | None) -> list[Row]:
    """The people a paragraph names in its sentences with an honorific after a role phrase ("The event featured
    remarks by H.E. Ms Ana Lima, Ambassador, …, and Mr Bo Ray, Counsellor, …": ``ingest.prose_people``)."""
    text = " ".join(line_text(line) for line in block.lines).replace("*", "")
    return [Row(line=block.line, role_label=m.label or (role[0] if role else "Speaker"), printed_name=m.name,
                link=None, positions=m.positions) for m in prose_people(text)]


def _in_session(stack: list[_Heading], levels: tuple[int, ...], timed: bool = False) -> bool:
    """True under a heading at a session level that titles a session (with ``timed``, one printing its time:
    "### 9h15 – 9h45 · Plénière d'ouverture", not "## Event Agenda")."""
    return any(h.level in levels and h.title and (h.time_text or not timed) for h in stack)


def _bold_person(block: Block, label: str) -> Row | None:
    """A paragraph that opens with a bold name and a short position after a dash, comma or colon ("**Dr. Ingrid
    Solberg** — Research Director, Centre for Climate Data, Bergen, Norway"), as a bullet would be; not a sentence."""
    if not block.lines or len(block.lines) > 3:
        return None
    lead, rest = _bold_lead(block.lines[0])
    if lead is None:  # "H.E. Ms Olga Berg, Ambassador for Ports, Ministry …": a name printed with its honorific
        head, _, rest = line_text(block.lines[0]).partition(",")
        lead, rest = (head, "," + rest) if split_name(head).honorific else (None, "")
    rest = rest.strip()
    if not lead or not looks_like_name(lead) or not rest[:1] in ("—", "–", "-", ",", ":", "|") or len(rest) > 200 \
            or re.search(r"[a-z]\.\s+[A-Z]", rest):
        return None
    return item_row(block, label)


def _name_then_title(block: Block, label: str) -> Section | None:
    """A list item printing a bold name, where they work, then an italic title after a colon: "**Tuva Engen**
    (University of Nordvik): *A linter for lab notebooks*" is a talk with its speaker."""
    if not block.lines:
        return None
    segs = block.lines[0]
    lead, rest = _bold_lead(segs)
    title = " ".join(s.text for s in segs if s.italic and not s.bold).strip(' "“”')
    if not lead or not title or len(title) < 4 or not looks_like_name(lead) or ":" not in rest:
        return None
    where = rest.partition(":")[0].strip(" ()–—-,")
    if title in where:
        return None
    talk = Section(title, block.line)
    row = bullet(lead, where, label)
    row.line = block.line
    talk.rows = [row]
    return talk


def _bold_lead(segs: list[Segment]) -> tuple[str | None, str]:
    """The bold text a line opens with (``**Name** **—**`` is one), and the text after it."""
    lead: list[str] = []
    for i, seg in enumerate(segs):
        if seg.bold or (lead and not seg.text.strip()):
            lead.append(seg.text)
            continue
        if not lead:
            return None, ""
        return "".join(lead), "".join(s.text for s in segs[i:])
    return ("".join(lead), "") if lead else (None, "")


def bullet(name: str, rest: str, label: str = "Speaker") -> Row:
    """A row from a printed name (maybe "Role text, Name") and the position text after it."""
    name = " ".join(name.split()).strip(_SEPARATORS)
    rest = " ".join(rest.split()).lstrip(" .").strip(_SEPARATORS)  # "**Jane Doe, PhD**. — Title"
    if "|" in rest and "," not in rest:  # "Name | Title | Org": bars part the fields, not jobs
        rest = ", ".join(f.strip() for f in rest.split("|") if f.strip())
    if "," not in rest and len(re.findall(r"\s[-–—]\s", rest)) == 1:  # "Deputy Director (CX) - U.S. Department of …"
        rest = re.sub(r"\s+[-–—]\s+", ", ", rest)
    extra_title, name = title_then_name(name, BULLET) or (None, name)
    head, _, tail = rest.partition(",")
    if _role_word(head) and (head.islower() or not tail.strip()):  # "**Ann Lee**, moderator, Example Agency": her
        label, rest = head.strip(), tail.strip()  # role in this list, then her position ("Chair, Board of X": a title)
    row = Row(line=None, role_label=label, printed_name=name, link=None)  # type: ignore[arg-type]
    row.positions = [_no_prose_organisation(p) for p in split_position(rest, reading=BULLET)] or (
        [Position()] if extra_title else [])
    if extra_title:  # "UX Community co-lead, Ravi Kumar": the role text opens the title
        row.positions[0].title = ", ".join(t for t in (extra_title, row.positions[0].title) if t)
    return row
