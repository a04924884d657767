"""Schema versions: a database of every released schema opens and upgrades; backups first."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from client.services import Desk
from client.store.db import SCHEMA_HEAD, StoreError, backup, current_revision

DATA = Path(__file__).resolve().parent.parent / "data"


def test_schema_head_matches_alembic_head():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from client.store.db import MIGRATIONS_DIR
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_HEAD


@pytest.mark.parametrize("sample", sorted(p.name for p in DATA.glob("schema-*.sqlite3")))
def test_released_schema_sample_opens_and_upgrades(sample, data_dir):
    shutil.copy(DATA / sample, data_dir / "ciqdesk.sqlite3")
    desk = Desk.open(data_dir)
    try:
        rows = desk.list()
        assert len(rows) == 3
        for r in rows:
            assert desk.get(r.id).id == r.id
        assert current_revision(desk.store.db.path) == SCHEMA_HEAD
    finally:
        desk.close()
    conn = sqlite3.connect(data_dir / "ciqdesk.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_database_from_a_newer_program_is_refused_untouched(data_dir):
    shutil.copy(DATA / "schema-0001.sqlite3", data_dir / "ciqdesk.sqlite3")
    conn = sqlite3.connect(data_dir / "ciqdesk.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = (data_dir / "ciqdesk.sqlite3").read_bytes()
    with pytest.raises(StoreError) as exc:
        Desk.open(data_dir)
    assert "升级" in exc.value.message_zh
    assert (data_dir / "ciqdesk.sqlite3").read_bytes() == before


def test_backup_is_a_consistent_copy(tmp_path):
    src = tmp_path / "db.sqlite3"
    shutil.copy(DATA / "schema-0001.sqlite3", src)
    copy = backup(src, tmp_path / "backups", "rev0001")
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM declarations").fetchone()[0] == 3
    conn.close()


def test_migrating_backs_up_first_and_not_again_at_head(data_dir):
    db = data_dir / "ciqdesk.sqlite3"
    shutil.copy(DATA / "schema-0001.sqlite3", db)
    Desk.open(data_dir).close()  # 0001 -> head: one backup of the 0001 file
    copies = list((data_dir / "backups").glob("*.sqlite3"))
    assert len(copies) == 1 and "rev0001" in copies[0].name
    assert current_revision(copies[0]) == "0001"
    conn = sqlite3.connect(copies[0])
    assert conn.execute("SELECT count(*) FROM declarations").fetchone()[0] == 3
    conn.close()
    assert current_revision(db) == SCHEMA_HEAD
    Desk.open(data_dir).close()  # already at head: no backup on every start
    assert len(list((data_dir / "backups").glob("*.sqlite3"))) == 1


def test_cli_list_migrates_an_old_store_first_then_lists_it(data_dir, capsys):
    """``list`` reads through plain sqlite3 only at the current schema; an old store is
    opened the normal way first (backed up, migrated), then listed."""
    from client.cli.main import main
    from client.store.quick import open_reader

    db = data_dir / "ciqdesk.sqlite3"
    shutil.copy(DATA / "schema-0001.sqlite3", db)
    assert open_reader(db) is None  # an old schema is never read the quick way
    assert main(["list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3
    assert current_revision(db) == SCHEMA_HEAD
    assert len(list((data_dir / "backups").glob("*rev0001*.sqlite3"))) == 1
    reader = open_reader(db)
    assert reader is not None
    reader.close()


def test_cli_list_on_a_new_profile_creates_the_store(data_dir, capsys):
    from client.cli.main import main

    assert main(["list"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "没有报检单" in captured.err
    assert current_revision(data_dir / "ciqdesk.sqlite3") == SCHEMA_HEAD
