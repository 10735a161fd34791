"""The corpus as the rest of the system sees it: every document, page and clause, with lookups."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from corpus.compilation import parse_compilation
from corpus.loaders import AddedDocument, load_added
from corpus.models import Clause, Page, PolicyDocument, TextStatus, TocEntry
from corpus.source import Source

DEFAULT_SOURCE = Path(__file__).parent / "sources" / "000_c1c9d4e5d2ca7933.txt"


class Corpus:
    """Documents of the compilation plus any added later, with their pages and clauses."""

    def __init__(self, toc: list[TocEntry], documents: list[PolicyDocument], sources: dict[str, Source]):
        self.toc = toc
        self.documents = {d.doc_no: d for d in documents}
        self.sources = sources
        self.toc_text = ""

    @classmethod
    def load(cls, compilation: Path = DEFAULT_SOURCE, added_dir: Path | None = None) -> Corpus:
        """Parse the compilation and, when ``added_dir`` holds a manifest, the documents added to it."""
        parsed = parse_compilation(compilation)
        corpus = cls(parsed.toc, parsed.documents, {parsed.source.name: parsed.source})
        corpus.toc_text = parsed.toc_text
        if added_dir is not None:
            for added in load_added(added_dir):
                corpus.add(added)
        return corpus

    def add(self, added: AddedDocument) -> None:
        self.sources[added.source.name] = added.source
        self.documents[added.document.doc_no] = added.document

    def next_doc_no(self) -> int:
        return max(self.documents, default=0) + 1

    def document(self, doc_no: int) -> PolicyDocument | None:
        return self.documents.get(doc_no)

    def by_doc_number(self, doc_number: str) -> PolicyDocument | None:
        return next((d for d in self.documents.values() if d.doc_number == doc_number), None)

    def with_text(self) -> list[PolicyDocument]:
        return [d for d in self.documents.values() if d.has_text]

    def clauses(self) -> list[Clause]:
        return [c for d in self.documents.values() for c in d.clauses]

    def source_of(self, doc: PolicyDocument) -> Source:
        return self.sources[doc.source]

    def page(self, doc_no: int, printed_page: int) -> Page | None:
        """A page of a document's source by printed number (only pages the document's text covers)."""
        doc = self.documents.get(doc_no)
        if doc is None or not doc.has_text or printed_page not in doc.printed_pages:
            return None
        return self.source_of(doc).printed_page(printed_page)

    def clause_pages(self, clause: Clause) -> list[Page]:
        doc = self.documents[clause.doc_no]
        return self.source_of(doc).pages_between(clause.start, clause.end)

    def stats(self, as_of: date | None = None) -> dict[str, object]:
        docs = list(self.documents.values())
        compiled = [d for d in docs if d.source == DEFAULT_SOURCE.name]
        printed = {p.printed_page for d in compiled for p in self.sources[d.source].pages} if compiled else set()
        stats: dict[str, object] = {
            "documents": len(docs),
            "with_text": sum(d.has_text for d in docs),
            "partial": [d.doc_no for d in docs if d.text_status is TextStatus.PARTIAL],
            "toc_only": sum(d.text_status is TextStatus.TOC_ONLY for d in docs),
            "printed_pages": len(printed),
            "clauses": sum(len(d.clauses) for d in docs),
        }
        if as_of is not None:
            stats["validity"] = {str(d.doc_no): d.status(as_of).value for d in docs}
        return stats
