"""The team report page: what it says without drills or uses, and that nothing from an
export can become markup or script in it."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from assistant.team.report import team_report
from assistant.team.report_html import exports_in, is_team_report, render_html, save_report
from tests.unit.team.exports import drill, read, team_exports


def test_an_export_cannot_inject_markup(tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    path = team_exports(tmp_path / "exports", now)[0]
    data = read(path)
    hostile = '<img src=x onerror="alert(1)"></script><script>alert(2)</script><a href="javascript:alert(3)">x</a>'
    data["agent"] = hostile
    data["drills"].append(drill(hostile, "zh", 50, now, 99) | {"id": "hostile"})
    for row in data["per_phrase"]:
        row["title"] = hostile
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    page = render_html(team_report([path], now))
    markup = re.sub(r"<script\b.*?</script>", "", page, flags=re.S)  # the page without plotly.js and the figures
    for dangerous in ("<img", "<script", "<a href"):
        assert dangerous not in markup
    assert "&lt;img src=x" in markup  # shown as text in the tables
    # Chart labels: escaped before plotly (which honours <a>, <b>… in labels) and JSON-escaped in the script.
    figures = "".join(re.findall(r"Plotly\.newPlot\((.*?)\);</script>", page, flags=re.S))
    assert '"&lt;img src=x' in figures and "<img" not in figures and "\\u003cimg" not in figures


def test_older_exports_without_drills_or_uses(tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    path = team_exports(tmp_path / "exports", now)[2]
    data = read(path)
    for key in ("most_used", "per_phrase"):
        data[key] = []
    data["never_used"] = [dict(row, uses=0) for row in read(path)["per_phrase"]]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    page = render_html(team_report([path], now))
    assert 'id="no-drills"' in page and "No phrase was used in the period." in page
    assert '<span id="never-used-count">6</span>' in page and 'id="team-trainees-reached">0/0<' in page


def test_when_every_phrase_was_used(tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    path = team_exports(tmp_path / "exports", now)[0]
    data = read(path)
    data["per_phrase"] = [row for row in data["per_phrase"] if row["uses"]]
    data["never_used"] = []
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    page = render_html(team_report([path], now))
    assert '<span id="never-used-count">0</span>' in page and "Every phrase was used by someone" in page
    assert 'id="never-used"' not in page


def test_only_pages_and_numbers_this_report_wrote_are_recognised(tmp_path: Path) -> None:
    report = team_report(team_exports(tmp_path / "exports"), datetime.now().astimezone())
    page, numbers = tmp_path / "team.html", tmp_path / "team.json"
    save_report(report, page, numbers)
    assert is_team_report(page) and is_team_report(numbers)
    others = {"page.html": "<!DOCTYPE html><html><head><title>QuickReply team report</title></head></html>",
              "book.json": '{"format": "quickreply.phrasebook", "version": 1}', "list.json": "[1, 2]",
              "broken.json": '{"format": "quickreply.team-report"'}
    (tmp_path / "export.json").write_bytes(team_exports(tmp_path / "more")[0].read_bytes())
    for name, text in others.items():
        (tmp_path / name).write_text(text, "utf-8")
        assert not is_team_report(tmp_path / name), name
    assert not is_team_report(tmp_path / "export.json") and not is_team_report(tmp_path / "missing.html")
    assert not is_team_report(tmp_path)


def test_every_chart_gives_its_axis_labels_room(tmp_path: Path) -> None:
    """Margins grow with long names and big numbers instead of cutting the labels off."""
    page = render_html(team_report(team_exports(tmp_path), datetime.now().astimezone()))
    calls = re.findall(r'Plotly\.newPlot\("([\w-]+)", (.*?)\);</script>', page, flags=re.S)
    assert len(calls) == 5
    for chart, arguments in calls:
        layout = json.loads(f"[{arguments}]")[1]
        assert layout["xaxis"]["automargin"] and layout["yaxis"]["automargin"], chart


def test_a_trainee_without_a_drill_that_counts_shows_a_dash(tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    path = team_exports(tmp_path / "exports", now)[1]
    data = read(path)
    data["drills"] = [drill("Li Lei", "zh", 300, now, 1) | {"accuracy": 0.104, "counted": False}]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    page = render_html(team_report([path], now))
    assert re.search(r'id="trainee-1-latest"[^>]*>—<', page)
    assert re.search(r'id="trainee-1-drills"[^>]*>0 \(\+1 not counted\)<', page)
    assert re.search(r'id="trainee-1-reached"[^>]*>not yet<', page)


def test_response_times_per_agent_with_a_dash_for_an_older_export(tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    page = render_html(team_report(team_exports(tmp_path / "exports", now), now))
    assert '<td id="agent-1-first-response" class="number">20 s</td>' in page
    assert '<td id="agent-2-average-response" class="number">45 s</td>' in page
    assert '<td id="agent-3-waits" class="number">—</td>' in page
    assert '<td id="agent-3-first-response" class="number">—</td>' in page


def test_a_folder_stands_for_its_exports_and_its_team_reports_are_set_apart(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    exports = team_exports(folder)
    save_report(team_report(exports, datetime.now().astimezone()), folder / "report.html", folder / "report.json")
    (folder / "notes.txt").write_text("not an export", "utf-8")
    named = tmp_path / "named.json"
    named.write_bytes(exports[0].read_bytes())
    assert exports_in([folder, named]) == ([*sorted(exports), named], [folder / "report.json"])
