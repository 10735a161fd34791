"""Domain types of the policy compilation: documents, pages, clauses and table-of-contents entries."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field


class TextStatus(StrEnum):
    """How much of a document's text the corpus holds."""

    FULL = "full"
    PARTIAL = "partial"
    TOC_ONLY = "toc_only"


class Validity(StrEnum):
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    NOT_YET = "not_yet_in_force"
    UNKNOWN = "unknown"


class TocEntry(BaseModel):
    """One line of the compilation's table of contents."""

    doc_no: int = Field(description="Number in the table of contents (1-31).")
    title: str
    doc_number: str = Field(description="文号, normalised without spaces, e.g. 区办〔2023〕12号.")
    issuer: str = Field(description="Issuer prefix of the 文号, e.g. 区办, 杭高新.")
    year: int
    printed_page: int = Field(description="Printed start page as the TOC gives it.")
    ebook_page: int | None = Field(default=None, description="E-book page on which this TOC line is printed.")


class Page(BaseModel):
    """One page of a source: its e-book and printed numbers and its text."""

    ebook_page: int
    printed_page: int
    text: str
    start: int = Field(description="Offset of the page's first character in the source body text.")

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Clause(BaseModel):
    """A numbered unit of a document (chapter, section, subsection, item) with its location."""

    doc_no: int
    level: int = Field(description="0 preamble, 1 第X章, 2 一、, 3 (一), 4 1., 5 (1).")
    marker: str = Field(description="The numbering as printed, e.g. 三、 or (五) or 12.")
    heading: str = Field(description="The clause's first phrase (its title where it has one).")
    path: list[str] = Field(description="Headings of the enclosing clauses and this one.")
    text: str = Field(description="The clause's own text, without its sub-clauses.")
    start: int = Field(description="Offset of the clause in the source body text.")
    end: int
    printed_pages: list[int]
    ebook_pages: list[int]

    @property
    def section_path(self) -> str:
        return " > ".join(self.path)


class DocumentDates(BaseModel):
    """Validity period as stated in a document's closing clauses."""

    effective_from: date | None = None
    expires_on: date | None = Field(default=None, description="Last day the policy applies.")
    statement: str = Field(default="", description="The sentence that states the dates, verbatim.")

    def status(self, as_of: date) -> Validity:
        if self.effective_from is None and self.expires_on is None:
            return Validity.UNKNOWN
        if self.effective_from is not None and as_of < self.effective_from:
            return Validity.NOT_YET
        if self.expires_on is not None and as_of > self.expires_on:
            return Validity.EXPIRED
        return Validity.IN_FORCE  # within its period, or in force since a known date with no stated end


class PolicyDocument(BaseModel):
    """A policy document: metadata from the TOC or the caller, and its text as pages and clauses."""

    doc_no: int
    title: str
    doc_number: str
    issuer: str = ""
    year: int | None = None
    printed_start_page: int | None = None
    text_status: TextStatus = TextStatus.FULL
    source: str = Field(default="", description="File the text came from.")
    start: int = Field(default=0, description="Offset of the document in its source body text.")
    end: int = 0
    printed_pages: list[int] = Field(default_factory=list)
    ebook_pages: list[int] = Field(default_factory=list)
    clauses: list[Clause] = Field(default_factory=list)
    dates: DocumentDates = Field(default_factory=DocumentDates)
    text_ends_at: str = Field(default="", description="For a partial document: where its text stops.")

    def status(self, as_of: date) -> Validity:
        return self.dates.status(as_of)

    @property
    def has_text(self) -> bool:
        return self.text_status is not TextStatus.TOC_ONLY
