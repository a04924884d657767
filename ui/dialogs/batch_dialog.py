"""Batch progress: finalise many declarations with progress, cancel and resume.

Runs :class:`client.services.batch.BatchRunner` on the task runner. The batch is recorded
in the store item by item, so a cancel (or a crash) leaves every declaration either done or
untouched, and "继续" picks up exactly where it stopped.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from ..tasks import Progress

log = logging.getLogger(__name__)


def _make_runner(desk, kind: str):
    from client.services.batch import BatchRunner, finalise_step
    if kind == "finalise":
        return BatchRunner(desk, "finalise", finalise_step(desk))
    raise ValueError(kind)


def _start(desk, kind: str, ids: list[str], progress: Progress):
    runner = _make_runner(desk, kind)
    bid = runner.create(ids)
    return _finish(desk, runner.run(bid, progress=progress, cancel=progress.cancelled))


def _resume(desk, kind: str, batch_id: str, progress: Progress):
    runner = _make_runner(desk, kind)
    return _finish(desk, runner.run(batch_id, progress=progress, cancel=progress.cancelled))


def _finish(desk, info):
    from client.services.batch import batch_items
    failed = [i for i in batch_items(desk, info.id) if i.state == "failed"]
    return info, failed


class BatchDialog(QDialog):
    """Progress of one batch, with 取消 (pause) and 继续 (resume).

    Signals:
        finished_batch(object): the final :class:`~client.services.batch.BatchInfo`.
    """

    finished_batch = Signal(object)
    send_requested = Signal()

    def __init__(self, ctx, kind: str, ids: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.ids = list(ids)
        self.batch_id: str | None = None
        self.info = None
        self.progress: Progress | None = None
        self.setMinimumWidth(520)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.bar = QProgressBar()
        self.bar.setRange(0, max(1, len(self.ids)))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.failures = QPlainTextEdit()
        self.failures.setReadOnly(True)
        self.failures.setMaximumHeight(160)
        self.failures.hide()
        self.cancel_btn = QPushButton()
        self.resume_btn = QPushButton()
        self.close_btn = QPushButton()
        self.send_btn = QPushButton()
        self.send_btn.hide()
        self.send_btn.clicked.connect(lambda: (self.send_requested.emit(), self.accept()))
        self.cancel_btn.clicked.connect(self.cancel)
        self.resume_btn.clicked.connect(self.resume)
        self.close_btn.clicked.connect(self.accept)
        self.resume_btn.hide()
        self.close_btn.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.cancel_btn, self.resume_btn, self.send_btn, self.close_btn):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.bar)
        lay.addWidget(self.message)
        lay.addWidget(self.failures)
        lay.addLayout(buttons)
        self.retranslateUi()

    @classmethod
    def finalise(cls, ctx, ids: list[str], parent: QWidget | None = None) -> "BatchDialog":
        return cls(ctx, "finalise", ids, parent)

    @classmethod
    def unfinished(cls, ctx, info, parent: QWidget | None = None) -> "BatchDialog":
        """A dialog for a batch left unfinished (cancelled, or cut short by a crash)."""
        dlg = cls(ctx, info.kind, [""] * info.total, parent)
        dlg.batch_id = info.id
        dlg.info = info
        dlg.bar.setRange(0, max(1, info.total))
        dlg.bar.setValue(info.done + info.failed)
        dlg.message.setText(dlg.tr("上次未完成：已完成 {d} 份，还剩 {p} 份。点“继续”接着处理。").format(
            d=info.done, p=info.pending))
        dlg._running(False)
        dlg.resume_btn.show()
        return dlg

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("批量定稿"))
        self.title.setText(self.tr("批量定稿 %n 份报检单", "", len(self.ids)))
        self.cancel_btn.setText(self.tr("取消"))
        self.resume_btn.setText(self.tr("继续"))
        self.close_btn.setText(self.tr("关闭"))
        self.send_btn.setText(self.tr("立即申报"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- running ---------------------------------------------------------------------
    def _new_progress(self) -> Progress:
        p = Progress(self)
        p.changed.connect(self._progress)
        self.progress = p
        return p

    def start(self) -> None:
        self._running(True)
        self.ctx.runner.run(_start, self.ctx.desk, self.kind, self.ids, self._new_progress(),
                            on_done=self._done, on_error=self._failed)

    def resume(self) -> None:
        if self.batch_id is None:
            self.start()
            return
        self._running(True)
        self.ctx.runner.run(_resume, self.ctx.desk, self.kind, self.batch_id,
                            self._new_progress(), on_done=self._done, on_error=self._failed)

    def cancel(self) -> None:
        """Ask the batch to stop after the current item (it stays resumable)."""
        if self.progress is not None:
            self.progress.cancel()
            self.message.setText(self.tr("正在取消：当前这份处理完后停止…"))
            self.cancel_btn.setEnabled(False)

    def _running(self, on: bool) -> None:
        self.cancel_btn.setEnabled(on)
        self.cancel_btn.setVisible(on)
        self.resume_btn.hide()
        self.close_btn.setEnabled(not on)

    def _progress(self, done: int, total: int, _msg: str) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.message.setText(self.tr("已处理 {d} / {t}").format(d=done, t=total))

    def _done(self, result) -> None:
        info, failed = result
        self.info = info
        self.batch_id = info.id
        self._running(False)
        self.bar.setRange(0, max(1, info.total))
        self.bar.setValue(info.done + info.failed)
        if info.state == "paused":
            self.message.setText(self.tr("已暂停：完成 {d} 份，还剩 {p} 份。点“继续”接着处理。").format(
                d=info.done, p=info.pending))
            self.resume_btn.show()
        else:
            self.message.setText(self.tr("完成：成功 {d} 份，失败 {f} 份。").format(
                d=info.done, f=info.failed))
            self.send_btn.setVisible(self.kind == "finalise" and info.done > 0)
        if failed:
            self.failures.setPlainText("\n".join(f"{i.declaration_id}: {i.message or ''}"
                                                 for i in failed))
            self.failures.show()
        self.ctx.events.declarations_changed.emit([])
        self.finished_batch.emit(info)

    def _failed(self, exc: BaseException) -> None:
        from client.errors import describe
        self._running(False)
        self.message.setText(describe(exc, self.ctx.lang))
        self.ctx.events.declarations_changed.emit([])

    def reject(self) -> None:  # Esc / window close: stop the batch, keep it resumable
        if self.progress is not None and self.cancel_btn.isVisible():
            self.cancel()
            return
        super().reject()
