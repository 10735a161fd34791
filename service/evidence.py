"""Evidence: which sentences of the retrieved chunks answer the question, and how well the text covers it."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from corpus.text import compact
from indexing.builder import IndexVersion
from indexing.chunks import Chunk
from indexing.keyword import tokenize
from service.figures import FIGURE, NO_CHARGE
from service.query import QueryPlan

_SENTENCE = re.compile(r"[^。;;\n]+[。;;]?")
_CLAUSE = re.compile(r"[^,,:]+[,,:]?")
_QUOTES = re.compile(r"[“”‘’\"'「」『』]")
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|施行|有效期|实施有效")
# words that ask for a date: the answer's kind, not its topic
DATE_WORDS = set(
    [
        "有效期",
        "有效",
        "效期",
        "施行",
        "到期",
        "期限",
        "失效",
        "过期",
        "实施",
        "开始",
        "生效",
        "截止",
        "expire",
        "valid",
        "effective",
    ]
)
# words a question uses that say nothing about its topic
QUESTION_NOISE = set(
    [
        "区里",
        "区",
        "滨江",
        "高新区",
        "杭州",
        "杭州高新区",
        "我们",
        "公司",
        "企业",
        "政策",
        "文件",
        "规定",
        "具体",
        "一般",
        "可以",
        "能拿",
        "能奖",
        "奖多少",
        "补多少",
        "多少钱",
        "钱",
        "什么",
        "怎么",
        "如何",
        "哪些",
        "哪个",
        "哪几个",
        "是不是",
        "有没有",
        "有",
        "没",
        "吗",
        "呢",
        "吧",
        "对吧",
        "一下",
        "请问",
        "应该",
        "问题",
        "情况",
        "现在",
        "今年",
        "给",
        "拿",
        "能",
        "奖",
        "补",
        "奖励",
        "补贴",
        "补助",
        "支持",
        "万元",
        "亿元",
        "元",
        "多少",
        "要求",
        "条件",
        "标准",
        "最多",
        "最高",
        "binjiang",
        "district",
        "company",
        "companies",
        "what",
        "how",
        "much",
        "many",
        "does",
        "do",
        "is",
        "are",
        "the",
        "a",
        "an",
        "of",
        "for",
        "to",
        "in",
        "on",
        "our",
        "we",
        "can",
        "get",
        "any",
        "there",
    ]
)


@dataclass
class Sentence:
    chunk: Chunk
    start: int  # body offsets
    end: int
    text: str
    score: float = 0.0
    coverage: float = 0.0


class TermWeights:
    """IDF of tokens over the indexed chunks; unknown tokens get the highest weight."""

    def __init__(self, version: IndexVersion):
        token_lists = version.keyword.token_lists
        self.n = max(len(token_lists), 1)
        self.df = Counter(t for tokens in token_lists for t in set(tokens))
        self.corpus_text = loose(" ".join(c.text + c.section for c in version.chunks))

    def idf(self, token: str) -> float:
        return math.log((self.n + 1) / (self.df.get(token, 0) + 0.5))

    def question_terms(self, plan: QueryPlan) -> dict[str, float]:
        """Topic words of the question with their weights (noise, 文号 and, for date questions, date words removed)."""
        text = plan.text if plan.lang == "zh" else _chinese_part(plan.text)
        terms = {}
        for token in tokenize(text):
            if token in QUESTION_NOISE or "〔" in token or (len(token) < 2 and not token.isdigit()):
                continue
            if plan.asks_date and token in DATE_WORDS:
                continue
            terms[token] = self.idf(token)
        return terms

    def unknown_terms(self, terms: dict[str, float]) -> list[str]:
        """Question words the loaded text never uses (ignoring ones whose parts all appear)."""
        return [t for t in terms if len(t) >= 2 and t not in self.corpus_text and not t.isdigit()]


def loose(text: str) -> str:
    """Lower-case compact text without quotation marks ("“5050”计划" reads as 5050计划)."""
    return _QUOTES.sub("", compact(text).lower())


def coverage(terms: dict[str, float], text: str) -> float:
    """Share of the question's term weight found in ``text``."""
    total = sum(terms.values())
    if total == 0:
        return 0.0
    haystack = loose(text)
    return sum(w for t, w in terms.items() if t in haystack) / total


def sentences_of(chunk: Chunk) -> list[Sentence]:
    out = []
    for match in _SENTENCE.finditer(chunk.text):
        text = match.group().strip()
        if len(compact(text)) >= 4:
            lead = len(match.group()) - len(match.group().lstrip())
            start = chunk.start + match.start() + lead
            out.append(Sentence(chunk, start, start + len(text), text))
    return out


def windows_of(chunk: Chunk, max_sentences: int = 3, max_chars: int = 220) -> list[Sentence]:
    """Runs of 1-3 consecutive sentences of a chunk: facts often sit in the sentence next to the match."""
    sentences = sentences_of(chunk)
    out = []
    for i in range(len(sentences)):
        for j in range(i, min(i + max_sentences, len(sentences))):
            start, end = sentences[i].start, sentences[j].end
            if j > i and end - start > max_chars:
                break
            text = chunk.text[start - chunk.start : end - chunk.start]
            out.append(Sentence(chunk, start, end, text))
    return out


def score_sentences(plan: QueryPlan, terms: dict[str, float], chunks: list[tuple[Chunk, float]]) -> list[Sentence]:
    """Sentence windows of the ranked chunks scored by term coverage, the kind of fact asked, and rank."""
    top = max((s for _, s in chunks), default=1.0) or 1.0
    asks_fee = "费" in plan.original
    scored = []
    for chunk, chunk_score in chunks:
        context = f"{chunk.section} {chunk.title}"
        for window in windows_of(chunk):
            own = coverage(terms, window.text)
            with_context = coverage(terms, window.text + context)
            score = 0.7 * own + 0.3 * with_context + 0.25 * chunk_score / top - 0.0004 * len(window.text)
            if plan.asks_amount and (FIGURE.search(window.text) or (asks_fee and NO_CHARGE.search(window.text))):
                score += 0.3
            if plan.asks_date and _DATE.search(window.text):
                score += 0.4
            window.score, window.coverage = score, with_context
            scored.append(window)
    scored.sort(key=lambda s: s.score, reverse=True)
    return scored


def extend_window(window: Sentence, max_chars: int = 200) -> Sentence:
    """Grow a window by its neighbouring sentences in the chunk (next first) while it stays short.

    A condition and its figure, or a rule and its exception, often sit in adjacent sentences.
    """
    sentences = sentences_of(window.chunk)
    start, end = window.start, window.end
    following = [s for s in sentences if s.start >= end]
    preceding = [s for s in sentences if s.end <= start]
    if following and following[0].end - start <= max_chars:
        end = following[0].end
    # never back across a page break: the citation names the page where the quote starts
    base = window.chunk.start
    same_page = bool(preceding) and "\n" not in window.chunk.text[preceding[-1].start - base : start - base]
    if preceding and same_page and end - preceding[-1].start <= max_chars:
        start = preceding[-1].start
    if (start, end) == (window.start, window.end):
        return window
    chunk = window.chunk
    text = chunk.text[start - chunk.start : end - chunk.start]
    return Sentence(chunk, start, end, text, window.score, window.coverage)


def trim_quote(sentence: Sentence, terms: dict[str, float], limit: int = 150) -> Sentence:
    """A long sentence cut to its best run of comma clauses (still a verbatim span of the text)."""
    if len(sentence.text) <= limit:
        return sentence
    parts = [(m.start(), m.end()) for m in _CLAUSE.finditer(sentence.text)]
    best, best_score = (0, min(limit, len(sentence.text))), -1.0
    for i in range(len(parts)):
        for j in range(i, len(parts)):
            s, e = parts[i][0], parts[j][1]
            if e - s > limit:
                break
            piece = sentence.text[s:e]
            score = coverage(terms, piece) + (0.2 if FIGURE.search(piece) else 0.0) + 0.001 * (e - s)
            if score > best_score:
                best, best_score = (s, e), score
    s, e = best
    text = sentence.text[s:e].strip()
    lead = sentence.text[s:e].find(text)
    start = sentence.start + s + lead
    return Sentence(sentence.chunk, start, start + len(text), text, sentence.score, sentence.coverage)


def _chinese_part(text: str) -> str:
    return " ".join(re.findall(r"[\u4e00-\u9fff0-9%A-Z]+", text))
