"""Drafting data files of four shapes new users met: a folder of one-speaker files with one sparse file, a schedule
nested days → rooms → slots → talks, a spreadsheet programme whose dates sit on each day's first row beside a
speakers sheet, and an Indico-like timetable of session blocks around their contributions; made-up data."""

from __future__ import annotations

import json

from conftest import drafted_preview
from conftest import write_files as write


def rows(seen, *fields: str) -> set[tuple]:
    return {tuple(r[f] for f in fields) for r in seen.rows}


# --- a folder of one-speaker files, one of them sparse ---------------------------------------------------------

SPEAKERS = {
    "orla-fenwick": ('name = "Orla Fenwick"\nhonorific = "Dr"\ntitle = "Chief Engineer"\n'
                     'organisation = "Tarn Power"\ncountry = "Ireland"\n'),
    "tomo-reyes": ('name = "Tomo Reyes"\nhonorific = "Mr"\ntitle = "Research Fellow"\n'
                   'organisation = "Institute of Heat"\ncountry = "Japan"\n'),
    "ada-quist": ('name = "Ada Quist"\nhonorific = "Ms"\nrole = "Rapporteure"\norganisation = "Nordic Grid Office"\n'
                  'country = "Norway"\n'),
    "ilka-varga": ('name = "Ilka Varga"\nhonorific = "Prof."\ntitle = "Professor of Optics"\n'
                   'organisation = "Kesk University"\ncountry = "Estonia"\n'),
    "rui-salgado": 'name = "Rui Salgado"\nphoto = "/img/rui.jpg"\n',  # sparse: two keys of five
}


def session(title: str, day: str, who: list[str]) -> str:
    return f'+++\ntitle = "{title}"\ndate = {day}\nspeakers = {json.dumps(who)}\n+++\nA session.\n'


def hugo_site() -> dict[str, str]:
    return {"hugo.toml": 'title = "Harbour Forum 2031"\n',
            **{f"data/speakers/{slug}.toml": text for slug, text in SPEAKERS.items()},
            "content/sessions/grids.md": session("Grids at sea", "2031-05-02T10:00:00+02:00",
                                                 ["orla-fenwick", "tomo-reyes", "rui-salgado"]),
            "content/sessions/optics.md": session("Optics for all", "2031-05-02T14:00:00+02:00",
                                                  ["ilka-varga", "ada-quist"])}


def test_one_sparse_file_does_not_throw_out_a_folder_of_speaker_files(tmp_path):
    root = write(tmp_path / "harbour", hugo_site())
    profile, text, seen = drafted_preview(root, tmp_path, sample=0)
    (people,) = [p for p in profile["parts"] if p["files"] == "data/speakers/*.toml"]
    assert people["kind"] == "speakers"
    assert "5 of 5 ids" in text and "equal the name of a file" in text
    assert people["position"] == ["title", "role"]  # the job title under two keys, the more filled first
    assert ("Orla Fenwick", "Dr", "Chief Engineer", "IE") in rows(seen, "name", "honorific", "title", "country")
    assert ("Ada Quist", "Rapporteure") in rows(seen, "name", "title")


# --- a schedule nested days → rooms → slots → talks ----------------------------------------------------------

def talk(title: str, *speakers: str) -> dict:
    return {"title": title, "type": "talk", "speakers": list(speakers)}


SCHEDULE = {"days": [
    {"date": "2031-05-02", "label": "Day one", "rooms": [
        {"name": "Main hall", "slots": [{"start": "09:00", "end": "09:30", "talks": [talk("Opening", "ann-lee")]},
                                        {"start": "10:00", "end": "11:00", "talks": [talk("Tides", "bo-chan")]}]},
        {"name": "Room B", "slots": [{"start": "10:00", "end": "11:00", "talks": [talk("Kelp", "cy-dee")]}]}]},
    {"date": "2031-05-03", "label": "Day two", "rooms": [
        {"name": "Main hall", "slots": [{"start": "09:00", "end": "10:00", "talks": [talk("Currents", "ann-lee",
                                                                                          "bo-chan")]}]}]}]}
PEOPLE = [{"id": "ann-lee", "name": "Ann Lee", "jobTitle": "Director", "company": "Reef Lab"},
          {"id": "bo-chan", "name": "Bo Chan", "jobTitle": "Engineer", "company": "Tidal Works"},
          {"id": "cy-dee", "name": "Cy Dee", "jobTitle": "Curator", "company": "Sea Museum"}]


def test_a_level_holding_the_sessions_is_no_list_of_sessions(tmp_path):
    root = write(tmp_path / "reef", {"_data/schedule.json": json.dumps(SCHEDULE),
                                     "_data/speakers.json": json.dumps(PEOPLE)})
    profile, _, seen = drafted_preview(root, tmp_path, sample=0)
    specs = [p.get("records") for p in profile["parts"] if p["files"] == "_data/schedule.json"]
    assert specs == ["days.*.rooms.*.slots.*.talks"]  # not "days", its rooms read as people
    assert ("Ann Lee", "Currents", "Director") in rows(seen, "name", "session", "title")
    assert not any(r["name"] in ("Main hall", "Room B") for r in seen.rows)


# --- a spreadsheet programme: a date on each day's first row, a speakers sheet -------------------------------

PROGRAMME = ("\ufeffDay;Date;Time;Session;Format;Chair;Speakers;Room\n"
             "Day 1;Wed 7 May;9.00–9.30;Opening;Remarks;Ms Ilka Varga, Kesk University;"
             "Dr Orla Fenwick, Chief Engineer, Tarn Power;Hall\n"
             ";;9.30–10.30;Panel: grids & tides;Panel;Mr Tomo Reyes, Research Fellow;"
             "Ms Ada Quist – Nordic Grid Office / Dr Rui Salgado, Fellow, Trade & Energy Institute;Hall\n"
             ";;10.30–11.00;Coffee;;;;Foyer\n"
             "Day 2;08/05/2031;9.00–10.00;Keynote;Keynote;;Prof. Ilka Varga (Estonia);Hall\n"
             ";;10.00–11.00;Closing;Remarks;;Mr Tomo Reyes (Japan);Hall\n")
SPEAKER_SHEET = ("Full name,Title,Organisation,Country\nIlka Varga,Professor of Optics,Kesk University,Estonia\n"
                 "Orla Fenwick,Chief Engineer,Tarn Power,Ireland\nTomo Reyes,Research Fellow,Institute of Heat,Japan\n"
                 "Ada Quist,Rapporteure,Nordic Grid Office,Norway\nRui Salgado,Fellow,Trade & Energy Institute,"
                 "Portugal\n")


def test_a_sheet_dating_each_days_first_row_and_a_speakers_sheet(tmp_path):
    root = write(tmp_path / "grid", {"programme.csv": PROGRAMME, "speakers.csv": SPEAKER_SHEET})
    profile, _, seen = drafted_preview(root, tmp_path, sample=0)
    (sessions,) = [p for p in profile["parts"] if p["files"] == "programme.csv"]
    assert (sessions["date"], sessions["fill_down"]) == ("Date", ["Date"])
    assert sessions["date_format"] == ["%a %d %b", "%d/%m/%Y"]
    assert " & " not in sessions["people_separators"]  # "&" inside an organisation's name
    assert " / " in sessions["people_separators"]
    (people,) = [p for p in profile["parts"] if p["files"] == "speakers.csv"]
    assert (people["kind"], people["name"], people["position"]) == ("speakers", "Full name", "Title")
    assert "persons" not in people
    assert ("Tomo Reyes", "Closing", "2031-05-08") in {(n, s, d[:10]) for n, s, d in rows(seen, "name", "session",
                                                                                          "date")}
    assert ("Ilka Varga", "Kesk University") in rows(seen, "name", "organisation")


# --- an Indico-like timetable: session blocks around contributions -------------------------------------------

def entry(kind: str, ident: str, title: str, clock: str, **more) -> dict:
    return {"entryType": kind, "id": ident, "title": title, "room": "Room 4",
            "startDate": {"date": "2031-05-02", "time": f"{clock}:00", "tz": "Europe/Oslo"}, **more}


def presenter(first: str, last: str, org: str) -> dict:
    return {"firstName": first, "familyName": last, "name": f"{first} {last}", "affiliation": org, "title": "Dr"}


TIMETABLE = {"results": {"77": {"20310502": {
    "c1": entry("Contribution", "c1", "Welcome", "09:00", presenters=[presenter("Ann", "Lee", "Reef Lab")]),
    "s1": entry("Session", "s1", "Session 1: Tides", "10:00", conveners=[presenter("Bo", "Chan", "Tidal Works")],
                entries={"c2": entry("Contribution", "c2", "Tide tables", "10:00",
                                     presenters=[presenter("Cy", "Dee", "Sea Museum")]),
                         "c3": entry("Contribution", "c3", "Storm surges", "10:30",
                                     presenters=[presenter("Di", "Fox", "Met Office")])}),
    "b1": entry("Break", "b1", "Coffee", "11:00"),
    "c4": entry("Contribution", "c4", "Farewell", "12:00", presenters=[presenter("Ann", "Lee", "Reef Lab")])}}}}


def test_session_blocks_are_their_contributions_track_and_entry_types_no_format(tmp_path):
    root = write(tmp_path / "tides", {"timetable.json": json.dumps(TIMETABLE)})
    profile, _, seen = drafted_preview(root, tmp_path, sample=0)
    inner = next(p for p in profile["parts"] if str(p.get("records", "")).endswith("entries.*"))
    assert inner["track"] == "^.title"
    assert not any(p.get("format") == "entryType" for p in profile["parts"])
    assert ("Cy Dee", "Tide tables") in rows(seen, "name", "session")


def test_a_people_sheet_no_session_names_is_proposed_as_speakers(tmp_path):
    from ingest.draft_data import Shape, _unread

    rows = [dict(zip(("Full name", "Title", "Organisation"), line.split(",")))
            for line in SPEAKER_SHEET.splitlines()[1:]]
    (why,) = _unread(Shape(["people.csv"], "", rows)).why
    assert 'kind = "speakers", name = "Full name"' in why and 'persons = ""' not in why
