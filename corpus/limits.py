"""Limits on what one added file may cost to parse (pages, inflated bytes, pixels, seconds, memory)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParseLimits:
    """Defaults fit real policy documents (a few to a few dozen pages) with a wide margin."""

    max_pages: int = 200
    max_ocr_pages: int = 60
    max_image_pixels: int = 40_000_000  # a 600 dpi A3 scan is about 35 M pixels
    max_stream_bytes: int = 50 * 1024 * 1024  # one inflated PDF stream
    text_timeout_s: float = 30.0  # reading the text layer of the whole file
    ocr_timeout_s_per_page: float = 120.0  # OCR takes 15-20 s a page on two cores, several times that when shared
    worker_memory_bytes: int = 2 * 1024**3  # address space of the PDF text worker


DEFAULT_LIMITS = ParseLimits()
