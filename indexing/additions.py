"""Adding one document: stage the file, record it in the manifest, then build a new index version.

The manifest is written before the build, so a build killed midway loses nothing: the previous
version keeps serving and the next build picks the document up. Unchanged chunks come from the
embedding cache, so only the new document is embedded.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus.library import Corpus
from corpus.loaders import DocumentMeta, LoadError, load_file
from corpus.models import PolicyDocument

_SAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def add_document(
    path: Path, meta: DocumentMeta, added_dir: Path, build: Callable[[Corpus], dict[str, Any]]
) -> tuple[PolicyDocument, dict[str, Any]]:
    """Load ``path`` as the next document, record it, and rebuild through ``build``."""
    corpus = Corpus.load(added_dir=added_dir)
    doc_no = corpus.next_doc_no()
    added_dir.mkdir(parents=True, exist_ok=True)
    name = _SAFE.sub("_", path.name)[-80:] or "document"
    staged = added_dir / f"{doc_no:03d}-{name}"
    shutil.copyfile(path, staged)
    try:
        added = load_file(staged, doc_no, meta)
        number = added.document.doc_number
        if number and corpus.by_doc_number(number) is not None:
            raise LoadError(f"{number} is already in the corpus")
    except Exception:
        staged.unlink(missing_ok=True)
        raise
    _record(added_dir, added.document, staged.name, meta)
    corpus.add(added)
    return added.document, build(corpus)


def _record(added_dir: Path, doc: PolicyDocument, file_name: str, meta: DocumentMeta) -> None:
    manifest = added_dir / "manifest.json"
    entries = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else []
    entries.append(
        {
            "doc_no": doc.doc_no,
            "file": file_name,
            "title": doc.title,
            "doc_number": doc.doc_number,
            "effective_from": meta.effective_from.isoformat() if meta.effective_from else None,
            "expires_on": meta.expires_on.isoformat() if meta.expires_on else None,
        }
    )
    tmp = manifest.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, manifest)
