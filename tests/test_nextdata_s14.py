"""JSON a static export keeps in ``<script type="application/json">`` (Next.js ``__NEXT_DATA__``) is drafted as
embedded data, and minified React markup that glues classed inline elements is read a line each."""

import json

from selectolax.lexbor import LexborHTMLParser

from ingest import draft
from ingest.draft_embedded import script_json
from ingest.html_page import class_words, node_lines
from ingest.loader import site_for
from ingest.preview import preview

SESSIONS = [
    {"id": "s1", "title": "Opening of the Forum", "start": "2031-05-06T09:00:00+02:00",
     "end": "2031-05-06T09:20:00+02:00", "type": "Remarks", "room": "Main Hall",
     "speakers": [{"name": "Dr. Orla Venn", "slug": "orla-venn", "jobTitle": "Director of Studies",
                   "company": "Institute for Harbour Policy", "country": "Ireland"}]},
    {"id": "s2", "title": "Ports, Data and the Public Good", "start": "2031-05-06T10:00:00+02:00",
     "end": "2031-05-06T11:00:00+02:00", "type": "Panel", "room": "Main Hall",
     "speakers": [{"name": "Tarek Holm", "slug": "tarek-holm", "jobTitle": "Chief Analyst",
                   "company": "Quayside Research", "country": "Denmark", "role": "moderator"},
                  {"name": "Ms. Priya Lindgard", "slug": "priya-lindgard", "jobTitle": "Head of Policy",
                   "company": "Northwind Shipping", "country": "Norway", "role": "panelist"}]},
]


def _page(title: str, props: dict, markup: str = "") -> str:
    data = json.dumps({"props": {"pageProps": props}, "page": "/x", "buildId": "b1"})
    return (f'<!DOCTYPE html><html><head><title>{title} | Harbour Forum 2031</title>'
            '<script src="/_next/static/chunks/main.js" defer=""></script></head>'
            f'<body><div id="__next">{markup}</div>'
            f'<script id="__NEXT_DATA__" type="application/json">{data}</script></body></html>')


def test_script_json_finds_json_scripts_but_not_json_ld():
    body = ('<script type="application/ld+json">{"@type": "Event"}</script>'
            '<script type="application/json">{"a": [1]}</script>'
            '<script type="application/json">{"b": 2}</script>'
            "<script id=\"__NUXT_DATA__\" type=\"application/json\" data-ssr=\"true\">[{\"c\": 1}]</script>")
    found = script_json(body)
    assert [data for _, data in found] == [{"a": [1]}, [{"c": 1}]]  # the second untitled one: no pattern finds it
    assert found[1][0] == r'<script[^>]*\bid="__NUXT_DATA__"[^>]*>(.*?)</script>'


def test_next_data_pages_are_drafted_as_embedded_records(tmp_path):
    (tmp_path / "programme").mkdir()
    (tmp_path / "programme" / "index.html").write_text(_page("Programme", {"sessions": SESSIONS}), encoding="utf-8")
    (tmp_path / "index.html").write_text(_page("Home", {"edition": {"year": 2031}}), encoding="utf-8")
    drafted = draft.draft(tmp_path)
    part = next(p.values() for p in drafted.parts if p.get("files") == "programme/index.html")
    assert part["reader"] == "records"
    assert part["embedded"] == r'<script[^>]*\bid="__NEXT_DATA__"[^>]*>(.*?)</script>'
    assert part["records"] == "props.pageProps.sessions" and part["persons"] == "speakers"
    assert part["person"]["name"] == "name" and part["person"]["organisation"] == "company"
    text = draft.render(draft.settle(drafted))
    assert "<script type=\\\"application/json\\\">" in text or '<script type="application/json">' in text
    profile = tmp_path / "drafted.toml"
    profile.write_text(text, encoding="utf-8")
    rows = preview(site_for(tmp_path, profile_path=profile), sample=100).rows
    got = {(r["name"], r["session"], r["organisation"]) for r in rows}
    assert ("Priya Lindgard", "Ports, Data and the Public Good", "Northwind Shipping") in got
    assert ("Orla Venn", "Opening of the Forum", "Institute for Harbour Policy") in got


def test_minified_classed_inline_siblings_are_lines_of_their_own_unless_text_joins_them():
    chip = ('<li class="Chip_chip__x1Y2z"><a class="Chip_person__Ab3dE" href="/p/orla-venn/">H.E. Dr. Orla Venn</a>'
            '<span class="Chip_meta__Q9w8e">Director of Studies, Institute for Harbour Policy</span></li>')
    lines = [ln.text for ln in node_lines(LexborHTMLParser(chip).css_first("li"))]
    assert lines == ["H.E. Dr. Orla Venn", "Director of Studies, Institute for Harbour Policy"]
    # with text between them (a space, a comma) the page prints them on one line itself
    spaced = '<p><span class="given">Orla</span> <span class="family">Venn</span>, Director</p>'
    assert [ln.text for ln in node_lines(LexborHTMLParser(spaced).css_first("p"))] == ["Orla Venn , Director"]


def test_css_module_classes_are_read_by_their_field_part():
    assert class_words("Card_role__Zx81k") == ["role"]
    assert class_words("Biography_wrap__k2Lm9 plain") == ["wrap", "plain"]  # "Bio…" is the component, no field
    # a name printed in two spans with a space between: "Name" is the component, not a field of its own
    html = '<p><span class="PersonName_given__aa1bb">Orla</span> <span class="PersonName_family__cc2dd">Venn</span></p>'
    assert [ln.text for ln in node_lines(LexborHTMLParser(html).css_first("p"))] == ["Orla Venn"]


def test_pages_beside_them_without_the_script_stay_out_of_the_part(tmp_path):
    (tmp_path / "programme").mkdir()
    for day, sessions in (("1", SESSIONS[:1]), ("2", SESSIONS[1:])):
        (tmp_path / "programme" / f"day-{day}.html").write_text(_page("Day", {"sessions": sessions * 2}),
                                                                encoding="utf-8")
    (tmp_path / "programme" / "venue.html").write_text("<html><body><p>Main Hall, Quay 4</p></body></html>",
                                                       encoding="utf-8")
    files = next(p.get("files") for p in draft.draft(tmp_path).parts if p.get("embedded"))
    assert files in ("programme/day-[0-9]*.html", ["programme/day-1.html", "programme/day-2.html"])


def test_json_scripts_with_records_that_name_nobody_get_a_comment(tmp_path):
    (tmp_path / "shop.html").write_text(_page("Shop", {"items": [{"sku": "a-1", "price": 3}, {"sku": "b-2"}]}),
                                        encoding="utf-8")
    text = draft.render(draft.settle(draft.draft(tmp_path)))
    assert "with lists of records (props.pageProps.items)" in text and "embedded = '<script" in text
