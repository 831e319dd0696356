"""Rules of the tree that code review would otherwise have to remember."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

from assistant.i18n.zh import MESSAGES
from tests.unit.helpers import ROOT

CORE = ROOT / "assistant"


def _core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def test_the_core_never_imports_qt_or_ui() -> None:
    offenders = []
    for path in _core_modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name}: {name}" for name in names
                          if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}]
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = [".".join(path.relative_to(ROOT).with_suffix("").parts) for path in _core_modules()
               if path.name != "__main__.py" and not (sys.platform == "win32" and "x11" in path.parts)]
    # (the X11 backend needs python-xlib, a dependency on Linux only)
    code = "import sys\n" + "".join(f"import {name}\n" for name in modules) + \
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_settings_are_a_leaf() -> None:
    """Settings hold data (the shipped rules included) that replies, phrases and the UI
    read; importing any of those from settings, even inside a function, is a cycle."""
    imported = []
    for node in ast.walk(ast.parse((CORE / "settings.py").read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("assistant."):
            imported.append(node.module)
        elif isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names if alias.name.startswith("assistant.")]
    assert [name for name in imported if not name.startswith(("assistant.data.", "assistant.i18n"))] == []


def _tr_literals() -> set[str]:
    found: set[str] = set()
    for path in _core_modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("tr", "N_") and node.args:
                argument = node.args[0]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    found.add(argument.value)
    return found


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_core_message_has_a_chinese_translation_with_the_same_fields() -> None:
    literals = _tr_literals()
    assert len(literals) > 50
    missing = sorted(literals - MESSAGES.keys())
    assert missing == []
    mismatched = [key for key in literals if _fields(key) != _fields(MESSAGES[key])]
    assert mismatched == []


def test_chinese_translations_are_chinese() -> None:
    untranslated = [key for key, value in MESSAGES.items()
                    if re.search(r"[A-Za-z]{3}", key) and not re.search(r"[\u4e00-\u9fff]", value)]
    assert untranslated == []


def test_the_stored_time_format_is_written_in_one_place() -> None:
    """Every file's times go through assistant.timestamps, so they never drift apart."""
    format_text = "%Y-%m-%dT%H:%M:%SZ"
    writers = sorted(path.relative_to(ROOT).as_posix() for folder in (CORE, ROOT / "ui")
                     for path in folder.rglob("*.py") if format_text in path.read_text("utf-8"))
    assert writers == ["assistant/timestamps.py"]


def _locked(lock: str) -> set[str]:
    names = set()
    for line in (ROOT / "requirements" / lock).read_text("utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            names.add(re.split(r"[=<>;\s]", line, maxsplit=1)[0].lower().replace("_", "-"))
    return names


def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[=<>!;\s\[]", item, maxsplit=1)[0].lower().replace("_", "-") for item in requirements}


def test_the_lock_files_hold_every_dependency_of_pyproject() -> None:
    """A dependency added to pyproject.toml without running scripts/lock would be missing
    from every install (they install from the lock files alone)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    runtime = _requirement_names(project["dependencies"])
    extras = _requirement_names([item for group in project["optional-dependencies"].values() for item in group])
    assert runtime - _locked("app.txt") == set()
    assert (runtime | extras) - _locked("test.txt") == set()


def test_python_3_11_never_gets_the_pyside6_that_crashes_it() -> None:
    for lock in ("app.txt", "test.txt"):
        text = (ROOT / "requirements" / lock).read_text("utf-8")
        pins = re.findall(r"^(pyside6-essentials|pyside6-addons|shiboken6)==(\S+) ; (.*?) \\$", text, re.MULTILINE)
        assert {(name, marker) for name, _, marker in pins} >= {
            (name, "python_full_version < '3.12'") for name in ("pyside6-essentials", "pyside6-addons", "shiboken6")}
        assert all(not version.startswith("6.12") for _, version, marker in pins if "< '3.12'" in marker)
