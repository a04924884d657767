"""``python -m client store copy --to URL``: a desk's store into an office database (issue 16)."""
from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("store", help="数据库：复制到办公室数据库 / the store")
    ssub = p.add_subparsers(dest="store_command", metavar="STORE_COMMAND")
    c = ssub.add_parser("copy", help="把本机数据库整体复制到一个空的办公室数据库（PostgreSQL）")
    c.add_argument("--to", required=True, metavar="URL",
                   help="postgresql+psycopg://用户@主机/库（须为空库）")
    c.set_defaults(func=cmd_copy)


def cmd_copy(ctx) -> int:
    from .. import paths
    from ..errors import InputError
    from ..store import desk_id, open_store
    from ..store.copy import copy_to

    if not paths.is_server_url(ctx.args.to):
        raise InputError(f"--to 应为办公室数据库地址 postgresql+psycopg://…，而不是 {ctx.args.to}",
                         f"--to must be an office database URL postgresql+psycopg://…, "
                         f"not {ctx.args.to}", field="--to")
    local = paths.resolve(ctx.args.data_dir)
    if local.store_url:  # copy the desk's own SQLite file, whatever --store says
        from dataclasses import replace
        local = replace(local, store_url=None)
    store = open_store(local)
    try:
        result = copy_to(store.db, ctx.args.to, desk_id(local), local.backups)
    finally:
        store.close()
    for name, n in result.rows.items():
        if n:
            print(f"{name}: {n}")
    print(ctx.t(f"已复制 {result.total} 行到办公室数据库", f"copied {result.total} rows"))
    return 0
