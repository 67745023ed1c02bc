"""The talks a speaker page lists of its own: a speaker-centric archive, whose programme names nobody.

Some archives keep a page per person (name, job, organisation and country in its
front matter) and list on it what the person did at each edition, under a heading
of its year::

    ### 2024
    - **Moderator**, *Panel: Who Pays for Climate Adaptation?* (Day 1, Plenary Hall)
    - Speaker — Workshop: Behavioural Insights in Tax Compliance

while the edition's programme prints times, titles and rooms but no people. A
front-matter part whose speaker pages join a programme's slots (``slots``, as
undated talk pages do) reads each list item of such a page as an undated session
of one person, in the role the item prints before its title ("Moderator",
"Speaker —") or else the one its title names ("Keynote: …", "Closing Remarks").
Once every file of a run is read, ``ingest.title_slots.join`` gives each the slot
whose title the item prints, in the edition of its heading: its title, date,
times and room; an item no slot titles is no session (a biography's list of
books, say), said in a note.

A line "In 2024: Senior Economist, Housing Institute" gives the person's position at
that edition, where the front matter gives today's.

>>> from ingest.records import Document, Position
>>> body = "Bio.\\n\\n_In 2024: Fellow, Urban Institute_\\n\\n### 2024\\n- **Chair**, *Panel: Tides* (Day 1)\\n" \\
...        "\\n### 2025\\n- Keynote: *Salt Roads*\\n"
>>> page = SpeakerPage("people/ann.md", 1, None, "Ann Lee", positions=[Position("Director", "Acme")])
>>> found = talks(Document("people/ann.md", "", {}, body, 5), page)
>>> [(s.title, s.year, s.rows[0].role_label, s.rows[0].line, [p.title for p in s.rows[0].positions]) for s in found]
[('Chair, Panel: Tides (Day 1)', 2024, 'Chair', 11, ['Fellow']), ('Keynote: Salt Roads', 2025, 'Keynote', 14, ['Director'])]
"""

from __future__ import annotations

import re
from copy import copy

from ingest.person_pattern import FREE_TEXT, split_position
from ingest.records import Document, Position, Row, SessionPage, SpeakerPage
from ingest.roles import role_of, role_of_title

_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,2}[.)])\s+(?P<text>\S.*)$")
_YEAR_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s+|\*\*)\D{0,20}?\b(?P<year>(?:19|20)\d\d)\b[^\n\d]{0,30}$")
_THEN = re.compile(r"^[\s*_]*in (?P<year>(?:19|20)\d\d)\s*[:,\u2013\u2014-]\s*(?P<held>.+?)[\s*_.]*$", re.I)
_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# a role printed before the title: "**Moderator**, …", "Speaker — …", "Keynote: *…*"
_HEAD = re.compile(r"^\s*(?:\*\*(?P<bold>[^*]{2,40})\*\*|(?P<plain>[^*_:,\u2013\u2014(]{2,40}?))"
                   r"\s*(?P<mark>[,:\u2013\u2014]|\s-\s|$)\s*")


def talks(doc: Document, page: SpeakerPage) -> list[SessionPage]:
    """Each list item of the page's body as an undated session of the page's person, with the year of the
    heading above it; ``title_slots.join`` keeps those whose title a programme slot prints."""
    year, then, out = None, _positions_then(doc.body), []
    for i, line in enumerate(doc.body.splitlines()):
        if heading := _YEAR_HEADING.match(line):
            year = int(heading["year"])
            continue
        item = _ITEM.match(line)
        if item is None:
            continue
        text = _plain(item["text"])
        if not text:
            continue
        label = _role_label(item["text"]) or role_of_title(text)
        row = Row(line=doc.body_line + i + 1, role_label=label or "Speaker", printed_name=page.printed_name,
                  link=page.permalink, positions=[copy(p) for p in then.get(year, page.positions)],
                  country_label=page.country_label, honorific=page.honorific)
        out.append(SessionPage(path=doc.path, title=text, permalink=None, date=None, rows=[row], year=year,
                               listed=True))
    return out


def _plain(text: str) -> str:
    """An item's text without Markdown marks and links' targets.

    >>> _plain("**Chair**, *Panel: [Tides](/t/)* (Day 1)")
    'Chair, Panel: Tides (Day 1)'
    """
    return " ".join(_MARKUP.sub("", _LINK.sub(r"\1", text)).split())


def _role_label(text: str) -> str | None:
    """The role an item prints before its title, when it is a role word: "**Moderator**, *Panel…*" → Moderator,
    "Speaker — Workshop: …" → Speaker, "Keynote: *Salt Roads*" → Keynote; "*Welcome Address*" prints none.

    >>> _role_label("**Moderator**, *Panel: Tides*"), _role_label("Speaker — Workshop: Tax"), _role_label("*Tides*")
    ('Moderator', 'Speaker', None)
    >>> _role_label("Roundtable participant — Roundtable: Trust"), _role_label("Panel: Who Pays?")
    ('Roundtable participant', None)
    """
    found = _HEAD.match(text)
    if found is None or (not found["mark"] and not found["bold"]):
        return None
    label = " ".join((found["bold"] or found["plain"]).split())
    if found["mark"] == ":" and not found["bold"] and role_of_title(f"{label}: x") is None:
        return None
    role = role_of(label)
    if role is None or (found["mark"] == ":" and role == "panellist"):  # "Panel: Who Pays?" is the title
        return None
    return label


def _positions_then(body: str) -> dict[int, list[Position]]:
    """The positions the page gives the person at an earlier edition: "In 2024: Fellow, Urban Institute".

    >>> [(y, [(p.title, p.organisation) for p in ps]) for y, ps in _positions_then("_In 2024: Fellow, Urban Institute_").items()]
    [(2024, [('Fellow', 'Urban Institute')])]
    """
    out: dict[int, list[Position]] = {}
    for line in body.splitlines():
        if (found := _THEN.match(line)) and not _ITEM.match(line):
            out[int(found["year"])] = split_position(found["held"], reading=FREE_TEXT)
    return out
