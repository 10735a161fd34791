"""Health, readiness, metrics, request ids, CORS and the API docs through a real uvicorn port."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator

import httpx
import pytest
from http_support import assert_error, live_server, make_settings, served, shared_qa, sse_events
from prometheus_client.parser import text_string_to_metric_families

from service.app import create_app
from service.models import Answer, SearchHit, Turn
from service.observability import JsonFormatter

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with served() as client:
        yield client


def test_health_and_ready(client: httpx.Client) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready")
    assert ready.status_code == 200, ready.text
    body = ready.json()
    assert body["ready"] is True and body["components"]


class _Faulty:
    """The real core, except for the failure it is given: a dead vector store, or an ask that raises."""

    def __init__(self, ready_raises: bool = False, ask_raises: type[Exception] | None = None) -> None:
        self.inner, self.ready_raises, self.ask_raises = shared_qa(), ready_raises, ask_raises
        self.corpus = self.inner.corpus

    def ready(self) -> tuple[bool, dict[str, str]]:
        if self.ready_raises:
            raise ConnectionError("connection refused")
        return False, {"index": "loaded", "vector_store": "unreachable"}

    def ask(self, question: str, history: list[Turn] | None = None) -> Answer:
        if self.ask_raises is not None:
            raise self.ask_raises("boom")
        return self.inner.ask(question, history)

    def search(self, query: str, **kwargs: object) -> list[SearchHit]:
        return self.inner.search(query, **kwargs)  # type: ignore[arg-type]

    def add_document(self, path, meta):  # type: ignore[no-untyped-def]
        return self.inner.add_document(path, meta)

    def rebuild(self) -> dict[str, object]:
        return self.inner.rebuild()


@pytest.mark.parametrize("ready_raises", [False, True])
def test_not_ready_is_503_json(ready_raises: bool) -> None:
    with served(qa=_Faulty(ready_raises=ready_raises)) as client:  # type: ignore[arg-type]
        body = assert_error(client.get("/ready"), 503, "not_ready")
        assert body["ready"] is False and body["components"]
        assert client.get("/health").status_code == 200


@pytest.mark.parametrize(
    ("error", "status", "code"), [(RuntimeError, 500, "internal_error"), (ConnectionError, 503, "store_unavailable")]
)
def test_core_failures_are_json(error: type[Exception], status: int, code: str) -> None:
    with served(qa=_Faulty(ask_raises=error)) as client:  # type: ignore[arg-type]
        response = client.post("/api/ask", json={"question": "上市奖励"})
        assert_error(response, status, code)
        assert response.headers["x-request-id"]
        assert "boom" not in response.text, "internal details stay in the log"
        with client.stream("POST", "/api/ask/stream", json={"question": "上市奖励"}) as stream:
            events = sse_events(stream.iter_lines())
        assert [name for name, _ in events] == ["status", "error"]
        assert events[-1][1]["error"]["code"] == code


def test_request_ids(client: httpx.Client) -> None:
    first, second = client.get("/health"), client.get("/health")
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
    assert client.get("/health", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == "abc-123"
    unsafe = client.get("/health", headers={"X-Request-ID": 'a b"<script>'}).headers["x-request-id"]
    assert unsafe != 'a b"<script>' and unsafe.isalnum()
    assert_error(client.get("/api/documents/999"), 404).keys()
    assert client.get("/api/documents/999").headers["x-request-id"]


def test_metrics(client: httpx.Client) -> None:
    client.post("/api/ask", json={"question": "总部企业境内上市奖励多少?"})
    client.post("/api/ask", json={"question": ""})
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'policyqa_http_requests_total{method="POST",route="/api/ask",status="200"}' in text
    assert 'policyqa_http_requests_total{method="POST",route="/api/ask",status="422"}' in text
    buckets = [
        sample
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "policyqa_http_request_duration_seconds_bucket" and sample.labels["route"] == "/api/ask"
    ]
    assert any(sample.labels["le"] == "+Inf" and sample.value >= 2 for sample in buckets)
    assert 'policyqa_answers_total{route="/api/ask",status="answered"}' in text
    for line in text.splitlines():
        assert line.startswith("#") or (len(line.rsplit(" ", 1)) == 2 and float(line.rsplit(" ", 1)[1]) >= 0)


def test_logs_are_json_with_request_id_and_no_secrets(client: httpx.Client, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="policyqa.http")
    response = client.get("/api/documents?api_key=secret-in-query", headers={"X-API-Key": "secret-in-header"})
    request_id = response.headers["x-request-id"]
    records: list[logging.LogRecord] = []
    for _ in range(50):  # the line is written just after the response is sent
        records = [r for r in caplog.records if getattr(r, "request_id", None) == request_id]
        if records:
            break
        time.sleep(0.05)
    assert records
    line = JsonFormatter().format(records[-1])
    entry = json.loads(line)
    assert entry["status"] == 200 and entry["route"] == "/api/documents" and entry["duration_ms"] >= 0
    assert entry["request_id"] == request_id
    assert "secret" not in line


def test_cors_closed_by_default(client: httpx.Client) -> None:
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    response = client.options("/api/ask", headers=preflight)
    assert "access-control-allow-origin" not in response.headers
    assert (
        "access-control-allow-origin" not in client.get("/health", headers={"Origin": "https://evil.example"}).headers
    )


def test_cors_opens_to_configured_origins() -> None:
    app = create_app(make_settings(cors_origins=["https://desk.example"]), shared_qa())
    with live_server(app) as url, httpx.Client(base_url=url) as client:
        ok = client.options(
            "/api/ask", headers={"Origin": "https://desk.example", "Access-Control-Request-Method": "POST"}
        )
        assert ok.headers["access-control-allow-origin"] == "https://desk.example"
        other = client.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_docs_and_schema(client: httpx.Client) -> None:
    assert "swagger" in client.get("/docs").text.lower()
    paths = client.get("/openapi.json").json()["paths"]
    for path in [
        "/api/ask",
        "/api/ask/stream",
        "/api/search",
        "/api/documents",
        "/api/documents/{doc_no}",
        "/api/documents/{doc_no}/pages/{printed_page}",
        "/api/feedback",
        "/api/index/rebuild",
        "/v1/chat/completions",
        "/health",
        "/ready",
        "/metrics",
    ]:
        assert path in paths, path
    assert "multipart/form-data" in paths["/api/documents"]["post"]["requestBody"]["content"]
