"""Set up a development checkout and start the app or run the tests, on a fresh machine.

    python3 tools/dev.py start [APP ARGS...]   # set up .venv, build translations, start CIQ Desk
    python3 tools/dev.py test [PYTEST ARGS...] # set up .venv (with test tools), run the tests
    python3 tools/dev.py setup                 # only set up

Setting up means: on Debian/Ubuntu as root, install the Qt runtime libraries and the CJK
font with apt when they are missing (elsewhere, print the command to run); create
``.venv/`` in the repository root; install the pinned requirements into it (again only
when ``requirements*.txt`` changed since the last install); build the ``.qm`` translations.
Runs with any Python 3.11+; everything else happens inside ``.venv``.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
APT_PACKAGES = [
    "libegl1", "libgl1", "libopengl0", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1",
    "libfreetype6", "libdbus-1-3", "libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4",
    "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0",
    "libxcb-xinerama0", "libxcb-xkb1", "fonts-noto-cjk", "poppler-utils", "binutils", "libpq5",
]


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def apt_setup() -> None:
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    missing = []
    for pkg in APT_PACKAGES:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True,
                           text=True)
        if "install ok installed" not in r.stdout:
            missing.append(pkg)
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("Qt needs these system packages; please install them:\n  sudo apt-get install -y "
              + " ".join(missing), file=sys.stderr)
        return
    print(f"installing system packages: {' '.join(missing)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    lock = ["-o", "DPkg::Lock::Timeout=600"]
    subprocess.run(["apt-get", *lock, "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", *lock, "install", "-y", "-qq", "--no-install-recommends", *missing],
                   check=True, env=env)


def pip_setup(dev: bool) -> None:
    if not venv_python().exists():
        print("creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    req = ROOT / ("requirements-dev.txt" if dev else "requirements.txt")
    digest = hashlib.sha256((ROOT / "requirements.txt").read_bytes()
                            + req.read_bytes()).hexdigest()
    stamp = VENV / f".installed-{'dev' if dev else 'app'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    py = str(venv_python())
    subprocess.run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([py, "-m", "pip", "install", "-q", "-r", str(req)], check=True)
    stamp.write_text(digest)


def build_translations() -> None:
    script = ROOT / "tools" / "build_translations.py"
    if script.exists():
        subprocess.run([str(venv_python()), str(script)], check=True, cwd=ROOT)


def setup(dev: bool) -> None:
    apt_setup()
    pip_setup(dev)
    build_translations()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("start", "test", "setup"):
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    setup(dev=cmd != "start")
    if cmd == "setup":
        return 0
    if cmd == "start":
        return subprocess.call([str(venv_python()), str(ROOT / "main.py"), *rest], cwd=ROOT)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.call([str(venv_python()), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
