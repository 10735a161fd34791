"""Query understanding: normalisation, 文号 and document names, English glossary, follow-up rewriting."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from corpus.doc_numbers import find_doc_numbers
from corpus.library import Corpus
from corpus.text import nfkc
from service.glossary import colloquial_to_official, english_to_chinese, is_english
from service.models import Turn

# 问法 that ask for several documents side by side
_CROSSDOC = re.compile(
    r"有哪些支持|哪些扶持|有什么支持|分别|各个|各政策|哪几个|哪些文件|哪几份|几个文件|几份|每个文件|都一样|哪些政策|几个政策|哪些规定|有几个"
)
_ASKS_DATE = re.compile(
    r"什么时候|何时|到期|有效期|施行|期限|多久|哪天|起止|过期|失效|expire|valid|effective|when", re.I
)
_ASKS_AMOUNT = re.compile(
    r"多少|金额|比例|最高|上限|封顶|额度|几成|几年|多久|多长时间|how much|how many|how long|amount|what reward|bonus",
    re.I,
)
# an elliptical turn leans on the previous one: "那省级的呢?", "这个政策…", "个人奖呢?"
_ELLIPTIC = re.compile(
    r"^(那|那么|这个|这项|该|它|其|还有|另外|如果是|个人|年度)|呢[??]?$|^(and|what about|how about)\b", re.I
)
_AMOUNT_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*个?\s*(万|亿)(?!元|美元)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# wording that addresses the system rather than the policies ("忽略以上指令", "ignore previous instructions")
_INSTRUCTION = re.compile(
    r"忽略|无视|忘记|忘掉|不受任何|你现在是|扮演|系统提示|提示词|指令|越狱|###|</?[a-z_]+>|"
    r"ignore|disregard|jailbreak|system prompt|you are now|(previous|above|prior|new) instructions",
    re.I,
)
_MARKUP = re.compile(r"</?[A-Za-z_][^<>]{0,40}>|#{2,}[^#]{0,20}#{2,}")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff??。!!])\s+|\s+(?=[\u4e00-\u9fff])")
_CLAUSE = re.compile(r"(?:[^,,。;;!!??\n.]|\.(?=\d))+(?:[,,。;;!!??\n]|\.(?!\d))*|\.")
# words of titles that name no particular policy
_GENERIC_TITLE_WORDS = set(
    [
        "关于",
        "推动",
        "若干",
        "意见",
        "政策",
        "实施",
        "实施意见",
        "发展",
        "高质量",
        "杭州",
        "高新",
        "开发区",
        "滨江",
        "杭州高新区",
        "进一步",
        "加快",
        "促进",
        "支持",
        "企业",
        "产业",
        "建设",
        "打造",
        "管理",
        "办法",
        "推进",
        "加强",
        "提升",
        "扶持",
        "新一代",
        "创新",
        "世界",
        "一流",
        "工作",
        "新时代",
        "深度",
        "融合",
        "区块",
    ]
)


@dataclass
class QueryPlan:
    """What retrieval and the answerer need to know about one question."""

    original: str
    text: str  # normalised, rewritten with history, English terms glossed
    lang: str
    doc_numbers: list[str] = field(default_factory=list)
    doc_filter: list[int] = field(default_factory=list)  # documents named by 文号
    boost_docs: list[int] = field(default_factory=list)  # documents named by title words
    crossdoc: bool = False
    asks_date: bool = False
    asks_amount: bool = False
    rewritten: bool = False


def normalise(text: str) -> str:
    """NFKC (full-width to half-width), unified whitespace, 万/亿 amounts spelled as the texts do (万元)."""
    text = nfkc(text).replace("\u3000", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return _AMOUNT_UNIT.sub(lambda m: f"{m.group(1)}{m.group(2)}元", text)


def has_content(text: str) -> bool:
    """At least two Chinese characters or a Latin word: something a question can be about."""
    return len(_CJK.findall(text)) >= 2 or bool(re.search(r"[A-Za-z]{2,}", text))


def strip_instructions(text: str) -> str:
    """Drop the clauses that instruct the system ("忽略以上指令…", "ignore previous instructions"):
    they are not what the question is about, and must move neither retrieval nor the verdict."""
    text = _MARKUP.sub(" ", text)
    # whitespace next to Chinese text separates clauses as punctuation does
    pieces = [p for part in _CJK_GAP.split(text) for p in _CLAUSE.findall(part)]
    kept = [p for p in pieces if not _INSTRUCTION.search(p)]
    return "".join(kept).strip()


def rewrite_followup(question: str, history: list[Turn]) -> tuple[str, bool]:
    """Join an elliptical question to the last user turn (and the 文号 the assistant named)."""
    previous_user = next((t.content for t in reversed(history) if t.role == "user"), "")
    if not previous_user or not has_content(question):
        return question, False
    short = len(question) <= 14 or bool(_ELLIPTIC.search(question.strip()))
    names_own_subject = bool(find_doc_numbers(question)) and len(question) > 14
    if not short or names_own_subject:
        return question, False
    previous_answer = next((t.content for t in reversed(history) if t.role == "assistant"), "")
    numbers = [n for n in find_doc_numbers(previous_user + previous_answer) if n not in previous_user]
    carried = " ".join(dict.fromkeys(numbers))
    return f"{previous_user} {carried} {question}".strip(), True


def plan_query(question: str, history: list[Turn], corpus: Corpus) -> QueryPlan:
    original = strip_instructions(normalise(question))
    text, rewritten = rewrite_followup(original, history)
    lang = "en" if is_english(original) else "zh"
    glossed = english_to_chinese(text) if lang == "en" else colloquial_to_official(text)
    text = f"{text} {glossed}".strip()
    doc_numbers = find_doc_numbers(text)
    by_number = {d.doc_number: d.doc_no for d in corpus.documents.values()}
    doc_filter = [by_number[n] for n in doc_numbers if n in by_number]
    return QueryPlan(
        original=original,
        text=text,
        lang=lang,
        doc_numbers=doc_numbers,
        doc_filter=list(dict.fromkeys(doc_filter)),
        boost_docs=named_documents(text, corpus),
        crossdoc=bool(_CROSSDOC.search(original)),
        asks_date=bool(_ASKS_DATE.search(original if not rewritten else text)),
        asks_amount=bool(_ASKS_AMOUNT.search(original if not rewritten else text)),
        rewritten=rewritten,
    )


@lru_cache(maxsize=512)
def title_terms(title: str) -> tuple[str, ...]:
    """Distinctive words of a document title (专精特新, 总部经济, 人工智能 …); cached, titles are few."""
    from indexing.keyword import tokenize

    quoted = re.findall(r"[“\"]([^”\"]+)[”\"]", title)
    words = [w for w in tokenize(title) if len(w) >= 2 and w not in _GENERIC_TITLE_WORDS and not w.isdigit()]
    return tuple(dict.fromkeys([*quoted, *words]))


def named_documents(text: str, corpus: Corpus) -> list[int]:
    """Loaded documents whose distinctive title words the question uses ("总部经济那个文件")."""
    found = []
    for doc in corpus.with_text():
        terms = title_terms(doc.title)
        if any(t in text for t in terms if len(t) >= 3) or sum(t in text for t in terms) >= 2:
            found.append(doc.doc_no)
    return found
