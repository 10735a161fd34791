"""The default answerer: quote the sentences that answer, under a short lead, with [n] markers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from corpus.library import Corpus
from corpus.models import PolicyDocument, Validity
from corpus.text import compact
from service.answering import lexicon
from service.answering.comparisons import (
    Comparison,
    UserFigure,
    applied_benefit,
    asks_recognition,
    compare_figures,
    fact_met,
    kind_named,
    lead_sentence,
    relevant_facts,
    unstated_conditions,
    with_spoken_forms,
)
from service.answering.config import EvidenceConfig
from service.answering.eligibility import FactVerdict, judge, profile_from
from service.answering.eligibility import Verdict as EligibilityVerdict
from service.answering.evidence import (
    GRANTS,
    IMPLEMENTED_BY,
    IN_DISTRICT,
    MONEY_WORDS,
    Sentence,
    Terms,
    coverage,
    extend_window,
    kind_of_title,
    kinds_described,
    loose,
    part_terms,
    trim_quote,
)
from service.answering.facts import Condition, FactKind, PolicyFact
from service.answering.figures import (
    BUDGET_CLAUSE,
    FIGURE,
    GIVEN,
    SHARE,
    figure_key,
    figure_keys,
    figure_kind,
    without_budgets,
)
from service.answering.judge import FIGURE_NAMES, Verdict, unstated_sum
from service.answering.periods import Elapsed, PeriodCondition, asked_conditions, meets, period_wording, since
from service.answering.plan import (
    FIGURE_KINDS,
    PER_MEASURES,
    SETS_SIDE_BY_SIDE,
    TAX_NAMES,
    Asked,
    QueryPlan,
    asked_kinds,
    asks_office,
    background,
    described_in_chinese,
    names_anything,
    self_descriptions,
    told_before,
    topic_words,
)
from service.answering.quantities import chinese_number, format_amount, quantities
from service.answering.ranks import (
    EN_AUTHOR,
    applicable,
    check,
    check_authorship,
    rank_rules,
    required_wording,
    said_wording,
)
from service.answering.structure import NO_DUPLICATE
from service.answering.validity import cn_date, en_date, expired_note, no_longer_applies
from service.answering.verify import citation_for, display_quote, toc_citation
from service.models import AnswerStatus, Citation


@dataclass
class Draft:
    """An answer before verification: text with [n] markers and the citations they point to."""

    status: AnswerStatus
    text: str
    citations: list[Citation]


def select_sentences(
    plan: QueryPlan, scored: list[Sentence], terms: dict[str, float], config: EvidenceConfig
) -> list[Sentence]:
    """Greedy: the best window, then windows that add question words not yet quoted (or another document)."""
    if not scored:
        return []
    best = scored[0].score
    chosen: list[Sentence] = []
    if plan.crossdoc:
        seen: set[int] = set()

        def states(sentence: Sentence) -> bool:
            # a document joins a figure question with a figure of the kind asked (not its budget)
            return not plan.asks_amount or bool(
                asked_figure(plan).search(without_budgets(sentence.text, plan.asks_budget))
            )

        for sentence in scored:
            joins = sentence.score >= config.crossdoc_share * best and states(sentence)
            if sentence.chunk.doc_no not in seen and joins:
                chosen.append(sentence)
                seen.add(sentence.chunk.doc_no)
            if len(chosen) >= config.max_docs:
                break
        # the documents the question sets side by side by name ("双引擎意见和专精特新文件分别咋说的?") are each
        # heard, however their best sentence scores against the other's
        named = set(plan.boost_docs) | set(plan.doc_filter)
        for doc_no in sorted(named - seen) if len(named) >= 2 else []:
            # (its best sentence that gives something, not the budget a framework opens a measure with)
            its = [s for s in scored if s.chunk.doc_no == doc_no]
            own = next((s for s in its if GRANTS.search(without_budgets(s.text, plan.asks_budget))), None)
            own = own or next(iter(its), None)
            if own is not None and states(own) and len(chosen) < config.max_docs:
                chosen.append(own)
                seen.add(doc_no)
    else:
        chosen.append(scored[0])
    # a question that only checks a figure ("降到1%以下,对吧?") wants more quotes only with one of that kind
    adding = FIGURE if plan.asked & FIGURE_KINDS else asked_figure(plan)
    for sentence in scored:
        if len(chosen) >= config.max_quotes or sum(len(s.text) for s in chosen) >= config.max_quote_chars:
            break
        if sentence.score < config.keep_share * best or any(overlaps(sentence, s) for s in chosen):
            continue
        quoted = compact(" ".join(s.text for s in chosen)).lower()
        adds = [t for t in terms if t in compact(sentence.text).lower() and t not in quoted]
        figures = {compact(m.group()) for m in adding.finditer(without_budgets(sentence.text, plan.asks_budget))}
        adds_figure = plan.asks_amount and any(f not in quoted for f in figures)
        if adds or adds_figure:
            chosen.append(sentence)
    return add_quotes([], [as_quote(s, plan, terms, config) for s in chosen])


def as_quote(window: Sentence, plan: QueryPlan, terms: dict[str, float], config: EvidenceConfig) -> Sentence:
    """A chosen window as it is quoted: grown by its neighbours (not side by side: one sentence per document
    is what is compared), cut to its best clauses, without a budget opening."""
    # side by side, one sentence per document; but a clause heading alone ("1. 鼓励海内外高层次人才创新创业。")
    # states nothing: it is quoted with what follows it
    heading = bool(_HEADING.fullmatch(display_quote(window.text).strip()))
    reach = config.extend_chars if heading or not plan.crossdoc else 0
    grown = extend_window(window, reach, config.sentence_reach)
    grown = trim_quote(grown, terms, limit=config.quote_chars)
    return _after_budget(grown, plan.asks_budget)


def add_quotes(kept: list[Sentence], more: list[Sentence]) -> list[Sentence]:
    """``kept`` and those of ``more`` that overlap none before them (grown windows may overlap)."""
    out = list(kept)
    for sentence in more:
        if not any(overlaps(sentence, k) for k in out):
            out.append(sentence)
    return out


def _after_budget(sentence: Sentence, budgets_asked: bool) -> Sentence:
    """A quote without its opening sentence when that sentence only states a measure's yearly budget
    ("每年安排预算不少于2 亿元,用于支持瞪羚企业加快发展。": what the district spends, not what a company
    gets), unless the question asks about budgets or nothing would remain."""
    first = _FIRST_SENTENCE.match(sentence.text)
    if first is None or not BUDGET_CLAUSE.match(first.group()) or budgets_asked:
        return sentence
    rest = sentence.text[first.end() :]
    text = rest.strip()
    if len(compact(text)) < 8:
        return sentence
    start = sentence.start + first.end() + (len(rest) - len(rest.lstrip()))
    return Sentence(sentence.chunk, start, start + len(text), text, sentence.score, sentence.coverage)


_FIRST_SENTENCE = re.compile(r"[^。;;]*[。;;]")


def overlaps(a: Sentence, b: Sentence) -> bool:
    """Two windows of one document that share text (or read alike)."""
    same_source = a.chunk.doc_no == b.chunk.doc_no
    return same_source and ((a.start < b.end and b.start < a.end) or compact(a.text) == compact(b.text))


def compose_answered(
    plan: QueryPlan,
    sentences: list[Sentence],
    corpus: Corpus,
    as_of: date,
    terms: dict[str, float] | None = None,
    facts: list[PolicyFact] | None = None,
    followup_weight: float = 2.0,
    show_chars: int = 500,
    show_topic: float = 0.8,
) -> Draft:
    """A lead sentence that states what was asked, then the quotes it rests on, each with its [n] marker;
    ``followup_weight`` (EvidenceConfig): a part's own words beside those it carries from the parts before;
    ``show_chars`` (EvidenceConfig): quotes the lead does not cite are shown while the answer stays this short;
    ``show_topic`` (EvidenceConfig): and only when they cover this share of the topic the lead's quotes cover."""
    # (a quote across a page break is cited on the page of its part that states the figure asked, else of its part
    # that holds more of the question: "(4)市场拓展资助:对企业在境内、外设立 | 营销网络…按…实际发生费用的20%、50%"
    # asked what share is the second page's)
    wanted = {name for kind in plan.asked & FIGURE_KINDS for name in FIGURE_NAMES[kind]}

    def weigh(part: str) -> float:
        states = any(figure_kind(compact(m.group())) in wanted for m in FIGURE.finditer(part))
        return coverage(terms or {}, part) + (1.0 if states else 0.0)

    citations = [citation_for(corpus, s, as_of, weigh) for s in sentences]
    lines = []
    # "我们去年营收12亿,能拿哪些奖励?" names nothing: what the figures reach anywhere, before the quoted clauses'
    # thresholds ("我们是专精特新企业,…有什么支持?" names its kind: the quoted award's comparison first)
    lead = ""
    if plan.earlier_milestones:  # "…passed 2 billion two years ago and got that award; now 5 billion. What now?"
        lead = _milestone_raise_lead(plan, corpus, as_of, facts or [], citations)
    if not lead and plan.asks_what_fits and not names_anything(" ".join(self_descriptions(plan.original)), plan.lang):
        lead = _profile_lead(plan, corpus, as_of, facts or [], citations)
    if not lead and Asked.DATE in plan.asked and not plan.asks_deadline and len(plan.doc_filter or plan.boost_docs) > 1:
        # "两份文件分别什么时候到期?", "这两个还有效吗?": each named document's dates, whether one of them has
        # expired or the quotes sit side by side
        lead = _validity_leads(plan, sentences, corpus, as_of, several=True)
    if not lead:
        lead = _expired_lead(plan, sentences, corpus, as_of)
        # "累计拿了1200万投资,能享受什么?现在还能申请吗?": that it has expired, then what the asker's figures reach
        compared = _figures_lead(plan, sentences, corpus, as_of, facts or [], citations, terms or {}) if lead else ""
        compared = compared or (_profile_lead(plan, corpus, as_of, facts or [], citations) if lead else "")
        with_figures = _expired_lead(plan, sentences, corpus, as_of, compared) if compared else ""
        if with_figures:
            lead = with_figures
        elif lead:  # "…一次性奖多少?现在还能申请吗?": the parts that ask no date, after it
            lead += _undated_parts(plan, sentences, terms or {}, LEAD_TOTAL - len(lead))
            if len(plan.parts) < 2:  # ("…是不是有个2万的奖励,现在还能领吗?": its clauses, in a question of one part)
                lead += _undated_clauses(plan, sentences, terms or {}, LEAD_TOTAL - len(lead))
    if not lead:
        lead = _milestone_raise_lead(plan, corpus, as_of, facts or [], citations)
    if not lead:
        lead = _rank_lead(plan, sentences) or _author_lead(plan, sentences) or _lacking_lead(plan, sentences)
    if not lead and plan.asks_stacking and not plan.crossdoc:
        # "营收超过10亿,租房和购房补助能同时拿吗?": whether both can be had is the quoted rule on having both, not
        # whether the asker's figures reach either one
        lead = _rule_lead(plan, sentences, with_condition=False)
    if not lead:
        lead = _figures_lead(plan, sentences, corpus, as_of, facts or [], citations, terms or {})
        if lead:  # "…能拿多少?第一次纳入限上统计另外有奖吗?": the parts the comparison does not answer, after it
            lead += _unfigured_parts(plan, sentences, terms or {}, lead)
    if not lead:  # no threshold of the quoted clauses compared: what the asker's figures reach anywhere
        lead = _profile_lead(plan, corpus, as_of, facts or [], citations)
    if not lead:
        lead = _period_lead(plan, sentences, terms or {}, as_of)
    if not lead:
        lead = _upgrade_lead(plan, sentences, corpus, as_of, facts or [], citations)
    if not lead:
        lead = _variant_lead(plan, sentences, corpus, as_of, facts or [], citations, terms or {})
        if lead:  # "专利金奖奖多少?…质量奖提名又给多少?": the parts the one kind's amount does not answer, after it
            lead += _unfigured_parts(plan, sentences, terms or {}, lead)
    if not lead and (plan.asks_list or not plan.asked & FIGURE_KINDS):
        # the headings of a list's items, when the list is what is asked (not "how much…?" answered by
        # neighbouring clauses that each open with a heading); then the parts the list does not answer
        # ("能自己直接报吗?流程上要注意啥?"), by the quotes after it
        lead = _items_lead(sentences, plan.lang)
        if lead:
            lead = _list_parts(plan, sentences, terms or {}, lead)
    if not lead and plan.crossdoc:
        # "两边各奖多少?能一起拿吗?": the rule on having both first, then what each gives
        rule = _rule_lead(plan, sentences, with_condition=False) if plan.asks_stacking else ""
        lead = _side_by_side_lead(plan, sentences, citations, corpus, terms or {}, LEAD_TOTAL - len(rule))
        lead = (rule + (" " if plan.lang == "en" else "") + lead) if lead and rule else lead
    if not lead:
        lead = _rule_lead(plan, sentences)
    if not lead:
        lead = _excluded_lead(plan, sentences)
    premise = _premise_note(plan, sentences) if plan.lang == "zh" else ""
    if not lead and premise and all(figure_kind(compact(c)) != "period" for c in plan.claimed):
        # a stated figure the quotes do not hold, which the best quote does not state either: the text's own
        # figure of that kind, from the quotes after it (a stated period is answered by a document's dates)
        lead = _claim_lead(plan, sentences, terms or {})
    if not lead and sentences and Asked.DATE in plan.asked and not plan.asks_deadline:
        # the first quote that is a document's own date statement answers a date question
        lead = _validity_leads(plan, sentences, corpus, as_of)
        if lead and not premise:  # "…什么时候施行?由哪个机构牵头?": the parts that ask no date, after it
            lead += _undated_parts(plan, sentences, terms or {}, LEAD_TOTAL - len(lead))
    if not lead and not premise and not plan.crossdoc:
        lead = _membership_lead(plan, sentences)
    if not lead and not premise and not plan.crossdoc:
        lead = _parts_lead(plan, sentences, terms or {}, followup_weight)
    if not lead and sentences:
        # what stands before the first quote's words: a premise note, the source (which-document)
        before = len(premise) + 1 if premise else 0
        if Asked.DOCUMENT in plan.asked:
            before += len(_where(corpus.documents[citations[0].doc_no], citations[0], plan.lang, repeat=False)) + 2
        lead = _quote_lead(
            _disputed(plan) if premise else plan, sentences, terms or {}, opens_within=OPENS_WITHIN - before
        )
    # the quotes the lead rests on come first, every one of them shown (a fact's own clause included), then
    # the other quotes; the markers follow the new order
    order, shown_count, cited = _quote_order(lead, len(sentences), len(citations))
    # a quote the lead does not cite that repeats one shown before it is not shown again
    kept = order[:cited]
    # nor one that holds less of the question's topic than the lead's own ("…国际科技合作基地…?" answered by the
    # base's clause does not show the province's science-award clause that shares only 省级 and 奖励)
    basis = max((coverage(terms or {}, citations[k - 1].quote) for k in kept), default=0.0)
    for old in order[cited:shown_count]:
        # as many quotes as before: the lead's own clauses take the place of the last of the others
        if len(kept) >= max(len(sentences), cited):
            break
        if kept and coverage(terms or {}, citations[old - 1].quote) < show_topic * basis:
            continue  # a source, not shown
        if not any(_repeats(citations[old - 1], citations[k - 1]) for k in kept):
            kept.append(old)
    order, shown_count = kept + [o for o in order if o not in kept], len(kept)
    renumber = {old: new for new, old in enumerate(order, start=1)}
    lead = re.sub(r"\[(\d+)\]", lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", lead)
    citations = [citations[old - 1] for old in order]
    lead = _lead_source(lead, citations, corpus, plan) + lead if lead else lead
    if premise and lead.startswith("不是"):
        lines.append(lead)  # the lead says itself what is not so ("不是500万元:…300万元")
    elif premise and lead:
        lines.append(premise.replace("原文如下:", "规定的是:") + lead)  # one line: what is not so, what is
    elif premise or lead:
        lines.append(premise or lead)
    last_doc = None
    shown: set[str] = set()
    for n, citation in enumerate(citations[:shown_count], start=1):
        doc = corpus.documents[citation.doc_no]
        where = _where(doc, citation, plan.lang, repeat=doc.doc_no == last_doc)
        old = order[n - 1]
        under = _list_heading(sentences[old - 1], citation.quote, corpus) if old <= len(sentences) else ""
        if under in shown:
            under = ""  # said once for the quotes under it
        shown.add(under)
        if under and plan.lang == "zh":
            where += f",{under}下"
        elif under:
            where += f", under {under}"
        # the words first, where they stand after them: the facts open the answer, in either language
        if Asked.DOCUMENT in plan.asked:  # "which document?": the answer is where it stands, so that first
            line = f"{where}:「{citation.quote}」[{n}]" if plan.lang == "zh" else f"{where}: 「{citation.quote}」[{n}]"
        elif plan.lang == "zh":
            line = f"「{citation.quote}」[{n}]({where})"
        else:
            line = f"「{citation.quote}」[{n}] ({where})"
        if lead and n > cited and sum(len(x) + 1 for x in lines) + len(line) > show_chars:
            break  # a quote the lead does not cite, past the answer's length: a source, not shown
        lines.append(line)
        last_doc = doc.doc_no
    return Draft(AnswerStatus.ANSWERED, "\n".join(lines), citations)


def _lead_source(lead: str, citations: list[Citation], corpus: Corpus, plan: QueryPlan) -> str:
    """For a which-document question, the 文号 and page of the quote the lead cites first, to open the lead
    with (empty when the lead names it already or its document has no 文号)."""
    if Asked.DOCUMENT not in plan.asked:
        return ""
    marker = re.search(r"\[(\d+)\]", lead)
    if not marker or not 1 <= int(marker.group(1)) <= len(citations):
        return ""
    citation = citations[int(marker.group(1)) - 1]
    number = corpus.documents[citation.doc_no].doc_number
    if not number or number in lead:
        return ""
    if plan.lang == "en":
        return f"{number}, p. {citation.printed_page}: "
    return f"{number}第{citation.printed_page}页:"


def _repeats(a: Citation, b: Citation) -> bool:
    """Whether two quotes of one page share their opening words (one is the other, grown or cut)."""
    x, y = compact(a.quote), compact(b.quote)
    return a.doc_no == b.doc_no and a.printed_page == b.printed_page and (x[:20] in y or y[:20] in x)


def _quote_order(lead: str, quoted: int, total: int) -> tuple[list[int], int, int]:
    """The citations' new order (old 1-based numbers), how many of them are shown as quotes and how many of
    those the lead cites: the lead's first (in the lead's order), then the other quoted ones, then the rest
    (cited, not shown)."""
    cited = [n for n in dict.fromkeys(int(m) for m in re.findall(r"\[(\d+)\]", lead)) if 1 <= n <= total]
    shown = cited + [n for n in range(1, quoted + 1) if n not in cited]
    rest = [n for n in range(1, total + 1) if n not in shown]
    return shown + rest, len(shown), len(cited)


LEAD_CHARS = 90  # one run of a lead
LEAD_TOTAL = 120  # the whole lead: the facts must open the answer
OPENS_WITHIN = 110  # a run that ends this early in the best quote: the quote leads by itself


@dataclass
class _Run:
    text: str
    quote: int  # 1-based, the [n] of its quote
    start: int  # offset in its quote
    score: float
    figures: frozenset[str]


def _quote_lead(
    plan: QueryPlan, sentences: list[Sentence], terms: dict[str, float], opens_within: int = OPENS_WITHIN
) -> str:
    """Runs of whole comma clauses of the best two quotes that state the asked fact, as a short lead.

    A run stays inside one sentence (never a cut inside a clause, never across into the next heading);
    for a figure question it must hold the kind of figure asked (money, a share), not a budget. A second
    run joins when it adds a topic word (and, for a figure question, a figure) the first lacks, within
    ``LEAD_TOTAL`` characters. No lead when the best quote states it within ``opens_within`` characters.
    """
    # the lead rests on the best quote; for a figure question whose best quote states no figure at all, on the
    # next one when a run of it is as much on the topic ("算力补贴多少?" may rank first the clause beside the one
    # that pays); the quote after the one it rests on may add to it
    base, topic = 1, coverage(terms, sentences[0].text) if sentences else 0.0
    if plan.asks_amount and len(sentences) > 1 and not FIGURE.search(sentences[0].text):
        base = 2
    runs: list[_Run] = []
    for n, sentence in enumerate(sentences[base - 1 : base + 1], start=base):
        found = _runs(plan, display_quote(sentence.text), terms, n)
        if n == 2 and base == 2:
            found = [r for r in found if coverage(terms, r.text) >= topic - 1e-9]
        if n == base and not found:
            return ""
        runs += found
    best = max((r for r in runs if r.quote == base), key=lambda r: r.score)
    runs.sort(key=lambda r: r.score, reverse=True)

    def other_amount(extra: _Run) -> bool:
        # another quote's run that holds the subject as fully and gives another amount ("首版次软件给予每家10万元"
        # beside "…首版次软件),区级给予最高不超过50万元"): a second document's answer to the same question
        return bool(
            plan.asks_amount
            and extra.quote != best.quote
            and extra.figures - best.figures
            and _subject_words(terms, best.text) <= _subject_words(terms, extra.text)
        )

    fits = [r for r in runs if r is not best and len(best.text) + len(r.text) + 2 <= LEAD_TOTAL]
    if base == 1 and best.start + len(best.text) <= opens_within and not any(map(other_amount, fits)):
        return ""  # the best quote states it within its opening characters: it leads by itself
    chosen = [best]
    for extra in fits:
        if _same_span(extra, best):
            continue
        # a second run must add a topic word (a bare "给予一次性奖励25万元" says nothing of what it is for)
        adds = [t for t in terms if mentions(terms, t, extra.text) and not mentions(terms, t, best.text)]
        # another quote's run speaks of the same subject: it shares a topic word with the best run
        # (not "单家企业年度展位费补贴…" beside a loan's interest subsidy, which only shares "年")
        same = extra.quote == best.quote or any(
            mentions(terms, t, best.text) for t in terms if mentions(terms, t, extra.text)
        )
        if (adds and same and (not plan.asks_amount or extra.figures - best.figures)) or other_amount(extra):
            chosen.append(extra)
            break
    chosen.sort(key=lambda r: (r.quote, r.start))
    return ";".join(f"{_ITEM_NUMBER.sub('', r.text)}[{r.quote}]" for r in chosen) + "。"


# a requirement that something has not happened to the company ("未被列入严重违法失信主体名单", "未发生重大…事故")
_NOT_HAPPENED = re.compile(r"未(?:被)?(?:列入|纳入|发生|受到|出现)(?P<what>[^,,;;。()()]{2,24})")
# the asker says it has happened ("被列入了失信名单", "上了失信名单", "发生过安全事故", "受过处罚")
_HAPPENED = re.compile(r"被列入|列入了|被纳入|上了|进了|发生(?:了|过)|出过|受过|受到(?:了|过)|有过")
_DENIED = re.compile(r"没(?:有)?(?:被)?(?:列入|纳入|上|进|发生|出|受)|未(?:被)?(?:列入|纳入|发生|受)|不在")


def _excluded_lead(plan: QueryPlan, sentences: list[Sentence]) -> str:
    """A yes/no question whose asker says something happened to them that the best quote's requirement says
    must not have ("被列入严重违法失信名单了,还能认定总部企业吗?" against "…是指未被列入严重违法失信主体名单的
    企业"): no, in the question's verb, with the requirement."""
    if Asked.YES_NO not in plan.asked or plan.lang != "zh" or not sentences:
        return ""
    question = plan.asked_text or plan.original
    if not _HAPPENED.search(question) or _DENIED.search(question):
        return ""
    text = display_quote(sentences[0].text)
    for m in _NOT_HAPPENED.finditer(text):
        words = [w for w in _words_of(m.group("what")) if w not in ("名单", "企业", "主体", "重大")]
        if not any(w in question for w in words):
            continue
        start = max((text.rfind(c, 0, m.start()) for c in ",,;;。"), default=-1) + 1
        ends = [i for i in (text.find(c, m.end()) for c in ",,;;。") if i >= 0]
        run = _ITEM_NUMBER.sub("", text[start : min(ends) if ends else len(text)].strip())
        if len(run) > LEAD_CHARS:
            return ""
        return f"{plan.verdict_words[1]}:{run}[1]。"
    return ""


def _rank_lead(plan: QueryPlan, sentences: list[Sentence]) -> str:
    """A yes/no question whose asker states their place in an order ("我是第三起草单位的第一起草人", "the
    fourth-named drafter") against the best two quotes' requirement by rank ("行业标准制定中排名前二的起草单位的
    第一起草人"), the alternative the question names: no when a place fails, yes when every place ranked is stated
    and met (and the asker states no figures another condition may fail on)."""
    if not plan.asked & {Asked.YES_NO, Asked.CRITERION} or not sentences:  # ("Am I eligible for…?")
        return ""
    said = plan.places
    if not said:
        return ""
    for n, sentence in enumerate(sentences[:2], start=1):
        rule = applicable(rank_rules(display_quote(sentence.text)), f"{plan.original} {plan.text}")
        checked = check(rule, said) if rule else None
        if rule is None or checked is None or len(rule.text) > LEAD_CHARS or (checked.met and plan.user_figures):
            continue
        mine = said_wording(rule, said, checked, plan.lang)
        if plan.lang == "en":
            verdict = "Yes, you qualify" if checked.met else "No, you do not qualify"
            return f"{verdict}: {rule.text} [{n}]: {required_wording(checked)}; {mine}."
        return f"{plan.verdict_words[0 if checked.met else 1]}:{rule.text}[{n}],{mine}。"
    return ""


_EN_ROLE = {v: k for k, v in EN_AUTHOR.items()}


def _asks_several(plan: QueryPlan) -> bool:
    """A question of several parts or documents, whose other parts a one-rule verdict would leave out."""
    return plan.crossdoc or len(plan.parts) > 1 or bool(SETS_SIDE_BY_SIDE.search(plan.original))


def _author_lead(plan: QueryPlan, sentences: list[Sentence]) -> str:
    """A yes/no question whose asker states their authorship ("我排第三作者,也不是通讯作者,能领论文奖励吗?")
    against the best two quotes' requirement ("以第一作者或通讯作者身份…发表"): yes when a role they hold is
    required, no when the roles they hold are others (or they deny every one required). Not for a question of
    several parts or documents, whose other parts the verdict would leave out."""
    if not plan.asked & {Asked.YES_NO, Asked.CRITERION} or not sentences or _asks_several(plan):
        return ""
    for n, sentence in enumerate(sentences[:2], start=1):
        text = display_quote(sentence.text)
        checked = check_authorship(text, plan.original)
        if checked is None:
            continue
        # (met, what the award gives, as its sentence says after the requirement)
        given = _AUTHOR_GIVEN.search(text, text.find(checked.required_text)) if checked.met else None
        gives = f"{given.group().strip()}[{n}]" if given else ""
        if plan.lang == "en":
            verdict = "Yes, you qualify" if checked.met else "No, you do not qualify"
            required = " or ".join(f"{_EN_ROLE.get(r, r)} author" for r in checked.required)
            said = (" and " if checked.held else " or ").join(f"{_EN_ROLE.get(r, r)} author" for r in checked.said)
            you = f"you are the {said}" if checked.held else f"you are not the {said}"
            return f"{verdict}: it requires {checked.required_text} ({required}) [{n}]; {you}." + (
                f" It gives: {gives}." if gives else ""
            )
        you = f"您是{'、'.join(checked.said)}" if checked.held else f"您不是{'或'.join(checked.said)}"
        lead = f"{plan.verdict_words[0 if checked.met else 1]}:须{checked.required_text}[{n}],{you}。"
        return lead + (f"{gives}。" if gives else "")
    return ""


# what the asker says they are not ("我们是分公司,不是独立法人,", "我们还不是专精特新企业,"): a kind of entity (not
# the A-not-A "是不是销售型总部?", which asks)
_NOT_A = re.compile(
    r"(?:还|并|也|都)?(?<!是)(?:不是|并非|不属于)(?:一家|一个)?(?P<kind>[^,,。;;??!!吗]{2,12}?(?:企业|法人|单位|机构|总部|组织))"
    r"(?=[,,。;;??!!]|$)"
)
# a clause saying whom a rule is for ("对…的企业", "是指…的独立法人企业") or what it gives them
_NAMES_WHOM = re.compile(r"^对|给予|予以|是指")


def _lacking_lead(plan: QueryPlan, sentences: list[Sentence]) -> str:
    """A yes/no question whose asker says they are not a kind of entity ("…分公司,不是独立法人,能申请总部企业认定
    吗?") that the best quote names as whom it is for ("…行使总部职能的独立法人企业"): no, with the quote's clause
    naming it. Not for a question of several parts or documents, whose other parts the verdict would leave out."""
    if Asked.YES_NO not in plan.asked or plan.lang != "zh" or not sentences or _asks_several(plan) or plan.user_figures:
        return ""  # (the asker's figures are checked against the thresholds instead)
    kinds = [m.group("kind") for m in _NOT_A.finditer(plan.original)]
    for n, sentence in enumerate(sentences[:2], start=1):
        text = display_quote(sentence.text)
        for kind in kinds:
            plain = kind.replace("“", "").replace("”", "")
            naming = [c for c in re.split(r"[,,;;。:]", text) if plain in c.replace("“", "").replace("”", "")]
            # (the clause saying whom something is for or given to, before one that only encourages it)
            clause = next((c for c in naming if _NAMES_WHOM.search(c)), naming[0] if naming else "")
            if clause and len(clause) <= LEAD_CHARS:
                return f"{plan.verdict_words[1]}:须为{plain}({clause.strip()})[{n}],您不是{plain}。"
    return ""


_AUTHOR_GIVEN = re.compile(r"(?:分别)?(?:给予|予以)[^。;;]+")


# a definition by a list: "鼓励发展类重点产业是指信息技术、生命健康、…新材料等战略性新兴产业", "…包括A、B和C"
_DEFINED_LIST = re.compile(r"(?P<term>[^,,;;。:]{2,20}?)(?:是指|包括)(?P<items>[^,,;;。]{4,}?)(?:等|[,,;;。]|$)")


def _membership_lead(plan: QueryPlan, sentences: list[Sentence]) -> str:
    """ "我们做新能源的,算不算鼓励发展的重点产业?" against the best quote's definition by a list that holds the
    asker's word: yes, in the question's verb, with the definition. Nothing when the list does not hold it (a
    list may end in 等)."""
    if Asked.YES_NO not in plan.asked or plan.lang != "zh" or not sentences or plan.user_figures:
        return ""
    text = display_quote(sentences[0].text)
    asked = plan.text  # (with the typos read as meant: 新才料 -> 新材料)
    for m in _DEFINED_LIST.finditer(text):
        items = [i.strip() for i in re.split(r"[、和及与]", m.group("items")) if len(i.strip()) >= 2]
        term = _ITEM_NUMBER.sub("", m.group("term")).strip()
        named = [i for i in items if i in asked]
        if len(items) < 3 or not named or not any(w in asked for w in _words_of(term) if len(w) >= 2):
            continue
        # (the run from where its clause starts: the term's twenty characters may begin inside a word, 各级 -> 级)
        start = max((i + 1 for i, c in enumerate(text[: m.start()]) if c in ",,;;。:"), default=0)
        run = _ITEM_NUMBER.sub("", re.sub(r"[,,;;。]+$", "", text[start : m.end()]))
        if len(run) > LEAD_CHARS:
            run = f"{term}包括{'、'.join(named)}"
        return f"{plan.verdict_words[0]}:{run}[1]。"
    return ""


def _parts_lead(
    plan: QueryPlan, sentences: list[Sentence], terms: dict[str, float], followup_weight: float = 2.0
) -> str:
    """A question in several parts ("政策上支持吗?富阳那边的合作区能提供多少产业用地?"): for each part, the run
    of the first three quotes that best states it, read with that part's own words and kind of fact asked;
    none when a part finds no run, or when the best quote's opening already holds every part's run."""
    if not isinstance(terms, Terms) or not sentences:
        return ""
    words = {part: part_terms(terms, part) for part in plan.parts}
    parts = [p for p in plan.parts if words[p]]
    if len(parts) < 2:
        return ""
    # what would open the answer otherwise: the quote's own lead, or the best quote's opening
    opening = _quote_lead(plan, sentences, terms) or display_quote(sentences[0].text)[:OPENS_WITHIN]
    quoted = " ".join(display_quote(x.text) for x in sentences[:3])
    # (every part's most specific word opening the answer already: no lead, unless two parts asking figures
    # chose one run and one of them was stated elsewhere, below; only a later part asking a figure can)
    held = all(_part_held(words[part], opening, quoted) for part in parts)
    # a part asking how something is done is held only when its own run opens the answer, not by an opening that
    # names its topic ("怎么提异议?" is not answered by "对公示期内收到的异议,…20日内进行调查核实"): read on
    how = [part for part in parts if Asked.PROCEDURE in asked_kinds(part)]
    if held and not how and not any(asked_kinds(part) & FIGURE_KINDS for part in parts[1:]):
        return ""
    room = LEAD_TOTAL // len(parts) - 3
    chosen: list[_Run] = []
    part_runs: list[list[_Run]] = []
    swapped = False
    how_runs: list[_Run] = []
    carried: dict[str, float] = {}
    for part in parts:
        # a later part leans on the earlier ones ("…贴息是怎么算的?一年最多贴多少?"): their words carry over,
        # the part's own weighing ``followup_weight`` times more, as a follow-up's do
        mine = words[part]
        weights = {**carried, **{k: w * followup_weight for k, w in mine.items()}}
        own = Terms(weights, {k: terms.alternatives.get(k, (loose(k),)) for k in weights})
        carried.update(mine)
        kinds = asked_kinds(part)
        # a part's figure may be of any kind ("多少产业用地": 3000亩): the part's own words say which figure;
        # a count or a period asked by its measure word ("多少家", "几年") is that kind only, and a sum asked in
        # words of money ("单位奖多少钱?") money only
        read = replace(plan, asked=kinds, asked_text=part, checks_kinds=frozenset(), user_figures=[])
        if kinds & FIGURE_KINDS and not kinds & {Asked.COUNT, Asked.PERIOD} and not read.asks_money:
            read = replace(read, asked=kinds | {Asked.AMOUNT, Asked.RATIO})
        runs = [
            r
            for n, sentence in enumerate(sentences[:3], start=1)
            for r in _runs(read, display_quote(sentence.text), own, n)
            if len(r.text) <= room
        ]
        if not runs:
            return ""
        if asks_office(part):
            # "由哪个单位牵头落实?": the run that names who implements it ("本办法由…领导小组牵头实施"), not one that
            # shares the question's verb ("快捷落实人才购房补贴")
            runs = [r for r in runs if IMPLEMENTED_BY.search(r.text)] or runs
        best = max(runs, key=lambda r: r.score)
        if any(_same_span(best, c) for c in chosen):
            # the words carried from the parts before chose their run again. A part asking a figure is often
            # elliptical ("一年最多贴多少?": the run before may state it); one asking something else ("这个机构
            # 设在哪个部门?") is stated where its own most specific word (that the quotes use) stands
            others = [r for r in runs if not any(_same_span(r, c) for c in chosen)]
            own_runs = [r for r in others if _part_held(mine, r.text, quoted)]
            if kinds & FIGURE_KINDS:
                # two parts asking figures chose one run: this part keeps it when it states this part at least
                # as fully, and the earlier part takes its best run elsewhere ("上市目标是多少家?后备企业要保持在
                # 多少家以上?": 60家 is the second part's; the first part's is 2025年100家); else it stays the
                # earlier part's, this one elliptical
                j = next(i for i, c in enumerate(chosen) if _same_span(best, c))
                theirs = [r for r in part_runs[j] if not any(_same_span(r, c) for c in chosen)]
                if not theirs or best.score < chosen[j].score:
                    continue
                chosen[j] = max(theirs, key=lambda r: r.score)
                chosen.append(best)
                part_runs.append(runs)
                swapped = True
                continue
            if not own_runs or not any(mentions(mine, k, quoted) for k in mine):
                continue
            best = max(own_runs, key=lambda r: r.score)
        chosen.append(best)
        part_runs.append(runs)
        if part in how:
            how_runs.append(best)
    opens = all(r.quote == 1 and r.start + len(r.text) <= OPENS_WITHIN for r in how_runs)
    # (…unless the parts asking figures outnumber the figures of their kinds the opening states: "公示几天?有异议
    # 的话多久内要调查完?" is not answered by an opening that names 异议 and states only the 5 days)
    asking = [kinds for kinds in (asked_kinds(part) & FIGURE_KINDS for part in parts) if kinds]
    wanted = {name for kinds in asking for kind in kinds for name in FIGURE_NAMES[kind]}
    # (in its sentences on what a part asking a figure asks about: "…20日内进行调查核实。(二十二)…虚假数据…5 年内不得
    # 再次申报" states one period, not the notice's)
    rarest = [max(words[p], key=lambda k: words[p][k]) for p in parts if asked_kinds(p) & FIGURE_KINDS]
    on_topic = " ".join(
        m.group() for m in _LEAD_SENTENCE.finditer(opening) if any(mentions(terms, k, m.group()) for k in rarest)
    )
    stated = sum(figure_kind(compact(m.group())) in wanted for m in FIGURE.finditer(on_topic))
    if held and not swapped and opens and (len(asking) < 2 or stated >= len(asking)):
        return ""
    if len(chosen) < 2 or all(r.quote == 1 and r.start + len(r.text) <= OPENS_WITHIN for r in chosen):
        return ""
    return ";".join(f"{_ITEM_NUMBER.sub('', r.text)}[{r.quote}]" for r in chosen) + "。"


def _undated_parts(plan: QueryPlan, sentences: list[Sentence], terms: dict[str, float], room: int) -> str:
    """For a question in parts answered by a document's dates: the run of the first three quotes that states each
    part asking something else ("由哪个机构牵头?"), where the part's most specific word stands; within ``room``."""
    return _other_parts(plan, sentences, terms, room, lambda part, kinds: bool(kinds & {Asked.DATE, Asked.PERIOD}))


def _list_parts(plan: QueryPlan, sentences: list[Sentence], terms: dict[str, float], lead: str) -> str:
    """A list's lead with, before it, the run that answers each other part of the question: the part's most
    specific word the list's quotes do not hold, stated by a quote after the list's ("申报个人…并由所在单位推荐报名"
    for "能自己直接报吗?")."""
    if not isinstance(terms, Terms) or len(plan.parts) < 2:
        return lead
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", lead)}
    listed = " ".join(display_quote(s.text) for n, s in enumerate(sentences, 1) if n in cited)
    after = [(n, s) for n, s in enumerate(sentences, 1) if n > max(cited, default=0)]
    if not after:
        return lead
    said = []
    for part in plan.parts:
        own = part_terms(terms, part)
        used = [k for k in own if any(mentions(own, k, display_quote(s.text)) for _, s in after)]
        if not used:
            continue
        rarest = max(used, key=lambda k: own[k])
        if mentions(own, rarest, listed):
            continue  # the list answers this part
        read = replace(plan, asked=asked_kinds(part), checks_kinds=frozenset(), user_figures=[])
        runs = [
            r
            for n, s in after
            for r in _runs(read, display_quote(s.text), own, n)
            if mentions(own, rarest, r.text) and len(r.text) <= LEAD_CHARS
        ]
        if runs:
            best = max(runs, key=lambda r: r.score)
            said.append(f"{_ITEM_NUMBER.sub('', best.text)}[{best.quote}]")
    if not said:
        return lead
    joined = ". ".join(said) + ". " if plan.lang == "en" else "。".join(said) + "。"
    return joined + lead


def _unfigured_parts(plan: QueryPlan, sentences: list[Sentence], terms: dict[str, float], lead: str) -> str:
    """For a question in parts whose figures the lead compared ("…社零1.5亿元,能拿多少?第一次纳入限上另外有奖吗?"):
    the run that states each part without the asker's figures whose most specific word the lead does not hold."""
    quoted = " ".join(display_quote(x.text) for x in sentences[:3])

    def answered(part: str, kinds: frozenset[Asked]) -> bool:
        own = part_terms(terms, part) if isinstance(terms, Terms) else Terms({}, {})
        return any(f.text in part for f in plan.user_figures) or _part_held(own, lead, quoted)

    # a run beside a comparison states a figure ("给予 2 万元奖励"), not the conditions alone ("在我区无自有办公
    # 用房的总部企业": to whom, not what)
    return _other_parts(plan, sentences, terms, LEAD_TOTAL - len(lead), answered, lambda run: bool(FIGURE.search(run)))


def _other_parts(
    plan: QueryPlan,
    sentences: list[Sentence],
    terms: dict[str, float],
    room: int,
    answered: Callable[[str, frozenset[Asked]], bool],
    states: Callable[[str], bool] = lambda run: True,
) -> str:
    """The run of the first three quotes that states each part of a question in parts that the lead before it
    does not (``answered``), where the part's most specific word stands and the run ``states`` something;
    within ``room``."""
    if not isinstance(terms, Terms) or len(plan.parts) < 2:
        return ""
    quoted = " ".join(display_quote(x.text) for x in sentences[:3])
    out = ""
    for part in plan.parts:
        kinds = asked_kinds(part)
        own = part_terms(terms, part)
        if not own or answered(part, kinds):
            continue
        read = replace(plan, asked=kinds, checks_kinds=frozenset(), user_figures=[])
        runs = [
            r
            for n, sentence in enumerate(sentences[:3], start=1)
            # (without the clause naming to whom, when that is what does not fit beside the dates)
            for to_whom in (True, False)
            for r in _runs(read, display_quote(sentence.text), own, n, to_whom)
            # the part's most specific word in the run, or in the sentence it is from (what "给予最高不超过50万元的
            # 一次性奖励" is for is said at the sentence's head: "对…首台(套)产品")
            if _part_held(own, _sentence_holding(display_quote(sentence.text), r.text), quoted)
            and any(mentions(own, k, r.text) for k in own)
            and states(r.text)
        ]
        for best in sorted(runs, key=lambda r: -r.score):
            text = f"{_ITEM_NUMBER.sub('', best.text)}[{best.quote}]"
            said = f" {text}." if plan.lang == "en" else f"{text}。"
            if len(out) + len(said) <= room:  # the best run that fits
                out += said
                break
    return out


def _undated_clauses(plan: QueryPlan, sentences: list[Sentence], terms: dict[str, float], room: int) -> str:
    """A question of one part whose clauses ask a date and something else ("今年头回进了限上,是不是有个2万的奖励,现在
    还能领吗?"): the clauses asking no date are the part the dates do not answer, stated as ``_undated_parts``
    states a part."""
    clauses = [c for c in re.split(r"[,,;;]", plan.asked_text or plan.original) if c.strip()]
    dated = [c for c in clauses if asked_kinds(c) & {Asked.DATE, Asked.PERIOD}]
    undated = ",".join(c for c in clauses if c not in dated)
    if not dated or not undated:
        return ""
    return _undated_parts(replace(plan, parts=[undated, ",".join(dated)]), sentences, terms, room)


def _sentence_holding(text: str, run: str) -> str:
    """The sentence of ``text`` that ``run`` is a part of (``run`` itself when none is)."""
    return next((m.group() for m in _LEAD_SENTENCE.finditer(text) if run in m.group()), run)


def _part_held(own: Terms, text: str, quoted: str) -> bool:
    """Whether ``text`` holds a part's most specific word that the quotes use (its rarest such concept, in
    any wording); a part whose words no quote uses has nothing to lead with."""
    used = [k for k in own if mentions(own, k, quoted)]
    if not used:
        return True
    # (all of the rarest, when words tie: "…质量奖提名又给多少?" is not held by a lead that holds 质量奖 alone)
    rarest = max(own[k] for k in used)
    return all(mentions(own, k, text) for k in used if own[k] >= rarest - 1e-9)


def _side_by_side_lead(
    plan: QueryPlan,
    sentences: list[Sentence],
    citations: list[Citation],
    corpus: Corpus,
    terms: dict[str, float],
    total: int = LEAD_TOTAL,
) -> str:
    """A side-by-side question's lead: up to three quoted documents, each its 文号 and the run of its first
    quote on the topic that best states the asked fact (more kinds of the figures asked first, then a figure
    before none), within ``total`` characters: while too long, the longest part gives way to a shorter run of its quote
    (a third document drops out before a part loses a kind of figure), or the last document drops out.
    None unless two documents fit."""
    quoted: dict[int, list[int]] = {}  # each document's quotes, in order
    for n, citation in enumerate(citations[: len(sentences)], start=1):
        quoted.setdefault(citation.doc_no, []).append(n)
    named = {doc_no: ns for doc_no, ns in quoted.items() if doc_no in plan.boost_docs}
    if len(named) >= 2:  # "总部企业和专精特新企业的…一样吗?" sets the documents it names side by side
        quoted = named
    options: list[list[tuple[str, _Run]]] = []  # per document, its parts best first, with their runs
    titles: list[str] = []
    for doc_no, numbers in quoted.items():
        doc = corpus.documents[doc_no]
        name = doc.doc_number or short_title(doc.title)
        # side by side, each document's part is short: its figure, the documents say to whom; a document joins
        # with its first quote that has a run on the question's topic (its rule on having both, quoted first
        # for "…各奖多少?能一起拿吗?", states no figure)
        terms_of_doc = _naming_part_terms(plan, doc_no, terms, corpus)
        for n in numbers:
            text = display_quote(sentences[n - 1].text)
            runs = _runs(plan, text, terms_of_doc, 1, to_whom=False, side_by_side=True)
            if any(r.score > 0 for r in runs):
                break
        else:
            continue
        # the sentence most on the topic; its runs, those stating more kinds of the figures asked first
        ends = [m.end() for m in _LEAD_SENTENCE.finditer(text)]
        best = max(runs, key=lambda r: r.score)
        runs = [r for r in runs if bisect_right(ends, r.start) == bisect_right(ends, best.start)]
        runs.sort(key=lambda r: (_figure_kinds(r), _award_kinds(r), bool(FIGURE.search(r.text)), r.score), reverse=True)
        options.append([(f"{name}: {r.text}[{n}]" if plan.lang == "en" else f"{name}:{r.text}[{n}]", r) for r in runs])
        titles.append(doc.title)
        if len(options) == 3:
            break
    # each document's first part is its best run on the topic (a part of one may only shorten it)
    chosen = [next((p, r) for p, r in parts if r.score > 0) for parts in options]
    while len(chosen) >= 2 and sum(len(p) + 1 for p, _ in chosen) > total:
        i = max(range(len(chosen)), key=lambda k: len(chosen[k][0]))
        part, run = chosen[i]
        # a shorter run on the topic, or a part of this one that states what is given (not to whom)
        shorter = [
            (p, r)
            for p, r in options[i]
            if len(p) < len(part) and (r.score > 0 or (_within(r, run) and _GIVING.search(r.text)))
        ]
        if len(chosen) > 2:  # a third document gives way before a part loses a kind of figure asked
            shorter = [(p, r) for p, r in shorter if _figure_kinds(r) >= _figure_kinds(run)]
        if shorter:
            chosen[i] = shorter[0]
        else:
            chosen.pop()
            options.pop()
    if len(chosen) < 2:
        return ""
    parts = [p for p, _ in chosen]
    verdict = _sameness(plan, [r for _, r in chosen], terms, titles)
    return verdict + ("; ".join(parts) + "." if plan.lang == "en" else ";".join(parts) + "。")


# whether two things are the same is asked ("两份文件的奖励一样吗?", "有区别吗?", "Is it the same under both?")
_ASKS_SAME = re.compile(r"一样|相同|一致|\bthe same\b|\bsame\b", re.I)
_ASKS_DIFFERENCE = re.compile(r"区别|不同|差别|差异|\bdiffer", re.I)


def _sameness(plan: QueryPlan, runs: list[_Run], terms: dict[str, float], titles: list[str] | None = None) -> str:
    """The answer to "一样吗?" ("有区别吗?") of documents set side by side, from the figures of their runs: the same
    figures in each, or not; "" when whether is not asked, a run states no figure (words are not compared), or
    the runs speak of different subjects: each holds a word of the question the other lacks (境外 and 境内), not
    counting the words of the documents' titles (``titles``: 专精特新, 人工智能 name the documents compared); a
    run that only leaves out what the other names ("分别给予100万元、50万元、20万元奖励" beside "对新认定的…
    工程研究中心…分别给予…") speaks of the same."""
    asked = plan.asked_text or plan.original
    same, differ = bool(_ASKS_SAME.search(asked)), bool(_ASKS_DIFFERENCE.search(asked))
    figures = [sorted(compact(m.group()) for m in FIGURE.finditer(r.text)) for r in runs]
    # (only when whether is asked: "how does the cap differ?" asks what each says, which the lead states)
    if not (same or differ) or Asked.YES_NO not in plan.asked or not all(figures):
        return ""
    # (and only of runs on one subject: "境内上市一样吗?境外上市呢?" may set one document's 境外 beside another's 境内)
    named = loose(" ".join(titles or []))
    subjects = [{w for w in _subject_words(terms, r.text) if w not in named} for r in runs]
    if any(s - subjects[0] and subjects[0] - s for s in subjects[1:]):
        return ""
    alike = all(f == figures[0] for f in figures[1:])
    if plan.lang == "en":
        return "The same: " if alike else "They differ: "
    if same:  # (in the question's own word: "是否一致?" is answered 一致, "相同吗?" 相同)
        word = next((w for w in ("一致", "相同") if w in asked), "一样")
        return f"{word}:" if alike else f"不{word}:"
    return "没有区别:" if alike else "有区别:"


def _naming_part_terms(plan: QueryPlan, doc_no: int, terms: dict[str, float], corpus: Corpus) -> dict[str, float]:
    """The words of the part of the question that names ``doc_no`` alone ("按专精特新那份意见,境外上市奖多少?换成总部
    企业境内上市呢?": 境外 for the one, 境内 for the other), else the whole question's."""
    from service.answering.plan import named_documents

    for part in plan.parts:
        if named_documents(part, corpus) == [doc_no]:
            own = part_terms(terms, part)
            if own:
                return own
    return terms


def _figure_kinds(run: _Run) -> int:
    """How many kinds of figure asked a run states ("30%的补助,…不超过100万元": a share and a sum)."""
    return len({figure_kind(f) for f in run.figures})


def _award_kinds(run: _Run) -> int:
    """How many kinds of award figure a run states, asked or not: "how much" is answered by a share and its
    cap together ("最高可给予展会承办方50%的场租费补贴,单次展会补贴额度不超过100 万元")."""
    return len({figure_kind(compact(m.group())) for m in FIGURE.finditer(run.text)} & {"money", "share"})


def _rule_lead(plan: QueryPlan, sentences: list[Sentence], with_condition: bool = True) -> str:
    """A yes/no question answered by a rule of the best quote that forbids it: "还能再报吗?" against
    "已获得…的,在获奖后3 年内不得再次申报" is 不能, and "能叠加吗?" against "按从高、从优、不重复原则" is 不能叠加.

    Only when the rule is about what is asked (applying again, taking part, having two supports at once),
    the asker does not say they never had it, and a rule limited to N years is one they are still within.
    ``with_condition``: the rule's run opens with the clause before it that says whom it is about.
    """
    if Asked.YES_NO not in plan.asked or not sentences or plan.denies_past:
        return ""
    text = display_quote(sentences[0].text)
    # the asker's words; an English question's with their glosses (apply -> 申报 申请)
    question = plan.text if plan.lang == "en" else plan.asked_text or plan.original
    for clause in re.split(r"[,,。;;]", text):
        # the rule requires in the district what the asker says is outside it ("财政收入级次在高新区(滨江)范围内")
        if any(word in clause for word in plan.outside) and IN_DISTRICT.search(clause):
            run = _ITEM_NUMBER.sub("", clause.strip())
            if len(run) <= LEAD_CHARS and plan.lang == "zh":
                return f"不能:{'' if re.search('应|须', run) else '须'}{run}[1]。"
    # a rule on having two supports at once may stand in any quote (the pipeline adds it after the best)
    quotes = sentences if plan.asks_stacking else sentences[:1]
    for n, quoted in enumerate(quotes, start=1):
        text = display_quote(quoted.text)
        for sentence in re.finditer(r"[^。;;]+", text):
            clauses = [c for c in re.split(r"(?<=[,,])", sentence.group()) if c.strip()]
            for i, clause in enumerate(clauses):
                rule = _RULE.search(clause)
                if rule is None or bool(NO_DUPLICATE.fullmatch(rule.group())) != plan.asks_stacking:
                    continue
                if not plan.asks_stacking:
                    # about what is asked (applying again, taking part) and about the asker's case: a word of
                    # the question other than the action is in the rule's sentence before it
                    before = compact("".join(clauses[: i + 1]))
                    if not any(w in clause and w in question for w in _RULE_ACTIONS) or not any(
                        len(c.key) >= 2
                        and c.key not in _RULE_ACTIONS
                        and any(compact(a) in before for a in c.alternatives)
                        for c in plan.concepts
                    ):
                        continue
                within = _WITHIN_YEARS.search(clause)
                if within is not None:
                    limit = chinese_number(within.group(1))
                    if plan.years_ago is None or limit is None or plan.years_ago >= limit:
                        return ""  # a limit in years the asker may be past: the quote says it, no verdict
                condition = clauses[i - 1] if i else ""  # whom it is about ("已获得…的,", "…存在劳动关系的人员,")
                if _HAD_BEFORE.search(condition) and not plan.claims_past:
                    continue  # a rule for those who already had it, and the asker does not say they had
                opening = condition if with_condition else ""
                run = re.sub(r"[,,]+$", "", _ITEM_NUMBER.sub("", (opening + clause).strip()))
                if len(run) > LEAD_CHARS:
                    return ""
                if plan.lang == "en":
                    return f"{'Not both' if plan.asks_stacking else 'No'}, {run}[{n}]."
                return f"{'不能叠加' if plan.asks_stacking else '不能'}:{run}[{n}]。"
    return ""


_RULE = re.compile(r"不得|不予|不再|不重复|其中一项|择一")
_RULE_ACTIONS = ("申报", "申请", "参与", "评审", "享受", "报")
# a rule's condition about what its subject already had
_HAD_BEFORE = re.compile(r"已获得|已经获得|已获|已享受|已认定")
_WITHIN_YEARS = re.compile(r"(\d+|[一二两三四五六七八九十])\s*年内")


def _period_lead(plan: QueryPlan, sentences: list[Sentence], terms: dict[str, float], as_of: date) -> str:
    """A yes/no question that says how long something has lasted, or how long ago it happened, against a
    quoted condition on that period: "实施刚满一年半,能申报吗?" against "主导制(修)订国家标准…并已经实施2 年
    以上" is 不能, with the condition and the asker's period.

    Of several conditions the one whose words best cover the question's (国家标准, not 国际标准) decides;
    none when those that cover it equally disagree, or the asker's words leave it open ("一年多" against 1.5 年).
    """
    # what the asker says has lasted, or how long ago as of today what they say began began
    # (to the month they would apply in, when they say: "2022年6月开始实施,想在2024年1月报")
    until = plan.planned[0] if plan.planned else None
    elapsed = plan.elapsed[0] if plan.elapsed else since(plan.started[0], as_of, until) if plan.started else None
    if Asked.YES_NO not in plan.asked or not (elapsed or plan.years_ago):
        return ""
    question = period_wording(plan)
    found = [
        (coverage(terms, condition.text), n, condition)
        for n, sentence in enumerate(sentences, start=1)
        for condition in asked_conditions(question, display_quote(sentence.text), plan.years_ago)
    ]
    if not found:
        return ""
    best = max(score for score, _, _ in found)
    top = [(n, condition) for score, n, condition in found if score == best]
    verdicts = set()
    for _, condition in top:
        if condition.kind == "since":
            verdicts.add(meets(elapsed, condition) if elapsed else None)
        else:
            ago = Decimal(plan.years_ago or 0)
            verdicts.add(None if ago == condition.years else ago > condition.years)
    if len(verdicts) != 1 or None in verdicts:
        return ""
    n, condition = top[0]
    run = _ITEM_NUMBER.sub("", condition.text.strip())
    if len(run) > LEAD_CHARS:
        return ""
    if plan.lang == "en":
        return _english_period_lead(condition, run, n, elapsed, verdicts == {True}, plan.years_ago)
    required = f"{'' if re.search('应|须', run) else '须'}{run}[{n}]"
    years = format_amount(condition.years, "年")
    if condition.kind == "since":
        # "您的一年半", or as of today "自2025年3月实施至今约1年8个月,"
        mine = elapsed.text if elapsed else ""
        mine = f"{mine}," if mine.startswith("自") else f"您的{mine}"
        if verdicts == {True}:
            return f"这一条符合:{required},{mine}已满{years}。"
        return f"{plan.verdict_words[1]}:{required},{mine}不到{years}。"
    if verdicts == {True}:
        return f"这一条符合:{required};您说的是{plan.years_ago}年前,已超过{years}。"
    return f"{plan.verdict_words[1]}:{required};您说的是{plan.years_ago}年前,仍在{years}之内。"


def _english_period_lead(
    condition: PeriodCondition, run: str, n: int, elapsed: Elapsed | None, met: bool, years_ago: int | None
) -> str:
    """The period lead in English: the condition quoted, and the asker's period against it."""
    span = f"{condition.years.normalize():f} year{'s' if condition.years != 1 else ''}"
    if condition.kind == "since":
        mine = elapsed.text if elapsed is not None else ""
        if met:
            return f"This condition is met: {run}[{n}]; your {mine} is at least {span}."
        return f"No, {run}[{n}]; your {mine} is less than {span}."
    if met:
        return f"This condition is met: {run}[{n}]; you say {years_ago} years ago, more than {span}."
    return f"No, {run}[{n}]; you say {years_ago} years ago, still within {span}."


def _items_lead(sentences: list[Sentence], lang: str) -> str:
    """For an answer that quotes a list's items by their headings ("1. 形式审查。"), the headings in one line (the
    quotes after the list's, for another part of the question, are not its items)."""
    quotes = [display_quote(s.text).strip() for s in sentences]
    # an item quoted beyond its heading (another part of the question asks about it) leads with what it says
    firsts = [q[: q.index("。") + 1] if "。" in q else q for q in quotes]
    items = next((n for n, first in enumerate(firsts) if not _HEADING.fullmatch(first)), len(firsts))
    if items >= 3:
        quotes, firsts = quotes[:items], firsts[:items]
    heads = [_ITEM_NUMBER.sub("", first).rstrip("。.") for first in firsts]
    if len(heads) < 3 or not all(_HEADING.fullmatch(first) for first in firsts):
        return _named_items_lead(quotes, lang)
    if any(not head for head in heads):
        return ""
    listed = "、".join(f"{head}[{n}]" for n, head in enumerate(heads, start=1))
    details = [
        f"{head}:{rest.rstrip('。.')}[{n}]"
        for n, (head, first, quote) in enumerate(zip(heads, firsts, quotes, strict=True), start=1)
        if (rest := quote[len(first) :].strip())
    ]
    if lang == "en":
        return f"In {len(heads)} parts: {listed}." + "".join(f" {d}." for d in details)
    return f"共{len(heads)}项:{listed}。" + "".join(f"{d}。" for d in details)


def _named_items_lead(quotes: list[str], lang: str) -> str:
    """For an answer that quotes a list's items, each opening with its number and name ("(二)研发型总部 具备…"):
    the names in one line. Every quote keeps its marker in order: the list's opening with the count, a quote
    of an item's sub-items (its next page) with that item."""
    named = [(n, m) for n, q in enumerate(quotes, start=1) if (m := _NAMED_ITEM.match(q))]
    if not named:
        return ""
    kinds = [_marker_kind(m.group("marker")) for _, m in named]
    kind = max(kinds, key=kinds.count)  # the list's own level: not its section's heading, nor a sub-item
    starts = {n: m.group("name") for n, m in named if _marker_kind(m.group("marker")) == kind}
    if len(starts) < 3:
        return ""
    first = min(starts)
    opening = "".join(f"[{n}]" for n in range(1, first))
    items: list[tuple[str, str]] = []
    for n in range(first, len(quotes) + 1):
        if n in starts:
            items.append((starts[n], f"[{n}]"))
        else:  # the item's sub-items on its next page
            items[-1] = (items[-1][0], items[-1][1] + f"[{n}]")
    listed = "、".join(name + marks for name, marks in items)
    if lang == "en":
        return f"In {len(items)} parts{opening}: {listed}."
    return f"共{len(items)}项{opening}:{listed}。"


# an item's number: 1. / 1、 / (1) / (一) / 一、
_MARKER = r"\d+[.、.]|[((][一二三四五六七八九十\d]+[))]|[一二三四五六七八九十]+、"
# an item's number and its name before a space or a colon ("(二)研发型总部 具备…", "1. 工业总部:…")
_NAMED_ITEM = re.compile(
    rf"(?P<marker>{_MARKER})\s*"
    r"(?P<name>[^\s,,。;;::、()()]{2,12})(?:\s+|[::])"
)


def _marker_kind(marker: str) -> str:
    """'1.' and '(1)' and '(一)' and '一、' are four levels of a list."""
    paren = marker[0] in "(("
    return ("paren-" if paren else "") + ("digit" if any(c.isdigit() for c in marker) else "hanzi")


# an item's number, and a chapter's title run into it ("第七章 附 则(二十五)本办法由…"), before a lead's words
_ITEM_NUMBER = re.compile(rf"^(?:第[一二三四五六七八九十]+章[^((]{{0,12}})?(?:{_MARKER})\s*")


def _runs(
    plan: QueryPlan, text: str, terms: dict[str, float], n: int, to_whom: bool = True, side_by_side: bool = False
) -> list[_Run]:
    """The runs of whole comma clauses of quote ``n`` that could lead: inside one sentence, not a heading,
    for a figure question holding the kind of figure asked (not a budget), scored by topic coverage.
    ``to_whom``: a run keeps the clause before it that names to whom it gives, when both fit.
    ``side_by_side``: the document's name stands before the run, so a run stating the figures asked may lead
    without the topic words of the clauses before it ("给予…30%的补助,单个企业年最高额度不超过100万元")."""
    runs: list[_Run] = []
    for part in _LEAD_SENTENCE.finditer(text):
        if _HEADING.fullmatch(part.group().strip()):
            continue  # a clause's heading ("34. 加快推动文化产业发展。") states nothing
        clauses = [(m.start() + part.start(), m.group()) for m in _LEAD_CLAUSE.finditer(part.group())]
        for i in range(len(clauses)):
            for j in range(i, len(clauses)):
                run = "".join(c for _, c in clauses[i : j + 1]).strip()
                run = re.sub(r"[,,;;::。\s]+$", "", run)
                if len(run) > LEAD_CHARS:
                    break
                before = clauses[i - 1][1] if i else ""
                if to_whom and _FOR_WHOM.match(before) and len(before) + len(run) <= LEAD_CHARS:
                    continue  # "按…给予300万元" says what is given; the clause before it ("对新设立的…中心,") to whom
                stated = _stated(plan, without_budgets(run, plan.asks_budget))
                if plan.asks_amount and not stated:
                    continue
                # a figure asked: the shortest run stating it; otherwise the fullest (a short run may be
                # a fragment); the second quote's runs count a little less
                length = (-0.001 if plan.asks_amount else 0.001) * len(run)
                score = coverage(terms, run) + length - 0.05 * (n - 1)
                if score > 0 or (side_by_side and stated):
                    runs.append(_Run(run, n, clauses[i][0], score, frozenset(stated)))
    return runs


def _subject_words(terms: dict[str, float], text: str) -> set[str]:
    """The topic's wordings ``text`` holds, without the words of giving (奖励, 补助…): what a run is about."""
    haystack = loose(text)
    alternatives = terms.alternatives if isinstance(terms, Terms) else {}
    return {
        a
        for key in terms
        for a in alternatives.get(key, (loose(key),))
        if a and a in haystack and not _GIVING.fullmatch(a)
    }


def _stated(plan: QueryPlan, text: str) -> set[str]:
    """The figures of the kind asked that ``text`` states; when the user gave figures of their own, not the
    thresholds they are compared with ("营业收入不低于10亿元" is a condition, not what is given)."""
    out = set()
    # a count or a period asked alone ("多少家", "补几年") is stated by a figure of that kind, not by money
    figure_kinds = (plan.asked | plan.checks_kinds) & FIGURE_KINDS
    only = (
        {Asked.COUNT: "count", Asked.PERIOD: "period"}.get(next(iter(figure_kinds))) if len(figure_kinds) == 1 else None
    )
    for m in asked_figure(plan).finditer(text):
        if plan.user_figures and _CONDITION_BEFORE.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        if only and figure_kind(compact(m.group())) != only:
            continue
        out.add(compact(m.group()))
    return out


_GIVING = re.compile(r"给予|予以|奖励|补助|补贴|资助")
_CONDITION_BEFORE = re.compile(r"(?<!不)(?:不低于|不少于|超过|达到|突破|高于|满)\s*$")  # (不超过 is a cap)


def mentions(terms: dict[str, float], key: str, text: str) -> bool:
    """Whether ``text`` holds a topic concept in any of its wordings (an English key's Chinese ones too)."""
    haystack = loose(text)
    return terms.found(key, haystack) if isinstance(terms, Terms) else key in haystack


def _within(a: _Run, b: _Run) -> bool:
    """Whether run ``a`` is a part of run ``b``."""
    return a.quote == b.quote and b.start <= a.start and a.text in b.text


def _same_span(a: _Run, b: _Run) -> bool:
    if a.quote != b.quote:
        return False
    return a.start <= b.start < a.start + len(a.text) or b.start <= a.start < b.start + len(b.text)


def _validity_leads(
    plan: QueryPlan, sentences: list[Sentence], corpus: Corpus, as_of: date, several: bool = False
) -> str:
    """The first quote that is a document's own date statement answers a date question; when the question names
    several documents ("哪个还有效?"), each named document's statement quoted answers for it, in turn (with
    ``several``, only then: "" when fewer than two are quoted)."""
    leads: dict[int, str] = {}
    for n, sentence in enumerate(sentences, 1):
        doc_no = sentence.chunk.doc_no
        if doc_no not in leads and (said := _validity_lead(plan, sentence, corpus, as_of, n)):
            leads[doc_no] = said
            if len(plan.doc_filter or plan.boost_docs) < 2:
                break
    named = [leads[d] for d in plan.doc_filter or plan.boost_docs if d in leads]
    if len(named) < 2:
        return "" if several else next(iter(leads.values()), "")
    if plan.lang == "en":
        return " ".join(named)
    return ";".join(lead.rstrip("。") for lead in named) + "。"


def _validity_lead(plan: QueryPlan, sentence: Sentence, corpus: Corpus, as_of: date, n: int = 1) -> str:
    """For a date question answered by a document's own date statement: when it took effect, until when it
    applies, and whether it applies today (from the dates read from that statement)."""
    doc = corpus.documents[sentence.chunk.doc_no]
    dates = doc.dates
    stated = compact(dates.statement)
    if not stated:
        return ""
    if stated[:12] not in compact(sentence.text) and compact(sentence.text)[:12] not in stated:
        return ""
    if dates.effective_from is None and dates.expires_on is None:
        # a statement without a date ("本意见自发布后30日施行"), and no issue date in the compilation
        statement = _ITEM_NUMBER.sub("", display_quote(dates.statement).strip()).rstrip("。")
        if len(statement) > LEAD_CHARS:
            return ""
        if plan.lang == "en":
            return (
                f"{doc.doc_number} states no expiry (「{statement}」), and the compilation gives no issue date: "
                f"whether it is still in force cannot be told from it [{n}]."
            )
        return (
            f"{doc.doc_number}只写明「{statement}」,未写明有效期,汇编也未载明发布日期,无法据此判断现在是否仍有效[{n}]。"
        )
    return _dates_said(plan, doc, as_of, n)


def _dates_said(plan: QueryPlan, doc: PolicyDocument, as_of: date, n: int) -> str:
    """When ``doc`` took effect, until when it applies, and whether it applies today and in the year asked."""
    dates = doc.dates
    status = doc.status(as_of)
    years = _whole_years(dates.effective_from, dates.expires_on)
    asked = asked_year(plan, as_of)
    if plan.lang == "en":
        parts = [f"{doc.doc_number}"]
        if dates.effective_from:
            parts.append(f"took effect on {en_date(dates.effective_from)}")
        if dates.expires_on:
            parts.append(f"runs until {en_date(dates.expires_on)}" + (f" ({years} years)" if years else ""))
        # the status before its date: an answer's facts within its opening characters
        now = {Validity.IN_FORCE: "still in force", Validity.EXPIRED: "no longer in force"}.get(status, "")
        tail = f"; {now} as of {en_date(as_of)}" if now else ""
        if asked:
            tail += (
                f"; in {asked} "
                + {
                    "after": "it no longer applies",
                    "before": "it had not yet taken effect",
                    "ends": f"it applies until {en_date(dates.expires_on)}" if dates.expires_on else "",
                    "within": "it applies",
                }[_year_within(asked, dates.effective_from, dates.expires_on)]
            )
        return f"{' '.join(parts[:1])} {' and '.join(parts[1:])}{tail} [{n}]."
    parts = []
    if dates.effective_from:
        parts.append(f"自{cn_date(dates.effective_from)}起施行")
    if dates.expires_on:
        parts.append(f"至{cn_date(dates.expires_on)}" + (f"(有效期{years}年)" if years else ""))
    now = {Validity.IN_FORCE: "仍有效", Validity.EXPIRED: "已失效", Validity.NOT_YET: "尚未施行"}.get(status, "")
    tail = f";截至{cn_date(as_of)}{now}" if now else ""
    if asked:
        tail += (
            f";{asked}年"
            + {
                "after": "已不在有效期内",
                "before": "尚未施行",
                "ends": f"有效至{cn_date(dates.expires_on)}" if dates.expires_on else "在有效期内",
                "within": "在有效期内",
            }[_year_within(asked, dates.effective_from, dates.expires_on)]
        )
    return f"{doc.doc_number}{','.join(parts)}{tail}[{n}]。"


def _expired_lead(plan: QueryPlan, sentences: list[Sentence], corpus: Corpus, as_of: date, compared: str = "") -> str:
    """A yes/no question whether a policy can still be used, answered by the clause of a document that no longer
    applies (today, or in the year asked): no, in the question's verb, with the document's dates ("不能:滨政〔2023〕7号
    自2023年1月1日起施行,至2023年12月31日;截至…已失效[1]。"). With ``compared``, the comparison of the asker's
    figures with that document's thresholds: the day it ended, then the comparison without its own verdict ("不能:
    区办〔2023〕9号已于2026年5月11日到期,已失效[1];强化金融服务的门槛是…,您的1200万元达到[2]。"); "" when the comparison
    is not of that document or it has not expired today."""
    if not plan.asks_still or not sentences:
        return ""
    doc = corpus.documents[sentences[0].chunk.doc_no]
    if not no_longer_applies(doc, as_of, asked_year(plan, as_of)):
        return ""
    # the marker of the document's own date statement when it is quoted, else of the clause
    n = next((i for i, x in enumerate(sentences, 1) if _validity_lead(plan, x, corpus, as_of, i)), 1)
    asked = plan.asked_text or plan.original
    executed = re.search(r"执行|实施|施行|生效", asked)
    no = (
        "No"
        if plan.lang == "en"
        else "不适用"
        if "适用" in asked
        else "不再有效"
        if "有效" in asked
        else f"不再{executed.group()}"
        if executed and not re.search(r"申请|申报|享受|拿|领|兑现", asked)
        else "不能"
    )
    if not compared:
        return (f"{no}, " if plan.lang == "en" else f"{no}:") + _dates_said(plan, doc, as_of, n)
    ended = doc.dates.expires_on
    note = expired_note(doc.dates, as_of, plan.lang)
    body = _VERDICT_HEAD.sub("", compared, count=1)
    if ended is None or doc.status(as_of) is not Validity.EXPIRED or note not in re.split(r"[;;]", body)[0]:
        return ""  # the first threshold compared is of another document, or of one that still applies
    body = body.replace(note, "")
    if plan.lang == "en":
        return f"{no}, {doc.doc_number} expired on {en_date(ended)} [{n}]; {body[:1].lower()}{body[1:]}"
    return f"{no}:{doc.doc_number}已于{cn_date(ended)}到期,已失效[{n}];{body}"


# the verdict a comparison opens with ("可以:", "不够:", "不一定:", "Yes, you qualify. ", "Not necessarily. ")
_VERDICT_HEAD = re.compile(r"^(?:[^::,,;;。\[]{1,6}[::]|(?:Yes|No|Not necessarily)\b[^.]{0,30}\.\s*)")


def asked_year(plan: QueryPlan, as_of: date) -> int | None:
    """The one year a validity question asks about ("2027年还有效吗?"), when it is not this year."""
    years = {int(y) for y in plan.years}
    if len(years) != 1:
        return None
    year = years.pop()
    return year if year != as_of.year else None


def _year_within(year: int, start: date | None, end: date | None) -> str:
    """Where a year stands against a validity period: "before", "within", "ends" (its last year) or "after"."""
    if end is not None and year > end.year:
        return "after"
    if start is not None and year < start.year:
        return "before"
    if end is not None and year == end.year:
        return "ends"
    return "within"


def _whole_years(start: date | None, end: date | None) -> int:
    """The validity in whole years when it is one (2023-07-13 to 2028-07-12: 5), else 0."""
    if start is None or end is None:
        return 0
    years = end.year - start.year
    return years if years >= 2 and abs((end - start.replace(year=start.year + years)).days) <= 1 else 0


def asked_figure(plan: QueryPlan) -> re.Pattern[str]:
    """The kind of figure that answers: money for an amount, a share for a ratio, any figure otherwise."""
    asked = plan.asked | plan.checks_kinds
    if Asked.AMOUNT in asked and Asked.RATIO not in asked:
        return GIVEN
    if Asked.RATIO in asked and Asked.AMOUNT not in asked:
        return SHARE
    return FIGURE


# a numbered sentence with no comma is a heading ("(五)租房购房补助。"), unless the document speaks of itself
# ("(四)本办法由区总部经济发展工作领导小组牵头实施。" is a provision)
_HEADING = re.compile(rf"(?:{_MARKER})\s*(?!本(?:办法|意见|政策|细则|规定|文件))[^,,;;]{{1,24}}[。.]?")
# a clause that only names to whom what follows is given ("对新设立的全球或区域性外资研发中心,")
_FOR_WHOM = re.compile(r"\s*对(?!于)(?:(?!给予|奖励|补助|补贴|资助|万元|%)[^,,;;。]){2,}[,,]$")
_LEAD_SENTENCE = re.compile(r"[^。;;!?!?]+[。;;!?!?]?")
_LEAD_CLAUSE = re.compile(r"[^,,;;。]+[,,;;。]?")


# the kinds of company a label names in brackets ("(会计师事务所、律师事务所)"; "(营业收入20亿元)" is a bracket)
_KINDS = re.compile(r"[((]([^()()\d]+)[))]")


def _without_metrics(fact: PolicyFact) -> str:
    """``fact``'s quote without the names of what its conditions measure (营业收入, 年出口额): what it is about."""
    text = fact.quote
    for condition in fact.conditions:
        if condition.metric:
            text = text.replace(condition.metric, " ")
    return text


def _names_kinds(label: str) -> bool:
    return bool(_KINDS.search(label))


def _names_kinds_in(label: str, question: str) -> bool:
    kinds = [k for m in _KINDS.finditer(label) for k in re.split(r"[、,,]", m.group(1)) if k]
    return any(k[:2] in question for k in kinds)


def _figures_lead(
    plan: QueryPlan,
    sentences: list[Sentence],
    corpus: Corpus,
    as_of: date,
    facts: list[PolicyFact],
    citations: list[Citation],
    terms: dict[str, float],
) -> str:
    """For a question stating the user's own figures: their comparison with the thresholds of the facts
    of the documents the answer cites (可以/不够, the threshold, the user's figure), each fact cited."""
    wants_verdict = bool(plan.asked & {Asked.CRITERION, Asked.YES_NO})
    if not plan.user_figures or not facts or not (wants_verdict or plan.asks_amount):
        return ""
    story = background(plan.original)
    if (
        story
        and all(any(f.text in t for t in story) for f in plan.user_figures)
        and (plan.asked & {Asked.DATE, Asked.PROCEDURE} or plan.asks_still)
    ):
        # figures the asker tells of before asking when a policy runs or how to apply ("…营收已经过了11个亿,正在准备
        # 申报总部企业认定。想确认下这个意见什么时候开始实施的,还能用吗?"): their story, not what is checked
        return ""
    docs = {s.chunk.doc_no for s in sentences}
    asked = plan.asked_text
    ranked = relevant_facts(asked, facts)
    candidates = [f for f in ranked if f.doc_no in docs]
    fields = {f.field for f in plan.user_figures if f.field}
    # (what the asker tells of themselves before asking names no topic of another document: "…我们是滨江的独立法人
    # 企业,去年营收2亿多。能不能拿同一个项目再报标准创新奖?")
    told = told_before(plan.original, terms)
    asked_terms = {k: w for k, w in terms.items() if k not in told}
    if not any(c.field in fields for f in candidates for c in f.conditions):
        # the quoted documents measure nothing by the asker's figure: a fact of another document that does, on
        # the question's topic ("exports of US$4.5 million … overseas market expansion reward": the export
        # threshold of 开拓海外市场), is what the figure is asked against
        candidates += [
            f
            for f in ranked
            if f.doc_no not in docs
            and any(c.field in fields for c in f.conditions)
            and coverage(asked_terms, _without_metrics(f)) > 0
        ]
    # "我们是专精特新企业,…能补多少?": the facts of documents for a kind of company the question never names
    # (总部企业's own 创新券 clause) are not the asker's
    kinds = kinds_described([plan.original])
    if kinds:
        candidates = [f for f in candidates if kind_of_title(corpus.documents[f.doc_no].title) in (None, *kinds)]
    # the facts of the clauses the answer quotes come first: they are what the retrieved text is about
    quoted = compact(" ".join(s.text for s in sentences))
    in_quotes = {id(f) for f in candidates if compact(f.quote)[:24] in quoted}
    candidates.sort(key=lambda f: id(f) not in in_quotes)

    def marker(fact: PolicyFact) -> str:
        return _fact_marker(fact, citations, corpus, as_of)

    comparisons = compare_figures(plan.user_figures, candidates)
    if asks_recognition(asked) and any(c.fact.kind is FactKind.RECOGNITION for c in comparisons):
        # "能认定总部吗?" is answered by the recognition categories, not by an award's brackets
        comparisons = [c for c in comparisons if c.fact.kind is FactKind.RECOGNITION]
    else:
        if _ASKS_SUPPORT.search(asked) or plan.asks_amount:
            # "能申请研发补贴吗?" asks for a support: a recognition's threshold (研发型总部) is not its answer
            comparisons = [c for c in comparisons if c.fact.kind is not FactKind.RECOGNITION]
        if any(c.fact.kind is FactKind.AWARD and id(c.fact) in in_quotes for c in comparisons):
            # an award the answer quotes answers the question ("营收12个亿,买写字楼政府能给补点不?"): the thresholds
            # of facts it does not quote (categories, other awards) are not its answer
            comparisons = [c for c in comparisons if id(c.fact) in in_quotes]
    if wants_verdict and comparisons and not _holds_named_support(asked, [c.fact for c in comparisons]):
        # "实缴3000万,能拿房租补贴吗?": the support the question names by the compilation's own name is none of
        # those the figure is compared with (招商引资奖励's brackets): their verdict is not its answer
        return ""
    if (
        wants_verdict
        and comparisons
        and not any(kind_named(asked, c.fact) or _names_its_support(asked, c.fact) for c in comparisons)
    ):
        # the award the question names ("能拿营收突破奖吗?") is none of those the user's figure is compared with
        # (30% growth meets 规模增长奖励's threshold): what the named one needs, not another award's verdict
        other = _another_metric_lead(plan, candidates, marker)
        if other:
            return other
    if not comparisons:
        if wants_verdict:  # the kind asked about has a threshold, on another figure than the user's
            other = _another_metric_lead(plan, candidates, marker)
            if other:
                return other
        # no threshold to compare with: a quoted ratio award of the user's own figure is worked out (asked how
        # much, or whether it pays: "合同签了80万,能给报一半不?")
        if not plan.asks_amount and not wants_verdict:
            return ""
        quoted_facts = [f for f in candidates if id(f) in in_quotes]
        # in the order of the quotes: the best-ranked clause's award first
        texts = [compact(s.text) for s in sentences]
        quoted_facts.sort(key=lambda f: next((n for n, t in enumerate(texts) if compact(f.quote)[:24] in t), 0))
        # one award for each base the asker gives a figure of ("a bank's new credit loans of 2亿 and a guarantor's
        # balance of 2亿: how much would each receive?"), the first quoted of each
        by_base: dict[str, str] = {}
        for fact in quoted_facts:
            ratio_of = fact.benefit.ratio_field() if fact.benefit is not None else None
            if ratio_of is not None and ratio_of not in by_base:
                by_base[ratio_of] = _ratio_worked_out(plan, fact, marker, as_of)
        return (" " if plan.lang == "en" else "").join(w for w in by_base.values() if w)
    if any(kind_named(asked, c.fact) for c in comparisons):
        # the question names its kind of company (whether or not its clause is quoted first): the other kinds'
        # thresholds are not its own
        comparisons = [c for c in comparisons if kind_named(asked, c.fact)]
    else:  # it names none: the kinds it qualifies as answer "yes", the others follow as what they would need
        comparisons.sort(key=lambda c: not c.meets)
    # a fact that measures more of the figures the asker gave comes first: they gave them because they count
    # ("社零总额1.3亿,增幅高出全区平均3个百分点": the award that asks both, before the one that asks the first)
    measured = {
        fact_id: len({c.condition.field for c in comparisons if c.fact.id == fact_id})
        for fact_id in {c.fact.id for c in comparisons}
    }
    comparisons.sort(key=lambda c: -measured[c.fact.id])
    # a threshold for a kind of company the question does not name (会计师事务所、律师事务所) comes last
    # (in the asker's words or their spoken forms' corpus wording: 律所 is a 律师事务所)
    said = with_spoken_forms(plan.asked_text)
    comparisons.sort(key=lambda c: _names_kinds(c.fact.label) and not _names_kinds_in(c.fact.label, said))

    # "how much do we get?" with the user's figure: the award of the bracket the figure falls in (a fact
    # that is one variant of a list graded by that figure); an award not graded by it says nothing of it
    met = [
        c
        for c in comparisons
        if c.meets
        and fact_met(c.fact, comparisons)
        and c.fact.variant
        and c.fact.kind is FactKind.AWARD
        and c.fact.benefit is not None
    ]
    # an award the figure qualifies for that is a ratio of a figure the asker gave (that same one, or another:
    # "营收十二个亿…买写字楼总价两个亿"): worked out on it too
    met += [
        c
        for c in comparisons
        if c.meets
        and fact_met(c.fact, comparisons)
        and not c.fact.variant
        and id(c.fact) in in_quotes
        and _ratio_base(plan, c) is not None
    ]
    if not wants_verdict:
        if met:
            also = unstated_conditions(met[0].fact, comparisons)
            besides = _distinct_fields(comparisons)
            base = _ratio_base(plan, met[0])
            cases = _other_cases(plan, base) if base is not None else []
            if met[0].fact.variant:  # (a graded award's other cases in the same bracket only: its terms are theirs)
                cases = [c for c in cases if any(m.fact is met[0].fact and m.figure == c for m in met)]
            lead = _award_met(met[0], marker(met[0].fact), plan.lang, as_of, also, base, besides, cases)
            # each other case the asker puts of a graded award's figure in another bracket ("实到注册资本8亿元和10亿元,
            # 分别能拿多少?"): the bracket it falls in, worked out on it
            for case in _other_cases(plan, met[0].figure) if met[0].fact.variant else []:
                bracket = next(
                    (
                        c
                        for c in met
                        if c.figure == case and c.fact.name == met[0].fact.name and c.fact is not met[0].fact
                    ),
                    None,
                )
                if bracket is not None:
                    lead += (" " if plan.lang == "en" else "") + _award_met(
                        bracket, marker(bracket.fact), plan.lang, as_of, base=_ratio_base(plan, bracket)
                    )
            return lead
        quoted_awards = [c for c in comparisons if id(c.fact) in in_quotes]
        return _award_below(quoted_awards, marker, plan.lang)
    if met and comparisons[0].fact.variant and met[0].fact.name == comparisons[0].fact.name:
        # "…首次突破50亿,有奖励吗?" against a graded award: the bracket it falls in answers yes
        also = unstated_conditions(met[0].fact, comparisons)
        return _award_met(met[0], marker(met[0].fact), plan.lang, as_of, also, besides=_distinct_fields(comparisons))
    lead = lead_sentence(comparisons, marker=marker, as_of=as_of, lang=plan.lang, verdict=plan.verdict_words)
    top = comparisons[0]
    # the user qualifies for an award that is a share of the very figure they gave: what it comes to
    qualifies = top.meets and fact_met(top.fact, comparisons)
    base = _ratio_base(plan, top) if qualifies and top.fact.kind is FactKind.AWARD else None
    worked = applied_benefit(base, top.fact) if base is not None else None
    mine = (base or top.figure).display()
    amount = format_amount(worked, (base or top.figure).unit) if worked is not None else ""
    if not plan.asks_amount and qualifies and top.fact.kind is FactKind.AWARD:
        # the user qualifies for an award: what it gives, as the policy prints it after its conditions (in
        # English, the fact's benefit with English connecting words)
        given = _GIVES.search(display_quote(top.fact.quote))
        benefit = top.fact.benefit
        if plan.lang == "en" and (benefit is not None or given):
            gives = benefit.describe("en") if benefit is not None else given.group(1) if given else ""
            mark = marker(top.fact)
            if amount:  # what it comes to on the asker's figure, with the verdict; then what it gives
                at_most = _en_at_most(amount, mine, top.fact) + mark
                return _en_with_verdict(lead, at_most) + f" It gives {gives}{mark}."
            return _en_with_verdict(lead, f"it gives {gives}{mark}")
        gives = given.group(1) if given else benefit.describe() if benefit is not None else ""
        if gives and len(gives) <= LEAD_CHARS:
            figured = f",按您的{mine}计最多{amount}" if amount else ""
            return f"{lead}{gives}{figured}{marker(top.fact)}。"
    if plan.asks_amount:
        # the question also asks what it gives: the figure as the policy prints it, from the fact's own quote
        first = comparisons[0].fact
        gives = _runs(plan, display_quote(first.quote), terms, 1)
        vague = unstated_sum(display_quote(first.quote))
        if vague:
            # "…给予一定额度的海外拓市奖励支持": no sum to state, and the words that leave it open
            lead += (
                f" The amount is not stated: the provision says only 「{vague}」{marker(first)}."
                if plan.lang == "en"
                else f"具体金额汇编没有写明,条款只写了「{vague}」{marker(first)}。"
            )
        else:
            # a share with its cap ("给予项目投资额20%的资金支持,单家企业最高 300 万元"): both say how much; a run of
            # the conditions alone ("对…社零总额在1亿元(含)以上…的") gives nothing, whatever figures it holds
            giving = [r for r in gives if MONEY_WORDS.search(re.sub(r"\d[\d.\s]*(?:万|亿)?元", "", r.text))]
            if giving:
                said = max(giving, key=lambda r: (_award_kinds(r), -len(r.text))).text
                # (what it gives only, when the words before it restate the threshold the verdict just compared:
                # "对…当年新增社零总额在 1 亿元(含)以上的给予 20 万元奖励" after "门槛是…1亿元(含)以上")
                given = _GIVES.search(said)
                threshold = comparisons[0].condition.threshold
                if (
                    given
                    and threshold is not None
                    and threshold.text
                    and compact(threshold.text) in compact(said[: given.start()])
                ):
                    said = given.group(1)
                stated = f"{said}{marker(first)}"
                if plan.lang == "en":  # (with the verdict, unless what it comes to on the asker's figure goes there)
                    lead = lead + f" {stated}." if amount else _en_with_verdict(lead, stated)
                else:
                    lead += f"{stated}。"
            elif first.benefit is not None and any(
                (first.benefit.amount, first.benefit.cap, first.benefit.ratio, first.benefit.yearly_cap)
            ):
                # the run that holds most of the question states no sum ("连续3年…平均增幅超过10%…可以申请专项奖励。
                # 奖励金额原则上最高不超过2000万元"): the award's own benefit, read from its quote
                own = first.benefit.describe(plan.lang)
                if plan.lang == "en":
                    gives = f"it gives {own}{marker(first)}"
                    lead = lead + f" {gives[:1].upper()}{gives[1:]}." if amount else _en_with_verdict(lead, gives)
                else:
                    lead += f"{own}{marker(first)}。"
    if amount and plan.lang == "en":  # (what it comes to, with the verdict: the asker reads it first)
        return _en_with_verdict(lead, _en_at_most(amount, mine, top.fact) + marker(top.fact))
    if amount:
        lead += f"按您的{mine}计最多{amount}{marker(top.fact)}。"
    return lead


def _en_at_most(amount: str, mine: str, fact: PolicyFact) -> str:
    """What an award that is a share of the asker's figure comes to: "at most 30万元 (10% of your 300万元)"."""
    ratio = fact.benefit.ratio if fact.benefit is not None else None
    if ratio is not None:
        return f"at most {amount} ({ratio.text} of your {mine})"
    return f"at most {amount} on your {mine}"


def _en_with_verdict(lead: str, first: str) -> str:
    """An English "Yes, you qualify." lead with ``first`` (what it gives, or comes to) said with the verdict, before
    the thresholds compared ("Yes, you qualify: at most 30万元 (10% of your 300万元)[1]. 鼓励加大研发投入 requires…");
    another lead gets it after them."""
    head = _EN_YES.match(lead)
    if head:
        return f"{head.group(1)}: {first}. {lead[head.end() :]}"
    return f"{lead} {first[:1].upper()}{first[1:]}."


# an English lead's "yes", with the expiry of the policy when it has expired
_EN_YES = re.compile(r"(Yes, you qualify(?: \(the policy expired[^)]*\))?)\. ")


def _other_cases(plan: QueryPlan, base: UserFigure) -> list[UserFigure]:
    """The other values the asker gives of the figure an award is worked out on ("投资1200万元…?投资2000万元的话
    呢?"), each a case of its own."""
    values = {base.value}
    out = []
    for f in plan.user_figures:
        if f.field == base.field and f.unit == base.unit and f.value not in values:
            values.add(f.value)
            out.append(f)
    return out[:2]


def _ratio_base(plan: QueryPlan, comparison: Comparison) -> UserFigure | None:
    """The asker's figure that the compared award is a ratio of: the compared figure itself, or another they gave
    (营收 meets the threshold of a subsidy of 购房价 10%: the price they named)."""
    if applied_benefit(comparison.figure, comparison.fact) is not None:
        return comparison.figure
    return next((f for f in plan.user_figures if applied_benefit(f, comparison.fact) is not None), None)


def _another_metric_lead(plan: QueryPlan, facts: list[PolicyFact], marker: Callable[[PolicyFact], str]) -> str:
    """ "年产值12亿,算工业总部吗?" where 工业总部's threshold is on 营业收入: the threshold the question's kind has,
    and that the user's figure is another metric, so it cannot tell (not a verdict on a figure it is not about)."""
    given = [f for f in plan.user_figures if f.field and f.metric]
    if not given:
        return ""
    fields = {f.field for f in given}
    # what it asks, apart from what the user tells (the whole question when it is one clause)
    rest = _without_figure_clauses(plan.asked_text, given).strip() or plan.asked_text
    recognition = asks_recognition(rest)
    named = [f for f in facts if kind_named(rest, f)]
    named.sort(key=lambda f: recognition and f.kind is not FactKind.RECOGNITION)
    units = {f.unit for f in given}
    for fact in named:
        on = [c for c in fact.conditions if c.threshold is not None and c.field and c.field not in fields]
        # a threshold in the user's unit first (产值12亿 against 营业收入10亿), else any (增长30% against 突破20亿)
        on = [c for c in on if c.threshold is not None and c.threshold.unit in units] or on
        if not on:
            continue
        condition, mine = on[0], given[0]
        if plan.lang == "en":
            return (
                f"{fact.label} requires {condition.describe()}{marker(fact)}; you gave your {mine.metric} "
                f"({mine.display('en')}), and the threshold is on {condition.metric}, so it cannot be told from that."
            )
        return (
            f"{fact.label}的门槛是{condition.describe()}{marker(fact)};您给出的是{mine.metric}{mine.display()},"
            f"门槛按{condition.metric}计,不能据此判断。"
        )
    return ""


def _names_its_support(asked: str, fact: PolicyFact) -> bool:
    """The question names the support the fact gives, by a name of the compilation's ("rent subsidy" -> 房租补贴
    in "…分别按最高不超过企业租赁经营场所的50%、80%、100%给予房租补贴")."""
    if lexicon.is_english(asked):
        words = {t for _, targets in lexicon.english().matches(asked) for t in targets}
    else:
        said = compact(asked)
        words = {name for name in lexicon.award_names() if name in said} | set(lexicon.spoken().expand(asked))
    held = compact(fact.label + fact.quote)
    return any(len(w) >= 3 and _MEASURE.search(w) and w in held for w in words)


def _holds_named_support(asked: str, facts: list[PolicyFact]) -> bool:
    """Whether one of ``facts`` is the support the question names by one of the compilation's names of a specific
    support (房租补贴; its spoken wordings: 租房补贴, 租金, 租房购房补助), or the question names none."""
    said = compact(asked)
    named = [name for name in lexicon.award_names() if name in said]
    if not named:
        return True
    spoken = lexicon.spoken().entries
    wordings = set(named)
    for key, targets in spoken.items():
        if key in named or any(name in targets for name in named):
            wordings |= {key, *targets}
    return any(any(w in compact(f.label + f.quote) for w in wordings) for f in facts)


# a support asked for by its kind (补贴, 奖励, 资助), not a recognition
_ASKS_SUPPORT = re.compile(r"补贴|补助|奖励|资助|奖金|\b(?:rewards?|subsid(?:y|ies)|grants?|bonus)\b", re.I)


def _without_figure_clauses(text: str, figures: list[UserFigure]) -> str:
    """``text`` without the clauses that state the user's figures ("我们拿到了创投投资2000万,有没有奖励?" ->
    "有没有奖励?"): words there describe the user's figure (创投投资), they do not name the award asked about."""
    clauses = re.split(r"(?<=[,,。;;??!!])|(?<=\.)(?=\s)", text)
    return "".join(c for c in clauses if not any(f.text and f.text in c for f in figures))


# what a policy sentence gives, after its conditions ("…的企业,经认定,给予企业三年房租补贴和专项奖励。")
_GIVES = re.compile(r"(?:[,,]\s*(?:经认定[,,]\s*)?|的)((?:给予|予以)[^。;;]+)")


def _profile_lead(
    plan: QueryPlan, corpus: Corpus, as_of: date, facts: list[PolicyFact], citations: list[Citation]
) -> str:
    """ "我们营收12亿,研发投入8000万,能拿哪些奖励?": the eligibility check of the profile the question gives (its
    figures, the asker's own description). The awards and recognitions whose every condition on those figures
    is met (in force first, one bracket of each: the highest reached), each cited; when none is, how many were
    not reached and the lowest of their thresholds. The other conditions stand in the quotes."""
    if not plan.asks_what_fits or not facts:
        return ""
    # the asker's description is their sector when it names one of the sectors the facts are for
    described = described_in_chinese(plan.original)
    sectors = {k for f in facts for c in f.conditions if c.field == "industry" for k in c.keywords}
    profile = profile_from(plan.user_figures, described, any(k in d for k in sectors for d in described))
    given = {f.field for f in plan.user_figures if f.field}
    reached: list[tuple[PolicyFact, FactVerdict, list[Condition]]] = []
    short: list[tuple[PolicyFact, Condition]] = []
    # "我们是专精特新企业,营收5000万,…": the facts of documents for another kind of company are not theirs
    kinds = kinds_described(described)
    for fact in facts:
        if kinds and kind_of_title(corpus.documents[fact.doc_no].title) not in (None, *kinds):
            continue
        verdict = judge(profile, fact, as_of)
        pairs = list(zip(fact.conditions, verdict.conditions, strict=False))
        on_given = [(c, r) for c, r in pairs if c.field in given]
        if not on_given or not all(c.threshold is not None for c, _ in on_given):
            continue
        if any(r.verdict is EligibilityVerdict.FAILS for c, r in pairs if c.field not in given):
            continue  # not for this asker whatever their figures (another sector, another kind of company)
        if verdict.verdict is not EligibilityVerdict.FAILS and all(
            r.verdict is EligibilityVerdict.MEETS for _, r in on_given
        ):
            reached.append((fact, verdict, [c for c, _ in on_given]))
        elif any(r.verdict is EligibilityVerdict.FAILS for _, r in on_given):
            short += [(fact, c) for c, r in on_given if r.verdict is EligibilityVerdict.FAILS]

    def level(conditions: list[Condition]) -> Decimal:
        return max((c.threshold.value for c in conditions if c.threshold is not None), default=Decimal(0))

    # the highest bracket reached of each award; in force before expired, awards before recognitions
    reached.sort(key=lambda x: (x[1].validity == "expired", x[0].kind is not FactKind.AWARD, -level(x[2])))
    seen: set[str] = set()
    items = []
    for fact, verdict, conditions in reached:
        if fact.name in seen:
            continue
        seen.add(fact.name)
        # the threshold reached, unless the label names the bracket already; what an award gives
        named = compact(fact.label)
        met = "、".join(c.describe() for c in conditions if not c.threshold or compact(c.threshold.text) not in named)
        item = f"{fact.label}({met})" if met else fact.label
        if fact.kind is FactKind.AWARD and fact.benefit is not None:
            # what it gives as the policy prints it after its conditions, else in the fact's own terms
            printed = _GIVES.search(display_quote(fact.quote))
            gives = printed.group(1) if printed and len(printed.group(1)) <= 40 else verdict.gives
            item += f"{': ' if plan.lang == 'en' else ':'}{gives}"
            if verdict.estimated_amount is not None and fact.benefit.ratio_field() in given:
                # a ratio of a figure the asker gave, worked out (not a cap alone: 按购房价 is no figure of theirs)
                amount = format_amount(verdict.estimated_amount.quantize(Decimal(1)), "元")  # whole yuan
                item += f", at most {amount} on your figures" if plan.lang == "en" else f",按您的数字计最多{amount}"
        items.append(f"{item}{_fact_marker(fact, citations, corpus, as_of)}")
        if len(items) == 3:
            break
    figures = "、".join(f"{f.metric}{f.display()}" for f in plan.user_figures if f.field)
    en = plan.lang == "en"
    if items:
        more = len({f.name for f, _, _ in reached}) - len(items)
        tail = (f"; {more} more" if en else f";另有{more}项") if more > 0 else ""
        if en:
            return f"With your {figures}, you reach: {'; '.join(items)}{tail}."
        return f"按您给出的{figures},已达到的有:{';'.join(items)}{tail}。"
    if not short:
        return ""
    fact, condition = min(short, key=lambda x: x[1].threshold.value if x[1].threshold is not None else Decimal(0))
    marker = _fact_marker(fact, citations, corpus, as_of)
    count = len({f.name for f, _ in short})
    if en and count == 1:
        return f"With your {figures}, you do not reach {fact.label}: {condition.describe()}{marker}."
    if en:
        return (
            f"With your {figures}, none of the {count} awards or recognitions with a threshold on it is reached; "
            f"the lowest is {fact.label}: {condition.describe()}{marker}."
        )
    lowest = f"{fact.label}:{condition.describe()}{marker}"
    if count == 1:
        return f"按您给出的{figures},尚未达到{lowest}。"
    return f"按您给出的{figures},汇编中以它为门槛的{count}项奖励或认定都未达到;门槛最低的是{lowest}。"


def _fact_marker(fact: PolicyFact, citations: list[Citation], corpus: Corpus, as_of: date) -> str:
    """The [n] of the quote that holds a fact, its own citation added when none does."""
    for n, citation in enumerate(citations, start=1):
        if citation.doc_no == fact.doc_no and compact(fact.quote) in compact(citation.quote):
            return f"[{n}]"
    citations.append(fact.citation(corpus.documents[fact.doc_no].status(as_of).value))
    return f"[{len(citations)}]"


def _upgrade_lead(
    plan: QueryPlan,
    sentences: list[Sentence],
    corpus: Corpus,
    as_of: date,
    facts: list[PolicyFact],
    citations: list[Citation],
) -> str:
    """A star rating raised ("三星级升到四星级") under an award paid as the difference (差额): the two levels'
    amounts and what the difference comes to, from the facts of the quoted documents."""
    levels = list(dict.fromkeys(plan.star_levels))
    if len(levels) < 2 or not plan.raises:
        return ""  # "三星级和五星级分别奖多少?" asks side by side, not for a difference
    docs = {s.chunk.doc_no for s in sentences}
    by_level: dict[int, PolicyFact] = {}
    for fact in facts:
        stars = [c.value for c in fact.conditions if c.field == "star_rating"]
        if fact.doc_no in docs and stars and stars[0].isdigit() and fact.benefit and fact.benefit.amount:
            by_level.setdefault(int(stars[0]), fact)
    low, high = by_level.get(levels[0]), by_level.get(levels[-1])
    if (
        low is None
        or high is None
        or levels[-1] <= levels[0]
        or "差额" not in (high.benefit.rules if high.benefit else [])
    ):
        return ""
    assert low.benefit is not None and high.benefit is not None and low.benefit.amount and high.benefit.amount
    a, b = low.benefit.amount, high.benefit.amount
    if a.unit != b.unit or b.value <= a.value:
        return ""
    gap = format_amount(b.value - a.value, b.unit)
    mark = _fact_marker(high, citations, corpus, as_of)
    low_mark = _fact_marker(low, citations, corpus, as_of)
    expired = high.dates.status(as_of) is Validity.EXPIRED
    marks = ("", "", mark) if mark == low_mark else (mark, low_mark, "")
    if plan.lang == "en":
        return (
            f"{high.name} pays the difference (差额): {levels[-1]}-star {b.display()}{marks[0]}, {levels[0]}-star"
            f" {a.display()}{marks[1]}; moving up from {levels[0]} to {levels[-1]} stars brings {gap}"
            f"{expired_note(high.dates, as_of, 'en')}{marks[2]}."
        )
    note = "(该政策已失效)" if expired else ""
    up, down = _STARS_CN[levels[-1]], _STARS_CN[levels[0]]
    return (
        f"{high.name}按差额奖励:{up}星级{b.display()}{marks[0]}、{down}星级{a.display()}{marks[1]},"
        f"从{down}星级升到{up}星级可得{gap}{note}{marks[2]}。"
    )


_STARS_CN = {3: "三", 4: "四", 5: "五"}


def _milestone_raise_lead(
    plan: QueryPlan, corpus: Corpus, as_of: date, facts: list[PolicyFact], citations: list[Citation]
) -> str:
    """A follow-up that passes a higher milestone of an award paid as the difference (差额) after the one the
    earlier turn passed ("营收第一次突破50亿…" then "又冲过100亿了,还能再拿多少?"): the two milestones' amounts
    and what the difference comes to, from the facts."""
    if not (Asked.AMOUNT in plan.asked or plan.asks_what_fits) or not plan.earlier_milestones or plan.crossdoc:
        return ""
    for now in plan.user_figures:
        before = next((f for f in plan.earlier_milestones if f.metric == now.metric and f.unit == now.unit), None)
        if before is None or before.value >= now.value:
            continue
        milestones: dict[Decimal, PolicyFact] = {}
        for fact in facts:
            for c in fact.conditions:
                if c.first_time and c.metric == now.metric and c.threshold is not None and c.threshold.unit == now.unit:
                    milestones.setdefault(c.threshold.value, fact)
        # the milestones passed: the highest at or below each figure ("今年到了105亿" passed 100亿)
        lv = next((v for v in sorted(milestones, reverse=True) if v <= before.value), None)
        hv = next((v for v in sorted(milestones, reverse=True) if v <= now.value), None)
        if lv is None or hv is None or lv >= hv:
            continue
        low, high = milestones[lv], milestones[hv]
        if (low.name, low.doc_no) != (high.name, high.doc_no):
            continue
        passed_low, passed_high = format_amount(lv, before.unit), format_amount(hv, now.unit)
        if not (low.benefit and high.benefit and low.benefit.amount and high.benefit.amount):
            continue
        if "差额" not in high.benefit.rules:
            continue
        a, b = low.benefit.amount, high.benefit.amount
        if a.unit != b.unit or b.value <= a.value:
            continue
        gap = format_amount(b.value - a.value, b.unit)
        mark = _fact_marker(high, citations, corpus, as_of)
        expired = high.dates.status(as_of) is Validity.EXPIRED
        if plan.lang == "en":
            return (
                f"{high.name} pays the difference (差额): first passing {passed_high} {b.display()}, first passing"
                f" {passed_low} {a.display()}; after the {passed_low} award, {gap} more"
                f"{expired_note(high.dates, as_of, 'en')}{mark}."
            )
        note = "(该政策已失效)" if expired else ""
        return (
            f"{high.name}按差额奖励:首次突破{passed_high}最高{b.display()}、首次突破{passed_low}最高"
            f"{a.display()},已按{passed_low}拿过的,再拿差额{gap}{note}{mark}。"
        )
    return ""


def _variant_lead(
    plan: QueryPlan,
    sentences: list[Sentence],
    corpus: Corpus,
    as_of: date,
    facts: list[PolicyFact],
    citations: list[Citation],
    terms: dict[str, float] | None = None,
) -> str:
    """ "我们是专精特新小巨人,能拿多少?" against a list that gives each kind its own amount ("对“单项冠军”企业、
    专精特新“小巨人”企业…分别最高给予200万元、100万元…"): the amount of the one kind the question names, when
    the list holds a word of what is asked besides the kind ("我们是省级专精特新,…贷款贴息能拿多少?" asks about
    贴息, which the list of one-time awards does not give)."""
    if Asked.AMOUNT not in plan.asked | plan.checks_kinds or plan.user_figures or plan.crossdoc or not sentences:
        return ""  # a list's kinds each get an amount of money; how many of each kind is another list
    quoted = compact(" ".join(s.text for s in sentences))
    docs = {s.chunk.doc_no for s in sentences}
    # the asker's latest words only: a follow-up ("单项冠军呢?") names the kind it now asks about, and one that
    # names none ("那到1000万美元的呢?") moves away from the kind its previous turn named
    asked = _levels_spelled_out(compact(plan.read_as_meant))
    # an English question names a kind through the glossary's wording ("a provincial specialised SME")
    glossed = _glossed_words(plan.text) if plan.lang == "en" else None
    named = [
        f
        for f in facts
        if f.variant and f.benefit is not None and _names_variant(f.variant, asked, glossed, f.audience)
    ]
    # the list a quote holds; else the list of a quoted document (the question named its kind, the ranking
    # preferred another clause of the same document)
    named = [f for f in named if compact(f.quote)[:24] in quoted] or [f for f in named if f.doc_no in docs]
    if 1 < len(named) <= 3 and len({f.quote for f in named}) == 1:
        # "小巨人奖多少?省级专精特新中小企业又是多少?": the kinds it names of one list, each with its amount
        mark = _fact_marker(named[0], citations, corpus, as_of)
        given = [(f.variant, f.benefit) for f in named if f.benefit is not None]
        if plan.lang == "en":
            return f"{named[0].name}: " + "; ".join(f"{kind} {b.describe('en')}" for kind, b in given) + f"{mark}."
        return f"{named[0].name}:" + ";".join(f"{kind}{b.describe()}" for kind, b in given) + f"{mark}。"
    if len(named) != 1:
        return ""  # none, or more kinds than a question names: side by side, as the list itself says
    fact = named[0]
    if not _on_asked_topic(fact, terms or {}):
        return ""
    assert fact.benefit is not None
    mark = _fact_marker(fact, citations, corpus, as_of)  # (an expired policy's note follows the lead)
    # "一次性奖励200万对吧?": an amount the asker puts forward that the kind's own amount is not
    amount = fact.benefit.amount
    claims = [q for text in plan.claimed for _, q in quantities(text) if amount is not None and q.unit == amount.unit]
    right = amount is not None and any(q.value == amount.value for q in claims)
    wrong = claims[0].display() if claims and not right else ""
    if plan.lang == "en":
        verdict = f"No, not {wrong}. " if wrong else "Yes. " if right else ""
        return f"{verdict}{fact.label}: {fact.benefit.describe('en')}{mark}."
    verdict = f"不是{wrong}:" if wrong else "对:" if right else ""
    return f"{verdict}{fact.label}:{fact.benefit.describe()}{mark}。"


def _on_asked_topic(fact: PolicyFact, terms: dict[str, float]) -> bool:
    """Unless the question names a measure of its own (a word of what is given that is more than money:
    "…专利质押贷了款,贴息能拿多少?"), which the fact (its heading, whom it is for, its words) does not hold."""
    alternatives = getattr(terms, "alternatives", {})
    kind = compact(fact.variant or "")
    said = loose(" ".join([fact.name, fact.who, *fact.clause_path, fact.quote]))
    for key, weight in terms.items():
        wordings = [loose(a) for a in alternatives.get(key, (key,))]
        if weight <= 0 or any(a in kind or kind in a for a in wordings):
            continue
        # the corpus's wordings of a spoken key, not the key itself ("能拿多少" -> 最高 奖励…: money, no measure)
        measures = [a for a in wordings if _MEASURE.search(a) and not MONEY_WORDS.fullmatch(a)]
        if measures and not any(a in said for a in measures):
            return False
    return True


# a word of what is given ("贴息", "房租补贴", "研发补助")
_MEASURE = re.compile(r"补助|补贴|奖励|资助|贴息|奖金")


# levels named together before the one noun they share ("国家级、省级工业互联网平台")
_LEVELS_BEFORE = re.compile(r"((?:(?:国家|省|市|区)级?[、和及与跟或])+)((?:国家|省|市|区)级?)([\u4e00-\u9fff]{2,16})")


def _levels_spelled_out(text: str) -> str:
    """``text`` with each level of a list of levels before one noun also written with that noun ("国家级、省级工业
    互联网平台" also reads "国家级工业互联网平台"), so that each level's kind is named in full."""
    spelled = [
        f"{level}级{m.group(3)}"
        for m in _LEVELS_BEFORE.finditer(text)
        for level in re.findall(r"国家|省|市|区", m.group(1) + m.group(2))
    ]
    return " ".join([text, *spelled])


def _names_variant(variant: str, asked: str, glossed: frozenset[str] | None = None, audience: str = "") -> bool:
    """The question names the kind of a list's item ("专精特新小巨人企业" in "我们是专精特新小巨人"), or what sets
    it apart from the kind of company the whole policy is for (``audience``: "小巨人" of a 专精特新企业 policy's
    "专精特新小巨人企业"); with ``glossed`` (an English question's Chinese glosses), when every word of the kind
    is one of them."""
    core = re.sub(r"[((].*$", "", compact(variant)).removesuffix("企业")
    # a bracket of amounts ("5000万元(含)以上") is named by a figure, which is the asker's, not a kind
    if len(core) < 3 or re.search(r"\d", core):
        return False
    if glossed is None:
        kind = compact(audience).removesuffix("企业")
        rest = [p for p in core.split(kind) if p] if len(kind) >= 2 else [core]
        return core in asked or (sum(map(len, rest)) >= 2 and all(p in asked for p in rest))
    words = _words_of(core)
    return bool(words) and all(any(w in g for g in glossed) for w in words)


@lru_cache(maxsize=256)
def _words_of(name: str) -> tuple[str, ...]:
    """The words (two characters or more) of a kind's name; names are few, each is cut once."""
    from indexing.keyword import tokenize

    return tuple(w for w in tokenize(name) if len(w) >= 2)


def _glossed_words(text: str) -> frozenset[str]:
    """The Chinese words of an English question's glosses (plan.text after the question itself)."""
    return frozenset(re.findall(r"[\u4e00-\u9fff]+", text))


def _ratio_worked_out(plan: QueryPlan, fact: PolicyFact, marker: Callable[[PolicyFact], str], as_of: date) -> str:
    """A ratio award on the user's own figure ("研发资助:按实际研发投入最高30%,按您的3000万元计最多900万元")."""
    worked = [(f, value) for f in plan.user_figures if (value := applied_benefit(f, fact)) is not None]
    if not worked or fact.benefit is None:
        return ""
    # each case the asker puts ("输出6000万元…?输出3000万元呢?"), once each
    cases = list({figure.value: (figure, value) for figure, value in worked}.values())[:3]
    expired = fact.dates.status(as_of) is Validity.EXPIRED

    def mine(figure: UserFigure) -> str:  # (a loan's interest is shown as it is worked out: 3000万元×4.35%=130.5万元)
        return figure.text if figure.field == "loan_interest" else figure.display()

    (first, value), more = cases[0], cases[1:]
    amount = format_amount(value, first.unit)
    if plan.lang == "en":
        note = expired_note(fact.dates, as_of, "en")
        others = "".join(f"; on {mine(f)}, at most {format_amount(v, f.unit)}" for f, v in more)
        total_en = _total(plan, fact, [v for _, v in cases], first.unit)
        others += f"; in total at most {total_en}" if total_en else ""
        return (
            f"{fact.name}: {fact.benefit.describe('en')}; on your {mine(first)} that is at most {amount}{others}"
            f"{note}{marker(fact)}."
        )
    note = "(该政策已失效)" if expired else ""
    others = "".join(f",按{mine(f)}计最多{format_amount(v, f.unit)}" for f, v in more)
    total = _total(plan, fact, [v for _, v in cases], first.unit)
    others += f",合计最多{total}" if total else ""
    return f"{fact.name}:{fact.benefit.describe()},按您的{mine(first)}计最多{amount}{others}{note}{marker(fact)}。"


# a total asked of what is worked out ("一共能补多少?", "加起来多少", "How much in total?")
_ASKS_TOTAL = re.compile(r"一共|总共|合计|加起来|加在一起|总计|\bin total\b|\baltogether\b|\bcombined\b", re.I)


def _total(plan: QueryPlan, fact: PolicyFact | None, values: list[Decimal], unit: str) -> str:
    """The sum of two or more amounts worked out, when the question asks a total: within ``fact``'s caps on the
    whole (its cap and yearly cap; each case was already held to its cap per event)."""
    if len(values) < 2 or not _ASKS_TOTAL.search(plan.asked_text or plan.original):
        return ""
    total = sum(values, Decimal(0))
    benefit = fact.benefit if fact is not None else None
    if benefit is not None:
        caps = [q.value for q in (benefit.cap, benefit.yearly_cap) if q is not None and q.unit == "元"]
        total = min([total, *caps])
    return format_amount(total, unit)


def _award_met(
    comparison: Comparison,
    mark: str,
    lang: str,
    as_of: date,
    also: list[str] | None = None,
    base: UserFigure | None = None,
    besides: list[Comparison] | None = None,
    cases: list[UserFigure] | None = None,
) -> str:
    """The award a user's figure qualifies for, with its threshold and what it gives, and what a ratio award
    comes to on the user's figure (the calculator: "按您的3亿元计最多300万元"; on ``base`` when the ratio is of
    another figure they gave than the compared one); ``also``: the award's other conditions, which the question
    does not state; ``besides``: its other conditions that other figures of the asker's meet (新增研发费用 and
    增幅排名: "您的500万元达到…,您的第18位也达到年度增幅排名前25位"); ``cases``: other values the asker gives of
    ``base``, each worked out too."""
    fact, benefit = comparison.fact, comparison.fact.benefit
    besides = [c for c in besides or [] if c.fact.id == fact.id and c.condition.field != comparison.condition.field]
    gives = benefit.describe(lang) if benefit is not None else ""
    expired = fact.dates.status(as_of) is Validity.EXPIRED
    mine = comparison.figure.display(lang)
    base = base or comparison.figure
    applied = applied_benefit(base, fact)
    amount = format_amount(applied, base.unit) if applied is not None else ""
    worked_on = base.display(lang)
    others = [(c, v) for c in cases or [] if amount and (v := applied_benefit(c, fact))]
    if lang == "en":
        note = expired_note(fact.dates, as_of, "en")
        bracket = comparison.condition.describe()
        reached_en = f"falls in {fact.name}'s bracket" if fact.variant else f"meets {fact.name}'s threshold"
        more = f"; it also requires {', '.join(also)}, which your question does not state" if also else ""
        met_too = "".join(f" and your {c.figure.display('en')} meets {c.condition.describe()}" for c in besides)
        if amount:  # what it comes to on the asker's figure first, then the policy's terms
            # (the figure it is worked on is named when it is not the compared one)
            worked = f"at most {amount}" + (f" on your {worked_on}" if worked_on != mine or others else "")
            worked += "".join(f", at most {format_amount(v, c.unit)} on {c.display('en')}" for c, v in others)
            return f"Your {mine} {reached_en} {bracket}{met_too}: {worked} ({gives}){more}{note}{mark}."
        return f"Your {mine} {reached_en} {bracket}{met_too}: {gives}{more}{note}{mark}."
    note = "(该政策已失效)" if expired else ""
    figured = f",按您的{worked_on}计最多{amount}" if amount else ""
    figured += "".join(f",按{c.display()}计最多{format_amount(v, c.unit)}" for c, v in others)
    more = f";另需{'、'.join(also)},问题中未提及" if also else ""
    # a bracket of a graded award, or the one threshold of an award that has none
    reached = "属于{}一档" if fact.variant else "达到{}"
    met_too = "".join(f",您的{c.figure.display()}也达到{c.condition.describe()}" for c in besides)
    return (
        f"{fact.name}:您的{mine}{reached.format(comparison.condition.describe())}{met_too},"
        f"{gives}{figured}{more}{note}{mark}。"
    )


def _distinct_fields(comparisons: list[Comparison]) -> list[Comparison]:
    """The first comparison of each fact's each measured field (a field two figures speak to, once)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in comparisons:
        if (c.fact.id, c.condition.field) not in seen:
            seen.add((c.fact.id, c.condition.field))
            out.append(c)
    return out


def _award_below(comparisons: list[Comparison], marker: Callable[[PolicyFact], str], lang: str) -> str:
    """A graded award the answer quotes whose every bracket the user's figure falls short of: its lowest
    bracket, and that the figure does not reach it ("营收10亿" against 首次突破20亿元 ... 1000亿元)."""
    graded = [c for c in comparisons if c.fact.variant and c.fact.kind is FactKind.AWARD and c.condition.threshold]
    if not graded:
        return ""
    name = graded[0].fact.name
    brackets = [c for c in graded if c.fact.name == name]
    if any(c.meets for c in brackets):
        return ""
    lowest = min(brackets, key=lambda c: c.condition.threshold.value if c.condition.threshold else 0)
    # the bracket's lower end only: "营业收入首次突破20亿元" (its upper end is the next bracket's)
    bracket = lowest.condition.model_copy(update={"upper": None}).describe()
    mine, mark = lowest.figure.display(lang), marker(lowest.fact)
    if lang == "en":
        return f"No, you do not qualify: your {mine} is below {name}'s lowest bracket, {bracket}{mark}."
    return f"{name}:最低一档是{bracket},您的{mine}未达到{mark}。"


def _where(doc: PolicyDocument, citation: Citation, lang: str, repeat: bool) -> str:
    if lang == "en":
        return f"{'same document' if repeat else doc.doc_number}, p. {citation.printed_page}"
    if repeat:
        return f"同文件第{citation.printed_page}页"
    # the 文号 names the document (the citation beside the answer carries its full title)
    return f"{doc.doc_number} 第{citation.printed_page}页"


def _list_heading(sentence: Sentence, quote: str, corpus: Corpus) -> str:
    """For a quote that opens with a list's item ("2. 建立评审专家库…"), the heading that introduces the list
    ("(七)评审办的主要职责:"), when the quote does not hold it: an item says what is done, its list by whom.
    Only a heading that ends in a colon introduces its items; a section title ("三、支持政策") does not."""
    if not _ITEM_NUMBER.match(quote.strip()):
        return ""
    path = [p.strip() for p in sentence.chunk.section.split(">") if p.strip()]
    own = compact(_ITEM_NUMBER.sub("", quote.strip()))[:6]
    # the path's last part may be the item itself; the list's heading is the part before it
    if path and own and own in compact(path[-1]):
        path = path[:-1]
    heading = path[-1] if path else ""
    if not heading or compact(heading) in compact(quote) or len(heading) > 30:
        return ""
    doc = corpus.documents[sentence.chunk.doc_no]
    body = compact(corpus.source_of(doc).body[doc.start : doc.end or None])
    at = body.find(compact(heading))
    return (
        heading if at >= 0 and body[at + len(compact(heading)) : at + len(compact(heading)) + 1] in (":", "：") else ""
    )


def short_title(title: str, limit: int = 20) -> str:
    """The distinctive part of a title: without 关于 and the zone's own name, cut at ``limit`` characters
    (the citation carries the full title)."""
    short = _TITLE_PLACE.sub("", title.removeprefix("关于")) or title
    return short if len(short) <= limit else short[: limit - 1] + "…"


_TITLE_PLACE = re.compile(r"杭州高新(?:技术产业)?开发区\s*[((]滨江[))]|杭州高新区\s*[((]滨江[))]|高新区\s*[((]滨江[))]")


def _disputed(plan: QueryPlan) -> QueryPlan:
    """A question that states a figure to be checked asks for the figure of that kind ("降到1%以下,对吧?"
    asks for a share): the lead must state the text's own."""
    kinds = {_DISPUTED[figure_kind(compact(figure))] for figure in plan.claimed}
    return replace(plan, asked=plan.asked | kinds) if kinds else plan


_DISPUTED = {"share": Asked.RATIO, "money": Asked.AMOUNT, "period": Asked.PERIOD, "count": Asked.COUNT}


def _claim_lead(plan: QueryPlan, sentences: list[Sentence], terms: dict[str, float]) -> str:
    """A question that states a figure the quotes do not hold ("一年评两次吧?"), whose best quote states no
    figure of that kind (a date statement, for "…吧?什么时候报?"): the run of the next two quotes that states
    the text's own. Empty otherwise: the best quote's own run leads. A stated figure the quotes hold is not
    confirmed: it is often another item's ("按1%奖励银行,对吧?" beside a guarantee's 1%)."""
    disputed = _disputed(plan)
    runs = [
        r
        for n, sentence in enumerate(sentences[:3], start=1)
        for r in _runs(disputed, display_quote(sentence.text), terms, n)
        if r.figures
    ]
    if not runs or any(r.quote == 1 for r in runs):
        return ""
    best = max(runs, key=lambda r: r.score)
    return f"{_ITEM_NUMBER.sub('', best.text)}[{best.quote}]。"


def _premise_note(plan: QueryPlan, sentences: list[Sentence]) -> str:
    """When the question states a figure the quoted text does not contain, say so before the quotes."""
    quoted = figure_keys(" ".join(s.text for s in sentences))
    wrong = [c for c in plan.claimed if figure_key(c) not in quoted]
    if plan.asks_still or Asked.DATE in plan.asked:
        # "2026年还能用吗?", "今年还在执行吧?…2026年的奖励": the year asked about, no figure the asker puts forward
        wrong = [c for c in wrong if not re.fullmatch(r"(?:19|20)\d{2}\s*年(?:度)?", c.strip())]
    if wrong and plan.checks_premise:
        return f"所引条文中没有「{'、'.join(dict.fromkeys(wrong))}」,原文如下:"  # (each figure once)
    return ""


def compose_toc_only(
    plan: QueryPlan, verdict: Verdict, sentences: list[Sentence], corpus: Corpus, as_of: date
) -> Draft:
    docs = verdict.toc_docs
    citations = [toc_citation(corpus, d, as_of) for d in docs]
    lines = []
    for n, doc in enumerate(docs, start=1):
        if doc.has_text:  # partial: listed with text that stops before the answer
            missing = f"汇编只收录了它的前一部分({doc.text_ends_at}),所问内容不在已收录的正文中"
        else:
            missing = "汇编只在目录中列出了它,未收录正文"
        if plan.lang == "en":
            lines.append(
                f"This is covered by {doc.doc_number} ({doc.title}), listed in the table of contents at printed "
                f"page {doc.printed_start_page}, but the compilation does not contain that part of its text [{n}]."
            )
        else:
            lines.append(
                f"这个问题应由《{doc.title}》({doc.doc_number},目录第{doc.printed_start_page}页)规定,"
                f"但{missing},无法给出具体内容[{n}]。"
            )
    related = [s for s in sentences if s.chunk.doc_no not in {d.doc_no for d in docs}][:2]
    if related:
        lead = "Related text that is loaded:" if plan.lang == "en" else "已收录文件中相关的规定:"
        lines.append(lead)
        for sentence in related:
            citation = citation_for(corpus, sentence, as_of)
            citations.append(citation)
            lines.append(
                f"《{short_title(citation.title)}》({citation.doc_number})第{citation.printed_page}页:"
                f"「{sentence.text}」[{len(citations)}]"
            )
    return Draft(AnswerStatus.TOC_ONLY, "\n".join(lines), citations)


def _unstated(plan: QueryPlan) -> tuple[str, str]:
    """What the text does not state, in Chinese and English, by the kind of fact asked."""
    if Asked.PROCEDURE in plan.asked and plan.asks_materials:
        return "需要提交的材料", "which documents to submit"
    if plan.asked == {Asked.YES_NO} and (plan.asks_benefit or plan.asks_if_given):
        return "给予奖励或补贴", "any award or subsidy for it"
    for kind, zh, en in (
        (Asked.PROCEDURE, "申请程序或受理部门", "how to apply or which office handles it"),
        (Asked.AMOUNT, "具体金额", "an amount"),
        (Asked.RATIO, "具体比例", "a rate"),
        (Asked.COUNT, "具体数量", "a number"),
        (Asked.DATE, "具体时间", "a date"),
        (Asked.PERIOD, "具体期限", "a period"),
        (Asked.CRITERION, "具体条件", "the conditions"),
    ):
        if kind in plan.asked:
            return zh, en
    return "所问的内容", "what was asked"


_GREETING = re.compile(
    r"(?:你好|您好|哈喽|嗨|在吗|在不在|谢谢|多谢|感谢|好的|ok|hello|hi|hey|thanks|thank you|good (?:morning|afternoon))"
    r"[\s!!。.??~\uff5e,,]*(?:(?:你好|您好|谢谢|在吗|there|a lot)[\s!!。.??~\uff5e,,]*)*",
    re.I,
)


def compose_repealed(plan: QueryPlan, verdict: Verdict, listed: list[Citation]) -> Draft:
    """Whether a document the compilation does not hold still applies, where one of its texts repeals it:
    no, and the repealing sentence quoted."""
    numbers = "、".join(verdict.unlisted)
    if not listed:  # (the judge found the repeal in a clause; without its sentence, no answer can cite it)
        return compose_not_found(plan, replace(verdict, status=AnswerStatus.NOT_FOUND, repealed=False))
    cited = listed[0]
    if plan.lang == "en":
        text = (
            f"No: {numbers} has been repealed. {cited.doc_number} says so: 「{cited.quote}」[1] The compilation does "
            f"not contain {numbers} itself."
        )
    else:
        end = "" if cited.quote.endswith(("。", "!", "?")) else "。"
        text = f"不能:{numbers}已废止。{cited.doc_number}规定:「{cited.quote}」[1]{end}汇编未收录{numbers}本身。"
    return Draft(AnswerStatus.ANSWERED, text, [cited])


def compose_not_found(plan: QueryPlan, verdict: Verdict, held: int = 0, listed: list[Citation] | None = None) -> Draft:
    """Say plainly that the compilation does not answer, what was looked for, and why (the verdict's reason);
    ``held``: the documents with text that the serving index holds; ``listed``: the quote that lists the
    grades of an award other than the one asked."""
    separator = ", " if plan.lang == "en" else "、"
    sought = separator.join(topic_words(plan))
    if verdict.tax_owed and plan.lang == "zh":
        # the tax it names first ("…契税可以减免多少?": not only 总部、首次、购置, which the compilation does speak of)
        sought = separator.join(topic_words(plan, first=re.findall(TAX_NAMES, plan.original)))
    if _GREETING.fullmatch(plan.original.strip()):
        # "你好", "谢谢", "hello": nothing asked yet; what can be asked, not that the compilation is silent
        text = (
            'Hello! Ask about the Binjiang industrial-policy compilation, e.g. "How much is the listing award?" '
            'or "Which policies have expired?"; each answer cites the document and its printed page.'
            if plan.lang == "en" or not re.search(r"[\u4e00-\u9fff]", plan.original)
            else "您好!可以问滨江产业政策汇编里的问题,例如“总部企业的认定条件是什么?”“哪些政策已经失效了?”,"
            "每个回答都注明文件、文号和页码。"
        )
        return Draft(AnswerStatus.NOT_FOUND, text, [])
    if verdict.audience[0]:
        # the rule found is another kind of company's: say whose, and that the asked kind's is not written
        asked, other = verdict.audience
        # what was found, without the asked kind itself (the found text is not about it)
        sought = separator.join(w for w in topic_words(plan) if w not in asked)
        zh, en = _unstated(plan)
        zh = "的规定" if zh == "所问的内容" else f"的{zh}"
        topic = f"「{sought}」" if sought else "此事"
        if plan.lang == "en":
            text = (
                f"The provisions the Binjiang policy compilation has on {sought or 'this'} are for {other} only; "
                f"none of its {held or 'loaded'} documents with text states {en} for {asked}. Please check with the "
                "responsible department or the policy's own implementing rules."
            )
        else:
            text = (
                f"汇编中找到的关于{topic}的规定只适用于{other},已收录正文的 {held} 份文件都没有写明{asked}{zh}。"
                "建议咨询主管部门,或查阅相关政策的实施细则与申报通知。"
            )
        return Draft(AnswerStatus.NOT_FOUND, text, [])
    if verdict.grade[0]:
        # "二星级奖多少?" where the list is 五星级、四星级、三星级: say which grades it names, citing it
        asked, named, _ = verdict.grade
        cited = list(listed or [])
        marker = "[1]" if cited else ""
        if plan.lang == "en":
            text = (
                f"The Binjiang policy compilation does not give anything for {asked}: the provision found names "
                f"only {', '.join(named)}{marker}. Please check with the responsible department."
            )
        else:
            text = (
                f"汇编没有写明给{asked}的支持:找到的条款只列了{'、'.join(named)}{marker}。"
                "建议咨询主管部门,或查阅相关政策的实施细则与申报通知。"
            )
        return Draft(AnswerStatus.NOT_FOUND, text, cited)
    if verdict.unlisted:
        # "区党委〔2017〕15号里的上市奖励?": the compilation holds no such document; where it mentions it, say so
        cited = list(listed or [])
        numbers = "、".join(verdict.unlisted)
        if plan.lang == "en":
            mention = f" {cited[0].doc_number} mentions it: 「{cited[0].quote}」[1]." if cited else ""
            text = (
                f"The Binjiang policy compilation does not contain {numbers}: it is neither among its documents nor in "
                f"its table of contents, so what it provides cannot be answered from the compilation.{mention} "
                "Please check with the responsible department."
            )
        else:
            end = "" if cited and cited[0].quote.endswith(("。", "!", "?")) else "。"
            mention = f"汇编中提到它的地方:{cited[0].doc_number}「{cited[0].quote}」[1]{end}" if cited else ""
            text = (
                f"汇编没有收录{numbers}:它不在汇编目录中,也没有正文,无法据汇编回答其中的规定。{mention}"
                "建议咨询主管部门,或查阅该文件原文。"
            )
        return Draft(AnswerStatus.NOT_FOUND, text, cited)
    if verdict.vague[0]:
        # "研发资助具体几个点?" where the text says "给予一定比例的研发资助支持": quote it, and what it leaves open
        benefit, part, _ = verdict.vague
        cited = list(listed or [])
        marker = "[1]" if cited else ""
        ratio = Asked.RATIO in plan.asked
        if plan.lang == "en":
            text = (
                f"The Binjiang policy compilation does not state the {'share' if ratio else 'amount'} for {benefit}: "
                f"the provision found says only 「{part}」{marker}. Please check with the responsible department or "
                "the policy's own implementing rules."
            )
        else:
            text = (
                f"汇编没有写明{benefit}的具体{'比例' if ratio else '金额'}:找到的条款只写了「{part}」{marker}。"
                "建议咨询主管部门,或查阅相关政策的实施细则与申报通知。"
            )
        return Draft(AnswerStatus.NOT_FOUND, text, cited)
    if verdict.benefit and plan.lang == "en":
        # "…to subsidise commuter shuttle buses?": the thing to be subsidised, which the compilation never mentions
        text = (
            f"The Binjiang policy compilation has no provision on subsidising {verdict.benefit}: none of its "
            f"{held or 'loaded'} documents with text mentions it. Please check with the responsible department or "
            "the policy's own implementing rules."
        )
        return Draft(AnswerStatus.NOT_FOUND, text, [])
    if verdict.benefit:
        # "有没有午餐补贴?": the benefit named, and that the compilation never mentions what it is for
        never = [w for w in verdict.unused if w in verdict.benefit] or list(verdict.unused[:2])
        unnamed = f"也没有提到「{'、'.join(never)}」。" if never else ""
        if verdict.benefit in verdict.unused:  # ("劳务费是多少?": the fee itself is the word it never uses)
            unnamed = ""
        text = (
            f"汇编已收录正文的 {held} 份文件中没有关于「{verdict.benefit}」的规定{',' if unnamed else '。'}"
            f"{unnamed}建议咨询主管部门,或查阅相关政策的实施细则与申报通知。"
        )
        return Draft(AnswerStatus.NOT_FOUND, text, [])
    # the words the compilation uses are what it has provisions on; the others it never mentions
    unused = {loose(w) for w in verdict.unused}
    words = topic_words(plan, limit=8)
    # (the metric whose figure is asked is what the provisions do not state: not one of the words they hold)
    metric = {loose(w) for w in plan.asked_metric} if verdict.metric else set()
    used = [w for w in words if loose(w) not in unused and loose(w) not in metric][:4]
    # (nor the contact detail asked, which the answer names as unstated)
    never = [w for w in words if loose(w) in unused and not (verdict.contact and verdict.contact in w)][:3]
    if verdict.topic_held and used:
        # the compilation speaks of the topic, only not of what was asked: say that, not that it is silent
        # (in English, the metric as the asker named it, the compilation's word: "a revenue (营业收入) requirement")
        spelled = next((w for w in plan.asked_metric if w.isascii() and w in plan.original.lower()), "")
        metric_named = f"{spelled} ({verdict.metric})" if spelled else verdict.metric
        zh, en = (f"{verdict.metric}的要求", f"a {metric_named} requirement") if verdict.metric else _unstated(plan)
        if verdict.per:  # "每平方米补多少?": the texts state a share or a cap, never an amount per that measure
            zh = verdict.per if verdict.per == "单价" else f"按每{verdict.per}计的金额"
            en = f"an amount per {PER_MEASURES[verdict.per][2]}"
        if verdict.status_term:  # "认定以后有效期几年?": the documents' own 有效期 is theirs, not the recognition's
            zh = "认定资格的有效期或复核要求(文件本身的有效期不是认定的有效期)"
            en = "how long a recognition stays valid or when it is reviewed (a document's own term is not that)"
        if verdict.contact:  # "联系电话是多少?": the texts name who is in charge, never how to reach them
            zh = f"{verdict.contact}(汇编不含联系方式)"
            en = f"a {verdict.contact} (the compilation gives no contact details)"
        if plan.lang == "en":
            missing = f" It never mentions {', '.join(never)}." if never else ""
            text = (
                f"The Binjiang policy compilation has provisions on {', '.join(used)}, but none of its "
                f"{held or 'loaded'} documents with text states {en}.{missing} Please check with the responsible "
                "department or the policy's own implementing rules and calls for applications."
            )
        else:
            missing = f"「{'、'.join(never)}」汇编中没有提到。" if never else ""
            text = (
                f"汇编已收录正文的 {held} 份文件中有关于「{'、'.join(used)}」的规定,但没有写明{zh}。{missing}"
                "建议咨询主管部门,或查阅相关政策的实施细则与申报通知。"
            )
        return Draft(AnswerStatus.NOT_FOUND, text, [])
    if verdict.issued[0]:
        # "区里2025年出台的…政策": none of the compilation's documents is of that year
        year, first, last = verdict.issued
        text = (
            f"The Binjiang policy compilation holds no policy issued in {year} (its documents were issued in "
            f"{first}–{last}), so it cannot answer this. Please check with the responsible department or the "
            "latest published policies."
            if plan.lang == "en"
            else f"汇编没有收录{year}年出台的政策(所收文件出台于{first}—{last}年),无法回答这个问题。"
            "建议咨询主管部门,或查阅最新发布的政策文件。"
        )
    elif plan.lang == "en":
        looked = f" (looked for: {sought})" if sought else ""
        years = ", ".join(_years_asked(plan))
        reason = f"the compilation never mentions {years}" if verdict.year_unmentioned and years else verdict.reason
        text = (
            f"The Binjiang policy compilation does not answer this question{looked}: none of its "
            f"{held or 'loaded'} documents with text states it ({reason}). Please check with the "
            "responsible department or the policy's own implementing rules."
        )
    elif "not results" in verdict.reason:
        # results, statistics, later policies: not "no provision on 总部" (there are many), but what it lacks
        text = (
            "汇编收录的是政策条文和目标,不含执行情况、统计数据或以后出台的政策,无法回答这个问题。"
            "建议咨询主管部门,或查阅相关政策的实施细则与申报通知。"
        )
    else:
        looked = f"关于「{sought}」" if sought else "这个问题"
        place = next((note for reason, note in _ELSEWHERE_NOTES.items() if reason in verdict.reason), "")
        years = "、".join(f"{y}年" for y in _years_asked(plan))
        if verdict.year_unmentioned and years:
            # "今年(2026年)区财政安排了多少预算?": the provisions found are of other years; name the year never named
            about = f"关于「{sought}」的" if sought else "这个"
            return Draft(
                AnswerStatus.NOT_FOUND,
                f"汇编已收录正文的 {held} 份文件都没有提到{years},无法回答{about}问题。"
                "建议咨询主管部门,或查阅相关政策的实施细则与申报通知。",
                [],
            )
        if "not the year asked" in verdict.reason:
            # "2021年的固投目标": the text sets it for 2023
            found = "、".join(f"{y}年" for y in re.findall(r"20\d{2}", verdict.reason))
            asked = "、".join(f"{y}年" for y in plan.years)
            return Draft(
                AnswerStatus.NOT_FOUND,
                f"汇编已收录正文的 {held} 份文件中关于「{sought}」的规定写的是{found}的,没有写明{asked}的。"
                "建议咨询主管部门,或查阅相关政策的实施细则与申报通知。",
                [],
            )
        text = (
            f"汇编已收录正文的 {held} 份文件中没有找到{looked}的规定。{place}"
            "建议咨询主管部门,或查阅相关政策的实施细则与申报通知。"
        )
    return Draft(AnswerStatus.NOT_FOUND, text, [])


def _years_asked(plan: QueryPlan) -> list[str]:
    """The years the question asks about (not those that date the asker's own days), once each."""
    return [y for y in dict.fromkeys(plan.years) if y not in plan.dating_years]


# the not-found answer says why the compilation cannot hold the answer, when the verdict's reason is its scope
_ELSEWHERE_NOTES = {
    "another place": "所问是其他地区的政策,汇编只收录杭州高新区(滨江)的文件。",
    "another government": "所问是省、市等上级政府自己的规定,汇编只收录杭州高新区(滨江)的文件。",
    "tax owed": "是否纳税、纳多少税由国家税法规定,汇编收录的杭州高新区(滨江)扶持政策不涉及。",
}
