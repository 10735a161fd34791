"""Per-client rate limits (the `limits` library) for the routes that cost CPU or disk, as a JSON 429.

The client is the peer address (behind a reverse proxy, run uvicorn with --proxy-headers and
--forwarded-allow-ips so that it is the caller's, not the proxy's). Counters live in `storage`:
`memory://` is per process; several workers or replicas share one limit through e.g. `redis://`.
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter
from starlette.types import ASGIApp, Receive, Scope, Send

from service.errors import ApiError, error_response
from service.settings import RateLimitSettings


class ClientLimits:
    """Named limits (e.g. "questions": 60/minute;600/hour) counted per client, optionally by a cost."""

    def __init__(self, settings: RateLimitSettings) -> None:
        self.enabled = settings.enabled
        self._limiter = SlidingWindowCounterRateLimiter(storage_from_string(settings.storage))
        self._items: dict[str, list[RateLimitItem]] = {
            "questions": parse_many(settings.questions),
            "feedback": parse_many(settings.feedback),
            "feedback_bytes": parse_many(settings.feedback_bytes),
        }

    def hit(self, name: str, client: str, cost: int = 1) -> None:
        """Count ``cost`` against each of the limit's windows; ApiError 429 (with Retry-After) when one is full."""
        if not self.enabled:
            return
        for item in self._items[name]:
            if not self._limiter.hit(item, name, client, cost=cost):
                reset = self._limiter.get_window_stats(item, name, client).reset_time
                retry = max(1, math.ceil(reset - time.time()))
                unit = "bytes" if name.endswith("_bytes") else "requests"
                raise ApiError(
                    429,
                    "rate_limited",
                    f"too many {name.replace('_', ' ')} from this client: at most {item.amount} {unit} "
                    f"per {item.multiples} {item.GRANULARITY.name}(s); retry in {retry} s",
                    headers={"Retry-After": str(retry)},
                )


def client_of(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class RateLimitMiddleware:
    """Count requests to ``paths`` (POST) against the named limit before their bodies are read."""

    def __init__(self, app: ASGIApp, limits: ClientLimits, paths: dict[str, str]) -> None:
        self.app = app
        self.limits = limits
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        name = self.paths.get(scope["path"]) if scope["type"] == "http" and scope["method"] == "POST" else None
        if name is not None:
            try:
                self.limits.hit(name, client_of(scope))
            except ApiError as exc:
                await error_response(exc.status, exc.code, exc.message, exc.headers)(scope, receive, send)
                return
        await self.app(scope, receive, send)
