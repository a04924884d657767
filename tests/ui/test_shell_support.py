"""Helpers shared by the shell tests (no tests here): real stores, a test context."""
from __future__ import annotations

import itertools

import pytest

from client.model import Party, new_ulid
from client.rules.sample import sample_declaration
from client.services import Desk
from client.store import declarations as decl_q
from client.store import kv


def fill(desk: Desk, n: int, *, direction: str | None = None, prefix: str = "CT") -> list[str]:
    """Store ``n`` drafts with contract numbers ``{prefix}00000``…; returns their ids."""
    decls = []
    for i in range(n):
        d = sample_declaration(direction or ("inbound" if i % 2 == 0 else "outbound"), seed=i)
        d.id = new_ulid()
        d.contract_no = f"{prefix}{i:05d}"
        decls.append(d)
    with desk.db.write() as conn:
        decl_q.save_many(conn, decls)
    return [d.id for d in decls]


_serials = itertools.count(1)


def set_status(desk: Desk, ids: list[str], status: str, *, source: str = "platform",
               note: str | None = None) -> None:
    """Move declarations to ``status`` (numbering them the first time), with history."""
    with desk.db.write() as conn:
        for decl_id in ids:
            decl_q.set_status(conn, decl_id, status, source=source, note=note,
                              receipt=source == "platform")
            if status != "draft":
                from sqlalchemy import update

                from client.store import schema as s
                no = f"3100001{26}{next(_serials):06d}"
                conn.execute(update(s.declarations).where(s.declarations.c.id == decl_id)
                             .where(s.declarations.c.inspection_no.is_(None))
                             .values(inspection_no=no))


def put_enterprise(desk: Desk, grade: str = "AA", role: str = "enterprise",
                   clients: list[dict] | None = None, name: str = "上海华信电子科技有限公司") -> dict:
    ent = {"uscc": "91310115607200113D", "reg_no": "3100600001", "name_cn": name,
           "name_en": "Shanghai Huaxin Electronics Co., Ltd.", "credit_grade": grade,
           "credit_grade_updated_at": "2026-11-26T08:00:00.000000Z", "role": role,
           "username": "aa@demo", "clients": clients or []}
    with desk.db.write() as conn:
        kv.put(conn, "enterprise", ent)
    return ent


def make_ctx(desk: Desk, lang: str = "zh", **fields):
    from ui.context import AppContext, AppEvents
    from ui.tasks import FakeThreadPool, TaskRunner
    return AppContext(desk, TaskRunner(FakeThreadPool()), AppEvents(), lang=lang, **fields)


def party(name: str, uscc: str) -> Party:
    return Party(name_cn=name, uscc=uscc, reg_no="3100600009")


# the main window on a desk of its own profile (pytest fixtures a test module imports by name)
@pytest.fixture
def desk(data_dir):
    d = Desk.open(data_dir)
    yield d
    d.close()


@pytest.fixture
def window(qtbot, desk):
    from ui.main_window import MainWindow
    win = MainWindow(make_ctx(desk), use_tray=False)
    qtbot.addWidget(win)
    win.show()
    return win
