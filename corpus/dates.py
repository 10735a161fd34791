"""Effective and expiry dates from a document's closing clauses (自…起施行, 有效期…年, …至…实施有效)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from corpus.models import DocumentDates
from corpus.text import nfkc

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_RANGE_RE = re.compile(_DATE + r"\s*(?:至|到|—|-|~)\s*" + _DATE)
_FROM_RE = re.compile(r"自\s*" + _DATE + r"\s*起\s*(?:施行|实施|执行)")
_TERM_RE = re.compile(r"有效期\s*(?:为\s*)?(\d+|[一二两三四五六七八九十])\s*年")
_SENTENCE_RE = re.compile(r"[^。;\n]*(?:施行|实施有效|有效期|起执行|起实施)[^。;\n]*[。;]?")


def extract_dates(text: str) -> DocumentDates:
    """Read the validity period stated in ``text`` (a document's text); unknown parts stay None."""
    text = nfkc(text)
    statements = [s.strip() for s in _SENTENCE_RE.findall(text) if s.strip()]
    # the closing clauses come last: prefer the last statement that carries a date
    for sentence in reversed(statements):
        if (span := _RANGE_RE.search(sentence)) is not None:
            return DocumentDates(
                effective_from=_date(span.groups()[0:3]),
                expires_on=_date(span.groups()[3:6]),
                statement=sentence,
            )
        if (start := _FROM_RE.search(sentence)) is not None:
            effective = _date(start.groups())
            expires = None
            if (term := _TERM_RE.search(sentence)) is not None:
                expires = _add_years(effective, _number(term.group(1))) - timedelta(days=1)
            return DocumentDates(effective_from=effective, expires_on=expires, statement=sentence)
    # a statement without a calendar date ("自发布后 30 日施行"): keep its words, the date is unknown
    return DocumentDates(statement=statements[-1] if statements else "")


def _date(parts: tuple[str, ...] | tuple[str | None, ...]) -> date:
    year, month, day = (int(p or 0) for p in parts)
    return date(year, month, day)


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _CN_DIGITS[token]


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
