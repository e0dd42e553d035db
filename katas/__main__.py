"""``python -m katas``: the katas runner (the same as the ``katas`` command)."""

import sys

from katas._runner.cli import main

sys.exit(main())
