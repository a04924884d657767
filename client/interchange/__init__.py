"""Excel/CSV interchange for batch filing: the template, import, export, error reports.

No Qt here: the UI and the CLI call these functions (with progress callbacks and a cancel
callable) and show the results. See ``docs/batch.md`` for the template's user guide.

* :mod:`.columns` — the column layout shared by every workbook CIQ Desk writes or reads;
* :mod:`.cells` — reading one cell the way brokers type it;
* :mod:`.writer` — writing workbooks and CSV files (template, export, error report);
* :mod:`.excel_import` — reading workbooks/CSV into declarations and importing them;
* :mod:`.excel_export` — exporting stored declarations and the error-report workbook.
"""
