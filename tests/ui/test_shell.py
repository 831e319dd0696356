"""The tray icon's badge and the fallback window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon

from ui.shell import ICONS, AppActions, Badge, Shell, badged, icon, wait_text


def test_the_badge_is_painted_in_the_corner_and_turns_red_past_the_soft_limit(qtbot) -> None:
    calm = badged(icon("quickreply"), Badge.count(2, warn=False)).pixmap(64, 64).toImage()
    busy = badged(icon("quickreply"), Badge.count(4, warn=True)).pixmap(64, 64).toImage()
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
    icon_with_badge = badged(icon("tray-light"), Badge.count(3, warn=False))
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


def test_a_wait_fits_the_badge_in_three_characters() -> None:
    assert [wait_text(seconds) for seconds in (0, 9.9, 42, 99.5, 100, 59 * 60 + 59, 100 * 60, 7 * 3600, 500 * 3600)] \
        == ["0s", "9s", "42s", "99s", "1m", "59m", "1h", "7h", "99h"]


def test_the_wait_badge_sits_top_left_amber_then_red_past_thirty_seconds_beside_the_count(qtbot) -> None:
    base = icon("tray-light")
    waiting = badged(base, Badge.count(3, warn=False), Badge.wait(12)).pixmap(64, 64).toImage()
    late = badged(base, Badge.wait(31)).pixmap(64, 64).toImage()
    exactly = badged(base, Badge.wait(30)).pixmap(64, 64).toImage()
    top_left, bottom_right = (21, 8), (36, 47)  # inside each badge, clear of its text
    amber, red = QColor(waiting.pixel(*top_left)), QColor(late.pixel(*top_left))
    assert (amber.red(), amber.green(), amber.blue()) == (0x9a, 0x67, 0x00)
    assert (red.red(), red.green(), red.blue()) == (0xd1, 0x24, 0x2f)
    assert QColor(exactly.pixel(*top_left)).name() == amber.name(), "30 s is not yet past the golden 30 seconds"
    assert QColor(waiting.pixel(*bottom_right)).green() > 100, "the count's badge stays"
    assert QColor(late.pixel(*bottom_right)).name() == QColor(base.pixmap(64, 64).toImage().pixel(*bottom_right)).name()


def test_the_longest_wait_shows_in_the_tooltip_and_the_menu_only_while_someone_waits(qtbot, tray_shell) -> None:
    tray_shell.set_state(False, "Ready")
    assert not tray_shell.wait_action.isVisible() and tray_shell.menu.actions()[0] is tray_shell.wait_action
    tray_shell.set_wait(42.7, "qianniu")
    assert tray_shell.tray.toolTip() == "QuickReply — Ready\nLongest wait: 42 s — qianniu"
    assert tray_shell.wait_action.isVisible() and tray_shell.wait_action.text() == "Longest wait: 42 s — qianniu"
    assert not tray_shell.wait_action.isEnabled(), "a line to read, not a command"
    tray_shell.set_wait(None)
    assert tray_shell.tray.toolTip() == "QuickReply — Ready" and not tray_shell.wait_action.isVisible()


def test_without_a_tray_the_fallback_window_shows_the_wait(qtbot) -> None:
    shell = Shell(AppActions(), tray_available=False)
    qtbot.addWidget(shell.fallback)
    shell.set_state(False, "Ready")
    shell.set_wait(5, "")
    assert shell.fallback.status.text() == "Ready\nLongest wait: 5 s"
