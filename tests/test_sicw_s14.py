"""The SICW reader on a sister site's shapes (made-up pages): people as bullets under a bold role line, an HTML
``<table>`` pasted into a Markdown session page, speaker pages printing the name in bold with no heading or
titled with an honorific that is a job word; the drafter's date for pages of two editions."""

from __future__ import annotations

import tomllib

from wcmatch import glob

from conftest import write_files as write
from test_sicw import page, people

from ingest import draft, sicw
from ingest.draft_pages import date_guess
from ingest.draft_text import Table
from ingest.loader import pipeline, site_for
from ingest.profile import GLOB_FLAGS
from ingest.read import read_document
from ingest.records import Document

BULLETS = ("**Chair**\n- H.E. Ivo Rask, Minister for Lighthouses, Estonia\n\n**Speakers**\n"
           "- Dr Uma Brandt, Chief Scientist, Fjord Institute, Norway\n- Ms Ada Lund, Director, Reef Works\n\n"
           "*Information is accurate at time of publication*\n")

HTML_TABLE = """<table>
  <tbody>
    <tr><td colspan="2"><strong>Guest of Honour</strong></td></tr>
    <tr>
      <td><a href="/speakers/mr-ivo-rask/">Mr Ivo Rask</a></td>
      <td><em>Minister for Lighthouses</em><br>Ministry of Harbours<br>Estonia</td>
    </tr>
    <tr><td colspan="2"><strong>Keynote Speaker</strong></td></tr>
    <tr>
      <td><a href="/speakers/dr-uma-brandt/">Dr Uma Brandt</a></td>
      <td><em>Chief Scientist</em><br>Fjord Institute<br>Norway</td>
    </tr>
  </tbody>
</table>
"""


def test_bullets_under_a_bold_role_line_are_people_of_that_role(tmp_path):
    parsed = page(tmp_path, BULLETS)
    assert [(r[0], r[1], r[3], r[4], r[5][0][0], r[6]) for r in people(parsed)] == [
        (11, "moderator", "H.E.", "Ivo Rask", "Minister for Lighthouses", "EE"),
        (14, "speaker", "Dr", "Uma Brandt", "Chief Scientist", "NO"),
        (15, "speaker", "Ms", "Ada Lund", "Director", None)]


def test_bullets_of_prose_under_a_role_line_name_nobody(tmp_path):
    parsed = page(tmp_path, "**Speakers**\n- To be announced soon\n- ideas welcome, write to us\n", profile=True)
    assert people(parsed) == []


def test_a_pasted_html_table_is_read_as_a_panel_table(tmp_path):
    parsed = page(tmp_path, "<p>The day opens.</p>\n\n" + HTML_TABLE)
    assert people(parsed) == [
        (15, "guest-of-honour", "Guest of Honour", "Mr", "Ivo Rask", [("Minister for Lighthouses", "Ministry of Harbours")],
         "EE"),
        (20, "keynote", "Keynote Speaker", "Dr", "Uma Brandt", [("Chief Scientist", "Fjord Institute")], "NO")]


def test_an_html_programme_table_names_nobody(tmp_path):
    table = ("<table>\n<tr><th>Time</th><th>Programme</th></tr>\n<tr><td>9.00 am</td><td>Registration</td></tr>\n"
             "<tr><td>9.30 am</td><td>Opening Remarks from the Harbour Master</td></tr>\n</table>\n")
    assert people(page(tmp_path, "**Opening Address:**\n\n" + table, profile=True)) == []


def test_the_shapes_are_recognised_by_detection(tmp_path):
    for n, body in enumerate((BULLETS, HTML_TABLE)):
        assert people(page(tmp_path / str(n), body)), body  # no profile: detection picks the reader


def speaker(tmp_path, title: str, body: str):
    rel = f"_2031-speakers/{title}.md"
    text = f'---\ntitle: "{title}"\npermalink: /speakers/x/\n---\n{body}'
    write(tmp_path, {rel: text, "speakergraph.toml": '[[parts]]\nfiles = "**/*.md"\nreader = "sicw"\n'})
    (page_,) = pipeline(rel, text.encode(), site_for(tmp_path)).speakers
    return page_


def test_a_bold_name_without_heading_is_the_name_not_a_position(tmp_path):
    body = ('<img src="/img/x.jpg" alt="x">\n\n**Dr Uma Brandt**\n\n*Chief Scientist*  \nFjord Institute  \nNorway  \n\n'
            "#### **Biography**\n\nDr Brandt studies fjords and the tides that fill them every day.\n")
    got = speaker(tmp_path, "Keynote Speaker – Dr Uma Brandt", body)
    assert [(p.title, p.organisation) for p in got.positions] == [("Chief Scientist", "Fjord Institute")]
    assert got.name.name == "Uma Brandt"


def test_a_title_opening_with_a_job_word_honorific_is_a_name(tmp_path):
    body = "**Ambassador Ivo Rask**\n\n*Ambassador for Sea Affairs*  \nMinistry of Harbours  \n\n#### Biography\n\nHe sails.\n"
    assert speaker(tmp_path, "Ambassador Ivo Rask", body).name.name == "Ivo Rask"
    assert sicw._title_name(read_document(tmp_path, tmp_path / "_2031-speakers/Ambassador Ivo Rask.md"),
                            sicw.DEFAULT) == "Ambassador Ivo Rask"


def test_a_job_title_as_a_speaker_page_title_is_still_no_name():
    assert not sicw._reads_as_name("Ambassador for Sea Affairs")


def test_a_default_date_is_never_of_another_year_than_a_page_names():
    docs = [Document(f"_{y}-events/4 May {y}/Roundtable.md", "", {}, f"**4 May {y}**\n", 0) for y in (2031, 2031, 2032)]
    table = Table(why=[])
    table.undated = "3 of these pages print no date"
    date_guess(table, docs, docs)
    entry = next(e for e in table.entries if e.key == "default_date")
    assert entry.commented and "_2032-events" in " ".join(entry.why if isinstance(entry.why, list) else [entry.why])


def test_a_day_folder_of_bullet_pages_is_read_by_the_drafted_sicw_part(tmp_path):
    def session(title, day, body):
        return (f"---\ntitle: {title}\npermalink: /events/{title.lower()}/\n---\n#### **{title}**\n\n"
                f"**{day} (Monday)**  \n*Time: 2.00pm to 3.00pm (GMT+8)*\n\nA talk.\n\n{body}")
    panel = "|**Moderator** | |\n| [Mr Ivo Rask](/speakers/mr-ivo-rask/) | *Minister*<br>Ministry of Harbours<br>Estonia |\n"
    write(tmp_path, {"_2031-events/5 May 2031/Panel.md": session("Panel", "5 May 2031", panel),
                     "_2031-events/5 May 2031/Forum.md": session("Forum", "5 May 2031", panel),
                     "_2031-events/6 May 2031/Roundtable.md": session("Roundtable", "6 May 2031", BULLETS),
                     "_2031-events/6 May 2031/Workshop.md": session("Workshop", "6 May 2031", "**Speakers**\n\nTBC\n")}
          | {f"_2031-speakers/{n}.md": f"---\ntitle: {n}\npermalink: /speakers/{n.lower()}/\n---\nBio.\n"
             for n in ("Ivo Rask", "Ada Lund")})
    parts = tomllib.loads(draft.render(draft.settle(draft.draft(tmp_path)))).get("parts", [])
    globs = [g for p in parts if p.get("reader") == "sicw" for g in ([p["files"]] if isinstance(p["files"], str)
                                                                     else p["files"])]
    assert globs and all(glob.globmatch(f"_2031-events/{d}.md", globs, flags=GLOB_FLAGS)
                         for d in ("5 May 2031/Panel", "6 May 2031/Roundtable", "6 May 2031/Workshop"))
    assert not [p for p in parts if p.get("reader") not in ("sicw", "frontmatter")]


def test_italic_title_and_organisation_lines_are_pairs(tmp_path):
    body = ("**Mr Ivo Rask**\n\n*Chief Technology Officer, Tidewise Labs*  \n*Adviser, Ministry of Harbours*  \nEstonia  \n\n"
            "#### **Biography**\n\nMr Rask builds tide models and advises the government on ports.\n")
    got = speaker(tmp_path, "Mr Ivo Rask", body)
    assert [(p.title, p.organisation) for p in got.positions] == [
        ("Chief Technology Officer", "Tidewise Labs"), ("Adviser", "Ministry of Harbours")]
