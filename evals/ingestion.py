"""Ingestion benchmark: documents 2-5 re-made as text PDF, Word and web page, plus scanned pages, read by the
loaders (parse time, pages/s, OCR pages/s) and one added end to end (parse + a new index version)."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals.remade_documents import clause_tree, compiled, scanned_pdf, text_pdf, web_page, word_file
from service.settings import Settings

DOCS = (2, 3, 4, 5)
OCR_PAGES = 2  # OCR is the slow part: a couple of pages give its rate


def time_ingestion(settings: Settings, log: Callable[[str], None]) -> dict[str, Any]:
    """Rows per format: files, pages, seconds, pages/s, and whether the clause tree matched the compilation's."""
    from corpus.loaders import load_file

    rows: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="policyqa-ingest-") as tmp:
        root = Path(tmp)
        makers: dict[str, Callable[[int, Path], None]] = {
            "text PDF": lambda n, p: text_pdf(compiled(n)[1], p),
            "Word .docx": lambda n, p: word_file(compiled(n)[1], p),
            "web page .html": lambda n, p: web_page(compiled(n)[1], compiled(n)[0].title, p),
        }
        suffixes = {"text PDF": ".pdf", "Word .docx": ".docx", "web page .html": ".html"}
        for name, make in makers.items():
            log(f"ingestion: reading documents {DOCS} as {name}…")
            pages = seconds = matched = 0.0
            for n in DOCS:
                path = root / f"doc{n}{suffixes[name]}"
                make(n, path)
                started = time.perf_counter()
                loaded = load_file(path, doc_no=40).document
                seconds += time.perf_counter() - started
                pages += len(compiled(n)[1])
                with_pages = name == "text PDF"
                matched += clause_tree(loaded, with_pages) == clause_tree(compiled(n)[0], with_pages)
            rows[name] = _row(len(DOCS), pages, seconds, f"clause tree identical for {matched:.0f}/{len(DOCS)}")
        log(f"ingestion: OCR of {OCR_PAGES} scanned pages…")
        path = root / "scan.pdf"
        scanned_pdf(compiled(3)[1][:OCR_PAGES], path)
        started = time.perf_counter()
        scan = load_file(path, doc_no=40)
        seconds = time.perf_counter() - started
        confidence = min(p.ocr_confidence or 0 for p in scan.pages)
        rows["scanned PDF (OCR)"] = _row(1, OCR_PAGES, seconds, f"150 dpi; lowest page confidence {confidence:.3f}")
        rows["add + index (text PDF)"] = _add_end_to_end(settings, root / "doc2.pdf", log)
    return rows


def _row(files: int, pages: float, seconds: float, note: str) -> dict[str, Any]:
    return {
        "files": files,
        "pages": int(pages),
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 2) if seconds else None,
        "note": note,
    }


def _add_end_to_end(settings: Settings, pdf: Path, log: Callable[[str], None]) -> dict[str, Any]:
    """One upload's cost: parse, record, build a new version (embedding cache warm from the data dir)."""
    from corpus.loaders import DocumentMeta
    from indexing.additions import add_document
    from indexing.builder import build_index
    from service.container import embedding_model, store_config

    log("ingestion: adding document 2 (as a text PDF) and building a new index version…")
    with tempfile.TemporaryDirectory(prefix="policyqa-ingest-data-") as tmp:
        data = Path(tmp)
        cache = data / "embedding-cache"
        for suffix in ("", "-wal", "-shm"):  # the cache is one SQLite file (with its write-ahead log)
            if (source := settings.cache_dir.with_name(settings.cache_dir.name + suffix)).is_file():
                shutil.copy2(source, cache.with_name(cache.name + suffix))
        local = settings.model_copy(update={"data_dir": data})
        embed = embedding_model(local)
        meta = DocumentMeta(
            doc_number="区测〔2099〕1号", title="基准测试文件"
        )  # a new 文号: the compilation holds doc 2

        def build(corpus: Any) -> dict[str, Any]:
            return build_index(corpus, embed, local.index_dir, cache, store_config(local), show_progress=False)

        started = time.perf_counter()
        document, stats = add_document(pdf, meta, local.added_dir, build)
        seconds = time.perf_counter() - started
    return {
        "files": 1,
        "pages": len(document.printed_pages),
        "seconds": round(seconds, 2),
        "pages_per_s": round(len(document.printed_pages) / seconds, 2) if seconds else None,
        "note": f"{stats.get('chunks')} chunks, {stats.get('embedded')} embedded, rest from the cache",
    }
