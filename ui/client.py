"""An httpx client for policyqa's HTTP API whose errors are readable Chinese messages, never tracebacks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from pydantic import ValidationError

from service.models import Answer, SearchHit

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


class ApiError(Exception):
    """A failed API call, with a message fit to show a user (Chinese, with the service's own words kept)."""

    def __init__(self, message: str, code: str = "", status: int | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


@dataclass(frozen=True)
class StreamEvent:
    """One server-sent event of /api/ask/stream: its name and its decoded JSON data."""

    event: str
    data: Any


class PolicyApi:
    """The routes of DESIGN.md's HTTP contract, one method each."""

    def __init__(self, base_url: str, timeout: float = 120.0, transport: httpx.BaseTransport | None = None):
        self.base_url = base_url.rstrip("/")
        self._timeout = httpx.Timeout(timeout, connect=5.0)
        self._transport = transport

    def _client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=self._timeout, transport=self._transport)

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            with self._client() as client:
                response = client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from exc
        if response.status_code >= 400:
            raise error_from_response(response.status_code, response.text)
        try:
            return response.json()
        except ValueError as exc:
            raise ApiError("服务返回了无法识别的内容(不是 JSON)。", "bad_response", response.status_code) from exc

    def _transport_error(self, exc: httpx.HTTPError) -> ApiError:
        if isinstance(exc, httpx.TimeoutException):
            return ApiError("问答服务响应超时,请稍后重试。(The service timed out.)", "timeout")
        if isinstance(exc, httpx.ConnectError):
            return ApiError(
                f"无法连接到问答服务 {self.base_url},请确认服务已启动。(Cannot reach the service.)", "unreachable"
            )
        return ApiError(f"与问答服务通信失败:{type(exc).__name__}。", "transport")

    # --- routes -------------------------------------------------------------------------------

    def ask(self, question: str, history: list[dict[str, str]]) -> Answer:
        data = self._request("POST", "/api/ask", json={"question": question, "history": history})
        return _parse(Answer, data)

    def ask_stream(self, question: str, history: list[dict[str, str]]) -> Iterator[StreamEvent]:
        """Yield the events of /api/ask/stream as they arrive."""
        body = {"question": question, "history": history}
        try:
            with self._client() as client, client.stream("POST", "/api/ask/stream", json=body) as response:
                if response.status_code >= 400:
                    response.read()
                    raise error_from_response(response.status_code, response.text)
                yield from parse_sse(response.iter_lines())
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from exc

    def search(
        self, query: str, doc_no: int | None = None, in_force_only: bool = False, limit: int = 20
    ) -> list[SearchHit]:
        body: dict[str, Any] = {"query": query, "in_force_only": in_force_only, "limit": limit}
        if doc_no is not None:
            body["doc_no"] = doc_no
        data = self._request("POST", "/api/search", json=body)
        if isinstance(data, dict):  # tolerate {"hits": [...]} / {"results": [...]}
            data = data.get("hits", data.get("results", []))
        return [_parse(SearchHit, item) for item in data]

    def documents(self) -> list[dict[str, Any]]:
        data = self._request("GET", "/api/documents")
        if isinstance(data, dict):
            data = data.get("documents", [])
        return list(data)

    def document(self, doc_no: int) -> dict[str, Any]:
        return dict(self._request("GET", f"/api/documents/{doc_no}"))

    def page(self, doc_no: int, printed_page: int) -> dict[str, Any]:
        return dict(self._request("GET", f"/api/documents/{doc_no}/pages/{printed_page}"))

    def eligibility(self, profile: dict[str, Any], as_of: str | None = None) -> dict[str, Any]:
        """POST /api/eligibility: each policy fact the profile meets, fails or cannot decide."""
        body: dict[str, Any] = {"profile": profile}
        if as_of:
            body["as_of"] = as_of
        data = self._request("POST", "/api/eligibility", json=body)
        return data if isinstance(data, dict) else {}

    def feedback(
        self, rating: str, comment: str, question: str, answer: str, citations: list[dict[str, Any]]
    ) -> dict[str, Any]:
        body = {"rating": rating, "comment": comment, "question": question, "answer": answer, "citations": citations}
        data = self._request("POST", "/api/feedback", json=body)
        return data if isinstance(data, dict) else {}


_Model = TypeVar("_Model", Answer, SearchHit)


def _parse(model: type[_Model], data: Any) -> _Model:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ApiError("服务返回的数据格式与约定不符。(Unexpected response shape.)", "bad_response") from exc


def error_from_response(status: int, body: str) -> ApiError:
    """Turn an error response ({"error": {"code", "message"}}, FastAPI's {"detail"}, or text) into an ApiError."""
    code, detail = "", ""
    try:
        payload = json.loads(body)
    except ValueError:
        payload = None
    if isinstance(payload, dict):
        error = payload.get("error")
        if isinstance(error, dict):
            code, detail = str(error.get("code", "")), str(error.get("message", ""))
        elif isinstance(payload.get("detail"), str):
            detail = payload["detail"]
        elif isinstance(payload.get("detail"), list):
            detail = ";".join(str(item.get("msg", item)) for item in payload["detail"] if isinstance(item, dict))
    prefix = _STATUS_PREFIX.get(status) or ("服务内部错误,请稍后重试" if status >= 500 else "请求未被接受")
    message = f"{prefix}:{detail}" if detail else f"{prefix}(HTTP {status})。"
    return ApiError(message, code or str(status), status)


_STATUS_PREFIX = {
    400: "请求有误",
    401: "没有权限",
    403: "没有权限",
    404: "未找到",
    413: "内容过长",
    422: "输入不符合要求",
    429: "请求过于频繁,请稍后再试",
    503: "服务尚未就绪(可能正在建立索引),请稍后再试",
}


def parse_sse(lines: Iterator[str]) -> Iterator[StreamEvent]:
    """Parse server-sent events: `event:` and `data:` lines, dispatched at each blank line."""
    event, data_lines = "message", list[str]()
    for raw in lines:
        line = raw.rstrip("\r")
        if not line:
            if data_lines or event != "message":  # `event: done` may come without data
                yield StreamEvent(event, _decode("\n".join(data_lines)))
            event, data_lines = "message", []
        elif line.startswith(":"):
            continue
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data_lines.append(line[5:].removeprefix(" "))
    if data_lines or event != "message":
        yield StreamEvent(event, _decode("\n".join(data_lines)))


def _decode(data: str) -> Any:
    if not data:
        return None
    try:
        return json.loads(data)
    except ValueError:
        return data
