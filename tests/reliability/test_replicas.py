"""Two replicas on one data dir and one Chroma server: a rebuild through one of them, under load, switches
both to the new index version without a restart and without a failed request."""

from __future__ import annotations

import shutil
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from http_support import ADMIN_KEY
from reliability_support import ChromaServer, policyqa_env, start_policyqa, wait_for

from evals.load import free_port
from service.container import embedding_model, ensure_index
from service.settings import Settings

pytestmark = pytest.mark.slow

# not gold items: ordinary questions and look-ups of the kinds the load benchmark sends
ASKS = ["总部企业境内上市奖励多少?", "人才公寓怎么申请?", "研发费用补助有哪些条件?"]
SEARCHES = ["租房补助", "有效期"]
KEYWORD_ONLY = "vector store unavailable"


def _serving_version(url: str) -> str:
    detail = httpx.get(f"{url}/ready", timeout=10).json()["components"]["index"]
    return str(detail.split(",")[0].removeprefix("version "))


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/ready", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_two_replicas_switch_to_a_rebuilt_index_under_load(
    chroma: ChromaServer, core_data_dir: Path, tmp_path: Path, processes: list[Any]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy2(core_data_dir / "embedding-cache", data / "embedding-cache")  # vectors, so builds take seconds
    settings = Settings(data_dir=data).model_copy(deep=True)
    settings.chroma.mode, settings.chroma.port = "http", chroma.port
    ensure_index(settings, embedding_model(settings), show_progress=False)
    first = (data / "index" / "CURRENT").read_text().strip()

    env = policyqa_env(
        data,
        POLICYQA_CHROMA__MODE="http",
        POLICYQA_CHROMA__PORT=str(chroma.port),
        POLICYQA_ADMIN_API_KEY=ADMIN_KEY,
        POLICYQA_INDEX_POLL_SECONDS="0.5",
    )
    urls = []
    for name in ("a", "b"):
        port = free_port()
        processes.append(start_policyqa(["serve", "--no-ui", "--port", str(port)], env, tmp_path / f"{name}.log"))
        urls.append(f"http://127.0.0.1:{port}")
    for url, process in zip(urls, processes, strict=True):
        wait_for(lambda url=url, p=process: p.poll() is None and _ready(url), 240, f"replica {url} to be ready")
    assert [_serving_version(url) for url in urls] == [first, first]

    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    stop = threading.Event()
    deadline = time.monotonic() + 120  # the load is bounded even if the test stalls

    def client(url: str, offset: int) -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            n = offset
            while not stop.is_set() and time.monotonic() < deadline:
                n += 1
                if n % 2:
                    response = http.post("/api/ask", json={"question": ASKS[n % len(ASKS)]})
                else:
                    response = http.post("/api/search", json={"query": SEARCHES[n % len(SEARCHES)]})
                if response.status_code != 200:
                    failures.append(f"{url} {response.status_code} {response.text[:200]}")
                elif n % 2 and any(KEYWORD_ONLY in w for w in response.json()["warnings"]):
                    failures.append(f"{url} answered from the keyword index only")
                else:
                    outcomes[url] += 1

    threads = [threading.Thread(target=client, args=(url, i), daemon=True) for url in urls for i in range(2)]
    for thread in threads:
        thread.start()
    try:
        wait_for(lambda: all(outcomes[url] >= 3 for url in urls), 60, "the load to reach both replicas")
        before = dict(outcomes)
        rebuilt = httpx.post(f"{urls[0]}/api/index/rebuild", headers={"X-API-Key": ADMIN_KEY}, timeout=300)
        assert rebuilt.status_code == 200, rebuilt.text
        second = rebuilt.json()["stats"]["id"]
        assert second != first and rebuilt.json()["stats"]["store"] == "http"
        # the replica that rebuilt serves the new version at once; the other notices CURRENT within its poll
        assert _serving_version(urls[0]) == second
        wait_for(lambda: _serving_version(urls[1]) == second, 30, "the other replica to switch")
        switched = dict(outcomes)
        time.sleep(2)  # and keeps answering on the new version
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=90)
    assert failures == []
    for url in urls:
        assert before.get(url, 0) > 0 and outcomes[url] > switched.get(url, 0), (url, before, switched, outcomes)
    assert [_serving_version(url) for url in urls] == [second, second]
    assert all(p.poll() is None for p in processes), "no replica restarted"
    assert "serving index version " + second in (tmp_path / "b.log").read_text()
