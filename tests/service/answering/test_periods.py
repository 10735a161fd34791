"""Periods the asker says have passed, and the policies' conditions on periods (no index needed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from service.answering.periods import (
    Elapsed,
    PeriodCondition,
    asked_conditions,
    elapsed_periods,
    meets,
    period_conditions,
    planned_dates,
    since,
    started_dates,
    without_elapsed,
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("这个项目投产刚满两年半,还能申请吗?", [("两年半", Decimal("2.5"), None)]),
        ("孵化器运营到现在三年多了", [("三年多", Decimal(3), Decimal(4))]),
        ("已经运营了4年,符合吗", [("4年", Decimal(4), None)]),
        ("公司成立5年了", [("5年", Decimal(5), None)]),
        ("有两年了吧", [("两年", Decimal(2), None)]),
        ("开园到现在两年出头", [("两年出头", Decimal(2), Decimal(3))]),  # spoken "a little over"
        # months, and a cue before the verb of what began
        ("这项标准已实施18个月,能报吗?", [("18个月", Decimal("1.5"), None)]),
        ("公司已经成立了3年", [("3年", Decimal(3), None)]),
        ("园区运营了9个多月", [("9个多月", Decimal("0.75"), Decimal("0.75") + Decimal(1) / 12)]),
        ("已获得2年房租补贴", []),  # a benefit's term, not time passed
        ("3个月内完成审核", []),
        # a rate, a date, a deadline, a year: nothing has passed
        ("房租补贴一年最多给多少?", []),
        ("两年前拿过一次奖", []),
        ("2021年底开始运营", []),
        ("三年内不得再次申报吗?", []),
        ("连续3年增长的企业", []),
        ("这两年陆续拿了投资", []),
    ],
)
def test_elapsed_periods_need_a_word_that_says_the_time_has_passed(
    question: str, expected: list[tuple[str, Decimal, Decimal | None]]
) -> None:
    found = elapsed_periods(question)
    assert [(e.text, e.low, e.high) for e in found] == expected
    assert all(question[e.start : e.end] == e.text for e in found if "年" in question[e.start : e.end])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Our standard has been in force for 18 months; can we apply?", [("18 months", Decimal("1.5"), None)]),
        ("It took effect about two and a half years ago.", [("two and a half years", Decimal("2.5"), None)]),
        ("We were founded a year and a half ago", [("a year and a half", Decimal("1.5"), None)]),
        ("We have operated the incubator for over three years", [("three years", Decimal(3), Decimal(4))]),
        # a term, a rate, a span of a subsidy: nothing has passed
        ("How much is the rent subsidy for 3 years?", []),
        ("The subsidy lasts for three years, right?", []),
        ("We got 2 years of rent subsidy", []),
    ],
)
def test_english_elapsed_periods_need_a_perfect_tense_or_ago(
    question: str, expected: list[tuple[str, Decimal, Decimal | None]]
) -> None:
    assert [(e.text, e.low, e.high) for e in elapsed_periods(question)] == expected


def test_period_conditions_keep_the_words_that_say_whose_they_are() -> None:
    text = "(1)牵头制(修)订国际标准并已实施3 年以上,牵头制订地方标准并已经实施2年以上;(2)近 4 年应当无重大安全事故;"
    found = period_conditions(text)
    assert [(c.kind, c.years, c.verb, c.what) for c in found] == [
        ("since", Decimal(3), "实施", ""),
        ("since", Decimal(2), "实施", ""),
        ("clean", Decimal(4), "", "重大安全事故"),
    ]
    assert [c.text for c in found] == [
        "牵头制(修)订国际标准并已实施3 年以上",
        "牵头制订地方标准并已经实施2年以上",
        "近 4 年应当无重大安全事故",
    ]
    assert all(text[c.start : c.end] == c.text for c in found)
    assert period_conditions("申报截止期前 2 年内未发生环境污染事件")[0].what == "环境污染事件"
    assert period_conditions("企业成立满3年") == [
        PeriodCondition("since", Decimal(3), "成立", "", "企业成立满3年", 0, 7)
    ]


@pytest.mark.parametrize(
    ("elapsed", "years", "expected"),
    [
        (Elapsed(Decimal("1.5"), None, "一年半", 0, 3), Decimal(2), False),
        (Elapsed(Decimal(2), None, "两年", 0, 2), Decimal(2), True),  # 以上 counts the figure itself
        (Elapsed(Decimal(1), Decimal(2), "一年多", 0, 3), Decimal(1), True),
        (Elapsed(Decimal(1), Decimal(2), "一年多", 0, 3), Decimal(2), False),
        (Elapsed(Decimal(1), Decimal(2), "一年多", 0, 3), Decimal("1.5"), None),  # the asker's words leave it open
    ],
)
def test_an_elapsed_period_against_a_minimum(elapsed: Elapsed, years: Decimal, expected: bool | None) -> None:
    assert meets(elapsed, PeriodCondition("since", years, "实施", "", "", 0, 0)) is expected


def test_a_question_is_checked_only_against_conditions_on_what_it_names() -> None:
    text = "并已经实施2 年以上;近 5 年应当无违法违纪行为"
    # the event counted from must be the question's; a clean record must be about what the asker says happened
    assert [c.kind for c in asked_conditions("标准实施满一年了,能申报吗?", text, None)] == ["since"]
    assert asked_conditions("公司成立满一年了,能申报吗?", text, None) == []
    assert [c.kind for c in asked_conditions("我去年受过违纪处分,能申报吗?", text, 1)] == ["clean"]
    assert asked_conditions("我们去年营收过亿,能申报吗?", text, 1) == []


def test_the_askers_period_is_no_topic_word() -> None:
    question = "孵化器运营刚满三年半,能申请吗?"
    assert without_elapsed(question) == "孵化器运营刚    ,能申请吗?"
    assert without_elapsed("房租补贴一年最多给多少?") == "房租补贴一年最多给多少?"
    # the verb of what began stays a topic word
    assert without_elapsed("标准已实施18个月") == "标准已实施    "


def test_a_clean_record_is_checked_only_against_what_the_dated_clause_says_happened() -> None:
    text = "申报截止期前 3 年内未发生重大质量、安全事故"
    assert [c.kind for c in asked_conditions("前年出过一次安全事故,还能申报吗?", text, 2)] == ["clean"]
    # 去年 dates the revenue; the quality the asker mentions is no incident of theirs
    assert asked_conditions("我们去年营收过亿,产品质量很好,能申报吗?", text, 1) == []


@pytest.mark.parametrize(
    ("question", "started", "low", "high", "shown"),
    [
        # a month given: between whole months, a month either way for the unknown day
        ("我们的标准2025年3月才开始实施,现在能报吗?", (2025, 3, "实施"), 20, 22, "自2025年3月实施至今约1年8个月"),
        # only a year: over the year's span
        ("公司2024年成立的,能申请吗?", (2024, None, "成立"), 23, 36, "自2024年成立至今已超过1年11个月"),
        ("标准2026年11月发布", (2026, 11, "发布"), 0, 2, "自2026年11月发布至今不到2个月"),
        ("公司2026年成立", (2026, None, "成立"), 0, 12, "自2026年成立至今不到1年"),
    ],
)
def test_a_date_something_began_is_counted_to_today(question, started, low, high, shown) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    (found,) = started_dates(question)
    assert (found.year, found.month, found.verb) == started
    elapsed = since(found, date(2026, 12, 4))
    assert elapsed is not None
    assert (elapsed.low * 12, elapsed.high * 12) == (low, high) and elapsed.text == shown


def test_a_date_not_yet_past_or_without_a_verb_of_beginning_counts_nothing() -> None:
    from datetime import date

    (future,) = started_dates("标准2027年1月实施")
    assert since(future, date(2026, 12, 4)) is None
    assert started_dates("2024年营收12亿") == [] and started_dates("2023年安排了多少资金") == []


def test_a_month_the_asker_would_apply_in_is_what_a_period_is_counted_to() -> None:
    from datetime import date

    question = "这个行业标准是2021年9月实施的,我们打算2023年6月申报,实施年限够不够?"
    (begun,) = started_dates(question)
    (planned,) = planned_dates(question)
    assert (planned.year, planned.month, planned.text) == (2023, 6, "2023年6月")
    elapsed = since(begun, date(2026, 12, 4), planned)
    assert elapsed is not None and elapsed.text == "自2021年9月实施至2023年6月约1年8个月"
    assert (elapsed.low * 12, elapsed.high * 12) == (20, 22)
    # a year without a month, or a date not followed by applying, plans nothing
    assert planned_dates("打算2025年申报") == [] and planned_dates("2024年3月营收过亿") == []


def test_spoken_two_digit_years_and_a_years_end_are_dates() -> None:
    from datetime import date

    question = "我们牵头的团体标准21年10月开始实施,打算23年底申报,够两年吗?"
    (begun,) = started_dates(question)
    (planned,) = planned_dates(question)
    assert (begun.year, begun.month, begun.text) == (2021, 10, "2021年10月")
    assert (planned.year, planned.month, planned.text) == (2023, 12, "2023年底")
    elapsed = since(begun, date(2026, 12, 4), planned)
    assert elapsed is not None and elapsed.text.startswith("自2021年10月实施至2023年底约")
    # a two-digit number of years is no date
    assert started_dates("成立了12年,实施很多年") == []
