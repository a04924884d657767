"""Errors a user can act on, as opposed to bugs.

Every :class:`DeskError` carries a Chinese and an English message written for the user;
the UI shows it in a message bar and the CLI prints it. Anything else that escapes is a
bug: it goes to the log with its traceback and the user sees a short "internal error" line.
Subclasses name the environment problem so the UI can pick an icon or an action
(offline → retry later, auth → log in again).
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)


class DeskError(Exception):
    """A problem with the user's input or environment, explained in plain words."""

    exit_code = 2

    def __init__(self, message_zh: str, message_en: str | None = None, *, field: str | None = None):
        super().__init__(message_en or message_zh)
        self.message_zh = message_zh
        self.message_en = message_en or message_zh
        self.field = field

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh


class InputError(DeskError):
    """A file or value that cannot be read."""


class NotFound(DeskError):
    """No declaration (or template, lease...) with that id."""


class NotEditable(DeskError):
    """The declaration is finalised or submitted: change it by amendment, not in place."""


class StaleDraft(DeskError):
    """A draft saved over a newer revision (a colleague saved it meanwhile): refused."""

    def __init__(self, decl_id: str, rev: int, saved_by: str | None, saved_at: str | None):
        who = saved_by or "另一位同事"
        super().__init__(f"这份草稿已被 {who} 修改（{saved_at or ''}，第 {rev} 版），未覆盖其修改。"
                         f"请选择使用对方的版本，或把您的修改另存为副本。",
                         f"{saved_by or 'a colleague'} changed this draft (revision {rev}, "
                         f"{saved_at or ''}): not overwritten. Take their version or save "
                         f"yours as a copy.")
        self.decl_id, self.rev, self.saved_by, self.saved_at = decl_id, rev, saved_by, saved_at


class ValidationFailed(DeskError):
    """The rulebook found errors; ``issues`` lists them."""

    exit_code = 1

    def __init__(self, message_zh: str, message_en: str, issues: list):
        super().__init__(message_zh, message_en)
        self.issues = issues


class OfflineError(DeskError):
    """The platform cannot be reached (network down, DNS, timeout)."""


class AuthError(DeskError):
    """The platform refused the credentials or the session expired for good."""


class PlatformError(DeskError):
    """The platform answered, but with something unusable or a refusal."""


class CredentialStoreError(DeskError):
    """The OS keyring is unavailable or refused access (never 'wrong password')."""


#: the one sentence a user sees for a bug (the traceback is in the log)
INTERNAL_ERROR = ("内部错误，详情已写入日志", "internal error; details in the log")


def describe(exc: BaseException, lang: str = "zh", *, log_traceback: bool = False,
             where: object | None = None) -> str:
    """The user's text for ``exc``: the one place an exception becomes words.

    A :class:`DeskError` gives its own message in ``lang``; an :class:`OSError` (disk
    full, permissions) is the environment and gives "系统错误：…"; anything else is a
    bug and gives :data:`INTERNAL_ERROR` (with ``where``, the log file, appended).
    ``log_traceback`` logs a bug's traceback here, for callers that caught it themselves
    (the task runner has already logged what it hands to ``on_error``).
    """
    en = lang == "en"
    if isinstance(exc, DeskError):
        return exc.message(lang)
    if isinstance(exc, OSError):
        return f"system error: {exc}" if en else f"系统错误：{exc}"
    if log_traceback:
        log.error("internal error", exc_info=(type(exc), exc, exc.__traceback__))
    if where is not None:
        return f"internal error; details in {where}" if en else f"{INTERNAL_ERROR[0]} {where}"
    return INTERNAL_ERROR[1] if en else INTERNAL_ERROR[0]
