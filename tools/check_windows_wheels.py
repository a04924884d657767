"""Check that every pinned runtime requirement has a CPython 3.11 ``win_amd64`` wheel.

    .venv/bin/python tools/check_windows_wheels.py [-r requirements.txt]

Runs ``pip download --only-binary=:all: --platform win_amd64 --python-version 3.11
--implementation cp --no-deps`` for each pinned line of the requirements file into a
temporary directory (pip's own cache keeps reruns fast), then reads the downloaded file
names: each must be a wheel whose tags include ``win_amd64`` or ``any``. Prints one line
per requirement and exits 0 when all have one, 1 when some do not (named), 2 when pip
could not reach the index at all (offline: nothing proven either way).

``.ci/run`` calls it, so a pin without a Windows wheel (which would make the Windows
installer build fail on a user's build machine) fails CI here on Linux.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PIP_ARGS = ["--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.11",
            "--implementation", "cp", "--no-deps", "--disable-pip-version-check", "-q"]
_OFFLINE = re.compile(r"NewConnectionError|Temporary failure in name resolution|"
                      r"Network is unreachable|No route to host|Failed to establish")


def pinned(requirements: Path) -> list[str]:
    """The ``name==version`` lines of a requirements file (comments and blanks skipped)."""
    out = []
    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            out.append(line)
    return out


def wheel_fits(filename: str) -> bool:
    """Whether a downloaded file is a wheel installable on CPython 3.11, Windows x64."""
    if not filename.endswith(".whl"):
        return False
    parts = filename[:-4].split("-")
    if len(parts) < 5:
        return False
    pythons, abis, platforms = (set(p.split(".")) for p in parts[-3:])
    py_ok = bool(pythons & {"cp311", "py3", "py311", "cp37", "cp38", "cp39", "cp310"}) or any(
        p.startswith(("py3", "cp3")) for p in pythons)
    return py_ok and bool(platforms & {"win_amd64", "any"}) and bool(
        abis & {"cp311", "abi3", "none"})


def check(req: str, dest: Path) -> tuple[str, str]:
    """``(verdict, detail)``: ``ok`` with the wheel's name, ``missing`` or ``offline``."""
    before = set(dest.iterdir())
    done = subprocess.run([sys.executable, "-m", "pip", "download", *PIP_ARGS, "-d", str(dest),
                           req], capture_output=True, text=True)
    new = sorted(p.name for p in set(dest.iterdir()) - before)
    if done.returncode != 0:
        if _OFFLINE.search(done.stderr):
            return "offline", done.stderr.strip().splitlines()[-1]
        return "missing", (done.stderr.strip().splitlines() or ["pip failed"])[-1]
    name = re.split(r"[=<>~!]", req, 1)[0].lower().replace("-", "_")
    fits = [n for n in new if wheel_fits(n)]
    if not fits and not new:  # already present from an earlier line (same file)
        fits = [p.name for p in dest.iterdir()
                if p.name.lower().startswith(name) and wheel_fits(p.name)]
    return ("ok", fits[0]) if fits else ("missing", ", ".join(new) or "no wheel")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-r", "--requirements", type=Path, default=REPO / "requirements.txt")
    a = ap.parse_args(argv)
    reqs = pinned(a.requirements)
    bad, offline = [], False
    with tempfile.TemporaryDirectory(prefix="winwheels-") as tmp:
        for req in reqs:
            verdict, detail = check(req, Path(tmp))
            print(f"{verdict:8} {req:32} {detail}", flush=True)
            if verdict == "missing":
                bad.append(req)
            elif verdict == "offline":
                offline = True
                break
    if offline:
        print("cannot reach the package index: Windows wheels not checked", file=sys.stderr)
        return 2
    if bad:
        print(f"no CPython 3.11 win_amd64 wheel for: {', '.join(bad)}", file=sys.stderr)
        return 1
    print(f"all {len(reqs)} pinned runtime requirements have a CPython 3.11 win_amd64 wheel")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
