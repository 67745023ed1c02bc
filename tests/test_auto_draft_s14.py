"""A folder with no profile that detection cannot read is read with the profile ``speakergraph profile`` drafts,
and says so; a folder detection reads, or one with a profile, never is. Made-up files."""

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


def test_a_folder_detection_reads_or_a_profile_names_is_never_drafted(tmp_path):
    page = ("---\ntitle: Opening\ndate: 2031-05-06\nspeakers:\n  - name: Ola Brekke\n    company: Port Authority\n"
            "---\nWelcome.\n")
    detected = write(tmp_path / "detected", {"talks/opening.md": page, "programme.csv": CSV})
    assert site_for(detected).drafted is None
    profiled = write(tmp_path / "profiled", {"programme.csv": CSV,
                                             "speakergraph.toml": '[[parts]]\nfiles = "nothing/*.md"\nreader = "programme"\n'})
    assert site_for(profiled).drafted is None and not site_for(profiled).refusal


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
