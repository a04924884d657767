"""The switch of the 报检单 to the eCIQ transport and trade lists (issue 13, Qt-free).

The platform publishes version :data:`ECIQ_VERSION` of ``transport_modes`` and
``trade_modes`` holding the eCIQ lists (``resources/codes/eciq/``, column ``code_list`` =
``eciq``); until a desk takes it, both tables hold the customs lists. The customs lists
stay available as ``transport_modes_customs``/``trade_modes_customs``.

* :func:`eciq_fields` — which of ``transport_mode``/``trade_mode`` a code book holds in
  eCIQ terms (the rules, the importer and the platform ask it);
* :func:`convert_stored` — called by the pull (:mod:`client.sync.pull`) in the very
  transaction that stores the new versions: every declaration the declarer can still edit
  (:data:`client.lifecycle.EDITABLE`) gets its customs codes mapped through
  :func:`client.ciq.upgrade.map_customs_codes`, is saved, and each conversion is written
  to its history through the one writer (:func:`client.store.status.record`). Filed
  declarations stay as filed. If anything fails the transaction rolls back: no draft, no
  history row and no table version is half-taken;
* :func:`switched_after` — the outbox position at the switch: rows queued before it were
  written in customs terms, and the push says so to the platform (``code_lists``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from sqlalchemy import Connection, func, select

from .. import lifecycle
from ..codes import CodeBook, parse_csv
from ..model import SCHEMA, SCHEMA_V1, loads_stored
from ..store import declarations as decl_q
from ..store import kv
from ..store import schema as s
from ..store import status as status_q
from ..store.db import utcnow
from .lists import ECIQ_VERSION, SWITCHED, eciq_fields, is_eciq_rows, switch_csv
from .upgrade import UpgradeNote, code_terms, map_customs_codes

#: drafts read, converted and saved per step (all in the one transaction)
CHUNK = 500
#: kv key written at the switch: ``{version, fields, after_seq, at, converted}``
KV_KEY = "ciq_switch"
#: the mutation field naming the lists its payload is written in (PROTOCOL.md)
CODE_LISTS = "code_lists"


@dataclass(frozen=True, slots=True)
class Conversion:
    """One stored declaration converted at the switch."""

    declaration_id: str
    notes: tuple[UpgradeNote, ...]


def switching(codes: CodeBook, tables: Mapping[str, Mapping[str, str]]) -> frozenset[str]:
    """The fields whose table goes from customs to eCIQ when ``tables`` (name → body with
    ``content``) are installed over ``codes``."""
    have = eciq_fields(codes)
    out = set()
    for t, f in SWITCHED.items():
        body = tables.get(t)
        if body is not None and f not in have and is_eciq_rows(parse_csv(body["content"])):
            out.add(f)
    return frozenset(out)


def history_note(notes: tuple[UpgradeNote, ...] | list[UpgradeNote]) -> str:
    """The history entry of one conversion, bilingual per part (see :mod:`client.notes`)."""
    parts = []
    for n in notes:
        zh, en = ("运输方式", "transport mode") if n.field == "transport_mode" else \
            ("贸易方式", "trade mode")
        if n.mapped:
            parts.append(f"{zh}改用检验检疫代码：海关 {n.old} → {n.new} / {en} switched to "
                         f"eCIQ codes, customs {n.old} → eCIQ {n.new}")
        else:
            parts.append(f"{zh} {n.old} 不在对照表中，未转换 / {en} {n.old} is not in the "
                         f"mapping, kept")
    return "；".join(parts)


def convert_stored(conn: Connection, codes: CodeBook, fields: frozenset[str],
                   version: str) -> list[Conversion]:
    """Convert every editable stored declaration's ``fields`` to eCIQ, in ``conn``'s
    transaction (see the module docstring). ``codes`` supplies the mappings."""
    if not fields:
        return []
    d = s.declarations
    done: list[Conversion] = []
    editable = sorted(lifecycle.EDITABLE)
    last = ""
    while True:   # pages of CHUNK by id: a million drafts never sit in memory at once
        rows = conn.execute(select(d.c.id, d.c.doc).where(
            d.c.status.in_(editable), d.c.id > last).order_by(d.c.id).limit(CHUNK)).all()
        if not rows:
            break
        last = rows[-1][0]
        decls, moves = [], []
        for decl_id, doc in rows:
            decl = loads_stored(doc)
            if code_terms(decl, codes) == "eciq":
                continue  # an @2 file written in eCIQ terms, imported before the switch
            if decl.schema == SCHEMA_V1:
                decl.schema = SCHEMA
            notes = map_customs_codes(decl, codes, only=fields)
            if not notes:
                continue
            decls.append(decl)
            moves.append(status_q.Move(decl_id, "draft", history_note(notes), keep_status=True))
            done.append(Conversion(decl_id, tuple(notes)))
        if decls:
            decl_q.save_many(conn, decls, existing={str(x.id): "draft" for x in decls})
            status_q.record(conn, moves)
    after = conn.execute(select(func.max(s.outbox.c.seq))).scalar() or 0
    kv.put(conn, KV_KEY, {"version": version, "fields": sorted(fields), "after_seq": after,
                          "at": utcnow(), "converted": len(done)})
    return done


def switched_after(conn: Connection) -> int | None:
    """The outbox seq at the switch (rows up to it are in customs terms), or None when
    this desk has not taken the eCIQ lists."""
    v = kv.get(conn, KV_KEY)
    return int(v["after_seq"]) if isinstance(v, dict) and "after_seq" in v else None


def code_lists_of(seq: int, after: int | None) -> str:
    """``eciq`` or ``customs``: the lists an outbox row queued at ``seq`` is written in."""
    return "eciq" if after is not None and seq > after else "customs"


__all__ = ["CODE_LISTS", "Conversion", "ECIQ_VERSION", "KV_KEY", "SWITCHED", "code_lists_of",
           "convert_stored", "eciq_fields", "history_note", "is_eciq_rows", "switch_csv",
           "switched_after", "switching"]
