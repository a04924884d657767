"""The print preview opens readable: the page fills the dialog's width."""
from __future__ import annotations

import pytest

from client.rules import sample_declaration


@pytest.fixture
def printing(qapp):
    from ui import printing
    return printing


@pytest.fixture
def app_style(qapp):
    """The application's style sheet (its padding cut the zoom field to "4.3%")."""
    from ui.app import STYLE_SHEET
    before = qapp.styleSheet()
    qapp.setStyleSheet(STYLE_SHEET)
    yield
    qapp.setStyleSheet(before)


def test_preview_opens_at_fit_to_width(printing, codebook, qtbot, app_style):
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QComboBox
    dialog = printing.preview_dialog(None, sample_declaration("inbound", 3), codebook)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    # a page about as wide as the preview, not a thumbnail (was opened at 8.8 %)
    assert widget.zoomFactor() > 0.5
    zoom = dialog.findChild(QComboBox)             # the zoom field shows all its digits
    shown = zoom.lineEdit()
    assert shown.text() == f"{widget.zoomFactor() * 100:.1f}%"
    padding = 2 * 8 + 2                            # the style sheet's, and the frame
    assert shown.fontMetrics().horizontalAdvance(shown.text()) + padding < shown.width()
    dialog.close()
