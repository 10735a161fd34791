"""POST /api/feedback: stored through SQLAlchemy (SQLite in the data dir, or a real PostgreSQL server)
and still there after the app restarts."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from http_support import ADMIN_KEY, assert_error, make_settings, served
from pydantic import SecretStr
from sqlalchemy import text

from service.feedback import FeedbackEntry, FeedbackStore, FeedbackStoreError
from service.feedback import database_url as sqlalchemy_url
from service.migrations import head_revision

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
def test_feedback_survives_a_restart(database_url: str) -> None:
    settings = make_settings(database_url=SecretStr(database_url))
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
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
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


def test_store_keeps_entries_across_instances(database_url: str) -> None:
    FeedbackStore(database_url).add(FeedbackEntry(rating=1, comment="好"))
    again = FeedbackStore(database_url)
    assert again.count() == 1 and again.recent()[0].comment == "好"
    assert again.recent()[0].created_at.tzinfo is not None


def test_the_default_is_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = make_settings(data_dir=tmp_path)
    store = FeedbackStore(settings.database_target())
    assert store.engine.dialect.name == "sqlite" and store.engine.url.database == str(tmp_path / "feedback.sqlite3")
    assert sqlalchemy_url("postgresql://u:secret@db.example/pq").drivername == "postgresql+psycopg"


def test_schema_creation_is_idempotent_when_processes_start_together(database_url: str) -> None:
    errors: list[BaseException] = []

    def open_and_write(n: int) -> None:
        try:
            FeedbackStore(database_url).add(FeedbackEntry(rating=1, comment=f"并发{n}"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_and_write, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    store = FeedbackStore(database_url)  # and once more, on the finished schema
    assert store.count() == 6
    with store.engine.connect() as db:
        assert db.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head_revision()]


def test_citations_and_unicode_round_trip(database_url: str) -> None:
    store = FeedbackStore(database_url)
    entry = FeedbackEntry.model_validate({"rating": -1, "comment": "引用页码错了 ✗", "citations": [CITATION]})
    record = store.add(entry)
    back = store.recent(1)[0]
    assert back.id == record.id and back.citations == record.citations and back.comment == "引用页码错了 ✗"


def test_a_feedback_table_from_before_migrations_is_adopted(tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(path) as db:  # the table exactly as the service created it before Alembic
        db.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,"
            " rating INTEGER NOT NULL CHECK (rating IN (-1, 1)), comment TEXT NOT NULL, question TEXT NOT NULL,"
            " answer TEXT NOT NULL, citations TEXT NOT NULL, request_id TEXT NOT NULL)"
        )
        db.execute(
            "INSERT INTO feedback (created_at, rating, comment, question, answer, citations, request_id)"
            " VALUES (?, 1, '早先的', '问', '答', ?, 'r-1')",
            ("2026-11-30T08:00:00.5+00:00", json.dumps([CITATION], ensure_ascii=False)),
        )
    store = FeedbackStore(path)
    store.add(FeedbackEntry(rating=-1, comment="之后的"))
    comments = [(r.comment, r.created_at.isoformat()) for r in store.recent()]
    assert comments[1] == ("早先的", "2026-11-30T08:00:00.500000+00:00") and comments[0][0] == "之后的"
    assert store.recent()[1].citations[0].doc_number == "区办〔2023〕12号"


def test_an_unreachable_database_is_a_clear_error_without_its_password(postgres_url: str) -> None:
    port = sqlalchemy_url(postgres_url).port
    unreachable = f"postgresql://policyqa:hunter2@127.0.0.1:{port + 1 if port else 1}/nothing?connect_timeout=2"
    with pytest.raises(FeedbackStoreError, match="cannot be reached") as raised:
        FeedbackStore(unreachable)
    assert "hunter2" not in str(raised.value)


def test_a_damaged_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(FeedbackStoreError, match="move it aside"):
        FeedbackStore(path)


def test_the_migrations_build_exactly_the_tables_the_code_uses(database_url: str) -> None:
    from alembic import command

    from service.migrations import alembic_config

    store = FeedbackStore(database_url)
    with store.engine.begin() as connection:
        command.check(alembic_config(connection))  # raises when a model change lacks its revision
