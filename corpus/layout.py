"""Page text as read from a file: printed page numbers ("- 12 -") and lines rejoined where they only wrapped.

A PDF or a scan breaks a paragraph into lines at the right margin. The clause parser reads line starts
(a section marker must start a line or follow a sentence end) and cuts headings at line ends, so a
wrapped line is joined to the next when it reaches the margin, does not end a sentence and the next
line does not open a section. What counts as "reaching the margin" is the caller's measure: pixels for
OCR boxes, display width for a text layer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pydantic import BaseModel, Field

_PRINTED_NUMBER_RE = re.compile(r"^\s*(?:[-—–－]\s*(\d{1,4})\s*[-—–－]|第\s*(\d{1,4})\s*页)\s*$")
_SENTENCE_END = tuple("。;;::!?!?")
_OPENS_SECTION_RE = re.compile(r"^\s*(?:第[一二三四五六七八九十百]+章|[一二三四五六七八九十]+、)")


class RawPage(BaseModel):
    """One page as a loader read it, before clauses: its text and what the file says about it."""

    text: str
    printed_page: int | None = Field(default=None, description="The page's own printed number, when it shows one.")
    ocr_confidence: float | None = Field(default=None, description="Mean OCR score (0-1); None for a text layer.")


@dataclass
class Line:
    text: str
    right: float  # where the line ends, in the caller's unit (pixels, display width)


def display_width(text: str) -> int:
    """Width in half-width cells: CJK characters (and the quotes and dashes CJK fonts set full width) count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)


def printed_number(lines: list[str]) -> tuple[int, int] | None:
    """(index, number) of a page-number line ("- 12 -", "— 12 —", "第12页") at the foot or head of a page."""
    for index in dict.fromkeys((len(lines) - 1, 0, len(lines) - 2, 1)):
        if 0 <= index < len(lines) and (m := _PRINTED_NUMBER_RE.match(lines[index])):
            return index, int(m.group(1) or m.group(2))
    return None


def reflow(lines: list[Line], margin: float, tolerance: float) -> str:
    """Join lines that only wrapped at the right ``margin`` (within ``tolerance``); keep real line ends."""
    out: list[str] = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        out.append(text)
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        wrapped = line.right >= margin - tolerance and not text.endswith(_SENTENCE_END)
        if not (wrapped and nxt and not _OPENS_SECTION_RE.match(nxt)):
            out.append("\n")
    return "".join(out).strip()
