"""The report files from a small run, and the load benchmark against a real loopback HTTP server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from evals.gold import GoldItem
from evals.load import run_load
from evals.report import machine_info, write_report
from evals.runner import run_items
from evals.scorer import QuoteVerifier, aggregate


def test_report_writes_markdown_json_and_chart(tmp_path: Path, verifier: QuoteVerifier) -> None:
    items = [
        GoldItem(id="u1", type="unanswerable", question="上海张江?", answerable="no"),
        GoldItem(
            id="n1", type="numeric", question="多少?", answerable="yes", doc_nos=[1], pages=[1], key_facts=[["30 亿元"]]
        ),
    ]

    def always_answers(question: str, history: list[dict[str, str]]) -> dict:
        return {
            "answer": "不少于30亿元",
            "status": "answered",
            "citations": [{"doc_no": 1, "printed_page": 1, "quote": "不少于 30 亿元产业扶持资金"}],
        }

    def broken(question: str, history: list[dict[str, str]]) -> dict:
        raise RuntimeError("boom")

    systems = {}
    for name, ask in (("naive", always_answers), ("policyqa", broken)):
        scores = run_items(ask, items, verifier)
        systems[name] = {"summary": aggregate(scores), "items": [s.model_dump() for s in scores]}
    assert systems["naive"]["summary"]["accuracy"] == 0.5
    assert systems["policyqa"]["summary"]["errors"] == 2
    results = {
        "dataset": "t",
        "n_items": 2,
        "systems": systems,
        "machine": machine_info(),
        "retrieval": {
            "naive bm25": {
                "n": 1,
                "hit": {"1": 1.0, "3": 1.0, "5": 1.0, "10": 1.0},
                "latency_ms": {"p50": 1.0, "p95": 2.0},
            }
        },
        "build": {"naive windows": {"chunks": 10, "seconds": 2.0, "chunks_per_s": 5.0}},
    }
    paths = write_report(results, tmp_path)
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "| unanswerable | 1 |" in markdown
    assert "`u1` (unanswerable, status answered) miss: answered an unanswerable question" in markdown
    assert "error: RuntimeError: boom" in markdown
    assert "hit@5" in markdown and "cpu_count" in markdown
    assert paths["chart"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads(paths["json"].read_text(encoding="utf-8"))["systems"]["naive"]["summary"]["n"] == 2


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        json.loads(self.rfile.read(length))
        status = 200 if self.path == "/api/ask" else 503
        body = b'{"answer": "", "status": "not_found", "citations": []}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_load_benchmark_counts_requests_latency_and_errors(loopback_url: str) -> None:
    result = run_load(loopback_url, ["问题一", "问题二"], clients=3, seconds=1.0)
    ask, search = result["routes"]["/api/ask"], result["routes"]["/api/search"]
    assert ask["requests"] > 0 and ask["errors"] == 0 and ask["p50"] is not None
    assert search["requests"] > 0 and search["errors"] == search["requests"]
    assert result["clients"] == 3 and result["wall_seconds"] < 10
