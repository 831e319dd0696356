"""Reply lint: each rule fires on what it should and not on good replies."""

from __future__ import annotations

from assistant.phrases.lint import is_bare_greeting, lint_phrases
from tests.unit.helpers import phrase


def rules(*phrases, **options) -> list[str]:
    return [finding.rule for finding in lint_phrases(list(phrases), **options)]


def test_good_replies_are_clean() -> None:
    assert rules(phrase("亲，您好呀～请问有什么可以帮您？", code="hi"),
                 phrase("Hi {name}, your order usually ships within 2 days.", code="ship")) == []


def test_over_promising_words() -> None:
    assert rules(phrase("这款保证不掉色")) == ["over-promise"]
    assert rules(phrase("It will definitely fit, 100% guaranteed")) == ["over-promise"]
    assert "over-promise" not in rules(phrase("We'll compromise on the colour"))


def test_bare_greetings() -> None:
    for text in ("您好", "亲~", "{name}您好！", "Hello!", "在的亲😊"):
        assert is_bare_greeting(text), text
    assert not is_bare_greeting("您好，欢迎光临，请问想看哪款？")


def test_length_is_checked_per_message() -> None:
    long = "很" * 130
    assert rules(phrase(long)) == ["too-long"]
    assert rules(phrase("短\n---\n短", separate_messages=True), max_length=5) == []
    assert rules(phrase(f"短\n---\n{long}", separate_messages=True)) == ["too-long"]
    assert rules(phrase(long), max_length=200) == []


def test_codes_and_placeholders() -> None:
    found = rules(phrase("a", code="fh"), phrase("b", code="fh"), phrase("c", code="f h"), phrase("{nmae}好的"))
    assert found == ["duplicate-code", "malformed-code", "unknown-placeholder"]


def test_empty_text_is_an_error() -> None:
    [finding] = lint_phrases([phrase("   ")])
    assert (finding.rule, finding.severity) == ("empty-text", "error")
