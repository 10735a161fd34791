"""A government web page saved as HTML: the article body (not the site's menus) through trafilatura."""

from __future__ import annotations

from pathlib import Path

from corpus.errors import EmptyDocument, LoadError
from corpus.layout import RawPage


def read_html(path: Path) -> tuple[list[RawPage], str]:
    """(the article as one page, the page's title) of a saved web page."""
    import trafilatura

    try:
        html = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        html = path.read_bytes().decode("gb18030", errors="replace")  # older government sites
    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True, favor_recall=True, deduplicate=False
    )
    if not text or not text.strip():
        raise EmptyDocument(f"{path.name}: no article text was found on the page")
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title or "").strip() if metadata is not None else ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise LoadError(f"{path.name}: the page has no readable text")
    return [RawPage(text="\n".join(lines))], title
