"""The manager's table model: reordering arithmetic and what a drag carries."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from assistant.phrases.model import Phrase
from ui.manager.model import MIME_TYPE, PhraseTableModel, decode_phrases, encode_phrases, merged_order, moved


def test_moved_puts_rows_before_the_target_keeping_their_order() -> None:
    assert moved(list("abcde"), ["d"], 1) == list("adbce")
    assert moved(list("abcde"), ["a", "c"], 5) == list("bdeac")
    assert moved(list("abcde"), ["e", "b"], 0) == list("beacd")
    assert moved(list("abc"), ["b"], 2) == list("abc")  # dropped on itself


def test_merged_order_rearranges_a_group_in_its_own_places() -> None:
    book = ["g1", "x1", "g2", "x2", "g3"]
    assert merged_order(book, ["g3", "g1", "g2"]) == ["g3", "x1", "g1", "x2", "g2"]


def test_drags_carry_ids_only_and_foreign_data_is_refused() -> None:
    assert decode_phrases(encode_phrases("book", ["a", "b"])) == ("book", ["a", "b"])
    foreign = QMimeData()
    foreign.setText("a")
    assert decode_phrases(foreign) is None
    broken = QMimeData()
    broken.setData(MIME_TYPE, b"{not json")
    assert decode_phrases(broken) is None


def test_drops_reorder_only_in_book_order_of_a_writable_book(qtbot) -> None:
    model = PhraseTableModel()
    phrases = [Phrase(text=t, code=c, hotkey=h) for t, c, h in (("a\nmore", "a", "ctrl+alt+1"), ("b", "b", ""))]
    model.set_phrases("book", phrases, draggable=True, reorderable=True)
    assert model.data(model.index(0, 3)) == "a" and model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 4)) == "Ctrl+Alt+1"
    data = model.mimeData([model.index(1, 0), model.index(1, 3)])
    with qtbot.waitSignal(model.reorderRequested) as request:
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert request.args == [[phrases[1].id], 0]
    assert not model.canDropMimeData(encode_phrases("other", [phrases[1].id]), Qt.DropAction.MoveAction, 0, 0,
                                     QModelIndex())
    model.set_phrases("book", phrases, draggable=True, reorderable=False)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    model.set_phrases("book", phrases, draggable=False, reorderable=True)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
