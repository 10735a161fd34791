"""Run a parser in a worker process with a time limit, so a hostile file cannot hold the server.

A thread cannot be stopped; a process can. The worker is spawned (not forked: the server has threads
and open stores) and ended when the limit passes. Memory is capped for parsers that need no large
mappings (pypdf), so an inflation bomb fails inside the worker instead of swapping the host.
"""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Callable
from multiprocessing.pool import Pool
from typing import Any, TypeVar

from corpus.errors import LoadError

_T = TypeVar("_T")


class ParseTimeout(LoadError):
    code = "parse_timeout"


def run_isolated(
    fn: Callable[..., _T], *args: Any, timeout_s: float, memory_bytes: int | None = None, what: str = "the file"
) -> _T:
    """``fn(*args)`` in a fresh process; ParseTimeout after ``timeout_s``; its LoadError is raised as is."""
    context = multiprocessing.get_context("spawn")
    pool: Pool = context.Pool(1, initializer=_limit_memory, initargs=(memory_bytes,), maxtasksperchild=1)
    try:
        pending = pool.apply_async(fn, args)
        try:
            return pending.get(timeout=timeout_s)
        except multiprocessing.TimeoutError as exc:
            raise ParseTimeout(f"reading {what} took longer than {timeout_s:.0f} s and was stopped") from exc
        except MemoryError as exc:
            raise LoadError(f"{what} needs more memory than a document may use ({exc})") from exc
    finally:
        pool.terminate()
        pool.join()


def _limit_memory(memory_bytes: int | None) -> None:
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
