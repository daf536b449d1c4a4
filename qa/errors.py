"""Errors the library raises. Each message says what went wrong and what to do next.

Only `qa.cli` turns them into a one-line message and an exit code.
"""


class MtqaError(Exception):
    """Base of every error mtqa reports to a user without a traceback."""

    exit_code = 2


class InputError(MtqaError):
    """An input file is missing, unreadable, empty or malformed."""


class UsageError(MtqaError):
    """Options that do not fit together, an unknown check code, a bad value."""


class ModelError(MtqaError):
    """The encoder cannot be loaded (not installed, not on disk)."""


class OutputError(MtqaError):
    """The report cannot be written where asked."""
