"""The patterns that turn a clause's sentences into PolicyFacts (see service.answering.facts).

A clause is cut into segments (at 。;) and each segment into phrases (at ,:且). Each amount in a
segment gets a role from the words around it: a condition (a metric named before it and a comparator
such as 不低于 / 超过 / 以上(含) / 达到 / 不足), a ratio (%), a cap (不超过, 最高 beside a ratio, 每年 / 单次),
a duration (年) or a fixed amount; an amount listed after 、 takes the role of the one before it. A list
("分别给予 500 万元、200 万元、100 万元") becomes one fact per item, named by the enumeration in the
segment's subject ("国家、省、市级", "“五星级”“四星级”“三星级”") or by its thresholds. Segments carry
their neighbours' context within a clause: a ratio stated before brackets ("按实到注册资本 1%" then
"10 亿元(含)以上的,最高可补助 1000 万元"), an amount stated after its conditions ("奖励金额原则上最高
不超过2000 万元"), and rules stated after (差额奖励, 其中一项).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.library import Corpus
from corpus.models import Clause, PolicyDocument
from service.answering import fact_terms
from service.answering.facts import Benefit, Comparator, Condition, FactKind, PolicyFact
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
_PERIOD = re.compile(r"上年度|连续\s*(?:\d+|[一二三四五])\s*年|年度|当年|累计")
_YEARLY = re.compile(r"每年|年度|年最高|年贴息|年补贴|年$")
_PER_EVENT = re.compile(r"单次|单场")
_STRIP_LEAD = re.compile(r"^.*(?:承担|新认定的|认定的|认定为|新获得|获得|首次评为|评为|入选|对)")
_LEVEL_ONLY = re.compile(r"^(国家|省|市|区)级?$")


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


def facts_of_document(doc: PolicyDocument, corpus: Corpus) -> list[PolicyFact]:
    body = corpus.source_of(doc).body
    audience = fact_terms.last_before("audience", doc.title)
    out: list[PolicyFact] = []
    for ci, clause in enumerate(doc.clauses):
        segments = [s for s in _segments(body, clause) if s.text.strip()]
        for s in segments:
            s.amounts = _amounts(s.text)
        out += _clause_facts(doc, corpus, clause, ci, segments, audience)
    return out


def _segments(body: str, clause: Clause) -> list[Segment]:
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


def _amounts(text: str) -> list[Amount]:
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
    if q.unit == "百分点" and (before_cmp or after_cmp):
        a.role, a.comparator = "condition", _comparator(before_cmp, after_cmp)
        a.comparator_text = _cmp_text(before_cmp, after_cmp)
        return a
    if after_cmp is None and metric is not None and re.match(r"\s*(?:人民币)?或", post):
        after_cmp = _COND_AFTER.match(re.sub(r"^.*?(?=以上|及以上)", "", post)) if "以上" in post else None
    if (before_cmp or after_cmp) and metric is not None and not BENEFIT_WORDS.search(pre[pre.find(metric.surface) :]):
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


# --- facts from segments ------------------------------------------------------------------------------

_GIVES = ("amount", "ratio", "cap", "yearly_cap", "per_event_cap", "duration")


@dataclass
class Draft:
    """A fact before it is placed on its page: what it says and which amounts (with their segment) it uses."""

    kind: FactKind
    variant: str
    who: str
    conditions: list[Condition]
    benefit: Benefit | None
    used: list[tuple[Segment, Amount]]


def _clause_facts(
    doc: PolicyDocument,
    corpus: Corpus,
    clause: Clause,
    ci: int,
    segments: list[Segment],
    audience: fact_terms.Term | None,
) -> list[PolicyFact]:
    by_segment: dict[int, list[PolicyFact]] = {}
    pending_ratio: Segment | None = None
    for si, seg in enumerate(segments):
        text = seg.text
        if not seg.amounts:
            if "差额" in text:
                _add_rule(by_segment.get(si - 1, []), "差额")
            if "其中一项" in text:
                for facts in by_segment.values():
                    _add_rule(facts, "择一")
        if TARGET_WORDS.search(text) and not BENEFIT_WORDS.search(text):
            continue
        first, span = seg, (seg.start, seg.end)
        gives = seg.of(*_GIVES)
        if gives and not seg.of("condition") and re.match(r"\s*(?:奖励|补助|资助|补贴)(?:金额|额度)", text):
            previous = by_segment.get(si - 1, [])
            if previous and all(f.benefit is not None and not f.benefit.amount and not f.benefit.cap for f in previous):
                del by_segment[si - 1]  # "…可以申请专项奖励。奖励金额原则上最高不超过2000 万元": one fact over both
                seg = _merged(segments[si - 1], seg)
                first, span = seg, (seg.start, seg.end)
        ratio_from = None
        if pending_ratio is not None and seg.of("condition") and not seg.of("ratio"):
            ratio_from, span = pending_ratio, (pending_ratio.start, seg.end)  # brackets after "按实到注册资本 1%"
            by_segment.pop(segments.index(pending_ratio), None)
        elif seg.of("ratio") and not seg.of("condition") and not seg.of("amount", "cap"):
            pending_ratio = seg
        else:
            pending_ratio = None
        drafts = _drafts(clause, first, ratio_from, audience)
        placed = [
            _place(d, doc, corpus, clause, f"{doc.doc_no}-{ci}-{si}", i, len(drafts), span)
            for i, d in enumerate(drafts)
        ]
        by_segment[si] = [f for f in placed if f is not None]
    return [f for si in sorted(by_segment) for f in by_segment[si]]


def _add_rule(facts: list[PolicyFact], rule: str) -> None:
    for fact in facts:
        if fact.benefit is not None and rule not in fact.benefit.rules:
            fact.benefit.rules.append(rule)


def _merged(first: Segment, second: Segment) -> Segment:
    gap = second.start - first.start
    text = first.text + " " * (gap - len(first.text)) + second.text
    shifted = [
        Amount(
            a.role,
            a.q,
            a.start + gap,
            a.end + gap,
            a.phrase,
            a.pre,
            a.comparator,
            a.comparator_text,
            a.metric,
            a.up_to,
            a.low,
            a.base,
            a.list_id + 1000,
        )
        for a in second.amounts
    ]
    return Segment(first.start, second.end, text, first.amounts + shifted)


def _drafts(clause: Clause, seg: Segment, ratio_from: Segment | None, audience: fact_terms.Term | None) -> list[Draft]:
    text = seg.text
    has_benefit = BENEFIT_WORDS.search(text) is not None
    gives = seg.of(*_GIVES)
    cond_amounts = seg.of("condition")
    categories = _listing_or_category(text)
    recognition = not has_benefit and not gives and (cond_amounts or categories) and _is_recognition_clause(clause)
    substantive = [a for a in gives if a.role != "duration"] or (gives if ratio_from is not None else [])
    if not recognition and not (has_benefit and (substantive or cond_amounts or categories)):
        return []
    if recognition and not cond_amounts and not categories:
        return []
    lists = _lists(seg.amounts)
    size = max((len(v) for v in lists.values()), default=1)
    subject = _subject(text)
    tiers = next((v for v in lists.values() if len(v) == size and v[0].role == "condition"), None) if size > 1 else None
    labels = _enumeration(subject, size) if size > 1 and tiers is None else []
    drafts = []
    for i in range(size):
        picked = [a for a in seg.amounts if _pick(a, lists, i, size)]
        raw = labels[i] if labels else ""
        variant = re.sub(r"[“”]", "", raw) if labels else (_tier_label(tiers[i]) if tiers else "")
        conditions = _conditions(seg, [a for a in picked if a.role == "condition"], tiers, i)
        conditions += _categories(raw or subject, text, bool(labels))
        used = [(seg, a) for a in picked if a.role != "period"]
        if recognition:
            conditions += _industry(clause.heading, _recognised_who(text))
            drafts.append(Draft(FactKind.RECOGNITION, variant or _recognised_who(text), "", conditions, None, used))
            continue
        if audience is not None:
            conditions.append(
                Condition(metric="企业类型", field=audience.field, comparator=Comparator.EQ, value=audience.canonical)
            )
        ratio_amounts = ratio_from.of("ratio") if ratio_from is not None else []
        used += [(ratio_from, a) for a in ratio_amounts] if ratio_from is not None else []
        benefit = _benefit(text, [a for a in picked if a.role in _GIVES] + ratio_amounts)
        numeric = [c for c in conditions if c.threshold is not None]
        if ratio_from is not None and not variant and numeric:
            variant = numeric[0].describe().removeprefix(numeric[0].period).removeprefix(numeric[0].metric)
        drafts.append(Draft(FactKind.AWARD, variant, _clean_who(subject), conditions, benefit, used))
    return drafts


def _lists(amounts: list[Amount]) -> dict[int, list[Amount]]:
    out: dict[int, list[Amount]] = {}
    for a in amounts:
        out.setdefault(a.list_id, []).append(a)
    return out


def _pick(a: Amount, lists: dict[int, list[Amount]], i: int, size: int) -> bool:
    items = lists[a.list_id]
    return len(items) == 1 or (len(items) == size and items[i] is a) or (len(items) != size and size == 1)


def _subject(text: str) -> str:
    cut = re.search(r"分别|按照|按|给予|予以|可补助|最高可|可给予", text)
    return text[: cut.start()] if cut else text


def _clean_who(subject: str) -> str:
    who = re.sub(r"^[\s((]*[一二三四五六七八九十\d]+[、.)).]\s*|[\s,,]+$", "", subject)
    who = re.sub(r"^[^。,,]{0,12}(?:奖励|资助|补助|支持|保障)。", "", who)  # the clause's own heading
    who = re.sub(r"^[,,]?对|[的,,]+$", "", re.sub(r"\s", "", who))
    return who[-60:]


def _recognised_who(text: str) -> str:
    m = re.search(r"(?:以上\(含\)|\(含\)以上|以上)的([^,,。;]{2,20})$", text.strip())
    return m.group(1) if m else ""


def _split_outside_parens(text: str) -> list[str]:
    items, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in "(("
        depth -= ch in "))"
        if depth == 0 and ch == "、":
            items.append(cur)
            cur = ""
            continue
        cur += ch
    items.append(cur)
    return [p for part in items for p in re.split(r"(?<=”)(?=“)", part)]


def _enumeration(subject: str, size: int) -> list[str]:
    """The names of a 分别 list's items, from the enumeration in the sentence's subject."""
    phrases = re.split(r"[,,]", re.sub(r"[,,\s]+$", "", subject))
    tail = phrases[-1]
    if size == 2 and (m := re.search(r"(境|国)内、外", tail)):
        return [f"{m.group(1)}内", f"{m.group(1)}外"]
    candidates = [[re.sub(r"\s", "", i) for i in _split_outside_parens(p)] for p in reversed(phrases)]
    items = next((c for c in candidates if len(c) == size), [])
    if not items:
        return []
    items[0] = _STRIP_LEAD.sub("", items[0]) or items[0]
    items[-1] = re.sub(r"的[^、的]{0,6}$", "", items[-1])
    grades = re.match(r"^(.*?)([一二三四五])$", items[0]), re.match(r"^([一二三四五])(等奖)$", items[-1])
    if grades[0] and grades[1] and all(len(i) == 1 for i in items[1:-1]):
        prefix, suffix = grades[0].group(1), grades[1].group(2)  # "…奖一、二、三等奖"
        return [f"{prefix}{item[-1] if n == 0 else item[0]}{suffix}" for n, item in enumerate(items)]
    level = re.match(r"(国家|省|市|区)级?", items[-1])
    noun = items[-1][level.end() :].lstrip("的") if level else ""
    out = []
    for item in items:
        only = _LEVEL_ONLY.match(item)
        out.append(f"{only.group(1)}级{noun}" if only and noun else item)
    if level and noun and items[-1][level.end() :].startswith("的"):
        out[-1] = f"{level.group(1)}级{noun}"  # "国家、省、市的…项目"
    return out


def _tier_label(a: Amount) -> str:
    metric = a.metric.canonical if a.metric is not None else ""
    return f"{metric}{a.q.display()}"


def _period(text: str, before: int) -> str:
    found = list(_PERIOD.finditer(text, 0, before))
    return re.sub(r"\s", "", found[-1].group(0)) if found else ""


def _conditions(seg: Segment, amounts: list[Amount], tiers: list[Amount] | None, i: int) -> list[Condition]:
    out: list[Condition] = []
    for a in amounts:
        metric, field_name = (a.metric.canonical, a.metric.field) if a.metric is not None else ("", "")
        if a.q.unit == "百分点":
            metric = re.sub(r"^.*?(?:且|,)", "", a.pre).strip() or "增幅"
        if a.q.unit == "%" and "占" in a.phrase and "比例" in a.phrase and out:
            share = fact_terms.share_term(out[-1].metric, metric)
            if share is not None:
                metric, field_name = share.canonical, share.field
        if (
            a.comparator in (Comparator.LT, Comparator.LE)
            and out
            and out[-1].metric == metric
            and out[-1].upper is None
        ):
            out[-1].upper, out[-1].upper_inclusive = a.q, a.comparator is Comparator.LE
            continue
        cond = Condition(
            metric=metric,
            field=field_name,
            comparator=a.comparator or Comparator.GE,
            comparator_text=a.comparator_text,
            threshold=a.q,
            period=_period(seg.text, a.start),
            first_time="首次" in a.pre,
        )
        if tiers is not None and a in tiers and i + 1 < len(tiers):
            cond.upper = tiers[i + 1].q  # a tier ends where the next begins
        between = seg.text[out_end(seg, out) : a.start] if out else ""
        if out and "或" in between and not re.search(r"[,,]", between):
            out[-1].group = cond.group = out[-1].group or f"或{len(out)}"
        out.append(cond)
    return out


def out_end(seg: Segment, conditions: list[Condition]) -> int:
    last = conditions[-1].threshold
    pos = seg.text.find(last.text) if last is not None else -1
    return pos + len(last.text) if pos >= 0 and last is not None else 0


def _categories(label: str, text: str, from_list: bool) -> list[Condition]:
    out = []
    first = "首次" in text
    for kind, metric in (("star", "星级"), ("zjtx", "专精特新层级"), ("listing", "上市阶段")):
        for _, term in fact_terms.find_all(kind, label)[-1:]:
            out.append(
                Condition(
                    metric=metric,
                    field=term.field,
                    comparator=Comparator.EQ,
                    value=term.canonical,
                    first_time=first and kind == "star",
                )
            )
    if not out:
        named = label if from_list and _RECOGNISED.search(text) else _named_recognition(text)
        if named:
            out.append(_recognition_condition(named))
    return out


_RECOGNISED = re.compile(r"(?:认定的|新认定为|认定为|新获得|评为|评定为)([^,,的]{2,30})")
_GRADE = re.compile(r"[一二三四五]等奖|金奖|银奖|优秀奖")


def _named_recognition(text: str) -> str:
    m = _RECOGNISED.search(_subject(text))
    return m.group(1).strip("“”") if m else ""


def _recognition_condition(label: str) -> Condition:
    level = re.match(r"(国家|省|市|区)级?", label)
    noun = re.split(r"[((]", label[level.end() :] if level else label)[0]
    noun = _GRADE.sub("", noun) if _GRADE.search(noun) and _GRADE.sub("", noun) else noun
    keywords = [level.group(1)] if level else []
    keywords += [noun] if noun else []
    keywords += [g.group(0) for g in _GRADE.finditer(label)]
    metric = "认定级别" if level else "所获奖项或认定"
    return Condition(metric=metric, field="recognitions", comparator=Comparator.EQ, value=label, keywords=keywords)


def _industry(name: str, who: str) -> list[Condition]:
    found = fact_terms.find_all("industry", name)
    if not found:
        return []
    term = found[0][1]
    narrow = [k for k in term.keywords if k in who]
    return [
        Condition(
            metric="行业",
            field=term.field,
            comparator=Comparator.EQ,
            value=term.canonical,
            keywords=narrow or list(term.keywords),
        )
    ]


_DESCRIPTION = re.compile(
    r"(?:一次性)?([\u4e00-\u7683\u7685-\u9fff“”]{0,8}?(?:奖励|补助|补贴|资助|贴息|扶持|奖金|配套激励|支持))"
)


def _benefit(text: str, gives: list[Amount]) -> Benefit:
    b = Benefit()
    for a in gives:
        if a.role == "amount":
            if b.amount is None:
                b.amount, b.up_to = a.q, a.up_to
        elif a.role == "ratio":
            if b.ratio is None:
                b.ratio, b.ratio_low, b.base = a.q, a.low, a.base
                b.up_to = b.up_to or a.up_to
        elif a.role == "duration":
            b.duration = b.duration or a.q
        elif getattr(b, a.role) is None:
            setattr(b, a.role, a.q)
    if b.ratio is not None and b.amount is not None and b.up_to and b.cap is None:
        b.cap, b.amount = b.amount, None  # "按 1%…最高可补助 1000 万元": the amount caps the ratio
    tail = text[max((a.end for a in gives), default=0) :]
    found = _DESCRIPTION.findall(tail) or _DESCRIPTION.findall(text)
    b.description = found[0] if found else "支持"
    b.rules = [r for r, pat in (("一次性", "一次性"), ("按进度", "按进度"), ("差额", "差额")) if pat in text]
    if re.search(r"累计(?:不超过|补助|最高)", text):
        b.rules.append("累计")
    return b


def _place(
    draft: Draft,
    doc: PolicyDocument,
    corpus: Corpus,
    clause: Clause,
    fid: str,
    i: int,
    n: int,
    span: tuple[int, int],
) -> PolicyFact | None:
    """The fact on the page its numbers are on, quoting that page's part of the text; None if they straddle."""
    source = corpus.source_of(doc)
    offsets = [(s.start + a.start, s.start + a.end) for s, a in draft.used]
    pages = {source.page_at(start).printed_page for start, _ in offsets} | {
        source.page_at(end - 1).printed_page for _, end in offsets
    }
    if len(pages) > 1:
        return None
    page = source.page_at(offsets[0][0]) if offsets else source.page_at(span[0])
    start, end = max(span[0], page.start), min(span[1], page.end)
    raw = source.body[start:end]
    quote = raw.strip()
    short = [p for p in clause.path[:-1] if len(p) <= 16]
    name = clause.heading if len(clause.heading) <= 24 else (short[-1] if short else clause.heading[:24])
    return PolicyFact(
        id=fid if n == 1 else f"{fid}-{i + 1}",
        kind=draft.kind,
        name=name,
        variant=draft.variant,
        who=draft.who,
        audience=next((c.value for c in draft.conditions if c.metric == "企业类型"), ""),
        conditions=draft.conditions,
        benefit=draft.benefit,
        doc_no=doc.doc_no,
        doc_number=doc.doc_number,
        title=doc.title,
        clause_path=clause.path,
        printed_page=page.printed_page,
        ebook_page=page.ebook_page,
        quote=quote,
        dates=doc.dates,
    )


def _is_recognition_clause(clause: Clause) -> bool:
    return any("认定" in p or "条件" in p for p in clause.path)


def _listing_or_category(text: str) -> list[tuple[int, fact_terms.Term]]:
    return fact_terms.find_all("listing", text) + fact_terms.find_all("star", text) + fact_terms.find_all("zjtx", text)
