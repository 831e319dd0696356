"""``quickreply --self-test``: does this install work, on this machine?

Run by CI against the frozen program (scripts/test), and by support or a lead on a
workstation. It starts the real app offscreen in a temporary data folder (never the
user's), checks what a frozen build can lose — the icons (Qt's SVG plugin), the shipped
phrasebooks, the search, signing (cryptography), the team report's chart files, the
Chinese translation (the compiled .qm) — then opens and
closes every window of the registry (ui/windows.py) and the tray menu. Every step runs
even when an earlier one failed, so one run names every problem. Exit status 0 when all
passed, 1 otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QPoint, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

# How long a window may take to show or hide, in milliseconds.
WAIT_MS = 5000


class SelfTest(QObject):
    """The checks, run in order by ``run``; ``failures`` lists what went wrong."""

    def __init__(self, home: Path):
        super().__init__()
        self.home = home
        self.failures: list[str] = []
        self.passed: list[str] = []

    def check(self, name: str, step: Callable[[], object]) -> None:
        """Run one step; an exception or a Qt critical message during it fails it."""
        problems: list[str] = []
        with _collect_problems(problems):
            try:
                step()
            except Exception as error:  # a self-test reports every failure, whatever it is
                problems.append(f"{type(error).__name__}: {error}")
        if problems:
            self.failures.append(f"{name}: {'; '.join(problems)}")
        else:
            self.passed.append(name)

    def run(self) -> bool:
        from assistant.phrases.store import Store, shipped_book_files
        from assistant.team.report_html import PLOTLY_ASSETS, plotly_asset
        from ui.app import QuickReplyApp
        from ui.context import AppContext
        from ui.i18n import install_language
        from ui.shell import ICONS, Badge, badged, icon
        from ui.single_instance import SingleInstance

        for path in sorted(ICONS.glob("*.svg")):
            if path.stem != "badge":  # a template: drawn and checked below
                self.check(f"icon {path.stem}", lambda name=path.stem: _require(
                    not icon(name).pixmap(32, 32).isNull(), "the SVG did not render (Qt's svg plugin missing?)"))
        self.check("icon badge", lambda: _require(
            not badged(icon("tray-light"), Badge.count(3, warn=True), Badge.wait(42)).pixmap(22, 22).isNull(),
            "the badge did not render"))
        store = Store(self.home)
        self.check("phrasebooks", lambda: _require(
            len(store.books()) == len(shipped_book_files()) > 0
            and all(store.phrases(book.id, with_usage=False) for book in store.books()),
            "the shipped phrasebooks did not load"))
        context = AppContext(store)
        self.check("search", lambda: _require(context.index.search("fh", 5), "searching “fh” found nothing"))
        self.check("signed phrasebook", lambda: _signed_round_trip(self.home / "keys", store))
        self.check("team report charts", lambda: [plotly_asset(name) for name in PLOTLY_ASSETS])
        self.check("translation", lambda: _require(
            install_language("zh") == "zh" and QCoreApplication.translate("AppActions", "Quit") != "Quit",
            "the Chinese translation did not load"))
        install_language(context.settings.language)
        instance = SingleInstance(self.home)
        _require(instance.claim(), "the temporary data folder is in use")
        quick_reply = QuickReplyApp(context, instance, desktop=None)
        try:
            quick_reply.start()
            if quick_reply.shell.fallback is not None:
                self.check("fallback window", lambda: _open_and_close(lambda: quick_reply.shell.fallback))
            self.check("tray menu", lambda: _open_and_close(lambda: _popup(quick_reply.shell.menu)))
            for name, opener in quick_reply.openers.items():
                self.check(f"window {name}", lambda opener=opener: _open_and_close(opener))
        finally:
            quick_reply.stop()
            instance.release()
        return not self.failures

    def report(self) -> None:
        """What passed on stdout, what failed on stderr (absent in windowed builds)."""
        if self.failures and sys.stderr is not None:
            for failure in self.failures:
                print(self.tr("self-test failed: {failure}").format(failure=failure), file=sys.stderr)
        if sys.stdout is not None:
            print(self.tr("QuickReply self-test: {passed} checks passed, {failed} failed ({checks})").format(
                passed=len(self.passed), failed=len(self.failures), checks=", ".join(self.passed)), flush=True)


def _signed_round_trip(folder: Path, store) -> None:
    """Publish a shipped book signed with a new key and read it back pinned to that key,
    as a lead and a subscribed agent do (the cryptography package in a frozen build)."""
    from assistant.team import publication

    private_path, _public_path, public_text = publication.generate_keys(folder)
    book = store.books()[0]
    data = publication.build(book, store.phrases(book.id, with_usage=False), 1,
                             publication.load_private_key(private_path))
    publication.read(data, "self-test", pinned_key=public_text)


def _require(condition: object, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def _popup(menu: QWidget) -> QWidget:
    menu.popup(QPoint(10, 10))
    return menu


def _wait(condition: Callable[[], bool]) -> bool:
    deadline = QDeadlineTimer(WAIT_MS)
    while not condition():
        if deadline.hasExpired():
            return False
        QCoreApplication.processEvents()
    return True


def _open_and_close(opener: Callable[[], QWidget]) -> None:
    window = opener()
    _require(_wait(window.isVisible), "did not open")
    QCoreApplication.processEvents()  # let it lay out and paint once
    _require(not window.grab().isNull(), "did not paint")
    window.close()  # hides at once; a window deleted on close may be gone after the next events
    _require(window.isHidden(), "did not close")


@contextmanager
def _collect_problems(problems: list[str]) -> Iterator[None]:
    """Qt's critical messages and exceptions raised in slots, as failures of the step."""

    def on_message(kind: QtMsgType, _context: object, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            problems.append(message)

    def on_exception(kind: type[BaseException], error: BaseException, _traceback: object) -> None:
        problems.append(f"{kind.__name__}: {error}")

    previous_handler = qInstallMessageHandler(on_message)
    previous_hook, sys.excepthook = sys.excepthook, on_exception
    try:
        yield
    finally:
        qInstallMessageHandler(previous_handler)
        sys.excepthook = previous_hook


def run_self_test() -> int:
    """The ``--self-test`` command: 0 when every check passed, 1 otherwise."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.pop("QUICKREPLY_INSTANCE", None)  # the instance key comes from the temporary folder
    with tempfile.TemporaryDirectory(prefix="quickreply-self-test-", ignore_cleanup_errors=True) as folder:
        os.environ["QUICKREPLY_HOME"] = folder
        app = QApplication.instance() or QApplication([sys.argv[0]])
        app.setApplicationName("QuickReply")
        app.setQuitOnLastWindowClosed(False)
        test = SelfTest(Path(folder))
        try:
            test.run()
        except Exception as error:  # a step outside check() failed: report it, never a traceback
            test.failures.append(f"{type(error).__name__}: {error}")
        test.report()
        return 1 if test.failures else 0
