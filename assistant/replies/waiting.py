"""The golden 30 seconds: how long a buyer has waited for the agent's answer.

Where a chat window's title carries an unread counter (see ``assistant.replies.titles``)
its rise means a buyer message is waiting. The conversation log keeps, per conversation,
one record per wait, times only (``conversations.json``, table ``waits``)::

    {conversation, since, answered, how}

* **since**: when the counter rose from nothing (absent or 0) to a number, or rose
  again after the last wait was answered. A rise while already waiting keeps the first
  time: the buyer has waited since their first message.
* **answered**: the agent's answer, whichever comes first: a quick reply inserted into
  that conversation (``how`` = "insertion") or the counter going back to 0 or away
  (``how`` = "cleared"). A clearing without an insertion counts as an answer: the agent
  typed it by hand, or at least read the message, which is all a title can tell.
  ``answered`` is null and ``how`` "" while the buyer waits, and stay so for a wait
  never answered (the conversation went idle, or the app was not running to see it).

The trade's figures, as ``assistant.team.response_times`` computes them from these
records: a conversation's **first response time** is the time from the buyer's first
message in it (the ``since`` of its earliest wait) to the agent's first answer to it;
the **average response time** is the mean over every wait answered, the first included.
Waits never answered count in neither, only in the number of waits.

The records go with their conversation when the log prunes it (its retention), and hold
no title and no buyer: the conversation's key is salted like every key of the log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.desktop.base import WindowInfo

#: Seconds a buyer may wait for the first answer before the tray turns red.
GOLDEN_SECONDS = 30
#: The log's table of waits.
WAITS = "waits"
#: How a wait was answered.
INSERTION = "insertion"
CLEARED = "cleared"


@dataclass(frozen=True)
class Waiting:
    """A buyer waiting now: the conversation's key ("program|buyer", in memory only),
    since when, and the agent's label for the conversation ("" when none: the tray,
    which anyone passing can read, names no buyer the agent did not name)."""

    key: str
    since: datetime
    label: str

    def seconds(self, now: datetime) -> float:
        """How long the buyer has waited at ``now``."""
        return max((now - self.since).total_seconds(), 0.0)


def open_wait(waits: dict[str, Any], conversation: int, started: str) -> dict | None:
    """The unanswered wait of ``conversation`` (begun at the stamp ``started``) in the raw
    ``waits`` table, if any. On every insertion's way: waits are appended in time order,
    so the walk goes from the newest back only to the conversation's start, not through
    90 days of them."""
    for document in reversed(waits.values()):
        if not isinstance(document, dict):
            continue
        since = document.get("since")
        if isinstance(since, str) and since < started:  # stamps compare as strings
            return None
        if document.get("conversation") == conversation and not document.get("answered"):
            return document
    return None


def new_wait(conversation: int, when: str) -> dict:
    """The record of a wait beginning at ``when``, not answered yet."""
    return {"conversation": conversation, "since": when, "answered": None, "how": ""}


def answer_wait(waits: dict[str, Any], conversation: dict, when: str, how: str) -> bool:
    """Mark the open wait of ``conversation`` (its raw document, with its ``_id``)
    answered at ``when``; False when none was open."""
    document = open_wait(waits, conversation["_id"], conversation["started"])
    if document is None:
        return False
    document.update(answered=when, how=how)
    return True


def is_chat_program(window: WindowInfo, programs: str) -> bool:
    """Whether ``window`` belongs to one of ``programs`` (``Settings.chat_programs``: a
    pattern for the window class or the program's file name), whose unread counter is a
    buyer waiting; a mail tab's "(3) Inbox" is not. A broken pattern matches nothing
    (Settings refuses one; a file edited by hand must not start waits everywhere)."""
    try:
        pattern = re.compile(programs, re.IGNORECASE)
    except (re.error, TypeError):
        return False
    return bool(programs) and any(pattern.search(name) for name in (window.wm_class, window.executable) if name)
