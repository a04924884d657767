"""``python -m client``: the command-line interface (see :mod:`client.cli.main`)."""
import sys

from client.cli.main import main

sys.exit(main())
