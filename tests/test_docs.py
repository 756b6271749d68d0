"""The docs (README and docs/) document every command and every option of the CLI and every saved
query (as sqlite-utils checks its docs), and every relative link in them leads to a file."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from plankg.cli.main import app

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
README = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)  # the README and the manual
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


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_relative_links_lead_to_files(page):
    """Every relative link of the README and the manual points at a file of the repository."""
    text = page.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target or target.startswith("mailto:"):
            continue
        assert (page.parent / target).exists(), f"{page.name}: link to {target} leads nowhere"


def test_readme_is_a_map_not_the_manual():
    """The README stays short (a map and a quick start) and links to every page of docs/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) < 12_000
    for page in PAGES[1:]:
        assert f"(docs/{page.name})" in readme, page.name


def test_readme_map_names_every_module():
    """The README's map names every module of plankg/, loaders/, ontology/, queries/ and cli/, so a
    newcomer sees the whole architecture there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [
        str(path.relative_to(ROOT))
        for folder in ("plankg", "loaders", "ontology", "queries", "cli")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.stem != "__init__" and f"`{path.stem}`" not in readme
    ]
    assert missing == []
