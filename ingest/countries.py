"""Printed country strings → ISO 3166-1 alpha-2 (or an international body), from ``data/countries.csv``.

>>> c = default_countries()
>>> c.lookup("United States of America").code, c.lookup("Germany").wikidata
('US', 'Q183')
>>> c.lookup("European Union").kind
'international'
>>> c.lookup("Ministry of Health") is None, c.lookup("Österreich").code, c.lookup("Allemagne").code
(True, 'AT', 'DE')
>>> c.lookup("Kenyan").code, c.lookup("Dutch").code, c.lookup("Dominican")  # a demonym naming two is none
('KE', 'NL', None)
>>> c.lookup("Kazakstan").code  # a misspelling
'KZ'
>>> capital_of("Paris"), capital_of("Lisboa"), capital_of("Bengaluru"), capital_of("Victoria")  # Victoria: several
('FR', 'PT', None, None)
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from graph.ids import fold

DATA = Path(__file__).resolve().parent.parent / "data" / "countries.csv"
CAPITALS = DATA.with_name("capitals.csv")
_PUNCT = re.compile(r"[^a-z0-9 ]+")


@dataclass(frozen=True)
class Country:
    """A country, or an international body printed where a country is expected."""

    code: str
    name: str
    kind: str  # "country" or "international"
    wikidata: str | None


def _key(text: str) -> str:
    text = _PUNCT.sub(" ", fold(text)).split()
    if text and text[0] == "the":
        text = text[1:]
    return " ".join(text)


class Countries:
    """A lookup table of countries and their printed variants."""

    def __init__(self, rows: list[Country], aliases: dict[str, str], bodies: dict[str, str] | None = None):
        self.by_code = {c.code: c for c in rows}
        self.by_key = {k: self.by_code[code] for k, code in aliases.items()}
        self.by_body = {k: self.by_code[code] for k, code in (bodies or {}).items()}
        # by first letter (a misspelling keeps it): 12 µs a lookup over the 3,400 names in 12 languages, where
        # one list of them all cost 140
        self._fuzzy_keys: dict[str, list[str]] = {}
        for k in self.by_key:
            if len(k) >= 6:
                self._fuzzy_keys.setdefault(k[0], []).append(k)

    @classmethod
    def load(cls, path: Path = DATA) -> "Countries":
        """Read the table from a CSV of ``code,name,kind,wikidata,aliases,bodies``."""
        rows, aliases, bodies = [], {}, {}
        with open(path, newline="", encoding="utf-8") as fh:
            for rec in csv.DictReader(fh):
                country = Country(rec["code"], rec["name"], rec["kind"], rec["wikidata"] or None)
                rows.append(country)
                for text in [rec["name"], *rec["aliases"].split("|")]:
                    if text.strip():
                        aliases.setdefault(_key(text), country.code)
                for text in (rec.get("bodies") or "").split("|"):
                    if text.strip():
                        bodies.setdefault(_key(text), country.code)
        return cls(rows, aliases, bodies)

    def lookup(self, text: str | None, fuzzy: bool = True) -> Country | None:
        """The country printed as ``text``, or ``None`` when it is not one."""
        if not text:
            return None
        key = _key(text)
        if key in self.by_key:
            return self.by_key[key]
        if fuzzy and len(key) >= 6:
            hit = process.extractOne(key, self._fuzzy_keys.get(key[0], []), scorer=fuzz.ratio, score_cutoff=92)
            # a name and more ("Guinean", "Dominican") is a word made from it, not a misspelling: the demonyms
            # that name one country are in the table, and those left out of it name several
            if hit and not key.startswith(hit[0]):
                return self.by_key[hit[0]]
        return None

    def body(self, org: str | None) -> Country | None:
        """The international body whose own institution or agency ``org`` names, in English or another language of
        the table, whole, before a bracket ("European Commission (DG CONNECT)") or in one, as its acronym ("Agencia
        de la UE para la Ciberseguridad (ENISA)"); ``None`` for any other organisation.

        >>> c = default_countries()
        >>> c.body("European Commission (DG CONNECT)").code, c.body("ENISA").code, c.body("World Bank")
        ('EU', 'EU', None)
        >>> c.body("Parlement européen").code, c.body("Agencia de la UE para la Ciberseguridad (ENISA)").code
        ('EU', 'EU')
        """
        if not org:
            return None
        head, _, rest = org.partition("(")
        for part in (org, head, rest.partition(")")[0]):
            if part.strip() and (found := self.by_body.get(_key(part))):
                return found
        return None

    def split_trailing(self, text: str) -> tuple[str, Country] | None:
        """Split "Organisation, Country" into its parts when the tail is a country.

        >>> org, c = default_countries().split_trailing("World Economic Forum, Switzerland")
        >>> org, c.code
        ('World Economic Forum', 'CH')
        """
        head, sep, tail = text.rpartition(",")
        if sep and head.strip():
            country = self.lookup(tail, fuzzy=False)
            if country:
                return head.strip(), country
        return None


@lru_cache(maxsize=1)
def default_countries() -> Countries:
    """The bundled table (loaded once)."""
    return Countries.load(DATA)


@lru_cache(maxsize=1)
def _capitals(path: Path = CAPITALS) -> dict[str, str]:
    """Each capital's printed forms (folded as country names are) → its country's code, from ``data/capitals.csv``
    (``data/make_capitals.py``)."""
    out: dict[str, str] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            for text in [rec["capital"], *rec["aliases"].split("|")]:
                if text.strip():
                    out.setdefault(_key(text), rec["code"])
    return out


def capital_of(text: str | None) -> str | None:
    """The code of the country whose capital ``text`` names ("Paris", "Wien", "Washington D.C."), or ``None`` for any
    other place or word; a capital that names other places too ("Victoria", "Santiago") is none."""
    return _capitals().get(_key(text)) if text and text.strip() else None
