"""The local store: one SQLite file per profile, opened with :func:`open_store`.

Submodules hold the queries by subject (``declarations``, ``kv``, ``blobs``); services
combine them inside ``store.db.write()`` transactions.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from ..paths import Paths
from .db import Database, StoreError, migrate  # noqa: F401

log = logging.getLogger(__name__)


@dataclass
class Store:
    """An open profile: its paths and its database."""

    paths: Paths
    db: Database

    def close(self) -> None:
        self.db.dispose()


def open_store(paths: Paths) -> Store:
    """Open (creating and migrating as needed) the store of a profile."""
    paths.ensure()
    db = Database(paths.db)
    try:
        migrate(db, paths.backups)
    except StoreError:
        db.dispose()
        raise
    return Store(paths, db)
