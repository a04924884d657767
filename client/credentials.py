"""The refresh token of each login, kept in the OS keyring (never in the database or logs).

:class:`CredentialStore` wraps a ``keyring`` backend. One secret is stored per
(platform URL, username): the platform's long-lived refresh token. Access tokens live only
in memory (see :mod:`client.sync.http`). The store also says how safe its backend is
(:meth:`CredentialStore.security`): the OS vault ("os"), an encrypted file, a plain-text
file, or nothing at all; the UI and ``whoami`` show that with a Chinese explanation.

A keyring that is missing, locked or refuses access raises
:class:`~client.errors.CredentialStoreError` with a plain Chinese message. It is never
reported as a wrong password: the password check is the platform's business.
"""
from __future__ import annotations

import logging
from typing import Any

from .errors import CredentialStoreError

log = logging.getLogger(__name__)

SERVICE_PREFIX = "CIQDesk"

#: security level → (Chinese, English) description
SECURITY_TEXT: dict[str, tuple[str, str]] = {
    "os": ("登录凭据保存在操作系统的凭据库中（Windows 凭据管理器 / macOS 钥匙串 / Secret Service），"
           "受系统账户保护。",
           "the login is kept in the operating system's credential vault"),
    "encrypted-file": ("登录凭据保存在加密文件中（需要主密码才能读取）。",
                       "the login is kept in an encrypted file protected by a master password"),
    "plaintext-file": ("注意：登录凭据以明文保存在本机文件中，任何能读取您用户目录的人都能使用它。"
                       "建议在有系统凭据库的电脑上使用。",
                       "warning: the login is kept in a plain-text file readable by anyone "
                       "with access to your user folder"),
    "none": ("没有可用的凭据库：无法保存登录，每次同步前都需要重新登录。",
             "no credential store is available: the login cannot be kept"),
    "unknown": ("登录凭据由第三方凭据库保存，其安全性未知。",
                "the login is kept by a third-party keyring of unknown security"),
}

_OS_BACKENDS = {
    ("keyring.backends.Windows", "WinVaultKeyring"),
    ("keyring.backends.macOS", "Keyring"),
    ("keyring.backends.SecretService", "Keyring"),
    ("keyring.backends.libsecret", "Keyring"),
    ("keyring.backends.kwallet", "DBusKeyring"),
    ("keyring.backends.kwallet", "DBusKeyringKWallet4"),
}


def classify_backend(backend: Any) -> str:
    """``os``, ``encrypted-file``, ``plaintext-file``, ``none`` or ``unknown`` for a backend."""
    mod, name = type(backend).__module__, type(backend).__name__
    if (mod, name) in _OS_BACKENDS:
        return "os"
    if mod == "keyring.backends.chainer":
        # the chainer writes to its highest-priority backend first
        inner = list(getattr(backend, "backends", []) or [])
        return classify_backend(inner[0]) if inner else "none"
    if mod in ("keyring.backends.fail", "keyring.backends.null"):
        return "none"
    if mod.startswith("keyrings.alt.file"):
        if name == "PlaintextKeyring":
            return "plaintext-file"
        if name in ("EncryptedKeyring", "Keyring"):
            return "encrypted-file"
    if mod.startswith("keyrings.alt.Windows") or mod.startswith("keyrings.alt.pyfs"):
        return "encrypted-file" if "Encrypted" in name or "Registry" not in name else "unknown"
    return "unknown"


def service_name(platform_url: str) -> str:
    """The keyring service under which logins for one platform are kept."""
    return f"{SERVICE_PREFIX}:{platform_url.rstrip('/').lower()}"


class CredentialStore:
    """Refresh tokens per (platform URL, username) in a keyring backend.

    ``backend`` is a ``keyring`` backend instance; ``None`` uses the process's keyring
    (``keyring.get_keyring()``, which honours ``PYTHON_KEYRING_BACKEND``).
    """

    def __init__(self, backend: Any = None):
        self._backend = backend

    @property
    def backend(self) -> Any:
        if self._backend is None:
            try:
                import keyring
                self._backend = keyring.get_keyring()
            except Exception as exc:  # noqa: BLE001 - a broken keyring setup is environmental
                raise _unavailable(exc) from exc
        return self._backend

    def security(self) -> str:
        """How safe the backend keeps secrets: see :data:`SECURITY_TEXT` for the levels."""
        try:
            return classify_backend(self.backend)
        except CredentialStoreError:
            return "none"

    def security_text(self, lang: str = "zh") -> str:
        zh, en = SECURITY_TEXT[self.security()]
        return en if lang == "en" else zh

    def backend_name(self) -> str:
        try:
            b = self.backend
        except CredentialStoreError:
            return "none"
        return f"{type(b).__module__}.{type(b).__name__}"

    # -- the secret -----------------------------------------------------------------
    def save_refresh_token(self, platform_url: str, username: str, token: str) -> None:
        if self.security() == "none":
            raise _unavailable(None)
        self._call("set_password", service_name(platform_url), username, token)

    def refresh_token(self, platform_url: str, username: str) -> str | None:
        return self._call("get_password", service_name(platform_url), username)

    def delete(self, platform_url: str, username: str) -> bool:
        """Forget the login; False when there was none."""
        import keyring.errors
        try:
            self.backend.delete_password(service_name(platform_url), username)
            return True
        except keyring.errors.PasswordDeleteError:
            return False
        except Exception as exc:  # noqa: BLE001 - see _call
            raise _translate(exc) from exc

    def _call(self, method: str, *args: str):
        try:
            return getattr(self.backend, method)(*args)
        except CredentialStoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - every backend failure is environmental
            raise _translate(exc) from exc


def _unavailable(exc: BaseException | None) -> CredentialStoreError:
    if exc is not None:
        log.warning("keyring unavailable: %s: %s", type(exc).__name__, exc)
    return CredentialStoreError(
        "系统凭据库不可用，无法保存或读取登录信息（这不是密码错误）。请确认系统凭据服务已启动，"
        "或安装可用的凭据库后重试。",
        "the system keyring is unavailable, so the login cannot be stored or read "
        "(this is not a wrong password)")


def _translate(exc: BaseException) -> CredentialStoreError:
    import keyring.errors
    if isinstance(exc, keyring.errors.KeyringLocked):
        log.warning("keyring locked: %s", exc)
        return CredentialStoreError(
            "系统凭据库已锁定，请先解锁（例如登录系统钥匙串）后重试（这不是密码错误）。",
            "the system keyring is locked; unlock it and retry (this is not a wrong password)")
    if isinstance(exc, keyring.errors.NoKeyringError):
        return _unavailable(exc)
    log.warning("keyring refused access: %s: %s", type(exc).__name__, exc)
    return CredentialStoreError(
        f"系统凭据库拒绝访问（{type(exc).__name__}），无法读取或保存登录信息（这不是密码错误）。",
        f"the system keyring refused access ({type(exc).__name__}); "
        f"this is not a wrong password")
