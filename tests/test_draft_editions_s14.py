"""Drafting across editions: day folders of two editions, a day folder with no page a reader recognises, and a data
page of the current edition at the root beside an archived edition's folder (made-up sites)."""

import json

from ingest.draft import draft, glob_match
from ingest.draft_values import as_list


def _session(title: str, day: str, printed: bool, people: tuple[str, str]) -> str:
    """A session page: a front-matter date, a panel table, and the date as a line of text when ``printed``."""
    line = f"**{day} (Tuesday)**  \n*Time: 9.00am to 10.30am (GMT+8)*\n\n" if printed else ""
    rows = "".join(f"| [{p}](/speakers/{i}/) | *Director* <br>Tidewater Agency<br>Norway |\n"
                   for i, p in enumerate(people))
    return (f"---\ntitle: {title}\npermalink: /events/{title.lower().replace(' ', '-')}/\nthird_nav_title: {day}\n"
            f"---\n#### **{title}**\n\n{line}A made-up session on tidal energy.\n\n"
            f"|**Speakers** | |\n{rows}")


def _site(tmp_path, pages: dict[str, tuple]) -> None:
    for rel, args in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(_session(*args))


def _parts(tmp_path):
    return [p for p in draft(tmp_path).parts if not p.comment_only]


def test_day_folders_of_two_editions_get_one_glob_taking_in_the_next(tmp_path):
    _site(tmp_path, {
        "_2031-events/4 May 2031/a.md": ("Opening Talk", "4 May 2031", True, ("Dr Olga Vantris", "Mr Pell Osgood")),
        "_2031-events/5 May 2031/b.md": ("Reef Talk", "5 May 2031", True, ("Ms Rana Quill", "Mr Tobin Hale")),
        "_2032-events/30 April 2032/c.md": ("Dune Talk", "30 April 2032", True, ("Dr Ilse Marrow", "Mr Ajax Pruitt")),
    })
    for name in ("Dr Olga Vantris", "Ms Rana Quill"):  # speaker pages: a part of their own, so sicw needs one too
        (tmp_path / "_2031-speakers").mkdir(exist_ok=True)
        (tmp_path / "_2031-speakers" / f"{name}.md").write_text(
            f"---\ntitle: {name}\ncompany: Tidewater Agency\nrole: Director\n---\nA made-up biography.\n")
    files = next(p.get("files") for p in _parts(tmp_path) if p.get("reader") == "sicw")
    assert files == "_*-events/*/*.md"  # not the three day folders listed
    assert glob_match("_2033-events/2 May 2033/x.md", [files])  # next year's day folder is read by the saved profile


def test_day_folder_with_no_recognised_page_is_read_by_the_reader_that_reads_it(tmp_path):
    _site(tmp_path, {
        "_2031-events/4 May 2031/a.md": ("Opening Talk", "4 May 2031", True, ("Dr Olga Vantris", "Mr Pell Osgood")),
        "_2031-events/4 May 2031/b.md": ("Reef Talk", "4 May 2031", True, ("Ms Rana Quill", "Mr Tobin Hale")),
        # no date line printed: the sicw reader does not recognise these, but reads their people
        "_2032-events/9 May 2032/c.md": ("Dune Panel", "9 May 2032", False, ("Dr Ilse Marrow", "Mr Ajax Pruitt")),
        "_2032-events/9 May 2032/d.md": ("Cliff Panel", "9 May 2032", False, ("Ms Fenna Drol", "Mr Caspar Wendt")),
    })
    parts = _parts(tmp_path)
    for page in ("_2032-events/9 May 2032/c.md", "_2032-events/9 May 2032/d.md"):
        assert any(glob_match(page, as_list(p.get("files"))) for p in parts), page


def _next_page(sessions: list[dict]) -> str:
    data = json.dumps({"props": {"pageProps": {"sessions": sessions}}})
    return (f"<!DOCTYPE html><html><head><title>Agenda | Fjordline Forum</title></head><body><div id=\"__next\"></div>"
            f"<script id=\"__NEXT_DATA__\" type=\"application/json\">{data}</script></body></html>")


def _talk(n: int, year: int, people: list[tuple[str, str, str]]) -> dict:
    return {"id": f"{year}-{n}", "title": f"Harbour Talk {n}", "start": f"{year}-10-0{n}T09:00:00+02:00",
            "end": f"{year}-10-0{n}T10:00:00+02:00",
            "speakers": [{"name": p, "jobTitle": t, "company": c, "role": "panelist"} for p, t, c in people]}


def test_options_learnt_from_the_current_edition_carry_to_the_archived_one(tmp_path):
    current = [_talk(1, 2032, [("Olga Vantris", "Minister of Tides, Ministry of the Sea", ""),
                               ("Pell Osgood", "Director", "Harbour Board")]),
               _talk(2, 2032, [("Rana Quill", "Chief Officer, Port of Nowhere", ""),
                               ("Tobin Hale", "Engineer", "Dune Works")])]
    archived = [_talk(1, 2031, [("Ilse Marrow", "Director", "Reef Lab"), ("Ajax Pruitt", "Analyst", "Cliff Co")]),
                _talk(2, 2031, [("Fenna Drol", "Professor", "Sand University"), ("Caspar Wendt", "Chair", "Gull")])]
    for rel, sessions in (("agenda/index.html", current), ("2031/agenda/index.html", archived)):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(_next_page(sessions))
    parts = [p for p in _parts(tmp_path) if p.get("reader") == "records"]
    for page in ("agenda/index.html", "2031/agenda/index.html"):
        reading = [p for p in parts if glob_match(page, as_list(p.get("files")))]
        assert reading and all(p.get("position_pattern") for p in reading), page
    assert any(glob_match("2032/agenda/index.html", as_list(p.get("files"))) for p in parts)  # next year's archive


def test_a_data_file_at_the_root_and_in_a_year_folder_is_one_part(tmp_path):
    talks = {2032: [("Olga Vantris", "Pell Osgood"), ("Rana Quill", "Tobin Hale")],
             2031: [("Ilse Marrow", "Ajax Pruitt"), ("Fenna Drol", "Caspar Wendt")]}
    for rel, year in (("programme.json", 2032), ("2031/programme.json", 2031)):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(json.dumps({"talks": [
            {"title": f"Harbour Talk {n}", "date": f"{year}-10-0{n}", "speakers": list(people)}
            for n, people in enumerate(talks[year], 1)]}))
    parts = [p for p in _parts(tmp_path) if p.get("reader") == "records"]
    assert len(parts) == 1, [p.get("files") for p in parts]
    files = as_list(parts[0].get("files"))
    assert all(glob_match(p, files) for p in ("programme.json", "2031/programme.json", "2033/programme.json"))
