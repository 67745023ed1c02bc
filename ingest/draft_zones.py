"""The zone a site's pages say their times are in: a times statement ("all times are local (CEST)", "Times are
GMT+8") read into a ``timezone`` to propose — the zone of a place its line names when it has that offset on the
pages' dates, else the offset itself — and the pages printing it.

>>> zone_statement("**All times CET.** Venue: Hall 2")[:2]
('CET', 'All times CET')
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import NamedTuple

from ingest.read import HTML_SUFFIXES
from ingest.records import Document


# a statement's opening word in other languages: "Todas las horas…", "Horário de Brasília", "Alle Uhrzeiten…"
_OTHER_WORDS = r"(?:todas\s+las\s+)?horas?|horarios?|horários?|uhrzeit(?:en)?|ortszeit|(?:toutes\s+les\s+)?heures?"


# abbreviations a times statement prints that the readers' zone names lack, by the zone each stands for (none keeps
# a summer time but AEST/AEDT and NZST's Auckland: a steady one is proposed by its name, see statement_zone)
_MORE_ZONES = {"EAT": "Africa/Nairobi", "WAT": "Africa/Lagos", "CAT": "Africa/Maputo", "SAST": "Africa/Johannesburg",
               "MYT": "Asia/Kuala_Lumpur", "ICT": "Asia/Bangkok", "WIB": "Asia/Jakarta", "WITA": "Asia/Makassar",
               "PHT": "Asia/Manila", "IST": "Asia/Kolkata", "PKT": "Asia/Karachi",
               "NZDT": "Pacific/Auckland", "NZST": "Pacific/Auckland", "ACST": "Australia/Adelaide"}


@functools.cache
def zone_names() -> dict[str, str]:
    """The readers' zone names and the statement's abbreviations of more zones.

    >>> zone_names()["EAT"], zone_names()["MYT"], zone_names()["CET"]
    ('Africa/Nairobi', 'Asia/Kuala_Lumpur', 'Europe/Paris')
    """
    from ingest.times import ZONE_NAMES

    return {**_MORE_ZONES, **ZONE_NAMES}


def _statement() -> re.Pattern:
    names = "|".join(sorted(zone_names(), key=len, reverse=True))
    offset = r"\s*[+\-\u2212\u2013]\s*\d{1,2}(?:[:.]?\d{2})?"
    # ... and a zone's name in words before its abbreviation: "East Africa Time (EAT)", "Malaysia Time"
    filler = r"(?:\s*(?:\b(?:are|is|shown|given|listed|quoted|stated|displayed|printed|in|local|time)\b|[:,(]"
    filler += r"|(?-i:(?:[A-Z][a-z]+\s+){1,3}(?:Standard\s+|Daylight\s+)?Time\b)))*"
    # other languages: a few words of any kind before the zone ("corresponden a la hora peninsular española (",
    # "local de Cartagena (")
    words = r"(?:\s*(?:[^\W\d_][\w'’.-]*|[:,(]))"
    zone = rf"(?P<zone>(?-i:{names})(?:{offset})?|(?:UTC|GMT){offset})"
    return re.compile(rf"\b(?:(?:(?:all\s+)?(?:times?|zeiten|zeitangaben|horaires|heures)|time\s*zone|timezone){filler}"
                      rf"|(?:{_OTHER_WORDS})\b{words}{{0,7}}?)\s*{zone}(?![\w+])", re.I)


_STATEMENT = _statement()


def zone_statement(text: str) -> tuple[str, str, str] | None:
    """``(zone, statement, line)``: the zone a times statement prints ("all times are local (CEST)", "Times are
    GMT+8", "Time zone: UTC+2"), the statement and the line it stands in, or ``None``.

    >>> zone_statement("Venue: Hall B, Geneva · all times are local (CEST)\\n## 09:00 Opening")
    ('CEST', 'all times are local (CEST)', 'Venue: Hall B, Geneva · all times are local (CEST)')
    >>> zone_statement("**Times are shown in GMT +8.**")[:2], zone_statement("Times in the programme may change")
    (('GMT +8', 'Times are shown in GMT +8'), None)
    >>> zone_statement("Todas las horas corresponden a la hora peninsular (CET).")[:2]
    ('CET', 'Todas las horas corresponden a la hora peninsular (CET)')
    >>> zone_statement("Hora local de Quito (UTC\u22125)")[0], zone_statement("Alle Uhrzeiten in MEZ")[0]
    ('UTC−5', 'MEZ')
    """
    text = re.sub(r"[*_`]", "", text)
    m = _STATEMENT.search(text)
    if not m:
        return None
    start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    statement = m.group(0) + (")" if "(" in m.group(0) and text[m.end():m.end() + 1] == ")" else "")
    return " ".join(m.group("zone").split()), statement, text[start:end if end >= 0 else len(text)].strip()


def statement_zone(printed: str, line: str, days: list[date]) -> PrintedZone | None:
    """The timezone (and why) for a zone printed in a times statement, read as the readers read a zone printed after a
    time (CET, CEST: the zone of their region, in its summer or winter time on the day): the zone of the place its
    line names (a city a zone is named after, a country of one zone) when it has that offset on the pages' ``days``;
    else the one offset it has on them (without days: the offset the name itself stands for, CEST +02:00); else,
    dates either side of a change of clocks, the region's zone.

    >>> statement_zone("GMT", "Held in Abidjan (Côte d'Ivoire). Times are GMT.", [date(2031, 3, 18)])[0]
    'Africa/Abidjan'
    >>> statement_zone("CEST", "Venue: Hall B, Geneva · all times are local (CEST)", [date(2031, 10, 8)])[0]
    '+02:00'
    >>> statement_zone("CET", "Alle Zeiten CET, Wien, Österreich", [date(2031, 1, 8)])[0], statement_zone("ET", "", [])[0]
    ('Europe/Vienna', 'America/New_York')
    >>> statement_zone("UTC+8", "Times are UTC+8 (Singapore)", [])[0], statement_zone("CEST", "", [])[0]
    ('Asia/Singapore', '+02:00')
    >>> statement_zone("CET", "All times CET", [date(2031, 1, 8), date(2031, 6, 3)])[0], statement_zone("UTC+15", "", [])
    ('Europe/Paris', None)
    """
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from ingest.times import parse_zone

    said = parse_zone(printed) if re.search(r"\d", printed) else ZoneInfo(zone_names()[printed])
    if said is None:
        return None  # "UTC+15": no offset

    def offset(zone, day: date) -> timedelta | None:
        return datetime(day.year, day.month, day.day, 12, tzinfo=zone).utcoffset()

    def name(day: date) -> str | None:
        return datetime(day.year, day.month, day.day, 12, tzinfo=said).tzname()

    year = date.today().year
    seasons = [date(year, 1, 15), date(year, 7, 15)]
    if days:
        offsets = {offset(said, d) for d in days}
        places = [z for z in _place_zones(line) if all(offset(ZoneInfo(z), d) == offset(said, d) for d in days)]
    else:  # the offset the name stands for (CEST: summer's), else none (ET: the region's, either)
        steady = len({offset(said, d) for d in seasons}) == 1
        offsets = {offset(said, d) for d in seasons if steady or name(d) == printed}
        places = [z for z in _place_zones(line) if any(offset(ZoneInfo(z), d) in offsets for d in seasons)] \
            if len(offsets) == 1 else [z for z in _place_zones(line)
                                       if all(offset(ZoneInfo(z), d) == offset(said, d) for d in seasons)]
    if len(set(places)) == 1:
        return PrintedZone(places[0], f"its line names the place, whose zone {places[0]} has that offset on its "
                           "dates — check it")
    named = set(_place_zones(line))
    other = f" — but its line names a place whose zone {named.pop()} has another offset then: check which the " \
            "site means" if len(named) == 1 else ""  # "Montreal time (UTC-4)" printed for December
    if not other and printed in _MORE_ZONES and len({offset(said, d) for d in seasons}) == 1:
        return PrintedZone(said.key, f"{printed} is {said.key}'s time, which keeps no summer time — check it")
    if len(offsets) == 1:
        value = _offset_text(next(iter(offsets)))
        return PrintedZone(value, f"{printed} is {value} on the pages' dates{other}; an offset keeps no summer "
                           "time: write the zone's IANA name (\"Area/City\") instead if the site's times span a change "
                           "of clocks", not other)
    return PrintedZone(said.key, f"{printed} is read as {said.key}" + (
        other or " — check it (the site's own city may differ)"), not other)


def _offset_text(delta) -> str:
    """``+02:00`` for a UTC offset, ``UTC`` for none.

    >>> from datetime import timedelta
    >>> _offset_text(timedelta(hours=2)), _offset_text(timedelta(hours=-3, minutes=-30)), _offset_text(timedelta(0))
    ('+02:00', '-03:30', 'UTC')
    """
    minutes = int(delta.total_seconds() // 60)
    if not minutes:
        return "UTC"
    sign, minutes = ("-" if minutes < 0 else "+"), abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _place_zones(line: str) -> list[str]:
    """The zones of the places a line names: a city a zone is named after (``Abidjan``: Africa/Abidjan), a country
    with one zone (``Switzerland``: Europe/Zurich).

    >>> _place_zones("Hosted in Abidjan"), _place_zones("Palais, Geneva, Switzerland"), _place_zones("Room 4")
    (['Africa/Abidjan'], ['Europe/Zurich'], [])
    >>> _place_zones("Montreal time (Eastern Time, UTC-4)")
    ['America/Toronto']
    """
    from babel.core import get_global

    from ingest.countries import default_countries

    territories = get_global("territory_zones")
    cities = _zone_cities()
    words = re.findall(r"[^\W\d_][\w'’.-]*", line)
    capitals = _capital_zones()
    spans = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    out = [z for w in spans for z in ([cities[w]] if w in cities else capitals.get(w, ()))]
    countries = default_countries()
    for size in (1, 2, 3):
        for i in range(len(words) - size + 1):
            span = " ".join(words[i:i + size])
            if span[0].isupper() and (found := countries.lookup(span, fuzzy=False)) \
                    and len(territories.get(found.code, [])) == 1:
                out.append(territories[found.code][0])
    return [z for z in dict.fromkeys(out) if not z.startswith("Etc/")]  # "UTC" in the line names no place


@functools.cache
def _capital_zones() -> dict[str, tuple[str, ...]]:
    """``{capital: zones}`` (data/capitals.csv): its country's zones, of which a statement's offset picks one ("Quito"
    is no zone's name).

    >>> sorted(_capital_zones()["Quito"]), _capital_zones()["Bruselas"]
    (['America/Guayaquil', 'Pacific/Galapagos'], ('Europe/Brussels',))
    """
    import csv
    from pathlib import Path

    from babel.core import get_global

    territories = get_global("territory_zones")
    path = Path(__file__).resolve().parent.parent / "data" / "capitals.csv"
    out = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            zones = territories.get(row["code"], [])
            for name in [row["capital"], *filter(None, (row.get("aliases") or "").split("|"))] if zones else []:
                out[name.strip()] = tuple(zones)
    return out


def _zone_cities() -> dict[str, str]:
    """``{city: zone}`` of the zones named after a city ("Abidjan", "Buenos Aires"), and of the cities a zone was
    named after before (``America/Montreal``: America/Toronto)."""
    from babel.core import get_global

    zones = {z: z for zs in get_global("territory_zones").values() for z in zs}
    areas = {z.split("/")[0] for z in zones}  # America/Montreal, not US/Eastern ("Eastern Time" names no city)
    zones.update({alias: z for alias, z in get_global("zone_aliases").items() if z in zones
                  and alias.split("/")[0] in areas})
    return {alias.rsplit("/", 1)[-1].replace("_", " "): z for alias, z in sorted(zones.items()) if "/" in alias}


class PrintedZone(NamedTuple):
    """A ``timezone`` read from a times statement, why, whether to write it as a guess (``sure``) or commented
    out, and the page printing it."""

    value: str
    why: str
    sure: bool = True
    path: str = ""


# a statement naming the city whose clock the times keep: "heure de Paris", "hora de Madrid", "all times are Nairobi time"
_CITY_TIME = re.compile(r"\b(?:heures?|horaires?|horas?|horário)\s+(?:de\s+|d['’]\s*)(?P<place>[A-ZÀ-Ý][\w'’-]+)"
                        r"|\b(?:all\s+)?times\s+(?:are\s+)?(?:in\s+)?(?P<city>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+time\b")


def city_statement(text: str) -> tuple[str, str] | None:
    """``(zone, statement)`` for a times statement naming a city of one zone ("Horaires en heure de Paris"), else
    ``None``.

    >>> city_statement("Horaires en heure de Paris."), city_statement("All times are Nairobi time")
    (('Europe/Paris', 'heure de Paris'), ('Africa/Nairobi', 'times are Nairobi time'))
    >>> city_statement("Heure de vérité"), city_statement("Heure de Gloire")
    (None, None)
    """
    for m in _CITY_TIME.finditer(text):
        zones = set(_place_zones(m.group("place") or m.group("city")))
        if len(zones) == 1:
            return zones.pop(), m.group(0)
    return None


def page_zones(pages: list[Document]) -> list[PrintedZone]:
    """The zone of each of ``pages`` printing a times statement ("Times are GMT", "heure de Paris")."""
    out = []
    for doc in pages:
        text = _text(doc)
        said = zone_statement(text)
        found = statement_zone(said[0], said[2], _days(doc)) if said else None
        if found:
            out.append(found._replace(why=f"{doc.path} prints {said[1]!r}: {found.why}", path=doc.path))
        elif not said and (city := city_statement(text)):
            out.append(PrintedZone(city[0], f"{doc.path} prints {city[1]!r}: the zone of that city — check it",
                                   path=doc.path))
    return out


def printed_zone(pages: list[Document]) -> PrintedZone | None:
    """The zone of the times statements ``pages`` print, when they agree."""
    found = page_zones(pages)
    if not found or len({z.value for z in found}) > 1:
        return None  # pages of one part printing two zones: no guess
    more = f" (and {len(found) - 1} more pages the same zone)" if len(found) > 1 else ""
    return found[0]._replace(why=found[0].why + more, sure=all(z.sure for z in found))


def _text(doc: Document) -> str:
    """A page's text, lines kept (an HTML page's without its tags)."""
    if doc.suffix in HTML_SUFFIXES or doc.body.lstrip().startswith("<"):
        from selectolax.lexbor import LexborHTMLParser

        body = LexborHTMLParser(doc.body).body
        return body.text(separator="\n") if body is not None else ""
    return doc.body


def _days(doc: Document) -> list[date]:
    """The dates a page prints, else its front matter's date."""
    from ingest.draft_dates import printed_dates

    days = printed_dates(doc)
    if days:
        return days[:10]
    value = doc.meta.get("date") if isinstance(doc.meta, dict) else None
    if isinstance(value, date):
        return [value if type(value) is date else value.date()]
    m = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", str(value or ""))
    try:
        return [date(int(m.group(1)), int(m.group(2)), int(m.group(3)))] if m else []
    except ValueError:
        return []


# --- proposed: the site's zone, or each edition's part its own ------------------------------------------------------


def printed_zones(site, parts: list, pages: list[Document]) -> bool:
    """``timezone`` from the times statements the pages print ("Times are GMT"), by edition (the year a page's path
    names; pages naming none count for every edition): ``[site] timezone`` when every edition the parts read prints
    the same zone, else each part of an edition printing one gets it — never the site a zone only one edition prints
    (the others held elsewhere). When no part reads them (detection), the pages' zone is the site's when they agree
    and every edition prints it, else a commented line. False when no page prints a zone."""
    from ingest.draft import glob_match
    from ingest.draft_values import as_list

    read = [p for p in parts if not p.comment_only and not p.commented and p.get("files")
            and p.get("kind") != "speakers"]  # a part of who the speakers are reads no times
    own = {id(p): [d for d in pages if glob_match(d.path, as_list(p.get("files")))] for p in read}
    docs = list({d.path: d for p in read for d in own[id(p)]}.values())
    if not page_zones(docs):
        return _unread(site, pages)
    editions, common = _edition_zones(docs)
    values = {z.value if z else None for z in editions.values()}
    if len(values - {None}) > 1 and isinstance(parts, list):  # a part over editions of two zones: a part each
        printed = {str(e): (z.value, z.why, z.sure) for e, z in editions.items() if z and e is not None}
        paths = [d.path for d in pages]
        for part in read:
            split = _split(part, printed, paths) if len({printed.get(str(_edition(d.path))) for d in own[id(part)]}
                                                        - {None}) > 1 else [part]
            if len(split) > 1:
                at = parts.index(part)
                parts[at:at + 1] = split
        kept = {id(p) for p in parts}
        read = [p for p in read if id(p) in kept]  # a split part's copies have their zones
    if len(values) == 1 and None not in values:
        first = next(iter(editions.values()))
        site.set("timezone", first.value, first.why, commented=not first.sure)
        return True
    silent = sorted(str(e) for e, z in editions.items() if z is None)
    apart = f" (the pages of {', '.join(silent)} print no zone: this edition's parts only, not [site])" if silent \
        else " (the editions print different zones: each edition's parts their own)"
    for part in read:
        zoned = [editions.get(_edition(d.path), common) for d in own[id(part)]]
        found = {z.value: z for z in zoned if z}
        if len(found) == 1 and all(zoned):
            z = next(iter(found.values()))
            part.set("timezone", z.value, z.why + apart, commented=not z.sure)
        elif found:
            z = next(iter(found.values()))
            part.set("timezone", z.value, z.why + " — but only some of this part's editions print it: give each "
                     "edition a part of its own with its own timezone", commented=True)
    return True


def _edition(path: str) -> int | None:
    from ingest.draft_pages import edition_year

    return edition_year(path)


def _edition_zones(docs: list[Document]) -> tuple[dict[int | None, PrintedZone | None], PrintedZone | None]:
    """``({edition: the zone its pages print}, the zone of the pages of no edition)`` (``None``: none, or two); the
    pages of no edition speak for every edition that prints no zone of its own, and are the one edition when the
    pages name no year."""
    by_edition: dict[int | None, list[Document]] = {}
    for doc in docs:
        by_edition.setdefault(_edition(doc.path), []).append(doc)
    common = printed_zone(by_edition.get(None, []))
    out = {e: printed_zone(d) or common for e, d in by_edition.items() if e is not None}
    return out or {None: common}, common


def _unread(site, pages: list[Document]) -> bool:
    """``[site] timezone`` from pages no part reads (detection reads them, or a venue page prints "All times are
    CEST"): when they agree and every edition of the pages prints it, else a commented line."""
    from collections import Counter

    found = page_zones(pages)
    values = Counter(z.value for z in found)
    years = {y for d in pages if (y := _edition(d.path)) is not None}
    said = {_edition(z.path) for z in found}
    if len(values) == 1 and (None in said or said >= years):
        site.set("timezone", found[0].value, found[0].why, commented=not all(z.sure for z in found))
    elif len(values) == 1:
        some, rest = ", ".join(map(str, sorted(said))), ", ".join(map(str, sorted(years - said)))
        site.set("timezone", found[0].value, found[0].why + f" — but only the pages of {some} print it, not those of "
                 f"{rest}: give each edition's folder a part of its own (files, reader) with its own timezone",
                 commented=True)
    elif values:
        site.set("timezone", values.most_common(1)[0][0], "the pages print different zones: " + "; ".join(
            f"{z.path}: {z.value}" for z in found[:4]) + " — give each edition's folder a part of its own "
            "(files, reader) with its own timezone", commented=True)
    return bool(values)


def split_by_zone(parts: list, zones: dict[str, str], paths: list[str]) -> list:
    """The parts, a part whose glob spans edition folders that name different zones (``*/_talks/*.md`` over
    ``2023/`` in Lisbon and ``2024/`` in Ljubljana) made one part per zone, its globs on those folders.

    >>> from ingest.draft_text import Table
    >>> part = Table(); part.set("files", "*/_talks/*.md")
    >>> paths = ["2023/_talks/a.md", "2024/_talks/b.md", "2025/_talks/c.md"]
    >>> zones = {"2023": "Europe/Lisbon", "2024": "Europe/Ljubljana", "2025": "Europe/Lisbon"}
    >>> [(p.get("files"), p.get("timezone")) for p in split_by_zone([part], zones, paths)]
    [(['2023/_talks/*.md', '2025/_talks/*.md'], 'Europe/Lisbon'), ('2024/_talks/*.md', 'Europe/Ljubljana')]
    """
    if len(set(zones.values())) < 2:
        return parts
    return [q for p in parts for q in _split(p, zones, paths)]


def _split(part, zones: dict, paths: list[str]) -> list:
    """``part`` as a part per zone of the edition folders its globs' first ``*`` stands for (``docs/*/*.md`` over
    ``docs/2031/`` and ``docs/2032/``); ``zones``: the zone (or a statement's ``(zone, why, sure)``) by folder name."""
    import copy

    from ingest.draft_data import _matches
    from ingest.draft_values import as_list

    globs = [str(g) for g in as_list(part.get("files"))] if not part.comment_only else []
    if not globs or part.get("timezone") or part.get("speakers") or part.get("kind") == "speakers":
        return [part]  # speaker pages print no times
    at = {g.split("/").index("*") if "*" in g.split("/")[:-1] else None for g in globs}
    if len(at) != 1 or None in at:
        return [part]
    i = at.pop()
    folders = sorted({"/".join(p.split("/")[:i + 1]) for p in paths for g in globs
                      if p.count("/") > i and _matches(p, g)})
    by_zone: dict = {}
    for folder in folders:
        by_zone.setdefault(zones.get(folder.rsplit("/", 1)[-1]), []).append(folder)
    if len(by_zone) < 2:
        return [part]
    out = []
    for value, group in by_zone.items():
        copied = copy.deepcopy(part)
        files = [f"{folder}/{'/'.join(g.split('/')[i + 1:])}" for g in globs for folder in group]
        entry = next(e for e in copied.entries if e.key == "files")
        entry.value = files[0] if len(files) == 1 else files  # in its place, first
        if isinstance(value, tuple):
            copied.set("timezone", value[0], value[1] + " (the editions print different zones: a part each)",
                       commented=not value[2])
        elif value:
            copied.set("timezone", value, f"{', '.join(f + '/' for f in group)} of this part's editions: "
                       f"{'its' if len(group) == 1 else 'their'} configuration says timezone: {value}")
        out.append(copied)
    return out
