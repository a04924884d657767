"""Dropping a foreign SPS e-certificate (``.xml``) on the main window: an inbound draft.

The same core call as ``python -m client ecert import`` (:func:`client.ecert.inbound.
import_certificate`), run on the task runner, one file at a time. On success the draft is
announced on ``ctx.events.declarations_changed`` and opened in the editor, and the import's
warnings (import country not China, HS code to choose, the foreign signature unverified...)
are shown in a non-modal box; a refused file (malformed, hostile, cancelled, another root)
is shown as an error by the window, and nothing is stored. Emits no signals of its own.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

XML_SUFFIXES = (".xml",)


def ecert_files(paths: list[str]) -> list[str]:
    """The dropped files that are e-certificates to import (by their ``.xml`` suffix)."""
    return [p for p in paths if p.lower().endswith(XML_SUFFIXES)]


def import_dropped(window, files: list[str]) -> None:
    """Import each e-certificate file in ``files`` into an inbound draft (see module)."""
    from client.ecert.inbound import import_certificate
    for f in files:
        window.ctx.runner.run(import_certificate, window.ctx.desk, Path(f),
                              on_done=lambda res, f=f: _imported(window, f, res),
                              on_error=window.show_error)


def _imported(window, path: str, res) -> None:
    window.ctx.events.declarations_changed.emit(list(res.imported))
    name = Path(path).name
    done = QCoreApplication.translate("EcertDrop", "已据电子证书 {f} 生成入境报检草稿")
    window.info(done.format(f=name), 10000)
    for decl_id in res.imported:
        window.open_editor(decl_id)
    if res.warnings:
        title = QCoreApplication.translate("EcertDrop", "导入电子证书")
        head = QCoreApplication.translate("EcertDrop", "已据 {f} 生成入境报检草稿，请核对：")
        box = QMessageBox(QMessageBox.Icon.Information, title, head.format(f=name)
                          + "\n\n" + "\n".join("• " + w for w in res.warnings),
                          QMessageBox.StandardButton.Ok, window)
        box.setModal(False)
        box.open()
        window._ecert_box = box
