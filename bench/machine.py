"""What machine a benchmark ran on: CPU, cores, memory, load, and the versions that matter.

>>> d = describe()
>>> sorted(d) == sorted(["cpu", "cores", "ram_gb", "load", "python", "pyoxigraph", "rdflib", "platform"])
True
"""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path


def describe() -> dict[str, str | int | float]:
    """The machine and library versions, as short strings and numbers."""
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count() or 0,
        "ram_gb": round(memory_bytes() / 2**30, 1),
        "load": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "pyoxigraph": _version("pyoxigraph"),
        "rdflib": _version("rdflib"),
        "platform": f"{platform.system()} {platform.release()}",
    }


def cpu_model() -> str:
    """The CPU's model name (``/proc/cpuinfo``), or the platform's processor string."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_bytes() -> int:
    """Physical memory in bytes (0 when it cannot be told)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 0


def line(d: dict) -> str:
    """One line of Markdown naming the machine.

    >>> line({"cpu": "X", "cores": 2, "ram_gb": 8.0, "load": 1.5, "python": "3.11.9", "pyoxigraph": "0.5.1",
    ...       "rdflib": "7.1", "platform": "Linux 6"})
    'X, 2 cores, 8.0 GB RAM, Linux 6; Python 3.11.9, pyoxigraph 0.5.1, rdflib 7.1; load average 1.5 at start'
    """
    return (f"{d['cpu']}, {d['cores']} cores, {d['ram_gb']} GB RAM, {d['platform']}; Python {d['python']}, "
            f"pyoxigraph {d['pyoxigraph']}, rdflib {d['rdflib']}; load average {d['load']} at start")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"
