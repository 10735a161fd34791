"""文号 (document numbers): recognise them in any bracket or spacing form and normalise them.

Every entry point (the compilation parser, loaders, uploads, the CLI, queries) goes through
``normalise_doc_number`` / ``parse_doc_number``, so `区测[2099]7号`, `区测(2099)8号` and
`" 区测 〔2099〕 7 号"` all become the one canonical form `区测〔2099〕7号`.
"""

from __future__ import annotations

import re
import unicodedata

ISSUERS = ("区党委", "区办", "杭高新", "滨政", "区商务", "杭高江北")

# 文号 as people type them: 〔2023〕, [2023], (2023), 【2023】, full- or half-width, spaces anywhere.
DOC_NUMBER_RE = re.compile(
    r"(?P<issuer>[\u4e00-\u9fff]{1,6}?)\s*[〔\[(（【［]\s*(?P<year>(?:19|20)\d{2})\s*[〕\])）】］]"
    r"\s*(?P<num>\d{1,4})\s*号"
)
_LEADING_WORDS = re.compile(r"意见|办法|通知|规定|细则|方案|决定|政策|措施|根据|按照|依据|按|和|及|与")
_CANONICAL_RE = re.compile(r"^(?P<issuer>[\u4e00-\u9fff]{1,6})〔(?P<year>\d{4})〕(?P<num>\d{1,4})号$")


class DocNumberError(ValueError):
    """A value given as a 文号 that is not one (with what was expected)."""


def normalise_doc_number(text: str) -> str | None:
    """Return the canonical form (区办〔2023〕12号) of the first 文号 in ``text``, or None."""
    match = DOC_NUMBER_RE.search(unicodedata.normalize("NFKC", text))
    return _canonical(match) if match is not None else None


def parse_doc_number(value: str) -> str:
    """``value`` (a whole field, e.g. an upload's 文号) in canonical form; DocNumberError if it is not a 文号."""
    text = unicodedata.normalize("NFKC", value).strip()
    match = DOC_NUMBER_RE.fullmatch(text)
    if match is None:
        raise DocNumberError(
            f"{value[:60]!r} is not a 文号: expected issuer, year in brackets and number, e.g. 区办〔2024〕3号"
        )
    return _canonical(match)


def find_doc_numbers(text: str) -> list[str]:
    """Every 文号 in ``text``, canonical, in order of appearance."""
    return [_canonical(m) for m in DOC_NUMBER_RE.finditer(unicodedata.normalize("NFKC", text))]


def issuer_of(doc_number: str) -> str:
    """The issuer prefix of a 文号 in any form ("" when it is not one)."""
    match = _CANONICAL_RE.match(normalise_doc_number(doc_number) or "")
    return match.group("issuer") if match else ""


def year_of(doc_number: str) -> int | None:
    """The year of a 文号 in any form (None when it is not one)."""
    match = _CANONICAL_RE.match(normalise_doc_number(doc_number) or "")
    return int(match.group("year")) if match else None


# 文号 as people say them, without brackets: "区办23年12号", "滨政2023年第7号"; known issuers only
# ("我们23年12号搬来的" is a date)
_SPOKEN_RE = re.compile(
    r"(?P<issuer>" + "|".join(sorted(ISSUERS, key=len, reverse=True)) + r")\s*(?P<year>(?:19|20)?\d{2})\s*年\s*"
    r"第?\s*(?P<num>\d{1,4})\s*号"
)


def bracket_spoken_doc_numbers(text: str) -> str:
    """``text`` with each spoken 文号 of a known issuer in canonical form ("区办23年12号" -> "区办〔2023〕12号")."""

    def canonical(m: re.Match[str]) -> str:
        year = m.group("year")
        return f"{m.group('issuer')}〔{year if len(year) == 4 else '20' + year}〕{int(m.group('num'))}号"

    return _SPOKEN_RE.sub(canonical, text)


# a 文号 said without its year ("滨政7号", "区办9号"): the issuer and number alone
_YEARLESS_RE = re.compile(
    # (not inside a word, 社区办…; after a word that points to it or joins it, "那个区办12号", "和滨政7号", it is one)
    r"(?:(?<![\u4e00-\u9fff〕\d])|(?<=[个的按和与及跟同是在照据看份那这说即]))(?P<issuer>"
    + "|".join(sorted(ISSUERS, key=len, reverse=True))
    + r")\s*第?\s*(?P<num>\d{1,4})\s*号"
)


def bracket_yearless_doc_numbers(text: str, known: list[str]) -> str:
    """``text`` with each 文号 said without its year in canonical form, when exactly one of the ``known`` 文号
    has that issuer and number ("滨政7号" -> "滨政〔2023〕7号"; "区办8号" stays when 区办 has an 8号 of two years)."""

    def canonical(m: re.Match[str]) -> str:
        issuer, num = m.group("issuer"), int(m.group("num"))
        found = [k for k in known if issuer_of(k) == issuer and k.endswith(f"〕{num}号")]
        return found[0] if len(found) == 1 else m.group()

    return _YEARLESS_RE.sub(canonical, text)


def number_start(match: re.Match[str]) -> int:
    """Where the 文号 of a DOC_NUMBER_RE match begins (the lazy issuer group may have taken words before it)."""
    return match.end("issuer") - len(_issuer(match.group("issuer")))


def _canonical(match: re.Match[str]) -> str:
    return f"{_issuer(match.group('issuer'))}〔{match.group('year')}〕{int(match.group('num'))}号"


def _issuer(raw: str) -> str:
    # the lazy group may take leading words ("按区办"); keep the known issuer it ends with
    for issuer in sorted(ISSUERS, key=len, reverse=True):
        if raw.endswith(issuer):
            return issuer
    # an unknown issuer run into the text before it ("…管理办法区测〔2099〕7号"): cut after the title or preposition
    return _LEADING_WORDS.split(raw)[-1] or raw
