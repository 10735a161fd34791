"""evals.fit: the threshold grid search, its cross-validation and the refit that keeps tied thresholds."""

from __future__ import annotations

import json
from pathlib import Path

from evals.fit import GRID, Case, accuracy, candidates, cross_validate, fit, incumbent, refit
from evals.gold import GoldItem
from service.answering.config import JudgeConfig
from service.answering.judge import Signals, Verdict
from service.models import AnswerStatus


def _case(n: int, coverage: float, right: AnswerStatus) -> Case:
    item = GoldItem(id=f"t-{n}", lang="zh", type="t", question="q", answerable="yes")
    verdicts = {s: Verdict(s, "fit", coverage) for s in AnswerStatus}
    return Case(item, Signals(coverage=coverage, dense=0.9), {s: s is right for s in AnswerStatus}, verdicts)


def _grid() -> list[JudgeConfig]:
    # one free parameter, to keep the test fast: the other thresholds at their first grid value
    base = JudgeConfig.model_validate({n: values[0] for n, values in GRID.items()})
    return [c for c in candidates(base) if all(getattr(c, n) == GRID[n][0] for n in GRID if n != "answer_coverage")]


def test_fit_finds_the_coverage_that_separates_answered_from_not_found() -> None:
    cases = [_case(i, 0.45, AnswerStatus.ANSWERED) for i in range(3)]
    cases += [_case(10 + i, 0.35, AnswerStatus.NOT_FOUND) for i in range(3)]
    config, score = fit(cases, _grid())
    assert config.answer_coverage == 0.4 and score == 1.0
    assert cross_validate(cases, _grid(), folds=3)["accuracy"] <= 1.0


def test_a_refit_keeps_the_stored_thresholds_when_they_tie(tmp_path: Path) -> None:
    grid = _grid()
    # every case is answered above 0.3 coverage and right so: all four answer_coverage values tie
    cases = [_case(i, 0.9, AnswerStatus.ANSWERED) for i in range(4)]
    stored = tmp_path / "fitted.json"
    stored.write_text(json.dumps({"judge": {n: getattr(grid[-1], n) for n in GRID}}), encoding="utf-8")
    assert incumbent(grid, stored) == grid[-1]
    kept, score = refit(cases, grid, stored)
    assert kept == grid[-1] and score == 1.0
    # ... and moves them when dev gains: a case that only a lower threshold answers
    cases.append(_case(9, 0.35, AnswerStatus.ANSWERED))
    moved, score = refit(cases, grid, stored)
    assert moved.answer_coverage == 0.3 and score == accuracy(cases, moved) == 1.0
    # stored thresholds that are no longer a candidate are not kept
    stored.write_text(json.dumps({"judge": {"answer_coverage": 0.33}}), encoding="utf-8")
    assert incumbent(grid, stored) is None
