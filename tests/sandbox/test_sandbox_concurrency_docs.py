"""Concurrent devices, and PROTOCOL.md kept in step with the served OpenAPI."""
from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
import requests
from sbx_helpers import lease, make_declaration, number, push, submit, upload_sample_attachment

import sandbox as sandbox_pkg

pytestmark = pytest.mark.sandbox


def test_two_devices_race_to_submit_one_declaration(sandbox):
    devs = [sandbox.login("aa@demo", device_id=f"dev-{i}") for i in range(2)]
    upload_sample_attachment(devs[0])
    ent = devs[0].get("/v1/enterprise").json()
    le = lease(devs[0], 40)
    decls = [make_declaration(ent, number(le, le["first"] + i), seed=i) for i in range(40)]
    results: dict[int, list] = {}
    barrier = threading.Barrier(2)

    def go(i):
        barrier.wait()
        # each device sends every declaration under its own mutation ids
        results[i] = push(devs[i], [submit(d) for d in decls])

    threads = [threading.Thread(target=go, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k in range(40):
        outcomes = sorted(results[i][k]["outcome"] for i in range(2))
        assert outcomes == ["applied", "rejected"], outcomes
        loser = next(results[i][k] for i in range(2) if results[i][k]["outcome"] == "rejected")
        assert loser["reasons"][0]["code"] == "already_submitted"
    snap = devs[1].get("/v1/declarations", params={"payload": "false"}).json()
    assert len(snap["declarations"]) == 40


def test_protocol_doc_names_every_served_path(shared_sandbox):
    doc = (Path(sandbox_pkg.__file__).parent / "PROTOCOL.md").read_text("utf-8")
    spec = requests.get(shared_sandbox.url + "/openapi.json", timeout=10).json()
    missing = []
    for path in spec["paths"]:
        generic = re.sub(r"\{[^}]+\}", "{", path)
        documented = {re.sub(r"\{[^}]+\}", "{", p) for p in re.findall(r"`(?:[A-Z]+ )?(/[^`\s?]*)", doc)}
        if generic not in documented and not any(d.startswith(generic) for d in documented):
            missing.append(path)
    assert not missing, f"PROTOCOL.md does not mention {missing}"
