"""The tray icon's badge and the fallback window."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ui.shell import AppActions, Shell, badged, icon


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
