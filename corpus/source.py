"""A source file's body text and its pages, with offset -> page lookups."""

from __future__ import annotations

from bisect import bisect_right

from pydantic import BaseModel

from corpus.models import Page


class Source(BaseModel):
    """The text of one source file as a body string split into pages (offsets index the body)."""

    name: str
    body: str
    pages: list[Page]

    def page_at(self, offset: int) -> Page:
        starts = [p.start for p in self.pages]
        return self.pages[max(bisect_right(starts, offset) - 1, 0)]

    def pages_between(self, start: int, end: int) -> list[Page]:
        from corpus.clauses import pages_between

        return pages_between(self.pages, start, end)

    def printed_page(self, printed: int) -> Page | None:
        return next((p for p in self.pages if p.printed_page == printed), None)
