"""The charts' palette, in one place so the statistics, the team report and the drill
progress look like one app: in the statistics and the report, amber marks what is at
or over the soft limit and red what is over the hard limit."""

from __future__ import annotations

from PySide6.QtGui import QColor

BAR_COLOUR = QColor("#4e79a7")
SOFT_COLOUR = QColor("#f2a900")
HARD_COLOUR = QColor("#d62728")
