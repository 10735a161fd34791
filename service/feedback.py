"""Feedback on answers, kept in a SQL database through SQLAlchemy.

SQLite in the data dir by default (WAL, synchronous=FULL: it survives restarts and crashes);
PostgreSQL (psycopg 3) when ``POLICYQA_DATABASE_URL`` says so, so replicas on several hosts share it.
The schema is created and upgraded by Alembic (service/migrations) when the store opens.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock
from pydantic import BaseModel, Field
from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Dialect,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    cast,
    create_engine,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.types import DateTime, TypeEngine

from service.models import Citation


class UTCTimestamp(TypeDecorator[datetime]):
    """An aware UTC timestamp: timestamptz on PostgreSQL, ISO 8601 text on SQLite (sortable, and the
    format the feedback table has always had there)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        value = value.astimezone(UTC)
        return value.isoformat() if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else value
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


metadata = MetaData()

feedback_table = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", UTCTimestamp(), nullable=False),
    Column("rating", Integer, CheckConstraint("rating IN (-1, 1)", name="feedback_rating_sign"), nullable=False),
    Column("comment", Text, nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("citations", JSON().with_variant(JSONB(), "postgresql"), nullable=False),
    Column("request_id", Text, nullable=False),
    sqlite_autoincrement=True,
)


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
    """The feedback database cannot be opened, reached or is damaged."""


def database_url(target: str | Path) -> URL:
    """A SQLAlchemy URL for a URL string or a SQLite file path; plain postgresql:// means psycopg 3."""
    if isinstance(target, Path):
        return URL.create("sqlite", database=str(target))
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise FeedbackStoreError(f"POLICYQA_DATABASE_URL is not a database URL ({exc})") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def open_engine(target: str | Path) -> Engine:
    """An engine for ``target`` with the connection settings this service relies on."""
    url = database_url(target)
    serialise = _json_dumps
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 10}, json_serializer=serialise)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=4, json_serializer=serialise)


def _json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # several processes on one host write to it
    cursor.execute("PRAGMA synchronous=FULL")  # a committed rating survives a power cut
    cursor.close()


class FeedbackStore:
    """Append-only feedback table; the engine's pool hands each call its own connection, so it is thread-safe."""

    def __init__(self, target: str | Path):
        self.engine = open_engine(target)
        self.where = self.engine.url.render_as_string(hide_password=True)
        try:
            with self._schema_lock():
                if self.engine.dialect.name == "sqlite":
                    self._check_sqlite()
                from service.migrations import upgrade

                upgrade(self.engine)
        except OperationalError as exc:
            self.engine.dispose()
            if self.engine.dialect.name == "sqlite":
                raise self._damaged(exc) from exc
            raise FeedbackStoreError(f"feedback database {self.where} cannot be reached ({exc.orig})") from exc
        except DatabaseError as exc:
            self.engine.dispose()
            raise self._damaged(exc) from exc

    def _schema_lock(self) -> AbstractContextManager[object]:
        """Processes that open one SQLite file together create its schema one at a time: a migration reads,
        then writes, and SQLite refuses (database is locked) a reader's upgrade to writer while another
        writes, whatever the busy timeout. A server database orders its own DDL."""
        database = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or not database or database == ":memory:":
            return nullcontext()
        return FileLock(f"{database}.lock", timeout=60)

    def _check_sqlite(self) -> None:
        with self.engine.connect() as db:
            check = db.execute(text("PRAGMA quick_check")).scalar()
        if check != "ok":
            raise FeedbackStoreError(f"feedback database {self.where} is damaged ({check}); move it aside")

    def _damaged(self, exc: Exception) -> FeedbackStoreError:
        detail = getattr(exc, "orig", exc)
        return FeedbackStoreError(
            f"feedback database {self.where} cannot be opened ({detail}); move it aside to start a new one"
        )

    def add(self, entry: FeedbackEntry) -> FeedbackRecord:
        created_at = datetime.now(UTC)
        row = {
            "created_at": created_at,
            "rating": entry.rating,
            "comment": entry.comment,
            "question": entry.question,
            "answer": entry.answer,
            "citations": [c.model_dump(mode="json") for c in entry.citations],
            "request_id": entry.request_id,
        }
        with self.engine.begin() as db:
            row_id = db.execute(insert(feedback_table).values(row).returning(feedback_table.c.id)).scalar_one()
        return FeedbackRecord(id=row_id, created_at=created_at, **entry.model_dump())

    def recent(self, limit: int = 50) -> list[FeedbackRecord]:
        """The newest entries first."""
        query = select(feedback_table).order_by(feedback_table.c.id.desc()).limit(limit)
        with self.engine.connect() as db:
            rows = db.execute(query).mappings().all()
        return [FeedbackRecord.model_validate(dict(row)) for row in rows]

    def stored_bytes(self) -> int:
        """Bytes of text held by the stored entries (what the feedback budget counts)."""
        columns = [feedback_table.c[name] for name in ("comment", "question", "answer", "citations")]
        if self.engine.dialect.name == "sqlite":
            sizes = [func.coalesce(func.length(cast(c, LargeBinary)), 0) for c in columns]
        else:
            sizes = [func.coalesce(func.octet_length(cast(c, Text)), 0) for c in columns]
        row_size = sizes[0] + sizes[1] + sizes[2] + sizes[3]
        with self.engine.connect() as db:
            return int(
                db.execute(select(func.coalesce(func.sum(row_size), 0)).select_from(feedback_table)).scalar_one()
            )

    def count(self) -> int:
        with self.engine.connect() as db:
            return int(db.execute(select(func.count()).select_from(feedback_table)).scalar_one())

    def close(self) -> None:
        self.engine.dispose()
