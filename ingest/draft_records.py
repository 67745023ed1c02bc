"""Drafting ``records`` parts, the finer points: lists nested in records, keys known by a near name or by
what their values look like, the fields of a person, and tables that print one row per person.

A list of mappings inside the records of another (a day's ``sessions``, a slot's ``talks``) is a list of
records too, written with stars (``days.*.slots.*.talks``; ``.*.sessions`` when the file itself is the
list of days). A key is known by its name with case and separators ignored (``Organisation``,
``first_name``), else by its values: dates (and the strptime format they are printed in), clock times,
countries, role words, job titles, honorifics.

>>> norm("first_name") == norm("firstName"), norm("Organisation")
(True, 'organisation')
>>> [(spec, len(items)) for spec, items in nested_lists([{"slots": [{"talks": [{"t": 1}, {"t": 2}]}]}], "days")]
[('days.*.slots.*.talks', 2)]
>>> date_format(["14.05.2025", "15.05.2025"]), date_format(["Tuesday, 3 June 2025"]), date_format(["2025-06-03"])
('%d.%m.%Y', '%A, %d %B %Y', None)
>>> clock_like("9:00 am – 9:30 am CEST"), clock_like("09:00-12:00"), clock_like("14.05.2025"), clock_like("Saal A")
(True, True, False, False)
>>> clock_like("0900-1030"), clock_like("2031-2032")
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date, datetime

from ingest.record_keys import more_keys  # noqa: F401 - the drafter modules take it from here

NAME = ("name", "fullname", "full_name", "fullName", "display_name", "displayName", "speaker_name", "Name",
        *more_keys("name"))
GIVEN = ("given_name", "givenName", "first_name", "firstName", "forename", *more_keys("given"))
FAMILY = ("family_name", "familyName", "last_name", "lastName", "surname", *more_keys("family"))
HONORIFIC = ("honorific", "salutation", "prefix", "nametitle", "name_title", "title", *more_keys("honorific"))
ORG = ("organisation", "organization", "company", "institution", "affiliation", "affiliations", "org", "agency",
       "employer", *more_keys("organisation"))
POSITION = ("position", "position-title", "job_title", "jobTitle", "job", "designation", "role", "tagline", "tagLine", "Tagline", "function",
            *more_keys("position"))
ROLE = ("role", "part", "roles", "capacity", *more_keys("role"))
COUNTRY = ("country", "country_name", "nationality", *more_keys("country"))
PEOPLE = re.compile(r"speaker|presenter|author|people|person|panel|moderat|host|chair|conven[eo]r|facilitat|participant|"
                    r"^mc$|emcee|rapporteur|discussant|presentations", re.I)
DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%Y/%m/%d", "%A, %d %B %Y",
                "%A %d %B %Y", "%A, %B %d, %Y", "%A %B %d, %Y", "%d %B %Y", "%B %d, %Y", "%a, %d %b %Y",
                "%a %d %b %Y", "%d %b %Y", "%b %d, %Y", "%d-%b-%Y", "%d-%b-%y", "%d-%B-%Y",
                # an event app's or a spreadsheet's date and time in one cell ("03/18/2025 09:30 AM")
                "%m/%d/%Y %I:%M %p", "%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M", "%d.%m.%Y %H:%M", "%Y/%m/%d %H:%M",
                "%d/%m/%Y %I:%M %p")
# dates printing no year ("Day 2 – 5 June"): the year comes from the path or [site] year
YEARLESS_FORMATS = ("%A, %d %B", "%A %d %B", "%A, %B %d", "%A %B %d", "%a, %d %b", "%a %d %b", "%d %B", "%B %d",
                    "%d %b", "%b %d")
_ISO = re.compile(r"\d{4}-\d\d-\d\d")


def norm(key) -> str:
    """A key with case, accents and separators dropped, to match ``first_name`` with ``firstName`` and
    ``Prénom`` with ``prenom``.

    >>> norm("Prénom"), norm("país")
    ('prenom', 'pais')
    """
    plain = unicodedata.normalize("NFKD", str(key)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def filled(records: list) -> Counter:
    """How many of ``records`` fill each key; never a key starting with "__" (GraphQL's ``__typename``: the
    record's type, the same in every record, no field of it).

    >>> filled([{"__typename": "Speaker", "name": "Ann Lee", "bio": ""}])
    Counter({'name': 1})
    """
    return Counter(k for r in records if isinstance(r, dict) for k, v in r.items()
                   if v not in (None, "", [], {}) and not dunder(k))


def dunder(key) -> bool:
    """True for a key of the format rather than the data (``__typename``, ``__v``).

    >>> dunder("__typename"), dunder("_id"), dunder(3)
    (True, False, False)
    """
    return isinstance(key, str) and key.startswith("__")


def find(records: list, names: tuple[str, ...], share: float = 0.3, taken=()) -> str | None:
    """The first of ``names`` filled in ``share`` of ``records``: as written, else with case and separators ignored."""
    counts = {k: c for k, c in filled(records).items() if c >= share * len(records) and k not in taken}
    exact = next((n for n in names if n in counts), None)
    if exact:
        return exact
    by_norm = {norm(k): k for k in counts}
    found = next((by_norm[norm(n)] for n in names if norm(n) in by_norm), None)
    return found or (_whole_family(records, share, taken) if names is NAME else None)


def _whole_family(records: list, share: float, taken=()) -> str | None:
    """A family-name key that holds whole names where no given-name key is: French "nom" ("nom: Laure Kessler") or
    "Nachname" written in full are the people's names.

    >>> _whole_family([{"nom": "Laure Kessler", "pays": "France"}, {"nom": "Raphaël Ben Saïd"}], 0.5)
    'nom'
    >>> _whole_family([{"nom": "Kessler", "prénom": "Laure"}], 0.5), _whole_family([{"nom": "Kessler"}], 0.5)
    (None, None)
    """
    from ingest.draft_values import name_like

    family = find(records, FAMILY, share, taken)
    if not family or find(records, GIVEN, share / 2, taken):
        return None
    texts = _texts(records, family)
    whole = [t for t in texts if len(t.split()) >= 2 and name_like(t)]
    return family if texts and len(whole) >= 0.8 * len(texts) else None


def values_of(records: list, key: str) -> list:
    """The filled values of ``key`` in ``records``."""
    return [r[key] for r in records if isinstance(r, dict) and r.get(key) not in (None, "", [], {})]


# --- lists nested in records -------------------------------------------------------------------


def nested_lists(records: list, spec: str, depth: int = 1):
    """``(spec, items)`` for each list of mappings inside ``records`` (not a list of people), items gathered; a
    mapping of records keyed by id (``"entries": {"c1": {…}, "c2": {…}}``) is such a list too.

    >>> [(spec, len(items)) for spec, items in nested_lists([{"entries": {"c1": {"t": 1}, "c2": {"t": 2}}}], "x.*")]
    [('x.*.entries.*', 2)]
    """
    holders = [r for r in records if isinstance(r, dict)]
    if depth > 3 or not holders:
        return
    here = spec if spec == "*" or spec.endswith(".*") else f"{spec}.*"
    for key in dict.fromkeys(k for r in holders for k, v in r.items() if isinstance(v, list) or keyed_by_id(v)):
        items = [x for r in holders for x in _collection(r.get(key))]
        mappings = [x for x in items if isinstance(x, dict)]
        if not mappings or len(mappings) < 0.8 * len(items) or PEOPLE.search(str(key)) \
                or not re.fullmatch(r"[\w-]+", str(key)):
            continue
        inner = f"{here}.{key}" + (".*" if any(keyed_by_id(r.get(key)) for r in holders) else "")
        if len(mappings) >= 2:
            yield inner, items
        yield from nested_lists(mappings, inner, depth + 1)


def keyed_by_id(value) -> bool:
    """True for a mapping of records keyed by their ids ("c1", "1589", "20320519"): every key holds a digit and
    every value is a mapping.

    >>> keyed_by_id({"c1": {"title": "A"}, "b2": {"title": "B"}}), keyed_by_id({"start": {"date": "2032-05-19"}})
    (True, False)
    """
    return (isinstance(value, dict) and bool(value) and all(isinstance(v, dict) for v in value.values())
            and all(re.search(r"\d", str(k)) for k in value))


def _collection(value) -> list:
    return list(value.values()) if keyed_by_id(value) else value if isinstance(value, list) else []


def enclosing(data, spec: str) -> list[list[dict]]:
    """The records around the records of a star spec, a list per level, nearest first."""
    from ingest.datarecords import nested

    levels: list[dict[int, dict]] = []
    for _, parents in nested(data, spec):
        for i, parent in enumerate(parents):
            if len(levels) <= i:
                levels.append({})
            if isinstance(parent, dict):
                levels[i][id(parent)] = parent
    return [list(level.values()) for level in levels]


def where(spec: str) -> str:
    """Where a spec's records are, in words.

    >>> where("program"), where(".*.sessions"), where("days.*.slots.*.talks")
    ("under 'program'", "under 'sessions' of each record of the file's list", "under 'talks' of each of 'days.*.slots'")
    """
    if ".*." not in spec:
        return f"under '{spec}'" if spec else "at the top"
    outer, _, key = spec.rpartition(".*.")
    return f"under '{key}' of each " + (f"of '{outer}'" if outer else "record of the file's list")


# --- values ------------------------------------------------------------------------------------


def date_format(values: list) -> str | list[str] | None:
    """The strptime format every value is a date in, when they are no ISO dates (``None``: none fits); for dates
    printed after a label ("Day 2 – 5 June"), a format per label, the label written into it.

    >>> date_format(["Day 1 – 4 June", "Day 2 – 5 June", "Day 2 – 5 June"]), date_format(["14-Jun-2023"])
    (['Day 1 – %d %B', 'Day 2 – %d %B'], '%d-%b-%Y')
    """
    texts = [" ".join(v.split()) for v in values if isinstance(v, str) and v.strip()]
    if not texts or len(texts) < len(values) or all(_ISO.match(t) for t in texts):
        return None
    found = next((f for f in DATE_FORMATS if all(_parses(t, f) for t in texts)), None)
    return found or _labelled_format(texts)


def yearless(fmt) -> bool:
    """True when a drafted ``date_format`` (or any of a list of them) prints no year.

    >>> yearless(["Day 1 – %d %B"]), yearless("%d.%m.%Y")
    (True, False)
    """
    return any(not re.search(r"%[Yy]", f) for f in ([fmt] if isinstance(fmt, str) else fmt or []))


_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|,|$)", re.I)
_DATE_START = re.compile(r"(?:^|(?<=\s))(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                         r"nov|dec)[a-z]*\b)", re.I)
_LABELS = 8  # more labels than days of a meeting: no label but text that happens to end in a date


def _labelled_format(texts: list[str]) -> str | list[str] | None:
    """Formats for dates printed after a short label ("Day 1 – 4 June") or without a year ("Tuesday, 3 June"): the
    first format that reads what follows a label in every text, once per label (strptime skips no text)."""
    if not all(_MONTH.search(t) for t in texts):
        return None
    for fmt in DATE_FORMATS + YEARLESS_FORMATS:
        leads = [_lead(t, fmt) for t in texts]
        if all(lead is not None for lead in leads) and len(set(leads)) <= _LABELS and (any(leads) or yearless(fmt)):
            formats = sorted({lead.replace("%", "%%") + fmt for lead in leads})
            return formats if len(formats) > 1 else formats[0]
    return None


def _lead(text: str, fmt: str) -> str | None:
    """The label before the date ``fmt`` reads at the end of ``text`` ("Day 1 – "), ``""`` for none."""
    for m in _DATE_START.finditer(text):  # where a date can start: a number, a weekday or month name
        lead = text[:m.start()]
        if len(lead) > 24:
            return None
        if _parses(text[m.start():], fmt):
            return lead
    return None


def _parses(text: str, fmt: str) -> bool:
    try:
        if re.search(r"%[Yy]", fmt):
            datetime.strptime(text, fmt)
        else:  # a leap year, so that 29 February reads
            datetime.strptime(f"2000 {text}", f"%Y {fmt}")
    except ValueError:
        return False
    return True


def clock_like(value) -> bool:
    """True for a clock time or range ("09:30", "9:00 am – 9:30 am CEST"), not a date."""
    from ingest.record_dates import clock_range

    if not isinstance(value, str) or len(value) > 40 or date_format([value]) or _ISO.search(value) \
            or re.fullmatch(r"\s*(19|20)\d\d\s*[-–]\s*(19|20)\d\d\s*", value):  # years, not "0900-1030"
        return False
    rest = re.sub(r"\b[A-Z]{2,5}\b", "", value)  # a zone: "CEST"
    rest = re.sub(r"\b(a\.?m\.?|p\.?m\.?|noon|midday|h|hrs?)(?![a-z])", "", rest, flags=re.I)
    if re.search(r"[^\W\d_]", rest) or not re.search(r"\d{1,2}[:.h]\d\d|\d\s*[ap]\.?m|^\s*\d{4}\s*[-–]\s*\d{4}\s*$",
                                                       value, re.I):
        return False
    return clock_range(value, date(2000, 1, 1))[0] is not None


def dates_key(records: list, taken) -> tuple[str, str | list[str] | None] | None:
    """A key no name gives away whose values are all dates: the key and the format they are printed in."""
    for key in filled(records):
        values = values_of(records, key)
        if key in taken or len(values) < 0.8 * len(records):
            continue
        fmt = date_format(values)
        if fmt or all(isinstance(v, date) or isinstance(v, str) and _ISO.fullmatch(v.strip()) for v in values):
            return key, fmt
    return None


def moment_keys(records: list, taken) -> list[str]:
    """Keys no name gives away whose values are all dates with a time ("2032-05-12 09:00", Indico's
    ``{"date", "time", "tz"}``), in the order of the records' keys.

    >>> moment_keys([{"event_start": "2032-05-12 09:00", "event_end": "2032-05-12 10:00", "day": "2032-05-12"}], [])
    ['event_start', 'event_end']
    """
    from ingest.draft_values import when

    def timed(value) -> bool:
        found = when(value)
        return found is not None and found.date and found.time

    return [k for k in filled(records) if k not in taken and len(values_of(records, k)) >= 0.8 * len(records)
            and all(timed(v) for v in values_of(records, k))]


def moments_later(records: list, first: str, second: str) -> bool:
    """True when ``second`` holds a later moment than ``first`` in every record holding both (an end)."""
    from ingest.record_dates import moment, unpacked

    day = date(2000, 1, 1)
    pairs = [(moment(unpacked(r[first]), day), moment(unpacked(r[second]), day)) for r in records
             if isinstance(r, dict) and r.get(first) and r.get(second)]
    try:
        return bool(pairs) and all(a and b and b > a for a, b in pairs)
    except TypeError:  # one with an offset, one without
        return False


def clock_keys(records: list, taken) -> list[str]:
    """Keys no name gives away whose values are all clock times, in the order of the records' keys."""
    return [k for k in filled(records) if k not in taken and len(values_of(records, k)) >= 0.8 * len(records)
            and all(clock_like(v) for v in values_of(records, k))]


def later(records: list, first: str, second: str) -> bool:
    """True when ``second`` holds a later clock than ``first`` in every record holding both (an end)."""
    from ingest.record_dates import clock_range

    day = date(2000, 1, 1)
    pairs = [(clock_range(r[first], day)[0], clock_range(r[second], day)[0]) for r in records
             if isinstance(r, dict) and r.get(first) and r.get(second)]
    try:
        return bool(pairs) and all(a and b and b > a for a, b in pairs)
    except TypeError:  # one clock with a zone ("3:00 PM ET"), one without
        return False


# --- options found by their values -----------------------------------------------------------


def taken(table) -> list[str]:
    """The keys a drafted part already reads."""
    return [v for v in table.values().values() if isinstance(v, str)]


def example(records: list, key: str) -> str:
    """The first value of ``key`` in ``records``, quoted and cut short, for the evidence."""
    value = next((r.get(key) for r in records if isinstance(r, dict) and r.get(key) is not None), "")
    return repr(str(value)[:40])


def shaped_times(table, levels: list[list]) -> None:
    """Date and clock keys that no name gives away, known by their values: a date, a start, an end after it."""
    from ingest.draft_values import When

    for records in levels:
        moments = moment_keys(records, taken(table)) if not (table.get("date") or table.get("start")) else []
        if moments:
            table.set("start", moments[0], f"'{moments[0]}' holds a date and time in every record (e.g. "
                      f"{example(records, moments[0])})")
            table.whens += [w for v in values_of(records, moments[0]) if (w := _when(v))]
            end = next((k for k in moments[1:] if moments_later(records, moments[0], k)), None)
            if end and not table.get("end"):
                table.set("end", end, f"'{end}' holds a later date and time than '{moments[0]}' in every record: "
                          f"the end (e.g. {example(records, end)})")
        if not (table.get("date") or table.get("start")):
            found = dates_key(records, taken(table))
            if found:
                table.set("date", found[0], f"'{found[0]}' holds a date in every record (e.g. "
                          f"{example(records, found[0])})")
                if found[1]:
                    formats = [found[1]] if isinstance(found[1], str) else found[1]
                    table.set("date_format", found[1], f"every '{found[0]}' reads as {' or '.join(formats)}")
        clocks = clock_keys(records, taken(table))
        if clocks and not (table.get("time") or table.get("start")):
            table.set("time", clocks[0], f"'{clocks[0]}' holds a clock time in every record (e.g. "
                      f"{example(records, clocks[0])})")
            table.whens += [When(False, True, None, None) for _ in records]
        start = table.get("time") or table.get("start")
        end = next((k for k in clocks if k != start and later(records, start, k)), None) if start else None
        if end and not table.get("end"):
            table.set("end", end, f"'{end}' holds a clock time later than '{start}' in every record: the end "
                      f"(e.g. {example(records, end)})")


def _when(value):
    from ingest.draft_values import when

    return when(value)


def stand_ins(records: list, key: str) -> list[str]:
    """Names that stand for nobody and that no default placeholder catches: initials only ("X.Y.", "XX").

    >>> stand_ins([{"n": "N.N."}, {"n": "XX"}, {"n": "Ann Lee"}, {"n": "TBA"}], "n")
    ['XX']
    """
    from ingest.profile import Settings

    return sorted({t for t in _texts(records, key) if re.fullmatch(r"(?:[A-Z]\.\s?){1,4}|X+|\?+", t)
                   and not Settings().is_placeholder(t)})


# --- a person's fields ---------------------------------------------------------------------


def is_person(item) -> bool:
    """A mapping that names a person: a name key, or given and family names."""
    return isinstance(item, dict) and bool(find([item], NAME, 1) or find([item], GIVEN, 1) and find([item], FAMILY, 1))


def _texts(items: list, key: str) -> list[str]:
    return [" ".join(str(v).split()) for v in values_of(items, key) if isinstance(v, str | int)]


def _share(texts: list[str], test) -> float:
    return sum(bool(test(t)) for t in texts) / len(texts) if texts else 0.0


def _honorific(text: str) -> bool:
    from ingest.names import HONORIFICS

    return text in HONORIFICS or text.rstrip(".") in {h.rstrip(".") for h in HONORIFICS}


def honorific_keys(records: list) -> set[str]:
    """Keys whose values are mostly honorifics ("Frau", "Prof. Dr.", "Mr"): a person's, whatever their name
    ("Title"), never a session's title.

    >>> sorted(honorific_keys([{"Title": "Frau", "Session": "Opening"}, {"Title": "Prof. Dr.", "Session": "Opening"}]))
    ['Title']
    """
    return {k for k in filled(records) if _share(_texts(records, k), _honorific) >= 0.6}


def _role_word(text: str) -> bool:
    from ingest.roles import role_of

    return len(text) < 40 and role_of(text) is not None


def job_like(text: str) -> bool:
    from ingest.tidy import not_a_person

    return not_a_person(text) == "a job title"


def position_like(text: str) -> bool:
    """A job title, or a short tagline opening with one: "Principal Engineer at Larchmont Health", "PhD Student,
    Gdańsk Institute of Technology", "Staff Engineer at Quillstack · Board Member, …"."""
    head = re.split(r"\s+(?:at|@)\s+|\s*[,·|]\s*", text, maxsplit=1)[0]
    return job_like(text) or len(text) <= 160 and head != text and job_like(head)


def country_like(text: str) -> bool:
    """A country, or a place ending in one ("Tallinn, Estonia")."""
    from ingest.countries import default_countries

    countries = default_countries()
    return countries.lookup(text, fuzzy=False) is not None or (
        "," in text and countries.lookup(text.rsplit(",", 1)[1].strip(), fuzzy=False) is not None)


def person_fields(items: list[dict], skip=(), leftover: bool = False) -> tuple[dict, list[str]]:
    """The ``person`` specs of mappings that each print a person, and the evidence for the guesses by value.

    >>> spec, why = person_fields([{"salutation": "Dr", "firstName": "Ann", "lastName": "Lee", "function": "CEO",
    ...     "affiliation": {"name": "ACME", "country": "Norway"}, "part": "Chair"},
    ...     {"salutation": "Ms", "firstName": "Bo", "lastName": "Li", "function": "Director",
    ...     "affiliation": [{"name": "Globex", "country": "Chile"}], "part": "Panellist"}])
    >>> spec
    {'given_name': 'firstName', 'family_name': 'lastName', 'honorific': 'salutation', 'role': 'part', 'position': \
'function', 'organisation': ['affiliation.name', 'affiliation.*.name'], 'country': ['affiliation.country', \
'affiliation.0.country']}
    """
    taken, spec, why = set(skip), {}, []

    def put(field: str, key, note: str | None = None) -> None:
        spec[field] = key
        taken.update(k.split(".")[0] for k in (key if isinstance(key, list) else [key]))
        if note:
            why.append(note)

    names = spread(items, NAME, taken) if find(items, NAME, 0.5, taken) else []
    given, family = find(items, GIVEN, 0.5, taken), find(items, FAMILY, 0.5, taken)
    if names:
        put("name", _one(names), *_spread_why("name", names, items))
    elif given and family:
        put("given_name", given), put("family_name", family, f"no name key: '{given}' and '{family}' are joined")
        rest = spread([r for r in items if isinstance(r, dict) and not (r.get(given) and r.get(family))], NAME, taken)
        if rest:  # the people printed by a whole name instead ("name" in 1 of 17): the reader takes it first
            put("name", _one(rest), f"'{rest[0]}' names the people that print no '{given}' and '{family}'")
    _honorific_key(items, taken, put)
    _role_key(items, taken, put)
    _position_key(items, taken, put)
    _organisation_key(items, taken, put, "position" in spec)
    if "country" not in spec:
        country_key(items, taken, put)
    if leftover and "position" not in spec:
        _leftover_title(items, taken, put)
    return spec, why


def spread(items: list, names: tuple[str, ...], taken=()) -> list[str]:
    """The keys of ``names`` that between them fill ``items``, most filled first: the first, then each other one
    filling items the keys before it leave empty (``affiliation`` in 12 records, ``institution`` in the 5 others:
    two spellings of one field); on a tie, the order of ``names``.

    >>> spread([{"affiliation": "A"}] * 3 + [{"institution": "B"}], ORG)
    ['affiliation', 'institution']
    >>> spread([{"company": "A", "org": "A"}, {"company": "B", "org": "B"}], ORG)  # the same records: one is enough
    ['company']
    """
    if names is NAME and not any(norm(k) in {norm(n) for n in NAME} for k in filled(items)) \
            and (family := _whole_family(items, 0.5, taken)):
        return [family]  # "nom" holding whole names: the name key
    counts = filled(items)
    order = {norm(n): i for i, n in reversed(list(enumerate(names)))}
    keys = sorted((k for k in counts if k not in taken and norm(k) in order),
                  key=lambda k: (-counts[k], k not in names, order[norm(k)]))
    out: list[str] = []
    for key in keys:
        if not out or any(r.get(key) not in _EMPTY and all(r.get(k) in _EMPTY for k in out)
                          for r in items if isinstance(r, dict)):
            out.append(key)
    return out


_EMPTY = (None, "", [], {})


def _one(keys: list[str]) -> str | list[str]:
    return keys[0] if len(keys) == 1 else keys


def _spread_why(field: str, keys: list[str], items: list) -> list[str]:
    if len(keys) < 2:
        return []
    counts = filled(items)
    return [f"the {field} is under {len(keys)} keys, each filling records the others leave empty: "
            + ", ".join(f"'{k}' {counts[k]}" for k in keys) + " (the first a record fills wins)"]


def _honorific_key(items: list, taken: set, put) -> None:
    for key in filled(items):
        texts = _texts(items, key)
        if key not in taken and norm(key) in {norm(h) for h in HONORIFIC} and _share(texts, _honorific) >= 0.6:
            put("honorific", key, f"'{key}' holds honorifics (e.g. {texts[0]!r})")
            return


def _role_key(items: list, taken: set, put) -> None:
    """A role key: role words in half its values, or named so beside a key of job titles."""
    named = find(items, ROLE, 0.01, taken)
    titled = find(items, POSITION[:4] + ("title",), 0.01, taken | {named})
    found = []
    # "_type", "@type": a serializer's class name ("SlotChair", an Indico convener), no label the site prints
    for key in [named] * bool(named) + [k for k in filled(items) if k not in taken and k != named
                                        and not str(k).startswith(("_", "@"))]:
        texts = _texts(items, key)
        words = _share(texts, _role_word)
        if texts and (words >= 0.5 or key == named and titled and _share(_texts(items, titled), job_like) >= 0.5):
            found.append((key, texts))
    if found:  # several role words beat one constant label ("Speaker" in every record: the type, not a role)
        key, texts = max(found, key=lambda f: len(set(f[1])) > 1)
        labels = Counter(texts)
        unknown = sorted(t for t in labels if not _role_word(t))
        put("role", key, f"'{key}' holds role labels: " + ", ".join(f"{t} ×{c}" for t, c in labels.most_common(8))
            + (f"; give {', '.join(map(repr, unknown[:6]))} a role in [site] roles" if unknown else ""))


def _position_key(items: list, taken: set, put) -> None:
    keys = spread(items, POSITION, taken)
    if keys:
        put("position", _one(keys), *_spread_why("position", keys, items))
        return
    titled = find(items, ("title",), 0.01, taken)
    texts = _texts(items, titled) if titled else []
    if texts and _share(texts, job_like) >= 0.5:
        put("position", titled, f"'{titled}' holds job titles (e.g. {texts[0]!r})")


def _organisation_key(items: list, taken: set, put, has_position: bool = False) -> None:
    keys = spread(items, ORG, taken)
    if not keys:
        return
    key = keys[0]
    values = values_of(items, key)
    inner = [x for v in values for x in (v if isinstance(v, list) else [v]) if isinstance(x, dict)]
    if not inner:
        keys = [k for k in keys if not any(isinstance(v, dict) for v in values_of(items, k))]  # texts, as the first
        put("organisation", _one(keys), *_spread_why("organisation", keys, items))
        return
    listed = any(isinstance(v, list) for v in values)
    label = _inner_organisation(inner)
    if label:
        put("organisation", _inner_specs(values, key, label, "*"), f"'{key}' holds mappings: their '{label}' is "
            "the organisation" + (" (a list of them in some: every one)" if listed else ""))
    title = None if has_position else find(inner, POSITION + ("title",), 0.5, {label})
    if title:
        put("position", _inner_specs(values, key, title, "*"), f"'{key}' holds mappings: their '{title}' is the "
            "job title" + (" (each paired with the organisation of its own mapping)" if listed else ""))
    country = find(inner, COUNTRY, 0.5)
    if country:
        put("country", _inner_specs(values, key, country, "0"), f"'{key}' holds mappings: their '{country}' is the "
            "country" + (" (the first one's)" if listed else ""))


def _inner_organisation(inner: list[dict]) -> str | None:
    """The key naming the organisation in mappings of a person's affiliation: an organisation key, else ``name`` or
    ``label``, else a ``title`` holding no job titles (``{title: Director, organisation: Acme}``: organisation).

    >>> _inner_organisation([{"title": "Director", "organisation": "Acme"}]), _inner_organisation([{"name": "Acme"}])
    ('organisation', 'name')
    >>> _inner_organisation([{"title": "Acme Corp"}]), _inner_organisation([{"title": "Head of Policy"}])
    ('title', None)
    """
    label = find(inner, ORG + ("name", "label"), 0.5)
    if label:
        return label
    title = find(inner, ("title",), 0.5)
    return title if title and _share(_texts(inner, title), job_like) < 0.5 else None


def _inner_specs(values: list, key: str, inner: str, star: str) -> str | list[str]:
    """The specs of ``inner`` in a key holding a mapping, a list of them (``key.*.inner``, or ``key.0.inner`` for
    the first), or either.

    >>> _inner_specs([[{"o": 1}]], "aff", "o", "*"), _inner_specs([{"o": 1}, [{"o": 2}]], "aff", "o", "0")
    ('aff.*.o', ['aff.o', 'aff.0.o'])
    """
    listed, single = any(isinstance(v, list) for v in values), any(isinstance(v, dict) for v in values)
    specs = [f"{key}.{inner}"] * (single or not listed) + [f"{key}.{star}.{inner}"] * listed
    return _one(specs)


def country_key(items: list, taken: set, put) -> None:
    key = find(items, COUNTRY, 0.01, taken)
    if key:
        put("country", key)
        return
    for key in filled(items):
        texts = _texts(items, key)
        if key not in taken and texts and _share(texts, country_like) >= 0.6:
            put("country", key, f"'{key}' holds countries (e.g. {texts[0]!r})")
            return


def _leftover_title(items: list, taken: set, put) -> None:
    """The one text key left, when it holds more than names: the person's title."""
    left = [k for k in filled(items) if k not in taken and all(isinstance(v, str) for v in values_of(items, k))]
    if len(left) == 1:
        texts = _texts(items, left[0])
        put("position", left[0], f"'{left[0]}' is the one key left that changes from person to person "
            f"(e.g. {texts[0]!r}): their title")


# --- a row per person --------------------------------------------------------------------------


def row_name(records: list) -> str | None:
    """The name key of a table whose records each print one person (no lists of people), else ``None``."""
    rows = [r for r in records if isinstance(r, dict)]
    if len(rows) < 2 or any(isinstance(v, list) and any(isinstance(x, dict) for x in v) for r in rows
                            for v in r.values()):
        return None
    from ingest.draft_values import name_like

    name = find(rows, NAME, 0.8)
    if name and _share(_texts(rows, name), name_like) >= 0.5:
        return name
    given = find(rows, GIVEN, 0.6)  # a sheet's breaks print nobody: the family name fills the rows of a given name
    family = find([r for r in rows if r.get(given) not in _EMPTY], FAMILY, 0.8) if given else None
    return given if given and family else _person_column(rows)


def _person_column(rows: list[dict]) -> str | None:
    """A column named for the people of a session (``Speaker``, ``Presenter``) holding one name per row.

    >>> _person_column([{"Session": "Opening", "Speaker": "Ann Lee"}, {"Session": "Opening", "Speaker": "Bo Chan"}])
    'Speaker'
    >>> _person_column([{"Speakers": "Ann Lee (Acme); Bo Chan (Globex)"}, {"Speakers": "Cy Dee, CTO, Initech"}])
    >>> _person_column([{"Chair": "Ann Lee", "Panellists": "Bo Chan; Cy Dee"}, {"Chair": "Di Ek", "Panellists": ""}])

    (a column of people beside another, "Chair" beside "Panellists": a row per session, a column per role)
    """
    from ingest.draft_values import name_like

    counts = filled(rows)
    people = [k for k in counts if isinstance(k, str) and PEOPLE.search(k) and not _PERSON_FIELD.search(k)
              and counts[k] >= 0.2 * len(rows)]
    found = [k for k in people if counts[k] >= 0.8 * len(rows) and _share(_texts(rows, k), name_like) >= 0.8]
    return found[0] if len(found) == 1 and len(people) == 1 else None


_PERSON_FIELD = re.compile(r"name|title|company|organi[sz]ation|affiliation|position|role|country|bio|e-?mail|photo|"
                           r"image|\bids?\b", re.I)  # "Speaker title": a field of the row's person, no other person


def sessions_of(rows: list, slot: list[str]) -> dict[tuple, list]:
    """Rows grouped by their slot (the values of the date and time keys)."""
    groups = defaultdict(list)
    for row in rows:
        if isinstance(row, dict):
            groups[tuple(str(row.get(k)) for k in slot)].append(row)
    return groups


def session_level(rows: list, slot: list[str], taken) -> list[str]:
    """Text keys whose value is the same in every row of a slot, in slots of several rows (session fields)."""
    groups = sessions_of(rows, slot)
    if not slot or not any(len(g) > 1 for g in groups.values()):
        return []
    return [k for k in filled(rows) if k not in taken and all(isinstance(v, str) for v in values_of(rows, k))
            and all(len({str(r.get(k)) for r in g}) == 1 for g in groups.values())]


def row_title(rows: list, keys: list[str]) -> str | None:
    """Of the session-level keys, the one printing the most different values: the title."""
    from ingest.draft_values import name_like

    keys = [k for k in keys if _share(_texts(rows, k), name_like) < 0.5 and k not in honorific_keys(rows)]
    return max(keys, key=lambda k: len(set(_texts(rows, k))), default=None)
