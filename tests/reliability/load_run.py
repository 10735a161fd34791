"""Load measurement for docs/reliability.md (not collected by pytest): 16 clients for 60 s on loopback.

    .venv/bin/python tests/reliability/load_run.py DATA_DIR [--clients 16] [--seconds 60]

DATA_DIR holds a built index (it is copied, so the run writes nothing there). Prints the benchmark's JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from evals.load import ServerProcess, rss_mb, run_load

QUESTIONS = [
    "总部企业境内上市奖励多少?",
    "租房补贴怎么申请?",
    "上海张江对小巨人企业奖励多少钱?",
    "高层次人才购房补助有多少?",
    "总部企业认定条件是什么?",
    "Which policies are still in force?",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="policyqa-load-") as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        for name in ("index", "embedding-cache"):
            source = args.data_dir / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, data / name)
        env = {"POLICYQA_DATA_DIR": str(data), "POLICYQA_LOG_LEVEL": "WARNING"}
        with ServerProcess(env=env) as server:
            warm = run_load(server.url, QUESTIONS, clients=2, seconds=5, pid=server.pid)
            result = run_load(server.url, QUESTIONS, clients=args.clients, seconds=args.seconds, pid=server.pid)
            result["rss_mb_after_warmup"] = warm["rss_mb_end"]
            result["rss_mb_at_startup"] = warm["rss_mb_start"]
            result["rss_mb_after_stop_of_load"] = rss_mb(server.pid)
            result["startup_seconds"] = round(server.startup_seconds or 0, 1)
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
