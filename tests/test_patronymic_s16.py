"""Malaysian and Singaporean patronymic links ("a/p", "a/l", "s/o", "d/o") are part of a name, as "bin" is."""

from ingest.loader import site_for
from ingest.person_pattern import looks_like_name
from ingest.preview import odd, preview

PAGE = """---
title: Agenda
date: 2031-06-18
---

| Time | Session | Speakers |
| --- | --- | --- |
| 09:00 | Opening remarks | Ms Rajeswari a/p Subramaniam, Director, Cyber Agency (Malaysia) |
| 09:30 | Panel: Skills | Mr Kumar s/o Raman, Lead, Acme Labs<br>Dr Ana Lima, Professor, Nordvik University |
"""


def test_a_patronymic_link_is_part_of_a_name_and_no_slash():
    assert looks_like_name("Ms Rajeswari a/p Subramaniam") and looks_like_name("Devi d/o Muthu Rajan")
    assert not looks_like_name("Ann Lee/Bo Chan") and not looks_like_name("Research / Policy")
    assert odd("Kumar s/o Raman") is None and odd("Ann/Bo Lee") == "has , ; : @ or /"


def test_a_programme_table_reads_people_with_a_patronymic_link(tmp_path):
    (tmp_path / "agenda.md").write_text(PAGE, encoding="utf-8")
    rows = preview(site_for(tmp_path), sample=100).rows
    people = {r["name"]: r for r in rows}
    assert set(people) == {"Rajeswari a/p Subramaniam", "Kumar s/o Raman", "Ana Lima"}
    assert (people["Rajeswari a/p Subramaniam"]["title"], people["Rajeswari a/p Subramaniam"]["country"]) == \
        ("Director", "MY")
    assert people["Kumar s/o Raman"]["organisation"] == "Acme Labs"
