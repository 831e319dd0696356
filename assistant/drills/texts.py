"""Texts to practise on: the shipped drill texts (written for this app, in the trade's
own words), the user's phrasebook replies ("practise what you send"), pasted or
imported text, long texts for timed drills, and adaptive drills built from the
characters a trainee misses or types slowly.

The shipped texts live in ``phrasebooks/drills/<language>.json``, a folder of their own
so that the phrasebook loader (which reads ``phrasebooks/*.json``) never takes them for
phrasebooks.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from assistant.drills.session import LANGUAGES, DrillText, language_of, normalise_drill_text

DRILLS_FORMAT = "quickreply-drills"


def shipped_texts(language: str | None = None) -> list[DrillText]:
    """The drill texts that come with the app, Chinese first; only ``language`` when given."""
    return [text for text in _shipped() if language is None or text.language == language]


@cache
def _shipped() -> tuple[DrillText, ...]:
    folder = resources.files("phrasebooks") / "drills"
    found: list[DrillText] = []
    for language in LANGUAGES:
        document = json.loads((folder / f"{language}.json").read_text("utf-8"))
        if document.get("format") != DRILLS_FORMAT:
            raise ValueError(f"phrasebooks/drills/{language}.json is not a drill text file")
        for entry in document["texts"]:
            text = normalise_drill_text(entry["text"])
            if language_of(text) != language:
                raise ValueError(f"shipped drill {entry['id']} is not in {language}")
            found.append(DrillText(id=f"shipped:{entry['id']}", title=entry["title"], text=text,
                                   language=language, source="shipped"))
    return tuple(found)
