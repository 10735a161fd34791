"""The database schema as Alembic revisions (versions/), applied when a store opens.

To change the schema: edit the tables in service/feedback.py, then
`alembic revision -m "what changes"` at the repository root (alembic.ini points here; the database is
POLICYQA_DATABASE_URL or the SQLite file in the data dir), write its upgrade(), and commit it. Every
replica upgrades the database to the newest revision when it starts; `policyqa db upgrade` does it
by hand (for example before a rolling deploy).
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock
from sqlalchemy import Connection, Engine, text

HERE = Path(__file__).parent
# any constant: replicas starting at once take turns on PostgreSQL's advisory lock with this key
_PG_LOCK_KEY = 0x706F6C6963797161  # "policyqa"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision; idempotent, and safe when many processes start at once."""
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # one line per plugin, each start
    with _host_lock(engine), engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        if current_revision(connection) != head_revision():
            command.upgrade(alembic_config(connection), "head")


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _host_lock(engine: Engine) -> AbstractContextManager[object]:
    """SQLite has no advisory lock: processes sharing the file take turns through a lock file beside it."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return nullcontext()
    return FileLock(f"{database}.migrate.lock", timeout=60)
