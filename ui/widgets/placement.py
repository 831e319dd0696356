"""Where a window opens and how large: on the screen under the mouse, never larger than
that screen, at the size and place the user left it.

Agents work on laptops at 1366×768 and on 1920×1080 screens at 150%, often with a
second monitor; a window sized for its content (a Chinese form is taller than the
English one) would put Save below the screen's edge, and a window opened on the other
monitor is not seen. Each window calls ``keep_on_screen(self, name)`` once; from then
on every show sizes and places it, and every hide (or quitting) remembers its geometry
in ``windows.ini`` in the data folder (not settings.json: it is not a setting to back up,
and a damaged or missing entry only means the first size again).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QObject, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QWidget

from assistant.data.atomic import PRIVATE_FILE_MODE
from assistant.data.paths import data_dir

#: Kept free around a window on its screen: room for the window manager's title bar and
#: frame, which are not known before the window is first shown.
MARGIN = 32


def keep_on_screen(window: QWidget, name: str) -> None:
    """Place ``window`` on every show and remember its geometry on every hide, under
    ``name`` (one per kind of window: a new dialog of the same kind opens where the
    last one was left)."""
    _Placement(window, name)


def screen_area() -> QRect:
    """The part of the screen under the mouse a window may take."""
    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    return screen.availableGeometry().marginsRemoved(QMargins(MARGIN, MARGIN, MARGIN, MARGIN))


def fitted(size: QSize, area: QRect, top_left: QPoint | None = None) -> QRect:
    """A window of ``size``, no larger than ``area``, at ``top_left`` moved into
    ``area``; centred in it when no place is given or the place is elsewhere (on a
    screen the mouse is not on)."""
    placed = QRect(top_left or QPoint(), size.boundedTo(area.size()))
    if top_left is None or not area.intersects(placed):
        placed.moveCenter(area.center())
        return placed
    placed.moveLeft(min(max(placed.left(), area.left()), area.right() - placed.width() + 1))
    placed.moveTop(min(max(placed.top(), area.top()), area.bottom() - placed.height() + 1))
    return placed


def _settings() -> QSettings:
    # An explicit file in the data folder: the default QSettings place is outside it,
    # where tests and portable installs must not write.
    return QSettings(str(data_dir() / "windows.ini"), QSettings.Format.IniFormat)


def remembered(name: str) -> QRect | None:
    """The geometry ``name`` was left at, or None (never closed, or unreadable)."""
    try:
        x, y, width, height = (int(part) for part in str(_settings().value(f"{name}/geometry", "")).split(","))
    except ValueError:
        return None
    return QRect(x, y, width, height) if width > 0 and height > 0 else None


def remember(name: str, geometry: QRect) -> None:
    settings = _settings()
    settings.setValue(f"{name}/geometry", ",".join(str(value) for value in geometry.getRect()))
    settings.sync()
    if os.name == "posix" and settings.status() == QSettings.Status.NoError:
        os.chmod(settings.fileName(), PRIVATE_FILE_MODE)  # as every file in the data folder


class _Placement(QObject):
    """Watches one window's show and hide; a child of it, so it goes when it goes.

    Its state lives on the Qt side (the parent, the object name): the window may be
    closed while Python is already letting go of this object's wrapper, and a Hide
    event then still arrives."""

    def __init__(self, window: QWidget, name: str):
        super().__init__(window)
        self.setObjectName(name)
        window.installEventFilter(self)
        # Quitting from the tray hides no window: one still open is remembered here.
        QCoreApplication.instance().aboutToQuit.connect(self._remember_open)

    def _remember_open(self) -> None:
        window = self.parent()
        if window is not None and window.isVisible():
            remember(self.objectName(), window.geometry())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Spontaneous ones come from the window manager (minimising, switching
        # desktops), not from the app opening or closing the window.
        if watched is self.parent() and not event.spontaneous():
            if event.type() == QEvent.Type.Show:
                left = remembered(self.objectName())
                watched.setGeometry(fitted(left.size(), screen_area(), left.topLeft()) if left
                                    else fitted(watched.size(), screen_area()))
            elif event.type() == QEvent.Type.Hide:
                remember(self.objectName(), watched.geometry())
        return False
