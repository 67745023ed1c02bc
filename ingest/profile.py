"""A site profile, ``speakergraph.toml``: the site's names and settings, and the parts that read its files.

A profile is data, validated on load; every error names the file, the key and
the fix. Everything in it is optional::

    [site]
    series = "cti-summit"                 # the series key (default: the folder name without a year)
    name = "CTI Summit"                   # its display name
    year = 2022                           # for dates printed without a year
    timezone = "Europe/Luxembourg"        # for times printed without an offset (IANA name or "+02:00")
    include = ["_posts/*.md", "_data/*.yml"]   # files to read (default: all)
    exclude = ["_posts/keynotes/**"]      # files never to read
    placeholders = ["TBC", "Lorem ipsum"] # names, titles, job titles, organisations that are nobody (added to defaults)
    roles = { "Trigger speaker" = "panellist" }   # printed role label -> model role (added to the built-in words)

    [[parts]]                             # which part reads which files: the first whose files match
    files = "_posts/*.md"
    reader = "frontmatter"
    speaker_key = "speakers"              # ... the part's own options

The older single-reader form (``[site] reader = "frontmatter"`` with ``[site.frontmatter]`` options)
is one part over every file.

>>> p = parse({"site": {"series": "x", "year": 2024}, "parts": [{"files": "a/*.md", "reader": "sicw"}]}, "p.toml")
>>> p.series, p.settings.year, p.parts[0].files, p.parts[0].reader
('x', 2024, ('a/*.md',), 'sicw')
>>> parse({"site": {"yaer": 2024}}, "p.toml")
Traceback (most recent call last):
graph.errors.IngestError: p.toml: [site]: unknown key 'yaer' (did you mean 'year'?) — see docs/sites.md
"""

from __future__ import annotations

import difflib
import tomllib
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wcmatch import glob

from graph.errors import IngestError

FILE = "speakergraph.toml"
GLOB_FLAGS = glob.GLOBSTAR | glob.BRACE | glob.DOTGLOB
ROLES = ("moderator", "panellist", "speaker", "keynote", "guest-of-honour", "remarks", "other")
PLACEHOLDERS = ("tbc", "tba", "tbd", "to be confirmed", "to be announced", "to be decided", "lorem ipsum",
                "example title", "speaker name", "name surname", "firstname lastname", "your name",
                "cancelled", "canceled", "n.n", "nn", "t.b.c", "t.b.a", "t.b.d")
# "to be confirmed" in the languages of the sites we read: a placeholder alone, or after role words only
# ("Speaker to be confirmed", "Intervenant·e à confirmer", "Referent:in wird noch bekannt gegeben")
PLACEHOLDER_PHRASES = ("to be confirmed", "to be announced", "to be decided", "to be determined", "to follow",
                       "à confirmer", "à préciser", "à définir", "à déterminer", "à venir", "à annoncer",
                       "wird noch bekannt gegeben", "wird bekannt gegeben", "noch offen", "noch nicht bekannt", "folgt",
                       "por confirmar", "por definir", "por anunciar", "da confermare", "da definire", "da annunciare",
                       "nog te bepalen", "nog te bevestigen", "volgt", "n. n")
_SOON = {"soon", "shortly", "later", "prochainement", "bientôt", "bald", "demnächst", "in", "due", "course", "-",
         "–"}
_SITE_KEYS = {"series", "name", "base_url", "reader", "year", "timezone", "include", "exclude", "placeholders",
              "roles", "honorifics"}


@dataclass(frozen=True)
class Settings:
    """Normalisation settings every part gets: default year and zone, placeholders, extra role words."""

    year: int | None = None
    timezone: str | None = None
    placeholders: tuple[str, ...] = ()
    roles: dict[str, str] = field(default_factory=dict)  # printed label (lower case) -> model role
    honorifics: tuple[str, ...] = ()
    base_url: str | None = None

    @property
    def tz(self) -> tzinfo | None:
        """The default time zone as a ``tzinfo`` (``None`` when the profile names none)."""
        return zone(self.timezone) if self.timezone else None

    def is_placeholder(self, text: str | None, whole: bool = False) -> bool:
        """True for a name or title that stands for nobody ("TBC", "Lorem ipsum…"); ``whole``: only a value that is
        a placeholder and nothing else (a job title or organisation "TBC", not "TBC Bank").

        >>> Settings().is_placeholder("TBC"), Settings().is_placeholder("Speaker TBA"), Settings().is_placeholder("Ann")
        (True, True, False)
        >>> Settings(placeholders=("N.N.",)).is_placeholder("N.N.")  # written as printed, dots and all
        True

        "To be confirmed" in the languages read, alone or after role words only, and "N.N.", stand for nobody;
        a name before it is a person's:

        >>> [Settings().is_placeholder(t) for t in ("Speaker to be confirmed", "Intervenant·e à confirmer", "NN",
        ...     "Referent:in N.N.", "wird noch bekannt gegeben", "Keynote speaker to be announced soon")]
        [True, True, True, True, True, True]
        >>> Settings().is_placeholder("Ann Lee to be confirmed"), Settings().is_placeholder("Folgt dem Geld")
        (False, False)
        >>> Settings().is_placeholder("TBC Bank", whole=True), Settings().is_placeholder("to be confirmed", whole=True)
        (False, True)
        """
        return _placeholder(text or "", whole, tuple(self.placeholders))


@lru_cache(maxsize=1 << 16)  # names and titles repeat across a site's pages: 6% of parsing before
def _placeholder(text: str, whole: bool, placeholders: tuple[str, ...]) -> bool:
    """``Settings.is_placeholder`` for a profile's ``placeholders``."""
    words = " ".join(text.lower().replace("(", " ").replace(")", " ").split()).strip(" .:-*")
    if not words:
        return True
    own = tuple(" ".join(p.lower().split()).strip(" .:-*") for p in placeholders)
    found = PLACEHOLDERS + own
    if words in found or words.startswith("lorem ipsum") or words in PLACEHOLDER_PHRASES:
        return True
    if whole:
        return False
    tokens = [t.strip(".,:;*") for t in words.split()]
    if len(tokens) <= 3 and any(t in found for t in tokens):
        return True
    for phrase in PLACEHOLDER_PHRASES + tuple(p for p in own if " " in p):  # "Speaker to be confirmed"
        head, hit, tail = f" {words} ".partition(f" {phrase} ")
        rest = [w for w in f"{head} {tail}".strip(" :,-–—").split() if w not in _SOON]
        if hit and (not rest or len(rest) <= 3 and _role_words(" ".join(rest))):
            return True
    return False


def _role_words(text: str) -> bool:
    """True when ``text`` is role words only ("Speaker", "Intervenant·e", "Guest of honour")."""
    from ingest.roles import role_of, role_words_only  # the role table: read when a placeholder is judged

    return role_words_only(text) or all(role_of(w) for w in text.split())


@dataclass(frozen=True)
class Part:
    """One part of a profile: the files it reads, the reader that reads them, and the reader's options."""

    files: tuple[str, ...]
    reader: str
    options: dict = field(default_factory=dict)

    def matches(self, rel: str) -> bool:
        """True when the file ``rel`` (relative to the site folder) is one of this part's."""
        return glob.globmatch(rel, list(self.files), flags=GLOB_FLAGS)


@dataclass
class Profile:
    """A site's profile as loaded: names, settings, file selection and parts."""

    path: str | None = None
    series: str | None = None
    name: str | None = None
    reader: str | None = None  # the single-reader form
    parts: list[Part] = field(default_factory=list)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    settings: Settings = field(default_factory=Settings)
    raw: dict = field(default_factory=dict)  # the [site] table as written

    def selects(self, rel: str) -> bool:
        """True when the profile's include/exclude globs let ``rel`` be read."""
        if self.exclude and glob.globmatch(rel, list(self.exclude), flags=GLOB_FLAGS):
            return False
        return not self.include or glob.globmatch(rel, list(self.include), flags=GLOB_FLAGS)

    def parts_for(self, rel: str) -> list[Part]:
        """Every part whose files match ``rel``: a file named by two parts is read by both."""
        return [p for p in self.parts if p.matches(rel)]


def load(root: Path, path: Path | None = None) -> Profile:
    """The profile at ``path``, else the one at the root of a site folder, else an empty one."""
    folder = root if root.is_dir() else root.parent
    if path is not None and not path.is_file():
        raise IngestError(str(path), "profile not found — give the path of a speakergraph.toml")
    path = path or folder / FILE
    if not path.is_file():
        return Profile()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), f"profile is not valid TOML ({exc}) — fix it or delete it") from None
    return parse(data, str(path))


def parse(data: dict, where: str) -> Profile:
    """A profile from its TOML content; ``IngestError`` names the bad key."""
    site = data.get("site", {} if "parts" in data else data)
    if not isinstance(site, dict):
        _fail(where, "[site] must be a table — write it as a '[site]' section")
    unknown = [k for k, v in site.items() if k not in _SITE_KEYS and not isinstance(v, dict)]
    if unknown:
        close = difflib.get_close_matches(unknown[0], _SITE_KEYS, n=1)
        _fail(where, f"[site]: unknown key {unknown[0]!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    profile = Profile(path=where, series=_str(site, "series", where), name=_str(site, "name", where),
                      reader=_str(site, "reader", where), include=_globs(site, "include", where),
                      exclude=_globs(site, "exclude", where), settings=_settings(site, where), raw=site)
    profile.parts = [_part(p, i, where) for i, p in enumerate(_list_of_tables(data.get("parts", []), where))]
    return profile


def _settings(site: dict, where: str) -> Settings:
    year = site.get("year")
    if year is not None and (not isinstance(year, int) or not 1900 <= year <= 2200):
        _fail(where, f"[site]: year must be a year such as 2024, not {year!r}")
    tz = _str(site, "timezone", where)
    if tz:
        try:
            zone(tz)
        except ValueError as exc:
            _fail(where, f"[site]: timezone {tz!r}: {exc}")
    roles = site.get("roles", {})
    if not isinstance(roles, dict) or any(v not in ROLES for v in roles.values()):
        _fail(where, f"[site]: roles must map printed labels to one of {', '.join(ROLES)}, "
                     "e.g. roles = { \"Trigger speaker\" = \"panellist\" }")
    return Settings(year=year, timezone=tz, placeholders=_globs(site, "placeholders", where),
                    roles={str(k).lower().strip(): v for k, v in roles.items()},
                    honorifics=_globs(site, "honorifics", where), base_url=_str(site, "base_url", where))


def _part(table: dict, index: int, where: str) -> Part:
    files, reader = table.get("files"), table.get("reader")
    if not files or not isinstance(reader, str):
        _fail(where, f"[[parts]] number {index + 1}: needs files = \"glob\" and reader = \"name\"")
    options = {k: v for k, v in table.items() if k not in ("files", "reader")}
    return Part(files=_globs(table, "files", where), reader=reader, options=options)


def zone(name: str) -> tzinfo:
    """A time zone from an IANA name (``Asia/Singapore``) or an offset (``+08:00``, ``UTC-4``).

    >>> zone("+08:00"), zone("UTC-4"), zone("Europe/Luxembourg").key
    (datetime.timezone(datetime.timedelta(seconds=28800)), datetime.timezone(datetime.timedelta(days=-1, seconds=72000)), 'Europe/Luxembourg')
    """
    import re

    m = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d\d))?", name.strip(), re.I)
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        return timezone(-delta if m.group(1) == "-" else delta)
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("not a time zone — use an IANA name (\"Asia/Singapore\") or an offset (\"+08:00\")") from None


def _str(table: dict, key: str, where: str) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        _fail(where, f"{key} must be a string, not {value!r}")
    return value or None


def _globs(table: dict, key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, ())
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(v, str) and v for v in items):
        _fail(where, f"{key} must be a string or a list of strings, not {value!r}")
    return tuple(items)


def _list_of_tables(value, where: str) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        _fail(where, "parts must be written as [[parts]] tables")
    return value


def _fail(where: str, message: str):
    raise IngestError(where, f"{message} — see docs/sites.md")
