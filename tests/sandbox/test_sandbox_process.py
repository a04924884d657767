"""A real `python -m sandbox` process: restart keeps everything; the 10,000-item benchmark."""
from __future__ import annotations

import copy
import gzip
import json
import time
from pathlib import Path

import pytest
import requests
from sbx_helpers import (lease, make_declaration, number, pull_all, push, submit,
                         upload_sample_attachment)

from client.model import new_ulid
from sandbox.testing import ClientSession, start_sandbox_process

pytestmark = pytest.mark.sandbox


def test_kill_and_restart_keeps_state(tmp_path):
    data = tmp_path / "platform"
    proc = start_sandbox_process(data, time_scale=1e6, extra_args=["--token-ttl", "600"])
    try:
        s = ClientSession(proc.url, "dev-1")
        s.login("aa@demo")
        upload_sample_attachment(s)
        ent = s.get("/v1/enterprise").json()
        le1 = lease(s, 10)
        d = make_declaration(ent, number(le1, le1["first"]))
        m = submit(d)
        assert push(s, [m])[0]["outcome"] == "applied"
        _, cursor = pull_all(s)
        token = s.headers["Authorization"]
        port = int(proc.url.rsplit(":", 1)[1])
    finally:
        proc.kill()
    proc = start_sandbox_process(data, time_scale=1e6, port=port)
    try:
        assert proc.url.endswith(f":{port}")
        s2 = ClientSession(proc.url, "dev-2")
        s2.headers["Authorization"] = token        # tokens survive a restart
        assert s2.get("/v1/enterprise").json()["uscc"] == ent["uscc"]
        # the resend after the crash is a duplicate, the cursor still valid
        assert push(s2, [m])[0]["outcome"] == "duplicate"
        assert s2.get("/v1/changes", params={"since": cursor}).status_code == 200
        le2 = lease(s2, 10)
        assert le2["first"] == le1["last"] + 1       # serials never handed out twice
    finally:
        proc.stop()
    assert proc.proc.returncode is not None


def test_admin_token_by_environment_never_on_the_command_line(tmp_path):
    with start_sandbox_process(tmp_path / "p", admin_token="s3cret") as proc:
        assert proc.handle.admin("GET", "/admin/enterprises").status_code == 200
        cmdline = Path(f"/proc/{proc.pid}/cmdline")
        if cmdline.exists():  # what `ps` shows
            assert b"s3cret" not in cmdline.read_bytes()
        bad = requests.get(proc.url + "/admin/enterprises", headers={"X-Admin-Token": "s3creT"},
                           timeout=10)
        assert bad.status_code == 403 and bad.json()["error"]["code"] == "admin_forbidden"
    with start_sandbox_process(tmp_path / "q", admin_token=None) as proc:
        r = proc.handle.admin("GET", "/admin/enterprises")
        assert r.status_code == 403 and r.json()["error"]["code"] == "admin_disabled"


def test_admin_token_from_a_file(tmp_path):
    token_file = tmp_path / "admin-token"
    token_file.write_text("from-a-file\n", encoding="utf-8")
    with start_sandbox_process(tmp_path / "p", admin_token=None,
                               extra_args=["--admin-token-file", str(token_file)]) as proc:
        assert requests.get(proc.url + "/admin/enterprises", timeout=10,
                            headers={"X-Admin-Token": "from-a-file"}).status_code == 200
        assert requests.get(proc.url + "/admin/enterprises", timeout=10,
                            headers={"X-Admin-Token": "wrong"}).status_code == 403


@pytest.mark.slow
def test_ten_thousand_submits_and_receipts(tmp_path):
    """10,000 submissions in batches of 500 are all applied and all reach ``released``.

    (How fast is measured by ``benchmarks/bench_sync.py``, never asserted here.)"""
    with start_sandbox_process(tmp_path / "bench", time_scale=1e6) as proc:
        s = ClientSession(proc.url, "bench")
        s.login("aa@demo")
        upload_sample_attachment(s)
        ent = s.get("/v1/enterprise").json()
        le = lease(s, 10000)
        base = make_declaration(ent, None, seed=3)
        decls = []
        for i in range(10000):
            d = copy.deepcopy(base)
            d["id"] = new_ulid()
            d["inspection_no"] = number(le, le["first"] + i)
            decls.append(d)
        for i in range(0, 10000, 500):
            body = json.dumps({"device_id": "bench",
                               "mutations": [submit(d) for d in decls[i:i + 500]]},
                              ensure_ascii=False).encode("utf-8")
            r = s.post("/v1/mutations:batch", data=gzip.compress(body, 1),
                       headers={"Content-Encoding": "gzip",
                                "Content-Type": "application/json"})
            assert r.status_code == 200
            assert all(x["outcome"] == "applied" for x in r.json()["results"])
        changes, _ = pull_all(s, limit=5000)
        released = {c["declaration_id"] for c in changes if c["status"] == "released"}
        assert released == {d["id"] for d in decls}


def test_restart_with_another_time_scale_retimes_pending_steps(tmp_path):
    data = tmp_path / "platform"
    with start_sandbox_process(data, time_scale=1.0) as proc:
        s = ClientSession(proc.url, "dev")
        s.login("b@demo")
        upload_sample_attachment(s)
        ent = s.get("/v1/enterprise").json()
        le = lease(s, 1)
        d = make_declaration(ent, number(le, le["first"]))
        assert push(s, [submit(d)])[0]["outcome"] == "applied"
        assert s.get(f"/v1/declarations/{d['id']}").json()["status"] == "accepted"
    with start_sandbox_process(data, time_scale=1e6) as proc:
        s = ClientSession(proc.url, "dev")
        s.login("b@demo")
        time.sleep(0.3)
        got = s.get(f"/v1/declarations/{d['id']}").json()
        assert got["status"] in ("released", "certified", "rejected"), got["status"]
