"""Feedback on answers, kept in SQLite (WAL mode) so it survives restarts and crashes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from service.models import Citation

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    request_id TEXT NOT NULL
)
"""


class FeedbackEntry(BaseModel):
    """What a user said about one answer."""

    rating: int = Field(description="+1 (helpful) or -1 (not helpful).")
    comment: str = ""
    question: str = ""
    answer: str = ""
    citations: list[Citation] = Field(default_factory=list)
    request_id: str = ""


class FeedbackRecord(FeedbackEntry):
    id: int
    created_at: datetime


class FeedbackStoreError(RuntimeError):
    """The feedback database cannot be opened or is damaged."""


class FeedbackStore:
    """Append-only feedback table; one short connection per call, so it is safe from any thread."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._connect() as db:
                db.execute("PRAGMA journal_mode=WAL")
                check = db.execute("PRAGMA quick_check").fetchone()
                if check is None or check[0] != "ok":
                    raise FeedbackStoreError(f"feedback database {path} is damaged ({check}); move it aside")
                db.execute(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise FeedbackStoreError(
                f"feedback database {path} cannot be opened ({exc}); move it aside to start a new one"
            ) from exc

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        try:
            db.execute("PRAGMA synchronous=FULL")
            with db:  # commits, or rolls back on error
                yield db
        finally:
            db.close()

    def add(self, entry: FeedbackEntry) -> FeedbackRecord:
        created_at = datetime.now(UTC)
        citations = json.dumps([c.model_dump() for c in entry.citations], ensure_ascii=False)
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO feedback (created_at, rating, comment, question, answer, citations, request_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    created_at.isoformat(),
                    entry.rating,
                    entry.comment,
                    entry.question,
                    entry.answer,
                    citations,
                    entry.request_id,
                ),
            )
            row_id = cursor.lastrowid
        assert row_id is not None
        return FeedbackRecord(id=row_id, created_at=created_at, **entry.model_dump())

    def recent(self, limit: int = 50) -> list[FeedbackRecord]:
        """The newest entries first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, created_at, rating, comment, question, answer, citations, request_id"
                " FROM feedback ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [
            FeedbackRecord(
                id=row[0],
                created_at=datetime.fromisoformat(row[1]),
                rating=row[2],
                comment=row[3],
                question=row[4],
                answer=row[5],
                citations=json.loads(row[6]),
                request_id=row[7],
            )
            for row in rows
        ]

    def stored_bytes(self) -> int:
        """Bytes of text held by the stored entries (what the feedback budget counts)."""
        with self._connect() as db:
            row = db.execute(
                "SELECT COALESCE(SUM(LENGTH(CAST(comment AS BLOB)) + LENGTH(CAST(question AS BLOB))"
                " + LENGTH(CAST(answer AS BLOB)) + LENGTH(CAST(citations AS BLOB))), 0) FROM feedback"
            ).fetchone()
        return int(row[0])

    def count(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])
