"""Drafting four site shapes new users met: a Jekyll programme nested days → rooms → talks in each edition's folder
(editions in two time zones), a German Hugo programme of a page per day in each edition's folder beside a speakers
file, a WordPress events list linking each event's JSON-LD page beside speakers' Person pages, and Spanish times
statements; made-up sites."""

from __future__ import annotations

import json

from conftest import drafted_preview
from conftest import write_files as write

from ingest.draft_data import Shape, container, edition_glob, files_of
from ingest.draft_pages import labels_in
from ingest.draft_zones import statement_zone, zone_statement


def rows(seen, *fields: str) -> set[tuple]:
    return {tuple(r[f] for f in fields) for r in seen.rows}


def parts_of(profile: dict, reader: str) -> list[dict]:
    return [p for p in profile["parts"] if p["reader"] == reader]


# --- Jekyll: days → rooms → talks in each edition's _data, each edition's own zone --------------------------------

def programme(day: str, talks: dict[str, list[tuple[str, str]]]) -> str:
    lines = ["days:", "  - name: Day 1", f"    date: {day}", "    rooms:"]
    for room, items in talks.items():
        lines += [f"      - name: {room}", "        talks:"]
        lines += [f"          - name: {title}\n            time_start: '{at}'" for title, at in items]
    return "\n".join(lines) + "\n"


def talk_page(title: str, *speakers: str) -> str:
    return f"---\nname: {title}\nspeakers: {json.dumps(list(speakers))}\n---\nA talk.\n"


def jekyll_site() -> dict[str, str]:
    return {"2031/_config.yml": "title: Kelp Sec 2031\ntimezone: Europe/Oslo\n",
            "2032/_config.yml": "title: Kelp Sec 2032\ntimezone: America/Halifax\n",
            "2031/_data/program.yml": programme("2031-05-02", {"Grand Salon": [("Tide Keys", "9:00"),
                                                                               ("Reef Logs", "10:00")],
                                                               "Sala 3": [("Buoy Hacks", "10:00"),
                                                                          ("Kelp Malware", "11:00")]}),
            "2032/_data/program.yml": programme("2032-06-07", {"Grand Salon": [("Wave Proofs", "9:30"),
                                                                               ("Shoal Crypto", "10:30")],
                                                               "Sala 3": [("Anchor Bugs", "10:30")]}),
            "2031/_talks/tide-keys.md": talk_page("Tide Keys", "Orla Fenwick"),
            "2031/_talks/reef-logs.md": talk_page("Reef Logs", "Tomo Reyes"),
            "2031/_talks/buoy-hacks.md": talk_page("Buoy Hacks", "Ilka Varga", "Ada Quist"),
            "2032/_talks/wave-proofs.md": talk_page("Wave Proofs", "Rui Salgado"),
            "2032/_talks/shoal-crypto.md": talk_page("Shoal Crypto", "Orla Fenwick")}


def test_rooms_holding_talks_are_a_level_not_people_and_each_edition_keeps_its_zone(tmp_path):
    root = write(tmp_path / "kelp", jekyll_site())
    profile, text, seen = drafted_preview(root, tmp_path, sample=0)
    records = [p for p in parts_of(profile, "records") if "program.yml" in str(p["files"])]
    assert records and {p["records"] for p in records} == {"days.*.rooms.*.talks"}
    assert {p.get("room") for p in records} == {"^.name"}
    assert not any("persons" in p for p in records)
    covered = {f for p in records for f in ([p["files"]] if isinstance(p["files"], str) else p["files"])}
    assert covered in ({"*/_data/program.yml"}, {"2031/_data/program.yml", "2032/_data/program.yml"})
    assert "timezone" not in profile["site"]  # never one edition's zone for the site
    zoned = {str(p["files"]): p.get("timezone") for p in profile["parts"] if "_talks" in str(p["files"])}
    assert zoned == {"2031/_talks/*.md": "Europe/Oslo", "2032/_talks/*.md": "America/Halifax"}
    assert not any(r["name"] in ("Grand Salon", "Sala 3") for r in seen.rows)


def test_a_level_of_rooms_is_a_container():
    talks = [{"name": "Keynote", "time_start": "9:00"}, {"name": "Panel", "time_start": "10:00"}]
    assert container("salas", [[{"name": "Sala 3"}]])
    assert container("venue_a", [[{"name": "Hall A", "talks": talks}]])
    assert not container("speakers", [[{"name": "Ann Lee", "links": [{"url": "a"}, {"url": "b"}]}]])


def test_one_glob_covers_every_editions_copy_of_a_data_file():
    files = ["2031/_data/program.yml", "2032/_data/program.yml"]
    assert edition_glob(files) == "*/_data/program.yml"
    assert files_of(Shape(files, "days", [])) == "*/_data/program.yml"
    assert files_of(Shape(files, "days", []), files + ["2030/_data/program.yml"]) == files  # another part's file


# --- German Hugo: a page per day in each edition's folder, a speakers file ---------------------------------------

def day_page(day: str, sessions: list[tuple[str, str, str]]) -> str:
    body = "\n".join(f"### {at} Uhr – {title}\n\n{label}\n" for at, title, label in sessions)
    return f'---\ntitle: "Programm {day}"\ndate: {day}\n---\n\n{body}'


def hugo_site() -> dict[str, str]:
    return {"hugo.yaml": 'title: "Forum Seegras"\ntimeZone: "Europe/Vienna"\n',
            "content/_index.md": "---\ntitle: Forum Seegras\n---\nWillkommen.\n",
            "content/2031/_index.md": "---\ntitle: Forum 2031\n---\nDas Forum 2031.\n",
            "content/2031/programm-tag-1.md": day_page("2031-03-11", [
                ("09:00", "Eröffnung", "Begrüßung: Dr. Ilka Varga, Präsidentin, Seegras e.V."),
                ("10:00", "Keynote: Salz und Netze", "Keynote: Orla Fenwick, Leiterin, Tarn Netz")]),
            "content/2031/programm-tag-2.md": day_page("2031-03-12", [
                ("09:00", "Panel: Tang im Netz", "Moderation: Tomo Reyes, Referent, Institut Wärme")]),
            "content/2032/_index.md": "---\ntitle: Forum 2032\n---\nDas Forum 2032.\n",
            "content/2032/programm-tag-1.md": day_page("2032-03-09", [
                ("09:00", "Eröffnung", "Begrüßung: Dr. Ilka Varga, Präsidentin, Seegras e.V."),
                ("11:00", "Keynote: Algen", "Keynote: Ada Quist, Direktorin, Nordamt")]),
            "data/referenten.yaml": (
                "- name: Dr. Ilka Varga\n  funktion: Präsidentin\n  organisation: Seegras e.V.\n  land: Österreich\n"
                "- name: Orla Fenwick\n  funktion: Leiterin\n  organisation: Tarn Netz\n  land: Irland\n"
                "- name: Tomo Reyes\n  funktion: Referent\n  organisation: Institut Wärme\n  land: Japan\n"
                "- name: Ada Quist\n  funktion: Direktorin\n  organisation: Nordamt\n  land: Norwegen\n")}


def test_day_pages_of_every_edition_are_one_glob_and_a_speakers_file_printed_in_pages_joins(tmp_path):
    root = write(tmp_path / "seegras", hugo_site())
    profile, text, seen = drafted_preview(root, tmp_path, sample=0)
    assert [p["files"] for p in parts_of(profile, "programme")] == ["content/*/programm-tag-*.md"]
    (people,) = [p for p in parts_of(profile, "records") if p["files"] == "data/referenten.yaml"]
    assert people["kind"] == "speakers" and people["name"] == "name"
    assert "printed in the site's pages" in text
    assert ("Ada Quist", "NO") in rows(seen, "name", "country")


# --- WordPress: an events list linking each event's page, speakers' Person pages ---------------------------------

def event_page(title: str, day: str, person: str, job: str) -> str:
    data = {"@context": "https://schema.org", "@type": "Event", "name": title, "startDate": f"{day}T10:00:00+03:00",
            "performer": [{"@type": "Person", "name": person, "jobTitle": job}]}
    return (f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
            f"<body><h1>{title}</h1><p>{person}, {job}</p></body></html>")


def person_page(name: str, job: str, org: str) -> str:
    data = {"@context": "https://schema.org", "@type": "Person", "name": name, "jobTitle": job,
            "worksFor": {"@type": "Organization", "name": org}}
    return (f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
            f"<body><h1>{name}</h1><p>{job}, {org}</p></body></html>")


EVENTS = [("Opening Keynote: Kelp Clouds", "kelp-clouds", "Orla Fenwick", "Chief Engineer"),
          ("Panel: Tidal Data", "tidal-data", "Tomo Reyes", "Research Fellow"),
          ("Fireside: Reef Rules", "reef-rules", "Ilka Varga", "Professor of Optics")]


def events_site() -> dict[str, str]:
    cards = "".join(f'<article class="event"><time datetime="2031-11-12">2031-11-12 @ {9 + i}:30 am</time>'
                    f'<h3><a href="{slug}/">{title}</a></h3><address>Coral Hall, Grand Hotel</address>'
                    f"<p>{name}, {job}</p></article>"
                    for i, (title, slug, name, job) in enumerate(EVENTS))
    site = {"events/index.html": f"<html><body><h1>Events</h1>{cards}</body></html>"}
    site.update({f"events/{slug}/index.html": event_page(title, "2031-11-12", name, job)
                 for title, slug, name, job in EVENTS})
    site.update({f"speakers/{name.lower().replace(' ', '-')}/index.html": person_page(name, job, "Sea Lab")
                 for _, _, name, job in EVENTS})
    return site


def test_an_events_list_linking_the_events_pages_is_an_index_and_person_pages_are_said(tmp_path):
    root = write(tmp_path / "coral", events_site())
    profile, text, seen = drafted_preview(root, tmp_path, sample=0)
    assert not any(p.get("files") == "events/index.html" for p in profile.get("parts", []))
    assert "events/index.html lists sessions whose titles link to pages of their own" in text
    assert "carry a schema.org Person as JSON-LD" in text
    assert not any(r["name"].startswith("Coral Hall") for r in seen.rows)


# --- times statements in other languages, role labels no role word maps --------------------------------------------

def test_times_statements_in_spanish_with_a_unicode_minus_propose_a_zone():
    said = zone_statement("Todas las horas corresponden a la hora peninsular española (CET). Programa sujeto a cambios.")
    assert said[0] == "CET"
    said = zone_statement("Hora local de Quito (UTC\u22125).")
    assert said[0] == "UTC\u22125"
    assert statement_zone(said[0], said[2], [])[0] == "America/Guayaquil"  # a capital's zone, via capitals.csv
    assert zone_statement("Horário de Brasília (UTC-3)")[0] == "UTC-3"


def spanish_page(statement: str, day: str) -> str:
    return (f"<html><body><h1>Programa</h1><p>{day}</p><p>{statement}</p>"
            "<div class='s'><p class='hora'>09:00 – 09:30 h</p><h3>Apertura</h3>"
            "<p><b>Moderadora:</b> Dra. Ilka Varga, Directora, Instituto Coral</p></div>"
            "<div class='s'><p class='hora'>10:00 – 11:00 h</p><h3>Mesa redonda: Redes</h3>"
            "<p><b>Moderador:</b> Tomo Reyes, Investigador, Centro Marea</p>"
            "<p><b>Ponentes:</b> Orla Fenwick, Ingeniera, Tarn Redes; Ada Quist, Jefa, Oficina Norte</p></div>"
            "</body></html>")


def test_editions_printing_different_zones_get_a_part_each(tmp_path):
    root = write(tmp_path / "foro", {
        "2031/programa.html": spanish_page("Todas las horas corresponden a la hora peninsular española (CET).",
                                          "12 de marzo de 2031"),
        "2032/programa.html": spanish_page("Hora local de Quito (UTC\u22125).", "10 de marzo de 2032")})
    profile, text, _ = drafted_preview(root, tmp_path, sample=0)
    zoned = {p["files"]: p.get("timezone") for p in parts_of(profile, "programme")}
    assert zoned == {"2031/programa.html": "+01:00", "2032/programa.html": "America/Guayaquil"}
    assert "timezone" not in profile["site"]


def test_labels_before_names_that_no_role_word_maps_are_hinted():
    page = ('<div><p class="rol">Acompaña:</p><p><strong>Dra. Ilka Varga</strong></p>'
            "<p><b>Sede:</b> 3 Calle Mayor</p><p><b>Moderadora:</b> Ada Quist</p></div>")
    assert labels_in(page) == {"Acompaña": 1, "Moderadora": 1}


def test_an_unmapped_label_is_a_roles_hint_in_the_draft(tmp_path):
    page = spanish_page("Todas las horas en CET.", "12 de marzo de 2031").replace(
        "<b>Moderador:</b>", "<b>Acompaña:</b>")
    root = write(tmp_path / "foro", {"programa.html": page})
    _, text, _ = drafted_preview(root, tmp_path, sample=0)
    assert "labels seen before people's names that no role word maps: Acompaña ×1" in text
    assert '# roles = { "Acompaña" = "other" }' in text
