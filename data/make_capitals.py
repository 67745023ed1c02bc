"""Regenerate ``data/capitals.csv`` from countryinfo's capitals and CLDR's city names.

Run from the repository root, with the generation-only dependencies installed::

    pip install -e '.[data]' && python data/make_capitals.py

Columns: ``code,capital,aliases``.

* ``code``     ISO 3166-1 alpha-2 of a UN member state (as in ``data/countries.csv``).
* ``capital``  its capital as countryinfo prints it ("Paris", "Washington D.C.").
* ``aliases``  ``|``-separated other spellings: the capital's name in the languages of ``LANGUAGES`` where CLDR
               names it as a time zone's city ("Londres", "Wien", "Lisboa"), and the name without "City of" or
               "D.C.".

Read by ``ingest.countries.capital_of``: a capital printed after an organisation's name ("Centre for Digital
Sovereignty, Paris") is a place, not a part of the name, and gives the organisation's country.

Left out, as a place that names other things too: a name of another country ("Luxembourg" is a Belgian province
too), a province or state of another country ("Victoria", "Santiago", "San José"), or the capital of two codes.

Sources: the ``capital`` of each country in countryinfo (PyPI ``countryinfo`` 1.0.1, MIT; its data come from the
REST Countries project); the UN members from the ``UNmember`` column of country_converter's ``country_data.tsv``
(PyPI ``country_converter``, GPL-3.0; facts only) — both generation-only dependencies (the ``data`` extra); the
provinces and states of ISO 3166-2, read through pycountry, and the time zones' exemplar cities of CLDR with the
territory of each zone, read through babel (dependencies of the package already).

Output is sorted by code and written with the ``csv`` module, so it is deterministic for given countryinfo,
country_converter, pycountry and babel versions.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from the checkout

from data.make_countries import LANGUAGES  # noqa: E402 (the same languages)

OUT = Path(__file__).resolve().parent / "capitals.csv"
FIELDS = ["code", "capital", "aliases"]


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").split())


def un_members() -> set[str]:
    """The alpha-2 codes of the UN's member states, from country_converter's table (read as a file, as
    ``data/make_countries.py`` does); a code cell may be a pattern of two ("^GB$|^UK$"), so every code in it counts."""
    from importlib.resources import files

    with (files("country_converter") / "country_data.tsv").open(encoding="utf-8", newline="") as fh:
        return {code for r in csv.DictReader(fh, delimiter="\t") if r["UNmember"].strip()
                for code in re.findall(r"[A-Z]{2}", r["ISO2"])}


def capitals() -> dict[str, str]:
    """Each UN member's capital as countryinfo prints it (the first of its entries that names one)."""
    from countryinfo import all_countries

    members = un_members()
    out: dict[str, str] = {}
    for country in all_countries():
        code, capital = country.iso(2), country.capital()
        if code in members and isinstance(capital, str) and capital.strip():
            out.setdefault(code, capital.strip())
    return out


def provinces() -> dict[str, set[str]]:
    """The folded names of the provinces and states of each country (ISO 3166-2, pycountry) → their countries."""
    import pycountry

    out: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        out.setdefault(_fold(sub.name), set()).add(sub.country_code)
    return out


def city_names(capital: str, code: str) -> list[str]:
    """The capital's names in ``LANGUAGES`` where CLDR names it as the city of one of its country's time zones."""
    from babel import Locale
    from babel.core import get_global

    english = Locale.parse("en").time_zones
    zones = [zone for zone, territory in get_global("zone_territories").items() if territory == code
             and _fold(english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")) == _fold(capital)]
    return [name for zone in zones for language in LANGUAGES
            if (name := Locale.parse(language).time_zones.get(zone, {}).get("city"))]


def plain_forms(capital: str) -> list[str]:
    """The capital as pages print it besides the table's form: "City of San Marino" → "San Marino", "Washington
    D.C." → "Washington"."""
    forms = []
    if capital.startswith("City of "):
        forms.append(capital[len("City of "):])
    if capital.endswith((" D.C.", " DC")):
        forms.append(capital.rsplit(" ", 1)[0])
    return forms


def build() -> list[dict[str, str]]:
    """The table: each capital and its aliases, ambiguous names left out (see the module docstring)."""
    from ingest.countries import default_countries

    countries, states = default_countries(), provinces()
    names = {code: [capital, *plain_forms(capital), *city_names(capital, code)] for code, capital in capitals().items()}
    owners: dict[str, set[str]] = {}
    for code, spelled in names.items():
        for name in spelled:
            owners.setdefault(_fold(name), set()).add(code)

    def kept(name: str, code: str) -> bool:
        key = _fold(name)
        country = countries.lookup(name, fuzzy=False)  # "Brasilia" is Brazil in Finnish: the same code
        return owners[key] == {code} and (country is None or country.code == code) \
            and not states.get(key, set()) - {code}

    rows = []
    for code in sorted(names):
        capital, *others = names[code]
        if not kept(capital, code):
            continue
        aliases = []
        for name in others:
            if "(" not in name and kept(name, code) and _fold(name) != _fold(capital) and name not in aliases:
                aliases.append(name)
        rows.append({"code": code, "capital": capital, "aliases": "|".join(aliases)})
    return rows


def main(path: Path = OUT) -> int:
    rows = build()
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
