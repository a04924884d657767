"""运输信息: transport, ports, countries, districts and the dates of the shipment.

Inbound shows 启运国家/目的地/到货日期/卸毕日期/索赔有效期至; outbound shows
输往国家/产地/到达口岸/发货日期.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from .form import FormSection


class TransportSection(FormSection):
    """Transport. Emits ``edited(path)``."""

    TITLE = QT_TRANSLATE_NOOP("EditorSections", "运输信息")

    def build(self) -> None:
        inbound = self.direction != "outbound"
        g = self.group(QT_TRANSLATE_NOOP("EditorSections", "运输工具"))
        self.add(g, "transport_mode", self.picker("transport_modes"))
        self.add(g, "transport_name")
        self.add(g, "bl_no")
        g = self.group(QT_TRANSLATE_NOOP("EditorSections", "国家与口岸"))
        if inbound:
            self.add(g, "departure_country", self.picker("countries"))
            self.add(g, "departure_port")
            self.add(g, "entry_exit_port")
            self.add(g, "stopover_port")
            self.add(g, "destination_district", self.picker("districts"))
        else:
            self.add(g, "destination_country", self.picker("countries"))
            self.add(g, "departure_port")
            self.add(g, "entry_exit_port")
            self.add(g, "arrival_port")
            self.add(g, "stopover_port")
            self.add(g, "origin_district", self.picker("districts"))
        for p in ("departure_port", "entry_exit_port", "arrival_port", "stopover_port"):
            if p in self.bindings:
                w = self.bindings[p].widget
                w.setPlaceholderText("UN/LOCODE，如 CNSHA")
                w.textEdited.connect(lambda t, w=w: _upper(w, t))
        g = self.group(QT_TRANSLATE_NOOP("EditorSections", "日期"))
        if inbound:
            for p in ("arrival_date", "unload_date", "claim_deadline"):
                self.add(g, p, kind="date")
        else:
            self.add(g, "ship_date", kind="date")


def _upper(w, text: str) -> None:
    if text != text.upper():
        pos = w.cursorPosition()
        w.setText(text.upper())
        w.setCursorPosition(pos)
        w.textEdited.emit(w.text())  # so the binding stores the upper-case text
