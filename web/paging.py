"""Paging of long lists: a page number from the query string, and the slice it shows.

>>> p = paginate(list(range(120)), 3, 50)
>>> p.items[0], len(p.items), p.pages, p.has_next
(100, 20, 3, False)
>>> paginate([], 7, 50).number
1
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, request


@dataclass
class Page:
    """One page of a list: its items, its 1-based number, and the list's size."""

    items: list
    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        """How many pages the list has (at least one)."""
        return max(1, -(-self.total // self.size))

    @property
    def has_prev(self) -> bool:
        """Whether a page comes before this one."""
        return self.number > 1

    @property
    def has_next(self) -> bool:
        """Whether a page follows this one."""
        return self.number < self.pages

    @property
    def first(self) -> int:
        """The 1-based position of this page's first item."""
        return (self.number - 1) * self.size + 1 if self.total else 0

    @property
    def last(self) -> int:
        """The 1-based position of this page's last item."""
        return self.first + len(self.items) - 1 if self.total else 0


def paginate(items: list, number: int, size: int) -> Page:
    """The ``number``-th page of ``size`` items (clamped to the pages there are)."""
    pages = max(1, -(-len(items) // size))
    number = min(max(1, number), pages)
    start = (number - 1) * size
    return Page(items[start:start + size], number, size, len(items))


def page_of(items: list, arg: str = "page") -> Page:
    """The page of ``items`` the request asks for in ``arg`` (default 1)."""
    try:
        number = int(request.args.get(arg, "1"))
    except ValueError:
        number = 1
    return paginate(items, number, current_app.config["PAGE_SIZE"])
