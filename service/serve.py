"""`policyqa serve` (being written: the HTTP service and UI)."""

from __future__ import annotations

import argparse


def add_serve_command(commands: argparse._SubParsersAction) -> None:
    """Register `policyqa serve`."""
