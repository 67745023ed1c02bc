"""Talk pages with no time and the programme slots that hold it (made up): a two-edition site in the shape of a
Jekyll conference theme — ``_talks/*.md`` (title under ``name``, ``speakers``, ``categories: [Panel]``),
``_speakers/*.md``, and ``_data/program.yml`` (days → rooms → talks with their times)."""

from __future__ import annotations

from conftest import drafted_preview as previewed, part_of, write_files as write
from ingest.frontmatter_site import format_of, paired_positions, read
from ingest.loader import site_for
from ingest.preview import preview
from ingest.records import Document
from ingest.site_keys import Keys


def talk(name: str, speakers: list[str], kind: str, body: str = "A talk of the meeting.") -> str:
    people = "".join(f"  - {s}\n" for s in speakers)
    return f"---\nname: {name}\nspeakers:\n{people}categories: [{kind}]\nhide: false\n---\n{body}\n"


def programme(days: list[tuple[str, list[tuple[str, str, str]]]]) -> str:
    out = "days:\n"
    for day, slots in days:
        out += f"  - name: Day\n    date: {day}\n    rooms:\n      - name: Grand Hall\n        talks:\n"
        out += "".join(f"          - name: {title}\n            time_start: '{start}'\n            time_end: '{end}'\n"
                       for title, start, end in slots)
    return out


def edition(year: str, second: str) -> dict[str, str]:
    """One edition: a keynote, a panel moderated in prose, and a closing talk of the same title every year."""
    return {
        f"{year}/_config.yml": f"title: Saltmarsh Forum {year}\n",
        f"{year}/_talks/tides.md": talk("Tides of the North Sea", ["Prof. Odile Brack"], "Keynote"),
        f"{year}/_talks/nets.md": talk(f"Nets and Quotas {year}", ["Rune Aaltonen", "Maelle Quinot"], "Panel",
                                       "Fishers and regulators argue. Moderated by Dr. Ilse Varga (Harbour Board)."),
        f"{year}/_talks/close.md": talk("Closing Words", ["Tavi Ruokolainen"], "Talk"),
        f"{year}/_speakers/odile-brack.md": "---\nname: Prof. Odile Brack\nposition: Professor of Tides; Trustee\n"
                                            "affiliation: Kelp University; Wadden Trust\n---\nBio.\n",
        f"{year}/_speakers/rune-aaltonen.md": "---\nname: Rune Aaltonen\nposition: Skipper\n"
                                              "affiliation: Nordkap Co-op\n---\n",
        f"{year}/_data/program.yml": programme([
            (f"12.05.{year}", [("Registration", "8:30", "9:00"), ("Tides of the North Sea", "9:00", "9:45"),
                               (f"Nets and Quotas {year}", "10:00", "11:00")]),
            (f"{second}.05.{year}", [("Closing Words", "16:00", "16:30")])]),
    }


SITE = edition("2031", "13") | edition("2032", "14")

PROFILE = """[site]
series = "saltmarsh"
exclude = ["*/_config.yml"]
[[parts]]
files = "*/_talks/*.md"
reader = "frontmatter"
title = "name"
format = "categories"
body_people = true
slots = "*/_data/program.yml"
[[parts]]
files = "*/_speakers/*.md"
reader = "frontmatter"
speakers = "*/_speakers/*.md"
job_title = "position"
[[parts]]
files = "*/_data/program.yml"
reader = "records"
records = "days.*.rooms.*.talks"
title = "name"
start = "time_start"
end = "time_end"
room = "^.name"
"""


def rows_of(seen) -> dict[tuple[str, str], dict]:
    return {(r["session"], r["name"], r["date"][:4]): r for r in seen.rows}


def test_talk_pages_take_the_date_times_and_room_of_their_slot(tmp_path):
    root = write(tmp_path / "saltmarsh", SITE | {"speakergraph.toml": PROFILE})
    seen = preview(site_for(root), sample=0)
    rows = rows_of(seen)
    assert rows[("Tides of the North Sea", "Odile Brack", "2031")]["date"].startswith("2031-05-12 09:00")
    assert rows[("Nets and Quotas 2032", "Rune Aaltonen", "2032")]["date"].startswith("2032-05-12 10:00")
    assert seen.sessions == 6  # the slots joined are not sessions of their own; the break names nobody


def test_a_title_of_every_edition_takes_the_slot_of_its_own_edition(tmp_path):
    root = write(tmp_path / "saltmarsh", SITE | {"speakergraph.toml": PROFILE})
    closing = sorted(r["date"][:16] for r in preview(site_for(root), sample=0).rows if r["session"] == "Closing Words")
    assert closing == ["2031-05-13 16:00", "2032-05-14 16:00"]


def test_a_page_no_slot_titles_is_skipped_with_a_note(tmp_path):
    extra = {"2031/_talks/ghost.md": talk("A Talk Nobody Scheduled", ["Brieuc Lannion"], "Talk")}
    root = write(tmp_path / "saltmarsh", SITE | extra | {"speakergraph.toml": PROFILE})
    seen = preview(site_for(root), sample=0, every_note=True)
    assert not any(r["name"] == "Brieuc Lannion" for r in seen.rows)
    assert any("ghost.md" in n and "no slot of */_data/program.yml has its title" in n for n in seen.every_note)


def test_a_list_valued_format_gives_the_role_of_its_first_kind_word():
    assert format_of(["Maritime", "Panel"], Keys()) == "Panel"
    doc = Document("t/a.md", "", {"name": "Nets", "date": "2031-05-12", "speakers": ["Rune Aaltonen"],
                                  "categories": ["Maritime", "Panel"]}, "", 0)
    session = read(doc, title="name", format="categories").sessions[0]
    assert (session.format, session.rows[0].role_label) == ("Panel", "Panel")


def test_a_speaker_page_pairs_titles_and_organisations_at_a_semicolon():
    assert [(p.title, p.organisation) for p in paired_positions("Professor of Tides; Trustee",
                                                                "Kelp University; Wadden Trust")] == [
        ("Professor of Tides", "Kelp University"), ("Trustee", "Wadden Trust")]


def test_the_draft_joins_the_talks_to_the_programme_and_finds_every_appearance(tmp_path):
    profile, _, seen = previewed(write(tmp_path / "saltmarsh", SITE), tmp_path, sample=0)
    talks = part_of(profile, "_talks")
    assert (talks["slots"], talks["format"], talks["body_people"]) == ("*/_data/program.yml", "categories", True)
    slots = part_of(profile, "program.yml")
    assert (slots["records"], slots["title"], slots["start"], slots["room"]) == (
        "days.*.rooms.*.talks", "name", "time_start", "^.name")
    rows = rows_of(seen)
    assert len(seen.rows) == len(rows) == 10  # 2 editions × (keynote 1, panel 2 and its moderator, closing 1)
    assert rows[("Nets and Quotas 2031", "Ilse Varga", "2031")]["role"] == "moderator"
    assert rows[("Tides of the North Sea", "Odile Brack", "2032")]["role"] == "keynote"
    assert rows[("Closing Words", "Tavi Ruokolainen", "2031")]["date"].startswith("2031-05-13 16:00")


def test_ingest_joins_them_and_reads_the_talks_again_when_the_programme_changes(tmp_path):
    from graph.store import open_store
    from ingest.loader import ingest

    root = write(tmp_path / "saltmarsh", SITE | {"speakergraph.toml": PROFILE})
    store = open_store(tmp_path / "store")
    first = ingest(store, [site_for(root)])
    assert (first.sessions, first.appearances) == (6, 10)
    program = root / "2031/_data/program.yml"
    program.write_text(program.read_text().replace("'16:00'", "'15:00'"), encoding="utf-8")
    again = ingest(store, [site_for(root)])
    assert (again.read, again.unchanged) == (8, 4)  # programmes and talk pages read together; speaker pages not
    starts = [str(row[0]) for row in store.query(
        "SELECT ?start WHERE { GRAPH ?g { ?s <https://schema.org/startDate> ?start } }")]
    assert any("2031-05-13T15:00" in s for s in starts) and not any("2031-05-13T16:00" in s for s in starts)
