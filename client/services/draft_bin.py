"""Deleting drafts, and taking a deletion back (报检单 → 最近删除的草稿).

:func:`delete_drafts` deletes any number of drafts in one transaction, keeping each in the
store's bin (:mod:`client.store.draft_bin`) for ``KEEP_DAYS`` days; :func:`restore_drafts`
saves them again under their own ids, through the store's one writer of rows
(``declarations.save_many``), judged as they are saved so the list shows their errors as
before. A draft whose id is in use again (imported
anew since it was deleted) stays in the bin and is reported, never overwritten.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from sqlalchemy import update

from ..errors import NotEditable
from ..model import loads_stored
from ..store import declarations as decl_q
from ..store import draft_bin as bin_q
from ..store import schema as s

if TYPE_CHECKING:
    from .desk import Desk


@dataclass
class Restored:
    """What :func:`restore_drafts` did: the ids saved again, and those left in the bin
    because their id (or their inspection number) is in use again."""

    restored: list[str] = field(default_factory=list)
    in_use: list[str] = field(default_factory=list)


def delete_drafts(desk: Desk, ids: Sequence[str]) -> list[str]:
    """Delete the drafts ``ids`` (all of them or none: a declaration that is not a draft
    refuses the whole call); returns the ids deleted (one already gone is skipped)."""
    ids = list(dict.fromkeys(ids))
    user = desk.user()
    with desk.db.write() as conn:
        status = decl_q.existing_status(conn, ids)
        kept = [i for i in ids if status.get(i) not in (None, "draft")]
        if kept:
            raise NotEditable(
                f"只能删除草稿：所选的报检单中有 {len(kept)} 份已定稿或已申报，均未删除",
                f"only drafts can be deleted: {len(kept)} of those chosen are finalised or "
                f"submitted; nothing was deleted")
        return bin_q.discard(conn, ids, by=user)


def deleted_drafts(desk: Desk) -> list[bin_q.Discarded]:
    """The bin's drafts, the latest deleted first."""
    with desk.db.read() as conn:
        return bin_q.listing(conn)


def restore_drafts(desk: Desk, ids: Sequence[str]) -> Restored:
    """Save the deleted drafts ``ids`` again as drafts, judged against the rules as they are
    saved (one transaction; ``draft_bin.CHUNK`` at a time, as an import stores them)."""
    from ..interchange.import_work import judged
    out = Restored()
    user = desk.user()
    ctx = desk.rule_context()
    with desk.db.write() as conn:
        wanted = list(dict.fromkeys(ids))
        taken = set(decl_q.existing_status(conn, wanted))
        found = bin_q.documents(conn, [i for i in wanted if i not in taken])
        for k in range(0, len(found), bin_q.CHUNK):
            part = found[k:k + bin_q.CHUNK]
            decls = [loads_stored(doc) for _, doc in part]
            clash = decl_q.number_conflicts(conn, decls)
            taken.update(clash)
            keep = [(d, doc) for d, (_, doc) in zip(decls, part) if d.id not in clash]
            if not keep:
                continue
            ds = [d for d, _ in keep]
            decl_q.save_many(conn, ds, docs=[doc for _, doc in keep], validation=judged(ds, ctx))
            restored = [d.id or "" for d in ds]
            conn.execute(update(s.declarations).where(s.declarations.c.id.in_(restored))
                         .values(saved_by=user))
            out.restored.extend(restored)
        bin_q.forget(conn, out.restored)
        out.in_use = [i for i in wanted if i in taken]
    return out
