"""Issue → fetch → verify → export over real HTTP; replacement after an amendment; tampering."""
from __future__ import annotations

import hashlib
import json

import pytest
from ecert_helpers import ecerts_of, outbound_with_certificates, settle_until

from client.ecert import schema, signing, sps, xmlsafe

pytestmark = pytest.mark.sandbox


def _certified(engine, desk, sandbox, n=1, types=("18",)):
    ent = engine.login(sandbox.url, "aa@demo", "demo123")
    ids = outbound_with_certificates(desk, ent, n, types)
    engine.top_up()
    assert len(engine.filing().finalise(ids).finalised) == n
    settle_until(engine, lambda: all(
        [e.status for e in ecerts_of(desk, i)] == ["issued"] * len(types) for i in ids))
    return ent, ids


def test_certified_declaration_brings_a_signed_ecert_that_exports_byte_for_byte(
        open_desk, make_engine, sandbox, cli, tmp_path):
    desk = open_desk("exporter")
    engine = make_engine(desk)
    _ent, (decl_id,) = _certified(engine, desk, sandbox)
    (e,) = ecerts_of(desk, decl_id)
    no = desk.summary(decl_id).inspection_no
    assert e.cert_type == "18" and e.type_code == "851" and e.number.startswith("CN" + no)
    # the platform's copy, fetched independently, is the same bytes the desk keeps
    s = sandbox.login("aa@demo", "demo123", device_id="checker")
    platform = s.get(f"/v1/ecerts/{e.number}").json()
    import base64
    original = base64.b64decode(platform["xml_base64"])
    assert hashlib.sha256(original).hexdigest() == e.sha256

    listed = cli(desk.paths.data_dir, "ecert", "list", decl_id, "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert row["number"] == e.number and row["status"] == "issued" and row["issued_at"]

    out = tmp_path / "export"
    r = cli(desk.paths.data_dir, "ecert", "export", decl_id, "--out", str(out))
    assert r.returncode == 0, r.stderr
    exported = (out / f"{e.number}.xml").read_bytes()
    assert exported == original
    v = cli(desk.paths.data_dir, "ecert", "verify", str(out / f"{e.number}.xml"))
    assert v.returncode == 0, v.stderr
    assert e.number in v.stdout
    # what it says: the declaration's goods, in the profile, phytosanitary
    root = xmlsafe.parse(exported)
    assert schema.errors(root) == []
    cert = sps.read(root)
    decl = desk.get(decl_id)
    assert cert.type_code == "851" and cert.status_code == "70" and cert.reference == no
    assert cert.consignor["name_cn"] == decl.consignor.name_cn
    assert [ln.hs_codes[0] for ln in cert.lines] == [g.hs_code for g in decl.goods]


def test_tampered_file_fails_verify_and_unreadable_is_2(open_desk, make_engine, sandbox, cli,
                                                         tmp_path):
    desk = open_desk("exporter")
    engine = make_engine(desk)
    _ent, (decl_id,) = _certified(engine, desk, sandbox)
    out = tmp_path / "export"
    assert cli(desk.paths.data_dir, "ecert", "export", decl_id, "--out", str(out)).returncode == 0
    (f,) = out.glob("*.xml")
    data = f.read_bytes()
    tampered = tmp_path / "tampered.xml"
    # one goods weight changed: 1 kg more
    i = data.index(b'unitCode="KGM">') + len(b'unitCode="KGM">')
    tampered.write_bytes(data[:i] + b"1" + data[i:])
    r = cli(desk.paths.data_dir, "ecert", "verify", str(tampered))
    assert r.returncode == 1
    assert "签名无效" in r.stderr
    # signed by someone else: another key, same content
    key, cert = signing.make_key_pair("not the platform")
    root = xmlsafe.parse(data)
    root.remove(root.find(f"{{{signing.DS_NS}}}Signature"))
    forged = tmp_path / "forged.xml"
    forged.write_bytes(signing.sign(root, key, cert))
    assert cli(desk.paths.data_dir, "ecert", "verify", str(forged)).returncode == 1
    garbage = tmp_path / "garbage.xml"
    garbage.write_bytes(b"<not xml")
    assert cli(desk.paths.data_dir, "ecert", "verify", str(garbage)).returncode == 2
    assert cli(desk.paths.data_dir, "ecert", "verify", str(tmp_path / "none.xml")).returncode == 2


def test_amendment_after_certification_replaces_and_cancels(open_desk, make_engine, sandbox,
                                                            cli, tmp_path):
    desk = open_desk("exporter")
    engine = make_engine(desk)
    _ent, (decl_id,) = _certified(engine, desk, sandbox)
    (first,) = ecerts_of(desk, decl_id)
    # the declarant amends on the platform (a heavier goods line)
    s = sandbox.login("aa@demo", "demo123", device_id="amender")
    d = s.get(f"/v1/declarations/{decl_id}").json()
    payload = d["payload"]
    payload["goods"][0]["gross_weight_kg"] = str(float(payload["goods"][0]["gross_weight_kg"]) + 5)
    res = s.post("/v1/mutations:batch", json={"mutations": [{
        "mutation_id": "amend-" + decl_id, "kind": "amend", "declaration_id": decl_id,
        "inspection_no": d["inspection_no"], "base_version": d["version"],
        "payload": payload}]}).json()["results"][0]
    assert res["outcome"] == "applied", res
    settle_until(engine, lambda: len(ecerts_of(desk, decl_id)) == 2
                 and {e.status for e in ecerts_of(desk, decl_id)} == {"issued", "cancelled"})
    old, new = sorted(ecerts_of(desk, decl_id), key=lambda e: e.number)
    assert old.number == first.number and old.status == "cancelled" and old.cancel_sha256
    assert new.status == "issued" and new.replaces == old.number
    out = tmp_path / "export"
    assert cli(desk.paths.data_dir, "ecert", "export", decl_id, "--out", str(out)).returncode == 0
    cert = sps.read(xmlsafe.parse((out / f"{new.number}.xml").read_bytes()))
    assert cert.notes["ADRPN"] == old.number and set(sps.REPLACEMENT_NOTES) <= set(cert.notes)
    # the old one as issued still verifies; its cancellation is signed and says cancelled
    assert cli(desk.paths.data_dir, "ecert", "verify",
               str(out / f"{old.number}.xml")).returncode == 0
    cancelled = out / f"{old.number}.cancelled.xml"
    r = cli(desk.paths.data_dir, "ecert", "verify", str(cancelled))
    assert r.returncode == 1 and "CANCELLED" not in r.stderr and "作废" in r.stdout
    assert cert.lines[0].gross_weight_kg == sps.Decimal(
        payload["goods"][0]["gross_weight_kg"]).normalize()


def test_bad_signature_from_the_platform_is_quarantined_not_shown_valid(
        open_desk, make_engine, sandbox):
    desk = open_desk("exporter")
    engine = make_engine(desk)
    engine.login(sandbox.url, "aa@demo", "demo123")
    # the desk pinned another certificate than the one the platform signs with
    from client.ecert.sync import PIN_KEY
    from client.store import kv
    _key, other = signing.make_key_pair("impostor")
    with desk.db.write() as conn:
        pin = kv.get(conn, PIN_KEY)
        pin["certificate_pem"] = other.decode()
        kv.put(conn, PIN_KEY, pin)
    ent = desk.enterprise()
    (decl_id,) = outbound_with_certificates(desk, ent, 1)
    engine.top_up()
    engine.filing().finalise([decl_id])
    settle_until(engine, lambda: [e.status for e in ecerts_of(desk, decl_id)] == ["invalid"])
    (e,) = ecerts_of(desk, decl_id)
    assert e.sha256 is None and "签名无效" in e.error
    assert list((desk.paths.data_dir / "quarantine" / "ecerts").glob("*.xml"))
    assert any("签名无效" in m for m in engine.last_summary.errors)


def test_a_resync_rebuilds_the_ecerts_an_emptied_store_or_a_new_profile_lacks(
        open_desk, make_engine, sandbox, monkeypatch):
    desk = open_desk("exporter")
    engine = make_engine(desk)
    _ent, ids = _certified(engine, desk, sandbox, n=2)
    before = {e.number: e.sha256 for i in ids for e in ecerts_of(desk, i)}
    assert len(before) == 2
    # the ecert store emptied (rows and files): the feed has moved on, a sync brings nothing
    from client.ecert import store as q
    from client.store.blobs import blob_path
    with desk.db.write() as conn:
        conn.execute(q.ecerts.delete())
    blob_path(desk.paths.attachments, next(iter(before.values()))).unlink()
    engine.sync()
    assert all(ecerts_of(desk, i) == [] for i in ids)
    s = engine.resync()
    assert s.resynced and engine.ecerts.valid == 2 and not engine.ecerts.invalid
    after = {e.number: (e.sha256, e.status) for i in ids for e in ecerts_of(desk, i)}
    assert after == {n: (sha, "issued") for n, sha in before.items()}
    assert blob_path(desk.paths.attachments, next(iter(before.values()))).is_file()
    # a second resync finds nothing lacking and fetches nothing again
    engine.resync()
    assert engine.ecerts.fetched == 0
    # a new profile of the same account, rebuilt from the snapshot, gets them too (the
    # platform's list read one per page here, so the paging is what brings the second)
    from client.ecert import sync as ecert_sync
    monkeypatch.setattr(ecert_sync, "LIST_LIMIT", 1)
    other = open_desk("second-profile")
    e2 = make_engine(other)
    e2.login(sandbox.url, "aa@demo", "demo123")
    e2.resync()
    got = {e.number: e.sha256 for i in ids for e in ecerts_of(other, i)}
    assert got == before
