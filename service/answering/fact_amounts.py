"""Amounts in a clause's sentences and the role each plays (see service.answering.fact_parser).

A clause is cut into segments (at 。;) and each segment into phrases (at ,:且). Each amount gets a role
from the words around it: a condition (a metric named before it and a comparator such as 不低于 / 超过 /
以上(含) / 达到 / 不足), a ratio (%), a cap (不超过, 最高 beside 单家 / 单个, 每年 / 单次), a duration (年) or a
fixed amount; an amount listed after 、 takes the role of the one before it; budgets and targets get none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.models import Clause
from service.answering import fact_terms
from service.answering.facts import Comparator
from service.answering.quantities import QUANTITY, Quantity, quantity, range_of

_SEGMENT_END = re.compile(r"[。;;!?]")
_PHRASE_END = re.compile(r"[,,::]|且")
BENEFIT_WORDS = re.compile(r"给予|予以|补助|补贴|奖励|资助|贴息|扶持|办理|支持|奖金|可补助")
TARGET_WORDS = re.compile(r"力争|目标|争取|计划推进|预算")
_BUDGET_BEFORE = re.compile(r"(?:不少于|安排|预算|增加到|规模|资金|总额为)\s*$")
_COND_BEFORE = re.compile(r"(不低于|不少于|首次突破|突破|超过|高于|达到|达|不足|低于|在)\s*$")
_COND_AFTER = re.compile(r"^\s*(\(含\)\s*以上|以上\s*\(含\)|及以上|以上)")
_COMPARATORS = {
    "不低于": Comparator.GE,
    "不少于": Comparator.GE,
    "达到": Comparator.GE,
    "达": Comparator.GE,
    "在": Comparator.GE,
    "首次突破": Comparator.GT,
    "突破": Comparator.GT,
    "超过": Comparator.GT,
    "高于": Comparator.GT,
    "不足": Comparator.LT,
    "低于": Comparator.LT,
}
PERIOD = re.compile(r"上年度|连续\s*(?:\d+|[一二三四五])\s*年|年度|当年|累计")
_YEARLY = re.compile(r"每年|年度|年最高|年贴息|年补贴|年$")
_PER_EVENT = re.compile(r"单次|单场")


@dataclass
class Amount:
    role: str  # condition | ratio | cap | yearly_cap | per_event_cap | duration | amount | period
    q: Quantity
    start: int  # offsets in the segment text
    end: int
    phrase: str
    pre: str
    comparator: Comparator | None = None
    comparator_text: str = ""
    metric: fact_terms.Term | None = None
    up_to: bool = False
    low: Quantity | None = None
    base: str = ""
    list_id: int = 0


@dataclass
class Segment:
    start: int  # offsets in the source body
    end: int
    text: str
    amounts: list[Amount] = field(default_factory=list)

    def of(self, *roles: str) -> list[Amount]:
        return [a for a in self.amounts if a.role in roles]


def segments(body: str, clause: Clause) -> list[Segment]:
    out, pos = [], clause.start
    for m in _SEGMENT_END.finditer(body, clause.start, clause.end):
        out.append(Segment(pos, m.start(), body[pos : m.start()]))
        pos = m.end()
    if pos < clause.end:
        out.append(Segment(pos, clause.end, body[pos : clause.end]))
    return out


def _phrase_bounds(text: str, at: int) -> tuple[int, int]:
    starts = [m.end() for m in _PHRASE_END.finditer(text, 0, at)]
    end = _PHRASE_END.search(text, at)
    return (starts[-1] if starts else 0), (end.start() if end else len(text))


def amounts_in(text: str) -> list[Amount]:
    out: list[Amount] = []
    list_id = 0
    for m in QUANTITY.finditer(text):
        number = m.group("num2") or m.group("num")
        q = quantity(number, m.group("unit"), m.group(0).strip())
        if q is None or _is_date(q, text, m):
            continue
        p0, p1 = _phrase_bounds(text, m.start())
        pre, post = text[p0 : m.start()], text[m.end() : p1]
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"\s*、\s*", text[prev.end : m.start()]):
            a = Amount(
                prev.role,
                q,
                m.start(),
                m.end(),
                text[p0:p1],
                pre,
                prev.comparator,
                prev.comparator_text,
                prev.metric,
                prev.up_to,
                None,
                prev.base,
                prev.list_id,
            )
            out.append(a)
            continue
        list_id += 1
        classified = _classify(q, m, text[p0:p1], pre, post, text[: m.start()])
        if classified is not None:
            classified.list_id = list_id
            out.append(classified)
    return out


def own_clause(pre: str) -> str:
    """The words before an amount within its own clause: after the last 且 or comma before it ("…社零总额在1亿元(含)
    以上且增幅高于全区平均增幅" -> 增幅高于全区平均增幅)."""
    return re.sub(r"^.*?(?:且|,)", "", pre)


def _is_date(q: Quantity, text: str, m: re.Match[str]) -> bool:
    return q.unit == "年" and (q.value >= 1900 or bool(re.match(r"\s*\d+\s*月", text[m.end() :])))


def _classify(q: Quantity, m: re.Match[str], phrase: str, pre: str, post: str, before: str) -> Amount | None:
    a = Amount("", q, m.start(), m.end(), phrase, pre)
    if _BUDGET_BEFORE.search(pre) or "预算" in pre:
        return None
    before_cmp, after_cmp = _COND_BEFORE.search(pre.rstrip()), _COND_AFTER.match(post)
    metric = fact_terms.last_before("metric", pre) or (
        fact_terms.last_before("metric", before) if before_cmp and before_cmp.group(1) == "不足" else None
    )
    if q.unit == "年":
        if re.search(r"[上下前后每当]\s*$", pre):
            return None  # 上一年, 当年: a reference year, not a length
        if re.search(r"连续\s*$", pre):
            a.role = "period"
        elif re.search(r"实施|以来|内未|年内不|后\s*$", phrase) or after_cmp:
            return None  # a record to hold (实施2年以上) or a bar, not a period of support
        else:
            a.role = "duration"
        return a
    if q.unit == "位" and metric is not None and re.search(r"前\s*$", pre):
        # "增幅排名在全区前25位": a rank, met at that place or better
        a.role, a.metric, a.comparator, a.comparator_text = "condition", metric, Comparator.LE, "前"
        return a
    if q.unit == "百分点" and (before_cmp or after_cmp):
        a.role, a.comparator = "condition", _comparator(before_cmp, after_cmp)
        a.comparator_text = _cmp_text(before_cmp, after_cmp)
        # the metric of its own clause ("…且增幅高于全区平均增幅5个百分点": points over the district's average),
        # not one named before it (社零总额)
        a.metric = metric if metric is not None and metric.surface in own_clause(pre) else None
        return a
    if after_cmp is None and metric is not None and re.match(r"\s*(?:人民币)?或", post):
        after_cmp = _COND_AFTER.match(re.sub(r"^.*?(?=以上|及以上)", "", post)) if "以上" in post else None
    # (not "给予其项目投入的50%、最高不超过2000万元": a share of the metric stands between, the sum is its cap)
    between = pre[pre.find(metric.surface) :] if metric is not None else ""
    if (before_cmp or after_cmp) and metric is not None and not BENEFIT_WORDS.search(between) and "%" not in between:
        a.role, a.metric, a.comparator = "condition", metric, _comparator(before_cmp, after_cmp)
        a.comparator_text = _cmp_text(before_cmp, after_cmp)
        return a
    if q.unit == "%":
        a.role, a.up_to = "ratio", bool(re.search(r"最高|不超过|以内", pre) or post.startswith("以内"))
        pair = range_of(m)
        if pair is not None:
            a.low = pair[0]
        a.base = _ratio_base(pre, post)
        return a
    if q.unit in ("元", "美元", "P"):
        if re.search(r"不超过|以内|上限", pre) or post.lstrip().startswith("以内"):
            a.role = (
                "per_event_cap"
                if _PER_EVENT.search(pre)
                else "yearly_cap"
                if _YEARLY.search(re.sub(r"不超过.*$", "", pre))
                else "cap"
            )
        elif re.search(r"最高", pre) and re.search(r"单家|单个|每家", pre):
            a.role = "cap"
        else:
            a.role, a.up_to = "amount", "最高" in pre
        return a
    return None


def _comparator(before: re.Match[str] | None, after: re.Match[str] | None) -> Comparator:
    if before is not None and before.group(1) != "在":
        return _COMPARATORS[before.group(1)]
    return Comparator.GE  # 以上 / (含)以上: the number itself is included


def _cmp_text(before: re.Match[str] | None, after: re.Match[str] | None) -> str:
    words = before.group(1) if before is not None and before.group(1) != "在" else ""
    return words + (re.sub(r"\s", "", after.group(1)) if after is not None else "")


def _ratio_base(pre: str, post: str) -> str:
    """What a ratio is taken of: after 按 / 按照, else between 对 and 给予, else the support it names after."""
    trim = re.compile(r"^(?:最高|不超过|可|其)+|(?:最高|不超过|可)+$")
    if re.search(r"按照|按", pre):
        base = trim.sub("", re.sub(r"^.*?(?:按照|按)", "", pre).strip())
        base = (base if base.endswith("标的") else base.removesuffix("的")).strip()
        named = re.match(r"\s*(?:的|给予)([^,,。;]{1,8}?)(?:补贴|补助|奖励|资助|贴息)", post)
        return base or (named.group(1) if named else "")
    if m := re.search(r"对(.+?)给予", pre):
        return m.group(1).strip()
    tail = re.match(r"\s*的([^,,。;]{1,8}?)(?:的比例|补贴|补助|奖励|资助|贴息|支持)", post)
    if tail and tail.group(1) not in ("资金", "一次性"):
        return tail.group(1)
    base = trim.sub("", re.sub(r"^.*?(?:给予|予以)", "", pre).strip())
    base = base if base.endswith("标的") else base.removesuffix("的")
    return re.sub(r"^.*?(?:三年|二年|两年|一年)", "", base).strip()
