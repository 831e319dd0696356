"""Every finished drill, kept in ``drills.json`` in the data folder.

A TinyDB-format file (table "drills", one document per ``DrillResult.to_dict()``),
written only in a transaction of the data folder (``assistant.data.folder``), like every
data file: the drill window and a ``quickreply drills`` in a terminal never lose each
other's record, and a crash leaves the old or the new file. The file is part of the
backups, and a damaged one is dealt with as every data file is (one notice says how);
a single record this version cannot read is left in the file and skipped.

What the trainee typed is never stored: a result holds figures and, per target
character, how often it was typed, missed and how fast.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from assistant.data.folder import DataFolder
from assistant.drills.session import DETAIL_FIELDS, DrillResult
from assistant.errors import QuickReplyError
from assistant.formats.spreadsheet import csv_text, write_csv_text
from assistant.i18n import tr

FILE_NAME = "drills.json"
TABLE = "drills"
#: The CSV for the team lead: every figure but the per-character and per-word tables;
#: ``pauses`` is their number and ``pause_seconds`` their total length.
CSV_COLUMNS = tuple(column for name in DrillResult.__dataclass_fields__ if name not in DETAIL_FIELDS
                    for column in ((name, "pause_seconds") if name == "pauses" else (name,)))

log = logging.getLogger(__name__)


def read_results(folder: DataFolder) -> tuple[list[DrillResult], int]:
    """The stored drills, oldest first, and how many records could not be read; no
    file is no drill. Reads only: a damaged file raises ``CorruptFile`` and stays where
    it is (looking at figures must never move a file)."""
    table = (folder.look(FILE_NAME) or {}).get(TABLE, {})
    found: list[tuple[str, int, DrillResult]] = []
    skipped = 0
    for key, record in table.items():
        try:
            result = DrillResult.from_dict(record)
        except QuickReplyError as error:
            log.warning("drill record %s skipped: %s", key, error)
            skipped += 1
            continue
        found.append((result.finished, int(key) if key.isdigit() else 0, result))
    return [result for *_, result in sorted(found, key=lambda item: item[:2])], skipped


class DrillHistory:
    """The drills in the data folder's ``drills.json``; see the module docstring."""

    def __init__(self, folder: DataFolder) -> None:
        self.folder = folder
        self.path = folder.path(FILE_NAME)
        self.notices: list[str] = []
        folder.read(FILE_NAME, self.notices)  # a damaged history must not stop the next drill from being saved

    def add(self, result: DrillResult) -> None:
        """Store one drill: the whole file read and replaced in one atomic write (TinyDB's
        own insert remembers the next id between calls, which another process's insert
        makes stale)."""
        with self.folder.transaction() as change:
            data = change.read(FILE_NAME) or {}
            table = data.setdefault(TABLE, {})
            next_id = max((int(key) for key in table if key.isdigit()), default=0) + 1
            table[str(next_id)] = result.to_dict()
            change.write(FILE_NAME, data)

    def results(self) -> list[DrillResult]:
        """Oldest first; a record that cannot be read is skipped with a notice."""
        results, skipped = read_results(self.folder)
        if skipped:
            notice = tr("{count} drill records in {file} could not be read and were skipped",
                        count=skipped, file=self.path)
            if notice not in self.notices:
                self.notices.append(notice)
        return results

    def export_csv(self, path: Path, *, language: str | None = None) -> None:
        """One row per drill (only ``language``'s when given), oldest first, for a
        spreadsheet (see ``CSV_COLUMNS``)."""
        write_csv_text(path, drills_csv([result.to_dict() for result in self.results()
                                         if language in (None, result.language)]))


def drills_csv(records: list[dict[str, Any]], *, header: bool = True) -> str:
    """Drill records (``to_dict()``, with or without the ``DETAIL_FIELDS``) as CSV rows, figures
    to 4 decimal places at most."""
    rows: list[list[Any]] = [list(CSV_COLUMNS)] if header else []
    for record in records:
        pauses = record.get("pauses") or []
        row = {**record, "pauses": len(pauses),
               "pause_seconds": round(sum(pause.get("seconds", 0) for pause in pauses), 1)}
        rows.append([_csv_value(row.get(column)) for column in CSV_COLUMNS])
    return csv_text(rows)


def _csv_value(value: Any) -> Any:
    """Blank for "none" (wpm of a Chinese drill); accuracy's exact fraction to 4 places."""
    if value is None:
        return ""
    return round(value, 4) if isinstance(value, float) else value
