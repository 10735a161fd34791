"""Every 4xx/5xx as JSON {"error": {"code", "message"}}, with a message a person can act on."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

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
