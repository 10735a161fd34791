"""Question understanding and the verdict, table-driven, on made-up questions and signals (no index)."""

from __future__ import annotations

import pytest

from corpus.library import Corpus
from corpus.models import PolicyDocument, TextStatus
from indexing.chunks import Chunk
from service.answering.config import JudgeConfig
from service.answering.figures import FIGURE, GIVEN, figure_key
from service.answering.judge import Signals, TocMatch, decide
from service.answering.plan import Asked, claims, plan_query
from service.models import AnswerStatus, Citation


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load()


@pytest.mark.parametrize(
    ("question", "lang", "asked"),
    [
        ("孵化器的房租补贴最多给多少?", "zh", {Asked.AMOUNT}),
        ("贴息比例是多少?", "zh", {Asked.RATIO}),
        ("今年要新增多少家上市企业?", "zh", {Asked.COUNT}),
        ("这个办法什么时候开始施行?", "zh", {Asked.DATE}),
        ("申报材料交给哪个部门受理?", "zh", {Asked.PROCEDURE}),
        ("孵化器奖每年几月份开始申请?", "zh", {Asked.DATE}),  # 几月份 is one word
        ("孵化器奖每年几月份开始 apply?", "zh", {Asked.DATE}),  # the date of a step, in mixed Chinese and English
        ("我们营收5亿,够不够格认定?", "zh", {Asked.CRITERION}),
        ("Which document sets the rent subsidy, and on what page?", "en", {Asked.DOCUMENT}),
        ("When does the AI policy expire?", "en", {Asked.DATE}),
        ("这个文件明年还能按它去申报吗?", "zh", {Asked.DATE}),  # can it still be used
        ("区办〔2023〕9号现在还能不能用?", "zh", {Asked.DATE}),
        # a choice between two figures asks for a figure of their kind
        ("贴息是按50%还是按80%给?", "zh", {Asked.RATIO}),
        ("Is the interest subsidy 50% or 80% of the interest?", "en", {Asked.RATIO}),
        ("补贴期是3年还是5年?", "zh", {Asked.PERIOD}),
        # a count of units of time is a period
        ("名单要公示多少个工作日?", "zh", {Asked.PERIOD}),
        ("How many days is the list on public notice?", "en", {Asked.PERIOD}),
        # 多长 after a word for a span of time (试用期, 公示期, 补贴期), however the tokenizer cuts 期有
        ("免费适配期有多长?", "zh", {Asked.PERIOD}),
        ("认定名单的公示期有多长?", "zh", {Asked.PERIOD}),
        ("补贴期多长?", "zh", {Asked.PERIOD}),
        ("有多少个项目入选?", "zh", {Asked.COUNT}),
        # a benefit noun asks how much, unless the question asks whether there is one
        ("What is the reward for a newly listed company?", "en", {Asked.AMOUNT}),
        ("Does the district reward companies that draft standards?", "en", {Asked.YES_NO}),
        ("Is there funding for a postdoctoral workstation?", "en", {Asked.YES_NO}),
        ("Is there a subsidy, and how big is it?", "en", {Asked.YES_NO, Asked.AMOUNT}),
        ("Can we apply for the award?", "en", {Asked.YES_NO}),
        ("Our revenue was RMB 600 million. Does that meet the bar?", "en", {Asked.CRITERION, Asked.YES_NO}),
        ("Which year is that policy for?", "en", {Asked.DATE}),
        # the auxiliary may open a clause after a comma
        ("We have 8亿 revenue, can we get the award?", "en", {Asked.YES_NO}),
        # "几个点" is percentage points, not a count
        ("贷款贴息按几个点给?", "zh", {Asked.RATIO}),
        # 百分之几 is one word for the tokenizer, and asks a share as 百分之 does
        ("贴息是贷款利息的百分之几?", "zh", {Asked.RATIO}),
        # spoken checks of validity: 一直有效, 有效的吧
        ("这份文件是一直有效的?", "zh", {Asked.DATE}),
        ("人工智能那个政策现在还是有效的吧?", "zh", {Asked.DATE}),
        # "in effect" says what "in force" says
        ("Is the standards award scheme still in effect?", "en", {Asked.DATE}),
        ("Will the rent measure remain in effect this year?", "en", {Asked.DATE}),
        # "…标准是多少?" asks the figure a measure pays at, not its conditions
        ("房租补贴的标准是多少?", "zh", {Asked.AMOUNT}),
        # "几个钱" is spoken for how much money, not a count
        ("小巨人能奖几个钱?", "zh", {Asked.AMOUNT}),
        # votes are counted, not paid
        ("审议表决要多少票通过?", "zh", {Asked.COUNT}),
        # what the period is of (the subsidy) is no amount asked
        ("For how many years is the office subsidy paid?", "en", {Asked.PERIOD}),
        ("贴息咋算?", "zh", {Asked.AMOUNT}),  # spoken 咋 for 怎么
        # "几万", "几百万", "几千块": how much money, in round units
        ("拿了省级隐形冠军,区里能奖几十万?", "zh", {Asked.AMOUNT}),
        ("首台套产品大概能补几百万?", "zh", {Asked.AMOUNT}),
        # a discount is a share
        ("人才公寓的租金能打几折?", "zh", {Asked.RATIO}),
        # when one may apply again is when a waiting period ends
        ("拿过省标准创新奖,最早哪一年能再报区里的?", "zh", {Asked.DATE, Asked.PERIOD}),
        # what a wage, a fee or a price is, is an amount
        ("What is the hourly minimum wage here?", "en", {Asked.AMOUNT}),
        ("What fee does the exhibition organiser charge?", "en", {Asked.AMOUNT}),
        # "the most" the district would pay is an amount
        ("What is the most the district would pay a new HQ?", "en", {Asked.AMOUNT}),
        # what is compared of an award is how much it gives
        ("Is the listing award the same under both policies?", "en", {Asked.AMOUNT}),
    ],
)
def test_the_kind_of_fact_asked(corpus: Corpus, question: str, lang: str, asked: set[Asked]) -> None:
    plan = plan_query(question, [], corpus)
    assert plan.lang == lang
    assert asked <= plan.asked


@pytest.mark.parametrize(
    ("question", "asked", "not_asked"),
    [
        # 几月 (no 个) is a month of the year, 几个月 a span of months; 几月 and 几号 are no topic words
        ("奖励每年几月几号开始报?", Asked.DATE, Asked.PERIOD),
        ("补贴审核一般要几个月?", Asked.PERIOD, Asked.DATE),
    ],
)
def test_months_of_the_year_and_spans_of_months(corpus: Corpus, question: str, asked: Asked, not_asked: Asked) -> None:
    plan = plan_query(question, [], corpus)
    assert asked in plan.asked and not_asked not in plan.asked
    assert not {"几月", "几号"} & {c.key for c in plan.concepts}


def test_how_many_and_how_big_are_no_topic_words(corpus: Corpus) -> None:
    # 几 with its measure word, 多 with an adjective of size: what is asked, never what about
    plan = plan_query("产业基金今年新设了几支?每支多大?", [], corpus)
    assert {"产业", "基金"} <= {c.key for c in plan.concepts}
    assert not {"几支", "多大"} & {c.key for c in plan.concepts}


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("贷款贴息按几个点给?", Asked.COUNT),
        ("租房一年最多补几个钱?", Asked.COUNT),
        ("获奖的奖金算不算工资?", Asked.AMOUNT),  # whether the prize counts as pay, not how much it is
        ("被列入失信名单还能享受总部政策吗?", Asked.DATE),  # whether even so, not until when
        ("For how many years is the office subsidy paid?", Asked.AMOUNT),  # what the period is of
        ("标准创新奖奖金什么时候发?", Asked.AMOUNT),
        ("If we move out of Binjiang, can we still claim the rent subsidy?", Asked.DATE),
        ("除了直接给钱,资助还能怎么兑现?", Asked.DATE),  # 还能怎么: what other way, not "still"
        ("听说人才房补贴每月3000,还能连补十年,对吧?", Asked.DATE),  # 还能连补: a length of support, not "still"
        ("What is the most important condition for HQ recognition?", Asked.AMOUNT),
        ("房租补贴的标准是多少?", Asked.CRITERION),  # the rate it pays at, not who qualifies
        ("贷款贴息的标准为多少?", Asked.CRITERION),
        # "the same work" is which work is meant, not a comparison of the awards' amounts
        ("Our project won the city prize. Can the same project enter the district award?", Asked.AMOUNT),
    ],
)
def test_words_that_do_not_ask_a_kind(corpus: Corpus, question: str, absent: Asked) -> None:
    assert absent not in plan_query(question, [], corpus).asked


@pytest.mark.parametrize(
    ("question", "lists"),
    [
        ("资助有哪些兑现方式?", True),
        ("除了直接给钱还能怎么兑现?", True),
        ("In what ways can the funding be paid?", True),
        ("资助怎么兑现?", False),
    ],
)
def test_asking_for_the_ways_asks_for_a_list(corpus: Corpus, question: str, lists: bool) -> None:
    assert plan_query(question, [], corpus).asks_list is lists


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("营收9亿,够不够格认定总部?", ("够", "不够")),
        ("我们去年营收3亿,算不算规模型总部?", ("算", "不算")),
        ("研发占比12%,符合研发型总部的条件吗?", ("符合", "不符合")),
        ("注册资本5000万,能申请投资资助吗?", ("可以", "不能")),
        ("营收8亿,有什么奖励?", ("可以", "不够")),
        ("我们营收25亿,是销售型总部吗?", ("是", "不是")),
        ("我们是软件公司,营收12亿,能认定总部吗?", ("可以", "不能")),  # 我们是 describes; 能…吗 asks
    ],
)
def test_a_yes_no_answer_speaks_in_the_questions_verb(corpus: Corpus, question: str, words: tuple[str, str]) -> None:
    assert plan_query(question, [], corpus).verdict_words == words


@pytest.mark.parametrize(
    ("question", "asks_date"),
    [
        # the asker's own thing has lasted a while: that dates it, it asks whether, not when
        ("Our product standard has been in force for 20 months; could we enter the award?", False),
        ("The standard we led came into effect two years ago. Does it count?", False),
        ("When did the standard innovation award rules come into force?", True),
        ("Is the listing policy still in force?", True),
    ],
)
def test_an_english_period_the_askers_thing_has_lasted_asks_no_date(
    corpus: Corpus, question: str, asks_date: bool
) -> None:
    plan = plan_query(question, [], corpus)
    assert (Asked.DATE in plan.asked) is asks_date
    assert (Asked.YES_NO in plan.asked) is not asks_date or "still" in question


@pytest.mark.parametrize(
    ("question", "stacking"),
    [
        ("两个文件的奖励能一起领吗?", True),
        ("房租补贴跟购房补贴能一块儿领不?", True),
        ("这两项能一并申请吗?", True),
        ("省级和市级的奖励都能拿吗?", True),
        ("能两边都享受吗?", True),
        ("两样都想拿行不行?", True),
        ("两个奖励都可以要吗?", True),
        ("总部和专精特新的研发中心奖励,我们能拿两份吗?", True),
        ("这种情况能领几份?", True),
        # spoken: "一起吃" (have both), "各拿一份" (one of each), "加起来…拿" (the two summed)
        ("孵化器补贴和房租补贴两个能一起吃吗?", True),
        ("市里和区里的奖励能各拿一份吗?", True),
        ("两条政策的奖励加起来能拿多少?", True),
        ("这两个数加起来是多少?", False),
        ("这些条件都要求满足吗?", False),
        ("研发中心奖励拿了多少?", False),
    ],
)
def test_asking_whether_two_supports_can_be_had_together(corpus: Corpus, question: str, stacking: bool) -> None:
    assert plan_query(question, [], corpus).asks_stacking is stacking


def test_a_chinese_question_reads_the_english_words_it_uses_through_the_glossary(corpus: Corpus) -> None:
    plan = plan_query("准备做IPO的公司,区里怎么支持?", [], corpus)
    alternatives = {a for c in plan.concepts for a in c.alternatives}
    assert "上市" in alternatives and "上市" in plan.text
    # whole words only: "mai" holds "ai" but is no English word the glossary knows
    assert not any(c.key == "ai" for c in plan_query("麦当劳的mai店", [], corpus).concepts)


def test_english_question_words_match_whole_words_only(corpus: Corpus) -> None:
    # "registration" holds "ratio", "capital" holds "cap", "this" holds "is": none of them asks anything
    plan = plan_query("This registration form asks for our capital and tax details.", [], corpus)
    assert not plan.asked & {Asked.RATIO, Asked.AMOUNT, Asked.YES_NO}
    assert plan_query("And what about the rent subsidy?", [], corpus).lang == "en"


def test_the_glossary_reads_an_english_words_ing_form_but_not_a_longer_word() -> None:
    from service.answering import lexicon

    glossary = lexicon.english()
    assert ("buy", glossary.entries["buy"]) in glossary.matches("a subsidy for buying office space")
    assert "buy" not in dict(glossary.matches("a subsidy for buyer offices"))
    assert "rent" not in dict(glossary.matches("the current rules"))


def test_the_units_of_the_users_figures_are_not_topic_words(corpus: Corpus) -> None:
    plan = plan_query("Our revenue was RMB 600 million last year. Is that enough for headquarters?", [], corpus)
    keys = {c.key for c in plan.concepts}
    assert not keys & {"rmb", "million", "600"} and "revenue" in keys


def test_topic_concepts_carry_the_corpus_wording_and_leave_out_figures(corpus: Corpus) -> None:
    plan = plan_query("我们去年营收3个亿,写字楼租金能补吗?", [], corpus)
    keys = {c.key for c in plan.concepts}
    assert "营收" in keys and not any(k.isdigit() for k in keys)
    alternatives = {a for c in plan.concepts for a in c.alternatives}
    assert "营业收入" in alternatives
    assert any(f.metric for f in plan.user_figures)


def test_english_reaches_chinese_wording_and_the_dense_query_keeps_it(corpus: Corpus) -> None:
    plan = plan_query("How much is the rent subsidy for a headquarters company?", [], corpus)
    assert "总部企业" in plan.text
    assert plan.dense_text == plan.text
    zh = plan_query("总部企业房租补贴多少?", [], corpus)
    assert zh.dense_text == zh.asked_text


def test_years_outside_document_numbers(corpus: Corpus) -> None:
    plan = plan_query("区办〔2023〕12号在2031年还有效吗?", [], corpus)
    assert plan.years == ["2031"]


@pytest.mark.parametrize(
    ("question", "years"),
    [
        # a year said by its last two digits is that year
        ("滨江27年的研发投入目标是多少?", ["2027"]),
        ("我们24年底搬过来的,还能拿房租补贴吗?", ["2024"]),
        # ... a number of years is not
        ("房租补贴能连续补3年吗?", []),
        ("有效期10年是真的吗?", []),
        ("公司成立20年以上有什么奖励?", []),
        ("公司成立19年了,有什么奖励?", []),
    ],
)
def test_two_digit_years(corpus: Corpus, question: str, years: list[str]) -> None:
    assert plan_query(question, [], corpus).years == years


@pytest.mark.parametrize(
    ("question", "dating"),
    [
        # a year with its month dates a day of the asker's own; one in brackets glosses 今年
        ("我们2024年5月搬进来的,房租补贴能拿几年?", ["2024"]),
        ("去年(2025年)认定的,今年还能再报吗?", ["2025"]),
        ("区办〔2023〕12号在2031年还有效吗?", []),
        # ... and so does the year of what the asker reports having done, not what the district did
        ("公司2022年在这边买过一次检测服务,能补吗?", ["2022"]),
        ("我们2021年搬了过来,还有补贴吗?", ["2021"]),
        ("区里2024年安排了多少资金?", []),
        ("我们想知道2030年到期了吗?", []),
        # ... and the year the asker would apply in
        ("我们打算2029年再申报总部认定,来得及吗?", ["2029"]),
        ("Can we wait until 2029 to apply?", ["2029"]),
        ("2029年的上市公司目标是多少?", []),
        # ... or may act in: a year before 能 / 还能 / 可以 is the asker's own ("2027年还能拿这个项目去报吗?")
        ("我们2025年拿过省里的奖,2027年还能拿这个项目去报吗?", ["2025", "2027"]),
        ("2028年可以再评一次吗?", ["2028"]),
        # ... or was founded, registered or moved in
        ("我们公司2027年在滨江注册成立,实到注册资本800万美元,房租补贴多少?", ["2027"]),
        # ... or glossed after 今年/明年 in a clause of the asker's own or of what they can do then
        ("今年(2026年)我们营收12亿,算总部企业吗?", ["2026"]),
        ("明年(2027年)能不能再报一次?", ["2027"]),
        # ... but not a gloss of what the government does that year: that year is asked about
        ("明年(2027年)区里安排多少产业资金?", []),
    ],
)
def test_years_that_date_the_askers_own_days(corpus: Corpus, question: str, dating: list[str]) -> None:
    assert plan_query(question, [], corpus).dating_years == dating


@pytest.mark.parametrize(
    ("question", "not_topic"),
    [
        ("要评出来才有奖金吗?", "出来"),
        ("我们帮区里招了不少企业,有奖励吗?", "不少"),  # "quite a few", not the text's 不少于
        ("很多企业都拿到了,我们能拿多少?", "很多"),
        ("几项补贴加起来最多多少?", "起来"),
        ("认定以后多久能拿到钱?", "以后"),
        ("营收哪一档都够不上,还有别的途径吗?", "一档"),
        ("营收哪一档都够不上,还有别的途径吗?", "够不上"),
        ("营收哪一档都够不上,还有别的途径吗?", "途径"),
        ("我们一直在考虑,打算明年搬过来,有房租补贴吗?", "打算"),
        ("我们一直在考虑,打算明年搬过来,有房租补贴吗?", "考虑"),
        ("有没有专门针对园区的单独政策?明年能报几次?", "专门"),
        ("有没有专门针对园区的单独政策?明年能报几次?", "单独"),
        ("有没有专门针对园区的单独政策?明年能报几次?", "明年"),
        ("上市奖励到底怎么回事,各个文件说法一样吗?", "回事"),
        ("上市奖励到底怎么回事,各个文件说法一样吗?", "说法"),
        ("这是哪个部门管的?", "这是"),
        ("研发奖和人才奖这两样能不能一起要?", "两样"),  # how many supports are asked about, not which
        ("两份文件的两项奖励能一起领吗?", "两份"),
        ("两份文件的两项奖励能一起领吗?", "两项"),
        ("区里的各种补贴、各项奖励有没有总的上限?", "各种"),
        ("区里的各种补贴、各项奖励有没有总的上限?", "各项"),
        ("所有奖励加起来有上限吗?", "所有"),
        # a "one" with its measure word counts what follows; when something began is no topic
        ("我们是一家做芯片设计的公司,流片补贴怎么申请?", "一家"),
        ("我们参与的一项团体标准去年开始实施,能申报吗?", "一项"),
        ("我们参与的一项团体标准去年开始实施,能申报吗?", "开始"),
        ("首台套奖励申报时间是什么时候?", "时间"),
    ],
)
def test_how_a_question_is_said_is_not_a_topic_word(corpus: Corpus, question: str, not_topic: str) -> None:
    from service.answering.plan import topic_words

    assert not any(not_topic in w for w in topic_words(plan_query(question, [], corpus)))


def _listed(corpus: Corpus) -> TocMatch:
    doc = next(d for d in corpus.documents.values() if d.text_status is TextStatus.TOC_ONLY)
    return TocMatch(doc, area=0.6, uncovered=0.6, words=["x"])


def _citation(doc: PolicyDocument, quote: str, page: int = 1) -> Citation:
    """A citation of ``quote`` on printed page ``page`` of ``doc``."""
    return Citation(
        doc_no=doc.doc_no,
        doc_number=doc.doc_number,
        title=doc.title,
        section="s",
        printed_page=page,
        ebook_page=page,
        quote=quote,
    )


def _chunk(text: str, name: str = "c", doc_no: int = 1) -> Chunk:
    """A one-page chunk holding ``text`` (its own offsets), for the evidence tests."""
    return Chunk(
        id=name,
        doc_no=doc_no,
        title="t",
        doc_number="n",
        section="s",
        text=text,
        start=0,
        end=len(text),
        printed_pages=[1],
        ebook_pages=[1],
    )


CONFIG = JudgeConfig(
    answer_coverage=0.5,
    attribute_topic=0.5,
    unknown_max=0.4,
    toc_min=0.3,
    toc_fallback=0.4,
    dense_min=0.8,
    area_margin=0.02,
)


@pytest.mark.parametrize(
    ("signals", "expected"),
    [
        (Signals(coverage=0.9, dense=0.9), AnswerStatus.ANSWERED),
        (Signals(coverage=0.3, dense=0.9), AnswerStatus.NOT_FOUND),
        (Signals(coverage=0.9, dense=0.9, attribute_share=0.0), AnswerStatus.NOT_FOUND),
        (Signals(coverage=0.9, dense=0.9, unknown_share=0.6), AnswerStatus.NOT_FOUND),
        (Signals(coverage=0.9, dense=0.7), AnswerStatus.NOT_FOUND),
        # every word of the question in the text found: a short question's low similarity is no reason to refuse
        (Signals(coverage=1.0, dense=0.7), AnswerStatus.ANSWERED),
        # ... but every *known* word is not every word: with words the compilation never uses, e5 still counts
        (Signals(coverage=1.0, dense=0.7, unknown_share=0.3), AnswerStatus.NOT_FOUND),
        (Signals(coverage=1.0, dense=0.9, unknown_share=0.3), AnswerStatus.ANSWERED),
        (Signals(coverage=0.9, dense=0.9, other_place=True), AnswerStatus.NOT_FOUND),
        (Signals(coverage=0.9, dense=0.9, unknown_year=True), AnswerStatus.NOT_FOUND),
        (Signals(has_content=False), AnswerStatus.NOT_FOUND),
        (Signals(coverage=0.2, dense=0.9, structured=True), AnswerStatus.ANSWERED),
        # the figure of a metric asked ("营收要达到多少?") that no text on the topic names
        (Signals(coverage=0.9, dense=0.9, metric_unstated="营业收入"), AnswerStatus.NOT_FOUND),
    ],
)
def test_decide_from_signals(signals: Signals, expected: AnswerStatus) -> None:
    assert decide(signals, CONFIG).status is expected


def test_a_listed_document_wins_when_the_loaded_text_lacks_its_area(corpus: Corpus) -> None:
    match = _listed(corpus)
    verdict = decide(Signals(coverage=0.9, dense=0.9, toc=[match]), CONFIG)
    assert verdict.status is AnswerStatus.TOC_ONLY and verdict.toc_docs == [match.doc]
    covered = TocMatch(match.doc, area=0.6, uncovered=0.1, words=["x"])
    assert decide(Signals(coverage=0.9, dense=0.9, toc=[covered]), CONFIG).status is AnswerStatus.ANSWERED
    # not answered by the loaded text: the listed document's area is the better answer
    assert decide(Signals(coverage=0.2, dense=0.9, toc=[covered]), CONFIG).status is AnswerStatus.TOC_ONLY


def test_the_questions_most_specific_wording_being_a_listed_titles_names_that_document(corpus: Corpus) -> None:
    match = TocMatch(_listed(corpus).doc, area=0.2, uncovered=0.0, words=["x"])  # below every toc threshold
    verdict = decide(Signals(coverage=0.9, dense=0.9, toc=[match], specific_listed=True), CONFIG)
    assert verdict.status is AnswerStatus.TOC_ONLY and verdict.toc_docs == [match.doc]
    assert decide(Signals(coverage=0.9, dense=0.9, toc=[match]), CONFIG).status is AnswerStatus.ANSWERED


def test_a_quote_without_the_questions_most_specific_word_yields_to_the_listed_document(corpus: Corpus) -> None:
    match = TocMatch(_listed(corpus).doc, area=0.2, uncovered=0.0, words=["x"])
    near = Signals(coverage=0.9, dense=0.9, toc=[match], specific_unquoted=True)
    verdict = decide(near, CONFIG)
    assert verdict.status is AnswerStatus.TOC_ONLY and verdict.toc_docs == [match.doc]
    # read from the document's structure (its date statement, its list): the loaded text answers
    structured = Signals(coverage=0.9, dense=0.9, toc=[match], specific_unquoted=True, structured=True)
    assert decide(structured, CONFIG).status is AnswerStatus.ANSWERED


def test_a_framework_that_leaves_the_details_to_later_documents_names_the_listed_one(corpus: Corpus) -> None:
    weak = TocMatch(_listed(corpus).doc, area=0.1, uncovered=0.1, words=["x"])  # below toc_fallback
    framed = Signals(coverage=0.3, dense=0.9, toc=[weak], delegated=True)
    verdict = decide(framed, CONFIG)
    assert verdict.status is AnswerStatus.TOC_ONLY and verdict.toc_docs == [weak.doc]
    # without the framework's delegation, or without a listed document sharing the words: not found
    assert decide(Signals(coverage=0.3, dense=0.9, toc=[weak]), CONFIG).status is AnswerStatus.NOT_FOUND
    assert decide(Signals(coverage=0.3, dense=0.9, delegated=True), CONFIG).status is AnswerStatus.NOT_FOUND
    # the framework answers by itself: answered
    assert decide(Signals(coverage=0.9, dense=0.9, toc=[weak], delegated=True), CONFIG).status is (
        AnswerStatus.ANSWERED
    )


def test_a_framework_whose_text_holds_the_whole_topic_answers_though_it_delegates(corpus: Corpus) -> None:
    shared = TocMatch(_listed(corpus).doc, area=0.6, uncovered=0.0, words=["x"])  # above toc_fallback
    config = CONFIG.model_copy(update={"delegated_coverage": 0.95})
    # the framework's clause covers part of the topic and leaves the rest to a later document: that document
    partial = Signals(coverage=0.7, dense=0.9, toc=[shared], delegated=True)
    assert decide(partial, config).status is AnswerStatus.TOC_ONLY
    # it holds every topic word: its own clause answers
    whole = Signals(coverage=1.0, dense=0.9, toc=[shared], delegated=True)
    assert decide(whole, config).status is AnswerStatus.ANSWERED
    # above 1, never
    never = CONFIG.model_copy(update={"delegated_coverage": 1.01})
    assert decide(whole, never).status is AnswerStatus.TOC_ONLY


def test_a_listed_documents_area_names_it_when_the_loaded_text_does_not_answer(corpus: Corpus) -> None:
    doc = _listed(corpus).doc
    near = Signals(coverage=0.3, dense=0.9, area_doc=doc, area_margin=0.03)
    verdict = decide(near, CONFIG)
    assert verdict.status is AnswerStatus.TOC_ONLY and verdict.toc_docs == [doc]
    # a loaded document as close as the listed one: nothing to name
    assert decide(Signals(coverage=0.3, dense=0.9, area_doc=doc, area_margin=0.0), CONFIG).status is (
        AnswerStatus.NOT_FOUND
    )
    # the loaded text answers: the area signal does not override it
    answered = Signals(coverage=0.9, dense=0.9, area_doc=doc, area_margin=0.03)
    assert decide(answered, CONFIG).status is AnswerStatus.ANSWERED


@pytest.mark.parametrize(
    ("quotes", "stated"),
    [
        # the figure sits in the sentence on the topic
        (["对首次认定的孵化器,给予50万元奖励。"], True),
        # the only figure is the measure's yearly budget: what the district spends, not what a company gets
        (["每年安排预算不少于2亿元,用于孵化器的培育。对认定的孵化器给予奖励。"], False),
        # the figure belongs to another award's sentence
        (["对认定的孵化器给予奖励。", "对新认定的省级企业研究院,给予30万元奖励。"], False),
        # the next sentence in the same quote is another measure's figure: its topic words count at half
        (["对认定的孵化器分档给予奖励。支持企业开展数字化攻关,经认定给予最高100万元补助。"], False),
        # a condition and its figure split by a semicolon are one sentence
        (["鼓励孵化器开展活动;经认定,按实际投入的20%给予资助,最高10万元。"], True),
        # "free of charge" states what a fee question asks
        (["孵化器认定的申报不收取任何费用。"], True),
        # a figure the asker gave is not an answer
        (["孵化器认定后奖励,详见80万元以上的项目。"], False),
    ],
)
def test_attribute_support_wants_the_figure_beside_the_topic(corpus: Corpus, quotes: list[str], stated: bool) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    plan = plan_query("孵化器认定后奖励多少钱?投资 80 万元以上的项目呢?", [], corpus)
    terms = Terms({"孵化器": 3.0, "认定": 1.0}, {})
    assert (attribute_support(plan, quotes, terms, neighbour_credit=0.5) >= 0.75) is stated


def test_a_quoted_name_may_head_the_clause_whose_next_sentence_states_the_figure(corpus: Corpus) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    # my own wording: the name quoted is the item's heading, a sentence of its own before the figure
    plan = plan_query("“支持孵化器提质增效”那一项每年安排多少?", [], corpus)
    assert plan.quoted == ["支持孵化器提质增效"] and plan.asks_budget
    terms = Terms({"孵化器": 3.0, "支持孵化器提质增效": 4.0, "安排": 1.0}, {})
    headed = ["7. 支持孵化器提质增效。每年安排预算不少于3000万元,用于孵化器的培育。"]
    assert attribute_support(plan, headed, terms) > 0.5
    # ... but not a heading two sentences back, nor a sentence that merely follows other text
    assert attribute_support(plan, ["7. 支持孵化器提质增效。鼓励入驻。每年安排预算不少于3000万元。"], terms) == 0.0
    unheaded = ["支持孵化器提质增效,鼓励各方参与和投入。每年安排预算不少于3000万元。"]
    assert attribute_support(plan, unheaded, terms) == 0.0


def test_whether_a_policy_can_still_be_used_is_stated_by_its_documents_dates_not_by_the_clause(
    corpus: Corpus,
) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    # my own wording: the clause states no date; its document's validity answers "今年还能申请吗?"
    clause = ["对入驻孵化器的企业,给予三年50%的房租补贴。"]
    terms = Terms({"孵化器": 3.0, "房租": 2.0}, {})
    still = plan_query("孵化器房租补贴今年还能申请吗?", [], corpus)
    assert still.asks_still and Asked.DATE in still.asked
    assert attribute_support(still, clause, terms) == 1.0
    # asked when it took effect, the clause does not say
    when = plan_query("孵化器房租补贴什么时候开始施行?", [], corpus)
    assert attribute_support(when, clause, terms) == 0.0


def test_attribute_support_reads_a_criterion_in_the_sentence_on_the_topic(corpus: Corpus) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    plan = plan_query("孵化器需要满足什么条件?", [], corpus)
    terms = Terms({"孵化器": 3.0}, {})
    on_topic = ["孵化器的面积应当达到3000平方米以上。"]
    elsewhere = ["孵化器按规定给予奖励。", "土地出让附带条件。"]
    assert attribute_support(plan, on_topic, terms) == 1.0
    assert attribute_support(plan, elsewhere, terms) == 0.0


@pytest.mark.parametrize(
    ("question", "criterion"),
    [
        # 标准 as the first word of a name or as the standard itself asks no condition: only the figure is asked,
        # and a sentence of conditions on the topic does not state it
        ("标准创新奖的评审里,各个指标占多少分?", False),
        ("标准化试点项目一共奖多少钱?", False),
        ("How much cash does the award give per standard-essential patent (标准必要专利)?", False),
        ("主导制定的标准的技术水平要达到多少分?", False),
        # 标准 as the noun asked about is a condition
        ("星级总部的评定标准是什么,奖多少?", True),
        ("这个奖的标准高不高?", True),
    ],
)
def test_a_standard_named_is_not_a_condition_asked(corpus: Corpus, question: str, criterion: bool) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    plan = plan_query(question, [], corpus)
    assert (Asked.CRITERION in plan.asked) is criterion
    terms = Terms({"评审": 3.0}, {})
    conditions = ["评审的项目应当达到国际领先水平,须符合相关要求。"]
    assert (attribute_support(plan, conditions, terms) > 0.0) is criterion


def test_a_threshold_for_a_named_kind_of_company_follows_unless_the_question_names_it() -> None:
    from service.answering.compose import _names_kinds, _names_kinds_in

    label = "商务服务业总部(会计师事务所、律师事务所)"
    assert _names_kinds(label) and not _names_kinds("工业总部")
    assert _names_kinds_in(label, "我们是律师事务所,营收3亿")
    assert not _names_kinds_in(label, "我们去年营收12亿")


def test_the_validity_note_is_one_short_sentence_per_answer(corpus: Corpus) -> None:
    from datetime import date

    from service.answering.validity import validity_note, validity_warning

    year_bound = next(d for d in corpus.documents.values() if d.doc_number == "滨政〔2023〕7号")
    five_years = next(d for d in corpus.documents.values() if d.doc_number == "区办〔2023〕12号")
    assert validity_note([year_bound, five_years], date(2026, 12, 1)) == "注意:滨政〔2023〕7号仅适用于2023年度,已失效。"
    note = validity_note([year_bound, five_years], date(2029, 1, 1))
    assert "区办〔2023〕12号已于2028年7月12日到期,已失效" in note
    full = validity_warning(year_bound, date(2026, 12, 1))
    assert full is not None and len(note) < len(full) + 40
    assert validity_note([five_years], date(2026, 12, 1)) == ""
    assert validity_note([year_bound], date(2026, 12, 1), "en").startswith(
        "Note: 滨政〔2023〕7号 expired on 31 December 2023"
    )
    english = validity_warning(year_bound, date(2026, 12, 1), "en")
    assert english == (
        "滨政〔2023〕7号 applied to 2023 only (valid 1 January 2023 to 31 December 2023);"
        " as of 1 December 2026 it is no longer in force."
    )


def test_whether_a_document_no_longer_applies_today_or_in_the_year_asked(corpus: Corpus) -> None:
    from datetime import date

    from service.answering.validity import no_longer_applies

    year_bound = next(d for d in corpus.documents.values() if d.doc_number == "滨政〔2023〕7号")
    five_years = next(d for d in corpus.documents.values() if d.doc_number == "区办〔2023〕12号")
    today = date(2026, 12, 1)
    assert no_longer_applies(year_bound, today) and not no_longer_applies(five_years, today)
    assert not no_longer_applies(year_bound, today, 2023)  # "2023年还能申请吗?": it applied then
    assert no_longer_applies(five_years, today, 2029) and not no_longer_applies(five_years, today, 2028)


@pytest.mark.parametrize(
    ("question", "still"),
    [
        # my own wordings: whether a policy can be used now
        ("孵化器的房租补贴现在还能申请吗?", True),
        ("这个奖励今年还有吗?", True),
        ("Can we still claim the listing award?", True),
        ("Is the rent subsidy available this year?", True),
        ("这份文件现在还在执行吗?", True),  # whether it is still carried out is whether it is still in force
        ("总部政策仍在实施吗?", True),
        # not a yes/no question, or not about now
        ("孵化器的房租补贴能申请吗?", False),
        ("房租补贴还能补多少?", False),
        ("Can we claim the listing award?", False),
        # "this year" dating the asker's own figures asks nothing of the policy's validity
        ("Can we apply for the rent subsidy this year?", True),
        ("Our retail sales this year reached 120 million yuan. Is there a reward?", False),
    ],
)
def test_the_plan_reads_whether_the_asker_asks_if_a_policy_can_still_be_used(
    corpus: Corpus, question: str, still: bool
) -> None:
    assert plan_query(question, [], corpus).asks_still is still


def test_a_lead_for_an_amount_states_what_a_company_gets_not_the_budget(corpus: Corpus) -> None:
    from service.answering.compose import _quote_lead
    from service.answering.evidence import Sentence

    chunk = type("C", (), {"doc_no": 1})()

    def lead(text: str) -> str:
        plan = plan_query("拟上市企业奖励多少?", [], corpus)
        return _quote_lead(plan, [Sentence(chunk, 0, len(text), text)], {"拟上市": 3.0, "奖励": 1.0})  # type: ignore[arg-type]

    preamble = "每年安排预算不少于1亿元,推动企业上市和并购重组。落实好省政府“凤凰行动”,推动企业对接资本市场。" * 2
    late = preamble + "力争到2025年实现100家上市公司。对拟上市企业分阶段给予400万元奖励。鼓励上市企业再融资。"
    # the budget (1亿元) and the count (100家) are not what a company gets; the lead is the award's clause
    assert lead(late) == "对拟上市企业分阶段给予400万元奖励[1]。"
    # stated within the quote's opening characters: the quote leads by itself
    assert lead("对拟上市企业分阶段给予400万元奖励。鼓励上市企业再融资。") == ""


def test_a_lead_says_to_whom_its_figure_is_given(corpus: Corpus) -> None:
    from service.answering.compose import _quote_lead
    from service.answering.evidence import Sentence

    chunk = type("C", (), {"doc_no": 1})()
    plan = plan_query("按实缴金额配套的奖励最高多少?", [], corpus)
    opening = "鼓励企业开拓国际市场,支持企业参加境外展会,推动外贸稳中提质。" * 4

    def lead(text: str) -> str:
        return _quote_lead(plan, [Sentence(chunk, 0, len(text), text)], {"配套": 3.0, "奖励": 1.0})  # type: ignore[arg-type]

    # "按…给予" says what is given; the clause before it, to whom, opens the lead with it
    given = opening + "对新设立的海外研发中心,按实缴金额给予最高 200 万元的配套奖励。"
    assert lead(given) == "对新设立的海外研发中心,按实缴金额给予最高 200 万元的配套奖励[1]。"
    # a clause that itself gives something is not a to-whom clause of the next one
    two = opening + "对新认定的国家级基地给予100万元奖励,按实缴金额给予最高 200 万元的配套奖励。"
    assert lead(two) == "按实缴金额给予最高 200 万元的配套奖励[1]。"


def test_a_which_document_lead_opens_with_the_document_number_and_page(corpus: Corpus) -> None:
    from service.answering.compose import _lead_source

    doc = next(d for d in corpus.with_text() if d.doc_number)
    citation = _citation(doc, "q", page=7)
    which = plan_query("配套奖励最高多少?在哪个文件第几页?", [], corpus)
    assert _lead_source("给予最高 200 万元的配套奖励[1]。", [citation], corpus, which) == f"{doc.doc_number}第7页:"
    # the lead names it already, or the question does not ask where it stands
    assert _lead_source(f"{doc.doc_number}:给予 200 万元[1]。", [citation], corpus, which) == ""
    plain = plan_query("配套奖励最高多少?", [], corpus)
    assert _lead_source("给予最高 200 万元的配套奖励[1]。", [citation], corpus, plain) == ""
    english = plan_query("Which document sets the matching award, and on what page?", [], corpus)
    assert _lead_source("up to 200万元[1].", [citation], corpus, english) == f"{doc.doc_number}, p. 7: "


def test_a_date_question_leads_with_the_documents_own_dates_and_status_today(corpus: Corpus) -> None:
    from datetime import date

    from service.answering.compose import _validity_lead
    from service.answering.evidence import Sentence

    doc = next(d for d in corpus.documents.values() if d.doc_number == "区办〔2023〕9号")
    chunk = type("C", (), {"doc_no": doc.doc_no})()
    statement = Sentence(chunk, 0, len(doc.dates.statement), doc.dates.statement)  # type: ignore[arg-type]
    plan = plan_query("专精特新的实施意见到什么时候失效?", [], corpus)
    lead = _validity_lead(plan, statement, corpus, date(2026, 12, 1))
    assert lead == "区办〔2023〕9号自2023年5月12日起施行,至2026年5月11日(有效期3年);截至2026年12月1日已失效[1]。"
    assert _validity_lead(plan, statement, corpus, date(2024, 1, 1)).endswith("仍有效[1]。")
    english = plan_query("Is the specialised-and-sophisticated SME opinion still in force?", [], corpus)
    in_force = _validity_lead(english, statement, corpus, date(2024, 1, 1))
    assert in_force.endswith("still in force as of 1 January 2024 [1]."), in_force
    other = Sentence(chunk, 0, 10, "对拟上市企业给予奖励。")  # type: ignore[arg-type]
    assert _validity_lead(plan, other, corpus, date(2026, 12, 1)) == ""  # not the document's date statement


def test_a_question_repeating_a_listed_documents_title_names_that_document_only(corpus: Corpus) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import toc_matches

    listed = next(d for d in corpus.documents.values() if d.doc_number == "杭高新〔2020〕11号")  # 瞪羚企业
    plan = plan_query(f"{listed.title}里对企业有什么扶持?", [], corpus)
    weights = type("W", (), {"idf": lambda self, df: 1.0, "df": lambda self, w: (1, 0)})()
    matches = toc_matches(plan, Terms({"扶持": 1.0}, {}), weights, corpus, "")  # type: ignore[arg-type]
    assert [(m.doc.doc_no, m.area) for m in matches] == [(listed.doc_no, 1.0)]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        # a run of the title's own characters that no other title has, though not its opening words
        ("那个支持瞪羚企业加快发展的意见里有房租补贴吗?", True),
        ("之前发的关于进一步支持科技型中小企业融资的文件,贷款贴息怎么算?", True),
        # a run that other titles share too ("高质量发展的实施意见"): no one document is named
        ("高质量发展的实施意见里对企业有什么扶持?", False),
        # the title's words, not its run of characters: the area, not the document
        ("瞪羚企业有什么房租补贴?", False),
    ],
)
def test_a_question_repeating_a_run_of_a_listed_title_names_that_document(
    corpus: Corpus, question: str, named: bool
) -> None:
    from service.answering.evidence import loose
    from service.answering.judge import _title_named

    titled = [
        d.doc_number for d in corpus.documents.values() if not d.has_text and _title_named(d, loose(question), corpus)
    ]
    assert bool(titled) is named and len(titled) <= 1, titled


def test_a_name_the_asker_quotes_is_held_by_the_title_of_the_quotes_document(corpus: Corpus) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    plan = plan_query("“专精特新”那份意见是哪个部门负责的?", [], corpus)
    terms = Terms({"专精特新": 3.0, "负责": 1.0}, {})
    quotes = ["本意见由区经信局负责解释。"]
    assert attribute_support(plan, quotes, terms) == 0.0  # the sentence does not name it, nothing says whose it is
    title = "支持“专精特新”企业加快发展的实施意见"
    assert attribute_support(plan, quotes, terms, titles=[title]) > 0.0
    assert attribute_support(plan, quotes, terms, titles=["标准创新奖评审管理办法"]) == 0.0


def test_an_english_statement_of_the_askers_own_figures_claims_nothing(corpus: Corpus) -> None:
    own = plan_query("Our shop grew 6% faster than the district last year. Do we get the retail award?", [], corpus)
    assert Asked.RATIO not in own.checks_kinds | own.asked
    heard = plan_query("We heard the rent subsidy is 30%. Is that right?", [], corpus)
    assert Asked.RATIO in heard.checks_kinds  # what they were told is a claim to check
    points = plan_query("Our sales rose 7 percentage points above the average. Any award?", [], corpus)
    assert Asked.RATIO not in points.asked  # the figure's unit, not a share asked
    assert Asked.RATIO in plan_query("What percentage of the rent is covered?", [], corpus).asked


def test_an_amount_in_numerals_is_the_askers_figure_not_a_topic_word(corpus: Corpus) -> None:
    keys = {c.key for c in plan_query("营收去年破百亿了,能拿什么奖励?", [], corpus).concepts}
    assert "百亿" not in keys
    # ... but a class of company named by its numeral is a topic word
    assert "千亿" in {c.key for c in plan_query("千亿级总部企业要培育几家?", [], corpus).concepts}


def test_a_clause_heading_is_never_the_lead(corpus: Corpus) -> None:
    from service.answering.compose import _quote_lead
    from service.answering.evidence import Sentence

    chunk = type("C", (), {"doc_no": 5})()
    text = (
        "34. 加快推动文化产业发展。"
        + "提升国家动画产业基地等平台整合功能。" * 5
        + "鼓励数字内容企业做大做强,给予金融支持。"
    )
    plan = plan_query("文化产业发展有哪些支持?", [], corpus)
    lead = _quote_lead(plan, [Sentence(chunk, 0, len(text), text)], {"文化产业": 3.0, "支持": 1.0})  # type: ignore[arg-type]
    assert "34." not in lead


def test_a_list_quoted_by_its_item_headings_leads_with_them_in_one_line() -> None:
    from service.answering.compose import _items_lead
    from service.answering.evidence import Sentence

    chunk = type("C", (), {"doc_no": 4})()

    def quotes(*texts: str) -> list[Sentence]:
        return [Sentence(chunk, 0, len(t), t) for t in texts]  # type: ignore[arg-type]

    steps = quotes("1. 受理申请。", "2. 现场核查。", "(三)集体审议。")
    assert _items_lead(steps, "zh") == "共3项:受理申请[1]、现场核查[2]、集体审议[3]。"
    assert _items_lead(steps, "en") == "In 3 parts: 受理申请[1]、现场核查[2]、集体审议[3]."
    assert _items_lead(steps[:2], "zh") == ""  # two quotes are not a list
    # items that state something (not headings) lead by themselves
    assert _items_lead(quotes("1. 受理申请。", "2. 现场核查,核查结果报区政府审定后予以公布。", "3. 公示。"), "zh") == ""


@pytest.mark.parametrize(
    ("question", "budget_kept"),
    [
        ("瞪羚企业有什么支持?", False),
        ("瞪羚企业每年安排多少预算?", True),
        ("How big is the budget for gazelle companies?", True),
    ],
)
def test_a_quote_does_not_open_with_a_yearly_budget_unless_budgets_are_asked(question: str, budget_kept: bool) -> None:
    from service.answering.compose import _after_budget
    from service.answering.evidence import Sentence
    from service.answering.figures import asks_budget

    chunk = type("C", (), {"doc_no": 1})()
    text = "每年安排预算不少于2 亿元,用于支持瞪羚企业加快发展。对经认定的瞪羚企业,可优先安排产业发展用地。"
    quote = _after_budget(Sentence(chunk, 100, 100 + len(text), text), asks_budget(question))  # type: ignore[arg-type]
    if budget_kept:
        assert quote.text == text
    else:
        assert quote.text == "对经认定的瞪羚企业,可优先安排产业发展用地。"
        assert quote.start == 100 + text.index("对经认定")  # still a verbatim span: its offsets moved with it
    alone = "每年安排预算不少于2 亿元,用于支持瞪羚企业加快发展。"
    assert _after_budget(Sentence(chunk, 0, len(alone), alone), asks_budget("瞪羚企业有什么支持?")).text == alone  # type: ignore[arg-type]


def test_the_kind_of_company_a_document_is_for_names_it(corpus: Corpus) -> None:
    by_number = {d.doc_number: d.doc_no for d in corpus.documents.values()}
    hq, zjtx = by_number["区办〔2023〕12号"], by_number["区办〔2023〕9号"]  # 总部经济 / “专精特新”企业 in their titles
    assert plan_query("总部企业办展会有补贴吗?", [], corpus).boost_docs == [hq]
    assert sorted(plan_query("总部企业和专精特新企业办展会的补贴一样吗?", [], corpus).boost_docs) == sorted([hq, zjtx])
    assert plan_query("办展会有补贴吗?", [], corpus).boost_docs == []


def test_a_disputed_figure_leads_with_the_texts_own_figure_of_that_kind(corpus: Corpus) -> None:
    from service.answering.compose import _disputed, _quote_lead
    from service.answering.evidence import Sentence

    chunk = type("C", (), {"doc_no": 5})()
    text = (
        "深化同各金融机构战略合作,促进金融惠企服务便利化、普惠化,大力推动政府性融资担保工作,为中小企业降低成本。" * 2
        + "加快担保审批速度,缩短审批时间30%以上,担保余额突破4亿元,平均担保费率降至0.8%以下。"
    )
    plan = plan_query("区里的融资担保,平均担保费率要降到1%以下,对吧?", [], corpus)
    assert Asked.RATIO in _disputed(plan).asked and Asked.AMOUNT not in _disputed(plan).asked
    assert Asked.AMOUNT in _disputed(plan_query("境外上市奖励是500万,对吧?", [], corpus)).asked
    terms = {"担保费率": 3.0, "融资担保": 2.0}
    lead = _quote_lead(_disputed(plan), [Sentence(chunk, 0, len(text), text)], terms)  # type: ignore[arg-type]
    assert lead == "平均担保费率降至0.8%以下[1]。"  # the share, not the fuller run without a figure


def test_a_figure_in_quotation_marks_is_the_policys_text_not_the_users_own(corpus: Corpus) -> None:
    plan = plan_query("文件里写的“上年度营业收入10亿元以上”,我们营收8亿,够吗?", [], corpus)
    assert [f.text for f in plan.user_figures] == ["8亿元"]
    read_out = plan_query('A clerk reads "营业收入达到20亿元" off a printout. Which policy is that?', [], corpus)
    assert read_out.user_figures == []


def test_words_found_only_in_a_neighbouring_sentence_count_less(corpus: Corpus) -> None:
    from service.answering.config import EvidenceConfig
    from service.answering.evidence import score_sentences

    pair = _chunk("对首台套产品给予一次性奖励。对新认定为国家级研发中心的给予奖励。", name="a", doc_no=3)
    right = _chunk("对小巨人企业给予一次性奖励。", name="b", doc_no=3)
    plan = plan_query("刚认定国家级小巨人,有一次性奖励吗?", [], corpus)
    terms = {"小巨人": 2.0, "一次性": 1.0, "国家级": 1.0, "认定": 1.0, "首台套": 0.5}
    chunks = [(pair, 1.0), (right, 1.0)]
    # side by side, the two unrelated sentences hold more of the words than the one that answers
    assert score_sentences(plan, terms, chunks, EvidenceConfig())[0].text == right.text
    assert score_sentences(plan, terms, chunks, EvidenceConfig(neighbour_credit=1.0))[0].text == pair.text


@pytest.mark.parametrize(
    ("question", "crossdoc"),
    [
        ("Which policy documents mention the innovation voucher, and what does each pay?", True),
        ("How many documents offer a listing award?", True),
        ("What do the HQ and SME policies pay for a national lab, respectively?", True),
        ("How much is the listing award?", False),
        ("Which document sets the HQ rent subsidy?", False),  # one document asked for
        # a counting word with one loaded document named counts within it; asking across documents stays so
        ("标准创新奖申报以后要经过哪几个环节?获奖名单最后由谁批准?", False),
        ("标准创新奖的规定在哪几个文件里有?", True),
        ("哪几个文件有上市奖励?", True),
    ],
)
def test_side_by_side_questions_in_english(corpus: Corpus, question: str, crossdoc: bool) -> None:
    assert plan_query(question, [], corpus).crossdoc is crossdoc


@pytest.mark.parametrize(
    ("question", "crossdoc", "amount"),
    [
        # two kinds of company, each the audience of its own document, set against each other
        ("总部企业和专精特新企业的研发补助有区别吗?", True, True),
        ("专精特新企业跟总部企业的房租补贴相同吗?", True, True),
        ("Is the rent subsidy for HQ companies the same as for specialised SMEs?", True, True),
        ("总部经济政策和人工智能政策分别给多少钱?", True, True),
        ("总部企业政策和人工智能政策各奖多少?", True, True),
        ("总部企业和专精特新企业的研发中心奖励各是多少?", True, True),
        # which of them gives more; a kind of company said in the spoken form its document's gloss knows (AI)
        ("我们是AI公司,也是总部企业,新认定省级重点实验室,按哪份政策补得更多?", True, True),
        ("Which policy pays more for a new provincial key lab, the HQ policy or the AI policy?", True, True),
        ("Under the HQ policy and the AI policy, how much does each pay for a new provincial key lab?", True, True),
        ("How much does each give for a listing, the HQ policy or the specialised SME policy?", True, True),
        # a comparison inside one document's subject, or two documents named without comparing
        ("境外上市和境内上市的奖励一样吗?", False, True),
        ("文化企业新认定为国家级、省级出口重点企业,分别奖多少?", False, True),
        ("标准创新奖组织奖和个人奖各奖多少?", False, True),
        ("What are the organisation and individual awards, respectively?", False, False),
        ("总部企业和专精特新企业都能申请吗?", False, False),
        ("The HQ policy: how much does each lab get?", False, True),  # one document named, "each" of its own items
    ],
)
def test_setting_two_named_documents_against_each_other_is_side_by_side(
    corpus: Corpus, question: str, crossdoc: bool, amount: bool
) -> None:
    plan = plan_query(question, [], corpus)
    assert plan.crossdoc is crossdoc
    # what is compared of an award is how much it gives
    assert (Asked.AMOUNT in plan.asked) is amount


@pytest.mark.parametrize(
    ("figure", "kind"),
    [
        ("300 万元", "money"),
        ("一亿元", "money"),
        ("15%", "share"),
        ("三年", "period"),
        ("30个工作日", "period"),
        ("500家", "count"),
        ("2倍", "count"),
        # a bare 万 counting something else is no sum (my own wordings)
        ("4.8 万人次", "count"),
        ("12万平方米", "count"),
        ("20万", "money"),
    ],
)
def test_figure_kinds(figure: str, kind: str) -> None:
    from corpus.text import compact
    from service.answering.figures import FIGURE, figure_kind

    assert figure_kind(compact(figure)) == kind
    assert FIGURE.fullmatch(figure)  # read as one figure, its measure word with it


def test_a_duration_does_not_state_an_amount(corpus: Corpus) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    plan = plan_query("孵化器能拿多少补贴?", [], corpus)
    terms = Terms({"孵化器": 3.0}, {})
    assert attribute_support(plan, ["对孵化器可分档给予三年房租补贴。"], terms) == 0.0
    assert attribute_support(plan, ["对孵化器给予最高50万元房租补贴。"], terms) == 1.0


def test_a_yes_no_question_checking_a_policy_figure_asks_for_that_kind(corpus: Corpus) -> None:
    from service.answering.plan import Asked

    assert plan_query("境外上市也是400万吗?", [], corpus).checks_kinds == {Asked.AMOUNT}
    assert plan_query("担保费率降到1%以下,是不是?", [], corpus).checks_kinds == {Asked.RATIO}
    # the asker's own figures (a metric named) and a figure read out in quotation marks are not checked
    assert plan_query("我们营收12亿,算总部企业吗?", [], corpus).checks_kinds == frozenset()
    assert plan_query("“最高3000万”那条还能申报吗?", [], corpus).checks_kinds == frozenset()
    # an English statement checked with a tag asks yes/no, and its amount in English words is checked
    tagged = plan_query("The listing award is RMB 4 million, right?", [], corpus)
    assert Asked.YES_NO in tagged.asked and tagged.checks_kinds == {Asked.AMOUNT}
    assert plan_query("Is the rent subsidy 5 million yuan a year?", [], corpus).checks_kinds == {Asked.AMOUNT}
    assert plan_query("Our revenue was RMB 1.2 billion; do we qualify?", [], corpus).checks_kinds == frozenset()


@pytest.mark.parametrize(
    ("question", "asked", "not_asked"),
    [
        # a question word inside a longer word (an award's name, "十几家", "才能|拿") asks nothing
        ("今年区里标准创新奖的申报截止日期是哪天?", {"date"}, {"criterion"}),
        ("帮区里招来十几家企业落户,有没有奖励?", {"yes_no"}, {"count"}),
        ("听说得是重点产业才能拿扶持", set(), {"amount"}),
        # 新材料 is an industry, not documents to hand in
        ("新材料企业有补贴吗?", {"yes_no"}, {"procedure"}),
        ("申报要交哪些材料?", {"procedure"}, set()),
        # the same words as whole words do
        ("补贴按什么标准执行?", {"criterion"}, set()),
        ("滨江有几家上市公司?", {"count"}, set()),
        ("区里能奖多少?", {"amount"}, set()),
        ("How much is the listing award?", {"amount"}, set()),
        # "还能申报吗" asks whether the policy still applies; "还能再报" whether one may apply again
        ("这个政策今年还能申报吗?", {"date", "yes_no"}, set()),
        ("去年拿过市里的奖,还能再报区里的吗?", {"yes_no"}, {"date"}),
        # 申报 by itself names the subject ("申报截止日期"); asking how to apply is a procedure
        ("区里标准创新奖的申报截止日期是哪天?", {"date"}, {"procedure"}),
        ("标准创新奖怎么申报?", {"procedure"}, set()),
        # 多少 asks an amount only when no word of another kind follows it
        ("配套资金按国拨经费的多少比例给?", {"ratio"}, {"amount"}),
        ("区里要引进多少家企业?", {"count"}, {"amount"}),
        ("配套资金给多少?", {"amount"}, set()),
        ("那份若干意见的文号是多少?", {"document"}, {"amount"}),
        # 几 in a clause asking 吗 is "some", not "how many"
        ("我们控股的几家子公司的营收能算进来吗?", {"yes_no"}, {"count"}),
        ("区里每年评几家?", {"count"}, set()),
        # 能拿 asks what one receives; 拿它去 / 拿着 use a thing for something
        ("我们能拿购房补助吗?", {"amount"}, set()),
        ("这个专利能拿它去申报区里的奖吗?", set(), {"amount"}),
        # what applies after a policy has expired is its successor's to say
        ("这个政策到期以后,补贴按什么新标准执行?", {"outcome"}, set()),
        ("After it expires, which new rules apply to the subsidy?", {"outcome"}, set()),
        ("这个政策什么时候到期?", {"date"}, {"outcome"}),
        ("政策到期以后还能申报吗?", {"date"}, {"outcome"}),
        # the office asked for, whatever word stands before it
        ("Which district bureau handles the applications?", {"procedure"}, set()),
        # capital "actually paid in" is the text's 实到注册资本, not a payment made
        ("Our JV has USD 3 million of capital actually paid in; what rent support applies?", set(), {"outcome"}),
        ("How much has the district actually paid to companies so far?", {"outcome"}, set()),
        ("Has the fund actually paid out the awards?", {"outcome"}, set()),
        # spoken: a question that ends in 不 or 没有 asks yes or no; 认成 is 认定为
        ("营收九个亿,能认成工业总部不?", {"yes_no", "criterion"}, set()),
        ("这个奖我们以前报过没有?", {"yes_no"}, set()),
        # any A-not-A verb asks yes or no; where to look or hand in is a channel
        ("评审要不要交钱?", {"yes_no"}, set()),
        ("申报材料用不用盖章?", {"yes_no"}, set()),
        ("申报通知去哪里看?", {"procedure"}, set()),
        ("人才公寓怎么报名?", {"procedure"}, set()),
        ("材料在哪儿提交?", {"procedure"}, set()),
        # "when" asks a date when it opens a question, not in a clause of circumstances
        ("When does the headquarters policy expire?", {"date"}, set()),
        ("By when must the application be filed?", {"date"}, set()),
        ("Please tell me when the subsidy is paid.", {"date"}, set()),
        ("They pay half the rent when we lease an office here, is that right?", {"yes_no"}, {"date"}),
        # how one goes about something is a procedure; how soon, a period
        ("How can a company lodge a complaint about a reviewer?", {"procedure"}, set()),
        ("How soon is the money paid out?", {"period"}, set()),
        # the date of a step asks its date, not how the step is taken; where it is taken stays a procedure
        # a search-box question without a question word whose last clause says what the asker may do or be asks whether
        ("软件公司营收9亿算信息服务业总部?", {"yes_no"}, set()),
        ("主导的国标实施刚满半年可报?", {"yes_no"}, set()),
        ("新增研发300万排第10能补?", {"yes_no"}, set()),
        ("数据集被4家调用有奖励?", {"yes_no"}, set()),
        # ... not a bare topic with a question mark
        ("人才公寓租金标准?", set(), {"yes_no"}),
        ("瞪羚企业认定?", set(), {"yes_no"}),
        # ... nor a modal's character inside a word (人工智能, 算力, 认可)
        ("人工智能补贴?", set(), {"yes_no"}),
        ("算力补贴?", set(), {"yes_no"}),
        ("认可的检测机构?", set(), {"yes_no"}),
        ("人才公寓每年几月开始受理?", {"date"}, {"procedure"}),
        ("补贴材料什么时候交给街道?", {"date"}, {"procedure"}),
        ("材料交到哪个窗口?什么时候截止?", {"date", "procedure"}, set()),
        ("人才政策现在是谁在负责?", {"procedure"}, set()),
    ],
)
def test_question_words_count_as_whole_words(question: str, asked: set[str], not_asked: set[str]) -> None:
    from service.answering.plan import asked_kinds

    kinds = {k.value for k in asked_kinds(question)}
    assert asked <= kinds and not (not_asked & kinds)


def test_a_not_found_answer_names_the_topic_without_the_asking(corpus: Corpus) -> None:
    from service.answering.plan import topic_words

    words = topic_words(plan_query("标准创新奖一般什么时候报?", [], corpus))
    assert "标准创新奖" in words and "什么时候" not in words and "创新" not in words


@pytest.mark.parametrize(
    ("question", "years_ago", "stacking", "denies"),
    [
        ("大前年评上过,明年还能报吗?", 3, False, False),
        ("我们去年拿了奖,前年也拿过,今年还能再拿吗?", 2, False, False),
        ("两年前获得过这个称号,现在能再申请吗?", 2, False, False),
        ("研发补助和人才奖励能同时享受吗?", None, True, False),
        ("我们从没拿过这个奖,能报吗?", None, False, True),
        ("Can we get both the rent and the purchase subsidy?", None, True, False),
        ("We won it two years ago; can we apply again?", 2, False, False),
        ("We were recognised last year. Can we apply?", 1, False, False),
    ],
)
def test_the_plan_reads_when_the_askers_event_was_and_whether_supports_are_combined(
    corpus: Corpus, question: str, years_ago: int | None, stacking: bool, denies: bool
) -> None:
    plan = plan_query(question, [], corpus)
    assert (plan.years_ago, plan.asks_stacking, plan.denies_past) == (years_ago, stacking, denies)


@pytest.mark.parametrize(
    ("question", "outside"),
    [
        ("我们税务在外地,工商在滨江,能申请吗?", ("税务登记",)),
        ("统计关系不在高新区,财政级次在隔壁区", ("统计关系", "财政收入级次")),
        ("我们工商税务统计都在滨江,能认定吗?", ()),
        ("注册地在上海,能享受滨江的政策吗?", ("工商登记",)),
        # in English
        ("Our fiscal revenue is counted at city level, not in Binjiang. Can we apply?", ("财政收入级次",)),
        ("We pay our taxes in another district; are we still eligible?", ("税务登记",)),
        ("Our taxes and statistics are all in Binjiang. Are we eligible?", ()),
    ],
)
def test_the_plan_reads_which_registrations_the_asker_has_outside_the_district(
    corpus: Corpus, question: str, outside: tuple[str, ...]
) -> None:
    assert plan_query(question, [], corpus).outside == outside


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "与申报单位有劳动关系的人员能参与评审吗?",
            "不能:与受评审的各类组织存在劳动关系的人员,不得参与相关项目的评审[1]。",
        ),
        # only the action in common: the rule is not about the asker's case
        ("专家可以参与评审吗?", ""),
        # the asker says they never had it
        ("我们从没有劳动关系,能参与评审吗?", ""),
    ],
)
def test_a_rule_answers_no_only_about_the_askers_case(corpus: Corpus, question: str, lead: str) -> None:
    from service.answering.compose import _rule_lead
    from service.answering.evidence import Sentence

    chunk = type("C", (), {"doc_no": 4})()
    text = "1. 与受评审的各类组织存在劳动关系的人员,不得参与相关项目的评审;"
    quote = Sentence(chunk, 0, len(text), text)  # type: ignore[arg-type]
    assert _rule_lead(plan_query(question, [], corpus), [quote]) == lead


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a line break inside a sentence: the sentence's near end is quoted, not "…省级专精特新中"
        (
            "对小巨人企业、省级“专精特新”中\n小企业分别给予 100 万元、20 万元奖励。(二)下一条。",
            "小企业分别给予 100 万元、20 万元奖励。",
        ),
        # far from the sentence's end: cut back to the last clause boundary, never inside a word
        (
            "合计不少于 6000 亩产业用地,用于建成一流数字科技创新中心、打造一流数\n"
            + "字经济产业集群、" * 12
            + "新时代。",
            "创新中心",
        ),
        # the next line opens an item: the line ended where it broke
        ("1. 形式审查\n2. 专家评审。", "形式审查"),
        # the chunk ends inside the sentence: the last clause boundary, unless that drops most of the quote
        ("鼓励保险机构推出“专精特新险”,对投保企业给予补助,为", "给予补助"),
        ("一、扶持对象", "一、扶持对象"),
    ],
)
def test_a_quote_does_not_end_inside_a_sentence_broken_by_a_line(text: str, quoted: str) -> None:
    from service.answering.evidence import extend_window, sentences_of

    first = sentences_of(_chunk(text))[0]
    grown = extend_window(first, max_chars=10)
    assert grown.text.endswith(quoted) and grown.text == text[grown.start : grown.end]


def test_a_quote_never_opens_past_its_own_words() -> None:
    from service.answering.evidence import extend_window, sentences_of

    # the sentence began far back and the broken line holds no clause boundary before the quote's end
    text = "合计不少于 6000 亩产业用地," + "建成一流中心、" * 8 + "打造一流数\n字经济产业集群"
    last = sentences_of(_chunk(text))[-1]
    grown = extend_window(last, max_chars=10)
    assert grown.text and grown.text == text[grown.start : grown.end] and grown.end > grown.start


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        # the line broke inside a word: the quote starts where the sentence does
        ("对“甲类”企业、省级“乙类”中\n小企业分别给予 20 万元奖励。", "对“甲类”企业、省级“乙类”中"),
        # a heading's line, and a line broken after a comma, end where they break
        ("二、政策措施\n每年安排预算不少于 30 亿元。", "每年安排预算"),
        ("推广审批模式,对省、\n市重点项目实施一项目一方案。", "市重点项目"),
        # a line with no comma is a heading only on a line of its own: after a sentence on its line, it is the
        # next sentence run on mid-word
        ("鼓励上市企业融资。加强与知名投资机构的合\n作,吸引更多社会资本投向我区。", "加强与知名投资机构的合"),
        ("总体目标\n每年安排预算不少于 30 亿元,用于发展。", "每年安排预算"),
        # the sentence began too far back: past the broken word, at the line's first clause boundary
        (
            "合计不少于 6000 亩产业用地," + "建成一流中心、" * 8 + "打造一流数\n字经济产业集群、培育一流生态。",
            "培育一流生态",
        ),
    ],
)
def test_a_quote_does_not_start_inside_a_sentence_broken_by_a_line(text: str, opens: str) -> None:
    from service.answering.evidence import extend_window, sentences_of

    last = sentences_of(_chunk(text))[-1]
    grown = extend_window(last, max_chars=10)
    assert grown.text.startswith(opens) and grown.text == text[grown.start : grown.end]


def test_a_quote_shown_joins_a_word_broken_by_a_line() -> None:
    from service.answering.verify import display_quote

    assert display_quote("加强与知名投资机构的合\n作,吸引更多社会资本") == "加强与知名投资机构的合作,吸引更多社会资本"
    assert display_quote("二、政策措施\n每年安排预算") == "二、政策措施 每年安排预算"  # a heading keeps its space


def test_the_plan_reads_the_star_levels_named_in_order(corpus: Corpus) -> None:
    assert plan_query("三星级升到五星, 差额多少?", [], corpus).star_levels == (3, 5)
    assert plan_query("4星级总部奖多少?", [], corpus).star_levels == (4,)
    assert plan_query("总部企业有什么奖励?", [], corpus).star_levels == ()
    # the grade held before comes first, however the asker orders them, and it is a raise
    earlier = plan_query("评上了四星级,之前是三星级,能补多少?", [], corpus)
    assert (earlier.star_levels, earlier.raises) == ((3, 4), True)
    # ... said with the verb of rating ("之前评过三星", "以前评的四星")
    spoken = plan_query("这次评了五星级,之前评过三星,还能补多少?", [], corpus)
    assert (spoken.star_levels, spoken.raises) == ((3, 5), True)
    assert plan_query("三星级和五星级分别奖多少?", [], corpus).raises is False
    # ... and in English, in figures or words
    english = plan_query("We are four-star now; we were paid when we were 3-star. What is left?", [], corpus)
    assert (english.star_levels, english.raises) == ((3, 4), True)
    assert plan_query("How much do three-star and five-star HQs get?", [], corpus).raises is False


def _side_by_side(
    plan: object,
    docs: list[PolicyDocument],
    texts: list[str],
    terms: dict[str, float],
    corpus: Corpus,
    cited: list[PolicyDocument] | None = None,
) -> str:
    """The side-by-side lead over one quote per text, each a chunk of its document (cited as ``cited``'s)."""
    from service.answering.compose import _side_by_side_lead
    from service.answering.evidence import Sentence

    pairs = list(zip(docs, texts, strict=True))
    sentences = [Sentence(_chunk(t, f"c{i}", d.doc_no), 0, len(t), t) for i, (d, t) in enumerate(pairs)]
    citations = [_citation(d, t) for d, t in zip(cited or docs, texts, strict=True)]
    return _side_by_side_lead(plan, sentences, citations, corpus, terms)  # type: ignore[arg-type]


def test_a_side_by_side_answer_leads_with_each_documents_figure(corpus: Corpus) -> None:
    from service.answering.compose import LEAD_TOTAL

    docs = [d for d in corpus.with_text() if d.doc_number][:4]
    texts = [
        "鼓励企业建设孵化器,对新认定的国家级孵化器,给予一次性奖励 80 万元。",
        "支持孵化器提质增效,对新认定的国家级孵化器给予最高60万元奖励,对省级给予30万元奖励。",
        "对新认定的国家级孵化器,给予 50 万元奖励。",
        "对新认定的国家级孵化器,给予 40 万元奖励。",
    ]
    plan = plan_query("新认定国家级孵化器,几个文件分别奖多少?", [], corpus)
    terms = {"孵化器": 3.0, "国家级": 2.0, "奖励": 1.0}
    lead = _side_by_side(plan, docs, texts, terms, corpus)
    # three documents at most, each its 文号 and its own figure, in quote order, within the lead's length
    assert lead.startswith(f"{docs[0].doc_number}:")
    assert "80 万元[1]" in lead and "60万元" in lead and "50 万元奖励[3]" in lead and "40 万元" not in lead
    assert len(lead) <= LEAD_TOTAL + 1
    # one document is no side by side
    assert _side_by_side(plan, docs, texts, terms, corpus, cited=[docs[0]] * len(docs)) == ""


def test_a_side_by_side_lead_keeps_both_the_share_and_the_cap_of_each_document(corpus: Corpus) -> None:
    from service.answering.compose import LEAD_TOTAL

    docs = [d for d in corpus.with_text() if d.doc_number][:3]
    texts = [
        "鼓励企业使用公共技术平台,对购买平台检测服务的企业,给予服务合同金额40%的补助,单家企业每年最高不超过 80 万元。",
        "支持企业使用公共技术平台,对购买平台检测服务的企业,给予服务合同金额 40%补助,单家企业每年最高不超过60万元。",
        "推动平台检测服务发展,对平台检测服务企业,给予服务合同金额 40%补助,单家企业每年最高不超过 30 万元。",
    ]
    plan = plan_query("买平台检测服务,各文件的补助比例和每年封顶分别是多少?", [], corpus)
    terms = {"平台": 2.0, "检测": 2.0, "服务": 1.0}
    lead = _side_by_side(plan, docs, texts, terms, corpus)
    # both kinds asked, for each document kept: a third document gives way before a part loses its cap
    assert "40%的补助,单家企业每年最高不超过 80 万元[1]" in lead
    assert "40%补助,单家企业每年最高不超过60万元[2]" in lead
    assert "[3]" not in lead and len(lead) <= LEAD_TOTAL + 1
    # a part is the figures of its own sentence: "to whom" goes first, never a run of another topic
    assert "对购买" not in lead


def test_a_side_by_side_lead_takes_each_documents_first_quote_on_the_topic(corpus: Corpus) -> None:
    docs = [d for d in corpus.with_text() if d.doc_number][:2]
    texts = [
        "同一企业获得多项资助的,按从高、不重复原则执行。",  # the first document's rule: no figure, no run
        "对新认定的省级孵化器,给予 30 万元奖励。",
        "对新认定的省级孵化器,给予一次性奖励 45 万元。",
    ]
    plan = plan_query("新认定省级孵化器,两个文件分别奖多少?", [], corpus)
    lead = _side_by_side(plan, [docs[0], docs[1], docs[0]], texts, {"孵化器": 3.0, "省级": 2.0}, corpus)
    assert f"{docs[1].doc_number}:" in lead and "30 万元奖励[2]" in lead
    assert f"{docs[0].doc_number}:" in lead and "45 万元[3]" in lead and "不重复" not in lead


def test_a_side_by_side_lead_of_named_documents_leaves_out_the_others(corpus: Corpus) -> None:
    plan = plan_query("总部企业和专精特新企业的上市奖励一样吗?", [], corpus)
    assert len(plan.boost_docs) >= 2
    named = [corpus.documents[n] for n in plan.boost_docs[:2]]
    other = next(d for d in corpus.with_text() if d.doc_no not in plan.boost_docs and d.doc_number)
    docs = [named[0], other, named[1]]
    texts = [
        "企业境内上市的,给予上市奖励400 万元。",
        "企业上市融资的,给予上市奖励100 万元。",
        "企业境内上市的,给予上市奖励 300 万元。",
    ]
    lead = _side_by_side(plan, docs, texts, {"上市": 2.0, "奖励": 1.0}, corpus)
    assert "400 万元" in lead and "300 万元" in lead and "100 万元" not in lead


def test_a_procedure_is_stated_in_words_other_than_the_topics() -> None:
    from service.answering.evidence import states_procedure

    # "怎么申报?" is not answered by a sentence that only says 申报
    assert not states_procedure("申报项目未获得过本奖项;已获奖的,3年内不得再次申报。", ("申报", "本奖项"))
    assert states_procedure("推荐单位应当对申报材料进行审核,并签署推荐意见。", ("申报", "本奖项"))
    # a cited title names a document, not a step ("《…关于印发…的通知》")
    assert not states_procedure("为贯彻落实《杭州市人民政府办公厅关于印发行动计划的通知》精神,特制定本意见。")
    assert states_procedure("本办法由区市场监管局负责解释。")
    assert not states_procedure("对新认定的企业给予100万元奖励。")


def test_a_how_question_prefers_the_sentence_that_states_a_step(corpus: Corpus) -> None:
    from service.answering.config import EvidenceConfig
    from service.answering.evidence import Terms, score_sentences

    text = "申报本奖项的企业应当在本区注册。申报本奖项的企业由所在园区推荐,提交申报材料。"
    plan = plan_query("本奖项怎么申报?", [], corpus)
    terms = Terms({"申报": 1.0, "本奖项": 1.0}, {})
    best = score_sentences(plan, terms, [(_chunk(text), 1.0)], EvidenceConfig())[0]
    assert "推荐" in best.text and "注册" not in best.text


def test_an_office_word_counts_as_a_procedure_only_as_the_verb() -> None:
    from service.answering.evidence import states_procedure

    assert not states_procedure("申报的各类组织为标准主导制(修)订单位。", ("申报",))  # 组织 the noun
    assert not states_procedure("未担任失信企业的法定代表人或负责人。")  # 负责人 a person
    assert states_procedure("由评审办组织开展。") and states_procedure("由区经信局负责实施。")


def test_each_rankings_first_chunk_follows_the_fused_best_when_fusion_left_it_out() -> None:
    from service.answering.retrieve import ScoredChunk, _with_leaders

    hits = [ScoredChunk(_chunk("x", name), score) for name, score in [("a", 0.9), ("b", 0.8), ("c", 0.7), ("d", 0.1)]]
    keyword = [("d", 9.0), ("a", 5.0)]  # the keywords' best, which the embedder missed: fused last
    dense = [("a", 0.9), ("b", 0.8)]
    assert [h.chunk.id for h in _with_leaders(hits, 2, [keyword, dense])] == ["a", "b", "d"]
    assert [h.chunk.id for h in _with_leaders(hits, 2, [dense, []])] == ["a", "b"]  # nothing left out
    assert [h.chunk.id for h in _with_leaders(hits, 4, [keyword, dense])] == ["a", "b", "c", "d"]


def test_a_turn_whose_every_topic_word_was_just_spoken_of_follows_up() -> None:
    from service.answering.plan import rewrite_followup
    from service.models import Turn

    history = [
        Turn(role="user", content="我们是专精特新企业,拿知识产权去质押贷款,区里管不管?"),
        Turn(role="assistant", content="管:区办〔2023〕9号对知识产权质押贷款给予贴息资助[1]。"),
    ]
    # 贴息 was in the answer: the asking words (比例, 几年, 多少) name nothing new
    text, rewritten = rewrite_followup("贴息具体按什么比例来算?最多能贴多少钱?", history)
    assert rewritten and "知识产权" in text and "区办〔2023〕9号" in text
    # a word the exchange never spoke of is a question of its own
    assert rewrite_followup("标准创新奖组织奖的奖金一般是发到哪个账户里?", history)[1] is False


def test_an_english_turn_whose_object_points_back_follows_up() -> None:
    from service.answering.plan import rewrite_followup
    from service.models import Turn

    history = [
        Turn(role="user", content="Is there a subsidy for buying office space for a headquarters?"),
        Turn(role="assistant", content="Yes: up to 10% of the price under 区办〔2023〕12号[1]."),
    ]
    text, rewritten = rewrite_followup("Could we still be claiming that if we also get the rent support?", history)
    assert rewritten and "office space" in text and "区办〔2023〕12号" in text


def test_a_follow_up_to_a_follow_up_reads_both_turns_before_it() -> None:
    from service.answering.plan import rewrite_followup
    from service.models import Turn

    history = [
        Turn(role="user", content="总部企业租房补贴多少?"),
        Turn(role="assistant", content="…[1](区办〔2023〕12号 第13页)"),
        Turn(role="user", content="那购房呢?"),
        Turn(role="assistant", content="…"),
    ]
    text, rewritten = rewrite_followup("要满足什么条件?", history)
    assert rewritten and "总部企业" in text and "购房" in text and text.endswith("要满足什么条件?")
    # another subject two turns on is not asked of the document the first answer named (its 文号 stays behind),
    # though the question it follows up on is read as before
    history += [Turn(role="user", content="要满足什么条件?"), Turn(role="assistant", content="…")]
    text, rewritten = rewrite_followup("专精特新企业呢?", history)
    assert rewritten and "购房" in text and text.endswith("专精特新企业呢?") and "区办〔2023〕12号" not in text
    # a question with its own subject stands alone
    assert rewrite_followup("标准创新奖个人奖的申报条件是什么?", history) == (
        "标准创新奖个人奖的申报条件是什么?",
        False,
    )


@pytest.mark.parametrize(
    ("previous", "question", "read"),
    [
        # the same question of another kind of company: it takes the other's place, the old 文号 stays behind
        (
            "孵化器企业参加境外展会,展位费能补多少?",
            "那外资企业呢?",
            "外资企业参加境外展会,展位费能补多少? 那外资企业呢?",
        ),
        ("新认定的国家级孵化器奖多少?", "那省级孵化器呢?", "新认定的省级孵化器奖多少? 那省级孵化器呢?"),
        ("瞪羚企业认定有什么奖励?", "那独角兽企业呢?", "独角兽企业认定有什么奖励? 那独角兽企业呢?"),
        # no word of the previous question shares its head word: joined as before, with the answer's 文号
        ("总部企业租房补贴多少?", "那购房呢?", "总部企业租房补贴多少? 区办〔2023〕12号 那购房呢?"),
    ],
)
def test_what_about_another_kind_asks_the_previous_question_of_it(previous: str, question: str, read: str) -> None:
    from service.answering.plan import rewrite_followup
    from service.models import Turn

    history = [Turn(role="user", content=previous), Turn(role="assistant", content="…[1](区办〔2023〕12号 第13页)")]
    assert rewrite_followup(question, history) == (read, True)


@pytest.mark.parametrize(
    ("question", "own_subject"),
    [
        ("那瞪羚企业呢?", True),  # another kind of company: the previous answer's document is not its own
        ("那么省级孵化器呢?", True),
        ("个人奖呢?", False),  # more of the same document
        ("那省级的呢?", False),
        ("那购房呢?", False),
        ("文创那块呢?", False),  # a demonstrative points back
    ],
)
def test_what_about_a_subject_of_its_own_leaves_the_previous_document(question: str, own_subject: bool) -> None:
    from service.answering.plan import _names_another, rewrite_followup
    from service.models import Turn

    previous = "专精特新小巨人奖励多少?"
    assert _names_another(question, previous) is own_subject
    history = [Turn(role="user", content=previous), Turn(role="assistant", content="…[1](区办〔2023〕9号 第17页)")]
    text, _ = rewrite_followup(question, history)
    assert ("区办〔2023〕9号" in text) is not own_subject


def test_a_rule_for_another_kind_of_company_does_not_answer_for_the_asked_kind(corpus: Corpus) -> None:
    from service.answering.compose import compose_not_found
    from service.answering.judge import _other_audience

    docs = {d.doc_number: d.doc_no for d in corpus.with_text()}
    for_zjtx = _chunk("鼓励企业参加境外展会,单家企业年度展位费补贴不超过20 万元。", "z", docs["区办〔2023〕9号"])
    general = _chunk("鼓励企业参加境外展会,给予展位费补贴。", "g", docs["区党委〔2019〕25号"])
    asked = plan_query("我们是总部企业,参加境外展会展位费能补多少?", [], corpus)
    # every quote from the document for “专精特新”企业, none naming 总部企业: not the asker's rule
    assert _other_audience(asked, [for_zjtx], [for_zjtx.text], corpus) == ("总部企业", "专精特新企业")
    # a general document may apply to any company; a quote naming the asked kind is the asker's
    assert _other_audience(asked, [for_zjtx, general], [for_zjtx.text, general.text], corpus) == ("", "")
    assert _other_audience(asked, [for_zjtx], ["总部企业参加境外展会的,补贴20万元"], corpus) == ("", "")
    # the asker is of both kinds
    both = plan_query("我们是专精特新的总部企业,参加境外展会展位费能补多少?", [], corpus)
    assert _other_audience(both, [for_zjtx], [for_zjtx.text], corpus) == ("", "")

    verdict = decide(Signals(coverage=0.9, dense=0.9, other_audience=("总部企业", "专精特新企业")), CONFIG)
    assert verdict.status is AnswerStatus.NOT_FOUND and verdict.audience == ("总部企业", "专精特新企业")
    text = compose_not_found(asked, verdict, 6).text
    assert "只适用于专精特新企业" in text and "没有写明总部企业的具体金额" in text


@pytest.mark.parametrize(
    ("question", "asks_list"),
    [
        ("我们公司想申请孵化器认定,需要什么条件?", True),
        ("要满足哪些条件?", True),
        ("申报条件有哪些?", True),
        ("认定条件是什么?", True),
        ("营收8亿符合条件吗?", False),  # a yes/no about one condition, not the list
    ],
)
def test_what_conditions_asks_for_the_list(corpus: Corpus, question: str, asks_list: bool) -> None:
    assert plan_query(question, [], corpus).asks_list is asks_list


def test_question_words_of_one_character_each_make_no_topic_word(corpus: Corpus) -> None:
    keys = {c.key for c in plan_query("孵化器能补多少钱?能给几年?", [], corpus).concepts}
    assert "孵化器" in keys
    assert not keys & {"能补", "能给"}  # 能 + 补, 能 + 给: the asking, not the topic
    assert "需要" not in {c.key for c in plan_query("个人奖需要什么条件?", [], corpus).concepts}
    assert {"区位", "拿地"} <= {c.key for c in plan_query("区位好的企业拿地有优惠吗?", [], corpus).concepts}


def test_a_name_the_asker_quotes_is_one_concept_when_the_compilation_uses_it(corpus: Corpus) -> None:
    from types import SimpleNamespace

    from service.answering.evidence import TermWeights

    chunks = [
        _chunk("对评定为“智能工厂”的企业分档给予补助。", name="a"),
        _chunk("推进智能物联产业。", name="b"),
        _chunk("工厂改造给予补助。", name="c"),
    ]
    weights = TermWeights(SimpleNamespace(chunks=chunks))  # type: ignore[arg-type]
    quoted = weights.question_terms(plan_query("被评为“智能工厂”补多少?", [], corpus))
    assert "智能工厂" in quoted and not {"智能", "工厂"} & set(quoted)
    # a name nobody writes stays the words it is made of
    unknown = weights.question_terms(plan_query("被评为“智能农场”补多少?", [], corpus))
    assert "智能农场" not in unknown


def test_the_figure_for_a_quoted_name_must_be_that_names(corpus: Corpus) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    plan = plan_query("“数字化车间”补多少?", [], corpus)
    terms = Terms({"数字化车间": 3.0, "专精特新": 1.0}, {})
    # the name's own measure states no figure; the next sentence's figure is another measure's
    beside = ["对评定为“数字化车间”的专精特新企业,分档给予补助。支持专精特新企业开展数字化攻关,给予最高100万元补助。"]
    assert attribute_support(plan, beside, terms) == 0.0
    # nor does a sentence that only names it: the figure beside it is said of something else
    named = ["推动企业建设“数字化车间”。专精特新企业最高给予100万元补助。"]
    assert attribute_support(plan, named, terms) == 0.0
    assert attribute_support(plan, ["对评定为“数字化车间”的专精特新企业,给予最高50万元补助。"], terms) == 1.0


def test_a_neighbour_that_grants_something_itself_lends_the_figure_no_topic(corpus: Corpus) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    plan = plan_query("孵化器奖励多少钱?", [], corpus)
    terms = Terms({"孵化器": 3.0, "认定": 1.0}, {})
    condition = ["孵化器须经认定。经认定的,奖励50万元。"]
    measure = ["对孵化器分档给予奖励。经认定的,奖励50万元。"]
    assert attribute_support(plan, condition, terms, neighbour_credit=1.0) == 1.0
    assert attribute_support(plan, measure, terms, neighbour_credit=1.0) == 0.25


def test_what_support_prefers_what_a_company_is_given_to_the_districts_budget(corpus: Corpus) -> None:
    from service.answering.config import EvidenceConfig
    from service.answering.evidence import score_sentences

    budget = _chunk("鼓励推动企业上市。每年安排预算不少于1亿元,推动企业上市。", name="a")
    given = _chunk("支持企业上市融资,对拟上市企业分阶段给予400万元奖励。", name="b")
    plan = plan_query("企业上市有什么奖励?", [], corpus)
    assert plan.asks_benefit and not plan.asks_amount
    ranked = score_sentences(plan, {"上市": 1.0}, [(budget, 1.0), (given, 1.0)], EvidenceConfig())
    assert ranked[0].chunk.id == "b"
    assert not plan_query("企业上市奖励有什么条件?", [], corpus).asks_benefit


def test_a_stage_of_something_else_is_not_a_procedure_asked() -> None:
    from service.answering.plan import asked_kinds

    assert Asked.PROCEDURE in asked_kinds("孵化器认定要经过哪几个环节?")
    assert Asked.PROCEDURE in asked_kinds("审批环节有几个?")
    assert Asked.PROCEDURE not in asked_kinds("想把生产环节搬到外地,区里还支持吗?")


def test_spoken_ways_of_asking_for_the_steps_or_what_to_do_ask_a_procedure(corpus: Corpus) -> None:
    from service.answering.plan import asked_kinds, asks_for_list

    # "分几步", "过几道关": the steps, as a list; "怎么办", "如何处理": what to do
    for question in ("孵化器入驻要分几步?", "办这个补贴要过几道关?"):
        assert Asked.PROCEDURE in asked_kinds(question) and asks_for_list(question), question
    for question in ("发票丢了怎么办?", "材料被退回了如何处理?", "名额满了咋办?"):
        assert Asked.PROCEDURE in asked_kinds(question), question
    # (not a count of something else, nor the step words as its topic)
    assert Asked.PROCEDURE not in asked_kinds("这个奖一年评几次?")
    terms = [c.key for c in plan_query("孵化器入驻要分几步?", [], corpus).concepts]
    assert "几步" not in terms, terms


def test_a_follow_ups_topic_is_the_words_asked_not_the_lexicons_expansions(corpus: Corpus) -> None:
    from service.models import Turn

    history = [
        Turn(role="user", content="孵化器认定了,区里奖多少?"),
        Turn(role="assistant", content="…[1](区办〔2023〕9号 第18页)"),
    ]
    alone = plan_query("孵化器认定了,区里奖多少?", [], corpus)
    followup = plan_query("那投保的话,保险这块区里有没有补偿?", history, corpus)
    assert followup.rewritten
    # 区里 reads as the corpus's 区内 / 本区 inside its concept, as in a first question, never as topics of their own
    assert {c.key for c in alone.concepts} <= {c.key for c in followup.concepts}
    assert not {"区内", "本区"} & {c.key for c in followup.concepts}
    assert {"投保", "保险"} <= {c.key for c in followup.concepts}


@pytest.mark.parametrize(
    ("question", "forbidden"),
    [
        ("我们前年拿过孵化器奖,今年还能再报吗?", True),
        # the asker does not say they had it: the rule for those who did is not their answer
        ("我们的孵化器去年刚建成,今年能报孵化器奖吗?", False),
    ],
)
def test_a_rule_for_those_who_already_had_it_answers_only_an_asker_who_says_so(
    corpus: Corpus, question: str, forbidden: bool
) -> None:
    from service.answering.compose import _rule_lead
    from service.answering.evidence import Sentence

    chunk = type("C", (), {"doc_no": 4})()
    text = "(4)已获得孵化器奖的,在获奖后3 年内不得再次申报。"
    quote = Sentence(chunk, 0, len(text), text)  # type: ignore[arg-type]
    assert _rule_lead(plan_query(question, [], corpus), [quote]).startswith("不能") is forbidden


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("租房补助和购房补助能同时享受吗?", "不能叠加:租房、购房补助可自主选择享受其中一项[2]。"),
        (
            "Can we receive both the rent subsidy and the purchase subsidy?",
            "Not both, 租房、购房补助可自主选择享受其中一项[2].",
        ),
    ],
)
def test_a_stacking_rule_answers_from_whichever_quote_holds_it(corpus: Corpus, question: str, lead: str) -> None:
    from service.answering.compose import _rule_lead
    from service.answering.evidence import Sentence

    chunk = type("C", (), {"doc_no": 2})()
    rent = "租用办公用房的,按租金的50%予以补助。"
    rule = "按购房价10%予以补助。租房、购房补助可自主选择享受其中一项。"
    quotes = [Sentence(chunk, 0, len(text), text) for text in (rent, rule)]  # type: ignore[arg-type]
    assert _rule_lead(plan_query(question, [], corpus), quotes) == lead
    # a question that is not about having both reads the best quote only
    assert _rule_lead(plan_query("购房补助能申请吗?", [], corpus), quotes) == ""


def test_can_we_prefers_the_rule_that_forbids_it(corpus: Corpus) -> None:
    from service.answering.config import EvidenceConfig
    from service.answering.evidence import score_sentences

    # the duty sentence holds every topic word, the rule all but one
    duty = _chunk("评审办组建专家评审组,评审孵化器申报项目。", name="a")
    rule = _chunk("与申报单位存在劳动关系的专家,不得参与孵化器评审。", name="b")
    plan = plan_query("专家受雇于申报单位,还能评审孵化器项目吗?", [], corpus)
    terms = {"专家": 1.0, "评审": 1.0, "孵化器": 1.0, "申报": 1.0, "组建": 1.0}
    assert score_sentences(plan, terms, [(duty, 1.0), (rule, 1.0)], EvidenceConfig())[0].chunk.id == "b"


@pytest.mark.parametrize(
    ("question", "topic", "noise"),
    [
        ("孵化器或者众创空间能补多少?", {"孵化器", "众创空间"}, {"或者"}),
        ("如果是研发中心,是否还能再拿?", {"研发中心"}, {"如果", "是否"}),
        ("这台设备投保的话有补偿吗?", {"设备", "投保"}, {"这台", "的话"}),
        ("那家孵化器那块有补贴吗?", {"孵化器"}, {"那家", "那块"}),
        ("总部经济那份意见的正式文号是多少?", {"总部经济"}, {"文号", "正式"}),
        # (扶持 asks what is given, as 支持 and 补贴 do)
        ("得是重点产业才能拿扶持,孵化器算不算?", {"孵化器"}, {"才能", "算不算", "不算", "扶持"}),
        # the pieces a search tokenizer cuts from a listed asking word are no topic either (杭州市 -> 州市)
        ("杭州市五星级总部企业奖多少?", {"五星级"}, {"杭州市", "州市"}),
        # (what "除了X," sets aside is not asked either: the incubator's clause is not the answer)
        ("除了孵化器,自己租的办公室有补贴吗?", {"办公室"}, {"除了", "自己", "孵化器"}),
    ],
)
def test_function_words_and_demonstratives_make_no_topic_word(
    corpus: Corpus, question: str, topic: set[str], noise: set[str]
) -> None:
    keys = {c.key for c in plan_query(question, [], corpus).concepts}
    assert topic <= keys
    assert not keys & noise


def test_a_follow_ups_own_words_outweigh_what_it_carries(corpus: Corpus) -> None:
    from types import SimpleNamespace

    from service.answering.config import EvidenceConfig
    from service.answering.evidence import TermWeights
    from service.models import Turn

    history = [
        Turn(role="user", content="孵化器每年安排多少预算?"),
        Turn(role="assistant", content="每年安排预算不少于500万元。"),
    ]
    plan = plan_query("众创空间那块呢?", history, corpus)
    assert plan.rewritten and plan.followup_topic == ("众创空间",)
    chunks = [_chunk("孵化器每年安排预算。", name="a"), _chunk("众创空间每年安排预算。", name="b")]
    weights = TermWeights(SimpleNamespace(chunks=chunks))  # type: ignore[arg-type]
    factor = EvidenceConfig().followup_weight
    terms = weights.question_terms(plan, factor)
    # both words are as rare in these chunks; the follow-up's own is weighted up
    assert terms["众创空间"] == pytest.approx(factor * terms["孵化器"])
    # a first question has no follow-up topic
    assert plan_query("众创空间每年安排多少预算?", [], corpus).followup_topic == ()


def test_words_only_of_the_askers_description_of_themselves_weigh_only_where_the_question_checks_them(
    corpus: Corpus,
) -> None:
    from types import SimpleNamespace

    from service.answering.evidence import TermWeights

    # my own wording: 合伙人 only says who asks; 孵化器 is what is asked
    chunks = [_chunk("孵化器的合伙人每年安排预算。", name="a")]
    weights = TermWeights(SimpleNamespace(chunks=chunks))  # type: ignore[arg-type]
    amount = plan_query("我是一家孵化器的合伙人,孵化器每年能拿多少补助?", [], corpus)
    plain = weights.question_terms(amount)
    weighed = weights.question_terms(amount, self_weight=0.5)
    assert weighed["合伙人"] == 0.0 and "合伙人" in weighed.described
    assert weighed["孵化器"] == pytest.approx(plain["孵化器"])  # asked about too, outside the description
    # a yes/no question checks the description: it weighs its share when quotes are chosen...
    checks = plan_query("我是一家孵化器的合伙人,孵化器的补助我能拿吗?", [], corpus)
    assert Asked.YES_NO in checks.asked
    yes_no = weights.question_terms(checks, self_weight=0.5)
    assert yes_no["合伙人"] > 0
    assert yes_no["合伙人"] == pytest.approx(0.5 * weights.question_terms(checks)["合伙人"])
    # ...and nothing in the verdict
    judged = yes_no.without_description()
    assert judged["合伙人"] == 0.0 and judged["孵化器"] == yes_no["孵化器"]
    assert judged.alternatives == yes_no.alternatives
    # when the rest of the question names nothing, the description is the topic, and weighs its share
    topic = plan_query("我们是孵化器,奖励200万对不对?", [], corpus)
    described = weights.question_terms(topic, self_weight=0.5)
    assert described["孵化器"] == pytest.approx(0.5 * weights.question_terms(topic)["孵化器"]) and described["孵化器"]
    assert not described.described and described.without_description() == described
    # "我们是不是…" asks; it describes no one
    asking = plan_query("我们是不是能申请孵化器补助?", [], corpus)
    assert weights.question_terms(asking, self_weight=0.5) == weights.question_terms(asking)
    assert not weights.question_terms(asking).described


def test_the_embedder_and_the_not_found_answer_read_what_is_asked_before_who_asks(corpus: Corpus) -> None:
    from service.answering.plan import topic_words

    plan = plan_query("我们是刚搬来的一家做游戏的公司,孵化器房租补贴怎么申请?", [], corpus)
    assert plan.dense_text == "孵化器房租补贴怎么申请?"
    words = topic_words(plan, limit=10)
    assert words.index("孵化器") < words.index("游戏")  # the description's words come last
    # a question that is all description keeps it: there is nothing else to read
    only = plan_query("我们是做游戏的公司", [], corpus)
    assert only.dense_text == "我们是做游戏的公司"


@pytest.mark.parametrize(
    ("question", "elsewhere"),
    [
        ("除了区里的奖励,省里自己给多少?", True),
        ("杭州市三星级总部企业是按什么标准评的?", True),
        ("How much does the province itself pay for a provincial-level lab?", True),
        ("杭州市对小巨人企业奖多少?", True),
        ("浙江省的专精特新奖励标准是什么?", True),
        # the district's own award for another government's recognition is the compilation's to answer
        ("我们被评为杭州市三星级总部企业,区里奖多少?", False),
        ("入选了杭州市重大科技创新项目,滨江这边给多少补助?", False),
        ("新认定的国家级研发中心奖多少?", False),
    ],
)
def test_what_a_government_above_the_district_itself_pays_is_elsewhere(
    corpus: Corpus, question: str, elsewhere: bool
) -> None:
    plan = plan_query(question, [], corpus)
    assert plan.other_government is elsewhere and not plan.other_place
    if elsewhere:
        assert decide(Signals(coverage=0.9, dense=0.9, other_government=True), JudgeConfig()).status is (
            AnswerStatus.NOT_FOUND
        )


@pytest.mark.parametrize(
    ("question", "elsewhere"),
    [
        ("余杭区的人才奖励是多少?和滨江相比哪个多?", True),
        ("西湖区给上市企业的奖励比滨江高吗?", True),
        ("Is Yuhang's listing award higher than Binjiang's?", True),
        # a company of the district going to another place asks about the district's own rules
        ("滨江的企业到余杭区设分公司,还能享受区里的政策吗?", False),
    ],
)
def test_another_place_weighed_against_the_district_is_still_another_place(
    corpus: Corpus, question: str, elsewhere: bool
) -> None:
    assert plan_query(question, [], corpus).other_place is elsewhere


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("您好,请问一下,孵化器的房租补贴怎么申请?多谢!", "孵化器的房租补贴怎么申请?"),
        ("打扰一下:首台套奖励最高多少?很急,在线等", "首台套奖励最高多少?"),
        ("人才公寓有几种户型?想了解一下", "人才公寓有几种户型?"),
        ("请问人才公寓有几种户型?", "请问人才公寓有几种户型?"),  # a courtesy inside the question's own clause stays
        ("你好", "你好"),  # only a greeting: nothing to drop it for
    ],
)
def test_courtesies_around_a_question_are_not_part_of_it(question: str, asked: str) -> None:
    from service.answering.plan import strip_instructions

    assert strip_instructions(question) == asked


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # a space typed where a mark would be stays a boundary: a question's "?" when the words before it ask
        ("孵化器的房租补贴有多少 最长补几年", "孵化器的房租补贴有多少?最长补几年?"),
        ("我们刚搬到滨江 想申请人才公寓 要什么条件", "我们刚搬到滨江,想申请人才公寓,要什么条件?"),
        ("首台套奖励能拿吗 我们是做机器人的", "首台套奖励能拿吗?我们是做机器人的"),
        ("首台套奖励最高多少?", "首台套奖励最高多少?"),
        ("We have 8亿 revenue in software, can we qualify?", "We have 8亿 revenue in software, can we qualify?"),
    ],
)
def test_spaces_in_an_unpunctuated_question_read_as_its_marks(question: str, read: str, corpus: Corpus) -> None:
    from service.answering.plan import strip_instructions

    assert strip_instructions(question) == read
    plan = plan_query(question, [], corpus)
    assert plan.parts == [p for p in plan_query(read, [], corpus).parts]


def test_the_districts_own_names_are_no_topic(corpus: Corpus) -> None:
    # every loaded text is the district's: its names ask nothing, however the asker writes them
    for name in ("滨江", "滨江区", "高新区", "高新区(滨江)", "杭州市滨江区"):
        keys = {c.key for c in plan_query(f"{name}的孵化器房租补贴有多少?", [], corpus).concepts}
        assert "孵化器" in keys and not {k for k in keys if "滨江" in k or "高新" in k}, name


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        # my own wordings: a count asked by its measure word is stated by a count, not by the budget beside it
        ("区里要保持多少家后备企业?", {"60家"}),
        # a period asked alone is stated by a period
        ("补贴最长补几年?", {"3年"}),
        # an amount is stated by money
        ("每年安排多少经费?", {"500万元"}),
    ],
)
def test_a_lead_run_states_the_kind_of_figure_asked(corpus: Corpus, question: str, stated: set[str]) -> None:
    from service.answering.compose import _stated

    text = "每年安排 500 万元的专项经费,补贴 3 年,后备企业动态保持在 60 家以上"
    assert _stated(plan_query(question, [], corpus), text) == stated


@pytest.mark.parametrize(
    ("question", "benefit"),
    [
        # my own wordings: what a company is given, whatever its form
        ("上市以后能拿到什么?", True),
        ("评上瞪羚企业有什么好处?", True),
        ("What does the district give a company that lists in Shanghai?", True),
        ("What do we get for a new national lab?", True),
        # whether any is given
        ("企业上市有没有奖励?", True),
        ("搬到滨江区里给不给钱?", True),
        ("Do you give money for an IPO?", True),
        ("Is there any funding for patents?", True),
        ("有没有申报截止时间?", False),
        ("Is there a deadline?", False),
        # what the asker must give or bring is no benefit
        ("申报要拿什么材料?", False),
        ("What documents do we need to provide?", False),
    ],
)
def test_the_plan_reads_a_question_about_what_is_given(corpus: Corpus, question: str, benefit: bool) -> None:
    assert plan_query(question, [], corpus).asks_benefit is benefit


def test_a_list_quoted_by_its_named_items_leads_with_their_names_in_the_quotes_order() -> None:
    from service.answering.compose import _named_items_lead

    # my own list: an opening, three named items, the first item's sub-items on its next page
    quotes = [
        "三、支持对象 符合下列条件之一的企业:",
        "(一)孵化型企业 1. 在孵企业:入驻满一年。",
        "(2)毕业企业:营业收入500万元以上。",
        "(二)平台型企业 提供公共服务的企业。",
        "(三)链主型企业 带动上下游的企业。",
    ]
    assert _named_items_lead(quotes, "zh") == "共3项[1]:孵化型企业[2][3]、平台型企业[4]、链主型企业[5]。"
    assert _named_items_lead(quotes, "en").startswith("In 3 parts[1]: 孵化型企业[2][3]")
    # fewer than three items of one level, or quotes that do not open with a named item: no such lead
    assert _named_items_lead(quotes[:3], "zh") == ""
    assert _named_items_lead(["对孵化器给予补贴。", "对众创空间给予奖励。"], "zh") == ""


@pytest.mark.parametrize(
    ("figure", "key"),
    [
        ("三年", "3年"),
        ("3 年", "3年"),
        ("两次", "2次"),
        ("1 次", "1次"),
        ("二十个工作日", "20个工作日"),
        ("一千万元", "1000万"),
        ("1000 万元", "1000万"),
        ("百分之三十", "30%"),
    ],
)
def test_a_figure_in_chinese_numerals_is_the_figure_in_digits(figure: str, key: str) -> None:
    assert figure_key(figure) == key


def test_a_once_only_award_is_not_a_count() -> None:
    assert [m.group() for m in FIGURE.finditer("给予一次性奖励,每年评审两次")] == ["两次"]


@pytest.mark.parametrize(
    ("question", "claimed"),
    [
        ("孵化器补贴一年评两次吧?", ["两次"]),  # the year is what the count is per
        ("一个月最多补5万对吧?", ["5万"]),
        ("房租补贴只补一年吧?", ["一年"]),  # here the year is the claim
        ("补贴累计三年,每年200万,对吗?", ["三年", "200万"]),
    ],
)
def test_a_unit_of_time_before_another_figure_is_not_a_claim(question: str, claimed: list[str]) -> None:
    assert claims(question) == claimed


def test_what_is_given_may_be_money_computing_power_or_land() -> None:
    text = "给予一年内不超过10P 的专属算力资源奖励,提供3000亩产业用地,最高500万元,比例50%,PPP项目"
    assert [m.group() for m in GIVEN.finditer(text)] == ["10P", "3000亩", "500万元"]


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("组织奖奖金多少?", True),
        ("一次能拿多少钱?", True),
        ("How much money does the winner get?", True),
        ("补贴多少?", False),  # a subsidy may be a share or a number of years
        ("能建多少亩?", False),
        # a sum of money put forward to be checked: money is what is in question, a count is no answer
        ("听说人才奖每人能领30万,真的假的?", True),
        ("I was told the prize is RMB 300,000, is that right?", True),
        ("听说每年评8个,对吗?", False),
    ],
)
def test_an_amount_asked_in_words_of_money(corpus: Corpus, question: str, money: bool) -> None:
    assert plan_query(question, [], corpus).asks_money is money


@pytest.mark.parametrize(
    ("question", "rough"),
    [
        ("这个奖一年能评十来家企业吧?", "十来"),
        ("每次评二十多个项目吗?", "二十多"),
        ("听说能补百来万?", "百来"),
        ("补贴有几十万吧?", "几十"),
    ],
)
def test_a_rough_number_said_in_words_is_the_askers_figure_not_a_topic(question: str, rough: str) -> None:
    from service.answering.plan import concepts_of

    assert not any(rough in c.key for c in concepts_of(question, "zh"))


@pytest.mark.parametrize(
    ("question", "described"),
    [
        ("We are a small software company with RMB 30 million revenue. What can we get?", ["small software company"]),
        ("We're an accounting firm. Can we be an HQ?", ["accounting firm"]),
        ("As a listed company, what do we get?", ["listed company"]),
        ("我们是做软件的小公司,营收3000万,能拿什么?", ["做软件的小公司"]),
        ("Are we a headquarters company?", []),  # a question, not a description
    ],
)
def test_how_the_asker_describes_themselves_in_either_language(question: str, described: list[str]) -> None:
    from service.answering.plan import self_descriptions

    assert self_descriptions(question) == described


@pytest.mark.parametrize(
    ("question", "checks"),
    [
        ("总部租房补助每年最多200万,是不是?", True),
        ("总部租房补助是不是每年最多200万?", True),
        ("是不是能拿项目投资额30%的资金支持?", True),
        ("我们营收15亿,是不是销售型总部?", False),  # asks whether they are one, states nothing to check
    ],
)
def test_shi_bu_shi_checks_a_statement_only_when_one_is_made(corpus: Corpus, question: str, checks: bool) -> None:
    assert plan_query(question, [], corpus).checks_premise is checks


@pytest.mark.parametrize("question", ["Which document says so?", "Is it still valid?", "Does that policy still apply?"])
def test_an_english_question_that_points_back_follows_up(question: str) -> None:
    from service.answering.plan import rewrite_followup
    from service.models import Turn

    history = [
        Turn(role="user", content="How much is the listing award for HQ companies?"),
        Turn(role="assistant", content="…[1](区办〔2023〕12号 第14页)"),
    ]
    text, rewritten = rewrite_followup(question, history)
    assert rewritten and text.startswith("How much is the listing award for HQ companies?") and text.endswith(question)
    # a question of its own stands alone
    assert rewrite_followup("What is the rent subsidy for a specialised SME?", history)[1] is False


@pytest.mark.parametrize(
    ("question", "owed"),
    [
        ("这笔奖金要不要交个人所得税?", True),
        ("总部企业拿的奖励要交企业所得税吗?", True),
        ("补贴到账以后需要缴税吗?", True),
        ("Is the listing award taxable?", True),
        ("Do we pay income tax on the subsidy?", True),
        ("高新技术企业的企业所得税税率是多少?", True),
        ("What tax rate applies to a small company here?", True),
        ("What VAT rate do software companies pay?", True),
        # relief from income tax is the tax law's too
        ("我们请的外国专家,个人所得税能不能减免一部分?", True),
        ("公司骨干交的个税,区里给不给返还?", True),
        ("领到的上市奖励是否免缴企业所得税?", True),
        ("人才补贴能免交个税吗?", True),
        # the other taxes national law sets, which the compilation never names
        ("厂房买下来以后契税能减免吗?", True),
        ("软件企业增值税能返还多少?", True),
        # an import's duty relief is a measure the compilation names ("进口科教用品免税")
        ("进口科教用品免税吗?", False),
        ("Is there an income tax exemption for foreign engineers?", True),
        ("Is the listing award subject to corporate income tax?", True),
        ("Do we have to withhold income tax from the individual prize?", True),
        # how a prize is withheld or declared is the tax law's
        ("发给员工的人才奖励公司要不要代扣个税?", True),
        ("这笔奖金算偶然所得吗?", True),
        ("Is the talent bonus exempt from personal income tax?", True),
        ("Is the rent subsidy tax-free for us?", True),
        ("研发费用加计扣除比例现在是多少?", True),
        # what the district says of carrying out the national policy is the compilation's own
        ("区里怎么落实研发费用加计扣除政策?", False),
        # where a company pays its taxes is the registration condition, not tax owed on a benefit
        ("企业要在滨江缴税才能享受吗?", False),
        ("Must companies pay tax in Binjiang to qualify?", False),
    ],
)
def test_whether_tax_is_owed_is_national_tax_law(corpus: Corpus, question: str, owed: bool) -> None:
    plan = plan_query(question, [], corpus)
    assert plan.asks_tax_owed is owed
    if owed:
        verdict = decide(Signals(coverage=1.0, tax_owed=True), JudgeConfig())
        assert verdict.status is AnswerStatus.NOT_FOUND and "tax" in verdict.reason


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        ("要不要全职?", ["全职"]),
        ("用不用先认定?", ["认定"]),
        ("可不可以线上申报?", ["线上", "申报"]),  # (同时 in "可不可以同时拿?" asks too: question_words.txt)
        ("这笔奖金要不要交个人所得税?", ["奖金", "个人", "所得", "所得税", "个人所得税"]),
        # beside a spoken phrase of the lexicon (自己申请 -> 自主申报), where jieba reads 不能自己 as one word
        ("能不能自己申请?", ["自己申请"]),
        ("研发补助能不能自己交材料?", ["研发", "补助", "自己交", "材料"]),
    ],
)
def test_an_a_not_a_question_asks_it_names_no_topic(question: str, keys: list[str]) -> None:
    from service.answering.plan import concepts_of

    found = [c.key for c in concepts_of(question, "zh")]
    assert not any(k in found for k in ("不要", "不用", "可不", "不可", "可不可以"))
    assert set(found) <= set(keys) and found


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        # 增长 is read out of 增长率: its 率 stays alone, not glued to the 有 after it (率有 sounds like 旅游)
        ("营收增长率有什么门槛?", {"营收", "增长", "门槛"}),
        ("销售额增长率有多高才算?", {"销售额", "增长"}),
    ],
)
def test_what_a_lexicon_word_leaves_of_a_longer_word_is_no_word_with_its_neighbour(
    question: str, keys: set[str]
) -> None:
    from service.answering.plan import concepts_of

    assert {c.key for c in concepts_of(question, "zh")} == keys


def test_a_clause_of_is_after_the_askers_figures_describes_the_asker() -> None:
    from service.answering.plan import self_descriptions

    assert self_descriptions("我们营收5000万,是专精特新企业,能拿哪些补贴?") == ["专精特新企业"]
    assert self_descriptions("我们营收15亿,是销售型总部吗?") == []  # asked, not told
    # ... also after where the asker stands ("但在区里产业链上是关键配套企业,")
    assert self_descriptions("营收不高,但在园区里是龙头配套企业,有别的途径吗?") == ["龙头配套企业"]
    assert self_descriptions("营收15亿,是不是销售型总部,还是工业总部?") == []


def test_applying_by_oneself_is_the_texts_own_wording(corpus: Corpus) -> None:
    # 自己报 / 直接报 are how a person says the texts' 自主申报 (the other way being 单位推荐)
    for question in ("这个奖个人能自己报吗?", "可以不经过单位直接报吗?"):
        plan = plan_query(question, [], corpus)
        assert any("自主申报" in c.alternatives for c in plan.concepts), question


def test_units_and_bounds_alone_are_no_keywords_of_the_query(corpus: Corpus) -> None:
    # "up to", "RMB", "million" say what the asker's figure is, not what it is about: they would raise every chunk
    # that states an amount; the topic's own wording stays
    plan = plan_query("Is the prize for individuals up to RMB 200,000?", [], corpus)
    glosses = plan.text.split("?", 1)[1].split()
    assert "奖金" in glosses
    assert not {"最高", "不超过", "万元", "人民币"} & set(glosses), glosses


@pytest.mark.parametrize(
    "question", ["人才政策归谁管?", "这个奖由谁来审?", "房租补贴谁负责受理?", "上市奖励是哪个单位牵头?"]
)
def test_who_is_in_charge_in_spoken_words_asks_for_the_office(question: str) -> None:
    from service.answering.plan import asked_kinds, concepts_of

    assert Asked.PROCEDURE in asked_kinds(question)
    assert not {c.key for c in concepts_of(question, "zh")} & {"归谁", "由谁", "谁来"}


@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        # the asker's own state, told before the question, is no result to date asked about
        ("Our app has been used by two firms so far. Can we get the platform award?", False),
        ("We have hired 30 engineers to date. Is there a talent subsidy?", False),
        ("How many companies have received the listing award so far?", True),
        ("至今有多少家企业拿到了上市奖励?", True),
        # who has won, how many there are now
        ("标准创新奖去年谁获奖了?", True),
        ("区里有多少家总部企业?", True),
        ("Which companies won the award last year?", True),
        ("How many headquarters enterprises are there in Binjiang?", True),
        # ... not how many a rule allows or a target sets
        ("标准创新奖每年评几个?", False),
        ("标准创新奖区里有多少个名额?", False),
        ("到2025年百亿级总部企业力争多少家?", False),
        # whether a target was reached, the final figure
        ("Did the district actually reach its 2023 target for new high-tech firms?", True),
        ("What was the final figure for R&D intensity in 2023?", True),
        ("What is the 2023 target for new high-tech firms?", False),
    ],
)
def test_results_to_date_are_asked_only_in_the_asking_sentence(question: str, outcome: bool) -> None:
    from service.answering.plan import asked_kinds

    assert (Asked.OUTCOME in asked_kinds(question)) is outcome


@pytest.mark.parametrize(
    ("question", "listed"),
    [
        ("申报条件和程序去哪看?", False),  # where to read them: a channel
        ("评审程序在哪里能查到?", False),
        ("评审程序有哪几个环节?", True),
        ("申报流程是什么?", True),
    ],
)
def test_where_a_list_is_to_be_read_is_no_request_for_its_items(question: str, listed: bool) -> None:
    from service.answering.plan import asks_for_list

    assert asks_for_list(question) is listed


def test_what_cannot_be_reached_is_how_the_asker_speaks_not_a_topic() -> None:
    from service.answering.plan import concepts_of

    keys = {c.key for c in concepts_of("我们营收达不到工业总部的线,研发也够不上,还有别的办法吗?", "zh")}
    assert not keys & {"不到", "不上", "达不到", "够不上"}, keys


def test_an_apostrophe_between_letters_quotes_nothing(corpus: Corpus) -> None:
    # "company's … What's" once read as a quotation, hiding the asker's figure between them
    plan = plan_query("Our company's revenue just crossed RMB 3 billion. What's the award for that?", [], corpus)
    assert [f.field for f in plan.user_figures] == ["revenue"] and plan.quoted == []
    # an English phrase in quotation marks is the glossary's to read, not a wording to find in the texts
    plan = plan_query("We're a 'little giant' firm. What's the award for building a shared R&D platform?", [], corpus)
    assert plan.quoted == [] and any("小巨人" in c.alternatives for c in plan.concepts)
    assert plan_query("“专精特新”企业有哪些奖励?", [], corpus).quoted == ["专精特新"]


def test_spoken_words_for_a_certificate_and_a_government_fund_reach_the_texts_wording(corpus: Corpus) -> None:
    alternatives = {a for c in plan_query("评上以后给什么凭证?", [], corpus).concepts for a in c.alternatives}
    assert "证书" in alternatives
    english = plan_query("How big will the government fund get?", [], corpus)
    assert any("产业基金" in c.alternatives for c in english.concepts)


def test_a_list_of_the_other_kind_does_not_answer(corpus: Corpus) -> None:
    from service.answering.structure import list_parent

    # a way to apply is asked: the conditions an individual must meet are no answer to it
    plan = plan_query("标准创新奖的个人奖走什么途径申报?", [], corpus)
    found = list_parent(plan, [4], {c.key: 1.0 for c in plan.concepts}, corpus)
    assert found is None or "条件" not in found.text[:60], found.text[:60] if found else None
    # conditions asked: the conditions list answers
    plan = plan_query("标准创新奖个人奖要符合什么条件?", [], corpus)
    found = list_parent(plan, [4], {c.key: 1.0 for c in plan.concepts}, corpus)
    assert found is not None and "条件" in found.text[:60]


@pytest.mark.parametrize("question", ["能自己去报吗?", "可以直接去报吗?", "个人能自己去申请吗?"])
def test_applying_on_ones_own_with_a_go_in_between_is_the_texts_self_application(question: str) -> None:
    from service.answering.plan import concepts_of

    assert any("自主申报" in c.alternatives for c in concepts_of(question, "zh"))


@pytest.mark.parametrize("question", ["我们员工能直接报名吗?", "可以自己去报名不?"])
def test_signing_up_on_ones_own_keeps_the_sign_up_word(question: str) -> None:
    # 直接报|名 would lose 报名, the one word of the text's "由所在单位推荐报名"
    from service.answering.plan import concepts_of

    alternatives = {a for c in concepts_of(question, "zh") for a in c.alternatives}
    assert {"自主申报", "报名"} <= alternatives


@pytest.mark.parametrize(
    ("question", "told"),
    [
        # the asker's story first, in sentences that ask nothing, then the question
        ("您好,我们是做阀门的,2012年成立。想问下小巨人奖多少?", ["您好,我们是做阀门的,2012年成立。"]),
        # a word that asks only in a question (材料, 条件) tells in a sentence that asks nothing
        ("我们做涂层,正在准备高企的材料。想问下哪个部门负责?", ["我们做涂层,正在准备高企的材料。"]),
        # (a sentence that does not say who tells ends the story)
        ("公司去年营收8亿。今年刚迁到滨江。总部认定要什么条件?", ["公司去年营收8亿。"]),
        # one sentence that tells and asks, a sentence that asks, or no later question: nothing told before
        ("我们营收12亿,算总部企业吗?", []),
        ("我们营收12亿。算总部企业吗?还是不算?", ["我们营收12亿。"]),
        ("我们营收12亿吗。那能认定吗?", []),
        ("我们是做阀门的。", []),
    ],
)
def test_what_the_asker_tells_before_asking(question: str, told: list[str]) -> None:
    from service.answering.plan import background

    assert background(question) == told


def test_a_year_the_asker_tells_of_is_no_year_asked_about(corpus: Corpus) -> None:
    plan = plan_query("我们2012年成立,2016年评上了省级专精特新。2024年的时候我们建了个平台,能补多少?", [], corpus)
    assert {"2012", "2016", "2024"} <= set(plan.dating_years)
    # what they received in a year said first, no modal before it ("2023年,我们累计拿到…"), and a voice message's
    # fillers ("也就是", "嗯") name no topic
    plan = plan_query("嗯前年也就是2023年,我们公司累计拿到孵化器投资500万,当时能享受什么?", [], corpus)
    assert "2023" in plan.dating_years
    assert not {"也就是", "就是", "嗯"} & {c.key for c in plan.concepts}
    plan = plan_query("2023年我们能拿到多少孵化器补贴?", [], corpus)
    assert "2023" not in plan.dating_years  # asked ahead: the year is what they ask about
    plan = plan_query("We are a robot firm (est. 2016), here since 2018, founded in 2012. Any award?", [], corpus)
    assert {"2012", "2016", "2018"} <= set(plan.dating_years)


@pytest.mark.parametrize(
    ("question", "ahead"),
    [
        ("评审结果出来以后会公示几天?", False),  # what the rules say follows an event
        ("材料交上去以后会有人联系我们吗?", False),
        ("以后会不会出新的扶持政策?", True),  # what later comes out
        ("那以后会有新一轮吗?", True),
        ("政策失效以后会怎么样?", True),
        ("新一轮的扶持政策是什么?", True),
        # a programme named with 新一轮 is the text's own, with or without quotation marks
        ("新一轮5050计划给多少扶持?", False),
        ("新一轮 计划给多少扶持?", False),  # (a quoted name is a space where kinds are read)
    ],
)
def test_what_comes_after_an_event_is_a_rule_what_comes_later_is_an_outcome(question: str, ahead: bool) -> None:
    from service.answering.plan import asked_kinds

    assert (Asked.OUTCOME in asked_kinds(question)) is ahead


@pytest.mark.parametrize(
    ("question", "not_topic"),
    [
        ("有家企业问能不能补房租?", {"有家", "问能"}),
        ("有位老板说想报个人奖", {"有位"}),
        ("一家公司想走什么渠道申请?", {"一家公司", "渠道"}),
        ("个人走什么路子报名?", {"路子"}),
    ],
)
def test_who_a_relayed_question_is_about_and_the_way_asked_name_no_topic(question: str, not_topic: set[str]) -> None:
    from service.answering.plan import concepts_of

    assert not not_topic & {c.key for c in concepts_of(question, "zh")}


def test_a_year_someone_was_rated_in_is_theirs(corpus: Corpus) -> None:
    plan = plan_query("一家企业2021年被评为小巨人,能拿多少?", [], corpus)
    assert "2021" in plan.dating_years


@pytest.mark.parametrize(
    "question",
    [
        "We plan to move our office here — can we get the rent subsidy?",
        "Our revenue is RMB 900 million - does that meet the bar?",
        "One thing: is the award still open?",
    ],
)
def test_an_english_yes_no_question_after_a_dash_or_colon_asks_yes_or_no(question: str) -> None:
    from service.answering.plan import asked_kinds

    assert Asked.YES_NO in asked_kinds(question)


def test_english_complaints_and_anonymity_reach_the_objection_rules_wording(corpus: Corpus) -> None:
    plan = plan_query("Can I complain anonymously about a firm on the shortlist?", [], corpus)
    alternatives = {a for c in plan.concepts for a in c.alternatives}
    assert {"异议", "真实身份"} <= alternatives


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        # ", and" opening a question of another kind starts a second part
        ("Which office handles the rent subsidy, and do we get a certificate once recognised?", 2),
        ("Who reviews the prize applications, what must we submit, and how long does the notice run?", 2),
        # "and" between nouns joins no questions; questions of one kind in a row ask one thing of several
        ("What loan, guarantee and insurance products are there for SMEs?", 1),
        ("Who drafts the rules, who signs them off, and who audits the spending?", 1),
    ],
)
def test_an_english_question_in_parts_is_split_where_a_new_kind_of_question_starts(question: str, parts: int) -> None:
    from service.answering.plan import _question_parts

    assert len(_question_parts(question)) == parts, _question_parts(question)


def test_a_policys_own_validity_states_no_deadline(corpus: Corpus) -> None:
    from service.answering.judge import _statement_tests

    deadline = plan_query("总部企业每年什么时候截止?", [], corpus)
    assert deadline.asks_deadline
    validity = "本意见自 2023 年 7 月 13 日起施行,有效期5 年。"
    window = "每年3月1日开始,4月30日截止。"
    assert not any(test(validity) for test in _statement_tests(deadline))
    assert any(test(window) for test in _statement_tests(deadline))
    # the policy's validity does answer when it is what is asked
    asked = plan_query("总部企业政策什么时候施行?", [], corpus)
    assert any(test(validity) for test in _statement_tests(asked))


def test_parts_naming_different_documents_ask_them_side_by_side(corpus: Corpus) -> None:
    assert plan_query("总部企业新认定省级重点实验室奖多少?换成人工智能企业呢,奖多少?", [], corpus).crossdoc
    assert not plan_query("总部企业租房补多少?总部企业购房补多少?", [], corpus).crossdoc


def test_a_kind_named_only_as_recognised_already_leaves_its_recognition_to_another_text(corpus: Corpus) -> None:
    from service.answering.judge import _recognised_elsewhere

    plan = plan_query("雏鹰企业怎么认定?要达到什么规模才算?", [], corpus)
    assert _recognised_elsewhere(plan, ["雏鹰企业"], ["对经认定的雏鹰企业,给予最高50万元奖励。"])
    # a sentence that sets its conditions answers how it is recognised
    assert not _recognised_elsewhere(
        plan, ["雏鹰企业"], ["对经认定的雏鹰企业给予奖励。雏鹰企业是指营业收入5000万元以上的企业。"]
    )
    # and nothing is left elsewhere when recognition is not what is asked
    asked = plan_query("雏鹰企业奖多少?", [], corpus)
    assert not _recognised_elsewhere(asked, ["雏鹰企业"], ["对经认定的雏鹰企业,给予最高50万元奖励。"])


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("总部经济那套政策到底是谁在负责落实?", True),
        ("人才新政归谁管?", True),
        ("Who interprets the standard award rules?", True),
        ("Which government body runs the talent programme?", True),
        # the office of a step is answered where the step is set out, not by who implements the policy
        ("申报材料交给哪个机构受理?", False),
        ("评审办设在哪个部门?", False),
        ("人才公寓补贴多少?", False),
        ("想申请总部企业认定,牵头的是哪个机构?", True),
        ("我们公司牵头制定的国家标准,能报标准创新奖吗?", False),
        # whom to turn to (找谁)
        ("Who do we contact about the headquarters policy?", True),
        ("Whom to call about the talent programme?", True),
        ("Who won the standard award last year?", False),
    ],
)
def test_which_office_runs_a_policy(question: str, asks: bool) -> None:
    from service.answering.plan import asks_office

    assert asks_office(question) is asks


def test_a_word_that_only_names_a_kind_of_document_is_no_title_phrase() -> None:
    from service.answering.lexicon import title_phrases

    phrases = set(title_phrases())
    assert not phrases & {"扶持意见", "实施意见", "若干意见", "若干政策", "若干政策意见", "管理办法"}
    assert {"评审管理办法", "基金管理办法"} <= phrases  # a kind of document with its subject stays


def test_the_list_an_english_part_asks_for_is_found_by_that_parts_words(corpus: Corpus) -> None:
    from service.answering.evidence import Terms
    from service.answering.structure import list_parent

    # my own wording: the part asking for the list capitalises the award's name, the glossary key is lower case
    question = (
        "For the Standard Innovation Award, what are the steps of evaluating applications? "
        "And how long is the public notice?"
    )
    plan = plan_query(question, [], corpus)
    terms = Terms(
        {
            "evaluating": 1.3,
            "applications": 1.7,
            "standard innovation award": 1.3,
            "how long": 3.9,
            "public notice": 3.5,
        },
        {
            "evaluating": ("评审",),
            "applications": ("申报", "申请"),
            "standard innovation award": ("标准创新奖",),
            "how long": ("有效期",),
            "public notice": ("公示",),
        },
    )
    doc = corpus.by_doc_number("区办〔2023〕8号")
    assert doc is not None
    parent = list_parent(plan, [doc.doc_no], terms, corpus)
    # the review procedure's steps, not the chapter on applying
    assert parent is not None and "评审程序" in parent.text, parent


def test_a_chinese_figure_inside_an_english_question_is_a_constraint_not_a_topic(corpus: Corpus) -> None:
    # my own wording: "(500万元)" is the asker's figure; its unit names nothing, as in a Chinese question
    plan = plan_query(
        "Someone told me the district pays RMB 5 million (500万元) for a new provincial lab. True?", [], corpus
    )
    keys = {c.key for c in plan.concepts}
    assert not keys & {"万元", "500万元", "元"}, keys


def test_asking_whether_two_supports_can_be_had_together_names_no_topic(corpus: Corpus) -> None:
    # my own wordings: 两个, 一起, 同时, 叠加, 各 ask (how much each gives, whether both can be had), they name nothing
    for question in ("两个文件对国家重点实验室各奖多少?能一起拿吗?", "人才房和购房补贴可以同时享受吗?两边能叠加吗?"):
        keys = {c.key for c in plan_query(question, [], corpus).concepts}
        assert not keys & {"两个", "一起", "各奖", "同时", "两边", "叠加"}, keys


def test_a_company_said_to_be_elsewhere_is_outside_the_district(corpus: Corpus) -> None:
    # my own wordings: where the company is says where it registers and pays tax
    assert plan_query("我们在余杭区,能申请滨江的政策吗?", [], corpus).outside == ("工商登记", "财政收入级次")
    assert "财政收入级次" in plan_query("公司位于上海,能享受滨江的补贴吗?", [], corpus).outside
    assert plan_query("我们公司在滨江,能申请总部企业认定吗?", [], corpus).outside == ()
    assert plan_query("我们在余杭区的分公司税务登记在外地", [], corpus).outside[0] == "税务登记"


@pytest.mark.parametrize(
    ("question", "materials"),
    [
        ("申请购房补助要准备哪些材料?", True),
        ("报奖需要提供什么资料?", True),
        ("申报的时候要提交什么?", True),
        ("What documents do we have to hand in?", True),
        # where the papers go, or who receives them, asks a channel or an office; whether one may hand them in
        # oneself asks who may apply
        ("申报材料交给哪个部门受理?", False),
        ("可以自己直接交材料吗?", False),
        ("在哪个系统申报?", False),
    ],
)
def test_the_papers_to_hand_in_are_asked(question: str, materials: bool, corpus: Corpus) -> None:
    plan = plan_query(question, [], corpus)
    assert plan.asks_materials is materials
    assert Asked.PROCEDURE in plan.asked or not materials


@pytest.mark.parametrize(
    ("question", "if_given"),
    [
        ("开咖啡馆有补贴吗?", True),
        ("参展有没有补助?", False),  # (asks_benefit reads 有没有…补助)
        ("能拿奖励吗?", True),
        ("奖励多少?", False),
        ("补贴标准是什么?", False),
    ],
)
def test_whether_anything_is_given_is_asked(question: str, if_given: bool, corpus: Corpus) -> None:
    assert plan_query(question, [], corpus).asks_if_given is if_given


@pytest.mark.parametrize(
    ("question", "how"),
    [
        ("对名单有意见,怎么提异议?", True),
        ("如何提出申诉?", True),
        ("怎么投诉?", True),
        # raising a figure is no procedure
        ("怎么提高研发投入占比?", False),
    ],
)
def test_how_to_raise_or_file_something_asks_a_procedure(question: str, how: bool) -> None:
    from service.answering.plan import asked_kinds

    assert (Asked.PROCEDURE in asked_kinds(question)) is how


@pytest.mark.parametrize(
    ("question", "still"),
    [
        ("专精特新政策现在还能申请吗?", True),
        ("Can we still apply for the headquarters policy?", True),
        # whether it is still followed, in the asker's words ("还照着执行", "还按这个文件执行")
        ("总部政策现在还照着执行吗?", True),
        ("那份专精特新的文件现在还按这个文件执行吗?", True),
        # a circumstance the asker names before it: whether even so, not whether the policy is in force
        ("被列入失信名单还能享受总部政策吗?", False),
        ("要是公司搬出滨江,还能拿房租补贴吗?", False),
    ],
)
def test_still_asks_validity_unless_the_asker_names_a_circumstance(corpus: Corpus, question: str, still: bool) -> None:
    assert plan_query(question, [], corpus).asks_still is still


def test_the_unit_a_period_is_asked_in_is_no_topic(corpus: Corpus) -> None:
    plan = plan_query("For how many years is the office subsidy paid?", [], corpus)
    assert "year" not in {c.key for c in plan.concepts}


@pytest.mark.parametrize(
    ("question", "asks_date"),
    [
        # how long a policy runs, claimed as a number of years, is its validity
        ("专精特新政策有效三年吧?", True),
        ("听说这个政策有效5年,是吗?", True),
        ("We were told the policy runs for five years. Is that so?", True),
        # ... not a year the asker reports, nor a period a benefit lasts
        ("Our revenue last year was RMB 900 million. Do we qualify?", False),
        ("房租补贴能补三年吗?", False),
    ],
)
def test_a_claimed_number_of_years_a_policy_runs_asks_its_validity(
    corpus: Corpus, question: str, asks_date: bool
) -> None:
    assert (Asked.DATE in plan_query(question, [], corpus).asked) is asks_date


@pytest.mark.parametrize(
    ("question", "kind", "wordings"),
    [
        ("How much for a district-level R&D center?", "R&D center", ("研发中心",)),
        (
            "What does a municipal-level international S&T cooperation base get under the HQ policy?",
            "international S&T cooperation base",
            ("国际", "合作"),
        ),
        ("How much do national and provincial R&D centres get?", "", ()),  # two levels: side by side
    ],
)
def test_the_kind_an_english_question_rates_at_one_level(
    corpus: Corpus, question: str, kind: str, wordings: tuple[str, ...]
) -> None:
    plan = plan_query(question, [], corpus)
    assert (plan.level_kind, plan.level_wordings) == (kind, wordings)


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        # a follow-up that says what it asks asks that, not what the turn before asked ...
        ("Who actually runs this policy?", {Asked.PROCEDURE}),
        ("这个政策什么时候到期?", {Asked.DATE}),
        # ... one that does not asks it again, of what it names
        ("那省级的呢?", {Asked.AMOUNT}),
    ],
)
def test_a_follow_up_asks_its_own_kind_of_fact_when_it_names_one(
    corpus: Corpus, question: str, kinds: set[Asked]
) -> None:
    from service.models import Turn

    history = [
        Turn(role="user", content="专精特新企业新认定为国家级研发中心,奖多少?"),
        Turn(role="assistant", content="区办〔2023〕9号:国家级研发中心奖励100万元。"),
    ]
    plan = plan_query(question, history, corpus)
    assert plan.rewritten and kinds <= set(plan.asked)
    assert (Asked.AMOUNT in plan.asked) is (Asked.AMOUNT in kinds)


@pytest.mark.parametrize(
    ("question", "asks_date"),
    [
        ("When does the HQ policy take effect?", True),
        ("Has the AI policy taken effect yet? Does it take effect this year?", True),
        # a step that comes before the rules start asks who takes it, not when they start
        ("Who must approve the implementing rules before they take effect?", False),
    ],
)
def test_taking_effect_asks_a_date_unless_it_only_orders_a_step(question: str, asks_date: bool) -> None:
    from service.answering.plan import asked_kinds

    assert (Asked.DATE in asked_kinds(question)) is asks_date


@pytest.mark.parametrize(
    ("part", "states"),
    [
        ("对年出口额达 500 万美元以上的外向型企业,给予一定额度的海外拓市奖励支持", False),  # the figure is a condition
        ("对新认定的科创平台,给予最高 80 万元奖励", True),
        ("对达标企业,按实际投入的20%给予资助", True),
        ("参照《省级专项资金管理办法》给予配套支持", False),
    ],
)
def test_a_part_states_a_sum_only_in_what_it_gives(part: str, states: bool) -> None:
    from service.answering.judge import _states_sum

    assert _states_sum(part) is states


def test_a_name_the_compilation_quotes_is_a_topic_however_the_tokenizer_cuts_it(corpus: Corpus) -> None:
    # “标准地” (区党委〔2019〕25号): jieba cuts it into the asking word 标准 and 地, and nothing was left of it
    keys = {c.key for c in plan_query("标准地一亩地大概什么价?", [], corpus).concepts}
    assert "标准地" in keys
    # a name a concept already holds in part adds nothing (链主 of 链主工厂)
    keys = {c.key for c in plan_query("链主工厂怎么评?", [], corpus).concepts}
    assert "链主工厂" not in keys


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("2021年出台的上市和并购重组政策,并购奖励多少?", "2021"),
        ("2017年发的人才文件里安家补贴多少?", "2017"),
        ("What does the 2021 opinion on listings give for an acquisition?", "2021"),
    ],
)
def test_the_year_of_a_policy_the_asker_names_is_no_year_asked_about(corpus: Corpus, question: str, year: str) -> None:
    assert year in plan_query(question, [], corpus).dating_years


def test_a_year_asked_about_is_still_asked(corpus: Corpus) -> None:
    assert "2021" not in plan_query("2021年的上市奖励是多少?", [], corpus).dating_years


@pytest.mark.parametrize(
    "question",
    ["听说人才房补贴每月3000元,是这样吗?", "首版次软件能奖50万,是真的吗?", "上市奖励是500万,对吗?"],
)
def test_spoken_checks_of_a_stated_figure_check_the_premise(corpus: Corpus, question: str) -> None:
    assert plan_query(question, [], corpus).checks_premise


def test_hearsay_put_forward_to_check_is_a_yes_no_check_and_no_topic(corpus: Corpus) -> None:
    plan = plan_query("听人说首台套一次给30万,真的假的?", [], corpus)
    assert Asked.YES_NO in plan.asked and plan.checks_premise
    assert not {"听人", "真的", "真的假"} & {c.key for c in plan.concepts}
    assert "据说" not in {c.key for c in plan_query("据说人才公寓免租,是吗?", [], corpus).concepts}


def test_the_unit_a_spoken_count_is_given_per_is_no_claim() -> None:
    from service.answering.plan import claims

    # "一年评两回": 两回 is how often in a year; 一年 is no figure the asker states about the award
    assert claims("这个奖一年评两回,每回评十个,是这样吗?") == []
    assert claims("补贴期限是一年,对吧?") == ["一年"]
    # "一次给30万": a lump sum given in one go, not a count of one
    assert claims("听说首台套一次给30万,是真的吗?") == ["30万"]
    assert claims("一年只评一次,对吧?") == ["一次"]


def test_the_sum_the_asker_borrowed_or_spent_is_no_claim() -> None:
    from service.answering.plan import claims

    # what the asker did with their own money states nothing about the policy ("不是3000万元:" was put before
    # an award that never said 3000万)
    assert claims("我们从银行贷了3000万,贴息能拿多少?") == []
    assert claims("去年投了800万做研发,补贴是20%对吧?") == ["20%"]
    assert claims("公司贷款 500万元,区里贴息100万,是不是?") == ["100万"]
    assert claims("区里奖励300万,对吧?") == ["300万"]


def test_an_english_firm_named_before_where_it_is_describes_the_asker() -> None:
    from service.answering.plan import self_descriptions

    assert self_descriptions("Our biotech startup is based in Binjiang. What can we get?") == ["biotech startup"]
    assert self_descriptions("Our revenue is RMB 2 billion. Do we qualify?") == []


def test_an_awards_sum_received_before_is_no_milestone_passed() -> None:
    from service.answering.plan import _passed_and_now

    # "拿过100万奖励" is what was paid, not a figure of revenue passed
    assert _passed_and_now("去年拿过100万奖励,今年营收15亿,还能拿什么?") == ([], [])
    passed, now = _passed_and_now("营收前年破了20亿拿过奖励了,今年做到了52亿")
    assert [f.value for f in passed] == [2 * 10**9] and [f.value for f in now] == [52 * 10**8]


@pytest.mark.parametrize(
    ("question", "metric"),
    [
        ("想评市里的四星级总部,上年度营收要达到多少?", "营业收入"),
        ("认定研发型总部,研发投入占比要多少?", "研发费用占营业收入比例"),
        ("独角兽企业的收入门槛是多少?", "营业收入"),
        ("What revenue threshold does a five-star headquarters have to meet?", "营业收入"),
        ("How much annual revenue do we need to count as a sales headquarters?", "营业收入"),
        # the metric written with its 额 ("出口额"), reached in a spoken verb ("要到", "做到")
        ("出口额一年要到多少才算外向型企业?", "年出口额"),
        ("外贸公司出口要做到多少?", "年出口额"),
        # the metric's figure given, or an award named between it and the asking: no metric's figure is asked
        ("营收12亿能拿多少?", ""),
        ("营收突破奖励最多能拿多少?", ""),
        ("Our revenue was RMB 1.2 billion; how much could we get?", ""),
    ],
)
def test_the_metric_whose_figure_is_asked(corpus: Corpus, question: str, metric: str) -> None:
    asked = plan_query(question, [], corpus).asked_metric
    assert (asked[0] if asked else "") == metric


def test_of_windows_holding_the_same_words_the_one_writing_them_as_the_question_does_ranks_first(
    corpus: Corpus,
) -> None:
    from service.answering.config import EvidenceConfig
    from service.answering.evidence import Terms, score_sentences

    # my own sentences: both hold 园区 and 推荐; the second writes 推荐园区 as the question does
    early = _chunk("企业由所在园区推荐参评。", "a")
    later = _chunk("推荐园区负责审核全部材料。", "b")
    plan = plan_query("推荐园区干什么?", [], corpus)
    terms = Terms({"推荐": 1.0, "园区": 1.0}, {})
    chunks = [(early, 1.0), (later, 1.0)]
    assert score_sentences(plan, terms, chunks, EvidenceConfig())[0].chunk.id == "b"
    assert score_sentences(plan, terms, chunks, EvidenceConfig(phrase_bonus=0.0))[0].chunk.id == "a"


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("办公室租金补贴每平米多少?", "平方米"),
        ("一平方补多少钱?", "平方米"),
        ("How much per square metre?", "平方米"),
        ("每天能补多少?", "天"),
        ("What is the subsidy per month?", "月"),
        ("每个月补多少?", "月"),
        ("算力单价是多少?", "单价"),
        ("工业用地每亩补多少?", "亩"),
        ("Land price per mu?", "亩"),
        ("每年最多补多少?", ""),  # the texts state yearly caps
        ("平方公里", ""),
    ],
)
def test_the_measure_an_amount_is_asked_per(question: str, measure: str) -> None:
    from service.answering.plan import asked_per

    assert asked_per(question) == measure


@pytest.mark.parametrize(
    ("question", "asks_amount"),
    [
        ("How is foreign registered capital converted for the headquarters subsidy?", False),
        ("How are the employees counted for the talent subsidy?", False),
        ("How is the annual funding calculated for leading enterprises?", True),  # its amount's rule
        ("How much is the listing reward?", True),
    ],
)
def test_how_a_thing_is_done_of_a_benefit_asks_no_amount(question: str, asks_amount: bool) -> None:
    from service.answering.plan import asked_kinds

    assert (Asked.AMOUNT in asked_kinds(question)) is asks_amount


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # how much is given, asked as the measure it is given by: a share or a sum, not a condition
        ("担保公司给科技企业做担保,区里按什么标准补?", True),
        ("Binjiang 的瞪羚企业,以啥比例给予资助?", True),
        ("申报标准创新奖要满足什么标准?", False),
    ],
)
def test_the_measure_a_benefit_is_given_by_asks_its_figure(corpus: Corpus, question: str, asked: bool) -> None:
    kinds = plan_query(question, [], corpus).asked
    assert ({Asked.AMOUNT, Asked.RATIO} <= kinds) is asked
    assert (Asked.CRITERION in kinds) is not asked


@pytest.mark.parametrize(
    ("question", "budget"),
    [
        ("区里一年拿出多少钱扶持集成电路?", True),
        ("How much does the district set aside each year for biotech?", True),
        ("What funding is earmarked for the incubators every year?", True),
        ("区里每年往生物医药砸多少钱?", True),  # spoken: 砸钱, to pour money into
        ("集成电路企业能拿多少补助?", False),
        ("How much is the rent subsidy?", False),
    ],
)
def test_a_budget_asked_in_the_words_of_spending_it(question: str, budget: bool) -> None:
    from service.answering.figures import asks_budget

    assert asks_budget(question) is budget


@pytest.mark.parametrize("question", ["请问能否申报瞪羚企业?", "两项补贴可否同时享受?", "有无针对集成电路的扶持?"])
def test_formal_yes_no_words_ask_yes_or_no(question: str) -> None:
    from service.answering.plan import asked_kinds

    assert Asked.YES_NO in asked_kinds(question)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("瞪羚企业称号拿到以后管用几年?", True),
        ("专精特新资格每年都要年审吗?", True),
        ("Does the gazelle enterprise title expire after a few years?", True),
        ("How long does a specialised SME designation last?", True),
        # what follows a review passed: the compilation mentions no review of a recognition
        ("瞪羚企业通过复核以后还能再拿奖励吗?", True),
        ("单项冠军复审合格了,区里还给钱吗?", True),
        # a document's own term, or what a recognition brings: not how long the recognition lasts
        ("专精特新认定办法有效期到什么时候?", False),
        ("区办〔2023〕9号有效期几年?", False),
        ("认定以后有什么好处?", False),
        ("What is the status of 区办〔2023〕9号 now? Has it expired?", False),
    ],
)
def test_how_long_a_recognition_lasts_is_asked(question: str, asked: bool) -> None:
    from service.answering.plan import asks_status_term

    assert asks_status_term(question) is asked


@pytest.mark.parametrize(
    ("question", "crossdoc"),
    [
        ("总部经济政策与区办〔2023〕9号的境内上市奖励是否一致?", True),
        ("Are the listing awards in the HQ policy and 区办〔2023〕9号 consistent?", True),
        # one document: its own materials disagreeing is no comparison of documents
        ("区办〔2023〕9号的申报材料与营业执照信息不一致怎么办?", False),
    ],
)
def test_whether_two_documents_agree_sets_them_side_by_side(corpus: Corpus, question: str, crossdoc: bool) -> None:
    assert plan_query(question, [], corpus).crossdoc is crossdoc


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("Back in 2023, when we were a gazelle firm, our R&D spend was RMB 3 million. Did we qualify?", "2023"),
        ("In 2025 we had revenue of RMB 2 billion. Could we claim the milestone award?", "2025"),
        ("Our company moved to Binjiang in 2024; what rent support was there?", "2024"),
    ],
)
def test_the_year_of_what_an_english_asker_reports_is_no_year_asked_about(
    corpus: Corpus, question: str, year: str
) -> None:
    assert year in plan_query(question, [], corpus).dating_years


def test_an_english_year_asked_about_is_still_asked(corpus: Corpus) -> None:
    assert "2024" not in plan_query("What was the district's investment target for 2024?", [], corpus).dating_years


def test_a_compound_concept_is_held_by_a_text_holding_both_its_parts() -> None:
    from service.answering.evidence import Terms, coverage

    terms = Terms({"创业": 1.0, "项目": 1.0, "创业项目": 2.0, "院士": 2.0}, {})
    assert coverage(terms, "院士领衔的项目给予创业资助") == 1.0  # 创业 and 项目 apart hold 创业项目
    assert coverage(terms, "院士领衔的项目") == pytest.approx(0.5)  # one part alone does not
    assert not Terms({"创业项目": 1.0}, {}).found("创业项目", "创业资助的项目")  # no parts among its concepts


@pytest.mark.parametrize("question", ["公司请到一位院士,能拿多少?", "引进了一名博士后,有补贴吗?", "两名员工能报吗?"])
def test_one_person_counted_names_no_topic(question: str) -> None:
    from service.answering.plan import concepts_of

    assert not {"一位", "一名", "两名"} & {c.key for c in concepts_of(question, "zh")}


@pytest.mark.parametrize(
    "question",
    [
        "客户说他们去年研发投入500万,问能不能申请研发补贴?",  # 问能|不能: the tokenizer cuts across the A-not-A
        "他们想知道算不算总部企业",
        "老板问够不够格拿这个奖",
    ],
)
def test_an_a_not_a_of_a_modal_asks_yes_or_no_wherever_the_tokenizer_cuts_it(question: str) -> None:
    from service.answering.plan import asked_kinds

    assert Asked.YES_NO in asked_kinds(question)


@pytest.mark.parametrize(
    ("question", "junk"),
    [
        ("听说人才奖分一、二、三等奖?", {"分一", "三等"}),
        ("孵化器分一、二类吗", {"分一", "二类"}),
    ],
)
def test_ordinals_listed_before_what_they_rank_leave_no_words_of_no_meaning(question: str, junk: set[str]) -> None:
    from service.answering.plan import concepts_of

    assert not junk & {c.key for c in concepts_of(question, "zh")}


def test_the_askers_thinking_is_no_topic_word() -> None:
    from service.answering.plan import concepts_of

    keys = {c.key for c in concepts_of("我们觉得自己对区里产业有重大支撑作用,老板认为能评上", "zh")}
    assert not {"觉得", "认为"} & keys and {"支撑", "作用"} <= keys


def test_who_relays_a_question_is_no_topic_word() -> None:
    from service.answering.plan import concepts_of

    keys = {c.key for c in concepts_of("有市民打电话反映,客户问买新能源汽车每辆补多少?老板来电也问了", "zh")}
    assert not {"市民", "打电话", "反映", "客户", "老板", "来电"} & keys and "新能源" in keys


@pytest.mark.parametrize(
    ("question", "still", "claims"),
    [
        # what the asker already got, said as done, makes "还能…吗?" ask whether again, not until when
        ("我们去年评上了省级孵化器,今年还能再申报吗?", False, True),
        ("公司前年获得了孵化器奖励,现在还可以申请吗?", False, True),
        ("孵化器补贴今年还能申请吗?", True, False),
        ("We won the provincial incubator award last year. Can we apply for the district one?", False, True),
        ("Can we apply for the incubator award?", False, False),
    ],
)
def test_still_after_what_the_asker_got_asks_whether_again(
    corpus: Corpus, question: str, still: bool, claims: bool
) -> None:
    plan = plan_query(question, [], corpus)
    assert plan.asks_still is still
    assert plan.claims_past is claims


def test_taking_a_thing_to_apply_with_asks_no_amount(corpus: Corpus) -> None:
    # "能拿X去报" is taking a project to apply with, not how much one can get
    assert Asked.AMOUNT not in plan_query("我们能拿同一个孵化项目去参评吗?", [], corpus).asked
    assert Asked.AMOUNT in plan_query("孵化器一年能拿多少补贴?", [], corpus).asked


@pytest.mark.parametrize("question", ["那边的厂房每平方什么价?", "写字楼租金啥价?", "办公楼价格大概多少?"])
def test_asking_a_price_asks_an_amount(corpus: Corpus, question: str) -> None:
    # my own wordings: 什么价 / 啥价 / 价格多少 ask what something costs
    assert Asked.AMOUNT in plan_query(question, [], corpus).asked


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a page break cut the sentence after its first words: the part after it alone says something else
        (
            "对认定的孵化器给予30万元奖励;对新认定的国家、\n省、市级孵化器,分别给予50万元、30万元、10万元奖励。",
            ["对认定的孵化器给予30万元奖励;", "对新认定的国家、\n省、市级孵化器,分别给予50万元、30万元、10万元奖励。"],
        ),
        # a whole line cut without an end mark stays a line (extend_window ends its quote at its clauses)
        (
            "支持孵化器建设公共技术服务平台并面向区内企业开放共享其\n仪器设备,给予20万元补助。",
            ["支持孵化器建设公共技术服务平台并面向区内企业开放共享其", "仪器设备,给予20万元补助。"],
        ),
        # a short heading on its own line, and a line opening an item, begin sentences of their own
        ("三、支持政策\n对孵化器给予奖励。", ["三、支持政策", "对孵化器给予奖励。"]),
        ("孵化器的认定条件如下\n(一)面积不少于3000平方米。", ["孵化器的认定条件如下", "(一)面积不少于3000平方米。"]),
    ],
)
def test_a_sentence_a_page_break_cut_stays_one(text: str, sentences: list[str]) -> None:
    from service.answering.evidence import sentences_of

    assert [s.text for s in sentences_of(_chunk(text))] == sentences


def test_asked_whether_of_a_figure_the_text_confirms_it(corpus: Corpus) -> None:
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    # my own wording: the asker says what the policy gives and asks whether they can have it; the clause stating
    # that very figure answers (a how-much question is not answered by the asker's own figure: see above)
    plan = plan_query("我们的孵化器现在服务了12家企业,能申请 30% 的建设 subsidy 吗?", [], corpus)
    terms = Terms({"孵化器": 3.0}, {})
    clause = ["服务企业达到20家以上的孵化器,按建设投资额30%予以支持。"]
    assert attribute_support(plan, clause, terms) > 0.0


def test_parts_naming_documents_by_number_and_by_title_read_both(corpus: Corpus) -> None:
    # my own wording: one part names its document by 文号, the other by its title's words
    question = "滨政〔2023〕7号里孵化器的房租补贴补几成?要是以后认定了总部企业,总部政策的租房补助怎么算?"
    plan = plan_query(question, [], corpus)
    assert set(plan.doc_filter) == {5, 2} and plan.crossdoc
    # one document named in both parts stays one
    plan = plan_query("滨政〔2023〕7号里孵化器的房租补贴补几成?滨政〔2023〕7号什么时候到期?", [], corpus)
    assert plan.doc_filter == [5]


def test_no_window_ends_on_the_next_items_heading_cut_from_its_text() -> None:
    # my own wording: a window "…最高补50万元。3. 支持人才引进。" holds the next item's heading words without what
    # that item gives, and outscored the window that has both
    from service.answering.evidence import windows_of

    text = "2. 支持设备更新。对购置设备的,按投资额的10%补助,最高50万元。3. 支持人才引进。对引进的博士,给予5万元安家费。"
    windows = [w.text for w in windows_of(_chunk(text))]
    assert "2. 支持设备更新。对购置设备的,按投资额的10%补助,最高50万元。3. 支持人才引进。" not in windows
    assert "3. 支持人才引进。对引进的博士,给予5万元安家费。" in windows
    assert text.endswith(windows[-1])  # the last item's heading ends no window only when its text follows


def test_where_the_asker_works_describes_them_and_some_one_names_nothing(corpus: Corpus) -> None:
    # my own wordings
    from service.answering.plan import self_descriptions

    assert self_descriptions("我目前在滨江一家软件公司上班,能申报吗?") == ["滨江一家软件公司上班"]
    assert self_descriptions("本人在区内研究院任职。个人能报吗?") == ["区内研究院任职"]
    assert self_descriptions("我在滨江注册了公司,有补贴吗?") == []
    keys = [c.key for c in plan_query("某项国家标准的第一起草人能拿多少?", [], corpus).concepts]
    assert "某项" not in keys and "国家标准" in keys


def test_an_ordinal_is_no_count_claimed() -> None:
    # my own wordings: "第一次" says which time, it claims no count of one against the text
    assert claims("企业第一次纳入规上统计奖10万元,对吗?") == ["10万元"]
    assert claims("一年评两次吧?") == ["两次"]


def test_a_what_about_subject_with_its_own_modifiers_replaces_the_whole_name() -> None:
    # my own wordings: "那省级科技进步二等奖呢?" after a question on 国家技术发明奖一等奖 replaces the whole name,
    # not only 一等奖 (which left 国家技术发明奖 to be read as the level asked: 国家级二等奖, which is not listed)
    from service.answering.plan import _swap_sibling

    previous = "我们拿了国家技术发明奖一等奖,奖多少?"
    assert _swap_sibling(previous, "那省级科技进步二等奖呢?") == "我们拿了省级科技进步二等奖,奖多少?"
    assert _swap_sibling(previous, "那二等奖呢?") == "我们拿了国家技术发明奖二等奖,奖多少?"
    assert _swap_sibling("专精特新企业参加境外展会有补贴吗?", "那总部企业呢?") == "总部企业参加境外展会有补贴吗?"


def test_free_answers_how_much_unless_the_asker_said_it_is_free(corpus: Corpus) -> None:
    # my own wordings: "不收取费用" answers what a training costs; asked the cost standard behind a free service,
    # the asker's own 免费 is no answer
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    clause = ["园区为入驻企业员工提供免费职业技能培训。"]
    terms = Terms({"培训": 2.0, "技能": 2.0}, {})
    fee = plan_query("职业技能培训要交多少钱?", [], corpus)
    assert attribute_support(fee, clause, terms) == 1.0
    behind = plan_query("免费职业技能培训每人的费用标准是多少元?", [], corpus)
    assert attribute_support(behind, clause, terms) == 0.0


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("验资一次多少元?", True),
        ("打印一张资质证书多少块?", True),
        ("代理记账的费用标准是多少?", True),
        ("区里一共有多少家孵化器?", False),
    ],
)
def test_an_amount_in_yuan_or_a_fee_asks_money(corpus: Corpus, question: str, money: bool) -> None:
    # my own wordings: 多少元, 多少块 and 费用…多少 ask a sum of money, which a count of things does not answer
    assert plan_query(question, [], corpus).asks_money is money


def test_a_fee_jieba_cuts_apart_is_one_word_of_the_topic(corpus: Corpus) -> None:
    # my own wordings: jieba cuts 验收费 into 验收|费; the fee is what is asked about, not the 验收 it pays for
    from service.answering.plan import _fees, concepts_of

    assert "验收费" in [c.key for c in concepts_of("项目验收费谁来出?", "zh")]
    # 消费, 免费 are jieba's own words: nothing is cut off them
    assert _fees("促进消费有什么免费活动?") == []


@pytest.mark.parametrize(
    "question",
    ["去年实际招引了多少个亿元以上项目?", "今年技改投资增速比年初定的目标高还是低?"],
)
def test_what_was_actually_done_or_how_it_compares_with_a_target_asks_an_outcome(corpus: Corpus, question: str) -> None:
    # my own wordings: the compilation sets targets; what came of them is no rule it states
    assert Asked.OUTCOME in plan_query(question, [], corpus).asked


def test_at_the_latest_asks_a_time_and_names_no_topic(corpus: Corpus) -> None:
    # my own wording: jieba cuts 最晚要 into 最|晚要, which no text uses
    from service.answering.plan import concepts_of

    keys = [c.key for c in concepts_of("评审办最晚要在什么时候前答复?", "zh")]
    assert not any("晚" in k for k in keys), keys


def test_when_something_is_done_is_stated_by_a_time_limit_after_an_event(corpus: Corpus) -> None:
    # my own wording: "收到材料后15个工作日内" says when the review is done
    from service.answering.evidence import Terms
    from service.answering.judge import attribute_support

    terms = Terms({"审核": 2.0, "材料": 1.0}, {})
    when = plan_query("交了材料以后什么时候审核完?", [], corpus)
    assert attribute_support(when, ["收到材料后15个工作日内完成审核。"], terms) == 1.0
    assert attribute_support(when, ["收到材料后及时完成审核。"], terms) == 0.0


def test_who_interprets_a_policy_is_asked_whatever_step_its_title_names() -> None:
    # my own wordings: 评审 in the document's name is no step of applying when its interpreter is asked
    from service.answering.plan import asks_office

    assert asks_office("对评审管理办法第十条有疑问,该由哪个部门解释?")
    assert not asks_office("申报材料交给哪个部门审核?")


def test_an_english_year_reaches_the_texts_every_year() -> None:
    # my own wording: "per year" and "year" both speak of what the texts write 每年
    from service.answering.plan import concepts_of

    year = next(c for c in concepts_of("Is the prize assessed in any year?", "en") if c.key == "year")
    assert "每年" in year.alternatives


def test_a_year_within_the_first_quotes_documents_term_is_answered_by_it(corpus: Corpus) -> None:
    from service.answering.judge import _other_years

    # my own wording: an award asked for 2024, quoted from a policy in force 2023-2026 that names no year for it,
    # beside a target the same policy sets for 2025
    plan = plan_query("2024年评上市级雏鹰企业的,区里奖多少?", [], corpus)
    assert plan.years == ["2024"] and not plan.dating_years
    award = "对市级雏鹰企业给予20万元一次性奖励。"
    target = "力争到2025 年,累计培育雏鹰企业 300 家以上。"
    assert _other_years(plan, [award, target], set(), [(2023, 2026)]) == ()
    # out of the term, or with no stated term, the target's year is what the text is for
    assert _other_years(plan, [award, target], set(), [(2019, 2021)]) == ("2025",)
    assert _other_years(plan, [award, target], set()) == ("2025",)
    # a first quote that sets a year of its own is for that year, whatever the term
    assert _other_years(plan, [target, award], set(), [(2023, 2026)]) == ("2025",)
    # a first quote with no year of its own, of a document that had ended before the year asked, is for its term
    assert _other_years(plan, [award], set(), [(2023, 2023)]) == ("2023",)
    assert _other_years(plan, [award], set(), [(2020, 2022)]) == ("2020–2022",)
    assert _other_years(plan, [award], set(), [(2023, 2026)]) == ()
