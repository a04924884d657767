"""E-certificates the platform issues: UN/CEFACT SPSCertificate 17, signed (issue 14).

When a declaration that asked for certificates of type 14–18 reaches ``certified``, one
e-certificate per requested type is built (:func:`client.ecert.sps.build`), checked against
the profile schema, signed with the platform key (XML-DSig enveloped, RSA-SHA256) and kept
byte for byte. An amendment that is certified again issues a replacement (notes ADRP,
ADRPN, ADRPR, ADRD) and cancels the old certificate: the old one is re-issued with
``StatusCode`` 40 and signed again. Each issue or cancellation is an ``ecert`` change in the
feed. The key and its self-signed certificate are made at first start and kept in
``<data-dir>/ecert/``. Endpoints: PROTOCOL.md "E-certificates". A part of
:class:`sandbox.platform.Platform`.
"""
from __future__ import annotations

import base64
import hashlib
import json

from sqlalchemy import Column, Float, Index, Integer, LargeBinary, String, Table, select

from client.ecert import schema as sps_schema
from client.ecert import signing, sps, tables
from client.ecert.xmlsafe import parse

from . import db
from .protocol import ApiError, iso

ecerts = Table(
    "ecerts", db.metadata,
    Column("number", String, primary_key=True),
    Column("declaration_id", String, nullable=False),
    Column("enterprise_id", Integer, nullable=False),
    Column("inspection_no", String, nullable=False),
    Column("cert_type", String, nullable=False),       # the desk's 证单 code, 14..18
    Column("type_code", String, nullable=False),       # UN/EDIFACT 1001
    Column("version", Integer, nullable=False),        # declaration version it certifies
    Column("status", String, nullable=False),          # issued | cancelled
    Column("issued_at", Float, nullable=False),
    Column("cancelled_at", Float),
    Column("replaces", String),
    Column("xml", LargeBinary, nullable=False),        # as issued (StatusCode 70)
    Column("cancel_xml", LargeBinary),                 # the cancellation (StatusCode 40)
    Index("ix_ecerts_decl", "declaration_id"),
)

MAX_FETCH = 500
MAX_LIST = 5000
ISSUER_NAME = "中华人民共和国海关（检验检疫）/ General Administration of Customs of the P.R.C."


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class EcertMixin:
    """Issuing, cancelling and serving e-certificates (uses ``self.db``, ``self.lock``,
    ``self.settings``, ``self._max_seq()`` of the platform)."""

    # -- the key ------------------------------------------------------------------
    def _ecert_keys(self) -> tuple[bytes, bytes]:
        keys = getattr(self, "_ecert_key_pair", None)
        if keys is None:
            d = self.settings.data_dir / "ecert"
            kp, cp = d / "platform-key.pem", d / "platform-cert.pem"
            if not (kp.is_file() and cp.is_file()):
                d.mkdir(parents=True, exist_ok=True)
                key, cert = signing.make_key_pair("CIQ platform sandbox e-certificates")
                kp.write_bytes(key)
                kp.chmod(0o600)
                cp.write_bytes(cert)
            keys = self._ecert_key_pair = (kp.read_bytes(), cp.read_bytes())
        return keys

    def ecert_signing_certificate(self) -> dict:
        cert = self._ecert_keys()[1]
        return {"certificate_pem": cert.decode("ascii"),
                "sha256_fingerprint": signing.fingerprint(cert),
                "algorithm": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"}

    # -- issuing (called inside the advancing transaction) ------------------------------
    def _sign(self, root) -> bytes:
        problems = sps_schema.errors(root)
        if problems:  # a bug of the builder: never issue outside the profile
            raise RuntimeError(f"e-certificate outside the profile: {problems[:3]}")
        key, cert = self._ecert_keys()
        return signing.sign(root, key, cert)

    def issue_ecerts(self, conn, certified: dict[str, float]) -> int:
        """Issue (or replace) the e-certificates of the declarations that just became
        ``certified`` (``{declaration_id: at}``); returns how many changes it emitted."""
        if not certified:
            return 0
        d, e = db.declarations, ecerts
        rows = []
        for part in db.in_chunks(list(certified)):
            rows.extend(conn.execute(select(d.c.id, d.c.inspection_no, d.c.enterprise_id,
                                            d.c.version, d.c.payload)
                                     .where(d.c.id.in_(part))).all())
        old: dict[str, list] = {}
        for part in db.in_chunks(list(certified)):
            for r in conn.execute(select(e).where(e.c.declaration_id.in_(part),
                                                  e.c.status == "issued")):
                old.setdefault(r.declaration_id, []).append(r)
        seq = self._max_seq(conn)
        new_rows, changes, cancels = [], [], []
        for r in rows:
            payload = json.loads(r.payload)
            at = certified[r.id]
            wanted = []
            for c in payload.get("certificates") or ():
                t = str(c.get("type") or "") if isinstance(c, dict) else ""
                if tables.certificate_type(t) and t not in wanted:
                    wanted.append(t)
            current = {o.cert_type: o for o in old.get(r.id, ())}
            count = len(conn.execute(select(e.c.number).where(
                e.c.declaration_id == r.id)).all())
            for t in wanted:
                prev = current.pop(t, None)
                if prev is not None and prev.version == r.version:
                    continue  # already issued for this version
                count += 1
                number = f"CN{r.inspection_no}-{t}-{count:02d}"
                notes = []
                if prev is not None:
                    notes = [("ADRP", "本证书替换已签发的证书 / this certificate replaces a "
                                      "certificate issued earlier"),
                             ("ADRPN", prev.number),
                             ("ADRPR", f"报检单修改（第{r.version}版）/ amendment of the "
                                       f"declaration (version {r.version})"),
                             ("ADRD", iso(prev.issued_at))]
                    cancels.append(prev)
                root = sps.build(payload, number=number, desk_type=t, issued_at=iso(at),
                                 issuer_id=str(payload.get("release_bureau")
                                               or payload.get("declare_bureau") or ""),
                                 issuer_name=ISSUER_NAME, notes=notes)
                xml = self._sign(root)
                new_rows.append({"number": number, "declaration_id": r.id,
                                 "enterprise_id": r.enterprise_id,
                                 "inspection_no": r.inspection_no, "cert_type": t,
                                 "type_code": tables.certificate_type(t)["type_code"],
                                 "version": r.version, "status": "issued", "issued_at": at,
                                 "cancelled_at": None, "replaces": prev.number if prev else None,
                                 "xml": xml, "cancel_xml": None})
                seq += 1
                changes.append(self._ecert_change(seq, r, number, t, "issued", at, _sha(xml),
                                                  prev.number if prev else None))
            cancels.extend(current.values())  # types no longer asked for
            for prev in cancels:
                if prev.declaration_id != r.id:
                    continue
                cxml = self._cancellation(prev.xml)
                conn.execute(e.update().where(e.c.number == prev.number).values(
                    status="cancelled", cancelled_at=at, cancel_xml=cxml))
                seq += 1
                changes.append(self._ecert_change(seq, r, prev.number, prev.cert_type,
                                                  "cancelled", at, _sha(cxml), None))
        if new_rows:
            conn.execute(e.insert(), new_rows)
        if changes:
            conn.execute(db.changes.insert(), changes)
        return len(changes)

    @staticmethod
    def _ecert_change(seq, r, number, t, status, at, sha, replaces) -> dict:
        body = {"kind": "ecert", "seq": seq, "declaration_id": r.id,
                "inspection_no": r.inspection_no, "number": number, "type": t,
                "status": status, "at": iso(at), "sha256": sha}
        if replaces:
            body["replaces"] = replaces
        return {"seq": seq, "enterprise_id": r.enterprise_id, "kind": "ecert",
                "declaration_id": r.id, "body": json.dumps(body, ensure_ascii=False)}

    def _cancellation(self, issued_xml: bytes) -> bytes:
        """The issued certificate again, ``StatusCode`` 40, signed anew."""
        root = parse(issued_xml, "e-certificate")
        sig = root.find(f"{{{signing.DS_NS}}}Signature")
        if sig is not None:
            root.remove(sig)
        status = root.find("rsm:SPSExchangedDocument/ram:StatusCode", sps.NSMAP)
        status.text = sps.STATUS_CANCELLED
        return self._sign(root)

    # -- serving ------------------------------------------------------------------
    def _ecert_item(self, r) -> dict:
        xml = r.cancel_xml if r.status == "cancelled" else r.xml
        item = {"number": r.number, "declaration_id": r.declaration_id,
                "inspection_no": r.inspection_no, "type": r.cert_type,
                "type_code": r.type_code, "status": r.status, "version": r.version,
                "issued_at": iso(r.issued_at), "cancelled_at": iso(r.cancelled_at),
                "replaces": r.replaces, "sha256": _sha(xml),
                "xml_base64": base64.b64encode(xml).decode("ascii")}
        if r.status == "cancelled":
            item["issued_sha256"] = _sha(r.xml)
            item["issued_xml_base64"] = base64.b64encode(r.xml).decode("ascii")
        return item

    def ecerts_fetch(self, p, numbers) -> dict:
        if (not isinstance(numbers, list) or not numbers or len(numbers) > MAX_FETCH
                or not all(isinstance(n, str) for n in numbers)):
            raise ApiError(400, "invalid_request",
                           f"numbers must be a list of 1..{MAX_FETCH} e-certificate numbers")
        e = ecerts
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(e).where(e.c.number.in_(sorted(set(numbers))),
                                                e.c.enterprise_id.in_(sorted(p.visible)))).all()
        found = {r.number for r in rows}
        return {"ecerts": [self._ecert_item(r) for r in rows],
                "unknown": [n for n in numbers if n not in found]}

    def ecerts_list(self, p, after: str | None, limit: int) -> dict:
        """Every e-certificate this login sees, by number after ``after``, without the XML:
        what a desk rebuilding its store (a resync) fetches again."""
        if not 1 <= limit <= MAX_LIST:
            raise ApiError(400, "invalid_request", f"limit must be 1..{MAX_LIST}")
        e = ecerts
        q = (select(e.c.number, e.c.declaration_id, e.c.inspection_no, e.c.cert_type,
                    e.c.status, e.c.replaces)
             .where(e.c.enterprise_id.in_(sorted(p.visible))).order_by(e.c.number)
             .limit(limit + 1))
        if after:
            q = q.where(e.c.number > after)
        with self.db.engine.connect() as conn:
            rows = conn.execute(q).all()
        more = len(rows) > limit
        rows = rows[:limit]
        return {"ecerts": [{"number": r.number, "declaration_id": r.declaration_id,
                            "inspection_no": r.inspection_no, "type": r.cert_type,
                            "status": r.status, "replaces": r.replaces} for r in rows],
                "next": rows[-1].number if rows else after, "more": more}

    def ecert(self, p, number: str) -> dict:
        out = self.ecerts_fetch(p, [number])
        if not out["ecerts"]:
            raise ApiError(404, "unknown_ecert", f"no e-certificate {number!r}")
        return out["ecerts"][0]

    def declaration_ecerts(self, p, decl_id: str) -> dict:
        from .feeds import find_declaration
        e = ecerts
        with self.db.engine.connect() as conn:
            r = find_declaration(conn, decl_id, p.visible)
            rows = conn.execute(select(e).where(e.c.declaration_id == r.id)
                                .order_by(e.c.issued_at, e.c.number)).all()
        return {"ecerts": [self._ecert_item(x) for x in rows]}

    def has_ecerts(self, conn, decl_id: str) -> bool:
        return conn.execute(select(ecerts.c.number).where(
            ecerts.c.declaration_id == decl_id).limit(1)).first() is not None
