"""Chroma's HNSW search made exact: the same query ranks the same chunks in every process."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from indexing.chunks import Chunk
from indexing.vector_store import VectorStore, chroma_client, exact_ef


def _chunks(n: int) -> list[Chunk]:
    return [
        Chunk(
            id=f"c{i}",
            doc_no=1 + i % 3,
            title="t",
            doc_number="",
            section="s",
            text=f"text {i}",
            start=i,
            end=i + 1,
            printed_pages=[1],
            ebook_pages=[1],
        )
        for i in range(n)
    ]


def test_a_query_returns_the_exact_nearest_chunks(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    n, dim, k = 400, 48, 40
    vectors = rng.normal(size=(n, dim)).astype(np.float32)
    store = VectorStore(chroma_client("persistent", tmp_path / "chroma"), "chunks")
    try:
        store.create(_chunks(n), vectors)
        assert exact_ef(n) >= n and store._get().configuration["hnsw"]["ef_search"] == exact_ef(n)
        normed = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        for q in rng.normal(size=(20, dim)).astype(np.float32):
            exact = {f"c{i}" for i in np.argsort(-(normed @ (q / np.linalg.norm(q))))[:k]}
            assert {i for i, _ in store.query(q.tolist(), k=k)} == exact
    finally:
        store.close()


def test_a_collection_built_before_is_searched_exactly_when_opened(tmp_path: Path) -> None:
    client = chroma_client("persistent", tmp_path / "chroma")
    try:
        old = client.create_collection("chunks", embedding_function=None, configuration={"hnsw": {"space": "cosine"}})
        old.add(ids=[f"c{i}" for i in range(150)], embeddings=np.eye(150, 160).tolist())
        assert old.configuration["hnsw"]["ef_search"] == 100  # Chroma's default
        store = VectorStore(client, "chunks", owns_client=False)
        assert store._get().configuration["hnsw"]["ef_search"] >= 150
    finally:
        client.close()


def test_a_store_that_cannot_be_changed_is_searched_as_it_is(caplog) -> None:  # type: ignore[no-untyped-def]
    from indexing.vector_store import _search_exactly

    class ReadOnly:
        def __init__(self) -> None:
            self.configuration = {"hnsw": {"ef_search": 100}}

        def count(self) -> int:
            return 300

        def modify(self, **_: object) -> None:
            raise PermissionError("read-only file system")

    _search_exactly(ReadOnly())  # does not raise
    assert "searching approximately" in caplog.text
