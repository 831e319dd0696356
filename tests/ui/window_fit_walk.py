"""Opens every window of the registry, the picker and the dialogs the windows open, in
both languages, and checks each lies inside the screen under the mouse; run by
test_window_fit.py in a fresh process per screen (Qt reads the screens and the scale
factor once per process). Not collected on its own: the name does not start with test_.

The screens come from the offscreen platform's config file: a large first screen and
the one under test beside it, where the mouse is, so a window that opens on the first
screen, or taller than the second, fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QWidget

from assistant.formats import read_phrasebook
from assistant.phrases.store import Store, shipped_book_files
from assistant.settings import load_settings, save_settings
from tests.ui.language_walk import BOOKS, dialogs
from ui.app import QuickReplyApp
from ui.context import AppContext
from ui.i18n import install_language
from ui.single_instance import SingleInstance


@pytest.fixture(params=["zh", "en"])
def app(qtbot, isolated_home: Path, request: pytest.FixtureRequest) -> Iterator[QuickReplyApp]:
    """The app speaking ``request.param``, its store holding that language's book."""
    store = Store(isolated_home, seed=False)
    book = next(path for path in shipped_book_files() if path.name == BOOKS[request.param])
    store.import_book(read_phrasebook(Path(str(book))))
    save_settings(store.folder, replace(load_settings(store.folder), language=request.param))
    context = AppContext(store)
    install_language(request.param)
    instance = SingleInstance(isolated_home)
    assert instance.claim()
    quick_reply = QuickReplyApp(context, instance, desktop=None)
    yield quick_reply
    instance.release()
    for window in (quick_reply.picker, *quick_reply.kept.values()):
        window.close()
    install_language("en")


def screen_under_test() -> QRect:
    """The last screen of the config: the one under test; the mouse goes there."""
    screen = QGuiApplication.screens()[-1]
    QCursor.setPos(screen.geometry().center())
    return screen.availableGeometry()


def test_every_window_fits_the_screen_under_the_mouse(qtbot, app: QuickReplyApp) -> None:
    area = screen_under_test()
    opened: dict[str, QWidget] = {name: opener() for name, opener in app.openers.items()}
    for name, dialog in dialogs(app.context, BOOKS[app.context.settings.language]).items():
        qtbot.addWidget(dialog)
        dialog.show()
        opened[name] = dialog
    outside = []
    for name, window in opened.items():
        qtbot.waitExposed(window)
        frame = window.frameGeometry()
        if not area.contains(frame):
            outside.append(f"{name}: {frame.width()}×{frame.height()} at {frame.x()},{frame.y()}")
        window.close()
    assert not outside, f"outside the screen {area}:\n" + "\n".join(outside)
