"""Dependencies of the routes, as Annotated aliases: settings, the QA core, stores, admin key."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from filelock import BaseFileLock

from service.errors import ApiError
from service.feedback import FeedbackStore
from service.observability import Metrics
from service.protocols import PolicyQA
from service.settings import Settings


def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def policy_qa(request: Request) -> PolicyQA:
    qa: PolicyQA = request.app.state.qa
    return qa


def feedback_store(request: Request) -> FeedbackStore:
    store: FeedbackStore = request.app.state.feedback
    return store


def app_metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


def index_lock(request: Request) -> BaseFileLock:
    lock: BaseFileLock = request.app.state.index_lock
    return lock


SettingsDep = Annotated[Settings, Depends(app_settings)]
QADep = Annotated[PolicyQA, Depends(policy_qa)]
FeedbackDep = Annotated[FeedbackStore, Depends(feedback_store)]
MetricsDep = Annotated[Metrics, Depends(app_metrics)]
IndexLockDep = Annotated[BaseFileLock, Depends(index_lock)]

_api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="The admin key (settings.admin_api_key)."
)


def require_admin(settings: SettingsDep, api_key: Annotated[str | None, Security(_api_key_header)]) -> None:
    """Let the request through only with the configured admin key, compared in constant time."""
    if settings.admin_api_key is None or not settings.admin_api_key.get_secret_value():
        raise ApiError(403, "admin_disabled", "admin routes are off: set POLICYQA_ADMIN_API_KEY to turn them on")
    if not api_key:
        raise ApiError(401, "missing_api_key", "send the admin key in the X-API-Key header")
    expected = settings.admin_api_key.get_secret_value().encode()
    if not hmac.compare_digest(api_key.encode(), expected):
        raise ApiError(401, "invalid_api_key", "the X-API-Key header does not match the admin key")


AdminDep = Annotated[None, Depends(require_admin)]
