"""What every window of the desktop shares: the open profile, the task runner, app events.

:class:`AppEvents` is the app-wide notice board: a window that changes declarations says
so, and every list, count and timeline showing them refreshes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .tasks import TaskRunner

if TYPE_CHECKING:  # the store (SQLAlchemy) is not needed to build a window
    from PySide6.QtCore import QSettings

    from client.services import Desk
    from client.sync.engine import SyncEngine

    from .demo import DemoController
    from .i18n import Language
    from .sandbox_child import SandboxChild


class AppEvents(QObject):
    """App-wide signals.

    Signals:
        declarations_changed(list): ids of declarations saved, finalised, synced or deleted
            (an empty list means "anything may have changed": reload).
        enterprise_changed(): login, logout, credit grade or client switch.
        sync_state_changed(object): a plain dataclass describing the sync state
            (online, outbox size, last success, last error) — see ``ui.sync_bridge``.
        open_declaration(str): ask the shell to open a declaration in an editor.
        templates_changed(): a template was saved (另存为模板): 从模板新建 re-reads them.
    """

    declarations_changed = Signal(list)
    enterprise_changed = Signal()
    sync_state_changed = Signal(object)
    open_declaration = Signal(str)
    templates_changed = Signal()


@dataclass
class AppContext:
    """The shared state handed to every window and dialog."""

    desk: Desk
    runner: TaskRunner
    events: AppEvents
    lang: str = "zh"
    #: the sync engine once logged in (None offline / before login)
    sync: SyncEngine | None = None
    #: the profile's ``ui.ini`` (None in tests that do not need it)
    settings: QSettings | None = None
    #: switches the interface language at run time
    language: Language | None = None
    #: the demo driver when started with ``--demo``
    demo: DemoController | None = None
    #: the 试用沙箱 sandbox child process this app started (stopped when it quits)
    trial: SandboxChild | None = None

    def t(self, zh: str, en: str) -> str:
        """Pick the message for the current language (for strings built at run time)."""
        return en if self.lang == "en" else zh
