"""What the CLI and the desktop call for certificates of origin (no network, no Qt).

:class:`OriginDesk` wraps a :class:`~client.services.desk.Desk` (its store and code book):
import JSON files, start one from an outbound declaration, save, validate (results kept),
list and count, and **file**: validate → ``ready`` → outbox row (``doc_kind
origin_certificate``), in one transaction; the next sync sends it.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import DeskError
from ..rules.base import Issue
from ..sync import kinds
from . import rules, store
from .model import EDITABLE, FORMAT, new_certificate
from .sync import NAME
from .tables import AGREEMENTS


class OriginDesk:
    """Certificates of origin of one desk (see the module docstring)."""

    def __init__(self, desk, today: date | None = None):
        self.desk = desk
        self._today = today

    @property
    def today(self) -> date:
        return self._today or date.today()

    # -- reading --------------------------------------------------------------------
    def get(self, cid: str) -> dict:
        with self.desk.db.read() as conn:
            doc = store.load(conn, cid)
        if doc is None:
            raise DeskError(f"没有原产地证书 {cid}", f"no certificate of origin {cid}")
        return doc

    def row(self, cid: str) -> store.CertificateRow:
        with self.desk.db.read() as conn:
            r = store.row(conn, cid)
        if r is None:
            raise DeskError(f"没有原产地证书 {cid}", f"no certificate of origin {cid}")
        return r

    def list_rows(self, status: str | None = None) -> list[store.CertificateRow]:
        with self.desk.db.read() as conn:
            return store.list_rows(conn, status)

    def counts(self) -> dict[str, int]:
        with self.desk.db.read() as conn:
            return store.counts(conn)

    def history(self, cid: str) -> list[dict]:
        with self.desk.db.read() as conn:
            return store.history(conn, cid)

    # -- writing --------------------------------------------------------------------
    def save(self, doc: dict) -> store.CertificateRow:
        """Save a draft (new or editable); bad shapes are kept out by :func:`validate`."""
        if not isinstance(doc.get("id"), str) or not doc["id"]:
            raise DeskError("原产地证书缺少 id", "the certificate has no id", field="id")
        with self.desk.db.write() as conn:
            r = store.row(conn, doc["id"])
            if r is not None and r.status not in EDITABLE:
                raise DeskError(f"原产地证书状态为 {r.status}，不能修改",
                                f"a certificate in status {r.status} cannot be changed")
            if r is not None and r.status == "rejected":
                store.move(conn, doc["id"], "draft", "退回后修改", "local")
            store.save(conn, doc)
            out = store.row(conn, doc["id"])
        assert out is not None
        return out

    def new_from(self, decl_id: str, agreement: str, criterion: str | None = None) -> dict:
        from .model import from_declaration
        if agreement not in AGREEMENTS:
            raise DeskError(f"未知的证书类型 {agreement}（可用：{'、'.join(AGREEMENTS)}）",
                            f"unknown agreement {agreement} ({', '.join(AGREEMENTS)})",
                            field="agreement")
        decl = self.desk.get(decl_id)
        if decl.direction != "outbound":
            raise DeskError("原产地证书只能由出境报检单生成", "a certificate of origin is "
                            "started from an outbound declaration", field="direction")
        doc = from_declaration(decl, agreement, criterion, today=self.today)
        self.save(doc)
        return doc

    def import_file(self, path: str | Path) -> list[str]:
        """Save the certificates in a JSON file (one object or a list); returns their ids.
        A file that is not JSON is refused whole (nothing saved)."""
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise DeskError(f"无法读取文件 {path}：{exc}", f"cannot read {path}: {exc}") from exc
        items = data if isinstance(data, list) else [data]
        docs = []
        for i, raw in enumerate(items):
            if not isinstance(raw, dict):
                raise DeskError(f"第{i + 1}项不是对象", f"item {i + 1} is not an object")
            doc = new_certificate()
            doc.update(raw)
            doc["format"] = FORMAT
            docs.append(doc)
        return [self.save(d).id for d in docs]

    def validate(self, cid: str) -> list[Issue]:
        doc = self.get(cid)
        _doc, issues = rules.validate(doc, self.desk.codes, self.today)
        errs = len(rules.errors(issues))
        with self.desk.db.write() as conn:
            store.set_validation(conn, cid, errs, len(issues) - errs)
        return issues

    def file(self, cid: str) -> list[Issue]:
        """Validate and queue for sending; raises :class:`DeskError` (nothing changed) when
        the certificate has errors, naming the first one's field."""
        doc = self.get(cid)
        clean, issues = rules.validate(doc, self.desk.codes, self.today)
        errs = rules.errors(issues)
        with self.desk.db.write() as conn:
            store.set_validation(conn, cid, len(errs), len(issues) - len(errs))
            if errs:
                first = errs[0]
                raise DeskError(f"原产地证书有 {len(errs)} 个错误：[{first.field}] {first.message_zh}",
                                f"{len(errs)} errors: [{first.field}] {first.message_en}",
                                field=first.field)
            r = store.row(conn, cid)
            assert r is not None
            if r.status not in ("draft", "rejected"):
                raise DeskError(f"原产地证书状态为 {r.status}，不能再次申报",
                                f"a certificate in status {r.status} cannot be filed again")
            store.move(conn, cid, "ready", "已定稿，待发送", "local")
            kinds.enqueue_doc(conn, NAME, cid, "submit")
        return issues

    def issues_dict(self, issues: list[Issue]) -> list[dict[str, Any]]:
        return [i.to_dict() for i in issues]
