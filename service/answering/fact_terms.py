"""The fact extractor's word list (lexicon/facts.tsv): metrics, categories, sectors and audiences as printed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TERMS_FILE = Path(__file__).parent / "lexicon" / "facts.tsv"


@dataclass(frozen=True)
class Term:
    kind: str  # metric | share | star | zjtx | listing | level | industry | audience
    surface: str  # as printed in the policies
    canonical: str  # the name facts and profiles use
    field: str  # the CompanyProfile field it is compared with
    keywords: tuple[str, ...] = ()  # for industries: words a user's own description is matched on


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    out = []
    for line in TERMS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        keywords = tuple(k for k in cols[4].split("|") if k) if len(cols) > 4 else ()
        out.append(Term(cols[0], cols[1], cols[2], cols[3], keywords))
    return tuple(out)


def of_kind(kind: str) -> list[Term]:
    """Terms of one kind, longest surface first (so 研发费用投入 wins over 研发费用)."""
    return sorted((t for t in terms() if t.kind == kind), key=lambda t: -len(t.surface))


def find_all(kind: str, text: str) -> list[tuple[int, Term]]:
    """(position, term) of each non-overlapping occurrence of a term of ``kind`` in ``text``, in order."""
    found: list[tuple[int, int, Term]] = []
    for term in of_kind(kind):
        for m in re.finditer(re.escape(term.surface), text):
            if not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), term))
    return [(s, t) for s, _, t in sorted(found, key=lambda f: f[0])]


def last_before(kind: str, text: str) -> Term | None:
    hits = find_all(kind, text)
    return hits[-1][1] if hits else None


def share_term(numerator: str, denominator: str) -> Term | None:
    key = f"{numerator}/{denominator}"
    return next((t for t in of_kind("share") if t.surface == key), None)
