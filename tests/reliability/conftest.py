"""Fixtures of the reliability tests: the shared built core, copies of its data dir, started processes."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# the helpers of tests/service (one QA core per session, a live uvicorn server, the JSON error check)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "service"))

from http_support import make_settings, shared_qa
from reliability_support import ChromaServer, stop_process

from evals.load import free_port


@pytest.fixture(scope="session")
def core_data_dir() -> Path:
    """The data dir of the session's shared core, its index built once (about a minute on two cores)."""
    shared_qa()
    return make_settings().data_dir


@pytest.fixture
def data_copy(core_data_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the built index and embedding cache, for tests that damage or change it."""
    target = tmp_path / "data"
    target.mkdir()
    for name in ("index", "embedding-cache"):
        source = core_data_dir / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Processes a test starts; any still running at the end are stopped."""
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        stop_process(process, signal.SIGKILL)


@pytest.fixture
def chroma(tmp_path: Path) -> Iterator[ChromaServer]:
    """A `chroma run` server on a free 127.0.0.1 port with a temporary store, killed afterwards."""
    server = ChromaServer(tmp_path / "chroma", free_port(), tmp_path / "chroma.log")
    server.start()
    yield server
    server.kill()
