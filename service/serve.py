"""`policyqa serve`: the HTTP API and the Gradio UI on one port (the index is built first if there is none).

With ``--workers N`` uvicorn runs N processes on the one port, each built by an app factory
(``service.serve:server_app`` / ``:api_app``) that loads the serving index once; the index and the
database schema are made ready in the parent first, so workers never race to build them. The UI
runs once, in the parent (see service.ui_upstream), since Gradio sessions live in one process.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from service.settings import Settings, get_settings

if TYPE_CHECKING:
    from fastapi import FastAPI

logger = logging.getLogger("policyqa.serve")
UI_UPSTREAM_ENV = "POLICYQA_SERVE_UI_UPSTREAM"  # set by `serve --workers N` for its workers only


def add_serve_command(commands: argparse._SubParsersAction) -> None:
    """Register `policyqa serve [--host 127.0.0.1] [--port 8000] [--workers 1] [--no-ui]`."""
    serve = commands.add_parser("serve", help="serve the HTTP API and the UI on one port")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument(
        "--workers",
        type=_positive,
        default=1,
        help="processes serving the port, each with its own copy of the index (default 1; `make run`: one per core)",
    )
    serve.add_argument("--no-ui", action="store_true", help="serve the API only, without the Gradio UI at /")
    serve.set_defaults(run=_serve)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from service.observability import configure_logging, prepare_multiprocess_dir

    configure_logging(settings.log_level)
    logger.info("serving", extra={"host": args.host, "port": args.port, "ui": not args.no_ui, "workers": args.workers})
    # our middleware logs each request as JSON (without query strings), so uvicorn's access log is off
    if args.workers == 1:
        app = build_server_app(settings, with_ui=not args.no_ui)
        uvicorn.run(app, host=args.host, port=args.port, log_config=None, access_log=False)
        return 0
    prepare_workers(settings, args.workers)
    factory = "service.serve:api_app" if args.no_ui else "service.serve:server_app"
    with _metrics_dir() as metrics_dir, _ui_server(settings, args.host, args.port, enabled=not args.no_ui):
        prepare_multiprocess_dir(metrics_dir)  # /metrics sums every worker's values
        uvicorn.run(
            factory,
            factory=True,
            workers=args.workers,
            host=args.host,
            port=args.port,
            log_config=None,
            access_log=False,
            timeout_graceful_shutdown=10,
        )
    return 0


@contextmanager
def _metrics_dir() -> Iterator[Path]:
    """The workers' metric files: PROMETHEUS_MULTIPROC_DIR when the operator set one, else a private temporary
    directory removed when the server stops."""
    from service.observability import multiprocess_dir

    if configured := multiprocess_dir():
        yield Path(configured)
        return
    with tempfile.TemporaryDirectory(prefix="policyqa-metrics-") as path:
        yield Path(path)


@contextmanager
def _ui_server(settings: Settings, host: str, port: int, enabled: bool) -> Iterator[None]:
    """The one UI process of a multi-worker server (see service.ui_upstream): in a thread of this parent,
    on a private loopback port, calling the workers' API; the workers forward UI paths to it."""
    if not enabled:
        yield
        return
    import socket
    import threading
    import time

    import uvicorn
    from fastapi import FastAPI

    from ui.app import mount_ui

    loopback = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    ui_settings = settings.model_copy(update={"api_base_url": settings.api_base_url or f"http://{loopback}:{port}"})
    app = FastAPI(title="policyqa UI", docs_url=None, redoc_url=None, openapi_url=None)
    mount_ui(app, ui_settings, path="/")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, access_log=False, timeout_graceful_shutdown=5))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="policyqa-ui", daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        time.sleep(0.05)
    os.environ[UI_UPSTREAM_ENV] = f"http://127.0.0.1:{sock.getsockname()[1]}"  # inherited by the workers
    try:
        yield
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        os.environ.pop(UI_UPSTREAM_ENV, None)


def prepare_workers(settings: Settings, workers: int) -> None:
    """What the workers share, made once before they start: the index, the database schema, CPU shares."""
    from indexing.builder import current_id
    from service.container import embedding_model, ensure_index
    from service.feedback import FeedbackStore

    if current_id(settings.index_dir) is None:
        ensure_index(settings, embedding_model(settings), show_progress=True)
    FeedbackStore(settings.database_target()).close()
    # each worker's embedder gets its share of the cores rather than all of them (set before they spawn)
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // workers)))


def server_app() -> FastAPI:
    """App factory of one worker: API and UI, settings from the environment (as the parent read them)."""
    return _worker_app(with_ui=True)


def api_app() -> FastAPI:
    """App factory of one worker of `serve --no-ui`."""
    return _worker_app(with_ui=False)


def _worker_app(with_ui: bool) -> FastAPI:
    from service.observability import configure_logging

    settings = get_settings()
    configure_logging(settings.log_level)
    upstream = os.environ.get(UI_UPSTREAM_ENV) if with_ui else None
    app = build_server_app(settings, with_ui=with_ui and not upstream, build_if_missing=False)
    if upstream:
        from service.ui_upstream import UIUpstream

        app.mount("/", UIUpstream(upstream))  # after the API's routes: only what they do not serve
    return app


def build_server_app(settings: Settings, with_ui: bool = True, build_if_missing: bool = True) -> FastAPI:
    """The served app: the QA core following the newest index version (built first when there is none and
    ``build_if_missing``), the API and, at /, the UI."""
    from service.app import create_app
    from service.container import serving_policyqa

    app = create_app(settings, serving_policyqa(settings, build_if_missing=build_if_missing))
    if with_ui:
        # The UI calls this same server's API (unless settings.api_base_url names another one).
        from ui.app import mount_ui

        mount_ui(app, settings, path="/")
    return app
