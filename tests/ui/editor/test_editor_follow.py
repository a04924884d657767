"""The editor follows its declaration as stored: a draft deleted from the list (or by a
colleague) while its editor is open, then restored from the bin."""
from __future__ import annotations

from PySide6.QtCore import Qt

from client.services.draft_bin import delete_drafts, restore_drafts


def test_a_draft_deleted_while_open_is_shown_deleted_and_not_saved_again(
        goods_editor, ctx, desk):
    """Deleted from the list (or by a colleague) while its editor is open: the editor says
    so and stops saving (an autosave would have stored it again); restored from the bin,
    it is editable again."""
    ed, goods, d = goods_editor()
    assert ed.mode == "edit" and ed.status_chip.text() == "草稿"
    delete_drafts(desk, [d.id])
    ctx.events.declarations_changed.emit([d.id])
    assert ed.mode == "readonly"
    assert ed.message_bar.isVisible() and "已被删除" in ed.message_label.text()
    assert ed.status_chip.text() == "已删除" and "已被删除" in ed.hint_label.text()
    assert not goods.model.flags(goods.model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    ed.close()
    assert desk.count() == 0                              # closing stored nothing again

    ed, goods, d2 = goods_editor()
    delete_drafts(desk, [d2.id])
    ctx.events.declarations_changed.emit([d2.id])
    restore_drafts(desk, [d2.id])
    ctx.events.declarations_changed.emit([d2.id])
    assert ed.mode == "edit" and ed.status_chip.text() == "草稿"
