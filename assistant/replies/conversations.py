"""Which conversation an insertion goes into, and how many quick replies it already has.

The trade's rule is no more than 3 to 5 quick replies in one conversation, or the buyer
feels they are talking to a robot. No text expander knows what a conversation is; this
module gives it one:

* **Key.** A conversation is keyed by the window the reply goes into: the program's
  class plus the buyer's name or chat id, which per-program *title rules* (regular
  expressions with a ``(?P<who>…)`` group) pull out of the window title after unread
  counters such as "(3)" or "[2条新消息]" are stripped, so a changing counter never
  splits a conversation.
* **Log.** ``ConversationLog`` keeps, in ``conversations.json`` next to the store,
  the conversations (key, times, the agent's label) and one record per insertion
  (conversation, book, phrase, time). Never any reply text: the log is about *how
  often*, and the data folder may be shared with a team lead.
* **Privacy.** The app listens to the keyboard and reads window titles; what the agent
  types and who they talk to must not pile up on disk. So the file holds no buyer's
  name: a key is stored as the program's class and a salted digest of the buyer
  (``conversations.salt``, random per data folder, never backed up), which tells
  conversations apart and names nobody; the only readable name is a label the agent
  gave (F2 in the picker). Placeholder answers (order numbers, addresses, phone
  numbers) stay in memory, for the open conversation only, and are forgotten when it
  goes idle. A log written by an older version is cleaned when opened, its backups too.
* **Idle.** No activity in a conversation for ``idle_minutes`` ends it; the next
  insertion with the same key starts a new one (the buyer came back another day).

Every write replaces the whole file atomically under the store's writers' lock, so the
app and a CLI never lose each other's update and a crash leaves the old or new state.
Every method takes ``now`` (a timezone-aware datetime) so tests and callers control time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB

from assistant.data.backups import snapshots
from assistant.data.documents import AtomicJSONStorage, CorruptFile, read_json, write_json
from assistant.data.records import BadRecord, read_record
from assistant.i18n import N_
from assistant.replies.rules import WHO, WindowRule, window_rules
from assistant.replies.titles import clean_title
from assistant.replies.waiting import CLEARED, INSERTION, WAITS, answer_wait, new_wait, open_wait
from assistant.settings import Settings, default_title_rules
from assistant.timestamps import stamp, stamp_or_none

if TYPE_CHECKING:
    from assistant.desktop.base import WindowInfo
    from assistant.phrases.store import Store

FILE_NAME = "conversations.json"
UNKNOWN_CLASS = "unknown"
POLICIES = ("warn", "confirm", "block")
CONVERSATIONS = "conversations"
INSERTIONS = "insertions"

# -- title rules ------------------------------------------------------------------------


def _who(rule: WindowRule, window: WindowInfo, title: str) -> str | None:
    """The buyer a title rule finds in ``title``; None when the rule does not apply (a
    pattern without a ``who`` group never does)."""
    match = rule.match(window.wm_class, title, window.executable)
    if match is None or WHO not in match.re.groupindex:
        return None
    return clean_title(match.group(WHO) or "") or None


def buyer(window: WindowInfo | None, rules: Sequence[Any] | None = None) -> str:
    """The buyer's name a title rule finds in the window's title; "" when none does.

    ``rules`` (title rules as settings store them) defaults to the shipped ones; a rule
    with a broken pattern is skipped. Both the conversation and "{name}" come from it, so
    the agent is not asked for a name the title already gave.
    """
    if window is None:
        return ""
    title = clean_title(window.title)
    for rule in window_rules(default_title_rules() if rules is None else rules):
        who = _who(rule, window, title)
        if who:
            return who
    return ""


def conversation_key(window: WindowInfo | None, rules: Sequence[Any] | None = None) -> str:
    """``"<program class, lower case>|<buyer>"`` for the window a reply goes into.

    The buyer is the one ``buyer`` finds, or the whole cleaned title when no rule
    matches. No window (the desktop could not tell) gives ``"unknown|"``.
    """
    return key_for(window, buyer(window, rules))


def key_for(window: WindowInfo | None, who: str) -> str:
    """``conversation_key`` for a window whose buyer ``who`` is already known."""
    if window is None:
        return f"{UNKNOWN_CLASS}|"
    return f"{window.wm_class.lower()}|{who or clean_title(window.title)}"


def tells_buyers_apart(key: str) -> bool:
    """Whether ``key`` names one buyer: not ``"unknown|"`` (the desktop could not tell
    the window) nor a program with an empty title, whose one key is every buyer's."""
    return bool(key.partition("|")[2])


# -- limits -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What the limits say about one more quick reply in a conversation.

    ``count`` is the number before this insertion; ``action`` is "ok", "soft" (show the
    gentle notice) or "hard" (apply ``policy``: "warn" inserts and warns, "confirm"
    asks, "block" does not insert).
    """

    count: int
    action: str
    policy: str


def judge(count: int, soft_limit: int, hard_limit: int) -> str:
    """The action for one more insertion after ``count``: the count would become
    ``count + 1``; above ``hard_limit`` → "hard", at or above ``soft_limit`` → "soft",
    else "ok". With 3 and 5: the 1st and 2nd are ok, the 3rd to 5th soft, the 6th hard.
    """
    after = count + 1
    if after > hard_limit:
        return "hard"
    if after >= soft_limit:
        return "soft"
    return "ok"


def limit_policy(settings: Settings) -> str:
    """The hard-limit policy in force. An unknown one is taken as "warn", so a bad
    setting never silently blocks insertions."""
    return settings.limit_policy if settings.limit_policy in POLICIES else "warn"


def verdict(count: int, settings: Settings) -> Verdict:
    """The limits' verdict on one more insertion after ``count``; see ``judge``."""
    return Verdict(count=count, action=judge(count, settings.soft_limit, settings.hard_limit),
                   policy=limit_policy(settings))


# -- the log ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conversation:
    """One conversation as stored (a snapshot; the log is the only writer); ``key`` is
    the stored one (see ``ConversationLog.stored_key``), ``answers`` what memory holds."""

    id: int
    key: str
    started: str
    last: str
    name: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    count: int = 0


def _utc(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(UTC)


def _table(data: dict, name: str) -> dict[str, dict]:
    """A table of the raw TinyDB document, created when missing."""
    table = data.get(name)
    if not isinstance(table, dict):
        table = data[name] = {}
    return table


def _next_id(table: dict[str, dict]) -> int:
    return max((int(key) for key in table if key.isdigit()), default=0) + 1


def _conversation(doc_id: int, document: dict) -> Conversation:
    # Answers an older version stored are never read back: they live in memory only.
    stored = {name: value for name, value in document.items() if name != "answers"}
    return read_record(Conversation, {**stored, "id": doc_id}, N_("conversation"))


#: A key as stored: the program's class, then nothing (no buyer known) or a digest.
_STORED_KEY = re.compile(r"[^|]*\|(?:#[0-9a-f]{32})?")


class ConversationLog:
    """Conversations and their insertions in ``<store home>/conversations.json``.

    File layout (TinyDB tables)::

        conversations  {key, started, last, name, count}
        insertions     {conversation, book_id, phrase_id, time}
        waits          {conversation, since, answered, how}   (assistant.replies.waiting)

    ``count`` is kept on the conversation so the picker does not scan every insertion;
    it is written in the same atomic write as the insertion, so the two always agree.
    ``last`` is the last activity (insertion, "new conversation", label, answers).

    Callers pass keys as ``conversation_key`` makes them ("program|buyer"); the log
    stores ``stored_key(key)`` and matches on it, so the buyer never reaches the file.

    ``idle_minutes`` below 1 turns the idle timeout off; the app passes
    ``settings.idle_minutes`` and may change the attribute when Settings change. Old
    entries go only through ``prune``, which the app calls at start.
    """

    def __init__(self, store: Store, idle_minutes: int = Settings.idle_minutes):
        self.store = store
        self.idle_minutes = idle_minutes
        self.path = store.folder.path(FILE_NAME)
        self.notices: list[str] = []
        #: Placeholder answers by conversation id, with their conversation's last activity.
        self._answers: dict[int, tuple[dict[str, str], datetime]] = {}
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)
        store.folder.read(FILE_NAME, self.notices)  # a damaged log must not stop insertions
        with store.locked():
            self._salt = self.store.folder.salt()
            self._clean_older_logs()

    # -- privacy ----------------------------------------------------------------------

    def stored_key(self, key: str) -> str:
        """``"program|#<digest of the buyer>"``: the buyer (or the title) as a salted
        digest, which only this data folder's salt reproduces; ``"program|"`` when no
        buyer is known."""
        program, _, who = key.partition("|")
        if not who:
            return f"{program}|"
        return f"{program}|#" + hmac.new(self._salt, who.encode("utf-8", "surrogatepass"),
                                         hashlib.sha256).hexdigest()[:32]

    def _clean_older_logs(self) -> None:
        """A log an older version wrote, and every backup of it, loses its answers and
        gets its readable keys replaced by their digests (a conversation open across the
        upgrade keeps counting)."""
        if self._clean(self._data()):
            self._db.storage.write(self._data())
            self._db.clear_cache()
            for snapshot in snapshots(self.store.home):
                try:
                    document = read_json(snapshot / FILE_NAME)
                except (CorruptFile, OSError):
                    continue
                if isinstance(document, dict) and self._clean(document):
                    write_json(snapshot / FILE_NAME, document)

    def _clean(self, data: dict) -> bool:
        """Make ``data`` hold no answers and no readable key, in place; True if it did."""
        conversations = data.get(CONVERSATIONS)
        changed = False
        for document in conversations.values() if isinstance(conversations, dict) else ():
            if not isinstance(document, dict):
                continue
            if "answers" in document:
                del document["answers"]
                changed = True
            key = document.get("key")
            if isinstance(key, str) and not _STORED_KEY.fullmatch(key):
                document["key"] = self.stored_key(key)
                changed = True
        return changed

    def _recall(self, conversation: Conversation, now: datetime) -> Conversation:
        """``conversation`` with the answers memory holds for it; forgets every
        conversation's answers once it is idle."""
        if self.idle_minutes >= 1:
            cutoff = _utc(now) - timedelta(minutes=self.idle_minutes)
            self._answers = {number: kept for number, kept in self._answers.items() if kept[1] >= cutoff}
        kept = self._answers.get(conversation.id)
        return replace(conversation, answers=dict(kept[0])) if kept else conversation

    # -- reading ----------------------------------------------------------------------

    def current(self, key: str, now: datetime) -> Conversation | None:
        """The open conversation for ``key``: the newest one, unless idle too long.

        On every reply's way (the repeat warning reads it before the paste), so the walk
        starts from the end and stops at the first conversation with this key: the log
        appends conversations with growing ids (``_next_id``), so that is the newest."""
        conversations = self._data().get(CONVERSATIONS)
        if not isinstance(conversations, dict):
            return None
        key = self.stored_key(key)
        for doc_id, document in reversed(conversations.items()):
            if isinstance(document, dict) and document.get("key") == key and doc_id.isdigit():
                break
        else:
            return None
        try:
            conversation = _conversation(int(doc_id), document)
        except BadRecord:
            return None  # one this version cannot read: the next insertion starts a new one
        return None if self._idle(conversation, now) else self._recall(conversation, now)

    def waiting_since(self, key: str, now: datetime) -> datetime | None:
        """Since when a buyer waits in the open conversation for ``key``; None when
        nobody does (or no conversation is open)."""
        return self._since(self.current(key, now))

    def _since(self, conversation: Conversation | None) -> datetime | None:
        waits = self._data().get(WAITS)
        if conversation is None or not isinstance(waits, dict):
            return None
        document = open_wait(waits, conversation.id, conversation.started)
        return stamp_or_none(document.get("since")) if document else None

    def count(self, key: str, now: datetime) -> int:
        """Quick replies in the open conversation for ``key`` (0 when none is open)."""
        conversation = self.current(key, now)
        return conversation.count if conversation else 0

    def sent(self, conversation: Conversation) -> dict[tuple[str, str], datetime]:
        """When each phrase, as ``(book_id, phrase_id)``, last went into ``conversation``.

        Cheap on the hotkey's path: the file is cached, and insertions are walked from
        the newest back only to the conversation's start. Their ids grow with time (the
        log is their one writer and appends), so an older one belongs to an older
        conversation; a clock set back may end the walk early, which costs a warning,
        never a reply.
        """
        insertions = self._data().get(INSERTIONS)
        if not isinstance(insertions, dict):
            return {}
        when: dict[tuple[str, str], datetime] = {}
        for insertion in reversed(insertions.values()):
            if not isinstance(insertion, dict) or not isinstance(stamped := insertion.get("time"), str):
                continue  # a record this version cannot read
            if stamped < conversation.started:  # stamps compare as strings
                break
            phrase = (str(insertion.get("book_id")), str(insertion.get("phrase_id")))
            mine = insertion.get("conversation") == conversation.id and phrase not in when
            if mine and (moment := stamp_or_none(stamped)) is not None:
                when[phrase] = moment
        return when

    # -- writing ----------------------------------------------------------------------

    def record(self, key: str, book_id: str, phrase_id: str, now: datetime) -> Conversation:
        """Count one insertion (ids and time only), opening a conversation if needed.
        A "separate messages" phrase is one insertion: the caller records it once."""
        when = stamp(now)

        def change(data: dict, conversation: dict) -> None:
            conversation["count"] = int(conversation.get("count", 0)) + 1
            insertions = _table(data, INSERTIONS)
            insertions[str(_next_id(insertions))] = {
                "conversation": conversation["_id"], "book_id": book_id, "phrase_id": phrase_id, "time": when}
            answer_wait(_table(data, WAITS), conversation, when, INSERTION)

        return self._update(key, now, change)

    def wait(self, key: str, now: datetime) -> tuple[Conversation, datetime]:
        """A buyer message waits in the conversation for ``key`` (opened if needed):
        the conversation and since when the buyer waits, which is ``now`` unless a wait
        was already open (then nothing is written: its first time stands)."""
        conversation = self.current(key, now)
        since = self._since(conversation)
        if conversation is not None and since is not None:
            return conversation, since
        when = stamp(now)

        def change(data: dict, conversation: dict) -> None:
            waits = _table(data, WAITS)
            if open_wait(waits, conversation["_id"], conversation["started"]) is None:
                waits[str(_next_id(waits))] = new_wait(conversation["_id"], when)

        conversation = self._update(key, now, change)
        return conversation, self._since(conversation) or _utc(now)

    def answered(self, key: str, now: datetime, how: str = CLEARED) -> bool:
        """The agent answered the buyer waiting in the open conversation for ``key``
        (the counter cleared, by default); False, and nothing written, when nobody waited."""
        if self.waiting_since(key, now) is None:
            return False
        when = stamp(now)
        answered: list[bool] = []
        self._update(key, now, lambda data, conversation: answered.append(
            answer_wait(_table(data, WAITS), conversation, when, how)))
        return any(answered)

    def start_new(self, key: str, now: datetime) -> Conversation:
        """The agent's "new conversation": the key starts again at 0 (the old one stays
        for the statistics, its answers are forgotten)."""
        old = self.current(key, now)
        if old is not None:
            self._answers.pop(old.id, None)
        return self._update(key, now, lambda _data, _conversation: None, fresh=True)

    def name(self, key: str, label: str, now: datetime) -> Conversation:
        """Label the open conversation (opening one if needed), for clients whose window
        title is the same for every buyer."""
        return self._update(key, now, lambda _data, conversation: conversation.update(name=label))

    def remember_answers(self, key: str, answers: Mapping[str, str], now: datetime) -> Conversation:
        """Keep placeholder answers for this conversation, so the buyer's name is asked
        once: in memory only, until the conversation goes idle (see the module docstring)."""
        conversation = self._update(key, now, lambda _data, _conversation: None)
        kept = {**conversation.answers, **answers}
        self._answers[conversation.id] = (kept, _utc(now))
        return replace(conversation, answers=kept)

    def prune(self, now: datetime, retention_days: int) -> int:
        """Forget conversations whose last activity, and insertions and waits whose time,
        is more than ``retention_days`` (at least 1) ago; returns how many conversations went.
        The app calls it at start with ``settings.conversation_retention_days``."""
        cutoff = _utc(now) - timedelta(days=max(retention_days, 1))

        def old(text: Any) -> bool:
            moment = stamp_or_none(text)
            return moment is None or moment < cutoff

        with self._transaction() as data:
            conversations, insertions = _table(data, CONVERSATIONS), _table(data, INSERTIONS)
            gone = {doc_id for doc_id, doc in conversations.items()
                    if not isinstance(doc, dict) or old(doc.get("last"))}
            data[CONVERSATIONS] = {doc_id: doc for doc_id, doc in conversations.items() if doc_id not in gone}
            data[INSERTIONS] = {doc_id: doc for doc_id, doc in insertions.items()
                                if isinstance(doc, dict) and not old(doc.get("time"))
                                and str(doc.get("conversation")) not in gone}
            data[WAITS] = {doc_id: doc for doc_id, doc in _table(data, WAITS).items()
                           if isinstance(doc, dict) and not old(doc.get("since"))
                           and str(doc.get("conversation")) not in gone}
        return len(gone)

    # -- internals --------------------------------------------------------------------

    def _idle(self, conversation: Conversation, now: datetime) -> bool:
        if self.idle_minutes < 1:
            return False
        last = stamp_or_none(conversation.last)
        return last is None or _utc(now) - last > timedelta(minutes=self.idle_minutes)

    def _data(self) -> dict:
        """The whole file as TinyDB stores it (cached until another write replaces it)."""
        return self._db.storage.read() or {}

    def _update(self, key: str, now: datetime, change: Callable[[dict, dict], None], *,
                fresh: bool = False) -> Conversation:
        """Apply ``change`` to the open conversation for ``key`` (a new one when none is
        open, or when ``fresh``) and write everything in one atomic replace."""
        when = stamp(now)
        with self._transaction() as data:
            open_now = None if fresh else self.current(key, now)
            conversations = _table(data, CONVERSATIONS)
            doc_id = open_now.id if open_now else _next_id(conversations)
            document = conversations.get(str(doc_id)) if open_now else None
            if document is None:
                document = {"key": self.stored_key(key), "started": when, "last": when, "name": "", "count": 0}
            document = {**document, "_id": doc_id, "last": when}
            try:
                change(data, document)
            finally:
                document.pop("_id")
            conversations[str(doc_id)] = document
        if doc_id in self._answers:  # activity keeps the answers as long as the conversation
            self._answers[doc_id] = (self._answers[doc_id][0], _utc(now))
        return self._recall(_conversation(doc_id, document), now)

    @contextmanager
    def _transaction(self) -> Iterator[dict]:
        """The whole file to change in place under the writers' lock, written back in
        one atomic replace (several tables, one write: never half an update). On any
        failure the cached copy, possibly half-changed, is forgotten."""
        with self.store.locked():
            data = self._data()
            try:
                yield data
                self._db.storage.write(data)
            except BaseException:
                self._db.storage.close()
                raise
            finally:
                self._db.clear_cache()
