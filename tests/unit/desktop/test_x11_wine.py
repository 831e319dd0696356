"""Telling Wine's desktop process, which pastes for a Windows program, from any other
clipboard reader (the whole paste into a real Wine window: tests/e2e/test_wine_target.py)."""

from __future__ import annotations

import os
import sys

import pytest

pytest.importorskip("Xlib", reason="python-xlib is only a dependency on Linux")

from assistant.desktop.x11.wine import Process, read_process, serves_wine_paste

# As /proc shows them for Debian's Wine 8 (measured on the test prefix).
WINE_EXPLORER = Process("/usr/lib/wine/wine64", ("C:\\windows\\system32\\explorer.exe", "/desktop"))
WECHAT = Process("/usr/lib/wine/wine", ("C:\\Program Files\\Tencent\\WeChat\\WeChat.exe",))
CLIPBOARD_HISTORY = Process("/usr/bin/copyq", ("copyq",))


def test_wines_desktop_fetches_the_clipboard_for_a_windows_program_of_the_same_wine() -> None:
    assert serves_wine_paste(WINE_EXPLORER, WECHAT)  # a 32-bit program, the 64-bit desktop: one installation


def test_a_clipboard_history_is_never_the_wine_behind_a_window() -> None:
    assert not serves_wine_paste(CLIPBOARD_HISTORY, WECHAT)


def test_another_windows_program_is_not_the_one_that_pastes() -> None:
    notepad = Process("/usr/lib/wine/wine64", ("C:\\windows\\system32\\notepad.exe",))
    assert not serves_wine_paste(notepad, WECHAT)


def test_another_wine_installations_desktop_does_not_paste_for_this_one() -> None:
    deepin = Process("/opt/deepinwine/wine/bin/wine", ("C:\\windows\\system32\\explorer.exe", "/desktop"))
    assert not serves_wine_paste(deepin, WECHAT)


def test_a_native_target_has_no_wine_to_paste_for_it() -> None:
    assert not serves_wine_paste(WINE_EXPLORER, Process("/usr/bin/wechat", ("/usr/bin/wechat",)))


def test_the_windows_program_is_named_in_lower_case_whatever_the_drive() -> None:
    assert Process("/usr/lib/wine/wine64", ("Z:\\opt\\Apps\\QianNiu.EXE",)).windows_program == "qianniu.exe"
    assert Process("/usr/bin/python3", ("/usr/bin/python3", "-m", "x")).windows_program == ""
    assert Process("/usr/bin/true", ()).windows_program == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_a_process_is_read_from_proc() -> None:
    process = read_process(os.getpid())
    assert process is not None
    assert process.executable == os.readlink("/proc/self/exe") and process.arguments[0] == sys.orig_argv[0]
    assert process.windows_program == ""
    assert read_process(2**22 + 1) is None  # above the kernel's largest pid: no such process
