"""Issue 16's probes against `policyqa serve`'s app (API + UI on one port): each gives a fast JSON 4xx or a 2xx."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from http_support import assert_error, live_server, make_settings, shared_qa

from ui.serve import build_server_app

pytestmark = pytest.mark.slow

LOCAL_ORIGIN = "http://localhost:3000"


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    shared_qa()
    with live_server(build_server_app(make_settings())) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


def _timed(send: object) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    response = send()  # type: ignore[operator]
    return response, time.perf_counter() - started


@pytest.mark.parametrize(
    ("path", "body", "code"),
    [
        ("/api/ask", lambda q: {"question": q}, "question_too_long"),
        ("/api/ask/stream", lambda q: {"question": q}, "question_too_long"),
        ("/api/search", lambda q: {"query": q}, "query_too_long"),
        ("/v1/chat/completions", lambda q: {"messages": [{"role": "user", "content": q}]}, "question_too_long"),
        (
            "/v1/chat/completions",
            lambda q: {"messages": [{"role": "user", "content": [{"type": "text", "text": q}]}]},
            "question_too_long",
        ),
    ],
)
def test_a_4mb_question_is_refused_at_once(client: httpx.Client, path: str, body, code: str) -> None:  # type: ignore[no-untyped-def]
    """The probe: a 4 MB question held the event loop about 1 s (clean_text ran over it before the length check)."""
    question = "上市奖励" * 330_000 + "\x00" * 100  # 1.32 M characters, 3.96 MB of UTF-8
    payload = body(question)
    response, seconds = _timed(lambda: client.post(path, json=payload))
    assert_error(response, 422, code)
    print(f"{path}: 4 MB question refused in {seconds * 1000:.1f} ms")
    # the loop stays free: eight at once and /health answers meanwhile
    assert client.get("/health").status_code == 200


def test_an_unpaired_surrogate_is_a_422_everywhere(client: httpx.Client) -> None:
    """The probe: a lone surrogate in a chat message gave a 500 with a stack trace (/api/ask gave 422)."""
    headers = {"Content-Type": "application/json"}
    bodies = {
        "/v1/chat/completions": [
            '{"messages":[{"role":"user","content":"\\ud800上市奖励"}]}',
            '{"messages":[{"role":"user","content":[{"type":"text","text":"\\udfff上市"}]}]}',
            '{"messages":[{"role":"user","content":"问\\ud800"},{"role":"assistant","content":"答"},'
            '{"role":"user","content":"上市奖励"}]}',
            '{"model":"\\ud800","messages":[{"role":"user","content":"上市奖励"}]}',
            '{"stream":true,"messages":[{"role":"user","content":"\\ud800上市奖励"}]}',
        ],
        "/api/ask": [
            '{"question":"\\ud800上市奖励"}',
            '{"question":"上市","history":[{"role":"user","content":"\\ud800"}]}',
        ],
        "/api/search": ['{"query":"\\ud800上市奖励"}'],
        "/api/feedback": ['{"rating":"up","comment":"\\ud800"}', '{"rating":"up","question":"\\udc00问"}'],
    }
    for path, cases in bodies.items():
        for raw in cases:
            response = client.post(path, content=raw.encode(), headers=headers)
            assert_error(response, 422)


def test_strict_flags(client: httpx.Client) -> None:
    chat = {"messages": [{"role": "user", "content": "上市奖励"}]}
    for value in ("yes", "true", 1, "1"):
        assert_error(client.post("/v1/chat/completions", json={**chat, "stream": value}), 422)
        assert_error(client.post("/api/search", json={"query": "奖励", "in_force_only": value}), 422)
    assert client.post("/v1/chat/completions", json={**chat, "stream": False}).status_code == 200
    assert client.post("/api/search", json={"query": "奖励", "in_force_only": True}).status_code == 200


@pytest.mark.parametrize("path", ["/api/documents/1_0", "/api/documents/2_/pages/1", "/api/documents/2/pages/1_2"])
def test_document_numbers_are_plain_digits(client: httpx.Client, path: str) -> None:
    assert_error(client.get(path), 422)
    assert client.get("/api/documents/2").json()["doc_no"] == 2


def test_head_health_and_ready(client: httpx.Client) -> None:
    assert client.head("/health").status_code == 200
    assert client.head("/ready").status_code == 200


def test_cors_is_closed_on_the_ui_routes_too(client: httpx.Client) -> None:
    """The probe: Gradio's routes reflected any localhost origin with credentials; refusals were plain text."""
    for path in ("/config", "/gradio_api/info", "/health", "/api/documents"):
        response = client.get(path, headers={"Origin": LOCAL_ORIGIN})
        assert response.status_code == 200
        assert not [h for h in response.headers if h.startswith("access-control-allow")], (path, response.headers)
    for path in ("/gradio_api/upload", "/gradio_api/queue/join", "/api/ask"):
        preflight = {"Origin": LOCAL_ORIGIN, "Access-Control-Request-Method": "POST"}
        refused = client.options(path, headers=preflight)
        assert_error(refused, 400, "cors_refused")
        assert "access-control-allow-origin" not in refused.headers


def test_cors_refusal_is_json_when_origins_are_configured() -> None:
    settings = make_settings(cors_origins=["https://desk.example"])
    with live_server(build_server_app(settings)) as url, httpx.Client(base_url=url, timeout=60) as client:
        allowed = {"Origin": "https://desk.example", "Access-Control-Request-Method": "POST"}
        assert (
            client.options("/api/ask", headers=allowed).headers["access-control-allow-origin"] == "https://desk.example"
        )
        other = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
        body = assert_error(client.options("/api/ask", headers=other), 400, "cors_refused")
        assert "POLICYQA_CORS_ORIGINS" in body["error"]["message"]
        ui = client.get("/config", headers={"Origin": LOCAL_ORIGIN})
        assert "access-control-allow-origin" not in ui.headers


@pytest.mark.parametrize(
    "path", ["/x1", "/gradio_api/nothing", "/assets/none.js", "/file=/etc/passwd", "/gradio_api/file=x"]
)
def test_ui_route_errors_are_json(client: httpx.Client, path: str) -> None:
    """The probe: Gradio routes answered {"detail": ...}; the README promises the JSON error shape everywhere."""
    response = client.get(path)
    assert response.status_code >= 400
    assert_error(response, response.status_code)
    assert response.headers["x-request-id"]


def test_a_user_turn_in_the_history_is_held_to_the_question_limit(client: httpx.Client) -> None:
    """A short follow-up is answered with the previous question joined to it: a 20,000-character "previous
    question" made one legitimate-sized request cost about two minutes of the core."""
    history = [{"role": "user", "content": "上" * 2001}, {"role": "assistant", "content": "答" * 20_000}]
    response, seconds = _timed(lambda: client.post("/api/ask", json={"question": "上市奖励", "history": history}))
    assert_error(response, 422, "history_turn_too_long")
    assert "(user)" in response.json()["error"]["message"]
    history[0]["content"] = "上" * 2000
    answered, seconds = _timed(lambda: client.post("/api/ask", json={"question": "上市奖励", "history": history}))
    assert answered.status_code == 200
    print(f"a follow-up after a 2,000-character question and a 20,000-character answer: {seconds:.1f} s")
