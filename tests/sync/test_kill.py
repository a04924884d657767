"""SIGKILL of a syncing ``python -m client sync`` process at random moments.

The process is killed (no cleanup, no atexit) mid-push, mid-pull or mid-transaction, again
and again; then one clean sync. Afterwards the platform holds every finalised declaration
exactly once, statuses agree, every number is used or void, and the database is intact.
"""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest
from faultproxy import FaultProxy
from sync_helpers import accounted, add_drafts, check_consistent, integrity_ok

from client.sync.push import pending_count as outbox_pending

pytestmark = [pytest.mark.sandbox, pytest.mark.slow]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_sync_at_random_moments(cli, cli_env, sandbox, desk, monkeypatch,
                                               make_engine):
    proxy = FaultProxy("127.0.0.1", int(sandbox.url.rsplit(":", 1)[1]))
    try:
        r = cli("login", "--platform", proxy.url, "--user", "aa@demo", "--password-stdin",
                input="demo123\n")
        assert r.returncode == 0, r.stderr
        ent = desk.enterprise()
        add_drafts(desk, ent, 400)
        assert cli("sync").returncode == 0  # leases for the drafts
        r = cli("finalize", "--all")
        assert r.returncode == 0, r.stderr
        proxy.add("latency", seconds=0.05, count=100_000)  # slow enough to die mid-way
        rng = random.Random(20261126)
        kills = 0
        pending: list[int] = []
        for _ in range(8):
            proc = subprocess.Popen([sys.executable, "-m", "client", "sync", "--batch-size", "10"],
                                    env=cli_env, cwd=str(cli_env["PYTHONPATH"]),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # the moment is counted in this process's requests, not in seconds: on a loaded
            # machine the interpreter's start alone can take seconds, and a kill drawn from a
            # clock lands before the first request or after the sync ended, testing nothing.
            # While a push is still owed every sync makes more requests than the drawn count
            # (each pushes at most 10 of the 400), so each kill lands inside a sync: mid-request
            # (the proxy holds each 50 ms) or just after an answer, mid-transaction
            before = len(proxy.seen)
            nth = rng.randint(2, 8)
            deadline = time.monotonic() + 60
            while (len(proxy.seen) - before < nth and proc.poll() is None
                   and time.monotonic() < deadline):
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.08))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait(30)
            assert integrity_ok(desk)
            with desk.db.read() as conn:
                pending.append(outbox_pending(conn))
        assert kills >= 4
        assert sum(1 for n in pending if 0 < n < 400) >= 2, pending  # some kills hit mid-push
        proxy.clear()
        for _ in range(3):
            time.sleep(0.1)
            r = cli("sync")
            assert r.returncode == 0, r.stdout + r.stderr
        check_consistent(desk, sandbox, "aa@demo")
        # close every lease with the same keyring the CLI used
        monkeypatch.setenv("XDG_DATA_HOME", cli_env["XDG_DATA_HOME"])
        from keyrings.alt.file import PlaintextKeyring

        from client.credentials import CredentialStore
        from client.sync.engine import SyncEngine
        engine = SyncEngine(desk, CredentialStore(PlaintextKeyring()))
        try:
            accounted(engine, desk)
        finally:
            engine.close()
    finally:
        proxy.close()
