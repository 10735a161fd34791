"""Request ids, structured JSON logs and Prometheus metrics for the HTTP service."""

from __future__ import annotations

import contextvars
import json
import logging
import os
import re
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import error_body

REQUEST_ID_HEADER = "X-Request-ID"
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
logger = logging.getLogger("policyqa.http")

# A caller's own id is kept only when it is short and plain (it ends up in logs and headers).
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
_STANDARD_RECORD_FIELDS = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's copy of the message with terminal colours
}


_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED_ROUTE = "unmatched"


def multiprocess_dir() -> str | None:
    """The directory of prometheus_client's multiprocess mode, when the environment sets one."""
    return os.environ.get(MULTIPROC_ENV) or None


def prepare_multiprocess_dir(path: Path) -> None:
    """Set up prometheus_client's multiprocess mode for several worker processes (`serve --workers N`).

    Call it in the parent process before any worker starts: it empties ``path`` of a previous run's
    files and sets PROMETHEUS_MULTIPROC_DIR, which the workers inherit. prometheus_client reads that
    variable once, when it is first imported, so a worker that imported it before would keep
    per-process metrics and /metrics would show one worker at random.
    """
    path.mkdir(parents=True, exist_ok=True)
    for stale in path.glob("*.db"):
        stale.unlink()
    os.environ[MULTIPROC_ENV] = str(path)


class Metrics:
    """The service's Prometheus metrics (prometheus_client), in one registry per app.

    Label values are bounded: route templates, never raw paths; methods outside the standard ones are
    "other". With PROMETHEUS_MULTIPROC_DIR set, every worker process writes its values there and
    /metrics sums them over the workers (prometheus_client's multiprocess mode)."""

    def __init__(self) -> None:
        disable_created_metrics()  # the *_created series double the output and nobody graphs them
        self.registry = CollectorRegistry(auto_describe=True)
        self.multiprocess_dir = multiprocess_dir()
        self.requests = Counter(
            "policyqa_http_requests",
            "HTTP requests by method, route template and status code.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "policyqa_http_request_duration_seconds",
            "Time from request to the end of the response.",
            ["method", "route"],
            buckets=_BUCKETS,
            registry=self.registry,
        )
        self.answers = Counter(
            "policyqa_answers",
            "Answers given, by answer status and route.",
            ["status", "route"],
            registry=self.registry,
        )
        self.in_progress = Gauge(
            "policyqa_http_requests_in_progress",
            "Requests being handled now.",
            registry=self.registry,
            multiprocess_mode="livesum",
        )
        if self.multiprocess_dir is None:  # process metrics (RSS, fds, CPU) describe one process only
            ProcessCollector(registry=self.registry)

    def started(self) -> None:
        self.in_progress.inc()

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.in_progress.dec()
        method = method if method in _METHODS else "other"
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def observe_answer(self, status: str, route: str) -> None:
        self.answers.labels(status, route).inc()

    def render(self) -> bytes:
        """The Prometheus text exposition: this process's metrics, or all workers' in multiprocess mode."""
        if self.multiprocess_dir is None:
            return generate_latest(self.registry)
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=self.multiprocess_dir)
        return generate_latest(registry)

    def process_exited(self) -> None:
        """In multiprocess mode, drop this process's live gauges (called when a worker shuts down)."""
        if self.multiprocess_dir is not None:
            multiprocess.mark_process_dead(os.getpid(), self.multiprocess_dir)


class RequestContextMiddleware:
    """Give each request an id (header, logs), log one JSON line per request and record its metrics."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        root_path = str(scope.get("root_path", ""))  # a mounted app extends it: see route_label
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        self.metrics.started()
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            logger.exception("unhandled error")
            if not response_started:
                await _send_internal_error(send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = route_label(scope, root_path)
            self.metrics.observe_request(scope["method"], route, status, seconds)
            logger.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope["method"],
                    "path": scope["path"],  # never the query string: it may carry secrets
                    "route": route,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
            request_id_var.reset(token)


def route_label(scope: Scope, root_path: str = "") -> str:
    """The matched route's template (bounded cardinality), never the raw path: unknown paths are one label."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if not isinstance(path, str) or isinstance(route, Mount):  # nothing matched, or nothing inside a mount
        return UNMATCHED_ROUTE
    # a route of a mounted app (the UI) is prefixed with its mount path, which is fixed as well
    mount_prefix = str(scope.get("root_path", ""))[len(root_path) :]
    return f"{mount_prefix}{path}" or "/"


async def _send_internal_error(send: Send) -> None:
    body = json.dumps(error_body("internal_error", "the service failed on this request; it has been logged")).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and any extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_RECORD_FIELDS and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


def configure_logging(level: str = "INFO") -> None:
    """Send every log record to stderr as one JSON line (called by `policyqa serve`, not at import)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
