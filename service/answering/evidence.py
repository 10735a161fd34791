"""Evidence: which sentences of the retrieved chunks answer the question, and how well the text covers it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.text import compact
from indexing.builder import IndexVersion
from indexing.chunks import Chunk
from service.answering import lexicon
from service.answering.config import EvidenceConfig
from service.answering.figures import FIGURE, GIVEN, NO_CHARGE, PERIOD, without_budgets
from service.answering.grades import LEVEL_WORD, PLACE_LEVEL_WORD
from service.answering.lexicon import DATE_WORDS
from service.answering.periods import asked_conditions, period_wording
from service.answering.plan import Asked, QueryPlan, self_described, self_descriptions, told_before
from service.answering.ranks import rank_rules

_SENTENCE = re.compile(r"[^。;;\n]+[。;;]?")
_SENTENCE_ENDS = frozenset("。;;::!?!?」”))")
# a line that opens a new item or heading: (一) 一、 1. (1) 第一章 ...
_OPENS_ITEM = re.compile(
    r"\s*(?:[((][一二三四五六七八九十\d]+[))]|[一二三四五六七八九十]+、|\d+\s*[.、.]|第[一二三四五六七八九十]+[章条])"
)
_CLAUSE = re.compile(r"[^,,:]+[,,:]?")
_QUOTES = re.compile(r"[“”‘’\"'「」『』]")
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|施行|有效期|实施有效")
# a rule that forbids something, or requires it
_FORBIDS = re.compile(r"不得|不予|禁止")
_REQUIRES = re.compile(r"应当|必须")
# the corpus's words of a charge, as a question's terms carry them
_FEE_WORDS = frozenset({"收取", "收费", "费用"})
# ... or a charge named by what it is paid for ("报名费", "评审费", "an application fee")
_NAMED_FEE = re.compile(
    r"(?:报名|评审|申报|手续|审核|认定|评估)费|\b(?:application|entry|registration|review|assessment|filing) fees?\b",
    re.I,
)
# a measure that gives a company something
GRANTS = re.compile(r"给予|予以")
# the words of money given, which name no measure ("能拿多少" -> 最高 奖励 补助 补贴)
MONEY_WORDS = re.compile(r"最高|万元|金额|资金|给予|予以|(?:奖励|补助|补贴|资助|奖金|扶持)(?:资金|金额|金)?")
# a follow-up about a thing itself, not what the turn before asked of it
_ITSELF = re.compile(r"本身|自身|\bitself\b|\bthemselves\b")
# the words of a step, a channel or an office
PROCEDURE_WORDS = re.compile(
    r"申报|申请|受理|审核|审批|评审|公示|提交|负责(?!人)|牵头|部门|办公室|平台|流程|程序|组织(?=开展|实施|评审|召开|专业)|推荐|申报材料|签署|通知"
)

# a document's own statement of who implements or interprets it ("本办法由…牵头实施", "由…负责解释")
IMPLEMENTED_BY = re.compile(r"牵头实施|负责牵头|负责解释|解释权")


def _rules_on(text: str, asked: frozenset[Asked]) -> bool:
    """Whether ``text`` forbids something or, for a yes/no that asks no criteria ("能自己报吗?", not "有资格
    吗?": the criteria are its answer), requires it."""
    return bool(_FORBIDS.search(text) or (Asked.CRITERION not in asked and _REQUIRES.search(text)))


def states_procedure(text: str, topic: list[str] | tuple[str, ...] = ()) -> bool:
    """Whether ``text`` states a step, a channel or an office, in words other than the question's own topic
    ("怎么申报?" is not answered by "申报项目未获得过…" for saying 申报)."""
    return any(m.group() not in topic for m in PROCEDURE_WORDS.finditer(without_titles(text)))


def without_titles(text: str) -> str:
    """``text`` without the titles it cites (《…的通知》 names a document, it states no step of applying)."""
    return _TITLE.sub("", text)


_TITLE = re.compile(r"《[^》]*》")


@dataclass
class Sentence:
    chunk: Chunk
    start: int  # body offsets
    end: int
    text: str
    score: float = 0.0
    coverage: float = 0.0


class Terms(dict[str, float]):
    """The question's topic concepts with their weights; a concept is found when any of its wordings is."""

    def __init__(
        self,
        weights: dict[str, float],
        alternatives: dict[str, tuple[str, ...]],
        described: frozenset[str] = frozenset(),
    ):
        super().__init__(weights)
        self.alternatives = alternatives
        self.described = described  # the concepts only of the asker's description of themselves
        # a compound concept made of two others of the question (创业项目 of 创业 and 项目): a text holding both
        # parts holds it ("创业发展资助…院士等人才领衔的项目")
        self.parts = {
            key: [(a, b) for a in weights for b in weights if a != key and b != key and a + b == key] for key in weights
        }
        self.parts = {k: v for k, v in self.parts.items() if v}

    def without_description(self) -> Terms:
        """The concepts with the asker's description of themselves weighing nothing: whether the compilation
        answers rests on what is asked, not on who asks ("我们是刚搬到滨江的一家科技公司,…")."""
        if not self.described:
            return self
        return Terms({k: 0.0 if k in self.described else w for k, w in self.items()}, self.alternatives)

    def found(self, key: str, haystack: str) -> bool:
        """``haystack`` in ``loose`` form."""
        if any(alt in haystack for alt in self.alternatives.get(key, (key,))):
            return True
        return any(
            any(alt in haystack for alt in self.alternatives.get(a, (a,)))
            and any(alt in haystack for alt in self.alternatives.get(b, (b,)))
            for a, b in self.parts.get(key, ())
        )


def part_terms(terms: dict[str, float], part: str) -> Terms:
    """The question's concepts that one of its parts words."""
    read = loose(part)
    keys = [k for k in terms if loose(k) in read]
    alternatives = terms.alternatives if isinstance(terms, Terms) else {}
    return Terms({k: terms[k] for k in keys}, {k: alternatives.get(k, (loose(k),)) for k in keys})


def kinds_described(described: list[str]) -> set[str]:
    """The kinds of company (the facts' audiences: 总部企业, 专精特新企业…) the asker says they are, by a
    document's wording or the kind's own name, as the judge reads the kind a question asks about."""
    from service.answering import fact_terms

    said = "".join(described)
    said += " ".join(lexicon.english().expand(said))  # "我们是AI企业": English words read through the glossary
    return {t.canonical for t in fact_terms.of_kind("audience") if t.surface in said or t.canonical in said}


# a clause in which the asker speaks of themselves ("我们总部企业收了家公司", "作为专精特新企业")
_FIRST_PERSON = re.compile(r"我们|咱|我司|本公司|我公司|作为")


def asker_said(question: str) -> list[str]:
    """What the asker says of themselves: their self-descriptions ("我们是…", "We are a…") and the clauses in which
    they speak of themselves ("我们总部企业收了家公司")."""
    clauses = [c for c in re.split(r"[,,。;;??!!]", question) if _FIRST_PERSON.search(c)]
    return [*self_descriptions(question), *clauses]


@lru_cache(maxsize=128)
def kind_of_title(title: str) -> str | None:
    """The kind of company a document is for, as its title names it (总部经济 -> 总部企业), if any (the titles are
    few; each chunk of an answer's ranking asks for its own)."""
    from service.answering import fact_terms

    term = fact_terms.last_before("audience", title)
    return term.canonical if term is not None else None


def _particle_piece(key: str, alternatives: tuple[str, ...]) -> bool:
    """A two-character word of the question alone (no lexicon wording) one of whose characters is a question word
    of one character (了, 有, 会, 能…): a piece the tokenizer cut, when the compilation never uses it."""
    return (
        alternatives == (key,)
        and re.fullmatch(r"[\u4e00-\u9fff]{2}", key) is not None
        and any(ch in lexicon.QUESTION_NOISE for ch in key)
        and "几" not in key  # (几天 asks a period: the asking itself, weighed as the question's own word)
    )


class TermWeights:
    """Document frequencies of wordings over the indexed chunks and, apart, over the TOC titles without text.

    A concept weighs by its rarity (IDF over chunks and TOC lines together); whether it is used only by
    a TOC title, or nowhere at all, is a signal of its own.
    """

    def __init__(self, version: IndexVersion, toc_titles: list[str] | None = None):
        self.texts = [loose(c.indexed_text) for c in version.chunks]
        self.toc = [loose(t) for t in toc_titles or []]
        self.n = max(len(self.texts) + len(self.toc), 1)
        self.corpus_text = "\n".join(self.texts)
        self.toc_text = "\n".join(self.toc)
        self._df: dict[str, tuple[int, int]] = {}

    def df(self, wording: str) -> tuple[int, int]:
        """(chunks, TOC titles) that use ``wording``."""
        if wording not in self._df:
            w = loose(wording)
            loaded = sum(w in t for t in self.texts) if w in self.corpus_text else 0
            listed = sum(w in t for t in self.toc) if w in self.toc_text else 0
            if len(self._df) > 50_000:
                self._df.clear()
            self._df[wording] = (loaded, listed)
        return self._df[wording]

    def idf(self, df: int) -> float:
        return math.log((self.n + 1) / (df + 0.5))

    def question_terms(self, plan: QueryPlan, followup_weight: float = 1.0, self_weight: float = 1.0) -> Terms:
        """Topic concepts weighted by the rarity of their commonest wording (date words out for date questions);
        a follow-up's own words times ``followup_weight``; the words only of the asker's description of
        themselves times ``self_weight`` in a yes/no question (what it checks), else nothing, and times
        ``self_weight`` when the rest of the question names nothing the compilation knows (the description is
        then the topic) (EvidenceConfig's, in the pipeline)."""
        weights: dict[str, float] = {}
        alternatives: dict[str, tuple[str, ...]] = {}
        for concept in plan.concepts:
            if plan.asks_date and concept.key in DATE_WORDS:
                continue
            counts = [sum(self.df(alt)) for alt in concept.alternatives]
            if not max(counts) and _particle_piece(concept.key, concept.alternatives):
                continue  # "提了", "期有" (公示期有多久): a character and a question word, cut apart by the tokenizer
            weights[concept.key] = self.idf(max(counts))
            alternatives[concept.key] = tuple(loose(a) for a in concept.alternatives)
        self._title_phrases(plan, weights, alternatives)
        self._placed_phrases(plan, weights, alternatives)
        self._quoted_names(plan, weights, alternatives)
        for key in plan.followup_topic:
            if key in weights:  # what a follow-up asks anew outweighs what it carries from the turn before
                weights[key] *= followup_weight
        if plan.followup_topic and _ITSELF.search(plan.original):
            # "那交易平台本身有没有补贴?": the thing itself, not what the turn before asked of it
            for key in [k for k in weights if k not in plan.followup_topic]:
                del weights[key], alternatives[key]
        if plan.asks_what_fits:
            # "我们营收5000万,是专精特新企业,能拿哪些补贴?": the metric of the asker's figures is what the check
            # compares, not the topic, when anything else is asked about (alone, as in "营收12亿,能拿哪些奖励?",
            # it is the topic)
            metrics = lexicon.metric_words()
            measured = {c.key for c in plan.concepts if c.key in weights and any(a in metrics for a in c.alternatives)}
            if measured and len(measured) < len(weights):
                for key in measured:
                    del weights[key], alternatives[key]
        if plan.level_subject and len(plan.grades) == 1:
            # "国家级小巨人奖多少?": the level selects among the kind's grades; the kind is what is asked about (a
            # clause rating another thing at 国家级 is not more on the topic than the kind's own)
            for key in [
                k
                for k in weights
                if all(LEVEL_WORD.fullmatch(a) or PLACE_LEVEL_WORD.fullmatch(a) for a in alternatives[k])
            ]:
                weights[key] *= LEVEL_WEIGHT
        # what the asker tells of themselves before asking ("我们是做精密减速机的,2016年成立,…营收3个多亿。") is
        # the circumstance of the question, not what it asks: it weighs a share ("…营收第一次冲过50个亿。…这一档
        # 最多奖多少?" asks of it)
        for key in told_before(plan.original, weights):
            weights[key] *= self_weight
        own = self_described(plan.original, weights)
        if not own:
            return Terms(weights, alternatives)
        rest = [a for k in weights if k not in own for a in alternatives[k] if not MONEY_WORDS.fullmatch(a)]
        if not any(sum(self.df(a)) for a in rest):
            # the rest names nothing the compilation knows: the description is the topic ("我们是单项冠军企业,
            # 区里奖励200万对不对?")
            for key in own:
                weights[key] *= self_weight
            return Terms(weights, alternatives)
        # the description only says who asks, and counts only where a yes/no question checks it ("我们是区里的
        # 事业单位,有资格吗?")
        for key in own:
            weights[key] *= self_weight if Asked.YES_NO in plan.asked else 0.0
        return Terms(weights, alternatives, own)

    def _quoted_names(
        self, plan: QueryPlan, weights: dict[str, float], alternatives: dict[str, tuple[str, ...]]
    ) -> None:
        """A name the asker puts in quotation marks (“智能工厂”) that the compilation uses is one concept, not
        the words a tokenizer cuts it into (智能 and 工厂 are each far commoner than the name)."""
        for name in plan.quoted:
            wording = loose(name)
            if len(wording) > 12 or not sum(self.df(name)):
                continue
            parts = [k for k in weights if len(loose(k)) < len(wording) and loose(k) in wording]
            if not parts:
                continue
            for key in parts:
                del weights[key], alternatives[key]
            weights[name] = self.idf(sum(self.df(name)))
            alternatives[name] = (wording,)

    def _title_phrases(
        self, plan: QueryPlan, weights: dict[str, float], alternatives: dict[str, tuple[str, ...]]
    ) -> None:
        """A listed document's title phrase that no loaded text uses ("科技创新产业基金") is one concept, not
        the common words it is made of (科技, 创新, 产业, 基金 are everywhere in the loaded text)."""
        asked = loose(plan.text)
        taken: list[str] = []
        for phrase in lexicon.title_phrases():
            wording = loose(phrase)
            if wording not in asked or any(wording in t for t in taken):
                continue
            loaded, listed = self.df(phrase)
            if loaded or not listed:
                continue
            taken.append(wording)
            for key in [k for k in weights if all(len(a) < len(wording) and a in wording for a in alternatives[k])]:
                del weights[key], alternatives[key]
            weights[phrase] = self.idf(listed)
            alternatives[phrase] = (wording,)

    def _placed_phrases(
        self, plan: QueryPlan, weights: dict[str, float], alternatives: dict[str, tuple[str, ...]]
    ) -> None:
        """A word of a listed document's area (topics lexicon: 医疗器械 -> 生命健康) that no loaded text uses is one
        concept, not the pieces a tokenizer cuts it into, when one of them is no loaded text's word either (器械;
        医疗 alone is in the loaded text). Pieces the loaded text uses both (博士后, 工作站 of its 博士后科研工作站)
        stay: the asker's phrase is a way of saying the texts' own."""
        asked = loose(plan.text)
        for key, _ in plan.toc_hints:
            wording = loose(key)
            if len(wording) < 3 or wording not in asked or self.df(key)[0]:
                continue
            if any(wording in loose(k) for k in weights):
                continue  # a concept says it already, or a longer phrase holding it ("cultural export base")
            parts = [k for k in weights if all(len(a) < len(wording) and a in wording for a in alternatives[k])]
            if plan.lang == "en":
                # an English concept glossed into Chinese is a piece of the asker's phrase by its English key
                # ("invention patents": patents -> 专利 is a piece of invention patent, an area's word)
                parts = [k for k in weights if len(k) < len(wording) and loose(k).removesuffix("s") in wording]
            if not parts or (
                all(any(self.df(a)[0] for a in alternatives[k]) for k in parts) and self.said_together(wording, parts)
            ):
                continue
            for part in parts:
                del weights[part], alternatives[part]
            weights[key] = self.idf(sum(self.df(key)))
            alternatives[key] = (wording,)

    def said_together(self, wording: str, parts: list[str]) -> bool:
        """Whether a loaded text says ``wording``'s pieces (its longest parts, and what lies between them) in its
        order, a few characters apart at most (博士后, 工作站 in 博士后科研工作站; not 发明, 专利 in
        "专利权人…职务发明创造")."""
        spans: list[tuple[int, int]] = []
        for part in sorted((loose(p) for p in parts), key=len, reverse=True):
            at = wording.find(part)
            if at >= 0 and not any(at < b and a < at + len(part) for a, b in spans):
                spans.append((at, at + len(part)))
        pieces, last = [], 0
        for a, b in sorted(spans):
            pieces += [wording[last:a], wording[a:b]] if a > last else [wording[a:b]]
            last = b
        pieces += [wording[last:]] if last < len(wording) else []
        pattern = re.compile(".{0,4}".join(re.escape(p) for p in pieces))
        return bool(pattern.search(self.corpus_text))

    def known(self, terms: Terms, placed: frozenset[str] = frozenset()) -> Terms:
        """``terms`` without the concepts the compilation never words (loaded text and TOC alike): a text can
        only hold the others, so a share of coverage is measured over them (``placed``: see ``where_used``)."""
        return Terms(
            {k: w for k, w in terms.items() if self.where_used(terms, k, placed) != "none"}, terms.alternatives
        )

    def where_used(self, terms: Terms, key: str, placed: frozenset[str] = frozenset()) -> str:
        """'loaded' when the loaded text uses a wording of the concept, 'toc' when only TOC titles do, else 'none'.

        ``placed``: the words the topics lexicon places in a listed document's area (创新药, 临床试验 -> 生命健康);
        one that no text or title uses is known through that title ('toc'), so the loaded text is measured
        against it, and lacks it."""
        alts = terms.alternatives.get(key, (key,))
        if any(self.df(a)[0] for a in alts):
            return "loaded"
        places = {loose(p) for p in placed}
        if any(self.df(a)[1] for a in alts) or any(loose(a) in places for a in alts):
            return "toc"
        return "none"


LEVEL_WEIGHT = 0.5  # a level word's share of its rarity when the question rates a kind at that level


def loose(text: str) -> str:
    """Lower-case compact text without quotation marks ("“5050”计划" reads as 5050计划)."""
    return _QUOTES.sub("", compact(text).lower())


def coverage(terms: dict[str, float], text: str) -> float:
    """Share of the question's term weight found in ``text``."""
    return loose_coverage(terms, loose(text))


def loose_coverage(terms: dict[str, float], haystack: str) -> float:
    """``coverage`` of a text already in its ``loose`` form."""
    total = sum(terms.values())
    if total == 0:
        return 0.0
    if isinstance(terms, Terms):
        return sum(w for t, w in terms.items() if terms.found(t, haystack)) / total
    return sum(w for t, w in terms.items() if t in haystack) / total


def sentences_of(chunk: Chunk) -> list[Sentence]:
    """The sentences of a chunk, a line break ending one, except where a page break cut a sentence's first words
    off ("…奖励;新获得国家、\n省、市、区政府质量奖提名的单位…"): the part after the break alone would read as another
    sentence, and say something else."""
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(chunk.text):
        lead = len(match.group()) - len(match.group().lstrip())
        start, end = match.start() + lead, match.start() + len(match.group().rstrip())
        if start >= end:
            continue
        if spans and _cut_by_break(chunk.text, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [
        Sentence(chunk, chunk.start + start, chunk.start + end, chunk.text[start:end])
        for start, end in spans
        if len(compact(chunk.text[start:end])) >= 4
    ]


def _cut_by_break(text: str, before: tuple[int, int], start: int) -> bool:
    """Whether the sentence starting at ``start`` goes on from the one ``before`` it across a line break: that one
    opened after an end mark on its line and has none of its own (a sentence's first words, which the break cut
    off), and this line opens no item. (A whole line cut without an end mark is a heading, or a sentence whose
    quote ``extend_window`` ends at its clauses.)"""
    previous = text[before[0] : before[1]]
    gap = text[before[1] : start]
    whole_line = before[0] == 0 or text[before[0] - 1] == "\n"
    return (
        "\n" in gap
        and not gap.strip()
        and not whole_line
        and previous[-1:] not in _SENTENCE_ENDS
        and not _OPENS_ITEM.match(text, start)
    )


def windows_of(chunk: Chunk, max_sentences: int = 3, max_chars: int = 220) -> list[Sentence]:
    """Runs of 1-3 consecutive sentences of a chunk: facts often sit in the sentence next to the match."""
    sentences = sentences_of(chunk)
    heading = [_item_heading(s.text) for s in sentences]  # (once a sentence, not once a window)
    out = []
    for i in range(len(sentences)):
        for j in range(i, min(i + max_sentences, len(sentences))):
            start, end = sentences[i].start, sentences[j].end
            if j > i and end - start > max_chars:
                break
            if j > i and j + 1 < len(sentences) and heading[j]:
                # "…不超过 100 万元。10. 鼓励基础模型开发。": the next item's heading, cut from what it says
                continue
            text = chunk.text[start - chunk.start : end - chunk.start]
            out.append(Sentence(chunk, start, end, text))
    return out


def _item_heading(text: str) -> bool:
    """Whether ``text`` is an item's heading alone ("10. 鼓励基础模型开发。", "(四)其他总部"): it opens an item, is
    short, and states no figure besides its number."""
    opened = _OPENS_ITEM.match(text)
    if not opened:
        return False
    rest = text[opened.end() :]
    return len(compact(rest)) <= 16 and not re.search(r"\d", rest)


# a requirement that something be in the district ("财政收入级次在高新区(滨江)范围内", "均在本区")
IN_DISTRICT = re.compile(r"在本区|在我区|在高新区[((]滨江[))]|在杭州高新区[((]滨江[))]")


def score_sentences(
    plan: QueryPlan,
    terms: dict[str, float],
    chunks: list[tuple[Chunk, float]],
    config: EvidenceConfig,
    given_only: bool = False,
) -> list[Sentence]:
    """Sentence windows of the ranked chunks scored by term coverage, the kind of fact asked, and rank;
    ``given_only``: an amount is stated only by what is given (money, a share), not by a period or a count (the
    chunks retrieved first stated none: "在获奖后3年内不得再次申报" is no amount)."""
    stating = GIVEN if given_only else FIGURE
    top = max((s for _, s in chunks), default=1.0) or 1.0
    topic = [a for key in terms for a in getattr(terms, "alternatives", {}).get(key, (key,))]
    periods = Asked.YES_NO in plan.asked and bool(plan.elapsed or plan.started or plan.years_ago)
    question = period_wording(plan)
    # (a question in parts: the part that asks it, scored on its own; the whole's bonus would outweigh the others')
    office = plan.asks_office and len(plan.parts) < 2
    event = _period_event(plan, terms)
    # more than one length asked ("公示几天?…异议多久核实完?"): a period that runs after the event may be one
    many_lengths = len(_HOW_LONG.findall(plan.asked_text or plan.original)) > 1
    # what is given is asked ("有什么奖励?", "有补贴吗?"), or a named benefit's document ("促消费活动补贴是哪个文件
    # 规定的?": the clause that gives it, not one that only names the activity; where a term is defined is not)
    given = plan.asks_benefit or plan.asks_if_given
    given = given or (Asked.DOCUMENT in plan.asked and plan.names_benefit and not plan.asks_definition)
    # the kinds of company the asker says they are ("我们是专精特新企业"): their own policy's clause first
    kinds = kinds_described(asker_said(plan.original)) if config.own_kind_bonus else set()
    phrases = _phrases(plan, terms) if config.phrase_bonus else []
    # a charge spoken of ("要交钱吗", "收费吗", "is there a fee": the corpus's 收取 / 费用)
    fee = any(w in _FEE_WORDS for w in topic) or bool(_NAMED_FEE.search(plan.asked_text or plan.original))
    # a place in an order the asker states ("第三起草单位"), for a yes/no or a criterion asked
    placed = bool(plan.asked & {Asked.YES_NO, Asked.CRITERION}) and bool(plan.places)
    scored = []
    for chunk, chunk_score in chunks:
        context = f"{chunk.section} {chunk.title}"
        own_kind = bool(kinds) and kind_of_title(chunk.title) in kinds
        single = {(s.start, s.end): coverage(terms, s.text) for s in sentences_of(chunk)}
        for window in windows_of(chunk):
            own = coverage(terms, window.text)
            inside = [c for (a, b), c in single.items() if window.start <= a and b <= window.end]
            if len(inside) > 1:
                # words found only in a neighbouring sentence count at a share: two unrelated sentences
                # side by side do not make one answer
                anchor = max(inside)
                own = anchor + config.neighbour_credit * (own - anchor)
            with_context = coverage(terms, window.text + context)
            score = (
                config.own_weight * own
                + config.context_weight * with_context
                + config.rank_weight * chunk_score / top
                - config.length_penalty * len(window.text)
            )
            stated = without_budgets(window.text, plan.asks_budget) if plan.asks_amount else ""
            states = plan.asks_amount and (stating.search(stated) or NO_CHARGE.search(stated))
            if states and (not event or _period_of(event, window.text, after=many_lengths)):
                score += config.attribute_bonus
            if plan.asks_date and _DATE.search(window.text):
                score += config.date_bonus
            if Asked.PROCEDURE in plan.asked and states_procedure(window.text, topic):
                score += config.attribute_bonus
            if office and IMPLEMENTED_BY.search(window.text):
                score += config.attribute_bonus  # "哪个部门牵头?": the document's own word on who implements it
            if Asked.YES_NO in plan.asked and not plan.asks_amount and not given and _rules_on(window.text, plan.asked):
                score += config.attribute_bonus  # "can we…?": a rule that forbids or requires it answers
            elif Asked.YES_NO in plan.asked and fee and NO_CHARGE.search(window.text):
                score += config.attribute_bonus  # "报名要交钱不?": that nothing is charged answers
            if placed and "排名" in window.text and rank_rules(window.text):
                score += config.attribute_bonus  # "我是第三起草单位的…,能报吗?": the requirement by rank answers
            if plan.outside and any(w in window.text for w in plan.outside) and IN_DISTRICT.search(window.text):
                score += config.attribute_bonus  # "税务在外地,能申请吗?": the rule that requires it in the district
            if periods and asked_conditions(question, window.text, plan.years_ago):
                score += config.attribute_bonus  # "实施刚满一年半,能申报吗?": a condition on that period answers
            if plan.asks_definition and defines(window.text, topic):
                score += config.attribute_bonus  # "“对区贡献”怎么算的?": the sentence that says what it is
            if given and not plan.asks_amount and GRANTS.search(without_budgets(window.text, False)):
                score += config.attribute_bonus  # "有什么奖励?": what is given, not what the district budgets
            if own_kind:
                score += config.own_kind_bonus
            if phrases:
                written = loose(window.text)
                if any(p in written for p in phrases):
                    score += config.phrase_bonus
            window.score, window.coverage = score, with_context
            scored.append(window)
    scored.sort(key=lambda s: s.score, reverse=True)
    return scored


def _phrases(plan: QueryPlan, terms: dict[str, float]) -> list[str]:
    """Two of the question's words that it writes side by side and no one word of the question covers ("推荐单位"
    of 推荐 and 单位)."""
    asked = loose(plan.original)
    keys = [loose(k) for k in terms if k and _CJK_WORD.fullmatch(k)]
    return [a + b for a in keys for b in keys if a != b and a + b in asked and not any(a + b in k for k in keys)]


_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")


def defines(text: str, wordings: list[str]) -> bool:
    """``text`` says what one of ``wordings`` is: “对区贡献”指…, 本意见所称总部企业,是指…"""
    plain = re.sub(r"\s", "", text)
    return any(
        re.search(rf"所称{re.escape(w)}|{re.escape(w)}[”」\"]?[,,]?(?:是|系)?指(?!导|引|标)", plain)
        for w in wordings
        if len(w) >= 2
    )


# the words that ask how long, after the event they ask about ("公示几天", "审核要多久")
_HOW_LONG = re.compile(
    r"(?:要|需要|的|时间|期)?(?:多久|几天|多长时间|多少天|几个月|多少个月|几年|多少年|(?:几|多少)个工作日)"
)
_CLAUSE = re.compile(r"[^,,;;。]+")


def _period_event(plan: QueryPlan, terms: dict[str, float]) -> tuple[str, ...]:
    """The wordings of the event a period question asks the length of: the concept just before its asking
    words ("公示几天" -> 公示), when the question asks a period and nothing else."""
    if plan.asked - {Asked.PERIOD, Asked.YES_NO} or Asked.PERIOD not in plan.asked:
        return ()
    question = plan.asked_text or plan.original
    alternatives = getattr(terms, "alternatives", {})
    for key in sorted(terms, key=len, reverse=True):
        if re.search(re.escape(key) + _HOW_LONG.pattern, question):
            return alternatives.get(key, (key,))
    return ()


def _period_of(event: tuple[str, ...], text: str, after: bool = False) -> bool:
    """A clause of ``text`` states a period with a wording of the event in it, and unless ``after``, not one that
    runs after the event ("公示期满后20日内进行调查核实" is how long the inquiry may take, not how long 公示 lasts)."""
    return any(
        PERIOD.search(c) and any(w in c and (after or not re.search(re.escape(w) + _AFTER, c)) for w in event)
        for c in _CLAUSE.findall(text)
    )


# what follows an event's name when the period after it is the time the next step may take: after the event has
# run its course ("公示期满后", "公示结束后")
_AFTER = r"(?:期满|期限届满|结束|届满)后"


def extend_window(window: Sentence, max_chars: int = 200, reach: int = 60) -> Sentence:
    """Grow a window by its neighbouring sentences in the chunk (next first) while it stays short.

    A condition and its figure, or a rule and its exception, often sit in adjacent sentences.
    """
    sentences = sentences_of(window.chunk)
    start, end = window.start, window.end
    following = [s for s in sentences if s.start >= end]
    preceding = [s for s in sentences if s.end <= start]
    if following and following[0].end - start <= max_chars:
        end = following[0].end
    end = _whole_clauses(window.chunk, start, end, [s for s in following if s.start >= end], reach)
    # never back across a page break: the citation names the page where the quote starts
    base = window.chunk.start
    same_page = bool(preceding) and "\n" not in window.chunk.text[preceding[-1].start - base : start - base]
    if preceding and same_page and end - preceding[-1].start <= max_chars:
        start = preceding[-1].start
    opened = _sentence_start(window.chunk, start, preceding, reach)
    start = opened if opened < end - 4 else start  # (never past the quote's own words)
    if (start, end) == (window.start, window.end):
        return window
    chunk = window.chunk
    text = chunk.text[start - chunk.start : end - chunk.start]
    return Sentence(chunk, start, end, text, window.score, window.coverage)


def _whole_clauses(chunk: Chunk, start: int, end: int, following: list[Sentence], reach: int = 60) -> int:
    """Where a quote that ends at a line break inside a sentence ("…省级“专精特新”中\n小企业分别最高给予…")
    should end: the sentence's end when it is near (``reach`` characters), else the last clause boundary
    before the break; never inside a word."""
    text = chunk.text
    if _ended(text, end - chunk.start):
        return end
    close = end
    for nxt in following:
        if _OPENS_ITEM.match(nxt.text):
            return end  # the next line opens an item or a heading: this one ended there
        close = nxt.end
        if _ended(text, close - chunk.start):
            if close - end <= reach:
                return close
            break
    # the sentence's end is far, or past the chunk's end: the last clause boundary before the break
    cut = max((m.start() for m in _CLAUSE_END.finditer(text, start - chunk.start, end - chunk.start)), default=0)
    # ... unless that would drop most of it (a heading such as "一、扶持对象" is whole as it is)
    return chunk.start + cut if cut - (start - chunk.start) >= 0.6 * (end - start) else end


_CLAUSE_END = re.compile(r"[,,;;、]")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _sentence_start(chunk: Chunk, start: int, preceding: list[Sentence], reach: int = 60) -> int:
    """Where a quote that starts after a line break inside a sentence ("…省级“专精特新”中\n小企业分别最高给予…")
    should start: where that sentence began, when it is near (``reach`` characters) and the line is no new item;
    else where it starts (never inside a word: the whole line before the break is taken, or nothing)."""
    text = chunk.text
    at = start - chunk.start
    if at <= 0 or "\n" not in text[max(0, at - 2) : at] or _ended(text, at) or _OPENS_ITEM.match(text[at:]):
        return start
    before = [p for p in preceding if p.end <= start]
    if not before or before[-1].end < start - 2:
        return start
    if start - before[-1].start > reach:
        # the sentence began too far back: past the broken word, at the line's first clause boundary
        # ("…打造一流数\n字经济产业集群、培育一流…" opens "培育一流…")
        midword = _CJK_CHAR.match(text, at) and _CJK_CHAR.match(text, max(0, at - 2))
        cut = _CLAUSE_END.search(text, at, min(len(text), at + reach)) if midword else None
        return chunk.start + cut.end() if cut else start
    # a heading's line ("二、政策措施", "总体目标") ends where it breaks, and a line broken after a comma breaks
    # between clauses: only a clause run on to the next line, mid-word ("…中\n小企业"), is one
    line = before[-1].text
    # (a line with no comma is a heading only on a line of its own: "…项目。加强与知名投资机构的合\n作,吸引…"
    # is a sentence that began after another on its line, run on mid-word)
    own_line = text[: before[-1].start - chunk.start].rstrip(" ").endswith("\n") or before[-1].start <= chunk.start
    heading = not _CLAUSE_END.search(line) and own_line
    if _OPENS_ITEM.match(line) or heading or line.rstrip()[-1] in ",,、;;::":
        return start
    return before[-1].start


def _ended(text: str, at: int) -> bool:
    """Whether ``text`` up to ``at`` ends a sentence (its last visible character closes one)."""
    tail = text[max(0, at - 8) : at].rstrip()
    return bool(tail) and tail[-1] in _SENTENCE_ENDS


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
