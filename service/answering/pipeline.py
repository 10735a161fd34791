"""The question-answering core: plan the query, retrieve, judge answerability, answer, verify, warn."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from llama_index.core.embeddings import BaseEmbedding

from corpus.library import Corpus
from corpus.loaders import DocumentMeta
from corpus.models import PolicyDocument, Validity
from corpus.text import compact
from indexing.additions import add_document
from indexing.builder import IndexVersion, StoreConfig, build_index
from indexing.chunks import Chunk
from indexing.keyword import word_class
from indexing.serving import VectorStores, open_serving
from service.answering.areas import DocumentAreas
from service.answering.catalogue import compose_catalogue
from service.answering.compose import (
    Draft,
    add_quotes,
    as_quote,
    asked_figure,
    asked_year,
    compose_answered,
    compose_not_found,
    compose_repealed,
    compose_toc_only,
    mentions,
    overlaps,
    select_sentences,
)
from service.answering.config import AnsweringConfig, default_config
from service.answering.evidence import (
    IMPLEMENTED_BY,
    Sentence,
    Terms,
    TermWeights,
    coverage,
    extend_window,
    loose,
    score_sentences,
    sentences_of,
)
from service.answering.facts import FactBook
from service.answering.figures import FIGURE, MONEY, NO_CHARGE, YEARLY_CAP, figure_kind, without_budgets
from service.answering.judge import REPEALS, Signals, Verdict, decide, measure
from service.answering.periods import asked_conditions, period_wording
from service.answering.plan import FIGURE_KINDS, Asked, QueryPlan, plan_query
from service.answering.retrieve import HybridRetriever, RetrievalPlan, RetrievalResult, ScoredChunk
from service.answering.structure import (
    NO_DUPLICATE,
    date_statement,
    date_statements,
    list_chunk,
    list_items,
    list_parent,
    stacking_rule,
    statement_of,
)
from service.answering.validity import no_longer_applies, validity_note, validity_warning
from service.answering.verify import citation_for, toc_citation, verified
from service.models import Answer, AnswerStatus, Citation, SearchHit, Turn
from service.settings import Settings

# a line of quoted text with its marker ("「…」[1](区办〔2023〕12号 第13页)"), not a lead sentence
_QUOTE_LINE = re.compile(r"」\[\d+\]")


def _opening_tag(line: str, citations: list[Citation], corpus: Corpus, as_of: date, lang: str) -> str:
    """A word put before the quote ``line`` opens an answer with, when its document (by the line's first marker)
    is no longer or not yet in force ("(已失效)", "(expired) "); "" otherwise."""
    marker = _QUOTE_LINE.search(line)
    n = int(marker.group()[2:-1]) if marker else 0
    if not line.startswith("「") or not 1 <= n <= len(citations):
        return ""
    status = corpus.documents[citations[n - 1].doc_no].status(as_of)
    if status is Validity.EXPIRED:
        return "(已失效)" if lang == "zh" else "(expired) "
    if status is Validity.NOT_YET:
        return "(尚未施行)" if lang == "zh" else "(not yet in force) "
    return ""


class Rewriter(Protocol):
    """An answerer that rewrites the extractive draft (the LLM path); returns None to keep the draft."""

    def rewrite(self, plan: QueryPlan, draft: Draft, warnings: list[str]) -> Draft | None: ...


@dataclass
class Prepared:
    """A question taken up to its verdict: the plan, the ranked chunks, the sentences and the signals."""

    plan: QueryPlan
    result: RetrievalResult
    scored: list[Sentence]
    chosen: list[Sentence]
    signals: Signals
    terms: Terms
    started: float
    retrieved: float
    on_topic: list[Sentence] = field(default_factory=list)  # the chosen sentences the verdict measured


class PolicyQAService:
    """Implements service.protocols.PolicyQA over one loaded index version."""

    def __init__(
        self,
        settings: Settings,
        embed_model: BaseEmbedding,
        store_config: StoreConfig,
        rewriter: Rewriter | None = None,
        config: AnsweringConfig | None = None,
    ) -> None:
        self.settings = settings
        self.embed_model = embed_model
        self.store_config = store_config
        self.rewriter = rewriter
        self.config = config or default_config()
        self.facts = FactBook()
        self._lock = threading.RLock()
        self.stores = VectorStores(store_config)
        self.index_warning = ""
        self.corpus: Corpus
        self.version: IndexVersion
        self.retriever: HybridRetriever
        self.search_retriever: HybridRetriever
        self.weights: TermWeights
        self.areas: DocumentAreas
        self.reload()
        word_class("")  # the dictionary's word classes load once (a second), not on a user's first question

    def release_stores(self) -> None:
        """Close this core's vector-store clients (a retired core, once no request uses it). Not ``close``:
        an app's shutdown closes what it owns, and a core may be shared by several apps (tests do)."""
        self.stores.close()

    def reload(self) -> None:
        """Load the corpus (with added documents) and the serving index version."""
        with self._lock:
            corpus = Corpus.load(added_dir=self.settings.added_dir)
            serving = open_serving(self.settings.index_dir, self.stores)
            version, store, self.index_warning = serving.version, serving.store, serving.warning
            self.corpus, self.version = corpus, version
            retrieval = self.settings.retrieval
            self.retriever = HybridRetriever(
                version,
                store,
                self.embed_model,
                fusion=retrieval.fusion,
                keyword_weight=retrieval.keyword_weight,
                **self._ranking_knobs(),
            )
            # the same indexes, ranked for a person scanning results rather than for the answerer's verdict
            self.search_retriever = HybridRetriever(
                version,
                store,
                self.embed_model,
                fusion=retrieval.search_fusion,
                keyword_weight=retrieval.keyword_weight,
                **self._ranking_knobs(),
            )
            self.weights = TermWeights(version, [d.title for d in corpus.documents.values() if not d.has_text])
            self.areas = DocumentAreas(corpus, self.embed_model)
            self.stores.serve(version, store)

    def _ranking_knobs(self) -> dict[str, Any]:
        """RetrieveConfig's ranking parameters, as HybridRetriever takes them."""
        knobs = self.config.retrieve
        return {
            "pool": knobs.pool,
            "rrf_k": knobs.rrf_k,
            "named_doc_boost": knobs.named_doc_boost,
            "diversify_floor": knobs.diversify_floor,
        }

    def as_retriever(self, k: int = 10, *, doc_nos: list[int] | None = None, per_document: int = 0) -> HybridRetriever:
        """A llama-index retriever over the serving index, ranking as the answers do (their query planning
        and fusion): nodes are chunks whose metadata carry the citation and the document's validity as of
        ``settings.as_of`` (today when unset). A 文号 in the query restricts it to that document; ``doc_nos``
        to those documents; ``per_document`` adds each document's own best chunks after the ``k`` best."""
        with self._lock:
            corpus, version, store = self.corpus, self.version, self.retriever.store
        settings = self.settings
        retrieval = settings.retrieval

        def validity(doc_no: int) -> str:
            return corpus.documents[doc_no].status(settings.today()).value

        def planner(question: str) -> RetrievalPlan:
            # the answers' own reading of a question (a chat engine condenses follow-ups before it asks)
            plan = plan_query(question, [], corpus)
            return RetrievalPlan(plan.text, plan.dense_text, plan.doc_filter, plan.boost_docs, plan.crossdoc)

        return HybridRetriever(
            version,
            store,
            self.embed_model,
            fusion=retrieval.fusion,
            keyword_weight=retrieval.keyword_weight,
            similarity_top_k=k,
            **self._ranking_knobs(),
            doc_nos=doc_nos,
            per_document=per_document,
            doc_numbers={d.doc_number: d.doc_no for d in corpus.documents.values() if d.doc_number},
            validity=validity,
            planner=planner,
        )

    # -- answering -------------------------------------------------------------------------------
    def ask(self, question: str, history: list[Turn] | None = None) -> Answer:
        prepared = self.prepare(question, history or [])
        return self.finish(prepared, decide(prepared.signals, self.config.judge))

    def prepare(self, question: str, history: list[Turn]) -> Prepared:
        """plan -> retrieve -> evidence -> signals: everything before the verdict."""
        started = time.perf_counter()
        corpus, retriever, weights, config = self.corpus, self.retriever, self.weights, self.config
        plan = plan_query(question, history, corpus)
        if plan.crossdoc and (not plan.doc_filter or len(plan.doc_filter) >= 2):
            # (side by side: each document's own best chunks, of every document with text or of those named)
            result = retriever.search_each_document(
                plan.text,
                plan.doc_filter or [d.doc_no for d in corpus.with_text()],
                k=config.retrieve.crossdoc_k,
                dense_query=plan.dense_text,
            )
        else:
            result = retriever.search(
                plan.text,
                k=config.retrieve.answer_k,
                doc_filter=plan.doc_filter,
                boost_docs=plan.boost_docs,
                dense_query=plan.dense_text,
                # within the one document named, its words weigh by their rarity in it: 总部企业, in every chunk
                # of the headquarters policy, does not outweigh 专利 and 银奖 there
                own_weights=len(plan.doc_filter) == 1,
            )
        if plan.quoted:
            result.hits = _pin_quoted(plan.quoted, result.hits, self.version)
        if plan.asks_office and not plan.crossdoc and result.hits:
            result.hits = _with_implementing_clause(result.hits, self.version, plan.doc_filter or plan.boost_docs)
        retrieved = time.perf_counter()
        terms = self._terms(plan)
        given_only = False
        if plan.asks_amount and not plan.crossdoc and result.hits:
            before = len(result.hits)
            known = self.weights.known(terms)
            # (nearer the topic only when the compilation uses every word of it: a fee it never mentions, asked
            # of a document that pays prizes, is not answered by the prizes)
            share = config.evidence.stating_share if len(known) == len(terms) else 1.0
            result.hits = _with_stating_chunk(plan, result.hits, self.version, known, share)
            given_only = len(result.hits) > before
        scored = score_sentences(
            plan,
            _within_named(terms, plan, corpus),
            [(h.chunk, h.score) for h in result.hits],
            config.evidence,
            given_only,
        )
        chosen, structured = self._evidence(plan, scored, terms)
        if structured and not plan.crossdoc:
            chosen = self._parts_beside_a_list(plan, result.hits, chosen)
        if plan.crossdoc and not structured:
            chosen = self._each_part_side_by_side(plan, result.hits, chosen)
        sides = set(plan.boost_docs) | (set(plan.doc_filter) if len(plan.doc_filter) >= 2 else set())
        if plan.crossdoc and len(sides) >= 2:
            # "总部企业和专精特新企业的标准一样吗?" sets the documents it names side by side (by title or 文号): others'
            # quotes only add to read (the lead already keeps to the named ones)
            named = [s for s in chosen if s.chunk.doc_no in sides]
            if len({s.chunk.doc_no for s in named}) >= 2:
                chosen = named
        if not structured and not plan.crossdoc:
            chosen = self._answer_each_part(plan, result.hits, chosen)
        if plan.names_office and chosen:
            chosen = _with_office_seat(chosen, self.version)
        best = max((coverage(terms, c.text) for c in chosen), default=0.0)
        on_topic = [s for s in chosen if coverage(terms, s.text) >= config.evidence.on_topic_share * best]
        signals = measure(
            plan,
            terms.without_description(),
            weights,
            result.hits,
            corpus,
            [s.text for s in on_topic],
            structured,
            config.judge,
            result.dense_ok,
            self.areas.match(result.query_vector),
            config.evidence.neighbour_credit,
            [s.chunk for s in on_topic],
            self.facts.facts(corpus),
            [s.chunk for s in chosen],
            self.settings.today(),
        )
        return Prepared(plan, result, scored, chosen, signals, terms, started, retrieved, on_topic)

    def _terms(self, plan: QueryPlan) -> Terms:
        """The question's topic concepts and their weights, as EvidenceConfig weighs them."""
        evidence = self.config.evidence
        return self.weights.question_terms(plan, evidence.followup_weight, evidence.self_weight)

    def finish(self, prepared: Prepared, verdict: Verdict) -> Answer:
        """compose -> (rewrite) -> verify, for a verdict."""
        plan, corpus, as_of = prepared.plan, self.corpus, self.settings.today()
        if verdict.status is AnswerStatus.ANSWERED and plan.catalogue is not None:
            text, listed = compose_catalogue(
                plan.catalogue,
                corpus,
                as_of,
                plan.lang,
                lambda doc: toc_citation(corpus, doc, as_of),
                lambda doc: self._statement_citation(doc.doc_no, as_of),
                plan.doc_filter[0] if plan.doc_filter else None,
                plan.boost_docs[0] if plan.boost_docs else None,
                plan.doc_numbers[0] if plan.doc_numbers else "",
            )
            draft = Draft(AnswerStatus.ANSWERED, text, listed)
        elif verdict.repealed:
            # "区党委〔2017〕15号还能用吗?": not a document of the compilation, but one of its texts repeals it
            repealing = [s for s in self._mentions(verdict.unlisted[0]) if REPEALS.search(compact(s.text))]
            draft = compose_repealed(plan, verdict, [citation_for(corpus, s, as_of) for s in repealing[:1]])
        elif verdict.status is AnswerStatus.ANSWERED:
            facts = self.facts.facts(corpus)
            shown = _shown(
                prepared.chosen,
                self.config.evidence.show_share,
                plan.crossdoc or prepared.signals.structured,
                plan.asks_stacking,
                plan.asked,
            )
            draft = compose_answered(
                plan,
                shown,
                corpus,
                as_of,
                prepared.terms,
                facts,
                self.config.evidence.followup_weight,
                self.config.evidence.show_chars,
                self.config.evidence.show_topic,
            )
        elif verdict.status is AnswerStatus.TOC_ONLY:
            related: list[Sentence] = []
            terms = prepared.terms
            # loaded text "related" to a listed document's topic names the topic's most specific concept
            rarest = max(terms, key=lambda k: terms[k]) if terms else ""
            on_topic = (
                s for s in prepared.scored if s.coverage >= 0.6 and (not rarest or mentions(terms, rarest, s.text))
            )
            for sentence in on_topic:
                if not any(_overlap(sentence, r) for r in related):
                    related.append(sentence)  # windows of one chunk overlap: each passage once
                if len(related) == 2:
                    break
            draft = compose_toc_only(plan, verdict, related, corpus, as_of)
        else:
            # a grade the quoted list lacks: the list is cited, so the asker sees which grades it names
            # (or the part that names the benefit asked only vaguely)
            index = verdict.grade[2] if verdict.grade[0] else verdict.vague[2] if verdict.vague[0] else -1
            grade_list = prepared.on_topic[index : index + 1] if index >= 0 else []
            if verdict.unlisted:
                # a 文号 the compilation does not hold: where its text mentions it ("原区党委〔2017〕15号文件废止")
                grade_list = self._mentions(verdict.unlisted[0])[:1]
            draft = compose_not_found(
                plan,
                verdict,
                len({c.doc_no for c in self.version.chunks}),
                [citation_for(corpus, s, as_of) for s in grade_list],
            )
        # an answer about the documents' validity says it for each: no warning repeats it
        warnings = [] if plan.catalogue else self._warnings(draft.citations, plan.lang, draft.status)
        if not prepared.result.dense_ok:
            warnings.append("向量检索暂不可用,本次仅用关键词检索作答。(vector store unavailable: keyword search only)")
        if self.rewriter is not None and draft.status is AnswerStatus.ANSWERED and plan.catalogue is None:
            draft = self.rewriter.rewrite(plan, draft, warnings) or draft
        citations, dropped = verified(corpus, draft.citations)
        text = _renumber(draft.text, draft.citations, citations)
        if dropped:
            warnings.append(f"{dropped} 条引用未能在页面原文中核实,已删除。")
        if draft.status is AnswerStatus.ANSWERED and plan.catalogue is None:
            # of the documents whose quotes the answer shows (the others stay sources)
            marked = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
            cited = [
                corpus.documents[n]
                for n in dict.fromkeys(c.doc_no for i, c in enumerate(citations, 1) if i in marked or not marked)
            ]
            note = validity_note(cited, as_of, plan.lang)
            first, _, rest = text.partition("\n")
            # (the documents the note names, by number, or, when it names one, as "该政策" / "the policy" of the
            # fact the lead states)
            stale = [d for d in cited if d.status(as_of) in (Validity.EXPIRED, Validity.NOT_YET)]
            named = all(d.doc_number in first for d in stale) or (
                len(stale) == 1 and ("该政策" in first or "the policy" in first)
            )
            said = ("已失效", "尚未施行", "expired", "no longer in force")
            if note and named and any(w in first for w in said):
                note = ""  # the lead says it already
            if note and rest and not _QUOTE_LINE.search(first) and not first.endswith(":"):
                # under the lead, before the quotes it concerns: the answer says it once, and early
                text = "\n".join((first, note, rest))
            elif note:  # no lead (or a line that introduces the quotes): after the quotes
                # ... and when the quote that opens the answer is of a policy no longer (or not yet) in force, a
                # word of it before the quote, so that it is read first
                text = _opening_tag(first, citations, corpus, as_of, plan.lang) + f"{text}\n{note}"
        done = time.perf_counter()
        return Answer(
            answer=text,
            status=draft.status,
            citations=citations,
            warnings=warnings,
            timings_ms={
                "retrieve": round((prepared.retrieved - prepared.started) * 1000, 1),
                "answer": round((done - prepared.retrieved) * 1000, 1),
            },
            rewritten_query=plan.text if plan.rewritten or plan.lang == "en" else None,
        )

    def _statement_citation(self, doc_no: int, as_of: date) -> Citation | None:
        """The citation of a loaded document's own date statement, when it has one."""
        sentence = statement_of(doc_no, self.corpus, self.version)
        return citation_for(self.corpus, sentence, as_of) if sentence is not None else None

    def _evidence(self, plan: QueryPlan, scored: list[Sentence], terms: Terms) -> tuple[list[Sentence], bool]:
        """Sentences to quote (a list of steps or a date statement when asked, otherwise the best windows),
        and whether they were read from the document's structure rather than ranked."""
        items = list_items(plan, scored, self.weights.known(terms), self.corpus, self.version)
        if items:
            return items, True
        chosen = select_sentences(plan, scored, terms, self.config.evidence)
        if plan.asks_yearly_cap and not plan.crossdoc and chosen:
            # "一年最多补多少?": of the quotes as much on the topic as the best, the first that states a yearly cap
            # answers ("补助金额每年不超过200万元"; not "三年内分别按最高不超过…50%、80%、100%")
            best = coverage(terms, chosen[0].text)
            capped = next(
                (s for s in chosen if YEARLY_CAP.search(compact(s.text)) and coverage(terms, s.text) >= best - 1e-9),
                None,
            )
            if capped is not None:
                chosen = [capped, *(s for s in chosen if s is not capped)]
        if plan.asks_money and not plan.crossdoc and len(chosen) > 1:
            # "组织奖奖金是多少?": the quote that states a sum of money answers first, not one that only names the
            # award and counts its winners (nor one that says it costs nothing: that is an answer)
            states = [MONEY.search(without_budgets(s.text, plan.asks_budget)) is not None for s in chosen]
            free = NO_CHARGE.search(chosen[0].text) and _CHARGE.search(plan.asked_text or plan.original)
            if not states[0] and not free and any(states):
                first = chosen[states.index(True)]
                chosen = [first, *(s for s in chosen if s is not first)]
        if Asked.YES_NO in plan.asked and (plan.elapsed or plan.started) and not plan.crossdoc and chosen:
            # "has been in force for 18 months; can we apply?": a condition on that period answers, when the list
            # naming the question's other words outscored it ("实施2 年以上" under the organisations' conditions)
            # (one the quotes hold opens them: a quote scored lower than the list might not be shown)
            question = period_wording(plan)
            period = next((s for s in chosen if asked_conditions(question, s.text, plan.years_ago)), None)
            if period is None:
                reach = scored[: self.config.evidence.period_reach]
                period = next((s for s in reach if asked_conditions(question, s.text, None)), None)
            if period is not None:
                chosen = [period, *(s for s in chosen if not (s.start < period.end and period.start < s.end))]
        statements = date_statements(plan, self.corpus, self.version)
        statement = statements[0] if statements else None
        pinned: list[Sentence] = []
        for stated in statements:  # each named document's, in the order named
            # the best-scored window around the statement keeps the neighbouring sentence (who implements it)
            around = next((s for s in scored if s.start <= stated.start and stated.end <= s.end), stated)
            # and grows like any quote: what follows a date statement is often what it replaces
            pinned.append(extend_window(around, self.config.evidence.extend_chars, self.config.evidence.sentence_reach))
        if pinned:
            chosen = [*pinned, *[s for s in chosen if not any(_overlap(s, p) for p in pinned)]]
        if plan.asks_still and chosen and not statement:
            # "现在还能申请吗?" answered by a clause of a document that no longer applies: its validity statement
            # after the clause, for the lead that says so
            doc_no = chosen[0].chunk.doc_no
            today = self.settings.today()
            expired = no_longer_applies(self.corpus.documents[doc_no], today, asked_year(plan, today))
            said = statement_of(doc_no, self.corpus, self.version) if expired else None
            first = chosen[0]
            if said is not None and not _overlap(first, said):
                # shown with the clause, right after it, though it was chosen lower already: the lead rests on both
                rest = [s for s in chosen[1:] if not _overlap(s, said)]
                chosen = [first, replace(said, score=first.score), *rest]
        rule = stacking_rule(plan, [s.chunk.doc_no for s in chosen], self.corpus, self.version, terms)
        if rule is not None and not any(s.start < rule.end and rule.start < s.end for s in chosen):
            # "can we have both?": the rule on it after the answer, shown with it whatever it scored
            chosen = [*chosen[:1], replace(rule, score=chosen[0].score), *chosen[1:]]
        evidence = self.config.evidence
        return chosen[: evidence.max_docs if plan.crossdoc else evidence.max_quotes], statement is not None

    def _each_part_side_by_side(
        self, plan: QueryPlan, hits: list[ScoredChunk], chosen: list[Sentence]
    ) -> list[Sentence]:
        """A side-by-side question in several parts ("上市奖400万是哪几个文件规定的?境外上市也是400万吗?"): a
        document whose sentence is as near the best as the side-by-side share asks for one part, read on its own,
        joins, though the words of another part weigh it below the share of the whole question."""
        parts = plan.parts
        evidence = self.config.evidence
        if len(parts) < 2 or not chosen or len(chosen) >= evidence.max_docs:
            return chosen
        ranked = [(h.chunk, h.score) for h in hits]
        docs = {s.chunk.doc_no for s in chosen}
        joined = list(chosen)
        for part in parts:
            own = plan_query(part, [], self.corpus)
            # what the whole question asks of each document (奖400万: an amount) is asked of each part
            own = replace(own, crossdoc=True, asked=own.asked | ((plan.asked | plan.checks_kinds) & FIGURE_KINDS))
            terms = self._terms(own)
            scored = score_sentences(own, terms, ranked, evidence) if terms else []
            for sentence in select_sentences(own, scored, terms, evidence):
                if sentence.chunk.doc_no not in docs and len(joined) < evidence.max_docs:
                    joined.append(replace(sentence, score=joined[-1].score))
                    docs.add(sentence.chunk.doc_no)
        return joined

    def _parts_beside_a_list(self, plan: QueryPlan, hits: list[ScoredChunk], items: list[Sentence]) -> list[Sentence]:
        """A question in parts answered by a list read from the document's structure ("能自己直接报吗?流程上要注意
        啥?": the review's steps): each other part whose most specific word no item holds gets its own best window,
        after the list (by the same lookup as ``_answer_each_part``)."""
        if len(plan.parts) < 2 or len(items) < 3:
            return items  # (not a document's date statement: its own parts are answered by its dates)
        # (the list's heading names it too: "评审程序" holds "流程" of "评审流程是怎样的?")
        listed = " ".join([*(s.text for s in items), *(s.chunk.section for s in items)])
        added: list[Sentence] = []
        for part in plan.parts:
            own, terms, scored = self._part_read(part, hits, items[0].chunk.doc_no)
            if not terms:
                continue
            rarest = max(terms, key=lambda k: terms[k])
            if terms.found(rarest, loose(listed)):
                continue  # the list holds it: the part asks about the list
            best = next((w for w in scored if terms.found(rarest, loose(w.text))), None)
            if best is None or any(_overlap(best, s) for s in items + added):
                continue
            added.append(replace(as_quote(best, own, terms, self.config.evidence), score=items[0].score))
        return items + added

    def _part_read(self, part: str, hits: list[ScoredChunk], home: int) -> tuple[QueryPlan, Terms, list[Sentence]]:
        """One part of a question read on its own: its plan, its terms, and its sentences scored over the retrieved
        chunks and the part's own keyword lookup within document ``home``. A part may ask what the whole question's
        ranking left out ("…交给哪个机构受理?这个机构设在哪个部门?"). (By keywords only: a part's own wording is what
        the whole question's ranking missed, and an embedding per part would double the time of an answer; its
        chunks rank after the question's own.)"""
        own = plan_query(part, [], self.corpus)
        terms = self._terms(own)
        if not terms:
            return own, terms, []
        ranked = [(h.chunk, h.score) for h in hits]
        seen = {chunk.id for chunk, _ in ranked}
        floor = ranked[-1][1] if ranked else 0.0
        lookup = self.retriever.keyword_ranking(own.text, doc_filter=[home])[:3]
        mine = ranked + [(self.version.by_id[i], floor) for i, _ in lookup if i not in seen]
        return own, terms, score_sentences(own, terms, mine, self.config.evidence)

    def _answer_each_part(self, plan: QueryPlan, hits: list[ScoredChunk], chosen: list[Sentence]) -> list[Sentence]:
        """For a question in several parts ("上市目标是多少家?后备企业要保持在多少家?"), the best window of the
        retrieved text for each part read on its own: the quote that holds it, or a new one after the best
        quote. Either is shown like the best quote: it answers part of what was asked."""
        parts = plan.parts
        if len(parts) < 2 or not chosen:
            return chosen
        evidence = self.config.evidence
        top = chosen[0].score
        quotes = list(chosen)
        found: list[Sentence] = []
        for part in parts:
            own, terms, scored = self._part_read(part, hits, chosen[0].chunk.doc_no)
            if not scored:
                continue
            holder = next((i for i, q in enumerate(quotes) if _holds(q, scored[0])), None)
            if holder is not None:
                quotes[holder] = replace(quotes[holder], score=max(quotes[holder].score, top))
            elif not any(_holds(q, scored[0]) for q in found):
                grown = as_quote(scored[0], own, terms, evidence)
                if (
                    own.asked & FIGURE_KINDS
                    and FIGURE.search(scored[0].text)
                    and any(overlaps(grown, q) for q in quotes)
                    and not any(overlaps(scored[0], q) for q in quotes)
                ):
                    # (a figure asked, stated where a quote stops: "…质量奖的单位,分别给予…;" then "…质量奖提名的
                    # 单位,分别给予…25万元…", grown back into the quote, would be dropped as a repeat)
                    grown = scored[0]
                found.append(replace(grown, score=top))
        merged = add_quotes(quotes[:1], found + quotes[1:])
        return merged[: evidence.max_quotes]

    def _mentions(self, doc_number: str) -> list[Sentence]:
        """The sentences of the indexed text that name ``doc_number``, in reading order."""
        wanted = compact(doc_number)
        return [
            sentence
            for chunk in self.version.chunks
            if wanted in compact(chunk.text)
            for sentence in sentences_of(chunk)
            if wanted in compact(sentence.text)
        ]

    def _warnings(self, citations: list[Citation], lang: str, status: AnswerStatus) -> list[str]:
        if status is not AnswerStatus.ANSWERED:
            return []
        as_of = self.settings.today()
        out = []
        for doc_no in dict.fromkeys(c.doc_no for c in citations):
            warning = validity_warning(self.corpus.documents[doc_no], as_of, lang)
            if warning:
                out.append(warning if lang == "zh" else f"Note: {warning}")
        return out

    # -- help-desk search ------------------------------------------------------------------------
    def search(
        self, query: str, *, doc_no: int | None = None, in_force_only: bool = False, limit: int = 10
    ) -> list[SearchHit]:
        corpus, as_of = self.corpus, self.settings.today()
        plan = plan_query(query, [], corpus)
        doc_filter = [doc_no] if doc_no is not None else plan.doc_filter
        if in_force_only:
            allowed = [d.doc_no for d in corpus.with_text() if d.status(as_of) is not Validity.EXPIRED]
            doc_filter = [n for n in (doc_filter or allowed) if n in allowed] or [-1]
        result = self.search_retriever.search(plan.text, k=limit, doc_filter=doc_filter, boost_docs=plan.boost_docs)
        ranked = result.hits
        # a named document's validity clause, or the whole list a "which steps" question asks for, comes first
        statement = date_statement(plan, corpus, self.version)
        terms = self.weights.known(self._terms(plan))
        parent = list_parent(plan, [h.chunk.doc_no for h in ranked], terms, corpus)
        pinned = statement.chunk if statement is not None else list_chunk(parent, self.version) if parent else None
        if pinned is not None:
            ranked = [ScoredChunk(pinned, ranked[0].score if ranked else 1.0)]
            ranked += [h for h in result.hits if h.chunk.id != pinned.id][: limit - 1]
        hits = []
        for hit in ranked:
            chunk, doc = hit.chunk, corpus.documents[hit.chunk.doc_no]
            status = doc.status(as_of).value
            citation = Citation(
                doc_no=doc.doc_no,
                title=doc.title,
                doc_number=doc.doc_number,
                section=chunk.section,
                printed_page=chunk.printed_pages[0],
                ebook_page=chunk.ebook_pages[0],
                quote=chunk.text,
                validity=status,
            )
            hits.append(SearchHit(citation=citation, text=chunk.text, score=round(hit.score, 5), validity=status))
        return hits

    # -- operations ------------------------------------------------------------------------------
    def unindexed_documents(self) -> list[int]:
        """Documents with text that the serving index lacks (an `index add` whose build did not finish)."""
        indexed = {c.doc_no for c in self.version.chunks}
        return [d.doc_no for d in self.corpus.with_text() if d.doc_no not in indexed]

    def ready(self) -> tuple[bool, dict[str, str]]:
        detail = {"index": f"version {self.version.id}, {len(self.version.chunks)} chunks"}
        if missing := self.unindexed_documents():
            detail["index"] += f"; documents {missing} are not indexed yet: run `policyqa index build --force`"
        if self.index_warning:
            detail["index_warning"] = self.index_warning
        store = self.retriever.store
        reachable = store is not None and store.heartbeat()
        detail["vector_store"] = "reachable" if reachable else "unreachable"
        return reachable, detail

    def _build(self, corpus: Corpus, show_progress: bool = False) -> dict[str, Any]:
        return build_index(
            corpus,
            self.embed_model,
            self.settings.index_dir,
            self.settings.cache_dir,
            self.store_config,
            batch_size=self.settings.embedding.batch_size,
            show_progress=show_progress,
        )

    def add_document(self, path: Path, meta: DocumentMeta, show_progress: bool = False) -> PolicyDocument:
        with self._lock:
            build = partial(self._build, show_progress=show_progress)
            document, _ = add_document(path, meta, self.settings.added_dir, build)
            self.reload()
            return document

    def rebuild(self) -> dict[str, Any]:
        with self._lock:
            stats = self._build(Corpus.load(added_dir=self.settings.added_dir))
            self.reload()
            return stats


def _pin_quoted(phrases: list[str], hits: list[ScoredChunk], version: IndexVersion) -> list[ScoredChunk]:
    """Chunks that hold a phrase the asker quotes, verbatim (whitespace and width aside), ranked first:
    a help-desk caller reading a sentence off a printout wants that sentence's source."""
    wanted = [loose(p) for p in phrases]
    holding = [c for c in version.chunks if any(w in loose(c.text) for w in wanted)]
    if not holding:
        return hits
    top = hits[0].score if hits else 1.0
    pinned = [ScoredChunk(c, top * 1.01) for c in holding[:3]]
    ids = {c.id for c in holding[:3]}
    return pinned + [h for h in hits if h.chunk.id not in ids]


def _with_implementing_clause(
    hits: list[ScoredChunk], version: IndexVersion, named: list[int] | tuple[int, ...]
) -> list[ScoredChunk]:
    """For a question asking which office runs a policy: the clause of the policy's own document that says who
    implements or interprets it (every document closes with one: "本办法由…牵头实施", "具体由…负责牵头实施"),
    after the hits, when retrieval left it out. The policy's document: the one the question names, else the
    best hit's."""
    docs = list(named) or [hits[0].chunk.doc_no]
    have = {h.chunk.id for h in hits}
    last = hits[-1].score
    added = [
        ScoredChunk(c, last)
        for c in version.chunks
        if c.doc_no in docs and c.id not in have and IMPLEMENTED_BY.search(c.text)
    ]
    return hits + added[:2]


# an office the text names by a short name ("下设办公室(以下简称评审办)"), and where it sits ("评审办设在…办公室")
_SHORT_NAME = re.compile(r"以下简称[::]?([^()()::,,。]{2,12})[))]")


def _with_office_seat(chosen: list[Sentence], version: IndexVersion) -> list[Sentence]:
    """For a question asking which office: after the first quote that names an office by its short name (in its
    words or its section's: "(七)评审办的主要职责"), the sentence of its document that says where that office sits
    ("评审办设在质量强区工作领导小组办公室"), when the quotes do not have it."""
    short_names: dict[int, tuple[list[Chunk], set[str]]] = {}  # each document's chunks and short names, read once
    for at, sentence in enumerate(chosen[:3]):
        doc_no = sentence.chunk.doc_no
        if doc_no not in short_names:
            chunks = [c for c in version.chunks if c.doc_no == doc_no]
            short_names[doc_no] = (chunks, {m.group(1) for c in chunks for m in _SHORT_NAME.finditer(c.text)})
        doc, names = short_names[doc_no]
        said = f"{sentence.chunk.section} {sentence.text}"
        for name in sorted(n for n in names if n in said):
            seat = re.compile(re.escape(name) + r"设在")
            if any(seat.search(s.text) for s in chosen):
                return chosen
            found = next((s for c in doc for s in sentences_of(c) if seat.match(s.text)), None)
            if found is not None:  # (shown as the quote it explains is)
                return [*chosen[: at + 1], replace(found, score=sentence.score), *chosen[at + 1 :]]
    return chosen


def _with_stating_chunk(
    plan: QueryPlan, hits: list[ScoredChunk], version: IndexVersion, known: dict[str, float], share: float = 1.0
) -> list[ScoredChunk]:
    """For an amount question none of whose retrieved chunks states an amount given: the chunks of the best hit's
    document that state one and hold ``share`` of the topic the best hit holds, the fullest first, after the hits
    ("标准创新奖奖多少?": every clause of the award's document names it, and the eight read are its conditions;
    "个人奖奖金多少?": the clause that pays says 获奖个人, not 个人奖)."""
    figure = asked_figure(plan)
    if not known or any(figure.search(without_budgets(h.chunk.text, plan.asks_budget)) for h in hits):
        return hits
    best = max(coverage(known, h.chunk.indexed_text) for h in hits)
    have = {h.chunk.id for h in hits}
    stating = [
        (coverage(known, c.indexed_text), -i, c)
        for i, c in enumerate(version.chunks)
        if c.doc_no == hits[0].chunk.doc_no
        and c.id not in have
        and figure.search(without_budgets(c.text, plan.asks_budget))
    ]
    added = [ScoredChunk(c, hits[-1].score) for held, _, c in sorted(stating, reverse=True) if held >= share * best]
    return hits + added[:2]


# a question of what is charged ("评审费要交多少?"), which "不收取任何费用" answers
_CHARGE = re.compile(r"费|收钱|交钱|交多少|收多少|\b(?:fees?|charges?|costs?|pay)\b", re.I)


def _within_named(terms: Terms, plan: QueryPlan, corpus: Corpus) -> Terms:
    """The topic for choosing sentences inside the documents a question names by 文号: without the words of
    their own titles ("区办〔2023〕12号里总部企业的人才奖励": every sentence of the 总部经济 document is
    about 总部企业, so a sentence repeating the word is not the better answer)."""
    if not plan.doc_filter:
        return terms
    titles = [loose(corpus.documents[n].title) for n in plan.doc_filter if n in corpus.documents]
    named = {k for k in terms if titles and all(terms.found(k, t) or loose(k) in t for t in titles)}
    if not named or len(named) == len(terms):
        return terms
    return Terms({k: w for k, w in terms.items() if k not in named}, terms.alternatives)


def _overlap(a: Sentence, b: Sentence) -> bool:
    return a.chunk.doc_no == b.chunk.doc_no and a.start < b.end and b.start < a.end


def _holds(quote: Sentence, window: Sentence) -> bool:
    return quote.chunk.doc_no == window.chunk.doc_no and quote.start <= window.start and window.end <= quote.end


# the kind of figure that states each kind of quantity asked
_KIND_STATED = {Asked.AMOUNT: "money", Asked.RATIO: "share", Asked.COUNT: "count", Asked.PERIOD: "period"}


def _shown(
    chosen: list[Sentence], share: float, keep_all: bool, stacking: bool = False, asked: frozenset[Asked] = frozenset()
) -> list[Sentence]:
    """The quotes an answer shows: the first, and the others scoring ``share`` of the best (all of them for
    a side-by-side answer or a list read from the document's structure; ``stacking``: "能叠加吗?" asked, a quote
    holding the rule on having both too; two kinds of quantity ``asked``, "how much does each get, and how many
    are given?": a quote stating a kind that none shown states)."""
    if keep_all or len(chosen) < 2:
        return chosen
    best = max(s.score for s in chosen)
    shown = [
        chosen[0],
        *(s for s in chosen[1:] if s.score >= share * best or (stacking and NO_DUPLICATE.search(s.text))),
    ]
    kinds = [_KIND_STATED[a] for a in sorted(asked) if a in _KIND_STATED]
    for kind in kinds if len(kinds) >= 2 else []:
        if not any(_states(s.text, kind) for s in shown):
            shown += [s for s in chosen if s not in shown and _states(s.text, kind)][:1]
    return [s for s in chosen if s in shown]


def _states(text: str, kind: str) -> bool:
    """Whether ``text`` states a figure of ``kind`` (money, share, count or period; not a budget)."""
    return any(figure_kind(compact(m.group())) == kind for m in FIGURE.finditer(without_budgets(text, False)))


def _renumber(text: str, before: list[Citation], after: list[Citation]) -> str:
    """Markers renumbered after dropped citations (a dropped citation's marker is removed)."""
    if len(before) == len(after):
        return text
    kept = {id(c) for c in after}
    mapping: dict[str, str] = {}
    n = 0
    for i, citation in enumerate(before, start=1):
        if id(citation) in kept:
            n += 1
            mapping[str(i)] = f"[{n}]"
        else:
            mapping[str(i)] = ""
    return re.sub(r"\[(\d+)\]", lambda m: mapping.get(m.group(1), m.group()), text)
