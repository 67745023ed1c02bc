"""Values of the records in schedule exports (pretalx, Sessionize): text and moments as the JSON holds them.

>>> text("  Opening\\r\\nkeynote "), text(""), text(3)
('Opening\\nkeynote', None, None)
>>> moment("2024-02-17T09:00:00Z")
datetime.datetime(2024, 2, 17, 9, 0, tzinfo=datetime.timezone.utc)
>>> moment("2024-02-17"), moment("2024-02-17", time_required=False), moment("soon")
(None, datetime.datetime(2024, 2, 17, 0, 0), None)
"""

from __future__ import annotations

from datetime import datetime


def text(value) -> str | None:
    """A string value trimmed, with Windows line ends made plain; ``None`` for an empty or non-string value."""
    if not isinstance(value, str):
        return None
    trimmed = value.replace("\r\n", "\n").strip()
    return trimmed or None


def moment(value, time_required: bool = True) -> datetime | None:
    """An ISO 8601 date and time ("Z" for UTC); ``None`` for anything else, or for a bare date if ``time_required``."""
    if not isinstance(value, str) or (time_required and "T" not in value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
