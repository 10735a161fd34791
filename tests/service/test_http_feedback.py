"""POST /api/feedback: stored in SQLite and still there after the app restarts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from http_support import ADMIN_KEY, assert_error, make_settings, served

from service.feedback import FeedbackEntry, FeedbackStore, FeedbackStoreError

CITATION = {
    "doc_no": 2,
    "title": "关于推动杭州高新开发区(滨江)总部经济高质量发展的若干意见",
    "doc_number": "区办〔2023〕12号",
    "section": "三、",
    "printed_page": 12,
    "ebook_page": 15,
    "quote": "给予奖励",
}


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with served() as client:
        yield client


@pytest.mark.slow
def test_feedback_survives_a_restart() -> None:
    settings = make_settings()
    sent = {"rating": "down", "comment": "金额不对", "question": "上市奖励多少?", "answer": "100万元[1]"}
    with served(settings) as client:
        first = client.post("/api/feedback", json={**sent, "citations": [CITATION]})
        assert first.status_code == 201, first.text
        assert client.post("/api/feedback", json={"rating": 1}).status_code == 201
        assert client.post("/api/feedback", json={"rating": "+1"}).json()["rating"] == 1
        record = first.json()
        assert record["rating"] == -1 and record["request_id"] == first.headers["x-request-id"]
    with served(settings) as client:  # a new app over the same data dir
        stored = client.get("/api/feedback", headers={"X-API-Key": ADMIN_KEY}).json()
    assert [r["id"] for r in stored][:3] == [record["id"] + 2, record["id"] + 1, record["id"]]
    old = stored[2]
    assert {k: old[k] for k in sent} == {**sent, "rating": -1}
    assert old["citations"][0]["doc_number"] == "区办〔2023〕12号"
    with sqlite3.connect(settings.feedback_db) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        {},
        {"rating": 0},
        {"rating": "meh"},
        {"rating": True},
        {"rating": "up", "comment": "x" * 4001},
        {"rating": "up", "citations": [{"doc_no": "two"}]},
        {"rating": "up", "comment": 5},
    ],
)
def test_bad_feedback_is_refused(client: httpx.Client, body: dict) -> None:
    assert_error(client.post("/api/feedback", json=body), 422)


def test_store_keeps_entries_across_instances(tmp_path: Path) -> None:
    FeedbackStore(tmp_path / "f.sqlite3").add(FeedbackEntry(rating=1, comment="好"))
    again = FeedbackStore(tmp_path / "f.sqlite3")
    assert again.count() == 1 and again.recent()[0].comment == "好"


def test_a_damaged_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(FeedbackStoreError, match="move it aside"):
        FeedbackStore(path)
