"""The sandbox platform: a runnable stand-in for the central inspection platform.

It implements ``shared/spec/platform.md`` (sync protocol v1) as a real HTTP server on
127.0.0.1 with its own SQLite database, and judges submissions with the desk's own rulebook
(``client.rules``). Start it with ``python -m sandbox --data-dir DIR``; see ``README.md`` and
``PROTOCOL.md`` beside this file. It imports only ``client.model``, ``client.codes`` and
``client.rules`` from the desk.
"""
from __future__ import annotations

__all__ = ["__version__", "PROTOCOL_VERSION"]

__version__ = "1.0.0"
PROTOCOL_VERSION = "v1"
