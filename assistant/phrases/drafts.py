"""Checks for one phrase while someone edits it, in the context of its book and the
app's own hotkeys.

Lint and chord rules already exist; what this module adds is the *context*: a draft's
short code is checked against the rest of its book (not against its own saved copy),
and its hotkey against every other phrase in every book and the app's global hotkeys,
because hotkeys are global and a chord can only do one thing. The manager shows the
results live; keeping the rules here lets the CLI or a future editor give the same
answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from assistant.desktop.chords import Chord, find_conflicts, parse_chord, reserved_reason
from assistant.errors import BadInput
from assistant.phrases.lint import DEFAULT_MAX_LENGTH, Finding, lint_phrases
from assistant.phrases.model import Phrase
from assistant.settings import Settings

ClashKind = Literal["invalid", "reserved", "app", "phrase"]
_DRAFT = "draft"


def lint_draft(draft: Phrase, book_phrases: Iterable[Phrase], *,
               max_length: int = DEFAULT_MAX_LENGTH) -> list[Finding]:
    """Lint findings about ``draft`` alone, with duplicate codes found against the rest
    of the book. The draft's saved copy (same id) is left out, so keeping one's own code
    is no conflict, and findings about other phrases are not the editor's business."""
    others = [phrase for phrase in book_phrases if phrase.id != draft.id]
    # The draft goes last: lint reports a duplicate code on the later phrase.
    findings = lint_phrases([*others, draft], max_length=max_length)
    return [finding for finding in findings if finding.phrase_id == draft.id]


def app_hotkeys(settings: Settings) -> dict[str, str]:
    """The app's own global hotkeys by role ("picker", "pause"), as chord text."""
    return {"picker": settings.picker_hotkey, "pause": settings.pause_hotkey}


@dataclass(frozen=True)
class HotkeyClash:
    """Why a phrase cannot have its hotkey.

    ``detail`` is, by ``kind``: the reason (already translated) for "invalid" and
    "reserved"; the role named by ``app_hotkeys`` for "app"; the other phrase's title
    for "phrase" (``phrase`` holds that phrase)."""

    kind: ClashKind
    detail: str
    phrase: Phrase | None = None


def hotkey_clash(draft: Phrase, all_phrases: Iterable[Phrase], app: Mapping[str, str]) -> HotkeyClash | None:
    """The first reason ``draft.hotkey`` cannot be used, or None (also for no hotkey).

    ``all_phrases`` are the phrases of every book; the draft's own saved copy (same book
    and id) is skipped. Other phrases' hotkeys that do not parse are ignored here: they
    are those phrases' own problem."""
    if not draft.hotkey:
        return None
    try:
        candidate = parse_chord(draft.hotkey)
    except BadInput as error:
        return HotkeyClash("invalid", error.message)
    reason = reserved_reason(candidate)
    if reason:
        return HotkeyClash("reserved", reason)
    owners: dict[str, HotkeyClash] = {}
    assignments: list[tuple[str, Chord]] = []
    for role, text in app.items():
        _assign(assignments, owners, f"app:{role}", text, HotkeyClash("app", role))
    for number, phrase in enumerate(all_phrases):
        if (phrase.book_id, phrase.id) != (draft.book_id, draft.id):
            _assign(assignments, owners, f"phrase:{number}", phrase.hotkey,
                    HotkeyClash("phrase", phrase.title, phrase))
    assignments.append((_DRAFT, candidate))
    owner = find_conflicts(assignments).get(_DRAFT)
    return owners[owner] if owner else None


def _assign(assignments: list[tuple[str, Chord]], owners: dict[str, HotkeyClash], name: str, text: str,
            clash: HotkeyClash) -> None:
    if not text:
        return
    try:
        assignments.append((name, parse_chord(text)))
    except BadInput:
        return
    owners[name] = clash
