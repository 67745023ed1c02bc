"""A folder with no profile is read with the profile ``speakergraph profile`` drafts when that names parts, and
says so; else by detection; a folder with a profile never is. Made-up files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import write_files as write
from graph.store import open_store
from graph.vocab import SCHEMA
from ingest.loader import site_for
from speakergraph import main

CSV = ("Session,Date,Start,Speaker,Job title,Organisation,Country\n"
       "Opening of the Harbour Forum,2031-05-06,09:30,Ola Brekke,Director General,Tidewall Port Authority,Norway\n"
       "Data at sea,2031-05-06,10:30,Inés Vidal,Head of Research,Harbour Data Lab,Spain\n"
       "Data at sea,2031-05-06,10:30,Tomas Lind,Senior Analyst,Coastal Institute,Sweden\n")


def test_an_export_no_reader_detects_is_read_with_the_drafted_profile(tmp_path):
    root = write(tmp_path / "harbour-forum", {"programme.csv": CSV})
    site = site_for(root)
    assert site.refusal is None and site.profile.parts and "speakergraph profile" in site.drafted
    result = CliRunner().invoke(main, ["ingest", "--dry-run", "--rows", "0", "-f", "json", str(root)])
    assert result.exit_code == 0, result.output
    preview = json.loads(result.stdout)[0]
    assert preview["drafted"] and f"-o {root / 'speakergraph.toml'}" in preview["drafted"]
    assert sorted((r["name"], r["organisation"], r["country"]) for r in preview["rows"]) == [
        ("Inés Vidal", "Harbour Data Lab", "ES"), ("Ola Brekke", "Tidewall Port Authority", "NO"),
        ("Tomas Lind", "Coastal Institute", "SE")]
    store = tmp_path / "store"
    ingested = CliRunner().invoke(main, ["ingest", "--store", str(store), str(root)])
    assert ingested.exit_code == 0, ingested.output
    assert "profile: " in ingested.stderr and "drafts (1 part)" in ingested.stderr
    db = open_store(store, read_only=True)
    assert len(list(db.query(f"SELECT ?p {{ ?p a <{SCHEMA.Person}> }}"))) == 3
    db.close()


def test_a_folder_without_a_profile_is_read_by_its_draft_which_reads_what_detection_misses(tmp_path):
    page = ("---\ntitle: Opening\ndate: 2031-05-06\nspeakers:\n  - name: Ola Brekke\n    company: Port Authority\n"
            "---\nWelcome.\n")
    root = write(tmp_path / "harbour", {"talks/opening.md": page, "programme.csv": CSV})
    site = site_for(root)
    assert site.drafted and [p.reader for p in site.profile.parts] == ["frontmatter", "records"]
    result = CliRunner().invoke(main, ["ingest", "--dry-run", "--rows", "0", "-f", "json", str(root)])
    rows = json.loads(result.stdout)[0]["rows"]
    assert sorted({r["name"] for r in rows}) == ["Inés Vidal", "Ola Brekke", "Tomas Lind"]  # detection: Ola only
    profiled = write(tmp_path / "profiled", {"programme.csv": CSV,
                                             "speakergraph.toml": '[[parts]]\nfiles = "nothing/*.md"\nreader = "programme"\n'})
    assert site_for(profiled).drafted is None and not site_for(profiled).refusal


def test_a_folder_whose_draft_finds_only_what_detection_reads_is_read_by_detection(tmp_path):
    import shutil

    root = shutil.copytree(Path(__file__).parent / "fixtures" / "schedules" / "frab", tmp_path / "camp")  # an export
    site = site_for(root)
    assert site.drafted is None and not site.profile.parts and site.selected == {"schedule.xml": "frab"}


def test_a_drafter_error_leaves_the_folder_to_detection_and_says_so(tmp_path, monkeypatch):
    from ingest import draft

    def broken(root):
        raise ValueError("a bug in the drafter")

    monkeypatch.setattr(draft, "draft", broken)
    page = "---\ntitle: Opening\ndate: 2031-05-06\nspeakers:\n  - name: Ola Brekke\n---\nWelcome.\n"
    root = write(tmp_path / "harbour", {"talks/opening.md": page})
    site = site_for(root)
    assert site.reader == "frontmatter" and "a bug in the drafter" in site.draft_failed
    ingested = CliRunner().invoke(main, ["ingest", "--store", str(tmp_path / "store"), str(root)])
    assert ingested.exit_code == 0 and "drafting a profile" in ingested.stderr


def test_a_folder_the_draft_finds_nothing_in_stays_refused(tmp_path):
    root = write(tmp_path / "notes", {"todo.md": "# To do\n\nBuy milk.\n", "data.json": '{"colour": "blue"}\n'})
    site = site_for(root)
    assert site.drafted is None and site.refusal and "speakergraph profile" in site.refusal
    assert "drafts from them names no part either" in site.refusal  # the draft was tried: not offered as the fix


def test_a_verbose_dry_run_lists_every_note(tmp_path):
    rows = CSV + "Closing,2031-05-06,17:00,Ada Moss,,,\n" + "Farewell,2031-05-06,17:30,Bo Kern,,,\n"
    root = write(tmp_path / "harbour-forum", {"programme.csv": rows})
    quiet = CliRunner().invoke(main, ["ingest", "--dry-run", str(root)])
    loud = CliRunner().invoke(main, ["ingest", "--dry-run", "-v", str(root)])
    assert "every note" not in quiet.stdout
    listed = loud.stdout.split("every note (", 1)[1]
    assert "Ada Moss" in listed and "Bo Kern" in listed  # each note, not only an example of its kind
    data = json.loads(CliRunner().invoke(main, ["ingest", "--dry-run", "-v", "-f", "json", str(root)]).stdout)
    assert any("Bo Kern" in n for n in data[0]["every_note"])
