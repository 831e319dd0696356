"""The ``quickreply`` command: the core's command line, with the Qt app behind it.

Kept apart from assistant/cli.py so that the core never imports Qt: the command line
gets a function that starts the app, and Qt is imported only when it is called.
"""

from __future__ import annotations

import sys

from assistant.cli import main as cli_main


def _start_app(open_picker: bool) -> int:
    from ui.app import run

    return run(open_picker=open_picker)


def main() -> int:
    return cli_main(sys.argv[1:], start_app=_start_app)
