"""Placeholders in replies: pure text substitution, nothing is ever evaluated.

Syntax (documented in docs/placeholders.md):

``{name}``          the buyer's name          ``{agent}``     the agent's own name
``{date}``          today, 2026-11-22         ``{time}``      now, 14:05
``{clipboard}``     the clipboard's text      ``{cursor}``    where the caret ends
``{input:label}``   asks the agent for a value, showing ``label``
``{{`` and ``}}``   a literal brace

Anything else in braces is left exactly as written (and flagged by lint), so a typo
never swallows text. A reply may be sent as several chat messages: a line holding only
``---`` separates them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

KNOWN = ("name", "agent", "date", "time", "clipboard", "cursor")
INPUT_PREFIX = "input:"
MESSAGE_BREAK = re.compile(r"\n[ \t]*---[ \t]*\n")

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")


@dataclass(frozen=True)
class Placeholder:
    """One ``{…}`` in a reply, with its position in the template."""

    name: str
    start: int
    end: int

    @property
    def known(self) -> bool:
        return self.name in KNOWN or (self.name.startswith(INPUT_PREFIX) and bool(self.label))

    @property
    def label(self) -> str:
        """For ``{input:label}``: what to ask the agent."""
        return self.name[len(INPUT_PREFIX):].strip() if self.name.startswith(INPUT_PREFIX) else ""


def placeholders(template: str) -> list[Placeholder]:
    found = []
    for match in _TOKEN.finditer(template):
        if match.group(1) is not None:
            found.append(Placeholder(match.group(1).strip(), match.start(), match.end()))
    return found


def unknown_placeholders(template: str) -> list[str]:
    return [f"{{{item.name}}}" for item in placeholders(template) if not item.known]


def questions(template: str) -> list[str]:
    """What must be asked before inserting: "name" and each input label, once, in order."""
    asked: dict[str, None] = {}
    for item in placeholders(template):
        if item.name == "name" or item.label:
            asked.setdefault(item.name, None)
    return list(asked)


@dataclass(frozen=True)
class Expansion:
    text: str
    #: Where the caret belongs (characters from the start), or None for "at the end".
    cursor: int | None = None


def expand(template: str, values: Mapping[str, str] | None = None, *, now: datetime | None = None,
           clipboard: str = "") -> Expansion:
    """Fill the placeholders. ``values`` holds answers keyed like ``questions`` returns
    ("name", "input:订单号") plus "agent"; a placeholder with no value stays as written."""
    values = dict(values or {})
    moment = now or datetime.now()
    values.setdefault("date", moment.strftime("%Y-%m-%d"))
    values.setdefault("time", moment.strftime("%H:%M"))
    values.setdefault("clipboard", clipboard)
    pieces: list[str] = []
    length = 0
    cursor: int | None = None
    position = 0
    for match in _TOKEN.finditer(template):
        literal = template[position:match.start()]
        token = match.group(0)
        if token in ("{{", "}}"):
            replacement = token[0]
        else:
            item = Placeholder(match.group(1).strip(), match.start(), match.end())
            if item.name == "cursor":
                replacement = ""
                if cursor is None:
                    cursor = length + len(literal)
            elif item.known and item.name in values:
                replacement = values[item.name]
            else:
                replacement = token
        pieces += [literal, replacement]
        length += len(literal) + len(replacement)
        position = match.end()
    pieces.append(template[position:])
    return Expansion("".join(pieces), cursor)


def split_messages(text: str) -> list[str]:
    """The chat messages a reply is sent as (a line of ``---`` separates them)."""
    return [part.strip("\n") for part in MESSAGE_BREAK.split(text) if part.strip()]
