"""Which windows a rule is for: one type for the per-application rules (how a reply goes
in) and the conversation title rules (which buyer a chat window is about).

Both are stored in settings as dicts whose ``window_class``, ``executable`` and ``title``
are regular expressions, matched ignoring case, an empty pattern matching any window;
the first rule that matches wins. The executable matters on Windows, where the class
often says nothing about the program: every Chromium, Electron or CEF window is
``Chrome_WidgetWin_1``, and a Qt program's class (``Qt6120QWindowIcon``) changes with
its Qt version. Matching and checking live here once, so that the app, both settings
pages and the title tester agree on what a rule means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any

#: The keys of a stored rule that are patterns; the others belong to its purpose.
PATTERNS = ("window_class", "executable", "title")
#: The group of a title pattern that names the buyer.
WHO = "who"


class Purpose(Enum):
    """What a rule decides, which changes what makes it useless: an application rule
    must single out some windows; a title rule must pull the buyer out of the title."""

    APP = "app"
    TITLE = "title"


class Flaw(Enum):
    BAD_PATTERN = "bad-pattern"  # not a regular expression: the rule never matches
    EVERY_WINDOW = "every-window"  # an application rule without patterns overrides the defaults everywhere
    NO_TITLE = "no-title"  # a title rule without a title pattern never applies
    NO_WHO = "no-who"  # nor does one whose title pattern has no (?P<who>…) group


@dataclass(frozen=True)
class RuleProblem:
    """What is wrong with one pattern of a rule (``key`` is one of PATTERNS).
    Blocking problems make a rule unusable; the others are advice. ``error`` is the
    regular expression's complaint for a bad pattern."""

    key: str
    flaw: Flaw
    error: str = ""
    blocking: bool = True


@lru_cache(maxsize=256)
def compiled(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` ready to match, or None when it does not compile: the rules are typed
    by hand, and one typo must not stop insertions."""
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error:
        return None


@dataclass(frozen=True)
class WindowRule:
    window_class: str = ""
    title: str = ""
    #: The program's file name (``AliWorkBench.exe``, ``chrome``), as WindowInfo has it.
    executable: str = ""
    #: The purpose's own keys (an application rule's mode, paste_chord, send_key) and
    #: any a newer version wrote, as stored.
    extras: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, stored: Any) -> WindowRule | None:
        """The rule a settings entry describes; None for one that is not a rule at all
        (a hand-edited file), which is then skipped like a rule that never matches."""
        if not isinstance(stored, Mapping):
            return None
        patterns = {key: stored.get(key, "") for key in PATTERNS}
        if not all(isinstance(pattern, str) for pattern in patterns.values()):
            return None
        return cls(**patterns, extras={key: value for key, value in stored.items() if key not in PATTERNS})

    def match(self, wm_class: str, title: str, executable: str = "") -> re.Match[str] | None:
        """The title pattern's match when all patterns match, else None. The match, not
        a yes/no, because a title rule reads the buyer from its ``who`` group. An unknown
        executable ("") matches only an empty executable pattern."""
        regexes = [compiled(self.window_class), compiled(self.executable), compiled(self.title)]
        if None in regexes:
            return None
        class_regex, executable_regex, title_regex = regexes
        if not class_regex.search(wm_class) or not executable_regex.search(executable):
            return None
        return title_regex.search(title)

    def problems(self, purpose: Purpose) -> list[RuleProblem]:
        """Why this rule cannot work as a rule for ``purpose``; empty when it can."""
        found = [RuleProblem(key, Flaw.BAD_PATTERN, str(error)) for key in PATTERNS
                 if (error := _pattern_error(getattr(self, key))) is not None]
        if purpose is Purpose.APP and not any(getattr(self, key).strip() for key in PATTERNS):
            found.append(RuleProblem("window_class", Flaw.EVERY_WINDOW))
        if purpose is Purpose.TITLE:
            title_regex = compiled(self.title)
            if not self.title.strip():
                found.append(RuleProblem("title", Flaw.NO_TITLE))
            elif title_regex is not None and WHO not in title_regex.groupindex:
                found.append(RuleProblem("title", Flaw.NO_WHO, blocking=False))
        return found


def window_rules(stored: Iterable[Any]) -> list[WindowRule]:
    """The rules of a settings list, in order, without the entries that are not rules."""
    return [rule for rule in map(WindowRule.from_settings, stored) if rule is not None]


def _pattern_error(pattern: str) -> re.error | None:
    try:
        re.compile(pattern)
    except re.error as error:
        return error
    return None
