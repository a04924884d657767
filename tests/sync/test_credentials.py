"""The credential store: keyring backends, their security level, failures, no secrets on disk."""
from __future__ import annotations

import pytest

from client.credentials import CredentialStore, classify_backend
from client.errors import AuthError, CredentialStoreError


def test_token_round_trip_in_the_keyring_file(creds, keyring_backend):
    url = "https://platform.example.cn/"
    assert creds.refresh_token(url, "aa@demo") is None
    creds.save_refresh_token(url, "aa@demo", "rt_secret")
    assert creds.refresh_token("https://platform.example.cn", "aa@demo") == "rt_secret"
    assert creds.refresh_token(url, "b@demo") is None
    assert creds.delete(url, "aa@demo") is True
    assert creds.refresh_token(url, "aa@demo") is None
    assert creds.delete(url, "aa@demo") is False


def test_security_levels_of_backends():
    from keyring.backends import fail, null
    from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring
    assert classify_backend(PlaintextKeyring()) == "plaintext-file"
    # (instantiating EncryptedKeyring needs pycryptodome; the class is what matters)
    assert classify_backend(EncryptedKeyring.__new__(EncryptedKeyring)) == "encrypted-file"
    assert classify_backend(fail.Keyring()) == "none"
    assert classify_backend(null.Keyring()) == "none"
    store = CredentialStore(PlaintextKeyring())
    assert store.security() == "plaintext-file"
    assert "明文" in store.security_text()
    assert "plain-text" in store.security_text("en")


def test_os_backends_are_reported_as_os():
    try:
        from keyring.backends.SecretService import Keyring as SS
    except ImportError:  # pragma: no cover - depends on the platform
        pytest.skip("SecretService backend not importable here")
    assert classify_backend(SS()) == "os"


def test_no_keyring_is_a_credential_error_not_a_wrong_password():
    from keyring.backends import fail
    store = CredentialStore(fail.Keyring())
    with pytest.raises(CredentialStoreError) as info:
        store.save_refresh_token("http://x", "u", "t")
    assert "不是密码错误" in info.value.message_zh
    with pytest.raises(CredentialStoreError):
        store.refresh_token("http://x", "u")


class _LockedKeyring:
    """A backend that behaves like a locked OS keyring (the one class mocked here)."""

    def get_password(self, *a):
        import keyring.errors
        raise keyring.errors.KeyringLocked("locked")

    set_password = delete_password = get_password


def test_locked_keyring_says_locked():
    store = CredentialStore(_LockedKeyring())
    with pytest.raises(CredentialStoreError) as info:
        store.refresh_token("http://x", "u")
    assert "锁定" in info.value.message_zh and "不是密码错误" in info.value.message_zh


@pytest.mark.sandbox
def test_login_with_unusable_keyring_stores_nothing(desk, sandbox, make_engine):
    from keyring.backends import fail

    from client.sync.engine import SyncEngine
    engine = SyncEngine(desk, CredentialStore(fail.Keyring()))
    with pytest.raises(CredentialStoreError):
        engine.login(sandbox.url, "aa@demo", "demo123")
    assert engine.account() == (None, None)
    assert desk.enterprise() is None
    with pytest.raises(AuthError):
        engine.sync()


@pytest.mark.sandbox
def test_no_secret_on_disk_after_login_and_sync(engine, desk, sandbox, creds, data_dir):
    import logging

    from sync_helpers import add_drafts

    from client.logs import setup_logging
    log_file = setup_logging(desk.paths.logs, level=logging.DEBUG)  # as the app logs
    try:
        ent = engine.login(sandbox.url, "aa@demo", "demo123")
        refresh = creds.refresh_token(sandbox.url, "aa@demo")
        access = engine.client().access_token
        assert refresh and access
        engine.top_up()
        engine.filing().finalise(add_drafts(desk, ent, 2))
        assert sandbox.admin("POST", "/admin/clock:advance", {"seconds": 7200}).ok
        engine.sync()  # refreshes the expired access token on the way
        assert engine.client().refreshes >= 1
    finally:
        import client.logs
        root = logging.getLogger()
        for h in list(root.handlers):
            if getattr(h, "_ciqdesk", False):
                h.flush()
                root.removeHandler(h)
                h.close()
        root.setLevel(logging.WARNING)
        client.logs._configured = None
    assert log_file.exists() and log_file.stat().st_size > 0
    access = engine.client().access_token
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name.startswith("ciqdesk.sqlite3") for p in files)
    for p in files:
        data = p.read_bytes()
        assert refresh.encode() not in data, f"refresh token found in {p}"
        assert access.encode() not in data, f"access token found in {p}"
        assert b"demo123" not in data, f"password found in {p}"
