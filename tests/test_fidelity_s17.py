"""Session 17 fidelity: speaker walls' tag lines ("Title – Org" with no comma, slogans, self-descriptions after bars),
a listed speaker named as moderator in a session's prose, people files with French keys, offices printed as honorifics."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.person_pattern import FREE_TEXT, split_position
from conftest import drafted_preview, write_files as write


def positions(text: str) -> list[tuple[str | None, str | None]]:
    return [(p.title, p.organisation) for p in split_position(text, reading=FREE_TEXT)]


@pytest.mark.parametrize("tagline, expected", [
    ("Red Team Lead - Saltmarsh Security", [("Red Team Lead", "Saltmarsh Security")]),
    ("Partner – Cabinet El Idrissi Avocats", [("Partner", "Cabinet El Idrissi Avocats")]),
    ("Data Protection Officer — Caisse Alpine", [("Data Protection Officer", "Caisse Alpine")]),
    ("Head of Data – Kestrel Group", [("Head of Data", "Kestrel Group")]),
    # what is no organisation stays in the title
    ("Head of Asia – Pacific", [("Head of Asia – Pacific", None)]),
    ("Director - Corporate Affairs", [("Director - Corporate Affairs", None)]),
    ("Software Developer – Speaker", [("Software Developer – Speaker", None)]),
    ("Security Engineer – Norway", [("Security Engineer – Norway", None)]),
])
def test_a_dash_parts_a_title_from_its_employer(tagline, expected):
    assert positions(tagline) == expected


@pytest.mark.parametrize("tagline", [
    "Breaking things so you don't have to.", "I build tools for people who build tools", "Let's talk!",
    "Speaker, Runner", "Mentor, Dog Lover",
])
def test_slogans_and_self_descriptions_are_no_position(tagline):
    assert positions(tagline) == []


def test_a_possessive_or_a_level_is_no_slogan():
    assert positions("Kestrel's Chief Scientist") == [("Kestrel's Chief Scientist", None)]
    assert positions("Software Engineer I, Kestrel Group") == [("Software Engineer I", "Kestrel Group")]


def test_bars_after_a_self_description_are_dropped():
    assert positions("Quant Developer | Speaker | Runner") == [("Quant Developer", None)]
    assert positions("Staff Engineer | Kestrel Works | Speaker") == [("Staff Engineer", "Kestrel Works")]


def test_a_field_between_title_and_bank_stays_with_the_title():
    assert positions("Product Manager, Open Banking, Banco Atlântico") == [
        ("Product Manager, Open Banking", "Banco Atlântico")]


PANEL = """<html><head><title>Programme 2024</title></head><body><h2>Tuesday 8 October 2024</h2>
<div class="slot"><div class="time">10:15 AM - 11:00 AM</div>
<div class="session"><h3>Who Pays When the Cloud Falls Over?</h3>
<ul class="speakers"><li><a href="#">Ingrid Solheim</a></li><li><a href="#">Lotte van der Berg</a></li>
<li><a href="#">Bo Chan</a></li></ul>
<div class="desc"><p>Concentration risk and the limits of insurance.</p><p>{prose}</p></div>
</div></div>
<div class="slot"><div class="time">11:15 AM - 12:00 PM</div>
<div class="session"><h3>Quantum-Safe Payment Rails</h3>
<ul class="speakers"><li><a href="#">Tomás Ó Briain</a></li></ul>
<div class="desc"><p>Inventory first, algorithms second.</p></div>
</div></div></body></html>"""


@pytest.mark.parametrize("prose, role", [
    ("The panel, moderated by Lotte van der Berg, asks who pays.", "moderator"),
    ("A debate chaired by Dr Lotte van der Berg.", "moderator"),
    ("Moderated by Lotte van der Berg, Editor, FinTech Weekly.", "moderator"),
    ("Lotte van der Berg wrote the report this panel discusses.", "speaker"),
])
def test_a_listed_speaker_named_by_a_role_phrase_takes_its_role(tmp_path: Path, prose, role):
    root = write(tmp_path / "site", {"2024/schedule.html": PANEL.format(prose=prose)})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    found = {(r["name"], r["session"]): r["role"] for r in seen.rows}
    assert found == {("Ingrid Solheim", "Who Pays When the Cloud Falls Over?"): "speaker",
                     ("Lotte van der Berg", "Who Pays When the Cloud Falls Over?"): role,
                     ("Bo Chan", "Who Pays When the Cloud Falls Over?"): "speaker",
                     ("Tomás Ó Briain", "Quantum-Safe Payment Rails"): "speaker"}


PROGRAMME_FR = """---
title: "Programme — Mardi 3 juin 2031"
date: "2031-06-03"
---

## 10h00 – 11h15 · Table ronde : la fraude au président

Animée par : M. Thomas Girard (Radio Kestrel)

Intervenants :
- Mme Laure Kessler-Nguyen
- Dr Raphaël Ben Saïd
- Mme Ingrid Solberg

## 11h30 – 12h15 · Keynote : la cryptographie post-quantique

Keynote : Dr Raphaël Ben Saïd

## 14h00 – 15h00 · Table ronde : les banques face aux rançongiciels

Animée par : Mme Claire Dubois (Journal de Kestrel)

Intervenants :
- M. Jean-Pierre Lefèvre, directeur général, Agence Kestrel
- Mme Laure Kessler-Nguyen
"""

PEOPLE_FR = """# fiches des intervenants
- nom: Laure Kessler-Nguyen
  fonction: Directrice de la cybersécurité
  organisme: Crédit Régional de Kestrel
  pays: France
- nom: Raphaël Ben Saïd
  fonction: Directeur scientifique
  organisme: Kestrel Labs
  pays: Belgique
- nom: Ingrid Solberg
  fonction: Head of Unit
  organisme: European Commission
"""


def test_a_french_people_file_whose_nom_holds_whole_names_is_drafted(tmp_path: Path):
    root = write(tmp_path / "site", {"2031/programme/jour-1.md": PROGRAMME_FR, "data/intervenants.yml": PEOPLE_FR})
    profile, _, seen = drafted_preview(root, tmp_path, sample=0)
    part = next(p for p in profile["parts"] if p["files"] == "data/intervenants.yml")
    assert (part["kind"], part["name"], part["position"], part["organisation"], part["country"]) == (
        "speakers", "nom", "fonction", "organisme", "pays")
    found = {r["name"]: (r["title"], r["organisation"], r["country"]) for r in seen.rows}
    assert found["Laure Kessler-Nguyen"] == ("Directrice de la cybersécurité", "Crédit Régional de Kestrel", "FR")
    assert found["Raphaël Ben Saïd"] == ("Directeur scientifique", "Kestrel Labs", "BE")
    assert found["Ingrid Solberg"][:2] == ("Head of Unit", "European Commission")


def test_a_family_name_beside_a_given_name_stays_the_family_name(tmp_path: Path):
    people = "\n".join(f"- prénom: {g}\n  nom: {f}\n  organisme: {o}" for g, f, o in (
        ("Laure", "Kessler-Nguyen", "Crédit Régional de Kestrel"), ("Raphaël", "Ben Saïd", "Kestrel Labs"),
        ("Ingrid", "Solberg", "European Commission")))
    root = write(tmp_path / "site", {"2031/programme/jour-1.md": PROGRAMME_FR, "data/intervenants.yml": people})
    profile, _, seen = drafted_preview(root, tmp_path, sample=0)
    part = next(p for p in profile["parts"] if p["files"] == "data/intervenants.yml")
    assert (part["kind"], part["given_name"], part["family_name"], part.get("name")) == (
        "speakers", "prénom", "nom", None)
    found = {r["name"]: r["organisation"] for r in seen.rows}
    assert found["Laure Kessler-Nguyen"] == "Crédit Régional de Kestrel"
    assert found["Ingrid Solberg"] == "European Commission"


DAY_DE = """---
title: "Programm — Tag 1"
date: 2031-03-11
---

## 09:00 Eröffnung und Begrüßung

Grußwort: Staatsminister Dr. Tobias Kestrel, Auswärtiges Amt

## 09:30 Keynote: Resilienz

Keynote: Botschafterin Anna Weber, Leiterin des Krisenstabs, Auswärtiges Amt

## 10:30 Podium: Lagebild

Moderation: Dr. Jana Fink, Kestrel Institut

Auf dem Podium:
- Staatssekretärin Dr. Henrike Roth (BMI)
- Minister Olaf Brandt
"""


def test_an_office_printed_as_the_honorific_titles_a_position_that_prints_none(tmp_path: Path):
    root = write(tmp_path / "site", {"2031/programm-tag-1.md": DAY_DE})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    found = {r["name"]: (r["honorific"], r["title"], r["organisation"]) for r in seen.rows}
    assert found["Tobias Kestrel"] == ("Staatsminister Dr.", "Staatsminister", "Auswärtiges Amt")
    assert found["Henrike Roth"] == ("Staatssekretärin Dr.", "Staatssekretärin", "BMI")
    # a printed title wins; a person printed with no organisation is left to a speaker page
    assert found["Anna Weber"] == ("Botschafterin", "Leiterin des Krisenstabs", "Auswärtiges Amt")
    assert found["Olaf Brandt"] == ("Minister", "", "")
    assert found["Jana Fink"] == ("Dr.", "", "Kestrel Institut")


WALL = """<html><body><ul class="wall">
<li class="speaker"><h3>Lotte van der Berg</h3><h4 class="tagline">Moderator</h4></li>
<li class="speaker"><h3>Ingrid Solheim</h3><h4 class="tagline">CISO - Fjordbank</h4></li>
<li class="speaker"><h3>Bo Chan</h3><h4 class="tagline">Keynote Speaker</h4></li>
</ul></body></html>"""

SCHEDULE = """<html><body><h2>Tuesday 8 October 2024</h2>
<div class="slot"><div class="time">10:15 AM - 11:00 AM</div>
<div class="session"><h3>Who Pays When the Cloud Falls Over?</h3>
<ul class="speakers"><li><a href="#">Ingrid Solheim</a></li><li><a href="#">Lotte van der Berg</a></li></ul>
<ul class="tags"><li class="tag">Panel</li></ul>
<div class="desc"><p>{blurb}</p></div>
</div></div>
<div class="slot"><div class="time">11:15 AM - 12:00 PM</div>
<div class="session"><h3>Keynote: Trust Is a Balance Sheet Item</h3>
<ul class="speakers"><li><a href="#">Bo Chan</a></li></ul>
<div class="desc"><p>Why resilience is priced.</p></div>
</div></div></body></html>"""

WALL_PROFILE = """[site]
series = "kestrel-finsec"
[[parts]]
files = "*/speakers.html"
reader = "cards"
card = "li.speaker"
name = "h3"
position = "h4.tagline"
kind = "speakers"
[[parts]]
files = "*/schedule.html"
reader = "programme"
"""

_ROLES = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
SELECT ?name ?role WHERE { ?a a sg:Appearance ; sg:person ?p ; sg:role ?role . ?p schema:name ?name }"""


def _roles(store) -> dict[str, str]:
    return {r["name"].value: r["role"].value.rsplit("/", 1)[-1] for r in store.query(_ROLES)}


def test_a_moderator_on_the_speaker_wall_moderates_the_sessions_that_list_them(tmp_path: Path):
    from graph.store import open_store
    from ingest.loader import ingest, site_for

    root = write(tmp_path / "site", {"speakergraph.toml": WALL_PROFILE, "2024/speakers.html": WALL,
                                     "2024/schedule.html": SCHEDULE.format(blurb="Who pays.")})
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root)])
    expected = {"Lotte van der Berg": "moderator", "Ingrid Solheim": "panellist", "Bo Chan": "keynote"}
    assert _roles(store) == expected
    # the schedule changes alone: the wall's role is read back from the store
    (root / "2024/schedule.html").write_text(SCHEDULE.format(blurb="Who pays, and when."), encoding="utf-8")
    summary = ingest(store, [site_for(root)])
    assert (summary.read, summary.unchanged) == (1, 1)
    assert _roles(store) == expected


_TITLES = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
SELECT ?name ?title WHERE { ?a a sg:Appearance ; sg:person ?p ; sg:position ?pos . ?p schema:name ?name .
  ?pos sg:title ?title }"""


def test_what_a_changed_or_removed_speaker_page_lent_does_not_outlive_it(tmp_path: Path):
    from graph.store import open_store
    from ingest.loader import ingest, site_for

    root = write(tmp_path / "site", {"speakergraph.toml": WALL_PROFILE, "2024/speakers.html": WALL,
                                     "2024/schedule.html": SCHEDULE.format(blurb="Who pays.")})
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root)])
    titles = lambda: {r["name"].value: r["title"].value for r in store.query(_TITLES)}  # noqa: E731
    assert titles() == {"Ingrid Solheim": "CISO"}
    # the wall changes alone: the schedule that took from it is read again
    (root / "2024/speakers.html").write_text(WALL.replace(">Moderator<", ">Editor, FinTech Weekly<")
                                             .replace("CISO - Fjordbank", "CTO - Fjordbank"), encoding="utf-8")
    summary = ingest(store, [site_for(root)])
    assert (summary.read, summary.unchanged) == (2, 0)
    assert titles() == {"Ingrid Solheim": "CTO", "Lotte van der Berg": "Editor"}
    assert _roles(store)["Lotte van der Berg"] == "panellist"
    # the wall goes (pruned): nothing it lent stays
    (root / "2024/speakers.html").unlink()
    ingest(store, [site_for(root)], prune=True)
    assert titles() == {}
    assert _roles(store) == {"Lotte van der Berg": "panellist", "Ingrid Solheim": "panellist", "Bo Chan": "keynote"}
    # a programme changed alone reads nothing more
    (root / "2024/schedule.html").write_text(SCHEDULE.format(blurb="Who pays, and when."), encoding="utf-8")
    assert ingest(store, [site_for(root)]).read == 1


# --- programmes in Dutch and Italian, an Indico timetable (three trials of session 17) ------------------------------

DAY_NL = """---
title: "Programma dinsdag 8 oktober 2030"
date: 2030-10-08
---

### 09.30 – 10.15 uur | Openingssessie

Dagvoorzitter: mevr. drs. A. (Anne) Jansen, directeur Weerbaarheid, Kestrel Centrum

Opening door dhr. mr. Pieter van 't Hek, minister van Justitie en Veiligheid

### 10.30 – 11.15 uur | Paneldiscussie: samenwerking na NIS2

Moderator: Sanne de Vries

Panelleden: Joris Vermeulen, Katrin Hoffmann en dr. Willem Bakker

### 11.30 – 12.00 uur | Internationale samenwerking

Met: Z.E. Matthias Köhler, ambassadeur, Ambassade van Duitsland (Duitsland)

### 12.00 – 13.00 uur | Lunch

### 13.00 – 13.45 uur | Weerbaarheid in de zorg

Sprekers: ing. Karim El Amrani, CISO, Gemeente Kestrel en mevr. Lotte Visser, bestuurder, Kestrel Zorg

### 14.00 – 14.45 uur | Rondetafel: cyber in de haven

| Naam | Functie | Organisatie |
|---|---|---|
| Bram Claes | adviseur | Havenbedrijf Kestrel |
| luitenant-generaal Jan van der Berg | commandant | Defensie Cyber Commando |
"""


def _drafted(tmp_path: Path, rel: str, text: str):
    """What the dry run finds in a site of one page, read with the profile the drafter writes for it."""
    return drafted_preview(write(tmp_path / "site", {rel: text}), tmp_path, sample=0)[2]


def _by_name(seen) -> dict:
    return {r["name"]: (r["session"], r["date"][11:16], r["role"], r["honorific"], r["title"], r["organisation"])
            for r in seen.rows}


def test_a_dutch_programme_reads_with_no_profile(tmp_path: Path):
    seen = _drafted(tmp_path, "2030/programma/dag-1.md", DAY_NL)
    found = _by_name(seen)
    assert found == {
        "Anne Jansen": ("Openingssessie", "09:30", "moderator", "mevr. drs.", "directeur Weerbaarheid",
                        "Kestrel Centrum"),
        "Pieter van 't Hek": ("Openingssessie", "09:30", "remarks", "dhr. mr.", "minister van Justitie en Veiligheid",
                              ""),
        "Sanne de Vries": ("Paneldiscussie: samenwerking na NIS2", "10:30", "moderator", "", "", ""),
        "Joris Vermeulen": ("Paneldiscussie: samenwerking na NIS2", "10:30", "panellist", "", "", ""),
        "Katrin Hoffmann": ("Paneldiscussie: samenwerking na NIS2", "10:30", "panellist", "", "", ""),
        "Willem Bakker": ("Paneldiscussie: samenwerking na NIS2", "10:30", "panellist", "dr.", "", ""),
        "Matthias Köhler": ("Internationale samenwerking", "11:30", "speaker", "Z.E.", "ambassadeur",
                            "Ambassade van Duitsland"),
        "Karim El Amrani": ("Weerbaarheid in de zorg", "13:00", "speaker", "ing.", "CISO", "Gemeente Kestrel"),
        "Lotte Visser": ("Weerbaarheid in de zorg", "13:00", "speaker", "mevr.", "bestuurder", "Kestrel Zorg"),
        "Bram Claes": ("Rondetafel: cyber in de haven", "14:00", "panellist", "", "adviseur", "Havenbedrijf Kestrel"),
        "Jan van der Berg": ("Rondetafel: cyber in de haven", "14:00", "panellist", "luitenant-generaal",
                             "commandant", "Defensie Cyber Commando"),
    }
    assert {r["name"]: r["country"] for r in seen.rows}["Matthias Köhler"] == "DE"


DAY_IT = """<html><head><title>Programma – Giorno 1</title></head><body>
<h2>Martedì 14 maggio 2030</h2>
<h3>Apertura dei lavori</h3>
<p class="orario">ore 9.30 &#8211; 10.00</p>
<p><strong>Saluti istituzionali:</strong></p>
<ul><li>On. Marco Ferretti, Sottosegretario di Stato alla Presidenza del Consiglio</li>
<li>S.E. l&#8217;Ambasciatore Klaus Hoffmann, Ambasciatore di Germania in Italia</li></ul>
<h3>Tavola rotonda: difesa cibernetica e alleanze</h3>
<p class="orario">10:15-11:30</p>
<p><strong>Modera:</strong> Dott.ssa Chiara De Luca, giornalista, Il Gazzettino Kestrel</p>
<p><strong>Intervengono:</strong> Amm. Giorgio Marras (Ministero della Difesa), Col. Stefano Greco (Polizia Postale) e
Prof.ssa Maria Teresa D&#8217;Amico (Università di Kestrel)</p>
<h3>Pausa caff&#232;</h3>
<p class="orario">11:30-11:45</p>
<h3>Formazione e competenze digitali</h3>
<p class="orario">11:45-12:30</p>
<p><strong>Relatori:</strong></p>
<ul><li>Dott. Giovanni Esposito, Dirigente, Ministero dell&#8217;Istruzione e del Merito</li>
<li>Valentina Ricci</li></ul>
</body></html>"""


def test_an_italian_programme_with_times_under_headings_reads_with_no_profile(tmp_path: Path):
    found = _by_name(_drafted(tmp_path, "2030/programma-giorno-1.html", DAY_IT))
    assert found == {
        "Marco Ferretti": ("Apertura dei lavori", "09:30", "remarks", "On.",
                           "Sottosegretario di Stato alla Presidenza del Consiglio", ""),
        "Klaus Hoffmann": ("Apertura dei lavori", "09:30", "remarks", "S.E. l’Ambasciatore",
                           "Ambasciatore di Germania in Italia", ""),
        "Chiara De Luca": ("Tavola rotonda: difesa cibernetica e alleanze", "10:15", "moderator", "Dott.ssa",
                           "giornalista", "Il Gazzettino Kestrel"),
        "Giorgio Marras": ("Tavola rotonda: difesa cibernetica e alleanze", "10:15", "panellist", "Amm.", "",
                           "Ministero della Difesa"),
        "Stefano Greco": ("Tavola rotonda: difesa cibernetica e alleanze", "10:15", "panellist", "Col.", "",
                          "Polizia Postale"),
        "Maria Teresa D’Amico": ("Tavola rotonda: difesa cibernetica e alleanze", "10:15", "panellist", "Prof.ssa",
                                 "", "Università di Kestrel"),
        "Giovanni Esposito": ("Formazione e competenze digitali", "11:45", "speaker", "Dott.", "Dirigente",
                              "Ministero dell’Istruzione e del Merito"),
        "Valentina Ricci": ("Formazione e competenze digitali", "11:45", "speaker", "", "", ""),
    }


def _person(first: str, family: str, name: str, affiliation: str) -> dict:
    return {"firstName": first, "familyName": family, "name": name, "affiliation": affiliation,
            "emailHash": "0" * 32, "_type": "ContributionPersonLink"}


def _entry(kind: str, ident: str, title: str, start: str, end: str, **more) -> dict:
    when = lambda t: {"date": "2031-03-12", "time": f"{t}:00", "tz": "Europe/Vienna"}  # noqa: E731
    return {"_type": f"{kind}Entry", "entryType": kind, "id": ident, "title": title, "startDate": when(start),
            "endDate": when(end), "room": "Board Room B", "description": "", **more}


def test_an_indico_timetable_keeps_honorifics_of_first_names_and_nested_talks(tmp_path: Path):
    import json

    chair = _person("Dr. Ingrid", "Hofstätter", "Hofstätter, Ingrid", "Head of Unit, Danube Commission")
    talk = _entry("Contribution", "c1", "Measuring the river", "10:00", "10:30", presenters=[chair])
    other = _entry("Contribution", "c2", "Sharing data across borders", "10:30", "11:00", presenters=[
        _person("Ambassador Sigrún", "Þórsdóttir", "Þórsdóttir, Sigrún", "Ministry for Foreign Affairs (Iceland)"),
        _person("Tomás", "Ortega Ruiz", "Tomás Ortega Ruiz", "Researcher, Kestrel Water Institute")])
    session = _entry("Session", "s1", "Session 1: Data and rivers", "10:00", "11:00", conveners=[chair],
                     entries={"c1": talk, "c2": other})
    keynote = _entry("Contribution", "c0", "Keynote: Water and peace", "09:00", "09:45", presenters=[
        _person("Prof. Kwame", "Asante-Mensah", "Prof. Kwame Asante-Mensah", "Vice-Chancellor, Kestrel University")])
    timetable = {"count": 1, "results": {"77": {"20310312": {"c0": keynote, "s1": session}}}}
    root = write(tmp_path / "site", {"2031/timetable.json": json.dumps(timetable, ensure_ascii=False)})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    found = {(r["name"], r["session"]): (r["role"], r["honorific"], r["title"]) for r in seen.rows}
    assert found == {
        ("Kwame Asante-Mensah", "Keynote: Water and peace"): ("keynote", "Prof.", "Vice-Chancellor"),
        ("Ingrid Hofstätter", "Session 1: Data and rivers"): ("moderator", "Dr.", "Head of Unit"),
        ("Ingrid Hofstätter", "Measuring the river"): ("speaker", "Dr.", "Head of Unit"),
        ("Sigrún Þórsdóttir", "Sharing data across borders"): ("speaker", "Ambassador", ""),
        ("Tomás Ortega Ruiz", "Sharing data across borders"): ("speaker", "", "Researcher"),
    }
    assert not [n for n in seen.notes if n["kind"] == "read-twice"]
