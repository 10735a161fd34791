"""The eval report: JSON with every number, Markdown for people, a PNG of accuracy by question type."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from evals.gold import QUESTION_TYPES

JSON_NAME, MARKDOWN_NAME, CHART_NAME = "report.json", "report.md", "accuracy_by_type.png"
CALIBRATION = (
    "For reference, SCORING.md's calibration of its naive pipeline: accuracy 0.435, every unanswerable question "
    "answered; hit@5 0.84 fused, 0.81 BM25, 0.82 dense (measured on the dev and held-out sets together)."
)


def machine_info() -> dict[str, Any]:
    """CPU count and model, RAM, Python and OS of the machine the run is on."""
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "ram_gb": _ram_gb(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def git_commit(cwd: Path | None = None) -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=cwd, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return out.stdout.strip() or "unknown"


def write_report(results: dict[str, Any], out_dir: Path) -> dict[str, Path]:
    """Write report.json, report.md and the chart into ``out_dir``; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"json": out_dir / JSON_NAME, "markdown": out_dir / MARKDOWN_NAME, "chart": out_dir / CHART_NAME}
    results.setdefault("generated_at", datetime.now(UTC).isoformat(timespec="seconds"))
    paths["json"].write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_chart(results.get("systems", {}), paths["chart"])
    paths["markdown"].write_text(render_markdown(results), encoding="utf-8")
    return paths


def write_chart(systems: dict[str, Any], path: Path) -> None:
    """Grouped bars: accuracy per question type, one bar per system (baseline vs policyqa)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    types = [t for t in QUESTION_TYPES if any(t in s["summary"]["by_type"] for s in systems.values())]
    types.append("overall")
    fig, ax = plt.subplots(figsize=(11, 4.5))
    width = 0.8 / max(len(systems), 1)
    for i, (name, system) in enumerate(systems.items()):
        summary = system["summary"]
        values = [(summary["by_type"].get(t) or {}).get("accuracy") or 0.0 for t in types[:-1]]
        values.append(summary["accuracy"] or 0.0)
        xs = [x + (i - (len(systems) - 1) / 2) * width for x in range(len(types))]
        ax.bar(xs, values, width, label=f"{name} ({summary['accuracy']:.3f})")
    ax.set_xticks(range(len(types)), types, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("accuracy")
    ax.set_title("Accuracy by question type (gold dev set)")
    ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def render_markdown(results: dict[str, Any]) -> str:
    systems: dict[str, Any] = results.get("systems", {})
    lines = [
        "# policyqa eval report",
        "",
        f"Dataset `{results.get('dataset')}` ({results.get('n_items')} items) · commit `{results.get('commit')}` · "
        f"{results.get('generated_at')} · target: {results.get('target')}",
        "",
    ]
    if systems:
        lines += ["## Answer accuracy", "", *_summary_table(systems), "", "### By question type", ""]
        lines += [*_type_table(systems), "", f"![accuracy by type]({CHART_NAME})", ""]
        lines += ["### Statuses (gold answerability → returned status)", "", *_confusion_tables(systems), ""]
        lines += ["### Direct answers (answerable items returned as answered)", "", *_lead_table(systems), ""]
    if results.get("fit"):
        lines += ["## Generalisation: fitted, cross-validated, held out", "", *_fit_lines(results["fit"], systems), ""]
    if results.get("retrieval"):
        lines += ["## Retrieval hit@k (single-turn answerable items, all gold evidence in the top k)", ""]
        lines += [*_retrieval_table(results["retrieval"]), "", CALIBRATION, ""]
    if results.get("facts"):
        lines += [
            "## Policy facts (awards, subsidies, recognitions as cited data)",
            "",
            *_facts_line(results["facts"]),
            "",
        ]
    if results.get("build"):
        lines += ["## Index build", "", *_build_table(results["build"]), ""]
    if results.get("load"):
        lines += ["## Load benchmark (loopback)", "", *_load_section(results["load"]), ""]
    if results.get("soak"):
        lines += ["## Soak test (loopback, mixed routes)", "", *_soak_section(results["soak"]), ""]
    if results.get("ingestion"):
        lines += ["## Ingestion (documents 2-5 re-made as files; OCR on the same cores)", ""]
        lines += [*_ingestion_table(results["ingestion"]), ""]
    lines += ["## Machine", "", *[f"- {k}: {v}" for k, v in results.get("machine", {}).items()], ""]
    for name, system in systems.items():
        lines += [f"## Misses: {name}", "", *_misses(system["items"]), ""]
    return "\n".join(lines)


def _ingestion_table(rows: dict[str, Any]) -> list[str]:
    out = ["| input | files | pages | seconds | pages/s | note |", "|---|---|---|---|---|---|"]
    for name, r in rows.items():
        out.append(
            f"| {name} | {r['files']} | {r['pages']} | {r['seconds']} | {r['pages_per_s']} | {r.get('note', '')} |"
        )
    return out


def _confusion_tables(systems: dict[str, Any]) -> list[str]:
    lines = []
    for name, system in systems.items():
        table = system["summary"].get("confusion") or {}
        lines += [
            f"**{name}**",
            "",
            "| gold \\ returned | answered | toc_only | not_found | other |",
            "|---|---|---|---|---|",
        ]
        for gold in ("yes", "toc_only", "no"):
            row = table.get(gold, {})
            cells = " | ".join(str(row.get(k, 0)) for k in ("answered", "toc_only", "not_found", "other"))
            lines.append(f"| {gold} | {cells} |")
        lines.append("")
    return lines


def _lead_table(systems: dict[str, Any]) -> list[str]:
    lines = ["| system | answered | every key fact in the first 120 chars | mean answer length |", "|---|---|---|---|"]
    for name, system in systems.items():
        a = system["summary"].get("answered_items") or {}
        lines.append(f"| {name} | {a.get('n')} | {_f(a.get('facts_in_first_120'))} | {a.get('mean_chars')} |")
    return lines


def _fit_lines(fit: dict[str, Any], systems: dict[str, Any]) -> list[str]:
    cv = fit.get("cross_validated") or {}
    validation = systems.get("policyqa · gold_validation", {}).get("summary", {})
    return [
        "The verdict's thresholds are fitted on gold_dev by `python -m evals.fit` (grid search, 5-fold"
        " cross-validation); gold_validation is never fitted on.",
        "",
        "| figure | accuracy |",
        "|---|---|",
        f"| gold_dev, thresholds fitted on all of it | {_f(fit.get('dev_accuracy'))} |",
        f"| gold_dev, {cv.get('folds')}-fold cross-validated (the honest dev figure) | {_f(cv.get('accuracy'))} |",
        f"| gold_validation (independent, held out) | {_f(validation.get('accuracy'))} |",
        *(
            f"| {name.removeprefix('policyqa · ')} (probe set, see evals/datasets/probes/README.md) |"
            f" {_f(system.get('summary', {}).get('accuracy'))} |"
            for name, system in systems.items()
            if name.startswith("policyqa · probe_")
        ),
        "",
        f"Fitted thresholds: `{fit.get('judge')}`",
    ]


def _facts_line(counts: list[dict[str, Any]]) -> list[str]:
    per_doc = ", ".join(f"{c['doc_number']} {c['facts']}" for c in counts)
    return [f"{sum(int(c['facts']) for c in counts)} facts from {len(counts)} documents with text: {per_doc}."]


def _summary_table(systems: dict[str, Any]) -> list[str]:
    rows = [
        "| system | accuracy | strict (quotes verified too) | quotes verified | answered when unanswerable "
        "| ask p50 ms | ask p95 ms | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, system in systems.items():
        s = system["summary"]
        unans = s["answered_when_unanswerable"]
        rows.append(
            f"| {name} | {_f(s['accuracy'])} ({s['correct']}/{s['n']}) | {_f(s['strict_accuracy'])} "
            f"| {_f(s['quotes']['share'])} ({s['quotes']['verified']}/{s['quotes']['total']}) "
            f"| {unans['count']}/{unans['n']} ({_f(unans['share'])}) "
            f"| {_ms(s['latency_ms']['p50'])} | {_ms(s['latency_ms']['p95'])} | {s['errors']} |"
        )
    return rows


def _type_table(systems: dict[str, Any]) -> list[str]:
    names = list(systems)
    rows = ["| type | n | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    types = [t for t in QUESTION_TYPES if any(t in s["summary"]["by_type"] for s in systems.values())]
    for t in types:
        n = next(s["summary"]["by_type"][t]["n"] for s in systems.values() if t in s["summary"]["by_type"])
        cells = []
        for name in names:
            group = systems[name]["summary"]["by_type"].get(t)
            cells.append(f"{_f(group['accuracy'])} ({group['correct']})" if group else "-")
        rows.append(f"| {t} | {n} | " + " | ".join(cells) + " |")
    return rows


def _retrieval_table(retrieval: dict[str, Any]) -> list[str]:
    rows = ["| retriever | n | hit@1 | hit@3 | hit@5 | hit@10 | query p50 ms | query p95 ms |"]
    rows.append("|---|---|---|---|---|---|---|---|")
    for name, r in retrieval.items():
        hits = " | ".join(_f(r["hit"].get(k)) for k in ("1", "3", "5", "10"))
        lat = r.get("latency_ms", {})
        rows.append(f"| {name} | {r['n']} | {hits} | {_ms(lat.get('p50'))} | {_ms(lat.get('p95'))} |")
    return rows


def _build_table(build: dict[str, Any]) -> list[str]:
    rows = ["| index | chunks | seconds | chunks/s | note |", "|---|---|---|---|---|"]
    for name, b in build.items():
        rows.append(
            f"| {name} | {b.get('chunks', '-')} | {_f(b.get('seconds'), 1)} | {_f(b.get('chunks_per_s'), 1)} "
            f"| {b.get('note', '')} |"
        )
    return rows


def _load_section(load: dict[str, Any]) -> list[str]:
    runs = load.get("runs", [load])  # reports written before the side-by-side runs hold one run
    done = [r for r in runs if "error" not in r]
    lines = [f"Not run with {r.get('workers', 1)} worker(s): {r['error']}" for r in runs if "error" in r]
    if not done:
        return lines
    first = done[0]
    lines += [
        f"{first['clients']} concurrent clients for {first['seconds']} s against `policyqa serve --workers N` "
        f"on loopback ({first.get('cores', '?')} cores), alternating /api/ask and /api/search over "
        f"{first.get('questions', '?')} distinct questions.",
        "",
        "| workers | asks/s | ask p50 ms | ask p95 ms | ask p99 ms | searches/s | search p95 ms | errors "
        "| query cache hits / misses | RSS MB start -> end |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in done:
        ask, search = run["routes"]["/api/ask"], run["routes"]["/api/search"]
        cache = run.get("query_cache") or {}
        cached = f"{cache['hits']:.0f} / {cache['misses']:.0f}" if cache else "-"
        lines.append(
            f"| {run.get('workers', 1)} | {_f(ask['rps'], 1)} | {_ms(ask['p50'])} | {_ms(ask['p95'])} "
            f"| {_ms(ask['p99'])} | {_f(search['rps'], 1)} | {_ms(search['p95'])} "
            f"| {ask['errors'] + search['errors']} | {cached} | {run.get('rss_mb_start')} -> {run.get('rss_mb_end')} |"
        )
        if run.get("error_kinds"):
            kinds = ", ".join(f"{kind} x{count}" for kind, count in run["error_kinds"].items())
            lines.append(f"|  | errors: {kinds} (wall {run.get('wall_seconds')} s, request timeout 30 s) |")
    lines += [
        "",
        "The questions repeat during a run, so after the first round the query-embedding cache answers "
        "most embeddings (the hits / misses column, summed over workers).",
    ]
    return lines


def _soak_section(soak: dict[str, Any]) -> list[str]:
    if "error" in soak:
        return [f"Not run: {soak['error']}"]
    start, end, peak = soak["start"], soak["end"], soak["max"]
    lines = [
        f"{soak['clients']} clients for {soak['seconds']:.0f} s against `policyqa serve` (UI mounted) on a copy of "
        f"the data dir, cycling ask, ask/stream, search, chat (plain and streamed), documents, pages, feedback, "
        f"health, ready, metrics, unknown paths and over-long questions, with an index rebuild every 2 minutes: "
        f"{soak['requests']} requests, {soak['server_errors']} server errors or failed connections.",
        "",
        "| server | start (after 10 s) | end | max |",
        "|---|---|---|---|",
    ]
    for key, name in (("rss_mb", "RSS MB"), ("fds", "open fds"), ("threads", "threads")):
        lines.append(f"| {name} | {start[key]} | {end[key]} | {peak[key]} |")
    lines += ["", "Responses: " + ", ".join(f"{k} x{n}" for k, n in soak["statuses"].items()) + "."]
    return lines


def _misses(items: list[dict[str, Any]]) -> list[str]:
    misses = [i for i in items if not i["correct"] or i["unverified_quotes"]]
    if not misses:
        return ["None."]
    lines = []
    for item in misses:
        reasons = list(item["reasons"]) + [f"unverified quote {q}" for q in item["unverified_quotes"]]
        verdict = "miss" if not item["correct"] else "correct, but"
        lines.append(f"- `{item['id']}` ({item['type']}, status {item['status']}) {verdict}: " + "; ".join(reasons))
    return lines


def _f(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def _proc_field(path: str, field: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def _ram_gb() -> float | None:
    value = _proc_field("/proc/meminfo", "MemTotal")
    return round(int(value.split()[0]) / 1024**2, 1) if value else None
