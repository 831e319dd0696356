"""The interface language: Qt's translator for ui/, the core's catalogue for assistant/.

User-facing strings in ui/ are written in English with ``self.tr("…")`` (or
``QCoreApplication.translate(context, "…")``); ``scripts/update-translations`` collects
them into ``ui/translations/quickreply_zh_CN.ts`` with pyside6-lupdate, where the
Chinese is written. A compiled ``.qm`` beside it is used when present (release builds:
build.spec compiles it with lrelease); otherwise the ``.ts`` itself is read, so a
source checkout needs no build step.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from assistant.i18n import detect_language, set_language

TRANSLATIONS = Path(__file__).resolve().parent / "translations"


def interface_language(setting: str) -> str:
    """"zh" or "en": the setting when it names one, else QUICKREPLY_LANG when set (as
    for the core's messages: ``QUICKREPLY_LANG=en quickreply --self-test`` answers in
    English on a Chinese Windows too), else the system's interface language (on Windows
    the display language, not the region's formats; on Linux LANGUAGE, LC_ALL,
    LC_MESSAGES or LANG)."""
    if setting in ("zh", "en"):
        return setting
    override = os.environ.get("QUICKREPLY_LANG")
    if override:
        return detect_language({"QUICKREPLY_LANG": override})
    system = QLocale.system()
    first = next(iter(system.uiLanguages()), system.name())
    return "zh" if first.lower().startswith("zh") else "en"


class TsTranslator(QTranslator):
    """Translations read straight from a Qt Linguist .ts file."""

    def __init__(self, messages: dict[tuple[str, str], str], parent=None):
        super().__init__(parent)
        self._messages = messages

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None (a null string), not "": Qt takes "" as a real, empty translation.
        return self._messages.get((context, source))

    def isEmpty(self) -> bool:
        return not self._messages


@cache
def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation for every finished message of a .ts file."""
    from defusedxml import ElementTree  # only when Chinese is chosen

    messages: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if translation.text:
                messages[(name, message.findtext("source", ""))] = translation.text
    return messages


_installed: list[QTranslator] = []


def _compiled_is_current() -> bool:
    """The .qm is there (build.spec ships it without the .ts) and no older than the .ts
    beside it: in a checkout, a .qm left from an earlier lrelease must not hide newer
    translations."""
    compiled, source = TRANSLATIONS / "quickreply_zh_CN.qm", TRANSLATIONS / "quickreply_zh_CN.ts"
    return compiled.exists() and (not source.exists() or compiled.stat().st_mtime >= source.stat().st_mtime)


def install_language(setting: str) -> str:
    """Install the translators for ``setting`` ("", "zh" or "en"); returns the language.
    Calling it again switches language (windows re-read their texts on LanguageChange)."""
    app = QCoreApplication.instance()
    language = interface_language(setting)
    set_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "zh":
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt_own)
        ours = QTranslator(app)
        if not (_compiled_is_current() and ours.load(str(TRANSLATIONS / "quickreply_zh_CN.qm"))):
            ours = TsTranslator(read_ts(TRANSLATIONS / "quickreply_zh_CN.ts"), app)
        _installed.append(ours)
        for translator in _installed:
            app.installTranslator(translator)
    return language
