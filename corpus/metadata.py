"""What a policy document says about itself: title, 文号, issuer and the validity period.

Two layouts occur: the red-header original (文号 on its own line, the title below it, then the
addressees "各…:") and the compilation's (title, then the 文号, then the text). The clause text
starts after the 文号 and the title, as in the compilation parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.dates import extract_dates
from corpus.doc_numbers import DOC_NUMBER_RE, issuer_of, normalise_doc_number, number_start
from corpus.models import DocumentDates

_HEADER_CHARS = 400  # the 文号 of a document is printed in its first lines
_TITLE_HINT = re.compile(r"(意见|办法|政策|通知|规定|细则|方案|决定|条例|规划|计划|措施|批复|公告|通告)")
_NOT_TITLE = re.compile(r"(文件|签发人|^各.*[::]$|^\d{4}年\d{1,2}月\d{1,2}日$)")
_MAX_TITLE_LINES = 3
_CLAUSE_START = re.compile(
    r"^(第[一二三四五六七八九十]+[章条]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．])"
)


@dataclass
class ReadMetadata:
    """Metadata read from a document's text; ``text_start`` is where its clauses begin."""

    title: str = ""
    doc_number: str = ""
    issuer: str = ""
    dates: DocumentDates = field(default_factory=DocumentDates)
    text_start: int = 0


def read_metadata(body: str) -> ReadMetadata:
    """Title, 文号, issuer and dates as the document states them (empty when it does not)."""
    number = DOC_NUMBER_RE.search(body, 0, _HEADER_CHARS)
    if number is None:
        # without a 文号 the title is a guess: its line stays in the text (as the preamble)
        return ReadMetadata(title=_title_without_number(body), dates=extract_dates(body))
    doc_number = normalise_doc_number(number.group()) or ""
    start = number_start(number)
    line_start = body.rfind("\n", 0, start) + 1
    before = body[line_start:start].strip()
    if before and _TITLE_HINT.search(before):  # the compilation's layout: title, then 文号 on the same line
        title, text_start = before, number.end()
    elif title := _title_before(body[:line_start]):  # title on the line above the 文号
        text_start = number.end()
    else:  # the red-header original: 文号, then the title
        title, text_start = _title_after(body, number.end())
    return ReadMetadata(
        title=title,
        doc_number=doc_number,
        issuer=issuer_of(doc_number),
        dates=extract_dates(body[text_start:]),
        text_start=text_start,
    )


def _title_after(body: str, pos: int) -> tuple[str, int]:
    """A title of up to three short lines right after the 文号 line, and where the text after it starts."""
    lines: list[str] = []
    end = pos
    cursor = body.find("\n", pos)
    while cursor >= 0 and len(lines) < _MAX_TITLE_LINES:
        nxt = body.find("\n", cursor + 1)
        line = body[cursor + 1 : nxt if nxt >= 0 else len(body)].strip()
        if not line or len(line) > 60 or _NOT_TITLE.search(line) or _CLAUSE_START.match(line) or line[-1] in "。;;":
            break
        lines.append(line)
        end = nxt if nxt >= 0 else len(body)
        cursor = nxt
        if _TITLE_HINT.search(line):
            break
    title = "".join(lines)
    return (title, end) if _TITLE_HINT.search(title) else ("", pos)


def _title_before(head: str) -> str:
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    return last if _TITLE_HINT.search(last) and not _NOT_TITLE.search(last) and len(last) <= 80 else ""


def _title_without_number(body: str) -> str:
    for line in body.splitlines()[:6]:
        stripped = line.strip().lstrip("#").strip()
        if 4 <= len(stripped) <= 80 and _TITLE_HINT.search(stripped) and not _NOT_TITLE.search(stripped):
            return stripped
    return ""
