"""Session 20 fidelity: what new-user trials of new shapes found — a Quarto site, an MkDocs Material site (content
tabs, admonitions, attribute lists, a speakers page of headings), a French Hugo programme published before its
event, lightning talks whose speakers print no organisation — each read with no profile (the draft)."""

from __future__ import annotations

from pathlib import Path

from conftest import drafted_preview, drafted_rows, rows_of as dry_rows, write_files as write

from ingest import agenda, times
from ingest.datafile import load as parse_data


def rows_of(seen) -> dict:
    return dry_rows(seen, dated=True)


def read(tmp_path: Path, files: dict) -> tuple[dict, str]:
    found, text, _ = drafted_rows(tmp_path, files, dated=True)
    return found, text


QUARTO_PROGRAMME = """---
title: "Programme 2031"
---

::: {.panel-tabset}

## Day 1 — 11 June 2031

| Time | Session | Speaker(s) | Room |
|------|---------|------------|------|
| 09:00 | Welcome | Dr. Kadri Tamm (Toompea Institute of Technology) | Main Hall |
| 09:20 | Keynote: Reproducible by default | Prof. Amara Okafor (Lagos Institute of Data Science) | Main Hall |
| 10:45 | Nowcasting regional GDP with {fable} | Liis Kask (Statistics Office) | Room A |
| 12:30 | Lunch | | Foyer |

:::
"""


def test_quarto_and_r_markdown_pages_are_markdown_pages(tmp_path: Path):
    found, _ = read(tmp_path, {"program/2031/index.qmd": QUARTO_PROGRAMME, "_quarto.yml": "website:\n  title: Reef R\n",
                               "about.rmd": "---\ntitle: About\n---\n\nA conference run by volunteers.\n"})
    assert found[("Amara Okafor", "Keynote: Reproducible by default")][:3] == (
        "keynote", None, "Lagos Institute of Data Science")
    assert found[("Liis Kask", "Nowcasting regional GDP with {fable}")][4] == "2031-06-11"


MKDOCS_PROGRAMME = """# Programme 2031

The final programme; small changes are announced on the day.

=== "Day 1 – 3 June 2031"

    | Time | Session | Speakers |
    |------|---------|----------|
    | 08:30 | :fontawesome-solid-mug-hot: Registration and coffee | |
    | 09:15 | **Opening remarks** | [Ingrid Solheim](speakers.md#ingrid-solheim) |
    | 09:45 | **Keynote:** Twenty years of ocean models | [Dr. Adaeze Okonkwo](speakers.md#adaeze-okonkwo) |
    | 11:15 | Kelpie 3.0: what changed and why | [Lucas Ferreira](speakers.md#lucas-ferreira) |
    | 12:30 | :fontawesome-solid-utensils: Lunch | |

    !!! info "Keynote"
        **Twenty years of ocean models**<br>
        :material-account: [Dr. Adaeze Okonkwo](speakers.md#adaeze-okonkwo)

=== "Day 2 – 4 June 2031"

    | Time | Session | Speakers |
    |------|---------|----------|
    | 09:30 | Packaging Kelpie for HPC centres { #hpc } | [Anna Lindqvist](speakers.md#anna-lindqvist) |
    | 10:00 | Closing remarks | [Ingrid Solheim](speakers.md#ingrid-solheim) |
"""

MKDOCS_SPEAKERS = """# Speakers 2031

### Ingrid Solheim

![Portrait of Ingrid Solheim](../img/solheim.jpg){ .speaker-photo align=left loading=lazy }

**Senior Research Engineer, Arctic Ocean Data Centre (Norway)**
{ .speaker-affiliation }

Ingrid chairs the steering council and has maintained the model's I/O layer since its first release.

### Adaeze Okonkwo

**Director of Scientific Computing, West African Climate Services Centre (Nigeria)**

Adaeze leads the team that runs the Centre's operational forecasts.

### Lucas Ferreira

**Core Maintainer, Kelpie Project (Brazil)**

Lucas wrote most of the 3.0 release.

### Anna Lindqvist

**HPC Application Specialist, Nordic Compute Facility (Sweden)**

Anna packages scientific software for three national centres.
"""

MKDOCS_YML = """site_name: Kelpie Community Meeting
nav:
  - Home: index.md
  - "2031": 2031/programme.md
markdown_extensions:
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
plugins:
  - privacy:
      enabled: !ENV [CI, false]
"""


def test_an_mkdocs_material_programme_in_content_tabs_with_a_speakers_page_of_headings(tmp_path: Path):
    found, text = read(tmp_path, {"docs/2031/programme.md": MKDOCS_PROGRAMME, "docs/2031/speakers.md": MKDOCS_SPEAKERS,
                                  "docs/index.md": "# Kelpie Community Meeting\n\nOur yearly meeting.\n",
                                  "mkdocs.yml": MKDOCS_YML})
    assert 'series = "kelpie-community-meeting"' in text  # the site's name from mkdocs.yml, its tags no error
    assert found[("Ingrid Solheim", "Opening remarks")] == (
        "remarks", "Senior Research Engineer", "Arctic Ocean Data Centre", "NO", "2031-06-03")
    assert found[("Adaeze Okonkwo", "Keynote: Twenty years of ocean models")][:4] == (
        "keynote", "Director of Scientific Computing", "West African Climate Services Centre", "NG")
    assert found[("Anna Lindqvist", "Packaging Kelpie for HPC centres")][1:] == (
        "HPC Application Specialist", "Nordic Compute Facility", "SE", "2031-06-04")
    assert not any("{" in session or ":" in name for name, session in found)  # no attribute list, no icon left


def test_mkdocs_tags_are_dropped_only_in_mkdocs_yml(tmp_path: Path):
    import pytest

    from graph.errors import IngestError

    assert parse_data("mkdocs.yml", MKDOCS_YML)["site_name"] == "Kelpie Community Meeting"
    with pytest.raises(IngestError):
        parse_data("_data/speakers.yml", "- name: !!python/name:os.system\n")


LIGHTNING = """---
title: Lightning Talks
date: 2031-09-15
time: "3:30pm"
room: Main Hall
---

Thanks to everyone who signed up on the day!

- **My First PR to CPython** — Hye-jin Park (Lumen Robotics)
- **Please Stop Pickling Things** — Rahul Menon
- **Cooking with itertools** — Daniel Achterberg (Noordzee Data)
"""

LIGHTNING_2 = """---
title: "Lightning Talks"
date: 2032-09-09 16:00
room: Hall A
category: lightning-talks
---

This year's line-up:

- **I Rewrote My Thermostat in MicroPython** — Samuel Osei
- **Ten Seconds of pytest Fixtures** — Grace Liu (Orbitline)
"""


def test_a_lightning_talk_whose_speaker_prints_no_organisation_among_those_that_do(tmp_path: Path):
    found, _ = read(tmp_path, {"_talks/2031-lightning.md": LIGHTNING, "_schedule/lightning.md": LIGHTNING_2})
    assert found[("Rahul Menon", "Please Stop Pickling Things")][:3] == ("speaker", None, None)
    assert found[("Hye-jin Park", "My First PR to CPython")][2] == "Lumen Robotics"
    assert found[("Samuel Osei", "I Rewrote My Thermostat in MicroPython")][:3] == ("speaker", None, None)


def test_a_list_of_names_alone_is_no_list_of_talks(tmp_path: Path):
    page = "---\ntitle: Organisers\ndate: 2031-01-01\n---\n\n- **Programme** — Ann Lee\n- **Venue** — Bo Chan\n"
    found, _ = read(tmp_path, {"organisers.md": page, "talk.md": LIGHTNING})
    assert not any(session in ("Programme", "Venue") for _, session in found)


FRENCH = """---
title: "Programme 2031"
date: 2031-02-12T10:00:00+01:00
---

*Programme définitif au 22 mars 2031.*

## Mardi 1er avril 2031

### 9h15 – 9h45 · Plénière d'ouverture

Animée par **Mme Claire Aubertin**, journaliste, *Le Courrier numérique*

## Mercredi 2 avril 2031

### 11h00 – 12h15 · Table ronde : Les collectivités face aux rançongiciels

Intervenants :

- **M. Hervé Le Bihan**, Directeur des systèmes d'information, Nantes Métropole
"""


FRONT_MATTER_PROFILE = """[site]
series = "forum"
honorifics = ["M."]
[[parts]]
files = "content/**/*.md"
reader = "frontmatter"
sessions = "content/**/*.md"
body_people = true
session_levels = [3]
start = "date"
"""


def test_day_headings_of_a_programme_published_before_its_event_date_its_sessions(tmp_path: Path):
    from ingest.loader import site_for
    from ingest.preview import preview

    root = write(tmp_path / "site", {"content/2031/programme.md": FRENCH, "speakergraph.toml": FRONT_MATTER_PROFILE})
    found = rows_of(preview(site_for(root), sample=0))
    assert found[("Claire Aubertin", "Plénière d'ouverture")][4] == "2031-04-01"
    assert found[("Hervé Le Bihan", "Table ronde : Les collectivités face aux rançongiciels")][4] \
        == "2031-04-02"
    assert times.parse_date("Mardi 1er avril 2031").isoformat() == "2031-04-01"


def test_a_name_its_organisation_and_a_country_in_brackets():
    assert agenda.brief(agenda.person("Ingrid Solheim, Arctic Ocean Data Centre (Norway)")) == (
        "Ingrid Solheim", [(None, "Arctic Ocean Data Centre (Norway)")])
    assert agenda.brief(agenda.person("Ruiz, Ana (México)")) == ("Ruiz, Ana", [(None, "México")])


SPHINX_SCHEDULE = """:orphan:

.. |organisers| replace:: Henrike Vogt and Tomás Albuquerque

=============
Schedule 2031
=============

.. toctree::
   :hidden:

   speakers

Monday, May 5, 2031
===================

.. list-table::
   :header-rows: 1

   * - Time
     - Talk
     - Speaker
   * - 09:15
     - Welcome and opening
     - |organisers|
   * - 09:30
     - **Keynote:** :ref:`Docs as a Promise <talk-promise>`
     - Amara Okonkwo (Lindholmen Institute)
   * - 10:10
     - :ref:`The Changelog Nobody Reads <talk-changelog>`
     - Priya Raghunathan (Kestrel Payments)
   * - 10:40
     - Coffee break
     -
"""


def test_a_sphinx_sites_restructuredtext_schedule(tmp_path: Path):
    found, _ = read(tmp_path, {"conf/2031/schedule.rst": SPHINX_SCHEDULE, "conf.py": "project = 'Docs Days'\n",
                               "index.rst": "Docs Days\n=========\n\nA conference about documentation.\n"})
    assert found[("Amara Okonkwo", "Keynote: Docs as a Promise")][:3] == ("keynote", None, "Lindholmen Institute")
    assert found[("Priya Raghunathan", "The Changelog Nobody Reads")][2:] == ("Kestrel Payments", None, "2031-05-05")
    assert found[("Henrike Vogt", "Welcome and opening")][0] == "remarks"  # the page's own substitution


def test_restructuredtext_rows_keep_their_source_lines(tmp_path: Path):
    from ingest.loader import site_for
    from ingest.preview import preview

    root = write(tmp_path / "site", {"conf/2031/schedule.rst": SPHINX_SCHEDULE})
    seen = preview(site_for(root), sample=0)
    where = {r["name"]: r["where"] for r in seen.rows}
    assert where["Priya Raghunathan"].startswith("conf/2031/schedule.rst:")
    line = int(where["Henrike Vogt"].rsplit(":", 1)[1])
    assert SPHINX_SCHEDULE.split("\n")[line - 1].strip() == "- |organisers|"  # the cell that prints them
    line = int(where["Priya Raghunathan"].rsplit(":", 1)[1])
    assert SPHINX_SCHEDULE.split("\n")[line - 1].strip() == "- Priya Raghunathan (Kestrel Payments)"


def test_broken_restructuredtext_is_reported_with_its_file(tmp_path: Path):
    from ingest.read import parse_document

    doc = parse_document("a.rst", "Title\n=====\n\n.. list-table::\n\n   * - 1\n   * - 2\n     - x\n".encode())
    assert doc.body.lstrip().startswith("<")  # docutils' own errors are kept out of the text, the rest renders


PANDOC_GRID = """# Programme 2031 {#programme .unnumbered}

## Day 1 -- Tuesday, 14 October 2031 {#day-1}

+-----------------+------------------------------------------------------+
| Time            | Session                                              |
+=================+======================================================+
| 09:00 -- 09:30  | **Opening Session**\\                                 |
|                 | Remarks by Dr. Ana Lima, Director, Regional          |
|                 | Cyber Centre                                         |
+-----------------+------------------------------------------------------+
| 14:30 -- 16:00  | [Parallel sessions]{.underline}                      |
+-----------------+------------------------------------------------------+
"""


def test_a_pandoc_grid_table_keeps_its_columns_when_a_cell_holds_attributes(tmp_path: Path):
    from ingest.markdown import prepare

    text, _ = prepare(PANDOC_GRID)
    assert "<table" in text and "{.underline}" not in text.replace("\n", " ").split("<table")[0]


def forum_page(title: str, when: str, stamp: str, body: str) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | Open Net Forum</title></head><body>
<header><nav><ul><li><a href="../index.html">Home</a></li><li><a href="../about.html">About</a></li></ul></nav></header>
<main><h1 class="page-title">{title}</h1>
<article class="node node--type-session">
<div class="field"><div class="field__label">Session type</div><div class="field__item">Workshop</div></div>
<div class="field"><div class="field__label">Date and time</div>
<div class="field__item"><time datetime="{stamp}">{when}</time> · <span>Room 3</span></div></div>
<div class="field"><div class="field__label">Organisers</div><div class="field__item">Open Net Secretariat</div></div>
<div class="field field--name-body"><h3>Session description</h3>
<p>Professor Hannah Lindqvist's study of rural networks frames this discussion.</p>
{body}</div></article></main>
<footer><p>Open Net Forum · Secretariat</p></footer></body></html>"""


FORUM = {
    "2031/workshop-12-last-mile.html": forum_page(
        "Workshop #12: Community Networks and the Last Mile", "Tuesday, 17 June 2031 · 10:30–11:45 CEST",
        "2031-06-17T08:30:00Z", """<h3>Speakers</h3><ul>
<li>Amina Diallo, Rhizome Connect Foundation, Civil Society, African Group</li>
<li>Carlos Quispe Mamani, Andean Rural Telecom Cooperative, Private Sector, Latin American and Caribbean Group (GRULAC)</li>
</ul>
<p>Onsite Moderator: Grace Achieng, Rhizome Connect Foundation</p>
<p>Online Moderator: Tariq Hassan</p>
<p>Rapporteur: Sofia Lindgren, Rhizome Connect Foundation</p>"""),
    "2031/main-session-wsis.html": forum_page(
        "Main Session: The Multistakeholder Model after WSIS+20", "Wednesday, 18 June 2031 · 10:00–11:30 CEST",
        "2031-06-18T08:00:00Z", """<p><strong>Co-moderators:</strong> Jonas Berg (Nordic Internet Society) and
Aiko Nakamura (Asia Pacific Network Policy Institute)</p>
<h3>Speakers</h3><ul>
<li>Olena Kravchenko, Ministry of Digital Transformation of Ukraine, Government, Eastern European Group</li>
<li>Friederike Lang, Rheinwerk Telecom AG, Private Sector, Western European and Others Group (WEOG)</li>
</ul>"""),
    "2031/lightning-talk-9-shutdowns.html": forum_page(
        "Lightning Talk #9: Mapping Internet Shutdowns", "Thursday, 19 June 2031 · 12:30–12:50 CEST",
        "2031-06-19T10:30:00Z", """<h3>Speaker</h3><ul>
<li>Farah Siddiqui, Open Measurement Collective, Technical Community, Asia-Pacific Group</li></ul>"""),
    "about.html": "<html><head><title>About | Open Net Forum</title></head><body><main><h1>About</h1>"
                  "<p>The forum is run by a secretariat of five people.</p></main></body></html>",
}


def test_a_forums_session_pages_each_read_as_its_session(tmp_path: Path):
    found, text = read(tmp_path, FORUM)
    assert 'reader = "programme"' in text
    workshop = "Workshop #12: Community Networks and the Last Mile"
    assert found[("Amina Diallo", workshop)][:3] == ("speaker", None, "Rhizome Connect Foundation")
    assert found[("Carlos Quispe Mamani", workshop)][2] == "Andean Rural Telecom Cooperative"  # no group in it
    assert found[("Grace Achieng", workshop)][0] == "moderator"
    assert found[("Tariq Hassan", workshop)][:3] == ("moderator", None, None)
    assert found[("Sofia Lindgren", workshop)][0] == "other"  # a rapporteur
    main = "Main Session: The Multistakeholder Model after WSIS+20"
    assert found[("Olena Kravchenko", main)] == (
        "speaker", None, "Ministry of Digital Transformation of Ukraine", "UA", "2031-06-18")
    assert found[("Aiko Nakamura", main)][0] == "moderator"
    assert ("Hannah Lindqvist", workshop) not in found and not any(s == "Session description" for _, s in found)


def test_a_card_pages_labelled_lines_beside_its_cards(tmp_path: Path):
    cards = "".join(f'<div class="speaker-row"><h4>{n}</h4><p>{o}</p></div>'
                    for n, o in [("Amina Diallo", "Rhizome Connect Foundation"), ("Kenji Morita", "Tokai Lab"),
                                 ("Helen Obi", "Lagos Data Trust")])
    pages = {f"20{y}/workshop-{y}.html": forum_page(f"Workshop {y}: Digital Inclusion", f"Tuesday, 17 June 20{y}",
                                                     f"20{y}-06-17T08:30:00Z", f"<h3>Speakers</h3>{cards}"
                                                     "<p>Onsite Moderator: Anna Kowalczyk, Silver Surfers Poland</p>")
             for y in (30, 31)}
    found, _ = read(tmp_path, pages)
    assert found[("Anna Kowalczyk", "Workshop 31: Digital Inclusion")][:3] == (
        "moderator", None, "Silver Surfers Poland")


def tank_page(title: str, hero: str, body: str) -> str:
    return f"""<!DOCTYPE html><html><head><title>{title} - Halden Institute</title></head><body>
<header class="site-header"><nav><ul><li><a href="/events/">Events</a></li><li><a href="/experts/">Experts</a></li></ul></nav></header>
<main id="primary" class="site-main"><article class="hi_event">
<header class="entry-header event-header"><h1 class="entry-title">{title}</h1>{hero}</header>
<div class="entry-content">{body}</div></article>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Topics</h2>
<ul><li><a href="/topics/latin-america/">Latin America</a></li><li><a href="/topics/trade/">Trade</a></li></ul></section></aside>
</main></body></html>"""


def card(name: str, job: str, org: str) -> str:
    return (f'<div class="speaker-card__body"><h4>{name}</h4><p class="speaker-card__title">{job}</p>'
            f'<p class="speaker-card__org">{org}</p></div>')


THINK_TANK = {
    "events/2030/alliances/index.html": tank_page(
        "Alliances Under Strain", '<p class="event-meta__date"><time datetime="2030-03-14">Thursday, March 14, 2030 '
        "| 10:00 – 11:30 am EDT</time></p>", "<h3>Featured Speakers</h3>" + card("Dr. Akiko Tanabe", "Professor",
                                                                              "Kansai University")
        + card("Sofia Brandt", "Senior Fellow", "Halden Institute") + card("Tom Reyes", "Editor", "Pacific Review")),
    "events/2030/outlook/index.html": tank_page(
        "The World in 2031", '<p class="event-meta__date"><time datetime="2030-12-11">Wednesday, December 11, 2030 '
        "| 9:00 – 10:30 am EST</time></p>", "<h3>Speakers</h3>" + card("Eleanor Vance", "President", "Halden Institute")
        + card("Marcus Whitfield", "Director", "Europe Program") + card("Ana Lopes", "Fellow", "Lisbon Forum")),
    "events/2031/chips/index.html": tank_page(
        "Chips, Controls and Competition", '<div class="hi-event-hero__when">Wednesday, September 17, 2031 | 11:00 am '
        "– 12:30 pm EDT</div>", "<h3>Panelists</h3>" + card("Ravi Mehta", "Partner", "Lin & Feld LLP")
        + card("Helen Marsh", "Fellow", "Halden Institute") + card("Jo Moreau", "Analyst", "Chip Watch")),
    "events/2031/trade/index.html": tank_page(
        "Latin America’s New Trade Geometry", '<div class="hi-event-hero__details"><div class="hi-event-hero__when">'
        'Wednesday, November 5, 2031 | 10:00 – 11:30 am EST</div><div class="hi-event-hero__where">Halden Institute, '
        "1620 Rhode Island Avenue NW, Washington, DC</div></div>",
        "<p>Our panel looks at how Chile, Brazil and Peru are positioning themselves.</p><h3>Speakers</h3>"
        "<p>Valentina Ríos, Vice Minister of Trade, Ministry of Foreign Affairs of Chile<br>Eduardo Siqueira, Chief "
        "Economist, Itapoã Capital</p><p>Moderated by Daniel Osei, Senior Fellow, Halden Institute</p>"),
    "events/2031/flank/index.html": tank_page(
        "Europe’s Eastern Flank", '<div class="hi-event-hero__details"><div class="hi-event-hero__when">Thursday, June 5, '
        "2031 | 10:00 – 11:30 am EDT</div></div>", "<h3>Roundtable Participants</h3><ul><li>Kristjan Ilves, Chair, "
        "Foreign Affairs Committee, Riigikogu, Estonia</li><li>Mihai Popescu, Senator, Parliament of Romania</li></ul>"),
    "events/2031/ashford/index.html": tank_page(
        "A Keynote Conversation with Gen. Raymond K. Ashford (Ret.)", '<div class="hi-event-hero__details"><div '
        'class="hi-event-hero__when">Wednesday, April 23, 2031 | 5:30 – 6:45 pm EDT</div></div>',
        "<p>Join us for a conversation with General Raymond K. Ashford, who retired last year after three decades in "
        "uniform, most recently as head of U.S. Indo-Pacific Command.</p>"),
    "experts/index.html": tank_page("Our Experts", "", card("Eleanor Vance", "President", "Halden Institute")
                                    + card("Wen Zhao", "Fellow", "Halden Institute")
                                    + card("Grace Okafor", "Fellow", "Halden Institute")),
    "events/index.html": tank_page("Events", "", "".join(
        f'<article class="card"><span>Wednesday, April 23, 2031</span><h2><a href="/events/{p}/">{t}</a></h2></article>'
        for p, t in [("2031/trade", "Latin America’s New Trade Geometry"), ("2031/flank", "Europe’s Eastern Flank"),
                     ("2031/ashford", "A Keynote Conversation with Gen. Raymond K. Ashford (Ret.)")])),
}


def test_a_think_tanks_event_pages_of_two_templates(tmp_path: Path):
    found, text = read(tmp_path, THINK_TANK)
    assert found[("Akiko Tanabe", "Alliances Under Strain")][1:] == ("Professor", "Kansai University", None, "2030-03-14")
    assert found[("Ravi Mehta", "Chips, Controls and Competition")][4] == "2031-09-17"  # the other template's date
    trade = "Latin America’s New Trade Geometry"
    assert found[("Valentina Ríos", trade)] == (
        "speaker", "Vice Minister of Trade", "Ministry of Foreign Affairs of Chile", "CL", "2031-11-05")
    assert found[("Daniel Osei", trade)][0] == "moderator"
    assert found[("Mihai Popescu", "Europe’s Eastern Flank")][4] == "2031-06-05"
    ashford = found[("Raymond K. Ashford", "A Keynote Conversation with Gen. Raymond K. Ashford (Ret.)")]
    assert ashford[1] is None and ashford[4] == "2031-04-23"  # "who retired …" is no job title
    assert not any(name in ("Wen Zhao", "Grace Okafor", "Latin America") for name, _ in found)  # staff, a sidebar
    assert not any(session == "Events" for _, session in found)


GERMAN_TABLE = """<!DOCTYPE html><html lang="de"><head><title>Programm 2030 | Forum Cybersicherheitspolitik</title></head>
<body><main><h1>Programm</h1><h2>Donnerstag, 12. September 2030</h2>
<table class="programm"><thead><tr><th>Uhrzeit</th><th>Programmpunkt</th></tr></thead><tbody>
<tr><td>09:30 Uhr</td><td><strong>Begrüßung</strong><br>Dr. Henrike Albers-Wendt, Vorstandsvorsitzende, Forum Digitale Sicherheit e.V.</td></tr>
<tr><td>10:00 – 10:45 Uhr</td><td><strong>Keynote</strong><br>„Cyberresilienz als Staatsaufgabe“<br>Claudia Reinholz, Präsidentin, Bundesamt für Sicherheit in der Informationstechnik</td></tr>
<tr><td>13:45 – 15:15 Uhr</td><td><strong>Fachforum A</strong> (Saal Spree)<br>„Cyberdiplomatie und Normen im Cyberraum“<br><em>Moderation:</em> Dr. Jonas Feldhaus, Leiter Cyber-Außenpolitik, Auswärtiges Amt</td></tr>
<tr><td>13:45 – 15:15 Uhr</td><td><strong>Fachforum B</strong> (Saal Havel)<br>„Lagebild und Abwehr“<br><em>Moderation:</em> Stefanie Quandt, Redakteurin, Fachdienst Sicherheit</td></tr>
</tbody></table></main></body></html>"""

GERMAN_DL = """<!DOCTYPE html><html lang="de"><head><title>Programm 2031 | Forum Cybersicherheitspolitik</title></head>
<body><main><h1>Programm</h1><h2>Mittwoch, 17. September 2031</h2>
<dl class="programm">
<dt>14:30 – 15:15 Uhr</dt>
<dd><span class="format">Keynote</span><h3>„Cyber-Außenpolitik in unsicheren Zeiten“</h3>
<p class="person">Dr. Jonas Feldhaus, Sonderbeauftragter für Cyber-Außenpolitik, Auswärtiges Amt</p></dd>
<dt>15:15 – 16:30 Uhr</dt>
<dd><span class="format">Podiumsdiskussion</span><h3>„Wehrhafte Demokratie im digitalen Raum“</h3>
<p><strong>Moderation:</strong> Jan-Ole Petersen, Journalist</p></dd>
</dl></main></body></html>"""


def test_a_german_programmes_kind_over_its_quoted_title(tmp_path: Path):
    found, _ = read(tmp_path, {"2030/programm.html": GERMAN_TABLE, "2031/programm.html": GERMAN_DL})
    assert found[("Claudia Reinholz", "Keynote: Cyberresilienz als Staatsaufgabe")][:3] == (
        "keynote", "Präsidentin", "Bundesamt für Sicherheit in der Informationstechnik")
    assert found[("Jonas Feldhaus", "Fachforum A: Cyberdiplomatie und Normen im Cyberraum")][0] == "moderator"
    assert found[("Stefanie Quandt", "Fachforum B: Lagebild und Abwehr")][0] == "moderator"
    dl = {session: role for (name, session), (role, *_) in found.items() if name in ("Jonas Feldhaus", "Jan-Ole Petersen")}
    assert any("Cyber-Außenpolitik in unsicheren Zeiten" in s and r == "keynote" for s, r in dl.items())
    assert any("Wehrhafte Demokratie im digitalen Raum" in s and r == "moderator" for s, r in dl.items())


def test_a_cards_biography_sentence_is_no_position():
    from selectolax.lexbor import LexborHTMLParser

    from ingest.cards import Options, _card_positions

    node = LexborHTMLParser('<div class="c"><h3>Jan-Ole Petersen</h3><p>Sicherheitsforscher</p><p>Jan-Ole '
                            "Petersen moderiert seit über zehn Jahren sicherheitspolitische Fachveranstaltungen.</p>"
                            "</div>").css_first("div")
    positions, _ = _card_positions(node, Options(card="div.c", name="h3", position="p"))
    assert [(p.title, p.organisation) for p in positions] == [("Sicherheitsforscher", None)]


FRENCH_PROGRAMME = """---
title: "Programme {year}"
date: {year}-02-12T10:00:00+01:00
---

## Mardi 1er avril {year}

### 9h15 – 9h45 · Plénière d'ouverture

- Mot d'accueil de **M. Yannick Le Goff**, Président, Association Cyber Atlantique
- Discours de clôture de **Mme Véronique Lambert**, Directrice, Agence régionale du numérique
- En présence de **Mme Isabelle Kerjean**, Présidente de Nantes Métropole

### 9h45 – 10h30 · Keynote : « Cyber-résilience »

**Général Thierry Montagne**, Commandant de la cyberdéfense, Ministère des Armées

### 11h00 – 12h15 · Table ronde : Les collectivités face aux rançongiciels

Animée par **Mme Claire Aubertin**, journaliste, *Le Courrier numérique*

| Intervenant | Fonction |
|---|---|
| M. Benoît Carré | Président-directeur général, Armor Logistique |
| M. Moussa Diallo | Fondateur, SecuriNova |

### 14h00 – 15h00 · Sessions parallèles

#### Salle Loire — Conférence : La menace cyber en mer

**Dr Ingrid Solberg**, Chercheuse senior, Centre de résilience maritime (Norvège)
"""


def test_a_french_programme_of_ceremonies_keynotes_round_tables_and_parallel_rooms(tmp_path: Path):
    found, text = read(tmp_path, {f"content/{y}/programme.md": FRENCH_PROGRAMME.replace("{year}", str(y))
                                  for y in (2030, 2031)} | {"content/a-propos.md": "---\ntitle: À propos\n---\n\nLe forum.\n"})
    assert "session_levels = [3, 4]" in text
    assert found[("Yannick Le Goff", "Plénière d'ouverture")][:3] == (
        "remarks", "Président", "Association Cyber Atlantique")
    assert found[("Véronique Lambert", "Plénière d'ouverture")][0] == "remarks"
    assert found[("Isabelle Kerjean", "Plénière d'ouverture")][0] == "guest-of-honour"
    assert found[("Thierry Montagne", "Keynote : « Cyber-résilience »")][:3] == (
        "keynote", "Commandant de la cyberdéfense", "Ministère des Armées")
    panel = "Table ronde : Les collectivités face aux rançongiciels"
    assert found[("Claire Aubertin", panel)][0] == "moderator"
    assert found[("Benoît Carré", panel)][:3] == ("panellist", "Président-directeur général", "Armor Logistique")
    assert found[("Ingrid Solberg", "Salle Loire — Conférence : La menace cyber en mer")][3:] == ("NO", "2031-04-01")


QUARTO_TALK = """---
title: "Nowcasting regional GDP with {fable}"
author:
  - name: Liis Kask
    affiliation: Statistics Office
date: 2031-06-11
---

Liis shows how her office nowcasts regional output.
"""


def test_a_programme_row_linking_its_talks_page_is_that_talks_session(tmp_path: Path):
    import pyoxigraph as ox

    from graph.results import table
    from graph.store import open_store
    from ingest.loader import ingest, site_for

    programme = QUARTO_PROGRAMME.replace("| Nowcasting regional GDP with {fable} |",
                                         "| [Nowcasting regional GDP with {fable}](../../talks/2031/gdp.md) |")
    root = write(tmp_path / "site", {"program/2031/index.md": programme, "talks/2031/gdp.md": QUARTO_TALK,
                                     "talks/2031/other.md": QUARTO_TALK.replace("Nowcasting regional GDP with {fable}",
                                                                                "Seals on camera")})
    store = open_store(None)
    ingest(store, [site_for(root)])
    q = ("PREFIX schema: <https://schema.org/> PREFIX sg: <https://w3id.org/speakergraph/vocab#> "
         "SELECT DISTINCT ?s WHERE { ?s a sg:Session ; schema:name ?t . FILTER(?t = ?_t) }")
    sessions = table(store.query(q, {ox.Variable("_t"): ox.Literal("Nowcasting regional GDP with {fable}")})).rows
    assert len(sessions) == 1  # the programme's row and the talk's own page: one session


WORKSHOP = """<!DOCTYPE html><html><head><title>NormSec 2031 – Programme</title></head><body>
<div id="content"><h2>Programme</h2>
<p><strong>Thursday, 25 September 2031</strong> &middot; Moot Court Room, Faculty of Law and Governance</p>
<table class="program">
<tr class="break"><td class="time">08:30&ndash;09:00</td><td colspan="2">Registration and coffee</td></tr>
<tr><td class="time">09:00&ndash;09:15</td>
<td colspan="2"><span class="session-title">Opening Remarks</span><br>
General Chairs: Prof. Ingrid Vos (Rhine-Meuse University) and Dr. Tomasz Wierzbicki (Warsaw Institute)</td></tr>
<tr><td class="time">09:15&ndash;10:15</td>
<td colspan="2"><span class="session-title">Keynote: Norms for Machines? AI-Enabled Cyber Operations and the Limits of the Framework</span><br>
Dr. Catalina Restrepo, Senior Researcher, Bogotá Centre for Technology and Society, Colombia</td></tr>
<tr><td class="time">10:15&ndash;11:00</td>
<td colspan="2"><span class="session-title">Keynote: Restraint as Infrastructure &ndash; What States Do When Nobody Is Watching</span><br>
Dr. Adaeze Okonkwo, Director, Lagos Centre for Digital Policy, Nigeria</td></tr>
<tr><td class="time">11:00&ndash;12:20</td>
<td class="track"><span class="session-title">Session 1A: Ransomware and State Responsibility</span><br>
<span class="chair">Chair: Dr. Hana Kobayashi, Kansai Graduate School of Policy</span></td>
<td class="track"><span class="session-title">Session 1B: Measuring Compliance</span><br>
<span class="chair">Chair: Daniel Osei, Accra Institute of Technology</span></td></tr>
</table></div></body></html>"""


def test_an_academic_workshops_programme_table(tmp_path: Path):
    found, _ = read(tmp_path, {"2031/program.html": WORKSHOP})
    assert found[("Ingrid Vos", "Opening Remarks")][:3] == ("remarks", None, "Rhine-Meuse University")
    assert found[("Catalina Restrepo", "Keynote: Norms for Machines? AI-Enabled Cyber Operations and the Limits of "
                                       "the Framework")][0] == "keynote"
    assert found[("Adaeze Okonkwo", "Keynote: Restraint as Infrastructure – What States Do When Nobody Is Watching")][
        :3] == ("keynote", "Director", "Lagos Centre for Digital Policy")
    assert found[("Hana Kobayashi", "Session 1A: Ransomware and State Responsibility")][0] == "moderator"
    assert found[("Daniel Osei", "Session 1B: Measuring Compliance")][:3] == (
        "moderator", None, "Accra Institute of Technology")  # the second track of the row
    assert all(name != "Moot Court Room" for name, _ in found)
    assert {v[4] for v in found.values()} == {"2031-09-25"}


MKDOCS_DETAILS = """# Programme 2031

=== "Day 1 – 3 June 2031"

    | Time | Session | Speakers |
    |------|---------|----------|
    | 09:45 | **Keynote:** Twenty years of ocean models and their code | Dr. Adaeze Okonkwo, Director, Climate Services Centre |
    | 13:30 | **Panel:** Who pays for research software? Funding models after the grant | Moderator: Dr. Sophie Marchand |

    !!! info "Keynote"
        **Twenty years of ocean models and their code**<br>
        :material-account: Dr. Adaeze Okonkwo, Director, Climate Services Centre

    ### Panel: Who pays for research software? { #funding-panel }

    :fontawesome-solid-clock: 13:30–15:00 &nbsp; :fontawesome-solid-location-dot: Aurora Hall

    **Moderator:** Dr. Sophie Marchand, Fondation pour la Science Ouverte

    **Panellists**

    <div class="grid cards" markdown>

    - :material-account: **Prof. Kwame Mensah** — Professor of Hydrology, Coastal Sciences University
    - :material-account: **Jonas Becker** — Founder, Becker & Lange Software GmbH

    </div>

    ### Lightning talks

    1. **Kelpie in the classroom** — Chloé Dubois, *Lycée Maritime de Brest* (France)
    2. **A Kelpie plugin for tide gauges** — Tomás Ortega, *Instituto Costero del Plata* (Argentina)
"""


def test_a_programme_tables_sessions_printed_again_in_details_below_it(tmp_path: Path):
    found, _ = read(tmp_path, {"docs/2031/programme.md": MKDOCS_DETAILS, "mkdocs.yml": MKDOCS_YML})
    panel = "Panel: Who pays for research software? Funding models after the grant"
    assert {name for name, session in found if session == panel} == {"Sophie Marchand", "Kwame Mensah", "Jonas Becker"}
    assert found[("Kwame Mensah", panel)][:3] == ("panellist", "Professor of Hydrology", "Coastal Sciences University")
    assert [s for name, s in found if name == "Adaeze Okonkwo"] == ["Keynote: Twenty years of ocean models and their code"]
    assert found[("Chloé Dubois", "Kelpie in the classroom")][:4] == ("speaker", None, "Lycée Maritime de Brest", "FR")


README_AGENDA = """# Kestrel Con {year}

**Saturday, 13 September {year}** · Rotterdam

| Time | Talk | Speaker | Slides |
|------|------|---------|--------|
| 09:30 | Opening | [Kertu Saar](https://github.com/ksaar) | |
| 10:00 | Keynote: Patch Tuesday forever | [Dr. Amara Okafor](https://github.com/amaraokafor) (@amaraokafor, Veldtline Security) | [pdf](slides/k.pdf) |
| 11:00 | Fuzzing firmware on a budget | [Ann Lee](https://github.com/annlee) (@annlee, Quillstack) & [Rafael Moreno](https://github.com/rmoreno) | |
| 12:00 | Lunch | | |
"""


def test_a_repository_of_readmes_each_years_agenda(tmp_path: Path):
    found, text = read(tmp_path, {"README.md": "# Kestrel Con\n\nA small conference. See [2030](2030/) and [2031](2031/).\n",
                                  **{f"{y}/README.md": README_AGENDA.replace("{year}", str(y)) for y in (2030, 2031)},
                                  "CODE_OF_CONDUCT.md": "# Code of conduct\n\nBe kind.\n"})
    assert "2031/README.md" not in text.split("exclude", 1)[-1].split("\n")[0]
    assert found[("Amara Okafor", "Keynote: Patch Tuesday forever")][:3] == ("keynote", None, "Veldtline Security")
    assert found[("Ann Lee", "Fuzzing firmware on a budget")][2] == "Quillstack"  # no handle in it


NOTION_CSV = """Name,Date,Time,Type,Speakers,Moderator,Room
Opening remarks,"May 14, 2031",9:30 AM – 10:00 AM,Remarks,Sophie Laurent,,Plenary Hall
Financing Adaptation in Shared Basins,"May 14, 2031",11:15 AM – 12:30 PM,Panel,"Amara Okafor, Samuel Mensah",Ingrid Halvorsen,Plenary Hall
Keynote: The Economics of Scarcity,"May 14, 2031",10:00 AM – 10:45 AM,Keynote,Prof. Lukas Brenner,,Plenary Hall
"""


def notion_page(title: str, kind: str, speakers: str, moderator: str = "") -> str:
    more = f"Moderator: {moderator}\n" if moderator else ""
    return (f"# {title}\n\nDate: May 14, 2031 11:15 AM (GMT+2)\nType: {kind}\nSpeakers: {speakers}\n{more}"
            "Room: Plenary Hall\n\nA session of the forum.\n")


def test_a_notion_export_read_from_its_database_once(tmp_path: Path):
    pages = {f"Forum/Sessions 2031 9a8b/{t} 1a2b.md": notion_page(t, k, sp, mo) for t, k, sp, mo in [
        ("Opening remarks", "Remarks", "Sophie Laurent (../People%2077aa/Sophie%20Laurent%20c3d4.md)", ""),
        ("Financing Adaptation in Shared Basins", "Panel", "Amara Okafor, Samuel Mensah", "Ingrid Halvorsen"),
        ("Keynote The Economics of Scarcity", "Keynote", "Prof. Lukas Brenner", "")]}
    root = write(tmp_path / "site", {"Forum/Sessions 2031 9a8b.csv": NOTION_CSV, **pages,
                                     "Forum/Agenda 2031 5708.md": "# Agenda 2031\n\nAll times are CEST.\n"})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    panel = [r for r in seen.rows if r["session"] == "Financing Adaptation in Shared Basins"]
    assert len(panel) == 3  # the database's row, not its page too
    assert {r["name"]: r["role"] for r in panel}["Ingrid Halvorsen"] == "moderator"


def test_a_linked_name_and_a_property_line_are_no_position():
    from ingest.html_page import Line
    from ingest.programme_sessions import people_of

    assert agenda.without_handles("Sophie Laurent (../People%2077aa/Sophie%20Laurent%20c3d4.md)") == "Sophie Laurent"
    [person] = people_of([Line("Speakers: Prof. Lukas Brenner"), Line("Room: Plenary Hall")], None)
    assert person.name == "Prof. Lukas Brenner" and person.positions == []


SESSION_CARDS = """<!DOCTYPE html><html><head><title>Schedule 2031 | BridgeCode</title></head><body><main>
<h1>Schedule 2031</h1>
<div class="sz-root"><div class="sz-gridsmart">
<div class="sz-gridsmart__timeslot">08:30</div><div class="sz-gridsmart__timeslot">09:00</div>
<div class="sz-gridsmart__timeslot">10:15</div>
<div class="sz-session sz-session--service"><div class="sz-session__card">
  <h3 class="sz-session__title">Registration &amp; Coffee</h3>
  <div class="sz-session__time" data-starts="2031-10-16T08:30:00">08:30 - 09:00</div>
  <div class="sz-session__room">Main Hall</div></div></div>
<div class="sz-session"><div class="sz-session__card">
  <h3 class="sz-session__title"><a href="#">Welcome &amp; Opening Remarks</a></h3>
  <ul class="sz-session__speakers"><li><a href="#">Maartje de Vries</a></li></ul>
  <div class="sz-session__time" data-starts="2031-10-16T09:00:00">09:00 - 09:15</div>
  <div class="sz-session__room">Main Hall</div></div></div>
<div class="sz-session"><div class="sz-session__card">
  <h3 class="sz-session__title"><a href="#">Event Sourcing Without the Regret</a></h3>
  <ul class="sz-session__speakers"><li><a href="#">Tomasz Wiśniewski</a></li></ul>
  <div class="sz-session__time" data-starts="2031-10-16T10:15:00">10:15 - 11:00</div>
  <div class="sz-session__room">Main Hall</div>
  <p class="sz-session__description">Lessons from five years of an event-sourced platform.</p></div></div>
<div class="sz-session"><div class="sz-session__card">
  <h3 class="sz-session__title"><a href="#">Accessibility Audits Your Designers Will Read</a></h3>
  <ul class="sz-session__speakers"><li><a href="#">Chloé Martin</a></li><li><a href="#">Priya Raman</a></li></ul>
  <div class="sz-session__time" data-starts="2031-10-16T10:15:00">10:15 - 11:00</div>
  <div class="sz-session__room">Room Maas</div></div></div>
</div></div></main></body></html>"""


def test_session_cards_printing_their_time_after_their_title(tmp_path: Path):
    from ingest.loader import site_for
    from ingest.preview import preview

    root = write(tmp_path / "site", {"2031/schedule.html": SESSION_CARDS,
                                     "speakergraph.toml": '[site]\nseries = "bc"\n[[parts]]\nfiles = "*/schedule.html"\n'
                                                          'reader = "programme"\n'})
    starts = {(r["name"], r["session"]): (r["role"], r["date"]) for r in preview(site_for(root), sample=0).rows}
    assert starts[("Maartje de Vries", "Welcome & Opening Remarks")] == ("remarks", "2031-10-16 09:00:00")
    assert starts[("Tomasz Wiśniewski", "Event Sourcing Without the Regret")][1] == "2031-10-16 10:15:00"
    assert starts[("Priya Raman", "Accessibility Audits Your Designers Will Read")] == ("speaker", "2031-10-16 10:15:00")


PRETALX_LIST = """<!DOCTYPE html><html><head><title>Schedule – Bytewerft 2031</title></head><body><main>
<div class="pretalx-list-day" data-start="2031-09-12T00:00:00+02:00">
<div class="bucket-time">10:00</div>
<a href="/2031/talk/BA7NKE/"><div class="pretalx-session" id="BA7NKE">
  <div class="pretalx-session-time-box"><div class="start">10:00</div><div class="duration">30min</div></div>
  <div class="pretalx-session-info"><div class="title">Opening</div><div class="speakers">Friederike Jansen</div>
  <div class="bottom-info"><div class="room">Dock 1</div></div></div></div></a>
<div class="bucket-time">10:30</div>
<a href="/2031/talk/RJ3WTC/"><div class="pretalx-session" id="RJ3WTC">
  <div class="pretalx-session-time-box"><div class="start">10:30</div><div class="duration">60min</div></div>
  <div class="pretalx-session-info"><div class="title">Keynote: Repair Is a Political Act</div>
  <div class="speakers">Nkechi Adeyemi</div><div class="bottom-info"><div class="room">Dock 1</div></div></div></div></a>
</div>
</main></body></html>"""


def test_a_sessions_length_beside_its_time_is_no_title(tmp_path: Path):
    from ingest.loader import site_for
    from ingest.preview import preview

    root = write(tmp_path / "site", {"2031/schedule/index.html": PRETALX_LIST,
                                     "speakergraph.toml": '[site]\nseries = "bw"\n[[parts]]\nfiles = "*/schedule/*.html"\n'
                                                          'reader = "programme"\ndefault_date = "2031-09-12"\n'})
    sessions = {r["session"] for r in preview(site_for(root), sample=0).rows}
    assert sessions and not any(s.endswith("min") for s in sessions)


SESSIONIZE_LIST = """<!DOCTYPE html><html><head><title>Schedule 2030 | BridgeCode</title></head><body><main>
<h1>Schedule 2030</h1>
<div class="sz-root"><h3 class="sz-day">Thursday, 17 October 2030</h3>
<ul class="sz-sessions">
  <li class="sz-session sz-session--list">
    <div class="sz-session__time" data-starts="2030-10-17T11:15:00">11:15 - 12:15</div>
    <div class="sz-session__room">Main Hall</div>
    <h3 class="sz-session__title"><a href="#">Postgres is enough, until it is not</a></h3>
    <ul class="sz-session__speakers"><li><a href="#">Willem Bakker</a></li></ul>
  </li>
  <li class="sz-session sz-session--list">
    <div class="sz-session__time" data-starts="2030-10-17T11:15:00">11:15 - 12:15</div>
    <div class="sz-session__room">Room Maas</div>
    <h3 class="sz-session__title"><a href="#">Shipping mobile apps weekly without fear</a></h3>
    <ul class="sz-session__speakers"><li><a href="#">Ana Petrović</a></li><li><a href="#">Marko Jovanović</a></li></ul>
  </li>
</ul></div></main></body></html>"""


def test_a_session_list_printing_the_room_between_time_and_title(tmp_path: Path):
    from ingest.loader import site_for
    from ingest.preview import preview

    root = write(tmp_path / "site", {"2030/schedule.html": SESSIONIZE_LIST,
                                     "speakergraph.toml": '[site]\nseries = "bc"\n[[parts]]\nfiles = "*/schedule.html"\n'
                                                          'reader = "programme"\n'})
    rows = {(r["name"], r["session"]) for r in preview(site_for(root), sample=0).rows}
    assert ("Willem Bakker", "Postgres is enough, until it is not") in rows
    assert ("Marko Jovanović", "Shipping mobile apps weekly without fear") in rows
    assert not any(session in ("Main Hall", "Room Maas") for _, session in rows)
