"""A file's type from its content, checked against its name (a PNG named .pdf is refused, not guessed)."""

from __future__ import annotations

import io
import zipfile

from corpus.errors import EmptyDocument, TypeMismatch, UnsupportedFile

IMAGE_SUFFIXES = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".tif": b"II*\x00", ".bmp": b"BM"}
_ALIASES = {".jpeg": ".jpg", ".tiff": ".tif", ".htm": ".html", ".markdown": ".md"}
_NAMES = {".pdf": "PDF", ".docx": "Word (.docx)", ".html": "HTML", ".txt": "text", ".md": "text"}
_NAMES.update({suffix: f"{suffix[1:].upper()} image" for suffix in IMAGE_SUFFIXES})
_TEXT_KINDS = {".txt", ".md", ".html"}


def kind_of(data: bytes, filename: str) -> str:
    """The suffix (.pdf .docx .html .txt .md .png .jpg .tif .bmp) for ``data``; raises when unknown or misnamed."""
    content = _content_kind(data)
    named = _ALIASES.get(_suffix(filename), _suffix(filename))
    if named and named in _NAMES and named != content and not (named in _TEXT_KINDS and content in _TEXT_KINDS):
        raise TypeMismatch(f"{filename} is named {named} but its content is {_NAMES[content]}")
    if content == ".txt" and named in {".md", ".html"}:
        return named
    return content


def _content_kind(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return ".docx"
        except zipfile.BadZipFile:
            pass
        raise UnsupportedFile("the file is a ZIP archive but not a Word .docx document")
    for suffix, magic in IMAGE_SUFFIXES.items():
        if data.startswith(magic) or (suffix == ".tif" and data.startswith(b"MM\x00*")):
            return suffix
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFile("old Word .doc files cannot be read: save the document as .docx or PDF")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text:
        raise UnsupportedFile("only PDF, Word (.docx), HTML, PNG/JPEG/TIFF/BMP scans and UTF-8 text files can be added")
    if not text.strip():
        raise EmptyDocument("the file is empty")
    head = text[:4096].lower()
    return ".html" if "<html" in head or "<!doctype html" in head or "<body" in head else ".txt"


def _suffix(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return "." + name.rsplit(".", 1)[1] if "." in name else ""
