"""ingest --dry-run: what a profile would extract, with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graph.store import open_store
from ingest.loader import ingest, site_for
from ingest.preview import preview
from speakergraph import main

PROFILE = """[site]
series = "tinyconf"
timezone = "Europe/Oslo"

[[parts]]
files = "talks/*.md"
reader = "frontmatter"
speaker_key = "speakers"
start = "when"
link_template = "/people/{slug}/"

[[parts]]
files = "people/*.md"
reader = "frontmatter"
speakers = "people/*.md"
link_template = "/people/{slug}/"
"""


def site(root: Path) -> Path:
    files = {
        "speakergraph.toml": PROFILE,
        "talks/a.md": "---\ntitle: Small Data\nwhen: 2031-05-01T10:00\nspeakers: [jane-doe, ann-lee]\n---\n",
        "talks/b.md": "---\ntitle: Big Questions\nwhen: 2031-05-02T11:00\nspeakers: [jane-doe, ghost-speaker]\n---\n",
        "talks/c.md": "---\ntitle: Undated\nspeakers: [ann-lee]\n---\n",
        "people/jane-doe.md": "---\nname: Jane Doe\ncompany: ACME\nrole: CTO\n---\n",
        "people/ann-lee.md": "---\nname: Ann Lee\n---\n",
        "notes/todo.md": "# To do\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_dry_run_writes_nothing(tmp_path):
    root = site(tmp_path / "tinyconf")
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["ingest", "--dry-run", "--store", str(store), str(root)])
    assert result.exit_code == 0, result.output
    assert not store.exists()
    assert "found: 2 sessions, 4 appearances, 3 distinct people, 2 speaker pages, 1 organisations" in result.stdout
    assert "files: 6 text files, 5 read, 0 failed" in result.stdout
    assert "  1 not read: no part of the profile names it" in result.stdout


def test_dry_run_counts_are_what_ingest_writes(tmp_path):
    root = site(tmp_path / "tinyconf")
    seen = preview(site_for(root))
    summary = ingest(open_store(None), [site_for(root)])
    assert (seen.sessions, seen.appearances, seen.speaker_pages) == \
        (summary.sessions, summary.appearances, summary.speaker_pages)


def test_sample_rows_empty_fields_and_odd_names(tmp_path):
    seen = preview(site_for(site(tmp_path / "tinyconf")))
    jane = next(r for r in seen.rows if r["name"] == "Jane Doe")
    assert (jane["title"], jane["organisation"], jane["source"]) == ("CTO", "ACME", "people/jane-doe.md")
    assert jane["date"] == "2031-05-01 10:00:00+02:00"
    empty = {e["field"]: (e["empty"], e["of"]) for e in seen.empty}
    assert empty["appearance: organisation"] == (2, 4)  # Ann Lee's page and the ghost speaker give none
    assert {"name": "ghost-speaker", "why": "a slug, not a name (no speaker record gives the name)",
            "where": "talks/b.md"} in seen.odd_names
    assert any(n["kind"] == "skipped-file" and n["example"].startswith("talks/c.md: session page has no date")
               for n in seen.notes)


def test_dry_run_json(tmp_path):
    root = site(tmp_path / "tinyconf")
    result = CliRunner().invoke(main, ["ingest", "--dry-run", "--format", "json", str(root)])
    assert result.exit_code == 0, result.output
    (seen,) = json.loads(result.stdout)
    assert (seen["series"], seen["sessions"], seen["people"]) == ("tinyconf", 2, 3)


def test_dry_run_rows_shows_every_appearance_with_its_role_label_and_honorific(tmp_path):
    root = site(tmp_path / "tinyconf")
    (root / "talks" / "b.md").write_text("---\ntitle: Big Questions\nwhen: 2031-05-02T11:00\nspeakers: [jane-doe]\n"
                                         "moderators: [{name: Dr Ola Nordmann}]\n---\n", encoding="utf-8")
    every = CliRunner().invoke(main, ["ingest", "--dry-run", "--rows", "0", "--format", "json", str(root)])
    (seen,) = json.loads(every.stdout)
    assert len(seen["rows"]) == seen["appearances"] == 4
    ola = next(r for r in seen["rows"] if r["name"] == "Ola Nordmann")
    assert (ola["role"], ola["label"], ola["honorific"], ola["person"]) == ("moderator", "Moderator", "Dr",
                                                                            "ola-nordmann")
    two = CliRunner().invoke(main, ["ingest", "--dry-run", "--rows", "2", str(root)])
    assert "sample appearances (--rows 0 shows all)" in two.stdout
    shown = two.stdout.split("(date | session | role | name | title | organisation | country):\n")[1]
    assert len(shown.split("\n\n")[0].splitlines()) == 2
    text = CliRunner().invoke(main, ["ingest", "--dry-run", "--rows", "0", str(root)]).stdout
    assert "every appearance" in text and "| moderator | Dr Ola Nordmann |" in text


def test_dry_run_says_why_nothing_fits(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    (root / "README.md").write_text("# Notes\nNothing here.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--dry-run", str(root)])
    assert result.exit_code == 1
    assert "no reader recognises any of the 1 files" in result.stdout
    assert "speakergraph profile" in result.stdout and "nothing would be ingested" in result.output


def test_dry_run_counts_people_as_the_store_does_a_name_in_one_series_is_one_person(tmp_path):
    """Two editions in one folder, each with its own speaker ids (as two years of a pretalx): the same printed name
    in one series is one person, in the dry run as in the store."""
    root = tmp_path / "tinyconf"
    for rel, text in {
            "2031/talks/a.md": "---\ntitle: A\ndate: 2031-05-01\nspeakers: [k3m9]\n---\n",
            "2031/presenters/k3m9.md": "---\nname: Ann Lee\n---\n",
            "2032/talks/b.md": "---\ntitle: B\ndate: 2032-05-01\nspeakers: [x7k2]\n---\n",
            "2032/presenters/x7k2.md": "---\nname: Ann Lee\n---\n"}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "speakergraph.toml").write_text('[site]\nseries = "tinyconf"\nreader = "frontmatter"\n'
                                            '[site.frontmatter]\nstart = "date"\n')
    store = open_store(None)
    ingest(store, [site_for(root)])
    people = len(list(store.query("SELECT DISTINCT ?p WHERE { ?a <https://w3id.org/speakergraph/vocab#person> ?p }")))
    assert preview(site_for(root)).people == people == 1
