"""A real X server for end-to-end tests: Xvfb with the openbox window manager.

Offscreen Qt has no focus, activation or global input; these tests need the real
thing. Each session gets its own display, found with -displayfd so parallel runs
never collide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class XServer:
    display: str
    processes: list[subprocess.Popen]

    @property
    def env(self) -> dict[str, str]:
        """The environment a program on this display needs (and no Wayland)."""
        env = {key: value for key, value in os.environ.items()
               if key not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb", XDG_SESSION_TYPE="x11")
        return env

    def xdotool(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30)
        if check and result.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout.strip()

    def wait_focused(self, window: int, timeout: float = 5) -> bool:
        """Until ``window`` has the keyboard focus (activation alone can come first)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.xdotool("getwindowfocus", "-f", check=False) == str(window):
                return True
            time.sleep(0.02)
        return False

    def screenshot(self, path: Path) -> Path:
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True, timeout=30)
        return path

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()


MISSING_TOOLS_HINT = "end-to-end tests need xvfb, openbox and xdotool (scripts/test installs them as root)"


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in ("Xvfb", "openbox", "xdotool"))


def start_xserver(width: int = 1280, height: int = 800) -> XServer:
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp",
         "+extension", "XTEST"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()
    if not number:
        xvfb.kill()
        raise RuntimeError("Xvfb did not start")
    server = XServer(f":{number}", [xvfb])
    openbox = subprocess.Popen(["openbox", "--sm-disable"], env=server.env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server.processes.append(openbox)
    # On a fresh machine openbox's first start can take well over 10 s (caches being
    # built after the packages were installed); waiting costs nothing once it is up.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        # openbox sets _NET_SUPPORTING_WM_CHECK once it manages the screen
        probe = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=server.env,
                               capture_output=True, text=True)
        if "window id" in probe.stdout:
            return server
        time.sleep(0.05)
    server.stop()
    raise RuntimeError("openbox did not start")
