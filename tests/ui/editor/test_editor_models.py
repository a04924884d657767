"""The editor's list models without widgets: issues, code suggestions, attachments."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from client.model import Attachment
from client.rules import Issue
from ui.editor.code_picker import CodeListModel, CodeRole
from ui.editor.issues_panel import IssueRole, IssuesModel
from ui.editor.section_attachments import AttachmentsModel, human_size

# no widgets, but icons and brushes need the (Qt GUI) application object
pytestmark = pytest.mark.usefixtures("qapp")


def _issue(code, sev, field, zh):
    return Issue(code, sev, field, zh, zh)


def test_issues_model_lists_errors_first_with_field_names():
    m = IssuesModel()
    w = _issue("W1", "warning", "remarks", "备注较长")
    e1 = _issue("E1", "error", "goods[0].hs_code", "HS编码不存在")
    e2 = _issue("E2", "error", "declarant.uscc", "格式不正确")
    m.set_issues([w, e1, e2])
    assert m.rowCount() == 3 and m.counts() == (2, 1)
    texts = [m.data(m.index(r, 0)) for r in range(3)]
    assert texts[0] == "第1项货物HS编码：HS编码不存在"
    assert texts[1] == "报检单位统一社会信用代码：格式不正确"
    assert texts[2] == "备注：备注较长"
    assert m.data(m.index(0, 0), IssueRole) is e1
    assert "E1" in m.data(m.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert m.data(m.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None
    en = IssuesModel(lang="en")
    en.set_issues([e1])
    assert en.data(en.index(0, 0)).startswith("goods line 1 HS code: ")


def test_code_list_model_shows_code_and_name(codebook):
    m = CodeListModel()
    m.set_entries(codebook.table("currencies").search("美元", 5))
    assert m.rowCount() >= 1
    first = m.index(0, 0)
    assert m.data(first, CodeRole) == "USD"
    assert m.data(first) == "USD 美元"
    en = CodeListModel(lang="en")
    en.set_entries(codebook.table("bureaus").search("310000", 1))
    assert en.data(en.index(0, 0)) == "310000 Shanghai"


def test_attachments_model(codebook):
    rows = [Attachment(type="101001", file_name="contract.pdf", sha256="ab" * 32, size=182_044)]
    m = AttachmentsModel(codebook)
    m.set_rows(rows)
    edited = []
    m.edited.connect(lambda: edited.append(1))
    assert m.data(m.index(0, 0)) == "101001 合同"
    assert m.data(m.index(0, 1)) == "contract.pdf"
    assert m.data(m.index(0, 2)) == "178 KB"
    m.add(Attachment(type="101002", file_name="invoice.pdf", sha256="cd" * 32, size=900))
    assert len(rows) == 2 and m.rowCount() == 2
    m.remove(0)
    assert [a.file_name for a in rows] == ["invoice.pdf"] and len(edited) == 2
    issue = _issue("E9", "error", "attachments[0].size", "超过 4 MB")
    m.set_issues({0: [issue]})
    assert m.data(m.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "超过 4 MB"
    assert human_size(5 * 1024 * 1024) == "5.0 MB" and human_size(12) == "12 B"
