"""Code pickers, the certificates checklist, attachments by drag and drop."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from client.rules import sample_declaration
from ui.editor import EditorWindow
from ui.editor.code_picker import CodePicker
from ui.editor.section_attachments import AttachmentsSection
from ui.editor.section_certificates import CertificatesModel, CertificatesSection

EDIT = Qt.ItemDataRole.EditRole


def test_picker_searches_code_and_names_and_accepts_the_code(qtbot, codebook):
    p = CodePicker(codebook.table("bureaus"))
    qtbot.addWidget(p)
    p.show()
    accepted = []
    p.code_accepted.connect(accepted.append)
    qtbot.keyClicks(p, "3100")
    assert p.popup_visible()
    assert p.model.data(p.model.index(0, 0)) == "310000 上海出入境检验检疫局"
    qtbot.keyClick(p, Qt.Key.Key_Return)
    assert p.text() == "310000" and accepted == ["310000"] and p.is_valid()
    assert p.entry().name_cn == "上海出入境检验检疫局"

    p.clear()
    qtbot.keyClicks(p, "shang")                      # the English name
    assert any(e.code == "310000" for e in p.model.entries)
    p.clear()
    qtbot.keyClicks(p, "999999")
    assert not p.popup_visible() and not p.is_valid()


def test_picker_says_unknown_code_only_when_nothing_matches(qtbot, codebook):
    """A code half typed, with its matches open below, is not yet wrong: the red
    代码无效 after the text waits until no code starts that way."""
    p = CodePicker(codebook.table("bureaus"))
    qtbot.addWidget(p)
    p.show()
    qtbot.keyClicks(p, "31")
    assert p.popup_visible() and not p.is_valid()
    assert p.hint() is None
    qtbot.keyClick(p, Qt.Key.Key_Escape)             # the list closed: "31" is no code
    assert not p.popup_visible() and p.hint()[0] == "代码无效"
    p.clear()
    qtbot.keyClicks(p, "999999")
    assert not p.popup_visible()
    assert p.hint()[0] == "代码无效"
    p.clear()
    qtbot.keyClicks(p, "310000")
    qtbot.keyClick(p, Qt.Key.Key_Return)
    assert p.hint()[0] == "上海出入境检验检疫局"


def test_picker_keys_move_through_suggestions_and_escape_closes(qtbot, codebook):
    p = CodePicker(codebook.table("currencies"))
    qtbot.addWidget(p)
    p.show()
    qtbot.keyClicks(p, "U")
    second = p.model.entries[1].code
    qtbot.keyClick(p, Qt.Key.Key_Down)
    qtbot.keyClick(p, Qt.Key.Key_Return)
    assert p.code() == second
    qtbot.keyClick(p, Qt.Key.Key_Down)               # Down opens the list without typing
    assert p.popup_visible()
    qtbot.keyClick(p, Qt.Key.Key_Escape)
    assert not p.popup_visible() and p.code() == second


def test_hs_picker_offers_subheadings_and_wants_ten_digits(qtbot, codebook):
    p = CodePicker(codebook.table("hs2022"), prefix=6, full_length=10)
    qtbot.addWidget(p)
    p.show()
    qtbot.keyClicks(p, "847130")
    assert p.model.entries[0].code == "847130"
    qtbot.keyClick(p, Qt.Key.Key_Return)
    assert p.text() == "847130" and not p.is_valid()   # 6 of 10 digits
    qtbot.keyClicks(p, "0000")
    assert p.is_valid() and not p.popup_visible()


def test_certificates_checklist(codebook):
    certs = []
    m = CertificatesModel(codebook, "inbound")
    m.set_certificates(certs)
    assert all(e.row["direction"] in ("inbound", "both") for e in m.rows)
    edited = []
    m.edited.connect(lambda: edited.append(1))
    row = m.row_of("11")
    assert not m.flags(m.index(row, 1)) & Qt.ItemFlag.ItemIsEditable  # not ticked yet
    assert m.setData(m.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert [(c.type, c.originals, c.copies) for c in certs] == [("11", 1, 0)]
    assert m.setData(m.index(row, 2), 3, EDIT)
    assert not m.setData(m.index(row, 1), 12, EDIT)    # 0–9 only
    assert certs[0].copies == 3 and certs[0].originals == 1
    assert m.setData(m.index(row, 0), Qt.CheckState.Unchecked.value,
                     Qt.ItemDataRole.CheckStateRole)
    assert certs == [] and len(edited) == 3


def _open(qtbot, ctx, decl):
    ctx.desk.save_draft(decl)
    ed = EditorWindow(ctx, decl.id)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def test_ticking_a_certificate_is_saved(qtbot, ctx, desk):
    d = sample_declaration("inbound", goods=1, seed=5)
    ed = _open(qtbot, ctx, d)
    sec = ed.section(CertificatesSection)
    m = sec.model
    row = m.row_of("12")
    m.setData(m.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    ed.save_now()
    assert "12" in [c.type for c in desk.get(d.id).certificates]


def _pdf(tmp_path, name="invoice.pdf", size=2048):
    p = tmp_path / name
    p.write_bytes(b"%PDF-1.4\n" + b"0" * size + b"\n%%EOF\n")
    return p


def _drop(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted()


def test_dropping_pdfs_stores_them_and_adds_attachments(qtbot, ctx, desk, tmp_path):
    d = sample_declaration("inbound", goods=1, seed=5)
    ed = _open(qtbot, ctx, d)
    sec = ed.section(AttachmentsSection)
    ed._show_section(ed.sections.index(sec))
    sec.type_picker.set_code("101002")               # 发票
    pdf = _pdf(tmp_path)
    assert _drop(sec.view.viewport(), [pdf, tmp_path / "notes.txt"])
    assert "不是 PDF" in ed.message_label.text()
    added = ed.decl.attachments[-1]
    assert (added.type, added.file_name, added.size) == ("101002", "invoice.pdf",
                                                         pdf.stat().st_size)
    assert desk.attachment_path(added.sha256).exists()
    assert sec.model.data(sec.model.index(sec.model.rowCount() - 1, 0)) == "101002 发票"
    _drop(sec.view.viewport(), [pdf])               # the same file again
    assert len(ed.decl.attachments) == 2 and "已在随附单据中" in ed.message_label.text()
    ed.save_now()
    assert [a.file_name for a in desk.get(d.id).attachments][-1] == "invoice.pdf"


def test_too_big_pdf_is_refused(qtbot, ctx, tmp_path):
    d = sample_declaration("inbound", goods=1, seed=5)
    ed = _open(qtbot, ctx, d)
    sec = ed.section(AttachmentsSection)
    sec.add_files([str(_pdf(tmp_path, "big.pdf", 5 * 1024 * 1024))])
    assert len(ed.decl.attachments) == 1 and "4 MB" in ed.message_label.text()
