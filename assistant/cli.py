"""The ``quickreply`` command.

Alone it starts the app; with a subcommand it works on the phrase store from a shell
or a script. Exit status: 0 ok, 1 bad input (one line on stderr, never a traceback),
2 usage. ``--json`` on every listing prints machine-readable output.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path

from assistant import __version__, publication, subscriptions
from assistant.drills.history import DrillHistory
from assistant.drills.session import LANGUAGES, TIME_FORMAT, DrillResult
from assistant.drills.texts import text_from_file
from assistant.errors import QuickReplyError
from assistant.formats import format_names, read_phrasebook
from assistant.i18n import N_, set_language, tr
from assistant.instance import instance_address, send_command
from assistant.lint import lint_phrases
from assistant.logs import setup_logging
from assistant.merge import POLICIES
from assistant.model import Phrase
from assistant.paths import data_dir
from assistant.search import SearchIndex
from assistant.settings import Settings, load_settings
from assistant.stats import MAX_DAYS, compute_stats, export_format, export_stats
from assistant.store import ImportReport, Store

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
#: The lengths of a timed drill, in minutes (the drill window offers the same).
DRILL_MINUTES = (1, 3, 5)
log = logging.getLogger(__name__)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix if prefix is not None else tr("usage: "))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quickreply", formatter_class=_Formatter,
        description=tr("QuickReply: prepared replies for customer-service chat, and typing practice."),
        epilog=tr("Without a command, starts the app. Data folder: QUICKREPLY_HOME or the system's "
                  "per-user data folder."))
    _localise_titles(parser)
    parser.add_argument("--version", action="version", version=f"QuickReply {__version__}",
                        help=tr("show the version and exit"))
    parser.add_argument("--self-test", action="store_true",
                        help=tr("start the app offscreen in a temporary data folder, open every window, "
                                "and exit: 0 when everything works"))
    commands = parser.add_subparsers(dest="command", metavar=tr("COMMAND"), title=tr("commands"))

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, formatter_class=_Formatter)
        _localise_titles(sub)
        return sub

    def json_flag(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--json", action="store_true", help=tr("print JSON for scripts"))

    json_flag(command("books", tr("list the phrasebooks")))

    listing = command("list", tr("list phrases"))
    listing.add_argument("--book", help=tr("only this book (id or name)"))
    listing.add_argument("--group", help=tr("only this group"))
    json_flag(listing)

    searching = command("search", tr("search phrases as the picker does (codes, pinyin, fuzzy)"))
    searching.add_argument("query", help=tr("what to look for, e.g. fh or 发货"))
    searching.add_argument("--limit", type=int, default=10, help=tr("how many results (default 10)"))
    searching.add_argument("--book", help=tr("only this book (id or name)"))
    json_flag(searching)

    importing = command("import", tr("import a phrasebook file (all or nothing)"))
    importing.add_argument("file", type=Path, help=tr("the file to import"))
    importing.add_argument("--book", help=tr("the book to import into (created if new)"))
    importing.add_argument("--format", default="auto", choices=["auto", *format_names()],
                           help=tr("file format (default: by extension and content)"))
    importing.add_argument("--on-conflict", default="skip", choices=POLICIES,
                           help=tr("when a phrase has the same id or short code as one in the book "
                                   "(default: skip)"))
    importing.add_argument("--dry-run", action="store_true", help=tr("show what would change, change nothing"))
    json_flag(importing)

    exporting = command("export", tr("export a phrasebook to a file"))
    exporting.add_argument("book", help=tr("book id or name"))
    exporting.add_argument("file", type=Path, help=tr("the file to write"))
    exporting.add_argument("--format", default="auto", choices=["auto", *format_names(writable_only=True)],
                           help=tr("file format (default: by extension)"))

    linting = command("lint", tr("check replies against the trade's rules"))
    linting.add_argument("target", help=tr("a phrasebook file, or a book id or name"))
    linting.add_argument("--max-length", type=int, help=tr("longest chat message before a warning"))
    json_flag(linting)

    backing_up = command("backup", tr("take a backup now, or list backups"))
    backing_up.add_argument("--list", action="store_true", help=tr("list the backups instead"))
    json_flag(backing_up)

    restoring = command("restore", tr("put a backup back (the current state is backed up first)"))
    restoring.add_argument("name", nargs="?", help=tr("backup name (default: the newest)"))

    stats = command("stats", tr("statistics: conversations, quick replies per conversation, most and never "
                                "used phrases; or export them to a .csv or .json file"))
    stats.usage = "%(prog)s [--days N] [--json] [export FILE]"
    stats.add_argument("action", nargs="*", action=_StatsAction, metavar="export FILE",
                       help=tr("write the statistics to FILE (.csv or .json) instead of printing them"))
    stats.add_argument("--days", type=_days, default=30, metavar="N",
                       help=tr("how many days, ending today (default 30)"))
    stats.set_defaults(export=None)
    json_flag(stats)

    reporting = command("report", tr("merge the agents' statistics exports into one team report (HTML with "
                                     "charts, and the numbers as JSON)"))
    reporting.add_argument("files", nargs="+", type=Path, metavar="FILE",
                           help=tr("statistics exports (quickreply stats export FILE.json), one per agent"))
    reporting.add_argument("--out", type=Path, required=True, metavar="REPORT.html",
                           help=tr("the HTML report to write"))
    reporting.add_argument("--json", type=Path, metavar="FILE.json",
                           help=tr("where to write the numbers (default: beside the report, with .json)"))
    drills = command("drills", tr("past typing drills: date, text, net speed, accuracy and whether the goal was "
                                  "reached; or all of them as CSV for the team lead"))
    drills.add_argument("--csv", type=Path, metavar="FILE", help=tr("write the drills to FILE as CSV instead"))
    drills.add_argument("--language", choices=LANGUAGES, help=tr("only drills in this language (zh or en)"))
    json_flag(drills)
    subscribing = command("subscribe", tr("subscribe to a team phrasebook published at a file path or an "
                                          "http(s) address; it is kept up to date and read-only"))
    subscribing.add_argument("source", metavar="URL|PATH", help=tr("where the lead publishes the book"))
    subscribing.add_argument("--key", default="", metavar="PUBKEY",
                             help=tr("the lead's public key (qr-ed25519:…): only files it signed are accepted"))
    json_flag(subscribing)

    listing_subscriptions = command("subscriptions", tr("list the subscriptions with their last update and "
                                                        "status; \"check [NAME]\" asks the sources now"))
    listing_subscriptions.usage = "%(prog)s [--json] [check [NAME]]"
    listing_subscriptions.add_argument("action", nargs="*", action=_CheckAction, metavar="check [NAME]",
                                       help=tr("check every source now (or only NAME) instead of listing"))
    listing_subscriptions.set_defaults(check=False, name=None)
    json_flag(listing_subscriptions)

    unsubscribing = command("unsubscribe", tr("stop a subscription; its book is removed (a backup is made "
                                              "first)"))
    unsubscribing.add_argument("name", help=tr("subscription or book name"))
    unsubscribing.add_argument("--keep", action="store_true", help=tr("keep the book as your own editable copy"))

    publishing = command("publish", tr("write a book as a team publication (checked by lint, a new revision, "
                                       "a checksum and optionally a signature) to a file or folder"))
    publishing.add_argument("book", help=tr("a book id or name, or a phrasebook file"))
    publishing.add_argument("target", help=tr("the file to write, or a folder (a shared folder, or "
                                                         "one a web server serves)"))
    publishing.add_argument("--key", type=Path, metavar="PRIVATE_KEY",
                            help=tr("sign with this private key (made by quickreply keygen)"))
    publishing.add_argument("--force", action="store_true", help=tr("publish even when lint finds errors"))
    json_flag(publishing)

    keygen = command("keygen", tr("make a signing key pair for publishing (never overwrites one)"))
    keygen.add_argument("folder", type=Path, metavar="DIR", help=tr("the folder to write the two key files to"))

    command("pick", tr("open the picker of the running app (starts it if needed); "
                       "bind this to a desktop shortcut on Wayland"))
    drilling = command("drill", tr("open typing practice in the running app (starts it if needed)"))
    drilling.add_argument("--text", type=Path, metavar="FILE", help=tr("practise the text in FILE"))
    drilling.add_argument("--minutes", type=int, choices=DRILL_MINUTES, metavar="N",
                          help=tr("a timed drill of N minutes (1, 3 or 5); default: the whole text"))
    command("quit", tr("quit the running app"))
    return parser


class _StatsAction(argparse.Action):
    """``stats`` takes nothing or ``export FILE``: checked while parsing, so misuse is a
    usage error (exit 2) like any other."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        words = list(values) if isinstance(values, list) else []
        if words and (len(words) != 2 or words[0] != "export"):
            parser.error(tr("expected nothing or: export FILE"))
        namespace.export = Path(words[1]) if words else None


class _CheckAction(argparse.Action):
    """``subscriptions`` takes nothing, ``check`` or ``check NAME``."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        words = list(values) if isinstance(values, list) else []
        if words and (len(words) > 2 or words[0] != "check"):
            parser.error(tr("expected nothing or: check [NAME]"))
        namespace.check = bool(words)
        namespace.name = words[1] if len(words) == 2 else None


def _days(text: str) -> int:
    """--days: a whole number of days the statistics window can show."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(tr("a number of days from 1 to {most}", most=MAX_DAYS))
    return value


def _localise_titles(parser: argparse.ArgumentParser) -> None:
    parser._positionals.title = tr("arguments")
    parser._optionals.title = tr("options")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = tr("show this help and exit")


# -- output helpers ---------------------------------------------------------------------

def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _phrase_dict(phrase: Phrase) -> dict:
    data = asdict(phrase)
    data["tags"] = list(phrase.tags)
    return data


def _print_phrases(phrases: list[Phrase], as_json: bool) -> None:
    if as_json:
        _print_json([_phrase_dict(phrase) for phrase in phrases])
        return
    for phrase in phrases:
        first_line = phrase.text.split("\n", 1)[0]
        code = f"[{phrase.code}] " if phrase.code else ""
        print(f"{code}{phrase.title}  ({phrase.group or '-'})\n    {first_line}")


# -- commands ----------------------------------------------------------------------------

def _books(store: Store, args: argparse.Namespace) -> int:
    rows = [{**asdict(book), "phrases": len(store.phrases(book.id, with_usage=False))} for book in store.books()]
    if args.json:
        _print_json(rows)
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
    results = SearchIndex(store.phrases()).search(args.query, max(args.limit, 1), book_id=book_id)
    _print_phrases(results, args.json)
    return EXIT_OK


def _import(store: Store, args: argparse.Namespace) -> int:
    imported = read_phrasebook(args.file, args.format)
    report = store.import_book(imported, book=args.book, default_name=args.file.stem,
                               policy=args.on_conflict, dry_run=args.dry_run)
    if args.json:
        _print_json(_report_dict(report))
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
             count=len(store.phrases(book.id, with_usage=False)), name=book.name, file=args.file, format=used))
    return EXIT_OK


def _lint(store: Store, args: argparse.Namespace) -> int:
    max_length = args.max_length or load_settings(store.home).lint_max_length
    path = Path(args.target)
    if path.exists():
        imported = read_phrasebook(path, check_codes=False)
        findings = lint_phrases(imported.phrases, max_length=max_length, locations=imported.locations)
        source = str(path)
    else:
        book = store.book(args.target)
        findings = lint_phrases(store.phrases(book.id, with_usage=False), max_length=max_length)
        source = book.name
    if args.json:
        _print_json([finding.to_dict() for finding in findings])
    else:
        for finding in findings:
            where = finding.location or f"[{finding.code or '-'}] {finding.title}"
            print(f"{source}: {where}: {tr(_SEVERITY_LABELS[finding.severity])}: {finding.message} ({finding.rule})")
        errors = sum(1 for finding in findings if finding.severity == "error")
        print(tr("{total} findings ({errors} errors)", total=len(findings), errors=errors) if findings
              else tr("No findings: the replies follow the rules."))
    return EXIT_BAD_INPUT if findings else EXIT_OK


def _backup(store: Store, args: argparse.Namespace) -> int:
    from assistant.backups import snapshots

    if args.list:
        names = [entry.name for entry in snapshots(store.home)]
        if args.json:
            _print_json(names)
        else:
            print("\n".join(names) if names else tr("No backups yet."))
        return EXIT_OK
    made = store.backup("manual")
    if args.json:
        _print_json({"backup": made.name if made else None})
    else:
        print(tr("Backup taken: {name}", name=made.name) if made else tr("Nothing to back up yet."))
    return EXIT_OK


def _restore(store: Store, args: argparse.Namespace) -> int:
    source = store.restore(args.name)
    print(tr("Restored the backup {name} (the previous state was backed up first).", name=source.name))
    return EXIT_OK


def _stats(store: Store, args: argparse.Namespace) -> int:
    """``stats``: the local time decides which day a conversation falls on."""
    now = datetime.now().astimezone()
    settings = load_settings(store.home)
    if args.export is not None:
        export_format(args.export)  # a wrong file name fails before any work
        used = export_stats(compute_stats(store, settings, now, args.days, all_phrases=True), args.export)
        if args.json:
            _print_json({"file": str(args.export), "format": used})
        else:
            print(tr("Statistics for {days} days written to {file} ({format})",
                     days=args.days, file=args.export, format=used))
        return EXIT_OK
    stats = compute_stats(store, settings, now, args.days)
    if args.json:
        _print_json(stats)
    else:
        _print_stats(stats)
    return EXIT_OK


def _print_stats(stats: dict) -> None:
    """A few lines an agent reads at a glance; the full figures are in --json."""
    period, limits = stats["period"], stats["limits"]
    per_conversation = stats["quick_replies_per_conversation"]
    print(tr("Last {days} days ({start} to {end}): {total} conversations, {today} today, {insertions} quick replies",
             days=period["days"], start=period["from"], end=period["to"], total=stats["conversations"],
             today=stats["conversations_today"], insertions=stats["insertions"]))
    histogram = ", ".join(f"{count}×{number}" for count, number in per_conversation["histogram"].items())
    print(tr("Quick replies per conversation: mean {mean} ({histogram})",
             mean=per_conversation["mean"], histogram=histogram or "-"))
    print(tr("Conversations at or over the soft limit ({soft}): {soft_share:.0%}; over the hard limit ({hard}): "
             "{hard_share:.0%}", soft=limits["soft"], soft_share=stats["over_soft_share"], hard=limits["hard"],
             hard_share=stats["over_hard_share"]))
    if stats["most_used"]:
        print(tr("Most used:"))
        for row in stats["most_used"]:
            code = f"[{row['code']}] " if row["code"] else ""
            print(f"  {row['uses']:>4}  {code}{row['title'] or row['phrase_id']}  ({row['book']})")
    print(tr("Never used in the period: {count} phrases", count=stats["never_used_total"]))


def _report(args: argparse.Namespace) -> int:
    """``report``: needs no store, only the files; nothing is written unless every file
    reads. The local time decides which day a drill falls on."""
    from assistant.report import team_report
    from assistant.report_html import output_paths, save_report

    out, sidecar = output_paths(args.out, args.json, args.files)
    report = team_report(args.files, datetime.now().astimezone())
    save_report(report, out, sidecar)
    print(tr("Team report of {agents} agents ({start} to {end}) written to {file}; the numbers to {numbers}",
             agents=len(report.agents), start=report.period_from, end=report.period_to, file=out, numbers=sidecar))
    return EXIT_OK


def _drills(store: Store, args: argparse.Namespace) -> int:
    """``drills``: the drill history, oldest first, as a table, JSON or a CSV file."""
    history = DrillHistory(store.home)
    results = [result for result in history.results() if args.language in (None, result.language)]
    for notice in history.notices:
        print(tr("notice: {message}", message=notice), file=sys.stderr)
    if args.csv is not None:
        history.export_csv(args.csv, language=args.language)
        if args.json:
            _print_json({"file": str(args.csv), "drills": len(results)})
        else:
            print(tr("{count} drills written to {file}", count=len(results), file=args.csv))
    elif args.json:
        _print_json([result.to_dict() for result in results])
    else:
        _print_drills(results, load_settings(store.home))
    return EXIT_OK


def _print_drills(results: list[DrillResult], settings: Settings) -> None:
    """One line a drill: local date and time, text, net CPM, accuracy, ✓ at the goal."""
    if not results:
        print(tr("No typing drills yet."))
        return
    goals = {"zh": settings.drill_goal_zh, "en": settings.drill_goal_en}
    header = (tr("Date"), tr("Text"), tr("Net CPM"), tr("Accuracy"), tr("Goal"))
    rows = [(datetime.strptime(result.finished, TIME_FORMAT).replace(tzinfo=UTC).astimezone()
             .strftime("%Y-%m-%d %H:%M"), _clip(result.text_title, 24), f"{result.net_cpm:.1f}",
             f"{result.accuracy:.1%}", "✓" if result.net_cpm >= goals.get(result.language, 0) else "")
            for result in results]
    widths = [max(_width(row[column]) for row in [header, *rows]) for column in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(_pad(cell, width, right=column in (2, 3))
                        for column, (cell, width) in enumerate(zip(row, widths, strict=True))).rstrip())


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: two for a Chinese character."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _clip(text: str, width: int) -> str:
    while _width(text) > width:
        text = text[:-2] + "…"
    return text


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space
def _subscribe(store: Store, args: argparse.Namespace) -> int:
    result = subscriptions.subscribe(store, args.source, args.key)
    if args.json:
        _print_json(result.to_dict())
    else:
        entry = result.subscription
        print(tr("Subscribed to {name!r} (revision {revision}, {count} phrases), read-only; from {source}",
                 name=entry.name, revision=entry.revision, count=len(result.added), source=entry.source))
    return EXIT_OK


def _subscriptions(store: Store, args: argparse.Namespace) -> int:
    entries = subscriptions.load(store.home)
    if not args.check:
        if args.json:
            _print_json([asdict(entry) for entry in entries])
        elif not entries:
            print(tr("No subscriptions. Add one: quickreply subscribe URL|PATH"))
        for entry in entries if not args.json else []:
            print(tr("{name}  rev {revision}  {status}  last update {updated}  last check {checked}\n    {source}",
                     name=entry.name, revision=entry.revision, status=_status_text(entry),
                     updated=entry.last_updated or "-", checked=entry.last_checked or "-", source=entry.source))
        return EXIT_OK
    chosen = [subscriptions.find(entries, args.name)] if args.name else entries
    results = [subscriptions.check(store, entry) for entry in chosen]
    if args.json:
        _print_json([result.to_dict() for result in results])
    else:
        for result in results:
            _print_check(result)
    return EXIT_BAD_INPUT if any(result.outcome == "failed" for result in results) else EXIT_OK


_STATUS_LABELS = {"new": N_("not checked yet"), "ok": N_("ok"), "unreachable": N_("unreachable"),
                  "refused": N_("refused")}


def _status_text(entry: subscriptions.Subscription) -> str:
    label = tr(_STATUS_LABELS.get(entry.status, entry.status))
    return f"{label} ({entry.message})" if entry.message else label


def _print_check(result: subscriptions.CheckResult) -> None:
    entry = result.subscription
    if result.outcome == "failed":
        print(tr("{name}: {message}; the last good copy (revision {revision}) is kept",
                 name=entry.name, message=entry.message, revision=entry.revision), file=sys.stderr)
    elif result.outcome == "unchanged":
        print(tr("{name}: up to date (revision {revision})", name=entry.name, revision=entry.revision)
              + (f"; {entry.message}" if entry.message else ""))
    else:
        print(tr("{name}: updated to revision {revision}: {added} added, {changed} changed, {removed} removed",
                 name=entry.name, revision=entry.revision, added=len(result.added), changed=len(result.changed),
                 removed=len(result.removed)))
        for mark, titles in (("+", result.added), ("~", result.changed), ("-", result.removed)):
            for title in titles:
                print(f"  {mark} {title}")


def _unsubscribe(store: Store, args: argparse.Namespace) -> int:
    gone = subscriptions.unsubscribe(store, args.name, keep_book=args.keep)
    print(tr("Unsubscribed from {name!r}; the book is now your own copy.", name=gone.name) if args.keep
          else tr("Unsubscribed from {name!r}; its book was removed (a backup was made first).", name=gone.name))
    return EXIT_OK


def _publish(store: Store, args: argparse.Namespace) -> int:
    path = Path(args.book)
    from_store = not path.exists()
    if from_store:
        book = store.book(args.book)
        phrases = store.phrases(book.id, with_usage=False)
    else:
        imported = read_phrasebook(path)
        book = imported.book or publication.book_for_file(path)
        phrases = imported.phrases
    key = publication.load_private_key(args.key) if args.key else None
    findings = lint_phrases(phrases, max_length=load_settings(store.home).lint_max_length)
    errors = [finding for finding in findings if finding.severity == "error"]
    for finding in errors:
        print(f"{book.name}: [{finding.code or '-'}] {finding.title}: {tr('error')}: {finding.message} "
              f"({finding.rule})", file=sys.stderr)
    if errors and not args.force:
        raise QuickReplyError(tr("not published: lint found {count} errors (fix them, or publish anyway with "
                                 "--force)", count=len(errors)))
    written, revision = publication.publish(book, phrases, publication.target_path(args.target, book), key)
    if from_store and not book.read_only:
        store.update_book(replace(book, revision=revision))
    if args.json:
        _print_json({"file": str(written), "revision": revision, "signed": key is not None,
                     "phrases": len(phrases), "lint_errors": len(errors)})
    else:
        print(tr("Published {name!r} revision {revision} ({count} phrases, {signed}) to {file}",
                 name=book.name, revision=revision, count=len(phrases), file=written,
                 signed=tr("signed") if key else tr("not signed")))
    return EXIT_OK


def _keygen(store: Store, args: argparse.Namespace) -> int:
    private_path, public_path, public_text = publication.generate_keys(args.folder)
    print(tr("Private key, keep it secret: {private}", private=private_path))
    print(tr("Sign with: quickreply publish BOOK TARGET --key {private}", private=private_path))
    print(tr("Public key (give it to the agents: quickreply subscribe URL|PATH --key …), also in {public}:",
             public=public_path))
    print(public_text)
    return EXIT_OK


#: Starts the Qt app: ``start_app(open_picker, drill=None)``; ``drill`` is the request of
#: ``quickreply drill`` (see ``_drill``), for a drill window open from the start.
StartApp = Callable[..., int]
SelfTest = Callable[[], int]


def _no_app(store: Store) -> int:
    """Without the UI installed: say so and show what the command line offers."""
    print(tr("QuickReply {version}: the tray app is not part of this build yet.", version=__version__))
    print(tr("Your phrasebooks are ready in {home}:", home=store.home))
    for book in store.books():
        print(f"  {book.name} ({len(store.phrases(book.id, with_usage=False))})")
    print(tr("Try: quickreply search fh    ·    quickreply --help"))
    return EXIT_OK


def _pick(start_app: StartApp | None) -> int:
    if send_command(instance_address(data_dir()), "pick"):
        return EXIT_OK
    if start_app is not None:
        return start_app(True)
    raise QuickReplyError(tr("QuickReply is not running"))


def _drill(args: argparse.Namespace, start_app: StartApp | None) -> int:
    """``drill``: the file is read and checked here, so a missing or undecodable file is
    one clear error and the app only ever receives text."""
    request: dict = {"minutes": args.minutes}
    if args.text is not None:
        text = text_from_file(args.text)
        request.update(text=text.text, title=text.title)
    if send_command(instance_address(data_dir()), "drill", arguments=request):
        return EXIT_OK
    if start_app is not None:
        return start_app(False, drill=request)
    raise QuickReplyError(tr("QuickReply is not running"))


def _quit() -> int:
    if send_command(instance_address(data_dir()), "quit"):
        print(tr("QuickReply was asked to quit."))
    else:
        print(tr("QuickReply is not running."))
    return EXIT_OK


COMMANDS: dict[str, Callable[[Store, argparse.Namespace], int]] = {
    "books": _books, "list": _list, "search": _search, "import": _import, "export": _export,
    "lint": _lint, "backup": _backup, "restore": _restore, "stats": _stats, "drills": _drills,
    "subscribe": _subscribe, "subscriptions": _subscriptions, "unsubscribe": _unsubscribe, "publish": _publish,
    "keygen": _keygen,
}


def main(argv: Sequence[str] | None = None, start_app: StartApp | None = None,
         self_test: SelfTest | None = None) -> int:
    """The command line. ``start_app`` starts the Qt app and ``self_test()`` checks it;
    the launcher in ui/ passes them, so this module never imports Qt itself."""
    set_language(None)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_request:
        return int(exit_request.code or 0)
    try:
        if args.self_test:
            if self_test is None:
                raise QuickReplyError(tr("the self-test needs the tray app, which is not part of this build"))
            return self_test()
        if args.command == "pick":
            return _pick(start_app)
        if args.command == "drill":
            return _drill(args, start_app)
        if args.command == "quit":
            return _quit()
        if args.command == "report":
            return _report(args)
        if args.command is None and start_app is not None:
            return start_app(False)
        store = Store()
        setup_logging(store.home)
        for notice in store.notices:
            print(tr("notice: {message}", message=notice), file=sys.stderr)
        if args.command is None:
            return _no_app(store)
        return COMMANDS[args.command](store, args)
    except QuickReplyError as error:
        print(tr("quickreply: error: {message}", message=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        print(tr("quickreply: error: {message}", message=f"{error.filename or ''} {error.strerror or error}".strip()),
              file=sys.stderr)
        return EXIT_BAD_INPUT
