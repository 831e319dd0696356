"""``python -m ui`` is the ``quickreply`` command."""

import sys

from ui.launcher import main

sys.exit(main())
