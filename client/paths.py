"""Every path CIQ Desk touches, resolved in one place.

Order of precedence for the data directory: an explicit ``--data-dir`` (passed to
:func:`configure`), then the ``CIQDESK_DATA_DIR`` environment variable, then the OS's
per-user data directory (platformdirs). Tests, portable builds and smoke tests set one of
the first two and never touch a real profile.

The store: the SQLite file in the data directory (one desk, the default), or an office's
PostgreSQL server (issue 16) named by a URL ``postgresql+psycopg://user@host/db``: an
explicit ``--store URL`` (:func:`configure_store`), then ``CIQDESK_STORE_URL``, then the
first-run dialog's choice kept in the data directory (``office_store.txt``,
:func:`save_store_url`). The data directory keeps the desk's own files (logs, attachments, settings) either way.

Layout of a data directory::

    ciqdesk.sqlite3        the local store (WAL mode)
    attachments/ab/<sha>   attachment files, content-addressed
    backups/               copies of the database taken before each migration
    logs/ciqdesk.log       rotating log
    cache/
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "CIQDesk"
ENV_DATA_DIR = "CIQDESK_DATA_DIR"
ENV_STORE_URL = "CIQDESK_STORE_URL"

_override: Path | None = None
_store_override: str | None = None


def configure_store(url: str | None) -> None:
    """Use the store at ``url`` for this process (``None`` restores the default lookup)."""
    global _store_override
    _store_override = url or None


#: the first-run dialog's 连接办公室数据库 choice, one line in the data directory
OFFICE_FILE = "office_store.txt"


def store_url_setting(data_dir: Path | None = None) -> str | None:
    """The office store URL in force: :func:`configure_store`, then ``CIQDESK_STORE_URL``,
    then the choice saved in ``data_dir`` (``None``: the SQLite file)."""
    url = _store_override or os.environ.get(ENV_STORE_URL)
    if url:
        return url
    if data_dir is not None:
        try:
            saved = (data_dir / OFFICE_FILE).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return saved or None
    return None


def save_store_url(data_dir: Path, url: str | None) -> None:
    """Keep (``None``: forget) the office store chosen in the first-run dialog."""
    f = Path(data_dir) / OFFICE_FILE
    if url:
        f.write_text(url.strip() + "\n", encoding="utf-8")
    else:
        f.unlink(missing_ok=True)


def is_server_url(url: str | None) -> bool:
    """Whether ``url`` names a database server (PostgreSQL), not an SQLite file."""
    return bool(url) and str(url).split(":", 1)[0].split("+", 1)[0] in ("postgresql", "postgres")


def configure(data_dir: str | os.PathLike | None) -> None:
    """Use ``data_dir`` for this process (``None`` restores the default lookup)."""
    global _override
    _override = Path(data_dir).expanduser().resolve() if data_dir else None


def resource_dir() -> Path:
    """``resources/`` beside the code, or inside a pyinstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class Paths:
    """The resolved locations of one profile."""

    data_dir: Path
    #: the office store's URL (PostgreSQL); ``None``: the SQLite file :attr:`db`
    store_url: str | None = None

    @property
    def db(self) -> Path:
        return self.data_dir / "ciqdesk.sqlite3"

    @property
    def is_office(self) -> bool:
        return is_server_url(self.store_url)

    @property
    def attachments(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def cache(self) -> Path:
        return self.data_dir / "cache"

    @property
    def settings(self) -> Path:
        return self.data_dir / "settings.json"

    def ensure(self) -> "Paths":
        """Create the profile's folders, private to the user (0700 on POSIX)."""
        for p in (self.data_dir, self.attachments, self.backups, self.logs, self.cache):
            p.mkdir(mode=0o700, parents=True, exist_ok=True)
        return self


def default_data_dir() -> Path:
    from platformdirs import user_data_dir
    return Path(user_data_dir(APP_NAME, APP_NAME, roaming=False))


def resolve(data_dir: str | os.PathLike | None = None) -> Paths:
    """The profile to use: argument, then :func:`configure`, then env, then the OS default."""
    if data_dir:
        base = Path(data_dir).expanduser().resolve()
    elif _override is not None:
        base = _override
    elif os.environ.get(ENV_DATA_DIR):
        base = Path(os.environ[ENV_DATA_DIR]).expanduser().resolve()
    else:
        base = default_data_dir()
    return Paths(base, store_url_setting(base))
