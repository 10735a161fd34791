"""hit@k on a deterministic retriever, and the naive baseline's windows and BM25 on the real corpus."""

from __future__ import annotations

from corpus.library import Corpus
from corpus.text import compact
from evals.baselines import BM25Baseline, make_windows
from evals.gold import GoldItem
from evals.retrieval import first_full_hit, hit_at_k


def item(id_: str, evidence: list[str], **extra: object) -> GoldItem:
    return GoldItem.model_validate(
        {"id": id_, "type": "numeric", "question": id_, "answerable": "yes", "evidence": evidence} | extra
    )


def test_first_full_hit_needs_every_evidence_string() -> None:
    texts = ["甲乙", "丙 丁", "戊"]
    assert first_full_hit(["丙丁"], texts) == 2  # whitespace-insensitive
    assert first_full_hit(["甲乙", "戊"], texts) == 3
    assert first_full_hit(["甲乙", "己"], texts) is None


def test_hit_at_k_counts_only_single_turn_answerable_items() -> None:
    ranked = {"a": ["x", "ev-a"], "b": ["ev-b"] + ["x"] * 10, "c": ["x"] * 10}

    def retrieve(question: str) -> list[tuple[int, list[int], str]]:
        return [(1, [1], text) for text in ranked.get(question, [])]

    items = [
        item("a", ["ev-a"]),
        item("b", ["ev-b"]),
        item("c", ["ev-c"]),
        item("f", ["ev-a"], history=[{"role": "user", "content": "q"}]),
        item("n", [], answerable="no"),
    ]
    result = hit_at_k(retrieve, items)
    assert result["n"] == 3
    assert result["hit"] == {"1": round(1 / 3, 4), "3": round(2 / 3, 4), "5": round(2 / 3, 4), "10": round(2 / 3, 4)}
    assert result["ranks"] == {"a": 2, "b": 1, "c": None}


def test_windows_cover_every_document_with_text_and_never_cross_documents(corpus: Corpus) -> None:
    windows = make_windows(corpus)
    for doc in corpus.with_text():
        body = corpus.source_of(doc).body[doc.start : doc.end]
        mine = [w for w in windows if w.doc_no == doc.doc_no]
        assert mine[0].start == doc.start and mine[-1].start + len(mine[-1].text) == doc.end
        assert all(w.text in body and len(w.text) <= 400 for w in mine)
        assert set(doc.printed_pages) == {p for w in mine for p in w.printed_pages}


def test_bm25_baseline_finds_an_exact_phrase(corpus: Corpus) -> None:
    windows = make_windows(corpus)
    bm25 = BM25Baseline(windows)
    top = windows[bm25.ranking("标准创新奖获奖个人一次性奖励多少")[0]]
    assert top.doc_no == 4
    assert "个人" in compact(top.text)
