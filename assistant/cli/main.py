"""The ``quickreply`` command.

Alone it starts the app; with a subcommand it works on the phrase store from a shell
or a script. Exit status: 0 ok, 1 bad input (one line on stderr, never a traceback),
2 usage. ``--json`` on every listing prints machine-readable output.

This module is the entry point: the top-level options, the error handling and which
command runs with what. The commands themselves live in the other modules of this package, one per
group, each adding its subcommands with ``register``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from assistant import __version__
from assistant.cli import app, numbers, phrases, team
from assistant.cli.common import EXIT_BAD_INPUT, Commands, Formatter, StartApp, localise_titles
from assistant.cli.console import tolerate_unencodable
from assistant.errors import QuickReplyError
from assistant.i18n import set_language, tr
from assistant.logs import setup_logging
from assistant.phrases.store import Store
from assistant.reasons import error_text

SelfTest = Callable[[], int]

EXIT_PIPE_CLOSED = 141

#: The command modules, in the order their commands appear in the help.
_COMMAND_MODULES = (phrases, numbers, team, app)


def _parser() -> tuple[argparse.ArgumentParser, Commands]:
    parser = argparse.ArgumentParser(
        prog="quickreply", formatter_class=Formatter,
        description=tr("QuickReply: prepared replies for customer-service chat, and typing practice."),
        epilog=tr("Without a command, starts the app. Data folder: QUICKREPLY_HOME or the system's "
                  "per-user data folder."))
    localise_titles(parser)
    parser.add_argument("--version", action="version", version=f"QuickReply {__version__}",
                        help=tr("show the version and exit"))
    parser.add_argument("--self-test", action="store_true",
                        help=tr("start the app offscreen in a temporary data folder, open every window, "
                                "and exit: 0 when everything works"))
    commands = Commands(parser.add_subparsers(dest="command", metavar=tr("COMMAND"), title=tr("commands")))
    for module in _COMMAND_MODULES:
        module.register(commands)
    return parser, commands


def main(argv: Sequence[str] | None = None, start_app: StartApp | None = None,
         self_test: SelfTest | None = None) -> int:
    """The command line. ``start_app`` starts the Qt app and ``self_test()`` checks it;
    the launcher in ui/ passes them, so this module never imports Qt itself."""
    tolerate_unencodable()
    set_language(None)
    parser, commands = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:
        return int(exit_request.code or 0)
    try:
        if args.self_test:
            if self_test is None:
                raise QuickReplyError(tr("the self-test needs the tray app, which is not part of this build"))
            return self_test()
        if args.command in commands.storeless:
            code = commands.storeless[args.command](args, start_app)
            sys.stdout.flush()
            return code
        if args.command is None and start_app is not None:
            return start_app(False)
        store = Store()
        setup_logging(store.home)
        for notice in store.notices:
            print(tr("notice: {message}", message=notice), file=sys.stderr)
        if args.command is None:
            return app.no_app(store)
        code = commands.with_store[args.command](store, args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit where it could only be reported
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except QuickReplyError as error:
        print(tr("quickreply: error: {message}", message=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        print(tr("quickreply: error: {message}", message=error_text(error)), file=sys.stderr)
        return EXIT_BAD_INPUT


def _pipe_closed() -> int:
    """The reader went away (``quickreply list | head``): end quietly as a program killed
    by SIGPIPE does, 128 + 13. Standard output points at the null device from here on:
    Python flushes it once more at exit, and that would print the error after all."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_PIPE_CLOSED
