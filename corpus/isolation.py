"""Run a parser in a separate Python process with a time and memory limit (``python -m corpus.worker``).

A thread cannot be stopped; a process can. The worker is a fresh interpreter (not a fork of a server
with threads and open stores, and independent of how the caller was started); it caps its own address
space where asked, so an inflation bomb fails inside it instead of swapping the host, and it is killed
when the time limit passes. Results and errors come back as JSON on stdout.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from corpus import errors
from corpus.errors import LoadError
from corpus.limits import ParseLimits


class ParseTimeout(LoadError):
    code = "parse_timeout"


_ERRORS: dict[str, type[LoadError]] = {
    cls.code: cls
    for cls in (*vars(errors).values(), ParseTimeout)
    if isinstance(cls, type) and issubclass(cls, LoadError)
}


def run_worker(
    task: str, path: Path, limits: ParseLimits, *, timeout_s: float, memory_bytes: int | None = None, arg: Any = None
) -> Any:
    """The JSON result of ``task`` on ``path`` in a worker process; its LoadError re-raised here."""
    request = json.dumps(
        {
            "task": task,
            "path": str(path),
            "limits": dataclasses.asdict(limits),
            "arg": arg,
            "memory_bytes": memory_bytes,
        }
    )
    try:
        done = subprocess.run(
            [sys.executable, "-m", "corpus.worker"],
            input=request.encode(),
            capture_output=True,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ParseTimeout(f"reading {path.name} took longer than {timeout_s:.0f} s and was stopped") from exc
    try:
        reply = json.loads(done.stdout.decode("utf-8"))
    except ValueError:
        reply = None
    if not isinstance(reply, dict):
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        if "MemoryError" in tail[0] or done.returncode < 0:
            raise errors.DocumentTooLarge(f"{path.name} needs more memory than a document may use ({tail[0][:200]})")
        raise LoadError(f"{path.name} could not be read ({tail[0][:200]})")
    if "error" in reply:
        raise _ERRORS.get(reply["error"]["code"], LoadError)(reply["error"]["message"])
    return reply["ok"]
