"""Questions in traditional characters (繁體, from Hong Kong, Taiwan, Macau) read as their simplified twins."""

from __future__ import annotations

import pytest

from service.answering.plan import normalise, simplified
from service.models import Turn


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("孵化器獎勵最高給多少?", "孵化器奖励最高给多少?"),
        ("這個補貼還有效嗎", "这个补贴还有效吗"),
        # Taiwan's words for the mainland's, by OpenCC's phrase table
        ("做軟體的公司", "做软件的公司"),
        ("怎麼申請?要甚麼材料", "怎么申请?要什么材料"),  # Hong Kong's 甚麼 is 什么
        ("要交甚么材料", "要交什么材料"),
    ],
)
def test_traditional_characters_are_read_in_simplified(said: str, read: str) -> None:
    assert simplified(said) == read


@pytest.mark.parametrize(
    "question",
    ["总部企业怎么认定?要什么材料?", "多么希望能拿到补贴", "How much is the rent subsidy?", "区办〔2023〕12号第几页?"],
)
def test_a_simplified_question_is_left_as_it_is(question: str) -> None:
    # the phrase table alone would write 么 as 幺
    assert simplified(question) == question


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("我哋公司有冇得補貼?補幾多?", "我们公司有没有得补贴?补多少?"),
        ("點樣申請?邊度交材料㗎?", "怎样申请?哪里交材料?"),
        ("佢哋係咪總部企業?", "他们是不是总部企业?"),
        # 係 alone is left to the tables (系): Mandarin writes 关系, 体系
        ("稅務關係喺濱江", "税务关系在滨江"),
    ],
)
def test_written_cantonese_words_read_as_mandarin(said: str, read: str) -> None:
    assert simplified(said) == read


def test_normalise_simplifies_after_width() -> None:
    assert normalise("營收3000w,算總部嗎?") == "营收3000万元,算总部吗?"


def _read(qa, question: str, history: list[Turn]) -> tuple[str, str, list[int]]:  # type: ignore[no-untyped-def]
    answer = qa.ask(question, history)
    return answer.status.value, answer.answer, [c.printed_page for c in answer.citations]


@pytest.mark.parametrize(
    ("traditional", "simple"),
    [
        ("孵化器新認定了,獎勵最高多少錢?", "孵化器新认定了,奖励最高多少钱?"),
        ("我們去年營業額9億,做軟體的,算總部企業嗎?", "我们去年营业额9亿,做软件的,算总部企业吗?"),
        ("總部企業在滨江租辦公室,房租補助每年最多多少?", "总部企业在滨江租办公室,房租补助每年最多多少?"),
        ("我哋總部企業喺滨江租咗辦公室,房租補助每年最多幾多?", "我们总部企业在滨江租了办公室,房租补助每年最多多少?"),
    ],
)
def test_a_traditional_question_is_answered_as_its_simplified_twin(qa, traditional: str, simple: str) -> None:  # type: ignore[no-untyped-def]
    said = _read(qa, traditional, [])
    assert said[0] == "answered"
    assert said == _read(qa, simple, [])


def test_a_traditional_history_is_read_for_the_follow_up(qa) -> None:  # type: ignore[no-untyped-def]
    history = [Turn(role="user", content="總部企業的租房補助每年最多多少?"), Turn(role="assistant", content="…")]
    twin = [Turn(role="user", content="总部企业的租房补助每年最多多少?"), Turn(role="assistant", content="…")]
    said = _read(qa, "那購房呢?", history)
    assert said[0] == "answered"
    assert said == _read(qa, "那购房呢?", twin)


def test_corner_quotes_are_read_as_the_compilation_quotes() -> None:
    assert normalise("拿到國家級專精特新「小巨人」") == "拿到国家级专精特新“小巨人”"
    assert normalise("『单项冠军』企业") == "‘单项冠军’企业"


def test_a_level_named_before_a_corner_quoted_title_is_the_titles(qa) -> None:  # type: ignore[no-untyped-def]
    # the compilation writes 国家级专精特新“小巨人”: with 「」 the title had not been read, and the award was refused
    corner = _read(qa, "去年评上了国家级专精特新「小巨人」,区里奖多少?", [])
    assert corner[0] == "answered"
    assert corner == _read(qa, "去年评上了国家级专精特新“小巨人”,区里奖多少?", [])
