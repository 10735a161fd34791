"""The verdict: answered / toc_only / not_found from named signals, each measured once.

Signals (``measure``) read the plan, the ranked chunks and the quotable sentences; the decision
(``decide``) compares them with the thresholds of ``JudgeConfig``, fitted by cross-validation.
- coverage: the IDF-weighted share of the question's topic concepts that the best retrieved text holds;
- unknown share: topic weight in wording the compilation never uses (loaded text and TOC alike);
- listed-only share and the best TOC match: topic weight that points to a listed document without
  text (its title words, or the everyday vocabulary of its policy area from the topics lexicon);
- specific listed: the question's rarest wording that the compilation uses is only a listed title's (a title
  phrase no loaded text uses, such as 科技创新产业基金, counts as one concept: see ``TermWeights``);
- attribute share: how much of the topic the quote sentence stating the kind of fact asked (a figure, a
  date, a criterion...) covers, against the best retrieved text: a figure beside another award's wording
  does not answer;
- delegated: the retrieved text is all from framework documents that leave the details to later ones
  ("具体实施意见和操作细则…另行制定"); when it does not answer, a listed document sharing the topic's
  words is named (toc_only) rather than nothing;
- absent grade: the grade or milestone asked is not in the quoted list (二星级 against 五、四、三星级; a first
  passing of 10亿元 against 营收突破奖励's 20…1000亿元), or the quotes write no grade of the kind asked at all;
- another audience: the question names the kind of company it asks for (总部企业), and every quote comes from a
  document for another kind (“专精特新”企业) without naming the asked one: that rule is not the asker's;
- out of scope: another place, a government above the district's own rules, or a year the compilation never
  mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from corpus.library import Corpus
from corpus.models import Clause, PolicyDocument, TextStatus, Validity
from corpus.text import compact
from indexing.chunks import Chunk
from service.answering import lexicon
from service.answering.areas import AreaMatch
from service.answering.config import JudgeConfig
from service.answering.evidence import (
    GRANTS,
    IMPLEMENTED_BY,
    IN_DISTRICT,
    PROCEDURE_WORDS,
    Terms,
    TermWeights,
    coverage,
    defines,
    loose,
    loose_coverage,
    part_terms,
    without_titles,
)
from service.answering.facts import Comparator, PolicyFact
from service.answering.figures import FIGURE, GIVEN, NO_CHARGE, SHARE, figure_key, figure_kind, without_budgets
from service.answering.grades import (
    LEVEL_WORD,
    LEVELLED,
    absent_grade,
    absent_level,
    grade_families,
    label,
    level_subject,
    question_grades,
    text_grades,
)
from service.answering.plan import FIGURE_KINDS, PER_MEASURES, Asked, QueryPlan, asking_word, has_content, title_terms
from service.answering.retrieve import ScoredChunk
from service.models import AnswerStatus

# how a document states its own validity ("自2023年7月13日起施行", "有效期5年", "本意见自发布之日起施行")
_VALIDITY_STATED = re.compile(r"(?:自|于)?[^,,。;;]{0,24}(?:起施行|施行|之日起[^,,。;;]{0,12})|有效期[^,,。;;]{0,12}")
_DATE_STATED = re.compile(r"\d{4}\s*年|\d+\s*月\s*\d+\s*日|有效期|施行|年底|之日起|发布后")
# when something is done may be stated as a time limit after an event ("公示期满后20日内进行调查核实")
_TIME_LIMIT = re.compile(r"\d+\s*个?(?:工作)?(?:日|天|月)内")
_CRITERIA_STATED = re.compile(r"条件|符合|应当|须|要求|以上|不低于|超过|达到|连续|认定|是指|不得|纳入|计入|视为|属于")
# the kinds of figure (figures.figure_kind) that state each kind of asked figure ("能拿多少" is money or a share
# of something)
FIGURE_NAMES: dict[Asked, tuple[str, ...]] = {
    Asked.AMOUNT: ("money", "share", "count"),  # 多少 asks any quantity (亩, 家...), but a duration is no amount
    Asked.RATIO: ("share",),
    Asked.COUNT: ("count",),
    Asked.PERIOD: ("period",),
}
# papers listed ("申请表、营业执照复印件…", "提交以下材料:"): what an application needs
_MATERIALS_LISTED = re.compile(
    r"(?:以下|下列|如下)(?:申报|申请)?材料|材料清单|"
    r"(?:申请表|申报书|复印件|营业执照|证明|审计报告|财务报表|合同|发票|凭证)[^。;;]{0,30}、[^。;;]{0,30}"
    r"(?:申请表|申报书|复印件|营业执照|证明|报告|报表|合同|发票|凭证)"
)
_GIVES = re.compile(r"给予|予以|奖励|补助|补贴|资助|贴息|减免|免费|支持")
_DELEGATES = re.compile(r"具体实施意见和操作细则|操作细则|实施细则.{0,6}另行|另行制定")


@dataclass
class TocMatch:
    doc: PolicyDocument
    area: float  # share of the topic's weight that points to this document's area
    uncovered: float  # the part of it that the retrieved loaded text does not hold
    words: list[str]
    titled: bool = False  # a word of the topic is in its title, in any wording (an English word's Chinese)


@dataclass
class Signals:
    has_content: bool = True
    catalogue: bool = False  # asks what the compilation itself holds ("汇编里有哪些文件?"): its contents answer
    asks_outcome: bool = False
    beyond_partial: list[PolicyDocument] = field(default_factory=list)
    other_place: bool = False
    # the 文号 the question names, when the compilation holds none of them (neither a text nor a TOC line)
    unlisted_docs: tuple[str, ...] = ()
    repealed: bool = False  # the text repeals the unlisted document whose validity is asked ("原…文件废止")
    other_government: bool = False
    tax_owed: bool = False  # tax owed on a benefit, or a rate of tax: national tax law, no district policy
    # the asked kind of company, and the other kind the documents of every quote are for ("" when not so)
    other_audience: tuple[str, str] = ("", "")
    unknown_year: bool = False
    unissued_year: str = ""  # a year the asker names a policy as issued in, of which the compilation holds none
    issued_span: str = ""  # the years the compilation's documents were issued in ("2017–2023")
    # the metric whose figure is asked ("营收要达到多少?"), when no quote on the topic names it: "" when not so
    metric_unstated: str = ""
    per_unstated: str = ""  # the measure an amount is asked per, which no quote states an amount per
    contact_unstated: str = ""  # the contact detail asked (电话, 邮箱…), which no quote gives
    status_term_unstated: bool = False  # how long a recognition lasts is asked; no quote states it
    # the grade asked ("二星级") where the quoted list holds only others (五星级、四星级、三星级), and which quote
    absent_grade: tuple[str, tuple[str, ...], int] = ("", (), -1)
    # the question names grades (A类、B类; 一等奖) and no quote writes any grade of their kind: the text found does
    # not grade what is asked at all ("5050计划A类、B类分别资助多少?" against a clause naming the plan's supports)
    grades_unstated: bool = False
    # the benefit asked a sum for, and the quoted part that names it only vaguely ("给予一定比例的研发资助支持",
    # "参照…给予配套支持"), with which quote: no part naming it states a figure
    vague_benefit: tuple[str, str, int] = ("", "", -1)
    coverage: float = 0.0
    unknown_share: float = 0.0
    unused: tuple[str, ...] = ()  # the topic's words that neither the loaded text nor the TOC uses
    loaded_share: float = 0.0  # of the topic's weight (TOC-area words included) that the retrieved text holds
    toc: list[TocMatch] = field(default_factory=list)
    attribute_share: float = 1.0  # of the topic's coverage, held by a quote sentence that states the asked fact
    delegated: bool = False
    specific_listed: bool = False  # the rarest topic wording the compilation uses is only a listed title's
    specific_unquoted: bool = False  # the most specific concept points to a listed title; the quote lacks it
    off_subject: bool = False  # all read is other documents', none naming the subject the question names
    quoted_held: bool = False  # every phrase the asker sets in quotation marks stands in the best quote
    # how a kind is recognised is asked, the loaded text names it only as already recognised ("经认定的瞪羚企业"),
    # and a listed title holds it: that document sets the recognition
    recognised_elsewhere: bool = False
    # the asker says a registration of theirs is outside the district (税务在外地) and asks whether they may apply;
    # the best quote requires that registration in the district: the rule is the answer, whatever else is said
    residency_rule: bool = False
    # the benefit asked is named by a thing the compilation never mentions ("午餐补贴", "停车补贴"): nothing in it
    # gives that benefit, whatever the benefit word finds
    unknown_benefit: str = ""
    # the years the quotes state a target or a budget for, when none is the year asked ("2021年的固投目标": the
    # text sets 2023's)
    other_years: tuple[str, ...] = ()
    structured: bool = False
    dense: float | None = 0.0  # None when the vector store did not answer (keyword-only retrieval)
    area_doc: PolicyDocument | None = None  # the listed-only document whose area is closest to the question
    area_margin: float | None = None  # its dense similarity over the best document with text (areas.py)

    @property
    def toc_uncovered(self) -> float:
        return self.toc[0].uncovered if self.toc else 0.0

    @property
    def toc_titled(self) -> bool:
        """A listed document's own title shares a word of the topic (not only its area's everyday words)."""
        return any(m.titled or any(loose(w) in loose(m.doc.title) for w in m.words) for m in self.toc)

    @property
    def toc_area(self) -> float:
        return max((m.area for m in self.toc), default=0.0)


@dataclass
class Verdict:
    status: AnswerStatus
    reason: str
    coverage: float = 0.0
    toc_docs: list[PolicyDocument] = field(default_factory=list)
    topic_held: bool = False  # not_found: the loaded text is on the topic but states nothing of the kind asked
    audience: tuple[str, str] = ("", "")  # not_found: the kind of company asked, and the one the text is for
    grade: tuple[str, tuple[str, ...], int] = ("", (), -1)  # not_found: the grade asked, those listed, which quote
    unused: tuple[str, ...] = ()  # the question's words the compilation never uses (not the topic it holds)
    unlisted: tuple[str, ...] = ()  # not_found: the 文号 asked about, none of them a document of the compilation
    repealed: bool = False  # answered: whether the unlisted document still applies, which a loaded text repeals
    benefit: str = ""  # not_found: the benefit asked, named by a thing the compilation never mentions
    vague: tuple[str, str, int] = ("", "", -1)  # not_found: the benefit asked, the part naming it vaguely, which quote
    metric: str = ""  # not_found: the metric whose figure is asked, which no text on the topic states
    contact: str = ""  # not_found: the contact detail asked (联系电话, hotline), which no quote gives
    status_term: bool = False  # not_found: how long a recognition lasts, which no quote states
    per: str = ""  # not_found: the measure an amount is asked per (每平方米), which no quote states an amount per
    issued: tuple[str, str, str] = ("", "", "")  # not_found: the issue year asked; the first and last issued
    year_unmentioned: bool = False  # not_found: the year asked about is never mentioned in the compilation
    tax_owed: bool = False  # not_found: a tax asked about, which national tax law sets


def measure(
    plan: QueryPlan,
    terms: Terms,
    weights: TermWeights,
    hits: list[ScoredChunk],
    corpus: Corpus,
    quotes: list[str],
    structured: bool,
    config: JudgeConfig,
    dense_ok: bool = True,
    area: AreaMatch | None = None,
    neighbour_credit: float = 1.0,
    quoted: list[Chunk] | None = None,
    facts: list[PolicyFact] | None = None,
    chosen: list[Chunk] | None = None,
    as_of: date | None = None,
) -> Signals:
    """Every signal of the verdict, computed once (``as_of``: today, to which a document with no end stays in
    force)."""
    signals = Signals(
        has_content=has_content(plan.original), structured=structured, catalogue=plan.catalogue is not None
    )
    signals.beyond_partial = _beyond_partial_text(plan, corpus)
    signals.asks_outcome = Asked.OUTCOME in plan.asked
    signals.other_place = plan.other_place
    listed_numbers = {d.doc_number for d in corpus.documents.values()}
    if plan.doc_numbers and not set(plan.doc_numbers) & listed_numbers:
        signals.unlisted_docs = tuple(plan.doc_numbers)
        # "区党委〔2017〕15号还能作为依据吗?": a loaded document that repeals it answers whether it still applies
        signals.repealed = (plan.asks_still or Asked.DATE in plan.asked) and all(
            repealing_clause(corpus, number) is not None for number in plan.doc_numbers
        )
    signals.other_government = plan.other_government
    signals.tax_owed = plan.asks_tax_owed
    # (the year of a quoted document is its name, "the 2019 dual-engine policy", not the year asked about)
    named_years = {str(corpus.documents[c.doc_no].year) for c in quoted or [] if c.doc_no in corpus.documents}
    first_term = _stated_terms(corpus, (quoted or [])[:1], as_of) if plan.years else []
    signals.other_years = _other_years(plan, quotes or [], named_years, first_term)
    # "区里2025年出台的…若干政策": the compilation's documents were issued in other years (its 2023 version is another
    # policy)
    issued = sorted({str(d.year) for d in corpus.documents.values()})
    if not plan.doc_numbers and issued:
        signals.unissued_year = next((y for y in plan.issued_years if y not in issued), "")
        signals.issued_span = f"{issued[0]}–{issued[-1]}"
    # a year in a question about a named policy's validity is when the asker would apply it, not its subject
    # (nor a year inside the stated term of a document read to answer: "2024年的时候…贴息怎么补?" of a policy in force
    # 2023-2026 asks what applied then, though its text never writes 2024)
    spans = _stated_terms(corpus, chosen if chosen is not None else [h.chunk for h in hits], as_of)
    signals.unknown_year = (
        bool(plan.years)
        and not plan.doc_numbers
        and not (structured and plan.asks_date)
        and any(
            y not in weights.corpus_text
            and y not in weights.toc_text
            and y not in plan.dating_years
            and not any(first <= int(y) <= last for first, last in spans)
            for y in plan.years
        )
    )
    depth = 8 if plan.crossdoc else 3
    quoted = quoted or []
    # (a word of a listed document's area that no text or title uses counts as that title's: TermWeights.where_used)
    placed = frozenset(key for key, _ in plan.toc_hints)
    used = {key: weights.where_used(terms, key, placed) for key in terms}
    # a known word that is only a piece of an unknown word of the question, one character short of it (合作 of
    # 合作社, 市场 of 菜市场), is that word's: the texts that use it speak of something else
    unknown = [k for k in terms if used[k] == "none"]
    for key in terms:
        if used[key] != "none" and any(key in u and len(u) == len(key) + 1 for u in unknown):
            used[key] = "none"
    # coverage is measured over the wording the compilation knows; the unknown rest is a signal of its own
    known = weights.known(terms, placed)
    union = coverage(known, " ".join(h.chunk.indexed_text for h in hits[:depth]))
    signals.coverage = max(
        [
            union * config.union_discount,
            # a list's item is read with the words that introduce the list ("符合下列条件之一的:")
            *(coverage(known, _with_lead_ins(corpus, h.chunk)) for h in hits[:5]),
            # the chunks the answer quotes are evidence wherever they ranked
            *(coverage(known, _with_lead_ins(corpus, chunk)) for chunk in quoted),
        ]
    )
    signals.coverage = max(signals.coverage, _unrated_coverage(plan, known, [h.chunk for h in hits[:5]] + quoted))
    # a question in several parts is held when each part is, each by a text of its own ("申报条件去哪看?哪个机构
    # 受理,设在哪儿?": the notice clause holds the first, the office clause the second)
    signals.coverage = max(signals.coverage, _parts_coverage(plan, known, [h.chunk for h in hits[:depth]] + quoted))
    total = sum(terms.values()) or 1.0
    signals.unknown_share = sum(w for k, w in terms.items() if used[k] == "none") / total
    signals.unused = tuple(k for k in terms if used[k] == "none")
    never = list(signals.unused)
    signals.unknown_benefit = _unknown_benefit(plan, never, weights) or _unknown_fee(plan, never, weights)
    # (the chunks the answer quotes are the loaded text read, wherever they ranked, as for coverage)
    read = {c.id: c for c in [*(h.chunk for h in hits[:depth]), *quoted]}
    loaded = loose(" ".join(c.indexed_text for c in read.values()))
    signals.toc = toc_matches(plan, terms, weights, corpus, loaded)
    if plan.lang == "en" and not plan.claimed and not signals.toc:
        # (a thing no listed title holds either: a listed document may be on what the glossary lacks words for)
        signals.unknown_benefit = _unknown_english_benefit(plan.original)
    signals.residency_rule = bool(
        plan.outside
        and Asked.YES_NO in plan.asked
        and quotes
        and any(word in quotes[0] for word in plan.outside)
        and IN_DISTRICT.search(quotes[0])
    )
    signals.loaded_share = _loaded_share(plan, terms, weights, loaded)
    signals.metric_unstated = _metric_unstated(plan, quotes, known)
    # a contact detail asked: the texts name offices, never a number or an address to reach them by
    signals.contact_unstated = plan.asks_contact if not any(_CONTACT_DETAIL.search(q) for q in quotes) else ""
    # how long a recognition lasts or when it is reviewed: a document's own 有效期 is not that
    signals.status_term_unstated = plan.asks_status_term and not any(_STATUS_TERM_STATED.search(q) for q in quotes)
    # an amount asked per a measure ("每平方米补多少?"): the texts on the topic state a share or a cap, never per it
    if plan.asks_per and plan.asks_amount and quotes:
        wordings = PER_MEASURES[plan.asks_per][1]
        signals.per_unstated = "" if any(w in q for q in quotes for w in wordings) else plan.asks_per
    # the question's most specific wording (the rarest the compilation uses): when it is only a listed title's,
    # or a listed title's word that the quote answering does not hold, the loaded text speaks of something
    # near and the listed document of the topic itself
    # (of wordings equally rare, the longer is the more specific: 科技创新产业基金 before 决策)
    top = max(known, key=lambda k: (known[k], len(k)), default=None)
    signals.specific_listed = top is not None and used[top] == "toc" and not plan.doc_filter and not plan.boost_docs
    # (the listed document's word may be the concept's own longer form: 高新技术 in 高新技术企业)
    top_wordings = [loose(a) for a in terms.alternatives.get(top, (top,))] if top is not None else []
    signals.specific_unquoted = bool(
        top is not None
        and signals.toc
        and any(len(a) >= 2 and a in loose(w) for w in signals.toc[0].words for a in top_wordings)
        and quotes
        # (nor any other wording as rare: "原创IP转化合作…改编成游戏" is the quote's 原创 as much as a title's 游戏)
        and not any(terms.found(k, loose(quotes[0])) for k in known if known[k] >= known[top] - 1e-9)
        and not plan.doc_filter
        and not plan.boost_docs
    )
    # the kind a listed title names: the question's most specific word of that title (瞪羚, though 增速 may be
    # as rare)
    titled = [
        k
        for k in sorted(known, key=lambda k: -known[k])
        if signals.toc
        and any(
            len(a) >= 2 and loose(a) in loose(w) for w in signals.toc[0].words for a in terms.alternatives.get(k, (k,))
        )
    ]
    kind = titled[0] if titled and top is not None and known[titled[0]] >= known[top] - 1e-9 else None
    signals.recognised_elsewhere = bool(
        kind is not None
        and _recognised_elsewhere(plan, [a for a in terms.alternatives.get(kind, (kind,)) if len(a) >= 2], quotes)
        and not plan.doc_filter
    )
    titles = [corpus.documents[c.doc_no].title if c.doc_no in corpus.documents else "" for c in quoted]
    support = attribute_support(plan, quotes, known, neighbour_credit, titles)
    signals.attribute_share = min(support / signals.coverage, 1.0) if signals.coverage else support
    # ... unless the asker names that document (its 文号, or its title's own words): what it says is asked
    # (an English question names it through the glossary: "the dual-engine policy" is 双引擎)
    said = plan.original + (" ".join(lexicon.english().expand(plan.original)) if plan.lang == "en" else "")
    named = set(plan.doc_filter) | {
        d.doc_no for d in corpus.with_text() if any(len(t) >= 3 and t in said for t in title_terms(d.title))
    }
    # (what a framework spends each year on a measure is its own word, not a detail it leaves to later documents:
    # "每年安排预算不少于1.5亿元,实施新一轮“5050”计划")
    signals.delegated = (
        _delegated(signals.toc, corpus, hits)
        and not any(h.chunk.doc_no in named for h in hits[:3])
        and not plan.asks_budget
    )
    # e5's similarities across languages run lower than within Chinese: one threshold fits only Chinese
    same_language = plan.lang == "zh"
    signals.dense = max((h.dense for h in hits[:5]), default=0.0) if dense_ok and same_language else None
    if area is not None and not plan.doc_filter:
        signals.area_doc, signals.area_margin = area.doc, area.margin
    if not plan.crossdoc and not plan.doc_filter:
        signals.other_audience = _other_audience(plan, quoted, quotes, corpus)
    signals.absent_grade = _absent_grade(plan, quotes)
    asked_families = grade_families(plan.asked_text or plan.original, plan.lang) - {"level"}
    signals.grades_unstated = bool(asked_families) and not any(asked_families & set(text_grades(q)) for q in quotes)
    if not signals.absent_grade[0] and facts is not None:
        # a milestone the quoted award does not list is a grade its list lacks
        signals.absent_grade = absent_milestone(plan, facts, quotes)
    if not signals.absent_grade[0] and facts is not None:
        # a kind the quoted list names beside those it pays, asked what it gets, is a grade the list lacks
        signals.absent_grade = _absent_variant(plan, known, facts, quotes)
    signals.vague_benefit = _vague_benefit(plan, known, weights, quotes or [])
    signals.off_subject = _off_subject(plan, corpus, chosen if chosen is not None else quoted)
    signals.quoted_held = bool(plan.quoted and quotes and all(loose(q) in loose(quotes[0]) for q in plan.quoted))
    return signals


# how long a recognition lasts, or its review, as a text states it ("认定有效期三年", "资格每年复核")
_STATUS_TERM_STATED = re.compile(
    r"(?:认定|资格|称号|证书)[^。;;]{0,12}(?:有效期|复核|复审|重新认定)|(?:有效期|复核|复审)[^。;;]{0,6}(?:认定|资格)"
)
# a contact detail a text gives: a number, an address, a site
_CONTACT_DETAIL = re.compile(r"电话|热线|邮箱|网址|官网|http|www\.|@|\d{7,}|\d{3,4}-\d{7,8}")


# a clause heading as a sentence of its own: its number and a short title ("11. 促进领军企业跨越发展。")
_HEADING = re.compile(
    r"(?:\d{1,2}\s*[.、.]\s*|[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十\d]{1,3}[))])[^,,;;。]{2,30}。?$"
)
# the words that repeal a document, and a document repealed by name ("原区党委〔2017〕15 号文件废止", "…同时停止执行")
REPEALS = re.compile(r"废止|停止执行|不再执行|失效")
_REPEALED = re.compile(rf"^[^。;;]{{0,12}}(?:同时)?(?:{REPEALS.pattern})")


def repealing_clause(corpus: Corpus, doc_number: str) -> Clause | None:
    """The first clause of a document with text that repeals the document numbered ``doc_number``."""
    wanted = compact(doc_number)
    for clause in corpus.clauses():
        text = compact(clause.text)
        at = text.find(wanted)
        while at >= 0:
            if _REPEALED.search(text[at + len(wanted) :]):
                return clause
            at = text.find(wanted, at + 1)
    return None


def _stated_terms(corpus: Corpus, read: list[Chunk], as_of: date | None = None) -> list[tuple[int, int]]:
    """The years from start to end of the documents read whose text states both (区办〔2023〕9号: 2023-2026);
    one that states a start and no end is in force from it to ``as_of`` (区办〔2023〕8号, 自2023年5月8日起施行)."""
    spans = []
    for doc_no in {chunk.doc_no for chunk in read}:
        doc = corpus.documents.get(doc_no)
        if doc is None or doc.dates.effective_from is None:
            continue
        if doc.dates.expires_on is not None:
            spans.append((doc.dates.effective_from.year, doc.dates.expires_on.year))
        elif as_of is not None and doc.status(as_of) == Validity.IN_FORCE:
            spans.append((doc.dates.effective_from.year, as_of.year))
    return spans


def _metric_unstated(plan: QueryPlan, quotes: list[str], known: Terms) -> str:
    """The metric a question asks the figure of ("杭州市五星级总部企业评定,营收要达到多少?"), when no quote on what
    it is asked of names it in any of its wordings (the 星级 award's clause states what the rating pays, not what
    it takes; a quote sharing nothing with the question but the metric is another thing's): "" else."""
    if not plan.asked_metric or not quotes:
        return ""
    wordings = [compact(w) for w in plan.asked_metric if not w.isascii()]
    # (or the head of its name: "研发费用占营业收入比例" is stated by a quote on "研发费用…占…")
    wordings.append(wordings[0][:4])
    # a quote on what the figure is asked of: one holding a word of the question besides the metric's
    subjects = [
        k
        for k in known
        if not asking_word(k) and not any(compact(a) in wordings for a in known.alternatives.get(k, (k,)))
    ]
    about = [q for q in quotes if any(known.found(k, loose(q)) for k in subjects)] or quotes
    said = compact(" ".join(about))
    return "" if any(w in said for w in wordings) else plan.asked_metric[0]


def _with_lead_ins(corpus: Corpus, chunk: Chunk) -> str:
    """A chunk's text with the text of each clause enclosing it that introduces its items with a colon
    ("二、认定条件 本意见所称总部企业,是指…工商登记、税务登记和统计关系均在本区…。符合下列条件之一的,…:"): an item
    of a list is governed by the words that open the list."""
    doc = corpus.documents.get(chunk.doc_no)
    if doc is None:
        return chunk.indexed_text
    return chunk.indexed_text + _lead_ins(doc, chunk.start)


_LEAD_INS: dict[tuple[int, int], tuple[PolicyDocument, str]] = {}


def _lead_ins(doc: PolicyDocument, start: int) -> str:
    """The lead-ins of the clauses enclosing offset ``start`` of ``doc``, read once per chunk (the cache holds the
    document itself, so that an entry is never another document's that took its place in memory)."""
    cached = _LEAD_INS.get((id(doc), start))
    if cached is not None and cached[0] is doc:
        return cached[1]
    if len(_LEAD_INS) > 20_000:
        _LEAD_INS.clear()
    text = _enclosing_lead_ins(doc, start)
    _LEAD_INS[(id(doc), start)] = (doc, text)
    return text


def _enclosing_lead_ins(doc: PolicyDocument, start: int) -> str:
    clauses = doc.clauses
    at = next((i for i, c in enumerate(clauses) if c.start <= start < max(c.end, c.start + 1)), None)
    if at is None:
        return ""
    out = []
    level = clauses[at].level
    for clause in reversed(clauses[:at]):
        if clause.level < level:
            level = clause.level
            if clause.text.rstrip().endswith((":", ":")):
                out.append(clause.text)
    return "".join(f" {text}" for text in out)


def _unrated_coverage(plan: QueryPlan, known: Terms, chunks: list[Chunk]) -> float:
    """The coverage of a text that names the kind a question rates at a level ("国家级小巨人") without rating it at
    any level ("专精特新“小巨人”企业…100 万元"): the level asked is no word such a text lacks (one that rates the kind
    at other levels only is the absent grade's case). 0 when the question rates no kind at one level."""
    levels = [v for f, v in plan.grades if f == "level"]
    subject = plan.level_subject
    if len(plan.grades) != 1 or not levels or not subject:
        return 0.0
    words = {k for k in known if all(LEVEL_WORD.fullmatch(a) for a in known.alternatives.get(k, (k,)))}
    if not words or len(words) == len(known):
        return 0.0
    rest = Terms({k: w for k, w in known.items() if k not in words}, known.alternatives)
    best = 0.0
    for chunk in chunks:
        text = re.sub(r"[\s“”\"]", "", chunk.indexed_text)
        if subject not in text or any(m.group(4) and subject in m.group(4) for m in LEVELLED.finditer(text)):
            continue
        best = max(best, coverage(rest, chunk.indexed_text))
    return best


def _parts_coverage(plan: QueryPlan, known: Terms, chunks: list[Chunk]) -> float:
    """The least of the parts' coverage, each part's concepts measured against the chunk that holds most of
    them (0 when the question has one part, or a part has no concept of its own)."""
    if len(plan.parts) < 2 or plan.crossdoc:
        return 0.0
    least = 1.0
    for part in plan.parts:
        own = part_terms(known, part)
        if not own or not sum(own.values()):
            return 0.0
        least = min(least, max((coverage(own, c.indexed_text) for c in chunks), default=0.0))
    return least


_ASKS_RECOGNITION = re.compile(
    r"怎么认定|如何认定|认定(?:条件|标准|要求)|怎样才(?:能|算)|才算|"
    # "想被认定为瞪羚企业,营收和增速要达到什么条件?"
    r"认定为[^。??]{0,30}?(?:什么|哪些|啥)(?:条件|标准|要求)|"
    # "认定瞪羚企业需要什么条件?", "瞪羚企业要满足什么条件才能认定?"
    r"认定[^。,,??]{0,20}?(?:什么|哪些|啥)(?:条件|标准|要求)|(?:什么|哪些|啥)(?:条件|标准|要求)[^。,,??]{0,6}?认定|"
    # "认定瞪羚企业对营收增长率的具体门槛是什么?": the recognition's thresholds
    r"认定(?:为)?[^。,,??]{0,30}?门槛|"
    r"how (?:is|are|do|does|can) [^?]{0,40}recogni[sz]|criteria|"
    r"\bto be (?:recogni[sz]ed|certified|rated) as\b|\bqualify as\b",
    re.I,
)
# the kind named as recognised already ("对经认定的瞪羚企业"), or as what a company may go on to apply for
# ("支持“专精特新”企业申报“瞪羚企业”"): neither says how it is recognised
_ALREADY_RECOGNISED = re.compile(r"(?:经|已|被)?认定的$|经认定$|(?:申报|争创|创建)$")
_SETS_CONDITIONS = re.compile(r"条件|标准|是指|应当|须|以上|不低于")


def _recognised_elsewhere(plan: QueryPlan, wordings: list[str], quotes: list[str]) -> bool:
    """How a kind is recognised is asked, and the quotes name it only as recognised already ("对经认定的瞪羚
    企业…"), in no sentence that sets conditions for it."""
    if not wordings or not _ASKS_RECOGNITION.search(plan.asked_text or plan.original):
        return False
    seen_recognised = False
    for sentence in (t for q in quotes for t in re.split(r"[。;;]", q)):
        plain = sentence.replace("“", "").replace("”", "")
        for wording in wordings:
            at = plain.find(wording)
            if at < 0:
                continue
            if _SETS_CONDITIONS.search(plain):
                return False
            seen_recognised = seen_recognised or bool(_ALREADY_RECOGNISED.search(plain[max(0, at - 5) : at]))
    return seen_recognised


# a benefit's own words: what is subsidised or rewarded stands right before them ("电费补贴", "食堂的补助")
_BENEFIT_WORD = re.compile(r"的?(?:补贴|补助|奖励|资助|贴息|优惠|奖金|返还|津贴|减免)")
# the word classes of a thing or an activity (jieba's dictionary tags): not numbers (一笔), pronouns (啥子),
# times (当时) or verbal nouns (对应的奖励), which stand before a benefit word without naming what it is for
_THING_CLASSES = frozenset({"n", "nz", "ng", "v"})
# a word of money itself (现金奖励, 全额补贴, 单笔奖励) says how a benefit is paid, not what it is for
_MONEY_MORPHEME = re.compile(r"[金额款钱笔]")


def _unknown_benefit(plan: QueryPlan, unknown: list[str], weights: TermWeights) -> str:
    """The benefit a question asks the existence of ("有没有午餐补贴?") when what it is for is a word of general
    Chinese that the compilation never uses (not a prize's name: "一等奖奖金" asks a grade, which the grade signal
    judges)."""
    from indexing.keyword import in_dictionary, word_bounds, word_class

    if plan.lang != "zh" or plan.claimed or not (plan.asks_if_given or Asked.YES_NO in plan.asked):
        return ""  # whether such a benefit is given is asked, not what a benefit the asker heard of gives
    text = plan.asked_text or plan.original
    bounds = word_bounds(text)
    for word in unknown:
        if len(word) < 2 or word.endswith("奖") or _MONEY_MORPHEME.search(word):
            continue
        if not in_dictionary(word) or word_class(word) not in _THING_CLASSES:
            continue
        if word.endswith("费") and len(word) > 2 and weights.df(word[:-1])[0]:
            continue  # the fee of a thing the compilation speaks of (检测费: its vouchers pay for 检测)
        for named in re.finditer(re.escape(word) + _BENEFIT_WORD.pattern, text):
            if named.start() in bounds:  # a whole word of the question, not the tail of one (服务器, not 务器)
                return named.group().replace("的", "")
    return ""


# a fee asked what it comes to or how it is set ("劳务费是多少?", "评审费按什么标准给?"), not a benefit paid for it
_FEE_ASKED = re.compile(r"的?(?:标准)?(?:是|为|按|怎么|如何|大概)?(?:多少|几|什么标准|啥标准|怎么算|怎么定|如何计算)")
# ... or how much of it is paid back ("差旅费区里能补多少?", "装修费可以报销多少"): no text names it, none pays for it
_FEE_PAID = re.compile(r"[^,,。;;??!!\s]{0,4}?(?:能|可以|可|会)?(?:补|报销|补贴|补助|资助|报)(?:多少|几成|百分之几)")


def _unknown_fee(plan: QueryPlan, unknown: list[str], weights: TermWeights) -> str:
    """A fee the question asks the amount, standard or refund of ("评审专家的劳务费按什么标准发?") that the
    compilation never names, nor what it is paid for: no text states what such a fee comes to, whatever else of the
    topic it holds (a fee of a thing it speaks of, 房租费 of 房租, may be its own words for what the text calls
    otherwise: 租金)."""
    if plan.lang != "zh":
        return ""
    text = plan.asked_text or plan.original
    for word in unknown:
        if len(word) < 3 or not word.endswith("费") or weights.df(word[:-1])[0]:
            continue
        at = text.find(word)
        if at >= 0 and (_FEE_ASKED.match(text, at + len(word)) or _FEE_PAID.match(text, at + len(word))):
            return word
    return ""


# what an English question asks to have subsidised: the words right after the subsidising ("subsidise commuter
# shuttle buses", "a subsidy for dog grooming"), up to a word that ends the thing named
_SUBSIDISED = re.compile(
    r"\b(?:subsidi[sz](?:e|es|ed|ing)|subsid(?:y|ies) (?:for|on|towards?)|reimburs(?:e|es|ed|ing|ement for))\s+"
    # (past what counts it: "part of the costs of", "each", "some of our")
    r"(?:(?:part|parts|portion|share|half|some|all|most|each|every|any)\s+(?:of\s+)?)?"
    r"(?:the |our |a |an |any |their |its )?(?:(?:cost|costs|expenses?|fees?)\s+of\s+)?"
    r"(?P<thing>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})",
    re.I,
)
_THING_ENDS = re.compile(r"\s+(?:for|of|in|at|on|to|from|with|by|per|and|or|if|when|that|which)\b.*$", re.I)


def _unknown_english_benefit(question: str) -> str:
    """The thing an English question asks to have subsidised when the glossary knows none of its words and they are
    no asking words ("How much … to subsidise commuter shuttle buses for headquarters staff?": shuttle buses): the
    compilation never mentions it, whatever company it is for."""
    for m in _SUBSIDISED.finditer(question):
        thing = _THING_ENDS.sub("", m.group("thing")).strip()
        words = [w for w in re.findall(r"[a-z][a-z-]*", thing.lower()) if w not in lexicon.QUESTION_NOISE]
        if not words or not any(len(w) >= 4 for w in words):
            continue
        if not lexicon.english().matches(thing):
            return thing
    return ""


# a year a sentence sets something for ("2023 年全区固定资产投资力争…", "到 2025 年,…力争"), not a day (2023年5月)
_YEAR_OF = re.compile(r"(?<![\d〔\[(（])(20\d{2})\s*年(?!\s*\d{1,2}\s*月)")


def _other_years(
    plan: QueryPlan, quotes: list[str], named_years: set[str], first_term: Sequence[tuple[int, int]] = ()
) -> tuple[str, ...]:
    """The years the leading quotes are for, when the question asks about another year and not about a date or
    whether a policy still applies (a policy's validity is a date its own text states); ``named_years``: the
    years of the quoted documents, which name them. A first quote that is for no year of its own, of a document
    in force in the year asked (``first_term``: its stated start and end years), answers for that year whatever
    year the next quote's target is."""
    asked = [y for y in plan.years if y not in plan.dating_years and y not in named_years]
    if not asked or plan.asks_date or plan.asks_still or not quotes:
        return ()
    if not _YEAR_OF.search(quotes[0]) and all(any(a <= int(y) <= b for a, b in first_term) for y in asked):
        return ()
    stated = tuple(dict.fromkeys(_YEAR_OF.findall(" ".join(quotes[:2]))))
    if stated:
        return stated if not set(stated) & set(asked) else ()
    if first_term and all(int(y) > max(end for _, end in first_term) for y in asked):
        # a year after the first quote's document had ended ("2024年…社零企业首次纳入限上是不是还是奖2万?" of a
        # policy for 2023 only): its text is for its own term, not the year asked
        start, end = first_term[0]
        return (str(start) if start == end else f"{start}–{end}",)
    return ()


_CLAUSES = re.compile(r"[,,;;。!!??]")


def _absent_grade(plan: QueryPlan, quotes: list[str]) -> tuple[str, tuple[str, ...], int]:
    """The grade asked that the quoted list lacks (its label, the grades listed, and which quote lists them),
    asked what it gives or whether it gives anything ("CCF B类会议论文有奖励吗?": the list rewards A类 only)."""
    if not (plan.grades or plan.side_grades) or plan.crossdoc:
        return ("", (), -1)
    absent = absent_grade(plan.grades, quotes)
    if absent is None and not plan.raises:
        # each of a family's values named side by side is asked ("二星级的奖多少?和三星级比差多少?"): one the
        # list lacks is not answered by the others it lists (a move up from one to another is asked apart)
        absent = next(
            filter(
                None, (absent_grade((*plan.grades, grade), quotes) for grade in plan.side_grades if grade[0] != "level")
            ),
            None,
        )
    levels = [v for f, v in plan.grades if f == "level"]
    if absent is None and len(plan.grades) == 1 and levels:
        # a level alone: the quotes rate the kind asked at other levels only ("省级专精特新中小企业", asked 市级)
        absent = absent_level(levels[0], plan.level_subject, quotes, plan.level_wordings)
    subject = plan.level_subject or plan.level_kind
    if absent is None and not levels and plan.lang == "zh":
        # two levels named, and the last clause, which asks, names one of them alone ("政策奖励省级专精特新中小
        # 企业,那市级专精特新企业能奖多少?"): the others are what the asker tells of the text; that one is asked
        last = next((c for c in reversed(_CLAUSES.split(plan.asked_text or plan.original)) if c.strip()), "")
        alone = [v for f, v in question_grades(last, "zh") if f == "level"]
        if len(alone) == 1 and len([g for g in plan.side_grades if g[0] == "level"]) >= 2:
            subject = level_subject(last)
            absent = absent_level(alone[0], subject, quotes)
    if absent is None:
        return ("", (), -1)
    family, lang = absent.asked[0], plan.lang
    # the level the question names goes with the grade it lacks: "国家级三等奖" (the 省级 list has a 三等奖)
    level = dict(plan.grades).get("level") if family != "level" else None
    prefix = (label(("level", level), lang) + (" " if lang == "en" else "")) if level else ""
    # ... and a level alone goes with the kind it rates: "市级专精特新" (the list rates 省级专精特新)
    suffix = (" " if lang == "en" else "") + subject if family == "level" and subject else ""
    asked = prefix + label(absent.asked, lang) + suffix
    return (asked, tuple(prefix + label((family, v), lang) + suffix for v in absent.named), absent.quote)


def absent_milestone(plan: QueryPlan, facts: list[PolicyFact], quotes: list[str]) -> tuple[str, tuple[str, ...], int]:
    """A milestone the asker passed for the first time ("营收头一回过了10个亿") that the quoted award for first
    passing listed figures (营业收入首次突破20亿元、50亿元…1000亿元) does not list: like a grade a list lacks, the
    award gives nothing for it. Its label, the milestones listed, and which quote lists them."""
    firsts = [f for f in plan.user_figures if f.first_time and f.metric]
    if not firsts or plan.crossdoc:
        return ("", (), -1)
    compacted = [compact(q) for q in quotes]
    for figure in firsts:
        milestones = [
            (fact, c.threshold)
            for fact in facts
            if fact.variant
            for c in fact.conditions
            if c.first_time
            and c.comparator is Comparator.GT
            and c.threshold is not None
            and c.metric == figure.metric
            and c.threshold.unit == figure.unit
        ]
        for fact, _ in milestones:
            index = next((i for i, q in enumerate(compacted) if compact(fact.quote)[:24] in q), -1)
            if index < 0:
                continue
            listed = [t for f, t in milestones if f.name == fact.name and f.doc_no == fact.doc_no]
            if any(t.value == figure.value for t in listed):
                break  # the asker's milestone is one the award lists
            first, asked = (
                ("first passing ", f"{figure.metric} first passing {figure.display()}")
                if plan.lang == "en"
                else (f"{figure.metric}首次突破", f"{figure.metric}首次突破{figure.display()}")
            )
            return (asked, tuple(first * (i == 0) + t.display() for i, t in enumerate(listed)), index)
    return ("", (), -1)


def _absent_variant(
    plan: QueryPlan, known: Terms, facts: list[PolicyFact], quotes: list[str]
) -> tuple[str, tuple[str, ...], int]:
    """The question's most specific word, asked for a sum, names a kind that the best quote's list of kinds, each
    with its own sum ("对“单项冠军”企业、…省级“专精特新”中小企业分别最高给予200万元、…20万元"), does not pay:
    the quote names it only in a sentence that gives nothing ("推动创新型中小企业向…梯次升级。"). Like a grade
    the list lacks: the kind asked, the kinds listed, and the quote (0)."""
    if (
        not (Asked.AMOUNT in plan.asked or plan.asks_benefit)
        or plan.crossdoc
        or plan.user_figures
        or not quotes
        or not known
    ):
        return ("", (), -1)
    quote = compact(quotes[0])
    listed = [f for f in facts if f.variant and f.benefit is not None and compact(f.quote)[:24] in quote]
    if len({f.variant for f in listed}) < 2:
        return ("", (), -1)
    top = max(known, key=lambda k: known[k])
    wordings = [compact(a) for a in known.alternatives.get(top, (top,)) if len(a) >= 2]
    variants = [compact(re.sub(r"[“”\"]", "", f.variant)) for f in listed]
    if any(w in v or v.removesuffix("企业") in w for w in wordings for v in variants):
        return ("", (), -1)  # a kind the list pays
    sentences = [re.sub(r"[“”\"]", "", compact(s)) for s in re.findall(r"[^。!?！？]+", quotes[0])]
    holding = [s for s in sentences if any(w in s for w in wordings)]
    if not holding or any(FIGURE.search(s) for s in holding):
        return ("", (), -1)  # not named apart from what the list gives
    # the kind as the quote names it ("创新型" -> 创新型中小企业): the word asked must name a kind of company
    plain = holding[0]
    kinds = [
        m.group()
        for w in wordings
        for m in [re.search(re.escape(w) + (r"" if w.endswith("企业") else r"[\u4e00-\u9fff]{0,6}?企业"), plain)]
        if m
    ]
    if not kinds:
        return ("", (), -1)
    said = kinds[0]
    return (said, tuple(dict.fromkeys(f.variant for f in listed)), 0)


# the heads of a benefit's name (研发资助, 房租补贴, 配套), and what a sum is said with when it is not stated
_BENEFIT_HEAD = re.compile(r"补贴|资助|补助|奖励|配套|扶持|激励|贴息")
_VAGUE = re.compile(
    r"一定(?:比例|数额|金额|额度|的)|给予一定|给予相[关应]|享受相应|参照|视情|酌情|另行(?:制定|规定|研究)|分档"
)
# where a part starts saying what is given (its conditions before: "对年出口额达500万美元以上的…企业,")
_GIVING = re.compile(r"给予|予以|[按依]照?|补贴|资助|补助|奖励|配套")
# a question that names no benefit asks what is got ("能拿多少?", "how much does it get?")
_GETS = re.compile(
    r"能拿|拿多少|能得|得多少|给多少|能给|能领|[补奖]多少|\bgets?\b|receive|award|grant|subsid|reward|\bpaid\b", re.I
)
_PARTS = re.compile(r"[^;;。!?！？]+")
# what a share is asked of ("按营收增量的百分之几", "按投资额多少比例")
_SHARE_BASE = re.compile(r"按([^,,。??按]{1,12}?)的?(?:百分之|多少比例|什么比例|比例|几成|多少%|几个点)")


# the words that ask how much ("多少", "几个亿", "几个点", "how much"): a question's count of them is how many
# figures it asks
_HOW_MUCH = re.compile(r"多少|几(?:个|十|百|千)?[万亿]|几个?点|百分之几|how (?:much|many)", re.I)


def _vague_benefit(plan: QueryPlan, known: Terms, weights: TermWeights, quotes: list[str]) -> tuple[str, str, int]:
    """A sum or share asked of a benefit ("研发资助具体是几个点?") that the quotes name only vaguely: every part
    (between ;/。) that names the benefit states no figure, and one says how vaguely ("给予一定比例的研发资助支持",
    "参照《…办法》给予配套支持", "分档给予补助", "具体标准另行制定"). The benefit is the last one the question names
    (the one its question word asks of: "除了房租补贴,研发资助几个点?"), in the compilation's own wording (the
    longest ending of the words before it that the compilation uses), in a quote that names the question's most
    specific other word (in the part itself when the benefit is a bare head: 配套); a question that names no benefit
    (an English one, "数字化车间能拿多少?") asks it of its most specific word. The benefit, the vague part and
    which quote holds it."""
    if not ({Asked.AMOUNT, Asked.RATIO} & plan.asked) or plan.crossdoc or not quotes or not known:
        return ("", "", -1)
    if plan.user_figures and plan.asked & {Asked.CRITERION, Asked.YES_NO}:
        return ("", "", -1)  # whether the asker's figures qualify is asked too: the condition answers that
    asked = plan.asked_text or plan.original
    if plan.asked_metric and len(_HOW_MUCH.findall(asked)) < 2:
        return ("", "", -1)  # "年出口额要到多少才有海外拓市奖励?": its one 多少 asks the threshold, not the sum
    heads = list(_BENEFIT_HEAD.finditer(asked)) if plan.lang == "zh" else []
    top = max(known, key=lambda k: known[k])
    if heads:
        head = heads[-1]
        before = re.split(r"[的给了是按和及与,,、 ]", asked[: head.start()].removesuffix("的"))[-1]
        wording = next(
            (
                w
                for i in range(max(len(before) - 4, 0), len(before) + 1)
                for w in [before[i:] + head.group()]
                if loose(w) in weights.corpus_text
            ),
            head.group(),
        )
        bare = wording == head.group()
        wordings = [wording]
        # (not the base a share asked is of: 营收增量 in "按营收增量的百分之几?")
        base = "".join(m.group(1) for m in _SHARE_BASE.finditer(asked))
        other = max((k for k in known if k not in wording and k not in base), key=lambda k: known[k], default=None)
        if bare and other is None:
            return ("", "", -1)
    elif _GETS.search(asked):
        before = ""
        # no benefit word ("数字化车间能拿多少?", or in English): the question's most specific word is what the
        # sum is asked of, in the compilation's wording
        wordings = [a for a in known.alternatives.get(top, (top,)) if len(a) >= 2 and loose(a) in weights.corpus_text]
        if not wordings:
            return ("", "", -1)
        wording, bare, other = wordings[0], False, None
    else:
        return ("", "", -1)  # a sum asked of no benefit ("产业基金规模多大?")
    naming = [
        (i, part)
        for i, quote in enumerate(quotes)
        for part in _PARTS.findall(quote)
        # (in a quote that holds the topic: "可视情在房租补贴上加大支持力度" is about large investments, not 5050计划)
        if any(loose(w) in loose(part) for w in wordings)
        and (other is None or known.found(other, loose(part if bare else quote)))
    ]
    if not naming:
        return ("", "", -1)
    if Asked.RATIO in plan.asked and not plan.asked & {Asked.AMOUNT, Asked.COUNT, Asked.PERIOD, Asked.CRITERION}:
        # only a share is asked ("规模增长奖励按营收增量的百分之几?") of a measure that gives a sum and no share
        # ("…平均增幅超过10%…可以申请专项奖励。奖励金额原则上最高不超过2000万元": 10% is its condition): the
        # part that states the sum is what the text says instead
        # (the measure's parts: those naming it, and those naming no other benefit, "可以申请专项奖励")
        own = set(_BENEFIT_HEAD.findall(wording))
        measure = [
            (i, part)
            for i in dict.fromkeys(i for i, _ in naming)
            for part in _PARTS.findall(quotes[i])
            if any(loose(w) in loose(part) for w in wordings) or set(_BENEFIT_HEAD.findall(part)) <= own
        ]
        if any(_states_sum(part, shares_only=True) for _, part in measure):
            return ("", "", -1)
        summed = [(i, part) for i, part in measure if _states_sum(part)]
        if summed and not any(_VAGUE.search(part) for _, part in naming):
            index, part = summed[0]
            return (_named(wording, bare, before, other, known, quotes[index]), _one_line(part), index)
    if any(_states_sum(part) for _, part in naming):
        return ("", "", -1)
    vague = [(i, part) for i, part in naming if _VAGUE.search(part)]
    if not vague:
        return ("", "", -1)
    index, part = vague[0]
    return (_named(wording, bare, before, other, known, part), _one_line(part), index)


def _one_line(part: str) -> str:
    return re.sub(r"\s*\n\s*", "", part.strip())


def _named(wording: str, bare: bool, before: str, other: str | None, known: Terms, text: str) -> str:
    """The benefit as the not-found answer names it: a bare head with what it is asked of, in the asker's words
    that ``text`` holds (数字化车间补助)."""
    if not bare:
        return wording
    read = loose(text)
    held = [k for k in known if loose(k) in read]
    said = next((before[i:] for i in range(len(before)) if _all_known(before[i:], held)), "")
    return f"{said or other}{wording}"


def _all_known(words: str, keys: list[str]) -> bool:
    """Whether each character of ``words`` belongs to one of ``keys`` found in it (数字化车间 is 数字化 + 车间;
    区里具体 is no concept's)."""
    covered = [False] * len(words)
    for key in keys:
        for m in re.finditer(re.escape(key), words):
            covered[m.start() : m.end()] = [True] * len(key)
    return bool(words) and all(covered)


def unstated_sum(quote: str) -> str:
    """What ``quote`` says it gives, only vaguely ("给予一定额度的海外拓市奖励支持", from the clause that starts
    saying it), when no part of it states a sum or share in what it gives."""
    parts = _PARTS.findall(quote)
    if any(_states_sum(part) for part in parts):
        return ""
    part = _one_line(next((part for part in parts if _VAGUE.search(part)), ""))
    giving = _what_it_gives(part)
    return giving if _VAGUE.search(giving) else part


def _what_it_gives(part: str) -> str:
    """``part`` from the comma clause that starts saying what is given (its conditions before it left out)."""
    clauses = re.split(r"(?<=[,,])", part)
    start = next((i for i, c in enumerate(clauses) if _GIVING.search(c)), 0)
    return "".join(clauses[start:])


def _states_sum(part: str, shares_only: bool = False) -> bool:
    """Whether a part states a sum or share (``shares_only``: a share) in what it gives, not only in the
    condition before it."""
    giving = _what_it_gives(part)
    return bool((not shares_only and GIVEN.search(giving)) or SHARE.search(giving))


def _other_audience(plan: QueryPlan, quoted: list[Chunk], quotes: list[str], corpus: Corpus) -> tuple[str, str]:
    """The kind of company the question names and another kind that every quoted document is for, when no
    quote names the asked kind ("总部企业参加境外展会…" answered only from the 专精特新 document) and the
    question (its glosses included: "AI公司") does not name that other kind too."""
    from service.answering import fact_terms

    question = plan.asked_text or plan.original
    asked = [t for t in fact_terms.of_kind("audience") if t.surface in question or t.canonical in question]
    if not asked or not quoted:
        return ("", "")
    names = {
        f for t in fact_terms.of_kind("audience") if t.canonical == asked[0].canonical for f in (t.surface, t.canonical)
    }
    if any(loose(name) in loose(text) for text in quotes for name in names):
        return ("", "")
    audiences = {fact_terms.last_before("audience", corpus.documents[c.doc_no].title) for c in quoted}
    others = {a.canonical for a in audiences if a is not None}
    if None in audiences or len(others) != 1 or others & {t.canonical for t in asked}:
        return ("", "")  # a general document, or one for the asked kind, may well apply
    other = others.pop()
    read = loose(plan.text)
    if loose(other) in read or loose(other.removesuffix("企业")) in read:
        return ("", "")  # the asker is of that kind too
    return (asked[0].canonical, other)


def decide(signals: Signals, config: JudgeConfig) -> Verdict:
    """The verdict for ``signals`` under the thresholds of ``config``."""
    verdict = _decide(signals, config)
    held = verdict.status is AnswerStatus.ANSWERED or (verdict.status is AnswerStatus.NOT_FOUND and verdict.topic_held)
    if held and signals.vague_benefit[0]:
        # the text found holds the topic but names the benefit asked only vaguely: what it says is no sum, and
        # the not-found answer quotes it (a listed document that may state it keeps its toc_only)
        return Verdict(
            AnswerStatus.NOT_FOUND,
            f"the text names {signals.vague_benefit[0]} without stating how much",
            signals.coverage,
            vague=signals.vague_benefit,
        )
    return verdict


def _decide(signals: Signals, config: JudgeConfig) -> Verdict:
    cov = signals.coverage
    toc_docs = [m.doc for m in signals.toc]
    if signals.catalogue:
        return Verdict(AnswerStatus.ANSWERED, "a question about the compilation itself: its table of contents answers")
    if not signals.has_content:
        return Verdict(AnswerStatus.NOT_FOUND, "the question has no words to look up")
    if signals.beyond_partial:
        return Verdict(
            AnswerStatus.TOC_ONLY,
            "the part of the document that would answer is not loaded",
            cov,
            signals.beyond_partial,
        )
    if signals.unlisted_docs and signals.repealed:
        return Verdict(
            AnswerStatus.ANSWERED,
            f"a loaded document repeals {'、'.join(signals.unlisted_docs)}",
            cov,
            unlisted=signals.unlisted_docs,
            repealed=True,
        )
    if signals.unlisted_docs:
        return Verdict(
            AnswerStatus.NOT_FOUND,
            f"the compilation holds no document numbered {'、'.join(signals.unlisted_docs)}",
            cov,
            unlisted=signals.unlisted_docs,
        )
    if signals.other_place:
        return Verdict(AnswerStatus.NOT_FOUND, "the question is about another place", cov)
    if signals.other_government:
        return Verdict(AnswerStatus.NOT_FOUND, "the question is about another government's own rules", cov)
    if signals.tax_owed:
        return Verdict(
            AnswerStatus.NOT_FOUND, "the question is about tax owed, which national tax law sets", cov, tax_owed=True
        )
    if signals.other_audience[0]:
        asked, other = signals.other_audience
        return Verdict(
            AnswerStatus.NOT_FOUND, f"the text found is for {other}, not {asked}", cov, audience=(asked, other)
        )
    if signals.absent_grade[0]:
        asked, named, _ = signals.absent_grade
        return Verdict(
            AnswerStatus.NOT_FOUND,
            f"the text lists {'、'.join(named)}, not the {asked} asked",
            cov,
            grade=signals.absent_grade,
        )
    if signals.asks_outcome:
        return Verdict(
            AnswerStatus.NOT_FOUND, "the compilation states rules and targets, not results or later policies", cov
        )
    if signals.unissued_year:
        first, _, last = signals.issued_span.partition("–")
        return Verdict(
            AnswerStatus.NOT_FOUND,
            f"the compilation holds no policy issued in {signals.unissued_year} (its documents: {signals.issued_span})",
            cov,
            issued=(signals.unissued_year, first, last),
        )
    if signals.unknown_year:
        return Verdict(
            AnswerStatus.NOT_FOUND, "the compilation never mentions the year asked about", cov, year_unmentioned=True
        )
    if signals.other_years and not signals.structured:
        return Verdict(
            AnswerStatus.NOT_FOUND, f"the text found is for {'、'.join(signals.other_years)}, not the year asked", cov
        )
    if toc_docs and signals.specific_listed:
        return Verdict(
            AnswerStatus.TOC_ONLY,
            "the question's most specific wording is only a listed document's: its text is not in the compilation",
            cov,
            toc_docs,
        )
    if signals.unknown_benefit and not signals.structured:
        return Verdict(
            AnswerStatus.NOT_FOUND,
            f"the compilation gives no {signals.unknown_benefit}: what it is for is never mentioned",
            cov,
            unused=signals.unused,
            benefit=signals.unknown_benefit,
        )
    if toc_docs and signals.grades_unstated and signals.toc_area >= config.toc_fallback and not signals.structured:
        return Verdict(
            AnswerStatus.TOC_ONLY,
            "the grades asked are in no text found, and a listed document holds the topic",
            cov,
            toc_docs,
        )
    if toc_docs and signals.recognised_elsewhere and not signals.structured:
        return Verdict(
            AnswerStatus.TOC_ONLY,
            "how it is recognised is asked; the loaded text names it only as recognised already, and a listed title"
            " holds it",
            cov,
            toc_docs,
        )
    if toc_docs and signals.specific_unquoted and not signals.structured:
        return Verdict(
            AnswerStatus.TOC_ONLY,
            "the question's most specific word points to a listed document, and the loaded text's answer lacks it",
            cov,
            toc_docs,
        )
    if toc_docs and signals.toc_uncovered >= config.toc_min and signals.toc_uncovered >= signals.loaded_share:
        return Verdict(
            AnswerStatus.TOC_ONLY,
            f"{signals.toc_uncovered:.0%} of the topic points to a listed document and is not in the loaded text",
            cov,
            toc_docs,
        )
    if signals.residency_rule:
        return Verdict(AnswerStatus.ANSWERED, "the rule requires in the district what the asker has outside it", cov)
    if signals.contact_unstated:
        return Verdict(
            AnswerStatus.NOT_FOUND,
            f"a {signals.contact_unstated} is asked; no text gives one",
            cov,
            topic_held=True,
            unused=signals.unused,
            contact=signals.contact_unstated,
        )
    if signals.status_term_unstated:  # (a document's own date statement, read from its structure, is not it)
        return Verdict(
            AnswerStatus.NOT_FOUND,
            "how long a recognition lasts is asked; no text states it",
            cov,
            topic_held=True,
            unused=signals.unused,
            status_term=True,
        )
    if signals.per_unstated and not signals.structured:
        return Verdict(
            AnswerStatus.NOT_FOUND,
            f"an amount per {signals.per_unstated} is asked; no text on the topic states one",
            cov,
            topic_held=True,
            unused=signals.unused,
            per=signals.per_unstated,
        )
    if signals.metric_unstated and not signals.structured:
        return Verdict(
            AnswerStatus.NOT_FOUND,
            f"the figure of {signals.metric_unstated} is asked; no text on the topic states one",
            cov,
            topic_held=True,
            unused=signals.unused,
            metric=signals.metric_unstated,
        )
    if signals.off_subject and not signals.structured:
        if toc_docs and signals.toc_area >= config.toc_fallback:
            return Verdict(
                AnswerStatus.TOC_ONLY,
                f"the text found is another document's; {signals.toc_area:.0%} of the topic points to a listed one",
                cov,
                toc_docs,
            )
        return Verdict(
            AnswerStatus.NOT_FOUND,
            "the text found is another document's; the one the question names does not state what is asked",
            cov,
            topic_held=True,
            unused=signals.unused,
        )
    strong = signals.structured or (
        cov >= config.answer_coverage
        and signals.unknown_share <= config.unknown_max
        and signals.attribute_share >= config.attribute_topic
        # (a text holding every word of the question answers whatever e5 says; "every known word" is not that
        # when the question has words the compilation never uses)
        and (
            signals.dense is None
            or signals.dense >= config.dense_min
            or (cov >= 1.0 - 1e-9 and not signals.unknown_share)
            # (a name the asker quotes, which the best quote holds word for word: “见贷即保”)
            or signals.quoted_held
        )
    )
    margin = signals.area_margin if signals.area_margin is not None else -1.0
    area_docs = [signals.area_doc] if signals.area_doc is not None else []
    # a framework document's text that holds the whole topic answers, though it leaves details to later ones
    framed = signals.delegated and signals.toc_area >= config.toc_fallback and cov < config.delegated_coverage - 1e-9
    if strong and not framed:
        return Verdict(AnswerStatus.ANSWERED, f"coverage {cov:.2f}", cov)
    if (
        cov >= 1.0 - 1e-9
        and signals.attribute_share < config.attribute_topic
        and signals.toc
        and not signals.toc_titled
        and not signals.delegated
    ):
        # the loaded text holds the whole topic, and only the everyday words of a listed document's area (no
        # word of its title) point to it: the loaded provision is the compilation's rule on it, silent on what
        # is asked ("被评为“智能工厂”,具体补多少钱?" against "对评定为…“智能工厂”…的企业,分档给予补助")
        return Verdict(
            AnswerStatus.NOT_FOUND,
            "the text on the topic does not state what is asked",
            cov,
            topic_held=True,
            unused=signals.unused,
        )
    if toc_docs and signals.toc_area >= config.toc_fallback:
        return Verdict(
            AnswerStatus.TOC_ONLY,
            f"the loaded text does not answer; {signals.toc_area:.0%} of the topic points to a listed document",
            cov,
            _unique(toc_docs + area_docs),
        )
    if toc_docs and signals.delegated:
        return Verdict(
            AnswerStatus.TOC_ONLY,
            "the loaded text does not answer: it only frames the topic and leaves the details to later documents,"
            " and a listed document shares the topic's words",
            cov,
            _unique(toc_docs + area_docs),
        )
    if area_docs and margin >= config.area_margin:
        return Verdict(
            AnswerStatus.TOC_ONLY,
            f"the loaded text does not answer; the question's area is a listed document's (margin {margin:.3f})",
            cov,
            _unique(area_docs + toc_docs),
        )
    if signals.unknown_share > config.unknown_max:
        return Verdict(
            AnswerStatus.NOT_FOUND,
            f"{signals.unknown_share:.0%} of the topic is wording the compilation never uses",
            cov,
        )
    if not signals.attribute_share >= config.attribute_topic:
        return Verdict(
            AnswerStatus.NOT_FOUND,
            "the text on the topic does not state what is asked",
            cov,
            topic_held=cov >= config.answer_coverage,
            unused=signals.unused,
        )
    return Verdict(AnswerStatus.NOT_FOUND, f"coverage {cov:.2f} of the question's words", cov)


def _off_subject(plan: QueryPlan, corpus: Corpus, read: list[Chunk]) -> bool:
    """The question names a document by its title's words or the kind of company it is for ("总部企业认定名单要
    公示几个工作日?"), and nothing read to answer it is that document's or names that subject: what it states is
    another subject's fact (the 标准创新奖's 公示)."""
    from service.answering import fact_terms

    named = [corpus.documents[d] for d in plan.boost_docs if d in corpus.documents]
    if not named or plan.doc_filter or not read or any(c.doc_no in plan.boost_docs for c in read):
        return False
    words = []
    for doc in named:
        words += [t for t in title_terms(doc.title) if t in plan.text]
        audience = fact_terms.last_before("audience", doc.title)
        if audience is not None and audience.canonical in plan.text:
            words.append(audience.canonical)
    text = loose(" ".join(c.indexed_text for c in read))
    return bool(words) and not any(loose(w) in text for w in words)


def _unique(docs: list[PolicyDocument]) -> list[PolicyDocument]:
    return list({d.doc_no: d for d in docs}.values())


def toc_matches(plan: QueryPlan, terms: Terms, weights: TermWeights, corpus: Corpus, loaded: str) -> list[TocMatch]:
    """Listed documents without text whose area the question points to, best first (at most two).

    ``area`` is the share of the topic's weight that points to the document: the question's concepts
    found in its title, and the words of its policy area (topics lexicon: 创新药 -> 生命健康);
    ``uncovered`` counts only the part of it that the retrieved loaded text (``loaded``, loose form) lacks.
    """
    asked = loose(plan.original)
    hints = plan.toc_hints
    hint_weight = {key: terms.get(key) or weights.idf(sum(weights.df(key))) for key, _ in hints}
    total = (sum(terms.values()) + sum(w for k, w in hint_weight.items() if k not in terms)) or 1.0
    matches = []
    # the text of the documents the question names by 文号: a title's words it quotes from there name their clause
    # ("区党委〔2019〕25号…其中“促进领军企业跨越发展”那一项" is its item 11, not the listed 杭高新〔2021〕8号)
    # (when a figure is asked of it: "…提到的促进领军企业跨越发展有专门文件吗?" may ask for the listed one)
    within = plan.doc_filter if plan.asked & FIGURE_KINDS else []
    named_text = loose("".join(c.text for c in corpus.clauses() if c.doc_no in within)) if within else ""
    for doc in corpus.documents.values():
        if doc.text_status is not TextStatus.TOC_ONLY:
            continue
        run = _title_named(doc, asked, corpus)
        if doc.doc_number in plan.doc_numbers or (run and run not in named_text):
            matches.append(TocMatch(doc, 1.0, 1.0, [doc.doc_number]))
            continue
        title = loose(doc.title)
        pointing: dict[str, float] = {}
        for key in terms:
            if any(len(a) >= 2 and a in title for a in terms.alternatives.get(key, (key,))):
                pointing[key] = terms[key]
        titled = bool(pointing)  # (before the area's words join)
        if str(doc.year) in plan.years and not plan.doc_filter and not plan.boost_docs and _titled_by(terms, doc):
            # its year and two words of its title ("2021年那个支持科技型中小企业融资的实施意见", "the 2021 opinions
            # on financing for tech SMEs"): the asker names it as a document is named in speech
            matches.append(TocMatch(doc, 1.0, 1.0, [doc.doc_number]))
            continue
        for key, targets in hints:
            if any(loose(t) in title for t in targets):
                pointing.setdefault(key, hint_weight[key])
        if not pointing:
            continue
        area = sum(pointing.values()) / total
        uncovered = sum(w for k, w in pointing.items() if not _found(terms, k, loaded)) / total
        matches.append(TocMatch(doc, min(area, 1.0), min(uncovered, 1.0), list(pointing), titled))
    named = [m for m in matches if m.words == [m.doc.doc_number]]
    if named:
        return named  # the question names them (文号 or title): those, and no neighbour by shared words
    matches.sort(key=lambda m: (m.uncovered, m.area), reverse=True)
    return matches[:2]


def _titled_by(terms: Terms, doc: PolicyDocument) -> bool:
    """Two of the question's concepts are distinctive words of ``doc``'s title (科技型, 中小企业, 融资 of
    《关于进一步支持科技型中小企业融资的实施意见》; not 实施意见, which every such title has)."""
    words = title_terms(doc.title)
    said = {w for k in terms for a in terms.alternatives.get(k, (k,)) if len(a) >= 2 for w in words if a in w or w in a}
    # two words of the title, not one word twice ("cultural" and "cultural export base" share only its 文化; 中小
    # and 小企业 are pieces of its one 中小企业)
    return sum(not any(w != o and w in o for o in said) for w in said) >= 2


TITLE_HEAD = 10  # characters of a title (without 关于) that name it when a question repeats them


def _title_named(doc: PolicyDocument, asked: str, corpus: Corpus) -> str:
    """The run of the document's title the question repeats, if it names it: its first ``TITLE_HEAD`` characters
    after 关于, or a run of at least that many of its characters that no other title has ("那份促进江北区块高质量
    发展的实施意见" names 《关于促进高新区江北区块高质量发展的实施意见》; "高质量发展的实施意见" alone names no one
    title)."""
    title = loose(doc.title).removeprefix("关于")
    if len(title) < TITLE_HEAD:
        return ""
    if title[:TITLE_HEAD] in asked:
        return title[:TITLE_HEAD]
    # (a run of TITLE_HEAD characters shares TITLE_HEAD - 1 pairs of characters with the question: a title that
    # shares fewer has no such run, and is not compared further)
    if sum(title[i : i + 2] in asked for i in range(len(title) - 1)) < TITLE_HEAD - 1:
        return ""
    match = SequenceMatcher(None, asked, title, autojunk=False).find_longest_match(0, len(asked), 0, len(title))
    if match.size < TITLE_HEAD:
        return ""
    run = title[match.b : match.b + match.size]
    return "" if any(run in loose(o.title) for o in corpus.documents.values() if o.doc_no != doc.doc_no) else run


def _loaded_share(plan: QueryPlan, terms: Terms, weights: TermWeights, loaded: str) -> float:
    """The share of the topic's weight (its TOC-area words included, as toc_matches counts them) held by
    the retrieved loaded text: a listed document wins only over less than it points to."""
    hints = plan.toc_hints
    extra = {key: weights.idf(sum(weights.df(key))) for key, _ in hints if key not in terms}
    total = (sum(terms.values()) + sum(extra.values())) or 1.0
    held = sum(w for k, w in terms.items() if terms.found(k, loaded))
    held += sum(w for k, w in extra.items() if _found(terms, k, loaded))
    return held / total


def _found(terms: Terms, key: str, haystack: str) -> bool:
    """Whether the loaded text holds a concept (or a topics-lexicon word, in any of the lexicons' wordings)."""
    if key in terms:
        return terms.found(key, haystack)
    wordings = (key, *lexicon.english().entries.get(key, ()), *lexicon.spoken().entries.get(key, ()))
    return any(loose(w) in haystack for w in wordings)


def attribute_support(
    plan: QueryPlan, quotes: list[str], terms: Terms, neighbour_credit: float = 1.0, titles: list[str] | None = None
) -> float:
    """How much of the topic the best quote sentence stating the asked kind of fact covers (0 when none
    states it; 1 when the question asks for nothing checkable).

    A sentence states a date, a criterion or a procedure by its wording, and a figure by a figure the asker
    did not give (nor a measure's yearly budget: "每年安排预算不少于2亿元" is what the district spends, not what
    a company gets). Topic words held only by the sentence before or after it count at ``neighbour_credit``:
    a condition and its figure often sit side by side, and so do two measures (a neighbour that grants
    something itself is such a measure, and lends none). A name the asker quotes must be in the sentence, or in
    the title of its document (``titles``, one per quote: all of "支持“专精特新”企业加快发展的实施意见" is about
    专精特新, its closing clause on who implements it too).
    """
    if not quotes:
        return 0.0
    states = _statement_tests(plan)
    if plan.asks_definition and states:
        # what a term means is stated by the sentence that defines it, whatever else the question's words ask
        wordings = [a for k in terms for a in terms.alternatives.get(k, (k,))]
        states.append(lambda s: defines(s, wordings))
    if not states:
        return 1.0
    best = 0.0
    names = [name for name in plan.quoted if name in terms]
    for q, sentences in enumerate(_sentences(quotes)):
        forms = [loose(s) for s in sentences]
        title = loose(titles[q]) if titles and q < len(titles) else ""
        required = [name for name in names if not terms.found(name, title)]
        for i, sentence in enumerate(sentences):
            if not any(test(sentence) for test in states):
                continue
            # a name the asker quotes is what they ask about: the sentence stating the fact must name it, or the
            # heading just before it must ("11. 促进领军企业跨越发展。每年安排预算不少于5亿元")
            heading = forms[i - 1] if i > 0 and _HEADING.match(sentences[i - 1].strip()) else ""
            if not all(terms.found(name, forms[i]) or terms.found(name, heading) for name in required):
                continue
            own = loose_coverage(terms, forms[i])
            # a neighbour that grants something itself is a measure of its own: its topic is not this figure's
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(sentences) and not GRANTS.search(sentences[j])]
            beside = [loose_coverage(terms, forms[j] + forms[i]) for j in near]
            best = max(best, own + neighbour_credit * (max(beside, default=own) - own))
    return best


def _statement_tests(plan: QueryPlan) -> list[Callable[[str], bool]]:
    """For each checkable kind of fact the question asks, a test of whether a sentence states it."""
    asked = plan.asked
    tests: list[Callable[[str], bool]] = []
    # "还能申请吗?" asks the validity of the clause's document, which its own dates state, not the clause
    if Asked.DATE in asked and not plan.checks_premise and not plan.asks_still:
        if plan.asks_deadline:
            # a deadline or an application window ("几月受理,什么时候截止?"): the policy's own validity is no answer
            tests.append(lambda s: bool(_DATE_STATED.search(_VALIDITY_STATED.sub(" ", s)) or _TIME_LIMIT.search(s)))
        else:
            tests.append(lambda s: bool(_DATE_STATED.search(s) or _TIME_LIMIT.search(s)))
    if Asked.CRITERION in asked:
        tests.append(lambda s: bool(_CRITERIA_STATED.search(s)))
    if asked == {Asked.YES_NO} and (plan.asks_benefit or plan.asks_if_given):
        # "有奖励吗?" is answered by a sentence that gives something ("给予…奖励"), not by one that encourages
        # ("鼓励上市企业再融资和并购重组") beside what the district spends ("每年安排…经费")
        tests.append(lambda s: bool(_GIVES.search(without_budgets(s, plan.asks_budget))))
    if Asked.PROCEDURE in asked and plan.asks_materials:
        # the papers to hand in are stated by a list of them, not by the words of a channel or an office
        tests.append(lambda s: bool(_MATERIALS_LISTED.search(s)))
    elif Asked.PROCEDURE in asked:
        tests.append(lambda s: bool(PROCEDURE_WORDS.search(without_titles(s))))
    kinds = {k for a in (asked | plan.checks_kinds) & set(FIGURE_NAMES) for k in FIGURE_NAMES[a]}
    if plan.asks_worth and not asked & {Asked.COUNT}:
        kinds.discard("count")  # "奖金多少?", "奖励多少?" are not answered by how many are awarded
    if kinds:
        # a figure the asker gave answers no "how much"; asked whether, of a figure they say the policy gives
        # ("能申请20%的投资补助吗?"), the text stating that very figure answers (it confirms it)
        confirms = Asked.YES_NO in asked and not asked & FIGURE_KINDS
        claimed = frozenset() if confirms else plan.claimed_keys

        # that something is free answers "how much" unless the asker said so themselves
        # ("免费体检每人次的费用标准是多少?" asks the cost behind the free service)
        free_answers = "money" in kinds and not NO_CHARGE.search(plan.original)

        def figure(sentence: str) -> bool:
            stated = without_budgets(sentence, plan.asks_budget)
            if free_answers and NO_CHARGE.search(stated):
                return True
            return any(
                figure_key(m.group()) not in claimed and figure_kind(compact(m.group())) in kinds
                for m in FIGURE.finditer(stated)
            )

        tests.append(figure)
    return tests


def _sentences(quotes: list[str]) -> list[list[str]]:
    """The sentences of each quote."""
    return [[s for s in re.findall(r"[^。!?！？]+[。!?！？]?", quote) if s.strip()] for quote in quotes]


def _delegated(toc: list[TocMatch], corpus: Corpus, hits: list[ScoredChunk]) -> bool:
    """The retrieved text on the topic is all from framework documents that leave the details to later ones."""
    if not toc or not hits:
        return False
    return all(_is_framework(corpus, corpus.documents[h.chunk.doc_no]) for h in hits[:3])


def _is_framework(corpus: Corpus, doc: PolicyDocument) -> bool:
    key = (doc.source, doc.doc_number, doc.start, doc.end)
    if key not in _FRAMEWORK:
        body = corpus.source_of(doc).body[doc.start : doc.end]
        _FRAMEWORK[key] = bool(_DELEGATES.search(body))
    return _FRAMEWORK[key]


_FRAMEWORK: dict[tuple[str, str, int, int], bool] = {}


def _beyond_partial_text(plan: QueryPlan, corpus: Corpus) -> list[PolicyDocument]:
    """A partial document named by the question, asked for what its missing part holds: its dates, or who
    implements or interprets it (a document says so in its closing articles) when its loaded text does not."""
    named = set(plan.doc_filter) | set(plan.boost_docs)
    partial = [corpus.documents[n] for n in sorted(named) if corpus.documents[n].text_status is TextStatus.PARTIAL]
    return [
        doc
        for doc in partial
        if (plan.asks_date and doc.dates.effective_from is None)
        or (plan.asks_office and not any(IMPLEMENTED_BY.search(c.text) for c in doc.clauses))
    ]


__all__ = ["Signals", "TocMatch", "Verdict", "decide", "measure", "title_terms"]
