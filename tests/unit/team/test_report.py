"""The team report: reading, checking and merging agents' statistics exports."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from assistant.errors import BadInput, QuickReplyError
from assistant.formats import MAX_FILE_BYTES
from assistant.team.report import build_report, read_export, read_exports, team_report
from tests.unit.team.exports import drill, read, team_exports


@pytest.fixture
def now() -> datetime:
    return datetime.now().astimezone()


@pytest.fixture
def exports(tmp_path: Path, now: datetime) -> list[Path]:
    return team_exports(tmp_path / "exports", now)


def test_agents_are_named_and_counted(exports: list[Path], now: datetime) -> None:
    report = team_report(exports, now)
    figures = {agent.name: (agent.conversations, agent.insertions, agent.mean_per_conversation,
                            agent.over_soft_share, agent.over_hard_share) for agent in report.agents}
    assert figures == {"王芳": (4, 15, 3.75, 0.75, 0.25), "Li Lei": (6, 21, 3.5, 0.5, 0.3333),
                       "赵敏": (3, 4, 1.33, 0.0, 0.0)}
    assert [agent.file for agent in report.agents] == ["wang.json", "li.json", "赵敏.json"]
    assert report.conversations == 13
    assert (report.over_soft_share, report.over_hard_share) == (round(6 / 13, 4), round(3 / 13, 4))
    assert report.period_to == now.date().isoformat()
    saved = {agent.name: agent.minutes_saved for agent in report.agents}
    assert saved["王芳"] > 0 and saved["Li Lei"] > saved["王芳"] and saved["赵敏"] is None  # from before


def test_response_times_per_agent_and_none_from_an_older_export(exports: list[Path], now: datetime) -> None:
    report = team_report(exports, now)
    assert {agent.name: (agent.waits, agent.first_response, agent.average_response) for agent in report.agents} == {
        "王芳": (4, 20.0, 20.0), "Li Lei": (6, 45.0, 45.0), "赵敏": (None, None, None)}
    sidecar = report.to_dict()["agents"]
    assert [(agent["waits"], agent["first_response"]) for agent in sidecar] == [(4, 20.0), (6, 45.0), (None, None)]


def test_phrases_merge_by_book_and_phrase_id(exports: list[Path], now: datetime) -> None:
    report = team_report(exports, now)
    assert [(phrase.phrase_id, phrase.uses) for phrase in report.most_used] == [
        ("p0", 18), ("p1", 13), ("p2", 6), ("p3", 3)]
    assert report.most_used[0].by_agent == {"王芳": 10, "Li Lei": 7, "赵敏": 1}
    assert report.most_used[0].title == "已发货" and report.most_used[0].code == "fh"
    # Never used by anyone: the team book's p4, and 赵敏's own phrase.
    assert {(phrase.book_id, phrase.phrase_id) for phrase in report.never_used} == {("team", "p4"), ("own", "mine")}
    assert report.phrases == 6


def test_trainees_best_latest_goal_and_trend(exports: list[Path], now: datetime) -> None:
    report = team_report(exports, now)
    trainees = {(t.trainee, t.language): t for t in report.trainees}
    assert set(trainees) == {("王芳", "zh"), ("Li Lei", "zh"), ("Li Lei", "en")}
    wang = trainees[("王芳", "zh")]
    assert (wang.best_net_cpm, wang.latest_net_cpm, wang.goal_cpm, wang.reached) == (96.0, 96.0, 90, True)
    assert wang.reached_on == read(exports[0])["drills"][5]["finished"]  # the first drill at 92
    assert wang.trend_cpm_per_day is not None and 5 < wang.trend_cpm_per_day < 7
    li = trainees[("Li Lei", "zh")]
    assert (li.best_net_cpm, li.latest_net_cpm, li.reached, li.reached_on) == (70.0, 70.0, False, None)
    assert [point.net_cpm for point in li.drills] == [40, 52, 61, 70]
    assert li.trend_cpm_per_day is not None and 4 < li.trend_cpm_per_day < 6
    # About 5 CPM a day; the trend line stands near 80 today: 90 in two days (the drill core's forecast).
    assert li.forecast_date is not None and 1 <= (date.fromisoformat(li.forecast_date) - now.date()).days <= 3
    assert wang.forecast_date is None  # reached already
    assert trainees[("Li Lei", "en")].best_net_cpm == 84.0


def test_goal_comes_from_the_export_and_falls_back_to_90(tmp_path: Path, exports: list[Path], now: datetime) -> None:
    data = read(exports[1])
    data["drill_goals"] = {"zh": 60}
    exports[1].write_text(json.dumps(data), "utf-8")
    report = team_report(exports, now)
    trainees = {(t.trainee, t.language): t for t in report.trainees}
    assert trainees[("Li Lei", "zh")].goal_cpm == 60 and trainees[("Li Lei", "zh")].reached
    assert trainees[("Li Lei", "en")].goal_cpm == 90


def test_a_drill_in_two_overlapping_exports_counts_once(tmp_path: Path, exports: list[Path], now: datetime) -> None:
    copy = tmp_path / "wang-again.json"
    copy.write_bytes(exports[0].read_bytes())
    report = team_report([*exports, copy], now)
    wang = [t for t in report.trainees if t.trainee == "王芳"]
    assert len(wang) == 1 and len(wang[0].drills) == 7
    # Two files with one agent's name are told apart by their file names.
    names = [agent.name for agent in report.agents]
    assert (names[0], names[-1]) == ("王芳 (wang.json)", "王芳 (wang-again.json)")


def test_the_same_file_named_twice_counts_once(exports: list[Path]) -> None:
    assert len(read_exports([exports[0], exports[0]])) == 1


def test_an_older_export_without_drill_keys_reads_as_empty(exports: list[Path], now: datetime) -> None:
    older = read(exports[2])
    assert "drills" not in older and "agent" not in older
    report = build_report([read_export(exports[2])], now)
    assert report.trainees == () and report.agents[0].name == "赵敏"


def test_a_drill_names_its_trainee_else_the_export_does(tmp_path: Path, exports: list[Path],
                                                        now: datetime) -> None:
    data = read(exports[2])
    data["trainee"] = "小赵"
    data["drills"] = [drill("", "zh", 50, now, 1), drill("实习生", "zh", 91, now, 2)]
    exports[2].write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    report = team_report([exports[2]], now)
    assert [(t.trainee, t.best_net_cpm, t.reached) for t in report.trainees] == [("实习生", 91.0, True),
                                                                              ("小赵", 50.0, False)]
    assert report.agents[0].name == "小赵"  # no "agent": the trainee's name


@pytest.mark.parametrize(("content", "message"), [
    (b"{not json", "not valid JSON"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256)) * 4, "wang.json"),
    (b"[1, 2]", "not a QuickReply statistics export"),
    (b'{"format": "quickreply.phrasebook", "version": 1}', "not a QuickReply statistics export"),
    (b'{"schema": 2}', "schema 2 is not supported"),
    (b'{"schema": true}', "not a QuickReply statistics export"),
    (b"", "empty"),
])
def test_bad_files_are_one_line_errors_naming_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "wang.json"
    path.write_bytes(content)
    with pytest.raises(BadInput) as caught:
        read_export(path)
    assert message in str(caught.value) and str(path) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(("change", "where"), [
    (lambda data: data.pop("conversations"), "conversations"),
    (lambda data: data.update(over_soft_share=1.5), "over_soft_share"),
    (lambda data: data.update(conversations="many"), "conversations"),
    (lambda data: data["drills"][0].update(net_cpm=-1), "drills[0].net_cpm"),
    (lambda data: data["drills"][0].update(language="fr"), "drills[0].language"),
    (lambda data: data["drills"][0].update(finished="2024-02-30T10:00:00Z"), "not a date"),
    (lambda data: data["period"].update({"from": "2024-13-01"}), "not a date"),
    (lambda data: data["per_phrase"][0].pop("phrase_id"), "per_phrase[0]"),
    (lambda data: data["drills"][0].pop("mode"), "drills[0]: a drill record has no 'mode'"),
])
def test_wrong_shapes_are_refused_with_the_place(exports: list[Path], change, where: str) -> None:
    data = read(exports[0])
    change(data)
    exports[0].write_text(json.dumps(data), "utf-8")
    with pytest.raises(BadInput) as caught:
        read_export(exports[0])
    assert where in str(caught.value) and "wang.json" in str(caught.value)


def test_an_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(BadInput, match="too large"):
        read_export(path)


def test_one_bad_file_stops_the_whole_report(tmp_path: Path, exports: list[Path], now: datetime) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    with pytest.raises(BadInput, match=r"broken\.json"):
        team_report([*exports, broken], now)
    with pytest.raises(QuickReplyError, match="no statistics exports"):
        team_report([], now)


def test_the_sidecar_holds_every_number_and_no_reply_text(exports: list[Path], now: datetime) -> None:
    data = team_report(exports, now).to_dict()
    assert data["format"] == "quickreply.team-report" and data["version"] == 1
    assert [trainee["reached"] for trainee in data["trainees"]] == [False, False, True]
    text = json.dumps(data, ensure_ascii=False)
    assert "回复正文" not in text


def test_only_drills_that_count_make_the_report(exports: list[Path], now: datetime) -> None:
    data = read(exports[1])
    sloppy = drill("Li Lei", "zh", 300.0, now, 99) | {"accuracy": 0.104, "counted": False}
    unknown = drill("Li Lei", "zh", 250.0, now, 98) | {"accuracy": 0.5}  # stored before the rules: judged
    data["drills"] += [sloppy, unknown]
    exports[1].write_text(json.dumps(data), "utf-8")
    li = {(t.trainee, t.language): t for t in team_report(exports, now).trainees}[("Li Lei", "zh")]
    assert (li.best_net_cpm, li.latest_net_cpm, li.reached, li.uncounted) == (70.0, 70.0, False, 2)
    assert [point.net_cpm for point in li.drills] == [40, 52, 61, 70]
    data["drill_conditions"] = {"min_characters": 100, "min_seconds": 60, "min_accuracy": 0.99}
    exports[1].write_text(json.dumps(data), "utf-8")
    li = {(t.trainee, t.language): t for t in team_report(exports, now).trainees}[("Li Lei", "zh")]
    # under the export's stricter conditions no drill of 97% counts
    assert (li.drills, li.latest_net_cpm, li.uncounted) == ((), None, 6)
