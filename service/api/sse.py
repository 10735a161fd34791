"""Server-sent events: framing, and cutting an answer into pieces for streaming."""

from __future__ import annotations

import json
from typing import Any

_BREAKS = set("。！？；!?;\n")
_PIECE_CHARS = 32


def sse_event(event: str | None, data: Any) -> str:
    """One event; ``data`` is sent as one line of JSON (or verbatim when already a string)."""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {payload}\n\n"


def text_pieces(text: str, size: int = _PIECE_CHARS) -> list[str]:
    """Cut ``text`` after sentence ends or every ``size`` characters; the pieces join back to ``text``."""
    pieces: list[str] = []
    current = ""
    for ch in text:
        current += ch
        if ch in _BREAKS or len(current) >= size:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces
