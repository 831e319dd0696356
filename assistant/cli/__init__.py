"""The ``quickreply`` command: the entry point (``main``) and one module per command group."""
