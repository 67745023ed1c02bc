"""MDX and Markdoc pages (Docusaurus, Astro) on made-up sites: pages walked and split into front matter, ESM lines
left out, JSX components read as people, unquoted clock times in YAML, a session title's role over a generic
"Speakers" label, the series name from a JavaScript configuration, and a part naming files never read."""

from __future__ import annotations

import tomllib

from conftest import write_files as write

from ingest import draft, readers
from ingest import frontmatter_site as fm
from ingest.loader import site_for
from ingest.normalize import normalize
from ingest.preview import preview
from ingest.read import load_yaml, parse_document

PANEL = """---
title: "Panel: Tide Gauges and Trust"
date: 2031-05-14
start: 9:30
end: 10:45
speakers: [ilse-marrow]
moderator: oskar-lindqvar
---
import Panel, { Panelist } from '@site/src/components/Panel';
export const meta = {
  track: 'Harbours',
};

Three harbour masters compare notes.

<Panel moderator="Dr. Oskar Lindqvar">
  <Panelist name="Ilse Marrow" title="Harbour Master" org="Port of Examplia" country="Norway" />
  <Panelist name="Cdr. Petra Sund" title={"Head of Sea Cyber"} org="Nordland Defence Lab" />
  <Panelist name="Bo Kestrel" title="Chief Engineer, Quay Works; Board Member, Tide Alliance" />
</Panel>
"""

REMARKS = """---
title: Closing Remarks
date: 2031-05-15
start: "16:00"
---
import Speaker from '../components/Speaker';

<Speaker name="Amb. Lena Fjord" title="Ambassador of Examplia" org="Embassy of Examplia" />

## Speakers

- **Ana Quay** — Director, Reef Office
"""

SESSIONS = {"sessions": "talks/*.mdx", "body_people": True, "link_template": "/people/{slug}/"}


def parse(path: str, text: str, **options):
    return normalize(fm.read(parse_document(path, text.encode()), **options), "tc", "TC")


def people(parsed) -> list[tuple]:
    return [(r.role, r.name.name, [(p.title, p.organisation) for p in r.positions])
            for s in parsed.sessions for r in s.rows]


# --- A: MDX pages are Markdown pages ----------------------------------------------------------------------


def test_an_mdx_page_has_front_matter_and_a_body_without_its_esm_lines():
    doc = parse_document("talks/panel.mdx", PANEL.encode())
    assert doc.meta["title"] == "Panel: Tide Gauges and Trust"
    assert "import" not in doc.body and "export" not in doc.body and "track:" not in doc.body
    as_md = parse_document("talks/panel.md", PANEL.encode())
    assert doc.body_line == as_md.body_line and doc.body.count("\n") == as_md.body.count("\n")  # lines kept
    assert "import Panel" in as_md.body and doc.body.lstrip("\n") == as_md.body.split("};\n\n")[-1]


def test_mdx_and_markdoc_pages_are_walked_and_detected_as_markdown_pages(tmp_path):
    root = write(tmp_path / "site", {"talks/panel.mdx": PANEL, "talks/remarks.mdoc": REMARKS.replace("import", "x")})
    assert {"mdx", "mdoc"} <= set(readers.suffixes("frontmatter")) & set(readers.suffixes("programme"))
    site = site_for(root, draft=False)
    assert site.refusal is None and site.reader == "frontmatter"
    assert [p.name for p in site.paths()] == ["panel.mdx", "remarks.mdoc"]


def test_a_part_naming_files_no_reader_reads_is_reported(tmp_path):
    root = write(tmp_path / "site", {"src/pages/talk.astro": "---\ntitle: X\n---\n<h1>X</h1>\n",
                                     "speakergraph.toml": '[[parts]]\nfiles = "src/pages/*.astro"\nreader = "cards"\n'})
    found = preview(site_for(root))
    (why,) = [w for w in found.skipped if "never reads" in w]
    assert ".astro" in why and "[[parts]] number 1" in why and found.skipped_files[why] == ["src/pages/talk.astro"]


# --- B: JSX components ------------------------------------------------------------------------------------


def test_jsx_components_are_people_with_roles_from_their_names_and_a_parents_attribute():
    parsed = parse("talks/panel.mdx", PANEL, **SESSIONS)
    assert people(parsed) == [
        ("moderator", "Oskar Lindqvar", []),
        ("panellist", "Ilse Marrow", [("Harbour Master", "Port of Examplia")]),
        ("panellist", "Petra Sund", [("Head of Sea Cyber", "Nordland Defence Lab")]),
        ("panellist", "Bo Kestrel", [("Chief Engineer", "Quay Works"), ("Board Member", "Tide Alliance")])]
    rows = parsed.sessions[0].rows
    assert rows[0].link == "/people/oskar-lindqvar/" and rows[1].link == "/people/ilse-marrow/"  # joined to the ids
    assert rows[1].country_label == "Norway" and rows[2].name.honorific == "Cdr."
    assert [r.line for r in rows] == [16, 17, 18, 19]  # the lines of the tags in the file


# --- C: an unquoted clock time in YAML --------------------------------------------------------------------


def test_an_unquoted_clock_time_is_text_not_a_base_60_number():
    assert load_yaml("a.md", "start: 9:30\nend: 17:05:00\nyear: 2031\n") == \
        {"start": "9:30", "end": "17:05:00", "year": 2031}
    (session,) = parse("talks/panel.mdx", PANEL, **SESSIONS).sessions
    assert (session.start.hour, session.start.minute, session.end.hour, session.end.minute) == (9, 30, 10, 45)


# --- D: a session title's role over a generic "Speakers" label ----------------------------------------------


def test_people_listed_only_as_speakers_take_the_role_the_session_title_names():
    parsed = parse("talks/remarks.mdx", REMARKS, **SESSIONS)
    assert [(role, name) for role, name, _ in people(parsed)] == [("remarks", "Lena Fjord"), ("remarks", "Ana Quay")]
    markdown = REMARKS.split("import")[0] + "## Speakers\n\n- **Ana Quay** — Director, Reef Office\n\n" \
        "## Moderator\n\n- **Bo Wren** — Editor, Harbour Daily\n"
    parsed = parse("talks/remarks.md", markdown, sessions="talks/*.md", body_people=True)
    assert [(role, name) for role, name, _ in people(parsed)] == [("remarks", "Ana Quay"), ("moderator", "Bo Wren")]
    held = markdown.replace("Closing Remarks", '"Closing Session: Ten Years of Tide Data"')  # when, not what they do
    parsed = parse("talks/remarks.md", held, sessions="talks/*.md", body_people=True)
    assert [(role, name) for role, name, _ in people(parsed)] == [("speaker", "Ana Quay"), ("moderator", "Bo Wren")]


# --- E: the series from a JavaScript configuration ----------------------------------------------------------


def test_the_drafter_names_the_series_and_zone_from_a_docusaurus_config(tmp_path):
    root = write(tmp_path / "site", {
        "docusaurus.config.js": "// @ts-check\n// title: 'Old Name'\nconst config = {\n"
                                "  title: 'Reef Harbour Days 2031',\n  customFields: { timezone: 'Europe/Oslo' },\n};\n",
        "README.md": "# reef-website\n",
        "talks/panel.mdx": PANEL,
        "talks/quays.mdx": PANEL.replace("Tide Gauges and Trust", "Quays and Cranes"),
        "talks/remarks.mdx": REMARKS.replace("date:", "speakers: [ana-quay]\ndate:"),
    })
    text = draft.render(draft.settle(draft.draft(root)))
    profile = tomllib.loads(text)
    assert profile["site"]["series"] == "reef-harbour-days" and profile["site"]["name"] == "Reef Harbour Days"
    assert profile["site"]["timezone"] == "Europe/Oslo"
    assert any(part.get("files", "").endswith(".mdx") for part in profile["parts"])
    path = tmp_path / "drafted.toml"
    path.write_text(text, encoding="utf-8")
    found = preview(site_for(root, profile_path=path), sample=1000)
    rows = {(r["session"], r["name"]): r["role"] for r in found.rows}
    assert rows[("Panel: Tide Gauges and Trust", "Petra Sund")] == "panellist"
    assert rows[("Closing Remarks", "Lena Fjord")] == "remarks"
