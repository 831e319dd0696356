"""Normalisation at the door: every source ends up with the same codes and text."""

from __future__ import annotations

import pytest

from assistant.phrases.model import Phrase, Phrasebook, normalise_code, split_tags


def test_short_codes_are_half_width_lower_case() -> None:
    assert normalise_code(" ＦＨ１ ") == "fh1"
    assert Phrase(text="x", code="ShIp").code == "ship"


def test_text_has_one_newline_convention_and_no_control_characters() -> None:
    assert Phrase(text="a\r\nb\rc\x00\x07d\te").text == "a\nb\ncd\te"


def test_title_defaults_to_the_first_line() -> None:
    long_line = "亲，您的包裹已经发出啦，请注意查收哦，有问题随时找我\n第二行"
    assert Phrase(text=long_line).title == "亲，您的包裹已经发出啦，请注意查收哦，…"
    assert Phrase(text="短短一行\n第二行").title == "短短一行"
    assert Phrase(text="x", title="  two   words ").title == "two words"


def test_tags_from_cells_or_lists() -> None:
    assert split_tags("发货, 物流；售后，发货") == ("发货", "物流", "售后")
    assert Phrase(text="x", tags=["a", " a ", "b"]).tags == ("a", "b")


def test_with_changes_stamps_the_update_time() -> None:
    original = Phrase(text="x", created="2020-01-01T00:00:00Z")
    assert original.updated == "2020-01-01T00:00:00Z"
    assert original.with_changes(text="y").updated > original.updated


def test_unknown_origin_is_refused() -> None:
    with pytest.raises(ValueError):
        Phrasebook(name="x", origin="elsewhere")  # type: ignore[arg-type]
