"""``quickreply --self-test`` on the source tree: the real app, every window of the
registry; a broken window fails it and is named. (scripts/test runs it on the frozen
program too.)"""

from __future__ import annotations

import pytest

from ui import windows
from ui.i18n import install_language
from ui.launcher import main
from ui.self_test import run_self_test
from ui.windows import WindowKind


@pytest.fixture(autouse=True)
def restored(monkeypatch: pytest.MonkeyPatch, isolated_home):
    """The self-test points QUICKREPLY_HOME at its own temporary folder; put it back."""
    monkeypatch.setenv("QUICKREPLY_HOME", str(isolated_home))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    yield
    install_language("en")


def test_the_self_test_opens_every_window_and_passes(qtbot, capsys, isolated_home) -> None:
    assert run_self_test() == 0
    out = capsys.readouterr().out
    assert "0 failed" in out
    for name in ("phrasebooks", "search", "translation", "tray menu", "window picker",
                 *(f"window {name}" for name in windows.WINDOWS)):
        assert name in out
    assert not isolated_home.exists(), "the self-test must never touch the user's data folder"


def test_a_window_that_cannot_open_fails_the_self_test_by_name(qtbot, capsys, monkeypatch) -> None:
    broken = {**windows.WINDOWS, "broken": WindowKind("ui.no_such_module:Window", "Broken…")}
    monkeypatch.setattr(windows, "WINDOWS", broken)
    monkeypatch.setattr("ui.app.WINDOWS", broken)
    monkeypatch.setattr("ui.shell.WINDOWS", broken)
    assert run_self_test() == 1
    captured = capsys.readouterr()
    assert "self-test failed: window broken: ModuleNotFoundError" in captured.err
    assert "window manager" in captured.out and "1 failed" in captured.out


def test_the_command_line_runs_it(qtbot, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.argv", ["quickreply", "--self-test"])
    assert main() == 0
    assert "0 failed" in capsys.readouterr().out
