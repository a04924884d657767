"""``python -m client origin import|list|validate|file|print|new|show|history``: certificates
of origin (原产地证书, issue 15), mirroring the declaration commands.

* ``origin import FILE.json... [--json]`` — save the certificates in the files as drafts
  (``{"imported": [ids]}``);
* ``origin list [--status S] [--json]`` — each with ``id``, ``status`` (draft, ready, sent,
  issued, rejected), ``agreement``, ``certificate_no`` once issued, …;
* ``origin validate ID... [--json]`` — ``[{"id", "valid", "issues": [...]}]`` like
  ``validate``;
* ``origin file ID... [--json]`` — validate and queue for the next ``sync`` (exit 1 when one
  has errors; nothing of that one changes);
* ``origin new --from DECL_ID --agreement CODE [--criterion WO] [--json]`` — start one from an
  outbound declaration (prints ``{"id": …}``);
* ``origin print ID --pdf FILE`` — the agreement form's numbered boxes, in PDF;
* ``origin show ID`` (the JSON) and ``origin history ID [--json]``.
"""
from __future__ import annotations

import sys


def register(sub) -> None:
    p = sub.add_parser("origin", help="原产地证书 / certificates of origin")
    os_ = p.add_subparsers(dest="origin_command", metavar="ACTION", required=True)
    a = os_.add_parser("import", help="导入原产地证书 JSON / import certificates")
    a.add_argument("files", nargs="+", metavar="FILE.json")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_import)
    a = os_.add_parser("list", help="列出原产地证书 / list certificates")
    a.add_argument("--status", choices=("draft", "ready", "sent", "issued", "rejected"))
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_list)
    a = os_.add_parser("validate", help="校验原产地证书 / validate")
    a.add_argument("ids", nargs="+", metavar="ID")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_validate)
    a = os_.add_parser("file", help="申报：校验并排队发送 / file (sent by the next sync)")
    a.add_argument("ids", nargs="+", metavar="ID")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_file)
    a = os_.add_parser("new", help="由出境报检单生成原产地证书 / start one from a declaration")
    a.add_argument("--from", dest="decl_id", required=True, metavar="DECL_ID")
    a.add_argument("--agreement", required=True, metavar="CODE")
    a.add_argument("--criterion", metavar="CODE", help="每项货物的原产地标准，如 WO")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_new)
    a = os_.add_parser("print", help="将原产地证书另存为 PDF / save as PDF")
    a.add_argument("id", metavar="ID")
    a.add_argument("--pdf", required=True, metavar="FILE")
    a.set_defaults(func=cmd_print)
    a = os_.add_parser("show", help="以交换格式 JSON 输出 / print the JSON")
    a.add_argument("id", metavar="ID")
    a.set_defaults(func=cmd_show)
    a = os_.add_parser("history", help="状态历史 / status history")
    a.add_argument("id", metavar="ID")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_history)


def _od(ctx):
    from ..origin.service import OriginDesk
    return OriginDesk(ctx.desk())


def cmd_import(ctx) -> int:
    od = _od(ctx)
    ids: list[str] = []
    for f in ctx.args.files:
        ids += od.import_file(f)
    if ctx.args.json:
        ctx.print_json({"imported": ids})
    else:
        print(ctx.t(f"已导入 {len(ids)} 份原产地证书", f"imported {len(ids)} certificates"))
        for i in ids:
            print(i)
    return 0


def cmd_list(ctx) -> int:
    from ..origin.model import STATUS_EN, STATUS_ZH
    rows = _od(ctx).list_rows(ctx.args.status)
    if ctx.args.json:
        ctx.print_json([r.to_dict() for r in rows])
        return 0
    names = STATUS_EN if ctx.lang == "en" else STATUS_ZH
    for r in rows:
        print(f"{r.id}  {names.get(r.status, r.status):4}  {r.agreement or '-':8}  "
              f"{r.consignee_country or '-':3}  {r.certificate_no or ''}")
    return 0


def _results(od, ids, ctx, action) -> tuple[list[dict], bool]:
    from ..errors import DeskError
    from ..rules.engine import summarize
    out, ok = [], True
    for cid in ids:
        try:
            issues = action(cid)
        except DeskError as exc:
            ok = False
            out.append({"id": cid, "valid": False, "error": exc.message(ctx.lang),
                        "field": exc.field, "issues": [i.to_dict() for i in
                                                        od.validate(cid)] if exc.field else []})
            continue
        valid, _e, _w = summarize(issues)
        ok = ok and valid
        out.append({"id": cid, "valid": valid, "issues": [i.to_dict() for i in issues]})
    return out, ok


def _print_results(ctx, out: list[dict]) -> None:
    if ctx.args.json:
        ctx.print_json(out)
        return
    for r in out:
        mark = ctx.t("通过", "valid") if r["valid"] else ctx.t("有错误", "has errors")
        print(f"{r['id']}: {mark}")
        if r.get("error"):
            print(f"  {r['error']}")
        for i in r["issues"]:
            msg = i["message_en"] if ctx.lang == "en" else i["message_zh"]
            print(f"  {i['severity']} {i['code']} [{i['field']}] {msg}")


def cmd_validate(ctx) -> int:
    od = _od(ctx)
    for cid in ctx.args.ids:
        od.row(cid)  # NotFound-like DeskError before anything
    out, ok = _results(od, ctx.args.ids, ctx, od.validate)
    _print_results(ctx, out)
    return 0 if ok else 1


def cmd_file(ctx) -> int:
    od = _od(ctx)
    for cid in ctx.args.ids:
        od.row(cid)
    out, ok = _results(od, ctx.args.ids, ctx, od.file)
    for r in out:
        r["status"] = od.row(r["id"]).status
    _print_results(ctx, out)
    return 0 if ok else 1


def cmd_new(ctx) -> int:
    doc = _od(ctx).new_from(ctx.args.decl_id, ctx.args.agreement, ctx.args.criterion)
    if ctx.args.json:
        ctx.print_json({"id": doc["id"]})
    else:
        print(doc["id"])
    return 0


def cmd_show(ctx) -> int:
    import json
    sys.stdout.write(json.dumps(_od(ctx).get(ctx.args.id), ensure_ascii=False, indent=2) + "\n")
    return 0


def cmd_history(ctx) -> int:
    h = _od(ctx).history(ctx.args.id)
    if ctx.args.json:
        ctx.print_json(h)
    else:
        for e in h:
            print(f"{e['at']}  {e['status']:8}  {e['source']:8}  {e['note'] or ''}")
    return 0


def cmd_print(ctx) -> int:
    from .origin_print import print_certificate
    return print_certificate(ctx)
