"""Fit the verdict thresholds (service.answering.config.JudgeConfig) by k-fold cross-validation on gold_dev.

Each item is taken once through plan -> retrieve -> evidence -> signals (``PolicyQAService.prepare``) and
finished under each of the three verdicts, so any candidate thresholds are scored without re-running
the pipeline. ``python -m evals.fit`` prints the cross-validated and full-dev accuracy, reports the
validation set's accuracy under the thresholds fitted on all of dev, and writes ``fitted.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.gold import DEV_SET, GoldItem, load_gold
from evals.scorer import QuoteVerifier, score_answer
from service.answering.config import FITTED, JudgeConfig
from service.answering.judge import Signals, Verdict, decide
from service.models import AnswerStatus, Turn

VALIDATION_SET = DEV_SET.with_name("gold_validation.jsonl")

# The grid searched: every free parameter of JudgeConfig with its candidate values.
GRID: dict[str, list[float]] = {
    "answer_coverage": [0.3, 0.4, 0.5, 0.6],
    "attribute_topic": [0.0, 0.3, 0.5],
    "unknown_max": [0.5, 0.7, 0.9, 1.0],
    "toc_min": [0.15, 0.25, 0.35, 0.6],
    "toc_fallback": [0.1, 0.2, 0.3, 0.45],
    "dense_min": [0.0, 0.84, 0.86, 0.88],
    "area_margin": [0.0, 0.005, 0.01, 0.02, 1.0],
    "delegated_coverage": [0.8, 0.9, 1.0, 1.01],
}


@dataclass
class Case:
    """One gold item: its signals and whether the answer under each verdict would be scored correct."""

    item: GoldItem
    signals: Signals
    correct: dict[AnswerStatus, bool]
    verdicts: dict[AnswerStatus, Verdict]


def collect(qa: Any, items: list[GoldItem]) -> list[Case]:
    """Signals of every item, and the score of its answer under each possible status."""
    verifier = QuoteVerifier(qa.corpus)
    cases = []
    for item in items:
        prepared = qa.prepare(item.question, [Turn.model_validate(t.model_dump()) for t in item.history])
        signals = prepared.signals
        listed = [m.doc for m in signals.toc] + ([signals.area_doc] if signals.area_doc else [])
        toc_docs = list({d.doc_no: d for d in listed}.values()) or signals.beyond_partial
        verdicts = {
            AnswerStatus.ANSWERED: Verdict(AnswerStatus.ANSWERED, "fit", signals.coverage),
            AnswerStatus.TOC_ONLY: Verdict(AnswerStatus.TOC_ONLY, "fit", signals.coverage, toc_docs),
            AnswerStatus.NOT_FOUND: Verdict(AnswerStatus.NOT_FOUND, "fit", signals.coverage),
        }
        correct: dict[AnswerStatus, bool] = {}
        for status, verdict in verdicts.items():
            if status is AnswerStatus.TOC_ONLY and not toc_docs:
                correct[status] = False
                continue
            answer = qa.finish(prepared, verdict).model_dump(mode="json")
            correct[status] = score_answer(answer, item, verifier).correct
        cases.append(Case(item, signals, correct, verdicts))
    return cases


def accuracy(cases: list[Case], config: JudgeConfig) -> float:
    if not cases:
        return 0.0
    return sum(case.correct[decide(case.signals, config).status] for case in cases) / len(cases)


def candidates(base: JudgeConfig) -> list[JudgeConfig]:
    names = list(GRID)
    return [
        JudgeConfig.model_validate({**base.model_dump(), **dict(zip(names, values, strict=True))})
        for values in itertools.product(*(GRID[n] for n in names))
    ]


def fit(cases: list[Case], grid: list[JudgeConfig]) -> tuple[JudgeConfig, float]:
    """The best thresholds on ``cases``; ties go to the candidate nearest the middle of the grid (in the
    cross-validation folds; the full-dev refit keeps the stored thresholds when they tie, see ``refit``)."""
    scored = [(accuracy(cases, c), -_distance_from_middle(c), i) for i, c in enumerate(grid)]
    best = max(scored)
    return grid[best[2]], best[0]


def refit(cases: list[Case], grid: list[JudgeConfig], path: Path = FITTED) -> tuple[JudgeConfig, float]:
    """``fit`` on all of ``cases``, except that the stored thresholds stay when they score as well: a refit
    moves a threshold only when gold_dev gains by it, not because a tie is broken another way."""
    best, score = fit(cases, grid)
    kept = incumbent(grid, path)
    if kept is not None and accuracy(cases, kept) >= score:
        return kept, score
    return best, score


def incumbent(grid: list[JudgeConfig], path: Path = FITTED) -> JudgeConfig | None:
    """The thresholds fitted last time, when they are still a candidate of the grid."""
    if not path.exists():
        return None
    stored = json.loads(path.read_text(encoding="utf-8")).get("judge", {})
    return next((c for c in grid if all(getattr(c, n) == stored.get(n) for n in GRID)), None)


def _distance_from_middle(config: JudgeConfig) -> float:
    dump = config.model_dump()
    return sum(abs(GRID[n].index(dump[n]) - (len(GRID[n]) - 1) / 2) / len(GRID[n]) for n in GRID)


def cross_validate(cases: list[Case], grid: list[JudgeConfig], folds: int = 5, seed: int = 13) -> dict[str, Any]:
    """k-fold: fit on k-1 folds, score the held-out fold; the mean held-out accuracy is the honest figure."""
    order = list(range(len(cases)))
    random.Random(seed).shuffle(order)
    held_out_correct = 0
    per_fold = []
    for k in range(folds):
        test_ids = set(order[k::folds])
        train = [c for i, c in enumerate(cases) if i not in test_ids]
        test = [c for i, c in enumerate(cases) if i in test_ids]
        config, _ = fit(train, grid)
        correct = sum(case.correct[decide(case.signals, config).status] for case in test)
        held_out_correct += correct
        per_fold.append({"fold": k, "n": len(test), "accuracy": round(correct / len(test), 4)})
    return {"folds": folds, "accuracy": round(held_out_correct / len(cases), 4), "per_fold": per_fold}


def ceiling(cases: list[Case]) -> float:
    """The accuracy a perfect verdict would reach with these answers (the answers' own limit)."""
    return sum(any(c.correct.values()) for c in cases) / len(cases) if cases else 0.0


def run(qa: Any, dev: list[GoldItem], validation: list[GoldItem], write: Path | None) -> dict[str, Any]:
    base = JudgeConfig()
    grid = candidates(base)
    dev_cases = collect(qa, dev)
    val_cases = collect(qa, validation)
    cv = cross_validate(dev_cases, grid)
    fitted, dev_accuracy = refit(dev_cases, grid)
    result = {
        "judge": {n: getattr(fitted, n) for n in GRID},
        "dev_accuracy": round(dev_accuracy, 4),
        "cross_validated": cv,
        "validation_accuracy": round(accuracy(val_cases, fitted), 4),
        "dev_ceiling": round(ceiling(dev_cases), 4),
        "validation_ceiling": round(ceiling(val_cases), 4),
        "grid": GRID,
        "n_dev": len(dev_cases),
        "n_validation": len(val_cases),
    }
    if write is not None:
        write.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    from service.container import build_policyqa
    from service.settings import get_settings

    parser = argparse.ArgumentParser(
        prog="python -m evals.fit", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--dataset", type=Path, default=DEV_SET)
    parser.add_argument("--validation", type=Path, default=VALIDATION_SET)
    parser.add_argument("--write", action="store_true", help=f"store the fitted thresholds in {FITTED}")
    args = parser.parse_args(argv)
    qa = build_policyqa(get_settings(), build_if_missing=True)
    result = run(qa, load_gold(args.dataset), load_gold(args.validation), FITTED if args.write else None)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
