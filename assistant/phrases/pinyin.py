"""Pinyin of Chinese text, remembered between runs.

pypinyin's phrase dictionary, which reads 重新 as chong xin rather than zhong xin,
costs about 55 MB of memory and a third of a second to load. An agent's phrases change
rarely, so the syllables of every run of Chinese characters seen are kept in a cache
file in the data folder, and pypinyin is loaded only when text the cache has never
seen turns up (a new phrase, an unusual character in a query).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from assistant.data.atomic import atomic_write_text

log = logging.getLogger(__name__)
CACHE_VERSION = 1
#: A run of Chinese (Han) characters: what has pinyin.
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


class PinyinCache:
    """Run of Chinese characters → one syllable per character ("ü" as "v")."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self._runs: dict[str, tuple[str, ...]] = {}
        self._chars: dict[str, str] | None = None
        self._dirty = False
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            document = json.loads(path.read_text("utf-8"))
            if document.get("version") == CACHE_VERSION:
                self._runs = {run: tuple(syllables.split()) for run, syllables in document["runs"].items()
                              if len(syllables.split()) == len(run)}
        except FileNotFoundError:
            return
        except (ValueError, AttributeError, KeyError, TypeError, OSError):
            log.warning("the pinyin cache was unreadable; it will be rebuilt")

    def syllables(self, run: str, guess: bool = False) -> tuple[str, ...]:
        """``guess`` (for queries) may read a short run character by character."""
        known = self._runs.get(run)
        if known is None and guess:
            known = self._from_characters(run)
            if known is not None:
                return known
        if known is None:
            known = _pypinyin(run)
            self._runs[run] = known
            self._chars = None
            self._dirty = True
        return known

    def _from_characters(self, run: str) -> tuple[str, ...] | None:
        """A run read character by character from runs already known, so that typing
        "fa货" in the picker does not load pypinyin."""
        if self._chars is None:
            self._chars = {}
            for known_run, syllables in self._runs.items():
                for char, syllable in zip(known_run, syllables, strict=True):
                    self._chars.setdefault(char, syllable)
        found = tuple(self._chars.get(char, "") for char in run)
        return found if all(found) else None

    def save(self) -> None:
        """Write the cache if it learnt anything (atomically; it is only a cache)."""
        if self.path is None or not self._dirty:
            return
        runs = {run: " ".join(syllables) for run, syllables in self._runs.items()}
        document = {"version": CACHE_VERSION, "runs": runs}
        try:
            atomic_write_text(self.path, json.dumps(document, ensure_ascii=False, separators=(",", ":")))
            self._dirty = False
        except OSError:
            log.warning("could not save the pinyin cache")


def _pypinyin(run: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(run, v_to_u=False))
