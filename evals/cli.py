"""`policyqa eval`: score a gold set against policyqa (in-process or --url) and write the report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from service.settings import Settings


def add_eval_command(commands: argparse._SubParsersAction) -> None:
    """Register `policyqa eval`."""
    from evals.gold import DEV_SET

    parser = commands.add_parser("eval", help="score a gold set and write a Markdown + JSON report")
    parser.add_argument("--dataset", type=Path, default=DEV_SET, help="gold JSONL (default: the dev set)")
    parser.add_argument("--url", help="score a running server (POST {url}/api/ask) instead of in-process")
    parser.add_argument("--out", type=Path, default=Path("evals/reports"), help="report directory")
    parser.add_argument("--bench", action="store_true", help="add baselines, index build timing and load benchmark")
    parser.add_argument("--limit", type=int, help="only the first N items")
    parser.add_argument("--clients", type=int, default=8, help="load benchmark: concurrent clients (max 32)")
    parser.add_argument("--seconds", type=float, default=20.0, help="load benchmark: duration (max 300)")
    parser.add_argument(
        "--load-workers",
        type=_worker_counts,
        default=(1, 2),
        help="load benchmark: `serve --workers` values to run side by side, e.g. 1,2 (default)",
    )
    parser.set_defaults(run=_run)


def _worker_counts(value: str) -> tuple[int, ...]:
    counts = tuple(int(part) for part in value.split(",") if part.strip())
    if not counts or min(counts) < 1 or max(counts) > 16:
        raise argparse.ArgumentTypeError("give worker counts from 1 to 16, separated by commas")
    return counts


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from evals.report import write_report
    from evals.suite import EvalOptions, run_suite

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    options = EvalOptions(
        dataset=args.dataset,
        url=args.url,
        bench=args.bench,
        limit=args.limit,
        clients=args.clients,
        seconds=args.seconds,
        load_workers=args.load_workers,
    )
    results = run_suite(settings, options, log)
    paths = write_report(results, args.out)
    for name, system in results["systems"].items():
        s = system["summary"]
        unanswerable = s["answered_when_unanswerable"]
        print(
            f"{name}: accuracy {s['accuracy']} ({s['correct']}/{s['n']}), quotes verified {s['quotes']['share']}, "
            f"answered when unanswerable {unanswerable['count']}/{unanswerable['n']}"
        )
    for name, r in results["retrieval"].items():
        print(f"{name}: hit@k {r['hit']}")
    print(f"report: {paths['markdown']} ({paths['json'].name}, {paths['chart'].name})")
    return 0
