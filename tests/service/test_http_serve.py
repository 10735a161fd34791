"""`policyqa serve`: the API and the Gradio UI on one port."""

from __future__ import annotations

import httpx
import pytest
from http_support import assert_error, live_server, make_settings, shared_qa

from service.cli import _parser
from ui.serve import build_server_app


def test_serve_command_is_registered() -> None:
    args = _parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert (args.host, args.port, args.no_ui) == ("0.0.0.0", 8123, False)
    assert _parser().parse_args(["serve"]).port == 8000


@pytest.mark.slow
def test_ui_and_api_share_one_port() -> None:
    shared_qa()  # the index exists, as after the first `policyqa serve`
    app = build_server_app(make_settings())
    with live_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        page = client.get("/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert client.get("/health").json() == {"status": "ok"}
        assert client.get("/api/documents").status_code == 200
        # the UI at / does not swallow the API's errors
        assert_error(client.get("/api/no-such-route"), 404, "not_found")
        assert_error(client.get("/api/ask"), 405)
        assert_error(client.get("/v1/nothing"), 404)
