"""The README documents every command and every option of the CLI (as sqlite-utils checks its docs)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from plankg.cli.main import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMON = ("--store", "--wait")  # documented once for every command


def _commands(group=None, prefix=""):
    group = group or typer.main.get_command(app)
    for name, command in sorted(getattr(group, "commands", {}).items()):
        yield prefix + name, command
        yield from _commands(command, prefix + name + " ")


COMMANDS = list(_commands())


def _reference_row(name: str) -> str:
    rows = [line for line in README.splitlines() if re.match(rf"\| `plankg {re.escape(name)}(\s|`)", line)]
    assert rows, f"README's command reference has no row for `plankg {name}`"
    return " ".join(rows)


@pytest.mark.parametrize("name, command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_and_options_are_documented(name, command):
    """Each command has a row in the README's command reference naming each of its options."""
    row = _reference_row(name)
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt not in COMMON:
                assert opt in row, f"`plankg {name}` option {opt} is not in its README row"


def test_common_options_are_documented():
    """The options every command takes are named once, with --help."""
    assert "Every command takes `--store DIR` (or `PLANKG_STORE`), `--wait SECONDS` and `--help`" in README


def test_every_saved_query_is_named_in_the_readme():
    """Each shipped saved query is mentioned by name in the README."""
    from plankg import queries

    for name in queries.catalogue():
        assert f"`{name}`" in README or f"query {name}" in README, name
