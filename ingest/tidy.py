"""After a reader, before normalize: what no site may keep, whatever reads it.

A placeholder ("TBC", "Lorem ipsum") is no person and no session; a job title,
a heading or an organisation is no person; a time printed without offset takes
the profile's time zone. Each drop is a note, so the report says what was left out.

>>> not_a_person("Speakers"), not_a_person("SRE @ Elastic"), not_a_person("Ministry of Health")
('a heading', 'a job title at an organisation', 'an organisation')
>>> not_a_person("Chief Executive Officer"), not_a_person("Everyone"), not_a_person("Dr Jane Doe")
('a job title', 'nobody in particular', None)
>>> not_a_person("Vint Cerf"), not_a_person("erdgeist"), not_a_person("Martin Haase/maha")
(None, None, None)

Text taken from Markdown or HTML may still carry character references
(``President &amp; CEO``, ``&lt;user&gt;``): they are decoded here, once, for
every reader, before anything judges the text.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ingest.names import split_name
from ingest.position_words import JOB_WORDS  # French, German, Spanish, Italian, Portuguese: data/position_words.toml
from ingest.profile import Settings
from ingest.records import Note, Parsed, Row
from ingest.roles import role_of, role_words_only

_ROLE_WORDS = re.compile(
    r"\b(speakers?|moderators?|moderated|by|panell?ists?|panels?|keynotes?|chairs?|chaired|co-chairs?|hosts?|"
    r"guests?|of|hono(u)?rs?|remarks|presenters?|presentations?|opening|closing|welcome|address|facilitators?|"
    r"rapporteurs?|trigger|discussants?|sherpas?|mc|emcee|and|&|the|our|with|featuring|heads?|delegations?|"
    r"special|invited|fireside|chats?|q&a|qa|session|talks?|general|programme|program|organi[sz]ing|committee|"
    r"local|steering)\b", re.I)
# the inclusive ending a role word may print: German "Referent:innen", "Referent*innen", "Moderator:in", "_innen",
# "/-innen"; French "Intervenant·e·s", "Intervenant.e.s", "Intervenant(e)s", "Modérateur·rice", "Conférencier·ère·s"
_FEMININE = r"(?:e|es|s|rice|rices|ice|ices|trice|trices|ère|ères|euse|euses|ne|nes)"
GENDER_ENDING = (rf"(?:[:*_/·]-?in(?:nen)?(?![\w])|(?:[·.•‧]{_FEMININE}(?![\w])){{1,2}}"
                 rf"|\({_FEMININE}\)s?(?![\w]))")
_NOBODY = {"everyone", "everybody", "all", "organizers", "organisers", "organising committee", "organizing committee",
           "team", "staff", "break", "lunch", "coffee", "tea", "networking", "registration", "q&a", "tbc", "tba",
           "various", "multiple speakers", "attendees", "participants", "you", "panel", "audience",
           # legal and site pages, whose heading a wide part may take for a name
           "impressum", "imprint", "legal notice", "mentions légales", "datenschutz", "datenschutzerklärung",
           "privacy", "privacy policy", "politique de confidentialité", "cookie policy", "terms of use", "contact",
           "contact us", "about", "about us", "kontakt", "accessibility", "sitemap",
           # an event page's "Add to calendar" menu (The Events Calendar, Eventbrite, Meetup)
           "add to calendar", "google calendar", "apple calendar", "yahoo calendar", "outlook calendar", "outlook 365",
           "outlook live", "outlook.com", "icalendar", "ical", "export .ics file", "export outlook .ics file"}
# a link's call to the reader, printed where people are ("Register Now", "Read more", "Watch the recording")
_CALL = re.compile(r"^(?:register|read|learn|sign|watch|download|join|book|click|view|see|subscribe|apply|buy|get|"
                   r"find|explore|discover|share|follow|visit|listen|rsvp)\b(?:\s+\w+){0,3}?\s+(?:now|more|here|up|in|"
                   r"online|video|today|tickets?|slides|recording|programme|program|agenda|details|info|live|us)$")
# a programme slot that is no talk: "Coffee break", "Lunch", "Networking reception", "Registration & coffee"
# breaks in German, Dutch, French, Spanish, Italian and Portuguese too ("Kaffeepause", "pause café", "almuerzo")
_OTHER_BREAKS = (r"\w*pausen?|\w*pauze|mittagessen|abendessen|empfang|anmeldung|registrierung|kaffee|imbiss|"
                 r"pause[- ]caf[ée]|pause|déjeuner|dîner|pausa(?: para(?: el)?)? caf[ée]|pausa caff[èe]|pausa|café|"
                 r"almuerzo|comida|cena|receso|registro|inscripci[óo]n|pranzo|registrazione|intervalo|almoço|jantar|"
                 r"credenciamento")
_BREAK_WORDS = (r"coffee|tea|lunch|dinner|breakfast|networking|comfort|evening|welcome|morning|afternoon|health|"
                r"prayer|drinks|breaks?|receptions?|registration|check-in|doors open|meals?|refreshments|snacks|"
                + _OTHER_BREAKS)
_BREAK = re.compile(rf"^\W*(?:(?:{_BREAK_WORDS})(?:\s*(?:&|and|/|,|\+)\s*|\s+))*(?:{_BREAK_WORDS})\W*$", re.I)
_BREAK_CORE = re.compile(r"\b(?:coffee|tea|lunch|dinner|breakfast|networking|breaks?|receptions?|registration|"
                         r"check-in|doors open|meals?|refreshments|" + _OTHER_BREAKS + r")\b", re.I)


def is_break(text: str) -> bool:
    """True for the title or format of a slot that is no talk.

    >>> [is_break(t) for t in ("Coffee Break", "Lunch", "Networking Reception", "Registration & Coffee", "Breaks")]
    [True, True, True, True, True]
    >>> [is_break(t) for t in ("Lunch & Learn: Kubernetes", "Welcome remarks", "Breaking the cycle", "")]
    [False, False, False, False]
    >>> [is_break(t) for t in ("Kaffeepause", "Mittagessen & Networking", "Pause café", "Pausa para el café",
    ...                        "Almuerzo", "Pranzo", "Almoço", "Koffiepauze")]
    [True, True, True, True, True, True, True, True]
    >>> [is_break(t) for t in ("Pause und Reflexion: KI im Amt", "Café científico: datos abiertos", "Accueil")]
    [False, False, False]
    """
    return bool(_BREAK.match(text or "")) and bool(_BREAK_CORE.search(text))


_JOB = re.compile(
    r"\b(ceo|cto|cio|ciso|cfo|coo|sre|vp|svp|evp|director|manager|engineer|officer|president|founder|co-founder|"
    r"chief|lead|head|minister|secretary|ambassador|researcher|developer|consultant|analyst|architect|scientist|"
    r"coordinator|advisor|adviser|partner|chairman|chairwoman|chairperson|specialist|strategist|programme|program|"
    r"deputy|assistant|associate|senior|principal|student|lecturer|fellow|executive|administrator|evangelist|"
    r"commissioner|governor|representative|envoy|attaché|attache|member|rapporteur|counsell?or|(?:pro-|vice-)+chancellor|"
    # German and French job words, gendered forms too ("Leiterin", "directrice", "Vorstandsvorsitzender")
    r"leiterin|\w+leiter(?:in)?|direktor(?:in)?|\w*vorsitzende[rn]?|vorstand|geschäftsführer(?:in)?|referent(?:in)?|"
    r"(?:bundes|staats|landes|vize)?minister(?:in)?|staatssekretär(?:in)?|präsident(?:in)?|professorin|"
    r"chefredakteur(?:in)?|redakteur(?:in)?|beraterin|beauftragte[r]?|directeur|directrice|ministre|présidente?|"
    r"conseill(?:er|ère)|chargée?|responsable|déléguée?|ambassadeur|ambassadrice|rédact(?:eur|rice)|secrétaire|"
    r"fondat(?:eur|rice)|chercheu(?:r|se)|cheffe|chef|conseillère|adjointe?|"
    # a chair of something ("Conference Chair", "Vice-Chair"); "Chair" alone is a role's heading
    r"(?:vice|co)[- ]?chair|(?<=\w\s)chair|" + JOB_WORDS + r")\b", re.I)
_ORG = re.compile(
    r"\b(ministry|department|agency|university|institute|inc|ltd|llc|gmbh|corporation|corp|foundation|association|"
    r"authority|council|committee|commission|organisation|organization|group|team|company|society|centre|center|"
    r"office|bureau|academy|school|college|consortium|alliance|network|laboratory|lab|labs|government|"
    r"secretariat|directorate|programme|initiative|trust|federation|sdn bhd|bhd|pte|plc|"
    r"port of|ports|terminals?|harbou?r authority|"
    # German and French ("Bundesministerium des Innern", "Technische Universität", "Agence nationale …")
    r"bundes\w+|\w*ministerium|universität|hochschule|stiftung|agentur|behörde|bundesamt|landesamt|institut|"
    r"gesellschaft|verband|verein|akademie|ministère|université|fondation|autorité|agence|délégation|"
    r"direction générale|secrétariat)\b", re.I)
_PERSONISH = re.compile(r"^[^\W\d_][\w'’.-]*(\s+[^\W\d_][\w'’.-]*){0,5}$")
# a character reference with its semicolon: "&amp;", "&#8212;", "&#x2014;" (not "AT&T", not "&copy" unclosed)
_REFERENCE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


_CANCELLED = re.compile(r"^\W*(?:cancell?ed|annulée?s?|abgesagt|cancelad[oa]|annullat[oa])\b", re.I)


_POSTPONED = re.compile(r"^\W*(?:postponed|rescheduled|reportée?s?|verschoben|aplazad[oa]|rinviat[oa])\b", re.I)


def cancelled(session) -> bool:
    """True when a session's title or the opening of its text says it was cancelled ("[Cancelled] …", "**CANCELLED:**
    this event …", "Annulé : …"); a postponed one still takes place.

    >>> from ingest.records import SessionPage
    >>> cancelled(SessionPage("a.md", "[Cancelled] Cyber Talk", None, None)), cancelled(SessionPage("a.md", "Talk",
    ...     None, None, abstract="**CANCELLED:** this dialogue will not take place.")), cancelled(SessionPage("a.md",
    ...     "Cancel Culture Online", None, None))
    (True, True, False)
    >>> cancelled(SessionPage("a.md", "Panel", None, None, abstract="Note: This session has been cancelled."))
    True
    """
    opening = (session.abstract or "")[:300]
    return bool(_CANCELLED.match(session.title or "") or _CANCELLED.match(opening) or _HAS_BEEN_CANCELLED.search(opening))


# a notice saying so in a sentence: "This session has been cancelled.", "The panel is cancelled", "Cette séance est
# annulée"
_HAS_BEEN_CANCELLED = re.compile(r"\b(?:this|the)\s+(?:session|event|panel|talk|workshop|dialogue|roundtable|"
                                 r"keynote)\s+(?:has\s+been|had\s+to\s+be|is|was|will\s+be)\s+(?:cancell?ed|called\s+off)"
                                 r"|\b(?:cette|la)\s+(?:séance|session|table\s+ronde)\s+(?:est|a\s+été)\s+annulée", re.I)


def cancellation(text: str) -> str | None:
    """The sentence of ``text`` saying its session has been cancelled ("This session has been cancelled"), if any."""
    m = _HAS_BEEN_CANCELLED.search(text)
    return m.group() if m else None


def tidy(parsed: Parsed, settings: Settings) -> Parsed:
    """Decode character references; drop placeholder sessions and rows that are no person; give naive times
    the site's zone."""
    decode_references(parsed)
    kept = []
    for session in parsed.sessions:
        if session.title is not None and settings.is_placeholder(session.title):  # None: a stub titled elsewhere
            parsed.notes.append(Note(session.path, None, "placeholder",
                                     f"session {session.title!r} is a placeholder — skipped"))
            continue
        if cancelled(session):
            parsed.notes.append(Note(session.path, None, "cancelled", f"session {session.title!r} is marked "
                                     "cancelled — skipped: its people did not appear"))
            continue
        if _POSTPONED.match(session.title or "") or _POSTPONED.match((session.abstract or "")[:200]):
            parsed.notes.append(Note(session.path, None, "postponed", f"session {session.title!r} is marked "
                                     f"postponed — kept on {session.date}; check the new date the page gives"))
        session.rows = [row for row in session.rows if _keep(session.path, row, settings, parsed.notes)]
        for row in session.rows:
            row.positions = positions_kept(row.positions, settings)
        _zone(session, settings)
        kept.append(session)
    parsed.sessions = kept
    parsed.speakers = [page for page in parsed.speakers if not _drop_page(page, settings, parsed.notes)]
    for page in parsed.speakers:
        page.positions = positions_kept(page.positions, settings)
    if settings.tz is not None:  # the site's zone gave the times their offset: no note that they have none
        parsed.notes = [n for n in parsed.notes if n.kind != "no-zone"]
    return parsed


def unescape(text: str | None) -> str | None:
    """``text`` with its HTML character references decoded (a no-break space as a plain space).

    >>> unescape("President &amp; CEO"), unescape("a &lt;b&gt; &mdash; c&#39;s"), unescape("AT&T &copy")
    ('President & CEO', "a <b> — c's", 'AT&T &copy')
    """
    if not text or "&" not in text:
        return text
    return _REFERENCE.sub(lambda m: html.unescape(m.group(0)).replace("\xa0", " "), text)


def decode_references(parsed: Parsed) -> None:
    """Decode the character references of the texts shown as they are: titles, names, positions, roles, rooms."""
    for session in parsed.sessions:
        session.title, session.room, session.track = (unescape(session.title), unescape(session.room),
                                                      unescape(session.track))
        for row in session.rows:
            row.printed_name, row.role_label = unescape(row.printed_name), unescape(row.role_label)
            row.country_label = unescape(row.country_label)
            _positions(row.positions)
    for page in parsed.speakers:
        page.printed_name, page.country_label = unescape(page.printed_name), unescape(page.country_label)
        _positions(page.positions)


def _positions(positions) -> None:
    for position in positions:
        position.title, position.organisation = unescape(position.title), unescape(position.organisation)


# what a job-title field holds when the speaker gave none
_NO_TITLE = {"none", "n/a", "na", "n.a", "not applicable", "nil", "null", "-", "–", "—", "/", "?", "keine", "aucun",
             "aucune"}
# what a form's "Company" or "Affiliation" field holds when the speaker has none: no organisation
_NO_ORGANISATION = _NO_TITLE | {
    "independent", "self-employed", "self employed", "freelance", "freelancer", "freelancing", "private",
    "private person", "individual", "unaffiliated", "no affiliation", "indépendant", "indépendante", "freiberuflich",
    "freiberufler", "freiberuflerin", "selbstständig", "selbständig", "autónomo", "autónoma", "independiente", "zzp",
    "zelfstandige"}


def no_organisation(text: str | None) -> bool:
    """True for an organisation value that names none ("Independent", "Self-employed", "N/A", "—").

    >>> [no_organisation(t) for t in ("Independent", "Self-Employed", "Freelance", "N/A", "—", "none", "Acme")]
    [True, True, True, True, True, True, False]
    >>> no_organisation("Independent Research Institute")
    False
    """
    return " ".join((text or "").lower().split()).strip(" .*") in _NO_ORGANISATION or not (text or "").strip(" .*")


def no_title(text: str | None) -> bool:
    """True for a job-title value that names none ("N/A", "none", "-").

    >>> no_title("N/A"), no_title("-"), no_title("Freelance"), no_title("CTO")
    (True, True, False, False)
    """
    return " ".join((text or "").lower().split()).strip(" .*") in _NO_TITLE or not (text or "").strip(" .*")


def positions_kept(positions: list, settings: Settings) -> list:
    """The positions with the values that name nothing taken out: an organisation "Independent" or "N/A", a job
    title "-", and either one that is the profile's placeholder ("TBC"); a position left empty is dropped.

    >>> from ingest.records import Position
    >>> kept = positions_kept([Position("Engineer", "Independent"), Position("TBC", "TBC"), Position("-", "Acme")],
    ...                       Settings())
    >>> [(p.title, p.organisation) for p in kept]
    [('Engineer', None), (None, 'Acme')]
    """
    kept = []
    for position in positions:
        if position.organisation and (no_organisation(position.organisation)
                                      or settings.is_placeholder(position.organisation, whole=True)):
            position.organisation = None
        if position.title and (no_title(position.title) or settings.is_placeholder(position.title, whole=True)):
            position.title = None
        if position.title or position.organisation:
            kept.append(position)
    return kept


def has_job_word(text: str) -> bool:
    """True when ``text`` holds a word of a job title ("Government CIO", "Leiterin")."""
    return bool(_JOB.search(text))


def not_a_person(text: str) -> str | None:
    """Why a printed name is no person (a heading, a job title, an organisation), or ``None``."""
    words = " ".join(text.replace("*", " ").split()).strip(" :,-–—")
    low = words.lower()
    if not words or low in _NOBODY or _CALL.match(low):
        return "nobody in particular"
    if not _ROLE_WORDS.sub("", low).strip(" :,-–—()/") or _role_heading(words):
        return "a heading"
    if re.search(r"\s@\s|^@\s|\s@$", words) or re.search(r"\w\s+(at|@)\s+[A-Z]", words) and _JOB.search(words):
        return "a job title at an organisation"
    if _ORG.search(words) and not _name_then_org(words) or _legal_tail(words):
        return "an organisation"
    if _JOB.search(words) and not _name_then_org(words):
        return "a job title"
    if _STREET.search(words):
        return "a street"
    if _SESSIONS.search(words):
        return "a heading"  # "Parallel Sessions", "Breakout Workshops": a block of the programme
    if _ROOM.match(words):
        return "a room"
    return None


# a room ("Main Hall", "Plenary Room", "Room 204", "Hall A", "Sala 3"); "Stuart Hall" is a name
_ROOM = re.compile(r"^(?:(?:main|plenary|grand|conference|lecture|meeting|great|exhibition|upper|lower|small|big)\s+"
                   r"(?:hall|room|auditorium|ballroom|theat(?:re|er)|stage|foyer|lounge)|(?:hall|room|sala|salle|raum|"
                   r"saal|zaal|aula)\s+(?:[A-Z]|\d+[A-Z]?|[IVX]+)"
                   # a named room: "Tagus Room", "Belém Auditorium" (a "Hall" may be a surname: "Stuart Hall")
                   r"|(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:room|auditorium|ballroom|salon|foyer|lounge))$",
                   re.I)


_SESSIONS = re.compile(r"\b(?:sessions|workshops|breakouts|tracks|plenary|plenaries|sesiones|séances|sessioni)$", re.I)


# a street of an address, never a name's last word ("Victoria Parade, Suva", "Beach Road"): not "Lane", "Way"
# or "Street", which are surnames too
_STREET = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:Road|Avenue|Parade|Boulevard|Quay|Highway|Street|"
                     r"Building|Square|Strasse|Straße)(?:,|$)")


def _legal_tail(words: str) -> bool:
    """True when what follows the first comma is a company's legal form ("Acme, Inc.", "Kestrel Co., Ltd."): an
    organisation, not a name with something after it; a post-nominal is a person's ("Jo Ray, S.C.").

    >>> _legal_tail("Acme, Inc."), _legal_tail("Kestrel Tech Co., Ltd."), _legal_tail("Tidewater Data, LLC")
    (True, True, True)
    >>> _legal_tail("Jo Ray, S.C."), _legal_tail("Jo Ray, Director"), _legal_tail("Acme Inc.")
    (False, False, False)
    """
    from ingest.person_pattern import is_legal_form, is_post_nominal  # it judges names with this module

    tail = [p.strip() for p in words.split(",")[1:]]
    return bool(tail) and all(p and is_legal_form(p) and not is_post_nominal(p) for p in tail)


@lru_cache(maxsize=4096)  # asked of every name judged
def _role_heading(words: str) -> bool:
    """True for role words alone in any language the role table knows, an inclusive ending too ("Modération",
    "Intervenant·e·s", "Referent:innen"); not a job title that holds a role word ("Chairman"), unless printed with
    an inclusive ending, as labels are.

    >>> _role_heading("Intervenant·e·s"), _role_heading("Referent:innen"), _role_heading("Anna Redner")
    (True, True, False)
    >>> _role_heading("Chairman"), _role_heading("Referent")
    (False, False)
    """
    bare = re.sub(GENDER_ENDING + r"(?=\s|$)", "", words)
    return len(bare) < 60 and role_of(bare) is not None and role_words_only(bare) \
        and (bare != words or not _JOB.search(bare))


def _name_then_org(words: str) -> bool:
    """``Jane Doe, Director`` — a name followed by what a reader did not split off: still a person."""
    head = re.split(r"\s*[,(–—|]\s*|\s+-\s+", words, maxsplit=1)[0]
    return head != words and bool(_PERSONISH.match(head)) and not _JOB.search(head) and not _ORG.search(head)


def _keep(path: str, row: Row, settings: Settings, notes: list[Note]) -> bool:
    if settings.is_placeholder(row.printed_name):
        notes.append(Note(path, row.line, "placeholder", f"{row.printed_name!r} is a placeholder, not a person — "
                                                         "row skipped"))
        return False
    reason = None if not row.name_printed else not_a_person(without_honorific(row.printed_name))
    if reason:
        notes.append(Note(path, row.line, "not-a-person", f"{row.printed_name!r} reads as {reason}, not a person's "
                                                          "name — row skipped"))
        return False
    return True


def _drop_page(page, settings: Settings, notes: list[Note]) -> bool:
    reason = "a placeholder" if settings.is_placeholder(page.printed_name) else \
        not_a_person(without_honorific(page.printed_name))
    if reason:
        notes.append(Note(page.path, page.line, "not-a-person",
                          f"speaker {page.printed_name!r} reads as {reason}, not a person's name — skipped"))
    return bool(reason)


def without_honorific(printed: str) -> str:
    """The name without the honorific or rank printed before it ("Ambassador", "Deputy Secretary"): what
    ``not_a_person`` judges, as "Ambassador" alone is a job title.

    >>> without_honorific("Ambassador Jo Ray"), without_honorific("Capt. (N) Jo Ray"), without_honorific("Ambassador")
    ('Jo Ray', 'Jo Ray', 'Ambassador')
    """
    name = split_name(printed).name
    return name or printed


def _zone(session, settings: Settings) -> None:
    tz = settings.tz
    if tz is None:
        return
    for attr in ("start", "end"):
        value = getattr(session, attr)
        if value is not None and value.tzinfo is None:
            setattr(session, attr, value.replace(tzinfo=tz))
