"""`policyqa serve --workers N`: several processes on one port, and the query-embedding cache in /metrics."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest
from http_support import make_settings, served, shared_qa
from prometheus_client.parser import text_string_to_metric_families

from evals.load import ServerProcess
from service.cli import _parser

QUESTION = {"question": "高新技术企业认定有什么奖励?"}


def _totals(metrics_text: str) -> dict[str, float]:
    """Each counter's total over its labels (and, with several workers, over the workers)."""
    totals: dict[str, float] = {}
    for family in text_string_to_metric_families(metrics_text):
        for sample in family.samples:
            if sample.name.endswith("_total") and sample.labels.get("route", "/api/ask") == "/api/ask":
                totals[sample.name] = totals.get(sample.name, 0.0) + sample.value
    return totals


def test_workers_option() -> None:
    assert _parser().parse_args(["serve"]).workers == 1
    assert _parser().parse_args(["serve", "--workers", "3"]).workers == 3
    with pytest.raises(SystemExit):
        _parser().parse_args(["serve", "--workers", "0"])


@pytest.mark.slow
def test_a_repeated_question_is_counted_as_a_cache_hit_in_metrics() -> None:
    with served() as client:
        before = _totals(client.get("/metrics").text)
        for _ in range(3):
            assert client.post("/api/ask", json=QUESTION).status_code == 200
        after = _totals(client.get("/metrics").text)
    hits = "policyqa_query_embedding_cache_hits_total"
    misses = "policyqa_query_embedding_cache_misses_total"
    assert after[hits] - before.get(hits, 0) >= 2
    assert after[misses] - before.get(misses, 0) <= 1  # the first time (unless an earlier test asked it)


def _ui_ask(url: str) -> str:
    from gradio_client import Client

    _, conversation = Client(url, verbose=False).predict(QUESTION["question"], api_name="/ask")
    return str(conversation)


@pytest.mark.slow
def test_two_workers_share_the_port_sum_their_metrics_and_keep_one_ui(tmp_path: Path) -> None:
    shared_qa()  # the index exists
    data = tmp_path / "data"
    data.mkdir()
    for name in ("index", "embedding-cache"):
        source = make_settings().data_dir / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, data / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLICYQA_", "PROMETHEUS_"))}
    env["POLICYQA_DATA_DIR"] = str(data)
    with ServerProcess(env=env, workers=2) as server:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            answers = [client.post("/api/ask", json=QUESTION) for _ in range(8)]
            metrics = client.get("/metrics")
            page = client.get("/")
        # Gradio keeps a session in one process: through the workers, every UI event must reach the one UI
        ui_turns = [_ui_ask(server.url) for _ in range(4)]
        log = server.log_text()
    assert [a.status_code for a in answers] == [200] * 8
    assert len({a.json()["answer"] for a in answers}) == 1
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert all("区办〔2023〕12号" in turn or "高新技术企业" in turn for turn in ui_turns), ui_turns
    assert log.count("Started server process") == 3 and "Started parent process" in log  # 2 workers, 1 UI
    totals = _totals(metrics.text)
    assert totals["policyqa_http_requests_total"] == 8  # whichever worker answered /metrics counts both
    assert totals["policyqa_answers_total"] == 8
    # each worker embeds the question once at most; every other ask skips the embedder
    assert totals["policyqa_query_embedding_cache_misses_total"] <= 2
    assert totals["policyqa_query_embedding_cache_hits_total"] >= 6
    assert (data / "feedback.sqlite3").exists()  # the schema was made once, before the workers
