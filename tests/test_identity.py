"""Identity across files, years and link schemes: people, organisations, decisions, candidates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, corpus, SICW
from graph import ids
from graph.queries import find_query
from graph.results import table
from graph.store import open_store
from ingest import identity
from ingest.identity import Decision, Organisations, People, candidates, split_parent
from ingest.loader import ingest, site_for
from test_all_sites import store as all_sites  # noqa: F401  (every real source in one store)

PREFIX = "PREFIX sg: <https://w3id.org/speakergraph/vocab#>\nPREFIX schema: <https://schema.org/>\n"


def page(title: str, date: str, rows: list[tuple[str, str, str]]) -> str:
    """An event page in the SICW format: rows of (role heading, name cell, position cell)."""
    lines = ["---", f'title: "{title}"', f"permalink: /archive/events/{ids.slugify(title)}/", "---",
             f"#### **{title}**", "", f"**{date}**  ", "*Time: 2.00pm to 3.00pm (GMT +8)*", ""]
    role = None
    for heading, name, cell in rows:
        if heading != role:
            lines.append(f"|<br>**{heading}** | |")
            role = heading
        lines.append(f"| {name} | {cell} |")
    return "\n".join(lines) + "\n"


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def people_named(store, fragment):
    q = PREFIX + "SELECT DISTINCT ?p WHERE { ?a sg:person ?p ; sg:printedName ?n . FILTER(CONTAINS(?n, ?_f)) }"
    import pyoxigraph as ox
    return {r[0].value for r in table(store.query(q, {ox.Variable("_f"): ox.Literal(fragment)})).rows}


def test_maria_adebahr_is_one_person_in_the_corpus(sicw_store):
    assert people_named(sicw_store, "Adebahr") == {ids.person("maria-adebahr")}
    rows = table(sicw_store.query(find_query("person-appearances").text,
                                  find_query("person-appearances").bindings({"person": "maria-adebahr"}))).rows
    assert len(rows) >= 2


def test_linked_name_and_speaker_page_meet_in_the_sample(sample_store):
    assert people_named(sample_store, "Adebahr") == {ids.person("maria-adebahr")}
    q = PREFIX + f"ASK {{ <{ids.person('maria-adebahr')}> schema:subjectOf ?page }}"
    assert bool(sample_store.query(q))
    q = PREFIX + f"ASK {{ <{ids.person('sithuraj-ponraj')}> schema:subjectOf ?page }}"  # page permalink ends -2024
    assert bool(sample_store.query(q))


def test_yong_ying_i_with_hyphen_and_en_dash_is_one_person(tmp_path):
    root = tmp_path / "conf-2024"
    write(root, "_2024-events/15 October 2024/a.md", page("A", "15 October 2024", [
        ("Guest of Honour", "Ms Yong Ying-I", "*Chairman*<br>Central Provident Fund Board<br>Singapore")]))
    write(root, "_2024-events/16 October 2024/b.md", page("B", "16 October 2024", [
        ("Speakers", "Yong Ying\u2013I", "*Senior Advisor*<br>Ministry of Digital Development and Information")]))
    write(root, "_2024-events/17 October 2024/c.md", page("C", "17 October 2024", [
        ("Speakers", "[Ms Yong Ying\u2013I](/speakers/ms-yong-ying-i/)", "*Chairman*<br>SGInnovate")]))
    store = open_store(None)
    ingest(store, [site_for(root)])
    assert people_named(store, "Yong") == {ids.person("yong-ying-i")}


def test_corpus_yong_ying_i_page_and_links_agree():
    store = open_store(None)
    ingest(store, [site_for(corpus(SICW))])
    assert people_named(store, "Yong Ying") == {ids.person("yong-ying-i")}


OLDER = [
    ("Panellists", "[Ambassador Maria Adebahr](/speaker-Maria-Adebahr)",
     "*Head of Cyber Policy Coordination*<br>Federal Foreign Office<br>Germany"),
    ("Panellists", "[HE Tadeusz Chomicki](/speaker-HE-Tadeusz-Chomicki)",
     "*Ambassador for Cyber & Tech Affairs*<br>Ministry of Foreign Affairs<br>Poland"),
    ("Panellists", "Ms Liesyl  Franz", "*Deputy Assistant Secretary*<br>Department of State<br>United States"),
    ("Moderator", "[Mr Sithuraj Ponraj](/speakers/mr-sithuraj-ponraj-2019/)",
     "*Director*<br>Cyber Security Agency of Singapore (CSA)<br>Singapore"),
]


def test_second_year_with_older_link_schemes_merges_returning_people(tmp_path):
    older = tmp_path / "sicw-2019"
    write(older, "_2019-events/2 October 2019/Norms.md", page("Norms in Practice", "2 October 2019", OLDER))
    store = open_store(None)
    ingest(store, [site_for(SAMPLE)])
    before = table(store.query(PREFIX + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }")).values()
    ingest(store, [site_for(older, series="sicw")])
    after = table(store.query(PREFIX + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }")).values()
    assert after == before  # all four were already known
    q = find_query("multi-edition-people")
    names = {r["name"] for r in table(store.query(q.text)).dicts()}
    assert {"Maria Adebahr", "Tadeusz Chomicki", "Liesyl Franz", "Sithuraj Ponraj"} <= names


def write_fick_pages(root):
    """Two pages: "Nathaniel Fick" linked, with his country; "Nathaniel C. Fick" unlinked, same title and office."""
    write(root, "_2024-events/15 October 2024/a.md", page("A", "15 October 2024", [
        ("Speakers", "[Mr Nathaniel Fick](/speakers/mr-nathaniel-fick/)",
         "*Ambassador at Large*<br>Bureau of Cyberspace and Digital Policy<br>United States of America")]))
    write(root, "_2024-events/16 October 2024/b.md", page("B", "16 October 2024", [
        ("Speakers", "Mr Nathaniel C. Fick", "*Ambassador at Large*<br>Bureau of Cyberspace and Digital Policy")]))


def test_same_name_with_initial_merges_only_with_agreeing_evidence(tmp_path):
    root = tmp_path / "conf-2024"
    write_fick_pages(root)
    store = open_store(None)
    summary = ingest(store, [site_for(root)])
    assert people_named(store, "Fick") == {ids.person("nathaniel-fick")}
    assert summary.merges == [("nathaniel-c-fick", "nathaniel-fick",
                               "one name a shorter form of the other, same organisation")]
    q = f"ASK {{ <{ids.person('nathaniel-c-fick')}> <http://www.w3.org/2002/07/owl#sameAs> <{ids.person('nathaniel-fick')}> }}"
    assert bool(store.query(q))


NAMESAKES = [
    ("Speakers", "Dr Amelia Tan", "*Head*<br>Cyber Security Agency of Singapore (CSA)<br>Singapore"),
    ("Speakers", "Ms Sharon Tan", "*Engineer*<br>Cyber Security Agency of Singapore (CSA)<br>Singapore"),
    ("Speakers", "Mr David Koh", "*Commissioner*<br>Cyber Security Agency of Singapore (CSA)<br>Singapore"),
    ("Speakers", "Mr Daniel Koh", "*Director*<br>Cyber Security Agency of Singapore (CSA)<br>Singapore"),
    ("Speakers", "Mr Lee Sang Joong", "*President*<br>KISA<br>South Korea"),
    ("Speakers", "Mr Lee Sang Hoon", "*Director*<br>KISA<br>South Korea"),
    ("Speakers", "Ms Kelly Anderson", "*Director*<br>Global Affairs<br>Canada"),
    ("Speakers", "Mr K. Anderson", "*Director*<br>Global Affairs<br>Canada"),
]


def test_people_sharing_a_surname_are_never_merged(tmp_path):
    root = tmp_path / "conf-2024"
    write(root, "_2024-events/15 October 2024/a.md", page("A", "15 October 2024", NAMESAKES))
    write(root, "_2024-events/16 October 2024/b.md", page("B", "16 October 2024", NAMESAKES[::-1]))
    store = open_store(None)
    summary = ingest(store, [site_for(root)])
    assert summary.merges == []
    q = PREFIX + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?a sg:person ?p }"
    assert table(store.query(q)).values() == [[str(len(NAMESAKES))]]


def test_reviewed_decisions_apply_and_block():
    people = People([Decision("nathaniel-fick", "nat-fick", True, "same person, checked"),
                     Decision("ming-tan", "tan-ming", False, "two people")])
    people.add("nathaniel-fick", "Nathaniel Fick", "US", set())
    assert people.resolve("nat-fick", "Nat Fick", None, set()) == ("nathaniel-fick", "reviewed decision (data/identity.csv)")
    people.add("ming-tan", "Ming Tan", "SG", set())
    assert people.resolve("tan-ming", "Ming Tan", "SG", set()) == ("tan-ming", None)
    assert people.resolve("ming-tan-2", "Ming Tan", "SG", set()) == ("ming-tan", "same name, same country")


def test_organisation_acronyms_resolve(tmp_path):
    root = tmp_path / "conf-2024"
    write(root, "_2024-events/15 October 2024/a.md", page("A", "15 October 2024", [
        ("Speakers", "Mr Choon Bong", "*Director*<br>CSA, Singapore"),
        ("Speakers", "Mr Rodney Tan", "*Director*<br>Cyber Security Agency of Singapore (CSA)<br>Singapore"),
        ("Speakers", "Ms Jane Roe", "*Analyst*<br>CSA<br>United States")]))
    store = open_store(None)
    ingest(store, [site_for(root)])
    q = PREFIX + """PREFIX org: <http://www.w3.org/ns/org#>
    SELECT DISTINCT ?n ?o WHERE { ?a sg:printedName ?n ; sg:position/org:organization ?o } ORDER BY ?n"""
    orgs = dict(table(store.query(q)).values())
    csa = ids.organisation("cyber-security-agency-of-singapore")
    assert orgs["Mr Choon Bong"] == orgs["Mr Rodney Tan"] == csa
    assert orgs["Ms Jane Roe"] == csa  # the only CSA this store knows; a reviewer can say otherwise


def test_units_get_their_parent_organisation():
    assert split_parent("Cyber Security Group (CSG), GovTech") == ("Cyber Security Group (CSG)", "GovTech")
    assert split_parent("Lee Kuan Yew School of Public Policy, National University of Singapore") == (
        "Lee Kuan Yew School of Public Policy", "National University of Singapore")
    assert split_parent("Ministry of Foreign Affairs") == ("Ministry of Foreign Affairs", None)
    orgs = Organisations()
    key, parent, _ = orgs.resolve("Security Policy Department, Ministry of Foreign Affairs", "PL")
    assert (key, parent) == ("ministry-of-foreign-affairs-pl/security-policy-department", "ministry-of-foreign-affairs-pl")
    assert orgs.resolve("Ministry of Foreign Affairs", "BR")[0] != orgs.resolve("Ministry of Foreign Affairs", "PL")[0]


def test_candidates_list_similar_names_with_evidence(tmp_path):
    root = tmp_path / "conf-2024"
    write(root, "_2024-events/15 October 2024/a.md", page("A", "15 October 2024", [
        ("Speakers", "Dr Madan Oberoi", "*Executive Director*<br>Interpol"),
        ("Speakers", "Dr Madan Oberoy", "*Executive Director*<br>INTERPOL Global Complex")]))
    store = open_store(None)
    ingest(store, [site_for(root)])
    (cand,) = candidates(store, decisions=[])
    assert {cand.a, cand.b} == {"madan-oberoi", "madan-oberoy"} and cand.score >= 80
    assert cand.evidence["honorifics"] == ("Dr", "Dr")
    assert candidates(store, decisions=[Decision("madan-oberoi", "madan-oberoy", False, "checked")]) == []


def test_every_speaker_link_resolves_or_is_reported(sicw_store):
    from graph.report import report
    q = PREFIX + """SELECT DISTINCT ?link WHERE { ?a sg:speakerLink ?link ; sg:person ?p .
                    FILTER EXISTS { ?p schema:subjectOf ?page } }"""
    resolved = {r[0] for r in table(sicw_store.query(q)).values()}
    unresolved = {r["link"] for r in report(sicw_store).unresolved}
    q_all = PREFIX + "SELECT DISTINCT ?link WHERE { ?a sg:speakerLink ?link }"
    every = {r[0] for r in table(sicw_store.query(q_all)).values()}
    assert every == resolved | unresolved and not resolved & unresolved
    assert len(resolved) > 50




def test_merged_iri_redirects_in_the_ui(tmp_path):
    from web import create_app

    root = tmp_path / "conf-2024"
    write_fick_pages(root)
    ingest(open_store(tmp_path / "store"), [site_for(root)])
    app = create_app({"STORE": str(tmp_path / "store"), "TESTING": True})
    client = app.test_client()
    response = client.get("/id/person/nathaniel-c-fick")
    assert response.status_code == 301 and response.location.endswith("/id/person/nathaniel-fick")
    assert client.get("/id/person/nathaniel-c-fick.ttl").location.endswith("/id/person/nathaniel-fick.ttl")
    assert client.get("/id/person/nathaniel-fick").status_code == 200


# --- identity across slug schemes and careers (pages written here) -------------------------------------


def person_keys(store):
    q = PREFIX + "SELECT DISTINCT ?p ?n WHERE { ?a sg:person ?p ; sg:printedName ?n } ORDER BY ?n ?p"
    return sorted({(r["n"], r["p"].rsplit("/", 1)[-1]) for r in table(store.query(q)).dicts()})


def test_short_slug_of_one_year_and_full_slug_of_another_are_one_person(tmp_path):
    root = tmp_path / "sicw-all"
    write(root, "_2021-events/5 October 2021/a.md", page("A", "5 October 2021", [
        ("Speakers", "[Mr Arun Venkat](/speaker-arun-v)", "*Director*<br>Harbour Agency<br>Singapore")]))
    write(root, "_2023-events/3 October 2023/b.md", page("B", "3 October 2023", [
        ("Speakers", "[Mr Arun Venkat](/speakers/mr-arun-venkataraman/)", "*Chief Executive*<br>Port Holdings<br>Singapore")]))
    store = open_store(None)
    summary = ingest(store, [site_for(root, series="sicw")])
    assert {p for _, p in person_keys(store)} == {"arun-v"}
    ((merged, kept, reason),) = summary.merges
    assert (merged, kept) == ("arun-venkataraman", "arun-v") and reason


def test_role_and_honorific_prefixes_in_slugs_name_one_person(tmp_path):
    root = tmp_path / "sicw-all"
    write(root, "_2022-events/4 October 2022/a.md", page("A", "4 October 2022", [
        ("Moderator", "[Dr Lena Okafor](/moderator-dr-lena-okafor/)", "*Dean*<br>Coastal University<br>Nigeria"),
        ("Guest of Honour", "[Mr Henrik Sato](/goh-mr-henrik-sato/)", "*Minister*<br>Ministry of Ports<br>Japan"),
        ("Panellists", "[Ms Ana Ruiz](/panelist-ana-ruiz/)", "*Engineer*<br>Port of Valencia<br>Spain")]))
    write(root, "_2023-events/3 October 2023/b.md", page("B", "3 October 2023", [
        ("Speakers", "[Dr Lena Okafor](/speakers/dr-lena-okafor/)", "*Dean*<br>Coastal University<br>Nigeria"),
        ("Speakers", "[Mr Henrik Sato](/speakers/henrik-sato/)", "*Minister*<br>Ministry of Ports<br>Japan"),
        ("Speakers", "[Ms Ana Ruiz](/speakers/ms-ana-ruiz-2023/)", "*Engineer*<br>Port of Valencia<br>Spain")]))
    store = open_store(None)
    ingest(store, [site_for(root, series="sicw")])
    assert {p for _, p in person_keys(store)} == {"lena-okafor", "henrik-sato", "ana-ruiz"}


def test_same_printed_name_in_one_series_is_one_person_through_a_career_change(tmp_path):
    root = tmp_path / "sicw-all"
    write(root, "_2021-events/5 October 2021/a.md", page("A", "5 October 2021", [
        ("Speakers", "Mr Tomas Berg", "*Head of Security*<br>Nordic Shipping Group")]))
    write(root, "_2023-events/3 October 2023/b.md", page("B", "3 October 2023", [
        ("Speakers", "[Mr Tomas Berg](/speakers/mr-tomas-berg-cso/)", "*Chief Security Officer*<br>Baltic Terminals<br>Finland")]))
    store = open_store(None)
    summary = ingest(store, [site_for(root, series="sicw")])
    assert {p for _, p in person_keys(store)} == {"tomas-berg"}
    assert summary.merges == [("tomas-berg-cso", "tomas-berg", "same printed name in the same series "
                                                                  f"({ids.series('sicw')})")]
    q = PREFIX + "SELECT ?m WHERE { ?n sg:noteKind 'merged-person' ; <http://www.w3.org/2000/01/rdf-schema#comment> ?m }"
    assert [r["m"] for r in table(store.query(q)).dicts()] == [
        f"Tomas Berg: tomas-berg-cso is tomas-berg (same printed name in the same series ({ids.series('sicw')}))"]


def test_namesakes_of_two_countries_with_no_organisation_in_common_are_two_people(tmp_path):
    root = tmp_path / "dialogue"
    write(root, "_2030-events/12 March 2030/a.md", page("A", "12 March 2030", [
        ("Speakers", "Mr Ali Hassan", "*Assistant Minister*<br>Ministry of Communications<br>Egypt")]))
    write(root, "_2031-events/12 March 2031/b.md", page("B", "12 March 2031", [
        ("Speakers", "Mr Ali Hassan", "*Chief Executive Officer*<br>CyberSecurity Malaysia<br>Malaysia"),
        ("Moderator", "Mr Tomas Berg", "*Head of Security*<br>Nordic Shipping Group<br>Sweden")]))
    write(root, "_2032-events/12 March 2032/c.md", page("C", "12 March 2032", [
        ("Speakers", "Mr Ali Hassan", "*Chief Executive Officer*<br>CyberSecurity Malaysia<br>Malaysia"),
        ("Moderator", "Mr Ali Hassan", "*Minister*<br>Ministry of Communications<br>Egypt"),
        # a career step in one country: one person still
        ("Speakers", "Mr Tomas Berg", "*Chief Security Officer*<br>Baltic Terminals<br>Sweden")]))
    store = open_store(None)
    ingest(store, [site_for(root, series="dialogue")])
    assert sorted(person_keys(store)) == [
        ("Mr Ali Hassan", "ali-hassan"), ("Mr Ali Hassan", "ali-hassan-my"), ("Mr Tomas Berg", "tomas-berg")]
    q = PREFIX + "SELECT ?p ?c WHERE { ?a sg:person ?p ; sg:country ?c }"
    assert {(r[0].value.rsplit("/", 1)[-1], r[1].value[-2:]) for r in table(store.query(q)).rows} >= {
        ("ali-hassan", "EG"), ("ali-hassan-my", "MY")}
    assert ("ali-hassan", "ali-hassan-my") in {(c.a, c.b) for c in candidates(store, [])}
    q = PREFIX + "SELECT ?m WHERE { ?n sg:noteKind 'namesake' ; <http://www.w3.org/2000/01/rdf-schema#comment> ?m }"
    assert sorted(r["m"] for r in table(store.query(q)).dicts())[0].startswith(
        "Ali Hassan: another person than ali-hassan (the same name for MY and for EG, with no organisation in "
        "common) — kept apart as ali-hassan-my")


def test_same_printed_name_at_the_same_time_in_two_places_is_two_people(tmp_path):
    root = tmp_path / "sicw-all"
    write(root, "_2023-events/3 October 2023/a.md", page("A", "3 October 2023", [
        ("Speakers", "[Mr Tomas Berg](/speakers/mr-tomas-berg/)", "*Head of Security*<br>Nordic Shipping<br>Sweden")]))
    write(root, "_2023-events/3 October 2023/b.md", page("B", "3 October 2023", [
        ("Speakers", "[Mr Tomas Berg](/speakers/tomas-berg-fi/)", "*Harbour Master*<br>Port of Turku<br>Finland")]))
    store = open_store(None)
    summary = ingest(store, [site_for(root, series="sicw")])
    assert summary.merges == []
    assert {p for _, p in person_keys(store)} == {"tomas-berg", "tomas-berg-fi"}


def test_same_printed_name_in_another_series_needs_agreeing_evidence(tmp_path):
    one, two = tmp_path / "alpha-2023", tmp_path / "beta-2023"
    write(one, "_2023-events/3 October 2023/a.md", page("A", "3 October 2023", [
        ("Speakers", "Mr Tomas Berg", "*Head of Security*<br>Nordic Shipping<br>Sweden")]))
    write(two, "_2023-events/4 October 2023/b.md", page("B", "4 October 2023", [
        ("Speakers", "[Mr Tomas Berg](/speakers/tomas-berg-fi/)", "*Harbour Master*<br>Port of Turku<br>Finland")]))
    store = open_store(None)
    ingest(store, [site_for(one), site_for(two)])
    assert {p for _, p in person_keys(store)} == {"tomas-berg", "tomas-berg-fi"}


def test_a_reviewed_different_decision_keeps_namesakes_of_one_series_apart():
    people = People([Decision("tomas-berg", "tomas-berg-fi", False, "two people: Sweden and Finland")])
    people.add("tomas-berg", "Tomas Berg", "SE", set(), "s")
    assert people.resolve("tomas-berg-fi", "Tomas Berg", "FI", set(), "s") == ("tomas-berg-fi", None)
    assert people.resolve("tomas-berg-2", "Tomas Berg", None, set(), "s") == (
        "tomas-berg", "same printed name in the same series (s)")
    # another country and no organisation in common: not the same printed name's person
    assert people.resolve("tomas-berg-3", "Tomas Berg", "FI", set(), "s") == ("tomas-berg-3", None)


def test_a_short_slug_needs_agreeing_names():
    people = People()
    people.add("arun-v", "Arun Venkat", None, set(), "s1")
    assert people.resolve("arun-vijay", "Arun Vijay", None, set(), "s2") == ("arun-vijay", None)
    assert people.resolve("arun-venkataraman", "Arun Venkataraman", None, set(), "s2")[0] == "arun-v"


# --- the identity index is read from the store by hash joins that read what the long joins read ---------

EARLIER = {p.stem: p.read_text(encoding="utf-8") for p in (Path(__file__).parent / "fixtures" / "identity-joins").glob("*.rq")}


def _rows(store, query: str, names: tuple[str, ...]) -> set[tuple]:
    return {tuple(r[n].value if r[n] is not None else None for n in names) for r in store.query(query)}


def assert_same_index(store, where: str) -> None:
    """Each fact of the identity index read by the rewritten queries is one the earlier texts read, and back."""
    earlier = _rows(store, EARLIER["evidence"], ("person", "country", "org"))
    countries = {(p, c) for p, c, _ in earlier if c is not None}
    orgs = {(p, o) for p, _, o in earlier if o is not None}
    assert countries == _rows(store, identity._COUNTRIES, ("person", "country")), f"countries on {where}"
    assert orgs == _rows(store, identity._ORGS, ("person", "org")), f"organisations on {where}"
    series = ("person", "series", "session", "start", "end")
    assert _rows(store, EARLIER["series"], series) == _rows(store, identity._SERIES, series), f"series on {where}"
    names = ("name", "country")
    assert _rows(store, EARLIER["org-names"], names) == _rows(store, identity._ORG_NAMES, names), f"org names on {where}"
    assert countries and orgs, f"nothing to compare on {where}"


def test_the_identity_index_reads_as_before_on_the_sample(sample_store):
    assert_same_index(sample_store, "the sample")


def test_the_identity_index_reads_as_before_on_sicw(sicw_store):
    assert_same_index(sicw_store, "sicw-2024")


def test_the_identity_index_reads_as_before_on_every_real_source(all_sites):  # noqa: F811
    assert_same_index(all_sites, "every real source")


@pytest.mark.slow
def test_the_identity_index_reads_as_before_on_a_generated_corpus(generated_store):
    assert_same_index(generated_store, "a generated corpus of 1,000 event pages")


def test_name_variants_with_agreeing_evidence_are_one_person(tmp_path):
    root = tmp_path / "dialogue"
    write(root, "_2030-events/12 March 2030/a.md", page("A", "12 March 2030", [
        ("Speakers", "Dr Priya Nair", "*Senior Fellow*<br>Ocean Research Foundation<br>India"),
        ("Speakers", "Mr José Müller", "*Analyst*<br>Harbour Institute<br>Germany"),
        ("Speakers", "Ms Fatima Al Mansoori", "*Director*<br>Telecom Authority<br>United Arab Emirates")]))
    write(root, "_2032-events/12 March 2032/b.md", page("B", "12 March 2032", [
        ("Speakers", "Dr NAIR Priya", "*Director*<br>Ocean Research Foundation<br>India"),
        ("Speakers", "Mr Jose Mueller", "*Analyst*<br>Harbour Institute<br>Germany"),
        ("Speakers", "Ms Fatima Almansoori", "*Deputy Minister*<br>Ministry of Interior<br>United Arab Emirates")]))
    store = open_store(None)
    summary = ingest(store, [site_for(root, series="dialogue")])
    assert {p for _, p in person_keys(store)} == {"priya-nair", "jose-muller", "fatima-al-mansoori"}
    assert sorted(m[:2] for m in summary.merges) == [("fatima-almansoori", "fatima-al-mansoori"),
                                                     ("jose-mueller", "jose-muller"), ("nair-priya", "priya-nair")]


def test_a_key_merged_earlier_in_the_run_keeps_its_reason_not_a_reviewed_decision():
    from ingest.identity import People

    people = People()
    people.add("jane-doe", "Jane Doe", "NO", {"acme"})
    first = people.resolve("7xqzlm", "Jane Doe", "NO", {"acme"})
    again = people.resolve("7xqzlm", "Jane Doe", "NO", {"acme"})
    assert first[0] == again[0] == "jane-doe" and again[1] == first[1] and "identity.csv" not in again[1]


def shown_names(store) -> dict[str, str]:
    q = PREFIX + "SELECT ?p ?name WHERE { ?p a schema:Person ; sg:displayName ?name }"
    return {r["p"].rsplit("/", 1)[-1]: r["name"] for r in table(store.query(q)).dicts()}


def test_a_person_printed_several_ways_is_shown_by_the_best_printed_name(tmp_path):
    """Mixed case over capitals, accents over none, the longer over the shorter; in every query and page, and
    computed again when the file that printed the shown name goes."""
    root = tmp_path / "sicw-all"
    write(root, "_2022-events/4 October 2022/a.md", page("A", "4 October 2022", [
        ("Speakers", "Mr SNG Ren Yeong", "*Director*<br>Harbour Agency<br>Singapore"),
        ("Speakers", "Mr Rene van der Plas", "*Professor*<br>Delta University<br>Netherlands"),
        ("Speakers", "Ms Beth Martin", "*Chief*<br>Civic Lab<br>Canada")]))
    write(root, "_2023-events/3 October 2023/b.md", page("B", "3 October 2023", [
        ("Speakers", "Mr Sng Ren Yeong", "*Director*<br>Harbour Agency<br>Singapore"),
        ("Speakers", "Ms Beth A. Martin", "*Chief*<br>Civic Lab<br>Canada")]))
    write(root, "_2024-events/8 October 2024/c.md", page("C", "8 October 2024", [
        ("Speakers", "Prof René van der Plas", "*Professor*<br>Delta University<br>Netherlands")]))
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root, series="sicw")])
    assert shown_names(store) == {"sng-ren-yeong": "Sng Ren Yeong", "rene-van-der-plas": "René van der Plas",
                                  "beth-martin": "Beth A. Martin"}
    rows = table(store.query(find_query("repeat-speakers").text)).dicts()
    assert sorted(r["name"] for r in rows) == ["Beth A. Martin", "René van der Plas", "Sng Ren Yeong"]
    (root / "_2024-events/8 October 2024/c.md").unlink()
    ingest(store, [site_for(root, series="sicw")], prune=True)
    assert shown_names(store)["rene-van-der-plas"] == "Rene van der Plas"
    (root / "_2022-events/4 October 2022/a.md").unlink()
    ingest(store, [site_for(root, series="sicw")], prune=True)
    assert shown_names(store) == {"sng-ren-yeong": "Sng Ren Yeong", "beth-martin": "Beth A. Martin"}
