"""POST /api/search: ranked clauses with citation fields, for help-desk lookup."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import AfterValidator, BaseModel, Field
from starlette.concurrency import run_in_threadpool

from service.api.deps import QADep, SettingsDep
from service.api.documents import unknown_document
from service.api.limits import check_question, not_blank
from service.models import SearchHit

router = APIRouter(prefix="/api", tags=["search"])


class SearchCreate(BaseModel):
    query: Annotated[str, AfterValidator(not_blank)] = Field(examples=["上市奖励"])
    doc_no: int | None = Field(default=None, description="Only this document (its number in /api/documents).")
    in_force_only: bool = Field(default=False, description="Only documents in force today.")
    limit: int = Field(default=10, ge=1, le=50, description="Most hits returned.")


class SearchPublic(BaseModel):
    query: str
    hits: list[SearchHit]


@router.post("/search", response_model=SearchPublic, summary="Ranked clauses for a query, with filters")
async def search(body: SearchCreate, qa: QADep, settings: SettingsDep) -> SearchPublic:
    check_question(body.query, settings, field="query")
    if body.doc_no is not None and qa.corpus.document(body.doc_no) is None:
        raise unknown_document(body.doc_no, qa)
    hits = await run_in_threadpool(
        lambda: qa.search(body.query, doc_no=body.doc_no, in_force_only=body.in_force_only, limit=body.limit)
    )
    return SearchPublic(query=body.query, hits=hits)
