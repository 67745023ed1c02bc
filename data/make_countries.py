"""Regenerate ``data/countries.csv`` from pycountry, countryinfo's demonyms and the tables below.

Run from the repository root, with the generation-only dependencies installed::

    pip install -e '.[data]' && python data/make_countries.py

Columns: ``code,name,kind,wikidata,aliases,bodies``.

* ``code``     ISO 3166-1 alpha-2 for every country pycountry knows; readable upper-case
               codes (``EU``, ``UN``, ``AFRICAN-UNION`` ...) for international bodies.
* ``name``     the common English short name an analyst expects ("South Korea", not
               pycountry's "Korea, Republic of").
* ``kind``     ``country`` or ``international``.
* ``wikidata`` the Wikidata Q-id, or empty when it could not be confirmed.
* ``aliases``  ``|``-separated extra spellings used for lookups, with the names in the languages of
               ``LANGUAGES`` from pycountry's translations and the country's demonym ("Kenyan", "Dutch");
               no alias belongs to two codes.
* ``bodies``   ``|``-separated names of an international body's own institutions and agencies ("European
               Commission", "ENISA"): printed as a person's organisation, they give the body's code as the
               country. Empty for the others.

Output is sorted by code and written with the ``csv`` module, so it is deterministic for given
pycountry, countryinfo and country_converter versions.

Sources of the Wikidata ids (facts only, cross-checked against each other):

* Countries: the ``wikidata_uri`` column of owid/owid-grapher
  ``packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts``
  (commit c7402d12e25bd1d45f5bd7d66cfc083342a1ed96), cross-checked code by code against
  sousakak/WikivoyageModules ``vCard/CountryData/Geography.lua``, waldenn/conzept
  ``app/explore2/src/data/countries.js`` and the Wikidata-to-ISO table in ``wkd2org.xsl``
  (by hmanguinhas, 2018; repository not recorded by the search index).
  Where they differ we keep the item that carries the ISO code for the sovereign state:
  NL -> Q55 (Netherlands; OWID lists Q29999, the Kingdom of the Netherlands),
  PS -> Q219060 (State of Palestine; the Wikivoyage table uses Q407199, Palestinian territories),
  AQ -> Q21590062 (Antarctic Treaty area, the item OWID and wkd2org.xsl attach AQ to).
* International bodies: confirmordeny/supraverden ``data/general_list.yaml`` and
  ``data/united_nations.yaml``; EU from datenoio/internacia-db
  ``data/intblocks/economic/EU.yaml``.

Source of the demonyms: the ``demonym`` of each country in countryinfo (PyPI ``countryinfo`` 1.0.1, MIT; its
data come from the REST Countries project), read through ``countryinfo.all_countries()``. Where several codes
share one, the UN members among them come from the ``UNmember`` column of country_converter's
``country_data.tsv`` (PyPI ``country_converter`` 1.3.2, GPL-3.0; facts only). Both are generation-only
dependencies (the ``data`` extra).

Source of the EU's bodies: the EU's own list of its institutions, bodies and agencies
(european-union.europa.eu, "Institutions, bodies and agencies of the EU"), the English names and the acronyms
that name nothing else; the names of its main institutions and bodies in the languages of ``LANGUAGES`` are the
ones the EU itself prints in each official language (the language versions of that list and of the acts that set
the bodies up), Norwegian, not an EU language, as Norway's government prints them (``EU_NAMES``).

Source of an international body's own name in other languages ("Union européenne", "Vereinte Nationen"): the
territory names of CLDR, read through babel (a dependency of the package already).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent / "countries.csv"
FIELDS = ["code", "name", "kind", "wikidata", "aliases", "bodies"]

# ISO 3166-1 alpha-2 -> Wikidata Q-id (see the module docstring for the source).
QIDS: dict[str, str] = {
    "AD": "Q228", "AE": "Q878", "AF": "Q889", "AG": "Q781", "AI": "Q25228", "AL": "Q222",
    "AM": "Q399", "AO": "Q916", "AQ": "Q21590062", "AR": "Q414", "AS": "Q16641", "AT": "Q40",
    "AU": "Q408", "AW": "Q21203", "AX": "Q5689", "AZ": "Q227",
    "BA": "Q225", "BB": "Q244", "BD": "Q902", "BE": "Q31", "BF": "Q965", "BG": "Q219",
    "BH": "Q398", "BI": "Q967", "BJ": "Q962", "BL": "Q25362", "BM": "Q23635", "BN": "Q921",
    "BO": "Q750", "BQ": "Q27561", "BR": "Q155", "BS": "Q778", "BT": "Q917", "BV": "Q23408",
    "BW": "Q963", "BY": "Q184", "BZ": "Q242",
    "CA": "Q16", "CC": "Q36004", "CD": "Q974", "CF": "Q929", "CG": "Q971", "CH": "Q39",
    "CI": "Q1008", "CK": "Q26988", "CL": "Q298", "CM": "Q1009", "CN": "Q148", "CO": "Q739",
    "CR": "Q800", "CU": "Q241", "CV": "Q1011", "CW": "Q25279", "CX": "Q31063", "CY": "Q229",
    "CZ": "Q213",
    "DE": "Q183", "DJ": "Q977", "DK": "Q35", "DM": "Q784", "DO": "Q786", "DZ": "Q262",
    "EC": "Q736", "EE": "Q191", "EG": "Q79", "EH": "Q6250", "ER": "Q986", "ES": "Q29",
    "ET": "Q115",
    "FI": "Q33", "FJ": "Q712", "FK": "Q9648", "FM": "Q702", "FO": "Q4628", "FR": "Q142",
    "GA": "Q1000", "GB": "Q145", "GD": "Q769", "GE": "Q230", "GF": "Q3769", "GG": "Q25230",
    "GH": "Q117", "GI": "Q1410", "GL": "Q223", "GM": "Q1005", "GN": "Q1006", "GP": "Q17012",
    "GQ": "Q983", "GR": "Q41", "GS": "Q35086", "GT": "Q774", "GU": "Q16635", "GW": "Q1007",
    "GY": "Q734",
    "HK": "Q8646", "HM": "Q131198", "HN": "Q783", "HR": "Q224", "HT": "Q790", "HU": "Q28",
    "ID": "Q252", "IE": "Q27", "IL": "Q801", "IM": "Q9676", "IN": "Q668", "IO": "Q43448",
    "IQ": "Q796", "IR": "Q794", "IS": "Q189", "IT": "Q38",
    "JE": "Q785", "JM": "Q766", "JO": "Q810", "JP": "Q17",
    "KE": "Q114", "KG": "Q813", "KH": "Q424", "KI": "Q710", "KM": "Q970", "KN": "Q763",
    "KP": "Q423", "KR": "Q884", "KW": "Q817", "KY": "Q5785", "KZ": "Q232",
    "LA": "Q819", "LB": "Q822", "LC": "Q760", "LI": "Q347", "LK": "Q854", "LR": "Q1014",
    "LS": "Q1013", "LT": "Q37", "LU": "Q32", "LV": "Q211", "LY": "Q1016",
    "MA": "Q1028", "MC": "Q235", "MD": "Q217", "ME": "Q236", "MF": "Q126125", "MG": "Q1019",
    "MH": "Q709", "MK": "Q221", "ML": "Q912", "MM": "Q836", "MN": "Q711", "MO": "Q14773",
    "MP": "Q16644", "MQ": "Q17054", "MR": "Q1025", "MS": "Q13353", "MT": "Q233", "MU": "Q1027",
    "MV": "Q826", "MW": "Q1020", "MX": "Q96", "MY": "Q833", "MZ": "Q1029",
    "NA": "Q1030", "NC": "Q33788", "NE": "Q1032", "NF": "Q31057", "NG": "Q1033", "NI": "Q811",
    "NL": "Q55", "NO": "Q20", "NP": "Q837", "NR": "Q697", "NU": "Q34020", "NZ": "Q664",
    "OM": "Q842",
    "PA": "Q804", "PE": "Q419", "PF": "Q30971", "PG": "Q691", "PH": "Q928", "PK": "Q843",
    "PL": "Q36", "PM": "Q34617", "PN": "Q35672", "PR": "Q1183", "PS": "Q219060", "PT": "Q45",
    "PW": "Q695", "PY": "Q733",
    "QA": "Q846",
    "RE": "Q17070", "RO": "Q218", "RS": "Q403", "RU": "Q159", "RW": "Q1037",
    "SA": "Q851", "SB": "Q685", "SC": "Q1042", "SD": "Q1049", "SE": "Q34", "SG": "Q334",
    "SH": "Q192184", "SI": "Q215", "SJ": "Q842829", "SK": "Q214", "SL": "Q1044", "SM": "Q238",
    "SN": "Q1041", "SO": "Q1045", "SR": "Q730", "SS": "Q958", "ST": "Q1039", "SV": "Q792",
    "SX": "Q26273", "SY": "Q858", "SZ": "Q1050",
    "TC": "Q18221", "TD": "Q657", "TF": "Q129003", "TG": "Q945", "TH": "Q869", "TJ": "Q863",
    "TK": "Q36823", "TL": "Q574", "TM": "Q874", "TN": "Q948", "TO": "Q678", "TR": "Q43",
    "TT": "Q754", "TV": "Q672", "TW": "Q865", "TZ": "Q924",
    "UA": "Q212", "UG": "Q1036", "UM": "Q16645", "US": "Q30", "UY": "Q77", "UZ": "Q265",
    "VA": "Q237", "VC": "Q757", "VE": "Q717", "VG": "Q25305", "VI": "Q11703", "VN": "Q881",
    "VU": "Q686",
    "WF": "Q35555", "WS": "Q683",
    "YE": "Q805", "YT": "Q17063",
    "ZA": "Q258", "ZM": "Q953", "ZW": "Q954",
}

# The common English short name, where pycountry's (common_name, else name) is not it.
NAMES: dict[str, str] = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "PS": "Palestine",
    "RU": "Russia",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}

# Extra spellings seen on speaker pages (pycountry's name/official_name are added automatically).
ALIASES: dict[str, list[str]] = {
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "BN": ["Brunei Darussalam"],
    "BO": ["Plurinational State of Bolivia"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Congo (Kinshasa)"],
    "CG": ["Congo-Brazzaville", "Congo (Brazzaville)"],
    "CI": ["Ivory Coast"],
    "CN": ["PRC", "Mainland China"],
    "CV": ["Cape Verde"],
    "CZ": ["Czech Republic", "Czechia"],
    "DE": ["Deutschland"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain",
           "United Kingdom of Great Britain and Northern Ireland",
           "England", "Scotland", "Wales", "Northern Ireland"],
    "HK": ["Hong Kong SAR", "Hong Kong, China", "Hong Kong SAR, China"],
    "IE": ["Republic of Ireland"],
    "IR": ["Islamic Republic of Iran"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["Republic of Korea", "Korea", "ROK", "Korea, Republic of"],
    "LA": ["Lao PDR", "Lao"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "MM": ["Burma"],
    "MO": ["Macau", "Macao SAR", "Macau SAR"],
    "NL": ["The Netherlands", "Holland"],
    "PS": ["State of Palestine", "Palestine, State of"],
    "RU": ["Russian Federation"],
    "SA": ["Kingdom of Saudi Arabia", "KSA", "Saudi"],
    "SH": ["Saint Helena", "St Helena", "St. Helena"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "TR": ["Türkiye", "Turkey"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "TZ": ["United Republic of Tanzania"],
    "US": ["United States of America", "USA", "U.S.", "U.S.A.", "US", "America"],
    "UY": ["Oriental Republic of Uruguay"],
    "VA": ["Holy See", "Vatican"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "VI": ["United States Virgin Islands", "US Virgin Islands"],
    "VN": ["Viet Nam"],
}

# Countries without an ISO 3166-1 code that event sites print as one: the user-assigned code the EU and IMF use.
USER_ASSIGNED: dict[str, tuple[str, str, list[str]]] = {
    "XK": ("Kosovo", "Q1246", ["Republic of Kosovo", "Kosova", "Republika e Kosovës"]),
}

# International bodies printed where a country is expected: code -> (name, Q-id, aliases).
INTERNATIONAL: dict[str, tuple[str, str, list[str]]] = {
    "EU": ("European Union", "Q458", ["EU", "E.U."]),
    "UN": ("United Nations", "Q1065", ["UN", "U.N.", "United Nations Organization"]),
    "NATO": ("NATO", "Q7184", ["North Atlantic Treaty Organization",
                               "North Atlantic Treaty Organisation", "OTAN"]),
    "ASEAN": ("ASEAN", "Q7768", ["Association of Southeast Asian Nations",
                                 "Association of South-East Asian Nations"]),
    "OSCE": ("OSCE", "Q81299", ["Organization for Security and Co-operation in Europe",
                                "Organisation for Security and Co-operation in Europe",
                                "Organization for Security and Cooperation in Europe"]),
    "OECD": ("OECD", "Q41550", ["Organisation for Economic Co-operation and Development",
                                "Organization for Economic Co-operation and Development",
                                "Organisation for Economic Cooperation and Development",
                                "Organization for Economic Cooperation and Development"]),
    "INTERPOL": ("INTERPOL", "Q8475", ["International Criminal Police Organization",
                                       "ICPO-INTERPOL"]),
    "AFRICAN-UNION": ("African Union", "Q7159", []),
    "WORLD-BANK": ("World Bank", "Q7164", ["World Bank Group", "WBG",
                                           "International Bank for Reconstruction and Development",
                                           "IBRD"]),
    "IMF": ("International Monetary Fund", "Q7804", ["IMF"]),
    "WHO": ("World Health Organization", "Q7817", ["WHO", "World Health Organisation"]),
    "WTO": ("World Trade Organization", "Q7825", ["WTO", "World Trade Organisation"]),
}


# An international body's own institutions and agencies (see the module docstring for the source): a person printed
# as working for one of them speaks for the body, as pages that print a country column put it ("European External
# Action Service" | "EU"). The body's own names are listed too, as an organisation ("Ambassador, European Union").
# Other bodies have none: a World Bank economist is at an organisation, not from a country.
BODIES: dict[str, list[str]] = {
    "EU": ["European Union", "EU",
           # institutions
           "European Parliament", "European Council", "Council of the European Union", "Council of the EU",
           "European Commission", "EU Commission", "Court of Justice of the European Union", "CJEU",
           "European Central Bank", "European Court of Auditors",
           # bodies
           "European External Action Service", "EEAS", "European Economic and Social Committee",
           "European Committee of the Regions", "European Investment Bank", "European Investment Fund",
           "European Ombudsman", "European Data Protection Supervisor", "EDPS", "European Data Protection Board",
           "EDPB", "CERT-EU", "European Anti-Fraud Office", "European Public Prosecutor's Office",
           # agencies
           "European Union Agency for Cybersecurity", "EU Agency for Cybersecurity", "ENISA",
           "European Cybersecurity Competence Centre", "Europol",
           "European Union Agency for Law Enforcement Cooperation", "Eurojust",
           "European Union Agency for Criminal Justice Cooperation", "Frontex",
           "European Border and Coast Guard Agency", "European Defence Agency", "European Defense Agency",
           "European Union Institute for Security Studies", "EUISS", "European Union Satellite Centre", "SatCen",
           "eu-LISA", "CEPOL", "European Union Agency for Law Enforcement Training",
           "European Union Intellectual Property Office", "EUIPO", "European Medicines Agency",
           "European Food Safety Authority", "European Centre for Disease Prevention and Control", "ECDC",
           "European Environment Agency", "European Union Aviation Safety Agency", "European Maritime Safety Agency",
           "European Union Agency for Railways", "European Banking Authority",
           "European Securities and Markets Authority", "ESMA",
           "European Insurance and Occupational Pensions Authority", "EIOPA",
           "European Union Agency for Fundamental Rights", "European Chemicals Agency", "European Labour Authority",
           "European Union Agency for Asylum", "European Institute of Innovation and Technology",
           "European Union Agency for the Space Programme", "EUSPA",
           "Agency for the Cooperation of Energy Regulators", "European Health and Digital Executive Agency",
           "HaDEA", "European Research Council Executive Agency", "European Research Executive Agency"],
}


# The EU's main institutions and bodies in the languages of LANGUAGES, in its order (de, fr, es, it, nl, pt, sv, da,
# nb, fi, pl; "" where no name is printed): a page in French prints "Commission européenne" where an English one
# prints "European Commission", and both speak for the EU. See the module docstring for the source.
EU_NAMES: dict[str, tuple[str, ...]] = {
    "European Commission": (
        "Europäische Kommission", "Commission européenne", "Comisión Europea", "Commissione europea",
        "Europese Commissie", "Comissão Europeia", "Europeiska kommissionen", "Europa-Kommissionen",
        "Europakommisjonen", "Euroopan komissio", "Komisja Europejska"),
    "European Parliament": (
        "Europäisches Parlament", "Parlement européen", "Parlamento Europeo", "Parlamento europeo",
        "Europees Parlement", "Parlamento Europeu", "Europaparlamentet", "Europa-Parlamentet", "Europaparlamentet",
        "Euroopan parlamentti", "Parlament Europejski"),
    "European Council": (
        "Europäischer Rat", "Conseil européen", "Consejo Europeo", "Consiglio europeo", "Europese Raad",
        "Conselho Europeu", "Europeiska rådet", "Det Europæiske Råd", "Det europeiske råd", "Eurooppa-neuvosto",
        "Rada Europejska"),
    "Council of the European Union": (
        "Rat der Europäischen Union", "Conseil de l'Union européenne", "Consejo de la Unión Europea",
        "Consiglio dell'Unione europea", "Raad van de Europese Unie", "Conselho da União Europeia",
        "Europeiska unionens råd", "Rådet for Den Europæiske Union", "Rådet for Den europeiske union",
        "Euroopan unionin neuvosto", "Rada Unii Europejskiej"),
    "European External Action Service": (
        "Europäischer Auswärtiger Dienst", "Service européen pour l'action extérieure",
        "Servicio Europeo de Acción Exterior", "Servizio europeo per l'azione esterna",
        "Europese Dienst voor extern optreden", "Serviço Europeu para a Ação Externa", "Europeiska utrikestjänsten",
        "Tjenesten for EU's Optræden Udadtil", "", "Euroopan ulkosuhdehallinto",
        "Europejska Służba Działań Zewnętrznych"),
    "European Union Agency for Cybersecurity": (
        "Agentur der Europäischen Union für Cybersicherheit", "Agence de l'Union européenne pour la cybersécurité",
        "Agencia de la Unión Europea para la Ciberseguridad", "Agenzia dell'Unione europea per la cibersicurezza",
        "Agentschap van de Europese Unie voor cyberbeveiliging", "Agência da União Europeia para a Cibersegurança",
        "Europeiska unionens cybersäkerhetsbyrå", "Den Europæiske Unions Agentur for Cybersikkerhed", "",
        "Euroopan unionin kyberturvallisuusvirasto", "Agencja Unii Europejskiej ds. Cyberbezpieczeństwa"),
    "Court of Justice of the European Union": (
        "Gerichtshof der Europäischen Union", "Cour de justice de l'Union européenne",
        "Tribunal de Justicia de la Unión Europea", "Corte di giustizia dell'Unione europea",
        "Hof van Justitie van de Europese Unie", "Tribunal de Justiça da União Europeia",
        "Europeiska unionens domstol", "Den Europæiske Unions Domstol", "EU-domstolen", "Euroopan unionin tuomioistuin",
        "Trybunał Sprawiedliwości Unii Europejskiej"),
    "European Central Bank": (
        "Europäische Zentralbank", "Banque centrale européenne", "Banco Central Europeo", "Banca centrale europea",
        "Europese Centrale Bank", "Banco Central Europeu", "Europeiska centralbanken", "Den Europæiske Centralbank",
        "Den europeiske sentralbanken", "Euroopan keskuspankki", "Europejski Bank Centralny"),
    "European Court of Auditors": (
        "Europäischer Rechnungshof", "Cour des comptes européenne", "Tribunal de Cuentas Europeo",
        "Corte dei conti europea", "Europese Rekenkamer", "Tribunal de Contas Europeu", "Europeiska revisionsrätten",
        "Den Europæiske Revisionsret", "", "Euroopan tilintarkastustuomioistuin", "Europejski Trybunał Obrachunkowy"),
    "European Investment Bank": (
        "Europäische Investitionsbank", "Banque européenne d'investissement", "Banco Europeo de Inversiones",
        "Banca europea per gli investimenti", "Europese Investeringsbank", "Banco Europeu de Investimento",
        "Europeiska investeringsbanken", "Den Europæiske Investeringsbank", "Den europeiske investeringsbanken",
        "Euroopan investointipankki", "Europejski Bank Inwestycyjny"),
    "European Defence Agency": (
        "Europäische Verteidigungsagentur", "Agence européenne de défense", "Agencia Europea de Defensa",
        "Agenzia europea per la difesa", "Europees Defensieagentschap", "Agência Europeia de Defesa",
        "Europeiska försvarsbyrån", "Det Europæiske Forsvarsagentur", "", "Euroopan puolustusvirasto",
        "Europejska Agencja Obrony"),
    "European Data Protection Supervisor": (
        "Europäischer Datenschutzbeauftragter", "Contrôleur européen de la protection des données",
        "Supervisor Europeo de Protección de Datos", "Garante europeo della protezione dei dati",
        "Europese Toezichthouder voor gegevensbescherming", "Autoridade Europeia para a Proteção de Dados",
        "Europeiska datatillsynsmannen", "Den Europæiske Tilsynsførende for Databeskyttelse", "",
        "Euroopan tietosuojavaltuutettu", "Europejski Inspektor Ochrony Danych"),
}
# the acronyms of those names that name nothing else (the EEAS's in French, Spanish, Italian and Portuguese, Dutch
# and Polish), and the short forms German and Norwegian pages print
EU_SHORT = ["SEAE", "EDEO", "ESDZ", "EU-Kommission", "EU-Parlament", "EU-kommisjonen", "EU-parlamentet"]


def _eu_names() -> list[str]:
    """The names of ``EU_NAMES`` in every language, in order."""
    for english, names in EU_NAMES.items():
        if len(names) != len(LANGUAGES):
            raise SystemExit(f"EU_NAMES[{english!r}] has {len(names)} names for {len(LANGUAGES)} languages")
    return [name for names in EU_NAMES.values() for name in names if name] + EU_SHORT


def _own_names(code: str) -> list[str]:
    """An international body's own name in each of ``LANGUAGES``, from CLDR's territory names (babel): "Union
    européenne" for ``EU``; none for a body CLDR does not name."""
    from babel import Locale

    return [name for language in LANGUAGES if (name := Locale.parse(language).territories.get(code))]


def _unique(name: str, texts: list[str]) -> list[str]:
    """``texts`` without blanks, repeats or the row's own name (case-insensitive), in order."""
    seen, out = {name.casefold()}, []
    for text in texts:
        text = text.strip()
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out


def rows() -> list[dict[str, str]]:
    """All rows, sorted by code."""
    out = []
    for c in pycountry.countries:
        code = c.alpha_2
        name = NAMES.get(code) or getattr(c, "common_name", None) or c.name
        official = [getattr(c, "official_name", ""), c.name, getattr(c, "common_name", "")]
        aliases = _unique(name, ALIASES.get(code, []) + official)
        out.append({"code": code, "name": name, "kind": "country",
                    "wikidata": QIDS.get(code, ""), "aliases": "|".join(aliases), "bodies": ""})
    for code, (name, qid, extra) in USER_ASSIGNED.items():
        out.append({"code": code, "name": name, "kind": "country", "wikidata": qid,
                    "aliases": "|".join(_unique(name, extra)), "bodies": ""})
    for code, (name, qid, extra) in INTERNATIONAL.items():
        own = _own_names(code)
        bodies = [*BODIES[code], *own, *_eu_names()] if code == "EU" else BODIES.get(code, [])
        out.append({"code": code, "name": name, "kind": "international", "wikidata": qid,
                    "aliases": "|".join(_unique(name, extra + own)), "bodies": "|".join(_unique("", bodies))})
    _translated(out)
    _with_demonyms(out, demonyms())
    out.sort(key=lambda r: r["code"])
    return out


def demonyms() -> dict[str, str]:
    """Each demonym countryinfo prints ("Kenyan", "Dutch", "Emirati") → the one code it names.

    Left out as ambiguous: a demonym of several states ("Congolese", "Dominican"), and one that ends another's
    ("Guinean" of "Equatorial Guinean", "Sudanese" of "South Sudanese", "Samoan" of "American Samoan"). A
    territory that prints its state's ("French" for Réunion, "Indian" for the British Indian Ocean Territory)
    leaves it to the state: of the codes sharing a demonym, the one UN member keeps it.
    """
    from countryinfo import all_countries

    codes: dict[str, set[str]] = {}
    spelled: dict[str, str] = {}
    for country in all_countries():
        for text in re.split(r"[,/]", country.demonym() or ""):  # "Antiguan,Barbudan"
            text = " ".join(text.split())
            if text and country.iso(2):
                codes.setdefault(text.casefold(), set()).add(country.iso(2))
                spelled.setdefault(text.casefold(), text)
    members = _un_members()
    out = {}
    for key, owners in sorted(codes.items()):
        if len(owners) > 1:
            owners = owners & members
        if len(owners) == 1 and not any(other.endswith(" " + key) for other in codes):
            out[spelled[key]] = next(iter(owners))
    return out


def _un_members() -> set[str]:
    """The alpha-2 codes of the UN's member states, from country_converter's table (read as a file: its
    ``CountryConverter`` reads Namibia's "NA" as a missing value under pandas 3)."""
    from importlib.resources import files

    with (files("country_converter") / "country_data.tsv").open(encoding="utf-8", newline="") as fh:
        return {r["ISO2"] for r in csv.DictReader(fh, delimiter="\t") if r["UNmember"].strip()}


def _with_demonyms(table: list[dict[str, str]], found: dict[str, str]) -> None:
    """Add each demonym to its country's aliases, unless another row already spells it (so that no alias points
    at two codes) or the table has no row of its code."""
    owner = {" ".join(t.casefold().split()): r["code"] for r in table
             for t in [r["name"], *filter(None, r["aliases"].split("|"))]}
    by_code = {r["code"]: r for r in table}
    for text, code in found.items():
        row = by_code.get(code)
        if row is not None and owner.setdefault(text.casefold(), code) == code:
            row["aliases"] = "|".join(_unique(row["name"], [*row["aliases"].split("|"), text]))


# the languages of event sites we read: country names as they print them ("Österreich", "Allemagne")
LANGUAGES = ("de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "fi", "pl")


def _translated(table: list[dict[str, str]]) -> None:
    """Add pycountry's translations (iso-codes' gettext catalogues) of each country's names to its aliases,
    leaving out any that another row already spells (so that no alias points at two codes)."""
    import gettext

    owner = {" ".join(t.casefold().split()): r["code"] for r in table
             for t in [r["name"], *filter(None, r["aliases"].split("|"))]}
    by_code = {r["code"]: r for r in table}
    for language in LANGUAGES:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for c in pycountry.countries:
            for english in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")):
                text = catalogue.gettext(english) if english else ""
                for form in (text, _uninverted(text)):  # "Corée, République de" is printed "République de Corée"
                    key = " ".join(form.casefold().split())
                    if form and owner.setdefault(key, c.alpha_2) == c.alpha_2 and form != english:
                        row = by_code[c.alpha_2]
                        row["aliases"] = "|".join(_unique(row["name"], [*row["aliases"].split("|"), form]))


def _uninverted(name: str) -> str:
    """A catalogue's inverted name as a page prints it: "Corée, République de" → "République de Corée",
    "Korea, Republik" → "Republik Korea"; "" for a name that is not inverted."""
    head, comma, tail = name.partition(", ")
    if not comma or "," in tail or not tail:
        return ""
    return f"{tail}{'' if tail.endswith(chr(39)) else ' '}{head}"


def check(table: list[dict[str, str]]) -> None:
    """Refuse duplicate codes, and any name or alias that would point at two codes."""
    codes = [r["code"] for r in table]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise SystemExit(f"duplicate codes: {dupes}")
    owner: dict[str, str] = {}
    for r in table:
        for text in [r["name"], *filter(None, r["aliases"].split("|"))]:
            key = " ".join(text.casefold().split())
            if owner.setdefault(key, r["code"]) != r["code"]:
                raise SystemExit(f"{text!r} belongs to both {owner[key]} and {r['code']}")
    bodies: dict[str, str] = {}
    for r in table:
        for text in filter(None, r["bodies"].split("|")):
            key = " ".join(text.casefold().split())
            if bodies.setdefault(key, r["code"]) != r["code"]:
                raise SystemExit(f"body {text!r} belongs to both {bodies[key]} and {r['code']}")
            if key in owner and owner[key] != r["code"]:
                raise SystemExit(f"body {text!r} of {r['code']} is an alias of {owner[key]}")
    unknown = set(QIDS) - {c.alpha_2 for c in pycountry.countries}
    if unknown:
        raise SystemExit(f"Q-ids for codes pycountry does not know: {sorted(unknown)}")


def main(path: Path = OUT) -> int:
    table = rows()
    check(table)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    print(f"wrote {len(table)} rows to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
