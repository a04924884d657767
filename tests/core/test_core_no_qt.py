"""client/ never imports Qt: every module under client/ is imported in one fresh
interpreter and PySide6 must not be loaded afterwards."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_PROBE = """
import importlib, pathlib, sys
root = pathlib.Path(sys.argv[1])
mods = []
for f in sorted((root / "client").rglob("*.py")):
    rel = f.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    if "migrations" in parts and parts[-1] != "migrations":
        continue  # Alembic revision scripts run inside Alembic, not imported
    if parts[-1] == "__main__":
        continue
    mods.append(".".join(parts))
for m in mods:
    importlib.import_module(m)
qt = sorted(k for k in sys.modules if k.split(".")[0] in ("PySide6", "shiboken6"))
print(len(mods))
print(",".join(qt))
"""


def test_no_module_under_client_imports_pyside6():
    out = subprocess.run([sys.executable, "-c", _PROBE, str(REPO)], cwd=REPO,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    count, qt = out.stdout.strip().split("\n") + [""] * (2 - len(out.stdout.strip().split("\n")))
    assert int(count) > 50
    assert qt == "", f"client/ pulled in Qt: {qt}"
