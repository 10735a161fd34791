"""The version a process serves, with its vector store: checked when opened, the previous one when damaged.

Chroma keeps a client's files, connections and threads until it is closed, so a process holds one client
per serving version (persistent mode) or one HTTP client for all versions (http mode), and closes the
retired one at the next switch: a request that started on it just before a switch can still finish.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from indexing.builder import IndexError_, IndexVersion, StoreConfig, complete_versions, current_id, load_version
from indexing.vector_store import VectorStore, chroma_client

log = logging.getLogger(__name__)
REMEDY = "run `policyqa index build --force`"


class VectorStores:
    """The Chroma clients of one process: the serving store, and the one it replaced until the next switch."""

    def __init__(self, config: StoreConfig) -> None:
        self.config = config
        self._lock = threading.Lock()
        self._http_client: Any = None
        self._serving: tuple[str, VectorStore] | None = None
        self._retired: VectorStore | None = None

    def open(self, version: IndexVersion) -> VectorStore:
        """The store of ``version`` (the serving one again when it is already served)."""
        with self._lock:
            if self._serving is not None and self._serving[0] == version.id:
                return self._serving[1]
            if self.config.mode != "http":
                database = version.directory / "chroma" / "chroma.sqlite3"
                if not database.is_file() or database.stat().st_size == 0:  # Chroma would make a new, empty one
                    raise IndexError_(f"the vector store of index version {version.id} is missing or empty; {REMEDY}")
                try:
                    client = chroma_client("persistent", path=version.directory / "chroma")
                except Exception as exc:  # the version's own files: unreadable means damaged
                    message = f"the vectors of index version {version.id} cannot be opened ({_short(exc)}); {REMEDY}"
                    raise IndexError_(message) from exc
                return VectorStore(client, "chunks")
            if self._http_client is None:
                self._http_client = chroma_client("http", host=self.config.host, port=self.config.port)
            return VectorStore(self._http_client, f"policyqa_{version.id}", owns_client=False)

    def serve(self, version: IndexVersion, store: VectorStore) -> None:
        """Make ``store`` the serving one; the one before it is closed now, the current one at the next switch."""
        with self._lock:
            if self._serving is not None and self._serving[1] is store:
                return
            if self._retired is not None:
                self._retired.close()
            self._retired = self._serving[1] if self._serving is not None else None
            self._serving = (version.id, store)

    def discard(self, store: VectorStore) -> None:
        """Close a store that was opened but is not served (its version failed its check)."""
        with self._lock:
            if self._serving is None or self._serving[1] is not store:
                store.close()

    def close(self) -> None:
        with self._lock:
            for store in (self._retired, self._serving[1] if self._serving else None):
                if store is not None:
                    store.close()
            if self._http_client is not None:
                self._http_client.close()
            self._retired = self._serving = self._http_client = None


@dataclass
class ServingIndex:
    version: IndexVersion
    store: VectorStore
    warning: str = ""


def open_serving(root: Any, stores: VectorStores) -> ServingIndex:
    """The version CURRENT names, its files and vector store checked; when it is damaged, the newest complete
    earlier version, with a warning (CURRENT and the damaged files are left as they are, for the operator)."""
    current = current_id(root)
    if current is None:
        raise IndexError_(f"no index under {root}: run `policyqa index build`")
    first_error: IndexError_ | None = None
    for version_id in [current, *(v for v in complete_versions(root) if v != current)]:
        try:
            version = load_version(root, version_id)
            store = stores.open(version)
        except IndexError_ as exc:
            first_error = first_error or exc
            continue
        try:
            check_store(store, version, remote=stores.config.mode == "http")
        except IndexError_ as exc:
            stores.discard(store)
            first_error = first_error or exc
            continue
        if version_id == current:
            return ServingIndex(version, store)
        warning = (
            f"index version {current} is damaged ({first_error}); serving the previous complete version "
            f"{version_id}: {REMEDY}"
        )
        log.warning(warning)
        return ServingIndex(version, store, warning)
    assert first_error is not None
    raise first_error


def check_store(store: VectorStore, version: IndexVersion, remote: bool = False) -> None:
    """IndexError_ when the version's vectors are missing or unreadable; an unreachable server is not damage
    (it may come back: the service answers from keywords meanwhile and /ready says so)."""
    if not version.chunks:
        return
    if remote and not store.heartbeat():
        log.warning("the Chroma server is unreachable: version %s is served without checking its vectors", version.id)
        return
    try:
        count = store.count()
        probe = [0.0] * int(version.meta.get("dimension") or 1)
        probe[0] = 1.0
        found = store.query(probe, k=1)
    except Exception as exc:  # Chroma raises its own errors for malformed files and missing collections
        raise IndexError_(f"vectors of version {version.id} cannot be read ({_short(exc)}); {REMEDY}") from exc
    if count != len(version.chunks) or not found or found[0][0] not in version.by_id:
        raise IndexError_(
            f"the vectors of index version {version.id} do not match its chunks ({count} vectors, "
            f"{len(version.chunks)} chunks); {REMEDY}"
        )


def _short(exc: Exception) -> str:
    return f"{type(exc).__name__}: {str(exc)[:200]}"
