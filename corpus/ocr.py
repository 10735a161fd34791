"""Offline OCR of a page image with RapidOCR (PP-OCR Chinese models shipped inside the wheel).

Recognised boxes are grouped into lines by their vertical centres, read left to right, and lines
that only wrapped at the right margin are joined again (corpus.layout.reflow), so a scanned page
gives the same text structure as a text layer.
"""

from __future__ import annotations

import re
import statistics
from functools import cache
from typing import Any

from corpus.layout import Line, RawPage, printed_number, reflow

_MIN_SIDE = 1000  # smaller scans are enlarged: the recogniser wants characters of 30-ish pixels
_REREAD_BELOW = 0.85  # a line read with a lower score is read again from a padded crop, whole and in halves
_PAD = 4
_INK = 128  # grey level below which a pixel is ink
# official documents set the year of a 文号 in 〔〕 (GB/T 9704); the recogniser often reads them as 【】 or []
_YEAR_BRACKETS = re.compile(r"[【\[［]\s*((?:19|20)\d{2})\s*[】\]］](?=\s*\d{1,4}\s*号)")


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
    pixels = np.asarray(image)
    result, _ = _engine()(pixels)
    boxes = [_Box(points, text, float(score)) for points, text, score in (result or [])]
    boxes = [_reread(pixels, b) if b.score < _REREAD_BELOW else b for b in boxes]
    boxes += _missed_lines(pixels, boxes)
    boxes = [b for b in boxes if b.text]
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
    text = _YEAR_BRACKETS.sub(r"〔\1〕", reflow(kept, margin, 1.5 * height))
    return RawPage(text=text, printed_page=number, ocr_confidence=round(confidence, 4))


def _reread(pixels: Any, box: _Box) -> _Box:
    """A low-scoring line read again: the detector's tight, warped crop sometimes loses a whole line."""
    import numpy as np

    top, bottom = max(int(box.top) - _PAD, 0), int(box.bottom) + _PAD
    left, right = max(int(box.left) - _PAD, 0), int(box.right) + _PAD
    crop = np.ascontiguousarray(pixels[top:bottom, left:right])
    if crop.size == 0:
        return box
    candidates = [_recognise([crop])]
    dark = (crop.mean(axis=2) < 128).sum(axis=0)
    low, high = int(crop.shape[1] * 0.4), int(crop.shape[1] * 0.6)
    if high > low:
        cut = low + int(np.argmin(dark[low:high]))  # the emptiest column near the middle: between characters
        candidates.append(_recognise([np.ascontiguousarray(crop[:, :cut]), np.ascontiguousarray(crop[:, cut:])]))
    text, score = max(candidates, key=lambda c: c[1])
    if score <= box.score:
        return box
    better = _Box(
        [[box.left, box.top], [box.right, box.top], [box.right, box.bottom], [box.left, box.bottom]], text, score
    )
    return better


def _missed_lines(pixels: Any, boxes: list[_Box]) -> list[_Box]:
    """Rows of ink no detected box covers (the detector now and then skips a dense line): read them directly."""
    import numpy as np

    ink = pixels.mean(axis=2) < _INK
    rows = ink.sum(axis=1) > 2
    found = []
    start = None
    for y, has_ink in enumerate([*rows.tolist(), False]):
        if has_ink and start is None:
            start = y
        elif not has_ink and start is not None:
            top, bottom, start = start, y, None
            if bottom - top < 8 or any(min(b.bottom, bottom) - max(b.top, top) > (bottom - top) / 2 for b in boxes):
                continue
            columns = np.flatnonzero(ink[top:bottom].any(axis=0))
            left, right = int(columns[0]), int(columns[-1]) + 1
            box = _reread(pixels, _Box([[left, top], [right, top], [right, bottom], [left, bottom]], "", 0.0))
            if box.text and box.score >= _REREAD_BELOW:
                found.append(box)
    return found


def _recognise(parts: list[Any]) -> tuple[str, float]:
    texts, scores = [], []
    for part in parts:
        result, _ = _engine()(part, use_det=False, use_cls=False, use_rec=True)
        for text, score in result or []:
            texts.append(text)
            scores.append(float(score) * max(len(text), 1))
    chars = sum(max(len(t), 1) for t in texts)
    return "".join(texts).strip(), (sum(scores) / chars if chars else 0.0)


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
