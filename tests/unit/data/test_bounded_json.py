"""The one reader for JSON from outside: bounded numbers, valid text, capped size; and its
number check under the data folder's own bound."""

from __future__ import annotations

import pytest

from assistant.data import bounded_json
from assistant.data.bounded_json import MAX_SAFE_INTEGER, load_json
from assistant.data.documents import CorruptFile, parse_json
from assistant.errors import BadInput


def _refused(text: str) -> BadInput:
    with pytest.raises(BadInput) as error:
        load_json(text, "in.json")
    assert "\n" not in str(error.value) and str(error.value).startswith("in.json")
    return error.value


def test_ordinary_documents_read_as_json_loads_reads_them():
    text = '{"a": [1, -2.5, 1e3, true, null, "亲😀", "\\ud83d\\ude00"], "b": {"c": 9007199254740992}}'
    assert load_json(text, "x") == {"a": [1, -2.5, 1000.0, True, None, "亲😀", "😀"], "b": {"c": MAX_SAFE_INTEGER}}


@pytest.mark.parametrize(("text", "where", "message"), [
    ('{"revision": ' + "9" * 5000 + "}", "revision", "out of range (at most ±2^53)"),
    ('{"a": [0, 9007199254740993]}', "a[1]", "the number 9007199254740993 is out of range"),
    ('{"a": -9007199254740993}', "a", "out of range"),
    ('{"a": {"b": 1e999}}', "a.b", "the number 1e999 is out of range"),
    ('{"a": NaN}', "a", "NaN is not a number JSON allows"),
    ('[Infinity]', "[0]", "Infinity is not a number JSON allows"),
    ('{"a": [-Infinity]}', "a[0]", "-Infinity is not a number JSON allows"),
    ('{"phrases": [{"text": "\\ud800"}]}', "phrases[0].text", "lone surrogate"),
    ('{"phrases": [{"\\udfff": "x"}]}', "phrases[0]", "lone surrogate"),
])
def test_numbers_out_of_range_and_lone_surrogates_are_refused_with_their_json_path(text, where, message):
    error = _refused(text)
    assert error.where == where and message in error.message


def test_syntax_errors_name_the_line_and_column():
    error = _refused('{\n  "a": 1,\n  oops\n}')
    assert error.where == "line 3, column 3" and error.message.startswith("not valid JSON")


def test_nesting_deeper_than_the_limit_is_refused_without_recursion():
    depth = bounded_json.MAX_DEPTH + 1
    error = _refused("[" * depth + "]" * depth)
    assert "nested too deeply" in error.message
    assert load_json("[" * (depth - 1) + "]" * (depth - 1), "x") is not None
    assert "nested too deeply" in _refused("[" * 100_000 + "]" * 100_000).message


def test_the_number_of_values_is_capped_before_parsing(monkeypatch):
    monkeypatch.setattr(bounded_json, "MAX_OBJECTS", 2)
    assert "too many values" in _refused('[{}, {}, {}]').message
    assert load_json("[1, 2, 3]", "x", max_values=4) == [1, 2, 3]
    with pytest.raises(BadInput, match="too many values"):
        load_json("[1, 2, 3, 4]", "x", max_values=4)


@pytest.mark.parametrize(("text", "message"), [
    ("9223372036854775808", "the number 9223372036854775808 is out of range (at most ±2^63-1)"),
    ("-" + "9" * 5000, "out of range (at most ±2^63-1)"),
    ("[1e999]", "the number 1e999 is out of range"),
    ('{"a": NaN}', "NaN is not a number JSON allows"),
])
def test_the_data_folders_files_share_the_number_check_under_their_own_bound(tmp_path, text, message):
    """Their integers may take 64 bits (a file time in nanoseconds); the rest is the same."""
    assert parse_json(tmp_path / "x.json", b'{"mtime_ns": 9223372036854775807}') == {"mtime_ns": 2**63 - 1}
    with pytest.raises(CorruptFile) as error:
        parse_json(tmp_path / "x.json", text.encode())
    assert message in str(error.value) and "\n" not in str(error.value)
