"""Drafting new-user sites (made up): a repository of Markdown READMEs (speaker lists as headings, a year-less day,
one edition's printed zone, the front page's H1), a site in two languages (hreflang, language folders, Spanish
card classes, a time column the reader does not know), and an events plugin's REST export (start keys beside a
publish date, taxonomy terms, a venue mapping, a zone field, people in the description, nested speaker posts)."""

from __future__ import annotations

import json

from conftest import drafted_preview as previewed, part_of, write_files as write
from ingest import draft
from ingest.draft_deeper import takes_text_people


# --- a repository of READMEs --------------------------------------------------------------------------------

ROOT_README = ("# Reef Days Forum\n\n[![License](https://img.example/cc.svg)](LICENSE)\n\nAgendas and speakers of "
               "the forum, a folder per edition.\n\n| Edition | Agenda |\n|---|---|\n"
               "| 2032 | [2032](2032/README.md) |\n")
AGENDA_31 = ("# Reef Days Forum 2031\n\n**Venue:** Hall 4, Port Vella\n\n## Agenda\n\n**Day 1 (4 Mar)**\n\n"
             "| Time | Session | Speakers |\n|---|---|---|\n"
             "| 09:00 – 09:30 | **Opening remarks** | Dr. Tove Lindqvist (Reef Institute) |\n"
             "| 09:30 – 10:30 | **Panel: Coral data** | Chair: Ms Ines Okafor (Tide Lab)<br>"
             "Pavel Brodsky (Sea Grid); Dr Mara Quint (Blue Desk) |\n\n**Day 2 (5 Mar)**\n\n"
             "| Time | Session | Speakers |\n|---|---|---|\n"
             "| 10:00 – 11:00 | **Keynote: Shallow seas** | Prof. Aldo Ferran (Lagoon University) |\n")
CFP_31 = "# Call for papers 2031\n\nShort papers welcome. Deadline: **12 November 2030**.\n"
SPEAKERS_31 = ("# Speakers — Reef Days Forum 2031\n\nBiographies as sent.\n\n"
               "### Tove Lindqvist — Director of Research, Reef Institute\n\nTove studies reefs.\n\n"
               "### Ines Okafor — Head of Data, Tide Lab\n\nInes builds sensors.\n\n"
               "### Pavel Brodsky (Sea Grid, Estonia)\n\nPavel runs a grid.\n\n"
               "### Dr Mara Quint — Senior Analyst, Blue Desk\n\nMara writes.\n\n"
               "### Prof. Aldo Ferran — Professor of Marine Law, Lagoon University\n\nAldo teaches.\n")
AGENDA_32 = ("# Reef Days Forum 2032\n\nAll times are CET. Venue: Harbour Hall, Rotterdam.\n\n"
             "## Thursday 11 March 2032\n\n| Time | Session | Speakers |\n|---|---|---|\n"
             "| 09:00 – 09:45 | **Keynote: Cold water** | Dr Mara Quint (Blue Desk) |\n"
             "| 10:00 – 11:00 | **Panel: Ports** | Moderator: Ms Ines Okafor (Tide Lab)<br>Pavel Brodsky (Sea Grid)"
             "<br>Lena Stroud (Dock Works) |\n")
SPEAKERS_32 = ("# Speakers 2032\n\n### Dr Mara Quint — Head of Forecasting, Blue Desk\n\nBio.\n\n"
               "### Ines Okafor — Director, Tide Lab\n\nBio.\n\n"
               "### Pavel Brodsky — Chief Engineer, Sea Grid\n\nBio.\n\n"
               "### Lena Stroud — Harbour Master, Dock Works\n\nBio.\n")


def readmes() -> dict[str, str]:
    return {"README.md": ROOT_README, "CONTRIBUTING.md": "# Contributing\n\nOpen a pull request.\n",
            "2031/README.md": AGENDA_31, "2031/cfp.md": CFP_31, "2031/speakers.md": SPEAKERS_31,
            "2032/README.md": AGENDA_32, "2032/speakers.md": SPEAKERS_32}


def test_speaker_lists_printed_as_headings_are_a_speakers_cards_part(tmp_path):
    profile, text, seen = previewed(write(tmp_path / "site", readmes()), tmp_path)
    people = part_of(profile, "speakers.md")
    assert people == {"files": "*/speakers.md", "reader": "cards", "card": "h3", "person": "h3", "kind": "speakers"}
    assert "speak in the sessions the other parts read" in text
    rows = {(r["name"], r["session"][:12]): r for r in seen.rows}
    assert rows[("Pavel Brodsky", "Panel: Coral")]["country"] == "EE"  # "(Sea Grid, Estonia)" on the 2031 list
    assert rows[("Ines Okafor", "Panel: Ports")]["title"] == "Director"  # each edition's own list
    assert rows[("Ines Okafor", "Panel: Coral")]["title"] == "Head of Data"


def test_the_front_pages_h1_names_the_site(tmp_path):
    profile, text, _ = previewed(write(tmp_path / "site", readmes()), tmp_path)
    assert (profile["site"]["series"], profile["site"]["name"]) == ("reef-days-forum", "Reef Days Forum")
    assert "README.md, the front page, is headed 'Reef Days Forum'" in text


def test_a_year_less_day_on_the_programme_beats_another_pages_date_of_another_year(tmp_path):
    files = readmes()
    files["2031/README.md"] = AGENDA_31.replace("**Day 1 (4 Mar)**\n\n", "**Day 1 (4 Mar)**\n\nBreakfast first.\n\n"
                                                ).replace("| Time |", "| Hour |")  # a programme the reader dates not
    profile, text, _ = previewed(write(tmp_path / "site", files), tmp_path)
    old = part_of(profile, "2031/README.md")
    assert old.get("default_date") == "2031-03-04" and "2030-11-12" not in text
    assert "'Day 1 (4 Mar)'" in text
    files["2031/README.md"] = files["2031/README.md"].replace("**Day 1 (4 Mar)**", "").replace("**Day 2 (5 Mar)**", "")
    profile, text, _ = previewed(write(tmp_path / "bare" / "site", files), tmp_path)
    # no day of 2031 printed anywhere: the call for papers' 2030 deadline is named, never proposed
    assert '# default_date = "YYYY-MM-DD"' in text and '"2030-11-12"' not in text and "another year's" in text


def test_a_zone_one_editions_page_prints_goes_on_that_editions_part_only(tmp_path):
    profile, text, seen = previewed(write(tmp_path / "site", readmes()), tmp_path)
    assert "timezone" not in profile["site"]
    assert part_of(profile, "2032/README.md")["timezone"] == "+01:00"
    assert "timezone" not in part_of(profile, "2031/README.md")
    assert "the pages of 2031 print no zone: this edition's parts only" in text
    starts = {r["date"] for r in seen.rows}
    assert "2032-03-11 09:00:00+01:00" in starts and "2031-03-04 09:00:00" in starts


# --- a site in two languages -----------------------------------------------------------------------------------

def html(lang: str, title: str, body: str, alternate: str = "") -> str:
    link = f'<link rel="alternate" hreflang="{alternate[0]}" href="{alternate[1]}">' if alternate else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><title>{title} | Foro del Arrecife</title>{link}</head>\n'
            f"<body><main>{body}</main></body></html>\n")


PROGRAMA = ("<h1>Programa 2031</h1><p>Valparaíso · 6 de mayo de 2031</p><table><thead><tr><th>Día</th><th>Hora</th>"
            "<th>Sesión</th></tr></thead><tbody><tr><td rowspan='3'>Martes 6 de mayo de 2031</td>"
            "<td>09:00 – 09:30</td><td><strong>Apertura</strong><br>Palabras de apertura:<br>Sra. Rosa Ibarra Soto, "
            "Directora, Agencia del Mar (Chile)</td></tr><tr><td>09:30 – 10:30</td>"
            "<td><strong>Panel: Datos del arrecife</strong><br>"
            "Moderador:<br>Sr. Tomás Vidal Rey, Editor, Diario Costero<br>Panelistas:<br>Dra. Elena Paz Mora, "
            "Investigadora, Instituto Marino (Perú)<br>Ing. Bruno Lagos, Gerente, Redes del Sur</td></tr>"
            "<tr><td>10:30 – 11:00</td><td><em>Pausa café</em></td></tr></tbody></table>")
PROGRAMME = (PROGRAMA.replace("Programa", "Programme").replace("Hora", "Time").replace("Palabras de apertura",
             "Opening remarks").replace("Moderador", "Moderator").replace("Panelistas", "Panellists"))
PONENTES = ("<h1>Ponentes 2031</h1>" + "".join(
    f'<div class="ponente"><h3>{n}</h3><p class="cargo">{c}</p><p class="entidad">{e}</p></div>'
    for n, c, e in (("Sra. Rosa Ibarra Soto", "Directora", "Agencia del Mar"),
                    ("Sr. Tomás Vidal Rey", "Editor", "Diario Costero"),
                    ("Dra. Elena Paz Mora", "Investigadora", "Instituto Marino"),
                    ("Ing. Bruno Lagos", "Gerente", "Redes del Sur"))))


def two_languages() -> dict[str, str]:
    return {"index.html": html("es", "Inicio", "<h1>Foro del Arrecife</h1>"),
            "2031/es/programa/index.html": html("es", "Programa 2031", PROGRAMA, ("en", "/2031/en/programme/")),
            "2031/en/programme/index.html": html("en", "Programme 2031", PROGRAMME, ("es", "/2031/es/programa/")),
            "2031/es/ponentes/index.html": html("es", "Ponentes 2031", PONENTES)}


def test_one_language_is_read_and_the_others_are_excluded(tmp_path):
    profile, text, seen = previewed(write(tmp_path / "arrecife", two_languages()), tmp_path)
    assert profile["site"]["exclude"] == ["2031/en/**"]
    assert "read in one (es: the front page index.html is in it) so that no appearance counts twice" in text
    assert not any("en/" in str(p["files"]) for p in profile["parts"])
    rows = [(r["session"], r["name"]) for r in seen.rows]
    assert len(rows) == len(set(rows)) == 4 and ("Panel: Datos del arrecife", "Elena Paz Mora") in rows


def test_hreflang_alone_excludes_the_other_languages_page(tmp_path):
    files = {"programa.html": two_languages()["2031/es/programa/index.html"],
             "programme.html": two_languages()["2031/en/programme/index.html"].replace('lang="en"', 'lang="en-GB"')}
    profile, text, seen = previewed(write(tmp_path / "arrecife", files), tmp_path)
    assert profile["site"]["exclude"] == ["programme.html"]  # first in path order: programa.html, Spanish
    assert "programme.html is in en (<html lang>), a version of a page in es (hreflang)" in text
    assert {r["session"] for r in seen.rows} == {"Apertura", "Panel: Datos del arrecife"}


def test_card_classes_in_spanish_give_title_and_organisation(tmp_path):
    profile, _, seen = previewed(write(tmp_path / "arrecife", two_languages()), tmp_path)
    cards = part_of(profile, "ponentes")
    assert (cards["title"], cards["organisation"], cards.get("position")) == ("p.cargo", "p.entidad", None)
    assert cards["kind"] == "speakers"


def test_an_html_programme_whose_time_column_the_reader_does_not_know(tmp_path):
    page = html("de", "Programm", PROGRAMA.replace("<th>Día</th><th>Hora</th>", "<th>Tag</th><th>Uhr</th>"))
    profile, text, seen = previewed(write(tmp_path / "riff", {"programm.html": page}), tmp_path)
    (part,) = profile["parts"]
    assert (part["reader"], part["time_column"]) == ("programme", "Uhr")
    assert "a header the reader does not know" in text
    assert {r["name"] for r in seen.rows} >= {"Rosa Ibarra Soto", "Tomás Vidal Rey", "Elena Paz Mora"}


# --- an events plugin's REST export ---------------------------------------------------------------------------

def event(n: int, title: str, day: str, start: str, end: str, category: str, description: str) -> dict:
    return {"id": 900 + n, "date": "2030-12-01 10:0%d:00" % n, "modified": "2031-01-02 08:00:00",
            "title": title, "description": description, "slug": f"event-{n}",
            "start_date": f"{day} {start}:00", "end_date": f"{day} {end}:00", "timezone": "Pacific/Auckland",
            "categories": [{"name": category, "slug": category.lower(), "taxonomy": "tribe_events_cat",
                            "count": 3, "parent": 0}],
            "venue": {"id": 41, "venue": "Quay Hall, Level 2", "address": "1 Wharf Road", "city": "Nelson"}}


EVENTS = [
    event(1, "Opening", "2031-09-08", "09:00", "09:30", "Plenary",
          "<p><strong>Welcome Remarks:</strong> <a href='/speakers/ana-ruiz/'>Ms Ana Ruiz</a>, Chair, Quay Trust</p>"),
    event(2, "Panel: Harbour sensors", "2031-09-08", "10:00", "11:00", "Panel",
          "<p>Three views.</p><p><strong>Moderator:</strong> Mr Ivo Kent, Editor, Port Post</p><p><strong>Panellists:"
          "</strong></p><ul><li><a href='/speakers/bea-lund/'>Dr Bea Lund</a>, Director, Tide Lab</li>"
          "<li><a href='/speakers/cal-moss/'>Mr Cal Moss</a>, Engineer, Dock Works</li></ul>"),
    event(3, "Coffee", "2031-09-08", "11:00", "11:30", "Break", "<p>Tea &amp; coffee.</p>"),
    event(4, "Keynote: Deep water", "2031-09-09", "09:00", "09:45", "Keynote",
          "<p><a href='/speakers/bea-lund/'>Dr Bea Lund</a></p><p><strong>Chair:</strong> Mr Ivo Kent, Editor, "
          "Port Post</p>")]
SPEAKER_POSTS = [{"id": 70 + i, "date": "2030-11-01T10:00:00", "slug": slug, "type": "speakers",
                  "link": f"https://quay.example/speakers/{slug}/", "title": {"rendered": name},
                  "content": {"rendered": "", "protected": False},
                  "acf": {"job_title": job, "organisation": org, "country": country}}
                 for i, (slug, name, job, org, country) in enumerate((
                     ("ana-ruiz", "Ms Ana Ruiz", "Chair", "Quay Trust", "New Zealand"),
                     ("bea-lund", "Dr Bea Lund", "Director", "Tide Lab", "Norway"),
                     ("cal-moss", "Mr Cal Moss", "Engineer", "Dock Works", "Chile")))]


def rest_export() -> dict[str, str]:
    return {"wp-json/tribe/events/v1/events/page-1.json": json.dumps({"events": EVENTS[:2], "total": 4}),
            "wp-json/tribe/events/v1/events/page-2.json": json.dumps({"events": EVENTS[2:], "total": 4}),
            "wp-json/wp/v2/speakers.json": json.dumps(SPEAKER_POSTS)}


def test_a_key_named_for_the_start_beats_the_publish_date(tmp_path):
    profile, _, seen = previewed(write(tmp_path / "quay", rest_export()), tmp_path)
    events = part_of(profile, "events")
    assert (events["start"], events["end"]) == ("start_date", "end_date") and "date" not in events
    assert "2031-09-09 09:00:00+12:00" in {r["date"] for r in seen.rows}  # not 2030-12-01, the post's date


def test_taxonomy_terms_are_no_people_and_mappings_give_their_name(tmp_path):
    profile, text, _ = previewed(write(tmp_path / "quay", rest_export()), tmp_path)
    events = part_of(profile, "events")
    assert events.get("persons") != "categories" and "person" not in events
    assert (events["room"], events["format"]) == ("venue.venue", "categories.0.name")  # Panel, Keynote: roles


def test_a_zone_field_gives_the_parts_timezone(tmp_path):
    profile, text, _ = previewed(write(tmp_path / "quay", rest_export()), tmp_path)
    assert part_of(profile, "events")["timezone"] == "Pacific/Auckland"
    assert "timezone" not in profile["site"] and 'timezone = "Area/City"' not in text


def test_people_in_a_description_and_speaker_posts_with_nested_fields(tmp_path):
    if not takes_text_people():
        return  # the records reader reads no text field for people in this version
    profile, _, seen = previewed(write(tmp_path / "quay", rest_export()), tmp_path)
    events, people = part_of(profile, "events"), part_of(profile, "speakers.json")
    assert events["persons_text"] == "description" and "persons_are" not in events
    assert {k: people.get(k) for k in ("kind", "id", "name", "position", "organisation", "country",
                                       "link_template")} == {
        "kind": "speakers", "id": "slug", "name": "title.rendered", "position": "acf.job_title",
        "organisation": "acf.organisation", "country": "acf.country", "link_template": "/speakers/{id}/"}
    rows = {(r["session"], r["name"]): r for r in seen.rows}
    assert rows[("Panel: Harbour sensors", "Cal Moss")]["country"] == "CL"  # from the speaker post, by its link
    assert rows[("Panel: Harbour sensors", "Ivo Kent")]["role"] == "moderator"


def test_jsonld_pages_are_named_for_microdata_too():
    (one,) = draft.exports_parts({"a.html": "jsonld"}, False)
    (two,) = draft.exports_parts({"a.html": "jsonld", "b.html": "jsonld"}, False)
    assert "as JSON-LD or microdata" in one.why[0] and "as JSON-LD or microdata" in two.why[0]
