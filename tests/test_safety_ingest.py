"""Ingest under hostile folders: prune and series act on the folders given, links are never followed,
control characters never reach the store, odd file names never split a report line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import SAMPLE
from graph import ids
from graph.report import counts, format_report, report
from graph.store import open_store
from graph.text import ILLEGAL
from ingest.loader import folders, ingest, site_for

SEED = "_2024-events/15 October 2024/Solidarity in Cyberspace: How To Assist Countries in Need.md"
SECRET = "root:x:0:0:SECRET-OUTSIDE-THE-FOLDER"


def two_years(tmp_path: Path) -> tuple[Path, Path]:
    """The sample split in two folders of one series: its 2024 pages and speaker pages, and its 2023 pages."""
    a, b = tmp_path / "sicw-2024", tmp_path / "sicw-2023"
    shutil.copytree(SAMPLE, a, ignore=shutil.ignore_patterns("_2023-events"))
    shutil.copytree(SAMPLE, b, ignore=shutil.ignore_patterns("_2024-*", "README.md"))
    return a, b


def sources_under(store, series: str) -> set[str]:
    prefix = ids.BASE + f"source/{series}/"
    return {g for g in store.sources() if g.startswith(prefix)}


def literals(store) -> list[str]:
    return [q.object.value for q in store._store.quads_for_pattern(None, None, None, None)
            if isinstance(q.object, ox.Literal)]


def test_prune_removes_only_the_files_of_the_folders_given(tmp_path):
    a, b = two_years(tmp_path)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(a)])
    first = sources_under(store, "sicw")
    ingest(store, [site_for(b)])
    both = sources_under(store, "sicw")
    assert first < both
    for page in (b / "_2023-events" / "18 October 2023").glob("*.md"):
        page.rename(b / "_2023-events" / page.name)  # each page one folder up: the old names are gone
    summary = ingest(store, [site_for(b)], prune=True)
    after = sources_under(store, "sicw")
    assert first < after  # the 2024 folder's files are all there
    assert not (both - first) & after  # the 2023 folder's old names are gone, its new ones there
    assert summary.removed == len(both - first) == summary.folders[0].pruned > 0


def test_every_file_graph_records_its_folder(tmp_path):
    a, b = two_years(tmp_path)
    store = open_store(None)
    ingest(store, [site_for(a), site_for(b)])
    keys = folders(store)
    assert set(keys) == set(store.sources())
    assert len(set(keys.values())) == 2
    assert str(tmp_path) not in " ".join(literals(store))  # the folder's path itself stays private


def test_a_folder_ingested_under_another_series_replaces_its_old_series(tmp_path):
    a, _ = two_years(tmp_path)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(a)])
    before = counts(store)
    summary = ingest(store, [site_for(a, series="cyberweek")])
    after = counts(store)
    assert (after["files"], after["appearances"], after["sessions"]) == (
        before["files"], before["appearances"], before["sessions"])
    assert sources_under(store, "sicw") == set()
    assert summary.folders[0].series == "cyberweek"
    assert summary.folders[0].replaced == {"sicw": before["files"]}
    assert "replaces series sicw" in str(summary.folders[0])


def test_a_store_written_before_folders_were_recorded_is_not_doubled_either(tmp_path):
    a, _ = two_years(tmp_path)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(a)])
    # an older store: no graph records its folder
    store._store.update("DELETE WHERE { GRAPH ?g { ?g <https://w3id.org/speakergraph/vocab#root> ?r } } ;"
                        "DELETE WHERE { ?g <https://w3id.org/speakergraph/vocab#root> ?r }")
    assert folders(store) == {}
    before = counts(store)
    ingest(store, [site_for(a, series="cyberweek")])
    assert counts(store)["appearances"] == before["appearances"]
    assert sources_under(store, "sicw") == set()


def test_prune_leaves_graphs_of_unknown_folder_alone_and_says_so(tmp_path):
    a, b = two_years(tmp_path)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(a)])
    store._store.update("DELETE WHERE { GRAPH ?g { ?g <https://w3id.org/speakergraph/vocab#root> ?r } } ;"
                        "DELETE WHERE { ?g <https://w3id.org/speakergraph/vocab#root> ?r }")
    first = sources_under(store, "sicw")
    summary = ingest(store, [site_for(b)], prune=True)
    assert first <= sources_under(store, "sicw")
    assert summary.unscoped == len(first) and summary.removed == 0


@pytest.fixture
def linked(tmp_path) -> Path:
    """The sample with symbolic links: to a file and a folder outside it, inside it, a loop, a dangling one."""
    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    outside = tmp_path / "elsewhere"
    (outside / "_2024-events").mkdir(parents=True)
    seed = (SAMPLE / SEED).read_text(encoding="utf-8")
    page = seed.replace("Manon Le Blanc", SECRET).replace("solidarity-in-cyberspace", "leak")
    (outside / "page.md").write_text(page, encoding="utf-8")
    (outside / "_2024-events" / "other.md").write_text(page, encoding="utf-8")
    events = root / "_2024-events"
    (events / "leak.md").symlink_to(outside / "page.md")
    (events / "passwd.md").symlink_to("/etc/passwd")
    (events / "outside-folder").symlink_to(outside / "_2024-events", target_is_directory=True)
    (events / "again.md").symlink_to(root / SEED)
    (events / "loop").symlink_to("..", target_is_directory=True)
    (events / "dangling.md").symlink_to(tmp_path / "nothing.md")
    return root


def test_symbolic_links_are_never_followed_and_each_is_reported(linked, tmp_path):
    store = open_store(tmp_path / "store")
    summary = ingest(store, [site_for(linked)])
    text = " ".join(literals(store))
    assert summary.links == 6
    assert "SECRET-OUTSIDE" not in text and "root:x:0:0" not in text
    notes = {n.path.rsplit("/", 1)[-1]: n.message for n in summary.notes
             if n.kind == "skipped-file" or "symbolic link" in n.message}
    assert set(notes) - {"README.md"} == {"leak.md", "passwd.md", "outside-folder", "again.md", "loop",
                                                 "dangling.md"}
    notes.pop("README.md")  # not a session page
    assert "outside" in notes["leak.md"] and "outside" in notes["passwd.md"] and "outside" in notes["outside-folder"]
    assert "loop" in notes["loop"]
    assert "inside" in notes["again.md"] and "No such file" in notes["dangling.md"]
    assert summary.failed == 4  # links to files are refused, as a FIFO is; links to folders are skipped
    listed = {n["path"].rsplit("/", 1)[-1] for n in report(store).notes if n["kind"] in ("skipped-file", "failed-file")}
    notes["README.md"] = ""
    assert set(notes) <= listed  # the report says it too, run after run
    again = ingest(store, [site_for(linked)])
    assert (again.read, again.failed, again.links) == (4, 4, 6) and again.notes  # said again, not written again
    assert "events/loop: is a symbolic link to a folder that contains it (a loop)" in format_report(report(store))


def test_a_link_in_place_of_a_file_read_later_is_refused(tmp_path):
    """Between the walk and the read a file may become a link: the read itself refuses it."""
    from graph.errors import IngestError
    from ingest.read import read_bytes

    target = tmp_path / "secret.md"
    target.write_text(SECRET, encoding="utf-8")
    link = tmp_path / "page.md"
    link.symlink_to(target)
    with pytest.raises(IngestError, match="symbolic link"):
        read_bytes("page.md", link)
    assert read_bytes("page.md", link, follow=True) == SECRET.encode()


def test_a_file_named_on_the_command_line_may_be_a_link(tmp_path):
    page = tmp_path / "real.md"
    shutil.copy(SAMPLE / SEED, page)
    (tmp_path / "named.md").symlink_to(page)
    store = open_store(None)
    summary = ingest(store, [site_for(tmp_path / "named.md", series="sicw")])
    assert summary.failed == 0 and counts(store)["appearances"] == 6


def test_control_characters_are_removed_at_ingest_and_noted_with_their_line(tmp_path):
    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    seed = root / SEED
    text = seed.read_text(encoding="utf-8")
    text = text.replace("Ms Manon Le Blanc]", "Ms Manon\x07 Le Blanc\x1b[2J]")
    text = text.replace('title: "Solidarity', 'title: "\\x01Solidarity\\u009b')  # YAML escapes: no raw byte
    seed.write_text(text.replace("European External", "European\x0c External\x9b"), encoding="utf-8")
    store = open_store(None)
    summary = ingest(store, [site_for(root)])
    assert [v for v in literals(store) if ILLEGAL.search(v)] == []
    assert bool(store.query('ASK { ?p <https://schema.org/name> "Manon Le Blanc" }'))
    notes = [n for n in summary.notes if n.kind == "control-character"]
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines, 1) if "Manon" in line)
    assert {(n.path, n.line) for n in notes} >= {(SEED, row)}
    assert any("\\x07" in n.message and "\\x1b" in n.message for n in notes)
    assert any("\\x01" in n.message for n in notes)  # the escape in the front matter, found in the value


def test_a_file_name_with_a_line_break_never_splits_a_report_line(tmp_path):
    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    odd = root / "_2024-events" / "15 October 2024" / "Broken\nname\x1b[31m.md"
    odd.write_bytes(b"---\ntitle: [unclosed\n---\n")
    store = open_store(None)
    summary = ingest(store, [site_for(root)])
    failed = [n for n in summary.notes if n.kind == "failed-file"]
    assert len(failed) == 1 and "\n" not in str(failed[0]) and "\x1b" not in str(failed[0])
    text = format_report(report(store))
    assert not any(line.startswith(("name", "[31m")) for line in text.splitlines())
    assert "Broken\\nname\\x1b[31m.md:2:" in text


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_loop_of_links_is_reported(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(SAMPLE, root)
    (root / "a").symlink_to(root / "b")
    (root / "b").symlink_to(root / "a")
    summary = ingest(open_store(None), [site_for(root)])
    loops = [n for n in summary.notes if n.kind == "failed-file" and "loops" in n.message]
    assert {n.path for n in loops} == {"a", "b"}


def test_two_folders_of_one_series_keep_their_files_of_the_same_name(tmp_path):
    """pyconfr-2024/schedule.json and pyconfr-2025/schedule.json: two graphs, both kept, no clash."""
    a, b = two_years(tmp_path)
    shutil.copy(SAMPLE / "README.md", b / "README.md")
    store = open_store(None)
    summary = ingest(store, [site_for(a), site_for(b)])
    assert not [n for n in summary.notes if n.kind == "name-clash"]
    readmes = {g for g, (path, _) in store.sources().items() if path == "README.md"}
    assert readmes == {site_for(a).graph("README.md"), site_for(b).graph("README.md")} and len(readmes) == 2


def test_two_folders_of_the_same_name_in_one_series_are_named(tmp_path):
    """Folders that share a name (here/site and there/site) and a file name still share its graph: said."""
    a, b = tmp_path / "here" / "site", tmp_path / "there" / "site"
    shutil.copytree(SAMPLE, a, ignore=shutil.ignore_patterns("_2023-events"))
    shutil.copytree(SAMPLE, b, ignore=shutil.ignore_patterns("_2024-*"))
    summary = ingest(open_store(None), [site_for(a), site_for(b)])
    clashes = [n for n in summary.notes if n.kind == "name-clash"]
    assert len(clashes) == 1 and str(a) in clashes[0].message and clashes[0].path == str(b)


def test_a_store_written_with_graph_names_without_the_folder_is_taken_over(tmp_path, monkeypatch):
    """Graphs named by series and path alone (an older speakergraph) are replaced, not doubled, on re-ingest."""
    from ingest.site import Site

    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    store = open_store(None)
    with monkeypatch.context() as older:
        older.setattr(Site, "graph", lambda site, rel: ids.source(site.series, rel))  # the older naming
        ingest(store, [site_for(root)])
    old = set(store.sources())
    before = counts(store)
    summary = ingest(store, [site_for(root)])
    assert not old & set(store.sources()) and len(store.sources()) == len(old)
    assert counts(store) == before and summary.removed == len(old)


def test_series_change_and_prune_on_any_store(any_store, tmp_path):
    """The same on a SPARQL server: an emptied graph is a removed one, in the write of the folder's files."""
    a, b = two_years(tmp_path)
    ingest(any_store, [site_for(a), site_for(b)])
    before = counts(any_store)
    summary = ingest(any_store, [site_for(a, series="cyberweek")])
    assert summary.folders[0].replaced == {"sicw": len(sources_under(any_store, "cyberweek"))}
    assert counts(any_store)["appearances"] == before["appearances"]
    assert sources_under(any_store, "sicw") and all(folders(any_store)[g] != folders(any_store)[
        next(iter(sources_under(any_store, "cyberweek")))] for g in sources_under(any_store, "sicw"))
    page = next((b / "_2023-events").rglob("*.md"))
    shutil.copy(page, b / "_2023-events" / "kept.md")
    page.unlink()
    assert ingest(any_store, [site_for(b)], prune=True).removed == 1
    assert counts(any_store)["sessions"] == before["sessions"]
    assert sources_under(any_store, "cyberweek")  # the other folder's files stay


def test_ingest_names_the_series_each_folder_went_to(tmp_path):
    from click.testing import CliRunner

    import speakergraph

    a, _ = two_years(tmp_path)
    store = str(tmp_path / "store")
    runner = CliRunner()
    first = runner.invoke(speakergraph.main, ["ingest", "-s", "--store", store, str(a)])
    assert first.exit_code == 0, first.output
    n = len(site_for(a).paths())
    assert f"folder: {a} → series sicw ({n} files)" in first.output
    moved = runner.invoke(speakergraph.main, ["ingest", "-s", "--store", store, "--series", "cyberweek", str(a)])
    assert moved.exit_code == 0, moved.output
    assert f"folder: {a} → series cyberweek ({n} files); replaces series sicw ({n} files removed)" in moved.output
