"""create_app: the one place the HTTP service is put together from settings and the QA core."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI, Request
from starlette.routing import Match

from indexing.builder import index_change_lock
from indexing.embeddings import QUERY_CACHE_COUNTERS
from service.api import admin, admin_documents, ask, chat, documents, eligibility, feedback, health, search
from service.api.cors import ClosedCORSMiddleware
from service.api.feedback_budget import FeedbackBudget
from service.api.limits import BodySizeLimit, UploadBudget
from service.api.ratelimit import ClientLimits, RateLimitMiddleware
from service.errors import ApiError, JsonErrorBodies, install_error_handlers
from service.feedback import FeedbackStore
from service.observability import REQUEST_ID_HEADER, Metrics, RequestContextMiddleware
from service.protocols import PolicyQA
from service.settings import Settings

DESCRIPTION = (
    "Grounded answers over the Hangzhou Binjiang industrial-policy compilation: every answer cites document "
    '(title + 文号) and printed page. Errors are JSON `{"error": {"code", "message"}}`.'
)


UPLOAD_PATHS = frozenset({"/api/documents", "/api/admin/documents/preview"})


def create_app(settings: Settings, qa: PolicyQA) -> FastAPI:
    """The FastAPI app over ``qa``: routes, error shapes, request ids, metrics, CORS and the feedback store."""
    metrics = Metrics()
    for counter in QUERY_CACHE_COUNTERS:  # the embedding layer's counters, beside the HTTP ones
        metrics.registry.register(counter)
    app = FastAPI(title="policyqa", version="0.1.0", description=DESCRIPTION, lifespan=_closing(qa, metrics))
    app.state.settings = settings
    app.state.qa = qa
    app.state.feedback = FeedbackStore(settings.database_target())
    app.state.metrics = metrics
    app.state.index_lock = index_change_lock(settings.index_dir)  # shared by every process on the data dir
    app.state.limits = ClientLimits(settings.rate_limits)
    app.state.feedback_budget = FeedbackBudget(app.state.feedback, app.state.limits, settings.feedback_budget_bytes)

    install_error_handlers(app)
    for module in (ask, search, documents, admin, admin_documents, feedback, chat, health, eligibility):
        app.include_router(module.router)
    _add_api_fallback(app)

    # uploads check their own, larger limit as they stream in
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_json_bytes, exempt_paths=UPLOAD_PATHS)
    app.add_middleware(UploadBudget, budget=settings.ui_upload_budget())
    app.add_middleware(RateLimitMiddleware, limits=app.state.limits, paths=RATE_LIMITED)
    # always installed, closed unless origins are configured: it also closes the routes of a mounted UI
    app.add_middleware(
        ClosedCORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type", "Authorization", "X-API-Key", REQUEST_ID_HEADER],
        expose_headers=[REQUEST_ID_HEADER],
    )
    app.add_middleware(JsonErrorBodies)  # a mounted UI's errors too
    app.add_middleware(RequestContextMiddleware, metrics=app.state.metrics)
    return app


def _closing(qa: PolicyQA, metrics: Metrics) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """On shutdown: stop the core's index watcher (a served LiveQA has one), close the database pool and,
    with several workers, take this one's live gauges out of the sum."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        close = getattr(qa, "close", None)
        if callable(close):
            close()
        app.state.feedback.close()
        metrics.process_exited()

    return lifespan


# POST routes counted per client before their bodies are read (feedback also has a byte budget)
RATE_LIMITED = {
    "/api/ask": "questions",
    "/api/ask/stream": "questions",
    "/api/search": "questions",
    "/v1/chat/completions": "questions",
    "/api/feedback": "feedback",
}


def _add_api_fallback(app: FastAPI) -> None:
    """Unknown paths under /api and /v1 get the JSON error, even when the UI is mounted at / behind them."""

    async def no_such_route(request: Request, path: str) -> None:
        scope = dict(request.scope, path=request.url.path)
        allowed = any(
            route.matches(scope)[0] is Match.PARTIAL
            for route in app.router.routes
            if getattr(route, "endpoint", None) is not no_such_route
        )
        if allowed:
            raise ApiError(405, "method_not_allowed", f"{request.method} is not allowed on {request.url.path}")
        raise ApiError(404, "not_found", f"no route {request.method} {request.url.path}; the API is listed at /docs")

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]
    for prefix in ("/api", "/v1"):
        app.add_api_route(f"{prefix}/{{path:path}}", no_such_route, methods=methods, include_in_schema=False)
