"""How much feedback anyone may store: bytes per client (a rate limit) and a total for the whole store.

Feedback needs no key, and one entry within the field limits can be about 1 MB, so without a budget
anyone could fill the disk. Works against any store that can tell its size (`SizedFeedbackStore`).
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from service.api.ratelimit import ClientLimits
from service.errors import ApiError
from service.feedback import FeedbackEntry


class SizedFeedbackStore(Protocol):
    def stored_bytes(self) -> int:
        """Bytes of text held by the stored entries."""
        ...


def entry_bytes(entry: FeedbackEntry) -> int:
    """What one entry costs: its UTF-8 JSON size."""
    return len(entry.model_dump_json().encode())


class FeedbackBudget:
    """Admit an entry when its client's byte rate and the store's total allow it.

    The total is read from the store at most every ``refresh_s`` seconds (other processes write too) and
    counted up locally in between, so a burst cannot overshoot it by more than what passes in that time."""

    def __init__(self, store: SizedFeedbackStore, limits: ClientLimits, total_bytes: int, refresh_s: float = 30.0):
        self.store = store
        self.limits = limits
        self.total_bytes = total_bytes
        self.refresh_s = refresh_s
        self._lock = threading.Lock()
        self._stored: int | None = None
        self._read_at = 0.0

    def admit(self, entry: FeedbackEntry, client: str) -> None:
        """Count the entry against the budgets; ApiError 429 (this client) or 507 (the store is full) when over."""
        size = entry_bytes(entry)
        with self._lock:
            if self._stored is None or time.monotonic() - self._read_at > self.refresh_s:
                self._stored, self._read_at = self.store.stored_bytes(), time.monotonic()
            if self._stored + size > self.total_bytes:
                raise ApiError(
                    507,
                    "feedback_storage_full",
                    f"feedback storage is full ({self.total_bytes} bytes, POLICYQA_FEEDBACK_BUDGET_BYTES); "
                    "an administrator must export or clear it",
                )
            self.limits.hit("feedback_bytes", client, cost=size)
            self._stored += size
