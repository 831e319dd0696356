"""QuickReply's core: phrasebooks, search, templates, lint, conversations, drills.

Nothing in this package imports Qt (a test enforces it), so the core runs from the
command line, in tests and behind any user interface.
"""

__version__ = "0.1.0"
