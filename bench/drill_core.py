"""The drill measurement alone (no Qt, no X server): simulated typists at exact rates.

    python bench/drill_core.py [--trials 50] [--jitter-ms 10]

Each trial types a shipped text (Chinese 120 and 200 characters, English 150) at 90
and 300 characters per minute, every key press shifted by up to ±jitter and every
commit arriving 1–30 ms after its key, as an input box on a busy desktop reports them;
then the same text through full pinyin at 4 and 7 keys per second. Prints the worst
relative error of net CPM over the trials (the target is 2%), and the accuracy
measured with 3 deliberate errors against the exact (N-3)/N. The end-to-end check on
Xvfb with xdotool is separate; this one isolates the arithmetic.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.drills.session import DrillSession, DrillText, ideal_keystrokes
from assistant.drills.texts import timed_text


def _session(text: str, language: str) -> DrillSession:
    return DrillSession(DrillText("custom:bench", "bench", text, language, "custom"))


def direct(text: str, language: str, cpm: float, jitter: float, rng: random.Random, wrong: set[int]) -> tuple:
    session = _session(text, language)
    typed = ""
    for index, char in enumerate(text):
        moment = index * 60 / cpm + rng.uniform(-jitter, jitter)
        session.key_pressed(moment)
        typed += "错" if index in wrong else char
        session.typed_changed(typed, moment + rng.uniform(0.001, 0.03))
    result = session.finish(1e9)
    return result.net_cpm, result.accuracy


def pinyin(text: str, keys_per_second: float, jitter: float, rng: random.Random) -> tuple[float, float]:
    session = _session(text, "zh")
    typed, keys = "", 0
    for char, count in zip(text, ideal_keystrokes(text), strict=True):
        for _ in range(count):
            moment = keys / keys_per_second + rng.uniform(-jitter, jitter)
            session.key_pressed(moment)
            keys += 1
        typed += char
        session.typed_changed(typed, moment + rng.uniform(0.001, 0.03))
    return session.finish(1e9).net_cpm, len(text) * 60 * keys_per_second / keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--jitter-ms", type=float, default=10.0)
    args = parser.parse_args()
    rng = random.Random(5)
    jitter = args.jitter_ms / 1000
    for language, size in (("zh", 120), ("zh", 200), ("en", 150)):
        text = timed_text(language, 1, seed=1).text[:size]
        for cpm in (90, 300):
            worst = max(abs(direct(text, language, cpm, jitter, rng, set())[0] / cpm - 1) for _ in range(args.trials))
            _, accuracy = direct(text, language, cpm, jitter, rng, {10, 50, 90})
            exact = (size - 3) / size
            verdict = "equal" if accuracy == exact else "DIFFERENT"
            print(f"direct {language} N={size} {cpm:>3} CPM: worst net CPM error {worst:.3%}; "
                  f"accuracy with 3 errors {accuracy:.6f} (exact {exact:.6f}: {verdict})")
    text = timed_text("zh", 1, seed=1).text[:150]
    for keys_per_second in (4.0, 7.0):
        errors = []
        for _ in range(args.trials):
            measured, true = pinyin(text, keys_per_second, jitter, rng)
            errors.append(abs(measured / true - 1))
        print(f"pinyin zh N=150 {keys_per_second:.0f} keys/s ({true:.1f} CPM): worst net CPM error {max(errors):.3%}")


if __name__ == "__main__":
    main()
