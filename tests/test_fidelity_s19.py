"""Session 19 fidelity: what five new-user trials of new shapes found — an Italian Hugo programme, a Dutch HTML
programme, a multilateral meeting's agenda with lists of speakers, a Drupal site's labelled speaker pages and
Views tables, an Astro programme written in JSX components — each read with no profile (the draft)."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import drafted_rows, write_files as write

from ingest import agenda
from ingest.labelled_fields import fields
from ingest.prose_people import prose_people


def read(tmp_path: Path, files: dict) -> tuple[dict, object]:
    found, _, seen = drafted_rows(tmp_path, files)
    return found, seen


PROGRAMMA = """---
title: "Programma 2031"
date: 2031-09-01T10:00:00+02:00
---

## Mercoledì 15 ottobre 2031

**ore 9.30 – Saluti istituzionali**

On. Carla Bruni Tedeschi, Sottosegretaria di Stato

**ore 10.00 – Keynote: «La resilienza come bene comune»**

Prof.ssa Ilaria Gatti (Università di Pavia)

**10:30 – 11:45 · Tavola rotonda – La direttiva alla prova dei fatti**

Modera Amb. Pietro Lanza, già Rappresentante Permanente presso l'OSCE

Ne discutono: Prof. Kenji Mori, Università di Osaka, Giappone; Dr.ssa Elena Conte, Head of AI Security, Telenova S.p.A.; Ing. Marco Ferri, CISO, Banca Adriatica e Presidente, Associazione dei CISO

**11:45 – 12:30 · Filiere e PMI**

Coordina: Dott.ssa Chiara Rota (*Il Quotidiano Economico*)

Relatori:
- Dott. Giorgio Pace, Responsabile Area Digitale, Confederazione Piccole Imprese
"""


def test_an_italian_programme_with_lead_verbs_quoted_keynotes_and_opening_words(tmp_path: Path):
    found, _ = read(tmp_path, {"content/edizioni/2031/programma.md": PROGRAMMA,
                               "archetypes/default.md": '---\ntitle: "{{ replace .File.ContentBaseName "-" " " }}"\n---\n'})
    assert found[("Carla Bruni Tedeschi", "Saluti istituzionali")][0] == "remarks"
    assert found[("Ilaria Gatti", "Keynote: La resilienza come bene comune")] == (
        "keynote", None, "Università di Pavia", None)
    panel = "Tavola rotonda – La direttiva alla prova dei fatti"
    assert found[("Pietro Lanza", panel)][0] == "moderator"
    assert found[("Kenji Mori", panel)] == ("panellist", None, "Università di Osaka", "JP")
    assert found[("Elena Conte", panel)] == ("panellist", "Head of AI Security", "Telenova S.p.A.", None)
    assert found[("Marco Ferri", panel)] == ("panellist", "CISO", "Banca Adriatica", None)  # and Presidente, …
    assert found[("Chiara Rota", "Filiere e PMI")] == ("moderator", None, "Il Quotidiano Economico", None)
    assert found[("Giorgio Pace", "Filiere e PMI")][0] == "speaker"


def test_hugo_archetypes_are_templates_not_failed_pages(tmp_path: Path):
    from ingest.loader import site_for
    from ingest.preview import preview

    root = write(tmp_path / "site", {"content/edizioni/2031/programma.md": PROGRAMMA,
                                     "archetypes/default.md": '---\ntitle: "{{ .Date }}"\ndate: {{ .Date }}\n---\n'})
    seen = preview(site_for(root), sample=0)  # no profile: the folder drafted as ingest drafts it
    assert seen.failed == [] and seen.appearances > 5


PROGRAMMA_NL = """<!DOCTYPE html><html lang="nl"><head><title>Programma 2031 | Cybercongres</title></head><body>
<h1>Programma donderdag 6 november 2031</h1>
<dl class="programma">
<dt>09.30 &ndash; 09.45 uur</dt>
<dd><strong>Opening</strong><br>
Dagvoorzitter: drs. Marloes Vink, journalist en presentator<br>
Opening door Hans Dijk MSc, voorzitter Stichting Cybercongres</dd>
<dt>09.45 &ndash; 10.30 uur</dt>
<dd><strong>Keynote: Weerbaarheid in een veranderende wereld</strong><br>
prof. dr. Hendrik Baak, hoogleraar Cybersecurity, Technische Universiteit Zeeland</dd>
<dt>11.20 &ndash; 12.30 uur</dt>
<dd><strong>Paneldiscussie: Samen sterker bij incidenten</strong><br>
o.l.v. dr. Ruud Berg, lector Digitale Weerbaarheid, Hogeschool Haaglanden<br>
Panelleden: mr. drs. Fleur Wit (directeur Cyber Security, Ministerie van Economische Zaken),
ing. Mo Amrani (CISO, Waterschap Delfland), Anna Lind (Zweden) en
Thomas Krug (Bundesamt f&uuml;r Sicherheit, Duitsland)</dd>
<dt>13.30 &ndash; 14.30 uur</dt>
<dd><strong>Deelsessies ronde 1</strong>
<ul class="deelsessies">
  <li><em>Zaal Mauritius</em> &ndash; <strong>Ransomware bij gemeenten</strong><br>
  Sprekers: Jeroen Vos, adviseur, Gemeente Lindewaarde; Linda Hoek, teamleider, IBD</li>
  <li><em>Zaal Plein</em> &ndash; <strong>Workshop: Crisisoefening</strong><br>
  Maximaal 30 deelnemers.<br>
  Begeleiding: Joost Piet en Eva Kaya (Veiligheidsregio Zuid)</li>
</ul></dd>
</dl></body></html>"""


def test_a_dutch_definition_list_programme_with_parallel_rooms_and_dutch_labels(tmp_path: Path):
    found, seen = read(tmp_path, {"2031/programma.html": PROGRAMMA_NL})
    assert found[("Hans Dijk", "Opening")] == ("remarks", "voorzitter", "Stichting Cybercongres", None)
    keynote = "Keynote: Weerbaarheid in een veranderende wereld"
    assert found[("Hendrik Baak", keynote)][0] == "keynote"
    panel = "Paneldiscussie: Samen sterker bij incidenten"
    assert found[("Ruud Berg", panel)][0] == "moderator"
    assert {n: found[(n, panel)][0] for n in ("Fleur Wit", "Mo Amrani", "Anna Lind", "Thomas Krug")} == dict.fromkeys(
        ("Fleur Wit", "Mo Amrani", "Anna Lind", "Thomas Krug"), "panellist")  # the label holds over wrapped lines
    assert found[("Anna Lind", panel)][3] == "SE"
    assert found[("Jeroen Vos", "Ransomware bij gemeenten")][0] == "speaker"
    assert {found[(n, "Workshop: Crisisoefening")][0] for n in ("Joost Piet", "Eva Kaya")} == {"moderator"}
    assert not any(k[0].startswith("Zaal") for k in found)
    starts = {r["session"]: r["date"][11:16] for r in seen.rows}
    assert starts["Ransomware bij gemeenten"] == starts["Workshop: Crisisoefening"] == "13:30"


AGENDA_UN = """---
title: Programme of work – 2031 session
---

# Regional Dialogue on ICT Security – 2031 session

## Opening segment

**Monday, 2 June 2031, 10:00–11:00**

Chair: H.E. Ms. Ingrid Solberg, Permanent Representative of Norway to the United Nations in Geneva

- Opening statement by Mr. Rafael Quintero, Head, Secretariat of the Dialogue

## Agenda item 3: Existing and potential threats

**Monday, 2 June 2031, 11:00–13:00**

### List of speakers

| No. | Delegation | Speaker | Title |
|----:|------------|---------|-------|
| 1 | Estonia | Ms. Kadri Poldsaar | Director, Cyber Policy Department, Ministry of Foreign Affairs |
| 2 | European Union | Ms. Sophie Berghe | Head of Cyber Issues Division |
| 3 | UNIDIR | Dr. Samuel Achter | Deputy Director |

## Closing segment

**Tuesday, 3 June 2031, 15:00–16:00**

- Closing remarks: H.E. Ms. Ingrid Solberg, Chair
"""

SIDE_2030 = """---
title: Side events – 2030 session
---

# Side events – 2030 session

## Ransomware and the health sector

**Monday, 3 June 2030, 13:15–14:45** · Room XXIV

**Moderator:** Dr. Helena Mark, Senior Researcher, Geneva Centre for Digital Resilience

## Capacity-building for small States

**Monday, 3 June 2030, 13:15–14:45** · Room XXV

**Moderator:** Ms. Elodie Marchal, Researcher, UNIDIR
"""

SIDE_2031 = """---
title: Side events – 2031 session
---

# Side events – 2031 session

## Norms in practice: a roundtable

**Tuesday, 3 June 2031, 13:15–14:45** · Room XXIV

**Moderator:** Mr. Jonas Weiler, Programme Director, Geneva Centre for Digital Resilience

**Panellists:**

- Ms. Zainab Haruna, Chief Executive, Digital Rights Collective Africa
- Mr. Marco Bell, Head of Public Policy Europe, Solvane Cloud Services
"""


def test_a_meeting_agenda_of_segments_and_lists_of_speakers(tmp_path: Path):
    found, seen = read(tmp_path, {"2031/agenda.md": AGENDA_UN, "2030/side-events.md": SIDE_2030,
                                  "2031/side-events.md": SIDE_2031})
    assert found[("Ingrid Solberg", "Opening segment")][0] == "moderator"
    assert found[("Rafael Quintero", "Opening segment")][0] == "remarks"
    item = "Agenda item 3: Existing and potential threats"
    assert found[("Kadri Poldsaar", item)][1:] == (
        "Director", "Cyber Policy Department, Ministry of Foreign Affairs", "EE")  # the Delegation column
    assert found[("Sophie Berghe", item)][1:3] == ("Head of Cyber Issues Division", "European Union")
    assert found[("Samuel Achter", item)][1:3] == ("Deputy Director", "UNIDIR")
    assert found[("Ingrid Solberg", "Closing segment")][:2] == ("remarks", "Chair")  # her office, not her role
    dates = {r["session"]: r["date"][:16] for r in seen.rows}
    assert dates["Closing segment"] == "2031-06-03 15:00"
    # a one-session page of an edition is read as the other edition's page of that name: by the programme reader
    assert found[("Jonas Weiler", "Norms in practice: a roundtable")][0] == "moderator"
    assert found[("Helena Mark", "Ransomware and the health sector")][0] == "moderator"
    assert not any(k[0].startswith("Room") for k in found)


def speaker_page(name: str, positions: list[str], organisations: list[str], country: str) -> str:
    items = lambda values: "".join(f'<div class="field__item">{v}</div>' for v in values)  # noqa: E731
    return f"""<html><head><title>{name} | Baltic Forum</title></head><body><main>
<h1 class="page-title"><span class="field field--name-title">{name}</span></h1>
<article class="node node--type-speaker"><div class="node__content">
<div class="field field--name-field-job-title field--label-inline"><div class="field__label">Position</div>
<div class="field__items">{items(positions)}</div></div>
<div class="field field--name-field-organisation field--label-inline"><div class="field__label">Organisation</div>
<div class="field__items">{items(organisations)}</div></div>
<div class="field field--name-field-country field--label-inline"><div class="field__label">Country</div>
<div class="field__item"><a href="../../country/x/index.html">{country}</a></div></div>
<div class="field field--name-body"><p>{name} has worked on security policy for many years, in government and in
research, and writes on deterrence.</p></div>
</div></article></main></body></html>"""


PROGRAMME_VIEWS = """<html><head><title>Programme 2031 | Baltic Forum</title></head><body><main>
<h1>Programme 2031</h1>
<table class="views-table"><caption>Wednesday, 14 May 2031</caption>
<thead><tr><th>Time</th><th>Session</th><th>Type</th><th>Room</th><th>Moderator</th><th>Speakers</th></tr></thead>
<tbody>
<tr><td>09:30 - 10:00</td><td><a href="../../sessions/a/index.html">Deterrence after 2030</a></td><td>Keynote</td>
<td>Plenary</td><td></td><td><a href="../../speakers/tomas-petras/index.html">Tomas Petras</a></td></tr>
</tbody></table>
<table class="views-table"><caption>Thursday, 15 May 2031</caption>
<thead><tr><th>Time</th><th>Session</th><th>Type</th><th>Room</th><th>Moderator</th><th>Speakers</th></tr></thead>
<tbody>
<tr><td>10:00 - 11:30</td><td><a href="../../sessions/b/index.html">Undersea cables</a></td><td>Panel discussion</td>
<td>Plenary</td><td><a href="../../speakers/jan-vries/index.html">Jan Vries</a>,
<a href="../../speakers/laura-ozo/index.html">Laura Ozo</a></td>
<td><a href="../../speakers/piotr-now/index.html">Piotr Now</a>, <a href="../../speakers/aino-vir/index.html">Aino Vir</a></td></tr>
</tbody></table></main></body></html>"""


def test_a_drupal_site_s_labelled_speaker_pages_and_views_tables(tmp_path: Path):
    people = {"tomas-petras": ("Tomas Petras", ["Ambassador-at-Large"], ["Ministry of Foreign Affairs"], "Lithuania"),
              "jan-vries": ("Jan Vries", ["Exercise Planner"], ["Centre for Crisis Simulation"], "Netherlands"),
              "laura-ozo": ("Laura Ozo", ["Head of Training"], ["National CERT"], "Latvia"),
              "piotr-now": ("Piotr Now", ["Head of the Maritime Cyber Cell", "Lecturer"],
                            ["Naval Operations Centre", "Naval Academy"], "Poland"),
              "aino-vir": ("Aino Vir", ["Director"], ["Communications Security Authority"], "Finland")}
    files = {f"speakers/{slug}/index.html": speaker_page(*p) for slug, p in people.items()}
    files["programme/2031/index.html"] = PROGRAMME_VIEWS
    found, seen = read(tmp_path, files)
    assert found == {
        ("Tomas Petras", "Deterrence after 2030"): ("keynote", "Ambassador-at-Large", "Ministry of Foreign Affairs", "LT"),
        ("Jan Vries", "Undersea cables"): ("moderator", "Exercise Planner", "Centre for Crisis Simulation", "NL"),
        ("Laura Ozo", "Undersea cables"): ("moderator", "Head of Training", "National CERT", "LV"),
        ("Piotr Now", "Undersea cables"): ("panellist", "Head of the Maritime Cyber Cell", "Naval Operations Centre", "PL"),
        ("Aino Vir", "Undersea cables"): ("panellist", "Director", "Communications Security Authority", "FI")}
    assert {r["session"]: r["date"][:10] for r in seen.rows} == {
        "Deterrence after 2030": "2031-05-14", "Undersea cables": "2031-05-15"}  # each table's caption


def test_labelled_fields_read_whatever_the_markup():
    from selectolax.lexbor import LexborHTMLParser

    html = ("<table><tr><th>Function</th><td>Legal Adviser</td></tr><tr><th>Company</th><td>Kestrel</td></tr></table>"
            "<p><span class='meta-label'>Land:</span> <span class='meta-value'>Norwegen</span></p>")
    assert fields(LexborHTMLParser(html).body) == {
        "title": ["Legal Adviser"], "organisation": ["Kestrel"], "country": ["Norwegen"]}


SCHEDULE_MDX = """---
title: Schedule 2031
---
import Session from '../../components/Session.astro';
import Speaker from '../../components/Speaker.astro';

# Schedule 2031

## Day 1 — Thursday, 9 October 2031

<Break time="08:30" label="Registration" />

<Session time="09:00" title="Opening remarks" type="opening">
  <Speaker name="Kadri Tamme" title="Deputy Secretary General" company="Ministry of Economic Affairs" country="Estonia" />
</Session>

<Session time="09:20" title="Attackers Read Your Changelog Too" type="keynote">
    <Speaker name="Dr. Grace Mwangi" title="Chief Technology Officer" company="Savanna Payments" country="Kenya" />
</Session>

<Session time="10:40" title="Rust in the Kernel: A Field Report" type="talk">
  <Speaker name="Pavel Novak" title="Kernel Developer" company="Bohemia Systems" country="Czechia" />
</Session>

<Session time="11:30" title="Who Owns the Supply Chain?" type="panel">
  <Moderator name="Prof. Henrik Lind" title="Professor" company="Norrland University" country="Sweden" />
  <Speaker name="Samuel Osei" title="Legal Counsel" company="Accra Digital Hub" country="Ghana" />
  <Speaker name="Marta Jank" title="Senior Policy Officer" company="National Cyber Security Centre" />
</Session>
"""


def test_an_mdx_programme_written_in_jsx_components(tmp_path: Path):
    found, _ = read(tmp_path, {"src/pages/2031/schedule.mdx": SCHEDULE_MDX})
    assert found == {
        ("Kadri Tamme", "Opening remarks"): ("remarks", "Deputy Secretary General", "Ministry of Economic Affairs", "EE"),
        ("Grace Mwangi", "Attackers Read Your Changelog Too"): (
            "keynote", "Chief Technology Officer", "Savanna Payments", "KE"),
        ("Pavel Novak", "Rust in the Kernel: A Field Report"): ("speaker", "Kernel Developer", "Bohemia Systems", "CZ"),
        ("Henrik Lind", "Who Owns the Supply Chain?"): ("moderator", "Professor", "Norrland University", "SE"),
        ("Samuel Osei", "Who Owns the Supply Chain?"): ("panellist", "Legal Counsel", "Accra Digital Hub", "GH"),
        ("Marta Jank", "Who Owns the Supply Chain?"): (
            "panellist", "Senior Policy Officer", "National Cyber Security Centre", None)}


def test_italian_speaker_pages_with_the_name_in_two_keys_are_drafted(tmp_path: Path):
    page = "---\nnome: \"{g}\"\ncognome: \"{f}\"\nruolo: \"{r}\"\nente: \"{e}\"\n---\n\nBiografia.\n"
    files = {f"content/relatori/{g.lower()}-{f.lower()}.md": page.format(g=g, f=f, r=r, e=e) for g, f, r, e in (
        ("Jan", "Vries", "Direttore operativo", "Centro nazionale per la sicurezza"),
        ("Anna", "Kowal", "Viceministra", "Ministero degli Affari Digitali"),
        ("Luca", "Verdi", "Direttore", "Agenzia per la Sicurezza delle Reti"))}
    files["content/edizioni/2031/programma.md"] = """---
title: Programma 2031
date: 2031-10-15
---

**10:30 – 11:45 · Tavola rotonda – Infrastrutture critiche**

Intervengono: [Jan Vries](/relatori/jan-vries/); [Anna Kowal](/relatori/anna-kowal/)

**12:00 – 12:30 · Conclusioni**

[Luca Verdi](/relatori/luca-verdi/)
"""
    found, _ = read(tmp_path, files)
    assert found[("Jan Vries", "Tavola rotonda – Infrastrutture critiche")][1:3] == (
        "Direttore operativo", "Centro nazionale per la sicurezza")
    assert found[("Anna Kowal", "Tavola rotonda – Infrastrutture critiche")][1:3] == (
        "Viceministra", "Ministero degli Affari Digitali")
    assert found[("Luca Verdi", "Conclusioni")] == ("remarks", "Direttore", "Agenzia per la Sicurezza delle Reti", None)


def test_a_list_ending_in_two_people_joined_by_and():
    found = agenda.named(agenda.people_strings(
        "Mit Kai Neu (Fraunhofer), Eva Kraus (BSI), Dr. Felix Roth (Universität Stuttgart), Mara Lenz und Herr Dr. "
        "Peter Wolf, Deutsche Telekom"))
    assert [(p.name, [(x.title, x.organisation) for x in p.positions]) for p in found] == [
        ("Kai Neu", [(None, "Fraunhofer")]), ("Eva Kraus", [(None, "BSI")]),
        ("Dr. Felix Roth", [(None, "Universität Stuttgart")]), ("Mara Lenz", []),
        ("Herr Dr. Peter Wolf", [(None, "Deutsche Telekom")])]


def test_a_long_line_with_an_unclosed_bracket_is_read_at_once():
    """A mutated page's paragraph of thousands of words and an opening bracket with no closing one: read in one pass
    (a regular expression took minutes on it, and the README's second command hung)."""
    line = "The panel, moderated by Ann Lee (Acme " + "and more words " * 2000 + "with Bo Ray and Cy Dee."
    started = time.process_time()
    assert prose_people(line) == []
    print(f"read in {time.process_time() - started:.3f} s of CPU")  # shown with -s; no timed assertion


GDOC = ('<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">'
        '.c1{color:#000000;font-weight:400}.c9{font-weight:700}.c4{padding-top:0pt}</style></head>'
        '<body class="c18 doc-content"><h1 class="c6" id="h.x1"><span class="c9">Programme 2031</span></h1>'
        '<p class="c4"><span class="c9">Day 1 – Tuesday, 9 September 2031</span></p>'
        '<p class="c4"><span class="c9">09:00 – 09:30</span></p><p class="c4"><span class="c9">Opening Ceremony</span></p>'
        '<p class="c4"><span class="c1">Welcome remarks: </span><span class="c1">Hon. Sione Vaka, Minister for '
        'Meteorology, Energy, Information, Climate Change and Communications, Government of Tonga</span></p>'
        '<p class="c4"><span class="c1"></span></p>'
        '<table class="c12"><tr class="c5"><td class="c9"><p class="c2"><span class="c9">Time</span></p></td>'
        '<td class="c9"><p class="c2"><span class="c9">Session</span></p></td>'
        '<td class="c9"><p class="c2"><span class="c9">Speakers</span></p></td></tr>'
        '<tr class="c5"><td><p class="c2"><span class="c1">10:00 – 11:00</span></p></td>'
        '<td><p class="c2"><span class="c9">Country Updates</span></p></td>'
        '<td><p class="c2"><span class="c1">Solomon Islands – Mr Derek Mane, Director of ICT, Ministry of '
        'Communication and Aviation</span></p><p class="c2"><span class="c1">Ms Sina Tuala, Chief Executive, Ministry '
        'of Communications and Information Technology, Samoa</span></p></td></tr></table></body></html>')


def test_a_google_docs_export_with_class_bold_td_headers_and_runs(tmp_path: Path):
    found, _ = read(tmp_path, {"programme-2031/index.html": GDOC})
    assert found == {
        ("Sione Vaka", "Opening Ceremony"): (
            "remarks", "Minister for Meteorology, Energy, Information, Climate Change and Communications",
            "Government of Tonga", "TO"),
        ("Derek Mane", "Country Updates"): ("speaker", "Director of ICT", "Ministry of Communication and Aviation", "SB"),
        ("Sina Tuala", "Country Updates"): (
            "speaker", "Chief Executive", "Ministry of Communications and Information Technology", "WS")}


PANDOC = r"""---
title: Programme
---

# Regional Conference on ICT Confidence-Building Measures {#conference .unnumbered}

## Day 1 -- Tuesday, 14 October 2031 {#day-1}

+-----------------+----------------------------------------------------+
| **Time**        | **Programme**                                      |
+=================+====================================================+
| 09:30 -- 10:15  | **Opening Session**                                |
|                 |                                                    |
|                 | Welcome remarks by:                                |
|                 |                                                    |
|                 | -   H.E.\ Ambassador Matej Kovac, Permanent        |
|                 |     Representative of Slovenia to the OSCE         |
|                 | -   Ms. Ingrid Halvors, Director, Secretariat of   |
|                 |     the Regional Cyber Stability Initiative        |
+-----------------+----------------------------------------------------+

## Day 2 -- Wednesday, 15 October 2031 {#day-2}

### Keynote Address {#keynote-address}

**10:15 -- 10:45** \| Hall Abai

Dr. Aigerim Sadyk, Chair of the Board, Eurasian Centre for Digital
Governance

### Session I: Taking Stock {#session-i}

**11:15 -- 13:00** \| Hall Abai

Moderator:\
Mr. Timur Akhmet, Head of Unit, Ministry of Digital Development of the
Republic of Kazakhstan (Kazakhstan)
"""


def test_a_pandoc_markdown_programme_with_grid_tables_and_wrapped_lines(tmp_path: Path):
    found, seen = read(tmp_path, {"docs/2031/programme.md": PANDOC})
    assert found[("Matej Kovac", "Opening Session")] == (
        "remarks", "Permanent Representative of Slovenia to the OSCE", None, "SI")
    assert found[("Ingrid Halvors", "Opening Session")][:3] == (
        "remarks", "Director", "Secretariat of the Regional Cyber Stability Initiative")
    assert found[("Aigerim Sadyk", "Keynote Address")] == (
        "keynote", "Chair of the Board", "Eurasian Centre for Digital Governance", None)
    assert found[("Timur Akhmet", "Session I: Taking Stock")][:2] == ("moderator", "Head of Unit")
    assert found[("Timur Akhmet", "Session I: Taking Stock")][3] == "KZ"
    starts = {r["session"]: r["date"][:16] for r in seen.rows}
    assert starts["Keynote Address"] == "2031-10-15 10:15"


AGENDA_WP = """<html><body><div class="tab-pane" id="day-1"><h3>Day 1 – 21 May 2031</h3>
<div class="schedule-item"><div class="schedule-time">09:15 - 10:00</div><div class="schedule-content">
<span class="session-type badge">Keynote</span>
<h4 class="session-title"><a href="/session/team/">Resilience Is a Team Sport</a></h4>
<div class="session-location"><i class="fa fa-map-marker"></i> Hall A</div>
<div class="session-speakers"><a class="speaker" href="/speaker/kofi-osei/"><span class="speaker-name">Kofi Osei</span><span class="speaker-position">Analyst, Accra Labs</span></a></div></div></div>
<div class="schedule-item"><div class="schedule-time">13:30 - 15:00</div><div class="schedule-content">
<span class="session-type badge">Workshop</span>
<h4 class="session-title"><a href="/session/sigma/">Hands-on: Writing Detection Rules</a></h4>
<div class="session-location"><i class="fa fa-map-marker"></i> Room 204</div>
<div class="session-speakers"><a class="speaker" href="/speaker/mehdi-ben/"><img src="/m.jpg" alt="Mehdi Ben">\
<span class="speaker-name">Mehdi Ben</span><span class="speaker-position">Detection Engineer, Ouest Securite</span></a>\
<a class="speaker" href="/speaker/dr-ann-leb/"><span class="speaker-name">Dr. Ann Leb</span>\
<span class="speaker-position">Conference Chair, NorthSec Forum</span></a></div></div></div></div></body></html>"""

SPEAKERS_WP = """<html><body><h2>Speakers 2031</h2><div class="row">""" + "".join(
    f"""<div class="col-md-3 speaker-card"><h4>{n}</h4><p class="speaker-card-title">{t}</p>
<p class="speaker-card-company">{o}</p><div class="speaker-card-country"><img class="flag" src="/f.png" alt="{c}"></div></div>"""
    for n, t, o, c in (("Mehdi Ben", "Detection Engineer", "Ouest Securite", "France"),
                       ("Dr. Ann Leb", "Conference Chair", "NorthSec Forum", "Canada"),
                       ("Kofi Osei", "Analyst", "Accra Labs", "Ghana"))) + "</div></body></html>"


def test_speaker_cards_side_by_side_and_flags_as_countries(tmp_path: Path):
    found, _ = read(tmp_path, {"agenda-2031/index.html": AGENDA_WP, "speakers-2031/index.html": SPEAKERS_WP})
    assert {k: v for k, v in found.items() if k[1] != "index"} == {
        ("Kofi Osei", "Resilience Is a Team Sport"): ("keynote", "Analyst", "Accra Labs", "GH"),
        ("Mehdi Ben", "Hands-on: Writing Detection Rules"): ("speaker", "Detection Engineer", "Ouest Securite", "FR"),
        ("Ann Leb", "Hands-on: Writing Detection Rules"): ("speaker", "Conference Chair", "NorthSec Forum", "CA")}


def test_rooms_streets_and_blocks_of_the_programme_are_no_people():
    from ingest.tidy import not_a_person

    assert [not_a_person(t) for t in ("Main Hall", "Room 204", "Beach Road", "Parallel Sessions", "Stuart Hall")] == [
        "a room", "a room", "a street", "a heading", None]


def test_an_indico_timetable_s_blocks_name_their_generic_contributions(tmp_path: Path):
    import json

    when = lambda t: {"date": "2031-06-03", "time": t, "tz": "Europe/Zurich"}  # noqa: E731
    person = lambda n, a: {"name": n, "firstName": n.split()[0], "familyName": n.split()[1], "affiliation": a}  # noqa: E731
    day = {
        "c1": {"_type": "Contribution", "id": "c1", "title": "Opening remarks", "startDate": when("09:00:00"),
               "endDate": when("09:15:00"), "presenters": [person("Helena Mark", "Lakeside Institute")]},
        "b1": {"_type": "Session", "id": "b1", "title": "Panel 1: Critical infrastructure", "slotTitle": "",
               "startDate": when("10:00:00"), "endDate": when("11:30:00"),
               "conveners": [person("Jonas Weil", "Geneva Centre")],
               "entries": {"c2": {"_type": "Contribution", "id": "c2", "title": "Panel discussion",
                                  "startDate": when("10:00:00"), "endDate": when("11:30:00"),
                                  "presenters": [person("Aiko Wata", "Tokai Institute"),
                                                 person("Lars Ovre", "Kestrel Grid")]}}},
        "b2": {"_type": "Session", "id": "b2", "title": "Breakouts", "slotTitle": "Breakout A: AI in the military",
               "startDate": when("13:00:00"), "endDate": when("14:00:00"),
               "conveners": [person("Mei Taka", "Kyoto Forum")], "entries": {
                   f"t{k}": {"_type": "Contribution", "id": f"t{k}", "title": topic, "startDate": when(f"13:{k}0:00"),
                             "endDate": when(f"13:{k}9:00"), "presenters": [person(name, "Port University")]}
                   for k, (topic, name) in enumerate((("Targeting and data", "Ruth Vand"),
                                                      ("Autonomy in weapons", "Kenji Mori"),
                                                      ("Testing and evaluation", "Ana Lima")), start=1)}},
    }
    data = {"count": 1, "results": {"1234": {"20310603": day}}}
    found, _ = read(tmp_path, {"data/2031/timetable.json": json.dumps(data, indent=1)})
    assert {k: v[0] for k, v in found.items()} == {
        ("Helena Mark", "Opening remarks"): "remarks",
        ("Jonas Weil", "Panel 1: Critical infrastructure"): "moderator",
        ("Aiko Wata", "Panel 1: Critical infrastructure"): "panellist",
        ("Lars Ovre", "Panel 1: Critical infrastructure"): "panellist",
        ("Mei Taka", "Breakout A: AI in the military"): "moderator",
        ("Ruth Vand", "Targeting and data"): "speaker", ("Kenji Mori", "Autonomy in weapons"): "speaker",
        ("Ana Lima", "Testing and evaluation"): "speaker"}


def week_page(title: str, nav: str, body: str) -> str:
    return f"---\ntitle: \"{title}\"\npermalink: /2031/events/{title.lower().replace(' ', '-')}/\nlayout: simple-page\n" \
           f"third_nav_title: \"{nav}\"\n---\n{body}"


def test_a_cyber_week_s_session_pages_of_another_year(tmp_path: Path):
    table = ("| S/N | Name | Designation | Organisation | Country |\n|-----|------|-------------|--------------|---------|\n"
             "| **Chairperson** | | | | |\n| 1 | Prof Alan McKENZ | Professor of Law | Northbridge University | Australia |\n"
             "| **Panellists** | | | | |\n| 2 | Dato' Ts. Dr Amirul HAKIM | Chief Executive | Cyber Agency | Malaysia |\n"
             "| 3 | Ms TAN Mei Lin | Senior Director | Ministry of Digital Development | Singapore |\n")
    files = {
        "_2031-events/panel-ai.md": week_page("Panel on AI", "Wednesday, 15 October",
                                              "Wednesday, 15 October 2031  \n10:00am – 11:30am\n\nAbout AI.\n\n" + table),
        "_2031-events/fireside.md": week_page("Fireside Chat", "Thursday, 16 October",
                                              "**16 October 2031 (Thursday)**\n\n*Time: 2.00pm to 3.00pm (GMT +8)*\n\n"
                                              "| **Moderator** | Ms Priya SHARMAN, Senior Correspondent, The Straits Ledger |\n"
                                              "| **Speaker** | H.E. Ms Claire DUBOS, Ambassador for Digital Affairs, "
                                              "Ministry for Europe and Foreign Affairs, France |\n"),
        "_2031-events/insurance.md": week_page("Panel on Insurance", "Thursday, 16 October",
                                               '<div class="notification"><p><strong>This session has been cancelled.'
                                               '</strong></p></div>\n\n**16 October 2031 (Thursday)**\n\n**Moderator**\n\n'
                                               "- Mr Gareth HUGHS, Partner, Lloyd Row Risk, United Kingdom\n"),
        "_2030-events/opening.md": week_page("Opening", "Day 1: 14 October 2030",
                                             "**14 October 2030 (Tuesday)**\n\n**Guest-of-Honour**\n\n"
                                             "- Mrs Josephine LOWE, Minister for Digital Development, Singapore\n"),
    }
    found, seen = read(tmp_path, files)
    dates = {r["name"]: r["date"][:10] for r in seen.rows}
    assert dates["Alan McKenz"] == "2031-10-15" and dates["Priya Sharman"] == "2031-10-16"  # not 2030's year
    assert found[("Amirul Hakim", "Panel on AI")][:3] == ("panellist", "Chief Executive", "Cyber Agency")
    assert found[("Priya Sharman", "Fireside Chat")] == (
        "moderator", "Senior Correspondent", "The Straits Ledger", None)
    assert found[("Claire Dubos", "Fireside Chat")][0] == "speaker" and found[("Claire Dubos", "Fireside Chat")][3] == "FR"
    assert not any(k[1] == "Panel on Insurance" for k in found)  # cancelled
    assert found[("Josephine Lowe", "Opening")][0] == "guest-of-honour"
