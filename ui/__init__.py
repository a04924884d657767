"""The Qt desktop (PySide6). Talks to the core only through ``client.services`` calls run by
:class:`ui.tasks.TaskRunner`; never to the database or the network directly."""
