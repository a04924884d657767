"""Code tables: the platform's CodeBook and ``GET /v1/codes``, ``GET /v1/codes/{table}``.

One :class:`client.codes.CodeBook` per process: the built-in tables
(``resources/codes/manifest.json``) overridden by the latest versions published with
``POST /admin/codes/{table}`` (stored in ``code_versions``; publishing lives in
:mod:`sandbox.admin`). The same CodeBook drives the platform's own validation of
submissions (PROTOCOL.md "Code tables"). A part of :class:`sandbox.platform.Platform`.
"""
from __future__ import annotations

import logging
import threading

from sqlalchemy import select

from client.codes import CodeBook, TABLES
from client.rules import RuleContext, validate_raw

from . import db
from .protocol import ApiError

log = logging.getLogger("sandbox")


def check_table(name: str) -> None:
    """404 ``unknown_table`` unless ``name`` is one of the code tables."""
    if name not in TABLES:
        raise ApiError(404, "unknown_table", f"no code table named {name!r}")


class CodeTablesMixin:
    """Code tables (uses ``self.db`` and ``self.codes`` of the platform)."""

    def _load_codebook(self) -> CodeBook:
        """One CodeBook per process: built-ins overridden by the latest published versions."""
        overrides = {}
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(db.code_versions).order_by(db.code_versions.c.id)).all()
        for r in rows:
            overrides[r.table_name] = (r.version, r.sha256, r.content)
        return CodeBook(overrides=overrides)

    def _warm_rules(self) -> None:
        """Load the rulebook at start; the tables and lookups a whole declaration's judging
        reads (the CIQ lookup: ≈ 0.4 s) in a background thread, so that neither the start
        nor the first batch waits for them (the code book's loads are thread-safe)."""
        try:
            validate_raw({}, RuleContext(codes=self.codes, credit_grade="B"))
        except Exception:  # noqa: BLE001 - a broken rule module must not stop the server
            log.exception("warming the rulebook failed")
            return
        threading.Thread(target=self._warm_tables, name="warm-tables", daemon=True).start()

    def _warm_tables(self) -> None:
        try:
            from client.model import to_dict
            from client.rules.sample import sample_declaration
            ctx = RuleContext(codes=self.codes, credit_grade="B")
            for direction in ("inbound", "outbound"):
                validate_raw(to_dict(sample_declaration(direction, 2)), ctx)
        except Exception:  # noqa: BLE001 - a broken rule module must not stop the server
            log.exception("warming the code tables failed")

    def code_tables(self) -> list[dict]:
        out = []
        for name in TABLES:
            try:
                t = self.codes.table(name)
            except (KeyError, FileNotFoundError):
                continue
            out.append({"table": name, "version": t.version, "sha256": t.sha256})
        return out

    def code_table(self, name: str, version: str | None) -> dict:
        check_table(name)
        t = self.codes.table(name)
        if version is None or version == t.version:
            content = self._current_csv(name)
            return {"table": name, "version": t.version, "sha256": t.sha256, "content": content}
        with self.db.engine.connect() as conn:
            row = conn.execute(select(db.code_versions).where(
                db.code_versions.c.table_name == name,
                db.code_versions.c.version == version)).first()
        if row is not None:
            return {"table": name, "version": row.version, "sha256": row.sha256,
                    "content": row.content}
        meta = self.codes._manifest.get(name)
        if meta and meta["version"] == version:
            return {"table": name, "version": version, "sha256": meta["sha256"],
                    "content": self.codes.builtin_csv(name)}
        raise ApiError(404, "unknown_version", f"table {name} has no version {version!r}")

    def _current_csv(self, name: str) -> str:
        ov = self.codes._overrides.get(name)
        if ov is not None:
            return ov[2]
        return self.codes.builtin_csv(name)
