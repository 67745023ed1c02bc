"""Drafted profiles: made-up folders of each shape, drafted, loaded by site_for, ingested; the corpus sources."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHARED, corpus, write_files as write
from graph.errors import IngestError
from graph.report import counts
from graph.results import table
from graph.store import open_store
from ingest import draft
from ingest.draft_text import Table
from ingest.loader import ingest, site_for
from speakergraph import main

SITES = SHARED / "sites"


def drafted(root: Path, tmp_path: Path) -> tuple[str, Path]:
    """The drafted profile's text, written beside the folder (not in it: a site may be read-only)."""
    text = draft.render(draft.settle(draft.draft(root)))
    path = tmp_path / "drafted.toml"
    path.write_text(text, encoding="utf-8")
    return text, path


def ingested(root: Path, profile: Path):
    store = open_store(None)
    summary = ingest(store, [site_for(root, profile_path=profile)])
    return store, summary


JEKYLL = {
    "_config.yml": "title: Tiny Summit\ntimezone: Europe/Oslo\n",
    "README.md": "# Tiny Summit\nThe site's source.\n",
    **{f"_talks/2031-05-0{i}-talk-{i}.md": (
        f"---\ntitle: Talk {i}\nwhen: 2031-05-0{i}T10:00\nspeakers:\n  - jane-doe\n"
        + ("  - ann-lee\n" if i < 3 else "") + "---\nAbstract.\n") for i in (1, 2, 3)},
    "_people/jane-doe.md": "---\nname: Jane Doe\norganisation: ACME\njobtitle: CTO\n---\nBio.\n",
    "_people/ann-lee.md": "---\nname: Ann Lee\norganisation: Globex\njobtitle: Researcher\n---\nBio.\n",
    "_people/bo-li.md": "---\nname: Bo Li\norganisation: Initech\njobtitle: Engineer\n---\nBio.\n",
}


def test_a_jekyll_site_with_yaml_speaker_lists(tmp_path):
    root = write(tmp_path / "tiny-summit", JEKYLL)
    text, path = drafted(root, tmp_path)
    assert "# 3 of 3 files in _talks/ have front matter key 'speakers' (lists of 1-2 slugs" in text
    assert "# 2 of 2 slugs in 'speakers' equal the file name of a page in _people/" in text
    profile = tomllib.loads(text)
    talks, people = profile["parts"]
    assert talks == {"files": "_talks/*.md", "reader": "frontmatter", "speaker_key": "speakers", "start": "when",
                     "link_template": "/people/{slug}/"}
    assert people["speakers"] == "_people/*.md" and people["job_title"] == "jobtitle"
    assert profile["site"]["timezone"] == "Europe/Oslo"  # times print no offset; _config.yml names the zone
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances, summary.speaker_pages) == (3, 5, 3)
    assert counts(store)["people"] == 3 and counts(store)["organisations"] == 3


def test_a_toml_front_matter_site(tmp_path):
    pages = {f"content/talks/t{i}.md": (f'+++\ntitle = "Talk {i}"\ndate = 2031-06-0{i}T09:30:00+02:00\n[extra]\n'
                                        f'speakers = ["Jane Doe", "Ola Nordmann"]\n+++\nAbstract.\n') for i in (1, 2)}
    root = write(tmp_path / "hugo-site", {**pages, "content/about.md": '+++\ntitle = "About"\n+++\nHello.\n'})
    text, path = drafted(root, tmp_path)
    assert "(TOML +++ front matter)" in text and "# 2 of 2 files in content/talks/ have front matter key 'extra.speakers'" in text
    assert "every time printed carries its UTC offset (+02:00 ×2)" in text
    part = tomllib.loads(text)["parts"][0]
    assert (part["files"], part["speaker_key"], part["start"]) == ("content/talks/*.md", "extra.speakers", "date")
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances) == (2, 4) and counts(store)["people"] == 2


def test_a_data_file_site(tmp_path):
    program = "program:\n" + "".join(
        f"  - title: Session {i}\n    time: 2031-06-0{i}T09:10\n    moderator:\n      - Jane Doe\n"
        f"    panelists:\n      - Ann Lee\n      - Bo Li\n" for i in (1, 2, 3))
    root = write(tmp_path / "datafest", {"_data/program.yml": program, "index.md": "# Datafest\n"})
    text, path = drafted(root, tmp_path)
    part = tomllib.loads(text)["parts"][0]
    assert (part["reader"], part["records"], part["title"], part["start"]) == ("records", "program", "title", "time")
    assert part["roles"] == {"moderator": "Moderator", "panelists": "Panelists"}
    assert "# timezone = " in text  # naive times and no configured zone: a line to fill in, commented
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances) == (3, 9) and counts(store)["people"] == 3


def test_html_cards(tmp_path):
    cards = "".join(f'<figure class="delegate"><h5>{n}</h5><p>Director, Port of {n.split()[1]}</p></figure>\n'
                    for n in ("Jane Doe", "Ann Lee", "Bo Li", "Ola Nordmann"))
    root = write(tmp_path / "roundtable", {
        "past/2019.md": f"---\ntitle: Roundtable 2019\n---\n<ul><li>16 October 2019</li></ul>\n{cards}",
        "past/2021.md": f"---\ntitle: Roundtable 2021\n---\n<ul><li>22 June 2021</li></ul>\n{cards}"})
    text, path = drafted(root, tmp_path)
    part = tomllib.loads(text)["parts"][0]
    assert (part["reader"], part["card"], part["name"], part["position"], part["date"]) == \
        ("cards", "figure.delegate", "h5", "p", "li")
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances) == (2, 8) and counts(store)["people"] == 4


def test_a_folder_where_nothing_fits(tmp_path):
    root = write(tmp_path / "notes", {"README.md": "# Notes\nNothing here.\n", "todo.txt": "buy milk\n",
                                      "blog/post.md": "---\ntitle: Hello\ntags: [a, b]\n---\nText.\n"})
    found = draft.settle(draft.draft(root))
    text, path = drafted(root, tmp_path)
    assert found.nothing and "# nothing here fits a reader: 3 text files" in text
    assert "parts" not in tomllib.loads(text)
    site = site_for(root, profile_path=path)  # the draft's own advice is not given back: the parts are asked for
    assert site.refusal and str(path) in site.refusal and "names no [[parts]]" in site.refusal
    assert "speakergraph profile" not in site.refusal
    assert "speakergraph profile" in site_for(root).refusal  # no profile yet: drafting one is the advice


def test_refused_options_and_missing_readers_are_commented_out():
    good, bad = Table(why=["x"]), Table(why=["y"])
    good.set("files", "a/*.md"), good.set("reader", "frontmatter"), good.set("speaker_keys", "people")
    bad.set("files", "b/*.md"), bad.set("reader", "no-such-reader")
    text = draft.render(draft.settle(draft.Draft(root="r", files=2, parts=[good, bad])))
    assert "# speaker_keys = \"people\"" in text and "did you mean 'speaker_key'" in text
    assert "# reader = \"no-such-reader\"" in text and "'no-such-reader' reader is not in this version" in text
    assert tomllib.loads(text)["parts"] == [{"files": "a/*.md", "reader": "frontmatter"}]


def test_profile_command_prints_or_writes(tmp_path):
    root = write(tmp_path / "tiny-summit", JEKYLL)
    runner = CliRunner()
    printed = runner.invoke(main, ["profile", str(root)])
    assert printed.exit_code == 0, printed.output
    assert "[[parts]]" in printed.stdout and "drafted 2 parts" in printed.stderr
    out = tmp_path / "p.toml"
    written = runner.invoke(main, ["profile", str(root), "-o", str(out)])
    assert written.exit_code == 0 and tomllib.loads(out.read_text())["parts"][0]["reader"] == "frontmatter"
    assert not (root / "speakergraph.toml").exists()
    own = root / "speakergraph.toml"  # drafted into the folder: no warning that it "exists", and it is checked as is
    first = runner.invoke(main, ["profile", str(root), "-o", str(own)])
    assert "exists" not in first.stderr and first.stderr.rstrip().endswith(f"ingest --dry-run {root}")
    again = runner.invoke(main, ["profile", str(root), "-o", str(own)])
    assert "exists" not in again.stderr and "replacing the speakergraph.toml that was there" in again.stderr
    beside = runner.invoke(main, ["profile", str(root)])
    assert f"{own} exists: this draft ignores it" in beside.stderr


# --- the real sources ------------------------------------------------------------------------


SOURCES = sorted(p.name for p in SITES.iterdir() if p.is_dir()) if SITES.is_dir() else ["(absent)"]


@pytest.mark.parametrize("source", SOURCES)
def test_every_corpus_source_gets_a_valid_drafted_profile(source, tmp_path):
    root = corpus(SITES / source)
    text, path = drafted(root, tmp_path)
    site = site_for(root, profile_path=path)  # valid: every part's options accepted by its reader
    assert site.profile.path == str(path)


# what the drafted profile alone extracts, from the sites README's counts
EXPECTED = {
    "CIRCL__cti-summit": (23, 26),  # 23 talks, 26 speaker references
    "FelixU__31C3-Fahrplan": (138, None),  # frab: detected, no part needed
    "isomerpages__mpa-par": (7, 108),  # 7 past editions, 108 delegate cards
    "AFPy__pyconfr-2024": (76, 91),  # pretalx: 76 submissions, 91 speaker entries
    "AFPy__pyconfr-2025": (93, 115),
    "OpenDDD__dddmelbourne-website": (268, None),  # 19+18+54+62+24+29+36+26 sessions in static/agenda/<year>.json
    # Sessionize inside code: 26+28 sessions, 30+29 speakers; 2026.ts writes its 22 sessions (23 presenters) as literals
    "OpenDDD__dddmelbourne-website-2024": (76, 82),
}


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_drafted_profile_alone_ingests(source, tmp_path):
    from ingest.preview import run

    root = corpus(SITES / source)
    _, path = drafted(root, tmp_path)
    seen = run(root, profile_path=path)
    sessions, appearances = EXPECTED[source]
    assert seen.sessions == sessions
    assert appearances is None or seen.appearances == appearances


def test_speaker_records_in_a_data_file_joined_by_id(tmp_path):
    posts = {f"_posts/2031-10-0{i}-talk.md": f"---\ntitle: Talk {i}\nstartTime: 2031-10-0{i}T10:00:00+02:00\n"
                                             f"speakers:\n  - speaker-{i}\n---\n" for i in (1, 2, 3)}
    people = "".join(f"- id: speaker-{i}\n  name: Person Number{'Ace Bee Cee'.split()[i - 1]}\n  institution: Org {i}\n"
                     for i in (1, 2, 3))
    root = write(tmp_path / "ctisummit", {**posts, "_data/speakers.yml": people,
                                          "_data/past.yml": "- name: Old Keynote\n  year: 2006\n- name: B\n  year: 2007\n"})
    text, path = drafted(root, tmp_path)
    talks, records = tomllib.loads(text)["parts"]
    assert talks["link_template"] == "/speakers/{slug}/"
    assert records == {"files": "_data/speakers.yml", "reader": "records", "kind": "speakers", "name": "name",
                       "organisation": "institution", "link_template": "/speakers/{id}/"}
    assert "# 3 of 3 ids in the session pages' speaker lists equal an 'id' here" in text
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances, summary.speaker_pages) == (3, 3, 3)
    assert counts(store)["people"] == 3 and counts(store)["organisations"] == 3


SESSIONIZE = {"sessions": [{"id": str(i), "title": f"Talk {i}", "startsAt": f"2031-03-16T1{i}:00:00",
                            "endsAt": f"2031-03-16T1{i}:45:00", "speakers": [f"u-{i}"], "roomId": 1,
                            "categoryItems": []} for i in (1, 2)],
             "speakers": [{"id": f"u-{i}", "fullName": n, "tagLine": "Engineer, Acme"}
                          for i, n in ((1, "Jane Doe"), (2, "Ann Lee"))],
             "rooms": [{"id": 1, "name": "Hall"}], "categories": []}


def test_a_schedule_export_inside_code(tmp_path):
    import json

    literal = json.dumps(SESSIONIZE).replace("\\", "\\\\")
    root = write(tmp_path / "dddconf", {"config/agendas/2031.tsx": f"export default parseJson(`{literal}`)\n",
                                        "pages/index.tsx": "export const Home = () => null\n"})
    text, path = drafted(root, tmp_path)
    (part,) = tomllib.loads(text)["parts"]
    assert part == {"files": "config/agendas/2031.tsx", "reader": "sessionize", "embedded": "parseJson\\(`(.*)`\\)",
                    "unescape": "backslashes"}
    assert "# 4 times have no UTC offset" in text and "# timezone = " in text
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances) == (2, 2)


def test_data_file_sessions_naming_speaker_records_by_id(tmp_path):
    sessions = "".join(f"- id: s{i}\n  title: Session {i}\n  start: 2031-09-0{i}T14:00:00-04:00\n"
                       f"  speakers: [sp-{i}, sp-3]\n" for i in (1, 2))
    speakers = "".join(f"- id: sp-{i}\n  name: {n}\n  company: {c}\n"
                       for i, n, c in ((1, "Jane Doe", "ACME"), (2, "Ann Lee", "Globex"), (3, "Bo Li", "Initech")))
    root = write(tmp_path / "confdata", {"_data/sessions.yml": sessions, "_data/speakers.yml": speakers})
    text, path = drafted(root, tmp_path)
    talks, people = tomllib.loads(text)["parts"]
    assert (talks["reader"], talks["start"], talks["persons"], talks["persons_are"]) == \
        ("records", "start", "speakers", "ids")
    assert (people["kind"], people["organisation"]) == ("speakers", "company")
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances, summary.speaker_pages) == (2, 4, 3)
    assert counts(store)["people"] == 3 and counts(store)["organisations"] == 3


def test_a_csv_programme_with_date_and_time_columns(tmp_path):
    rows = "date,time,title,speaker\n" + "".join(
        f"2031-04-0{i},10:00,Talk {i},{n}\n" for i, n in ((1, "Jane Doe"), (2, "Ann Lee and Bo Li"), (3, "Jane Doe")))
    root = write(tmp_path / "csvconf", {"programme.csv": rows})
    text, path = drafted(root, tmp_path)
    (part,) = tomllib.loads(text)["parts"]
    assert (part["date"], part["time"], part["persons"], part["people_separators"]) == \
        ("date", "time", "speaker", [" and ", " & "])
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances) == (3, 4) and counts(store)["people"] == 3


def test_year_less_timeslots_get_the_year_the_site_prints(tmp_path):
    talks = {f"_talks/t{i}.md": f"---\ntitle: Talk {i}\ntimeslot: Saturday {20 + i} May, 10:00-10:30\n"
                                f"speakers:\n  - Jane Doe\n  - Ann Lee\n---\n" for i in (1, 2, 3)}
    root = write(tmp_path / "pyfoo", {**talks, "_config.yml": "title: PyFoo 2031\ndescription: PyFoo, May 2031\n",
                                      "index.md": "# PyFoo 2031\nSee you in 2031!\n"})
    text, path = drafted(root, tmp_path)
    assert "3 of 3 have 'timeslot' (date-times like Saturday 21 May, 10:00-10:30, no UTC offset, 3 without a year)" in text
    assert "3 dates print no year; the site's files print 2031 most (4 of 4 years printed)" in text
    assert tomllib.loads(text)["site"]["year"] == 2031
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances) == (3, 6)


def test_people_in_one_string_and_leftovers_excluded(tmp_path):
    pages = {f"content/2031-meetup/s{i}.md": (f'+++\ntitle = "Session {i}"\ndate = 2031-11-0{i}T13:00:00+01:00\n'
                                              f'[extra]\nauthors = "Jane Doe, Ann Lee and Bo Li"\n+++\n')
             for i in (1, 2, 3)}
    root = write(tmp_path / "rse", {**pages, "content/2031-meetup/_index.md": '+++\ntitle = "Meetup"\n+++\nHi.\n',
                                    "content/2031-meetup/code-of-conduct.md": '+++\ntitle = "CoC"\n+++\nBe kind.\n'})
    text, path = drafted(root, tmp_path)
    profile = tomllib.loads(text)
    assert profile["site"]["exclude"] == ["content/2031-meetup/_index.md", "content/2031-meetup/code-of-conduct.md"]
    assert "# content/2031-meetup/_index.md: a section's list page, naming nobody" in text
    part = profile["parts"][0]
    assert (part["speaker_key"], part["sessions"]) == ("extra.authors", "content/2031-meetup/*.md")
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances) == (3, 9) and counts(store)["people"] == 3


def test_speaker_mappings_in_html_pages(tmp_path):
    pages = {f"program/p{i}.html": (f"---\ntitle: Panel {i}\nstart: 2031-03-1{i}T10:00:00+01:00\n"
                                    f"end: 2031-03-1{i}T11:00:00+01:00\nhall: Room {i}\npeople:\n"
                                    f"  - fullname: Jane Doe\n    employer: ACME\n    role: Moderator\n"
                                    f"  - fullname: Ann Lee\n    employer: Globex\n---\n<p>About.</p>\n")
             for i in (1, 2)}
    root = write(tmp_path / "panels", pages)
    text, path = drafted(root, tmp_path)
    part = tomllib.loads(text)["parts"][0]
    assert (part["files"], part["speaker_key"], part["item_name"], part["item_company"], part["item_role"]) == \
        ("program/*.html", "people", "fullname", "employer", "role")
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances) == (2, 4) and counts(store)["organisations"] == 2


def test_programme_tables(tmp_path):
    table = ("| Time | Programme |\n|---|---|\n| 9.00am | **Opening Address**<br>Jane Doe, Chief Executive, ACME |\n"
             "| 9.30am | **Panel: Data**<br>Ann Lee, CTO, Globex<br>Moderator: Bo Li, Editor, Daily |\n")
    root = write(tmp_path / "agency", {
        "events/_posts/2031-05-28-briefing.md": f"---\ntitle: Briefing\n---\n#### **Date:** 28 May 2031\n\n{table}",
        "events/_posts/2031-06-02-forum.md": f"---\ntitle: Forum\n---\nOur forum.\n\n{table}",
        "events/_posts/2031-07-01-news.md": "---\ntitle: News\n---\nNothing on.\n"})
    text, path = drafted(root, tmp_path)
    (part,) = tomllib.loads(text)["parts"]
    assert part == {"files": ["events/_posts/2031-05-28-briefing.md", "events/_posts/2031-06-02-forum.md"],
                    "reader": "programme"}
    store, summary = ingested(root, path)
    assert (summary.sessions, summary.appearances) == (4, 6) and counts(store)["people"] == 3


def test_talk_pages_titled_by_their_kind_with_year_less_timeslots(tmp_path):
    """'title: Talk' is the kind of page, 'talk_title' the talk's; 'timeslot: May 4, 10:00-10:45' prints no
    year; one 'role' key holds both jobs ('SRE @ Elastic') and role labels ('Chair')."""
    root = write(tmp_path / "small-conf", {
        "_config.yml": "title: Small Conf\ntimezone: Europe/Berlin\n",
        "about.md": "---\ntitle: About\n---\nWelcome to Small Conf 2031.\n",
        "_talks/a.md": "---\ntitle: Talk\ntalk_title: Rust in the Kernel\ntimeslot: 'May 4, 10:00-10:45'\n"
                       "speakers:\n  - name: Jane Doe\n    role: SRE @ Elastic\n  - name: Ravi Kumar\n    role: Chair\n---\n",
        "_talks/b.md": "---\ntitle: Key Note\ntalk_title: The Web at 40\ntimeslot: 'May 5, 09:00-10:00'\n"
                       "speakers:\n  - name: Ola Nordmann\n    role: Keynote\n---\n"})
    text, path = drafted(root, tmp_path)
    profile = tomllib.loads(text)
    assert profile["site"]["year"] == 2031 and profile["parts"][0]["title"] == "talk_title"
    store, summary = ingested(root, path)
    assert summary.sessions == 2 and summary.appearances == 3
    rows = {r["name"]: r for r in table(store.query("""PREFIX sg: <https://w3id.org/speakergraph/vocab#>
        PREFIX schema: <https://schema.org/> SELECT ?name ?session ?role ?title ?org WHERE {
        ?a sg:name ?name ; sg:session/schema:name ?session ; sg:role ?r .
        BIND(STRAFTER(STR(?r), "/id/role/") AS ?role)
        OPTIONAL { ?a sg:position ?p OPTIONAL { ?p sg:title ?title } OPTIONAL { ?p sg:organisationLabel ?org } } }""")
    ).dicts()}
    assert {r["session"] for r in rows.values()} == {"Rust in the Kernel", "The Web at 40"}
    assert (rows["Jane Doe"]["role"], rows["Jane Doe"]["title"], rows["Jane Doe"]["org"]) == ("speaker", "SRE", "Elastic")
    assert (rows["Ravi Kumar"]["role"], rows["Ravi Kumar"].get("title")) == ("moderator", None)
    assert rows["Ola Nordmann"]["role"] == "keynote"


def test_day_codes_without_dates_get_one_date_to_fill_in_per_day_in_the_folders_year(tmp_path):
    pages = {f"content/events/2029-get-together/t{i}.md": (f'+++\ntitle = "Talk {i}"\n[extra]\nauthors = "Jane Doe"\n'
                                                           f'session = "{day}.{i}"\n+++\nAbstract.\n')
             for i, day in enumerate((1, 2, 3, 2, 1))}
    text, path = drafted(write(tmp_path / "zola-site", pages), tmp_path)
    assert "# days 1, 2, 3 seen; the year from the folder name — fill in each day's date" in text
    assert '# days = { 1 = "2029-MM-DD", 2 = "2029-MM-DD", 3 = "2029-MM-DD" }' in text
    # uncommented as drafted, the profile is refused until the dates are filled in
    filled = text.replace('# day = "extra.session"', 'day = "extra.session"').replace("# days = {", "days = {")
    path.write_text(filled, encoding="utf-8")
    with pytest.raises(IngestError, match="is not a date"):
        site_for(tmp_path / "zola-site", profile_path=path)


def test_speaker_mappings_whose_name_joins_two_people_are_split(tmp_path):
    program = "program:\n" + "".join(
        f"  - title: Session {i}\n    time: 2031-06-0{i}T09:10\n    presentations:\n"
        f"      - name: {name}\n        org: Acme\n" for i, name in ((1, "Ann Lee and Bo Li"), (2, "Cy Doe"), (3, "Di Roe")))
    root = write(tmp_path / "datafest", {"_data/program.yml": program, "index.md": "# Datafest\n"})
    text, path = drafted(root, tmp_path)
    assert "# 1 strings join two people (e.g. 'Ann Lee and Bo Li')" in text
    assert tomllib.loads(text)["parts"][0]["people_separators"] == [" and ", " & "]
    store, summary = ingested(root, path)
    names = {row["n"].value for row in store.query(
        "SELECT ?n WHERE { ?a <https://w3id.org/speakergraph/vocab#person> ?p . ?p <https://schema.org/name> ?n }")}
    assert names == {"Ann Lee", "Bo Li", "Cy Doe", "Di Roe"} and summary.appearances == 4


# --- data files: nested lists, a row per person, person keys known by their values -------------------


def previewed(root: Path, tmp_path: Path) -> tuple[dict, list[dict], object]:
    """The drafted profile, and what its dry run finds: the appearances (date, session, role, name) and counts."""
    from ingest.preview import preview

    text, path = drafted(root, tmp_path)
    seen = preview(site_for(root, profile_path=path), sample=100)
    return tomllib.loads(text), seen.rows, seen


def test_a_csv_printing_a_row_per_person_with_keys_known_by_their_values(tmp_path):
    rows = ("\ufeffTag;Beginn;Schluss;Thema;Ort;Name;Amt;Organisation;Staat;Aufgabe\n"
            "03.02.2033;09:00;09:30;Auftakt;Halle 1;Ann Lee;Direktorin;ACME;Deutschland;Keynote\n"
            "03.02.2033;10:00;11:00;Netze der Zukunft;Halle 1;Bo Li;CEO;Globex;Norway;Moderator\n"
            "03.02.2033;10:00;11:00;Netze der Zukunft;Halle 1;Cy Doe;Engineer;Initech;Poland;Panelist\n"
            "04.02.2033;10:00;11:00;Speicher;Raum 2;Cy Doe;Engineer;Initech;Poland;Speaker\n"
            "04.02.2033;10:00;11:00;Speicher;Raum 2;XX;;;;Co-Lead\n")
    root = write(tmp_path / "netzkonf", {"programm.csv": rows})
    profile, found, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert {k: part[k] for k in ("date", "date_format", "time", "end", "title", "persons")} == \
        {"date": "Tag", "date_format": "%d.%m.%Y", "time": "Beginn", "end": "Schluss", "title": "Thema", "persons": ""}
    assert part["person"] == {"name": "Name", "role": "Aufgabe", "organisation": "Organisation", "country": "Staat",
                              "position": "Amt"}
    text = (tmp_path / "drafted.toml").read_text()
    assert part["room"] == "Ort" and "'XX' stands for nobody yet" in text  # "Ort": a room by its name
    assert (seen.sessions, seen.appearances) == (3, 5)
    assert [(r["date"][:16], r["session"], r["label"], r["name"]) for r in found][:3] == [
        ("2033-02-03 09:00", "Auftakt", "Keynote", "Ann Lee"), ("2033-02-03 10:00", "Netze der Zukunft", "Moderator", "Bo Li"),
        ("2033-02-03 10:00", "Netze der Zukunft", "Panelist", "Cy Doe")]


def test_days_listing_sessions_in_a_list_at_the_top(tmp_path):
    programme = "".join(
        f"- day: Day {d}\n  date: 2033-11-1{d}\n  sessions:\n"
        f"    - time: \"09:00 - 09:20\"\n      title: \"{'Welcome Address' if d == 1 else 'Keynote: Ports'}\"\n"
        f"      speakers:\n        - \"Ann Lee, Minister of Ports, Examplia\"\n"
        f"    - time: \"10:00 - 11:00\"\n      title: Panel {d}\n"
        f"      moderator: \"Bo Li, Senior Fellow, Gulf Institute\"\n"
        f"      speakers:\n        - \"Cy Doe, Director, Sea Lanes Forum\"\n        - \"Di Roe, Editor, Harbour News\"\n"
        for d in (1, 2))
    root = write(tmp_path / "dialogue", {"_data/programme.yml": programme})
    profile, found, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert (part["records"], part["title"], part["time"], part["date"]) == (".*.sessions", "title", "time", "date")
    assert part["persons"] == "speakers" and part["roles"] == {"moderator": "Moderator"}  # the roles add to them
    assert part["person_pattern"] == ["Name, Title, Org"] and "people_separators" not in part
    assert (seen.sessions, seen.appearances) == (4, 8)
    rows = {(r["date"][:10], r["name"]): r["label"] for r in found}
    assert rows[("2033-11-11", "Bo Li")] == "Moderator" and rows[("2033-11-12", "Ann Lee")] == "Keynote"


def test_talks_in_slots_in_days_take_the_time_and_room_of_their_slot(tmp_path):
    schedule = ('[[days]]\ndate = "2033-09-04"\n  [[days.slots]]\n  time = "09:00-12:00"\n  room = "Lab 1"\n'
                '    [[days.slots.talks]]\n    title = "Async from Scratch"\n    kind = "workshop"\n'
                '    speakers = [{ name = "Ann Lee", affiliation = "Fjordsoft", role = "Instructor" },\n'
                '                { name = "Bo Li", affiliation = "Fjordsoft", role = "Assistant" }]\n'
                '[[days]]\ndate = "2033-09-05"\n  [[days.slots]]\n  time = "09:00-09:45"\n  room = "Hall"\n'
                '    [[days.slots.talks]]\n    title = "Keynote: Ten Years"\n    kind = "keynote"\n'
                '    speakers = [{ name = "Cy Doe", affiliation = "Uni Tromsø", title = "Associate Professor" }]\n'
                '  [[days.slots]]\n  time = "10:00-10:30"\n'
                '    [[days.slots.talks]]\n    title = "Parsing"\n    room = "Hall"\n'
                '    speakers = [{ name = "Di Roe", affiliation = "Nordic Labs", title = "Staff Engineer" }]\n'
                '    [[days.slots.talks]]\n    title = "Oil Fields"\n    room = "Fjell"\n'
                '    speakers = [{ name = "TBA" }]\n')
    root = write(tmp_path / "rustconf", {"data/schedule.toml": schedule})
    profile, found, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert {k: part[k] for k in ("records", "title", "time", "date", "room", "format", "persons")} == \
        {"records": "days.*.slots.*.talks", "title": "title", "time": "time", "date": "date", "room": "room",
         "format": "kind", "persons": "speakers"}
    assert part["person"] == {"name": "name", "role": "role", "position": "title", "organisation": "affiliation"}
    assert (seen.sessions, seen.appearances) == (4, 4)
    assert {(r["date"][:16], r["label"], r["name"]) for r in found} == {
        ("2033-09-04 09:00", "Instructor", "Ann Lee"), ("2033-09-04 09:00", "Assistant", "Bo Li"),
        ("2033-09-05 09:00", "Keynote", "Cy Doe"), ("2033-09-05 10:00", "Speaker", "Di Roe")}


def test_people_with_given_and_family_names_and_a_nested_affiliation(tmp_path):
    import json

    def person(sal, first, last, org, country, part):
        return {"salutation": sal, "firstName": first, "lastName": last, "function": "Director",
                "affiliation": org and {"name": org, "country": country}, "part": part}

    agenda = {"event": "Forum", "agenda": [
        {"sessionId": "S01", "day": "Tuesday, 3 June 2031", "time": "9:00 am – 9:30 am CEST", "title": "Opening",
         "venue": "Festsaal", "participants": [person("H.E.", "Ann", "Lee", "Ministry of Health", "Austria",
                                                      "Opening address")]},
        {"sessionId": "S02", "day": "Wednesday, 4 June 2031", "time": "2:30 pm – 3:15 pm CEST", "title": "Data",
         "venue": "Mahler", "participants": [person("Dr", "Bo", "Li", "Data Board", "DK", "Chair"),
                                             person("Ms", "Cy", "Doe", None, None, "Panellist")]},
        {"sessionId": "S03", "day": "Wednesday, 4 June 2031", "time": "12:00 noon – 1:00 pm CEST", "title": "Lunch",
         "venue": "Foyer", "participants": []}]}
    agenda["agenda"][1]["participants"][1]["affiliation"] = [{"name": "Patients Network", "country": "EU"},
                                                             {"name": "WHO Group", "country": ""}]
    root = write(tmp_path / "healthforum", {"agenda.json": json.dumps(agenda)})
    profile, found, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert {k: part[k] for k in ("records", "id", "date", "date_format", "time", "room", "persons")} == \
        {"records": "agenda", "id": "sessionId", "date": "day", "date_format": "%A, %d %B %Y", "time": "time",
         "room": "venue", "persons": "participants"}
    assert part["person"] == {"given_name": "firstName", "family_name": "lastName", "honorific": "salutation",
                              "role": "part", "position": "function",
                              "organisation": ["affiliation.name", "affiliation.*.name"],
                              "country": ["affiliation.country", "affiliation.0.country"]}
    assert (seen.sessions, seen.appearances) == (2, 3)  # the lunch names nobody: no session
    assert [(r["date"][:16], r["label"], r["name"], r["organisation"], r["country"]) for r in found] == [
        ("2031-06-03 09:00", "Opening address", "Ann Lee", "Ministry of Health", "AT"),
        ("2031-06-04 14:30", "Chair", "Bo Li", "Data Board", "DK"),
        ("2031-06-04 14:30", "Panellist", "Cy Doe", "Patients Network", "EU")]


# --- a date for files that print none ------------------------------------------------------------------


def test_undated_records_take_the_date_the_site_prints_most(tmp_path):
    talks = "".join(f"- title: Talk {i}\n  speakers: Ann Lee and Bo Chan\n" for i in (1, 2, 3))
    root = write(tmp_path / "workshop", {
        "_data/talks.yml": talks,
        "index.md": "---\nsubtitle: March 12-13 2032\n---\n# The workshop\nWe meet on March 12th and March 13th 2032.\n",
        "about.md": "# About\nThe call for talks closed on 1 February 2032.\n"})
    found, rows, seen = previewed(root, tmp_path)
    part = found["parts"][0]
    # the range in the front matter and the one in the text: 12 March twice, against 1 February once
    assert part["default_date"] == "2032-03-12"
    assert {(r["date"][:10], r["session"], r["name"]) for r in rows} == {
        ("2032-03-12", f"Talk {i}", name) for i in (1, 2, 3) for name in ("Ann Lee", "Bo Chan")}


def test_a_date_printed_once_among_others_is_only_suggested(tmp_path):
    talks = "".join(f"- title: Talk {i}\n  speakers: Ann Lee\n" for i in (1, 2))
    root = write(tmp_path / "workshop", {
        "_data/talks.yml": talks,
        "index.md": "# The workshop\nWe meet on 12 March 2032.\n",
        "about.md": "# About\nThe call for talks closed on 1 February 2032.\n"})
    text, _ = drafted(root, tmp_path)
    assert "default_date" not in tomllib.loads(text)["parts"][0]
    assert re.search(r'^# default_date = "2032-0[23]-\d\d"$', text, re.M) and "among others" in text


# --- schedule tools' exports that name their keys their own way -------------------------------------------


def test_a_sched_export_and_its_speakers_joined_by_name(tmp_path):
    import json

    def session(key, name, start, end, kind, speakers="", moderators=""):
        return {"event_key": key, "active": "Y", "name": name, "event_start": start, "event_end": end,
                "event_type": kind, "venue": "Main Hall", "speakers": speakers, "moderators": moderators}

    sessions = [session("k1", "Registration & Coffee", "2033-05-12 08:00", "2033-05-12 09:00", "Breaks"),
                session("k2", "Threat landscape", "2033-05-12 09:30", "2033-05-12 10:30", "Panel",
                        "Col. Andris Ozols, Aino Virtanen, Robert Kask, Jr.", "Liis Tamm"),
                session("k3", "Post-quantum in government", "2033-05-12 11:00", "2033-05-12 11:45", "Talk",
                        "Katrin Lepp, Kristjan Magi"),
                session("k4", "Opening", "2033-05-12 09:00", "2033-05-12 09:15", "Plenary", "Liis Tamm")]
    people = ("name,company,position,location\nLiis Tamm,CERT-EE,Head of Response,\"Tallinn, Estonia\"\n"
              "Aino Virtanen,Example Oy,CTO,\"Espoo, Finland\"\nKatrin Lepp,RIA,Analyst,\"Tartu, Estonia\"\n")
    root = write(tmp_path / "bss", {"sched/sessions.json": json.dumps(sessions), "sched/speakers.csv": people,
                                    "_config.yml": "timezone: Europe/Tallinn\n"})
    profile, found, seen = previewed(root, tmp_path)
    talks, speakers = profile["parts"]
    assert {k: talks.get(k) for k in ("title", "start", "end", "format", "room", "people_separators")} == {
        "title": "name", "start": "event_start", "end": "event_end", "format": "event_type", "room": "venue",
        "people_separators": [", ", " and ", " & "]}
    assert (speakers["kind"], speakers["name"], speakers["organisation"], speakers["country"]) == (
        "speakers", "name", "company", "location")
    assert (seen.sessions, seen.appearances) == (3, 7)  # the break names nobody: no session
    assert {r["name"] for r in found} == {"Andris Ozols", "Aino Virtanen", "Robert Kask Jr.", "Liis Tamm",
                                          "Katrin Lepp", "Kristjan Magi"}


def test_an_indico_timetable_keyed_by_id_at_every_level(tmp_path):
    import json

    def entry(title, day, start, end, **people):
        return {"entryType": "Contribution", "title": title, "id": title[:3],
                "startDate": {"date": day, "time": start, "tz": "Europe/Zurich"},
                "endDate": {"date": day, "time": end, "tz": "Europe/Zurich"}, **people}

    def presenter(name, org):
        return {"name": name, "affiliation": org}

    days = {str(year): {"results": {str(year * 10): {f"{year}0519": {
        "c1": entry("Opening", f"{year}-05-19", "09:00:00", "09:20:00", presenters=[presenter("Ann Lee", "Acme")]),
        "c2": entry("Norms", f"{year}-05-19", "09:30:00", "10:00:00", presenters=[presenter("Bo Chan", "Globex")]),
        "s1": {**entry("Block", f"{year}-05-19", "10:00:00", "11:00:00", conveners=[presenter("Cy Dee", "Initech")]),
               "entryType": "Session",
               "entries": {"c3": entry("Cables", f"{year}-05-19", "10:00:00", "10:30:00",
                                       presenters=[presenter("Di Eck", "Umbrella")]),
                           "c4": entry("Health", f"{year}-05-19", "10:30:00", "11:00:00",
                                       presenters=[presenter("Ed Fox", "Hooli")])}}}}}} for year in (2033, 2034)}
    root = write(tmp_path / "dialogue", {f"{y}/timetable.json": json.dumps(d) for y, d in days.items()})
    profile, found, seen = previewed(root, tmp_path)
    top, inner = profile["parts"]
    assert (top["files"], top["records"], top["start"], top["end"]) == (
        "*/timetable.json", "results.*.*.*", "startDate", "endDate")
    assert (inner["records"], inner["persons"]) == ("results.*.*.*.entries.*", "presenters")
    assert (seen.sessions, seen.appearances) == (10, 10)
    assert {(r["date"], r["name"]) for r in found if r["session"] == "Cables"} == {
        ("2033-05-19 10:00:00+02:00", "Di Eck"), ("2034-05-19 10:00:00+02:00", "Di Eck")}


def test_a_spreadsheet_with_blanks_heading_rows_and_a_speakers_sheet(tmp_path):
    sheet = ("Date,Time,Session,Role,Name,Title,Organisation,Country\n"
             "Day 1 – Tuesday 16 March 2032,,,,,,,\n"
             "16/03/2032,0900-1030,Opening,Chair,Commodore Aroha Tane,Director,Maritime Centre,New Zealand\n"
             ",,,Speaker,Losana Vaka,Ambassador,Ministry of Foreign Affairs,Fiji\n"
             "16/03/2032,1030-1100,Coffee break,,,,,\n"
             "16/03/2032,1100-1230,Dark Vessels,Chair,Tomasi Kau,Deputy Director,Maritime Police,Tonga\n"
             ",,,Speaker,Kenji Wata,Research Director,Ocean Institute,Japan\n"
             "17/03/2032,0900-1000,Closing,Chair,Aroha Tane,Director,Maritime Centre,New Zealand\n")
    people = ("Name,Honorific,Position,Organisation,Country,Bio\nAroha Tane,Commodore,Director,Maritime Centre,"
              "New Zealand,Leads the centre.\nKenji Wata,Dr,Research Director,Ocean Institute,Japan,Studies fish.\n")
    root = write(tmp_path / "pmsw", {"programme-2032.csv": sheet, "speakers.csv": people})
    profile, found, seen = previewed(root, tmp_path)
    programme, speakers = profile["parts"]
    assert {k: programme.get(k) for k in ("files", "title", "date", "date_format", "time", "persons")} == {
        "files": "programme-2032.csv", "title": "Session", "date": "Date", "date_format": "%d/%m/%Y", "time": "Time",
        "persons": ""}
    assert programme["person"]["position"] == "Title"  # the people's titles, not the session's
    assert (speakers["files"], speakers["kind"], speakers["honorific"]) == ("speakers.csv", "speakers", "Honorific")
    assert (seen.sessions, seen.appearances) == (3, 5)
    assert [(r["date"][:16], r["session"], r["name"]) for r in found] == [
        ("2032-03-16 09:00", "Opening", "Aroha Tane"), ("2032-03-16 09:00", "Opening", "Losana Vaka"),
        ("2032-03-16 11:00", "Dark Vessels", "Tomasi Kau"), ("2032-03-16 11:00", "Dark Vessels", "Kenji Wata"),
        ("2032-03-17 09:00", "Closing", "Aroha Tane")]


def test_names_joined_by_a_semicolon_are_drafted_as_two_people(tmp_path):
    import json

    talks = [{"Title": f"Talk {i}", "Time": f"2033-05-1{i}T10:00:00", "Presenters": name}
             for i, name in enumerate(("Scott Shaw; Yang Jia", "Ann Lee", "Bo Chan and Cy Dee"), start=1)]
    root = write(tmp_path / "agenda", {"agenda/2033.json": json.dumps(talks)})
    profile, found, seen = previewed(root, tmp_path)
    assert profile["parts"][0]["people_separators"] == [" and ", " & ", "; "]
    assert sorted(r["name"] for r in found) == ["Ann Lee", "Bo Chan", "Cy Dee", "Scott Shaw", "Yang Jia"]
