"""The SICW reader on shapes another year of the site prints (made-up pages): a lone "Designation" column holding
title and organisation, two people in one name cell, a date only in the permalink."""

from __future__ import annotations

from datetime import date

from test_sicw import page, people

from conftest import write_files as write
from ingest.loader import pipeline, site_for

DESIGNATION = ("| Speaker | Designation |\n|---|---|\n| **Moderator:** | |\n"
               "| Prof Ilse Marrow | Director, Centre for Tidal Law, Westhaven University |\n"
               "| **Panellists** | |\n| Ms Oda Brekke | Chief Technology Officer, Fjordline Subsea AS<br>Norway |\n"
               "| Mr Tomas Vey | Harbour Master |\n")


def test_a_lone_designation_column_holds_title_and_organisation(tmp_path):
    assert [(r[1], r[3], r[4], r[5], r[6]) for r in people(page(tmp_path, DESIGNATION))] == [
        ("moderator", "Prof", "Ilse Marrow", [("Director", "Centre for Tidal Law, Westhaven University")], None),
        ("panellist", "Ms", "Oda Brekke", [("Chief Technology Officer", "Fjordline Subsea AS")], "NO"),
        ("panellist", "Mr", "Tomas Vey", [("Harbour Master", None)], None)]


def test_a_designation_column_beside_an_organisation_column_stays_the_title(tmp_path):
    body = ("| Speaker | Designation | Organisation |\n|---|---|---|\n"
            "| Ms Oda Brekke | Vice President, Trust and Safety | Fjordline Subsea AS |\n")
    assert [r[5] for r in people(page(tmp_path, body))] == [[("Vice President, Trust and Safety", "Fjordline Subsea AS")]]


PAIR = ("|**Speakers**| |\n|---|---|\n"
        "| Mr Kofi Mensah-Ablo and Ms Lucía Ferraz | *Deputy Ministers*<br>Ghana and Uruguay |\n"
        "| Dr Ann Lee & Prof Bo Chan | *Co-Chairs*<br>Reef Council<br>Fiji |\n"
        "| Mr Tan and Partners | *Law firm*<br>Singapore |\n")


def test_two_people_in_one_name_cell_are_a_row_each(tmp_path):
    assert [(r[3], r[4], r[5], r[6]) for r in people(page(tmp_path, PAIR))] == [
        ("Mr", "Kofi Mensah-Ablo", [("Deputy Minister", None)], "GH"),
        ("Ms", "Lucía Ferraz", [("Deputy Minister", None)], "UY"),
        ("Dr", "Ann Lee", [("Co-Chair", "Reef Council")], "FJ"),
        ("Prof", "Bo Chan", [("Co-Chair", "Reef Council")], "FJ"),
        ("Mr", "Tan and Partners", [("Law firm", None)], "SG")]


def test_a_date_only_in_the_permalink_dates_the_session(tmp_path):
    rel = "_2031-events/day-3/x.md"
    text = ("---\ntitle: Norms Dialogue\npermalink: /2031/events/23-oct-2031/norms-dialogue/\n---\n"
            "Time: 2.30pm – 4pm (SGT)\n\n|**Moderator**| |\n|---|---|\n| Dr Sven Aalto | *Director*<br>Finland |\n")
    write(tmp_path, {rel: text, "speakergraph.toml": '[[parts]]\nfiles = "**/*.md"\nreader = "sicw"\n'})
    (session,) = pipeline(rel, text.encode(), site_for(tmp_path)).sessions
    assert session.date == date(2031, 10, 23) and session.start.hour == 14
    assert [r.name.name for r in session.rows] == ["Sven Aalto"]


def test_a_speaker_page_of_two_italic_offices_and_a_bio_label(tmp_path):
    from test_sicw_s14 import speaker
    body = ("### Mrs Ada Lindqvist\n\n*Minister for Tides*  \n*Minister-in-charge of Lighthouses*  \nNorway\n\n"
            "About the Speaker\n\nMrs Lindqvist was appointed Minister in 2029 and oversees the coastal watch.\n")
    page_ = speaker(tmp_path, "Mrs Ada Lindqvist", body)
    assert [(p.title, p.organisation) for p in page_.positions] == [("Minister for Tides", None),
                                                                    ("Minister-in-charge of Lighthouses", None)]
    assert page_.country_label == "Norway"
    assert page_.biography.startswith("Mrs Lindqvist was appointed")


def test_an_italic_office_above_its_agency_stays_one_position(tmp_path):
    from test_sicw_s14 import speaker
    body = ("### Mr Ole Dahl\n\n*Commissioner of Tides and Chief Executive*  \n*Harbour Security Agency (HSA)*\n\n"
            "Bio\n\nMr Dahl has led the Agency since its founding and served at sea for many years before.\n")
    page_ = speaker(tmp_path, "Mr Ole Dahl", body)
    assert [(p.title, p.organisation) for p in page_.positions] == [
        ("Commissioner of Tides and Chief Executive", "Harbour Security Agency (HSA)")]
    assert page_.biography.startswith("Mr Dahl has led")
