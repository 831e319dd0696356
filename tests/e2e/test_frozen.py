"""The shipped program: ``pyinstaller build.spec`` builds a folder that works on its own.

Built once per run into a temporary folder (never the repository's dist/), then run as
a user would: ``--version``, ``--self-test`` (offscreen, every window), and the tray app
on a real X display with its global hotkey, which needs the bundled X11 backend.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import __version__
from tests.e2e.app_process import ROOT, AppProcess
from tests.e2e.conftest import SUMMARY

pytestmark = pytest.mark.slow

#: The issue's target, in MiB as ``du -sh`` counts; also a guard against regressions
#: (a stray QtWebEngine is 200 MB). 148 MiB on Linux, desktop libraries left to the system.
MAX_MIB = 150
#: Qt modules the app does not use; none of their libraries may be in the folder.
UNUSED_QT = ("Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt6Multimedia", "Qt63D", "Qt6Pdf", "Qt6VirtualKeyboard")


def _mebibytes(folder: Path) -> float:
    return sum(path.lstat().st_size for path in folder.rglob("*")) / 2**20


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Path]:
    """The built folder; its build time and size are printed for the CI log."""
    out = tmp_path_factory.mktemp("frozen")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                             "--distpath", str(out / "dist"), "--workpath", str(out / "build"), "build.spec"],
                            cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-4000:]
    folder = out / "dist" / "quickreply"
    request.config.stash.setdefault(SUMMARY, []).append(
        f"frozen build: {time.monotonic() - started:.0f} s, {_mebibytes(folder):.1f} MiB in {folder}")
    yield folder


def program(folder: Path) -> Path:
    return folder / ("quickreply.exe" if os.name == "nt" else "quickreply")


def run(folder: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    """The program with no desktop at all, as in CI or over ssh."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("QT_") and key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QUICKREPLY_HOME=str(home), QUICKREPLY_LANG="en")
    return subprocess.run([str(program(folder)), *args], env=env, capture_output=True, text=True, timeout=120,
                          cwd=folder.parent)


def test_version(frozen: Path, tmp_path: Path) -> None:
    result = run(frozen, "--version", home=tmp_path / "home")
    assert result.returncode == 0 and result.stdout.strip() == f"QuickReply {__version__}"


def test_self_test_passes_without_a_desktop(frozen: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run(frozen, "--self-test", home=home)
    assert result.returncode == 0, result.stderr
    assert "0 failed" in result.stdout and "window settings" in result.stdout
    assert not home.exists(), "the self-test must not touch the data folder"


def test_the_command_line_writes_and_reads_a_spreadsheet(frozen: Path, tmp_path: Path) -> None:
    """openpyxl, the format readers and their data files made it into the folder."""
    home, sheet = tmp_path / "home", tmp_path / "team.xlsx"
    exported = run(frozen, "export", "zh-ecommerce", str(sheet), home=home)
    assert exported.returncode == 0 and sheet.stat().st_size > 0, exported.stderr
    imported = run(frozen, "import", str(sheet), "--book", "zh-ecommerce", "--dry-run", "--json", home=home)
    assert imported.returncode == 0, imported.stderr
    counts = json.loads(imported.stdout)["counts"]
    assert counts["unchanged"] == 88 == sum(counts.values())  # the file is the book, "separate messages" too


def test_the_folder_is_small_and_holds_only_the_qt_it_uses(frozen: Path) -> None:
    assert _mebibytes(frozen) < MAX_MIB
    names = [path.name for path in frozen.rglob("*")]
    assert [name for name in names if any(unused in name for unused in UNUSED_QT)] == []
    assert "quickreply_zh_CN.qm" in names and "zh-ecommerce.json" in names and "quickreply.svg" in names
    assert "qtbase_zh_CN.qm" in names  # Qt's own dialogs in Chinese (ui/i18n.py)


def test_the_tray_app_starts_on_x11_with_its_hotkey_and_quits(frozen: Path, xserver, make_target,
                                                             tmp_path: Path) -> None:
    app = AppProcess(xserver, tmp_path / "home", program=(str(program(frozen)),))
    try:
        make_target()
        xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+q")
        assert app.window_named("QuickReply picker") is not None, "the X11 hotkey backend did not load"
        xserver.xdotool("key", "Escape")
    finally:
        errors = app.stop()
    assert app.process.returncode == 0 and "Traceback" not in errors, errors
