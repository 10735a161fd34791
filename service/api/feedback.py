"""POST /api/feedback (anyone) and GET /api/feedback (admin): ratings of answers, kept in SQLite."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool

from service.api.deps import AdminDep, FeedbackBudgetDep, FeedbackDep
from service.api.ratelimit import client_of
from service.feedback import FeedbackEntry
from service.models import Citation
from service.observability import request_id_var

router = APIRouter(prefix="/api/feedback", tags=["feedback"])

_RATINGS = {"up": 1, "+1": 1, "1": 1, "down": -1, "-1": -1}


class FeedbackCitation(Citation):
    """A citation sent back with a rating: bounded, since anyone may post feedback and it is kept."""

    title: str = Field(max_length=500)
    doc_number: str = Field(max_length=100)
    section: str = Field(max_length=1000)
    quote: str = Field(max_length=4000)
    validity: str = Field(default="unknown", max_length=40)


class FeedbackCreate(BaseModel):
    rating: Literal["up", "down", "+1", "-1", 1, -1] = Field(description="up / +1 helpful, down / -1 not helpful.")
    comment: str = Field(default="", max_length=4000)
    question: str = Field(default="", max_length=4000)
    answer: str = Field(default="", max_length=40000)
    citations: list[FeedbackCitation] = Field(default_factory=list, max_length=50)

    @field_validator("rating", mode="before")
    @classmethod
    def _not_a_bool(cls, value: object) -> object:
        if isinstance(value, bool):  # JSON true would otherwise pass as 1
            raise ValueError("rating must be up, down, +1 or -1")
        return value


class FeedbackPublic(BaseModel):
    id: int
    created_at: datetime
    rating: int = Field(description="+1 or -1.")
    comment: str
    question: str
    answer: str
    citations: list[Citation]
    request_id: str


@router.post("", status_code=201, response_model=FeedbackPublic, summary="Rate an answer")
async def add_feedback(
    body: FeedbackCreate, store: FeedbackDep, budget: FeedbackBudgetDep, request: Request
) -> FeedbackPublic:
    entry = FeedbackEntry(
        rating=_RATINGS[str(body.rating)],
        comment=body.comment,
        question=body.question,
        answer=body.answer,
        citations=body.citations,
        request_id=request_id_var.get(),
    )
    await run_in_threadpool(budget.admit, entry, client_of(request.scope))  # 429 / 507 over the budget
    record = await run_in_threadpool(store.add, entry)
    return FeedbackPublic(**record.model_dump())


@router.get("", response_model=list[FeedbackPublic], summary="Latest feedback, newest first (admin)")
async def list_feedback(
    _: AdminDep, store: FeedbackDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50
) -> list[FeedbackPublic]:
    records = await run_in_threadpool(store.recent, limit)
    return [FeedbackPublic(**r.model_dump()) for r in records]
