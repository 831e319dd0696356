"""A store of 50,000 phrases: how long the commands, the app's start and a picker
keystroke take.

    python bench/scale.py [--phrases 50000] [--rounds 3] [--no-app]

Builds a data folder (in a temporary folder) holding one book of generated replies,
most with text of their own (product names, order details), so that nothing is
shared between phrases that a real store would not share, then times, each in a new
process as an agent or a script meets it:

- ``quickreply books`` and ``quickreply search`` (each query): the first run, then
  ``--rounds`` more (the median); the first word query after the book came in makes the
  search's stored columns, which the runs after it read;
- the app's start on Xvfb (when Xvfb and openbox are there): from the process starting
  to "QuickReply is running.", and to its search index in place (made on a worker for a
  store this large), the first start and a second one;
- the picker's keystroke latency (bench/picker.py's measurement on the same folder).

Targets: search ≤ 1 s, app start ≤ 2 s, keystroke p95 ≤ 16 ms. The load average is
printed first: on a machine busy with other work every figure grows with it.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store

#: Common characters of shop talk, from which product names and details are drawn.
CHARACTERS = ("的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里"
              "后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两"
              "长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最"
              "间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼"
              "体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司"
              "利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论"
              "百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候"
              "七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双")
FRAGMENTS = ("亲，您好", "已经发货了", "预计三到五天送达", "请您耐心等待", "物流单号在订单详情里", "如需修改地址",
             "退款会在审核后原路退回", "尺码建议参考详情页", "我们会尽快为您处理", "感谢您的理解与支持")
ENGLISH = ("Hi there", "your order has shipped", "it usually arrives in 3 to 5 days", "tracking number",
           "we can change the address before shipping", "thanks for your patience", "sorry for the trouble")
QUERIES = ("fh", "fahuo", "发货", "tk", "ship", "delivry", "wl", "亲")


def build_phrases(count: int, seed: int = 11) -> list[Phrase]:
    """``count`` replies, seven in ten Chinese; each names a product of its own."""
    rng = random.Random(seed)
    phrases = []
    for index in range(count):
        product = "".join(rng.choice(CHARACTERS) for _ in range(rng.randint(3, 6)))
        if rng.random() < 0.7:
            text = f"{product}：" + "，".join(rng.sample(FRAGMENTS, rng.randint(2, 3)))
            group = rng.choice(FRAGMENTS)[:4]
        else:
            text = f"{product} {rng.randint(100, 999)}: " + ", ".join(rng.sample(ENGLISH, rng.randint(2, 3)))
            group = "English"
        code = "".join(rng.choice("abcdefghjklmnpqrstwxyz") for _ in range(2)) + str(index)
        phrases.append(Phrase(text=text, title=text[:12], group=group, code=code, id=f"p{index}",
                              tags=(product[:2],)))
    return phrases


def build_folder(home: Path, count: int) -> None:
    store = Store(home, seed=False)
    store.create_book(Phrasebook(name="Bench", id="bench"), build_phrases(count))


def run(home: Path, *args: str) -> tuple[float, float]:
    """Seconds for ``quickreply ARGS`` in a new process: wall clock, and CPU (user + system),
    which a machine busy with other work changes less."""
    env = {**os.environ, "QUICKREPLY_HOME": str(home), "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant", *args], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def time_command(home: Path, rounds: int, *args: str) -> str:
    first = run(home, *args)
    rest = [run(home, *args) for _ in range(rounds)]
    wall, cpu = statistics.median(wall for wall, _ in rest), statistics.median(cpu for _, cpu in rest)
    return (f"first {first[0]:.2f} s (CPU {first[1]:.2f}), then median {wall:.2f} s (CPU {cpu:.2f})")


def time_app_start(home: Path) -> str:
    """Process start → "QuickReply is running." on Xvfb, twice."""
    from tests.e2e.app_process import AppProcess
    from tests.e2e.xserver import start_xserver, tools_available

    if not tools_available():
        return "skipped (needs Xvfb, openbox and xdotool)"
    xserver = start_xserver()
    log = home / "logs" / "quickreply.log"
    try:
        times = []
        for _ in range(2):
            built_before = _built_count(log)
            started = time.perf_counter()
            app = AppProcess(xserver, home)
            running = time.perf_counter() - started
            # A large store's index is made on a worker once the app runs: when it is in place.
            while _built_count(log) == built_before and time.perf_counter() - started < 30:
                time.sleep(0.01)
            times.append((running, time.perf_counter() - started))
            app.stop()
        return ", ".join(f"{which} {running:.2f} s (search index in place at {built:.2f} s)"
                         for which, (running, built) in zip(("first", "second"), times, strict=True))
    finally:
        xserver.stop()


def _built_count(log: Path) -> int:
    """How many times the app's log says a search index made on a worker is in place."""
    try:
        return log.read_text(encoding="utf-8", errors="replace").count("phrases is in place")
    except FileNotFoundError:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-app", action="store_true", help="leave out the app's start and the picker")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="qr-scale-"))
    print("load average: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    try:
        started = time.perf_counter()
        build_folder(home, args.phrases)
        print(f"phrases: {args.phrases}  book file: {(home / 'books' / 'bench.json').stat().st_size / 1e6:.1f} MB  "
              f"built in {time.perf_counter() - started:.1f} s")
        # The first word query after the book came in analyses every phrase and keeps
        # the columns (assistant.phrases.search_snapshot); the rounds after it read them.
        for query in QUERIES:
            print(f"quickreply search {query}:  {time_command(home, args.rounds, 'search', query)}   (target ≤ 1 s)")
        print(f"quickreply books:      {time_command(home, args.rounds, 'books')}")
        if not args.no_app:
            print(f"app start:             {time_app_start(home)}   (target ≤ 2 s)")
            subprocess.run([sys.executable, str(ROOT / "bench" / "picker.py"), "--home", str(home)], check=True)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
