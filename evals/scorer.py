"""The acceptance scorer of evals/datasets/SCORING.md, rule for rule, and the aggregate over a run.

An answer is the HTTP contract's JSON (``Answer.model_dump(mode="json")`` in-process): ``status``,
``answer``, ``citations`` [{doc_no, printed_page, quote, ...}]. Text is compared in ``compact`` form
(NFKC, whitespace removed).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from corpus.library import Corpus
from corpus.models import Page
from corpus.text import compact
from evals.gold import GoldItem

ANSWER_PREFIX_CHARS = 600
CITATIONS_CONSIDERED = 6
MIN_QUOTE_CHARS = 4
LEAD_CHARS = 120  # issue 12: the facts asked should open the answer
_YUAN_AFTER_UNIT = re.compile("([万亿])元")


class ItemScore(BaseModel):
    """How one answer fared against its gold item, with the reasons it missed."""

    id: str
    type: str
    lang: str
    answerable: str
    status: str
    correct: bool
    reasons: list[str] = Field(default_factory=list, description="Why it is not correct (empty when correct).")
    quotes_total: int = 0
    quotes_verified: int = 0
    unverified_quotes: list[str] = Field(default_factory=list)
    latency_ms: float | None = None
    error: str | None = None
    answer_excerpt: str = Field(default="", description="The answer's first 160 characters, for the miss list.")
    answer_chars: int = 0
    facts_in_lead: bool | None = Field(
        default=None, description="Answerable items: every key fact within the first 120 characters."
    )

    @property
    def strict_correct(self) -> bool:
        """Correct and every quote verified."""
        return self.correct and self.quotes_verified == self.quotes_total


class QuoteVerifier:
    """Checks that a citation's quote stands verbatim on its printed page (or runs into a neighbour)."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self._toc = compact(corpus.toc_text)

    def verify(self, citation: Mapping[str, Any], *, toc_only: bool = False) -> bool:
        quote = compact(str(citation.get("quote") or ""))
        if len(quote) < MIN_QUOTE_CHARS:
            return False
        doc = self.corpus.document(_as_int(citation.get("doc_no")))
        if (toc_only or doc is None or not doc.has_text) and quote in self._toc:
            return True
        return self._on_page(quote, _as_int(citation.get("doc_no")), _as_int(citation.get("printed_page")))

    def _on_page(self, quote: str, doc_no: int, printed: int) -> bool:
        page, source_pages = self._page(doc_no, printed)
        if page is None:
            return False
        here = compact(page.text)
        if quote in here:
            return True
        before = _neighbour(source_pages, page, -1)
        after = _neighbour(source_pages, page, +1)
        joined = before + here + after
        lo, hi = len(before), len(before) + len(here)
        start = joined.find(quote)
        while start != -1:
            if start < hi and start + len(quote) > lo:  # the occurrence overlaps the cited page
                return True
            start = joined.find(quote, start + 1)
        return False

    def _page(self, doc_no: int, printed: int) -> tuple[Page | None, list[Page]]:
        doc = self.corpus.document(doc_no)
        if doc is None or not doc.has_text:
            return None, []
        pages = self.corpus.source_of(doc).pages
        return self.corpus.page(doc_no, printed), pages


def score_answer(answer: Mapping[str, Any], item: GoldItem, verifier: QuoteVerifier) -> ItemScore:
    """Score one answer (HTTP JSON shape) against one gold item."""
    status = str(answer.get("status") or "")
    citations: list[Mapping[str, Any]] = list(answer.get("citations") or [])
    match item.answerable:
        case "yes":
            reasons = _answered_reasons(status, str(answer.get("answer") or ""), citations, item)
        case "toc_only":
            reasons = _toc_only_reasons(status, citations, item)
        case _:
            reasons = [] if status == "not_found" else [f"answered an unanswerable question (status {status})"]
    toc_only = status == "toc_only"
    unverified = [_describe(c) for c in citations if not verifier.verify(c, toc_only=toc_only)]
    return ItemScore(
        id=item.id,
        type=item.type,
        lang=item.lang,
        answerable=item.answerable,
        status=status,
        correct=not reasons,
        reasons=reasons,
        quotes_total=len(citations),
        quotes_verified=len(citations) - len(unverified),
        unverified_quotes=unverified,
        answer_excerpt=str(answer.get("answer") or "")[:160],
        answer_chars=len(str(answer.get("answer") or "")),
        facts_in_lead=_facts_within(str(answer.get("answer") or ""), item, LEAD_CHARS)
        if item.answerable == "yes"
        else None,
    )


def _answered_reasons(status: str, text: str, citations: list[Mapping[str, Any]], item: GoldItem) -> list[str]:
    reasons = []
    if status != "answered":
        reasons.append(f"wrong status {status or 'missing'} (expected answered)")
    # Cut the raw answer first, then normalise: anything correct here is correct for either reading.
    head = fact_form(text[:ANSWER_PREFIX_CHARS])
    for fact in item.key_facts:
        if not any(fact_form(spelling) in head for spelling in fact if fact_form(spelling)):
            reasons.append(f"missing key fact {fact[0]!r} in the first {ANSWER_PREFIX_CHARS} chars")
    first = citations[:CITATIONS_CONSIDERED]
    cited_docs = {_as_int(c.get("doc_no")) for c in first}
    for doc_no in item.doc_nos:
        if doc_no not in cited_docs:
            reasons.append(f"missing doc {doc_no} in the first {CITATIONS_CONSIDERED} citations")
    gold_docs, gold_pages = set(item.doc_nos), set(item.pages)
    if not any(_as_int(c.get("doc_no")) in gold_docs and _as_int(c.get("printed_page")) in gold_pages for c in first):
        cited = sorted({(_as_int(c.get("doc_no")), _as_int(c.get("printed_page"))) for c in first})
        reasons.append(f"no citation on a gold page {sorted(gold_pages)} of a gold doc (cited doc/page {cited})")
    return reasons


def _facts_within(text: str, item: GoldItem, chars: int) -> bool:
    head = fact_form(text[:chars])
    return all(any(fact_form(s) in head for s in fact if fact_form(s)) for fact in item.key_facts)


def fact_form(text: str) -> str:
    """The form key facts are matched in: compact, with 元 right after 万 or 亿 dropped ("200万" matches "200万元")."""
    return _YUAN_AFTER_UNIT.sub(r"\1", compact(text))


def _toc_only_reasons(status: str, citations: list[Mapping[str, Any]], item: GoldItem) -> list[str]:
    reasons = []
    if status != "toc_only":
        reasons.append(f"wrong status {status or 'missing'} (expected toc_only)")
    cited = {_as_int(c.get("doc_no")) for c in citations}
    if not cited & set(item.doc_nos):
        reasons.append(f"no citation of doc {item.doc_nos} (cited {sorted(cited)})")
    return reasons


def _describe(citation: Mapping[str, Any]) -> str:
    quote = compact(str(citation.get("quote") or ""))
    short = quote if len(quote) <= 40 else quote[:40] + "…"
    return f"doc {citation.get('doc_no')} p.{citation.get('printed_page')}: {short!r}"


def _neighbour(pages: list[Page], page: Page, step: int) -> str:
    index = next((i for i, p in enumerate(pages) if p.start == page.start), None)
    if index is None or not 0 <= index + step < len(pages):
        return ""
    return compact(pages[index + step].text)


def _as_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def percentile(values: Iterable[float], q: float) -> float | None:
    data = [v for v in values if v is not None]
    return float(np.percentile(data, q)) if data else None


def aggregate(scores: list[ItemScore]) -> dict[str, Any]:
    """Accuracy overall, by type and by language; quote verification; answered-when-unanswerable; latency."""
    by_type: dict[str, list[ItemScore]] = defaultdict(list)
    by_lang: dict[str, list[ItemScore]] = defaultdict(list)
    for score in scores:
        by_type[score.type].append(score)
        by_lang[score.lang].append(score)
    total_quotes = sum(s.quotes_total for s in scores)
    verified = sum(s.quotes_verified for s in scores)
    unanswerable = [s for s in scores if s.answerable == "no"]
    answered_anyway = sum(s.status == "answered" for s in unanswerable)
    latencies = [s.latency_ms for s in scores if s.latency_ms is not None]
    return {
        "n": len(scores),
        "correct": sum(s.correct for s in scores),
        "accuracy": _share(sum(s.correct for s in scores), len(scores)),
        "strict_accuracy": _share(sum(s.strict_correct for s in scores), len(scores)),
        "by_type": {t: _group(group) for t, group in sorted(by_type.items())},
        "by_lang": {lang: _group(group) for lang, group in sorted(by_lang.items())},
        "quotes": {"total": total_quotes, "verified": verified, "share": _share(verified, total_quotes)},
        "answered_when_unanswerable": {
            "count": answered_anyway,
            "n": len(unanswerable),
            "share": _share(answered_anyway, len(unanswerable)),
        },
        "latency_ms": {"p50": percentile(latencies, 50), "p95": percentile(latencies, 95)},
        "confusion": _confusion(scores),
        "answered_items": _answered_items(scores),
        "errors": sum(s.error is not None for s in scores),
    }


def _confusion(scores: list[ItemScore]) -> dict[str, dict[str, int]]:
    """Gold answerability (yes/toc_only/no) against the status returned."""
    table: dict[str, dict[str, int]] = {}
    for score in scores:
        row = table.setdefault(score.answerable, {"answered": 0, "toc_only": 0, "not_found": 0, "other": 0})
        row[score.status if score.status in row else "other"] += 1
    return table


def _answered_items(scores: list[ItemScore]) -> dict[str, Any]:
    """On answerable items returned as answered: key facts in the first 120 characters, mean answer length."""
    answered = [s for s in scores if s.answerable == "yes" and s.status == "answered"]
    lead = sum(bool(s.facts_in_lead) for s in answered)
    return {
        "n": len(answered),
        "facts_in_first_120": _share(lead, len(answered)),
        "mean_chars": round(sum(s.answer_chars for s in answered) / len(answered), 1) if answered else None,
    }


def _group(scores: list[ItemScore]) -> dict[str, Any]:
    correct = sum(s.correct for s in scores)
    return {"n": len(scores), "correct": correct, "accuracy": _share(correct, len(scores))}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
