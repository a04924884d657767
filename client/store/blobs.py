"""Attachment files, content-addressed beside the database (``attachments/ab/abcdef…``).

A file is copied to a temporary name, fsynced and renamed into place, then recorded in
``blobs``; the same content stored twice is one file.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import Connection, select

from . import schema as s
from .db import utcnow
from . import dialect


def blob_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def hash_file(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def store_file(conn: Connection, root: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the attachment store; returns ``(sha256, size)``."""
    sha, size = hash_file(source)
    target = blob_path(root, sha)
    if not target.exists():
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")  # 0600
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                shutil.copyfileobj(src, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    stmt = dialect.insert(conn, s.blobs).values(sha256=sha, size=size, stored_at=utcnow())
    conn.execute(stmt.on_conflict_do_nothing(index_elements=[s.blobs.c.sha256]))
    return sha, size


def sizes(conn: Connection, shas: list[str]) -> dict[str, int]:
    rows = conn.execute(select(s.blobs.c.sha256, s.blobs.c.size).where(s.blobs.c.sha256.in_(shas)))
    return {r[0]: r[1] for r in rows}
