"""The `policyqa` command: corpus, index, ask, serve and eval.

It is the entry point that composes every stage: `serve` (ui/serve.py) and `eval` (evals/cli.py)
register themselves through the `policyqa.commands` entry points, so no module of corpus,
indexing or service imports the layers above it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from corpus.library import Corpus
from service.settings import Settings, get_settings


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    handler: Callable[[argparse.Namespace, Settings], int] = args.run
    try:
        return handler(args, get_settings())
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (FileNotFoundError, ValueError, RuntimeError) as exc:
        print(f"policyqa: error: {exc}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policyqa", description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(title="commands")

    corpus = commands.add_parser("corpus", help="inspect the parsed compilation").add_subparsers(title="corpus")
    stats = corpus.add_parser("stats", help="documents, pages and clauses")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(run=_corpus_stats)
    show = corpus.add_parser("show", help="a document's metadata and clause outline")
    show.add_argument("doc_no", help="TOC number (1-31) or 文号")
    show.set_defaults(run=_corpus_show)

    from service import cli_commands

    cli_commands.register(commands)
    for register in layer_commands():
        register(commands)
    return parser


COMMANDS_GROUP = "policyqa.commands"


def layer_commands() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Commands that the layers above the service register as entry points (ui: serve, evals: eval),
    so that this module composes them without importing them (data flows one way)."""
    from importlib.metadata import entry_points

    return [entry.load() for entry in sorted(entry_points(group=COMMANDS_GROUP), key=lambda e: e.name)]


def load_corpus(settings: Settings) -> Corpus:
    return Corpus.load(added_dir=settings.added_dir)


def _corpus_stats(args: argparse.Namespace, settings: Settings) -> int:
    corpus = load_corpus(settings)
    stats = corpus.stats(as_of=settings.today())
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
    else:
        for key, value in stats.items():
            if key != "validity":
                print(f"{key:>14}: {value}")
    return 0


def _corpus_show(args: argparse.Namespace, settings: Settings) -> int:
    from corpus.doc_numbers import normalise_doc_number

    corpus = load_corpus(settings)
    doc = None
    if args.doc_no.isdigit():
        doc = corpus.document(int(args.doc_no))
    elif (number := normalise_doc_number(args.doc_no)) is not None:
        doc = corpus.by_doc_number(number)
    if doc is None:
        print(f"no document {args.doc_no!r}; `policyqa corpus stats` lists how many there are", file=sys.stderr)
        return 1
    today = settings.today()
    print(f"{doc.doc_no}. {doc.title}")
    print(f"   文号 {doc.doc_number} · 发文 {doc.issuer} · {doc.year} · 目录页 {doc.printed_start_page}")
    print(f"   text: {doc.text_status.value}" + (f" ({doc.text_ends_at})" if doc.text_ends_at else ""))
    if doc.printed_pages:
        printed, ebook = doc.printed_pages, doc.ebook_pages
        print(f"   printed pages {printed[0]}-{printed[-1]}, e-book {ebook[0]}-{ebook[-1]}")
    dates = doc.dates
    print(
        f"   effective {dates.effective_from or '?'} · expires {dates.expires_on or '?'} · "
        f"status on {today}: {doc.status(today).value}"
    )
    if dates.statement:
        print(f"   「{dates.statement}」")
    for clause in doc.clauses:
        indent = "  " * max(clause.level - 1, 0)
        pages = ",".join(str(p) for p in clause.printed_pages)
        label = clause.path[-1] if clause.path else clause.heading
        print(f"   {indent}{label}  [p.{pages}]")
    return 0
