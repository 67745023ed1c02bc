"""The records reader on shapes a new user's trial met (a Jekyll site with relational YAML, made up here): a session's
``persons`` and ``roles`` lists add up; titles and organisations read through one list with a star pair within
each mapping; an organisation field holding only a job title; and an appearance printed as an id named as that
edition's speaker record prints the person, through to the CSV export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

import speakergraph
from conftest import write_files as write
from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document


def parse(root: Path, rel: str):
    """One file of a made-up site read, tidied and normalized as the loader does."""
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def people(session):
    return [(r.role_label, r.printed_name) for r in session.rows]


def positions(page):
    return [(p.title, p.organisation) for p in page.positions]


# --- persons and roles add up ---------------------------------------------------------------------

SESSIONS = """\
- id: harbour-panel
  title: Harbours after the storm
  date: 2031-05-06
  speakers: [Mira Castellanos, Obi Nwankwo, Tuva Lindqvist]
  moderators: [Tuva Lindqvist]
- id: tide-talk
  title: Reading the tides
  date: 2031-05-06
  speakers: [Pablo Ferreira Dias]
"""


def test_a_persons_list_and_a_roles_list_add_up_and_a_person_in_both_keeps_the_role(tmp_path):
    root = write(tmp_path, {"_data/sessions.yml": SESSIONS, "speakergraph.toml": """\
[[parts]]
files = "_data/sessions.yml"
reader = "records"
persons = "speakers"
roles = { moderators = "Moderator" }
"""})
    panel, talk = parse(root, "_data/sessions.yml").sessions
    assert people(panel) == [("Speaker", "Mira Castellanos"), ("Speaker", "Obi Nwankwo"),
                             ("Moderator", "Tuva Lindqvist")]
    assert people(talk) == [("Speaker", "Pablo Ferreira Dias")]


def test_roles_alone_add_up_with_the_default_persons_keys_and_a_key_named_in_roles_is_read_once(tmp_path):
    root = write(tmp_path, {"_data/sessions.yml": SESSIONS, "speakergraph.toml": """\
[[parts]]
files = "_data/sessions.yml"
reader = "records"
roles = { moderators = "Moderator" }
"""})
    panel, _ = parse(root, "_data/sessions.yml").sessions
    assert [label for label, _ in people(panel)] == ["Speaker", "Speaker", "Moderator"]
    root = write(tmp_path, {"speakergraph.toml": """\
[[parts]]
files = "_data/sessions.yml"
reader = "records"
roles = { speakers = "Panellist", moderators = "Moderator" }
"""})
    panel, talk = parse(root, "_data/sessions.yml").sessions  # two roles' lists: each its own appearance
    assert people(panel) == [("Panellist", "Mira Castellanos"), ("Panellist", "Obi Nwankwo"),
                             ("Panellist", "Tuva Lindqvist"), ("Moderator", "Tuva Lindqvist")]
    assert people(talk) == [("Panellist", "Pablo Ferreira Dias")]


# --- titles and organisations through one list: paired within each mapping ------------------------

AFFILIATIONS = """\
- id: ines-marchal
  name: Inès Marchal
  affiliations:
    - organisation: Kestrel Maritime Institute
      country: Senegal
    - title: Board Member
      organisation: Open Tides Foundation
      country: France
- id: obi-nwankwo
  name: Obi Nwankwo
  affiliations:
    - title: Senior Researcher
      organisation: Lagoon Data Lab
    - title: Adviser
    - title: Trustee
      organisation: Coastal Commons Trust
"""


def test_fields_read_through_one_list_with_a_star_pair_within_each_mapping(tmp_path):
    root = write(tmp_path, {"_data/2031/speakers.yml": AFFILIATIONS, "speakergraph.toml": """\
[[parts]]
files = "_data/*/speakers.yml"
reader = "records"
kind = "speakers"
name = "name"
position = "affiliations.*.title"
organisation = "affiliations.*.organisation"
country = "affiliations.*.country"
"""})
    ines, obi = parse(root, "_data/2031/speakers.yml").speakers
    assert positions(ines) == [(None, "Kestrel Maritime Institute"), ("Board Member", "Open Tides Foundation")]
    assert positions(obi) == [("Senior Researcher", "Lagoon Data Lab"), ("Adviser", None),
                              ("Trustee", "Coastal Commons Trust")]
    assert ines.country_label == "Senegal" and obi.country_label is None  # the first country printed


def test_a_person_table_pairs_starred_fields_within_each_mapping_too(tmp_path):
    root = write(tmp_path, {"_data/program.yml": """\
- title: Ports and people
  date: 2031-05-07
  panel:
    - name: Inès Marchal
      jobs: [{employer: Kestrel Maritime Institute}, {role: Board Member, employer: Open Tides Foundation}]
""", "speakergraph.toml": """\
[[parts]]
files = "_data/program.yml"
reader = "records"
roles = { panel = "Panellist" }
person = { name = "name", title = "jobs.*.role", organisation = "jobs.*.employer" }
"""})
    (session,) = parse(root, "_data/program.yml").sessions
    assert positions(session.rows[0]) == [(None, "Kestrel Maritime Institute"), ("Board Member", "Open Tides Foundation")]


# --- an organisation field holding a job title alone -----------------------------------------------

def test_an_organisation_value_without_a_comma_that_reads_as_a_job_is_a_title(tmp_path):
    root = write(tmp_path, {"_data/speakers.yml": """\
- {id: a, name: Tomasz Wielgosz, affiliation: Independent consultant}
- {id: b, name: Ama Owusu, affiliation: PhD candidate}
- {id: c, name: Lior Adler, affiliation: Independent}
- {id: d, name: Ruth Mbeki, affiliation: Office of the Auditor-General}
- {id: e, name: Sven Aalto, affiliation: Kestrel Works}
- {id: f, name: Noor Haddad, affiliation: Head of Research at Lagoon Data Lab}
- {id: g, name: Ivo Berg, affiliation: Ambassador Club of Tidewater}
""", "speakergraph.toml": """\
[[parts]]
files = "_data/speakers.yml"
reader = "records"
kind = "speakers"
name = "name"
organisation = "affiliation"
"""})
    found = {page.printed_name: positions(page) for page in parse(root, "_data/speakers.yml").speakers}
    assert found == {"Tomasz Wielgosz": [("Independent consultant", None)], "Ama Owusu": [("PhD candidate", None)],
                     "Lior Adler": [], "Ruth Mbeki": [(None, "Office of the Auditor-General")],
                     "Sven Aalto": [(None, "Kestrel Works")], "Noor Haddad": [("Head of Research", "Lagoon Data Lab")],
                     "Ivo Berg": [(None, "Ambassador Club of Tidewater")]}


# --- an id-only appearance takes the name its edition's speaker record prints ----------------------

EDITIONS = {
    "_data/2022/speakers.yml": "- {id: zoe-marchetti, name: Zoe Marchetti, affiliation: 'Analyst, Tidewater Data'}\n",
    "_data/2024/speakers.yml": "- {id: zoe-marchetti, name: Zoé Marchetti, affiliation: 'Director, Tidewater Data'}\n",
    "_data/2022/talks.yml": "- {id: t1, title: Counting boats, date: 2022-06-15, speakers: [zoe-marchetti]}\n",
    "_data/2024/talks.yml": "- {id: t2, title: Counting ships, date: 2024-06-11, speakers: [zoe-marchetti]}\n",
    "speakergraph.toml": """\
[site]
series = "tides"

[[parts]]
files = "_data/*/talks.yml"
reader = "records"
persons_are = "ids"

[[parts]]
files = "_data/*/speakers.yml"
reader = "records"
kind = "speakers"
name = "name"
organisation = "affiliation"
""",
}


def _exported(runner: CliRunner, root: Path, store: Path) -> list[tuple[str, str, str, str]]:
    result = runner.invoke(speakergraph.main, ["ingest", str(root), "--store", str(store)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(speakergraph.main, ["export", "--format", "csv", "--store", str(store)])
    assert result.exit_code == 0, result.output
    rows = csv.DictReader(io.StringIO(result.stdout))
    return sorted((r["date"], r["name"], r["title"], r["label"]) for r in rows)


def test_an_id_only_appearance_is_named_as_its_editions_record_prints_the_person(tmp_path):
    root, store, runner = write(tmp_path / "site", EDITIONS), tmp_path / "store", CliRunner()
    assert _exported(runner, root, store) == [
        ("2022-06-15", "Zoe Marchetti", "Analyst", "Zoé Marchetti"),
        ("2024-06-11", "Zoé Marchetti", "Director", "Zoé Marchetti")]
    # only the talks change: the 2022 record is read from the store, and still names the 2022 appearances
    write(root, {"_data/2022/talks.yml": EDITIONS["_data/2022/talks.yml"]
                 + "- {id: t3, title: Counting buoys, date: 2022-06-16, speakers: [zoe-marchetti]}\n"})
    assert _exported(runner, root, store) == [
        ("2022-06-15", "Zoe Marchetti", "Analyst", "Zoé Marchetti"),
        ("2022-06-16", "Zoe Marchetti", "Analyst", "Zoé Marchetti"),
        ("2024-06-11", "Zoé Marchetti", "Director", "Zoé Marchetti")]
