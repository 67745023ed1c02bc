"""Drafting new-user data files (made up): an event app's JSON export (people lists of numbers joined to a people
file, names in two parts, GraphQL's ``__typename`` beside the real role key, embedded people joined on their id)
and spreadsheets (German and French column names, a "Title" column of honorifics beside the Session column, a
table the drafter cannot read, said so)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import drafted_preview, part_of, write_files as write


def previewed(root: Path, tmp_path: Path) -> tuple[dict, str, object]:
    """The drafted profile and its dry run, every appearance shown."""
    return drafted_preview(root, tmp_path, sample=0)


# --- an event app's export -------------------------------------------------------------------------------------

SESSIONS_31 = {"sessions": [
    {"id": 71, "title": "Opening of the Tern Forum", "start_time": "2031-04-02 09:00", "end_time": "2031-04-02 09:30",
     "location": "Hall A", "speakers": [4101], "moderators": []},
    {"id": 72, "title": "Panel: Tidal grids", "start_time": "2031-04-02 10:00", "end_time": "2031-04-02 11:00",
     "location": "Hall B", "speakers": [4102, 4103, 4104], "moderators": [4102]},
    {"id": 73, "title": "Lunch", "start_time": "2031-04-02 12:00", "end_time": "2031-04-02 13:00",
     "location": "Foyer", "speakers": [], "moderators": []}]}
PEOPLE_31 = {"people": [
    {"id": 4101, "first_name": "Orla", "last_name": "Vantongeren", "company": "Tern Institute",
     "position": "Director", "country_name": "Ireland"},
    {"id": 4102, "first_name": "Bertil", "last_name": "Osk", "company": "Harbour Post", "position": "Editor",
     "country_name": "Sweden"},
    {"id": 4103, "first_name": "Inka", "last_name": "Pallas", "company": "", "position": "Head of Grids, Wavelab",
     "country_name": "Finland"},
    {"id": 4104, "first_name": "Ruy", "last_name": "Mendoza", "company": "Sal Energia", "position": "Engineer",
     "country_name": "Spain"}]}


def person(ident: str, given: str, family: str, org: str, title: str, role=None) -> dict:
    return {"__typename": "Speaker", "id": ident, "firstName": given, "lastName": family, "organization": org,
            "jobTitle": title, "roleLabel": role}


PLANNING_32 = {"data": {"plannings": [
    {"__typename": "Planning", "id": "UGw1", "title": "Keynote: Seas of data", "beginsAt": "2032-04-06T07:00:00Z",
     "endsAt": "2032-04-06T07:30:00Z", "type": "KEYNOTE",
     "speakers": [person("UGUx", "Orla", "Vantongeren", "Tern Institute", "Director")]},
    {"__typename": "Planning", "id": "UGw2", "title": "Panel: Ports that listen", "beginsAt": "2032-04-06T08:00:00Z",
     "endsAt": "2032-04-06T09:00:00Z", "type": "PANEL",
     "speakers": [person("UGUy", "Bertil", "Osk", "Harbour Post", "Editor", "Moderator"),
                  person("UGUz", "Inka", "Pallas", "Wavelab", "Head of Grids", "Panellist"),
                  person("UGU0", "Ruy", "Mendoza", "Sal Energia", "Engineer", "Panellist")]},
    {"__typename": "Planning", "id": "UGw3", "title": "Workshop: Buoys", "beginsAt": "2032-04-06T10:00:00Z",
     "endsAt": "2032-04-06T11:00:00Z", "type": "WORKSHOP",
     "speakers": [person("UGU1", "Tala", "Brenn", "Buoy Works", "Founder", "Facilitator"),
                  person("UGUz", "Inka", "Pallas", "Wavelab", "Head of Grids")]}]}}
SPEAKERS_32 = {"data": {"people": [
    {"__typename": "Person", "id": f"UGU{n}", "firstName": given, "lastName": family, "organization": org,
     "jobTitle": title, "country": country, "salutation": hon}
    for n, given, family, org, title, country, hon in (
        (1, "Orla", "VANTONGEREN", "Tern Institute", "Director", "IE", "Dr"),
        (2, "Bertil", "OSK", "Harbour Post", "Senior Editor", "SE", "Mr"),
        (3, "Inka", "PALLAS", "Wavelab", "Head of Grids", "FI", "Ms"),
        (4, "Ruy", "MENDOZA", "Sal Energia", "Engineer", "ES", None),
        (5, "Tala", "BRENN", "Buoy Works", "Founder", "NZ", "Ms"))]}}


def app_export() -> dict[str, str]:
    return {"export/2031/sessions.json": json.dumps(SESSIONS_31), "export/2031/people.json": json.dumps(PEOPLE_31),
            "export/2032/planning.json": json.dumps(PLANNING_32),
            "export/2032/speakers.json": json.dumps(SPEAKERS_32)}


def test_people_lists_of_numbers_are_ids_of_the_people_file_beside_them(tmp_path):
    profile, _, seen = previewed(write(tmp_path / "tern", app_export()), tmp_path)
    sessions = part_of(profile, "2031/sessions.json")
    assert sessions["persons"] == "speakers" and sessions["roles"] == {"moderators": "Moderators"}
    assert sessions["persons_are"] == "ids"
    rows = {(r["session"], r["name"]): r for r in seen.rows}
    assert rows[("Panel: Tidal grids", "Bertil Osk")]["role"] == "moderator"
    assert rows[("Panel: Tidal grids", "Inka Pallas")]["country"] == "FI"


def test_numbers_no_people_file_holds_are_left_out_saying_so(tmp_path):
    profile, text, _ = previewed(write(tmp_path / "tern", {"s.json": json.dumps(SESSIONS_31)}), tmp_path)
    assert "persons" not in part_of(profile, "s.json") and "list people as numbers (e.g. 4101)" in text


def test_speaker_records_with_split_names_are_a_speakers_part(tmp_path):
    profile, _, seen = previewed(write(tmp_path / "tern", app_export()), tmp_path)
    people = part_of(profile, "2031/people.json")
    assert people["kind"] == "speakers" and people["person"] == {"given_name": "first_name",
                                                                "family_name": "last_name"}
    assert people["position_pattern"] == ["Title, Org"]  # where 'company' is empty
    rows = {(r["session"], r["name"]): r for r in seen.rows}
    assert (rows[("Panel: Tidal grids", "Inka Pallas")]["title"],
            rows[("Panel: Tidal grids", "Inka Pallas")]["organisation"]) == ("Head of Grids", "Wavelab")


def test_embedded_people_are_joined_on_the_ids_of_the_people_file(tmp_path):
    profile, _, seen = previewed(write(tmp_path / "tern", app_export()), tmp_path)
    planning, speakers = part_of(profile, "planning.json"), part_of(profile, "2032/speakers.json")
    assert planning["person"]["id"] == "id" and "persons_are" not in planning
    assert speakers["kind"] == "speakers" and speakers["honorific"] == "salutation"
    rows = {(r["session"], r["name"]): r for r in seen.rows}
    assert rows[("Panel: Ports that listen", "Bertil Osk")]["honorific"] == "Mr"
    assert rows[("Panel: Ports that listen", "Bertil Osk")]["country"] == "SE"


def test_typename_is_never_a_field_and_several_role_words_beat_one(tmp_path):
    profile, text, seen = previewed(write(tmp_path / "tern", app_export()), tmp_path)
    assert part_of(profile, "planning.json")["person"]["role"] == "roleLabel" and "__typename" not in text
    rows = {(r["session"], r["name"]): r for r in seen.rows}
    assert rows[("Workshop: Buoys", "Tala Brenn")]["role"] == "moderator"  # a facilitator


# --- spreadsheets ------------------------------------------------------------------------------------------------

GERMAN = ("Datum;Zeit;Sitzung;Rolle;Anrede;Vorname;Nachname;Funktion;Organisation;Land\n"
          "03.06.2031;9:00 - 9:30;Begrüßung am See;Grußwort;Frau;Hanne;Kollwitz-Ruf;Bürgermeisterin;Stadt Lindau;"
          "Deutschland\n"
          ";;;Grußwort;Herr;Aurel;Stebler;Regierungsrat;Kanton Thurgau;Schweiz\n"
          "03.06.2031;10:00 - 11:00;Podium: Wasser und Netze;Moderation;Dr.;Mira;Falk;Redakteurin;Seeblatt;"
          "Deutschland\n"
          ";;;Podium;Herr;Jonas;Wendt;CISO;Stadtwerke Aach;Deutschland\n"
          ";;;Podium;Frau;Lea;Rinner;Leiterin IT;Gemeinde Hard;Österreich\n"
          "03.06.2031;11:00;Kaffeepause;;;;;;;\n"
          "03.06.2031;11:30 - 12:00;Vortrag: Lagebild;Vortrag;Prof. Dr.;Emil;Ruess;Professor;Hochschule Aach;"
          "Deutschland\n"
          "03.06.2031;12:00 - 13:00;Mittagspause;;;;;;;\n")
ENGLISH = ("Date;Time;Session;Role;Title;First name;Last name;Position;Organisation;Country\n"
           "02/06/2032;9:00 - 9:20;Welcome by the lake;Welcome address;Frau;Hanne;Kollwitz-Ruf;Mayor;Stadt Lindau;"
           "Germany\n"
           "02/06/2032;9:20 - 10:00;Keynote: Quiet shores;Keynote;Prof. Dr.;Emil;Ruess;Professor;Hochschule Aach;"
           "Germany\n"
           "02/06/2032;10:00 - 11:00;Panel: Pumps online;Moderator;Herr;Jonas;Wendt;CISO;Stadtwerke Aach;Germany\n"
           ";;;Panellist;Frau;Lea;Rinner;Head of IT;Gemeinde Hard;Austria\n"
           ";;;Panellist;Mag.;Udo;Pree;Consultant;Pree IT;Austria\n"
           "02/06/2032;11:00 - 11:30;Closing;Closing remarks;Herr;Aurel;Stebler;Councillor;Kanton Thurgau;"
           "Switzerland\n")


def test_german_column_names_are_known(tmp_path):
    profile, _, seen = previewed(write(tmp_path / "see", {"programm-2031.csv": GERMAN}), tmp_path)
    part = part_of(profile, "programm-2031.csv")
    assert (part["title"], part["date"], part["time"]) == ("Sitzung", "Datum", "Zeit")
    assert part["person"] == {"given_name": "Vorname", "family_name": "Nachname", "honorific": "Anrede",
                              "role": "Rolle", "position": "Funktion", "organisation": "Organisation",
                              "country": "Land"}
    rows = {(r["session"], r["name"]): r for r in seen.rows}
    assert rows[("Podium: Wasser und Netze", "Lea Rinner")]["country"] == "AT"


def test_a_title_column_of_honorifics_is_the_honorific_not_the_session(tmp_path):
    profile, text, seen = previewed(write(tmp_path / "see", {"programme-2032.csv": ENGLISH}), tmp_path)
    part = part_of(profile, "programme-2032.csv")
    assert part["title"] == "Session" and part["person"]["honorific"] == "Title" and "the room?" not in text
    assert {r["session"] for r in seen.rows} == {"Welcome by the lake", "Keynote: Quiet shores",
                                                 "Panel: Pumps online", "Closing"}


def test_a_table_that_gets_no_part_is_said_so(tmp_path):
    table = "Tag;Beginn;Wer;Haus\n1;9h;Ann;Aula\n2;10h;Bo;Saal\n3;11h;Cy;Aula\n"
    _, text, _ = previewed(write(tmp_path / "see", {"plan.csv": table}), tmp_path)
    assert "3 rows in plan.csv (columns 'Tag', 'Beginn', 'Wer', 'Haus') got no part" in text


def test_times_all_in_utc_ask_for_the_event_s_zone_not_for_none(tmp_path):
    """An export that prints every time in UTC gives the right instants but the wrong local days: the draft says to
    name the zone the event was held in, not that no zone is needed."""
    import json
    import subprocess
    import sys

    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "planning.json").write_text(json.dumps({"sessions": [
        {"id": "s1", "title": "Opening panel", "beginsAt": "2031-10-07T07:30:00.000Z",
         "speakers": [{"name": "Ann Lee", "jobTitle": "CTO", "organization": "Acme"}]},
        {"id": "s2", "title": "Keynote", "beginsAt": "2031-10-07T22:30:00.000Z", "speakers": [{"name": "Cy Dow"}]}]}))
    out = subprocess.run([sys.executable, "-m", "speakergraph", "profile", str(tmp_path)], capture_output=True,
                         text=True, check=True).stdout
    assert "every time printed is in UTC" in out and "no timezone needed" not in out
