"""The dialog shown when the profile's store cannot be opened (damaged, empty, a folder,
read-only, full disk): restore the newest sound copy from ``backups/``, open another data
folder, or quit. :func:`open_desk_or_recover` is what start-up calls instead of
``Desk.open``.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from client.errors import DeskError
from client.store.damage import newest_backup, restore_backup

log = logging.getLogger(__name__)


class StoreErrorDialog(QDialog):
    """Explains why the store cannot be opened and offers the ways out.

    After ``exec()``, :attr:`choice` is ``"restore"``, ``"other"`` (with :attr:`folder`)
    or None (quit).
    """

    def __init__(self, error: DeskError, backup: Path | None, lang: str = "zh",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.choice: str | None = None
        self.folder: Path | None = None
        self.setWindowTitle(self.tr("无法打开数据库"))
        self.message = QLabel(error.message(lang))
        self.message.setWordWrap(True)
        self.backup_note = QLabel(
            self.tr("最近的备份：{name}").format(name=backup.name) if backup is not None
            else self.tr("backups/ 中没有可用的备份。"))
        self.backup_note.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.restore_btn = QPushButton(self.tr("从备份恢复"))
        self.restore_btn.setEnabled(backup is not None)
        self.other_btn = QPushButton(self.tr("打开其他数据目录…"))
        self.quit_btn = QPushButton(self.tr("退出"))
        for b, role in ((self.restore_btn, QDialogButtonBox.ButtonRole.AcceptRole),
                        (self.other_btn, QDialogButtonBox.ButtonRole.ActionRole),
                        (self.quit_btn, QDialogButtonBox.ButtonRole.RejectRole)):
            buttons.addButton(b, role)
        self.restore_btn.clicked.connect(lambda: self._choose("restore"))
        self.other_btn.clicked.connect(self._pick_folder)
        self.quit_btn.clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addWidget(self.backup_note)
        lay.addWidget(buttons)
        self.resize(560, 200)

    def _choose(self, what: str) -> None:
        self.choice = what
        self.accept()

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择数据目录"))
        if folder:
            self.folder = Path(folder)
            self._choose("other")


def open_desk_or_recover(data_dir: Path, lang: str = "zh", ask=None):
    """``Desk.open(data_dir)``; on a store error ask (``ask(error, backup) -> (choice,
    folder)``, the dialog by default) until it opens or the user quits (returns None)."""
    from client import paths
    from client.services import Desk

    while True:
        try:
            return Desk.open(data_dir)
        except (DeskError, OSError) as exc:
            error = exc if isinstance(exc, DeskError) else DeskError(str(exc))
            log.error("cannot open the store in %s: %s", data_dir, error.message_en)
            backups = paths.resolve(data_dir).backups
            backup = newest_backup(backups)
            if ask is None:
                dlg = StoreErrorDialog(error, backup, lang)
                dlg.exec()
                choice, folder = dlg.choice, dlg.folder
            else:
                choice, folder = ask(error, backup)
            if choice == "restore" and backup is not None:
                restore_backup(paths.resolve(data_dir).db, backup)
            elif choice == "other" and folder is not None:
                data_dir = folder
            else:
                return None
