"""speakergraph's exceptions: one tree, every message names the problem and the fix.

    SpeakergraphError
    ├── IngestError          a file could not be read (path, line, reason)
    ├── StoreError           the store could not be opened, read or written
    │   └── RemoteStoreError a SPARQL server refused or did not answer
    ├── QueryError           a stored or ad-hoc query is unknown, invalid or failed
    │   ├── QueryNotFound
    │   ├── QueryParameterError
    │   └── QueryTimeout
    └── NetworkError         a node is not in the network, or two nodes are not connected
"""

from __future__ import annotations


class SpeakergraphError(Exception):
    """Base class of every error speakergraph raises on purpose."""


class IngestError(SpeakergraphError):
    """A file, or a part of it, could not be ingested.

    >>> str(IngestError("events/x.md", "front matter is not a mapping", line=2))
    'events/x.md:2: front matter is not a mapping'
    """

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class StoreError(SpeakergraphError):
    """The store could not be opened, read or written."""


class RemoteStoreError(StoreError):
    """A SPARQL server refused a request or did not answer."""


class QueryError(SpeakergraphError):
    """A query is unknown, invalid, or failed while running."""


class QueryNotFound(QueryError):
    """No stored query of that name, and no such file."""


class QueryParameterError(QueryError):
    """A parameter was missing, unknown or malformed."""


class QueryTimeout(QueryError):
    """A query ran past its time limit."""


class NetworkError(SpeakergraphError):
    """A node is not in the co-appearance network, or no path links two nodes."""
