"""What a chat window's title says besides the buyer: the unread counter.

Chat clients put the number of unread messages into the title, at its start or end:
"(3) 王小明", "王小明 (99+)", "[2条新消息] 王小明", "【3条未读】王小明", "张三（3）",
"(1 new message) buyer42". One pattern serves both uses, so they never disagree about
what a counter is: ``clean_title`` removes it (a changing counter must not start a new
conversation) and ``unread_count`` reads it (a rising counter is a buyer waiting, see
``assistant.replies.waiting``). Only the ends of a title count: "李(2)华" is a name.
"""

from __future__ import annotations

import re

# A counter or badge: "(3)", "（3）", "(99+)", "[2条新消息]", "【3条未读】", "(1 new message)".
_BADGE = (r"[(（\[【]\s*(?P<count>\d+)\+?\s*(?:条|个)?\s*"
          r"(?:新消息|未读消息|未读|new messages?|unread(?: messages?)?)?\s*[)）\]】]")
_COUNTER = re.compile(_BADGE, re.IGNORECASE)
_LEADING = re.compile(rf"^\s*(?:[*●•]\s*|{_BADGE}\s*)+", re.IGNORECASE)
_TRAILING = re.compile(rf"(?:\s*{_BADGE})+\s*$", re.IGNORECASE)


def clean_title(title: str) -> str:
    """The title without unread counters, badges and a leading "*"/"●" at either end.

    Chat clients put the number of unread messages into the title; it changes while the
    agent answers, and must not start a new conversation.
    """
    return _TRAILING.sub("", _LEADING.sub("", title)).strip()


def unread_count(title: str) -> int | None:
    """The number the title's unread counter shows ("(99+)" shows 99); None when the
    title carries no counter at either end. Should a title carry two, the larger wins:
    it is the one that can only have risen."""
    leading = _LEADING.match(title)
    rest = title[leading.end():] if leading else title
    trailing = _TRAILING.search(rest)
    ends = f"{leading.group() if leading else ''} {trailing.group() if trailing else ''}"
    counts = [int(match.group("count")) for match in _COUNTER.finditer(ends)]
    return max(counts) if counts else None
