"""CORS for every route the app serves, the mounted UI's included: closed unless origins are configured."""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import Message, Send

from service.errors import error_response


class ClosedCORSMiddleware(CORSMiddleware):
    """Starlette's CORS middleware, with two changes: a refused preflight is the JSON error, and CORS headers
    that a mounted app adds on its own (Gradio allows any localhost origin, with credentials) are dropped for
    origins that are not allowed here."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        failures = bytes(response.body).decode().removeprefix("Disallowed CORS ")
        headers = {k: v for k, v in response.headers.items() if k not in ("content-length", "content-type")}
        message = (
            f"cross-origin request refused ({failures}); allowed origins are set by POLICYQA_CORS_ORIGINS"
            if self.allow_origins
            else "cross-origin requests are refused: no origin is allowed (POLICYQA_CORS_ORIGINS)"
        )
        return error_response(400, "cors_refused", message, headers=headers)

    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        if message["type"] == "http.response.start":
            origin = request_headers.get("origin")
            if origin is not None and not self.is_allowed_origin(origin=origin):
                headers = MutableHeaders(scope=message)
                for name in {key for key in headers if key.startswith("access-control-")}:
                    del headers[name]
        await super().send(message, send, request_headers)
