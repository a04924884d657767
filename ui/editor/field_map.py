"""Field paths → where they are shown: the ONE place that knows it.

A rulebook path (``contract_no``, ``declarant.uscc``, ``goods[2].hs_code``,
``containers[0].number``, ``certificates[1].type``, ``attachments[0].size``, ``goods``)
resolves to a section and either a form widget or a table cell. :class:`FieldMap` puts
every issue's marker on its widget/cell and focuses a field when an issue is clicked.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from .common import worst
from .form import FormSection
from .section_attachments import AttachmentsSection
from .section_certificates import CertificatesSection
from .section_goods import TableSection

_LIST_RE = re.compile(r"^(goods|containers|attachments|certificates)(?:\[(\d+)\])?\.?(\w*)$")


@dataclass(frozen=True)
class Target:
    """Where a path lives: section index, and a header path or a (list, row, field) cell."""

    section: int
    header: str | None = None
    list_name: str | None = None
    row: int = -1
    field: str = ""


class FieldMap:
    """Maps paths of one editor's sections; see the module docstring."""

    def __init__(self, sections: list):
        self.sections = sections
        self._header: dict[str, int] = {}
        self._lists: dict[str, int] = {}
        for i, s in enumerate(sections):
            if isinstance(s, FormSection):
                for p in s.bindings:
                    self._header[p] = i
            elif isinstance(s, TableSection):
                self._lists[s.MODEL.LIST] = i
            elif isinstance(s, CertificatesSection):
                self._lists["certificates"] = i
            elif isinstance(s, AttachmentsSection):
                self._lists["attachments"] = i

    def resolve(self, path: str | None) -> Target | None:
        if not path:
            return None
        if path in self._header:
            return Target(self._header[path], header=path)
        m = _LIST_RE.match(path)
        if m and m.group(1) in self._lists:
            row = int(m.group(2)) if m.group(2) is not None else -1
            return Target(self._lists[m.group(1)], list_name=m.group(1), row=row,
                          field=m.group(3) or "")
        # an object path ("declarant") or a field this direction does not show: the first
        # field below it, else nothing (the issue still shows in the panel)
        for p, i in self._header.items():
            if p.startswith(path + "."):
                return Target(i, header=p)
        return None

    def section_of(self, path: str | None) -> int:
        t = self.resolve(path)
        return t.section if t else -1

    # -- markers ---------------------------------------------------------------------
    def apply(self, issues: list, local: dict[str, str] | None = None) -> None:
        """Mark every widget/cell named by ``issues`` and clear all the others.

        ``local`` adds problems the widgets see themselves (``{path: message}``, errors).
        """
        header: dict[str, list] = defaultdict(list)
        cells: dict[str, dict] = defaultdict(lambda: defaultdict(list))
        for issue in issues:
            t = self.resolve(issue.field)
            if t is None:
                continue
            if t.header:
                header[t.header].append((issue.severity, issue.message_zh))
            elif t.row >= 0:
                key = (t.row, t.field) if t.list_name in ("goods", "containers") else t.row
                cells[t.list_name][key].append(issue)
        for path, msg in (local or {}).items():
            header[path].insert(0, ("error", msg))
        for s in self.sections:
            if isinstance(s, FormSection):
                for p in s.bindings:
                    entries = header.get(p, [])
                    s.mark(p, worst(sev for sev, _ in entries), [m for _, m in entries])
            elif isinstance(s, TableSection):
                s.model.set_issues(dict(cells.get(s.MODEL.LIST, {})))
            elif isinstance(s, (CertificatesSection, AttachmentsSection)):
                name = "certificates" if isinstance(s, CertificatesSection) else "attachments"
                s.model.set_issues(dict(cells.get(name, {})))

    def counts_by_section(self, issues: list) -> dict[int, tuple[int, int]]:
        out: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        for i in issues:
            s = self.section_of(i.field)
            if s >= 0:
                out[s][0 if i.severity == "error" else 1] += 1
        return {k: (v[0], v[1]) for k, v in out.items()}

    # -- focus -----------------------------------------------------------------------
    def focus(self, path: str, show_section) -> bool:
        """Show the section of ``path`` (``show_section(index)``) and focus its field/cell."""
        t = self.resolve(path)
        if t is None:
            return False
        show_section(t.section)
        s = self.sections[t.section]
        if t.header:
            w = s.bindings[t.header].widget
            s.ensureWidgetVisible(w)
            w.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(w, QLineEdit):
                w.selectAll()
            return True
        if isinstance(s, TableSection):
            if t.row >= 0:
                s.view.select_cell(t.row, t.field)
            else:
                s.view.setFocus()
            return True
        if isinstance(s, CertificatesSection):
            s.select_cert(t.row)
            return True
        if isinstance(s, AttachmentsSection):
            s.select_row(t.row)
            return True
        return False
