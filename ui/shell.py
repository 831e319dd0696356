"""Where the app lives on the desktop: the tray icon, or — where the desktop has no
tray (stock GNOME) — a small window that says why and offers the same actions.

Both show one set of QActions, so a menu entry and a button can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QSystemTrayIcon, QToolButton, QVBoxLayout, QWidget

from assistant.replies.waiting import GOLDEN_SECONDS
from assistant.settings import Settings
from ui.widgets.hotkey_edit import key_sequence
from ui.windows import WINDOWS

ICONS = Path(__file__).resolve().parent / "icons"


def icon(name: str) -> QIcon:
    return QIcon(str(ICONS / f"{name}.svg"))


#: Tray sizes the badge is drawn at: each from the SVGs, so the digit stays sharp.
BADGE_SIZES = (16, 22, 24, 32, 48, 64)
#: Where badge.svg draws its badge (the bottom-right corner), as a share of the icon: a
#: badge for the top-left corner is drawn that much up and to the left.
_BADGE_OFFSET = 22 / 64
GREEN, AMBER, RED = "#1a7f37", "#9a6700", "#d1242f"


@dataclass(frozen=True)
class Badge:
    """A round badge on the tray icon: up to three characters on a colour, in the
    bottom-right corner (the conversation's count) or the top-left one (the longest
    wait), so both can show at once."""

    text: str
    colour: str
    top_left: bool = False

    @classmethod
    def count(cls, count: int, warn: bool) -> Badge:
        """The current conversation's quick-reply count, red past the soft limit."""
        return cls(str(min(count, 99)), RED if warn else GREEN)

    @classmethod
    def wait(cls, seconds: float) -> Badge:
        """The longest wait ("12s", "3m", "2h"), amber, red past the golden 30 seconds."""
        return cls(wait_text(seconds), RED if seconds > GOLDEN_SECONDS else AMBER, top_left=True)


def wait_text(seconds: float) -> str:
    """A wait in at most three characters, for the badge: seconds up to 99, then
    minutes, then hours."""
    whole = int(seconds)
    if whole < 100:
        return f"{whole}s"
    if whole < 100 * 60:
        return f"{whole // 60}m"
    return f"{min(whole // 3600, 99)}h"


def _text_size(text: str) -> int:
    """The badge's font size for ``text``: a count of two digits fills it, a letter
    ("12s", "2m") is wider and needs a smaller size to stay inside the ring."""
    if len(text) <= 2:
        return 26 if text.isdigit() else 20
    return 15


def badged(base: QIcon, *badges: Badge) -> QIcon:
    """``base`` with ``badges`` painted over it at every tray size, so the agent sees
    the count and the wait without opening anything."""
    if not badges:
        return base
    template = Template((ICONS / "badge.svg").read_text("utf-8"))
    renderers = []
    for badge in badges:
        size = _text_size(badge.text)
        svg = template.substitute(colour=badge.colour, text=badge.text, size=size, y=round(43 + size * 0.35))
        renderers.append((QSvgRenderer(QByteArray(svg.encode())), -_BADGE_OFFSET if badge.top_left else 0.0))
    result = QIcon()
    for size in BADGE_SIZES:
        pixmap = base.pixmap(size, size)
        painter = QPainter(pixmap)
        for renderer, offset in renderers:
            renderer.render(painter, QRectF(offset * size, offset * size, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def tray_icon(paused: bool, scheme: Qt.ColorScheme) -> QIcon:
    """The tray variant for the panel: a blue bubble on light panels, a white one on
    dark panels; where the desktop does not say, the palette decides."""
    if scheme == Qt.ColorScheme.Unknown:
        dark = QGuiApplication.palette().window().color().lightness() < 128
    else:
        dark = scheme == Qt.ColorScheme.Dark
    return icon(f"tray{'-paused' if paused else ''}-{'dark' if dark else 'light'}")


class AppActions(QObject):
    """The app's commands; the shell shows them, the app connects them (and calls
    ``retranslate`` when the language changes: plain QObjects get no LanguageChange)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pick = QAction(self)
        self.new_conversation = QAction(self)
        # One entry per window of the registry's menu, by its name.
        self.windows = {name: QAction(self) for name, kind in WINDOWS.items() if kind.in_menu}
        self.pause = QAction(self, checkable=True)
        self.quit = QAction(self)
        self.retranslate()

    def all(self) -> list[QAction]:
        return [self.pick, self.new_conversation, *self.windows.values(), self.pause, self.quit]

    def retranslate(self) -> None:
        self.pick.setText(self.tr("Pick a reply…"))
        self.new_conversation.setText(self.tr("New conversation"))
        for name, action in self.windows.items():
            action.setText(self.tr(WINDOWS[name].menu_text))
        self.pause.setText(self.tr("Pause hotkeys"))
        self.quit.setText(self.tr("Quit"))


    def show_hotkeys(self, settings: Settings) -> None:
        """Each entry a global hotkey also does shows that hotkey, as menus show
        shortcuts, so the agent learns the faster way. The desktop listener owns the
        hotkey itself: here it only works while the menu or button has the focus."""
        for action, hotkey in ((self.pick, settings.picker_hotkey),
                               (self.new_conversation, settings.new_conversation_hotkey),
                               (self.pause, settings.pause_hotkey)):
            action.setShortcut(key_sequence(hotkey))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            # The tray menu counts as a context menu, where some platforms hide shortcuts.
            action.setShortcutVisibleInContextMenu(True)


class Shell(QObject):
    """The tray icon when there is a tray, else ``fallback``; ``set_state`` updates both."""

    def __init__(self, actions: AppActions, tray_available: bool, parent: QObject | None = None):
        super().__init__(parent)
        self.actions = actions
        self.menu = QMenu()
        #: "Longest wait: 42 s — label", at the top of the menu while a buyer waits.
        self.wait_action = QAction(self, enabled=False, visible=False)
        self.menu.addAction(self.wait_action)
        for action in actions.all():
            if action is actions.quit:
                self.menu.addSeparator()
            self.menu.addAction(action)
        self.tray: QSystemTrayIcon | None = None
        self.fallback: FallbackWindow | None = None
        self._state: tuple[bool, str, int, bool] = (False, "", 0, False)
        self._wait: tuple[int | None, str] = (None, "")
        self._scheme = QGuiApplication.styleHints().colorScheme()
        if tray_available:
            self.tray = QSystemTrayIcon(tray_icon(False, self._scheme), self)
            QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._tray_activated)
            self.tray.show()
        else:
            self.fallback = FallbackWindow(actions)
            self.fallback.show()

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.actions.pick.trigger()

    def _scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark: the tray icon follows."""
        self._scheme = scheme
        self._show()

    def set_state(self, paused: bool, status: str, count: int = 0, warn: bool = False) -> None:
        """Icon and tooltip: paused or active, a line of status, and the current
        conversation's quick-reply count as a badge."""
        self._state = (paused, status, count, warn)
        self._show()

    def set_wait(self, seconds: float | None, label: str = "") -> None:
        """The longest current wait (None: nobody waits) and what to call the
        conversation: a badge, a line in the tooltip and at the top of the menu."""
        wait = (None if seconds is None else int(seconds), label)
        if wait != self._wait:  # most title changes leave the wait as it was
            self._wait = wait
            self._show()

    def wait_line(self) -> str:
        """"Longest wait: 42 s — label"; "" while nobody waits."""
        seconds, label = self._wait
        if seconds is None:
            return ""
        if label:
            return self.tr("Longest wait: {seconds} s — {label}").format(seconds=seconds, label=label)
        return self.tr("Longest wait: {seconds} s").format(seconds=seconds)

    def _show(self) -> None:
        paused, status, count, warn = self._state
        seconds, _label = self._wait
        self.actions.pause.setChecked(paused)
        wait = self.wait_line()
        self.wait_action.setText(wait)
        self.wait_action.setVisible(bool(wait))
        text = f"{status}\n{wait}" if wait else status
        if self.tray is not None:
            badges = [Badge.count(count, warn)] if count and not paused else []
            if seconds is not None:
                badges.append(Badge.wait(seconds))
            self.tray.setIcon(badged(tray_icon(paused, self._scheme), *badges))
            self.tray.setToolTip(f"QuickReply — {text}")
        if self.fallback is not None:
            self.fallback.setWindowIcon(icon("quickreply-paused" if paused else "quickreply"))
            self.fallback.status.setText(text)

    def notify(self, message: str) -> None:
        """One line for the user: a tray balloon, or the fallback window's message line."""
        if self.tray is not None:
            self.tray.showMessage("QuickReply", message, icon("quickreply"), 8000)
        elif self.fallback is not None:
            # Never take the focus from the chat window the agent is typing in.
            self.fallback.message.setText(message)
            if not self.fallback.isVisible():
                self.fallback.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
                self.fallback.show()
                self.fallback.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)

    def show(self) -> None:
        if self.fallback is not None:
            self.fallback.show_again()


class FallbackWindow(QWidget):
    """The app's home where there is no tray; closing it only hides it."""

    def __init__(self, actions: AppActions):
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowIcon(icon("quickreply"))
        self.reason = QLabel(self, wordWrap=True)
        self.status = QLabel(self, wordWrap=True)
        self.message = QLabel(self, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(self.status)
        for action in actions.all():
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            layout.addWidget(button)
        layout.addWidget(self.message)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 44)
        self.retranslate()
        self.resize(self.minimumWidth(), layout.totalHeightForWidth(self.minimumWidth()))

    def event(self, event: QEvent) -> bool:
        # Wrapped lines need height the window does not ask for by itself: grow (never
        # shrink what the user chose) whenever a text change re-lays the window out.
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            needed = self.layout().totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)
        return handled

    def retranslate(self) -> None:
        self.setWindowTitle("QuickReply")
        self.reason.setText(self.tr("This desktop has no system tray, so QuickReply lives in this window. "
                                    "Closing it keeps QuickReply running; start QuickReply again to bring it back."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_again(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
