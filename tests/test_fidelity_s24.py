"""Session 24 fidelity: what new-user trials of new shapes found — a one-day conference's YAML programme with a key
per role (strings "Name, Title, Org" under emcee, moderator and speaker as well as lists), a speakers file's `job`
key, card grids whose paragraph holds the name above its title and organisation lines, and a programme's bold
"time | Track A: title" line over an italic room — each read with no profile (the draft)."""

from __future__ import annotations

from pathlib import Path

from conftest import drafted_rows

PROGRAM = """\
- title: Welcome and Opening Remarks
  type: Plenary
  time: 2031-06-10T09:00
  emcee:
    - Rosa Vidal, Executive Director, Open Map Council
  speaker: Hon. Peter Quill, Assistant Secretary, U.S. Department of Maps
- title: Registration
  type: Break
  time: 2031-06-10T08:00
- title: Data Standards Panel
  type: Panel
  time: 2031-06-10T10:00
  moderator: Karen Moss. Senior Adviser, Office of Budget Plans
  panelists:
    - Dr. Sam Brook, Chief Officer, U.S. Department of Fields
    - Lena Park, Director, Harbour Survey Agency
- title: Imagery Panel
  type: Panel
  time: 2031-06-10T11:00
  moderator:
    - Priya Venn, Senior Analyst, Geo Data Coalition
  panelists:
    - Tom Hale, Manager, Open Orbit Inc.
    - Ada Crane, Director, Sky Lab
- title: Closing Keynote
  type: Plenary
  time: 2031-06-10T12:00
  speaker: Dr. Ivy Stone, Chief Scientist, Terra Labs
"""


def test_a_key_per_role_holding_person_strings_is_read_whatever_its_shape(tmp_path: Path):
    """`emcee` (a list), `moderator` (a string in one record, a list in another, once with a full stop after the
    name) and `speaker` (a string) are each read with their role beside `panelists`: none of their people is lost."""
    rows, text, _ = drafted_rows(tmp_path, {"_config.yml": "title: Map Day\n", "_data/program2031.yml": PROGRAM})
    assert rows[("Rosa Vidal", "Welcome and Opening Remarks")][:3] == (
        "moderator", "Executive Director", "Open Map Council"), text
    assert rows[("Peter Quill", "Welcome and Opening Remarks")][0] == "remarks"
    assert rows[("Karen Moss", "Data Standards Panel")][0] == "moderator"
    assert rows[("Priya Venn", "Imagery Panel")][:3] == ("moderator", "Senior Analyst", "Geo Data Coalition")
    assert rows[("Ivy Stone", "Closing Keynote")][:3] == ("keynote", "Chief Scientist", "Terra Labs")
    assert rows[("Lena Park", "Data Standards Panel")][0] == "panellist"
    assert len(rows) == 9, rows


SPEAKERS = """\
- id: ann-roe
  full_name: Ann Roe
  affiliation: Harbour Bank
  job: Head of Threat Analysis
- id: bo-lind
  full_name: Bo Lind
  affiliation: North CERT
  job: Incident Responder
"""

AGENDA = """\
days:
  - date: 2032-10-20
    slots:
      - time: "09:30"
        title: Tracking Loaders in the Wild
        kind: talk
        speakers: [ann-roe]
      - time: "10:30"
        title: Ten Years of Incident Notes
        kind: talk
        speakers: [bo-lind]
"""


def test_a_speakers_job_key_is_their_job_title(tmp_path: Path):
    rows, text, _ = drafted_rows(tmp_path, {"_config.yml": "title: Threat Summit\n",
                                            "_data/2032/program.yml": AGENDA, "_data/2032/speakers.yml": SPEAKERS})
    assert rows[("Ann Roe", "Tracking Loaders in the Wild")][:3] == ("speaker", "Head of Threat Analysis",
                                                                    "Harbour Bank"), text
    assert rows[("Bo Lind", "Ten Years of Incident Notes")][1] == "Incident Responder"


CARDS = """---
title: Speakers 2033
permalink: /2033/speakers/
---
## Speakers

<section class="cards">
  <div class="card">
    <img src="/img/a.png" alt="">
    <p><strong>Mr Lim Boon Hock</strong><br>
    <em>Chief Executive, Government Data Office</em></p>
  </div>
  <div class="card">
    <img src="/img/b.png" alt="">
    <p><strong>Dr Priya Nair</strong><br>
    <em>Director (AI Governance)</em><br>
    <em>Centre for Public Sector AI</em></p>
  </div>
  <div class="card">
    <img src="/img/c.png" alt="">
    <p><a href="/2033/speakers/rhea-thorn/"><strong>Ms Rhea Thorn</strong></a><br>
    <em>General Counsel</em><br>
    Kestrel Systems</p>
  </div>
</section>
"""

PROGRAMME = """---
title: Programme 2033
permalink: /2033/programme/
---
## Day 1 – 14 October 2033

**09:00 – 09:30 | Opening Keynote**<br>
Speaker: Mr Lim Boon Hock

**13:30 – 14:45 | Track A: Buying AI Responsibly**<br>
*Sentosa Room 1*<br>
How should agencies write requirements for systems they do not build?

Moderator: Dr Priya Nair<br>
Speakers: Ms Rhea Thorn, Mr Omar Haddad

**13:30 – 14:45 | Track B: AI at the Front Counter**<br>
*Sentosa Room 2*<br>

Moderator: Ms Rhea Thorn
"""


def test_a_cards_paragraph_holding_the_name_gives_its_other_lines_as_the_position(tmp_path: Path):
    """`position = "p"` over `<p><strong>Name</strong><br><em>Title</em><br><em>Org</em></p>`: the name is not part
    of the title, and a title line then an organisation line are a title and its organisation."""
    rows, text, _ = drafted_rows(tmp_path, {"_config.yml": "title: GovAI Forum\n",
                                            "pages/2033/speakers.md": CARDS, "pages/2033/programme.md": PROGRAMME})
    assert rows[("Lim Boon Hock", "Opening Keynote")][1:3] == ("Chief Executive", "Government Data Office"), text
    track = "Track A: Buying AI Responsibly"
    assert rows[("Priya Nair", track)][:3] == ("moderator", "Director (AI Governance)", "Centre for Public Sector AI")
    assert rows[("Rhea Thorn", track)][:3] == ("speaker", "General Counsel", "Kestrel Systems")


def test_an_italic_line_under_a_bold_timed_title_is_no_title(tmp_path: Path):
    """"**13:30 – 14:45 | Track A: Buying AI Responsibly**" over "*Sentosa Room 1*": the session keeps its title (the
    italic line is its room), and "Track A:" is no person's label."""
    rows, text, _ = drafted_rows(tmp_path, {"_config.yml": "title: GovAI Forum\n",
                                            "pages/2033/speakers.md": CARDS, "pages/2033/programme.md": PROGRAMME})
    sessions = {s for _, s in rows}
    assert "Track A: Buying AI Responsibly" in sessions and "Track B: AI at the Front Counter" in sessions, text
    assert not {s for s in sessions if "Sentosa" in s}, sessions
    assert ("Omar Haddad", "Track A: Buying AI Responsibly") in rows
    assert not [n for n, _ in rows if "Responsibly" in n]


FRAB = """<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <version>1.0</version>
  <conference><acronym>dk34</acronym><title>Datenkongress 2034</title><start>2034-10-20</start>
    <end>2034-10-20</end><days>1</days><time_zone_name>Europe/Berlin</time_zone_name></conference>
  <day index="1" date="2034-10-20" start="2034-10-20T10:00:00+02:00" end="2034-10-21T03:00:00+02:00">
    <room name="Saal 1">
      <event guid="0b6f" id="501">
        <date>2034-10-20T11:00:00+02:00</date><start>11:00</start><duration>00:45</duration><room>Saal 1</room>
        <title>Encryption and the new surveillance laws</title><type>podium</type><language>en</language>
        <abstract>A podium.</abstract><description>Moderation: Sara Holm</description>
        <persons><person id="71">Kadri Tamm (Ministry of Justice of Estonia)</person>
          <person id="72">Ann Lee (she/her)</person><person id="73">Sara Holm</person></persons>
      </event>
    </room>
  </day>
</schedule>
"""

SPEAKERS_PAGE = """<html><body><h1>Speakers</h1><ul class="speakers">
<li><h3><a href="/speakers/71.html">Kadri Tamm (Ministry of Justice of Estonia)</a></h3>
  <p class="bio">Works on laws on electronic communications.</p>
  <p class="events">Events: <a href="/events/501.html">Encryption and the new surveillance laws</a></p></li>
<li><h3><a href="/speakers/72.html">Ann Lee (she/her)</a></h3>
  <p class="bio">Long-time digital rights activist, lives in Utrecht.</p>
  <p class="events">Events: <a href="/events/501.html">Encryption and the new surveillance laws</a></p></li>
<li><h3><a href="/speakers/73.html">Sara Holm</a></h3>
  <p class="bio">Journalist.</p>
  <p class="events">Events: <a href="/events/501.html">Encryption and the new surveillance laws</a></p></li>
</ul></body></html>
"""


def test_a_frab_public_name_with_an_organisation_in_brackets_and_a_speakers_page_of_bios(tmp_path: Path):
    """"Kadri Tamm (Ministry of Justice of Estonia)": the name, and the organisation with its country; pronouns in
    brackets are no organisation; a speakers page whose paragraphs are classed "bio" and "events" lends no
    position (neither the biography nor the list of talks is a title and organisation)."""
    rows, text, _ = drafted_rows(tmp_path, {"2034/schedule.xml": FRAB, "2034/speakers.html": SPEAKERS_PAGE})
    podium = "Encryption and the new surveillance laws"
    assert rows[("Kadri Tamm", podium)] == ("panellist", None, "Ministry of Justice of Estonia", "EE"), text
    assert rows[("Ann Lee", podium)] == ("panellist", None, None, None)
    assert rows[("Sara Holm", podium)][:3] == ("moderator", None, None)
    assert len(rows) == 3, rows


ROUNDTABLE = """---
title: Harbour Leaders' Roundtable 2035
permalink: /roundtable/2035/
---
**Date:** Tuesday, 17 April 2035

### Programme

<table>
<tr><th>Time</th><th>Programme</th></tr>
<tr><td>0900 – 0910</td><td><b>Welcome Remarks</b><br>Mr Tan Boon Hwee</td></tr>
<tr><td>1030 – 1200</td><td><b>Session 1: Decarbonising Ports</b><br>Chairperson: Mr Pieter de Wit<br>Panellists: Ms Ada Obi (virtual), Capt Ravi Menon, Mdm Siti Aminah binti Salleh</td></tr>
<tr><td>1200 – 1330</td><td>Lunch</td></tr>
</table>

### Speakers and Delegates

<div class="row">
<div class="col is-4"><p><b>Mr TAN Boon Hwee</b><br>Chief Executive<br>Straits Harbour Authority<br>Singapore</p></div>
<div class="col is-4"><p><b>Mr Pieter DE WIT</b><br>Chief Operating Officer<br>Scheldt Port Authority<br>Netherlands</p></div>
<div class="col is-4"><p><b>Ms Ada OBI</b><br>Deputy Managing Director<br>Lagos Harbour Services Company<br>Nigeria</p></div>
</div>
<div class="row">
<div class="col is-4"><p><b>Capt Ravi MENON</b><br>Chairman<br>Kandla Bay Port Trust<br>India</p></div>
<div class="col is-4"><p><b>Mdm Siti Aminah BINTI SALLEH</b><br>Chief Executive<br>Selat Port Management Sdn Bhd<br>Malaysia</p></div>
<div class="col is-4"><p><b>Mr Bo LIND</b><br>Adviser<br>Nordic Port Workers' Federation<br>Sweden</p></div>
</div>
"""


def test_cards_below_a_programme_that_prints_names_only_lend_their_positions(tmp_path: Path):
    """Delegate cards under "Speakers and Delegates" on the programme's page: each speaker named in the programme
    takes the title, organisation and country of their card, and the cards make no session of their own (a
    delegate who did not speak makes no appearance); "(virtual)" is how one takes part, no organisation; a port
    trust, a "Sdn Bhd" and a federation are organisations, never people."""
    rows, text, _ = drafted_rows(tmp_path, {"_config.yml": "title: Harbour Leaders' Roundtable\n",
                                            "_roundtable/2035.md": ROUNDTABLE})
    session = "Session 1: Decarbonising Ports"
    assert rows[("Pieter de Wit", session)] == ("moderator", "Chief Operating Officer", "Scheldt Port Authority",
                                                 "NL"), text
    assert rows[("Ada Obi", session)] == ("panellist", "Deputy Managing Director", "Lagos Harbour Services Company",
                                          "NG")
    assert rows[("Ravi Menon", session)] == ("panellist", "Chairman", "Kandla Bay Port Trust", "IN")
    assert rows[("Siti Aminah binti Salleh", session)][1:] == ("Chief Executive", "Selat Port Management Sdn Bhd",
                                                               "MY")
    assert rows[("Tan Boon Hwee", "Welcome Remarks")][1:] == ("Chief Executive", "Straits Harbour Authority", "SG")
    assert len(rows) == 5, rows  # no session of the cards, no "Bo Lind", no "Kandla Bay Port Trust"


BREAKOUTS = """---
title: Roundtable 2036
---
**Date:** Wednesday, 23 April 2036

- **1045 – 1230 | Session 1: The Port of 2040**
  Moderator: Ms Clare Fitz
  Speakers: Mr Ken Wata, Ms Olga Hart
- **1400 – 1530 | Parallel Breakout Sessions**
  - **Track A: Automation and Cyber Resilience** (Orchid Room)
    Moderator: Mr Park Jae-won
    Speakers: Ms Sophie Laurent, Mr Rahul Desh
  - **Track B: Financing Port Infrastructure** (Jasmine Room)
    Moderator: Ms Nadia Kowal
    Speakers: Mr Sam Mensah, Mr Bui Quang Huy
"""


def test_nested_items_each_opening_with_a_bold_title_are_parallel_sessions(tmp_path: Path):
    rows, text, _ = drafted_rows(tmp_path, {"_config.yml": "title: Roundtable\n", "pages/roundtable-2036.md": BREAKOUTS})
    track_a, track_b = "Track A: Automation and Cyber Resilience", "Track B: Financing Port Infrastructure"
    assert {n for n, s in rows if s.startswith(track_a)} == {"Park Jae-won", "Sophie Laurent", "Rahul Desh"}, text
    assert {n for n, s in rows if s.startswith(track_b)} == {"Nadia Kowal", "Sam Mensah", "Bui Quang Huy"}
    assert rows[next(k for k in rows if k[0] == "Rahul Desh")][1] is None  # Track B's line is no position of his


AGENDA_2037 = """\
"9:00 AM":
  session: Welcome and Opening Remarks
  format: Plenary
  people:
    - {name: Rosa Vidal, title: Executive Director, org: Open Map Council, role: Welcome}
"10:00 AM":
  session: Mapping the Coast
  format: Panel
  people:
    - {name: Wanjiru Kamau, title: Director General, org: Survey of Kenya, role: Panelist}
    - {name: Tom Hale, title: Manager, org: Open Orbit Inc., role: Moderator}
"""


def test_a_data_file_dated_only_by_its_path_takes_the_day_the_pages_print(tmp_path: Path):
    """`_data/2037/agenda.yml` holds times only: its sessions are on the day the site's pages print in 2037 (not on
    1 January); "Survey of Kenya" is a state body of Kenya."""
    rows, text, _ = drafted_rows(tmp_path, {
        "_config.yml": "title: Map Day\nevent_date_display: 'Tuesday, September 21, 2037'\n",
        "index.html": "<h1>Map Day 2037</h1><p>Tuesday, September 21, 2037 — Washington, DC</p>",
        "agenda.html": "---\ntitle: Agenda\n---\n<p>Tuesday, September 21, 2037 · all times Eastern</p>",
        "_data/2037/agenda.yml": AGENDA_2037}, dated=True)
    assert rows[("Rosa Vidal", "Welcome and Opening Remarks")][-1] == "2037-09-21", text
    assert rows[("Wanjiru Kamau", "Mapping the Coast")][3:] == ("KE", "2037-09-21")


def test_files_numbering_their_day_take_the_day_after_the_first(tmp_path: Path):
    day = ("- {name: Registration, time_start: '08:30', time_end: '09:30'}\n"
           "- {name: Keynote talk, time_start: '09:30', time_end: '10:15', chair: 'Dr. Ann Lee (Rideau Institute)'}\n"
           "- {name: Panel discussion, time_start: '10:30', time_end: '11:30', chair: 'Cy Dee (Lakeshore Lab)'}\n"
           "- {name: Lunch, time_start: '12:00', time_end: '13:00'}\n")
    rows, text, _ = drafted_rows(tmp_path, {
        "_config.yml": "title: Norms Workshop\n",
        "_pages/program.md": "---\ntitle: Program\n---\n## Day 1 · Thursday, 16 October 2038\n\n"
                             "## Day 2 · Friday, 17 October 2038\n",
        "_data/2038/schedule_day1.yml": day, "_data/2038/schedule_day2.yml": day.replace("Ann Lee", "Bo Chan")},
        dated=True)
    assert rows[("Ann Lee", "Keynote talk")][-1] == "2038-10-16", text
    assert rows[("Bo Chan", "Keynote talk")][-1] == "2038-10-17"


SCHEDULE_DAY1 = """\
- {name: Registration and coffee, time_start: '08:30', time_end: '09:15'}
- {name: Opening remarks, time_start: '09:15', time_end: '09:30'}
- {name: Keynote talk (in-person), time_start: '09:30', time_end: '10:15'}
- {name: Panel discussion, title: 'Can norms keep pace?', time_start: '11:00', time_end: '12:00'}
- {name: Lunch, time_start: '12:00', time_end: '13:00'}
"""
SCHEDULE_DAY2 = """\
- {name: Keynote talk (virtual), time_start: '09:30', time_end: '10:15'}
- {name: Invited talk, time_start: '10:30', time_end: '11:00'}
- {name: Closing remarks, time_start: '16:00', time_end: '16:15'}
"""
SLOT_SPEAKERS = """\
- fullname: Tomas Wirth
  nametitle: Prof.
  affiliations: [Vistula School of Law, Centre for Digital Order]
  position: Professor of Law · Director
  title: "Attribution after autonomy"
  time: "09:30"
  session: day1
- fullname: Ingrid Solvang
  affiliations: [Ministry of Foreign Affairs of Norway]
  position: Senior Adviser
  time: ["11:00", "09:30"]
  session: [day1, day2]
  title: "Norms in practice"
- fullname: Rohan Mehta
  affiliations: [Northlight Security]
  position: Threat Lead
  time: "11:00"
  session: day1
- fullname: Ada Obi
  affiliations: [Lagos Cyber Lab]
  position: Researcher
  time: "10:30"
  session: day2
  title: "Due diligence without capacity"
- fullname: Bo Lind
  affiliations: [Nordic Policy Lab]
  position: Director
  time: ["09:15", "16:00"]
  session: [day1, day2]
- fullname: Hidden Person
  affiliations: [Nowhere]
  position: Nobody
  time: "09:15"
  session: day1
  skip: true
"""


def test_speakers_placed_by_day_code_and_time_into_files_numbering_their_day(tmp_path: Path):
    """`session: day2` + `time: "09:30"` places a speaker in `schedule_day2.yml`'s 09:30 slot, dated the day after
    the first day the pages print; a slot's kind ("Panel discussion") gives its people their role; a talk's title
    titles a slot that prints only its kind; titles parted at " · " pair with the organisations listed."""
    rows, text, _ = drafted_rows(tmp_path, {
        "_config.yml": "title: Norms Workshop\n",
        "_pages/program.md": "---\ntitle: Program\n---\n## Day 1 · Thursday, 16 October 2039\n\n"
                             "## Day 2 · Friday, 17 October 2039\n",
        "_data/2039/schedule_day1.yml": SCHEDULE_DAY1, "_data/2039/schedule_day2.yml": SCHEDULE_DAY2,
        "_data/2039/speakers.yml": SLOT_SPEAKERS}, dated=True)
    assert rows[("Tomas Wirth", "Attribution after autonomy")] == (
        "keynote", "Professor of Law", "Vistula School of Law", None, "2039-10-16"), text
    assert rows[("Ingrid Solvang", "Can norms keep pace?")][0] == "panellist"
    assert rows[("Rohan Mehta", "Can norms keep pace?")][:2] == ("panellist", "Threat Lead")
    assert rows[("Ingrid Solvang", "Norms in practice")] == ("keynote", "Senior Adviser",
                                                            "Ministry of Foreign Affairs of Norway", "NO", "2039-10-17")
    assert rows[("Ada Obi", "Due diligence without capacity")][-1] == "2039-10-17"
    assert rows[("Bo Lind", "Closing remarks")] == ("remarks", "Director", "Nordic Policy Lab", None, "2039-10-17")
    assert rows[("Bo Lind", "Opening remarks")][-1] == "2039-10-16"
    assert not [k for k in rows if k[0] == "Hidden Person"]


SHEET = """\ufeffDay,Date,Start,End,Session,Format,Room,Role,Name,Title,Organisation,Country
Day 1,19/03/2040,08:30,09:15,Registration,Break,Foyer,,,,,
,,09:15,09:45,Opening of the Dialogue,Plenary,Hall,Opening remarks,H.E. Mr Bo Trajko,Minister of Digital Affairs,Ministry of Digital Affairs,North Macedonia
,,11:00,12:30,Panel 1A: Protecting Cables,Panel,Room Ohrid,Chair,Luka Kovac,Director,Cable Institute,Croatia
,,,,,,,Panellist,Ana Petre,Analyst,Port Cyber Lab,Romania
,,11:00,12:30,Panel 1B: Confidence-Building,Panel,Room Prespa,Moderator,Ema Hoxha,Researcher,Policy Centre,Albania
,,,,,,,Panellist,Ivo Ilic,Adviser,Security Office,Serbia
"""

APP_EXPORT = '''"Session Title","Start Time","End Time","Location","Track","Speakers","Moderator"
"Registration & Coffee","03/18/2041 08:30 AM","03/18/2041 09:15 AM","Foyer","Plenary","",""
"Opening Remarks","03/18/2041 09:15 AM","03/18/2041 09:45 AM","Main Hall","Plenary","H.E. Dr. Elira Basha - Minister of State for Digital Innovation, Government of Albania; Ivo Stoja - Director, Regional Centre for Digital Policy",""
"Keynote: Trust as Infrastructure","03/18/2041 09:45 AM","03/18/2041 10:30 AM","Main Hall","Plenary","Dr. Elena Marin - Deputy Minister, Ministry of Electronic Governance of Bulgaria","Nik Petro - Programme Lead, Regional Centre for Digital Policy"
"Panel: Health Sector Resilience","03/18/2041 01:30 PM","03/18/2041 02:45 PM","Room B","Track B","Besnik Gashi - Chief Digital Officer, Tirana Hospital Network; Marta Kowal (Health Cyber Centre)","Mila Stan - Researcher, ShieldLab"
'''


def test_spreadsheet_exports_of_an_agenda_are_read(tmp_path: Path):
    """A sheet of a row per person whose 'Session' names parallel sessions beside each person's 'Title'; an event
    app's export of a row per session, a date and a time in one cell ("03/18/2041 09:30 AM"), the people in one
    cell ("Name - Title, Org; Name (Org)") and a 'Moderator' column; a "Plenary" track is no session's title."""
    rows, text, _ = drafted_rows(tmp_path, {"hugo.toml": "title = 'Cyber Dialogue'\n",
                                            "static/agenda-2040.csv": SHEET, "static/programme-2041.csv": APP_EXPORT},
                                 dated=True)
    assert rows[("Luka Kovac", "Panel 1A: Protecting Cables")] == ("moderator", "Director", "Cable Institute", "HR",
                                                                    "2040-03-19"), text
    assert rows[("Ivo Ilic", "Panel 1B: Confidence-Building")][:2] == ("panellist", "Adviser")
    assert rows[("Elira Basha", "Opening Remarks")] == ("remarks", "Minister of State for Digital Innovation",
                                                        "Government of Albania", "AL", "2041-03-18")
    assert rows[("Nik Petro", "Keynote: Trust as Infrastructure")][:3] == ("moderator", "Programme Lead",
                                                                          "Regional Centre for Digital Policy")
    assert rows[("Marta Kowal", "Panel: Health Sector Resilience")][:3] == ("panellist", None, "Health Cyber Centre")


YEAR_2042 = {"Year": 2042, "Date": "2042-08-06", "Sessions": [
    {"Id": "s1", "Title": "Shipping Faster with Feature Flags", "Format": "Presentation (45 mins)",
     "Presenters": [{"Id": "p1", "Name": "Ann Roe", "Tagline": "Principal Engineer at Quokka Cloud"}]},
    {"Id": "s2", "Title": "Accessible Forms in Practice", "Format": "Presentation (45 mins)",
     "Presenters": [{"Id": "p2", "Name": "Bo Lind", "Tagline": "Product Designer, Kowhai Studio"}]},
    {"Id": "s3", "Title": "Observability for Small Teams", "Format": "Presentation (20 mins)",
     "Presenters": [{"Id": "p3", "Name": "Cy Dee", "Tagline": "Lead Developer at Jarrah Bank"}]}]}
SPEAKERS_2043 = {"year": 2043, "sessions": [
    {"id": "t1", "title": "Feature Flags Revisited", "speakers": ["ann"]},
    {"id": "t2", "title": "Design Tokens", "speakers": ["bo"]},
    {"id": "t3", "title": "Tracing Everything", "speakers": ["cy"]}],
    "speakers": [{"id": "ann", "name": "Ann Roe", "tagline": "Engineering Manager at Harbour Payments"},
                 {"id": "bo", "name": "Bo Lind", "tagline": "Design Lead at Kowhai Studio"},
                 {"id": "cy", "name": "Cy Dee", "tagline": "Staff Engineer at Jarrah Bank"}]}


def test_a_year_file_dated_beside_its_sessions_and_taglines_naming_the_organisation(tmp_path: Path):
    """`{"Date": "2042-08-06", "Sessions": [...]}`: the file's date is each session's (not 1 January); speaker
    records whose only position key is a tagline "Title at Org" give the title and the organisation."""
    import json

    rows, text, _ = drafted_rows(tmp_path, {"README.md": "# Dev Day\n",
                                            "config/years/2042.json": json.dumps(YEAR_2042),
                                            "config/years/2043.json": json.dumps(SPEAKERS_2043)}, dated=True)
    assert rows[("Ann Roe", "Shipping Faster with Feature Flags")] == (
        "speaker", "Principal Engineer", "Quokka Cloud", None, "2042-08-06"), text
    assert rows[("Ann Roe", "Feature Flags Revisited")][1:3] == ("Engineering Manager", "Harbour Payments")
    assert rows[("Cy Dee", "Tracing Everything")][1:3] == ("Staff Engineer", "Jarrah Bank")


LECTURES = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Centre//Events//EN
X-WR-CALNAME:Centre events
X-WR-TIMEZONE:Europe/London
BEGIN:VEVENT
UID:lecture-2044@centre.example.org
DTSTART;TZID=Europe/London:20441015T180000
DTEND;TZID=Europe/London:20441015T193000
SUMMARY:Ambassador's Lecture 2044: Security in the Baltic
DESCRIPTION:With H.E. Kristi Tamm\\, Ambassador of Estonia to the United Kin
 gdom\\n\\nOpening remarks by Prof. Ellen Whit\\, Pro-Vice-Chancellor (Intern
 ational)\\n\\nFollowed by a reception.
END:VEVENT
BEGIN:VEVENT
UID:chat-2044@centre.example.org
DTSTART;TZID=Europe/London:20441020T130000
DTEND;TZID=Europe/London:20441020T140000
SUMMARY:Fireside chat: Air Power at Sea
DESCRIPTION:A fireside chat with Air Marshal (retd) Rohan Pill\\, former Deputy
  Chief of the Air Staff\\, Indian Air Force.\\n\\nWith the support of the Navy
  League.
END:VEVENT
END:VCALENDAR
"""


def test_a_calendar_guest_after_with_and_a_title_whose_bracket_is_its_own(tmp_path: Path):
    """"With H.E. Kristi Tamm, Ambassador of Estonia to …" and "A fireside chat with Air Marshal (retd) …" name the
    event's speaker ("With the support of …" nobody); "Pro-Vice-Chancellor (International)" is a title whole."""
    rows, text, _ = drafted_rows(tmp_path, {"calendar/2044.ics": LECTURES})
    lecture = "Ambassador's Lecture 2044: Security in the Baltic"
    assert rows[("Kristi Tamm", lecture)] == ("speaker", "Ambassador of Estonia to the United Kingdom", None, "EE"), text
    assert rows[("Ellen Whit", lecture)] == ("remarks", "Pro-Vice-Chancellor (International)", None, None)
    assert rows[("Rohan Pill", "Fireside chat: Air Power at Sea")][0] == "speaker"
    assert len(rows) == 3, rows
