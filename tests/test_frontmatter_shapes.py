"""The front-matter reader on made-up pages of shapes a Jekyll site of its own choosing prints: collection folders
with an underscore, people keys named by their role word, a date key that holds the start, a role naming its
company."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest import frontmatter_site as fm
from ingest.read import parse_document
from ingest.site_keys import Keys


def read(path: str, text: str, **options):
    return fm.read(parse_document(path, text.encode()), **options)


def positions(found) -> list[tuple]:
    return [(p.title, p.organisation) for p in found.positions]


SPEAKER = """---
name: Ida Lunde
role: Staff Engineer
company: Fjordbyte
---

Ida writes parsers.
"""


@pytest.mark.parametrize("path", ["_presenters/ida-lunde.md", "site/_speakers/ida-lunde.md",
                                  "presenters/ida-lunde.md"])
def test_a_jekyll_collection_folder_of_speakers_holds_speaker_pages(path):
    parsed = read(path, SPEAKER)
    (page,) = parsed.speakers
    assert (page.printed_name, page.permalink, positions(page)) == (
        "Ida Lunde", "/presenters/ida-lunde/", [("Staff Engineer", "Fjordbyte")])
    assert not parsed.notes


def test_an_underscore_folder_that_names_no_speakers_is_still_skipped_and_its_file_name_kept():
    assert [n.kind for n in read("_organizers/ida-lunde.md", SPEAKER).notes] == ["skipped-file"]
    assert read("content/speakers/ida-lunde/_index.md", SPEAKER, speakers="**/speakers/*/_index.md").speakers
    assert fm.uncollected("_people/x/_index.md") == "people/x/_index.md"


PANEL = """---
title: "Panel: Tidal Data"
start_datetime: 2031-06-02 14:00:00+02:00
presenter_slugs: [ida-lunde, per-aas]
copresenter_slugs: [mo-berg]
co_presenters: [Kai Voss]
moderator_slugs: [ola-rud]
host: Fjord Data Society
address: 1 Quay Street
organizers: [siv-holm]
---
"""


def test_people_keys_are_read_by_the_role_word_of_their_stem():
    (session,) = read("_schedule/panels/tidal.md", PANEL).sessions
    assert [(r.role_label, r.printed_name) for r in session.rows] == [
        ("Panel", "ida-lunde"), ("Panel", "per-aas"), ("Panel", "mo-berg"), ("Panel", "Kai Voss"),
        ("Moderator", "ola-rud")]  # a lone string under a role word, organizers: no people


def test_a_profiles_own_role_keys_are_matched_by_stem_but_no_other_role_word():
    (session,) = read("_schedule/panels/tidal.md", PANEL, role_keys={"moderator": "Chair"}).sessions
    assert [(r.role_label, r.printed_name) for r in session.rows] == [
        ("Panel", "ida-lunde"), ("Panel", "per-aas"), ("Chair", "ola-rud")]
    assert Keys().stem_role("moderators_ids") == "Moderator" and Keys().stem_role("presenter_notes") is None


TIMED_DATE = """---
title: Tidal Parsers
date: 2031-06-02 09:15
end_date: 2031-06-02 09:45
presenter_slugs: [ida-lunde]
---
"""


def test_a_date_key_holding_a_time_is_the_start_and_end_date_the_end():
    parsed = read("_schedule/talks/tidal.md", TIMED_DATE)
    (session,) = parsed.sessions
    assert (session.date.isoformat(), session.start, session.end) == (
        "2031-06-02", datetime(2031, 6, 2, 9, 15), datetime(2031, 6, 2, 9, 45))
    assert [n.kind for n in parsed.notes] == ["no-zone"]


@pytest.mark.parametrize("meta, start, end", [
    ("date: 2031-06-02 00:00:00", None, None),  # midnight: a date written as a date-time
    ("date: 2031-06-02 09:15\nstart_datetime: 2031-06-02 10:00:00", datetime(2031, 6, 2, 10), None),  # start wins
    ("date: 2031-06-02 09:15\ntime: 11:00 - 11:30", datetime(2031, 6, 2, 11), datetime(2031, 6, 2, 11, 30)),
    ("date: 2031-06-02 09:15\nend_datetime: 2031-06-02 10:00:00", datetime(2031, 6, 2, 9, 15),
     datetime(2031, 6, 2, 10)),
])
def test_a_start_or_time_key_wins_over_the_time_of_the_date_key(meta, start, end):
    (session,) = read("_schedule/talks/t.md", f"---\ntitle: T\n{meta}\npresenter_slugs: [ida-lunde]\n---\n").sessions
    assert (session.date.isoformat(), session.start, session.end) == ("2031-06-02", start, end)


@pytest.mark.parametrize("role, company, expected", [
    ("Senior Engineer at Tern Analytics", None, [("Senior Engineer", "Tern Analytics")]),
    ("Data Engineer, Fjordbyte", None, [("Data Engineer", "Fjordbyte")]),
    ("Staff Engineer, Fjordbyte", "Fjordbyte", [("Staff Engineer", "Fjordbyte")]),
    ("Staff Engineer at the Fjordbyte Lab", "Fjordbyte Lab", [("Staff Engineer", "Fjordbyte Lab")]),
    ("Board Member, Conference Chair", None, [("Board Member, Conference Chair", None)]),  # two jobs, no company
    ("Engineer at heart", None, [("Engineer at heart", None)]),
    ("Planning, Hackathon", None, [("Planning, Hackathon", None)]),  # no job title before the comma
])
def test_a_speaker_pages_role_names_its_company_when_no_company_key_does(role, company, expected):
    text = f"---\nname: Ida Lunde\nrole: {role}\n" + (f"company: {company}\n" if company else "") + "---\n"
    (page,) = read("_presenters/ida-lunde.md", text).speakers
    assert positions(page) == expected


def test_a_speaker_mapping_whose_title_names_its_company():
    text = ("---\ntitle: Tidal Parsers\nstart_datetime: 2031-06-02 10:00:00+02:00\n"
            "speakers: [{name: Ida Lunde, title: Staff Engineer at Fjordbyte}, {name: Per Aas, title: SRE @ Tern}]\n"
            "---\n")
    (session,) = read("talks/tidal.md", text).sessions
    assert [positions(r) for r in session.rows] == [[("Staff Engineer", "Fjordbyte")], [("SRE", "Tern")]]


def test_a_string_of_authors_with_brackets_a_lone_speakers_affiliation_and_a_dated_file_name():
    """"Ann Lee (University of Nordvik, Finland), Bo Chan (Lab)" is two people with their organisations; a lone
    speaker takes the page's affiliation key; a page with no date key takes the date its file name starts with."""
    both = read("content/2031-05-26-fortran.md", '+++\ntitle = "Packaging Fortran"\ndate = 2031-05-26\n[extra]\n'
                'authors = "Ann Lee (University of Nordvik, Finland), Bo Chan (Kattegat Marine Institute)"\n+++\n',
                speaker_key=["extra.authors"])
    assert [(r.printed_name, [(p.title, p.organisation) for p in r.positions]) for r in both.sessions[0].rows] == [
        ("Ann Lee", [(None, "University of Nordvik, Finland")]), ("Bo Chan", [(None, "Kattegat Marine Institute")])]
    lone = read("content/2031-04-21-notebook.md", '+++\ntitle = "From notebook to package"\n[extra]\n'
                'speaker = "Sofie Brandt"\naffiliation = "Roskilde Data Lab, Denmark"\n+++\n',
                speaker_key=["extra.speaker"], item_company=["extra.affiliation"])
    (session,) = lone.sessions
    assert session.date.isoformat() == "2031-04-21"
    assert [(r.printed_name, [p.organisation for p in r.positions]) for r in session.rows] == [
        ("Sofie Brandt", ["Roskilde Data Lab, Denmark"])]


def test_a_page_dated_by_a_key_takes_the_time_its_first_lines_print_beside_that_date():
    found = read("events/harbour-talk.md", "---\ntitle: Harbour Talk\nevent_date: 2031-07-10\nspeakers: [Ana Lima]\n---\n"
                 "**10.07.2031 | 1:15 pm – 2:30 pm (New York time) | Conference Room 12**\n\nText.\n",
                 date=["event_date"])
    (session,) = found.sessions
    assert (session.start.strftime("%H:%M"), session.end.strftime("%H:%M")) == ("13:15", "14:30")
    other = read("events/harbour-talk.md", "---\ntitle: Harbour Talk\nevent_date: 2031-07-10\nspeakers: [Ana Lima]\n"
                 "---\n**11.07.2031 | 1:15 pm – 2:30 pm**\n", date=["event_date"])
    assert other.sessions[0].start is None  # the time of another day


def test_a_page_with_an_empty_speaker_list_reads_the_people_its_body_lists():
    """"presenter_slugs: []" over "## Speakers" and bullets (lightning talks): the body's people, with no profile;
    an empty list over a body that lists nobody stays no session page."""
    talk = ("---\ntitle: Lightning Talks (Monday)\nstart_datetime: 2025-09-08 17:00:00-05:00\npresenter_slugs: []\n---\n"
            "Five minutes each.\n\n## Speakers\n\n- **Priya Nair** — Backend Developer, Lumen Health\n- **Marcus Bell**\n")
    found = read("_schedule/lightning-talks/monday.md", talk)
    assert [(r.role_label, r.printed_name) for s in found.sessions for r in s.rows] == [
        ("Speakers", "Priya Nair"), ("Speakers", "Marcus Bell")]
    sprint = read("_schedule/sprints/sprints.md", "---\ntitle: Sprints\nstart_datetime: 2025-09-12 09:00:00-05:00\n"
                  "presenter_slugs: []\n---\nBring a laptop.\n")
    assert sprint.sessions == []
