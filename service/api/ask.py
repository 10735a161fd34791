"""POST /api/ask and /api/ask/stream: a grounded answer with citations, whole or as server-sent events."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from service.api.deps import MetricsDep, QADep, SettingsDep
from service.api.limits import check_history, checked_question
from service.api.sse import sse_event, text_pieces
from service.errors import ApiError, error_body
from service.models import Answer, Turn
from service.protocols import PolicyQA

router = APIRouter(prefix="/api", tags=["ask"])
logger = logging.getLogger("policyqa.http")

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


class AskCreate(BaseModel):
    question: str = Field(
        description="The question, 1 to max_question_chars characters after trimming.",
        examples=["总部企业境内上市奖励多少?"],
    )
    history: list[Turn] = Field(
        default_factory=list, description="Earlier turns, oldest first (at most max_history_turns)."
    )


def _checked(body: AskCreate, settings: SettingsDep) -> AskCreate:
    question = checked_question(body.question, settings)
    check_history(body.history, settings)
    return AskCreate(question=question, history=body.history)


@router.post("/ask", response_model=Answer, summary="Answer a question with verified citations")
async def ask(body: AskCreate, qa: QADep, settings: SettingsDep, metrics: MetricsDep) -> Answer:
    answer = await answer_question(qa, _checked(body, settings))
    metrics.observe_answer(answer.status.value, "/api/ask")
    return answer


@router.post(
    "/ask/stream",
    response_class=StreamingResponse,
    summary="Answer as server-sent events: status, delta..., citations, warnings, done",
    responses={200: {"content": {"text/event-stream": {}}, "description": "The answer as server-sent events."}},
)
async def ask_stream(body: AskCreate, qa: QADep, settings: SettingsDep, metrics: MetricsDep) -> StreamingResponse:
    """Events, each `data:` one JSON object: `status` {"stage"} then `status` {"status", "rewritten_query"},
    `delta` {"text"} pieces that join into the answer, `citations` {"citations"}, `warnings` {"warnings"},
    `done` (the whole answer as /api/ask returns it); `error` {"error": {"code", "message"}} on failure."""
    checked = _checked(body, settings)

    async def events() -> AsyncIterator[str]:
        yield sse_event("status", {"stage": "retrieving", "message": "正在检索…"})
        try:
            answer = await answer_question(qa, checked)
        except ApiError as exc:
            yield sse_event("error", error_body(exc.code, exc.message))
            return
        except Exception:
            logger.exception("answering failed during a stream")
            yield sse_event("error", error_body("internal_error", "the service failed on this question; it is logged"))
            return
        metrics.observe_answer(answer.status.value, "/api/ask/stream")
        yield sse_event("status", {"status": answer.status.value, "rewritten_query": answer.rewritten_query})
        for piece in text_pieces(answer.answer):
            yield sse_event("delta", {"text": piece})
        yield sse_event("citations", {"citations": [c.model_dump(mode="json") for c in answer.citations]})
        yield sse_event("warnings", {"warnings": answer.warnings})
        yield sse_event("done", answer.model_dump(mode="json"))

    return StreamingResponse(events(), media_type="text/event-stream", headers=SSE_HEADERS)


async def answer_question(qa: PolicyQA, body: AskCreate) -> Answer:
    """Run the (synchronous, CPU-bound) core off the event loop; a store outage is a 503, not a 500."""
    try:
        return await run_in_threadpool(qa.ask, body.question, body.history)
    except (ConnectionError, TimeoutError) as exc:
        logger.warning("answering failed: %s", type(exc).__name__)
        raise ApiError(503, "store_unavailable", "the search index is not reachable right now; retry shortly") from exc
