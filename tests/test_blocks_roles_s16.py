"""Programme blocks and role words met on Spanish, German and WordPress sites (made-up pages): Spanish and German
role labels, a list of people with one unreadable item, a plain "Name (Title, Org)" line as a session's only
content, a bold label that is no session title, and a WordPress events list (venue elements, date-only times)."""

from __future__ import annotations


import pytest

from ingest.roles import role_of, role_of_title
from test_programme_s14 import parse  # a day page read by a one-part programme profile


def people(parsed):
    return [(s.title, s.date.isoformat() if s.date else None, s.start.strftime("%H:%M") if s.start else None,
             r.role, r.printed_name) for s in parsed.sessions for r in s.rows]


@pytest.mark.parametrize("label, role", [
    ("Modera", "moderator"), ("Presenta", "moderator"), ("Moderación", "moderator"),
    ("Conferenciante", "keynote"), ("Conferencia a cargo de", "keynote"), ("Conferencia inaugural", "keynote"),
    ("Auf dem Podium", "panellist"), ("Sesión inaugural", "remarks"),
])
def test_spanish_and_german_labels(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize("title, label", [
    ("Diálogo: Mujeres en el puerto", "Diálogo"), ("Debate: ¿Mareas o muelles?", "Debate"),
    ("Conversatorio: Faros del sur", "Conversatorio"),
    ("Schlusswort des ersten Tages", "Schlusswort"), ("Closing remarks of the conference", "Closing remarks"),
])
def test_formats_and_genitive_titles_name_a_role(title, label):
    assert role_of_title(title) == label
    assert role_of(label) in ("panellist", "remarks")


def test_genitive_of_another_thing_names_no_role():
    assert role_of_title("Opening of the Harbour Exhibition") is None


LIST_PAGE = """---
date: 2031-03-04
---
### 11:00 Uhr – Hafen und Gezeiten

- **Dr. Mira Holt**, Direktorin, Hafenlabor Nord
- Jonas Brecht, Ingenieur, Gezeitenwerk AG
- Dr. qq. zett, Institut für Wellen

### 17:00 Uhr – Ausklang am Kai

Lena Kors (Vorstand, Verein der Leuchttürme e.V.)
"""


def test_a_list_keeps_its_people_when_one_item_is_unreadable_and_notes_that_item(tmp_path):
    parsed = parse(tmp_path, "days/tag-1.md", LIST_PAGE)
    names = [p[4] for p in people(parsed)]
    assert "Dr. Mira Holt" in names and "Jonas Brecht" in names
    notes = [str(n) for n in parsed.notes if n.kind == "not-a-person"]
    assert any("days/tag-1.md:" in n and "zett" in n for n in notes), notes


def test_a_plain_name_title_org_line_is_the_sessions_speaker(tmp_path):
    parsed = parse(tmp_path, "days/tag-1.md", LIST_PAGE)
    assert ("Ausklang am Kai", "2031-03-04", "17:00", "speaker", "Lena Kors") in people(parsed)


LABELS_PAGE = """<html><body><main>
<h2>Martes, 11 de marzo de 2031</h2>
<div class="slot"><p class="hora">09:30 – 10:30 h</p>
<h3>Conferencia magistral: Faros del sur</h3>
<p><b>Presenta:</b> Dña. Ana Ruiz Soler, Directora, Foro de Puertos</p>
<p><b>Invitada:</b> Dra. Elena Marín Vidal, Profesora, Universidad del Mar</p>
</div>
<div class="slot"><p class="hora">11:00 – 12:00 h</p>
<h3>Diálogo: Mareas y muelles</h3>
<p class="rol">Modera:</p>
<p><strong>Lic. Tomás Vera Ortiz</strong></p>
<p class="rol">Intervienen:</p>
<p><strong>Sra. Clara Pinto Leal</strong><br><em>Diretora, Porto Atlântico</em></p>
</div>
</main></body></html>
"""


def test_spanish_labels_bold_or_on_their_own_line(tmp_path):
    rows = people(parse(tmp_path, "days/programa.html", LABELS_PAGE))
    titles = {r[0] for r in rows}
    assert titles == {"Conferencia magistral: Faros del sur", "Diálogo: Mareas y muelles"}  # no "Invitada" session
    roles = {r[4]: r[3] for r in rows}
    assert roles["Dña. Ana Ruiz Soler"] == "moderator"
    assert roles["Dra. Elena Marín Vidal"] == "other"  # a label speakergraph does not know: kept, its role noted
    assert roles["Lic. Tomás Vera Ortiz"] == "moderator"
    assert roles["Sra. Clara Pinto Leal"] == "panellist"  # "Intervienen" in a dialogue: a panel's people


EVENTS_PAGE = """<html><body><main><div class="events-list">
<article class="event"><div class="event-datetime-wrapper"><time datetime="2031-11-12">2031-11-12 @ 9:30 am</time></div>
<h3 class="event-title"><a href="a/">Keynote: Tides</a></h3>
<address class="event-venue">Orchid Hall, Harbour Convention Centre</address>
<p>Speaker: Dr. Ann Lee, Director, Harbour Lab</p></article>
<article class="event"><div class="event-datetime-wrapper"><time datetime="2031-11-13">2031-11-13</time></div>
<h3 class="event-title"><a href="b/">Panel: Quays</a></h3>
<address class="event-venue">Orchid Hall, Harbour Convention Centre</address>
<p>Speaker: Bo Chan, Engineer, Quay Works</p></article>
</div></main></body></html>
"""


def test_events_list_venues_hold_no_people_and_date_only_times_date_the_next_session(tmp_path):
    parsed = parse(tmp_path, "days/events.html", EVENTS_PAGE)
    rows = people(parsed)
    assert [r[4] for r in rows] == ["Dr. Ann Lee", "Bo Chan"]
    assert rows[0][:3] == ("Keynote: Tides", "2031-11-12", "09:30")
    assert rows[1][:3] == ("Panel: Quays", "2031-11-13", None)


def test_a_cargo_de_opens_a_keynote_line():
    from ingest.people_text import role_prefix
    label, rest = role_prefix("Conferencia magistral a cargo de Dra. Ana Ruiz, Directora, Foro del Mar")
    assert role_of(label) == "keynote" and rest.startswith("Dra. Ana Ruiz")
