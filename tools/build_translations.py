"""Build the UI translations: ``resources/translations/*.ts`` → ``.qm`` (pyside6-lrelease).

    python tools/build_translations.py            # compile every .ts to .qm next to it
    python tools/build_translations.py --update   # first re-scan ui/ with pyside6-lupdate

The ``.qm`` files are build products (git-ignored): CI, packaging and the self-test run
this. Source strings in ``ui/`` are Chinese; ``ciqdesk_en.ts`` carries the English and
``ciqdesk_zh_CN.ts`` is the identity. ``--update`` keeps existing translations and adds new
strings as unfinished (fill them in Qt Linguist or by hand, then build again).
Exit status: 0 on success, 1 when a tool failed or a .ts has unfinished strings with
``--strict``.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGS = {"ciqdesk_en.ts": "en", "ciqdesk_zh_CN.ts": "zh_CN"}


def _tool(name: str) -> list[str]:
    """How to run a PySide6 Qt tool (``lrelease``/``lupdate``) from this interpreter."""
    try:
        import PySide6
        exe = Path(PySide6.__file__).parent / (name + (".exe" if sys.platform == "win32" else ""))
        if exe.exists():
            return [str(exe)]
    except ImportError:
        pass
    return [sys.executable, "-c",
            f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.exit({name}())"]


def update() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    rc = 0
    for ts, lang in LANGS.items():
        cmd = _tool("lupdate") + sources + ["-no-obsolete", "-source-language", "zh_CN", "-target-language",
                                            lang, "-ts", str(TS_DIR / ts)]
        rc |= subprocess.call(cmd, cwd=ROOT)
    return rc


def build(strict: bool = False) -> int:
    rc = 0
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        res = subprocess.run(_tool("lrelease") + [str(ts), "-qm", str(qm)], cwd=ROOT,
                             capture_output=True, text=True)
        out = (res.stdout + res.stderr).strip()
        print(out.splitlines()[-1] if out else f"{ts.name}: lrelease exit {res.returncode}")
        rc |= res.returncode != 0 or not qm.exists()
        if strict and re.search(r"\b[1-9]\d* unfinished", out):
            print(f"{ts.name}: unfinished translations", file=sys.stderr)
            rc = 1
    return int(rc)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="re-scan ui/ with pyside6-lupdate first")
    ap.add_argument("--strict", action="store_true", help="fail on unfinished translations")
    args = ap.parse_args(argv)
    if args.update and update():
        return 1
    return build(args.strict)


if __name__ == "__main__":
    sys.exit(main())
