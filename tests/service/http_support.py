"""Shared by the test_http_* modules: one real QA core per test session, and a live uvicorn server."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI
from pydantic import SecretStr

from service.app import create_app
from service.protocols import PolicyQA
from service.settings import RateLimitSettings, Settings

ADMIN_KEY = "test-admin-key"


@lru_cache(maxsize=1)
def _data_dir() -> Path:
    # POLICYQA_HTTP_TEST_DATA keeps the built index between runs (for working on these tests)
    if kept := os.environ.get("POLICYQA_HTTP_TEST_DATA"):
        return Path(kept)
    path = Path(tempfile.mkdtemp(prefix="policyqa-http-tests-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def make_settings(**changes: Any) -> Settings:
    """Settings of the shared core: a temporary data dir, an admin key, everything else default."""
    # rate limits off: a test module sends more than a person would (tests/service/test_budgets.py tests them)
    base = Settings(
        data_dir=_data_dir(), admin_api_key=SecretStr(ADMIN_KEY), rate_limits=RateLimitSettings(enabled=False)
    )
    return base.model_copy(update=changes) if changes else base


@lru_cache(maxsize=1)
def shared_qa() -> PolicyQA:
    """The real core from the composition root, built once per session (the index takes about a minute)."""
    from service.container import build_policyqa

    return build_policyqa(make_settings())


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free 127.0.0.1 port in a thread; yield its base URL; stop it after."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_config=None, access_log=False, timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@contextmanager
def served(settings: Settings | None = None, qa: PolicyQA | None = None) -> Iterator[httpx.Client]:
    """A client for a live server of create_app(settings, qa) (defaults: the shared core and its settings)."""
    app = create_app(settings or make_settings(), qa or shared_qa())
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as client:
        yield client


def assert_error(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is the JSON error shape with this status (and code)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    error = body["error"]
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code, body
    return body


def sse_events(lines: Iterator[str]) -> list[tuple[str, Any]]:
    """Parse server-sent events into (event, decoded JSON data)."""
    events: list[tuple[str, Any]] = []
    event, data = "message", []
    for line in lines:
        if not line:
            if data:
                events.append((event, json.loads("\n".join(data))))
            event, data = "message", []
        elif line.startswith("event:"):
            event = line.removeprefix("event:").strip()
        elif line.startswith("data:"):
            data.append(line.removeprefix("data:").strip())
    if data:
        events.append((event, json.loads("\n".join(data))))
    return events
