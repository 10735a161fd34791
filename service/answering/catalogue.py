"""Questions about the compilation itself: which documents it holds, which of them still apply.

"汇编里有哪些文件?", "哪些政策已经失效了?", "What documents are in the compilation?" name no policy topic:
they ask for the table of contents, read with each document's text status and its validity as of today.
The answer lists the documents with their 文号 and printed start page; each is cited by its line of the
table of contents, and a loaded document's validity by its own date statement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from enum import StrEnum

from corpus.doc_numbers import DOC_NUMBER_RE
from corpus.library import Corpus
from corpus.models import PolicyDocument, TextStatus, Validity
from service.answering.lexicon import CATALOGUE_WORDS, QUESTION_NOISE
from service.answering.validity import cn_date, en_date
from service.models import Citation


class Catalogue(StrEnum):
    """Which documents a question about the compilation asks for."""

    ALL = "all"
    EXPIRED = "expired"  # "哪些政策已经失效了?"
    IN_FORCE = "in_force"  # "哪些文件还有效?"
    DOCUMENT = "document"  # "区党委〔2019〕25号是什么文件?": the one document the question names by its 文号
    # "人工智能那份政策是杭高新〔2023〕4号吗?": whether a document named by its title's words has the 文号 given
    NUMBER = "number"


# the compilation and its documents as the thing asked about
_OBJECT = re.compile(r"汇编|目录|收录|文件|政策|documents?|polic(?:y|ies)|compilation|table of contents", re.I)
# asking for a list or a count
_ASKS = re.compile(
    r"哪些|哪几|什么|几份|几个|多少份|多少个|多少项|列出|列一下|清单|有啥|\b(?:which|what|list|how many)\b", re.I
)
_EXPIRED = re.compile(r"失效|过期|到期|作废|废止|不再有效|不再适用|expire|lapsed|no longer", re.I)
_IN_FORCE = re.compile(r"有效|现行|生效|施行|适用|in force|valid|current|still|apply", re.I)


def catalogue_request(original: str, lang: str) -> Catalogue | None:
    """What a question about the compilation itself asks for, or None when it names a topic of its own: a
    word left when its asking words and the compilation's own words are taken out."""
    if not _OBJECT.search(original) or not _ASKS.search(original):
        return None
    lowered = original.lower()
    if lang == "en":
        rest = [w for w in re.findall(r"[a-z]+", lowered) if w not in QUESTION_NOISE and w not in CATALOGUE_WORDS]
    else:
        for word in _WORDS_BY_LENGTH:
            lowered = lowered.replace(word, " ")
        rest = re.findall(r"[\u4e00-\u9fff]{2,}|[a-z0-9]+", lowered)  # one character left alone (了, 还) asks nothing
    if rest:
        return None
    if _EXPIRED.search(original):
        return Catalogue.EXPIRED
    if _IN_FORCE.search(original):
        return Catalogue.IN_FORCE
    return Catalogue.ALL


_WORDS_BY_LENGTH = sorted(QUESTION_NOISE | CATALOGUE_WORDS, key=len, reverse=True)

# what a question asks of a document it names by its 文号, once the 文号 is taken out: what it is or is about
# ("…是什么文件?", "…讲的是什么?", "…是关于什么的?", "…主要内容是什么?", "What is … about?"); not when, how
# much or whether ("…是什么时候发布的?")
_ABOUT = re.compile(
    r"(?:请问|问一下)?(?:这份|这个|那份|那个)?(?:文件|政策|文)?(?:主要)?(?:是|讲|说|写|规定|内容是?)(?:了|的)?"
    r"(?:是)?(?:关于)?(?:什么|啥|哪方面)(?:文件|政策|内容|东西|事|方面)?(?:的)?(?:文件|政策)?(?:呀|啊|呢)?"
)
# ... or its title ("区办〔2023〕8号的标题是什么?", "…叫什么名字?", "What is the title of …?")
_TITLE = re.compile(
    r"(?:请问|问一下)?(?:的)?(?:文件|政策)?(?:的)?(?:标题|题目|名称|全称|名字|全名|文件名)(?:是|叫)?(?:什么|啥)(?:呀|啊|呢)?"
    r"|(?:请问|问一下)?(?:这份|这个|那份|那个)?(?:文件|政策)?(?:叫|叫做)(?:什么|啥)(?:名字|标题)?(?:呀|啊|呢)?"
)
_ABOUT_EN = re.compile(
    r"what(?:'s|\s+is|\s+does)\s+(?:the\s+)?(?:(?:document|policy)\s*)?(?:about|cover|say)?"
    r"|what(?:'s|\s+is)\s+the\s+(?:full\s+|official\s+|exact\s+)?(?:title|name)(?:\s+of)?(?:\s+(?:the\s+)?(?:document|policy))?"
    r"|what(?:'s|\s+is)\s+(?:the\s+)?(?:(?:document|policy)\s*)?called",
    re.I,
)


# the 文号 given (its year and number written here as 〈〉, after its issuer) as what a document the question
# names is ("…是区办〈〉吗?", "…的文号是区办〈〉吧", "Is that the right number?", "is it 区办〈〉?")
_CHECKS_NUMBER = re.compile(
    r"是\s*[\u4e00-\u9fff]{0,5}〈〉|〈〉\s*(?:吗|吧|么|嘛|对吗|对吧|是吗|是吧|对不对|是不是|没错吧)|文号|编号|发文字号"
    r"|\b(?:number(?:ed)?|reference)\b|\bis (?:it|that|this|the \w+(?: \w+)?) [\u4e00-\u9fff]{0,5}〈〉",
    re.I,
)
_YEAR_AND_NUMBER = re.compile(r"[〔\[(【]\s*\d{4}\s*[〕\])】]\s*\d+\s*号")


def checks_number(question: str) -> bool:
    """Whether ``question`` asks if the 文号 it gives is a document's own (``Catalogue.NUMBER``)."""
    return bool(_CHECKS_NUMBER.search(_YEAR_AND_NUMBER.sub("〈〉", question)))


# ... or where it starts in the compilation ("…从汇编第几页开始?", "…在第几页?", "…的页码是多少?")
_START_PAGE = re.compile(
    r"(?:请问|问一下)?(?:这份|这个|那份|那个|它)?(?:文件|政策|意见|办法)?(?:是)?(?:从|在)?(?:汇编|目录)?(?:的|里|中|里面)?"
    r"(?:第几页|哪一?页|几页)(?:开始|起)?(?:的)?(?:呀|啊|呢)?|(?:的)?页码(?:是)?(?:多少|几)?(?:呀|啊|呢)?"
)
# the words that point to a document named by its title's words ("总部经济那份意见"): the naming, not a topic
_POINTING = re.compile(r"(?:这份|那份|这个|那个|该)?(?:若干)?(?:意见|政策|办法|文件)")


def asks_about_document(question: str) -> bool:
    """Whether ``question``, with the 文号 it names taken out, asks only what that document is (its title) or
    where it starts."""
    rest = re.sub(r"[??。.!!,,]+", " ", DOC_NUMBER_RE.sub(" ", question)).strip()
    chinese = re.sub(r"\s+", "", rest)
    return bool(
        _ABOUT_EN.fullmatch(rest)
        or _ABOUT.fullmatch(chinese)
        or _TITLE.fullmatch(chinese)
        or _START_PAGE.fullmatch(chinese)
    )


def asks_start_page(question: str, title_words: tuple[str, ...]) -> bool:
    """Whether a Chinese ``question`` naming a document by its title's words (``title_words``) asks only where
    it starts in the compilation ("总部经济那份意见从汇编第几页开始?"): nothing is left of it besides."""
    rest = re.sub(r"[\s??。.!!,,]+", "", question)
    for word in sorted(title_words, key=len, reverse=True):
        rest = rest.replace(word, "")
    return bool(_START_PAGE.fullmatch(_POINTING.sub("", rest)))


# how a loaded document's validity today is said: applied to one year only / expired on / takes effect on /
# in force until / in force with no end / no period stated
_VALIDITY_WORDS = {
    "en": (
        "applied only to {year}, expired",
        "expired on {end}",
        "takes effect on {start}",
        "in force until {end}",
        "in force (no end date stated)",
        "states no validity period",
    ),
    "zh": (
        "仅适用于{year}年度,已失效",
        "已于{end}到期,已失效",
        "自{start}起施行,尚未生效",
        "有效期至{end},仍有效",
        "仍有效(未写明截止日期)",
        "未写明有效期",
    ),
}


def _validity(doc: PolicyDocument, as_of: date, lang: str) -> str:
    """A loaded document's validity today, from its own date statement."""
    dates, status = doc.dates, doc.status(as_of)
    start, end = dates.effective_from, dates.expires_on
    one_year, expired, not_yet, until, no_end, unstated = _VALIDITY_WORDS["en" if lang == "en" else "zh"]
    day = en_date if lang == "en" else cn_date
    if status is Validity.EXPIRED and end is not None:
        if start is not None and start.year == end.year and start.month == 1:
            return one_year.format(year=start.year)
        return expired.format(end=day(end))
    if status is Validity.NOT_YET and start is not None:
        return not_yet.format(start=day(start))
    if status is Validity.IN_FORCE:
        return until.format(end=day(end)) if end else no_end
    return unstated


def compose_catalogue(
    request: Catalogue,
    corpus: Corpus,
    as_of: date,
    lang: str,
    toc_citation: Callable[[PolicyDocument], Citation],
    statement_citation: Callable[[PolicyDocument], Citation | None],
    doc_no: int | None = None,
    titled: int | None = None,
    given: str = "",
) -> tuple[str, list[Citation]]:
    """The documents asked for, each cited: a loaded one by its date statement (or its TOC line), a listed
    one by its TOC line (``doc_no``: the one document a ``Catalogue.DOCUMENT`` question names; ``titled`` and
    ``given``: the document a ``Catalogue.NUMBER`` question names by its title's words, and the 文号 it gives)."""
    one = doc_no if doc_no is not None else titled  # (named by its 文号, else by its title's words)
    if request is Catalogue.DOCUMENT and one is not None:
        return _one_document(corpus.documents[one], as_of, lang, toc_citation, statement_citation)
    if request is Catalogue.NUMBER and titled is not None:
        return _number_checked(corpus.documents[titled], given, corpus, lang, toc_citation)
    docs = sorted(corpus.documents.values(), key=lambda d: d.doc_no)
    loaded = [d for d in docs if d.has_text]
    listed = [d for d in docs if not d.has_text]
    partial = [d for d in loaded if d.text_status is TextStatus.PARTIAL]
    citations: list[Citation] = []

    def cite(doc: PolicyDocument, dated: bool) -> int:
        citation = (statement_citation(doc) if dated else None) or toc_citation(doc)
        citations.append(citation)
        return len(citations)

    def page(doc: PolicyDocument) -> str:
        if doc.printed_start_page is None:
            return ""
        return f", p. {doc.printed_start_page}" if lang == "en" else f",第{doc.printed_start_page}页起"

    if request is Catalogue.ALL:
        shown = loaded
    elif request is Catalogue.EXPIRED:
        shown = [d for d in loaded if d.status(as_of) is Validity.EXPIRED]
    else:
        shown = [d for d in loaded if d.status(as_of) is Validity.IN_FORCE]
    unknown = [d for d in loaded if d.status(as_of) is Validity.UNKNOWN]
    lines = [_summary(request, len(docs), loaded, listed, partial, shown, as_of, lang)]
    for doc in shown:
        n = cite(doc, dated=True)
        if lang == "en":
            lines.append(f"- {doc.doc_number} {doc.title}{page(doc)}: {_validity(doc, as_of, lang)} [{n}]")
        else:
            lines.append(f"- {doc.doc_number}《{doc.title}》{page(doc)}:{_validity(doc, as_of, lang)}[{n}]")
    if request is not Catalogue.ALL and unknown:
        names = ("; " if lang == "en" else "、").join(f"{d.doc_number}[{cite(d, dated=True)}]" for d in unknown)
        lines.append(
            f"States no validity period (cannot be told from the text): {names}"
            if lang == "en"
            else f"未写明有效期(无法据正文判断):{names}"
        )
    if listed and request is not Catalogue.ALL:
        # their validity cannot be told: how many, not each (the full list answers "which documents?")
        lines.append(
            f"The other {len(listed)} documents are only listed in the table of contents, without text: the "
            "compilation cannot tell whether they still apply."
            if lang == "en"
            else f"另有{len(listed)}份文件只在目录中列出、未收录正文,汇编无法判断其是否有效。"
        )
    elif listed:
        marks = [cite(d, dated=False) for d in listed]
        if lang == "en":
            names = "; ".join(f"{d.doc_number} {d.title}{page(d)} [{n}]" for d, n in zip(listed, marks, strict=True))
            lines.append(f"Listed in the table of contents without text: {names}")
        else:
            names = ";".join(f"{d.doc_number}《{d.title}》{page(d)}[{n}]" for d, n in zip(listed, marks, strict=True))
            lines.append(f"只在目录中列出、未收录正文的文件:{names}")
    return "\n".join(lines), citations


def _number_checked(
    doc: PolicyDocument, given: str, corpus: Corpus, lang: str, toc_citation: Callable[[PolicyDocument], Citation]
) -> tuple[str, list[Citation]]:
    """Whether ``doc`` is numbered ``given``: its own 文号 from its line of the table of contents, and what the
    number given is instead (another document of the compilation, or none of them)."""
    citations = [toc_citation(doc)]
    other = corpus.by_doc_number(given)
    page = doc.printed_start_page
    where = f" (table of contents, printed page {page})" if lang == "en" else f"(目录第{page}页)"
    where = where if page is not None else ""
    if other is not None and other.doc_no == doc.doc_no:
        if lang == "en":
            return f"Yes: {doc.title} is {doc.doc_number}{where} [1].", citations
        return f"是:《{doc.title}》的文号是{doc.doc_number}{where}[1]。", citations
    if other is not None:
        citations.append(toc_citation(other))
    if lang == "en":
        instead = (
            f"{given} is another document, {other.title} [2]."
            if other is not None
            else f"The compilation holds no document numbered {given}."
        )
        return f"No: {doc.title} is {doc.doc_number}{where} [1]. {instead}", citations
    instead = f"{given}是另一份文件《{other.title}》[2]。" if other is not None else f"汇编中没有{given}。"
    return f"不是:《{doc.title}》的文号是{doc.doc_number}{where}[1]。{instead}", citations


def _one_document(
    doc: PolicyDocument,
    as_of: date,
    lang: str,
    toc_citation: Callable[[PolicyDocument], Citation],
    statement_citation: Callable[[PolicyDocument], Citation | None],
) -> tuple[str, list[Citation]]:
    """What a document named by its 文号 is: its title and where it starts (its line of the table of contents),
    and whether it applies today (its own date statement)."""
    citations = [toc_citation(doc)]
    statement = statement_citation(doc)
    if statement is not None:
        citations.append(statement)
    mark = f"[{len(citations)}]"
    validity = _validity(doc, as_of, lang)
    partial = doc.text_status is TextStatus.PARTIAL
    # a status holds as of today; a period the text does not state is no status of a day
    dated = doc.status(as_of) is not Validity.UNKNOWN
    if lang == "en":
        page = f", printed page {doc.printed_start_page}" if doc.printed_start_page is not None else ""
        held = "only the first part of its text" if partial else "its text"
        when = f"As of {en_date(as_of)}: " if dated else "Its text "
        return (
            f"{doc.doc_number} is {doc.title} (table of contents{page}) [1]; the compilation holds {held}. "
            f"{when}{validity} {mark}."
        ), citations
    page = f"目录第{doc.printed_start_page}页" if doc.printed_start_page is not None else "目录"
    held = "只收录了它的前一部分" if partial else "收录了它的正文"
    when = f"截至{cn_date(as_of)}," if dated else "文中"
    return f"{doc.doc_number}是《{doc.title}》({page})[1],汇编{held}。{when}{validity}{mark}。", citations


def _summary(
    request: Catalogue,
    total: int,
    loaded: list[PolicyDocument],
    listed: list[PolicyDocument],
    partial: list[PolicyDocument],
    shown: list[PolicyDocument],
    as_of: date,
    lang: str,
) -> str:
    """The first line: how many documents, how many with text, and how many of them the question asks for."""
    if lang == "en":
        part = f" ({len(partial)} of them only in part)" if partial else ""
        head = (
            f"The compilation lists {total} documents: {len(loaded)} with their text{part}, "
            f"{len(listed)} only in its table of contents."
        )
        if request is Catalogue.ALL:
            return head + " With text:"
        kind = "have expired" if request is Catalogue.EXPIRED else "are in force"
        return (
            head
            + f" As of {en_date(as_of)}, {len(shown)} of the {len(loaded)} with text {kind}"
            + (":" if shown else ".")
        )
    part = f"(其中{len(partial)}份只收录了前一部分)" if partial else ""
    head = f"汇编目录共列出{total}份文件:{len(loaded)}份收录了正文{part},{len(listed)}份只在目录中列出。"
    if request is Catalogue.ALL:
        return head + "收录正文的文件:"
    kind = "已失效" if request is Catalogue.EXPIRED else "仍有效"
    if not shown:
        return head + f"截至{cn_date(as_of)},收录正文的文件中没有{kind}的。"
    return head + f"截至{cn_date(as_of)},收录正文的{len(loaded)}份中{kind}的有{len(shown)}份:"
