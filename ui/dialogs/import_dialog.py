"""Import declarations from .xlsx / .csv (the template) and .json files, as drafts.

Step 1 reads the chosen files on the task runner, validating each declaration, and shows
a preview (what will be imported, with each one's errors) and the problems by file, row
and column; a workbook's declarations wait in a temporary file, not in memory
(:mod:`client.interchange.spool`). Step 2 stores them, one transaction per file, so a
cancel leaves every file either fully imported or not at all; the validation results are
stored with them, so the list shows their errors at once. Nothing is written before the
user presses 导入.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QProgressBar, QPushButton, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from ..tasks import Progress
from .import_models import PreviewModel, ProblemsModel

log = logging.getLogger(__name__)

FILE_SUFFIXES = (".json", ".xlsx", ".csv")


def read_files(desk, files: list[str], progress: Progress):
    """Read and validate ``files`` without storing anything (runs on the task runner).

    Returns ``(parsed, preview_rows, problems)``: ``parsed`` is the
    :class:`~client.services.desk.ParsedImport` of :meth:`Desk.read_import` (the CLI's
    readers and messages; a workbook's declarations prepared in a temporary file, not
    held in memory), ready for :meth:`Desk.store_import`.
    """
    parsed = desk.read_import(files, progress=progress, cancel=progress.cancelled,
                              validate=True)
    return parsed, parsed.previews(), list(parsed.problems)


def write_error_report(desk, ids: list[str], path: str, lang: str, progress: Progress):
    """Validate the imported drafts and write the CLI ``report`` command's workbook
    (:func:`client.interchange.excel_export.error_report`) on the task runner."""
    from client.interchange.excel_export import error_report
    return error_report(desk, ids, path, lang=lang, progress=progress,
                        cancel=progress.cancelled)


def store_parsed(desk, parsed, progress: Progress):
    """Store previewed declarations, one transaction per file; a cancel stops before the
    next file (the file being stored is then not stored at all). Each one's validation
    result is stored with it, so the list shows its errors at once."""
    report = desk.store_import(parsed, progress=progress, cancel=progress.cancelled)
    report.errors = report.errors[len(parsed.problems):]  # those found on storing
    return report


class ImportDialog(QDialog):
    """Choose files, preview, import.

    After an import, 生成错误报告… validates the imported drafts and writes the error-report
    workbook (the same as ``python -m client report``): every declaration with its errors
    beside the cells, to fix in Excel and import again.

    Signals:
        imported(object): the :class:`~client.services.desk.ImportReport` after storing.
        report_written(str): the path of an error report written.
    """

    imported = Signal(object)
    report_written = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.files: list[str] = []
        self.parsed = None
        self.progress: Progress | None = None
        self.resize(900, 560)
        self.pick_btn = QPushButton()
        self.pick_btn.clicked.connect(self.pick_files)
        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        self.preview = PreviewModel(self)
        self.problems = ProblemsModel(lambda: self.ctx.lang, self)
        self.tabs = QTabWidget()
        widths = {id(self.preview): (140, 45, 55, 45, 130, 180, 150, 65, 120),
                  id(self.problems): (150, 50, 60, 220, 300)}
        for model in (self.preview, self.problems):
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().hide()
            view.setAlternatingRowColors(True)
            view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            view.horizontalHeader().setStretchLastSection(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.setWordWrap(False)
            for col, w in enumerate(widths[id(model)]):
                view.setColumnWidth(col, w)
            self.tabs.addTab(view, "")
        self.bar = QProgressBar()
        self.bar.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.import_btn = QPushButton()
        self.import_btn.setDefault(True)
        self.import_btn.setEnabled(False)
        self.import_btn.clicked.connect(self.do_import)
        self.cancel_btn = QPushButton()
        self.cancel_btn.clicked.connect(self.cancel)
        self.report_btn = QPushButton()
        self.report_btn.setEnabled(False)
        self.report_btn.clicked.connect(self.pick_report_file)
        self.imported_ids: list[str] = []
        for b in (self.pick_btn, self.cancel_btn, self.report_btn):
            b.setAutoDefault(False)  # Enter means 导入, the one default button
        top = QHBoxLayout()
        top.addWidget(self.pick_btn)
        top.addWidget(self.files_label, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.bar)
        bottom.addWidget(self.report_btn)
        bottom.addWidget(self.import_btn)
        bottom.addWidget(self.cancel_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(bottom)
        self._busy = False
        self._done = False
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("导入报检单"))
        self.pick_btn.setText(self.tr("选择文件…"))
        if not self.files:
            self.files_label.setText(self.tr("支持 Excel 模板 (.xlsx)、CSV 和 JSON 文件；导入为草稿。"))
        self.tabs.setTabText(0, self.tr("将导入 ({n})").format(n=len(self.preview.rows)))
        self.tabs.setTabText(1, self.tr("问题 ({n})").format(n=len(self.problems.rows)))
        self.import_btn.setText(self.tr("导入"))
        self.report_btn.setText(self.tr("生成错误报告…"))
        self.report_btn.setToolTip(self.tr("校验导入的草稿，生成 Excel 错误报告（错误写在对应单元格旁），改好后可再导入"))
        self.cancel_btn.setText(self.tr("关闭") if self._done else self.tr("取消"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- step 1: read ------------------------------------------------------------------
    def pick_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择要导入的文件"), "",
            self.tr("报检单文件 (*.xlsx *.csv *.json);;所有文件 (*)"))
        if files:
            self.load_files(files)

    def load_files(self, files: list[str]) -> None:
        """Read ``files`` and show the preview (nothing is stored yet)."""
        self.files = [str(f) for f in files]
        self.files_label.setText("、".join(Path(f).name for f in self.files))
        self._set_busy(True, self.tr("正在读取文件…"))
        self.ctx.runner.run(read_files, self.ctx.desk, self.files, self._new_progress(),
                            on_done=self._read_done, on_error=self._failed)

    def _drop_parsed(self) -> None:
        """Forget what was read and not stored (its temporary file is deleted)."""
        parsed, self.parsed = self.parsed, None
        if parsed is not None:
            parsed.close()

    def done(self, result: int) -> None:
        """Closing the dialog deletes what was read and not imported."""
        if not self._busy:
            self._drop_parsed()
        super().done(result)

    def _read_done(self, result) -> None:
        self._drop_parsed()
        self.parsed, preview, problems = result
        self.preview.set_rows(preview)
        self.problems.set_rows(problems)
        self._set_busy(False)
        n = len(preview)
        if self.progress is not None and self.progress.cancelled():
            self.status.setText(self.tr("已取消读取，未导入任何内容。"))
            self._drop_parsed()
        elif n:
            self.status.setText(self.tr("可导入 %n 份报检单", "", n)
                                + self.tr("；%n 个问题（有问题的报检单不会导入）。", "", len(problems)))
        else:
            self.status.setText(self.tr("没有可导入的报检单。"))
        if problems and not n:
            self.tabs.setCurrentIndex(1)
        self.import_btn.setEnabled(bool(self.parsed and self.parsed.files))
        self.retranslateUi()

    # -- step 2: store -----------------------------------------------------------------
    def do_import(self) -> None:
        if not (self.parsed and self.parsed.files):
            return
        self._set_busy(True, self.tr("正在导入…"))
        self.import_btn.setEnabled(False)
        self.ctx.runner.run(store_parsed, self.ctx.desk, self.parsed, self._new_progress(),
                            on_done=self._import_done, on_error=self._failed)

    def _import_done(self, report) -> None:
        self._set_busy(False)
        self._done = True
        self.parsed = None
        n_new, n_upd = len(report.imported), len(report.updated)
        self.imported_ids = list(report.imported) + list(report.updated)
        self.report_btn.setEnabled(bool(self.imported_ids))
        text = self.tr("已导入 {n} 份（新建 {a}，更新 {b}）。").format(n=n_new + n_upd, a=n_new, b=n_upd)
        if report.errors:
            text += self.tr("另有 {m} 份未导入：").format(m=len(report.errors)) + "；".join(
                e.message for e in report.errors[:3])
            self.problems.set_rows(self.problems.rows + list(report.errors))
        if report.warnings:  # customs codes mapped to eCIQ (issue 13): imported, said so
            self.problems.set_rows(self.problems.rows + list(report.warnings))
        if self.progress is not None and self.progress.cancelled():
            text = self.tr("已取消：") + text
        self.status.setText(text)
        self.ctx.events.declarations_changed.emit([])
        self.imported.emit(report)
        self.retranslateUi()

    # -- the error report --------------------------------------------------------------
    def pick_report_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存错误报告"), "错误报告.xlsx",
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.write_report(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def write_report(self, path: str) -> None:
        """Validate the imported drafts and write the error report to ``path``."""
        if not self.imported_ids:
            return
        self._set_busy(True, self.tr("正在生成错误报告…"))
        self.report_btn.setEnabled(False)
        self.ctx.runner.run(write_error_report, self.ctx.desk, self.imported_ids, path,
                            self.ctx.lang, self._new_progress(),
                            on_done=lambda summary: self._report_done(path, summary),
                            on_error=self._failed)

    def _report_done(self, path: str, summary) -> None:
        self._set_busy(False)
        self.report_btn.setEnabled(True)
        self.status.setText(self.tr("错误报告已保存：{p}（{e} 份有错误，共 {n} 份）").format(
            p=path, e=summary.with_errors, n=summary.declarations))
        self.ctx.events.declarations_changed.emit([])  # validation results were stored
        self.report_written.emit(path)

    def _failed(self, exc: BaseException) -> None:
        from client.errors import describe
        self._set_busy(False)
        self.status.setText(describe(exc, self.ctx.lang))
        self.import_btn.setEnabled(bool(self.parsed and self.parsed.files))

    # -- progress / cancel ---------------------------------------------------------------
    def _new_progress(self) -> Progress:
        p = Progress(self)
        p.changed.connect(self._progress)
        self.progress = p
        return p

    def _progress(self, done: int, total: int, msg: str) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.bar.setVisible(busy)
        self.pick_btn.setEnabled(not busy)
        if text:
            self.status.setText(text)

    def cancel(self) -> None:
        """While working: stop (store stays consistent); otherwise close the dialog."""
        if self._busy and self.progress is not None:
            self.progress.cancel()
            self.status.setText(self.tr("正在取消…"))
        else:
            self.reject()
