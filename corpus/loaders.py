"""Loaders for documents added after the compilation: text and scanned PDF, images, Word, web pages, TXT/MD.

Each file becomes pages (``RawPage``: text, the page's own printed number, OCR confidence) and then
the same PolicyDocument -> Page -> Clause structure as the compilation. The pages read from a file
are cached beside it (keyed by its SHA-256), so a file is parsed once, not at every Corpus.load.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from corpus.clauses import split_clauses
from corpus.doc_numbers import DocNumberError, issuer_of, parse_doc_number, year_of
from corpus.errors import EmptyDocument, LoadError, UnsupportedFile
from corpus.layout import RawPage
from corpus.limits import DEFAULT_LIMITS, ParseLimits
from corpus.metadata import read_metadata
from corpus.models import DocumentDates, Page, PolicyDocument, TextStatus
from corpus.source import Source

__all__ = ["AddedDocument", "DocumentMeta", "LoadError", "build_document", "load_added", "load_file", "read_pages"]

_FORM_FEED = "\f"
_CACHE_VERSION = 1


@dataclass
class DocumentMeta:
    """What the caller knows of a new document; anything left empty is read from the text."""

    title: str = ""
    doc_number: str = ""
    issuer: str = ""
    effective_from: date | None = None
    expires_on: date | None = None


@dataclass
class AddedDocument:
    document: PolicyDocument
    source: Source
    pages: list[RawPage] = field(default_factory=list)  # as read, with OCR confidence


def load_file(
    path: Path, doc_no: int, meta: DocumentMeta | None = None, limits: ParseLimits = DEFAULT_LIMITS
) -> AddedDocument:
    """Load a supported file as a document numbered ``doc_no`` (pages parsed once, then cached)."""
    pages, title = read_pages(path, limits)
    return build_document(path.name, pages, doc_no, meta or DocumentMeta(), fallback_title=title)


def read_pages(path: Path, limits: ParseLimits = DEFAULT_LIMITS) -> tuple[list[RawPage], str]:
    """(pages, a title the file format carries, e.g. an HTML <title>) from the cache or the file."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    cache = cache_path(path)
    if cache.exists():
        try:
            cached = json.loads(cache.read_text(encoding="utf-8"))
            if cached.get("sha256") == digest and cached.get("version") == _CACHE_VERSION:
                return [RawPage.model_validate(p) for p in cached["pages"]], cached.get("title", "")
        except (OSError, ValueError):
            pass  # a damaged cache is parsed again
    pages, title = _parse(path, limits)
    record = {"version": _CACHE_VERSION, "sha256": digest, "title": title, "pages": [p.model_dump() for p in pages]}
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cache)
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only directory: parse again next time
    return pages, title


def cache_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.pages.json")


def _parse(path: Path, limits: ParseLimits) -> tuple[list[RawPage], str]:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from corpus.pdf import read_pdf

        return read_pdf(path, limits), ""
    if suffix in {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}:
        from corpus.pdf import image_pages

        return image_pages(path, limits), ""
    if suffix == ".docx":
        from corpus.word import read_docx

        return read_docx(path), ""
    if suffix in {".html", ".htm"}:
        from corpus.webpage import read_html

        return read_html(path)
    if suffix in {".txt", ".md", ".markdown"}:
        try:
            raw = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnsupportedFile(f"{path.name} is not UTF-8 text: {exc}") from exc
        # a text file has one page unless it marks page breaks with form feeds
        return [RawPage(text=_clean(t)) for t in raw.split(_FORM_FEED)], ""
    raise UnsupportedFile(f"{path.name}: only PDF, Word (.docx), HTML, image scans, TXT and Markdown can be added")


def _clean(raw: str) -> str:
    return "\n".join(line.strip() for line in raw.strip().splitlines() if line.strip())


def build_document(
    name: str, raw_pages: list[RawPage], doc_no: int, meta: DocumentMeta, fallback_title: str = ""
) -> AddedDocument:
    """Pages (numbered by their own printed numbers when consistent), clauses, 文号, title and dates."""
    numbers = _printed_numbers(raw_pages)
    pages: list[Page] = []
    offset = 0
    for index, (raw, printed) in enumerate(zip(raw_pages, numbers, strict=True), start=1):
        text = _clean(raw.text)
        pages.append(Page(ebook_page=index, printed_page=printed, text=text, start=offset))
        offset += len(text) + 1
    body = "\n".join(p.text for p in pages)
    if not body.strip():
        raise EmptyDocument(f"{name} has no text")
    source = Source(name=name, body=body, pages=pages)
    read = read_metadata(body)
    try:
        doc_number = parse_doc_number(meta.doc_number) if meta.doc_number.strip() else read.doc_number
    except DocNumberError as exc:
        raise LoadError(str(exc)) from exc
    dates = read.dates
    if meta.effective_from or meta.expires_on:
        dates = DocumentDates(
            effective_from=meta.effective_from or dates.effective_from,
            expires_on=meta.expires_on or dates.expires_on,
            statement=dates.statement,
        )
    document = PolicyDocument(
        doc_no=doc_no,
        title=meta.title.strip() or read.title or fallback_title or Path(name).stem,
        doc_number=doc_number,
        issuer=meta.issuer.strip() or issuer_of(doc_number),
        year=year_of(doc_number) if doc_number else None,
        printed_start_page=next((p.printed_page for p in pages if p.text), 1),
        text_status=TextStatus.FULL,
        source=name,
        start=0,
        end=len(body),
        printed_pages=[p.printed_page for p in pages if p.text],
        ebook_pages=[p.ebook_page for p in pages if p.text],
        clauses=split_clauses(doc_no, body[read.text_start :], read.text_start, pages),
        dates=dates,
    )
    return AddedDocument(document=document, source=source, pages=raw_pages)


def _printed_numbers(pages: list[RawPage]) -> list[int]:
    """Each page's printed number: its own, filled in from its neighbours; the file's numbering when inconsistent."""
    known = [(i, p.printed_page) for i, p in enumerate(pages) if p.printed_page is not None]
    fallback = list(range(1, len(pages) + 1))
    if not known:
        return fallback
    first_index, first_number = known[0]
    numbers = [first_number + (i - first_index) for i in range(len(pages))]
    consistent = all(numbers[i] == n for i, n in known)
    return numbers if consistent and numbers[0] >= 0 else fallback


def load_added(added_dir: Path, limits: ParseLimits = DEFAULT_LIMITS) -> list[AddedDocument]:
    """Documents recorded in ``added_dir/manifest.json``, in the order added (pages from their caches)."""
    added = []
    for entry in read_manifest(added_dir):
        meta = DocumentMeta(
            title=entry.get("title", ""),
            doc_number=entry.get("doc_number", ""),
            issuer=entry.get("issuer", ""),
            effective_from=date.fromisoformat(entry["effective_from"]) if entry.get("effective_from") else None,
            expires_on=date.fromisoformat(entry["expires_on"]) if entry.get("expires_on") else None,
        )
        added.append(load_file(added_dir / entry["file"], int(entry["doc_no"]), meta, limits))
    return added


def read_manifest(added_dir: Path) -> list[dict[str, Any]]:
    manifest = added_dir / "manifest.json"
    if not manifest.exists():
        return []
    entries: list[dict[str, Any]] = json.loads(manifest.read_text(encoding="utf-8"))
    return entries
