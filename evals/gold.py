"""Gold Q&A items (format in evals/datasets/SCORING.md) and the dataset that ships with the package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

DEV_SET = Path(__file__).parent / "datasets" / "gold_dev.jsonl"

QUESTION_TYPES = (
    "numeric",
    "eligibility",
    "procedure",
    "date",
    "colloquial",
    "crossdoc",
    "followup",
    "false_premise",
    "toc_only",
    "unanswerable",
)


class GoldTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class GoldItem(BaseModel):
    """One question with what a correct answer must carry."""

    id: str
    lang: str = "zh"
    type: str
    question: str
    history: list[GoldTurn] = Field(default_factory=list)
    answerable: Literal["yes", "toc_only", "no"]
    doc_nos: list[int] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    pages: list[int] = Field(default_factory=list)
    key_facts: list[list[str]] = Field(default_factory=list, description="Each fact: its acceptable spellings.")
    reference_answer: str = ""
    notes: str = ""

    @property
    def single_turn_answerable(self) -> bool:
        """The items retrieval hit@k is measured on: answerable from the text, with no earlier turns."""
        return self.answerable == "yes" and not self.history


def load_gold(path: Path = DEV_SET, limit: int | None = None) -> list[GoldItem]:
    """Read a gold JSONL file (blank lines skipped); the first ``limit`` items when given."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            items.append(GoldItem.model_validate(json.loads(line)))
    return items[:limit] if limit else items
