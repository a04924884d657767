"""Attachments: content-addressed files, ``PUT``/``HEAD``/``GET /v1/attachments/{sha256}``.

Stored under ``<data-dir>/attachments/<sha[:2]>/<sha>``, shared platform-wide and written
atomically (PROTOCOL.md "Attachments"). Submissions check that the attachments they name
were uploaded (:mod:`sandbox.mutations`). A part of :class:`sandbox.platform.Platform`.
"""
from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from .protocol import SHA256, ApiError


class AttachmentsMixin:
    """Attachment files (uses ``self.settings`` of the platform)."""

    def _att_path(self, sha: str) -> Path:
        return self.settings.attachments_dir / sha[:2] / sha

    def has_attachment(self, sha: str) -> int | None:
        path = self._att_path(sha)
        return path.stat().st_size if path.is_file() else None

    def put_attachment(self, sha: str, data: bytes) -> tuple[bool, int]:
        sha = sha.lower()
        if not SHA256.match(sha):
            raise ApiError(400, "invalid_request", "the path must be a lowercase hex sha256")
        if len(data) > self.settings.max_attachment:
            raise ApiError(413, "attachment_too_large",
                           f"attachment larger than {self.settings.max_attachment} bytes")
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha:
            raise ApiError(400, "hash_mismatch",
                           f"body sha256 is {actual}, not the {sha} named in the path",
                           details={"actual": actual})
        path = self._att_path(sha)
        if path.is_file():
            return False, len(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return True, len(data)

    def attachment_bytes(self, sha: str) -> bytes | None:
        path = self._att_path(sha.lower()) if SHA256.match(sha.lower()) else None
        return path.read_bytes() if path is not None and path.is_file() else None
