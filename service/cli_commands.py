"""Subcommands beyond `corpus`: index (build, add, stats), db, ask, serve, eval."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from service.settings import Settings


def register(commands: argparse._SubParsersAction) -> None:
    """Add the index, db, ask, serve and eval subcommands to ``commands``."""
    from evals.cli import add_eval_command
    from service.serve import add_serve_command

    index = commands.add_parser("index", help="build and inspect the search index").add_subparsers(title="index")
    build = index.add_parser("build", help="build the index (a new version, switched to when complete)")
    build.add_argument("--force", action="store_true", help="rebuild even when an index exists")
    build.set_defaults(run=_index_build)
    add = index.add_parser("add", help="add one PDF/TXT/Markdown document and index it incrementally")
    add.add_argument("file", type=Path)
    add.add_argument("--title", default="", help="title (found in the text when omitted)")
    add.add_argument("--doc-number", default="", help="文号, e.g. 区办〔2024〕3号")
    add.add_argument("--effective", type=date.fromisoformat, help="effective date YYYY-MM-DD")
    add.add_argument("--expires", type=date.fromisoformat, help="last day in force YYYY-MM-DD")
    add.set_defaults(run=_index_add)
    stats = index.add_parser("stats", help="the serving index version")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(run=_index_stats)

    ask = commands.add_parser("ask", help="ask a question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the API contract's JSON")
    ask.add_argument("--history", type=Path, help='JSON file: [{"role": "user"|"assistant", "content": "..."}]')
    ask.set_defaults(run=_ask)

    db = commands.add_parser("db", help="the feedback database").add_subparsers(title="db")
    upgrade = db.add_parser("upgrade", help="create or upgrade the schema to the newest revision (idempotent)")
    upgrade.set_defaults(run=_db_upgrade)
    facts = commands.add_parser("facts", help="awards, subsidies and recognitions extracted as cited data")
    facts.add_argument("--json", action="store_true", help="print JSON: counts per document and every fact")
    facts.add_argument("--doc", type=int, help="only this document (TOC number)")
    facts.set_defaults(run=_facts)
    check = commands.add_parser("check", help="which policy facts a company profile meets (the 政策计算器)")
    check.add_argument("--profile", type=Path, required=True, help="JSON file of a CompanyProfile")
    check.add_argument("--as-of", type=date.fromisoformat, help="judge validity on this date (default today)")
    check.add_argument("--all", action="store_true", help="also list the facts it fails")
    check.add_argument("--json", action="store_true", help="print the /api/eligibility response")
    check.set_defaults(run=_check)

    add_serve_command(commands)
    add_eval_command(commands)


def _index_build(args: argparse.Namespace, settings: Settings) -> int:
    from corpus.library import Corpus
    from indexing.builder import build_index, current_id
    from service.container import embedding_model, store_config

    if current_id(settings.index_dir) is not None and not args.force:
        print(f"an index exists under {settings.index_dir} (use --force to rebuild)")
        return 0
    with _index_change(settings):
        stats = build_index(
            Corpus.load(added_dir=settings.added_dir),
            embedding_model(settings),
            settings.index_dir,
            settings.cache_dir,
            store_config(settings),
            batch_size=settings.embedding.batch_size,
            show_progress=True,
        )
    print(
        f"built {stats['id']}: {stats['chunks']} chunks from {stats['documents']} documents in "
        f"{stats['seconds']} s ({stats['embedded']} embedded, {stats['from_cache']} from cache)"
    )
    return 0


def _index_add(args: argparse.Namespace, settings: Settings) -> int:
    from corpus.loaders import DocumentMeta, LoadError
    from service.container import build_policyqa

    if not args.file.is_file():
        print(f"policyqa: error: no file {args.file}", file=sys.stderr)
        return 1
    qa = build_policyqa(settings, show_progress=True)
    meta = DocumentMeta(
        title=args.title, doc_number=args.doc_number, effective_from=args.effective, expires_on=args.expires
    )
    try:
        with _index_change(settings):
            doc = qa.add_document(args.file, meta, show_progress=True)
    except LoadError as exc:
        print(f"policyqa: error: {exc}", file=sys.stderr)
        return 1
    print(
        f"added document {doc.doc_no}: {doc.title} {doc.doc_number} ({len(doc.clauses)} clauses, "
        f"pages {doc.printed_pages[0]}-{doc.printed_pages[-1]}); index version {qa.version.id}"
    )
    return 0


@contextmanager
def _index_change(settings: Settings) -> Iterator[None]:
    """Hold the data dir's index lock (the one uploads and rebuilds through the API take), or fail clearly."""
    from filelock import Timeout

    from indexing.builder import index_change_lock

    lock = index_change_lock(settings.index_dir)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        raise RuntimeError(
            f"another index change (an upload or rebuild) is running on {settings.index_dir}; "
            "try again when it has finished"
        ) from None
    try:
        yield
    finally:
        lock.release()


def _index_stats(args: argparse.Namespace, settings: Settings) -> int:
    from service.container import build_policyqa

    qa = build_policyqa(settings, build_if_missing=False)
    stats = dict(qa.version.meta)
    stats["serving"] = qa.version.id
    stats["unindexed_documents"] = qa.unindexed_documents()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
    else:
        for key, value in stats.items():
            print(f"{key:>16}: {value}")
    return 0


def _db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from service.feedback import FeedbackStore, FeedbackStoreError
    from service.migrations import current_revision

    try:
        store = FeedbackStore(settings.database_target())  # opening it upgrades it, under a lock
    except FeedbackStoreError as exc:
        print(f"policyqa: error: {exc}", file=sys.stderr)
        return 1
    with store.engine.connect() as connection:
        revision = current_revision(connection)
    print(f"{store.where}: schema at revision {revision}, {store.count()} feedback entries")
    store.close()
    return 0


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from service.container import build_policyqa
    from service.models import Turn

    history: list[Turn] = []
    if args.history is not None:
        history = [Turn.model_validate(t) for t in json.loads(args.history.read_text(encoding="utf-8"))]
    answer = build_policyqa(settings, show_progress=True).ask(args.question, history)
    if args.json:
        print(answer.model_dump_json(indent=1))
        return 0
    print(f"[{answer.status.value}] {answer.answer}\n")
    for n, c in enumerate(answer.citations, start=1):
        print(f"[{n}] 《{c.title}》{c.doc_number} · 第{c.printed_page}页(电子书第{c.ebook_page}页) · {c.section}")
        print(f"    「{c.quote}」")
    for warning in answer.warnings:
        print(f"! {warning}")
    return 0


def _facts(args: argparse.Namespace, settings: Settings) -> int:
    from corpus.library import Corpus
    from service.answering.facts import extract_facts, fact_counts

    corpus = Corpus.load(added_dir=settings.added_dir)
    facts = extract_facts(corpus)
    counts = fact_counts(corpus, facts)
    if args.doc is not None:
        facts = [f for f in facts if f.doc_no == args.doc]
    if args.json:
        payload = {"counts": counts, "total": len(facts), "facts": [f.model_dump(mode="json") for f in facts]}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    for row in counts:
        awards, recognitions = row["awards"], row["recognitions"]
        print(f"{row['doc_no']:>3}. {row['doc_number']:<18} {awards:>3} awards {recognitions:>3} recognitions")
    print(f"     total {sum(int(str(r['facts'])) for r in counts)} facts\n")
    for f in facts:
        conditions = ";".join(c.describe() for c in f.conditions) or "—"
        gives = f.benefit.describe() if f.benefit is not None else f"认定为{f.label}"
        print(f"[{f.id}] {f.label} · {f.doc_number} 第{f.printed_page}页\n    条件:{conditions}\n    给予:{gives}")
    return 0


def _check(args: argparse.Namespace, settings: Settings) -> int:
    from pydantic import ValidationError

    from corpus.library import Corpus
    from service.answering.eligibility import CompanyProfile, Verdict, check
    from service.answering.facts import extract_facts

    try:
        profile = CompanyProfile.model_validate_json(args.profile.read_text(encoding="utf-8"))
    except ValidationError as exc:
        print(f"policyqa: error: {args.profile} is not a valid profile:\n{exc}", file=sys.stderr)
        return 1
    as_of = args.as_of or settings.today()
    results = check(profile, extract_facts(Corpus.load(added_dir=settings.added_dir)), as_of)
    counts = {v.value: sum(r.verdict is v for r in results) for v in Verdict}
    if args.json:
        body = {"as_of": as_of.isoformat(), "counts": counts, "results": [r.model_dump(mode="json") for r in results]}
        print(json.dumps(body, ensure_ascii=False, indent=1))
        return 0
    print(f"as of {as_of}: 符合 {counts['meets']} · 需补充信息 {counts['cannot_decide']} · 不符合 {counts['fails']}\n")
    for r in results:
        if r.verdict is Verdict.FAILS and not args.all:
            continue
        c = r.citation
        validity = "" if r.validity in ("in_force", "unknown") else f" [{r.validity}]"
        print(f"{r.verdict_label} · {r.label}{validity}: {r.gives}")
        for cond in r.conditions:
            print(f"    {cond.condition}:{cond.detail}")
        print(f"    《{c.title}》{c.doc_number} 第{c.printed_page}页 · {c.section}\n    「{c.quote}」")
    return 0
