"""Documents 2-5 re-made as the files they arrive as, read back by the loaders: the compilation's clauses.

The files are made here from the compilation's own text (roundtrip_support): a text PDF in the CJK
font with "- N -" page numbers, a .docx with page breaks, a government web page with menus around the
article, and (slow) page images wrapped as a scanned PDF.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from corpus.loaders import load_file
from corpus.text import compact, contains_verbatim
from evals.remade_documents import clause_tree, compiled, scanned_pdf, text_pdf, web_page, word_file

DOCS = [2, 3, 4, 5]


@pytest.mark.parametrize("doc_no", DOCS)
def test_text_pdf_gives_the_compilation_clause_tree_and_pages(tmp_path: Path, doc_no: int) -> None:
    doc, pages = compiled(doc_no)
    path = tmp_path / "policy.pdf"
    text_pdf(pages, path)
    loaded = load_file(path, doc_no=40).document
    assert clause_tree(loaded) == clause_tree(doc)
    assert loaded.printed_pages == doc.printed_pages, "page numbers are the pages' own printed numbers"
    assert (loaded.title, loaded.doc_number, loaded.issuer) == (doc.title, doc.doc_number, doc.issuer)
    assert (loaded.dates.effective_from, loaded.dates.expires_on) == (doc.dates.effective_from, doc.dates.expires_on)


@pytest.mark.parametrize("doc_no", DOCS)
def test_word_file_gives_the_same_clauses_page_by_page(tmp_path: Path, doc_no: int) -> None:
    doc, pages = compiled(doc_no)
    path = tmp_path / "policy.docx"
    word_file(pages, path)
    loaded = load_file(path, doc_no=40).document
    # Word has no printed numbers in the body: its pages are counted from 1
    file_page = {p.printed_page: i for i, p in enumerate(pages, start=1)}
    expected = [(*node[:3], tuple(file_page[p] for p in node[3])) for node in clause_tree(doc)]  # type: ignore[union-attr]
    assert clause_tree(loaded) == expected
    assert (loaded.title, loaded.doc_number) == (doc.title, doc.doc_number)


@pytest.mark.parametrize("doc_no", DOCS)
def test_web_page_gives_the_article_without_the_site_menus(tmp_path: Path, doc_no: int) -> None:
    doc, pages = compiled(doc_no)
    path = tmp_path / "policy.html"
    web_page(pages, doc.title, path)
    added = load_file(path, doc_no=40)
    assert clause_tree(added.document, with_pages=False) == clause_tree(doc, with_pages=False)
    assert (added.document.title, added.document.doc_number) == (doc.title, doc.doc_number)
    for boilerplate in ("网站地图", "请输入关键词", "浏览次数", "政策兑现服务指南", "浙ICP备"):
        assert boilerplate not in added.source.body


@pytest.mark.slow
def test_scanned_pdf_is_read_by_ocr(tmp_path: Path) -> None:
    """Three page images of document 3 (150 dpi, grey, JPEG in a PDF): text, numbering and quotes survive OCR."""
    doc, pages = compiled(3)
    pages = pages[:3]
    path = tmp_path / "scan.pdf"
    scanned_pdf(pages, path)
    added = load_file(path, doc_no=40)
    source = "".join(compact(p.text) for p in pages)
    read = "".join(compact(p.text) for p in added.pages)
    accuracy = 1 - Levenshtein.distance(source, read) / len(source)
    assert accuracy >= 0.98, f"character accuracy {accuracy:.4f}"
    assert [p.printed_page for p in added.pages] == [p.printed_page for p in pages]
    assert all(p.ocr_confidence is not None and p.ocr_confidence > 0.9 for p in added.pages)

    last = pages[-1].printed_page
    expected = {(c.level, c.marker) for c in doc.clauses if c.level and c.printed_pages[0] <= last}
    found = {(c.level, compact(c.marker)) for c in added.document.clauses if c.level}
    recovered = len({(lvl, compact(m)) for lvl, m in expected} & found) / len(expected)
    assert recovered >= 0.95, f"clause numbering recovered for {recovered:.2%}"
    # quotes taken from the OCR'd clauses are verified on the OCR'd pages the clause is placed on
    for clause in added.document.clauses:
        pages_text = "\n".join(p.text for p in added.source.pages if p.printed_page in clause.printed_pages)
        for sentence in re.findall(r"[^。;]+[。;]", clause.text):
            assert contains_verbatim(pages_text, sentence), (clause.marker, sentence)
