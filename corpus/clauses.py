"""Split a document's text into a clause tree (第一章 / 一、 / (一) / 1. / (1)).

Markers often run inside a line ("(一)…人才1. 鼓励…"), so a marker is accepted by numbering, not by
layout: it must be the next number at its level (or 1 after its parent opened), and chapter and
section markers must also start a line or follow the end of a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from corpus.models import Clause, Page

_CN = "一二三四五六七八九十百"
_MARKER_RE = re.compile(
    rf"(?P<chapter>第(?P<chapter_n>[{_CN}]+)章)"
    rf"|(?P<section>(?P<section_n>[{_CN}]+)、)"
    rf"|(?P<sub>[(（](?P<sub_n>[{_CN}]+)[)）])"
    r"|(?P<item>(?<![\d.．])(?P<item_n>\d{1,2})\s?[.．](?![\d.．]))"
    r"|(?P<subitem>[(（](?P<subitem_n>\d{1,2})[)）])"
)
_LEVELS = {"chapter": 1, "section": 2, "sub": 3, "item": 4, "subitem": 5}
_SENTENCE_END = set("。;;::!?!?")
_HEADING_END = re.compile(r"[。;;::\n]")


def cn_number(text: str) -> int:
    """Value of a Chinese numeral up to 199 (一, 十二, 二十六)."""
    digits = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}
    if "百" in text:
        head, _, rest = text.partition("百")
        return digits.get(head, 1) * 100 + (cn_number(rest) if rest else 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits.get(tens, 1) * 10 + (digits[ones] if ones else 0)
    return digits[text]


@dataclass
class _Marker:
    level: int
    number: int
    start: int  # offset of the marker in the document text
    end: int


def find_markers(text: str) -> list[_Marker]:
    """The clause markers of ``text`` that the numbering accepts, in order."""
    last = dict.fromkeys(_LEVELS.values(), 0)
    opened = dict.fromkeys(_LEVELS.values(), True)  # a parent opened since the last marker at the level
    accepted: list[_Marker] = []
    for match in _MARKER_RE.finditer(text):
        kind = match.lastgroup if match.lastgroup in _LEVELS else _kind(match)
        level = _LEVELS[kind]
        raw = match.group(f"{kind}_n")
        number = int(raw) if raw.isdigit() else cn_number(raw)
        if not (number == last[level] + 1 or (number == 1 and opened[level])):
            continue
        if level <= 2 and not _starts_statement(text, match.start()):
            continue
        accepted.append(_Marker(level, number, match.start(), match.end()))
        last[level] = number
        opened[level] = False
        for lower in range(level + 1, 6):
            opened[lower] = True
    return accepted


def _kind(match: re.Match[str]) -> str:
    return next(name for name in _LEVELS if match.group(name) is not None)


def _starts_statement(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" ")
    return not before or before[-1] == "\n" or before[-1] in _SENTENCE_END


def split_clauses(doc_no: int, text: str, offset: int, pages: list[Page], preamble_label: str = "前言") -> list[Clause]:
    """Clauses of a document whose text starts at ``offset`` of the source body split into ``pages``."""
    markers = find_markers(text)
    bounds = [m.start for m in markers] + [len(text)]
    clauses: list[Clause] = []
    if not markers or text[: markers[0].start].strip():
        end = markers[0].start if markers else len(text)
        clauses.append(_clause(doc_no, 0, "", preamble_label, [preamble_label], text, 0, end, offset, pages))
    stack: list[tuple[int, str]] = []  # (level, label) of the open ancestors
    for i, marker in enumerate(markers):
        own_end = bounds[i + 1]
        marker_text = text[marker.start : marker.end].strip()
        heading = _heading(text[marker.end : own_end])
        while stack and stack[-1][0] >= marker.level:
            stack.pop()
        label = f"{marker_text}{heading}" if marker.level < 5 else marker_text
        stack.append((marker.level, label))
        path = [lbl for _, lbl in stack]
        clauses.append(
            _clause(doc_no, marker.level, marker_text, heading, path, text, marker.start, own_end, offset, pages)
        )
    return clauses


def _heading(rest: str) -> str:
    cut = _HEADING_END.search(rest)
    head = (rest[: cut.start()] if cut else rest).strip()
    if len(head) > 20:
        comma = head.find(",", 4, 20)
        head = head[:comma] if comma > 0 else head[:20] + "…"
    return head


def _clause(
    doc_no: int,
    level: int,
    marker: str,
    heading: str,
    path: list[str],
    text: str,
    start: int,
    end: int,
    offset: int,
    pages: list[Page],
) -> Clause:
    own = text[start:end]
    stripped_end = start + len(own.rstrip())
    lead = len(own) - len(own.lstrip())
    abs_start, abs_end = offset + start + lead, offset + stripped_end
    spanned = pages_between(pages, abs_start, abs_end)
    return Clause(
        doc_no=doc_no,
        level=level,
        marker=marker,
        heading=heading,
        path=path,
        text=text[start + lead : stripped_end],
        start=abs_start,
        end=abs_end,
        printed_pages=[p.printed_page for p in spanned],
        ebook_pages=[p.ebook_page for p in spanned],
    )


def pages_between(pages: list[Page], start: int, end: int) -> list[Page]:
    """Pages that hold any character of the body span [start, end)."""
    starts = [p.start for p in pages]
    first = max(bisect_right(starts, start) - 1, 0)
    last = max(bisect_right(starts, max(end - 1, start)) - 1, 0)
    return [p for p in pages[first : last + 1] if p.text.strip()]
