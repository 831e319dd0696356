"""``quickreply`` commands for team phrasebooks and drill texts: the agent's subscribe,
subscriptions and unsubscribe, and the lead's publish, publish-drill and keygen."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict, replace
from pathlib import Path

from assistant.cli.common import EXIT_BAD_INPUT, EXIT_OK, Commands, book_or_file, json_flag, print_json
from assistant.drills.texts import team_text, text_from_file
from assistant.errors import QuickReplyError
from assistant.formats import read_phrasebook
from assistant.i18n import N_, tr
from assistant.phrases.lint import lint_phrases
from assistant.phrases.model import Phrasebook
from assistant.phrases.store import Store
from assistant.settings import load_settings
from assistant.team import publication, subscriptions


def register(commands: Commands) -> None:
    subscribing = commands.add("subscribe", tr("subscribe to a team phrasebook published at a file path or an "
                                               "http(s) address; it is kept up to date and read-only"), _subscribe)
    subscribing.add_argument("source", metavar="URL|PATH", help=tr("where the lead publishes the book"))
    subscribing.add_argument("--key", default="", metavar="PUBKEY",
                             help=tr("the lead's public key (qr-ed25519:…): only files it signed are accepted"))
    json_flag(subscribing)

    listing = commands.add("subscriptions", tr("list the subscriptions with their last update and status; "
                                               "\"check [NAME]\" asks the sources now"), _subscriptions)
    listing.usage = "%(prog)s [--json] [check [NAME]]"
    listing.add_argument("action", nargs="*", action=_CheckAction, metavar="check [NAME]",
                         help=tr("check every source now (or only NAME) instead of listing"))
    listing.set_defaults(check=False, name=None)
    json_flag(listing)

    unsubscribing = commands.add("unsubscribe", tr("stop a subscription; its book is removed (a backup is made "
                                                   "first)"), _unsubscribe)
    unsubscribing.add_argument("name", help=tr("subscription or book name"))
    unsubscribing.add_argument("--keep", action="store_true", help=tr("keep the book as your own editable copy"))

    publishing = commands.add("publish", tr("write a book as a team publication (checked by lint, a new revision, "
                                            "a checksum and optionally a signature) to a file or folder"), _publish)
    publishing.add_argument("book", help=tr("a book id or name, or a phrasebook file"))
    publishing.add_argument("target", help=tr("the file to write, or a folder (a shared folder, or "
                                              "one a web server serves)"))
    publishing.add_argument("--key", type=Path, metavar="PRIVATE_KEY",
                            help=tr("sign with this private key (made by quickreply keygen)"))
    publishing.add_argument("--force", action="store_true", help=tr("publish even when lint finds errors"))
    json_flag(publishing)

    racing = commands.add("publish-drill", tr("write a text as the team's drill (a race text every trainee types; "
                                              "the results go into their statistics exports) to a file or folder"),
                          _publish_drill)
    racing.add_argument("text", type=Path, metavar="FILE", help=tr("the text file to race on"))
    racing.add_argument("target", help=tr("the file to write, or a folder (a shared folder, or "
                                          "one a web server serves)"))
    racing.add_argument("--title", default="", help=tr("the title trainees see (default: the file's name)"))
    racing.add_argument("--key", type=Path, metavar="PRIVATE_KEY",
                        help=tr("sign with this private key (made by quickreply keygen)"))
    json_flag(racing)

    keygen = commands.add("keygen", tr("make a signing key pair for publishing (never overwrites one)"), _keygen)
    keygen.add_argument("folder", type=Path, metavar="DIR", help=tr("the folder to write the two key files to"))


class _CheckAction(argparse.Action):
    """``subscriptions`` takes nothing, ``check`` or ``check NAME``."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        words = list(values) if isinstance(values, list) else []
        if words and (len(words) > 2 or words[0] != "check"):
            parser.error(tr("expected nothing or: check [NAME]"))
        namespace.check = bool(words)
        namespace.name = words[1] if len(words) == 2 else None


def _subscribe(store: Store, args: argparse.Namespace) -> int:
    result = subscriptions.subscribe(store, args.source, args.key)
    if args.json:
        print_json(result.to_dict())
    else:
        entry = result.subscription
        print(tr("Subscribed to {name!r} (revision {revision}, {count} phrases), read-only; from {source}",
                 name=entry.name, revision=entry.revision, count=len(result.added), source=entry.source))
    return EXIT_OK


def _subscriptions(store: Store, args: argparse.Namespace) -> int:
    entries = subscriptions.load(store.folder)
    if not args.check:
        if args.json:
            print_json([asdict(entry) for entry in entries])
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
        print_json([result.to_dict() for result in results])
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
    named = book_or_file(store, args.book)
    from_store = isinstance(named, Phrasebook)
    if from_store:
        book = named
        phrases = store.phrases(book.id, with_usage=False)
    else:
        imported = read_phrasebook(named)
        book = imported.book or publication.book_for_file(named)
        phrases = imported.phrases
    key = publication.load_private_key(args.key) if args.key else None
    findings = lint_phrases(phrases, max_length=load_settings(store.folder).lint_max_length)
    errors = [finding for finding in findings if finding.severity == "error"]
    for finding in errors:
        print(f"{book.name}: [{finding.code or '-'}] {finding.title}: {tr('error')}: {finding.message} "
              f"({finding.rule})", file=sys.stderr)
    if errors and not args.force:
        raise QuickReplyError(tr("not published: lint found {count} errors (fix them, or publish anyway with "
                                 "--force)", count=len(errors)))
    target = store.folder.outside(publication.target_path(args.target, book))
    if from_store and not book.read_only:
        with store.folder.transaction() as change:  # the publication and the book's revision, together
            written, revision = publication.publish(book, phrases, target, key, change)
            store.update_book(replace(book, revision=revision), change)
    else:
        written, revision = publication.publish(book, phrases, target, key)
    if args.json:
        print_json({"file": str(written), "revision": revision, "signed": key is not None,
                    "phrases": len(phrases), "lint_errors": len(errors)})
    else:
        print(tr("Published {name!r} revision {revision} ({count} phrases, {signed}) to {file}",
                 name=book.name, revision=revision, count=len(phrases), file=written,
                 signed=tr("signed") if key else tr("not signed")))
    return EXIT_OK


def _publish_drill(store: Store, args: argparse.Namespace) -> int:
    """``publish-drill``: the text file as the team's race text (a new revision each time)."""
    found = text_from_file(args.text)
    text = team_text(found.text, args.title.strip() or found.title)
    key = publication.load_private_key(args.key) if args.key else None
    written, revision = publication.publish_drill(text, publication.target_path(args.target, None), key)
    if args.json:
        print_json({"file": str(written), "revision": revision, "signed": key is not None, "id": text.id,
                    "characters": len(text.text)})
    else:
        print(tr("Published the team drill {title!r} revision {revision} ({count} characters, {signed}) to {file}",
                 title=text.title, revision=revision, count=len(text.text), file=written,
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
