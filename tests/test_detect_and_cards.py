"""Detection of a folder's page reader (a programme of timed sessions is never one sicw session), the name of a
sicw speaker page, and speaker cards read as speaker pages (``kind = "speakers"``) — all on made-up pages."""

from __future__ import annotations

import pytest

from conftest import write_files
from graph.errors import IngestError
from ingest import readers, sicw
from ingest.loader import site_for
from ingest.preview import preview
from ingest.read import parse_document

# --- detection: a programme of timed sessions ----------------------------------------------------

AGENDA_2031 = """---
layout: event
title: "Riverbend Dialogue 2031: Water Security and Data"
date: 2031-03-04
permalink: /events/2031/riverbend-dialogue/
---

The Riverbend Dialogue returns for two days of exchanges between delegations, researchers and river basin
utilities, hosted with the Permanent Missions of Examplia and Nordvik.

## Day 1 — Tuesday, 4 March 2031

### 09:30–10:00 | Opening Segment

*Moderator*: [Dr. Ilse Marchetti](/speakers/ilse-marchetti/)

Speakers:

- H.E. Ms. Adaeze Okonkwo-Bell, Permanent Representative of Examplia to the United Nations
- Mr. Tomasz Wierzbicki, Director, Water Data Office, Ministry of Environment, Poland

**10:15 – 11:30** Panel: Sharing river data across borders

Moderator: Prof. Hana Kobayashi, Chair, Riverbend Institute

## Day 2 — Wednesday, 5 March 2031

### 10:00–11:00 | Closing Segment

Speakers:

- Ms. Lucía Ferrandis, Senior Adviser, Basin Authority of Examplia
"""

SPEAKER_PAGE = """---
layout: speaker
name: Ingrid Solheim-Berg
title: State Secretary for Digital Affairs
organisation: Ministry of Digitalisation
country: Norway
permalink: /speakers/ingrid-solheim-berg/
---

Ingrid Solheim-Berg has served as State Secretary since 2029, after a decade leading the national registry of
river gauges and the open data programme that publishes their readings every hour.
"""


def test_a_folder_of_timed_agenda_pages_is_read_by_programme_a_session_a_slot(tmp_path):
    """Each page holds several sessions led by their time (headings, a bold time line): detection gives the folder
    to programme, so each slot is a session with its start, day 2 is dated day 2, and the bullet lists are read —
    not one sicw session a page, dated by its front matter, with only its role lines."""
    root = write_files(tmp_path / "riverbend", {"_posts/2031-03-04-riverbend-dialogue.md": AGENDA_2031,
                                                "speakers/ingrid-solheim-berg.md": SPEAKER_PAGE})
    site = site_for(root, draft=False)  # detection (its draft reads these pages by programme too)
    assert site.reader == "programme" and site.refusal is None
    rows = {(r["session"], r["name"]): r["date"] for r in preview(site, sample=1000).rows}
    assert rows[("Opening Segment", "Adaeze Okonkwo-Bell")].startswith("2031-03-04 09:30")
    assert rows[("Opening Segment", "Tomasz Wierzbicki")].startswith("2031-03-04 09:30")
    assert rows[("Panel: Sharing river data across borders", "Hana Kobayashi")].startswith("2031-03-04 10:15")
    assert rows[("Closing Segment", "Lucía Ferrandis")].startswith("2031-03-05 10:00")


SICW_SESSION = """---
title: {title}
permalink: /{slug}/
---
**14 October 2031 (Tuesday)**

*Time: 2.00pm to 3.30pm (GMT +8)*

Port operators and regulators compare how they keep harbour systems running when the network is down.

|**Moderator**| |
|[Ms Wen Li Tan](/speakers/ms-wen-li-tan/)|*Director, Harbour Studies Centre*<br>*Examplia*|
|**Panellists**| |
|[Mr Rafael Quintero](/speakers/mr-rafael-quintero/)|*Chief Engineer, Port of Nordvik*<br>*Nordvik*|
"""

HACKATHON = """---
title: A Harbour Hackathon
---
**13 October 2031 (Monday)**

- 09:00 Briefing for the teams
- 12:30 Lunch in the atrium
- 16:00 Judging and prize giving

|**Judges**| |
|[Dr Ama Owusu](/speakers/dr-ama-owusu/)|*Professor, Examplia University*|
"""


def test_a_timetable_page_is_never_a_sicw_session_and_is_outvoted_in_a_sicw_folder(tmp_path):
    """A dated page with a judges' table is also a timetable of three timed lines: programme's page, not one sicw
    session. In a folder of sicw session pages it sorts first, and the folder is still sicw's: most of its
    recognised pages are."""
    files = {"_2031-events/13 October 2031/A Harbour Hackathon.md": HACKATHON}
    for n, title in enumerate(["Harbour Resilience Roundtable", "Ports and Power", "Quays of Tomorrow"]):
        files[f"_2031-events/14 October 2031/{title}.md"] = SICW_SESSION.format(title=title, slug=f"s{n}")
    root = write_files(tmp_path / "harbourweek-2031", files)
    hackathon = parse_document("A Harbour Hackathon.md", HACKATHON.encode())
    assert readers.detect_file(hackathon, selective=False) == "programme"
    session = parse_document("Ports and Power.md", SICW_SESSION.format(title="Ports and Power", slug="p").encode())
    assert readers.detect_file(session, selective=False) == "sicw"
    site = site_for(root, draft=False)
    assert site.reader == "sicw"
    rows = preview(site, sample=1000).rows
    assert {(r["session"], r["name"], r["role"]) for r in rows} >= {
        ("Ports and Power", "Wen Li Tan", "moderator"), ("Ports and Power", "Rafael Quintero", "panellist")}


# --- sicw speaker pages: the name key, never a job title ------------------------------------------


def _speaker(text: str, path: str = "speakers/ingrid-solheim-berg.md"):
    return sicw.read(parse_document(path, text.encode("utf-8")))


def test_a_sicw_speaker_page_takes_its_name_key_and_its_title_as_the_job_unless_its_body_prints_one():
    parsed = _speaker(SPEAKER_PAGE)
    (page,) = parsed.speakers
    assert page.printed_name == "Ingrid Solheim-Berg"
    assert [(p.title, p.organisation) for p in page.positions] == [
        ("State Secretary for Digital Affairs", "Ministry of Digitalisation")]
    assert page.country_label == "Norway"
    printed = SPEAKER_PAGE.replace("\nIngrid Solheim-Berg has", "\n## Ingrid Solheim-Berg\n\n*Special Envoy for "
                                   "Rivers*<br>*Ministry of Foreign Affairs*\n\nIngrid Solheim-Berg has")
    (page,) = _speaker(printed).speakers  # the body's italic position block wins over the front matter's
    assert [(p.title, p.organisation) for p in page.positions] == [("Special Envoy for Rivers",
                                                                    "Ministry of Foreign Affairs")]


def test_a_full_name_key_wins_over_a_heading_and_a_job_title_is_never_a_name():
    named = SPEAKER_PAGE.replace("name: Ingrid", "full_name: Ingrid").replace("\nIngrid Solheim-Berg has",
                                                                          "\n## About\n\nIngrid Solheim-Berg has")
    assert [p.printed_name for p in _speaker(named).speakers] == ["Ingrid Solheim-Berg"]
    nameless = SPEAKER_PAGE.replace("name: Ingrid Solheim-Berg\n", "")
    parsed = _speaker(nameless)
    assert parsed.speakers == []
    assert any(n.kind == "skipped-file" and "give it a 'name:'" in n.message for n in parsed.notes)


# --- speaker cards as speaker pages ----------------------------------------------------------------

CARDS_PROFILE = """[site]
series = "riverbend"
[[parts]]
files = "*/agenda.md"
reader = "programme"
[[parts]]
files = "*/speakers.html"
reader = "cards"
{kind}card = "div.speaker-card"
name = "h3"
title = "p.position"
organisation = "p.company"
country = "p.country"
default_date = "2031-03-04"
"""

SPEAKERS_2031 = """<!DOCTYPE html><html><head><title>Speakers 2031</title></head><body><main>
<h1>Speakers 2031</h1>
<div class="speaker-card"><img src="/img/quintero.jpg" alt="Rafael Quintero"><h3>Mr Rafael Quintero</h3>
  <p class="position">Chief Engineer</p><p class="company">Port of Nordvik</p><p class="country">Norway</p></div>
<div class="speaker-card"><h3>Dr Wen Li Tan</h3>
  <p class="position">Director</p><p class="company">Harbour Studies Centre</p><p class="country">Singapore</p></div>
<div class="speaker-card"><h3>Ms Nadia Haddad</h3>
  <p class="position">Founder</p><p class="company">Tidewater Analytics</p><p class="country">Jordan</p></div>
</main></body></html>
"""

AGENDA = """---
title: Riverbend Dialogue {year}
date: {year}-03-04
---

### 09:30–10:30 | Opening Segment

Moderator: Wen Li Tan

### 11:00–12:00 | Panel: Gauges, ports and people

Panellists: Rafael Quintero; Marta Oyelaran (Delta Water Board)
"""


LENT = "2031/speakers.html"  # the dry run's source of a position lent by a speaker page


def _cards_site(tmp_path, kind: str):
    return write_files(tmp_path / "riverbend", {
        "speakergraph.toml": CARDS_PROFILE.format(kind=kind), "2031/speakers.html": SPEAKERS_2031,
        "2031/agenda.md": AGENDA.format(year=2031), "2030/agenda.md": AGENDA.format(year=2030)})


def test_cards_of_kind_speakers_lend_the_edition_s_appearances_and_make_no_session(tmp_path):
    """The agenda lists every talk with names only; the speaker cards say who each person is. Read as speaker
    pages, the cards give the 2031 appearances their honorific, title, organisation and country, make no
    "Speakers 2031" session, and a card whose person never spoke (Nadia Haddad) is a speaker page only;
    the 2030 edition keeps what its own page prints (people change jobs). Without the kind, the cards are still
    the appearances of the page's meeting."""
    root = _cards_site(tmp_path, 'kind = "speakers"\n')
    found = preview(site_for(root), sample=1000)
    rows = {(r["date"][:4], r["session"], r["name"]): r for r in found.rows}
    assert {session for _, session, _ in rows} == {"Opening Segment", "Panel: Gauges, ports and people"}
    assert found.appearances == 6 and found.speaker_pages == 3
    quintero = rows[("2031", "Panel: Gauges, ports and people", "Rafael Quintero")]
    assert (quintero["role"], quintero["honorific"], quintero["title"], quintero["organisation"], quintero["source"],
            quintero["country"]) == ("panellist", "Mr", "Chief Engineer", "Port of Nordvik", LENT, "NO")
    tan = rows[("2031", "Opening Segment", "Wen Li Tan")]
    assert (tan["role"], tan["honorific"], tan["organisation"], tan["country"]) == (
        "moderator", "Dr", "Harbour Studies Centre", "SG")
    earlier = rows[("2030", "Panel: Gauges, ports and people", "Rafael Quintero")]
    assert (earlier["title"], earlier["organisation"], earlier["country"]) == ("", "", "")
    assert not any(name == "Nadia Haddad" for _, _, name in rows)
    by_default = preview(site_for(_cards_site(tmp_path / "default", "")), sample=1000)  # the page's meeting
    cards = [r for r in by_default.rows if r["session"] == "Speakers 2031"]
    assert sorted(r["name"] for r in cards) == ["Nadia Haddad", "Rafael Quintero", "Wen Li Tan"]


def test_a_cards_kind_other_than_sessions_or_speakers_is_named(tmp_path):
    root = _cards_site(tmp_path, 'kind = "talks"\n')
    with pytest.raises(IngestError, match="kind must be \"sessions\".*or \"speakers\".*not 'talks'"):
        site_for(root)
