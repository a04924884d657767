"""The local store: one SQLite file per profile, opened with :func:`open_store`.

Submodules hold the queries by subject (``declarations``, ``kv``, ``blobs``); services
combine them inside ``store.db.write()`` transactions.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..paths import Paths

if TYPE_CHECKING:
    from .db import Database

log = logging.getLogger(__name__)

#: names served from ``.db`` on first use, so that importing a light submodule (``quick``)
#: does not import SQLAlchemy
_FROM_DB = ("Database", "StoreError", "migrate")


def __getattr__(name: str):
    if name in _FROM_DB:
        from . import db
        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass
class Store:
    """An open profile: its paths and its database."""

    paths: Paths
    db: Database

    def close(self) -> None:
        self.db.dispose()


def open_store(paths: Paths) -> Store:
    """Open (creating and migrating as needed) the store of a profile."""
    from .db import Database, StoreError, migrate

    paths.ensure()
    if paths.store_url:
        return _open_office(paths)
    from .damage import check_file, store_error_from
    check_file(paths.db)  # a folder, a 0-byte or a damaged file is refused, never re-created
    db = Database(paths.db)
    try:
        migrate(db, paths.backups)
    except StoreError:
        db.dispose()
        raise
    except Exception as exc:  # noqa: BLE001 - re-raised; damage is named
        db.dispose()
        raise store_error_from(exc, paths.db) or exc
    return Store(paths, db)


def _open_office(paths: Paths) -> Store:
    """The office's PostgreSQL store (issue 16): connect, migrate, or say in Chinese why not."""
    from .db import Database, StoreError, migrate
    from .office import unreachable

    assert paths.store_url is not None
    if not paths.is_office:
        raise StoreError(f"不支持的数据库地址：{paths.store_url}（应为 postgresql+psycopg://…）",
                         f"Unsupported store URL {paths.store_url} "
                         f"(expected postgresql+psycopg://…)")
    db = Database(url=paths.store_url, desk=desk_id(paths))
    try:
        migrate(db, paths.backups)
    except StoreError:
        db.dispose()
        raise
    except Exception as exc:  # noqa: BLE001 - a server that cannot be reached is named
        db.dispose()
        raise unreachable(exc, paths.store_url) or exc
    return Store(paths, db)


def desk_id(paths: Paths) -> str:
    """This desk's id in an office (made once, kept in the data directory's ``desk_id``)."""
    f = paths.data_dir / "desk_id"
    try:
        return f.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        from ..model import new_ulid
        ident = new_ulid()
        f.write_text(ident + "\n", encoding="ascii")
        return ident


def check_office(url: str, data_dir) -> None:
    """Connect to the office store at ``url`` and bring its schema up to date (what the
    first-run dialog's 连接办公室数据库 runs before saving the choice); raises
    :class:`StoreError` in Chinese when it cannot."""
    store = _open_office(Paths(Path(data_dir), url).ensure())
    store.close()
