"""The e-certificate part of sync: pin the platform certificate, fetch what the feed announced.

* :func:`pin_platform_certificate` — at login, ``GET /v1/ecert-signing-certificate``; the PEM
  and its fingerprint go to the kv store (``ecert.platform_cert``). A later login to the same
  platform that brings another certificate is refused (the pin is only replaced by logging
  in to another platform or account).
* :func:`announce` — called by the puller for each page (same transaction): the page's
  ``ecert`` changes become ``announced`` rows.
* :func:`relist` — after a resync (a snapshot instead of the feed: a 410, ``sync --resync``,
  a new profile whose feed was pruned, an emptied ``ecerts`` table): ``GET /v1/ecerts`` page
  by page; every e-certificate the desk lacks, holds in another status, or whose file is
  gone from the attachment store becomes ``announced`` again.
* :func:`after_pull` — what the engine calls after each pull: :func:`relist` when it was a
  resync, then :func:`fetch_announced`.
* :func:`fetch_announced` — after the pull: ``POST /v1/ecerts:fetch`` in chunks, every file
  verified against the pin and the profile schema, kept content-addressed; a file that fails
  is kept in ``quarantine/ecerts/``, its row marked ``invalid`` and an error reported.
"""
from __future__ import annotations

import base64
import hashlib
import logging
from dataclasses import dataclass, field

from ..errors import DeskError, PlatformError
from ..store import kv
from ..store.blobs import blob_path
from . import schema, signing, sps
from . import store as q

log = logging.getLogger(__name__)

PIN_KEY = "ecert.platform_cert"
CHUNK = 500


@dataclass
class FetchResult:
    """What one :func:`fetch_announced` did."""

    fetched: int = 0
    valid: int = 0
    cancelled: int = 0
    invalid: list[str] = field(default_factory=list)   # numbers quarantined


def pinned(conn) -> bytes | None:
    pin = kv.get(conn, PIN_KEY)
    return pin["certificate_pem"].encode("ascii") if pin else None


def pin_platform_certificate(db, client, url: str) -> str:
    """Fetch and pin the platform's signing certificate; its fingerprint."""
    body = client.get("/v1/ecert-signing-certificate")
    pem = body.get("certificate_pem") if isinstance(body, dict) else None
    if not isinstance(pem, str):
        raise PlatformError("平台未提供电子证书签名证书", "the platform sent no e-certificate "
                            "signing certificate")
    fp = signing.fingerprint(pem)
    with db.write() as conn:
        old = kv.get(conn, PIN_KEY)
        if old and old.get("url") == url and old.get("sha256_fingerprint") != fp:
            log.error("platform e-certificate signing certificate changed: %s -> %s",
                      old.get("sha256_fingerprint"), fp)
            raise PlatformError(
                "平台的电子证书签名证书与上次登录时不同，已拒绝更换。请联系平台确认。",
                "the platform's e-certificate signing certificate differs from the pinned "
                "one; the pin was not replaced (ask the platform)")
        kv.put(conn, PIN_KEY, {"url": url, "certificate_pem": pem, "sha256_fingerprint": fp})
    return fp


def announce(conn, changes: list[dict]) -> None:
    """Record a feed page's ``ecert`` changes (the puller calls this with the page)."""
    mine = [c for c in changes if c.get("kind") == "ecert"]
    if mine:
        q.announce(conn, mine)


LIST_LIMIT = 1000


def relist(db, client, attachments_dir) -> int:
    """Announce again every e-certificate of the platform this desk lacks (a resync);
    returns how many."""
    after: str | None = None
    count = 0
    while True:
        params: dict = {"limit": LIST_LIMIT}
        if after:
            params["after"] = after
        body = client.get("/v1/ecerts", params=params)
        items = body.get("ecerts") if isinstance(body, dict) else None
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            raise PlatformError("平台返回的电子证书清单格式不正确", "malformed e-certificate list")
        with db.write() as conn:
            held = {e.number: e for e in q.by_numbers(conn, [x.get("number") for x in items])}
            lacking = [x for x in items if _lacks(held.get(x.get("number")), x,
                                                  attachments_dir)]
            q.announce(conn, lacking)
        count += len(lacking)
        if not body.get("more") or not items:
            return count
        after = body.get("next")


def _lacks(have, item: dict, attachments_dir) -> bool:
    if have is None or have.status in ("announced", "invalid") or have.status != item.get(
            "status"):
        return True
    sha = have.cancel_sha256 if have.status == "cancelled" else have.sha256
    return not sha or not blob_path(attachments_dir, sha).is_file()


def after_pull(db, client, paths, summary) -> FetchResult:
    """After a pull: the e-certificates a resync must rebuild, then every announced one."""
    if summary.resynced:
        relist(db, client, paths.attachments)
    return fetch_announced(db, client, paths.data_dir, paths.attachments, summary)


def fetch_announced(db, client, data_dir, attachments_dir, summary=None) -> FetchResult:
    """Fetch, verify and keep every announced e-certificate."""
    res = FetchResult()
    with db.read() as conn:
        numbers = q.pending(conn)
        pem = pinned(conn)
    if not numbers:
        return res
    if pem is None:
        raise PlatformError("尚未固定平台签名证书，请重新登录平台后再同步。",
                            "no pinned platform signing certificate: log in again, then sync")
    for i in range(0, len(numbers), CHUNK):
        body = client.post("/v1/ecerts:fetch", json={"numbers": numbers[i:i + CHUNK]})
        items = body.get("ecerts") if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise PlatformError("平台返回的电子证书格式不正确", "malformed e-certificate answer")
        checked = [_check(item, pem, res) for item in items]
        with db.write() as conn:
            for item, outcome in zip(items, checked):
                _keep(conn, data_dir, attachments_dir, item, outcome, res)
    if summary is not None and res.invalid:
        summary.errors.append(
            f"{len(res.invalid)} 份电子证书签名无效，已隔离，未作为有效证书显示："
            + ", ".join(res.invalid[:5]))
    return res


def _check(item: dict, pem: bytes, res: FetchResult):
    """``(docs, error)``: the verified documents ``[(bytes, Certificate)]`` or the error."""
    res.fetched += 1
    number = item.get("number", "?")
    docs = []
    for key in ("issued_xml_base64", "xml_base64"):
        if not item.get(key):
            continue
        data = base64.b64decode(item[key])
        try:
            root = signing.verify(data, pem, f"电子证书 {number}")
            schema.check(root, f"电子证书 {number}")
            cert = sps.read(root)
            if cert.number != number:
                raise signing.SignatureInvalid(
                    f"电子证书 {number}：文件中的编号是 {cert.number}",
                    f"e-certificate {number}: the file says number {cert.number}")
        except DeskError as exc:
            return data, exc
        docs.append((data, cert))
    return docs, None


def _keep(conn, data_dir, attachments_dir, item: dict, outcome, res: FetchResult) -> None:
    number = item["number"]
    docs, err = outcome
    if err is not None:
        path = q.quarantine(data_dir, number, docs)
        log.warning("e-certificate %s failed verification, quarantined at %s: %s",
                    number, path, err.message_en)
        q.save(conn, number, status="invalid", error=err.message_zh, sha256=None)
        res.invalid.append(number)
        return
    values = {"inspection_no": item.get("inspection_no"), "cert_type": item.get("type"),
              "type_code": item.get("type_code"), "issued_at": item.get("issued_at"),
              "replaces": item.get("replaces"), "error": None}
    for data, cert in docs:
        sha = q.store_xml(conn, attachments_dir, data)
        assert sha == hashlib.sha256(data).hexdigest()
        if cert.cancelled:
            values.update(cancel_sha256=sha, cancelled_at=item.get("cancelled_at"),
                          status="cancelled")
        else:
            values.update(sha256=sha, status="issued")
    if values.get("status") == "cancelled":
        res.cancelled += 1
    else:
        res.valid += 1
    q.save(conn, number, **values)
