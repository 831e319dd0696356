"""Start QuickReply when the user logs in, the way each desktop expects it.

Agents start their shift by logging in and opening the chat clients; a reply tool that
has to be remembered and launched by hand is missing for the first customers. Each
platform keeps its own per-user list of programs to start, so there is one small
writer per platform and no admin rights are needed:

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/quickreply.desktop``
- Windows: the ``QuickReply`` value under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``
- macOS: ``~/Library/LaunchAgents/local.quickreply.plist`` with ``RunAtLoad``

The platform is a parameter (default ``sys.platform``) so the Linux and macOS writers
are tested on any machine; the Windows writer, kept to the three registry calls it
needs, is tested under Wine (scripts/test-windows) in a key of the test's own
(``RUN_KEY`` is replaced by tests/conftest.py). Failures surface as ``OSError``; the
caller shows them.
"""

from __future__ import annotations

import os
import plistlib
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.data.atomic import atomic_write_bytes, atomic_write_text

APP_NAME = "QuickReply"
DESKTOP_FILE = "quickreply.desktop"
LAUNCH_AGENT_LABEL = "local.quickreply"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"

# Characters that force an Exec argument into double quotes (Desktop Entry spec,
# "The Exec key"), and those that must then be escaped with a backslash inside them.
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED = frozenset('"`$\\')


def launch_command() -> list[str]:
    """The command that starts the app as it is running now: the frozen executable of a
    packaged build (a windowed program), else this interpreter, without a console
    window, running the ``ui`` package (a source checkout or an installed wheel; the
    interpreter path keeps the virtual environment)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [windowless_interpreter(sys.executable), "-m", "ui"]


def windowless_interpreter(executable: str) -> str:
    """``pythonw.exe`` beside a Windows ``python.exe``, else ``executable`` itself.

    python.exe is a console program: started at login it opens a console window, and
    closing that window (the natural thing to do with a stray black window) quits the
    app. pythonw.exe is the same interpreter without a console; every Windows Python,
    venvs and the embeddable one included, has it beside python.exe."""
    path = Path(executable)
    if path.name.lower() != "python.exe":
        return executable
    windowless = path.with_name("pythonw.exe")
    return str(windowless) if windowless.is_file() else executable


def is_supported(platform: str | None = None) -> bool:
    return _kind(platform) is not None


def is_enabled(platform: str | None = None) -> bool:
    kind = _kind(platform)
    if kind == "windows":
        return _windows_command() is not None
    if kind is None:
        return False
    return _entry_path(kind).is_file()


def enable(command: Sequence[str] | None = None, *, platform: str | None = None, icon: Path | None = None) -> None:
    """Start ``command`` (default ``launch_command()``) at login; replaces an older entry,
    so enabling again after the app has moved points the entry at the new place."""
    kind = _require(platform)
    argv = list(command) if command is not None else launch_command()
    if kind == "linux":
        atomic_write_text(_entry_path(kind), desktop_entry(argv, icon))
    elif kind == "macos":
        atomic_write_bytes(_entry_path(kind), launch_agent(argv))
    else:
        _windows_set(argv)


def disable(platform: str | None = None) -> None:
    """Stop starting at login; nothing to do when it was not enabled."""
    kind = _require(platform)
    if kind == "windows":
        _windows_delete()
    else:
        _entry_path(kind).unlink(missing_ok=True)


# -- Linux (XDG) -------------------------------------------------------------------------

def desktop_entry(command: Sequence[str], icon: Path | None = None) -> str:
    """An XDG autostart Desktop Entry; Name and Comment carry a Chinese translation
    because the desktop shows them in its own "startup applications" list."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        "Name[zh_CN]=快捷回复",
        "Comment=Prepared replies for customer-service chats",
        "Comment[zh_CN]=客服聊天的快捷回复",
        f"Exec={exec_value(command)}",
        f"Icon={_escape_string(str(icon)) if icon else 'quickreply'}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
    ]
    return "\n".join(lines) + "\n"


def exec_value(command: Sequence[str]) -> str:
    """``command`` as a Desktop Entry ``Exec`` value: each argument quoted when it holds
    a reserved character, ``%`` doubled (it starts field codes), and then the string
    escapes every value of type string gets (so one backslash is written as four)."""
    return " ".join(_escape_string(_quote_argument(argument.replace("%", "%%"))) for argument in command)


def _quote_argument(argument: str) -> str:
    if argument and not any(char in _EXEC_RESERVED for char in argument):
        return argument
    escaped = "".join("\\" + char if char in _EXEC_ESCAPED else char for char in argument)
    return f'"{escaped}"'


def _escape_string(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _autostart_dir() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME", "")
    # The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    base = Path(config) if config and os.path.isabs(config) else Path.home() / ".config"
    return base / "autostart"


# -- macOS ---------------------------------------------------------------------------------

def launch_agent(command: Sequence[str]) -> bytes:
    """A per-user launchd job that runs once at login (no KeepAlive: quitting stays quit)."""
    return plistlib.dumps({
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    })


def _launch_agents_dir() -> Path:
    return Path.home() / "Library" / "LaunchAgents"


# -- Windows -------------------------------------------------------------------------------

def _windows_set(command: Sequence[str]) -> None:
    """``list2cmdline`` quotes the way the C runtime parses."""
    import subprocess
    import winreg  # type: ignore[import-not-found]

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
        winreg.SetValueEx(key, APP_NAME, 0, winreg.REG_SZ, subprocess.list2cmdline(command))


def _windows_command() -> str | None:
    import winreg  # type: ignore[import-not-found]

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            return str(winreg.QueryValueEx(key, APP_NAME)[0])
    except FileNotFoundError:
        return None


def _windows_delete() -> None:
    import winreg  # type: ignore[import-not-found]

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            winreg.DeleteValue(key, APP_NAME)
    except FileNotFoundError:
        pass


# -- which platform --------------------------------------------------------------------------

def _kind(platform: str | None) -> str | None:
    name = sys.platform if platform is None else platform
    if name.startswith("win"):
        return "windows"
    if name == "darwin":
        return "macos"
    if name.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return "linux"
    return None


def _require(platform: str | None) -> str:
    kind = _kind(platform)
    if kind is None:
        raise OSError(f"starting at login is not supported on {platform or sys.platform}")
    return kind


def _entry_path(kind: str) -> Path:
    if kind == "macos":
        return _launch_agents_dir() / f"{LAUNCH_AGENT_LABEL}.plist"
    return _autostart_dir() / DESKTOP_FILE
