"""The import dialog's preview of a workbook (issue 17): each declaration with the errors
validation found, read without storing; 导入 stores what was previewed; closing the dialog
forgets it."""
from __future__ import annotations

import pytest

from client.codes import default_codebook
from client.interchange.columns import columns_for
from client.interchange.writer import write_declarations
from client.rules.sample import sample_declaration
from test_shell_support import make_ctx
from test_shell_support import desk  # noqa: F401 - fixture


def _book(tmp_path):
    good = sample_declaration("inbound", 1, seed=401)
    bad = sample_declaration("outbound", 2, seed=402)
    bad.goods[1].hs_code = "0000000000"  # reads, but fails validation
    path = tmp_path / "两份.xlsx"
    write_declarations(path, ((d, None) for d in (good, bad)), columns_for(None),
                       default_codebook(), 2)
    return path, good, bad


def test_the_preview_lists_each_declaration_with_its_errors_then_imports_them(
        qtbot, desk, tmp_path):
    from ui.dialogs.import_dialog import ImportDialog
    path, good, bad = _book(tmp_path)
    dlg = ImportDialog(make_ctx(desk))
    qtbot.addWidget(dlg)
    dlg.load_files([str(path)])
    model = dlg.preview
    assert model.columnCount() == 9 and model.headers()[3] == "错误"
    shown = {model.data(model.index(r, 4)): model.data(model.index(r, 3))
             for r in range(model.rowCount())}
    assert shown[good.contract_no] == "0" and int(shown[bad.contract_no]) >= 1
    assert desk.count() == 0  # nothing stored before 导入
    assert "可导入 2 份报检单" in dlg.status.text()
    dlg.import_btn.click()
    assert desk.count() == 2
    assert desk.summary(bad.id).error_count == int(shown[bad.contract_no])
    assert "已导入 2 份" in dlg.status.text()


def test_closing_the_dialog_forgets_what_was_read(qtbot, desk, tmp_path):
    from ui.dialogs.import_dialog import ImportDialog
    path, _good, _bad = _book(tmp_path)
    dlg = ImportDialog(make_ctx(desk))
    qtbot.addWidget(dlg)
    dlg.load_files([str(path)])
    [held] = dlg.parsed.files
    assert held.count == 2
    dlg.cancel_btn.click()  # 取消 while idle closes the dialog
    assert dlg.parsed is None
    with pytest.raises(ValueError):  # its temporary file is gone
        list(held)
    assert desk.count() == 0
