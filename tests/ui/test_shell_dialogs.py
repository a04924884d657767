"""Import and batch dialogs on a real store: preview, problems, cancel, resume."""
from __future__ import annotations

import json

import pytest

from client.model import to_dict
from client.rules.sample import sample_declaration
from client.services import Desk
from test_shell_support import fill, make_ctx


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


def _json_file(tmp_path, name="decls.json"):
    good = [to_dict(sample_declaration("inbound", seed=1)), to_dict(sample_declaration("outbound", seed=2))]
    bad = to_dict(sample_declaration("inbound", seed=3))
    bad["goods"][0]["value"] = "十二元"
    path = tmp_path / name
    path.write_text(json.dumps(good + [bad], ensure_ascii=False), encoding="utf-8")
    return path


def test_import_previews_then_stores(qtbot, desk, tmp_path):
    from ui.dialogs.import_dialog import ImportDialog
    ctx = make_ctx(desk)
    changed = []
    ctx.events.declarations_changed.connect(changed.append)
    dlg = ImportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.load_files([str(_json_file(tmp_path))])
    assert len(dlg.preview.rows) == 2
    assert len(dlg.problems.rows) == 1
    p = dlg.problems.rows[0]
    assert p.row == 3 and "goods[0].value" in (p.field or "")
    assert desk.count() == 0  # a preview stores nothing
    assert dlg.tabs.tabText(0) == "将导入 (2)" and dlg.tabs.tabText(1) == "问题 (1)"
    assert dlg.import_btn.isEnabled()
    dlg.import_btn.click()
    assert desk.count() == 2
    assert "已导入 2 份" in dlg.status.text()
    assert changed == [[]]
    assert dlg.cancel_btn.text() == "关闭"


def test_import_cancelled_before_storing_leaves_the_store_untouched(qtbot, desk, tmp_path):
    from ui.dialogs.import_dialog import ImportDialog
    dlg = ImportDialog(make_ctx(desk))
    qtbot.addWidget(dlg)
    dlg.load_files([str(_json_file(tmp_path, "a.json")), str(_json_file(tmp_path, "b.json"))])
    dlg.progress = None

    def cancel_at_once(*_a):
        dlg.progress.cancel()
    orig = dlg._new_progress

    def new_progress():
        p = orig()
        p.cancel()  # the user pressed 取消 before the first file was stored
        return p
    dlg._new_progress = new_progress
    dlg.do_import()
    assert desk.count() == 0
    assert dlg.status.text().startswith("已取消")


def test_import_from_the_excel_template(qtbot, desk, tmp_path):
    from client.interchange.excel_export import export_workbook
    from ui.dialogs.import_dialog import ImportDialog
    other = Desk.open(tmp_path / "other-profile")
    try:
        ids = fill(other, 3, direction="inbound")
        path = tmp_path / "batch.xlsx"
        export_workbook(other, ids, path)
    finally:
        other.close()
    dlg = ImportDialog(make_ctx(desk))
    qtbot.addWidget(dlg)
    dlg.load_files([str(path)])
    assert len(dlg.preview.rows) == 3, [p.message for p in dlg.problems.rows]
    assert {r.contract_no for r in dlg.preview.rows} == {"CT00000", "CT00001", "CT00002"}
    dlg.do_import()
    assert desk.count() == 3


def test_batch_finalise_offline_without_numbers_keeps_drafts(qtbot, desk):
    from ui.dialogs.batch_dialog import BatchDialog
    ids = fill(desk, 3)
    dlg = BatchDialog.finalise(make_ctx(desk), ids)
    qtbot.addWidget(dlg)
    dlg.start()
    assert dlg.info.state == "done" and dlg.info.failed == 3
    assert "失败 3 份" in dlg.message.text()
    assert dlg.failures.isVisible() or dlg.failures.toPlainText()
    assert desk.counts_by_status()["draft"] == 3  # nothing half-finalised


def test_batch_cancel_then_resume(qtbot, desk):
    from ui.dialogs import batch_dialog
    from ui.dialogs.batch_dialog import BatchDialog
    ids = fill(desk, 4)
    ctx = make_ctx(desk)
    dlg = BatchDialog.finalise(ctx, ids)
    qtbot.addWidget(dlg)
    real_new = dlg._new_progress

    def cancelled_progress():
        p = real_new()
        p.cancel()
        return p
    dlg._new_progress = cancelled_progress
    dlg.start()
    assert dlg.info.state == "paused" and dlg.info.pending == 4
    assert dlg.resume_btn.isVisibleTo(dlg)
    dlg._new_progress = real_new
    dlg.resume_btn.click()
    assert dlg.info.state == "done" and dlg.info.pending == 0
    assert batch_dialog  # module imported lazily by the window; nothing else to check


def test_unfinished_batch_is_offered_at_start_and_resumes(qtbot, desk):
    from client.services.batch import BatchRunner, finalise_step, list_batches
    from ui.main_window import MainWindow
    ids = fill(desk, 3)
    runner = BatchRunner(desk, "finalise", finalise_step(desk))
    bid = runner.create(ids)  # created, then the app was closed before it ran
    ctx = make_ctx(desk)
    win = MainWindow(ctx, use_tray=False)
    qtbot.addWidget(win)
    win.offer_unfinished_batches()
    dlg = win._batch_dialog
    assert dlg.batch_id == bid and dlg.resume_btn.isVisibleTo(dlg)
    assert "还剩 3 份" in dlg.message.text()
    dlg.resume_btn.click()
    assert [b.state for b in list_batches(desk) if b.id == bid] == ["done"]


def _bad_files(tmp_path):
    """A too-deep JSON, a JSON with NaN, and a CSV with one unreadable cell."""
    from client.interchange.columns import columns_for
    from client.interchange.writer import declaration_rows, write_csv
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200 + "]" * 200, encoding="utf-8")
    nan = tmp_path / "nan.json"
    nan.write_text('[{"direction": "inbound", "goods": [{"value": NaN}]}]', encoding="utf-8")
    cols = columns_for(None)
    ci = [c.path for c in cols].index("goods.gross_weight_kg")
    rows = []
    for seed in (21, 22):
        rows += declaration_rows(sample_declaration("inbound", 1, seed=seed), cols)
    rows[1][ci] = "25200.5kg"
    table = write_csv(tmp_path / "bad.csv", cols, rows)
    return [str(deep), str(nan), str(table)]


def test_dialog_and_cli_report_the_same_problems_for_the_same_bad_files(qtbot, desk, tmp_path,
                                                                       capsys):
    from client.cli.main import main
    from ui.dialogs.import_dialog import ImportDialog
    files = _bad_files(tmp_path)
    dlg = ImportDialog(make_ctx(desk))
    qtbot.addWidget(dlg)
    dlg.load_files(files)
    shown = [p.to_dict() for p in dlg.problems.rows]
    assert len(dlg.preview.rows) == 1  # the good CSV row imports, the bad one does not
    assert main(["import", *files, "--json"]) == 2  # files refused whole
    printed = json.loads(capsys.readouterr().out)["errors"]
    key = lambda e: (e["file"], e["row"] or 0, e["column"] or "", e["field"] or "")  # noqa: E731
    assert sorted(shown, key=key) == sorted(printed, key=key)
    by_file = {e["file"]: e for e in shown}
    assert "嵌套超过" in by_file[files[0]]["message"]
    assert "NaN" in by_file[files[1]]["message"] and "整个文件未导入" in by_file[files[1]]["message"]
    assert "25200.5kg" in by_file[files[2]]["message"] and by_file[files[2]]["row"] == 4
