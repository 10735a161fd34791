"""`policyqa eval` is registered with the options the Makefile and CI use."""

from __future__ import annotations

import pytest

from service.cli import main


def test_eval_help_lists_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["eval", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for option in ("--dataset", "--url", "--out", "--bench", "--limit"):
        assert option in out
