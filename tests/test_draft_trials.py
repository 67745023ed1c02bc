"""Drafting what new-user trials on invented sites lost: a field under two keys, a speakers CSV beside JSON
timetables, spreadsheet programmes (a "Speaker" column, "14-Jun-2031", "Day 1 – 4 June"), a cards glob taking in the
agenda, a table of speakers, the site's configured time zone, one speaker per data file, role words, the series."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from conftest import write_files as write
from ingest import draft
from ingest.loader import site_for
from ingest.preview import preview


def previewed(root: Path, tmp_path: Path) -> tuple[dict, str, object]:
    """The drafted profile (data and text) and what its dry run finds (every row)."""
    text = draft.render(draft.settle(draft.draft(root)))
    path = tmp_path / f"{root.name}.toml"
    path.write_text(text, encoding="utf-8")
    return tomllib.loads(text), text, preview(site_for(root, profile_path=path), sample=0)


def rows(seen, *fields: str) -> set[tuple]:
    return {tuple(r[f] for f in fields) for r in seen.rows}


# --- a records part: one field under two keys; a speakers CSV joined by name ---------------------------------

def person(first: str, last: str, **more) -> dict:
    return {"first_name": first, "last_name": last, **more}


def moment(clock: str) -> dict:
    return {"date": "2031-04-12", "time": clock, "tz": "Europe/Vienna"}


TIMETABLE = {  # an Indico-like timetable: day -> entry, people under two spellings of the organisation key
    "20310412": {
        "a1": {"title": "Grid storage", "startDate": moment("09:00:00"), "endDate": moment("09:40:00"),
               "presenters": [person("Orla", "Fenwick", affiliation="Tarn Power"),
                              person("Ivo", "Markel", affiliation="Lindqvist Lab")]},
        "a2": {"title": "Pipelines east", "startDate": moment("10:00:00"), "endDate": moment("10:40:00"),
               "presenters": [person("Ada", "Quist", affiliation="Borealis Gas"),
                              person("Tomo", "Reyes", institution="Institute of Heat")]},
        "a3": {"title": "Hydrogen valleys", "startDate": moment("11:00:00"), "endDate": moment("11:40:00"),
               "presenters": [person("Lene", "Sorvik", institution="Fjord University"),
                              person("Piet", "Aalders", affiliation="Delta Grid")]},
    }
}


def test_a_field_under_two_keys_is_a_list_of_them_most_filled_first(tmp_path):
    root = write(tmp_path / "dialogues", {"timetable-2031.json": json.dumps(TIMETABLE)})
    profile, text, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert part["person"]["organisation"] == ["affiliation", "institution"]  # not the first in a fixed order
    assert "'affiliation' 4, 'institution' 2" in text
    assert rows(seen, "name", "organisation") >= {("Tomo Reyes", "Institute of Heat"), ("Ivo Markel", "Lindqvist Lab")}


def test_a_speakers_csv_beside_json_timetables_is_joined_by_name(tmp_path):
    speakers = ("name,position,country\nOrla Fenwick,\"Chief Engineer, Tarn Power\",Ireland\n"
                "Tomo Reyes,\"Research Fellow, Institute of Heat\",Japan\nAda Quist,,Norway\n")
    root = write(tmp_path / "dialogues", {"timetable-2031.json": json.dumps(TIMETABLE), "speakers.csv": speakers})
    profile, _, seen = previewed(root, tmp_path)
    (people,) = [p for p in profile["parts"] if p["files"] == "speakers.csv"]
    assert (people["kind"], people["name"], people["position"], people["country"]) == (
        "speakers", "name", "position", "country")
    assert people["position_pattern"] == ["Title, Org"]  # no organisation key: the title carries it
    assert ("Orla Fenwick", "Chief Engineer", "IE") in rows(seen, "name", "title", "country")


# --- spreadsheet programmes ----------------------------------------------------------------------------------

SHEET_2031 = """Date,Start,End,Track,Session,Role,Speaker,Job Title,Company
14-Jun-2031,09:00,09:30,Main,Welcome Address,Opening remarks,Ms Ilka Varga,Managing Director,Nordic Fibre Forum
14-Jun-2031,10:00,11:00,Main,Cables under the Baltic,Moderator,Dr Anna Lind,Senior Researcher,Kesk University
,,,,,Panellist,Jon Ekberg,Network Architect,Fjordnet
14-Jun-2031,10:00,10:45,Data,Trustworthy pipelines,Speaker,Rui Salgado,Chief Data Officer,Banco Austral
15-Jun-2031,09:30,10:15,Main,Fintech without borders,Speaker,Noor Haddad,CTO,Payvale
"""


def test_a_row_per_person_sheet_with_a_speaker_column(tmp_path):
    root = write(tmp_path / "forum", {"programme-2031.csv": SHEET_2031})
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert (part["persons"], part["person"]["name"], part["title"]) == ("", "Speaker", "Session")
    assert part["date_format"] == "%d-%b-%Y"
    assert ("2031-06-14", "Cables under the Baltic", "Jon Ekberg", "Network Architect") in {
        (r["date"][:10], r["session"], r["name"], r["title"]) for r in seen.rows}
    assert len(seen.rows) == 5


def test_a_speaker_name_column_stays_the_persons_name(tmp_path):
    sheet = ("Date;From;To;Session title;Role;Speaker name;Affiliation\n"
             "04/06/2031;09:00;09:40;Keynote: Open networks;Keynote speaker;Mara Olsen;Tallin Telecom\n"
             "04/06/2031;10:00;11:00;Panel on the last mile;Moderator;Ivo Stern;Daily Wire\n"
             "04/06/2031;10:00;11:00;Panel on the last mile;Panellist;Ruth Abara;Lagos Link\n")
    root = write(tmp_path / "forum", {"programme_2031.csv": sheet})
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert part["persons"] == "" and part["person"]["name"] == "Speaker name"  # not taken twice, and so skipped
    assert rows(seen, "name", "organisation") == {("Mara Olsen", "Tallin Telecom"), ("Ivo Stern", "Daily Wire"),
                                                  ("Ruth Abara", "Lagos Link")}


def test_dates_printed_after_a_day_label_without_a_year(tmp_path):
    sheet = ("Day,Time,Stage,Title,Speakers\n"
             "Day 1 – 4 June,09:00-09:45,Hall A,Opening keynote,Mara Olsen (Tallin Telecom)\n"
             "Day 1 – 4 June,10:00-11:00,Hall A,Open banking,Ivo Stern (Daily Wire)\n"
             "Day 2 – 5 June,09:30-10:30,Hall B,Supply chains,Ruth Abara (Lagos Link)\n")
    root = write(tmp_path / "forum", {"2031_agenda.csv": sheet})
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert part["date_format"] == ["Day 1 – %d %B", "Day 2 – %d %B"] and part["year_from"] == "path"
    assert rows(seen, "date", "name") == {("2031-06-04 09:00:00", "Mara Olsen"), ("2031-06-04 10:00:00", "Ivo Stern"),
                                          ("2031-06-05 09:30:00", "Ruth Abara")}


# --- HTML: the agenda beside speaker cards, a table of speakers ----------------------------------------------

CARDS = "".join(f'<div class="speaker-card"><h3>{n}</h3><p class="position">{t}</p><p class="company">{c}</p></div>\n'
                for n, t, c in (("Ann Vale", "Director", "Kestrel Labs"), ("Bo Linde", "Analyst", "Fjord Bank"),
                                ("Cy Oduya", "Professor", "Lakeside University")))
AGENDA = "<html><body><h1>Agenda 2031</h1><h2>Tuesday 13 May 2031</h2>\n" + "".join(
    f'<div class="agenda-item"><span class="time">{t}</span><h4>{title}</h4>'
    f'<p class="speakers"><strong>{who}</strong>, Chief Officer, Harbour Works</p></div>\n'
    for t, title, who in (("09:00 – 09:30", "Opening remarks", "Dr. Una Ruiz"), ("10:00 – 11:00", "Ports and cables",
                                                                                 "Tom Vane"),
                          ("11:30 – 12:15", "Grid security", "Lea Moss"))) + "</body></html>"


def test_a_cards_glob_never_takes_in_the_agenda(tmp_path):
    root = write(tmp_path / "summit", {
        "2031/speakers.html": "<html><body><h1>Speakers</h1><p>13 May 2031</p>" + CARDS + "</body></html>",
        "2031/agenda.html": AGENDA})
    profile, _, seen = previewed(root, tmp_path)
    readers = {p["files"]: p["reader"] for p in profile["parts"]}
    assert readers == {"2031/speakers.html": "cards", "2031/agenda.html": "programme"}
    assert {"Una Ruiz", "Tom Vane", "Lea Moss"} <= {r["name"] for r in seen.rows}


def test_a_table_of_speakers_is_a_cards_part(tmp_path):
    table = ('<figure class="wp-block-table roster"><table class="has-fixed-layout"><thead><tr><th>Name</th>'
             '<th>Affiliation</th><th>Country</th></tr></thead><tbody>' + "".join(
                 f"<tr><td>{n}</td><td>{o}</td><td>{c}</td></tr>" for n, o, c in (
                     ("Kwesi Mensah", "Coastal Forum", "Ghana"), ("Dr. Ilse Borg", "Ministry of Defence", "Latvia"),
                     ("Chloé Marchetti", "Credit Atlantique", "France"))) + "</tbody></table></figure>")
    cookie = ('<div class="cookie-banner"><table><tr><th>Name</th><th>Duration</th></tr>'
              + "".join(f"<tr><td>cookie {i}</td><td>1 year</td></tr>" for i in range(3)) + "</table></div>")
    root = write(tmp_path / "summit", {"2031/speakers.html": "<html><body><h1>Speakers</h1><p>13 May 2031</p>"
                                       + table + cookie + "</body></html>"})
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert (part["reader"], part["card"], part["name"], part["organisation"], part["country"]) == (
        "cards", "figure.roster table tr:has(td)", "td:nth-child(1)", "td:nth-child(2)", "td:nth-child(3)")
    assert rows(seen, "name", "organisation", "country") == {
        ("Kwesi Mensah", "Coastal Forum", "GH"), ("Ilse Borg", "Ministry of Defence", "LV"),
        ("Chloé Marchetti", "Credit Atlantique", "FR")}


# --- the time zone a site's configuration names -------------------------------------------------------------

POST = """---
layout: post
title: "Forum {y} – Norms in practice"
date: {y}-07-09 09:00:00 -0400
---

**Thursday 9 July {y} · Room A · 09:30–12:00**

**09:30 – 09:45** Welcome

*Chair*: Ms. Ana Lima, Executive Director, Lakeside Institute

**10:00 – 11:30** Panel: Norms at home

Speakers:
* Mr. Kofi Owusu, Adviser, Accra Policy Lab
* Dr Lea Brandt (Cyber Council, Austria)

**11:30 – 12:00** Closing remarks

Remarks: Ms. Ana Lima, Executive Director, Lakeside Institute
"""


def test_a_jekyll_configuration_names_the_time_zone(tmp_path):
    root = write(tmp_path / "forum", {"_config.yml": "title: Lakeside Forum\ntimezone: America/New_York\n",
                                      **{f"_posts/{y}-07-09-forum.md": POST.format(y=y) for y in (2031, 2032)}})
    profile, text, _ = previewed(root, tmp_path)
    assert profile["site"]["timezone"] == "America/New_York" and "_config.yml says timezone" in text


SESSION = """---
title: "{title}"
date: 2031-09-12T{hour}:00:00+01:00
speakers: [{ids}]
---
"""


def hugo_site() -> dict[str, str]:
    """Two editions, a Hugo site each: 2031 with a data file per speaker, 2032 with one speakers file; the 2032 file
    holds some of the 2031 speakers too."""
    people = {"ann-vale": ("Ann Vale", "Dr", "Editor", "Foss Weekly", "Sweden"),
              "bo-linde": ("Bo Linde", "", "Engineer", "Kestrel", "Norway"),
              "cy-oduya": ("Cy Oduya", "Prof.", "Dean", "Rheinfels", "Germany"),
              "di-moss": ("Di Moss", "", "Founder", "Commons Fund", "Kenya")}
    files = {"2031/config.toml": 'title = "Freeflow 2031 — Lisbon"\ntimeZone = "Europe/Lisbon"\n',
             "2032/config.toml": 'title = "Freeflow 2032 · Vienna"\ntimeZone = "Europe/Vienna"\n'}
    for slug, (name, honorific, title, company, country) in people.items():
        files[f"2031/data/speakers/{slug}.yaml"] = (
            f"name: {name}\n" + (f"honorific: \"{honorific}\"\n" if honorific else "")
            + f"title: {title}\ncompany: {company}\ncountry: {country}\n")
    for i, (title, ids) in enumerate((("Commons keynote", "ann-vale"), ("Kernel talk", "bo-linde, cy-oduya"),
                                      ("Funding panel", "di-moss, ann-vale"))):
        files[f"2031/content/sessions/s{i}.md"] = SESSION.format(title=title, hour=10 + i, ids=ids)
    files["2032/data/speakers.json"] = json.dumps([
        {"id": slug, "name": p[0], "title": "Senior " + p[2], "company": p[3]} for slug, p in people.items()
        if slug != "di-moss"])
    files["2032/data/schedule.json"] = json.dumps({"days": [{"date": "2032-09-18", "slots": [
        {"start": "09:00", "end": "09:45", "talks": [{"id": "k1", "title": "Opening", "speakers": ["ann-vale"]}]},
        {"start": "10:00", "end": "10:45", "talks": [{"id": "t1", "title": "Kernels", "speakers": ["bo-linde"]}]}]}]})
    return files


def test_edition_folders_each_configure_their_time_zone(tmp_path):
    root = write(tmp_path / "freeflow", hugo_site())
    profile, text, seen = previewed(root, tmp_path)
    zones = {p["files"]: p.get("timezone", profile["site"].get("timezone")) for p in profile["parts"]}
    assert zones["2031/content/sessions/*.md"] == "Europe/Lisbon"
    assert zones["2032/data/schedule.json"] == "Europe/Vienna"
    assert "2032/config.toml says timezone: Europe/Vienna" in text
    assert ("2032-09-18 09:00:00+02:00", "Ann Vale") in rows(seen, "date", "name")  # Vienna's summer time


def test_a_data_file_per_speaker_is_its_editions_speakers_part(tmp_path):
    root = write(tmp_path / "freeflow", hugo_site())
    profile, text, seen = previewed(root, tmp_path)
    parts = {p["files"]: p for p in profile["parts"]}
    yaml = parts["2031/data/speakers/*.yaml"]
    assert (yaml["kind"], yaml["name"], yaml["position"], yaml["honorific"], yaml["country"]) == (
        "speakers", "name", "title", "honorific", "country")
    assert "the link of the speaker records in 2031/data/speakers/*.yaml" in text  # its own edition's, not 2032's
    assert ("Commons keynote", "Ann Vale", "Editor", "Foss Weekly", "2031/data/speakers/ann-vale.yaml", "SE") \
        in rows(seen, "session", "name", "title", "organisation", "source", "country")
    assert ("Opening", "Ann Vale", "Senior Editor") in rows(seen, "session", "name", "title")


# --- role words and the series ---------------------------------------------------------------------------------

def test_role_words_are_role_labels_not_headers_or_titles(tmp_path):
    page = ("---\ntitle: Forum 2031\ndate: 2031-05-04\n---\n# Speakers 2031\n\n"
            "**09:00 – 09:30 | Opening**\nKeynote address: Dr Ana Lima, Director, Lakeside Institute\n\n"
            "**10:00 – 11:00 | Norms**\nKeynote address: Kofi Owusu, Adviser, Accra Policy Lab\n")
    sheet = "Date,Start,Session,Speaker name\n2031-05-05,09:00,Opening,Ann Vale\n2031-05-05,10:00,Norms,Bo Linde\n"
    root = write(tmp_path / "forum", {"_posts/2031-05-04-forum.md": page, "day2.csv": sheet})
    profile, text, _ = previewed(root, tmp_path)
    words = next(line for line in text.splitlines() if line.startswith("# role words seen"))
    assert "Keynote address ×2" in words
    assert "addres " not in words and "Speakers 2031" not in words and "Speaker name" not in words


def test_the_series_of_a_site_folder_is_what_ingest_uses(tmp_path):
    root = write(tmp_path / "harbour-forum" / "site", {"speakers.csv": "name,company\nAnn Vale,Acme\nBo Linde,Globex\n",
                                                       "agenda.md": "## 09:00 Opening\n- Ann Vale, Acme\n"})
    profile, text, seen = previewed(root, tmp_path)
    assert profile["site"]["series"] == "harbour-forum"  # written, not a comment ingest would not read
    assert "ingest names the series after the folder: 'site'" in text and seen.series == "harbour-forum"


def test_the_series_from_page_titles_with_html_entities(tmp_path):
    pages = {f"2031/{p}.html": f"<html><head><title>{t} 2031 &#8211; Harbour Forum</title></head><body><h1>{t}</h1>"
             f"<p>13 May 2031</p>{CARDS}</body></html>" for p, t in (("speakers", "Speakers"), ("team", "Team"))}
    root = write(tmp_path / "site", pages)
    profile, _, _ = previewed(root, tmp_path)
    assert profile["site"]["series"] == "harbour-forum" and profile["site"]["name"] == "Harbour Forum"
