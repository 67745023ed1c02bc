"""The role a schedule export's session gives its people: the records reader's rule, for frab, pretalx and Sessionize.

A title "Keynote: …" or "Opening Address", or a format ``Keynote``, ``Panel`` or
``podium``, names the role of the session's people, as in a data file
(``ingest/datarecords.py``). A schedule export puts every person of a session in
one list, so a title whose role word is a moderator's ("Technical Interview
Processes", "Hosting at Scale") names no role: one person of a session may
moderate, never all of them.

>>> from ingest.records import Row, SessionPage
>>> def roles(title, format=None):
...     session = SessionPage("s.json", title, None, None, format=format, rows=[Row(1, "Speaker", "Ann Lee", None)])
...     apply(session, "Speaker")
...     return session.rows[0].role_label
>>> roles("Opening Keynote: Bytes"), roles("Maintainers", "Panel"), roles("Technical Interview Processes")
('Opening Keynote', 'Panel', 'Speaker')
"""

from __future__ import annotations

from ingest.datarecords import roles_by_title
from ingest.records import SessionPage
from ingest.roles import role_of, role_of_title


def apply(session: SessionPage, default: str) -> None:
    """Give the session's people (those still with the ``default`` label) the role its title or format names."""
    titled = role_of_title(session.title or "")
    if titled and role_of(titled) == "moderator":
        return
    roles_by_title(session, default)
