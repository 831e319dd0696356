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
