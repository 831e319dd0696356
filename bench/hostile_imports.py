"""Hostile imports: every file of tests/hostile_files.py through ``quickreply import``.

    python bench/hostile_imports.py [--only NAME ...] [--keep DIR]

Builds each file (20 MB hostile ones, and files at the caps), then runs
``/usr/bin/time -v python -m assistant import FILE`` on a fresh data folder (a real
import for the files at the caps, ``--dry-run`` would skip the write) and prints the
wall-clock seconds, the peak resident memory, the exit status and the first line the
command printed. The goal: every file accepted or refused in under 10 s and 300 MB.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_files import AT_THE_CAPS, HOSTILE


def measure(path: Path, home: Path) -> tuple[float, int, int, str]:
    """Seconds, peak RSS in MB, exit status and the first line of output."""
    env = {**os.environ, "QUICKREPLY_HOME": str(home), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "assistant", "import", str(path)],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    stats = done.stderr
    seconds = _elapsed(re.search(r"Elapsed \(wall clock\) time.*: (\S+)", stats)[1])
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", stats)[1]) // 1024
    said = [line for line in stats.split("\tCommand being timed")[0].splitlines()
            if line and not line.startswith("Command exited")] or done.stdout.strip().splitlines()
    return seconds, peak, done.returncode, (said[-1] if said else "")[:110]


def _elapsed(text: str) -> float:
    seconds = 0.0
    for part in text.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="builder names (default: all)")
    parser.add_argument("--keep", type=Path, help="build the files here and keep them")
    args = parser.parse_args()
    builders = {**HOSTILE, **AT_THE_CAPS}
    names = args.only or list(builders)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'file':28} {'MB':>5} {'s':>6} {'peak MB':>8} {'exit':>4}  output")
        for name in names:
            path = builders[name](folder)
            with tempfile.TemporaryDirectory() as home:
                seconds, peak, status, said = measure(path, Path(home))
            size = path.stat().st_size / 1e6
            print(f"{name:28} {size:5.1f} {seconds:6.2f} {peak:8d} {status:>4}  {said}", flush=True)
            if args.keep is None:
                path.unlink()


if __name__ == "__main__":
    main()
