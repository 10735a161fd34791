"""The user's own figures against the policies' thresholds, for the lead sentence of a chat answer.

Interface (for the answering core):

- ``parse_user_figures(text) -> list[UserFigure]``: the figures a question states about the asker's company,
  each with the metric it is about (营业收入, 研发费用, 研发费用占营业收入比例, 实到注册资本, ...), its
  CompanyProfile field and an exact Decimal in one unit (元, 美元 or %). Chinese and English amounts:
  "12亿", "9个亿", "3000万元", "6000万", "1.2 billion", "RMB 500 million", "USD 5 million", "5%", "15 per cent".
  A figure whose metric cannot be told from its words gets metric "" (callers may drop or ask).
- ``relevant_facts(text, facts) -> list[PolicyFact]``: ``facts`` reordered for a question: those whose sector
  the question names first (做软件开发的 -> 信息传输、软件和信息技术服务业总部), then those on its figures' fields.
- ``compare_figures(user_figures, facts) -> list[Comparison]``: one Comparison per (figure, fact condition on
  the same field and unit), in the order of ``facts`` (pass them in order of relevance), each saying whether
  the figure meets the condition exactly (以上(含) inclusive, 超过 strict, brackets with their upper end).
- ``lead_sentence(comparisons, marker=None, limit=3) -> str``: one sentence such as
  "可以:信息传输、软件和信息技术服务业总部的门槛是上年度营业收入10亿元以上(含),您的12亿元达到;
  销售型总部要20亿元以上(含),未达到。" built from the first ``limit`` comparisons (the first one decides
  可以 / 不够 and is stated in full). ``marker(fact)`` returns a citation marker such as "[1]" placed after
  each fact's part; an expired fact says so (已失效) when ``as_of`` is given.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

from service.answering import lexicon
from service.answering.eligibility import satisfies
from service.answering.facts import Condition, FactKind, PolicyFact
from service.answering.quantities import QUANTITY, chinese_number, format_amount, quantity
from service.answering.validity import expired_note

WORDS_FILE = Path(__file__).parent / "lexicon" / "figure_words.tsv"


class UserFigure(BaseModel):
    """A figure the user states about their company."""

    metric: str = Field(description="Canonical metric (营业收入...), '' when the words do not say.")
    field: str = Field(description="CompanyProfile field ('' when unknown).")
    value: Decimal
    unit: str = Field(description="元, 美元, % or 家 (a count of companies).")
    text: str = Field(description="The figure as the user wrote it.")
    beyond: bool = Field(default=False, description="The user said the figure was passed (突破/超过 100亿).")
    first_time: bool = Field(
        default=False, description="The user said it was passed for the first time (头一回过了10个亿): a milestone."
    )

    averaged: bool = Field(default=False, description="The mean of yearly figures the user listed (text shows them).")
    summed: bool = Field(default=False, description="The total of rounds the user listed (text shows them).")

    def display(self, lang: str = "zh") -> str:
        if self.averaged or self.summed:  # "13%、9%、8%(平均10%)": what the user said, and what is checked
            return self.text
        if self.unit == "位" and lang == "en":  # a place in a ranking: "No. 18"
            return f"No. {int(self.value)}"
        shown = format_amount(self.value, self.unit)
        return f"第{shown}" if self.unit == "位" else shown  # a place in a ranking: 第30位

    def compared(self) -> Decimal:
        """The value a threshold is checked against: just above the figure when the user passed it (a first time
        is a passing: "第一次过50亿" is the 首次突破50亿元 milestone)."""
        return self.value + Decimal("0.01") if self.beyond or self.first_time else self.value


class Comparison(BaseModel):
    """A user figure against one condition of one fact."""

    figure: UserFigure
    fact: PolicyFact
    condition: Condition
    meets: bool


@dataclass(frozen=True)
class _Word:
    word: str
    metric: str
    field: str


@lru_cache(maxsize=1)
def _words() -> tuple[_Word, ...]:
    rows = [
        line.split("\t")
        for line in WORDS_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return tuple(sorted((_Word(r[0].lower(), r[1], r[2]) for r in rows), key=lambda w: -len(w.word)))


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Figure words that end words of two or more other metrics (交易额: 平台交易额, 版权交易额, 技术交易额): by
    themselves they name the amount of whatever the sentence spoke of, only by default their own metric. Not 收入:
    a company's 收入 is its revenue whatever it does ("我们是做软件研发的公司,收入3亿")."""
    words = _words()
    return frozenset(
        w.word
        for w in words
        if not w.word.isascii()
        and w.field != "revenue"
        and len({o.metric for o in words if o.word != w.word and o.word.endswith(w.word) and o.metric != w.metric}) >= 2
    )


_SCALE = {"billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "million": Decimal(10) ** 6, "m": Decimal(10) ** 6}
_ENGLISH = re.compile(
    r"(?P<cur>rmb|cny|usd|us\$|\$|¥|yuan)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<scale>billion|bn|million|m)\b"
    r"\s*(?P<cur2>yuan|rmb|(?:us|u\.s\.|american)\s+dollars|dollars|usd)?|"
    r"(?P<pnum>\d+(?:\.\d+)?)\s*(?:per\s*cent|percent)",
    re.IGNORECASE,
)
# "9个亿", "十五个亿", "一个亿": a count of 亿 or 万, in digits or Chinese numerals
_SPOKEN = re.compile(r"(?P<num>\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)\s*个\s*(?P<unit>亿|万)")


_PERCENT_WORDS = re.compile(r"百分之(?P<n>\d+(?:\.\d+)?|[零一二两三四五六七八九十百]+)")
# amounts as spoken with two magnitudes or a digit before a Chinese one: "1亿2千万", "十亿五千万", "1亿2" (1.2亿),
# "8千万", "3百万"
_CN = "[零一二两三四五六七八九十百千]+"
_DIGITS = r"\d+(?:\.\d+)?"
_COMPOUND = re.compile(
    rf"(?P<yi>{_DIGITS}|{_CN})\s*个?\s*亿\s*(?:(?P<wan>{_DIGITS}|{_CN})\s*(?P<mag>千|百)?\s*万|(?P<tenth>\d)(?![\d.万亿千百]))"
)
_DIGIT_MAGNITUDE = re.compile(rf"(?P<n>{_DIGITS})\s*(?P<mag>千|百)\s*(?P<unit>万|亿)")
_MAGNITUDES = {"千": Decimal(1000), "百": Decimal(100), None: Decimal(1)}


def _compound_amounts(text: str) -> list[tuple[int, int, Decimal, str]]:
    """The spoken amounts ``QUANTITY`` reads only in part ("1亿2千万" as 1亿), in 元."""
    out = []
    for m in _COMPOUND.finditer(text):
        yi = chinese_number(m.group("yi"))
        if yi is None:
            continue
        if m.group("tenth"):
            value = (yi + Decimal(m.group("tenth")) / 10) * 10**8
        else:
            wan = chinese_number(m.group("wan"))
            if wan is None:
                continue
            value = yi * 10**8 + wan * _MAGNITUDES[m.group("mag")] * 10**4
        out.append((m.start(), m.end(), value, m.group(0)))
    for m in _DIGIT_MAGNITUDE.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b, *_ in out):
            unit = Decimal(10**4) if m.group("unit") == "万" else Decimal(10**8)
            out.append((m.start(), m.end(), Decimal(m.group("n")) * _MAGNITUDES[m.group("mag")] * unit, m.group(0)))
    return out


# an English number in words before its scale or unit ("two hundred and fifty million yuan", "fifteen percent")
_SPELLED = re.compile(
    r"\b(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and)"
    r"(?:[\s-]+|$))+(?=(?:thousand|million|billion|percent|per cent)\b)",
    re.I,
)


def spelled_out(text: str) -> str:
    """``text`` with each English number said in words before its scale or unit written in digits ("two hundred and
    fifty million yuan" -> "250 million yuan", "fifteen percent" -> "15 percent"; text2num reads the words)."""
    from text_to_num import alpha2digit

    def digits(m: re.Match[str]) -> str:
        words = m.group().strip(" -")
        if words.lower().startswith("and") or not words:
            return m.group()
        said = alpha2digit(words, "en", threshold=0)
        return f"{said} " if said.replace(".", "").isdigit() else m.group()

    def place(m: re.Match[str]) -> str:
        said = alpha2digit(m.group("place"), "en", threshold=0)
        return m.group("rank") + said if re.fullmatch(r"\d+(?:st|nd|rd|th)", said) else m.group()

    return _SPELLED_PLACE.sub(place, _SPELLED.sub(digits, text))


# a place in a ranking said in words ("ranks eighteenth", "ranked twenty-third")
_SPELLED_PLACE = re.compile(
    r"(?P<rank>\brank(?:s|ed)?\s+(?:(?:about|around|roughly|just)\s+)?)"
    r"(?P<place>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+)?[a-z]+(?:st|nd|rd|th))\b",
    re.I,
)


def parse_user_figures(text: str) -> list[UserFigure]:
    """The amounts and shares a question states, each with the metric its words name (see module docstring)."""
    found: list[tuple[int, int, Decimal, str, str]] = []  # start, end, value, unit, text
    text = spelled_out(text)
    said, (text, more_than, where) = text, _without_rough_words(text)

    def taken(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e, *_ in found)

    for m in _POINTS.finditer(text):  # 4个百分点, "7 percentage points": a margin over another figure
        found.append((m.start(), m.end(), Decimal(m.group("n")), "百分点", m.group(0).strip()))
    for start, end, value, said in _compound_amounts(text):  # 1亿2千万, 8千万
        found.append((start, end, value, "元", said))
    for m in _SPOKEN.finditer(text):  # 9个亿, 十五个亿
        if taken(m.start(), m.end()):
            continue
        if m.group("num")[0].isdigit():
            q = quantity(m.group("num"), m.group("unit"), m.group(0))
            if q is not None:
                found.append((m.start(), m.end(), q.value, q.unit, m.group(0)))
        elif (count := chinese_number(m.group("num"))) is not None:
            found.append((m.start(), m.end(), count * (10**8 if m.group("unit") == "亿" else 10**4), "元", m.group(0)))
    for m in _ENGLISH.finditer(text):
        if taken(m.start(), m.end()):
            continue
        if m.group("pnum"):
            found.append((m.start(), m.end(), Decimal(m.group("pnum")), "%", m.group(0).strip()))
            continue
        currency = (m.group("cur") or m.group("cur2") or "").lower()
        unit = "美元" if currency in ("usd", "us$", "$") or currency.endswith("dollars") else "元"
        value = Decimal(m.group("num")) * _SCALE[m.group("scale").lower()]
        found.append((m.start(), m.end(), value, unit, m.group(0).strip()))
    for m in _PERCENT_WORDS.finditer(text):  # 百分之十二, 百分之15
        share = chinese_number(m.group("n"))
        if share is not None and not taken(m.start(), m.end()):
            found.append((m.start(), m.end(), share, "%", m.group(0)))
    for m in QUANTITY.finditer(text):
        if taken(m.start(), m.end()) or m.group("unit") not in (
            "亿元",
            "亿",
            "万元",
            "万",
            "元",
            "万美元",
            "美元",
            "%",
        ):
            continue
        if (
            not re.search(r"[\d一二两三四五六七八九]", m.group("num"))
            and not _ROUND.fullmatch(m.group("num") + m.group("unit")[:1])
            and not (m.group("num") == "千" and _REACHED.search(text[max(0, m.start() - 3) : m.start()]))
        ):
            continue  # 千万 as a word ("千万不要"), not an amount; 破百亿, 十亿, 过千万: amounts
        if text[max(0, m.start() - 1) : m.start()] in ("几", "数") and _ROUND.fullmatch(
            m.group("num") + m.group("unit")[:1]
        ):
            continue  # "好几百万", "数十亿": some multiple of the round figure, not the figure itself
        q = quantity(m.group("num2") or m.group("num"), m.group("unit"), m.group(0).strip())
        if q is not None and not (q.unit == "元" and q.value < 1000 and m.group("unit") == "元"):
            found.append((m.start(), m.end(), q.value, q.unit, q.text))
    for m in _RANK.finditer(text):  # 排全区第30, "ranked 8th": a place in a ranking
        number = "n" if m.group("n") else "n2"
        if not taken(m.start(), m.end()):
            # from its number on, so that the ranking word before it names the metric
            place = chinese_number(m.group(number))
            if place is not None:
                found.append((m.start(number), m.end(), place, "位", m.group(0).strip()))
    for m in _COUNT.finditer(text):  # 40家, "40 outside companies": a count of companies
        if not taken(m.start(), m.end()):
            n = m.group("n").lower()
            count = chinese_number(_NUMBER_WORDS.get(n, n))
            if count is not None:
                found.append((m.start(), m.end(), count, "家", m.group(0).strip()))
    figures = []
    spans = []
    for start, end, value, unit, raw in sorted(found):
        spans.append((start, end))
        word = _metric_for(text, start, end, unit)
        figures.append(
            UserFigure(
                metric=word.metric if word else "",
                field=word.field if word else "",
                value=value,
                unit=unit,
                text=_as_written(said, where, start, end) if raw == text[start:end] else raw,
                beyond=bool(_PASSED.search(text[max(0, start - 16) : start]))
                or any(start < i <= end for i in more_than),
                first_time=bool(_FIRST_BEFORE.search(text[max(0, start - 30) : start]))
                or bool(_FIRST_AFTER.match(text, end)),
            )
        )
    figures, spans = _restatements_merged(figures, spans, text)
    figures = _what_ifs(figures, spans, text)
    figures, spans = _over_average(figures, spans, text)
    return _summed(_averaged(figures, spans, text), text)


# a second case put after the first ("…输出6000万元,能拿多少?输出3000万元呢?", "要是只投了3000万元呢?", "what if
# we had invested 20 million?"): a clause ending in 呢, or opened by a supposing word
_WHAT_IF_END = re.compile(r"(?:的话)?呢\s*[??]?\s*$")
_WHAT_IF_START = re.compile(r"^\s*(?:那|那么)?(?:如果|要是|假如|假设|若|换成|改成)|\b(?:if|what about|instead)\b", re.I)


# a figure right after a metric word is that metric's own ("营收12亿元")
_OWN_FIGURE = re.compile(r"\s*(?:是|为|有|达|约|大概|差不多)?\s*[\d一二两三四五六七八九十]")


def _what_ifs(figures: list[UserFigure], spans: list[tuple[int, int]], text: str) -> list[UserFigure]:
    """A figure whose words name no metric, in a clause that puts another case after an earlier figure's
    ("输出技术合同6000万元,能拿多少?输出3000万元呢?"), measures what that earlier figure measures: the nearest
    earlier figure of its unit that has a metric."""
    out: list[UserFigure] = []
    for figure, (start, end) in zip(figures, spans, strict=True):
        earlier = [f for f in out if f.field and f.unit == figure.unit]
        if not figure.field and earlier:
            opens = max((m.end() for m in re.finditer(r"[,,。;;??!!]", text[:start])), default=0)
            closes = re.search(r"[。;;??!!]", text[end:])
            clause = text[opens : end + (closes.end() if closes else len(text) - end)]
            if _WHAT_IF_END.search(clause) or _WHAT_IF_START.search(text[opens:start]):
                figure = figure.model_copy(update={"metric": earlier[-1].metric, "field": earlier[-1].field})
        out.append(figure)
    return out


# a share said to be the district's average ("全区平均增幅9%", "the district average of 9%")
_AVERAGE_BEFORE = re.compile(r"平均[^,,。;;??\d]{0,6}$|\baverage\b[^,.;?\d]{0,12}$", re.I)


def _over_average(
    figures: list[UserFigure], spans: list[tuple[int, int]], text: str
) -> tuple[list[UserFigure], list[tuple[int, int]]]:
    """The asker's growth and the district's average growth, both given ("增幅12%,全区平均增幅9%"), as the one
    figure the policies measure: how many points the growth is above the average (12%−9%=3个百分点)."""
    if any(f.field == "growth_over_average" for f in figures):
        return figures, spans
    shares = [(i, f) for i, f in enumerate(figures) if f.unit == "%"]
    average = [(i, f) for i, f in shares if _AVERAGE_BEFORE.search(text[max(0, spans[i][0] - 20) : spans[i][0]])]
    own = [(i, f) for i, f in shares if (i, f) not in average]
    if len(average) != 1 or len(own) != 1:
        return figures, spans
    (_, mine), (j, avg) = own[0], average[0]
    points = mine.value - avg.value
    shown = f"{mine.text}−{avg.text}={format_amount(points, '百分点')}"
    derived = mine.model_copy(
        update={
            "metric": "增幅高于全区平均增幅",
            "field": "growth_over_average",
            "value": points,
            "unit": "百分点",
            "text": shown,
            "summed": True,
        }
    )
    kept = [(f, sp) for k, (f, sp) in enumerate(zip(figures, spans, strict=True)) if k != j]
    return [derived if f is mine else f for f, _ in kept], [sp for _, sp in kept]


def _restatements_merged(
    figures: list[UserFigure], spans: list[tuple[int, int]], text: str
) -> tuple[list[UserFigure], list[tuple[int, int]]]:
    """A figure restated in brackets right after it ("passed RMB 5 billion (50亿)") is that figure: one, keeping
    what either says of it (passed, for the first time, its metric)."""
    out: list[UserFigure] = []
    kept: list[tuple[int, int]] = []
    for figure, span in zip(figures, spans, strict=True):
        if (
            out
            and figure.value == out[-1].value
            and figure.unit == out[-1].unit
            and re.fullmatch(r"\s*[((]\s*", text[kept[-1][1] : span[0]])
        ):
            first = out[-1]
            out[-1] = first.model_copy(
                update={
                    "beyond": first.beyond or figure.beyond,
                    "first_time": first.first_time or figure.first_time,
                    "metric": first.metric or figure.metric,
                    "field": first.field or figure.field,
                }
            )
            continue
        out.append(figure)
        kept.append(span)
    return out, kept


# what joins the figures of a list ("12%、10%、8%", "15%, 9% and 12%")
_LIST_JOIN = re.compile(r"\s*(?:、|,|,|和|及|以及|and|,\s*and)\s*", re.I)
# the metrics a policy measures as an average over years (连续3年…平均增幅): a list of yearly figures is averaged
_AVERAGED = frozenset({"revenue_growth"})


# the metrics a policy counts cumulatively (累计获得创投投资额): the rounds a user lists add up
_SUMMED = frozenset({"vc_investment"})
# a figure said to be a total already ("累计1200万", "一共", "in total")
_TOTAL_SAID = re.compile(r"累计|一共|总共|合计|加起来|总计|in total|altogether|cumulative", re.I)


def _summed(figures: list[UserFigure], text: str) -> list[UserFigure]:
    """Figures of a metric the policies count cumulatively that the user gives round by round ("第一轮700万元、第二轮
    500万元") as one figure, their total ("700万元+500万元=1200万元"), unless the user also says the total."""
    out: list[UserFigure] = []
    for figure in figures:
        rounds = [f for f in figures if f.field == figure.field and f.unit == figure.unit]
        if figure.field not in _SUMMED or len(rounds) < 2 or _TOTAL_SAID.search(text):
            out.append(figure)
        elif figure is rounds[0]:
            total = sum((f.value for f in rounds), Decimal(0))
            join = " + " if lexicon.is_english(text) else "+"
            shown = join.join(f.display() for f in rounds) + f"={format_amount(total, figure.unit)}"
            out.append(figure.model_copy(update={"value": total, "text": shown, "summed": True}))
    return out


def _averaged(figures: list[UserFigure], spans: list[tuple[int, int]], text: str) -> list[UserFigure]:
    """A list of yearly figures of a metric the policies average ("近3年营收增幅分别是12%、10%、8%") as one
    figure, their mean (10%), which is what "平均增幅超过10%" is checked against."""
    out: list[UserFigure] = []
    n = 0
    while n < len(figures):
        end = n + 1  # the run of figures in one unit joined as a list
        while (
            end < len(figures)
            and figures[end].unit == figures[n].unit
            and _LIST_JOIN.fullmatch(text[spans[end - 1][1] : spans[end][0]])
        ):
            end += 1
        run = figures[n:end]
        fields = {f.field for f in run if f.field}
        if len(run) > 1 and len(fields) == 1 and fields <= _AVERAGED:
            named = next(f for f in run if f.field)
            mean = sum((f.value for f in run), Decimal(0)) / len(run)
            average = format_amount(mean.quantize(Decimal("0.01")).normalize(), named.unit)
            if lexicon.is_english(text):
                shown = f"{', '.join(f.text for f in run)} (an average of {average})"
            else:
                shown = f"{'、'.join(f.text for f in run)}(平均{average})"
            out.append(
                run[0].model_copy(
                    update={
                        "value": mean,
                        "text": shown,
                        "averaged": True,
                        "metric": named.metric,
                        "field": named.field,
                    }
                )
            )
        else:
            out.extend(run)
        n = end
    return out


# a spoken round figure: "八百来万" (about 800万), "800多万" and "两千余万" (more than 800万, 2000万); after its
# unit, "八个亿出头", "十亿挂零", "3000万多一点" (a little more than)
_PAST_UNIT = "出头|挂零|多一点|多点"
_ROUGHLY = re.compile(
    rf"(?<=[\d零一二两三四五六七八九十百千])\s*([多来余])(?=\s*个?\s*(?:万|亿|%))|(?<=[万亿%])\s*({_PAST_UNIT})"
)


def _as_written(said: str, where: list[int], start: int, end: int) -> str:
    """The figure at ``start:end`` of the text without rough words, as the asker wrote it ("八百来万", "八个亿出头")."""
    at = where[end - 1] + 1
    after = _AFTER_UNIT.match(said, at)
    return said[where[start] : after.end() if after else at]


_AFTER_UNIT = re.compile(rf"\s*(?:{_PAST_UNIT})")


def _without_rough_words(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` with the words that make a figure round taken out ("八百来万" reads 八百万); where each "more
    than" (多, 余) was, in the text returned (the figure ending there was passed, not met exactly); and where
    each character returned stands in ``text``."""
    kept = [True] * len(text)
    more_than: list[int] = []
    removed = 0
    for m in _ROUGHLY.finditer(text):
        if m.group(2) or m.group(1) in "多余":
            more_than.append(m.start() - removed)
        for i in range(m.start(), m.end()):
            kept[i] = False
        removed += m.end() - m.start()
    where = [i for i, keep in enumerate(kept) if keep]
    return "".join(text[i] for i in where), more_than, where


# a count of companies: "40家", "40 outside companies", "three unrelated companies"
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
# a round amount said in one numeral ("破百亿", "营收十亿", "百万"): 千万 only after a verb of reaching ("过千万")
_ROUND = re.compile(r"[十百千]亿|[十百]万")
_REACHED = re.compile(r"(?:破|过|超|到|达|上|近)$")
# percentage points ("高了4个百分点", "7 percentage points above"): what a growth beats another growth by
_POINTS = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*(?:个\s*)?(?:百分点|percentage[ -]points?\b)", re.I)
# a count or place said in Chinese numerals ("两家", "四十五家", "第十八"); a bare 一 is "a" ("一家企业问…")
_CN_NUMERAL = r"(?:[一二两三四五六七八九十百]{2,}|[二两三四五六七八九十])"
_COUNT = re.compile(
    r"(?P<n>\d+|\b(?:" + "|".join(_NUMBER_WORDS) + r")|(?<![一二两三四五六七八九十百千万第几])" + _CN_NUMERAL + r")"
    r"\s*(?:家(?!庭|长|人|乡)|"
    r"(?:(?:outside|external|client|customer|unrelated|independent|different|other|local|binjiang|district) )*"
    r"(?:companies|firms|enterprises|clients)\b)",
    re.I,
)
_RANK = re.compile(
    # "排全区第30", "排前20" (within the first 20: counted at its last place), "排第十八"; a place in words before
    # 的 names whose it is ("排名第二的起草单位": the drafters' ranks, see ranks.py), not the asker's place
    r"(?:排名|排在|排|名列|位列)\s*(?:全区|全市|全省|区里|区内)?\s*(?:正好|刚好|恰好|大约|大概|约)?\s*(?:第|前)?\s*"
    r"(?P<n>\d+|(?<=[第前])[一二两三四五六七八九十百]+(?!\s*(?:位|名)?的))\s*(?:位|名)?(?![\d万亿元%.一二两三四五六七八九十百千])"
    # (nor an order of authors or drafters: "我排第三作者", "排第二起草人")
    r"(?!\s*(?:作者|起草|完成人|发明人|署名))"
    r"|\brank(?:s|ed)?\s+(?:(?:about|around|roughly|approximately|exactly|just|precisely)\s+)?"
    r"(?:no\.?\s*|number\s+|#\s*)?"
    r"(?P<n2>\d+)(?:st|nd|rd|th)?\b(?!\s*times\b)",
    re.I,
)
_INCREASE = re.compile(
    r"新增|增加|增长了|多了|多投|上涨了|涨了|"
    r"\b(?:rose|risen|increased|grew|grown|jumped|climbed|(?:went|gone) up|up by)\b",
    re.I,
)


# an English increase said before its metric ("raised R&D spending by RMB 3 million")
_RAISED = re.compile(
    r"\b(?:raised|raising|boosted|boosting|increased|increasing|upped|lifted|grew)\s+(?:our\s+|its\s+|the\s+)?$"
)


def _unit_of(field: str) -> str:
    """The unit a profile field is counted in: % for shares, 家 for companies, 百分点 for a margin over an
    average, 元 otherwise."""
    if field == "growth_rank":
        return "位"
    if field == "growth_over_average":
        return "百分点"
    if field in ("rd_share", "revenue_growth", "benchmark_rate"):
        return "%"
    return "家" if field in _COUNTED_COMPANIES else "元"


_COUNTED_COMPANIES = frozenset({"served_companies", "dataset_users"})


# an English figure followed by its metric ("RMB 1.5 billion in revenue", "8% of revenue"), up to the metric
_FIGURE_IN_METRIC = re.compile(
    r"\d[\d.,]*\s*(?:thousand|million|billion|bn|m|k)?\s*(?:yuan|rmb|usd|dollars)?\s*%?\s*"
    r"(?:in|of)\s+(?:(?:our|its|the|annual|total)\s+)*$"
)


# what asks a metric's figure right after the metric ("营收要达到多少", "研发投入占比要多少", "收入门槛是多少")
_ASKS_ITS_FIGURE = re.compile(
    # (the metric first of two asked together: "营收、纳税要达到多少?")
    r"(?:\s*[、和及与跟/]\s*[\u4e00-\u9fff]{1,6}?)?"
    r"(?:总?额|值)?\s*(?:一年|每年|全年)?\s*(?:的)?(?:门槛|标准|要求|下限)?\s*(?:是|为)?\s*(?:要|需要|得|须|必须|应|应当|至少|起码|最低|最少)?\s*"
    r"(?:达到|到|满|有|过|在|做到|不低于)?\s*(?:多少|几个?亿|几[十百千]?万|什么(?:标准|水平|门槛|要求)|多大|多高)"
)
# ... or English: "how much revenue", "what revenue is required", "the minimum revenue", "revenue threshold"
_ASKS_EN = r"(?:how much|what(?: level of| amount of)?|minimum|min\.?)\s+(?:(?:annual|yearly|total)\s+)?"
_EN_THRESHOLD = re.compile(r"\s+(?:threshold|requirement|bar|cut-?off|floor)\b")


def asked_metrics(question: str) -> tuple[str, ...]:
    """The wordings of a metric whose own figure the question asks ("营收要达到多少?" asks a revenue threshold): the
    figure words naming that metric, and its name; none when no metric is asked after (its figure given, or an
    award named in between: "营收突破奖励能拿多少" asks the award's amount)."""
    text = question.lower()
    for w in _words():
        if w.word not in text:
            continue  # (a cheap test first: most words are in no question)
        at = _find(text, w.word)
        while at >= 0:
            end = at + len(w.word)
            before = text[max(0, at - 30) : at]
            if (
                _ASKS_ITS_FIGURE.match(text, end)
                or (w.word.isascii() and re.search(_ASKS_EN + r"$", before))
                or (w.word.isascii() and _EN_THRESHOLD.match(text, end))
            ):
                return tuple(dict.fromkeys([w.metric, *(o.word for o in _words() if o.metric == w.metric)]))
            at = _find(text, w.word, end)
    return ()


def _find(text: str, word: str, start: int = 0, last: bool = False) -> int:
    """Where ``word`` stands in ``text`` (its last place with ``last``), -1 when it does not: an English word only as
    a whole word, inflected or not ("rent" is not in "current rates"; "exported" is "export"), a Chinese one
    anywhere."""
    if not word.isascii():
        return text.rfind(word, start) if last else text.find(word, start)
    # (with an inflection: "exported" is the word "export")
    pattern = rf"(?<![a-z]){re.escape(word)}(?:s|es|d|ed|ing|er|ers)?(?![a-z])"
    found = [m.start() for m in re.finditer(pattern, text[start:])]
    return (found[-1] if last else found[0]) + start if found else -1


# the figures of one metric listed before this one ("分别是80万和", "80万、120万及"): each is that metric's
_LISTED_AFTER = re.compile(
    r"\s*(?:分别)?(?:是|为)?\s*(?:\d+(?:\.\d+)?\s*(?:亿元|亿|万元|万|元|%)\s*(?:和|、|及|以及|与|跟)\s*)+$"
)


def _metric_for(text: str, start: int, end: int, unit: str) -> _Word | None:
    """The metric word nearest before the figure in its clause, else the nearest after it."""
    clause_start = max((m.end() for m in re.finditer(r"[,,。;;??!!]", text[:start])), default=0)
    after_end = re.search(r"[,,。;;??!!]", text[end:])
    before = _plain_english(text[clause_start:start].lower())
    after = _plain_english(text[end : end + (after_end.start() if after_end else len(text))].lower())
    candidates = [w for w in _words() if _unit_of(w.field) == ("元" if unit == "美元" else unit)]
    # "exported RMB 30 million worth of technology contracts": what the figure is of, said right after it
    of = re.match(r"\s*(?:worth\s+)?(?:of|in)\s+", after)
    named = [
        (_find(after, w.word, of.end()), w)
        for w in candidates
        if of and _find(after[of.end() : of.end() + 40], w.word) >= 0
    ]
    if named:
        return min(named, key=lambda h: (h[0], -len(h[1].word)))[1]
    best = None
    for w in candidates:  # the word that ends nearest the figure; of two ending together the longer (新增研发费用)
        pos = _find(before, w.word, last=True)
        if pos >= 0 and (best is None or pos + len(w.word) > best[0] + len(best[1].word)):
            best = (pos, w)
    if (
        best is not None
        and re.search(r"\d", before[best[0] + len(best[1].word) :])
        and not _LISTED_AFTER.match(before[best[0] + len(best[1].word) :])
    ):
        best = None  # "营收突破100亿能拿1000万": the metric has its own figure; this one is another's
        # (unless this one is listed after it: "场租费分别是80万和300万" are two figures of 场租费)
    if best is not None and _FIGURE_IN_METRIC.search(before[: best[0]]):
        best = None  # "RMB 1.5 billion in revenue … and spent RMB 100 million on R&D": revenue is the first's
    if best is not None and _GIVEN.search(before[best[0] + len(best[1].word) :]):
        best = None  # "社零企业奖励2万元": what is given to those the metric names, not a measure of it
    if best is not None and best[1].word in _generic_words() and best[0] == 0:
        # a generic word opening its clause ("准备收购一家公司,交易额大概6个亿"): the amount of what the clause before
        # it named by a figure word of its own, without a figure (收购 -> 收并购金额)
        sentence_start = max((m.end() for m in re.finditer(r"[。;;??!!]|\.\s", text[:clause_start])), default=0)
        previous = text[sentence_start:clause_start].lower()
        previous = previous[max((m.end() for m in re.finditer(r"\d[^,,]*[,,]", previous)), default=0) :]
        named = [
            (at, w)
            for w in candidates
            if w.metric != best[1].metric and (at := _find(previous, w.word, last=True)) >= 0
        ]
        if named:
            return max(named, key=lambda h: (h[0] + len(h[1].word), len(h[1].word)))[1]
    if best is not None:
        # "研发费用比上年新增了350万": the figure is an increase of the metric, its own metric when one exists
        pos, word = best
        # ("raised R&D spending by RMB 3 million", "boosted our R&D by…": the increase said before the metric)
        if _INCREASE.search(before[pos + len(word.word) :]) or (
            word.word.isascii() and _RAISED.search(before[max(0, pos - 20) : pos])
        ):
            return next((w for w in candidates if w.metric == f"新增{word.metric}"), word)
        return word
    if _AWARD_AMOUNT.match(after):
        return None  # "能拿那个20万的社零奖励吗?": the amount of the award asked about, not a measure of the asker
    # (not a metric with a figure of its own: "花4亿元首次购置办公用房(企业营收12亿元)" is no revenue of 4亿)
    hits = [
        (at, w)
        for w in candidates
        if (at := _find(after, w.word)) >= 0 and not _OWN_FIGURE.match(after, at + len(w.word))
    ]
    if hits:
        return min(hits, key=lambda h: h[0])[1]
    # "Our registered capital is in USD, roughly RMB 500 million": the metric named earlier in the sentence
    sentence_start = max((m.end() for m in re.finditer(r"[。;;??!!]|\.\s", text[:clause_start])), default=0)
    earlier = text[sentence_start:clause_start].lower()
    if _INCREASE.search(before):
        # "研发费用从800万涨到1000万,新增刚好200万": a clause that says only that it is an increase is the increase of
        # the metric named before it, when that increase is a metric of its own (新增研发费用)
        named = [(at, w) for w in candidates if (at := _find(earlier, w.word, last=True)) >= 0]
        if named:
            last = max(named, key=lambda h: (h[0] + len(h[1].word), len(h[1].word)))[1]
            increase = next((w for w in candidates if w.metric == f"新增{last.metric}"), None)
            if increase is not None:
                return increase
    figured = [m.end() for m in re.finditer(r"\d[^,,]*[,,]", earlier)]
    earlier = earlier[figured[-1] :] if figured else earlier  # a metric with its own figure is not this one's
    found = [(at, w) for w in candidates if (at := _find(earlier, w.word, last=True)) >= 0]
    # (the word that ends last; of two ending together the longer: 机构投资 in 创投机构投资, not 投资)
    return max(found, key=lambda h: (h[0] + len(h[1].word), len(h[1].word)))[1] if found else None


# the supports a policy gives, by name
_SUPPORTS = "奖励|奖金|补贴|补助|资助|贴息|扶持"

# a figure followed by the support it names ("20万的社零奖励", "100万奖励"): an amount given, no measure of the asker
_AWARD_AMOUNT = re.compile(rf"\s*(?:的\s*)?(?:(?!企业|公司|总部|的)[\u4e00-\u9fff]){{0,4}}?(?:{_SUPPORTS})")

# words of what a policy gives: a figure after them is an amount given, not the asker's measure
# (or a verb of giving right before the figure: "首次纳入限上统计奖20万元", "补50万")
_GIVEN = re.compile(rf"{_SUPPORTS}|给予|予以|[奖补给发贴]\s*$|\b(?:rewards?|subsid(?:y|ies)|grants?|bonus)\b")

# "of our local revenue", "of the company's annual sales": a share of revenue, as the word list writes it
_OF_REVENUE = re.compile(
    r"\bof\s+(?:(?:our|its|their|your|the|company's|company’s)\s+)*"
    r"(?:(?:local|annual|yearly|total|operating|gross|binjiang)\s+)*(?:revenue|sales|turnover)\b"
)


def _plain_english(text: str) -> str:
    return _OF_REVENUE.sub("of revenue", text)


def applied_benefit(figure: UserFigure, fact: PolicyFact) -> Decimal | None:
    """What a ratio award comes to on the user's own figure, within its cap ("按实到注册资本最高1%,最高不超过
    500万元" on 3亿元: 300万元); None when it is no ratio, or not a ratio of what the figure measures."""
    benefit = fact.benefit
    if benefit is None or figure.unit != "元" or not figure.field or benefit.ratio_field() != figure.field:
        return None
    return fact.amount_for(figure.value)


_PASSED = re.compile(
    r"(?:突破|超过|超出|超了|过了|破了|冲过|冲破|跨过|迈过|越过|超越|破|exceed(?:ed|s|ing)?|(?:sur)?pass(?:ed|es|ing)?"
    r"|cross(?:ed|es|ing)?|broken? through|breaking through|went over|gone over|over|above)"
    r"(?:\s*(?:RMB|CNY|USD|US\$|\$|¥|人民币))?\s*$",  # ("passed RMB 10 billion")
    re.I,
)


# the figure was reached for the first time: "头一回过了10个亿", "第一次突破2000亿元", "passed 10 billion yuan for the
# first time"
_FIRST_BEFORE = re.compile(
    r"(?:首次|第一次|头一回|头一次|首度)[^,,。;;??\d]{0,6}$|\bfirst(?: time)?(?:\s+[a-z]+){1,2}\s*$", re.I
)
_FIRST_AFTER = re.compile(r"[^,,。;;??\d]{0,12}for the first time", re.I)


def relevant_facts(text: str, facts: list[PolicyFact]) -> list[PolicyFact]:
    """``facts`` with those whose sector (行业) the question's words name first, then those on its figures' fields.

    "做软件开发的,营收12亿,算总部企业吗" puts 信息传输、软件和信息技术服务业总部 before the other categories.
    """
    fields = {f.field for f in parse_user_figures(text) if f.field}
    # "…有奖励吗?" asks what one gets: awards before recognition categories ("…算总部企业吗?" asks the opposite)
    awards_first = bool(_ASKS_BENEFIT.search(text)) and not _ASKS_RECOGNITION.search(text)

    def rank(fact: PolicyFact) -> tuple[int, int]:
        benefit = 0 if not awards_first or fact.kind is FactKind.AWARD else 1
        if kind_named(text, fact):
            return benefit, 0
        return benefit, 1 if any(c.field in fields for c in fact.conditions) else 2

    return sorted(facts, key=rank)


_ASKS_BENEFIT = re.compile(r"奖励|补贴|补助|资助|奖多少|支持|扶持|reward|subsid|grant|bonus|support", re.I)
_ASKS_RECOGNITION = re.compile(r"认定|算.{0,12}吗|够不够|够格|够得上|qualif|recogni", re.I)


def asks_recognition(text: str) -> bool:
    """Whether the question asks to be recognised as a category ("能认定总部吗?", "算总部企业吗?"), not what an
    award gives."""
    return bool(_ASKS_RECOGNITION.search(text)) and not _ASKS_BENEFIT.search(text)


def kind_named(text: str, fact: PolicyFact) -> bool:
    """Whether the question names the fact's kind: its sector's words (做软件开发的), or the distinctive head
    of its label (研发型总部 -> 研发型; 销售型总部 -> 销售)."""
    sectors = [c for c in fact.conditions if c.field == "industry"]
    text = _DENIED.sub(" ", text)  # "(not an accounting or law firm)", "不是会计师事务所": a kind the asker is not
    head = _LABEL_TAIL.sub("", _PARENTHESES.sub("", fact.label))
    distinctive = len(head) >= 2 and head not in _GENERIC_HEADS
    if lexicon.is_english(text):
        # English ("…15亿 revenue in software"): the glossary's corpus wording, each word whole ("sales" is
        # 销售, but 'revenue' -> 销售收入 names no kind)
        named = _glossed(text)
        # a sector's keyword may be part of the corpus wording ("accounting firm" -> 会计师事务所 holds 会计);
        # a metric's wording names no sector ('revenue' -> 销售收入 is no 销售)
        words = [t for t in named if t not in lexicon.metric_words()]
        in_sector = any(k in t for c in sectors for k in c.keywords for t in words)
        return in_sector or fact.label in named or head in named
    # (a spoken form's corpus wording names the sector too: 律所 is a 律师事务所)
    said = with_spoken_forms(text)
    if any(k in said for c in sectors for k in c.keywords):
        return True
    if not distinctive:
        return False
    return head in text or (head.endswith("型") and len(head) >= 3 and head[:-1] in text)


# what the asker says they are not ("…(not an accounting or law firm)", "不是会计师事务所"; "是不是…" asks)
_DENIED = re.compile(r"\bnot\s+(?:an?\s+)?[^,.;:)?!]*|(?:(?<!是)不是|并非|而非)[^,,。;;))??!!]*", re.I)


@lru_cache(maxsize=256)
def with_spoken_forms(text: str) -> str:
    """``text`` with its spoken forms' corpus wording after it (read once per question, not once per fact)."""
    return text + " ".join(lexicon.spoken().expand(text))


@lru_cache(maxsize=256)
def _glossed(text: str) -> frozenset[str]:
    return frozenset(t for _, targets in lexicon.english().matches(text) for t in targets)


_PARENTHESES = re.compile(r"[((][^()()]*[))]")
_LABEL_TAIL = re.compile(r"(?:总部|企业|奖励|补助|补贴|资助)+$")
_GENERIC_HEADS = frozenset({"给予", "其他", "招商引资", "星级培育"})


def compare_figures(user_figures: list[UserFigure], facts: list[PolicyFact]) -> list[Comparison]:
    """Each figure against each condition of ``facts`` on the same profile field and unit, in the facts' order."""
    user_figures = _with_share(user_figures)
    out = []
    for fact in facts:
        for condition in fact.conditions:
            if condition.threshold is None or not condition.field:
                continue
            for figure in user_figures:
                if figure.field == condition.field and figure.unit == condition.threshold.unit:
                    out.append(
                        Comparison(
                            figure=figure,
                            fact=fact,
                            condition=condition,
                            meets=satisfies(figure.compared(), condition),
                        )
                    )
    return out


def _with_share(figures: list[UserFigure]) -> list[UserFigure]:
    """Add 研发费用占营业收入比例 when the user gave both figures but not the share."""
    by_field = {f.field: f for f in figures if f.unit == "元"}
    rd, revenue = by_field.get("rd_spend"), by_field.get("revenue")
    if rd is None or revenue is None or not revenue.value or any(f.field == "rd_share" for f in figures):
        return figures
    share = UserFigure(
        metric="研发费用占营业收入比例",
        field="rd_share",
        value=rd.value * 100 / revenue.value,
        unit="%",
        text=f"{rd.text}/{revenue.text}",
    )
    return [*figures, share]


def lead_sentence(
    comparisons: list[Comparison],
    marker: Callable[[PolicyFact], str] | None = None,
    limit: int = 3,
    as_of: date | None = None,
    lang: str = "zh",
    verdict: tuple[str, str] = ("可以", "不够"),
) -> str:
    """One sentence: yes / no in the question's own verb (``verdict``: 可以 / 不够 by default), the first
    comparison in full, the next ones short (see module docstring). In English the verdict and the wording
    are English; the thresholds keep the policy's own words."""
    if not comparisons:
        return ""
    if lang == "en":
        return _lead_sentence_en(comparisons, marker, limit, as_of)
    parts = []
    shown = _distinct(comparisons)[:limit]
    for i, c in enumerate(shown):
        mark = marker(c.fact) if marker is not None else ""
        expired = expired_note(c.fact.dates, as_of)
        outcome = "达到" if c.meets else "未达到"
        if i == 0:
            parts.append(f"{c.fact.label}的门槛是{c.condition.describe()},您的{c.figure.display()}{outcome}")
        elif c.fact.id == shown[i - 1].fact.id:
            parts[-1] += f",且{c.condition.describe()},您的{c.figure.display()}{outcome}"
        else:
            parts.append(f"{c.fact.label}要{_threshold(c.condition)},{outcome}")
        if i + 1 == len(shown) or shown[i + 1].fact.id != c.fact.id:
            parts[-1] += expired + mark
    first = comparisons[0].fact.id
    met = all(c.meets for c in comparisons if c.fact.id == first)
    unstated = unstated_conditions(comparisons[0].fact, comparisons)
    if met and unstated:  # what the asker gave is met, but the award asks more than they said
        parts[0] = _before_mark(parts[0], f";另需{'、'.join(unstated)},问题中未提及")
        return "不一定:" + ";".join(parts) + "。"
    head = verdict[0] if met else verdict[1]
    return f"{head}:" + ";".join(parts) + "。"


def unstated_conditions(fact: PolicyFact, comparisons: list[Comparison]) -> list[str]:
    """``fact``'s other measured conditions, which the asker's figures (``comparisons``) do not speak to."""
    compared = {c.condition.field for c in comparisons if c.fact.id == fact.id}
    groups = {c.condition.group for c in comparisons if c.fact.id == fact.id}
    return [
        c.describe()
        for c in fact.conditions
        if c.threshold is not None and c.field and c.field not in compared and not (c.group and c.group in groups)
    ]


def fact_met(fact: PolicyFact, comparisons: list[Comparison]) -> bool:
    """Each condition of ``fact`` the asker's figures speak to is met (by one of them, when several do)."""
    own = [c for c in comparisons if c.fact.id == fact.id]
    return all(any(o.meets for o in own if o.condition.field == c.condition.field) for c in own)


_MARKS = re.compile(r"(?:\[\d+\])+$")


def _before_mark(part: str, added: str) -> str:
    """``part`` with ``added`` put before its trailing citation markers ("…达到[1]" -> "…达到;另需…[1]")."""
    mark = _MARKS.search(part)
    return part[: mark.start()] + added + mark.group() if mark else part + added


def _distinct(comparisons: list[Comparison]) -> list[Comparison]:
    """Without a repeat of a comparison already made (two clauses of one label with the same threshold)."""
    seen: set[tuple[str, str, str, str]] = set()
    out: list[Comparison] = []
    for c in comparisons:
        threshold = c.condition.threshold
        key = (c.fact.label, str(threshold.value if threshold else ""), str(c.condition.comparator), c.figure.text)
        if key not in seen or any(o.fact.id == c.fact.id for o in out):
            seen.add(key)
            out.append(c)
    return out


def _lead_sentence_en(
    comparisons: list[Comparison],
    marker: Callable[[PolicyFact], str] | None,
    limit: int,
    as_of: date | None,
) -> str:
    parts: list[str] = []
    shown = _distinct(comparisons)[:limit]
    # (the first award's expiry is said with the verdict, the first thing read: "No, you do not qualify (the policy
    # expired on 31 December 2023).")
    ended = expired_note(comparisons[0].fact.dates, as_of, "en")
    for i, c in enumerate(shown):
        mark = marker(c.fact) if marker is not None else ""
        expired = expired_note(c.fact.dates, as_of, "en") if c.fact.doc_no != comparisons[0].fact.doc_no else ""
        outcome = "meets it" if c.meets else "falls short"
        stated = f"{c.condition.describe()}: your {c.figure.display('en')} {outcome}"
        if i and c.fact.id == shown[i - 1].fact.id:  # a further condition of the same award
            parts[-1] += f", and {stated}"
        else:
            parts.append(f"{c.fact.label} requires {stated}")
        if i + 1 == len(shown) or shown[i + 1].fact.id != c.fact.id:
            parts[-1] += expired + mark
    first = comparisons[0].fact.id
    met = all(c.meets for c in comparisons if c.fact.id == first)
    unstated = unstated_conditions(comparisons[0].fact, comparisons)
    if met and unstated:
        also = f"; it also requires {', '.join(unstated)}, which your question does not state"
        parts[0] = _before_mark(parts[0], also)
        return f"Not necessarily{ended}. " + "; ".join(parts) + "."
    # the verdict said in words, not only "Yes." / "No.": the asker reads first whether they qualify
    head = "Yes, you qualify" if met else "No, you do not qualify"
    return f"{head}{ended}. " + "; ".join(parts) + "."


def _threshold(condition: Condition) -> str:
    """The threshold without its metric and period: 20亿元以上(含), 超过10%, 1亿元(含)以上、10亿元(不含)以下."""
    text = condition.describe()
    return text.removeprefix(condition.period).removeprefix(condition.metric)
