"""Reading an admin upload: the multipart form (size-checked as it streams), its file type and metadata."""

from __future__ import annotations

from datetime import date

from fastapi import Request
from starlette.datastructures import FormData, UploadFile
from starlette.types import Message

from corpus.doc_numbers import DocNumberError, parse_doc_number
from corpus.errors import LoadError
from corpus.filetypes import kind_of
from corpus.loaders import DocumentMeta
from service.errors import ApiError

_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the metadata fields around the file
META_FIELDS = ("title", "doc_number", "issuer", "effective_from", "expires_on")
FORM_FIELDS = (*META_FIELDS, "replace")
_STATUS = {
    "unsupported_file": 415,
    "type_mismatch": 415,
    "document_too_large": 413,
    "parse_timeout": 422,
    "duplicate_doc_number": 409,
}


def load_error(exc: LoadError) -> ApiError:
    """A loader's refusal as a JSON 4xx with its stable code."""
    return ApiError(_STATUS.get(exc.code, 400), exc.code, f"the file could not be added: {exc}")


async def read_upload(request: Request, max_bytes: int) -> tuple[FormData, bytes, str, str]:
    """(form, file bytes, file name, suffix from the content) of a multipart upload with a field ``file``."""
    form = await _read_form(request, max_bytes)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(400, "missing_file", "send the document as the multipart/form-data field `file`")
    data = await upload.read()
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    name = upload.filename or "upload"
    try:
        suffix = kind_of(data, name)
    except LoadError as exc:
        raise load_error(exc) from exc
    return form, data, name, suffix


async def _read_form(request: Request, max_bytes: int) -> FormData:
    limit = max_bytes + _FORM_OVERHEAD
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large(max_bytes)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(max_bytes)
        chunks.append(chunk)
    body = b"".join(chunks)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return await Request(request.scope, replay).form(max_files=1, max_fields=len(FORM_FIELDS), max_part_size=16 * 1024)


def too_large(max_bytes: int) -> ApiError:
    return ApiError(
        413, "upload_too_large", f"uploads are limited to {max_bytes // (1024 * 1024)} MB ({max_bytes} bytes)"
    )


def form_text(form: FormData, name: str) -> str:
    value = form.get(name)
    if value is not None and not isinstance(value, str):
        raise ApiError(422, "invalid_request", f"{name} must be a text field, not a file")
    return (value or "").strip()


def meta_from(values: dict[str, str]) -> DocumentMeta:
    """Confirmed metadata: the 文号 in its canonical form (any bracket form accepted), dates as ISO dates."""
    return DocumentMeta(
        title=values.get("title", "")[:300],
        doc_number=doc_number(values.get("doc_number", "")),
        issuer=values.get("issuer", "")[:60],
        effective_from=parse_date(values.get("effective_from", ""), "effective_from"),
        expires_on=parse_date(values.get("expires_on", ""), "expires_on"),
    )


def doc_number(value: str) -> str:
    if not value.strip():
        return ""
    try:
        return parse_doc_number(value[:100])
    except DocNumberError as exc:
        raise ApiError(422, "invalid_doc_number", str(exc)) from exc


def parse_date(value: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ApiError(422, "invalid_request", f"{name} must be a date like 2024-01-31, not {value[:40]!r}") from exc


def parse_flag(value: str, name: str) -> bool:
    """A strict boolean form field: true/false/1/0 (empty is false); anything else is a 422."""
    lowered = value.lower()
    if lowered in {"", "false", "0"}:
        return False
    if lowered in {"true", "1"}:
        return True
    raise ApiError(422, "invalid_request", f"{name} must be true or false, not {value[:20]!r}")
