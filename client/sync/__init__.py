"""Sync with the central platform: HTTP client, outbox push, change-feed pull, engine.

``SyncEngine(desk, credentials)`` (in :mod:`client.sync.engine`) is the entry point; the
submodules hold the HTTP client (``http``), response checks (``shapes``), the outbox push
(``push``), the change-feed pull (``pull``) and the plain result types (``summary``).
"""
from __future__ import annotations
