"""The Gradio front end: chat with citation cards, help-desk search and the document list, all over the HTTP API."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from service.models import Citation, SearchHit
from service.settings import Settings
from ui import calculator, render
from ui.chat import ChatTurn, history_of, run_turn
from ui.client import DEFAULT_BASE_URL, ApiError, PolicyApi
from ui.documents_admin import documents_admin_tab

EXAMPLES = [
    "总部企业的认定条件是什么?",
    "上市奖励多少?",
    "专精特新小巨人奖励多少?",
    "我们去年营收12亿,能拿哪些奖励?",
    "How much is the listing award for HQ companies?",
    "哪些政策已经失效了?",
]
_CSS = (Path(__file__).parent / "style.css").read_text(encoding="utf-8")

# Clicks inside the HTML panels become Gradio events (trigger) or are handled in the page (copying).
_COPY_JS = """
function pqCopy(btn) {
  const text = btn.dataset.copy, label = btn.textContent;
  const done = () => { btn.textContent = '已复制 ✓'; setTimeout(() => { btn.textContent = label; }, 1500); };
  const fallback = () => {
    const area = document.createElement('textarea');
    area.value = text; area.style.position = 'fixed'; area.style.opacity = '0';
    document.body.appendChild(area); area.select();
    try { document.execCommand('copy'); done(); } finally { area.remove(); }
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
  else fallback();
}
function pqActivate(el, selector) {
  element.querySelectorAll(selector + '.pq-active').forEach(x => x.classList.remove('pq-active'));
  el.classList.add('pq-active');
}
"""
_CHAT_JS = (
    _COPY_JS
    + """
element.addEventListener('click', (e) => {
  const fb = e.target.closest('.pq-fb');
  if (fb) { trigger('feedback', {turn: +fb.dataset.turn, rating: fb.dataset.rating}); return; }
  const c = e.target.closest('[data-cite]');
  if (c) {
    const card = element.querySelector(`.pq-card[data-turn="${c.dataset.turn}"][data-cite="${c.dataset.cite}"]`);
    if (card) pqActivate(card, '.pq-card');
    trigger('cite', {turn: +c.dataset.turn, cite: +c.dataset.cite});
  }
});
element.addEventListener('keydown', (e) => {
  const c = e.target.closest('.pq-card');
  if (c && e.key === 'Enter') c.click();
});
"""
)
_PAGE_JS = (
    _COPY_JS
    + """
element.addEventListener('click', (e) => {
  const copy = e.target.closest('.pq-copy');
  if (copy) pqCopy(copy);
});
"""
)
_RESULTS_JS = (
    _COPY_JS
    + """
element.addEventListener('click', (e) => {
  const copy = e.target.closest('.pq-copy');
  if (copy) { pqCopy(copy); return; }
  const row = e.target.closest('[data-hit]');
  if (row) { pqActivate(row, '.pq-row'); trigger('open', {hit: +row.dataset.hit}); }
});
"""
)
_DOCS_JS = (
    _COPY_JS
    + """
element.addEventListener('click', (e) => {
  const row = e.target.closest('[data-doc]');
  if (row) { pqActivate(row, '.pq-row'); trigger('open', {doc_no: +row.dataset.doc}); }
});
"""
)
_HEADER = (
    '<div class="pq-header"><h1>滨江产业政策问答</h1>'
    '<span class="pq-sub">《产业政策汇编》31 份文件 · 每个回答注明文件、文号和页码 · '
    "Binjiang industrial-policy Q&amp;A with page-exact citations</span></div>"
)


def resolve_base_url(configured: str, request: gr.Request | None) -> str:
    """The API's base URL: from settings, else the server this UI is mounted in, else the default port."""
    if configured:
        return configured.rstrip("/")
    raw = getattr(request, "request", None) if request is not None else None
    scope = getattr(raw, "scope", None) or {}
    server = scope.get("server")
    if server and server[0] and server[1]:
        host = str(server[0])
        host = "127.0.0.1" if host in {"0.0.0.0", ""} else (f"[{host}]" if ":" in host else host)
        return f"{scope.get('scheme', 'http')}://{host}:{server[1]}"
    return DEFAULT_BASE_URL


def build_ui(settings: Settings) -> gr.Blocks:
    """The whole UI; mount it with ``gradio.mount_gradio_app(app, build_ui(settings), path="/")``."""

    def api(request: gr.Request | None) -> PolicyApi:
        browser = getattr(getattr(request, "client", None), "host", None)
        return PolicyApi(resolve_base_url(settings.api_base_url, request), forwarded_for=browser)

    with gr.Blocks(title="滨江产业政策问答 · policyqa", fill_width=True, analytics_enabled=False) as demo:
        gr.HTML(f"<style>{_CSS}</style>{_HEADER}", js_on_load=None, padding=False)
        with gr.Tabs():
            with gr.Tab("政策问答 Chat", id="chat"):
                _chat_tab(settings, api)
            with gr.Tab("查条文 Search", id="search"):
                doc_filter = _search_tab(api)
            with gr.Tab("政策文件 Documents", id="documents"):
                docs_table = _documents_tab(settings, api)
            calculator.add_tab(settings, api)
            with gr.Tab("文件管理 Admin", id="admin"):
                documents_admin_tab(api)

        def load_documents(request: gr.Request) -> tuple[str, Any]:
            try:
                docs = api(request).documents()
            except ApiError as exc:
                return render.error_html(exc.message), gr.update()
            choices: list[tuple[str, int]] = [("全部文件 All documents", 0)]
            choices += [(f"{d.get('doc_no')}. {d.get('title', '')}", int(d.get("doc_no") or 0)) for d in docs]
            return render.documents_html(docs, settings.today().isoformat()), gr.update(choices=choices, value=0)

        demo.load(load_documents, outputs=[docs_table, doc_filter], show_progress="hidden")
    return demo


def mount_ui(app: Any, settings: Settings, path: str = "/") -> Any:
    """Mount the UI on a FastAPI app (gradio.mount_gradio_app with the UI's footer settings)."""
    return gr.mount_gradio_app(app, build_ui(settings), path=path, footer_links=[])


# --- chat ------------------------------------------------------------------------------------------------


def _chat_tab(settings: Settings, api: Any) -> gr.HTML:
    turns = gr.State([])
    pending_feedback = gr.State(None)
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=420):
            chat = gr.HTML(
                render.conversation_html([]),
                js_on_load=_CHAT_JS,
                elem_id="pq-chat",
                max_height=640,
                autoscroll=True,
                container=True,
                padding=True,
            )
            with gr.Row():
                question = gr.Textbox(
                    placeholder="输入问题,例如:总部企业的认定条件是什么?(Ask in Chinese or English)",
                    show_label=False,
                    lines=1,
                    max_lines=4,
                    scale=6,
                    elem_id="pq-question",
                    autofocus=True,
                )
                send = gr.Button("发送 Ask", variant="primary", scale=1, min_width=90, elem_id="pq-send")
                new = gr.Button("新对话 New", variant="secondary", scale=1, min_width=90, elem_id="pq-new")
            with gr.Row(elem_id="pq-examples"):
                gr.HTML('<span class="pq-sub">示例 Examples:</span>', js_on_load=None, elem_id="pq-examples-label")
                examples = [gr.Button(q, size="sm", variant="secondary") for q in EXAMPLES]
            with gr.Group(visible=False, elem_id="pq-feedback-box") as feedback_box:
                feedback_title = gr.Markdown()
                with gr.Row():
                    comment = gr.Textbox(
                        placeholder="补充说明(可选)· optional comment", show_label=False, scale=5, lines=1
                    )
                    submit = gr.Button("提交反馈", variant="primary", scale=1, min_width=90)
                    cancel = gr.Button("取消", scale=1, min_width=60)
        with gr.Column(scale=2, min_width=340):
            page = gr.HTML(render.page_placeholder_html(), js_on_load=_PAGE_JS, elem_id="pq-page-chat")

    def ask(text: str, state: list[ChatTurn], request: gr.Request) -> Iterator[tuple[Any, list[ChatTurn], str]]:
        text = (text or "").strip()
        if not text:
            yield gr.update(), state, render.conversation_html(state)
            return
        history = history_of(state, settings.max_history_turns)
        turn = ChatTurn(question=text)
        state = [*state, turn]
        yield "", state, render.conversation_html(state)
        last = 0.0
        for _ in run_turn(api(request), turn, history):
            # re-rendering the whole conversation per token is wasteful; a few frames a second reads as streaming
            if turn.pending and time.monotonic() - last < 0.08:
                continue
            last = time.monotonic()
            yield "", state, render.conversation_html(state)
        yield "", state, render.conversation_html(state)

    outputs = [question, turns, chat]
    send.click(ask, [question, turns], outputs)
    question.submit(ask, [question, turns], outputs)
    for button, text in zip(examples, EXAMPLES, strict=True):
        button.click(_constant(text), outputs=question).then(ask, [question, turns], outputs)
    new.click(
        lambda: ([], render.conversation_html([]), render.page_placeholder_html(), "", gr.update(visible=False)),
        outputs=[turns, chat, page, question, feedback_box],
    )

    def open_citation(state: list[ChatTurn], evt: gr.EventData, request: gr.Request) -> str:
        data = getattr(evt, "_data", None) or {}
        try:
            citation = state[int(data["turn"])].citations[int(data["cite"])]
        except (KeyError, IndexError, TypeError, ValueError):
            return render.error_html("找不到这条引用,请重新提问。")
        return _page_html(api(request), citation)

    chat.cite(open_citation, [turns], page)

    def start_feedback(evt: gr.EventData) -> tuple[Any, Any, Any]:
        data = getattr(evt, "_data", None) or {}
        rating = "up" if data.get("rating") == "up" else "down"
        label = "✓ 有帮助" if rating == "up" else "✗ 没帮助"
        title = f"**对第 {int(data.get('turn', 0)) + 1} 个回答的反馈:{label}** — 可补充说明后提交"
        return {"turn": int(data.get("turn", 0)), "rating": rating}, gr.update(visible=True), title

    chat.feedback(start_feedback, None, [pending_feedback, feedback_box, feedback_title])

    def send_feedback(
        pending: dict[str, Any] | None, note: str, state: list[ChatTurn], request: gr.Request
    ) -> tuple[Any, ...]:
        if not pending or pending["turn"] >= len(state):
            return state, gr.update(), gr.update(visible=False), ""
        turn = state[pending["turn"]]
        citations = [c.model_dump() for c in turn.citations]
        try:
            api(request).feedback(pending["rating"], note or "", turn.question, turn.answer, citations)
        except ApiError as exc:
            gr.Warning(f"反馈未能提交:{exc.message}")
            return state, gr.update(), gr.update(visible=True), note
        turn.rating = pending["rating"]
        gr.Info("感谢反馈!Thanks for the feedback.")
        return state, render.conversation_html(state), gr.update(visible=False), ""

    submit.click(send_feedback, [pending_feedback, comment, turns], [turns, chat, feedback_box, comment])
    cancel.click(lambda: (None, gr.update(visible=False), ""), outputs=[pending_feedback, feedback_box, comment])
    return chat


def _constant(text: str) -> Any:
    return lambda: text


def _page_html(client: PolicyApi, citation: Citation) -> str:
    if not citation.doc_no or not citation.printed_page:
        return render.error_html("这条引用没有页码信息。")
    try:
        page = client.page(citation.doc_no, citation.printed_page)
    except ApiError as exc:
        return render.error_html(exc.message)
    return render.page_view_html(page, citation)


# --- help-desk search --------------------------------------------------------------------------------------


def _search_tab(api: Any) -> gr.Dropdown:
    hits_state = gr.State([])
    with gr.Row():
        query = gr.Textbox(
            placeholder="关键词或问题,例如:租房补贴、区办〔2023〕12号、上市奖励",
            show_label=False,
            scale=5,
            elem_id="pq-search-query",
        )
        doc_filter = gr.Dropdown(
            choices=[("全部文件 All documents", 0)],
            value=0,
            show_label=False,
            scale=3,
            elem_id="pq-search-doc",
        )
        in_force = gr.Checkbox(label="仅现行有效 In force only", value=False, scale=1, min_width=200)
        go = gr.Button("检索 Search", variant="primary", scale=1, min_width=90, elem_id="pq-search-go")
    with gr.Row(equal_height=False):
        with gr.Column(scale=5, min_width=620):
            results = gr.HTML(
                render.notice_html("输入关键词检索汇编中的条文;点击一行查看原文页,“复制引用”复制标准引用格式。"),
                js_on_load=_RESULTS_JS,
                elem_id="pq-results",
            )
        with gr.Column(scale=3, min_width=340):
            page = gr.HTML(render.page_placeholder_html(), js_on_load=_PAGE_JS, elem_id="pq-page-search")

    def search(text: str, doc_no: int | None, only_in_force: bool, request: gr.Request) -> tuple[list[SearchHit], str]:
        text = (text or "").strip()
        if not text:
            return [], render.notice_html("请输入要检索的关键词。")
        try:
            hits = api(request).search(text, doc_no=doc_no or None, in_force_only=only_in_force, limit=20)
        except ApiError as exc:
            return [], render.error_html(exc.message)
        return hits, render.search_results_html(hits, text)

    go.click(search, [query, doc_filter, in_force], [hits_state, results])
    query.submit(search, [query, doc_filter, in_force], [hits_state, results])

    def open_hit(hits: list[SearchHit], evt: gr.EventData, request: gr.Request) -> str:
        data = getattr(evt, "_data", None) or {}
        try:
            hit = hits[int(data["hit"])]
        except (KeyError, IndexError, TypeError, ValueError):
            return render.error_html("找不到这条结果,请重新检索。")
        citation = hit.citation
        quote = citation.quote or hit.text
        return _page_html(api(request), citation.model_copy(update={"quote": quote}))

    results.open(open_hit, [hits_state], page)
    return doc_filter


# --- documents ---------------------------------------------------------------------------------------------


def _documents_tab(settings: Settings, api: Any) -> gr.HTML:
    with gr.Row(equal_height=False):
        with gr.Column(scale=5, min_width=640):
            table = gr.HTML(render.notice_html("正在载入文件列表…"), js_on_load=_DOCS_JS, elem_id="pq-docs")
            refresh = gr.Button("刷新 Refresh", size="sm", variant="secondary")
        with gr.Column(scale=3, min_width=340):
            outline = gr.HTML(
                '<div class="pq-pageview pq-pv-empty">点击一份文件,查看其条款目录。<br>'
                "<span>Click a document to see its clause outline.</span></div>",
                elem_id="pq-outline",
            )

    def open_document(evt: gr.EventData, request: gr.Request) -> str:
        data = getattr(evt, "_data", None) or {}
        try:
            return render.document_outline_html(api(request).document(int(data["doc_no"])))
        except ApiError as exc:
            return render.error_html(exc.message)
        except (KeyError, TypeError, ValueError):
            return render.error_html("无法识别所选文件。")

    def reload(request: gr.Request) -> str:
        try:
            return render.documents_html(api(request).documents(), settings.today().isoformat())
        except ApiError as exc:
            return render.error_html(exc.message)

    table.open(open_document, None, outline)
    refresh.click(reload, None, table)
    return table
