"""Chunks keep their place in the source; the keyword index reads 文号 and domain terms as people type them."""

from __future__ import annotations

import pytest

from corpus.library import Corpus
from corpus.text import compact
from indexing.chunks import LIST_MAX_CHARS, MAX_CHARS, chunk_corpus, split_spans
from indexing.keyword import KeywordIndex, tokenize


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load()


def test_every_chunk_is_verbatim_source_text_on_its_pages(corpus: Corpus) -> None:
    chunks = chunk_corpus(corpus)
    assert len(chunks) > 150
    assert {c.doc_no for c in chunks} == {1, 2, 3, 4, 5, 6}
    for chunk in chunks:
        source = corpus.source_of(corpus.documents[chunk.doc_no])
        assert source.body[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text) <= LIST_MAX_CHARS
        pages = source.pages_between(chunk.start, chunk.end)
        assert [p.printed_page for p in pages] == chunk.printed_pages
        assert compact(chunk.text) in compact("".join(p.text for p in pages))
        assert chunk.indexed_text.startswith(chunk.title)
        assert chunk.section in chunk.indexed_text


def test_a_short_list_is_also_one_chunk(corpus: Corpus) -> None:
    chunks = [c for c in chunk_corpus(corpus) if c.doc_no == 4 and c.section.endswith("评审程序")]
    assert any("1. 形式审查" in c.text and "6. 审定批准" in c.text for c in chunks)
    assert all(len(c.text) <= LIST_MAX_CHARS for c in chunks) and MAX_CHARS < LIST_MAX_CHARS


def test_long_clause_is_split_at_sentence_ends_with_overlap() -> None:
    body = "".join(f"第{i}句内容较长,用于测试切分是否发生在句号处。" for i in range(40))
    spans = split_spans(body, 0, len(body), max_chars=120)
    assert len(spans) > 5
    assert all(body[s:e].endswith("。") for s, e in spans)
    assert all(e - s <= 120 for s, e in spans)
    assert any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)), "consecutive spans overlap"


@pytest.mark.parametrize("form", ["区办〔2023〕12号", "区办[2023]12号", "区办(2023)12 号", "区办(2023)12号"])
def test_doc_number_forms_give_one_token(form: str) -> None:
    assert "区办〔2023〕12号" in tokenize(f"按{form}的规定")


def test_domain_terms_stay_whole() -> None:
    tokens = tokenize("专精特新小巨人和瞪羚企业、5050计划、省级企业研究院")
    for term in ("专精特新", "小巨人", "瞪羚企业", "5050计划", "省级企业研究院"):
        assert term in tokens


def test_bm25_finds_the_clause_by_document_nickname_and_topic(corpus: Corpus) -> None:
    chunks = chunk_corpus(corpus)
    index = KeywordIndex.from_texts([c.id for c in chunks], [c.indexed_text for c in chunks])
    by_id = {c.id: c for c in chunks}
    top = [by_id[i] for i, _ in index.search("那个总部经济文件的租房补助", k=3)]
    assert any(c.doc_no == 2 and "租房购房补助" in c.section for c in top)
    # words the texts never use match nothing: no zero-score filler in the results
    assert index.search("量子纠缠暗物质xyz", k=3) == []
    assert all(score > 0 for _, score in index.search("租房补助", k=50))


def test_a_query_word_counts_once_however_often_it_is_repeated() -> None:
    # the lexicon adds the corpus's wordings of a question word ("Binjiang" -> 滨江 高新区(滨江) 杭州高新区(滨江)):
    # a word said three times must not outweigh the topic said once
    index = KeywordIndex.from_texts(
        ["fund", "zone"],
        ["区财政三年内将产业基金规模增加到50亿元。", "高新区(滨江)企业在高新区(滨江)落户,滨江给予支持。"],
    )
    once = index.scores("滨江 产业基金")
    thrice = index.scores("滨江 滨江 滨江 产业基金")
    assert list(once) == list(thrice)
    assert once[1] > 0  # the zone's name still counts, once
