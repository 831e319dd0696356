"""The team report as a lead gets it: three agents' exports, ``quickreply report`` in a
child process, and the page opened in headless Chromium with the network off. The
numbers are read from the DOM after the page's scripts ran; the screenshot must show
the charts plotly drew (their colours), which it can only do from the embedded JS."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.unit.helpers import run_cli
from tests.unit.team.exports import team_exports

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        if os.geteuid() == 0:
            pytest.fail("chromium is missing although scripts/test installs it as root: apt-get install chromium")
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium; scripts/test does it "
                    "as root)")
    return CHROMIUM


def browse(chromium: str, page: Path, profile: Path, *extra: str) -> str:
    """Chromium with no network and no background services; returns its stdout."""
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--proxy-server=127.0.0.1:9", "--virtual-time-budget=10000", f"--user-data-dir={profile}", *extra,
         page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True)
    return result.stdout


class _ById(HTMLParser):
    """Text of every element with an id, and the classes of every element."""

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.classes: dict[str, str] = {}
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        element_id = values.get("id")
        if element_id:
            self.text.setdefault(element_id, "")
            self.classes[element_id] = values.get("class") or ""
        if tag not in ("br", "meta", "img", "input", "link", "path", "rect", "line", "circle"):
            self._open.append(element_id)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag not in ("br", "meta", "img", "input", "link", "path", "rect", "line", "circle"):
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for element_id in self._open:
            if element_id:
                self.text[element_id] += data


def parse(dom: str) -> _ById:
    parser = _ById()
    parser.feed(dom)
    return parser


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return team_exports(tmp_path_factory.mktemp("exports"))


def test_the_report_opens_offline_with_the_right_numbers(chromium: str, exports: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run_cli("report", *map(str, exports), "--out", str(out), home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert "<script src" not in out.read_text("utf-8")  # plotly.js is in the page

    dom = browse(chromium, out, tmp_path / "profile", "--dump-dom")
    page = parse(dom)
    cell = page.text
    assert (cell["team-agents"], cell["team-conversations"], cell["team-trainees-reached"]) == ("3", "13", "1/2")
    assert (cell["team-over-soft"], cell["team-over-hard"]) == ("46.2%", "23.1%")
    # Conversations and the over-limit share per agent, in the order the files were given.
    assert [cell[f"agent-{n}-name"] for n in (1, 2, 3)] == ["王芳", "Li Lei", "赵敏"]
    assert [cell[f"agent-{n}-conversations"] for n in (1, 2, 3)] == ["4", "6", "3"]
    assert [cell[f"agent-{n}-mean"] for n in (1, 2, 3)] == ["3.75", "3.50", "1.33"]
    assert [cell[f"agent-{n}-over-soft"] for n in (1, 2, 3)] == ["75.0%", "50.0%", "0.0%"]
    assert [cell[f"agent-{n}-over-hard"] for n in (1, 2, 3)] == ["25.0%", "33.3%", "0.0%"]
    # Who reached 90 CPM: 王芳 did, Li Lei did not (in either language).
    trainees = {(cell[f"trainee-{n}-name"], cell[f"trainee-{n}-language"]): n for n in (1, 2, 3)}
    assert set(trainees) == {("王芳", "Chinese"), ("Li Lei", "Chinese"), ("Li Lei", "English")}
    wang, li = trainees[("王芳", "Chinese")], trainees[("Li Lei", "Chinese")]
    assert (cell[f"trainee-{wang}-best"], cell[f"trainee-{wang}-goal"]) == ("96.0", "90")
    assert cell[f"trainee-{wang}-reached"].startswith("yes, on ")
    assert (cell[f"trainee-{li}-best"], cell[f"trainee-{li}-reached"]) == ("70.0", "not yet")
    assert cell[f"trainee-{li}-trend"].startswith("+")
    # Most and never used across the team.
    assert [(cell[f"phrase-{n}-title"], cell[f"phrase-{n}-uses"]) for n in (1, 2)] == [("已发货", "18"),
                                                                                      ("退款说明", "13")]
    assert cell["never-used-count"] == "2"
    assert {cell["never-1-title"], cell["never-2-title"]} == {"结束语", "自己的"}
    # plotly ran (offline) and drew every chart.
    for chart in ("chart-best-cpm", "chart-drills", "chart-most-used", "chart-limits", "chart-conversations"):
        assert "js-plotly-plot" in page.classes[chart], chart
    assert "75.0%" in cell["chart-limits"] and "33.3%" in cell["chart-limits"]

    sidecar = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert [agent["over_soft_share"] for agent in sidecar["agents"]] == [0.75, 0.5, 0.0]


def test_the_screenshot_shows_the_charts_in_chinese(chromium: str, exports: list[Path], tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    out = tmp_path / "团队报告.html"
    result = run_cli("report", *map(str, exports), "--out", str(out), home=tmp_path / "home", lang="zh")
    assert result.returncode == 0, result.stderr
    dom = browse(chromium, out, tmp_path / "profile", "--dump-dom")
    page = parse(dom)
    assert '<html lang="zh-CN">' in dom and page.text["agent-1-name"] == "王芳"
    assert "谁已达到每分钟 90 字" in dom and "已达到" in page.text["trainees"]

    shot = tmp_path / "report.png"
    browse(chromium, out, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000")
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 2000)
    # Count the pixels of the bars: the best/latest CPM chart (blue, orange) is on the
    # first screen; without plotly.js they would not exist.
    colours = {QColor("#4e79a7").rgb(): 0, QColor("#f28e2b").rgb(): 0}
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            pixel = image.pixel(x, y)
            if pixel in colours:
                colours[pixel] += 1
    assert min(colours.values()) > 500, colours
