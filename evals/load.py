"""Load benchmark: N concurrent clients for T seconds against /api/ask and /api/search on loopback.

Bounded in clients, seconds and requests; ``ServerProcess`` starts `policyqa serve` on a free
loopback port and stops it, so the benchmark can report the server's RSS at start and end.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.scorer import percentile

MAX_CLIENTS = 32
MAX_SECONDS = 300.0
MAX_REQUESTS = 20_000
_ENTRY = "import sys; from service.cli import main; sys.exit(main())"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """`policyqa serve` on 127.0.0.1:<free port>, started and stopped by us (its own process group)."""

    def __init__(
        self,
        env: dict[str, str] | None = None,
        startup_timeout_s: float = 300.0,
        workers: int = 1,
        extra_args: Sequence[str] = (),
    ):
        self.workers = workers
        self.extra_args = list(extra_args)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {})}
        self.startup_timeout_s = startup_timeout_s
        self.process: subprocess.Popen[bytes] | None = None
        self.startup_seconds: float | None = None

    def __enter__(self) -> ServerProcess:
        import httpx

        command = [sys.executable, "-c", _ENTRY, "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--workers", str(self.workers), *self.extra_args]
        started = time.perf_counter()
        # the server logs a JSON line per request: into a file, since an unread pipe fills up and blocks it
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            command, env=self.env, stdout=subprocess.DEVNULL, stderr=self._log, start_new_session=True
        )
        deadline = started + self.startup_timeout_s
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                self._log.seek(0)
                stderr = self._log.read().decode(errors="replace")
                raise RuntimeError(f"policyqa serve exited with {self.process.returncode}: {stderr[-800:]}")
            try:
                # /ready: with several workers, /health answers as soon as the first one is up
                if self._all_ready(httpx):
                    self.startup_seconds = time.perf_counter() - started
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"policyqa serve was not ready within {self.startup_timeout_s:.0f} s")

    def _all_ready(self, httpx: Any) -> bool:
        """/ready answers, and every worker has started (uvicorn logs each one's startup)."""
        if httpx.get(f"{self.url}/ready", timeout=2.0, trust_env=False).status_code != 200:
            return False
        return self.log_text().count("Application startup complete") >= self.workers

    def log_text(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def __exit__(self, *exc: object) -> None:
        self.stop()
        self._log.close()

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # the group we created: the server and its workers only
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


def rss_mb(pid: int | None) -> float | None:
    """Resident memory of a process and its children, in MB (None when unknown)."""
    if pid is None:
        return None
    total_kb, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total_kb += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return round(total_kb / 1024, 1)


def run_load(
    url: str,
    questions: Sequence[str],
    *,
    clients: int = 4,
    seconds: float = 20.0,
    pid: int | None = None,
    timeout_s: float = 30.0,
) -> dict[str, Any]:
    """Each client alternates POST /api/ask and /api/search over ``questions`` until time is up."""
    import httpx

    clients = max(1, min(clients, MAX_CLIENTS))
    seconds = max(1.0, min(seconds, MAX_SECONDS))
    routes = ("/api/ask", "/api/search")
    samples: dict[str, list[float]] = {r: [] for r in routes}
    errors: dict[str, int] = dict.fromkeys(routes, 0)
    error_kinds: dict[str, int] = {}
    lock = threading.Lock()
    issued = [0]
    rss_start = rss_mb(pid)
    deadline = time.perf_counter() + seconds

    def client(worker: int) -> None:
        with httpx.Client(base_url=url, timeout=timeout_s, trust_env=False) as http:
            i = worker
            while time.perf_counter() < deadline:
                with lock:
                    if issued[0] >= MAX_REQUESTS:
                        return
                    issued[0] += 1
                route = routes[i % 2]
                question = questions[(i // 2) % len(questions)]
                body: dict[str, Any] = (
                    {"question": question, "history": []} if route == "/api/ask" else {"query": question, "limit": 5}
                )
                started = time.perf_counter()
                try:
                    ok = http.post(route, json=body).status_code == 200
                    kind = "" if ok else "http_status"
                except httpx.HTTPError as exc:
                    ok, kind = False, type(exc).__name__
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    if ok:
                        samples[route].append(elapsed)
                    else:
                        errors[route] += 1
                        error_kinds[kind] = error_kinds.get(kind, 0) + 1
                i += clients

    began = time.perf_counter()
    threads = [threading.Thread(target=client, args=(w,), daemon=True) for w in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + timeout_s + 5)
    wall = time.perf_counter() - began
    return {
        "query_cache": query_cache_counts(url),
        "url": url,
        "clients": clients,
        "seconds": seconds,
        "wall_seconds": round(wall, 2),
        "routes": {
            route: {
                "requests": len(samples[route]) + errors[route],
                "errors": errors[route],
                "rps": round(len(samples[route]) / wall, 2),
                "p50": percentile(samples[route], 50),
                "p95": percentile(samples[route], 95),
                "p99": percentile(samples[route], 99),
            }
            for route in routes
        },
        "error_kinds": error_kinds,
        "rss_mb_start": rss_start,
        "rss_mb_end": rss_mb(pid),
    }


def query_cache_counts(url: str) -> dict[str, float] | None:
    """The server's query-embedding cache hits and misses from /metrics (summed over workers); None if absent."""
    import httpx
    from prometheus_client.parser import text_string_to_metric_families

    try:
        text = httpx.get(f"{url}/metrics", timeout=10.0, trust_env=False).text
        counts = {"hits": 0.0, "misses": 0.0}
        for family in text_string_to_metric_families(text):
            for kind in counts:
                if family.name == f"policyqa_query_embedding_cache_{kind}":
                    counts[kind] += sum(s.value for s in family.samples if s.name.endswith("_total"))
    except (httpx.HTTPError, ValueError):
        return None
    return counts
