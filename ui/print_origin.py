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

from .print_pdf import _ensure_platform, print_from_profile

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
    from client.origin.print_layout import build
    from client.origin.service import OriginDesk

    def say(zh: str, en: str) -> str:
        return en if args.lang == "en" else zh

    if args.data_dir:
        paths.configure(args.data_dir)

    def render(desk) -> int:
        from .printing import save_pdf  # Qt: after print_from_profile's check
        return save_pdf(build(OriginDesk(desk).get(args.id), desk.codes), args.pdf)

    return print_from_profile(args, say, render, "certificate of origin")

if __name__ == "__main__":
    sys.exit(main())
