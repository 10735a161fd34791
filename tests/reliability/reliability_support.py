"""Helpers of the reliability tests: run, start and stop `policyqa` subprocesses; wait for a condition."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ENTRY = "import sys; from service.cli import main; sys.exit(main())"


def policyqa_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a `policyqa` subprocess on ``data_dir`` (nothing inherited from POLICYQA_*)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYQA_")}
    # rate limits off: these tests send far more than one person would
    env.update(
        {"POLICYQA_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1", "POLICYQA_RATE_LIMITS__ENABLED": "false", **extra}
    )
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
