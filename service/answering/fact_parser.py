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
from dataclasses import dataclass

from corpus.library import Corpus
from corpus.models import Clause, PolicyDocument
from service.answering import fact_terms
from service.answering.fact_amounts import (
    BENEFIT_WORDS,
    PERIOD,
    TARGET_WORDS,
    Amount,
    Segment,
    amounts_in,
    own_clause,
    segments,
)
from service.answering.fact_labels import (
    categories,
    clean_who,
    enumeration,
    industry_conditions,
    listing_or_category,
    recognised_who,
    subject_of,
    tier_label,
)
from service.answering.facts import Benefit, Comparator, Condition, FactKind, PolicyFact


def facts_of_document(doc: PolicyDocument, corpus: Corpus) -> list[PolicyFact]:
    body = corpus.source_of(doc).body
    audience = fact_terms.last_before("audience", doc.title)
    out: list[PolicyFact] = []
    for ci, clause in enumerate(doc.clauses):
        parts = [s for s in segments(body, clause) if s.text.strip()]
        for s in parts:
            s.amounts = amounts_in(s.text)
        out += _clause_facts(doc, corpus, clause, ci, parts, audience)
    return out


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
    held = listing_or_category(text)
    recognition = not has_benefit and not gives and (cond_amounts or held) and _is_recognition_clause(clause)
    substantive = [a for a in gives if a.role != "duration"] or (gives if ratio_from is not None else [])
    if not recognition and not (has_benefit and (substantive or cond_amounts or held)):
        return []
    if recognition and not cond_amounts and not held:
        return []
    lists = _lists(seg.amounts)
    size = max((len(v) for v in lists.values()), default=1)
    subject = subject_of(text)
    tiers = next((v for v in lists.values() if len(v) == size and v[0].role == "condition"), None) if size > 1 else None
    labels = enumeration(subject, size) if size > 1 and tiers is None else []
    drafts = []
    for i in range(size):
        picked = [a for a in seg.amounts if _pick(a, lists, i, size)]
        raw = labels[i] if labels else ""
        variant = re.sub(r"[“”]", "", raw) if labels else (tier_label(tiers[i]) if tiers else "")
        conditions = _conditions(seg, [a for a in picked if a.role == "condition"], tiers, i)
        conditions += categories(raw or subject, text, bool(labels))
        used = [(seg, a) for a in picked if a.role != "period"]
        if recognition:
            conditions += industry_conditions(clause.heading, recognised_who(text))
            drafts.append(Draft(FactKind.RECOGNITION, variant or recognised_who(text), "", conditions, None, used))
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
        drafts.append(Draft(FactKind.AWARD, variant, clean_who(subject), conditions, benefit, used))
    return drafts


def _lists(amounts: list[Amount]) -> dict[int, list[Amount]]:
    out: dict[int, list[Amount]] = {}
    for a in amounts:
        out.setdefault(a.list_id, []).append(a)
    return out


def _pick(a: Amount, lists: dict[int, list[Amount]], i: int, size: int) -> bool:
    items = lists[a.list_id]
    return len(items) == 1 or (len(items) == size and items[i] is a) or (len(items) != size and size == 1)


def _period(text: str, before: int) -> str:
    found = list(PERIOD.finditer(text, 0, before))
    return re.sub(r"\s", "", found[-1].group(0)) if found else ""


def _conditions(seg: Segment, amounts: list[Amount], tiers: list[Amount] | None, i: int) -> list[Condition]:
    out: list[Condition] = []
    for a in amounts:
        metric, field_name = (a.metric.canonical, a.metric.field) if a.metric is not None else ("", "")
        if a.q.unit == "百分点":
            metric = own_clause(a.pre).strip() or "增幅"
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
            # "突破50亿、100亿": exactly 100亿 has not passed 100亿, so it is still the 50亿 tier
            cond.upper_inclusive = cond.comparator is Comparator.GT
        between = seg.text[out_end(seg, out) : a.start] if out else ""
        if out and "或" in between and not re.search(r"[,,]", between):
            out[-1].group = cond.group = out[-1].group or f"或{len(out)}"
        out.append(cond)
    return out


def out_end(seg: Segment, conditions: list[Condition]) -> int:
    last = conditions[-1].threshold
    pos = seg.text.find(last.text) if last is not None else -1
    return pos + len(last.text) if pos >= 0 and last is not None else 0


_DESCRIPTION = re.compile(
    r"(?:一次性)?([\u4e00-\u7683\u7685-\u9fff“”]{0,8}?(?:奖励|补助|补贴|资助|贴息|扶持|奖金|配套激励|支持))"
)


def _benefit(text: str, gives: list[Amount]) -> Benefit:
    b = Benefit()
    ratio_up_to = False
    for a in gives:
        if a.role == "amount":
            if b.amount is None:
                b.amount, b.up_to = a.q, a.up_to
        elif a.role == "ratio":
            if b.ratio is None:
                b.ratio, b.ratio_low, b.base = a.q, a.low, a.base
                b.up_to = b.up_to or a.up_to
                ratio_up_to = a.up_to
        elif a.role == "duration":
            b.duration = b.duration or a.q
        elif getattr(b, a.role) is None:
            setattr(b, a.role, a.q)
    if b.ratio is not None and b.amount is not None and b.up_to and b.cap is None:
        # "按 1%…最高可补助 1000 万元": the amount caps the ratio, and its 最高 is the cap's, not the ratio's
        b.cap, b.amount, b.up_to = b.amount, None, ratio_up_to
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
