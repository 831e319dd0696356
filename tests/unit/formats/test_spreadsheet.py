"""The one guard every spreadsheet cell we write goes through."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assistant.formats.spreadsheet import FORMULA_STARTS, csv_text, guard, unguard

_LEADING = st.sampled_from(["", "'", "''", "=", "+", "-", "@", "\t", "\r", "'=", "a"])


@given(head=_LEADING, rest=st.text())
def test_guard_never_starts_with_a_formula_character_and_unguard_undoes_it(head, rest):
    value = head + rest
    assert not guard(value).startswith(FORMULA_STARTS)
    assert unguard(guard(value)) == value


def test_the_issues_examples_are_marked_and_plain_text_is_not():
    assert guard("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    assert [guard(v) for v in ("+1", "-2+3", "@SUM(1)", "\tx", "\rx")] == ["'+1", "'-2+3", "'@SUM(1)", "'\tx", "'\rx"]
    assert [guard(v) for v in ("您好", "'0123", "", 5, -1.5)] == ["您好", "'0123", "", 5, -1.5]


def test_csv_text_guards_every_cell_and_keeps_numbers():
    assert csv_text([["=1", -3, "ok"]]) == "'=1,-3,ok\r\n"
    assert csv_text([["=1", "b"]], delimiter="\t") == "'=1\tb\r\n"
