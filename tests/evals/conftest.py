"""Fixtures shared by the eval tests: the real corpus and a quote verifier over it."""

from __future__ import annotations

import pytest

from corpus.library import Corpus
from evals.scorer import QuoteVerifier


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return Corpus.load()


@pytest.fixture(scope="session")
def verifier(corpus: Corpus) -> QuoteVerifier:
    return QuoteVerifier(corpus)
