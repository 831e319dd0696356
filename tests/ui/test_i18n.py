"""The interface language: the setting, else QUICKREPLY_LANG, else the system's."""

from __future__ import annotations

import pytest

from ui.i18n import interface_language


def test_quickreply_lang_chooses_when_the_settings_follow_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """As for the core's messages, so ``QUICKREPLY_LANG=en quickreply --self-test``
    answers in English on a Chinese system (and the tests read English everywhere)."""
    monkeypatch.setenv("QUICKREPLY_LANG", "zh")
    assert interface_language("") == "zh"
    assert interface_language("en") == "en"  # the user's own choice comes first
    monkeypatch.setenv("QUICKREPLY_LANG", "en")
    assert interface_language("") == "en"
    assert interface_language("zh") == "zh"
