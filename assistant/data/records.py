"""One way to turn a JSON object from a data file into a typed record (a dataclass).

Every file holds records someone may have written with an older or newer QuickReply,
or edited by hand, so each is read by the same rules: the dataclass's annotations say
what a value must be, a key this version does not know is ignored (a newer app wrote
it), a missing field with a default takes it (an older app did not know the field), and
anything else is refused with a message naming the field. A reader that would rather
keep going (settings: one bad value must not stop the app) passes ``fallback``, and a
field with a default then falls back to it and is reported.
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from functools import cache
from typing import Any, TypeVar

from assistant.errors import QuickReplyError
from assistant.i18n import tr

R = TypeVar("R")


class BadRecord(QuickReplyError):
    """A record that cannot be read; the message names the kind of record and the field."""


@dataclass(frozen=True)
class _Field:
    name: str
    fits: Callable[[Any], bool]
    is_float: bool
    has_default: bool


def read_record(cls: type[R], raw: Any, what: str, fallback: Callable[[str], None] | None = None) -> R:
    """``cls`` from its stored form. ``what`` names the kind of record in messages (a
    ``N_`` label such as "drill"); ``fallback(name)`` is told of each field with a default
    whose value had the wrong type and was replaced by the default."""
    if not isinstance(raw, dict):
        raise BadRecord(tr("a {what} record is not a JSON object", what=tr(what)))
    values: dict[str, Any] = {}
    for spec in _specs(cls):
        if spec.name not in raw:
            if spec.has_default:
                continue
            raise BadRecord(tr("a {what} record has no {field!r}", what=tr(what), field=spec.name))
        value = raw[spec.name]
        if spec.fits(value):
            values[spec.name] = float(value) if spec.is_float else value
        elif fallback is not None and spec.has_default:
            fallback(spec.name)
        else:
            raise BadRecord(tr("a {what} record has a bad {field!r}: {value!r}", what=tr(what), field=spec.name,
                               value=value))
    return cls(**values)


@cache
def _specs(cls: type) -> tuple[_Field, ...]:
    """Each field's name, the test of its type, whether it is a float and whether it may
    be missing, worked out once per class: resolving annotations costs far more than
    checking a value, and the team report reads thousands of records."""
    hints = typing.get_type_hints(cls)
    return tuple(_Field(spec.name, _checker(hints[spec.name]), hints[spec.name] is float,
                        spec.default is not MISSING or spec.default_factory is not MISSING)
                 for spec in fields(cls))


def _checker(hint: Any) -> Callable[[Any], bool]:
    """The test of whether a JSON value has the type an annotation names (an int is a
    float, a bool is neither), built from the annotation once."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = tuple(_checker(option) for option in typing.get_args(hint))
        return lambda value: any(check(value) for check in options)
    if hint is type(None):
        return lambda value: value is None
    if hint is bool:
        return lambda value: isinstance(value, bool)
    if hint is float:
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if origin is list:
        (item,) = map(_checker, typing.get_args(hint))
        return lambda value: isinstance(value, list) and all(item(entry) for entry in value)
    if origin is dict:
        key, item = map(_checker, typing.get_args(hint))
        return lambda value: isinstance(value, dict) and all(key(k) and item(v) for k, v in value.items())
    return lambda value: isinstance(value, hint) and not isinstance(value, bool)
