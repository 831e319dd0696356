"""Reply-quality checks for leads writing scripts: the trade's rules, made mechanical.

Errors make a phrasebook unfit to publish (an empty reply, a short code that cannot be
typed or is used twice, a placeholder nobody fills); warnings are advice (an absolute
promise, a cold bare greeting, a message too long for a chat bubble).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Literal

from assistant.i18n import tr
from assistant.phrases.model import MAX_CODE_LENGTH, Phrase
from assistant.phrases.templates import placeholders, split_messages, unknown_placeholders

Severity = Literal["error", "warning"]
DEFAULT_MAX_LENGTH = 120

# Absolute claims about fit, colour or delivery: the trade's advice is to suggest and let
# the buyer decide.
_PROMISE_WORDS_ZH = ("保证", "一定", "绝对", "肯定", "百分百", "百分之百", "必定", "包您", "承诺")
_PROMISE_WORDS_EN = re.compile(r"\b(guarantee[sd]?|definitely|certainly|absolutely|promise[sd]?)\b|100\s?%",
                               re.IGNORECASE)
# A reply made of nothing but these reads as cold: greet and offer help in one message.
_GREETING_WORDS = re.compile(
    r"您好|你好|在吗|在的|在呢|在|亲亲|亲爱的|亲|哈喽|哈啰|嗨|hello|hi|hey|there|dear|呀|哦|啊|呢|哈", re.IGNORECASE)
_FILLER = re.compile(r"[\W_]+")
_CODE_SHAPE = re.compile(r"^[\w.\-]+$")


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    phrase_id: str = ""
    title: str = ""
    code: str = ""
    location: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def lint_phrases(phrases: list[Phrase], *, max_length: int = DEFAULT_MAX_LENGTH,
                 locations: list[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    first_with_code: dict[str, Phrase] = {}
    for index, phrase in enumerate(phrases):
        where = locations[index] if locations and index < len(locations) else ""

        def found(rule: str, severity: Severity, message: str, phrase: Phrase = phrase, where: str = where) -> None:
            findings.append(Finding(rule, severity, message, phrase.id, phrase.title, phrase.code, where))

        if not phrase.text.strip():
            found("empty-text", "error", tr("the reply is empty"))
            continue
        if phrase.code:
            if len(phrase.code) > MAX_CODE_LENGTH or not _CODE_SHAPE.match(phrase.code):
                found("malformed-code", "error",
                      tr("short code {code!r} should be letters, digits, '-', '_' or '.' (at most {n})",
                         code=phrase.code, n=MAX_CODE_LENGTH))
            if phrase.code in first_with_code:
                found("duplicate-code", "error", tr("short code {code!r} is also used by {title!r}",
                                                    code=phrase.code, title=first_with_code[phrase.code].title))
            else:
                first_with_code[phrase.code] = phrase
        for name in unknown_placeholders(phrase.text):
            found("unknown-placeholder", "error", tr("unknown placeholder {name}", name=name))
        words = _promise_words(phrase.text)
        if words:
            found("over-promise", "warning",
                  tr("absolute promise ({words}): suggest, and let the buyer decide", words=", ".join(words)))
        if is_bare_greeting(phrase.text):
            found("bare-greeting", "warning", tr("only a greeting: add an offer of help in the same message"))
        for number, part in enumerate(split_messages(phrase.text) if phrase.separate_messages else [phrase.text], 1):
            if len(part) > max_length:
                found("too-long", "warning",
                      tr("message {n} has {length} characters (over {limit}): split it into shorter messages",
                         n=number, length=len(part), limit=max_length))
    return findings


def _promise_words(text: str) -> list[str]:
    words = [word for word in _PROMISE_WORDS_ZH if word in text]
    words += [match.group(0) for match in _PROMISE_WORDS_EN.finditer(text)]
    return list(dict.fromkeys(words))


def is_bare_greeting(text: str) -> bool:
    without_placeholders = text
    for item in reversed(placeholders(text)):
        without_placeholders = without_placeholders[:item.start] + without_placeholders[item.end:]
    remainder = _FILLER.sub("", _GREETING_WORDS.sub("", without_placeholders))
    return remainder == "" and bool(_GREETING_WORDS.search(text))
