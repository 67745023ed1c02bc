"""Schedule exports as built-in readers: frab schedule.xml, pretalx schedule JSON, Sessionize JSON.

Made-up fixtures in tests/fixtures/schedules/ (each shape the readers meet), then the real exports in
../shared/corpus/sites (31C3, PyConFR 2024/2025, DDD Melbourne 2024/2025) when they are there.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import SHARED, corpus
from graph.errors import IngestError
from graph.report import report
from graph.results import table
from graph.store import open_store
from ingest import frab, pretalx, sessionize
from ingest.loader import ingest, pipeline, site_for
from ingest.read import parse_document

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "schedules"
DDD_PROFILE = HERE / "profiles" / "dddmelbourne-sessionize.toml"
SITES = SHARED / "sites"
CET = timezone(timedelta(hours=1))
PREFIX = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def rows(store, sparql):
    return table(store.query(PREFIX + sparql)).values()


def parse(root: Path, rel: str, profile: Path | None = None):
    """One file of a folder through read → reader → tidy → normalize, as the loader runs it."""
    site = site_for(root, profile_path=profile)
    return pipeline(rel, (root / rel).read_bytes(), site)


def store_of(*roots: Path, profile: Path | None = None):
    store = open_store(None)
    summary = ingest(store, [site_for(root, profile_path=profile) for root in roots])
    return store, summary


def appearances(store):
    """(session title, date, person key, printed name, role label, line) of every appearance."""
    return rows(store, """
        SELECT ?title ?date ?key ?printed ?label ?line WHERE {
          ?a a sg:Appearance ; sg:session ?s ; sg:person ?p ; sg:roleLabel ?label .
          ?s schema:name ?title ; <http://purl.org/dc/terms/date> ?date .
          OPTIONAL { ?a sg:printedName ?printed } OPTIONAL { ?a sg:line ?line }
          BIND(STRAFTER(STR(?p), "/person/") AS ?key)
        } ORDER BY ?date ?title ?key""")


def copy(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


# --- detection ------------------------------------------------------------------------------


@pytest.mark.parametrize("folder, file, reader", [
    ("frab", "schedule.xml", "frab"),
    ("pretalx", "2030/schedule.json", "pretalx"),
    ("pretalx", "2031/schedule.json", "pretalx"),
    ("sessionize", "sessionize.json", "sessionize"),
])
def test_each_export_is_detected_without_a_profile(folder, file, reader):
    site = site_for(FIXTURES / folder)
    assert (site.selected[file], site.refusal) == (reader, None)


def test_other_json_and_xml_are_not_taken_for_schedules(tmp_path):
    (tmp_path / "data.json").write_text('{"sessions": [{"id": 1, "title": "T"}], "code": "X"}', encoding="utf-8")
    (tmp_path / "feed.xml").write_text("<rss><channel><title>T</title></channel></rss>", encoding="utf-8")
    for rel in ("data.json", "feed.xml"):
        doc = parse_document(rel, (tmp_path / rel).read_bytes())
        assert not (frab.detect(doc) if rel.endswith("xml") else pretalx.detect(doc) or sessionize.detect(doc))
    assert site_for(tmp_path).refusal  # nothing recognised: nothing guessed


# --- frab -------------------------------------------------------------------------------------


def test_frab_one_session_per_event_with_times_past_midnight():
    parsed = parse(FIXTURES / "frab", "schedule.xml")
    got = [(s.title, s.key, s.date.isoformat(), s.start, s.end, s.room, s.track, s.format) for s in parsed.sessions]
    assert got == [
        ("Opening", "101", "2031-12-27", datetime(2031, 12, 27, 11, 0, tzinfo=CET),
         datetime(2031, 12, 27, 11, 30, tzinfo=CET), "Hall A", "Congress", "lecture"),
        ("Night Owls", "102", "2031-12-28", datetime(2031, 12, 28, 0, 30, tzinfo=CET),
         datetime(2031, 12, 28, 1, 45, tzinfo=CET), "Hall A", "Culture", "workshop"),
        # no <date>: the day's date and the clock, after midnight of the day that starts at 11:00
        ("No Date Element", "103", "2031-12-29", datetime(2031, 12, 29, 1, 0, tzinfo=CET),
         datetime(2031, 12, 29, 1, 45, tzinfo=CET), "Hall B", "Security", "lecture")]
    assert parsed.sessions[1].abstract == "Past midnight, on the first day's schedule."


def test_frab_rows_link_person_ids_with_their_lines():
    parsed = parse(FIXTURES / "frab", "schedule.xml")
    got = [(s.key, r.line, r.printed_name, r.link, r.person_key, r.role_label, r.role)
           for s in parsed.sessions for r in s.rows]
    # "Opening": the title names the role of its people (remarks), as a data file's session title does
    assert got == [("101", 26, "moonbeam", "/speakers/7/", "7", "Opening", "remarks"),
                   ("101", 27, "Jane Q. Doe", "/speakers/8/", "8", "Opening", "remarks"),
                   ("102", 42, "Jane Q. Doe", "/speakers/8/", "8", "Speaker", "speaker"),
                   ("103", 59, "Ola Nordmann", "/speakers/9/", "9", "Speaker", "speaker")]  # "Name/handle": the name


def test_frab_person_ids_get_a_page_where_first_named():
    parsed = parse(FIXTURES / "frab", "schedule.xml")
    assert [(p.permalink, p.printed_name, p.line) for p in parsed.speakers] == [
        ("/speakers/7/", "moonbeam", 26), ("/speakers/8/", "Jane Q. Doe", 27), ("/speakers/9/", "Ola Nordmann", 59)]


def test_frab_person_link_option_keeps_two_instances_apart(tmp_path):
    root = copy(FIXTURES / "frab", tmp_path / "fest")
    (root / "speakergraph.toml").write_text('[[parts]]\nfiles = "*.xml"\nreader = "frab"\n'
                                            'person_link = "/speakers/{id}-fest/"\nrole_label = "Presenter"\n',
                                            encoding="utf-8")
    parsed = parse(root, "schedule.xml")
    assert [(r.person_key, r.role_label) for r in parsed.sessions[1].rows] == [("8-fest", "Presenter")]
    assert [r.person_key for r in parsed.sessions[0].rows] == ["7-fest", "8-fest"]
    (root / "speakergraph.toml").write_text('[[parts]]\nfiles = "*.xml"\nreader = "frab"\nperson_link = "/p/"\n',
                                            encoding="utf-8")
    with pytest.raises(IngestError, match="person_link must contain"):
        site_for(root)


def test_frab_same_person_id_is_one_person_in_the_store():
    store, summary = store_of(FIXTURES / "frab")
    assert summary.failed == 0
    assert report(store).unresolved == []  # every person link reaches its page
    people = rows(store, """SELECT ?key (COUNT(?a) AS ?n) WHERE { ?a a sg:Appearance ; sg:person ?p .
                              BIND(STRAFTER(STR(?p), "/person/") AS ?key) } GROUP BY ?key ORDER BY ?key""")
    assert people == [["7", "1"], ["8", "2"], ["9", "1"]]


# --- pretalx ----------------------------------------------------------------------------------


def test_pretalx_regrouped_by_day_minute_room_with_slot():
    parsed = parse(FIXTURES / "pretalx", "2030/schedule.json")
    got = [(s.title, s.key, s.start, s.end, s.room, s.format, s.abstract) for s in parsed.sessions]
    assert got == [
        ("Parsing Schedules", "tlk001", datetime(2030, 11, 2, 9, 0, tzinfo=CET), datetime(2030, 11, 2, 9, 45, tzinfo=CET),
         "Main Hall", "Long talk", "How to read them."),
        ("Sprint on Things", "spr001", datetime(2030, 10, 31, 10, 0, tzinfo=CET),
         datetime(2030, 10, 31, 17, 0, tzinfo=CET), "Room 2", "Sprint", "Hack.")]
    # names from the speakers collection ("Ravi" inline, "Ravi Kumar" there); a code only inline keeps its name
    assert [(r.printed_name, r.link, r.person_key, r.role_label, r.line) for s in parsed.sessions for r in s.rows] == [
        ("Jane Doe", "/speakers/JDQ7XK/", "jdq7xk", "Speaker", 10),
        ("Ravi Kumar", "/speakers/RKM4PL/", "rkm4pl", "Speaker", 16),
        ("Ola Nordmann", "/speakers/OLA9ZZ/", "ola9zz", "Speaker", 51)]
    pages = {p.person_key: (p.printed_name, p.biography, p.image) for p in parsed.speakers}
    assert pages == {"jdq7xk": ("Jane Doe", "Jane writes parsers.", "https://example.org/jane.png"),
                     "rkm4pl": ("Ravi Kumar", "Ravi counts things.", None),
                     "ola9zz": ("Ola Nordmann", "Only inline.", None)}


def test_pretalx_slots_list_one_session_per_slot_and_withdrawn_skipped():
    parsed = parse(FIXTURES / "pretalx", "2031/schedule.json")
    got = [(s.title, s.key, s.date.isoformat(), s.room, s.format) for s in parsed.sessions]
    assert got == [("Parsing Again", "tlk101", "2031-11-01", "B12", "Plenary"),
                   ("Two-day Sprint", "spr101", "2031-10-30", "B19", "Sprint"),
                   ("Two-day Sprint", "spr101", "2031-10-31", "B19", "Sprint")]
    assert [n.message for n in parsed.notes if n.kind == "skipped-row"] == [
        "submission GONE01 (Withdrawn Talk) is withdrawn — skipped"]


def test_pretalx_codes_join_across_two_editions():
    store, summary = store_of(FIXTURES / "pretalx")
    assert summary.failed == 0
    editions = rows(store, """
        SELECT ?key (GROUP_CONCAT(DISTINCT ?year; separator=" ") AS ?years) WHERE {
          ?a sg:person ?p ; sg:session/schema:superEvent/sg:year ?y .
          BIND(STRAFTER(STR(?p), "/person/") AS ?key) BIND(STR(?y) AS ?year) } GROUP BY ?key ORDER BY ?key""")
    assert [(k, sorted(y.split())) for k, y in editions] == [
        ("jdq7xk", ["2030", "2031"]), ("ola9zz", ["2030", "2031"]), ("rkm4pl", ["2030"])]


@pytest.mark.parametrize("shape", ["api", "widget", "frab-json"])
def test_pretalx_plain_api_widget_and_frab_json_shapes(tmp_path, shape):
    person = {"code": "AB12CD", "name": "Jane Doe", "biography": "Bio."}
    if shape == "api":  # /api/events/x/submissions/
        data = {"count": 1, "results": [{"code": "TALK01", "title": {"en": "Hello"}, "speakers": [person],
                                         "submission_type": {"en": "Talk"}, "state": "confirmed",
                                         "track": {"id": 3, "name": {"en": "Web"}},
                                         "slots": [{"room": {"id": 1, "name": {"en": "Room 1"}},
                                                    "start": "2031-05-01T10:00:00+02:00",
                                                    "end": "2031-05-01T10:30:00+02:00"}]}]}
    elif shape == "widget":  # /schedule/widgets/schedule.json: speakers as codes, rooms and tracks by id
        data = {"talks": [{"code": "TALK01", "title": "Hello", "speakers": ["AB12CD"], "track": 3, "room": 1,
                           "start": "2031-05-01T10:00:00+02:00", "end": "2031-05-01T10:30:00+02:00"}],
                "rooms": [{"id": 1, "name": {"en": "Room 1"}}], "tracks": [{"id": 3, "name": {"en": "Web"}}],
                "speakers": [person]}
    else:  # /schedule/export/schedule.json (frab compatible)
        data = {"schedule": {"conference": {"days": [{"date": "2031-05-01", "rooms": {"Room 1": [
            {"code": "TALK01", "title": "Hello", "date": "2031-05-01T10:00:00+02:00", "start": "10:00",
             "duration": "00:30", "room": "Room 1", "track": "Web", "type": "Talk",
             "persons": [{"code": "AB12CD", "public_name": "Jane Doe", "biography": "Bio."}]}]}}]}}}
    (tmp_path / "schedule.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    parsed = parse(tmp_path, "schedule.json")
    (session,) = parsed.sessions
    cest = timezone(timedelta(hours=2))
    assert (session.title, session.key, session.start, session.end, session.room, session.track) == (
        "Hello", "talk01", datetime(2031, 5, 1, 10, tzinfo=cest), datetime(2031, 5, 1, 10, 30, tzinfo=cest), "Room 1",
        "Web")
    assert [(r.printed_name, r.person_key, r.name_printed) for r in session.rows] == [
        ("Jane Doe", "ab12cd", shape != "widget")]
    assert [(p.person_key, p.biography) for p in parsed.speakers] == [("ab12cd", "Bio.")]


# --- Sessionize --------------------------------------------------------------------------------


def test_sessionize_all_export():
    parsed = parse(FIXTURES / "sessionize", "sessionize.json")
    got = [(s.title, s.key, s.start, s.room, s.format, s.track, s.abstract) for s in parsed.sessions]
    assert got == [("Types at Scale", "9001", datetime(2031, 3, 16, 10, 15), "Main Room", "45 minutes", "Languages",
                    "Line one.\nLine two."),
                   ("Slogans and Titles", "9003", datetime(2031, 3, 16, 14, 0), "Side Room", "20 minutes", None,
                    "Third.")]
    assert [n.kind for n in parsed.notes if n.kind in ("skipped-row", "no-zone")] == ["skipped-row", "no-zone"]
    got = [(r.printed_name, r.person_key, r.line, [(p.title, p.organisation) for p in r.positions])
           for s in parsed.sessions for r in s.rows]
    assert got == [("Jane Doe", "3f1c2a9e-0000-4000-8000-00000000000a", 4, [("Engineering Manager", "Example Labs")]),
                   ("Ravi Kumar", "3f1c2a9e-0000-4000-8000-00000000000b", 4, [("Staff Engineer", "Widget Co")]),
                   ("Ola Nordmann", "3f1c2a9e-0000-4000-8000-00000000000c", 36, [])]  # a slogan is no position
    jane = parsed.speakers[0]
    assert (jane.printed_name, jane.line, jane.biography, jane.image, jane.extra) == (
        "Jane Doe", 55, "Jane types.", "https://example.org/j.jpg", {"twitter": "https://twitter.com/janedoe"})


def test_sessionize_embedded_in_code_with_a_profile(tmp_path):
    export = (FIXTURES / "sessionize" / "sessionize.json").read_text(encoding="utf-8")
    code = "import parseJson from 'parse-json'\n\nconst agenda = parseJson(`\n" + export.replace("\\", "\\\\") + \
        "\n`);\n\nexport {agenda};\n"
    write = {"config/agendas/2031.tsx": code, "pages/index.tsx": "export default () => null;\n"}
    for rel, text in write.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "speakergraph.toml").write_text(
        '[site]\nseries = "madeup"\ntimezone = "Australia/Melbourne"\n\n[[parts]]\nfiles = "config/agendas/*.tsx"\n'
        'reader = "sessionize"\nembedded = "parseJson\\\\(`(.*)`\\\\)"\nunescape = "backslashes"\n', encoding="utf-8")
    parsed = parse(tmp_path, "config/agendas/2031.tsx")
    first = parsed.sessions[0]
    assert (first.title, first.abstract, first.start.isoformat()) == (
        "Types at Scale", "Line one.\nLine two.", "2031-03-16T10:15:00+11:00")
    assert [r.line for r in first.rows] == [7, 7]  # the export starts on line 4 of the code
    store, summary = store_of(tmp_path)
    assert (summary.failed, summary.read) == (0, 1)
    assert len(appearances(store)) == 3


def test_sessionize_identity_by_name_leaves_links_out(tmp_path):
    shutil.copy(FIXTURES / "sessionize" / "sessionize.json", tmp_path / "all.json")
    (tmp_path / "speakergraph.toml").write_text('[[parts]]\nfiles = "*.json"\nreader = "sessionize"\n'
                                                'identity = "name"\n', encoding="utf-8")
    parsed = parse(tmp_path, "all.json")
    assert [(r.person_key, r.link) for r in parsed.sessions[0].rows] == [("jane-doe", None), ("ravi-kumar", None)]
    assert parsed.speakers[0].person_key == "jane-doe"


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("rel, text, reason", [
    ("broken/schedule.xml", "<schedule>\n<day date='2031-01-01'>\n<room name='A'>\n</schedule>\n",
     "is not valid XML"),
    ("entities/schedule.xml", '<?xml version="1.0"?>\n<!DOCTYPE schedule [<!ENTITY x "boom">]>\n'
     "<schedule><day date='2031-01-01'>&x;</day></schedule>\n", "XML declares entities or a DTD"),
    ("broken/schedule.json", '{"schedule": {"2031-01-01": {"540": {"1": {"code": "A", "submission_type": ,}}}}}',
     "is not valid JSON"),
    ("broken/sessionize.json", '{"sessions": [{"title": "T", "startsAt": "2031-01-01T10:00:00", "speakers": [}]}',
     "is not valid JSON"),
])
def test_a_broken_export_is_reported_and_the_other_files_land(tmp_path, rel, text, reason):
    root = copy(FIXTURES / "frab", tmp_path / "site")
    (root / rel).parent.mkdir(parents=True)
    (root / rel).write_text(text, encoding="utf-8")
    site = site_for(root)
    assert rel in site.selected  # recognised by its text, so that reading it says what is wrong
    store = open_store(None)
    summary = ingest(store, [site])
    assert (summary.failed, summary.sessions) == (1, 3)
    (failed,) = [n for n in summary.notes if n.kind == "failed-file"]
    assert failed.path == rel and reason in failed.message and "fix the file or exclude it" in failed.message
    assert len(appearances(store)) == 4


def test_bad_part_options_name_the_option(tmp_path):
    (tmp_path / "speakergraph.toml").write_text('[[parts]]\nfiles = "*.json"\nreader = "sessionize"\n'
                                                'embedded = "parseJson(`(.*)`)(x)"\n', encoding="utf-8")
    with pytest.raises(IngestError, match="embedded must be a regular expression with one group"):
        site_for(tmp_path)
    (tmp_path / "speakergraph.toml").write_text('[[parts]]\nfiles = "*.json"\nreader = "pretalx"\nlanguge = "fr"\n',
                                                encoding="utf-8")
    with pytest.raises(IngestError, match="unknown option 'languge' \\(did you mean 'language'\\?\\)"):
        site_for(tmp_path)


def test_an_embedded_pattern_that_matches_nothing_fails_that_file_only(tmp_path):
    (tmp_path / "a.tsx").write_text("export const agenda = {};\n", encoding="utf-8")
    (tmp_path / "speakergraph.toml").write_text(
        '[[parts]]\nfiles = "*.tsx"\nreader = "sessionize"\nembedded = "parseJson\\\\(`(.*)`\\\\)"\n', encoding="utf-8")
    with pytest.raises(IngestError, match="embedded pattern .* matches nothing"):
        parse(tmp_path, "a.tsx")


# --- the real exports in ../shared/corpus/sites ------------------------------------------------


@pytest.fixture(scope="module")
def ccc():
    return store_of(corpus(SITES / "FelixU__31C3-Fahrplan"))


def test_31c3_events_persons_and_ids(ccc):
    root = corpus(SITES / "FelixU__31C3-Fahrplan")
    doc = parse_document("schedule.xml", (root / "schedule.xml").read_bytes())
    raw = frab.read(doc)
    entries = [r for s in raw.sessions for r in s.rows]
    # the README's counts, as the file has them
    assert (len(raw.sessions), len(entries), len({r.link for r in entries})) == (138, 211, 198)
    assert len(raw.speakers) == 198
    store, summary = ccc
    assert (summary.failed, summary.sessions) == (0, 138)
    # tidy drops one entry that names no person: "Anonymous member of … Committee" reads as an organisation
    dropped = [n for n in summary.notes if n.kind == "not-a-person"]  # the row, and the page made for its id
    assert [(n.line, "'Anonymous member of" in n.message) for n in dropped] == [(1875, True), (1875, True)]
    # and Laura Poitras has two frab ids (3669, 5258): identity merges one name in one series
    assert [(a, b) for a, b, _ in summary.merges] == [("5258", "3669")]
    got = appearances(store)
    assert (len(got), len({key for _, _, key, *_ in got})) == (210, 196)
    assert report(store).unresolved == []
    # a title or type naming a role gives it: the opening and closing are remarks, the keynote a keynote,
    # a "podium" a panel
    assert ["31C3 Opening Event", "2014-12-27", "1544", "erdgeist", "31C3 Opening Event", "32"] in got
    assert ["31C3 Opening Event", "2014-12-27", "3874", "Geraldine de Bastion", "31C3 Opening Event", "33"] in got
    roles = rows(store, """SELECT ?role (COUNT(?a) AS ?n) WHERE { ?a a sg:Appearance ; sg:role ?r .
                             BIND(STRAFTER(STR(?r), "/role/") AS ?role) } GROUP BY ?role ORDER BY ?role""")
    assert roles == [["keynote", "1"], ["panellist", "2"], ["remarks", "4"], ["speaker", "203"]]
    dates = rows(store, "SELECT DISTINCT ?d WHERE { ?s a sg:Session ; <http://purl.org/dc/terms/date> ?d } ORDER BY ?d")
    assert [d for (d,) in dates] == ["2014-12-27", "2014-12-28", "2014-12-29", "2014-12-30"]


def test_31c3_events_past_midnight_keep_their_own_date(ccc):
    store, _ = ccc
    late = rows(store, """SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Session ; schema:startDate ?t .
                            FILTER(HOURS(?t) < 6) }""")
    assert int(late[0][0]) > 0
    assert rows(store, """SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Session ; schema:startDate ?t ;
                            <http://purl.org/dc/terms/date> ?d . FILTER(STR(?d) != SUBSTR(STR(?t), 1, 10)) }""") == [["0"]]


@pytest.fixture(scope="module")
def pyconfr(tmp_path_factory):
    # both editions as one series: two folders with a file of the same name would share its graph
    root = tmp_path_factory.mktemp("schedules") / "pyconfr"
    for year in (2024, 2025):
        (root / str(year)).mkdir(parents=True)
        shutil.copy(corpus(SITES / f"AFPy__pyconfr-{year}") / "schedule.json", root / str(year) / "schedule.json")
    return store_of(root)


@pytest.mark.parametrize("year, sessions, entries, codes, pages", [
    (2024, 76, 91, 77, 77), (2025, 93, 115, 87, 87)])
def test_pyconfr_counts_per_edition(year, sessions, entries, codes, pages):
    parsed = parse(corpus(SITES / f"AFPy__pyconfr-{year}"), "schedule.json")
    got = [r for s in parsed.sessions for r in s.rows]
    assert (len(parsed.sessions), len(got), len({r.person_key for r in got}), len(parsed.speakers)) == (
        sessions, entries, codes, pages)
    assert {s.format for s in parsed.sessions if s.format == "Sprint"} == {"Sprint"}


def test_pyconfr_both_editions_in_one_store_share_their_codes(pyconfr):
    store, summary = pyconfr
    assert (summary.failed, summary.sessions, summary.appearances) == (0, 169, 206)
    by_code = rows(store, """
        SELECT ?link WHERE { ?a sg:speakerLink ?link ; sg:session/schema:superEvent/sg:year ?y }
        GROUP BY ?link HAVING (COUNT(DISTINCT ?y) = 2)""")
    assert len(by_code) == 17  # the README's shared codes
    # two people came back under a new code: same name in one series, merged (the README's 19 shared names)
    assert sorted((a, b) for a, b, _ in summary.merges) == [("fzwwcv", "7lrxxv"), ("m9wsg7", "vkbt9l")]
    shared = rows(store, """
        SELECT ?p WHERE { ?a sg:person ?p ; sg:session/schema:superEvent/sg:year ?y } GROUP BY ?p
        HAVING (COUNT(DISTINCT ?y) = 2)""")
    assert len(shared) == 19
    assert rows(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?a a sg:Appearance ; sg:person ?p }") == [
        [str(77 + 87 - 17 - 2)]]
    got = appearances(store)
    # the welcome names its speaker's role (remarks), as a data file's session title does
    assert ["Accueil / Welcome", "2024-11-02", "mnmggn", "Lucie Anglade", "Accueil / Welcome", "1"] in got
    assert ["Accueil\u202f/ Welcome", "2025-11-01", "mnmggn", "Lucie Anglade", "Accueil\u202f/ Welcome", "1"] in got
    sprints = rows(store, """SELECT ?d WHERE { ?s sg:format "Sprint" ; schema:name "Gestionnaire de versions Mercurial" ;
                              <http://purl.org/dc/terms/date> ?d } ORDER BY ?d""")
    assert sprints == [["2025-10-30"], ["2025-10-31"]]  # one session per day the sprint is placed on


@pytest.fixture(scope="module")
def ddd():
    return store_of(corpus(SITES / "OpenDDD__dddmelbourne-website-2024"), profile=DDD_PROFILE)


def test_ddd_2024_2025_sessionize_exports_inside_code(ddd):
    store, summary = ddd
    assert (summary.failed, summary.read, summary.sessions, summary.appearances) == (0, 2, 54, 59)
    per_year = rows(store, """SELECT ?y (COUNT(DISTINCT ?s) AS ?n) (COUNT(?a) AS ?rows) WHERE {
                                ?a sg:session ?s . ?s schema:superEvent/sg:year ?y } GROUP BY ?y ORDER BY ?y""")
    assert per_year == [["2024", "26", "30"], ["2025", "28", "29"]]
    speakers = rows(store, """SELECT ?y (COUNT(DISTINCT ?p) AS ?n) WHERE {
                                ?p schema:subjectOf ?g . ?g sg:path ?path . BIND(SUBSTR(?path, 21, 4) AS ?y) }
                              GROUP BY ?y ORDER BY ?y""")
    assert speakers == [["2024", "30"], ["2025", "29"]]
    got = appearances(store)
    assert ["Scaling a Monolith - What to expect if your product idea actually takes off", "2024-03-16",
            "chris-schaller", "Chris Schaller", "Speaker", "32"] in got
    positions = rows(store, """SELECT ?t ?o WHERE { ?a a sg:Appearance ; sg:printedName "Garima Singh" ;
                                 sg:position [ sg:title ?t ; sg:organisationLabel ?o ] }""")
    assert positions == [["Engineering Manager", "Bunnings"], ["Engineering Manager", "Bunnings"]]
    # the same people in both editions, by name
    both = rows(store, """SELECT ?key WHERE { ?a sg:person ?p ; sg:session/schema:superEvent/sg:year ?y .
                            BIND(STRAFTER(STR(?p), "/person/") AS ?key) } GROUP BY ?key
                          HAVING (COUNT(DISTINCT ?y) = 2) ORDER BY ?key""")
    assert [k for (k,) in both][:2] == ["aaron-powell", "garima-singh"]
    starts = rows(store, "SELECT ?t WHERE { ?s a sg:Session ; schema:startDate ?t }")
    assert all(t.endswith("+11:00") for (t,) in starts)  # local times in the profile's zone (AEDT)


# --- the benchmark's generated exports ---------------------------------------------------------


def test_bench_generated_exports_are_read_whole():
    from bench.readers import SHAPES, measure

    got = measure(records=30, repeat=1)
    assert [row["reader"] for row in got] == list(SHAPES)
    assert all(row["records"] == 30 and row["rows"] >= 30 for row in got)


@pytest.mark.parametrize("shape", ["sessions", "grid"])
def test_sessionize_sessions_and_grid_exports_name_speakers_inline(tmp_path, shape):
    talk = {"id": "77", "title": "Inline Names", "description": "D.", "startsAt": "2031-03-16T10:00:00",
            "endsAt": "2031-03-16T10:45:00", "speakers": [{"id": "aa11", "name": "Jane Doe"}],
            "categories": [{"id": 1, "name": "Track", "categoryItems": [{"id": 2, "name": "Web"}]}],
            "roomId": 5, "room": "Room 5"}
    if shape == "sessions":  # the "Sessions" export: sessions in groups
        data = [{"groupId": None, "groupName": "All", "sessions": [talk]}]
    else:  # the grid export: each session under its room and again under its time slot
        data = [{"date": "2031-03-16T00:00:00", "rooms": [{"id": 5, "name": "Room 5", "sessions": [talk]}],
                 "timeSlots": [{"slotStart": "10:00:00", "rooms": [{"id": 5, "name": "Room 5", "session": talk}]}]}]
    (tmp_path / "export.json").write_text(json.dumps(data), encoding="utf-8")
    assert site_for(tmp_path).selected == {"export.json": "sessionize"}
    parsed = parse(tmp_path, "export.json")
    (session,) = parsed.sessions
    assert (session.title, session.room, session.track, session.start) == (
        "Inline Names", "Room 5", "Web", datetime(2031, 3, 16, 10))
    assert [(r.printed_name, r.person_key, r.name_printed) for r in session.rows] == [("Jane Doe", "aa11", True)]


def test_pretalx_export_inside_code(tmp_path):
    export = (FIXTURES / "pretalx" / "2030" / "schedule.json").read_text(encoding="utf-8")
    (tmp_path / "schedule.js").write_text("export const schedule = " + export + ";\n", encoding="utf-8")
    (tmp_path / "speakergraph.toml").write_text(
        '[[parts]]\nfiles = "*.js"\nreader = "pretalx"\nembedded = "export const schedule = (.*);"\n', encoding="utf-8")
    parsed = parse(tmp_path, "schedule.js")
    assert [s.key for s in parsed.sessions] == ["tlk001", "spr001"]
    assert [r.line for r in parsed.sessions[0].rows] == [10, 16]
