"""The shipped profiles (data/profiles/): SICW and DjangoCon as data over the same readers.

Ingesting with a shipped profile and ingesting by detection (``draft=False``) give byte-identical exports, on the
bundled sample and on the real corpora; every option of the sicw reader is written out with its
default, and each option changes what a made-up page of a sister site reads.
"""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from conftest import DJANGOCON, ROOT, SAMPLE, SICW, corpus, ingested
from graph.errors import IngestError
from graph.export import export
from ingest import sicw
from ingest.loader import pipeline, site_for
from ingest.read import parse_document
from ingest.sicw_options import Options
from ingest.site_keys import Keys

PROFILES = ROOT / "data" / "profiles"
SICW_PROFILE = PROFILES / "sicw.toml"
DJANGOCON_PROFILE = PROFILES / "djangocon.toml"


def toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def exports(store) -> dict[str, bytes]:
    return {fmt: export(store, fmt) for fmt in ("csv", "turtle")}


# --- the profiles as written ---------------------------------------------------------------------


def test_the_sicw_profile_writes_out_every_option_of_the_reader_with_its_default():
    (part,) = toml(SICW_PROFILE)["parts"]
    options = {k: v for k, v in part.items() if k not in ("files", "reader")}
    assert part["reader"] == "sicw"
    assert sorted(options) == sorted(f.name for f in fields(Options))
    assert Options.from_options(options) == Options()


def test_the_djangocon_profile_writes_out_the_frontmatter_defaults_and_names_the_rest_in_comments():
    text = DJANGOCON_PROFILE.read_text(encoding="utf-8")
    (part,) = toml(DJANGOCON_PROFILE)["parts"]
    options = {k: v for k, v in part.items() if k not in ("files", "reader")}
    assert part["reader"] == "frontmatter"
    commented = {f.name for f in fields(Keys) if f"# {f.name} = " in text}
    assert sorted(set(options) | commented) == sorted(f.name for f in fields(Keys))
    assert not set(options) & commented
    assert Keys.from_options(options) == Keys()


def test_the_sample_profile_is_the_shipped_sicw_profile():
    assert toml(SAMPLE / "speakergraph.toml") == toml(SICW_PROFILE)


@pytest.mark.parametrize("profile", [SICW_PROFILE, DJANGOCON_PROFILE], ids=["sicw", "djangocon"])
def test_a_shipped_profile_loads_with_its_names_and_one_part_over_every_page(profile, tmp_path):
    site = site_for(tmp_path, profile_path=profile)
    assert site.series == toml(profile)["site"]["series"] and site.series_name == toml(profile)["site"]["name"]
    assert site.reader_for("a/b/c.md")[0] == toml(profile)["parts"][0]["reader"]
    assert site.reader_for("a/b/c.yml") == (None, {})


# --- both routes agree -------------------------------------------------------------------------


def test_the_sample_gives_the_same_exports_by_profile_by_its_own_profile_and_by_detection(tmp_path):
    by_profile = exports(ingested(SAMPLE, profile_path=SICW_PROFILE))
    assert by_profile == exports(ingested(SAMPLE))  # its own speakergraph.toml
    assert b"sg:reader \"sicw\"" in by_profile["turtle"] and by_profile["csv"].count(b"\n") > 30
    bare = tmp_path / "sample"  # the same files at another path (sg:root names the folder): now without profile
    shutil.copytree(SAMPLE, bare)
    by_profile = exports(ingested(bare, profile_path=SICW_PROFILE))
    (bare / "speakergraph.toml").unlink()
    names = toml(SICW_PROFILE)["site"]
    assert site_for(bare, draft=False).reader == "sicw"
    assert by_profile == exports(ingested(bare, series=names["series"], series_name=names["name"], draft=False))
    drafted = exports(ingested(bare, series=names["series"], series_name=names["name"]))  # no profile: its draft
    assert drafted["csv"] == by_profile["csv"]


@pytest.mark.parametrize("folder, profile", [(SICW, SICW_PROFILE), (DJANGOCON, DJANGOCON_PROFILE)],
                         ids=["sicw-2024", "djangocon-2024"])
def test_a_corpus_gives_the_same_exports_by_shipped_profile_and_by_detection(folder, profile):
    root = corpus(folder)
    detected = site_for(root, draft=False)
    assert detected.reader == toml(profile)["parts"][0]["reader"] and not detected.selected
    by_profile = exports(ingested(root, profile_path=profile))
    # detection names the series after the folder ("SICW", "Djangocon"); the profile gives its full name
    assert by_profile == exports(ingested(root, series_name=toml(profile)["site"]["name"], draft=False))
    assert by_profile["csv"].count(b"\n") > 60


# --- each sicw option changes what a sister site reads ---------------------------------------------

SESSION = """\
---
headline: Harbour Security Panel 2031
url: /programme/harbour-security-panel/
---
# Harbour Security Panel

**12 March 2031**

*When: 2.00pm to 3.30pm (GMT +8)*

Check-in: 1.30pm

Session type: Roundtable

Ports and shipping lanes under pressure: who answers when a crane stops?

Content is subject to change without notice.

| | |
|---|---|
| **Chair** | |
| [Dr Ana Ruiz](/people/ana-ruiz/) | *Director*<br>Harbour Authority |
| **Panellists** | |
| [Mr Ole Dahl](/people/ole-dahl/) | *Chief Engineer*<br>*Lembaga Pelabuhan* |
"""

SPEAKER = """\
---
headline: Ana Ruiz
url: /people/ana-ruiz/
---
## Juror – Dr Ana Ruiz

*Director*
*Harbour Authority*

### Profile

Ana leads the harbour's security office.

Content is subject to change without notice.
"""

UNDATED = """\
---
headline: Port Data Workshop
event_date: 2031-03-13
---
# Port Data Workshop

Hands-on work with port call records.

| | |
|---|---|
| [Ms Mei Lin](/people/mei-lin/) | *Analyst*<br>Port Works |
"""

GUEST = """\
---
headline: Ole Dahl
url: /guests/ole-dahl/
---
## Mr Ole Dahl

*Chief Engineer*
*Port Works*

### Profile

Ole keeps the cranes moving.
"""

SISTER = {
    "title": ["headline"],
    "permalink": ["url"],
    "date": ["event_date"],
    "time_labels": ["when"],
    "skip_labels": ["check-in"],
    "format_labels": ["session type"],
    "footer": ["subject to change"],
    "speaker_words": ["people"],
    "biography_words": ["profile"],
    "name_prefixes": ["juror"],
    "organisation_words": ["lembaga"],
}


def read(rel: str, text: str, **options):
    return sicw.read(parse_document(rel, text.encode("utf-8")), **options)


def test_a_sister_site_with_its_own_words_reads_by_options_alone():
    (session,) = read("programme/harbour.md", SESSION, **SISTER).sessions
    assert (session.title, session.permalink, session.format) == (
        "Harbour Security Panel 2031", "/programme/harbour-security-panel/", "Roundtable")
    assert session.time_label == "2.00pm to 3.30pm (GMT +8)"
    assert (session.start.hour, session.start.minute, session.end.hour, session.end.minute) == (14, 0, 15, 30)
    assert session.abstract == "Ports and shipping lanes under pressure: who answers when a crane stops?"
    assert [(r.role_label, r.printed_name, r.link, [(p.title, p.organisation) for p in r.positions])
            for r in session.rows] == [
        ("Chair", "Dr Ana Ruiz", "/people/ana-ruiz/", [("Director", "Harbour Authority")]),
        ("Panellists", "Mr Ole Dahl", "/people/ole-dahl/", [("Chief Engineer", "Lembaga Pelabuhan")])]


def test_the_same_session_page_read_with_the_defaults_misses_what_the_options_name():
    parsed = read("programme/harbour.md", SESSION)
    (session,) = parsed.sessions
    assert session.title == "Harbour Security Panel" and session.permalink is None  # the first heading, no url
    assert session.format is None and session.time_label is None and session.start is None
    assert "When: 2.00pm" in session.abstract and "Check-in" in session.abstract
    assert "Session type" in session.abstract and "subject to change" in session.abstract
    assert [(p.title, p.organisation) for p in session.rows[1].positions] == [
        ("Chief Engineer", None), ("Lembaga Pelabuhan", None)]  # a second italic line of no known organisation word


def test_speaker_pages_under_people_and_a_role_word_of_the_site_before_the_name():
    parsed = read("people/ana-ruiz.md", SPEAKER, **SISTER)
    (page,) = parsed.speakers
    assert (page.printed_name, page.permalink) == ("Dr Ana Ruiz", "/people/ana-ruiz/")
    assert [(p.title, p.organisation) for p in page.positions] == [("Director", "Harbour Authority")]
    assert page.biography == "Ana leads the harbour's security office."
    assert not parsed.sessions
    (guest,) = read("guests/ole-dahl.md", GUEST, **SISTER).speakers  # no speaker folder: a speaker page by its shape
    assert (guest.printed_name, guest.biography) == ("Mr Ole Dahl", "Ole keeps the cranes moving.")


def test_the_speaker_page_read_with_the_defaults_is_no_speaker_page():
    parsed = read("people/ana-ruiz.md", SPEAKER)
    assert not parsed.speakers and not parsed.sessions
    assert [n.kind for n in parsed.notes] == ["skipped-file"]
    assert not read("guests/ole-dahl.md", GUEST).speakers


def reading(options: dict) -> list:
    """What the made-up pages give: sessions and speaker pages, as comparable tuples."""
    found = []
    for rel, text in (("programme/harbour.md", SESSION), ("programme/workshop.md", UNDATED),
                      ("people/ana-ruiz.md", SPEAKER), ("guests/ole-dahl.md", GUEST)):
        parsed = read(rel, text, **options)
        found += [(s.title, s.permalink, s.date, s.time_label, s.format, s.abstract,
                   [(r.role_label, r.printed_name, r.positions) for r in s.rows]) for s in parsed.sessions]
        found += [(p.printed_name, p.permalink, p.biography, [(q.title, q.organisation) for q in p.positions])
                  for p in parsed.speakers]
    return found


@pytest.mark.parametrize("option", sorted(SISTER))
def test_each_option_of_the_sister_profile_changes_what_is_read(option):
    without = {k: v for k, v in SISTER.items() if k != option}
    assert reading(without) != reading(SISTER)


def test_a_date_key_of_the_site_and_its_speaker_links_before_any_role_heading():
    (session,) = read("programme/workshop.md", UNDATED, **SISTER).sessions
    assert session.date.isoformat() == "2031-03-13" and session.title == "Port Data Workshop"
    assert [(r.role_label, r.printed_name) for r in session.rows] == [("", "Ms Mei Lin")]
    parsed = read("programme/workshop.md", UNDATED)
    assert not parsed.sessions and "no date line" in parsed.notes[-1].message


def test_a_sister_site_ingests_end_to_end_with_a_profile_made_from_the_shipped_one(tmp_path):
    (tmp_path / "programme").mkdir()
    (tmp_path / "people").mkdir()
    (tmp_path / "programme" / "harbour.md").write_text(SESSION, encoding="utf-8")
    (tmp_path / "people" / "ana-ruiz.md").write_text(SPEAKER, encoding="utf-8")
    profile = SICW_PROFILE.read_text(encoding="utf-8").replace('series = "sicw"', 'series = "harbourweek"')
    for name, value in SISTER.items():
        profile = "\n".join(f"{name} = {value!r}".replace("'", '"') if line.startswith(f"{name} = ") else line
                            for line in profile.splitlines())
    (tmp_path / "speakergraph.toml").write_text(profile, encoding="utf-8")
    site = site_for(tmp_path)
    assert site.series == "harbourweek" and site.profile.parts[0].options["time_labels"] == ["when"]
    parsed = pipeline("programme/harbour.md", (tmp_path / "programme" / "harbour.md").read_bytes(), site)
    (session,) = parsed.sessions
    assert (session.series, session.key) == ("harbourweek", "harbour-security-panel")
    assert [(r.role, r.name.name, r.person_key) for r in session.rows] == [
        ("moderator", "Ana Ruiz", "ana-ruiz"), ("panellist", "Ole Dahl", "ole-dahl")]
    csv = export(ingested(tmp_path), "csv").decode()
    assert "Harbour Security Panel 2031,2031-03-12,14:00:00+08:00,15:30:00+08:00,moderator" in csv


def test_a_mistyped_option_in_a_sicw_part_names_the_closest_one(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text('[[parts]]\nfiles = "**/*.md"\nreader = "sicw"\ntime_label = "when"\n', encoding="utf-8")
    with pytest.raises(IngestError, match=r"unknown option 'time_label' \(did you mean 'time_labels'\?\)"):
        site_for(tmp_path, profile_path=profile)
    profile.write_text('[[parts]]\nfiles = "**/*.md"\nreader = "sicw"\nfooter = 3\n', encoding="utf-8")
    with pytest.raises(IngestError, match="footer must be a word or phrase or a list of them"):
        site_for(tmp_path, profile_path=profile)
