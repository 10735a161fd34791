"""Homophone typos from pinyin input: a long word the compilation never writes is read as its homophone."""

from __future__ import annotations

import pytest

from corpus.library import Corpus
from service.answering.plan import plan_query
from service.answering.typos import HomophoneIndex, homophones


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("新才料", "新材料"),  # same sound, the texts' word
        ("新材料", None),  # written as the texts write it
        ("统一", None),  # two characters: sounds alone say too little
        ("量子计算", None),  # no word of the texts sounds like it
    ],
)
def test_a_long_word_the_texts_never_use_reads_as_their_homophone(word: str, expected: str | None) -> None:
    index = HomophoneIndex(["支持新材料、生物医药等产业,对同一项目不重复奖励。"])
    assert index.correct(word) == expected


def test_the_question_plan_carries_the_corrected_wording(corpus: Corpus) -> None:
    assert homophones(corpus).correct("新才料") == "新材料"
    plan = plan_query("做新才料的公司算不算重点产业?", [], corpus)
    concept = next(c for c in plan.concepts if c.key == "新才料")
    assert concept.alternatives == ("新才料", "新材料")
    assert "新材料" in plan.text  # the keyword query reads it too
    assert "新材料" in plan.dense_text and "新才料" not in plan.dense_text  # the embedder reads what was meant


@pytest.mark.parametrize(
    ("word", "question", "expected"),
    [
        ("疫药", "生物疫药企业有补贴吗", "医药"),  # 生物疫药 sounds like the texts' 生物医药
        ("同异", "同异项目能拿两次吗", "同一"),  # 同异项目 sounds like 同一项目
        ("量子", "量子计算有补贴吗", None),  # no run around it sounds like the texts'
        ("医药", "生物医药企业有补贴吗", None),  # written as the texts write it
    ],
)
def test_a_two_character_word_is_read_in_the_words_around_it(word: str, question: str, expected: str | None) -> None:
    index = HomophoneIndex(["支持新材料、生物医药等产业,对同一项目不重复奖励。"])
    assert index.correct_in(word, question) == expected


def test_a_word_of_general_chinese_is_what_the_asker_meant(corpus: Corpus) -> None:
    # "一件发" sounds like the texts' "意见发", but 一件 is a word every dictionary has: no typo
    assert homophones(corpus).correct_in("一件", "每拿到一件发明专利授权") == "意见"
    plan = plan_query("每拿到一件发明专利授权,区里补贴多少钱?", [], corpus)
    assert all(c.alternatives == (c.key,) for c in plan.concepts if c.key == "一件")
    # a typo no dictionary has is still read as the texts' word
    plan = plan_query("瞪岭企业有什么扶持?", [], corpus)
    assert any("瞪羚" in c.alternatives for c in plan.concepts)


@pytest.mark.parametrize(
    ("word", "question", "expected"),
    [
        ("公事", "公事期内有异议怎么办", "公示"),  # the texts write 期 after it: 公事期 is their 公示期
        ("统意", "统意标准", "统一"),  # 标 is the texts' own character after it
        ("复合", "复合以后", "符合"),  # 复合以: the texts' 符合以, 以 and all
        ("复合", "复合一般", None),  # 复合一 sounds like 符合以, but 一 is not the texts' 以
    ],
)
def test_a_dictionary_word_is_read_in_context_only_when_its_surroundings_are_the_texts_own(
    word: str, question: str, expected: str | None
) -> None:
    index = HomophoneIndex(["公示期内无异议的,符合以下条件,统一标准,同一项目不重复。"])
    assert index.correct_in(word, question, same_around=True) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("产叶", "产业"),  # no word at all: the one dictionary word of the texts with its sound
        ("疫药", "医药"),
        ("同意", None),  # a real word: what the asker meant
        ("统亿", None),  # sounds like both 同一 and 统一 in the texts: a sound alone cannot choose
    ],
)
def test_a_two_character_non_word_reads_as_the_texts_one_word_of_its_sound(word: str, expected: str | None) -> None:
    index = HomophoneIndex(["支持新材料、生物医药等产业,对同一项目不重复奖励,统一标准。"])
    assert index.correct_word(word) == expected


def test_chat_shorthand_w_is_wan() -> None:
    from service.answering.plan import normalise

    assert normalise("一年最多能补几个w?") == "一年最多能补几万?"
    assert normalise("营收3000w,算总部吗") == "营收3000万元,算总部吗"
    assert normalise("用AWS的云服务有补贴吗") == "用AWS的云服务有补贴吗"  # inside a Latin word it is a letter
