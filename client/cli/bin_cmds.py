"""``python -m client delete|deleted|restore``: deleting drafts and taking it back.

The same bin as the desktop's 报检单 → 最近删除的草稿 (:mod:`client.services.draft_bin`)::

    python -m client delete ID... [--json]     # drafts only; one that is not refuses all
    python -m client deleted [--json]          # the bin, the latest deleted first
    python -m client restore ID... [--json]    # saved again as drafts under their own ids

Exit codes as everywhere: 0 done; 1 some were not restored (their id is in use again) or
not found; 2 refused (a declaration that is not a draft).
"""
from __future__ import annotations

import sys

from ..services import draft_bin
from ..store.draft_bin import KEEP_DAYS


def register(sub) -> None:
    p = sub.add_parser("delete", help=f"删除草稿（{KEEP_DAYS} 天内可恢复）/ delete drafts (restorable)")
    p.add_argument("ids", nargs="+", metavar="ID", help="本地编号")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_delete)
    p = sub.add_parser("deleted", help="最近删除的草稿 / recently deleted drafts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_deleted)
    p = sub.add_parser("restore", help="恢复删除的草稿 / restore deleted drafts")
    p.add_argument("ids", nargs="+", metavar="ID", help="本地编号")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_restore)


def cmd_delete(ctx) -> int:
    ids = list(dict.fromkeys(ctx.args.ids))
    deleted = draft_bin.delete_drafts(ctx.desk(), ids)
    missing = [i for i in ids if i not in deleted]
    if ctx.args.json:
        ctx.print_json({"deleted": deleted, "not_found": missing})
    else:
        print(ctx.t(f"已删除 {len(deleted)} 份草稿（{KEEP_DAYS} 天内可用 restore 恢复）",
                    f"deleted {len(deleted)} draft(s) (restore them within {KEEP_DAYS} days)"))
        for i in missing:
            print(ctx.t(f"找不到草稿 {i}", f"no draft {i}"), file=sys.stderr)
    return 1 if missing else 0


def cmd_deleted(ctx) -> int:
    rows = draft_bin.deleted_drafts(ctx.desk())
    if ctx.args.json:
        ctx.print_json([{"id": r.id, "deleted_at": r.deleted_at, "deleted_by": r.deleted_by,
                         "direction": r.direction, "contract_no": r.contract_no,
                         "party": r.party, "goods": r.goods} for r in rows])
        return 0
    for r in rows:
        print("\t".join(x or "" for x in (r.id, r.deleted_at, r.direction, r.contract_no,
                                          r.party, r.goods)))
    return 0


def cmd_restore(ctx) -> int:
    ids = list(dict.fromkeys(ctx.args.ids))
    got = draft_bin.restore_drafts(ctx.desk(), ids)
    missing = [i for i in ids if i not in got.restored and i not in got.in_use]
    if ctx.args.json:
        ctx.print_json({"restored": got.restored, "in_use": got.in_use, "not_found": missing})
    else:
        print(ctx.t(f"已恢复 {len(got.restored)} 份草稿", f"restored {len(got.restored)} draft(s)"))
        for i in got.in_use:
            print(ctx.t(f"{i}：同一编号的报检单已经存在，未恢复",
                        f"{i}: a declaration with this id exists again; not restored"),
                  file=sys.stderr)
        for i in missing:
            print(ctx.t(f"{i}：不在最近删除的草稿中", f"{i}: not among the deleted drafts"),
                  file=sys.stderr)
    return 1 if got.in_use or missing else 0
