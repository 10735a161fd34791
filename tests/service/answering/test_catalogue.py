"""Questions about the compilation itself: detection (no index needed) and answers over the real corpus."""

from __future__ import annotations

import re
from datetime import date

import pytest

from corpus.models import Validity
from service.answering.catalogue import Catalogue, asks_start_page
from service.answering.verify import verify
from service.models import AnswerStatus

AS_OF = date(2026, 11, 27)  # the day the shared qa fixture judges validity on (tests/conftest.py)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("这本汇编里一共收录了哪些文件?", Catalogue.ALL),
        ("汇编有几份文件?", Catalogue.ALL),
        ("List the documents of the compilation", Catalogue.ALL),
        ("目前哪些政策已经过期了?", Catalogue.EXPIRED),
        ("Which documents are no longer valid?", Catalogue.EXPIRED),
        ("现在还有效的文件有哪些?", Catalogue.IN_FORCE),
        ("Which policies are currently in force?", Catalogue.IN_FORCE),
        # a topic of its own, a named document, or the asker's figures: not a question about the compilation
        ("哪些政策支持生物医药企业?", None),
        ("Which policies help a bakery?", None),
        # one document with text named by its 文号, asked what it is: its own entry of the contents
        ("区办〔2023〕12号是什么文件?", Catalogue.DOCUMENT),
        ("区办23年9号主要讲的是什么?", Catalogue.DOCUMENT),
        ("What is 区办〔2023〕8号 about?", Catalogue.DOCUMENT),
        # ... or asked its title (my own wordings)
        ("区办〔2023〕8号的文件标题是什么?", Catalogue.DOCUMENT),
        ("区党委〔2019〕25号叫什么名字?", Catalogue.DOCUMENT),
        ("What is the full title of 区办〔2023〕12号?", Catalogue.DOCUMENT),
        ("What is 区办〔2023〕9号 called?", Catalogue.DOCUMENT),
        ("区办〔2023〕12号里的总部叫什么?", None),
        # ... not when it was issued, what it gives, nor a document listed without text (that is toc_only)
        ("区办〔2023〕12号是什么时候发布的?", None),
        ("区办〔2023〕12号有什么奖励?", None),
        ("What is the cap in 区办〔2023〕9号?", None),
        ("杭高新〔2021〕9号是什么政策?", None),
        ("总部企业政策什么时候到期?", None),
        ("我们营收3亿,有哪些政策可以申请?", None),
        ("租房补助有哪些条件?", None),
    ],
)
def test_questions_about_the_compilation_itself(qa, question: str, expected: Catalogue | None) -> None:  # type: ignore[no-untyped-def]
    from service.answering.plan import plan_query

    assert plan_query(question, [], qa.corpus).catalogue == expected


def _markers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\]", text)}


def test_the_contents_list_every_document_with_its_page_each_cited(qa) -> None:  # type: ignore[no-untyped-def]
    answer = qa.ask("汇编里有哪些文件?", [])
    docs = list(qa.corpus.documents.values())
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.answer.startswith(f"汇编目录共列出{len(docs)}份文件")
    for doc in docs:
        assert doc.doc_number in answer.answer
        assert f"第{doc.printed_start_page}页" in answer.answer
    # one citation per document, every one verified on its page (or on the table of contents)
    assert {c.doc_no for c in answer.citations} == {d.doc_no for d in docs}
    assert all(verify(qa.corpus, c) for c in answer.citations)
    assert _markers(answer.answer) == set(range(1, len(answer.citations) + 1))
    assert answer.warnings == []  # the list says each document's validity itself


def test_expired_documents_are_those_past_their_own_dates(qa) -> None:  # type: ignore[no-untyped-def]
    answer = qa.ask("有哪些政策已经失效了?", [])
    loaded = [d for d in qa.corpus.documents.values() if d.has_text]
    expired = [d for d in loaded if d.status(AS_OF) is Validity.EXPIRED]
    in_force = [d for d in loaded if d.status(AS_OF) is Validity.IN_FORCE]
    assert expired and in_force  # the compilation has both as of the fixture's day
    first_lines = answer.answer.split("\n另有")[0]
    assert f"已失效的有{len(expired)}份" in first_lines
    for doc in expired:
        line = next(x for x in answer.answer.splitlines() if doc.doc_number in x)
        assert "已失效" in line
        # cited by its own date statement, not only by its title
        n = int(re.findall(r"\[(\d+)\]", line)[0])
        assert answer.citations[n - 1].section != "目录"
    assert not any(d.doc_number in first_lines for d in in_force)
    # listed documents: their validity cannot be told, and they are counted, not each cited
    listed = [d for d in qa.corpus.documents.values() if not d.has_text]
    assert f"另有{len(listed)}份文件只在目录中列出、未收录正文,汇编无法判断其是否有效。" in answer.answer
    assert {c.doc_no for c in answer.citations} <= {d.doc_no for d in loaded}


def test_in_force_in_english(qa) -> None:  # type: ignore[no-untyped-def]
    answer = qa.ask("Which policies are still in force?", [])
    loaded = [d for d in qa.corpus.documents.values() if d.has_text]
    in_force = [d for d in loaded if d.status(AS_OF) is Validity.IN_FORCE]
    assert answer.status is AnswerStatus.ANSWERED
    assert f"{len(in_force)} of the {len(loaded)} with text are in force" in answer.answer
    assert all(d.doc_number in answer.answer for d in in_force)
    assert all(verify(qa.corpus, c) for c in answer.citations)


def test_what_a_named_document_is_its_title_page_and_validity_each_cited(qa) -> None:  # type: ignore[no-untyped-def]
    answer = qa.ask("区办〔2023〕9号是什么文件?", [])
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.answer.startswith(
        "区办〔2023〕9号是《杭州高新开发区(滨江)支持“专精特新”企业加快发展的实施意见》(目录第17页)[1]"
    )
    assert "已失效[2]" in answer.answer  # as of the fixture's day, from its own date statement
    assert all(verify(qa.corpus, c) for c in answer.citations) and len(answer.citations) == 2
    english = qa.ask("What is 区办〔2023〕12号 about?", [])
    assert english.answer.startswith("区办〔2023〕12号 is 关于推动杭州高新开发区(滨江)总部经济高质量发展的若干意见"), (
        english.answer
    )
    # a 文号 is a name in any language: the question is English; a period the text does not state is no status
    english = qa.ask("What is 区党委〔2019〕25号 about?", [])
    assert english.answer.startswith("区党委〔2019〕25号 is ") and "states no validity period" in english.answer
    assert "文中未写明有效期[2]" in qa.ask("区党委〔2019〕25号是什么文件?", []).answer
    # the document whose text stops early says so
    partial = qa.ask("杭高新〔2023〕5号是关于什么的?", [])
    assert "只收录了它的前一部分" in partial.answer, partial.answer


@pytest.mark.parametrize(
    ("question", "checked"),
    [
        ("人工智能的那份政策是杭高新〔2023〕4号吧?", True),
        ("标准创新奖评审办法的文号是不是区办〔2023〕9号?", True),
        ("Is the headquarters policy numbered 区办〔2023〕8号?", True),
        # a figure asked of a document named both ways checks no number
        ("区办〔2023〕12号总部政策的租房补贴是多少?", False),
        # two 文号, or no title words, name no one document to check
        ("专精特新的意见是区办〔2023〕9号还是区办〔2023〕8号?", False),
        ("区办〔2023〕9号是什么文件?", False),
    ],
)
def test_a_number_given_to_a_document_named_by_title_is_checked(qa, question: str, checked: bool) -> None:  # type: ignore[no-untyped-def]
    from service.answering.plan import plan_query

    plan = plan_query(question, [], qa.corpus)
    assert (plan.catalogue is Catalogue.NUMBER) is checked, plan.catalogue


def test_a_wrong_number_is_corrected_from_the_table_of_contents_and_a_right_one_confirmed(qa) -> None:  # type: ignore[no-untyped-def]
    wrong = qa.ask("标准创新奖评审办法的文号是不是区办〔2023〕9号?")
    assert wrong.status is AnswerStatus.ANSWERED and wrong.answer.startswith("不是"), wrong.answer
    assert "区办〔2023〕8号" in wrong.answer and [c.doc_no for c in wrong.citations] == [4, 3]
    # a number no document of the compilation has is said to be none of them
    unknown = qa.ask("Is the headquarters policy numbered 区办〔2023〕21号?")
    assert unknown.answer.startswith("No") and "区办〔2023〕12号" in unknown.answer, unknown.answer
    assert "no document numbered" in unknown.answer and [c.doc_no for c in unknown.citations] == [2]
    right = qa.ask("人工智能产业生态的政策是杭高新〔2023〕5号吧?")
    assert right.answer.startswith("是") and [c.doc_no for c in right.citations] == [6], right.answer
    assert all(verify(qa.corpus, c) for c in wrong.citations + unknown.citations + right.citations)


@pytest.mark.parametrize(
    ("question", "title_words", "expected"),
    [
        ("人才那份意见从汇编第几页开始?", ("人才",), True),
        ("人才政策在哪一页?", ("人才",), True),
        ("人才那个文件的页码是多少?", ("人才",), True),
        ("人才公寓补贴在第几页?", ("人才",), False),  # a provision's page, not the document's start
        ("人才那份意见有效期几年?", ("人才",), False),
    ],
)
def test_a_question_asking_only_where_a_titled_document_starts(
    question: str, title_words: tuple[str, ...], expected: bool
) -> None:
    assert asks_start_page(question, title_words) is expected
