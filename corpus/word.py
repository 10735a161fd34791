"""Word (.docx) pages through python-docx: paragraphs and table rows in order, split at page breaks.

A .docx has no fixed pages; explicit page breaks (and Word's rendered-page-break marks, when saved)
split it, and a page that ends with its own number ("- 12 -") takes that number.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from corpus.errors import LoadError
from corpus.layout import RawPage, printed_number

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> list[RawPage]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, XMLSyntaxError) as exc:
        raise LoadError(f"{path.name} could not be read as a Word document: {exc}") from exc
    pages: list[list[str]] = [[]]
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                if cells:
                    pages[-1].append(" ".join(cells))
            continue
        if block.paragraph_format.page_break_before and any(pages[-1]):
            pages.append([])
        for piece in _split_at_page_breaks(block._p):
            if piece is None:
                pages.append([])
            elif piece.strip():
                pages[-1].extend(line for line in piece.split("\n") if line.strip())
    out = []
    for lines in pages:
        if not lines:
            continue
        found = printed_number(lines)
        kept = [t.strip() for i, t in enumerate(lines) if found is None or i != found[0]]
        out.append(RawPage(text="\n".join(kept), printed_page=found[1] if found else None))
    return out


def _split_at_page_breaks(paragraph: object) -> list[str | None]:
    """The paragraph's text as pieces, None where a page break falls."""
    pieces: list[str | None] = [""]
    for element in paragraph.iter():  # type: ignore[attr-defined]
        tag = element.tag
        if tag == f"{_W}t" and element.text:
            pieces[-1] = (pieces[-1] or "") + element.text
        elif tag == f"{_W}tab":
            pieces[-1] = (pieces[-1] or "") + "\t"
        elif (tag == f"{_W}br" and element.get(f"{_W}type") == "page") or tag == f"{_W}lastRenderedPageBreak":
            pieces.extend([None, ""])
        elif tag == f"{_W}br" or tag == f"{_W}cr":
            pieces[-1] = (pieces[-1] or "") + "\n"
    return pieces
