"""Policy facts: each award, subsidy or recognition of the compilation as cited data.

``extract_facts(documents)`` reads the clause tree of every document with text (the compilation's and any
added later) and returns one ``PolicyFact`` per award variant or recognition category: who it is for, its
conditions (metric, comparator, threshold with its unit normalised, period) and what it gives (amount,
ratio, caps, duration, 差额 / 累计 rules), with the document, clause path, printed page and a quote that
is verbatim page text. Every number a fact stores keeps the text it was read from, which occurs in the
quote (``PolicyFact.numbers()``); the patterns are in ``service.answering.fact_parser``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field

from corpus.library import Corpus
from corpus.models import DocumentDates, PolicyDocument
from service.answering.quantities import Quantity
from service.models import Citation


class Comparator(StrEnum):
    """How a figure is compared with a threshold (the printed words are kept in ``Condition.comparator_text``)."""

    GE = "ge"  # 以上(含), (含)以上, 及以上, 不低于, 不少于, 达到
    GT = "gt"  # 超过, 高于, 突破
    LE = "le"  # 不超过, 以内
    LT = "lt"  # 不足, 低于
    EQ = "eq"  # a category: 五星级, 境内上市, 国家级


class Condition(BaseModel):
    """One requirement of a fact: a metric compared with a threshold (or a range), or a category to hold."""

    metric: str = Field(
        description="营业收入, 研发费用, 研发费用占营业收入比例, 实到注册资本, 星级, 上市阶段, 认定级别..."
    )
    field: str = Field(default="", description="The CompanyProfile field this is checked against ('' = none).")
    comparator: Comparator
    comparator_text: str = Field(default="", description="As printed: 以上(含), 超过, 不低于, 首次突破, 达到...")
    threshold: Quantity | None = None
    upper: Quantity | None = Field(default=None, description="Upper end of a range or bracket (不足10亿元).")
    upper_inclusive: bool = False
    value: str = Field(default="", description="For a category: the value required (5, 境内上市, 国家级...).")
    keywords: list[str] = Field(default_factory=list, description="Words a profile's text is matched on.")
    period: str = Field(default="", description="上年度, 连续3年, 年度, 累计...")
    first_time: bool = Field(default=False, description="首次: only the first time the figure is reached.")
    group: str = Field(default="", description="Conditions sharing a group are alternatives (any one suffices).")

    def describe(self) -> str:
        """The condition in words, e.g. 上年度营业收入10亿元以上(含)."""
        if self.threshold is None:
            return (
                f"{self.value}星级"
                if self.metric == "星级"
                else f"{self.metric}:{self.value}"
                if self.value
                else self.metric
            )
        head = f"{self.period}{self.metric}"
        if self.upper is not None and self.first_time:
            # a milestone ("首次突破100亿元"): reached once, whatever the next one is
            return f"{head}{self.comparator_text or '首次突破'}{self.threshold.display()}"
        if self.upper is not None:
            close = "(含)" if self.upper_inclusive else "(不含)"
            if self.comparator is Comparator.GT:  # 首次突破20亿元 (the next bracket's figure ends it)
                return f"{head}超过{self.threshold.display()}、{self.upper.display()}{close}以下"
            return f"{head}{self.threshold.display()}(含)以上、{self.upper.display()}{close}以下"
        words = self.comparator_text or _COMPARATOR_WORDS[self.comparator]
        cut = re.search(r"\(含\)|及以上|以上", words)
        before, after = (words[: cut.start()], words[cut.start() :]) if cut else (words, "")
        return f"{head}{before}{self.threshold.display()}{after}"


_COMPARATOR_WORDS = {
    Comparator.GE: "不低于",
    Comparator.GT: "超过",
    Comparator.LE: "不超过",
    Comparator.LT: "不足",
    Comparator.EQ: "为",
}


# the words of a ratio's base that name a figure a company profile holds
_RATIO_BASES = (
    # interest at the benchmark rate on a loan ("实际贷款额银行基准利率的50%"): the loan times the rate
    ("基准利率", "loan_interest"),
    ("注册资本", "paid_in_capital"),
    ("营业收入", "revenue"),
    ("研发投入", "rd_spend"),
    ("研发费用", "rd_spend"),
    ("合同金额", "contract_value"),
    ("技术合同交易额", "tech_contract_value"),
    ("项目投入", "project_investment"),
    ("投资额", "project_investment"),
    ("平台年交易额", "platform_trade_value"),
    ("房租", "annual_rent"),
    ("租赁经营场所", "annual_rent"),
    ("租金", "annual_rent"),
    ("购房价", "purchase_price"),
    ("活动实际投入", "event_spend"),
    ("场租费", "venue_rent"),
    ("版权交易", "copyright_trade_value"),
    ("单次流通收益", "dataset_income"),
    ("信用贷款年度新增日均余额", "credit_loan_increase"),
    ("日均担保余额", "guarantee_balance"),
)


_INCREASE_BASES = (("研发", "rd_spend_increase"),)


class Benefit(BaseModel):
    """What a fact gives: a fixed or maximum amount, a ratio of some base, caps, a duration and rules."""

    description: str = Field(default="", description="The kind of support as printed: 奖励, 房租补贴, 贴息...")
    amount: Quantity | None = None
    up_to: bool = Field(default=False, description="The amount is a maximum (最高).")
    ratio: Quantity | None = Field(default=None, description="A share of ``base`` (in %).")
    ratio_low: Quantity | None = Field(default=None, description="Lower end of a printed ratio range (5—10%).")
    base: str = Field(default="", description="What the ratio is taken of, as printed (租金, 实到注册资本...).")
    cap: Quantity | None = None
    yearly_cap: Quantity | None = None
    per_event_cap: Quantity | None = None
    duration: Quantity | None = None
    rules: list[str] = Field(default_factory=list, description="差额, 累计, 一次性, 按进度, 择一.")

    def ratio_field(self) -> str | None:
        """The CompanyProfile field the ratio is taken of (按实到注册资本1% -> paid_in_capital); None when it is
        no ratio or of something a profile does not hold (租金); an increase (新增研发费) is the increase's own
        field, never the total it adds to."""
        if self.ratio is None or self.ratio.unit != "%":
            return None
        if re.search(r"新增|增量|增加", self.base):
            # (a base that is itself an increase names its own field: 信用贷款年度新增日均余额)
            own = next((f for word, f in _RATIO_BASES if word in self.base and "新增" in word), None)
            return own or next((f for word, f in _INCREASE_BASES if word in self.base), None)
        return next((field for word, field in _RATIO_BASES if word in self.base), None)

    def describe(self, lang: str = "zh") -> str:
        """What it gives, in the policy's words and units; ``lang="en"``: the connecting words in English
        ("up to 80% of 企业租赁经营场所, for 3 years"), the policy's own nouns and amounts kept."""
        en = lang == "en"
        up_to = "up to " if en else "最高"
        parts: list[str] = []
        if self.ratio is not None:
            low = f"{self.ratio_low.display()}{'–' if en else '—'}" if self.ratio_low is not None else ""
            share = f"{up_to if self.up_to and self.amount is None else ''}{low}{self.ratio.display()}"
            if en:
                parts.append(share + (f" of {self.base}" if self.base else ""))
            else:
                parts.append(f"按{self.base}{share}")
        if self.amount is not None:
            parts.append(f"{up_to if self.up_to else ''}{self.amount.display()}")
        caps = (
            (self.cap, "最高不超过{}", "max {}"),
            (self.yearly_cap, "每年不超过{}", "max {} a year"),
            (self.per_event_cap, "单次不超过{}", "max {} each time"),
        )
        parts += [
            (english if en else chinese).format(cap.display()) for cap, chinese, english in caps if cap is not None
        ]
        if self.duration is not None:
            parts.append(f"for {_en_period(self.duration)}" if en else f"期限{self.duration.display()}")
        if en:
            text = ", ".join(parts) or (self.description or "support")
            return text + (f" ({'、'.join(self.rules)})" if self.rules else "")
        text = ",".join(parts) or (self.description or "支持")
        return text + (f"({'、'.join(self.rules)})" if self.rules else "")


def _en_period(period: Quantity) -> str:
    """3年 -> "3 years", 1年 -> "1 year"; another unit as printed."""
    if period.unit != "年":
        return period.display()
    value = format(period.value.normalize(), "f")
    return f"{value} year" + ("" if value == "1" else "s")


class FactKind(StrEnum):
    AWARD = "award"  # an amount, ratio or in-kind support
    RECOGNITION = "recognition"  # a category one is recognised as (认定条件), no amount of its own


class PolicyFact(BaseModel):
    """One award variant or recognition category, with its conditions, what it gives and where it is printed."""

    id: str = Field(description="doc_no-clause-segment[-variant], stable for a given corpus.")
    kind: FactKind
    name: str = Field(description="The clause's heading, e.g. 星级培育奖励 or 工业总部.")
    variant: str = Field(default="", description="Which of a 分别 list: 五星级, 国家级, 20亿元档...")
    who: str = Field(default="", description="Who it is for, as printed (the sentence's subject).")
    audience: str = Field(default="", description="The kind of company the document is for (总部企业...).")
    conditions: list[Condition] = Field(default_factory=list)
    benefit: Benefit | None = None
    doc_no: int
    doc_number: str = Field(description="文号")
    title: str
    clause_path: list[str]
    printed_page: int = Field(description="The printed page the fact's numbers are on.")
    ebook_page: int
    quote: str = Field(description="Verbatim text of that page holding every number of the fact.")
    dates: DocumentDates = Field(default_factory=DocumentDates, description="The document's validity period.")

    @property
    def section(self) -> str:
        return " > ".join(self.clause_path)

    @property
    def label(self) -> str:
        return f"{self.name}({self.variant})" if self.variant else self.name

    def citation(self, validity: str) -> Citation:
        """The fact's citation: its document, clause, printed page and verbatim quote."""
        return Citation(
            doc_no=self.doc_no,
            title=self.title,
            doc_number=self.doc_number,
            section=self.section,
            printed_page=self.printed_page,
            ebook_page=self.ebook_page,
            quote=self.quote,
            validity=validity,
        )

    def numbers(self) -> list[Quantity]:
        """Every quantity the fact stores (each must occur verbatim in the quote)."""
        out: list[Quantity] = []
        for c in self.conditions:
            out += [q for q in (c.threshold, c.upper) if q is not None]
        if self.benefit is not None:
            b = self.benefit
            out += [
                q
                for q in (b.amount, b.ratio, b.ratio_low, b.cap, b.yearly_cap, b.per_event_cap, b.duration)
                if q is not None
            ]
        return out

    def amount_for(self, base_value: Decimal | None = None) -> Decimal | None:
        """The most this fact gives in 元: its amount, or ratio x base limited by its caps (a year's figure
        by the yearly cap too)."""
        b = self.benefit
        if b is None:
            return None
        if b.ratio is not None and base_value is not None and b.ratio.unit == "%":
            value = base_value * b.ratio.value / 100
            caps = [
                q.value for q in (b.cap, b.amount, b.yearly_cap, b.per_event_cap) if q is not None and q.unit == "元"
            ]
            return min([value, *caps])
        if b.amount is not None and b.amount.unit == "元":
            return b.amount.value
        return b.cap.value if b.cap is not None and b.cap.unit == "元" else None


def extract_facts(source: Corpus | Iterable[PolicyDocument], corpus: Corpus | None = None) -> list[PolicyFact]:
    """The facts of every document with text; ``source`` is a Corpus or some of its documents (then pass it)."""
    from service.answering.fact_parser import facts_of_document

    if isinstance(source, Corpus):
        corpus, documents = source, list(source.documents.values())
    else:
        documents = list(source)
        if corpus is None:
            raise ValueError("extract_facts needs the corpus the documents come from")
    out: list[PolicyFact] = []
    for doc in sorted(documents, key=lambda d: d.doc_no):
        if doc.has_text:
            out += facts_of_document(doc, corpus)
    return out


def fact_counts(corpus: Corpus, facts: list[PolicyFact]) -> list[dict[str, object]]:
    """How many facts each document with text yields (awards and recognitions), for reports."""
    counts = Counter((f.doc_no, f.kind) for f in facts)
    return [
        {
            "doc_no": d.doc_no,
            "doc_number": d.doc_number,
            "title": d.title,
            "awards": counts[(d.doc_no, FactKind.AWARD)],
            "recognitions": counts[(d.doc_no, FactKind.RECOGNITION)],
            "facts": counts[(d.doc_no, FactKind.AWARD)] + counts[(d.doc_no, FactKind.RECOGNITION)],
        }
        for d in sorted(corpus.with_text(), key=lambda d: d.doc_no)
    ]


class FactBook:
    """Facts of a corpus, extracted once and again only when its documents change (an upload adds one)."""

    def __init__(self) -> None:
        self._key: tuple[tuple[int, str, int], ...] | None = None
        self._facts: list[PolicyFact] = []

    def facts(self, corpus: Corpus) -> list[PolicyFact]:
        key = tuple(sorted((d.doc_no, d.source, len(d.clauses)) for d in corpus.documents.values()))
        if key != self._key:
            self._facts = extract_facts(corpus)
            self._key = key
        return self._facts
