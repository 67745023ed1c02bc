"""Programme blocks outside tables: lines led by a time open sessions; bold titles, role labels, people lines,
date, time and room lines and ``<time datetime>`` open or fill them."""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable

from selectolax.lexbor import LexborNode

from ingest import agenda, session_cards, times
from ingest.cards import clean_time, first_day, reads_as_time
from ingest.html_page import Line, node_lines, text
from ingest.people_text import CONVERSATION, label_only, role_prefix
from ingest.person_line import Person
from ingest.prose_people import named_roles, prose_people
from ingest.names import split_name
from ingest.person_pattern import looks_like_name
from ingest.programme_days import _DAY_N, _date_line, _dated, _day_line, _only_a_date, only_a_day
from ingest.programme_page import Page, _open
from ingest.programme_sessions import Draft, _session_role, _start, _title, in_block, item_session, people_of, \
    underlined
from ingest.roles import role_of, role_of_title, role_words_only
from ingest.tidy import has_job_word, is_break, not_a_person


def _block(node: LexborNode, page: Page) -> None:
    """A paragraph, list or list item outside tables: lines led by a time open sessions; the rest is read as
    a bold title, role labels and people."""
    if _datetimes(node, page):
        return
    lines = _block_lines(node)
    if not lines:
        return
    cuts = [i for i, ln in enumerate(lines) if agenda.time_lead(ln.text)] + [len(lines)]
    if cuts[0]:
        _untimed(node, lines[:cuts[0]], page)
    for start, end in zip(cuts, cuts[1:]):
        _timed(node, lines[start:end], page)


def _block_lines(node: LexborNode) -> list[Line]:
    """The printed lines of a block; in a list, an item printing a name alone on its first line and its position on
    the lines below ("Ann Lee", then "Incident Handler, CERT.XY") is one line ("Ann Lee, Incident Handler, CERT.XY"):
    read line by line, "Incident Handler, CERT.XY" would be a second person."""
    if node.tag not in ("ul", "ol"):
        return [ln for ln in node_lines(node) if ln.text]
    out: list[Line] = []
    for item in node.iter():
        lines = [ln for ln in node_lines(item) if ln.text]
        out += [Line(", ".join(ln.text for ln in lines), lines[0].bold)] if _name_then_position(lines) else lines
    return out


def _name_then_position(lines: list[Line]) -> bool:
    """A name alone on the first line, then one to three lines that are no person, time or role label."""
    if not 2 <= len(lines) <= 4 or "," in lines[0].text or not looks_like_name(lines[0].text) \
            or role_prefix(lines[0].text)[0]:
        return False
    # a line opening with an office that is an honorific too ("Commandant de la cyberdéfense", "Ambassadrice pour
    # …") is a position when no name follows it
    return not any(agenda.time_lead(ln.text) or role_prefix(ln.text)[0]
                   or split_name(ln.text).honorific and looks_like_name(ln.text.split(",")[0])
                   or ("," not in ln.text and looks_like_name(ln.text)) for ln in lines[1:])


def _timed(node: LexborNode, lines: list[Line], page: Page) -> None:
    """Lines led by a time: "13:00 : Welcome (Ann Lee and Bo Chan)", then maybe a quoted title and people."""
    if _DURATION.fullmatch(lines[0].text.strip()) and _MINUTES_LAST.search(lines[0].text):
        _untimed(node, lines, page)  # "1h 30m": a length, no time (the lines after it are read as untimed ones)
        return
    clock, rest = agenda.time_lead(underlined(node, lines[0]).text)  # type: ignore[misc]
    page.pending = None
    if _DURATION.fullmatch(rest.strip()):
        rest = ""  # "10:00 (30 min)": its length, no title
    lines = lines[:1] + [ln for ln in lines[1:] if not _DURATION.fullmatch(ln.text.strip())]  # "10:00", "30min"
    if len(rest.split()) <= 6 and reads_as_time(rest) and len(lines) == 1:
        return  # "18:00 doors, 18:30 talks": the evening's times, no session
    if not rest and len(lines) == 1:
        if page.taken is not None and page.taken == clock:
            page.taken = None
            return  # the card's time after its title, which the title's session took (``programme._time_after``)
        if not _under_heading(page, clock):
            page.pending = (clock, None)  # the time alone: the title is printed next (a heading, a bold line)
        return
    linked, page.link_title = page.link_title, None
    if rest and linked and linked.endswith(f" {rest}") and len(rest) <= 60:
        # "Running a Government Design System Sala 2 — Douro" (a link), then "11:30am – 12:15pm · Sala 2 — Douro": a
        # parallel session, its title before its room
        draft = Draft(_title(linked[:-len(rest)].strip()), page.day, clock, _session_role(linked, page.role), room=rest)
        draft.people += people_of(lines[1:], draft.role)
        _open(page, draft)
        return
    opened = page.open
    if rest and opened is not None and not opened.people and opened.time_label and len(rest) <= 60 \
            and _clock_of(_start(opened.time_label)) == _clock_of(_start(clock)) and opened.title.endswith(f" {rest}"):
        # "9:00am WEST", "Welcome & Opening Remarks" over its room, then "9:00am – 9:20am WEST · Auditório Principal"
        # (a Sched list): the open session's whole time and its room, which its title printed after it
        opened.time_label, opened.room, opened.title = clock, rest, opened.title[:-len(rest)].strip()
        opened.people += people_of(lines[1:], opened.role)
        return
    if rest and page.open is None and page.last_heading and _ROOM_WORD.match(rest) and len(rest.split()) <= 4:
        # "### Ceremonia de inauguración" (role words) over "09:00 - 09:45 Auditorio": that session, at that time
        _open(page, Draft(_title(page.last_heading), page.day, clock, _session_role(page.last_heading, None),
                          room=rest))
        page.role = None
        page.open.people += people_of(lines[1:], page.open.role)  # type: ignore[union-attr]
        return
    if rest and page.open is not None and page.open.time_label is None and not page.open.people \
            and _ROOM_WORD.match(rest) and len(rest.split()) <= 4:
        # "### Opening Session" over "**09:30 – 10:15** | Hall Abai": the session's time and room, no title
        page.open.time_label, page.open.room = clock, rest
        page.open.people += people_of(lines[1:], page.open.role)
        return
    names = [text(a) for a in node.css("a")]
    # a line in italics whole ("*10.15am – Panel Discussion: …*"): the emphasis is the title without its time
    emphasis = [lead[1] if (lead := agenda.time_lead(t)) else t for e in node.css("em, i") if (t := text(e))]
    more = lines[1:]
    if not rest and len(more) > 1 and _format_only(more[0].text) and agenda.quoted(more[1].text, emphasis):
        rest, more = more[0].text, more[1:]  # "14:30 – 15:15 Uhr", then "Keynote" over "„Cyber-Außenpolitik …“"
    # "10h00 – 10h45 | Keynote" over "« La souveraineté … »": the word is the session's format, the quote its title
    format_ = rest if more and agenda.quoted(more[0].text, emphasis) and _format_only(rest) else None
    titled = rest and lines[0].bold.strip() == lines[0].text.strip() and not _format_only(rest) and not format_
    if titled:  # under a bold title line whole, an italic line is no title: "*Sentosa Room 1*", a room or a note
        emphasis = [e for e in emphasis if e in rest]
    while more and agenda.quoted(more[0].text, emphasis):
        rest, more = f"{rest} {more[0].text}", more[1:]
    room = None
    if not rest and len(more) > 1 and _ROOM_WORD.match(more[0].text) and len(more[0].text.split()) <= 4 \
            and _title_line(more[1]):
        room, more = more[0].text, more[1:]  # "11:15 - 12:15", "Main Hall", then the title (a Sessionize list)
    if not rest and more and _title_line(more[0]):
        rest, more = more[0].text, more[1:]  # the time alone, the title on the next line
    elif not rest and page.open is not None and page.open.time_label is None:
        page.open.time_label = clock  # a session's time printed under its title
        page.open.people += people_of(more, page.open.role)
        return
    title, found = agenda.item_parts(rest, names, emphasis)
    draft = Draft(_title(title) or clock, page.day, clock, _session_role(title, format_ or page.role), room=room)
    draft.people += agenda.named(found) + (people_of(more, draft.role) or _in_prose(more, draft.role))
    _open(page, draft)


def _clock_of(printed: str) -> str:
    """A start time without its zone and spaces, for comparing ("9:00am WEST" and "9:00am" are one time)."""
    return re.sub(r"\s+|[A-Z]{2,5}$", "", printed.strip()).lower()


def _title_line(line: Line) -> bool:
    """A line under a time printed alone that is the session's title: no name, no role label before people; a bold
    line whole may print its kind before its title ("**Keynote: Weerbaarheid in …**", whose rest names nobody)."""
    if looks_like_name(line.text):
        return False
    label, rest = role_prefix(line.text)
    return not label or line.bold.strip() == line.text.strip() and not agenda.named(agenda.people_strings(rest))


def _in_prose(lines: list[Line], role: str | None) -> list[Person]:
    """The people a session's sentence names ("O painel, mediado por A (X), reúne B (Y) e C (Z).", ``prose_people``)
    under its timed title line, where no line of them reads as a person."""
    if not lines:
        return []
    return [Person(m.name, m.positions, m.label or role, lines[0].text, True)
            for m in prose_people(" ".join(ln.text for ln in lines))]


def _format_only(printed: str | None) -> bool:
    """True for a session's kind printed where its title goes ("Keynote", "Impulsvortrag und Gespräch", "Table
    ronde"): role words only, no topic.

    >>> _format_only("Impulsvortrag"), _format_only("Keynote"), _format_only("Podiumsdiskussion: Europas Zukunft")
    (True, True, False)
    """
    return bool(printed) and len(printed) < 40 and bool(role_of(printed)) and role_words_only(printed)


def _under_heading(page: Page, clock: str) -> bool:
    """A time printed alone right under a heading that has none ("<h3>Panel: X</h3><p>11:00-12:30</p>") is that
    heading's session's; under a heading that reads as a role ("<h3>Saluti di benvenuto</h3><p>9:15-9:45</p>"), it
    makes the heading a session of that role. A time printed before its heading waits for it as before."""
    heading, page.last_heading = page.last_heading, None
    if heading is None:
        return False
    if page.open is not None and page.open.title == _title(heading) and page.open.time_label is None \
            and not page.open.people:
        page.open.time_label = clock
        return True
    if page.open is None and page.role == heading:
        _open(page, Draft(_title(heading), page.day, clock, _session_role(heading, None)))
        page.role = None
        return True
    return False


def _date_and_time(printed: str, page: Page) -> bool:
    """A line printing a full date and a time range (and maybe a zone and a place) right under the title of the
    open session that has neither people nor a time yet: that session's day and time. True when it was one."""
    from ingest.readers import _dated_time

    printed = re.sub(r"\s*\([^()]{8,}\)\s*$", "", printed)  # "… 09:00–10:00 BST (note the morning start)"
    draft = page.open
    alone = draft is None and page.title and not page.drafts  # the page's own event: its title in the front matter
    if not alone and (draft is None or draft.people or draft.rows or draft.time_label) or not _dated_time(printed):
        return False
    day = times.parse_date(printed)
    clock = re.search(rf"{agenda._CLOCK}\s*{agenda._RANGE}\s*{agenda._CLOCK}(?:\s*[ap]\.?\s?m\b\.?)?", printed, re.I)
    if day is None or clock is None:
        return False
    if alone:  # "**Thursday 18 May 2023, 18:00–19:30 BST**" first on an event page: the page's session, then
        draft = Draft(_title(page.title), day, None, _session_role(page.title, page.role))
        _open(page, draft)
    draft.day, draft.time_label = day, re.split(r"\s*[·|]\s*", printed[clock.start():])[0]  # with its zone
    return True


_MINUTES_LAST = re.compile(r"\d\s*(?:m|mins?|minutes?)\.?\)?\s*$", re.I)  # "1h 30m" (a length) is no "1h" (01:00)
_DURATION = re.compile(r"\(?\d{1,3}\s*(?:min(?:utes?|s)?|h|hrs?|hours?|std\.?|minuten)\.?"
                       r"(?:\s*\d{1,2}\s*(?:m|mins?|minutes?)\.?)?\)?", re.I)  # "45min", "(1h)", Indico's "1h 30m"


def _venue_lines(lines: list[Line]) -> bool:
    """True for the lines a date line's block prints after it that name a place ("Halden Institute, 1620 Rhode
    Island Avenue NW, Washington, DC"; "Virtual"): an address holds a number, or the lines name no person."""
    return len(lines) <= 2 and all(re.search(r"\d", ln.text) or not people_of([ln], None) for ln in lines)


def _untimed(node: LexborNode, lines: list[Line], page: Page) -> None:
    """Lines led by no time: a bold title opens a session (with the people printed under it), a role label
    ("Speakers:") names the role of the people listed after it, a dated line dates the session."""
    first = lines[0]
    if all(_DURATION.fullmatch(ln.text.strip()) for ln in lines):
        return  # "10:00", then "30min": the session's length, no title (the title comes next)
    if page.open is None and first.bold and _place_after(first) and _only_a_date(first.bold.strip(), page) \
            and (day := first_day(first.bold, page.year)):
        page.day = day  # "**Thursday, 19 September 2024** · Moot Court Room, Faculty of Law": the day and its venue
        if len(lines) > 1:
            _untimed(node, lines[1:], page)
        return
    if _date_and_time(first.text, page):  # "Wednesday, November 5, 2025 | 10:00 – 11:30 am EST" under the title
        if len(lines) > 1 and not _venue_lines(lines[1:]):
            _untimed(node, lines[1:], page)
        return
    title = first.bold if first.bold and first.bold == first.text else ""
    if not title and len(lines) == 1 and session_cards.title_field(node):
        title = first.text  # a CMS's field classed for the title (Drupal's "field--name-field-session-title")
    room, placed = None, False
    if not title and first.bold and page.open is not None and (tail := _place_after(first)) \
            and _only_a_date(first.bold.strip(), page):
        page.open.room = page.open.room or tail  # "**Monday, 3 June 2024, 13:15–14:45** · Room XXIV" under its title
        title, placed = first.bold.strip(), True
        lines = [Line(title, title, (title,))] + lines[1:]
        first = lines[0]
    if not title and ((in_room := _room_then_title(first)) or (in_room := _title_then_room(first))):
        room, title = in_room  # "*Zaal Mauritius* – **Ransomware bij gemeenten**": a parallel session and its room
        lines = [Line(title, title, (title,))] + lines[1:]
        first = lines[0]
    linked = len(lines) == 1 and node.css_first("a") is not None and text(node.css_first("a")) == first.text \
        and node.tag not in ("li", "ul", "ol") and (not looks_like_name(first.text) or is_break(first.text))
    if not title and linked and page.open is not None and page.open.title and page.open.time_label:
        page.link_title = first.text  # a parallel session's link under the same time: its title, printed before its
        return  # own time and room ("11:30am – 12:15pm WEST · Sala 2 — Douro")
    if not title and len(lines) == 1 and node.css_first("a") is not None and text(node.css_first("a")) == first.text \
            and (node.tag == "p" or page.open is not None and not page.open.title and linked):
        title = first.text  # a paragraph that is only a link to the session (or the link under a time printed alone)
    if page.pending and not title and _tags(lines) and (page.open is None or page.open.time_label):
        # "09:00–09:15", then "Remarks" and "Hall Aurora" (a type, a room): the time is the next title's (unless the
        # open session has none yet: "### Panel", then its time and room); a kind is the next session's format
        page.badge = _format_tag(lines) or page.badge
        return
    pending, page.pending = page.pending, None
    if not pending and not placed and node.tag == "p" and page.open is not None and not bold_label(first) \
            and (talk := item_session(node, page)):
        _open(page, in_block(page, talk))  # "*Title.* Ann Lee (Lab A)" as a paragraph under a session's heading
        return
    if pending and title and not looks_like_name(title) and not label_only(first.text):
        _open(page, Draft(_title(title), pending[1] or page.day, pending[0], _session_role(title, page.role)), 0)
        page.open.people += people_of(lines[1:], page.open.role)  # type: ignore[union-attr]
        return
    if pending:
        _settle(page, pending)
    if label_only(first.text):
        if page.open is not None:
            page.open.label = role_prefix(first.text)[0]
        lines = lines[1:]
    elif title and page.open is not None and page.timed_level is not None and not page.open.title:
        page.open.title, page.open.role = _title(title), _session_role(title, page.role)
        lines = lines[1:]  # "### 10:10 am - 11:00 am" then "**Session 1, Standing up a team**"
    elif title and page.open is not None and page.open.time_label and not page.open.people and not page.open.rows \
            and _format_only(page.open.title) and not looks_like_name(title) and not label_only(first.text) \
            and not _role_word(title):
        # "### 10:00–10:30 Uhr · Impulsvortrag" then "**„Cyber-Außenpolitik in Zeiten …“**": the title, and the
        # heading's word the session's format
        page.open.role = _session_role(title, page.open.title)
        page.open.title = _title(title)
        page.open.people += people_of(lines[1:], page.open.role)
        return
    elif title and _page_role(title, page):
        page.role = title  # "**Keynote**", "**Panel**" on a roundtable's page: roles of the page's own event
        if page.open is not None:
            page.open.label = title
        lines = lines[1:]
    elif (said := title or _day_block(lines)) and (day := _day_line(said, page)):
        page.day = day  # "**Day 2 (10 Feb)**", "Wednesday 14 May": a day heading printed in bold or on a line alone
        if page.open is None or page.open.people or page.open.rows or _DAY_N.match(said):
            page.open, page.timed_level = None, None
            lines = lines[1:]
            if not lines:
                return
        # else "**Wednesday, 22 October 2025**" under a session's heading: its date too, read below
    elif title and page.open is not None and _only_a_date(title, page):
        pass  # "**Wednesday, 22 October 2025, 14:00**" under the session's heading: its date and time, read below
    elif title and page.open is not None and _role_word(title) and (not page.open.people or _caption(node)
                                                                      or agenda.people_header(title)
                                                                      or _labels_inside(page, title)):
        # "## Keynote: Securing AI", then "**Keynote Speaker**", then the person; "**Moderator**" over a list after
        # the panellists' list; "**Panellists**" after the moderator's line
        page.open.label = title
        lines = lines[1:]
    elif title and page.open is not None and _label_before_people(node, title):
        page.open.label = title.rstrip(" :")  # "**Invitada:**", then "Ann Lee, CTO, Acme": a label, not a title
        lines = lines[1:]
    elif title and not looks_like_name(title) and not _caption(node):
        draft = Draft(_title(title), _dated(title, page), None, _session_role(title, page.role), room=room)
        if room and page.open is not None and page.open.time_label:  # a room's session in the timed block it is under
            draft.within = page.open.within or _start(page.open.time_label)
            draft.time_label = draft.within
        _open(page, draft)
        page.open.people += people_of(lines[1:], page.open.role)  # type: ignore[union-attr]
        return
    if page.open is None:
        _stray(node, lines, page)
        return
    if not title and (word := _format_tag(lines)):
        _set_format(page.open, word)  # "Panel" as a tag or badge under a session: its format, no person nor title
        return
    for line in lines:
        _date_line(line.text, page)
        if (m := _TIME_LINE.match(line.text)) and page.open.time_label is None and reads_as_time(m.group("time")):
            page.open.time_label = m.group("time")  # "Time: 3.30pm – 4.00pm (SGT)"
        if (m := _ROOM_LINE.match(line.text)) and page.open.room is None:
            page.open.room = m.group("room").strip()  # "Location: South Seas AB"
    before = len(page.open.people)
    if page.open.label or page.role or any(role_prefix(ln.text)[0] for ln in lines):
        label = page.open.label or page.open.role
        _take(page, lines, people_of(lines, label), label)
    elif lines and (said := bold_label(lines[0])) and not _PLACE_LABEL.match(said):
        # "**Invitada:** Ann Lee, CTO, Acme": a label speakergraph does not know, still a label (its role is noted)
        rest = [Line(lines[0].text[len(lines[0].bold):].strip(" :"))] + lines[1:]
        _take(page, rest, people_of(rest, said), said)
    elif page.open.time_label and _people_list(node, lines):
        _take(page, lines, people_of(lines, page.open.role), "")  # the people of a timed session, under no label
    elif bare := _bare_names(node, lines, page.open):
        page.open.people += bare  # "Ann Lee", "Bo Chan": a timed session's list of names alone
    elif pairs := _name_position_pairs(lines):
        page.open.people += people_of(pairs, page.open.role)  # speaker cards: a name line, then its position
    elif _bold_names(lines):
        page.open.people += people_of(lines, page.open.role)  # "<b>Ann Lee</b>, Officer, Acme<br><b>Bo Chan</b>, …"
    elif _featured(lines) or _speaker_of(page.open, lines) or _plain_speaker(page.open, lines) \
            or _in_conversation(lines):
        page.open.people += people_of(lines, page.open.role)
    elif roles := named_roles(" ".join(ln.text for ln in lines), [p.name for p in page.open.people]):
        for person in page.open.people:  # "Moderated by Ann Lee, Editor, …" under a list that holds her
            person.label = roles.get(person.name, person.label)
        return
    elif prose := prose_people(" ".join(ln.text for ln in lines)):  # "The event featured remarks by H.E. Ms …"
        page.open.people += [Person(m.name, m.positions, m.label or page.open.role, lines[0].text, True) for m in prose]
    if len(lines) > 1 and label_only(lines[-1].text):
        page.open.label = role_prefix(lines[-1].text)[0]  # "Chair: …" then "Panellists:": of the table printed next
    if len(page.open.people) == before:
        _unread_names(node, lines, page)


# a room printed before a session's bold title on its line: "Zaal Mauritius – ", "Sala A: ", "Room 2 | "
_ROOM_BEFORE = re.compile(r"^(?P<room>(?:sala|salle|room|raum|saal|hall|aula|zaal|auditori(?:o|um))\b[^,;:|–—]{0,24}?)"
                          r"\s*(?:[|:–—]|\s-)\s*(?P<rest>\S.*)$", re.I)


def _place_after(line: Line) -> str | None:
    """The place printed after a line's bold opening, set off by a middle dot or a bar ("** … ** · Room XXIV")."""
    m = re.match(r"^\s*[·|•]\s*(?P<place>[^·|•:;]{2,60})$", line.text[len(line.bold):])
    return m.group("place").strip() if m and line.text.startswith(line.bold) else None


def _title_then_room(line: Line) -> tuple[str, str] | None:
    """(room, title) of a line printing a session's bold title and then its room in brackets, nothing else
    ("**Workshop A: Incident Response** (Fale 1)"); not a person's bracket ("**Ann Lee** (Acme)") nor a label's."""
    bold = line.bold.strip()
    m = re.fullmatch(r"\s*\((?P<room>[^()]{2,30})\)\s*", line.text[len(line.bold):]) if bold else None
    if m is None or not line.text.startswith(line.bold) or looks_like_name(bold) or role_prefix(m.group("room"))[0] \
            or len(m.group("room").split()) > 4 or label_only(bold):
        return None
    return m.group("room").strip(), bold


def _labels_inside(page: Page, title: str) -> bool:
    """True for a bold line of role words alone ("**Guest address**") inside a session a time heading opened
    ("### 10:00–10:15 Opening Remarks"): the label of the people after it, in that session, not a session of its own."""
    return page.timed_level is not None and bool(page.open and page.open.time_label) and len(title.split()) <= 4 \
        and role_words_only(title)


def _room_then_title(line: Line) -> tuple[str, str] | None:
    """(room, title) of a line printing a room, then a session's title in bold, and nothing else."""
    m = _ROOM_BEFORE.match(line.text)
    if m and line.strong and m.group("rest").strip() == line.strong[-1].strip() and not looks_like_name(line.strong[-1]):
        return m.group("room").strip(), line.strong[-1].strip()
    m = _ROOM_BRACKET.match(line.text)  # "[Main Hall] Talk: “Cyber Norms after the OEWG”": a parallel talk's room
    if m and _ROOM_WORD.match(m.group("room").strip()) and not looks_like_name(m.group("rest")):
        return m.group("room").strip(), m.group("rest").strip()
    return None


_ROOM_BRACKET = re.compile(r"^\[(?P<room>[^\]]{2,40})\]\s*[:–—-]?\s*(?P<rest>\S.{3,})$")


def _format_tag(lines: list[Line]) -> str | None:
    """The format a session's tag or badge prints ("Keynote", "Panel", "Fireside chat", "Lightning talks"), as a
    schedule export's ``type`` does: a block of short tags, one of them only a session's kind; ``None`` for a
    person's role ("Speakers", "Moderator": a label of the people printed next), a name or a title.

    >>> _format_tag([Line("Panel")]), _format_tag([Line("Lightning talks"), Line("Regulation")])
    ('Panel', 'Lightning talks')
    >>> _format_tag([Line("Speakers")]), _format_tag([Line("Moderator")]), _format_tag([Line("Keynote: Maps")])
    (None, None, None)
    """
    if not _tags(lines):
        return None
    kinds = [t for ln in lines if (t := ln.text.strip(" *_")) and role_of_title(t) and not _PERSON_NOUN.search(t)
             and role_of(t) not in ("moderator", "guest-of-honour", "other")]
    return kinds[0] if len(kinds) == 1 else None


# the role of a person, not the kind of a session ("Keynote Speakers", "Panellists", "Presenter")
_PERSON_NOUN = re.compile(r"(?:speaker|panel+ist|presenter|discussant|moderator|chair|host)s?$", re.I)


def _set_format(draft: Draft, word: str) -> None:
    """A session's format ("Panel"): the role of its people, unless its title names one ("Keynote: …"); the people
    already read under the session's old role take the new one."""
    draft.format = draft.format or word
    if role_of_title(draft.title or ""):
        return
    old, draft.role = draft.role, word
    for person in draft.people:
        if person.label == old:
            person.label = word


def _bare_names(node: LexborNode, lines: list[Line], draft: Draft) -> list[Person]:
    """The people of a timed session's list of bare names ("Ann Lee", "Bo Chan", often links), its first list of
    people: each item a short name and nothing else, no item a topic, a room, a break or a sentence (``_bare_name``).
    A name with an honorific keeps it ("Dr. Ann Lee"); positions come from the speaker pages (lent by name)."""
    if not draft.time_label or draft.people or not _name_items(node, lines):
        return []
    out: list[Person] = []
    for line in lines:
        found = people_of([line], draft.role)
        out += found if len(found) == 1 else [Person(line.text.strip(), [], draft.role, line.text, True)]
    return out


def _bold_names(lines: list[Line]) -> bool:
    """True for lines each opening with a name in bold, then its position after a comma ("**Ann Lee**, Programme
    Officer, Acme"): a person a line.

    >>> _bold_names([Line("Ann Lee , Officer, Acme", "Ann Lee"), Line("Bo Chan , Founder, Beta (Ghana)", "Bo Chan")])
    True
    >>> _bold_names([Line("Closed-door discussion.")]), _bold_names([Line("Lunch , Terrace", "Lunch")])
    (False, False)
    """
    return bool(lines) and all(ln.bold and ln.text.startswith(ln.bold) and looks_like_name(ln.bold.strip())
                               and ln.text[len(ln.bold):].lstrip().startswith(",") for ln in lines)


def _name_position_pairs(lines: list[Line]) -> list[Line]:
    """A run of speaker cards printed as lines, each a name then its position ("Mehdi Benali", "Detection Engineer,
    Ouest Sécurité", "Priya Raghunathan", "Independent Researcher"): each pair one line "Name, Position"; empty
    when the lines do not alternate so.

    >>> [ln.text for ln in _name_position_pairs([Line("Dr. Ann Lee"), Line("Conference Chair, Kestrel Forum"),
    ...                                          Line("Bo Chan"), Line("Independent Researcher")])]
    ['Dr. Ann Lee, Conference Chair, Kestrel Forum', 'Bo Chan, Independent Researcher']
    """
    if len(lines) < 2 or len(lines) % 2:
        return []
    names, jobs = lines[0::2], lines[1::2]
    if not all(_bare_name(agenda.before_bracket(n.text)) for n in names) \
            or any(looks_like_name(j.text) and "," not in j.text or agenda.time_lead(j.text) or label_only(j.text)
                   for j in jobs):
        return []
    return [Line(f"{n.text}, {j.text}") for n, j in zip(names, jobs)]


def _name_items(node: LexborNode, lines: list[Line]) -> bool:
    """True for a list whose items are each one line that is a bare name, or a run of two or more such lines."""
    if node.tag in ("ul", "ol"):
        items = [li for li in node.iter() if li.tag == "li"]
        if not items or len(items) != len(lines):
            return False
    elif len(lines) < 2:  # one name alone: a person when it links somewhere (a speaker page), as a list's do
        return len(lines) == 1 and [text(a) for a in node.css("a")] == [lines[0].text.strip()] \
            and _bare_name(lines[0].text)
    return all(_bare_name(ln.text) for ln in lines)


def _bare_name(printed: str) -> bool:
    """True for a line that is a name alone, maybe after an honorific: two to five capitalised words, no digit or
    punctuation of a sentence, no word of a topic ("Cloud Security", "Risk Management"), a room, a break or a role.

    >>> [_bare_name(t) for t in ("Marc-Antoine Dubois", "Dr. Ann Lee", "Lotte van der Berg", "Li Wei")]
    [True, True, True, True]
    >>> [_bare_name(t) for t in ("Cloud Security", "Main Hall", "Coffee Break", "Keynote", "We meet at 9.")]
    [False, False, False, False, False]
    """
    name = split_name(printed.strip()).name or ""
    return 2 <= len(name.split()) <= 5 and len(printed) <= 60 and not re.search(r"[\d,:;()!?|/@&]", printed) \
        and not name.endswith(".") and looks_like_name(name) and not_a_person(name) is None \
        and not _ROOM_WORD.match(name) and not is_break(name) and role_of(name) is None and not _TOPIC.search(name)


# a word of a topic, not of a name ("Security", "Management", "Regulation", "Cryptography", "Analytics")
_TOPIC = re.compile(r"\w{3,}(?:tion|sion|ment|ity|ics|ogy|ism|ness|ware|ship)\b", re.I)


def _unread_names(node: LexborNode, lines: list[Line], page: Page) -> None:
    """Note a list of names printed under a timed session that gave it nobody (no silent loss): its items are short
    lines, most of them open as a person does."""
    draft = page.open
    if draft is None or not draft.time_label or not lines or node.tag not in ("ul", "ol") \
            or any(len(ln.text) > 60 for ln in lines) or not _most(_person_like(ln.text) for ln in lines):
        return
    odd = next((ln.text for ln in lines if not _bare_name(ln.text)), None)
    why = f"{odd!r} reads as no name" if odd else "the session already names people"
    page.note(lines[0].text, "unread-names", f"a list of {len(lines)} names under the timed session {draft.title!r} "
              f"gave it nobody ({why}) — skipped; print each as \"Name, Title, Organisation\" or put a label "
              "(\"Speakers:\") above the list")


def _day_block(lines: list[Line]) -> str:
    """The text of a block of one line that names a day and nothing else ("Day 2 – 13 March 2025" in a page
    builder's tab, "Tuesday 13 March" on a line alone), else ""; a sentence that names a day stays prose.

    >>> _day_block([Line("Day 2 – 13 March 2025")]), _day_block([Line("We meet again on 13 March 2025.")])
    ('Day 2 – 13 March 2025', '')
    """
    return lines[0].text if len(lines) == 1 and only_a_day(lines[0].text) else ""


def _tags(lines: list[Line]) -> bool:
    """True for short lines that name a session's kind or place, not the session nor a person ("Keynote", "Hall
    Aurora", "Studio 2"): printed between a time and its title, they leave the time to the title.

    >>> _tags([Line("Remarks"), Line("Hall Aurora")]), _tags([Line("Studio 2")]), _tags([Line("Ann Lee")])
    (True, True, False)
    >>> _tags([Line("Ann Lee, CEO, Acme")]), _tags([Line("Moderator: Ann Lee")])
    (False, False)
    """
    return all(len(ln.text.split()) <= 3 and not re.search(r"[,:;()]", ln.text) and not agenda.time_lead(ln.text)
               and (_ROOM_WORD.match(ln.text) or not looks_like_name(ln.text)) for ln in lines)


# a room's name: "Hall Aurora", "Studio 2", "Room B", "Main Stage"
# a room by its noun, maybe after its name ("Aurora Hall", "Main Hall", "Hall Abai", "Salle Vauban")
_ROOM_WORD = re.compile(r"^(?:(?:main|plenary|grand|small|big)\s+|(?-i:[A-Z])[\w'’-]*\s+)?(?:hall|room|studio|stage|auditorium|theat(?:re|er)|"
                        r"ballroom|salle|saal|raum|sala|aula|foyer|lounge|auditorio|audit[oó]rio|sal[oó]n|h[oö]rsaal|"
                        r"anfiteatro|amphith[ée][aâ]tre|zaal)\b", re.I)


def _featured(lines: list[Line]) -> bool:
    """A line opening with "with", "avec", "mit", "featuring" and a person: the people of the session."""
    return any(role_prefix(ln.text) == (None, rest) and rest != ln.text and looks_like_name(rest.split(",")[0])
               for ln in lines if (rest := role_prefix(ln.text)[1]))


def _speaker_of(draft: Draft, lines: list[Line]) -> bool:
    """One line naming one person with an honorific or a position under a session that names a role and nobody yet
    ("Discours de clôture", then "Mme Katrin Aaltonen, députée européenne, …"): that session's speaker."""
    if draft.people or len(lines) != 1 or not draft.title or not role_of_title(draft.title):
        return False
    found = people_of(lines, draft.role)
    return len(found) == 1 and (bool(found[0].positions) or bool(split_name(lines[0].text.split(",")[0]).honorific))


def _settle(page: Page, pending: tuple[str, date | None]) -> None:
    """A time printed alone and followed by no title: the time of the open session, printed under its title, else
    a session of its own."""
    clock, day = pending
    if page.open is not None and page.open.time_label is None:
        page.open.time_label, page.open.day = clock, day or page.open.day
    elif page.open is not None and not page.open.people and _start(clock) == _start(page.open.time_label):
        pass  # the slot's time printed again under the session's title (a schedule widget's card): no session
    else:
        _open(page, Draft(clock, day or page.day, clock, page.role))


def _people_list(node: LexborNode, lines: list[Line]) -> bool:
    """True for a list of people, one a line ("Name, Title, Org", "**Name**, Title, Org"): most of its items read as
    one person each (an item whose honorific or name speakergraph cannot read is noted by ``_take``, not allowed to
    drop the list)."""
    if not lines or (node.tag not in ("ul", "ol") and not all(looks_like_name(ln.bold) for ln in lines)):
        return False
    items = [li for li in node.iter() if li.tag == "li"]
    if items and any(len(node_lines(li)) > 1 for li in items):  # a name line, then its position lines
        return _most(len(people_of(node_lines(li), None)) == 1 for li in items)
    return _most(len(people_of([ln], None)) == 1 for ln in lines)


def _most(reads: Iterable[bool]) -> bool:
    """True when more than half of the items read (and at least one does).

    >>> _most([True, True, False]), _most([True, False]), _most([])
    (True, False, False)
    """
    said = list(reads)
    return 2 * sum(said) > len(said)


def _take(page: Page, lines: list[Line], found: list[Person], label: str) -> None:
    """Give the open session the people read from ``lines``, and note each line that reads as a person (an
    honorific or a name first) but gave nobody: a list under a label loses no one unsaid."""
    page.open.people += found  # type: ignore[union-attr]
    for line in _lost(lines, found):
        under = f" under {label!r}" if label else ""
        page.note(line.text, "not-a-person", f"line {line.text[:80]!r}{under} reads as a person but names nobody "
                  "speakergraph can read — skipped; print it as \"Name, Title, Organisation\" (or give the name in "
                  "names.toml)")


def _lost(lines: list[Line], found: list[Person]) -> list[Line]:
    """The lines that print a person (they open with an honorific or a name) of whom nothing was read: no person
    read comes from them, and none of their text is a read person's position.

    >>> from ingest.person_line import Person
    >>> read = [Person("Ann Lee", [], None, "Ann Lee, CTO, Acme", True)]
    >>> [ln.text for ln in _lost([Line("Ann Lee, CTO, Acme"), Line("Dr. Bo x-Chan, Beta"), Line("Lunch")], read)]
    ['Dr. Bo x-Chan, Beta']
    """
    said = [p.line for p in found] + [part for p in found for pos in p.positions
                                      for part in (pos.title, pos.organisation) if part]
    return [ln for ln in lines if len(ln.text) < 160 and not label_only(ln.text) and _person_like(ln.text)
            and not any(part in ln.text or ln.text in part for part in said)]


def _person_like(printed: str) -> bool:
    """True for a line that opens as a person does: an honorific, or a name before its first comma or bracket."""
    head = re.split(r"\s*[,(–—]\s*|\s+-\s+", printed.strip(), maxsplit=1)[0]
    return bool(split_name(head).honorific) or looks_like_name(head)


def bold_label(line: Line) -> str:
    """The label a line opens with, in a bold run that ends with a colon ("**Invitada:** Ann Lee"), followed by more
    text; "" for any other line. A bold run ending in a colon before people is a label, never a session's title
    (a colon after the bold run, "**Tides**: Ann Lee", may end a title).

    >>> bold_label(Line("Invitada: Ann Lee, CTO", "Invitada:")), bold_label(Line("Tides: Ann Lee", "Tides"))
    ('Invitada', '')
    >>> bold_label(Line("Day 2, 10:00: Tides", "Day 2, 10:00:")), bold_label(Line("Speakers:", "Speakers:"))
    ('', '')
    """
    bold = line.bold.strip()
    after = line.text[len(line.bold):].strip() if line.text.startswith(line.bold) else ""
    label = bold.rstrip(" :")
    if not bold.endswith(":") or not after or not label or len(label.split()) > 4 or re.search(r"[\d,;()]", label):
        return ""
    return label


def _in_conversation(lines: list[Line]) -> bool:
    """A line of two people, one "in conversation with" the other ("Prof. Ann Lee (SWP) im Gespräch mit Bo Chan
    (Acme)"): both the session's, the second leading the talk."""
    return len(lines) <= 2 and any(CONVERSATION.search(ln.text) for ln in lines) and len(people_of(lines, None)) >= 2


def _plain_speaker(draft: Draft, lines: list[Line]) -> bool:
    """One line (or a name and its position lines) alone in a timed session that names nobody yet, reading as one
    person with a position that holds a job title and an organisation ("Ann Lee (Director, Acme Labs)", "Ann Lee,
    Director, Acme Labs"): the session's speaker, bold or not. A line opening with an honorific and holding a job
    title ("Mme Hélène Roux, Secrétaire générale de la défense") is a person's, in a session that names people
    already too."""
    if not 1 <= len(lines) <= 3 or not draft.time_label or any(len(ln.text) > 160 for ln in lines) \
            or len(lines) > 1 and not _name_then_position([Line(agenda.before_bracket(lines[0].text))] + lines[1:]):
        return False  # a name, then its position on the lines under it, is one person too
    found = people_of(lines, draft.role)
    if len(found) != 1:
        return False
    addressed = bool(split_name(found[0].name).honorific) and any(has_job_word(p.title or "")
                                                                  for p in found[0].positions)
    return addressed or not draft.people and any(p.title and p.organisation for p in found[0].positions)


# a label of where or when, never of people: "**Venue:** Centrul Cultural Bega, Splaiul Tudor Vladimirescu 4"
_PLACE_LABEL = re.compile(r"^\s*(?:venue|location|address|where|when|date|dates|time|times|room|rooms|hall|place|"
                          r"directions|access|parking|registration|contact|e-?mail|phone|tel|website|price|fee|"
                          r"lieu|adresse|ort|adresse|lugar|sede|dirección|luogo|indirizzo)s?\s*:?\s*$", re.I)
_TIME_LINE = re.compile(r"^\s*(?:time|timing|when|zeit|heure|horaire)\s*:\s*(?P<time>\S.{2,60})$", re.I)


def _role_word(title: str) -> bool:
    """A short bold role word standing for a label ("Keynote Speaker", "Panellists"), not a session's title."""
    return bool(role_of(title)) and len(title.split()) <= 3 and not re.search(r"[\d(:]", title)


def _page_role(title: str, page: Page) -> bool:
    """True for a bold role word ("Keynote", "Closing remarks") printed where no session but the page's own is open."""
    own = page.open is None or (page.title is not None and page.open.title == _title(page.title))
    return own and page.title is not None and bool(role_of(title)) and len(title.split()) <= 4 \
        and not re.search(r"[\d(]", title)  # "Opening address (15 Nov)" titles a session of its own


def _stray(node: LexborNode, lines: list[Line], page: Page) -> None:
    """People printed where no session is open: the page's own session when its front matter titles it (a
    roundtable's "**Keynote**" and "**Panel**" blocks are roles of one event), else the hint of the page's
    "no session" note."""
    labelled = lines and (any(role_prefix(ln.text)[0] for ln in lines) or _people_list(node, lines))
    if page.title and (labelled or (page.role and lines)):
        _open(page, Draft(_title(page.title), page.day, None, _session_role(page.title, None)))
        page.open.people += people_of(lines, page.role)  # type: ignore[union-attr]
        return
    prose = prose_people(" ".join(ln.text for ln in lines)) if page.title and lines and not labelled else []
    if prose:  # "The event featured remarks by H.E. Ms Ana Lima, Ambassador, …": the page's own session
        _open(page, Draft(_title(page.title), page.day, None, _session_role(page.title, None)))
        page.open.people += [Person(m.name, m.positions, m.label or page.role, lines[0].text, True)  # type: ignore[union-attr]
                             for m in prose]
        return
    if labelled:
        page.hints.append(f"people lines stand under no session title or time (e.g. {lines[0].text[:60]!r}): print "
                          "a heading, a bold title or a time before them (or see docs/sites.md for another reader)")


_STAMP = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})(?:[T ](?P<clock>\d{2}:\d{2}))?")


def _datetimes(node: LexborNode, page: Page) -> bool:
    """``<time datetime="2025-03-12T09:00">``: the day and start of the open session (a second one its end), else of
    the session the next title opens. True when the block prints nothing but those times."""
    elements = [t for t in node.css("time[datetime]") if _STAMP.match(t.attributes.get("datetime") or "")]
    if not elements:
        return False
    stamps = [_STAMP.match(t.attributes.get("datetime") or "") for t in elements]
    day = first_day(stamps[0].group("day"))
    # a date field printing a day alone keeps a clock of its own in its stamp (Drupal's "2024-11-05T12:00:00Z",
    # "Tuesday, 5 November 2024"): no time
    same_day = [m.group("clock") for t, m in zip(elements[:2], stamps[:2])
                if m.group("clock") and m.group("day") == stamps[0].group("day") and not _date_only(text(t))]
    clock = " - ".join(same_day) or _printed_clock(node)
    if day and not clock:
        page.day = day  # a date alone ("<time datetime="2025-10-21">"): the day of the sessions printed after it
    draft = page.open
    if draft is not None and not draft.people and not _before_heading(node) \
            and (not clock or not draft.time_label or _starts(draft.time_label, clock)):
        draft.day, draft.time_label = day or draft.day, draft.time_label or clock or None
    elif clock:
        page.pending = (clock, day)
    rest = text(node)
    for t in node.css("time"):
        rest = rest.replace(text(t), " ")
    return not re.search(r"[^\W\d_]", rest)


def _date_only(printed: str) -> bool:
    """True for a ``<time>`` element's text that prints a date and no time.

    >>> _date_only("Tuesday, 5 November 2024"), _date_only("5 Nov 2024, 09:30"), _date_only("")
    (True, False, False)
    """
    return bool(printed) and first_day(printed, 2000) is not None and not re.search(r"\d[:h.]\d\d|\b[ap]\.?m\b", printed)


def _before_heading(node: LexborNode) -> bool:
    """True when the next element printed after ``node`` (or after the wrapper it ends) is a heading: a time printed
    there is the next session's ("<time>…</time><h3>Title</h3>"), not the open one's.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> tree = LexborHTMLParser("<h3>A</h3><div><time>9:00</time></div> <h3>B</h3><p>x</p><p><time>9:00</time></p>")
    >>> [_before_heading(n) for n in tree.css("div, p")]
    [True, False, False]
    """
    for _ in range(3):
        after = node.next
        while after is not None and after.tag in ("-text", "-comment") and not (after.text_content or "").strip():
            after = after.next
        if after is not None:
            return bool(re.fullmatch(r"h[1-6]", after.tag or ""))
        if node.parent is None:
            return False
        node = node.parent
    return False


def _printed_clock(node: LexborNode) -> str:
    """The time a ``<time>`` element prints beside a date its ``datetime`` gives alone ("2024-11-12 @ 9:30 am");
    "" when it prints none.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> _printed_clock(LexborHTMLParser('<p><time datetime="2031-05-02">2031-05-02 @ 9:30 am</time></p>').css_first("p"))
    '9:30 am'
    """
    for element in node.css("time[datetime]"):
        lead = agenda.time_lead(times.without_date(text(element)).strip(" @,|–-"))
        if lead and not lead[1]:
            return lead[0]
    return ""


def _starts(label: str, clock: str) -> bool:
    """True when two printed times start at the same time ("9:00 – 10:30", "09:00 - 10:30")."""
    return times.parse_time_range(clean_time(label))[0] == times.parse_time_range(clean_time(clock))[0]


def _label_before_people(node: LexborNode, title: str) -> bool:
    """True for a short bold line ending in a colon ("**Invitada:**") whose next block opens with a person: a label
    speakergraph does not know, not a session's title."""
    if not title.endswith(":") or len(title.split()) > 4 or re.search(r"[\d,;()]", title):
        return False
    after = node.next
    while after is not None and after.tag == "-text" and not (after.text_content or "").strip():
        after = after.next
    lines = [ln for ln in node_lines(after) if ln.text][:1] if after is not None and after.tag != "-text" else []
    return bool(lines) and len(people_of(lines, None)) == 1


def _caption(node: LexborNode) -> bool:
    """A bold line just before a list introduces the list ("**This webinar will discuss**"): no session."""
    after = node.next
    while after is not None and after.tag == "-text" and not (after.text_content or "").strip():
        after = after.next
    return after is not None and after.tag in ("ul", "ol")


_ROOM_LINE = re.compile(r"^\s*(?:location|room|venue|hall|where|salle|raum|ort)\s*:\s*(?P<room>[^,;]{2,60})$", re.I)
