"""Domain types of answers and search hits: the HTTP contract's shapes, with no FastAPI in them."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class AnswerStatus(StrEnum):
    ANSWERED = "answered"
    TOC_ONLY = "toc_only"
    NOT_FOUND = "not_found"


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class Citation(BaseModel):
    """One cited passage: where it stands (document, section, printed and e-book page) and its words."""

    doc_no: int
    title: str
    doc_number: str = Field(description="文号, e.g. 区办〔2023〕12号.")
    section: str = Field(description="Section path of the clause, e.g. 三、支持政策 > (五)租房购房补助.")
    printed_page: int
    ebook_page: int
    quote: str = Field(description="Exact text from that page (whitespace aside).")
    validity: str = Field(default="unknown", description="in_force | expired | not_yet_in_force | unknown.")


class Answer(BaseModel):
    answer: str
    status: AnswerStatus
    citations: list[Citation] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    rewritten_query: str | None = Field(
        default=None, description="The question as retrieved, after follow-up rewriting."
    )


class SearchHit(BaseModel):
    """A ranked clause for help-desk lookup, with the same citation fields as an answer."""

    citation: Citation
    text: str = Field(description="The chunk's text.")
    score: float
    validity: str
