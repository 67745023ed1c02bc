"""Normalize parsed records: names and honorifics, identity keys, roles, countries, organisations.

Pure: takes a ``Parsed`` and returns it filled in, with notes for the report.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from graph.ids import slugify
from ingest.countries import Countries, capital_of, default_countries
from ingest.names import name_key, office_in, slug_key, split_name
from ingest.records import Note, Parsed, Position, Row, SessionPage
from ingest.roles import role_of

_GENERIC_ORG = re.compile(
    r"^(the )?(ministry|department|office|bureau|embassy|government|federal|directorate|secretariat|"
    r"cabinet|parliament|prime minister|president|police|armed forces|defence|defense|national|"
    r"state|foreign|global affairs)\b", re.I)


EXPECTED = ("organisation", "country")


def normalize(parsed: Parsed, series: str, series_name: str, countries: Countries | None = None,
              roles: dict[str, str] | None = None, expects: tuple[str, ...] = EXPECTED) -> Parsed:
    """Fill in normalized values of every session and speaker page of ``parsed``.

    ``roles`` maps printed role labels (lower case) to model roles before the built-in words (a
    profile's ``[site] roles``); ``expects`` names what the format prints at all (a schedule export
    prints no organisation or country, so their absence is no note).
    """
    countries = countries or default_countries()
    for session in parsed.sessions:
        _day_of(session, alone=len(parsed.sessions) == 1)
        session.series, session.series_name = series, series_name
        session.key = session.key or session_key(session)  # a reader may key a session itself (data records)
        session.end = past_midnight(session.start, session.end)
        rows = [_row(session.path, row, countries, parsed.notes, roles or {}, expects) for row in session.rows]
        session.rows = _dedupe(session, rows, parsed.notes)
        if not session.rows and not any(n.kind == "no-people" and n.path == session.path for n in parsed.notes):
            parsed.notes.append(Note(session.path, None, "no-people", f"session {session.title!r} names nobody — kept "
                                     "without people; if its page prints people, see which part reads them "
                                     "(docs/sites.md, 'Which reader reads a file')"))
    for page in parsed.speakers:
        page.name = split_name(page.printed_name)
        if page.honorific:  # "M." of its own field: set, never read from the name
            page.name = replace(page.name, honorific=joined_honorific(page.honorific, page.name.honorific))
        page.person_key = person_key(page.permalink, page.name.name)
        _office_as_title(page.positions, countries)
        _honorific_office(page.name.honorific, page.positions)
        page.country_label = _trailing(page.country_label, page.positions, countries)
        page.country_code = _country(countries, page.country_label, page.path, page.line, parsed.notes,
                                     page.printed_name, absent=parsed.reader == "sicw")
        _org_keys(page.positions, page.country_code)
    return parsed


def _day_of(session: SessionPage, alone: bool) -> None:
    """A session dated by a date-time (a page's "date: 2022-11-24T09:00:00+01:00"): its day, and its start when
    the page holds this session alone and prints no other time."""
    if not isinstance(session.date, datetime):
        return
    if alone and session.start is None and session.date.time() != datetime.min.time():
        session.start = session.date
    session.date = session.date.date()


def past_midnight(start, end):
    """The end of a session printed as a clock time earlier than its start on the same day ("23:30–00:30"):
    the next day's, when that makes a session of twelve hours at most; any other end as it is.

    >>> from datetime import datetime
    >>> past_midnight(datetime(2025, 9, 5, 23, 30), datetime(2025, 9, 5, 0, 30))
    datetime.datetime(2025, 9, 6, 0, 30)
    >>> past_midnight(datetime(2025, 9, 5, 14, 0), datetime(2025, 9, 5, 13, 0))  # a misprint, not a night
    datetime.datetime(2025, 9, 5, 13, 0)
    """
    if start is None or end is None or (start.tzinfo is None) != (end.tzinfo is None):
        return end
    if not end < start or end.date() != start.date():
        return end
    later = end + timedelta(days=1)
    return later if later - start <= timedelta(hours=12) else end


def session_key(session: SessionPage) -> str:
    """The page slug that, with series and date, names a session: the permalink's last segment, else the file's
    name, or its folder's for an index page (a mirrored site's ``events/panel/index.html``).

    >>> page = lambda path, link=None: SessionPage(path=path, title="T", permalink=link, date=None)
    >>> session_key(page("events/evening-panel/index.html")), session_key(page("a/b.md"))
    ('evening-panel', 'b')
    >>> session_key(page("x", "/events/panel/index.html#opening")), session_key(page("x", "/day-1/#opening"))
    ('panel-opening', 'opening')
    >>> session_key(page("program/index.qmd", "/talks/2025/gdp.qmd")) == session_key(page("talks/2025/gdp.qmd"))
    True
    """
    if session.permalink:
        last = session.permalink.rstrip("/").rsplit("/", 1)[-1]
        if _INDEX.fullmatch(last.partition("#")[0]):  # "/events/panel/index.html": the folder names the page
            head, _, anchor = session.permalink.partition("#")
            last = _page_name(head) + (f"#{anchor}" if anchor else "")
        else:  # a link to the talk's own page ("../talks/2025/gdp.qmd") names it as its file does
            head, _, anchor = last.partition("#")
            last = _SUFFIX.sub("", head) + (f"#{anchor}" if anchor else "")
        slug = slugify(last)
        if slug:
            return slug
    return slugify(_page_name(session.path)) or "session"


_INDEX = re.compile(r"_?index(\.[a-z]{2,5})?|readme(\.[a-z]{2,5})?", re.I)


def _page_name(path: str) -> str:
    """The name of the page a path or link is: its last segment without the suffix, or its folder's for an index."""
    parts = [p for p in path.split("/") if p]
    while parts and _INDEX.fullmatch(parts[-1]):
        parts.pop()
    return _SUFFIX.sub("", parts[-1]) if parts else ""


_SUFFIX = re.compile(r"\.(md|markdown|mdx|mdoc|qmd|rmd|rst|html?|php|aspx?)$", re.I)


def person_key(link: str | None, name: str) -> str:
    """A person's identity key: from the speaker link or permalink when there is one, else the name.

    >>> person_key("/speakers/ms-maria-adebahr/", "Maria Adebahr"), person_key(None, "Yong Ying–I")
    ('maria-adebahr', 'yong-ying-i')
    """
    if link and (link.startswith("/") or "speaker" in link.lower()):
        key = slug_key(link, name)
        if key:
            return key
    return name_key(name) or "unnamed"


def organisation_key(name: str, country: str | None) -> str:
    """An organisation's identity key; generic names ("Ministry of Foreign Affairs") are scoped by country.

    >>> organisation_key("Ministry of Foreign Affairs", "BR"), organisation_key("Ministry of Foreign Affairs", "PL")
    ('ministry-of-foreign-affairs-br', 'ministry-of-foreign-affairs-pl')
    >>> organisation_key("Federal Foreign Office", "DE"), organisation_key("Trend Micro", "JP")
    ('federal-foreign-office-de', 'trend-micro')
    >>> organisation_key("Norwegian Ministry of Foreign Affairs", "NO")  # "Ministry of Foreign Affairs, Norway"
    'ministry-of-foreign-affairs-no'
    """
    if country:
        name = _without_own_demonym(name, country)
    if country and _GENERIC_ORG.match(name):
        name = _without_own_country(name, country)
    slug = slugify(name)
    if country and _GENERIC_ORG.match(name) and not slug.endswith("-" + country.lower()):
        return f"{slug}-{country.lower()}"
    return slug


def _without_own_demonym(name: str, country: str) -> str:
    """A state body's name without the country's adjective that opens it when that is the country its key is
    scoped to (the demonyms of ``data/countries.csv``): "Norwegian Ministry of Foreign Affairs" printed for Norway
    is the "Ministry of Foreign Affairs" another year prints with "Norway". A name that is no state body's without
    it keeps it ("British Council", "German Marshall Fund").

    >>> _without_own_demonym("The Norwegian Ministry of Foreign Affairs", "NO")
    'Ministry of Foreign Affairs'
    >>> _without_own_demonym("Norwegian Ministry of Health", "SE"), _without_own_demonym("British Council", "GB")
    ('Norwegian Ministry of Health', 'British Council')
    """
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    for n in (2, 1):  # "South African Police Service", "Dutch National Police"
        rest = " ".join(words[n:])
        if len(words) > n and _GENERIC_ORG.match(rest):
            hit = default_countries().lookup(" ".join(words[:n]), fuzzy=False)
            if hit is not None and hit.code == country.upper():
                return rest
    return name


# "… of Denmark", "… of the Netherlands" closing a state body's name (after its last "of")
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?(?P<country>[A-Z][^,;()]*?)\s*$")
_OF = re.compile(r"\s+of\s+")


def _without_own_country(name: str, country: str) -> str:
    """A state body's name without the "of <country>" that closes it when that is the country its key is scoped
    to: the key adds the country anyway, so "Ministry of Foreign Affairs of Denmark" and "Ministry of Foreign
    Affairs" printed for Denmark are one organisation.

    >>> _without_own_country("Ministry of Foreign Affairs of Denmark", "DK")
    'Ministry of Foreign Affairs'
    >>> _without_own_country("Ministry of Foreign Affairs of Denmark", "SE")  # another country's ministry
    'Ministry of Foreign Affairs of Denmark'
    >>> _without_own_country("Department of Justice", "US"), _without_own_country("Government of Canada", "CA")
    ('Department of Justice', 'Government')
    """
    ofs = list(_OF.finditer(name))
    m = _OF_COUNTRY.match(name, ofs[-1].start()) if ofs else None
    if m is None:
        return name
    hit = default_countries().lookup(m.group("country"), fuzzy=False)
    return name[:m.start()] if hit is not None and hit.code == country.upper() else name


def _row(path: str, row: Row, countries: Countries, notes: list[Note], roles: dict[str, str],
         expects: tuple[str, ...]) -> Row:
    label = " ".join((row.role_label or "").split()).lower()
    role = (roles.get(label) or role_of(row.role_label)) if row.role_label else None
    if row.role_label and role is None:
        notes.append(Note(path, row.line, "unknown-role", f"unknown role {row.role_label!r} — role 'other'; name its "
                          "role in the profile's [site] roles (e.g. roles = { \"Curator\" = \"moderator\" })"))
    row.role = role or "other"
    row.name = split_name(row.printed_name)
    if row.honorific:  # "H.E." beside "Pichler": one word is still a name
        row.name = replace(row.name, honorific=joined_honorific(row.honorific, row.name.honorific))
    row.person_key = person_key(row.link, row.name.name)
    # an organisation field that held a country ("Minister, Ghana") or a state office is emptied below, but was
    # printed: the person speaks for that state, so "no organisation printed" would be wrong
    printed_org = any(p.organisation for p in row.positions)
    _office_as_title(row.positions, countries)
    _honorific_office(row.name.honorific, row.positions)
    row.country_label = _trailing(row.country_label, row.positions, countries)
    # a row that is only a link to a speaker page (front-matter sites) prints no position to check
    row.country_code = _country(countries, row.country_label, path, row.line, notes, row.printed_name,
                                absent=row.name_printed and "country" in expects)
    if row.name_printed and "organisation" in expects and not printed_org:
        notes.append(Note(path, row.line, "no-organisation", f"{row.printed_name}: no organisation printed"))
    _org_keys(row.positions, row.country_code)
    return row


def joined_honorific(field: str, printed: str | None) -> str:
    """A honorific field and the honorific printed in the name as one, salutation first ("Frau" and "Dr." are
    "Frau Dr.", as German forms of address print them); one alone when it holds the other.

    >>> joined_honorific("Frau", "Dr."), joined_honorific("Dr.", "Dr."), joined_honorific("H.E.  Dr.", None)
    ('Frau Dr.', 'Dr.', 'H.E. Dr.')
    >>> joined_honorific("Prof. Dr.", "Dr.")
    'Prof. Dr.'
    """
    field = " ".join(field.split())
    if not printed or printed in field.split() or printed in field:
        return field
    if field in printed:
        return printed
    return f"{field} {printed}"


def _trailing(label: str | None, positions: list[Position], countries: Countries) -> str | None:
    """The printed country, else the first one ending an organisation or printed as one, which is taken out of
    it either way ("CERT-EE, Estonia" beside a printed "Tallinn, Estonia" is the organisation CERT-EE), else the
    one an organisation's or a title's name holds."""
    tail = trailing_country(positions, countries)
    return label or tail or country_in_org(positions, countries)


# a state's service ("Security Service", "State Service of Special Communications", "Foreign Intelligence Service"),
# named by what it does for the state: a company's "Kestrel Courier Service of Jordan" is none
_STATE_SERVICE = (r"(?:state|national|federal|security|intelligence|foreign|civil|public|border|customs|tax|revenue|"
                  r"emergency|police|diplomatic|statistical|protective|migration|immigration|prison|fire|special|"
                  r"communications|cyber\w*)\b[\w ]{0,40}?\bservice")
# the country a state body names: "Permanent Mission of Mexico to the United Nations", "Embassy of Japan in Oslo",
# "Ministry of Foreign Affairs of Finland", "Government of Canada", "Security Service of Examplia"
_STATE_BODY = re.compile(
    r"\b(?:permanent mission|mission|embassy|high commission|consulate(?: general)?|government|permanent "
    r"representation|delegation|(?:federal\s+)?ministry\s+(?:of|for)\s+[\w&'’ -]{3,60}?|federal [\w ]{3,40}?|armed forces|"
    rf"national [\w ]{{3,40}}?|{_STATE_SERVICE}|[\w&'’ -]{{3,50}}?\s(?:authority|agency|police|navy|army|coast guard|customs))"
    r"\s+of\s+(?:the\s+)?(?P<country>(?-i:[A-Z][\w.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]*){0,4}))"
    r"(?=\s+(?:to|in|at|for|on)\b|\s*[,;()]|\s*$)", re.I)


# the country a state office names: "Ambassador of Viet Nam to Austria", "Permanent Representative of Norway to the
# OSCE", "Minister of Foreign Affairs of Norway", "Military Representative of Poland to the NATO Military Committee"
_STATE_OFFICE = re.compile(
    r"\b(?:ambassador|(?:military\s+|deputy\s+)?(?:permanent\s+)?representative|envoy|consul(?:[- ]general)?|"
    r"high commissioner|charg[ée] d['’]affaires|attach[ée]|(?:minister|secretary)(?:\s+(?:of|for)\s+[\w&'’ -]{3,60}?)?)"
    r"\s+of\s+(?:the\s+)?(?P<country>(?-i:[A-Z][\w.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]*){0,4}))"
    r"(?=\s+(?:to|in|at|for|on)\b|\s*[,;()]|\s*$)", re.I)


# the same in French: "Ambassadeur des Émirats arabes unis au Valmont", "Ambassade d'Allemagne", "Ministère des
# Affaires étrangères de la Norvège", "Représentante permanente de la France auprès de l'OSCE"
_FR_COUNTRY = (r"\s+(?:de la |de l['’]|du |des |de |d['’])(?P<country>(?-i:[A-ZÉÎ][\w'’-]*(?:\s+[\w'’-]+){0,3}?))"
               r"(?=\s+(?:à|au|aux|en|auprès|près|pour)\b|\s*[,;()]|\s*$)")
_FR_STATE_OFFICE = re.compile(r"\b(?:ambassad(?:eur|rice)|représentante? permanente?|envoyée? spéciale?|"
                              r"consule?(?: générale?)?|chargée? d['’]affaires|attachée?|"
                              r"ministre(?:\s+(?:de|des|du|délégué|déléguée)\s+[\w'’ -]{3,60}?)?)" + _FR_COUNTRY, re.I)
_FR_STATE_BODY = re.compile(r"\b(?:ambassade|mission permanente|représentation permanente|consulat(?: général)?|"
                            r"gouvernement|délégation|ministère\s+(?:de|des|du)\s+[\w'’ -]{3,60}?)" + _FR_COUNTRY, re.I)

# the same in Spanish, Portuguese and Italian: "Embajadora de Estonia en Chile", "Ministerio de Relaciones Exteriores
# de Chile", "Policía Nacional del Perú", "Banco Central del Uruguay", "Ministério das Relações Exteriores do Brasil",
# "Ambasciata d'Italia in Cile"
_ES_OF = (r"(?:de\s+(?:la|las|los|el)\s+|del\s+|de\s+|do\s+|da\s+|dos\s+|das\s+|della\s+|dello\s+|degli\s+|delle\s+|"
          r"dei\s+|di\s+|dell['’]\s*|d['’]\s*)")
_ES_COUNTRY = (rf"\s+{_ES_OF}(?P<country>(?-i:[A-ZÁÉÍÓÚÑÇ][\w'’-]*(?:\s+[\w'’-]+){{0,3}}?))"
               r"(?=\s+(?:en|em|ante|junto|in|presso|a|al|ao|à|na|no|para|per)\b|\s*[,;()]|\s*$)")
# what a body or an office is of, before its country: "… de Relaciones Exteriores", "… de Reserva", "… das Relações"
_ES_PORTFOLIO = rf"(?:\s+{_ES_OF}[\w'’, -]{{3,60}}?)?"
_ES_STATE_OFFICE = re.compile(
    r"\b(?:embajador[a]?|embaixador[a]?|ambasciat(?:ore|rice)|representante permanente|rappresentante permanente|"
    r"encargad[oa] de negocios|encarregad[oa] de negócios|c[óo]nsul(?:[- ]general|-geral| geral)?|console(?: generale)?|"
    rf"(?:vice)?ministr[oa]{_ES_PORTFOLIO})" + _ES_COUNTRY, re.I)
_ES_STATE_BODY = re.compile(
    r"\b(?:(?:embajada|embaixada|ambasciata|misión permanente|missão permanente|missione permanente|representación "
    r"permanente|representação permanente|rappresentanza permanente|consulado(?: general| geral)?|"
    r"consolato(?: generale)?|gobierno|governo|delegación|delegação|delegazione)"
    # the bodies that may name what they are of before their country ("Banco Central de Reserva del Perú")
    r"|(?:ministerio(?: p[úu]blico)?|ministério(?: p[úu]blico)?|ministero|secretaría|superintendencia|"
    r"superintendência|centro nacional|polic[íi]a (?:nacional|federal)|carabineros|guardia civil|"
    r"fuerzas armadas|forças armadas|forze armate|ej[ée]rcito|ex[ée]rcito|esercito|armada|marinha|fuerza a[ée]rea|"
    r"força a[ée]rea|banco central|banca centrale|agencia nacional|agência nacional|agenzia nazionale)"
    + _ES_PORTFOLIO + ")" + _ES_COUNTRY, re.I)

# the same in German, the country in the genitive: "Ständige Vertreterin Österreichs bei der OSZE", "Botschafter der
# Schweiz in Berlin", "Botschaft Deutschlands", "Ständige Vertretung der Republik Polen"
_DE_COUNTRY = (r"\s+(?:der\s+|des\s+)?(?P<country>(?-i:[A-ZÄÖÜ][\w'’-]*(?:\s+[A-ZÄÖÜ][\w'’-]*){0,3}?))"
               r"(?=\s+(?:bei|beim|in|im|für|am|an|zur|zum)\b|\s*[,;()]|\s*$)")
_DE_STATE_OFFICE = re.compile(r"\b(?:ständige[rn]?\s+vertreter(?:in)?|botschafter(?:in)?|gesandte[rn]?|"
                              r"(?:general)?konsul(?:in)?|geschäftsträger(?:in)?|militärattaché)" + _DE_COUNTRY, re.I)
_DE_STATE_BODY = re.compile(r"\b(?:ständige\s+vertretung|botschaft|(?:general)?konsulat|(?:bundes)?regierung|"
                            r"streitkräfte)" + _DE_COUNTRY, re.I)


def _office_as_title(positions: list[Position], countries: Countries) -> None:
    """A state office printed as the organisation of a position without a title ("affiliation: Ambassador of Nigeria
    to Austria" in a data file) is the title: no organisation is named by it.

    >>> ps = [Position(organisation="Permanent Representative of Norway to the OSCE"), Position("Chair", "Envoy Club")]
    >>> _office_as_title(ps, default_countries())
    >>> [(p.title, p.organisation) for p in ps]
    [('Permanent Representative of Norway to the OSCE', None), ('Chair', 'Envoy Club')]
    """
    for pos in positions:
        org = (pos.organisation or "").strip()
        if pos.title or not org or "," in org or ";" in org:
            continue
        for pattern in (_STATE_OFFICE, _FR_STATE_OFFICE, _ES_STATE_OFFICE, _DE_STATE_OFFICE):
            m = pattern.match(re.sub(r"^the\s+", "", org, flags=re.I))
            country = m and m.group("country")
            if country and (_is_country(countries, country) or pattern is _DE_STATE_OFFICE
                            and _named_country(countries, country)):  # "Österreichs": a genitive
                pos.title, pos.organisation = org, None
                break


def _honorific_office(honorific: str | None, positions: list[Position]) -> None:
    """An office printed as the honorific ("Staatssekretärin Dr. Ann Roy, BMI") is the title of a position that
    prints an organisation and no title; a person printed with no position is left to their speaker page.

    >>> ps = [Position(organisation="Bundesministerium des Innern")]
    >>> _honorific_office("Staatssekretärin Dr.", ps), [(p.title, p.organisation) for p in ps]
    (None, [('Staatssekretärin', 'Bundesministerium des Innern')])
    >>> ps = [Position("Head of Unit", "Kestrel Agency"), Position(organisation="Beta")]
    >>> _honorific_office("Ambassador", ps), [(p.title, p.organisation) for p in ps]
    (None, [('Head of Unit', 'Kestrel Agency'), (None, 'Beta')])
    """
    office = office_in(honorific)
    if office and positions and not any(p.title for p in positions) and positions[0].organisation:
        positions[0].title = office


def country_in_org(positions: list[Position], countries: Countries) -> str | None:
    """The country a state body's name holds, as printed ("Mexico", "Danish" of "Danish Maritime Authority"), when
    a position's organisation is one; else the country a state office names ("Ambassador of Viet Nam to Austria"),
    printed as a title or as an organisation. An international body's own institution or agency ("European
    Commission", "Commission européenne": ``bodies`` in data/countries.csv) gives the body's code.

    >>> from ingest.records import Position
    >>> c = default_countries()
    >>> country_in_org([Position(organisation="Permanent Mission of Mexico to the United Nations Office at Geneva")], c)
    'Mexico'
    >>> country_in_org([Position(organisation="Ministry of Foreign Affairs of Finland")], c)
    'Finland'
    >>> country_in_org([Position(organisation="Maritime and Port Authority of Singapore")], c)
    'Singapore'
    >>> country_in_org([Position(organisation="University of Lagos")], c), country_in_org([Position(title="CEO")], c)
    (None, None)
    >>> country_in_org([Position(title="Permanent Representative of Norway to the OSCE")], c)
    'Norway'
    >>> country_in_org([Position(title="Minister of State for Cyber Affairs")], c)
    >>> country_in_org([Position(organisation="Danish Maritime Authority")], c)  # a national adjective
    'Danish'
    >>> country_in_org([Position(organisation="DG CONNECT, European Commission")], c)  # an EU institution
    'EU'
    >>> country_in_org([Position(organisation="DG CONNECT – Commission européenne")], c)  # in another language
    'EU'
    >>> country_in_org([Position(organisation="Ambassador of Nigeria to Austria")], c)  # an office as the organisation
    'Nigeria'
    >>> country_in_org([Position(organisation="Policía Nacional del Perú")], c)  # in Spanish, Portuguese, Italian
    'Perú'
    >>> country_in_org([Position(title="Embaixadora de Portugal em Espanha")], c)
    'Portugal'
    >>> country_in_org([Position(organisation="European Commission, DG CONNECT")], c)  # the body first
    'EU'
    >>> country_in_org([Position(title="Ständige Vertreterin Österreichs bei der OSZE")], c)  # German: a genitive
    'Österreich'
    >>> country_in_org([Position(title="Botschafter der Schweiz in Examplia")], c)
    'Schweiz'
    """
    # a state office printed where the organisation goes (a data file's "affiliation: Ambassador of Nigeria to
    # Austria") names its sending state as a title does
    for pattern, fields in ((_STATE_BODY, _ORG), (_FR_STATE_BODY, _ORG), (_ES_STATE_BODY, _ORG), (_DE_STATE_BODY, _ORG),
                            (_STATE_OFFICE, _BOTH), (_FR_STATE_OFFICE, _BOTH), (_ES_STATE_OFFICE, _BOTH),
                            (_DE_STATE_OFFICE, _BOTH)):
        for pos in reversed(positions):
            for field in fields:
                m = pattern.search(getattr(pos, field) or "")
                # "Delegation of the European Union to Japan": a body that stands for its members, like a state
                if m and (found := _named_country(countries, m.group("country"))):
                    return found
    # the first organisation only: a later one ("Senior Fellow, Think Tank; Adviser, ENISA") is a side role
    text = next((pos.organisation for pos in positions if pos.organisation), "")
    # "DG CONNECT, European Commission", "DG CONNECT – Commission …", and the body first: "European Commission, DG …"
    for part in dict.fromkeys([text, *_PARTS.split(text)]):
        if (body := countries.body(part)) is not None:
            return body.code
    for words, fields in ((_BODY_WORDS, _ORG), (_OFFICE_WORDS, _BOTH)):
        for pos in reversed(positions):
            for field in fields:
                text = getattr(pos, field) or ""
                for part in [text, *reversed(text.split(", ")[1:])]:  # "Office of the CIO, U.S. Department of …"
                    if found := _leading_country(part, words, countries):
                        return found
    for pos in reversed(positions):
        org = pos.organisation or ""
        if found := _last_of(org, countries) or _acronym_then_country(org, countries) or _seat_of(org, countries):
            return found
    return None


_ACRONYM_HEAD = re.compile(r"^(?P<acronym>[A-Z][A-Z0-9]{1,7})\s+(?P<country>[^,;()]+?)\s*$")


def _acronym_then_country(org: str | None, countries: Countries) -> str | None:
    """The country that follows an acronym as all the rest of an organisation's name ("CERT Perú", "CSIRT Italia",
    "NCSC Examplia"): a country's own team named for it; a name's word is no country ("Kestrel Norway" may be a
    company).

    >>> c = default_countries()
    >>> _acronym_then_country("CERT Perú", c), _acronym_then_country("CSIRT Italia", c), _acronym_then_country("Kestrel Norway", c)
    ('Perú', 'Italia', None)
    """
    m = _ACRONYM_HEAD.match((org or "").strip())
    if m and _is_country(countries, m.group("country")) and not countries.lookup(m.group("acronym"), fuzzy=False):
        return m.group("country")
    return None


def _named_country(countries: Countries, text: str) -> str | None:
    """The country (or a body standing for its members) a state body's pattern found, or the one after the last
    "de"/"do"/"di"… of what it found, where the portfolio before went on ("Pescas de Portugal" of "Ministério do Mar e
    das Pescas de Portugal").

    >>> c = default_countries()
    >>> _named_country(c, "Pescas de Portugal"), _named_country(c, "Estados Unidos de América"), _named_country(c, "Mar")
    ('Portugal', 'Estados Unidos de América', None)
    >>> _named_country(c, "Österreichs"), _named_country(c, "Deutschlands"), _named_country(c, "Kestrels")
    ('Österreich', 'Deutschland', None)
    """
    for found in (text, _ES_LAST.split(text)[-1]):
        if _is_country(countries, found) or countries.body(found):
            return found
    # a German genitive: "Österreichs", "Deutschlands" (the genitive "der Schweiz" is the name itself)
    if text.endswith("s") and " " not in text and _is_country(countries, text[:-1]):
        return text[:-1]
    return None


_ES_LAST = re.compile(rf"\s+{_ES_OF}")
_ORG, _BOTH = ("organisation",), ("title", "organisation")
# the parts of an organisation printed with the unit first: "DG CONNECT, European Commission", "Unit A – Commission"
_PARTS = re.compile(r",\s*|\s+[-–—|/]\s+")
_LAST_OF = re.compile(r"of\s+(?:the\s+)?(?P<country>[A-Z][^,;()]*?)\s*(?:\([^()]*\))?\s*$")
_BODY = re.compile(r"\b(?:ministry|department|secretariat|government|embassy|mission|agency|authority|office|"
                   r"commission|delegation|federal|ministerio|secretaría|secretaria|survey|bureau|directorate|"
                   r"police|navy|army|air force|coast guard)\b", re.I)


def _last_of(org: str, countries: Countries) -> str | None:
    """The country after the last "of" of a state body's name, whatever comes before it ("Ministry of Science,
    Innovation and Telecommunications of Costa Rica", "Federal Department of Foreign Affairs of Switzerland").

    >>> c = default_countries()
    >>> _last_of("Federal Department of Foreign Affairs of Switzerland", c), _last_of("Institute of Peace of Norway", c)
    ('Switzerland', None)
    >>> _last_of("State Service of Special Communications of Ukraine", c), _last_of("Courier Service of Jordan", c)
    ('Ukraine', None)
    >>> _last_of("Survey of Kenya", c), _last_of("Statistics Bureau of Japan", c)
    ('Kenya', 'Japan')
    """
    ofs = list(re.finditer(r"\bof\s+(?:the\s+)?", org))
    m = _LAST_OF.match(org, ofs[-1].start()) if ofs else None
    head = org[:m.start()] if m else ""
    if m and (_BODY.search(head) or _OPENS_SERVICE.match(head)) and _is_country(countries, m.group("country")):
        return m.group("country")
    return None


_OPENS_SERVICE = re.compile(rf"(?:the\s+)?{_STATE_SERVICE}\b", re.I)

# a country's own university, academy, library or central bank, named "of" it and nothing after: "University of Ghana",
# "National Academy of Sciences of Ukraine", "Universidad de Chile", "Instituto Nacional de Ciberseguridad de España"
_SEAT = re.compile(
    r"(?:the\s+)?(?:(?:national|state|royal|nacional|estatal|nationale?|staatliche)\s+)?"
    r"(?:university|universidad|universidade|universit[éeà]|universität|universiteit|academy|academia|acad[ée]mie|"
    r"akademie|accademia|library|biblioteca|biblioth[eè]que|instituto|institut|istituto|institute|"
    # a country's central bank, not a bank named after it ("Banco de Valdemar de Chile" may be anyone's)
    r"central\s+bank|(?:banco|banque|banca)\s+(?:central|centrale|nacional|nationale))\b(?P<rest>[^,;()]*)$", re.I)
_SEAT_OF = re.compile(rf"\s(?:of\s+(?:the\s+)?|{_ES_OF}|du\s+|des\s+)", re.I)


def _seat_of(org: str, countries: Countries) -> str | None:
    """The country a national university, academy, institute, library or central bank is named of, as the whole rest of
    its name; "Georgia" is left alone (as many universities of a US state as of the country), and a city or a
    region is no country.

    >>> c = default_countries()
    >>> _seat_of("University of Ghana", c), _seat_of("Universidad de Chile", c), _seat_of("University of Lagos", c)
    ('Ghana', 'Chile', None)
    >>> _seat_of("Instituto Nacional de Ciberseguridad de España", c), _seat_of("University of Georgia", c)
    ('España', None)
    >>> _seat_of("Central Bank of Nigeria", c), _seat_of("Bank of Kestrel Norway", c), _seat_of("Kestrel of Norway", c)
    ('Nigeria', None, None)
    >>> _seat_of("Universidade de Brasília", c), _seat_of("Universidad de Panamá", c)  # a capital; a country's name
    (None, 'Panamá')
    """
    m = _SEAT.match(org.strip())
    ofs = list(_SEAT_OF.finditer(m.group("rest"))) if m else []
    country = m.group("rest")[ofs[-1].end():].strip() if ofs else ""
    if country.lower() not in _ALSO_A_STATE and _is_country(countries, country) and not capital_of(country):
        return country  # "Universidade de Brasília" is of a city
    return None


# a state body or office named after its country: "U.S. Department of State", "UK Cabinet Office", "Korea Internet
# & Security Agency", "US Ambassador to Austria"; "Georgia" opens as many names of a US state's bodies as of the
# country's, so it is left to be printed
_BODY_WORDS = frozenset("department dept ministry embassy mission government army navy air marine coast armed police "
                        "agency bureau office administration authority senate congress parliament commission service "
                        "survey command forces force guard directorate cabinet treasury customs "
                        # a state's council, or its national body: "Saudi Digital Economy Council", "Viet Nam National
                        # Cyber Coordination Centre" (not "Finnish Computing Centre": a centre may be anyone's)
                        "council secretariat regulator national "
                        # a national computer emergency team: "Viet Nam Computer Emergency Response Team (VNCERT)"
                        "team cert csirt".split())
_OFFICE_WORDS = frozenset("ambassador envoy consul attaché attache minister senator congressman congresswoman "
                          "congressperson".split())
_ALSO_A_STATE = frozenset({"georgia"})


def _leading_country(text: str, words: frozenset[str], countries: Countries) -> str | None:
    """The country that opens ``text`` when one of ``words`` follows within five words ("U.S. Geological Survey").

    >>> c = default_countries()
    >>> _leading_country("U.S. Department of State", _BODY_WORDS, c), _leading_country("UK Cabinet Office", _BODY_WORDS, c)
    ('U.S.', 'UK')
    >>> _leading_country("Japan Airlines", _BODY_WORDS, c), _leading_country("Georgia Technology Authority", _BODY_WORDS, c)
    (None, None)
    """
    parts = re.sub(r"^the\s+", "", text.strip(), flags=re.I).split()
    for k in range(1, min(4, len(parts) - 1) + 1):
        head = " ".join(parts[:k])
        if not head[:1].isupper() or head.lower() in _ALSO_A_STATE:
            return None
        if _is_country(countries, head) and any(w.strip(",.()").lower() in words for w in parts[k:k + 5]):
            return head
    return None


def _country(countries: Countries, label: str | None, path: str, line: int | None, notes: list[Note],
             who: str, absent: bool = True) -> str | None:
    """The code of the country ``label`` names — whole, as a two-letter code, or as the last part of a place
    ("Tallinn, Estonia"); notes for a label that names none and, when ``absent``, for no label."""
    if not label:
        if absent:
            notes.append(Note(path, line, "no-country", f"{who}: no country printed"))
        return None
    hit = countries.lookup(label) or countries.by_code.get(label.strip().upper() if len(label.strip()) == 2 else "")
    if hit is None and "," in label:
        last = label.rsplit(",", 1)[1].strip()
        found = countries.lookup(last, fuzzy=False) or countries.by_code.get(last.upper() if len(last) == 2 else "")
        hit = found if found is not None and found.kind == "country" else None
    if hit is None:  # a capital printed as the place: "Stockholm", "Washington, D.C."
        hit = countries.by_code.get(capital_of(label) or capital_of(label.rsplit(",", 1)[0]) or "")
    if hit is None:
        notes.append(Note(path, line, "unknown-country", f"{who}: country {label!r} is not in data/countries.csv — "
                          "left out; if it is a country, add it to the file's aliases"))
    return hit.code if hit else None


_DASH_TAIL = re.compile(r"^(?P<org>.+?)\s+[-–—]\s+(?P<tail>[^-–—]+?)\s*$")
_PAREN_TAIL = re.compile(r"^(?P<org>.+?)\s*\((?P<tail>[^()]+)\)$")


def _title_country(positions: list[Position], countries: Countries) -> str | None:
    """The country in brackets after the last title, when no organisation is printed, taken out of it
    ("Minister of State for Cyber Affairs (Qatar)").

    >>> ps = [Position(title="Minister of State for Cyber Affairs (Qatar)")]
    >>> _title_country(ps, default_countries()), ps[0].title
    ('Qatar', 'Minister of State for Cyber Affairs')
    """
    last = next((p for p in reversed(positions) if p.title), None)
    if last is not None and (m := _PAREN_TAIL.match(last.title)) and _is_country(countries, m.group("tail")):
        last.title = m.group("org")
        return m.group("tail")
    return None


def trailing_country(positions: list[Position], countries: Countries) -> str | None:
    """The country printed at the end of each organisation, taken out of it ("University of Lagos, Nigeria",
    "ConnectEast (Ukraine)"), or printed as the organisation itself ("Minister, Kenya": a title, no organisation);
    the first found. International bodies ("World Bank") are organisations here, not countries.

    >>> from ingest.records import Position
    >>> ps = [Position(title="Dean", organisation="University of Lagos, Nigeria")]
    >>> trailing_country(ps, default_countries()), ps[0].organisation
    ('Nigeria', 'University of Lagos')
    >>> ps = [Position(title="Economist", organisation="World Bank")]
    >>> trailing_country(ps, default_countries()), ps[0].organisation
    (None, 'World Bank')
    >>> ps = [Position(title="Professor", organisation="Kansai Institute"), Position(title="Japan")]
    >>> trailing_country(ps, default_countries()), len(ps)
    ('Japan', 1)
    >>> ps = [Position("Director", "Grid Authority, Jordan"), Position("Chair", "Ports Council, Oman")]
    >>> trailing_country(ps, default_countries()), [p.organisation for p in ps]
    ('Jordan', ['Grid Authority', 'Ports Council'])
    >>> ps = [Position(title="Minister of Ports", organisation="Ghana")]
    >>> trailing_country(ps, default_countries()), ps[0].organisation
    ('Ghana', None)
    >>> ps = [Position(title="Chair", organisation="Promotion Agency, Japan (IPA)")]
    >>> trailing_country(ps, default_countries()), ps[0].organisation
    ('Japan', 'Promotion Agency (IPA)')
    >>> ps = [Position(title="Jueza", organisation="Poder Judicial – Costa Rica")]
    >>> trailing_country(ps, default_countries()), ps[0].organisation
    ('Costa Rica', 'Poder Judicial')
    """
    alone = positions[-1] if len(positions) > 1 else None
    if alone and alone.title and not alone.organisation and _is_country(countries, alone.title):
        positions.remove(alone)  # a line of its own under the position lines: "Japan"
        return alone.title
    if not any(p.organisation for p in positions):
        return _title_country(positions, countries)
    found = [country for pos in positions if (country := _org_country(pos, countries))]
    positions[:] = [p for p in positions if p.title or p.organisation]  # "(Brazil)" was all the position printed
    return found[0] if found else None


def _org_country(pos: Position, countries: Countries) -> str | None:
    """The country ending a position's organisation, or being all of it, taken out of it."""
    org = pos.organisation
    if not org:
        return None
    whole = countries.lookup(org, fuzzy=False)
    if whole is not None:
        if whole.kind != "country":
            return None
        pos.organisation = None  # a country printed where the organisation goes: the government, so no name
        return org.strip(" ()")
    if (m := _PAREN_TAIL.match(org)) and (_is_country(countries, m.group("tail"))
                                          or _bracketed_body(countries, m.group("org"), m.group("tail"))):
        pos.organisation = m.group("org")
        return m.group("tail")
    if (m := _COUNTRY_THEN_ACRONYM.match(org)) and _is_country(countries, m.group("country")):
        pos.organisation = f"{m.group('org')} {m.group('acronym')}"  # "… Agency, Japan (IPA)": the agency's acronym
        return m.group("country")
    head, comma, tail = org.rpartition(",")
    if comma and head.strip() and _is_country(countries, tail):
        pos.organisation = _without_capital(head.strip(), countries)[0]  # "Centre X, Paris, France"
        return tail.strip()
    if (m := _DASH_TAIL.match(org)) and _is_country(countries, m.group("tail")):
        pos.organisation = m.group("org")  # "Poder Judicial – Costa Rica", "Autoridad … (ASFI) - Bolivia"
        return m.group("tail")
    org, capital = _without_capital(org, countries)
    if capital:
        pos.organisation = org
    return capital


_COUNTRY_THEN_ACRONYM = re.compile(r"^(?P<org>.+?),\s*(?P<country>[^,()]+?)\s*(?P<acronym>\([A-Z][\w&.-]{1,11}\))\s*$")


def _without_capital(org: str, countries: Countries) -> tuple[str, str | None]:
    """An organisation without the capital printed after it, and that capital's country ("Centre for Digital
    Sovereignty, Paris" → France): a place, not a part of the name (``ingest.identity`` would make it the parent).
    A capital that names other places too ("Victoria") is none (``ingest.countries.capital_of``).

    >>> c = default_countries()
    >>> _without_capital("Kestrel Centre for Maps, Paris", c), _without_capital("Kestrel Institute, Washington, D.C.", c)
    (('Kestrel Centre for Maps', 'France'), ('Kestrel Institute', 'United States'))
    >>> _without_capital("Centre for Maps, Bengaluru", c), _without_capital("Paris", c)
    (('Centre for Maps, Bengaluru', None), ('Paris', None))
    """
    parts = _COMMA_PARTS.split(org)
    for n in (1, 2):  # "…, Paris"; "…, Washington, D.C."
        if len(parts) > n and (code := capital_of(" ".join(parts[-n:]))) and code in countries.by_code:
            return ", ".join(parts[:-n]), countries.by_code[code].name
    return org, None


_COMMA_PARTS = re.compile(r"\s*,\s*(?![^()]*\))")  # a comma outside brackets


def _bracketed_body(countries: Countries, org: str, tail: str) -> bool:
    """True when a bracket after an organisation is an international body's name alone ("Cyber4Dev (European
    Union)"), as a country's would be, and not the organisation's own name or acronym ("North Atlantic Treaty
    Organization (NATO)", "European Commission (EU)").

    >>> c = default_countries()
    >>> _bracketed_body(c, "Kestrel Programme", "European Union"), _bracketed_body(c, "North Atlantic Treaty Organization", "NATO")
    (True, False)
    >>> _bracketed_body(c, "European Commission", "EU"), _bracketed_body(c, "Kestrel Programme", "EU funding")
    (False, False)
    """
    body = countries.lookup(tail, fuzzy=False)
    if body is None or body.kind == "country":
        return False
    own = countries.lookup(org, fuzzy=False) or countries.body(org)
    return own is None or own.code != body.code


def _is_country(countries: Countries, text: str) -> bool:
    hit = countries.lookup(text, fuzzy=False)
    return hit is not None and hit.kind == "country"


def _org_keys(positions: list[Position], country: str | None) -> None:
    for pos in positions:
        if pos.organisation:
            pos.org_key = organisation_key(pos.organisation, country)


def _dedupe(session: SessionPage, rows: list[Row], notes: list[Note]) -> list[Row]:
    """One row per person and role: a repeated row adds only the positions not yet seen."""
    seen: dict[tuple[str, str], Row] = {}
    for row in rows:
        key = (row.person_key, row.role)
        first = seen.get(key)
        if first is None:
            seen[key] = row
            continue
        notes.append(Note(session.path, row.line, "repeated-row",
                          f"{row.printed_name} is listed again as {row.role} (first at line {first.line}) — merged"))
        for pos in row.positions:
            if all((p.title, p.organisation) != (pos.title, pos.organisation) for p in first.positions):
                first.positions.append(pos)
        first.country_label = first.country_label or row.country_label
        first.country_code = first.country_code or row.country_code
    return list(seen.values())
