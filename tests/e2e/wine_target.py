"""A Windows chat window under Wine on the Linux tests' display: target_app.py run by
the Windows Python of the test Wine prefix (scripts/wine.sh), as Qianniu or WeChat run
under deepin-wine.

Why: Wine pastes for its windows from its desktop process (explorer.exe) on another X
connection than the window's, which the inserter must still take for the paste. The
prefix is the cached template scripts/test-windows builds (about 1.6 GB, minutes to
make); without it there is nothing to run, and the tests say so. A run gets a copy of
it (the Windows Python folder, read only here, is linked rather than copied: well under
a second) without Wine's virtual desktop, so each window is an X window of its own as
on a user's desktop.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PureWindowsPath

from tests.e2e.target import HERE, Target
from tests.e2e.xserver import XServer

ROOT = HERE.parent.parent
WINDOWS_PYTHON = r"C:\python\python.exe"
#: The prefix's setting that puts every Wine window inside one desktop window.
_VIRTUAL_DESKTOP = '"Desktop"="Default"\n'


def wine_template() -> Path | None:
    """The cached Wine prefix for this checkout's inputs, or None when it is not built
    (or Wine is not installed)."""
    if shutil.which("wine") is None:
        return None
    found = subprocess.run(["bash", "-c", "source scripts/wine.sh && wine_template_path"], cwd=ROOT,
                           capture_output=True, text=True, timeout=60).stdout.strip()
    return Path(found) if found and Path(found, "drive_c", "python").is_dir() else None


def windows_path(path: Path) -> str:
    """Wine's name for a Linux path: drive Z: is the root folder."""
    return str(PureWindowsPath("Z:\\", *path.resolve().parts[1:]))


@contextmanager
def wine_prefix(template: Path, folder: Path) -> Iterator[dict[str, str]]:
    """A prefix of the template's for one run, in ``folder``: yields the environment
    variables Wine needs; Wine's processes are stopped at the end."""
    prefix = folder / "prefix"
    prefix.mkdir(parents=True)
    for item in template.iterdir():
        if item.name != "drive_c":
            subprocess.run(["cp", "-a", str(item), str(prefix)], check=True)
    (prefix / "drive_c").mkdir()
    for item in (template / "drive_c").iterdir():
        if item.name == "python":
            (prefix / "drive_c" / "python").symlink_to(item)
        else:
            subprocess.run(["cp", "-a", str(item), str(prefix / "drive_c")], check=True)
    user = prefix / "user.reg"
    user.write_text(user.read_text("utf-8").replace(_VIRTUAL_DESKTOP, ""), "utf-8")
    # The Chinese code page of scripts/test-windows, as on the shops' Windows.
    env = {"WINEPREFIX": str(prefix), "WINEDEBUG": "-all", "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    try:
        yield env
    finally:
        subprocess.run(["wineserver", "--kill"], env=os.environ | env, timeout=60, check=False)
        shutil.rmtree(prefix, ignore_errors=True)


class WineTarget(Target):
    """target_app.py run by the Windows Python under Wine; ``window`` is its X window."""

    #: Python under Wine dies at start when its stderr is a file, as pytest's capture is.
    stderr = subprocess.DEVNULL

    def __init__(self, xserver: XServer, title: str, log: Path, wine_env: dict[str, str], paste_delay_ms: int = 0):
        self.wine_env = wine_env
        super().__init__(xserver, title, log, paste_delay_ms)

    def command(self, script: Path, paste_delay_ms: str) -> list[str]:
        return ["wine", WINDOWS_PYTHON, windows_path(script), self.title, windows_path(self.log), paste_delay_ms]

    def environment(self) -> dict[str, str]:
        return self.xserver.env | self.wine_env

    def window_of(self, announced: int) -> int:
        # target_app.py printed its HWND; the inserter sees the X window Wine made for it.
        window = self.xserver.find_window(self.title, timeout=30)
        assert window is not None, "the Wine window did not show on the display"
        return window
