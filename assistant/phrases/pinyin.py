"""Pinyin of Chinese text: learnt from the phrases, never from what the agent types.

pypinyin's phrase dictionary, which reads 重新 as chong xin rather than zhong xin,
costs about 55 MB of memory and a third of a second to load. So a query ("fa货" typed
into the picker) is read character by character from the characters the phrases
already taught, and pypinyin is loaded only for phrase text never seen before or a
query character no phrase holds.

A query is never learnt: the picker listens to what the agent types (a buyer's name,
an address), and nothing of it may stay behind. Only phrase runs teach the cache, and
only their characters' readings are kept between runs (``assistant.phrases.search_cache``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: A run of Chinese (Han) characters: what has pinyin.
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


class PinyinCache:
    """Run of Chinese characters → one syllable per character ("ü" as "v").

    ``chars`` are readings of single characters learnt earlier (from phrases)."""

    def __init__(self, chars: Mapping[str, str] | None = None):
        self._runs: dict[str, tuple[str, ...]] = {}
        self._chars: dict[str, str] = dict(chars or {})

    @property
    def chars(self) -> dict[str, str]:
        """Each character the phrases hold, read as the first phrase run holding it reads it."""
        return self._chars

    def syllables(self, run: str, guess: bool = False) -> tuple[str, ...]:
        """``guess`` marks a query (or text read for highlighting): it may be read
        character by character, and is never learnt."""
        known = self._runs.get(run)
        if known is not None:
            return known
        if guess:
            return self._from_characters(run) or _pypinyin(run)
        known = self._runs[run] = _pypinyin(run)
        for char, syllable in zip(run, known, strict=False):
            self._chars.setdefault(char, syllable)
        return known

    def _from_characters(self, run: str) -> tuple[str, ...] | None:
        """A run read character by character from the characters already known, so
        that typing "fa货" in the picker does not load pypinyin."""
        found = tuple(self._chars.get(char, "") for char in run)
        return found if all(found) else None


def _pypinyin(run: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(run, v_to_u=False))
