"""Issue 13: the editor's transport and trade pickers offer the lists in force — the
customs lists until the desk takes version 2027.01.0, the eCIQ lists after."""
from __future__ import annotations

from ui.editor import EditorWindow
from ui.editor.section_basic import BasicSection
from ui.editor.section_transport import TransportSection

from tests.desk_fixtures import take_eciq_lists
from tests.ui.editor.test_editor_keyboard import type_text


def _pickers(qtbot, ctx):
    ed = EditorWindow(ctx, None, "inbound")
    ed.show()
    qtbot.waitExposed(ed)
    return (ed.section(TransportSection).bindings["transport_mode"].widget,
            ed.section(BasicSection).bindings["trade_mode"].widget)


def test_pickers_offer_the_customs_lists_before_the_switch(qtbot, ctx):
    transport, trade = _pickers(qtbot, ctx)
    assert "0110" in trade.table and "42" not in trade.table
    type_text(transport, "邮件")
    assert transport.model.entries[0].code == "6"


def test_pickers_offer_the_eciq_lists_once_the_version_is_in_force(qtbot, ctx, desk):
    take_eciq_lists(desk)
    transport, trade = _pickers(qtbot, ctx)
    assert transport.table.version == trade.table.version == "2027.01.0"
    assert set(transport.table.codes()) == {"1", "2", "3", "4", "5", "6", "9", "P", "S"}
    type_text(trade, "电子商务")
    assert trade.model.entries[0].code == "42"
    trade.setText("")
    type_text(trade, "0110")              # a customs code is no eCIQ trade mode
    assert not trade.is_valid()
    type_text(transport, "水路")
    assert transport.model.entries[0].code == "1"
    assert transport.model.data(transport.model.index(0, 0)) == "1 水路运输"


def test_the_import_dialog_lists_the_mapping_warnings_of_an_at1_file(qtbot, desk, tmp_path):
    import json

    from client.model import to_dict
    from client.rules.sample import sample_declaration
    from ui.dialogs.import_dialog import ImportDialog
    from tests.ui.test_shell_support import make_ctx

    take_eciq_lists(desk)
    doc = to_dict(sample_declaration("inbound", 1, seed=3))
    doc.update(schema="ciqdesk/declaration@1", transport_mode="6", trade_mode="0110")
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    dlg = ImportDialog(make_ctx(desk))
    qtbot.addWidget(dlg)
    dlg.load_files([str(path)])
    dlg.import_btn.click()
    assert desk.count() == 1 and desk.get(doc["id"]).transport_mode == "9"
    rows = {p.field: p for p in dlg.problems.rows}
    assert set(rows) == {"transport_mode", "trade_mode"}
    assert rows["transport_mode"].severity == "warning"
    assert "海关代码 6 已换为检验检疫代码 9" in rows["transport_mode"].message
