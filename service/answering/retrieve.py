"""Hybrid retrieval: jieba BM25 + dense e5 over Chroma, fused by reciprocal rank (or by weighted scores).

Document filters (文号 named), boosts (title words named) and, for side-by-side questions, a ranking
that gives each relevant document a place near the top.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.embeddings import BaseEmbedding
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from indexing.builder import IndexVersion
from indexing.chunks import Chunk
from indexing.vector_store import VectorStore

log = logging.getLogger(__name__)
RRF_K = 60
FusionMode = Literal["rrf", "weighted"]


@dataclass
class ScoredChunk:
    chunk: Chunk
    score: float
    bm25: float = 0.0
    dense: float = 0.0


@dataclass
class RetrievalResult:
    hits: list[ScoredChunk]
    dense_ok: bool = True
    dense_error: str = ""


class HybridRetriever(BaseRetriever):
    """BM25 + dense candidates fused into one ranking of chunks."""

    def __init__(
        self,
        version: IndexVersion,
        store: VectorStore | None,
        embed_model: BaseEmbedding,
        fusion: FusionMode = "rrf",
        pool: int = 40,
        keyword_weight: float = 0.5,
    ) -> None:
        super().__init__()
        self.version = version
        self.store = store
        self.embed_model = embed_model
        self.fusion = fusion
        self.pool = pool
        self.keyword_weight = keyword_weight

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        result = self.search(query_bundle.query_str, k=10)
        return [
            NodeWithScore(node=TextNode(id_=h.chunk.id, text=h.chunk.text, metadata=_metadata(h.chunk)), score=h.score)
            for h in result.hits
        ]

    def keyword_ranking(self, query: str, doc_filter: list[int] | None = None) -> list[tuple[str, float]]:
        hits = self.version.keyword.search(query, k=self.pool * 3)
        if doc_filter:
            hits = [(i, s) for i, s in hits if self.version.by_id[i].doc_no in doc_filter]
        return hits[: self.pool]

    def dense_ranking(
        self, query: str, doc_filter: list[int] | None = None, vector: list[float] | None = None
    ) -> list[tuple[str, float]]:
        if self.store is None:
            return []
        vector = vector if vector is not None else self.embed_model.get_query_embedding(query)
        hits = self.store.query(vector, k=self.pool, doc_nos=doc_filter or None)
        return [(i, s) for i, s in hits if i in self.version.by_id]

    def search(
        self,
        query: str,
        k: int = 10,
        doc_filter: list[int] | None = None,
        boost_docs: list[int] | None = None,
        diversify: bool = False,
        vector: list[float] | None = None,
        dense_query: str | None = None,
    ) -> RetrievalResult:
        """``query`` ranks by keywords (it may carry the lexicon's wording); ``dense_query`` (default: the
        same) is what the embedder reads: the question as asked, which e5 bridges across languages."""
        keyword = self.keyword_ranking(query, doc_filter)
        dense: list[tuple[str, float]] = []
        dense_ok, error = True, ""
        try:
            dense = self.dense_ranking(dense_query or query, doc_filter, vector)
        except Exception as exc:
            dense_ok, error = False, f"{type(exc).__name__}: {exc}"
            log.warning("dense retrieval failed, answering from the keyword index: %s", error)
        fused = fuse(keyword, dense, self.fusion, self.keyword_weight)
        boosts = set(boost_docs or [])
        hits = []
        for chunk_id, score in fused.items():
            chunk = self.version.by_id[chunk_id]
            if boosts and chunk.doc_no in boosts:
                score *= 1.5
            hits.append(ScoredChunk(chunk, score, dict(keyword).get(chunk_id, 0.0), dict(dense).get(chunk_id, 0.0)))
        hits.sort(key=lambda h: h.score, reverse=True)
        if diversify:
            hits = diversify_by_document(hits)
        return RetrievalResult(hits[:k], dense_ok, error)

    def search_each_document(
        self, query: str, doc_nos: list[int], k: int = 10, per_document: int = 2, dense_query: str | None = None
    ) -> RetrievalResult:
        """The overall ranking plus each document's own best chunks (for side-by-side questions)."""
        vector: list[float] | None = None
        try:
            vector = self.embed_model.get_query_embedding(dense_query or query)
        except Exception:
            vector = None
        overall = self.search(query, k=k, diversify=True, vector=vector)
        seen = {h.chunk.id for h in overall.hits}
        extra: list[ScoredChunk] = []
        for doc_no in doc_nos:
            own = self.search(query, k=per_document, doc_filter=[doc_no], vector=vector)
            extra.extend(h for h in own.hits if h.chunk.id not in seen)
        # a document's own best chunk is scored as it ranks within the document: keep them after the overall list
        top = overall.hits[-1].score if overall.hits else 1.0
        for h in extra:
            h.score = min(h.score, top) * 0.99
        return RetrievalResult(overall.hits + extra, overall.dense_ok, overall.dense_error)


def fuse(
    keyword: list[tuple[str, float]],
    dense: list[tuple[str, float]],
    mode: FusionMode,
    keyword_weight: float = 0.5,
) -> dict[str, float]:
    """Fused scores by chunk id: reciprocal rank, or max-normalised scores weighted keyword/dense."""
    fused: dict[str, float] = {}
    if mode == "rrf":
        for ranking in (keyword, dense):
            for rank, (chunk_id, _) in enumerate(ranking):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
        return fused
    for ranking, weight in ((keyword, keyword_weight), (dense, 1.0 - keyword_weight)):
        if not ranking:
            continue
        top = max(s for _, s in ranking) or 1.0
        for chunk_id, score in ranking:
            fused[chunk_id] = fused.get(chunk_id, 0.0) + weight * max(score, 0.0) / top
    return fused


def diversify_by_document(hits: list[ScoredChunk], floor: float = 0.55) -> list[ScoredChunk]:
    """Each document's best chunk (if it scores within ``floor`` of the top) first, then the rest."""
    if not hits:
        return hits
    top = hits[0].score
    leaders: list[ScoredChunk] = []
    seen: set[int] = set()
    for hit in hits:
        if hit.chunk.doc_no not in seen and hit.score >= floor * top:
            leaders.append(hit)
            seen.add(hit.chunk.doc_no)
    chosen = {id(h) for h in leaders}
    return leaders + [h for h in hits if id(h) not in chosen]


def _metadata(chunk: Chunk) -> dict[str, object]:
    return {
        "doc_no": chunk.doc_no,
        "doc_number": chunk.doc_number,
        "title": chunk.title,
        "section": chunk.section,
        "printed_pages": ",".join(map(str, chunk.printed_pages)),
    }
