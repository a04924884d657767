"""A damaged store at start-up: the dialog offers the newest backup or another folder
(issue 12, item 6)."""
from __future__ import annotations

import os
from pathlib import Path

from client.rules.sample import sample_declaration
from client.services import Desk
from client.store.damage import DamagedStore, check_file
from client.store.db import backup


def _profile_with_backup(data_dir: Path) -> tuple[Path, list[str]]:
    desk = Desk.open(data_dir)
    try:
        ids = []
        for i in range(3):
            d = sample_declaration(seed=650 + i)
            desk.save_draft(d)
            ids.append(d.id)
    finally:
        desk.close()
    db = data_dir / "ciqdesk.sqlite3"
    backup(db, data_dir / "backups", "manual")
    with open(db, "r+b") as fh:  # the header is gone: the store is unusable
        fh.write(os.urandom(100))
    return db, ids


def test_restore_from_backup_opens_the_desk_with_the_saved_drafts(qapp, data_dir):
    from ui.dialogs.store_error import open_desk_or_recover

    db, ids = _profile_with_backup(data_dir)
    asked = []

    def ask(error, newest):
        asked.append((error, newest))
        return "restore", None
    desk = open_desk_or_recover(data_dir, ask=ask)
    try:
        assert desk is not None
        assert sorted(r.id for r in desk.list()) == sorted(ids)
    finally:
        desk.close()
    error, newest = asked[0]
    assert isinstance(error, DamagedStore) and str(db) in error.message_zh
    assert newest is not None and newest.parent == data_dir / "backups"
    assert list(data_dir.glob("ciqdesk.sqlite3.damaged-*"))  # the damaged file kept aside
    check_file(db)


def test_quitting_the_dialog_opens_nothing(qapp, data_dir):
    from ui.dialogs.store_error import open_desk_or_recover

    (data_dir / "ciqdesk.sqlite3").write_bytes(b"")
    assert open_desk_or_recover(data_dir, ask=lambda e, b: (None, None)) is None
    assert (data_dir / "ciqdesk.sqlite3").stat().st_size == 0  # not re-created, not removed


def test_another_folder_opens_there(qapp, data_dir, tmp_path):
    from ui.dialogs.store_error import open_desk_or_recover

    (data_dir / "ciqdesk.sqlite3").mkdir()
    other = tmp_path / "elsewhere"
    desk = open_desk_or_recover(data_dir, ask=lambda e, b: ("other", other))
    try:
        assert desk is not None and desk.paths.data_dir == other.resolve()
    finally:
        desk.close()


def test_dialog_shows_the_message_and_offers_restore_only_with_a_backup(qtbot, data_dir,
                                                                         tmp_path):
    from ui.dialogs.store_error import StoreErrorDialog

    db, _ = _profile_with_backup(data_dir)
    try:
        check_file(db)
    except DamagedStore as exc:
        error = exc
    newest = sorted((data_dir / "backups").glob("*.sqlite3"))[-1]
    dlg = StoreErrorDialog(error, newest)
    qtbot.addWidget(dlg)
    assert str(db) in dlg.message.text() and dlg.restore_btn.isEnabled()
    assert newest.name in dlg.backup_note.text()
    dlg.show()
    dlg.grab().save(str(tmp_path / "store_error.png"))
    dlg.restore_btn.click()
    assert dlg.choice == "restore"
    none = StoreErrorDialog(error, None)
    qtbot.addWidget(none)
    assert not none.restore_btn.isEnabled()
