"""``python -m geo`` is the ``incmap`` command."""
import sys

from .cli import main

sys.exit(main())
