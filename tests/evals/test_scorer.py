"""The scoring rules of evals/datasets/SCORING.md, one hand-made answer per rule (not quality thresholds)."""

from __future__ import annotations

from typing import Any

import pytest

from evals.gold import GoldItem
from evals.scorer import ItemScore, QuoteVerifier, aggregate, score_answer

ON_PAGE_1 = "每年从财政支出中按不低于百分之十五比例安排不少于 30 亿元产业扶持资金"
ON_PAGE_2 = "每年安排预算不少于1.5亿元,实施新一轮“5050”计划"
ACROSS_1_2 = "打造一流数\n字经济产业集群"  # page 1 ends with 打造一流数, page 2 starts with 字经济


def gold(**overrides: Any) -> GoldItem:
    fields: dict[str, Any] = {
        "id": "t-1",
        "type": "numeric",
        "question": "滨江每年拿多少钱做产业扶持?",
        "answerable": "yes",
        "doc_nos": [1],
        "evidence": [ON_PAGE_1],
        "pages": [1],
        "key_facts": [["百分之十五", "15%"], ["30 亿元"]],
    }
    return GoldItem.model_validate(fields | overrides)


def cite(doc_no: int = 1, page: int = 1, quote: str = ON_PAGE_1) -> dict[str, Any]:
    return {
        "doc_no": doc_no,
        "title": "t",
        "doc_number": "n",
        "section": "",
        "printed_page": page,
        "ebook_page": page + 3,
        "quote": quote,
    }


def answer(text: str = "按不低于15%比例安排不少于30亿元[1]", status: str = "answered", citations=None) -> dict:
    return {"answer": text, "status": status, "citations": [cite()] if citations is None else citations}


def test_answered_with_every_key_fact_and_a_gold_page_is_correct(verifier: QuoteVerifier) -> None:
    score = score_answer(answer(), gold(), verifier)
    assert score.correct, score.reasons
    assert score.quotes_verified == score.quotes_total == 1


def test_any_spelling_counts_and_whitespace_and_width_are_ignored(verifier: QuoteVerifier) -> None:
    score = score_answer(answer("按不低于 百分之十五 比例,不少于３０ 亿元"), gold(), verifier)
    assert score.correct, score.reasons


def test_a_missing_key_fact_fails(verifier: QuoteVerifier) -> None:
    score = score_answer(answer("不少于30亿元"), gold(), verifier)
    assert not score.correct
    assert any("key fact '百分之十五'" in r for r in score.reasons)


def test_a_key_fact_after_600_characters_fails(verifier: QuoteVerifier) -> None:
    late = "不少于30亿元。" + "政" * 600 + "百分之十五"
    assert not score_answer(answer(late), gold(), verifier).correct
    just_in = "不少于30亿元。" + "政" * (600 - 8 - 5) + "百分之十五"
    assert len(just_in) == 600
    assert score_answer(answer(just_in), gold(), verifier).correct


@pytest.mark.parametrize("status", ["not_found", "toc_only"])
def test_an_answerable_question_needs_status_answered(verifier: QuoteVerifier, status: str) -> None:
    score = score_answer(answer(status=status), gold(), verifier)
    assert not score.correct
    assert any("wrong status" in r for r in score.reasons)


def test_every_gold_doc_must_be_among_the_first_six_citations(verifier: QuoteVerifier) -> None:
    item = gold(type="crossdoc", doc_nos=[1, 2], pages=[1, 11])
    six_of_doc_1 = [cite()] * 6
    assert not score_answer(answer(citations=[*six_of_doc_1, cite(2, 11, "x" * 8)]), item, verifier).correct
    within = [cite()] * 5 + [cite(2, 11, "x" * 8)]
    assert score_answer(answer(citations=within), item, verifier).correct


def test_a_citation_must_pair_a_gold_doc_with_a_gold_page(verifier: QuoteVerifier) -> None:
    wrong_page = score_answer(answer(citations=[cite(1, 2, ON_PAGE_2)]), gold(), verifier)
    assert not wrong_page.correct
    assert any("gold page" in r for r in wrong_page.reasons)
    # the gold page under another document, the gold doc on another page: no gold doc + gold page pair
    split = [cite(3, 1, "x" * 8), cite(1, 2, ON_PAGE_2)]
    assert not score_answer(answer(citations=split), gold(), verifier).correct


def test_a_page_match_on_a_later_evidence_page_counts(verifier: QuoteVerifier) -> None:
    item = gold(pages=[1, 2])
    assert score_answer(answer(citations=[cite(1, 2, ON_PAGE_2)]), item, verifier).correct


def test_toc_only_needs_the_status_and_a_citation_with_the_gold_doc(verifier: QuoteVerifier) -> None:
    item = gold(type="toc_only", answerable="toc_only", doc_nos=[8], pages=[59], evidence=[], key_facts=[])
    toc_quote = "杭高新〔2023〕1号"
    ok = score_answer(answer("正文未收录", "toc_only", [cite(8, 59, toc_quote)]), item, verifier)
    assert ok.correct, ok.reasons
    assert ok.quotes_verified == 1  # toc_only quotes are checked against the table of contents
    assert not score_answer(answer("正文未收录", "toc_only", [cite(7, 49, toc_quote)]), item, verifier).correct
    assert not score_answer(answer("...", "answered", [cite(8, 59, toc_quote)]), item, verifier).correct


@pytest.mark.parametrize(("status", "correct"), [("not_found", True), ("answered", False), ("toc_only", False)])
def test_unanswerable_needs_not_found(verifier: QuoteVerifier, status: str, correct: bool) -> None:
    item = gold(type="unanswerable", answerable="no", doc_nos=[], pages=[], evidence=[], key_facts=[])
    assert score_answer(answer("汇编中没有", status, []), item, verifier).correct is correct


def test_a_quote_not_on_its_page_fails_verification(verifier: QuoteVerifier) -> None:
    score = score_answer(answer(citations=[cite(), cite(1, 1, ON_PAGE_2)]), gold(), verifier)
    assert score.correct  # verification is reported beside accuracy, not folded into it
    assert (score.quotes_verified, score.quotes_total) == (1, 2)
    assert not score.strict_correct
    assert not verifier.verify(cite(1, 1, "滨江没有这句话的原文"))
    assert not verifier.verify(cite(1, 1, "一流"[:1] * 3))  # shorter than 4 characters


def test_a_quote_running_into_the_neighbouring_page_passes(verifier: QuoteVerifier) -> None:
    assert verifier.verify(cite(1, 1, ACROSS_1_2))
    assert verifier.verify(cite(1, 2, ACROSS_1_2))
    # but a quote wholly on the next page does not stand on the cited one
    assert not verifier.verify(cite(1, 1, ON_PAGE_2))


def test_toc_quotes_must_be_in_the_table_of_contents(verifier: QuoteVerifier) -> None:
    assert verifier.verify(cite(8, 59, "杭高新〔2023〕1 号"), toc_only=True)
    assert not verifier.verify(cite(8, 59, "5050计划创业资助200万元"), toc_only=True)


def test_aggregate_reports_accuracy_by_type_quotes_unanswered_and_latency() -> None:
    def s(type_: str, correct: bool, status: str = "answered", latency: float = 10.0) -> ItemScore:
        return ItemScore(
            id=type_,
            type=type_,
            lang="zh",
            answerable="no" if type_ == "unanswerable" else "yes",
            status=status,
            correct=correct,
            quotes_total=2,
            quotes_verified=1,
            latency_ms=latency,
        )

    summary = aggregate(
        [
            s("numeric", True, latency=10),
            s("numeric", False, latency=30),
            s("unanswerable", False, "answered", 20),
            s("unanswerable", True, "not_found", 40),
        ]
    )
    assert summary["accuracy"] == 0.5
    assert summary["by_type"]["numeric"] == {"n": 2, "correct": 1, "accuracy": 0.5}
    assert summary["quotes"] == {"total": 8, "verified": 4, "share": 0.5}
    assert summary["answered_when_unanswerable"] == {"count": 1, "n": 2, "share": 0.5}
    assert summary["latency_ms"]["p50"] == 25.0
