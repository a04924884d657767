"""``origin print ID --pdf FILE``: renders in a child process (``python -m ui.print_origin``)
so the core CLI never imports Qt — the same arrangement as :mod:`client.cli.print_cmd`."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .print_cmd import PROJECT_ROOT


def print_certificate(ctx) -> int:
    from ..errors import DeskError
    from ..origin.service import OriginDesk
    desk = ctx.desk()
    OriginDesk(desk).row(ctx.args.id)  # not found → exit 2 before Qt starts
    data_dir = str(desk.paths.data_dir)
    pdf = str(Path(ctx.args.pdf).expanduser().resolve())
    ctx.close()
    ctx._desk = None
    if getattr(sys, "frozen", False):
        raise DeskError("打包版暂不支持原产地证书打印", "origin print is not in the frozen app yet")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(PROJECT_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    proc = subprocess.run([sys.executable, "-m", "ui.print_origin", ctx.args.id, "--pdf", pdf,
                           "--data-dir", data_dir, "--lang", ctx.lang], env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace")
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    return proc.returncode if proc.returncode in (0, 2, 3) else 3
