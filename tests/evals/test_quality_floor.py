"""CI regression guard: the full dev set, in-process, with the real default pipeline (evals/floor.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.floor import ACCURACY_FLOOR
from evals.gold import load_gold
from evals.runner import in_process, run_items
from evals.scorer import QuoteVerifier, aggregate
from service.settings import Settings


@pytest.mark.slow
def test_dev_set_accuracy_stays_above_the_floor(tmp_path: Path) -> None:
    from service.container import build_policyqa

    policyqa = build_policyqa(Settings(data_dir=tmp_path / "data"))
    scores = run_items(in_process(policyqa), load_gold(), QuoteVerifier(policyqa.corpus))
    summary = aggregate(scores)
    misses = [f"{s.id}: {'; '.join(s.reasons)}" for s in scores if not s.correct]
    assert summary["errors"] == 0, misses
    assert summary["accuracy"] >= ACCURACY_FLOOR, "\n".join(misses)
