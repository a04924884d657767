"""The core half of ``CIQDesk --selftest``: is this installation complete and working?

Run after installing or freezing the app (``packaging/build.py --selftest`` runs the frozen
exe) and by support on a user's machine. Each check prints one line; any failure names the
missing file, module or table and the run exits 1. Nothing touches the user's profile: the
store is opened in a temporary directory and deleted afterwards.

Checks: resources present (code tables with their manifest hashes, icons, translations,
templates folder), Alembic migration scripts present as files, a fresh store migrates to
the schema head, every code table loads, a built-in declaration passes the rulebook, the
JSON interchange round trip is lossless, a draft saves and reads back, and the profile's
own store passes ``PRAGMA quick_check`` (opened read-only: it is checked, never changed).

``python -m client.selftest`` runs these checks alone (no Qt); ``ui.selftest.run()`` adds
the GUI checks.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One line of the self-test: what was checked, whether it passed, and the detail."""

    name: str
    ok: bool
    detail: str = ""
    warning: bool = False  # passed, but worth telling (e.g. no OS keyring on this box)

    def line(self) -> str:
        tag = "FAIL" if not self.ok else ("WARN" if self.warning else " OK ")
        return f"[{tag}] {self.name}" + (f": {self.detail}" if self.detail else "")


Check = Callable[[], "CheckResult | Iterable[CheckResult]"]


class SelfTest:
    """Runs named checks, prints a line for each, and remembers failures."""

    def __init__(self, out=None):
        self.out = out or sys.stdout
        self.results: list[CheckResult] = []

    def add(self, result: CheckResult) -> CheckResult:
        self.results.append(result)
        print(result.line(), file=self.out, flush=True)
        return result

    def run(self, name: str, fn: Check) -> None:
        """Run one check; an exception is a failure with its message (traceback to the log)."""
        try:
            got = fn()
        except Exception as exc:  # noqa: BLE001 - a self-test reports, it does not crash
            log.error("self-test %s failed:\n%s", name, traceback.format_exc())
            self.add(CheckResult(name, False, f"{type(exc).__name__}: {exc}"))
            return
        for r in ([got] if isinstance(got, CheckResult) else got):
            self.add(r)

    @property
    def failed(self) -> list[CheckResult]:
        return [r for r in self.results if not r.ok]

    def summary(self) -> int:
        bad = self.failed
        if bad:
            print(f"自检失败 / self-test FAILED: {len(bad)} of {len(self.results)} checks",
                  file=self.out, flush=True)
            return 1
        print(f"自检通过 / self-test passed: {len(self.results)} checks", file=self.out,
              flush=True)
        return 0


# ------------------------------------------------------------------------- checks


def check_resources() -> list[CheckResult]:
    from . import paths

    res = paths.resource_dir()
    out = [CheckResult("resources folder", res.is_dir(), str(res))]
    if not res.is_dir():
        return out
    manifest = res / "codes" / "manifest.json"
    if not manifest.is_file():
        return out + [CheckResult("code table manifest", False, f"missing {manifest}")]
    meta = json.loads(manifest.read_text("utf-8"))
    bad = []
    for name, m in sorted(meta.items()):
        f = res / "codes" / m["file"]
        if not f.is_file():
            bad.append(f"{m['file']} missing")
        elif hashlib.sha256(f.read_text("utf-8").encode("utf-8")).hexdigest() != m["sha256"]:
            bad.append(f"{m['file']} does not match its manifest sha256")
    out.append(CheckResult("code table files", not bad,
                           "; ".join(bad) if bad else f"{len(meta)} files, hashes match"))
    icon = res / "icons" / "ciqdesk.png"
    out.append(CheckResult("application icon", icon.is_file(), str(icon) if icon.is_file()
                           else f"missing {icon}"))
    qms = sorted((res / "translations").glob("*.qm")) if (res / "translations").is_dir() else []
    out.append(CheckResult("translations", True,
                           ", ".join(q.name for q in qms) if qms else "none shipped (Chinese UI "
                           "text is built in)", warning=not qms))
    tdir = res / "templates"
    files = sorted(f.name for f in tdir.iterdir()) if tdir.is_dir() else []
    out.append(CheckResult("templates", True, ", ".join(files) if files else "none shipped",
                           warning=not files))
    return out


def check_migrations() -> CheckResult:
    from .store.db import MIGRATIONS_DIR, SCHEMA_HEAD

    need = [MIGRATIONS_DIR / "env.py", MIGRATIONS_DIR / "script.py.mako"]
    missing = [str(p) for p in need if not p.is_file()]
    versions = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))
    if not any(v.startswith(SCHEMA_HEAD + "_") for v in versions):
        missing.append(f"versions/{SCHEMA_HEAD}_*.py")
    return CheckResult("migration scripts", not missing,
                       f"missing {', '.join(missing)} under {MIGRATIONS_DIR}" if missing
                       else f"{len(versions)} revisions, head {SCHEMA_HEAD}")


def check_code_tables() -> CheckResult:
    from .codes import TABLES, CodeBook

    book = CodeBook()
    rows = 0
    empty = []
    for name in TABLES:
        n = len(book.table(name))
        rows += n
        if n == 0:
            empty.append(name)
    return CheckResult("code tables load", not empty,
                       f"empty: {', '.join(empty)}" if empty
                       else f"{len(TABLES)} tables, {rows:,} rows")


def builtin_declaration(direction: str = "inbound", goods: int = 3):
    """A valid declaration: the rulebook's own sample (``client.rules.sample``)."""
    from .rules.sample import sample_declaration
    return sample_declaration(direction, goods)


def check_rules() -> list[CheckResult]:
    from .codes import CodeBook
    from .rules import RuleContext, validate

    ctx = RuleContext(codes=CodeBook(), credit_grade="A")
    out = []
    for direction in ("inbound", "outbound"):
        issues = validate(builtin_declaration(direction), ctx)
        errors = [i for i in issues if i.severity == "error"]
        out.append(CheckResult(
            f"rulebook on a built-in {direction} declaration", not errors,
            "; ".join(f"{i.code} {i.field}" for i in errors[:5]) if errors
            else f"valid ({len(issues)} warnings)"))
    return out


def check_round_trip() -> CheckResult:
    from .model import parse_declaration, to_dict, to_json

    decl = builtin_declaration("inbound", 5)
    text = to_json(decl)
    back, issues = parse_declaration(json.loads(text))
    same = back is not None and not issues and to_dict(back) == to_dict(decl)
    return CheckResult("JSON interchange round trip", same,
                       f"{len(text):,} bytes, lossless" if same else f"differs; issues {issues}")


def check_store() -> list[CheckResult]:
    from .model import to_dict
    from .services import Desk
    from .store.db import SCHEMA_HEAD, current_revision

    out = []
    from .paths import Paths
    from .store import open_store
    with tempfile.TemporaryDirectory(prefix="ciqdesk-selftest-") as tmp:
        # always a local SQLite file, whatever office store CIQDESK_STORE_URL names
        desk = Desk(open_store(Paths(Path(tmp))))
        try:
            rev = current_revision(desk.db.file)
            out.append(CheckResult("fresh store migrates", rev == SCHEMA_HEAD,
                                   f"schema {rev} (head {SCHEMA_HEAD}) in a temporary folder"))
            decl = builtin_declaration("outbound", 2)
            desk.save_draft(decl)
            back = desk.get(decl.id)
            out.append(CheckResult("draft saves and reads back", to_dict(back) == to_dict(decl),
                                   f"id {decl.id}"))
        finally:
            desk.close()
    return out


def check_sqlite() -> CheckResult:
    import sqlite3

    con = sqlite3.connect(":memory:")
    try:
        mode = con.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        con.close()
    return CheckResult("sqlite3 module", True, f"SQLite {sqlite3.sqlite_version} ({mode})")


def check_user_store() -> CheckResult:
    """``PRAGMA quick_check`` of the profile's store, opened read-only (never changed)."""
    from . import paths
    from .store.damage import DamagedStore, quick_check

    db = paths.resolve().db
    if not db.exists() and not db.is_symlink():
        return CheckResult("profile store sound", True, f"no store yet at {db}")
    try:
        problems = quick_check(db)
    except DamagedStore as exc:
        return CheckResult("profile store sound", False, exc.message_en)
    if problems:
        shown = "; ".join(problems[:3]) + (" …" if len(problems) > 3 else "")
        return CheckResult("profile store sound", False,
                           f"PRAGMA quick_check of {db}: {shown} — restore the newest copy "
                           f"from backups/ or use another data folder")
    return CheckResult("profile store sound", True, f"PRAGMA quick_check ok: {db}")


def check_import_workers() -> CheckResult:
    """A worker process (``spawn``, as a large workbook import starts one) prepares a
    part of a small workbook exactly as this process does."""
    import os

    from .codes import default_codebook
    from .interchange import excel_import, import_work
    from .interchange.columns import columns_for
    from .interchange.writer import write_declarations

    codes = default_codebook()
    decls = [builtin_declaration("inbound" if i % 2 else "outbound", 2) for i in range(3)]
    with tempfile.TemporaryDirectory(prefix="ciqdesk-selftest-") as tmp:
        book = Path(tmp) / "workers.xlsx"
        write_declarations(book, ((d, None) for d in decls), columns_for(None), codes,
                           len(decls))
        sheet = excel_import._open(book)
        try:
            groups = [g for part in sheet.reader.groups(sheet.rows, sheet.columns,
                                                        sheet.first_row, lambda r: None, None)
                      for g in part]
        finally:
            sheet.close()
    pool = import_work.start_pool(codes, None, 1, [(ci, c.path) for ci, c in sheet.columns],
                                  sheet.reader.default_direction)
    if pool is None:
        return CheckResult("import worker process", False, "the worker could not start")
    try:
        pid, there = pool.call(groups)
    finally:
        pool.close()
    here = import_work.prepare(sheet.reader, groups, codes, None)
    same = there.batch == here.batch and len(here.batch) == len(decls)
    return CheckResult("import worker process", same and pid != os.getpid(),
                       f"process {pid} prepared {len(there.batch)} declarations"
                       + ("" if same else ", unlike this process"))


CORE_CHECKS: list[tuple[str, Check]] = [
    ("resources", check_resources),
    ("migrations", check_migrations),
    ("sqlite3", check_sqlite),
    ("code tables", check_code_tables),
    ("rulebook", check_rules),
    ("round trip", check_round_trip),
    ("store", check_store),
    ("import workers", check_import_workers),
    ("profile store", check_user_store),
]


def run_core(test: SelfTest) -> None:
    """Add the core checks to ``test``."""
    for name, fn in CORE_CHECKS:
        test.run(name, fn)


def main() -> int:
    test = SelfTest()
    print(f"CIQ Desk self-test (core) — Python {sys.version.split()[0]}, "
          f"{'frozen' if getattr(sys, 'frozen', False) else 'source'}", flush=True)
    run_core(test)
    return test.summary()


if __name__ == "__main__":
    sys.exit(main())
