"""Batch filing commands: ``template``, ``report``, ``batch``, ``clients``; Excel/CSV import.

``import`` reads Excel/CSV through ``Desk.import_files`` (services); this module
provides :func:`export_xlsx` for ``export --xlsx``. Long jobs print their progress on a
terminal; Ctrl+C pauses a batch cleanly (``batch resume ID`` continues it).
"""
from __future__ import annotations

import signal
import sys
from pathlib import Path

from ..plural import count


def register(sub) -> None:
    p = sub.add_parser("template", help="生成批量报检 Excel/CSV 模板 / write the Excel template")
    p.add_argument("--out", required=True, metavar="FILE", help=".xlsx 或 .csv 文件")
    p.add_argument("--direction", choices=("inbound", "outbound"),
                   help="只含入境（inbound）或出境（outbound）的字段")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("report", help="批量校验并生成错误报告工作簿 / validate and write an error report")
    p.add_argument("--out", required=True, metavar="FILE")
    _selection_args(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("batch", help="批量定稿，可暂停和继续 / batch finalise with resume")
    bsub = p.add_subparsers(dest="batch_command", metavar="ACTION")
    q = bsub.add_parser("finalize", aliases=["finalise"], help="批量定稿（--all 为全部草稿）")
    _selection_args(q)
    q.add_argument("--push", action="store_true", help="定稿后立即发送到平台（需已登录）")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_batch_finalize)
    q = bsub.add_parser("resume", help="继续被取消或中断的批次")
    q.add_argument("batch_id", metavar="BATCH_ID")
    q.add_argument("--retry-failed", action="store_true", help="把失败的项目也重新处理")
    q.add_argument("--push", action="store_true", help="完成后立即发送到平台（需已登录）")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_batch_resume)
    q = bsub.add_parser("list", help="列出批次")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_batch_list)
    q = bsub.add_parser("show", help="批次中每份报检单的结果")
    q.add_argument("batch_id", metavar="BATCH_ID")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_batch_show)
    p.set_defaults(func=_needs_action(p))

    p = sub.add_parser("clients", help="代理报检：委托企业及其默认值 / a broker's client enterprises")
    p.add_argument("--json", action="store_true")
    csub = p.add_subparsers(dest="clients_command", metavar="ACTION")
    q = csub.add_parser("defaults", help="查看或设置委托企业的默认值")
    q.add_argument("uscc", metavar="USCC")
    q.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="如 --set entry_exit_port=CNSHA（值为空则删除）")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_clients_defaults)
    q = csub.add_parser("new", help="为委托企业新建草稿")
    q.add_argument("uscc", metavar="USCC")
    q.add_argument("--direction", choices=("inbound", "outbound"), default="inbound")
    q.set_defaults(func=cmd_clients_new)
    p.set_defaults(func=cmd_clients)


def _selection_args(p) -> None:
    p.add_argument("ids", nargs="*", metavar="ID", help="本地编号或报检号")
    p.add_argument("--all", action="store_true", help="全部报检单")
    p.add_argument("--status", help="按状态选择，如 draft")
    p.add_argument("--client", metavar="USCC", help="按报检单位（委托企业）统一社会信用代码选择")


def _needs_action(parser):
    def fn(ctx) -> int:
        parser.print_help()
        return 2
    return fn


def _selected(ctx, *, default_status: str | None = None) -> list[str]:
    from ..services.batch import select_ids

    a = ctx.args
    status = a.status or (default_status if a.all else None)
    return _nonempty(ctx, select_ids(ctx.desk(), a.ids, all_=a.all, status=status,
                                     client=a.client))


def _nonempty(ctx, ids: list[str]) -> list[str]:
    if not ids:
        from ..errors import NotFound
        raise NotFound("没有符合条件的报检单", "no declarations match")
    return ids


class _Progress:
    """Progress on stderr (only on a terminal) and Ctrl+C as a clean cancel."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.tty = sys.stderr.isatty()
        self.cancelled = False
        self._old = None

    def __enter__(self):
        try:
            self._old = signal.signal(signal.SIGINT, self._on_sigint)
        except ValueError:  # not the main thread
            self._old = None
        return self

    def __exit__(self, *exc):
        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)
        if self.tty:
            sys.stderr.write("\n")

    def _on_sigint(self, *_):
        if self.cancelled:  # a second Ctrl+C stops at once
            raise KeyboardInterrupt
        self.cancelled = True

    def cancel(self) -> bool:
        return self.cancelled

    def __call__(self, done: int, total: int, message: str) -> None:
        if self.tty:
            of = f"/{total}" if total else ""
            sys.stderr.write(f"\r{message[:60]} {done}{of}\x1b[K")
            sys.stderr.flush()


# --------------------------------------------------------------------------- template

def cmd_template(ctx) -> int:
    from ..interchange.writer import write_template

    from ..codes import default_codebook

    out = Path(ctx.args.out)
    # a profile's code tables may be newer than the built-in ones; no profile is created
    codes = ctx.desk().codes if _has_profile() else default_codebook()
    write_template(out, codes, direction=ctx.args.direction)
    print(ctx.t(f"已生成模板 {out}", f"template written to {out}"))
    return 0


def _has_profile() -> bool:
    from .. import paths
    return paths.resolve().db.exists()


# ----------------------------------------------------------------------------- report

def cmd_report(ctx) -> int:
    from ..interchange.excel_export import error_report

    ids = _selected(ctx)
    with _Progress(ctx) as prog:
        summary = error_report(ctx.desk(), ids, Path(ctx.args.out), lang=ctx.lang,
                               progress=prog, cancel=prog.cancel)
    for w in summary.warnings:  # cells cut to Excel's 32,767-character limit
        print(ctx.t(w.message_zh, w.message_en), file=sys.stderr)
    if ctx.args.json:
        ctx.print_json({"out": str(ctx.args.out), "declarations": summary.declarations,
                        "with_errors": summary.with_errors, "issues": summary.issues})
    else:
        print(ctx.t(f"已校验 {summary.declarations} 份报检单，{summary.with_errors} 份有错误；"
                    f"报告已写入 {ctx.args.out}",
                    f"validated {count(summary.declarations, 'declaration')}, {summary.with_errors} "
                    f"with errors; report written to {ctx.args.out}"))
    return 1 if summary.with_errors else 0


# ----------------------------------------------------------------------------- export

def export_xlsx(ctx) -> int:
    """``export --xlsx FILE [ID...|--all|--status S|--client USCC]``."""
    from ..interchange.excel_export import export_workbook

    a = ctx.args
    from ..services.batch import select_ids
    ids = _nonempty(ctx, select_ids(ctx.desk(), a.ids, all_=getattr(a, "all", False),
                                    status=getattr(a, "status", None),
                                    client=getattr(a, "client", None)))
    cut: list = []
    with _Progress(ctx) as prog:
        n = export_workbook(ctx.desk(), ids, Path(a.xlsx), progress=prog, cancel=prog.cancel,
                            warnings=cut)
    for w in cut:  # cells cut to Excel's 32,767-character limit
        print(ctx.t(w.message_zh, w.message_en), file=sys.stderr)
    print(ctx.t(f"已导出 {n} 份报检单到 {a.xlsx}", f"exported {count(n, 'declaration')} to {a.xlsx}"))
    return 0


# ------------------------------------------------------------------------------ batch

def _print_batch(ctx, info) -> None:
    if ctx.args.json:
        ctx.print_json(info.to_dict())
        return
    state = {"done": ctx.t("已完成", "done"), "paused": ctx.t("已暂停", "paused"),
             "running": ctx.t("未完成（可继续）", "interrupted (resumable)")}.get(info.state, info.state)
    print(ctx.t(f"批次 {info.id}：{state}，共 {info.total} 份，完成 {info.done}，失败 {info.failed}，"
                f"待处理 {info.pending}",
                f"batch {info.id}: {state}, {count(info.total, 'item')}, {info.done} done, "
                f"{info.failed} failed, {info.pending} pending"))
    if info.pending:
        print(ctx.t(f"继续处理：python -m client batch resume {info.id}",
                    f"to continue: python -m client batch resume {info.id}"), file=sys.stderr)


def _exit_for(info) -> int:
    if info.pending:
        return 130
    return 1 if info.failed else 0


def _finalise_runner(ctx):
    from ..services.batch import BatchRunner, finalise_step

    desk = ctx.desk()
    return BatchRunner(desk, "finalise", finalise_step(desk))


def cmd_batch_finalize(ctx) -> int:
    ids = _selected(ctx, default_status="draft")
    runner = _finalise_runner(ctx)
    with _Progress(ctx) as prog:
        info = runner.start(ids, note=ctx.t("批量定稿", "batch finalise"), progress=prog,
                            cancel=prog.cancel)
    _print_batch(ctx, info)
    if ctx.args.push and info.done and not info.pending:
        _push(ctx)
    return _exit_for(info)


def _push(ctx) -> None:
    """Send the outbox once after the batch (idempotent by mutation_id: safe to repeat)."""
    from ..sync.engine import SyncEngine

    engine = SyncEngine(ctx.desk())
    try:
        with _Progress(ctx) as prog:
            summary = engine.push(progress=prog, cancel=prog.cancel)
    finally:
        engine.close()
    print(ctx.t(f"已发送 {summary.pushed} 份，平台受理 {summary.applied} 份，"
                f"重复 {summary.duplicates} 份，退回 {len(summary.rejected)} 份",
                f"sent {summary.pushed}, applied {summary.applied}, duplicates "
                f"{summary.duplicates}, rejected {len(summary.rejected)}"))


def cmd_batch_resume(ctx) -> int:
    from ..services.batch import BatchRunner, batch_info, finalise_step

    desk = ctx.desk()
    info = batch_info(desk, ctx.args.batch_id)
    if info.kind != "finalise":
        from ..errors import InputError
        raise InputError(f"不能在命令行继续“{info.kind}”批次", f"cannot resume a {info.kind} batch here")
    runner = BatchRunner(desk, "finalise", finalise_step(desk))
    with _Progress(ctx) as prog:
        info = runner.run(info.id, progress=prog, cancel=prog.cancel,
                          retry_failed=ctx.args.retry_failed)
    _print_batch(ctx, info)
    if ctx.args.push and info.done and not info.pending:
        _push(ctx)
    return _exit_for(info)


def cmd_batch_list(ctx) -> int:
    from ..services.batch import list_batches

    batches = list_batches(ctx.desk())
    if ctx.args.json:
        ctx.print_json([b.to_dict() for b in batches])
        return 0
    if not batches:
        print(ctx.t("没有批次", "no batches"), file=sys.stderr)
    for b in batches:
        print(f"{b.id}  {b.kind:9}  {b.state:8}  {b.done}/{b.total}  "
              f"{ctx.t('失败', 'failed')} {b.failed}  {b.created_at}")
    return 0


def cmd_batch_show(ctx) -> int:
    from ..services.batch import batch_info, batch_items

    desk = ctx.desk()
    info = batch_info(desk, ctx.args.batch_id)
    items = batch_items(desk, info.id)
    if ctx.args.json:
        ctx.print_json({**info.to_dict(), "items": [
            {"id": i.declaration_id, "position": i.position, "state": i.state,
             "message": i.message} for i in items]})
        return 0
    _print_batch(ctx, info)
    for i in items:
        print(f"  {i.position + 1:5}  {i.declaration_id}  {i.state:8}  {i.message or ''}")
    return 0


# ---------------------------------------------------------------------------- clients

def cmd_clients(ctx) -> int:
    from ..services.clients import ClientsService

    clients = ClientsService(ctx.desk()).list()
    if ctx.args.json:
        ctx.print_json([c.to_dict() for c in clients])
        return 0
    if not clients:
        print(ctx.t("没有委托企业（代理报检账户登录后同步）",
                    "no client enterprises (a broker account gets them at login)"), file=sys.stderr)
    for c in clients:
        print(f"{c.uscc}  {c.credit_grade or '-':2}  {c.name_cn or c.name_en or ''}"
              f"  {ctx.t('默认值', 'defaults')} {len(c.defaults)}")
    return 0


def cmd_clients_defaults(ctx) -> int:
    from ..errors import InputError
    from ..services.clients import ClientsService

    svc = ClientsService(ctx.desk())
    if ctx.args.set:
        values = {}
        for item in ctx.args.set:
            key, eq, value = item.partition("=")
            if not eq:
                raise InputError(f"--set 应为 键=值，而不是 {item}", f"--set needs KEY=VALUE, got {item}")
            values[key.strip()] = value
        defaults = svc.set_defaults(ctx.args.uscc, values)
    else:
        defaults = svc.defaults(ctx.args.uscc)
    if ctx.args.json:
        ctx.print_json(defaults)
    else:
        from ..fields import label
        if not defaults:
            print(ctx.t("没有默认值", "no defaults"), file=sys.stderr)
        for k, v in sorted(defaults.items()):
            print(f"{k} ({label(k, ctx.lang)}) = {v}")
    return 0


def cmd_clients_new(ctx) -> int:
    from ..services.clients import ClientsService

    decl = ClientsService(ctx.desk()).new_draft_for(ctx.args.uscc, ctx.args.direction, save=True)
    print(decl.id)
    return 0
