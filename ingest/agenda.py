"""Agenda lines: a time that leads a heading, a list item or a line, and the title and people printed after it.

A programme written as text rather than a table opens each slot with its time:
``### 09:30 – 10:30 | Opening Keynote``, ``- 13:00 : Welcome (Ann Lee and Bo Chan)``,
``- 13:15 : [Cy Dee](…) (Acme Lab) "Talk title"``. ``time_lead`` cuts the time off;
``item_parts`` says which of the rest is the title and which names people: a quoted
title makes the rest people; names in brackets after a title are its people
(``(Chair: Bo Chan)`` with their label); a bracket after a name is its organisation.

>>> time_lead("09:30 – 10:30 | Opening Keynote"), time_lead("10:05 am - 10:45 am: Counting Clouds")
(('09:30 – 10:30', 'Opening Keynote'), ('10:05 am - 10:45 am', 'Counting Clouds'))
>>> time_lead("14:00 Data Day"), time_lead("13:00 : Welcome"), time_lead("9am Best practice (CEST)")
(('14:00', 'Data Day'), ('13:00', 'Welcome'), ('9am', 'Best practice (CEST)'))
>>> time_lead("11:10 am - 12:00 pm, ET How to Redesign")
('11:10 am - 12:00 pm, ET', 'How to Redesign')
>>> time_lead("Day 1 — Tuesday, 3 June 2025"), time_lead("10 amazing talks"), time_lead("2025 in review")
(None, None, None)
>>> item_parts("Welcome and introduction (Ann Lee and Bo Chan)")
('Welcome and introduction', [('Ann Lee', None), ('Bo Chan', None)])
>>> item_parts("Invited talks (Chair: Bo Chan)"), item_parts("Break")
(('Invited talks', [('Bo Chan', 'Chair')]), ('Break', []))
>>> item_parts('Cy Dee (Acme Lab) "Keep your code alive"', names=["Cy Dee"])
('Keep your code alive', [('Cy Dee (Acme Lab)', None)])
>>> item_parts("Keynote – Dr Ann Lee, Minister, Examplia"), item_parts("Data in cities (Examplia Data Agency)")
(('Keynote', [('Dr Ann Lee, Minister, Examplia', None)]), ('Data in cities (Examplia Data Agency)', []))
>>> people_strings("Speakers: Mr Al Bo, Vice President, Orbit and Dr Cy Dee, Director, Space Law Centre")
[('Mr Al Bo, Vice President, Orbit', 'Speakers'), ('Dr Cy Dee, Director, Space Law Centre', 'Speakers')]
>>> brief(person("Dr. Al Bo (Open Data Lab)")), brief(person("Al Bo (Chief Economist)")), brief(person("Al Bo (CTO, Acme)"))
(('Dr. Al Bo', [(None, 'Open Data Lab')]), ('Al Bo', [('Chief Economist', None)]), ('Al Bo', [('CTO', 'Acme')]))

Several people in one string are cut where it is safe: at ``;`` and between bracketed people:

>>> people_strings("Panelists: Al Bo (Acme), Cy Dee (Beta Bank), Di Eve (Gamma)")
[('Al Bo (Acme)', 'Panelists'), ('Cy Dee (Beta Bank)', 'Panelists'), ('Di Eve (Gamma)', 'Panelists')]
>>> people_strings("Moderator: Al Bo (CEO, Acme); Cy Dee (CTO, Beta)")
[('Al Bo (CEO, Acme)', 'Moderator'), ('Cy Dee (CTO, Beta)', None)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest import person_line, times
from ingest.countries import default_countries
from ingest.cards import first_day, reads_as_time
from ingest.html_page import Line, text
from ingest.names import HONORIFIC_BRACKET, split_name, unmarked
from ingest.profile import Settings
from ingest.people_text import CONVERSATION, country_last, joined_people, office_not_role, outside_brackets, role_after_name, role_prefix, \
    split_people
from ingest.position_words import is_body
from ingest.person_pattern import (_ORG_WORD, FREE_TEXT, Person, brief, given_in_bracket, looks_like_name,  # noqa: F401
                                   split_person, without_addresses, without_attendance)  # (brief: doctests)
from ingest.records import Position
from ingest.roles import role_of, role_of_title
from ingest.tidy import GENDER_ENDING, has_job_word, not_a_person, without_honorific

# "14:00", "9.30am", "2pm", "12 noon"; in hours as French and German print them, "14h00", "14 h 00", "11h", "14 h"
_CLOCK = (r"(?:\d{1,2}(?:[:.]|\s*h\s*)\d{2}(?:\s*[ap]\.?m\.?(?![a-z]))?|\d{1,2}\s*[ap]\.?m\.?(?![a-z])|12\s*noon|"
          r"(?<!\d)(?:[01]?\d|2[0-3])\s*h(?![\w]))")
# a zone, or the word some languages print after a time ("9.30–10.00 Uhr", "14.00 h", "09.30 uur", "10.00 u.")
# ("16:00 MT Evaluation": a two-letter name followed by a word is the title's, unless a comma sets it off)
_ZONE_NAME = r"(?-i:\(?(?:[A-Z]{1,4}T|UTC|GMT)(?:\s*[+-]\s*\d{1,2})?\)?)"
_ZONE = (rf"(?:(?:,\s*{_ZONE_NAME}|\s*{_ZONE_NAME}(?!(?<=\b[A-Z]{{2}})\s+[A-Za-z])|"
         rf",?\s*(?:uhr|uur|u\.|u(?=\s*[|:–—-])|hrs?\.?|hs\.?|horas|heures|h\b))(?![\w]))?")
# the word some languages print before a time or between two ("ore 9.30", "dalle 9.30 alle 10", "om 9.30 tot 10.00",
# "von 9 bis 10 Uhr", "de 9h à 10h")
_BEFORE = r"(?:(?:ore|dalle(?:\s+ore)?|om|um|von|de|desde|from)\s+)?"
_RANGE = r"(?:--|-|–|—|to|until|alle(?:\s+ore)?|tot|bis|à|a|hasta|às|as|até)"  # "09h00 às 10h30" (Portuguese)
# military time: "0900 – 1030hrs", "0900hrs", "1400H - 1530H" (checked by ``reads_as_time``: "2023 – 2024" is no time)
_MILITARY = r"(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:hrs?|h)(?![a-z]))?"
_LEAD = re.compile(rf"^[\s*_]*{_BEFORE}(?P<time>(?:{_MILITARY}(?:\s*(?:-|–|—|to)\s*{_MILITARY})?(?![\d:.])|"
                   rf"{_CLOCK}(?:\s*{_RANGE}\s*{_CLOCK})?){_ZONE})"
                   r"[\s*_]*(?:[|:,–—-]+|(?=\s)|$)\s*(?P<rest>.*)$", re.I)
_QUOTE = re.compile(r"[“\"«„»](?P<title>[^”\"»“«]{3,})[”\"»“«]")  # English, German („…“, »…«) and French quotes
_TAIL = re.compile(r"^(?P<head>.*?\S)\s*\((?P<inner>[^()]+)\)[\s.]*$")
_DASH = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*|:\s+")
# a numbered part of a programme before a colon: what follows is its title ("Track A: Buying AI Responsibly")
_NUMBERED = re.compile(r"(?:track|stream|session|panel|breakout|workshop|room|hall|part|block|plenary|round)\s+"
                       r"(?:[A-Z]|\d{1,2}[A-Za-z]?|[IVX]{1,4})", re.I)
TALK_DASH = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*")
# "and" between people as European programmes print it: Italian and Portuguese "e", Spanish "y", Dutch "en", French
# "et", German "und", Nordic "og"/"och" (each place that cuts at one asks that both sides read as people)
AND_WORDS = r"(?:and|&|et|und|e|y|en|og|och)"
_AND = re.compile(rf"\s+{AND_WORDS}\s+")
_EN_AND = re.compile(r"\s+(?:and|&)\s+")  # where commas are the list's only with it ("A, B and C")
_SEPARATORS = " |:–—-,;*_·•"  # "9h30 – 10h15 · Séance d'ouverture": a middle dot or bullet sets a title off


def time_lead(printed: str) -> tuple[str, str] | None:
    """The time a line opens with and the rest of the line, or ``None`` when it opens with no time; an hour alone
    ("14 h", "11h") is no time before a word in lower case ("2 h workshop on …": a duration).

    >>> time_lead("14 h 00 – 15 h 30 : Table ronde"), time_lead("11h Accueil"), time_lead("2 h workshop on Rust")
    (('14 h 00 – 15 h 30', 'Table ronde'), ('11h', 'Accueil'), None)
    >>> time_lead("09.30 – 10.15 uur | Openingssessie"), time_lead("ore 9.30 – 10.00"), time_lead("dalle 9.30 alle 10.00")
    (('09.30 – 10.15 uur', 'Openingssessie'), ('9.30 – 10.00', ''), ('9.30 – 10.00', ''))
    """
    m = _LEAD.match(printed)
    if not m or not a_time(m.group("time")):
        return None
    if _HOURS_ONLY.match(m.group("time")) and printed[m.end("time"):].lstrip()[:1].islower():
        return None
    return _RANGE_WORD.sub(" – ", m.group("time").strip(" ,")), m.group("rest").strip(_SEPARATORS)


_RANGE_WORD = re.compile(r"\s*\b(?:alle(?:\s+ore)?|tot|bis|à|a|hasta|às|as|até)\s+", re.I)  # "9.30 alle 10.00": 9.30 – 10.00


_HOURS_ONLY = re.compile(r"^\s*\d{1,2}\s*h(?:\s*(?:-|–|—|to|until)\s*\d{1,2}\s*h)?\s*$", re.I)


def a_time(printed: str) -> bool:
    """True for a time or time range where one is expected (a time cell, a line's lead), in hours too ("14 h 00").

    >>> a_time("14 h 00 – 15 h 30"), a_time("11h"), a_time("22 - 23 June 2021"), a_time("2023 – 2024")
    (True, True, False, False)
    """
    return reads_as_time(printed) or reads_as_time(times.colon_clock(printed))


def heading_time(printed: str) -> tuple[str, str] | None:
    """The time of a heading and its title: a leading time, else a time range among its parts
    ("Session 1, 10:05 am - 10:45 am, ET").

    >>> heading_time("Session 1, 10:05 am - 10:45 am, ET"), heading_time("June 3-4, 2025")
    (('10:05 am - 10:45 am, ET', 'Session 1'), None)
    """
    lead = time_lead(printed)
    if lead:
        return lead
    title, when = split_heading([printed])
    if when and a_time(when):
        return when, title or ""
    return None


_HEADING_SEPARATORS = " \t—–-,:;*\\|·•"
_ZONE_WORD = re.compile(r"^(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|UTC|GMT|CET|CEST)$", re.I)
_TIME_WORDS = re.compile(r"\b(?:a\.?m\.?|p\.?m\.?|noon|to|et|est|edt|ct|pt|utc|gmt|cet|cest)\b"
                         r"|[\d:.\-–—\s,()]", re.I)


def split_heading(lines: list[str]) -> tuple[str | None, str | None]:
    """A heading's title without its printed time, and the time (``None`` for either when absent).

    >>> split_heading(["Session 2, 10:05 am - 10:45 am, ET"]), split_heading(["Closing (3:30 pm - 3:45 pm, ET)"])
    (('Session 2', '10:05 am - 10:45 am, ET'), ('Closing', '3:30 pm - 3:45 pm'))
    >>> split_heading(["11h00 – 12h15 · Table ronde : Les collectivités"])
    ('Table ronde : Les collectivités', '11h00 – 12h15')
    """
    title_bits: list[str] = []
    when = None
    for line in lines:
        lead = time_lead(line) if not when else None
        if lead and lead[1] and times.is_range(lead[0]):
            when, line = lead  # "11h00 – 12h15 · Table ronde : Les collectivités": the time, then the title
        for group in re.findall(r"\(([^()]*)\)", line):
            if times.is_range(group):
                when = when or _time_only(group)
                line = line.replace(f"({group})", " ")
        kept = []
        for part in (p.strip() for p in line.split(",")):
            if part and times.is_range(part) and not _TIME_WORDS.sub("", part):
                when = when or part
            elif part and when and _ZONE_WORD.match(part):
                when = f"{when}, {part}" if not when.endswith(part) else when  # ", ET": the time's zone
            elif part:
                kept.append(part)
                if times.is_range(part):
                    when = when or part
        if kept:
            title_bits.append(", ".join(kept))
    title = " ".join(" ".join(title_bits).split()).strip(_HEADING_SEPARATORS)
    return title or None, when


def _time_only(text: str) -> str:
    parts = [p.strip() for p in text.split(",")]
    return ", ".join(p for p in parts if not _ZONE_WORD.match(p))


def item_parts(printed: str, names=(), emphasis=()) -> tuple[str, list[tuple[str, str | None]]]:
    """The title of an agenda line (its time cut off) and the people it names, each with its printed label;
    ``names`` are texts printed as links (a linked text is a name), ``emphasis`` italic texts (maybe the title).

    >>> item_parts("Track A: Buying AI Responsibly")
    ('Track A: Buying AI Responsibly', [])
    >>> item_parts("Keynote: Ann Lee")
    ('Keynote', [('Ann Lee', None)])
    """
    printed = _LINK_WORDS.sub("", printed)  # '… "Title" ([abstract](../x/))': a link's words, nobody's organisation
    quoted = _QUOTE.search(printed)
    talk = quoted.group("title") if quoted else next((e for e in emphasis if a_title(e, names)), None)
    if quoted and (kind := printed[:quoted.start()].strip(_SEPARATORS)) and role_of_title(kind) == kind \
            and not printed[quoted.end():].strip(_SEPARATORS):
        return f"{kind}: {talk.strip(_SEPARATORS)}", []  # 'Keynote: «Title»': the talk, and the role of its people
    if talk:
        rest = printed[:quoted.start()] + " " + printed[quoted.end():] if quoted else printed.replace(talk, " ")
        rest = rest.strip(_SEPARATORS)
        if rest.startswith("(") and rest.endswith(")") and rest.count("(") == 1:
            rest = rest[1:-1]  # '"Julia for engineers" (Kim Carl)': the people in brackets
        return talk.strip(_SEPARATORS), people_strings(rest)
    dash = TALK_DASH.search(printed)
    if dash and "(" not in printed[:dash.start()] and _names_people(printed[dash.end():]) \
            and not title_like(printed[dash.end():]) \
            and (not _is_person(printed[:dash.start()], names) or _TAIL.match(printed[dash.end():])):
        return printed[:dash.start()].strip(_SEPARATORS), people_strings(printed[dash.end():])  # "Title — A (Org)"
    m = _TAIL.match(printed)
    if m and not _is_person(m.group("head"), names):
        label, rest = role_prefix(m.group("inner"))
        pieces = _plain_names(rest)
        if pieces and (label or all(looks_like_name(p) for p in pieces)):
            return m.group("head").strip(_SEPARATORS), [(p, label) for p in pieces]
    dash = _DASH.search(printed)
    if dash and not m and person(printed[dash.end():]).name and not title_like(printed[dash.end():]) \
            and not _NUMBERED.fullmatch(printed[:dash.start()].strip()):
        return printed[:dash.start()].strip(_SEPARATORS), people_strings(printed[dash.end():])
    return printed.strip(_SEPARATORS), []


# a bracket holding only the words of links beside a talk: "(abstract)", "[slides | video]", "(PDF, recording)"
_LINK_WORDS = re.compile(r"\s*[(\[]\s*(?:abstract|slides|video|recording|paper|pdf|poster|preprint|code|repo|"
                         r"details|more|bio|link|website|watch|youtube|notes)(?:\s*[,|/&]\s*(?:abstract|slides|video|"
                         r"recording|paper|pdf|poster|preprint|code|repo|details|more|bio|link|website|watch|youtube|"
                         r"notes))*\s*[)\]]", re.I)


_TITLE_WORD = re.compile(r"\b\w{3,}(?:tions?|sions?|ments?|ities|ness|ology|ologies)\b", re.I)


def title_like(printed: str) -> bool:
    """True for the rest of a title after its colon or dash that capitals make look like a name: it opens with an
    article or a gerund of three words or more, it holds a word of a topic, or it runs to five words or more without
    an honorific ("Track A: Threat Intelligence Sharing Across Borders", "… – The National Cyber Resilience Index",
    "… – National Crisis Simulations", "Track B: Keeping Municipal Services Online").

    >>> [title_like(t) for t in ("The National Cyber Resilience Index", "National Crisis Simulations",
    ...                          "Keeping Municipal Services Online", "Threat Intelligence Sharing Across Borders")]
    [True, True, True, True]
    >>> [title_like(t) for t in ("Ann Lee", "Dr. Maria de la Cruz Ortega", "Xiaoming Wang", "Jan van der Berg (Acme)")]
    [False, False, False, False]
    """
    head = re.split(r"\s*[(,]", printed.strip(), maxsplit=1)[0]
    parts = split_name(head)
    words = [w for w in (parts.name or "").split() if w[:1].isupper()]
    return bool(re.match(r"(?:the|a|an)\s", head, re.I) or _TITLE_WORD.search(head)
                or len(words) >= 3 and re.fullmatch(r"[A-Z]\w{3,}ing", words[0])
                or len(words) >= 5 and not parts.honorific)


def _names_people(printed: str) -> bool:
    """True when every piece of a people string names a person ("Ann Lee (Acme)", "A, CEO, Acme and B")."""
    found = people_strings(printed)
    return bool(found) and all(_names_one(p) for p, _ in found)


def a_title(printed: str, names) -> bool:
    """True for italic text that reads as a talk's title, not a name: "Governing Frontier Models Under
    Uncertainty." (five words and more, a full stop or question mark, or a small word of a title)."""
    words = printed.strip(" .").split()
    titled = len(words) >= 5 or printed.rstrip().endswith((".", "?", "!")) or any(w.lower() in _TITLE_WORDS for w in words)
    return len(printed) > 3 and printed not in names and (titled or not looks_like_name(printed))


_TITLE_WORDS = {"of", "the", "for", "in", "on", "with", "to", "a", "an", "and", "at", "from", "by", "is", "are", "how",
                "why", "what", "when", "not", "our", "your", "into", "after", "under", "beyond", "vs", "versus"}


def has_quote(printed: str) -> bool:
    """True when a line prints a quoted title ("…", “…”)."""
    return bool(_QUOTE.search(printed))


def _is_person(head: str, names) -> bool:
    return head.strip() in names or (looks_like_name(head) and len(without_honorific(head).split()) <= 4)


def people_strings(printed: str) -> list[tuple[str, str | None]]:
    """The people of a line, each as printed with the label before them: "Speakers: A, Title, Org and B, Org"
    is two people; "Ann Lee and Bo Chan" two names; a singular label ("Moderator: A; B") names the first only
    (a group's, "Panel: A (Org), B (Org)", all); a labelled piece after a semicolon has its own label.

    >>> people_strings("Panel: Ann Lee (NSM), Bo Chan (Telenor); moderated by Cy Dee")
    [('Ann Lee (NSM)', 'Panel'), ('Bo Chan (Telenor)', 'Panel'), ('Cy Dee', 'Moderator')]
    >>> people_strings("Dr Ann Lee (NSM) im Gespräch mit Bo Chan (Acme)")
    [('Dr Ann Lee (NSM)', None), ('Bo Chan (Acme)', 'im Gespräch mit')]
    """
    printed = without_attendance(printed)  # "Panellists: Ms Ada Obi (virtual), Capt Ravi Menon, …": three names
    if (talk := CONVERSATION.search(printed)) and talk.start() > 0:
        # "A (Org) in conversation with B (Org)", "A im Gespräch mit B": B leads the conversation
        return people_strings(printed[:talk.start()]) + [
            (p, talk.group("with").strip()) for p, _ in people_strings(printed[talk.end():])]
    label, rest = role_prefix(printed)
    rest = country_last(rest)  # "Solomon Islands – Mr Derek Mane, Director …": the person, then the country
    rest = _AFTER_LAST_BRACKET.sub(")", rest)  # "… and Dr Bo Chan (Inria, France).": the sentence's full stop
    by = bool(_BY_VERB.match(printed))  # "Presented by: A (X), B (Y)": a verb's label is everyone's
    parts = _SEMICOLON.split(rest)
    tail: list[tuple[str, str | None]] = []
    while len(parts) > 1 and role_prefix(parts[-1])[0]:  # "A (NSM), B (Telenor); moderated by C"
        own, named_ = role_prefix(parts.pop())
        tail = [(p, own) for p, _ in people_strings(named_)] + tail
    rest = "; ".join(parts)
    pieces = listed(rest)
    if len(pieces) > 1:
        return [(p, label if k == 0 or by or plural(label) else None) for k, p in enumerate(pieces)] + tail
    shared = _shared(rest)
    if len(shared) > 1:
        return [(p, label) for p in shared] + tail
    plain = _plain_names(rest, plural(label))
    if len(plain) > 1 and all(looks_like_name(p) or placeholder(p) for p in plain):
        return [(p, label) for p in plain] + tail
    return [(p, label) for p in _and_split(rest) if p] + tail


_BY_VERB = re.compile(r"^\s*\w+ed\s+by\b", re.I)
_AFTER_LAST_BRACKET = re.compile(r"\)\s*[.;,]+\s*$")
_SEMICOLON = re.compile(r"\s*;\s*(?![^()]*\))")
# a list's cuts: semicolons, and middle dots or bullets between people ("A (X) · B (Y) · C (Z)"), outside brackets
_LIST_CUT = re.compile(r"\s*;\s*(?![^()]*\))|\s+[·•]\s+(?![^()]*\))")
_AFTER_BRACKET = re.compile(rf"(?<=\))\s*(?:[,;]\s*(?:{AND_WORDS}\s+)?|{AND_WORDS}\s+)")


def listed(printed: str) -> list[str]:
    """Several people in one string, cut at semicolons outside brackets and between bracketed people
    ("A (Org), B (Org) and C (Org)"), when every piece names a person; else the string whole.

    >>> listed("Al Bo (Acme), Cy Dee (Beta) and Di Eve (Gamma)"), listed("Al Bo, CEO, Acme; Cy Dee, CTO, Beta")
    (['Al Bo (Acme)', 'Cy Dee (Beta)', 'Di Eve (Gamma)'], ['Al Bo, CEO, Acme', 'Cy Dee, CTO, Beta'])
    >>> listed("Al Bo (Acme), Chief Executive"), listed("Al Bo, Professor of Law; Head of Research")
    (['Al Bo (Acme), Chief Executive'], ['Al Bo, Professor of Law; Head of Research'])
    >>> listed("Mei Tan (Civic Data, Singapore) · Olu Ade (Nigeria)"), listed("Ann Lee · CTO · Acme")
    (['Mei Tan (Civic Data, Singapore)', 'Olu Ade (Nigeria)'], ['Ann Lee · CTO · Acme'])
    >>> listed("Dr. Ines Carvalho, Director, Orbis · Adjunct Professor, University of Porto (Portugal)")
    ['Dr. Ines Carvalho, Director, Orbis · Adjunct Professor, University of Porto (Portugal)']
    """
    parts = _LIST_CUT.split(printed)
    if len(parts) > len(_SEMICOLON.split(printed)) and any("," in before_bracket(p.strip()) for p in parts):
        parts = _SEMICOLON.split(printed)  # "A, Director, X · Adjunct Professor, Y": a dot between two positions
    pieces = [p for part in parts for b in _bracketed(part.strip()) for p in _shared(b) if p]
    if len(pieces) > 1 and all(_names_one(p) or placeholder(p) for p in pieces) \
            and not all(placeholder(p) for p in pieces):
        return pieces
    return [printed]


def placeholder(printed: str) -> bool:
    """True for a piece of a list of people that stands for nobody yet ("TBA", "N.N.", "Intervenant·e à confirmer"):
    a piece of its own, which ``ingest.tidy`` drops with a note.

    >>> listed("Lucie Marin (Quai Ouest), Intervenant·e à confirmer"), listed("Al Bo (Acme); TBA")
    (['Lucie Marin (Quai Ouest)', 'Intervenant·e à confirmer'], ['Al Bo (Acme)', 'TBA'])
    """
    return _DEFAULTS.is_placeholder(printed)


_DEFAULTS = Settings()


def _shared(printed: str) -> list[str]:
    """People joined by "and" or commas before one bracket, each with it: "A and B (Lab C)" is "A (Lab C)",
    "B (Lab C)"; so is an author list "A, B (Lab C)", when every piece is a name (no job title, no organisation).

    >>> _shared("Ingrid Novak and Ingrid Popescu (Lab C)"), _shared("Ann Lee (Acme)")
    (['Ingrid Novak (Lab C)', 'Ingrid Popescu (Lab C)'], ['Ann Lee (Acme)'])
    >>> _shared("Ann Lee, Bo Chan (Lab C)"), _shared("Ann Lee, Chief Editor (Lab C)")
    (['Ann Lee (Lab C)', 'Bo Chan (Lab C)'], ['Ann Lee, Chief Editor (Lab C)'])

    Only the first piece printed with an honorific: one person and her employer ("Prof. Ann Lee, Tide Lab (Norway)").
    """
    m = _TAIL.match(printed)
    if not m:
        return [printed]
    if re.fullmatch(HONORIFIC_BRACKET, f"({m.group('inner')})"):
        return _shared_rank(m.group("head"), m.group("inner"))
    names = [n.strip() for n in _AND.split(m.group("head"))]
    if len(names) == 1 and "," in names[0]:
        names = [n.strip() for n in names[0].split(",")]
        # "Sam Osei, Legal Counsel, Accra Digital Hub (Ghana)": one person, a position and a country, no authors
        if not all(a_name(unmarked(n)) for n in names) or _addressed_first(names) or _bare_country(m.group("inner")):
            return [printed]
    if len(names) < 2 or not all(looks_like_name(unmarked(n)) and "," not in n and "(" not in n for n in names):
        return [printed]
    return [f"{n} ({m.group('inner')})" for n in names]


def _shared_rank(head: str, inner: str) -> list[str]:
    """A list whose last person prints a retired rank's "(Ret.)": that person's alone ("Dr. Maya Chen, Sipho
    Ndlovu, Maj. Gen. Anne Kowalski (Ret.)"), each other person as printed.

    >>> _shared_rank("Dr. Maya Chen, Maj. Gen. Anne Kowalski", "Ret.")
    ['Dr. Maya Chen', 'Maj. Gen. Anne Kowalski (Ret.)']
    """
    names = [n.strip() for n in re.split(rf",\s*|{_AND.pattern}", head) if n.strip()]
    if len(names) < 2 or not all(looks_like_name(unmarked(n)) for n in names):
        return [f"{head} ({inner})"]
    return [*names[:-1], f"{names[-1]} ({inner})"]


def _addressed_first(names: list[str]) -> bool:
    """True when only the first of a comma list opens with an honorific ("Prof. Ann Lee, Tide Lab"): the rest is
    her position, not more authors.

    >>> _addressed_first(["Prof. Ann Lee", "Tide Lab"]), _addressed_first(["Ann Lee", "Bo Chan"])
    (True, False)
    """
    return bool(split_name(names[0]).honorific) and not any(split_name(n).honorific for n in names[1:])


def _bracketed(printed: str) -> list[str]:
    """People cut after their brackets; the last may print its organisation after a comma instead ("A (Org), B
    (Org) and Prof. C, University of D"), or nothing ("A (Org), B").

    >>> _bracketed("Sanne de Wit (Harbour Security B.V.), Kwame Asante-Boateng")
    ['Sanne de Wit (Harbour Security B.V.)', 'Kwame Asante-Boateng']
    >>> _bracketed("Al Bo (Acme), Chief Executive"), _bracketed("Al Bo (Director), Northwind Tide")
    (['Al Bo (Acme), Chief Executive'], ['Al Bo (Director), Northwind Tide'])
    >>> _bracketed("Al Bo, Director, Tide Council (TC), Port Sea")
    ['Al Bo, Director, Tide Council (TC), Port Sea']
    """
    pieces = [p.strip() for p in _AFTER_BRACKET.split(printed)]
    if len(pieces) < 2 or not all(_TAIL.match(p) for p in pieces[:-1]):
        return [printed]
    # a bare name last, after people printed as "Name (Org)" whose brackets hold no job title ("A (Director),
    # Northwind Tide": its employer; "A, Director, Council (SERC), A*STAR": a position's last part)
    heads = [_TAIL.match(p) for p in pieces[:-1]]
    names_only = all(m and "," not in m.group("head") and looks_like_name(m.group("head"))
                     and not_a_person(m.group("inner")) not in ("a job title", "a heading") for m in heads)
    if _ends_list(pieces[-1], names_only):
        return pieces
    # the last two joined by "and", each ending the list ("…, Mara Lenz und Herr Dr. Peter Wolf, Deutsche Telekom")
    last = [p.strip() for p in _AND.split(pieces[-1], maxsplit=1)]
    if len(last) == 2 and all(_ends_list(p, names_only) for p in last):
        return pieces[:-1] + last
    return [printed]


def _ends_list(piece: str, names_only: bool) -> bool:
    """True when ``piece`` can end a list of people printed as "Name (Org)": one too, a name and its position after
    a comma, or (after people whose brackets hold no job, ``names_only``) a bare name or a placeholder."""
    bare = names_only and (looks_like_name(piece) and a_name(piece) and not _ORG_WORD.search(piece) or placeholder(piece))
    return bool(_TAIL.match(piece) or ("," in piece and looks_like_name(piece.split(",")[0])) or bare)


def _names_one(printed: str) -> bool:
    """True when a string names one person, with an honorific that is also a job word ("Ambassador Jo Ray (Chile)").

    >>> _names_one("Ambassador Jo Ray (Chile)"), _names_one("Minister Jo Ray"), _names_one("Head of Research")
    (True, True, False)
    """
    name = person(printed).name
    return bool(name) and looks_like_name(name) and a_name(name)


def a_name(printed: str) -> bool:
    """True when ``printed`` without its honorific is no job title, heading or organisation ("Ambassador Jo Ray"
    is a person, though "Ambassador" is a job word).

    >>> a_name("Ambassador Jo Ray"), a_name("Amb. Jo Ray"), a_name("Ambassador"), a_name("Ministry of Health")
    (True, True, False, False)
    """
    return not_a_person(without_honorific(printed)) is None


def _plain_names(printed: str, plural: bool = False) -> list[str]:
    """The names of "A and B", "A, B & C" (no commas without an "and": "Jo Ray, Technology Editor" is one person,
    unless a plural label stands before names only: "Speakers: Jo Ray, Bo Chan").

    >>> _plain_names("Jo Ray, Bo Chan"), _plain_names("Jo Ray, Bo Chan", True), _plain_names("Jo Ray, Editor", True)
    (['Jo Ray, Bo Chan'], ['Jo Ray', 'Bo Chan'], ['Jo Ray, Editor'])
    """
    if "," in printed and not _EN_AND.search(printed):
        # "Ann Lee, Bo Chan en dr. Cy Dee": the last joined by another language's "and" (``joined_people``)
        pieces = [q.strip() for p in outside_brackets(re.compile(","), printed) for q in joined_people(p.strip())]
        if plural and len(pieces) > 1 and all(looks_like_name(before_bracket(p)) and a_name(before_bracket(p))
                                              or placeholder(p) for p in pieces):
            return pieces
        return [printed.strip()] if printed.strip() else []
    return [n for n, _ in split_people(printed)]


def before_bracket(printed: str) -> str:
    """A person's string without the bracket after the name ("Jo Ray (Port Agency)" → "Jo Ray"), which says who
    the person is with, not who the person is.

    >>> before_bracket("Jo Ray (Harbour Security B.V.)"), before_bracket("Jo Ray")
    ('Jo Ray', 'Jo Ray')
    """
    m = _TAIL.match(printed)
    return m.group("head").strip() if m else printed


def _and_split(printed: str) -> list[str]:
    """People joined after a position ("A, CEO, Acme and Dr B, …"): cut at "and" where a name follows, and at ";" or
    "," where an honorific and a name follow ("A, CEO, Acme, Ms B, CTO, Beta").

    >>> _and_split("Al Bo, CEO, Acme and Amb. Cy Dee, Envoy, Chile"), _and_split("Al Bo, CEO, Acme, Ms Cy Dee, Beta")
    (['Al Bo, CEO, Acme', 'Amb. Cy Dee, Envoy, Chile'], ['Al Bo, CEO, Acme', 'Ms Cy Dee, Beta'])
    >>> _and_split("Al Bo, CEO, Acme, Dr Cy Dee and Dr Di Eve")
    ['Al Bo, CEO, Acme', 'Dr Cy Dee', 'Dr Di Eve']
    >>> _and_split("Al Bo, Head of Policy and Research, Acme"), _and_split("Al Bo, Acme, Minister for Ports Affairs")
    (['Al Bo, Head of Policy and Research, Acme'], ['Al Bo, Acme, Minister for Ports Affairs'])
    """
    out, start = [], 0
    for m in _JOINER.finditer(printed):
        before, after = printed[start:m.start()], printed[m.end():]
        positioned = "," in before or bool(out) and looks_like_name(before)  # "A, CEO, Acme, Dr B and Dr C"
        joiner = m.group("word") or m.group("mark")
        if positioned and before.count("(") == before.count(")") and _next_person(after, joiner):
            out.append(before.strip(_SEPARATORS))
            start = m.end()
    return out + [printed[start:].strip(_SEPARATORS)]


_JOINER = re.compile(rf"(?:\s*,)?\s+(?P<word>{AND_WORDS})\s+|\s*(?P<mark>[;,])\s*")  # "A, X and B", "A, X, and B", "A, X; B"
_HEAD = re.compile(rf"\s*[,(–—;]\s*|\s+-\s+|\s+{AND_WORDS}\s+")  # where the name of a string of people ends


def _next_person(after: str, joiner: str) -> bool:
    """True when the text after a joiner opens with a person: after "and", a name; after "," or ";", an honorific and
    a name ("Ms Cy Dee"; not an office printed as one, "Minister Counsellor", after a comma)."""
    head = _HEAD.split(after, maxsplit=1)[0]
    if not looks_like_name(head):
        return joiner == ";" and _addressed(head)  # "…; Ms Ana a/p Ravi, Head, Port": a name read or not, a person
    if not a_name(head):
        return False
    honorific = split_name(head).honorific
    if joiner == "," and not honorific and _job_follows(after[len(head):]):
        return True  # "…, Magdalena Wójcik, Direktorin für …": a name, then its own job
    return joiner not in (",", ";") or bool(honorific) and (joiner == ";" or not has_job_word(honorific))


def _job_follows(rest: str) -> bool:
    """True when what follows a name is a comma and a job title ("…, Direktorin für Cyberdiplomatie").

    >>> _job_follows(", Direktorin für Cyberdiplomatie, Ministry"), _job_follows(", Kestrel Labs"), _job_follows(" and")
    (True, False, False)
    """
    m = re.match(r"\s*,\s*(?P<part>[^,;()]+)", rest)
    return bool(m) and has_job_word(m.group("part").split()[0]) and not looks_like_name(m.group("part"))


def _addressed(head: str) -> bool:
    """True for an honorific (no job word) before two to five words opening and closing in capitals: "Ms Ana a/p
    Ravi" is someone, whether or not the name reads as one.

    >>> _addressed("Ms Ana a/p Ravi"), _addressed("Minister Counsellor"), _addressed("Ms")
    (True, False, False)
    """
    split = split_name(head)
    words = (split.name or "").split()
    return bool(split.honorific) and not has_job_word(split.honorific) and 2 <= len(words) <= 5 \
        and words[0][:1].isupper() and words[-1][:1].isupper() and a_name(head)


def addressed_after(found: list[tuple[str, str | None]]) -> bool:
    """True when every person after the first opens with an honorific and a name (as ``_next_person`` cuts them).

    >>> addressed_after(people_strings("Al Bo, CEO, Acme and Ms Cy Dee, CTO, Beta"))
    True
    >>> addressed_after(people_strings("Al Bo and Cy Dee")), addressed_after(people_strings("Al Bo, CEO, Acme"))
    (False, False)
    """
    return len(found) > 1 and all(split_name(_HEAD.split(p, maxsplit=1)[0]).honorific for p, _ in found[1:])


_RANK_TAIL = re.compile(rf"\s*{HONORIFIC_BRACKET}\s*$")


def person(printed: str, label: str | None = None) -> Person:
    """One person's string: "Name (Org)" (a job title in the bracket is a title), else as ``FREE_TEXT`` reads it.

    A bracket naming no job title is the organisation whole (a country after it is the country's to read), and ";"
    sets two apart:

    >>> brief(person("Al Bo (Harbour College, University of Examplia, UK)"))
    ('Al Bo', [(None, 'Harbour College, University of Examplia, UK')])
    >>> brief(person("Al Bo (Tide Centre; Port University)")), brief(person("Al Bo (Director, Tide Centre)"))
    (('Al Bo', [(None, 'Tide Centre'), (None, 'Port University')]), ('Al Bo', [('Director', 'Tide Centre')]))

    Brackets after brackets are read right to left: a bare country is the country, the bracket before it the
    position; a bracket inside a bracket is part of it ("Examplia Port Authority (EPA)"):

    >>> brief(person("Al Bo (Tide Lab) (Norway)")), brief(person("Al Bo (Examplia Port Authority (EPA))"))
    (('Al Bo', [(None, 'Tide Lab, Norway')]), ('Al Bo', [(None, 'Examplia Port Authority (EPA)')]))
    """
    printed = without_handles(printed)
    if (rank := _RANK_TAIL.search(printed)) and looks_like_name(printed[:rank.start()]):
        return Person(printed, [])  # "VADM Robert Kessler (Ret.)": a retired rank, no organisation
    head, brackets = trailing_brackets(printed)
    if len(brackets) > 1 or any("(" in b for b in brackets):
        countries = []
        while len(brackets) > 1 and _bare_country(brackets[-1]):
            countries.insert(0, brackets.pop())
        head = head + "".join(f" ({b})" for b in brackets[:-1])  # more brackets: the name holds one (no name)
        printed = f"{head} ({', '.join(brackets[-1:] + countries)})"
        return _bracketed_person(head, ", ".join(brackets[-1:] + countries)) or split_person(printed, reading=FREE_TEXT)
    m = _TAIL.match(printed)
    if m:
        found = _bracketed_person(m.group("head"), m.group("inner"))
        if found:
            return found
    return split_person(printed, reading=FREE_TEXT)


_HANDLE = re.compile(r"(?<=\()\s*@[\w.-]+\s*(?:,\s*|(?=\)))|\s*,\s*@[\w.-]+(?=\s*[,)])")


def without_handles(printed: str) -> str:
    """A person's string without the social handles printed beside the organisation ("(@annlee, Quillstack)") and
    the addresses an export prints for a linked name ("Ana Ruiz (../People%2077aa/Ana%20Ruiz%20c3d4.md)").

    >>> without_handles("Ann Lee (@annlee, Quillstack)"), without_handles("Bo Chan (@bochan)"), without_handles("A (B, @c)")
    ('Ann Lee (Quillstack)', 'Bo Chan', 'A (B)')
    >>> without_handles("Ana Ruiz (../People%2077aa/Ana%20Ruiz%20c3d4.md), Bo Chen (https://x.org/bo)")
    'Ana Ruiz, Bo Chen'
    """
    printed = without_attendance(without_addresses(printed))  # "Ana Ruiz (../People/Ana%20Ruiz.md)", "(virtual)"
    return re.sub(r"\s*\(\s*\)", "", _HANDLE.sub("", printed)) if "@" in printed else printed


def _bracketed_person(head: str, inner: str) -> Person | None:
    """"Name (inner)": a job title in the bracket is a title, else the organisation whole; ``None`` when the head
    reads as no name or the bracket as a title and more (``FREE_TEXT`` reads those); a head holding a position
    ("Lic. Ana Ruiz, Fundadora, Kestrel A.C." before "(México)") is no name, though a family name first may print
    a comma ("Ruiz, Ana").

    >>> _bracketed_person("Ann Lee, Arctic Ocean Data Centre", "Norway") is None
    True
    >>> _bracketed_person("Eleanor Whitcombe, Pro-Vice-Chancellor", "International") is None
    True
    >>> _bracketed_person("Lic. Ana Ruiz, Fundadora, Kestrel A.C.", "México") is None, _bracketed_person("Ruiz, Ana", "Acme")
    (True, Person(name='Ruiz, Ana', positions=[Position(title=None, organisation='Acme', org_key=None, parent_key=None, parent_name=None, source=None)]))
    """
    if not looks_like_name(head) or head.count(",") > 1 or has_job_word(head.partition(",")[2]):
        return None  # "Prof. Eleanor Whitcombe, Pro-Vice-Chancellor (International)": a title's bracket
    after = head.partition(",")[2].split()
    if after and _bare_country(inner) and (len(after) >= 3 or is_body(" ".join(after))):
        return None  # "Ingrid Solheim, Arctic Ocean Data Centre (Norway)": a name, its organisation, a country
    parts = [p.strip() for p in _outside(";", inner) if p.strip()]
    if "," not in inner:
        return Person(head.strip(), [_bracket_position(p) for p in parts])
    if not any(_titled(q) for p in parts for q in _outside(",", p)):
        return Person(head.strip(), [Position(organisation=p) for p in parts])
    return None


def _outside(mark: str, printed: str) -> list[str]:
    """``printed`` cut at ``mark`` outside brackets."""
    return outside_brackets(re.compile(re.escape(mark)), printed)


def trailing_brackets(printed: str) -> tuple[str, list[str]]:
    """A string without the brackets that end it, and what they hold, in printed order; a bracket inside one is
    part of it.

    >>> trailing_brackets("Al Bo (Moderator) (Port Authority (EPA), Examplia)")
    ('Al Bo', ['Moderator', 'Port Authority (EPA), Examplia'])
    >>> trailing_brackets("Al Bo (Acme) and co"), trailing_brackets("Al Bo (Acme")
    (('Al Bo (Acme) and co', []), ('Al Bo (Acme', []))
    """
    end, found = len(printed.rstrip(" .")), []
    while end and printed[end - 1] == ")":
        depth, start = 0, None
        for i in range(end - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(printed[i], 0)
            if depth == 0:
                start = i
                break
        if start is None:
            break
        found.insert(0, printed[start + 1:end - 1].strip())
        end = len(printed[:start].rstrip())
    if not found or not printed[:end].strip():
        return printed, []
    return printed[:end], found


def _bare_country(printed: str) -> bool:
    """True for a bracket holding a country's name alone ("(Australia)")."""
    return default_countries().lookup(printed.strip(), fuzzy=False) is not None


def role_bracket(printed: str) -> tuple[str | None, str]:
    """A role word printed in a bracket among the brackets after a name, and the string without it: "Al Bo
    (Moderator) (Acme)" is the moderator Al Bo (Acme).

    >>> role_bracket("Al Bo (Moderator) (Acme Lab, Examplia)"), role_bracket("Al Bo (Acme)")
    (('Moderator', 'Al Bo (Acme Lab, Examplia)'), (None, 'Al Bo (Acme)'))
    """
    head, brackets = trailing_brackets(printed)
    for k, inner in enumerate(brackets):
        if len(brackets) > 1 and re.fullmatch(r"[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+)?", inner) and role_of(inner) \
                and not_a_person(inner) == "a heading":
            rest = brackets[:k] + brackets[k + 1:]
            return inner, head + "".join(f" ({b})" for b in rest)
    return None, printed


def _bracket_position(inner: str) -> Position:
    """What a bracket after a name holds: a job title ("Chief Economist"), else the organisation."""
    return Position(title=inner) if _titled(inner) else Position(organisation=inner)


def _titled(printed: str) -> bool:
    """True for a part of a bracket that reads as a job title or a role, not an organisation or a country."""
    return not_a_person(printed.strip()) in ("a job title", "a heading")


def people_header(printed: str) -> bool:
    """True for a word naming a group of people ("Panellists", "Speakers", "Intervenants"), no session's title.

    >>> people_header("Panellists"), people_header("Keynote"), people_header("Opening remarks")
    (True, False, False)
    """
    return bool(_PEOPLE_HEADER.match(printed.strip(" *:")))


_PEOPLE_HEADER = re.compile(r"^(?:speaker\(s\)|speakers?|people|persons?|participants?|panell?ists?|presenters?|"
                            r"moderators?|chairs?|hosts?|facilitators?|who|with|"
                            # the same in the languages of data/roles.toml: "Ponentes", "Intervenants", "Referenten"
                            r"ponentes?|oradore?s?|panelistas?|participantes|moderador(?:es|as|a)?|expositore?s?|"
                            r"conferencistas?|palestrantes?|intervenant(?:e|·e)?s?|orat(?:eur|rice)s?|"
                            r"conférencier(?:e|·e)?s?|mod[ée]rat(?:eur|rice)s?|référents?|referent(?:en|innen)?|"
                            r"redner(?:innen)?|sprecher(?:innen)?|moderation|impulse?|input|sprekers?|relatori|relatrici)"
                            r"(?!\w)(?:\s*(?:&|and|y|et|und|/|,)\s*\w+)*$", re.I)


def is_people_header(printed: str) -> bool:
    """True for a table header over a column of people ("Speakers", "Panellists", "Speakers & Moderators").

    >>> is_people_header("Speakers"), is_people_header("Speaker(s)"), is_people_header("Session"), is_people_header("Talk")
    (True, True, False, False)
    >>> is_people_header("Ponentes"), is_people_header("Leitung"), is_people_header("Input"), is_people_header("Thema")
    (True, True, True, False)
    >>> is_people_header("Lead/Speakers"), is_people_header("Item/Notes")
    (True, False)
    """
    words = printed.strip(" :*")
    if _PEOPLE_HEADER.match(words) or role_of(printed) == "moderator":  # "Leitung", "Chair"
        return True
    parts = [p for p in re.split(r"\s*(?:/|&|\+|\band\b|,)\s*", words) if p]
    # "Lead/Speakers", "Lead & presenters": one of the words a people header's
    return len(parts) > 1 and any(_PEOPLE_HEADER.match(p) for p in parts) and all(len(p.split()) <= 2 for p in parts)


def labelled_line(text: str) -> str | None:
    """The first line of ``text`` that prints something after a role label ("Speakers: …"): people printed, for a
    note when none of them could be read.

    >>> labelled_line("A talk on tides.\\nSpeakers: Al Bo (Acme) & co"), labelled_line("A talk on tides.")
    ('Speakers: Al Bo (Acme) & co', None)
    """
    for line in text.replace("\r\n", "\n").split("\n"):
        printed = " ".join(line.split())
        own, rest = role_prefix(printed)
        if own and rest:
            return printed
    return None


def named(found: list[tuple[str, str | None]]) -> list[person_line.Person]:
    """People printed as strings ``item_parts`` or ``people_strings`` cut ("Ann Lee (Acme)"), each with its label;
    of a paper's authors with one marked as presenting, that one (``presenting``)."""
    out = []
    for printed, label in presenting(found):
        own, bare = role_after_name(printed)  # "Ann Lee, moderator, Acme": her own role word
        bracketed, bare = role_bracket(bare)  # "Ann Lee (Moderator) (Acme)"
        split = person(bare) if not placeholder(printed) else Person(printed, [])  # "TBA": tidy's to drop, with a note
        if office_not_role(label, own):
            # "Closing remarks: H.E. Ann Roy, Chair": she gives the remarks; "Chair" is her office at the meeting
            split.positions = split.positions or [Position(title=own)]
            own = None
        label = own or bracketed or label
        if split.name and "(" in re.sub(HONORIFIC_BRACKET, "", split.name):
            # "Al Bo (Acme) (Port) (Examplia)": brackets the name cannot hold (a rank's "(R)", "(Ret.)" it can)
            person_line.unread(printed, printed, label)
        elif split.name:
            out.append(person_line.Person(unmarked(split.name), split.positions, label, printed, True))
        elif label:
            person_line.unread(f"{label}: {printed}", printed)
    return out


def presenting(found: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Of a paper's authors, the one marked as presenting ("Ann Lee* (Lab A), Bo Chan (Lab B)": an asterisk after
    the name, or the name underlined, which readers mark so) when exactly one of several is: the one who spoke; the
    others wrote the paper and are no appearance. Any other list as it is.

    >>> presenting([("Ann Lee* (Lab A)", None), ("Bo Chan (Lab B)", None)])
    [('Ann Lee* (Lab A)', None)]
    >>> presenting([("Ann Lee* (Lab A)", None), ("Bo Chan* (Lab B)", None)]) == [("Ann Lee* (Lab A)", None), ("Bo Chan* (Lab B)", None)]
    True
    """
    marked = [(p, label) for p, label in found if _presenter_mark(p)]
    return marked if len(found) > 1 and len(marked) == 1 else found


def _presenter_mark(printed: str) -> bool:
    """True when a person's string prints an asterisk right after the name ("Ann Lee* (Lab A)", "Ann Lee\\*")."""
    head = before_bracket(printed).strip()
    return head.endswith("*") and unmarked(head) != head


def split_labelled(lines: list[Line]) -> list[Line]:
    """A labelled line naming several people ("Speakers: A, CEO, Acme and B, CTO, Beta") as one line each.

    >>> [ln.text for ln in split_labelled([Line("Speakers: Ann Lee and Bo Chan"), Line("Ann Lee and Bo Chan")])]
    ['Speakers: Ann Lee', 'Speakers: Bo Chan', 'Ann Lee and Bo Chan']
    >>> [ln.text for ln in split_labelled([Line("Speaker: Ann Lee, Minister for ICT and National Guidance")])]
    ['Speaker: Ann Lee, Minister for ICT and National Guidance']
    """
    out = []
    lines = [Line(given_in_bracket(ln.text), ln.bold, ln.strong) if "(" in ln.text else ln for ln in lines]
    for line in [part for line in lines for part in _labelled_sentences(line)]:
        if "*" in line.text and len(found := people_strings(line.text)) > 1 and len(one := presenting(found)) == 1:
            out.append(Line(f"{one[0][1]}: {one[0][0]}" if one[0][1] else one[0][0]))  # the presenting author
            continue
        own, rest = role_prefix(line.text)
        if bold := by_bold(line):  # "<b>Ann Lee</b>, CTO, Acme and <b>Bo Chan</b>, Lead, Beta": a bold name each
            out += [Line(f"{own}: {p}" if own else p, name) for p, name in bold]
            continue
        if len(listed(rest)) > 1:  # "Panelists: A (Org), B (Org)", "A (Org); B (Org)"
            out += [Line(f"{own}: {p}" if own and label else p) for p, label in people_strings(line.text)]
            continue
        # "Speaker: H.E. Ann Lee, Minister for ICT and National Guidance" is one person: a label in the singular;
        # "Facilitated by Capt. Al Bo, Head, Navy and Ms Cy Dee, Lead, Port" two, the second with her honorific
        pieces = people_strings(line.text) if rest and (own and plural(own) or _JOINER.search(rest)) else []
        if len(pieces) > 1 and own and plural(own):
            out += [Line(f"{label or own}: {p}") for p, label in pieces]
        elif addressed_after(pieces):
            out += [Line(f"{label}: {p}" if label else p) for p, label in pieces]
        else:
            out.append(line)
    return out


_BOLD_JOINER = re.compile(rf"(?:\s*[,;]\s*(?:{AND_WORDS}\s+)?|\s+{AND_WORDS}\s+)$", re.I)


def by_bold(line: Line) -> list[tuple[str, str]]:
    """The people of a line that prints each name in bold, after a role label or none ("Speaker: <b>Ann Lee</b>,
    CTO, Acme and <b>Bo Chan</b>, Lead, Beta"), each with its name: cut before each bold name after the first,
    where a joiner ends the text before it; none when fewer than two bold runs are names.

    >>> by_bold(Line("Speaker: Ann Lee , CTO, Acme and Bo Chan , Lead, Beta", "", ("Ann Lee", "Bo Chan")))
    [('Ann Lee , CTO, Acme', 'Ann Lee'), ('Bo Chan , Lead, Beta', 'Bo Chan')]
    >>> by_bold(Line("Join Ann Lee and Bo Chan on tides", "", ("Ann Lee", "Bo Chan")))
    []
    """
    names = [n for n in line.strong if looks_like_name(n) and a_name(n)]
    if len(names) < 2:
        return []
    rest = role_prefix(line.text)[1]
    cuts, at = [], 0
    for name in names:
        at = rest.find(name, at)
        if at < 0:
            return []
        cuts.append(at)
        at += len(name)
    if rest[:cuts[0]].strip(_SEPARATORS):
        return []  # words before the first name: a sentence, not a list of people
    pieces = [rest[a:b] for a, b in zip(cuts, [*cuts[1:], len(rest)])]
    joined = [_BOLD_JOINER.search(p) for p in pieces[:-1]]
    if not all(joined):
        return []
    pieces = [p[:m.start()] for p, m in zip(pieces, joined)] + pieces[-1:]
    return [(p.strip(_SEPARATORS), n) for p, n in zip(pieces, names)]


_NEXT_LABEL = re.compile(r"(?:(?<=[.;)])\s+|\s*[|·•]\s*)(?=(?P<label>[A-Z][^\W\d_]+(?:\s[^\W\d_]+){0,2}"
                         + GENDER_ENDING + r"?)\s*:\s)")


def _labelled_sentences(line: Line) -> list[Line]:
    """One line per role label when a line prints several ("Moderator: A (Org). Panellists: B (Org), C (Org)").

    >>> [ln.text for ln in _labelled_sentences(Line("Moderator: Al Bo (Acme). Panellists: Cy Dee (Beta), Di Eve (Gamma)"))]
    ['Moderator: Al Bo (Acme)', 'Panellists: Cy Dee (Beta), Di Eve (Gamma)']
    >>> [ln.text for ln in _labelled_sentences(Line("Moderator: Al Bo | Speakers: Cy Dee, Di Eve"))]
    ['Moderator: Al Bo', 'Speakers: Cy Dee, Di Eve']
    """
    cuts = [m.start() for m in _NEXT_LABEL.finditer(line.text) if role_of(m.group("label"))]
    if not cuts or not role_prefix(line.text)[0]:
        return [line]
    pieces = [line.text[a:b] for a, b in zip([0, *cuts], [*cuts, len(line.text)])]
    return [Line(p.strip(" |·•").rstrip(".;").strip(), "", tuple(n for n in line.strong if n in p))
            for p in pieces if p.strip(" |·•")]


# "… (Moderator)", "… – *Moderator*": a role printed after the person
_ROLE_TAIL = re.compile(r"^(?P<rest>.*?\S)\s*(?:\((?P<label>[A-Za-z][A-Za-z -]{1,30})\)|\s[–—-]\s+[*_]{0,2}"
                        r"(?P<dashed>[A-Za-z][A-Za-z -]{1,30}?)[*_]{0,2})[\s.]*$")


def role_tail(text: str) -> tuple[str, str] | None:
    """A person's text without the role printed after it, and that role ("… (Moderator)", "… – *Moderator*");
    ``None`` when it prints none.

    >>> role_tail("Al Bo, CEO, Acme – *Moderator*"), role_tail("Al Bo (Chief Economist)")
    (('Al Bo, CEO, Acme', 'Moderator'), None)
    """
    m = _ROLE_TAIL.match(text)
    label = ((m.group("label") or m.group("dashed")) or "").strip() if m else ""
    if not m or not role_of(label) or not_a_person(label) != "a heading":
        return None
    return m.group("rest"), label


def role_suffix(line: Line) -> Line:
    """A person line ending in a bracketed role ("Al Bo, CEO, Acme (Moderator)") as "Moderator: Al Bo, CEO, Acme".

    >>> role_suffix(Line("Al Bo, CEO, Acme (Moderator)")).text, role_suffix(Line("Al Bo (Chief Economist)")).text
    ('Moderator: Al Bo, CEO, Acme', 'Al Bo (Chief Economist)')
    >>> role_suffix(Line("Speakers: Al Bo, CEO, Acme (Moderator)")).text, role_suffix(Line("Chair: Al Bo (Host)")).text
    ('Moderator: Al Bo, CEO, Acme', 'Chair: Al Bo (Host)')
    >>> role_suffix(Line("Al Bo, Chair of Law, Rhine University (Germany) – *Moderator*")).text
    'Moderator: Al Bo, Chair of Law, Rhine University (Germany)'
    """
    if (tail := role_tail(line.text)) is None:
        return line
    rest, label = tail
    own, after = role_prefix(rest)
    if own and role_of(own) != "speaker":
        return line
    # "Speakers: Ann Lee, CTO, Acme (Moderator)", a piece of a list under a generic label: her own role
    return Line(f"{label}: {after if own else rest}", line.bold, line.strong)


_LINKS_ONLY = re.compile(r"(?:\s*(?:,|and|&)?\s*(?:twitter|x|mastodon|bluesky|linkedin|github|gitlab|website|web|"
                         r"site|blog|homepage|home page|slides|video|youtube|instagram|facebook|threads|email))+\s*",
                         re.I)
_TALK_AFTER = re.compile(r"^(?P<person>[^()\u2013\u2014]{3,80}\([^()]{2,120}\))\s+[\u2013\u2014-]\s+(?P<talk>\S.{3,})$")


def without_talk(line: Line) -> Line:
    """A person line without the talk's title printed after its bracket: "Emir Hodžić (Open Data Initiative,
    Bosnia and Herzegovina) – Mapping public CCTV" (a lightning talk's list) is Emir Hodžić (…).

    >>> without_talk(Line("Emir Hodzic (Open Data Initiative, Bosnia) – Mapping CCTV")).text
    'Emir Hodzic (Open Data Initiative, Bosnia)'
    >>> without_talk(Line("Panel (Room 2) – Tides")).text
    'Panel (Room 2) – Tides'
    """
    m = _TALK_AFTER.match(line.text)
    if m is None or not looks_like_name(m.group("person").split("(")[0].strip()) or role_prefix(m.group("person"))[0] \
            or _LINKS_ONLY.fullmatch(m.group("person").split("(", 1)[1].rstrip(")")):
        return line  # "Ann Lee (twitter, website) - Talk": her links, no organisation (a blog post's lineup)
    return Line(m.group("person"), line.bold if line.bold and m.group("person").startswith(line.bold) else "",
                line.strong)


# "X is (a) Title at Org": the organisation after "at", else after "with", "of" or "for" ("Ambassador-at-Large for
# Cyber Diplomacy at the Ministry of …": at the ministry)
_BIOS = [re.compile(r"^(?P<name>[^,;:()]{4,60}?)\s+(?:is|was)\s+(?:(?:a|an|the)\s+)?(?P<title>[^.;()]{3,90}?)\s+"
                    rf"{joiner}\s+(?:the\s+)?(?P<org>[A-Z][^.;()]{{2,100}}?)(?=\s*(?:,\s*(?:where|which|who|"
                    r"and|since)\b|\.(?:\s|$)|$))") for joiner in ("at", "with", "of", "for")]


def bio_line(line: Line) -> Line:
    """A biography's first sentence opening with a bold name as that person's line: "**Dr Ana Lima** is a Research
    Fellow at the Lisbon Institute for Strategic Studies, where she works …" is "Dr Ana Lima, Research Fellow, Lisbon
    Institute for Strategic Studies".

    >>> bio_line(Line("Dr Ana Lima is a Research Fellow at the Lisbon Institute, where she works on law.", "Dr Ana Lima")).text
    'Dr Ana Lima, Research Fellow, Lisbon Institute'
    >>> bio_line(Line("Amb. Kai Tamm is Ambassador-at-Large for Cyber at the Ministry of Affairs.", "Amb. Kai Tamm")).text
    'Amb. Kai Tamm, Ambassador-at-Large for Cyber, Ministry of Affairs'
    >>> bio_line(Line("The panel is a forum of experts.", "")).text
    'The panel is a forum of experts.'
    """
    m = next((found for rx in _BIOS if (found := rx.match(line.text))), None)
    name = (line.bold or "").strip()
    if m is None or not name or m.group("name").strip() != name or not looks_like_name(split_name(name).name):
        return line
    text = f"{name}, {m.group('title').strip()}, {m.group('org').strip()}"
    return Line(text, name, (name,))


def bracket_organisation(printed: str, positions: list[Position]) -> list[Position]:
    """The positions of "Name (Org)" with the bracket read as the organisation, unless it reads as a job title
    (``person`` decides so for a string).

    >>> bracket_organisation("Al Bo (Open Data Lab)", [Position(title="Open Data Lab")])
    [Position(title=None, organisation='Open Data Lab', org_key=None, parent_key=None, parent_name=None, source=None)]
    """
    if len(positions) != 1 or positions[0].organisation or not positions[0].title:
        return positions
    inner = positions[0].title
    if f"({inner})" not in printed or not_a_person(inner) in ("a job title", "a heading"):
        return positions
    return [Position(organisation=inner)]


def plural(label: str | None) -> bool:
    """True for a role label in the plural ("Speakers", "Panellists", "Speaker(s)"), inclusive forms too.

    >>> plural("Referent:innen"), plural("Intervenant·e·s"), plural("Intervenant(e)s"), plural("Moderator:in")
    (True, True, True, False)
    """
    word = (label or "").strip(" :*").lower()
    return (word.endswith(("s", "(s)")) and not word.endswith("ss")) or word.endswith("innen") or word in _GROUPS \
        or word in _PLURALS


def is_group(label: str) -> bool:
    """True for a label naming a group of people that is a session of its own ("Panel", "Roundtable")."""
    return label.strip(" :*").lower() in _GROUPS


# labels naming a group of people though printed in the singular ("Panel: A (Org), B (Org)")
_GROUPS = {"panel", "podium", "roundtable", "round table", "table ronde", "podiumsdiskussion", "diskussion",
           "discussion", "panel discussion", "dialogue", "fireside chat", "debate", "débat"}
# plural labels of languages whose plural ends in no "s" (Dutch, Italian, German), and verbs in the plural
_PLURALS = {"panelleden", "forumleden", "relatori", "moderatori", "panelisti", "oratori", "partecipanti", "intervengono",
            "intervienen", "referenten", "teilnehmende", "diskutanten", "sprecher",
            # what a session's people do together, whoever many: "Begeleiding: A en B", "Moderation: A und B",
            # "Ne discutono: A; B; C"
            "begeleiding", "moderation", "leitung", "moderazione", "moderación", "moderação", "animation",
            "ne discutono", "discutono", "es diskutieren"}


def quoted(printed: str, emphasis: list[str]) -> bool:
    """True for a line that is only a quoted or italic title (a talk's title under its speaker)."""
    return printed in emphasis or bool(_QUOTE.fullmatch(printed.strip()))


# --- list items, struck-through talks ----------------------------------------------------


def fragment(nodes) -> LexborNode:
    """A ``<div>`` holding copies of ``nodes`` (a list item without its nested lists, loose text of a container)."""
    return LexborHTMLParser("<div>" + "".join(n.html or "" for n in nodes) + "</div>").css_first("div")


def own(li: LexborNode) -> tuple[LexborNode, list[LexborNode]]:
    """A list item without its nested lists, and those lists."""
    children = list(li.iter(include_text=True))
    nested = [c for c in children if c.tag in ("ul", "ol")]
    return fragment([c for c in children if c.tag not in ("ul", "ol")]), nested


def struck(node: LexborNode) -> bool:
    """True when all the words of an item are struck through (``~~…~~``, ``<del>``, ``<s>``): a cancelled talk.

    >>> item = lambda html: fragment(LexborHTMLParser(html).css("p"))
    >>> struck(item("<p>~~10:00 : Talk (Ann Lee)~~</p>")), struck(item("<p>10:00 : <del>Talk (Ann Lee)</del></p>"))
    (True, True)
    >>> struck(item("<p>10:00 : Talk (~~Ann Lee~~ Bo Chan)</p>"))
    False
    """
    printed = whole = text(node)
    for gone in node.css("del, s, strike"):
        printed = printed.replace(text(gone), " ")
    printed = re.sub(r"~~.*?~~", " ", printed)
    lead = time_lead(printed)
    return printed != whole and not re.search(r"[^\W\d_]", lead[1] if lead else printed)


# --- tables with a people column ---------------------------------------------------------


@dataclass
class Columns:
    """Where a table keeps the time, the session and (maybe) its people, and the people column's header; ``more``: the
    further people columns ("| Time | Session | Moderator | Panellists |"), each with its header as the role label;
    ``role``: a Role column (each row's role label), ``end``: an End column (each row's end time)."""

    time: int | None = 0  # None: a table of sessions under a timed one (``programme_tables._untimed_columns``)
    programme: int = 1
    people: int | None = None
    label: str | None = None
    more: tuple[tuple[int, str | None], ...] = ()
    role: int | None = None
    end: int | None = None
    kind: int | None = None  # a Type or Format column: each row's kind of session ("Keynote", "Panel discussion")
    room: int | None = None  # a Room or Venue column: each row's room, no session of its own

    def __repr__(self) -> str:  # the fields a table sets, for short examples
        shown = [f"{f.name}={getattr(self, f.name)!r}" for f in fields(self)
                 if f.name in ("time", "programme") or getattr(self, f.name) != f.default]
        return f"Columns({', '.join(shown)})"


def columns(heads: list[str], time_column: str = "time", programme_column: str = "",
            below: list[list[str]] = ()) -> Columns:
    """The columns a header row names: "Speakers" (people, panellists, moderator …) columns hold the people, each
    labelled by its header; a "Role" column each row's role; an "End" column of times (``below``: the rows under
    the header) the end time, never the session; the ``programme_column`` (else a Title/Session/Topic column, else
    the first other column after the time) the session.

    >>> columns(["Time", "Session", "Speakers"]), columns(["Time", "Speakers"])
    (Columns(time=0, programme=1, people=2, label='Speakers'), Columns(time=0, programme=1))
    >>> columns(["Time", "Speakers", "Title"], programme_column="Speakers")
    Columns(time=0, programme=2, people=1, label='Speakers')
    >>> columns(["Slot", "Session", "Who", "Room"], "Slot")
    Columns(time=0, programme=1, people=2, room=3)
    >>> columns(["Time", "Session", "Moderator", "Panellists"])
    Columns(time=0, programme=1, people=2, label='Moderator', more=((3, 'Panellists'),))
    >>> columns(["Start", "End", "Title", "Speaker(s)", "Role"], "Start", below=[["09:00", "09:30", "Opening"]])
    Columns(time=0, programme=2, people=3, label='Speaker(s)', role=4, end=1)
    >>> columns(["Time", "Session", "Type", "Room", "Speakers"])
    Columns(time=0, programme=1, people=4, label='Speakers', kind=2, room=3)
    >>> columns(["Time", "Session", "Room"]), columns(["Time", "Venue", "Session"])
    (Columns(time=0, programme=1, room=2), Columns(time=0, programme=2, room=1))
    """
    low = [h.strip(" :*").lower() for h in heads]
    time = low.index(time_column.strip(" :*").lower())
    people = [i for i, h in enumerate(heads) if i != time and is_people_header(h)]
    role = next((i for i, h in enumerate(low) if i != time and i not in people and h in _ROLE_HEADS), None)
    end = next((i for i, h in enumerate(low) if i not in (time, role) and i not in people and h in _END_HEADS
                and _times_below(below, i)), None)
    kind = next((i for i, h in enumerate(low) if i not in (time, role, end) and i not in people and h in _KIND_HEADS),
                None)
    room = next((i for i, h in enumerate(low) if i not in (time, role, end, kind) and i not in people
                 and h in _ROOM_HEADS), None)
    others = [i for i in range(len(heads)) if i not in (time, role, end, kind, room) and i not in people]
    if not others:
        return Columns(time, min(time + 1, len(heads) - 1))
    wanted = programme_column.strip(" :*").lower()
    programme = low.index(wanted) if wanted in low and low.index(wanted) in others \
        else next((i for i in others if _SESSION_HEAD.match(low[i])), None)
    programme = programme if programme is not None else next((i for i in others if i > time), others[0])
    labelled = [(i, heads[i].strip(" :*") if role_of(heads[i]) else None) for i in people]  # "Who": no role
    first = labelled[0] if labelled else (None, None)
    return Columns(time, programme, first[0], first[1], tuple(labelled[1:]), role, end, kind, room)


def _times_below(below: list[list[str]], column: int) -> bool:
    """True when most filled cells of a column (``below``: rows of cells) read as times; true when none is filled."""
    cells = [row[column] for row in below if len(row) > column and row[column].strip()]
    return 2 * sum(1 for c in cells if a_time(c)) >= len(cells)


_ROLE_HEADS = ("role", "roles", "session role", "capacity", "function", "rôle", "rolle", "rol", "papel", "ruolo")
_KIND_HEADS = ("type", "format", "session type", "kind", "typ", "tipo", "formato", "formaat", "type de session",
               "sitzungstyp", "veranstaltungsart", "art")
_ROOM_HEADS = ("room", "rooms", "venue", "location", "place", "where", "hall", "salle", "lieu", "raum", "ort", "saal",
               "sala", "lugar", "local", "sede", "zaal", "locatie")
_END_HEADS = ("end", "ends", "end time", "finish", "finishes", "to", "until", "till", "fin", "ende", "bis", "hasta")
_SESSION_HEAD = re.compile(r"^(?:title|session|sessions|topic|programme|program|talk|agenda|activity|subject|theme|"
                           r"titre|séance|thème|thema|titel|título|tema|sesión|sessione|workshop|atelier|taller)\b", re.I)


def session_head(printed: str) -> bool:
    """True for a table header over sessions' titles ("Session", "Thema", "Workshop")."""
    return bool(_SESSION_HEAD.match(printed.strip(" :*")))


_TIME_HEADS = ("time", "times", "slot", "time slot", "when", "hour", "hours", "timing", "start", "starts", "start time",
               "from", "begins", "heure", "horaire", "horaires",
               "zeit", "uhrzeit", "hora", "horas", "horario", "horário", "orario", "ora")


def time_column(heads: list[str], wanted: str, below: list[list[str]]) -> int | None:
    """The time column of a header row: the one headed ``wanted``, else one headed "Slot", "When", "Hour" … whose
    cells (``below``: the rows under the header) read as times.

    >>> time_column(["Slot", "Session"], "time", [["09:00–09:20", "Opening"]])
    0
    >>> time_column(["When", "What"], "time", [["Monday", "Tides"]]) is None
    True
    >>> time_column(["Date", "Speaker", "Talk"], "time", [["24.01.2029", "Kari Nordmann (Telenor)", "Phishing"]])
    0
    """
    low = [h.strip(" :*").lower() for h in heads]
    if wanted.lower() in low:
        return low.index(wanted.lower())
    for i, head in enumerate(low):
        cells = [row[i] for row in below if len(row) > i and row[i]]
        if head in _TIME_HEADS and cells and 2 * sum(1 for c in cells if a_time(c)) >= len(cells):
            return i
    for i, head in enumerate(low):  # "| Date | Speaker | Talk |": a row a talk, dated by its Date cell
        cells = [row[i] for row in below if len(row) > i and row[i]]
        if head in DATE_HEADS and cells and 2 * sum(1 for c in cells if first_day(c)) >= len(cells) and len(heads) > 2:
            return i
    return None


# the header of a column of days ("| Día | Hora | Sala A |"), lower case as printed
DATE_HEADS = ("date", "dates", "day", "days", "datum", "dato", "fecha", "data", "jour", "tag", "día", "dia", "giorno")
