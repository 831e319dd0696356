"""What every ``quickreply`` command module shares: exit statuses, the help formatter,
JSON output and the table of subcommands.

Kept apart from ``assistant.cli.main`` (the entry point) so that the command modules can use
it while ``assistant.cli.main`` imports them, without an import cycle.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from assistant.i18n import tr
from assistant.phrases.model import Phrasebook
from assistant.phrases.store import Store

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

#: Starts the Qt app: ``start_app(open_picker, drill=None)``; ``drill`` is the request of
#: ``quickreply drill``, for a drill window open from the start.
StartApp = Callable[..., int]
#: A command that works on the phrase store (opened, with its notices shown, before it runs).
StoreCommand = Callable[[Store, argparse.Namespace], int]
#: A command that never opens the store: it reads only its files or talks to the running app.
StorelessCommand = Callable[[argparse.Namespace, StartApp | None], int]


class Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix if prefix is not None else tr("usage: "))


def localise_titles(parser: argparse.ArgumentParser) -> None:
    parser._positionals.title = tr("arguments")
    parser._optionals.title = tr("options")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = tr("show this help and exit")


def json_flag(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--json", action="store_true", help=tr("print JSON for scripts"))


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def book_or_file(store: Store, argument: str) -> Phrasebook | Path:
    """What a BOOK-or-FILE argument (``publish``, ``lint``) names: the book of that id or
    name, unless the argument has a path separator. A file of that name in the current
    folder is taken only when no book is called so: a stray file must never be published
    in the book's place. When both exist, a note on stderr says the book was used."""
    if any(separator and separator in argument for separator in ("/", os.sep, os.altsep)):
        return Path(argument)
    folded = argument.casefold()
    if not any(book.id == argument or book.name.casefold() == folded for book in store.books()) \
            and Path(argument).exists():
        return Path(argument)
    book = store.book(argument)
    if Path(argument).exists():
        print(tr("note: {name!r} is both a book and a file here; using the book (for the file, write {path})",
                 name=argument, path=os.path.join(os.curdir, argument)), file=sys.stderr)
    return book


class Commands:
    """The subcommands and what runs each. A command module's ``register`` adds its own
    here, parser and handler together, so adding a command touches one module; the help
    lists the commands in the order they are added."""

    def __init__(self, subparsers: argparse._SubParsersAction) -> None:
        self._subparsers = subparsers
        self.with_store: dict[str, StoreCommand] = {}
        self.storeless: dict[str, StorelessCommand] = {}

    def add(self, name: str, help_text: str, run: StoreCommand) -> argparse.ArgumentParser:
        self.with_store[name] = run
        return self._parser(name, help_text)

    def add_storeless(self, name: str, help_text: str, run: StorelessCommand) -> argparse.ArgumentParser:
        self.storeless[name] = run
        return self._parser(name, help_text)

    def _parser(self, name: str, help_text: str) -> argparse.ArgumentParser:
        sub = self._subparsers.add_parser(name, help=help_text, description=help_text, formatter_class=Formatter)
        localise_titles(sub)
        return sub
