"""The eligibility check and the chat-lead comparisons: exact boundaries, units, missing fields, validity."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

import pytest
from pydantic import ValidationError

from corpus.library import Corpus
from service.answering.comparisons import (
    compare_figures,
    kind_named,
    lead_sentence,
    parse_user_figures,
    relevant_facts,
)
from service.answering.eligibility import CompanyProfile, FactVerdict, Verdict, check, profile_from
from service.answering.facts import PolicyFact, extract_facts
from service.answering.plan import names_anything

WAN, YI = Decimal(10) ** 4, Decimal(10) ** 8
TODAY = date(2026, 12, 1)


@lru_cache(maxsize=1)
def facts() -> tuple[PolicyFact, ...]:
    return tuple(extract_facts(Corpus.load()))


def verdict_of(results: list[FactVerdict], label: str, doc_no: int = 2) -> FactVerdict:
    hits = [r for r in results if r.label == label and r.citation.doc_no == doc_no]
    assert len(hits) == 1, [r.label for r in hits]
    return hits[0]


def run(**profile: object) -> list[FactVerdict]:
    return check(CompanyProfile.model_validate(profile), list(facts()), TODAY)


def test_amounts_parse_in_chinese_units_exactly() -> None:
    p = CompanyProfile.model_validate({"revenue": "12亿", "rd_spend": "3000万元", "rd_share": "7.5%"})
    assert (p.revenue, p.rd_spend, p.rd_share) == (12 * YI, 3000 * WAN, Decimal("7.5"))
    assert CompanyProfile(revenue=Decimal(1500000000)).revenue == 15 * YI
    with pytest.raises(ValidationError):
        CompanyProfile.model_validate({"revenue": "很多"})
    with pytest.raises(ValidationError):
        CompanyProfile.model_validate({"revenue": -5})


@pytest.mark.parametrize(
    ("said", "metric", "value"),
    [
        ("Our turnover last year was three hundred and twenty million yuan.", "营业收入", Decimal(320_000_000)),
        ("R&D spending is twelve percent of revenue", "研发费用占营业收入比例", Decimal(12)),
        ("revenue of forty-five million yuan", "营业收入", Decimal(45_000_000)),
    ],
)
def test_english_numbers_said_in_words_are_read(said: str, metric: str, value: Decimal) -> None:
    from service.answering.comparisons import parse_user_figures

    assert [(f.metric, f.value) for f in parse_user_figures(said)] == [(metric, value)]


@pytest.mark.parametrize(
    ("said", "field"),
    [
        # my own wordings: 交易额 opening a clause is the amount of what the clause before named (收购)
        ("公司打算并购同行,交易额差不多7亿", "acquisition_value"),
        # ... and the platform's own when nothing else was named, or the figure word is specific
        ("我们是数据交易平台,交易额3亿", "platform_trade_value"),
        ("打算收购一家公司,我们平台交易额3亿", "platform_trade_value"),
        # a company's 收入 is its revenue, whatever it was said to do before
        ("我们是做软件研发的公司,收入3亿", "revenue"),
    ],
)
def test_a_generic_figure_word_is_the_amount_of_what_the_clause_before_named(said: str, field: str) -> None:
    from service.answering.comparisons import parse_user_figures

    assert [f.field for f in parse_user_figures(said)] == [field]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # my own wordings: figures listed after one metric word are each that metric's
        ("两场活动的场租费分别是90万和250万", [("venue_rent", Decimal(900_000)), ("venue_rent", Decimal(2_500_000))]),
        ("近两年营收是6亿、9亿", [("revenue", Decimal(600_000_000)), ("revenue", Decimal(900_000_000))]),
        # a figure after the metric's own figure and no list is another's ("能拿1000万": an award asked)
        ("营收突破100亿能拿1000万吗", [("revenue", Decimal(10_000_000_000)), ("", Decimal(10_000_000))]),
    ],
)
def test_figures_listed_after_one_metric_word_are_its_figures(said: str, expected: list[tuple[str, Decimal]]) -> None:
    from service.answering.comparisons import parse_user_figures

    assert [(f.field, f.value) for f in parse_user_figures(said)] == expected


@pytest.mark.parametrize(
    ("said", "value", "unit"),
    [
        ("我们的平台对外服务了三十七家企业", Decimal(37), "家"),
        ("数据集目前被两家区内企业调用过", Decimal(2), "家"),
        ("去年增幅排名全区第十二位", Decimal(12), "位"),
        ("our growth ranks twenty-third in the district", Decimal(23), "位"),
    ],
)
def test_counts_and_places_said_in_words_are_read(said: str, value: Decimal, unit: str) -> None:
    from service.answering.comparisons import parse_user_figures

    assert [(f.value, f.unit) for f in parse_user_figures(said)] == [(value, unit)]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # my own wordings: 算力 alone names what the asker paid for computing (服务合同金额)
        ("在计算中心用了60万元的算力", [("服务合同金额", Decimal(600_000))]),
        ("算力一年花了120万", [("服务合同金额", Decimal(1_200_000))]),
        # "几百万", "数十亿": some multiple of a round figure, not one the asker states
        ("算力账单一年好几百万", []),
        ("营收有数十亿", []),
        ("营收破百亿", [("营业收入", Decimal(10_000_000_000))]),
        # the sum given right after a verb of giving is the award's, not a measure of the asker (my own wordings)
        ("社零企业首次入库奖20万元吗", [("", Decimal(200_000))]),
        ("营收1亿的补50万吗", [("营业收入", Decimal(100_000_000)), ("", Decimal(500_000))]),
    ],
)
def test_computing_spend_is_a_contract_value_and_some_multiple_is_no_figure(
    said: str, expected: list[tuple[str, Decimal]]
) -> None:
    assert [(f.metric, f.value) for f in parse_user_figures(said)] == expected


def test_r_and_d_said_as_speech_writes_it_is_rd() -> None:
    from service.answering.comparisons import parse_user_figures
    from service.answering.plan import normalise

    said = normalise("our r and d spending went up by four million yuan")
    assert "R&D" in said
    assert [("研发" in f.metric, f.value) for f in parse_user_figures(said)] == [(True, Decimal(4_000_000))]
    assert normalise("an R n D centre") == "an R&D centre"


def test_a_company_said_as_one_is_no_count() -> None:
    from service.answering.comparisons import parse_user_figures

    assert parse_user_figures("有一家企业打电话来问数据集奖励") == []


def test_words_that_only_count_or_scale_stay_words() -> None:
    from service.answering.comparisons import spelled_out

    assert (
        spelled_out("two years later we pass 20 billion, one of them")
        == "two years later we pass 20 billion, one of them"
    )


def test_inclusive_threshold_is_met_at_the_boundary() -> None:
    at = verdict_of(run(industry="工业制造", revenue="10亿"), "工业总部")
    below = verdict_of(run(industry="工业制造", revenue=Decimal(999999999)), "工业总部")
    assert at.verdict is Verdict.MEETS and below.verdict is Verdict.FAILS
    assert "达到" in at.conditions[0].detail and "未达到" in below.conditions[0].detail


def test_strict_threshold_is_not_met_at_the_boundary() -> None:
    growth = next(r for r in run(kinds=["总部企业"], revenue_growth="10%") if r.label == "规模增长奖励")
    assert growth.verdict is Verdict.FAILS
    growth = next(r for r in run(kinds=["总部企业"], revenue_growth="10.01%") if r.label == "规模增长奖励")
    assert growth.verdict is Verdict.MEETS


def test_brackets_are_closed_below_and_open_above() -> None:
    results = run(kinds=["总部企业"], paid_in_capital="10亿")
    invest = [r for r in results if r.label.startswith("招商引资奖励")]
    met = [r for r in invest if r.verdict is Verdict.MEETS]
    assert len(met) == 1 and "10亿元(含)以上" in met[0].label
    assert met[0].estimated_amount == 1000 * WAN  # 1% of 10亿 is 1000万, the bracket's cap


def test_ratio_is_applied_to_the_profile_figure_and_capped() -> None:
    results = run(kinds=["总部企业"], paid_in_capital="3亿")
    met = next(r for r in results if r.label.startswith("招商引资奖励") and r.verdict is Verdict.MEETS)
    assert met.estimated_amount == 300 * WAN  # 1% of 3亿, under the 500万 cap


def test_a_contract_based_award_is_worked_out_on_the_contract_and_held_to_its_yearly_cap() -> None:
    # 算力补贴: 按照服务合同金额的50%, 单个主体年度补贴金额不超过100万元
    def computing(contract: str) -> FactVerdict:
        return next(r for r in run(kinds=["人工智能企业"], contract_value=contract) if "算力" in r.label)

    assert computing("120万").estimated_amount == 60 * WAN
    assert computing("500万").estimated_amount == 100 * WAN
    figures = parse_user_figures("我们的算力服务合同金额是120万")
    assert [(f.field, f.value) for f in figures] == [("contract_value", 120 * WAN)]
    # the spoken ways of saying what was spent on it
    for said in (
        "跟算力中心签的合同80万",
        "算力费用花了80万",
        "买了80万的算力服务",
        "We spent 0.8 million on computing power",
    ):
        assert [f.field for f in parse_user_figures(said)] == ["contract_value"], said


def test_a_technology_trading_award_is_worked_out_on_the_contracts_traded_and_its_cap_is_not_the_shares() -> None:
    # 滨政〔2023〕7号 p.35: 按其年度输出技术合同交易额的5%,给予最高 200 万元奖励 (最高 caps the sum, not the 5%)
    def trading(value: str) -> FactVerdict:
        return next(r for r in run(tech_contract_value=value) if "技术合同交易额" in r.citation.quote)

    assert trading("3000万").estimated_amount == 150 * WAN
    assert trading("6000万").estimated_amount == 200 * WAN
    fact = next(f for f in facts() if "技术合同交易额" in f.quote and f.benefit is not None and f.benefit.ratio)
    assert fact.benefit is not None and fact.benefit.describe().startswith("按年度输出技术合同交易额5%")
    for said in ("去年输出技术合同交易额3000万元", "我们技术交易额有3000万", "技术合同成交额三千万"):
        assert [f.field for f in parse_user_figures(said)] == ["tech_contract_value"], said


def test_every_share_of_a_project_platform_or_rent_figure_is_worked_out_on_the_askers_figure() -> None:
    # my own figures: 区办〔2023〕9号 p.18 "给予其项目投入的50%、最高不超过2000万元" (2000万 is the cap, not a
    # condition on the project), 杭高新〔2023〕5号 "给予平台年交易额(非关联企业)1%的补贴" with its yearly cap,
    # "给予项目投资额20%的资金支持", and 滨政〔2023〕7号's foreign-investment rent of 企业租赁经营场所
    def award(quote_word: str, **profile: object) -> FactVerdict:
        return next(r for r in run(**profile) if quote_word in r.citation.quote and r.estimated_amount is not None)

    platform = award("项目投入的50%", project_investment="1000万", kinds=["专精特新企业"])
    assert platform.estimated_amount == 500 * WAN  # (经认定: the recognition itself is for the office to decide)
    assert award("项目投入的50%", project_investment="5000万").estimated_amount == 2000 * WAN
    assert award("项目投资额20%", project_investment="1000万").estimated_amount == 200 * WAN
    trading = award("平台年交易额", platform_trade_value="3000万", kinds=["人工智能企业"])
    assert trading.estimated_amount == 30 * WAN
    assert award("平台年交易额", platform_trade_value="5亿").estimated_amount == 100 * WAN
    # the 500万美元 bracket pays up to 80% of the site's rent
    rent = award("企业租赁经营场所", paid_in_capital_usd="600万美元", annual_rent="100万")
    assert rent.estimated_amount == 80 * WAN
    fact = next(f for f in facts() if "项目投入的50%" in f.quote and f.benefit is not None and f.benefit.ratio)
    assert [c.field for c in fact.conditions] == ["kinds"] and fact.benefit is not None and fact.benefit.cap is not None
    for said, field in (
        ("项目总投入3000万", "project_investment"),
        ("平台交易额一年两个亿", "platform_trade_value"),
        ("每年房租120万", "annual_rent"),
        ("We signed RMB 20 million worth of technology contracts", "tech_contract_value"),
        ("our project investment is RMB 8 million", "project_investment"),
    ):
        assert [f.field for f in parse_user_figures(said)] == [field], said


def test_an_interest_subsidy_is_worked_out_on_the_loan_and_its_benchmark_rate_within_its_yearly_cap() -> None:
    # 区办〔2023〕9号 p.19: "给予实际贷款额银行基准利率的 50%贴息资助,每家企业年贴息额度不超过200 万元"; my own
    # figures: 2000万 at 3.6% is 72万 of interest, half of it 36万; 2亿 at 5% would be 500万, held to 200万
    def subsidy(**profile: object) -> FactVerdict:
        return next(r for r in run(**profile) if "实际贷款额银行基准利率" in r.citation.quote)

    assert subsidy(loan_amount="2000万", benchmark_rate="3.6%").estimated_amount == 36 * WAN
    assert subsidy(loan_amount="2亿", benchmark_rate="5%").estimated_amount == 200 * WAN
    # the loan alone is not enough to work it out
    assert subsidy(loan_amount="2000万").estimated_amount is None
    for said, fields in (
        ("从银行贷了1500万,利率3.8%", ["loan_amount", "benchmark_rate"]),
        ("a loan of RMB 15 million at a benchmark rate of 3.8 percent", ["loan_amount", "benchmark_rate"]),
    ):
        assert [f.field for f in parse_user_figures(said)] == fields, said


def test_yearly_growth_figures_in_a_list_are_averaged_as_the_policy_measures_growth() -> None:
    # "连续 3 年的…正增长且平均增幅超过 10%" (区办〔2023〕12号 p.12): my own lists of three years
    for said, mean in (
        ("近三年营收增长率分别是9%、13%和8%", Decimal(10)),
        ("revenue growth of 15%, 12% and 9% in the last three years", Decimal(12)),
    ):
        figures = parse_user_figures(said)
        assert [(f.field, f.value) for f in figures] == [("revenue_growth", mean)], said
    # figures of another metric, or not in a list, stay as they are
    assert [f.value for f in parse_user_figures("营收增幅12%,研发占比8%")] == [12, 8]


def test_a_share_stated_without_its_metric_is_the_rd_share_and_not_asked() -> None:
    from service.answering.plan import Asked, asked_kinds

    figures = parse_user_figures("研发投入3000万,占比12%")
    assert [(f.field, f.value) for f in figures] == [("rd_spend", 3000 * WAN), ("rd_share", 12)]
    assert Asked.RATIO not in asked_kinds("研发投入3000万,占比12%,能认定吗?")
    assert Asked.RATIO not in asked_kinds("研发费用占营收比例约为百分之十二,够不够?")
    # a share asked stays asked
    assert Asked.RATIO in asked_kinds("研发费用占营收的比例要多少?")
    assert Asked.RATIO in asked_kinds("补贴比例是多少?")


def test_a_rent_subsidy_is_worked_out_on_the_rent_and_held_to_its_yearly_cap() -> None:
    # 总部企业租房补助: 最高可按不超过认定当年租金的50%予以补助, 补助金额每年不超过200万元
    def rent(amount: str) -> FactVerdict:
        results = run(kinds=["总部企业"], annual_rent=amount)
        return next(r for r in results if r.label.startswith("租房购房补助") and "租金" in r.citation.quote)

    assert rent("300万").estimated_amount == 150 * WAN
    assert rent("600万").estimated_amount == 200 * WAN
    assert [f.field for f in parse_user_figures("我们一年房租300万")] == ["annual_rent"]
    assert [f.field for f in parse_user_figures("营收12亿,房租补贴能拿多少?")] == ["revenue"]


def test_a_purchase_subsidy_is_worked_out_on_the_price_and_held_to_its_cap() -> None:
    # 总部企业购房补助: 按不超过购房价10%予以补助,最高不超过3000万元
    def purchase(price: str) -> FactVerdict:
        results = run(kinds=["总部企业"], revenue="12亿", purchase_price=price)
        return next(r for r in results if r.label.startswith("租房购房补助") and "购房价" in r.citation.quote)

    assert purchase("2亿").estimated_amount == 2000 * WAN
    assert purchase("5亿").estimated_amount == 3000 * WAN
    figures = parse_user_figures("营收十二个亿,第一次买写字楼总价两个亿;另一栋买楼花了3亿")
    assert [(f.field, f.value) for f in figures] == [
        ("revenue", 12 * YI),
        ("purchase_price", 2 * YI),
        ("purchase_price", 3 * YI),
    ]


def test_a_ratio_is_worked_out_only_on_the_figure_it_is_a_ratio_of() -> None:
    from service.answering.comparisons import UserFigure, applied_benefit

    by_base = {f.benefit.base: f for f in facts() if f.benefit is not None and f.benefit.ratio is not None}
    increase = next(f for base, f in by_base.items() if "新增研发费" in base)
    total = next(f for base, f in by_base.items() if base == "实际研发投入")
    # an increase is its own figure, not the spend
    assert increase.benefit is not None and increase.benefit.ratio_field() == "rd_spend_increase"
    assert total.benefit is not None and total.benefit.ratio_field() == "rd_spend"
    spend = UserFigure(metric="研发费用", field="rd_spend", value=4000 * WAN, unit="元", text="4000万")
    assert applied_benefit(spend, total) == 1200 * WAN  # 最高30%
    assert applied_benefit(spend, increase) is None
    more = UserFigure(metric="新增研发费用", field="rd_spend_increase", value=1000 * WAN, unit="元", text="1000万")
    assert applied_benefit(more, increase) == 100 * WAN  # 最高10%
    # a year's figure is held to the yearly cap (单家企业年度补贴不超过200万元)
    assert applied_benefit(more.model_copy(update={"value": 5000 * WAN}), increase) == 200 * WAN
    revenue = UserFigure(metric="营业收入", field="revenue", value=4000 * WAN, unit="元", text="4000万")
    assert applied_benefit(revenue, total) is None  # not what the ratio is taken of


def test_missing_fields_are_named_and_the_research_share_is_computed() -> None:
    undecided = verdict_of(run(rd_spend="6000万"), "研发型总部")
    assert undecided.verdict is Verdict.CANNOT_DECIDE and undecided.missing == ["rd_share"]
    decided = verdict_of(run(rd_spend="6000万", revenue="3亿"), "研发型总部")
    assert decided.verdict is Verdict.MEETS  # 20% >= 15%
    low = verdict_of(run(rd_spend="6000万", revenue="5亿"), "研发型总部")
    assert low.verdict is Verdict.FAILS  # 12% < 15%


def test_categories_stars_listing_and_kinds() -> None:
    results = run(kinds=["总部企业"], star_rating=4, listing_stage="境外上市")
    stars = {r.label: r.verdict for r in results if r.label.startswith("星级培育奖励")}
    assert [label for label, v in stars.items() if v is Verdict.MEETS] == ["星级培育奖励(四星级)"]
    listed = verdict_of(results, "上市企业总部")
    assert listed.verdict is Verdict.MEETS
    domestic = [r for r in results if "境内上市" in r.citation.quote and r.citation.doc_no == 2]
    assert domestic and all(r.verdict is Verdict.FAILS for r in domestic)
    no_kind = verdict_of(run(star_rating=4), "星级培育奖励(四星级)")
    assert no_kind.verdict is Verdict.CANNOT_DECIDE and "kinds" in no_kind.missing


def test_recognitions_held_are_matched_by_level_and_name() -> None:
    results = run(kinds=["总部企业"], recognitions=["省级重点实验室"])
    labs = {r.label: r.verdict for r in results if "重点实验室" in r.label and r.citation.doc_no == 2}
    assert labs == {
        "给予创新资助(国家级重点实验室(工程技术研究中心))": Verdict.FAILS,
        "给予创新资助(省级重点实验室(工程技术研究中心))": Verdict.MEETS,
    }


def test_validity_as_of_a_date_and_ordering() -> None:
    results = run(kinds=["总部企业"], revenue="12亿")
    by_doc = {r.citation.doc_no: r.validity for r in results}
    assert by_doc[5] == "expired" and by_doc[2] == "in_force"
    order = [r.verdict for r in results]
    assert order == sorted(order, key=[Verdict.MEETS, Verdict.CANNOT_DECIDE, Verdict.FAILS].index)
    early = check(CompanyProfile(), list(facts()), date(2023, 6, 1))
    assert {r.validity for r in early if r.citation.doc_no == 5} == {"in_force"}


def test_parse_user_figures_chinese_and_english() -> None:
    figures = parse_user_figures("我们去年营收9个亿,研发投入4500万元,注册资本2000万美元")
    assert [(f.field, f.value, f.unit) for f in figures] == [
        ("revenue", 9 * YI, "元"),
        ("rd_spend", 4500 * WAN, "元"),
        ("paid_in_capital", 2000 * WAN, "美元"),
    ]
    english = parse_user_figures("Revenue was RMB 2.5 billion last year and R&D reached 8% of revenue")
    assert [(f.field, f.value, f.unit) for f in english] == [("revenue", 25 * YI, "元"), ("rd_share", 8, "%")]
    assert parse_user_figures("sales of USD 30 million")[0].unit == "美元"
    # a metric after its own figure ("… in revenue") is not the next figure's ("… spent … on R&D")
    both = parse_user_figures("We had RMB 1.5 billion in revenue and spent RMB 100 million on R&D")
    assert [f.field for f in both] == ["revenue", "rd_spend"]
    # an increase of capital is registered capital, as the texts' 新引进(含增资) reads it
    assert [(f.field, f.unit) for f in parse_user_figures("外资公司今年增资600万美元")] == [("paid_in_capital", "美元")]
    # 注册资金 is how people say 注册资本
    assert [(f.field, f.value) for f in parse_user_figures("注册资金有8000万")] == [("paid_in_capital", 8000 * WAN)]
    assert parse_user_figures("没有数字") == [] and parse_user_figures("千万不要错过") == []
    assert parse_user_figures("营收十二亿")[0].value == 12 * YI
    # a count of 亿 in Chinese numerals, with 个
    assert [(f.field, f.value) for f in parse_user_figures("营收十五个亿,研发投入一个亿")] == [
        ("revenue", 15 * YI),
        ("rd_spend", 1 * YI),
    ]
    # the amount of the award asked about measures nothing of the asker, whatever metric its name holds
    award = parse_user_figures("社零总额1.5亿,能拿那个20万的社零奖励吗?")
    assert [(f.field, f.value) for f in award] == [("retail_sales", 15000 * WAN), ("", 20 * WAN)]
    assert parse_user_figures("营收15亿的企业奖励多少?")[0].field == "revenue"
    # a round figure: 来 is about it, 多 and 余 more than it (compared just above)
    rough = parse_user_figures("营收三十来个亿,研发投入两千多万,注册资本九百余万美元")
    assert [(f.field, f.value, f.beyond) for f in rough] == [
        ("revenue", 30 * YI, False),
        ("rd_spend", 2000 * WAN, True),
        ("paid_in_capital", 900 * WAN, True),
    ]
    assert parse_user_figures("研发占比10多%")[0].compared() > 10
    # English says it was passed with any form of the verb
    for said in ("revenue passes 5 billion yuan", "revenue surpassing 5 billion yuan", "we crossed 5 billion yuan"):
        assert [f.beyond for f in parse_user_figures(said)] == [True], said
    assert [f.beyond for f in parse_user_figures("revenue reached 5 billion yuan")] == [False]
    assert [f.text for f in rough] == ["三十来个亿", "两千多万", "九百余万美元"]  # as the asker wrote them
    # ... and after its unit: 出头, 挂零, 多一点 (a little more than)
    past = parse_user_figures("营收八个亿出头一点,研发投入3000万多一点,注册资本五千万")
    assert [(f.value, f.beyond, f.text) for f in past] == [
        (8 * YI, True, "八个亿出头"),
        (3000 * WAN, True, "3000万多一点"),
        (5000 * WAN, False, "五千万"),
    ]
    # amounts spoken with two magnitudes, or a digit before a Chinese one
    for said, value in (("营收1亿2千万", 12000 * WAN), ("营收十亿五千万", 105000 * WAN), ("营收1亿2", 12000 * WAN)):
        assert [(f.field, f.value) for f in parse_user_figures(said)] == [("revenue", value)], said
    assert [(f.field, f.value) for f in parse_user_figures("营业额8千万")] == [("revenue", 8000 * WAN)]
    assert [(f.field, f.value) for f in parse_user_figures("研发投入占比为15.5%")] == [("rd_share", Decimal("15.5"))]
    # a share in words: 百分之十二 is 12%
    words = parse_user_figures("研发占比百分之十二,研发费用八千万")
    assert [(f.field, f.value, f.unit) for f in words] == [("rd_share", 12, "%"), ("rd_spend", 8000 * WAN, "元")]
    # an increase is its own metric (新增研发费用), not the total it adds to
    increase = parse_user_figures("今年研发费用比上年新增了350万")
    assert [(f.field, f.value) for f in increase] == [("rd_spend_increase", 350 * WAN)]
    assert parse_user_figures("Our R&D spend rose by RMB 4 million")[0].field == "rd_spend_increase"
    said_so = ("our R&D spending went up by RMB 3 million", "our new R&D spend was RMB 3 million", "研发费用涨了300万")
    for said in said_so:
        assert parse_user_figures(said)[0].field == "rd_spend_increase", said
    # a clause that says only that its figure is an increase adds to the metric the clause before it names
    apart = parse_user_figures("去年研发费用是1500万,今年多了300万")
    assert [(f.field, f.value) for f in apart] == [("rd_spend", 1500 * WAN), ("rd_spend_increase", 300 * WAN)]
    assert parse_user_figures("营收8亿,新增了1亿")[1].field != "rd_spend_increase"  # (no increase metric of revenue)
    # a count of companies the asker serves is compared as 对外服务企业数; a count the words do not name is not
    served = parse_user_figures("平台已对外服务35家企业")
    assert [(f.field, f.value, f.unit) for f in served] == [("served_companies", 35, "家")]
    assert parse_user_figures("Our platform serves 70 client companies")[0].field == "served_companies"
    assert parse_user_figures("我们有3家子公司")[0].field == ""
    # a figure after what a policy gives is the amount given, not a measure of the metric before it
    given = parse_user_figures("首次纳入限上统计的社零企业奖励2万元,我们能拿吗?")
    assert [(f.field, f.value) for f in given] == [("", 2 * WAN)]
    assert parse_user_figures("社零总额1.5亿,能拿20万奖励吗?")[0].field == "retail_sales"
    # a metric word whose own figure stands between it and a later figure does not name that one
    heard = parse_user_figures("听说营业收入首次突破100亿能拿1000万奖励")
    assert [(f.field, f.value) for f in heard] == [("revenue", 100 * YI), ("", 1000 * WAN)]
    # of two metric words ending at the same place the longer names it (新增研发费用, not 研发费用)
    assert parse_user_figures("今年新增研发费用800万")[0].field == "rd_spend_increase"


def test_a_figure_takes_the_metric_named_earlier_in_its_sentence_unless_that_one_has_its_own() -> None:
    english = parse_user_figures("Our paid-in capital is in euros, about RMB 800 million. What do we get?")
    assert [(f.field, f.value) for f in english] == [("paid_in_capital", 8 * YI)]
    assert parse_user_figures("注册资本是港币,折合约2亿人民币")[0].field == "paid_in_capital"
    # 营收 has its figure; the 300万 after it is not revenue
    mixed = parse_user_figures("我们营收15亿,前年拿过300万,今年还有吗?")
    assert [(f.field, f.value) for f in mixed] == [("revenue", 15 * YI), ("", 300 * WAN)]


def test_a_share_of_our_revenue_in_english_is_the_rd_share_however_the_revenue_is_described() -> None:
    for wording in ("12% of our local revenue", "12 percent of the company's annual sales", "12% of turnover"):
        figures = parse_user_figures(f"We spend RMB 60 million on R&D, which is {wording}.")
        assert [(f.field, f.value) for f in figures] == [("rd_spend", 6 * 10**7), ("rd_share", 12)], wording


def test_an_english_lead_names_an_award_once_for_all_its_conditions() -> None:
    rd_hq = [f for f in facts() if f.label == "研发型总部"]
    question = "We spend RMB 60 million on R&D, roughly 12% of our revenue. Are we an R&D HQ?"
    lead = lead_sentence(compare_figures(parse_user_figures(question), rd_hq), lang="en")
    assert lead.startswith("No, you do not qualify. 研发型总部 requires ") and lead.count("研发型总部") == 1
    assert "your 6000万元 meets it, and " in lead and lead.endswith("your 12% falls short.")


def test_a_lead_does_not_say_yes_when_the_award_asks_more_than_the_question_states() -> None:
    rd_hq = [f for f in facts() if f.label == "研发型总部"]
    lead = lead_sentence(compare_figures(parse_user_figures("我们研发费用6000万"), rd_hq), marker=lambda f: "[1]")
    assert lead == (
        "不一定:研发型总部的门槛是上年度研发费用不低于5000万元,您的6000万元达到;"
        "另需上年度研发费用占营业收入比例不低于15%,问题中未提及[1]。"
    )
    english = lead_sentence(compare_figures(parse_user_figures("R&D spend of RMB 60 million"), rd_hq), lang="en")
    assert english.startswith("Not necessarily. ") and "which your question does not state" in english
    # a figure that fails already answers: no
    assert lead_sentence(compare_figures(parse_user_figures("研发费用4000万"), rd_hq)).startswith("不够:")
    # both stated: the plain verdict
    both = lead_sentence(compare_figures(parse_user_figures("研发费用6000万,占营收20%"), rd_hq))
    assert both.startswith("可以:") and "未提及" not in both


def test_lead_sentence_compares_the_users_figure_with_each_threshold() -> None:
    hq = [f for f in facts() if f.label in ("工业总部", "销售型总部")]
    comparisons = compare_figures(parse_user_figures("我们是制造企业,去年营收15亿"), hq)
    assert [c.meets for c in comparisons] == [True, False]
    lead = lead_sentence(comparisons, marker=lambda f: f"[{1 + hq.index(f)}]")
    assert lead == (
        "可以:工业总部的门槛是上年度营业收入10亿元以上(含),您的15亿元达到[1];销售型总部要20亿元以上(含),未达到[2]。"
    )
    failing = lead_sentence(compare_figures(parse_user_figures("营收8000万"), hq))
    assert failing.startswith("不够:工业总部的门槛是上年度营业收入10亿元以上(含),您的8000万元未达到")


def test_english_names_a_kind_by_the_glossarys_corpus_wording_of_whole_words() -> None:
    sales = next(f for f in facts() if f.label == "销售型总部")
    assert kind_named("We are a sales company; revenue RMB 2.2 billion. Are we an HQ?", sales)
    # revenue is glossed as 营业收入/销售收入: it names no kind of company
    assert not kind_named("Our revenue was RMB 2.2 billion. Are we an HQ?", sales)


def test_relevant_facts_put_the_named_sector_first() -> None:
    recognitions = [f for f in facts() if f.kind.value == "recognition"]
    question = "我们是做检测认证的科技服务公司,去年营收5个亿,够得上总部企业吗?"
    ranked = relevant_facts(question, recognitions)
    assert ranked[0].label == "科技服务、文化、体育等其他总部"
    lead = lead_sentence(compare_figures(parse_user_figures(question), ranked), limit=1)
    assert lead == "不够:科技服务、文化、体育等其他总部的门槛是上年度营业收入8亿元以上(含),您的5亿元未达到。"


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("我们研发投入8000万、营收4亿,够研发型总部吗?", "研发型总部"),
        ("我们是做分销的销售公司,营收25亿,能认定总部吗?", "销售型总部"),
        ("We do sales of electronic parts, RMB 3 billion a year: can we be recognised as HQ?", "销售型总部"),
        ("We're a fintech bank spin-off with RMB 2 billion revenue. Headquarters status?", "金融业总部"),
    ],
)
def test_a_kind_the_question_names_comes_first_and_alone(question: str, label: str) -> None:
    recognitions = [f for f in facts() if f.kind.value == "recognition" and f.doc_no == 2]
    ranked = relevant_facts(question, recognitions)
    assert ranked[0].label == label and kind_named(question, ranked[0])
    others = [f for f in recognitions if f.label in ("工业总部", "上市企业总部")]
    assert not any(kind_named(question, f) for f in others)
    # no kind named: nothing is singled out
    assert not any(kind_named("营收12亿,算总部企业吗?", f) for f in recognitions)


def test_an_english_lead_gives_the_verdict_in_english_and_the_threshold_in_the_policys_words() -> None:
    recognitions = [f for f in facts() if f.kind.value == "recognition" and f.doc_no == 2]
    question = "我们是做检测认证的科技服务公司,去年营收5个亿,够得上总部企业吗?"
    comparisons = compare_figures(
        parse_user_figures("revenue of RMB 500 million"), relevant_facts(question, recognitions)
    )
    lead = lead_sentence(comparisons, limit=1, lang="en")
    assert lead == (
        "No, you do not qualify. 科技服务、文化、体育等其他总部"
        " requires 上年度营业收入8亿元以上(含): your 5亿元 falls short."
    )


def test_lead_sentence_says_when_the_policy_has_expired() -> None:
    retail = [f for f in facts() if f.doc_no == 5 and any(c.metric == "社零总额" for c in f.conditions)]
    comparisons = compare_figures(parse_user_figures("社零总额1.5亿元"), retail[:1])
    assert "已失效" in lead_sentence(comparisons, as_of=TODAY)
    assert "已失效" not in lead_sentence(comparisons, as_of=date(2023, 6, 1))


@pytest.mark.parametrize(
    ("question", "bracket"),
    [
        ("营收首次突破100亿元,奖多少?", "营收突破奖励(营业收入100亿元)"),  # passed 100亿: the 100亿 bracket
        ("营收100亿元,奖多少?", "营收突破奖励(营业收入50亿元)"),  # exactly 100亿 has not passed it
        ("Our revenue passed RMB 20 billion; what is the reward?", "营收突破奖励(营业收入200亿元)"),
        # spoken verbs of passing a mark
        ("营收头一回冲过200个亿,奖多少?", "营收突破奖励(营业收入200亿元)"),
        ("营收今年破了20亿,奖多少?", "营收突破奖励(营业收入20亿元)"),
        ("营收刚跨过500亿,奖多少?", "营收突破奖励(营业收入500亿元)"),
    ],
)
def test_a_figure_the_user_says_they_passed_meets_a_breakthrough_bracket(question: str, bracket: str) -> None:
    breakthrough = [f for f in facts() if f.name == "营收突破奖励"]
    figures = parse_user_figures(question)
    met = [c.fact.label for c in compare_figures(figures, breakthrough) if c.meets]
    assert met == [bracket]
    first = next(f for f in breakthrough if f.label == "营收突破奖励(营业收入20亿元)")
    assert first.conditions[0].describe() == "营业收入首次突破20亿元"  # a milestone, as printed


def test_a_place_in_a_ranking_is_a_condition_met_at_that_place_or_better() -> None:
    # "增幅排名在全区前25位": the fact keeps it, with the number as printed in its quote
    award = next(f for f in facts() if f.label == "鼓励加大研发投入")
    rank = next(c for c in award.conditions if c.field == "growth_rank")
    assert (rank.threshold and rank.threshold.value, rank.comparator.value) == (25, "le")
    assert rank.threshold is not None and rank.threshold.text in award.quote
    # the asker's own place, in Chinese and English; a figure of money after 排 is no place
    assert [(f.field, f.value) for f in parse_user_figures("增幅排全区第30")] == [("growth_rank", 30)]
    assert parse_user_figures("we ranked 12th in the district")[0].field == "growth_rank"
    # my own wordings: the present tense, a rough place, a number sign; a count of times is no place
    for said, place in (("our growth ranks 7th", 7), ("we rank about 15th in growth", 15), ("growth ranks #4", 4)):
        assert [(f.field, f.value) for f in parse_user_figures(said)] == [("growth_rank", place)], said
    assert all(f.field != "growth_rank" for f in parse_user_figures("our paper was ranked 3 times"))
    assert all(f.field != "growth_rank" for f in parse_user_figures("区里安排3000万元"))
    # in chat: a place below the bar fails the award; no place given leaves it to be stated
    failing = lead_sentence(compare_figures(parse_user_figures("新增研发费用250万,增幅排全区第30"), [award]))
    assert failing.startswith("不够:") and "您的第30位未达到" in failing
    unstated = lead_sentence(compare_figures(parse_user_figures("新增研发费用250万"), [award]))
    assert unstated.startswith("不一定:") and "另需年度增幅排名前25位" in unstated
    # in the eligibility check
    base = {"kinds": ["人工智能企业"], "rd_spend_increase": "250万"}
    by_rank = {rank: verdict_of(run(**base, growth_rank=rank), "鼓励加大研发投入", 6).verdict for rank in (8, 25, 26)}
    assert by_rank == {8: Verdict.MEETS, 25: Verdict.MEETS, 26: Verdict.FAILS}
    assert CompanyProfile.model_validate({"growth_rank": "第8位", "served_companies": "60家"}).growth_rank == 8
    with pytest.raises(ValidationError):
        CompanyProfile.model_validate({"growth_rank": "靠前"})
    missing = verdict_of(run(**base), "鼓励加大研发投入", 6)
    assert missing.verdict is Verdict.CANNOT_DECIDE and "growth_rank" in missing.missing


def test_a_profile_from_a_questions_figures_and_the_askers_description() -> None:
    figures = parse_user_figures("我们去年营收12亿,实到注册资本500万美元")
    profile = profile_from(figures, ["做软件的小公司"], names_sector=True)
    assert profile.revenue == 12 * YI and profile.paid_in_capital_usd == 500 * WAN
    assert profile.kinds == ["做软件的小公司"] and profile.industry == "做软件的小公司"
    # a description that names no sector is no sector: "一家总部企业" fails no sector's condition
    assert profile_from(figures, ["一家总部企业"], names_sector=False).industry is None
    assert profile_from([], [], names_sector=False) == CompanyProfile()
    # a figure the asker says was passed is checked just above it: passing 100亿 reaches the 100亿 bracket
    passed = profile_from(parse_user_figures("营收首次突破100亿"), [], names_sector=False)
    assert passed.revenue is not None and passed.revenue > 100 * YI


@pytest.mark.parametrize(
    ("question", "lang", "named"),
    [
        ("我们去年营收12亿,能拿哪些奖励?", "zh", False),
        ("我们营收15亿,租房补助能拿多少?", "zh", True),  # a clause heading's word
        ("营收12亿,算总部企业吗?", "zh", True),  # a defined term
        ("What can a company with RMB 2 billion revenue get?", "en", False),
        ("Revenue is RMB 2 billion; how much is the listing award?", "en", True),
    ],
)
def test_whether_a_question_names_an_award_or_recognition(question: str, lang: str, named: bool) -> None:
    assert names_anything(question, lang) is named


def test_a_figure_passed_for_the_first_time_is_a_milestone() -> None:
    for said in (
        "营收头一次过了15个亿",
        "销售收入第一次突破300亿元",
        "revenue topped 3 billion yuan for the first time",
    ):
        assert [f.first_time for f in parse_user_figures(said)] == [True], said
    # a figure the asker only states, or a first time of something else, is none
    for said in ("营收15个亿,第一次申请", "去年营收突破了300亿元", "first, our revenue was 3 billion yuan"):
        assert [f.first_time for f in parse_user_figures(said)] == [False], said


def test_a_promotion_events_spend_is_worked_out_at_its_share_within_the_cap() -> None:
    # 促消费活动: 按活动实际投入…的20%…给予资助,单场活动补助金额不超过10万元
    def event(spend: str) -> FactVerdict:
        return next(r for r in run(event_spend=spend) if "促消费" in r.label)

    assert event("30万").estimated_amount == 6 * WAN
    assert event("80万").estimated_amount == 10 * WAN
    for said in ("我们办了一场促消费活动,实际投了80万", "促销活动花了80万", "活动投入80万"):
        assert [f.field for f in parse_user_figures(said)] == ["event_spend"], said
    # money a venture fund put in, or R&D spent, is no event's spend
    assert [f.field for f in parse_user_figures("创投机构累计投了1500万")] == ["vc_investment"]
    assert [f.field for f in parse_user_figures("研发实际投了500万")] == ["rd_spend"]


def test_a_datasets_users_are_a_count_of_companies_met_only_above_the_bar() -> None:
    # "数据集被超过3家区内非关联企业调用的": the fact keeps the count, strictly more than three
    award = next(f for f in facts() if f.label == "支持高质量数据集公开交易")
    users = next(c for c in award.conditions if c.field == "dataset_users")
    assert (users.threshold and users.threshold.value, users.comparator.value) == (3, "gt")
    # the asker's count, in Chinese and in English (digits or a word, with what kind of companies they are)
    for said, count in (
        ("数据集已经被4家企业调用了", 4),
        ("so far three unrelated companies have used our dataset", 3),
        ("7 independent companies in the district used the dataset", 7),
    ):
        assert [(f.field, f.value, f.unit) for f in parse_user_figures(said)] == [("dataset_users", count, "家")], said
    exactly = lead_sentence(compare_figures(parse_user_figures("数据集正好被3家企业调用"), [award]))
    assert exactly.startswith("不够:") and "您的3家未达到" in exactly
    by_users = {n: verdict_of(run(kinds=["人工智能企业"], dataset_users=n), award.label, 6).verdict for n in (3, 4)}
    assert by_users == {3: Verdict.FAILS, 4: Verdict.MEETS}


def test_us_dollars_spelled_out_are_dollars() -> None:
    for said in ("exports of 6 million US dollars", "6 million U.S. dollars of exports", "USD 6 million of exports"):
        assert [(f.value, f.unit) for f in parse_user_figures(said)] == [(6_000_000, "美元")], said
    assert parse_user_figures("6 million yuan of exports")[0].unit == "元"


def test_within_the_first_n_of_a_ranking_is_counted_at_its_last_place() -> None:
    assert [(f.field, f.value) for f in parse_user_figures("增幅在全区排前20")] == [("growth_rank", 20)]
    award = next(f for f in facts() if f.label == "鼓励加大研发投入")
    lead = lead_sentence(compare_figures(parse_user_figures("新增研发费用250万,增幅排前20"), [award]))
    assert lead.startswith("可以:"), lead


def test_growth_over_the_district_average_is_a_measured_condition() -> None:
    """ "增幅高于全区平均增幅5个百分点以上": points over the district's average, a profile field of its own."""
    (retail,) = [f for f in facts() if any(c.field == "growth_over_average" for c in f.conditions)]
    margin = next(c for c in retail.conditions if c.field == "growth_over_average")
    assert (margin.threshold.value, margin.threshold.unit) == (5, "百分点")  # type: ignore[union-attr]
    assert margin.describe().endswith("5个百分点以上")
    assert {c.field for c in retail.conditions if c.threshold is not None} == {"retail_sales", "growth_over_average"}

    def outcome(points: str) -> Verdict:
        results = run(retail_sales="1.2亿", growth_over_average=points)
        return next(
            r.verdict
            for r in results
            if r.citation.doc_no == 5
            and r.label == retail.label
            and any(c.detail and "百分点" in c.detail for c in r.conditions)
        )

    assert outcome("5") is Verdict.MEETS and outcome("4.5") is Verdict.FAILS


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("社零总额去年1.2亿,增速高出全区平均3个百分点", Decimal(3)),
        ("今年社零增幅比全区平均快了6.5个百分点", Decimal("6.5")),
        ("retail sales rose 2 percentage points faster than the district average", Decimal(2)),
    ],
)
def test_a_margin_over_the_district_average_is_read_in_points(text: str, value: Decimal) -> None:
    margins = [f for f in parse_user_figures(text) if f.field == "growth_over_average"]
    assert [(f.value, f.unit) for f in margins] == [(value, "百分点")]


@pytest.mark.parametrize(
    ("text", "place"),
    [("增幅排名恰好第18位", 18), ("排名刚好12名", 12), ("our growth ranked just 9th in Binjiang", 9)],
)
def test_a_place_said_exactly_is_a_place(text: str, place: int) -> None:
    assert [(f.field, f.value) for f in parse_user_figures(text)] == [("growth_rank", Decimal(place))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("今年营收首次破百亿", 100 * YI),
        ("营收十亿左右", 10 * YI),
        ("销售额上百万", 100 * WAN),
        ("融资过千万", 1000 * WAN),
    ],
)
def test_a_round_amount_said_in_one_numeral_is_an_amount(text: str, value: Decimal) -> None:
    assert [f.value for f in parse_user_figures(text)] == [value]


def test_a_numeral_that_is_a_word_is_no_amount() -> None:
    assert parse_user_figures("千万不要错过申报时间") == []


def test_an_english_metric_word_is_a_whole_word() -> None:
    # "rent" is not in "current rates": the capital's amount, converted, is still capital
    said = "We will put in USD 30 million (roughly RMB 210 million at current rates) as registered capital."
    assert {f.field for f in parse_user_figures(said)} == {"paid_in_capital"}
    # ... and an inflected word is the word ("exported" is export)
    assert [f.field for f in parse_user_figures("We exported USD 7 million of goods last year.")] == ["export_value"]


@pytest.mark.parametrize(
    ("question", "metric"),
    [
        ("孵化器认定,营收要达到多少?", "营业收入"),
        # the first of two metrics asked together ("营收、纳税要达到多少?")
        ("想评雏鹰企业,营收、利润各要达到多少?", "营业收入"),
        ("营收和纳税要做到多少才行?", "营业收入"),
        # figures given, an award's amount asked: no metric's own figure
        ("营收12亿,营收突破奖励能拿多少?", ""),
    ],
)
def test_the_metric_whose_figure_is_asked(question: str, metric: str) -> None:
    from service.answering.comparisons import asked_metrics

    assert (asked_metrics(question)[:1] or ("",))[0] == metric


@pytest.mark.parametrize(
    ("question", "fields"),
    [
        # a what-if clause (…呢?, 要是/如果…) measures what the earlier figure measures
        ("技术合同输出了4000万元,能奖多少?输出8000万元呢?", ["tech_contract_value", "tech_contract_value"]),
        ("营收15亿元,能认定总部吗?如果只有9亿元?", ["revenue", "revenue"]),
        # a figure of another kind, not put as another case, stays without a metric
        ("营收15亿元,听说奖励50万元,对吗?", ["revenue", ""]),
        # investing in a project, and investment a company received, are two metrics
        ("平台建设投资800万元,能补多少?", ["project_investment"]),
        ("拿到天使投资600万元,有奖励吗?", ["vc_investment"]),
        # the metric named in an earlier clause: the word that ends last, the longer of two ending together
        ("去年获得创投机构投资,累计九百万元,够吗?", ["vc_investment"]),
        # a metric named after a figure with a figure of its own is that one's ("(公司营收15亿元)")
        ("花3亿元买了办公楼(公司营收15亿元),能补多少?", ["", "revenue"]),
    ],
)
def test_the_metric_of_each_figure_the_asker_gives(question: str, fields: list[str]) -> None:
    from service.answering.comparisons import parse_user_figures

    assert [f.field for f in parse_user_figures(question)] == fields


def test_a_venue_rent_or_a_copyright_deal_is_worked_out_on_the_askers_figure() -> None:
    # my own figures: 场租费 50% with a per-event cap of 100万 (区办〔2023〕12号 展会, 杭高新〔2023〕5号 峰会), and
    # 区党委〔2019〕25号's "给予已入驻作家所设企业最高6%的版权交易补助"
    def award(quote_word: str, **profile: object) -> FactVerdict:
        return next(r for r in run(**profile) if quote_word in r.citation.quote and r.estimated_amount is not None)

    assert award("国际展会", venue_rent="120万").estimated_amount == 60 * WAN
    assert award("人工智能高端峰会", venue_rent="400万").estimated_amount == 100 * WAN
    assert award("版权交易补助", copyright_trade_value="800万").estimated_amount == 48 * WAN
    # 6-11-1's 10% of one circulation within a yearly cap of 100万; the 2019 opinion's 3% of a bank's new credit
    # loans (a base that is itself an increase) and 1% of a guarantor's balance
    data = award("单次流通收益", dataset_income="2000万", dataset_users="5", kinds=["人工智能企业"])
    assert data.estimated_amount == 100 * WAN
    assert award("新增日均余额", credit_loan_increase="1亿").estimated_amount == 300 * WAN
    assert award("日均担保余额", guarantee_balance="3亿").estimated_amount == 300 * WAN
    for said, field in (
        ("场地租金180万", "venue_rent"),
        ("版权交易额一千万", "copyright_trade_value"),
        ("we paid RMB 2 million in venue hire", "venue_rent"),
        ("our copyright deal was worth RMB 3 million", "copyright_trade_value"),
        ("数据集单次流通收益80万", "dataset_income"),
        ("今年新增信用贷款5000万", "credit_loan_increase"),
        ("在保余额4亿", "guarantee_balance"),
    ):
        assert [f.field for f in parse_user_figures(said)] == [field], said
