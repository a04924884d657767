"""``--selftest``: passes on a complete source tree, names what is missing otherwise."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from client import paths
from client.selftest import SelfTest, check_resources, run_core

ROOT = Path(__file__).resolve().parents[2]


def test_pack_core_selftest_passes_in_the_source_tree():
    out = io.StringIO()
    test = SelfTest(out)
    run_core(test)
    text = out.getvalue()
    assert test.summary() == 0, text
    for what in ("code table files", "migration scripts", "fresh store migrates",
                 "code tables load", "rulebook on a built-in inbound declaration",
                 "JSON interchange round trip", "draft saves and reads back", "sqlite3 module"):
        assert f"[ OK ] {what}" in text


def test_pack_missing_code_table_fails_and_names_the_file(tmp_path, monkeypatch):
    res = tmp_path / "resources"
    shutil.copytree(paths.resource_dir(), res)
    (res / "codes" / "units.csv").unlink()
    (res / "codes" / "bureaus.csv").write_text("code,name_cn\n999999,篡改\n", encoding="utf-8")
    monkeypatch.setattr(paths, "resource_dir", lambda: res)
    results = {r.name: r for r in check_resources()}
    files = results["code table files"]
    assert not files.ok
    assert "units.csv missing" in files.detail
    assert "bureaus.csv does not match its manifest sha256" in files.detail


def test_pack_selftest_exit_code_is_one_on_any_failure(monkeypatch):
    out = io.StringIO()
    test = SelfTest(out)
    test.run("boom", lambda: (_ for _ in ()).throw(FileNotFoundError("resources/x.qm")))
    assert test.summary() == 1
    assert "[FAIL] boom: FileNotFoundError: resources/x.qm" in out.getvalue()


@pytest.mark.slow
def test_pack_gui_selftest_passes_in_the_source_tree(tmp_path):
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
           "CIQDESK_DATA_DIR": str(tmp_path / "untouched")}
    res = subprocess.run([sys.executable, "-c", "import sys, ui.selftest; sys.exit(ui.selftest.run())"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout + res.stderr
    for what in ("platform plugin qoffscreen", "CJK font", "PDF printing", "keyring backend",
                 "main window", "fresh store migrates"):
        assert what in res.stdout
    assert "[FAIL]" not in res.stdout
    assert not (tmp_path / "untouched").exists(), "the self-test must not touch a profile"


def test_pack_missing_qt_plugins_fail_with_their_names(qapp, monkeypatch, tmp_path):
    from ui import selftest as gui

    monkeypatch.setattr(gui, "_plugin_dirs", lambda: [tmp_path])
    results = gui.check_platform_plugins() + gui.check_other_plugins()
    failed = {r.name: r.detail for r in results if not r.ok}
    desktop = gui.PLATFORM_PLUGINS[gui._os_key()][0]
    assert f"platform plugin {desktop}" in failed
    assert "not in the bundle" in failed[f"platform plugin {desktop}"]
    for stem in gui.IMAGE_PLUGINS:
        assert failed[f"image plugin {stem}"] == "missing from the bundle"
