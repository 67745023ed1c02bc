"""Session 23 fidelity: what new-user trials of new shapes found — a government microsite's programme table with
numbered panellists, a community-of-practice Hugo site's summit pages, a congress's pretalx exports kept as XML
and JSON side by side, a Notion export's relation cells — each read with no profile (the draft)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import drafted_rows

from ingest.ical import described
from ingest.loader import site_for
from ingest.person_pattern import split_person
from ingest.preview import preview
from ingest.roles import role_of, role_of_title

ISOMER_PROGRAMME = """---
layout: post
title: Programme 2030
permalink: /2030/programme/
---

**Wednesday, 9 October 2030 · Harbour Convention Centre**

<table>
  <tr><th>Time</th><th>Programme</th></tr>
  <tr>
    <td>9.00am</td>
    <td><b>Opening Address by Guest of Honour</b><br>
    Mrs Lydia Tan, Minister for Transport</td>
  </tr>
  <tr>
    <td>11.00am – 12.15pm</td>
    <td><b>Panel 1: Trusted Data Sharing Across Ports</b><br>
    <i>Moderator:</i> Ms Aisha Rahman, Director (Policy), Maritime Authority of Malaysia<br>
    <i>Panellists:</i><br>
    1. Mr Pieter van Dijk, Chief Executive, Dock Data B.V., Netherlands<br>
    2. Er. Goh Kian Seng, Chief Engineer, Harbourfront Marine Engineering<br>
    3) Dr Nguyen Thanh Long, Deputy Director-General, Vietnam Maritime Administration</td>
  </tr>
  <tr><td>12.15pm</td><td>Lunch</td></tr>
</table>
"""


def test_numbered_panellists_under_a_label_are_people(tmp_path: Path):
    """"1. Mr …", "3) Dr …" under "Panellists:" are one person a line: the number is the list's, not the name's; a
    Singapore professional engineer's "Er." is an honorific."""
    rows, _, _ = drafted_rows(tmp_path, {"_config.yml": "title: Harbour Forum\n",
                                         "pages/2030/programme.md": ISOMER_PROGRAMME})
    panel = "Panel 1: Trusted Data Sharing Across Ports"
    assert rows[("Pieter van Dijk", panel)] == ("panellist", "Chief Executive", "Dock Data B.V.", "NL")
    assert rows[("Goh Kian Seng", panel)] == ("panellist", "Chief Engineer", "Harbourfront Marine Engineering", None)
    assert rows[("Nguyen Thanh Long", panel)][:3] == ("panellist", "Deputy Director-General",
                                                      "Vietnam Maritime Administration")
    assert rows[("Aisha Rahman", panel)][0] == "moderator"
    assert not [k for k in rows if k[0].startswith(("1.", "2.", "Er."))], rows


SUMMIT = """---
title: "Federal Accessibility Summit 2030"
host: "Accessibility Community"
date: 2030-10-09 09:30:00 -0400
authors: [{authors}]
---

## Agenda

### Session 1, 9:30 am - 9:45 am ET

#### Opening remarks

- **Rebecca Holloway**, Community Lead, U.S. General Services Administration

### Session 2, 9:45 am - 10:30 am ET

#### Keynote: Accessibility Is a Service Standard

Our keynote speaker explains how his department made accessibility a condition of launch.

- **Dr. Samuel Adeyemi**, Chief Information Officer, U.S. Department of Labor

### Session 3, 10:45 am - 11:30 am ET (concurrent sessions)

#### Track A: Building a Program From Scratch

- **Yusuf Demir**, Program Manager, Small Business Administration

#### Track B: Captioning at Scale

- **Bethany Hill**, Multimedia Producer, National Park Service
- **Arjun Mehta**, Senior Engineer, Federal Communications Commission

### Session 4, 11:30 am - 12:00 pm ET

#### Fireside chat: Leading Culture Change

**Host**

- **Rebecca Holloway**, Community Lead, U.S. General Services Administration

**Guest**

- **The Honorable Patricia Moss**, Assistant Secretary for Administration, Department of Commerce
"""

WEBINAR = """---
title: "{title}"
host: "Accessibility Community"
date: 2030-{month}-12 13:00:00 -0500
authors: [{authors}]
---

A webinar of the community.
"""


def author(name: str, short: str, full: str) -> str:
    first, last = name.split(" ", 1)
    return (f'---\ndisplay_name: "{name}"\nfirst_name: "{first}"\nlast_name: "{last}"\nagency: "{short}"\n'
            f'agency_full_name: "{full}"\n---\n')


COMMUNITY = {
    "config.yml": "title: Accessibility Community\n",
    "content/events/2030/10/2030-10-09-summit.md": SUMMIT.format(authors="rebecca-holloway"),
    "content/events/2030/03/2030-03-12-data-visualizations.md": WEBINAR.format(
        title="Accessible Data Visualizations", month="03", authors="wen-li-zhao, jamal-harrington"),
    "content/events/2030/05/2030-05-12-plain-language.md": WEBINAR.format(
        title="Plain Language Basics", month="05", authors="jamal-harrington"),
    "content/authors/wen-li-zhao/_index.md": author("Wen-Li Zhao", "Census", "U.S. Census Bureau"),
    "content/authors/jamal-harrington/_index.md": author("Jamal Harrington", "USDS", "U.S. Digital Service"),
    "content/authors/rebecca-holloway/_index.md": author("Rebecca Holloway", "GSA",
                                                         "U.S. General Services Administration"),
}


def test_a_summits_sessions_read_their_bold_people_without_a_role_label(tmp_path: Path):
    """Under "#### Keynote: …" or "#### Track A: …" a bullet printing a bold name and a position is the session's
    speaker (the keynote's, by its title); "**Guest**" under a host is a speaker, "The Honorable" an honorific."""
    rows, _, _ = drafted_rows(tmp_path, COMMUNITY)
    assert rows[("Samuel Adeyemi", "Keynote: Accessibility Is a Service Standard")] == \
        ("keynote", "Chief Information Officer", "U.S. Department of Labor", "US")
    assert rows[("Yusuf Demir", "Track A: Building a Program From Scratch")][:3] == \
        ("speaker", "Program Manager", "Small Business Administration")
    assert {k for k in rows if k[1] == "Track B: Captioning at Scale"} == \
        {("Bethany Hill", "Track B: Captioning at Scale"), ("Arjun Mehta", "Track B: Captioning at Scale")}
    assert rows[("Patricia Moss", "Fireside chat: Leading Culture Change")][:2] == \
        ("speaker", "Assistant Secretary for Administration")
    assert rows[("Rebecca Holloway", "Fireside chat: Leading Culture Change")][0] == "moderator"


def test_a_front_matter_value_every_page_prints_alike_names_nobody(tmp_path: Path):
    """"host: Accessibility Community" on every event is the site's community, not the names of the authors'
    slugs; an author's "agency_full_name" is the organisation, not the short "agency"."""
    rows, profile, _ = drafted_rows(tmp_path, COMMUNITY)
    assert 'speaker_names = "host"' not in profile, profile
    assert not [k for k in rows if k[0] == "Accessibility Community"], rows
    assert rows[("Wen-Li Zhao", "Accessible Data Visualizations")][2:] == ("U.S. Census Bureau", "US")
    assert rows[("Jamal Harrington", "Plain Language Basics")][2:] == ("U.S. Digital Service", "US")


EVENT = """<event guid="{guid}" id="{id}"><room>Main Hall</room><title>{title}</title><subtitle/><type>{kind}</type>
<date>2031-09-12T{start}:00+03:00</date><start>{start}</start><duration>00:45</duration><abstract/>
<slug>boic-{id}</slug><track>Community</track><persons>{xml_people}</persons><language>en</language>
<description>{description}</description><links/><attachments/></event>"""

EVENTS = [
    dict(guid="5b4cd066-353d-5fd5-90d2-89f4f5a2959d", id=412, title="Welcome to BOIC 2031", kind="Talk",
         start="09:30", description="Opening of the congress.",
         people=[("1101", "7PW9K", "Andris Ozoliņš"), ("1102", "DGVTE", "Maija Liepa")]),
    dict(guid="8248f7de-f1aa-5e37-9f32-51f738c431a4", id=237, title="Who pays for open source?", kind="Panel",
         start="10:30", description="Moderated by Ilze Kalniņa (Riga Technical University). With Rasa Vaitkutė "
                                    "(Kaunas IT Centre) and Agnieszka Wróbel.",
         people=[("1104", "DQLWA", "Dr. Ilze Kalniņa"), ("1105", "RUDYW", "Rasa Vaitkutė"),
                 ("1107", "NW7LL", "Agnieszka Wróbel")]),
]


def _xml() -> str:
    days = "".join(EVENT.format(**e, xml_people="".join(f'<person id="{i}" code="{c}">{n}</person>'
                                                         for i, c, n in e["people"])) for e in EVENTS)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<schedule><generator name="pretalx" version="2025.1.2"/>'
            f'<version>1.0</version><conference><acronym>boic2031</acronym><title>BOIC 2031</title>'
            f'<start>2031-09-12</start><end>2031-09-12</end><days>1</days><timeslot_duration>00:05</timeslot_duration>'
            f'<time_zone_name>Europe/Riga</time_zone_name></conference><day index="1" date="2031-09-12" '
            f'start="2031-09-12T04:00:00+03:00" end="2031-09-13T03:59:00+03:00"><room name="Main Hall">{days}'
            f'</room></day></schedule>\n')


def _json() -> str:
    events = [{"guid": e["guid"], "id": e["id"], "date": f"2031-09-12T{e['start']}:00+03:00", "start": e["start"],
               "duration": "00:45", "room": "Main Hall", "slug": f"boic-{e['id']}", "title": e["title"],
               "subtitle": "", "track": "Community", "type": e["kind"], "language": "en", "abstract": "",
               "description": e["description"], "logo": "", "links": [], "attachments": [],
               "persons": [{"code": c, "name": n, "public_name": n, "biography": None, "answers": []}
                           for _, c, n in e["people"]]} for e in EVENTS]
    return json.dumps({"$schema": "https://c3voc.de/schedule/schema.json",
                       "generator": {"name": "pretalx", "version": "2025.1.2"},
                       "schedule": {"version": "1.0", "base_url": "https://pretalx.boic.example", "conference": {
                           "acronym": "boic2031", "title": "BOIC 2031", "start": "2031-09-12", "end": "2031-09-12",
                           "daysCount": 1, "timeslot_duration": "00:05", "time_zone_name": "Europe/Riga",
                           "rooms": [{"name": "Main Hall"}], "days": [{
                               "index": 1, "date": "2031-09-12", "day_start": "2031-09-12T04:00:00+03:00",
                               "day_end": "2031-09-13T03:59:00+03:00", "rooms": {"Main Hall": events}}]}}},
                      ensure_ascii=False, indent=1)


def test_a_schedule_exported_as_xml_and_json_is_read_once(tmp_path: Path):
    """pretalx's schedule.xml beside its schedule.json of the same events: the draft leaves the XML out (said in
    the profile), and every appearance comes once, with or without the drafted profile written out. The
    description's "Moderated by X (Org)." makes the listed "Dr. X" the moderator, with her organisation."""
    files = {"_config.yml": "title: BOIC\n", "2031/schedule.xml": _xml(), "2031/schedule.json": _json()}
    rows, profile, seen = drafted_rows(tmp_path, files)
    assert 'exclude = ["2031/schedule.xml"]' in profile and "the same schedule as 2031/schedule.json" in profile
    assert {r["where"].split(":")[0] for r in seen.rows} == {"2031/schedule.json"}
    on_the_fly = preview(site_for(tmp_path / "site"), sample=0)  # no profile written: the draft read at once
    assert len(on_the_fly.rows) == len(seen.rows) == 5
    panel = "Who pays for open source?"
    assert rows[("Ilze Kalniņa", panel)] == ("moderator", None, "Riga Technical University", None)
    assert rows[("Agnieszka Wróbel", panel)][0] == rows[("Rasa Vaitkutė", panel)][0] == "panellist"
    assert {rows[(n, "Welcome to BOIC 2031")][0] for n in ("Andris Ozoliņš", "Maija Liepa")} == {"remarks"}


def test_the_words_of_this_sessions_roles_and_names():
    """A full stop after a name's last letter, accented or not, ends the sentence; "Welcome to <event>" opens it,
    "Welcome to the Jungle: …" is a talk; a bracketed relation address (Notion) is a link, and a name printed
    alone in a column of "Name (Org)" is a name."""
    assert [p.name for p in described("Moderated by Rasa Vaitkutė.")[0]] == ["Rasa Vaitkutė"]
    assert role_of(role_of_title("Welcome to DjangoCon US 2031!")) == "remarks"
    assert role_of_title("Welcome to the Jungle: Kubernetes for Beginners") is None
    assert role_of("Guest") == "speaker" and role_of("Guest of Honour") == "guest-of-honour"
    for cell in ("Katrin Vogel (../Speakers/Katrin%20Vogel%20e71b2748.md)", "Katrin Vogel"):
        found = split_person(cell, ["Name (Org)"])
        assert (found.name, found.positions) == ("Katrin Vogel", [])
    assert split_person("Acme Corporation", ["Name (Org)"]).name is None


def presenter(name: str, job: str) -> str:
    return f'---\nname: {name}\nhidden: false\nphoto: photo.jpg\ntitle: "{job}"\nsocial:\n    github:\n---\n\nA bio.\n'


def talk(title: str, when: str, slugs: list[str], category: str = "talks") -> str:
    people = "".join(f"- {s}\n" for s in slugs)
    return (f"---\ncategory: {category}\nstart_datetime: 2031-09-11 {when}:00-04:00\n"
            f"end_datetime: 2031-09-11 {when}:30-04:00\npermalink: /talks/{title.lower().replace(' ', '-')}/\n"
            f"presenter_slugs:\n{people}room: Main Hall\n"
            f"title: {title}\ntrack: t0\n---\n\nAn abstract.\n")


TAGLINES = {
    "src/_content/presenters/priya-raghunathan.md": presenter("Priya Raghunathan",
                                                             "Principal Engineer at Larchmont Health"),
    "src/_content/presenters/olu-adeyemi.md": presenter("Olu Adeyemi", "Conference Chair at FlaskCon North"),
    "src/_content/presenters/ewa-nowak.md": presenter("Ewa Nowak", "PhD Student, Gdańsk Institute of Technology"),
    "src/_content/presenters/rafael-moreno.md": presenter("Rafael Moreno", "Software Engineer at Kestrel Freight"),
    "src/_content/schedule/talks/welcome.md": talk("Welcome and Opening Remarks", "09:00", ["olu-adeyemi"]),
    "src/_content/schedule/talks/queues.md": talk("Queues Without Tears", "10:00", ["priya-raghunathan", "ewa-nowak"]),
    "src/_content/schedule/talks/forms.md": talk("Forms at Scale", "11:00", ["rafael-moreno"]),
}


def test_a_presenters_title_key_holding_a_tagline_is_the_job(tmp_path: Path):
    """Presenter pages whose ``title`` holds "Principal Engineer at Larchmont Health" beside ``name``: the title
    and the organisation of the person; "Welcome and Opening Remarks" is remarks, whatever the category."""
    rows, profile, _ = drafted_rows(tmp_path, TAGLINES)
    assert 'job_title = "title"' in profile, profile
    assert rows[("Priya Raghunathan", "Queues Without Tears")][:3] == \
        ("speaker", "Principal Engineer", "Larchmont Health")
    assert rows[("Ewa Nowak", "Queues Without Tears")][1:3] == ("PhD Student", "Gdańsk Institute of Technology")
    assert rows[("Olu Adeyemi", "Welcome and Opening Remarks")][0] == "remarks"


def event_page(title: str, day: str, body: str) -> str:
    return (f'---\ntitle: "{title}"\npermalink: /2031-events/{title.lower().replace(" ", "-")}/\nvariant: markdown\n'
            f'description: ""\nthird_nav_title: {day} October 2031\n---\n\n#### **{title}**\n\n'
            f"**{day} October 2031 (Tuesday)**  \n*Time: 9.00am to 10.30am (GMT +8)*  \n*Format: Plenary*\n\n"
            f"The week opens with its ministers and a conversation.\n\n{body}\n\n"
            "*Information is accurate at time of publication*\n")


CEREMONY = """**Welcome Remarks**

Mr Rizal Hamdan  
*Chief Executive, National Cyber Resilience Agency, Malaysia*

**Opening Address**

Guest of Honour  
Dato' Sri Amirah Kamal  
*Minister of Digital, Malaysia*

**Keynote Address**  
HE Maria Fernanda Costa  
*Minister of Science, Technology and Innovation, Federative Republic of Brazil*

**Fireside Chat: Sovereignty, Cloud and Trust**  
HE Maria Fernanda Costa  
Mr Oliver Grant, Chief Executive Officer, Helix Cloud Security  
Facilitator: Ms Priya Menon, Senior Presenter, Meridian News Network

**Closing Remarks**  
Dato' Ir. Dr Haslinda Yusof, Chief Executive, National Cyber Resilience Agency, Malaysia"""

PANEL = """| Moderator | Panellists |
|---|---|
| **Mr Arjun Rao**<br>Director, Cyber Policy<br>Ministry of Digital, Malaysia | **Ms Hana Kim**<br>Senior Fellow<br>Asia Security Institute, Republic of Korea |
| | **Mrs Olena Kovalenko**<br>Head of Cyber Defence<br>National Energy Operator, Ukraine |"""

YOUTH = """**Host**  
Mr Jonah Tan, Content Creator

**Panellists**

1. **Prof Thomas Becker**, Chair of Information Security, University of Rhineland (Germany) – *Moderator*
2. **Ms Aisha Rahman**, Student, Klang Valley Polytechnic, Malaysia"""


def test_a_cyber_weeks_segments_role_columns_and_trailing_roles(tmp_path: Path):
    """An event page of role segments — a bold role line above a name and an italic designation, in one paragraph
    or two, "Guest of Honour" alone above the minister, two people in one segment, "Name, designation" on the line
    under the role — is one session of those roles; a table whose heads are roles ("| Moderator | Panellists |")
    gives each cell's person its column's role; "– *Moderator*" after a person is theirs."""
    folder = "_2031-events/14 October 2031"
    rows, _, _ = drafted_rows(tmp_path, {
        "_config.yml": "title: Lumeria Cyber Week\n",
        f"{folder}/Opening Ceremony.md": event_page("Opening Ceremony", "14", CEREMONY),
        f"{folder}/High–Level Panel: Securing Infrastructure.md": event_page(
            "High–Level Panel: Securing Infrastructure", "14", PANEL),
        f"{folder}/Youth Forum: Careers.md": event_page("Youth Forum: Careers", "14", YOUTH)})
    opening = "Opening Ceremony"
    assert rows[("Rizal Hamdan", opening)] == ("remarks", "Chief Executive", "National Cyber Resilience Agency", "MY")
    assert rows[("Amirah Kamal", opening)] == ("guest-of-honour", "Minister of Digital", None, "MY")
    assert rows[("Maria Fernanda Costa", opening)][0] in ("keynote", "speaker")
    assert rows[("Oliver Grant", opening)] == ("speaker", "Chief Executive Officer", "Helix Cloud Security", None)
    assert rows[("Priya Menon", opening)][:3] == ("moderator", "Senior Presenter", "Meridian News Network")
    assert rows[("Haslinda Yusof", opening)][:3] == ("remarks", "Chief Executive", "National Cyber Resilience Agency")
    panel = "High–Level Panel: Securing Infrastructure"
    assert rows[("Arjun Rao", panel)][0] == "moderator"
    assert rows[("Hana Kim", panel)] == ("panellist", "Senior Fellow", "Asia Security Institute", "KR")
    assert rows[("Olena Kovalenko", panel)][0] == "panellist"
    youth = "Youth Forum: Careers"
    assert rows[("Jonah Tan", youth)] == ("moderator", "Content Creator", None, None)
    assert rows[("Thomas Becker", youth)] == ("moderator", "Chair of Information Security", "University of Rhineland",
                                              "DE")
    assert rows[("Aisha Rahman", youth)][0] == "panellist"
    assert len(rows) == 12, sorted(rows)


SEMINAR = """---
title: "{title}"
date: 2031-02-14T09:30:00Z
formats: ["Roundtable"]
---

Thursday {day} March 2031 | 13:00–14:15 (GMT)  
Roundtable · Seminar Room 2.14

A roundtable on the prospects of a treaty.

**Panellists:**  
Dr Laila Haddad (Senior Researcher, Geneva Forum on Autonomous Systems)  
Yusuf Demir (Counsellor, Permanent Mission of Türkiye to the United Nations Office at Geneva)  
Lt Col (retd) James Whitfield (Visiting Fellow, CTIS)

**Chair:** Dr Kwame Asante (Research Fellow, CTIS)
"""


def test_a_labelled_list_of_bracketed_people_stays_every_persons(tmp_path: Path):
    """"**Panellists:**" over people printed "Name (Position)" a line, the first with an honorific, the next without:
    each line a panellist (a segment's rule for a bold role line without colon does not take this page)."""
    rows, _, _ = drafted_rows(tmp_path, {
        "hugo.toml": 'title = "Centre Events"\n',
        "content/events/2031-03-09-treaty.md": SEMINAR.format(title="Autonomous Weapons: Is a Treaty Near?", day=9),
        "content/events/2031-03-23-cables.md": SEMINAR.format(title="Cables and the Grey Zone", day=23),
        "content/events/2031-04-06-space.md": SEMINAR.format(title="Space Security in Low Orbit", day=6)})
    session = "Autonomous Weapons: Is a Treaty Near?"
    assert {k[0]: v[0] for k, v in rows.items() if k[1] == session} == {
        "Laila Haddad": "panellist", "Yusuf Demir": "panellist", "James Whitfield": "panellist",
        "Kwame Asante": "moderator"}
    assert rows[("Yusuf Demir", session)][1] == "Counsellor"
