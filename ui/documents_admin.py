"""The 文件管理 tab (behind the admin key): upload a policy file, check what was read (metadata, clause
outline, per-page text and OCR confidence), confirm or edit the metadata, follow the indexing job, and
delete or replace added documents. It talks to the admin routes of the HTTP API only.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import gradio as gr

from ui import render
from ui.client import ApiError, PolicyApi

FILE_TYPES = [".pdf", ".docx", ".html", ".htm", ".txt", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"]
_PLACEMENT_STYLE = {"new": "pq-ok", "fills_toc_entry": "pq-ok", "duplicate": "pq-warn", "held_in_full": "pq-bad"}
_STYLE = """<style>
.pq-admin-note{padding:8px 12px;border-radius:8px;margin:6px 0;font-size:14px}
.pq-admin-note.pq-ok{background:#ecfdf3;border:1px solid #abefc6}
.pq-admin-note.pq-warn{background:#fffaeb;border:1px solid #fedf89}
.pq-admin-note.pq-bad{background:#fef3f2;border:1px solid #fecdca}
.pq-admin-pages details{border:1px solid #e4e7ec;border-radius:8px;margin:6px 0;padding:6px 10px}
.pq-admin-pages summary{cursor:pointer;font-weight:600}
.pq-admin-pages pre{white-space:pre-wrap;font-family:inherit;font-size:13px;max-height:320px;overflow:auto;margin:6px 0}
.pq-conf{font-weight:400;color:#475467;margin-left:8px}.pq-conf.pq-low{color:#b42318}
.pq-progress{height:8px;background:#e4e7ec;border-radius:4px;overflow:hidden;margin-top:6px}
.pq-progress>div{height:100%;background:#1570ef;animation:pq-move 1.2s linear infinite;width:35%}
@keyframes pq-move{from{margin-left:-35%}to{margin-left:100%}}
</style>"""


class AdminApi(PolicyApi):
    """The admin routes of the 文件管理 flow, with the key in the X-API-Key header."""

    def __init__(self, base_url: str, key: str, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self._headers = {"X-API-Key": key}

    def preview(self, path: Path) -> dict[str, Any]:
        with path.open("rb") as handle:
            files = {"file": (path.name, handle.read())}
        return dict(self._request("POST", "/api/admin/documents/preview", files=files, headers=self._headers))

    def confirm(self, token: str, fields: dict[str, Any]) -> dict[str, Any]:
        path = f"/api/admin/documents/staged/{token}"
        return dict(self._request("POST", path, json=fields, headers=self._headers))

    def cancel(self, token: str) -> None:
        self._request_empty("DELETE", f"/api/admin/documents/staged/{token}")

    def job(self, job_id: str) -> dict[str, Any]:
        return dict(self._request("GET", f"/api/admin/jobs/{job_id}", headers=self._headers))

    def added(self) -> list[dict[str, Any]]:
        return list(self._request("GET", "/api/admin/documents", headers=self._headers))

    def delete(self, doc_no: int) -> dict[str, Any]:
        return dict(self._request("DELETE", f"/api/admin/documents/{doc_no}", headers=self._headers))

    def _request_empty(self, method: str, path: str) -> None:
        try:
            self._request(method, path, headers=self._headers)
        except ApiError as exc:
            if exc.code != "bad_response":  # 204 has no JSON body
                raise


# --- rendering -------------------------------------------------------------------------------------------


def placement_html(preview: dict[str, Any]) -> str:
    placement = preview.get("placement") or {}
    style = _PLACEMENT_STYLE.get(str(placement.get("action")), "pq-warn")
    notes = "".join(f'<div class="pq-admin-note pq-warn">⚠ {escape(str(w))}</div>' for w in preview.get("warnings", []))
    head = (
        f'<div class="pq-admin-note">已读取 <b>{escape(str(preview.get("file_name", "")))}</b>'
        f" · 类型 {escape(str(preview.get('kind', '')).upper())} · 共 {len(preview.get('pages', []))} 页</div>"
    )
    return f'{head}<div class="pq-admin-note {style}">{escape(str(placement.get("message", "")))}</div>{notes}'


def pages_html(preview: dict[str, Any]) -> str:
    items: list[str] = []
    for page in preview.get("pages", []):
        confidence = page.get("ocr_confidence")
        if confidence is None:
            conf = '<span class="pq-conf">文字层</span>'
        else:
            low = " pq-low" if confidence < 0.9 else ""
            conf = f'<span class="pq-conf{low}">OCR 置信度 {confidence:.1%}</span>'
        items.append(
            f"<details{' open' if not items else ''}><summary>第{page.get('printed_page')}页"
            f"(文件第{page.get('page')}页 · {page.get('chars')} 字){conf}</summary>"
            f"<pre>{escape(str(page.get('text', '')))}</pre></details>"
        )
    return f'<div class="pq-admin-pages">{"".join(items)}</div>'


def outline_html(preview: dict[str, Any]) -> str:
    meta = preview.get("metadata") or {}
    pages = preview.get("pages") or [{}]
    return render.document_outline_html(
        {
            **meta,
            "outline": preview.get("outline", []),
            "text_status": "full",
            "printed_page": pages[0].get("printed_page"),
        }
    )


def job_html(job: dict[str, Any]) -> str:
    state = job.get("state")
    what = "添加" if job.get("kind") == "add" else "删除"
    title = escape(str(job.get("title") or ""))
    if state == "indexing":
        return (
            f'<div class="pq-admin-note">⏳ 正在{what}《{title}》:{escape(str(job.get("stage", "")))}'
            f" · 已用 {job.get('elapsed_s', 0):.0f} 秒"
            '<div class="pq-progress"><div></div></div></div>'
        )
    if state == "done":
        stats = job.get("stats") or {}
        figures = f"{stats.get('chunks', '—')} 个条文块,新嵌入 {stats.get('embedded', '—')} 个" if stats else ""
        return (
            f'<div class="pq-admin-note pq-ok">✓ 已{what}《{title}》(第{job.get("doc_no")}号文件),'
            f"用时 {job.get('elapsed_s', 0):.1f} 秒。索引已切换到新版本:{figures}。</div>"
        )
    error = job.get("error") or {}
    return f'<div class="pq-admin-note pq-bad">✗ {what}失败,索引未改变:{escape(str(error.get("message", "")))}</div>'


def added_html(documents: list[dict[str, Any]]) -> str:
    if not documents:
        return render.notice_html("还没有通过上传添加的文件。")
    rows = "".join(
        f'<tr><td class="pq-n">{int(d["doc_no"])}</td><td class="pq-title">{escape(str(d.get("title", "")))}</td>'
        f'<td class="pq-nowrap">{escape(str(d.get("doc_number", "")))}</td>'
        f"<td>{'补全目录条目' if d.get('fills_toc_entry') else '新增'}</td>"
        f'<td class="pq-nowrap">{escape(str(d.get("added_at") or "")[:16])}</td></tr>'
        for d in documents
    )
    head = "<tr><th>#</th><th>文件名称</th><th>文号</th><th>方式</th><th>添加时间</th></tr>"
    return f'<table class="pq-table"><thead>{head}</thead><tbody>{rows}</tbody></table>'


# --- the tab -----------------------------------------------------------------------------------------------


def documents_admin_tab(api: Callable[[gr.Request | None], PolicyApi]) -> None:
    """Build the tab inside an open ``gr.Tab``; ``api`` gives the (public) client for the request."""

    def admin(key: str, request: gr.Request | None) -> AdminApi:
        if not key.strip():
            raise ApiError("请先填写管理密钥(X-API-Key)。", "missing_api_key")
        return AdminApi(api(request).base_url, key.strip())

    gr.HTML(_STYLE, padding=False)
    token, job_id = gr.State(""), gr.State("")
    with gr.Row(equal_height=False):
        with gr.Column(scale=4, min_width=420):
            key = gr.Textbox(label="管理密钥 Admin key", type="password", elem_id="pq-admin-key")
            upload = gr.File(
                label="政策文件(PDF/扫描件/Word/网页/图片/TXT)", file_types=FILE_TYPES, elem_id="pq-admin-file"
            )
            read = gr.Button("读取文件 Read", variant="primary", elem_id="pq-admin-read")
            summary = gr.HTML(elem_id="pq-admin-summary")
            with gr.Group():
                title = gr.Textbox(label="标题 Title", elem_id="pq-admin-title")
                with gr.Row():
                    doc_number = gr.Textbox(label="文号(任意括号写法)", elem_id="pq-admin-docno")
                    issuer = gr.Textbox(label="发文 Issuer")
                with gr.Row():
                    effective = gr.Textbox(label="施行日期 (YYYY-MM-DD)")
                    expires = gr.Textbox(label="截止日期 (YYYY-MM-DD)")
                replace = gr.Checkbox(label="替换同文号的已添加文件 Replace", value=False)
            with gr.Row():
                confirm = gr.Button("确认并建立索引 Confirm", variant="primary", elem_id="pq-admin-confirm")
                cancel = gr.Button("取消 Cancel", variant="secondary")
            progress = gr.HTML(elem_id="pq-admin-progress")
        with gr.Column(scale=5, min_width=480), gr.Tabs():
            with gr.Tab("条款目录 Outline"):
                outline = gr.HTML(elem_id="pq-admin-outline")
            with gr.Tab("逐页文本 Pages"):
                pages = gr.HTML(elem_id="pq-admin-pages")
    with gr.Row():
        added = gr.HTML(elem_id="pq-admin-added")
    with gr.Row():
        refresh = gr.Button("刷新已添加文件", size="sm", variant="secondary")
        delete_no = gr.Number(label="要删除的文件号", value=None, precision=0)
        delete = gr.Button("删除 Delete", size="sm", variant="stop")
    timer = gr.Timer(1.0, active=False)

    def do_read(key_value: str, file: Any, request: gr.Request) -> tuple[Any, ...]:
        empty = ("", "", "", "", "", "", "", "", "")
        if file is None:
            return (render.error_html("请先选择一个文件。"), *empty[1:])
        try:
            shown = admin(key_value, request).preview(Path(file if isinstance(file, str) else file.name))
        except ApiError as exc:
            return (render.error_html(exc.message), *empty[1:])
        meta = shown["metadata"]
        return (
            placement_html(shown),
            outline_html(shown),
            pages_html(shown),
            shown["token"],
            meta["title"],
            meta["doc_number"],
            meta["issuer"],
            meta.get("effective_from") or "",
            meta.get("expires_on") or "",
        )

    def do_confirm(
        key_value: str,
        staged: str,
        title_value: str,
        number: str,
        issuer_value: str,
        effective_from: str,
        expires_on: str,
        replace_value: bool,
        request: gr.Request,
    ) -> tuple[str, str, Any]:
        if not staged:
            return render.error_html("请先读取一个文件。"), "", gr.update(active=False)
        fields = (title_value, number, issuer_value, effective_from, expires_on, replace_value)
        names = ("title", "doc_number", "issuer", "effective_from", "expires_on", "replace")
        body = dict(zip(names, fields, strict=True))
        try:
            job = admin(key_value, request).confirm(staged, body)
        except ApiError as exc:
            return render.error_html(exc.message), "", gr.update(active=False)
        return job_html(job), str(job["id"]), gr.update(active=True)

    def poll(key_value: str, current: str, request: gr.Request) -> tuple[str, Any, str, str]:
        if not current:
            return gr.skip(), gr.update(active=False), gr.skip(), gr.skip()
        try:
            job = admin(key_value, request).job(current)
        except ApiError as exc:
            return render.error_html(exc.message), gr.update(active=False), "", gr.skip()
        if job["state"] == "indexing":
            return job_html(job), gr.update(active=True), current, gr.skip()
        return job_html(job), gr.update(active=False), "", load_added(key_value, request)

    def do_cancel(key_value: str, staged: str, request: gr.Request) -> tuple[str, str, str, str]:
        if staged:
            try:
                admin(key_value, request).cancel(staged)
            except ApiError as exc:
                return render.error_html(exc.message), gr.skip(), gr.skip(), staged
        return render.notice_html("已取消,未作任何改动。"), "", "", ""

    def load_added(key_value: str, request: gr.Request) -> str:
        try:
            return added_html(admin(key_value, request).added())
        except ApiError as exc:
            return render.error_html(exc.message)

    def do_delete(key_value: str, doc_no: float | None, request: gr.Request) -> tuple[str, str, Any]:
        if not doc_no:
            return render.error_html("请填写要删除的文件号。"), "", gr.update(active=False)
        try:
            job = admin(key_value, request).delete(int(doc_no))
        except ApiError as exc:
            return render.error_html(exc.message), "", gr.update(active=False)
        return job_html(job), str(job["id"]), gr.update(active=True)

    read.click(do_read, [key, upload], [summary, outline, pages, token, title, doc_number, issuer, effective, expires])
    confirm.click(
        do_confirm, [key, token, title, doc_number, issuer, effective, expires, replace], [progress, job_id, timer]
    )
    timer.tick(poll, [key, job_id], [progress, timer, job_id, added])
    cancel.click(do_cancel, [key, token], [summary, outline, pages, token])
    refresh.click(load_added, [key], added)
    key.submit(load_added, [key], added)
    delete.click(do_delete, [key, delete_no], [progress, job_id, timer])
