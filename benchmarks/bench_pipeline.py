"""A broker's day, end to end: workbook → import → validate → finalise → push → receipts.

    .venv/bin/python benchmarks/bench_pipeline.py [N] [--goods 2] [--keep DIR]

Starts a sandbox (a ``python -m sandbox`` subprocess on a free port, time scale 0.01 so
each declaration gets exactly one receipt, "accepted"), logs a fresh profile in, writes a
template workbook of N declarations (``sample_declaration`` with ``--goods`` lines, the
logged-in enterprise as declarant; not timed), then times each stage as the desk runs it:

1. **import**   ``importer.import_into`` (read with calamine, save as drafts);
2. **validate** ``Desk.validate_ids`` of the imported drafts (the batch validate path,
   every result kept);
3. **finalise** ``Filing.finalise`` (validate what step 2 did not find clean at the same
   revision and rule context — ``client.services.cleanmemo`` —, number from leases,
   ``ready``, outbox);
4. **push**     ``SyncEngine.push`` (batches of 500 to the sandbox);
5. **pull**     ``SyncEngine.pull`` (the receipts from the change feed);

and in the same run the bare floor of each stage:

* import   — a bare python-calamine read of the workbook (every cell visited);
* validate — the rules alone over the declarations in memory (no store);
* finalise — ``executemany`` (sqlite3, one transaction) of the same declaration rows the
  stages above stored into an empty table of the same columns;
* push     — one HTTP POST of the same request bytes the push sent (``/admin/bench/sink``);
* pull     — one HTTP GET of as many bytes as the pull received (``/admin/bench/bytes``).

Each stage is printed in wall time and in CPU time (this process plus the sandbox process,
from ``/proc``), since on a shared machine the wall time measures the neighbours too.
Target (issue 17): the total ≤ 20 s for 10,000 declarations on this machine. Figures are
printed, never asserted.
"""
from __future__ import annotations

import argparse
import contextlib
import shlex
import shutil
import signal
import subprocess
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests  # noqa: E402
from keyrings.alt.file import PlaintextKeyring  # noqa: E402

from client.credentials import CredentialStore  # noqa: E402
from client.model import Party  # noqa: E402
from client.services import Desk, ImportReport  # noqa: E402
from client.sync.engine import SyncEngine  # noqa: E402
from sandbox.testing import DEFAULT_ADMIN_TOKEN, start_sandbox_process  # noqa: E402

from bench_excel import calamine_read  # noqa: E402


class ByteCounter:
    """Counts the bytes of every request body sent and response body received."""

    def __init__(self) -> None:
        self.sent = 0
        self.received = 0
        self.requests = 0
        self._orig = requests.Session.send

    def __enter__(self) -> "ByteCounter":
        counter, orig = self, self._orig

        def send(session, request, **kw):
            body = request.body or b""
            counter.sent += len(body if isinstance(body, bytes) else body.encode())
            counter.requests += 1
            resp = orig(session, request, **kw)
            counter.received += len(resp.content)
            return resp
        requests.Session.send = send  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc) -> None:
        requests.Session.send = self._orig  # type: ignore[method-assign]


def proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid`` so far (Linux ``/proc``)."""
    import os
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Clock:
    """Wall and CPU time (this process + the sandbox) of one stage."""

    def __init__(self, sandbox_pid: int):
        self.pid = sandbox_pid

    def __enter__(self) -> "Clock":
        self.w0, self.c0, self.s0 = time.perf_counter(), time.process_time(), proc_cpu(self.pid)
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self.w0
        self.cpu = time.process_time() - self.c0
        self.server = proc_cpu(self.pid) - self.s0


def write_book(path: Path, n: int, goods: int, me: Party) -> None:
    from client.codes import default_codebook
    from client.interchange.columns import columns_for
    from client.interchange.writer import write_declarations
    from client.rules.sample import sample_declaration

    def items():
        for i in range(n):
            d = sample_declaration("inbound", goods, seed=i)
            d.declarant = me
            d.consignee = me
            yield d, None
    write_declarations(path, items(), columns_for(None), default_codebook(), n)


def rules_floor(desk: Desk, ids: list[str]) -> float:
    """The rules alone over the declarations, already parsed and in memory."""
    from client.rules import validate
    decls = [desk.get(i) for i in ids]
    ctx = desk.rule_context()
    t0 = time.perf_counter()
    for d in decls:
        validate(d, ctx)
    return time.perf_counter() - t0


def executemany_floor(src: Path, work: Path) -> tuple[float, int]:
    """``executemany`` of the stored declaration rows into an empty table like it."""
    con = sqlite3.connect(src)
    cols = [r[1] for r in con.execute("PRAGMA table_info(declarations)")]
    rows = con.execute(f"SELECT {', '.join(cols)} FROM declarations").fetchall()
    con.close()
    dst = work / "floor.sqlite"
    dst.unlink(missing_ok=True)
    out = sqlite3.connect(dst)
    out.execute("PRAGMA journal_mode=WAL")
    out.execute(f"CREATE TABLE declarations ({', '.join(cols)})")
    t0 = time.perf_counter()
    with out:
        out.executemany(f"INSERT INTO declarations VALUES ({', '.join('?' * len(cols))})", rows)
    took = time.perf_counter() - t0
    out.close()
    return took, len(rows)


def http_floor(url: str, sent: int, received: int) -> tuple[float, float]:
    """One POST of ``sent`` bytes and one GET of ``received`` bytes, new connections."""
    hdr = {"X-Admin-Token": DEFAULT_ADMIN_TOKEN}
    body = b"x" * sent
    with requests.Session() as s:
        t0 = time.perf_counter()
        r = s.post(url + "/admin/bench/sink", data=body, headers=hdr, timeout=120)
        r.raise_for_status()
        post = time.perf_counter() - t0
        assert r.json()["bytes"] == sent
    with requests.Session() as s:
        t0 = time.perf_counter()
        r = s.get(url + "/admin/bench/bytes", params={"n": received}, headers=hdr, timeout=120)
        r.raise_for_status()
        got = len(r.content)
        get = time.perf_counter() - t0
        assert got == received
    return post, get


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("--goods", type=int, default=2)
    ap.add_argument("--keep", help="keep the workbook, profile and platform in this directory")
    ap.add_argument("--profile", metavar="DIR",
                    help="write cProfile files: DIR/<stage>.prof for the desk's stages and "
                         "DIR/sandbox.prof for the sandbox's push and pull calls")
    a = ap.parse_args(argv)
    root = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    root.mkdir(parents=True, exist_ok=True)
    kr = PlaintextKeyring()
    kr.file_path = str(root / "keyring.cfg")
    prof_dir = Path(a.profile).resolve() if a.profile else None
    python = None
    if prof_dir is not None:
        prof_dir.mkdir(parents=True, exist_ok=True)
        python = str(_profiling_python(prof_dir / "sandbox.prof", root))
    sb = start_sandbox_process(root / "platform", time_scale=0.01, python=python)
    try:
        desk = Desk.open(root / "desk")
        att = root / "contract.pdf"
        att.write_bytes(b"test")
        desk.store_attachment(att)
        eng = SyncEngine(desk, CredentialStore(kr))
        ent = eng.login(sb.url, "aa@demo", "demo123")
        me = Party(name_cn=ent["name_cn"], name_en=ent["name_en"], reg_no=ent["reg_no"],
                   uscc=ent["uscc"])
        eng.top_up()
        book = root / "broker.xlsx"
        t0 = time.perf_counter()
        write_book(book, a.n, a.goods, me)
        print(f"sandbox {sb.url}; workbook of {a.n:,} declarations x {a.goods} goods written "
              f"in {time.perf_counter() - t0:.1f} s ({book.stat().st_size / 1e6:.1f} MB), "
              "not timed")

        stages: dict[str, float] = {}
        cpu: dict[str, tuple[float, float]] = {}
        floors: dict[str, float] = {}
        pid = sb.proc.pid

        report = ImportReport()
        from client.interchange.importer import import_into
        with Clock(pid) as c, _profiled(prof_dir, "import"):
            import_into(desk, book, report)
        stages["import"], cpu["import"] = c.wall, (c.cpu, c.server)
        ids = list(report.imported) + list(report.updated)
        assert len(ids) == a.n and not report.errors, (len(ids), report.errors[:3])

        with Clock(pid) as c, _profiled(prof_dir, "validate"):
            results = desk.validate_ids(ids)
        stages["validate"], cpu["validate"] = c.wall, (c.cpu, c.server)
        bad = [k for k, v in results.items() if any(i.severity == "error" for i in v)]
        assert not bad, (len(bad), results[bad[0]][:3])

        with Clock(pid) as c, _profiled(prof_dir, "finalise"):
            res = eng.filing().finalise(ids)
        stages["finalise"], cpu["finalise"] = c.wall, (c.cpu, c.server)
        assert len(res.finalised) == a.n, (len(res.finalised), res.no_number[:3])

        with ByteCounter() as push_bytes, Clock(pid) as c, _profiled(prof_dir, "push"):
            s = eng.push()
        stages["push"], cpu["push"] = c.wall, (c.cpu, c.server)
        assert s.applied == a.n, (s.applied, s.rejected[:1], s.retry_later)

        with ByteCounter() as pull_bytes, Clock(pid) as c, _profiled(prof_dir, "pull"):
            p = eng.pull()
        stages["pull"], cpu["pull"] = c.wall, (c.cpu, c.server)
        counts = {k: v for k, v in desk.counts_by_status().items() if v}

        t0 = time.perf_counter()
        cells = calamine_read(book)
        floors["import"] = time.perf_counter() - t0
        floors["validate"] = rules_floor(desk, ids)
        floors["finalise"], nrows = executemany_floor(_db_file(desk), root)
        floors["push"], floors["pull"] = http_floor(sb.url, push_bytes.sent,
                                                    pull_bytes.received)
        eng.close()
        desk.close()
    finally:
        if prof_dir is not None and sb.proc.poll() is None:
            # uvicorn re-raises SIGTERM after its shutdown (the profile would be lost);
            # SIGINT ends it as a KeyboardInterrupt, after which cProfile writes its file
            sb.proc.send_signal(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                sb.proc.wait(60)
        sb.stop()

    total = sum(stages.values())
    what = {"import": f"bare calamine read ({cells:,} cells)",
            "validate": f"rules alone over {a.n:,} parsed declarations",
            "finalise": f"executemany of the same {nrows:,} rows",
            "push": f"one POST of the same {push_bytes.sent / 1e6:.1f} MB "
                    f"(push: {push_bytes.requests} requests)",
            "pull": f"one GET of the same {pull_bytes.received / 1e6:.1f} MB "
                    f"(pull: {pull_bytes.requests} requests, {p.receipts:,} receipts)"}
    print(f"{'stage':9s} {'wall':>8s} {'per s':>9s} {'floor':>8s} {'ratio':>7s} "
          f"{'CPU desk':>9s} {'sandbox':>8s}  floor is")
    for k, v in stages.items():
        print(f"{k:9s} {v:7.2f}s {a.n / v:9,.0f} {floors[k]:7.2f}s {v / floors[k]:6.1f}x "
              f"{cpu[k][0]:8.2f}s {cpu[k][1]:7.2f}s  {what[k]}")
    print(f"{'total':9s} {total:7.2f}s {a.n / total:9,.0f} {sum(floors.values()):7.2f}s "
          f"{total / sum(floors.values()):6.1f}x {sum(c[0] for c in cpu.values()):8.2f}s "
          f"{sum(c[1] for c in cpu.values()):7.2f}s  (target: total <= 20 s for 10,000)")
    print(f"statuses after the pull: {counts}")
    if not a.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0


@contextlib.contextmanager
def _profiled(prof_dir: Path | None, stage: str):
    """cProfile the block into ``prof_dir/<stage>.prof`` (nothing without ``--profile``)."""
    if prof_dir is None:
        yield
        return
    import cProfile
    prof = cProfile.Profile()
    prof.enable()
    try:
        yield
    finally:
        prof.disable()
        prof.dump_stats(str(prof_dir / f"{stage}.prof"))


def _profiling_python(out: Path, root: Path) -> Path:
    """A launcher that runs ``python -m sandbox …`` with its platform calls under cProfile
    (``benchmarks/sandbox_profiled.py``), written to ``out`` when the sandbox stops."""
    exe = root / "python-cprofile"
    script = Path(__file__).resolve().parent / "sandbox_profiled.py"
    exe.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} {shlex.quote(str(script))} "
                   f"{shlex.quote(str(out))} \"$@\"\n")
    exe.chmod(0o755)
    return exe


def _db_file(desk: Desk) -> Path:
    with desk.db.read() as conn:
        return Path(conn.exec_driver_sql("PRAGMA database_list").fetchall()[0][2])


if __name__ == "__main__":
    raise SystemExit(main())
