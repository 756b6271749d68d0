"""The errors a user can cause, each carrying the exit code documented in docs/commands.md.

The CLI turns any of these into one line ``Error: <message>`` on stderr and exits with
``exit_code``; anything else is a bug and is allowed to show a traceback.
"""
from __future__ import annotations


class PlankgError(Exception):
    """Base of every error plankg reports to a user."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EmptyResult(PlankgError):
    """A query found nothing where ``--fail-empty`` was asked (exit 1)."""

    exit_code = 1


class InputError(PlankgError):
    """Bad input: a file, an option, a parameter or query text (exit 2)."""

    exit_code = 2


class StoreError(PlankgError):
    """The store is in use, missing, corrupt, full or of another version (exit 3)."""

    exit_code = 3


class EndpointError(PlankgError):
    """A remote SPARQL endpoint failed or answered something that is not a result (exit 4)."""

    exit_code = 4


class TimedOut(PlankgError):
    """A local or remote operation ran past its time limit (exit 5)."""

    exit_code = 5
