"""Windows open on the screen under the mouse, no larger than it, where they were left."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QWidget

from ui.widgets.placement import fitted, keep_on_screen, remember, remembered, screen_area

AREA = QRect(100, 50, 800, 600)


def test_a_window_larger_than_the_area_is_made_to_fit_and_centred() -> None:
    assert fitted(QSize(1000, 400), AREA) == QRect(100, 150, 800, 400)


def test_a_place_partly_off_the_area_is_moved_into_it() -> None:
    assert fitted(QSize(300, 200), AREA, QPoint(800, 600)) == QRect(600, 450, 300, 200)
    assert fitted(QSize(300, 200), AREA, QPoint(50, 0)) == QRect(100, 50, 300, 200)


def test_a_place_on_another_screen_gives_way_to_the_centre_of_this_one() -> None:
    assert fitted(QSize(300, 200), AREA, QPoint(3000, 100)) == QRect(350, 250, 300, 200)


def test_the_area_is_the_screen_under_the_mouse_less_a_margin(qtbot) -> None:
    screen = QGuiApplication.primaryScreen()
    QCursor.setPos(screen.geometry().center())
    assert screen.availableGeometry().contains(screen_area())
    assert screen_area().height() < screen.availableGeometry().height()


def test_a_remembered_size_is_restored_and_clamped_into_the_screen(qtbot, isolated_home: Path) -> None:
    area = screen_area()
    remember("probe", QRect(area.right() - 100, area.top() + 10, area.width() + 500, 300))
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(200, 100)
    keep_on_screen(window, "probe")
    window.show()
    assert window.geometry() == QRect(area.left(), area.top() + 10, area.width(), 300)


def test_closing_remembers_the_geometry_in_the_data_folder_only(qtbot, isolated_home: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    keep_on_screen(window, "probe")
    window.show()
    window.setGeometry(screen_area().adjusted(10, 20, -30, -40))
    window.close()
    assert remembered("probe") == screen_area().adjusted(10, 20, -30, -40)
    assert [path.name for path in isolated_home.iterdir()] == ["windows.ini"]


def test_a_window_open_when_the_app_quits_is_remembered(qtbot, isolated_home: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    keep_on_screen(window, "probe")
    window.show()
    window.setGeometry(screen_area().adjusted(5, 5, -5, -5))
    QCoreApplication.instance().aboutToQuit.emit()
    assert remembered("probe") == screen_area().adjusted(5, 5, -5, -5)


def test_an_unreadable_entry_is_no_geometry(isolated_home: Path) -> None:
    isolated_home.mkdir()
    (isolated_home / "windows.ini").write_text("[probe]\ngeometry=wide\n[other]\ngeometry=1,2,0,4\n", encoding="utf-8")
    assert remembered("probe") is None
    assert remembered("other") is None
    assert remembered("missing") is None
