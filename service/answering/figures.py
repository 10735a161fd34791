"""What counts as a figure in a policy text: amounts, shares, counts, durations (and "free of charge")."""

from __future__ import annotations

import re

from corpus.text import compact
from service.answering.quantities import chinese_number

# a number written in Chinese numerals ("三", "两", "二十", "一千")
CN_NUMBER = r"[零〇一二两三四五六七八九十百千]+"
# the measure words a bare 万 or 亿 may count ("4.8 万人次", "10万平方米", "1亿千瓦时"): no sum of money then
_MEASURES = r"人次|人|家|户|亩|平方米|平方|名|个|辆|吨|台|套|件|次|份|项|张|间|条|千瓦时|千瓦|度|株|头|册|字|座|栋"
FIGURE = re.compile(
    rf"\d[\d.,]*\s*(?:万美元|万元|亿元|[万亿](?:\s*(?:{_MEASURES}))?|元|%|倍|亩|家|个工作日|个月|个|名|P|年|日|天|次)"
    rf"|百分之{CN_NUMBER}|{CN_NUMBER}(?:亿元|万元|年|个工作日|个月|次(?!性)|倍)"
)
NO_CHARGE = re.compile(r"不收取|免费|无需缴纳|不收费")


def figure_key(figure: str) -> str:
    """A figure in the form two wordings of it share: "500 万美元" and "500万美元", "200万元" and "200万",
    "三年" and "3年", "两次" and "2 次"."""
    key = re.sub(rf"^百分之({CN_NUMBER})$", r"\1%", compact(figure).replace("万元", "万").replace("亿元", "亿"))
    number = re.match(CN_NUMBER, key)
    value = chinese_number(number.group()) if number else None
    return f"{value}{key[number.end() :]}" if number and value is not None else key


def figure_keys(text: str) -> set[str]:
    """The figures of ``text``, each by ``figure_key``."""
    return {figure_key(m.group()) for m in FIGURE.finditer(text)}


# a framework document's measures open with the district's yearly budget for them ("每年安排预算不少于2亿元"):
# that figure is what the district spends, not what a company gets
BUDGET_CLAUSE = re.compile(r"[^,,。;;]*(?:预算|专项资金规模|基金规模)[^,,。;;]*")


# (or in the words of spending it: "每年安排多少钱", "拿出多少", "how much does the district set aside / earmark")
_ASKS_BUDGET = re.compile(
    rf"{BUDGET_CLAUSE.pattern}|(?:每年|一年|年度)?(?:安排|拿出|砸)(?:了)?多少|"
    r"\bbudget(?:s|ed)?\b|\bset(?:s|ting)? aside\b|\bearmark(?:s|ed|ing)?\b|\ballocat(?:e|es|ed|ing|ion)\b",
    re.I,
)


# a yearly cap as the compilation states one: "补助金额每年不超过200万元", "单个企业年最高额度不超过100万元",
# "每家企业年贴息额度不超过200万元", "单家企业年度累计补助金额不超过120万元"
# (not "自设立年度起三年内分别按最高不超过…": the year it starts from)
YEARLY_CAP = re.compile(r"(?:每年|年度|全年|年)[^,,。;;起内]{0,8}?(?:不超过|最高|上限)[^,,。;;]{0,6}?\d")
# a question that asks one: "一年最多补多少?", "每年上限是多少", "年度封顶", "annual cap", "at most per year"
_ASKS_YEARLY_CAP = re.compile(
    r"(?:一年|每年|年度|全年|一个年度)[^,,。;;??]{0,6}?(?:最多|最高|上限|封顶|顶格|不超过)|"
    r"(?:最多|最高|上限|封顶)[^,,。;;??]{0,4}?(?:一年|每年)|"
    r"\b(?:annual|yearly)\s+(?:cap|ceiling|limit|maximum)|\b(?:cap|max(?:imum)?|at most|up to)\b[^.?!]{0,24}"
    r"\b(?:per|a|each)\s+year\b",
    re.I,
)


def asks_yearly_cap(question: str) -> bool:
    """Whether a question asks the most a measure gives in a year (its yearly cap)."""
    return bool(_ASKS_YEARLY_CAP.search(question))


def asks_budget(question: str) -> bool:
    """Whether the question asks about a measure's budget itself (in Chinese or English)."""
    return bool(_ASKS_BUDGET.search(question))


def without_budgets(text: str, budgets_asked: bool) -> str:
    """``text`` without its budget clauses, unless the question asks about budgets itself (``asks_budget``)."""
    return text if budgets_asked else BUDGET_CLAUSE.sub("", text)


# (a bare 万 or 亿 before a measure word counts something else)
_COUNTED = rf"(?!\s*(?:{_MEASURES}))"
MONEY = re.compile(rf"\d[\d.,]*\s*(?:万美元|万元|亿元|万{_COUNTED}|亿{_COUNTED}|元)|{CN_NUMBER}(?:亿元|万元)")
# what a policy gives may be a resource, not money: computing power ("10P 的专属算力资源"), land ("3000亩")
GIVEN = re.compile(rf"{MONEY.pattern}|\d[\d.,]*\s*(?:P(?![A-Za-z])|亩)")
SHARE = re.compile(rf"\d[\d.,]*\s*%|百分之{CN_NUMBER}")
PERIOD = re.compile(rf"\d[\d.,]*\s*(?:个工作日|个月|年|日|天)|{CN_NUMBER}(?:年|个工作日|个月)")


def figure_kind(figure: str) -> str:
    """ "money", "share", "period" or "count" (家, 个, 名, 次, 倍, 亩...) for a figure matched by FIGURE."""
    if SHARE.fullmatch(figure):
        return "share"
    if MONEY.fullmatch(figure):
        return "money"
    if PERIOD.fullmatch(figure):
        return "period"
    return "count"
