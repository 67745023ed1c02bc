"""Names as printed → honorific, name, post-nominals (data/honorifics.toml), and slugs → identity keys."""

from __future__ import annotations

import pytest

from ingest.names import HONORIFICS, POST_NOMINALS, load_vocabulary, slug_key, split_name
from ingest.roles import LABELS, ROLES, clean_label, role_of


@pytest.mark.parametrize("printed, honorific, name", [
    ("A/Prof Tan Wei Ling", "A/Prof", "Tan Wei Ling"),
    ("A/Prof (Dr) Tan Wei Ling", "A/Prof (Dr)", "Tan Wei Ling"),
    ("Assoc Prof Tan Wei Ling", "Assoc Prof", "Tan Wei Ling"),
    ("Associate Professor Tan Wei Ling", "Associate Professor", "Tan Wei Ling"),
    ("Asst Professor Tan Wei Ling", "Asst Professor", "Tan Wei Ling"),
    ("Professor Tan Wei Ling", "Professor", "Tan Wei Ling"),
    ("SMS Lim Hock Seng", "SMS", "Lim Hock Seng"),
    ("MOS Lim Hock Seng", "MOS", "Lim Hock Seng"),
    ("SPS Lim Hock Seng", "SPS", "Lim Hock Seng"),
    ("Deputy Secretary Lim Hock Seng", "Deputy Secretary", "Lim Hock Seng"),
    ("Senior Minister of State Lim Hock Seng", "Senior Minister of State", "Lim Hock Seng"),
    ("Capt Ravi Menon Kumar", "Capt", "Ravi Menon Kumar"),
    ("MAJ Ravi Menon Kumar", "MAJ", "Ravi Menon Kumar"),
    ("Sub Lt. Ravi Menon", "Sub Lt.", "Ravi Menon"),
    ("Y.Bhg. Dato' Ahmad Faiz", "Y.Bhg. Dato'", "Ahmad Faiz"),
    ("Atty Maria Santos", "Atty", "Maria Santos"),
    ("Sir Alan Greaves", "Sir", "Alan Greaves"),
    ("Baroness Joan Hale", "Baroness", "Joan Hale"),
    ("H.E. Dr Anna Berg", "H.E. Dr", "Anna Berg"),
    ("Mr He Ruimin", "Mr", "He Ruimin"),
    ("Maj Gen (Ret'd) Ravi Pillai", "Maj Gen (Ret'd)", "Ravi Pillai"),
    ("Sheikh Rashid bin Saeed Al-Marri", "Sheikh", "Rashid bin Saeed Al-Marri"),
    ("HRH Prince Faisal bin Ahmed", "HRH Prince", "Faisal bin Ahmed"),
    ("Prince Ampofo Mensah", None, "Prince Ampofo Mensah"),  # a given name
    ("S.E. M. Khalid Al-Harbi", "S.E. M.", "Khalid Al-Harbi"),  # Monsieur after another honorific
    ("M. PARK Ji-hoon", "M.", "Park Ji-hoon"),  # before a family name in capitals
    ("M. Night Shyamalan", None, "M. Night Shyamalan"),  # else an initial
])
def test_honorifics(printed, honorific, name):
    parts = split_name(printed)
    assert (parts.honorific, parts.name) == (honorific, name)


@pytest.mark.parametrize("printed, name, post", [
    ("Dr Alan Greaves CBE", "Alan Greaves", "CBE"),
    ("Mr Lim Hock Seng PJG", "Lim Hock Seng", "PJG"),
    ("Ms Joan Hale KC", "Joan Hale", "KC"),
    ("Sophie Laurent MEP", "Sophie Laurent", "MEP"),
])
def test_post_nominals(printed, name, post):
    parts = split_name(printed)
    assert (parts.name, parts.post_nominal) == (name, post)


@pytest.mark.parametrize("printed", ["He Ruimin", "Sir Lanka", "Prof Tan"])
def test_a_name_of_two_words_keeps_its_first_word(printed):
    assert split_name(printed).name == printed


def test_the_vocabulary_is_data():
    honorifics, post, generational = load_vocabulary()
    assert honorifics == HONORIFICS and post <= POST_NOMINALS and "Jr" in generational
    assert len(honorifics) == len(set(honorifics)) and honorifics == sorted(honorifics, key=len, reverse=True)


@pytest.mark.parametrize("link, key", [
    ("/moderator-dr-mei-lin/", "mei-lin"),
    ("/speakers/goh-dr-mei-lin/", "mei-lin"),
    ("/panelist-ole-dahl", "ole-dahl"),
    ("/speaker-gaurav-k", "gaurav-k"),
    ("/speakers/mr-gaurav-keerthi/", "gaurav-keerthi"),
    ("/speakers/a-prof-tan-wei-ling-2023/", "tan-wei-ling"),
    ("/speakers/sms-lim-hock-seng/", "lim-hock-seng"),
])
def test_slug_keys_lose_role_and_honorific_prefixes(link, key):
    assert slug_key(link) == key


@pytest.mark.parametrize("label, role", [
    ("Chair", "moderator"), ("Co-chair", "moderator"), ("Co-Chairs", "moderator"), ("Facilitator", "moderator"),
    ("MC", "moderator"), ("Emcee", "moderator"), ("Host", "moderator"), ("Moderators", "moderator"),
    ("Rapporteur", "other"), ("Sherpa", "other"),
    ("Trigger speaker", "speaker"), ("Presenter", "speaker"), ("Speakers (Draft)", "speaker"),
    ("Discussant", "panellist"), ("Panellists", "panellist"), ("Panel Discussion", "panellist"),
    ("Opening Address", "remarks"), ("Welcome Remarks", "remarks"), ("Closing Remarks", "remarks"),
    ("Keynote Speaker", "keynote"), ("Guest-of-Honour", "guest-of-honour"), ("Guest of Honour", "guest-of-honour"),
    ("Agenda", None),
])
def test_role_labels(label, role):
    assert role_of(label) == role


def test_every_role_has_a_label():
    assert set(LABELS) == set(ROLES)
    assert clean_label("Panellists – TBC") == "Panellists"


@pytest.mark.parametrize("printed, name", [
    ("Dr Rumman CHOWDHURY", "Rumman Chowdhury"),
    ("Professor QI Yuan (Alan)", "Qi Yuan (Alan)"),
    ("WENG Wanyi", "Weng Wanyi"),
    ("Y. Bhg. Dato’ Capt. Ahmad Bin Abdul", "Ahmad Bin Abdul"),
    ("JJ Abrams", "JJ Abrams"),
])
def test_family_names_in_capitals_and_spaced_or_curly_honorifics(printed, name):
    assert split_name(printed).name == name


@pytest.mark.parametrize("printed, name", [
    ("Richard Darst))", "Richard Darst"), ("Ann Lee)", "Ann Lee"), ("QI Yuan (Alan)", "Qi Yuan (Alan)")])
def test_a_bracket_closed_once_too_often_is_no_part_of_the_name(printed, name):
    assert split_name(printed).name == name


@pytest.mark.parametrize("printed, name, positions", [
    ("Clara Weiss, Senior Fellow at the Meridian Institute.", "Clara Weiss", [("Senior Fellow", "Meridian Institute")]),
    ("Dr. Omar Benali, Senior Fellow, Meridian Institute.", "Dr. Omar Benali", [("Senior Fellow", "Meridian Institute")]),
    ("Ann Lee, CEO, Acme Inc.", "Ann Lee", [("CEO", "Acme Inc.")]),
    ("Ann Lee, CTO at Acme Corp.", "Ann Lee", [("CTO", "Acme Corp.")]),
    ("Ms Leila Haddad (League of Arab States)", "Ms Leila Haddad", [(None, "League of Arab States")]),
    ("Ann Lee, Ministry of Foreign Affairs", "Ann Lee", [(None, "Ministry of Foreign Affairs")]),
    ("Ann Lee, Professor of Law", "Ann Lee", [("Professor of Law", None)]),
])
def test_a_person_printed_in_a_sentence_or_with_a_body_of_state(printed, name, positions):
    """The full stop ending a sentence is no part of the organisation (an abbreviation's is); "at the X" names X."""
    from ingest.person_pattern import FREE_TEXT, brief, split_person

    assert brief(split_person(printed, reading=FREE_TEXT)) == (name, positions)


def test_a_declared_name_title_org_pattern_parts_a_dashed_string_at_its_dash():
    from ingest.person_pattern import brief, split_person

    assert brief(split_person("Mark Korver - AWS", ["Name, Title, Org"])) == ("Mark Korver", [(None, "AWS")])
    assert brief(split_person("Jean-Luc Picard", ["Name, Title, Org"])) == ("Jean-Luc Picard", [])


@pytest.mark.parametrize("printed, honorific, name, post", [
    ("BG (NS) Lim Kok Heng", "BG (NS)", "Lim Kok Heng", None),
    ("Maj. Gen. Lorraine Biddle, USAF (Ret.)", "Maj. Gen.", "Lorraine Biddle", "USAF (Ret.)"),
    ("CAPT Ryan Oduya, USPHS", "CAPT", "Ryan Oduya", "USPHS"),
    ("LCDR Mia Holt", "LCDR", "Mia Holt", None),
])
def test_service_ranks_and_marks_around_a_name(printed, honorific, name, post):
    """A Singapore reservist's "(NS)" and a retired officer's "(Ret.)" go with the rank; US services after the name
    are post-nominals; ranks in capitals as the US services print them are honorifics."""
    split = split_name(printed)
    assert (split.honorific, split.name, split.post_nominal) == (honorific, name, post)


def test_a_site_honorific_longer_than_a_built_in_one_wins():
    from ingest.names import site_honorifics

    with site_honorifics(("Brig Gen (Dr)",)):
        assert split_name("Brig Gen (Dr) Ola Berg").honorific == "Brig Gen (Dr)"


def test_a_qualifier_before_a_name_is_a_title():
    from ingest.person_pattern import BULLET, title_then_name

    assert title_then_name("Contractor, Mei-Ling Santos", BULLET) == ("Contractor", "Mei-Ling Santos")
    assert title_then_name("Ann Lee, Bo Chen", BULLET) is None


def test_an_acronym_job_before_an_organisation_is_a_title():
    from ingest.person_pattern import FREE_TEXT, brief, split_person

    assert brief(split_person("Marc Dupont — CISO, Banque du Kirchberg", reading=FREE_TEXT)) == (
        "Marc Dupont", [("CISO", "Banque du Kirchberg")])


def test_son_excellence_before_a_name_is_an_honorific():
    assert [(split_name(t).honorific, split_name(t).name) for t in ("S.E.M. Henrik Lindqvist", "S.E.Mme Anna Berg")] \
        == [("S.E.M.", "Henrik Lindqvist"), ("S.E.Mme", "Anna Berg")]


def test_a_short_honorific_reads_with_or_without_its_full_stop():
    """Sites print "Cdr Ingrid Hal" and "Cdr. Ingrid Hal" alike; capitals ("HE") take no full stop."""
    from ingest.names import split_name

    assert [(n.honorific, n.name) for n in map(split_name, (
        "Cdr. Ingrid Halvorsen", "Sgt. Ola Berg Dahl", "Mdm. Tan Ah Kow", "HE. Ann Lee"))] == [
        ("Cdr.", "Ingrid Halvorsen"), ("Sgt.", "Ola Berg Dahl"), ("Mdm.", "Tan Ah Kow"), (None, "He. Ann Lee")]


def test_a_family_name_that_is_also_a_slug_prefix_stays_in_the_key():
    """"goh-" opens slugs of guests of honour ("/goh-dr-jane-tan/") and "he-" those of excellencies; Goh and He are
    family names too: the printed name decides."""
    from ingest.normalize import person_key

    assert [person_key(link, name) for link, name in (
        ("/speakers/goh-kian-seng/", "Goh Kian Seng"), ("/speakers/he-jia-ying/", "He Jia Ying"),
        ("/goh-dr-jane-tan/", "Jane Tan"), ("/speakers/he-tanel-sepp/", "Tanel Sepp"),
        ("/speakers/goh-dr-jane-tan/", "goh-dr-jane-tan"))] == [
        "goh-kian-seng", "he-jia-ying", "jane-tan", "tanel-sepp", "jane-tan"]
