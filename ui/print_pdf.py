"""``python -m ui.print_pdf ID --pdf FILE [--data-dir DIR] [--date YYYY-MM-DD]``.

The Qt half of ``python -m client print``: opens the profile, loads the declaration, lays
it out (``client.interchange.print_layout``) and renders it with ``QPdfWriter``. It runs in
its own process so that the core CLI never imports Qt (see ``client.cli.print_cmd``). In a
frozen app the same entry is reached as ``CIQDesk --print-pdf ID --pdf FILE ...``:
``main.py`` hands ``sys.argv`` after ``--print-pdf`` to :func:`main`.

Exit codes follow the CLI: 0 saved; 2 not found / cannot write / no CJK font; 3 a bug.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date

log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ui.print_pdf", description="报检单另存为 PDF")
    p.add_argument("id", metavar="ID", help="本地编号或报检号")
    p.add_argument("--pdf", required=True, metavar="FILE")
    p.add_argument("--data-dir")
    p.add_argument("--date", help="报检日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    return p


def _ensure_platform() -> None:
    """A headless Linux box (CI, a server) has no display: render offscreen there."""
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _ensure_platform()
    from client import paths

    def say(zh: str, en: str) -> str:
        return en if args.lang == "en" else zh

    if args.data_dir:
        paths.configure(args.data_dir)
    try:
        declared_on = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        print(say(f"日期格式应为 YYYY-MM-DD：{args.date}", f"bad date {args.date}"),
              file=sys.stderr)
        return 2
    def render(desk) -> int:
        from .printing import save_declaration_pdf  # Qt: after print_from_profile's check
        return save_declaration_pdf(desk.get(args.id), args.pdf, desk.codes, declared_on)

    return print_from_profile(args, say, render, "declaration")


def print_from_profile(args, say, render, what: str) -> int:
    """The shared half of the print entries (this one, :mod:`ui.print_origin`): the output
    folder checked, a Qt GUI application, the profile ``args.data_dir`` opened, ``render(desk)``
    (the pages written to ``args.pdf``), and every failure turned into the CLI's message and
    exit code: 2 not found / cannot write / no CJK font / no Qt, 3 a bug (logged)."""
    from pathlib import Path

    from client.errors import DeskError
    from client.services import Desk
    if not Path(args.pdf).expanduser().resolve().parent.is_dir():
        print(say(f"无法写入 {args.pdf}：目录不存在", f"cannot write {args.pdf}: no such folder"),
              file=sys.stderr)
        return 2
    try:
        from PySide6.QtGui import QGuiApplication
    except ImportError as exc:  # a server install without the GUI stack
        print(say(f"无法生成 PDF：未安装 Qt（PySide6）：{exc}",
                  f"cannot make a PDF: Qt (PySide6) is not installed: {exc}"), file=sys.stderr)
        return 2

    from .printing import NoCjkFont
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    try:
        desk = Desk.open(args.data_dir)
    except DeskError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return exc.exit_code
    try:
        pages = render(desk)
    except DeskError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return exc.exit_code
    except NoCjkFont as exc:
        print(say("未找到可显示中文的字体（请安装 Noto Sans CJK SC）", str(exc)), file=sys.stderr)
        return 2
    except OSError as exc:
        print(say(f"无法写入 {args.pdf}：{exc}", f"cannot write {args.pdf}: {exc}"),
              file=sys.stderr)
        return 2
    except Exception:  # noqa: BLE001 - a bug: traceback to the log, short line to the user
        log.exception("printing %s %s failed", what, args.id)
        print(say("内部错误，详情已写入日志", "internal error; see the log"), file=sys.stderr)
        return 3
    finally:
        desk.close()
    print(say(f"已保存 {args.pdf}（{pages} 页）", f"saved {args.pdf} ({pages} pages)"))
    return 0

if __name__ == "__main__":
    sys.exit(main())
