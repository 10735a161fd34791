"""`policyqa eval` (being written: the scorer and reports)."""

from __future__ import annotations

import argparse


def add_eval_command(commands: argparse._SubParsersAction) -> None:
    """Register `policyqa eval`."""
