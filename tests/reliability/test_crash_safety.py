"""Crash safety: `kill -9` a real `policyqa index build --force` and `policyqa index add FILE` midway.

The previous index version keeps serving the same answers, feedback written before the crash is still
there, and the next build finishes the job (the document recorded before the crash is not lost).
"""

from __future__ import annotations

import re
import signal
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from http_support import make_settings, shared_qa
from reliability_support import policyqa_env, run_policyqa, start_policyqa, stop_process, wait_for

from service.answering.pipeline import PolicyQAService
from service.container import store_config
from service.feedback import FeedbackEntry, FeedbackStore

pytestmark = pytest.mark.slow

QUESTIONS = ["总部企业境内上市奖励多少?", "上海张江对小巨人企业奖励多少钱?", "租房补贴怎么申请?"]
_NUMERALS = "一二三四五六七八九十"


def _core(data: Path) -> PolicyQAService:
    """A core over ``data`` with the session's already loaded embedding model."""
    settings = make_settings(data_dir=data)
    return PolicyQAService(settings, shared_qa().embed_model, store_config(settings))


def _answers(data: Path) -> list[dict[str, Any]]:
    qa = _core(data)
    out = []
    for question in QUESTIONS:
        answer = qa.ask(question)
        out.append({"status": answer.status, "answer": answer.answer, "citations": answer.citations})
    return out


def _kill_midway(process: Any, stderr: Path, cache: Path, cached: int) -> int:
    """SIGKILL the process group once a few new vectors reached the embedding cache; return how many had.

    (The progress bar is not a reliable signal: tqdm skips redraws, and `index add` shows none.)"""

    def embedding() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"finished before it could be killed: {stderr.read_text(errors='replace')[-800:]}")
        return _cached_vectors(cache) > cached + 2

    wait_for(embedding, 240, "new vectors in the embedding cache", every=0.05)
    stop_process(process, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    return _cached_vectors(cache)


def _forget_vectors(cache: Path, every: int) -> int:
    """Drop every ``every``-th cached vector; return how many stay."""
    with sqlite3.connect(cache) as db:
        db.execute("DELETE FROM vectors WHERE rowid % ? = 0", (every,))
        return int(db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])


def _cached_vectors(cache: Path) -> int:
    try:
        with sqlite3.connect(f"file:{cache}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])
    except sqlite3.Error:
        return -1


def _write_feedback(data: Path) -> list[str]:
    store = FeedbackStore(data / "feedback.sqlite3")
    comments = [f"崩溃前的反馈 {i}" for i in range(5)]
    for comment in comments:
        store.add(FeedbackEntry(rating=-1, comment=comment, question=QUESTIONS[0]))
    return comments


def _feedback_comments(data: Path) -> list[str]:
    return [r.comment for r in reversed(FeedbackStore(data / "feedback.sqlite3").recent(100))]


def test_kill_during_index_build(data_copy: Path, tmp_path: Path, processes: list[Any]) -> None:
    before = _answers(data_copy)
    current = (data_copy / "index" / "CURRENT").read_text()
    comments = _write_feedback(data_copy)
    cached = _forget_vectors(data_copy / "embedding-cache", every=3)  # embedded again, one per batch: slow
    env = policyqa_env(data_copy, POLICYQA_EMBEDDING__BATCH_SIZE="1")
    stderr = tmp_path / "build.err"
    process = start_policyqa(["index", "build", "--force"], env, stderr)
    processes.append(process)
    done = _kill_midway(process, stderr, data_copy / "embedding-cache", cached)

    assert (data_copy / "index" / "CURRENT").read_text() == current
    interrupted = [v for v in (data_copy / "index" / "versions").iterdir() if not (v / "COMPLETE").exists()]
    assert len(interrupted) == 1, "the killed build left its partial version, never switched to"
    assert _answers(data_copy) == before
    assert _feedback_comments(data_copy) == comments

    # the next build completes from the vectors the killed one had cached, and clears the partial version
    result = run_policyqa(["index", "build", "--force"], policyqa_env(data_copy))
    assert result.returncode == 0, result.stderr[-1500:]
    built = re.search(r"\((\d+) embedded, (\d+) from cache\)", result.stdout)
    assert built is not None, result.stdout
    assert int(built.group(2)) >= done, (done, result.stdout)
    assert not interrupted[0].exists()
    assert [a["status"] for a in _answers(data_copy)] == [a["status"] for a in before]
    total = int(built.group(1)) + int(built.group(2))
    print(f"build killed with {done}/{total} vectors cached; the next build took {built.group(2)} from the cache")


def _long_policy() -> str:
    """A made-up policy with 8 x 10 clauses, so that embedding it one clause at a time takes a while."""
    lines = ["关于支持星际物流产业发展的试行办法"]
    for i, section in enumerate(_NUMERALS[:8]):
        lines.append(f"{section}、第{i + 1}类支持事项")
        for j, item in enumerate(_NUMERALS):
            lines.append(
                f"({item})星际物流企业第{i * 10 + j + 1}项补助。对符合条件的企业给予一次性补助{i * 10 + j + 1}万元。"
            )
    lines.append("本办法自2024年1月1日起施行,有效期3年。")
    return "\n".join(lines) + "\n"


def test_kill_during_index_add(data_copy: Path, tmp_path: Path, processes: list[Any]) -> None:
    before = _answers(data_copy)
    current = (data_copy / "index" / "CURRENT").read_text()
    comments = _write_feedback(data_copy)
    policy = tmp_path / "星际物流.txt"
    policy.write_text(_long_policy(), encoding="utf-8")
    env = policyqa_env(data_copy, POLICYQA_EMBEDDING__BATCH_SIZE="1")
    stderr = tmp_path / "add.err"
    args = ["index", "add", str(policy), "--doc-number", "区科〔2024〕77号"]
    cache = data_copy / "embedding-cache"
    cached = _cached_vectors(cache)
    process = start_policyqa(args, env, stderr)
    processes.append(process)

    _kill_midway(process, stderr, cache, cached)

    assert (data_copy / "index" / "CURRENT").read_text() == current
    assert _answers(data_copy) == before
    assert _feedback_comments(data_copy) == comments
    # the document was recorded before the build: nothing lost, the next build indexes it
    manifest = (data_copy / "added" / "manifest.json").read_text(encoding="utf-8")
    assert "区科〔2024〕77号" in manifest
    result = run_policyqa(["index", "build", "--force"], policyqa_env(data_copy))
    assert result.returncode == 0, result.stderr[-1500:]
    qa = _core(data_copy)
    answer = qa.ask("星际物流企业第37项补助多少?")
    assert answer.status.value == "answered" and "37万元" in answer.answer, answer.answer
    assert [qa.ask(q).status for q in QUESTIONS] == [a["status"] for a in before]
