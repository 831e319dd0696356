"""The tray icon's badge and the fallback window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon

from ui.shell import ICONS, AppActions, Shell, badged, icon


def test_the_badge_is_painted_in_the_corner_and_turns_red_past_the_soft_limit(qtbot) -> None:
    calm = badged(icon("quickreply"), 2, warn=False).pixmap(64, 64).toImage()
    busy = badged(icon("quickreply"), 4, warn=True).pixmap(64, 64).toImage()
    plain = icon("quickreply").pixmap(64, 64).toImage()
    corner = (36, 47)  # inside the badge, left of the digit
    assert QColor(calm.pixel(*corner)).green() > 100 and QColor(busy.pixel(*corner)).red() > 180
    assert plain.pixel(*corner) != busy.pixel(*corner)


def test_without_a_tray_the_fallback_window_shows_state_and_messages(qtbot) -> None:
    shell = Shell(AppActions(), tray_available=False)
    qtbot.addWidget(shell.fallback)
    shell.set_state(False, "Ready", count=3, warn=True)
    shell.notify("One line for the user")
    assert shell.fallback.status.text() == "Ready" and shell.fallback.message.text() == "One line for the user"


def test_the_badge_is_drawn_at_each_tray_size_not_scaled_from_one(qtbot) -> None:
    icon_with_badge = badged(icon("tray-light"), 3, warn=False)
    assert {size.width() for size in icon_with_badge.availableSizes()} >= {16, 22, 32, 64}
    small = icon_with_badge.pixmap(16, 16).toImage()
    assert small.width() == 16 and QColor(small.pixel(14, 10)).green() > 100  # the badge's edge, right side


def _colour_at(tray_icon: QIcon, x: int, y: int) -> QColor:
    return QColor(tray_icon.pixmap(64, 64).toImage().pixel(x, y))


@pytest.fixture
def tray_shell(qtbot):
    shell = Shell(AppActions(), tray_available=True)
    yield shell
    shell.tray.hide()


def test_the_tray_icon_follows_the_desktop_colour_scheme_and_keeps_its_state(qtbot, tray_shell) -> None:
    hints = QGuiApplication.styleHints()
    bubble = (12, 14)  # inside the speech bubble, clear of the bolt and the badge
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert _colour_at(tray_shell.tray.icon(), *bubble).name() == "#1f6feb"  # blue on a light panel
    tray_shell.set_state(True, "Hotkeys paused")
    assert _colour_at(tray_shell.tray.icon(), *bubble).name() == "#6e7781"  # grey while paused
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert _colour_at(tray_shell.tray.icon(), *bubble).name() == "#afb8c1"  # still paused, for a dark panel
    tray_shell.set_state(False, "Ready", count=2)
    assert _colour_at(tray_shell.tray.icon(), *bubble).name() == "#f6f8fa"  # white on a dark panel
    assert QColor(tray_shell.tray.icon().pixmap(64, 64).toImage().pixel(43, 30)).green() > 100  # the badge


def test_every_icon_is_an_svg_of_ours_that_renders(qtbot) -> None:
    names = {path.stem for path in ICONS.glob("*.svg")}
    assert {"quickreply", "quickreply-paused", "tray-light", "tray-dark", "tray-paused-light", "tray-paused-dark",
            "badge"} <= names
    for name in names - {"badge"}:
        assert not icon(name).pixmap(22, 22).isNull(), name


def test_the_fallback_window_grows_to_show_every_wrapped_line(qtbot) -> None:
    shell = Shell(AppActions(), tray_available=False)
    qtbot.addWidget(shell.fallback)
    qtbot.waitExposed(shell.fallback)
    shell.set_state(False, "Hotkeys unavailable; use “quickreply pick” " * 3)
    shell.notify("A long line for the user that wraps over several lines in a narrow window. " * 4)
    qtbot.waitUntil(lambda: shell.fallback.height() >= shell.fallback.layout().totalHeightForWidth(
        shell.fallback.width()))
    for label in (shell.fallback.reason, shell.fallback.status, shell.fallback.message):
        assert label.height() >= label.heightForWidth(label.width()), label.text()[:30]
