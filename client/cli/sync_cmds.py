"""``login``, ``logout``, ``whoami``, ``finalize``, ``sync``, ``amend``, ``withdraw``, ``leases``.

Exit codes follow :mod:`client.cli.main`: 0 done; 1 done but the platform rejected or
conflicted items, or declarations failed validation; 2 the environment refused (offline,
login expired, keyring unavailable, no numbers left); 3 a bug.
"""
from __future__ import annotations

import sys

from ..plural import count


def register(sub) -> None:
    p = sub.add_parser("login", help="登录平台 / log in to the platform")
    p.add_argument("--platform", required=True, metavar="URL", help="平台地址，如 http://127.0.0.1:8600")
    p.add_argument("--user", required=True, metavar="USERNAME")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（一行）")
    p.add_argument("--trust", default=None, metavar="certifi|system|PATH",
                   help="HTTPS 根证书：certifi（默认）、system（操作系统证书库）或 CA 证书文件路径")
    p.set_defaults(func=cmd_login)

    p = sub.add_parser("logout", help="退出登录并删除保存的凭据 / log out")
    p.set_defaults(func=cmd_logout)

    p = sub.add_parser("whoami", help="当前登录的企业、信用等级及凭据库安全性 / who is logged in")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_whoami)

    p = sub.add_parser("finalize", help="定稿：校验、分配报检号、排队发送 / finalise drafts")
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--all", action="store_true", help="定稿全部草稿（未通过校验的跳过并列出）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_finalize)

    p = sub.add_parser("sync", help="与平台同步：发送、领号、接收回执 / sync with the platform")
    p.add_argument("--json", action="store_true")
    p.add_argument("--resync", action="store_true", help="完整同步（从平台快照重建状态）")
    p.add_argument("--batch-size", type=int, default=500, metavar="N",
                   help="每批发送的报检单数（1–500，默认 500）")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("amend", help="提交修改申请 / file an amendment")
    p.add_argument("id", metavar="ID")
    p.add_argument("--file", required=True, help="修改后的报检单 JSON 文件")
    p.add_argument("--base-version", type=int, default=None, metavar="N",
                   help="修改所基于的平台版本（默认：本机持有的版本）；已过时则报告冲突，退出码 1")
    p.set_defaults(func=cmd_amend)

    p = sub.add_parser("withdraw", help="提交撤销申请 / file a withdrawal")
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_withdraw)

    p = sub.add_parser("leases", help="报检号号段 / number leases")
    p.add_argument("--take", nargs=2, metavar=("BUREAU", "DIRECTION"),
                   help="立即领用号段，如 --take 310000 inbound")
    p.add_argument("--count", type=int, default=None)
    p.add_argument("--close", action="store_true", help="关闭全部号段，未用号码报作废")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_leases)


def _engine(ctx, trust: str | None = None):
    from ..store import kv
    from ..sync.engine import SyncEngine
    desk = ctx.desk()
    if trust is None:
        with desk.db.read() as conn:
            trust = kv.get(conn, "platform_trust") or "certifi"
    eng = SyncEngine(desk, trust=trust)
    return eng


def _progress(ctx):
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, msg: str) -> None:
        sys.stderr.write(f"\r{msg}" + " " * 10)
        sys.stderr.flush()
    return show


# ------------------------------------------------------------------------------ login

def cmd_login(ctx) -> int:
    from ..errors import InputError
    from ..store import kv
    if ctx.args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass
        password = getpass.getpass(ctx.t("密码：", "Password: "))
    if not password:
        raise InputError("密码不能为空", "the password is empty")
    eng = _engine(ctx, ctx.args.trust)
    ent = eng.login(ctx.args.platform, ctx.args.user, password)
    if ctx.args.trust:
        with ctx.desk().db.write() as conn:
            kv.put(conn, "platform_trust", ctx.args.trust)
    sec = eng.credentials.security()
    print(ctx.t(f"已登录：{ent.get('name_cn') or ent['uscc']}（信用等级 {ent.get('credit_grade') or '-'}）",
                f"logged in: {ent.get('name_en') or ent['uscc']} (credit grade "
                f"{ent.get('credit_grade') or '-'})"))
    if sec != "os":
        print(eng.credentials.security_text(ctx.lang), file=sys.stderr)
    return 0


def cmd_logout(ctx) -> int:
    eng = _engine(ctx)
    if eng.logout():
        print(ctx.t("已退出登录，保存的凭据已删除", "logged out; the stored login was removed"))
    else:
        print(ctx.t("当前没有登录", "not logged in"))
    return 0


def _age(at: str | None, lang: str) -> str:
    if not at:
        return ""
    from datetime import datetime, timezone

    from ..timeutil import parse_time
    when = parse_time(at)
    if when is None:
        return ""
    secs = max(0, (datetime.now(timezone.utc) - when).total_seconds())
    if secs < 3600:
        n, zh, en = int(secs // 60), "分钟", "minutes"
    elif secs < 86400 * 2:
        n, zh, en = int(secs // 3600), "小时", "hours"
    else:
        n, zh, en = int(secs // 86400), "天", "days"
    return f"{n} {en} ago" if lang == "en" else f"{n} {zh}前更新"


def cmd_whoami(ctx) -> int:
    eng = _engine(ctx)
    url, user = eng.account()
    ent = ctx.desk().enterprise() or {}
    creds = eng.credentials
    info = {"platform": url, "username": user, "logged_in": bool(url and user),
            "device_id": eng.device_id(), "enterprise": ent.get("name_cn"),
            "uscc": ent.get("uscc"), "credit_grade": ent.get("credit_grade"),
            "credit_grade_updated_at": ent.get("credit_grade_updated_at"),
            "keyring": creds.backend_name(), "keyring_security": creds.security(),
            "keyring_note": creds.security_text(ctx.lang)}
    if ctx.args.json:
        ctx.print_json(info)
        return 0
    if not info["logged_in"]:
        print(ctx.t("当前没有登录", "not logged in"))
    else:
        print(ctx.t(f"平台：{url}\n用户：{user}", f"platform: {url}\nuser: {user}"))
    if ent:
        print(ctx.t(f"企业：{ent.get('name_cn')}（{ent.get('uscc')}）",
                    f"enterprise: {ent.get('name_en') or ent.get('name_cn')} ({ent.get('uscc')})"))
        print(ctx.t(f"信用等级：{ent.get('credit_grade') or '-'}（{_age(ent.get('credit_grade_updated_at'), 'zh')}）",
                    f"credit grade: {ent.get('credit_grade') or '-'} "
                    f"({_age(ent.get('credit_grade_updated_at'), 'en')})"))
    print(ctx.t(f"本机编号：{info['device_id']}", f"device id: {info['device_id']}"))
    print(ctx.t(f"凭据库：{info['keyring']}（{creds.security()}）",
                f"keyring: {info['keyring']} ({creds.security()})"))
    print(info["keyring_note"])
    return 0


# ---------------------------------------------------------------------------- finalize

def cmd_finalize(ctx) -> int:
    from ..errors import InputError
    desk = ctx.desk()
    eng = _engine(ctx)
    if ctx.args.all:
        ids = []
        after = None
        while True:
            page = desk.list(status="draft", limit=2000, after=after)
            ids += [r.id for r in page]
            if len(page) < 2000:
                break
            after = page[-1].cursor
        if not ids:
            print(ctx.t("没有草稿需要定稿", "no drafts to finalise"))
            return 0
    elif ctx.args.ids:
        ids = ctx.args.ids
    else:
        raise InputError("请给出要定稿的报检单编号，或使用 --all", "name the drafts or use --all")
    res = eng.filing().finalise(ids, skip_invalid=ctx.args.all, progress=_progress(ctx))
    if ctx.args.json:
        ctx.print_json({"finalised": [{"id": i, "inspection_no": n} for i, n in res.finalised],
                        "invalid": {k: [x.to_dict() for x in v] for k, v in res.invalid.items()},
                        "no_number": res.no_number, "skipped": res.skipped})
    else:
        for i, n in res.finalised:
            print(f"{i}  {n}")
        print(ctx.t(f"已定稿 {len(res.finalised)} 份", f"finalised {len(res.finalised)}"))
        for did, issues in res.invalid.items():
            print(ctx.t(f"{did}：未通过校验，未定稿", f"{did}: invalid, not finalised"), file=sys.stderr)
            for x in issues:
                if x.severity == "error":
                    print(f"  {x.code} {x.field}: {x.message(ctx.lang)}", file=sys.stderr)
        if res.no_number:
            print(ctx.t(f"{len(res.no_number)} 份没有可用的报检号，仍为草稿；请联网同步以获取号段",
                        f"{len(res.no_number)} got no number and stay drafts; sync to get "
                        f"number leases"), file=sys.stderr)
    if res.no_number:
        return 2
    return 1 if res.invalid else 0


# -------------------------------------------------------------------------------- sync

def _print_summary(ctx, s) -> None:
    from ..lifecycle import status_name
    from ..notes import note_text
    t = ctx.t
    print(t(f"发送 {s.pushed} 项：受理 {s.applied}，重复 {s.duplicates}，退回 {len(s.rejected)}，"
            f"冲突 {len(s.conflicts)}，待重试 {s.retry_later}",
            f"sent {s.pushed}: applied {s.applied}, duplicate {s.duplicates}, rejected "
            f"{len(s.rejected)}, conflicts {len(s.conflicts)}, to retry {s.retry_later}"))
    print(t(f"接收回执 {s.receipts} 条，状态变化 {len(s.status_changes)} 份",
            f"received {count(s.receipts, 'receipt')}, "
            f"{count(len(s.status_changes), 'status change')}"))
    for c in s.status_changes[:50]:
        print(f"  {c.inspection_no or c.declaration_id}  {status_name(c.old, ctx.lang)} → "
              f"{status_name(c.new, ctx.lang)}  {note_text(c.note, ctx.lang)}")
    if len(s.status_changes) > 50:
        print(t(f"  …另有 {len(s.status_changes) - 50} 份", f"  … and {len(s.status_changes) - 50} more"))
    for p in s.rejected:
        print(t(f"退回 {p.inspection_no or p.declaration_id}（{p.kind}）：{p.message('zh')}",
                f"rejected {p.inspection_no or p.declaration_id} ({p.kind}): {p.message('en')}"))
    for p in s.conflicts:
        print(t(f"冲突 {p.inspection_no or p.declaration_id}（{p.kind}）：{p.message('zh')}",
                f"conflict {p.inspection_no or p.declaration_id} ({p.kind}): {p.message('en')}"))
    if s.credit_grade:
        print(t(f"信用等级变更：{s.credit_grade[0] or '-'} → {s.credit_grade[1]}",
                f"credit grade changed: {s.credit_grade[0] or '-'} → {s.credit_grade[1]}"))
    for name, version in s.code_tables:
        print(t(f"代码表 {name} 已更新到版本 {version}", f"code table {name} updated to {version}"))
    if s.ciq_converted:
        print(t(f"{s.ciq_converted} 份草稿的运输方式/贸易方式已改用检验检疫代码（见各单历史）",
                f"{s.ciq_converted} drafts switched to eCIQ transport/trade codes (see their history)"))
    if s.leases_taken or s.leases_closed:
        print(t(f"领用号段 {s.leases_taken} 个（{s.numbers_taken} 个号），关闭号段 {s.leases_closed} 个"
                f"（作废 {s.numbers_void} 个号）",
                f"took {count(s.leases_taken, 'lease')} ({count(s.numbers_taken, 'number')}), closed "
                f"{s.leases_closed} ({s.numbers_void} void)"))
    if s.resynced:
        print(t(f"已完成完整同步（新导入 {s.imported} 份）", f"full resync done ({s.imported} imported)"))
    elif s.imported:
        print(t(f"已取回 {s.imported} 份在其他设备提交的报检单",
                f"fetched {count(s.imported, 'declaration')} filed from another device"))
    if s.unknown_receipts:
        print(t(f"{s.unknown_receipts} 条回执属于本账号无权查看的报检单，已忽略",
                f"{count(s.unknown_receipts, 'receipt')} for declarations this login cannot see "
                f"were ignored"))
    for e in s.errors:
        print(e, file=sys.stderr)


def cmd_sync(ctx) -> int:
    eng = _engine(ctx)
    eng.batch_size = max(1, min(500, ctx.args.batch_size))
    try:
        s = eng.resync(_progress(ctx)) if ctx.args.resync else eng.sync(_progress(ctx))
    finally:
        if sys.stderr.isatty():
            sys.stderr.write("\n")
    if ctx.args.json:
        ctx.print_json(s.to_dict())
    else:
        _print_summary(ctx, s)
    return 1 if (s.rejected or s.conflicts) else 0


# ------------------------------------------------------------------- amend / withdraw

def cmd_amend(ctx) -> int:
    import json
    from pathlib import Path

    from ..errors import InputError
    from ..model import parse_declaration
    try:
        data = json.loads(Path(ctx.args.file).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"文件不存在：{ctx.args.file}", f"no such file: {ctx.args.file}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"无法读取 {ctx.args.file}：{exc}", f"cannot read {ctx.args.file}: {exc}") from None
    decl, problems = parse_declaration(data)
    if decl is None or problems:
        p = problems[0] if problems else None
        raise InputError(f"{ctx.args.file}：{p.message_zh if p else '不是报检单对象'}",
                         f"{ctx.args.file}: {p.message_en if p else 'not a declaration'}",
                         field=p.field if p else None)
    from ..services.filing import AmendConflict
    try:
        mid = _engine(ctx).filing().amend(ctx.args.id, decl, base_version=ctx.args.base_version)
    except AmendConflict as exc:
        print(ctx.t(f"冲突：{exc.message_zh}", f"conflict: {exc.message_en}"), file=sys.stderr)
        return 1
    print(ctx.t(f"修改申请已排队（{mid}），同步时发送", f"amendment queued ({mid}); sent on sync"))
    return 0


def cmd_withdraw(ctx) -> int:
    mid = _engine(ctx).filing().withdraw(ctx.args.id, ctx.args.reason)
    print(ctx.t(f"撤销申请已排队（{mid}），同步时发送", f"withdrawal queued ({mid}); sent on sync"))
    return 0


# ------------------------------------------------------------------------------ leases

def cmd_leases(ctx) -> int:
    from ..errors import InputError
    eng = _engine(ctx)
    if ctx.args.take:
        bureau, direction = ctx.args.take
        if direction not in ("inbound", "outbound"):
            raise InputError("方向应为 inbound 或 outbound", "direction must be inbound or outbound")
        le = eng.take_lease(bureau, direction, ctx.args.count)
        print(ctx.t(f"已领用号段 {le.number(le.first)} – {le.number(le.last)}",
                    f"leased {le.number(le.first)} – {le.number(le.last)}"))
    if ctx.args.close:
        s = eng.close_leases(all_open=True)
        print(ctx.t(f"已关闭 {s.leases_closed} 个号段，作废 {s.numbers_void} 个未用号码",
                    f"closed {count(s.leases_closed, 'lease')}, "
                    f"{count(s.numbers_void, 'unused number')} void"))
    rows = eng.leases()
    if ctx.args.json:
        ctx.print_json([{"lease_id": le.lease_id, "bureau": le.bureau, "direction": le.direction,
                         "year": le.year, "first": le.number(le.first), "last": le.number(le.last),
                         "next": le.number(le.next_serial) if le.remaining else None,
                         "used": le.used, "remaining": le.remaining, "expires_at": le.expires_at,
                         "state": le.state} for le in rows])
        return 0
    if not rows:
        print(ctx.t("没有号段；联网同步时会按草稿自动领用", "no leases; sync takes them as drafts need"))
    for le in rows:
        print(f"{le.lease_id}  {le.number(le.first)}–{le.number(le.last)}  "
              + ctx.t(f"已用 {le.used}，剩余 {le.remaining}，{le.state}，到期 {le.expires_at or '-'}",
                      f"used {le.used}, left {le.remaining}, {le.state}, expires "
                      f"{le.expires_at or '-'}"))
    return 0
