"""The programme reader: Time | Programme tables in HTML and Markdown, programme sections, made-up and real."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import SHARED, corpus, ingested, write_files as write
from graph.report import counts
from graph.results import table
from ingest import readers
from ingest.loader import site_for
from ingest.person_pattern import looks_like_name
from ingest.read import read_document
from ingest.tidy import not_a_person

HERE = Path(__file__).resolve().parent
SITES = SHARED / "sites"
GOVTECH = SITES / "isomerpages__isomerpages-govtech"
PROFILE = '[site]\nseries = "briefings"\n[[parts]]\nfiles = "_posts/*.md"\nreader = "programme"\n'


def parse(root: Path, rel: str, profile: str = PROFILE):
    write(root, {"speakergraph.toml": profile})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def people(session):
    return [(r.role_label, r.role, r.name.name, [(p.title, p.organisation) for p in r.positions]) for r in session.rows]


def when(session):
    return (session.date.isoformat(), session.start.strftime("%H:%M") if session.start else None,
            session.end.strftime("%H:%M") if session.end else None)


# --- an HTML programme table --------------------------------------------------------------------------

HTML_TABLE = """---
title: "Industry Briefing"
permalink: "/events/industry-briefing"
---

A briefing for the trade.

<table>
  <tr><th>Time</th><th>Programme</th></tr>
  <tr><td><span style="font-weight:bold">1:00pm</span></td><td>Registration</td></tr>
  <tr>
    <td><span style="font-weight:bold">2:00pm</span></td>
    <td><span style="font-weight:bold">Opening Address</span><br>Ivo Tan, Chief Executive, Examplia Digital</td>
  </tr>
  <tr>
    <td>12 noon</td>
    <td><span style="font-weight:bold">The Data Stack</span><br>*Ada Moreno, Director, Data Office, Examplia Digital*<br><br><br><span style="font-weight:bolder">Dialogue: Services for Citizens</span><br>Ben Okafor, Chief Information Officer, Ministry of Examples<br>Moderator: Cara Diaz, President, Examplia Computer Society<br><br><br><span style="font-weight:bold">Panel Discussion: Partnering</span><br>Dev Rao, Chairman, Harbour Council &amp; Councillor, TradeTech<br>Eli Moss, Director, Examplia Labs</td>
  </tr>
  <tr>
    <td>07:30 - 08:00</td>
    <td><span style="font-weight:bold">Welcome Address </span><br>by Organising Chairman</td>
  </tr>
  <tr>
    <td>08:40 - 09:10</td>
    <td><span style="font-weight:bold">Keynote Address</span><br>Mr. Gil Park<br>Permanent Secretary, Ministry of Examples<br>Chairman, Examplia Digital</td>
  </tr>
  <tr><td>5:30 – 8:30pm</td><td><span style="font-weight:bold">Networking</span><br>End of the Briefing</td></tr>
</table>

<table>
  <tr><th colspan="2">Event Details</th></tr>
  <tr><td>Date:</td><td>25 June 2031, 0730AM - 1030AM</td></tr>
  <tr><td>Venue:</td><td>Quay Hall</td></tr>
</table>
"""


@pytest.fixture
def briefing(tmp_path):
    write(tmp_path, {"_posts/2031-04-02-briefing.md": HTML_TABLE})
    return parse(tmp_path, "_posts/2031-04-02-briefing.md")


def test_html_table_rows_are_sessions_with_people(briefing):
    titles = [s.title for s in briefing.sessions]
    assert titles == ["Opening Address", "The Data Stack", "Dialogue: Services for Citizens", "Panel Discussion: Partnering",
                      "Keynote Address"]  # registration, "by Organising Chairman" and networking name nobody
    assert people(briefing.sessions[0]) == [
        ("Opening Address", "remarks", "Ivo Tan", [("Chief Executive", "Examplia Digital")])]


def test_the_date_line_dates_the_table_and_time_cells_give_the_times(briefing):
    assert [when(s) for s in briefing.sessions] == [
        ("2031-06-25", "14:00", None), ("2031-06-25", "12:00", None), ("2031-06-25", "12:00", None),
        ("2031-06-25", "12:00", None), ("2031-06-25", "08:40", "09:10")]


def test_one_cell_holds_three_sessions_with_moderators(briefing):
    _, stack, dialogue, panel, _ = briefing.sessions
    assert people(stack) == [("Speaker", "speaker", "Ada Moreno", [("Director", "Data Office, Examplia Digital")])]
    assert people(dialogue) == [
        ("Dialogue", "speaker", "Ben Okafor", [("Chief Information Officer", "Ministry of Examples")]),
        ("Moderator", "moderator", "Cara Diaz", [("President", "Examplia Computer Society")])]
    assert [r.name.name for r in panel.rows] == ["Dev Rao", "Eli Moss"]
    assert {(r.role_label, r.role) for r in panel.rows} == {("Panel Discussion", "panellist")}


def test_a_person_over_several_lines_keeps_every_position(briefing):
    assert people(briefing.sessions[-1]) == [("Keynote Address", "keynote", "Gil Park", [
        ("Permanent Secretary", "Ministry of Examples"), ("Chairman", "Examplia Digital")])]


def test_sessions_of_one_page_have_distinct_permalinks(briefing):
    links = [s.permalink for s in briefing.sessions]
    assert links[0] == "/events/industry-briefing/#opening-address" and len(set(links)) == len(links)
    assert len({s.key for s in briefing.sessions}) == len(links)


def test_rows_carry_their_file_line(briefing, tmp_path):
    text = (tmp_path / "_posts/2031-04-02-briefing.md").read_text().split("\n")
    for session in briefing.sessions:
        for row in session.rows:
            assert row.name.name in text[row.line - 1]


# --- Markdown pipe tables under day headings ----------------------------------------------------------

MARKDOWN_DAYS = """---
title: "Access Week"
permalink: /events/access-week
---
## Event Details

**Date:**
Wednesday, May 14 to Friday, May 16

## Day One – Wednesday, May 14
### Venue: Quay Hall

| Time | Programme |
| ----------- | ----------- |
| 9:30 am - 10:00 am | **Registration** |
| 10:00 am - 10:15 am | **Opening Speech** <br><br>Guest of Honour, Dr Ana Lima |
| 10:15 am - 11:30 am | **Fireside Panel: Paths to inclusion** <br>- A candid talk about access. <br><br>Kim Tran, an advocate for access, is the first to try it <br>Ola Berg, Executive Director of AccessNow, who helped shape the code |
| 11:30 am - 12:00 pm | **Hands-on: Try it** <br>- Curated activities <br><br>Access Team |
|  | **End of Day One** |

## Day Two – Thursday, May 15

| Time | Programme |
| ----------- | ----------- |
| 10:00 am - 10:45 am | **Presentation: Access & AI** <br><br>Rory Pike, Principal Advocate at Examplesoft <br>Sam Idris, Project Lead for Seeing Things at Examplesoft |
| 1:30 pm - 5:00 pm | **Designing for Everyone** <br>- Practical design <ul><li>Workshops</li><li>Demos</li></ul>Featuring Tom Varga, Founder and CEO of Assistive Works <br><br>*Participation: By invitation only* |
"""


@pytest.fixture
def access(tmp_path):
    write(tmp_path, {"_posts/2032-04-15-access-week.md": MARKDOWN_DAYS})
    return parse(tmp_path, "_posts/2032-04-15-access-week.md", PROFILE + "\n")


def test_day_headings_date_the_markdown_tables(access):
    assert [(s.title, when(s)) for s in access.sessions] == [
        ("Opening Speech", ("2032-05-14", "10:00", "10:15")),
        ("Fireside Panel: Paths to inclusion", ("2032-05-14", "10:15", "11:30")),
        ("Presentation: Access & AI", ("2032-05-15", "10:00", "10:45")),
        ("Designing for Everyone", ("2032-05-15", "13:30", "17:00"))]  # the year from the file name


def test_markdown_cells_give_people_and_skip_descriptions_and_teams(access):
    opening, fireside, presentation, designing = access.sessions
    assert people(opening) == [("Guest of Honour", "guest-of-honour", "Ana Lima", [])]
    assert [(r.name.name, [(p.title, p.organisation) for p in r.positions]) for r in fireside.rows] == [
        ("Kim Tran", []), ("Ola Berg", [("Executive Director of AccessNow", None)])]
    assert people(presentation) == [
        ("Presentation", "speaker", "Rory Pike", [("Principal Advocate", "Examplesoft")]),
        ("Presentation", "speaker", "Sam Idris", [("Project Lead for Seeing Things", "Examplesoft")])]
    assert people(designing) == [("Speaker", "speaker", "Tom Varga", [("Founder and CEO", "Assistive Works")])]


# --- a day-header table with one-line cells, people glued together --------------------------------------

STACK = """---
title: "Dev Conference"
permalink: /events/dev-conference
---
Held at Quay Hall from 2-3 October 2029.

<table>
  <tr><th colspan="2">DAY 2 MORNING WED, 3 OCT 2029</th></tr>
  <tr><td>9:45am</td><td>Guests to be seated</td></tr>
  <tr><td>10:00am</td><td>In Conversation with Dr Ana Lima (Senior Minister of State for Examples)Moderator: IvoTan, CEO, Robo Works</td></tr>
  <tr><td>10:20am</td><td>Keynote–Ben Okafor,Chief scientist, Cloudline“Software as a service”</td></tr>
  <tr><td>10:40am</td><td>Welcome Address–Cara Diaz (Prime Minister, Examplia)</td></tr>
  <tr><td>11:40am</td><td>Panel Discussion“Tech Culture”Dev Rao (Deputy Director, Agile Unit, Examplia Digital) [Host]Eli Moss (Director of Technology, Pivotal Works)Fay Lund (CISO, Safe Cyber)</td></tr>
  <tr><td>12:25pm</td><td>Data.gov.ex – Examplia’s Open Data Platform</td></tr>
</table>
"""


def test_one_line_cells_split_label_people_and_quoted_titles(tmp_path):
    write(tmp_path, {"_posts/2029-09-01-dev.md": STACK})
    parsed = parse(tmp_path, "_posts/2029-09-01-dev.md")
    assert [(s.title, when(s)[:2]) for s in parsed.sessions] == [
        ("In Conversation with Dr Ana Lima (Senior Minister of State for Examples)", ("2029-10-03", "10:00")),
        ("Software as a service", ("2029-10-03", "10:20")),
        ("Welcome Address", ("2029-10-03", "10:40")),
        ("Tech Culture", ("2029-10-03", "11:40"))]  # the open-data talk names nobody
    conversation, keynote, welcome, panel = parsed.sessions
    assert [(r.role, r.name.name) for r in conversation.rows] == [("speaker", "Ana Lima"), ("moderator", "IvoTan")]
    assert people(keynote) == [("Keynote", "keynote", "Ben Okafor", [("Chief scientist", "Cloudline")])]
    assert people(welcome) == [("Welcome Address", "remarks", "Cara Diaz", [("Prime Minister", "Examplia")])]
    assert [(r.role_label, r.name.name) for r in panel.rows] == [
        ("Host", "Dev Rao"), ("Panel Discussion", "Eli Moss"), ("Panel Discussion", "Fay Lund")]


# --- programme sections outside tables ------------------------------------------------------------------

SECTIONS = """---
title: "Dev Conference 2033"
permalink: /events/dev-2033
---
Date: 15 and 16 November 2033

## Speakers Lineup

### Guest of Honour

**Opening address (15 Nov)**
<br>**Mrs Ana Lima**
<br>Minister for Examples and Minister-in-charge of Harbours

### Speakers

### Day 2:

**Keynote: Zero Trust at Scale**
<br>**Mr Ben Okafor**
<br>Corporate Vice President, Cloudline Enterprise

## Webinars

[Harbours in Conversation: Re-Engineering the Port](https://example.org/webinar)

15 July 2033, 8-9pm

**This webinar will discuss**
- the journey so far
- the road ahead

**Panellists:**

- Mr Cara Diaz, Chief Executive, Examplia Digital
- Mr Dev Rao, Chairman, TradeTech

Moderator: Mr Eli Moss, Honorary Secretary, Examplia Society

**How can a citizen take part?**

*Fay Lund, Director, Examplia Digital:*
Anyone can write to us.

Gil Park, Director, Examplia Digital: The portal is open to all.
"""


def test_sections_give_sessions_from_bold_titles_role_labels_and_headings(tmp_path):
    write(tmp_path, {"_posts/2033-09-20-dev.md": SECTIONS})
    parsed = parse(tmp_path, "_posts/2033-09-20-dev.md")
    assert [(s.title, s.date.isoformat()) for s in parsed.sessions] == [
        ("Opening address (15 Nov)", "2033-11-15"),
        ("Keynote: Zero Trust at Scale", "2033-11-16"),  # "Day 2" after the date line's first day
        ("Harbours in Conversation: Re-Engineering the Port", "2033-07-15")]  # not "This webinar will discuss"
    opening, keynote, webinar = parsed.sessions
    assert people(opening) == [("Guest of Honour", "guest-of-honour", "Ana Lima",
                                [("Minister for Examples and Minister-in-charge of Harbours", None)])]
    assert people(keynote) == [("Keynote", "keynote", "Ben Okafor", [("Corporate Vice President", "Cloudline Enterprise")])]
    assert [(r.role, r.name.name) for r in webinar.rows] == [
        ("panellist", "Cara Diaz"), ("panellist", "Dev Rao"), ("moderator", "Eli Moss")]  # no Q&A credits
    assert when(webinar) == ("2033-07-15", "20:00", "21:00")


ONE_LINE_PANELS = """---
title: "Cable Security Day"
---
Date: 4 March 2030

## Panel: Securing Undersea Cables

Moderator: Dr Alma Reyes, Senior Fellow, Pacific Policy Institute. Panellists: Mr Tomas Berg (Nordic Cable Authority), Ms Keiko Sato (Ocean Link Japan) and Prof. Ravi Menon, National University of Somewhere.

## Panel: Repair Ships

Moderator: Ann Lee | Speakers: Bo Chan, Cy Dee

## Panel: Who Pays

Chair: Di Eve, Ministry of Foreign Affairs · Panellists: Eli Moss (Acme), Fay Lund, Professor of Law
"""


def test_one_line_panels_name_each_role_and_person(tmp_path):
    """Labels joined on one line by a full stop, "|" or "·"; bracketed people and a last one with a comma; a plural
    label before bare names; "Ministry of …" an organisation, "Professor of …" a job."""
    write(tmp_path, {"_posts/cables.md": ONE_LINE_PANELS})
    cables, ships, pays = parse(tmp_path, "_posts/cables.md").sessions
    assert [(r.role, r.name.name, [(p.title, p.organisation) for p in r.positions]) for r in cables.rows] == [
        ("moderator", "Alma Reyes", [("Senior Fellow", "Pacific Policy Institute")]),
        ("panellist", "Tomas Berg", [(None, "Nordic Cable Authority")]),
        ("panellist", "Keiko Sato", [(None, "Ocean Link Japan")]),
        ("panellist", "Ravi Menon", [(None, "National University of Somewhere")])]
    assert [(r.role, r.name.name) for r in ships.rows] == [("moderator", "Ann Lee"), ("panellist", "Bo Chan"),
                                                          ("panellist", "Cy Dee")]  # speakers of a panel
    assert people(pays) == [("Chair", "moderator", "Di Eve", [(None, "Ministry of Foreign Affairs")]),
                            ("Panellists", "panellist", "Eli Moss", [(None, "Acme")]),
                            ("Panellists", "panellist", "Fay Lund", [("Professor of Law", None)])]


def test_military_times_are_read_and_an_unread_time_keeps_its_session_with_a_note(tmp_path):
    write(tmp_path, {"_posts/2025-10-21-day.md": (
        "| Time | Programme |\n|---|---|\n"
        "| 0900 – 1030hrs (SGT) | **Opening Panel** <br>Ana Lima, Director, Topos Lab |\n"
        "| 1100hrs | **Second Panel** <br>Bo Chan, Director, Acme |\n"
        "| 1400H - 1530H | **Third Panel** <br>Cy Dee, Director, Beta |\n"
        "| after lunch-ish | **Fourth Panel** <br>Di Eve, Director, Gamma |\n"
        "| Room | Hall A |\n")})
    parsed = parse(tmp_path, "_posts/2025-10-21-day.md")
    assert [(s.title, when(s)) for s in parsed.sessions] == [
        ("Opening Panel", ("2025-10-21", "09:00", "10:30")), ("Second Panel", ("2025-10-21", "11:00", None)),
        ("Third Panel", ("2025-10-21", "14:00", "15:30")), ("Fourth Panel", ("2025-10-21", None, None))]
    assert parsed.sessions[0].start.utcoffset().total_seconds() == 8 * 3600  # SGT
    assert parsed.sessions[0].rows[0].role == "panellist"  # an opening panel is a panel, not opening remarks
    assert [(n.kind, n.line, "'after lunch-ish'" in n.message) for n in parsed.notes if n.kind == "bad-time"] == [
        ("bad-time", 6, True)]


BRIEFINGS = """<html><body><nav><a href="/">Home</a></nav><main><h1>Briefings</h1>
<div class="briefing"><h3>Kernel Heap Feng Shui</h3>
<p>Wednesday, August 7 | 10:20am-11:00am</p><p>Location: South Seas AB</p>
<p>Presented by: <a href="s/p.html">Priya Raghunathan</a> (Northpine Security), <a href="s/b.html">Bo Chan</a> (Acme)</p>
<p>An abstract that names no one, on Thursday, August 8, at length.</p></div>
<div class="briefing"><h3>Cloud Keys Gone Wild</h3><p>Thu 8 Aug | 2:30pm-3:10pm</p>
<p>Presented by <a href="s/c.html">Cy Dee</a> (Beta Labs)</p></div>
</main></body></html>"""


def test_briefing_cards_with_year_less_date_lines_rooms_and_presented_by(tmp_path):
    """The year comes from the page's path; each card's date line dates its session."""
    write(tmp_path, {"2024/briefings.html": BRIEFINGS})
    parsed = parse(tmp_path, "2024/briefings.html", '[site]\nseries = "tw"\n[[parts]]\nfiles = "**/*.html"\n'
                                                    'reader = "programme"\n')
    assert [(s.title, when(s), s.room) for s in parsed.sessions] == [
        ("Kernel Heap Feng Shui", ("2024-08-07", "10:20", "11:00"), "South Seas AB"),
        ("Cloud Keys Gone Wild", ("2024-08-08", "14:30", "15:10"), None)]
    assert [(r.role, r.name.name, r.positions[0].organisation) for s in parsed.sessions for r in s.rows] == [
        ("speaker", "Priya Raghunathan", "Northpine Security"), ("speaker", "Bo Chan", "Acme"),
        ("speaker", "Cy Dee", "Beta Labs")]


SESSION_CARDS = """<html><body><main><h1>Sessions</h1>
<article class="session-card"><h2>Post-Quantum Panic, Calmly</h2>
<time datetime="2025-08-06T10:20">Wed Aug 6, 10:20</time>
<ul class="speakers">
<li><span class="name">Mirela Vancea</span><span class="affil">Chief Scientist, Halvard Security</span></li>
<li><span class="name">Ann Lee</span><span class="affil">CTO, Acme</span></li></ul><p>Abstract.</p></article>
<article class="session-card"><h2>Panel: Who Owns the Patch?</h2>
<time datetime="2025-08-07T14:00">Thu Aug 7, 14:00</time>
<ul class="speakers">
<li><span class="name">Priya Raghunathan</span> (moderator)<span class="affil">VP Research, Northpine Security</span></li>
<li><span class="name">Bo Chan</span><span class="affil">Engineer, Beta</span></li></ul></article>
</main></body></html>"""


def test_session_cards_whose_name_and_affiliation_spans_touch(tmp_path):
    """Fields styled as spans with nothing between them are lines of their own, as the browser shows them."""
    write(tmp_path, {"2025/sessions.html": SESSION_CARDS})
    parsed = parse(tmp_path, "2025/sessions.html", '[site]\nseries = "tw"\n[[parts]]\nfiles = "**/*.html"\n'
                                                   'reader = "programme"\n')
    assert [(s.title, when(s)[:2], [(r.role, r.name.name, r.positions[0].title, r.positions[0].organisation)
                                    for r in s.rows]) for s in parsed.sessions] == [
        ("Post-Quantum Panic, Calmly", ("2025-08-06", "10:20"),
         [("speaker", "Mirela Vancea", "Chief Scientist", "Halvard Security"), ("speaker", "Ann Lee", "CTO", "Acme")]),
        ("Panel: Who Owns the Patch?", ("2025-08-07", "14:00"),
         [("moderator", "Priya Raghunathan", "VP Research", "Northpine Security"),
          ("panellist", "Bo Chan", "Engineer", "Beta")])]


ROUNDTABLE = """---
title: "Western Balkans and Cyber Resilience"
date: 2033-05-10T10:00:00+02:00
---
A roundtable on resilience.

**Opening remarks**

H.E. Ms Ingrid Solheim, Ambassador of Norway to Austria

**Panel**

Ms Ana Petrovic, Head of CERT, Telecom Authority
Mr Marko Horvat, Adviser, Ministry of Interior

**Moderator**

Clara Weiss, Senior Fellow, Meridian Institute
"""


def test_role_blocks_of_a_page_that_opens_no_session_are_roles_of_the_page_itself(tmp_path):
    """A roundtable page: its bold role words name the roles of one event, the page's, timed by its front matter."""
    write(tmp_path, {"_posts/roundtable.md": ROUNDTABLE})
    [session] = parse(tmp_path, "_posts/roundtable.md").sessions
    assert (session.title, session.start.isoformat()) == ("Western Balkans and Cyber Resilience",
                                                          "2033-05-10T10:00:00+02:00")
    assert [(r.role, r.name.name) for r in session.rows] == [
        ("remarks", "Ingrid Solheim"), ("panellist", "Ana Petrovic"), ("panellist", "Marko Horvat"),
        ("moderator", "Clara Weiss")]


SESSION_PAGE = """---
title: "Keynote: Securing AI"
---
## Keynote: Securing AI

**Tuesday, 21 October 2031**<br>
**Time:** 3.30pm – 4.00pm (SGT)

**Keynote Speaker**<br>
**Prof. Hiroshi Takemura**<br>
Professor of Information Security, Kansai Institute of Technology<br>
Japan
"""


def test_a_session_page_with_a_bold_date_a_time_line_a_role_word_and_a_country_line(tmp_path):
    write(tmp_path, {"_posts/keynote.md": SESSION_PAGE})
    [session] = parse(tmp_path, "_posts/keynote.md").sessions
    assert (session.title, session.start.isoformat()) == ("Keynote: Securing AI", "2031-10-21T15:30:00+08:00")
    assert [(r.role, r.name.name, [(p.title, p.organisation) for p in r.positions], r.country_code)
            for r in session.rows] == [
        ("keynote", "Hiroshi Takemura", [("Professor of Information Security", "Kansai Institute of Technology")],
         "JP")]


def test_a_page_without_any_date_is_skipped_with_the_fix(tmp_path):
    write(tmp_path, {"_posts/about.md": "| Time | Programme |\n|---|---|\n| 9am | **Talk** <br>Ana Lima, CEO, Acme |\n"})
    parsed = parse(tmp_path, "_posts/about.md")
    assert parsed.sessions == [] and "default_date" in parsed.notes[0].message


def test_the_default_date_option_dates_a_page_that_prints_none(tmp_path):
    write(tmp_path, {"_posts/about.md": "| Time | Programme |\n| 9am | **Talk** <br>Ana Lima, CEO, Acme |\n"})
    parsed = parse(tmp_path, "_posts/about.md", PROFILE + 'default_date = "2034-01-02"\n')
    assert [(s.title, when(s)) for s in parsed.sessions] == [("Talk", ("2034-01-02", "09:00", None))]


# --- the real site (../shared/corpus/sites/isomerpages__isomerpages-govtech) -----------------------------


@pytest.fixture(scope="module")
def govtech():
    root = corpus(GOVTECH)
    site = site_for(root, profile_path=HERE / "profiles" / "govtech.toml")
    return {p.name: readers.read(read_document(root, p), site) for p in site.paths()}


def test_govtech_sessions_and_speaker_entries_per_post(govtech):
    found = {name[:10] + name[10:40]: (sum(1 for s in parsed.sessions if s.rows), sum(len(s.rows) for s in parsed.sessions))
             for name, parsed in govtech.items()}
    by_post = {k[:10]: v for k, v in found.items()}
    # the README's counts, less one glued person ("…GovTechChan Cheow Hoe", no <br> to split at) in 2018-06-07
    assert by_post == {"2017-09-26": (5, 9), "2018-06-07": (7, 13), "2018-06-25": (1, 1), "2018-10-03": (11, 19),
                       "2019-04-21": (4, 4), "2020-07-01": (4, 12), "2022-09-20": (9, 9), "2023-05-16": (0, 0),
                       "2023-09-16": (0, 0), "2024-04-01": (1, 1), "2024-04-15": (6, 8)}


def test_govtech_exact_rows(govtech):
    rows = {(s.date.isoformat(), r.name.name, r.role): (s, r) for parsed in govtech.values() for s in parsed.sessions
            for r in s.rows}
    session, howie = rows[("2018-06-07", "Howie Lau", "moderator")]
    assert (session.title.startswith("In conversation"), howie.role_label, howie.positions[0].organisation) == (
        True, "Moderator", "Singapore Computer Society")
    session, _ = rows[("2018-06-07", "Howie Lau", "panellist")]
    assert session.title.startswith("Panel Discussion")
    _, parimal = rows[("2018-10-02", "Parimal Aswani", "moderator")]
    assert (parimal.role_label, parimal.role) == ("Host", "moderator")
    session, rory = rows[("2024-05-16", "Rory Preddy", "speaker")]
    assert (when(session), rory.positions[0].title, rory.positions[0].organisation) == (
        ("2024-05-16", "10:00", "10:45"), "Principal Cloud Advocate", "Microsoft")
    session, simon = rows[("2020-06-17", "Simon Ang", "speaker")]
    assert (session.title, simon.role_label) == ("Taking a Citizen-Centric Approach to Tech Development", "Speakers")
    session, teo = rows[("2024-05-15", "Josephine Teo", "guest-of-honour")]
    assert (session.title, teo.printed_name, teo.role_label) == ("Opening Speech", "Minister Josephine Teo", "Guest of Honour")
    session, goh = rows[("2024-05-14", "Goh Wei Boon", "remarks")]
    assert (session.title, goh.role) == ("Opening Remarks", "remarks")


def test_govtech_no_team_heading_or_title_is_a_person(govtech):
    names = Counter(r.name.name for parsed in govtech.values() for s in parsed.sessions for r in s.rows)
    assert "A11y Team" not in names
    assert all(not_a_person(n) is None for n in names), names
    assert all(looks_like_name(n) or n == "PeterHo" for n in names), names


def test_govtech_duplicate_post_merges_into_the_same_sessions():
    store = ingested(corpus(GOVTECH), profile_path=HERE / "profiles" / "govtech.toml")
    found = counts(store)
    [[named]] = table(store.query("PREFIX sg: <https://w3id.org/speakergraph/vocab#>\n"
                                  "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?a sg:session ?s }")).values()
    # 48 sessions read, 5 of them twice (the 2017 file holds the 2018 page): 43 sessions, 67 appearances
    assert (int(named), found["sessions"], found["appearances"]) == (43, 43, 67)


# --- sessions opened by a time: headings, list items, lines (made up) -------------------------------------

TIME_HEADINGS = """---
title: "Harbour Connect Summit"
---
## Day 1 — Tuesday, 3 June 2036
### 09:30 – 10:30 | Opening Keynote
Speaker: H.E. Mr Ivo Tanaka, Minister for Ports, Republic of Examplia

Chair: Ms Rana Holt, Chief Executive Officer, Harbour Connectivity Alliance
### 10:45 – 12:00 | Panel: Closing the Coastal Broadband Gap
Chair: Dr. Mira Lund, Senior Economist, Examplia Bank

Panellists:
- Mr Otto Varga, Director General, Examplia Utilities Authority
- Ms Nell Ibsen — Head of Spectrum Policy, Bayline Mobile
### 12:00 – 13:30 | Lunch
### 13:30 – 14:30 | Fireside Chat: Satellites and Sovereignty
Speakers: Mr Ravi Osei, Vice President, Orbitworks and Dr Lea Marsh, Director, Centre for Space Law
Moderator: Mr Tim Ruud, Technology Editor, The Harbour Courier
## Day 2 — Wednesday, 4 June 2036
### 09:00 – 10:00 | Ministerial Dialogue
Speaker: Hon. Pia Ngaro, Associate Minister for Digital Economy, Examplia
"""


@pytest.fixture
def summit(tmp_path):
    write(tmp_path, {"_posts/2036-05-01-summit.md": TIME_HEADINGS})
    return parse(tmp_path, "_posts/2036-05-01-summit.md")


def test_time_headings_open_sessions_dated_by_the_day_headings(summit):
    assert [(s.title, when(s)) for s in summit.sessions] == [
        ("Opening Keynote", ("2036-06-03", "09:30", "10:30")),
        ("Panel: Closing the Coastal Broadband Gap", ("2036-06-03", "10:45", "12:00")),
        ("Fireside Chat: Satellites and Sovereignty", ("2036-06-03", "13:30", "14:30")),
        ("Ministerial Dialogue", ("2036-06-04", "09:00", "10:00"))]  # lunch names nobody


def test_role_labels_under_a_time_heading_give_each_person_its_role(summit):
    keynote, panel, fireside, dialogue = summit.sessions
    assert people(keynote) == [  # "Speaker:" says who; the title says in what role
        ("Opening Keynote", "keynote", "Ivo Tanaka", [("Minister for Ports", "Republic of Examplia")]),
        ("Chair", "moderator", "Rana Holt", [("Chief Executive Officer", "Harbour Connectivity Alliance")])]
    assert people(panel) == [
        ("Chair", "moderator", "Mira Lund", [("Senior Economist", "Examplia Bank")]),
        ("Panellists", "panellist", "Otto Varga", [("Director General", "Examplia Utilities Authority")]),
        ("Panellists", "panellist", "Nell Ibsen", [("Head of Spectrum Policy", "Bayline Mobile")])]
    assert people(fireside) == [  # "Speakers: A, … and B, …" is two people
        ("Speakers", "speaker", "Ravi Osei", [("Vice President", "Orbitworks")]),
        ("Speakers", "speaker", "Lea Marsh", [("Director", "Centre for Space Law")]),
        ("Moderator", "moderator", "Tim Ruud", [("Technology Editor", "The Harbour Courier")])]
    assert people(dialogue) == [
        ("Speaker", "speaker", "Pia Ngaro", [("Associate Minister for Digital Economy", "Examplia")])]


TIME_HEADING_SHAPES = """Date: 20 April 2037

### 10:05 am - 10:45 am: Counting Clouds
Speaker: Ana Lima, Analyst, Cloud Office

### Session 1, 11:00 am - 11:45 am
#### Mapping the Harbour
Moderator: Cleo Park, Editor, Example Agency

### 14:00 Closing Words
Speaker: Dev Rao, Chairman, TradeTech

### 3:00 pm - 3:30 pm
**Standing up a team**

Panellists:
- Eli Moss, Director, Examplia Labs
"""


def test_time_heading_shapes_and_titles_from_the_next_heading_or_bold_line(tmp_path):
    write(tmp_path, {"_posts/2037-03-01-day.md": TIME_HEADING_SHAPES})
    parsed = parse(tmp_path, "_posts/2037-03-01-day.md")
    assert [(s.title, when(s)) for s in parsed.sessions] == [
        ("Counting Clouds", ("2037-04-20", "10:05", "10:45")),
        ("Mapping the Harbour", ("2037-04-20", "11:00", "11:45")),
        ("Closing Words", ("2037-04-20", "14:00", None)),
        ("Standing up a team", ("2037-04-20", "15:00", "15:30"))]
    assert [[(r.role_label, r.role, r.name.name) for r in s.rows] for s in parsed.sessions] == [
        [("Speaker", "speaker", "Ana Lima")], [("Moderator", "moderator", "Cleo Park")],
        [("Closing Words", "remarks", "Dev Rao")], [("Panellists", "panellist", "Eli Moss")]]


AGENDA_LIST = """---
title: "Research Software Workshop"
---
#### June 29
(all times in CEST)
- 13:00 : Welcome and introduction (Ann Berg and Sam Lind)
- 13:15 : Invited talks (Chair: Sam Lind)
  - 13:15 : [Jon Ahl](http://example.org/) (Quantum Centre)
            _"Keep your code alive"_
  - 13:35 : [Kim Carl](https://example.org/kc) (JuliaWorks) _"Julia for engineers"_
  - ~~13:45 : [Lu Moe](https://example.org/lm) (Datalab) _"Withdrawn talk"_~~
  - 13:55 : Break
- 14:20 : Introduction to the network (Pat Holm)

#### June 30
- 09:00 - 09:45 : Lightning talks (Chair: Eva Dahl)
- 10:00 : ~~Git for scientists (Rob Yin)~~
"""


@pytest.mark.parametrize("rel, profile", [
    ("_posts/2038-05-02-workshop.md", PROFILE),  # the year from the file name
    ("_posts/workshop.md", PROFILE.replace('series = "briefings"', 'series = "briefings"\nyear = 2038'))],
    ids=["file-name-year", "site-year"])
def test_time_led_list_items_and_nested_items_are_sessions(tmp_path, rel, profile):
    write(tmp_path, {rel: AGENDA_LIST})
    parsed = parse(tmp_path, rel, profile)
    assert [(s.title, when(s)) for s in parsed.sessions] == [
        ("Welcome and introduction", ("2038-06-29", "13:00", None)),
        ("Invited talks", ("2038-06-29", "13:15", None)),
        ("Keep your code alive", ("2038-06-29", "13:15", None)),
        ("Julia for engineers", ("2038-06-29", "13:35", None)),
        ("Introduction to the network", ("2038-06-29", "14:20", None)),
        ("Lightning talks", ("2038-06-30", "09:00", "09:45"))]  # no break, no struck-through talks
    welcome, invited, keep, julia, network, lightning = parsed.sessions
    assert [r.name.name for r in welcome.rows] == ["Ann Berg", "Sam Lind"]
    assert people(invited) == [("Chair", "moderator", "Sam Lind", [])]  # the chair chairs the block
    assert people(keep) == [("Speaker", "speaker", "Jon Ahl", [(None, "Quantum Centre")])]
    assert people(julia) == [("Speaker", "speaker", "Kim Carl", [(None, "JuliaWorks")])]
    assert [(r.role, r.name.name) for r in network.rows] == [("speaker", "Pat Holm")]
    assert people(lightning) == [("Chair", "moderator", "Eva Dahl", [])]


def test_a_markdown_page_that_opens_with_a_tag_is_still_markdown(tmp_path):
    """A button or an image before the text does not make a Markdown page HTML: its lists are read."""
    page = AGENDA_LIST.replace("---\n####", '---\n<a class="btn" href="#">Registration is closed</a>\n\n####', 1)
    write(tmp_path, {"_posts/2038-05-02-workshop.md": page})
    parsed = parse(tmp_path, "_posts/2038-05-02-workshop.md")
    assert [s.title for s in parsed.sessions][:2] == ["Welcome and introduction", "Invited talks"]


def test_time_led_lines_of_a_paragraph_open_sessions(tmp_path):
    page = ("Date: 9 May 2039\n\n**16:00 – 16:30 Data in the open**\nFay Lund, Director, Examplia Digital\n\n"
            "17:00 Late talk (Gil Park)\n17:30 Open floor\n17:45 – 18:00 Keynote – Dr Hana Berg, Rector, Examplia University\n")
    write(tmp_path, {"_posts/day.md": page})
    parsed = parse(tmp_path, "_posts/day.md")
    assert [(s.title, when(s), [r.name.name for r in s.rows]) for s in parsed.sessions] == [
        ("Data in the open", ("2039-05-09", "16:00", "16:30"), ["Fay Lund"]),
        ("Late talk", ("2039-05-09", "17:00", None), ["Gil Park"]),
        ("Keynote", ("2039-05-09", "17:45", "18:00"), ["Hana Berg"])]
    assert people(parsed.sessions[-1]) == [("Keynote", "keynote", "Hana Berg", [("Rector", "Examplia University")])]


# --- containers and a separate speakers column (made up) --------------------------------------------------

CONTAINERS = """<main>
  <section>
    <p>Date: 14 February 2040</p>
    <div class="day">
      <h2>Day 1 – Tuesday, 14 February 2040</h2>
      <table>
        <tr><th>Time</th><th>Programme</th></tr>
        <tr><td>09:00</td><td><b>Opening Address</b><br>Ivo Tan, Chief Executive, Examplia Ports</td></tr>
      </table>
    </div>
    <div class="day">
      <h2>Day 2 – Wednesday, 15 February 2040</h2>
      <table>
        <tr><th>Time</th><th>Programme</th></tr>
        <tr><td>10:00 - 11:00</td><td><b>Panel: Greener Ships</b><br>Moderator: Ada Moreno, Editor, Harbour Daily<br>Ben Okafor, Director, Blue Fleet</td></tr>
      </table>
      <article>
        <h3>14:00 – 15:00 | Fireside: Ports and People</h3>
        <p>Speaker: Cara Diaz, Mayor, Examplia City</p>
      </article>
    </div>
  </section>
</main>
"""


def test_headings_and_tables_inside_containers_are_read_once_in_order(tmp_path):
    write(tmp_path, {"_posts/forum.md": CONTAINERS})
    parsed = parse(tmp_path, "_posts/forum.md")
    assert [(s.title, when(s)) for s in parsed.sessions] == [
        ("Opening Address", ("2040-02-14", "09:00", None)),
        ("Panel: Greener Ships", ("2040-02-15", "10:00", "11:00")),  # the day heading inside its <div>
        ("Fireside: Ports and People", ("2040-02-15", "14:00", "15:00"))]
    assert [(r.role, r.name.name) for s in parsed.sessions for r in s.rows] == [
        ("remarks", "Ivo Tan"), ("moderator", "Ada Moreno"), ("panellist", "Ben Okafor"), ("speaker", "Cara Diaz")]


SPEAKERS_COLUMN = """Date: 12 March 2041

| Time | Session | Speakers |
|---|---|---|
| 09:00 – 09:30 | **Cities that share** | Dr. Lia Moro (Open Cities Lab)<br>Ms Ines Faro (City of Examplia) |
| 09:30 – 10:15 | Open budgets in practice | Tomas Vik, Budget Director, Examplia Treasury |
| 10:15 – 10:30 | Coffee | |
| 10:30 – 11:00 | Keynote: Data commons | Moderator: Ana Roe (Civic Tech Forum)<br>Bo Lin |
"""


@pytest.mark.parametrize("option", ["", 'programme_column = "Speakers"\n'], ids=["detected", "programme-column"])
def test_a_speakers_column_gives_the_people_and_the_session_column_the_title(tmp_path, option):
    write(tmp_path, {"_posts/open.md": SPEAKERS_COLUMN})
    parsed = parse(tmp_path, "_posts/open.md", PROFILE + option)
    assert [(s.title, when(s)) for s in parsed.sessions] == [
        ("Cities that share", ("2041-03-12", "09:00", "09:30")),
        ("Open budgets in practice", ("2041-03-12", "09:30", "10:15")),  # one speaker is enough
        ("Keynote: Data commons", ("2041-03-12", "10:30", "11:00"))]
    share, budgets, keynote = parsed.sessions
    assert people(share) == [("Speakers", "speaker", "Lia Moro", [(None, "Open Cities Lab")]),
                             ("Speakers", "speaker", "Ines Faro", [(None, "City of Examplia")])]
    assert people(budgets) == [("Speakers", "speaker", "Tomas Vik", [("Budget Director", "Examplia Treasury")])]
    assert people(keynote) == [("Moderator", "moderator", "Ana Roe", [(None, "Civic Tech Forum")]),
                               ("Keynote", "keynote", "Bo Lin", [])]


# --- session blocks: a time alone, then a heading, then a list of people (made up) -------------------------

SESSION_BLOCKS = """<main>
<h1>Estuary Forum 2042 – Programme</h1>
<p>All times are local.</p>
<h2>Tuesday 11 March 2042</h2>
<div class="day">
  <div class="session">
    <span class="time">09:00–09:30</span>
    <h3>Welcome Address</h3>
    <ul class="speakers"><li><strong>Dr Oda Lindqvist</strong>, Director General, Examplia Delta Agency</li></ul>
  </div>
  <div class="session">
    <span class="time">09:30–11:00</span>
    <h3>Panel: Paying for Dykes</h3>
    <p class="desc">Who pays for the defences of small towns?</p>
    <ul class="speakers">
      <li><strong>Prof. Ivo Marek</strong>, Chair of Coastal Engineering, Examplia Technical University <em>(Moderator)</em></li>
      <li><strong>Ana Roe</strong>, Chief Risk Officer, Harbour Mutual</li>
    </ul>
  </div>
  <div class="session">
    <span class="time">11:00–11:30</span>
    <h3>Coffee break</h3>
  </div>
</div>
<h2>Wednesday 12 March 2042</h2>
<div class="day">
  <div class="session">
    <span class="time">10:00–11:15</span>
    <h3>Roundtable: Insurance after the Flood</h3>
    <ul class="speakers">
      <li>Moderator: <strong>Bo Lind</strong>, Head of Claims, Example Assurance</li>
      <li><strong>Cy Dahl</strong>, Partner, Dahl &amp; Berg</li>
    </ul>
  </div>
</div>
</main>
"""


def test_a_time_alone_then_a_heading_opens_a_session_and_its_people_list_joins_it(tmp_path):
    write(tmp_path, {"_posts/2042-01-10-forum.html": SESSION_BLOCKS})
    parsed = parse(tmp_path, "_posts/2042-01-10-forum.html", PROFILE.replace("*.md", "*.html"))
    assert [(s.title, when(s)) for s in parsed.sessions] == [
        ("Welcome Address", ("2042-03-11", "09:00", "09:30")),
        ("Panel: Paying for Dykes", ("2042-03-11", "09:30", "11:00")),
        ("Roundtable: Insurance after the Flood", ("2042-03-12", "10:00", "11:15"))]  # the break names nobody
    welcome, panel, roundtable = parsed.sessions
    assert people(welcome) == [
        ("Welcome Address", "remarks", "Oda Lindqvist", [("Director General", "Examplia Delta Agency")])]
    assert people(panel) == [  # "(Moderator)" after a person is its role
        ("Moderator", "moderator", "Ivo Marek", [("Chair of Coastal Engineering", "Examplia Technical University")]),
        ("Panel", "panellist", "Ana Roe", [("Chief Risk Officer", "Harbour Mutual")])]
    assert people(roundtable) == [  # a roundtable names its people panellists
        ("Moderator", "moderator", "Bo Lind", [("Head of Claims", "Example Assurance")]),
        ("Roundtable", "panellist", "Cy Dahl", [("Partner", "Dahl & Berg")])]


# --- one session an <article>: a title heading, <time datetime>, labelled people lines (made up) -----------

ARTICLES = """<div class="entry-content">
<h1 class="entry-title">Agenda</h1>
<p>Harbour Law Days, Quay Hotel.</p>
<article class="session">
  <header>
    <h2 class="entry-title"><a href="/session/opening/">{first}Opening Plenary: Ships Without Crews</a></h2>
    <div class="entry-meta"><time datetime="2043-04-08T09:00">8 April 2043, 9:00</time> – <time datetime="2043-04-08T10:30">10:30</time> · Room: Anchor Hall</div>
  </header>
  <div class="entry-content">
    <p>Autonomous vessels and the law of the sea.</p>
    <p><strong>Moderator:</strong> Una Grey (Quayside Chambers)</p>
    <p><strong>Panelists:</strong> Dr. Omar Hale (University of Eastmouth), Capt. Liv Sand (Pilots Guild of Examplia), Raj Mehta (Chief Economist)</p>
  </div>
</article>
<article class="session">
  <header>
    <h2 class="entry-title"><a href="/session/lunch/">Networking Lunch</a></h2>
    <div class="entry-meta"><time datetime="2043-04-09T12:30">9 April 2043, 12:30</time></div>
  </header>
  <div class="entry-content"><p>Sponsored by Sand Salvage Ltd.</p></div>
</article>
<article class="session">
  <header>
    <h2 class="entry-title"><a href="/session/fireside/">{second}Fireside Chat: Forty Years of Salvage</a></h2>
    <div class="entry-meta"><time datetime="2043-04-09T14:00">9 April 2043, 14:00</time> – <time datetime="2043-04-09T14:45">14:45</time></div>
  </header>
  <div class="entry-content"><p><strong>Speaker:</strong> Sir Tom Penrose KC (Penrose Salvage Ltd)</p></div>
</article>
</div>
"""


@pytest.mark.parametrize("first, second", [("", ""), ("9:00 – 10:30 | ", "14:00 – 14:45 | ")], ids=["plain", "timed"])
def test_an_article_per_session_with_time_elements_and_bracketed_people(tmp_path, first, second):
    write(tmp_path, {"_posts/agenda.html": ARTICLES.format(first=first, second=second)})
    parsed = parse(tmp_path, "_posts/agenda.html", PROFILE.replace("*.md", "*.html"))
    assert [(s.title, when(s)) for s in parsed.sessions] == [  # no date line: the <time> elements date them
        ("Opening Plenary: Ships Without Crews", ("2043-04-08", "09:00", "10:30")),
        ("Fireside Chat: Forty Years of Salvage", ("2043-04-09", "14:00", "14:45"))]  # the lunch names nobody
    plenary, fireside = parsed.sessions
    assert people(plenary) == [
        ("Moderator", "moderator", "Una Grey", [(None, "Quayside Chambers")]),
        ("Panelists", "panellist", "Omar Hale", [(None, "University of Eastmouth")]),
        ("Panelists", "panellist", "Liv Sand", [(None, "Pilots Guild of Examplia")]),
        ("Panelists", "panellist", "Raj Mehta", [("Chief Economist", None)])]  # a job title stays a title
    assert people(fireside) == [("Speaker", "speaker", "Tom Penrose", [(None, "Penrose Salvage Ltd")])]


# --- a "Slot | Session | Who" table, people split at semicolons (made up) ---------------------------------

SLOT_TABLE = """---
title: "Day 1"
date: 2044-06-17
---
# Day 1 – Tuesday 17 June 2044

| Slot | Session | Who | Room |
|------|---------|-----|------|
| 09:00–09:20 | Opening remarks | Hon. Rita Nyambura (Cabinet Secretary, Ministry of Fields) | Main Hall |
| 09:30–10:30 | Soil sensors at scale | Moderator: Dr Piet Kloos (Senior Scientist, Field Lab)<br>Ama Diop (CEO, SoilSense); Ravi Kale (CTO, FarmByte) | Main Hall |
| 10:30–11:00 | Tea break | | |
| 11:00–12:00 | Drones and the co-op | Lia Ortega (Director, Agrodatos Co-op); Tendo Moyo (Founder, SkyPlough) | Side Room |
"""


def test_a_slot_column_is_the_time_and_semicolons_part_the_people_of_a_who_column(tmp_path):
    write(tmp_path, {"_posts/day-1.md": SLOT_TABLE})
    parsed = parse(tmp_path, "_posts/day-1.md")
    assert [(s.title, when(s)) for s in parsed.sessions] == [
        ("Opening remarks", ("2044-06-17", "09:00", "09:20")),
        ("Soil sensors at scale", ("2044-06-17", "09:30", "10:30")),
        ("Drones and the co-op", ("2044-06-17", "11:00", "12:00"))]  # a cell of only one ";" line is read
    opening, soil, drones = parsed.sessions
    assert people(opening) == [
        ("Opening remarks", "remarks", "Rita Nyambura", [("Cabinet Secretary", "Ministry of Fields")])]
    assert people(soil) == [  # "Who" names no role: the others speak
        ("Moderator", "moderator", "Piet Kloos", [("Senior Scientist", "Field Lab")]),
        ("Speaker", "speaker", "Ama Diop", [("CEO", "SoilSense")]),
        ("Speaker", "speaker", "Ravi Kale", [("CTO", "FarmByte")])]
    assert people(drones) == [("Speaker", "speaker", "Lia Ortega", [("Director", "Agrodatos Co-op")]),
                              ("Speaker", "speaker", "Tendo Moyo", [("Founder", "SkyPlough")])]


def test_a_when_column_of_dates_is_no_time_column_and_the_skip_note_says_why(tmp_path):
    page = "Date: 3 May 2045\n\n| When | Talk | Speakers |\n|---|---|---|\n| Monday | Tides | Ana Roe, CEO, Acme |\n"
    write(tmp_path, {"_posts/week.md": page})
    parsed = parse(tmp_path, "_posts/week.md")
    assert parsed.sessions == [] and "has no 'time' column" in parsed.notes[0].message


def test_people_under_no_session_are_named_in_the_skip_note(tmp_path):
    write(tmp_path, {"_posts/2045-05-03-talk.md": "Some words.\n\nModerator: Ana Roe, Editor, Harbour Daily\n"})
    parsed = parse(tmp_path, "_posts/2045-05-03-talk.md")
    assert parsed.sessions == []
    assert "no session title or time (e.g. 'Moderator: Ana Roe" in parsed.notes[0].message


# --- zones printed by name -----------------------------------------------------------------------------


ZONE_NAMES = """Date: 14 July 2037

### 10:05 am - 10:45 am, ET: Counting Clouds
Speaker: Ana Lima, Analyst, Cloud Office

### 14:00 CET | Mapping the Harbour
Moderator: Cleo Park, Editor, Example Agency

### 16:00 MT Evaluation in practice
Speaker: Dev Rao, Chairman, TradeTech
"""


def test_a_zone_named_after_a_time_is_its_regions_zone_on_that_date(tmp_path):
    write(tmp_path, {"_posts/2037-03-01-day.md": ZONE_NAMES})
    parsed = parse(tmp_path, "_posts/2037-03-01-day.md")
    assert [(s.title, s.start.isoformat(), s.end and s.end.isoformat()) for s in parsed.sessions] == [
        ("Counting Clouds", "2037-07-14T10:05:00-04:00", "2037-07-14T10:45:00-04:00"),  # ET in July: EDT
        ("Mapping the Harbour", "2037-07-14T14:00:00+02:00", None),  # "CET" written in July: Paris's summer time
        ("MT Evaluation in practice", "2037-07-14T16:00:00", None)]  # a title's word, not Mountain Time


def test_a_page_that_gives_all_its_times_in_one_zone(tmp_path):
    write(tmp_path, {"_posts/2037-03-01-day.md": AGENDA_LIST.replace("#### June 29", "#### June 29, 2037")})
    parsed = parse(tmp_path, "_posts/2037-03-01-day.md")
    assert parsed.sessions and {s.start.utcoffset().total_seconds() / 3600 for s in parsed.sessions} == {2}
    plain = AGENDA_LIST.replace("#### June 29", "#### June 29, 2037").replace("(all times in CEST)\n", "")
    write(tmp_path, {"_posts/2037-03-01-day.md": plain})
    assert {s.start.tzinfo for s in parse(tmp_path, "_posts/2037-03-01-day.md").sessions} == {None}


EVENT_PAGE = """<html><body><h1>Norms after the Working Group</h1>
<p>Thursday, 13 March 2031, 14:00–15:30 CET</p>
<h3>Speakers</h3>
<ul><li><strong>Prof. Erik Lind</strong>, Professor, Uppsala University</li>
<li><strong>Ambassador Liisa Vir</strong>, Ambassador for Cyber Affairs, Ministry for Foreign Affairs of Finland</li></ul>
<p><strong>Moderator:</strong> Dr. Elin Sand, Director of Programmes, Example Forum</p>
</body></html>"""


def test_a_role_heading_under_the_title_and_a_date_line_with_the_time(tmp_path):
    write(tmp_path, {"events/norms.html": EVENT_PAGE})
    parsed = parse(tmp_path, "events/norms.html", PROFILE.replace('"_posts/*.md"', '"events/*.html"'))
    [session] = parsed.sessions
    assert (session.title, session.start.isoformat(), session.end.isoformat()) == (
        "Norms after the Working Group", "2031-03-13T14:00:00+01:00", "2031-03-13T15:30:00+01:00")
    assert [(r.role_label, r.role, r.name.name, r.country_code) for r in session.rows] == [
        ("Speakers", "speaker", "Erik Lind", None), ("Speakers", "speaker", "Liisa Vir", "FI"),
        ("Moderator", "moderator", "Elin Sand", None)]


GRID = """<h2>Wednesday 12 May 2032</h2>
<table><thead><tr><th>Time</th><th>Hall A</th><th>Hall B</th><th>Room 3</th></tr></thead><tbody>
<tr><td>09:00–09:45</td><td colspan="3"><a href="/talks/k/">Keynote: Tools</a><br><small>Ingrid Sol</small></td></tr>
<tr><td>10:00–10:45</td><td><a href="/t/rust/">Rust Five Years On</a><br><small>Bjorn Ang</small></td>
    <td rowspan="2"><a href="/t/ws/">Workshop: Testing</a><br><small>Zoe Kow &amp; Dmitri Vol</small></td>
    <td><a href="/t/obs/">Observability</a><br><small>Chloe Dur, Mateus Ara</small></td></tr>
<tr><td>11:00–11:45</td><td><a href="/t/api/">Designing APIs</a><br><small>Priya Ram</small></td>
    <td><a href="/t/pg/">Postgres at the Edge</a><br><small>Tomas Bri</small></td></tr>
<tr><td>12:00–13:00</td><td colspan="3">Lunch</td></tr>
</tbody></table>"""


def test_a_schedule_grid_of_rooms_with_spanning_cells_and_names_alone(tmp_path):
    write(tmp_path, {"schedule.html": GRID})
    parsed = parse(tmp_path, "schedule.html", PROFILE.replace('"_posts/*.md"', '"*.html"'))
    assert [(s.title, s.start.strftime("%H:%M"), s.room, [(r.role, r.name.name) for r in s.rows])
            for s in parsed.sessions] == [
        ("Keynote: Tools", "09:00", None, [("keynote", "Ingrid Sol")]),
        ("Rust Five Years On", "10:00", "Hall A", [("speaker", "Bjorn Ang")]),
        ("Workshop: Testing", "10:00", "Hall B", [("speaker", "Zoe Kow"), ("speaker", "Dmitri Vol")]),
        ("Observability", "10:00", "Room 3", [("speaker", "Chloe Dur"), ("speaker", "Mateus Ara")]),
        # Hall B is still the workshop's: the next cells are Hall A's and Room 3's
        ("Designing APIs", "11:00", "Hall A", [("speaker", "Priya Ram")]),
        ("Postgres at the Edge", "11:00", "Room 3", [("speaker", "Tomas Bri")])]


MEETUPS = """# Harbour Security Meetup

## Past meetups

### 14 March 2032 – Spring edition @ Example Host

18:00 doors, 18:30 talks

- **Detecting supply chain attacks in npm** — [Ola Hansen](https://github.com/olahansen) (Schibsted)
- *Lightning:* Bjorn Akerlund, Kongsberg Gruppen — "SBOMs are not enough"
- Panel: Ingrid Saether (NSM), Torbjorn Naess (Telenor); moderated by Ase Lonning

Host: Schibsted

### 21.03.2029 – Winter edition

- Kari Nordmann, DNB: *Red teaming a bank*
"""


def test_a_meetup_archive_of_dated_headings_and_talk_items(tmp_path):
    write(tmp_path, {"README.md": MEETUPS})
    parsed = parse(tmp_path, "README.md", PROFILE.replace('"_posts/*.md"', '"README.md"'))
    assert [(s.date.isoformat(), s.title, [(r.role, r.name.name, [(p.title, p.organisation) for p in r.positions])
                                           for r in s.rows]) for s in parsed.sessions] == [
        ("2032-03-14", "Detecting supply chain attacks in npm", [("speaker", "Ola Hansen", [(None, "Schibsted")])]),
        ("2032-03-14", "SBOMs are not enough", [("speaker", "Bjorn Akerlund", [(None, "Kongsberg Gruppen")])]),
        ("2032-03-14", "Panel", [("panellist", "Ingrid Saether", [(None, "NSM")]),
                                 ("panellist", "Torbjorn Naess", [(None, "Telenor")]),
                                 ("moderator", "Ase Lonning", [])]),
        ("2029-03-21", "Red teaming a bank", [("speaker", "Kari Nordmann", [(None, "DNB")])])]


PAPERS = """## Thursday, 12 June 2031

- 10:15–11:30 **Session 2: Evaluation** (Chair: Prof. Lena Hoff, TU Munich)
  - *Governing AI Act Conformity: Lessons from Practice.* Yui Naka (The University of Tokyo) and Raj Lind (KU Leuven)
  - *Securing Open-Weight Models.* Camille Fara (Inria Paris), Ode Mensa (University of Ghana)
"""


def test_papers_listed_under_a_session_are_talks_of_their_authors(tmp_path):
    write(tmp_path, {"program.md": PAPERS})
    parsed = parse(tmp_path, "program.md", PROFILE.replace('"_posts/*.md"', '"program.md"'))
    assert [(s.title, [(r.role, r.name.name, [p.organisation for p in r.positions]) for r in s.rows])
            for s in parsed.sessions] == [
        ("Session 2: Evaluation", [("moderator", "Lena Hoff", ["TU Munich"])]),
        ("Governing AI Act Conformity: Lessons from Practice", [("speaker", "Yui Naka", ["The University of Tokyo"]),
                                                                ("speaker", "Raj Lind", ["KU Leuven"])]),
        ("Securing Open-Weight Models", [("speaker", "Camille Fara", ["Inria Paris"]),
                                         ("speaker", "Ode Mensa", ["University of Ghana"])])]


def test_a_profile_names_honorifics_of_its_own(tmp_path):
    page = "## Mardi 14 octobre 2031\n\n### 9h30 – 10h45 | Souveraineté numérique\n\n" \
           "**Intervenants :** M. Jean Dupont, directeur général, Agence Exemple ; Mme Claire Martin, ministre\n"
    write(tmp_path, {"fr/programme.md": page})
    profile = '[site]\nseries = "forum"\nhonorifics = ["M."]\n[[parts]]\nfiles = "fr/*.md"\nreader = "programme"\n'
    [session] = parse(tmp_path, "fr/programme.md", profile).sessions
    assert [(r.name.honorific, r.name.name, r.role) for r in session.rows] == [
        ("M.", "Jean Dupont", "speaker"), ("Mme", "Claire Martin", "speaker")]


def test_authors_sharing_one_bracket_and_group_names_that_are_nobody(tmp_path):
    page = ("## Thursday, 12 June 2031\n\n- 09:00–09:15 Opening remarks (General Chairs)\n"
            "- 09:15–10:00 *Auditing the Auditors.* Jonas Cohen and Chiara Khan (Alan Turing Institute), "
            "Leila Khan (Dept. of Computer Science, University of Oslo, Norway)\n")
    write(tmp_path, {"program.md": page})
    parsed = parse(tmp_path, "program.md", PROFILE.replace('"_posts/*.md"', '"program.md"'))
    assert [(s.title, [(r.name.name, [p.organisation for p in r.positions], r.country_code) for r in s.rows])
            for s in parsed.sessions] == [
        ("Auditing the Auditors", [("Jonas Cohen", ["Alan Turing Institute"], None),
                                   ("Chiara Khan", ["Alan Turing Institute"], None),
                                   # a bracket of no job title is the organisation whole: a unit of its parent
                                   ("Leila Khan", ["Dept. of Computer Science, University of Oslo"], "NO")])]


def test_a_table_of_talks_dated_by_a_date_column(tmp_path):
    page = ("# Meetups 2029\n\n| Date | Speaker | Talk | Slides |\n|------|---------|------|--------|\n"
            "| 24.01.2029 | Kari Nord (Telenor) | Phishing your own company | [pdf](a.pdf) |\n"
            "| 21.03.2029 | Lars Aro (Visma) | Secrets in git history | |\n")
    write(tmp_path, {"archive/2029.md": page})
    parsed = parse(tmp_path, "archive/2029.md", PROFILE.replace('"_posts/*.md"', '"archive/*.md"'))
    assert [(s.date.isoformat(), s.start, s.title, [(r.name.name, [p.organisation for p in r.positions]) for r in s.rows])
            for s in parsed.sessions] == [
        ("2029-01-24", None, "Phishing your own company", [("Kari Nord", ["Telenor"])]),
        ("2029-03-21", None, "Secrets in git history", [("Lars Aro", ["Visma"])])]


def test_a_timed_line_naming_a_moderator_then_panellists(tmp_path):
    page = ("## Thursday, 12 June 2031\n\n- 15:30–16:00 **Panel: Who Audits the Auditors?**\n"
            "  Moderator: Dr. Rachel Osei (Alan Turing Institute). Panellists: Prof. Ines Carva (Inria Paris), "
            "Dr. Tom Whit (Lab X)\n")
    write(tmp_path, {"program.md": page})
    parsed = parse(tmp_path, "program.md", PROFILE.replace('"_posts/*.md"', '"program.md"'))
    assert [(s.title, [(r.role, r.name.name, [p.organisation for p in r.positions]) for r in s.rows])
            for s in parsed.sessions] == [
        ("Panel: Who Audits the Auditors?", [("moderator", "Rachel Osei", ["Alan Turing Institute"]),
                                             ("panellist", "Ines Carva", ["Inria Paris"]),
                                             ("panellist", "Tom Whit", ["Lab X"])])]


def test_a_break_with_its_place_in_brackets_is_no_session(tmp_path):
    page = ('## 14 May 2032\n\n- 17:00 - 18:00 : "Julia for engineers" (Kim Carl)\n'
            '- 18:30 - 20:30 : Dinner (Fat Lizard)\n')
    write(tmp_path, {"day.md": page})
    parsed = parse(tmp_path, "day.md", PROFILE.replace('"_posts/*.md"', '"day.md"'))
    assert [(s.title, [r.name.name for r in s.rows]) for s in parsed.sessions] == [
        ("Julia for engineers", ["Kim Carl"])]  # and the quotes are no part of the title


def test_a_name_alone_in_a_cell_is_a_person_when_printed_with_an_honorific(tmp_path):
    """"**Closing Remarks** <br> Mrs Grace Lau-Wong": a name with an honorific is a person though nothing else is
    printed with it; a bare line ("Networking Lunch") is not."""
    write(tmp_path, {"_posts/programme.md": "---\ntitle: Programme\n---\n## Tuesday, 15 October 2024\n\n"
                     "| Time | Programme |\n| --- | --- |\n"
                     "| 1200 – 1215hrs | **Closing Remarks** <br><br>Mrs Grace Lau-Wong |\n"
                     "| 1215 – 1230hrs | **Fireside** <br>Ms Clara Yeo <br>BG (NS) Lim Kok Heng |\n"
                     "| 1230 – 1330hrs | **Lunch** <br>Networking Lunch |\n"})
    parsed = parse(tmp_path, "_posts/programme.md")
    assert [(s.title, [(r.name.honorific, r.name.name) for r in s.rows]) for s in parsed.sessions] == [
        ("Closing Remarks", [("Mrs", "Grace Lau-Wong")]),
        ("Fireside", [("Ms", "Clara Yeo"), ("BG (NS)", "Lim Kok Heng")])]


def test_a_people_column_a_chair_in_the_session_cell_and_a_link_beside_a_talk(tmp_path):
    """Under a "Speakers" column "A, B, C" names three people; "(chair: X)" in the session cell names the chair and
    leaves the title; "([abstract](…))" after a talk is a link, nobody's organisation."""
    write(tmp_path, {"_posts/programme.md": "---\ntitle: Programme\n---\n## Wednesday 26 May 2031\n\n"
                     "| Time | Session | Speakers |\n|---|---|---|\n"
                     "| 11:00–12:00 | **Talk session 1: Old code** (chair: Jonas Eklund) | |\n"
                     "| 11:20–11:40 | Reproducible cryo-EM pipelines | Sigrid Hoel, Tomás Ferreira, Lena Østby |\n\n"
                     "## Thursday 27 May 2031\n\n"
                     '- 10:15 : Freya Lund and Jakob Nilsson _"Digitising herbarium sheets"_ ([abstract](../herbarium/))\n'})
    parsed = parse(tmp_path, "_posts/programme.md")
    assert [(s.title, [(r.role_label, r.name.name, [(p.title, p.organisation) for p in r.positions]) for r in s.rows])
            for s in parsed.sessions] == [
        ("Talk session 1: Old code", [("chair", "Jonas Eklund", [])]),
        ("Reproducible cryo-EM pipelines", [("Speakers", n, []) for n in ("Sigrid Hoel", "Tomás Ferreira", "Lena Østby")]),
        ("Digitising herbarium sheets", [("Speaker", "Freya Lund", []), ("Speaker", "Jakob Nilsson", [])])]


def test_a_session_title_linking_to_the_talk_page_is_that_page_s_session(tmp_path):
    """A programme row whose title links to the talk's own page ("../code-reviews/") and the talk page are one
    session: one appearance of its speaker, not two."""
    write(tmp_path, {
        "content/conf/programme.md": "+++\ntitle = \"Programme\"\n+++\n## Wednesday 26 May 2031\n\n"
                                     "| Time | Session | Speakers |\n|---|---|---|\n"
                                     "| 11:40–12:00 | [What we learned from code reviews](../code-reviews/) | Mikkel Dahl |\n"
                                     "| 12:00–12:20 | [Lunch talk](https://elsewhere.example/x/) | Bo Chan |\n",
        "content/conf/code-reviews.md": "+++\ntitle = \"What we learned from code reviews\"\n[extra]\n"
                                        "authors = \"Mikkel Dahl\"\nwhen = \"2031-05-26T11:40:00\"\n+++\nAbstract.\n",
        "speakergraph.toml": '[site]\nseries = "conf"\n[[parts]]\nfiles = "content/conf/code-reviews.md"\n'
                             'reader = "frontmatter"\nsessions = "**/*.md"\nspeaker_key = "extra.authors"\nstart = "extra.when"\n'
                             '[[parts]]\nfiles = "content/conf/programme.md"\nreader = "programme"\n'})
    store = ingested(tmp_path, profile_path=tmp_path / "speakergraph.toml")
    rows = table(store.query("PREFIX sg: <https://w3id.org/speakergraph/vocab#> SELECT ?s ?p WHERE { ?a a sg:Appearance ; "
                             "sg:session ?s ; sg:person ?p } ORDER BY ?s")).dicts()
    assert [(r["s"].rsplit("/", 2)[-1], r["p"].rsplit("/", 1)[-1]) for r in rows] == [
        ("code-reviews", "mikkel-dahl"), ("lunch-talk", "bo-chan")]


def test_role_lines_without_colon_and_positions_on_lines_under_a_bare_name(tmp_path):
    """"*Guest of Honour*" alone on a line names the role of the next; "Permanent Secretary (Digital Development),
    Ministry" under a bare name is its position, not a person "(Digital Development)"; a title line then an
    organisation line are one position."""
    write(tmp_path, {"_posts/programme.md": "---\ntitle: Programme\n---\n## Tuesday, 4 March 2031\n\n"
                     "| Time | Programme |\n| --- | --- |\n"
                     "| 0930 – 0945 | **Opening Address**<br>*Guest of Honour*<br>Mr TAN Kiat Hong, Minister of State, "
                     "Ministry of Examples |\n"
                     "| 1000 – 1100 | **Panel: Two ways**<br>Panellists<br>Dr Rahul MENON, Chief Data Officer, Ministry of "
                     "Health<br>Moderator<br>Mr LIM Boon Keat, Deputy Chief Executive, Example Agency |\n"
                     "| 1100 – 1130 | **Keynote Address**<br>Dr WONG Mei Fong<br>Permanent Secretary (Digital Development), "
                     "Ministry of Examples |\n"
                     "| 1130 – 1200 | **Closing Address**<br>Ms Ana LIMA<br>Permanent Secretary<br>Ministry of Examples |\n"})
    parsed = parse(tmp_path, "_posts/programme.md")
    assert [[(r.role, r.name.name, [(p.title, p.organisation) for p in r.positions]) for r in s.rows]
            for s in parsed.sessions] == [
        [("guest-of-honour", "Tan Kiat Hong", [("Minister of State", "Ministry of Examples")])],
        [("panellist", "Rahul Menon", [("Chief Data Officer", "Ministry of Health")]),
         ("moderator", "Lim Boon Keat", [("Deputy Chief Executive", "Example Agency")])],
        [("keynote", "Wong Mei Fong", [("Permanent Secretary (Digital Development)", "Ministry of Examples")])],
        [("remarks", "Ana Lima", [("Permanent Secretary", "Ministry of Examples")])]]


def test_people_named_in_the_prose_of_an_event_page(tmp_path):
    """An event page that names its people only in sentences ("… featured remarks by H.E. Ms Claire Dubois, …, and Ms
    Amina Diallo, …"): its session has them, each with their positions; a long sentence of lower-case words after a
    person is read at once (it once backtracked without end)."""
    write(tmp_path, {"_posts/2031-07-10-voices.md": (
        "---\ntitle: Voices from the OEWG\n---\n# Voices from the OEWG\n\n"
        "**Thursday, 10 July 2031, 13:15–14:30 EDT** — Conference Room 12\n\n"
        "The event featured remarks by H.E. Ms Claire Dubois, Ambassador and Deputy Permanent Representative of "
        "Canada to the United Nations, and Ms Amina Diallo, Cyber Policy Adviser, Ministry of Digital Economy of "
        "Senegal, who reflected on a decade of gender mainstreaming in the cyber processes of the organisation and "
        "on what the next decade will ask of everyone in the room. Closing remarks were delivered by Mr Rafael Souza, "
        "Counsellor, Permanent Mission of Brazil to the United Nations.\n")})
    parsed = parse(tmp_path, "_posts/2031-07-10-voices.md")
    assert [(r.name.honorific, r.name.name, r.country_code) for s in parsed.sessions for r in s.rows] == [
        ("H.E. Ms", "Claire Dubois", "CA"), ("Ms", "Amina Diallo", "SN"), ("Mr", "Rafael Souza", "BR")]


# --- definition lists, a name over its position, a numbered day with its date ---------------------------


SUMMIT = '[site]\nseries = "shield"\n[[parts]]\nfiles = "*.html"\nreader = "programme"\n'


def test_a_definition_list_of_leaders_and_list_items_printing_the_name_over_the_position(tmp_path):
    write(tmp_path, {"agenda.html": """<html><body><nav><a href="/">Home</a></nav><main>
      <h2>Day 1 – 14 May 2031</h2>
      <div class="item"><h4>11:00 - 12:30 Workshop: Incident Response for Small Towns</h4>
        <p>Hands-on, bring a laptop. Workshop leaders:</p>
        <dl class="leaders"><dt>J&#257;nis Ozoli&#326;&scaron;</dt><dd>Incident Handler, CERT.XY</dd>
          <dt>Dr. Eva Kronberga</dt><dd>Associate Professor</dd><dd>Riga Institute of Examples</dd></dl></div>
      <h2>Day 2 – 15 May 2031</h2>
      <div class="item"><h4>09:00 - 09:45 Panel: Ports under Pressure</h4><p>Speakers:</p>
        <ul><li>Ola Berg<br>Threat Analyst, Harbour Works</li><li>Mia Sand, Lead, Example Port Authority</li></ul></div>
      </main></body></html>"""})
    first, second = parse(tmp_path, "agenda.html", SUMMIT).sessions
    assert when(first) == ("2031-05-14", "11:00", "12:30") and when(second) == ("2031-05-15", "09:00", "09:45")
    assert [p[2:] for p in people(first)] == [("Jānis Ozoliņš", [("Incident Handler", "CERT.XY")]),
                                              ("Eva Kronberga", [("Associate Professor", "Riga Institute of Examples")])]
    assert [p[2:] for p in people(second)] == [("Ola Berg", [("Threat Analyst", "Harbour Works")]),
                                               ("Mia Sand", [("Lead", "Example Port Authority")])]


def test_a_lone_person_under_a_role_titled_session_and_a_with_line_are_the_sessions_people(tmp_path):
    write(tmp_path, {"programme.html": """<html><body><main><h2>Mercredi 17 mai 2031</h2>
      <div class="slot"><span class="heure">11:00</span><h3>Discours de clôture</h3>
        <p>Mme Katrin Aalto, députée européenne, Parlement européen</p></div>
      <div class="slot"><span class="heure">11:30</span><h3>Atelier : les données</h3>
        <p>Avec Mme Nadia Roux, cheffe de bureau, Agence des Exemples</p></div>
      <div class="slot"><span class="heure">12:30</span><h3>Keynote</h3>
        <p>A short look at the harbour and its history.</p></div>
      </main></body></html>"""})
    got = parse(tmp_path, "programme.html", SUMMIT).sessions
    closing, workshop = [s for s in got if s.rows]
    assert [p[1:] for p in people(closing)] == [("remarks", "Katrin Aalto",
                                                 [("députée européenne", "Parlement européen")])]
    assert [p[2:] for p in people(workshop)] == [("Nadia Roux", [("cheffe de bureau", "Agence des Exemples")])]
    assert [s.title for s in got if not s.rows] in ([], ["Keynote"])  # a sentence under its heading names nobody


def test_french_clock_notation_in_a_programme_table(tmp_path):
    write(tmp_path, {"_posts/2031-05-17-forum.md": "---\ntitle: Forum\ndate: 2031-05-17\n---\n\n"
                     "| Heure | Programme |\n|---|---|\n| 9h30 – 10h15 | Ouverture — Mme Ana Roux, Agence des Exemples |\n"
                     "| 11h | Discours de clôture — M. Paul Lenoir, Ville des Exemples |\n"
                     "| 14 h 00 – 15 h 30 | Atelier — Dr Ida Berg, Institut des Exemples |\n"})
    got = parse(tmp_path, "_posts/2031-05-17-forum.md").sessions
    assert [when(s) for s in got] == [("2031-05-17", "09:30", "10:15"), ("2031-05-17", "11:00", None),
                                      ("2031-05-17", "14:00", "15:30")]


def test_a_role_word_printed_after_a_name_is_her_role_unless_it_is_an_office_at_a_body(tmp_path):
    write(tmp_path, {"_posts/2031-05-17-forum.md": "---\ntitle: Forum\ndate: 2031-05-17\n---\n\n"
                     "### 12:00–12:15 | Closing Segment\n\n"
                     "Closing remarks by Prof. Ann Lee, Chair, Example Forum Advisory Board\n\n"
                     "### 12:15–13:00 | Panel: Open Waters\n\n"
                     "- **Bo Chan**, moderator, former Example Girls organizer\n"
                     "- Cy Roe, Director, Harbour Works\n"})
    closing, panel = parse(tmp_path, "_posts/2031-05-17-forum.md").sessions
    assert [p[1:] for p in people(closing)] == [("remarks", "Ann Lee", [("Chair", "Example Forum Advisory Board")])]
    assert [(p[1], p[2]) for p in people(panel)] == [("moderator", "Bo Chan"), ("panellist", "Cy Roe")]
    assert people(panel)[0][3] == [("former Example Girls organizer", None)] or \
        people(panel)[0][3] == [(None, "former Example Girls organizer")]
