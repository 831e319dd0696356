"""``python -m assistant`` is the ``quickreply`` command."""

import sys

from assistant.cli import main

sys.exit(main())
