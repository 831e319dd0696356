"""The team report window, fed with three agents' real exports."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from assistant.team.report import team_report
from tests.unit.team.exports import team_exports
from ui.team.report_window import ReportWindow


@pytest.fixture
def exports(tmp_path: Path) -> list[Path]:
    return team_exports(tmp_path / "exports")


@pytest.fixture
def window(qtbot) -> ReportWindow:
    widget = ReportWindow()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def values(window: ReportWindow) -> dict[str, str]:
    return {name: label.text() for name, label in window.values.items()}


def column(table, number: int) -> list[str]:
    return [table.item(row, number).text() for row in range(table.rowCount())]


def test_an_empty_window_says_what_to_add(window: ReportWindow) -> None:
    assert window.windowTitle() == "QuickReply team report"
    assert window.hint.isVisible() and "Export JSON" in window.hint.text()
    assert not window.save_button.isEnabled() and not window.remove_button.isEnabled()
    assert set(values(window).values()) == {"–"}


def test_picked_exports_show_the_merged_numbers(window: ReportWindow, exports: list[Path]) -> None:
    window.ask_open_paths = lambda: exports
    window.add_button.click()
    assert not window.hint.isVisible() and window.save_button.isEnabled()
    assert values(window) == {"agents": "3", "conversations": "13", "soft": "46.2%", "hard": "23.1%",
                              "reached": "1/2"}
    assert [window.files.item(row).text() for row in range(3)] == [str(path) for path in exports]
    # Typing: who reached 90, and every drill on the chart.
    assert column(window.trainees, 0) == ["Li Lei", "Li Lei", "王芳"]
    assert column(window.trainees, 3) == ["84.0", "70.0", "96.0"]
    assert column(window.trainees, 6)[:2] == ["not yet", "not yet"]
    assert column(window.trainees, 6)[2].startswith("yes, on ")
    assert [series.name() for series in window.drill_series] == ["Li Lei · English", "Li Lei · Chinese",
                                                                 "王芳 · Chinese"]
    assert [point.y() for point in window.drill_series[2].points()] == [60, 66, 71, 78, 84, 92, 96]
    assert [(series.name(), series.points()[0].y()) for series in window.goal_series] == [("Goal 90 CPM", 90)]
    # Phrases.
    assert column(window.most_used, 1) == ["已发货", "退款说明", "问候", "催付提醒"]
    assert column(window.most_used, 4) == ["18", "13", "6", "3"]
    assert [bars.label() for bars in window.most_used_sets] == ["王芳", "Li Lei", "赵敏"]
    assert [window.most_used_sets[0].at(index) for index in range(4)] == [10.0, 3.0, 2.0, 0.0]
    assert sorted(column(window.never_used, 1)) == ["结束语", "自己的"]
    assert window.never_used_label.text() == "Never used by anyone: 2 of 6 phrases"
    # Over the limits and conversations per agent.
    soft, hard = window.limits_sets
    assert [soft.at(index) for index in range(3)] == [75.0, 50.0, 0.0]
    assert [round(hard.at(index), 2) for index in range(3)] == [25.0, 33.33, 0.0]
    assert column(window.limits, 0) == ["王芳", "Li Lei", "赵敏", "Whole team"]
    assert column(window.limits, 2) == ["75.0%", "50.0%", "0.0%", "46.2%"]
    assert [window.conversations_set.at(index) for index in range(3)] == [4.0, 6.0, 3.0]
    assert column(window.agents, 4) == ["3.75", "3.50", "1.33"]


def test_response_times_per_agent_and_a_dash_for_an_older_export(window: ReportWindow, exports: list[Path]) -> None:
    window.add_files(exports)
    assert [window.agents.horizontalHeaderItem(column).text() for column in (6, 7, 8)] == [
        "Waiting buyers", "First response", "Average response"]
    assert column(window.agents, 6) == ["4", "6", "—"]
    assert column(window.agents, 7) == ["20 s", "45 s", "—"]
    assert column(window.agents, 8) == ["20 s", "45 s", "—"]


def test_the_window_shows_the_core_model(window: ReportWindow, exports: list[Path]) -> None:
    """One merging implementation: what the window holds is ``team_report``'s model."""
    assert window.add_files(exports)
    expected = team_report(exports, datetime.now().astimezone())
    assert window.report.to_dict() | {"generated": ""} == expected.to_dict() | {"generated": ""}


def test_a_bad_file_is_one_line_and_the_report_stays(window: ReportWindow, exports: list[Path],
                                                     tmp_path: Path) -> None:
    assert window.add_files(exports[:2])
    bad = tmp_path / "broken.json"
    bad.write_text('{"schema": 1}', "utf-8")
    assert not window.add_files([bad])
    assert window.error_label.isVisible() and "broken.json" in window.error_label.text()
    assert "\n" not in window.error_label.text()
    assert window.paths == exports[:2] and values(window)["agents"] == "2"
    assert window.add_files([exports[2]]) and not window.error_label.isVisible()
    assert values(window)["agents"] == "3"


def test_remove_takes_an_agent_out(window: ReportWindow, exports: list[Path]) -> None:
    window.add_files(exports)
    window.files.item(0).setSelected(True)
    assert window.remove_button.isEnabled()
    window.remove_button.click()
    assert window.paths == exports[1:] and values(window)["conversations"] == "9"
    window.files.selectAll()
    window.remove_button.click()
    assert window.report is None and window.hint.isVisible() and window.trainees.rowCount() == 0


def test_save_as_html_writes_what_the_cli_writes(window: ReportWindow, exports: list[Path], tmp_path: Path) -> None:
    window.add_files(exports)
    window.ask_save_path = lambda: tmp_path / "team"
    written = window.save_html()
    assert written == tmp_path / "team.html"
    page = written.read_text("utf-8")
    assert '<td id="agent-1-over-soft" class="number">75.0%</td>' in page and "Plotly.newPlot" in page
    numbers = json.loads((tmp_path / "team.json").read_text("utf-8"))
    assert numbers == json.loads(json.dumps(window.report.to_dict()))


def test_save_refuses_to_overwrite_an_export(window: ReportWindow, exports: list[Path]) -> None:
    window.add_files(exports)
    before = exports[0].read_bytes()
    errors: list[str] = []
    window.show_error = errors.append
    window.ask_save_path = lambda: exports[0].with_suffix(".html")
    assert window.save_html() is None
    assert len(errors) == 1 and "wang.json" in errors[0] and exports[0].read_bytes() == before


def test_screenshot(window: ReportWindow, exports: list[Path], tmp_path: Path) -> None:
    """Saved for a person to look at when QUICKREPLY_SCREENSHOTS names a folder."""
    window.add_files(exports)
    folder = Path(os.environ.get("QUICKREPLY_SCREENSHOTS", tmp_path))
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert window.grab().save(str(folder / f"team-report-{index}.png"))


def test_chinese(qtbot, exports: list[Path], tmp_path: Path) -> None:
    from ui.i18n import install_language

    install_language("zh")
    try:
        widget = ReportWindow()
        qtbot.addWidget(widget)
        widget.add_files(exports)
        assert widget.windowTitle() == "QuickReply 团队报告"
        assert widget.tabs.tabText(0) == "打字练习" and widget.save_button.text() == "另存为 HTML…"
        assert column(widget.trainees, 1) == ["英文", "中文", "中文"]
        assert column(widget.trainees, 6)[2].startswith("已达到")
        folder = Path(os.environ.get("QUICKREPLY_SCREENSHOTS", tmp_path))
        widget.show()
        assert widget.grab().save(str(folder / "team-report-zh.png"))
        # Saved in Chinese too: the page follows the app's language.
        widget.ask_save_path = lambda: tmp_path / "团队.html"
        assert "谁已达到每分钟 90 字" in widget.save_html().read_text("utf-8")
    finally:
        install_language("en")


def test_an_earlier_report_among_the_files_is_left_out_with_a_note(window: ReportWindow, exports: list[Path],
                                                                   tmp_path: Path) -> None:
    assert window.add_files(exports)
    window.ask_save_path = lambda: tmp_path / "team.html"
    window.save_html()
    window.files.selectAll()
    window.remove_selected()
    assert window.paths == []
    assert window.add_files([*exports, tmp_path / "team.json"])
    assert window.paths == exports and "team.json" in window.error_label.text()
    assert window.error_label.isVisible()


def test_a_failed_save_says_why_in_our_words(window: ReportWindow, exports: list[Path]) -> None:
    window.add_files(exports)
    errors: list[str] = []
    window.show_error = errors.append
    window.ask_save_path = lambda: Path("/proc/no-such-folder/team.html")
    assert window.save_html() is None
    assert len(errors) == 1 and "it or its folder does not exist" in errors[0] and "Errno" not in errors[0]


def test_the_team_folder_is_followed_and_read_again_when_an_agent_shares(qtbot, exports: list[Path],
                                                                         tmp_path: Path, store) -> None:
    from dataclasses import replace

    from ui.context import AppContext

    folder = tmp_path / "team"
    folder.mkdir()
    for export in exports[:2]:
        (folder / export.name).write_bytes(export.read_bytes())
    context = AppContext(store)
    context.save_settings(replace(context.settings, team_share=str(folder)))
    widget = ReportWindow(context)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.folder == folder and values(widget)["agents"] == "2"
    (folder / exports[2].name).write_bytes(exports[2].read_bytes())  # a third agent shares
    qtbot.waitUntil(lambda: values(widget)["agents"] == "3", timeout=5000)


def test_the_team_drills_tab_ranks_the_trainees(window: ReportWindow, exports: list[Path]) -> None:
    from tests.unit.team.exports import drill, read

    now = datetime.now().astimezone()
    race = {"text_id": "team:abc", "text_title": "第 1 周赛文", "source": "team"}
    for path, trainee, cpm, extra in ((exports[0], "王芳", 95.0, {}), (exports[1], "Li Lei", 130.0, {}),
                                      (exports[1], "Li Lei", 300.0, {"accuracy": 0.4})):
        data = read(path)
        data["drills"].append(drill(trainee, "zh", cpm, now, int(cpm)) | race | extra)
        path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    window.ask_open_paths = lambda: exports
    window.add_button.click()
    assert window.tabs.tabText(4) == "Team drills"
    assert column(window.races, 0) == ["第 1 周赛文 · Chinese"] * 2
    assert column(window.races, 1) == ["1", "2"] and column(window.races, 2) == ["Li Lei", "王芳"]
    assert column(window.races, 3) == ["130.0", "95.0"]
