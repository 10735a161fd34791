"""Per-client rate limits and storage budgets: what an anonymous client can make the server do or keep."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from http_support import assert_error, live_server, make_settings, shared_qa

from service.api.feedback_budget import entry_bytes
from service.feedback import FeedbackEntry, FeedbackStore
from service.settings import RateLimitSettings, Settings
from ui.serve import build_server_app

pytestmark = pytest.mark.slow


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """The shared index with a feedback database of its own (each test counts what it stores)."""
    path = Path(tempfile.mkdtemp(prefix="policyqa-budget-"))
    shared = make_settings().data_dir
    shared_qa()
    (path / "index").symlink_to(shared / "index")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _settings(data_dir: Path, **changes: object) -> Settings:
    return make_settings(data_dir=data_dir, **changes)


def _as(client_ip: str) -> dict[str, str]:
    # uvicorn takes the client's address from X-Forwarded-For when the peer is 127.0.0.1 (as behind a local proxy)
    return {"X-Forwarded-For": client_ip}


def _largest_feedback(i: int) -> dict[str, object]:
    """About 1 MB, within every field limit: the issue's probe stored 20 of these in 0.4 s (+19.9 MB)."""
    quote = f"第{i}条" + "补" * 3995
    citation = {
        "doc_no": 2,
        "title": "题" * 500,
        "doc_number": "区办〔2023〕12号",
        "section": "节" * 1000,
        "printed_page": 3,
        "ebook_page": 6,
        "quote": quote,
    }
    return {"rating": "down", "comment": "评" * 4000, "question": "问" * 4000, "answer": "答" * 40000,
            "citations": [citation] * 50}  # fmt: skip


def test_questions_are_limited_per_client(data_dir: Path) -> None:
    limits = RateLimitSettings(questions="3/minute")
    app = build_server_app(_settings(data_dir, rate_limits=limits), with_ui=False)
    with live_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(3):
            assert client.post("/api/search", json={"query": "上市奖励"}, headers=_as("10.0.0.1")).status_code == 200
        for path, body in [
            ("/api/search", {"query": "上市奖励"}),
            ("/api/ask", {"question": "上市奖励"}),
            ("/v1/chat/completions", {"messages": [{"role": "user", "content": "上市奖励"}]}),
        ]:
            refused = client.post(path, json=body, headers=_as("10.0.0.1"))
            assert_error(refused, 429, "rate_limited")
            assert 1 <= int(refused.headers["retry-after"]) <= 60
        # another client is not held back by the first; GET routes are not counted
        assert client.post("/api/search", json={"query": "上市奖励"}, headers=_as("10.0.0.2")).status_code == 200
        assert client.get("/api/documents", headers=_as("10.0.0.1")).status_code == 200
        # refused before routing, so counted under the one label for unrouted requests
        assert (
            'policyqa_http_requests_total{method="POST",route="unmatched",status="429"} 3.0'
            in client.get("/metrics").text
        )


def test_one_client_cannot_fill_the_disk_with_feedback(data_dir: Path) -> None:
    """The probe: 20 feedback rows of ~1 MB each were all stored; now a client's bytes per day are bounded."""
    settings = _settings(data_dir, rate_limits=RateLimitSettings(feedback="100/minute", feedback_bytes="3000000/day"))
    app = build_server_app(settings, with_ui=False)
    statuses = []
    with live_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        for i in range(20):
            response = client.post("/api/feedback", json=_largest_feedback(i), headers=_as("10.0.0.3"))
            statuses.append(response.status_code)
            if response.status_code != 201:
                assert_error(response, 429, "rate_limited")
        assert client.post("/api/feedback", json={"rating": "up"}, headers=_as("10.0.0.4")).status_code == 201
    stored = FeedbackStore(settings.feedback_db).stored_bytes()
    print(f"20 x ~1 MB feedback from one client: {statuses.count(201)} stored, {stored} bytes")
    assert statuses[0] == 201 and statuses.count(201) <= 3 and stored <= 3_000_000


def test_feedback_stops_at_the_total_budget(data_dir: Path) -> None:
    """Many clients together cannot store more than the total budget: 507 once it is spent."""
    budget = 2_500_000
    settings = _settings(data_dir, feedback_budget_bytes=budget)
    FeedbackStore(settings.feedback_db).add(FeedbackEntry(rating=1, comment="已有的反馈"))
    app = build_server_app(settings, with_ui=False)
    with live_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        statuses = [
            client.post("/api/feedback", json=_largest_feedback(i), headers=_as(f"10.1.0.{i}")).status_code
            for i in range(6)
        ]
        assert_error(client.post("/api/feedback", json=_largest_feedback(9), headers=_as("10.1.0.99")), 507)
    store = FeedbackStore(settings.feedback_db)
    assert statuses[:2] == [201, 201] and 507 in statuses and store.stored_bytes() <= budget
    assert store.count() == 1 + statuses.count(201)
    one = FeedbackEntry(rating=1, comment="评" * 10)
    assert entry_bytes(one) >= len("评" * 10) * 3


def test_ui_upload_route_is_closed_without_a_key(data_dir: Path) -> None:
    """The probe: Gradio's POST /gradio_api/upload stored 4 MB files for anyone and answered with the path."""
    payload = {"files": ("big.bin", b"\0" * 4_000_000, "application/octet-stream")}
    settings = _settings(data_dir, admin_api_key=None)
    with live_server(build_server_app(settings)) as url, httpx.Client(base_url=url, timeout=60) as client:
        body = assert_error(client.post("/gradio_api/upload", files=payload), 403, "uploads_off")
        assert "/tmp" not in str(body)
        assert client.get("/").status_code == 200  # the UI itself is unaffected


def test_ui_upload_route_is_bounded_when_an_admin_key_is_set() -> None:
    from pydantic import SecretStr

    assert Settings(admin_api_key=SecretStr("k" * 32)).ui_upload_budget() == 512 * 1024 * 1024
    assert Settings(admin_api_key=None).ui_upload_budget() == 0
    assert Settings(admin_api_key=SecretStr("k" * 32), ui_upload_budget_bytes=0).ui_upload_budget() == 0


def test_ui_upload_budget_when_turned_on(data_dir: Path) -> None:
    settings = _settings(data_dir, ui_upload_budget_bytes=6_000_000)
    payload = {"files": ("big.bin", b"\0" * 4_000_000, "application/octet-stream")}
    with live_server(build_server_app(settings)) as url, httpx.Client(base_url=url, timeout=60) as client:
        assert client.post("/gradio_api/upload", files=payload).status_code == 200
        assert_error(client.post("/gradio_api/upload", files=payload), 507, "upload_budget_spent")
