"""Clauses -> chunks: one per item-level clause, long clauses split at sentence ends with overlap."""

from __future__ import annotations

import hashlib
import re

from pydantic import BaseModel, Field

from corpus.library import Corpus
from corpus.models import Clause, PolicyDocument

MAX_CHARS = 360
LIST_MAX_CHARS = 480  # a whole short list (a clause with its items) is kept as one more chunk
_SENTENCE_END = re.compile(r"(?<=[。;;])")


class Chunk(BaseModel):
    """A retrievable passage with everything a citation needs, located by body offsets."""

    id: str
    doc_no: int
    title: str
    doc_number: str
    section: str = Field(description="Section path of the clause the chunk comes from.")
    text: str = Field(description="The chunk's own words, verbatim from the source body.")
    start: int
    end: int
    printed_pages: list[int]
    ebook_pages: list[int]
    effective_from: str | None = None
    expires_on: str | None = None

    @property
    def indexed_text(self) -> str:
        """What is embedded and keyword-indexed: title and section path first, so either finds it."""
        return f"{self.title} {self.doc_number}\n{self.section}\n{self.text}"


def chunk_corpus(corpus: Corpus) -> list[Chunk]:
    chunks: list[Chunk] = []
    for doc in corpus.with_text():
        chunks.extend(chunk_document(corpus, doc))
    return chunks


def chunk_document(corpus: Corpus, doc: PolicyDocument) -> list[Chunk]:
    source = corpus.source_of(doc)
    chunks = []
    for i, clause in enumerate(doc.clauses):
        nxt = doc.clauses[i + 1] if i + 1 < len(doc.clauses) else None
        spans = [] if _heading_only(clause, nxt) else split_spans(source.body, clause.start, clause.end)
        # a short list (评审程序: 1. … 6. …) is also one chunk, so "which steps" finds all of it at once
        subtree_end = _subtree_end(doc.clauses, i)
        if subtree_end > clause.end and subtree_end - clause.start <= LIST_MAX_CHARS:
            spans.append((clause.start, subtree_end))
        for start, end in spans:
            pages = source.pages_between(start, end)
            digest = hashlib.sha1(f"{doc.source}:{doc.doc_no}:{start}:{end}".encode()).hexdigest()[:16]
            chunks.append(
                Chunk(
                    id=f"d{doc.doc_no}-{digest}",
                    doc_no=doc.doc_no,
                    title=doc.title,
                    doc_number=doc.doc_number,
                    section=clause.section_path,
                    text=source.body[start:end],
                    start=start,
                    end=end,
                    printed_pages=[p.printed_page for p in pages],
                    ebook_pages=[p.ebook_page for p in pages],
                    effective_from=doc.dates.effective_from.isoformat() if doc.dates.effective_from else None,
                    expires_on=doc.dates.expires_on.isoformat() if doc.dates.expires_on else None,
                )
            )
    return chunks


def _subtree_end(clauses: list[Clause], i: int) -> int:
    """End offset of clause ``i`` with all its sub-clauses."""
    end = clauses[i].end
    for clause in clauses[i + 1 :]:
        if clause.level <= clauses[i].level:
            break
        end = clause.end
    return end


def _heading_only(clause: Clause, nxt: Clause | None) -> bool:
    # a heading whose words are all in its children's section paths adds nothing as a chunk
    has_children = nxt is not None and nxt.level > clause.level
    return has_children and len(clause.text) <= len(clause.marker) + len(clause.heading) + 2


def split_spans(body: str, start: int, end: int, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """Split body[start:end] at sentence ends into spans of at most ``max_chars`` (a sentence overlaps)."""
    if end - start <= max_chars:
        return [(start, end)]
    sentences: list[tuple[int, int]] = []
    pos = start
    for piece in _SENTENCE_END.split(body[start:end]):
        if piece:
            sentences.append((pos, pos + len(piece)))
            pos += len(piece)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        j = i
        while j + 1 < len(sentences) and sentences[j + 1][1] - sentences[i][0] <= max_chars:
            j += 1
        spans.append((sentences[i][0], sentences[j][1]))
        if j + 1 >= len(sentences):
            break
        # overlap by one sentence unless that sentence alone fills the window
        i = j if j > i and sentences[j][1] - sentences[j][0] < max_chars // 2 else j + 1
    return [(s, e) for s, e in spans if body[s:e].strip()]
