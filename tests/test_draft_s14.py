"""Drafting a site where two page readers recognise pages of the same folders: one part reads each page (the reader
of most pages), never two parts the same file; made-up pages."""

from __future__ import annotations

import tomllib
from pathlib import Path

from wcmatch import glob

from conftest import write_files as write
from ingest import draft
from ingest.profile import GLOB_FLAGS


def panel(title: str, who: list[tuple[str, str]]) -> str:
    rows = "".join(f"| [Dr {name}](/speakers/{name.lower().replace(' ', '-')}/) | *Director* <br>{org}<br>Norway |\n"
                   for name, org in who)
    return (f"---\ntitle: {title}\npermalink: /events/{title.lower().replace(' ', '-')}/\n---\n"
            f"**3 May 2031 (Saturday)**\n*Time: 10.00am to 11.00am*\n\n"
            f"|**Panellists** | |\n|---|---|\n{rows}")


def timed(title: str) -> str:
    """A page the programme reader recognises: a table of timed rows without a 'Time' header, one naming someone."""
    return (f"---\ntitle: {title}\n---\n**3 May 2031 (Saturday)**\n\nA day of hacking.\n\n**Programme**\n\n"
            "|  |  |\n|---|---|\n| 9.00am to 9.30am | **Opening Address by Dr Ola Brekke, Fjord Lab** |\n"
            "| 9.30am to 5.00pm | **Hackathon** |\n| 5.00pm | **End of Day** |\n")


def site(root: Path) -> None:
    day = "_2031-events/3 May 2031"
    write(root, {f"{day}/Harbour {n}.md": panel(f"Harbour {n}", [("Ada Moss", "Fjord Lab"), ("Bo Kern", "Reef Unit")])
                 for n in "ABCDE"} | {f"{day}/Hack Day.md": timed("Hack Day"),
                                      "_2031-events/Calendar.md": timed("Calendar")})


def parts(root: Path) -> list[dict]:
    return tomllib.loads(draft.render(draft.settle(draft.draft(root)))).get("parts", [])


def test_no_file_is_named_by_two_parts(tmp_path):
    site(tmp_path)
    drafted = parts(tmp_path)
    every = [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")]
    for path in every:
        naming = [p["reader"] for p in drafted if glob.globmatch(path, p["files"], flags=GLOB_FLAGS)]
        assert len(naming) <= 1, (path, naming, drafted)
    assert drafted[0]["reader"] == "sicw"  # the reader of most pages keeps its folder
    assert glob.globmatch("_2031-events/3 May 2031/Hack Day.md", drafted[0]["files"], flags=GLOB_FLAGS)
