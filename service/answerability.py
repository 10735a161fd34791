"""Deciding from evidence whether the loaded text answers a question, only the TOC knows of it, or nothing does.

The verdict rests on three measurements, never on lists of questions:
- coverage: the share of the question's topic words (IDF-weighted) that the best retrieved passages hold;
- unknown words: topic words that the loaded text never uses at all;
- the table of contents: documents without text whose distinctive title words the question uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.library import Corpus
from corpus.models import PolicyDocument, TextStatus
from corpus.text import compact
from service.evidence import TermWeights, coverage, loose
from service.figures import FIGURE, NO_CHARGE
from service.query import QueryPlan, has_content, title_terms
from service.retrieval import ScoredChunk

# Places other than this district: questions about them are outside the compilation.
_OTHER_PLACES = re.compile(
    r"上海|北京|深圳|广州|苏州|南京|天津|重庆|成都|武汉|西安|合肥|宁波|温州|绍兴|嘉兴|湖州|金华|台州|"
    r"张江|中关村|前海|浦东|雄安|余杭|西湖区|萧山|拱墅|上城|临平|钱塘|富阳区|未来科技城|"
    r"shanghai|beijing|shenzhen|guangzhou|suzhou|nanjing",
    re.I,
)
ANSWER_COVERAGE = 0.5  # below this the best passages miss too much of what was asked
RARE_IN_TEXT = 3  # chunks: a title word used this rarely in the loaded text names its own document
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_ASKS_DETAIL = re.compile(r"具体|怎么认定|如何认定|认定标准|认定条件|标准|分档|哪几个阶段|阶段|细则|比例|什么要求|条件")
_DELEGATES = re.compile(r"具体实施意见和操作细则|操作细则|实施细则.{0,6}另行|另行制定")
# award wording that names no figure: the amount is left to other rules
_VAGUE_AMOUNT = re.compile(r"分档给予|一定额度|给予一定|一定比例|适当(给予|补助|奖励)|依照补助标准|按规定给予|视情")
_ASKS_CRITERIA = re.compile(
    r"什么条件|哪些条件|怎么评|如何评|怎么认定|如何认定|认定标准|评选标准|评审标准|要满足|满足什么"
)
_STATES_CRITERIA = re.compile(r"条件|符合|应当|须|要求|以上|不低于|超过|达到|连续")
_CHECKS_PREMISE = re.compile(r"对吧|吧[??]|是不是|是吗|对不对|没错吧")
# a figure answers an amount question, and so does "free of charge"
_FIGURE = re.compile(f"{NO_CHARGE.pattern}|{FIGURE.pattern}")
_DATE_STATED = re.compile(r"\d{4}\s*年|\d+\s*月\s*\d+\s*日|有效期|施行|年底|年内")
_DEADLINE = re.compile(r"截止|截至|之前|以前")


@dataclass
class Verdict:
    status: str  # answered | toc_only | not_found
    reason: str
    coverage: float = 0.0
    toc_docs: list[PolicyDocument] = field(default_factory=list)


def judge(
    plan: QueryPlan,
    terms: dict[str, float],
    weights: TermWeights,
    hits: list[ScoredChunk],
    corpus: Corpus,
    quotes: list[str] | None = None,
    structured: bool = False,
) -> Verdict:
    """Answered, toc_only or not_found for ``plan`` given the ranked chunks and the sentences to quote."""
    if not has_content(plan.original):
        return Verdict("not_found", "the question has no words to look up")
    known = {t: w for t, w in terms.items() if t in weights.corpus_text}
    # a question in several parts may be answered by several passages: their union counts too
    depth = 8 if plan.crossdoc else 3
    union = coverage(known, " ".join(h.chunk.indexed_text for h in hits[:depth]))
    best = max([union * 0.9, *(coverage(known, h.chunk.indexed_text) for h in hits[:5])])
    beyond_partial = _beyond_partial_text(plan, corpus)
    if beyond_partial:
        return Verdict("toc_only", "the part of the document that would answer is not loaded", best, beyond_partial)
    if _OTHER_PLACES.search(plan.original) and not re.search(r"滨江|高新区", plan.original):
        return Verdict("not_found", "the question is about another place", best)
    missing = _missing_kind(plan, weights, quotes or [], known)
    # evidence read from the named document's structure (its date statement, its list of steps) is on topic
    weak = not structured and (best < ANSWER_COVERAGE or not known or bool(missing))
    toc_docs = toc_matches(plan, corpus, weights)
    delegated = _details_delegated(plan, toc_docs, corpus, hits, quotes or [])
    if toc_docs and (weak or delegated or _title_words_only_in_toc(plan, toc_docs, hits)):
        return Verdict("toc_only", "a document without text in the compilation covers the topic", best, toc_docs)
    if weak:
        return Verdict("not_found", missing or f"coverage {best:.2f} of the question's words", best)
    return Verdict("answered", f"coverage {best:.2f}", best)


def _details_delegated(
    plan: QueryPlan, toc_docs: list[PolicyDocument], corpus: Corpus, hits: list[ScoredChunk], quotes: list[str]
) -> bool:
    """Details asked of a topic that the loaded text covers only in a framework document.

    A framework document (区党委〔2019〕25号 and the like) leaves "具体实施意见和操作细则" to later
    documents; when the TOC lists such a document for the topic, the details are in it, not here.
    """
    if not toc_docs or not _ASKS_DETAIL.search(plan.original):
        return False
    named = {loose(t) for d in toc_docs for t in title_terms(d.title) if loose(t) in loose(plan.text)}
    for hit in hits[:5]:
        doc = corpus.documents[hit.chunk.doc_no]
        mentions = any(t in loose(hit.chunk.text) for t in named)
        if mentions and _is_framework(corpus, doc):
            return True
    return False


def _is_framework(corpus: Corpus, doc: PolicyDocument) -> bool:
    body = corpus.source_of(doc).body[doc.start : doc.end]
    return bool(_DELEGATES.search(body))


def _on_topic_sentences(quotes: list[str], terms: dict[str, float]) -> list[str]:
    """The sentences of the quotes about what was asked: most of its words, or two of its words at least."""
    sentences = [s for q in quotes for s in re.findall(r"[^。;;]+[。;;]?", q) if s.strip()]
    scores = [coverage(terms, s) for s in sentences]
    top = max(scores, default=0.0)
    return [s for s, c in zip(sentences, scores, strict=True) if c >= 0.4 * top or len(_distinct_terms(terms, s)) >= 2]


def _distinct_terms(terms: dict[str, float], text: str) -> list[str]:
    """Question words found in ``text``, leaving out those inside a longer found word (专精 in 专精特新)."""
    found = [t for t in terms if len(t) >= 2 and not t.isdigit() and t in loose(text)]
    return [t for t in found if not any(t != other and t in other for other in found)]


def _missing_kind(plan: QueryPlan, weights: TermWeights, quotes: list[str], terms: dict[str, float]) -> str:
    """What kind of fact the question asks for that the quotable sentences do not state."""
    if not plan.doc_numbers:
        for year in _YEAR.findall(plan.original):
            if year not in weights.corpus_text:
                return f"the compilation never mentions {year}"
    if _ASKS_CRITERIA.search(plan.original) and quotes and not any(_STATES_CRITERIA.search(q) for q in quotes):
        return "the text states no criteria for what is asked"
    # a question that checks a premise ("…对吧?") is answered by the text that confirms or corrects it
    if plan.asks_date and quotes and not _CHECKS_PREMISE.search(plan.original):
        deadline = re.search(r"截止|截至|deadline", plan.original, re.I)
        stated = [q for q in quotes if (_DEADLINE if deadline else _DATE_STATED).search(q)]
        if not stated:
            return "the text states no date for what is asked"
    if plan.asks_amount and not plan.asks_date and quotes:
        best = max(_on_topic_sentences(quotes, terms), key=lambda q: coverage(terms, q), default="")
        if _VAGUE_AMOUNT.search(best) and not _FIGURE.search(best):
            return "the passage on the subject leaves the amount unstated"
        asked = {compact(m.group()) for m in _FIGURE.finditer(plan.original)}
        figures = {compact(m.group()) for q in _on_topic_sentences(quotes, terms) for m in _FIGURE.finditer(q)}
        if not figures - asked:
            return "the text names no figure for what is asked"
    return ""


def toc_matches(plan: QueryPlan, corpus: Corpus, weights: TermWeights) -> list[PolicyDocument]:
    """Documents without loaded text whose distinctive title words the question uses, best first.

    A title word is distinctive when the loaded text rarely uses it (瞪羚企业, 直播, 5050计划) or it holds
    digits (5G); common words such as 中小企业 do not name a document.
    """
    scored = []
    text = plan.text.lower()
    for doc in corpus.documents.values():
        if doc.text_status is not TextStatus.TOC_ONLY:
            continue
        if doc.doc_number in plan.doc_numbers:
            scored.append((10.0, doc))
            continue
        hits = [t for t in title_terms(doc.title) if t.lower() in text]
        strong = [t for t in hits if weights.df.get(t.lower(), 0) <= RARE_IN_TEXT or any(c.isdigit() for c in t)]
        if strong:
            scored.append((sum(len(t) for t in hits), doc))
    scored.sort(key=lambda s: s[0], reverse=True)
    return [doc for _, doc in scored[:2]]


def _title_words_only_in_toc(plan: QueryPlan, toc_docs: list[PolicyDocument], hits: list[ScoredChunk]) -> bool:
    """The question's document-defining words (from a TOC title) are absent from the retrieved passages."""
    passages = loose(" ".join(h.chunk.text for h in hits[:5]))
    text = loose(plan.text)
    for doc in toc_docs:
        named = [t for t in title_terms(doc.title) if loose(t) in text and (len(t) >= 3 or any(c.isdigit() for c in t))]
        if named and not any(loose(t) in passages for t in named):
            return True
    return False


def _beyond_partial_text(plan: QueryPlan, corpus: Corpus) -> list[PolicyDocument]:
    """A partial document named by the question, asked for what its missing part holds (its dates)."""
    named = set(plan.doc_filter) | set(plan.boost_docs)
    return [
        corpus.documents[n]
        for n in sorted(named)
        if corpus.documents[n].text_status is TextStatus.PARTIAL
        and plan.asks_date
        and corpus.documents[n].dates.effective_from is None
    ]
