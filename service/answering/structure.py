"""Evidence read from a document's structure rather than ranked: its date statement, its list of steps."""

from __future__ import annotations

import re

from corpus.library import Corpus
from corpus.models import Clause
from corpus.text import compact
from indexing.builder import IndexVersion
from indexing.chunks import Chunk
from service.answering.evidence import Sentence, Terms, coverage, part_terms
from service.answering.plan import STILL_VALID_EN, Asked, QueryPlan, asks_for_list

_ASKS_VALIDITY = re.compile(
    # "还能申报吗" asks whether it still applies; "还能再报" whether one may apply again
    r"有效|施行|到期|失效|过期|实施|生效|废止|还能(?!再|怎么|如何|怎样|哪)|还可以(?!再)|适用|执行|管到|哪一?年的|"
    r"expire|\blaps(?:e|es|ed|ing)\b|valid|effective|in force|"
    rf"{STILL_VALID_EN}|"
    r"start(?:s|ed)? to apply|\bappl(?:y|ies)\s*\?|takes? effect|took effect|which year|"
    r"c[oa]me into (?:force|effect)",
    re.I,
)


def date_statement(plan: QueryPlan, corpus: Corpus, version: IndexVersion) -> Sentence | None:
    """The sentence that states a named document's validity period, for a question about its dates."""
    return next(iter(date_statements(plan, corpus, version)), None)


def date_statements(plan: QueryPlan, corpus: Corpus, version: IndexVersion) -> list[Sentence]:
    """The sentences that state the validity periods of the documents a question about their dates names, one a
    document: by 文号, or by the title words of each ("总部经济那份意见和专精特新那份意见,哪个还有效?")."""
    asked = plan.asked_text or plan.original  # the asker's words: the lexicon expands 什么时候 to 施行
    if not plan.asks_date or not _ASKS_VALIDITY.search(asked) or plan.asks_deadline:
        return []  # a deadline or a schedule is not the policy's validity period
    named = plan.doc_filter or plan.boost_docs
    return [s for s in (statement_of(doc_no, corpus, version) for doc_no in named) if s is not None]


def statement_of(doc_no: int, corpus: Corpus, version: IndexVersion) -> Sentence | None:
    """The sentence of a loaded document that states its validity period, when it has one."""
    doc = corpus.documents.get(doc_no)
    if doc is None or not doc.dates.statement:
        return None
    body = corpus.source_of(doc).body
    start = body.find(doc.dates.statement, doc.start, doc.end or len(body))
    if start < 0:
        return None
    return _sentence_at(version, doc_no, start, start + len(doc.dates.statement), body)


# a rule against having two supports for one thing: 从优、从高、不重复; 择一; 其中一项; 就高
NO_DUPLICATE = re.compile(r"不重复|不得重复|不可重复|择一|其中一项|就高")


def stacking_rule(
    plan: QueryPlan, doc_nos: list[int], corpus: Corpus, version: IndexVersion, terms: Terms | None = None
) -> Sentence | None:
    """For "can we have both?": the sentence of a quoted document (the first that has one) that rules on
    having two supports for one thing ("同一企业、人才、项目获得多项资助(奖励)的,按“从优、从高、不重复”原则"):
    a rule for all supports, or the one naming most of the question's concepts (``terms``, the rarer weighing
    more)."""
    if not plan.asks_stacking:
        return None
    # the question's concepts (``terms``) but the act of having them, each in any of its wordings
    concepts = (
        {k: [a for a in terms.alternatives.get(k, (k,)) if len(a) >= 2] for k in terms if k not in _HAVING}
        if terms
        else {}
    )
    # a question that names documents or is answered from some keeps to theirs; one that names none and whose
    # quoted documents have no such rule ("一个项目能同时拿两个政策的补贴吗?") reads any document's rule for all
    named = bool(plan.doc_filter or plan.boost_docs)
    others = [] if named else [d.doc_no for d in corpus.with_text()]
    for doc_no in dict.fromkeys([*doc_nos, *others]):
        doc = corpus.documents.get(doc_no)
        if doc is None or not doc.has_text:
            continue
        # the word of the document's own subject (总部 in the headquarters policy) names no support of it
        specific = (
            {k: words for k, words in concepts.items() if not any(w in doc.title for w in words)}
            if doc_no in doc_nos
            else {}
        )
        rules = []
        body = corpus.source_of(doc).body
        last = doc.end or len(body)
        for found in NO_DUPLICATE.finditer(body, doc.start, last):
            start = max(doc.start, *(body.rfind(c, doc.start, found.start()) + 1 for c in "。;;\n"))
            ends = [i for i in (body.find(c, found.end(), last) for c in "。;;\n") if i >= 0]
            end = min(ends) + 1 if ends else last
            rules.append((start, end))
        # the rule for the very thing asked, else a rule for all supports ("同一企业、人才、项目获得多项资助…"); not
        # one for another support ("租房、购房补助总部企业可自主选择享受其中一项" says nothing of two lab awards)
        # (the rule naming the most of the question's supports, the rarer weighing more: "租房补助和购房补助能
        # 都拿吗?" is ruled by "租房、购房补助…其中一项", whatever other word the question has)
        naming = (
            [
                (sum(terms[k] for k, words in specific.items() if any(_names(w, body[a:b]) for w in words)), -a, (a, b))
                for a, b in rules
            ]
            if terms
            else []
        )
        best = max(naming, default=None)
        chosen = (best[2] if best is not None and best[0] > 0 else None) or next(
            ((a, b) for a, b in rules if "同一" in body[a:b]), None
        )
        if chosen is not None:
            return _sentence_at(version, doc_no, chosen[0], chosen[1], body)
    return None


_HAVING = frozenset({"享受", "申请", "申报", "同时", "叠加", "兼得"})
_SUPPORT_HEAD = re.compile(r"^(\w{2,})(?:补助|补贴|奖励|资助|奖金)$")


def _names(wording: str, rule: str) -> bool:
    """Whether a rule names a support: in its own wording, or as one of a list sharing the support word
    ("租房补助" in "租房、购房补助…其中一项")."""
    if wording in rule:
        return True
    head = _SUPPORT_HEAD.match(wording)
    return head is not None and re.search(re.escape(head.group(1)) + r"[、和及与]", rule) is not None


def list_parent(plan: QueryPlan, doc_nos: list[int], terms: dict[str, float], corpus: Corpus) -> Clause | None:
    """For "which steps / what conditions" questions: the clause with 3+ items whose opening matches best (for a
    question in parts, by the words of the part that asks for a list when the whole question's find none:
    "评审要经过哪几个环节?" before "拟授奖名单公示多长时间?")."""
    if not plan.asks_list:
        return None
    kind = _list_kind(plan)
    found = _list_parent(doc_nos, terms, corpus, kind)
    listing = [p for p in plan.parts if asks_for_list(p)]
    if found is None and len(plan.parts) > 1 and len(listing) == 1:
        own = part_terms(terms, listing[0])  # (an English key is lower case: "Standard Innovation Award")
        found = _list_parent(doc_nos, own, corpus, kind) if own else None
    return found


# the opening of a list of steps, and of a list of conditions
_STEPS = re.compile(r"程序|流程|步骤")
_CONDITIONS = re.compile(r"条件|标准")


def _list_kind(plan: QueryPlan) -> re.Pattern[str] | None:
    """What a list that answers opens with: steps for "哪些环节/流程?", conditions for "要什么条件?"."""
    if Asked.PROCEDURE in plan.asked and Asked.CRITERION not in plan.asked:
        return _STEPS
    if Asked.CRITERION in plan.asked and Asked.PROCEDURE not in plan.asked:
        return _CONDITIONS
    return None


# the words a question names a kind of list with: steps, and conditions
_KIND_WORDS = {"steps": re.compile(r"环节|步骤|流程|程序|阶段|手续"), "conditions": re.compile(r"条件|要求|标准")}


def _kind_words_share(terms: dict[str, float], opening: str, kind: re.Pattern[str]) -> float:
    """The share of the topic's weight in words that name the kind of list asked and that ``opening`` does not
    write."""
    words = _KIND_WORDS["steps" if kind is _STEPS else "conditions"]
    total = sum(terms.values()) or 1.0
    return sum(w for k, w in terms.items() if words.fullmatch(k) and k not in opening) / total


def _list_parent(
    doc_nos: list[int], terms: dict[str, float], corpus: Corpus, kind: re.Pattern[str] | None = None
) -> Clause | None:
    """The list whose opening covers the topic best; of equal ones, the one whose opening names the kind of
    list asked (a list of steps, or of conditions)."""
    best: tuple[tuple[float, bool], Clause] | None = None
    for doc_no in dict.fromkeys(doc_nos):
        doc = corpus.documents[doc_no]
        for clause in doc.clauses:
            if len(_children(doc.clauses, clause)) < 3:
                continue
            opening = clause.text[:60]
            other = _CONDITIONS if kind is _STEPS else _STEPS if kind is _CONDITIONS else None
            if other is not None and other.search(opening) and not kind.search(opening):  # type: ignore[union-attr]
                continue  # a list of the other kind: conditions do not say how to apply, nor steps who may
            names_kind = bool(kind and kind.search(opening))
            if kind is _STEPS and not names_kind:
                continue  # steps are listed under an opening that says so, not a document's chapters
            # the question's own word for the kind of list ("哪几个环节") is held by an opening that names the kind
            # ("评审程序:")
            held = coverage(terms, opening) + (_kind_words_share(terms, opening, kind) if kind and names_kind else 0.0)
            score = (held, names_kind)
            if score[0] > 0 and (best is None or score > best[0]):
                best = (score, clause)
    return best[1] if best is not None and best[0][0] >= 0.25 else None


def list_chunk(parent: Clause, version: IndexVersion) -> Chunk | None:
    """The chunk that holds the whole list (the clause with its items), when the list is short enough."""
    return next(
        (c for c in version.chunks if c.doc_no == parent.doc_no and c.start == parent.start and c.end > parent.end),
        None,
    )


def list_items(
    plan: QueryPlan, scored: list[Sentence], terms: dict[str, float], corpus: Corpus, version: IndexVersion
) -> list[Sentence]:
    """The list's own opening sentence (when it has one) and the first sentence of each item."""
    parent = list_parent(plan, [s.chunk.doc_no for s in scored[:10]], terms, corpus)
    if parent is None:
        return []
    doc = corpus.documents[parent.doc_no]
    body = corpus.source_of(doc).body
    items = []
    children = _children(doc.clauses, parent)
    # "上市企业总部认定条件是什么?" names one item of the list ("(三)上市企业总部"): that item answers
    asked = compact(plan.asked_text or plan.original)
    named = [c for c in children if len(compact(c.heading)) >= 3 and compact(c.heading) in asked]
    if named:
        children = named
    elif len(parent.text) <= 200 and len(parent.text) > len(parent.marker) + len(parent.heading) + 4:
        intro = _sentence_at(version, doc.doc_no, parent.start, parent.end, body)  # "符合下列条件之一的…"
        if intro is not None:
            items.append(intro)
    for child in children[:8]:
        below = _descendants(doc.clauses, child)
        heading_only = len(compact(child.text)) <= len(compact(child.marker + child.heading)) + 1
        if below and heading_only and below[-1].end - child.start <= SUBTREE_CHARS:
            # an item that is only a heading ("(一)规模型总部"): its sub-items are what it says; one quote
            # per printed page they stand on, so each cites its own page
            spans = _page_spans([child, *below])
            items += [s for s in (_sentence_at(version, doc.doc_no, a, b, body) for a, b in spans) if s]
            continue
        end = child.start + _first_sentence_length(child.text)
        if _asked_apart(plan, child, terms):
            # "要走哪些流程?公示要多久?": the item another part of the question asks about, quoted with what
            # it says after its heading ("4. 社会公示。…公示时间不少于5 个工作日。")
            end += _first_sentence_length(child.text[end - child.start :])
        sentence = _sentence_at(version, doc.doc_no, child.start, end, body)
        if sentence is not None:
            items.append(sentence)
    return items


def _asked_apart(plan: QueryPlan, item: Clause, terms: dict[str, float]) -> bool:
    """Whether a part of the question other than the one asking for the list words this item's heading
    (a topic word of the part inside the heading: 公示 in 社会公示)."""
    if len(compact(item.text)) <= len(compact(item.marker + item.heading)) + 1:
        return False
    heading = compact(item.heading)
    for part in _apart(plan.parts if len(plan.parts) > 1 else [plan.asked_text or plan.original]):
        own = part_terms(terms, part)  # ("public notice" in an English part)
        if any(len(a) >= 2 and a in heading for alternatives in own.alternatives.values() for a in alternatives):
            return True
    return False


def _apart(parts: list[str]) -> list[str]:
    """The parts of a question that do not ask for the list, and the clauses that follow the list's ask within
    its part ("流程有哪几步,名单公示多久?" -> 名单公示多久)."""
    apart = []
    for part in parts:
        if not asks_for_list(part):
            apart.append(part)
            continue
        clauses = [c for c in re.split(r"[,,;;]", part) if c.strip()]
        asking = [n for n, c in enumerate(clauses) if asks_for_list(c)]
        if asking:
            apart += clauses[asking[0] + 1 :]
    return apart


def _page_spans(clauses: list[Clause]) -> list[tuple[int, int]]:
    """(start, end) of the runs of consecutive clauses that begin on the same printed page."""
    spans: list[tuple[int, int, int]] = []
    for clause in clauses:
        page = clause.printed_pages[0] if clause.printed_pages else -1
        if spans and spans[-1][2] == page:
            spans[-1] = (spans[-1][0], clause.end, page)
        else:
            spans.append((clause.start, clause.end, page))
    return [(a, b) for a, b, _ in spans]


def _first_sentence_length(text: str, limit: int = 120) -> int:
    """Length of the first sentence, or of its comma clauses that fit in ``limit``."""
    cut = re.search(r"[。;;]", text)
    end = cut.end() if cut else len(text)
    if end <= limit:
        return end
    commas = [m.end() for m in re.finditer(r"[,,:]", text[:limit])]
    return commas[-1] if commas else limit


SUBTREE_CHARS = 300  # an item that is only a heading is quoted with its sub-items up to this length


def _descendants(clauses: list[Clause], parent: Clause) -> list[Clause]:
    i = clauses.index(parent)
    out: list[Clause] = []
    for clause in clauses[i + 1 :]:
        if clause.level <= parent.level:
            break
        out.append(clause)
    return out


def _children(clauses: list[Clause], parent: Clause) -> list[Clause]:
    """The items directly under ``parent``: its descendants at the level of the first one."""
    below = _descendants(clauses, parent)
    return [c for c in below if c.level == below[0].level]


def _sentence_at(version: IndexVersion, doc_no: int, start: int, end: int, body: str) -> Sentence | None:
    chunk = next((c for c in version.chunks if c.doc_no == doc_no and c.start <= start < c.end), None)
    if chunk is None:
        return None
    return Sentence(chunk, start, end, body[start:end].strip(), score=1.0, coverage=1.0)
