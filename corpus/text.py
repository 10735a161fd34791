"""Text normalisation shared by every stage: NFKC and whitespace-free comparison."""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def compact(text: str) -> str:
    """NFKC with all whitespace removed: the form in which quotes are compared to pages."""
    return _WS.sub("", nfkc(text))


def contains_verbatim(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack``, whitespace and width aside."""
    n = compact(needle)
    return bool(n) and n in compact(haystack)
