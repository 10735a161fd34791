"""Index versions: a build writes a new version directory and switches CURRENT only when complete.

Layout under the index root:
    CURRENT                       id of the serving version (replaced atomically)
    versions/<id>/chunks.jsonl    chunks with their citation fields
    versions/<id>/keyword.json    BM25 tokens
    versions/<id>/chroma/         embedded Chroma store (persistent mode)
    versions/<id>/COMPLETE        build metadata; a version without it is an interrupted build
A killed build leaves CURRENT untouched, so the previous version keeps serving.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock
from llama_index.core.embeddings import BaseEmbedding
from tqdm import tqdm

from corpus.library import Corpus
from indexing.chunks import Chunk, chunk_corpus
from indexing.embeddings import EmbeddingCache
from indexing.keyword import KeywordIndex
from indexing.vector_store import VectorStore, chroma_client

KEEP_VERSIONS = 2


@dataclass
class StoreConfig:
    """Where vectors live: embedded under each version, or a shared `chroma run` server."""

    mode: str = "persistent"
    host: str = "127.0.0.1"
    port: int = 8001

    def store_for(self, version_dir: Path, version_id: str) -> VectorStore:
        if self.mode == "persistent":
            return VectorStore(chroma_client("persistent", path=version_dir / "chroma"), "chunks")
        return VectorStore(chroma_client("http", host=self.host, port=self.port), f"policyqa_{version_id}")


@dataclass
class IndexVersion:
    """A complete, loaded index version."""

    id: str
    directory: Path
    chunks: list[Chunk]
    keyword: KeywordIndex
    meta: dict[str, Any]
    by_id: dict[str, Chunk] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {c.id: c for c in self.chunks}


class IndexError_(RuntimeError):
    """The index is missing or unreadable (with what to do about it)."""


def index_change_lock(root: Path) -> FileLock:
    """The lock that every process changing the index under ``root`` holds (workers, replicas, the CLI):
    one build at a time per data dir. Not re-entrant across threads; try it with ``acquire(blocking=False)``."""
    root.mkdir(parents=True, exist_ok=True)
    return FileLock(root / ".change.lock")


def builder_fingerprint() -> str:
    """What a version's chunks and keyword tokens depend on besides the corpus: the code that parses the
    compilation (corpus/), chunks it and tokenizes it. A version built by other code is stale."""
    import corpus as corpus_package
    from indexing import chunks as chunks_module
    from indexing import keyword as keyword_module

    digest = hashlib.sha256()
    sources = sorted(Path(str(corpus_package.__file__)).parent.glob("*.py"))
    for path in [*sources, Path(str(chunks_module.__file__)), Path(str(keyword_module.__file__))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def version_meta(root: Path, version_id: str) -> dict[str, Any]:
    """The COMPLETE metadata of a version ({} when unreadable)."""
    try:
        meta = json.loads((root / "versions" / version_id / "COMPLETE").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def current_id(root: Path) -> str | None:
    marker = root / "CURRENT"
    return marker.read_text(encoding="utf-8").strip() or None if marker.exists() else None


def build_index(
    corpus: Corpus,
    embed_model: BaseEmbedding,
    root: Path,
    cache_path: Path,
    store: StoreConfig,
    *,
    batch_size: int = 16,
    show_progress: bool = True,
) -> dict[str, Any]:
    """Chunk, embed (through the cache), write a new version and switch to it; return build stats."""
    started = time.perf_counter()
    version_id = time.strftime("v%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]
    directory = root / "versions" / version_id
    directory.mkdir(parents=True)
    chunks = chunk_corpus(corpus)
    texts = [c.indexed_text for c in chunks]
    cache = EmbeddingCache(cache_path)
    try:
        with tqdm(total=len(texts), desc="embedding chunks", unit="chunk", disable=not show_progress) as bar:
            vectors, computed = cache.embed(embed_model, texts, batch_size=batch_size, progress=bar.update)
    finally:
        cache.close()
    with (directory / "chunks.jsonl").open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(chunk.model_dump_json() + "\n")
    KeywordIndex.from_texts([c.id for c in chunks], texts).save(directory)
    with store.store_for(directory, version_id) as vector_store:  # closed: the service opens its own
        vector_store.create(chunks, vectors)
    seconds = time.perf_counter() - started
    meta = {
        "id": version_id,
        "embedding_model": embed_model.model_name,
        "dimension": int(vectors.shape[1]) if len(chunks) else 0,
        "chunks": len(chunks),
        "documents": len({c.doc_no for c in chunks}),
        "embedded": computed,
        "from_cache": len(chunks) - computed,
        "seconds": round(seconds, 2),
        "chunks_per_s": round(len(chunks) / seconds, 2) if seconds else None,
        "store": store.mode,
        "collection": vector_store.name,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "builder": builder_fingerprint(),
    }
    (directory / "COMPLETE").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    _switch(root, version_id)
    _prune(root, store, keep=KEEP_VERSIONS)
    return meta


def _switch(root: Path, version_id: str) -> None:
    tmp = root / f"CURRENT.{os.getpid()}.tmp"
    tmp.write_text(version_id, encoding="utf-8")
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, root / "CURRENT")


def _prune(root: Path, store: StoreConfig, keep: int) -> None:
    """Remove interrupted builds and all but the ``keep`` newest complete versions."""
    serving = current_id(root)
    versions = sorted((root / "versions").iterdir(), key=lambda p: p.name)
    complete = [v for v in versions if (v / "COMPLETE").exists()]
    stale = [v for v in versions if not (v / "COMPLETE").exists() and v.name != serving]
    stale += [v for v in complete[:-keep] if v.name != serving]
    for version in stale:
        if store.mode == "http" and (version / "COMPLETE").exists():
            with store.store_for(version, version.name) as dropped:
                dropped.drop()
        shutil.rmtree(version, ignore_errors=True)


def complete_versions(root: Path) -> list[str]:
    """Ids of the complete versions under ``root``, newest first."""
    versions = root / "versions"
    if not versions.is_dir():
        return []
    return sorted((v.name for v in versions.iterdir() if (v / "COMPLETE").exists()), reverse=True)


def load_version(root: Path, version_id: str | None = None) -> IndexVersion:
    """A version (by default the serving one); IndexError_ with a remedy when there is none or it is damaged."""
    version_id = version_id or current_id(root)
    if version_id is None:
        raise IndexError_(f"no index under {root}: run `policyqa index build`")
    directory = root / "versions" / version_id
    try:
        meta = json.loads((directory / "COMPLETE").read_text(encoding="utf-8"))
        with (directory / "chunks.jsonl").open(encoding="utf-8") as lines:
            chunks = [Chunk.model_validate_json(line) for line in lines if line.strip()]
        keyword = KeywordIndex.load(directory)
    except (OSError, ValueError, KeyError) as exc:
        raise IndexError_(
            f"index version {version_id} under {root} is damaged ({exc}); run `policyqa index build --force`"
        ) from exc
    if len(chunks) != meta.get("chunks") or keyword.ids != [c.id for c in chunks]:
        raise IndexError_(f"index version {version_id} is inconsistent; run `policyqa index build --force`")
    return IndexVersion(version_id, directory, chunks, keyword, meta)
