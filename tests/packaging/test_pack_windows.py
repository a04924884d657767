"""Item 20: what can be proven about Windows on Linux — the Windows-only code paths.

Each test puts the code on its Windows branch (``sys.platform`` / the platformdirs class /
a real Windows keyring backend class) and checks what a Windows user would get. The wheel
check itself (``tools/check_windows_wheels.py``, run by ``.ci/run``) talks to PyPI; here
only its reading of wheel names and requirement lines is tested.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# -- keyring backend classification ---------------------------------------------------
def test_windows_credential_manager_counts_as_the_os_vault(monkeypatch):
    from keyring.backends.Windows import WinVaultKeyring
    from keyring.backends.chainer import ChainerBackend

    from client.credentials import SECURITY_TEXT, classify_backend
    vault = object.__new__(WinVaultKeyring)  # no Windows API is called to classify it
    assert classify_backend(vault) == "os"
    monkeypatch.setattr(ChainerBackend, "backends", [vault])  # keyring's pick on Windows
    chain = object.__new__(ChainerBackend)
    assert classify_backend(chain) == "os"
    assert "Windows 凭据管理器" in SECURITY_TEXT["os"][0]


def test_the_windows_registry_keyring_is_not_taken_for_a_vault():
    from keyrings.alt.Windows import EncryptedKeyring, RegistryKeyring

    from client.credentials import classify_backend
    assert classify_backend(object.__new__(RegistryKeyring)) == "unknown"
    assert classify_backend(object.__new__(EncryptedKeyring)) == "encrypted-file"


# -- %LOCALAPPDATA% profile ------------------------------------------------------------
def test_the_default_profile_is_under_localappdata_not_the_roaming_profile(monkeypatch):
    import platformdirs
    from platformdirs import windows

    from client import paths
    local, roaming = r"C:\Users\chen\AppData\Local", r"C:\Users\chen\AppData\Roaming"
    monkeypatch.setenv("LOCALAPPDATA", local)
    monkeypatch.setenv("APPDATA", roaming)
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    monkeypatch.setattr(windows, "_resolve_win_folder", windows.get_win_folder_from_env_vars)
    monkeypatch.setattr(platformdirs, "PlatformDirs", windows.Windows)
    monkeypatch.setattr(paths, "_override", None)
    got = str(paths.default_data_dir())
    assert got.startswith(local) and roaming not in got
    assert got.replace("\\", "/").endswith(f"{paths.APP_NAME}/{paths.APP_NAME}")
    assert str(paths.resolve().db).startswith(local)
    iss = (REPO / "packaging" / "installer.iss").read_text(encoding="utf-8")
    assert "ExpandConstant('{localappdata}\\CIQDesk')" in iss
    assert got.replace("\\", "/").startswith(local.replace("\\", "/") + "/CIQDesk"), (
        "the uninstaller's 'delete my data' folder holds the profile")


# -- the console twin ------------------------------------------------------------------
def test_printing_and_the_selftest_use_the_console_twin_on_windows(monkeypatch, tmp_path):
    build = _load("ciqdesk_build", REPO / "packaging" / "build.py")
    monkeypatch.setattr(sys, "platform", "win32")
    assert build.frozen_exe(tmp_path) == tmp_path / "ciqdesk-console.exe"
    monkeypatch.setattr(sys, "platform", "linux")
    assert build.frozen_exe(tmp_path).name != "ciqdesk-console.exe"
    spec = (REPO / "packaging" / "ciqdesk.spec").read_text(encoding="utf-8")
    assert 'name="ciqdesk-console", console=True' in spec


# -- native-platform selftest ----------------------------------------------------------
def test_the_selftest_demands_the_windows_platform_plugin_and_keyring(qapp, monkeypatch):
    from ui import selftest
    monkeypatch.setattr(sys, "platform", "win32")
    assert selftest._os_key() == "win32"
    results = selftest.check_platform_plugins()
    first = [r for r in results if r.name.startswith("platform plugin")][0]
    assert first.name == "platform plugin qwindows"
    assert not first.ok, "no qwindows plugin on Linux: on Windows its absence fails"
    keyring_checks = {r.name: r for r in selftest.check_keyring()}
    module = keyring_checks["OS keyring backend module"]
    assert module.ok and module.detail == "keyring.backends.Windows"


# -- the wheel check's parsing ---------------------------------------------------------
@pytest.fixture(scope="module")
def wheels():
    return _load("check_windows_wheels", REPO / "tools" / "check_windows_wheels.py")


@pytest.mark.parametrize("name, fits", [
    ("pyside6_essentials-6.12.0-cp310-abi3-win_amd64.whl", True),
    ("sqlalchemy-2.1.9-cp311-cp311-win_amd64.whl", True),
    ("requests-2.34.2-py3-none-any.whl", True),
    ("openpyxl-3.1.5-py2.py3-none-any.whl", True),
    ("lxml-6.1.3-cp311-cp311-manylinux_2_28_x86_64.whl", False),
    ("lxml-6.1.3-cp312-cp312-win_amd64.whl", False),
    ("lxml-6.1.3-cp311-cp311-win32.whl", False),
    ("lxml-6.1.3.tar.gz", False),
])
def test_wheel_names_are_read_by_their_tags(wheels, name, fits):
    assert wheels.wheel_fits(name) is fits


def test_every_runtime_requirement_is_pinned(wheels):
    reqs = wheels.pinned(REPO / "requirements.txt")
    assert reqs and all("==" in r for r in reqs)
    assert any(r.startswith("PySide6-Essentials==") for r in reqs)
