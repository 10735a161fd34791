"""The parser process behind corpus.isolation: reads one JSON request on stdin, writes one JSON reply."""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path
from typing import Any

from corpus.errors import DocumentTooLarge, LoadError
from corpus.limits import ParseLimits


def _run(request: dict[str, Any]) -> Any:
    from corpus import pdf

    path, limits, arg = Path(request["path"]), ParseLimits(**request["limits"]), request.get("arg")
    match request["task"]:
        case "pdf-text":
            return pdf.text_layer(path, limits)
        case "pdf-ocr":
            return [p.model_dump() for p in pdf.ocr_pages(path, list(arg or []), limits)]
        case "image-ocr":
            return pdf.ocr_file(path, limits).model_dump()
    raise LoadError(f"unknown parse task {request['task']!r}")


def main() -> None:
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    if memory := request.get("memory_bytes"):
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        reply: dict[str, Any] = {"ok": _run(request)}
    except LoadError as exc:
        reply = {"error": {"code": exc.code, "message": str(exc)}}
    except MemoryError:
        reply = {"error": {"code": DocumentTooLarge.code, "message": "the file needs more memory than allowed"}}
    sys.stdout.write(json.dumps(reply, ensure_ascii=False))


if __name__ == "__main__":
    main()
