"""Which top-level windows' titles changed: what the title watchers of every backend
share, without any window system, so unit tests cover it.

A buyer's message raises the unread counter in the title of a chat window that is
usually not the active one, so the watchers follow every top-level window. They learn
titles in different ways (X11 is told each change, Windows is scanned), but both ask the
same question of a tracker: is this title new for this window? Only then is it reported,
so the core hears each change once however often the window system repeats it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class TitleTracker:
    """The last title seen of each window that is still there."""

    def __init__(self) -> None:
        self._titles: dict[int, str] = {}

    def seen(self, window_id: int, title: str) -> bool:
        """Records ``title`` for ``window_id``; True when it differs from the last one
        seen (a window seen for the first time counts as changed: its counter may
        already show a waiting buyer)."""
        if self._titles.get(window_id) == title:
            return False
        self._titles[window_id] = title
        return True

    def windows(self, window_ids: Iterable[int]) -> list[int]:
        """The window list is now ``window_ids``: forgets the windows that are gone and
        returns the new ones, in the given order (to be described and seen)."""
        current = list(dict.fromkeys(window_ids))
        present = set(current)
        for gone in [window_id for window_id in self._titles if window_id not in present]:
            del self._titles[gone]
        return [window_id for window_id in current if window_id not in self._titles]

    def changed(self, titles: Mapping[int, str]) -> list[int]:
        """A whole snapshot of the windows and their titles (a scan): the windows whose
        title is new or changed since the last one; windows missing from it are
        forgotten."""
        self.windows(titles)
        return [window_id for window_id, title in titles.items() if self.seen(window_id, title)]
