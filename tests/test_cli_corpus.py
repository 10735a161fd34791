"""`policyqa corpus` through the installed console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent / "policyqa"


def test_corpus_stats_json(tmp_path: Path) -> None:
    out = subprocess.run(
        [BIN, "corpus", "stats", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env={"POLICYQA_DATA_DIR": str(tmp_path), "PATH": ""},
    )
    stats = json.loads(out.stdout)
    assert {k: stats[k] for k in ("documents", "with_text", "partial", "toc_only", "printed_pages")} == {
        "documents": 31,
        "with_text": 6,
        "partial": [6],
        "toc_only": 25,
        "printed_pages": 47,
    }
    assert stats["clauses"] > 200


def test_corpus_show_by_doc_number_and_unknown(tmp_path: Path) -> None:
    env = {"POLICYQA_DATA_DIR": str(tmp_path), "PATH": ""}
    out = subprocess.run([BIN, "corpus", "show", "区办[2023]12号"], capture_output=True, text=True, check=True, env=env)
    assert "总部经济" in out.stdout and "(五)租房购房补助" in out.stdout and "2028-07-12" in out.stdout
    bad = subprocess.run([BIN, "corpus", "show", "99"], capture_output=True, text=True, env=env)
    assert bad.returncode == 1 and "no document" in bad.stderr
