"""The reply decided in the core, the same for every way a reply is chosen (a phrase's
hotkey, the picker, ``quickreply pick``) and however it goes out (keys sent to the
window, or the clipboard where no keys can be sent).

``prepare`` works out, before anything is sent, what the app must know: the
conversation the reply goes into (its key, worked out once for the whole reply), the
limits' verdict where the policy may stop the reply (confirm, block), the questions to
ask and the answers this conversation already gave, and the target application's rule.
It also says when this very reply already went to this buyer in the open conversation
(see ``sent``), so the app can ask before it goes twice. It reads the conversation log
only when one of those needs it: a hotkey's reply lands sooner, and under "warn" with
the repeat warning off the notice follows from ``record``'s count after the paste.
The app asks what it must, then ``steps`` plans the reply; once it went in, ``record``
counts the phrase's use and the conversation's insertion together. The UI only shows dialogs and runs steps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from assistant.phrases.model import Phrase
from assistant.phrases.templates import expand, placeholders, questions
from assistant.reasons import error_text
from assistant.replies.conversations import (
    Conversation,
    ConversationLog,
    Verdict,
    buyer,
    conversation_key,
    judge,
    key_for,
    limit_policy,
    tells_buyers_apart,
    verdict,
)
from assistant.replies.plan import Rule, Step, plan, rule_for
from assistant.replies.titles import unread_count
from assistant.replies.waiting import CLEARED, Waiting, is_chat_program
from assistant.settings import Settings
from assistant.timestamps import stamp

if TYPE_CHECKING:
    from assistant.desktop.base import WindowInfo
    from assistant.phrases.store import Store

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
#: The question for the agent's own name, asked when a reply needs it and settings have none.
AGENT = "agent"


def utc_now() -> datetime:
    return datetime.now(UTC)


def preview(text: str, settings: Settings, target: WindowInfo | None) -> str:
    """A reply as the buyer would read it, as far as it is known before inserting: the
    agent's name (empty when none is set, as it will go in) and the buyer the title
    rules find; the clipboard and the questions still to ask stay as written."""
    who = buyer(target, settings.title_rules)
    values = {"agent": settings.agent_name, **({"name": who} if who else {})}
    return expand(text, values, clipboard="{clipboard}").text


@dataclass(frozen=True)
class PreparedReply:
    """One reply on its way into one window, as decided before anything is sent."""

    phrase: Phrase
    target: WindowInfo | None
    key: str
    #: None under the "warn" policy, which inserts whatever the count.
    verdict: Verdict | None
    #: What the agent must answer first ("agent", "name", "input:…"), in order.
    questions: tuple[str, ...]
    #: What this conversation already answered, offered again instead of asked anew;
    #: "name" is the buyer the title rules found until the agent answers otherwise.
    known_answers: Mapping[str, str]
    rule: Rule
    #: The buyer's name a title rule found in the window's title ("" when none did).
    buyer: str = ""
    #: When this phrase last went into this conversation: None when it did not, when the
    #: warning is off in Settings, or when the window does not tell buyers apart.
    sent_at: datetime | None = None

    @property
    def needs_clipboard(self) -> bool:
        """Whether the reply quotes the clipboard: reading it may wait on another
        program, so the app reads it only then."""
        return any(item.name == "clipboard" for item in placeholders(self.phrase.text))


@dataclass(frozen=True)
class Recorded:
    """The conversation's count after an insertion, and the notice it deserves: "ok",
    "soft" (from the soft limit on) or "hard" (past the hard limit)."""

    count: int
    action: str


class ReplyService:
    """``settings`` is called at each step rather than kept, so a change in Settings
    applies to the next reply without telling the service; ``save_agent_name`` keeps the
    agent's name once asked, so a reply never goes out with an empty ``{agent}`` and the
    name is asked only once."""

    def __init__(self, store: Store, settings: Callable[[], Settings], log: ConversationLog,
                 clock: Clock = utc_now, save_agent_name: Callable[[str], None] = lambda _name: None):
        self.store = store
        self.settings = settings
        self.log = log
        self.clock = clock
        self.save_agent_name = save_agent_name
        #: The unread counter each conversation's title showed last (0 for none), so an
        #: unchanged title costs no read of the log.
        self._counters: dict[str, int] = {}
        #: The buyers waiting now, by conversation key.
        self._waiting: dict[str, Waiting] = {}

    # -- a reply ------------------------------------------------------------------------

    def prepare(self, phrase: Phrase, target: WindowInfo | None) -> PreparedReply:
        """Everything to know before the reply goes in; reads the log at most once."""
        settings = self.settings()
        # The title rules run once: the buyer they find names the conversation too.
        who = buyer(target, settings.title_rules)
        key = key_for(target, who)
        asked = tuple(questions(phrase.text))
        if not settings.agent_name.strip() and any(item.name == AGENT for item in placeholders(phrase.text)):
            asked = (AGENT, *asked)
        judged = limit_policy(settings) != "warn"
        repeats = settings.warn_repeated_reply and tells_buyers_apart(key)
        conversation = self.log.current(key, self.clock()) if asked or judged or repeats else None
        known = ({"name": who} if who else {}) if asked else {}
        if conversation is not None and asked:
            known.update(conversation.answers)
        count = conversation.count if conversation else 0
        sent_at = self.log.sent(conversation).get((phrase.book_id, phrase.id)) if repeats and conversation else None
        return PreparedReply(phrase, target, key, verdict(count, settings) if judged else None,
                             asked, known, rule_for(target, settings), who, sent_at)

    def remember_answers(self, prepared: PreparedReply, answers: Mapping[str, str]) -> None:
        """Keep the agent's answers: their own name in the settings, the rest for this
        conversation, so the buyer's name is asked once."""
        answers = dict(answers)
        agent = answers.pop(AGENT, "").strip()
        if agent:
            self.save_agent_name(agent)
        if answers:
            self.log.remember_answers(prepared.key, answers, self.clock())

    def steps(self, prepared: PreparedReply, answers: Mapping[str, str], clipboard: str = "") -> list[Step]:
        """The reply filled in (``answers``, the agent's name, ``clipboard`` for
        ``{clipboard}``) and planned for the target application."""
        values = {**answers, AGENT: (answers.get(AGENT) or self.settings().agent_name).strip()}
        expansion = expand(prepared.phrase.text, values, clipboard=clipboard)
        return plan(expansion, prepared.rule, prepared.phrase.separate_messages)

    def record(self, prepared: PreparedReply) -> Recorded:
        """Count the reply once, however many messages it was sent as: the phrase's use
        and the conversation's insertion under one hold of the writers' lock, so no other
        writer sees one without the other."""
        settings, now = self.settings(), self.clock()
        phrase = prepared.phrase
        with self.store.locked():
            self.store.record_use(phrase.book_id, phrase.id, stamp(now))
            conversation = self.log.record(prepared.key, phrase.book_id, phrase.id, now)
        self._waiting.pop(prepared.key, None)  # the insertion answered the buyer
        return Recorded(conversation.count, judge(conversation.count - 1, settings.soft_limit, settings.hard_limit))

    # -- the conversation of a window ---------------------------------------------------------

    def key(self, target: WindowInfo | None) -> str:
        return conversation_key(target, self.settings().title_rules)

    def count(self, target: WindowInfo | None) -> int:
        return self.log.count(self.key(target), self.clock())

    def current(self, target: WindowInfo | None) -> Conversation | None:
        return self.log.current(self.key(target), self.clock())

    def sent(self, target: WindowInfo | None) -> dict[tuple[str, str], datetime]:
        """When each phrase last went into the window's open conversation, for the
        picker to mark; nothing for a window that does not tell buyers apart (an
        unknown one: every reply there would look repeated)."""
        key = self.key(target)
        conversation = self.log.current(key, self.clock()) if tells_buyers_apart(key) else None
        return self.log.sent(conversation) if conversation else {}

    def start_new(self, target: WindowInfo | None) -> None:
        self.log.start_new(self.key(target), self.clock())

    def name(self, target: WindowInfo | None, label: str) -> None:
        """Label the window's conversation; a buyer already waiting there is shown by it."""
        key = self.key(target)
        self.log.name(key, label, self.clock())
        if key in self._waiting:
            self._waiting[key] = replace(self._waiting[key], label=label)

    # -- the golden 30 seconds (assistant.replies.waiting) ------------------------------

    def observe_title(self, target: WindowInfo) -> None:
        """A window's title as it is now (the desktop calls this for every title change
        of any top-level window, from one thread): in a chat program's window
        (``Settings.chat_programs``) a rising unread counter begins a wait in its
        conversation, a counter gone (or 0) answers it. Only a change of the
        counter reads or writes the log; a rise while waiting keeps the first time."""
        settings = self.settings()
        if not is_chat_program(target, settings.chat_programs):
            return
        count = unread_count(target.title) or 0
        rules = settings.title_rules
        who = buyer(target, rules)
        key = key_for(target, who)
        before = self._counters.get(key)
        self._counters[key] = count
        try:
            if count and (before is None or count > before):
                if key not in self._waiting:
                    conversation, since = self.log.wait(key, self.clock())
                    self._waiting[key] = Waiting(key, since, conversation.name)
            elif not count and before and self._waiting.pop(key, None) is not None:
                self.log.answered(key, self.clock(), CLEARED)
        except OSError as error:  # a full disk must not stop the watcher; the tray still counts
            log.warning("a wait not recorded: %s", error_text(error))

    def waiting(self) -> list[Waiting]:
        """The buyers waiting now, longest first. A conversation idle past
        ``idle_minutes`` since its buyer began waiting (nothing happened in it since: any
        insertion would have answered) no longer counts: the buyer has gone."""
        idle = self.log.idle_minutes
        now = self.clock()
        if idle >= 1:
            self._waiting = {key: waiting for key, waiting in self._waiting.items()
                             if waiting.seconds(now) <= idle * 60}
        return sorted(self._waiting.values(), key=lambda waiting: waiting.since)

    def longest_wait(self) -> float | None:
        """Seconds the longest-waiting buyer has waited; None when nobody waits."""
        waiting = self.waiting()
        return waiting[0].seconds(self.clock()) if waiting else None

    def prune(self) -> int:
        """Forget what is older than the settings keep; the app does it once at start.
        A disk too full to write it down must not stop the start: the next start tries again."""
        try:
            return self.log.prune(self.clock(), self.settings().conversation_retention_days)
        except OSError as error:
            log.warning("old conversations not pruned: %s", error_text(error))
            return 0
