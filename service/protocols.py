"""What the HTTP layer, the UI server and the evals need from the question-answering core."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from corpus.library import Corpus
from corpus.loaders import DocumentMeta
from corpus.models import PolicyDocument
from service.models import Answer, SearchHit, Turn


class PolicyQA(Protocol):
    """The core built by the composition root (service.container.build_policyqa)."""

    @property
    def corpus(self) -> Corpus:
        """The compilation (with added documents) of the index version being served."""
        ...

    def ask(self, question: str, history: list[Turn] | None = None) -> Answer:
        """Answer a question (with earlier turns for follow-ups), citing verified quotes."""
        ...

    def search(
        self, query: str, *, doc_no: int | None = None, in_force_only: bool = False, limit: int = 10
    ) -> list[SearchHit]:
        """Ranked clauses for help-desk lookup."""
        ...

    def ready(self) -> tuple[bool, dict[str, str]]:
        """Whether the index is loaded and the vector store reachable, with a detail per component."""
        ...

    def add_document(self, path: Path, meta: DocumentMeta) -> PolicyDocument:
        """Index one new file (PDF, scan, .docx, HTML, TXT/MD); raises corpus.errors.LoadError on bad files."""
        ...

    def rebuild(self) -> dict[str, object]:
        """Rebuild the whole index as a new version and switch to it; returns build stats."""
        ...
