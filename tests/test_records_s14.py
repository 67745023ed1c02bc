"""Shapes a new user's trial met in a schedule tool's exports (made up here): a CSV cell listing several people as
"Name (Org), Name (Org)"; an organisation with its legal form after a comma ("Acme, Inc."); a session's sponsors
beside its speakers; records marked inactive ("active": "N"); and the dry run's list of skipped files."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from conftest import write_files as write
from ingest import draft, readers
from ingest.datarecords import bracketed_people, people_pieces
from ingest.loader import site_for
from ingest.preview import preview, render
from ingest.read import read_document
from ingest.tidy import not_a_person

CSV = """\
Session Title,Date,Start Time,End Time,Venue,Speakers,Moderators
Opening Keynote,5/14/2031,9:30 AM,10:15 AM,Main Hall,Dr. Wanjiru Otieno-Falk (Harbour Robotics Foundation),
Coffee Break,5/14/2031,10:15 AM,10:45 AM,Foyer,,
Panel: Tides of Code,5/14/2031,10:45 AM,11:45 AM,Room A,"Tomasz Zieliński-Ortega (Independent), Marisol de la Vega y Ruiz \
(Quillfeather, Inc.), Mr. Pieter van Leeuwarden (Gemeente Zwolle)","Ms Ylva Ekström (Brightkelp Systems, Ltd.)"
Talk: Small Budgets,5/14/2031,12:00 PM,12:40 PM,Room B,"Adebayo Okonjo (Saltmarsh Data, LLC)",
Crossing Borders,5/15/2031,10:00 AM,11:00 AM,Main Hall,"Kalev Sepp (Registry Data Authority (RDA)), Dr Noémie \
Aubert-Vasseur (Université de Nordport), H.E. Ambassador Rein Mägi (Embassy of Estonia in Latvia)",Prof. Hege Brattli \
(Fjordvik University)
Workshop: Kernels,5/15/2031,1:30 PM,3:00 PM,Lab 1,"Rosaria Dell'Orto (Politecnico di Verona), Zhao Min (Kestrel \
Mobile Co., Ltd.)",
"""


def _session(title: str, start: str, speakers: list[dict], active: str = "Y", sponsors=()) -> dict:
    return {"event_key": title.lower()[:8], "active": active, "name": title, "event_start": f"2031-05-16 {start}",
            "event_end": f"2031-05-16 {start[:2]}:50", "event_type": "Talk", "venue": "Main Hall",
            "id": title.lower().replace(" ", "-"), "speakers": speakers, "moderators": [],
            "sponsors": list(sponsors)}


def _person(name: str, company: str, position: str) -> dict:
    return {"username": name.lower().replace(" ", ""), "name": name, "company": company, "position": position,
            "url": f"https://example.org/speaker/{name.lower().replace(' ', '')}"}


JSON = json.dumps([
    _session("Opening Remarks", "09:00", [_person("Liisi Tammsaar", "Ministry of Harbours", "Minister")]),
    _session("Open Hardware Futures", "10:00", [_person("Dr Aino Kettunen", "Saltmarsh Data", "CTO")],
             sponsors=[_person("Quillfeather, Inc.", "", ""), _person("Brightkelp Systems, Ltd.", "", "")]),
    _session("Quantum Tides", "11:00", [_person("Rafael Quintero", "Kaveri Fibre", "Head of Cryptography")],
             active="N"),
    _session("Maps for All", "12:00", [_person("Sigrid Holm", "Fjordvik University", "Professor")]),
    _session("Rust at Sea", "13:00", [_person("Oskar Lind", "Brightkelp Systems, Ltd.", "Engineer")]),
], indent=1)


def site(root: Path, profile: str | None = None) -> Path:
    files = {"sched-2031.csv": CSV, "sched-2032.json": JSON}
    return write(root, files | ({"speakergraph.toml": profile} if profile else {}))


def parse(root: Path, rel: str):
    site_ = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site_)


PROFILE = """\
[[parts]]
files = "sched-2031.csv"
reader = "records"
title = "Session Title"
time = "Start Time"
end = "End Time"
date = "Date"
date_format = "%m/%d/%Y"
room = "Venue"
persons = "Speakers"
roles = { Moderators = "Moderator" }
person_pattern = ["Name (Org)"]
"""


# --- a cell listing people printed "Name (Org)" -----------------------------------------------------------------


def test_a_cell_listing_people_with_their_brackets_is_parted_at_the_commas_between_them():
    cell = "Ann Lee (Quillfeather, Inc.), Dr Bo Chan (Registry Data Authority (RDA)) and Cy Dee (Beta Lab)"
    assert bracketed_people(cell) == ["Ann Lee (Quillfeather, Inc.)", "Dr Bo Chan (Registry Data Authority (RDA))",
                                      "Cy Dee (Beta Lab)"]
    assert people_pieces(cell, ("Name (Org)",)) == bracketed_people(cell)
    # one person with what follows: no list ("Director" is no name; an organisation is no person)
    assert bracketed_people("Ann Lee (Acme), Director") == ["Ann Lee (Acme), Director"]
    assert bracketed_people("Ann Lee (CTO), Harbour Group (HG)") == ["Ann Lee (CTO), Harbour Group (HG)"]


def test_the_records_reader_reads_every_person_of_a_listed_cell_with_their_organisation(tmp_path):
    root = site(tmp_path, PROFILE)
    sessions = {s.title: s for s in parse(root, "sched-2031.csv").sessions}
    people = {s: [(r.printed_name, [p.organisation for p in r.positions]) for r in sessions[s].rows]
              for s in ("Panel: Tides of Code", "Crossing Borders", "Workshop: Kernels")}
    assert people["Panel: Tides of Code"] == [  # "(Independent)": no organisation
        ("Tomasz Zieliński-Ortega", []), ("Marisol de la Vega y Ruiz", ["Quillfeather, Inc."]),
        ("Mr. Pieter van Leeuwarden", ["Gemeente Zwolle"]), ("Ms Ylva Ekström", ["Brightkelp Systems, Ltd."])]
    assert people["Crossing Borders"][0] == ("Kalev Sepp", ["Registry Data Authority (RDA)"])  # a bracket in one
    assert [name for name, _ in people["Crossing Borders"]][1:] == [
        "Dr Noémie Aubert-Vasseur", "H.E. Ambassador Rein Mägi", "Prof. Hege Brattli"]
    assert people["Workshop: Kernels"] == [("Rosaria Dell'Orto", ["Politecnico di Verona"]),
                                           ("Zhao Min", ["Kestrel Mobile Co., Ltd."])]


def test_a_list_no_pattern_parts_is_skipped_with_a_note_that_says_it_lists_people(tmp_path):
    cell = "Ann Lee (Beta Lab), Bo Chan, Cy Dee (Gamma Unit)"  # one piece without its bracket: not parted
    csv = f'Session Title,Date,Speakers\nHarbour Panel,5/14/2031,"{cell}"\n'
    root = write(tmp_path, {"s.csv": csv, "speakergraph.toml": PROFILE.replace("sched-2031.csv", "s.csv")})
    notes = [n.message for n in parse(root, "s.csv").notes if n.kind == "skipped-row"]
    assert any("lists several people" in m and "reads as a title" not in m for m in notes), notes


def test_a_legal_form_after_a_comma_makes_an_organisation_not_a_person():
    for org in ("Quillfeather, Inc.", "Kestrel Mobile Co., Ltd.", "Saltmarsh Data, LLC", "Quillfeather Inc."):
        assert not_a_person(org) == "an organisation", org
    assert not_a_person("Ann Lee, S.C.") is None  # a post-nominal is a person's
    assert not_a_person("Ann Lee, Director") is None


# --- the drafted profile ------------------------------------------------------------------------------------------


def drafted(root: Path) -> list[dict]:
    return tomllib.loads(draft.render(draft.settle(draft.draft(root))))["parts"]


def test_the_draft_reads_listed_cells_as_name_org_drops_sponsors_and_skips_inactive_records(tmp_path):
    parts = {p["files"]: p for p in drafted(site(tmp_path))}
    csv, js = parts["sched-2031.csv"], parts["sched-2032.json"]
    assert csv["person_pattern"] == ["Name (Org)"]  # a list of three is not one "Name, Title, Org"
    assert "sponsors" not in js.get("roles", {}) and js.get("persons") != "sponsors"
    assert js["skip_when"] == {"active": "N"}


def test_the_drafted_profile_reads_every_speaker_and_no_sponsor_or_inactive_session(tmp_path):
    root = site(tmp_path)
    (root / "speakergraph.toml").write_text(draft.render(draft.settle(draft.draft(root))), encoding="utf-8")
    rows = preview(site_for(root), sample=0).rows
    names = {r["name"] for r in rows}
    assert {"Tomasz Zieliński-Ortega", "Marisol de la Vega y Ruiz", "Pieter van Leeuwarden", "Kalev Sepp",
            "Rein Mägi", "Rosaria Dell'Orto", "Zhao Min", "Oskar Lind"} <= names
    assert not names & {"Quillfeather, Inc.", "Brightkelp Systems, Ltd.", "Rafael Quintero"}


# --- the dry run lists every skipped file -------------------------------------------------------------------------


def test_the_dry_run_lists_every_skipped_file_and_the_text_a_few(tmp_path):
    root = site(tmp_path, PROFILE)
    write(root, {f"notes/n{i}.md": f"# Note {i}\n\nNothing here.\n" for i in range(5)})
    seen = preview(site_for(root))
    skipped = [files for why, files in seen.skipped_files.items() if "no part of the profile" in why]
    assert skipped and len(skipped[0]) == 5 + 1  # five notes and the JSON export no part names
    assert ", …)" in render(seen)
