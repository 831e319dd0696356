"""The one reader for JSON that comes from outside: imported phrasebooks, subscription
payloads, statistics exports read by ``report``.

``json.loads`` accepts what no file of ours ever holds and what the code after it
cannot take: integers of thousands of digits (slow to convert, and a traceback at 4300
digits), ``NaN`` and ``Infinity`` (not JSON at all, and they poison every sum), lone
surrogates such as ``"\\ud800"`` (they cannot be written back as UTF-8), nesting
thousands deep, and millions of values in a file under the size limit. Here every
number is an integer within ±2^53 (what any JSON reader keeps exactly) or a finite
float, every string is valid Unicode, and the number of values is capped while the text
is parsed; anything else is one ``BadInput`` line naming the file and the place (a line
and column, or a JSON path such as ``phrases[3].text``).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from assistant.errors import BadInput
from assistant.i18n import tr

#: Largest integer magnitude accepted: every JSON reader keeps integers up to this exactly.
MAX_SAFE_INTEGER = 2**53
#: Values (objects, arrays, strings, numbers) and objects in one document at most.
#: Counted from the separators and braces before parsing (a bound from above: a comma or
#: brace inside a string counts too), so a file of millions of tiny values is refused
#: before any of them is built; a phrasebook at its caps has a few hundred thousand.
MAX_VALUES = 1_000_000
MAX_OBJECTS = 250_000
#: Nesting deeper than this is refused (our files are four levels deep).
MAX_DEPTH = 64

_DIGITS_OF_SAFE_INTEGER = len(str(MAX_SAFE_INTEGER))
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class _Refused:
    """A number parsed into a marker instead of a value, so that the walk after parsing
    can name where it stood (the parser's hooks do not know)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason


def _parse_int(literal: str) -> int | _Refused:
    if len(literal.lstrip("-")) <= _DIGITS_OF_SAFE_INTEGER:
        value = int(literal)
        if abs(value) <= MAX_SAFE_INTEGER:
            return value
    shown = literal if len(literal) <= 24 else f"{literal[:12]}…({len(literal)} digits)"
    return _Refused(tr("the number {number} is out of range (at most ±2^53)", number=shown))


def _parse_float(literal: str) -> float | _Refused:
    value = float(literal)
    return value if math.isfinite(value) else _Refused(tr("the number {number} is out of range", number=literal[:24]))


def _parse_constant(name: str) -> _Refused:
    return _Refused(tr("{name} is not a number JSON allows", name=name))


def load_json(text: str, source: str, *, max_values: int = MAX_VALUES) -> Any:
    """The document in ``text`` (read from ``source``), checked as the module says."""
    objects = text.count("{")
    if objects > MAX_OBJECTS or objects + text.count(",") + text.count("[") + 1 > max_values:
        raise BadInput(tr("too many values in the JSON file (the limit is {limit} values and {objects} objects)",
                          limit=f"{max_values:,}", objects=f"{MAX_OBJECTS:,}"), source)
    try:
        document = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as error:
        raise BadInput(tr("not valid JSON: {reason}", reason=error.msg), source,
                       tr("line {line}, column {column}", line=error.lineno, column=error.colno)) from error
    except RecursionError as error:
        raise BadInput(tr("not valid JSON: nested too deeply"), source) from error
    _check(document, source)
    return document


def _check(document: Any, source: str) -> None:
    """Walk the document (without recursion: depth is what is being checked) for refused
    numbers, lone surrogates and too deep nesting."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(document, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            items: Any = value.items()
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            _check_leaf(value, path, source)
            continue
        if len(path) >= MAX_DEPTH:
            raise BadInput(tr("not valid JSON: nested too deeply"), source, json_path(path))
        children = []
        for key, item in items:
            if isinstance(key, str) and _SURROGATE.search(key):
                raise BadInput(tr("a lone surrogate (\\ud800 to \\udfff) is not text"), source, json_path(path))
            children.append((item, (*path, key)))
        stack.extend(reversed(children))  # the first problem in the file's order is the one reported


def _check_leaf(value: Any, path: tuple[str | int, ...], source: str) -> None:
    if isinstance(value, _Refused):
        raise BadInput(value.reason, source, json_path(path))
    if isinstance(value, str) and _SURROGATE.search(value):
        raise BadInput(tr("a lone surrogate (\\ud800 to \\udfff) is not text"), source, json_path(path))


def json_path(parts: Any) -> str:
    """``phrases[3].text`` for the path ("phrases", 3, "text"); ``$`` for the whole document."""
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "$"
