"""Which platform addresses the desk accepts: ``https`` anywhere, ``http`` only on loopback.

:func:`check_platform_url` is the one check, used by the sync engine's login and the
first-run dialog. Over plain ``http`` the password, the tokens and every declaration
travel readable and changeable by anyone on the way, so it is allowed only for a platform
on this very machine (``127.0.0.0/8``, ``::1``, ``localhost``: the sandbox).
"""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from ..errors import InputError


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_platform_url(url: str) -> str:
    """``url`` normalised (no trailing ``/``), or :class:`InputError` saying what is wrong."""
    url = (url or "").strip().rstrip("/")
    if not url:
        raise InputError("请输入平台地址，例如 https://ciq.example.gov.cn 或试用沙箱。",
                         "enter the platform address, e.g. https://ciq.example.gov.cn")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(f"平台地址应以 http:// 或 https:// 开头（本机以外的平台须用 https://）：{url}",
                         f"the platform URL must start with https:// (http:// only for a "
                         f"platform on this computer): {url}")
    try:
        host = parts.hostname
        parts.port
    except ValueError:
        raise InputError(f"平台地址中的端口号无效：{url}",
                         f"the port in the platform URL is not valid: {url}") from None
    if not host:
        raise InputError(f"平台地址缺少主机名：{url}", f"the platform URL has no host name: {url}")
    if parts.username or parts.password:
        raise InputError("平台地址中不能包含用户名或密码。",
                         "the platform URL must not contain a user name or password")
    if scheme == "http" and not is_loopback_host(host):
        raise InputError(
            f"平台地址 {url} 使用未加密的 http://：密码、登录凭据和报检数据在网络上可被他人读取和篡改。"
            "请使用 https://（只有本机上的平台，如试用沙箱 127.0.0.1，才可使用 http://）。",
            f"{url} uses unencrypted http://: the password, the login and the declarations "
            "could be read and changed by anyone on the network. Use https:// (plain http "
            "is allowed only for a platform on this computer, such as the sandbox on "
            "127.0.0.1)")
    return url
