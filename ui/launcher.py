"""The ``quickreply`` command: the core's command line, with the Qt app behind it.

Kept apart from assistant/cli/main.py so that the core never imports Qt: the command line
gets a function that starts the app, and Qt is imported only when it is called.
"""

from __future__ import annotations

import os
import sys

from assistant.desktop.session import session_kind
from assistant.i18n import tr as core_tr  # the core catalogue, not Qt's (lupdate skips it)


def _start_app(open_picker: bool, drill: dict | None = None) -> int:
    if session_kind() == "none" and not os.environ.get("QT_QPA_PLATFORM"):
        # Qt would abort with a core dump; say what is wrong instead.
        print(core_tr("quickreply: error: {message}", message=core_tr(
            "no graphical desktop found (DISPLAY and WAYLAND_DISPLAY are not set); the command line "
            "works without one: quickreply --help")), file=sys.stderr)
        return 1
    from ui.app import run

    return run(open_picker=open_picker, drill=drill)


def _self_test() -> int:
    from ui.self_test import run_self_test

    return run_self_test()


def _attach_console() -> None:
    """A windowed build on Windows starts with no stdout or stderr. Run from a console
    (cmd, PowerShell) it writes there, so ``--version``, ``--self-test`` and the
    command line answer; started from the Start menu there is no console and it stays
    silent (the log file has what matters)."""
    if os.name != "nt" or sys.stdout is not None:
        return
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        # "CONOUT$" opens as a console (WriteConsoleW): Chinese shows whatever the code page.
        sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 (for the life of the process)
        sys.stderr = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115


def main() -> int:
    _attach_console()
    if not sys.argv[1:]:
        # The everyday start, from the desktop or at login: straight to the tray app,
        # without loading every command of the command line (a smaller idle footprint).
        return _start_app(False)
    from assistant.cli.main import main as cli_main

    return cli_main(sys.argv[1:], start_app=_start_app, self_test=_self_test)
