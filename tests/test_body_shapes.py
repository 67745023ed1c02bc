"""People in page bodies on made-up pages: shortcodes, role phrases that title a slot, people tables in HTML,
"co-presented with" lines, and printed names beside an id list."""

from __future__ import annotations

from ingest import frontmatter_site as fm
from ingest.normalize import normalize
from ingest.read import parse_document

BODY = {"sessions": "**/*.md", "start": "date", "body_people": True, "session_levels": [2, 3, 4]}


def parse(text, path="content/events/2031-05-24-x.md", **options):
    return normalize(fm.read(parse_document(path, text.encode()), **options), "tc", "TC")


def people(session):
    return [(r.role_label, r.printed_name, [(p.title, p.organisation) for p in r.positions], r.country_label)
            for r in session.rows]


def page(body, title="Made-up Day"):
    return f"---\ntitle: {title}\ndate: 2031-05-24 11:00:00 -0500\n---\n{body}"


SHORTCODES = page("""## Featured speakers

{{< speaker name="Dr. Ana Lima" title="Chief Data Officer" dept="Example Bureau (EB)" role="Keynote" >}}
{{% person name='Bo Chan' job="Designer" agency="Reef Office" country="Chile" /%}}

{{< speaker name="Cy Dee" company="Acme" >}}
Cy builds forms.
{{< /speaker >}}

{{< img name="hero.png" >}}
""")


def test_shortcode_calls_with_a_name_are_people_read_through_the_parts_item_keys():
    (session,) = parse(SHORTCODES, **BODY, item_company=["dept", "company"]).sessions
    assert people(session) == [
        ("Keynote", "Dr. Ana Lima", [("Chief Data Officer", "Example Bureau (EB)")], None),
        ("Featured speakers", "Bo Chan", [("Designer", "Reef Office")], "Chile"),
        ("Featured speakers", "Cy Dee", [(None, "Acme")], None)]
    assert [r.line for r in session.rows] == [7, 8, 10]


SLOTS = page("""## Agenda

### 9:30 am - 9:45 am, ET

**Opening Remarks**

- **Ann Lee** — Deputy Director, Example Office

### Session 2, 10:00 am - 10:45 am, ET

#### Lightning talks

**Speakers**

- **Bo Chan** — Analyst, Reef Office

### 11:00 am - 11:30 am, ET

**Speakers**

- **Cy Dee** — Designer, Acme

### 3:45 pm - 4:00 pm, ET

**Closing Remarks**

- **Ann Lee** — Deputy Director, Example Office
""")


def test_a_role_phrase_titles_a_slot_that_prints_only_a_time_or_a_number():
    sessions = parse(SLOTS, **BODY).sessions
    got = [(s.title, s.start.strftime("%H:%M") if s.start else None, [r.printed_name for r in s.rows])
           for s in sessions]
    assert got == [("Opening Remarks", "09:30", ["Ann Lee"]), ("Lightning talks", "10:00", ["Bo Chan"]),
                   ("Agenda", None, ["Cy Dee"]),  # "**Speakers**" lists people: it names no session
                   ("Closing Remarks", "15:45", ["Ann Lee"])]
    assert [r.role_label for s in sessions for r in s.rows] == ["Opening Remarks", "Speakers", "Speakers",
                                                                 "Closing Remarks"]


TABLE = page("""## Speakers

<table>
<thead><tr><th>Name</th><th>Title</th><th>Agency</th><th>Role</th></tr></thead>
<tbody>
<tr><td><a href="/authors/ann-lee/">Ann Lee</a></td><td>Chief Data Officer</td><td>Example Bureau</td>
<td>Moderator</td></tr>
<tr><td>Bo Chan</td><td>Data Scientist</td><td>Reef Office (RO)</td><td></td></tr>
<tr><td></td><td>Analyst</td><td>Acme</td><td></td></tr>
</tbody>
</table>

<table><tr><td><img src="logo-a.png"></td><td><img src="logo-b.png"></td></tr></table>
""", "Open Data Roundtable")


def test_an_html_table_whose_header_names_its_columns_lists_people():
    parsed = parse(TABLE, **BODY)
    (session,) = parsed.sessions
    assert people(session) == [("Moderator", "Ann Lee", [("Chief Data Officer", "Example Bureau")], None),
                               ("Speakers", "Bo Chan", [("Data Scientist", "Reef Office (RO)")], None)]
    assert [(r.line, r.link) for r in session.rows] == [(10, "/authors/ann-lee/"), (12, None)]
    assert [n.line for n in parsed.notes if n.kind == "skipped-row"] == [13]  # no name in its name cell


def test_a_pipe_table_of_people_is_read_the_same_way():
    body = "## Panel\n\n| Name | Organisation |\n|---|---|\n| Ann Lee | Example Bureau |\n"
    (session,) = parse(page(body), **BODY).sessions
    assert people(session) == [("Panel", "Ann Lee", [(None, "Example Bureau")], None)]


def test_a_co_presented_with_line_names_a_co_speaker():
    text = ("---\nspeakers: [Ana Lima]\nstartTime: 2031-10-20T10:00\ntitle: A made-up talk\n---\nHow we triage.\n\n"
            "*Co-presented with Bo Chan, Detection Engineer at Example Rail.*\n\n"
            "Together with the community, we wrote a guide.\n")
    (session,) = parse(text, "_posts/2031-10-20-x.md", speaker_key="speakers", start="startTime",
                       body_people=True).sessions
    assert people(session) == [("Co-speaker", "Bo Chan", [("Detection Engineer", "Example Rail")], None),
                               ("Speaker", "Ana Lima", [], None)]
    assert [r.role for r in session.rows] == ["speaker", "speaker"]


def ids_page(names, ids):
    listed = "".join(f"- {i}\n" for i in ids)
    return f"---\nspeakers-text: {names}\nspeakers:\n{listed}startTime: 2031-10-20T10:00\ntitle: Three\n---\n"


IDS = {"speaker_key": "speakers", "speaker_names": "speakers-text", "start": "startTime",
       "link_template": "/speakers/{slug}/"}


def test_printed_names_match_their_entries_and_the_names_left_over_are_people():
    parsed = parse(ids_page("Ana Lima, Bo Chan and Cy Dee", ["ana-lima", "Bo Chan"]), "_posts/x.md", **IDS)
    rows = parsed.sessions[0].rows
    assert [(r.printed_name, r.link, r.name_printed) for r in rows] == [
        ("Ana Lima", "/speakers/ana-lima/", True), ("Bo Chan", None, True), ("Cy Dee", None, True)]
    assert not [n for n in parsed.notes if n.kind == "names-not-used"]


def test_printed_names_go_to_ids_they_do_not_spell_in_order_when_the_counts_agree():
    rows = parse(ids_page("Ana Lima and Bo Chan", ["alima", "bchan"]), "_posts/x.md", **IDS).sessions[0].rows
    assert [(r.printed_name, r.link) for r in rows] == [("Ana Lima", "/speakers/alima/"),
                                                        ("Bo Chan", "/speakers/bchan/")]


def test_printed_names_are_not_used_when_ids_are_left_and_the_counts_differ():
    parsed = parse(ids_page("Ana Lima, Bo Chan and Cy Dee", ["alima", "bchan"]), "_posts/x.md", **IDS)
    assert [r.name_printed for r in parsed.sessions[0].rows] == [False, False]
    assert any(n.kind == "names-not-used" for n in parsed.notes)


def test_a_bullet_printing_its_position_in_brackets_and_a_numbered_lightning_talk():
    """"Astrid Nyberg (Team Lead, Kattegat Institute)" is one person, title and organisation; "1. **Tuva Engen**
    (University of Nordvik): *A linter for lab notebooks*" is a talk with its speaker."""
    parsed = parse(page("""Panelists:

- Astrid Nyberg (Team Lead, Kattegat Marine Institute)
- **Olli Rantanen**, Senior Application Specialist, Finnish Computing Centre

## Lightning talks

1. **Tuva Engen** (University of Nordvik): *A linter for lab notebooks*
2. **Saara Heikkilä** (Finnish Computing Centre): *Ten things I wish I knew about Spack*
"""), **BODY)
    rows = {s.title: people(s) for s in parsed.sessions}
    assert rows["Made-up Day"] == [
        ("Panelists", "Astrid Nyberg", [("Team Lead", "Kattegat Marine Institute")], None),
        ("Panelists", "Olli Rantanen", [("Senior Application Specialist", "Finnish Computing Centre")], None)]
    assert rows["A linter for lab notebooks"] == [
        ("Lightning talks", "Tuva Engen", [(None, "University of Nordvik")], None)]
    assert rows["Ten things I wish I knew about Spack"][0][1] == "Saara Heikkilä"


def test_a_biography_under_about_the_speaker_gives_the_listed_speaker_a_position():
    """"## About the speaker" then "**Dr. Ingrid Solberg** — Research Director, Centre, Norway": the listed keynote
    speaker's position, not a second appearance; a position after a spaced dash is title then organisation."""
    parsed = parse("""---
title: "Keynote: Keeping a climate model alive"
date: 2031-05-26 09:00:00 +0200
speakers: ["Dr. Ingrid Solberg"]
---
Abstract of the keynote.

## About the speaker

**Dr. Ingrid Solberg** — Research Director, Norwegian Centre for Climate Data, Norway

Ingrid leads the model infrastructure group.

## Speaker

**Dana Holm**, Deputy Director for Customer Experience (CX) - Example Department of Forms
""", **{**BODY, "speaker_key": ["speakers"]})
    assert [people(s) for s in parsed.sessions] == [[  # "## Speaker" in a keynote's page: its speaker gives the keynote
        ("Keynote speaker", "Dana Holm", [("Deputy Director for Customer Experience (CX)", "Example Department of Forms")],
         None),
        ("Keynote speaker", "Dr. Ingrid Solberg", [("Research Director", "Norwegian Centre for Climate Data")], "Norway")]]


def test_people_printed_in_the_diplomatic_style_under_role_headings_and_labels():
    """"### Keynote" over "H.E. Ms Olga Berg, Ambassador …" (no bold), "Panellists:" over a person a line, "Welcome
    remarks — Ms Ana Lima, …", "…, Counsellor, Mission (opening remarks)"; countries from the state bodies."""
    parsed = parse(page("""### Keynote

H.E. Ms Olga Berg, Ambassador for Ports, Ministry of Foreign Affairs of Norway

Panellists:
Mr Ivo Tamm, Port Director, Federal Department of Transport of Switzerland
Ms Rosa Lima, Harbour Master, Port Authority of Brazil

Welcome remarks — Ms Ana Lima, Director, Harbour Institute
"""), **BODY)
    assert [(r.role_label, r.printed_name, [(p.title, p.organisation) for p in r.positions], r.country_code)
            for s in parsed.sessions for r in s.rows] == [
        ("Keynote", "H.E. Ms Olga Berg", [("Ambassador for Ports", "Ministry of Foreign Affairs of Norway")], "NO"),
        ("Panellists", "Mr Ivo Tamm", [("Port Director", "Federal Department of Transport of Switzerland")], "CH"),
        ("Panellists", "Ms Rosa Lima", [("Harbour Master", "Port Authority of Brazil")], "BR"),
        ("Welcome remarks", "Ms Ana Lima", [("Director", "Harbour Institute")], None)]


def test_a_role_of_two_words_in_brackets_after_a_person():
    from ingest.people_text import role_prefix

    assert role_prefix("Ann Lee, Counsellor, Example Mission (opening remarks)") == (
        "opening remarks", "Ann Lee, Counsellor, Example Mission")
    assert role_prefix("Keynote – Building Resilient Ports, Part 2")[0] is None  # a title, no person after the dash


def test_a_label_listing_topics_is_no_role_of_people():
    """"This talk will cover:" lists topics ("Understanding Pluggy"), not people; "Our panelists include:" lists people."""
    parsed = parse(page("""This talk will cover:

- Understanding Pluggy
- Traps to avoid in implementing plugins

Our panelists include:

- **Ana Lima**, Maintainer, Example Project
"""), **BODY)
    assert [(r.role_label, r.printed_name) for s in parsed.sessions for r in s.rows] == [
        ("Our panelists include", "Ana Lima")]
