"""Edit-time checks: a draft phrase against its book and the app's hotkeys."""

from __future__ import annotations

from assistant.phrases.drafts import app_hotkeys, hotkey_clash, lint_draft
from assistant.settings import Settings
from tests.unit.helpers import phrase

APP = app_hotkeys(Settings())


def test_lint_draft_reports_only_the_draft_and_finds_duplicate_codes_in_the_book() -> None:
    book = [phrase("这款保证不掉色", code="a"), phrase("发货了", code="fh")]
    draft = phrase("好的，马上为您发货", code="fh")
    assert [finding.rule for finding in lint_draft(draft, book)] == ["duplicate-code"]


def test_lint_draft_ignores_the_drafts_own_saved_copy() -> None:
    saved = phrase("发货了", code="fh")
    draft = saved.with_changes(text="已为您发货")
    assert lint_draft(draft, [saved]) == []


def test_lint_draft_passes_the_length_limit() -> None:
    assert [f.rule for f in lint_draft(phrase("很" * 30), [], max_length=10)] == ["too-long"]


def test_no_hotkey_no_clash() -> None:
    assert hotkey_clash(phrase("x"), [], APP) is None
    assert hotkey_clash(phrase("x", hotkey="ctrl+alt+1"), [phrase("y", hotkey="ctrl+alt+2")], APP) is None


def test_app_hotkeys_clash_in_any_spelling() -> None:
    clash = hotkey_clash(phrase("x", hotkey="Alt+Ctrl+Q"), [], APP)
    assert (clash.kind, clash.detail) == ("app", "picker")


def test_another_phrase_in_any_book_clashes_but_not_the_drafts_saved_copy() -> None:
    saved = phrase("x", hotkey="ctrl+alt+1", book_id="b1")
    other = phrase("y", title="Other", hotkey="ctrl+alt+1", book_id="b2")
    assert hotkey_clash(saved.with_changes(text="z"), [saved], APP) is None
    clash = hotkey_clash(saved, [saved, other], APP)
    assert (clash.kind, clash.detail, clash.phrase) == ("phrase", "Other", other)


def test_reserved_and_invalid_chords() -> None:
    reserved = hotkey_clash(phrase("x", hotkey="ctrl+space"), [], APP)
    assert reserved.kind == "reserved" and "input method" in reserved.detail
    assert hotkey_clash(phrase("x", hotkey="ctrl+wat"), [], APP).kind == "invalid"


def test_unparsable_hotkeys_elsewhere_are_ignored() -> None:
    assert hotkey_clash(phrase("x", hotkey="ctrl+alt+1"), [phrase("y", hotkey="nonsense+1")],
                        {"picker": ""}) is None
