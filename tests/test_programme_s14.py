"""The programme reader on a workshop's paper sessions (presenting authors, paper lines as paragraphs, times of a
timed block, affiliations in brackets) and on an agenda whose time is printed before a session's kind and room."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files as write
from ingest import agenda, readers
from ingest.loader import site_for
from ingest.names import split_name
from ingest.read import read_document


def parse(root: Path, rel: str, text: str):
    kind = rel.rsplit(".", 1)[1]
    profile = f'[site]\nseries = "tidewater"\n[[parts]]\nfiles = "days/*.{kind}"\nreader = "programme"\n'
    write(root, {"speakergraph.toml": profile, rel: text})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def rows(parsed):
    return [(s.title, s.start.strftime("%H:%M") if s.start else None, r.role, r.printed_name,
             [(p.title, p.organisation) for p in r.positions], r.country_code)
            for s in parsed.sessions for r in s.rows]


WORKSHOP = r"""---
date: 2031-09-18
---
# Programme — Thursday 18 September 2031

Presenting authors are marked with an asterisk (\*) or underlined.

## Opening (09:00–09:15)

Welcome by the chairs, Prof. Maren Vik (University of Tidewater, Norway) and Dr. Paul Ostrand (Harbour Lab, France).

## Keynote (09:15–10:15)

### Keynote: Ports After the Data Act

**Speaker:** Dr. Ilse Varga, Director of Research, Quay Institute, Netherlands

## Session 1: Cables (10:45–12:15)

**Chair:** Prof. Kaija Lind (Fjord University, Finland)

- *Counting Cables Across Straits.* Rui Pires\* (Coast Lab, Portugal), Ana Tomé and Luís Sá (University of Lagos Norte)
- *Claims in Vendor Reports.* J. K. Holloway (Kings College, University of Examplia, UK), <u>Siobhan Reilly</u> (Bay College, Ireland)

## Session 2: Tides (13:30–15:00)

*Tide Gauges in the North: Five Years On.* Sunna Jóns\* and Bjørn Hald (Reykjavík Tide School, Iceland)

*Buoys in Public-Sector Apps.* Marta de la Vega (Tide Office; Port University)
"""


def test_paper_sessions_read_their_presenting_authors_the_block_time_and_bracketed_affiliations(tmp_path):
    got = rows(parse(tmp_path, "days/2031.md", WORKSHOP))
    assert got == [
        # "… and Dr. Paul Ostrand (Harbour Lab, France).": the sentence's full stop ends no person
        ("Opening", "09:00", "remarks", "Prof. Maren Vik", [(None, "University of Tidewater")], "NO"),
        ("Opening", "09:00", "remarks", "Dr. Paul Ostrand", [(None, "Harbour Lab")], "FR"),
        # "## Keynote (09:15–10:15)" then "### Keynote: …": the talk's title at the block's time
        ("Keynote: Ports After the Data Act", "09:15", "keynote", "Dr. Ilse Varga",
         [("Director of Research", "Quay Institute")], "NL"),
        ("Session 1: Cables", "10:45", "moderator", "Prof. Kaija Lind", [(None, "Fjord University")], "FI"),
        # a marked author ("*" or underlined) is the one who spoke; a paper printing no time starts with its block
        ("Counting Cables Across Straits", "10:45", "speaker", "Rui Pires", [(None, "Coast Lab")], "PT"),
        ("Claims in Vendor Reports", "10:45", "speaker", "Siobhan Reilly", [(None, "Bay College")], "IE"),
        # paper lines printed as paragraphs, not list items; ";" sets two affiliations apart
        ("Tide Gauges in the North: Five Years On", "13:30", "speaker", "Sunna Jóns",
         [(None, "Reykjavík Tide School")], "IS"),
        ("Buoys in Public-Sector Apps", "13:30", "speaker", "Marta de la Vega",
         [(None, "Tide Office"), (None, "Port University")], None),
    ]


def test_an_author_list_sharing_one_bracket_and_a_bracket_of_no_job_title():
    # a bracket after "A, B" is each one's, as after "A and B"
    assert agenda.people_strings("Jonas Falk, Petra Horn (Vltava University, Czechia)") == [
        ("Jonas Falk (Vltava University, Czechia)", None), ("Petra Horn (Vltava University, Czechia)", None)]
    # no part of the bracket is a job title: the organisation whole, not "Kings College" as a title
    assert agenda.brief(agenda.person("J. K. Holloway (Kings College, University of Examplia, UK)")) == (
        "J. K. Holloway", [(None, "Kings College, University of Examplia, UK")])
    assert agenda.brief(agenda.person("Al Bo (Head of Research, Port Lab)")) == (
        "Al Bo", [("Head of Research", "Port Lab")])


def test_a_presenter_mark_is_no_part_of_a_name_and_picks_the_speaker_only_when_one_is_marked():
    assert split_name("Rui Pires*").name == "Rui Pires"
    one = agenda.named(agenda.people_strings("Rui Pires* (Coast Lab), Ana Tomé (Bay Lab)"))
    both = agenda.named(agenda.people_strings("Rui Pires* (Coast Lab), Ana Tomé* (Bay Lab)"))
    none = agenda.named(agenda.people_strings("Rui Pires (Coast Lab), Ana Tomé (Bay Lab)"))
    assert [p.name for p in one] == ["Rui Pires"]
    assert [p.name for p in both] == ["Rui Pires", "Ana Tomé"]
    assert [p.name for p in none] == ["Rui Pires", "Ana Tomé"]


AGENDA = """<html><body><main><h1>Agenda</h1>
<section><h2>Day 1 · Tuesday 4 November 2031</h2>
<article>
<div class="time">09:00–09:15</div>
<div class="body">
<span class="tag">Remarks</span>
<span class="room">Hall Borealis</span>
<h3>Opening Remarks</h3>
<ul><li><a href="/s/ann/">Dr. Ann Kettil</a>
<span class="meta">Minister of Ports, Ministry of Ports</span></li></ul>
</div>
</article>
<article>
<div class="time">09:15–09:45</div>
<div class="body">
<span class="tag">Keynote</span>
<span class="room">Studio 2</span>
<h3>Keynote: Sovereign Harbours</h3>
<ul><li><a href="/s/bo/">Prof. Bo Lindahl</a>
<span class="meta">Professor of Maritime Law, Lund Tide University</span></li></ul>
</div>
</article>
<article>
<div class="time">10:00–11:00</div>
<div class="body">
<span class="tag">Panel</span>
<span class="room">Hall Borealis</span>
<h3>Who Governs the Quay?</h3>
<ul><li><a href="/s/cy/">Ms. Cy Dunmore</a>
<span class="badge">Moderator</span>
<span class="meta">Senior Correspondent, The Harbour Ledger</span></li>
<li><a href="/s/di/">Di Evander</a>
<span class="meta">Director of Policy, Quayside AI</span></li></ul>
</div>
</article>
</section></main></body></html>
"""


def test_a_time_printed_before_a_sessions_kind_and_room_is_the_time_of_the_title_after_them(tmp_path):
    parsed = parse(tmp_path, "days/agenda.html", AGENDA)
    assert [(s.title, s.start.strftime("%H:%M"), [r.printed_name for r in s.rows]) for s in parsed.sessions] == [
        ("Opening Remarks", "09:00", ["Dr. Ann Kettil"]),
        ("Keynote: Sovereign Harbours", "09:15", ["Prof. Bo Lindahl"]),
        ("Who Governs the Quay?", "10:00", ["Ms. Cy Dunmore", "Di Evander"])]


TABLE = """---
date: 2031-10-09
---
# Programme

| Time | Session | Speakers |
|------|---------|----------|
| 11:30 | *Metadata in Group Chats* | <u>Jonas Falk</u>, Petra Horn (Vltava University, Czechia) |
| 12:00 | *Age Checks Without Tracking* | Kwesi Mensah-Dor* (Accra Tide College), Lea Brand (Alpine Institute) |
"""


def test_a_programme_table_names_the_underlined_or_marked_author_of_a_paper(tmp_path):
    got = rows(parse(tmp_path, "days/table.md", TABLE))
    assert [(title, start, name, positions) for title, start, _, name, positions, _ in got] == [
        ("Metadata in Group Chats", "11:30", "Jonas Falk", [(None, "Vltava University")]),
        ("Age Checks Without Tracking", "12:00", "Kwesi Mensah-Dor", [(None, "Accra Tide College")])]
