"""Walks every window of the registry, the tray menu and the dialogs the windows open,
and reads every text a user can see; run by test_language_walk.py in a fresh process with LANG set (Qt reads the system
locale once per process). Not collected on its own: the name does not start with test_.

With the language setting left at "follow the system", the interface must speak the
system's language; with the setting naming the other language, that one. The phrase
content is data, so the store holds only the shipped book in the expected language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from assistant.formats import read_phrasebook
from assistant.phrases.store import Store, shipped_book_files
from assistant.phrases.templates import questions
from assistant.settings import load_settings, save_settings
from ui.app import QuickReplyApp
from ui.context import AppContext
from ui.i18n import install_language
from ui.manager.import_dialog import ImportDialog
from ui.manager.phrase_editor import PhraseEditor
from ui.replies.prompt import PlaceholderDialog
from ui.single_instance import SingleInstance
from ui.team.subscriptions_dialog import SubscriptionsDialog

BOOKS = {"zh": "zh-ecommerce.json", "en": "en-ecommerce.json"}
#: Names, not words: the product, languages in their own script, commands, key names,
#: file formats, paths, protocols and other programs, units, the short code every
#: example uses (fh: 发货) and ID; and {placeholder} and signing-key syntax.
PROPER = re.compile("|".join((
    r"\{[^}]*\}", r"QuickReply", r"中文", r"English", r"quickreply( [\w.]+)+", r"AliWorkBench", r"\bchrome\b",
    r"qr-ed25519",
    r"\b(Ctrl|Alt|Shift|Super|Meta|Esc|Enter|Tab|Space|Backspace|Del(ete)?|Insert|Home|End|PgUp|PgDn|Up|Down|Left|"
    r"Right|F\d{1,2})\b",
    r"CSV|JSON|XLSX|Excel|YAML|HTML|espanso", r"https?|http\(s\)", r"X11|Wayland|GNOME", r"CPM|WPM",
    r"\bfh\b", r"\bID\b",
    r"[\w/\\:.*-]*\.[a-z]{2,4}\b",
)))
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]")


def system_language() -> str:
    """What the locale test_language_walk.py set means."""
    return "zh" if os.environ["LANG"].startswith("zh") else "en"


def foreign(text: str, language: str) -> bool:
    """True when ``text`` is not in ``language`` (HTML tags and mnemonics aside)."""
    text = re.sub(r"<[^>]+>", " ", text).replace("&", "")
    if language == "zh":
        return bool(ENGLISH_WORD.search(PROPER.sub(" ", text)))
    return bool(CHINESE.search(text.replace("中文", "")))


def _headers(view: QAbstractItemView) -> Iterator[str]:
    """Column headers; the cells of lists, tables and trees hold phrases, codes, groups
    and title rules: data, in whatever language it was written."""
    model = view.model()
    if model is not None:
        for column in range(1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")


def widget_texts(widget: QWidget) -> Iterator[str]:
    """Everything of ``widget`` a user can read: text, title, tooltip, placeholder,
    items, headers, tabs, actions (menus, tool bars), chart titles and legends."""
    yield widget.toolTip()
    if widget.isWindow():
        yield widget.windowTitle()
    for action in widget.actions():
        yield from (action.text(), action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield widget.placeholderText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(index) for index in range(widget.count()))
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield from (widget.tabText(index), widget.tabToolTip(index))
    if isinstance(widget, QSpinBox):
        yield from (widget.prefix(), widget.suffix())
    if isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
    if isinstance(widget, QMenu):
        yield widget.title()
    if isinstance(widget, QAbstractItemView):
        yield from _headers(widget)
    if isinstance(widget, QChartView):
        chart = widget.chart()
        yield chart.title()
        for axis in chart.axes():
            yield axis.titleText()
            if isinstance(axis, QBarCategoryAxis):
                yield from axis.categories()
        yield from (marker.label() for marker in chart.legend().markers())


def window_texts(window: QWidget) -> Iterator[str]:
    for widget in (window, *window.findChildren(QWidget)):
        yield from (text for text in widget_texts(widget) if text and text.strip())


def dialogs(context: AppContext, book_file: str) -> dict[str, QWidget]:
    """The dialogs the windows open, on a phrase with placeholders and on an import
    of the shipped book (into itself, so the preview has replacements to show)."""
    book = context.store.books()[0]
    phrase = next(phrase for phrase in context.phrases if "{input:" in phrase.text)
    source = Path(str(next(path for path in shipped_book_files() if path.name == book_file)))
    return {"phrase editor": PhraseEditor(context, book.id, phrase),
            "import dialog": ImportDialog(context, read_phrasebook(source), source),
            "placeholder dialog": PlaceholderDialog(questions(phrase.text)),
            "subscriptions dialog": SubscriptionsDialog(context.subscriptions)}


@pytest.fixture
def walk(qtbot, isolated_home: Path, request: pytest.FixtureRequest,
         monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[QuickReplyApp, str]]:
    """The app and the language it must speak: the system's ("system"), or the other
    one chosen in the settings ("override"); the store holds that language's book."""
    monkeypatch.delenv("QUICKREPLY_LANG")  # the system's language, not the tests' English
    language = system_language() if request.param == "system" else {"zh": "en", "en": "zh"}[system_language()]
    store = Store(isolated_home, seed=False)
    book = next(path for path in shipped_book_files() if path.name == BOOKS[language])
    store.import_book(read_phrasebook(Path(str(book))))
    setting = "" if request.param == "system" else language
    save_settings(store.folder, replace(load_settings(store.folder), language=setting))
    context = AppContext(store)
    assert context.settings.language == setting
    assert install_language(context.settings.language) == language
    instance = SingleInstance(isolated_home)
    assert instance.claim()
    quick_reply = QuickReplyApp(context, instance, desktop=None)
    quick_reply.start()
    yield quick_reply, language
    quick_reply.stop()
    instance.release()
    for window in (quick_reply.picker, quick_reply.shell.fallback, *quick_reply.kept.values()):
        if window is not None:
            window.close()
    install_language("en")


@pytest.mark.parametrize("walk", ["system", "override"], indirect=True)
def test_every_window_speaks_one_language(qtbot, walk: tuple[QuickReplyApp, str]) -> None:
    app, language = walk
    found: dict[str, list[str]] = {"tray menu": [action.text() for action in app.shell.menu.actions()]}
    if app.shell.fallback is not None:
        found["fallback window"] = list(window_texts(app.shell.fallback))
    for name, opener in app.openers.items():
        window = opener()
        qtbot.waitExposed(window)
        found[name] = list(window_texts(window))
        window.close()
    for name, dialog in dialogs(app.context, BOOKS[language]).items():  # what the windows open
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        found[name] = list(window_texts(dialog))
        dialog.close()
    assert all(found.values()), "a window showed no text at all: the walk is broken"
    wrong = [f"{name}: {text!r}" for name, texts in found.items() for text in sorted(set(texts))
             if foreign(text, language)]
    assert not wrong, f"not in {language}:\n" + "\n".join(wrong)
