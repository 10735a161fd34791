"""A question that asks a yearly cap is answered first by the text that states one."""

from __future__ import annotations

import pytest

from corpus.text import compact
from service.answering.figures import YEARLY_CAP, asks_yearly_cap


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("租房补助一年最多多少?", True),
        ("每年上限是多少?", True),
        ("年度封顶多少钱", True),
        ("最多每年能补多少", True),
        ("What is the annual cap?", True),
        ("How much at most per year?", True),
        ("租房补助最多多少?", False),
        ("一年评几次?", False),
        ("补贴能拿几年?", False),
    ],
)
def test_asks_yearly_cap(question: str, asks: bool) -> None:
    assert asks_yearly_cap(question) is asks


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("补助金额每年不超过 200 万元,累计不超过三年", True),
        ("单个企业年最高额度不超过 100 万元", True),
        ("每家企业年贴息额度不超过200 万元", True),
        ("单家企业年度累计补助金额不超过120 万元", True),
        # the year a support starts from, not a yearly cap
        ("自设立(或增资)年度起三年内分别按最高不超过企业租赁经营场所的50%", False),
        ("给予最高 100 万元奖励", False),
    ],
)
def test_yearly_cap_wording(text: str, states: bool) -> None:
    assert bool(YEARLY_CAP.search(compact(text))) is states


def test_a_yearly_cap_question_quotes_the_yearly_cap_first(qa) -> None:  # type: ignore[no-untyped-def]
    for question in ("租房补助一年最多多少?", "How much is the rent subsidy at most per year?"):
        answer = qa.ask(question, [])
        first = answer.citations[0]
        assert (first.doc_number, first.printed_page) == ("区办〔2023〕12号", 13)
        assert "每年不超过 200 万元" in first.quote
