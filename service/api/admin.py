"""Admin routes behind the X-API-Key header: upload a document in one step (indexed), rebuild the index.

The two-step flow of the 文件管理 tab (preview, confirm, progress, delete) is in admin_documents.py.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from filelock import BaseFileLock, Timeout
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from corpus.errors import LoadError
from corpus.loaders import read_pages
from indexing.additions import add_file
from service.api.deps import AdminDep, IndexLockDep, QADep, SettingsDep
from service.api.documents import DocumentPublic, document_public
from service.api.uploads import META_FIELDS, form_text, load_error, meta_from, parse_flag, read_upload
from service.errors import ApiError

router = APIRouter(prefix="/api", tags=["admin"])
logger = logging.getLogger("policyqa.http")
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
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "PDF (text or scanned), Word .docx, saved HTML page, PNG/JPEG/TIFF scan, "
                            "UTF-8 TXT or Markdown",
                        },
                        "title": {"type": "string"},
                        "doc_number": {"type": "string", "description": "文号 in any bracket form, e.g. 区办[2024]3号"},
                        "issuer": {"type": "string"},
                        "effective_from": {"type": "string", "format": "date"},
                        "expires_on": {"type": "string", "format": "date"},
                        "replace": {"type": "boolean", "description": "replace an added document with the same 文号"},
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
    summary="Add a document and index it (admin)",
    openapi_extra=_UPLOAD_SCHEMA,
    responses={
        400: {"description": "Unreadable or empty file"},
        409: {"description": "文号 already held, or the index is busy"},
        413: {"description": "Too large (bytes, pages, inflated size)"},
        415: {"description": "Unsupported type, or content not matching the file name"},
        422: {"description": "Bad metadata, or parsing took too long"},
    },
)
async def upload_document(
    request: Request, _: AdminDep, qa: QADep, settings: SettingsDep, lock: IndexLockDep
) -> DocumentPublic:
    # The form is parsed here, after the key check, so no one without the key can make the server spool a body.
    form, data, name, suffix = await read_upload(request, settings.max_upload_bytes)
    meta = meta_from({field: form_text(form, field) for field in META_FIELDS})
    replace = parse_flag(form_text(form, "replace"), "replace")
    with tempfile.TemporaryDirectory(prefix="policyqa-upload-") as tmp:
        path = Path(tmp) / f"{Path(name.replace(chr(92), '/')).stem[:60] or 'upload'}{suffix}"
        path.write_bytes(data)
        try:
            # parsed (and cached beside the file) before the index lock is taken: a slow scan blocks no one
            await run_in_threadpool(read_pages, path)
            doc, _placement = await run_in_threadpool(
                locked, lock, add_file, path, meta, settings.added_dir, replace, qa.rebuild
            )
        except LoadError as exc:
            raise load_error(exc) from exc
    logger.info("document added", extra={"doc_no": doc.doc_no, "bytes": len(data)})
    return document_public(qa.corpus.document(doc.doc_no) or doc, settings.today())


@router.post("/index/rebuild", response_model=RebuildPublic, summary="Rebuild the whole index and switch to it (admin)")
async def rebuild_index(_: AdminDep, qa: QADep, lock: IndexLockDep) -> RebuildPublic:
    stats = await run_in_threadpool(locked, lock, qa.rebuild)
    logger.info("index rebuilt")
    return RebuildPublic(stats=stats)


def locked(lock: BaseFileLock, fn: Callable[..., _T], *args: Any) -> _T:
    """Index changes one at a time per data dir (across workers and replicas); a second one is refused
    rather than queued behind a minute-long build."""
    try:
        lock.acquire(blocking=False)
    except Timeout:
        raise busy() from None
    try:
        return fn(*args)
    finally:
        lock.release()


def busy() -> ApiError:
    return ApiError(409, "index_busy", "another upload or rebuild is running; try again when it has finished")
