"""``python -m client ecom register|list|lookup|labels`` and ``trace CODE`` (issue 15).

* ``ecom register FILE.json [--json]`` — checks every entry (a list, ``{"registrations":
  [...]}`` or one object; each ``{"kind": "operator"|"product", …}``) and queues them all for
  the next ``sync``; any problem (field-pointing, with the entry's index) queues none, exit 1;
* ``ecom list [--json]`` — each registration with its ``status`` and, once the platform
  answered, its ``reg_no``;
* ``ecom lookup REG_NO [--json]`` — asks the platform (logged in) and keeps the answer;
  exit 1 when the platform knows no such registration;
* ``ecom labels ID --batch B --pdf FILE | --png FILE [--copies N]`` — the A4 sheet of
  traceability labels of a declaration (painted by ``ui.ecom_labels`` in its own process);
* ``trace CODE [--json]`` — a scanned label's text (or a registration / inspection number)
  back to the goods, their declarations and status history.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def register(sub) -> None:
    p = sub.add_parser("ecom", help="跨境电商备案与溯源标签 / e-commerce registrations, labels")
    es = p.add_subparsers(dest="ecom_command", metavar="ACTION", required=True)
    a = es.add_parser("register", help="企业/商品备案（下次同步时报送）/ file registrations")
    a.add_argument("file", metavar="FILE.json")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_register)
    a = es.add_parser("list", help="列出备案及其状态、备案号 / list registrations")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_list)
    a = es.add_parser("lookup", help="向平台查询备案号 / look a registration up")
    a.add_argument("reg_no", metavar="REG_NO")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_lookup)
    a = es.add_parser("labels", help="打印溯源标签（A4 标签纸）/ print traceability labels")
    a.add_argument("id", metavar="ID", help="本地编号或报检号")
    a.add_argument("--batch", required=True, help="批次号")
    a.add_argument("--copies", type=int, default=1, help="每项货物的标签张数")
    out = a.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="FILE")
    out.add_argument("--png", metavar="FILE")
    a.set_defaults(func=cmd_labels)
    p = sub.add_parser("trace", help="据溯源标签查货物、报检单及状态 / trace a label")
    p.add_argument("code", metavar="CODE", help="扫描所得标签内容、商品备案号或报检号")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_trace)


def _read_entries(ctx, file: str) -> list:
    from ..errors import InputError
    path = Path(file)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"找不到文件 {file}", f"no such file {file}") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{file} 不是有效的 JSON：{exc}", f"{file} is not valid JSON: {exc}") from None
    if isinstance(data, dict) and "registrations" in data:
        data = data["registrations"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise InputError(f"{file} 应为备案对象或备案对象的列表", f"{file} must hold registrations")
    return data


def cmd_register(ctx) -> int:
    from ..ecom import model
    from ..ecom.kind import queue_registration
    desk = ctx.desk()
    entries = _read_entries(ctx, ctx.args.file)
    parsed, problems = [], []
    for i, e in enumerate(entries):
        r = model.parse_entry(e, desk.codes, f"entries[{i}]")
        problems.extend(r.problems)
        if isinstance(r.entry, model.Product):
            neg = model.negative_list_problem(r.entry, desk.codes, f"entries[{i}]")
            if neg is not None:
                problems.append(neg)
        parsed.append(r.entry)
    queued = []
    if not problems:
        with desk.db.write() as conn:
            for entry in parsed:
                assert entry is not None  # no problems: every entry parsed
                queued.append({"id": queue_registration(conn, entry), "kind": entry.kind,
                               "title": entry.title, "status": "pending"})
    if ctx.args.json:
        ctx.print_json({"queued": queued, "problems": [p.to_dict() for p in problems]})
    else:
        for p in problems:
            print(f"{p.field}: {ctx.t(p.message_zh, p.message_en)}", file=sys.stderr)
        if queued:
            print(ctx.t(f"已排队 {len(queued)} 项备案，下次同步时报送平台",
                        f"{len(queued)} registration(s) queued for the next sync"))
        else:
            print(ctx.t("有错误，未排队任何备案", "problems found: nothing queued"),
                  file=sys.stderr)
    return 1 if problems else 0


def _row_text(ctx, r) -> str:
    from ..ecom.store import STATUS_NAMES
    zh, en = STATUS_NAMES.get(r.status, (r.status, r.status))
    return f"{r.reg_no or '-':<18} {r.kind:<8} {ctx.t(zh, en):<8} {r.title or ''}"


def cmd_list(ctx) -> int:
    from ..ecom import store as q
    desk = ctx.desk()
    with desk.db.read() as conn:
        rows = q.all_rows(conn)
    if ctx.args.json:
        ctx.print_json([r.to_dict() for r in rows])
        return 0
    for r in rows:
        print(_row_text(ctx, r))
        for x in r.reasons:
            print("    " + ctx.t(x.get("message_zh", ""), x.get("message_en", "")))
    return 0


def cmd_lookup(ctx) -> int:
    from ..ecom import sync as ecom_sync
    from .sync_cmds import _engine
    eng = _engine(ctx)
    try:
        r = ecom_sync.lookup(ctx.desk().db, eng.client(), ctx.args.reg_no)
    finally:
        eng.close()
    found = r is not None and r.status in ("registered", "looked_up")
    if ctx.args.json:
        ctx.print_json(r.to_dict() if r else {"reg_no": ctx.args.reg_no, "status": "not_found"})
    elif found and r is not None:
        print(_row_text(ctx, r))
    else:
        print(ctx.t(f"平台没有备案号 {ctx.args.reg_no}", f"the platform knows no {ctx.args.reg_no}"),
              file=sys.stderr)
    return 0 if found else 1


def cmd_labels(ctx) -> int:
    from ..ecom import labels
    desk = ctx.desk()
    decl = desk.get(ctx.args.id)
    labels.labels_for(decl, ctx.args.batch, ctx.args.copies)  # refuses before Qt starts
    out = str(Path(ctx.args.pdf or ctx.args.png).expanduser().resolve())
    data_dir = str(desk.paths.data_dir)
    ctx.close()
    ctx._desk = None
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(PROJECT_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    cmd = [sys.executable, "-m", "ui.ecom_labels", decl.id, "--batch", ctx.args.batch,
           "--copies", str(ctx.args.copies), "--pdf" if ctx.args.pdf else "--png", out,
           "--data-dir", data_dir]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8",
                          errors="replace")
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    return proc.returncode if proc.returncode in (0, 2, 3) else 3


def cmd_trace(ctx) -> int:
    from ..ecom.trace import trace
    from ..lifecycle import status_name
    t = trace(ctx.desk().db, ctx.args.code)
    if ctx.args.json:
        ctx.print_json(t.to_dict())
        return 0 if t.goods else 1
    if t.registration:
        r = t.registration
        print(ctx.t(f"商品备案 {r['reg_no']}：{r['title'] or ''}（{r['status']}）",
                    f"registration {r['reg_no']}: {r['title'] or ''} ({r['status']})"))
    if not t.goods:
        print(ctx.t("本机没有与此溯源码相关的货物", "no goods on this desk match the code"),
              file=sys.stderr)
        return 1
    for g in t.goods:
        print(f"{g.inspection_no or g.declaration_id}  #{g.goods_index + 1} "
              f"{g.brand or ''} {g.name_cn or ''}  HS {g.hs_code or ''}  "
              f"{status_name(g.status, ctx.lang)}")
        for h in g.history:
            print(f"    {h['at']}  {status_name(h['status'], ctx.lang)}  {h.get('note') or ''}")
    return 0
