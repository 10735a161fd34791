"""Input limits shared by the ask, search and chat routes (bounds come from settings)."""

from __future__ import annotations

import unicodedata

from service.errors import ApiError
from service.models import Turn
from service.settings import Settings


def clean_text(value: str) -> str:
    """Drop control characters (keeping newlines and tabs) and surrounding space; refuse unpaired surrogates."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValueError("text holds an unpaired surrogate (invalid Unicode); send UTF-8 text")
    kept = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return kept.strip()


def not_blank(value: str) -> str:
    """A pydantic validator: cleaned text that must not be empty."""
    cleaned = clean_text(value)
    if not cleaned:
        raise ValueError("must not be empty or only whitespace")
    return cleaned


def check_question(question: str, settings: Settings, field: str = "question") -> None:
    if len(question) > settings.max_question_chars:
        raise ApiError(
            422,
            f"{field}_too_long",
            f"{field} has {len(question)} characters; at most {settings.max_question_chars} are accepted",
        )


def check_history(history: list[Turn], settings: Settings) -> None:
    if len(history) > settings.max_history_turns:
        raise ApiError(
            422,
            "history_too_long",
            f"history has {len(history)} turns; at most {settings.max_history_turns} are accepted "
            "(send only the latest turns)",
        )
    longest = history_turn_chars(settings)
    for i, turn in enumerate(history):
        if any("\ud800" <= ch <= "\udfff" for ch in turn.content):
            raise ApiError(422, "invalid_text", f"history[{i}] holds an unpaired surrogate (invalid Unicode)")
        if len(turn.content) > longest:
            raise ApiError(
                422, "history_turn_too_long", f"history[{i}] has {len(turn.content)} characters; at most {longest}"
            )


def history_turn_chars(settings: Settings) -> int:
    """An answer in the history may be much longer than a question (it carries quotes)."""
    return settings.max_question_chars * 10
