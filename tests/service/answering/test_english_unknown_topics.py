"""An English question whose only words the glossary knows are asking words is about its other words."""

from __future__ import annotations

import pytest

from service.answering.plan import concepts_of
from service.models import AnswerStatus


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        # asking words only (support -> 支持, subsidy -> 补贴, policies -> 政策): the unknown words are the topic
        ("Which policies help a bakery?", ["help", "bakery"]),
        ("What support do kindergartens get?", ["kindergartens"]),
        ("How much is the subsidy for opening a restaurant?", ["opening", "restaurant"]),
        # a topic the glossary knows: its unknown words stay out (only dense sees them)
        ("How much is the listing award for a bakery?", ["listing award"]),
        # nothing but asking words: nothing to add
        ("What subsidies are there?", ["subsidies"]),
    ],
)
def test_english_topic_words(question: str, keys: list[str]) -> None:
    assert sorted(c.key for c in concepts_of(question, "en")) == sorted(keys)


@pytest.mark.parametrize(
    "question",
    [
        "Which policies help a bakery?",
        "Is there support for electric vehicle charging stations?",
        "How much does the district pay for a dog grooming salon?",
    ],
)
def test_english_questions_on_topics_the_compilation_lacks_are_not_found(qa, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = qa.ask(question, [])
    assert answer.status is AnswerStatus.NOT_FOUND
    assert answer.citations == []


def test_a_word_said_twice_in_two_forms_is_one_concept() -> None:
    concepts = concepts_of("Our patents were granted abroad. Is there money per patent granted?", "en")
    assert [c.key for c in concepts if "专利" in c.alternatives] == ["patents"]
    zh = concepts_of("补帖能拿多少?补帖款什么时候发?", "zh")
    assert [c.key for c in zh if c.alternatives[1:] == ("补贴",)] == ["补帖"]


@pytest.mark.parametrize("said", ["in force", "in effect"])
def test_in_effect_reads_as_in_force(qa, said: str) -> None:  # type: ignore[no-untyped-def]
    # 滨政〔2023〕7号 states its period as "…实施有效": both wordings find it, named with the word "policy"
    answer = qa.ask(f"Is the policy bundle 滨政〔2023〕7号 still {said} now?", [])
    assert answer.status.value == "answered"
    assert "31 December 2023" in answer.answer.splitlines()[0]
