"""Every IRI speakergraph mints, minted here, deterministically.

The same input always yields the same IRI, so re-ingesting the same files
yields the same graph.

>>> person("maria-adebahr")
'https://w3id.org/speakergraph/id/person/maria-adebahr'
>>> session("sicw", "2024-10-15", "solidarity-in-cyberspace")
'https://w3id.org/speakergraph/id/session/sicw/2024-10-15/solidarity-in-cyberspace'
>>> slugify("Dr Ágnes  Kasper – CCDCOE")
'dr-agnes-kasper-ccdcoe'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

BASE = "https://w3id.org/speakergraph/id/"

KINDS = ("person", "session", "edition", "series", "org", "country", "appearance", "position", "source", "role",
         "printing", "version")

_NON_WORD = re.compile(r"[^a-z0-9]+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = re.compile(r"[\u2018\u2019\u201b\u2032]")


# cached: ingest folds the same names, organisations and countries over and over
@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-case ASCII of ``text``: accents dropped, letters without an accent to drop transliterated
    (anyascii: "Ø" is "o", "Ł" is "l", "ß" is "ss"), dashes and quotes unified.

    >>> fold("Ágnes Yong Ying–I"), fold("Lars Øvergaard"), fold("Łucja Zielińska")
    ('agnes yong ying-i', 'lars overgaard', 'lucja zielinska')
    """
    if text.isascii():  # nothing to transliterate or unify
        return text.lower()
    text = _QUOTES.sub("'", _DASHES.sub("-", unicodedata.normalize("NFC", text)))
    return anyascii(text).lower()


@lru_cache(maxsize=16384)
def slugify(text: str) -> str:
    """A URL-safe slug of ``text`` (ASCII, lower case, hyphens)."""
    return _NON_WORD.sub("-", fold(text)).strip("-")


def digest(*parts: str, size: int = 16) -> str:
    """A short stable hex digest of ``parts``.

    >>> digest("a", "b")
    'f04cdced9736a69d'
    """
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:size]


def _iri(kind: str, *parts: str) -> str:
    return BASE + kind + "/" + "/".join(parts)


def person(key: str) -> str:
    """The IRI of a person, from their identity key (a name slug)."""
    return _iri("person", key)


def series(key: str) -> str:
    """The IRI of an event series ("sicw")."""
    return _iri("series", key)


def edition(series_key: str, year: int | str) -> str:
    """The IRI of one year's edition of a series."""
    return _iri("edition", series_key, str(year))


def session(series_key: str, date: str, key: str) -> str:
    """The IRI of a session: series, ISO date, page slug."""
    return _iri("session", series_key, date, key)


def organisation(key: str) -> str:
    """The IRI of an organisation, from its identity key."""
    return _iri("org", key)


def country(code: str) -> str:
    """The IRI of a country or international body, from its code ("DE", "EU")."""
    return _iri("country", code.upper())


def role(name: str) -> str:
    """The IRI of a role concept ("moderator")."""
    return _iri("role", name)


def appearance(session_iri: str, person_iri: str, role_name: str) -> str:
    """The IRI of one person's appearance at a session in one role."""
    return _iri("appearance", digest(session_iri, person_iri, role_name))


def printing(person_iri: str, role: str, honorific: str | None, country: str | None,
             positions: list[tuple[str | None, str | None]]) -> str:
    """The IRI of one way a person was printed (role, honorific, country, positions), shared by the appearances printed alike.

    >>> printing("p", "chair", None, "de", [("Dr", "X")]) == printing("p", "chair", "", "DE", [("Dr", "X"), ("Dr", "X")])
    True
    """
    held = sorted({f"{title or ''}\x1e{org or ''}" for title, org in positions})
    return _iri("printing", digest(person_iri, role, honorific or "", (country or "").upper(), *held))


def version(person_iri: str, held: str) -> str:
    """The IRI of one version of a changed person's positions (``graph/tallies.py``): the MD5 of the person's IRI, a
    line break and the position as held, which SPARQL's ``MD5`` computes alike.

    >>> version("https://w3id.org/speakergraph/id/person/ann-lee", "Director, Harbour Institute")
    'https://w3id.org/speakergraph/id/version/e36025046b5467f0253b3728853f8580'
    """
    return _iri("version", hashlib.md5(f"{person_iri}\n{held}".encode()).hexdigest())


def position(owner_iri: str, order: int) -> str:
    """The IRI of the ``order``-th position printed for an appearance or page."""
    return _iri("position", digest(owner_iri, str(order)))


def source(series_key: str, relpath: str, folder: str = "") -> str:
    """The IRI of an ingested file, which is also the name of its graph.

    ``folder`` is the name of the folder it was ingested from, so that two folders of one series
    (``pyconfr-2024/schedule.json``, ``pyconfr-2025/schedule.json``) never share a graph.

    >>> source("pyconfr", "schedule.json", "pyconfr-2024") != source("pyconfr", "schedule.json", "pyconfr-2025")
    True
    """
    return _iri("source", series_key, digest(folder, relpath) if folder else digest(relpath))


def split(iri: str) -> tuple[str, str] | None:
    """The kind and local part of one of our IRIs, or ``None``.

    >>> split("https://w3id.org/speakergraph/id/person/maria-adebahr")
    ('person', 'maria-adebahr')
    """
    if not iri.startswith(BASE):
        return None
    kind, _, rest = iri[len(BASE):].partition("/")
    return (kind, rest) if kind in KINDS and rest else None
