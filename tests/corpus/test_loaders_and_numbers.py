"""Loaders for added documents (a real two-page PDF made here) and 文号 normalisation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corpus.doc_numbers import find_doc_numbers, normalise_doc_number
from corpus.loaders import DocumentMeta, LoadError, load_file


@pytest.mark.parametrize(
    "raw",
    [
        "区办〔2023〕12号",
        "区办[2023]12号",
        "区办(2023)12 号",
        "区办 ( 2023 ) 12号",
        "区办【2023】12号",
        "区办(2023)12号",
    ],
)
def test_doc_number_forms_normalise(raw: str) -> None:
    assert normalise_doc_number(raw) == "区办〔2023〕12号"


def test_doc_numbers_found_in_a_sentence() -> None:
    assert find_doc_numbers("按滨政〔2023〕7 号和杭高江北[2022]1号执行") == ["滨政〔2023〕7号", "杭高江北〔2022〕1号"]
    assert normalise_doc_number("没有文号的句子") is None


def _two_page_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 780, "关于支持测试产业发展的实施意见")
    pdf.drawString(72, 760, "测高新〔2024〕3号")
    pdf.drawString(72, 740, "一、支持政策")
    pdf.drawString(72, 720, "1. 对新认定的测试企业给予 50 万元奖励。")
    pdf.showPage()
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 780, "2. 对测试平台给予最高 200 万元补助。")
    pdf.drawString(72, 760, "本意见自 2024 年 3 月 1 日起施行,有效期两年。")
    pdf.save()


def test_pdf_pages_keep_their_numbers(tmp_path: Path) -> None:
    path = tmp_path / "policy.pdf"
    _two_page_pdf(path)
    added = load_file(path, doc_no=32)
    doc = added.document
    assert doc.doc_no == 32 and doc.printed_pages == [1, 2]
    assert doc.title == "关于支持测试产业发展的实施意见"
    assert doc.dates.effective_from == date(2024, 3, 1) and doc.dates.expires_on == date(2026, 2, 28)
    award = next(c for c in doc.clauses if "50 万元" in c.text)
    platform = next(c for c in doc.clauses if "200 万元" in c.text)
    assert award.printed_pages == [1] and platform.printed_pages == [2]
    assert award.section_path.startswith("一、支持政策 > 1.")


def test_text_loader_takes_caller_metadata(tmp_path: Path) -> None:
    path = tmp_path / "notice.md"
    path.write_text(
        "# 测试通知\n一、总则\n1. 第一条内容。\n2. 第二条内容。\n\f二、附则\n1. 自发布之日起施行。\n", encoding="utf-8"
    )
    meta = DocumentMeta(title="测试通知", doc_number="区办〔2025〕1号", effective_from=date(2025, 1, 1))
    doc = load_file(path, doc_no=40, meta=meta).document
    assert (doc.title, doc.doc_number, doc.issuer, doc.year) == ("测试通知", "区办〔2025〕1号", "区办", 2025)
    assert doc.dates.effective_from == date(2025, 1, 1)
    assert doc.printed_pages == [1, 2]
    assert [c.section_path for c in doc.clauses if c.level == 2] == ["一、总则", "二、附则"]


@pytest.mark.parametrize(("name", "content"), [("fake.pdf", b"not a pdf at all"), ("trunc.pdf", b"%PDF-1.4\n1 0 obj")])
def test_bad_pdf_is_a_clear_error(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError):
        load_file(path, doc_no=33)


def test_unsupported_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.xls"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(LoadError, match="only PDF"):
        load_file(path, doc_no=34)


def test_damaged_word_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(LoadError, match="Word document"):
        load_file(path, doc_no=34)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("区办23年12号 认定以后", "区办〔2023〕12号 认定以后"),
        ("按滨政2023年第7号执行", "按滨政〔2023〕7号执行"),
        ("区党委 19年 25号", "区党委〔2019〕25号"),
        # no known issuer before it: a date the asker mentions, left as it is
        ("我们23年12号搬来的", "我们23年12号搬来的"),
    ],
)
def test_a_spoken_document_number_of_a_known_issuer_is_read_as_one(said: str, read: str) -> None:
    from corpus.doc_numbers import bracket_spoken_doc_numbers

    assert bracket_spoken_doc_numbers(said) == read


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("滨政7号谁负责解释?", "滨政〔2099〕7号谁负责解释?"),
        ("区办第12号文件", "区办〔2098〕12号文件"),
        # after a word that points to it or joins it, not inside a word
        ("总部那个区办12号和滨政7号哪个还有效?", "总部那个区办〔2098〕12号和滨政〔2099〕7号哪个还有效?"),
        ("社区办12号", "社区办12号"),
        # two years of 区办 have an 8号: which one is not said
        ("区办8号是什么?", "区办8号是什么?"),
        # a number no known document has, and a 文号 written whole, stay as they are
        ("滨政9号", "滨政9号"),
        ("区办〔2097〕8号", "区办〔2097〕8号"),
    ],
)
def test_a_document_number_said_without_its_year_is_the_one_document_it_can_be(said: str, read: str) -> None:
    from corpus.doc_numbers import bracket_yearless_doc_numbers

    known = ["滨政〔2099〕7号", "区办〔2098〕12号", "区办〔2098〕8号", "区办〔2097〕8号"]
    assert bracket_yearless_doc_numbers(said, known) == read
