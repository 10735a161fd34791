"""`policyqa serve`: the HTTP API and the Gradio UI on one port (the index is built first if there is none)."""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING

from service.settings import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

logger = logging.getLogger("policyqa.serve")


def add_serve_command(commands: argparse._SubParsersAction) -> None:
    """Register `policyqa serve [--host 127.0.0.1] [--port 8000] [--no-ui]`."""
    serve = commands.add_parser("serve", help="serve the HTTP API and the UI on one port")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--no-ui", action="store_true", help="serve the API only, without the Gradio UI at /")
    serve.set_defaults(run=_serve)


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from service.observability import configure_logging

    configure_logging(settings.log_level)
    app = build_server_app(settings, with_ui=not args.no_ui)
    logger.info("serving", extra={"host": args.host, "port": args.port, "ui": not args.no_ui})
    # our middleware logs each request as JSON (without query strings), so uvicorn's access log is off
    uvicorn.run(app, host=args.host, port=args.port, log_config=None, access_log=False)
    return 0


def build_server_app(settings: Settings, with_ui: bool = True) -> FastAPI:
    """The served app: the QA core (its index built first when there is none), the API and, at /, the UI."""
    from service.app import create_app
    from service.container import build_policyqa

    qa = build_policyqa(settings, build_if_missing=True, show_progress=True)
    app = create_app(settings, qa)
    if with_ui:
        # The UI calls this same server's API (unless settings.api_base_url names another one).
        from ui.app import mount_ui

        mount_ui(app, settings, path="/")
    return app
