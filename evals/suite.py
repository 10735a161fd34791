"""One eval run: policyqa (in-process or over HTTP), and with ``bench`` the baselines, build and load numbers."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.library import Corpus
from evals.gold import DEV_SET, GoldItem, load_gold
from evals.report import git_commit, machine_info
from evals.retrieval import RetrievedChunk, hit_at_k
from evals.runner import AskFn, in_process, over_http, run_items
from evals.scorer import ItemScore, QuoteVerifier, aggregate
from service.settings import ChromaSettings, Settings


@dataclass
class EvalOptions:
    dataset: Path = DEV_SET
    url: str | None = None
    bench: bool = False
    limit: int | None = None
    clients: int = 8
    seconds: float = 20.0
    load_workers: tuple[int, ...] = (1, 2)
    soak_seconds: float = 600.0


def run_suite(settings: Settings, options: EvalOptions, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Everything the report needs, as a JSON-ready dict."""
    items = load_gold(options.dataset, options.limit)
    results: dict[str, Any] = {
        "dataset": _display_path(options.dataset),
        "n_items": len(items),
        "commit": git_commit(),
        "target": options.url or "in-process (service.container.build_policyqa)",
        "machine": machine_info(),
        "systems": {},
        "retrieval": {},
        "build": {},
        "facts": policy_fact_counts(settings),
    }
    if options.bench:
        _run_baselines(settings, items, results, log)
    _run_policyqa(settings, options, items, results, log)
    if options.bench:
        if not options.url:
            results["build"].update(time_policyqa_build(settings, log))
        results["load"] = _run_load(settings, options, items, log)
        if not options.url and options.soak_seconds > 0:
            results["soak"] = _run_soak(settings, options, log)
        from evals.ingestion import time_ingestion

        results["ingestion"] = time_ingestion(settings, log)
    return results


VALIDATION_SET = DEV_SET.with_name("gold_validation.jsonl")
# probe sets written from the corpus alone by other readers (evals/datasets/probes/README.md): reported, never fitted
PROBE_SETS = sorted((DEV_SET.parent / "probes").glob("probe_*.jsonl"))


def fitted_summary() -> dict[str, Any]:
    """The verdict thresholds and their cross-validated accuracy, as evals.fit stored them."""
    import json

    from service.answering.config import FITTED

    if not FITTED.exists():
        return {}
    data: dict[str, Any] = json.loads(FITTED.read_text(encoding="utf-8"))
    return {k: data.get(k) for k in ("judge", "dev_accuracy", "cross_validated", "validation_accuracy")}


def policy_fact_counts(settings: Settings) -> list[dict[str, object]]:
    """How many policy facts (awards, recognitions) each document with text yields."""
    from corpus.library import Corpus
    from service.answering.facts import extract_facts, fact_counts

    corpus = Corpus.load(added_dir=settings.added_dir)
    return fact_counts(corpus, extract_facts(corpus))


def _run_soak(settings: Settings, options: EvalOptions, log: Callable[[str], None]) -> dict[str, Any]:
    from evals.soak import soak_copy

    try:
        return soak_copy(settings.data_dir, options.soak_seconds, log)
    except RuntimeError as exc:
        return {"error": str(exc)}


def _run_policyqa(
    settings: Settings, options: EvalOptions, items: list[GoldItem], results: dict[str, Any], log: Callable[[str], None]
) -> None:
    close: Callable[[], None] = lambda: None  # noqa: E731
    if options.url:
        ask, close = over_http(options.url)
        corpus = Corpus.load(added_dir=settings.added_dir)
        retrieve = _http_search(options.url)
    else:
        from service.container import build_policyqa

        log("building policyqa (service.container.build_policyqa)…")
        started = time.perf_counter()
        policyqa = build_policyqa(settings)
        results["startup_seconds"] = round(time.perf_counter() - started, 2)
        ask, corpus = in_process(policyqa), policyqa.corpus
        retrieve = _search_retriever(policyqa)
    try:
        log(f"asking policyqa {len(items)} questions…")
        scores = run_items(ask, items, QuoteVerifier(corpus), progress=_progress(log))
        results["systems"]["policyqa"] = _system(scores)
        if options.dataset == DEV_SET and options.limit is None:
            # generalisation beside the fitted figure: the independent validation set, and the k-fold figure
            validation = load_gold(VALIDATION_SET)
            log(f"asking policyqa the {len(validation)} validation questions…")
            results["systems"]["policyqa · gold_validation"] = _system(
                run_items(ask, validation, QuoteVerifier(corpus))
            )
            for path in PROBE_SETS:
                probes = load_gold(path)
                log(f"asking policyqa the {len(probes)} questions of {path.stem}…")
                results["systems"][f"policyqa · {path.stem}"] = _system(run_items(ask, probes, QuoteVerifier(corpus)))
            results["fit"] = fitted_summary()
        results["retrieval"]["policyqa search"] = hit_at_k(retrieve, items)
        if not options.url:
            for name, component in _component_retrievers(policyqa).items():
                results["retrieval"][name] = hit_at_k(component, items)
    finally:
        close()


def _run_baselines(settings: Settings, items: list[GoldItem], results: dict[str, Any], log: Callable[[str], None]):
    from evals.baselines import NaivePipeline

    log("building the naive baseline (400-char windows, BM25 + e5)…")
    corpus = Corpus.load(added_dir=settings.added_dir)
    naive = NaivePipeline(corpus, settings.data_dir / "evals-cache")
    results["build"]["naive windows"] = {
        "chunks": len(naive.windows),
        "seconds": round(naive.build_seconds, 2),
        "chunks_per_s": round(len(naive.windows) / naive.build_seconds, 1) if naive.build_seconds else None,
        "note": "window vectors from the on-disk cache" if not naive.dense.embed_seconds else "embedded now",
    }
    for name in ("bm25", "dense", "fused"):
        results["retrieval"][f"naive {name}"] = hit_at_k(naive.retriever(name), items)
    ask: AskFn = naive.ask
    scores = run_items(ask, items, QuoteVerifier(corpus))
    results["systems"]["naive (RRF, top-2 pasted)"] = _system(scores)


def time_policyqa_build(settings: Settings, log: Callable[[str], None]) -> dict[str, Any]:
    """Build the policyqa index in an empty data dir (cold embedding cache), then again (warm cache)."""
    from indexing.builder import build_index
    from service.container import embedding_model, store_config

    log("timing a policyqa index build in an empty data dir…")
    fresh = settings.model_copy(update={"chroma": ChromaSettings(mode="persistent")})
    embed = embedding_model(fresh)
    corpus = Corpus.load(added_dir=settings.added_dir)
    rows: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="policyqa-bench-") as tmp:
        root, cache = Path(tmp) / "index", Path(tmp) / "embedding-cache"
        for name, note in (
            ("policyqa first build", "empty data dir: chunk, embed every chunk, keyword index, Chroma"),
            ("policyqa rebuild", "a new version with the embedding cache warm"),
        ):
            started = time.perf_counter()
            stats = build_index(corpus, embed, root, cache, store_config(fresh), show_progress=False)
            seconds = time.perf_counter() - started
            chunks = int(stats.get("chunks", 0))
            rows[name] = {
                "chunks": chunks,
                "seconds": round(seconds, 2),
                "chunks_per_s": round(chunks / seconds, 1) if seconds else None,
                "embedded": stats.get("embedded"),
                "note": note,
            }
    return rows


def _run_load(
    settings: Settings, options: EvalOptions, items: list[GoldItem], log: Callable[[str], None]
) -> dict[str, Any]:
    """The load benchmark against ``options.url``, or against `policyqa serve` started once per worker count."""
    from evals.load import ServerProcess, run_load

    questions = [i.question for i in items if not i.history] or ["专精特新企业有什么奖励?"]
    runs: list[dict[str, Any]] = []
    if options.url:
        log(f"load benchmark against {options.url}…")
        return {"runs": [run_load(options.url, questions, clients=options.clients, seconds=options.seconds)]}
    for workers in options.load_workers:
        log(f"starting `policyqa serve --workers {workers}` on a free loopback port for the load benchmark…")
        try:
            with ServerProcess(workers=workers) as server:
                log(f"server up in {server.startup_seconds:.1f} s; {options.clients} clients for {options.seconds} s…")
                result = run_load(
                    server.url, questions, clients=options.clients, seconds=options.seconds, pid=server.pid
                )
                result["server_startup_seconds"] = round(server.startup_seconds or 0.0, 2)
        except RuntimeError as exc:
            result = {"error": str(exc)}
        runs.append({"workers": workers, "cores": os.cpu_count(), "questions": len(set(questions)), **result})
    return {"runs": runs}


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _system(scores: list[ItemScore]) -> dict[str, Any]:
    return {"summary": aggregate(scores), "items": [s.model_dump() for s in scores]}


def _search_retriever(policyqa: Any) -> Callable[[str], list[RetrievedChunk]]:
    def retrieve(question: str) -> list[RetrievedChunk]:
        hits = policyqa.search(question, limit=10)
        return [(h.citation.doc_no, [h.citation.printed_page], h.text) for h in hits]

    return retrieve


def _component_retrievers(policyqa: Any) -> dict[str, Callable[[str], list[RetrievedChunk]]]:
    """policyqa's own rankings taken apart (same query planning): BM25 alone, dense alone, both fusions."""
    from service.answering.plan import plan_query
    from service.answering.retrieve import HybridRetriever

    retriever = policyqa.retriever

    def ranked(ids: list[str]) -> list[RetrievedChunk]:
        chunks = [retriever.version.by_id[i] for i in ids[:10]]
        return [(c.doc_no, c.printed_pages, c.text) for c in chunks]

    def planned(question: str) -> Any:
        return plan_query(question, [], policyqa.corpus)

    def bm25(question: str) -> list[RetrievedChunk]:
        plan = planned(question)
        return ranked([i for i, _ in retriever.keyword_ranking(plan.text, plan.doc_filter)])

    def dense(question: str) -> list[RetrievedChunk]:
        plan = planned(question)
        return ranked([i for i, _ in retriever.dense_ranking(plan.text, plan.doc_filter)])

    def fused(mode: str) -> Callable[[str], list[RetrievedChunk]]:
        variant = HybridRetriever(retriever.version, retriever.store, retriever.embed_model, fusion=mode)  # type: ignore[arg-type]

        def retrieve(question: str) -> list[RetrievedChunk]:
            plan = planned(question)
            hits = variant.search(plan.text, k=10, doc_filter=plan.doc_filter, boost_docs=plan.boost_docs).hits
            return ranked([h.chunk.id for h in hits])

        return retrieve

    return {
        "policyqa bm25": bm25,
        "policyqa dense": dense,
        "policyqa fused rrf": fused("rrf"),
        "policyqa fused weighted": fused("weighted"),
    }


def _http_search(url: str) -> Callable[[str], list[RetrievedChunk]]:
    import httpx

    def retrieve(question: str) -> list[RetrievedChunk]:
        response = httpx.post(f"{url.rstrip('/')}/api/search", json={"query": question, "limit": 10}, timeout=60)
        response.raise_for_status()
        body = response.json()
        hits = (body.get("hits") or body.get("results") or []) if isinstance(body, dict) else body
        return [(h["citation"]["doc_no"], [h["citation"]["printed_page"]], h["text"]) for h in hits]

    return retrieve


def _progress(log: Callable[[str], None]) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        if done % 20 == 0 or done == total:
            log(f"  {done}/{total}")

    return report
