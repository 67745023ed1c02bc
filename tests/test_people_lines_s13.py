"""People lines, session 13: footnote markers after a name and the notes at a page's foot, a list item under a
people label that names nobody, a field of work between a title and its organisation (a unit stays with its
organisation), a second job's joiner, titles ending in a job noun, a state's service and an international body in
brackets as the country. Made-up names, organisations and pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_files as write
from ingest import readers
from ingest.countries import default_countries
from ingest.identity import split_parent
from ingest.loader import site_for
from ingest.normalize import country_in_org, trailing_country
from ingest.person_pattern import FREE_TEXT, brief, split_affiliation, split_person, split_position
from ingest.read import read_document
from ingest.records import Position

PROFILE = '[site]\nseries = "quays"\n[[parts]]\nfiles = "docs/*.md"\nreader = "programme"\ndefault_date = "2031-05-06"\n'
HTML_PROFILE = PROFILE.replace('"docs/*.md"', '"docs/*.html"')


def parse(root: Path, rel: str, profile: str = PROFILE):
    write(root, {"speakergraph.toml": profile})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def rows(parsed):
    return {s.title: [(r.name.name, [(p.title, p.organisation) for p in r.positions], r.line) for r in s.rows]
            for s in parsed.sessions}


def pairs(positions):
    return [(p.title, p.organisation) for p in positions]


# --- A. footnotes -----------------------------------------------------------------------------------------------

FOOTNOTED = """# Day 1

## 09:30–10:45 | Session 2: Harbour data

- **Chair:** Ms Wenna Holt, Head of Data, Port of Westholm
- **Speakers:**
    - Dr. Ilse Marrow[^1], Head of the Quay CERT, Westholm Ports Authority
    - Mr Tavi Brennock[^note], Senior Analyst, Kestrel Institute (Norway)

[^1]: Joins online.
[^note]: Mr Tavi Brennock replaces Dr Oona Ferris, Director, Kestrel Labs, who cannot attend.

## 11:00–12:00 | Session 3: Closing

- **Chair:** Ms Wenna Holt, Head of Data, Port of Westholm
"""


def test_a_footnote_marker_after_a_name_leaves_the_person_and_the_foot_notes_give_nobody(tmp_path):
    write(tmp_path, {"docs/day-1.md": FOOTNOTED})
    got = rows(parse(tmp_path, "docs/day-1.md"))
    assert got["Session 2: Harbour data"] == [
        ("Wenna Holt", [("Head of Data", "Port of Westholm")], 5),
        ("Ilse Marrow", [("Head of the Quay CERT", "Westholm Ports Authority")], 7),
        ("Tavi Brennock", [("Senior Analyst", "Kestrel Institute")], 8)]
    assert "Oona Ferris" not in str(got)


FOOTNOTED_HTML = """<html><body><main>
<h2>09:30–10:45 | Session 2: Harbour data</h2>
<ul>
<li><strong>Speakers:</strong><ul>
<li>Dr. Ilse Marrow<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>, Head of the Quay CERT, Westholm Ports Authority</li>
<li>Mr Tavi Brennock<sup><a href="#fn2">2</a></sup>, Senior Analyst, Kestrel Institute</li>
</ul></li>
</ul>
<div class="footnote"><hr><ol>
<li id="fn:1"><p>Dr Oona Ferris, Director, Kestrel Labs, joins online.</p></li>
<li id="fn2"><p>Mr Ari Sten, Head of Quays, Port of Eastholm, moderates the questions.</p></li>
</ol></div>
</main></body></html>
"""


def test_footnote_markers_and_the_footnotes_of_a_built_html_page_are_no_text_of_its_people(tmp_path):
    write(tmp_path, {"docs/day-1.html": FOOTNOTED_HTML})
    got = rows(parse(tmp_path, "docs/day-1.html", HTML_PROFILE))
    assert [(name, positions) for name, positions, _ in got["Session 2: Harbour data"]] == [
        ("Ilse Marrow", [("Head of the Quay CERT", "Westholm Ports Authority")]),
        ("Tavi Brennock", [("Senior Analyst", "Kestrel Institute")])]


NOBODY = """# Day 1

## 09:30–10:45 | Session 2: Harbour data
{chair}
- **Speakers:**
    - Ms Wenna Holt, Head of Data, Port of Westholm
    - Chief Economist, Westholm Harbour Bank
"""


@pytest.mark.parametrize("chair", ["", "- **Chair:** Mr Ari Sten, Head of Quays, Port of Eastholm"])
def test_an_item_under_a_people_label_that_names_nobody_is_noted_with_its_line(tmp_path, chair):
    write(tmp_path, {"docs/day-1.md": NOBODY.format(chair=chair)})
    parsed = parse(tmp_path, "docs/day-1.md")
    assert [name for name, _, _ in rows(parsed)["Session 2: Harbour data"]] == ["Ari Sten"] * bool(chair) + ["Wenna Holt"]
    (note,) = [n for n in parsed.notes if n.kind == "not-a-person"]
    assert (note.path, note.line) == ("docs/day-1.md", 7)
    assert "'Chief Economist, Westholm Harbour Bank' under 'Speakers'" in note.message
    assert "'Chief Economist' reads as a job title" in note.message and "skipped" in note.message


# --- E. a field of work between the title and the organisation; a unit stays with its organisation --------------

@pytest.mark.parametrize("printed, expected", [
    ("Director, ICT Security, Ministry of Maps, Roads and Ports", ("Director, ICT Security", "Ministry of Maps, Roads and Ports")),
    ("Vice President, Sales & Marketing, Westholm Port Authority", ("Vice President, Sales & Marketing", "Westholm Port Authority")),
    ("Deputy Director, Research and Development, Kestrel Group", ("Deputy Director, Research and Development", "Kestrel Group")),
    # a unit is an organisation of its own, under the one after it (ingest.identity.split_parent)
    ("Director, Quay Diplomacy Unit, Ministry of Foreign Affairs of Examplia",
     ("Director", "Quay Diplomacy Unit, Ministry of Foreign Affairs of Examplia")),
    ("Director, Office for Capacity Development, Kestrel Telecommunication Union",
     ("Director", "Office for Capacity Development, Kestrel Telecommunication Union")),
    # "Title, Org, Country" and "Title, Org (Country)" are as they were
    ("Director, Kestrel Security, Norway", ("Director", "Kestrel Security, Norway")),
    ("Director, Kestrel Works, Norway", ("Director", "Kestrel Works, Norway")),
    ("Director, Kestrel Security (Norway)", ("Director", "Kestrel Security (Norway)")),
])
def test_a_field_between_title_and_organisation_is_the_titles_and_a_unit_the_organisations(printed, expected):
    assert brief(split_person(f"Ms Ada Fenn, {printed}", reading=FREE_TEXT)) == ("Ms Ada Fenn", [expected])
    assert pairs(split_affiliation(printed)) == [expected]


def test_a_unit_before_a_ministry_is_still_a_unit_of_it():
    assert split_parent("Quay Diplomacy Unit, Ministry of Foreign Affairs of Examplia") == (
        "Quay Diplomacy Unit", "Ministry of Foreign Affairs of Examplia")


# --- F. a second job keeps no joiner -----------------------------------------------------------------------------

@pytest.mark.parametrize("joiner", ["and", "&", "et", "und"])
def test_a_second_job_after_a_semicolon_loses_its_joiner(joiner):
    printed = f"Dr Ivo Berg, Research Fellow, Kestrel Institute (Examplia); {joiner} Visiting Lecturer, University of Westholm"
    expected = ("Dr Ivo Berg", [("Research Fellow", "Kestrel Institute (Examplia)"),
                                ("Visiting Lecturer", "University of Westholm")])
    assert brief(split_person(printed, reading=FREE_TEXT)) == expected
    assert brief(split_person(printed)) == expected


# --- D2. a title that ends in a job noun ------------------------------------------------------------------------

@pytest.mark.parametrize("printed, expected", [
    ("Open Source Programme Manager, Ville de Westholm, France", ("Open Source Programme Manager", "Ville de Westholm, France")),
    ("PhD candidate, Université de Westholm", ("PhD candidate", "Université de Westholm")),
    ("Programme Lead for Africa, Kestrel Forum", ("Programme Lead for Africa", "Kestrel Forum")),
    # an organisation whose last word is a job word's too is one still
    ("Kestrel Programme, Westholm", (None, "Kestrel Programme, Westholm")),
    ("Office of the Chief Scientist, Examplia", (None, "Office of the Chief Scientist, Examplia")),
])
def test_a_first_part_ending_in_a_job_noun_is_a_title(printed, expected):
    assert pairs(split_affiliation(printed)) == [expected]


def test_a_lone_part_ending_in_a_job_noun_is_a_title_not_an_organisation():
    assert pairs(split_position("Open Source Programme Manager")) == [("Open Source Programme Manager", None)]
    assert brief(split_person("Ada Fenn, Programme Manager", reading=FREE_TEXT)) == (
        "Ada Fenn", [("Programme Manager", None)])


# --- D. a state's service names its country; G. an international body in brackets is the country ----------------

@pytest.mark.parametrize("org, country", [
    ("State Service of Special Communications and Information Protection of Ukraine", "Ukraine"),
    ("Security Service of Ukraine", "Ukraine"),
    ("National Security Service of Armenia", "Armenia"),
    ("Foreign Intelligence Service of Norway", "Norway"),
    ("Kestrel Courier Service of Jordan", None),  # a company's service, not a state's
    ("Westholm Financial Services of Norway", None),
])
def test_a_states_service_names_its_country_and_a_companys_does_not(org, country):
    assert country_in_org([Position("Head of Cooperation", org)], default_countries()) == country


@pytest.mark.parametrize("org, left, country", [
    ("Kestrel4Dev (European Union)", "Kestrel4Dev", "European Union"),
    ("Kestrel4Dev (EU)", "Kestrel4Dev", "EU"),
    ("Kestrel Grid (Norway)", "Kestrel Grid", "Norway"),
    # the body's own name or acronym in brackets: the organisation, as printed
    ("North Atlantic Treaty Organization (NATO)", "North Atlantic Treaty Organization (NATO)", None),
    ("European Commission (EU)", "European Commission (EU)", None),
])
def test_an_international_body_alone_in_brackets_is_taken_out_as_a_country_is(org, left, country):
    positions = [Position("Coordinator", org)]
    assert trailing_country(positions, default_countries()) == country
    assert positions[0].organisation == left
    if country:
        assert default_countries().lookup(country).code in ("EU", "NO")
