"""Exporting a shipped book to a spreadsheet and importing the file back into the same
book changes nothing: every phrase is reported unchanged, "send as separate messages"
ones included (they used to come back as plain replies and count as changed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli.main import main
from tests.unit.helpers import ROOT

SHIPPED = sorted(json.loads(path.read_text("utf-8"))["book"]["id"] for path in (ROOT / "phrasebooks").glob("*.json"))


def quickreply(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("book", SHIPPED)
def test_export_then_dry_run_import_reports_every_phrase_unchanged(capsys, tmp_path: Path, book: str,
                                                                   suffix: str) -> None:
    phrases = json.loads(quickreply(capsys, "list", "--book", book, "--json"))
    path = tmp_path / f"{book}{suffix}"
    quickreply(capsys, "export", book, str(path))
    report = json.loads(quickreply(capsys, "import", str(path), "--book", book, "--dry-run", "--json"))
    assert {outcome["action"] for outcome in report["phrases"]} == {"unchanged"}
    assert report["counts"]["unchanged"] == len(phrases) > 0


def test_the_chinese_book_has_replies_sent_as_separate_messages(capsys) -> None:
    """The round trip above covers the field only while a shipped book uses it."""
    phrases = json.loads(quickreply(capsys, "list", "--book", "zh-ecommerce", "--json"))
    assert sum(phrase["separate_messages"] for phrase in phrases) == 4
