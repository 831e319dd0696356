"""Which phrases can hold a Latin term, without reading them all.

A term that finds few phrases made every keystroke scan the whole of each of the 13
columns (12–15 ms at 50,000 phrases, most of a frame), only to find nothing. Here the
phrases are kept in blocks of ``BLOCK``, in the order they came (not in order of use,
which changes at every insertion), and, per searched form (a field's plain text, its
pinyin initials, its full pinyin), for each run of three characters the blocks it
occurs in, as the bits of one integer. Looking a term up is a few ``&`` of integers and
a look at the phrases of the blocks that remain. A term too common for that (its blocks
are more than a quarter of them) is left to the scans, which then find their results
early anyway.

A phrase removed or edited leaves its block's bits as they were: a bit too many only
makes a block looked at for nothing, and working out which bits another phrase of the
block still needs would cost an edit the whole block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence

SEPARATOR = "\x00"
_BEYOND_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def latin_forms(forms: Iterable[str | None]) -> list[str]:
    """What a term of ASCII characters can be found in, of each of a phrase's searched
    ``forms``: each run of other characters as one ``\\x1f`` (a term of ASCII never spans
    one), in lower case (the full pinyin's capitals mark syllable starts, which the tiers
    check; here they only widen what is looked at); "" for None (a pinyin form the same as
    the plain one). One call a phrase: at 50,000 phrases, one a form took 0.3 s more."""
    latin: list[str] = []
    for form in forms:
        if form and not form.isascii():
            form = _BEYOND_ASCII_RUN.sub("\x1f", form)
            if form == "\x1f":  # nothing of ASCII: held by every phrase in Chinese alone
                form = ""
        latin.append(form.lower() if form and not form.islower() else form or "")
    return latin


def usable(term: str) -> bool:
    """Whether ``term`` can be looked up here: three characters or more, all ASCII and
    none a separator (a normalised term holds neither ``\\x00`` nor ``\\x1f``)."""
    return len(term) >= 3 and term.isascii() and term.isprintable()


#: A run of three characters, as the characters (a set of these is made a third quicker
#: than one of three-character strings).
Run = tuple[str, str, str]


def _runs(text: str) -> Iterator[Run]:
    """Each run of three characters of ``text``, in order (repeated as they repeat)."""
    return zip(text, text[1:], text[2:], strict=False)


def _bits(mask: int) -> Iterator[int]:
    while mask:
        lowest = mask & -mask
        yield lowest.bit_length() - 1
        mask ^= lowest


class LatinGrams:
    """Blocks of phrases (keys of any kind), and per searched form each phrase's text
    (as ``latin_forms`` gives them) and which blocks hold each run of three characters."""

    BLOCK = 128

    def __init__(self, forms: int, forms_of: Callable[[Hashable], Sequence[str]]):
        self._forms_of = forms_of
        self._block_of: dict[Hashable, int] = {}
        self._members: list[list[Hashable]] = []
        #: Per form, each block's texts (as its members) and, per run of three
        #: characters, the blocks holding it (bits).
        self._texts: list[list[list[str]]] = [[] for _ in range(forms)]
        self._blocks_with: list[dict[Run, int]] = [{} for _ in range(forms)]

    def __len__(self) -> int:
        return len(self._block_of)

    def update(self, changed: Iterable[Hashable], gone: Iterable[Hashable]) -> None:
        """Take the forms of the ``changed`` phrases (new or edited: ``forms_of`` gives
        them now) and drop the ``gone`` ones."""
        for key in gone:
            block = self._block_of.pop(key, None)
            if block is not None:
                at = self._members[block].index(key)
                del self._members[block][at]
                for texts in self._texts:
                    del texts[block][at]
        added: dict[int, list[Sequence[str]]] = {}
        for key in changed:
            forms = self._forms_of(key)
            block = self._block_of.get(key)
            if block is None:
                block = self._place(key)
                for texts, text in zip(self._texts, forms, strict=True):
                    texts[block].append(text)
            else:
                at = self._members[block].index(key)
                for texts, text in zip(self._texts, forms, strict=True):
                    texts[block][at] = text
            added.setdefault(block, []).append(forms)
        self._add_runs(added)

    def _place(self, key: Hashable) -> int:
        """The block a new phrase goes in: the last one, or a new one when it is full."""
        if not self._members or len(self._members[-1]) >= self.BLOCK:
            self._members.append([])
            for texts in self._texts:
                texts.append([])
        block = self._block_of[key] = len(self._members) - 1
        self._members[block].append(key)
        return block

    def _add_runs(self, added: dict[int, list[Sequence[str]]]) -> None:
        """Mark each block as holding the runs of the forms ``added`` to it."""
        for block, new in added.items():
            bit = 1 << block
            for form, blocks_with in enumerate(self._blocks_with):
                held = blocks_with.get
                for run in set(_runs(SEPARATOR.join(forms[form] for forms in new))):
                    blocks_with[run] = held(run, 0) | bit

    def holding(self, form: int, term: str) -> list[Hashable] | None:
        """The phrases whose ``form`` holds ``term`` (a ``usable`` one), in no set order;
        None when the blocks that can hold it are more than a quarter of them."""
        blocks_with = self._blocks_with[form]
        mask = -1
        for run in _runs(term):
            mask &= blocks_with.get(run, 0)
            if not mask:
                return []
        blocks = list(_bits(mask))
        if len(blocks) > max(len(self._members) // 4, 1):
            return None
        texts = self._texts[form]
        return [key for block in blocks for key, text in zip(self._members[block], texts[block], strict=True)
                if term in text]
