"""HTML of the panels: escaping, quote highlighting, badges and the standard citation."""

from __future__ import annotations

from service.models import Citation, SearchHit
from ui.chat import ChatTurn
from ui.render import (
    answer_text_html,
    conversation_html,
    document_outline_html,
    documents_html,
    highlight,
    page_view_html,
    search_results_html,
    standard_citation,
    validity_badge,
)

CITATION = Citation(
    doc_no=2,
    title="关于支持总部企业发展的若干意见",
    doc_number="区办〔2023〕12号",
    section="三、支持政策 > (一)上市奖励",
    printed_page=12,
    ebook_page=15,
    quote="给予一次性 奖励500万元",
    validity="expired",
)


def test_highlight_matches_the_quote_whitespace_aside_and_escapes():
    html, found = highlight("前文<b>\n给予一次性奖励\n500万元。后文", "给予一次性 奖励500万元")
    assert found
    assert html == "前文&lt;b&gt;\n<mark>给予一次性奖励\n500万元</mark>。后文"


def test_highlight_marks_the_sentences_on_the_page_when_the_quote_crosses_a_page_break():
    html, found = highlight("……对认定的总部企业给予奖励。", "对认定的总部企业给予奖励。次页上的后半句内容")
    assert found and "<mark>对认定的总部企业给予奖励。</mark>" in html


def test_highlight_reports_a_quote_that_is_not_on_the_page():
    assert highlight("完全不同的文字", "给予一次性奖励") == ("完全不同的文字", False)


def test_standard_citation_and_badges():
    assert standard_citation("标题", "区办〔2023〕12号", 12) == "《标题》(区办〔2023〕12号)第12页"
    assert "已失效" in validity_badge("expired")
    assert "有效" in validity_badge("in_force")
    assert "日期未知" in validity_badge(None)


def test_answer_markers_link_to_existing_citations_only():
    html = answer_text_html("见[1]与[3]\n下一行", turn=0, n_citations=1)
    assert 'data-cite="0"' in html and "[3]" in html and 'data-cite="2"' not in html and "<br>" in html


def test_conversation_shows_cards_warnings_and_distinct_statuses():
    answered = ChatTurn("问<script>", answer="答[1]", status="answered", citations=[CITATION], pending=False)
    answered.warnings = ["该政策已失效"]
    toc = ChatTurn("问", answer="仅目录", status="toc_only", pending=False)
    html = conversation_html([answered, toc])
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "《关于支持总部企业发展的若干意见》" in html and "第12页(电子书第15页)" in html
    assert "⚠ 该政策已失效" in html
    assert "pq-a-toc_only" in html and "仅目录收录" in html
    assert 'data-rating="up"' in html


def test_a_validity_warning_the_answer_text_already_says_is_not_shown_twice():
    warning = "注意:区办〔2023〕12号已于2028年7月12日到期,截至2028年8月1日已失效。"
    said = ChatTurn("问", answer="答[1]\n注意:区办〔2023〕12号已于2028年7月12日到期,已失效。", status="answered")
    said.pending, said.warnings = False, [warning, "1 条引用未能在页面原文中核实,已删除。"]
    html = conversation_html([said])
    assert html.count("已失效") == 1 and "⚠ 1 条引用未能" in html
    unsaid = ChatTurn("问", answer="答[1]", status="answered", pending=False)
    unsaid.warnings = [warning]
    assert "⚠ 注意:区办〔2023〕12号" in conversation_html([unsaid])


def test_page_view_marks_the_quote_and_offers_the_citation_to_copy():
    page = {"doc_no": 2, "printed_page": 12, "ebook_page": 15, "text": "条文:给予一次性奖励500万元。"}
    html = page_view_html(page, CITATION)
    assert "<mark>给予一次性奖励500万元</mark>" in html
    assert 'data-copy="《关于支持总部企业发展的若干意见》(区办〔2023〕12号)第12页"' in html


def test_search_results_and_documents_tables():
    hit = SearchHit(citation=CITATION, text="条文", score=0.12345, validity="expired")
    html = search_results_html([hit], "奖励")
    assert "0.123" in html and 'data-hit="0"' in html and "复制引用" in html
    assert "没有找到" in search_results_html([], "奖励")
    doc = {"doc_no": 7, "title": "标题", "doc_number": "杭高新〔2022〕3号", "text_status": "toc_only"}
    assert "仅目录" in documents_html([doc], "2025-06-01") and "日期未知" in documents_html([doc], "2025-06-01")


def test_outline_indents_clauses_and_explains_toc_only_documents():
    doc = {
        "title": "t",
        "text_status": "full",
        "outline": [{"level": 3, "marker": "(一)", "heading": "规模型总部", "printed_pages": [5, 6]}],
    }
    assert '<li class="pq-lv3">(一)规模型总部<span class="pq-sub">第5,6页</span></li>' in document_outline_html(doc)
    assert "只收录了本文件的目录条目" in document_outline_html({"title": "t", "text_status": "toc_only"})


def test_build_ui_composes_without_a_server():
    from service.settings import Settings
    from ui.app import build_ui, resolve_base_url

    demo = build_ui(Settings(api_base_url="http://127.0.0.1:9"))
    assert demo.title.startswith("滨江产业政策问答")
    assert resolve_base_url("http://x:1/", None) == "http://x:1"
    assert resolve_base_url("", None) == "http://127.0.0.1:8000"
