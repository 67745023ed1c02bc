"""Role headings as printed ("Panelists", "Speakers (Opening Remarks)") → our role names.

>>> role_of("Panelists"), role_of("<br> Moderator"), role_of("Speakers (Opening Remarks)")
('panellist', 'moderator', 'remarks')
>>> role_of("Guest of Honor"), role_of("Keynote Speakers"), role_of("Rapporteur")
('guest-of-honour', 'keynote', None)
"""

from __future__ import annotations

import re

ROLES = ("moderator", "panellist", "speaker", "keynote", "guest-of-honour", "remarks", "other")

LABELS = {
    "moderator": "Moderator",
    "panellist": "Panellist",
    "speaker": "Speaker",
    "keynote": "Keynote speaker",
    "guest-of-honour": "Guest of honour",
    "remarks": "Remarks",
    "other": "Other",
}

# checked in order: the first pattern that matches names the role
_PATTERNS = [
    ("guest-of-honour", r"guests? of hono(u)?r|\bgoh\b"),
    ("keynote", r"keynote"),
    ("remarks", r"remarks|address|welcome|closing|opening"),
    ("moderator", r"moderat|chair(ed)?\b|facilitat|host"),
    ("panellist", r"panell?ist|panel members?|discussants?"),
    ("speaker", r"speakers?|presenters?|presentation|fireside|in conversation"),
]
_COMPILED = [(role, re.compile(rx, re.I)) for role, rx in _PATTERNS]


def role_of(label: str) -> str | None:
    """Our role for a printed heading, or ``None`` when the heading is unknown."""
    text = re.sub(r"<[^>]+>", " ", label)
    for role, rx in _COMPILED:
        if rx.search(text):
            return role
    return None


def is_role_heading(text: str) -> bool:
    """True when ``text`` reads as a role heading."""
    return len(text) < 60 and role_of(text) is not None
