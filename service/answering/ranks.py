"""Ranks: a requirement by place in an order ("排名前二的起草单位的第一起草人", "增幅排名在全区前25位") and the
place the asker states ("我们是第三起草单位", "我是本单位第一起草人", "the fourth-named drafter", "增幅全区排第30").

A place belongs to a role: ``unit`` (a unit, company or organisation in an order of units), ``person`` (a person
in an order of people) or ``self`` (the asker's own place, the order not named). A requirement that lists
alternatives ("国际标准…前三位起草人、国家标准…前三的起草单位的第一起草人、行业标准…") is read one alternative at a
time, each with the words before its ranks (its context: which standard).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from service.answering import lexicon
from service.answering.quantities import chinese_number

_N = r"[一二两三四五六七八九十百\d]+"
_UNIT_NOUN = r"(?:起草|参与|完成|申报|牵头)?(?:单位|企业|公司|机构|组织)"
_PERSON_NOUN = r"(?:起草|完成|参与|申报)?(?:人|者)"
# a requirement: the first N of an order ("排名前二的起草单位", "排名前三位起草人", "排名在全区前25位的")
_TOP = re.compile(rf"排名(?:在|于|居)?[^,,、;;。前]{{0,6}}前({_N})(?:位|名)?(?:的)?({_UNIT_NOUN}|{_PERSON_NOUN})?")
# a place required exactly ("第一起草人", "第一完成单位")
_EXACT = re.compile(rf"第({_N})({_UNIT_NOUN}|{_PERSON_NOUN})")
_ALTERNATIVES = re.compile(r"[、;;。\n]")
_MARKER = re.compile(r"^\s*(?:\d+[.、.]|[((][一二三四五六七八九十\d]+[))]|[一二三四五六七八九十]+、)\s*")

# the asker's place, in Chinese: "第三起草单位", "本单位第一起草人", "单位在起草单位里排第三", "起草人里排第2",
# "增幅全区排第30"; a place said of the asker's unit ("我们单位…排第三") is the unit's
_SAID_NOUN = re.compile(rf"第({_N})(?:名|位)?({_UNIT_NOUN}|{_PERSON_NOUN})")
_SAID_RANKED = re.compile(rf"(?:排名|排在|排|名列|位列|位居)(?:在)?第({_N})(?:名|位)?")
_NOUN_AFTER = re.compile(rf"的?({_UNIT_NOUN}|{_PERSON_NOUN})")
_OF_UNIT = re.compile(r"单位|企业|公司|机构|组织|我们|咱们")
_OF_PERSON = re.compile(r"我(?!们)|本人|人|者")

# in English: "the fourth-named drafter", "listed as the third drafter", "the unit ranked 3rd", "ranked 30th"
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_ORD = r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|no\.\s*\d+|number\s+\d+)"
_EN_UNIT = (
    r"(?:drafting |participating |leading )?"
    r"(?:units?|organi[sz]ations?|compan(?:y|ies)|employers?|institutions?|firms?)"
)
_EN_PERSON = r"(?:drafters?|authors?|contributors?|persons?|names?)"
_RANKED = r"(?:ranked|placed|listed|named)\s+(?:as\s+)?(?:the\s+)?"
_EN_SAID = (
    (re.compile(rf"\b{_ORD}[- ](?:named |listed |ranked |placed )?{_EN_PERSON}\b", re.I), "person"),
    (re.compile(rf"\b{_ORD}[- ](?:named |listed |ranked |placed )?{_EN_UNIT}\b", re.I), "unit"),
    (re.compile(rf"\b{_EN_UNIT}\s+(?:was |is |that was |which was )?{_RANKED}{_ORD}", re.I), "unit"),
    (re.compile(rf"\b{_RANKED}{_ORD}\s+(?:among|of|in)\s+(?:the\s+)?{_EN_UNIT}", re.I), "unit"),
    (re.compile(rf"\b{_RANKED}{_ORD}\s+(?:among|of|in)\s+(?:the\s+)?{_EN_PERSON}", re.I), "person"),
    (re.compile(rf"\b(?:I was|I am|I'm)\s+(?:ranked |listed |named )?(?:as\s+)?(?:the\s+)?{_ORD}\b", re.I), "person"),
    (re.compile(rf"\b(?:ranked|placed)\s+{_ORD}\b", re.I), "self"),
    # "our growth ranking in the district is 30th", "we rank 30th"
    (
        re.compile(
            rf"\b(?:ranking|rank|position|place)\b[^.?!,;]{{0,30}}?\b(?:is|was|of|at)\s+"
            rf"(?:only\s+|just\s+|about\s+|around\s+)?{_ORD}",
            re.I,
        ),
        "self",
    ),
    (re.compile(rf"\b(?:we|I)\s+(?:rank|came|come|are|were)\s+(?:only\s+|just\s+)?{_ORD}\b", re.I), "self"),
)
_EN_COUNT = dict(enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), start=1))
_EN_ORDINAL = {v: k for k, v in _ORDINALS.items()}


_REST = re.compile(r"其他|其余|其它|除此")


def _number(text: str) -> int | None:
    value = chinese_number(text.replace("两", "二"))
    return int(value) if value is not None and value == int(value) and value > 0 else None


def _role(noun: str | None) -> str:
    if not noun:
        return "self"
    return "person" if noun.endswith(("人", "者")) else "unit"


@dataclass(frozen=True)
class RankRule:
    """One alternative of a requirement by rank."""

    text: str  # the alternative as written, its item number dropped ("行业标准制定中排名前二的起草单位的第一起草人")
    context: str  # its words before its first rank ("行业标准制定中")
    top: dict[str, int] = field(default_factory=dict)  # role -> the last place that qualifies
    exact: dict[str, int] = field(default_factory=dict)  # role -> the place required

    @property
    def roles(self) -> set[str]:
        return set(self.top) | set(self.exact)


def rank_rules(text: str) -> list[RankRule]:
    """The alternatives of ``text`` that require a rank; none when it has no 排名前N."""
    if "排名" not in text or "前" not in text:
        return []
    rules = []
    for part in _ALTERNATIVES.split(text):
        part = _MARKER.sub("", part).strip()
        top: dict[str, int] = {}
        exact: dict[str, int] = {}
        spans = []
        for m in _TOP.finditer(part):
            n = _number(m.group(1))
            if n is not None:
                top.setdefault(_role(m.group(2)), n)
                spans.append(m.span())
        for m in _EXACT.finditer(part):
            n = _number(m.group(1))
            if n is not None and not any(a <= m.start() < b for a, b in spans):
                exact.setdefault(_role(m.group(2)), n)
                spans.append(m.span())
        if top or exact:
            rules.append(RankRule(part, part[: min(a for a, _ in spans)], top, exact))
    return rules if any(r.top for r in rules) else []


def said_ranks(question: str) -> dict[str, int]:
    """The places the asker states, by role (the first of each; a place read once, by its most specific words)."""
    said: dict[str, int] = {}
    taken: list[tuple[int, int]] = []

    def take(m: re.Match[str], role: str, n: int | None) -> None:
        if n is not None and not any(a < m.end() and m.start() < b for a, b in taken):
            said.setdefault(role, n)
            taken.append(m.span())

    for m in _SAID_NOUN.finditer(question):
        take(m, _role(m.group(2)), _number(m.group(1)))
    for m in _SAID_RANKED.finditer(question):
        # whose place: the noun it is said of ("排名第三的起草单位"), else the nearer of a unit's and a person's word
        # before it in its clause ("我们单位在起草单位里排第三": the unit's; "我在起草人里排第二": the person's)
        after = _NOUN_AFTER.match(question, m.end())
        before = re.split(r"[,,。;;!?!?]", question[max(0, m.start() - 14) : m.start()])[-1]
        unit = max((u.end() for u in _OF_UNIT.finditer(before)), default=-1)
        person = max((p.end() for p in _OF_PERSON.finditer(before)), default=-1)
        role = "self" if unit == person == -1 else "unit" if unit > person else "person"
        take(m, _role(after.group(1)) if after else role, _number(m.group(1)))
    for pattern, role in _EN_SAID:
        for m in pattern.finditer(question):
            word = m.group(1).lower()
            take(m, role, _ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0) or None)
    return said


def _visible(question: str) -> str:
    """The question with its English words' corpus wording after it."""
    return question + " " + " ".join(t for _, targets in lexicon.english().matches(question) for t in targets)


def _distinct_words(rule: RankRule, others: list[RankRule]) -> list[str]:
    """The words of a rule's context that no other alternative holds, longest first; a word does not run across
    的 ("国际标准的起草单位中" is not named by "…行业标准的起草单位里", which only shares its phrasing)."""
    context = rule.context
    words = {
        context[i:j]
        for i in range(len(context))
        for j in range(i + 2, min(len(context), i + 8) + 1)
        if "的" not in context[i:j] and not any(context[i:j] in o.text for o in others)
    }
    return sorted(words, key=len, reverse=True)


def applicable(rules: list[RankRule], question: str) -> RankRule | None:
    """The alternative the question speaks of: the only one, or the one whose own context words the question holds
    (the longest such word decides; of two as long, one with a noun in it); None when it does not say."""
    if len(rules) == 1:
        return rules[0]
    from indexing.keyword import word_bounds, word_class

    def names_thing(word: str) -> bool:
        bounds = sorted(word_bounds(word))
        return any(word_class(word[a:b]).startswith("n") for a, b in pairwise(bounds))

    visible = _visible(question)
    best, weight = None, (0, False)
    # (an alternative for the rest, "其他申报标准的第一起草人", is not named by words it shares with the question)
    for rule in (r for r in rules if not _REST.match(r.context)):
        others = [o for o in rules if o is not rule]
        held = next((w for w in _distinct_words(rule, others) if w in visible), "")
        # of words as long, one with a noun in it names a thing (行业标准, 团体标准); verbs alone do not so much
        # (参与制定, which the asker says of any standard)
        mine = (len(held), names_thing(held))
        if held and mine > weight:
            best, weight = rule, mine
        elif held and mine == weight:
            best = None  # two alternatives named as much: it does not say
    return best


@dataclass(frozen=True)
class RankCheck:
    met: bool
    role: str  # the role that decides (the first that fails, else the first compared)
    said: int
    required: int
    top: bool  # the requirement is the first N (else the place itself)


def check(rule: RankRule, said: dict[str, int]) -> RankCheck | None:
    """Whether the stated places meet the rule: no when one fails, yes when every role it ranks is stated and met;
    None when a role it ranks is not stated and none fails. A place said without its order ("排第三") is the rule's
    when the rule ranks one role only."""
    said = dict(said)
    if "self" in said and len(rule.roles) == 1:
        said.setdefault(next(iter(rule.roles)), said["self"])
    checks = []
    for role, n in rule.top.items():
        if role in said:
            checks.append(RankCheck(said[role] <= n, role, said[role], n, True))
    for role, n in rule.exact.items():
        if role in said:
            checks.append(RankCheck(said[role] == n, role, said[role], n, False))
    failed = next((c for c in checks if not c.met), None)
    if failed:
        return failed
    if not checks or len(checks) < len(rule.roles):
        return None
    return checks[0]


def _place(n: int, lang: str) -> str:
    if lang == "en":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return _EN_ORDINAL.get(n, f"{n}{suffix}")
    return "一二三四五六七八九十"[n - 1] if n <= 10 else str(n)


def said_wording(rule: RankRule, said: dict[str, int], decided: RankCheck, lang: str) -> str:
    """The asker's places as the lead says them: the one that fails, or every place the rule ranks when all are
    met (the unit's first)."""
    ranked = [r for r in ("unit", "person", "self") if r in rule.roles and r in said]
    roles = ranked if decided.met else [decided.role]
    places = {r: said.get(r, decided.said) for r in roles}
    if decided.role not in said:  # (a place said without its order)
        places[decided.role] = decided.said
    if lang == "en":
        parts = {"unit": "your unit ranks {}", "person": "you are {}", "self": "you rank {}"}
        return " and ".join(parts[r].format(_place(n, lang)) for r, n in places.items())
    parts = {"unit": "您的单位排第{}", "person": "您排第{}", "self": "您排第{}"}
    return "、".join(parts[r].format(_place(n, lang)) for r, n in places.items())


def required_wording(decided: RankCheck) -> str:
    """What the rule asks of that role, in English (the Chinese lead quotes the rule itself)."""
    who = {"unit": "the unit must rank", "person": "you must rank"}.get(decided.role, "the rank must be")
    if decided.top:
        return f"{who} in the top {_EN_COUNT.get(decided.required, str(decided.required))}"
    return f"{who} {_place(decided.required, 'en')}"


# Authorship: a paper's award required of its first or corresponding author ("以第一作者或通讯作者身份…发表"), and
# the authorship the asker states ("我排第三作者,也不是通讯作者", "I'm the second author").
_AUTHOR = rf"(?:第{_N}|共同第一|通讯|通信)作者"
_AUTHORS_REQUIRED = re.compile(rf"以({_AUTHOR}(?:(?:或者?|和|及|、){_AUTHOR})*)身份")
_AUTHOR_SAID = re.compile(
    rf"(?P<not>不是|并非|非|也不是|没有?当)?\s*(?:排)?(?P<role>{_AUTHOR}|[一二三四五六七八九十]作(?!者))"
)
_EN_AUTHOR_SAID = re.compile(
    r"(?P<not>\bnot (?:the |a )?|\bnor (?:the |a )?)?\b(?P<role>first|second|third|fourth|fifth|corresponding|co-first)"
    r"(?:[- ]named)? author\b",
    re.I,
)
EN_AUTHOR = {
    "first": "第一作者",
    "second": "第二作者",
    "third": "第三作者",
    "fourth": "第四作者",
    "fifth": "第五作者",
    "corresponding": "通讯作者",
    "co-first": "共同第一作者",
}


def _author_role(said: str) -> str:
    """A role as the texts write it: 一作 -> 第一作者, 通信作者 -> 通讯作者, 第3作者 -> 第三作者."""
    said = said.replace("通信", "通讯")
    short = re.fullmatch(r"([一二三四五六七八九十])作", said)
    if short:
        return f"第{short.group(1)}作者"
    digits = re.fullmatch(r"第(\d+)作者", said)
    if digits and 0 < int(digits.group(1)) <= 10:
        return f"第{'一二三四五六七八九十'[int(digits.group(1)) - 1]}作者"
    return said


@dataclass(frozen=True)
class AuthorCheck:
    """The authorship a text requires (its words and roles), and whether the asker's stated roles meet it."""

    required_text: str
    required: tuple[str, ...]
    said: tuple[str, ...]  # the roles the asker holds, else those they deny
    met: bool
    held: bool = True  # ``said`` are roles held (not denied)


def authors_required(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The authorship a sentence requires: its words ("以第一作者或通讯作者身份") and the roles named."""
    m = _AUTHORS_REQUIRED.search(text)
    if not m:
        return None
    roles = tuple(_author_role(r) for r in re.findall(_AUTHOR, m.group(1)))
    return m.group(0), roles


def authorship_said(question: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The roles the asker says they hold, and those they say they do not ("我排第三作者,也不是通讯作者")."""
    held: list[str] = []
    denied: list[str] = []
    found = [(m.group("not"), m.group("role")) for m in _AUTHOR_SAID.finditer(question)]
    found += [(m.group("not"), EN_AUTHOR[m.group("role").lower()]) for m in _EN_AUTHOR_SAID.finditer(question)]
    for negated, role in found:
        (denied if negated else held).append(_author_role(role))
    return tuple(dict.fromkeys(held)), tuple(dict.fromkeys(denied))


def check_authorship(text: str, question: str) -> AuthorCheck | None:
    """The asker's stated authorship against a sentence's requirement: met when a role held is required; not met
    when the roles held are all others, or every required role is denied; None when either side is unstated."""
    required = authors_required(text)
    if required is None:
        return None
    words, roles = required
    held, denied = authorship_said(question)
    if any(r in roles for r in held):
        return AuthorCheck(words, roles, held, True)
    if held or (denied and all(r in denied for r in roles)):
        return AuthorCheck(words, roles, held or denied, False, bool(held))
    return None
