"""POST /api/eligibility: a company profile against every policy fact; GET /api/facts: the facts themselves."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from service.answering.eligibility import CompanyProfile, FactVerdict, Verdict, check
from service.answering.facts import FactBook, PolicyFact
from service.api.deps import QADep, SettingsDep
from service.api.documents import unknown_document

router = APIRouter(prefix="/api", tags=["eligibility"])


class EligibilityCreate(BaseModel):
    profile: CompanyProfile = Field(
        description="What the company tells about itself; every field optional.",
        examples=[{"kinds": ["总部企业"], "industry": "软件和信息技术服务业", "revenue": "12亿", "star_rating": 4}],
    )
    as_of: date | None = Field(default=None, description="Judge validity on this date (today when omitted).")
    verdicts: list[Verdict] | None = Field(default=None, description="Only facts with these verdicts (all if omitted).")
    doc_no: int | None = Field(default=None, description="Only this document's facts.")


class EligibilityPublic(BaseModel):
    as_of: date
    counts: dict[str, int] = Field(description="How many facts the profile meets, fails and cannot decide.")
    results: list[FactVerdict] = Field(
        description="Met first (in force, largest amount first), then undecided, failed."
    )


class FactsPublic(BaseModel):
    count: int
    facts: list[PolicyFact]


def fact_book(request: Request) -> FactBook:
    """The app's facts cache (extracted again only when the corpus changes, e.g. after an upload)."""
    book: FactBook | None = getattr(request.app.state, "fact_book", None)
    if book is None:
        book = request.app.state.fact_book = FactBook()
    return book


@router.post("/eligibility", response_model=EligibilityPublic, summary="Which awards a company profile meets")
async def eligibility(body: EligibilityCreate, request: Request, qa: QADep, settings: SettingsDep) -> EligibilityPublic:
    if body.doc_no is not None and qa.corpus.document(body.doc_no) is None:
        raise unknown_document(body.doc_no, qa)
    as_of = body.as_of or settings.today()
    facts = await run_in_threadpool(fact_book(request).facts, qa.corpus)
    if body.doc_no is not None:
        facts = [f for f in facts if f.doc_no == body.doc_no]
    results = check(body.profile, facts, as_of)
    counts = {v.value: sum(r.verdict is v for r in results) for v in Verdict}
    if body.verdicts:
        results = [r for r in results if r.verdict in body.verdicts]
    return EligibilityPublic(as_of=as_of, counts=counts, results=results)


@router.get("/facts", response_model=FactsPublic, summary="Every award, subsidy and recognition as cited data")
async def list_facts(request: Request, qa: QADep, doc_no: int | None = None) -> FactsPublic:
    if doc_no is not None and qa.corpus.document(doc_no) is None:
        raise unknown_document(doc_no, qa)
    facts = await run_in_threadpool(fact_book(request).facts, qa.corpus)
    if doc_no is not None:
        facts = [f for f in facts if f.doc_no == doc_no]
    return FactsPublic(count=len(facts), facts=facts)
