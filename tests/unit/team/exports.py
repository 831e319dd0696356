"""Three agents' real statistics exports for the team report tests.

Each agent has a store of their own with the team's shared book, quick replies recorded
through ``ConversationLog``, typing drills in their ``DrillHistory``, their names and
goal in the settings, and an export written by ``compute_stats`` + ``export_stats`` as
``quickreply stats export`` does.

- 王芳: conversations of 2, 3, 4 and 6 quick replies (75% at or over the soft limit 3,
  25% over the hard limit 5), each buyer answered after 20 s by the first of them;
  Chinese drills rising from 60 to 96 CPM: reached 90.
- Li Lei: 1, 2, 2, 3, 6, 7 (50%, 33.3%), each buyer answered after 45 s; Chinese
  drills 40 to 70 (not reached), and English drills 80 and 84.
- 赵敏.json: an older export, from before typing drills (no agent, trainee, goals,
  drills, time saved or response times: named by its file): 1, 1, 2 (0%, 0%), with a
  book of her own.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.drills.history import DrillHistory
from assistant.drills.session import DrillResult
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog
from assistant.settings import Settings
from assistant.team.stats import compute_stats, export_stats

TEAM_PHRASES = [("p0", "fh", "已发货", "发货"), ("p1", "tk", "退款说明", "售后"), ("p2", "hi", "问候", "问候"),
                ("p3", "cf", "催付提醒", "催付"), ("p4", "bye", "结束语", "问候")]


def drill(trainee: str, language: str, cpm: float, finished: datetime, number: int) -> dict:
    """A drill record as the export carries it (``DrillResult.to_dict()`` without ``char_stats`` or ``word_stats``)."""
    return {
        "id": f"{trainee}-{language}-{number}", "finished": finished.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "trainee": trainee, "language": language, "text_id": "shipped:zh-01", "text_title": "发货话术",
        "source": "shipped", "mode": "fixed", "minutes": None, "net_cpm": cpm, "raw_cpm": cpm + 5,
        "wpm": cpm / 5 if language == "en" else None, "accuracy": 0.97, "uncorrected_errors": 1,
        "consistency": 0.3, "active_seconds": 60.0, "wall_seconds": 65.0, "wall_cpm": cpm - 3, "pauses": [],
        "keystrokes": 300, "keystrokes_per_second": 5.0, "keystrokes_per_char": 3.1,
        "ideal_keystrokes_per_char": 3.0, "corrections": 2, "characters": int(cpm), "correct_characters": int(cpm)}


def _agent_export(folder: Path, file_name: str, now: datetime, conversations: list[list[str]],
                  settings: Settings | None, drills: list[dict], own_book: bool = False,
                  answered_after: int = 0) -> Path:
    """One agent's export; ``settings`` None makes an export from before typing drills.
    With ``answered_after``, each conversation's buyer waited that many seconds for its
    first quick reply."""
    store = Store(folder / "homes" / Path(file_name).stem, seed=False)
    store.create_book(Phrasebook(name="团队话术", id="team"))
    for phrase_id, code, title, group in TEAM_PHRASES:
        store.add_phrase("team", Phrase(text=f"{title}的回复正文", code=code, title=title, group=group, id=phrase_id))
    if own_book:
        store.create_book(Phrasebook(name="我的话术", id="own"))
        store.add_phrase("own", Phrase(text="自己的回复正文", code="my", title="自己的", id="mine"))
    log = ConversationLog(store)
    for number, phrases in enumerate(conversations):
        start = now - timedelta(days=number, hours=1)
        if answered_after:
            log.wait(f"{file_name}-{number}", start - timedelta(seconds=answered_after))
        for offset, phrase_id in enumerate(phrases):
            log.record(f"{file_name}-{number}", "team", phrase_id, start + timedelta(seconds=offset))
    history = DrillHistory(store.folder)
    for record in drills:
        history.add(DrillResult.from_dict(record))
    stats = compute_stats(store, settings or Settings(), now, 30, all_phrases=True)
    if settings is None:
        for key in ("agent", "trainee", "drill_goals", "drills", "time_saved", "response_times"):
            stats.pop(key, None)
    path = folder / file_name
    export_stats(stats, path)
    return path


def team_exports(folder: Path, now: datetime | None = None) -> list[Path]:
    """The three export files, in the order 王芳, Li Lei, 赵敏."""
    now = now or datetime.now().astimezone()
    folder.mkdir(parents=True, exist_ok=True)
    wang_cpm = [60, 66, 71, 78, 84, 92, 96]
    wang = [drill("王芳", "zh", cpm, now - timedelta(days=len(wang_cpm) - day), day)
            for day, cpm in enumerate(wang_cpm)]
    li_cpm = [40, 52, 61, 70]
    li = [drill("Li Lei", "zh", cpm, now - timedelta(days=2 * (len(li_cpm) - day)), day)
          for day, cpm in enumerate(li_cpm)]
    li += [drill("Li Lei", "en", 80, now - timedelta(days=3), 10),
           drill("Li Lei", "en", 84, now - timedelta(days=1), 11)]
    return [
        _agent_export(folder, "wang.json", now, [["p0", "p0"], ["p0", "p1", "p2"], ["p0", "p1", "p1", "p2"],
                                                 ["p0"] * 6], Settings(agent_name="王芳", trainee_name="王芳"), wang,
                      answered_after=20),
        _agent_export(folder, "li.json", now, [["p1"], ["p1", "p3"], ["p2", "p2"], ["p0", "p1", "p3"],
                                               ["p0"] * 6, ["p1"] * 7],
                      Settings(agent_name="Li Lei", trainee_name="Li Lei"), li, answered_after=45),
        _agent_export(folder, "赵敏.json", now, [["p2"], ["p3"], ["p0", "p2"]], None, [], own_book=True),
    ]


def read(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))
