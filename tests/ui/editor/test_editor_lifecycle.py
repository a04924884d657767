"""定稿 from the editor, read-only opening of finalised/submitted declarations, 修改申请,
撤销申请 and 复制 — against the real store and the real sync engine (offline)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from client import numbers
from client.rules import sample_declaration
from client.store import declarations as decl_q
from client.store import schema as s
from ui.editor import EditorWindow
from ui.editor.section_basic import BasicSection
from ui.editor.section_goods import GoodsSection

CTRL = Qt.KeyboardModifier.ControlModifier


def _lease(desk, first=7, last=9):
    year = numbers.current_year()
    with desk.db.write() as conn:
        numbers.store_lease(conn, {"lease_id": "L-ui", "bureau": "310000",
                                   "direction": "inbound", "year": str(year)[-2:],
                                   "first": first, "last": last,
                                   "expires_at": "2999-01-01T00:00:00.000Z"})
    return numbers.make_number("310000", "inbound", year % 100, first)


def _open(qtbot, ctx, decl_id):
    ed = EditorWindow(ctx, decl_id)
    ed.show()
    qtbot.waitExposed(ed)
    ed.activateWindow()
    qtbot.waitUntil(ed.isActiveWindow)
    return ed


def _submitted(desk, status="accepted"):
    """A declaration the platform has accepted (version 1), as a pull would leave it."""
    d = sample_declaration("inbound", goods=2, seed=11)
    d.inspection_no = "310000126000321"
    desk.save_draft(d)
    with desk.db.write() as conn:
        decl_q.set_status(conn, d.id, "ready", note="已定稿")
        decl_q.set_status(conn, d.id, "sent")
        decl_q.set_status(conn, d.id, status, source="platform", version=1, receipt=True)
    return d


def test_ctrl_enter_finalises_a_valid_draft_and_goes_read_only(qtbot, ctx, desk):
    expected_no = _lease(desk)
    d = sample_declaration("inbound", goods=2, seed=3)
    desk.save_draft(d)
    ed = _open(qtbot, ctx, d.id)
    seen = []
    ctx.events.declarations_changed.connect(seen.append)
    contract = ed.section(BasicSection).bindings["contract_no"].widget
    contract.setFocus()
    contract.selectAll()
    qtbot.keyClicks(contract, "CT-FINAL")            # an edit not yet autosaved
    qtbot.keyClick(contract, Qt.Key.Key_Return, CTRL)
    assert ed.mode == "readonly"
    assert ed.decl.inspection_no == expected_no
    assert expected_no in ed.number_label.text()
    assert "已定稿" in ed.status_chip.text()
    assert [d.id] in seen
    stored = desk.get(d.id)
    assert desk.summary(d.id).status == "ready"
    assert stored.contract_no == "CT-FINAL" and stored.inspection_no == expected_no
    assert contract.isReadOnly()


def test_finalise_is_refused_while_errors_exist(qtbot, ctx, desk):
    _lease(desk)
    d = sample_declaration("inbound", goods=1, seed=3)
    d.goods[0].net_weight_kg = d.goods[0].gross_weight_kg * 3
    desk.save_draft(d)
    ed = _open(qtbot, ctx, d.id)
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert ed.mode == "edit"
    assert ed.message_bar.isVisible() and "不能定稿" in ed.message_label.text()
    assert ed.issues_panel.view.hasFocus()
    assert desk.summary(d.id).status == "draft" and desk.get(d.id).inspection_no is None


def test_finalise_without_a_number_says_so_and_stays_a_draft(qtbot, ctx, desk):
    d = sample_declaration("inbound", goods=1, seed=8)
    desk.save_draft(d)
    ed = _open(qtbot, ctx, d.id)
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert ed.mode == "edit"
    assert "报检号" in ed.message_label.text()
    assert desk.summary(d.id).status == "draft"


def test_a_finalised_declaration_opens_read_only(qtbot, ctx, desk):
    d = _submitted(desk, status="released")
    ed = _open(qtbot, ctx, d.id)
    assert ed.mode == "readonly"
    assert "已放行" in ed.status_chip.text() and "只读" in ed.status_chip.text()
    assert "310000126000321" in ed.number_label.text()
    for section in ed.sections:
        for w in section.input_widgets():
            if isinstance(w, QLineEdit):
                assert w.isReadOnly() or not w.isEnabled(), w.objectName()
    goods = ed.section(GoodsSection)
    assert not goods.model.flags(goods.model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert not goods.add_btn.isEnabled()
    assert not ed.act_save.isVisible() and not ed.act_finalise.isVisible()
    assert ed.act_duplicate.isEnabled()
    # released: neither amendable nor withdrawable any more
    assert not ed.act_amend.isEnabled() and not ed.act_withdraw.isEnabled()
    # typing does nothing and nothing is saved
    contract = ed.section(BasicSection).bindings["contract_no"].widget
    qtbot.keyClicks(contract, "X")
    assert ed.decl.contract_no == d.contract_no and not ed.dirty


def test_amend_opens_an_editable_copy_and_queues_the_amendment(qtbot, ctx, desk):
    d = _submitted(desk)
    ed = _open(qtbot, ctx, d.id)
    assert ed.act_amend.isEnabled()
    ed.act_amend.trigger()
    assert ed.mode == "amend"
    contract = ed.section(BasicSection).bindings["contract_no"].widget
    assert not contract.isReadOnly()
    contract.setFocus()
    contract.selectAll()
    qtbot.keyClicks(contract, "CT-AMENDED")
    assert ed.decl.contract_no == "CT-AMENDED"
    assert desk.get(d.id).contract_no == d.contract_no    # never edited in place
    ed.act_submit_amend.trigger()
    assert ed.mode == "readonly"
    with desk.db.read() as conn:
        rows = conn.execute(s.outbox.select()).mappings().all()
    amend = [r for r in rows if r["kind"] == "amend"]
    assert len(amend) == 1 and amend[0]["base_version"] == 1
    assert "CT-AMENDED" in amend[0]["payload"]
    assert any("修改申请" in (h.note or "") for h in desk.history(d.id))


def _amending(qtbot, ctx, desk):
    """A submitted declaration open in the editor, its amendment begun: the contract
    number typed over with "TMP". Returns the declaration, the editor and that field."""
    d = _submitted(desk)
    ed = _open(qtbot, ctx, d.id)
    ed.act_amend.trigger()
    contract = ed.section(BasicSection).bindings["contract_no"].widget
    contract.selectAll()
    qtbot.keyClicks(contract, "TMP")
    return d, ed, contract


def test_cancelled_amendment_restores_the_submitted_content(qtbot, ctx, desk):
    d, ed, contract = _amending(qtbot, ctx, desk)
    ed.act_cancel_amend.trigger()
    assert ed.mode == "readonly" and contract.text() == d.contract_no


def test_unsubmitted_amendment_survives_closing_the_window(qtbot, ctx, desk):
    d = _submitted(desk)
    ed = _open(qtbot, ctx, d.id)
    ed.act_amend.trigger()
    contract = ed.section(BasicSection).bindings["contract_no"].widget
    contract.setFocus()
    contract.selectAll()
    qtbot.keyClicks(contract, "CT-KEPT")
    ed.close()  # closed before the pause that stores it: closing stores it
    assert desk.load_amendment_draft(d.id).contract_no == "CT-KEPT"
    assert desk.get(d.id).contract_no == d.contract_no  # the submitted one is untouched

    again = _open(qtbot, ctx, d.id)
    assert again.mode == "readonly"
    again.act_amend.trigger()
    assert again.mode == "amend"
    field = again.section(BasicSection).bindings["contract_no"].widget
    assert field.text() == "CT-KEPT"
    assert "已恢复" in again.message_label.text()
    again.act_submit_amend.trigger()
    assert again.mode == "readonly"
    assert desk.load_amendment_draft(d.id) is None  # queued: the kept draft is gone


def test_cancelling_an_amendment_drops_the_kept_draft(qtbot, ctx, desk):
    d, ed, contract = _amending(qtbot, ctx, desk)
    ed.run_validation()  # the autosave pause
    assert desk.load_amendment_draft(d.id).contract_no.endswith("TMP")
    ed.act_cancel_amend.trigger()
    assert desk.load_amendment_draft(d.id) is None


def test_withdraw_asks_for_a_reason(qtbot, ctx, desk):
    d = _submitted(desk, status="under_review")
    ed = _open(qtbot, ctx, d.id)
    assert ed.act_withdraw.isEnabled()
    ed.lifecycle.withdraw("   ")
    assert "撤销原因" in ed.message_label.text()
    ed.lifecycle.withdraw("合同取消")
    assert "撤销申请已排队" in ed.message_label.text()
    assert any("合同取消" in (h.note or "") for h in desk.history(d.id))


def test_duplicate_makes_a_new_draft_and_asks_the_shell_to_open_it(qtbot, ctx, desk):
    d = _submitted(desk, status="released")
    ed = _open(qtbot, ctx, d.id)
    opened = []
    ctx.events.open_declaration.connect(opened.append)
    ed.act_duplicate.trigger()
    assert len(opened) == 1 and opened[0] != d.id
    copy = desk.get(opened[0])
    assert copy.inspection_no is None and copy.contract_no == d.contract_no
    assert desk.summary(copy.id).status == "draft"


def test_ctrl_enter_judges_the_cell_still_being_typed(qtbot, ctx, desk):
    _lease(desk)
    d = sample_declaration("inbound", goods=1, seed=3)
    desk.save_draft(d)
    ed = _open(qtbot, ctx, d.id)
    goods = ed.section(GoodsSection)
    ed._show_section(ed.sections.index(goods))
    goods.view.select_cell(0, "net_weight_kg")
    qtbot.keyClick(goods.view, "9")
    cell = ed.focusWidget()
    qtbot.keyClicks(cell, "999999")                  # far above the gross weight
    qtbot.keyClick(cell, Qt.Key.Key_Return, CTRL)
    assert ed.decl.goods[0].net_weight_kg == 9999999
    assert ed.mode == "edit" and "不能定稿" in ed.message_label.text()
    assert goods.model.issue_at(0, "net_weight_kg") == "error"
    assert desk.summary(d.id).status == "draft"


def test_an_open_editor_follows_a_status_change_made_elsewhere(qtbot, ctx, desk):
    d = _submitted(desk, status="accepted")
    ed = _open(qtbot, ctx, d.id)
    assert "已受理" in ed.status_chip.text() and ed.act_amend.isEnabled()
    with desk.db.write() as conn:                    # a receipt pulled by the sync
        decl_q.set_status(conn, d.id, "released", source="platform", version=2, receipt=True)
    ctx.events.declarations_changed.emit([d.id])
    assert "已放行" in ed.status_chip.text() and not ed.act_amend.isEnabled()


def test_a_draft_finalised_from_the_list_turns_read_only(qtbot, ctx, desk):
    from client.sync.engine import SyncEngine
    _lease(desk)
    d = sample_declaration("inbound", goods=1, seed=3)
    desk.save_draft(d)
    ed = _open(qtbot, ctx, d.id)
    assert ed.mode == "edit"
    SyncEngine(desk).filing().finalise([d.id])
    ctx.events.declarations_changed.emit([d.id])
    assert ed.mode == "readonly" and ed.decl.inspection_no


def test_save_as_pdf_writes_the_declaration_on_screen(qtbot, ctx, desk, tmp_path):
    d = sample_declaration("inbound", goods=2, seed=5)
    desk.save_draft(d)
    ed = _open(qtbot, ctx, d.id)
    assert ed.act_print.isVisible()
    out = tmp_path / "报检单.pdf"
    ed.lifecycle.save_pdf(str(out))
    assert out.read_bytes().startswith(b"%PDF")
    assert "已保存 PDF" in ed.message_label.text()


def test_a_rejected_declaration_shows_the_reason_in_its_banner(qtbot, ctx, desk):
    d = sample_declaration("inbound", goods=1, seed=12)
    d.inspection_no = "310000126000999"
    desk.save_draft(d)
    with desk.db.write() as conn:
        decl_q.set_status(conn, d.id, "ready")
        decl_q.set_status(conn, d.id, "rejected", source="platform", version=1, receipt=True,
                          note="退回：随附单据缺少装箱单")
    ed = _open(qtbot, ctx, d.id)
    assert "退回" in ed.status_chip.text()
    assert ed.note_label.isVisible() and "缺少装箱单" in ed.note_label.text()
    assert ed.act_amend.isEnabled()                  # a rejected one is put right by amending
    ed.act_amend.trigger()
    assert not ed.note_label.isVisible()
    assert "提交修改" in ed.issues_panel.header.text() or ed.issues
