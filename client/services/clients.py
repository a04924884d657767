"""A customs broker's client enterprises and the defaults each one's declarations start from.

After login the platform describes the broker in kv ``enterprise`` with the enterprises it
may file for (``{..., "clients": [{uscc, name_cn, name_en, reg_no, credit_grade}, ...]}``).
:class:`ClientsService` mirrors them into the ``enterprises`` table (``is_self = 0``),
where each client also keeps its ``defaults``: field paths → values (consignee, ports,
bureaus, declarer...) filled into every new declaration made for that client.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, select, update

from ..errors import InputError, NotFound
from ..fields import label
from ..interchange.cells import CellError, reader_for
from ..interchange.columns import BY_PATH
from ..model import DIRECTIONS, Declaration, Party
from ..store import kv
from ..store import schema as s
from ..store.db import utcnow
from ..store import dialect

log = logging.getLogger(__name__)

#: header fields a client's defaults may not set: identity, numbering, the parties the
#: service fills itself, and per-shipment dates
_NOT_DEFAULTS = ("id", "inspection_no", "status", "direction", "schema")
_NOT_DEFAULT_PREFIXES = ("declarant.", "agent.")


def default_keys() -> list[str]:
    """The field paths a client's defaults may hold."""
    return [c.path for c in BY_PATH.values()
            if c.part == "header" and c.path not in _NOT_DEFAULTS and c.kind != "date"
            and not c.path.startswith(_NOT_DEFAULT_PREFIXES)]


@dataclass(frozen=True, slots=True)
class ClientEnterprise:
    """An enterprise a broker files for, with its credit grade and declaration defaults."""

    uscc: str
    name_cn: str | None
    name_en: str | None
    reg_no: str | None
    credit_grade: str | None
    defaults: dict = field(default_factory=dict)

    def party(self) -> Party:
        return Party(name_cn=self.name_cn, name_en=self.name_en, reg_no=self.reg_no,
                     uscc=self.uscc)

    def to_dict(self) -> dict:
        return {"uscc": self.uscc, "name_cn": self.name_cn, "name_en": self.name_en,
                "reg_no": self.reg_no, "credit_grade": self.credit_grade,
                "defaults": dict(self.defaults)}


class ClientsService:
    """Lists a broker's clients, keeps their defaults and starts drafts for them."""

    def __init__(self, desk):
        self.desk = desk

    # -- the broker --------------------------------------------------------------
    def broker(self) -> Party | None:
        """The logged-in enterprise as a party (the ``agent`` of its clients' drafts)."""
        me = self.desk.enterprise() or {}
        if not me.get("uscc"):
            return None
        return Party(name_cn=me.get("name_cn"), name_en=me.get("name_en"),
                     reg_no=me.get("reg_no"), uscc=me.get("uscc"))

    # -- clients -------------------------------------------------------------------
    def refresh(self) -> int:
        """Copy the clients of kv ``enterprise`` into ``enterprises``, keeping defaults."""
        t = s.enterprises
        with self.desk.db.write() as conn:
            me = kv.get(conn, "enterprise") or {}
            clients = [c for c in me.get("clients") or [] if isinstance(c, dict) and c.get("uscc")]
            now = utcnow()
            for c in clients:
                values = {"name_cn": c.get("name_cn"), "name_en": c.get("name_en"),
                          "reg_no": c.get("reg_no"), "credit_grade": c.get("credit_grade"),
                          "credit_grade_updated_at": c.get("credit_grade_updated_at"),
                          "synced_at": now}
                stmt = dialect.insert(conn, t).values(uscc=c["uscc"], is_self=0, **values)
                conn.execute(stmt.on_conflict_do_update(index_elements=[t.c.uscc], set_=values))
        return len(clients)

    def list(self) -> list[ClientEnterprise]:
        """Every client enterprise, by Chinese name."""
        self.refresh()
        t = s.enterprises
        with self.desk.db.read() as conn:
            rows = conn.execute(select(t.c.uscc, t.c.name_cn, t.c.name_en, t.c.reg_no,
                                       t.c.credit_grade, t.c.defaults)
                                .where(t.c.is_self == 0).order_by(t.c.name_cn, t.c.uscc))
            return [_client(r) for r in rows]

    def get(self, uscc: str) -> ClientEnterprise:
        t = s.enterprises
        with self.desk.db.read() as conn:
            row = conn.execute(select(t.c.uscc, t.c.name_cn, t.c.name_en, t.c.reg_no,
                                      t.c.credit_grade, t.c.defaults)
                               .where(and_(t.c.uscc == uscc, t.c.is_self == 0))).first()
        if row is None:
            self.refresh()
            with self.desk.db.read() as conn:
                row = conn.execute(select(t.c.uscc, t.c.name_cn, t.c.name_en, t.c.reg_no,
                                          t.c.credit_grade, t.c.defaults)
                                   .where(and_(t.c.uscc == uscc, t.c.is_self == 0))).first()
        if row is None:
            raise NotFound(f"不是本账户的委托企业：{uscc}（请先登录同步委托企业列表）",
                           f"{uscc} is not one of this account's client enterprises")
        return _client(row)

    # -- defaults --------------------------------------------------------------------
    def defaults(self, uscc: str) -> dict:
        return dict(self.get(uscc).defaults)

    def set_defaults(self, uscc: str, values: dict[str, Any]) -> dict:
        """Set (or, with ``None``/empty, remove) default values; returns the new defaults.

        Values are read like template cells (``是``/``否``, full-width digits, a drop-down
        entry ``310000 上海…``). An unknown or unreadable key refuses the whole change.
        """
        client = self.get(uscc)
        allowed = set(default_keys())
        new = dict(client.defaults)
        for key, raw in values.items():
            key = key.strip()
            if key not in allowed:
                raise InputError(
                    f"“{key}”不能作为委托企业的默认值；可用：{', '.join(sorted(allowed))}",
                    f"{key!r} cannot be a client default; use one of {', '.join(sorted(allowed))}",
                    field=key)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                new.pop(key, None)
                continue
            try:
                value = reader_for(BY_PATH[key])(raw)
            except CellError as exc:
                raise InputError(f"{label(key)}：{exc.message_zh}",
                                 f"{label(key, 'en')}: {exc.message_en}", field=key) from None
            new[key] = value
        t = s.enterprises
        with self.desk.db.write() as conn:
            conn.execute(update(t).where(t.c.uscc == uscc)
                         .values(defaults=json.dumps(new, ensure_ascii=False)))
        return new

    # -- drafts ----------------------------------------------------------------------
    def apply_defaults(self, decl: Declaration, defaults: dict) -> Declaration:
        """Fill ``decl`` with a client's defaults (in place); returns it."""
        for path, value in defaults.items():
            head, dot, tail = path.partition(".")
            if dot:
                obj = getattr(decl, head, None)
                if obj is None:
                    from ..model import Declarer
                    obj = Declarer() if head == "declarer" else Party()
                    setattr(decl, head, obj)
                if hasattr(obj, tail):
                    setattr(obj, tail, value)
            elif hasattr(decl, head):
                setattr(decl, head, value)
        return decl

    def new_draft_for(self, client_uscc: str, direction: str = "inbound", *,
                      save: bool = False) -> Declaration:
        """A new draft filed for a client: ``declarant`` = the client, ``agent`` = the broker.

        The client's defaults are filled in; ``save`` stores it right away.
        """
        if direction not in DIRECTIONS:
            raise InputError(f"出入境应为 inbound 或 outbound，而不是 {direction}",
                             f"direction must be inbound or outbound, not {direction}")
        client = self.get(client_uscc)
        decl = self.desk.new_draft(direction)
        decl.declarant = client.party()
        decl.agent = self.broker()
        self.apply_defaults(decl, client.defaults)
        if save:
            self.desk.save_draft(decl)
        return decl


def _client(row) -> ClientEnterprise:
    try:
        defaults = json.loads(row[5]) if row[5] else {}
    except ValueError:
        log.warning("defaults of client %s are not JSON; ignored", row[0])
        defaults = {}
    return ClientEnterprise(row[0], row[1], row[2], row[3], row[4], defaults)
