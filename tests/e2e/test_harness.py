"""The harness itself: xdotool typing reaches the target window and is logged."""

from __future__ import annotations


def test_xdotool_types_into_the_target(xserver, make_target) -> None:
    target = make_target("harness check")
    xserver.xdotool("type", "--delay", "0", "hello")
    assert target.wait_for_text("hello") == "hello"
    xserver.xdotool("key", "Return")
    target.wait_for_text("")
    assert target.sends() == ["hello"]
