"""A bounded soak test: `policyqa serve` on a copy of the data dir, mixed traffic for minutes, and the
server's RSS, open fds and threads at the start and the end (a leak shows as a steady climb).

Run by `make bench` (`policyqa eval --bench`, `--soak-seconds`), not in CI. Every request goes to 127.0.0.1.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAX_SECONDS = 3600.0
SAMPLE_EVERY_S = 10.0


def resources(pid: int) -> dict[str, float]:
    """RSS (MB), open fds and threads of the process and its children."""
    import psutil

    root = psutil.Process(pid)
    processes = [root, *root.children(recursive=True)]
    rss = fds = threads = 0
    for process in processes:
        try:
            rss += process.memory_info().rss
            fds += process.num_fds()
            threads += process.num_threads()
        except psutil.Error:  # a child that just ended
            continue
    return {"rss_mb": round(rss / 2**20, 1), "fds": fds, "threads": threads}


def _traffic(page: str) -> list[tuple[str, str, Callable[[int], Any]]]:
    """(method, path, body of the i-th request) for the mix: the routes people and scrapers use, and junk."""
    questions = ["总部企业境内上市奖励多少?", "专精特新企业有什么奖励?", "how much is the listing award?", "租房补助"]

    def q(i: int) -> str:
        return questions[i % len(questions)]

    return [
        ("POST", "/api/ask", lambda i: {"question": q(i)}),
        ("POST", "/api/ask/stream", lambda i: {"question": q(i)}),
        ("POST", "/api/search", lambda i: {"query": q(i), "limit": 5}),
        ("POST", "/v1/chat/completions", lambda i: {"messages": [{"role": "user", "content": q(i)}]}),
        ("POST", "/v1/chat/completions", lambda i: {"stream": True, "messages": [{"role": "user", "content": q(i)}]}),
        ("GET", "/api/documents", lambda i: None),
        ("GET", "/api/documents/2", lambda i: None),
        ("GET", page, lambda i: None),
        ("POST", "/api/feedback", lambda i: {"rating": "up", "comment": f"soak {i}"}),
        ("GET", "/health", lambda i: None),
        ("GET", "/ready", lambda i: None),
        ("GET", "/metrics", lambda i: None),
        ("GET", "/soak-junk-{i}", lambda i: None),  # unknown paths: 404, one metrics label
        ("POST", "/api/ask", lambda i: {"question": "长" * 5000}),  # over the limit: 422
    ]


def run_soak(
    url: str, pid: int, admin_key: str, *, seconds: float = 600.0, clients: int = 4, rebuild_every_s: float = 120.0
) -> dict[str, Any]:
    """Mixed traffic from ``clients`` threads for ``seconds`` plus a rebuild every ``rebuild_every_s``;
    the server's resources sampled every 10 s."""
    import httpx

    seconds = max(10.0, min(seconds, MAX_SECONDS))
    with httpx.Client(base_url=url, timeout=60, trust_env=False) as http:
        doc = http.get("/api/documents/2").json()
    mix = _traffic(f"/api/documents/2/pages/{doc['printed_pages'][0]}")
    statuses: Counter[str] = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    samples = [{"t": 0.0, **resources(pid)}]
    began = time.monotonic()

    def client(worker: int) -> None:
        with httpx.Client(base_url=url, timeout=60, trust_env=False) as http:
            i = worker
            while time.monotonic() < deadline:
                method, path, body = mix[i % len(mix)]
                try:
                    # a thousand client addresses (trusted from 127.0.0.1): the per-client limits are exercised too
                    forwarded = {"X-Forwarded-For": f"10.77.{i % 1000 // 250}.{i % 250}"}
                    response = http.request(method, path.format(i=i), json=body(i), headers=forwarded)
                    response.read()
                    kind = str(response.status_code)
                except httpx.HTTPError as exc:
                    kind = type(exc).__name__
                with lock:
                    statuses[f"{method} {path.split('{')[0]} {kind}"] += 1
                i += clients

    def rebuilds() -> None:
        with httpx.Client(base_url=url, timeout=600, trust_env=False) as http:
            while time.monotonic() + rebuild_every_s < deadline:
                time.sleep(rebuild_every_s)
                status = http.post("/api/index/rebuild", headers={"X-API-Key": admin_key}).status_code
                with lock:
                    statuses[f"POST /api/index/rebuild {status}"] += 1

    threads = [threading.Thread(target=client, args=(w,), daemon=True) for w in range(clients)]
    threads.append(threading.Thread(target=rebuilds, daemon=True))
    for thread in threads:
        thread.start()
    while time.monotonic() < deadline:
        time.sleep(min(SAMPLE_EVERY_S, max(0.0, deadline - time.monotonic())))
        samples.append({"t": round(time.monotonic() - began, 1), **resources(pid)})
    for thread in threads:
        thread.join(timeout=120)
    errors = sum(n for key, n in statuses.items() if not key.rsplit(" ", 1)[1].isdigit() or key.endswith(" 500"))
    return {
        "url": url,
        "seconds": seconds,
        "clients": clients,
        "requests": sum(statuses.values()),
        "server_errors": errors,
        "statuses": dict(sorted(statuses.items())),
        "start": samples[1] if len(samples) > 2 else samples[0],  # after the first 10 s of warm-up
        "end": samples[-1],
        "max": {k: max(s[k] for s in samples) for k in ("rss_mb", "fds", "threads")},
        "samples": samples,
    }


def soak_copy(data_dir: Path, seconds: float, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Soak a `policyqa serve` started on a copy of ``data_dir``'s index (nothing of the original changes)."""
    from evals.load import ServerProcess

    with tempfile.TemporaryDirectory(prefix="policyqa-soak-") as tmp:
        for name in ("index", "embedding-cache", "added"):
            if (data_dir / name).is_dir():
                shutil.copytree(data_dir / name, Path(tmp) / name)
        key = secrets.token_hex(16)
        env = {"POLICYQA_DATA_DIR": tmp, "POLICYQA_ADMIN_API_KEY": key, "POLICYQA_RATE_LIMITS__ENABLED": "true"}
        with ServerProcess(env=env) as server:
            assert server.pid is not None
            log(f"soak: server up in {server.startup_seconds:.1f} s; mixed traffic for {seconds:.0f} s…")
            return run_soak(server.url, server.pid, key, seconds=seconds)
