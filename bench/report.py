"""Team report time at team scale: reading, checking and merging exports, then the page.

    python bench/report.py [--agents 20] [--phrases 300] [--drills 60]

Writes one statistics export per agent (each with every phrase of the team's book and
that many typing drills, as ``quickreply stats export`` does) into a temporary folder,
then times ``team_report`` (read, check against the schema and the drill core, merge)
and ``save_report`` (plotly page and JSON sidecar). Prints the figures and the page's
size; a lead waits for this once a week, so a few seconds are fine.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.team.report import team_report
from assistant.team.report_html import save_report
from tests.unit.team.exports import drill


def export(agent: int, phrases: int, drills: int, now: datetime) -> dict:
    name = f"客服{agent:02d}"
    return {
        "schema": 1, "generated": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "period": {"from": (now - timedelta(days=29)).date().isoformat(), "to": now.date().isoformat(), "days": 30},
        "limits": {"soft": 3, "hard": 5}, "conversations": 400 + agent, "insertions": 1500,
        "quick_replies_per_conversation": {"histogram": {"3": 400 + agent}, "mean": 3.0},
        "over_soft_share": 0.4, "over_hard_share": 0.1, "most_used": [], "never_used": [],
        "per_phrase": [{"book_id": "team", "book": "团队话术", "phrase_id": f"p{number}", "title": f"话术{number}",
                        "code": f"c{number}", "group": "发货", "uses": (number * agent) % 9}
                       for number in range(phrases)],
        "agent": name, "trainee": name, "drill_goals": {"zh": 90, "en": 90},
        "drills": [drill(name, "zh", 40 + number % 60, now - timedelta(hours=10 * number), number)
                   for number in range(drills)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", type=int, default=20)
    parser.add_argument("--phrases", type=int, default=300)
    parser.add_argument("--drills", type=int, default=60)
    args = parser.parse_args()
    now = datetime.now().astimezone()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for agent in range(args.agents):
            path = Path(folder) / f"agent{agent:02d}.json"
            path.write_text(json.dumps(export(agent, args.phrases, args.drills, now), ensure_ascii=False), "utf-8")
            paths.append(path)
        size = sum(path.stat().st_size for path in paths)
        started = time.perf_counter()
        report = team_report(paths, now)
        merged = time.perf_counter()
        save_report(report, Path(folder) / "report.html", Path(folder) / "report.json")
        saved = time.perf_counter()
        page = (Path(folder) / "report.html").stat().st_size
    print(f"{args.agents} agents × {args.phrases} phrases × {args.drills} drills ({size / 1e6:.1f} MB of exports)")
    print(f"read, check and merge: {merged - started:.2f} s")
    print(f"page and JSON:         {saved - merged:.2f} s (page {page / 1e6:.1f} MB, plotly.js inside)")


if __name__ == "__main__":
    main()
