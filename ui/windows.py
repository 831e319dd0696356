"""Every window the app opens by name, in one registry.

The tray menu, ``quickreply --self-test`` (ui/self_test.py) and the language test
(tests/ui/test_language_walk.py) all walk ``WINDOWS``, so a new window is one line here:
its name, its class as "module:Class" and its tray-menu entry. The module is imported
when the window is first opened, which keeps start-up light (the statistics window
alone pulls in QtCharts) and lets one window open another without importing it (the
statistics window asks for the team report through ``AppContext.windowRequested``);
build.spec bundles every module of ui/, so nothing is missed.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import AppContext


@dataclass(frozen=True)
class WindowKind:
    # "module:Class"; the class is built with the AppContext alone.
    factory: str
    # The tray menu's entry, translated in the "AppActions" context; none for a window
    # only another window opens (the team report, from the statistics).
    menu_text: str = ""
    # True: one window, shown again with its state; False: a fresh one each time,
    # deleted when closed (a dialog whose Cancel must forget what was edited).
    reuse: bool = True

    @property
    def in_menu(self) -> bool:
        return bool(self.menu_text)

    def create(self, context: AppContext) -> QWidget:
        module, _, name = self.factory.partition(":")
        return getattr(importlib.import_module(module), name)(context)


# In the tray menu's order; the windows not in the menu last.
WINDOWS: dict[str, WindowKind] = {
    "manager": WindowKind("ui.manager.window:ManagerWindow", QT_TRANSLATE_NOOP("AppActions", "Phrasebooks…")),
    "drills": WindowKind("ui.drills.window:DrillWindow", QT_TRANSLATE_NOOP("AppActions", "Typing practice…")),
    "statistics": WindowKind("ui.stats.window:StatsWindow", QT_TRANSLATE_NOOP("AppActions", "Statistics…")),
    "settings": WindowKind("ui.settings.window:SettingsWindow", QT_TRANSLATE_NOOP("AppActions", "Settings…"),
                           reuse=False),
    "team-report": WindowKind("ui.team.report_window:ReportWindow"),
    # Kept, so the app can hand the open wizard its picker hotkey (QuickReplyApp._hotkey).
    "first-run": WindowKind("ui.first_run:FirstRunWizard"),
}
