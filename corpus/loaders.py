"""Loaders for documents added after the compilation: PDF (page = PDF page) and plain text/Markdown."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from corpus.clauses import split_clauses
from corpus.dates import extract_dates
from corpus.doc_numbers import find_doc_numbers, issuer_of, year_of
from corpus.models import DocumentDates, Page, PolicyDocument, TextStatus
from corpus.source import Source

_FORM_FEED = "\f"
_TITLE_HINT = re.compile(r"(意见|办法|政策|通知|规定|细则|方案)")


class LoadError(ValueError):
    """A file that cannot be read as a policy document (not a PDF, no text, unreadable)."""


@dataclass
class DocumentMeta:
    """What the caller knows of a new document; anything left empty is looked for in the text."""

    title: str = ""
    doc_number: str = ""
    effective_from: date | None = None
    expires_on: date | None = None


@dataclass
class AddedDocument:
    document: PolicyDocument
    source: Source


def load_file(path: Path, doc_no: int, meta: DocumentMeta | None = None) -> AddedDocument:
    """Load a PDF, TXT or Markdown file as a document numbered ``doc_no``."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        texts = read_pdf_pages(path)
    elif suffix in {".txt", ".md", ".markdown"}:
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError(f"{path.name} is not UTF-8 text: {exc}") from exc
        # a text file has one page unless it marks page breaks with form feeds
        texts = raw.split(_FORM_FEED)
    else:
        raise LoadError(f"{path.name}: only PDF, TXT and Markdown files can be added")
    return build_document(path.name, texts, doc_no, meta or DocumentMeta())


def read_pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if path.read_bytes()[:5] != b"%PDF-":
        raise LoadError(f"{path.name} is not a PDF (its content does not start with %PDF-)")
    try:
        reader = PdfReader(path)
        return [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise LoadError(f"{path.name} could not be read as a PDF: {exc}") from exc


def build_document(name: str, page_texts: list[str], doc_no: int, meta: DocumentMeta) -> AddedDocument:
    """Pages numbered from 1 (printed = e-book = file page), clauses, 文号 and dates."""
    pages: list[Page] = []
    offset = 0
    for number, raw in enumerate(page_texts, start=1):
        text = "\n".join(line.strip() for line in raw.strip().splitlines() if line.strip())
        pages.append(Page(ebook_page=number, printed_page=number, text=text, start=offset))
        offset += len(text) + 1
    body = "\n".join(p.text for p in pages)
    if not body.strip():
        raise LoadError(f"{name} has no extractable text (a scanned PDF needs OCR first)")
    source = Source(name=name, body=body, pages=pages)
    doc_number = meta.doc_number or next(iter(find_doc_numbers(body[:500])), "")
    title = meta.title or _guess_title(body) or Path(name).stem
    dates = extract_dates(body)
    if meta.effective_from or meta.expires_on:
        dates = DocumentDates(
            effective_from=meta.effective_from or dates.effective_from,
            expires_on=meta.expires_on or dates.expires_on,
            statement=dates.statement,
        )
    document = PolicyDocument(
        doc_no=doc_no,
        title=title,
        doc_number=doc_number,
        issuer=issuer_of(doc_number) if doc_number else "",
        year=year_of(doc_number) if doc_number else None,
        printed_start_page=1,
        text_status=TextStatus.FULL,
        source=name,
        start=0,
        end=len(body),
        printed_pages=[p.printed_page for p in pages if p.text],
        ebook_pages=[p.ebook_page for p in pages if p.text],
        clauses=split_clauses(doc_no, body, 0, pages),
        dates=dates,
    )
    return AddedDocument(document=document, source=source)


def _guess_title(body: str) -> str:
    for line in body.splitlines()[:5]:
        line = line.strip().lstrip("#").strip()
        if 4 <= len(line) <= 80 and _TITLE_HINT.search(line):
            return line
    return ""


def load_added(added_dir: Path) -> list[AddedDocument]:
    """Documents recorded in ``added_dir/manifest.json`` by ``index add``, in the order added."""
    manifest = added_dir / "manifest.json"
    if not manifest.exists():
        return []
    added = []
    for entry in json.loads(manifest.read_text(encoding="utf-8")):
        meta = DocumentMeta(
            title=entry.get("title", ""),
            doc_number=entry.get("doc_number", ""),
            effective_from=date.fromisoformat(entry["effective_from"]) if entry.get("effective_from") else None,
            expires_on=date.fromisoformat(entry["expires_on"]) if entry.get("expires_on") else None,
        )
        added.append(load_file(added_dir / entry["file"], int(entry["doc_no"]), meta))
    return added
