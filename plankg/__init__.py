"""plankg: a knowledge graph of Chinese government work plans.

    >>> import plankg
    >>> with plankg.open("plankg-store", create=True) as graph:   # doctest: +SKIP
    ...     graph.load("examples/000_2345c3afe1f8be5d.txt")
    ...     rows = graph.query("assignments")

Importing this package is cheap: the store, loaders and queries load when first used.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["open", "__version__"]


def open(path="plankg-store", *, create: bool = False, wait: float = 0.0):  # noqa: A001 - mirrors builtins.open
    """Open a plankg store for exclusive use (``create=True`` makes a new one)."""
    from plankg.api import PlanGraph

    return PlanGraph(path, create=create, wait=wait)
