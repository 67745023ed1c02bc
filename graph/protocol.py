"""The SPARQL 1.1 Protocol and Graph Store Protocol over HTTP, with errors that name the fix.

A server is known by its endpoints: one for queries, one for updates, and
optionally a Graph Store Protocol endpoint for bulk uploads. Virtuoso puts
them at fixed paths beside ``/sparql``; other servers name them explicitly.

>>> Endpoints.for_url("http://127.0.0.1:8890/sparql").query
'http://127.0.0.1:8890/sparql'
>>> query_form("PREFIX ask: <http://e/#> # SELECT in a comment\\nconstruct { ?s ask:p 'ASK' } WHERE {}")
'CONSTRUCT'
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import httpx

from graph.errors import QueryError, QueryTimeout, RemoteStoreError

# virtuoso writes XML results four times faster than JSON; both parse to the same pyoxigraph objects
RESULTS = "application/sparql-results+xml, application/sparql-results+json;q=0.9"
N_TRIPLES = "application/n-triples"
N_QUADS = "application/n-quads"
RETRIES = 2
TRANSIENT = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)  # a dropped connection

_FORM = re.compile(r"(?<![\w:?$])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])", re.IGNORECASE)
_DISTINCT = re.compile(r"SELECT\s+DISTINCT(?![\w:])", re.IGNORECASE)
_DATASET = re.compile(r"(?<![\w:?$])(GRAPH|FROM)(?![\w:])", re.IGNORECASE)
_NOT_CODE = re.compile(r'#[^\n]*|"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'
                       r'\'(?:[^\'\\\n]|\\.)*\'|<[^\s<>"{}|^`\\]*>')
_FIX_CREDENTIALS = "set SPEAKERGRAPH_USER and SPEAKERGRAPH_PASSWORD to a user with write rights"


def query_form(sparql: str) -> str:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``: the form of a query (comments, strings, IRIs ignored).

    >>> query_form('select (1 AS ?x) {}'), query_form('# ASK\\nDESCRIBE <urn:x>')
    ('SELECT', 'DESCRIBE')
    """
    m = _FORM.search(_NOT_CODE.sub(" ", sparql))
    if not m:
        raise QueryError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE — check the query text")
    return m.group(1).upper()


def is_distinct(sparql: str) -> bool:
    """Whether the outermost query is a ``SELECT DISTINCT``.

    >>> is_distinct("SELECT DISTINCT ?a WHERE { ?a ?b ?c }"), is_distinct("SELECT ?a { { SELECT DISTINCT ?a {} } }")
    (True, False)
    """
    code = _NOT_CODE.sub(" ", sparql)
    m = _FORM.search(code)
    return bool(m) and _DISTINCT.match(code, m.start()) is not None


def names_graphs(sparql: str) -> bool:
    """Whether a query names graphs itself (``GRAPH``, ``FROM``, ``FROM NAMED``), comments, strings, IRIs ignored.

    >>> names_graphs("SELECT * { GRAPH ?g { ?s ?p ?o } }"), names_graphs(
    ...     "SELECT ?graph { ?graph a <urn:GRAPH> } # FROM")
    (True, False)
    """
    return _DATASET.search(_NOT_CODE.sub(" ", sparql)) is not None


@dataclass(frozen=True)
class Endpoints:
    """Where a SPARQL server answers queries, updates and Graph Store requests, and as whom."""

    query: str
    update: str | None = None  # None: found out on the first write
    gsp: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    gsp_quads: bool = False  # the Graph Store endpoint takes N-Quads of many graphs at once (Fuseki, Oxigraph)

    @classmethod
    def for_url(cls, url: str, options: dict | None = None) -> "Endpoints":
        """The endpoints of the query URL ``url``; ``options`` may set update_url, gsp_url, user, password."""
        options = options or {}
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise RemoteStoreError(f"{url!r} is not a SPARQL endpoint URL — write it as http://HOST:PORT/sparql")
        if parts.username or parts.password:
            raise RemoteStoreError(f"{parts.hostname}: credentials do not belong in the --store URL, where they "
                                   "would show in process lists — set SPEAKERGRAPH_USER and SPEAKERGRAPH_PASSWORD")
        return cls(url, options.get("update_url") or None, options.get("gsp_url") or None,
                   options.get("user") or None, options.get("password") or None)

    def for_virtuoso(self) -> "Endpoints":
        """Virtuoso's own endpoints beside ``/sparql``: updates and graph store behind Digest auth when a user is set.

        >>> e = Endpoints("http://h:8890/sparql", user="dba").for_virtuoso()
        >>> e.update, e.gsp
        ('http://h:8890/sparql-auth', 'http://h:8890/sparql-graph-crud-auth')
        """
        base = self.query.split("?")[0].rstrip("/")
        if not base.endswith("/sparql"):
            return replace(self, update=self.update or self.query)
        suffix = "-auth" if self.user else ""
        return replace(self, update=self.update or f"{base}{suffix}",
                       gsp=self.gsp or f"{base}-graph-crud{suffix}")


class Client:
    """An HTTP client for one server: timeouts, retries where safe, and errors that say what to do."""

    def __init__(self, endpoints: Endpoints, timeout: float = 60.0):
        self.endpoints = endpoints
        self.timeout = timeout
        # the transport retries only failed connects: the request never left, so any request may retry
        self._http = httpx.Client(timeout=httpx.Timeout(timeout, connect=5.0),
                                  transport=httpx.HTTPTransport(retries=RETRIES),
                                  headers={"User-Agent": "speakergraph"})
        self._auth = httpx.DigestAuth(endpoints.user, endpoints.password or "") if endpoints.user else None

    def query(self, sparql: str, accept: str, default_graph: str | None = None) -> httpx.Response:
        """POST a query (SPARQL 1.1 Protocol), over ``default_graph`` when given; retried where safe."""
        url = self.endpoints.query
        data = {"query": sparql, **({"default-graph-uri": default_graph} if default_graph else {})}
        response = self._send("POST", url, idempotent=True, data=data, headers={"Accept": accept})
        self._check_complete(url, response)
        return response

    def update(self, sparql: str, idempotent: bool = False) -> None:
        """POST an update; retried only when ``idempotent`` (a DROP, a load into a fresh temporary graph)."""
        url = self.endpoints.update or self.endpoints.query
        self._send("POST", url, idempotent=idempotent, data={"update": sparql}, write=True)

    def call(self, sparql: str) -> None:
        """POST a query that writes (on Virtuoso: its loader, called from SPARQL) to the update endpoint, as
        multipart/form-data: Virtuoso decodes a large urlencoded body in quadratic time, this one in linear."""
        self._send("POST", self.endpoints.update or self.endpoints.query, idempotent=False,
                   files={"query": (None, sparql.encode())}, headers={"Accept": RESULTS}, write=True)

    def post_triples(self, graph: str, ntriples: bytes) -> None:
        """Add N-Triples to ``graph`` through the Graph Store Protocol (adding the same triples twice is harmless)."""
        self._send("POST", self.endpoints.gsp, idempotent=True, params={"graph": graph}, content=ntriples,
                   headers={"Content-Type": N_TRIPLES}, write=True)

    def post_quads(self, nquads: bytes) -> None:
        """Add N-Quads (of many graphs) to the dataset through the Graph Store Protocol (harmless to repeat)."""
        self._send("POST", self.endpoints.gsp, idempotent=True, content=nquads, headers={"Content-Type": N_QUADS},
                   write=True)

    def server(self) -> str:
        """The ``Server`` header of the query endpoint (``Virtuoso/07.20…``, ``Oxigraph/0.5…``), ``Fuseki`` on a
        server that numbers its requests as Fuseki does, or ``""``."""
        response = self._send("GET", self.endpoints.query, idempotent=True, params={"query": "ASK {}"},
                              headers={"Accept": RESULTS})
        fuseki = "fuseki-request-id" in response.headers
        return response.headers.get("server", "Fuseki" if fuseki else "")

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def _send(self, method: str, url: str, idempotent: bool, write: bool = False, **kwargs) -> httpx.Response:
        for attempt in range(RETRIES + 1):
            try:
                response = self._http.request(method, url, auth=self._auth or httpx.USE_CLIENT_DEFAULT, **kwargs)
            except httpx.ConnectError as exc:
                raise RemoteStoreError(f"cannot reach the SPARQL server at {url}: {exc} — is it running? Check "
                                       "the --store URL, or start one with scripts/virtuoso.sh start DIR") from None
            except httpx.TimeoutException:
                raise self._timeout(url, write) from None  # the same request would time out again
            except TRANSIENT as exc:
                if idempotent and attempt < RETRIES:
                    time.sleep(0.5 * (attempt + 1))
                    continue
                raise RemoteStoreError(f"the SPARQL server at {url} dropped the connection ({exc}) — "
                                       "check its log, then run the command again") from None
            if response.status_code in (502, 503, 504) and idempotent and attempt < RETRIES:
                time.sleep(0.5 * (attempt + 1))
                continue
            if response.status_code == 401 and isinstance(self._auth, httpx.DigestAuth) and _wants_basic(response):
                self._auth = httpx.BasicAuth(self.endpoints.user, self.endpoints.password or "")
                continue
            return _checked(url, response, write)
        raise AssertionError("unreachable")

    def _timeout(self, url: str, write: bool) -> Exception:
        if write:
            return RemoteStoreError(f"the SPARQL server at {url} did not answer within {self.timeout:g} s — "
                                    "it may be busy or the batch too large; run the command again (what was not "
                                    "written is written then), or raise the time-out")
        return QueryTimeout(f"the SPARQL server at {self.endpoints.query} did not answer within {self.timeout:g} s "
                            "— narrow the query (a LIMIT, a more selective pattern) or raise the time-out")

    @staticmethod
    def _check_complete(url: str, response: httpx.Response) -> None:
        # virtuoso cuts results silently at ResultSetMaxRows and says so only in a header
        if "x-sparql-maxrows" in response.headers:
            raise RemoteStoreError(
                f"the SPARQL server at {url} cut the result at {response.headers['x-sparql-maxrows']} rows — "
                "raise ResultSetMaxRows in the [SPARQL] section of its virtuoso.ini and restart it")
        if response.headers.get("x-sql-state", "").startswith("S1T"):
            raise QueryTimeout(f"the SPARQL server at {url} ran out of time and sent partial results — "
                               "narrow the query, or raise MaxQueryExecutionTime in its virtuoso.ini")


def _wants_basic(response: httpx.Response) -> bool:
    return response.headers.get("www-authenticate", "").lower().startswith("basic")


def _checked(url: str, response: httpx.Response, write: bool) -> httpx.Response:
    """``response`` when it succeeded, otherwise the error that explains it."""
    status = response.status_code
    if status < 300:
        return response
    said = _first_line(response.text)
    if status == 401:
        what = "refused the credentials" if "authorization" in response.request.headers else "needs credentials"
        raise RemoteStoreError(f"{url} {what} (HTTP 401) — {_FIX_CREDENTIALS} (Virtuoso's default user is dba)")
    if status == 403 or "SECURITY" in said or "permission" in said.lower():
        raise RemoteStoreError(f"{url} refused to {'write' if write else 'answer'} ({said or 'HTTP 403'}) — "
                               f"{_FIX_CREDENTIALS}, or name the update endpoint with SPEAKERGRAPH_UPDATE_URL")
    if status == 404:
        raise RemoteStoreError(f"no SPARQL endpoint at {url} (HTTP 404) — check the --store URL (Virtuoso's is "
                               "http://HOST:8890/sparql, Fuseki's http://HOST:3030/DATASET/sparql) and "
                               "SPEAKERGRAPH_UPDATE_URL, SPEAKERGRAPH_GSP_URL if set")
    if "deadlock" in said.lower():
        raise RemoteStoreError(f"the SPARQL server at {url} gave up a write that collided with another ({said}) — "
                               "is another ingest writing to it? Run the command again when it is done")
    if "timed out" in said.lower() or "S1T00" in said:
        raise QueryTimeout(f"the SPARQL server at {url} stopped the request: {said} — narrow the query, or "
                           "raise the server's time limit (MaxQueryExecutionTime in virtuoso.ini)")
    if status == 400 and not write:
        raise QueryError(f"the SPARQL server at {url} rejected the query: {said} — check the query text")
    raise RemoteStoreError(f"the SPARQL server at {url} answered HTTP {status}: {said or response.reason_phrase} "
                           "— check the server's log")


def _first_line(text: str) -> str:
    """The first non-empty line of an error body, at most 300 characters.

    >>> _first_line("\\nVirtuoso 37000 Error SP030: syntax error\\n\\nSPARQL query: ...")
    'Virtuoso 37000 Error SP030: syntax error'
    """
    line = next((s.strip() for s in text.splitlines() if s.strip()), "")
    return line if len(line) <= 300 else line[:299] + "…"
