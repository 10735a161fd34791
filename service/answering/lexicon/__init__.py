"""Query-expansion lexicons: data files derived from the corpus's own wording (see README.md here).

- ``english.tsv``: English phrase -> the Chinese terms the policies use;
- ``spoken.tsv``: spoken Chinese, short forms and common typos -> the official wording;
- ``topics.tsv``: everyday vocabulary of a policy area -> the distinctive words of the TOC title that
  governs it (创新药 -> 生命健康), so a question reaches a listed document whose text is not held.

Every target occurs in the compilation (tests/answering/test_lexicon.py). Keys are matched longest
first, each span once; Latin keys only on word boundaries ("ai" never fires inside "said").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from corpus.doc_numbers import DOC_NUMBER_RE

LEXICON_DIR = Path(__file__).parent
MIN_CJK_KEY = 2  # one-character keys (报, 厂) fire inside too many other words


# words English questions say otherwise in the glossary's phrases: a short form (HQ), or a synonym that names
# the same thing in an award's name ("standard innovation prize" is the standard innovation award)
_VARIANTS = {"headquarters": "hq", "award": "prize"}


@dataclass(frozen=True, eq=False)
class Lexicon:
    """One table: keys (normalised) -> target terms, and a matcher over them."""

    name: str
    entries: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        entries: dict[str, tuple[str, ...]] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip() or line.startswith("#") or "\t" not in line:
                    continue
                key, targets = line.split("\t", 1)
                key = normalise_key(key)
                if not key or (not key.isascii() and len(key) < MIN_CJK_KEY):
                    continue
                merged = (*entries.get(key, ()), *targets.split())
                entries[key] = tuple(dict.fromkeys(merged))
        if path.stem == "english":  # "industrial HQ" reads as "industrial headquarters" does
            for long_key, wordings in list(entries.items()):
                for word, variant in _VARIANTS.items():
                    if re.search(rf"\b{word}\b", long_key) and long_key != word:
                        entries.setdefault(re.sub(rf"\b{word}\b", variant, long_key), wordings)
        return cls(path.stem, entries)

    def matches(self, text: str) -> list[tuple[str, tuple[str, ...]]]:
        """(key, targets) for each key found in ``text``, longest first, no two on the same span."""
        lengths = _lengths_by_first_char(self)
        lowered = normalise_key(text)
        found: list[tuple[str, tuple[str, ...]]] = []
        i = 0
        while i < len(lowered):
            key = self._longest_at(lowered, i, lengths.get(lowered[i], ()))
            if key is None:
                i += 1
                continue
            found.append((key, self.entries[key]))
            i += len(key)
        return found

    def _longest_at(self, text: str, i: int, lengths: tuple[int, ...]) -> str | None:
        for length in lengths:
            key = text[i : i + length]
            if key not in self.entries:
                # a key ending in e, its e dropped before -ing ("migrating" is "migrate")
                stem, end = key[:-1], i + length - 1
                if (
                    stem.isascii()
                    and len(stem) >= 3
                    and stem + "e" in self.entries
                    and text.startswith("ing", end)
                    and _boundary(text, i - 1)
                    and _boundary(text, end + 3)
                ):
                    return stem + "e"
                continue
            if key.startswith("不") and 0 < i < len(text) - 1 and text[i - 1] == text[i + 1]:
                continue  # the asking of "能不能…?", "可不可以…?", not a negation
            if not key.isascii():
                return key
            # English words (plural and -ing forms too) never match inside a longer word: "ai" is not in "said"
            end = i + length
            for suffix in ("", "s", "es", "ing"):
                if text.startswith(suffix, end) and _boundary(text, i - 1) and _boundary(text, end + len(suffix)):
                    return key
        return None

    def expand(self, text: str) -> list[str]:
        """The target terms of every key in ``text``, in order, each once."""
        return list(dict.fromkeys(t for _, targets in self.matches(text) for t in targets))

    def targets(self) -> set[str]:
        return {t for targets in self.entries.values() for t in targets}


@lru_cache(maxsize=8)
def _lengths_by_first_char(lexicon: Lexicon) -> dict[str, tuple[int, ...]]:
    """For each first character, the lengths of the keys that start with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in lexicon.entries:
        lengths.setdefault(key[0], set()).add(len(key))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}


def _boundary(text: str, index: int) -> bool:
    """No letter or digit at ``index`` (outside the text counts as a boundary)."""
    return not (0 <= index < len(text) and text[index].isascii() and text[index].isalnum())


def normalise_key(text: str) -> str:
    """NFKC, lower case, single spaces; a hyphen between letters reads as a space (dual-engine = dual engine);
    British spellings read as American ones (centre = center, recognised = recognized), keys and questions alike."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)
    for british, american in _BRITISH:
        text = british.sub(american, text)
    return text


# the spelling families of British English; applied to both sides, a word it misreads ("enterprise") is
# misread the same way in the key and the question
_BRITISH = (
    (re.compile(r"centre"), "center"),
    (re.compile(r"programme"), "program"),
    (re.compile(r"licence"), "license"),
    (re.compile(r"\b(lab|hon|fav|col)our"), r"\1or"),
    (re.compile(r"(?<=[a-z]{3})is(ations?|e[drs]?|ers|ing)\b"), r"iz\1"),
)


@lru_cache(maxsize=1)
def english() -> Lexicon:
    return Lexicon.load(LEXICON_DIR / "english.tsv")


@lru_cache(maxsize=1)
def spoken() -> Lexicon:
    return Lexicon.load(LEXICON_DIR / "spoken.tsv")


@lru_cache(maxsize=1)
def topics() -> Lexicon:
    return Lexicon.load(LEXICON_DIR / "topics.tsv")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, str], ...]:
    """vocabulary.tsv's (term, kind) rows."""
    lines = (LEXICON_DIR / "vocabulary.tsv").read_text(encoding="utf-8").splitlines()
    return tuple((r[0], r[1]) for r in (line.split("\t") for line in lines) if len(r) >= 2)


@lru_cache(maxsize=1)
def title_phrases() -> tuple[str, ...]:
    """The distinctive phrases of the 31 TOC titles (vocabulary.tsv's title terms), longest first; not the words
    that only say what kind of document it is (扶持意见, 管理办法: "专精特新的扶持意见" names no other title)."""
    terms = {term for term, kind in _vocabulary() if kind == "title_term" and not _DOCUMENT_KIND.fullmatch(term)}
    return tuple(sorted(terms, key=len, reverse=True))


# a document-kind word of the titles: 若干政策意见, 若干意见, 实施意见, 管理办法, 若干政策, 扶持意见
_DOCUMENT_KIND = re.compile(r"(?:若干|实施|扶持|管理)?(?:政策)?(?:意见|办法|政策)")


@lru_cache(maxsize=1)
def named_terms() -> frozenset[str]:
    """What the compilation names: its awards, recognitions, programmes, clause headings, defined terms and the
    distinctive words of its titles (vocabulary.tsv; not its metrics, places or offices)."""
    kinds = {"title_term", "heading", "defined_term", "award", "recognition", "program"}
    return frozenset(term for term, kind in _vocabulary() if kind in kinds and len(term) >= 2)


@lru_cache(maxsize=1)
def metric_words() -> frozenset[str]:
    """What the compilation measures companies by (营业收入, 销售收入, 研发费用…; vocabulary.tsv's metrics)."""
    return frozenset(term for term, kind in _vocabulary() if kind == "metric")


@lru_cache(maxsize=1)
def award_names() -> frozenset[str]:
    """The compilation's names of a specific support (房租补贴, 算力补贴, 场租费补贴; vocabulary.tsv's awards), not its
    words for any support (一次性奖励, 专项资助, 奖金): a name whose head before its kind of support is specific."""
    generic = {"一次性", "专项", "政策", "差额", "绩效", "资金", "财政", "获奖", "产业扶持", "一次性投资"}
    out = set()
    for term, kind in _vocabulary():
        head = re.sub(r"(?:奖励|补贴|补助|资助|贴息|奖金|奖补|激励|支持|资金|补助资金|额度|经费)+$", "", term)
        if kind == "award" and head != term and len(head) >= 2 and head not in generic:
            out.add(term)
    return frozenset(out)


def _word_list(name: str) -> frozenset[str]:
    lines = (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


QUESTION_NOISE = _word_list("question_words.txt")
DATE_WORDS = _word_list("date_words.txt")
CATALOGUE_WORDS = _word_list("catalogue_words.txt")


OTHER_PLACES = _word_list("other_places.txt")


def other_places(text: str) -> list[str]:
    """Places outside the district that ``text`` names, not as part of a name the lexicons read as the
    compilation's own words ("Shanghai Stock Exchange" is 上交所, where the district's companies list)."""
    lowered = normalise_key(text)
    if not any(p in lowered for p in OTHER_PLACES):
        return []  # (most questions: the lexicons need not be read)
    # "the Shanghai, Shenzhen and Hong Kong exchanges": the cities of a list of stock exchanges name the exchanges
    lowered = _EXCHANGES.sub(" ", lowered)
    for table in (english(), spoken()):
        for key, _ in table.matches(text):
            if any(p in key for p in OTHER_PLACES):
                lowered = lowered.replace(key, " ")
    return [p for p in OTHER_PLACES if p in lowered and _whole_word(p, text)]


_EXCHANGES = re.compile(
    r"(?:\b(?:shanghai|shenzhen|hong kong|beijing)\b(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*|\s*/\s*)?)+"
    r"\s*(?:stock\s+)?(?:exchanges?|bourses?)\b"
)


def _whole_word(place: str, text: str) -> bool:
    """Whether a Chinese place name starts or ends a word of ``text`` (余杭区, 苏州工业园区), not only straddles
    two ("够得上|海外拓市" holds no 上海); a name not written in Chinese characters is matched as the lexicons
    read it."""
    if not re.search(r"[\u4e00-\u9fff]", place) or place not in text:
        return True
    from indexing.keyword import word_bounds

    bounds = word_bounds(text)
    return any(m.start() in bounds or m.end() in bounds for m in re.finditer(re.escape(place), text))


def is_english(text: str) -> bool:
    """Mostly Latin letters: an English question (Chinese terms quoted inside it are allowed, and a 文号 is a
    name in any language: "What is 区党委〔2019〕25号 about?")."""
    text = DOC_NUMBER_RE.sub(" ", text)
    letters = sum(c.isascii() and c.isalpha() for c in text)
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in text)
    return letters > 3 * cjk and letters >= 8
