"""What the desktop benchmarks share: percentiles, the one-line summary, and waiting for
a reply to land in the target window (bench/desktop.py on X11, bench/windows.py under
Wine)."""

from __future__ import annotations

import statistics
import time

from tests.e2e.target import Target


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def summary(name: str, values: list[float], unit: str = "ms") -> str:
    return (f"{name}: p50 {statistics.median(values):.1f} {unit}, p95 {percentile(values, 0.95):.1f} {unit}, "
            f"max {max(values):.1f} {unit} (n={len(values)})")


def wait_for_reply(target: Target, since: int, reply: str, timeout: float = 5.0) -> int:
    """When (monotonic ns) the target logged ``reply`` complete, after ``since``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for event in target.events():
            if event["t_ns"] >= since and event["kind"] == "text" and event["text"] == reply:
                return event["t_ns"]
        time.sleep(0.002)
    raise RuntimeError("the reply did not arrive")
