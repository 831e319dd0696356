"""Settings saves racing another process opening the data folder, with real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.data.folder import DataFolder
from assistant.phrases.store import Store
from assistant.settings import Settings, load_settings, save_settings
from tests.unit.helpers import ROOT

SAVES = 3000
OPENER = """
import sys
from pathlib import Path
from assistant.phrases.store import Store
stop, opens = Path(sys.argv[1]), 0
print("ready", flush=True)
while opens < 3000 or not stop.exists():
    Store(seed=False)
    opens += 1
print(opens)
"""


@pytest.mark.slow
def test_settings_saves_racing_store_opens_in_another_process_are_never_lost(isolated_home: Path,
                                                                            tmp_path: Path) -> None:
    Store(isolated_home, seed=False)
    folder = DataFolder(isolated_home)
    stop = tmp_path / "stop"
    env = {**os.environ, "QUICKREPLY_HOME": str(isolated_home), "PYTHONPATH": str(ROOT)}
    opener = subprocess.Popen([sys.executable, "-c", OPENER, str(stop)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert opener.stdout is not None and opener.stdout.readline().strip() == "ready"
    lost = []
    try:
        for number in range(SAVES):
            name = f"agent {number}"
            try:
                save_settings(folder, Settings(agent_name=name))
            except OSError as error:  # the save's temporary swept away under it
                lost.append((number, str(error)))
                continue
            if load_settings(folder).agent_name != name:
                lost.append((number, "not on disk"))
    finally:
        stop.touch()
        out, err = opener.communicate(timeout=120)
    assert opener.returncode == 0, err
    assert int(out) >= 3000, "the other process kept opening the folder the whole time"
    assert lost == []
    assert load_settings(folder).agent_name == f"agent {SAVES - 1}"
