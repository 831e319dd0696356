"""``quickreply`` commands on the phrase store: books, list, search, import, export,
lint, backup and restore."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from assistant.cli.common import EXIT_BAD_INPUT, EXIT_OK, Commands, book_or_file, json_flag, print_json
from assistant.formats import format_names, read_phrasebook
from assistant.i18n import N_, tr
from assistant.phrases.lint import lint_phrases
from assistant.phrases.merge import POLICIES
from assistant.phrases.model import Phrase
from assistant.phrases.search_snapshot import search_store
from assistant.phrases.store import ImportReport, Store
from assistant.settings import load_settings


def register(commands: Commands) -> None:
    json_flag(commands.add("books", tr("list the phrasebooks"), _books))

    listing = commands.add("list", tr("list phrases"), _list)
    listing.add_argument("--book", help=tr("only this book (id or name)"))
    listing.add_argument("--group", help=tr("only this group"))
    json_flag(listing)

    searching = commands.add("search", tr("search phrases as the picker does (codes, pinyin, fuzzy)"), _search)
    searching.add_argument("query", help=tr("what to look for, e.g. fh or 发货"))
    searching.add_argument("--limit", type=int, default=10, help=tr("how many results (default 10)"))
    searching.add_argument("--book", help=tr("only this book (id or name)"))
    json_flag(searching)

    importing = commands.add("import", tr("import a phrasebook file (all or nothing)"), _import)
    importing.add_argument("file", type=Path, help=tr("the file to import"))
    importing.add_argument("--book", help=tr("the book to import into (created if new)"))
    importing.add_argument("--format", default="auto", choices=["auto", *format_names()],
                           help=tr("file format (default: by extension and content)"))
    importing.add_argument("--on-conflict", default="skip", choices=POLICIES,
                           help=tr("when a phrase has the same id or short code as one in the book "
                                   "(default: skip)"))
    importing.add_argument("--dry-run", action="store_true", help=tr("show what would change, change nothing"))
    json_flag(importing)

    exporting = commands.add("export", tr("export a phrasebook to a file"), _export)
    exporting.add_argument("book", help=tr("book id or name"))
    exporting.add_argument("file", type=Path, help=tr("the file to write"))
    exporting.add_argument("--format", default="auto", choices=["auto", *format_names(writable_only=True)],
                           help=tr("file format (default: by extension)"))

    linting = commands.add("lint", tr("check replies against the trade's rules"), _lint)
    linting.add_argument("target", help=tr("a phrasebook file, or a book id or name"))
    linting.add_argument("--max-length", type=int, help=tr("longest chat message before a warning"))
    json_flag(linting)

    backing_up = commands.add("backup", tr("take a backup now, or list backups"), _backup)
    backing_up.add_argument("--list", action="store_true", help=tr("list the backups instead"))
    json_flag(backing_up)

    restoring = commands.add("restore", tr("put a backup back (the current state is backed up first)"), _restore)
    restoring.add_argument("name", nargs="?", help=tr("backup name (default: the newest)"))


def _phrase_dict(phrase: Phrase) -> dict:
    data = asdict(phrase)
    data["tags"] = list(phrase.tags)
    return data


def _print_phrases(phrases: list[Phrase], as_json: bool) -> None:
    if as_json:
        print_json([_phrase_dict(phrase) for phrase in phrases])
        return
    for phrase in phrases:
        first_line = phrase.text.split("\n", 1)[0]
        code = f"[{phrase.code}] " if phrase.code else ""
        print(f"{code}{phrase.title}  ({phrase.group or '-'})\n    {first_line}")


def _books(store: Store, args: argparse.Namespace) -> int:
    rows = [{**asdict(book), "phrases": store.phrase_count(book.id)} for book in store.books()]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            lock = " 🔒" if row["read_only"] else ""
            print(tr("{name}{lock}  id={id}  {count} phrases  rev {revision}",
                     name=row["name"], lock=lock, id=row["id"], count=row["phrases"], revision=row["revision"]))
    return EXIT_OK


def _list(store: Store, args: argparse.Namespace) -> int:
    book_id = store.book(args.book).id if args.book else None
    _print_phrases(store.phrases(book_id, args.group), args.json)
    return EXIT_OK


def _search(store: Store, args: argparse.Namespace) -> int:
    book_id = store.book(args.book).id if args.book else None
    results = search_store(store, args.query, max(args.limit, 1), book_id)
    _print_phrases(results, args.json)
    return EXIT_OK


def _import(store: Store, args: argparse.Namespace) -> int:
    imported = read_phrasebook(args.file, args.format)
    report = store.import_book(imported, book=args.book, default_name=args.file.stem,
                               policy=args.on_conflict, dry_run=args.dry_run)
    if args.json:
        print_json(_report_dict(report))
    else:
        _print_report(report)
    return EXIT_OK


def _report_dict(report: ImportReport) -> dict:
    return {
        "book": asdict(report.book),
        "created_book": report.created_book,
        "dry_run": report.dry_run,
        "backup": report.backup,
        "counts": {action: report.merge.count(action)
                   for action in ("added", "replaced", "skipped", "kept-both", "unchanged")},
        "phrases": [asdict(outcome) for outcome in report.merge.outcomes],
        "warnings": report.warnings,
    }


_ACTION_LABELS = {
    "added": N_("added"), "replaced": N_("replaced"), "skipped": N_("skipped (exists)"),
    "kept-both": N_("kept both"), "unchanged": N_("unchanged"),
}
_SEVERITY_LABELS = {"error": N_("error"), "warning": N_("warning")}


def _print_report(report: ImportReport) -> None:
    for warning in report.warnings:
        print(tr("warning: {message}", message=warning), file=sys.stderr)
    for outcome in report.merge.outcomes:
        if outcome.action != "added":
            detail = f" ← {outcome.detail}" if outcome.detail else ""
            print(f"  {outcome.location}: {tr(_ACTION_LABELS[outcome.action])}  "
                  f"[{outcome.code or '-'}] {outcome.title}{detail}")
    counts = {action: report.merge.count(action) for action in _ACTION_LABELS}
    summary = tr("{added} added, {replaced} replaced, {skipped} skipped, {both} kept both, {same} unchanged",
                 added=counts["added"], replaced=counts["replaced"], skipped=counts["skipped"],
                 both=counts["kept-both"], same=counts["unchanged"])
    where = tr("new book {name!r}", name=report.book.name) if report.created_book else \
        tr("book {name!r}", name=report.book.name)
    if report.dry_run:
        print(tr("Dry run, nothing changed. Would import into {where}: {summary}", where=where, summary=summary))
    else:
        print(tr("Imported into {where}: {summary}", where=where, summary=summary))


def _export(store: Store, args: argparse.Namespace) -> int:
    book = store.book(args.book)
    used = store.export_book(book.id, args.file, args.format)
    print(tr("Exported {count} phrases of {name!r} to {file} ({format})",
             count=store.phrase_count(book.id), name=book.name, file=args.file, format=used))
    return EXIT_OK


def _lint(store: Store, args: argparse.Namespace) -> int:
    max_length = args.max_length or load_settings(store.folder).lint_max_length
    named = book_or_file(store, args.target)
    if isinstance(named, Path):
        imported = read_phrasebook(named, check_codes=False)
        findings = lint_phrases(imported.phrases, max_length=max_length, locations=imported.locations)
        source = str(named)
    else:
        findings = lint_phrases(store.phrases(named.id, with_usage=False), max_length=max_length)
        source = named.name
    if args.json:
        print_json([finding.to_dict() for finding in findings])
    else:
        for finding in findings:
            where = finding.location or f"[{finding.code or '-'}] {finding.title}"
            print(f"{source}: {where}: {tr(_SEVERITY_LABELS[finding.severity])}: {finding.message} ({finding.rule})")
        errors = sum(1 for finding in findings if finding.severity == "error")
        print(tr("{total} findings ({errors} errors)", total=len(findings), errors=errors) if findings
              else tr("No findings: the replies follow the rules."))
    return EXIT_BAD_INPUT if findings else EXIT_OK


def _backup(store: Store, args: argparse.Namespace) -> int:
    from assistant.data.backups import snapshots

    if args.list:
        names = [entry.name for entry in snapshots(store.home)]
        if args.json:
            print_json(names)
        else:
            print("\n".join(names) if names else tr("No backups yet."))
        return EXIT_OK
    made = store.backup("manual")
    if args.json:
        print_json({"backup": made.name if made else None})
    else:
        print(tr("Backup taken: {name}", name=made.name) if made else tr("Nothing to back up yet."))
    return EXIT_OK


def _restore(store: Store, args: argparse.Namespace) -> int:
    source = store.restore(args.name)
    print(tr("Restored the backup {name} (the previous state was backed up first).", name=source.name))
    return EXIT_OK
