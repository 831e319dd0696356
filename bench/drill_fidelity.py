"""Measurement fidelity of typing drills: does the drill report the speed and accuracy
that were really typed?

    python bench/drill_fidelity.py [--tolerance 0.02]

On Xvfb + openbox, the real app (``python -m ui``, temp QUICKREPLY_HOME) opens drills
with ``quickreply drill --text FILE`` and xdotool types a known Chinese text (Unicode
characters committed directly, as an input method commits them) and a known English text
at fixed rates, 90 and 300 characters per minute, some with a known number of deliberate,
uncorrected errors. The result is read from the history the app stored (drills.json).

xdotool's ``--delay`` is not the time per character (versions differ: some wait half of
it, and each character costs xdotool some work of its own); short calibration runs first
find the delay that gives each rate. The true rate is
what xdotool really delivered: the characters over the time it took to
type them (each character with its delay, so its own overhead included); the nominal
rate is printed beside it. Pass: measured net CPM within the tolerance of the true net
CPM (correct characters at the true rate), and accuracy and uncorrected errors exact.
Exit status 1 when any case is out.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.app_process import AppProcess
from tests.e2e.drill_typing import type_drill, with_errors
from tests.e2e.xserver import MISSING_TOOLS_HINT, XServer, start_xserver, tools_available

ZH_TEXT = "亲，您好，欢迎光临本店！请问您想了解哪一款宝贝呢？店里都是现货，下午四点前付款当天就能发出，请您放心。"
EN_TEXT = "Hi there, thanks for stopping by our shop! Orders paid before four in the afternoon leave today."


@dataclass(frozen=True)
class Case:
    language: str
    cpm: int
    length: int
    errors: list[int]  # positions of deliberate errors



# Short enough to keep the whole run under a minute; long enough for a 2% check (the
# clock is per character, fencepost-free: docs/typing-metrics.md).
CASES = [
    Case("zh", 90, 16, []),
    Case("zh", 300, 45, [5, 20]),
    Case("en", 90, 16, [3]),
    Case("en", 300, 45, []),
]


def delay_for(xserver: XServer, sample: str) -> Callable[[int], int]:
    """The ``xdotool type --delay`` that types ``sample``'s kind of characters at a given
    rate: two timed runs (into the root window, where nothing listens) fit the time per
    character as a·delay + b (b: xdotool's own work, e.g. remapping a key for a Chinese
    character)."""
    timings = []
    for delay in (20, 120):
        started = time.monotonic()
        subprocess.run(["xdotool", "type", "--delay", str(delay), sample], env=xserver.env, check=True, timeout=30)
        timings.append((time.monotonic() - started) / len(sample))
    slope = (timings[1] - timings[0]) / 100
    intercept = timings[0] - slope * 20
    return lambda cpm: max(round((60 / cpm - intercept) / slope), 1)


def run(tolerance: float) -> bool:
    xserver = start_xserver()
    ok = True
    try:
        delays = {"zh": delay_for(xserver, ZH_TEXT[:10]), "en": delay_for(xserver, EN_TEXT[:10])}
        with tempfile.TemporaryDirectory() as folder:
            home = Path(folder) / "home"
            app = AppProcess(xserver, home)
            try:
                print(f"{'case':<12} {'chars':>5} {'errors':>6} {'nominal':>8} {'true raw':>9} {'true net':>9} "
                      f"{'measured':>9} {'diff':>7} {'accuracy':>17}")
                for case in CASES:
                    ok &= run_case(app, Path(folder), case, tolerance, delays[case.language](case.cpm))
            finally:
                errors = app.stop()
                if "Traceback" in errors:
                    print(errors, file=sys.stderr)
                    ok = False
    finally:
        xserver.stop()
    return ok


def run_case(app: AppProcess, folder: Path, case: Case, tolerance: float, delay_ms: int) -> bool:
    text = (ZH_TEXT if case.language == "zh" else EN_TEXT)[:case.length]
    if len(text) != case.length:
        raise ValueError(f"the {case.language} text is shorter than {case.length} characters")
    text_file = folder / f"{case.language}-{case.cpm}.txt"
    text_file.write_text(text, encoding="utf-8")
    typed = with_errors(text, case.errors, "错" if case.language == "zh" else "#")
    drill = type_drill(app, text_file, typed, delay_ms)
    result = drill.result
    correct = case.length - len(case.errors)
    true_cpm = case.length / drill.typing_seconds * 60
    true_net = true_cpm * correct / case.length
    difference = result.net_cpm / true_net - 1
    accuracy = correct / case.length
    exact = (result.accuracy == accuracy and result.uncorrected_errors == len(case.errors)
             and result.characters == case.length)
    within = abs(difference) <= tolerance
    print(f"{case.language + ' @' + str(case.cpm):<12} {case.length:>5} {len(case.errors):>6} {case.cpm:>8} "
          f"{true_cpm:>9.1f} {true_net:>9.1f} {result.net_cpm:>9.1f} {difference:>+7.2%} "
          f"{result.accuracy:>7.2%} (={accuracy:.2%})"
          f"{'' if within and exact else '  OUT OF TOLERANCE' if not within else '  ACCURACY WRONG'}")
    return within and exact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tolerance", type=float, default=0.02, help="largest relative speed error (0.02 = 2%%)")
    args = parser.parse_args()
    if not tools_available():
        print(f"drill fidelity: FAILED: {MISSING_TOOLS_HINT}", file=sys.stderr)
        return 1
    started = time.monotonic()
    ok = run(args.tolerance)
    print(f"drill fidelity: {'ok' if ok else 'FAILED'} (tolerance {args.tolerance:.0%}, "
          f"{time.monotonic() - started:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
