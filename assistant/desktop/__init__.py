"""Thin adapters to the desktop: which session we are in, global hotkeys, sending keys,
the active window. Qt-free; each backend runs its own thread where it needs one and
reports through plain callbacks, which the UI turns into queued Qt signals.
"""
