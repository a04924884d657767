"""The Qt desktop (PySide6). Talks to the core only through ``client.services`` calls run by
:class:`ui.tasks.TaskRunner`; never to the database or the network directly."""
from .qtfix import pin_immortals

pin_immortals()  # PySide6 6.12 / CPython 3.11 reference leak: see ui.qtfix
