"""Every 4xx/5xx as JSON {"error": {"code", "message"}}, with a message a person can act on."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("policyqa.http")


class ApiError(Exception):
    """An error the API reports as such: HTTP status, a stable machine code and a human message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the JSON error shape."""
    app.add_exception_handler(ApiError, _api_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected_error)


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, exc.headers)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _status_code_name(exc.status_code)
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if exc.status_code == 400 and message == "There was an error parsing the body":
        message = "the request body could not be read: send UTF-8 JSON (or multipart/form-data for uploads)"
    elif exc.status_code == 404 and message == "Not Found":
        message = f"no route {request.method} {request.url.path}; the API is described at /docs"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}; the API is described at /docs"
    return error_response(exc.status_code, code, message, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    details = [_describe(error) for error in exc.errors()]
    message = "; ".join(f"{d['field']}: {d['message']}" if d["field"] else d["message"] for d in details)
    return JSONResponse(
        error_body("invalid_request", message or "the request is not valid", details=details), status_code=422
    )


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error", extra={"error_type": type(exc).__name__})
    return error_response(500, "internal_error", "the service failed on this request; it has been logged")


def _describe(error: Any) -> dict[str, str]:
    """One validation error without its input (it may be huge, binary or private)."""
    if error.get("type") == "json_invalid":
        return {"field": "", "message": "the request body is not valid JSON", "type": "json_invalid"}
    loc = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path", "header")]
    message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    return {"field": ".".join(loc), "message": message, "type": str(error.get("type", ""))}


def _status_code_name(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return f"http_{status}"


class JsonErrorBodies:
    """Every error response in the JSON error shape, those of a mounted app (the Gradio UI) included.

    The app's own handlers already answer so; a mounted app answers ``{"detail": ...}`` or plain text. Only
    responses of status >= 400 are buffered and rewritten; ``detail`` is kept for the mounted app's own client.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_json_errors(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start" and message["status"] >= 400:
                start = message
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                await _send_rewritten(send, start, b"".join(chunks), scope["method"] == "HEAD")

        await self.app(scope, receive, send_json_errors)


async def _send_rewritten(send: Send, start: Message, body: bytes, head: bool) -> None:
    headers = MutableHeaders(scope=start)
    content_type = headers.get("content-type", "")
    rewritten = _json_error(start["status"], body, content_type) if "text/event-stream" not in content_type else None
    if rewritten is not None:
        body = rewritten
        headers["content-type"] = "application/json"
        headers["content-length"] = str(len(body))
    await send(start)
    await send({"type": "http.response.body", "body": b"" if head else body})


def _json_error(status: int, body: bytes, content_type: str) -> bytes | None:
    """The error shape for ``body``, or None when it has it already."""
    detail: Any = None
    if content_type.startswith("application/json"):
        try:
            decoded = json.loads(body)
        except ValueError:
            decoded = None
        if isinstance(decoded, dict) and isinstance(decoded.get("error"), dict):
            return None
        detail = decoded.get("detail") if isinstance(decoded, dict) else None
    message = detail if isinstance(detail, str) and detail else _phrase(status)
    extra = {"detail": detail} if detail is not None else {}
    return json.dumps({**error_body(_status_code_name(status), message), **extra}, ensure_ascii=False).encode()


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"
