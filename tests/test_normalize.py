"""Normalisation of what readers find, on made-up sites: countries printed at the end of a position, country
codes, retired ranks, sessions past midnight, and "Name | Title | Org" lines."""

from __future__ import annotations

from pathlib import Path

from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document


def parse(root: Path, files: dict[str, str], rel: str):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


RECORDS = """\
- title: Night Lightning
  date: 2034-09-05
  time: "23:30-00:30"
  speakers:
    - Vice Admiral (Retd) Raj Menon, Former Chief of Staff, Indian Navy
    - Ana Lima, Dean of Computing, University of Lagos, Nigeria
    - Bo Chan, Head of Policy, ConnectEast Mobile (Ukraine)
    - Cy Dee, Senior Economist, World Bank
    - Di Eke, Minister of Ports, United Arab Emirates
- title: Long Lunch
  date: 2034-09-05
  time: "14:00-13:00"
  speakers:
    - Ed Fox, Director, Maritime Office, UAE
"""
PROFILE = """\
[[parts]]
files = "programme.yml"
reader = "records"
time = "time"
persons = "speakers"
person_pattern = ["Name, Title, Org"]
"""


def test_countries_ranks_and_nights(tmp_path):
    parsed = parse(tmp_path, {"programme.yml": RECORDS, "speakergraph.toml": PROFILE}, "programme.yml")
    night, lunch = parsed.sessions
    # 23:30–00:30 ends the next day; 14:00–13:00 is a misprint, kept as printed (not a 23-hour session)
    assert (night.start.isoformat(), night.end.isoformat()) == ("2034-09-05T23:30:00", "2034-09-06T00:30:00")
    assert lunch.end.isoformat() == "2034-09-05T13:00:00"
    got = [(r.name.honorific, r.name.name, r.person_key, r.positions[0].organisation, r.country_code)
           for r in night.rows + lunch.rows]
    assert got == [
        ("Vice Admiral (Retd)", "Raj Menon", "raj-menon", "Indian Navy", "IN"),  # a national adjective
        (None, "Ana Lima", "ana-lima", "University of Lagos", "NG"),  # the country taken out of the organisation
        (None, "Bo Chan", "bo-chan", "ConnectEast Mobile", "UA"),
        (None, "Cy Dee", "cy-dee", "World Bank", None),  # an international body is an organisation here
        (None, "Di Eke", "di-eke", None, "AE"),  # only a country: the country, no organisation
        (None, "Ed Fox", "ed-fox", "Maritime Office", "AE"),  # an alias ("UAE")
    ]


def test_a_country_field_with_a_code_and_an_unknown_one(tmp_path):
    people = "- {title: Grid Day, date: 2034-02-01, speakers: [{who: Ann Berg, org: Nordgrid, land: DK}]}\n" \
             "- {title: Grid Night, date: 2034-02-01, speakers: [{who: Bo Lund, org: Nordgrid, land: Atlantis}]}\n"
    profile = PROFILE.replace('person_pattern = ["Name, Title, Org"]',
                              'person = { name = "who", organisation = "org", country = "land" }')
    parsed = parse(tmp_path, {"programme.yml": people, "speakergraph.toml": profile}, "programme.yml")
    assert [r.country_code for s in parsed.sessions for r in s.rows] == ["DK", None]
    notes = [n.message for n in parsed.notes if n.kind == "unknown-country"]
    assert len(notes) == 1 and "'Atlantis'" in notes[0] and "countries.csv" in notes[0]


def test_name_title_org_parted_by_bars(tmp_path):
    page = """---
title: Ransomware Roundtable
date: 2034-06-03 14:00:00 +0800
---
**Panellists**

- Ms Sofia Lind | Deputy Director | Civil Contingencies Board | Sweden
- Mr Kofi Asare, Head of Trust, Digital Authority, Ghana
"""
    profile = '[[parts]]\nfiles = "*.md"\nreader = "frontmatter"\nbody_people = true\nsessions = "*.md"\n'
    parsed = parse(tmp_path, {"roundtable.md": page, "speakergraph.toml": profile}, "roundtable.md")
    assert [(r.name.honorific, r.name.name, [(p.title, p.organisation) for p in r.positions], r.country_code)
            for s in parsed.sessions for r in s.rows] == [
        ("Ms", "Sofia Lind", [("Deputy Director", "Civil Contingencies Board")], "SE"),
        ("Mr", "Kofi Asare", [("Head of Trust", "Digital Authority")], "GH")]


def test_a_state_body_names_its_country_when_none_is_printed():
    from ingest.normalize import country_in_org
    from ingest.countries import default_countries
    from ingest.records import Position

    c = default_countries()
    found = {org: country_in_org([Position(organisation=org)], c) for org in (
        "Permanent Mission of Mexico to the United Nations Office at Geneva", "Embassy of Japan in Oslo",
        "Ministry of Defence of the Republic of Korea", "Federal Ministry of the Interior of Germany",
        "Ministry of Foreign Affairs", "University of Lagos", "Bank of Examplia")}
    assert found == {"Permanent Mission of Mexico to the United Nations Office at Geneva": "Mexico",
                     "Embassy of Japan in Oslo": "Japan", "Ministry of Defence of the Republic of Korea": "Republic of Korea",
                     "Federal Ministry of the Interior of Germany": "Germany", "Ministry of Foreign Affairs": None,
                     "University of Lagos": None, "Bank of Examplia": None}


def test_a_state_office_or_a_bracket_after_a_title_names_the_country(tmp_path):
    """Diplomats and ministers print their country in their title ("Ambassador of Viet Nam to Austria") or in
    brackets after it when no organisation follows ("Minister of State for Cyber Affairs (Qatar)"); Kosovo has the
    code the EU uses."""
    root = tmp_path / "forum"
    (root / "events").mkdir(parents=True)
    (root / "events" / "a.md").write_text(
        "---\ntitle: Roundtable\ndate: 2024-03-14\n---\n\n**Speakers**\n\n"
        "- **Amb. Nguyen Thi Hoa**, Ambassador of Viet Nam to Austria\n"
        "- **Ms Ingrid Dahl**, Permanent Representative of Norway to the OSCE\n"
        "- **Lt Gen Marek Nowak**, Military Representative of Poland to the NATO Military Committee\n"
        "- **Sheikh Rashid bin Saeed Al-Marri**, Minister of State for Cyber Affairs (Qatar)\n"
        "- **Mr Arben Berisha**, Minister of Foreign Affairs, Kosovo\n"
        "- **Ms Ann Lee**, Minister of State for Digital Development\n")
    (root / "speakergraph.toml").write_text('[site]\nreader = "frontmatter"\n[site.frontmatter]\nbody_people = true\n'
                                            'start = "date"\nsessions = ["events/*.md"]\n')
    site = site_for(root)
    rows = readers.read(read_document(root, root / "events" / "a.md"), site).sessions[0].rows
    assert [(r.name.honorific, r.name.name, [(p.title, p.organisation) for p in r.positions], r.country_code)
            for r in rows] == [
        ("Amb.", "Nguyen Thi Hoa", [("Ambassador of Viet Nam to Austria", None)], "VN"),
        ("Ms", "Ingrid Dahl", [("Permanent Representative of Norway to the OSCE", None)], "NO"),
        ("Lt Gen", "Marek Nowak", [("Military Representative of Poland to the NATO Military Committee", None)], "PL"),
        ("Sheikh", "Rashid bin Saeed Al-Marri", [("Minister of State for Cyber Affairs", None)], "QA"),
        ("Mr", "Arben Berisha", [("Minister of Foreign Affairs", None)], "XK"),
        ("Ms", "Ann Lee", [("Minister of State for Digital Development", None)], None)]


def test_a_session_dated_by_a_date_time_gets_its_day_and_when_alone_its_start():
    from datetime import date, datetime, timedelta, timezone

    from ingest.normalize import normalize
    from ingest.records import Document, Parsed, SessionPage

    cet = timezone(timedelta(hours=1))
    when = datetime(2022, 11, 24, 9, 0, tzinfo=cet)
    alone = Parsed(Document("a.md", "", {}, "", 0), "programme", sessions=[SessionPage("a.md", "Talk", None, when)])
    two = Parsed(Document("b.md", "", {}, "", 0), "programme",
                 sessions=[SessionPage("b.md", t, None, when) for t in ("One", "Two")])
    normalize(alone, "x", "X")
    normalize(two, "x", "X")
    assert (alone.sessions[0].date, alone.sessions[0].start) == (date(2022, 11, 24), when)
    assert [(s.date, s.start) for s in two.sessions] == [(date(2022, 11, 24), None)] * 2  # the page's time is not theirs
    assert type(alone.sessions[0].date) is date


def test_a_state_body_or_office_named_after_its_country_gives_it():
    """"U.S. Department of State", "UK Cabinet Office", "US Ambassador to Austria": the country opens the name; a
    company named after a country ("Japan Airlines") and a US state's body ("Georgia Technology Authority") do not."""
    from ingest.countries import default_countries
    from ingest.normalize import country_in_org
    from ingest.records import Position

    c = default_countries()
    orgs = ("U.S. Department of State", "UK Cabinet Office", "US Geological Survey", "Korea Internet & Security Agency",
            "Japan Airlines", "Georgia Technology Authority", "Singapore Management University")
    assert {o: country_in_org([Position(organisation=o)], c) for o in orgs} == {
        "U.S. Department of State": "U.S.", "UK Cabinet Office": "UK", "US Geological Survey": "US",
        "Korea Internet & Security Agency": "Korea", "Japan Airlines": None, "Georgia Technology Authority": None,
        "Singapore Management University": None}
    assert country_in_org([Position(title="US Ambassador to Austria")], c) == "US"
