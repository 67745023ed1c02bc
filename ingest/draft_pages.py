"""Drafting parts from page bodies: HTML cards, programme tables, people under role headings, role words.

The HTML is read with selectolax (a real parser). A *card* is an element repeated with the
same class whose first heading or bold child reads as a person's name; a *programme table*
has a header cell "Time"; a *people list* is a role heading ("## Speakers", "**Moderator**")
followed by bullets.

>>> role_words_in("## Speakers\\n- Jane Doe\\n**Moderator**\\n- Ann Lee\\n<h4>Rapporteur</h4>").most_common()
[('Speakers', 1), ('Moderator', 1), ('Rapporteur', 1)]
>>> has_body_people("## Panelists\\n\\n- **Jane Doe** — Director, ACME\\n"), has_body_people("## About\\n- x\\n")
(True, False)
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import PurePosixPath

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from graph.errors import IngestError
from ingest import times
from ingest.draft_dates import banner_fields, date_selector, line_date, own_html, printed_dates
from ingest.draft_text import Table
from ingest.draft_values import OWN_PEOPLE_WORDS, as_list, name_like
from ingest.record_dates import DAY_NUMBER
from ingest.person_pattern import FREE_TEXT, split_position
from ingest.read import HTML_SUFFIXES
from ingest.records import Document
from ingest.roles import role_of
from ingest.tidy import not_a_person

NAME_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b")
POSITION_TAGS = ("p", "em", "i", "small", "span")
_HEADING = re.compile(r"^\s*(?:#{1,6}\s+(.+?)\s*#*|\*\*([^*]{2,40}?):?\*\*:?|__([^_]{2,40})__)\s*$", re.M)
_HTML_HEADING = re.compile(r"<(h[1-6]|strong|b)\b[^>]*>\s*([^<]{2,40}?)\s*:?\s*</\1>", re.I)
_LABEL_LINE = re.compile(r"^\s*(?:[-*]\s+)?\**([A-Z][A-Za-z -]{1,25}?)\**\s*:\**\s+\S", re.M)
_BULLET = re.compile(r"^\s*[-*+]\s+\S")
_TIME_HEADER = re.compile(r"^\s*\|\s*(?:\*\*)?time(?:\*\*)?\s*\|", re.I | re.M)
# role words the model may not know: seen ones are suggested for [site] roles
EXTRA_ROLE_WORDS = ("rapporteur", "sherpa", "discussant", "respondent", "interviewer", "curator", "convener",
                    "convenor", "mentor", "judge", "commentator", "anchor", "compère", "compere", "provocateur")


def folder_glob(paths: list[str]) -> str | list[str]:
    """The files of a part: up to three paths as they are, else the globs of their folders."""
    folders = sorted({str(PurePosixPath(p).parent) for p in paths})
    suffixes = sorted({p.rsplit(".", 1)[-1] for p in paths})
    ext = suffixes[0] if len(suffixes) == 1 else "{" + ",".join(suffixes) + "}"
    globs = [f"{f}/*.{ext}" if f != "." else f"*.{ext}" for f in folders]
    if len(paths) <= 3:
        return paths if len(paths) > 1 else paths[0]
    names = {PurePosixPath(p).name for p in paths}
    grand = {str(PurePosixPath(f).parent) for f in folders}
    if len(globs) > 1 and len(names) == 1 and len(grand) == 1:  # "events/*/index.html": a folder per page
        top = grand.pop()
        return f"*/{names.pop()}" if top == "." else f"{top}/*/{names.pop()}"
    return globs[0] if len(globs) == 1 else globs


# --- HTML cards ---------------------------------------------------------------------------


def cards_in(html: str) -> list[tuple[str, str, str | None, list[str], list[str]]]:
    """``(card, name, position selectors, names, links)`` of the repeated name cards of a page.

    >>> page = "".join(f'<figure class="delegate"><h5>{n}</h5><p>CEO, Port</p></figure>' for n in
    ...                ("Jane Doe", "Ann Lee", "Bo Li"))
    >>> cards_in(page)
    [('figure.delegate', 'h5', 'p', ['Jane Doe', 'Ann Lee', 'Bo Li'], [])]
    """
    if "<" not in html:
        return []
    tree = HTMLParser(html)
    groups: dict[str, list] = {}
    for node in tree.css("[class]"):
        classes = (node.attributes.get("class") or "").split()
        if classes:
            groups.setdefault(f"{node.tag}.{classes[0]}", []).append(node)
        if classes and node.tag in ("ul", "ol"):  # a list of people: "<li><strong>Name</strong>, Title, Org</li>"
            groups.setdefault(f"{node.tag}.{classes[0]} > li", []).extend(
                li for li in node.iter() if li.tag == "li" and not li.attributes.get("class"))
    found = []
    for selector, nodes in groups.items():
        if len(nodes) < 3:
            continue
        for tag in NAME_TAGS:
            names = [_one_name(n, tag, name_like) for n in nodes]
            named = [x for x in names if x]
            if len(named) >= 3 and len(named) >= 0.6 * len(nodes):
                links = [a.attributes.get("href") or "" for n in nodes for a in n.css("a[href]")[:1]]
                found.append((selector, tag, _position(nodes, tag), named, [x for x in links if x], nodes, names))
                break
    return [hit[:5] for hit in _cards_not_wrappers(found)]


def _cards_not_wrappers(found: list[tuple]) -> list[tuple]:
    """The candidates left when one's nodes hold another's (a grid column around each card, a section around all):
    of the two, the one whose nodes each hold exactly one name, then the one that has a title line, then the
    inner one."""
    out = []
    for hit in found:
        inner = [o for o in found if o is not hit and _holds_nodes(hit[5], o[5])]
        outer = [o for o in found if o is not hit and _holds_nodes(o[5], hit[5])]
        if not any(_better_card(o, hit, inside=True) for o in inner) and \
                not any(_better_card(o, hit, inside=False) for o in outer):
            out.append(hit)
    return out


def _holds_nodes(outer: list, inner: list) -> bool:
    """True when most of the ``inner`` nodes stand inside one of the ``outer`` nodes."""
    ids = {n.mem_id for n in outer}
    held = 0
    for node in inner:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        held += parent is not None
    return 2 * held > len(inner)


def _better_card(other: tuple, hit: tuple, inside: bool) -> bool:
    """True when ``other`` (inside or around ``hit``) is the better card: its nodes more often hold one name each,
    else it has a title line and ``hit`` none, else it is the inner one."""
    share = [sum(1 for x in h[6] if x) / len(h[6]) for h in (other, hit)]
    if share[0] != share[1]:
        return share[0] > share[1]
    if bool(other[2]) != bool(hit[2]):
        return bool(other[2])
    if _name_itself(hit) != _name_itself(other):  # "h3.name" in "li.card": the card holds the tagline beside it
        return _name_itself(hit) and _lines_beside(other[5])
    return inside


def _name_itself(hit: tuple) -> bool:
    """True for a card candidate whose nodes are the name's element itself (``h3.speaker-name`` read by ``h3``):
    the lines printed beside the name (a tagline, a title) are out of its reach.

    >>> _name_itself(("h3.speaker-name", "h3")), _name_itself(("li.speaker", "h3"))
    (True, False)
    """
    return hit[0].split(".")[0] == hit[1]


def _lines_beside(nodes: list) -> bool:
    """True when most nodes print another line beside the name (an element of text of its own)."""
    return 2 * sum(len(_leaf_texts(n)) > 1 for n in nodes) > len(nodes)


def _one_name(node, tag: str, name_like) -> str | None:
    """The one name ``node`` prints in ``tag`` (a visible one: a hidden modal repeats it), else ``None``."""
    from ingest.cards import hidden

    texts = [" ".join(t.text().split()) for t in node.css(tag) if not hidden(t, node)]
    names = list(dict.fromkeys(t for t in texts if name_like(t)))
    return names[0] if len(names) == 1 else None


def _position(nodes, tag: str) -> str | None:
    for candidate in POSITION_TAGS:
        filled = sum(1 for n in nodes if any(len(x.text().strip()) > 3 for x in n.css(candidate)))
        if filled >= 0.6 * len(nodes) and candidate != tag:
            return candidate
    return _after_name(nodes, tag)


def _after_name(nodes, tag: str) -> str | None:
    """The element most cards print right after the name's, holding a line of text of its own (a tagline in
    ``<h4 class="tagline">`` under the name's ``<h3>``): the title and organisation, when no paragraph holds them.

    >>> page = "".join(f'<li class="p"><h3>{n}</h3><h4 class="tag">CEO, Port</h4><ul><li>Talk</li></ul></li>'
    ...                for n in ("Jane Doe", "Ann Lee", "Bo Li"))
    >>> _after_name(HTMLParser(page).css("li.p"), "h3")
    'h4.tag'
    """
    seen: Counter = Counter()
    for card in nodes:
        name = card.css_first(tag)
        after = name.next if name is not None else None
        while after is not None and after.tag.startswith("-"):
            after = after.next
        if after is None or len(after.text().strip()) <= 3 \
                or any(c.tag not in ("a", "i", "em", "span", "br", "-text") for c in after.iter(include_text=True)):
            continue
        classes = (after.attributes.get("class") or "").split()
        seen[f"{after.tag}.{classes[0]}" if classes and re.fullmatch(r"[A-Za-z_][\w-]*", classes[0]) else after.tag] += 1
    key, count = seen.most_common(1)[0] if seen else (None, 0)
    return key if key and count >= 0.6 * len(nodes) and key.split(".")[0] != tag else None


def card_parts(pages: list[Document]) -> list[Table]:
    """A ``cards`` part per card selector seen on pages, with the pages and names as evidence (none over pages
    about sponsors: their tiers and companies are no people)."""
    from ingest.draft_trial import about_sponsors, exact_files

    seen: dict[tuple, list] = {}
    links: dict[tuple, list] = {}
    columns: dict[str, dict[str, tuple[str, str]]] = {}  # a table's row selector -> its other columns
    docs = {d.path: d for d in pages}
    for doc in pages:
        for selector, name, position, names, hrefs in cards_in(doc.body):
            seen.setdefault((selector, name, position), []).append((doc.path, names))
            links.setdefault((selector, name, position), []).extend(hrefs)
        for selector, name, fields, names in table_rows(doc.body):
            seen.setdefault((selector, name, None), []).append((doc.path, names))
            links.setdefault((selector, name, None), [])
            columns[selector] = fields
    kept: dict[tuple, tuple[list, list[Table]]] = {}
    for (selector, name, position), hits in _innermost(seen).items():
        if all(about_sponsors(docs[p]) for p, _ in hits):
            kept[(selector, name, position)] = [], [Table(why=[
                f"{sum(len(n) for _, n in hits)} HTML cards '{selector}' stand on pages about sponsors, partners or "
                f"exhibitors (e.g. {hits[0][0]}): no speakers — no part"], comment_only=True)]
            continue
        kept[(selector, name, position)] = _meeting_pages(selector, hits, docs)
    parts = []
    for (selector, name, position), (hits, left) in kept.items():
        parts += left
        if not hits:
            continue
        cards = sum(len(n) for _, n in hits)
        table = Table(why=[f"{cards} HTML cards '{selector}' on {len(hits)} page{'s' * (len(hits) != 1)} hold a "
                           f"name in <{name}> (e.g. {', '.join(repr(n) for n in hits[0][1][:2])})"])
        # alike: pages another cards part reads (the next edition's, in a card shape of its own), which this
        # selector reads nothing from; never a page left out of them, such as a programme left to its own part
        alike = {p for key, (found, _) in kept.items() if key[0] != selector for p, _ in found}
        table.set("files", exact_files([p for p, _ in hits], list(docs), alike))
        table.set("reader", "cards")
        table.set("card", selector)
        if selector in columns:
            table.set("name", name, f"the table's column headed '{columns[selector]['name'][1]}' holds the names")
            for option, (found, header) in columns[selector].items():
                if option != "name":
                    table.set(option, found, f"the column headed '{header}' holds the {_WORDS[option]}")
        else:
            _card_fields(table, selector, name, position, [docs[p] for p, _ in hits])
        table.links, table.pages = links[(selector, name, position)], [p for p, _ in hits]
        _meeting(table, [docs[p] for p in table.pages], pages)
        if all(_about_us(docs[p]) for p in table.pages):
            table.commented = (f"the cards stand on a page about the site's own people ({table.pages[0]}: about, "
                               "team, staff, board), not at a meeting — uncomment if they are a meeting's speakers")
        parts.append(table)
    return parts


def _biographies(cards, position: str) -> bool:
    """True when most cards' ``position`` element is a sentence (ten words or more ending in a full stop): a
    teaser's biography ("Karin Holm advises on digital development …"), no title and organisation."""
    texts = [" ".join(found.text().split()) for c in cards if (found := c.css_first(position)) is not None]
    texts = [t for t in texts if t]
    return bool(texts) and 2 * sum(len(t.split()) >= 10 and t.endswith(".") for t in texts) > len(texts)


_PROSE_CLASS = re.compile(r"bio|biography|events?|talks?|sessions?|abstract|description|summary|about|excerpt|"
                          r"teaser|links?|social", re.I)


def _prose_classes(cards, position: str) -> list[str]:
    """The classes of the cards' ``position`` elements when most cards class every one of them as prose or as a
    list of talks (``<p class="bio">``, ``<p class="events">``): no title and organisation.

    >>> cards = HTMLParser('<li><h3>A</h3><p class="bio">Works on law.</p><p class="events">Events: X</p></li>' * 3)
    >>> _prose_classes(cards.css("li"), "p")
    ['bio', 'events']
    >>> _prose_classes(HTMLParser('<li><h3>A</h3><p class="role">CEO, Acme</p></li>' * 3).css("li"), "p")
    []
    """
    seen, prose = Counter(), 0
    for card in cards:
        found = [(n.attributes.get("class") or "").split() for n in card.css(position)]
        if found and all(any(_PROSE_CLASS.fullmatch(c) for c in classes) for classes in found):
            prose += 1
            seen.update(c for classes in found for c in classes if _PROSE_CLASS.fullmatch(c))
    return sorted(seen) if cards and prose >= 0.6 * len(cards) else []


def _card_fields(table: Table, selector: str, name: str, position: str | None, docs: list[Document]) -> None:
    """Where a card prints the name, the title and organisation, the role and the country."""
    if selector.endswith("> li") and not position:
        table.set("person", "li", f"the list item holds the name in <{name}>, then the title and organisation "
                  "after a comma")
    else:
        table.set("name", name)
    cards_seen = [c for d in docs for c in HTMLParser(d.body).css(selector)]
    if position and _biographies(cards_seen, position):
        table.why.append(f"the card's <{position}> holds a sentence about the person (a biography), not a title "
                         "and organisation: no position read from it")
        position = None
    elif position and (classes := _prose_classes(cards_seen, position)):
        table.why.append(f"the card's <{position}> elements are classed {', '.join(classes)}: a biography or a list "
                         "of talks, not a title and organisation — no position read from them")
        position = None
    country, titled = _country(docs, selector, position)
    split = _split_position(cards_seen, re.split(r"[.#\[: >]", position, maxsplit=1)[0]) if position else {}
    for option, (found, why) in split.items():
        table.set(option, found, why)
    if position and "title" not in split:
        table.set("position", titled or position, f"the card's <{titled or position}> holds the title and "
                  "organisation")
    role = _card_role(cards_seen, name, [position, titled, *[f for f, _ in split.values()]])
    if role:
        table.set("role", *role)
    if country:
        table.set("country", country, f"the card's '{country}' holds a country name")


# --- tables of people: a row per person --------------------------------------------------------

_COLUMNS = (("name", re.compile(r"^(?:full |speaker'?s? |participant'?s? )?names?$|^(?:speakers?|panel+ists?|"
                                r"presenters?|participants?|moderators?|authors?)$", re.I)),
            ("position", re.compile(r"(?:title|position|role).*(?:organi[sz]ation|affiliation|company|institution)",
                                    re.I)),
            ("title", re.compile(r"^(?:job )?titles?$|^positions?$|^designations?$|^functions?$", re.I)),
            ("organisation", re.compile(r"affiliation|organi[sz]ation|company|institution|employer|agency", re.I)),
            ("country", re.compile(r"^(?:country|nationality|country of residence)$", re.I)))
_WORDS = {"position": "title and organisation", "title": "job titles", "organisation": "organisations",
          "country": "countries"}


def table_rows(html: str) -> list[tuple[str, str, dict[str, tuple[str, str]], list[str]]]:
    """``(row selector, name cell, {option: (cell, header)}, names)`` of the tables of a page that print a person a
    row under a header naming a name column (``Name | Affiliation``); a cell is ``td:nth-child(N)``.

    >>> page = ('<figure class="speakers"><table><thead><tr><th>Name</th><th>Affiliation</th></tr></thead><tbody>'
    ...         + "".join(f"<tr><td>{n}</td><td>Acme</td></tr>" for n in ("Ann Lee", "Bo Chan", "Cy Dee"))
    ...         + "</tbody></table></figure>")
    >>> table_rows(page)
    [('figure.speakers table tr:has(td)', 'td:nth-child(1)', {'name': ('td:nth-child(1)', 'Name'), 'organisation': \
('td:nth-child(2)', 'Affiliation')}, ['Ann Lee', 'Bo Chan', 'Cy Dee'])]
    """
    if "<table" not in html:
        return []
    found = []
    for node in HTMLParser(html).css("table"):
        headers = [" ".join(th.text().split()).strip(" :") for th in (node.css("thead tr") or node.css("tr"))[0].css(
            "th")] if node.css_first("th") is not None else []
        rows = [r for r in node.css("tr") if r.css_first("td") is not None]
        row_class = None
        if not headers:  # no header row: cells classed for their field ("td.name", "td.affiliation": EasyChair)
            headers, row_class = _cell_classes(rows)
        fields = _header_fields(headers)
        if "name" not in fields:
            continue
        cell = fields["name"][0]
        named = [r for r in rows if (c := r.css_first(cell)) is not None and name_like(" ".join(c.text().split()))]
        kinds = Counter(_first_class(r) for r in named)
        if not row_class and kinds and kinds.most_common(1)[0][0] and kinds.most_common(1)[0][1] == len(named):
            row_class = kinds.most_common(1)[0][0]  # "tr.author" between "tr.letter" rows ("A", "B"…)
        rows = [r for r in rows if not row_class or row_class in (r.attributes.get("class") or "").split()]
        names = [" ".join(c.text().split()) for r in rows if (c := r.css_first(cell)) is not None]
        names = [n for n in names if name_like(n)]
        if len(names) >= 3 and len(names) >= 0.6 * len(rows):
            found.append((f"{_table_anchor(node)} tr{'.' + row_class if row_class else ':has(td)'}", cell,
                          _title_and_org(fields, rows), names))
    return found


def _cell_classes(rows: list) -> tuple[list[str], str | None]:
    """The field names the cells of a table's rows are classed with, as if headers (``<td class="name">``,
    ``<td class="affiliation">``), and the class of those rows; none when the cells are not so classed.

    >>> rows = HTMLParser('<table>' + '<tr class="author"><td class="name">A B</td><td class="country">X</td></tr>' * 3
    ...                   + '</table>').css("tr")
    >>> _cell_classes(rows)
    (['name', 'country'], 'author')
    """
    def shape_of(row) -> tuple[str, ...]:
        return tuple(_first_class(td) for td in row.css("td"))

    shapes = Counter(shape_of(r) for r in rows)
    shape, count = shapes.most_common(1)[0] if shapes else ((), 0)
    if count < 3 or len(shape) < 2 or not all(shape):
        return [], None
    classes = Counter(_first_class(r) for r in rows if _first_class(r) and shape_of(r) == shape)
    row_class = classes.most_common(1)[0][0] if classes and classes.most_common(1)[0][1] >= 3 else None
    return [c.replace("-", " ").replace("_", " ") for c in shape], row_class


def _first_class(node) -> str:
    classes = (node.attributes.get("class") or "").split()
    return classes[0] if classes else ""


def _title_and_org(fields: dict[str, tuple[str, str]], rows: list) -> dict[str, tuple[str, str]]:
    """``fields`` with a Title column read as ``position`` (title and organisation) when no column holds the
    organisation and most of its cells print one after a comma ("Director, Directorate of Coastal Mapping")."""
    if "title" not in fields or "organisation" in fields or "position" in fields:
        return fields
    cells = [" ".join(c.text().split()) for r in rows if (c := r.css_first(fields["title"][0])) is not None]
    cells = [c for c in cells if c]
    split = sum(1 for c in cells if any(p.title and p.organisation for p in split_position(c, reading=FREE_TEXT)))
    if not cells or split * 2 < len(cells):
        return fields
    return {("position" if k == "title" else k): v for k, v in fields.items()}


def _header_fields(headers: list[str]) -> dict[str, tuple[str, str]]:
    """``{option: (cell selector, header)}`` of the columns a table's headers name, the first column of each.

    >>> _header_fields(["Name", "Job title", "Company", "Country"])["organisation"]
    ('td:nth-child(3)', 'Company')
    """
    out: dict[str, tuple[str, str]] = {}
    for i, header in enumerate(headers):
        option = next((o for o, rx in _COLUMNS if rx.search(header)), None)
        if option and option not in out and len(header) <= 40:
            out[option] = (f"td:nth-child({i + 1})", header)
    return out


def _table_anchor(node) -> str:
    """A selector of the table: by its class, else by the nearest element around it with a class (a cookie
    banner's table is then no speaker)."""
    here = node
    for _ in range(4):
        classes = (here.attributes.get("class") or "").split()
        usable = [c for c in classes if re.fullmatch(r"[A-Za-z_][\w-]*", c) and not c.startswith(("wp-block", "has-"))]
        if usable:
            return f"{here.tag}.{usable[-1]}" + ("" if here is node else " table")
        if here.parent is None or here.parent.tag in ("body", "html"):
            break
        here = here.parent
    return "table"


def _leaf_texts(card) -> dict[str, list[str]]:
    """``{tag.class or tag: [text…]}`` of a card's elements holding text of their own (no element inside but an
    icon or a break)."""
    found: dict[str, list[str]] = {}
    for node in card.traverse(include_text=False):
        inner = [c.tag for c in node.iter() if not c.tag.startswith("-")]
        printed = " ".join(node.text().split())
        if node is card or not printed or any(t not in ("i", "br", "img", "svg") for t in inner):
            continue
        classes = (node.attributes.get("class") or "").split()
        key = f"{node.tag}.{classes[0]}" if classes and re.fullmatch(r"[A-Za-z_][\w-]*", classes[0]) else node.tag
        found.setdefault(key, []).append(printed)
    return found


def _card_role(cards: list, name: str, taken: list[str | None]) -> tuple[str, str] | None:
    """``(selector, evidence)`` of the element printing a role word on some cards ("Guest Speaker", "Moderator"):
    short text, a role word on at least two cards and on half of those printing it, or a few labels repeated
    ("Head of Delegation" ×10 beside "Moderator")."""
    texts: dict[str, list[str]] = {}
    for card in cards:
        for key, printed in _leaf_texts(card).items():
            texts.setdefault(key, []).extend(printed)
    best = None
    for key, printed in texts.items():
        if key.split(".")[0] == name or key in taken:
            continue
        short = [t for t in printed if len(t) <= 40 and len(t.split()) <= 5 and not re.search(r"\d", t)]
        roles = [t for t in short if role_of(t)]
        labels = len(short) >= 0.9 * len(printed) and len(set(short)) <= 0.5 * len(short)  # a few labels repeated
        if len(roles) >= 2 and (len(roles) >= 0.5 * len(printed) or labels) and (best is None or len(roles) > best[1]):
            best = (key, len(roles), roles)
    if best is None:
        return None
    key, count, roles = best
    return key, (f"{count} cards print a role word in <{key}> (e.g. {', '.join(repr(r) for r in dict.fromkeys(roles))}"
                 f"); the others take role_label")


# class names of a card's title, organisation and country, also in Spanish, French and German (``p.cargo``,
# ``span.entidad``, ``div.organisme``, ``p.funktion``, ``span.pais``)
_TITLE_CLASS = re.compile(r"title|position|job|designation|rank|cargo|puesto|funci[oó]n|poste|fonction|funktion|"
                          r"titel|titre|t[ií]tulo", re.I)
_ORG_CLASS = re.compile(r"org|company|affiliation|employer|institution|agency|department|entidad|instituci[oó]n|"
                        r"empresa|entreprise|[eé]tablissement|unternehmen|einrichtung|institut|firma", re.I)
_COUNTRY_CLASS = re.compile(r"countr|nation|pa[ií]s|pays|(?:^|[-_])land(?:$|[-_])", re.I)


def _split_position(cards: list, tag: str) -> dict[str, tuple[str, str]]:
    """``title`` and ``organisation`` selectors when the cards print them in two ``<tag>`` of their own classes
    (``p.card__title``, ``p.card__org``), and ``position`` for another class of that tag printing both on other
    cards; ``{}`` when they do not."""
    seen: Counter = Counter()
    for card in cards:
        seen.update({k for k in _leaf_texts(card) if k.startswith(tag + ".")})
    def pick(rx, avoid=None):
        return next((k for k, n in seen.most_common() if k != avoid and rx.search(k.split(".", 1)[1])
                     and n >= 0.3 * len(cards)), None)
    title = pick(_ORG_CLASS) and pick(_TITLE_CLASS, pick(_ORG_CLASS))
    org = pick(_ORG_CLASS, title)
    if not (title and org and len(cards) >= 2):
        return {}
    out = {"title": (title, f"{seen[title]} cards print the job title in <{title}>"),
           "organisation": (org, f"{seen[org]} cards print the organisation in <{org}>, apart from the title")}
    rest = next((k for k, n in seen.most_common() if k not in (title, org) and _TITLE_CLASS.search(k)), None)
    if rest:
        out["position"] = (rest, f"{seen[rest]} other cards print title and organisation in one <{rest}>")
    return out


def _country(docs: list[Document], selector: str, position: str | None) -> tuple[str | None, str | None]:
    """``(country, position)`` selectors when the cards print a country in an element of its own class
    (``p.speaker-country``): the country's, and the position's narrowed to the other class of its tag."""
    from ingest.countries import default_countries

    lookup = default_countries().lookup
    filled: Counter = Counter()
    countries: Counter = Counter()
    cards = 0
    for doc in docs:
        for card in HTMLParser(doc.body).css(selector):
            cards += 1
            for node in card.css(",".join(f"{t}[class]" for t in (*POSITION_TAGS, "img"))):
                key = f"{node.tag}.{(node.attributes.get('class') or '').split()[0]}"
                # a flag: the country in its alt text ("<img class="flag" alt="Finland">")
                printed = " ".join((node.text() if node.tag != "img" else node.attributes.get("alt") or "").split())
                filled[key] += 1
                countries[key] += bool(printed and len(printed) < 40 and lookup(printed, fuzzy=False))
    country = next((k for k, n in countries.most_common(1) if cards and n >= 0.8 * filled[k]
                    and (n >= 0.6 * cards or n >= 2 and n >= 0.9 * filled[k])), None)  # on few cards too
    named = [k for k, n in countries.most_common() if _COUNTRY_CLASS.search(k.split(".", 1)[1]) and n >= 2
             and n >= 0.5 * filled[k]]  # a class named for the country ("span.pais"): half its values are enough
    country = country or (named[0] if named else None)
    if not country:
        return None, None
    titled = next((k for k, n in filled.most_common() if k != country and position and k.startswith(position + ".")
                   and n >= 0.6 * cards), None)
    return country, titled


def _meeting_pages(selector: str, hits: list, docs: dict[str, Document]) -> tuple[list, list[Table]]:
    """The card pages that stand for a meeting, and comments on those left out: pages about the site's own people
    (its team, staff, board) and a list of every meeting's speakers (``speakers/index.html``, printing no date
    beside card pages that do) — no session; a programme of several sessions the programme reader reads people
    from is left to a programme part. A part whose every page is about the site's own people is drafted
    commented out, as before."""
    if all(_about_us(docs[p]) for p, _ in hits):
        return hits, []
    hits = [(p, n) for p, n in hits if not _programme_page(docs[p])]
    own = [(p, n) for p, n in hits if _about_us(docs[p])]
    dated = {p for p, _ in hits if printed_dates(docs[p])}
    lists = [(p, n) for p, n in hits if (p, n) not in own and p not in dated and _speaker_list(docs[p])
             and (dated - {p})]
    out = [_left_out(own, selector, "page", "about the site's own people ({}: about, team, staff, board, "
                     "secretariat), not at a meeting — left out of the part below; give them a part of their own if "
                     "they are a meeting's speakers"),
           _left_out(lists, selector, "list", "of speakers printing no date ({}), beside card pages that print "
                     "their meeting's: every meeting's speakers, no session of its own — left out of the part below "
                     "(their speaker pages carry what they add)")]
    return [h for h in hits if h not in own and h not in lists], [t for t in out if t is not None]


def _programme_page(doc: Document) -> bool:
    """True for a page with a programme (a Time column, timed lines) the programme reader reads sessions naming
    people from: a programme part reads it, whatever cards it also holds."""
    from ingest.draft_trial import people_read

    return has_programme(doc.body) and people_read("programme", doc)[0] >= 2


def _left_out(hits: list, selector: str, noun: str, why: str) -> Table | None:
    """A comment for card pages kept out of a part: how many cards, on which pages, and ``why`` (``{}``: the pages)."""
    if not hits:
        return None
    pages = ", ".join(p for p, _ in hits[:3])
    return Table(why=[f"{sum(len(n) for _, n in hits)} HTML cards '{selector}' stand on {_count(hits, noun)} "
                      + why.format(pages)], comment_only=True)


def _count(hits: list, noun: str) -> str:
    return f"1 {noun}" if len(hits) == 1 else f"{len(hits)} {noun}s"


_SPEAKER_LIST = re.compile(r"^\s*(?:(?:our|all|meet\s+(?:the|our))\s+)?(?:speakers?|presenters?|faculty|"
                           r"contributors)\b", re.I)


def _speaker_list(doc: Document) -> bool:
    """True for a page listing speakers by name alone (``speakers/index.html``, ``speakers.md``, titled
    "Speakers"), not a meeting's page."""
    path = PurePosixPath(doc.path)
    where = path.parent.name if path.stem in ("index", "_index") else path.stem
    m = re.search(r"<h1[^>]*>(.{1,200}?)</h1>", doc.body[:40000], re.I | re.S)
    heading = re.sub(r"<[^>]+>", " ", m.group(1)) if m else str(doc.meta.get("title") or "")
    return bool(_SPEAKER_LIST.match(where.replace("-", " ").replace("_", " ")) or _SPEAKER_LIST.match(heading)
                and len(heading.split()) <= 4)


_ABOUT = re.compile(rf"(?:^|[^a-z])(?:about(?:[ -]us)?|our[ -]team|contact|imprint|impressum|who[ -]we[ -]are|careers|"
                    rf"jobs|(?:our[ -])?(?:experts|fellows|scholars)|{OWN_PEOPLE_WORDS})(?:[^a-z]|$)", re.I)  # the words data files of the site's people carry too


def _about_us(doc: Document) -> bool:
    """True for a page about the site's own organisation (``about/index.html``, titled "Our team")."""
    title = str(doc.meta.get("title") or "")
    m = re.search(r"<title[^>]*>([^<]{1,200})</title>|<h1[^>]*>([^<]{1,200})</h1>", doc.body[:20000], re.I)
    if m:
        title += " " + (m.group(1) or m.group(2))
    return bool(_ABOUT.search(str(PurePosixPath(doc.path).parent)) or _ABOUT.search(PurePosixPath(doc.path).stem)
                or _ABOUT.search(title))


_OWN_PEOPLE = re.compile(r"^(?:[^\W\d_]+\s+){0,2}(?:committees?|teams?|organi[sz]ers|staff|board|volunteers?|crew|"
                         r"secretariat|advis[oe]rs)$", re.I)


def own_people_page(doc: Document) -> bool:
    """True for a page titled, or named when untitled, for the site's own people in at most three words
    ("Organising committee", ``volunteers.md``, "Meet the team"): no session of a meeting. A talk's longer title
    naming a team is no such page.

    >>> own_people_page(Document("c/organising-committee.md", "", {"title": "Organising committee"}, "", 0))
    True
    >>> own_people_page(Document("c/teams.md", "", {"title": "How research software teams grow"}, "", 0))
    False
    >>> own_people_page(Document("c/volunteers.md", "", {}, "", 0)), own_people_page(Document("c/x.md", "", {}, "", 0))
    (True, False)
    """
    title = doc.meta.get("title")
    named = title if isinstance(title, str) and title.strip() else PurePosixPath(doc.path).stem
    return bool(_OWN_PEOPLE.match(" ".join(re.split(r"[\s_-]+", named.strip()))))


def _meeting(table: Table, docs: list[Document], pages: list[Document]) -> None:
    """The role headings above cards, and where a card page prints its meeting's date."""

    headed = [d.path for d in docs if any(role_of(h) for h in re.findall(r"^#{2,3}\s+(.+)$", d.body, re.M))
              or any(role_of(m.group(2)) for m in re.finditer(r"<(h[23])[^>]*>([^<]{2,40})</\1>", d.body))]
    if headed:
        table.set("role_from", "heading", f"{len(headed)} card pages put the cards under role headings "
                  f"(e.g. {headed[0]})")
    if all(d.meta.get("date") for d in docs):
        return
    found = date_selector(docs)
    if found:
        edition = [f for f in banner_fields(docs, found[0]) if f[0] == "edition"]
        for option, where, why in edition:
            table.set(option, where, why)
        table.set("date", found[0], found[1])
        for option, where, why in banner_fields(docs, found[0]):
            if option != "edition":
                table.set(option, where, why)
        return
    table.undated = "the card pages print no date the drafter found (or a date selector, e.g. date = \"li\")"
    date_guess(table, pages, docs)


def date_guess(table: Table, pages: list[Document], own: list[Document] = ()) -> None:
    """``default_date`` for a part whose files give no date: the date its own pages print most in their main
    content, else the first day their headings print without a year ("**Day 1 (9 Feb)**") in the year their paths
    name, else the date the site's pages print most (twice, or alone), to check; else a placeholder to fill in,
    commented out (the reader skips what it cannot date). A date of another year than the one the part's paths and
    titles name (a call for papers closing the year before) is never proposed."""
    years = _edition_years(own)
    day, where, sure = site_date(own, years) if own else (None, "", False)
    whose = "the date these pages print most" if len(own) > 1 else "the date the page prints"
    if own and len(years) == 1 and (not day or day.year not in years):
        day, where, sure, whose = _headed_day(own, next(iter(years))) or (day, where, sure, whose)
    if not day or years and day.year not in years:
        day, where, sure = site_date(pages, years)
        whose = "the date the site's pages print most" + (f" in {', '.join(map(str, sorted(years)))} (the year "
                                                          "these pages name)" if day and day.year in years else "")
    if day and years and day.year not in years:  # another edition's date, or a deadline the year before: never
        table.set("default_date", "YYYY-MM-DD", f"{table.undated}: give the meeting's date; these pages name "
                  f"{', '.join(map(str, sorted(years)))}, and no page prints a day of that year (the site's pages "
                  f"print {day:%d %B %Y}, {where}: another year's)", commented=True)
        return
    if day and (other := _of_other_years(own, day.year)):  # one date for pages of two editions misdates some
        table.set("default_date", "YYYY-MM-DD", f"{table.undated}: give each edition's pages a part and a date of "
                  f"their own; {other[0].path} names {', '.join(map(str, sorted(_edition_years(other[:1]))))}, not "
                  f"{day.year} (the year of {day:%d %B %Y}, {where})", commented=True)
        return
    if day and sure:
        table.set("default_date", day.isoformat(), f"{table.undated}: {whose} is "
                  f"{day:%d %B %Y} ({where}) — check it; it dates every session of this part")
    else:
        hint = f"; {whose} is {day:%d %B %Y} ({where}), among others" if day else ""
        table.set("default_date", day.isoformat() if day else "YYYY-MM-DD",
                  f"{table.undated}: give the meeting's date{hint}", commented=True)


def year_day(table: Table, pages: list[Document]) -> None:
    """``default_date`` for a data part dated only by the year in its path (``year_from = "path"``: 1 January), when
    the site's pages print a day of that year fairly (twice, or alone): that day; for files numbering their day
    (``schedule_day2.yml``), ``first_day`` (the first the pages print) and the date from the path."""
    files, found = _meeting_day(table, pages)
    if found is None:
        return
    day, where = found
    if files and all(DAY_NUMBER.search(PurePosixPath(f).stem) for f in files):  # schedule_day1.yml, schedule_day2.yml
        table.set("date_from", "path", "the file names number their day (e.g. "
                  f"{PurePosixPath(files[0]).stem!r}), counted from first_day")
        _first_day(table, day, where)
        return
    table.set("default_date", day.isoformat(), f"the site's pages print {day:%d %B %Y} ({where}) — check it; it "
              "dates every record of this part")


def first_day_guess(table: Table, pages: list[Document]) -> None:
    """``first_day`` for a part whose files or values number their day: the first day the site's pages print in the
    year its files name (the meeting's days, printed together), else a placeholder to fill in."""
    _, found = _meeting_day(table, pages, one_year=False)
    if found:
        _first_day(table, *found)
    else:
        table.set("first_day", "YYYY-MM-DD", "give the date of the meeting's first day (its files or values number "
                  "their day)", commented=True)


def _meeting_day(table: Table, pages: list[Document], one_year: bool = True) -> tuple[list[str], tuple | None]:
    """The part's files, and the day the site's pages print fairly (twice, or alone) in the year the files name,
    with where (``None``: no such day; with ``one_year``, also when the files name no year or several)."""
    files = table.pages or [str(f) for f in as_list(table.get("files") or [])]
    years = {int(y) for f in files for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", f)}
    if one_year and len(years) != 1:
        return files, None
    day, where, sure = site_date(pages, years)
    return files, (day, where) if day and sure and (not years or day.year in years) else None


def _first_day(table: Table, day, where: str) -> None:
    table.set("first_day", day.isoformat(), f"day 1 of the meeting: the site's pages print {day:%d %B %Y} ({where}) "
              "— check it")


def _of_other_years(own: list[Document], year: int) -> list[Document]:
    """The pages whose paths and titles name years, none of them ``year`` (a default date would misdate them).

    >>> docs = [Document(f"_{y}-events/a.md", "", {}, "", 0) for y in (2031, 2032)] + [Document("b.md", "", {}, "", 0)]
    >>> [d.path for d in _of_other_years(docs, 2031)]
    ['_2032-events/a.md']
    """
    return [d for d in own if (named := _edition_years([d])) and year not in named]


def _headed_day(own: list[Document], year: int) -> tuple | None:
    """``(day, where, sure, whose)``: the first day the pages' headings print without a year, in ``year``."""
    from ingest.draft_dates import heading_days

    for doc in own:
        found = heading_days(doc, year)
        if found:
            day, head = found[0]
            return (day, f"{doc.path}: {head!r}", True, f"the first day the page's headings print, in {year} (the "
                    "year its path names),")
    return None


def _edition_years(docs: list[Document]) -> set[int]:
    """The years the pages name in their paths and titles (their edition's).

    >>> _edition_years([Document("events/2031.md", "", {"title": "Forum"}, "", 0)])
    {2031}
    """
    named = " ".join(f"{d.path} {d.meta.get('title') or ''}" for d in docs)
    return {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", named)}


def site_date(pages: list[Document], years=()) -> tuple:
    """The date printed most often in the pages' own text (front matter, an HTML page's main content: no
    sidebar widget), of one of ``years`` when some are, where, and whether it is a fair guess: printed twice or
    alone (``(None, "", False)``: none)."""
    seen: dict = {}
    for doc in pages:
        printed = [line_date(v) for v in doc.meta.values() if isinstance(v, str)]
        for day in [d for d in printed if d] + printed_dates(doc):
            seen.setdefault(day, []).append(doc.path)
    if any(d.year in years for d in seen):  # the edition's own dates, not the next edition's announced
        seen = {d: paths for d, paths in seen.items() if d.year in years}
    if not seen:
        return None, "", False
    days = sorted(seen)
    if len(days) > 1 and (days[-1] - days[0]).days < 7:  # the days of one meeting ("Day 1 – 4 June", "Day 2 – …")
        return days[0], (f"the first of the days they print, e.g. in {seen[days[0]][0]}; also printed: "
                         f"{', '.join(f'{d.day} {d:%B %Y}' for d in days[1:5])}"), True
    day, paths = max(seen.items(), key=lambda kv: len(kv[1]))
    sure = len(paths) >= 2 or len(seen) == 1  # printed twice, or the only date printed
    return day, f"{len(paths)} time{'s' * (len(paths) != 1)}, e.g. in {paths[0]}", sure


def _innermost(seen: dict[tuple, list]) -> dict[tuple, list]:
    """One card shape per page set: the one with most cards (an outer grid holds the same names)."""
    by_pages: dict[frozenset, tuple] = {}
    for key, hits in seen.items():
        pages = frozenset(p for p, _ in hits)
        cards = sum(len(n) for _, n in hits)
        # most cards; on a tie, a card of its own class before the list item holding it
        rank = (cards, not key[0].endswith("> li"))
        if pages not in by_pages or rank > (sum(len(n) for _, n in seen[by_pages[pages]]),
                                            not by_pages[pages][0].endswith("> li")):
            by_pages[pages] = key
    return {key: seen[key] for key in by_pages.values()}


# --- programme tables ----------------------------------------------------------------------


def has_programme(body: str) -> bool:
    """True when the page has a table with a column of times (HTML or Markdown, headed "Time", "Hora", "Zeit"…, in
    its first two columns: a "Día" column may come first), or three lines led by a time (``### 09:30 – 10:30 |
    Keynote``, ``- 13:00 : Welcome (Ann Lee)``).

    >>> has_programme("| Time | Session |\\n|---|---|\\n"), has_programme("<table><tr><th>Time</th>"), has_programme("x")
    (True, True, False)
    >>> has_programme("## Day 1\\n### 09:30 – 10:30 | Keynote\\n### 10:45 Panel\\n- 13:00 : Welcome (Ann Lee)\\n")
    True
    >>> has_programme("<table><tr><th>Día</th><th>Hora</th><th>Sala</th></tr><tr><td>Martes</td>"
    ...               "<td>09:00 – 09:30</td><td>Apertura</td></tr></table>")
    True
    """
    if _TIME_HEADER.search(body) or _timed_lines(body) >= 3:
        return True
    if "<t" in body:
        for table in HTMLParser(body).css("table"):
            head = table.css_first("th") or table.css_first("td")
            if head is not None and head.text().strip().lower().startswith("time"):
                return True
    return bool(time_columns(body))


def time_columns(body: str) -> list[tuple[str, bool]]:
    """``(header, known)`` of each table of a page (HTML, or Markdown pipe tables) whose first or second column
    holds times under a header: ``known`` when the programme reader finds the column by its header itself, else a
    part names it (``time_column = "Uhr"``).

    >>> time_columns("| Uhr | Vortrag |\\n|---|---|\\n| 09:00 | Begrüßung |\\n| 09:30 | Keynote |\\n")
    [('Uhr', False)]
    >>> time_columns("<table><tr><th>Hora</th><th>Sesión</th></tr><tr><td>09:00</td><td>Apertura</td></tr></table>")
    [('Hora', True)]
    """
    from ingest.agenda import a_time, time_column

    if "<table" not in body and not re.search(r"^\s*\|.*\|\s*$", body, re.M):
        return []
    html = body if "<table" in body else _rendered(body)
    out = []
    for table in HTMLParser(html).css("table"):
        rows = [r for r in _grid(table) if r]
        if len(rows) < 2:
            continue
        heads, below = rows[0], rows[1:9]
        timed = [i for i, head in enumerate(heads[:2]) if head and not a_time(head)
                 and (cells := [r[i] for r in below if len(r) > max(i, 1) and r[i]])
                 and 2 * sum(map(a_time, cells)) > len(cells)]  # a spanned "Día" cell shifts a row's cells: either
        known = [h for h in heads[:3] if time_column([h], "time", [["09:00"]]) == 0]  # a header the reader knows
        if timed:
            out.append((known[0], True) if known else (heads[timed[0]], False))
    return out


def _grid(table) -> list[list[str]]:
    """The cell texts of a table's rows as the programme reader lays them out (``column_table.grid``: a cell
    spanning rows or columns fills each place, so a "Día" cell spanning the day keeps the times in their column).

    >>> from selectolax.lexbor import LexborHTMLParser as P
    >>> page = P("<table><tr><td rowspan=2>Mon</td><td>09:00</td></tr><tr><td>10:00</td></tr></table>")
    >>> _grid(page.css_first("table"))
    [['Mon', '09:00'], ['Mon', '10:00']]
    """
    from ingest.column_table import grid

    return [[" ".join(s.cell.text().split()) if s else "" for s in row] for row in grid(table)]


def _time_option(doc: Document) -> dict[str, str]:
    """``{"time_column": header}`` for a page whose time column has a header the reader does not know, else ``{}``."""
    return next(({"time_column": head} for head, known in time_columns(doc.body) if not known), {})


def _rendered(body: str) -> str:
    from ingest.html_page import page_tree

    tree = page_tree(Document("page.md", "", {}, body, 0), "markdown")
    return tree.html or ""


_LINE_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d{1,2}\.\s+)?")


def _timed_lines(body: str) -> int:
    """How many lines of a page (its text, for HTML) open with a time."""
    from ingest.agenda import time_lead

    lines = HTMLParser(body).body.text(separator="\n").splitlines() if body.lstrip().startswith("<") \
        else body.splitlines()
    return sum(1 for line in lines if len(line) < 300 and time_lead(_LINE_MARK.sub("", line)))


def programme_parts(pages: list[Document], earlier: list[Table] = (), elsewhere: set[str] = frozenset(),
                    docs: list[Document] = ()) -> list[Table]:
    """A ``programme`` part over the pages no earlier part reads that have a programme (a ``Time`` column, lines led
    by a time) or that the reader, when tried, reads sessions with people from; a programme naming nobody is a
    comment, not a part; a page whose sessions link to pages another part reads (``elsewhere``: pages read as data)
    is their index, a comment too."""
    from ingest import readers
    from ingest.draft_trial import people_read

    globs = [g for t in earlier if not t.comment_only for g in
             ([t.get("files")] if isinstance(t.get("files"), str) else t.get("files") or [])]
    # a page another page reader recognises (a sicw session page: its table of speakers) is that reader's
    free = [d for d in pages if not _named(d.path, globs)
            and readers.detect_file(d, selective=False) in (None, "programme")]
    shaped = {d.path: people_read("programme", d, **_time_option(d)) for d in free if has_programme(d.body)}
    tried = {d.path: people_read("programme", d) for d in free if d.path not in shaped and _worth_trying(d)}
    hits = [p for p, (_, rows) in shaped.items() if rows] + [p for p, (n, _) in tried.items() if n >= 2]
    read = [t for t in earlier if not t.comment_only and not t.commented and t.get("reader") != "programme"]
    hits += _session_pages([d for d in free if tried.get(d.path, (0, 0))[0] == 1], [d for d in pages if d.path in hits],
                           pages, _session_titles(list(docs), read) if docs else set())
    out = _nobody([p for p, (_, rows) in shaped.items() if not rows])
    indexes = {p: linked for p in hits if (linked := index_links(p, pages, globs + [h for h in hits if h != p],
                                                                    {**shaped, **tried}[p][0], elsewhere))}
    hits = [p for p in hits if p not in indexes]
    repeating = _repeating(hits, {d.path: d for d in pages})
    hits = [p for p in hits if p not in repeating]
    exported = _exported(hits, {d.path: d for d in pages}, _session_keys(list(docs), read) if docs else set())
    hits = [p for p in hits if p not in exported]
    out += [Table(why=[f"{p} prints the sessions a data file's part reads ({n} of them): the data reads them — "
                       "left out"], comment_only=True) for p, n in exported.items()]
    out += [Table(why=[f"{p} prints only sessions {other} prints too (a speaker's page listing their talks): left out"],
                  comment_only=True) for p, other in list(repeating.items())[:3]]
    out += [Table(why=[f"{p} lists sessions whose titles link to pages of their own ({len(n)} of them, e.g. {n[0]}), "
                       "which another part reads: an index of them — left out"], comment_only=True)
            for p, n in indexes.items()]
    if hits and tried:  # pages detection gives the programme reader beside them, in the same editions' folders
        hits += _recognised_beside(free, hits, shaped, tried)
    docs = {d.path: d for d in pages}
    years: dict[tuple, list[str]] = {}
    for path in hits:  # an edition's folder per part when a page needs its edition's date, else one part
        years.setdefault(tuple(_YEAR_FOLDER.findall(path)) if not all(_dated(docs[p]) for p in hits) else (),
                         []).append(path)
    for paths in years.values():
        out.append(_programme_part(paths, pages, {**shaped, **tried}, bool(tried)))
    return out


_YEAR_FOLDER = re.compile(r"(?:^|/)((?:19|20)\d\d)(?:/|$)")


def _repeating(hits: list[str], docs: dict[str, Document]) -> dict[str, str]:
    """``{page: a page printing them too}`` for the programme pages whose sessions another page prints all of (a
    speaker's page listing their talks as the schedule prints them, linked to the same talk pages): the page with
    more sessions is kept. A session is known by the page it links to, else by its title and its day — or, when
    either page prints no day (a speakers page), its edition (the years its page's path names)."""
    from ingest import readers
    from ingest.cards import first_day
    from ingest.draft_trial import UNDATED

    undated = first_day(UNDATED["programme"]["default_date"])
    keys: dict[str, set[tuple]] = {}
    for path in hits:
        try:  # the page's own days, else none (a trial's default date, known as no day)
            found = readers.module("programme").read(docs[path]).sessions \
                or readers.module("programme").read(docs[path], **UNDATED.get("programme", {})).sessions
        except (IngestError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            found = []
        edition = "/".join(re.findall(r"(?:19|20)\d\d", path))  # an edition's pages, by the years of their path
        keys[path] = {(s.permalink, None, None) if s.permalink and "#" not in s.permalink  # a link to the talk's page
                      else (_title_key(s.title), s.date if s.date != undated else None, edition)
                      for s in found if s.rows}
    kept: list[str] = []
    out: dict[str, str] = {}
    for path in sorted(hits, key=lambda p: -len(keys[p])):
        other = next((k for k in kept if keys[path] and _repeats(keys[path], keys[k])), None)
        if other is not None:
            out[path] = other
        else:
            kept.append(path)
    return out


def _repeats(mine: set[tuple], theirs: set[tuple]) -> bool:
    """True when a page's sessions are all printed in ``theirs`` — or, linked to their talks' pages, three in four of
    them are (Indico's contribution list beside its timetable, which prints a panel as a block of its own).

    >>> links = {(f"/c/{i}/", None, None) for i in range(8)}
    >>> _repeats(links, links - {("/c/7/", None, None)}), _repeats(links, set(list(links)[:4]))
    (True, False)
    """
    found = sum(_printed_in(key, theirs) for key in mine)
    linked = sum(1 for key in mine if key[1] is None and key[2] is None)
    return found == len(mine) or linked >= 4 and found * 4 >= len(mine) * 3


def _printed_in(key: tuple, theirs: set[tuple]) -> bool:
    """True when a session (a link, or a title, day and edition) is one of ``theirs``: the same link, or the same
    title on the same day — in the same edition when one of the two prints no day."""
    if key in theirs:
        return True
    title, day, edition = key
    return any(t == title and (d is None or day is None) and e == edition for t, d, e in theirs if e is not None)


def index_links(path: str, pages: list[Document], globs: list[str], sessions: int,
                elsewhere: set[str] = frozenset()) -> list[str]:
    """The pages a programme page's links lead to, when they are the pages of half its sessions or more and an
    earlier part or a reader reads them (an events list linking each event's page): the page is their index.

    >>> index = Document("e/index.html", "", {}, '<h3><a href="a/">A</a></h3><h3><a href="/e/b/">B</a></h3>', 0)
    >>> docs = [index] + [Document(f"e/{n}/index.html", "", {}, "<h1>Event</h1>", 0) for n in "ab"]
    >>> index_links("e/index.html", docs, ["e/*/index.html"], 2), index_links("e/index.html", docs, [], 2)
    (['e/a/index.html', 'e/b/index.html'], [])
    """
    from ingest import readers

    docs = {d.path: d for d in pages}
    doc = docs.get(path)
    if doc is None or "<a" not in doc.body or sessions < 2:
        return []
    hrefs = [a.attributes.get("href") or "" for a in HTMLParser(doc.body).css("a[href]")]
    found = dict.fromkeys(t for h in hrefs if (t := _linked_page(path, h, {**docs, **dict.fromkeys(elsewhere)}))
                          and t != path)
    read = [t for t in found if t in elsewhere or _named(t, globs) or readers.detect_file(docs[t], selective=False)]
    return read if len(read) >= max(2, sessions / 2) else []


def _linked_page(path: str, href: str, docs: dict) -> str | None:
    """The site's file an internal link leads to (``a/`` beside ``e/index.html``: ``e/a/index.html``), else None.

    >>> _linked_page("e/index.html", "../s/ann/", {"s/ann/index.html": 1}), _linked_page("e/x.html", "https://x", {})
    ('s/ann/index.html', None)
    """
    import posixpath
    from urllib.parse import urlsplit

    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = "" if parts.path.startswith("/") else posixpath.dirname(path)
    target = posixpath.normpath(posixpath.join(base, parts.path.lstrip("/"))).lstrip("./") if parts.path != "/" else ""
    for name in (target, f"{target}/index.html", f"{target}.html", f"{target}/index.md", f"{target}.md"):
        if name in docs:
            return name
    return None


def _recognised_beside(free: list[Document], hits: list[str], shaped: dict, tried: dict) -> list[str]:
    """The pages detection gives the programme reader whose names fit the hits' across editions (``programm-tag-2``
    beside ``programm-tag-1``): one part reads them all."""
    from ingest import readers

    names = {re.sub(r"\d+", "#", PurePosixPath(p).name) for p in hits}
    return [d.path for d in free if d.path not in shaped and d.path not in tried
            and re.sub(r"\d+", "#", PurePosixPath(d.path).name) in names
            and readers.detect_file(d, selective=False) == "programme"]


def edition_names(paths: list[str], every: list[str]) -> str | None:
    """One glob for pages of one name pattern in each edition's folder (``content/*/programm-tag-*.md``): the
    edition folders as ``*``, the name the pages share up to a number; ``None`` when it takes in another page.

    >>> every = ["c/2024/tag-1.md", "c/2024/_index.md", "c/2025/tag-1.md", "c/2025/tag-2.md"]
    >>> edition_names(["c/2024/tag-1.md", "c/2025/tag-1.md", "c/2025/tag-2.md"], every)
    'c/*/tag-*.md'
    >>> edition_names(["c/2024/tag-1.md", "c/2025/tag-1.md"], every + ["c/2025/tag-x.md"]) is None
    True
    """
    from ingest.draft_data import _matches

    folders = {"/".join("*" if re.fullmatch(r"(?:19|20)\d\d", f) else f for f in PurePosixPath(p).parent.parts)
               for p in paths}
    names = [PurePosixPath(p).stem for p in paths]  # "programma.md" alone: "programma*.md", not "programma.md*.md"
    prefix = re.match(r"\D*", os.path.commonprefix(names)).group()
    suffixes = {PurePosixPath(p).suffix for p in paths}
    if len(folders) != 1 or "*" not in next(iter(folders)) or len(prefix) < 3 or len(suffixes) != 1:
        return None
    glob = f"{folders.pop()}/{prefix}*{suffixes.pop()}"
    return glob if all(p in paths for p in every if _matches(p, glob)) else None


def _programme_part(hits: list[str], pages: list[Document], read: dict, tried: bool) -> Table:
    from ingest.draft_trial import exact_files

    have = "has" if len(hits) == 1 else "have"
    why = [f"{len(hits)} page{'s' * (len(hits) != 1)} {have} a programme: a table with a 'Time' column, or lines led "
           f"by a time (e.g. {', '.join(hits[:3])})"] if not tried else [
        f"{len(hits)} page{'s' * (len(hits) != 1)} {have} a programme the programme reader reads people from ("
        + ", ".join(f"{p}: {read[p][0]} sessions, {read[p][1]} people" for p in hits[:3]) + ")"]
    table = Table(why=why)
    every = [d.path for d in pages]
    files = exact_files(hits, every)
    table.set("files", edition_names(hits, every) if isinstance(files, list) and edition_names(hits, every) else files)
    table.set("reader", "programme")
    docs = {d.path: d for d in pages}
    unknown = next(((p, o["time_column"]) for p in hits if (o := _time_option(docs[p]))), None)
    if unknown:
        table.set("time_column", unknown[1], f"{unknown[0]} prints its times in a column headed {unknown[1]!r}, a "
                  "header the reader does not know")
    undated_guess(table, hits, pages)
    return table


def undated_guess(table: Table, hits: list[str], pages: list[Document]) -> None:
    """``default_date`` for a programme part when some of its pages print no date: the date the pages of their
    edition's folder print most."""
    docs = {d.path: d for d in pages}
    undated = [p for p in hits if not _dated(docs[p])]
    if undated:
        table.undated = (f"{len(undated)} of these pages print no date the drafter found (no 'Date:' line, "
                         f"front-matter date or date in the file name; e.g. {undated[0]})")
        year = _YEAR_FOLDER.findall(undated[0])
        date_guess(table, [d for d in pages if _YEAR_FOLDER.findall(d.path) == year] or pages,
                   [docs[p] for p in undated])


def _named(path: str, globs: list[str]) -> bool:
    from wcmatch import glob

    from ingest.profile import GLOB_FLAGS

    return bool(globs) and glob.globmatch(path, globs, flags=GLOB_FLAGS)


def _session_pages(docs: list[Document], programmes: list[Document], pages: list[Document],
                   known: set[str] = frozenset()) -> list[str]:
    """Pages of one session each that date themselves (a forum's session pages: a title, its date and time, the
    speakers, the moderators' lines), three or more: the programme reader reads each as its session — unless a
    programme read already links to them (it names their people: the pages would repeat its sessions), or
    another part reads their sessions (``known``, titles: a database exported as a CSV and a page per row)."""
    from ingest import readers

    def own(doc: Document) -> bool:
        try:
            found = [s for s in readers.module("programme").read(doc).sessions if s.rows]
        except (IngestError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return False
        return bool(found) and not any(_title_key(s.title) in known for s in found)

    every = {d.path: d for d in pages}
    linked = {t for d in programmes if "<a" in d.body or "](" in d.body
              for a in HTMLParser(d.body if "<a" in d.body else _rendered(d.body)).css("a[href]")
              if (t := _linked_page(d.path, a.attributes.get("href") or "", every))}
    docs = [d for d in docs if d.path not in linked]

    found = [d.path for d in docs if own(d)]
    found = [p for p in found if len(index_links(p, pages, [q for q in found if q != p], 2)) < 2]  # no list of them
    return found if len(found) >= 3 else []


def _worth_trying(doc: Document) -> bool:
    """A page no reader recognises, not about the site's own people or its sponsors: the programme reader may
    read it (a block per session with a "Presented by:" line)."""
    from ingest import readers
    from ingest.draft_trial import about_sponsors

    if doc.suffix in readers.PAGE_SUFFIXES and readers.detect_file(doc, selective=False):
        return False
    return not about_sponsors(doc) and not _about_us(doc) and not _blog_post(doc)


_POST = re.compile(r"<body[^>]*\bclass=\"[^\"]*\bsingle-post\b|<article[^>]*\bclass=\"[^\"]*\btype-post\b"
                   r"|\"@type\"\s*:\s*\"(?:BlogPosting|NewsArticle)\"")


def _blog_post(doc: Document) -> bool:
    """True for a blog post (WordPress' ``single-post`` page, a schema.org BlogPosting): a report written after
    the event recounts who spoke in prose ("the first panel, moderated by …"), no programme to read it as.

    >>> _blog_post(Document("r.html", "", {}, '<body class="post-template-default single single-post">', 0))
    True
    """
    return doc.suffix in HTML_SUFFIXES and bool(_POST.search(doc.body[:200000]))


def _nobody(paths: list[str]) -> list[Table]:
    if not paths:
        return []
    have = "page has" if len(paths) == 1 else "pages have"
    return [Table(why=[f"{len(paths)} {have} a programme table or timed lines, but the "
                       f"programme reader reads no person from them (e.g. {paths[0]}): an agenda whose sessions "
                       "link to pages of their own, or name nobody — no part"], comment_only=True)]


def _dated(doc: Document) -> bool:
    """True when a programme page dates itself as the programme reader would without ``default_date``: a "Date:"
    line (the reader's own rule: "Last updated: 3 March" is no date line), its front matter, its file name, a date
    in its opening lines, or a heading ("## Day 1 — Tuesday, 3 June 2025").

    >>> _dated(Document("a.html", "", {}, "<h3>09:00 Panel</h3><p>Last updated: 3 March 2031.</p>", 0))
    False
    >>> _dated(Document("a.html", "", {}, "<p>Panel</p><p>Date: 3 March 2031</p>", 0))
    True
    """
    from ingest.html_page import page_tree
    from ingest.profile import Settings
    from ingest.programme_days import dated
    from ingest.programme_page import Options

    if doc.meta.get("date") or re.search(r"\d{4}-\d\d-\d\d", doc.path):
        return True
    body = own_html(doc.body) if doc.suffix in HTML_SUFFIXES else doc.body  # not a sidebar widget's dates
    headings = re.findall(r"^#{1,6}\s+(.{6,80})$|<h[1-6][^>]*>([^<]{6,80})</h", body, re.M)
    if any(times.parse_date(a or b) for a, b in headings):
        return True
    return dated(doc, page_tree(doc), Options(), Settings())[0] is not None


# --- people under role headings -------------------------------------------------------------


def has_body_people(body: str) -> bool:
    """True when a role heading ("## Speakers", "**Moderator**") is followed by bullets."""
    lines = body.splitlines()
    for i, line in enumerate(lines):
        m = _HEADING.match(line)
        label = m and next(g for g in m.groups() if g)
        if label and len(label) < 40 and role_of(label):
            if any(_BULLET.match(x) for x in lines[i + 1:i + 4]):
                return True
    return False


_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.+?)\s*#*\s*$")


def session_levels(docs: list[Document]) -> tuple[list[int], str]:
    """The heading levels that name sessions inside pages: a heading printing a time above a list of people,
    and the titled headings between it and the list; with a heading for example.

    >>> session_levels([Document("a.md", "", {}, "## Agenda\\n### Session 2, 1:00 pm - 1:45 pm, ET\\n"
    ...                          "#### Mapping rivers\\n**Speakers**\\n- **Ann Lee** — Analyst, Acme\\n", 0)])
    ([3, 4], 'Session 2, 1:00 pm - 1:45 pm, ET')
    >>> session_levels([Document("a.md", "", {}, "## 9:00 am - 9:30 am, ET<br />Maps\\nWith:\\n"
    ...                          "* **Ann Lee** — Analyst\\n", 0)])
    ([2], '9:00 am - 9:30 am, ET<br />Maps')
    >>> session_levels([Document("a.md", "", {}, "## About\\n## Speakers\\n- **Ann Lee** — Analyst, Acme\\n", 0)])
    ([], '')
    """
    from ingest.agenda import split_heading

    levels: set[int] = set()
    example = ""
    for doc in docs:
        stack: list[tuple[int, str, bool]] = []  # the headings above this line: level, text, prints a time
        for line in doc.body.splitlines():
            m = _MD_HEADING.match(line)
            label = _role_heading(line)
            if m:
                stack = [h for h in stack if h[0] < len(m.group(1))]
            if m and not label:
                stack.append((len(m.group(1)), m.group(2), bool(split_heading([m.group(2)])[1])))
            if label or _person_bullet(line):  # "**Speakers**", or "* **Ann Lee** — …" after "…these speakers:"
                first = next((i for i, h in enumerate(stack) if h[2]), None)
                if first is not None:
                    levels.update(h[0] for h in stack[first:])
                    example = example or stack[first][1]
    return sorted(levels), example


def _person_bullet(line: str) -> bool:
    """A bullet opening with a bold name ("* **Ann Lee** — Analyst"), or a paragraph opening with a bold name and
    its position ("**Dr Ingrid Solberg**, Chercheuse senior, …")."""
    m = re.match(r"\s*[-*+]\s+\*\*([^*]{3,60})\*\*", line) or re.match(r"\*\*([^*]{3,60})\*\*\s*[,—–]\s*\S", line)
    return bool(m and name_like(m.group(1).strip(" ,:")))


def _role_heading(line: str) -> str | None:
    m = _HEADING.match(line)
    label = m and next(g for g in m.groups() if g)
    return label if label and len(label) < 40 and role_of(label) else None


# --- role words ----------------------------------------------------------------------------


def role_words_in(text: str) -> Counter:
    """The role words printed as headings, bold labels or ``Label:`` lines in a page body."""
    found = Counter()
    for m in _HEADING.finditer(text):
        found.update(_role_word(next(g for g in m.groups() if g)))
    for m in _HTML_HEADING.finditer(text):
        found.update(_role_word(m.group(2)))
    for m in _LABEL_LINE.finditer(text):
        found.update(_role_word(m.group(1)))
    return found


_FIELD_HEADER = re.compile(r"\b(?:names?|titles?|bios?|biography|ids?|slugs?|emails?|photos?|images?|company|"
                           r"organi[sz]ations?|affiliations?|countr(?:y|ies)|links?|urls?|list|count|number)$", re.I)


def _role_word(label: str) -> list[str]:
    """``[label]`` when it is a role label ("Moderator", "Rapporteurs"), ``[]`` for one naming something else: a
    page title with a year ("Speakers 2024"), a column or key naming a person's field ("Speaker name").

    >>> _role_word("Keynote address"), _role_word("Speakers 2024"), _role_word("Speaker name"), _role_word("Chair")
    (['Keynote address'], [], [], ['Chair'])
    """
    text = " ".join(label.strip(" *:_").split())
    if not text or len(text) > 30 or len(text.split()) > 3 or re.search(r"\d", text) \
            or _FIELD_HEADER.search(text.replace("_", " ")):
        return []
    if role_of(text) and (len(text.split()) <= 2 or not_a_person(text) == "a heading") \
            or text.lower().rstrip("s") in EXTRA_ROLE_WORDS:
        return [text]
    return []


# a label alone in an element of its own, before the people it names: <p class="rol">Presenta:</p>, <b>Modera:</b>
_OWN_LABEL = re.compile(r"<(\w+)\b[^>]*>\s*([^<:]{2,40}?)\s*:\s*</\1>\s*(?:<[^>]+>\s*)*([^<]{3,80})", re.I)


def labels_in(text: str) -> Counter:
    """The labels a page prints alone in an element, ending in a colon, before a person's name: what may be a role
    word the model does not know.

    >>> labels_in('<p class="rol">Hosted by:</p><p><strong>Dr Ann Lee</strong></p><b>Venue:</b> Hall 2')
    Counter({'Hosted by': 1})
    """
    from ingest.draft_values import name_like
    from ingest.names import split_name

    found = Counter()
    for m in _OWN_LABEL.finditer(text):
        label, after = " ".join(m.group(2).split()), re.split(r"[,(;\n]", m.group(3))[0].strip()
        if len(label.split()) <= 4 and not re.search(r"\d", label) and not _FIELD_HEADER.search(label) \
                and name_like(split_name(after).name or after):
            found[label] += 1
    return found


def unmapped_labels(seen) -> Counter:
    """The labels before people's names (``labels_in``) that no role word maps: ``{label: count}``."""
    counts = Counter()
    for doc in seen.pages:
        counts.update(labels_in(doc.body) if "<" in doc.body else Counter())
    return Counter({w: c for w, c in counts.items() if role_of(w) is None})


def role_words(seen) -> dict:
    """Role words of the folder's pages and data keys: ``Counter``-like ``{word: (count, role)}``."""
    counts = Counter()
    for doc in seen.pages:
        counts.update(role_words_in(doc.body))
    for doc in seen.data:
        counts.update(_data_role_keys(doc.data))
    return _Words({w: (c, role_of(w)) for w, c in counts.items()})


def _data_role_keys(data, depth: int = 0) -> Counter:
    """The keys of a data file that list people under a role word, once each (a column header printed on every
    row is one label).

    >>> _data_role_keys([{"Speaker name": "Ann Lee", "Moderator": "Bo Chan"}, {"Speaker name": "Cy Dee"}])
    Counter({'Moderator': 1})
    """
    return Counter(set(_role_keys_in(data, depth)))


def _role_keys_in(data, depth: int = 0):
    if depth > 3:
        return
    items = data if isinstance(data, list) else [data]
    for item in items[:200]:
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(key, str) and len(key) < 25 and _role_word(key) \
                        and key.lower() not in ("title", "name", "type") and _names_people(value):
                    yield key
                if isinstance(value, dict | list):
                    yield from _role_keys_in(value, depth + 1)


def _names_people(value) -> bool:
    """True for a value that names people: a name, or a list of names or of mappings with a name (not a venue's
    empty ``address``)."""
    if isinstance(value, str):
        return name_like(value.split(",")[0].strip())
    if isinstance(value, list):
        return any(isinstance(v, dict) or isinstance(v, str) and name_like(v.split(",")[0].strip()) for v in value)
    return False


class _Words(dict):
    def most_common(self, n: int | None = None) -> list:
        """The words by count, most first."""
        return sorted(self.items(), key=lambda kv: -kv[1][0])[:n]


# --- cards of speakers whose talks another part reads -----------------------------------------

_SPEAKERS_WORDS = re.compile(r"(?<![^\W\d_])(?:speakers?|intervenant(?:e|s|es|·e·s)?|referent(?:en|innen)?|"
                             r"orateurs?|ponentes|relatori)(?![^\W\d_])", re.I)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def speaker_cards(parts: list[Table], docs: list[Document]) -> None:
    """``kind = "speakers"`` on a cards part whose people the site's sessions (read by its other parts) name in the
    same edition: most of its card names are in those sessions, or its page is titled for speakers beside them.
    Its cards are then who the speakers are, not one more meeting; a card page that is the only source of its
    people (a roundtable's participants) keeps the default."""
    cards = [p for p in parts if p.get("reader") == "cards" and p.get("page") in (None, "cards")
             and not p.comment_only and not p.commented and p.get("kind") is None]
    if not cards:
        return
    others = [p for p in parts if p.get("reader") not in (None, "cards") and not p.comment_only and not p.commented]
    for part in cards:
        own = _part_docs(part, docs)
        heard = _session_people([d for d in docs if d not in own], others)
        if heard:
            _speaker_kind(part, own, heard)


def _speaker_kind(part: Table, own: list[Document], heard: dict) -> None:
    """Set ``kind = "speakers"`` on ``part`` with its evidence when its cards' people speak in ``heard``."""
    names: dict[str, tuple[str, int | None]] = {}
    for doc in own:
        year = edition_year(doc.path)
        for name in _card_names(part, doc):
            names.setdefault(people_key(name), (name, year))
    names.pop("", None)
    shared = [n for key, (n, year) in names.items() if key in _heard_in(heard, year)]
    if len(shared) >= 2 and 2 * len(shared) > len(names):
        part.set("kind", "speakers", f"{len(shared)} of the {len(names)} people on the cards (e.g. "
                 f"{', '.join(repr(n) for n in shared[:2])}) speak in the sessions the other parts read for the same "
                 "edition: the cards say who they are, the sessions where they spoke — no session of their own")
        return
    # a page titled for speakers whose agenda prints the names otherwise ("A. Vale"): their family names meet
    titled = next((d for d in own if _speakers_page(d) and _heard_in(heard, edition_year(d.path))), None)
    families = {k.split()[-1] for k in _heard_in(heard, edition_year(titled.path))} if titled else set()
    met = [n for key, (n, _) in names.items() if key.split()[-1] in families]
    if titled and 3 * len(met) >= len(names) > 0:
        part.set("kind", "speakers", f"{titled.path} is titled for speakers and the sessions the other parts read "
                 f"for its edition name {len(met)} of its {len(names)} people by family name (e.g. {met[0]!r}): the "
                 "cards say who the speakers are — no session of their own; remove this line if the page is a "
                 "meeting of its own")


# --- speaker lists of Markdown headings: "### Name — Title, Organisation", then a biography ---------------------

_HEAD_PERSON = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$")
_NAME_END = re.compile(r"\s+[—–-]\s+|\s*\(|,")


def heading_people(body: str) -> tuple[int, list[str]] | None:
    """``(level, names)`` of the H2 or H3 headings of a Markdown page that read as people, a heading each ("Name —
    Title, Organisation", "Prof. Name (Organisation, Country)", a name alone): three or more, most headings of
    their level.

    >>> heading_people("# Speakers\\n### Ann Lee — Director, Acme\\nBio.\\n### Dr Bo Chan (Reef Lab, Chile)\\n"
    ...                "### Cy Dee\\n## Practical information\\n")
    (3, ['Ann Lee', 'Dr Bo Chan', 'Cy Dee'])
    >>> heading_people("## Opening remarks\\n## Panel: Data\\n## Closing\\n") is None
    True
    """
    levels: dict[int, list[str]] = {}
    for line in body.splitlines():
        m = _HEAD_PERSON.match(line)
        if m:
            levels.setdefault(len(m.group(1)), []).append(m.group(2))
    for level in sorted(levels, reverse=True):  # a list of people under section headings: the deeper level
        heads = levels[level]
        names = [n for h in heads if name_like(n := _NAME_END.split(re.sub(r"[*_`]", "", h), maxsplit=1)[0].strip())]
        if len(names) >= 3 and len(names) >= 0.6 * len(heads):
            return level, names
    return None


def heading_card_parts(pages: list[Document], parts: list[Table], docs: list[Document]) -> list[Table]:
    """A ``cards`` part with ``kind = "speakers"`` over Markdown pages titled for speakers that print a heading per
    person (``card = "h3"``, ``person = "h3"``), when the sessions the other parts read name most of them: the
    headings say who the speakers are, the programme where they spoke; a comment when the sessions name too few."""
    from ingest.draft_trial import exact_files
    from ingest.read import MARKDOWN_SUFFIXES

    globs = [g for t in parts if not t.comment_only and not t.commented for g in as_list(t.get("files"))]
    found: dict[int, list[tuple[Document, list[str]]]] = {}
    for doc in pages:
        if doc.suffix in MARKDOWN_SUFFIXES and not _named(doc.path, globs) and _speakers_page(doc) \
                and (people := heading_people(doc.body)):
            found.setdefault(people[0], []).append((doc, people[1]))
    others = [t for t in parts if t.get("reader") not in (None, "cards") and not t.comment_only and not t.commented]
    out = []
    for level, hits in found.items():
        own = [d for d, _ in hits]
        tag = f"h{level}"
        table = Table(why=[f"{len(own)} page{'s' * (len(own) != 1)} titled for speakers print a heading per person "
                           f"(<{tag}>: {sum(len(n) for _, n in hits)} of them, e.g. "
                           f"{', '.join(repr(n) for n in hits[0][1][:2])} in {own[0].path}), each a name with its "
                           "title and organisation, then a biography"])
        table.set("files", exact_files([d.path for d in own], [d.path for d in pages]))
        table.set("reader", "cards")
        table.set("card", tag, f"a card per <{tag}> heading (the Markdown is read as HTML)")
        table.set("person", tag, "the heading prints the person: \"Name — Title, Organisation\" or \"Name "
                  "(Organisation, Country)\"")
        heard = _session_people([d for d in docs if d not in own], others)
        if heard:
            _speaker_kind(table, own, heard)
        if table.get("kind"):
            out.append(table)
        else:
            out.append(Table(why=table.why + ["but the sessions the other parts read name few of them: no part (give "
                                              "them a cards part with kind = \"speakers\" if they are the speakers)"],
                             comment_only=True))
    return out


def edition_year(path: str) -> int | None:
    """The year a page's path names (its edition), ``None`` when it names none or several.

    >>> edition_year("2031/speakers.html"), edition_year("fr/intervenants.html")
    (2031, None)
    """
    years = set(_YEAR.findall(path))
    return int(years.pop()) if len(years) == 1 else None


def people_key(printed: str) -> str:
    """A printed name compared without honorific, initials or case.

    >>> people_key("Dr. Ana Lima") == people_key("ana LIMA") == people_key("M. Ana Lima")
    True
    """
    from ingest.names import match_key, split_name

    return match_key(split_name(printed).name)


def _heard_in(heard: dict, year: int | None) -> set[str]:
    """The people the sessions of ``year`` name (of every year when ``year`` is ``None``; a session of no known
    year counts for every edition)."""
    return set().union(*(keys for y, keys in heard.items() if year is None or y in (year, None)))


def _part_docs(part: Table, docs: list[Document]) -> list[Document]:
    from wcmatch import glob

    from ingest.profile import GLOB_FLAGS

    files = as_list(part.get("files"))
    return [d for d in docs if files and glob.globmatch(d.path, files, flags=GLOB_FLAGS)]


def _session_titles(docs: list[Document], parts: list[Table]) -> set[str]:
    """The titles (compared without case or punctuation) of the sessions ``parts`` read from ``docs``."""
    found = set()
    for part in parts:
        options = {k: v for k, v in part.values().items() if k not in ("files", "reader")}
        for doc in _part_docs(part, docs):
            found |= {_title_key(s.title) for s in _read(part.get("reader"), doc, options).sessions if s.title}
    return found


def _session_keys(docs: list[Document], parts: list[Table]) -> set[tuple[str, object]]:
    """The (title, day) of the sessions with people ``parts`` read from ``docs``."""
    found = set()
    for part in parts:
        options = {k: v for k, v in part.values().items() if k not in ("files", "reader")}
        for doc in _part_docs(part, docs):
            found |= {(_title_key(s.title), s.date) for s in _read(part.get("reader"), doc, options).sessions
                      if s.title and s.rows}
    return found


def _exported(hits: list[str], docs: dict[str, Document], read: set[tuple[str, object]]) -> dict[str, int]:
    """``{page: sessions}`` for the programme pages printing, three in four at least, sessions (four or more) that
    data files' parts read on the same day: a timetable page beside its event's JSON export."""
    if not read:
        return {}
    from ingest import readers

    out = {}
    for path in hits:
        try:
            found = {(_title_key(s.title), s.date) for s in readers.module("programme").read(docs[path]).sessions
                     if s.title and s.rows}
        except (IngestError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            continue
        if len(found) >= 4 and len(found & read) * 4 >= len(found) * 3:
            out[path] = len(found & read)
    return out


def _title_key(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", title).lower().split())


def _session_people(docs: list[Document], parts: list[Table]) -> dict[int | None, set[str]]:
    """``{year: name keys}`` of the people the sessions of ``parts`` name in ``docs``, each read as ingest would."""
    heard: dict[int | None, set[str]] = {}
    for part in parts:
        options = {k: v for k, v in part.values().items() if k not in ("files", "reader")}
        for doc in _part_docs(part, docs):
            for session in _read(part.get("reader"), doc, options).sessions:
                keys = {people_key(r.printed_name) for r in session.rows if r.printed_name}
                heard.setdefault(session.date.year if session.date else None, set()).update(keys - {""})
    return heard


def _card_names(part: Table, doc: Document) -> list[str]:
    """The names the cards part reads from ``doc`` (as one meeting: no page skipped for want of a date)."""
    options = {k: v for k, v in part.values().items() if k not in ("files", "reader")}
    options.setdefault("default_date", "2000-01-01")
    return [r.printed_name for s in _read("cards", doc, options).sessions for r in s.rows if r.printed_name]


def _read(name: str, doc: Document, options: dict):
    """What the reader ``name`` reads from ``doc`` with ``options``; nothing when it cannot read it."""
    from ingest import readers
    from ingest.records import Parsed

    try:
        return readers.module(name).read(doc, **options)
    except (IngestError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return Parsed(doc=doc, reader=name)


def _speakers_page(doc: Document) -> bool:
    """True for a page whose path or title says it lists speakers (``intervenants-2024.html``, "Referenten")."""
    title = str(doc.meta.get("title") or "")
    m = re.search(r"<title[^>]*>([^<]{1,200})</title>|<h1[^>]*>([^<]{1,200})</h1>|^#\s+(.{1,200})$", doc.body[:20000],
                  re.I | re.M)
    if m:
        title += " " + (m.group(1) or m.group(2) or m.group(3))
    return bool(_SPEAKERS_WORDS.search(doc.path.replace("-", " ").replace("_", " ")) or _SPEAKERS_WORDS.search(title))
