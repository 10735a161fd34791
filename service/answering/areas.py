"""Which document of the compilation a question is about: its policy area, by dense similarity.

Each document of the table of contents (with text or only listed) is described by its title and the
everyday vocabulary of its policy area: the topics lexicon's words whose corpus wording is in the title
(楼宇经济 <- 写字楼, 业主; 融资 <- 贷款, 风险补偿). The question's own dense vector (the one retrieval
searched with) is compared with every description; the margin of the best listed-only document over the
best document with text is a signal of the verdict: a question about an area only a listed document
covers is answered by naming that document (toc_only), however close some loaded clause comes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from llama_index.core.embeddings import BaseEmbedding

from corpus.library import Corpus
from corpus.models import PolicyDocument, TextStatus
from service.answering import lexicon
from service.answering.evidence import loose

log = logging.getLogger(__name__)

MAX_AREA_WORDS = 60  # words of a description after the title (e5-small reads 512 tokens)


@dataclass
class AreaMatch:
    doc: PolicyDocument  # the listed-only document closest to the question
    margin: float  # its similarity minus the best similarity of a document with text


def description(doc: PolicyDocument) -> str:
    """A document's title and the topics lexicon's everyday words of its area."""
    title = loose(doc.title)
    words = [key for key, targets in lexicon.topics().entries.items() if any(loose(t) in title for t in targets)]
    return doc.title + ":" + "、".join(words[:MAX_AREA_WORDS])


# description vectors by (embedder, text): a reload (a new index version, an added document) embeds only
# the descriptions it has not seen; 31 of them take about 3 s on a shared core
_VECTORS: dict[tuple[str, str], list[float]] = {}


def _embedded(embed_model: BaseEmbedding, texts: list[str]) -> list[list[float]]:
    model = f"{type(embed_model).__name__}:{getattr(embed_model, 'model_name', '')}"
    missing = [t for t in dict.fromkeys(texts) if (model, t) not in _VECTORS]
    if missing:
        for text, vector in zip(missing, embed_model.get_text_embedding_batch(missing), strict=True):
            _VECTORS[(model, text)] = vector
    return [_VECTORS[(model, t)] for t in texts]


class DocumentAreas:
    """Description vectors of every document of one corpus (built once per reload)."""

    def __init__(self, corpus: Corpus, embed_model: BaseEmbedding) -> None:
        docs = list(corpus.documents.values())
        self.docs: list[PolicyDocument] = []
        self.matrix: np.ndarray | None = None
        if not any(d.text_status is TextStatus.TOC_ONLY for d in docs) or len(docs) < 2:
            return
        try:
            vectors = np.asarray(_embedded(embed_model, [description(d) for d in docs]), dtype=float)
        except Exception as exc:  # the verdict then goes without this signal, as with keyword-only retrieval
            log.warning("document areas not embedded: %s: %s", type(exc).__name__, exc)
            return
        self.docs = docs
        self.matrix = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        self._listed = np.array([d.text_status is TextStatus.TOC_ONLY for d in docs])

    def match(self, vector: list[float] | None) -> AreaMatch | None:
        """The listed-only document closest to the question, with its margin (None without vectors)."""
        if self.matrix is None or vector is None:
            return None
        q = np.asarray(vector, dtype=float)
        if q.shape[0] != self.matrix.shape[1]:
            return None
        sims = self.matrix @ (q / (np.linalg.norm(q) or 1.0))
        listed = np.where(self._listed, sims, -np.inf)
        loaded = np.where(self._listed, -np.inf, sims)
        best = int(np.argmax(listed))
        return AreaMatch(self.docs[best], float(listed[best] - loaded.max()))
