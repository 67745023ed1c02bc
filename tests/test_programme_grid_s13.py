"""The programme reader's tables laid out as a grid first: a Day column and a time cell spanning rows, one-cell day
rows between the rows of a schedule grid, role lines in grid cells, "&" in an organisation; bold day lines."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files as write
from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document

PROFILE = '[site]\nseries = "harbour"\n[[parts]]\nfiles = "{files}"\nreader = "programme"\n'


def parse(root: Path, rel: str, text: str, options: str = ""):
    write(root, {"speakergraph.toml": PROFILE.format(files=rel) + options, rel: text})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def sessions(parsed):
    return [(s.date.isoformat(), s.start.strftime("%H:%M"), s.end.strftime("%H:%M") if s.end else None, s.room,
             s.title) for s in parsed.sessions]


def people(session):
    return [(r.role, r.name.name, [(p.title, p.organisation) for p in r.positions]) for r in session.rows]


# --- a Day column spanning rows, a time cell spanning rows, role lines in grid cells ---------------------

DAY_COLUMN = """<html><body><main>
<h1>Programa 2031</h1>
<table>
<thead><tr><th>Día</th><th>Hora</th><th>Sala Faro</th><th>Sala Muelle</th></tr></thead>
<tbody>
<tr><td rowspan="3"><strong>Martes 13 de mayo de 2031</strong></td>
  <td>09:00 – 09:30</td>
  <td colspan="2"><strong>Opening</strong><br>Speaker: Dr Ines Varga, Director, Harbour Institute</td></tr>
<tr><td rowspan="2">10:00 – 11:30</td>
  <td rowspan="2"><strong>Panel: Cables under the sea</strong><br>
  Moderator:<br>
  Ms Petra Lindqvist, Head of Policy, Nordic Sea Council<br>
  Panellists:<br>
  Mr Kofi Amankwah, Founder, Quayside Labs (Ghana)<br>
  Dr Odile Fenwick, Professor, University of Examplia</td>
  <td><strong>Workshop: Buoys</strong><br>Speaker: Mr Joon Park, Engineer, Tide Works</td></tr>
<tr><td><strong>Talk: Salt and steel</strong> <small>(10:45 – 11:30)</small><br>
  Speaker:<br>
  Ms Lea Brandt, Analyst, Port Observatory</td></tr>
<tr><td><strong>Miércoles 14 de mayo de 2031</strong></td>
  <td>09:00 – 10:00</td>
  <td><strong>Roundtable: Ports</strong><br>
  Moderator: Dr Ines Varga, Partner, Varga &amp; Lund Advocates (Norway)<br>
  Panellists:<br>
  Mr Bo Chan, Editor, Harbour Daily</td>
  <td><strong>Demo</strong><br>Zoe Kow &amp; Dmitri Vol</td></tr>
</tbody></table>
</main></body></html>
"""


def test_a_day_column_spanning_rows_dates_them_and_is_no_room(tmp_path):
    parsed = parse(tmp_path, "2031/programa.html", DAY_COLUMN)  # no time_column, no default_date
    assert sessions(parsed) == [
        ("2031-05-13", "09:00", "09:30", None, "Opening"),
        ("2031-05-13", "10:00", "11:30", "Sala Faro", "Panel: Cables under the sea"),
        ("2031-05-13", "10:00", "11:30", "Sala Muelle", "Workshop: Buoys"),
        # the row under the spanning time cell: its own time, printed in the cell, without it in the title
        ("2031-05-13", "10:45", "11:30", "Sala Muelle", "Talk: Salt and steel"),
        ("2031-05-14", "09:00", "10:00", "Sala Faro", "Roundtable: Ports"),
        ("2031-05-14", "09:00", "10:00", "Sala Muelle", "Demo")]
    assert not [n for n in parsed.notes if n.kind == "skipped-file"]


def test_role_lines_in_a_grid_cell_name_the_role_of_the_lines_under_them(tmp_path):
    parsed = parse(tmp_path, "2031/programa.html", DAY_COLUMN)
    panel, talk = parsed.sessions[1], parsed.sessions[3]
    assert people(panel) == [
        ("moderator", "Petra Lindqvist", [("Head of Policy", "Nordic Sea Council")]),
        ("panellist", "Kofi Amankwah", [("Founder", "Quayside Labs")]),
        ("panellist", "Odile Fenwick", [("Professor", "University of Examplia")])]
    assert people(talk) == [("speaker", "Lea Brandt", [("Analyst", "Port Observatory")])]


def test_an_ampersand_in_an_organisation_is_no_second_person_but_names_alone_are_split(tmp_path):
    parsed = parse(tmp_path, "2031/programa.html", DAY_COLUMN)
    roundtable, demo = parsed.sessions[4:]
    assert people(roundtable) == [
        ("moderator", "Ines Varga", [("Partner", "Varga & Lund Advocates")]),
        ("panellist", "Bo Chan", [("Editor", "Harbour Daily")])]
    assert roundtable.rows[0].country_code == "NO"
    assert people(demo) == [("speaker", "Zoe Kow", []), ("speaker", "Dmitri Vol", [])]


def test_a_position_after_an_addressed_name_is_no_second_name(tmp_path):
    page = DAY_COLUMN.replace("Mr Bo Chan, Editor, Harbour Daily", "Sra. Ana Gil, Oficial de Programas, Oficina Costera")
    roundtable = parse(tmp_path, "2031/programa.html", page).sessions[4]
    assert [r.name.name for r in roundtable.rows] == ["Ines Varga", "Ana Gil"]


def test_a_day_column_without_a_header_is_found_by_its_cells(tmp_path):
    page = DAY_COLUMN.replace("<th>Día</th>", "<th></th>").replace("<th>Hora</th>", "<th>Time</th>")
    assert [s[0] for s in sessions(parse(tmp_path, "2031/programa.html", page))] == ["2031-05-13"] * 4 + ["2031-05-14"] * 2


# --- one-cell day rows between the rows of a schedule grid ------------------------------------------------

DAY_ROWS = """<html><body>
<p>Quay Hall · 13 and 14 May 2031</p>
<table>
<thead><tr><th>Hora</th><th>Auditorio</th><th>Sala Muelle</th></tr></thead>
<tbody>
<tr class="dia"><th colspan="3">Martes 13 de mayo de 2031</th></tr>
<tr><td>09:00 – 10:00</td>
  <td><strong>Keynote: Tides</strong><br>Speaker: Dr Ines Varga, Director, Harbour Institute</td>
  <td><strong>Workshop: Buoys</strong><br>Speaker: Mr Joon Park, Engineer, Tide Works</td></tr>
<tr class="dia"><th colspan="3">Miércoles 14 de mayo de 2031</th></tr>
<tr><td>09:00 – 10:00</td>
  <td><strong>Panel: Ports</strong><br>Moderator: Ms Petra Lindqvist, Head of Policy, Nordic Sea Council</td>
  <td><strong>Talk: Salt</strong><br>Speaker: Ms Lea Brandt, Analyst, Port Observatory</td></tr>
</tbody></table>
</body></html>
"""


def test_a_one_cell_day_row_dates_the_rows_under_it_and_keeps_the_rooms(tmp_path):
    parsed = parse(tmp_path, "2031/programa.html", DAY_ROWS)
    assert sessions(parsed) == [
        ("2031-05-13", "09:00", "10:00", "Auditorio", "Keynote: Tides"),
        ("2031-05-13", "09:00", "10:00", "Sala Muelle", "Workshop: Buoys"),
        ("2031-05-14", "09:00", "10:00", "Auditorio", "Panel: Ports"),
        ("2031-05-14", "09:00", "10:00", "Sala Muelle", "Talk: Salt")]
    assert [r.name.name for s in parsed.sessions for r in s.rows] == [
        "Ines Varga", "Joon Park", "Petra Lindqvist", "Lea Brandt"]


def test_a_one_cell_day_row_of_td_and_a_time_on_a_line_of_its_own_in_a_grid_cell(tmp_path):
    page = DAY_ROWS.replace('<th colspan="3">Miércoles 14 de mayo de 2031</th>',
                            '<td colspan="3">Miércoles 14 de mayo de 2031</td>')
    page = page.replace("<strong>Talk: Salt</strong><br>", "<strong>Talk: Salt</strong><br>(09:30 – 10:00)<br>")
    parsed = parse(tmp_path, "2031/programa.html", page)
    assert sessions(parsed)[2:] == [
        ("2031-05-14", "09:00", "10:00", "Auditorio", "Panel: Ports"),
        ("2031-05-14", "09:30", "10:00", "Sala Muelle", "Talk: Salt")]
    assert [r.name.name for r in parsed.sessions[3].rows] == ["Lea Brandt"]


def test_a_time_cell_spanning_two_rows_of_a_time_programme_table_times_both(tmp_path):
    page = """<p>Date: 13 May 2031</p><table><tr><th>Time</th><th>Session</th></tr>
<tr><td rowspan="2">09:00 – 10:00</td><td><b>Talk: Tides</b><br>Speaker: Dr Ines Varga, Director, Harbour Institute</td></tr>
<tr><td><b>Talk: Salt</b><br>Speaker: Ms Lea Brandt, Analyst, Port Observatory</td></tr></table>"""
    assert sessions(parse(tmp_path, "2031/programme.html", page)) == [
        ("2031-05-13", "09:00", "10:00", None, "Talk: Tides"), ("2031-05-13", "09:00", "10:00", None, "Talk: Salt")]


def test_a_role_cell_spanning_rows_of_a_people_table_is_the_role_of_each(tmp_path):
    page = """---
date: 2031-05-13
---
## 15:00–16:00 | Panel: Ports

<table><tr><th>Role</th><th>Name</th><th>Organisation</th></tr>
<tr><td rowspan="2">Panellist</td><td>Mr Kofi Amankwah</td><td>Quayside Labs</td></tr>
<tr><td>Dr Odile Fenwick</td><td>University of Examplia</td></tr></table>
"""
    panel, = parse(tmp_path, "days/panel.md", page).sessions
    assert [(r.role_label, r.name.name, r.positions[0].organisation) for r in panel.rows] == [
        ("Panellist", "Kofi Amankwah", "Quayside Labs"), ("Panellist", "Odile Fenwick", "University of Examplia")]


# --- a bold day line ---------------------------------------------------------------------------------------

BOLD_DAYS = """# Tide Workshop 2031

## Agenda

**Day 1 (9 Feb)**

<table>
<tr><th>Time</th><th>Session</th></tr>
<tr><td>09:30 – 10:30</td><td><b>Opening remarks</b><br/>Dr. Ines Varga (Harbour Institute)</td></tr>
</table>

**Day 2 (10 Feb)**

| Time | Session | Speakers |
|------|---------|----------|
| 09:30–10:30 | **Paper session: Buoys** | Dr. Lea Brandt (Port Observatory); Joon Park (Tide Works) |

**Opening address (16 Nov)**

Speaker: Mr Bo Chan, Editor, Harbour Daily
"""


def test_a_bold_day_line_sets_the_day_of_what_follows_and_dates_the_page(tmp_path):
    parsed = parse(tmp_path, "2031/README.md", BOLD_DAYS)  # no date line, no default_date: the year from the folder
    assert [(s.date.isoformat(), s.title) for s in parsed.sessions] == [
        ("2031-02-09", "Opening remarks"), ("2031-02-10", "Paper session: Buoys"),
        ("2031-11-16", "Opening address (16 Nov)")]  # a bold title printing its day: a session, no day heading
    assert not [n for n in parsed.notes if n.kind == "skipped-file"]


def test_a_bold_day_line_counts_from_the_default_date(tmp_path):
    page = BOLD_DAYS.replace(" (9 Feb)", "").replace(" (10 Feb)", "")
    parsed = parse(tmp_path, "2031/README.md", page, 'default_date = "2031-02-09"\n')
    assert [s.date.isoformat() for s in parsed.sessions][:2] == ["2031-02-09", "2031-02-10"]
