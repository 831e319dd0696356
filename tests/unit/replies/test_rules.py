"""Window rules: the one matching and checking behind the application and title rules."""

from __future__ import annotations

import pytest

from assistant.replies.rules import Flaw, Purpose, RuleProblem, WindowRule, window_rules
from assistant.settings import Settings, default_title_rules


def test_patterns_match_ignoring_case_and_an_empty_one_matches_any_window() -> None:
    assert WindowRule().match("AnyThing", "any title")
    assert WindowRule("wechat|qq", "").match("WeChat", "张三")
    assert WindowRule("", "接待").match("AliWorkBench", "王小明 - 接待中心")
    assert WindowRule("wechat", "接待").match("WeChat", "王小明") is None
    assert WindowRule("wechat", "接待").match("QQ", "接待中心") is None


def test_a_rule_can_name_the_program_by_its_executable() -> None:
    """On Windows a Qt program's class changes with its Qt version, and every Chromium
    or Electron chat is Chrome_WidgetWin_1: the executable is what tells them apart."""
    rule = WindowRule(executable=r"^aliworkbench\.exe$")
    assert rule.match("Qt6120QWindowIcon", "王小明 - 接待中心", "AliWorkBench.exe")
    assert rule.match("Qt6120QWindowIcon", "王小明 - 接待中心", "WeChat.exe") is None
    assert rule.match("Qt6120QWindowIcon", "王小明 - 接待中心") is None, "an unknown program is not this one"
    assert WindowRule().match("AnyThing", "any title", ""), "nor does it stop a rule that does not ask"
    assert WindowRule(executable="(").match("x", "y", "(") is None


def test_the_match_carries_the_title_rules_who_group() -> None:
    match = WindowRule("qianniu", r"^(?P<who>.+?) - ").match("Qianniu", "王小明 - 接待中心")
    assert match is not None and match.group("who") == "王小明"


@pytest.mark.parametrize("rule", [WindowRule("wechat(", ""), WindowRule("", "[unclosed")])
def test_a_pattern_that_does_not_compile_never_matches(rule: WindowRule) -> None:
    assert rule.match("wechat(", "[unclosed") is None


def test_settings_entries_become_rules_keeping_their_own_keys() -> None:
    stored = {"window_class": "kitty", "title": "", "mode": "type", "note": "kept"}
    assert WindowRule.from_settings(stored) == WindowRule("kitty", "", extras={"mode": "type", "note": "kept"})
    assert WindowRule.from_settings({"mode": "type"}) == WindowRule("", "", extras={"mode": "type"})
    assert WindowRule.from_settings({"executable": "qq.exe"}) == WindowRule(executable="qq.exe")


def test_entries_that_are_not_rules_are_skipped() -> None:
    stored = ["kitty", {"window_class": 3}, {"title": None}, {"executable": ["qq"]}, {"window_class": "qq"}]
    assert window_rules(stored) == [WindowRule("qq")]


def test_a_good_application_rule_has_no_problems() -> None:
    assert WindowRule("wechat|qq", "").problems(Purpose.APP) == []
    assert all(WindowRule.from_settings(rule).problems(Purpose.APP) == [] for rule in Settings().app_rules)


def test_an_application_rule_without_patterns_would_match_every_window() -> None:
    for rule in (WindowRule(), WindowRule(" ", "  ", " ")):
        assert rule.problems(Purpose.APP) == [RuleProblem("window_class", Flaw.EVERY_WINDOW)]
    assert WindowRule(executable="chrome").problems(Purpose.APP) == []
    assert WindowRule(executable="chrome(").problems(Purpose.APP)[0].key == "executable"
    assert WindowRule().problems(Purpose.TITLE) == [RuleProblem("title", Flaw.NO_TITLE)]


def test_a_pattern_that_does_not_compile_is_a_blocking_problem_with_the_reason() -> None:
    problems = WindowRule("wechat(", "[x").problems(Purpose.APP)
    assert [(problem.key, problem.flaw, problem.blocking) for problem in problems] == [
        ("window_class", Flaw.BAD_PATTERN, True), ("title", Flaw.BAD_PATTERN, True)]
    assert "missing )" in problems[0].error


def test_a_title_rule_needs_a_title_pattern_with_a_who_group() -> None:
    assert WindowRule("qq", r"^(?P<who>.+)$").problems(Purpose.TITLE) == []
    assert WindowRule("qq", "").problems(Purpose.TITLE) == [RuleProblem("title", Flaw.NO_TITLE)]
    assert WindowRule("qq", " - 接待$").problems(Purpose.TITLE) == [
        RuleProblem("title", Flaw.NO_WHO, blocking=False)]
    # A pattern that does not compile is told as that, not as a missing group as well.
    assert [problem.flaw for problem in WindowRule("qq", "(?P<who>").problems(Purpose.TITLE)] == [Flaw.BAD_PATTERN]
    # An application rule does not need the group.
    assert WindowRule("qq", " - 接待$").problems(Purpose.APP) == []


def test_the_shipped_title_rules_have_no_problems() -> None:
    assert all(rule.problems(Purpose.TITLE) == [] for rule in window_rules(default_title_rules()))
