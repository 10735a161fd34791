"""The hybrid retriever as a llama-index BaseRetriever: citation metadata, 文号 and document scopes, and the
README's chat-engine example run against the local OpenAI-compatible server."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fake_openai import fake_chat_server  # type: ignore[import-not-found]
from llama_index.core.schema import QueryBundle

from corpus.models import Validity
from service.answering.pipeline import PolicyQAService
from service.answering.retrieve import HybridRetriever, node_citation
from service.answering.verify import verify

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-27"  # the shared `qa` fixture's date (tests/conftest.py)
METADATA = {"doc_no", "title", "doc_number", "section", "printed_page", "ebook_page", "printed_pages", "ebook_pages"}


def _doc(qa: PolicyQAService, doc_number: str) -> int:
    doc = qa.corpus.by_doc_number(doc_number)
    assert doc is not None and doc.has_text
    return doc.doc_no


def test_nodes_carry_the_citation_and_validity(qa: PolicyQAService) -> None:
    nodes = qa.as_retriever(k=6).retrieve(QueryBundle("企业研发投入的补助标准"))
    assert len(nodes) == 6
    assert [n.score for n in nodes] == sorted((n.score for n in nodes), reverse=True)
    for scored in nodes:
        node, m = scored.node, scored.node.metadata
        assert METADATA | {"validity"} <= set(m)
        doc = qa.corpus.documents[m["doc_no"]]
        assert (m["title"], m["doc_number"]) == (doc.title, doc.doc_number)
        assert m["validity"] == doc.status(qa.settings.today()).value
        assert m["printed_page"] == m["printed_pages"][0] and m["ebook_page"] == m["ebook_pages"][0]
        assert node.get_content() in qa.corpus.source_of(doc).body  # verbatim
        assert m["section"]
        # the model reads title, 文号, section, page and validity beside the text; not the bookkeeping
        llm_view = node.get_content(metadata_mode="llm")  # type: ignore[arg-type]
        assert m["doc_number"] in llm_view and "printed_pages" not in llm_view
    assert any(verify(qa.corpus, node_citation(n.node)) for n in nodes)


def test_an_expired_document_says_so(qa: PolicyQAService) -> None:
    # 区办〔2023〕9号 ran for three years from 2023-05-12: expired on the fixture's date
    doc_no = _doc(qa, "区办〔2023〕9号")
    nodes = qa.as_retriever(k=3, doc_nos=[doc_no]).retrieve("申报条件")
    assert nodes and {n.node.metadata["validity"] for n in nodes} == {Validity.EXPIRED.value}


def test_a_doc_number_in_the_query_restricts_the_search(qa: PolicyQAService) -> None:
    retriever = qa.as_retriever(k=8)
    topic = "人才引进和培养奖励"
    everywhere = {n.node.metadata["doc_number"] for n in retriever.retrieve(topic)}
    assert len(everywhere) > 1  # the topic alone spans documents, so the filter below has work to do
    target = sorted(everywhere)[-1]
    typed = target.replace("〔", "[").replace("〕", "]")  # as people type it
    named = retriever.retrieve(f"{typed} {topic}")
    assert named and {n.node.metadata["doc_number"] for n in named} == {target}
    # without the answers' query planner, the retriever reads the 文号 itself (here from the index's chunks)
    plain = HybridRetriever(qa.version, qa.retriever.store, qa.embed_model, similarity_top_k=8)
    assert plain.planner is None
    assert len({n.node.metadata["doc_number"] for n in plain.retrieve(topic)}) > 1
    alone = plain.retrieve(f"{typed} {topic}")
    assert alone and {n.node.metadata["doc_number"] for n in alone} == {target}
    assert {n.node.metadata["validity"] for n in alone} == {"unknown"}  # no validity given


def test_document_scope_and_per_document_search(qa: PolicyQAService) -> None:
    first, second = _doc(qa, "区办〔2023〕12号"), _doc(qa, "滨政〔2023〕7号")
    scoped = qa.as_retriever(k=5, doc_nos=[first])
    assert {n.node.metadata["doc_no"] for n in scoped.retrieve("奖励标准")} == {first}
    # a 文号 outside the retriever's documents finds nothing rather than leaving its scope
    assert scoped.retrieve("滨政〔2023〕7号 奖励标准") == []
    each = qa.as_retriever(k=2, doc_nos=[first, second], per_document=2).retrieve("奖励标准")
    assert {n.node.metadata["doc_no"] for n in each} == {first, second}
    with_text = {d.doc_no for d in qa.corpus.with_text()}
    every = qa.as_retriever(k=3, per_document=1).retrieve("补助")
    assert {n.node.metadata["doc_no"] for n in every} == with_text


def test_a_query_engine_answers_from_the_retrieved_clauses(qa: PolicyQAService) -> None:
    from llama_index.core.query_engine import RetrieverQueryEngine
    from llama_index.llms.openai_like import OpenAILike

    with fake_chat_server() as (model, base_url):
        llm = OpenAILike(model="fake-qwen", api_base=base_url, api_key="sk-test", is_chat_model=True, timeout=5)
        engine = RetrieverQueryEngine.from_args(qa.as_retriever(k=3), llm=llm)
        response = engine.query("杭高新[2023]5号 对算力有什么补助?")
    assert model.requests and response.response
    cited = [node_citation(n.node) for n in response.source_nodes]
    assert len(cited) == 3 and {c.doc_number for c in cited} == {"杭高新〔2023〕5号"}
    assert any(verify(qa.corpus, c) for c in cited)


def _readme_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    return next(b for b in blocks if "CondensePlusContextChatEngine" in b)


def test_the_readme_chat_engine_keeps_verified_citations(
    built_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_chat_server() as (model, base_url):
        for name, value in {
            "POLICYQA_DATA_DIR": str(built_data_dir),
            "POLICYQA_AS_OF": AS_OF,
            "POLICYQA_LLM__BASE_URL": base_url,
            "POLICYQA_LLM__MODEL": "fake-qwen",
            "POLICYQA_LLM__TIMEOUT_S": "5",
        }.items():
            monkeypatch.setenv(name, value)
        namespace: dict[str, Any] = {}
        exec(compile(_readme_example(), "README.md", "exec"), namespace)
    reply, qa = namespace["reply"], namespace["qa"]
    # the chat engine asked the real endpoint protocol, with the retrieved clauses in its prompt
    assert model.requests and model.requests[-1]["model"] == "fake-qwen"
    prompt = "\n".join(m["content"] for m in model.requests[-1]["messages"])
    assert reply.response.startswith("根据所引文件")
    citations = [node_citation(s.node) for s in reply.source_nodes]
    assert citations and {c.doc_number for c in citations} == {"区办〔2023〕12号"}
    assert all(c.quote in prompt and c.doc_number in prompt for c in citations)
    verified = [c for c in citations if verify(qa.corpus, c)]
    assert verified, "no source node's quote stands on its printed page"
    printed = capsys.readouterr().out
    assert f"第{verified[0].printed_page}页" in printed and "已核实" in printed


def test_the_ranking_knobs_of_the_config_reach_every_retriever(qa: PolicyQAService) -> None:
    knobs = qa.config.retrieve
    for retriever in (qa.retriever, qa.search_retriever, qa.as_retriever(k=3)):
        assert retriever.pool == knobs.pool and retriever.rrf_k == knobs.rrf_k
        assert retriever.named_doc_boost == knobs.named_doc_boost
        assert retriever.diversify_floor == knobs.diversify_floor


def test_reciprocal_rank_fusion_uses_its_constant() -> None:
    from service.answering.retrieve import fuse

    keyword, dense = [("a", 9.0), ("b", 5.0)], [("b", 0.9), ("c", 0.8)]
    for k in (10, 60):
        fused = fuse(keyword, dense, "rrf", rrf_k=k)
        assert fused["a"] == pytest.approx(1 / (k + 1))
        assert fused["b"] == pytest.approx(1 / (k + 2) + 1 / (k + 1))  # second on one side, first on the other
        assert fused["c"] == pytest.approx(1 / (k + 2))


def test_a_documents_own_ranking_weighs_words_by_their_rarity_in_it(qa: PolicyQAService) -> None:
    # my own wording: the headquarters policy's own words (总部企业, 认定, 高新区(滨江)) are in most of its chunks
    # and tell them apart no better than 的; the word rare in it (重点实验室) is what finds the chunk asked for
    retriever = qa.retriever
    hq = _doc(qa, "区办〔2023〕12号")
    query = "总部企业 总部 认定 经认定 滨江 高新区(滨江) 政策 重点实验室"
    own = retriever.keyword_ranking(query, [hq], own_weights=True)
    assert "重点实验室" in retriever.version.by_id[own[0][0]].text
    assert {retriever.version.by_id[i].doc_no for i, _ in own} == {hq}
    # weighed over the whole compilation, the document's own words outrank it
    overall = retriever.keyword_ranking(query, [hq])
    assert "重点实验室" not in retriever.version.by_id[overall[0][0]].text
    # a side-by-side search takes each document's best chunks by its own weights
    found = retriever.search_each_document(query, [hq], k=1, per_document=1)
    assert any("重点实验室" in h.chunk.text for h in found.hits if h.chunk.doc_no == hq)
