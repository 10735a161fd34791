"""Hostile and broken files end in a clear LoadError within a bounded time (issue 16, item 5), and a file
is parsed once: its pages are cached beside it, so Corpus.load does not parse added PDFs again."""

from __future__ import annotations

import time
import zlib
from pathlib import Path

import pytest

from corpus.errors import LoadError
from corpus.filetypes import kind_of
from corpus.limits import DEFAULT_LIMITS, ParseLimits
from corpus.loaders import cache_path, load_file


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF with ``objects`` numbered from 1 (the first is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, compress: bool = True) -> bytes:
    payload = zlib.compress(data, 9) if compress else data
    flate = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(payload), flate) + payload + b"\nendstream"


def _one_page(content: bytes, compress: bool = True) -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            _stream(content, compress),
        ]
    )


def _load(tmp_path: Path, data: bytes, limits: ParseLimits = DEFAULT_LIMITS) -> tuple[LoadError, float]:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    started = time.perf_counter()
    with pytest.raises(LoadError) as caught:
        load_file(path, doc_no=40, limits=limits)
    assert not cache_path(path).exists(), "a failed parse is not cached"
    return caught.value, time.perf_counter() - started


def test_inflation_bomb_is_refused_as_too_large(tmp_path: Path) -> None:
    bomb = _one_page(b"\x00" * (200 * 1024 * 1024))  # about 200 KB inflating to 200 MB
    assert len(bomb) < 400_000
    error, _seconds = _load(tmp_path, bomb)
    assert error.code == "document_too_large"


def test_drawing_command_flood_is_bounded(tmp_path: Path) -> None:
    flood = b"0 0 m 100 100 l 50 20 l h S 1 0 0 1 0.1 0.1 cm\n" * 8000  # 380 KB of path operators, no text
    limits = ParseLimits(text_timeout_s=5)
    error, seconds = _load(tmp_path, _one_page(flood, compress=False), limits)
    assert error.code in {"empty_document", "parse_timeout", "document_too_large"}
    assert seconds < limits.text_timeout_s + 5


def test_page_tree_pointing_at_itself_is_refused(tmp_path: Path) -> None:
    loop = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",  # the tree lists itself as a child
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
        ]
    )
    assert len(loop) < 1500
    error, seconds = _load(tmp_path, loop, ParseLimits(text_timeout_s=10))
    assert error.code in {"document_too_large", "unreadable_document", "empty_document"}
    assert seconds < 15


def test_encrypted_pdf_asks_for_a_copy_without_password(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    error, _ = _load(tmp_path, path.read_bytes())
    assert error.code == "encrypted_document" and "password" in str(error)


def test_too_many_pages_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(12):
        writer.add_blank_page(595, 842)
    path = tmp_path / "long.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    error, _ = _load(tmp_path, path.read_bytes(), ParseLimits(max_pages=10))
    assert error.code == "document_too_large" and "page" in str(error)


@pytest.mark.slow
def test_blank_scan_is_an_empty_document(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "blank.pdf"
    Image.new("L", (1240, 1754), 255).save(path, "PDF", resolution=150)
    error, _ = _load(tmp_path, path.read_bytes())
    assert error.code == "empty_document"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("policy.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "type_mismatch"),
        ("policy.docx", b"%PDF-1.7\n", "type_mismatch"),
        ("policy.pdf", "一、总则\n".encode(), "type_mismatch"),
        ("policy.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 32, "unsupported_file"),
        ("policy.zip", b"PK\x03\x04" + b"\x00" * 32, "unsupported_file"),
        ("policy.txt", "政策".encode("utf-16"), "unsupported_file"),
        ("policy.txt", b"  \n", "empty_document"),
    ],
)
def test_type_comes_from_the_content_and_must_match_the_name(name: str, data: bytes, code: str) -> None:
    with pytest.raises(LoadError) as caught:
        kind_of(data, name)
    assert caught.value.code == code


def test_file_types_by_content() -> None:
    assert kind_of(b"%PDF-1.7\n", "a.pdf") == ".pdf"
    assert kind_of(b"\xff\xd8\xff\xe0", "scan.JPEG") == ".jpg"
    assert kind_of("<!DOCTYPE html><html><body>政策</body></html>".encode(), "page.htm") == ".html"
    assert kind_of("# 通知\n一、总则".encode(), "notice.md") == ".md"
    assert kind_of("一、总则".encode(), "notice") == ".txt"


def test_pages_are_parsed_once_and_cached(tmp_path: Path) -> None:
    from pypdf import PdfWriter  # noqa: F401  (reportlab makes the PDF; pypdf reads it)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    path = tmp_path / "policy.pdf"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 780, "区测〔2099〕7号")
    pdf.drawString(72, 760, "关于缓存测试的通知")
    pdf.drawString(72, 740, "一、本通知自2099年1月1日起施行。")
    pdf.save()
    first = load_file(path, doc_no=40).document
    assert cache_path(path).exists()
    # a worker could not even start within this limit: the second load reads the cache, not the PDF
    again = load_file(path, doc_no=40, limits=ParseLimits(text_timeout_s=0.001)).document
    assert again == first
    path.write_bytes(path.read_bytes() + b"\n% changed\n")  # a changed file is parsed again
    with pytest.raises(LoadError, match="took longer"):
        load_file(path, doc_no=40, limits=ParseLimits(text_timeout_s=0.001))
