"""A question in parts whose next part's figure stands right after the first part's quote, across a page break."""

from __future__ import annotations

import pytest

from service.answering.compose import _part_held
from service.answering.evidence import Terms


@pytest.mark.parametrize(
    "question",
    [
        "总部企业拿了中国专利优秀奖奖多少?要是只拿到区政府质量奖提名又给多少?",
        "我们是总部企业,中国专利银奖奖多少?省政府质量奖提名给多少?",
    ],
)
def test_each_part_gets_its_own_figure_in_the_lead(qa, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = qa.ask(question, [])
    lead = answer.answer.splitlines()[0]
    # the patent prizes (p.14) and the quality-award nominations (p.15, where the sentence goes on after the break)
    assert "20 万元" in lead and "提名" in lead and "25 万元" in lead
    assert {c.printed_page for c in answer.citations} >= {14, 15}


def test_a_part_is_held_only_when_every_rarest_word_is() -> None:
    own = Terms({"质量奖": 5.0, "提名": 5.0, "政府": 2.0}, {})
    quoted = "新获得…政府质量奖的单位…;新获得…政府质量奖提名的单位…"
    assert not _part_held(own, "给予知识产权和质量奖励:100万元", quoted)
    assert _part_held(own, "质量奖提名的单位,分别给予…", quoted)
