"""A preview of the UI over the real corpus and HTTP app, with a keyword-overlap QA core instead of the index.

For looking at the UI while the answering core is elsewhere: `python tests/ui/preview_server.py 8765`,
then run the browser test with POLICYQA_UI_TEST_URL=http://127.0.0.1:8765. Not used by the test suite.
"""

from __future__ import annotations

import sys
from pathlib import Path

from corpus.library import Corpus
from corpus.models import Clause
from service.models import Answer, AnswerStatus, Citation, SearchHit, Turn
from service.settings import Settings


class KeywordQA:
    """Ranks clauses by shared character bigrams with the query; answers with the best three."""

    def __init__(self, corpus: Corpus, settings: Settings):
        self.corpus = corpus
        self.settings = settings

    def _citation(self, clause: Clause) -> Citation:
        doc = self.corpus.documents[clause.doc_no]
        page = self.corpus.clause_pages(clause)[0]
        quote = clause.text.strip()[:80]
        if quote.replace(" ", "") not in page.text.replace(" ", "").replace("\n", ""):
            quote = page.text.strip()[:60]
        return Citation(
            doc_no=doc.doc_no,
            title=doc.title,
            doc_number=doc.doc_number,
            section=clause.section_path,
            printed_page=page.printed_page,
            ebook_page=page.ebook_page,
            quote=quote,
            validity=doc.status(self.settings.today()).value,
        )

    def search(
        self, query: str, *, doc_no: int | None = None, in_force_only: bool = False, limit: int = 10
    ) -> list[SearchHit]:
        grams = {query[i : i + 2] for i in range(len(query) - 1)}
        scored = []
        for clause in self.corpus.clauses():
            if doc_no is not None and clause.doc_no != doc_no:
                continue
            text = " ".join(clause.path) + clause.text
            score = sum(g in text for g in grams) / max(len(grams), 1)
            if score > 0:
                scored.append((score, clause))
        scored.sort(key=lambda pair: -pair[0])
        hits = []
        for score, clause in scored:
            citation = self._citation(clause)
            if in_force_only and citation.validity != "in_force":
                continue
            hits.append(SearchHit(citation=citation, text=clause.text, score=score, validity=citation.validity))
        return hits[:limit]

    def ask(self, question: str, history: list[Turn] | None = None) -> Answer:
        hits = self.search(question, limit=3)
        if not hits:
            return Answer(answer="汇编中没有找到相关内容。", status=AnswerStatus.NOT_FOUND)
        lines = [f"{h.text.strip()[:120]}[{i + 1}]" for i, h in enumerate(hits)]
        warnings = [f"《{h.citation.title}》已失效" for h in hits if h.validity == "expired"]
        return Answer(
            answer="根据汇编:\n" + "\n".join(lines),
            status=AnswerStatus.ANSWERED,
            citations=[h.citation for h in hits],
            warnings=sorted(set(warnings)),
        )

    def ready(self) -> tuple[bool, dict[str, str]]:
        return True, {"index": "preview"}

    def add_document(self, path: Path, meta: object) -> object:
        raise NotImplementedError

    def rebuild(self) -> dict[str, object]:
        raise NotImplementedError


def main(port: int) -> None:
    import tempfile

    import uvicorn

    from service.app import create_app
    from ui.serve import mount_ui

    settings = Settings(data_dir=Path(tempfile.mkdtemp()))
    app = create_app(settings, KeywordQA(Corpus.load(), settings))  # type: ignore[arg-type]
    mount_ui(app, settings, "127.0.0.1", port)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8765)
