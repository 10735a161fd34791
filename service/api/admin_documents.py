"""The 文件管理 flow (admin): upload and preview what was read, confirm or edit the metadata, follow the
indexing job, list, delete or replace added documents.

Preview parses the file (in a worker process, with limits) into a staging slot and shows the metadata,
clause outline, per-page text and OCR confidence, plus where the document would go (the TOC entry it
fills, or the added document it duplicates). Confirming starts an indexing job under the index lock
and answers 202 at once; the job's state is polled.
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from filelock import BaseFileLock, Timeout
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from corpus.errors import LoadError
from corpus.loaders import AddedDocument, read_manifest
from corpus.models import TextStatus
from indexing import additions
from service.api.admin import busy
from service.api.deps import AdminDep, IndexLockDep, QADep, SettingsDep
from service.api.uploads import load_error, meta_from, read_upload
from service.errors import ApiError
from service.protocols import PolicyQA
from service.settings import Settings

router = APIRouter(prefix="/api/admin", tags=["admin"])
logger = logging.getLogger("policyqa.http")
_KEEP_JOBS = 50


class MetadataPublic(BaseModel):
    title: str
    doc_number: str = Field(description="文号, canonical (区办〔2024〕3号); empty when none was found")
    issuer: str
    year: int | None
    effective_from: date | None
    expires_on: date | None
    validity: str = Field(description="in_force / expired / not_yet_in_force / unknown, as of today.")
    validity_statement: str = Field(description="The closing-clause sentence the dates were read from.")


class PagePreview(BaseModel):
    page: int = Field(description="Page of the file (1-based).")
    printed_page: int = Field(description="The page's printed number (its own, or the file page).")
    chars: int
    ocr_confidence: float | None = Field(description="Mean OCR score 0-1; null for a text layer.")
    text: str


class OutlineItem(BaseModel):
    level: int
    marker: str
    heading: str
    section: str
    printed_pages: list[int]


class PlacementPublic(BaseModel):
    action: Literal["new", "fills_toc_entry", "duplicate", "held_in_full"]
    doc_no: int | None = Field(description="The document it would be (or that already holds the 文号).")
    title: str = ""
    message: str


class PreviewPublic(BaseModel):
    token: str = Field(description="Confirm with POST /api/admin/documents/staged/{token}.")
    file_name: str
    kind: str
    metadata: MetadataPublic
    placement: PlacementPublic
    pages: list[PagePreview]
    outline: list[OutlineItem]
    warnings: list[str]


class CommitRequest(BaseModel):
    title: str = Field(default="", max_length=300)
    doc_number: str = Field(default="", max_length=100, description="文号 in any bracket form")
    issuer: str = Field(default="", max_length=60)
    effective_from: str = Field(default="", max_length=20, description="ISO date or empty")
    expires_on: str = Field(default="", max_length=20, description="ISO date or empty")
    replace: bool = Field(default=False, description="Replace the added document that has the same 文号.")


class JobPublic(BaseModel):
    id: str
    kind: Literal["add", "delete"]
    state: Literal["indexing", "done", "failed"]
    stage: str = Field(description="What the job is doing now, in words for the clerk.")
    title: str
    doc_no: int | None = None
    started_at: float
    elapsed_s: float
    stats: dict[str, Any] = Field(default_factory=dict, description="Build stats when done.")
    error: dict[str, str] | None = None


class AddedPublic(BaseModel):
    doc_no: int
    title: str
    doc_number: str
    file: str
    added_at: str | None
    fills_toc_entry: bool


class _Job:
    def __init__(self, kind: Literal["add", "delete"], title: str, doc_no: int | None) -> None:
        self.id, self.kind, self.title, self.doc_no = uuid.uuid4().hex[:12], kind, title, doc_no
        self.state: Literal["indexing", "done", "failed"] = "indexing"
        self.stage = "排队中"
        self.started = time.time()
        self.finished: float | None = None
        self.stats: dict[str, Any] = {}
        self.error: dict[str, str] | None = None

    def public(self) -> JobPublic:
        elapsed = (self.finished or time.time()) - self.started
        return JobPublic(
            id=self.id,
            kind=self.kind,
            state=self.state,
            stage=self.stage,
            title=self.title,
            doc_no=self.doc_no,
            started_at=self.started,
            elapsed_s=round(elapsed, 2),
            stats=self.stats,
            error=self.error,
        )


class IngestJobs:
    """Indexing jobs run one at a time in a thread that holds the index lock; the last few are kept."""

    def __init__(self) -> None:
        self._jobs: dict[str, _Job] = {}
        self._guard = threading.Lock()

    def start(self, lock: BaseFileLock, job: _Job, work: Callable[[_Job], None]) -> _Job:
        """Run ``work`` in a thread that takes the index lock itself (a file lock is held per thread);
        index_busy (409) at once when another change holds it."""
        tried = threading.Event()
        busy_now = False

        def run() -> None:
            nonlocal busy_now
            try:
                lock.acquire(blocking=False)
            except Timeout:
                busy_now = True
                tried.set()
                return
            tried.set()
            try:
                work(job)
                job.state, job.stage = "done", "完成"
            except LoadError as exc:
                job.state, job.stage, job.error = "failed", "失败", {"code": exc.code, "message": str(exc)}
            except Exception as exc:  # the build failed: the manifest was restored, the old version serves
                logger.exception("indexing job %s failed", job.id)
                job.state, job.stage = "failed", "失败"
                job.error = {"code": "index_failed", "message": f"indexing failed, nothing was changed: {exc}"}
            finally:
                job.finished = time.time()
                lock.release()

        with self._guard:  # registered first, so a poll right after the 202 finds it
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-_KEEP_JOBS]:
                del self._jobs[old]
        threading.Thread(target=run, name=f"policyqa-ingest-{job.id}", daemon=True).start()
        tried.wait()
        if busy_now:
            with self._guard:
                self._jobs.pop(job.id, None)
            raise busy()
        return job

    def get(self, job_id: str) -> _Job | None:
        with self._guard:
            return self._jobs.get(job_id)


_jobs_guard = threading.Lock()


def ingest_jobs(request: Request) -> IngestJobs:
    with _jobs_guard:
        if getattr(request.app.state, "ingest_jobs", None) is None:
            request.app.state.ingest_jobs = IngestJobs()
    jobs: IngestJobs = request.app.state.ingest_jobs
    return jobs


JobsDep = Annotated[IngestJobs, Depends(ingest_jobs)]


def staging_dir(settings: Settings) -> Path:
    return settings.data_dir / "staging"


@router.post(
    "/documents/preview", status_code=201, response_model=PreviewPublic, summary="Read a file, show what was read"
)
async def preview_document(request: Request, _: AdminDep, qa: QADep, settings: SettingsDep) -> PreviewPublic:
    _form, data, name, suffix = await read_upload(request, settings.max_upload_bytes)
    with tempfile.TemporaryDirectory(prefix="policyqa-preview-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        stem = Path(name.replace("\\", "/")).stem[:60] or "upload"
        try:
            token, added = await run_in_threadpool(additions.stage, path, f"{stem}{suffix}", staging_dir(settings))
        except LoadError as exc:
            raise load_error(exc) from exc
    return _preview(token, name, suffix, added, qa, settings)


@router.post(
    "/documents/staged/{token}", status_code=202, response_model=JobPublic, summary="Confirm the metadata and index"
)
def commit_document(
    token: str, body: CommitRequest, _: AdminDep, qa: QADep, settings: SettingsDep, lock: IndexLockDep, jobs: JobsDep
) -> JobPublic:
    meta = meta_from(body.model_dump(exclude={"replace"}))
    staged = _staged(settings, token)

    def work(job: _Job) -> None:
        job.stage = "建立索引:分块、嵌入新条文、写入关键词与向量索引"
        document, _placement = additions.commit(
            staging_dir(settings), token, settings.added_dir, meta, body.replace, _recording(qa, job)
        )
        job.doc_no = document.doc_no

    return jobs.start(lock, _Job("add", body.title or staged.name, None), work).public()


@router.delete("/documents/staged/{token}", status_code=204, summary="Cancel a staged upload")
def cancel_staged(token: str, _: AdminDep, settings: SettingsDep) -> None:
    _staged(settings, token)
    additions.discard(staging_dir(settings), token)


@router.get("/jobs/{job_id}", response_model=JobPublic, summary="State of an indexing job")
def get_job(job_id: str, _: AdminDep, jobs: JobsDep) -> JobPublic:
    job = jobs.get(job_id)
    if job is None:
        raise ApiError(404, "unknown_job", f"no indexing job {job_id[:40]!r} (jobs are kept until restart)")
    return job.public()


@router.get("/documents", response_model=list[AddedPublic], summary="Documents added through uploads")
def list_added(_: AdminDep, qa: QADep, settings: SettingsDep) -> list[AddedPublic]:
    toc = {e.doc_no for e in qa.corpus.toc}
    return [
        AddedPublic(
            doc_no=int(e["doc_no"]),
            title=str(e.get("title", "")),
            doc_number=str(e.get("doc_number", "")),
            file=str(e["file"]),
            added_at=e.get("added_at"),
            fills_toc_entry=int(e["doc_no"]) in toc,
        )
        for e in read_manifest(settings.added_dir)
    ]


@router.delete("/documents/{doc_no}", status_code=202, response_model=JobPublic, summary="Delete an added document")
def delete_document(
    doc_no: int, _: AdminDep, qa: QADep, settings: SettingsDep, lock: IndexLockDep, jobs: JobsDep
) -> JobPublic:
    entry = next((e for e in read_manifest(settings.added_dir) if int(e["doc_no"]) == doc_no), None)
    if entry is None:
        raise ApiError(
            404, "not_added", f"document {doc_no} was not added through an upload; only those can be deleted"
        )

    def work(job: _Job) -> None:
        job.stage = "重建索引:移除该文件的条文"
        additions.delete(settings.added_dir, doc_no, _recording(qa, job))

    return jobs.start(lock, _Job("delete", str(entry.get("title", "")), doc_no), work).public()


def _recording(qa: PolicyQA, job: _Job) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        stats = dict(qa.rebuild())
        job.stats = {
            k: stats[k] for k in ("id", "chunks", "documents", "embedded", "from_cache", "seconds") if k in stats
        }
        return stats

    return build


def _staged(settings: Settings, token: str) -> Path:
    try:
        return additions.staged_file(staging_dir(settings), token)
    except additions.NotAdded as exc:
        raise ApiError(404, "unknown_upload", str(exc)) from exc


def _preview(
    token: str, name: str, suffix: str, added: AddedDocument, qa: PolicyQA, settings: Settings
) -> PreviewPublic:
    doc = added.document
    warnings = []
    if not doc.doc_number:
        warnings.append("没有在文件开头找到文号,请填写")
    if doc.dates.effective_from is None:
        warnings.append("没有读到施行日期,请核对")
    low = [i + 1 for i, p in enumerate(added.pages) if p.ocr_confidence is not None and p.ocr_confidence < 0.9]
    if low:
        warnings.append(f"第{'、'.join(map(str, low))}页识别置信度较低,请核对原文")
    if not any(c.level > 0 for c in doc.clauses):
        warnings.append("没有识别出条款编号(一、/(一)/1.),全文将作为一段索引")
    return PreviewPublic(
        token=token,
        file_name=name[:200],
        kind=suffix.lstrip("."),
        metadata=MetadataPublic(
            title=doc.title,
            doc_number=doc.doc_number,
            issuer=doc.issuer,
            year=doc.year,
            effective_from=doc.dates.effective_from,
            expires_on=doc.dates.expires_on,
            validity=doc.status(settings.today()).value,
            validity_statement=doc.dates.statement,
        ),
        placement=placement_of(doc.doc_number, qa, settings),
        pages=[
            PagePreview(
                page=page.ebook_page,
                printed_page=page.printed_page,
                chars=len(page.text),
                ocr_confidence=raw.ocr_confidence,
                text=page.text,
            )
            for page, raw in zip(added.source.pages, added.pages, strict=True)
        ],
        outline=[
            OutlineItem(
                level=c.level, marker=c.marker, heading=c.heading, section=c.section_path, printed_pages=c.printed_pages
            )
            for c in doc.clauses
        ],
        warnings=warnings,
    )


def placement_of(doc_number: str, qa: PolicyQA, settings: Settings) -> PlacementPublic:
    """Where a document with ``doc_number`` would go, in words."""
    added = {int(e["doc_no"]) for e in read_manifest(settings.added_dir)}
    try:
        placement = additions.place(qa.corpus, doc_number, added, replace=False)
    except additions.DuplicateDocument as exc:
        held = qa.corpus.document(exc.doc_no)
        title = held.title if held else ""
        if exc.replaceable:
            message = f"文号 {doc_number} 已作为第{exc.doc_no}号文件《{title}》添加:勾选替换后确认,或取消"
            return PlacementPublic(action="duplicate", doc_no=exc.doc_no, title=title, message=message)
        message = f"文号 {doc_number} 是汇编第{exc.doc_no}号文件《{title}》,汇编已收录其全文,不能再添加"
        return PlacementPublic(action="held_in_full", doc_no=exc.doc_no, title=title, message=message)
    if placement.takes_toc_entry is not None:
        entry = qa.corpus.document(placement.takes_toc_entry)
        partial = entry is not None and entry.text_status is TextStatus.PARTIAL
        return PlacementPublic(
            action="fills_toc_entry",
            doc_no=placement.doc_no,
            title=entry.title if entry else "",
            message=f"目录第{placement.doc_no}号文件"
            + ("(汇编只收录了部分正文)" if partial else "(汇编只有目录)")
            + ",确认后由本文件补全正文",
        )
    return PlacementPublic(action="new", doc_no=placement.doc_no, message=f"作为新文件第{placement.doc_no}号加入")
