"""How much an answer depends on the way a question is typed: each gold question that is answered right is
asked again in ways a person types the same question (a greeting and thanks around it, spaces for
punctuation, 滨江区 for 区里, a particle at the end, "我们是一家企业," before it; in English lower case, no
question mark, a greeting), and each retelling that is no longer answered right is listed.

It needs no new gold wording and reads no item's answer: a rule fitted to one item's words shows up here
as an answer that changes when the words around it do. ``python -m evals.robustness [DATASET ...]``
prints one table per dataset (default: gold_dev and gold_validation).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.gold import DEV_SET, GoldItem, load_gold
from evals.scorer import QuoteVerifier, score_answer

Retelling = Callable[[str], str]


def _is_english(question: str) -> bool:
    return sum(c.isascii() for c in question) > 0.8 * len(question)


def _unpunctuated(question: str) -> str:
    return re.sub(r"[,,。;;!!??、::]+", " ", question).strip()


CHINESE: dict[str, Retelling] = {
    "greeting and thanks": lambda q: f"你好,请问一下,{q}谢谢!",
    "urgent": lambda q: f"麻烦问下:{q}急,在线等",
    "spaces for marks": _unpunctuated,
    "particle at the end": lambda q: re.sub(r"[??]?$", "呀?", q, count=1),
    "滨江区 for 区里": lambda q: q.replace("区里", "滨江区"),
    "who asks first": lambda q: f"我们是一家企业,{q}",
}
ENGLISH: dict[str, Retelling] = {
    "lower case": str.lower,
    "no question mark": lambda q: q.rstrip("? ").rstrip(),
    "greeting and thanks": lambda q: f"Hi, {q} Thanks!",
}


@dataclass
class Row:
    retelling: str
    asked: int = 0
    changed: list[tuple[str, str]] = field(default_factory=list)  # (item id, the question as retold)


def run(ask: Callable[[str], dict[str, Any]], items: list[GoldItem], verifier: QuoteVerifier) -> list[Row]:
    """Each retelling of each item answered right as written, and the ones no longer answered right."""
    items = [i for i in items if not i.history]  # a follow-up is retold with its turns: not here
    right = [i for i in items if score_answer(ask(i.question), i, verifier).correct]
    rows = {name: Row(name) for name in [*CHINESE, *(f"English: {n}" for n in ENGLISH)]}
    for item in right:
        english = _is_english(item.question)
        for name, retell in (ENGLISH if english else CHINESE).items():
            question = retell(item.question)
            if question == item.question:
                continue
            row = rows[f"English: {name}" if english else name]
            row.asked += 1
            if not score_answer(ask(question), item, verifier).correct:
                row.changed.append((item.id, question))
    return [r for r in rows.values() if r.asked]


def table(name: str, rows: list[Row]) -> str:
    lines = [f"### {name}", "", "| retelling | asked | no longer right | items |", "|---|---|---|---|"]
    for r in rows:
        items = ", ".join(i for i, _ in r.changed) or "-"
        lines.append(f"| {r.retelling} | {r.asked} | {len(r.changed)} | {items} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from service.container import build_policyqa
    from service.settings import get_settings

    parser = argparse.ArgumentParser(prog="python -m evals.robustness", description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="*", type=Path, default=[DEV_SET, DEV_SET.with_name("gold_validation.jsonl")])
    args = parser.parse_args(argv)
    qa = build_policyqa(get_settings(), build_if_missing=True)
    verifier = QuoteVerifier(qa.corpus)

    def ask(question: str) -> dict[str, Any]:
        return dict(qa.ask(question, []).model_dump(mode="json"))

    for path in args.datasets:
        print(table(path.name, run(ask, load_gold(path), verifier)), end="\n\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
