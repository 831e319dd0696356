"""The import conflict policies."""

from __future__ import annotations

from assistant.phrases.merge import merge
from tests.unit.helpers import phrase

EXISTING = [phrase("old shipping", code="fh", id="p1"), phrase("old refund", code="tk", id="p2")]


def actions(result) -> list[str]:
    return [outcome.action for outcome in result.outcomes]


def test_skip_keeps_the_books_phrase() -> None:
    result = merge(EXISTING, [phrase("new shipping", code="fh")], [], "skip")
    assert actions(result) == ["skipped"] and result.phrases == EXISTING


def test_replace_keeps_the_id_so_use_counts_survive() -> None:
    result = merge(EXISTING, [phrase("new shipping", code="fh", id="other")], [], "replace")
    assert actions(result) == ["replaced"]
    assert (result.phrases[0].id, result.phrases[0].text) == ("p1", "new shipping")


def test_keep_both_gives_a_free_code() -> None:
    result = merge(EXISTING, [phrase("new", code="fh"), phrase("newer", code="fh")], [], "keep-both")
    assert actions(result) == ["kept-both", "kept-both"]
    assert [item.code for item in result.phrases] == ["fh", "tk", "fh-2", "fh-3"]
    assert len({item.id for item in result.phrases}) == 4


def test_match_by_id_and_identical_is_unchanged() -> None:
    result = merge(EXISTING, [phrase("old refund", code="tk", id="p2"), phrase("brand new")], ["row 2", "row 3"],
                   "replace")
    assert actions(result) == ["unchanged", "added"]
    assert result.outcomes[1].location == "row 3" and result.changed


def test_replace_never_creates_duplicate_codes() -> None:
    result = merge(EXISTING, [phrase("refund text", code="fh", id="p2")], [], "replace")
    assert sorted(item.code for item in result.phrases) == ["fh", "fh-2"]
