"""``python -m ui.print_origin ID --pdf FILE [--data-dir DIR]``: a certificate of origin
in PDF (the Qt half of ``python -m client origin print``; like :mod:`ui.print_pdf`).

Lays it out with :func:`client.origin.print_layout.build` and renders it with
:func:`ui.printing.save_pdf`. Exit codes: 0 saved; 2 not found / cannot write / no CJK
font; 3 a bug.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .print_pdf import _ensure_platform

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="ui.print_origin", description="原产地证书另存为 PDF")
    p.add_argument("id", metavar="ID")
    p.add_argument("--pdf", required=True, metavar="FILE")
    p.add_argument("--data-dir")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = p.parse_args(argv)
    _ensure_platform()
    from client import paths
    from client.errors import DeskError
    from client.origin.print_layout import build
    from client.origin.service import OriginDesk
    from client.services import Desk

    def say(zh: str, en: str) -> str:
        return en if args.lang == "en" else zh

    if args.data_dir:
        paths.configure(args.data_dir)
    if not Path(args.pdf).expanduser().resolve().parent.is_dir():
        print(say(f"无法写入 {args.pdf}：目录不存在", f"cannot write {args.pdf}: no such folder"),
              file=sys.stderr)
        return 2
    from PySide6.QtGui import QGuiApplication

    from .printing import NoCjkFont, save_pdf
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    try:
        desk = Desk.open(args.data_dir)
    except DeskError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return exc.exit_code
    try:
        doc = OriginDesk(desk).get(args.id)
        pages = save_pdf(build(doc, desk.codes), args.pdf)
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
        log.exception("printing certificate of origin %s failed", args.id)
        print(say("内部错误，详情已写入日志", "internal error; see the log"), file=sys.stderr)
        return 3
    finally:
        desk.close()
    print(say(f"已保存 {args.pdf}（{pages} 页）", f"saved {args.pdf} ({pages} pages)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
