"""Telling the target's clipboard requests from other programs', on xcb events built here
as the X server sends them (the whole paste is tested end to end, tests/e2e/test_app.py)."""

from __future__ import annotations

import ctypes
import struct

from PySide6.QtCore import QObject

from assistant.desktop.base import WindowInfo
from ui.replies.x11_clipboard_requests import X11ClipboardRequests, watch_clipboard_requests

#: What X servers use: 2^21 ids per client, the client in the bits above.
MASK = 0x001FFFFF
TARGET_WINDOW = 0x00A00007  # a top-level window of the client whose ids start at 0x00A00000
OUR_BASE = 0x00800000  # our own connection's
XCB_EVENT = b"xcb_generic_event_t"


def _event(response_type: int, requestor: int = 0) -> ctypes.Array:
    """A 32-byte xcb event: a SelectionRequest's fields, or any event's response type."""
    # response_type, pad, sequence, time, owner, requestor, selection, target, property
    layout = struct.pack("<BBHIIIIII", response_type, 0, 7, 1234, 0x00600001, requestor, 1, 2, 3)
    return ctypes.create_string_buffer(layout.ljust(32, b"\0"), 32)


def _see(requests: X11ClipboardRequests, event: ctypes.Array) -> None:
    assert requests.nativeEventFilter(XCB_EVENT, ctypes.addressof(event)) == (False, 0)  # Qt still serves it


def test_a_request_from_any_window_of_the_targets_program_is_the_targets(qapp) -> None:
    requests = X11ClipboardRequests(OUR_BASE, MASK)
    _see(requests, _event(30, requestor=0x00A0002C))  # a hidden window the toolkit asks from
    assert requests.from_client_of(TARGET_WINDOW)


def test_a_request_from_another_program_is_not_the_targets(qapp) -> None:
    requests = X11ClipboardRequests(OUR_BASE, MASK)
    _see(requests, _event(30, requestor=0x00C00001))  # a clipboard history
    assert not requests.from_client_of(TARGET_WINDOW)


def test_a_request_sent_by_send_event_counts_too(qapp) -> None:
    requests = X11ClipboardRequests(OUR_BASE, MASK)
    _see(requests, _event(30 | 0x80, requestor=0x00A00001))
    assert requests.from_client_of(TARGET_WINDOW)


def test_the_request_ends_with_the_next_event(qapp) -> None:
    requests = X11ClipboardRequests(OUR_BASE, MASK)
    _see(requests, _event(30, requestor=0x00A0002C))
    _see(requests, _event(28))  # a PropertyNotify: Qt is done with the request
    assert not requests.from_client_of(TARGET_WINDOW)


def test_a_read_without_a_request_is_our_own_process_the_target_only_when_the_window_is_ours(qapp) -> None:
    requests = X11ClipboardRequests(OUR_BASE, MASK)
    assert not requests.from_client_of(TARGET_WINDOW)
    assert requests.from_client_of(OUR_BASE + 0x2A)  # a phrase hotkey pressed in one of our windows


def _target(window: int = TARGET_WINDOW, pid: int = 4242) -> WindowInfo:
    return WindowInfo(id=window, title="王小明 - 接待中心", wm_class="wechat.exe", pid=pid, executable="wine")


WINE_DESKTOP = 0x00C00001  # the window Wine's clipboard thread asks from


def _wine_knows(requestor: int, target_pid: int | None) -> bool:
    """What X-Resource and /proc say on a desktop where WINE_DESKTOP's client is the Wine
    behind process 4242 (assistant/desktop/x11/wine.py; tested on its own)."""
    return requestor == WINE_DESKTOP and target_pid == 4242


def test_the_targets_own_request_is_its_paste_without_asking_about_wine(qapp) -> None:
    asked: list[int] = []
    requests = X11ClipboardRequests(OUR_BASE, MASK, lambda requestor, pid: asked.append(requestor) or False)
    _see(requests, _event(30, requestor=0x00A0002C))
    assert requests.is_paste_of(_target())
    assert asked == []


def test_the_wine_behind_the_target_pastes_for_it(qapp) -> None:
    requests = X11ClipboardRequests(OUR_BASE, MASK, _wine_knows)
    _see(requests, _event(30, requestor=WINE_DESKTOP))
    assert requests.is_paste_of(_target())
    assert not requests.is_paste_of(_target(pid=777))  # a window of another process


def test_a_clipboard_history_is_no_paste_of_a_wine_target(qapp) -> None:
    requests = X11ClipboardRequests(OUR_BASE, MASK, _wine_knows)
    _see(requests, _event(30, requestor=0x00E00000))
    assert not requests.is_paste_of(_target())


def test_our_own_read_is_no_wine_paste(qapp) -> None:
    requests = X11ClipboardRequests(OUR_BASE, MASK, lambda requestor, pid: True)
    assert not requests.is_paste_of(_target())  # no request: our own process, not the target's


def test_other_native_events_are_left_alone(qapp) -> None:
    requests = X11ClipboardRequests(OUR_BASE, MASK)
    _see(requests, _event(30, requestor=0x00A0002C))
    assert requests.nativeEventFilter(b"windows_generic_MSG", 0) == (False, 0)
    assert requests.from_client_of(TARGET_WINDOW)


def test_off_x11_there_is_no_filter(qapp) -> None:
    assert watch_clipboard_requests(QObject()) is None  # the tests' offscreen platform
