"""文号 (document numbers): recognise them in any bracket or spacing form and normalise them."""

from __future__ import annotations

import re
import unicodedata

ISSUERS = ("区党委", "区办", "杭高新", "滨政", "区商务", "杭高江北")

# 文号 as people type them: 〔2023〕, [2023], (2023), 【2023】, full- or half-width, spaces anywhere.
DOC_NUMBER_RE = re.compile(
    r"(?P<issuer>[\u4e00-\u9fff]{1,6}?)\s*[〔\[(（【［]\s*(?P<year>(?:19|20)\d{2})\s*[〕\])）】］]"
    r"\s*(?P<num>\d{1,4})\s*号"
)


def normalise_doc_number(text: str) -> str | None:
    """Return the canonical form (区办〔2023〕12号) of the first 文号 in ``text``, or None."""
    match = DOC_NUMBER_RE.search(unicodedata.normalize("NFKC", text))
    if match is None:
        return None
    return f"{_issuer(match.group('issuer'))}〔{match.group('year')}〕{int(match.group('num'))}号"


def find_doc_numbers(text: str) -> list[str]:
    """Every 文号 in ``text``, canonical, in order of appearance."""
    found = []
    for match in DOC_NUMBER_RE.finditer(unicodedata.normalize("NFKC", text)):
        found.append(f"{_issuer(match.group('issuer'))}〔{match.group('year')}〕{int(match.group('num'))}号")
    return found


def issuer_of(doc_number: str) -> str:
    return doc_number.split("〔", 1)[0]


def year_of(doc_number: str) -> int:
    return int(doc_number.split("〔", 1)[1][:4])


def _issuer(raw: str) -> str:
    # the lazy group may take leading words ("按区办"); keep the known issuer it ends with
    for issuer in sorted(ISSUERS, key=len, reverse=True):
        if raw.endswith(issuer):
            return issuer
    return raw
