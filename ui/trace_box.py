"""The 溯源 search box of the main toolbar: a scanned label's text → goods and declarations.

:class:`TraceBox` is a line edit (a barcode scanner types into it and presses Enter); the
lookup (:func:`client.ecom.trace.trace`) runs on the task runner and the answer opens in a
:class:`TraceDialog`: the registration, each goods line carrying it with its declaration's
status and status history, and a button per declaration that emits
``ctx.events.open_declaration``. A text that is no label shows the reason in the dialog.
Emits nothing of its own.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit,
                               QPushButton, QTextBrowser, QVBoxLayout, QWidget)

from client.errors import describe
from client.lifecycle import status_name


def trace_html(t, lang: str) -> str:
    """The result of a trace as rich text (goods, declarations, their histories)."""
    def tt(zh: str, en: str) -> str:
        return en if lang == "en" else zh
    out = []
    if t.label:
        lab = t.label
        out.append(f"<p>{tt('溯源标签', 'label')}: <b>{escape(lab['reg_no'])}</b> · "
                   f"{escape(lab['inspection_no'])} · {tt('批次', 'batch')} "
                   f"{escape(lab['batch'])}</p>")
    if t.registration:
        r = t.registration
        out.append(f"<p>{tt('商品备案', 'registration')} <b>{escape(r['reg_no'] or '')}</b> "
                   f"{escape(r['title'] or '')} · HS {escape(r['hs_code'] or '')} · "
                   f"{escape(r['origin_country'] or '')}</p>")
    if not t.goods:
        out.append(f"<p>{tt('本机没有与此溯源码相关的货物', 'no goods on this desk match the code')}</p>")
    for g in t.goods:
        out.append(f"<h4>{escape(g.inspection_no or g.declaration_id)} · "
                   f"{tt('第', 'line ')}{g.goods_index + 1}{tt('项', '')} "
                   f"{escape(g.brand or '')} {escape(g.name_cn or '')} — "
                   f"{escape(status_name(g.status, lang))}</h4><table cellpadding='2'>")
        for h in g.history:
            out.append(f"<tr><td>{escape(h['at'][:19].replace('T', ' '))}</td>"
                       f"<td>{escape(status_name(h['status'], lang))}</td>"
                       f"<td>{escape(h.get('note') or '')}</td></tr>")
        out.append("</table>")
    return "".join(out)


class TraceDialog(QDialog):
    """What a trace found, with a button to open each declaration."""

    def __init__(self, ctx, result, error: BaseException | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("溯源查询"))
        self.resize(640, 480)
        lay = QVBoxLayout(self)
        self.view = QTextBrowser()
        lay.addWidget(self.view, 1)
        self.open_buttons: list[QPushButton] = []
        if error is not None:
            self.view.setPlainText(describe(error, ctx.lang))
        else:
            self.view.setHtml(trace_html(result, ctx.lang))
            row = QHBoxLayout()
            seen: list[str] = []
            for g in result.goods:
                if g.declaration_id in seen:
                    continue
                seen.append(g.declaration_id)
                b = QPushButton(self.tr("打开报检单 %1").replace(
                    "%1", g.inspection_no or g.declaration_id))
                b.clicked.connect(lambda _=False, i=g.declaration_id: self._open(i))
                row.addWidget(b)
                self.open_buttons.append(b)
            row.addStretch(1)
            lay.addLayout(row)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        lay.addWidget(box)

    def _open(self, decl_id: str) -> None:
        self.ctx.events.open_declaration.emit(decl_id)
        self.accept()


class TraceBox(QLineEdit):
    """The toolbar's trace field; Enter looks the text up and shows a :class:`TraceDialog`."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: TraceDialog | None = None
        self.setObjectName("trace_box")
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(260)
        self.returnPressed.connect(self.look_up)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802
        self.setPlaceholderText(self.tr("溯源：扫描标签或输入编号"))
        self.setToolTip(self.tr("扫描溯源标签（或输入商品备案号、报检号）后按回车，查看货物、报检单及状态记录"))

    def changeEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtCore import QEvent
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def look_up(self) -> None:
        code = self.text().strip()
        if not code:
            return
        from client.ecom.trace import trace
        self.ctx.runner.run(trace, self.ctx.desk.db, code,
                            on_done=lambda t: self._show(t, None),
                            on_error=lambda e: self._show(None, e))

    def _show(self, result, error) -> None:
        self.dialog = TraceDialog(self.ctx, result, error, self.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.show()
