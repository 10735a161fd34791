"""LiveQA: a served core follows CURRENT to each new complete index version and never to a broken one."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from service.answering.pipeline import PolicyQAService
from service.container import embedding_model, store_config
from service.live import LiveQA
from service.settings import Settings

QUESTION = "总部企业境内上市奖励多少?"
AS_OF = date(2026, 11, 27)


def _copy_version(index: Path, new_id: str) -> None:
    """A second complete version, as a build on another replica would leave it (same content, new id)."""
    current = (index / "CURRENT").read_text().strip()
    shutil.copytree(index / "versions" / current, index / "versions" / new_id)
    meta = index / "versions" / new_id / "COMPLETE"
    meta.write_text(meta.read_text().replace(current, new_id))


def test_a_new_version_is_swapped_in_whole_and_a_broken_one_is_skipped(copy_built: Callable[[], Path]) -> None:
    data = copy_built()
    settings = Settings(data_dir=data, as_of=AS_OF)
    embed = embedding_model(settings)
    attempts: list[str] = []

    def load() -> PolicyQAService:
        attempts.append((settings.index_dir / "CURRENT").read_text())
        return PolicyQAService(settings, embed, store_config(settings))

    live = LiveQA(load, settings.index_dir, poll_seconds=0)
    first = live.version.id
    before = live.ask(QUESTION)
    assert live.refresh() is False and attempts == [first]  # nothing new: nothing loaded

    _copy_version(settings.index_dir, "v99990101-000000-aaaaaa")
    (settings.index_dir / "CURRENT").write_text("v99990101-000000-aaaaaa")
    assert live.refresh() is True and live.version.id == "v99990101-000000-aaaaaa"
    assert live.ask(QUESTION).answer == before.answer

    (settings.index_dir / "CURRENT").write_text("v99990101-000001-missing")  # a version that does not load
    assert live.refresh() is False and live.version.id == "v99990101-000000-aaaaaa"
    assert live.refresh() is False and attempts.count("v99990101-000001-missing") == 1  # not retried each poll
    assert live.ready()[0] is True


def test_the_watcher_thread_follows_current(copy_built: Callable[[], Path]) -> None:
    data = copy_built()
    settings = Settings(data_dir=data, as_of=AS_OF)
    embed = embedding_model(settings)
    live = LiveQA(lambda: PolicyQAService(settings, embed, store_config(settings)), settings.index_dir, 0.05)
    live.start()
    try:
        _copy_version(settings.index_dir, "v99990101-000000-bbbbbb")
        (settings.index_dir / "CURRENT").write_text("v99990101-000000-bbbbbb")
        switched = threading.Event()
        for _ in range(200):
            if live.version.id == "v99990101-000000-bbbbbb":
                switched.set()
                break
            threading.Event().wait(0.05)
        assert switched.is_set()
    finally:
        live.close()
    assert not any(t.name == "policyqa-index-watcher" for t in threading.enumerate())
