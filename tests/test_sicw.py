"""The SICW reader on the real corpus and the bundled sample: the seed panel and its variations."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from conftest import SAMPLE, SICW, corpus
from ingest.loader import pipeline, site_for
from ingest.read import relpath

SEED = "_2024-events/15 October 2024/Solidarity in Cyberspace: How To Assist Countries in Need.md"
AI = "_2024-events/16 October 2024/High–Level Panel: Can AI be Secure?.md"
SGT = timezone(timedelta(hours=8))

SEED_ROWS = [
    ("panellist", "Ms", "Manon Le Blanc", [("EU Coordinator for Cyber Issues", "European External Action Service")], "EU"),
    ("panellist", "Ms", "Larissa Schneider Calza",
     [("Head of Cyber Defense and Security Division", "Ministry of Foreign Affairs")], "BR"),
    ("panellist", "H.E.", "Maria Adebahr", [("Director for Cyber Foreign and Security Policy", "Federal Foreign Office")], "DE"),
    ("panellist", "Mr", "Sithuraj Ponraj",
     [("Director of International Cyber Policy Office", "Cyber Security Agency of Singapore (CSA)")], "SG"),
    ("panellist", "Ms", "Liesyl Franz", [("Deputy Assistant Secretary for International Cyberspace Security",
                                          "Bureau of Cyberspace and Digital Policy")], "US"),
    ("moderator", "H.E.", "Tadeusz Chomicki", [("Director for Cyber Foreign and Security Policy",
                                                 "Security Policy Department, Ministry of Foreign Affairs")], "PL"),
]


def parse(root, rel):
    path = root / rel
    return pipeline(relpath(root, path), path.read_bytes(), site_for(root))


def rows_of(parsed):
    (session,) = parsed.sessions
    return session, [(r.role, r.name.honorific, r.name.name, [(p.title, p.organisation) for p in r.positions],
                      r.country_code) for r in session.rows]


@pytest.mark.parametrize("root", [SAMPLE, SICW], ids=["sample", "sicw-2024"])
def test_seed_panel_has_exactly_six_appearances(root):
    session, rows = rows_of(parse(corpus(root), SEED))
    assert rows == SEED_ROWS
    assert session.start == datetime(2024, 10, 15, 16, 0, tzinfo=SGT)
    assert session.end == datetime(2024, 10, 15, 17, 30, tzinfo=SGT)
    assert session.title == "Solidarity in Cyberspace: How To Assist Countries in Need"


@pytest.mark.parametrize("root", [SAMPLE, SICW], ids=["sample", "sicw-2024"])
def test_keynote_with_two_positions(root):
    session, rows = rows_of(parse(corpus(root), AI))
    janil = [r for r in rows if r[2] == "Janil Puthucheary"]
    assert janil == [("keynote", "Dr", "Janil Puthucheary",
                      [("Senior Minister of State", "Ministry of Digital Development and Information"),
                       ("Senior Minister of State", "Ministry of Health")], "SG")]
    assert session.start == datetime(2024, 10, 16, 9, 30, tzinfo=SGT)


def test_every_real_file_reads_without_crashing():
    root = corpus(SICW)
    site = site_for(root)
    for path in sorted(root.rglob("*.md")):
        parsed = pipeline(relpath(root, path), path.read_bytes(), site)
        assert parsed.sessions or parsed.speakers or parsed.notes, path


def test_positions_written_inside_the_italics_are_split():
    root = corpus(SICW)
    _, rows = rows_of(parse(root, "_2024-events/17 October 2024/Securing Smart Cities.md"))
    (janil,) = [r for r in rows if r[2] == "Janil Puthucheary"]
    assert janil[3] == [("Senior Minister of State", "Ministry of Digital Development and Information"),
                        ("Senior Minister of State", "Ministry of Health")]


def test_stray_comma_and_repeated_rows():
    root = corpus(SICW)
    parsed = parse(root, "_2024-events/17 October 2024/High–Level Panel: Has the Era of Tech Broken Multilateralism?.md")
    _, rows = rows_of(parsed)
    (shukla,) = [r for r in rows if r[2] == "Amit Shukla"]
    assert shukla[3] == [("Joint Secretary, Cyber Diplomacy Division", "Ministry of External Affairs")]
    assert shukla[4] == "IN"
    maliki = [r for r in rows if r[2] == "Mohamad Maliki Bin Osman"]
    assert sorted(r[0] for r in maliki) == ["panellist", "speaker"]
    fick = [r for r in rows if "Fick" in r[2]]
    assert {r[4] for r in fick} == {"US"}


def test_speaker_page():
    root = corpus(SICW)
    parsed = parse(root, "_2024-speakers/Moderator – HE Tadeusz Chomicki.md")
    (page,) = parsed.speakers
    assert (page.name.honorific, page.name.name, page.person_key) == ("H.E.", "Tadeusz Chomicki", "tadeusz-chomicki")
    assert page.country_code == "PL"
    assert page.positions[0].organisation == "Security Policy Department, Ministry of Foreign Affairs"
    assert page.biography and page.image


def test_calendar_page_is_reported_not_ingested():
    root = corpus(SICW)
    parsed = parse(root, "_2024-events/Calendar of Events.md")
    assert not parsed.sessions
    assert any(n.kind == "skipped-file" for n in parsed.notes)


# --- shapes of other years, on pages written here (no real text) ------------------------------------------

HEAD = """---
title: "{title}"
permalink: /archive/events/{slug}/
---
#### **{title}**

**{date}**
{time}

"""


def page(tmp_path, body, title="Lighthouse Talks", date="2 October 2023 (Monday)", time="*Time: 2.00pm to 3.00pm (GMT +8)*",
         rel="_2023-events/2 October 2023/x.md", profile=False):
    """Parse one page of the SICW shape written under ``tmp_path`` (``profile``: by a profile naming the reader,
    not by detection)."""
    root = tmp_path / "conf-2023"
    text = HEAD.format(title=title, slug=title.lower().replace(" ", "-"), date=date, time=time) + body
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if profile:
        (root / "speakergraph.toml").write_text('[[parts]]\nfiles = "**/*.md"\nreader = "sicw"\n', encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return pipeline(rel, text.encode(), site_for(root))


ONE_ROW = "|**Speaker** | |\n| [Mr Ole Dahl](/speakers/mr-ole-dahl/) | *Harbour Master*<br>Port of Bergen<br>Norway |\n"


@pytest.mark.parametrize("line, start, end", [
    ("*8.00pm to 9.15pm (GMT +8)*", (20, 0), (21, 15)),
    ("*9.50pm to 10.50pm*", (21, 50), (22, 50)),
    ("*9.30am \u2013 11.00am (GMT +8)*", (9, 30), (11, 0)),
    ("*2.00pm - 3.30pm (GMT+8)*", (14, 0), (15, 30)),
    ("*Time: 10.00am to 12.00pm (GMT +8)*", (10, 0), (12, 0)),
    ("**Time:** 0900 – 1030hrs (SGT)", (9, 0), (10, 30)),
    ("**Time:** 0900-1030", (9, 0), (10, 30)),
])
def test_every_time_line_shape_is_read(tmp_path, line, start, end):
    parsed = page(tmp_path, ONE_ROW, time=line)
    (session,) = parsed.sessions
    assert (session.start.hour, session.start.minute) == start
    assert (session.end.hour, session.end.minute) == end
    assert session.time_label


def test_an_unreadable_time_line_is_reported_with_its_line(tmp_path):
    parsed = page(tmp_path, ONE_ROW, time="*8.00pm to 9.75pm (GMT +8)*")
    (session,) = parsed.sessions
    assert session.start is None and session.end is None
    (note,) = [n for n in parsed.notes if n.kind == "bad-time"]
    assert note.line == 8 and note.path.endswith("x.md")


def test_a_weekday_that_belongs_to_the_edition_year_corrects_the_printed_year(tmp_path):
    parsed = page(tmp_path, ONE_ROW, date="3 October 2022 (Tuesday)")  # 3 October 2023 is a Tuesday
    (session,) = parsed.sessions
    assert session.date.isoformat() == "2023-10-03"
    assert [n.kind for n in parsed.notes if n.kind == "date-corrected"] == ["date-corrected"]


def test_a_weekday_that_fits_no_year_leaves_the_date(tmp_path):
    parsed = page(tmp_path, ONE_ROW, date="3 October 2023 (Friday)")
    assert parsed.sessions[0].date.isoformat() == "2023-10-03"
    assert not [n for n in parsed.notes if n.kind == "date-corrected"]


@pytest.mark.parametrize("title, body", [("Example Title", ONE_ROW), ("Lighthouse Talks", "Lorem ipsum dolor sit amet.\n\n" + ONE_ROW)])
def test_placeholder_pages_are_skipped_and_reported(tmp_path, title, body):
    parsed = page(tmp_path, body, title=title)
    assert not parsed.sessions
    assert [n.kind for n in parsed.notes] == ["placeholder"]


@pytest.mark.parametrize("heading, role, label", [
    ("##### **Speakers**", "speaker", "Speakers"),
    ("##### **Speakers (Draft)**", "speaker", "Speakers"),
    ("##### **Opening Segment**", "remarks", "Opening Segment"),
    ("##### **Panellists**", "panellist", "Panellists"),
])
def test_the_heading_above_a_table_without_role_rows_names_the_role(tmp_path, heading, role, label):
    body = (f"{heading}\n\n| [Ms Ana Ruiz](/speakers/ms-ana-ruiz/) | *Port Engineer*<br>Port of Valencia<br>Spain |\n"
            "| Mr Ole Dahl | *Harbour Master*<br>Port of Bergen<br>Norway |\n")
    (session,) = page(tmp_path, body).sessions
    assert [(r.name.name, r.role, r.role_label) for r in session.rows] == [("Ana Ruiz", role, label), ("Ole Dahl", role, label)]


def test_a_row_above_the_first_role_row_takes_the_role_its_link_names(tmp_path):
    body = ("| [Dr Mei Lin](/moderator-dr-mei-lin/) | *Dean*<br>Harbour Institute<br>Singapore |\n"
            "|<br>**Panellists (Draft)** | |\n"
            "| [Mr Ole Dahl](/speakers/mr-ole-dahl/) | *Harbour Master*<br>Port of Bergen<br>Norway |\n")
    (session,) = page(tmp_path, body).sessions
    assert [(r.name.name, r.role, r.role_label, r.person_key) for r in session.rows] == [
        ("Mei Lin", "moderator", "Moderator", "mei-lin"), ("Ole Dahl", "panellist", "Panellists", "ole-dahl")]


def test_an_agenda_table_under_a_role_heading_is_not_read_as_people(tmp_path):
    body = "##### **Speakers**\n\n| 9.00am | Registration |\n| 9.30am | Welcome |\n\n" + ONE_ROW
    (session,) = page(tmp_path, body).sessions
    assert [r.name.name for r in session.rows] == ["Ole Dahl"]


@pytest.mark.parametrize("cell, positions, country", [
    # a country at the end of an italic title
    ("*Minister of Harbours and Lighthouses, Brunei*", [("Minister of Harbours and Lighthouses", None)], "BN"),
    # an international body as the last line, and no other organisation: it is the organisation
    ("*Special Envoy for Ports*<br>United Nations", [("Special Envoy for Ports", "United Nations")], None),
    ("*Director of Harbour Crime*<br>INTERPOL", [("Director of Harbour Crime", "INTERPOL")], None),
    # an international body beside a printed organisation stays the country
    ("*Adviser*<br>Maritime Service<br>European Union", [("Adviser", "Maritime Service")], "EU"),
    # a second italic line that is the organisation
    ("*Vice-Minister of Harbours<br>Ministry of Sea Transport*<br>Chile",
     [("Vice-Minister of Harbours", "Ministry of Sea Transport")], "CL"),
    # a title broken at <br> in mid-phrase stays one title
    ("*Minister for Harbours and<br>Second Minister for Lighthouses*<br>Singapore",
     [("Minister for Harbours and Second Minister for Lighthouses", None)], "SG"),
    # two positions inside the italics stay two
    ("*Chair, Harbour Board<br>Senior Adviser, Ministry of Sea Transport*<br>Singapore",
     [("Chair, Harbour Board", None), ("Senior Adviser", "Ministry of Sea Transport")], "SG"),
])
def test_position_cells(tmp_path, cell, positions, country):
    body = f"|**Speaker** | |\n| [Mr Ole Dahl](/speakers/mr-ole-dahl/) | {cell} |\n"
    (session,) = page(tmp_path, body).sessions
    (row,) = session.rows
    assert [(p.title, p.organisation) for p in row.positions] == positions
    assert row.country_code == country


SPEAKER = """---
title: Moderator – Dr Mei Lin
permalink: /people/dr-mei-lin/
---
#### **Dr Mei Lin**

*Dean, <br>Harbour Institute<br>Singapore*

##### **Biography**
Dr Mei Lin leads the institute's work on port safety and has written widely on the governance of shared waters.
"""


def test_a_speaker_page_is_known_by_its_shape_wherever_it_lives(tmp_path):
    root = tmp_path / "conf-2023"
    rel = "_2023-moderators/Moderator – Dr Mei Lin.md"
    (root / "_2023-moderators").mkdir(parents=True)
    (root / rel).write_text(SPEAKER, encoding="utf-8")
    parsed = pipeline(rel, SPEAKER.encode(), site_for(root))
    (speaker,) = parsed.speakers
    assert (speaker.name.honorific, speaker.name.name, speaker.person_key) == ("Dr", "Mei Lin", "mei-lin")
    assert [(p.title, p.organisation) for p in speaker.positions] == [("Dean", "Harbour Institute")]
    assert speaker.country_code == "SG" and speaker.biography
    assert not parsed.sessions and not [n for n in parsed.notes if n.kind == "skipped-file"]


def test_a_time_on_the_date_line_is_read(tmp_path):
    parsed = page(tmp_path, ONE_ROW, date="2 October 2023 (Monday), 8.00pm to 9.15pm (GMT +8)", time="")
    (session,) = parsed.sessions
    assert (session.date.isoformat(), session.start.hour, session.end.minute) == ("2023-10-02", 20, 15)


def test_a_date_range_is_no_time(tmp_path):
    parsed = page(tmp_path, ONE_ROW, date="2-4 October 2023", time="")
    (session,) = parsed.sessions
    assert session.start is None and session.end is None


# --- a panel table whose header names its columns -----------------------------------------------------

COLUMNS_PAGE = """---
title: Ministerial Roundtable on Cable Resilience
permalink: /events/ministerial-roundtable/
---
# Ministerial Roundtable on Cable Resilience

**Date:** Tuesday, 3 June 2031
**Time:** 2.00pm – 3.30pm (UTC+12)

| Speaker | Role | Designation | Organisation | Country | Photo |
|---|---|---|---|---|---|
| Hon. Mele Tonga | Chair | Minister for Communications | Ministry of Communications | Tonga | x.png |
| Ms Lei Kaho | Panellist | Regional Director; Board Member | Coral Cables; Island Telecom Association | United States | |
| Dr Ann Bjork | Panellist | Senior Researcher | Institute for Maritime Infrastructure | Norway | |
| **Rapporteurs** | | | | | |
| Ms Tupou Nau | | Policy Officer | Digital Secretariat | | |
"""


def test_a_table_whose_header_names_its_columns(tmp_path):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "roundtable.md").write_text(COLUMNS_PAGE, encoding="utf-8")
    session, rows = rows_of(parse(tmp_path, "events/roundtable.md"))  # detected: no profile
    assert (session.title, session.start.isoformat()) == ("Ministerial Roundtable on Cable Resilience",
                                                          "2031-06-03T14:00:00+12:00")
    assert [(r.role_label, r.line) for r in session.rows] == [
        ("Chair", 12), ("Panellist", 13), ("Panellist", 14), ("Rapporteurs", 16)]
    assert rows == [
        ("moderator", "Hon.", "Mele Tonga", [("Minister for Communications", "Ministry of Communications")], "TO"),
        ("panellist", "Ms", "Lei Kaho", [("Regional Director", "Coral Cables"),
                                         ("Board Member", "Island Telecom Association")], "US"),
        ("panellist", "Dr", "Ann Bjork", [("Senior Researcher", "Institute for Maritime Infrastructure")], "NO"),
        ("other", "Ms", "Tupou Nau", [("Policy Officer", "Digital Secretariat")], None),
    ]


# --- people printed otherwise: photo columns, a cell per person, role lines beside the table ---------------------

def people(parsed):
    (session,) = parsed.sessions
    return [(r.line, r.role, r.role_label, r.name.honorific, r.name.name,
             [(p.title, p.organisation) for p in r.positions], r.country_code) for r in session.rows]


def test_a_photo_column_is_no_field_and_the_person_cell_is_read(tmp_path):
    body = ("| | |\n|---|---|\n| **Guest of Honour** | |\n"
            "| ![Ivo Rask](/img/ivo.jpg) | **Mr Ivo Rask Tamm**<br>Minister for Lighthouses<br>Estonia |\n"
            "| **Welcome Address** | |\n"
            "| ![](/img/uma.jpg) | **Ms Uma Brandt**<br>Chief Executive<br>Harbour Resilience Office (HRO)<br>Denmark |\n")
    parsed = page(tmp_path, body)
    assert people(parsed) == [
        (13, "guest-of-honour", "Guest of Honour", "Mr", "Ivo Rask Tamm", [("Minister for Lighthouses", None)], "EE"),
        (15, "remarks", "Welcome Address", "Ms", "Uma Brandt",
         [("Chief Executive", "Harbour Resilience Office (HRO)")], "DK")]
    assert not [n for n in parsed.notes if n.kind in ("skipped-row", "not-a-person")]


def test_a_photo_column_before_a_name_and_a_position_cell(tmp_path):
    body = ("|**Panellists** | | |\n| ![](/img/a.jpg) | Dr Ines Morau | *Harbour Pilot*<br>Port of Lisbon<br>Portugal |\n"
            "| | **Moderator** | |\n| ![](/img/b.jpg) | Mr Ole Dahl | *Harbour Master*<br>Port of Bergen<br>Norway |\n")
    assert [(r[1], r[4], r[5], r[6]) for r in people(page(tmp_path, body))] == [
        ("panellist", "Ines Morau", [("Harbour Pilot", "Port of Lisbon")], "PT"),
        ("moderator", "Ole Dahl", [("Harbour Master", "Port of Bergen")], "NO")]


def test_a_cell_per_person_under_a_role_header(tmp_path):
    body = ("| Speakers |\n|---|\n"
            "| Dr Rana Aziz<br>Senior Researcher<br>Gulf Centre for Sea Law<br>Oman |\n"
            "| Mr Tomas Ek<br>Joint Secretary, Coastal Affairs<br>Office of Maritime Strategy<br>Sweden |\n"
            "| **Moderator:** Prof. Ada Mwangi<br>Dean, School of Ocean Policy<br>Rift Institute of Policy<br>Kenya |\n")
    parsed = page(tmp_path, body)
    assert people(parsed) == [
        (12, "speaker", "Speakers", "Dr", "Rana Aziz", [("Senior Researcher", "Gulf Centre for Sea Law")], "OM"),
        (13, "speaker", "Speakers", "Mr", "Tomas Ek", [("Joint Secretary, Coastal Affairs", "Office of Maritime Strategy")],
         "SE"),
        (14, "moderator", "Moderator", "Prof.", "Ada Mwangi", [("Dean, School of Ocean Policy", "Rift Institute of Policy")],
         "KE")]
    assert not [n for n in parsed.notes if n.kind == "not-a-person"]


def test_people_side_by_side_in_one_row_and_a_moderator_line_under_the_table(tmp_path):
    body = ("### Panellists\n\n| ![](/img/a.jpg) | ![](/img/b.jpg) |\n|---|---|\n"
            "| **Col. (Ret'd) Piet Smit**<br>Senior Fellow<br>Centre for Cable Security<br>South Africa "
            "| **Dr Lena Vogt**<br>Director, Orbital Assurance<br>Alpine Space Works<br>Austria |\n\n"
            "*Moderated by Ms Kay Dunn, Editor, The Harbour Gazette (Ireland)*\n")
    rows = people(page(tmp_path, body))
    assert [(r[0], r[1], r[4], r[5], r[6]) for r in rows] == [
        (14, "panellist", "Piet Smit", [("Senior Fellow", "Centre for Cable Security")], "ZA"),
        (14, "panellist", "Lena Vogt", [("Director, Orbital Assurance", "Alpine Space Works")], "AT"),
        (16, "moderator", "Kay Dunn", [("Editor", "The Harbour Gazette")], "IE")]


COLUMN_TABLE = """| Name | Designation | Organisation | Country |
|---|---|---|---|
| Ms Noa Levi | Senior Fellow | Centre for Sea Security | Israel |

**Chair:** Ms Rosa Lima, Deputy Director, Coastal Liaison Office, Brazil

*Moderated by Mr Finn Berg, Editor, The Tide Ledger (Norway)*
"""


def test_chair_and_moderator_lines_under_a_table_are_people(tmp_path):
    rows = people(page(tmp_path, COLUMN_TABLE, time="**Time:** 0900 – 1030hrs (SGT)"))
    assert rows == [
        (12, "speaker", "Speaker", "Ms", "Noa Levi", [("Senior Fellow", "Centre for Sea Security")], "IL"),
        (14, "moderator", "Chair", "Ms", "Rosa Lima", [("Deputy Director", "Coastal Liaison Office")], "BR"),
        (16, "moderator", "Moderator", "Mr", "Finn Berg", [("Editor", "The Tide Ledger")], "NO")]


def test_role_lines_and_a_role_block_name_the_people_of_a_page_without_a_table(tmp_path):
    body = ("**Speaker:** Hon. Eva Holm, Minister of Harbours, Iceland<br>\n"
            "**Moderator:** Ms Kay Dunn, Editor, The Harbour Gazette, Ireland\n\n"
            "**Keynote Speaker**<br>\n**Prof. Ken Ito**<br>\nProfessor of Sea Law, Kansai Institute of Shipping<br>\nJapan\n")
    assert [(r[0], r[1], r[2], r[4], r[5], r[6]) for r in people(page(tmp_path, body, profile=True))] == [
        (10, "speaker", "Speaker", "Eva Holm", [("Minister of Harbours", None)], "IS"),
        (11, "moderator", "Moderator", "Kay Dunn", [("Editor", "The Harbour Gazette")], "IE"),
        (14, "keynote", "Keynote Speaker", "Ken Ito", [("Professor of Sea Law", "Kansai Institute of Shipping")], "JP")]


def test_a_bold_title_or_an_abstract_line_after_a_role_word_names_nobody(tmp_path):
    body = "**Keynote: Securing Harbour Cranes**\n\nPanel: Digital Tides, Data and Trust\n\n" + ONE_ROW
    assert [r[4] for r in people(page(tmp_path, body))] == ["Ole Dahl"]


def test_a_table_with_a_joined_position_column_and_a_moderator_sub_header(tmp_path):
    body = ("| | Name | Designation, Organisation |\n|---|---|---|\n"
            "| ![](/img/a.jpg) | Mr Kofi Mensah | Chief Technology Officer, Gulf Terminals, Ghana |\n"
            "| | **Moderator** | |\n| ![](/img/b.jpg) | BG TAN Wee Lim | Commander, Harbour Cyber Command, Singapore |\n")
    assert [(r[1], r[2], r[3], r[4], r[5], r[6]) for r in people(page(tmp_path, body))] == [
        ("speaker", "Speaker", "Mr", "Kofi Mensah", [("Chief Technology Officer", "Gulf Terminals")], "GH"),
        ("moderator", "Moderator", "BG", "Tan Wee Lim", [("Commander", "Harbour Cyber Command")], "SG")]


def test_a_session_page_that_names_nobody_says_so(tmp_path):
    parsed = page(tmp_path, "A closed-door workshop for harbour masters.\n", profile=True)
    (session,) = parsed.sessions
    assert not session.rows and session.abstract
    assert [n.kind for n in parsed.notes if n.kind == "no-people"] == ["no-people"]
    assert not [n for n in page(tmp_path, ONE_ROW).notes if n.kind == "no-people"]


def test_a_date_line_with_a_format_after_a_bar(tmp_path):
    parsed = page(tmp_path, ONE_ROW, date="Wednesday, 22 October 2031** | **Closed-door session (by invitation)", time="")
    (session,) = parsed.sessions
    assert (session.date.isoformat(), session.format) == ("2031-10-22", "Closed-door session (by invitation)")
