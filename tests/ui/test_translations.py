"""The Chinese interface is complete: every tr() string of ui/ has a translation."""

from __future__ import annotations

import ast
import os
import re
import string
import subprocess
import sys
from pathlib import Path

from ui.i18n import TRANSLATIONS, read_ts

UI = Path(__file__).resolve().parents[2] / "ui"


def _literals(call: ast.Call) -> list[str]:
    return [arg.value for arg in call.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]


def _tr_strings() -> set[tuple[str, str]]:
    """(class name, text) of every self.tr("literal") in ui/, and (context, text) of
    every QT_TRANSLATE_NOOP("context", "literal") (texts translated later, as the
    window registry's menu entries)."""
    found: set[tuple[str, str]] = set()
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
            if isinstance(call.func, ast.Name) and call.func.id == "QT_TRANSLATE_NOOP" and len(_literals(call)) == 2:
                found.add((_literals(call)[0], _literals(call)[1]))
        for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
            for call in (node for node in ast.walk(cls) if isinstance(node, ast.Call)):
                func = call.func
                if isinstance(func, ast.Attribute) and func.attr == "tr" and call.args \
                        and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                    found.add((cls.name, call.args[0].value))
    return found


def test_every_interface_string_is_translated_with_the_same_fields() -> None:
    messages = read_ts(TRANSLATIONS / "quickreply_zh_CN.ts")
    strings = _tr_strings()
    assert len(strings) > 150
    missing = sorted(f"{context}: {text}" for context, text in strings if (context, text) not in messages)
    assert missing == [], "run scripts/update-translations and translate"

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert [key for key in strings if fields(key[1]) != fields(messages[key])] == []


def test_the_compiled_translation_is_used_when_current_and_the_ts_otherwise(qtbot, tmp_path: Path,
                                                                           monkeypatch) -> None:
    """What the frozen program relies on: lrelease's .qm loads and translates; a stale
    .qm in a checkout (older than the .ts) gives way to the .ts."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui import i18n

    source = tmp_path / "quickreply_zh_CN.ts"
    source.write_bytes((TRANSLATIONS / "quickreply_zh_CN.ts").read_bytes())
    compiled = tmp_path / "quickreply_zh_CN.qm"
    subprocess.run([sys.executable, "-c", "from PySide6.scripts.pyside_tool import lrelease; lrelease()",
                    "-silent", str(source), "-qm", str(compiled)], check=True, timeout=120)
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    try:
        i18n.install_language("zh")
        assert type(i18n._installed[-1]) is QTranslator
        assert QCoreApplication.translate("AppActions", "Quit") == "退出"
        os.utime(compiled, (0, 0))  # older than the .ts
        i18n.install_language("zh")
        assert isinstance(i18n._installed[-1], i18n.TsTranslator)
        assert QCoreApplication.translate("AppActions", "Quit") == "退出"
    finally:
        i18n.install_language("en")


#: One Chinese word per idea, in the windows and on the command line alike: the variants
#: once used beside the chosen ones (会话, 提醒上限, 硬性上限, 您). 对话框 is a dialog box.
REJECTED = {r"对话(?!框)": "会话", r"最高上限|硬上限|最大上限": "硬性上限", r"软上限|软性上限": "提醒上限", "你": "您"}


def test_one_term_per_idea_and_the_polite_you_in_both_catalogues() -> None:
    from assistant.i18n.zh import MESSAGES

    translations = [*read_ts(TRANSLATIONS / "quickreply_zh_CN.ts").values(), *MESSAGES.values()]
    assert len(translations) > 500
    found = {pattern: [text for text in translations if re.search(pattern, text)] for pattern in REJECTED}
    assert found == {pattern: [] for pattern in REJECTED}


def test_qt_s_own_dialogs_speak_chinese(qtbot) -> None:
    """Qt's file dialogs and standard buttons come from qtbase_zh_CN.qm, which build.spec ships."""
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    try:
        i18n.install_language("zh")
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        i18n.install_language("en")
