"""`policyqa facts` and `policyqa check` through the installed console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent / "policyqa"


def _run(tmp_path: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {"POLICYQA_DATA_DIR": str(tmp_path), "PATH": "", "POLICYQA_AS_OF": "2026-12-01"}
    return subprocess.run([BIN, *args], capture_output=True, text=True, check=check, env=env)


def test_facts_json_counts_each_document(tmp_path: Path) -> None:
    body = json.loads(_run(tmp_path, "facts", "--json").stdout)
    counts = {row["doc_no"]: row["facts"] for row in body["counts"]}
    assert set(counts) == {1, 2, 3, 4, 5, 6} and all(n > 0 for n in counts.values())
    assert body["total"] == sum(counts.values()) == len(body["facts"])
    fact = body["facts"][0]
    assert {"doc_number", "printed_page", "quote", "conditions", "benefit"} <= set(fact)


def test_check_prints_verdicts_with_citations(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"kinds": ["总部企业"], "revenue": "25亿", "industry": "批发零售"}), encoding="utf-8")
    text = _run(tmp_path, "check", "--profile", str(profile)).stdout
    assert text.startswith("as of 2026-12-01: 符合 ")
    assert "符合 · 销售型总部" in text and "您的25亿元,达到" in text and "第12页" in text
    body = json.loads(_run(tmp_path, "check", "--profile", str(profile), "--json").stdout)
    assert body["as_of"] == "2026-12-01" and sum(body["counts"].values()) == len(body["results"])
    verdicts = {r["verdict"] for r in body["results"]}
    assert verdicts == {"meets", "fails", "cannot_decide"}


def test_check_rejects_a_bad_profile(tmp_path: Path) -> None:
    profile = tmp_path / "bad.json"
    profile.write_text('{"revenue": "很多"}', encoding="utf-8")
    out = _run(tmp_path, "check", "--profile", str(profile), check=False)
    assert out.returncode == 1 and "not a valid profile" in out.stderr and "Traceback" not in out.stderr
    missing = _run(tmp_path, "check", "--profile", str(tmp_path / "none.json"), check=False)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
