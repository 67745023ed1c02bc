"""Several websites: reader detection, site profiles, the DjangoCon corpus, two sites in one store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DJANGOCON, SAMPLE, SICW, corpus, ingested, write_files as write
from graph.errors import IngestError
from graph.queries import find_query
from graph.report import counts, report
from graph.results import table
from graph.store import open_store
from ingest.loader import ingest, site_for
from speakergraph import main

TINYCONF = Path(__file__).resolve().parent / "fixtures" / "tinyconf"
PREFIX = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def rows(store, sparql):
    return table(store.query(PREFIX + sparql)).values()


def edition_sessions(store, edition):
    query = find_query("sessions-of-edition")
    return table(store.query(query.text, query.bindings({"edition": edition}))).dicts()


# --- detection and profiles ---------------------------------------------------------------


def test_sicw_folders_keep_the_sicw_reader(tmp_path):
    shutil.copytree(SAMPLE, tmp_path / "sample", ignore=shutil.ignore_patterns("speakergraph.toml"))
    assert site_for(tmp_path / "sample", draft=False).reader == "sicw"  # panel tables under role headings, a date
    assert {p.reader for p in site_for(tmp_path / "sample").profile.parts} == {"sicw"}  # and its draft reads them so
    assert site_for(SAMPLE).reader_for("_2024-events/x.md")[0] == "sicw"  # its profile (data/profiles/sicw.toml)


def test_front_matter_site_is_detected_without_a_profile(tmp_path):
    root = write(tmp_path / "pycon-2031", {
        "talks/a.md": "---\ntitle: A\nstart: 2031-05-01T10:00:00+02:00\nspeakers: [jane-doe]\n---\n",
        "news/b.md": "---\ntitle: News\n---\nHello.\n"})
    site = site_for(root, draft=False)
    assert (site.reader, site.series) == ("frontmatter", "pycon")
    assert [(p.reader, p.files) for p in site_for(root).profile.parts] == [("frontmatter", ("talks/*.md",))]


def test_a_reader_table_in_the_profile_names_the_reader(tmp_path):
    root = write(tmp_path, {"speakergraph.toml": '[site]\nseries = "x"\n[site.frontmatter]\nspeaker_key = "hosts"\n',
                            "a.md": "---\ntitle: A\ndate: 2031-05-01\nhosts: [jane-doe]\n---\n"})
    assert site_for(root).reader == "frontmatter"


@pytest.mark.parametrize("profile, message", [
    ('[site]\nreader = "hugo"\n', "unknown reader 'hugo'"),
    ('[site]\nreader = "frontmatter"\n[site.frontmatter]\nstrat = "when"\n', "did you mean 'start'"),
    ('[site]\n[site.frontmatter]\nrole_label = 3\n', "role_label must be a string"),
    ("[site\n", "not valid TOML"),
])
def test_bad_profiles_name_the_file_and_the_problem(tmp_path, profile, message):
    (tmp_path / "speakergraph.toml").write_text(profile, encoding="utf-8")
    with pytest.raises(IngestError, match=message) as info:
        site_for(tmp_path)
    assert "speakergraph.toml" in str(info.value)


def test_made_up_site_with_other_keys_needs_only_its_profile():
    store = ingested(TINYCONF)
    sessions = rows(store, """
        SELECT ?title ?start ?end ?room ?track WHERE {
          ?s a sg:Session ; schema:name ?title ; schema:location ?room .
          OPTIONAL { ?s schema:startDate ?start } OPTIONAL { ?s schema:endDate ?end } OPTIONAL { ?s schema:about ?track }
        } ORDER BY ?start""")
    assert sessions == [
        ["Welcome to TinyConf", "2025-03-14T09:00:00+01:00", "2025-03-14T09:15:00+01:00", "Room A", ""],
        ["Panel: Small Data, Big Questions", "2025-03-14T10:00:00+01:00", "2025-03-14T11:00:00+01:00", "Room B", "Main"],
        ["Counting Things Carefully", "2025-03-15T14:00:00+01:00", "2025-03-15T16:00:00+01:00", "Lab 1", ""]]
    appearances = rows(store, """
        SELECT DISTINCT ?title ?key ?role ?label WHERE {
          ?a sg:session/schema:name ?title ; sg:person ?p ; sg:role/skos:notation ?role ; sg:roleLabel ?label .
          BIND(STRAFTER(STR(?p), "/person/") AS ?key)
        } ORDER BY ?title ?key""")
    assert appearances == [
        ["Counting Things Carefully", "ravi-kumar", "speaker", "Workshop presenter"],
        ["Panel: Small Data, Big Questions", "jane-doe", "moderator", "Moderator"],
        ["Panel: Small Data, Big Questions", "ola-nordmann", "panellist", "panel"],  # the format names the role
        ["Panel: Small Data, Big Questions", "ravi-kumar", "panellist", "panel"],
        ["Welcome to TinyConf", "jane-doe", "remarks", "Opening remarks"]]
    pages = rows(store, """
        SELECT ?key ?url ?title ?org WHERE {
          ?p schema:subjectOf ?g ; schema:url ?url ; sg:position [ sg:title ?title ; sg:organisationLabel ?org ] .
          BIND(STRAFTER(STR(?p), "/person/") AS ?key)
        } ORDER BY ?key""")
    assert pages == [["jane-doe", "/people/jane-doe/", "Research Lead", "Example Labs"],
                     ["ravi-kumar", "/people/ravi-kumar/", "Data Engineer", "Example Labs"]]
    assert rows(store, "SELECT DISTINCT ?y WHERE { ?e a sg:Edition ; schema:superEvent ?s ; sg:year ?y . "
                       "?s schema:name 'TinyConf' }") == [["2025"]]
    notes = report(store).notes
    assert [(n["path"], n["kind"]) for n in notes if n["kind"] == "skipped-file"] == [("about.md", "skipped-file")]


# --- the real DjangoCon US 2024 site ------------------------------------------------------


@pytest.fixture(scope="module")
def djangocon_store():
    return ingested(corpus(DJANGOCON))


def test_djangocon_is_read_by_the_front_matter_reader_as_series_djangocon():
    site = site_for(corpus(DJANGOCON), draft=False)
    assert (site.reader, site.series) == ("frontmatter", "djangocon")
    drafted = site_for(corpus(DJANGOCON))
    assert {p.reader for p in drafted.profile.parts} == {"frontmatter"} and drafted.series == "djangocon"


def test_djangocon_sessions_with_times_and_rooms(djangocon_store):
    sessions = rows(djangocon_store, """
        SELECT ?s ?format ?start ?end ?room WHERE {
          ?s a sg:Session ; sg:format ?format ; schema:startDate ?start ; schema:endDate ?end ; schema:location ?room
        }""")
    assert len(sessions) == 62
    assert sorted(f for _, f, *_ in sessions).count("talks") == 57
    assert sorted(f for _, f, *_ in sessions).count("tutorials") == 5
    assert all(start.endswith("-04:00") and end.endswith("-04:00") and start < end and room
               for _, _, start, end, room in sessions)
    assert {s.rsplit("/", 3)[-3] for s, *_ in sessions} == {"djangocon"}


def test_djangocon_presenters_all_resolve(djangocon_store):
    assert rows(djangocon_store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { ?p schema:subjectOf ?g }") == [["60"]]
    appearing = rows(djangocon_store, """
        SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?p) AS ?people) WHERE {
          { SELECT DISTINCT ?a ?p WHERE { ?a a sg:Appearance ; sg:person ?p } }
          FILTER EXISTS { ?p schema:subjectOf ?page }
        }""")
    # every presenter_slugs entry has its presenter page, and three of the panel's prose list are presenters too
    assert appearing == [["67", "60"]]
    assert report(djangocon_store).unresolved == []


def test_djangocon_58_presenters_speak_and_2_only_give_remarks(djangocon_store):
    by_role = dict(rows(djangocon_store, """
        SELECT ?role (COUNT(DISTINCT ?p) AS ?n) WHERE { ?a sg:person ?p ; sg:role/skos:notation ?role }
        GROUP BY ?role"""))
    # "Panel Discussion: …" lists its moderator (its one presenter, who speaks nowhere else) and five panellists in
    # its prose: read by the drafted profile's body_people
    assert by_role == {"speaker": "54", "keynote": "3", "remarks": "2", "moderator": "1", "panellist": "5"}


def test_djangocon_presenter_page_fields(djangocon_store):
    (row,) = rows(djangocon_store, """
        SELECT ?name ?url ?image ?org WHERE {
          ?p schema:subjectOf ?g ; schema:name ?name ; schema:url ?url ; schema:image ?image ;
             sg:position/sg:organisationLabel ?org .
          FILTER(STRENDS(STR(?p), "/person/frank-wiles"))
          FILTER(?name != "frank-wiles")
        }""")
    assert row == ["Frank Wiles", "/presenters/frank-wiles/", "frank-wiles.jpeg", "REVSYS"]


def test_cli_ingest_of_djangocon(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(corpus(DJANGOCON)), "--store", str(tmp_path / "s"), "-s"])
    assert result.exit_code == 0, result.output
    assert "this run: 62 sessions, 69 appearances, 60 speaker pages" in result.output


# --- two sites in one store ---------------------------------------------------------------


@pytest.fixture(scope="module")
def both_store():
    store = open_store(None)
    ingest(store, [site_for(corpus(SICW)), site_for(corpus(DJANGOCON))])
    return store


def test_stored_queries_work_per_series_and_across_both(both_store):
    sicw, django = edition_sessions(both_store, "sicw/2024"), edition_sessions(both_store, "djangocon/2024")
    assert len(django) == 62
    assert len(sicw) == counts(ingested(corpus(SICW)))["sessions"] > 0
    assert counts(both_store)["sessions"] == len(sicw) + len(django)
    assert counts(both_store)["series"] == 2
    assert all("/djangocon/" in s["session"] for s in django) and all("/sicw/" in s["session"] for s in sicw)


def test_people_on_two_sites_merge(tmp_path):
    sicw = write(tmp_path / "summit-2031", {
        "speakergraph.toml": '[site]\nreader = "sicw"\n',
        "_2031-events/1 March 2031/panel.md": (
            "---\ntitle: A Panel\n---\n**1 March 2031 (Saturday)**\n*Time: 10.00am to 11.00am (GMT +8)*\n\n"
            "| **Panellists** | |\n| [Dr Jane Doe](/speakers/dr-jane-doe/) | *Research Lead*<br>Example Labs<br>Norway |\n"),
        "_2031-speakers/jane.md": "---\ntitle: Dr Jane Doe\npermalink: /speakers/dr-jane-doe/\n---\n#### **Dr Jane Doe**\n"})
    django = write(tmp_path / "ponycon-2031", {
        "talks/ponies.md": "---\ntitle: Ponies\nstart_datetime: 2031-09-01 10:00:00-04:00\n"
                           "presenter_slugs: [jane-doe, ravi-kumar]\n---\n",
        "presenters/jane-doe.md": "---\nname: Jane Doe\ncompany: Example Labs\n---\nBio.\n",
        "presenters/ravi-kumar.md": "---\nname: Ravi Kumar\n---\nBio.\n"})
    store = open_store(None)
    summary = ingest(store, [site_for(sicw), site_for(django)])
    assert summary.failed == 0
    people = rows(store, """
        SELECT ?key (GROUP_CONCAT(DISTINCT ?series; separator=" ") AS ?in) WHERE {
          ?a sg:person ?p ; sg:session/schema:superEvent/schema:superEvent ?s .
          BIND(STRAFTER(STR(?p), "/person/") AS ?key) BIND(STRAFTER(STR(?s), "/series/") AS ?series)
        } GROUP BY ?key ORDER BY ?key""")
    assert [(key, sorted(series.split())) for key, series in people] == [
        ("jane-doe", ["ponycon", "summit"]), ("ravi-kumar", ["ponycon"])]
    assert rows(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { ?p schema:subjectOf ?g . "
                       "FILTER(STRENDS(STR(?p), '/jane-doe')) }") == [["2"]]


def test_a_copied_front_matter_site_reingests_unchanged(tmp_path):
    root = tmp_path / "tinyconf"
    shutil.copytree(TINYCONF, root)
    store = open_store(tmp_path / "store")
    first = ingest(store, [site_for(root)])
    second = ingest(store, [site_for(root)])
    assert (second.read, second.unchanged) == (0, first.read)


def test_profile_roles_map_printed_labels_onto_the_model(tmp_path):
    root = write(tmp_path / "conf", {
        "speakergraph.toml": '[site]\nseries = "conf"\nroles = { "Head of Delegation" = "speaker", '
                             '"Trigger speaker" = "panellist" }\n[site.frontmatter]\nspeaker_key = "people"\n',
        "talks/a.md": "---\ntitle: A\ndate: 2031-05-01\npeople:\n  - {name: Jane Doe, role: Head of Delegation}\n"
                      "  - {name: Ravi Kumar, role: Trigger Speaker}\n  - {name: Ann Lee, role: Juggler}\n---\n"})
    store = open_store(tmp_path / "store")
    summary = ingest(store, [site_for(root)])
    got = {name: (role.rsplit("/", 1)[-1], label) for name, role, label in rows(store, """
        SELECT ?name ?role ?label WHERE { ?a sg:person ?p ; sg:role ?role ; sg:roleLabel ?label ; sg:name ?name }""")}
    assert got == {"Jane Doe": ("speaker", "Head of Delegation"), "Ravi Kumar": ("panellist", "Trigger Speaker"),
                   "Ann Lee": ("other", "Juggler")}
    assert [n.kind for n in summary.notes if n.kind == "unknown-role"] == ["unknown-role"]


def test_every_profile_in_the_cookbook_is_valid():
    """docs/sites.md is where people learn to write profiles: each of its profiles loads and validates."""
    import re
    import tomllib

    from ingest import profile, readers

    text = (Path(__file__).parent.parent / "docs" / "sites.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```toml\n(.*?)```", text, re.S) if not b.startswith("+++")]
    assert len(blocks) >= 10
    for i, block in enumerate(blocks):
        loaded = profile.parse(tomllib.loads(block), f"docs/sites.md toml block {i + 1}")
        for j, part in enumerate(loaded.parts):
            readers.check(part.reader, part.options, f"docs/sites.md toml block {i + 1}", f"[[parts]] {j + 1}")


def test_a_folder_no_reader_recognises_is_refused_aloud(tmp_path):
    """Nothing written, the reason and what to run next on stderr, exit 1 (nothing could be ingested)."""
    root = write(tmp_path / "notes", {"a.md": "# Minutes\n\nWe met and talked.\n", "b.md": "Just text.\n"})
    result = CliRunner().invoke(main, ["ingest", "--store", str(tmp_path / "store"), str(root)])
    assert result.exit_code == 1
    assert "no reader recognises any of the 2 files" in result.output and f"speakergraph profile {root}" in result.output
    assert counts(open_store(tmp_path / "store"))["files"] == 0


def test_files_of_types_no_reader_reads_are_named_in_the_refusal_and_the_dry_run(tmp_path):
    root = write(tmp_path / "summit", {"programme.pdf": "%PDF-1.4\n"})
    result = CliRunner().invoke(main, ["ingest", "--dry-run", str(root)])
    assert result.exit_code == 1 and "only 1 .pdf (programme.pdf)" in result.output and "CSV" in result.output
    write(root, {"talks.md": "---\ntitle: T\ndate: 2031-05-01\nspeakers: [{name: Ann Lee}]\n---\n"})
    result = CliRunner().invoke(main, ["ingest", "--dry-run", str(root)])
    assert "1 not read: speakergraph reads no .pdf file" in result.output and "(e.g. programme.pdf)" in result.output


def test_any_part_names_its_own_time_zone(tmp_path):
    """Two editions held in two zones: each part's times that print no offset take the part's zone; a bad zone is an
    error naming the part."""
    from ingest.loader import pipeline

    (tmp_path / "2024").mkdir()
    (tmp_path / "2025").mkdir()
    talk = "---\ntitle: Talk\nstart: 2024-04-23 09:00\nspeakers: [Ana Lima]\n---\n"
    (tmp_path / "2024" / "talk.md").write_text(talk, encoding="utf-8")
    (tmp_path / "2025" / "talk.md").write_text(talk.replace("2024", "2025"), encoding="utf-8")
    (tmp_path / "speakergraph.toml").write_text(
        '[site]\nseries = "par"\ntimezone = "Europe/Amsterdam"\n'
        '[[parts]]\nfiles = "2024/*.md"\nreader = "frontmatter"\ntimezone = "Asia/Seoul"\n'
        '[[parts]]\nfiles = "2025/*.md"\nreader = "frontmatter"\n', encoding="utf-8")
    site = site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")
    starts = [pipeline(f"{y}/talk.md", (tmp_path / y / "talk.md").read_bytes(), site).sessions[0].start.isoformat()
              for y in ("2024", "2025")]
    assert starts == ["2024-04-23T09:00:00+09:00", "2025-04-23T09:00:00+02:00"]
    (tmp_path / "speakergraph.toml").write_text(
        '[site]\nseries = "par"\n[[parts]]\nfiles = "2024/*.md"\nreader = "frontmatter"\ntimezone = "Mars/Olympus"\n',
        encoding="utf-8")
    with pytest.raises(IngestError, match="timezone 'Mars/Olympus'"):
        site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")
