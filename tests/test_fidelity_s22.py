"""Session 22 fidelity: what new-user trials of new shapes found — a speaker-centric archive (who did what is
printed only on people's pages, the programme names nobody), … — each read with no profile (the draft)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import drafted_rows, rows_of, write_files

from graph.results import table
from graph.store import open_store
from ingest.loader import ingest, site_for
from ingest.preview import preview

PROGRAMME = """---
title: "Harbour Forum {year}"
---

**{day} May {year} · Quay Hall, Aberlin**

## Day 1 — {weekday} {day} May

| Time        | Session                                          | Room         |
|-------------|--------------------------------------------------|--------------|
| 08:30       | Registration and coffee                          | Foyer        |
| 09:15       | Welcome Address                                  | Main Hall    |
| 09:35       | Address by the Guest of Honour                   | Main Hall    |
| 10:00–11:30 | Panel: Who Pays for Sea Walls?                   | Main Hall    |
| 11:30       | Lunch                                            | Terrace      |
| 13:00–14:30 | Presentation: Evidence from Ten Harbour Towns    | Room B       |
| 15:00       | Closing Remarks                                  | Main Hall    |
"""


def person(name: str, honorific: str, role: str, org: str, country: str, body: str) -> str:
    return (f'---\ntitle: "{name}"\nname: "{name}"\nhonorific: "{honorific}"\nrole: "{role}"\n'
            f'organisation: "{org}"\ncountry: "{country}"\n---\n\n{body}\n')


ARCHIVE = {
    "hugo.toml": 'title = "Harbour Forum"\nbaseURL = "https://harbourforum.example/"\n',
    "content/editions/2030.md": PROGRAMME.format(year=2030, day=14, weekday="Tuesday"),
    "content/editions/2031.md": PROGRAMME.format(year=2031, day=13, weekday="Tuesday"),
    "content/people/ines-moura.md": person(
        "Inês Moura", "Dr.", "President", "Harbour Institute", "Portugal",
        "Inês Moura has led the Institute since 2019.\n\n### 2030\n- *Welcome Address* (Day 1, Main Hall)\n\n"
        "### 2031\n- *Welcome Address* (Day 1, Main Hall)\n"),
    "content/people/tom-reyes.md": person(
        "Tom Reyes", "Mr", "Director", "Quay Observatory", "Chile",
        "_In 2030: Senior Economist, Andes Housing Institute_\n\n### 2030\n"
        "- **Moderator**, *Panel: Who Pays for Sea Walls?* (Day 1, Main Hall)\n\n### 2031\n"
        "- Speaker — Presentation: Evidence from Ten Harbour Towns (co-presented)\n"),
    "content/people/ana-lind.md": person(
        "Ana Lind", "Prof.", "Professor of Economics", "Nordvik University", "Norway",
        "She writes on ports.\n\n- Author of *Tides and Budgets* (2022)\n\n### 2030\n"
        "- Panellist — Panel: Who Pays for Sea Walls?\n- **Closing Remarks** (Day 1, Main Hall)\n"),
    "content/people/omar-haddad.md": person(
        "Omar Haddad", "H.E.", "Minister of Ports", "Ministry of Ports", "Jordan",
        "### 2031\n- **Guest of Honour** — *Address by the Guest of Honour* (Day 1, Main Hall)\n"),
}


def test_talks_listed_on_speaker_pages_join_the_programme_that_names_nobody(tmp_path: Path):
    """Each list item of a speaker page under a year heading is an appearance in the programme session whose title
    it prints, in that year's edition: the role the item prints before the title, else its title's; the position
    the page gives for that year ("In 2030: …"), else its front matter's. A list item no session titles (a book)
    is none."""
    rows, profile, seen = drafted_rows(tmp_path, ARCHIVE, dated=True)
    assert "slots = true" in profile and "slots = [\"content/editions/2030.md\", \"content/editions/2031.md\"]" \
        in profile, profile
    assert rows == {
        ("Inês Moura", "Welcome Address"): ("remarks", "President", "Harbour Institute", "PT", "2031-05-13"),
        ("Tom Reyes", "Panel: Who Pays for Sea Walls?"):
            ("moderator", "Senior Economist", "Andes Housing Institute", "CL", "2030-05-14"),
        ("Tom Reyes", "Presentation: Evidence from Ten Harbour Towns"):
            ("speaker", "Director", "Quay Observatory", "CL", "2031-05-13"),
        ("Ana Lind", "Panel: Who Pays for Sea Walls?"):
            ("panellist", "Professor of Economics", "Nordvik University", "NO", "2030-05-14"),
        ("Ana Lind", "Closing Remarks"): ("remarks", "Professor of Economics", "Nordvik University", "NO", "2030-05-14"),
        ("Omar Haddad", "Address by the Guest of Honour"):
            ("guest-of-honour", "Minister of Ports", "Ministry of Ports", "JO", "2031-05-13"),
    }, rows  # Inês Moura's two welcomes: one key, the later row kept by rows_of (both are counted below)
    assert len(seen.rows) == 7 and seen.sessions == 6, (len(seen.rows), seen.sessions)


def test_a_listed_talk_follows_its_page_and_its_programme_through_re_ingests(tmp_path: Path):
    """The speaker pages and the programme they join are read together whenever one changes: a talk taken off a
    page goes, a session retitled in the programme takes its listed people along or drops them."""
    root = write_files(tmp_path / "site", ARCHIVE)
    store = open_store(tmp_path / "store")
    site = site_for(root)
    ingest(store, [site])
    query = ("PREFIX sg: <https://w3id.org/speakergraph/vocab#> PREFIX schema: <https://schema.org/> "
             "SELECT ?who ?what WHERE { ?a sg:person/schema:name ?who ; sg:session/schema:name ?what } ORDER BY ?who ?what")

    def seen() -> list[tuple[str, str]]:
        return [(r["who"], r["what"]) for r in table(store.query(query)).dicts()]

    assert ("Ana Lind", "Closing Remarks") in seen() and len(seen()) == 7, seen()
    page = root / "content/people/ana-lind.md"
    page.write_text(page.read_text(encoding="utf-8").replace("- **Closing Remarks** (Day 1, Main Hall)\n", ""),
                    encoding="utf-8")
    ingest(store, [site_for(root)], prune=True)
    assert ("Ana Lind", "Closing Remarks") not in seen() and len(seen()) == 6, seen()
    programme = root / "content/editions/2030.md"
    programme.write_text(programme.read_text(encoding="utf-8").replace("Who Pays for Sea Walls?", "Sea Walls"),
                         encoding="utf-8")
    ingest(store, [site_for(root)], prune=True)
    assert not any(what.startswith("Panel:") for _, what in seen()), seen()


def drupal_field(name: str, value: str) -> str:
    return f'<div class="field field--name-field-{name} field--type-string field--label-hidden field__item">{value}</div>'


def drupal_speaker(role: str, name: str, position: str, org: str, country: str) -> str:
    return ('<div class="field__item"><div class="paragraph paragraph--type--session-speaker">'
            + drupal_field("role", role)
            + '<div class="field field--name-field-speaker field--label-hidden field__item">'
              '<article class="node node--type-speaker node--view-mode-agenda-teaser"><div class="node__content">'
            + drupal_field("speaker-name", f'<a href="/en/speakers/{name.split()[-1].lower()}">{name}</a>')
            + drupal_field("position", position) + drupal_field("organisation", org) + drupal_field("country", country)
            + '</div></article></div></div></div>')


def drupal_item(time: str, title: str, speakers: str = "", description: str = "") -> str:
    people = (f'<div class="field field--name-field-session-speakers field--label-hidden field__items">{speakers}</div>'
              if speakers else "")
    about = (f'<div class="text-formatted field field--name-field-description field--label-hidden field__item">'
             f'{description}</div>' if description else "")
    return ('<div class="field__item"><div class="paragraph paragraph--type--agenda-item">'
            + drupal_field("time", time) + drupal_field("session-title", title) + drupal_field("location", "Grand Salon")
            + people + about + '</div></div>')


def drupal_day(label: str, stamp: str, printed: str, items: str) -> str:
    return ('<div class="field__item"><div class="paragraph paragraph--type--agenda-day">'
            + drupal_field("day-label", label)
            + f'<div class="field field--name-field-date field--type-datetime field--label-hidden field__item">'
              f'<time datetime="{stamp}T12:00:00Z" class="datetime">{printed}</time></div>'
            + f'<div class="field field--name-field-agenda-items field--label-hidden field__items">{items}</div></div></div>')


def drupal_page(title: str, days: str) -> str:
    return (f'<html><body><nav class="breadcrumb"><a href="/en">Home</a></nav><main><h1 class="page-title">{title}</h1>'
            f'<div class="field field--name-field-agenda-days field--label-hidden field__items">{days}</div></main>'
            '<footer><ul class="menu"><li><a href="/en/contact">Contact</a></li></ul></footer></body></html>')


def test_a_drupal_agenda_of_paragraphs_dated_by_its_date_fields(tmp_path: Path):
    """Drupal's Paragraphs: a day's date field (a ``<time>`` whose stamp keeps a noon of its own) dates the items
    after it; each item's fields are classed for its time, title and speakers, each speaker with a role field of
    their own; ``field--label-hidden`` hides a label, not the field. An editor's "Speakers:" text field lists
    people a ";" apart, one of them with her role after her: "(Moderator)"."""
    panel = drupal_item("10:50 – 12:20", "Panel 1: Strategies in Practice",
                        drupal_speaker("Moderator", "Dr. Hélène Marsh", "Senior Fellow", "Laurel Centre", "Canada")
                        + drupal_speaker("Panellist", "Ms. Ana Ferro", "Secretary for Digital Security",
                                         "Office of the President", "Brazil"))
    opening = drupal_item("09:00 – 09:40", "Opening Session",
                          drupal_speaker("Welcome remarks", "Ms. Cate Moreau", "President", "Cooperation Agency",
                                         "Canada"))
    closing = drupal_item("12:15 – 12:45", "Closing Session",
                          drupal_speaker("Rapporteur", "Dr. Hélène Marsh", "Senior Fellow", "Laurel Centre", "Canada"))
    typed = drupal_item("10:45 – 12:15", "Roundtable: Lessons of a Decade", description=(
        "<p>What has worked, and what should change?</p><p><strong>Speakers:</strong> Ms. Cate Moreau, President, "
        "Cooperation Agency (Moderator); Mr. Raj Venkat, Director, Ministry of External Affairs, India</p>"))
    rows, _, _ = drafted_rows(tmp_path, {
        "en/events/dialogue-2031/agenda/index.html": drupal_page("Agenda – Dialogue 2031", drupal_day(
            "Day 1", "2031-11-04", "Tuesday, 4 November 2031", opening + panel)
            + drupal_day("Day 2", "2031-11-05", "Wednesday, 5 November 2031", closing + typed)),
    }, dated=True)
    assert rows == {
        ("Cate Moreau", "Opening Session"): ("remarks", "President", "Cooperation Agency", "CA", "2031-11-04"),
        ("Hélène Marsh", "Panel 1: Strategies in Practice"):
            ("moderator", "Senior Fellow", "Laurel Centre", "CA", "2031-11-04"),
        ("Ana Ferro", "Panel 1: Strategies in Practice"):
            ("panellist", "Secretary for Digital Security", "Office of the President", "BR", "2031-11-04"),
        ("Hélène Marsh", "Closing Session"): ("other", "Senior Fellow", "Laurel Centre", "CA", "2031-11-05"),
        ("Cate Moreau", "Roundtable: Lessons of a Decade"):
            ("moderator", "President", "Cooperation Agency", None, "2031-11-05"),
        ("Raj Venkat", "Roundtable: Lessons of a Decade"):
            ("panellist", "Director", "Ministry of External Affairs", "IN", "2031-11-05"),
    }, rows


def indico_person(name: str, affiliation: str) -> str:
    return (f'<span class="speaker-item-inline"><span class="name">{name}</span> <span class="affiliation">'
            f'(<span class="text">{affiliation}</span>)</span></span>')


def indico_contribution(number: int, start: str, title: str, label: str, people: str, length: str = "25m") -> str:
    return (f'<li class="timetable-item timetable-contrib" id="contrib-{number}"><span class="timetable-time">'
            f'<span class="start-time">{start}</span></span><div class="timetable-item-body flexcol">'
            f'<div class="timetable-item-header flexrow"><span class="timetable-title"><a href="/event/9/contributions/'
            f'{number}/">{title}</a></span><span class="timetable-duration">{length}</span></div>'
            f'<div class="timetable-item-details flexrow"><div class="speaker-list"><span class="label">{label}</span> '
            f'{people}</div></div></div></li>')


def indico_block(start: str, end: str, title: str, convener: str, contributions: str) -> str:
    return (f'<li class="timetable-item timetable-session"><span class="timetable-time top-level"><span '
            f'class="start-time">{start}</span> → <span class="end-time">{end}</span></span><div class="timetable-item-'
            f'body flexcol"><div class="timetable-item-header flexrow"><span class="timetable-title top-level">{title}'
            f'</span><span class="timetable-location">Hall Tejo</span></div><div class="timetable-item-details flexrow">'
            f'<div class="speaker-list conveners"><span class="label">Convener:</span> {convener}</div></div>'
            f'<ul class="meeting-sub-timetable">{contributions}</ul></div></li>')


def test_an_indico_timetable_its_blocks_conveners_and_contributions(tmp_path: Path):
    """Indico's timetable: a block's time printed "14:00 → 15:30", its convener its moderator; each contribution a
    card whose speaker spans print the name and, in a span of its own, the bracketed affiliation ("1h 30m" its
    length, no time); a panel block holding one contribution of its own title is one session. The contribution
    list, repeating the timetable's talk links under numbered titles, is left out of the draft."""
    day = ('<li class="day"><div class="day-header"><h2 class="day-title">Tuesday 16 April 2030</h2></div>'
           '<ul class="meeting-timetable">'
           + indico_block("09:00", "10:15", "Opening Session", indico_person("Ms Inês Valente", "Maritime Policy, Portugal"),
                          indico_contribution(1, "09:00", "Opening address", "Speaker:",
                                              indico_person("Dr Helga Sand", "Ocean Data Office"), "20m")
                          + indico_contribution(2, "09:20", "Persistent identifiers for cruise data", "Speakers:",
                                                indico_person("Lena Voss", "Hydrographic Agency, Germany") + ", "
                                                + indico_person("Mr Jonas Alt", "Hydrographic Agency, Germany")))
           + indico_block("14:00", "15:30", "Panel: Who owns ocean data?", indico_person("Ms Claire Dumas", "Ocean Forum"),
                          indico_contribution(3, "14:00", "Panel: Who owns ocean data?", "Speakers:",
                                              indico_person("H.E. Mariana Quispe", "Permanent Mission of Peru") + ", "
                                              + indico_person("Prof. Hiroshi Tanaka", "Ocean Science Agency"), "1h 30m"))
           + indico_block("16:00", "17:00", "Session 2: Satellites", indico_person("Prof. Tomás Ruiz", "Pacific Institute"),
                          indico_contribution(4, "16:00", "Sea-surface products", "Speaker:",
                                              indico_person("Dr Mei Zhou", "Marine Applications Centre, China")))
           + '</ul></li>')
    page = f'<html><head><title>ODW 2030 — Ocean Data Workshop (16 April 2030): Timetable · Indico</title></head><body><ul class="days">{day}</ul></body></html>'
    listing = "".join(
        f'<div class="contribution-row"><div class="contrib-title"><span class="contrib-id">{n}.</span> '
        f'<a href="/event/9/contributions/{n}/">{title}</a></div><div class="speaker-list"><span class="label">Speaker:'
        f'</span> {indico_person(name, org)}</div></div>'
        for n, title, name, org in ((1, "Opening address", "Dr Helga Sand", "Ocean Data Office"),
                                    (2, "Persistent identifiers for cruise data", "Lena Voss", "Hydrographic Agency"),
                                    (3, "Panel: Who owns ocean data?", "H.E. Mariana Quispe", "Permanent Mission"),
                                    (4, "Sea-surface products", "Dr Mei Zhou", "Marine Applications Centre")))
    rows, profile, seen = drafted_rows(tmp_path, {
        "event/9/timetable/index.html": page,
        "event/9/contributions/index.html": f'<html><head><title>ODW 2030 — Ocean Data Workshop (16 April 2030): Contribution List · Indico</title></head>'
                                            f'<body><h2>Tuesday 16 April 2030</h2>{listing}</body></html>',
    }, dated=True)
    assert 'series = "odw"' in profile, profile
    assert rows == {
        ("Inês Valente", "Opening Session"): ("moderator", None, "Maritime Policy", "PT", "2030-04-16"),
        ("Helga Sand", "Opening address"): ("remarks", None, "Ocean Data Office", None, "2030-04-16"),
        ("Lena Voss", "Persistent identifiers for cruise data"):
            ("speaker", None, "Hydrographic Agency", "DE", "2030-04-16"),
        ("Jonas Alt", "Persistent identifiers for cruise data"):
            ("speaker", None, "Hydrographic Agency", "DE", "2030-04-16"),
        ("Claire Dumas", "Panel: Who owns ocean data?"): ("moderator", None, "Ocean Forum", None, "2030-04-16"),
        ("Mariana Quispe", "Panel: Who owns ocean data?"):
            ("panellist", None, "Permanent Mission of Peru", "PE", "2030-04-16"),
        ("Hiroshi Tanaka", "Panel: Who owns ocean data?"):
            ("panellist", None, "Ocean Science Agency", None, "2030-04-16"),
        ("Tomás Ruiz", "Session 2: Satellites"): ("moderator", None, "Pacific Institute", None, "2030-04-16"),
        ("Mei Zhou", "Sea-surface products"): ("speaker", None, "Marine Applications Centre", "CN", "2030-04-16"),
    }, rows
    assert len(seen.rows) == 9, [(r["name"], r["session"], r["where"]) for r in seen.rows]


GDOC_ROW = '<tr class="c2"><td class="c6"><p class="c3"><span class="c1">{time}</span></p></td><td class="c6">{title}</td>' \
           '<td class="c6">{people}</td></tr>'


def gdoc_p(*runs: str) -> str:
    return '<p class="c3">' + "".join(f'<span class="c{i + 1}">{run}</span>' for i, run in enumerate(runs)) + "</p>"


def test_a_google_docs_agenda_with_tracks_links_and_lightning_talks(tmp_path: Path):
    """A Google Docs agenda saved as a web page: every run a classed span, a link in the middle of a person's
    bracket, a track and room line over the title, "in conversation with" alone on a line over the host, and
    lightning talks printed "Name (Organisation, Country) – the talk's title"."""
    rows_html = "".join([
        GDOC_ROW.format(time="10:45 – 12:15", title=gdoc_p("Panel: Spyware and the Courts"), people=(
            gdoc_p("Moderator: Tomas Kert (Civil Liberties Forum, Hungary)")
            + '<p class="c3"><span class="c1">Panellists: Jelena Vuk (</span><span class="c11"><a class="c23" '
              'href="https://www.google.com/url?q=https://bcdr.example/&amp;sa=D">Belgrade Centre for Digital Rights'
              '</a></span><span class="c1">, Serbia), Luka Novak (independent journalist, Slovenia)</span></p>')),
        GDOC_ROW.format(time="13:30 – 15:00", title=gdoc_p("Track B – Room Morava") + gdoc_p("Roundtable: Platform Duties"),
                        people=gdoc_p("Chair: Kasia Wrob, Director, Media Watch") + gdoc_p("Ana Horvat (Zagreb Lab, Croatia)")),
        GDOC_ROW.format(time="15:30 – 16:15", title=gdoc_p("Fireside chat: Ten Years On"), people=(
            gdoc_p("Ivana Simic, Commissioner, Data Protection Office, Croatia") + gdoc_p("in conversation with")
            + gdoc_p("Radu Ion, Carpathian Institute for Technology Policy"))),
        GDOC_ROW.format(time="16:15 – 17:00", title=gdoc_p("Lightning talks: Community Projects"), people=(
            gdoc_p("Emir Hodzic (Sarajevo Open Data Initiative, Bosnia and Herzegovina) – ", "Mapping public CCTV")
            + gdoc_p("Ani Grig (Yerevan Tech Freedom Club, Armenia) – ", "A helpline for harassment"))),
    ])
    page = ('<html><head><style>.c1{color:#000}.c5{font-weight:700}</style></head><body class="c9">'
            '<h2 class="c4" id="h.x1"><span class="c4">Day 1 – Tuesday 14 May 2030</span></h2>'
            '<table class="c12"><tr class="c2"><td class="c6"><p class="c3"><span class="c5">Time</span></p></td>'
            '<td class="c6"><p class="c3"><span class="c5">Session</span></p></td><td class="c6"><p class="c3">'
            f'<span class="c5">Speakers</span></p></td></tr>{rows_html}</table></body></html>')
    rows, _, _ = drafted_rows(tmp_path, {"agendas/2030/Agenda2030.html": page})
    assert rows == {
        ("Tomas Kert", "Panel: Spyware and the Courts"): ("moderator", None, "Civil Liberties Forum", "HU"),
        ("Jelena Vuk", "Panel: Spyware and the Courts"): ("panellist", None, "Belgrade Centre for Digital Rights", "RS"),
        ("Luka Novak", "Panel: Spyware and the Courts"): ("panellist", "independent journalist", None, "SI"),
        ("Kasia Wrob", "Roundtable: Platform Duties"): ("moderator", "Director", "Media Watch", None),
        ("Ana Horvat", "Roundtable: Platform Duties"): ("panellist", None, "Zagreb Lab", "HR"),
        ("Ivana Simic", "Fireside chat: Ten Years On"):
            ("speaker", "Commissioner", "Data Protection Office", "HR"),
        ("Radu Ion", "Fireside chat: Ten Years On"):
            ("moderator", None, "Carpathian Institute for Technology Policy", None),
        ("Emir Hodzic", "Lightning talks: Community Projects"):
            ("speaker", None, "Sarajevo Open Data Initiative", "BA"),
        ("Ani Grig", "Lightning talks: Community Projects"): ("speaker", None, "Yerevan Tech Freedom Club", "AM"),
    }, rows


def next_page(year: int, props: dict) -> str:
    data = json.dumps({"props": {"pageProps": props}, "page": "/[year]/schedule", "query": {"year": str(year)},
                       "buildId": "b1X9", "isFallback": False, "gsp": True})
    return (f'<!DOCTYPE html><html><head><title>Schedule {year} | Harbor Dev Days</title></head><body><div id="__next">'
            f'<main class="Schedule_main__x8Kq2"><h1 class="Schedule_title__P0aZ3">Schedule {year}</h1></main></div>'
            f'<script id="__NEXT_DATA__" type="application/json">{data}</script></body></html>')


def test_a_next_js_export_its_ids_and_its_data_copies(tmp_path: Path):
    """A Next.js export keeps each page's data in its ``__NEXT_DATA__`` script, and again in ``_next/data/<build>/``
    (read once, from the page); a session lists its speakers as mappings with an id or as bare ids
    (``"spk_7f2a03"``), each the id of a speaker record of the page: the record's name, not the id."""
    speakers = [{"id": "spk_01", "name": "Ingrid Halvorsen", "tagline": "Director of Reliability, Polarlys",
                 "company": "Polarlys", "country": "Norway", "bio": "Ingrid runs reliability."},
                {"id": "spk_02", "name": "Tomasz Wierz", "tagline": "Professor, Silesian Institute",
                 "company": "Silesian Institute", "country": "Poland", "bio": "Tomasz teaches."},
                {"id": "spk_03", "name": "Aisha Bello", "tagline": "Staff Engineer, Lagos Pay", "company": "Lagos Pay",
                 "country": "Nigeria", "bio": "Aisha builds payments."}]
    sessions = [
        {"id": "s1", "title": "Latency Is a Feature Request", "startsAt": "2031-10-09T09:30:00+01:00",
         "endsAt": "2031-10-09T10:15:00+01:00", "room": "Main Hall", "format": "Keynote", "speakers": ["spk_01"]},
        {"id": "s2", "title": "Who Maintains the Maintainers?", "startsAt": "2031-10-09T11:00:00+01:00",
         "endsAt": "2031-10-09T12:00:00+01:00", "room": "Main Hall", "format": "Panel",
         "speakers": [{"id": "spk_02", "role": "moderator"}, {"id": "spk_03", "role": "panelist"}]},
        {"id": "s3", "title": "Your Feature Flags Are Tech Debt", "startsAt": "2031-10-09T14:00:00+01:00",
         "endsAt": "2031-10-09T14:40:00+01:00", "room": "Room 2", "format": "Talk", "speakers": ["spk_03"]},
        {"id": "s4", "title": "Lunch", "startsAt": "2031-10-09T12:00:00+01:00", "endsAt": "2031-10-09T13:00:00+01:00",
         "room": "Foyer", "format": "break", "speakers": []},
    ]
    props = {"sessions": sessions, "speakers": speakers, "year": 2031}
    earlier = [{"id": f"e{i}", "title": title, "startsAt": f"2030-10-10T{hour}:00:00+01:00",
                "endsAt": f"2030-10-10T{hour}:45:00+01:00", "room": "Main Hall", "format": "Talk",
                "speakers": [{"id": f"p{i}", "name": name, "jobTitle": job, "company": org, "country": country}]}
               for i, (title, hour, name, job, org, country) in enumerate([
                   ("The Boring Parts Are the Product", "09", "Amara Okafor", "CTO", "Lagos Pay", "Nigeria"),
                   ("Type-Safe APIs", "10", "Lukas Brenner", "Staff Engineer", "Nordwerk", "Germany"),
                   ("Edge Functions in Practice", "11", "Mateo Fernández", "Developer Advocate", "Cumulo", "Argentina"),
                   ("Observability on a Budget", "14", "Chloé Marchand", "SRE Lead", "Petit Nuage", "France"),
                   ("Offline-First in Emerging Markets", "15", "Thabo Nkosi", "Engineer", "Ubuntu Apps", "South Africa"),
                   ("Profiling Node.js", "16", "Yuki Tanaka", "Performance Engineer", "Kaze", "Japan")])]
    rows, profile, seen = drafted_rows(tmp_path, {
        "2030/schedule.html": next_page(2030, {"sessions": earlier, "year": 2030}),
        "2031/schedule.html": next_page(2031, props),
        "_next/data/b1X9/2031/schedule.json": json.dumps({"pageProps": props, "__N_SSG": True}),
        "_next/static/chunks/main-1a2b.js": "(self.webpackChunk=self.webpackChunk||[]).push([[179],{}]);",
    })
    assert "_next/data/b1X9/**" in profile, profile
    assert {k: v for k, v in rows.items() if k[1] in {s["title"] for s in sessions}} == {
        ("Ingrid Halvorsen", "Latency Is a Feature Request"): ("keynote", "Director of Reliability", "Polarlys", "NO"),
        ("Tomasz Wierz", "Who Maintains the Maintainers?"): ("moderator", "Professor", "Silesian Institute", "PL"),
        ("Aisha Bello", "Who Maintains the Maintainers?"): ("panellist", "Staff Engineer", "Lagos Pay", "NG"),
        ("Aisha Bello", "Your Feature Flags Are Tech Debt"): ("speaker", "Staff Engineer", "Lagos Pay", "NG"),
    }, rows
    assert len(seen.rows) == 10, [(r["name"], r["session"], r["where"]) for r in seen.rows]


def test_gulf_and_south_asian_forms_of_names_and_offices(tmp_path: Path):
    """A forum's programme of Gulf and South Asian officials: "bint" and a lower-case "ould" inside names, "Shri"
    and "Smt." honorifics, "Vote of Thanks" closing remarks, a country named by a state's council ("Saudi Digital
    Economy Council") or printed before an acronym ("…, Japan (IPA)")."""
    page = """<html><body><h1>Gulf Digital Forum 2030</h1><p>Tuesday, 12 November 2030</p>
<h2>09:00 – 09:30 Opening Session</h2>
<p>Opening Remarks: Ms. Hessa bint Mohammed Al Suwaidi, Director-General, Saudi Digital Economy Council</p>
<h2>10:00 – 11:00 Ministerial Roundtable</h2>
<p>Moderator: Shri Rajesh Venkat, Joint Secretary, Ministry of Electronics and Information Technology, India</p>
<p>Speakers: H.E. Mr. Mohamed Lemine ould Cheikh, Minister of Digital Transformation, Mauritania; Smt. Kavitha Rao,
Additional Secretary, Department of Telecommunications, India; Dr. Ichiro Tanaka, Chairman, Information-technology
Promotion Agency, Japan (IPA)</p>
<h2>17:00 – 17:15 Closing Ceremony</h2>
<p>Vote of Thanks: Mr. Jassim Buhaji, Secretary-General, Gulf Digital Economy Association</p>
</body></html>"""
    rows, _, seen = drafted_rows(tmp_path, {"2030/programme.html": page})
    assert rows == {
        ("Hessa bint Mohammed Al Suwaidi", "Opening Session"):
            ("remarks", "Director-General", "Saudi Digital Economy Council", "SA"),
        ("Rajesh Venkat", "Ministerial Roundtable"):
            ("moderator", "Joint Secretary", "Ministry of Electronics and Information Technology", "IN"),
        ("Mohamed Lemine ould Cheikh", "Ministerial Roundtable"):
            ("panellist", "Minister of Digital Transformation", None, "MR"),
        ("Kavitha Rao", "Ministerial Roundtable"):
            ("panellist", "Additional Secretary", "Department of Telecommunications", "IN"),
        ("Ichiro Tanaka", "Ministerial Roundtable"):
            ("panellist", "Chairman", "Information-technology Promotion Agency (IPA)", "JP"),
        ("Jassim Buhaji", "Closing Ceremony"): ("remarks", "Secretary-General", "Gulf Digital Economy Association", None),
    }, rows
    assert {r["name"]: r["honorific"] for r in seen.rows}["Kavitha Rao"] == "Smt."


def test_a_block_editor_agenda_and_a_page_dated_after_its_publication(tmp_path: Path):
    """A WordPress agenda: a paragraph of people each a bold name and its position, "In conversation with" a host,
    a named room over a session ("Tagus Room") no person. A Hugo programme page whose front matter ``date`` is its
    publication takes the day it prints under its title."""
    agenda = """<html><body><main><h2 class="wp-block-heading">Thursday 6 March 2031</h2>
<h3 class="wp-block-heading">14:00 – 15:00</h3>
<p class="has-small-font-size"><strong>Tagus Room</strong></p>
<h4 class="wp-block-heading">Roundtable: Digital Identity for Refugees</h4>
<p>Closed-door discussion with thirty participants.</p>
<p><strong>Ms. Layla Haddad</strong>, Programme Officer, Mashreq Refugee Network<br><strong>Kwame Mensah</strong>,
Founder, IDBridge (Ghana)</p>
<h3 class="wp-block-heading">15:30 – 16:15 Fireside Chat: Regulating at Speed</h3>
<p><strong>Eleanor Whitby</strong><br>Chief Executive, Office for Digital Standards (United Kingdom)</p>
<p class="has-small-font-size">In conversation with <strong>Rafael Duarte</strong>, Senior Fellow, Northbridge
Institute</p></main></body></html>"""
    programme = """---
title: "Programme (2030)"
date: 2030-10-20
---

Thursday, 16 November 2030 — Forum Hall

### 10:00–10:45 Keynote: Cyber Norms after the OEWG

Speaker: Dr. Jean-Luc Moreau, Senior Researcher, Institute for Peace Studies

### 11:00–12:00 Panel: Ransomware and Hospitals

Moderator: Ms. Aya Watanabe, Director, Tokyo Health Security Centre

Panellists: Mr. Ken Ito, CISO, Kanto General Hospital; Dr. Sara Lind, Researcher, Nordic Health CERT

### 12:00–13:00 Lunch
"""
    rows, _, _ = drafted_rows(tmp_path / "wordpress", {"summit/2031/agenda/index.html": agenda}, dated=True)
    hugo, _, _ = drafted_rows(tmp_path / "hugo", {"content/en/2030/program.md": programme}, dated=True)
    assert hugo[("Jean-Luc Moreau", "Keynote: Cyber Norms after the OEWG")] == \
        ("keynote", "Senior Researcher", "Institute for Peace Studies", None, "2030-11-16"), hugo
    assert {v[-1] for v in hugo.values()} == {"2030-11-16"} and len(hugo) == 4, hugo
    assert rows == {
        ("Layla Haddad", "Roundtable: Digital Identity for Refugees"):
            ("panellist", "Programme Officer", "Mashreq Refugee Network", None, "2031-03-06"),
        ("Kwame Mensah", "Roundtable: Digital Identity for Refugees"):
            ("panellist", "Founder", "IDBridge", "GH", "2031-03-06"),
        ("Eleanor Whitby", "Fireside Chat: Regulating at Speed"):
            ("speaker", "Chief Executive", "Office for Digital Standards", "GB", "2031-03-06"),
        ("Rafael Duarte", "Fireside Chat: Regulating at Speed"):
            ("moderator", "Senior Fellow", "Northbridge Institute", None, "2031-03-06"),
    }, rows


def test_people_indexes_whose_cells_name_their_fields(tmp_path: Path):
    """EasyChair's authors index (cells classed ``name``, ``affiliation``, ``country``, letters between them) lends
    the people of the programme their organisations and countries; a participants list's Title column printing
    "Title, Organisation" gives both."""
    authors = "".join(
        f'<tr class="letter"><td colspan="3">{n[0]}</td></tr><tr class="author"><td class="name">'
        f'<a name="person:{i}"></a>{n}</td><td class="affiliation">{org}</td><td class="country">{c}</td></tr>'
        for i, (n, org, c) in enumerate([("Ana Ribas", "Porto Institute of Engineering", "Portugal"),
                                         ("Jens Kowal", "Vireon Automation", "Germany"),
                                         ("Olga Petrenko", "Dnipro Polytechnic Academy", "Ukraine")]))
    day = ('<html><body><h1>WISOR 2030 – 12 June 2030</h1><div class="session"><table class="talks">'
           '<tr class="talk"><td class="time">09:00</td><td class="talk"><div class="title">Opening Address</div>'
           '<div class="authors"><a href="authors.html#person:0">Ana Ribas</a></div></td></tr>'
           '<tr class="talk"><td class="time">09:30</td><td class="talk"><div class="title">Anomalies in OT</div>'
           '<div class="authors"><a href="authors.html#person:1">Jens Kowal</a> and '
           '<a href="authors.html#person:2">Olga Petrenko</a></div></td></tr></table></div></body></html>')
    rows, profile, _ = drafted_rows(tmp_path, {
        "2030/program/day_2030-06-12.html": day,
        "2030/program/authors.html": f'<html><body><table class="authors"><tr><th>Author</th><th>Affiliation</th>'
                                     f'<th>Country</th></tr>{authors}</table></body></html>'})
    assert 'card = "table.authors tr.author"' in profile, profile
    assert rows == {
        ("Ana Ribas", "Opening Address"): ("remarks", None, "Porto Institute of Engineering", "PT"),
        ("Jens Kowal", "Anomalies in OT"): ("speaker", None, "Vireon Automation", "DE"),
        ("Olga Petrenko", "Anomalies in OT"): ("speaker", None, "Dnipro Polytechnic Academy", "UA"),
    }, rows


def test_a_speakers_field_of_names_and_a_handle(tmp_path: Path):
    """A pretalx-style card whose speakers field lists four people, one of them by a handle ("kaskade"): four
    people, never one with three positions."""
    cards = "".join(
        f'<a href="/2031/talk/{k}/"><div class="pretalx-session"><div class="pretalx-session-time-box">'
        f'<div class="start">{t}</div></div><div class="pretalx-session-info"><div class="title">{title}</div>'
        f'<div class="speakers">{who}</div><div class="bottom-info"><div class="room">Dock 1</div></div></div></div></a>'
        for k, t, title, who in (("A1", "10:00", "Opening", "Wiebke Sørensen"),
                                 ("B2", "15:00", "Panel: Who pays for open source?",
                                  "Samira Haddad, Ruben Castellanos, Ingrid Solberg, kaskade"),
                                 ("C3", "16:00", "Mesh radios", "Siobhan Kearney, Teodor Lindahl")))
    page = (f'<html><body><main><h2>Friday, Sept. 12, 2031</h2><div class="pretalx-list-day" '
            f'data-start="2031-09-12T00:00:00+02:00">{cards}</div></main></body></html>')
    rows, _, _ = drafted_rows(tmp_path, {"2031/schedule/index.html": page})
    assert sorted(n for n, s in rows if s.startswith("Panel")) == \
        ["Ingrid Solberg", "Ruben Castellanos", "Samira Haddad", "kaskade"], rows


CYBER_WEEK = """---
layout: session
title: "{title}"
date: "2030-10-{day}"
time: "0930hrs – 1100hrs"
venue: "Plenary Hall"
---

A discussion of how states keep critical services running.

{body}
"""


def test_cyber_week_session_pages_of_two_layouts(tmp_path: Path):
    """Session pages of a cyber week: a panel's table under no role label gives its panellists, "(Moderator)"
    after a name in the table is that person's role, a "#### Moderator" heading above a second table names the
    role of its rows when the page's title is in its front matter, and a "| Photo | Speaker | Title |" table of
    job titles under "**Moderator:**" and "**Panellists:**" labels below a keynote's prose line is read."""
    table = "| | Name | Designation |\n|---|---|---|\n"
    files = {
        "2030/ministerial-roundtable.md": CYBER_WEEK.format(title="Ministerial Roundtable: Securing Critical Services",
                                                           day="14", body=table
            + "| ![](/i/a.jpg) | Hon. Daniel Whit (Moderator) | Minister for Digital Security, New Zealand |\n"
            + "| ![](/i/b.jpg) | H.E. Kadri Lepp | Minister of Digital Affairs, Estonia |\n"
            + "| ![](/i/c.jpg) | Ms Tan Wei Ling | Chief Executive, Cyber Agency, Singapore |\n"),
        "2030/high-level-panel.md": CYBER_WEEK.format(title="High-Level Panel: Norms and Trust", day="15", body=table
            + "| ![](/i/d.jpg) | Ms Ingrid Sol | State Secretary, Ministry of Digitalisation, Norway |\n"
            + "| ![](/i/e.jpg) | Mr Samuel Okon | Director, Cyber Authority, Nigeria |\n\n#### Moderator\n\n" + table
            + "| ![](/i/f.jpg) | Prof. Eleanor Whit | Dean, Kelburn School of Government, New Zealand |\n"),
        "2031/ai-panel.md": CYBER_WEEK.format(title="High-Level Panel: AI and Cyber Defence", day="16", body=(
            "Keynote Address by Dr Mei Lin Ong, Chief Scientist, Digital Defence Laboratories, Singapore\n\n"
            "**Moderator:**\n\n| Photo | Speaker | Title |\n|---|---|---|\n"
            "| ![](/i/g.jpg) | Ms Rebecca Hale | Technology Correspondent, The Pacific Ledger |\n\n"
            "**Panellists:**\n\n| Photo | Speaker | Title |\n|---|---|---|\n"
            "| ![](/i/h.jpg) | Dr Aisha Siddiqui | Head of AI Security Research, Meridian AI Labs, United Kingdom |\n"
            "| ![](/i/i.jpg) | Mr Javier Ortega | Chief Technology Officer, Andes Secure, Colombia |\n")).replace(
            "2030-10-16", "2031-10-16"),
    }
    root = write_files(tmp_path / "site", {**files, "speakergraph.toml": (
        '[site]\nseries = "cw"\nname = "Cyber Week"\n[[parts]]\nfiles = "2030/*.md"\nreader = "sicw"\n'
        '[[parts]]\nfiles = "2031/*.md"\nreader = "programme"\n')})
    rows = rows_of(preview(site_for(root), sample=0))
    roles = {name: role for (name, _), (role, *_) in rows.items()}
    assert roles == {"Daniel Whit": "moderator", "Kadri Lepp": "panellist", "Tan Wei Ling": "panellist",
                     "Ingrid Sol": "panellist", "Samuel Okon": "panellist", "Eleanor Whit": "moderator",
                     "Mei Lin Ong": "keynote", "Rebecca Hale": "moderator", "Aisha Siddiqui": "panellist",
                     "Javier Ortega": "panellist"}, rows


def test_a_seminar_page_whose_event_line_opens_the_body(tmp_path: Path):
    """A seminar series' event page: the front matter's date is when it was posted, the body opens with the
    event's date and time in bold (a remark in brackets after it), then labels over the people: the session is
    the page's title, on the day printed."""
    page = """---
title: "Export Controls on Emerging Technologies"
date: 2030-05-20T08:00:00Z
---

**Thursday 13 June 2030, 09:00–10:00 BST** (note the morning start, to suit participants in Asia)
**Format:** Webinar

Controls on advanced chips have become a tool of competition.

Speakers:
Mei Tanaka, Deputy Director, Ministry of Foreign Affairs of Japan
Dr Hannah Becker, Senior Fellow, Spree Institute for Technology Policy

Chair:
Dr Mateus Oliveira, Postdoctoral Fellow, Centre for Technology and Security
"""
    other = page.replace("Export Controls on Emerging Technologies", "Space Security in Low Earth Orbit").replace(
        "13 June 2030", "12 September 2030").replace("Mei Tanaka", "Arjun Mehta")
    root = write_files(tmp_path / "site", {"content/events/2030-05-20-export-controls.md": page,
                                           "content/events/2030-08-01-space-security.md": other,
                                           "speakergraph.toml": '[site]\nseries = "ctis"\nname = "CTIS Seminars"\n'
                                                                '[[parts]]\nfiles = "content/events/*.md"\n'
                                                                'reader = "programme"\n'})
    rows = rows_of(preview(site_for(root), sample=0), dated=True)
    assert rows[("Mei Tanaka", "Export Controls on Emerging Technologies")] == \
        ("speaker", "Deputy Director", "Ministry of Foreign Affairs of Japan", "JP", "2030-06-13"), rows
    assert rows[("Mateus Oliveira", "Space Security in Low Earth Orbit")][-1] == "2030-09-12", rows


def test_speakers_printed_as_the_first_sentence_of_their_biography(tmp_path: Path):
    """Under a "Speakers" heading, a biography opening with the person's name in bold, "is", the title and "at" the
    organisation, gives that person and position."""
    page = """---
title: "Cyber Norms at Mid-Point"
date: 2030-01-05T08:00:00Z
---

**Thursday 26 January 2030, 12:30–13:45 GMT**
**Format:** Webinar

Halfway through its mandate, the working group has agreed two progress reports.

## Speakers

**Ambassador Kadri Tamm** is Ambassador-at-Large for Cyber Diplomacy at the Ministry of Foreign Affairs of
Estonia. She has led her country's delegation since 2021.

**Dr Ana Lima** is a Research Fellow at the Lisbon Institute for Strategic Studies, where she works on
international law in cyberspace.

**Chair:** Professor Helen Marsh, Director, Centre for Technology and Security
"""
    root = write_files(tmp_path / "site", {"content/events/2030-01-05-norms.md": page, "speakergraph.toml":
                                           '[site]\nseries = "ctis"\n[[parts]]\nfiles = "content/events/*.md"\n'
                                           'reader = "programme"\n'})
    rows = rows_of(preview(site_for(root), sample=0))
    assert rows == {
        ("Kadri Tamm", "Cyber Norms at Mid-Point"):
            ("speaker", "Ambassador-at-Large for Cyber Diplomacy", "Ministry of Foreign Affairs of Estonia", "EE"),
        ("Ana Lima", "Cyber Norms at Mid-Point"): ("speaker", "Research Fellow", "Lisbon Institute for Strategic Studies",
                                                 None),
        ("Helen Marsh", "Cyber Norms at Mid-Point"):
            ("moderator", "Director", "Centre for Technology and Security", None),
    }, rows
