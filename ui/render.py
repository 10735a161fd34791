"""HTML of the UI's panels: the conversation with citation cards, the page view, result and document tables.

Every value from the API is escaped here; the clickable parts carry `data-*` attributes that the
panels' JavaScript turns into Gradio events (see ui/app.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from service.models import Citation, SearchHit
from ui.chat import ChatTurn

VALIDITY = {
    "in_force": ("有效", "ok"),
    "expired": ("已失效", "bad"),
    "not_yet_in_force": ("未生效", "warn"),
    "unknown": ("日期未知", "muted"),
}
TEXT_STATUS = {"full": ("全文", "ok"), "partial": ("部分", "warn"), "toc_only": ("仅目录", "muted")}
_MARKER = re.compile(r"\[(\d{1,2})\]")


def validity_badge(validity: str | None) -> str:
    label, tone = VALIDITY.get(validity or "unknown", VALIDITY["unknown"])
    return f'<span class="pq-badge pq-{tone}">{label}</span>'


def text_status_chip(status: str | None) -> str:
    label, tone = TEXT_STATUS.get(status or "", (escape(status or "—"), "muted"))
    return f'<span class="pq-chip pq-{tone}">{label}</span>'


def page_label(printed_page: int, ebook_page: int | None) -> str:
    """第N页(电子书第M页): the printed page that help-desk staff cite, and where the e-book shows it."""
    label = f"第{printed_page}页"
    return f"{label}(电子书第{ebook_page}页)" if ebook_page else label


def standard_citation(title: str, doc_number: str, printed_page: int | None) -> str:
    """The citation help-desk staff read out: 《标题》(文号)第N页."""
    number = f"({doc_number})" if doc_number else ""
    page = f"第{printed_page}页" if printed_page else ""
    return f"《{title}》{number}{page}"


def error_html(message: str) -> str:
    return f'<div class="pq-error" role="alert"><b>出错了</b> {escape(message)}</div>'


def notice_html(message: str) -> str:
    return f'<div class="pq-notice">{escape(message)}</div>'


# --- chat --------------------------------------------------------------------------------------------


def conversation_html(turns: list[ChatTurn]) -> str:
    if not turns:
        return (
            '<div class="pq-empty"><div class="pq-empty-title">请输入您的问题,或点选下方示例</div>'
            "<div>Ask in Chinese or English; every answer cites the policy document and its printed page.</div></div>"
        )
    return '<div class="pq-chat">' + "".join(_turn_html(i, turn) for i, turn in enumerate(turns)) + "</div>"


def _turn_html(index: int, turn: ChatTurn) -> str:
    question = f'<div class="pq-q"><span class="pq-who">问</span><div>{escape(turn.question)}</div></div>'
    return f'<div class="pq-turn" data-turn="{index}">{question}{_answer_html(index, turn)}</div>'


_VALIDITY = ("注意:", "Note:")


def _answer_html(index: int, turn: ChatTurn) -> str:
    parts: list[str] = []
    for warning in turn.warnings:
        if warning.startswith(_VALIDITY) and turn.answer and any(m in turn.answer for m in _VALIDITY):
            continue  # the answer's own text says it under its lead: once is enough
        parts.append(f'<div class="pq-warning">⚠ {escape(warning)}</div>')
    status_note = {
        "toc_only": '<div class="pq-status-note">仅目录收录 · listed in the table of contents only; '
        "its text is not in the compilation</div>",
        "not_found": '<div class="pq-status-note">汇编中未找到 · not found in the compilation</div>',
    }.get(turn.status, "")
    parts.append(status_note)
    if turn.answer:
        parts.append(f'<div class="pq-answer-text">{answer_text_html(turn.answer, index, len(turn.citations))}</div>')
    if turn.pending:
        progress = escape(turn.progress or "正在检索…")
        parts.append(f'<div class="pq-progress"><span class="pq-dot"></span>{progress}</div>')
    if turn.error:
        parts.append(error_html(turn.error))
    if turn.citations:
        cards = "".join(citation_card(c, i, index) for i, c in enumerate(turn.citations))
        parts.append(f'<div class="pq-cites"><div class="pq-cites-head">引用出处 · Sources</div>{cards}</div>')
    if not turn.pending and not turn.error and turn.answer:
        parts.append(_feedback_html(index, turn.rating))
    tone = "error" if turn.error and not turn.pending else (turn.status or "pending")
    body = "".join(parts)
    return f'<div class="pq-a pq-a-{tone}"><span class="pq-who">答</span><div class="pq-a-body">{body}</div></div>'


def answer_text_html(text: str, turn: int, n_citations: int) -> str:
    """The answer with line breaks kept and its [n] markers made into links to the n-th citation card."""

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if not 1 <= n <= n_citations:
            return match.group(0)
        return f'<a class="pq-ref" data-turn="{turn}" data-cite="{n - 1}" title="查看出处 {n}">[{n}]</a>'

    return _MARKER.sub(link, escape(text)).replace("\n", "<br>")


def citation_card(citation: Citation, index: int, turn: int) -> str:
    c = citation
    head = (
        f'<span class="pq-num">{index + 1}</span>'
        f'<span class="pq-title">《{escape(c.title)}》</span>'
        f'<span class="pq-docno">{escape(c.doc_number)}</span>'
        f'<span class="pq-sep">·</span><span class="pq-page">{page_label(c.printed_page, c.ebook_page)}</span>'
        f"{validity_badge(c.validity)}"
    )
    section = f'<div class="pq-section">{escape(c.section)}</div>' if c.section else ""
    quote = f'<div class="pq-quote">{escape(c.quote)}</div>' if c.quote else ""
    return (
        f'<div class="pq-card" data-turn="{turn}" data-cite="{index}" role="button" tabindex="0" '
        f'title="点击查看原文页 · open the page">'
        f'<div class="pq-card-head">{head}</div>{section}{quote}</div>'
    )


def _feedback_html(index: int, rating: str) -> str:
    if rating:
        chosen = "✓ 有帮助" if rating == "up" else "✗ 没帮助"
        return f'<div class="pq-feedback"><span class="pq-thanks">已反馈:{chosen},谢谢!</span></div>'
    return (
        f'<div class="pq-feedback"><span>这个回答有帮助吗?</span>'
        f'<button class="pq-fb" data-turn="{index}" data-rating="up" title="helpful">✓ 有帮助</button>'
        f'<button class="pq-fb" data-turn="{index}" data-rating="down" title="not helpful">✗ 没帮助</button></div>'
    )


# --- page view ----------------------------------------------------------------------------------------


def highlight(text: str, quote: str) -> tuple[str, bool]:
    """``text`` escaped, with ``quote`` (matched whitespace aside) wrapped in <mark>; and whether it was found.

    When the whole quote is not on the page (an item running across a page break), its sentences that
    are on the page are marked instead.
    """
    spans = _find(text, quote)
    if not spans:
        pieces = [p for p in re.split(r"(?<=[。;;!?!?])", quote) if len(re.sub(r"\s", "", p)) >= 6]
        spans = sorted(span for piece in pieces for span in _find(text, piece))
    if not spans:
        return escape(text), False
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out), True


def _find(text: str, quote: str) -> list[tuple[int, int]]:
    chars = [ch for ch in quote if not ch.isspace()]
    if not chars:
        return []
    pattern = r"\s*".join(re.escape(ch) for ch in chars)
    return [m.span() for m in re.finditer(pattern, text)][:1]


def page_view_html(page: Mapping[str, Any], citation: Citation | None = None, quote: str = "") -> str:
    """A page of a document, its header naming the document and both page numbers, the quote marked."""
    printed = int(page.get("printed_page") or 0)
    ebook = page.get("ebook_page")
    text = str(page.get("text", ""))
    quote = quote or (citation.quote if citation else "")
    body, found = highlight(text, quote) if quote else (escape(text), True)
    if citation is not None:
        title, number, validity = citation.title, citation.doc_number, citation.validity
        section = citation.section
    else:
        title, number = str(page.get("title", "")), str(page.get("doc_number", ""))
        validity, section = str(page.get("validity", "unknown")), ""
    head = (
        f'<div class="pq-pv-title">《{escape(title)}》<span class="pq-docno">{escape(number)}</span>'
        f"{validity_badge(validity)}</div>"
        f'<div class="pq-pv-meta">{page_label(printed, int(ebook) if ebook else None)}'
        + (f" · {escape(section)}" if section else "")
        + "</div>"
    )
    cite = escape(standard_citation(title, number, printed), quote=True)
    copy = f'<button class="pq-copy" data-copy="{cite}" title="copy the citation">复制引用</button>'
    missing = "" if found else notice_html("引文未能在本页逐字定位,原文如下。(Quote not located on this page.)")
    return (
        f'<div class="pq-pageview"><div class="pq-pv-head"><div>{head}</div>{copy}</div>{missing}'
        f'<div class="pq-pv-text">{body}</div></div>'
    )


def page_placeholder_html() -> str:
    return (
        '<div class="pq-pageview pq-pv-empty">点击回答下方的引用卡片,在此查看原文页面(引文以黄色标出)。'
        "<br><span>Click a source card to read the page, with the quote highlighted.</span></div>"
    )


# --- help-desk search --------------------------------------------------------------------------------


def search_results_html(hits: list[SearchHit], query: str) -> str:
    if not hits:
        return notice_html(f"没有找到与「{query}」相关的条文。试试换个说法,或取消“仅现行有效”。")
    rows = []
    for i, hit in enumerate(hits):
        c = hit.citation
        cite = escape(standard_citation(c.title, c.doc_number, c.printed_page), quote=True)
        rows.append(
            f'<tr class="pq-row" data-hit="{i}" title="点击查看原文页 · open the page">'
            f'<td class="pq-n">{i + 1}</td>'
            f'<td class="pq-doc"><div class="pq-title">《{escape(c.title)}》</div>'
            f'<div class="pq-docno">{escape(c.doc_number)}</div>{validity_badge(hit.validity or c.validity)}</td>'
            f'<td class="pq-sec">{escape(c.section)}</td>'
            f'<td class="pq-pg">第{c.printed_page}页<div class="pq-sub">电子书{c.ebook_page}</div></td>'
            f'<td class="pq-text"><div class="pq-clamp">{escape(hit.text)}</div></td>'
            f'<td class="pq-score">{hit.score:.3f}</td>'
            f'<td class="pq-act"><button class="pq-copy" data-copy="{cite}">复制引用</button></td></tr>'
        )
    head = (
        "<tr><th>#</th><th>文件 Document</th><th>条款 Section</th><th>页码 Page</th>"
        "<th>条文 Text</th><th>相关度</th><th></th></tr>"
    )
    count = f'<div class="pq-count">共 {len(hits)} 条结果 · 点击一行查看原文页</div>'
    table = f'<table class="pq-table pq-results"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
    return f'{count}<div class="pq-scroll">{table}</div>'


# --- documents ---------------------------------------------------------------------------------------


def documents_html(documents: Iterable[Mapping[str, Any]], as_of: str) -> str:
    rows = []
    for doc in documents:
        rows.append(
            f'<tr class="pq-row" data-doc="{int(doc.get("doc_no") or 0)}" title="点击查看条款目录 · open the outline">'
            f'<td class="pq-n">{escape(str(doc.get("doc_no", "")))}</td>'
            f'<td class="pq-title">{escape(str(doc.get("title", "")))}</td>'
            f'<td class="pq-nowrap">{escape(str(doc.get("doc_number", "")))}</td>'
            f'<td class="pq-nowrap">{escape(str(doc.get("issuer") or "—"))}</td>'
            f'<td class="pq-nowrap">{escape(str(doc.get("year") or "—"))}</td>'
            f"<td>{text_status_chip(doc.get('text_status'))}</td>"
            f'<td class="pq-nowrap">{_period(doc.get("effective_from"), doc.get("expires_on"))}</td>'
            f"<td>{validity_badge(doc.get('validity'))}</td></tr>"
        )
    head = (
        "<tr><th>#</th><th>文件名称 Title</th><th>文号</th><th>发文</th><th>年份</th><th>文本</th>"
        f'<th>施行 / 截止</th><th>效力<div class="pq-sub">截至 {escape(as_of)}</div></th></tr>'
    )
    table = f'<table class="pq-table pq-docs"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
    return f'<div class="pq-scroll">{table}</div>'


def _period(effective_from: object, expires_on: object) -> str:
    if not effective_from and not expires_on:
        return "—"
    return f'{escape(str(effective_from or "—"))}<div class="pq-sub">至 {escape(str(expires_on or "—"))}</div>'


def document_outline_html(doc: Mapping[str, Any]) -> str:
    """A document's metadata and its clause outline (headings indented by level, with their pages)."""
    status = doc.get("text_status")
    meta = (
        f'<div class="pq-pv-title">《{escape(str(doc.get("title", "")))}》'
        f'<span class="pq-docno">{escape(str(doc.get("doc_number", "")))}</span>'
        f"{validity_badge(doc.get('validity'))}{text_status_chip(status)}</div>"
        f'<div class="pq-pv-meta">发文 {escape(str(doc.get("issuer") or "—"))}'
        f" · {escape(str(doc.get('year') or '—'))}年"
        f" · 目录页 第{escape(str(doc.get('printed_start_page') or doc.get('printed_page') or '—'))}页"
        f" · 施行 {escape(str(doc.get('effective_from') or '—'))} · 截止 {escape(str(doc.get('expires_on') or '—'))}"
        "</div>"
    )
    clauses = doc.get("clauses") or doc.get("outline") or []
    if status == "toc_only" or not clauses:
        body = notice_html("汇编只收录了本文件的目录条目,没有正文,因此没有条款目录。(Listed in the TOC only.)")
    else:
        items = []
        for clause in clauses:
            level = int(clause.get("level") or 1)
            label = clause.get("heading") or (clause.get("path") or [""])[-1]
            marker = str(clause.get("marker", ""))
            if marker and not str(label).startswith(marker):
                label = f"{marker}{label}"
            pages = clause.get("printed_pages") or ([clause["printed_page"]] if clause.get("printed_page") else [])
            page = f'<span class="pq-sub">第{escape(",".join(str(p) for p in pages))}页</span>' if pages else ""
            items.append(f'<li class="pq-lv{min(max(level, 0), 5)}">{escape(str(label))}{page}</li>')
        body = f'<ul class="pq-outline">{"".join(items)}</ul>'
    partial = doc.get("text_ends_at")
    note = notice_html(f"本文件正文不完整:{partial}") if status == "partial" and partial else ""
    return f'<div class="pq-pageview">{meta}{note}{body}</div>'
