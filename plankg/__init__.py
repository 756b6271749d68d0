"""plankg: a knowledge graph of Chinese government work plans.

    >>> import plankg
    >>> with plankg.open("plankg-store", create=True) as graph:   # doctest: +SKIP
    ...     graph.load("examples/000_2345c3afe1f8be5d.txt")
    ...     rows = graph.query("assignments")

Importing this package is cheap: the store, loaders and queries load when first used.
"""
from __future__ import annotations

from plankg.version import __version__
__all__ = ["open", "__version__"]


def _source_tree_path() -> None:
    """In a checkout, find ``plankg.loaders`` etc. in the top-level folders the wheel maps them from.

    ``python -c "import plankg"`` run in the repository root picks up this folder rather than
    the installed package; without this, its subpackages (``loaders/``, ``cli/``, …) would be
    missing. Installed wheels hold them inside the package and are left as they are.
    """
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "loaders" / "__init__.py").is_file():
        __path__.append(str(root))  # type: ignore[name-defined]


_source_tree_path()


def open(path="plankg-store", *, create: bool = False, wait: float = 0.0):  # noqa: A001 - mirrors builtins.open
    """Open a plankg store for exclusive use (``create=True`` makes a new one)."""
    from plankg.api import PlanGraph

    return PlanGraph(path, create=create, wait=wait)
