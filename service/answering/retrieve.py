"""Hybrid retrieval: jieba BM25 + dense e5 over Chroma, fused by reciprocal rank (or by weighted scores).

Document filters (文号 named), boosts (title words named) and, for side-by-side questions, a ranking
that gives each relevant document a place near the top. ``HybridRetriever`` is also a llama-index
``BaseRetriever``: ``retrieve(QueryBundle)`` gives ``NodeWithScore``s whose metadata carry the citation
(document, 文号, section path, printed and e-book page, validity), for any llama-index query or chat engine.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.callbacks import CallbackManager
from llama_index.core.embeddings import BaseEmbedding
from llama_index.core.schema import BaseNode, NodeWithScore, QueryBundle, TextNode

from corpus.doc_numbers import find_doc_numbers
from indexing.builder import IndexVersion
from indexing.chunks import Chunk
from indexing.keyword import KeywordIndex
from indexing.vector_store import VectorStore
from service.models import Citation

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
    query_vector: list[float] | None = None  # what the dense side searched with (None without it)


@dataclass(frozen=True)
class RetrievalPlan:
    """How one question is searched: the keyword wording, what the embedder reads, the documents it is
    restricted to (named by 文号) or favours (named by title), and whether it compares documents."""

    keywords: str
    dense: str | None = None
    doc_filter: list[int] = field(default_factory=list)
    boost_docs: list[int] = field(default_factory=list)
    compare: bool = False


class HybridRetriever(BaseRetriever):
    """BM25 + dense candidates fused into one ranking of chunks.

    As a llama-index retriever (``retrieve``), it returns the ``similarity_top_k`` best chunks as nodes.
    ``planner`` reads a question into a ``RetrievalPlan`` (the answering pipeline's query planning: glossary
    wording, documents named by 文号 or title, comparisons); without one, a 文号 named in the query (any
    bracket form; ``doc_numbers`` maps canonical 文号 to document numbers) restricts the search to that
    document. ``doc_nos`` restricts every search to those documents; ``per_document`` > 0 adds each
    document's own best chunks after the overall ranking (as a comparing question does). ``validity``
    gives a document's validity (in_force, expired, ...) for the node metadata ("unknown" without it).
    """

    def __init__(
        self,
        version: IndexVersion,
        store: VectorStore | None,
        embed_model: BaseEmbedding,
        fusion: FusionMode = "rrf",
        pool: int = 40,
        keyword_weight: float = 0.5,
        *,
        rrf_k: int = RRF_K,
        named_doc_boost: float = 1.5,
        diversify_floor: float = 0.55,
        similarity_top_k: int = 10,
        doc_nos: Sequence[int] | None = None,
        per_document: int = 0,
        doc_numbers: Mapping[str, int] | None = None,
        validity: Callable[[int], str] | None = None,
        planner: Callable[[str], RetrievalPlan] | None = None,
        callback_manager: CallbackManager | None = None,
    ) -> None:
        super().__init__(callback_manager=callback_manager)
        self.version = version
        self.store = store
        self.embed_model = embed_model
        self.fusion = fusion
        self.pool = pool
        self.rrf_k = rrf_k
        self.named_doc_boost = named_doc_boost
        self.diversify_floor = diversify_floor
        self.keyword_weight = keyword_weight
        self.similarity_top_k = similarity_top_k
        self.doc_nos = list(doc_nos) if doc_nos else None
        self.per_document = per_document
        self.doc_numbers = dict(doc_numbers) if doc_numbers is not None else _chunk_doc_numbers(version)
        self.validity = validity
        self.planner = planner
        self._document_keywords: dict[int, KeywordIndex] = {}  # each document's own BM25, built when first asked

    # -- llama-index -----------------------------------------------------------------------------
    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        plan = self.plan(query_bundle.query_str)
        named = plan.doc_filter
        scope = named or self.doc_nos
        if named and self.doc_nos:
            scope = [n for n in named if n in self.doc_nos]
            if not scope:  # the query names a document outside this retriever's documents
                return []
        # what the embedder reads: a transform's own strings (HyDE, ...) if any; never a foreign vector
        custom = query_bundle.custom_embedding_strs
        dense_query = "\n".join(custom) if custom else plan.dense
        k = self.similarity_top_k
        if (self.per_document > 0 or plan.compare) and not named:
            doc_nos = self.doc_nos or sorted({c.doc_no for c in self.version.chunks})
            result = self.search_each_document(
                plan.keywords,
                doc_nos,
                k=k,
                per_document=self.per_document or 2,
                dense_query=dense_query,
                within=self.doc_nos,
            )
        else:
            result = self.search(
                plan.keywords, k=k, doc_filter=scope, boost_docs=plan.boost_docs, dense_query=dense_query
            )
        return [NodeWithScore(node=self.node(h.chunk), score=h.score) for h in result.hits]

    def plan(self, query: str) -> RetrievalPlan:
        """The planner's reading of ``query``, or the query as it is with the documents its 文号 name."""
        if self.planner is not None:
            return self.planner(query)
        named = [self.doc_numbers[n] for n in find_doc_numbers(query) if n in self.doc_numbers]
        return RetrievalPlan(query, doc_filter=list(dict.fromkeys(named)))

    def node(self, chunk: Chunk) -> TextNode:
        """A chunk as a llama-index node: its verbatim text, and its citation in the metadata."""
        metadata: dict[str, Any] = {
            "doc_no": chunk.doc_no,
            "title": chunk.title,
            "doc_number": chunk.doc_number,
            "section": chunk.section,
            "printed_page": chunk.printed_pages[0] if chunk.printed_pages else 0,
            "ebook_page": chunk.ebook_pages[0] if chunk.ebook_pages else 0,
            "printed_pages": list(chunk.printed_pages),
            "ebook_pages": list(chunk.ebook_pages),
            "validity": self.validity(chunk.doc_no) if self.validity is not None else "unknown",
            "effective_from": chunk.effective_from,
            "expires_on": chunk.expires_on,
        }
        # the LLM reads where a passage stands, not the bookkeeping
        hidden = ["doc_no", "printed_pages", "ebook_page", "ebook_pages", "effective_from", "expires_on"]
        return TextNode(
            id_=chunk.id,
            text=chunk.text,
            metadata=metadata,
            excluded_llm_metadata_keys=hidden,
            excluded_embed_metadata_keys=hidden,
        )

    # -- the answering pipeline ------------------------------------------------------------------
    def keyword_ranking(
        self, query: str, doc_filter: list[int] | None = None, own_weights: bool = False
    ) -> list[tuple[str, float]]:
        """Chunks by BM25 over the whole index; ``own_weights`` with one document filtered: over that document's
        chunks alone, its words weighed by their rarity in it (a word every chunk of the document uses, as
        总部企业 in the headquarters policy, tells its chunks apart no better than 的)."""
        if own_weights and doc_filter and len(doc_filter) == 1:
            return self._document_keyword(doc_filter[0]).search(query, k=self.pool)
        hits = self.version.keyword.search(query, k=self.pool * 3)
        if doc_filter:
            hits = [(i, s) for i, s in hits if self.version.by_id[i].doc_no in doc_filter]
        return hits[: self.pool]

    def _document_keyword(self, doc_no: int) -> KeywordIndex:
        index = self._document_keywords.get(doc_no)
        if index is None:
            keyword = self.version.keyword
            own = [
                (i, t)
                for i, t in zip(keyword.ids, keyword.token_lists, strict=True)
                if self.version.by_id[i].doc_no == doc_no
            ]
            index = KeywordIndex([i for i, _ in own], [t for _, t in own])
            self._document_keywords[doc_no] = index
        return index

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
        own_weights: bool = False,
    ) -> RetrievalResult:
        """``query`` ranks by keywords (it may carry the lexicon's wording); ``dense_query`` (default: the
        same) is what the embedder reads: the question as asked, which e5 bridges across languages."""
        keyword = self.keyword_ranking(query, doc_filter, own_weights)
        dense: list[tuple[str, float]] = []
        dense_ok = True
        try:
            if vector is None and self.store is not None:
                vector = self.embed_model.get_query_embedding(dense_query or query)
            dense = self.dense_ranking(dense_query or query, doc_filter, vector)
        except Exception as exc:
            vector = None
            dense_ok = False
            log.warning("dense retrieval failed, answering from the keyword index: %s: %s", type(exc).__name__, exc)
        fused = fuse(keyword, dense, self.fusion, self.keyword_weight, self.rrf_k)
        boosts = set(boost_docs or [])
        hits = []
        for chunk_id, score in fused.items():
            chunk = self.version.by_id[chunk_id]
            if boosts and chunk.doc_no in boosts:
                score *= self.named_doc_boost
            hits.append(ScoredChunk(chunk, score, dict(keyword).get(chunk_id, 0.0), dict(dense).get(chunk_id, 0.0)))
        hits.sort(key=lambda h: h.score, reverse=True)
        if diversify:
            hits = diversify_by_document(hits, self.diversify_floor)
        return RetrievalResult(_with_leaders(hits, k, [keyword, dense]), dense_ok, vector if dense_ok else None)

    def search_each_document(
        self,
        query: str,
        doc_nos: list[int],
        k: int = 10,
        per_document: int = 2,
        dense_query: str | None = None,
        within: list[int] | None = None,
    ) -> RetrievalResult:
        """The overall ranking (over the documents ``within``, default all) plus each of ``doc_nos``'s own
        best chunks (for side-by-side questions)."""
        vector: list[float] | None = None
        try:
            vector = self.embed_model.get_query_embedding(dense_query or query)
        except Exception:
            vector = None
        overall = self.search(query, k=k, doc_filter=within, diversify=True, vector=vector)
        seen = {h.chunk.id for h in overall.hits}
        extra: list[ScoredChunk] = []
        for doc_no in doc_nos:
            # ranked by the words that tell the document's own chunks apart
            own = self.search(query, k=per_document, doc_filter=[doc_no], vector=vector, own_weights=True)
            extra.extend(h for h in own.hits if h.chunk.id not in seen)
        # a document's own best chunk is scored as it ranks within the document: keep them after the overall list
        top = overall.hits[-1].score if overall.hits else 1.0
        for h in extra:
            h.score = min(h.score, top) * 0.99
        return RetrievalResult(overall.hits + extra, overall.dense_ok, overall.query_vector)


def _with_leaders(hits: list[ScoredChunk], k: int, rankings: list[list[tuple[str, float]]]) -> list[ScoredChunk]:
    """The best ``k`` fused hits, and after them each ranking's first chunk when the fusion left it out: a
    chunk one side ranks first and the other misses (a word the embedder does not weigh, a paraphrase the
    keywords miss) loses a fusion of ranks to chunks both rank middling, yet it is one side's best answer."""
    top = hits[:k]
    ids = {h.chunk.id for h in top}
    leaders = {ranking[0][0] for ranking in rankings if ranking}
    return top + [h for h in hits[k:] if h.chunk.id in leaders and h.chunk.id not in ids]


def fuse(
    keyword: list[tuple[str, float]],
    dense: list[tuple[str, float]],
    mode: FusionMode,
    keyword_weight: float = 0.5,
    rrf_k: int = RRF_K,
) -> dict[str, float]:
    """Fused scores by chunk id: reciprocal rank, or max-normalised scores weighted keyword/dense."""
    fused: dict[str, float] = {}
    if mode == "rrf":
        for ranking in (keyword, dense):
            for rank, (chunk_id, _) in enumerate(ranking):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (rrf_k + rank + 1)
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


def node_citation(node: BaseNode) -> Citation:
    """The citation a retrieved node carries: its metadata, with the node's text (verbatim) as the quote."""
    m = node.metadata
    return Citation(
        doc_no=m["doc_no"],
        title=m["title"],
        doc_number=m["doc_number"],
        section=m["section"],
        printed_page=m["printed_page"],
        ebook_page=m["ebook_page"],
        quote=node.get_content(),
        validity=m.get("validity", "unknown"),
    )


def _chunk_doc_numbers(version: IndexVersion) -> dict[str, int]:
    return {c.doc_number: c.doc_no for c in version.chunks if c.doc_number}
