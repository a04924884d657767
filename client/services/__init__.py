"""What the UI and the CLI call. :class:`Desk` is one open profile: store + code tables.

Services of other subjects (sync, batch filing, printing) take a ``Desk`` and live in
their own modules; they never reach into the UI.
"""
from .desk import Desk, ImportProblem, ImportReport  # noqa: F401
