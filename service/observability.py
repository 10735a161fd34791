"""Request ids, structured JSON logs and Prometheus metrics for the HTTP service."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import threading
import time
import uuid
from collections import defaultdict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import error_body

REQUEST_ID_HEADER = "X-Request-ID"
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


class Metrics:
    """Counters and a latency histogram, rendered in the Prometheus text format."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: dict[tuple[str, str, str], int] = defaultdict(int)
        self._latency_counts: dict[tuple[str, str], list[int]] = {}
        self._latency_sums: dict[tuple[str, str], float] = defaultdict(float)
        self._answers: dict[tuple[str, str], int] = defaultdict(int)
        self._in_progress = 0

    def started(self) -> None:
        with self._lock:
            self._in_progress += 1

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self._in_progress -= 1
            self._requests[(method, route, str(status))] += 1
            counts = self._latency_counts.setdefault((method, route), [0] * len(_BUCKETS))
            for i, bound in enumerate(_BUCKETS):
                if seconds <= bound:
                    counts[i] += 1
            self._latency_sums[(method, route)] += seconds

    def observe_answer(self, status: str, route: str) -> None:
        with self._lock:
            self._answers[(status, route)] += 1

    def render(self) -> str:
        with self._lock:
            lines = [
                "# HELP policyqa_http_requests_total HTTP requests by method, route template and status code.",
                "# TYPE policyqa_http_requests_total counter",
            ]
            for (method, route, status), n in sorted(self._requests.items()):
                lines.append(f"policyqa_http_requests_total{_labels(method=method, route=route, status=status)} {n}")
            lines += [
                "# HELP policyqa_http_request_duration_seconds Time from request to the end of the response.",
                "# TYPE policyqa_http_request_duration_seconds histogram",
            ]
            for (method, route), counts in sorted(self._latency_counts.items()):
                total = self._requests_for(method, route)
                for bound, n in zip(_BUCKETS, counts, strict=True):
                    labels = _labels(method=method, route=route, le=_number(bound))
                    lines.append(f"policyqa_http_request_duration_seconds_bucket{labels} {n}")
                inf = _labels(method=method, route=route, le="+Inf")
                lines.append(f"policyqa_http_request_duration_seconds_bucket{inf} {total}")
                sum_ = self._latency_sums[(method, route)]
                lines.append(f"policyqa_http_request_duration_seconds_sum{_labels(method=method, route=route)} {sum_}")
                lines.append(
                    f"policyqa_http_request_duration_seconds_count{_labels(method=method, route=route)} {total}"
                )
            lines += [
                "# HELP policyqa_answers_total Answers given, by answer status and route.",
                "# TYPE policyqa_answers_total counter",
            ]
            for (status, route), n in sorted(self._answers.items()):
                lines.append(f"policyqa_answers_total{_labels(status=status, route=route)} {n}")
            lines += [
                "# HELP policyqa_http_requests_in_progress Requests being handled now.",
                "# TYPE policyqa_http_requests_in_progress gauge",
                f"policyqa_http_requests_in_progress {self._in_progress}",
            ]
        return "\n".join(lines) + "\n"

    def _requests_for(self, method: str, route: str) -> int:
        return sum(n for (m, r, _), n in self._requests.items() if m == method and r == route)


def _labels(**labels: str) -> str:
    def escape(value: str) -> str:
        return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

    return "{" + ",".join(f'{key}="{escape(value)}"' for key, value in labels.items()) + "}"


def _number(value: float) -> str:
    return repr(value)


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
            route = route_label(scope)
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


def route_label(scope: Scope) -> str:
    """The route template (bounded cardinality), not the raw path."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    # plain Starlette routes (/docs, /openapi.json) have no template of their own; their paths are fixed
    return str(scope["path"]) if scope.get("endpoint") is not None else "unmatched"


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
