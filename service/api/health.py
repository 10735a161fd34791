"""GET /health (the process is up), /ready (index loaded, store reachable) and /metrics (Prometheus)."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import BaseModel

from service.api.deps import MetricsDep, QADep
from service.errors import error_body

router = APIRouter(tags=["health"])
logger = logging.getLogger("policyqa.http")


class HealthPublic(BaseModel):
    status: str


class ReadyPublic(BaseModel):
    ready: bool
    components: dict[str, str]


@router.get("/health", response_model=HealthPublic, summary="Liveness: the process answers")
async def health() -> HealthPublic:
    return HealthPublic(status="ok")


@router.get(
    "/ready",
    response_model=ReadyPublic,
    summary="Readiness: index loaded and vector store reachable",
    responses={503: {"description": "Not ready: {ready: false, components, error}."}},
)
def ready(qa: QADep) -> ReadyPublic | JSONResponse:
    try:
        ok, components = qa.ready()
    except Exception as exc:  # a failing probe means not ready, never a 500
        logger.warning("readiness probe failed: %s", type(exc).__name__)
        ok, components = False, {"probe": f"failed: {type(exc).__name__}"}
    if ok:
        return ReadyPublic(ready=True, components=components)
    failing = ", ".join(f"{k}: {v}" for k, v in components.items()) or "unknown"
    body = error_body("not_ready", f"the service is not ready ({failing})")
    return JSONResponse({"ready": False, "components": components, **body}, status_code=503)


@router.get(
    "/metrics",
    response_class=PlainTextResponse,
    summary="Prometheus metrics: requests, latency histogram, answers by status",
)
def metrics(registry: MetricsDep) -> Response:
    # a plain def: the rendering (and, with several workers, reading their files) runs off the event loop
    return Response(registry.render(), media_type=CONTENT_TYPE_LATEST)
