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
