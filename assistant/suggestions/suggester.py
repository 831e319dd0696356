"""Suggestions as the picker asks for them: the index follows the phrases, rebuilt only
when their content changed (a reply's use count changes on every insertion and does not
matter here), and the agent's choices are learned as they happen.

The index of a large store takes seconds to build (10,000 phrases: about 3 s), so it is
built on a thread of its own when first needed after a change; until it is ready a
suggestion waits a moment (``READY_WAIT_SECONDS``, enough for a few hundred phrases),
then gives none rather than hold the picker up, and says when it is ready (``ready``)
so that a picker already open with nothing typed can show the suggestions then.

The agent's choices are kept in ``suggestions.json`` in the data folder (given one),
keyed by digests of the message's words under the folder's own salt; nothing readable
about a buyer's message is ever written. Without a folder (tests) they live in memory.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from assistant.errors import QuickReplyError
from assistant.phrases.model import Phrase
from assistant.suggestions.feedback import ChoiceMemory
from assistant.suggestions.ranking import SuggestionIndex, phrase_key

if TYPE_CHECKING:
    from assistant.data.folder import DataFolder

log = logging.getLogger(__name__)

FILE_NAME = "suggestions.json"
#: A copied text longer than this is not a buyer's chat message (a document, a list).
LONGEST_MESSAGE = 500
#: How long a suggestion waits for an index being built.
READY_WAIT_SECONDS = 0.2


def usable_message(text: str) -> str:
    """``text`` as a message to suggest for, or "" when it cannot be one."""
    text = text.strip()
    return text if 0 < len(text) <= LONGEST_MESSAGE else ""


class Suggester:
    def __init__(self, folder: DataFolder | None = None, notices: list[str] | None = None,
                 ready: Callable[[], None] | None = None) -> None:
        """``ready`` is called, on the building thread, each time a new index is in place."""
        self._folder = folder
        self._ready = ready
        if folder is None:
            self.memory = ChoiceMemory(os.urandom(16))
        else:
            kept = folder.read(FILE_NAME, notices) or {}
            self.memory = ChoiceMemory(folder.salt(), kept.get("choices", {}))
        self._phrases: dict[tuple[str, str], Phrase] = {}
        self._signature: tuple = ()
        self._index: SuggestionIndex | None = None
        self._builder: threading.Thread | None = None
        self._lock = threading.Lock()

    def update(self, phrases: Sequence[Phrase]) -> None:
        signature = tuple((phrase.book_id, phrase.id, phrase.updated) for phrase in phrases)
        with self._lock:
            self._phrases = {phrase_key(phrase): phrase for phrase in phrases}
            if signature != self._signature:
                self._signature, self._index = signature, None

    def _ready_index(self, wait: float) -> SuggestionIndex | None:
        with self._lock:
            if self._index is None and self._builder is None:
                self._builder = threading.Thread(target=self._build, name="suggestion-index", daemon=True,
                                                 args=(list(self._phrases.values()), self._signature))
                self._builder.start()
            builder = self._builder
        if builder is not None:
            builder.join(wait)
        return self._index

    def _build(self, phrases: list[Phrase], signature: tuple) -> None:
        index = SuggestionIndex(phrases)
        with self._lock:
            current = signature == self._signature  # else the phrases changed meanwhile: built again when asked
            if current:
                self._index = index
            self._builder = None
        if current and self._ready is not None:
            self._ready()

    def suggest(self, message: str, hidden: Collection[str] = (), limit: int = 3) -> list[Phrase]:
        """The replies most likely to answer ``message``, best first; none for an empty one."""
        message = usable_message(message)
        index = self._ready_index(READY_WAIT_SECONDS) if message and self._phrases else None
        if index is None:
            return []
        ranked = index.rank(message, None, self.memory.boost(message, index.idf))
        found = (self._phrases.get(scored.key) for scored in ranked)
        return [phrase for phrase in found if phrase is not None and phrase.book_id not in hidden][:limit]

    def learn(self, message: str, phrase: Phrase) -> None:
        """The agent sent ``phrase`` while ``message`` was the buyer's."""
        message = usable_message(message)
        if not message:
            return
        self.memory.learn(message, phrase_key(phrase))
        if self._folder is None:
            return
        try:
            with self._folder.transaction() as change:
                change.write(FILE_NAME, {"choices": self.memory.as_json()})
        except (QuickReplyError, OSError) as error:  # learning is a help: a full disk must not stop a reply
            log.warning("could not keep the choice for suggestions: %s", error)
