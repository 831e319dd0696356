"""Pinyin and the search cache: learnt from phrases only, never from queries; pypinyin
only for text never seen."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from assistant.phrases.pinyin import PinyinCache
from assistant.phrases.search import SearchIndex
from assistant.phrases.search_cache import CACHE_FILE, OLD_CACHE_FILE, SearchCache
from tests.unit.helpers import ROOT, phrase

#: What an agent might type into the picker: a buyer's name and address.
QUERY = "王秀英 杭州市西湖区文三街"


def test_phrases_teach_their_characters_and_queries_teach_nothing() -> None:
    pinyin = PinyinCache()
    assert pinyin.syllables("重新发货") == ("chong", "xin", "fa", "huo")
    assert pinyin.chars["重"] == "chong"
    assert pinyin.syllables("王秀英", guess=True) == ("wang", "xiu", "ying")
    assert pinyin.syllables("发货", guess=True) == ("fa", "huo")
    assert not {"王", "秀", "英"} & pinyin.chars.keys()


def test_forms_are_saved_by_digest_and_reused(tmp_path: Path) -> None:
    items = [phrase("亲，已经发货了", code="fh", title="发货", id="1"), phrase("Refund sent", code="tk", id="2")]
    SearchIndex(items, SearchCache.of(tmp_path))
    saved = json.loads((tmp_path / CACHE_FILE).read_bytes())
    assert len(saved["phrases"]) == 2 and saved["chars"]["货"] == "huo"
    cache = SearchCache.of(tmp_path)
    assert SearchIndex(items, cache).search("fahuo")[0].code == "fh"
    # Nothing was computed again, so nothing is written again.
    assert not cache._changed


def test_a_query_never_reaches_the_cache_file(tmp_path: Path) -> None:
    index = SearchIndex([phrase("亲，已经发货了", code="fh", id="1")], SearchCache.of(tmp_path))
    for end in range(1, len(QUERY) + 1):
        index.search(QUERY[:end])
    index.update([phrase("亲，已经发货了", code="fh", id="1"), phrase("退款已原路退回", code="tk", id="2")])
    written = (tmp_path / CACHE_FILE).read_text("utf-8")
    assert "退" in written
    assert not set(QUERY.replace(" ", "")) & set(written)


def test_forms_of_deleted_phrases_leave_the_cache(tmp_path: Path) -> None:
    index = SearchIndex([phrase("亲，已经发货了", id="1"), phrase("退款已原路退回", id="2")], SearchCache.of(tmp_path))
    index.update([phrase("亲，已经发货了", id="1")])
    assert len(json.loads((tmp_path / CACHE_FILE).read_bytes())["phrases"]) == 1


def test_a_damaged_cache_is_rebuilt_and_the_old_cache_is_deleted(tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / CACHE_FILE).write_text('{"version": 2, "chars": {"发": 3}, "phrases": []}', "utf-8")
    (tmp_path / OLD_CACHE_FILE).write_text('{"version": 1, "runs": {"王秀英": "wang xiu ying"}}', "utf-8")
    index = SearchIndex([phrase("亲，已经发货了", code="fh", id="1")], SearchCache.of(tmp_path))
    assert index.search("fh")[0].code == "fh"
    assert not (tmp_path / OLD_CACHE_FILE).exists()
    assert json.loads((tmp_path / CACHE_FILE).read_bytes())["chars"]["发"] == "fa"


def test_queries_are_read_from_known_characters_without_loading_pypinyin(tmp_path: Path) -> None:
    SearchIndex([phrase("已经发货了", id="1")], SearchCache.of(tmp_path))
    code = ("import sys; from pathlib import Path; from assistant.phrases.search_cache import SearchCache; "
            f"c = SearchCache.of(Path({str(tmp_path)!r})); print(c.pinyin.syllables('货', guess=True)); "
            "print('pypinyin' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split("\n")[:2] == ["('huo',)", "False"]
