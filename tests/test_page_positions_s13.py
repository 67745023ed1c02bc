"""What a speaker page lends to the appearances of a made-up site: field by field across editions, the organisation
of a printed title alone, the title at an organisation printed another way (acronym, first words, abbreviation)."""

from __future__ import annotations

import pytest

from conftest import ingested, write_files as write
from graph.results import table
from ingest.page_positions import Facts, PagePositions, apply, same_organisation
from ingest.records import Document, Name, Parsed, Position, Row, SessionPage

PREFIX = "PREFIX sg: <https://w3id.org/speakergraph/vocab#>\nPREFIX schema: <https://schema.org/>\n"

CARDS = """[site]
series = "fjord"
[[parts]]
files = "talks/*/*.html"
reader = "cards"
card = "li.speaker"
name = "a, .name"
title = ".job"
organisation = ".org"
edition = "h1"
date = ".when"
[[parts]]
files = "speakers/*.html"
reader = "cards"
page = "profile"
name = "h1"
title = ".job"
organisation = ".org"
country = ".country"
"""


def talk(title: str, when: str, *cards: str) -> str:
    return f'<h1>{title}</h1><p class="when">{when}</p><ul>{"".join(cards)}</ul>'


def card(name: str, slug: str | None = None, job: str = "", org: str = "") -> str:
    who = f'<a href="/speakers/{slug}">{name}</a>' if slug else f'<span class="name">{name}</span>'
    return (f'<li class="speaker">{who}' + (f'<span class="job">{job}</span>' if job else "")
            + (f'<span class="org">{org}</span>' if org else "") + "</li>")


def profile(name: str, job: str, org: str, country: str) -> str:
    return (f'<h1>{name}</h1><p><span class="job">{job}</span>, <span class="org">{org}</span></p>'
            f'<p class="country">{country}</p>')


def appearances(store) -> list[list[str]]:
    return table(store.query(PREFIX + """
        SELECT ?session ?name (COALESCE(?t, "") AS ?title) (COALESCE(?o, "") AS ?org) (COALESCE(?c, "") AS ?country)
        WHERE { ?a sg:session/schema:name ?session ; sg:person/schema:name ?name
                OPTIONAL { ?a sg:position ?p OPTIONAL { ?p sg:title ?t } OPTIONAL { ?p sg:organisationLabel ?o } }
                OPTIONAL { ?a sg:country ?cc BIND(STRAFTER(STR(?cc), "/country/") AS ?c) } }
        ORDER BY ?session ?name""")).values()


@pytest.fixture()
def fjord(tmp_path):
    """Two talks of 2031 on cards, each linking speaker pages that name no year."""
    return write(tmp_path / "fjord", {
        "speakergraph.toml": CARDS,
        "talks/2031/opening.html": talk("Opening Address", "12 May 2031",
                                        card("Ingrid Halvorsen", "ingrid-halvorsen",
                                             job="Minister of Fisheries and Coastal Affairs")),
        "talks/2031/panel.html": talk("Panel on Harbour Networks", "13 May 2031",
                                      card("Ingrid Halvorsen", "ingrid-halvorsen",
                                           job="Minister of Fisheries and Coastal Affairs"),
                                      card("Tobias Krennwald", "tobias-krennwald", org="KCA"),
                                      card("Oona Vaskelainen", "oona-vaskelainen", org="ZORN"),
                                      card("Priit Lõhmus", "priit-lohmus", org="Univ. of Northmoor"),
                                      card("Selma Ødegård", "selma-odegard", job="Chief Engineer")),
        "speakers/ingrid-halvorsen.html": profile("Ingrid Halvorsen", "Minister of Fisheries and Coastal Affairs",
                                                  "Ministry of Fisheries and Coastal Affairs", "Norway"),
        "speakers/tobias-krennwald.html": profile("Tobias Krennwald", "Head of Section", "Kestrel Cyber Agency",
                                                  "Austria"),
        "speakers/oona-vaskelainen.html": profile("Oona Vaskelainen", "Researcher", "ZORN Research Institute",
                                                  "Finland"),
        "speakers/priit-lohmus.html": profile("Priit Lõhmus", "Associate Professor", "University of Northmoor",
                                              "Estonia"),
        "speakers/selma-odegard.html": profile("Selma Ødegård", "Chief Economist", "Kestrel Trust", "Norway"),
    })


def test_a_speaker_page_of_no_year_lends_its_country_to_every_card_of_an_edition(fjord):
    """The cards of 2031 are facts of 2031 that print no country: they no longer hide the page of no year."""
    got = {(session, name): country for session, name, _, _, country in appearances(ingested(fjord))}
    assert got[("Opening Address", "Ingrid Halvorsen")] == got[("Panel on Harbour Networks", "Ingrid Halvorsen")] \
        == "NO"
    assert {name: c for (s, name), c in got.items() if s.startswith("Panel")} == {
        "Ingrid Halvorsen": "NO", "Tobias Krennwald": "AT", "Oona Vaskelainen": "FI", "Priit Lõhmus": "EE",
        "Selma Ødegård": "NO"}


def test_a_printed_title_alone_takes_the_organisation_the_page_prints_with_that_title(fjord):
    rows = appearances(ingested(fjord))
    assert [r[2:4] for r in rows if r[1] == "Ingrid Halvorsen"] == [
        ["Minister of Fisheries and Coastal Affairs", "Ministry of Fisheries and Coastal Affairs"]] * 2
    # another title than the page's: nothing is taken (her page's job is another one)
    assert [r[2:4] for r in rows if r[1] == "Selma Ødegård"] == [["Chief Engineer", ""]]


def test_an_organisation_printed_another_way_takes_the_title_the_page_prints_there(fjord):
    """An acronym of the page's name, its first word, an abbreviation: the same organisation of one person."""
    got = {r[1]: r[2:4] for r in appearances(ingested(fjord)) if r[0].startswith("Panel")}
    assert (got["Tobias Krennwald"], got["Oona Vaskelainen"], got["Priit Lõhmus"]) == (
        ["Head of Section", "KCA"], ["Researcher", "ZORN"], ["Associate Professor", "Univ. of Northmoor"])


def test_the_completed_position_names_the_page_as_its_source(fjord):
    store = ingested(fjord)
    sources = table(store.query(PREFIX + """SELECT ?name ?path WHERE { ?a sg:person/schema:name ?name ;
        sg:session/schema:name "Panel on Harbour Networks" ; sg:position/sg:positionSource/sg:path ?path }
        ORDER BY ?name""")).values()
    assert sources == [["Ingrid Halvorsen", "speakers/ingrid-halvorsen.html"],
                       ["Oona Vaskelainen", "speakers/oona-vaskelainen.html"],
                       ["Priit Lõhmus", "speakers/priit-lohmus.html"],
                       ["Tobias Krennwald", "speakers/tobias-krennwald.html"]]


def _row(key: str, *positions: Position, country: str | None = None, honorific: str | None = None) -> Row:
    name = Name(f"{honorific} Ada Quist" if honorific else "Ada Quist", honorific, "Ada Quist")
    return Row(4, "Speaker", name.printed, None, positions=list(positions), person_key=key, name=name,
               country_code=country)


def _applied(row: Row, pages: PagePositions, year: int | None = 2031) -> Row:
    from datetime import date
    session = SessionPage("talks/x.md", "Talk", None, date(year, 5, 1) if year else None, rows=[row])
    apply(Parsed(Document("talks/x.md", "", {}, "", 0), "cards", sessions=[session]), pages)
    return row


def test_facts_are_taken_field_by_field_that_years_first_then_the_pages_of_no_year():
    pages = PagePositions(facts={"ada": [Facts(honorific="Dr", year=2031), Facts("SE", "Prof", None),
                                          Facts("DK", "Ms", 2030)]})
    row = _applied(_row("ada"), pages)
    assert (row.country_code, row.name.honorific) == ("SE", "Dr")  # 2031's honorific, the country of no year
    assert _applied(_row("ada"), PagePositions(facts={"ada": [Facts("DK", "Ms", 2030)]})).country_code is None


def test_a_lent_title_alone_is_completed_from_a_page_of_no_year_never_from_another_years():
    """Another card of the edition prints her title alone; her own page (no year) prints it at an organisation."""
    pages = PagePositions({"ada": [("urn:g:card", 2031, [Position("Harbour Master")]),
                                   ("urn:g:page", None, [Position("Harbour Master", "Port of Veldhaven")])]})
    row = _applied(_row("ada"), pages)
    assert [(p.title, p.organisation, p.source) for p in row.positions] == [
        ("Harbour Master", "Port of Veldhaven", "urn:g:page")]
    pages = PagePositions({"ada": [("urn:g:page", 2029, [Position("Harbour Master", "Port of Veldhaven")])]})
    row = _applied(_row("ada", Position("Harbour Master")), pages)
    assert [(p.title, p.organisation) for p in row.positions] == [("Harbour Master", None)]


def test_a_page_organisation_the_session_prints_as_a_job_is_not_taken():
    """The page read "Harbour Master, Second Warden of the Coast" as a title at an organisation; the session prints
    both as jobs: the second is no organisation for the first."""
    page = [Position("Harbour Master", "Second Warden of the Coast")]
    row = _applied(_row("ada", Position("Harbour Master"), Position("Second Warden of the Coast")),
                   PagePositions({"ada": [("urn:g:page", None, page)]}))
    assert [(p.title, p.organisation) for p in row.positions] == [("Harbour Master", None),
                                                                  ("Second Warden of the Coast", None)]
    row = _applied(_row("ada", Position("Harbour Master")), PagePositions({"ada": [("urn:g:page", None, page)]}))
    assert [(p.title, p.organisation) for p in row.positions] == [("Harbour Master", "Second Warden of the Coast")]


def test_the_title_at_an_acronym_of_the_printed_organisation_and_the_same_name_first():
    page = [Position("Fellow", "Kestrel Institute of Maritime Law"), Position("Director", "KIML")]
    row = _applied(_row("ada", Position(None, "KIML")), PagePositions({"ada": [("urn:g:page", None, page)]}))
    assert [(p.title, p.organisation) for p in row.positions] == [("Director", "KIML")]
    row = _applied(_row("ada", Position(None, "KIML")), PagePositions({"ada": [("urn:g:page", None, page[:1])]}))
    assert [(p.title, p.organisation) for p in row.positions] == [("Fellow", "KIML")]


@pytest.mark.parametrize("printed, page", [
    ("BSK", "Bundesanstalt für Seefahrt und Küstenschutz"),  # main words, German
    ("MFAF", "Ministry of Foreign Affairs and Fisheries"),
    ("ANSC", "Agence nationale de la sécurité côtière"),  # main words, lower-case ones among them
    ("K.M.A.", "Kestrel Maritime Authority"),
    ("DoHA", "Department of Harbour Affairs"),
    ("VELDA", "VELDA Coastal Research Centre"),  # the first word(s)
    ("Veldhaven Port", "Veldhaven Port Authority"),
    ("Univ. of Northmoor", "University of Northmoor"),  # the usual abbreviations and spellings
    ("Northmoor Inst. of Technology", "Northmoor Institute of Technology"),
    ("Coastal Defense Center", "Coastal Defence Centre"),
    ("Veldhaven Port Authority (VPA)", "VPA"),  # a bracket is a name of its own
])
def test_the_same_organisation_printed_two_ways(printed, page):
    assert same_organisation(printed, page) and same_organisation(page, printed)


@pytest.mark.parametrize("printed, same, other", [
    ("KTF", "Kestrel Trust Fund", "Kestrel Trust"), ("Kestrel", "Kestrel Labs", "Mining Labs"),
    ("ITU", "International Trade Union", "International Trade Union Confederation"),
    ("Inst. of Ports", "Institute of Ports", "Harbour Authority"), ("Acme", "Acme Holdings", "Kestrel Acme Holdings"),
])
def test_an_acronym_or_first_words_name_that_organisation_not_another(printed, same, other):
    assert same_organisation(printed, same) and not same_organisation(printed, other)
    assert not same_organisation("", same) and not same_organisation(printed, None)


@pytest.mark.parametrize("one_by_one", [100, 0], ids=["person-by-person", "every-page-at-once"])
def test_a_changed_card_keeps_what_the_unchanged_speaker_pages_in_the_store_lend(fjord, tmp_path, monkeypatch,
                                                                                 one_by_one):
    """Only the edited talk is read again: its own cards are this run's facts, the speaker pages the store's."""
    from ingest import page_positions

    monkeypatch.setattr(page_positions, "ONE_BY_ONE", one_by_one)
    monkeypatch.setattr(page_positions, "FACTS_ONE_BY_ONE", one_by_one)
    ingested(fjord, tmp_path / "store")
    panel = fjord / "talks/2031/panel.html"
    panel.write_text(panel.read_text() + "<!-- edited -->")
    again = ingested(fjord, tmp_path / "store")
    assert appearances(again) == appearances(ingested(fjord))
    assert ["Panel on Harbour Networks", "Ingrid Halvorsen", "Minister of Fisheries and Coastal Affairs",
            "Ministry of Fisheries and Coastal Affairs", "NO"] in appearances(again)
