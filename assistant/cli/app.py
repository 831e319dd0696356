"""``quickreply`` commands that drive the running app: pick, drill and quit; and what
plain ``quickreply`` says when this build has no app to start."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant import __version__
from assistant.cli.common import EXIT_OK, Commands, StartApp
from assistant.data.paths import data_dir
from assistant.drills import DRILL_MINUTES
from assistant.errors import QuickReplyError
from assistant.i18n import tr
from assistant.instance import instance_address, send_command
from assistant.phrases.store import Store


def register(commands: Commands) -> None:
    commands.add_storeless("pick", tr("open the picker of the running app (starts it if needed); "
                                      "bind this to a desktop shortcut on Wayland"), _pick)
    drilling = commands.add_storeless("drill", tr("open typing practice in the running app (starts it if needed)"),
                                      _drill)
    drilling.add_argument("--text", type=Path, metavar="FILE", help=tr("practise the text in FILE"))
    drilling.add_argument("--minutes", type=int, choices=DRILL_MINUTES, metavar="N",
                          help=tr("a timed drill of N minutes (1, 3 or 5); default: the whole text"))
    commands.add_storeless("quit", tr("quit the running app"), _quit)


def no_app(store: Store) -> int:
    """Without the UI installed: say so and show what the command line offers."""
    print(tr("QuickReply {version}: the tray app is not part of this build yet.", version=__version__))
    print(tr("Your phrasebooks are ready in {home}:", home=store.home))
    for book in store.books():
        print(f"  {book.name} ({store.phrase_count(book.id)})")
    print(tr("Try: quickreply search fh    ·    quickreply --help"))
    return EXIT_OK


def _pick(args: argparse.Namespace, start_app: StartApp | None) -> int:
    if send_command(instance_address(data_dir()), "pick"):
        return EXIT_OK
    if start_app is not None:
        return start_app(True)
    raise QuickReplyError(tr("QuickReply is not running"))


def _drill(args: argparse.Namespace, start_app: StartApp | None) -> int:
    """``drill``: the file is read and checked here, so a missing or undecodable file is
    one clear error and the app only ever receives text."""
    request: dict = {"minutes": args.minutes}
    if args.text is not None:
        # Here, not at the top: the drill texts' modules cost every command 35 ms.
        from assistant.drills.texts import text_from_file

        text = text_from_file(args.text)
        request.update(text=text.text, title=text.title)
    if send_command(instance_address(data_dir()), "drill", arguments=request):
        return EXIT_OK
    if start_app is not None:
        return start_app(False, drill=request)
    raise QuickReplyError(tr("QuickReply is not running"))


def _quit(args: argparse.Namespace, start_app: StartApp | None) -> int:
    if send_command(instance_address(data_dir()), "quit"):
        print(tr("QuickReply was asked to quit."))
    else:
        print(tr("QuickReply is not running."))
    return EXIT_OK
