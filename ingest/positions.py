"""Position cells and blocks as printed → titles, organisations and a country.

A cell holds one or more positions: an italic title, then its organisation
(plain text after a comma or on the next line, or a second italic line that
reads as an organisation), and maybe a country as the last line or the tail
of the last title. An international body printed where a country goes is the
organisation when the cell prints none other.

>>> from ingest.markdown import Segment as S
>>> cell = [[S("Vice-Minister for Digital Affairs", italic=True)], [S("Ministry of Digital Affairs", italic=True)]]
>>> positions, country = read_positions(cell, default_countries())
>>> [(p.title, p.organisation) for p in positions], country
([('Vice-Minister for Digital Affairs', 'Ministry of Digital Affairs')], None)
"""

from __future__ import annotations

import re

from ingest.countries import Countries, default_countries
from ingest.markdown import Segment, line_text
from ingest.person_pattern import FREE_TEXT, comma_parts, ends_in_legal_form, office_of_body, split_position
from ingest.position_words import opens_with_body
from ingest.records import Position
from ingest.tidy import has_job_word

_ORG_WORDS = re.compile(
    r"^(the )?(ministry|department|agency|office|bureau|authority|council|commission|university|institute|"
    r"centre|center|embassy|government|forum|foundation|association|school|service|board|corporation|"
    r"directorate|secretariat|national|federal|royal)\b", re.I)
# a line that names an organisation, not a job: "Ministry of …", "… University", "… Pte Ltd"
_ORG_LINE = re.compile(
    r"^(the )?(ministry|department of|agency|bureau|authority|council|commission|university|institute|embassy|"
    r"government|foundation|association|corporation|directorate|secretariat|office of|permanent mission|"
    r"delegation|prime minister's office|cyber security agency)\b"
    r"|\b(ministry|agency|university|institute|foundation|association|ltd\.?|inc\.?|limited|llc|gmbh|corporation|"
    r"company|bureau|authority|organi[sz]ation|police|forum|group|division|department|unit|directorate|centre|center|"
    r"office|secretariat|command|laborator(y|ies))$", re.I)
_JOB_WORD = re.compile(
    r"\b(minister|secretary|director|officer|head|chair(man|woman|person)?|president|ambassador|fellow|professor|"
    r"advis[eo]r|manager|lead|partner|founder|commissioner|chief|deputy|senior|coordinator|envoy|consul|"
    r"counsellor|attach[eé]|analyst|researcher|specialist|dean|governor|member|representative|general)\b", re.I)
# a title broken at <br> in mid-phrase: the line ends with a word that needs the next one
_OPEN_END = re.compile(r"(\b(and|of|for|the|in|on|to|with|at)|[&\-\u2013])$")  # lower case: "CERT-In" ends no phrase


def read_positions(lines: list[list[Segment]], countries: Countries,
                   org: re.Pattern | None = None) -> tuple[list[Position], str | None]:
    """Positions and the printed country of a position cell (``org``: a site's own organisation words)."""
    items: list[tuple[str, str]] = []  # ("title", text) | ("plain", text)
    for line in lines:
        segs = [s for s in line if s.text.strip()]
        if not segs:
            continue
        if segs[0].italic:
            items.append(("title", clean(segs[0].text)))
            rest = clean("".join(s.text for s in segs[1:]))
            if rest:
                items.append(("plain", rest))
        else:
            items.append(("plain", clean("".join(s.text for s in segs))))
    items = _join_broken(_second_lines([(k, t) for k, t in items if t], org))
    items, country = _take_country(items, countries)
    found = positions_of(items, org)
    if len(items) == 1 and items[0][0] == "title" and len(found) == 1 and not found[0].organisation \
            and ", " in (found[0].title or ""):
        # a line in italics alone ("*Deputy Director-General, Digital Agency, Japan*"): the title is not set off
        # from the organisation by the italics, so its words tell them apart
        split = split_position(found[0].title, reading=FREE_TEXT)
        if len(split) == 1 and split[0].title and split[0].organisation and not _enumerated(split[0]):
            found = split
    return _international(found, country, countries)


def _enumerated(position: Position) -> bool:
    """True when the comma goes on a portfolio's list ("Minister of Science, Technology and Innovation"): the title
    ends in "of"/"for" and a word, the rest joins its last item with "and"."""
    return bool(re.search(r"\b(?:of|for)\s+[\w-]+$", position.title or "")
                and re.search(r"\s(?:and|&)\s", position.organisation or ""))


def page_positions(lines: list[list[Segment]], countries: Countries,
                   org: re.Pattern | None = None) -> tuple[list[Position], str | None]:
    """Positions and country of a speaker page's italic block (one item a line; ``org`` as above)."""
    raw = [line_text(line).strip() for line in lines]
    items = _join_broken([("title", clean(t)) for t in raw if clean(t)])
    texts = [t for _, t in items]
    country = None
    if texts and countries.lookup(texts[-1]):
        country = texts.pop()
    elif texts and (split := countries.split_trailing(texts[-1])):
        country = texts[-1][len(split[0]):].strip(" ,")
        texts[-1] = split[0]
    ends_comma = [t.endswith(",") for t in raw if clean(t)]
    if len(texts) == 2 and (ends_comma[0] or ", " not in texts[0] or _is_org(texts[1], org)):
        return _international([Position(title=texts[0], organisation=texts[1])], country, countries)
    return _international(positions_of(_second_lines([("title", t) for t in texts], org), org), country, countries)


def _is_org(text: str, org: re.Pattern | None = None) -> bool:
    """True when a line reads as an organisation rather than a job title (or holds one of ``org``'s words).

    >>> _is_org("Ministry of Home Affairs"), _is_org("Nanyang Technological University"), _is_org("Minister for Law")
    (True, True, False)
    >>> _is_org("Kementerian Digital"), _is_org("Kementerian Digital", re.compile("kementerian", re.I))
    (False, True)
    >>> _is_org("Kestrel Energia S.p.A."), _is_org("Kestrel Fibre AB")  # a company's legal form ends it
    (True, True)
    >>> _is_org("Agence nationale des cartes"), _is_org("Bundesamt für Karten"), _is_org("Directrice générale")
    (True, True, False)
    """
    if (org is not None and org.search(text)) or ends_in_legal_form(text):
        return True
    if opens_with_body(text) and not has_job_word(text.split(",")[0]):
        return True  # "Agence nationale …", "Bundesministerium des …", "Ministero dell'Interno"
    return bool(_ORG_LINE.search(text)) and not (_JOB_WORD.search(text.split(",")[0]) and not _ORG_WORDS.match(text))


def _second_lines(items: list[tuple[str, str]], org: re.Pattern | None = None) -> list[tuple[str, str]]:
    """A second italic line that names an organisation is the organisation of the title above it."""
    out: list[tuple[str, str]] = []
    for kind, text in items:
        if kind == "title" and out and _is_org(text, org) and (out[-1][0] == "plain" or not _is_org(out[-1][1], org)):
            out.append(("plain", text))
        else:
            out.append((kind, text))
    return out


def _join_broken(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Titles broken at ``<br>`` in mid-phrase ("… Information and" / "Second Minister …") become one."""
    out: list[tuple[str, str]] = []
    for kind, text in items:
        if kind == "title" and out and out[-1][0] == "title" and _OPEN_END.search(out[-1][1]):
            out[-1] = ("title", f"{out[-1][1]} {text}")
        else:
            out.append((kind, text))
    return out


def _take_country(items: list[tuple[str, str]], countries: Countries) -> tuple[list[tuple[str, str]], str | None]:
    """The country printed as the last line, or as the tail of the last line after a comma."""
    if not items:
        return items, None
    kind, last = items[-1]
    if kind == "plain" and countries.lookup(last):
        return items[:-1], last
    split = countries.split_trailing(last)
    if split:  # "Org, Country", or "*Minister of Transport…, Brunei*"
        return [*items[:-1], (kind, split[0])], last[len(split[0]):].strip(" ,")
    return items, None


def _international(positions: list[Position], country: str | None,
                   countries: Countries) -> tuple[list[Position], str | None]:
    """An international body printed as the country is the organisation when no other is printed."""
    hit = countries.lookup(country) if country else None
    if hit is None or hit.kind != "international" or any(p.organisation for p in positions):
        return positions, country
    if positions:
        positions[-1].organisation = country
    else:
        positions.append(Position(organisation=country))
    return positions, None


def positions_of(items: list[tuple[str, str]], org: re.Pattern | None = None) -> list[Position]:
    """Titles and organisations in printed order → positions."""
    positions: list[Position] = []
    for kind, text in items:
        if kind == "title":
            positions.append(Position(title=text))
        elif positions and positions[-1].organisation is None:
            positions[-1].organisation = text
        elif positions:
            positions[-1].organisation = f"{positions[-1].organisation}, {text}"
        else:
            positions.append(Position(organisation=text))
    for pos in positions:
        if pos.organisation is None and pos.title and ", " in pos.title:
            *head, tail = comma_parts(pos.title)  # "…, Kestrel, Inc.": the legal form with its company
            if head and (_ORG_WORDS.match(tail) or ends_in_legal_form(tail) or (org is not None and org.search(tail))):
                pos.title, pos.organisation = ", ".join(head), tail
    # "Director General of EXNA", "Directrice générale de l'ANCX": the body after the office, a portfolio not
    return [office_of_body(p.title) if p.title and not p.organisation else p for p in positions]


def clean(text: str) -> str:
    """Spaces folded, stray separators trimmed.

    >>> clean("  Director,  ")
    'Director'
    """
    return " ".join(text.split()).strip(" ,;").strip()
