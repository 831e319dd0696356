"""Merging imported phrases into a book: the conflict policy, as a pure function.

A conflict is an imported phrase with the same id or the same short code as a phrase
already in the book. The policy decides per phrase: ``skip`` keeps the book's phrase,
``replace`` takes the file's content but keeps the book's phrase id (so the user's use
counts stay), ``keep-both`` adds the file's phrase beside it with a fresh id and, if
needed, a short code made unique with a suffix. Identical phrases are reported as
unchanged whatever the policy, so importing the same file twice changes nothing.

Fields the file did not carry (``absent``: a spreadsheet without a hotkey column, an IME
file with only codes and text) are not the file's to decide: a matched phrase keeps the
book's values there, both when replaced and when compared, so such a file never wipes
what the agent set in the app. Phrases added beside or anew take the defaults.

``mirror`` is for subscriptions, where the publisher's file is the whole truth: the
book becomes the file, in the file's order, but every phrase that was already there
keeps its id (so the user's use counts and favourites stay attached) and phrases the
file no longer has are reported as removed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from assistant.phrases.model import Phrase, new_id

Policy = Literal["skip", "replace", "keep-both"]
POLICIES: tuple[str, ...] = ("skip", "replace", "keep-both")
Action = Literal["added", "replaced", "skipped", "kept-both", "unchanged", "removed"]


@dataclass(frozen=True)
class Outcome:
    """What happened to one phrase of the file."""

    location: str
    title: str
    code: str
    action: Action
    detail: str = ""


@dataclass
class MergeResult:
    phrases: list[Phrase]
    outcomes: list[Outcome]

    def count(self, action: Action) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def changed(self) -> bool:
        return any(outcome.action not in ("skipped", "unchanged") for outcome in self.outcomes)


def merge(existing: list[Phrase], incoming: list[Phrase], locations: list[str], policy: Policy,
          absent: frozenset[str] = frozenset()) -> MergeResult:
    result = list(existing)
    by_id = {phrase.id: index for index, phrase in enumerate(result)}
    by_code = {phrase.code: index for index, phrase in enumerate(result) if phrase.code}
    outcomes: list[Outcome] = []

    def place(index: int | None, phrase: Phrase) -> None:
        if index is None:
            result.append(phrase)
            index = len(result) - 1
        else:
            old = result[index]
            by_code.pop(old.code, None)
            result[index] = phrase
        by_id[phrase.id] = index
        if phrase.code:
            by_code[phrase.code] = index

    for position, phrase in enumerate(incoming):
        location = locations[position] if position < len(locations) else f"#{position + 1}"
        match = by_id.get(phrase.id)
        if match is None and phrase.code:
            match = by_code.get(phrase.code)
        if match is None:
            place(None, phrase)
            outcomes.append(Outcome(location, phrase.title, phrase.code, "added"))
            continue
        current = result[match]
        kept = replace(phrase, **{name: getattr(current, name) for name in absent})
        if current.same_content(kept):
            outcomes.append(Outcome(location, kept.title, kept.code, "unchanged"))
        elif policy == "skip":
            outcomes.append(Outcome(location, kept.title, kept.code, "skipped", current.title))
        elif policy == "replace":
            holder = by_code.get(kept.code) if kept.code else None
            code = _free_code(kept.code, by_code) if holder not in (None, match) else kept.code
            place(match, replace(kept, id=current.id, code=code, created=current.created, book_id=current.book_id))
            outcomes.append(Outcome(location, kept.title, code, "replaced", current.title))
        else:
            code = _free_code(phrase.code, by_code) if phrase.code else ""
            place(None, replace(phrase, id=new_id(), code=code))
            outcomes.append(Outcome(location, phrase.title, code, "kept-both", current.title))
    return MergeResult(result, outcomes)


def _free_code(code: str, taken: dict[str, int]) -> str:
    if code not in taken:
        return code
    suffix = 2
    while f"{code}-{suffix}" in taken:
        suffix += 1
    return f"{code}-{suffix}"


def mirror(existing: list[Phrase], incoming: list[Phrase], locations: list[str]) -> MergeResult:
    """The book made equal to ``incoming``; see the module docstring.

    A phrase of the file matches the book's phrase with the same id first; only phrases
    left unmatched after that are matched by short code (files written without ids),
    so one phrase can never take over another's id and counts."""
    by_id = {phrase.id: index for index, phrase in enumerate(existing)}
    claimed: dict[int, int] = {}  # incoming position -> existing index
    for position, phrase in enumerate(incoming):
        index = by_id.get(phrase.id)
        if index is not None and index not in claimed.values():
            claimed[position] = index
    free_codes = {phrase.code: index for index, phrase in enumerate(existing)
                  if phrase.code and index not in claimed.values()}
    for position, phrase in enumerate(incoming):
        if position not in claimed and phrase.code in free_codes:
            claimed[position] = free_codes.pop(phrase.code)
    taken_ids = {existing[index].id for index in claimed.values()}
    result: list[Phrase] = []
    outcomes: list[Outcome] = []
    for position, phrase in enumerate(incoming):
        location = locations[position] if position < len(locations) else f"#{position + 1}"
        index = claimed.get(position)
        if index is None:
            fresh = replace(phrase, id=new_id()) if phrase.id in taken_ids else phrase
            taken_ids.add(fresh.id)
            result.append(fresh)
            outcomes.append(Outcome(location, phrase.title, phrase.code, "added"))
            continue
        current = existing[index]
        result.append(replace(phrase, id=current.id, created=current.created, book_id=current.book_id))
        action: Action = "unchanged" if current.same_content(phrase) else "replaced"
        outcomes.append(Outcome(location, phrase.title, phrase.code, action, current.title))
    kept = set(claimed.values())
    for index, phrase in enumerate(existing):
        if index not in kept:
            outcomes.append(Outcome("", phrase.title, phrase.code, "removed"))
    return MergeResult(result, outcomes)
