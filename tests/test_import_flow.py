"""Data flows one way: corpus -> indexing -> service -> ui; nothing imports evals.

Every import statement is read (function-local ones too), so a lazy import cannot hide a back edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# what each package may import from the project (itself and the stages before it)
ALLOWED = {
    "corpus": {"corpus"},
    "indexing": {"corpus", "indexing"},
    "service": {"corpus", "indexing", "service"},
    "ui": {"corpus", "indexing", "service", "ui"},
}
PROJECT = {"corpus", "indexing", "service", "ui", "evals"}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_no_module_imports_a_later_stage(package: str) -> None:
    wrong = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for line, module in _imports(path):
            top = module.split(".")[0]
            if top in PROJECT and top not in ALLOWED[package]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert wrong == []


def test_the_checker_sees_function_local_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from evals.cli import x\n", encoding="utf-8")
    assert _imports(module) == [(2, "evals.cli")]


def test_serve_and_eval_reach_the_cli_through_entry_points() -> None:
    from service.cli import layer_commands

    names = {register.__module__ for register in layer_commands()}
    assert names == {"ui.serve", "evals.cli"}
