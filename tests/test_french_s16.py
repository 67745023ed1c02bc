"""French programme pages (Hugo/Jekyll day pages) and times statements of other regions: quoted front-matter
dates, French ranks and honorifics, French role lead-ins, lower-case job titles, "M." proposed as Monsieur, zones
from abbreviations and city names, national CERTs named after a two-word country. Every page and name is made up."""

from datetime import date

from conftest import write_files
from ingest import readers
from ingest.countries import default_countries
from ingest.draft_site import monsieur
from ingest.draft_zones import city_statement, statement_zone, zone_statement
from ingest.loader import site_for
from ingest.names import split_name
from ingest.normalize import _BODY_WORDS, _leading_country
from ingest.people_text import role_prefix
from ingest.person_pattern import brief, split_person
from ingest.programme_days import front_date
from ingest.read import read_document
from ingest.records import Document
from ingest.roles import role_of, role_of_title


def test_a_quoted_front_matter_date_dates_the_page():
    assert front_date("2031-06-03") == date(2031, 6, 3)
    assert front_date("2031-06-03T09:00:00+02:00").date() == date(2031, 6, 3)  # its time kept, as YAML's
    assert front_date("juin 2031") is None


def test_french_ranks_and_forms_of_address_are_honorifics():
    cases = {"Général de division Lucien Marre": "Général de division",
             "Général d'armée aérienne Odile Vasseur": "Général d'armée aérienne",
             "Contre-amiral Paul Kerbrat": "Contre-amiral", "Lieutenant-colonel Anne Morvan": "Lieutenant-colonel",
             "Commissaire divisionnaire Hugo Brassac": "Commissaire divisionnaire", "Me Lise Tardieu": "Me",
             "Mgr Alban Ferrat": "Mgr", "Commandant Yves Le Bihan": "Commandant"}
    for printed, honorific in cases.items():
        assert split_name(printed).honorific == honorific, printed


def test_french_closing_words_are_remarks_and_an_article_before_a_rank_is_dropped():
    assert role_of("Conclusion") == role_of("Grand témoin") == role_of("Mot de conclusion") == "remarks"
    assert role_of("Discours de clôture") == "remarks"
    assert role_of_title("Conclusion de la journée") == "Conclusion"
    assert role_of_title("Conclusions de l'étude") is None  # a study's conclusions: a topic
    label, rest = role_prefix("Conclusion par le Général d'armée aérienne Odile Vasseur, présidente du comité")
    assert (label, rest.split(",")[0]) == ("Conclusion", "Général d'armée aérienne Odile Vasseur")
    assert role_prefix("Allocution de la Présidence")[0] is None


def test_a_format_word_and_colon_after_a_separator_gives_its_role():
    assert role_of(role_of_title("· Panel: Tides and grids")) == "panellist"


def test_a_lone_position_in_small_letters_after_a_name_is_a_job_title():
    assert brief(split_person("M. Hervé Lantier, maire de Douvrin")) == ("M. Hervé Lantier", [("maire de Douvrin", None)])
    assert brief(split_person("Général Lucien Marre, commandant de la cyberdéfense"))[1] == \
        [("commandant de la cyberdéfense", None)]
    assert brief(split_person("Ann Lee, eBay"))[1] == [(None, "eBay")]  # a brand's small letter


def test_the_drafter_proposes_monsieur_where_pages_print_it_before_names():
    body = "- M. Hervé Lantier, maire\n- M. Paul Ribot\n- Mme Odile Vasseur\n- M. Luc Dutronc, avocat\n"
    assert monsieur([Document("2031/jour-1.md", "", {}, body, 0)])[0] == 3
    initials = "M. Ravi Kumar, K. Suresh Nair, S. Anil Rao, M. Anand Iyer, M. Arun Pillai, T. Mohan Das, R. Vijay Rao"
    assert monsieur([Document("p.md", "", {}, initials, 0)]) is None  # initials of given names
    assert monsieur([Document("p.md", "", {}, "M. Hervé Lantier and M. Paul Ribot", 0)]) is None  # twice only


def test_times_statements_name_zones_by_abbreviation_and_by_city():
    said = zone_statement("All times are East Africa Time (EAT).")
    assert said[0] == "EAT" and statement_zone(said[0], said[2], [date(2031, 6, 3)])[0] == "Africa/Nairobi"
    said = zone_statement("All times MYT (GMT+8)")
    assert statement_zone(said[0], said[2], [date(2031, 6, 3)])[0] == "Asia/Kuala_Lumpur"
    assert zone_statement("Horaires en heure locale (UTC+1).")[0] == "UTC+1"
    assert city_statement("Horaires en heure de Paris. Programme susceptible de modifications.")[0] == "Europe/Paris"


def test_a_two_word_country_opening_a_national_cert_gives_its_country():
    c = default_countries()
    assert _leading_country("Viet Nam Computer Emergency Response Team (VNCERT)", _BODY_WORDS, c) == "Viet Nam"
    assert _leading_country("New Zealand CERT", _BODY_WORDS, c) == "New Zealand"


DAY_PAGE = """---
title: "Programme — Mardi 3 juin 2031"
date: "2031-06-03"
---

Horaires en heure de Paris.

## 10h00 – 11h15 · Panel: Tides and grids

Speakers :
- M. Hervé Lantier, maire de Douvrin
- Général de division Lucien Marre, commandant de la cyberdéfense

## 12h00 – 12h15 · Clôture

Conclusion par le Général d'armée aérienne Odile Vasseur, présidente du comité d'organisation
"""

PROFILE = """[site]
series = "forum"
timezone = "Europe/Paris"
honorifics = ["M."]

[[parts]]
files = "2031/*.md"
reader = "programme"
"""


def test_a_french_day_page_with_a_quoted_date(tmp_path):
    write_files(tmp_path, {"2031/jour-1.md": DAY_PAGE, "speakergraph.toml": PROFILE})
    site = site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")
    sessions = readers.read(read_document(tmp_path, tmp_path / "2031/jour-1.md"), site).sessions
    rows = [(s.start.date().isoformat(), r.role, r.name.honorific, r.name.name,
             [(p.title, p.organisation) for p in r.positions]) for s in sessions for r in s.rows]
    assert rows == [
        ("2031-06-03", "panellist", "M.", "Hervé Lantier", [("maire de Douvrin", None)]),
        ("2031-06-03", "panellist", "Général de division", "Lucien Marre", [("commandant de la cyberdéfense", None)]),
        ("2031-06-03", "remarks", "Général d'armée aérienne", "Odile Vasseur", [("présidente du comité d'organisation", None)])]
