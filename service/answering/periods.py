"""Periods: how long the asker says something has lasted, against the policies' conditions on periods.

Interface (for the plan, the evidence stage and the lead):

- ``elapsed_periods(text) -> list[Elapsed]``: what the question says has lasted how long: "实施刚满一年半"
  (1.5 年), "到现在一年多点" (more than 1 年, less than 2), "已经实施了两年", "成立3年了". A number of years
  counts only with a word that says it has passed (满, 已, 了, 有 before it; 半, 多, 了 after it): "一年最多
  贴多少" is a rate, "三年前" a date, "2022年底" a year.
- ``period_conditions(text) -> list[PeriodCondition]``: the conditions on a period a policy sentence states,
  each with the words before it that say whose it is:
  a minimum since an event ("主导制(修)订国家标准…并已经实施2 年以上": at least 2 年 since 实施) and a clean
  record ("近 5 年应当无违法违纪行为", "申报截止期前 3 年内未发生重大质量、安全…事故": none in the last N 年).
- ``started_dates(text) -> list[Started]``: when the question says something began ("2025年3月才开始实施的",
  "2024年成立"); ``since(started, today) -> Elapsed`` is how long that is as of today, a range as wide as
  the date is coarse (a month, a year).
- ``meets(elapsed, condition) -> bool | None``: whether an elapsed period meets a minimum (None when the
  asker's words leave it open: "一年多" against 1 年 meets, against 2 年 fails, against 1.5 年 cannot tell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from service.answering.quantities import NUMBER, chinese_number

if TYPE_CHECKING:
    from service.answering.plan import QueryPlan

_YEAR_NUMBER = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class Elapsed:
    """A period the asker says has passed: at least ``low`` years, less than ``high`` when it is open."""

    low: Decimal
    high: Decimal | None  # None: exactly ``low`` ("满两年"); else less than this ("一年多": 1 < x < 2)
    text: str  # as the asker wrote it ("一年半", "一年多")
    start: int
    end: int


# a number of years or of months with a word that says it has passed ("满一年半", "实施了两年", "一年多点", "3年了",
# "已实施18个月", "9个多月")
_BEGAN_VERBS = "实施|施行|成立|运行|运营|注册|落户|入驻|投产|开业|设立|经营"
_ELAPSED = re.compile(
    # (the cue may stand before a verb of what began: "已实施18个月", "已经成立了3年")
    rf"(?P<cue>满|已经?(?P<verb>{_BEGAN_VERBS})?了?|了|有)?\s*(?P<n>{NUMBER})\s*"
    r"(?:(?P<month>个\s*(?P<mmore>多)?\s*月)|(?:个)?\s*(?:整)?年(?P<half>半)?)"
    r"(?P<more>多|出头)?(?P<after>了)?"
)
# what turns a number of years into a date, a deadline or a rate
_NOT_ELAPSED = re.compile(
    r"\s*(?:前|内|以内|之内|后|以后|之后|度|底|初|中|末|间|起|里|来|以来|期|的时候|最多|最高|最少)"
)


def elapsed_periods(text: str) -> list[Elapsed]:
    """What the question says has lasted how long (see module docstring); in English too ("has been in force
    for 18 months", "took effect about two years ago", "for over a year")."""
    return [e for _, e in _elapsed(text)] + [e for _, e in _english_elapsed(text)]


# the number words a span of time is said in ("two years", "eighteen months"), shared with plan.py's years ago
EN_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "thirty-six": 36,
}
EN_NUMBER_WORDS = "|".join(sorted(EN_NUMBERS, key=len, reverse=True))
_EN_COUNT = rf"\d+(?:\.\d+)?|{EN_NUMBER_WORDS}"
_EN_SPAN = (
    rf"(?:(?P<more>over|more than|just over)\s+|(?:about|around|roughly|nearly|almost|just|only)\s+)?"
    rf"(?P<n>{_EN_COUNT})(?P<half>\s+and\s+a\s+half)?\s+(?P<unit>years?|months?)(?P<half2>\s+and\s+a\s+half)?"
)
# a span of time that has passed: "has been … for 18 months", "have been … two years", "a year and a half ago"
_EN_ELAPSED = (
    # (a present perfect says it has passed: "has been in force for 18 months"; "for 3 years" alone may be a term)
    re.compile(rf"(?:\b(?:has|have|had)\b|'ve\b)[^.?!,;]{{0,40}}?\b(?:for|been)\s+{_EN_SPAN}\b(?!\s+ago)", re.I),
    re.compile(rf"\b{_EN_SPAN}\s+ago\b", re.I),
)
# the words that say something began or has been in force, before a span that has passed: the asker's own thing
# ("our standard has been in force for 18 months"), not the policy's validity asked
_EN_BEGAN = re.compile(
    r"\b(?:took effect|came into (?:force|effect)|(?:has|have|had)\s+been\s+(?:in force|in effect|effective|"
    r"implemented|valid|running))\b(?=[^.?!]{0,12}?\b(?:for\s+|been\s+)?(?:(?:over|more than|about|around|"
    r"roughly|nearly|almost|just)\s+)?(?:" + _EN_COUNT + r")(?:\s+and\s+a\s+half)?\s+(?:years?|months?))",
    re.I,
)


def _english_elapsed(text: str) -> list[tuple[re.Match[str], Elapsed]]:
    out = []
    matches = sorted((m for pattern in _EN_ELAPSED for m in pattern.finditer(text)), key=lambda m: m.start())
    for m in matches:
        count = m.group("n").lower()
        value = Decimal(EN_NUMBERS[count]) if count in EN_NUMBERS else Decimal(count)
        if m.group("half") or m.group("half2"):
            value += Decimal("0.5")
        years = value / 12 if m.group("unit").lower().startswith("month") else value
        if years <= 0:
            continue
        shown = " ".join(text[m.start("n") : m.end("half2") if m.group("half2") else m.end("unit")].split())
        high = years + (Decimal(1) / 12 if m.group("unit").lower().startswith("month") else 1)
        out.append((m, Elapsed(years, high if m.group("more") else None, shown, m.start("n"), m.end())))
    return out


def without_english_beginnings(text: str) -> str:
    """``text`` without the words that say the asker's thing began or has been in force a span ago ("has been in
    force for 18 months"): they date the asker's thing, they do not ask a date."""
    return _EN_BEGAN.sub(" ", text)


def without_elapsed(text: str) -> str:
    """``text`` with each elapsed period and the word that says it has passed blanked ("实施刚满一年半" ->
    "实施刚    "): the asker's own figure, a constraint and not a topic word."""
    for m, e in reversed(_elapsed(text)):
        # (the verb of what began stays: "已实施18个月" -> "已实施     ")
        start = m.end("verb") if m.group("verb") else m.start()
        text = text[:start] + " " * (e.end - start) + text[e.end :]
    return text


def _elapsed(text: str) -> list[tuple[re.Match[str], Elapsed]]:
    out = []
    for m in _ELAPSED.finditer(text):
        number = m.group("n")
        if _YEAR_NUMBER.fullmatch(number) or _NOT_ELAPSED.match(text, m.end()):
            continue
        if not (m.group("cue") or m.group("half") or m.group("more") or m.group("mmore") or m.group("after")):
            continue
        value = chinese_number(number)
        if value is None or value <= 0:
            continue
        start = m.start("n")
        if m.group("month"):  # "已实施18个月", "8个多月": a span of months, in years
            more = m.group("more") or m.group("mmore")
            end = m.end("more") if m.group("more") else m.end("month")
            years = Decimal(value) / 12
            high = years + Decimal(1) / 12 if more else None
            out.append((m, Elapsed(years, high, text[start:end].replace(" ", ""), start, end)))
            continue
        end = m.end("more") if m.group("more") else m.end("half") if m.group("half") else m.end("n") + 1
        shown = text[start:end].replace(" ", "")
        if not shown.endswith(("年", "半", "多", "出头")):
            shown = f"{shown}年"
        if m.group("half"):
            out.append((m, Elapsed(value + Decimal("0.5"), None, shown, start, end)))
        elif m.group("more"):
            out.append((m, Elapsed(value, value + 1, shown, start, end)))
        else:
            out.append((m, Elapsed(value, None, shown, start, end)))
    return out


@dataclass(frozen=True)
class Started:
    """When the asker says something began: a year, and its month when they give one."""

    year: int
    month: int | None
    verb: str  # what began ("实施", "成立")
    text: str  # as written ("2025年3月")


# a date and, a few characters on, the verb of what began then ("2025年3月才开始实施", "2024年成立的")
_STARTED = re.compile(
    # (a spoken two-digit year with its month: "22年3月开始实施")
    r"(?P<y>(?:19|20)\d{2}|(?<!\d)[12]\d(?=\s*年\s*(?:1[0-2]|0?[1-9])\s*月))\s*年"
    r"(?:\s*(?P<m>1[0-2]|0?[1-9])\s*月份?)?(?:\s*\d{1,2}\s*[日号])?"
    r"[^,,。;;??!!\d]{0,6}?(?P<verb>实施|施行|成立|注册|发布|设立|落户|投产)"
)


def started_dates(text: str) -> list[Started]:
    """When the question says something began (see module docstring)."""
    out = []
    for m in _STARTED.finditer(text):
        month = int(m.group("m")) if m.group("m") else None
        year = _full_year(m.group("y"))
        shown = f"{year}年{month}月" if month else f"{year}年"
        out.append(Started(year, month, m.group("verb"), shown))
    return out


# the month the asker says they would apply in ("想在2024年1月报", "打算2025年3月申报", "23年底报")
_PLANNED = re.compile(
    r"(?P<y>(?:19|20)\d{2}|(?<!\d)[12]\d)\s*年\s*(?:(?P<m>1[0-2]|0?[1-9])\s*月份?(?:\s*\d{1,2}\s*[日号])?|(?P<end>底))"
    r"(?:底|初|中)?\s*(?:再|去)?(?P<verb>申报|申请|报|提交|递交)"
)


def _full_year(year: str) -> int:
    """A year as written, a spoken two-digit one in this century ("22年" is 2022)."""
    return int(year) if len(year) == 4 else 2000 + int(year)


def planned_dates(text: str) -> list[Started]:
    """When the question says the asker would apply, to the month (see ``_PLANNED``; 年底 is its December)."""
    out = []
    for m in _PLANNED.finditer(text):
        year, month = _full_year(m.group("y")), int(m.group("m")) if m.group("m") else 12
        out.append(Started(year, month, m.group("verb"), f"{year}年{'底' if m.group('end') else f'{month}月'}"))
    return out


def since(started: Started, today: date, until: Started | None = None) -> Elapsed | None:
    """How long ago ``started`` is as of ``today`` (or as of the month ``until``, when the asker would apply):
    between whole months (a month given) or over the year's span (only a year); None when it is not yet past."""
    end = f"至{until.text}" if until else "至今"
    if until is not None and until.month:
        today = date(until.year, until.month, 1)
    months = (today.year - started.year) * 12 + today.month
    # from the last day of the month or year it began (a day unknown: a month less) to its first
    low, high = max(months - (started.month or 12) - 1, 0), months - (started.month or 1) + 1
    if high <= 0:
        return None
    if low == 0:  # begun this month or year: less than its span
        text = f"自{started.text}{started.verb}{end}不到{_span(high)}"
    else:
        text = f"自{started.text}{started.verb}{end}{'约' if started.month else '已超过'}{_span(low)}"
    return Elapsed(Decimal(low) / 12, Decimal(high) / 12, text, 0, 0)


def _span(months: int) -> str:
    """A number of months as years and months ("1年8个月", "2年", "3个月")."""
    years, rest = divmod(months, 12)
    return (f"{years}年" if years else "") + (f"{rest}个月" if rest else "")


@dataclass(frozen=True)
class PeriodCondition:
    """A condition on a period in a policy sentence."""

    kind: str  # "since": at least ``years`` since ``verb``; "clean": none of ``what`` in the last ``years``
    years: Decimal
    verb: str  # the event counted from ("实施"), for "since"
    what: str  # what must not have happened ("违法违纪行为"), for "clean"
    text: str  # the condition's run of the sentence, whose words before it say whose it is
    start: int  # offsets of ``text`` in the sentence
    end: int


_SINCE = re.compile(
    rf"(?:已经?|满)\s*(?P<verb>[\u4e00-\u9fff]{{2}})\s*(?P<n>{NUMBER})\s*年\s*(?:\(含\)|(含))?\s*(?:以上|及以上)"
    rf"|(?P<verb2>[\u4e00-\u9fff]{{2}})(?:已满|满)\s*(?P<n2>{NUMBER})\s*(?:个)?\s*年"
)
_CLEAN = re.compile(
    rf"近\s*(?P<n>{NUMBER})\s*年(?:内|来)?\s*(?:应当|应|须)?\s*(?:无|没有|未(?:发生|出现|受到|有))(?P<what>[^,,;;。]+)"
    rf"|前\s*(?P<n2>{NUMBER})\s*年内\s*(?:无|没有|未(?:发生|出现|受到|有))(?P<what2>[^,,;;。]+)"
)
# when something happened, counted back from now (as the plan reads ``years_ago``)
_AGO = re.compile(rf"大前年|前年|去年|{NUMBER}\s*年前|\byears? ago\b|\blast year\b|\byear before last\b", re.I)
# where the words that say whose a condition is begin: a clause or an item before it
_RUN_START = re.compile(r"[,,;;。:\n]|[((]\d+[))]|\d+[.、.]")


def period_conditions(text: str) -> list[PeriodCondition]:
    """The conditions on a period ``text`` states, in order (see module docstring)."""
    out = []
    for m in _SINCE.finditer(text):
        years = chinese_number(m.group("n") or m.group("n2"))
        if years is not None:
            start = _run_start(text, m.start())
            verb = m.group("verb") or m.group("verb2")
            out.append(PeriodCondition("since", years, verb, "", text[start : m.end()], start, m.end()))
    for m in _CLEAN.finditer(text):
        years = chinese_number(m.group("n") or m.group("n2"))
        what = (m.group("what") or m.group("what2") or "").strip()
        if years is not None and what:
            start = _run_start(text, m.start())
            out.append(PeriodCondition("clean", years, "", what, text[start : m.end()], start, m.end()))
    return sorted(out, key=lambda c: c.start)


def asked_conditions(question: str, text: str, years_ago: int | None) -> list[PeriodCondition]:
    """The period conditions of ``text`` a question can be checked against: a minimum since an event the
    question names, with a period it says has passed ("实施刚满一年半" against "已经实施2 年以上"), or a clean
    record of what it says happened some years ago ("三年前受过违纪处分" against "近 5 年应当无违法违纪行为")."""
    from indexing.keyword import tokenize

    elapsed = bool(elapsed_periods(question) or started_dates(question))
    # what happened some years ago is told in the clause that says when ("三年前受过一次违纪处分"), not in
    # another one ("去年营收12亿,…有质量问题吗" dates the revenue)
    dated = "".join(c for c in re.split(r"[,,。;;??!!]", question) if _AGO.search(c))

    def on_question(condition: PeriodCondition) -> bool:
        if condition.kind == "since":
            return elapsed and condition.verb in question
        return bool(years_ago) and any(len(w) >= 2 and w in dated for w in tokenize(condition.what))

    return [c for c in period_conditions(text) if on_question(c)]


def period_wording(plan: QueryPlan) -> str:
    """The question's words a period condition is matched against: the asker's own, and an English question's
    with their Chinese glosses ("in force" -> 实施)."""
    return plan.text if plan.lang == "en" else plan.asked_text or plan.original


def _run_start(text: str, before: int) -> int:
    starts = [m.end() for m in _RUN_START.finditer(text, 0, before)]
    return max(starts, default=0)


def meets(elapsed: Elapsed, condition: PeriodCondition) -> bool | None:
    """Whether ``elapsed`` is at least the condition's period (see module docstring)."""
    if elapsed.high is None:
        return elapsed.low >= condition.years
    if elapsed.low >= condition.years:
        return True
    if elapsed.high <= condition.years:
        return False
    return None
