"""Citations: built from body offsets, and verified verbatim against the page text before use."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from corpus.library import Corpus
from corpus.models import Page, PolicyDocument
from corpus.text import compact
from service.answering.evidence import Sentence
from service.models import Citation


def citation_for(
    corpus: Corpus, sentence: Sentence, as_of: date, weigh: Callable[[str], float] | None = None
) -> Citation:
    """The citation of a sentence: its document, section, and its page. A quote that runs across a page break is
    cited on the page whose part of it ``weigh`` rates highest (how much of the question it holds: "…政府质量奖的
    单位,分别给予…;新获得国家、| 省、市、区政府质量奖提名的单位,分别给予…" asked about 提名 is the second page's),
    else, or when the parts rate the same, on the page that holds most of it."""
    chunk = sentence.chunk
    doc = corpus.documents[chunk.doc_no]
    source = corpus.source_of(doc)
    pages = source.pages_between(sentence.start, sentence.end) or [source.page_at(sentence.start)]

    def part(p: Page) -> str:
        return source.body[max(p.start, sentence.start) : min(p.end, sentence.end)]

    page = max(pages, key=lambda p: (weigh(part(p)) if weigh and len(pages) > 1 else 0.0, len(part(p))))
    return Citation(
        doc_no=doc.doc_no,
        title=doc.title,
        doc_number=doc.doc_number,
        section=chunk.section,
        printed_page=page.printed_page,
        ebook_page=page.ebook_page,
        quote=display_quote(sentence.text),
        validity=doc.status(as_of).value,
    )


# a line that opens with the last character or two of a word and then a comma: the word began on the line before
_WORD_TAIL = re.compile(r"[\u4e00-\u9fff]{1,2}[,,、;;]")


def display_quote(text: str) -> str:
    """Quote text with the scrape's line breaks undone: a space after a heading or a sentence end,
    nothing where a page break cut a sentence in two (whitespace is ignored when quotes are verified)."""
    lines = text.split("\n")
    out = lines[0]
    for line in lines[1:]:
        previous = out.rsplit(" ", 1)[-1]
        joiner = " " if out.endswith(tuple("。;;::!?)」”")) or len(previous) <= 20 else ""
        if _WORD_TAIL.match(line):
            joiner = ""  # "…的合\n作,吸引…": the line goes on with the end of a word, not a new heading or sentence
        out = f"{out}{joiner}{line}"
    return out


def toc_citation(corpus: Corpus, doc: PolicyDocument, as_of: date) -> Citation:
    """A document known only from the table of contents, cited by its TOC line and start page."""
    return Citation(
        doc_no=doc.doc_no,
        title=doc.title,
        doc_number=doc.doc_number,
        section="目录",
        printed_page=doc.printed_start_page or 0,
        ebook_page=_toc_ebook_page(corpus, doc),
        quote=doc.title,
        validity=doc.status(as_of).value,
    )


def _toc_ebook_page(corpus: Corpus, doc: PolicyDocument) -> int:
    entry = next((e for e in corpus.toc if e.doc_no == doc.doc_no), None)
    return entry.ebook_page or 0 if entry is not None else 0


def verify(corpus: Corpus, citation: Citation) -> bool:
    """True when the quote stands on its printed page (or runs across into the next/previous page)."""
    quote = compact(citation.quote)
    if len(quote) < 4:
        return False
    doc = corpus.documents.get(citation.doc_no)
    if doc is None:
        return False
    if citation.section == "目录":
        return quote in compact(corpus.toc_text)
    page = corpus.page(citation.doc_no, citation.printed_page)
    if page is None:
        return False
    here = compact(page.text)
    if quote in here:
        return True
    source = corpus.source_of(doc)
    before = source.printed_page(citation.printed_page - 1)
    after = source.printed_page(citation.printed_page + 1)
    return any(
        quote in joined
        for joined in (
            here + compact(after.text) if after else "",
            compact(before.text) + here if before else "",
        )
    )


def verified(corpus: Corpus, citations: list[Citation]) -> tuple[list[Citation], int]:
    """The citations that pass verification, and how many were dropped."""
    kept = [c for c in citations if verify(corpus, c)]
    return kept, len(citations) - len(kept)
