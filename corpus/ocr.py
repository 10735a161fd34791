"""Offline OCR of a page image with RapidOCR (PP-OCR Chinese models shipped inside the wheel).

Recognised boxes are grouped into lines by their vertical centres, read left to right, and lines
that only wrapped at the right margin are joined again (corpus.layout.reflow), so a scanned page
gives the same text structure as a text layer.
"""

from __future__ import annotations

import statistics
from functools import cache
from typing import Any

from corpus.layout import Line, RawPage, printed_number, reflow

_MIN_SIDE = 1000  # smaller scans are enlarged: the recogniser wants characters of 30-ish pixels


@cache
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def ocr_image(image: Any) -> RawPage:
    """Text of a PIL image as one page, with the mean recognition score as its confidence."""
    import numpy as np

    image = image.convert("RGB")
    if min(image.size) < _MIN_SIDE:
        scale = _MIN_SIDE / min(image.size)
        image = image.resize((round(image.width * scale), round(image.height * scale)))
    result, _ = _engine()(np.asarray(image))
    boxes = [_Box(points, text, float(score)) for points, text, score in (result or []) if text.strip()]
    if not boxes:
        return RawPage(text="", ocr_confidence=None)
    lines = _lines(boxes)
    height = statistics.median(b.bottom - b.top for b in boxes)
    found = printed_number([line.text for line in lines])
    number = found[1] if found else None
    kept = [line for i, line in enumerate(lines) if found is None or i != found[0]]
    margin = max(line.right for line in kept) if kept else 0.0
    chars = sum(len(b.text) for b in boxes)
    confidence = sum(b.score * len(b.text) for b in boxes) / chars
    return RawPage(text=reflow(kept, margin, 1.5 * height), printed_page=number, ocr_confidence=round(confidence, 4))


class _Box:
    def __init__(self, points: list[list[float]], text: str, score: float) -> None:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        self.left, self.right, self.top, self.bottom = min(xs), max(xs), min(ys), max(ys)
        self.text, self.score = text.strip(), score

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def _lines(boxes: list[_Box]) -> list[Line]:
    """Boxes whose vertical centres lie within half a box height of each other form one line."""
    rows: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: b.middle):
        row = rows[-1] if rows else None
        if row is not None and abs(box.middle - statistics.fmean(b.middle for b in row)) < (box.bottom - box.top) / 2:
            row.append(box)
        else:
            rows.append([box])
    lines = []
    for row in rows:
        row.sort(key=lambda b: b.left)
        lines.append(Line("".join(b.text for b in row), max(b.right for b in row)))
    return lines
