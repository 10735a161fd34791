"""GET /api/documents...: the documents, their metadata, validity, clause outline and page text."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, BeforeValidator, Field

from corpus.models import PolicyDocument
from service.api.deps import QADep, SettingsDep
from service.errors import ApiError
from service.protocols import PolicyQA

router = APIRouter(prefix="/api/documents", tags=["documents"])


def _plain_number(value: object) -> object:
    """Digits only: int() would read "1_0" as 10 and " 2" as 2, so a mistyped link would open another document."""
    if isinstance(value, str) and not re.fullmatch(r"-?[0-9]+", value):
        raise ValueError("must be a plain number (digits only)")
    return value


PlainNumber = Annotated[int, BeforeValidator(_plain_number)]


class DocumentSummaryPublic(BaseModel):
    doc_no: int
    title: str
    doc_number: str = Field(description="文号")
    issuer: str
    year: int | None
    printed_start_page: int | None = Field(description="Printed start page as the table of contents gives it.")
    text_status: str = Field(description="full | partial | toc_only (listed in the contents, text not held).")
    validity: str = Field(description="in_force | expired | not_yet_in_force | unknown, as of `as_of`.")
    effective_from: date | None
    expires_on: date | None


class DocumentListPublic(BaseModel):
    as_of: date
    documents: list[DocumentSummaryPublic]


class ClausePublic(BaseModel):
    level: int = Field(description="0 preamble, 1 第X章, 2 一、, 3 (一), 4 1., 5 (1).")
    marker: str
    heading: str
    section: str = Field(description="Headings of the enclosing clauses and this one, joined by ' > '.")
    printed_pages: list[int]
    ebook_pages: list[int]


class DocumentPublic(DocumentSummaryPublic):
    as_of: date
    validity_statement: str = Field(description="The sentence that states the dates, verbatim.")
    text_ends_at: str = Field(description="For a partial document: where its text stops.")
    printed_pages: list[int]
    ebook_pages: list[int]
    outline: list[ClausePublic]


class PagePublic(BaseModel):
    doc_no: int
    title: str
    doc_number: str
    printed_page: int
    ebook_page: int
    text: str = Field(description="The page's text (a page may also hold the end or start of a neighbour).")


@router.get("", response_model=DocumentListPublic, summary="Every document, with its validity today")
def list_documents(qa: QADep, settings: SettingsDep) -> DocumentListPublic:
    today = settings.today()
    docs = sorted(qa.corpus.documents.values(), key=lambda d: d.doc_no)
    return DocumentListPublic(as_of=today, documents=[summary(d, today) for d in docs])


@router.get("/{doc_no}", response_model=DocumentPublic, summary="A document's metadata, dates and clause outline")
def get_document(doc_no: PlainNumber, qa: QADep, settings: SettingsDep) -> DocumentPublic:
    doc = qa.corpus.document(doc_no)
    if doc is None:
        raise unknown_document(doc_no, qa)
    return document_public(doc, settings.today())


@router.get("/{doc_no}/pages/{printed_page}", response_model=PagePublic, summary="The text of a printed page")
def get_page(doc_no: PlainNumber, printed_page: PlainNumber, qa: QADep) -> PagePublic:
    doc = qa.corpus.document(doc_no)
    if doc is None:
        raise unknown_document(doc_no, qa)
    if not doc.has_text:
        raise ApiError(
            404,
            "text_not_held",
            f"document {doc_no} 《{doc.title}》({doc.doc_number}) is listed in the table of contents "
            f"(printed page {doc.printed_start_page}) but its text is not in the compilation",
        )
    page = qa.corpus.page(doc_no, printed_page)
    if page is None:
        pages = doc.printed_pages
        held = f"printed pages {pages[0]}-{pages[-1]}" if pages else "no pages"
        raise ApiError(404, "page_not_found", f"document {doc_no} covers {held}; page {printed_page} is not among them")
    return PagePublic(
        doc_no=doc_no,
        title=doc.title,
        doc_number=doc.doc_number,
        printed_page=page.printed_page,
        ebook_page=page.ebook_page,
        text=page.text,
    )


def unknown_document(doc_no: int, qa: PolicyQA) -> ApiError:
    numbers = sorted(qa.corpus.documents)
    span = f"{numbers[0]}-{numbers[-1]}" if numbers else "none"
    return ApiError(
        404, "document_not_found", f"no document {doc_no}; documents are numbered {span} (GET /api/documents)"
    )


def summary(doc: PolicyDocument, today: date) -> DocumentSummaryPublic:
    return DocumentSummaryPublic(
        doc_no=doc.doc_no,
        title=doc.title,
        doc_number=doc.doc_number,
        issuer=doc.issuer,
        year=doc.year,
        printed_start_page=doc.printed_start_page,
        text_status=doc.text_status.value,
        validity=doc.status(today).value,
        effective_from=doc.dates.effective_from,
        expires_on=doc.dates.expires_on,
    )


def document_public(doc: PolicyDocument, today: date) -> DocumentPublic:
    return DocumentPublic(
        **summary(doc, today).model_dump(),
        as_of=today,
        validity_statement=doc.dates.statement,
        text_ends_at=doc.text_ends_at,
        printed_pages=doc.printed_pages,
        ebook_pages=doc.ebook_pages,
        outline=[
            ClausePublic(
                level=c.level,
                marker=c.marker,
                heading=c.heading,
                section=c.section_path,
                printed_pages=c.printed_pages,
                ebook_pages=c.ebook_pages,
            )
            for c in doc.clauses
        ],
    )
