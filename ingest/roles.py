"""Role headings as printed ("Panelists", "Speakers (Opening Remarks)") → our role names, from ``data/roles.toml``.

>>> role_of("Panelists"), role_of("<br> Moderator"), role_of("Speakers (Opening Remarks)")
('panellist', 'moderator', 'remarks')
>>> role_of("Guest of Honor"), role_of("Keynote Speakers"), role_of("Rapporteur"), role_of("Programme")
('guest-of-honour', 'keynote', 'other', None)
>>> role_of("Co-chair"), role_of("Emcee"), role_of("Trigger speaker"), role_of("Opening Address")
('moderator', 'moderator', 'speaker', 'remarks')
>>> clean_label("Speakers (Draft)"), clean_label("<br>**Moderator** – TBC"), clean_label("· Panel")
('Speakers', 'Moderator', 'Panel')
>>> role_of_link("/moderator-jane-doe/"), role_of_link("/speakers/goh-dr-x/"), role_of_link("/speakers/x/")
('moderator', 'guest-of-honour', None)
"""

from __future__ import annotations

import re
import tomllib
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "roles.toml"

ROLES = ("moderator", "panellist", "speaker", "keynote", "guest-of-honour", "remarks", "other")

# "(Draft)", "– TBC": marks of the page's state, not of the role
_STATE_SUFFIX = re.compile(r"\s*(?:\(\s*(?:draft|tbc|tba|tbd|to be confirmed|updated|final|confirmed|revised)\s*\)"
                           r"|[\u2013\u2014:-]\s*(?:draft|tbc|tba|tbd|to be confirmed))\s*$", re.I)
_MARKUP = re.compile(r"<[^>]+>|[*_]{1,3}")
# a separator a heading keeps before its title ("15h30 – 16h30 · Panel: …", "• Keynote"): no part of the role
_LEAD = re.compile(r"^[\s\u00b7\u2022\u2023\u2043\u25aa\u25b8\u25ba|/]+")


@lru_cache(maxsize=1)
def _table(path: Path = DATA) -> tuple[list[tuple[str, re.Pattern]], dict[str, str], dict[str, str]]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    rules = []
    for n, rule in enumerate(data["rule"], start=1):
        if rule["role"] not in ROLES:
            raise ValueError(f"{path}: rule {n} names role {rule['role']!r} — use one of {', '.join(ROLES)}")
        rules.append((rule["role"], _any(rule["patterns"])))
    return rules, data["labels"], data["slug_prefixes"]


@lru_cache(maxsize=1)
def _titles(path: Path = DATA) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The ``[titles]`` patterns of the role table: speech nouns of a title's head, closing-segment fillers, and
    the genitive tail ("des ersten Tages") a role may carry, after its preposition."""
    with open(path, "rb") as fh:
        titles = tomllib.load(fh)["titles"]
    tails = "|".join(f"(?:{p})" for p in titles["genitive_tails"])
    genitive = re.compile(rf"\s+(?:of|des|der|du|de|del|della|do|da)\s+(?:{tails})\s*$", re.I)
    return _any(titles["speech_heads"]), _any(titles["closing_segments"], whole_words=True), genitive


def _any(patterns: list[str], whole_words: bool = False) -> re.Pattern:
    edge = r"\b" if whole_words else ""
    return re.compile(edge + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" + edge, re.I)


LABELS = _table()[1]


def clean_label(label: str) -> str:
    """A role heading without markup and without a state suffix such as "(Draft)"."""
    text = _LEAD.sub("", " ".join(_MARKUP.sub(" ", label).split()))
    while (stripped := _STATE_SUFFIX.sub("", text)) != text:
        text = stripped
    return text.strip()


_SITE_ROLES: ContextVar[dict[str, str]] = ContextVar("site_roles", default={})


@contextmanager
def site_roles(roles: dict[str, str]):
    """While reading a site's file: its profile's ``[site] roles`` (printed label, lower case → role) are role
    words too, so that "Referent:innen:" or "Who:" opens a list of people where the profile names it.

    >>> with site_roles({"gastgeber": "moderator"}):
    ...     role_of("Gastgeber")
    'moderator'
    >>> role_of("Gastgeber") is None
    True
    """
    token = _SITE_ROLES.set(roles)
    try:
        yield
    finally:
        _SITE_ROLES.reset(token)


def role_of(label: str) -> str | None:
    """Our role for a printed heading, or ``None`` when the heading is unknown."""
    text = clean_label(label)
    site = _SITE_ROLES.get()
    if site and (found := site.get(" ".join(text.split()).lower())):
        return found
    for role, rx in _table()[0]:
        if rx.search(text):
            return role
    return None


def role_of_title(title: str) -> str | None:
    """The role label a session's title gives its people: "Keynote: …" → "Keynote"; "Opening Address" → itself.
    Only a title, or a head of it, made of role words alone gives one: "Closing the Loop: …" and "Welcome
    Reception" name no role.

    >>> role_of_title("Keynote: Ten Years of Rust"), role_of_title("Opening Address"), role_of_title("Tides")
    ('Keynote', 'Opening Address', None)
    >>> role_of_title("Closing the loop: feedback in detection"), role_of_title("Panel 2: Funding Sea Walls")
    (None, 'Panel 2')
    >>> role_of_title("Keynote Address by Dr Ana Lima"), role_of_title("Opening Ceremony")
    ('Keynote Address', 'Opening Ceremony')
    >>> role_of(role_of_title("Opening Address by Guest of Honour"))
    'guest-of-honour'
    >>> role_of_title("Schlusswort des ersten Tages"), role_of_title("Opening of the Exhibition")
    ('Schlusswort', None)
    >>> role_of_title("· Panel: Tides and grids"), role_of_title("Conclusion de la journée")
    ('Panel', 'Conclusion')
    >>> role_of_title("Welcome to BOIC 2025"), role_of_title("Welcome to the Jungle: Kubernetes")
    ('Welcome', None)
    >>> role_of_title("Industry Roundtable: Securing Ports"), role_of_title("Industry Roundtable")
    ('Industry Roundtable', None)
    """
    title = _LEAD.sub("", title)  # "· Panel: …" as a heading printed it after its time
    if _WELCOME_TO.fullmatch(title.strip()):
        return "Welcome"  # "Welcome to BOIC 2025": the organisers open the event
    head = re.split(r"\s*[:\u2013\u2014]\s*|\s+-\s+|\s*\(", title, maxsplit=1)[0].strip()
    speech = speech_head(head)
    if speech and not role_of(_AND.split(head, maxsplit=1)[1]):
        return speech  # "Closing remarks and way forward"; but "Welcome and Opening Remarks" is one role label
    for label in (head, title.strip()):
        label = _titles()[2].sub("", label)  # "Schlusswort des ersten Tages": the day's closing word, a role
        before, *after = _BY.split(label, maxsplit=1)
        # "Opening Address by Guest of Honour": the role after "by" is the person's; "Keynote by Dr Ana Lima": before
        label = label if after and role_of(after[0]) and role_words_only(after[0]) else before.strip()
        if len(label) < 40 and role_of(label) and role_words_only(label):
            return label
    if head != title.strip() and _GROUP_HEAD.fullmatch(head) and role_of(head) == "panellist":
        return head  # "Industry Roundtable: Securing …", "Youth Panel: …": a group of a kind, before the title
    return speech  # "Opening Remarks and Welcome Reception"


# a session that welcomes to the event itself: "Welcome to BOIC 2025", "Welcome to the Summit!", "Welcome to PyCon
# US"; not "Welcome to the Jungle: Kubernetes" (a talk's title), nor "Welcome Reception"
_WELCOME_TO = re.compile(r"(?:a\s+)?(?:warm\s+)?welcome\s+to\s+(?:the\s+)?"
                         r"(?=[^:]*(?:\b(?:19|20)\d\d\b|(?-i:\b[A-Z]{2,}\b)|"
                         r"\b(?:conference|congress|summit|forum|week|dialogue|symposium|convention|days?|edition)\b))"
                         r"[^:]{1,50}?[!.]?", re.I)


# a panel's kind before its title: "Industry Roundtable", "Expert Panel", "CEO Round Table"
_GROUP_HEAD = re.compile(r"(?:[A-Z][\w&'’-]*\s+){1,2}(?:panel|roundtable|round table|debate)s?", re.I)


# "Closing remarks and way forward", "Discours d'ouverture et perspectives": a role joined to another item
_ARTICLE = re.compile(r"(?:the|a|an)\s", re.I)  # "The Keynote and the Audience" names a talk, not a role
_AND = re.compile(r"\s+(?:and|&|et|und|y|e)\s+", re.I)


def speech_head(title: str) -> str | None:
    """The part of ``title`` before "and"/"&" when it is role words holding a speech noun (remarks, address,
    keynote, welcome…: ``[titles] speech_heads`` of the role table), so that the title's people give that speech;
    else ``None``. A head that is a role word but no speech ("Hosts and Parasites", "Opening and Closing Doors")
    or no role word at all ("Welcome to the Jungle and Other Stories") gives none.

    >>> speech_head("Closing remarks and way forward"), speech_head("Remarks & Q&A")
    ('Closing remarks', 'Remarks')
    >>> speech_head("Hosts and Parasites"), speech_head("Welcome to the jungle and other stories")
    (None, None)
    """
    head, *rest = _AND.split(title, maxsplit=1)
    head = head.strip()
    if rest and len(head) < 40 and not _ARTICLE.match(head) and _titles()[0].search(head) and role_of(head) \
            and role_words_only(head):
        return head
    return None


# what may stand beside role words in a title that names a role ("Opening Keynote Session 2", "Closing Words")
_FILLER = {"and", "&", "the", "of", "a", "an", "in", "im", "y", "el", "e", "session", "sessions", "statement",
           "statements", "speech",
           "speeches", "discussion", "conversation", "chat", "ceremony", "event", "day", "part", "note", "notes",
           "word", "words", "greetings", "message", "reflections", "thoughts", "i", "ii", "iii", "iv", "de", "et",
           "la", "le", "du", "des", "und", "der", "die", "das", "mot", "mots", "discours", "séance", "wort", "worte",
           "rede", "our", "meet", "include", "includes", "including", "featuring", "with", "guest",
           "guests", "invited", "confirmed", "distinguished", "special", "by", "par", "von",
           # what a ceremony adds to its remarks ("Closing Remarks & Awards", "Opening and Prize-Giving")
           "award", "awards", "prize", "prizes", "prize-giving", "giving", "presentation", "thanks", "farewell",
           "wrap-up", "wrap", "up", "announcements", "remise", "prix", "preisverleihung",
           # Spanish "a cargo de" (by): "Conferencia magistral a cargo de Dra. Ana Ruiz"
           "cargo",
           # Italian and Dutch formal openings: "Saluti istituzionali", "Apertura dei lavori", "Opening van de dag"
           "istituzionali", "institutional", "dei", "lavori", "della", "del", "van", "het",
           # the rank of a meeting: "High-level roundtable", "Ministerial panel", "Plenary keynote"
           "high", "level", "high-level", "ministerial", "plenary", "interactive", "open", "closed", "expert", "experts"}
_BY = re.compile(r"\s+(?:by|with|from|par|von|mit)\s+", re.I)


def role_words_only(label: str) -> bool:
    """True when ``label`` holds nothing but role words, numbers and fillers: "Welcome and Opening Remarks",
    "Guest of Honour", "Podiumsdiskussion", "31C3 Opening Event"; not "Closing the Loop".

    >>> role_words_only("Closing Remarks & Awards"), role_words_only("Closing the Loop")
    (True, False)
    >>> role_words_only("Summary and Next Steps"), role_words_only("Outlook and closing remarks")
    (True, True)
    """
    # "Outlook and closing remarks": what a programme's last segment adds beside its remarks is no topic
    text = _titles()[1].sub(" ", clean_label(label))
    if all(_spare(w) or role_of(w) for w in re.findall(r"[\w&]+", text)):
        return True
    for _, rx in _table()[0]:
        text = rx.sub(" ", text)  # role words of several words ("Guest of Honour", "in conversation")
    return all(_spare(w) for w in re.findall(r"[\w&]+", text))


def _spare(word: str) -> bool:
    return word.lower() in _FILLER or any(c.isdigit() for c in word) or len(word) == 1


def content_words(label: str) -> list[str]:
    """The words of ``label`` other than fillers, numbers and letters: what a title says beyond its grammar.

    >>> content_words("Allocution de clôture"), content_words("Closing Remarks & Awards")
    (['Allocution', 'clôture'], ['Closing', 'Remarks'])
    """
    return [w for w in re.findall(r"[\w&]+", clean_label(label)) if not _spare(w)]


def is_role_heading(text: str) -> bool:
    """True when ``text`` reads as a role heading."""
    return len(text) < 60 and role_of(text) is not None


def role_of_link(link: str | None) -> str | None:
    """The role a speaker link's slug opens with ("/moderator-jane-doe/" → moderator), or ``None``."""
    if not link:
        return None
    slug = link.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1].lower()
    prefixes = _table()[2]
    for prefix in sorted(prefixes, key=len, reverse=True):
        if slug.startswith(prefix + "-") and prefixes[prefix] != "speaker":
            return prefixes[prefix]
    return None


def slug_prefixes() -> list[str]:
    """The role words that may open a speaker slug, longest first."""
    return sorted(_table()[2], key=len, reverse=True)
