"""Screenshots of every window of the registry, every settings tab and the tray icons,
in Chinese and in English: ``.venv/bin/python scripts/screenshots.py [FOLDER]`` (default
shots/, which git ignores). For looking at layouts and for the README.

Each language runs in its own process with LANG set (Qt reads the system locale once),
offscreen, in a temporary data folder holding that language's shipped book and a week of
made-up conversations, so the statistics have something to show.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALES = {"zh": "zh_CN.UTF-8", "en": "en_US.UTF-8"}
BOOKS = {"zh": "zh-ecommerce.json", "en": "en-ecommerce.json"}


def seed(home: Path, language: str) -> None:
    """The language's book, and conversations over the last week, each begun by a buyer
    waiting 8 to 70 s (ids and times only)."""
    from assistant.formats import read_phrasebook
    from assistant.phrases.store import Store, shipped_book_files
    from assistant.replies.conversations import ConversationLog

    store = Store(home, seed=False)
    book = next(path for path in shipped_book_files() if path.name == BOOKS[language])
    report = store.import_book(read_phrasebook(Path(str(book))))
    phrases = store.phrases(report.book.id, with_usage=False)
    log = ConversationLog(store)
    pick = random.Random(7)
    now = datetime.now().astimezone()
    for day in range(7):
        for buyer in range(pick.randint(3, 9)):
            when = now - timedelta(days=day, minutes=buyer * 40)
            log.wait(f"buyer-{day}-{buyer}", when - timedelta(seconds=pick.randint(8, 70)))
            for _ in range(pick.choice((1, 2, 2, 3, 3, 4, 5, 6))):
                phrase = pick.choice(phrases[:20])
                log.record(f"buyer-{day}-{buyer}", phrase.book_id, phrase.id, when)
                store.record_use(phrase.book_id, phrase.id, when.isoformat())


def shoot(out: Path, language: str) -> None:
    from PySide6.QtWidgets import QApplication, QTabWidget

    from assistant.phrases.store import Store
    from ui.app import QuickReplyApp
    from ui.context import AppContext
    from ui.i18n import install_language
    from ui.shell import Badge, badged, icon
    from ui.single_instance import SingleInstance

    app = QApplication([sys.argv[0]])
    app.setApplicationName("QuickReply")
    home = Path(os.environ["QUICKREPLY_HOME"])
    seed(home, language)
    context = AppContext(Store(home))
    assert install_language(context.settings.language) == language, "LANG did not choose the language"
    instance = SingleInstance(home)
    instance.claim()
    quick_reply = QuickReplyApp(context, instance, desktop=None)
    quick_reply.start()

    def save(widget, name: str) -> None:
        app.processEvents()
        path = out / f"{language}-{name}.png"
        widget.grab().save(str(path))
        print(path)

    save(quick_reply.shell.fallback, "fallback")
    quick_reply.shell.menu.popup(quick_reply.shell.fallback.pos())
    save(quick_reply.shell.menu, "tray-menu")
    quick_reply.shell.menu.hide()
    for name, opener in quick_reply.openers.items():
        window = opener()
        if name == "picker":
            window.query.setText("fh" if language == "zh" else "ship")
        tabs = window.findChild(QTabWidget)
        if name == "settings" and tabs is not None:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                save(window, f"{name}-{index + 1}")
        else:
            save(window, name)
        window.close()
    for count, warn in ((3, False), (5, True)):
        badged(icon("tray-light"), Badge.count(count, warn)).pixmap(64, 64).save(
            str(out / f"{language}-badge-{count}.png"))
    for seconds in (12, 42):  # a buyer waiting, and past the golden 30 seconds
        badged(icon("tray-light"), Badge.count(3, False), Badge.wait(seconds)).pixmap(64, 64).save(
            str(out / f"{language}-badge-wait-{seconds}.png"))
    quick_reply.stop()
    instance.release()


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] in LOCALES:  # one language, in a process of its own
        sys.path.insert(0, str(ROOT))
        shoot(Path(sys.argv[2]), sys.argv[1])
        return 0
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "shots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    for language, locale in LOCALES.items():
        with tempfile.TemporaryDirectory(prefix="quickreply-shots-") as home:
            env = {key: value for key, value in os.environ.items()
                   if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "QUICKREPLY_LANG", "QUICKREPLY_INSTANCE")}
            env.update(LANG=locale, QT_QPA_PLATFORM="offscreen", QUICKREPLY_HOME=home)
            subprocess.run([sys.executable, __file__, language, str(out)], env=env, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
