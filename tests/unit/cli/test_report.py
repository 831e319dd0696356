"""``quickreply report``: the lead's command, its files and its errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli.main import main
from tests.unit.helpers import ROOT
from tests.unit.team.exports import team_exports


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def exports(tmp_path: Path) -> list[str]:
    return [str(path) for path in team_exports(tmp_path / "exports")]


def test_report_writes_the_page_and_the_numbers_beside_it(capsys, tmp_path: Path, exports: list[str]) -> None:
    # The lead's own export, made by the real command, is the fourth agent.
    own = tmp_path / "lead.json"
    assert cli(capsys, "stats", "export", str(own))[0] == 0
    code, out, err = cli(capsys, "report", *exports, str(own), "--out", str(tmp_path / "team.html"))
    assert (code, err) == (0, "")
    assert "Team report of 4 agents" in out and "team.html" in out and "team.json" in out
    numbers = json.loads((tmp_path / "team.json").read_text("utf-8"))
    assert [agent["name"] for agent in numbers["agents"]] == ["王芳", "Li Lei", "赵敏", "lead"]
    assert numbers["conversations"] == 13
    page = (tmp_path / "team.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<td id="agent-2-over-hard" class="number">33.3%</td>' in page


def test_json_goes_where_asked(capsys, tmp_path: Path, exports: list[str]) -> None:
    code, _, _ = cli(capsys, "report", *exports, "--out", str(tmp_path / "r.htm"), "--json",
                     str(tmp_path / "numbers.json"))
    assert code == 0 and (tmp_path / "numbers.json").exists() and not (tmp_path / "r.json").exists()


@pytest.mark.parametrize(("make_args", "message"), [
    (lambda exports, tmp: [*exports, str(tmp / "missing.json"), "--out", str(tmp / "r.html")], "missing.json"),
    (lambda exports, tmp: [*exports, "--out", str(tmp / "r.pdf")], "r.pdf"),
    (lambda exports, tmp: [*exports, "--out", str(tmp / "r.html"), "--json", str(tmp / "r.csv")], "r.csv"),
    # --out team/wang.html would put the numbers into wang.json, an agent's export.
    (lambda exports, tmp: [*exports, "--out", exports[0].replace(".json", ".html")], "wang.json"),
])
def test_errors_are_one_line_and_write_nothing(capsys, tmp_path: Path, exports: list[str], make_args,
                                               message: str) -> None:
    before = {path: Path(path).read_bytes() for path in exports}
    outputs = set(tmp_path.glob("r.*")) | set((tmp_path / "exports").glob("*.html"))
    code, out, err = cli(capsys, "report", *make_args(exports, tmp_path))
    assert (code, out) == (1, "") and len(err.strip().splitlines()) == 1
    assert err.startswith("quickreply: error: ") and message in err
    assert set(tmp_path.glob("r.*")) | set((tmp_path / "exports").glob("*.html")) == outputs
    assert {path: Path(path).read_bytes() for path in exports} == before


def test_a_malformed_export_names_the_file_in_chinese(tmp_path: Path, exports: list[str]) -> None:
    bad = tmp_path / "坏的.json"
    bad.write_text('{"schema": 1, "conversations": -3}', "utf-8")
    env = {"QUICKREPLY_HOME": str(tmp_path / "home"), "QUICKREPLY_LANG": "zh", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "assistant", "report", *exports, str(bad), "--out",
                             str(tmp_path / "r.html")], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1 and "坏的.json" in result.stderr and "不符合统计导出格式" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_usage_errors(capsys, tmp_path: Path, exports: list[str]) -> None:
    assert cli(capsys, "report", "--out", str(tmp_path / "r.html"))[0] == 2
    assert cli(capsys, "report", *exports)[0] == 2


def test_plotly_loads_only_for_the_report() -> None:
    code = ("import sys, assistant.cli.main, assistant.team.report, assistant.team.report_html, assistant.team.stats\n"
            "print('plotly' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_readme_example_runs_twice_in_one_folder(tmp_path: Path, exports: list[str]) -> None:
    """``quickreply report *.json --out report.html``: the second run's ``*.json`` takes in
    the first run's report.json, which is skipped with a note and then replaced."""
    folder = Path(exports[0]).parent
    env = {"QUICKREPLY_HOME": str(tmp_path / "home"), "QUICKREPLY_LANG": "en", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT)}
    command = f"{sys.executable} -m assistant report *.json --out report.html"
    first = subprocess.run(command, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=120)
    assert (first.returncode, first.stderr) == (0, "")
    second = subprocess.run(command, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert second.stderr == "note: report.json is a team report, not an agent's export; skipped\n"
    assert "Team report of 3 agents" in second.stdout
    assert len(json.loads((folder / "report.json").read_text("utf-8"))["agents"]) == 3


@pytest.mark.parametrize("existing", ["team.json", "team.html"])
def test_a_file_that_is_not_a_report_is_never_overwritten(capsys, tmp_path: Path, exports: list[str],
                                                         existing: str) -> None:
    """A phrasebook export team.json beside ``--out team.html`` (the tester's case), or a
    page of the lead's own."""
    other = tmp_path / existing
    other.write_text('{"format": "quickreply.phrasebook", "phrases": []}' if existing.endswith(".json")
                     else "<!DOCTYPE html><html><body>minutes of the meeting</body></html>", "utf-8")
    before = other.read_bytes()
    code, out, err = cli(capsys, "report", *exports, "--out", str(tmp_path / "team.html"))
    assert (code, out) == (1, "") and len(err.strip().splitlines()) == 1
    assert existing in err and "not a QuickReply team report" in err
    assert other.read_bytes() == before and sorted(path.name for path in tmp_path.glob("team.*")) == [existing]


def test_an_earlier_report_is_overwritten(capsys, tmp_path: Path, exports: list[str]) -> None:
    out = tmp_path / "team.html"
    assert cli(capsys, "report", *exports[:1], "--out", str(out))[0] == 0
    assert cli(capsys, "report", *exports, "--out", str(out))[0] == 0
    assert len(json.loads((tmp_path / "team.json").read_text("utf-8"))["agents"]) == 3
    assert 'id="agent-3-name"' in out.read_text("utf-8")


@pytest.mark.parametrize(("change", "where", "message"), [
    (lambda text: text.replace('"conversations": ', '"conversations": ' + "9" * 5000 + ", \"x\": ", 1),
     "conversations", "out of range"),
    (lambda text: text.replace('"over_soft_share": ', '"over_soft_share": NaN, "x": ', 1), "over_soft_share",
     "NaN is not a number"),
    (lambda text: text.replace('"agent": "', '"agent": "\\ud800', 1), "agent", "lone surrogate"),
    (lambda text: text.replace('"mean": ', '"mean": 1e400, "x": ', 1), "quick_replies_per_conversation.mean",
     "out of range"),
])
def test_hostile_numbers_and_text_in_an_export_are_one_line_naming_the_place(capsys, tmp_path: Path,
                                                                             exports: list[str], change, where,
                                                                             message) -> None:
    bad = Path(exports[0])
    bad.write_text(change(bad.read_text("utf-8")), "utf-8")
    code, out, err = cli(capsys, "report", *exports, "--out", str(tmp_path / "r.html"))
    assert (code, out) == (1, "") and err.count("\n") == 1
    assert err.startswith(f"quickreply: error: {bad}:{where}: ") and message in err
    assert not (tmp_path / "r.html").exists()
