"""Names in a clause's sentences: who a fact is for, the items of a 分别 list, and category conditions.

A list ("分别给予 500 万元、200 万元、100 万元") is named by the enumeration in the sentence's subject
("国家、省、市级", "“五星级”“四星级”“三星级”", "一、二、三等奖"); categories (星级, 专精特新层级, 上市阶段,
认定级别, 行业) become conditions checked against a company profile.
"""

from __future__ import annotations

import re

from service.answering import fact_terms
from service.answering.fact_amounts import Amount
from service.answering.facts import Comparator, Condition

_STRIP_LEAD = re.compile(r"^.*(?:承担|新认定的|认定的|认定为|新获得|获得|首次评为|评为|入选|对)")
_LEVEL_ONLY = re.compile(r"^(国家|省|市|区)级?$")


def subject_of(text: str) -> str:
    cut = re.search(r"分别|按照|按|给予|予以|可补助|最高可|可给予", text)
    return text[: cut.start()] if cut else text


def clean_who(subject: str) -> str:
    who = re.sub(r"^[\s((]*[一二三四五六七八九十\d]+[、.)).]\s*|[\s,,]+$", "", subject)
    who = re.sub(r"^[^。,,]{0,12}(?:奖励|资助|补助|支持|保障)。", "", who)  # the clause's own heading
    who = re.sub(r"^[,,]?对|[的,,]+$", "", re.sub(r"\s", "", who))
    return who[-60:]


def recognised_who(text: str) -> str:
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


def enumeration(subject: str, size: int) -> list[str]:
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


def tier_label(a: Amount) -> str:
    metric = a.metric.canonical if a.metric is not None else ""
    return f"{metric}{a.q.display()}"


def categories(label: str, text: str, from_list: bool) -> list[Condition]:
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
    m = _RECOGNISED.search(subject_of(text))
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


def industry_conditions(name: str, who: str) -> list[Condition]:
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


def listing_or_category(text: str) -> list[tuple[int, fact_terms.Term]]:
    return fact_terms.find_all("listing", text) + fact_terms.find_all("star", text) + fact_terms.find_all("zjtx", text)
