"""A real Chinese input method for end-to-end tests: fcitx5 with its pinyin engine.

fcitx5 runs on the test display in a D-Bus session of its own (``dbus-run-session``), with
a fresh HOME: the engine learns the candidates a user picks and keeps a history, so a
test must never start from another run's. Qt programs reach it through the ibus
input-context plugin PySide6 ships (fcitx5 serves the IBus portal; Debian's fcitx5 Qt
plugin is built for another Qt and does not load): ``env`` is what they need. Without it
Qt falls back to its compose plugin without a word, and the pinyin letters arrive as
plain text, so ``preedits`` reads what fcitx5 really sent to its clients (``dbus-monitor``
on the session): a test asserts that composing happened.

Measured here: pinyin is ready about 1.4 s after fcitx5 starts (its log says "Loaded
addon pinyin"), and the engine's first key then takes about 0.6 s, so
``start_input_method`` warms it up in a throwaway window before a test types.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.xserver import XServer

HERE = Path(__file__).resolve().parent
TOOLS = ("fcitx5", "dbus-run-session", "dbus-monitor")
MISSING_TOOLS_HINT = "the input-method tests need fcitx5, fcitx5-chinese-addons and dbus (scripts/test installs them)"

#: The engine's settings: pinyin the one input method, active in every window; no cloud
#: pinyin (no network) and no prediction (no candidates that depend on what came before).
_CONFIG = {
    "profile": """[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
""",
    "config": "[Behavior]\nActiveByDefault=True\n",
    "conf/pinyin.conf": "CloudPinyinEnabled=False\nPrediction=False\nPageSize=5\n",
}
#: The shell prints its pid (fcitx5's, once it execs it) and the session's bus address.
#: No Wayland here. The clipboard addon stays on, as users have it: it reads every new
#: clipboard at once, and the app's paste must not take that for the target's.
_SCRIPT = 'echo "$$ $DBUS_SESSION_BUS_ADDRESS"; exec fcitx5 --disable=wayland,waylandim >"$1" 2>&1'
#: What fcitx5 sends an input context (the IBus protocol, as dbus-monitor prints it): the
#: text of each preedit ("" when one ended) and of each commit.
_SENT = r'member={}\n\s*variant\s+struct \{{\n\s*string "IBusText"\n\s*array \[\n\s*\]\n\s*string "(.*)"\n'
_PREEDIT = re.compile(_SENT.format("UpdatePreeditText(?:WithMode)?"))
_COMMIT = re.compile(_SENT.format("CommitText"))


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in TOOLS)


@dataclass
class InputMethod:
    xserver: XServer
    home: Path
    bus: str
    pid: int
    session: subprocess.Popen
    monitor: subprocess.Popen

    @property
    def env(self) -> dict[str, str]:
        """What a Qt program on the display needs to type through this input method."""
        return {"DBUS_SESSION_BUS_ADDRESS": self.bus, "QT_IM_MODULE": "ibus", "XMODIFIERS": "@im=fcitx",
                "IBUS_USE_PORTAL": "1"}

    def preedits(self) -> list[str]:
        """Every preedit fcitx5 has sent to a program so far, in order ("" when one ended)."""
        return _PREEDIT.findall(self._read("dbus-monitor.log"))

    def commits(self) -> list[str]:
        """Every text fcitx5 has committed to a program so far, in order."""
        return _COMMIT.findall(self._read("dbus-monitor.log"))

    def wait_for_preedit(self, text: str, after: int = 0, timeout: float = 10) -> None:
        """Until fcitx5 has sent the preedit ``text`` (after the first ``after`` preedits)."""
        _wait_for(self.preedits, text, after, timeout, "composed")

    def wait_for_commit(self, text: str, after: int = 0, timeout: float = 10) -> None:
        """Until fcitx5 has committed ``text`` (after the first ``after`` commits)."""
        _wait_for(self.commits, text, after, timeout, "committed")

    def warm_up(self) -> None:
        """Type ``ni`` and take it back in a throwaway window: the engine's first key is slow."""
        target = subprocess.Popen([sys.executable, str(HERE / "target_app.py"), "IME warm-up",
                                   str(self.home / "warm-up.jsonl")],
                                  env={**self.xserver.env, **self.env}, stdout=subprocess.PIPE, text=True)
        try:
            assert target.stdout is not None
            line = target.stdout.readline().split()
            assert line and line[0] == "ready", "the warm-up window did not start"
            self.xserver.activate(int(line[1]))
            self.xserver.xdotool("key", "--delay", "100", "n", "i")
            self.wait_for_preedit("ni")
            composed = len(self.preedits())
            self.xserver.xdotool("key", "--delay", "100", "BackSpace", "BackSpace")
            self.wait_for_preedit("", after=composed)
        finally:
            target.terminate()
            target.wait(timeout=10)

    def log(self) -> str:
        return self._read("fcitx5.log")

    def stop(self) -> None:
        """fcitx5 ends, and with it its D-Bus session and the monitor on it."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        for process in (self.session, self.monitor):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if self.session.stdout is not None:
            self.session.stdout.close()

    def _read(self, name: str) -> str:
        path = self.home / name
        return path.read_text("utf-8", errors="replace") if path.exists() else ""


def _wait_for(sent: Callable[[], list[str]], text: str, after: int, timeout: float, doing: str) -> None:
    deadline = time.monotonic() + timeout
    while text not in sent()[after:]:
        if time.monotonic() > deadline:
            raise AssertionError(f"fcitx5 never {doing} {text!r} (it sent {sent()[after:]}): "
                                 "did Qt fall back to plain keys?")
        time.sleep(0.02)


def start_input_method(xserver: XServer, home: Path, timeout: float = 30) -> InputMethod:
    """fcitx5 with pinyin ready and warmed up on ``xserver``, its settings and history in ``home``."""
    config = home / ".config"
    for name, text in _CONFIG.items():
        path = config / "fcitx5" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    env = {**xserver.env, "HOME": str(home), "XDG_CONFIG_HOME": str(config),
           "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CACHE_HOME": str(home / ".cache")}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    session = subprocess.Popen(["dbus-run-session", "--", "sh", "-c", _SCRIPT, "sh", str(home / "fcitx5.log")],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert session.stdout is not None
    pid, _, bus = session.stdout.readline().strip().partition(" ")
    if not bus:
        session.kill()
        raise RuntimeError("dbus-run-session did not start a session bus")
    with open(home / "dbus-monitor.log", "w", encoding="utf-8") as log:
        monitor = subprocess.Popen(["dbus-monitor", "--address", bus,
                                    "type='signal',interface='org.freedesktop.IBus.InputContext'"],
                                   stdout=log, stderr=subprocess.STDOUT)
    method = InputMethod(xserver, home, bus, int(pid), session, monitor)
    deadline = time.monotonic() + timeout
    while not any(line.endswith("Loaded addon pinyin") for line in method.log().splitlines()):
        if session.poll() is not None or time.monotonic() > deadline:
            method.stop()
            raise RuntimeError(f"fcitx5 did not load its pinyin engine: {method.log()[-2000:]}")
        time.sleep(0.05)
    try:
        method.warm_up()
    except BaseException:
        method.stop()
        raise
    return method
