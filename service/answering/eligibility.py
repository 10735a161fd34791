"""The eligibility check: a company's profile against every policy fact, with a verdict per fact.

``check(profile, facts, as_of)`` returns one ``FactVerdict`` per fact: ``meets``, ``fails`` or ``cannot_decide``
(naming the profile fields it would need), each condition's comparison in words, what the fact gives (and,
for a ratio of a figure the profile states, the amount it comes to), the citation and the document's
validity on ``as_of``. Comparisons are exact: Decimals in one unit (元, 美元, %), 以上(含) / 不低于 / 达到
inclusive, 超过 / 突破 strict, brackets closed below and open above unless printed otherwise.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field

from service.answering.facts import Comparator, Condition, PolicyFact
from service.answering.quantities import QUANTITY, format_amount, quantity
from service.models import Citation

if TYPE_CHECKING:
    from service.answering.comparisons import UserFigure

ListingStage = Literal["未上市", "拟上市", "新三板挂牌", "成长板挂牌", "境内上市", "境外上市"]
ZjtxLevel = Literal["创新型中小企业", "省级专精特新", "隐形冠军", "小巨人", "单项冠军"]
LISTED = ("境内上市", "境外上市")
UNSTRUCTURED = "原文所述条件"


def _amount(value: Any) -> Any:
    """Accept 1200000000, "1200000000", "12亿", "12 亿元", "3000万", "15%": amounts in 元, shares in %."""
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace(",", "")
        m = QUANTITY.fullmatch(text)
        if m is not None:
            q = quantity(m.group("num"), m.group("unit"), text)
            if q is not None:
                return q.value
    return value


def _not_negative(value: Decimal | None) -> Decimal | None:
    if value is not None and (value < 0 or not value.is_finite()):
        raise ValueError("an amount must be a finite number of at least 0")
    return value


Amount = Annotated[Decimal | None, BeforeValidator(_amount), AfterValidator(_not_negative)]


def _counted(value: Any) -> Any:
    """Accept 8, "8", "第8位", "8名", "60家": a count or a place, as people write it."""
    if isinstance(value, str):
        m = re.fullmatch(r"\s*第?\s*(\d+)\s*[位名家个]?\s*", value)
        return int(m.group(1)) if m else value
    return value


Counted = Annotated[int | None, BeforeValidator(_counted)]


class CompanyProfile(BaseModel):
    """What a company tells about itself; every field optional (a fact that needs a missing one says so)."""

    kinds: list[str] | None = Field(
        default=None,
        description="Kinds the company is recognised as: 总部企业, 专精特新企业, 人工智能企业...",
        examples=[["总部企业"]],
    )
    industry: str | None = Field(default=None, description="Its sector in words, e.g. 软件和信息技术服务业.")
    revenue: Amount = Field(default=None, description="Last year's 营业收入 in 元 (or '12亿').", examples=["12亿"])
    rd_spend: Amount = Field(default=None, description="Last year's 研发费用 in 元.")
    rd_share: Amount = Field(default=None, description="研发费用 as a share of 营业收入, in % (computed if omitted).")
    rd_spend_increase: Amount = Field(default=None, description="This year's 新增研发费用 in 元.")
    paid_in_capital: Amount = Field(default=None, description="实到注册资本 in 元.")
    paid_in_capital_usd: Amount = Field(default=None, description="实到注册资本 in 美元 (foreign capital).")
    output_value: Amount = Field(default=None, description="产值 in 元.")
    revenue_growth: Amount = Field(default=None, description="Average yearly 营业收入 growth over 3 years, in %.")
    retail_sales: Amount = Field(default=None, description="社零总额 in 元.")
    growth_over_average: Amount = Field(
        default=None,
        description="How many 百分点 its yearly growth (of 社零总额) is above the district's average growth.",
    )
    export_value_usd: Amount = Field(default=None, description="Yearly 出口额 in 美元.")
    vc_investment: Amount = Field(default=None, description="Venture investment received in total, in 元.")
    acquisition_value: Amount = Field(default=None, description="A major acquisition's value, in 元.")
    contract_value: Amount = Field(
        default=None, description="服务合同金额 in 元: what a ratio award of a contract (算力补贴) is worked out on."
    )
    tech_contract_value: Amount = Field(
        default=None,
        description="A year's 输出技术合同交易额 in 元 of a technology-trading platform: a share of it is awarded.",
    )
    project_investment: Amount = Field(
        default=None,
        description="A project's 项目投入 / 投资额 in 元: a platform or scene award of a share of it.",
    )
    platform_trade_value: Amount = Field(
        default=None, description="An AI or data trading platform's yearly 交易额 with unrelated companies, in 元."
    )
    annual_rent: Amount = Field(
        default=None, description="A year's office 租金 in 元: a share-of-rent subsidy is worked out on it."
    )
    venue_rent: Amount = Field(
        default=None,
        description="场租费 in 元 of an exhibition or a summit the company hosts: a share of it is subsidised.",
    )
    dataset_income: Amount = Field(
        default=None, description="A traded dataset's 单次流通收益 in 元 (one circulation): a share of it is awarded."
    )
    credit_loan_increase: Amount = Field(
        default=None,
        description="A bank's yearly 新增日均余额 in 元 of credit loans to the district's tech companies.",
    )
    guarantee_balance: Amount = Field(
        default=None, description="A guarantor's 日均担保余额 in 元 for the district's tech companies."
    )
    copyright_trade_value: Amount = Field(
        default=None, description="A copyright deal's 版权交易 value in 元 (a resident writer's company)."
    )
    event_spend: Amount = Field(
        default=None,
        description="活动实际投入 in 元 of a consumption-promotion event (发券减免 not counted): a share is given.",
    )
    loan_amount: Amount = Field(
        default=None, description="A bank loan's amount in 元: an interest subsidy is worked out on it and the rate."
    )
    benchmark_rate: Amount = Field(
        default=None, description="The bank's 基准利率 on that loan, in % a year (e.g. 4.35)."
    )
    purchase_price: Amount = Field(
        default=None, description="购房价 of an office bought, in 元: a share-of-price subsidy is worked out on it."
    )
    served_companies: Counted = Field(default=None, ge=0, description="Companies served by its open platform.")
    dataset_users: Counted = Field(
        default=None, ge=0, description="Unrelated companies in the district that have used its traded dataset."
    )
    growth_rank: Counted = Field(
        default=None, ge=1, description="Its place in the district's 新增研发费用 growth ranking (增幅排名; 1 = first)."
    )
    star_rating: int | None = Field(default=None, ge=1, le=5, description="杭州市总部企业星级 (3-5).")
    zjtx_level: ZjtxLevel | None = Field(default=None, description="Highest 专精特新 level held.")
    listing_stage: ListingStage | None = Field(default=None, description="上市阶段.")
    recognitions: list[str] | None = Field(
        default=None, description="Recognitions and awards held, e.g. 省级企业研究院, 国家级重点实验室."
    )

    def figure(self, field: str, unit: str) -> Decimal | None:
        """The profile's value for a fact's field, in the fact's unit (None when not given or not comparable)."""
        if field == "rd_share" and self.rd_share is None and self.rd_spend is not None and self.revenue:
            return self.rd_spend * 100 / self.revenue
        if field == "loan_interest":  # a year's interest at the benchmark rate
            if self.loan_amount is None or self.benchmark_rate is None:
                return None
            return Decimal(self.loan_amount) * Decimal(self.benchmark_rate) / 100
        name = f"{field}_usd" if unit == "美元" and not field.endswith("_usd") else field
        value = getattr(self, name, None)
        return Decimal(value) if isinstance(value, int | Decimal) and not isinstance(value, bool) else None


def profile_from(figures: list[UserFigure], described: list[str], names_sector: bool) -> CompanyProfile:
    """The profile a question gives: its figures on their fields (``UserFigure``s; 美元 on the ``_usd`` field),
    and the asker's own description ("一家总部企业", "做软件的小公司") as their kind and, when it
    ``names_sector``, their sector."""
    values: dict[str, Any] = {}
    for figure in figures:
        if figure.field and figure.field in CompanyProfile.model_fields:
            # a figure the asker says was passed ("首次突破100亿") is checked just above it
            values.setdefault(_field_name(figure.field, figure.unit), figure.compared())
    words = " ".join(described) if names_sector else ""
    return CompanyProfile(**values, kinds=list(described) or None, industry=words or None)


class Verdict(StrEnum):
    MEETS = "meets"
    FAILS = "fails"
    CANNOT_DECIDE = "cannot_decide"


VERDICT_LABELS = {Verdict.MEETS: "符合", Verdict.FAILS: "不符合", Verdict.CANNOT_DECIDE: "需补充信息"}


class ConditionResult(BaseModel):
    condition: str = Field(description="The condition in words, e.g. 上年度营业收入10亿元以上(含).")
    verdict: Verdict
    detail: str = Field(description="The comparison, e.g. 您的12亿元,达到.")
    missing: str = Field(default="", description="The profile field it needs, when it cannot be decided.")


class FactVerdict(BaseModel):
    """One fact judged against a profile."""

    fact_id: str
    kind: str
    label: str = Field(description="The award or recognition, e.g. 星级培育奖励(五星级).")
    who: str
    verdict: Verdict
    verdict_label: str = Field(description="符合 / 不符合 / 需补充信息.")
    conditions: list[ConditionResult]
    missing: list[str] = Field(description="Profile fields to fill in before this fact can be decided.")
    gives: str = Field(description="What it gives, in words (amount, ratio, caps, duration, rules).")
    estimated_amount: Decimal | None = Field(
        default=None, description="At most this many 元 for this profile (a ratio applied to its figure, capped)."
    )
    citation: Citation
    validity: str = Field(description="in_force | expired | not_yet_in_force | unknown on as_of.")


def check(profile: CompanyProfile, facts: list[PolicyFact], as_of: date) -> list[FactVerdict]:
    """Every fact judged against ``profile``: met first (in force, largest first), then undecided, then failed."""
    verdicts = [judge(profile, fact, as_of) for fact in facts]
    order = {Verdict.MEETS: 0, Verdict.CANNOT_DECIDE: 1, Verdict.FAILS: 2}
    return sorted(verdicts, key=lambda v: (order[v.verdict], v.validity == "expired", -(v.estimated_amount or 0)))


def judge(profile: CompanyProfile, fact: PolicyFact, as_of: date) -> FactVerdict:
    conditions = list(fact.conditions)
    results = [evaluate(c, profile) for c in conditions]
    if all(c.field == "kinds" for c in conditions):
        # the sentence states its requirement in words the extractor does not turn into data (推荐顶尖人才…)
        conditions.append(Condition(metric=UNSTRUCTURED, comparator=Comparator.EQ))
        results.append(
            ConditionResult(
                condition=UNSTRUCTURED, verdict=Verdict.CANNOT_DECIDE, detail="见原文", missing=UNSTRUCTURED
            )
        )
    verdict = _combine(conditions, results)
    validity = fact.dates.status(as_of).value
    return FactVerdict(
        fact_id=fact.id,
        kind=fact.kind.value,
        label=fact.label,
        who=fact.who,
        verdict=verdict,
        verdict_label=VERDICT_LABELS[verdict],
        conditions=results,
        missing=list(dict.fromkeys(r.missing for r in results if r.missing)),
        gives=fact.benefit.describe() if fact.benefit is not None else f"认定为{fact.label}",
        estimated_amount=_estimate(profile, fact),
        citation=fact.citation(validity),
        validity=validity,
    )


def _combine(conditions: list[Condition], results: list[ConditionResult]) -> Verdict:
    groups: dict[str, list[Verdict]] = {}
    for i, (c, r) in enumerate(zip(conditions, results, strict=True)):
        groups.setdefault(c.group or f"#{i}", []).append(r.verdict)
    states = []
    for members in groups.values():  # alternatives: one met suffices, all failed fails
        if Verdict.MEETS in members:
            states.append(Verdict.MEETS)
        elif all(m is Verdict.FAILS for m in members):
            states.append(Verdict.FAILS)
        else:
            states.append(Verdict.CANNOT_DECIDE)
    if Verdict.FAILS in states:
        return Verdict.FAILS
    return Verdict.CANNOT_DECIDE if Verdict.CANNOT_DECIDE in states else Verdict.MEETS


def evaluate(condition: Condition, profile: CompanyProfile) -> ConditionResult:
    """One condition against the profile, exactly."""
    text = condition.describe()
    if not condition.field:
        return ConditionResult(condition=text, verdict=Verdict.CANNOT_DECIDE, detail="需人工核对", missing=text)
    if condition.threshold is None:
        return _category(condition, profile, text)
    unit = condition.threshold.unit
    value = profile.figure(condition.field, unit)
    if value is None:
        return ConditionResult(
            condition=text, verdict=Verdict.CANNOT_DECIDE, detail="未提供", missing=_field_name(condition.field, unit)
        )
    ok = satisfies(value, condition)
    mine = format_amount(value, unit)
    return ConditionResult(
        condition=text,
        verdict=Verdict.MEETS if ok else Verdict.FAILS,
        detail=f"您的{mine},{'达到' if ok else '未达到'}",
    )


def satisfies(value: Decimal, condition: Condition) -> bool:
    """``value`` against a numeric condition: its comparator, and its upper end when it is a range or bracket."""
    assert condition.threshold is not None
    t = condition.threshold.value
    ok = {
        Comparator.GE: value >= t,
        Comparator.GT: value > t,
        Comparator.LE: value <= t,
        Comparator.LT: value < t,
        Comparator.EQ: value == t,
    }[condition.comparator]
    if ok and condition.upper is not None:
        ok = value <= condition.upper.value if condition.upper_inclusive else value < condition.upper.value
    return ok


def _field_name(field: str, unit: str) -> str:
    return f"{field}_usd" if unit == "美元" and not field.endswith("_usd") else field


def _category(condition: Condition, profile: CompanyProfile, text: str) -> ConditionResult:
    held: object = getattr(profile, condition.field, None)
    if held is None:
        return ConditionResult(condition=text, verdict=Verdict.CANNOT_DECIDE, detail="未提供", missing=condition.field)
    match condition.field:
        case "kinds":
            kinds = [str(k) for k in held] if isinstance(held, list) else []
            ok = any(condition.value in k or k in condition.value for k in kinds)
        case "industry" | "recognitions":
            texts = [str(h) for h in held] if isinstance(held, list) else [str(held)]
            need_all = condition.field == "recognitions"
            ok = any(_matches(t, condition.keywords or [condition.value], need_all) for t in texts)
        case "listing_stage":
            ok = held in LISTED if condition.value == "已上市" else held == condition.value
        case "star_rating":
            ok = str(held) == condition.value
        case _:
            ok = str(held) == condition.value
    verdict = Verdict.MEETS if ok else Verdict.FAILS
    return ConditionResult(condition=text, verdict=verdict, detail=f"您的{_shown(held)},{'符合' if ok else '不符'}")


def _matches(text: str, keywords: list[str], need_all: bool) -> bool:
    hits = [k in text for k in keywords if k]
    return bool(hits) and (all(hits) if need_all else any(hits))


def _shown(held: object) -> str:
    if isinstance(held, int) and not isinstance(held, bool):
        return f"{held}星级"
    return "、".join(str(h) for h in held) if isinstance(held, list) else str(held)


def _estimate(profile: CompanyProfile, fact: PolicyFact) -> Decimal | None:
    b = fact.benefit
    if b is None:
        return None
    base = None
    if b.ratio is not None:
        field = b.ratio_field()
        base = profile.figure(field, "元") if field else None
        if base is None:
            return None if (b.cap is None and b.amount is None) else fact.amount_for(None)
    return fact.amount_for(base)
