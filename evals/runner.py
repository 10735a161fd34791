"""Run a gold set through an answerer (in-process, over HTTP, or a baseline) and score every answer."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from evals.gold import GoldItem
from evals.scorer import ItemScore, QuoteVerifier, score_answer

History = list[dict[str, str]]
AskFn = Callable[[str, History], dict[str, Any]]


def in_process(policyqa: Any) -> AskFn:
    """Ask a built PolicyQA (service.container.build_policyqa) directly."""
    from service.models import Turn

    def ask(question: str, history: History) -> dict[str, Any]:
        turns = [Turn.model_validate(turn) for turn in history]
        return dict(policyqa.ask(question, turns).model_dump(mode="json"))

    return ask


def over_http(url: str, timeout_s: float = 60.0) -> tuple[AskFn, Callable[[], None]]:
    """Ask a running server through POST {url}/api/ask; returns the ask function and a closer."""
    import httpx

    client = httpx.Client(base_url=url.rstrip("/"), timeout=timeout_s, trust_env=False)

    def ask(question: str, history: History) -> dict[str, Any]:
        response = client.post("/api/ask", json={"question": question, "history": history})
        response.raise_for_status()
        return dict(response.json())

    return ask, client.close


def run_items(
    ask: AskFn,
    items: list[GoldItem],
    verifier: QuoteVerifier,
    progress: Callable[[int, int], None] | None = None,
) -> list[ItemScore]:
    """Ask every item (its history included), time it, and score it; an exception scores as a miss."""
    scores = []
    for done, item in enumerate(items, start=1):
        history = [turn.model_dump() for turn in item.history]
        started = time.perf_counter()
        try:
            answer = ask(item.question, history)
            error = None
        except Exception as exc:  # a failing answer is a scored miss, not a crashed run
            answer, error = {"status": "error", "answer": "", "citations": []}, f"{type(exc).__name__}: {exc}"
        latency_ms = (time.perf_counter() - started) * 1000
        score = score_answer(answer, item, verifier)
        score.latency_ms = latency_ms
        if error is not None:
            score.error = error
            score.reasons.insert(0, f"error: {error[:200]}")
        scores.append(score)
        if progress is not None:
            progress(done, len(items))
    return scores
