"""A team lead and agents for the subscription tests: real stores in separate data
folders, publishing through the same code as ``quickreply publish``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.team import publication

TEAM_PHRASES = [
    ("fh", "发货", "亲，今天下单今天发货，一般两到三天送到哦"),
    ("zd", "问候", "在的亲，请问有什么可以帮您？"),
    ("th", "售后", "亲，收到货七天内可以申请退换，运费我们来出"),
]


class Lead:
    """Keeps the team's book in an own store and publishes it."""

    def __init__(self, folder: Path, private_key=None):
        self.store = Store(folder, seed=False)
        self.store.create_book(Phrasebook(name="团队话术", id="team"),
                               [Phrase(text=text, code=code, group=group) for code, group, text in TEAM_PHRASES])
        self.private_key = private_key

    def phrase(self, code: str) -> Phrase:
        return next(item for item in self.store.phrases("team") if item.code == code)

    def publish(self, target: Path) -> int:
        book = self.store.book("team")
        _path, revision = publication.publish(book, self.store.phrases("team", with_usage=False),
                                             publication.target_path(str(target), book), self.private_key)
        self.store.update_book(replace(book, revision=revision))
        return revision

    def edit(self) -> None:
        """One phrase changed, one removed, one added: what an update must report."""
        changed = self.phrase("fh")
        self.store.update_phrase("team", changed.with_changes(text="亲，今天下午四点前下单当天发货"))
        self.store.delete_phrase("team", self.phrase("th").id)
        self.store.add_phrase("team", Phrase(text="亲，感谢您的耐心等待，祝您生活愉快", code="zj", group="结束"))


def own_data(store: Store, subscribed_book: str) -> dict:
    """Everything of the agent's own that an update must leave alone: the bytes of every
    other book and every use count outside the subscribed book."""
    books = {path.name: path.read_bytes() for path in sorted((store.home / "books").glob("*.json"))
             if path.stem != subscribed_book}
    usage = sorted((entry["book"], entry["phrase"], entry["count"])
                   for entry in store._usage.table("usage").all() if entry["book"] != subscribed_book)
    return {"books": books, "usage": usage}
