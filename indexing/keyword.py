"""Keyword index: jieba (search mode) with a domain dictionary, 文号 normalisation, BM25 (bm25s)."""

from __future__ import annotations

import json
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import bm25s
import numpy as np

from corpus.doc_numbers import DOC_NUMBER_RE, normalise_doc_number
from corpus.text import nfkc

# Terms jieba would cut apart; they carry the meaning of most questions here.
DOMAIN_TERMS = (
    "专精特新",
    "小巨人",
    "专精特新小巨人",
    "单项冠军",
    "隐形冠军",
    "瞪羚企业",
    "瞪羚",
    "独角兽",
    "准独角兽",
    "5050计划",
    "总部企业",
    "总部经济",
    "规模型总部",
    "研发型总部",
    "销售型总部",
    "金融业总部",
    "企业研究院",
    "省级企业研究院",
    "重点实验室",
    "工程技术研究中心",
    "企业技术中心",
    "工程研究中心",
    "创新券",
    "首台套",
    "首版次",
    "首批次",
    "见贷即保",
    "链主企业",
    "创新联合体",
    "孵化器",
    "众创空间",
    "新三板",
    "股改",
    "境内上市",
    "境外上市",
    "拟上市",
    "上市后备",
    "并购重组",
    "贷款贴息",
    "贴息",
    "注册资本",
    "实到注册资本",
    "营业收入",
    "对区贡献",
    "财政收入级次",
    "产业扶持资金",
    "人才专项资金",
    "标准创新奖",
    "组织奖",
    "个人奖",
    "质量奖",
    "专利金奖",
    "知识产权",
    "集成电路",
    "人工智能",
    "算力",
    "算力补贴",
    "基础模型",
    "数据集",
    "流片",
    "首轮流片",
    "EDA",
    "社零",
    "限额以上",
    "文化出口基地",
    "海外孵化器",
    "海外创新孵化中心",
    "海外科技创新中心",
    "租房补助",
    "购房补助",
    "房租补贴",
    "场租费",
    "一事一议",
    "有效期",
    "施行",
    "万元",
    "亿元",
    "美元",
)
_STOP = set(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "是",
        "在",
        "对",
        "为",
        "以",
        "等",
        "其",
        "之",
        "也",
        "于",
        "由",
        "将",
        "被",
        "并",
        "可",
        "按",
        "向",
        "从",
        "中",
        "上",
        "下",
        "吗",
        "呢",
        "吧",
        "啊",
        "么",
        "嘛",
        "我",
        "我们",
        "你",
        "你们",
        "有",
        "没有",
        "多少",
        "什么",
        "怎么",
        "哪些",
        "能",
        "会",
        "要",
        "给",
    ]
)
_LONG_TERMS = tuple(t.lower() for t in DOMAIN_TERMS if len(t) >= 4)
_TOKEN_OK = re.compile(r"[\w%]", re.UNICODE)


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for term in DOMAIN_TERMS:
        tokenizer.add_word(term, freq=200000)
    return tokenizer


_JIEBA_LOCK = threading.Lock()


def in_dictionary(word: str) -> bool:
    """Whether ``word`` is a word of general Chinese: jieba's frequency dictionary (with the domain terms) lists it."""
    return bool(_jieba().FREQ.get(word, 0))


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    import jieba.posseg

    tags: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return tags


def word_class(word: str) -> str:
    """The part of speech jieba's dictionary gives ``word`` ("n" for 食堂, "v" for 停车, "m" for 一笔), or "" when
    the dictionary does not list it."""
    return _word_tags().get(word, "")


@lru_cache(maxsize=1024)
def word_bounds(text: str) -> frozenset[int]:
    """The offsets in ``text`` where a word starts or ends (jieba's precise segmentation, domain terms as
    whole words): "标准创新奖的" has bounds {0, 5, 6}, so 标准 is no word of it."""
    with _JIEBA_LOCK:
        words = list(_jieba().cut(text))
    bounds, at = {0}, 0
    for word in words:
        at += len(word)
        bounds.add(at)
    return frozenset(bounds)  # (cached: a question's bounds are read by several stages)


def tokenize(text: str) -> list[str]:
    """Search-mode tokens: 文号 as one canonical token, numbers kept, punctuation and stop words dropped."""
    text = nfkc(text).lower()
    tokens: list[str] = []
    for match in DOC_NUMBER_RE.finditer(text):
        number = normalise_doc_number(match.group())
        if number:
            tokens.append(number)
    text = DOC_NUMBER_RE.sub(" ", text)
    with _JIEBA_LOCK:
        words = list(_jieba().cut_for_search(text))
    for word in words:
        word = word.strip()
        if word and word not in _STOP and _TOKEN_OK.search(word):
            tokens.append(word)
            if len(word) > 4:
                # search mode yields only 2- and 3-character parts; keep the domain terms inside too
                tokens.extend(t for t in _LONG_TERMS if t in word and t != word)
    return tokens


class KeywordIndex:
    """BM25 over chunk texts; ids are the chunk ids in index order."""

    def __init__(self, ids: list[str], token_lists: list[list[str]]):
        self.ids = ids
        self._bm25 = bm25s.BM25()
        # an empty corpus cannot be indexed by bm25s; an empty index simply finds nothing
        if ids:
            self._bm25.index(token_lists, show_progress=False)
        self._tokens = token_lists

    @property
    def token_lists(self) -> list[list[str]]:
        return self._tokens

    @classmethod
    def from_texts(cls, ids: list[str], texts: list[str]) -> KeywordIndex:
        return cls(ids, [tokenize(t) for t in texts])

    def scores(self, query: str) -> np.ndarray:
        tokens = tokenize(query)
        if not self.ids or not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(list(dict.fromkeys(tokens))), dtype=np.float32)

    def search(self, query: str, k: int = 20) -> list[tuple[str, float]]:
        scores = self.scores(query)
        order = np.argsort(-scores)[:k]
        return [(self.ids[i], float(scores[i])) for i in order if scores[i] > 0]

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        payload = {"ids": self.ids, "tokens": self._tokens}
        (directory / "keyword.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> KeywordIndex:
        payload = json.loads((directory / "keyword.json").read_text(encoding="utf-8"))
        return cls(payload["ids"], payload["tokens"])
