"""Ranks: requirements by place in an order, the places an asker states, and which alternative a question names."""

from __future__ import annotations

import pytest

from service.answering.ranks import applicable, check, rank_rules, said_ranks

# a requirement written like the compilation's, with alternatives by kind of standard (not its text)
RULE = (
    "(4)参与制定国际标准的起草单位中排名前五位起草人、国家标准制定中排名前四的起草单位的第一起草人、"
    "团体标准制定中排名前一的起草单位的第二起草人、其他标准的第一起草人。"
)


def test_each_alternative_keeps_its_ranks_and_the_words_before_them() -> None:
    rules = rank_rules(RULE)
    assert [(r.context, r.top, r.exact) for r in rules] == [
        ("参与制定国际标准的起草单位中", {"person": 5}, {}),
        ("国家标准制定中", {"unit": 4}, {"person": 1}),
        ("团体标准制定中", {"unit": 1}, {"person": 2}),
        ("其他标准的", {}, {"person": 1}),
    ]
    # a place in an order with no noun after it is the subject's own ("增幅排名在全市前10位的")
    (own,) = rank_rules("新增投资超过 500 万元,且增幅排名在全市前10位的,给予补助")
    assert own.top == {"self": 10}
    # no rank at all: nothing to compare
    assert rank_rules("第一起草人应当为本区企业员工") == []


@pytest.mark.parametrize(
    ("question", "ranks"),
    [
        ("我们公司是第四起草单位,我是第一起草人,行吗?", {"unit": 4, "person": 1}),
        ("单位在所有起草单位里排第二,我本人在起草人中排第3", {"unit": 2, "person": 3}),
        ("增幅在全区排名第十二", {"self": 12}),
        # the noun a place is said of decides whose it is, before the words in front of it
        ("本人是团体标准排名第四的起草单位的第二起草人", {"unit": 4, "person": 2}),
        ("I was the second-listed author and my firm was the 5th drafting unit.", {"person": 2, "unit": 5}),
        ("Our organisation was ranked third among the drafting units.", {"unit": 3}),
        ("We ranked 40th in the district.", {"self": 40}),
        ("Our sales growth ranking in the city is 18th this year.", {"self": 18}),
        ("We rank 12th for growth.", {"self": 12}),
        ("The award ranks first place in importance.", {}),
        ("我们营收第一次过了5亿", {}),
    ],
)
def test_the_places_an_asker_states_by_whose_place_it_is(question: str, ranks: dict[str, int]) -> None:
    assert said_ranks(question) == ranks


def test_the_alternative_the_question_names_and_none_when_it_names_none() -> None:
    rules = rank_rules(RULE)
    assert applicable(rules, "团体标准,我们排第一,我是第二起草人").context == "团体标准制定中"  # type: ignore[union-attr]
    # English is read through the glossary's corpus wording (national standard -> 国家标准)
    assert applicable(rules, "a national standard, we were the 2nd unit").context == "国家标准制定中"  # type: ignore[union-attr]
    # "申报标准…" names no kind of standard: the rest's alternative is not chosen by the words it shares
    assert applicable(rules, "我是第一起草人,能申报标准奖吗?") is None
    # the first alternative's "…标准的起草单位中" is its phrasing, not its kind: a question that words its own
    # standard alike ("团体标准的起草单位里") names the kind it says
    said = "我们单位在一个团体标准的起草单位里排第二,我是单位的第二起草人,能报吗?"
    assert applicable(rules, said).context == "团体标准制定中"  # type: ignore[union-attr]
    # "参与制定" is the first alternative's wording too, but a run of two words said of any standard: the kind
    # the asker names in one word decides (my own wording)
    said = "我参与制定了一项团体标准,单位排第二,我是第二起草人,能报吗?"
    assert applicable(rules, said).context == "团体标准制定中"  # type: ignore[union-attr]


def test_a_place_fails_or_every_ranked_place_is_met() -> None:
    national = rank_rules(RULE)[1]
    failed = check(national, {"unit": 5, "person": 1})
    assert failed is not None and not failed.met and (failed.role, failed.said, failed.required) == ("unit", 5, 4)
    assert check(national, {"unit": 4, "person": 2}).met is False  # type: ignore[union-attr]
    assert check(national, {"unit": 4, "person": 1}).met is True  # type: ignore[union-attr]
    assert check(national, {"unit": 2}) is None  # the person's place not said: undecided
    # a place said without its order is the rule's when it ranks one role only
    (own,) = rank_rules("且增幅排名在全市前10位的,给予补助")
    assert check(own, {"self": 11}).met is False  # type: ignore[union-attr]


def test_a_place_past_the_tenth_is_said_as_an_english_ordinal() -> None:
    from service.answering.ranks import _place

    assert [_place(n, "en") for n in (3, 11, 12, 13, 21, 22, 30, 112)] == [
        "third",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "30th",
        "112th",
    ]


@pytest.mark.parametrize(
    ("question", "met", "said"),
    [
        # my own wordings, against "以第一作者或通讯作者身份…发表"
        ("论文我是二作,能申请奖励吗?", False, ("第二作者",)),
        ("我是这篇文章的通信作者,有奖吗?", True, ("通讯作者",)),
        ("我既不是第一作者也不是通讯作者,还能报吗?", False, ("第一作者", "通讯作者")),
        ("I was listed as the fourth author; can I claim it?", False, ("第四作者",)),
        ("我们发了篇论文,能报吗?", None, ()),
    ],
)
def test_the_authorship_asked_against_the_authorship_required(question: str, met: bool | None, said: tuple) -> None:
    from service.answering.ranks import check_authorship

    text = "以第一作者或通讯作者身份在顶级期刊发表相关论文的,给予最高5万元奖励。"
    checked = check_authorship(text, question)
    assert (checked.met if checked else None) is met
    assert (checked.said if checked else ()) == said


def test_an_order_of_authors_is_no_place_in_a_ranking() -> None:
    # my own wording: "排第二作者" is who wrote it, not the company's growth ranking
    from service.answering.comparisons import parse_user_figures

    assert parse_user_figures("我排第二作者,能拿论文奖励吗?") == []
    assert [f.field for f in parse_user_figures("研发增幅排全区第12位,能拿补贴吗?")] == ["growth_rank"]
