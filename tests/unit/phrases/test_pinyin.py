"""The pinyin cache: remembered between runs, pypinyin only for unseen text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from assistant.phrases.pinyin import PinyinCache
from tests.unit.helpers import ROOT


def test_syllables_are_computed_once_and_saved(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "pinyin.json"
    cache = PinyinCache(path)
    assert cache.syllables("重新发货") == ("chong", "xin", "fa", "huo")
    cache.save()
    assert json.loads(path.read_text("utf-8"))["runs"]["重新发货"] == "chong xin fa huo"
    assert PinyinCache(path).syllables("重新发货") == ("chong", "xin", "fa", "huo")


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "pinyin.json"
    path.write_text('{"version": 1, "runs": {"发货": "only-one"}}', "utf-8")
    assert PinyinCache(path).syllables("发货") == ("fa", "huo")
    path.write_text("not json", "utf-8")
    assert PinyinCache(path).syllables("退款") == ("tui", "kuan")


def test_queries_are_read_from_known_characters_without_loading_pypinyin(tmp_path: Path) -> None:
    path = tmp_path / "pinyin.json"
    warm = PinyinCache(path)
    warm.syllables("已经发货了")
    warm.save()
    code = ("import sys; from pathlib import Path; from assistant.phrases.pinyin import PinyinCache; "
            f"c = PinyinCache(Path({str(path)!r})); print(c.syllables('货', guess=True)); "
            "print('pypinyin' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split("\n")[:2] == ["('huo',)", "False"]
