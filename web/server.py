"""How ``speakergraph serve`` runs waitress: threads, connection limits and time-outs, trusted Host headers.

waitress reads requests in one asynchronous loop and answers them on a pool
of threads. Its defaults let about 100 slow clients (headers sent a line at
a time) fill every connection it will accept, so the server stops answering:

===================  ==========  ================================================================
option               value       why
===================  ==========  ================================================================
``threads``          pages + ``/sparql`` workers + queue places: ``/sparql`` holds at most the
                                 latter (``web.runner``), so pages keep threads of their own
``connection_limit`` 1000        connections open at once (waitress: 100); each costs a file
                                 descriptor and a few KiB, and the soft ``RLIMIT_NOFILE`` is
                                 raised to fit (or the limit lowered to it)
``channel_timeout``  30 s        a connection silent this long is closed (waitress: 120 s)
``cleanup_interval`` 10 s        how often silent connections are looked for (waitress: 30 s)
``asyncore_use_poll`` on         ``select()`` cannot watch more than 1024 descriptors
``max_request_header_size`` 64 KiB  (waitress: 256 KiB)
``max_request_body_size`` 4 MiB  larger bodies refused by waitress before they are buffered
                                 (the app refuses queries over 1 MiB with 413)
===================  ==========  ================================================================

A client that trickles a header line every few seconds keeps its connection;
1000 of them are needed to fill the server, and one machine on the network
can still do that: put a reverse proxy with per-client limits in front of a
public server.
"""

from __future__ import annotations

import resource
from urllib.parse import urlsplit

from graph.errors import SpeakergraphError

CONNECTION_LIMIT = 1000
SPARE_FILES = 256  # descriptors for the store, the workers' pipes, logs
LOOPBACK = ("localhost", "127.0.0.1", "::1")


def waitress_options(threads: int, connection_limit: int = CONNECTION_LIMIT) -> dict:
    """The keyword arguments of ``waitress.create_server`` (see the table above)."""
    return {"threads": threads, "connection_limit": _fit_files(connection_limit), "channel_timeout": 30,
            "cleanup_interval": 10, "asyncore_use_poll": True, "max_request_header_size": 64 * 1024,
            "max_request_body_size": 4 * 1024 * 1024}


def _fit_files(connections: int) -> int:
    """Raise the soft limit on open files to hold ``connections``; the connections that fit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections + SPARE_FILES
    if soft != resource.RLIM_INFINITY and soft < wanted:
        ceiling = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (ceiling, hard))
        soft = ceiling
    return connections if soft == resource.RLIM_INFINITY else max(16, min(connections, soft - SPARE_FILES))


def check_base_url(url: str) -> None:
    """Raise ``SpeakergraphError`` unless ``url`` is an absolute http(s) URL.

    >>> check_base_url("https://speakers.example.org/")
    >>> check_base_url("speakers.example.org")
    Traceback (most recent call last):
    ...
    graph.errors.SpeakergraphError: --base-url 'speakers.example.org' is not an http(s) URL — write it as https://HOST/
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SpeakergraphError(f"--base-url {url!r} is not an http(s) URL — write it as https://HOST/")


def trusted(host: str, base_url: str, named: list[str]) -> list[str] | None:
    """The Host headers to accept: those ``named``, the base URL's host, loopback names on loopback.

    ``None`` (any Host) when listening on every address with nothing named:
    the Host header is never written out, so it only routes.

    >>> trusted("127.0.0.1", "http://127.0.0.1:8000/", [])
    ['127.0.0.1', 'localhost', '::1']
    >>> trusted("0.0.0.0", "http://0.0.0.0:8000/", []) is None
    True
    >>> trusted("0.0.0.0", "https://sg.example.org/", ["sg.internal"])
    ['sg.internal', 'sg.example.org', 'localhost']
    """
    base_host = urlsplit(base_url).hostname or ""
    if not named and host in ("0.0.0.0", "::", "") and base_host in ("0.0.0.0", "::"):
        return None
    names = [*named, base_host, *(LOOPBACK if host in LOOPBACK or host.startswith("127.") else ("localhost",))]
    return list(dict.fromkeys(n for n in names if n))
