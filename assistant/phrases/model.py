"""Phrasebooks and phrases: the records everything else passes around.

The model is plain data. Normalisation lives here so that every way a phrase can
enter the app (typed in the manager, imported from Excel, pulled from a subscription)
ends up with the same short code and line endings, and comparisons just work.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Literal

from assistant.timestamps import now_stamp

Origin = Literal["local", "imported", "subscribed"]
ORIGINS: tuple[str, ...] = ("local", "imported", "subscribed")

#: Longest phrase text accepted. Chat replies are short; the cap keeps a pasted novel
#: (or a hostile file) from bloating the store and the search index.
MAX_TEXT_LENGTH = 5000
MAX_CODE_LENGTH = 32

#: What a phrase's content is made of: the fields an import compares and may replace
#: (ids, times and use counts are the store's, never a file's).
CONTENT_FIELDS: tuple[str, ...] = ("text", "title", "group", "code", "hotkey", "tags", "separate_messages")

# Control characters other than tab and newline cannot travel through XLSX and are
# never meant to be pasted into a chat box; nor can the noncharacters U+FFFE and U+FFFF
# (not allowed in XML at all).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_TAG_SPLIT = re.compile(r"[,，;；、\n]+")


def new_id() -> str:
    return uuid.uuid4().hex


def normalise_code(code: str) -> str:
    """Half-width and lower case, so that ＦＨ typed through an IME finds fh."""
    return unicodedata.normalize("NFKC", code or "").strip().casefold()


def normalise_text(text: str) -> str:
    """One newline convention (\\n) and no control characters; nothing else changes."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARS.sub("", text)


def normalise_label(label: str) -> str:
    """Titles and groups are single-line labels."""
    return " ".join(normalise_text(label).split())


def split_tags(value: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Tags from a cell ("a, b；c") or a list; trimmed, de-duplicated, order kept."""
    if value is None:
        return ()
    items = _TAG_SPLIT.split(value) if isinstance(value, str) else list(value)
    seen: dict[str, None] = {}
    for item in items:
        tag = normalise_label(str(item))
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


def default_title(text: str, length: int = 20) -> str:
    """A title made from the first line when a file brings none."""
    first_line = normalise_label(text.split("\n", 1)[0]) if text else ""
    return first_line if len(first_line) <= length else first_line[: length - 1] + "…"


@dataclass(frozen=True)
class Phrase:
    """One prepared reply.

    ``use_count`` and ``last_used`` are the user's own numbers: they are stored apart
    from the book (a subscription update replaces the book, never the numbers) and are
    never exported.
    """

    text: str
    title: str = ""
    group: str = ""
    code: str = ""
    hotkey: str = ""
    tags: tuple[str, ...] = ()
    separate_messages: bool = False
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_stamp)
    updated: str = ""
    book_id: str = ""
    use_count: int = 0
    last_used: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", normalise_text(self.text))
        object.__setattr__(self, "title", normalise_label(self.title) or default_title(self.text))
        object.__setattr__(self, "group", normalise_label(self.group))
        object.__setattr__(self, "code", normalise_code(self.code))
        object.__setattr__(self, "hotkey", (self.hotkey or "").strip())
        object.__setattr__(self, "tags", split_tags(self.tags))
        if not self.updated:
            object.__setattr__(self, "updated", self.created)

    @classmethod
    def stored(cls, **fields: object) -> Phrase:
        """A phrase as the store wrote it, taken as it is: only a ``Phrase``, already
        normalised, is ever written to a book, and normalising 50,000 phrases again would
        cost the app's start and every command most of a second."""
        values = {**_PLAIN_DEFAULTS, **fields}
        for name, factory in _MADE_DEFAULTS.items():
            if name not in values:
                values[name] = factory()
        values["tags"] = tuple(values["tags"])
        if not values["updated"]:
            values["updated"] = values["created"]
        phrase = cls.__new__(cls)
        # Past the frozen dataclass's __setattr__, all at once: one call, not fourteen.
        phrase.__dict__.update(values)
        return phrase

    def with_changes(self, **changes: object) -> Phrase:
        """A copy with ``changes`` applied and ``updated`` stamped."""
        changes.setdefault("updated", now_stamp())
        return replace(self, **changes)

    def same_content(self, other: Phrase) -> bool:
        """True when importing ``other`` over this phrase would change nothing visible."""
        return content_key(self) == content_key(other)


#: Each field's default (``Phrase.stored`` fills in what a document lacks): a value, or a
#: function making a new one.
_PLAIN_DEFAULTS: dict[str, object] = {item.name: item.default for item in fields(Phrase)
                                      if item.default is not MISSING}
_MADE_DEFAULTS: dict[str, Callable[[], object]] = {item.name: item.default_factory for item in fields(Phrase)
                                                   if item.default_factory is not MISSING}


def content_key(phrase: Phrase) -> tuple:
    return tuple(getattr(phrase, name) for name in CONTENT_FIELDS)


@dataclass(frozen=True)
class Phrasebook:
    """A named set of phrases that travels as one file."""

    name: str
    id: str = field(default_factory=new_id)
    language: str = "zh-CN"
    description: str = ""
    author: str = ""
    revision: int = 1
    origin: Origin = "local"
    read_only: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", normalise_label(self.name))
        if self.origin not in ORIGINS:
            raise ValueError(f"unknown origin {self.origin!r}")
