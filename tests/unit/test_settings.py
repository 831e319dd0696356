"""Typed settings: defaults, bad values, upgrades, atomic save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import settings as settings_module
from assistant.data.folder import DataFolder
from assistant.settings import Settings, load_settings, save_settings


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path)


def test_defaults_when_there_is_no_file(folder: DataFolder) -> None:
    loaded = load_settings(folder)
    assert loaded == Settings() and loaded.picker_hotkey == "ctrl+alt+q"


def test_round_trip(folder: DataFolder) -> None:
    changed = Settings(language="zh", agent_name="小美", app_rules=[])
    save_settings(folder, changed)
    assert load_settings(folder) == changed


def test_a_wrong_type_falls_back_to_the_default_with_a_notice(folder: DataFolder) -> None:
    folder.path("settings.json").write_text(json.dumps({"backups_kept": "many", "agent_name": "Ann"}), "utf-8")
    notices: list[str] = []
    loaded = load_settings(folder, notices)
    assert loaded.backups_kept == 10 and loaded.agent_name == "Ann"
    assert notices and "backups_kept" in notices[0]


def test_a_damaged_file_gives_defaults_and_a_notice(folder: DataFolder) -> None:
    folder.path("settings.json").write_text("{oops", "utf-8")
    notices: list[str] = []
    assert load_settings(folder, notices) == Settings()
    assert "damaged" in notices[0]


def test_older_versions_are_upgraded(folder: DataFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    folder.path("settings.json").write_text(json.dumps({"version": 1, "hotkey": "ctrl+alt+x"}), "utf-8")
    monkeypatch.setattr(settings_module, "SETTINGS_VERSION", 2)
    monkeypatch.setitem(settings_module.UPGRADES, 1, lambda raw: {**raw, "picker_hotkey": raw.pop("hotkey")})
    assert load_settings(folder).picker_hotkey == "ctrl+alt+x"


def test_drill_settings_default_to_the_trades_bar_and_survive_older_files(folder: DataFolder) -> None:
    folder.path("settings.json").write_text(json.dumps({"agent_name": "Ann", "drill_goal_en": "fast"}), "utf-8")
    notices: list[str] = []
    loaded = load_settings(folder, notices)
    assert (loaded.trainee_name, loaded.drill_goal_zh, loaded.drill_goal_en, loaded.drill_pause_seconds) == (
        "", 90, 90, 10)
    assert len(notices) == 1 and "drill_goal_en" in notices[0]
    changed = Settings(trainee_name="小王", drill_goal_zh=100, drill_goal_en=60, drill_pause_seconds=15)
    save_settings(folder, changed)
    assert load_settings(folder) == changed


def test_a_new_folder_has_not_had_its_first_run_but_an_older_file_has(folder: DataFolder) -> None:
    assert not load_settings(folder).first_run_done
    folder.path("settings.json").write_text(json.dumps({"version": 1, "agent_name": "Ann"}), "utf-8")
    loaded = load_settings(folder)
    assert loaded.first_run_done and loaded.agent_name == "Ann" and loaded.hidden_books is None
