"""``python -m assistant`` is the ``quickreply`` command."""

import sys

from assistant.cli.main import main

sys.exit(main())
