"""The app shares the agent's numbers with the team folder: at start when due, and at quit."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from assistant.team.sharing import shared_file_name
from ui.context import AppContext
from ui.team.share_service import NumbersSharing


def test_numbers_go_to_the_team_folder_once_a_day_and_at_quit(qtbot, store, tmp_path: Path) -> None:
    context = AppContext(store)
    context.save_settings(replace(context.settings, agent_name="小王", team_share=str(tmp_path)))
    sharing = NumbersSharing(context)
    with qtbot.waitSignal(context.settingsChanged, timeout=10_000):
        sharing.start()
    settings = context.settings
    assert settings.team_shared_on == datetime.now().astimezone().date().isoformat()
    shared = tmp_path / shared_file_name(settings)
    assert json.loads(shared.read_text("utf-8"))["agent"] == "小王"
    shared.unlink()
    sharing.share_if_due()  # done for today: nothing written
    qtbot.wait(300)
    assert not shared.exists()
    sharing.stop()  # quitting shares the day's last numbers
    assert shared.exists()


def test_a_failure_is_told_once_a_day(qtbot, store, tmp_path: Path) -> None:
    context = AppContext(store)
    sharing = NumbersSharing(context)
    told: list[str] = []
    sharing.notice.connect(told.append)
    with qtbot.waitSignal(sharing.notice, timeout=10_000):
        context.save_settings(replace(context.settings, team_share=str(tmp_path / "gone")))
    sharing.share_if_due()
    qtbot.wait(500)
    assert len(told) == 1 and "gone" in told[0]
