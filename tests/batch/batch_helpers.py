"""Helpers of the batch tests: fill a template workbook the way a broker does."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from client.interchange.columns import columns_for
from client.interchange.writer import declaration_rows


def rows_of(decl, direction: str | None = None) -> list[dict[str, Any]]:
    """A declaration as template rows: ``{path: value}`` per row (header on the first)."""
    cols = columns_for(direction)
    out = []
    for values in declaration_rows(decl, cols):
        out.append({c.path: v for c, v in zip(cols, values) if v is not None})
    return out


def fill(path: Path, rows: list[dict[str, Any]], start: int = 3) -> dict[str, str]:
    """Write ``rows`` into a template made by ``python -m client template`` (from row 3).

    Uses openpyxl's normal mode, as editing in Excel would; returns path → column letter.
    """
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    letters = {c.value: c.column_letter for c in ws[2] if c.value}
    for i, row in enumerate(rows):
        for p, v in row.items():
            ws[f"{letters[p]}{start + i}"] = v
    wb.save(path)
    wb.close()
    return letters


def fill_declarations(path: Path, decls: list) -> Path:
    """A template made by ``python -m client template`` filled with ``decls``, each
    declaration's rows after the last one's (:func:`rows_of`, :func:`fill`)."""
    fill(path, [r for d in decls for r in rows_of(d)])
    return path


def sheet_cells(path: Path):
    """(worksheet, path → column letter) of a workbook CIQ Desk wrote, in normal mode."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    return wb, ws, {c.value: c.column_letter for c in ws[2] if c.value}


def count_parts(monkeypatch) -> list[int]:
    """The sizes of the parts the sheet reader hands out (``SheetReader.groups``), filled
    as an import runs."""
    from client.interchange import excel_import
    parts: list[int] = []
    real = excel_import.SheetReader.groups

    def spy(self, *a, **kw):
        for part in real(self, *a, **kw):
            parts.append(len(part))
            yield part
    monkeypatch.setattr(excel_import.SheetReader, "groups", spy)
    return parts
