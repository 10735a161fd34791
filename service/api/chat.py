"""POST /v1/chat/completions and GET /v1/models: the service as an OpenAI-compatible chat model.

The last user message is the question, earlier user/assistant messages the history (system messages
are ignored: the answerer's rules are not the client's to change). Citations are appended to the
answer text and given in an extra field `citations` (also `status` and `warnings`).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from pydantic import AfterValidator, BaseModel, Field, StrictBool

from service.api.ask import SSE_HEADERS, AskCreate, answer_question
from service.api.deps import MetricsDep, QADep, SettingsDep
from service.api.limits import check_history, checked_question, no_surrogate
from service.api.sse import sse_event, text_pieces
from service.errors import ApiError, error_body
from service.models import Answer, Citation, Turn

router = APIRouter(prefix="/v1", tags=["openai"])
logger = logging.getLogger("policyqa.http")

MODEL_NAME = "policyqa"


class ContentPart(BaseModel):
    type: Literal["text"]
    text: str


class ChatMessage(BaseModel):
    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(part.text for part in self.content)
        return self.content or ""


class ChatCompletionCreate(BaseModel):
    """The OpenAI request; sampling parameters (temperature, max_tokens...) are accepted and ignored."""

    model: Annotated[str, AfterValidator(no_surrogate)] = Field(default=MODEL_NAME, max_length=200)
    messages: list[ChatMessage] = Field(min_length=1, max_length=200)
    stream: StrictBool = Field(default=False, description="true or false (JSON booleans only).")


class ChatMessagePublic(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class ChoicePublic(BaseModel):
    index: int = 0
    message: ChatMessagePublic
    finish_reason: Literal["stop"] = "stop"


class UsagePublic(BaseModel):
    """Character counts: the service has no tokenizer of its own."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletionPublic(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[ChoicePublic]
    usage: UsagePublic
    citations: list[Citation]
    status: str
    warnings: list[str]


class ModelPublic(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int = 0
    owned_by: str = "policyqa"


class ModelListPublic(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelPublic]


@router.get("/models", response_model=ModelListPublic, summary="The one model this service offers")
async def list_models() -> ModelListPublic:
    return ModelListPublic(data=[ModelPublic(id=MODEL_NAME)])


@router.post(
    "/chat/completions",
    response_model=ChatCompletionPublic,
    summary="OpenAI-compatible chat completion (stream or not), with citations",
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def chat_completions(
    body: ChatCompletionCreate, qa: QADep, settings: SettingsDep, metrics: MetricsDep
) -> ChatCompletionPublic | StreamingResponse:
    ask = _conversation(body.messages, settings)
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    created = int(time.time())
    if body.stream:
        return StreamingResponse(
            _stream(completion_id, created, body.model, ask, qa, metrics),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
        )
    answer = await answer_question(qa, ask)
    metrics.observe_answer(answer.status.value, "/v1/chat/completions")
    content = with_sources(answer)
    prompt_chars = len(ask.question) + sum(len(t.content) for t in ask.history)
    return ChatCompletionPublic(
        id=completion_id,
        created=created,
        model=body.model,
        choices=[ChoicePublic(message=ChatMessagePublic(content=content))],
        usage=UsagePublic(
            prompt_tokens=prompt_chars, completion_tokens=len(content), total_tokens=prompt_chars + len(content)
        ),
        citations=answer.citations,
        status=answer.status.value,
        warnings=answer.warnings,
    )


def _conversation(messages: list[ChatMessage], settings: SettingsDep) -> AskCreate:
    turns = [m for m in messages if m.role in ("user", "assistant")]
    if not turns or turns[-1].role != "user":
        raise ApiError(422, "invalid_request", "the last user/assistant message must be the user's question")
    question = checked_question(turns[-1].text(), settings, field="question")
    # Chat clients resend the whole conversation: keep the latest turns rather than refuse a long chat.
    history = [Turn(role=m.role, content=m.text()) for m in turns[:-1]][-settings.max_history_turns :]
    history = [t for t in history if t.content.strip()]
    check_history(history, settings)
    return AskCreate(question=question, history=history)


async def _stream(
    completion_id: str, created: int, model: str, ask: AskCreate, qa: QADep, metrics: MetricsDep
) -> AsyncIterator[str]:
    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        body = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": model}
        return sse_event(None, {**body, "choices": [choice], **extra})

    yield chunk({"role": "assistant", "content": ""})
    try:
        answer = await answer_question(qa, ask)
    except ApiError as exc:
        yield sse_event(None, error_body(exc.code, exc.message))
        return
    except Exception:
        logger.exception("answering failed during a chat stream")
        yield sse_event(None, error_body("internal_error", "the service failed on this question; it is logged"))
        return
    metrics.observe_answer(answer.status.value, "/v1/chat/completions")
    for piece in text_pieces(with_sources(answer)):
        yield chunk({"content": piece})
    citations = [c.model_dump(mode="json") for c in answer.citations]
    yield chunk({}, "stop", citations=citations, status=answer.status.value, warnings=answer.warnings)
    yield sse_event(None, "[DONE]")


def with_sources(answer: Answer) -> str:
    """The answer followed by its numbered sources, so a plain chat client shows where each fact stands."""
    if not answer.citations:
        return answer.answer
    lines = [
        f"[{i}] 《{c.title}》({c.doc_number}) {c.section} 第{c.printed_page}页(电子书第{c.ebook_page}页)".replace(
            "  ", " "
        )
        for i, c in enumerate(answer.citations, start=1)
    ]
    return answer.answer.rstrip() + "\n\n来源:\n" + "\n".join(lines)
