"""Admin routes behind the X-API-Key header: upload a document (indexed incrementally), rebuild the index."""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from filelock import BaseFileLock, Timeout
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.types import Message

from corpus.loaders import DocumentMeta, LoadError
from service.api.deps import AdminDep, IndexLockDep, QADep, SettingsDep
from service.api.documents import DocumentPublic, document_public
from service.errors import ApiError

router = APIRouter(prefix="/api", tags=["admin"])
logger = logging.getLogger("policyqa.http")

_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the metadata fields around the file
_META_FIELDS = ("title", "doc_number", "effective_from", "expires_on")
_T = TypeVar("_T")

_UPLOAD_SCHEMA: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "PDF, UTF-8 TXT or Markdown"},
                        "title": {"type": "string"},
                        "doc_number": {"type": "string", "description": "文号, e.g. 区办〔2024〕3号"},
                        "effective_from": {"type": "string", "format": "date"},
                        "expires_on": {"type": "string", "format": "date"},
                    },
                }
            }
        },
    }
}


class RebuildPublic(BaseModel):
    stats: dict[str, Any]


@router.post(
    "/documents",
    status_code=201,
    response_model=DocumentPublic,
    summary="Add a PDF/TXT/Markdown document and index it (admin)",
    openapi_extra=_UPLOAD_SCHEMA,
    responses={
        400: {"description": "Unreadable file"},
        413: {"description": "Too large"},
        415: {"description": "Not PDF/TXT"},
    },
)
async def upload_document(
    request: Request, _: AdminDep, qa: QADep, settings: SettingsDep, lock: IndexLockDep
) -> DocumentPublic:
    # The form is parsed here, after the key check, so no one without the key can make the server spool a body.
    form = await _read_form(request, settings.max_upload_bytes)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(400, "missing_file", "send the document as the multipart/form-data field `file`")
    data = await upload.read()
    if len(data) > settings.max_upload_bytes:
        raise _too_large(settings.max_upload_bytes)
    suffix = _kind_of(data, upload.filename or "")
    meta = _meta_of(form)
    with tempfile.TemporaryDirectory(prefix="policyqa-upload-") as tmp:
        path = Path(tmp) / f"{_safe_stem(upload.filename or '')}{suffix}"
        path.write_bytes(data)
        try:
            doc = await run_in_threadpool(_locked, lock, qa.add_document, path, meta)
        except LoadError as exc:
            raise ApiError(400, "unreadable_document", f"the file could not be added: {exc}") from exc
    logger.info("document added", extra={"doc_no": doc.doc_no, "bytes": len(data)})
    return document_public(doc, settings.today())


@router.post("/index/rebuild", response_model=RebuildPublic, summary="Rebuild the whole index and switch to it (admin)")
async def rebuild_index(_: AdminDep, qa: QADep, lock: IndexLockDep) -> RebuildPublic:
    stats = await run_in_threadpool(_locked, lock, qa.rebuild)
    logger.info("index rebuilt")
    return RebuildPublic(stats=stats)


def _locked(lock: BaseFileLock, fn: Callable[..., _T], *args: Any) -> _T:
    """Index changes one at a time per data dir (across workers and replicas); a second one is refused
    rather than queued behind a minute-long build."""
    try:
        lock.acquire(blocking=False)
    except Timeout:
        raise ApiError(
            409, "index_busy", "another upload or rebuild is running; try again when it has finished"
        ) from None
    try:
        return fn(*args)
    finally:
        lock.release()


async def _read_form(request: Request, max_bytes: int) -> FormData:
    limit = max_bytes + _FORM_OVERHEAD
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(max_bytes)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(max_bytes)
        chunks.append(chunk)
    body = b"".join(chunks)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return await Request(request.scope, replay).form(max_files=1, max_fields=len(_META_FIELDS), max_part_size=16 * 1024)


def _too_large(max_bytes: int) -> ApiError:
    return ApiError(
        413, "upload_too_large", f"uploads are limited to {max_bytes // (1024 * 1024)} MB ({max_bytes} bytes)"
    )


def _kind_of(data: bytes, filename: str) -> str:
    """The file's type from its content (never its name alone): .pdf, or .txt/.md for UTF-8 text."""
    if data.startswith(b"%PDF-"):
        return ".pdf"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text:
        raise ApiError(
            415, "unsupported_file", "only PDF files (content starting with %PDF-) and UTF-8 text can be added"
        )
    if not text.strip():
        raise ApiError(400, "empty_file", "the file is empty")
    return ".md" if filename.lower().endswith((".md", ".markdown")) else ".txt"


def _meta_of(form: FormData) -> DocumentMeta:
    values = {}
    for name in _META_FIELDS:
        value = form.get(name)
        if value is not None and not isinstance(value, str):
            raise ApiError(422, "invalid_request", f"{name} must be a text field, not a file")
        values[name] = (value or "").strip()
    return DocumentMeta(
        title=values["title"][:300],
        doc_number=values["doc_number"][:100],
        effective_from=_date(values["effective_from"], "effective_from"),
        expires_on=_date(values["expires_on"], "expires_on"),
    )


def _date(value: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ApiError(422, "invalid_request", f"{name} must be a date like 2024-01-31, not {value[:40]!r}") from exc


def _safe_stem(filename: str) -> str:
    # only the last path component, and only plain characters: the name is used for a file on disk
    stem = Path(filename.replace("\\", "/")).stem
    return re.sub(r"[^\w\-]+", "_", stem).strip("._")[:60] or "upload"
