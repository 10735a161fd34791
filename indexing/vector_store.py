"""Chroma as the vector store: embedded PersistentClient or a `chroma run` server, never its default embedder."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any

import numpy as np

from indexing.chunks import Chunk

log = logging.getLogger(__name__)


def chroma_client(mode: str, path: Path | None = None, host: str = "127.0.0.1", port: int = 8001) -> Any:
    """A Chroma client with telemetry off: persistent under ``path``, or HTTP to ``host:port``."""
    import chromadb
    from chromadb.config import Settings as ChromaConfig

    config = ChromaConfig(anonymized_telemetry=False, allow_reset=False)
    match mode:
        case "persistent":
            if path is None:
                raise ValueError("a persistent Chroma store needs a directory")
            path.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(path), settings=config)
        case "http":
            return chromadb.HttpClient(host=host, port=port, settings=config)
        case _:
            raise ValueError(f"unknown chroma mode {mode!r}")


def exact_ef(count: int) -> int:
    """An HNSW ef_search that makes a query over ``count`` vectors exact.

    HNSW is approximate: with Chroma's default (100), a query for 40 neighbours among the compilation's few hundred
    chunks now and then missed one near the edge, and which one depended on the graph Chroma rebuilt when it
    loaded the collection, so the same question could rank, and be answered, differently from one process to the
    next. A candidate list as long as the collection visits it all; at this size that costs well under a
    millisecond."""
    return max(100, count)


def _search_exactly(collection: Any) -> None:
    """Raise a collection's ef_search to ``exact_ef`` (collections built before it was set at creation). A store
    that cannot be changed (a read-only directory, a server that refuses) is searched as it is, approximately."""
    try:
        wanted = exact_ef(int(collection.count()))
        hnsw = (collection.configuration or {}).get("hnsw") or {}
        if int(hnsw.get("ef_search") or 0) < wanted:
            collection.modify(configuration={"hnsw": {"ef_search": wanted}})
    except Exception as exc:  # searching approximately beats not searching
        log.warning("could not make vector search exact (%s: %s); searching approximately", type(exc).__name__, exc)


class VectorStore:
    """One collection of chunk vectors. Embeddings are always given: Chroma never embeds anything.

    ``owns_client``: close() closes the client too (a client shared by several stores is closed by its owner).
    """

    def __init__(self, client: Any, collection: str, owns_client: bool = True):
        self.client = client
        self.name = collection
        self.owns_client = owns_client
        self._collection: Any = None

    def _get(self) -> Any:
        if self._collection is None:
            collection = self.client.get_collection(self.name, embedding_function=None)
            _search_exactly(collection)
            self._collection = collection
        return self._collection

    def create(self, chunks: list[Chunk], vectors: np.ndarray, batch: int = 256) -> None:
        with contextlib.suppress(Exception):  # an absent collection: nothing to delete
            self.client.delete_collection(self.name)
        self._collection = self.client.create_collection(
            self.name,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine", "ef_search": exact_ef(len(chunks))}},
        )
        for at in range(0, len(chunks), batch):
            part = chunks[at : at + batch]
            self._collection.add(
                ids=[c.id for c in part],
                embeddings=vectors[at : at + batch].tolist(),
                documents=[c.text for c in part],
                metadatas=[{"doc_no": c.doc_no, "section": c.section} for c in part],
            )

    def query(self, vector: list[float], k: int, doc_nos: list[int] | None = None) -> list[tuple[str, float]]:
        """Chunk ids and cosine similarities of the ``k`` nearest chunks (optionally within documents)."""
        collection = self._get()
        count = collection.count()
        if count == 0:
            return []
        where: dict[str, Any] | None = None
        if doc_nos:
            where = {"doc_no": doc_nos[0]} if len(doc_nos) == 1 else {"doc_no": {"$in": doc_nos}}
        result = collection.query(
            query_embeddings=[vector], n_results=min(k, count), where=where, include=["distances"]
        )
        ids = result["ids"][0]
        distances = result["distances"][0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

    def count(self) -> int:
        return int(self._get().count())

    def heartbeat(self) -> bool:
        try:
            self.client.heartbeat()
            return True
        except Exception:
            return False

    def drop(self) -> None:
        with contextlib.suppress(Exception):  # already gone
            self.client.delete_collection(self.name)

    def close(self) -> None:
        """Release the client's files, connections and threads (Chroma keeps them until the last client closes)."""
        self._collection = None
        if self.owns_client:
            self.client.close()

    def __enter__(self) -> VectorStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
