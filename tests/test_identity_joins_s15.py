"""A programme of name-only rows joined to a speakers sheet: the store holds what the dry run shows, a row joins the
one record of its edition printing another form of its name, a patronymic "bin" printed or not is one name, and a
state body opened by its own country's adjective is the body the country qualifies. Made-up people and files."""

from __future__ import annotations

import csv
import io

from graph.export import appearances_csv
from graph.store import open_store
from ingest.identity import People
from ingest.loader import ingest, site_for
from ingest.normalize import organisation_key
from ingest.preview import preview

PROFILE = """
[site]
series = "demo"
year = 2031
timezone = "UTC"

[[parts]]
files = "programme.csv"
reader = "records"
title = "Session"
date = "Date"
time = "Time"
persons = "Speakers"
roles = { Chair = "Chair" }
person_pattern = ["Name, Title, Org"]
people_separators = ["; "]

[[parts]]
files = "speakers.csv"
reader = "records"
kind = "speakers"
name = "Full name"
position = "Title"
organisation = "Organisation"
country = "Country"
"""

PROGRAMME = """Date,Time,Session,Chair,Speakers
2031-03-04,09.00–10.00,Panel on tidal grids,Mr. Bruno da Silva Prates (Portugal),"Ms Orla Quigley, Engineer, Fenlight"
2031-03-04,10.30–11.30,Panel on river data,Prof. Ngozi Eze,Dr Tavita Faleolo
"""

SPEAKERS = """Full name,Title,Organisation,Country
Bruno da Silva,Senior Adviser,Ministério das Marés,Portugal
Ngozi A. Eze,Professor of Hydrology,University of Ondo Creek,Nigeria
Orla Quigley,Engineer,Fenlight,Ireland
Tavita Faleolo,Director,Office of the Lagoon Regulator,Samoa
"""


def _site(tmp_path, speakers: str = SPEAKERS, programme: str = PROGRAMME):
    root = tmp_path / "demo"
    root.mkdir()
    (root / "speakergraph.toml").write_text(PROFILE, encoding="utf-8")
    (root / "programme.csv").write_text(programme, encoding="utf-8")
    (root / "speakers.csv").write_text(speakers, encoding="utf-8")
    return root


def _stored(tmp_path, root) -> dict[tuple[str, str], tuple[str, str, str]]:
    store = open_store(str(tmp_path / "store"))
    summary = ingest(store, [site_for(root)])
    rows = csv.DictReader(io.StringIO(appearances_csv(store)))
    out = {(r["session_title"], r["person"].rsplit("/", 1)[-1]): (r["title"], r["organisation"], r["country"])
           for r in rows}
    store.close()
    return out, summary


def _previewed(root) -> dict[tuple[str, str], tuple[str, str, str]]:
    return {(r["session"], r["person"]): (r["title"], r["organisation"], r["country"])
            for r in preview(site_for(root), sample=0).rows}


def test_the_store_holds_what_the_dry_run_shows(tmp_path):
    # "Bruno da Silva Prates" (the programme, first) and "Bruno da Silva" (the sheet, after it): the sheet's record
    # is merged into the row's key, and lends it the title and organisation in the store as in the dry run
    root = _site(tmp_path)
    dry = _previewed(root)
    stored, summary = _stored(tmp_path, root)
    assert stored == dry
    assert stored[("Panel on tidal grids", "bruno-da-silva-prates")] == ("Senior Adviser", "Ministério das Marés",
                                                                         "PT")
    # the merge's reason says how the two names are one: not "same name" for two different printed names
    reason = next(r for key, _, r in summary.merges if key == "bruno-da-silva")
    assert reason == "one name a shorter form of the other, same country"


def test_a_name_only_row_joins_the_one_record_printing_another_form_of_it(tmp_path):
    # "Prof. Ngozi Eze" prints no position; the sheet's "Ngozi A. Eze" is the only record of the edition that fits
    root = _site(tmp_path)
    dry = _previewed(root)
    assert dry[("Panel on river data", "ngozi-a-eze")] == ("Professor of Hydrology", "University of Ondo Creek", "NG")
    stored, summary = _stored(tmp_path, root)
    assert stored == dry
    reason = dict((k, r) for k, _, r in summary.merges)["ngozi-eze"]
    assert reason.startswith("Ngozi Eze and Ngozi A. Eze are forms of one name")


def test_a_name_fitting_two_records_joins_neither(tmp_path):
    root = _site(tmp_path, speakers=SPEAKERS + "Ngozi B. Eze,Lecturer,Delta Polytechnic,Nigeria\n")
    dry = _previewed(root)
    assert dry[("Panel on river data", "ngozi-eze")] == ("", "", "")


def test_a_record_of_another_edition_is_no_join():
    people = People()
    people.page("ngozi-a-eze", "Ngozi A. Eze", "demo", "NG", year=2030)
    assert people.by_page("ngozi-eze", "Ngozi Eze", "demo", year=2031) is None
    assert people.by_page("ngozi-eze", "Ngozi Eze", "demo", year=2030)[0] == "ngozi-a-eze"


def test_a_patronymic_printed_in_one_form_only_is_one_person():
    # the fuller form's family name is looked for without the "bin" a match key joins to it, either order
    for first, second in (("Hakim Zulfadli bin Osman", "Hakim Zulfadli Osman"),
                          ("Hakim Zulfadli Osman", "Hakim Zulfadli bin Osman")):
        people = People()
        people.add("a", first, "MY", {"tidewater-board"})
        kept, reason = people.resolve("b", second, "MY", {"tidewater-board"})
        assert kept == "a" and "forms of one name" in reason
    people = People()  # another organisation and no country: no evidence, two people
    people.add("a", "Hakim Zulfadli bin Osman", "MY", {"tidewater-board"})
    assert people.resolve("b", "Hakim Zulfadli Osman", None, {"harbour-trust"}) == ("b", None)


def test_a_state_body_opened_by_its_countrys_adjective_is_the_body_of_that_country():
    assert organisation_key("Norwegian Ministry of Fisheries", "NO") == organisation_key("Ministry of Fisheries", "NO")
    assert organisation_key("Norwegian Ministry of Fisheries", "SE") == "norwegian-ministry-of-fisheries"
    assert organisation_key("Dutch National Police", "NL") == "national-police-nl"
    assert organisation_key("Swiss Lagoon Trust", "CH") == "swiss-lagoon-trust"  # no state body without it
