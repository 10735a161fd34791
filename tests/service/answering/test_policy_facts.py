"""Policy facts over the real compilation: every number verbatim on its page, and facts read by hand."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pytest

from corpus.layout import RawPage
from corpus.library import Corpus
from corpus.loaders import DocumentMeta, build_document
from corpus.text import compact, contains_verbatim
from service.answering import fact_terms
from service.answering.comparisons import WORDS_FILE
from service.answering.facts import Comparator, FactBook, FactKind, PolicyFact, extract_facts, fact_counts

WAN, YI = Decimal(10) ** 4, Decimal(10) ** 8


@lru_cache(maxsize=1)
def corpus() -> Corpus:
    return Corpus.load()


@lru_cache(maxsize=1)
def facts() -> tuple[PolicyFact, ...]:
    return tuple(extract_facts(corpus()))


def test_every_number_of_every_fact_is_verbatim_in_its_quote_on_its_page() -> None:
    assert len(facts()) >= 100
    for fact in facts():
        page = corpus().page(fact.doc_no, fact.printed_page)
        assert page is not None, fact.id
        assert fact.quote in page.text, (fact.id, fact.quote)  # a verbatim substring of the page text
        for q in fact.numbers():
            assert q.text in fact.quote, (fact.id, q.text, fact.quote)
        assert fact.conditions or fact.benefit is not None, fact.id
    assert len({f.id for f in facts()}) == len(facts())


def test_every_document_with_text_yields_facts_and_counts_add_up() -> None:
    counts = fact_counts(corpus(), list(facts()))
    assert [c["doc_no"] for c in counts] == [1, 2, 3, 4, 5, 6]
    assert all(int(str(c["facts"])) > 0 for c in counts)
    assert sum(int(str(c["facts"])) for c in counts) == len(facts())


def find(doc_number: str, page: int, quote_part: str, variant: str = "") -> PolicyFact:
    hits = [
        f
        for f in facts()
        if f.doc_number == doc_number and f.printed_page == page and quote_part in f.quote and variant in f.variant
    ]
    assert len(hits) == 1, [(f.id, f.variant) for f in hits]
    return hits[0]


def condition(fact: PolicyFact, metric: str):  # type: ignore[no-untyped-def]
    return next(c for c in fact.conditions if c.metric == metric)


# Read by hand from the compilation's text (区办〔2023〕12号 pp. 11-15 and the other documents), not from gold items.
def test_headquarters_recognition_thresholds() -> None:
    industrial = find("区办〔2023〕12号", 11, "工业总部")
    c = condition(industrial, "营业收入")
    assert industrial.kind is FactKind.RECOGNITION
    assert (c.threshold.value, c.comparator, c.period) == (10 * YI, Comparator.GE, "上年度")  # type: ignore[union-attr]
    sales = find("区办〔2023〕12号", 12, "销售型总部")
    assert condition(sales, "营业收入").threshold.value == 20 * YI  # type: ignore[union-attr]
    other = find("区办〔2023〕12号", 12, "科技服务、文化、体育等其他总部")
    assert condition(other, "营业收入").threshold.value == 8 * YI  # type: ignore[union-attr]
    firms = find("区办〔2023〕12号", 11, "会计师事务所", variant="会计师事务所")
    assert condition(firms, "营业收入").threshold.value == 2 * YI  # type: ignore[union-attr]
    assert "律师" in condition(firms, "行业").keywords
    research = find("区办〔2023〕12号", 12, "研发型总部")
    assert condition(research, "研发费用").threshold.value == 5000 * WAN  # type: ignore[union-attr]
    share = condition(research, "研发费用占营业收入比例")
    assert (share.threshold.value, share.threshold.unit, share.field) == (15, "%", "rd_share")  # type: ignore[union-attr]
    listed = find("区办〔2023〕12号", 12, "上市主体")
    assert condition(listed, "上市阶段").value == "已上市"


def test_headquarters_awards() -> None:
    bracket = find("区办〔2023〕12号", 12, "最高可补助 500 万元", variant="1亿元(含)以上")
    capital = condition(bracket, "实到注册资本")
    assert (capital.threshold.value, capital.upper.value, capital.upper_inclusive) == (YI, 10 * YI, False)  # type: ignore[union-attr]
    assert (bracket.benefit.ratio.value, bracket.benefit.cap.value) == (1, 500 * WAN)  # type: ignore[union-attr]
    growth = find("区办〔2023〕12号", 12, "平均增幅")
    g = condition(growth, "营业收入年均增幅")
    assert (g.threshold.value, g.comparator, g.period) == (10, Comparator.GT, "连续3年")  # type: ignore[union-attr]
    assert growth.benefit.cap.value == 2000 * WAN  # type: ignore[union-attr]
    five = find("区办〔2023〕12号", 13, "五星级", variant="五星级")
    assert five.benefit.amount.value == 500 * WAN and "差额" in five.benefit.rules  # type: ignore[union-attr]
    assert condition(five, "星级").value == "5"
    tier = find("区办〔2023〕12号", 13, "首次突破", variant="营业收入20亿元")
    t = condition(tier, "营业收入")
    assert (t.threshold.value, t.upper.value, t.first_time) == (20 * YI, 50 * YI, True)  # type: ignore[union-attr]
    assert tier.benefit.amount.value == 100 * WAN and tier.benefit.up_to  # type: ignore[union-attr]
    rent = find("区办〔2023〕12号", 13, "租用总部自用办公用房")
    b = rent.benefit
    assert (b.ratio.value, b.yearly_cap.value, b.duration.value) == (50, 200 * WAN, 3)  # type: ignore[union-attr]
    buy = find("区办〔2023〕12号", 13, "首次购置")
    assert condition(buy, "营业收入").threshold.value == 10 * YI  # type: ignore[union-attr]
    assert (buy.benefit.ratio.value, buy.benefit.cap.value) == (10, 3000 * WAN)  # type: ignore[union-attr]
    neeq = find("区办〔2023〕12号", 14, "新三板")
    assert neeq.benefit.amount.value == 100 * WAN and "一次性" in neeq.benefit.rules  # type: ignore[union-attr]
    merger = find("区办〔2023〕12号", 14, "收并购")
    assert condition(merger, "收并购金额").threshold.value == 5 * YI  # type: ignore[union-attr]
    m = merger.benefit
    assert (m.ratio.value, m.cap.value, m.duration.value) == (30, 2000 * WAN, 2)  # type: ignore[union-attr]
    lab = find("区办〔2023〕12号", 14, "重点实验室", variant="国家级")
    assert lab.benefit.amount.value == 1000 * WAN  # type: ignore[union-attr]
    incubator = find("区办〔2023〕12号", 15, "海外孵化创新中心", variant="省级")
    assert incubator.benefit.amount.value == 100 * WAN  # type: ignore[union-attr]


def test_other_documents() -> None:
    champion = find("区办〔2023〕9号", 18, "200 万元", variant="单项冠军")
    assert champion.benefit.amount.value == 200 * WAN and "一次性" in champion.benefit.rules  # type: ignore[union-attr]
    provincial = find("区办〔2023〕9号", 18, "20 万元", variant="省级专精特新")
    assert provincial.benefit.amount.value == 20 * WAN  # type: ignore[union-attr]
    assert condition(provincial, "专精特新层级").value == "省级专精特新"
    platform = find("区办〔2023〕9号", 18, "项目投入的50%")
    assert (platform.benefit.ratio.value, platform.benefit.cap.value) == (50, 2000 * WAN)  # type: ignore[union-attr]
    pledge = find("区办〔2023〕9号", 19, "知识产权质押")
    assert (pledge.benefit.ratio.value, pledge.benefit.yearly_cap.value) == (50, 200 * WAN)  # type: ignore[union-attr]
    abroad = find("区办〔2023〕9号", 20, "境外上市")
    assert abroad.benefit.amount.value == 300 * WAN  # type: ignore[union-attr]
    assert condition(abroad, "上市阶段").value == "境外上市"
    org = find("区办〔2023〕8号", 28, "获奖组织")
    person = find("区办〔2023〕8号", 28, "获奖个人")
    assert (org.benefit.amount.value, person.benefit.amount.value) == (20 * WAN, 5 * WAN)  # type: ignore[union-attr]
    foreign = find("滨政〔2023〕7号", 41, "外资项目", variant="200万美元")
    f = condition(foreign, "实到注册资本")
    assert (f.threshold.value, f.threshold.unit, f.upper.value) == (200 * WAN, "美元", 500 * WAN)  # type: ignore[union-attr]
    assert foreign.benefit.ratio.value == 50 and foreign.benefit.duration.value == 3  # type: ignore[union-attr]
    retail = find("滨政〔2023〕7号", 41, "新增社零总额")
    assert condition(retail, "社零总额").threshold.value == YI  # type: ignore[union-attr]
    assert retail.benefit.amount.value == 20 * WAN  # type: ignore[union-attr]
    events = find("滨政〔2023〕7号", 42, "单场活动")
    e = events.benefit
    assert (e.ratio.value, e.per_event_cap.value, e.yearly_cap.value) == (20, 10 * WAN, 120 * WAN)  # type: ignore[union-attr]
    ai_rd = find("杭高新〔2023〕5号", 46, "新增研发费用")
    r = condition(ai_rd, "新增研发费用")
    assert (r.threshold.value, r.comparator) == (200 * WAN, Comparator.GT)  # type: ignore[union-attr]
    assert (ai_rd.benefit.ratio.value, ai_rd.benefit.yearly_cap.value) == (10, 200 * WAN)  # type: ignore[union-attr]
    scene = find("杭高新〔2023〕5号", 47, "对外服务企业数")
    assert condition(scene, "对外服务企业数").threshold.value == 50  # type: ignore[union-attr]
    assert (scene.benefit.ratio.value, scene.benefit.cap.value) == (20, 300 * WAN)  # type: ignore[union-attr]
    ai_lab = find("杭高新〔2023〕5号", 45, "重点实验室", variant="国家级")
    assert ai_lab.benefit.amount.value == 1500 * WAN  # type: ignore[union-attr]
    invest = find("区党委〔2019〕25号", 9, "1000 万美元")
    alternatives = [c for c in invest.conditions if c.metric == "实到注册资本"]
    assert {c.threshold.unit for c in alternatives} == {"元", "美元"}  # type: ignore[union-attr]
    assert alternatives[0].group and alternatives[0].group == alternatives[1].group
    assert (invest.benefit.ratio_low.value, invest.benefit.ratio.value) == (5, 10)  # type: ignore[union-attr]


def test_budgets_and_targets_are_not_facts() -> None:
    for fact in facts():
        assert (
            "预算" not in fact.quote
            or fact.benefit is None
            or fact.benefit.amount is None
            or (fact.benefit.amount.text not in fact.quote.split("预算")[-1][:12])
        ), fact.id
    assert not [f for f in facts() if "力争" in f.quote and f.benefit is not None and not f.conditions]


def test_added_document_yields_facts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    base = Corpus.load()
    text = (
        "关于支持示范企业发展的若干意见\n区办〔2025〕3号\n一、支持政策\n"
        "(一)首台奖励。对新认定的市级首台(套)产品,给予 30 万元一次性奖励。\n"
        "(二)规模奖励。上年度营业收入超过 5 亿元的企业,按其研发投入的 8%给予补助,每年不超过 150 万元。"
    )
    added = build_document(
        "demo.txt", [RawPage(text=text)], base.next_doc_no(), DocumentMeta(doc_number="区办〔2025〕3号")
    )
    base.add(added)
    book = FactBook()
    new = [f for f in book.facts(base) if f.doc_no == added.document.doc_no]
    assert {f.benefit.amount.value for f in new if f.benefit and f.benefit.amount} == {30 * WAN}  # type: ignore[union-attr]
    scale = next(f for f in new if f.benefit and f.benefit.ratio)
    c = condition(scale, "营业收入")
    assert (c.threshold.value, c.comparator, c.period) == (5 * YI, Comparator.GT, "上年度")  # type: ignore[union-attr]
    assert (scale.benefit.ratio.value, scale.benefit.yearly_cap.value) == (8, 150 * WAN)  # type: ignore[union-attr]
    for f in new:
        assert contains_verbatim(base.page(f.doc_no, f.printed_page).text, f.quote)  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", ["metric", "star", "zjtx", "listing", "level", "industry", "audience"])
def test_every_term_the_extractor_reads_occurs_in_the_compilation(kind: str) -> None:
    body = compact("".join(s.body for s in corpus().sources.values()))
    for term in fact_terms.of_kind(kind):
        assert compact(term.surface) in body, term


def test_user_words_name_metrics_the_facts_use() -> None:
    metrics = {t.canonical for t in fact_terms.of_kind("metric")} | {t.canonical for t in fact_terms.of_kind("share")}
    for line in WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            assert line.split("\t")[1] in metrics, line


def test_what_a_benefit_gives_reads_in_english_with_the_policys_own_nouns_and_amounts() -> None:
    from service.answering.facts import Benefit
    from service.answering.quantities import Quantity

    rent = Benefit(
        ratio=Quantity(value=Decimal(60), unit="%", text="60%"),
        up_to=True,
        base="办公用房租金",
        yearly_cap=Quantity(value=Decimal(1_000_000), unit="元", text="100万元"),
        duration=Quantity(value=Decimal(2), unit="年", text="两年"),
    )
    assert rent.describe() == "按办公用房租金最高60%,每年不超过100万元,期限2年"
    assert rent.describe("en") == "up to 60% of 办公用房租金, max 100万元 a year, for 2 years"
    once = Benefit(amount=Quantity(value=Decimal(500_000), unit="元", text="50万元"), rules=["一次性"])
    assert once.describe("en") == "50万元 (一次性)"
    one_year = Benefit(duration=Quantity(value=Decimal(1), unit="年", text="一年"))
    assert one_year.describe("en") == "for 1 year"
