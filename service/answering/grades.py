"""Grades of a graded award: the 星级 of a rating, the 等奖 of a prize, the letter 类 of a ranked list, the 级 of the
government that recognises. A question may ask for a grade the text's list does not hold ("二星级", "国家科技进步奖
三等奖", "CCF B-class"): the text then gives other grades, and that is not an answer to the grade asked.

A grade is (family, value): ("star", "二"), ("rank", "三"), ("class", "B"), ("level", "国家"). A text's
enumerations share one suffix ("一、二、三等奖", "国家、省、市级"): each value counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Grade = tuple[str, str]

_NUMERAL = "一二三四五六七八九十"
_DIGITS = {str(i): _NUMERAL[i - 1] for i in range(1, 10)}
_LEVELS = "国家|省|市|区|县"
# a level word ("国家", "省级"): a grade of the government that recognises
LEVEL_WORD = re.compile(rf"(?:{_LEVELS})级?")

# Chinese: each family's value and the suffix it is written with, one value or several sharing the suffix
_ZH_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("star", re.compile(rf"((?:[{_NUMERAL}1-9][、和及与或至到]?)+)\s*星级?")),
    ("rank", re.compile(rf"((?:[{_NUMERAL}特][、和及与或至到]?)+)\s*等奖")),
    ("class", re.compile(r"(?<![A-Za-z])((?:[A-Da-d]\s*[、和及与或/]?\s*)+)\s*类")),
    ("level", re.compile(rf"((?:(?:{_LEVELS})[、和及与或]?)+)级|(国家)(?!级)")),
)
_ALL_LEVELS = re.compile(r"各级|各层级")
# the compilation's own province and city named before a kind ("浙江省隐形冠军企业", "杭州市专精特新企业") rate it at
# that level, as 省级 and 市级 do (not "杭州市对…", "浙江省的…", "被杭州市评为…": the government itself)
_PLACE_LEVEL = re.compile(
    r"(浙江省|杭州市)(?=[“\"]?[\u4e00-\u9fff])"
    r"(?!的|对|给|里|政府|人民|财政|级|有|是|在|和|及|与|范围|内|外|各|本级|[一二三四五六七八九十1-9]星"
    r"|评|认定|授予|命名|颁发|出台|发布|规定|政策|文件)"
)
_PLACE_AS_LEVEL = {"浙江省": "省级", "杭州市": "市级"}
# the place words themselves, as a question's words weigh them
PLACE_LEVEL_WORD = re.compile(r"浙江省?|杭州市?")


def places_as_levels(question: str) -> str:
    """``question`` with the compilation's own province or city before a kind written as its level."""
    return _PLACE_LEVEL.sub(lambda m: _PLACE_AS_LEVEL[m.group(1)], question)


_CLAUSE = re.compile(r"[;;。\n]")

_EN_NUMBER = {"one": "一", "two": "二", "three": "三", "four": "四", "five": "五", "first": "一", "second": "二"}
_EN_NUMBER |= {"third": "三", "1st": "一", "2nd": "二", "3rd": "三"}
_EN_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("star", re.compile(r"\b(one|two|three|four|five|[1-5])[- ]?stars?\b", re.I)),
    (
        "rank",
        re.compile(
            r"\b(first|second|third|1st|2nd|3rd)[- ](?:class |grade |place )?(?:prizes?|awards?)\b"
            r"|\b(?:prizes?|awards?) of the (first|second|third) (?:class|grade)\b",
            re.I,
        ),
    ),
    # a capital letter beside class/category ("CCF B-class", "class B"): "a class" is an article
    (
        "class",
        re.compile(
            r"\b([A-D])[- ](?:class|category|tier|ranked|rated|grade)\b|\b(?:class|category|tier|grade)[- ]([A-D])\b"
            # (the CCF's ranking written after its name: "a CCF-B conference", "CCF B journals", and as speech input
            # writes it, "a ccf b journal")
            r"|\b(?i:ccf)[- ]?([A-Da-d])\b"
        ),
    ),
    (
        "level",
        re.compile(
            r"\b(national|provincial|municipal|city|district)(?:[- ]level)?\b(?= (?:[\w&'-]+ ){0,6}"
            r"(?:award|prize|enterprise|firm|company|title|recognition|certification|sme|centre|center|lab|base"
            r"|platform|incubator|institute|giant|champion))",
            re.I,
        ),
    ),
)
EN_LEVEL_WORD = dict(_EN_FAMILIES)["level"]
_EN_LEVEL = {"national": "国家", "provincial": "省", "municipal": "市", "city": "市", "district": "区"}


def _values(family: str, group: str) -> list[str]:
    if family == "level":
        return re.findall(_LEVELS, group)
    if family == "class":
        return [c.upper() for c in re.findall(r"[A-Da-d]", group)]
    values = [_DIGITS.get(c, c) for c in group if c in _NUMERAL or c in _DIGITS or c == "特"]
    if len(values) == 2 and re.search("[至到]", group) and "特" not in values:  # 一至三等奖: 一, 二, 三
        first, last = _NUMERAL.index(values[0]), _NUMERAL.index(values[1])
        values = list(_NUMERAL[min(first, last) : max(first, last) + 1])
    return values


def text_grades(text: str) -> dict[str, list[str]]:
    """Each family's values written in ``text`` (a Chinese clause or question), in the order written."""
    plain = text.replace("“", "").replace("”", "").replace('"', "")
    found: dict[str, list[str]] = {}
    for family, pattern in _ZH_FAMILIES:
        for m in pattern.finditer(plain):
            group = next(g for g in m.groups() if g)
            values = found.setdefault(family, [])
            values.extend(v for v in _values(family, group) if v not in values)
    return {f: v for f, v in found.items() if v}


def question_grades(question: str, lang: str) -> tuple[Grade, ...]:
    """The grades a question names, one value per family (a family named with two values asks side by side,
    and gives no grade: "三星级和四星级分别奖多少")."""
    found = _named_grades(question, lang)
    return tuple(sorted((f, v[0]) for f, v in found.items() if len(v) == 1))


def side_by_side_grades(question: str, lang: str) -> tuple[Grade, ...]:
    """The grades of each family a question names with several values ("二星级的奖多少?和三星级比差多少?"),
    each of them asked."""
    found = _named_grades(question, lang)
    return tuple(sorted((f, v) for f, values in found.items() if len(values) > 1 for v in values))


def _named_grades(question: str, lang: str) -> dict[str, list[str]]:
    """Each family of grade a question names, with its values in the order named."""
    if lang == "en":
        found: dict[str, list[str]] = {}
        for family, pattern in _EN_FAMILIES:
            for m in pattern.finditer(question):
                word = next(g for g in m.groups() if g)
                value = _EN_LEVEL.get(word.lower()) if family == "level" else _EN_NUMBER.get(word.lower(), word)
                value = _DIGITS.get(value or "", value) if family != "class" else word.upper()
                if value and value not in found.setdefault(family, []):
                    found[family].append(value)
    else:
        found = text_grades(places_as_levels(_NOT_GRADE.sub(" ", question)))
    return found


# a grade the asker says they do not have ("市级专精特新(还不是省级的)"): not one they ask about
_NOT_GRADE = re.compile(r"(?:还|并|也)?(?:不是|并非|不算|没到|还没有?评上)[^,,。;;()()??]{0,8}")


def grade_families(question: str, lang: str) -> set[str]:
    """The families of grade a question names, with one value or several ("A类、B类", "class B")."""
    if lang == "en":
        return {family for family, pattern in _EN_FAMILIES if pattern.search(question)}
    return set(text_grades(places_as_levels(question)))


@dataclass(frozen=True)
class Absent:
    """The grade asked, and the grades of that family the text's list holds instead (where: which quote)."""

    asked: Grade
    named: tuple[str, ...]
    quote: int


def absent_grade(asked: tuple[Grade, ...], quotes: list[str]) -> Absent | None:
    """The asked grade that no clause of the quotes holds, when clauses of them list other grades of its family.

    A clause speaks to the question when it writes a value of one of the asked families other than the level
    (a level alone is said of too many things: "省级" in a clause on 小巨人); it holds the asked grades when
    each asked family it writes has the asked value (a clause on "各级" holds every level)."""
    wanted = dict(asked)
    graded = [f for f in wanted if f != "level"]
    if not graded:
        return None
    failing: list[tuple[int, str, list[str]]] = []
    for index, quote in enumerate(quotes):
        for clause in _CLAUSE.split(quote):
            written = text_grades(clause)
            if _ALL_LEVELS.search(clause):
                written.pop("level", None)
            if not any(f in written for f in graded):
                continue
            missing = [f for f in wanted if f in written and wanted[f] not in written[f]]
            if not missing:
                return None
            failing.append((index, missing[0], written[missing[0]]))
    if not failing:
        return None
    index, family, named = failing[0]
    return Absent((family, wanted[family]), tuple(named), index)


_EN_ORDINAL = {"一": "first", "二": "second", "三": "third", "四": "fourth", "五": "fifth", "特": "special"}
_EN_LEVEL_NAME = {"国家": "national", "省": "provincial", "市": "municipal", "区": "district", "县": "county"}


def label(grade: Grade, lang: str = "zh") -> str:
    """A grade as the texts write it: ("star", "二") -> 二星级, ("rank", "三") -> 三等奖, ("class", "B") -> B类;
    in English 2-star, third prize, class B."""
    family, value = grade
    if lang == "en":
        number = str(_NUMERAL.find(value) + 1) if value in _NUMERAL else value
        return {
            "star": f"{number}-star",
            "rank": f"{_EN_ORDINAL.get(value, value)} prize",
            "class": f"class {value}",
            "level": _EN_LEVEL_NAME.get(value, value),
        }[family]
    return {"star": f"{value}星级", "rank": f"{value}等奖", "class": f"{value}类", "level": f"{value}级"}[family]


# a level and the kind it rates, written together ("市级专精特新中小企业", "各级认定的专精特新企业首台(套)产品")
# (levels written together share one 级, or none, or each has its own: "国家、省级重点实验室", "国家、省重点实验室",
# "国家级、省级工业互联网平台")
LEVELLED = re.compile(
    rf"(?:((?:(?:{_LEVELS})级?[、和及与或]|(?:{_LEVELS}))+)级|((?:(?:{_LEVELS})[、和及与或])+(?:{_LEVELS}))|(各级)(?:认定的)?)"
    rf"([\u4e00-\u9fffA-Za-z]{{2,20}})"
)
# (and the place a spoken question names after it: "市级专精特新企业区里奖多少?")
_SUBJECT_END = re.compile(
    r"区里|区内|的|分别|给予|最高|予以|可|奖|能|有|是|被|和|及|与|各|[给拿领]|认定|评定|以?后(?!备)|之后"
)
_KIND_SUFFIX = re.compile(r"(?:中小企业|企业|公司)$")


def _core(run: str) -> str:
    """A rated kind without the words around it: up to what is said of it, without 企业/中小企业 at its end."""
    cut = _SUBJECT_END.search(run)
    return _KIND_SUFFIX.sub("", run[: cut.start()] if cut else run)


def level_subject(question: str) -> str:
    """The kind a question rates at a level ("被评上市级专精特新企业的" -> 专精特新), when it names one level."""
    # (a level may be said with 的 before its kind: "市级的专精特新企业")
    plain = re.sub(r"[\s“”\"]", "", places_as_levels(question)).replace("级的", "级")
    found = [
        (m.group(1) or m.group(2), _core(m.group(4))) for m in LEVELLED.finditer(plain) if m.group(1) or m.group(2)
    ]
    one = len(found) == 1 and len(re.findall(_LEVELS, found[0][0])) == 1  # ("国家级和省级…": side by side)
    return found[0][1] if one and len(found[0][1]) >= 2 else ""


def absent_level(level: str, subject: str, quotes: list[str], wordings: tuple[str, ...] = ()) -> Absent | None:
    """A level the quotes' list does not rate ``subject`` at: they rate it at another level ("省级专精特新中小企业")
    and nowhere at the one asked, nor at every level ("各级认定的…": of the same kind, not of its products).

    An English question's kind is ``wordings`` instead, the glossary's Chinese of its words after the level
    ("municipal-level international S&T cooperation base" -> 国际, 科技, 合作, 基地): a rated run holding each."""
    if not level or not (subject or wordings):
        return None
    others: list[tuple[int, str]] = []
    for index, quote in enumerate(quotes):
        plain = re.sub(r"[\s“”\"]", "", quote)  # a line break may cut a word ("省级专精特新中\n小企业")
        for m in LEVELLED.finditer(plain):
            if subject and _core(m.group(4)) != subject:
                continue
            cut = _SUBJECT_END.search(m.group(4))
            run = m.group(4)[: cut.start()] if cut else m.group(4)
            if wordings and not (m.group(3) or all(w in run for w in wordings)):
                continue
            levels = re.findall(_LEVELS, m.group(1) or m.group(2) or "")
            if m.group(3) or level in levels:
                return None
            others.extend((index, v) for v in levels)
    if not others:
        return None
    named = list(dict.fromkeys(v for _, v in others))
    return Absent(("level", level), tuple(named), others[0][0])
