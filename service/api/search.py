"""POST /api/search: ranked clauses with citation fields, for help-desk lookup."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field, StrictBool
from starlette.concurrency import run_in_threadpool

from service.api.deps import QADep, SettingsDep
from service.api.documents import unknown_document
from service.api.limits import checked_question
from service.models import SearchHit

router = APIRouter(prefix="/api", tags=["search"])


class SearchCreate(BaseModel):
    query: str = Field(examples=["上市奖励"], description="1 to max_question_chars characters after trimming.")
    doc_no: int | None = Field(default=None, description="Only this document (its number in /api/documents).")
    in_force_only: StrictBool = Field(default=False, description="Only documents in force today (true or false).")
    limit: int = Field(default=10, ge=1, le=50, description="Most hits returned.")


class SearchPublic(BaseModel):
    query: str
    hits: list[SearchHit]


@router.post("/search", response_model=SearchPublic, summary="Ranked clauses for a query, with filters")
async def search(body: SearchCreate, qa: QADep, settings: SettingsDep) -> SearchPublic:
    query = checked_question(body.query, settings, field="query")
    if body.doc_no is not None and qa.corpus.document(body.doc_no) is None:
        raise unknown_document(body.doc_no, qa)
    hits = await run_in_threadpool(
        lambda: qa.search(query, doc_no=body.doc_no, in_force_only=body.in_force_only, limit=body.limit)
    )
    return SearchPublic(query=query, hits=hits)
