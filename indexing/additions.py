"""Adding, replacing and deleting documents: stage and preview a file, record it, build a new version.

The manifest (``added/manifest.json``) is the record of what was added. A change writes it before the
build and restores it if the build fails, so a failed build leaves both the manifest and the serving
index as they were; a killed build leaves the manifest ahead of the index, and the next build (or
`/ready`) picks it up. Unchanged chunks come from the embedding cache, so only new text is embedded.

Where a document goes: a 文号 the table of contents lists without text (or with partial text) takes
that entry's number, so the TOC entry now has its text; a 文号 of an added document is a duplicate
(replace it or cancel); a 文号 of a compilation document held in full is refused; anything else gets
the next free number.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.errors import LoadError
from corpus.library import Corpus
from corpus.loaders import AddedDocument, DocumentMeta, cache_path, load_file, read_manifest
from corpus.models import PolicyDocument, TextStatus

_SAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
_TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")
STAGED_FOR_S = 24 * 3600  # an upload never confirmed is removed after a day


class DuplicateDocument(LoadError):
    """The 文号 is already held: ``doc_no`` is the document that has it."""

    code = "duplicate_doc_number"

    def __init__(self, message: str, doc_no: int, replaceable: bool) -> None:
        super().__init__(message)
        self.doc_no, self.replaceable = doc_no, replaceable


class NotAdded(LookupError):
    """No added document (or staged upload) by that number or token."""


@dataclass
class Placement:
    doc_no: int
    replaces: int | None = None  # an added document with the same 文号, replaced
    takes_toc_entry: int | None = None  # a TOC entry without (full) text whose place it takes


def place(corpus: Corpus, doc_number: str, added_nos: set[int], replace: bool) -> Placement:
    """Which number a document with ``doc_number`` gets, or DuplicateDocument."""
    existing = corpus.by_doc_number(doc_number) if doc_number else None
    if existing is None:
        return Placement(doc_no=max([corpus.next_doc_no(), *(n + 1 for n in added_nos)]))
    if existing.doc_no in added_nos:
        if not replace:
            raise DuplicateDocument(
                f"{doc_number} is already added as document {existing.doc_no} 《{existing.title}》: "
                "replace it or cancel",
                existing.doc_no,
                replaceable=True,
            )
        return Placement(doc_no=existing.doc_no, replaces=existing.doc_no)
    if existing.text_status in (TextStatus.TOC_ONLY, TextStatus.PARTIAL):
        return Placement(doc_no=existing.doc_no, takes_toc_entry=existing.doc_no)
    raise DuplicateDocument(
        f"{doc_number} is document {existing.doc_no} of the compilation, whose text is held in full",
        existing.doc_no,
        replaceable=False,
    )


# -- staging: an upload read and shown before it is confirmed ---------------------------------------
def stage(upload: Path, file_name: str, staging_dir: Path) -> tuple[str, AddedDocument]:
    """Copy ``upload`` to a new staging slot and read it (the parse is cached there); (token, preview)."""
    root = staging_dir
    _sweep(root)
    token = uuid.uuid4().hex
    slot = root / token
    slot.mkdir(parents=True)
    staged = slot / _safe_name(file_name)
    shutil.copyfile(upload, staged)
    try:
        return token, load_file(staged, doc_no=0)
    except Exception:
        shutil.rmtree(slot, ignore_errors=True)
        raise


def staged_file(staging_dir: Path, token: str) -> Path:
    slot = staging_dir / token if _TOKEN_RE.match(token) else None
    files = [p for p in slot.iterdir() if not p.name.endswith(".json")] if slot and slot.is_dir() else []
    if not files:
        raise NotAdded(f"no staged upload {token[:40]!r}: it was confirmed, cancelled or has expired")
    return files[0]


def discard(staging_dir: Path, token: str) -> None:
    shutil.rmtree(staged_file(staging_dir, token).parent, ignore_errors=True)


def commit(
    staging_dir: Path,
    token: str,
    added_dir: Path,
    meta: DocumentMeta,
    replace: bool,
    build: Callable[[], dict[str, Any]],
) -> tuple[PolicyDocument, Placement]:
    """Record a staged upload with the confirmed ``meta`` and build; the staging slot is removed on success."""
    staged = staged_file(staging_dir, token)
    document, placement = add_file(staged, meta, added_dir, replace, build)
    shutil.rmtree(staged.parent, ignore_errors=True)
    return document, placement


def add_document(
    path: Path,
    meta: DocumentMeta,
    added_dir: Path,
    build: Callable[[Corpus], dict[str, Any]],
    replace: bool = False,
) -> tuple[PolicyDocument, dict[str, Any]]:
    """Load ``path``, record it where it belongs and rebuild through ``build`` (the command-line path)."""
    stats: dict[str, Any] = {}

    def run() -> dict[str, Any]:
        stats.update(build(Corpus.load(added_dir=added_dir)))
        return stats

    document, _ = add_file(path, meta, added_dir, replace, run)
    return document, stats


def delete(added_dir: Path, doc_no: int, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Remove an added document and build; a TOC entry it had filled is listed without text again."""
    entries = read_manifest(added_dir)
    gone = [e for e in entries if int(e["doc_no"]) == doc_no]
    if not gone:
        raise NotAdded(f"document {doc_no} was not added through an upload (only added documents can be deleted)")
    _write_manifest(added_dir, [e for e in entries if int(e["doc_no"]) != doc_no])
    try:
        stats = build()
    except BaseException:
        _write_manifest(added_dir, entries)
        raise
    for entry in gone:
        _remove_file(added_dir / entry["file"])
    return stats


def add_file(
    source: Path, meta: DocumentMeta, added_dir: Path, replace: bool, build: Callable[[], dict[str, Any]]
) -> tuple[PolicyDocument, Placement]:
    entries = read_manifest(added_dir)
    corpus = Corpus.load(added_dir=added_dir)
    added_dir.mkdir(parents=True, exist_ok=True)
    incoming = added_dir / f"incoming-{uuid.uuid4().hex[:8]}-{_safe_name(source.name)}"
    shutil.copyfile(source, incoming)  # parsed here, so its page cache lands in the added directory
    if cache_path(source).exists():
        shutil.copyfile(cache_path(source), cache_path(incoming))
    target = incoming
    try:
        probe = load_file(incoming, doc_no=0, meta=meta)
        placement = place(corpus, probe.document.doc_number, {int(e["doc_no"]) for e in entries}, replace)
        target = added_dir / f"{placement.doc_no:03d}-{uuid.uuid4().hex[:6]}-{_safe_name(source.name)}"
        os.replace(incoming, target)
        os.replace(cache_path(incoming), cache_path(target))
        added = load_file(target, placement.doc_no, meta)
    except BaseException:
        _remove_file(incoming)
        _remove_file(target)
        raise
    replaced = [e for e in entries if int(e["doc_no"]) == placement.doc_no]
    _write_manifest(added_dir, [e for e in entries if e not in replaced] + [_entry(added.document, target, meta)])
    try:
        build()
    except BaseException:
        _write_manifest(added_dir, entries)
        _remove_file(target)
        raise
    for entry in replaced:
        _remove_file(added_dir / entry["file"])
    return added.document, placement


def _entry(doc: PolicyDocument, path: Path, meta: DocumentMeta) -> dict[str, Any]:
    return {
        "doc_no": doc.doc_no,
        "file": path.name,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "issuer": doc.issuer,
        "effective_from": meta.effective_from.isoformat() if meta.effective_from else None,
        "expires_on": meta.expires_on.isoformat() if meta.expires_on else None,
        "added_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def _write_manifest(added_dir: Path, entries: list[dict[str, Any]]) -> None:
    added_dir.mkdir(parents=True, exist_ok=True)
    manifest = added_dir / "manifest.json"
    tmp = manifest.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, manifest)


def _remove_file(path: Path) -> None:
    path.unlink(missing_ok=True)
    cache_path(path).unlink(missing_ok=True)


def _safe_name(name: str) -> str:
    # only the last path component, and only plain characters: the name is used for a file on disk
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return _SAFE.sub("_", base).strip("._")[-80:] or "document"


def _sweep(root: Path) -> None:
    if not root.is_dir():
        return
    cutoff = time.time() - STAGED_FOR_S
    for slot in root.iterdir():
        if slot.stat().st_mtime < cutoff:
            shutil.rmtree(slot, ignore_errors=True)
