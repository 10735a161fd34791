"""A local OpenAI-compatible chat server for tests: the one fake we accept, since no chat model runs here.

It speaks the real protocol (POST /v1/chat/completions, JSON in and out) and answers by a mode set per
test: quote the first source with a [1] marker, invent a figure, hang past the client's timeout, or
return garbage.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from http_support import live_server  # type: ignore[import-not-found]


class FakeChatModel:
    def __init__(self) -> None:
        self.mode = "quote"
        self.requests: list[dict[str, Any]] = []
        self.app = FastAPI()
        self.app.post("/v1/chat/completions")(self.chat)

    async def chat(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        user = next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user")
        first = re.search(r"【来源1】[^:]*:(.+)", user)
        quote = first.group(1).strip() if first else ""
        match self.mode:
            case "quote":
                text = f"根据所引文件:{quote} [1]"
            case "invent":
                text = f"可以拿到 8888 万元奖励 [1]。原文:{quote}"
            case "no_markers":
                text = "可以拿到奖励。"
            case "slow":
                time.sleep(5)
                text = "太迟了 [1]"
            case "garbage":
                return PlainTextResponse("<html>502 bad gateway</html>", status_code=502)
            case _:
                return JSONResponse({"unexpected": True})
        return JSONResponse(
            {
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body["model"],
                "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
                "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
            }
        )


@contextmanager
def fake_chat_server() -> Iterator[tuple[FakeChatModel, str]]:
    model = FakeChatModel()
    with live_server(model.app) as url:
        yield model, f"{url}/v1"
