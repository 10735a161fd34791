"""Homophone typos: a word typed with a pinyin input method often comes out as another word that sounds the
same ("新才料" for 新材料). A question word of three or more characters that the compilation never uses is
read as the compilation's word with the same pinyin, when there is one.

Two-character words share their pinyin too often (统一/同一, 十几/市级) for a sound alone to say which was
meant: one is read in the words around it, or, when it is no word at all (算利), as the texts' only dictionary
word of its sound.
"""

from __future__ import annotations

import re
import threading
from collections import Counter

from pypinyin import lazy_pinyin

from corpus.library import Corpus

MIN_CHARS = 3
MAX_CHARS = 4
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


class HomophoneIndex:
    """Every 3- and 4-character run of Chinese in the texts, by its toneless pinyin."""

    def __init__(self, texts: list[str]):
        joined = "\n".join(texts)
        self._text = joined
        self._sound: dict[str, str] = {}
        self._by_sound: dict[tuple[str, ...], Counter[str]] = {}
        self._pairs: dict[tuple[str, ...], set[str]] | None = None  # two-character dictionary words, when first asked
        for run in _CJK_RUN.findall(joined):
            for n in range(MIN_CHARS, MAX_CHARS + 1):
                for i in range(len(run) - n + 1):
                    word = run[i : i + n]
                    self._by_sound.setdefault(self._pinyin(word), Counter())[word] += 1

    def _pinyin(self, word: str) -> tuple[str, ...]:
        out = []
        for char in word:
            if char not in self._sound:
                self._sound[char] = lazy_pinyin(char)[0]
            out.append(self._sound[char])
        return tuple(out)

    def correct(self, word: str) -> str | None:
        """The texts' word that sounds like ``word``, when ``word`` itself is not in the texts (else None)."""
        if not (MIN_CHARS <= len(word) <= MAX_CHARS) or not _CJK_RUN.fullmatch(word) or word in self._text:
            return None
        found = self._by_sound.get(self._pinyin(word))
        return found.most_common(1)[0][0] if found else None

    def correct_in(self, word: str, text: str, *, same_around: bool = False) -> str | None:
        """A two-character ``word`` the texts never use, read in the words around it in ``text``: when a
        3- or 4-character run holding it sounds like a run of the texts, the texts' characters in its place
        ("瞪岭企业" sounds like 瞪羚企业: 瞪岭 -> 瞪羚). Alone, two characters share their sound too often.
        ``same_around``: the characters around it must be the texts' own, not only sound like them (a word of
        the dictionary is the asker's unless the texts write its very surroundings: 公式期 -> 公示期, but not
        复核一(般) -> 符合以)."""
        if len(word) != 2 or not _CJK_RUN.fullmatch(word) or word in self._text:
            return None
        for at in (m.start() for m in re.finditer(re.escape(word), text)):
            for before, after in ((0, 2), (1, 1), (2, 0), (0, 1), (1, 0)):
                start, end = at - before, at + len(word) + after
                run = text[max(start, 0) : end]
                if start < 0 or len(run) != end - start or not _CJK_RUN.fullmatch(run):
                    continue
                fixed = self.correct(run)
                if (
                    fixed
                    and same_around
                    and (fixed[:before] != run[:before] or fixed[before + len(word) :] != run[before + len(word) :])
                ):
                    continue
                if fixed:
                    return fixed[before : before + len(word)]
        return None

    def correct_word(self, word: str) -> str | None:
        """A two-character ``word`` that is no word at all (neither in the texts nor in the dictionary), read
        as the one dictionary word of the texts that sounds the same (算利 -> 算力); None when there is none
        or more than one, for a sound alone cannot choose between two real words."""
        from indexing.keyword import in_dictionary

        if len(word) != 2 or not _CJK_RUN.fullmatch(word) or word in self._text or in_dictionary(word):
            return None
        if self._pairs is None:
            pairs: dict[tuple[str, ...], set[str]] = {}
            for run in _CJK_RUN.findall(self._text):
                for i in range(len(run) - 1):
                    pairs.setdefault(self._pinyin(run[i : i + 2]), set()).add(run[i : i + 2])
            self._pairs = {sound: {w for w in found if in_dictionary(w)} for sound, found in pairs.items()}
        found = self._pairs.get(self._pinyin(word), set())
        return next(iter(found)) if len(found) == 1 else None


_LOCK = threading.Lock()
_CACHE: dict[tuple[tuple[int, str, int, int], ...], HomophoneIndex] = {}


def homophones(corpus: Corpus) -> HomophoneIndex:
    """The index of the corpus's loaded text and titles (built once per set of documents)."""
    key = tuple(sorted((d.doc_no, d.source, d.start, d.end) for d in corpus.documents.values()))
    with _LOCK:
        index = _CACHE.get(key)
        if index is None:
            texts = [d.title for d in corpus.documents.values()]
            texts += [corpus.source_of(d).body[d.start : d.end or None] for d in corpus.with_text()]
            index = _CACHE[key] = HomophoneIndex(texts)
            if len(_CACHE) > 8:
                _CACHE.pop(next(iter(_CACHE)))
        return index
