"""One way to read a stored record: types from the annotations, defaults for what an
older app did not write, the field named when something is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from assistant.data.records import BadRecord, read_record


@dataclass(frozen=True)
class Sample:
    name: str
    speed: float
    minutes: int | None
    tags: list[str] = field(default_factory=list)
    ready: bool = False


def test_a_record_reads_with_defaults_for_missing_fields_and_unknown_keys_ignored() -> None:
    read = read_record(Sample, {"name": "a", "speed": 3, "minutes": None, "from_a_newer_app": 1}, "drill")
    assert read == Sample("a", 3.0, None) and isinstance(read.speed, float)


@pytest.mark.parametrize(("raw", "message"), [
    ([], "a drill record is not a JSON object"),
    ({"name": "a", "speed": 1.0}, "a drill record has no 'minutes'"),
    ({"name": "a", "speed": True, "minutes": 1}, "a drill record has a bad 'speed': True"),
    ({"name": "a", "speed": float("inf"), "minutes": 1}, "a drill record has a bad 'speed': inf"),
    ({"name": "a", "speed": 1.0, "minutes": 1.5}, "a drill record has a bad 'minutes': 1.5"),
    ({"name": "a", "speed": 1.0, "minutes": 1, "tags": ["x", 2]}, "a drill record has a bad 'tags': ['x', 2]"),
])
def test_anything_else_is_refused_naming_the_field(raw: object, message: str) -> None:
    with pytest.raises(BadRecord) as caught:
        read_record(Sample, raw, "drill")
    assert str(caught.value) == message


def test_a_fallback_keeps_defaults_for_bad_values_but_not_for_required_fields() -> None:
    reported: list[str] = []
    read = read_record(Sample, {"name": "a", "speed": 1, "minutes": 2, "tags": "x", "ready": 1}, "drill",
                       fallback=reported.append)
    assert read == Sample("a", 1.0, 2) and reported == ["tags", "ready"]
    with pytest.raises(BadRecord, match="'name'"):
        read_record(Sample, {"name": 1, "speed": 1, "minutes": 2}, "drill", fallback=reported.append)
