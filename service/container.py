"""The composition root: every component built from one Settings object."""

from __future__ import annotations

import logging

from llama_index.core.embeddings import BaseEmbedding

from corpus.library import Corpus
from indexing.builder import StoreConfig, build_index, builder_fingerprint, current_id, index_change_lock, version_meta
from indexing.embeddings import build_embedding
from service.answering.pipeline import PolicyQAService, Rewriter
from service.live import LiveQA
from service.settings import Settings

log = logging.getLogger(__name__)


def store_config(settings: Settings) -> StoreConfig:
    return StoreConfig(mode=settings.chroma.mode, host=settings.chroma.host, port=settings.chroma.port)


def embedding_model(settings: Settings) -> BaseEmbedding:
    return build_embedding(settings.embedding.mode, settings.embedding.model, settings.embedding.query_cache_size)


def ensure_index(settings: Settings, embed_model: BaseEmbedding, show_progress: bool = True) -> bool:
    """Build the index if there is none, or if the serving one was built by other parsing code (an upgrade
    that changed the chunker or the tokenizer); True when a build ran. A process that finds another one building
    (a replica starting beside it) waits for that build rather than making a second one."""
    if _serving_is_current(settings):
        return False
    with index_change_lock(settings.index_dir):
        if _serving_is_current(settings):
            return False
        if current_id(settings.index_dir) is None:
            log.info("no index under %s: building it (about a minute on two cores)", settings.index_dir)
        else:
            # chunks and keyword tokens from other parsing code would not match the questions' tokens
            log.warning(
                "the index under %s was built by other parsing, chunking or tokenizing code: rebuilding it"
                " (the embedding cache keeps this short)",
                settings.index_dir,
            )
        build_index(
            Corpus.load(added_dir=settings.added_dir),
            embed_model,
            settings.index_dir,
            settings.cache_dir,
            store_config(settings),
            batch_size=settings.embedding.batch_size,
            show_progress=show_progress,
        )
    return True


def _serving_is_current(settings: Settings) -> bool:
    """An index version serves and nothing says other code built it. A version whose metadata cannot be read
    counts as current here: it is damaged, and opening it reports that (never a rebuild behind the
    operator's back); one built before versions recorded their builder is rebuilt once."""
    serving = current_id(settings.index_dir)
    if serving is None:
        return False
    meta = version_meta(settings.index_dir, serving)
    return not meta or meta.get("builder") == builder_fingerprint()


def llm_rewriter(settings: Settings) -> Rewriter | None:
    if not settings.llm.enabled:
        return None
    from service.answering.llm import LLMRewriter

    return LLMRewriter(settings.llm)


def serving_policyqa(settings: Settings, build_if_missing: bool = False) -> LiveQA:
    """The core a server runs: it follows the data dir to each new complete index version (workers get
    ``build_if_missing=False``: `policyqa serve` builds the index once before it starts them)."""
    embed = embedding_model(settings)
    if build_if_missing:
        ensure_index(settings, embed, show_progress=True)
    store, rewriter = store_config(settings), llm_rewriter(settings)
    live = LiveQA(
        lambda: PolicyQAService(settings, embed, store, rewriter=rewriter),
        settings.index_dir,
        poll_seconds=settings.index_poll_seconds,
    )
    return live.start()


def build_policyqa(settings: Settings, build_if_missing: bool = True, show_progress: bool = False) -> PolicyQAService:
    """The question-answering core for ``settings`` (building the index first if needed and allowed)."""
    embed = embedding_model(settings)
    if build_if_missing:
        ensure_index(settings, embed, show_progress=show_progress)
    return PolicyQAService(settings, embed, store_config(settings), rewriter=llm_rewriter(settings))
