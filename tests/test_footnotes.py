"""Footnotes are no part of a programme: markers after names and the notes at the foot go before reading."""

from __future__ import annotations

from ingest.markdown import parse_blocks


def test_a_table_cell_s_footnote_marker_and_the_foot_notes_are_not_read():
    blocks = parse_blocks("|**Moderator**| |\n|[Ms Ann Lee](/speakers/ann-lee/)[^1]|*Director*<br>Harbour Board|\n\n"
                          "Closing words.\n\n[^1]: Joins online\n    from Oslo.\n")
    assert [(b.kind, b.line) for b in blocks] == [("table", 1), ("paragraph", 4)]
    assert [c.text for c in blocks[0].rows[1].cells] == ["Ms Ann Lee", "Director\nHarbour Board"]
    assert blocks[1].text == "Closing words."
