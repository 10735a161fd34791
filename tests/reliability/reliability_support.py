"""Helpers of the reliability tests: run, start and stop `policyqa` subprocesses; wait for a condition."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ENTRY = "import sys; from service.cli import main; sys.exit(main())"


def policyqa_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a `policyqa` subprocess on ``data_dir`` (nothing inherited from POLICYQA_*)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYQA_")}
    env.update({"POLICYQA_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1", **extra})
    return env


def run_policyqa(args: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def start_policyqa(args: list[str], env: dict[str, str], stderr_to: Path) -> subprocess.Popen[bytes]:
    """`policyqa ...` in its own process group, stderr to a file (so it can be read while it runs)."""
    with stderr_to.open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-c", ENTRY, *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )


def stop_process(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Signal the process group we started (the process and only its children) and reap it."""
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def wait_for(condition: Callable[[], bool], timeout: float, what: str, every: float = 0.2) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


class ChromaServer:
    """`chroma run` on a fixed 127.0.0.1 port and data path, in its own process group (ours to kill)."""

    def __init__(self, path: Path, port: int, log: Path):
        self.path, self.port, self.log = path, port, log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        chroma = Path(sys.executable).with_name("chroma")
        command = [str(chroma), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(self._up, 60, f"chroma on port {self.port}", every=0.3)

    def _up(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"chroma exited: {self.log.read_text(errors='replace')[-800:]}")
        try:
            return httpx.get(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def kill(self) -> None:
        if self.process is not None:
            stop_process(self.process, signal.SIGKILL)
