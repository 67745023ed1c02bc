"""A real ``speakergraph serve`` and a real headless Chromium, shared by the tests that need them."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from conftest import need

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"


@contextlib.contextmanager
def serving(location: Path | str, *options: str):
    """``speakergraph serve`` over ``location`` on a free loopback port; yields ``(URL without the final
    slash, process)``. The installed command is used when there is one, as a user runs it.

    Its stderr goes to a file: a pipe nobody reads can fill and stall the server.
    """
    script = Path(sys.executable).with_name("speakergraph")
    launcher = [str(script)] if script.exists() else [sys.executable, "-c", "from speakergraph import main; main()"]
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen([*launcher, "serve", "--store", str(location), "--port", "0", *options],
                                   stderr=log, text=True)
        try:
            yield _url(process, log).rstrip("/"), process
        finally:
            process.terminate()
            process.wait(10)


@contextlib.contextmanager
def served(location: Path | str, *options: str):
    """The URL (with its final slash) of ``speakergraph serve`` over ``location``, as ``serving`` starts it."""
    with serving(location, *options) as (url, _process):
        yield url + "/"


def _url(process: subprocess.Popen, log, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        log.seek(0)
        match = re.search(r"http://127\.0\.0\.1:\d+/", log.read())
        if match:
            return match.group(0)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    log.seek(0)
    raise AssertionError(f"speakergraph serve did not start: {log.read()[-2000:]}")


@contextlib.contextmanager
def browser_tab(height: int = 900, downloads: bool = False, width: int = 1280):
    """A tab of Debian's headless Chromium driven by Playwright; console and page errors in ``tab.errors``."""
    need(CHROMIUM.exists(), "Debian chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "the playwright package is not installed (pip install -e '.[test]')")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=downloads)
        tab = context.new_page()
        tab.errors = []
        tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: tab.errors.append(str(e)))
        try:
            yield tab
        finally:
            browser.close()
