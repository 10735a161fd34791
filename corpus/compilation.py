"""Parse the e-book scrape of the compilation: boilerplate, pages, table of contents, documents."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from corpus.clauses import split_clauses
from corpus.dates import extract_dates
from corpus.doc_numbers import DOC_NUMBER_RE, issuer_of, normalise_doc_number, year_of
from corpus.models import Clause, Page, PolicyDocument, TextStatus, TocEntry
from corpus.source import Source

_EBOOK_PAGE_RE = re.compile(r"^第(\d+)页$")
_PRINTED_PAGE_RE = re.compile(r"^-\s*(\d+)\s*-$")
_BOILERPLATE_RE = re.compile(r"\{\{.*?\}\}|\{[^{}]*\}\"?>|粉丝[::]?|\[展开\]|\[收起\]|^文本内容$|^x$|^目录(?=\d)")
_AD_MARKERS = ("云展网", "更多案例")
_TOC_ENTRY_RE = re.compile(
    r"(?P<no>\d{1,2})、(?P<title>.+?)[(（](?P<docnum>[^()（）]*?〔\s*\d{4}\s*〕\s*\d+\s*号)[)）]\s*\.*\s*-\s*(?P<page>\d+)\s*-"
)


def clean_line(line: str) -> str:
    """A scraped line without web boilerplate ({{…}} templates, 粉丝/关注, ads, 展开/收起)."""
    if any(marker in line for marker in _AD_MARKERS):
        return ""
    stripped = _BOILERPLATE_RE.sub("", line).strip()
    return "" if stripped in {"关注", "取消关注", "已关注", "'关注'", ""} else stripped


def read_pages(raw: str) -> tuple[list[Page], str, dict[int, str]]:
    """Split the scrape into pages by 第N页 markers; return content pages, their body and the TOC by e-book page."""
    pages: list[Page] = []
    toc_pages: dict[int, str] = {}
    ebook_page: int | None = None
    printed: int | None = None
    lines: list[str] = []
    body_parts: list[str] = []
    offset = 0

    def flush() -> None:
        nonlocal offset
        if ebook_page is None:
            return
        if printed is None:  # a page without a printed number: the table of contents
            toc_pages[ebook_page] = "".join(lines)
            return
        text = "\n".join(lines)
        pages.append(Page(ebook_page=ebook_page, printed_page=printed, text=text, start=offset))
        body_parts.append(text)
        offset += len(text) + 1  # the newline that joins pages in the body

    for raw_line in raw.splitlines():
        line = clean_line(raw_line)
        if (m := _EBOOK_PAGE_RE.match(line)) is not None:
            flush()
            ebook_page, printed, lines = int(m.group(1)), None, []
        elif printed is None and ebook_page is not None and (m := _PRINTED_PAGE_RE.match(line)):
            printed = int(m.group(1))
        elif line and ebook_page is not None:
            lines.append(line)
    flush()
    return pages, "\n".join(body_parts), toc_pages


def parse_toc(toc_text: str) -> list[TocEntry]:
    """Entries of the table of contents (目录) in the order printed."""
    entries = []
    for m in _TOC_ENTRY_RE.finditer(toc_text):
        doc_number = normalise_doc_number(m.group("docnum"))
        if doc_number is None:
            continue
        entries.append(
            TocEntry(
                doc_no=int(m.group("no")),
                title=m.group("title").strip(),
                doc_number=doc_number,
                issuer=issuer_of(doc_number),
                year=year_of(doc_number) or 0,
                printed_page=int(m.group("page")),
            )
        )
    return entries


class Compilation(NamedTuple):
    source: Source
    toc: list[TocEntry]
    toc_text: str  # the table of contents as scraped: toc_only quotes are verified against it
    documents: list[PolicyDocument]


def parse_compilation(path: Path) -> Compilation:
    """Parse the compilation scrape into its source pages, TOC and documents (with or without text)."""
    pages, body, toc_pages = read_pages(path.read_text(encoding="utf-8"))
    source = Source(name=path.name, body=body, pages=pages)
    toc = parse_toc("".join(toc_pages.values()))
    for entry in toc:  # the e-book page that prints the entry, for citing a document known only from the TOC
        entry.ebook_page = next((n for n, text in toc_pages.items() if entry.title in text), None)
    starts = _document_starts(body, toc)
    documents = []
    found = sorted(starts.items(), key=lambda kv: kv[1][0])
    for i, (doc_no, (start, text_start)) in enumerate(found):
        end = found[i + 1][1][0] if i + 1 < len(found) else len(body)
        documents.append(_document(toc[doc_no - 1], source, start, text_start, end, toc))
    loaded = {d.doc_no for d in documents}
    for entry in toc:
        if entry.doc_no not in loaded:
            documents.append(_toc_only(entry, path.name))
    documents.sort(key=lambda d: d.doc_no)
    return Compilation(source, toc, "\n".join(toc_pages.values()), documents)


def _document_starts(body: str, toc: list[TocEntry]) -> dict[int, tuple[int, int]]:
    """Where each TOC document's header (title then its 文号) is in the body: (header start, text start).

    A title alone is not enough: documents cite each other by title, the header carries the 文号.
    """
    starts: dict[int, tuple[int, int]] = {}
    for entry in toc:
        pos = body.find(entry.title)
        while pos >= 0:
            after_title = pos + len(entry.title)
            number = DOC_NUMBER_RE.match(body, after_title)
            if number is not None and normalise_doc_number(number.group()) == entry.doc_number:
                starts[entry.doc_no] = (pos, number.end())
                break
            pos = body.find(entry.title, pos + 1)
    return starts


def _document(
    entry: TocEntry, source: Source, start: int, text_start: int, end: int, toc: list[TocEntry]
) -> PolicyDocument:
    text = source.body[text_start:end]
    clauses = split_clauses(entry.doc_no, text, text_start, source.pages)
    spanned = source.pages_between(start, end)
    next_entry = next((e for e in toc if e.doc_no == entry.doc_no + 1), None)
    last_printed = spanned[-1].printed_page if spanned else entry.printed_page
    # the scrape stops at the last content page: a document running to the end of the body while
    # the TOC starts the next document later than the page after it is cut short
    partial = end == len(source.body) and next_entry is not None and next_entry.printed_page > last_printed + 1
    status = TextStatus.PARTIAL if partial else TextStatus.FULL
    return PolicyDocument(
        doc_no=entry.doc_no,
        title=entry.title,
        doc_number=entry.doc_number,
        issuer=entry.issuer,
        year=entry.year,
        printed_start_page=entry.printed_page,
        text_status=status,
        source=source.name,
        start=start,
        end=end,
        printed_pages=[p.printed_page for p in spanned],
        ebook_pages=[p.ebook_page for p in spanned],
        clauses=clauses,
        dates=extract_dates(text) if not partial else extract_dates(""),
        text_ends_at=_ends_at(clauses, last_printed, next_entry) if partial else "",
    )


def _ends_at(clauses: list[Clause], last_printed: int, next_entry: TocEntry | None) -> str:
    last = next((c for c in reversed(clauses) if c.level > 0), None)
    where = f"{last.marker}{last.heading}" if last else "正文开头"
    nxt = f",目录中下一份文件从第{next_entry.printed_page}页开始" if next_entry else ""
    return f"正文止于印刷页第{last_printed}页的 {where}{nxt};其后内容未收录。"


def _toc_only(entry: TocEntry, source_name: str) -> PolicyDocument:
    return PolicyDocument(
        doc_no=entry.doc_no,
        title=entry.title,
        doc_number=entry.doc_number,
        issuer=entry.issuer,
        year=entry.year,
        printed_start_page=entry.printed_page,
        text_status=TextStatus.TOC_ONLY,
        source=source_name,
    )
