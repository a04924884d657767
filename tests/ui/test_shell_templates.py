"""Item 6: 另存为模板 in the editor and ``template save|list|new`` in the CLI; 删除模板."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from client.rules.sample import sample_declaration
from client.services import Desk
from test_shell_support import make_ctx

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    from ui.editor import EditorWindow
    for w in QApplication.topLevelWidgets():
        if isinstance(w, EditorWindow):
            w.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    d.close()


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "client", *args], cwd=str(REPO),
                          capture_output=True, text=True, timeout=120)


def test_save_as_template_in_the_editor_then_new_from_it(qtbot, desk, monkeypatch):
    from ui.main_window import MainWindow
    d = sample_declaration("outbound", goods=2, seed=5)
    desk.save_draft(d)
    win = MainWindow(make_ctx(desk), use_tray=False)
    qtbot.addWidget(win)
    win.show()
    win.refresh_templates()
    win._fill_template_menu()
    assert [a.text() for a in win.template_menu.actions()][0].startswith("（还没有模板")

    ed = win.open_editor(d.id)
    qtbot.waitUntil(lambda: ed.decl is not None)
    assert ed.act_template.isEnabled() and ed.act_template.text() == "另存为模板"
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("空调 出口 上海", True)))
    ed.act_template.trigger()
    assert "已另存为模板“空调 出口 上海”" in ed.message_label.text()

    win._fill_template_menu()  # 从模板新建 lists it at once
    entries = [a for a in win.template_menu.actions()  # the templates, not 删除模板 ▸
               if a.isEnabled() and not a.isSeparator() and a.menu() is None]
    assert [a.text() for a in entries] == ["空调 出口 上海  ·  出境"]
    entries[0].trigger()
    new = [s for s in desk.list() if s.id != d.id]
    assert len(new) == 1
    copy = desk.get(new[0].id)
    assert copy.direction == "outbound" and [g.hs_code for g in copy.goods] == [
        g.hs_code for g in d.goods]
    assert copy.inspection_no is None and copy.ship_date is None


def test_an_empty_template_name_is_refused(qtbot, desk, monkeypatch):
    from ui.main_window import MainWindow
    d = sample_declaration("inbound", seed=6)
    desk.save_draft(d)
    win = MainWindow(make_ctx(desk), use_tray=False)
    qtbot.addWidget(win)
    ed = win.open_editor(d.id)
    qtbot.waitUntil(lambda: ed.decl is not None)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("  ", True)))
    ed.act_template.trigger()
    assert "模板名称不能为空" in ed.message_label.text()
    assert desk.templates() == []


def test_template_save_list_new_in_the_cli(desk, tmp_path):
    d = sample_declaration("inbound", goods=3, seed=7)
    desk.save_draft(d)
    done = _cli("template", "save", d.id, "葡萄酒 进口")
    assert done.returncode == 0, done.stderr
    assert "已另存为模板“葡萄酒 进口”" in done.stdout
    listed = json.loads(_cli("template", "list", "--json").stdout)
    assert [(t["name"], t["direction"]) for t in listed] == [("葡萄酒 进口", "inbound")]
    made = _cli("template", "new", "葡萄酒 进口", "--json")
    assert made.returncode == 0, made.stderr
    new_id = json.loads(made.stdout)["id"]
    assert new_id != d.id and len(desk.get(new_id).goods) == 3
    assert desk.templates()[0][1] == "葡萄酒 进口"  # the desktop's 从模板新建 sees it

    missing = _cli("template", "new", "没有这个")
    assert missing.returncode == 2 and "找不到模板" in missing.stderr
    # the Excel template keeps working under the same command
    xlsx = tmp_path / "t.xlsx"
    excel = _cli("template", "--out", str(xlsx))
    assert excel.returncode == 0 and xlsx.stat().st_size > 0
    bare = _cli("template")
    assert bare.returncode == 2 and "save、list、new、delete" in bare.stderr


def test_a_template_is_deleted_from_the_menu_after_asking(qtbot, desk, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui.main_window import MainWindow
    d = sample_declaration("inbound", seed=8)
    desk.save_draft(d)
    desk.save_template("旧模板", d)
    desk.save_template("常用 进口", d)
    win = MainWindow(make_ctx(desk), use_tray=False)
    qtbot.addWidget(win)
    win.show()
    win.refresh_templates()
    win._fill_template_menu()
    sub = next(a.menu() for a in win.template_menu.actions() if a.menu() is not None)
    assert sub.title() == "删除模板"
    names = [a.text() for a in sub.actions()]
    assert names == ["常用 进口  ·  入境", "旧模板  ·  入境"]
    asked = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _p, _t, text, *a, **k: asked.append(text) or answer[0]))
    sub.actions()[1].trigger()
    assert "旧模板" in asked[0] and len(desk.templates()) == 2     # 否: kept
    answer[0] = QMessageBox.StandardButton.Yes
    sub.actions()[1].trigger()
    assert [t[1] for t in desk.templates()] == ["常用 进口"]
    assert "已删除模板“旧模板”" in win.statusBar().currentMessage()
    win._fill_template_menu()                                       # the menu follows
    assert [a.text() for a in win.template_menu.actions() if a.isEnabled()
            and not a.isSeparator() and a.menu() is None] == ["常用 进口  ·  入境"]
    assert desk.summary(d.id).status == "draft"                     # drafts untouched


def test_template_delete_in_the_cli(desk):
    d = sample_declaration("outbound", seed=9)
    desk.save_draft(d)
    desk.save_template("出口 模板", d)
    done = _cli("template", "delete", "出口 模板")
    assert done.returncode == 0, done.stderr
    assert "已删除模板“出口 模板”" in done.stdout and desk.templates() == []
    missing = _cli("template", "delete", "出口 模板")
    assert missing.returncode == 2 and "找不到模板" in missing.stderr
