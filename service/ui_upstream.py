"""The UI behind several workers: Gradio keeps each browser session (its queue and gr.State) in the
process that created it, so with `serve --workers N` the UI runs once, in the parent, on a private
loopback port, and every worker forwards the paths the API does not serve (the UI's page, assets and
/gradio_api) to it. API traffic never takes this hop; the UI's own calls reach the workers over HTTP.
"""

from __future__ import annotations

from typing import Any

import httpx
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.types import Receive, Scope, Send

from service.errors import error_body

# connection-level headers are the proxy's own business (RFC 9110 7.6.1), never forwarded
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "content-length",
    }
)


class UIUpstream:
    """An ASGI app that streams each request to the UI server at ``upstream`` and its response back."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self._client: httpx.AsyncClient | None = None

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:  # made on first use, inside the worker's event loop
            self._client = httpx.AsyncClient(timeout=httpx.Timeout(30.0, read=None), trust_env=False)
        return self._client

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # the UI needs no websocket; anything else is not ours
            return
        request = Request(scope, receive)
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        headers = [(k, v) for k, v in request.headers.raw if k.decode("latin-1").lower() not in _HOP_BY_HOP]
        client = self._http()
        outgoing = client.build_request(request.method, self.upstream + path, headers=headers, content=request.stream())
        try:
            upstream = await client.send(outgoing, stream=True)
        except httpx.HTTPError as exc:
            body = error_body("ui_unavailable", f"the UI server is not reachable ({type(exc).__name__})")
            await JSONResponse(body, status_code=502)(scope, receive, send)
            return
        response = StreamingResponse(
            upstream.aiter_raw(),
            status_code=upstream.status_code,
            headers=_response_headers(upstream),
            background=BackgroundTask(upstream.aclose),
        )
        # set-cookie may repeat, which a dict of headers cannot hold
        response.raw_headers.extend(
            (b"set-cookie", v.encode("latin-1")) for v in upstream.headers.get_list("set-cookie")
        )
        await response(scope, receive, send)


def _response_headers(upstream: httpx.Response) -> dict[str, Any]:
    return {k: v for k, v in upstream.headers.items() if k.lower() not in _HOP_BY_HOP | {"set-cookie"}}
