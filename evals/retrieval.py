"""Retrieval hit@k: does every gold evidence string stand inside the top-k retrieved texts?

Plug in any retriever as a callable ``question -> ranked [(doc_no, printed_pages, text), ...]``::

    from evals.gold import load_gold
    from evals.retrieval import hit_at_k
    result = hit_at_k(lambda q: [(h.citation.doc_no, [h.citation.printed_page], h.text)
                                 for h in policyqa.search(q, limit=10)], load_gold())
    result["hit"]  # {"1": 0.6, "3": ..., "5": ..., "10": ...}

Measured on the single-turn answerable items (``answerable == "yes"`` and no history); an item hits at
k when each of its evidence strings (compact-compared) is inside one of the top-k texts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from corpus.text import compact
from evals.gold import GoldItem
from evals.scorer import percentile

RetrievedChunk = tuple[int, list[int], str]
Retrieve = Callable[[str], Sequence[RetrievedChunk]]
KS = (1, 3, 5, 10)


def first_full_hit(evidence: list[str], texts: Sequence[str]) -> int | None:
    """The smallest k at which every evidence string is inside one of the top-k texts (None: never)."""
    needles = [compact(e) for e in evidence if compact(e)]
    if not needles:
        return None
    found_at: list[int] = []
    compacted = [compact(t) for t in texts]
    for needle in needles:
        rank = next((i + 1 for i, text in enumerate(compacted) if needle in text), None)
        if rank is None:
            return None
        found_at.append(rank)
    return max(found_at)


def hit_at_k(retrieve: Retrieve, items: list[GoldItem], ks: Sequence[int] = KS) -> dict[str, Any]:
    """hit@k over the single-turn answerable items, with per-item first-hit ranks and query latency."""
    measured = [item for item in items if item.single_turn_answerable and item.evidence]
    ranks: dict[str, int | None] = {}
    latencies = []
    for item in measured:
        started = time.perf_counter()
        chunks = list(retrieve(item.question))[: max(ks)]
        latencies.append((time.perf_counter() - started) * 1000)
        ranks[item.id] = first_full_hit(item.evidence, [text for _, _, text in chunks])
    n = len(measured)
    hit = {str(k): round(sum(r is not None and r <= k for r in ranks.values()) / n, 4) if n else None for k in ks}
    return {
        "n": n,
        "hit": hit,
        "ranks": ranks,
        "latency_ms": {"p50": percentile(latencies, 50), "p95": percentile(latencies, 95)},
    }
