"""PDF pages: the text layer through pypdf, and OCR for pages that are only a scanned image.

Both passes run in a worker process with a time limit (corpus.isolation), under pypdf's own limits on
inflated streams and page-tree size plus a page count limit, so a PDF bomb costs a bounded few seconds
and ends in a clear LoadError.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from corpus.errors import DocumentTooLarge, EmptyDocument, EncryptedDocument, LoadError
from corpus.isolation import run_worker
from corpus.layout import Line, RawPage, display_width, printed_number, reflow
from corpus.limits import ParseLimits

_MIN_TEXT_CHARS = 8  # fewer characters on a page with an image: the text is in the image
_WRAP_TOLERANCE = 0.08  # share of the margin: a wrapped line stops a character or two short of it


def read_pdf(path: Path, limits: ParseLimits) -> list[RawPage]:
    """Pages of a PDF: its text layer, and OCR for pages that carry only an image."""
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            raise LoadError(f"{path.name} is not a PDF (its content does not start with %PDF-)")
    texts, scanned = run_worker(
        "pdf-text", path, limits, timeout_s=limits.text_timeout_s, memory_bytes=limits.worker_memory_bytes
    )
    pages = _pages_from_text(texts)
    if scanned:
        if len(scanned) > limits.max_ocr_pages:
            raise DocumentTooLarge(
                f"{path.name} has {len(scanned)} scanned pages; at most {limits.max_ocr_pages} are read"
            )
        ocr = run_worker(
            "pdf-ocr", path, limits, timeout_s=limits.ocr_timeout_s_per_page * len(scanned) + 30, arg=scanned
        )
        for index, page in zip(scanned, ocr, strict=True):
            pages[index] = RawPage.model_validate(page)
    if not any(p.text.strip() for p in pages):
        raise EmptyDocument(f"{path.name} has no text: neither a text layer nor readable scanned pages")
    return pages


def _pypdf_limits(limits: ParseLimits) -> dict[str, Any]:
    cap = limits.max_stream_bytes
    return {
        "zlib_maximum_output_length": cap,
        "lzw_maximum_output_length": cap,
        "run_length_maximum_output_length": cap,
        "jbig2_maximum_output_length": cap,
        "maximum_declared_stream_length": cap,
        "image_maximum_buffer_size": cap,
        "stream_decoding_work_maximum_length": 4 * cap,
        "page_tree_maximum_page_entries": 4 * limits.max_pages,
    }


def _open(path: Path, limits: ParseLimits) -> Any:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import FileNotDecryptedError

    with apply_configuration(**_pypdf_limits(limits)):
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:  # many "protected" PDFs only restrict printing and open with an empty password
                if not reader.decrypt(""):
                    raise EncryptedDocument(f"{path.name} is encrypted: save it without a password and upload it again")
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise EncryptedDocument(f"{path.name} is encrypted ({exc}); save it without a password") from exc
        count = len(reader.pages)
    if count > limits.max_pages:
        raise DocumentTooLarge(f"{path.name} has {count} pages; a document may have at most {limits.max_pages}")
    return reader


def text_layer(path: Path, limits: ParseLimits) -> tuple[list[list[str]], list[int]]:
    """(lines of each page, indexes of pages that need OCR); runs in the worker."""
    from pypdf import apply_configuration
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        reader = _open(path, limits)
        texts: list[list[str]] = []
        scanned: list[int] = []
        with apply_configuration(**_pypdf_limits(limits)):
            for index, page in enumerate(reader.pages):
                if (contents := page.get_contents()) is not None:
                    contents.get_data()  # inflated here, under the limits (text extraction would swallow the error)
                lines = [line.rstrip() for line in (page.extract_text() or "").splitlines() if line.strip()]
                texts.append(lines)
                if sum(len(line.strip()) for line in lines) < _MIN_TEXT_CHARS and _has_image(page):
                    scanned.append(index)
        return texts, scanned
    except LoadError:
        raise
    except LimitReachedError as exc:
        raise DocumentTooLarge(f"{path.name} is beyond what a document may hold ({exc})") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError, IndexError) as exc:
        raise LoadError(f"{path.name} could not be read as a PDF: {type(exc).__name__}: {exc}") from exc


def _has_image(page: Any) -> bool:
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return False
    return any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.get_object().values())


def _pages_from_text(texts: list[list[str]]) -> list[RawPage]:
    pages: list[tuple[list[str], int | None]] = []
    for lines in texts:
        found = printed_number(lines)
        pages.append(([t for i, t in enumerate(lines) if found is None or i != found[0]], found[1] if found else None))
    margin = max((display_width(line) for lines, _ in pages for line in lines), default=0)
    return [
        RawPage(
            text=reflow([Line(t, display_width(t)) for t in lines], margin, _WRAP_TOLERANCE * margin),
            printed_page=number,
        )
        for lines, number in pages
    ]


def ocr_pages(path: Path, indexes: list[int], limits: ParseLimits) -> list[RawPage]:
    """OCR of the largest image on each of ``indexes``; runs in the worker."""
    from PIL import Image
    from pypdf.errors import PyPdfError

    from corpus.ocr import ocr_image

    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels
    reader = _open(path, limits)
    pages = []
    for index in indexes:
        try:
            images = list(reader.pages[index].images)
            image = max((i.image for i in images if i.image is not None), key=lambda im: im.width * im.height)
        except (PyPdfError, ValueError, OSError, Image.DecompressionBombError) as exc:
            raise LoadError(f"the image on page {index + 1} of {path.name} could not be read: {exc}") from exc
        pages.append(ocr_image(image))
    return pages


def image_pages(path: Path, limits: ParseLimits) -> list[RawPage]:
    """OCR of an image file (one page), in a worker with the per-page time limit."""
    page = RawPage.model_validate(run_worker("image-ocr", path, limits, timeout_s=limits.ocr_timeout_s_per_page + 30))
    if not page.text.strip():
        raise EmptyDocument(f"no text was recognised in {path.name} (a blank or unreadable scan)")
    return [page]


def ocr_file(path: Path, limits: ParseLimits) -> RawPage:
    from PIL import Image, UnidentifiedImageError

    from corpus.ocr import ocr_image

    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels
    try:
        with Image.open(io.BytesIO(path.read_bytes())) as image:
            image.load()
            return ocr_image(image)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise LoadError(f"{path.name} could not be read as an image: {exc}") from exc
