"""The core's messages in the user's language (Chinese or English).

The core has no Qt, so it cannot use Qt's translator; messages are written in English
in the code and looked up in ``assistant.i18n.zh`` when the user reads Chinese. A test
checks that every message passed to ``tr`` has a Chinese entry.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from assistant.i18n.zh import MESSAGES as _ZH

SUPPORTED = ("en", "zh")
_current: str | None = None


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """``zh`` when the locale variables ask for Chinese, otherwise ``en``.

    QUICKREPLY_LANG overrides the system locale (tests and users who want English on a
    Chinese system).
    """
    env = os.environ if environ is None else environ
    for name in ("QUICKREPLY_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(language: str | None) -> None:
    global _current
    if language is not None and language not in SUPPORTED:
        raise ValueError(f"unsupported language {language!r}")
    _current = language


def language() -> str:
    return _current or detect_language()


def N_(message: str) -> str:
    """Marks a message for translation where ``tr`` is applied later (a table of labels)."""
    return message


def tr(message: str, /, **values: object) -> str:
    """``message`` in the current language, with ``{name}`` fields filled from ``values``."""
    template = _ZH.get(message, message) if language() == "zh" else message
    return template.format(**values) if values else template
