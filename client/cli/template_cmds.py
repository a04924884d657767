"""``python -m client template save|list|new``: declaration templates (从模板新建).

A template is a declaration kept under a name (goods, parties and codes; numbers and dates
cleared) — the same templates the desktop's 另存为模板 / 从模板新建 use
(:meth:`client.services.Desk.save_template`)::

    python -m client template save ID NAME      # keep declaration ID as template NAME
    python -m client template list [--json]     # every template: name, direction
    python -m client template new NAME [--json] # a new draft from template NAME
    python -m client template delete NAME       # the drafts made from it are untouched

``template --out FILE [--direction D]`` (no sub-command) still writes the batch Excel/CSV
template (``client.cli.batch_cmds``); both live under one ``template`` command.
"""
from __future__ import annotations

from ..errors import InputError, NotFound

ACTIONS = ("save", "list", "new", "delete")


def register(sub) -> None:
    parser = sub.choices.get("template")
    if parser is None:  # the Excel template command is not installed: ours alone
        parser = sub.add_parser("template", help="报检单模板 / declaration templates")
        excel = None
    else:
        excel = parser.get_default("func")
        for action in parser._actions:  # --out is needed only without a sub-command
            if "--out" in action.option_strings:
                action.required = False
        parser.description = ("template save|list|new：报检单模板；template --out FILE："
                              "批量报检 Excel/CSV 模板")
    tsub = parser.add_subparsers(dest="template_action", metavar="ACTION")
    q = tsub.add_parser("save", help="把报检单另存为模板 / save a declaration as a template")
    q.add_argument("id", metavar="ID", help="本地编号或报检号")
    q.add_argument("name", metavar="NAME")
    q = tsub.add_parser("list", help="列出模板 / list templates")
    q.add_argument("--json", action="store_true")
    q = tsub.add_parser("new", help="从模板新建草稿 / a new draft from a template")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--json", action="store_true")
    q = tsub.add_parser("delete", help="删除模板 / delete a template")
    q.add_argument("name", metavar="NAME")

    def dispatch(ctx) -> int:
        action = getattr(ctx.args, "template_action", None)
        if action is None:
            if excel is None or not getattr(ctx.args, "out", None):
                raise InputError("请给出子命令 save、list、new、delete，或用 --out FILE 生成 Excel 模板",
                                 "give save, list, new or delete, or --out FILE for the Excel "
                                 "template")
            return excel(ctx)
        return {"save": cmd_save, "list": cmd_list, "new": cmd_new,
                "delete": cmd_delete}[action](ctx)

    parser.set_defaults(func=dispatch)


def _by_name(desk, name: str) -> tuple[str, str, str | None]:
    for row in desk.templates():
        if row[1] == name:
            return row
    raise NotFound(f"找不到模板“{name}”", f"no template named {name!r}")


def cmd_save(ctx) -> int:
    name = ctx.args.name.strip()
    if not name:
        raise InputError("模板名称不能为空", "the template name is empty")
    desk = ctx.desk()
    decl = desk.get(ctx.args.id)
    existed = any(row[1] == name for row in desk.templates())
    desk.save_template(name, decl)
    if existed:
        print(ctx.t(f"已更新模板“{name}”", f"template {name!r} updated"))
    else:
        print(ctx.t(f"已另存为模板“{name}”", f"saved as template {name!r}"))
    return 0


def cmd_list(ctx) -> int:
    rows = ctx.desk().templates()
    if ctx.args.json:
        ctx.print_json([{"id": tid, "name": name, "direction": direction}
                        for tid, name, direction in rows])
        return 0
    if not rows:
        print(ctx.t("还没有模板（template save ID NAME）", "no templates yet (template save ID NAME)"))
    for _tid, name, direction in rows:
        where = ctx.t("出境", "outbound") if direction == "outbound" else ctx.t("入境", "inbound")
        print(f"{name}\t{where}")
    return 0


def cmd_new(ctx) -> int:
    desk = ctx.desk()
    tid, name, _direction = _by_name(desk, ctx.args.name)
    decl = desk.new_from_template(tid)
    desk.save_draft(decl)
    if ctx.args.json:
        ctx.print_json({"id": decl.id, "template": name, "direction": decl.direction})
    else:
        print(ctx.t(f"已从模板“{name}”新建草稿 {decl.id}",
                    f"new draft {decl.id} from template {name!r}"))
    return 0


def cmd_delete(ctx) -> int:
    desk = ctx.desk()
    tid, name, _direction = _by_name(desk, ctx.args.name)
    desk.delete_template(tid)
    print(ctx.t(f"已删除模板“{name}”", f"template {name!r} deleted"))
    return 0
