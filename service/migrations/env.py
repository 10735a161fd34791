"""Alembic environment: the connection given by service.migrations.upgrade, or the configured database."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from service.feedback import metadata, open_engine


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # the `alembic` command line: the database the service would use
    from service.settings import get_settings

    engine = open_engine(get_settings().database_target())
    with engine.begin() as fresh:
        _run(fresh)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run them against the database")
run_migrations_online()
