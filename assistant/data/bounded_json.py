"""The one reader for JSON that comes from outside: imported phrasebooks, subscription
payloads, statistics exports read by ``report``; and the one check of numbers in any
JSON, which the data folder's own files share (``parse_numbers``, with their bound).

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
from collections.abc import Callable
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

_SURROGATE = re.compile(r"[\ud800-\udfff]")


class _Refused:
    """A number parsed into a marker instead of a value, so that the walk after parsing
    can name where it stood (the parser's hooks do not know)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason


def _raise(reason: str) -> Any:
    raise ValueError(reason)


def _power_of_two(bound: int) -> str:
    """``2^53`` for 2**53, ``2^63-1`` for 2**63 - 1: how the bound reads in a message."""
    if bound & (bound - 1) == 0:
        return f"2^{bound.bit_length() - 1}"
    if bound & (bound + 1) == 0:
        return f"2^{bound.bit_length()}-1"
    return str(bound)


def parse_numbers(text: str, max_integer: int = MAX_SAFE_INTEGER,
                  refuse: Callable[[str], Any] = _raise) -> Any:
    """``json.loads(text)`` with every number checked as it is read, before Python
    builds it: an integer within ±``max_integer`` (its digits are counted first:
    converting thousands of them is slow, and refused past 4300), a finite float, never
    NaN or Infinity. A refused number is ``refuse(reason)``: by default a ``ValueError``
    with the reason; ``load_json`` keeps a marker instead, to name where it stood."""
    digits = len(str(max_integer))

    def integer(literal: str) -> Any:
        if len(literal.lstrip("-")) <= digits:
            value = int(literal)
            if abs(value) <= max_integer:
                return value
        shown = literal if len(literal) <= 24 else f"{literal[:12]}…({len(literal)} digits)"
        return refuse(tr("the number {number} is out of range (at most ±{bound})", number=shown,
                         bound=_power_of_two(max_integer)))

    def real(literal: str) -> Any:
        value = float(literal)
        return value if math.isfinite(value) else refuse(tr("the number {number} is out of range",
                                                            number=literal[:24]))

    def constant(name: str) -> Any:
        return refuse(tr("{name} is not a number JSON allows", name=name))

    return json.loads(text, parse_int=integer, parse_float=real, parse_constant=constant)


def load_json(text: str, source: str, *, max_values: int = MAX_VALUES) -> Any:
    """The document in ``text`` (read from ``source``), checked as the module says."""
    objects = text.count("{")
    if objects > MAX_OBJECTS or objects + text.count(",") + text.count("[") + 1 > max_values:
        raise BadInput(tr("too many values in the JSON file (the limit is {limit} values and {objects} objects)",
                          limit=f"{max_values:,}", objects=f"{MAX_OBJECTS:,}"), source)
    try:
        document = parse_numbers(text, refuse=_Refused)
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
