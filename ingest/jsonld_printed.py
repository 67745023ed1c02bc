"""What a page prints of the people its structured data (JSON-LD, microdata) names, weighed against the data: the
printed page is what a reader sees, the data fills what it leaves out (``ingest/jsonld.py`` reads the data,
``ingest/page_roles.py`` finds the printed lines).

* A performer's printed line ("Ms Ann Lee, Senior Editor, Daily (Chile)", a card's name and position lines) is read
  by the shared person-line reader (``ingest.person_line``); its honorific, positions and country win over the
  data's, field by field, and the data fills a field the line lacks: a title printed without an organisation takes
  the data's (of that title, else of its one job), but for a title that is a state's office ("Ambassador of X to
  Y": the state is whom it serves), which takes one only when the page prints it somewhere. A printed organisation
  that ends with the data's ("Unit, Ministry") is read as the data cuts it: the unit goes with the title.
* A person printed in the data's block with a role but missing from the data is an appearance all the same.
* The page's ``<h1>`` is the session's title when it is the data's ``name`` loosely ("&" for "and").

>>> from ingest.html_page import Line
>>> row = Row(line=1, role_label="Moderator", printed_name="Ann Lee", link=None, honorific="Ms",
...           positions=[Position("Editor", "Daily")], country_label="NO")
>>> row = weigh(row, [Line("Dr Ann Lee, Senior Editor, Daily (Chile)")], default_countries(), " daily ")
>>> row.honorific, [(p.title, p.organisation) for p in row.positions], row.country_label
('Dr', [('Senior Editor', 'Daily')], 'Chile')
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ingest.countries import Countries, default_countries
from ingest.html_page import Line
from ingest.names import match_words, split_name
from ingest.normalize import country_in_org, trailing_country
from ingest.person_line import Person, read_people
from ingest.records import Position, Row


def weigh(row: Row, lines, countries: Countries | None, shown: str) -> Row:
    """``row`` (read from the data) with what its printed ``lines`` print of the person winning field by field;
    ``shown`` is the page's visible text, folded (``folded``). Lines that print no one, or someone else, change
    nothing."""
    person = _one(lines, row.printed_name)
    if person is None:
        return row
    positions = [Position(p.title, p.organisation) for p in person.positions]
    country = trailing_country(positions, countries or default_countries()) if any(p.organisation for p in positions) else None
    if positions:
        row.positions = [_settled(p, row.positions, shown, countries or default_countries()) for p in positions]
    row.honorific = split_name(person.name).honorific or row.honorific
    row.country_label = country or row.country_label
    return row


def printed_people(lines) -> list[Person]:
    """The people an item's printed lines name, each with the role label printed with them.

    >>> [(p.name, p.label) for p in printed_people([Line("Keynote speaker"), Line("Mr Bo Ray"), Line("Minister")])]
    [('Mr Bo Ray', 'Keynote speaker')]
    """
    return read_people(list(lines))


def _one(lines, name: str) -> Person | None:
    """The one person ``lines`` print who is ``name`` (honorific aside)."""
    want = match_words(split_name(name).name or name)
    found = [p for p in printed_people(lines) if _same(match_words(split_name(p.name).name or p.name), want)]
    return found[0] if len(found) == 1 else None


def _same(words: list[str], want: list[str]) -> bool:
    return bool(words) and f" {' '.join(want)} " in f" {' '.join(words)} "


def _settled(printed: Position, data: list[Position], shown: str, countries: Countries) -> Position:
    """A printed position, its organisation cut or filled as the data says.

    >>> c = default_countries()
    >>> _settled(Position("Director", "Cyber Unit, Ministry of Maps"), [Position("Director", "Ministry of Maps")], "", c)
    Position(title='Director, Cyber Unit', organisation='Ministry of Maps', org_key=None, parent_key=None, parent_name=None, source=None)
    >>> _settled(Position("Senior Editor"), [Position("Editor", "Daily")], "", c).organisation
    'Daily'
    >>> data = [Position("Ambassador of Chile to Peru", "Embassy of Chile in Lima")]
    >>> _settled(Position(data[0].title), data, "", c).organisation
    >>> _settled(Position(data[0].title), data, " embassy of chile in lima ", c).organisation
    'Embassy of Chile in Lima'
    """
    for known in data:
        org = known.organisation
        if org and printed.organisation and folded(printed.organisation).endswith(folded(org)) \
                and "," in printed.organisation[: -len(org)]:
            unit = printed.organisation[: -len(org)].strip(" ,")
            return Position(", ".join(filter(None, (printed.title, unit))), org)
    if printed.organisation or not printed.title:
        return printed
    same = [k for k in data if k.organisation and folded(k.title or "") == folded(printed.title)]
    known = same[0] if same else data[0] if len(data) == 1 and data[0].organisation else None
    if known is None or (country_in_org([Position(printed.title)], countries)
                         and folded(known.organisation) not in shown):
        return printed
    return Position(printed.title, known.organisation)


def extra_rows(lines, label: str, line: int) -> list[Row]:
    """The rows of an item the page prints beside the data's people, under ``label`` (a role heading).

    >>> [(r.role_label, r.printed_name, r.positions[0].title) for r in extra_rows([Line("Ms Cy Dee, CFO, Acme")],
    ...                                                                            "Panelists", 9)]
    [('Panelists', 'Ms Cy Dee', 'CFO')]
    """
    return [Row(line=line, role_label=p.label or label, printed_name=p.name, link=None,
                positions=[Position(q.title, q.organisation) for q in p.positions])
            for p in printed_people(lines)]


def same_title(printed: str, data: str) -> bool:
    """True when a printed title is the data's loosely: the same words, "&" for "and", or nearly.

    >>> same_title("Ports & Data", "Ports and Data"), same_title("Ports", "Ports and Data")
    (True, False)
    """
    a, b = folded(printed.replace("&", " and ")), folded(data.replace("&", " and "))
    return bool(a.strip()) and (a == b or fuzz.ratio(a, b) >= 92)


def folded(printed: str) -> str:
    """Text as names are matched: folded words between spaces.

    >>> folded("Café  Día!")
    ' cafe dia '
    """
    return f" {' '.join(match_words(printed))} "

