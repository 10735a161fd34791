"""evals.robustness: gold questions retold the way people type them, asked again on the real index."""

from __future__ import annotations

from typing import Any

import pytest

from evals.gold import load_gold
from evals.robustness import CHINESE, ENGLISH, run, table
from evals.scorer import QuoteVerifier


@pytest.mark.parametrize(
    ("name", "question", "retold"),
    [
        ("greeting and thanks", "孵化器房租补贴多少?", "你好,请问一下,孵化器房租补贴多少?谢谢!"),
        ("spaces for marks", "补多少?补几年?", "补多少 补几年"),
        ("particle at the end", "补多少?", "补多少呀?"),
        ("滨江区 for 区里", "区里补多少?", "滨江区补多少?"),
        ("who asks first", "补多少?", "我们是一家企业,补多少?"),
    ],
)
def test_chinese_retellings(name: str, question: str, retold: str) -> None:
    assert CHINESE[name](question) == retold


def test_english_retellings() -> None:
    assert ENGLISH["no question mark"]("How much is it? ") == "How much is it"
    assert ENGLISH["greeting and thanks"]("How much?") == "Hi, How much? Thanks!"


def test_a_run_asks_each_right_answer_again_in_each_retelling(qa) -> None:  # type: ignore[no-untyped-def]
    items = [i for i in load_gold() if i.id in {"dev-001", "dev-104"}]
    asked: list[str] = []

    def ask(question: str) -> dict[str, Any]:
        asked.append(question)
        return dict(qa.ask(question, []).model_dump(mode="json"))

    rows = run(ask, items, QuoteVerifier(qa.corpus))
    by_name = {r.retelling: r for r in rows}
    chinese = next(i for i in items if i.id == "dev-001").question
    assert f"你好,请问一下,{chinese}谢谢!" in asked
    assert by_name["English: lower case"].asked == 1
    assert all(r.asked >= len(r.changed) for r in rows)
    assert "| retelling | asked | no longer right | items |" in table("gold_dev.jsonl", rows)
