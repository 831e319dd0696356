"""A stand-in clipboard manager: fetches the CLIPBOARD as text the moment it changes owner.

    python tests/e2e/clipboard_manager.py LOG_FILE

Clipboard histories (klipper, CopyQ, parcellite, GNOME's, fcitx5's clipboard addon, on by
default) do exactly this, within milliseconds of a copy, and so before a chat window
that pastes a moment later. XFixes tells the change of owner; each text fetched is
appended to LOG_FILE as one JSON line with the time on the monotonic clock, as the
target window logs its own (``target_app.py``). Prints "ready" once it listens.
"""

from __future__ import annotations

import json
import sys
import time

from Xlib import X
from Xlib.display import Display
from Xlib.ext import xfixes


def main() -> int:
    display = Display()
    window = display.screen().root.create_window(-1, -1, 1, 1, 0, X.CopyFromParent, X.InputOnly, X.CopyFromParent)
    clipboard, utf8, landing = (display.intern_atom(name) for name in ("CLIPBOARD", "UTF8_STRING", "_READ_BY_MANAGER"))
    display.xfixes_query_version()
    display.xfixes_select_selection_input(window, clipboard, xfixes.XFixesSetSelectionOwnerNotifyMask)
    display.sync()
    owner_changed = display.extension_event.SetSelectionOwnerNotify  # (event code, sub-code)
    print("ready", flush=True)
    with open(sys.argv[1], "a", encoding="utf-8", buffering=1) as log:
        while True:
            event = display.next_event()
            if (event.type, getattr(event, "sub_code", None)) == owner_changed:
                window.convert_selection(clipboard, utf8, landing, X.CurrentTime)
                display.flush()
            elif event.type == X.SelectionNotify and event.property == landing:
                value = window.get_full_property(landing, X.AnyPropertyType)
                window.delete_property(landing)
                if value is not None:
                    text = value.value.decode("utf-8", "replace")
                    log.write(json.dumps({"kind": "read", "text": text, "t_ns": time.monotonic_ns()},
                                         ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
