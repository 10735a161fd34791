"""Input limits shared by the ask, search and chat routes (bounds come from settings)."""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import ApiError, error_response
from service.models import Turn
from service.settings import Settings

# Regular expressions scan in C: a body at the size limit costs milliseconds, not a second of event loop.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # category Cc, newline and tab kept


def has_surrogate(value: str) -> bool:
    """Whether ``value`` holds an unpaired surrogate (JSON can carry one; UTF-8 cannot encode it)."""
    return _SURROGATE.search(value) is not None


def clean_text(value: str) -> str:
    """Drop control characters (keeping newlines and tabs) and surrounding space; refuse unpaired surrogates."""
    if has_surrogate(value):
        raise ValueError("text holds an unpaired surrogate (invalid Unicode); send UTF-8 text")
    return _CONTROL.sub("", value).strip()


def no_surrogate(value: str) -> str:
    """A pydantic validator for text that is stored or echoed back as it is."""
    if has_surrogate(value):
        raise ValueError("text holds an unpaired surrogate (invalid Unicode); send UTF-8 text")
    return value


def checked_question(raw: str, settings: Settings, field: str = "question") -> str:
    """The question cleaned, or a JSON 422: its length is checked first (strip() only looks at the ends), so an
    oversized one costs nothing more; only a question within the limit is scanned character by character."""
    question = raw.strip()
    if len(question) > settings.max_question_chars:
        raise ApiError(
            422,
            f"{field}_too_long",
            f"{field} has {len(question)} characters; at most {settings.max_question_chars} are accepted",
        )
    try:
        question = clean_text(question)
    except ValueError as exc:
        raise ApiError(422, "invalid_text", f"{field}: {exc}") from exc
    if not question:
        raise ApiError(422, "invalid_request", f"{field}: must not be empty or only whitespace")
    return question


def check_history(history: list[Turn], settings: Settings) -> None:
    if len(history) > settings.max_history_turns:
        raise ApiError(
            422,
            "history_too_long",
            f"history has {len(history)} turns; at most {settings.max_history_turns} are accepted "
            "(send only the latest turns)",
        )
    for i, turn in enumerate(history):  # every length first, then the scans
        longest = history_turn_chars(settings, turn.role)
        if len(turn.content) > longest:
            raise ApiError(
                422,
                "history_turn_too_long",
                f"history[{i}] ({turn.role}) has {len(turn.content)} characters; at most {longest}",
            )
    for i, turn in enumerate(history):
        if has_surrogate(turn.content):
            raise ApiError(422, "invalid_text", f"history[{i}] holds an unpaired surrogate (invalid Unicode)")


def history_turn_chars(settings: Settings, role: str = "assistant") -> int:
    """A user turn was a question (the same limit: a short follow-up is answered with the previous question
    joined to it); an answer may be much longer (it carries quotes)."""
    return settings.max_question_chars * (10 if role == "assistant" else 1)


class BodySizeLimit:
    """Refuse a request body over ``max_bytes`` with a JSON 413 before a route buffers it all in memory.

    Uploads (``exempt_paths``) check their own, larger limit."""

    def __init__(self, app: ASGIApp, max_bytes: int, exempt_paths: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.exempt_paths = exempt_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.exempt_paths:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large()(scope, receive, send)
            return
        if not declared.isdigit():  # streamed without a length: read here, never more than the limit
            buffered: list[Message] = []
            size, more = 0, True
            while more:
                message = await receive()
                buffered.append(message)
                size += len(message.get("body", b""))
                if size > self.max_bytes:
                    await self._too_large()(scope, receive, send)
                    return
                more = message["type"] == "http.request" and message.get("more_body", False)

            async def replay() -> Message:
                return buffered.pop(0) if buffered else await receive()

            await self.app(scope, replay, send)
            return
        await self.app(scope, receive, send)

    def _too_large(self) -> ASGIApp:
        return error_response(413, "body_too_large", self._message())

    def _message(self) -> str:
        return f"request bodies are limited to {self.max_bytes} bytes (uploads: POST /api/documents)"


class UploadBudget:
    """The mounted UI's upload route (Gradio's ``…/gradio_api/upload``, open to anyone) stores at most ``budget``
    bytes in all (counted per process, from each request's declared length); 0 turns the route off (403)."""

    def __init__(self, app: ASGIApp, budget: int, path_suffix: str = "/gradio_api/upload") -> None:
        self.app = app
        self.budget = budget
        self.path_suffix = path_suffix
        self.used = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].endswith(self.path_suffix):
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(dict(scope["headers"]).get(b"content-length", b""))
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, declared: bytes) -> ASGIApp | None:
        if self.budget == 0:
            return error_response(403, "uploads_off", "the UI takes no file uploads (POLICYQA_UI_UPLOAD_BUDGET_BYTES)")
        if not declared.isdigit():
            return error_response(411, "length_required", "send uploads with a Content-Length header")
        size = int(declared)
        if self.used + size > self.budget:
            return error_response(
                507, "upload_budget_spent", f"the UI's upload budget ({self.budget} bytes) is spent; try again later"
            )
        self.used += size  # counted when accepted: a refused or failed upload still spent it (a bound, not a quota)
        return None
