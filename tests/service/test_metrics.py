"""Prometheus metrics: bounded labels under junk traffic, and the sum over worker processes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest
from http_support import live_server, make_settings, shared_qa
from prometheus_client.parser import text_string_to_metric_families

from service.observability import UNMATCHED_ROUTE, prepare_multiprocess_dir
from service.serve import build_server_app


def _route_labels(text: str) -> set[str]:
    return {
        sample.labels["route"]
        for family in text_string_to_metric_families(text)
        if family.name == "policyqa_http_requests"
        for sample in family.samples
    }


@pytest.mark.slow
def test_junk_paths_fold_into_one_label() -> None:
    """The probe of issue 16: 6,000 unknown paths (under the UI mount too) made /metrics 11.7 MB and 2.6 s."""
    shared_qa()
    app = build_server_app(make_settings())  # the UI mounted at /, as `policyqa serve` runs it
    with live_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        for i in range(6000):
            path = ("/x{i}", "/gradio_api/x{i}", "/file=x{i}", "/api/x{i}", "/assets/x{i}.js")[i % 5]
            assert client.get(path.format(i=i)).status_code in (404, 405)
        client.request("PROPFIND", "/x")  # a WebDAV method is "other", not a new label
        started = time.perf_counter()
        response = client.get("/metrics")
        seconds = time.perf_counter() - started
    text = response.text
    print(f"/metrics after 6,000 junk paths: {len(response.content)} bytes, {seconds * 1000:.1f} ms")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    assert len(response.content) < 100_000
    routes = _route_labels(text)
    assert UNMATCHED_ROUTE in routes
    assert not any(route.startswith(("/x", "/gradio_api/x", "/file=", "/api/x")) for route in routes), routes
    assert len(routes) < 20, routes
    assert 'method="other"' in text and "PROPFIND" not in text


_WORKER = textwrap.dedent(
    """
    import sys
    from service.observability import Metrics

    metrics = Metrics()
    for _ in range(int(sys.argv[1])):
        metrics.started()
        metrics.observe_request("GET", "/health", 200, 0.01)
    metrics.observe_answer("answered", "/api/ask")
    print(metrics.render().decode())
    """
)


def test_multiprocess_mode_sums_the_workers(tmp_path: Path) -> None:
    """With PROMETHEUS_MULTIPROC_DIR set before the processes start, any one of them reports the sum."""
    previous = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    directory = tmp_path / "prometheus"
    directory.mkdir()
    (directory / "counter_99999.db").write_bytes(b"stale")  # a previous run's file is removed
    try:
        prepare_multiprocess_dir(directory)
        env = dict(os.environ)
    finally:
        if previous is None:
            os.environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
        else:
            os.environ["PROMETHEUS_MULTIPROC_DIR"] = previous
    assert env["PROMETHEUS_MULTIPROC_DIR"] == str(directory)
    outputs = [
        subprocess.run([sys.executable, "-c", _WORKER, str(n)], env=env, capture_output=True, text=True, check=True)
        for n in (3, 4)
    ]
    last = {
        (family.name, sample.name): sample.value
        for family in text_string_to_metric_families(outputs[-1].stdout)
        for sample in family.samples
        if sample.labels.get("route") in ("/health", "/api/ask") and not sample.labels.get("le")
    }
    assert last[("policyqa_http_requests", "policyqa_http_requests_total")] == 7
    assert last[("policyqa_http_request_duration_seconds", "policyqa_http_request_duration_seconds_count")] == 7
    assert last[("policyqa_answers", "policyqa_answers_total")] == 2


def test_single_process_mode_reports_process_metrics() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    out = subprocess.run(
        [sys.executable, "-c", _WORKER, "2"], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert 'policyqa_http_requests_total{method="GET",route="/health",status="200"} 2.0' in out
    assert "process_resident_memory_bytes" in out and "process_open_fds" in out
