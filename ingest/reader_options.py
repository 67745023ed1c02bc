"""A reader's options in a profile part: the message for one it does not take, with the closest it does."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from graph.errors import IngestError


def unknown_option(name: str, known, reader: str) -> str:
    """The message for an option a reader does not take, with the closest one it does.

    >>> unknown_option("languge", ("language", "role_label"), "pretalx")
    "unknown option 'languge' (did you mean 'language'?) — the pretalx reader takes language, role_label"
    """
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown option {name!r}{hint} — the {reader} reader takes {', '.join(known)}"


def checked(path: str, reader: str, check: Callable[[dict], None], options: dict) -> dict:
    """``options`` when ``check`` accepts them, else an ``IngestError`` naming the file and the bad option."""
    try:
        check(options)
    except ValueError as exc:
        raise IngestError(path, f"bad [[parts]] option of the {reader} reader in the site profile: {exc}") from None
    return options
