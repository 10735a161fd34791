"""The serving core follows the index: when any process sharing the data dir (another worker, another
replica, `policyqa index build`) switches CURRENT to a new complete version, this process loads it
in the background and swaps it in whole, so each request runs on one version from start to end.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from corpus.library import Corpus
from corpus.loaders import DocumentMeta
from corpus.models import PolicyDocument
from indexing.builder import IndexVersion, current_id
from service.models import Answer, SearchHit, Turn

log = logging.getLogger("policyqa.live")


class LoadedQA(Protocol):
    """A QA core over one loaded index version (service.answering.pipeline.PolicyQAService)."""

    corpus: Corpus
    version: IndexVersion

    def ask(self, question: str, history: list[Turn] | None = None) -> Answer: ...

    def search(
        self, query: str, *, doc_no: int | None = None, in_force_only: bool = False, limit: int = 10
    ) -> list[SearchHit]: ...

    def ready(self) -> tuple[bool, dict[str, str]]: ...

    def add_document(self, path: Path, meta: DocumentMeta) -> PolicyDocument: ...

    def rebuild(self) -> dict[str, Any]: ...


class LiveQA:
    """Implements service.protocols.PolicyQA over whichever complete index version is current.

    Each call reads the current core once, so it finishes on the version it started on. Changes made
    here (upload, rebuild) run on a private core that is swapped in when it is complete; changes made
    elsewhere are noticed by a watcher thread that reads CURRENT every ``poll_seconds``.
    """

    def __init__(self, load: Callable[[], LoadedQA], index_dir: Path, poll_seconds: float = 2.0) -> None:
        self._load = load
        self._index_dir = index_dir
        self._poll_seconds = poll_seconds
        self._current = load()
        self._retired: LoadedQA | None = None  # the core swapped out last: closed at the next swap
        self._swap_lock = threading.Lock()
        self._failed: str | None = None  # a version that would not load: not retried until CURRENT moves on
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    # -- the PolicyQA protocol, each call on one loaded version ----------------------------------
    @property
    def corpus(self) -> Corpus:
        return self._current.corpus

    @property
    def version(self) -> IndexVersion:
        return self._current.version

    def ask(self, question: str, history: list[Turn] | None = None) -> Answer:
        return self._current.ask(question, history)

    def search(
        self, query: str, *, doc_no: int | None = None, in_force_only: bool = False, limit: int = 10
    ) -> list[SearchHit]:
        return self._current.search(query, doc_no=doc_no, in_force_only=in_force_only, limit=limit)

    def ready(self) -> tuple[bool, dict[str, str]]:
        return self._current.ready()

    def add_document(self, path: Path, meta: DocumentMeta) -> PolicyDocument:
        fresh = self._load()
        document = fresh.add_document(path, meta)
        self._swap(fresh)
        return document

    def rebuild(self) -> dict[str, Any]:
        fresh = self._load()
        stats = fresh.rebuild()
        self._swap(fresh)
        return stats

    # -- following CURRENT -----------------------------------------------------------------------
    def refresh(self) -> bool:
        """Load and swap in the version CURRENT names, when it is not the one serving; True when swapped."""
        wanted = current_id(self._index_dir)
        if wanted is None or wanted == self._current.version.id or wanted == self._failed:
            return False
        try:
            fresh = self._load()
        except Exception as exc:  # a damaged or vanished version: keep serving the loaded one
            self._failed = wanted
            log.warning("index version %s did not load, still serving %s: %s", wanted, self.version.id, exc)
            return False
        if fresh.version.id != wanted:  # it fell back to an older complete version: CURRENT is damaged
            self._failed = wanted
            _close(fresh)
            log.warning("index version %s is damaged, still serving %s", wanted, self.version.id)
            return False
        return self._swap(fresh)

    def _swap(self, fresh: LoadedQA) -> bool:
        with self._swap_lock:
            # never step back to an older version (a slow load racing a newer rebuild)
            if fresh.version.id <= self._current.version.id and fresh.version.id != current_id(self._index_dir):
                return False
            retired, self._current = self._current, fresh
            # the core retired one switch ago has had a whole poll for its requests to finish
            stale, self._retired = self._retired, retired
        if stale is not None:
            _close(stale)
        previous = retired.version.id
        self._failed = None
        log.info("serving index version %s (was %s)", fresh.version.id, previous)
        return True

    def start(self) -> LiveQA:
        """Start the watcher thread (a daemon: it never holds the process up)."""
        if self._watcher is None and self._poll_seconds > 0:
            self._watcher = threading.Thread(target=self._watch, name="policyqa-index-watcher", daemon=True)
            self._watcher.start()
        return self

    def close(self) -> None:
        self._stop.set()
        for core in (self._retired, self._current):
            if core is not None:
                _close(core)
        if self._watcher is not None:
            self._watcher.join(timeout=5)
            self._watcher = None

    def _watch(self) -> None:
        while not self._stop.wait(self._poll_seconds):
            try:
                self.refresh()
            except Exception:  # the watcher must outlive any one bad poll
                log.exception("index watcher poll failed")


def _close(core: object) -> None:
    release = getattr(core, "release_stores", None)
    if callable(release):
        release()
