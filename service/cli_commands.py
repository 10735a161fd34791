"""Subcommands beyond `corpus`: index, ask, serve, eval."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    """Add the index, ask, serve and eval subcommands to ``commands``."""
    from evals.cli import add_eval_command
    from service.serve import add_serve_command

    add_serve_command(commands)
    add_eval_command(commands)
