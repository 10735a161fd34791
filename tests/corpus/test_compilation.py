"""The compilation parser on the real scrape."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.compilation import clean_line
from corpus.library import Corpus
from corpus.models import TextStatus, Validity
from corpus.text import compact

EXPECTED_DOC_NUMBERS = [
    "区党委〔2019〕25号",
    "区办〔2023〕12号",
    "区办〔2023〕9号",
    "区办〔2023〕8号",
    "滨政〔2023〕7号",
    "杭高新〔2023〕5号",
    "杭高新〔2023〕4号",
    "杭高新〔2023〕1号",
    "区商务〔2022〕111号",
    "区商务〔2022〕75号",
    "杭高新〔2022〕17号",
    "杭高新〔2022〕8号",
    "杭高新〔2022〕7号",
    "区党委〔2022〕6号",
    "杭高江北〔2022〕1号",
    "杭高新〔2021〕13号",
    "杭高新〔2021〕10号",
    "杭高新〔2021〕9号",
    "杭高新〔2021〕8号",
    "杭高新〔2021〕4号",
    "杭高新〔2021〕2号",
    "杭高新〔2020〕11号",
    "区办〔2020〕8号",
    "区办〔2020〕7号",
    "杭高新〔2020〕3号",
    "杭高新〔2019〕25号",
    "杭高新〔2019〕24号",
    "区党委〔2019〕22号",
    "杭高新〔2017〕72号",
    "杭高新〔2017〕70号",
    "区党委〔2017〕16号",
]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load()


def test_toc_has_all_31_doc_numbers_in_order(corpus: Corpus) -> None:
    assert [e.doc_number for e in corpus.toc] == EXPECTED_DOC_NUMBERS
    assert [e.doc_no for e in corpus.toc] == list(range(1, 32))


def test_toc_issuer_year_and_start_pages(corpus: Corpus) -> None:
    by_no = {e.doc_no: e for e in corpus.toc}
    assert (by_no[2].issuer, by_no[2].year, by_no[2].printed_page) == ("区办", 2023, 11)
    assert (by_no[15].issuer, by_no[15].printed_page) == ("杭高江北", 101)
    assert (by_no[9].issuer, by_no[9].year) == ("区商务", 2022)
    assert by_no[31].printed_page == 169
    assert {e.issuer for e in corpus.toc} == {"区党委", "区办", "杭高新", "滨政", "区商务", "杭高江北"}


def test_stats_match_the_compilation(corpus: Corpus) -> None:
    stats = corpus.stats()
    assert stats["documents"] == 31
    assert stats["with_text"] == 6
    assert stats["partial"] == [6]
    assert stats["toc_only"] == 25
    assert stats["printed_pages"] == 47


def test_pages_map_ebook_to_printed(corpus: Corpus) -> None:
    pages = corpus.sources[corpus.documents[1].source].pages
    assert [(p.ebook_page, p.printed_page) for p in pages] == [(n + 3, n) for n in range(1, 48)]


def test_boilerplate_is_removed(corpus: Corpus) -> None:
    body = corpus.sources[corpus.documents[1].source].body
    for junk in ("{{", "粉丝", "云展网", "文本内容", "[展开]", "[收起]", "关注"):
        assert junk not in body
    assert clean_line("粉丝:{{bookData.followerCount}}") == ""


def test_document_boundaries_and_text_status(corpus: Corpus) -> None:
    ranges = {d.doc_no: (d.printed_pages[0], d.printed_pages[-1]) for d in corpus.with_text()}
    assert ranges == {1: (1, 10), 2: (11, 16), 3: (17, 22), 4: (23, 29), 5: (30, 44), 6: (45, 47)}
    assert corpus.documents[6].text_status is TextStatus.PARTIAL
    assert "14." in corpus.documents[6].text_ends_at
    assert all(corpus.documents[n].text_status is TextStatus.TOC_ONLY for n in range(7, 32))


@pytest.mark.parametrize(
    ("doc_no", "sentence", "printed", "ebook"),
    [
        (2, "最高可补助 1000 万元", 12, 15),
        (1, "力争到 2025 年实现 100 家上市公司", 6, 9),
        (4, "公示时间不少于5 个工作日", 27, 30),
        (6, "单个主体年度补贴金额不超过 100 万元", 47, 50),
    ],
)
def test_known_sentences_are_on_their_pages(
    corpus: Corpus, doc_no: int, sentence: str, printed: int, ebook: int
) -> None:
    clause = next(c for c in corpus.documents[doc_no].clauses if compact(sentence) in compact(c.text))
    page = corpus.page(doc_no, printed)
    assert page is not None and compact(sentence) in compact(page.text)
    assert page.ebook_page == ebook
    assert printed in clause.printed_pages and ebook in clause.ebook_pages


def test_every_clause_text_stands_on_the_pages_it_claims(corpus: Corpus) -> None:
    clauses = corpus.clauses()
    assert len(clauses) > 200
    for clause in clauses:
        pages = corpus.clause_pages(clause)
        assert [p.printed_page for p in pages] == clause.printed_pages
        joined = "".join(p.text for p in pages)
        assert compact(clause.text) in compact(joined), clause.section_path


def test_clause_that_runs_across_a_page_break(corpus: Corpus) -> None:
    clause = next(c for c in corpus.documents[3].clauses if c.marker == "1." and "梯次培育" in c.heading)
    assert clause.printed_pages == [17, 18]
    assert clause.ebook_pages == [20, 21]


@pytest.mark.parametrize(
    ("doc_no", "needle", "path"),
    [
        (2, "在我区无自有办公用房", "三、支持政策 > (五)租房购房补助"),
        (
            1,
            "对拟上市企业进行分阶段",
            "二、政策措施 > (五)强化科技金融支持,打造全周期金融服务体系 > 15.鼓励推动企业上市",
        ),
        (2, "销售型总部", "二、认定条件 > (一)规模型总部 > 2.服务业总部 > (4)"),
        (4, "公示时间不少于", "第五章评审和奖励 > (十六)杭州高新开发区(滨江)标准创新奖评审程序 > 4.社会公示"),
        (5, "年出口额达 500", "五、扩大内需和对外开放政策 > 40.加大外向型企业培育力度"),
    ],
)
def test_clause_paths(corpus: Corpus, doc_no: int, needle: str, path: str) -> None:
    clause = next(c for c in corpus.documents[doc_no].clauses if compact(needle) in compact(c.text))
    assert clause.section_path == path


def test_dates_from_closing_clauses(corpus: Corpus) -> None:
    docs = corpus.documents
    assert (docs[2].dates.effective_from, docs[2].dates.expires_on) == (date(2023, 7, 13), date(2028, 7, 12))
    assert (docs[3].dates.effective_from, docs[3].dates.expires_on) == (date(2023, 5, 12), date(2026, 5, 11))
    assert (docs[5].dates.effective_from, docs[5].dates.expires_on) == (date(2023, 1, 1), date(2023, 12, 31))
    assert docs[1].dates.effective_from is None and "发布后 30 日施行" in docs[1].dates.statement
    assert docs[4].dates.effective_from == date(2023, 5, 8) and docs[4].dates.expires_on is None


def test_status_as_of_a_date(corpus: Corpus) -> None:
    docs = corpus.documents
    assert docs[3].status(date(2026, 5, 11)) is Validity.IN_FORCE
    assert docs[3].status(date(2026, 5, 12)) is Validity.EXPIRED
    assert docs[5].status(date(2023, 6, 1)) is Validity.IN_FORCE
    assert docs[5].status(date(2024, 1, 1)) is Validity.EXPIRED
    assert docs[2].status(date(2026, 11, 27)) is Validity.IN_FORCE
    assert docs[1].status(date(2026, 11, 27)) is Validity.UNKNOWN
    assert docs[20].status(date(2026, 11, 27)) is Validity.UNKNOWN
