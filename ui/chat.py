"""A conversation as the chat tab holds it, and how one turn is filled from the streaming API."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from service.models import Answer, AnswerStatus, Citation
from ui.client import ApiError, PolicyApi, StreamEvent

_ANSWER_STATUSES = {s.value for s in AnswerStatus}


@dataclass
class ChatTurn:
    """One question and its answer as far as it has arrived."""

    question: str
    answer: str = ""
    status: str = ""
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    progress: str = ""
    pending: bool = True
    error: str = ""
    rating: str = ""

    def fill(self, answer: Answer) -> None:
        self.answer = answer.answer
        self.status = answer.status.value
        self.citations = list(answer.citations)
        self.warnings = list(answer.warnings)


def history_of(turns: list[ChatTurn], max_turns: int) -> list[dict[str, str]]:
    """The finished turns as the API's history: user and assistant messages, the latest ``max_turns`` of them."""
    messages: list[dict[str, str]] = []
    for turn in turns:
        if turn.pending or turn.error or not turn.answer:
            continue
        messages.append({"role": "user", "content": turn.question})
        messages.append({"role": "assistant", "content": turn.answer})
    return messages[-max_turns:] if max_turns > 0 else []


def apply_event(turn: ChatTurn, event: StreamEvent) -> None:
    """Fold one server-sent event into ``turn``."""
    data = event.data
    match event.event:
        case "delta":
            turn.answer += _text_of(data)
        case "status":
            value = _text_of(data, keys=("status", "message", "stage"))
            if value in _ANSWER_STATUSES:
                turn.status = value
            else:
                turn.progress = value
        case "citations":
            items = data.get("citations", []) if isinstance(data, dict) else data
            turn.citations = [_citation(item) for item in items or [] if isinstance(item, dict)]
        case "warnings":
            items = data.get("warnings", []) if isinstance(data, dict) else data
            turn.warnings = [str(item) for item in items or []]
        case "error":
            error = data.get("error", data) if isinstance(data, dict) else data
            detail = _text_of(error, keys=("message",))
            turn.error = f"回答时出错:{detail}" if detail else "回答时出错。"
        case "done":
            if isinstance(data, dict) and "answer" in data and "status" in data:
                with contextlib.suppress(ValidationError):
                    turn.fill(Answer.model_validate(data))
            turn.pending = False


def run_turn(api: PolicyApi, turn: ChatTurn, history: list[dict[str, str]]) -> Iterator[ChatTurn]:
    """Fill ``turn`` from /api/ask/stream, yielding it after each event; fall back to /api/ask when streaming fails."""
    received = False
    try:
        for event in api.ask_stream(turn.question, history):
            received = True
            apply_event(turn, event)
            yield turn
    except ApiError as exc:
        if received or exc.code in {"unreachable", "timeout"} or exc.status == 422:
            turn.error = exc.message
        else:
            yield from _ask_once(api, turn, history)
    turn.pending = False
    turn.progress = ""
    if not turn.error and not turn.status:
        turn.status = AnswerStatus.ANSWERED.value if turn.answer else AnswerStatus.NOT_FOUND.value
    yield turn


def _ask_once(api: PolicyApi, turn: ChatTurn, history: list[dict[str, str]]) -> Iterator[ChatTurn]:
    turn.progress = "正在检索并组织回答…"
    yield turn
    try:
        turn.fill(api.ask(turn.question, history))
    except ApiError as exc:
        turn.error = exc.message


def _citation(item: dict[str, Any]) -> Citation:
    try:
        return Citation.model_validate(item)
    except ValidationError:
        return Citation(
            doc_no=int(item.get("doc_no") or 0),
            title=str(item.get("title", "")),
            doc_number=str(item.get("doc_number", "")),
            section=str(item.get("section", "")),
            printed_page=int(item.get("printed_page") or 0),
            ebook_page=int(item.get("ebook_page") or 0),
            quote=str(item.get("quote", "")),
            validity=str(item.get("validity", "unknown")),
        )


def _text_of(data: Any, keys: tuple[str, ...] = ("text", "delta", "content")) -> str:
    if isinstance(data, dict):
        for key in keys:
            if key in data:
                return str(data[key])
        return ""
    return "" if data is None else str(data)
