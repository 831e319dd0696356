"""Typing drills: texts to practise on, measuring a drill, its history and the progress
toward the trade's bar of 90 characters per minute. Qt-free; the window is in ``ui/``.

The measurement is defined in ``docs/typing-metrics.md`` (and its Chinese twin, which the
drill window shows as its help).
"""

#: The timed drills on offer (minutes), in the window and for ``quickreply drill --minutes``.
DRILL_MINUTES = (1, 3, 5)
