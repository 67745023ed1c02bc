"""The SICW reader on shapes other editions print people in, on pages written here (no real text): speakers
named in prose, a person cell whose position holds a role word, a bold name block under a role-only paragraph,
speaker pages with bold position lines."""

from __future__ import annotations

from test_sicw import page, people

from ingest.loader import pipeline, site_for


def test_a_speaker_list_written_in_prose_is_read(tmp_path):
    body = ("The evening opens with remarks by SMS Tala RUIZ, Senior Minister of State, Ministry of Harbours, "
            "followed by a chat between Ms Ines MORAU, Founder, Tidewise Labs, and Dr Ole DAHL, Head of Research, "
            "Port of Bergen, moderated by Mr Kofi MENSAH, Editor, The Quay Review. Dinner follows.\n")
    rows = people(page(tmp_path, body, profile=True))
    assert [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows] == [
        (10, "remarks", "Remarks", "SMS", "Tala Ruiz", [("Senior Minister of State", "Ministry of Harbours")]),
        (10, "speaker", "Speaker", "Ms", "Ines Morau", [("Founder", "Tidewise Labs")]),
        (10, "speaker", "Speaker", "Dr", "Ole Dahl", [("Head of Research", "Port of Bergen")]),
        (10, "moderator", "Moderator", "Mr", "Kofi Mensah", [("Editor", "The Quay Review")])]


def test_a_person_named_in_prose_and_in_the_table_is_one_row(tmp_path):
    body = ("A talk with Mr Ole DAHL of the Port of Bergen and Ms Ada LUND of Fjord Works.\n\n"
            "|**Speaker** | |\n| [Mr Ole Dahl](/speakers/mr-ole-dahl/) | *Harbour Master*<br>Port of Bergen<br>Norway |\n")
    rows = people(page(tmp_path, body))
    assert [(r[0], r[2], r[4], r[5]) for r in rows] == [
        (10, "Speaker", "Ada Lund", [(None, "Fjord Works")]),
        (13, "Speaker", "Ole Dahl", [("Harbour Master", "Port of Bergen")])]


def test_prose_without_an_honorific_after_a_role_phrase_names_nobody(tmp_path):
    body = "Hosted by the Harbour Office, with Tala Ruiz as guest. Ms Ines Morau will open the day.\n"
    parsed = page(tmp_path, body, profile=True)
    assert people(parsed) == [] and parsed.sessions[0].abstract


def test_a_person_cell_whose_position_holds_a_role_word_is_no_sub_header(tmp_path):
    body = ("|**Speaker** | |\n|---|---|\n| ![](/img/a.png) | **Dr Ana Lima**<br>Professor of Sea Law<br>Nordhavn University |\n"
            "|**Moderator** | |\n| ![](/img/b.png) | **Ms Grace Lim**<br>Head of Speaker Relations, Port Forum |\n"
            "| Ms Tala Ruiz | |\n")
    rows = people(page(tmp_path, body))
    assert [(r[1], r[4], r[5]) for r in rows] == [
        ("speaker", "Ana Lima", [("Professor of Sea Law", "Nordhavn University")]),
        ("moderator", "Grace Lim", [("Head of Speaker Relations", "Port Forum")]),
        ("moderator", "Tala Ruiz", [])]


def test_a_bold_name_block_under_a_role_only_paragraph_is_a_person(tmp_path):
    body = ("**Keynote Address**\n\n**Mr Victor Hale**  \nChief Executive Officer  \nSentinel Grid Inc.\n\n"
            "**Ms Ada Lund**  \nDirector, Fjord Works\n\nA talk on grids and tides.\n")
    parsed = page(tmp_path, body, profile=True)
    assert [(r[0], r[2], r[4], r[5]) for r in people(parsed)] == [
        (12, "Keynote Address", "Victor Hale", [("Chief Executive Officer", "Sentinel Grid Inc.")]),
        (16, "Keynote Address", "Ada Lund", [("Director", "Fjord Works")])]
    assert parsed.sessions[0].abstract == "A talk on grids and tides."


def test_a_name_block_repeating_the_table_adds_no_row(tmp_path):
    body = ("|**Guest of Honour** | |\n|---|---|\n"
            "| [Mr Ole Dahl](/speakers/mr-ole-dahl/) | *Harbour Master*<br>Norway |\n\n"
            "**Guest of Honour**\n\n**Mr Ole Dahl**  \n*Harbour Master*  \nNorway\n\n**Biography**  \nOle runs a port.\n")
    rows = people(page(tmp_path, body))
    assert [(r[2], r[4]) for r in rows] == [("Guest of Honour", "Ole Dahl")]


SPEAKER = """---
title: Mr Aaron Reyes
permalink: /speakers/mr-aaron-reyes/
---
### Mr Aaron Reyes

**Partner, Cyber Risk**  
**Harbourline Advisory**

##### **Profile**
Aaron leads the cyber risk team of a port firm.
"""


def speaker(tmp_path, text, rel="_2023-speakers/a.md"):
    root = tmp_path / "conf-2023"
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")
    (root / "speakergraph.toml").write_text('[[parts]]\nfiles = "**/*.md"\nreader = "sicw"\n', encoding="utf-8")
    (found,) = pipeline(rel, text.encode(), site_for(root)).speakers
    return [(p.title, p.organisation) for p in found.positions], found.biography


def test_bold_position_lines_on_a_speaker_page(tmp_path):
    assert speaker(tmp_path, SPEAKER) == ([("Partner, Cyber Risk", "Harbourline Advisory")],
                                          "Aaron leads the cyber risk team of a port firm.")
    plain = SPEAKER.replace("**Partner, Cyber Risk**", "Partner, Cyber Risk").replace("**Harbourline Advisory**",
                                                                                     "Harbourline Advisory")
    assert speaker(tmp_path, plain)[0] == [("Partner, Cyber Risk", "Harbourline Advisory")]


def test_a_short_biography_is_no_position(tmp_path):
    text = SPEAKER.replace("**Partner, Cyber Risk**  \n**Harbourline Advisory**\n\n##### **Profile**\n", "")
    assert speaker(tmp_path, text) == ([], "Aaron leads the cyber risk team of a port firm.")


def test_a_speaker_page_with_bold_positions_is_known_by_its_shape(tmp_path):
    text = SPEAKER.replace("##### **Profile**\n", "") + "He has advised harbour boards on cyber risk for many years.\n"
    positions, bio = speaker(tmp_path, text, rel="_2023-moderators/a.md")
    assert positions == [("Partner, Cyber Risk", "Harbourline Advisory")] and bio.startswith("Aaron")


def test_a_prose_page_dated_by_a_line_with_a_place_and_an_excellency(tmp_path):
    """"**Tuesday, 6 May 2031, 13:15–14:30 EDT** — Conference Room 1": the date, time and room; "remarks by H.E. Ms
    …" (the sentence goes on after "H.E."); "The event featured remarks by Ms A, …, and Mr B, …" names both."""
    root = tmp_path / "talks"
    root.mkdir()
    (root / "speakergraph.toml").write_text('[site]\nseries = "talks"\n[[parts]]\nfiles = "*.md"\nreader = "sicw"\n')
    (root / "talk.md").write_text(
        "---\ntitle: Harbour Talk\n---\n# Harbour Talk\n\n"
        "**Tuesday, 6 May 2031, 13:15–14:30 EDT** — Conference Room 1, Harbour Hall\n\n"
        "The event featured remarks by H.E. Ms Ana Lima, Ambassador of Norway to the United Nations, and Mr Bo Ray, "
        "Counsellor, Permanent Mission of Brazil to the United Nations.\n", encoding="utf-8")
    parsed = pipeline("talk.md", (root / "talk.md").read_bytes(), site_for(root, profile_path=root / "speakergraph.toml"))
    (session,) = parsed.sessions
    assert (session.date.isoformat(), session.start.isoformat(), session.room) == (
        "2031-05-06", "2031-05-06T13:15:00-04:00", "Conference Room 1, Harbour Hall")
    assert [(r.role_label, r.name.honorific, r.name.name, r.country_code) for r in session.rows] == [
        ("Remarks", "H.E. Ms", "Ana Lima", "NO"), ("Remarks", "Mr", "Bo Ray", "BR")]
