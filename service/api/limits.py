"""Input limits shared by the ask, search and chat routes (bounds come from settings)."""

from __future__ import annotations

import unicodedata

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import ApiError, error_response
from service.models import Turn
from service.settings import Settings


def clean_text(value: str) -> str:
    """Drop control characters (keeping newlines and tabs) and surrounding space; refuse unpaired surrogates."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValueError("text holds an unpaired surrogate (invalid Unicode); send UTF-8 text")
    kept = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return kept.strip()


def not_blank(value: str) -> str:
    """A pydantic validator: cleaned text that must not be empty."""
    cleaned = clean_text(value)
    if not cleaned:
        raise ValueError("must not be empty or only whitespace")
    return cleaned


def check_question(question: str, settings: Settings, field: str = "question") -> None:
    if len(question) > settings.max_question_chars:
        raise ApiError(
            422,
            f"{field}_too_long",
            f"{field} has {len(question)} characters; at most {settings.max_question_chars} are accepted",
        )


def check_history(history: list[Turn], settings: Settings) -> None:
    if len(history) > settings.max_history_turns:
        raise ApiError(
            422,
            "history_too_long",
            f"history has {len(history)} turns; at most {settings.max_history_turns} are accepted "
            "(send only the latest turns)",
        )
    longest = history_turn_chars(settings)
    for i, turn in enumerate(history):
        if any("\ud800" <= ch <= "\udfff" for ch in turn.content):
            raise ApiError(422, "invalid_text", f"history[{i}] holds an unpaired surrogate (invalid Unicode)")
        if len(turn.content) > longest:
            raise ApiError(
                422, "history_turn_too_long", f"history[{i}] has {len(turn.content)} characters; at most {longest}"
            )


def history_turn_chars(settings: Settings) -> int:
    """An answer in the history may be much longer than a question (it carries quotes)."""
    return settings.max_question_chars * 10


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
