"""``python -m client print ID --pdf FILE``: a declaration as the official 报检单, in PDF.

Why a subprocess: the layout is core (``client.interchange.print_layout``, pure Python),
but turning it into a PDF with an embedded CJK font needs Qt (``QPdfWriter``), and
``client/`` never imports Qt — the core must stay usable (and fast to start) on a server or
in the sandbox without a GUI stack, and a Qt failure (no platform plugin, no font) must not
take the CLI down with it. So this command checks the declaration exists, then runs the Qt
renderer as its own process and relays its output and exit code:

* from source: ``sys.executable -m ui.print_pdf ID --pdf FILE --data-dir DIR``, with the
  project root put on ``PYTHONPATH``;
* in a frozen app (``sys.frozen``): ``<exe> --print-pdf ID --pdf FILE --data-dir DIR``, which
  ``main.py`` routes to ``ui.print_pdf.main``.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def register(sub) -> None:
    p = sub.add_parser("print", help="将报检单另存为 PDF（官方报检单格式）/ save as PDF")
    p.add_argument("id", metavar="ID", help="本地编号或报检号")
    p.add_argument("--pdf", required=True, metavar="FILE", help="输出的 PDF 文件")
    p.add_argument("--date", help="报检日期 YYYY-MM-DD（默认今天）")
    p.set_defaults(func=cmd_print)


def renderer_command(decl_id: str, pdf: str, data_dir: str, lang: str = "zh",
                     day: str | None = None) -> list[str]:
    """The command line that renders one PDF (frozen exe or ``python -m ui.print_pdf``)."""
    tail = [decl_id, "--pdf", pdf, "--data-dir", data_dir, "--lang", lang]
    if day:
        tail += ["--date", day]
    if getattr(sys, "frozen", False):
        return [sys.executable, "--print-pdf", *tail]
    return [sys.executable, "-m", "ui.print_pdf", *tail]


def cmd_print(ctx) -> int:
    desk = ctx.desk()
    decl = desk.get(ctx.args.id)  # NotFound → exit 2 with a clear message, no Qt started
    data_dir = str(desk.paths.data_dir)
    pdf = str(Path(ctx.args.pdf).expanduser().resolve())
    ctx.close()  # the renderer opens the profile itself
    ctx._desk = None
    env = dict(os.environ)
    if not getattr(sys, "frozen", False):
        env["PYTHONPATH"] = os.pathsep.join(
            [str(PROJECT_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    cmd = renderer_command(decl.id, pdf, data_dir, ctx.lang, ctx.args.date)
    log.info("printing %s via %s", decl.id, cmd[:3])
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8",
                          errors="replace")
    if proc.stdout:
        sys.stdout.write(proc.stdout)
    if proc.stderr:
        sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        log.warning("renderer exited with %s: %s", proc.returncode, proc.stderr[-2000:])
    # the renderer answers 0, 2 or 3; anything else (1 = an uncaught exception before it
    # could answer, a signal) is a crash, i.e. an internal error
    return proc.returncode if proc.returncode in (0, 2, 3) else 3
