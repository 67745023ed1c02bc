"""Sessions being read (``Draft``): the sessions of a programme cell, the people of their lines, their titles and
roles, and the session records they become (``sessions``)."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urljoin
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborNode

from graph.ids import slugify
from ingest import agenda, times
from ingest.cards import clean_time
from ingest.html_page import Line, Lines, groups, node_lines, permalink, text
from ingest.names import match_key
from ingest.people_text import label_only, role_prefix, unglue
from ingest.person_line import Person, read_people
from ingest.person_pattern import FREE_TEXT, looks_like_name, split_person
from ingest.profile import Settings
from ingest.records import Document, Row, SessionPage
from ingest.roles import role_of, role_of_title
from ingest.tidy import is_break

if TYPE_CHECKING:  # annotations only: ingest.programme_page imports this module
    from ingest.programme_page import Options, Page


@dataclass
class Draft:
    """A session being read: title, day, times, role and people."""

    title: str
    day: date | None
    time_label: str | None = None
    role: str | None = None
    people: list[Person] = field(default_factory=list)
    label: str | None = None  # a role label printed inside the session ("Speakers:")
    room: str | None = None  # the column of a schedule grid (its header: the room)
    link: str | None = None  # the site page its title links to (the talk's own page): its address
    rows: list[Row] = field(default_factory=list)  # people of a table under it ("| Speaker | Position | Country |")
    within: str | None = None  # the start of the timed block it is printed in, printing no time of its own
    format: str | None = None  # the session's kind a tag or badge under it prints ("Panel", "Keynote")


_QUOTED = re.compile(r"[“\"](?P<title>[^”\"]{3,})[”\"]")
_DASH = re.compile(r"\s*[\u2013\u2014]\s*|\s+-\s+")
_FROM = re.compile(r"^(?P<title>.{3,60}?)\s+(?P<by>from|by)\s+(?P<rest>.+)$")


def cell_sessions(lines: list[Line], day: date | None, time_label: str | None, role: str | None) -> list[Draft]:
    """The sessions of one programme cell: each opens with a bold title, or is a one-line
    "Label–Name (Title, Org)“Talk”" or "Talk from Title, Name"."""
    drafts: list[Draft] = []
    label = None  # a label printed alone above the next paragraph or list ("Welcome remarks by:", then a list)
    for group in groups(lines):
        first = group[0]
        if first.bold and (not looks_like_name(first.bold) or _LETTERED.fullmatch(first.bold.strip())) \
                and not label_only(first.bold):
            more = group[1:]
            if more and len(first.bold.split()) <= 3 and agenda.quoted(more[0].text, []):
                # "**Keynote**", then "„Cyberresilienz als Staatsaufgabe“": the kind, then the talk's title
                drafts.append(Draft(_title(f"{first.bold.strip(' :')}: {more[0].text.strip(_QUOTES)}"), day, time_label,
                                    _session_role(more[0].text, first.bold if role_of(first.bold) else role)))
                more = more[1:]
            else:
                drafts.append(Draft(_title(first.bold), day, time_label, _session_role(first.bold, role)))
            rest = first.text[len(first.bold):].strip(" –—-:")
            people_lines = ([Line(rest)] if rest and not _ROOM_BRACKET.fullmatch(rest) else []) + more
            label = None
        elif not drafts:
            draft, people_lines = _inline_session(group, day, time_label, role)
            drafts.append(draft)
        else:
            people_lines = group
        drafts[-1].people += people_of(people_lines, label or drafts[-1].role)
        if people_lines and label_only(people_lines[-1].text):
            label = role_prefix(people_lines[-1].text)[0]
    return drafts


_LETTERED = re.compile(r"[^\W\d_]+\s+(?:[A-Z]|\d{1,2})")  # "Fachforum A", "Track 2": a parallel session's name
_QUOTES = " \"“”„‟«»‹›‚‘’'"
_ROOM_BRACKET = re.compile(r"\([^()]{2,40}\)")  # "**Fachforum A** (Saal Spree)": the room beside the kind


def people_of(lines: list[Line], role: str | None) -> list[Person]:
    """The people of a run of lines (``read_people``), with a role printed after a person ("… (Moderator)"), several
    bracketed people in one line ("Panelists: A (Org), B (Org)") and "Name (Org)" read as an organisation."""
    # a role after one person of a list ("Speakers: A, CEO, Acme (Moderator); B, …"): hers, once the list is split
    found = read_people([agenda.role_suffix(ln) for ln in agenda.split_labelled(
        [agenda.role_suffix(agenda.without_talk(agenda.bio_line(ln))) for ln in lines])], role)
    for person in found:
        person.positions = agenda.bracket_organisation(person.line, person.positions)
    return found


def item_session(node: LexborNode, page: Page, titles: bool = False) -> Draft | None:
    """A list item (or a paragraph under a session) printing a talk without a time: a bold title then its people
    ("**Title** — [Ann Lee](…) (Acme)"), or an italic or quoted title beside them ("*Title.* Ann Lee (Univ A) and
    Bo Chan (Lab B)", "Ann Lee, Acme: *Title*"); ``None`` for any other (a person, a label, a line of text).

    With ``titles`` (the list's other items are talks), a bold title in capitals that could be a name is one
    when a dash and a bare name follow it ("**Please Stop Pickling Things** — Rahul Menon")."""
    lines = [ln for ln in node_lines(node) if ln.text]
    if not lines or page.day is None:
        return None
    first = underlined(node, lines[0])
    bold = first.bold.strip(" :")
    rest = first.text[len(first.bold):].strip(" —–-:|,") if bold and first.text.startswith(first.bold) else ""
    if rest and not role_of(bold) and not label_only(first.bold) \
            and (not looks_like_name(bold) or titles and _bare_names_after_dash(first.text[len(first.bold):])):
        people = agenda.named(agenda.people_strings(rest))
        if people:
            return Draft(_title(bold), page.day, None, _session_role(bold, page.role),
                         people=people + people_of(lines[1:], None))
    if bold and looks_like_name(bold):
        return None  # "**Prof. Ivo Marek**, Chair, University *(Moderator)*": a person of the open session
    # an italic in brackets after a name is its organisation ("Coordina: Dott.ssa Ann Roy (*Il Quotidiano*)")
    emphasis = [e for e in (text(e) for e in node.css("em, i")) if not role_of(e.strip("() :"))
                and f"({e})" not in first.text.replace("( ", "(").replace(" )", ")")]
    if (emphasis or agenda.has_quote(first.text)) and not (emphasis and role_prefix(first.text)[0]
                                                            and role_of(role_prefix(first.text)[0])):
        # "Chair: Ann Lee, Correspondent, *The Daily*": a labelled person, the italic her newspaper, no talk's title
        title, found = agenda.item_parts(first.text, [text(a) for a in node.css("a")], emphasis)
        people = agenda.named(found)
        if people and title and title != first.text.strip() and not role_of(title.strip("() :")):
            title = re.sub(r"(?<=[^\W\d_]{2})\.$", "", title.strip())  # "*Five Years On.* A (Lab)": the title's stop
            return Draft(_title(title), page.day, None, _session_role(title, page.role), people=people)
    label, rest = role_prefix(first.text)
    if label and agenda.is_group(label) and (people := agenda.named(agenda.people_strings(first.text))):
        return Draft(_title(label), page.day, None, _session_role(label, page.role), people=people)  # "Panel: A, B"
    return None


def _bare_names_after_dash(text: str) -> bool:
    """True for " — Rahul Menon", " – Ann Lee and Bo Chan": a dash, then names and nothing else."""
    if not re.match(r"\s*[—–]\s", text):
        return False
    people = agenda.named(agenda.people_strings(text.strip(" —–")))
    return bool(people) and all(looks_like_name(p.name) and not p.positions for p in people)


def underlined(node: LexborNode, line: Line) -> Line:
    """A line whose underlined names (``<u>Ann Lee</u>``: a paper's presenting author) are marked as an asterisk
    marks them ("Ann Lee*"), for ``agenda.presenting``.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> p = LexborHTMLParser("<p><u>Ann Lee</u>, Bo Chan (Lab C)</p>").css_first("p")
    >>> underlined(p, Line("Ann Lee, Bo Chan (Lab C)")).text
    'Ann Lee*, Bo Chan (Lab C)'
    """
    printed = line.text
    for name in {text(u) for u in node.css("u")}:
        if looks_like_name(name):
            printed = re.sub(rf"{re.escape(name)}(?![\\*])", lambda m: m.group() + "*", printed, count=1)
    return Line(printed, line.bold, line.strong)


def in_block(page: Page, talk: Draft) -> Draft:
    """A talk printed without a time under a heading that prints one ("## Session 1 (10:45–12:15)", then its
    papers): it starts with the block (as do the talks after it in that block)."""
    talk.within = block_start(page)
    talk.time_label = talk.time_label or talk.within
    return talk


def block_start(page: Page) -> str | None:
    """The start of the timed block the open session is printed in: the open session's time when a timed heading
    (or a time printed before its title) opened it, else the block the open session itself sits in."""
    if page.open is None:
        return None
    if page.timed_level is not None and page.open.time_label:
        return _start(page.open.time_label)
    return page.open.within


def _start(label: str) -> str:
    """The start of a printed time range.

    >>> _start("10:45–12:15"), _start("9:00 am - 10:30 am, ET"), _start("14:00")
    ('10:45', '9:00 am', '14:00')
    """
    return re.split(r"\s*(?:[–—]|\s-\s|(?<=\d)-(?=\d)|\bto\b|\buntil\b)\s*", label, maxsplit=1)[0].strip()


def _inline_session(group: list[Line], day, time_label, role) -> tuple[Draft, list[Line]]:
    """A session whose title is not bold: the people may sit in the same line as the title."""
    printed = group[0].text
    quoted = _QUOTED.search(printed)
    plain = _QUOTED.sub(" ", printed).strip() if quoted else printed
    dash = _DASH.search(plain)
    title_first = False
    if dash:  # "Keynote–Jane Doe (CTO, Acme)“Talk”"
        lead, rest = plain[:dash.start()], [plain[dash.end():]]
    elif (m := _FROM.match(plain)) and role_of(m.group("title")):  # "Opening Remarks from Acme's CEO, Jane Doe"
        lead, rest, title_first = m.group("title"), [m.group("rest")], True
    elif quoted:  # "Panel Discussion“Talk”Jane Doe (…) [Host]Bo Chan (…)"
        lead, rest = printed[:quoted.start()], [printed[quoted.end():]]
    else:  # "In Conversation with Dr Jane Doe (Minister)Moderator: Bo Chan, CEO, Acme"
        pieces = unglue(plain)
        lead, rest = pieces[0], pieces[1:]
    label = lead.strip() if role_of(lead) and len(lead) < 40 else role_of_title(lead)  # "Keynote: A Long Title …"
    talk = quoted.group("title").strip() if quoted else None
    draft = Draft(_title(talk or lead.strip() or printed), day, time_label, label or role)
    lines = [Line(p) for r in rest for p in unglue(r.strip()) if p]
    found = [p for p in people_of(lines, draft.role) if p.positions or p.label]
    if title_first and not found and rest:
        split = split_person(rest[0], reading=FREE_TEXT, title_first=True)
        bare = not split.positions and _FROM.match(plain).group("by") == "from"  # "Evidence from Ten Harbour Towns"
        found = [Person(split.name, split.positions, draft.role, rest[0], True)] if split.name and not bare else []
    if (m := re.search(r"\bwith\s+(?P<who>[A-Z][^()]+\([^()]+\))\s*$", lead)):  # "In Conversation with X (…)"
        found = [p for p in people_of([Line(m.group("who"))], draft.role) if p.positions] + found
    if (dash or title_first or len(rest) > 1 or rest and rest[0].strip()) and not found and not quoted:
        # "Keynote: Restraint as Infrastructure – What States Do …", "Address by the Guest of Honour": no one after it
        draft.title = _title(plain)
    draft.people += found
    return draft, group[1:]


def _title(printed: str) -> str:
    """A session's title as printed, without the separators around it, quotes around all of it and a paper
    title's full stop.

    >>> _title('"Myths and misconceptions"'), _title("*Securing Models.*".strip("*")), _title("Q&A: Jane Doe")
    ('Myths and misconceptions', 'Securing Models', 'Q&A: Jane Doe')
    >>> _title("„Wer schreibt die Regeln?“"), _title("« La souveraineté »")
    ('Wer schreibt die Regeln?', 'La souveraineté')
    """
    title = re.sub(r"(?<=[^\W\d_]{4})\.$", "", printed.strip(" :–—-"))
    if len(title) > 2 and title[0] in "\"“«'„‹" and title[-1] in "\"”»'“›" \
            and not re.search("[\"“”«»„]", title[1:-1]):  # "„Wer schreibt die Regeln?“": German quotes
        title = title[1:-1].strip()
    return title


def _session_role(title: str, heading: str | None) -> str | None:
    """The role of a session's people: a heading more particular than "Speakers", else the title's role word."""
    if heading and role_of(heading) not in ("speaker", None):
        return heading
    return role_of_title(title) or heading


def _label(printed: str | None, session_role: str | None) -> str | None:
    """A person's role label: the printed one, unless it only says "Speaker(s)" in a session whose title names a
    role of its own ("Closing remarks" then "Speakers: Dr Ada Berg": she gives the remarks).

    >>> _label("Speakers", "Closing remarks"), _label("Moderator", "Panel"), _label(None, "Keynote")
    ('Closing remarks', 'Moderator', 'Keynote')
    >>> _label("General Chairs", "Opening Remarks"), _label("Moderator", "Opening Remarks"), _label("Chair", "Opening")
    ('Opening Remarks', 'Moderator', 'Chair')
    """
    if printed and session_role and role_of(printed) == "speaker" and role_of(session_role) not in (None, "speaker"):
        return session_role
    if printed and session_role and role_of(session_role) == "remarks" and _SPEECH.search(session_role) \
            and _CHAIRS.search(printed) and role_of(printed) == "moderator":
        return session_role  # "Opening Remarks", then "General Chairs: Prof. Ann Lee and Dr. Bo Chan": their remarks
    return printed or session_role


_SPEECH = re.compile(r"\b(?:remarks|address|welcome|speech|words|greetings)\b", re.I)  # not "Opening segment"
_CHAIRS = re.compile(r"\bchair(?:s|persons?|man|woman)?\b|\bco-chairs?\b", re.I)


def repeated_merged(drafts: list[Draft]) -> list[Draft]:
    """The drafts with a session a page prints twice read once: a programme table's row, then the same session's
    details below it ("| 13:30 | Panel: Who pays? Funding after the grant | Moderator: A |", later "### Panel: Who
    pays?" with its time, the moderator and the panellists) — the same day, one title the other's start, times
    that agree or one missing. The first keeps the longer title and takes the people it lacks.

    >>> ann, bo = (Person(n, [], None, n, True) for n in ("Ann Lee", "Bo Chan"))
    >>> a = Draft("Panel: Who pays for software? Funding after the grant", date(2031, 6, 3), "13:30", people=[ann])
    >>> b = Draft("Panel: Who pays for software?", date(2031, 6, 3), "13:30–15:00", people=[ann, bo])
    >>> [(d.title, [p.name for p in d.people]) for d in repeated_merged([a, b])]
    [('Panel: Who pays for software? Funding after the grant', ['Ann Lee', 'Bo Chan'])]
    """
    out: list[Draft] = []
    for draft in drafts:
        same = next((d for d in out if _repeats(d, draft)), None)
        if same is None:
            out.append(draft)
            continue
        if len(draft.title) > len(same.title):
            same.title = draft.title
        known = {match_key(p.name) for p in same.people}
        same.people += [p for p in draft.people if match_key(p.name) not in known]
        same.rows += draft.rows
        same.time_label = same.time_label or draft.time_label
    return out


def _repeats(first: Draft, later: Draft) -> bool:
    """True when ``later`` prints ``first`` again: same day, a title that starts the other, times that agree."""
    a, b = _comparable(first.title), _comparable(later.title)
    if first.day != later.day or first.day is None or not a or not b or min(len(a), len(b)) < 12:
        return False
    if not (a.startswith(b) or b.startswith(a)):
        return False
    if first.time_label and later.time_label:
        return _start(clean_time(first.time_label)) == _start(clean_time(later.time_label))
    mine, theirs = ({match_key(p.name) for p in d.people} for d in (first, later))
    return bool(mine and theirs) and (theirs <= mine or mine <= theirs)  # an untimed repeat names the same people


def _comparable(title: str) -> str:
    """A title compared without its kind ("Keynote: "), case or punctuation."""
    return " ".join(re.sub(r"[^\w\s]", " ", re.sub(r"^[^:]{2,30}:\s*", "", title)).lower().split())


def sessions(doc: Document, drafts: list[Draft], settings: Settings, opts: Options) -> list[SessionPage]:
    """Session records of the drafts that name people, each with its own permalink (page + title)."""
    base = permalink(str(doc.meta.get("permalink") or ""), settings.base_url) or f"/{PurePosixPath(doc.path).stem}/"
    lines = Lines(doc)
    zone = times.page_zone(doc.body)  # "(all times in CEST)": for the times printed without a zone
    seen: dict[str, int] = {}
    links = Counter(d.link for d in drafts if d.link)
    out = []
    for draft in repeated_merged(drafts):
        if not (draft.people or draft.rows or opts.slots) or draft.day is None or is_break(draft.title):
            continue  # "Dinner (Fat Lizard)": a break's bracket is its place, no person
        slug = slugify(draft.title)[:60] or "session"
        seen[slug] = seen.get(slug, 0) + 1
        anchor = slug if seen[slug] == 1 else f"{slug}-{seen[slug]}"
        # a title linking to the talk's own page is that page's session (one link per talk: not a list page)
        address = urljoin(f"https://site{base}", draft.link).partition("https://site")[2] \
            if draft.link and links[draft.link] == 1 else f"{base}#{anchor}"
        session = SessionPage(path=doc.path, title=draft.title, permalink=address, date=draft.day,
                              time_label=draft.time_label, room=draft.room, format=draft.format)
        if draft.time_label:
            start, end = times.parse_time_range(clean_time(draft.time_label))
            session.start, session.end = times.combine(draft.day, start), times.combine(draft.day, end)
            if zone and session.start and session.start.tzinfo is None:
                session.start = session.start.replace(tzinfo=zone)
                session.end = session.end.replace(tzinfo=zone) if session.end else None
        session.rows = [Row(line=lines.of(p.name), role_label=_label(p.label, draft.role) or opts.role_label,  # type: ignore[arg-type]
                            printed_name=p.name, link=None, positions=p.positions) for p in draft.people]
        for row in draft.rows:  # a table's people, their roles as the people lines' (the session's role word)
            row.role_label = _label(row.role_label, draft.role) or opts.role_label
        session.rows += draft.rows
        out.append(session)
    return out
