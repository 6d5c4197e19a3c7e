"""Run the command line as `python -m nsss`."""

import sys

from nsss.cli import main

sys.exit(main())
