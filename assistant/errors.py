"""Errors the user can act on.

Anything raised as a ``QuickReplyError`` is shown as one line (by the CLI, or in a
dialog by the UI) and never as a traceback; its message is already in the user's
language.
"""

from __future__ import annotations

from pathlib import Path


class QuickReplyError(Exception):
    """A failure with a message meant for the user."""


class BadInput(QuickReplyError):
    """A file or value that cannot be used; names the file and, where known, the place."""

    def __init__(self, message: str, source: str | Path | None = None, where: str | None = None):
        self.message = message
        self.source = str(source) if source is not None else None
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = ":".join(part for part in (self.source, self.where) if part)
        return f"{prefix}: {self.message}" if prefix else self.message


class NotFound(QuickReplyError):
    """A book or phrase named by the user does not exist."""
