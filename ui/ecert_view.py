"""The e-certificates of a declaration as one rich-text block (timeline and editor).

``load_ecerts`` runs on the worker pool (it reads the store); ``ecerts_html`` writes the
lines: number, type, status, issued at. A certificate whose signature failed is shown in
red as invalid, never as valid.
"""
from __future__ import annotations

from html import escape

_COLOURS = {"issued": "#1e7e34", "cancelled": "#8c96a3", "invalid": "#c62828",
            "announced": "#5b6470"}


def load_ecerts(desk, decl_id: str) -> list:
    from client.ecert import store as q
    with desk.db.read() as conn:
        return q.of_declaration(conn, decl_id)


def ecerts_html(ecerts: list, lang: str) -> str:
    if not ecerts:
        return ""
    head = "E-certificates" if lang == "en" else "电子证书"
    rows = []
    for e in ecerts:
        zh, en = e.type_name
        when = (e.issued_at or "")[:19].replace("T", " ")
        rows.append(f"<tr><td><b>{escape(e.number)}</b></td>"
                    f"<td>{escape(e.cert_type or '')} {escape(en if lang == 'en' else zh)}</td>"
                    f"<td style='color:{_COLOURS.get(e.status, '#5b6470')}'>"
                    f"{escape(e.status_name(lang))}</td><td>{escape(when)}</td></tr>")
    return (f"<b>{head}</b><table cellspacing='0' cellpadding='3'>" + "".join(rows)
            + "</table>")
