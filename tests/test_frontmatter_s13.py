"""The front-matter reader and drafter on Hugo and Zola pages written here (no real text): lists under a page's
``[params]``/``[extra]`` table, job titles under an entry's ``role`` key, pages Hugo's expiry date unpublishes,
section list pages (``_index.md``), and people named in prose only after a role phrase."""

from __future__ import annotations

import tomllib
from pathlib import Path

from conftest import write_files as write

from ingest import draft
from ingest import frontmatter_site as fm
from ingest.loader import site_for
from ingest.normalize import normalize
from ingest.preview import preview
from ingest.prose_people import prose_people
from ingest.read import parse_document

PARAMS = """+++
title = "Harbour Data After the Storm"
date = 2031-03-14T18:00:00+01:00

[params]
format = "Evening talk"
moderators = ["Dr. Ilse Marrow, Senior Fellow, Tidewall Institute"]
speakers = [
  "Amb. Oskar Lindqvar, Ambassador of Examplia to Nordland",
  "Cdr. Petra Sund, Head of Sea Cyber, Nordland Defence Lab",
]
+++

A talk about harbour data.
"""

TABLES = """+++
title = "Ports and Platforms"
date = 2031-05-07T10:00:00+02:00
moderators = ["Dr. Ilse Marrow, Senior Fellow, Tidewall Institute"]

[[speakers]]
name = "Dr. Ada Brenner"
role = "Commissioner"
affiliation = "Federal Office for Harbour Security"

[[speakers]]
name = "Bo Kestrel"
role = "Counsel"
affiliation = "Port Authority of Examplia"

[[speakers]]
name = "Cy Dale"
role = "Moderator"
+++
"""


def parse(path: str, text: str, **options):
    return normalize(fm.read(parse_document(path, text.encode()), **options), "tc", "TC")


def people(parsed) -> list[tuple]:
    return [(r.role, r.name.name, [(p.title, p.organisation) for p in r.positions])
            for s in parsed.sessions for r in s.rows]


def notes(parsed, kind: str) -> list[str]:
    return [n.message for n in parsed.notes if n.kind == kind]


# --- A: a page's [params] and [extra] tables --------------------------------------------------------------


def test_lists_under_hugo_params_are_read_with_the_default_keys():
    parsed = parse("content/events/2031/harbour-data.md", PARAMS)
    assert people(parsed) == [
        ("speaker", "Oskar Lindqvar", [("Ambassador of Examplia to Nordland", None)]),
        ("speaker", "Petra Sund", [("Head of Sea Cyber", "Nordland Defence Lab")]),
        ("moderator", "Ilse Marrow", [("Senior Fellow", "Tidewall Institute")])]
    assert parsed.sessions[0].format == "Evening talk"  # every key option falls back to [params]


def test_a_key_at_the_top_of_the_page_wins_over_the_same_key_in_params():
    text = PARAMS.replace('date = 2031', 'speakers = ["Dr. Lena Fjord, Director, Quay Lab"]\ndate = 2031')
    assert [name for _, name, _ in people(parse("events/x.md", text))] == ["Lena Fjord", "Ilse Marrow"]


def test_dotted_role_keys_and_zola_extra_tables_are_read():
    text = PARAMS.replace("moderators =", "hosts =")
    parsed = parse("events/x.md", text, role_keys={"params.hosts": "Moderator"})
    assert ("moderator", "Ilse Marrow", [("Senior Fellow", "Tidewall Institute")]) in people(parsed)
    zola = ('+++\ntitle = "Tide Tables"\ndate = 2031-06-02\n\n[extra]\nauthors = ["Ana Quay"]\n'
            'chairs = ["Dr. Bo Wren"]\n+++\n')
    assert people(parse("content/talks/tide.md", zola, speaker_key="authors")) == [
        ("speaker", "Ana Quay", []), ("moderator", "Bo Wren", [])]


def test_the_drafter_reads_one_speaker_key_at_the_top_or_under_params(tmp_path):
    root = write(tmp_path / "site", {
        "content/events/2031/harbour-data.md": PARAMS,
        "content/events/2031/tides.md": PARAMS.replace("[params]\n", "").replace("Harbour Data After", "Tides After"),
        "content/events/2032/ports.md": TABLES,
        "content/events/2032/quays.md": TABLES.replace("Ports and Platforms", "Quays and Cranes"),
    })
    profile, text, found = drafted(root, tmp_path)
    (part,) = profile["parts"]
    assert part["speaker_key"] == "speakers"  # not "moderators", which the reader reads beside the speakers
    assert part["item_title"] == "role" and "item_role" not in part
    assert "job title under 'role', not a role word (e.g. 'Commissioner', 'Counsel')" in text
    rows = {(r["session"], r["name"]): (r["role"], r["title"]) for r in found.rows}
    assert rows[("Harbour Data After the Storm", "Ilse Marrow")] == ("moderator", "Senior Fellow")
    assert rows[("Harbour Data After the Storm", "Petra Sund")] == ("speaker", "Head of Sea Cyber")
    assert rows[("Ports and Platforms", "Ada Brenner")] == ("speaker", "Commissioner")
    assert rows[("Ports and Platforms", "Cy Dale")] == ("moderator", "")
    assert len(found.rows) == 4 * 3 + 2


def drafted(root: Path, tmp_path: Path):
    text = draft.render(draft.settle(draft.draft(root)))
    path = tmp_path / "drafted.toml"
    path.write_text(text, encoding="utf-8")
    return tomllib.loads(text), text, preview(site_for(root, profile_path=path), sample=1000)


# --- B: a job title under an entry's role key ------------------------------------------------------------


def test_a_job_title_under_an_entrys_role_key_is_its_title_and_the_role_is_the_lists():
    parsed = parse("events/ports.md", TABLES)
    assert people(parsed) == [
        ("speaker", "Ada Brenner", [("Commissioner", "Federal Office for Harbour Security")]),
        ("speaker", "Bo Kestrel", [("Counsel", "Port Authority of Examplia")]),
        ("moderator", "Cy Dale", []),
        ("moderator", "Ilse Marrow", [("Senior Fellow", "Tidewall Institute")])]
    assert not notes(parsed, "unknown-role")
    (first, _) = notes(parsed, "role-as-title")
    assert "Dr. Ada Brenner: role 'Commissioner' is a job title, not a role" in first and "item_title" in first
    assert not notes(parse("events/ports.md", TABLES, item_title=["role"]), "role-as-title")


def test_a_job_title_under_role_beside_a_title_keeps_the_title_and_says_so():
    text = TABLES.replace('role = "Counsel"', 'role = "Counsel"\ntitle = "Chief Counsel"')
    parsed = parse("events/ports.md", text)
    assert people(parsed)[1] == ("speaker", "Bo Kestrel", [("Chief Counsel", "Port Authority of Examplia")])
    assert any("role 'Speaker'; the title is 'Chief Counsel'" in m for m in notes(parsed, "role-as-title"))


# --- C: pages Hugo's expiry date unpublishes ----------------------------------------------------------------


def test_a_page_expired_before_its_date_or_marked_expired_is_skipped_with_a_note():
    moved = PARAMS.replace("[params]", "expiryDate = 2031-03-05T00:00:00+01:00\n\n[params]")
    parsed = parse("events/moved.md", moved)
    assert parsed.sessions == []
    assert notes(parsed, "skipped-file") == ["marked as not published (expiryDate 2031-03-05 is before its date "
                                             "2031-03-14): the site does not show it — skipped"]
    assert parse("events/off.md", PARAMS.replace("[params]", "expired = true\n\n[params]")).sessions == []
    later = PARAMS.replace("[params]", "expiryDate = 2031-12-31\n\n[params]")  # shown until after the event
    assert len(people(parse("events/later.md", later))) == 3


# --- D: people in prose after a role phrase only ------------------------------------------------------------


def test_by_opens_a_person_only_after_a_role_phrase():
    def names(text):
        return [(m.label, m.name) for m in prose_people(text)]

    assert names("Registered guests will be contacted by Ms Tova Rinn. Sponsored by Mr Eli Strand.") == []
    assert names("The panel is moderated by Ms Tova Rinn, Editor, Quay Review.") == [("Moderator", "Ms Tova Rinn")]
    assert names("Opening remarks by Dr Eli Strand, Dean, Port Academy.") == [("Remarks", "Dr Eli Strand")]
    assert names("A keynote address delivered by Prof. Ana Brill of Sea Lab.") == [(None, "Prof. Ana Brill")]


def test_a_contact_in_a_pages_prose_is_no_speaker(tmp_path):
    root = write(tmp_path / "site", {"events/moved.md": (
        "---\ntitle: Harbour Data\ndate: 2031-03-14\n---\n# Harbour Data\n\n**14 March 2031, 18:00–19:30**\n\n"
        "This dialogue has moved. Registered guests will be contacted by Ms Tova Rinn.\n")})
    path = tmp_path / "p.toml"
    path.write_text('[site]\nseries = "x"\n[[parts]]\nfiles = "events/*.md"\nreader = "programme"\n')
    assert preview(site_for(root, profile_path=path), sample=100).rows == []


# --- E: Hugo's section list pages ---------------------------------------------------------------------------


PERSON = '+++\ntitle = "{name}"\nposition = "Director"\norganisation = "Quay Lab"\n+++\n'


def test_a_sections_list_page_is_no_speaker_page_but_a_bundles_index_is():
    parsed = parse("content/people/_index.md", '+++\ntitle = "People"\n+++\nOur speakers.\n',
                   speakers=["content/people/*.md"], name=["title"])
    assert parsed.speakers == [] and "a section's list page" in notes(parsed, "skipped-file")[0]
    (page,) = parse("content/people/ana-quay.md", PERSON.format(name="Ana Quay"), speakers=["content/people/*.md"],
                    name=["title"]).speakers
    assert page.printed_name == "Ana Quay"
    for pattern in ("content/authors/*/_index.md", "content/authors/**/*.md"):  # page bundles: one person each
        (page,) = parse("content/authors/bo-wren/_index.md", PERSON.format(name="Bo Wren"), speakers=[pattern],
                        name=["title"]).speakers
        assert page.printed_name == "Bo Wren"


def test_a_sections_list_page_naming_nobody_is_no_session_but_one_listing_people_is():
    section = '+++\ntitle = "Dialogues 2031"\nweight = 2\n+++\nThe 2031 dialogues.\n'
    parsed = parse("content/events/2031/_index.md", section, sessions=["content/events/**/*.md"])
    assert parsed.sessions == [] and notes(parsed, "skipped-file") == [
        "a section's list page (Hugo's _index.md: its title names the folder's pages, not one of them), naming "
        "nobody — skipped"]
    listed = PARAMS  # an event's own section page with its speakers
    assert len(people(parse("content/events/summit/_index.md", listed, sessions=["content/events/**/*.md"]))) == 3
