"""Hypothesis strategies for phrases that every format must carry intact."""

from __future__ import annotations

from hypothesis import strategies as st

from assistant.phrases.model import Phrase, normalise_text

# Characters that have broken table formats before: separators, quotes, line breaks in
# every convention, characters XML cannot hold, a BOM, an IDEOGRAPHIC SPACE; the
# characters a spreadsheet starts a formula with, and the apostrophe that marks text.
_EXTRA = ["\n", "\r\n", "\r", "\t", " ", ",", ";", '"', "'", "''", "=", "+", "-", "@", "{", "}",
          "😀", "你好", "，", "、", "\u3000",
          "\x00", "\x0b", "\x85", "\u2028", "\ufeff", "\ufffe", "\uffff", "_x000D_"]
_CHARS = st.characters(blacklist_categories=("Cs", "Cc"))
_PIECES = st.one_of(_CHARS, st.sampled_from(_EXTRA))
TEXTS = st.lists(_PIECES, min_size=1, max_size=40).map("".join).filter(lambda text: normalise_text(text).strip())
_LABEL_EXTRA = ["你好", " ", "😀", ",", '"', "=", "+", "-", "@", "'"]
LABELS = st.lists(st.one_of(_CHARS, st.sampled_from(_LABEL_EXTRA)), max_size=12).map("".join)
TAGS = st.lists(st.text(alphabet=st.sampled_from("abc售后物流 '=+-@"), max_size=5), max_size=3)


@st.composite
def phrase_lists(draw) -> list[Phrase]:
    codes = draw(st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), unique=True, min_size=1, max_size=6))
    return [
        Phrase(
            text=draw(TEXTS),
            title=draw(LABELS),
            group=draw(LABELS),
            code=draw(st.sampled_from([code, ""])),
            tags=tuple(draw(TAGS)),
            hotkey=draw(st.sampled_from(["", "Ctrl+1", "F2", "Alt+Shift+Q", "+", "-", "=", "@"])),
            separate_messages=draw(st.booleans()),
        )
        for code in codes
    ]
