"""A chat turn filled from the service's event stream, with the fallback to /api/ask."""

from __future__ import annotations

import json

import httpx

from ui.chat import ChatTurn, apply_event, history_of, run_turn
from ui.client import PolicyApi, StreamEvent

ANSWER = {
    "answer": "奖励500万元[1]",
    "status": "answered",
    "citations": [
        {
            "doc_no": 2,
            "title": "总部",
            "doc_number": "区办〔2023〕12号",
            "section": "三、",
            "printed_page": 12,
            "ebook_page": 15,
            "quote": "奖励500万元",
            "validity": "expired",
        }
    ],
    "warnings": ["该政策已于2025年12月31日到期"],
    "timings_ms": {},
}


def sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def test_the_service_stream_fills_a_turn():
    body = (
        sse("status", {"stage": "retrieving", "message": "正在检索…"})
        + sse("status", {"status": "answered", "rewritten_query": None})
        + sse("delta", {"text": "奖励500"})
        + sse("delta", {"text": "万元[1]"})
        + sse("citations", {"citations": ANSWER["citations"]})
        + sse("warnings", {"warnings": ANSWER["warnings"]})
        + sse("done", ANSWER)
    )
    api = PolicyApi("http://t", transport=httpx.MockTransport(lambda r: httpx.Response(200, text=body)))
    turn = ChatTurn("上市奖励多少?")
    progress = [t.progress for t in run_turn(api, turn, [])]
    assert "正在检索…" in progress
    assert turn.answer == "奖励500万元[1]"
    assert turn.status == "answered"
    assert turn.citations[0].printed_page == 12
    assert turn.warnings == ANSWER["warnings"]
    assert not turn.pending and not turn.error


def test_falls_back_to_ask_when_streaming_is_missing():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/stream"):
            return httpx.Response(404, json={"error": {"code": "not_found", "message": "no route"}})
        return httpx.Response(200, json=ANSWER)

    turn = ChatTurn("q")
    list(run_turn(PolicyApi("http://t", transport=httpx.MockTransport(handler)), turn, []))
    assert turn.answer == ANSWER["answer"] and turn.citations and not turn.error


def test_stream_error_event_is_shown_not_raised():
    turn = ChatTurn("q")
    apply_event(turn, StreamEvent("error", {"error": {"code": "internal_error", "message": "logged"}}))
    assert turn.error == "回答时出错:logged"


def test_history_holds_finished_turns_only_and_is_capped():
    done = ChatTurn("问一", answer="答一", status="answered", pending=False)
    failed = ChatTurn("问二", error="超时", pending=False)
    pending = ChatTurn("问三")
    assert history_of([done, failed, pending], 20) == [
        {"role": "user", "content": "问一"},
        {"role": "assistant", "content": "答一"},
    ]
    assert history_of([done, done], 3) == history_of([done, done], 20)[-3:]
