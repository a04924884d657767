"""Build the one-folder bundle and, with ``--selftest``, prove the frozen app works.

    .venv/bin/python packaging/build.py              # dist/CIQDesk/
    .venv/bin/python packaging/build.py --selftest   # + run the frozen --selftest

Steps: build the ``.qm`` translations (``tools/build_translations.py``), run PyInstaller on ``packaging/ciqdesk.spec`` (work files in ``build/``, the bundle
in ``dist/CIQDesk``), report the bundle's size (target: < 150 MB for the Linux one-folder
build) and its largest parts, then — with ``--selftest`` — run the frozen app's
``--selftest`` (on Linux with ``QT_QPA_PLATFORM=offscreen``; on Windows on the native
platform, whose offscreen plugin cannot see the system fonts) and a throw-away data folder, print its
output and the time from launch to exit, and also print a 30-line declaration to PDF
through the frozen ``--print-pdf`` path. Exit 0 when everything passed, 1 when the self-test
or the size target failed, 2 when PyInstaller itself failed.

Figures are printed, never asserted against a time threshold.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "ciqdesk.spec"
APP = "CIQDesk"
SIZE_TARGET_MB = 150


def bundle_size(folder: Path) -> tuple[int, list[tuple[int, str]]]:
    """Total bytes, and the biggest top-level parts (folder sizes summed)."""
    parts: dict[str, int] = {}
    total = 0
    for f in folder.rglob("*"):
        if f.is_file() and not f.is_symlink():
            n = f.stat().st_size
            total += n
            rel = f.relative_to(folder).parts
            key = "/".join(rel[:3]) if rel[0] == "_internal" and len(rel) > 2 else "/".join(rel[:2])
            parts[key] = parts.get(key, 0) + n
    return total, sorted(((v, k) for k, v in parts.items()), reverse=True)[:12]


def run_pyinstaller(dist: Path, work: Path, clean: bool) -> int:
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
           "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        cmd.append("--clean")
    print("$", " ".join(cmd), flush=True)
    started = time.perf_counter()
    res = subprocess.run(cmd, cwd=ROOT)
    print(f"pyinstaller finished in {time.perf_counter() - started:.1f} s "
          f"(exit {res.returncode})", flush=True)
    return res.returncode


def frozen_exe(bundle: Path) -> Path:
    """The executable that can print: the console twin on Windows, the app elsewhere."""
    if sys.platform == "win32":
        return bundle / "ciqdesk-console.exe"
    return bundle / APP


def run_selftest(bundle: Path) -> int:
    exe = frozen_exe(bundle)
    if not exe.exists():
        print(f"FAIL: {exe} not found", flush=True)
        return 1
    with tempfile.TemporaryDirectory(prefix="ciqdesk-frozen-") as tmp:
        env = {**os.environ, "CIQDESK_DATA_DIR": tmp, "PYTHONPATH": ""}
        if sys.platform.startswith("linux"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        else:  # Windows' offscreen plugin cannot see C:\Windows\Fonts: use the native one
            env.pop("QT_QPA_PLATFORM", None)
        started = time.perf_counter()
        res = subprocess.run([str(exe), "--selftest"], env=env, capture_output=True,
                             text=True, encoding="utf-8", errors="replace", timeout=600)
        took = time.perf_counter() - started
        print("---- frozen --selftest output ----")
        print(res.stdout.rstrip())
        if res.stderr.strip():
            print("---- stderr ----")
            print(res.stderr.rstrip()[-4000:])
        print("----------------------------------")
        print(f"frozen --selftest: exit {res.returncode}, launch to exit {took:.2f} s",
              flush=True)
        if res.returncode != 0:
            return 1
        return print_check(exe, env, Path(tmp)) or cli_and_first_paint(exe, env, Path(tmp))


def cli_and_first_paint(exe: Path, env: dict, tmp: Path) -> int:
    """The frozen command line (``--cli``) lists the profile; then launch → first painted
    main window, best of three (target < 2 s; the first launch also warms the disk cache)."""
    res = subprocess.run([str(exe), "--cli", "list", "--json"], env=env, capture_output=True,
                         text=True, encoding="utf-8", errors="replace", timeout=120)
    try:
        listed = len(json.loads(res.stdout))
    except ValueError:
        listed = -1
    print(f"frozen --cli list: exit {res.returncode}, {listed} declaration(s)", flush=True)
    if res.returncode != 0 or listed < 1:
        print(res.stderr[-2000:], flush=True)
        return 1
    times = []
    for _ in range(3):
        started = time.time()
        res = subprocess.run([str(exe), "--startup-probe"], env=env, capture_output=True,
                             text=True, encoding="utf-8", errors="replace", timeout=120)
        marks = [line.split()[1] for line in res.stdout.splitlines()
                 if line.startswith("first-paint-epoch")]
        if res.returncode != 0 or not marks:
            print(f"FAIL: frozen --startup-probe: {res.stderr[-2000:]}", flush=True)
            return 1
        times.append(float(marks[0]) - started)
    print(f"frozen launch -> first painted window: best {min(times):.2f} s, "
          f"runs {', '.join(f'{t:.2f}' for t in times)} s (target < 2 s)", flush=True)
    return 0


def print_check(exe: Path, env: dict, tmp: Path) -> int:
    """Import a 30-line declaration with the source CLI into the temp profile, then render
    it with the frozen ``--print-pdf`` (fonts, QtGui PDF writer, code tables in the bundle)."""
    sys.path.insert(0, str(ROOT))
    from client.model import to_dict
    from client.rules.sample import sample_declaration

    decl = sample_declaration("inbound", 30)
    src = tmp / "decl.json"
    src.write_text(json.dumps(to_dict(decl), ensure_ascii=False), encoding="utf-8")
    imp = subprocess.run([sys.executable, "-m", "client", "--data-dir", str(tmp), "import",
                          str(src)], cwd=ROOT, capture_output=True, text=True)
    if imp.returncode != 0:
        print(f"FAIL: could not import the sample declaration: {imp.stderr}", flush=True)
        return 1
    pdf = tmp / "printed.pdf"
    started = time.perf_counter()
    res = subprocess.run([str(exe), "--print-pdf", decl.id, "--pdf", str(pdf),
                          "--data-dir", str(tmp)], env=env, capture_output=True, text=True,
                         encoding="utf-8", errors="replace", timeout=300)
    took = time.perf_counter() - started
    ok = res.returncode == 0 and pdf.exists() and b"/FontFile" in pdf.read_bytes()
    print(f"frozen --print-pdf: exit {res.returncode}, {took:.2f} s, "
          f"{pdf.stat().st_size if pdf.exists() else 0:,} bytes, "
          f"{'font embedded' if ok else 'FAILED'} {res.stdout.strip()} {res.stderr.strip()}",
          flush=True)
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build CIQ Desk with PyInstaller")
    p.add_argument("--selftest", action="store_true", help="run the frozen app's --selftest")
    p.add_argument("--skip-build", action="store_true", help="only check an existing bundle")
    p.add_argument("--clean", action="store_true", help="clear PyInstaller's cache first")
    p.add_argument("--dist", default=str(ROOT / "dist"))
    p.add_argument("--work", default=str(ROOT / "build"))
    args = p.parse_args(argv)

    entry = os.environ.get("CIQDESK_ENTRY") or str(ROOT / "main.py")
    if not Path(entry).is_file():
        print(f"FAIL: entry script {entry} does not exist", flush=True)
        return 2
    dist = Path(args.dist)
    bundle = dist / APP
    if not args.skip_build:
        translations = ROOT / "tools" / "build_translations.py"
        if translations.is_file():  # the .qm files are built, not committed
            res = subprocess.run([sys.executable, str(translations)], cwd=ROOT)
            if res.returncode != 0:
                print("FAIL: building the translations failed", flush=True)
                return 2
        if bundle.exists():
            shutil.rmtree(bundle)
        if run_pyinstaller(dist, Path(args.work), args.clean) != 0:
            return 2
    total, parts = bundle_size(bundle)
    mb = total / 1e6
    print(f"bundle {bundle}: {mb:.1f} MB (target < {SIZE_TARGET_MB} MB on Linux)")
    for n, name in parts:
        print(f"  {n / 1e6:8.1f} MB  {name}")
    code = 0
    if sys.platform.startswith("linux") and mb >= SIZE_TARGET_MB:
        print(f"FAIL: bundle is {mb:.1f} MB, over the {SIZE_TARGET_MB} MB target", flush=True)
        code = 1
    if args.selftest:
        code = max(code, run_selftest(bundle))
    print("build: OK" if code == 0 else "build: FAILED", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
