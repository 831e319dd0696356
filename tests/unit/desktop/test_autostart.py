"""Start at login: the files each desktop reads, written and removed in temp folders."""

from __future__ import annotations

import configparser
import plistlib
import re
import sys
from pathlib import Path, PurePosixPath

import pytest

from assistant.desktop import autostart

COMMAND = ["/opt/Quick Reply/python", "-m", "ui"]


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user"
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USERPROFILE", str(folder))  # Path.home() on Windows
    return folder


def read_desktop_entry(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in Desktop Entries
    parser.read_string(text)
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def split_exec(value: str) -> list[str]:
    """The Desktop Entry spec's reading of Exec: string escapes, then shell-like quoting
    (inside double quotes only " ` $ \\ are escaped), then %% for a literal %."""
    unescaped = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), value)
    arguments = []
    for match in re.finditer(r'"((?:[^"\\]|\\["`$\\])*)"|(\S+)', unescaped):
        quoted, bare = match.groups()
        argument = re.sub(r'\\(["`$\\])', r"\1", quoted) if quoted is not None else bare
        arguments.append(argument.replace("%%", "%"))
    return arguments


def test_the_desktop_file_is_a_desktop_entry_that_runs_the_command() -> None:
    entry = read_desktop_entry(autostart.desktop_entry(COMMAND, PurePosixPath("/opt/Quick Reply/quickreply.svg")))
    assert entry["Type"] == "Application"
    assert entry["Name"] == "QuickReply"
    assert entry["Comment"]
    assert entry["Icon"] == "/opt/Quick Reply/quickreply.svg"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert split_exec(entry["Exec"]) == COMMAND
    assert entry["Exec"].startswith('"/opt/Quick Reply/python" -m ui')


@pytest.mark.parametrize("argument", [
    "plain", "with space", 'quote"s', "dollar$HOME", "back\\slash", "tick`", "100%", "it's", "a#b", "",
])
def test_exec_quoting_round_trips_awkward_arguments(argument: str) -> None:
    assert split_exec(autostart.exec_value(["/usr/bin/python3", argument])) == ["/usr/bin/python3", argument]


def test_a_backslash_is_written_as_four(config_home: Path) -> None:
    assert autostart.exec_value(["C:\\x y"]) == '"C:\\\\\\\\x y"'


def test_enable_then_disable_on_linux(config_home: Path) -> None:
    path = config_home / "autostart" / "quickreply.desktop"
    assert not autostart.is_enabled("linux")
    autostart.enable(COMMAND, platform="linux")
    assert path.is_file()
    assert autostart.is_enabled("linux")
    assert split_exec(read_desktop_entry(path.read_text("utf-8"))["Exec"]) == COMMAND
    autostart.disable("linux")
    assert not path.exists()
    assert not autostart.is_enabled("linux")
    autostart.disable("linux")  # already off: nothing to do


def test_enabling_again_replaces_the_command(config_home: Path) -> None:
    autostart.enable(["/old/python", "-m", "ui"], platform="linux")
    autostart.enable(COMMAND, platform="linux")
    text = (config_home / "autostart" / "quickreply.desktop").read_text("utf-8")
    assert "/old/" not in text
    assert list((config_home / "autostart").iterdir()) == [config_home / "autostart" / "quickreply.desktop"]


@pytest.mark.parametrize("value", ["", "relative/config"])
def test_without_a_usable_xdg_config_home_the_entry_goes_to_dot_config(
        value: str, user_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", value)
    autostart.enable(COMMAND, platform="linux")
    assert (user_home / ".config" / "autostart" / "quickreply.desktop").is_file()


def test_macos_launch_agent_runs_the_command_at_login(user_home: Path) -> None:
    path = user_home / "Library" / "LaunchAgents" / "local.quickreply.plist"
    autostart.enable(COMMAND, platform="darwin")
    assert autostart.is_enabled("darwin")
    job = plistlib.loads(path.read_bytes())
    assert job["Label"] == "local.quickreply"
    assert job["ProgramArguments"] == COMMAND
    assert job["RunAtLoad"] is True
    assert "KeepAlive" not in job
    autostart.disable("darwin")
    assert not path.exists()
    assert not autostart.is_enabled("darwin")


@pytest.mark.skipif(sys.platform != "win32", reason="the Windows registry")
def test_enable_then_disable_on_windows(run_key: str) -> None:
    """In the test's own key (tests/conftest.py), never the user's Run key."""
    import winreg

    assert not autostart.is_enabled("win32")
    autostart.enable(COMMAND, platform="win32")
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, run_key) as key:
        assert winreg.QueryValueEx(key, "QuickReply") == ('"/opt/Quick Reply/python" -m ui', winreg.REG_SZ)
    assert autostart.is_enabled("win32")
    autostart.disable("win32")
    assert not autostart.is_enabled("win32")
    autostart.disable("win32")  # already off: nothing to do


def test_unknown_platforms_are_reported_not_guessed(config_home: Path) -> None:
    assert not autostart.is_supported("plan9")
    assert not autostart.is_enabled("plan9")
    with pytest.raises(OSError):
        autostart.enable(COMMAND, platform="plan9")
    assert autostart.is_supported("linux") and autostart.is_supported("darwin") and autostart.is_supported("win32")


def test_the_launch_command_runs_this_interpreter_from_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert autostart.launch_command() == [autostart.windowless_interpreter(sys.executable), "-m", "ui"]


def test_on_windows_the_app_starts_without_a_console_window(tmp_path: Path) -> None:
    """pythonw.exe beside python.exe; where there is none, python.exe rather than nothing."""
    python = tmp_path / "Scripts" / "python.exe"
    python.parent.mkdir()
    python.write_bytes(b"MZ")
    assert autostart.windowless_interpreter(str(python)) == str(python)
    (tmp_path / "Scripts" / "pythonw.exe").write_bytes(b"MZ")
    assert autostart.windowless_interpreter(str(python)) == str(tmp_path / "Scripts" / "pythonw.exe")
    assert autostart.windowless_interpreter("/usr/bin/python3") == "/usr/bin/python3"


def test_a_frozen_build_starts_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/QuickReply/QuickReply")
    assert autostart.launch_command() == ["/opt/QuickReply/QuickReply"]


def test_enable_uses_the_launch_command_by_default(config_home: Path) -> None:
    autostart.enable(platform="linux")
    entry = read_desktop_entry((config_home / "autostart" / "quickreply.desktop").read_text("utf-8"))
    assert split_exec(entry["Exec"]) == autostart.launch_command()
