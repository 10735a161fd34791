"""The API client against an httpx MockTransport: shapes parsed, errors turned into readable messages."""

from __future__ import annotations

import json

import httpx
import pytest

from ui.client import ApiError, PolicyApi, error_from_response, parse_sse

CITATION = {
    "doc_no": 2,
    "title": "关于支持总部企业发展的若干意见",
    "doc_number": "区办〔2023〕12号",
    "section": "三、支持政策",
    "printed_page": 12,
    "ebook_page": 15,
    "quote": "给予一次性奖励500万元",
    "validity": "in_force",
}


def api_with(handler) -> PolicyApi:
    return PolicyApi("http://api.test", transport=httpx.MockTransport(handler))


def test_ask_sends_question_and_history_and_parses_the_answer():
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["path"] = request.url.path
        seen["body"] = json.loads(request.content)
        return httpx.Response(200, json={"answer": "奖励500万元[1]", "status": "answered", "citations": [CITATION]})

    history = [{"role": "user", "content": "上市奖励?"}, {"role": "assistant", "content": "……"}]
    answer = api_with(handler).ask("多少?", history)
    assert seen == {"path": "/api/ask", "body": {"question": "多少?", "history": history}}
    assert answer.citations[0].doc_number == "区办〔2023〕12号"
    assert answer.status.value == "answered"


def test_search_accepts_the_hits_envelope_and_sends_filters():
    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        assert body == {"query": "上市", "in_force_only": True, "limit": 5, "doc_no": 2}
        hit = {"citation": CITATION, "text": "条文", "score": 0.5, "validity": "in_force"}
        return httpx.Response(200, json={"query": "上市", "hits": [hit]})

    hits = api_with(handler).search("上市", doc_no=2, in_force_only=True, limit=5)
    assert [h.citation.printed_page for h in hits] == [12]


def test_documents_accepts_the_documents_envelope():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"as_of": "2025-01-01", "documents": [{"doc_no": 1, "title": "t"}]})

    assert api_with(handler).documents() == [{"doc_no": 1, "title": "t"}]


def test_json_error_becomes_a_chinese_message_with_the_service_words():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"error": {"code": "page_not_found", "message": "page 99 is not held"}})

    with pytest.raises(ApiError) as caught:
        api_with(handler).page(2, 99)
    assert caught.value.message == "未找到:page 99 is not held"
    assert caught.value.code == "page_not_found"
    assert caught.value.status == 404


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (422, '{"detail": [{"msg": "field required"}]}', "输入不符合要求:field required"),
        (503, '{"error": {"code": "not_ready", "message": "index building"}}', "服务尚未就绪"),
        (500, "<html>Internal Server Error</html>", "服务内部错误,请稍后重试(HTTP 500)。"),
    ],
)
def test_error_messages_never_carry_a_traceback(status: int, body: str, expected: str):
    message = error_from_response(status, body).message
    assert message.startswith(expected)
    assert "Traceback" not in message and "<html>" not in message


def test_unreachable_service_says_so_in_chinese():
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(ApiError) as caught:
        api_with(handler).documents()
    assert caught.value.code == "unreachable"
    assert "无法连接到问答服务 http://api.test" in caught.value.message


def test_non_json_success_is_a_readable_error():
    with pytest.raises(ApiError, match="无法识别"):
        api_with(lambda request: httpx.Response(200, text="hello")).documents()


def test_parse_sse_dispatches_events_at_blank_lines_even_without_data():
    lines = [
        "event: status",
        'data: {"stage": "retrieving"}',
        "",
        ": a comment",
        "event: delta",
        'data: {"text": "第一"}',
        "",
        "event: done",
        "",
    ]
    events = [(e.event, e.data) for e in parse_sse(iter(lines))]
    assert events == [("status", {"stage": "retrieving"}), ("delta", {"text": "第一"}), ("done", None)]


def test_ask_stream_yields_events_and_reports_http_errors():
    stream = 'event: delta\ndata: {"text": "你好"}\n\nevent: done\ndata: {}\n\n'

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/ask/stream":
            return httpx.Response(200, text=stream, headers={"content-type": "text/event-stream"})
        return httpx.Response(404)

    events = list(api_with(handler).ask_stream("q", []))
    assert [e.event for e in events] == ["delta", "done"]

    def failing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": {"code": "question_too_long", "message": "too long"}})

    with pytest.raises(ApiError, match="请求有误:too long"):
        list(api_with(failing).ask_stream("q", []))
