"""Subscriptions: books a team lead publishes, kept up to date on every agent's machine,
and team drill texts (赛文: the text every trainee races on, kept in the subscription's
own record, ``drill``; a new revision is the next race).

A source is a file (on a network share or a synced folder) or an http(s) URL serving a
publication (``assistant.team.publication``). Checking one is two steps, so that the app can
do the slow part off its main thread:

- ``fetch`` reads the file or makes a conditional GET (If-None-Match /
  If-Modified-Since), all within a deadline (``assistant.team.sources``), and verifies
  the whole publication. It touches neither the store nor the list of subscriptions,
  so it may run in any thread.
- ``apply`` puts a verified, newer revision into the store (``Store.apply_subscription``:
  ids kept, use counts untouched, phrases gone upstream removed) and records the
  outcome: when, which revision, and on failure what went wrong. A revision older than
  the highest ever applied from that source is refused, even after a restore put an
  older book and list back (``SEEN_FILE``): an old signed file stays old.

Whatever fails — the server is down, answers an error, serves a file that is cut short,
tampered with or signed by someone else, or a file is being rewritten while read — the
last good copy stays as it is and the subscription says why, with the time. A failed
source is asked again after a minute, then less and less often (exponential backoff,
capped).

The list lives in ``subscriptions.json`` in the data folder, rewritten atomically under
the writers' lock so the app and a ``quickreply subscribe`` in a terminal can both write;
it is backed up with the books it describes, and a damaged one is dealt with as every
data file is (``assistant.data.folder``), never read as an empty list: a subscription
forgotten that way would leave its book read-only for good, and subscribing again would
make a second copy.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlparse

from assistant import __version__
from assistant.data.folder import DataFolder, Transaction
from assistant.data.records import BadRecord, read_record
from assistant.errors import BadInput, NotFound, QuickReplyError
from assistant.formats import MAX_FILE_BYTES
from assistant.i18n import N_, tr
from assistant.phrases.model import new_id
from assistant.phrases.store import Store
from assistant.reasons import http_reason, system_reason
from assistant.team import publication
from assistant.team.sources import Deadline, NotRegular, TimedOut, open_regular, read_within
from assistant.timestamps import now_stamp, stamp_or_none

FILE_NAME = "subscriptions.json"
#: The highest revision applied from each source, kept apart from the list: a restore
#: puts an old list back, but never this file (``assistant.data.registry``), so an
#: older signed file served again after a restore is still refused.
SEEN_FILE = "seen-revisions.json"
#: How often a source is asked for a new revision while all is well.
DEFAULT_INTERVAL_SECONDS = 15 * 60
#: A failing source is asked again after 1, 2, 4, … minutes, at most this long: soon
#: enough to ride out a blip, rarely enough not to hammer a server that is down.
FIRST_RETRY_SECONDS = 60
MAX_BACKOFF_SECONDS = 6 * 3600
#: Silence this long on a connection counts as unreachable; a whole fetch is bounded
#: too (``sources.DEADLINE_SECONDS``), so a server that dribbles cannot hold it.
TIMEOUT_SECONDS = 15

#: A drive letter at the start of a file URL's path: "/C:/" (or "/C|/", as old Windows wrote it).
_URL_DRIVE = re.compile(r"^/[A-Za-z][:|](/|$)")

Status = Literal["new", "ok", "unreachable", "refused"]
Outcome = Literal["updated", "unchanged", "failed"]

log = logging.getLogger(__name__)


@dataclass
class Subscription:
    """One source and what is known about it. ``book_id`` is the local (read-only) copy;
    ``upstream_id`` the id the publisher gives the book, which must not change. A source
    of team drill texts has no book: ``drill`` holds its latest text (``DrillText`` fields)."""

    source: str
    id: str = field(default_factory=new_id)
    key: str = ""
    name: str = ""
    book_id: str = ""
    upstream_id: str = ""
    revision: int = 0
    etag: str = ""
    last_modified: str = ""
    #: For file sources: (mtime_ns, size, inode) of the file last read, the file's "ETag".
    file_signature: list = field(default_factory=list)
    last_checked: str = ""
    last_updated: str = ""
    status: str = "new"
    message: str = ""
    failures: int = 0
    interval: int = DEFAULT_INTERVAL_SECONDS
    drill: dict = field(default_factory=dict)

    @property
    def is_http(self) -> bool:
        return self.source.startswith(("http://", "https://"))

    def next_check(self) -> datetime:
        """When to ask the source again."""
        if not self.last_checked:
            return datetime.fromtimestamp(0, UTC)
        if self.failures:
            delay = min(FIRST_RETRY_SECONDS * 2 ** min(self.failures - 1, 20), MAX_BACKOFF_SECONDS)
        else:
            delay = self.interval
        return _parse_time(self.last_checked) + timedelta(seconds=delay)


@dataclass(frozen=True)
class Fetched:
    """What ``fetch`` found. ``kind``: "not-modified" (304, or the file is as last read),
    "fetched" (a verified ``publication``) or "failed" (``status`` and ``message`` say why)."""

    kind: Literal["not-modified", "fetched", "failed"]
    publication: publication.Publication | None = None
    etag: str = ""
    last_modified: str = ""
    file_signature: tuple = ()
    status: Status = "ok"
    message: str = ""


@dataclass
class CheckResult:
    """What one check did; the titles say what changed in an update."""

    subscription: Subscription
    outcome: Outcome
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        return self.subscription.message

    def to_dict(self) -> dict:
        return {"subscription": asdict(self.subscription), "outcome": self.outcome,
                "added": self.added, "changed": self.changed, "removed": self.removed}


# -- the list on disk ------------------------------------------------------------------

def load(folder: DataFolder, notices: list[str] | None = None) -> list[Subscription]:
    """The subscriptions (a damaged file is repaired first; ``notices`` says how)."""
    return _entries(folder.read(FILE_NAME, notices))


def _entries(document: dict | None) -> list[Subscription]:
    """An entry this version cannot read (no source) is left out, and a value of the
    wrong type falls back to its default: neither may stop the others from updating."""
    found = []
    for entry in (document or {}).get("subscriptions", []):
        try:
            found.append(read_record(Subscription, entry, N_("subscription"), fallback=_wrong_type))
        except BadRecord as error:
            log.warning("subscription left out: %s", error)
    return found


def _wrong_type(name: str) -> None:
    log.warning("a subscription's %s had a value of the wrong type; using the default", name)


def _save(change: Transaction, subscriptions: list[Subscription]) -> None:
    change.write(FILE_NAME, {"version": 1, "subscriptions": [asdict(entry) for entry in subscriptions]})


def _record(store: Store, subscription: Subscription, applied: bool) -> None:
    """Write back one subscription, unless it was removed in the meantime; when its
    revision was ``applied``, raise the source's mark to it."""
    with store.folder.transaction() as change:
        current = _entries(change.read(FILE_NAME))
        if any(entry.id == subscription.id for entry in current):
            _save(change, [subscription if entry.id == subscription.id else entry for entry in current])
        if applied:
            seen = change.read(SEEN_FILE) or {"version": 1, "sources": {}}
            mark = _mark(seen, subscription.source, subscription.upstream_id)
            seen["sources"][subscription.source] = {"book": subscription.upstream_id,
                                                    "revision": max(mark, subscription.revision)}
            change.write(SEEN_FILE, seen)


def highest_applied(folder: DataFolder, source: str, upstream_id: str) -> int:
    """The highest revision of the book ``upstream_id`` ever applied from ``source``."""
    return _mark(folder.read(SEEN_FILE), source, upstream_id)


def _mark(seen: dict | None, source: str, upstream_id: str) -> int:
    entry = (seen or {}).get("sources", {}).get(source)
    return entry["revision"] if entry and entry["book"] == upstream_id else 0


def find(subscriptions: list[Subscription], ref: str) -> Subscription:
    """By name, id, book id or source."""
    for entry in subscriptions:
        if ref in (entry.id, entry.book_id, entry.source) or entry.name.casefold() == ref.casefold():
            return entry
    raise NotFound(tr("no subscription called {name!r} (see: quickreply subscriptions)", name=ref))


def normalise_source(text: str) -> str:
    """An http(s) URL as it is; a file:// URL or a path as an absolute path."""
    text = text.strip()
    if not text:
        raise QuickReplyError(tr("give a file path or an http(s) address"))
    if text.startswith(("http://", "https://")):
        if not urlparse(text).netloc:
            raise QuickReplyError(tr("not a web address: {source}", source=text))
        return text
    if text.startswith("file://"):
        text = file_url_path(text)
    elif "://" in text:
        raise QuickReplyError(tr("only files and http(s) addresses can be subscribed to: {source}", source=text))
    return str(Path(text).expanduser().resolve())


def file_url_path(url: str, windows: bool | None = None) -> str:
    """The path a ``file://`` URL names, as this system (``windows``: default, this one)
    writes it. On Windows ``file:///C:/share/x`` is ``C:\\share\\x`` (the drive letter
    is not a folder under the root) and ``file://server/share/x`` is the UNC path
    ``\\\\server\\share\\x``, the shared folder a lead publishes to; elsewhere a URL
    naming another computer has no path, so it is refused rather than read from here."""
    windows = os.name == "nt" if windows is None else windows
    parts = urlparse(url)
    host, path = parts.netloc, unquote(parts.path)
    remote = host.lower() not in ("", "localhost")
    if not windows:
        if remote:
            raise QuickReplyError(tr("{source} names another computer: mount its folder and give the path",
                                     source=url))
        return path
    if remote:
        return "\\\\" + host + path.replace("/", "\\")
    if _URL_DRIVE.match(path):
        path = f"{path[1]}:{path[3:]}"
    return path.replace("/", "\\")


# -- fetching (any thread) -------------------------------------------------------------

def fetch(subscription: Subscription, conditional: bool = True, deadline: Deadline | None = None) -> Fetched:
    """Read and verify the source within ``deadline`` (``sources.DEADLINE_SECONDS`` from
    now by default; the app cancels it when it quits); ``conditional`` lets an unchanged
    source answer "not modified" without sending (or reading) the file again."""
    deadline = deadline or Deadline()
    try:
        if subscription.is_http:
            return _fetch_http(subscription, conditional, deadline)
        return _fetch_file(subscription, conditional, deadline)
    except BadInput as error:  # str(): the source and the place in it (a JSON path) too
        return Fetched("failed", status="refused", message=tr("refused: {reason}", reason=str(error)))
    except TimedOut:
        log.warning("subscription %s: %s", subscription.source,
                    "cancelled" if deadline.cancelled else f"no whole answer within {deadline.seconds} s")
        return Fetched("failed", status="unreachable", message=tr(
            "unreachable: {source} (no whole answer within {seconds} seconds)",
            source=subscription.source, seconds=f"{deadline.seconds:g}"))
    finally:
        deadline.close()


def _fetch_file(subscription: Subscription, conditional: bool, deadline: Deadline) -> Fetched:
    path = Path(subscription.source)
    try:
        descriptor = open_regular(path)
    except NotRegular:
        return Fetched("failed", status="refused", message=tr(
            "refused: {source} is not a regular file (a folder, a device or a pipe)", source=path))
    except OSError as error:
        return _unreadable(path, error)
    try:
        before = os.fstat(descriptor)
        signature = (before.st_mtime_ns, before.st_size, before.st_ino)
        if conditional and list(signature) == subscription.file_signature:
            return Fetched("not-modified", file_signature=signature)
        data = read_within(descriptor, MAX_FILE_BYTES + 1, deadline)
        after = os.fstat(descriptor)
    except OSError as error:
        return _unreadable(path, error)
    finally:
        os.close(descriptor)
    if (after.st_mtime_ns, after.st_size) != signature[:2]:
        # Written in place while we read: what we have may be half old, half new.
        return Fetched("failed", status="refused",
                       message=tr("refused: the file was being written while it was read; will try again"))
    found = publication.read(data, str(path), subscription.key)
    return Fetched("fetched", found, file_signature=signature)


def _unreadable(path: Path, error: OSError) -> Fetched:
    log.warning("cannot read the subscribed file %s: %r", path, error)
    return Fetched("failed", status="unreachable",
                   message=tr("unreachable: cannot read {source} ({reason})", source=path,
                              reason=system_reason(error)))


def _fetch_http(subscription: Subscription, conditional: bool, deadline: Deadline) -> Fetched:
    # Imported here: urllib pulls in ssl and email (~70 ms), which the app's cold start
    # should not pay before any source is due.
    import http.client
    import urllib.error

    from assistant.team import web

    headers = {"User-Agent": f"QuickReply/{__version__}", "Accept": "application/json"}
    if conditional and subscription.etag:
        headers["If-None-Match"] = subscription.etag
    if conditional and subscription.last_modified:
        headers["If-Modified-Since"] = subscription.last_modified
    try:
        data, answer = web.get(subscription.source, headers, MAX_FILE_BYTES + 1, deadline, TIMEOUT_SECONDS)
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return _not_modified(subscription, asked="If-None-Match" in headers or "If-Modified-Since" in headers)
        log.warning("subscription %s: the server answered %s %s", subscription.source, error.code, error.reason)
        return Fetched("failed", status="unreachable", message=tr(
            "unreachable: {source} ({reason})", source=subscription.source, reason=http_reason(error.code)))
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        log.warning("subscription %s: %r", subscription.source, error)
        cause = error.reason if isinstance(error, urllib.error.URLError) else error
        reason = system_reason(cause if isinstance(cause, BaseException) else error)
        return Fetched("failed", status="unreachable",
                       message=tr("unreachable: {source} ({reason})", source=subscription.source, reason=reason))
    found = publication.read(data, subscription.source, subscription.key)
    return Fetched("fetched", found, etag=answer.get("ETag", ""), last_modified=answer.get("Last-Modified", ""))


def _not_modified(subscription: Subscription, asked: bool) -> Fetched:
    """A 304 means "the copy you have is current" only when we said which copy we have
    (an ETag or a time); to a request for the whole file it says nothing about the book.
    Our validators are kept: a 304 need not repeat them."""
    if not asked:
        log.warning("subscription %s: 304 Not Modified to an unconditional request", subscription.source)
        return Fetched("failed", status="refused", message=tr(
            "refused: {source} answered \"not modified\" when asked for the whole file", source=subscription.source))
    return Fetched("not-modified", etag=subscription.etag, last_modified=subscription.last_modified)


# -- applying (the thread that owns the store) -----------------------------------------

def conditional_allowed(store: Store, subscription: Subscription) -> bool:
    """Ask "has it changed?" only while the local copy is the revision last fetched: a
    book put back from an old backup, or deleted, must be fetched in full again."""
    if subscription.drill:
        return bool(subscription.revision)  # the text is in the record itself
    if not subscription.book_id or not subscription.revision:
        return False
    book = next((book for book in store.books() if book.id == subscription.book_id), None)
    return book is not None and book.revision == subscription.revision


def apply(store: Store, subscription: Subscription, fetched: Fetched) -> CheckResult:
    """Put what ``fetch`` found into the store and record the outcome; never raises for a
    bad source (the result says what happened), so a check can run unattended."""
    checked = replace(subscription, last_checked=now_stamp())
    if fetched.kind == "failed":
        result = _failed(subscription, checked, fetched.status, fetched.message)
    elif fetched.kind == "not-modified" and not conditional_allowed(store, subscription):
        # The book changed since the check began (a restore): "not modified" vouches for
        # the revision last fetched, which the book no longer is.
        result = _failed(subscription, checked, "refused", tr(
            "refused: the source answered \"not modified\", but the book here is no longer the revision it "
            "last sent; it is fetched in full next time"))
    elif fetched.kind == "not-modified":
        result = CheckResult(replace(checked, status="ok", message="", failures=0), "unchanged")
    else:
        try:
            result = _apply_publication(store, checked, fetched)
        except QuickReplyError as error:
            result = _failed(subscription, checked, "refused", tr("refused: {reason}", reason=error))
    _record(store, result.subscription, applied=result.outcome == "updated")
    return result


def _failed(subscription: Subscription, checked: Subscription, status: str, message: str) -> CheckResult:
    return CheckResult(replace(checked, status=status, message=message, failures=subscription.failures + 1),
                       "failed")


def _apply_publication(store: Store, subscription: Subscription, fetched: Fetched) -> CheckResult:
    found = fetched.publication
    if subscription.revision and (found.drill is not None) != bool(subscription.drill):
        raise QuickReplyError(tr("the source now publishes a drill text instead of a book, or a book instead of "
                                 "a drill text"))
    if found.drill is not None:
        return _apply_drill(subscription, fetched)
    upstream = found.book.book
    if subscription.upstream_id and upstream.id != subscription.upstream_id:
        raise QuickReplyError(tr("the source now publishes another book ({name})", name=upstream.name))
    newest = max(subscription.revision, highest_applied(store.folder, subscription.source, upstream.id))
    if found.revision < newest:
        raise QuickReplyError(tr("the source offers revision {found}, older than revision {newest} already applied "
                                 "here (an old file served again); kept yours", found=found.revision, newest=newest))
    report = store.apply_subscription(found.book, subscription.book_id)
    done = replace(subscription, status="ok", failures=0, etag=fetched.etag, last_modified=fetched.last_modified,
                   file_signature=list(fetched.file_signature), upstream_id=upstream.id, message="")
    if report is None:
        return CheckResult(done, "unchanged")
    done = replace(done, name=report.book.name, revision=found.revision, last_updated=done.last_checked)
    outcomes = report.merge.outcomes
    return CheckResult(done, "updated",
                       added=[item.title for item in outcomes if item.action == "added"],
                       changed=[item.title for item in outcomes if item.action == "replaced"],
                       removed=[item.title for item in outcomes if item.action == "removed"])


def _apply_drill(subscription: Subscription, fetched: Fetched) -> CheckResult:
    """A team drill text: a newer revision replaces the one in the record."""
    found = fetched.publication
    done = replace(subscription, status="ok", failures=0, etag=fetched.etag, last_modified=fetched.last_modified,
                   file_signature=list(fetched.file_signature), upstream_id=found.drill.id)
    if found.revision <= subscription.revision:
        note = "" if found.revision == subscription.revision else tr(
            "the source offers revision {found}, older than revision {newest} already applied here (an old file "
            "served again); kept yours", found=found.revision, newest=subscription.revision)
        return CheckResult(replace(done, message=note), "unchanged")
    done = replace(done, name=found.drill.title, revision=found.revision, last_updated=done.last_checked,
                   message="", drill=asdict(found.drill))
    return CheckResult(done, "updated", added=[found.drill.title])


def check(store: Store, subscription: Subscription, deadline: Deadline | None = None) -> CheckResult:
    """Fetch and apply in one go (the command line, tests)."""
    return apply(store, subscription, fetch(subscription, conditional_allowed(store, subscription), deadline))


def due(subscriptions: list[Subscription], now: datetime | None = None) -> list[Subscription]:
    now = now or datetime.now(UTC)
    return [entry for entry in subscriptions if entry.next_check() <= now]


# -- adding and removing ---------------------------------------------------------------

def candidate(store: Store, source: str, key: str = "") -> Subscription:
    """A subscription to ``source`` that is not saved yet; refuses a bad source or key
    and one already subscribed to, before anything is fetched."""
    source = normalise_source(source)
    if key.strip():
        publication.parse_public_key(key)
    if any(entry.source == source for entry in load(store.folder)):
        raise QuickReplyError(tr("already subscribed to {source}", source=source))
    return Subscription(source=source, key=key.strip())


def subscribe(store: Store, source: str, key: str = "", deadline: Deadline | None = None) -> CheckResult:
    """Add a source; its first revision must arrive and verify, else nothing is kept."""
    subscription = candidate(store, source, key)
    return add(store, subscription, fetch(subscription, conditional=False, deadline=deadline))


def add(store: Store, subscription: Subscription, fetched: Fetched) -> CheckResult:
    """Save ``subscription`` and apply what was fetched for it (see ``subscribe``)."""
    source = subscription.source
    if fetched.kind != "fetched":
        raise QuickReplyError(fetched.message)
    if fetched.publication.drill is not None:
        subscription.name = fetched.publication.drill.title
    else:
        upstream = fetched.publication.book.book
        taken = {book.id for book in store.books()}
        subscription.book_id = upstream.id if upstream.id not in taken else new_id()
        subscription.name = upstream.name
    with store.folder.transaction() as change:
        entries = _entries(change.read(FILE_NAME))
        if any(entry.source == source for entry in entries):
            raise QuickReplyError(tr("already subscribed to {source}", source=source))
        _save(change, [*entries, subscription])
    result = apply(store, subscription, fetched)
    if result.outcome == "failed":
        unsubscribe(store, subscription.id)
        raise QuickReplyError(result.message)
    return result


def unsubscribe(store: Store, ref: str, keep_book: bool = False) -> Subscription:
    """Forget a source; its book goes too (a backup holding both is made first), or with
    ``keep_book`` stays as the user's own, editable copy. The list and the book change
    in one transaction: never a subscription without its book, nor a read-only book
    without its subscription."""
    with store.folder.transaction() as change:
        entries = _entries(change.read(FILE_NAME))
        gone = find(entries, ref)
        _save(change, [entry for entry in entries if entry.id != gone.id])
        if any(book.id == gone.book_id for book in store.books()):
            if keep_book:
                store.release_book(gone.book_id, change)
            else:
                store.delete_book(gone.book_id, change)
    return gone


def _parse_time(text: str) -> datetime:
    """A stored stamp; a missing or bad one counts as long ago, so the source is due."""
    return stamp_or_none(text) or datetime.fromtimestamp(0, UTC)
