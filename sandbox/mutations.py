"""The mutations batch: ``POST /v1/mutations:batch`` — submit, amend and withdraw.

:meth:`MutationsMixin.apply_batch` checks the request as a whole (size, ``mutation_id``s)
and runs one :class:`_Batch` in one transaction under the write lock. ``_Batch`` applies
the items in order: replays of recorded ``mutation_id``s, then per kind the checks of
PROTOCOL.md "Mutations" (identity, number and lease, declarant and agent, attachments,
the rulebook with the declarant's credit grade), and writes the new and changed
declarations, their status changes and the mutation records at the end. The life-cycle
schedule of an accepted declaration comes from :mod:`sandbox.lifecycle`. A part of
:class:`sandbox.platform.Platform`.
"""
from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, insert, select, update

from client.rules import RuleContext, validate_raw

from . import ciqswitch, clearance, db, dockinds, lifecycle
from .protocol import (DIGITS15, DIRECTION_DIGIT, KINDS, MUTATION_ID, SHA256, ApiError,
                       Principal, canonical_hash, iso, reason, status_change)

if TYPE_CHECKING:
    from .platform import Platform

log = logging.getLogger("sandbox")


def _doc_id(m: dict) -> str | None:
    """The document a mutation names: ``declaration_id``, or ``doc_id`` of another kind."""
    v = m.get("declaration_id") if m.get("doc_kind", dockinds.DECLARATION) == \
        dockinds.DECLARATION else m.get("doc_id")
    return v if isinstance(v, str) else None


#: ``json.dumps(x, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`` and
#: ``json.dumps(x, ensure_ascii=False)`` with the encoder made once (json.dumps builds one
#: per call when given options: tens of thousands per batch of 500)
_canonical = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode
_text = json.JSONEncoder(ensure_ascii=False).encode


def _payload_text(payload: dict) -> str:
    """A declaration as stored: compact JSON with sorted keys, UTF-8 text kept as is (the
    same text the mutation's hash covers, so one serialisation serves both)."""
    return _canonical(payload)


#: the keys of a declaration mutation its hash covers (sandbox.protocol.canonical_hash)
_HASHED = ("kind", "declaration_id", "inspection_no", "base_version", "payload")


def _declaration_hash(m: dict, payload_text: str) -> str:
    """:func:`canonical_hash` of a declaration mutation's hashed keys, given the payload's
    :func:`_payload_text`: the same bytes ``canonical_hash`` would hash, composed around
    the payload's text instead of serialising the payload a second time."""
    def v(x: Any) -> str:
        return _canonical(x)
    text = (f'{{"base_version":{v(m.get("base_version"))},'
            f'"declaration_id":{v(m.get("declaration_id"))},'
            f'"inspection_no":{v(m.get("inspection_no"))},"kind":{v(m.get("kind"))},'
            f'"payload":{payload_text}}}')
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class MutationsMixin:
    """The batch endpoint (uses ``self.db``, ``self.lock``, ``self.settings`` and
    ``self.advance()`` of the platform; :class:`_Batch` uses more)."""

    def apply_batch(self, p: Principal, body: Any) -> dict:
        if not isinstance(body, dict) or not isinstance(body.get("mutations"), list):
            raise ApiError(400, "invalid_request",
                           "body must be {device_id, mutations: [...]}")
        items = body["mutations"]
        if len(items) > self.settings.max_batch:
            raise ApiError(413, "batch_too_large",
                           f"{len(items)} mutations; at most {self.settings.max_batch} per batch")
        for i, m in enumerate(items):
            if not isinstance(m, dict) or not isinstance(m.get("mutation_id"), str) or \
                    not MUTATION_ID.match(m["mutation_id"]):
                raise ApiError(400, "invalid_request",
                               f"mutations[{i}].mutation_id missing or malformed "
                               "(1-64 characters of [0-9A-Za-z_-])", details={"index": i})
        device_id = body.get("device_id") if isinstance(body.get("device_id"), str) \
            else p.device_id
        touched = list({m.get("declaration_id") for m in items
                        if m.get("kind") in ("amend", "withdraw")
                        and isinstance(m.get("declaration_id"), str)})
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn, touched)
            out = _Batch(self, conn, p, device_id).run(items)
        if log.isEnabledFor(logging.INFO):
            counts: dict[str, int] = {}
            for r in out["results"]:
                counts[r["outcome"]] = counts.get(r["outcome"], 0) + 1
            log.info("batch from %s (device %s): %d mutations: %s", p.username, device_id,
                     len(items), ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
        return out


# ---------------------------------------------------------------------------- one batch

class _Batch:
    """One ``mutations:batch`` request, inside one transaction under the write lock."""

    def __init__(self, platform: Platform, conn, p: Principal, device_id: str):
        self.pf = platform
        self.conn = conn
        self.p = p
        self.device_id = device_id
        self.now = platform.now()
        self.today = platform.platform_today()
        self.seq = platform._max_seq(conn)
        self.new_mutations: list[dict] = []
        self.new_changes: list[dict] = []
        self.new_decls: dict[str, dict] = {}       # id -> row to insert
        self.changed_decls: dict[str, dict] = {}   # id -> full row (existing, modified)
        self.by_inspection_no: dict[str, str] = {}
        self.seen_mutations: dict[str, dict] = {}
        self._ent_cache: dict[str, Any] = {}
        self._lease_cache: dict[tuple, list] = {}
        self._existing_rows: dict[str, dict] = {}
        self._taken_nos: set[str] = set()
        self._prefetched_ids: set[str] = set()
        self._prefetched_nos: set[str] = set()
        self._att_sizes: dict[str, int | None] = {}
        self._code_lists: object = None   # the current mutation's code_lists (ciqswitch)
        #: id(payload) -> its _payload_text, made once for the hash and the stored row
        self._payload_texts: dict[int, str] = {}
        self._contexts: dict[tuple, RuleContext] = {}

    # -- lookups ------------------------------------------------------------------
    def enterprise_by_uscc(self, uscc: str | None):
        if uscc not in self._ent_cache:
            self._ent_cache[uscc] = self.conn.execute(select(db.enterprises).where(
                db.enterprises.c.uscc == uscc)).first() if uscc else None
        return self._ent_cache[uscc]

    def prefetch(self, items: list[dict]) -> None:
        """Load, in a few IN queries, every declaration and number the batch names."""
        d = db.declarations
        ids = list({m.get("declaration_id") for m in items
                    if isinstance(m.get("declaration_id"), str)})
        nos = set()
        for m in items:
            no = m.get("inspection_no")
            if no is None and isinstance(m.get("payload"), dict):
                no = m["payload"].get("inspection_no")
            if isinstance(no, str):
                nos.add(no)
        nos_l = list(nos)
        for part in db.in_chunks(ids):
            for r in self.conn.execute(select(d).where(d.c.id.in_(part))):
                self._existing_rows[r.id] = dict(r._mapping)
        for part in db.in_chunks(nos_l):
            for r in self.conn.execute(select(d.c.inspection_no).where(
                    d.c.inspection_no.in_(part))):
                self._taken_nos.add(r.inspection_no)
        self._prefetched_ids = set(ids)
        self._prefetched_nos = nos

    def decl(self, decl_id: str) -> dict | None:
        if decl_id in self.new_decls:
            return self.new_decls[decl_id]
        if decl_id in self.changed_decls:
            return self.changed_decls[decl_id]
        if decl_id in self._prefetched_ids:
            return self._existing_rows.get(decl_id)
        r = self.conn.execute(select(db.declarations).where(
            db.declarations.c.id == decl_id)).first()
        return dict(r._mapping) if r is not None else None

    def inspection_no_taken(self, no: str) -> bool:
        if no in self.by_inspection_no:
            return True
        if no in self._prefetched_nos:
            return no in self._taken_nos
        return self.conn.execute(select(db.declarations.c.id).where(
            db.declarations.c.inspection_no == no)).first() is not None

    def _number_visible(self, no: str) -> bool:
        """Whether the declaration holding ``no`` belongs to an enterprise this login sees."""
        if no in self.by_inspection_no:
            return True
        ent = self.conn.execute(select(db.declarations.c.enterprise_id).where(
            db.declarations.c.inspection_no == no)).scalar()
        return ent is not None and ent in self.p.visible

    def attachment_size(self, sha: str) -> int | None:
        if sha not in self._att_sizes:
            self._att_sizes[sha] = self.pf.has_attachment(sha)
        return self._att_sizes[sha]

    def leases_for(self, bureau: str, digit: str, year: str) -> list:
        key = (bureau, digit, year)
        if key not in self._lease_cache:
            L = db.leases
            self._lease_cache[key] = self.conn.execute(select(L).where(
                L.c.enterprise_id == self.p.id, L.c.bureau == bureau, L.c.type_digit == digit,
                L.c.year == year)).all()
        return self._lease_cache[key]

    def payload_text(self, payload: dict) -> str:
        """:func:`_payload_text` of a payload of this batch (made once, at its hash)."""
        text = self._payload_texts.get(id(payload))
        return text if text is not None else _payload_text(payload)

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    # -- the batch ----------------------------------------------------------------
    def run(self, items: list[dict]) -> dict:
        ids = [m["mutation_id"] for m in items]
        stored = {}
        for part in db.in_chunks(ids):
            for r in self.conn.execute(select(db.mutations).where(
                    db.mutations.c.mutation_id.in_(part))):
                stored[r.mutation_id] = r
        self.prefetch(items)
        results = []
        for m in items:
            mid = m["mutation_id"]
            payload = m.get("payload")
            if m.get("doc_kind", dockinds.DECLARATION) != dockinds.DECLARATION:
                # a declaration's hash is as it always was
                h = canonical_hash({k: m.get(k) for k in _HASHED + ("doc_kind", "doc_id")})
            elif isinstance(payload, dict):
                text = self._payload_texts[id(payload)] = _payload_text(payload)
                h = _declaration_hash(m, text)
            else:
                h = canonical_hash({k: m.get(k) for k in _HASHED})
            first = stored.get(mid)
            if first is not None:
                results.append(self._replay(mid, h, first.enterprise_id, first.payload_hash,
                                            first.outcome, first.version,
                                            json.loads(first.reasons)))
                continue
            if mid in self.seen_mutations:
                s = self.seen_mutations[mid]
                results.append(self._replay(mid, h, self.p.id, s["payload_hash"], s["outcome"],
                                            s["version"], json.loads(s["reasons"])))
                continue
            outcome, version, reasons, record = self._apply(m)
            res = {"mutation_id": mid, "outcome": outcome, "version": version,
                   "reasons": reasons}
            if record:
                row = {"mutation_id": mid, "enterprise_id": self.p.id,
                       "device_id": self.device_id, "kind": m.get("kind"),
                       "declaration_id": _doc_id(m),
                       "payload_hash": h, "outcome": outcome, "version": version,
                       "reasons": _text(reasons),
                       "created_at": self.now}
                self.new_mutations.append(row)
                self.seen_mutations[mid] = row
            else:
                res["retryable"] = True
            results.append(res)
        self._flush()
        return {"results": results}

    def _replay(self, mid, h, ent_id, first_hash, outcome, version, reasons) -> dict:
        if ent_id != self.p.id or first_hash != h:
            return {"mutation_id": mid, "outcome": "rejected", "version": None,
                    "http_status": 422,
                    "reasons": [reason(
                        "mutation_payload_mismatch", "",
                        "同一 mutation_id 已用于内容不同的请求；请勿以相同编号发送不同内容",
                        "this mutation_id was already used with a different payload; a "
                        "mutation_id names one change forever")]}
        return {"mutation_id": mid, "outcome": "duplicate" if outcome == "applied" else outcome,
                "version": version, "reasons": reasons, "replayed": True,
                "first_outcome": outcome}

    def _insert(self, table, rows: list[dict]) -> None:
        """``rows`` into ``table`` with one driver ``executemany`` when they all have the
        same keys (SQLAlchemy's per-row parameter processing costs as much as the insert)."""
        keys = tuple(rows[0])
        if any(tuple(r) != keys for r in rows):
            self.conn.execute(insert(table), rows)
            return
        self.conn.exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})",
            [tuple(r.values()) for r in rows])

    def _flush(self) -> None:
        if self.new_decls:
            self._insert(db.declarations, list(self.new_decls.values()))
        if self.changed_decls:
            d = db.declarations
            cols = ("status", "status_at", "note", "reasons", "version", "payload",
                    "accepted_at", "schedule", "step", "next_due_at", "updated_seq")
            self.conn.execute(update(d).where(d.c.id == bindparam("b_id")).values(
                **{c: bindparam(c) for c in cols}),
                [{"b_id": k, **{c: v[c] for c in cols}} for k, v in self.changed_decls.items()])
        if self.new_changes:
            self._insert(db.changes, self.new_changes)
        if self.new_mutations:
            self._insert(db.mutations, self.new_mutations)

    def doc_change(self, enterprise_id: int, doc_kind: str, doc_id: str, status: str,
                   note: str | None, version: int | None, **extra) -> None:
        """Emit a ``doc_status`` change of another document kind (sandbox.dockinds)."""
        seq = self.next_seq()
        body = dockinds.doc_status_change(seq, doc_kind, doc_id, status, iso(self.now), note,
                                          version, **extra)
        self.new_changes.append({"seq": seq, "enterprise_id": enterprise_id,
                                 "kind": "doc_status", "declaration_id": None,
                                 "body": _text(body)})

    def _status_change(self, row: dict, status: str, note: str) -> None:
        seq = self.next_seq()
        body = status_change(seq, row["id"], row["inspection_no"], status, self.now, note,
                             row["version"])
        self.new_changes.append({"seq": seq, "enterprise_id": row["enterprise_id"],
                                 "kind": "status", "declaration_id": row["id"],
                                 "body": _text(body)})
        row.update(status=status, status_at=self.now, note=note, reasons=None, updated_seq=seq)

    # -- one mutation -> (outcome, version, reasons, record?) -----------------------------
    def _apply(self, m: dict):
        self._code_lists = ciqswitch.code_lists(m)  # the lists its payload is in (issue 13)
        kind = m.get("kind")
        decl_id = m.get("declaration_id")
        doc_kind = m.get("doc_kind", dockinds.DECLARATION)
        if doc_kind != dockinds.DECLARATION:
            handler = dockinds.get(doc_kind) if isinstance(doc_kind, str) else None
            if handler is None:
                return "rejected", None, [reason("unknown_doc_kind", "doc_kind",
                                                 "平台不受理这种文书", f"unknown doc_kind "
                                                 f"{str(doc_kind)[:40]!r}")], True
            if not isinstance(m.get("doc_id"), str) or not m["doc_id"]:
                return "rejected", None, [reason("invalid_mutation", "doc_id", "缺少文书编号",
                                                 "doc_id is required")], True
            return handler.apply(self, m)
        if kind not in KINDS:
            return "rejected", None, [reason("invalid_mutation", "kind",
                                             "未知的操作类型", "kind must be submit, amend or withdraw")], True
        if not isinstance(decl_id, str) or not decl_id:
            return "rejected", None, [reason("invalid_mutation", "declaration_id",
                                             "缺少报检单编号", "declaration_id is required")], True
        if kind == "submit":
            return self._submit(m, decl_id)
        if kind == "amend":
            return self._amend(m, decl_id)
        return self._withdraw(m, decl_id)

    @staticmethod
    def _check_identity(payload: Any, decl_id: str, inspection_no: Any) -> list[dict]:
        if not isinstance(payload, dict):
            return [reason("invalid_mutation", "payload", "缺少报检单内容",
                           "payload must be the declaration JSON object")]
        if payload.get("id") != decl_id:
            return [reason("id_mismatch", "id", "报检单内容中的 id 与 declaration_id 不一致",
                           "payload.id differs from declaration_id")]
        if payload.get("inspection_no") != inspection_no:
            return [reason("inspection_no_mismatch", "inspection_no",
                           "报检单内容中的报检号与请求中的 inspection_no 不一致",
                           "payload.inspection_no differs from the mutation's inspection_no")]
        return []

    def _check_payload(self, payload: Any, decl_id: str, inspection_no: Any):
        """Shared submit/amend checks; returns (reasons, declarant_row, retryable)."""
        r = self._check_identity(payload, decl_id, inspection_no)
        if r:
            return r, None, False
        declarant = payload.get("declarant") if isinstance(payload.get("declarant"), dict) else {}
        uscc = declarant.get("uscc")
        ent = self.enterprise_by_uscc(uscc if isinstance(uscc, str) else None)
        if ent is None or ent.id not in self.p.visible:
            return [reason("declarant_not_permitted", "declarant.uscc",
                           "报检单位不是当前登录企业，也不是其可代理的企业",
                           "the declarant is neither the logged-in enterprise nor one it may "
                           "file for")], None, False
        if ent.id != self.p.id:
            agent = payload.get("agent") if isinstance(payload.get("agent"), dict) else {}
            if agent.get("uscc") != self.p.uscc:
                return [reason("agent_mismatch", "agent.uscc",
                               "代理报检时，代理报检单位须为当前登录的代理企业",
                               "when filing for a client, agent.uscc must be the logged-in "
                               "broker's USCC")], None, False
        sizes: dict[str, int] = {}
        missing = []
        atts = payload.get("attachments") if isinstance(payload.get("attachments"), list) else []
        for i, a in enumerate(atts):
            sha = a.get("sha256") if isinstance(a, dict) else None
            if isinstance(sha, str) and SHA256.match(sha):
                size = self.attachment_size(sha)
                if size is None:
                    missing.append(reason("attachment_missing", f"attachments[{i}].sha256",
                                          "随附单据尚未上传，请先上传 (PUT /v1/attachments/{sha256})",
                                          "attachment not uploaded yet; PUT "
                                          "/v1/attachments/{sha256} first, then resend"))
                else:
                    sizes[sha] = size
        if missing and self.pf.settings.require_attachments:
            return missing, None, True
        payload, refused = ciqswitch.judged_payload(self.pf.codes, payload, self._code_lists)
        if refused:
            return refused, ent, False
        key = (ent.credit_grade, tuple(sorted(sizes.items())))
        ctx = self._contexts.get(key)
        if ctx is None:  # one per grade and attachments within the batch
            ctx = self._contexts[key] = RuleContext(
                codes=self.pf.codes, credit_grade=ent.credit_grade,
                grade_synced_at=datetime.now(timezone.utc), today=self.today,
                attachment_sizes=sizes)
        _decl, issues = validate_raw(payload, ctx)
        errors = [reason(i.code, i.field, i.message_zh, i.message_en)
                  for i in issues if i.severity == "error"]
        return errors, ent, False

    def _submit(self, m: dict, decl_id: str):
        payload = m.get("payload")
        no = m.get("inspection_no")
        if no is None and isinstance(payload, dict):
            no = payload.get("inspection_no")
        existing = self.decl(decl_id)
        if existing is not None and existing["enterprise_id"] in self.p.visible:
            return "rejected", None, [reason("already_submitted", "id",
                                             "该报检单已提交过（另一 mutation_id）",
                                             "this declaration was already submitted under "
                                             "another mutation_id")], True
        # another enterprise's id or number answers as an unknown one would (no oracle)
        r = self._check_identity(payload, decl_id, no)
        if r:
            return "rejected", None, r, True
        if not isinstance(no, str) or not DIGITS15.match(no):
            return "rejected", None, [reason("number_invalid", "inspection_no",
                                             "报检号应为15位数字", "inspection_no must be 15 digits")], True
        if self.inspection_no_taken(no) and self._number_visible(no):
            return "rejected", None, [reason("already_submitted", "inspection_no",
                                             "该报检号已被另一份报检单使用",
                                             "this inspection_no was already submitted")], True
        r = self._check_number(no, payload)
        if r:
            return "rejected", None, r, True
        reasons, ent, retryable = self._check_payload(payload, decl_id, no)
        if reasons:
            return "rejected", None, reasons, not retryable
        if existing is not None or self.inspection_no_taken(no):
            # only reachable with someone else's id (a number from one's own lease cannot
            # be taken by another enterprise): refused like a clash of random ids
            return "rejected", None, [reason("id_unavailable", "id",
                                             "该报检单编号不可用，请重新生成后提交",
                                             "this declaration id cannot be used; "
                                             "generate a new one")], True
        row = {"id": decl_id, "inspection_no": no, "enterprise_id": ent.id,
               "filer_id": self.p.id, "lease_id": self._lease_id, "direction":
               payload.get("direction"), "status": "accepted", "status_at": self.now,
               "note": lifecycle.NOTES["accepted"], "reasons": None, "version": 1,
               "payload": self.payload_text(payload),
               "created_at": self.now}
        self._schedule(row, ent.credit_grade, payload)
        self._status_change(row, "accepted", lifecycle.NOTES["accepted"])
        self.new_decls[decl_id] = row
        self.by_inspection_no[no] = decl_id
        return "applied", 1, [], True

    def _schedule(self, row: dict, grade: str, payload: dict) -> None:
        certs = payload.get("certificates")
        cdn = clearance.clearance_doc_no(payload, row["inspection_no"], row["version"],
                                         self.pf.codes)
        steps = lifecycle.plan(row["id"], row["version"], grade,
                               bool(certs) and isinstance(certs, list), cdn)
        row["schedule"] = _text(steps)
        row["step"] = 0
        row["accepted_at"] = self.now
        row["next_due_at"] = self.now + steps[0][0] / self.pf.settings.time_scale

    def _check_number(self, no: str, payload: dict) -> list[dict]:
        self._lease_id = None
        bureau, digit, year, serial = no[:6], no[6], no[7:9], int(no[9:])
        if payload.get("declare_bureau") != bureau:
            return [reason("number_bureau_mismatch", "inspection_no",
                           "报检号前6位须为受理机构代码 (declare_bureau)",
                           "the first 6 digits of inspection_no must be declare_bureau")]
        want = DIRECTION_DIGIT.get(payload.get("direction"))
        if want is not None and want != digit:
            return [reason("number_direction_mismatch", "inspection_no",
                           "报检号第7位须与出入境方向一致（1 入境，2 出境）",
                           "digit 7 of inspection_no must match the direction (1 in, 2 out)")]
        for lease in self.leases_for(bureau, digit, year):
            if lease.first <= serial <= lease.last:
                void = False
                if lease.closed_at is not None:
                    used = set(json.loads(lease.reported_used or "[]"))
                    void = serial not in used
                elif self.now > lease.expires_at + self.pf.settings.lease_grace:
                    void = True
                if void:
                    return [reason("number_void", "inspection_no",
                                   "该报检号所在号段已关闭或过期，此号已作废",
                                   "this serial was voided (its lease was closed without "
                                   "reporting it as used, or expired)")]
                self._lease_id = lease.id
                return []
        return [reason("number_not_leased", "inspection_no",
                       "报检号不在本企业领用的号段内",
                       "inspection_no is not from a number lease of this enterprise")]

    _lease_id: str | None = None

    def _changeable(self, decl_id: str, m: dict, allowed: frozenset[str], code: str,
                    verb_zh: str, verb_en: str):
        """The declaration an amend or withdraw names, if its status is in ``allowed``:
        ``(row, None)``; else ``(None, the rejection)``, ``code`` naming a wrong status."""
        row = self.decl(decl_id)
        if row is None or row["enterprise_id"] not in self.p.visible:
            return None, ("rejected", None, [reason(
                "unknown_declaration", "declaration_id",
                "平台上没有这份报检单", "no such declaration on the platform")], True)
        no = m.get("inspection_no")
        if no is not None and no != row["inspection_no"]:
            return None, ("rejected", None, [reason(
                "inspection_no_mismatch", "inspection_no", "报检号与平台记录不一致",
                "inspection_no differs from the platform's record")], True)
        if row["filer_id"] != self.p.id and row["enterprise_id"] != self.p.id:
            # a broker changes only what it filed: not what its client filed itself (nor
            # make itself that declaration's agent), not another broker's filing
            return None, ("rejected", None, [reason(
                "not_filer", "declaration_id",
                "代理企业只能修改或撤销由其本身提交的报检单",
                "a broker may amend or withdraw only declarations it filed itself")], True)
        if row["status"] not in allowed:
            return None, ("rejected", row["version"], [reason(
                code, "status", f"当前状态（{row['status']}）不能{verb_zh}",
                f"a declaration in status {row['status']} cannot be {verb_en}",
                status=row["status"])], True)
        return row, None

    def _conflict(self, row: dict):
        return "conflict", row["version"], [reason(
            "stale_version", "base_version",
            f"报检单已更新到版本 {row['version']}，请基于最新版本重新修改",
            f"the declaration is at version {row['version']}; re-base the change on it",
            current_version=row["version"], status=row["status"])], True

    def _amend(self, m: dict, decl_id: str):
        allowed = lifecycle.AMENDABLE
        if self.pf.has_ecerts(self.conn, decl_id):  # replaced after amendment (sandbox.ecert)
            allowed = allowed | {"certified"}
        row, rejected = self._changeable(decl_id, m, allowed, "not_amendable",
                                         "修改", "amended")
        if rejected:
            return rejected
        base = m.get("base_version")
        if not isinstance(base, int) or isinstance(base, bool):
            return "rejected", None, [reason("base_version_required", "base_version",
                                             "修改申请须带 base_version",
                                             "an amendment needs base_version")], True
        if base != row["version"]:
            return self._conflict(row)
        payload = m.get("payload")
        reasons, ent, retryable = self._check_payload(payload, decl_id, row["inspection_no"])
        if reasons:
            return "rejected", row["version"], reasons, not retryable
        if ent.id != row["enterprise_id"]:
            return "rejected", row["version"], [reason(
                "declarant_changed", "declarant.uscc", "修改申请不能更换报检单位",
                "an amendment cannot change the declarant")], True
        row = dict(row)
        row["version"] += 1
        row["payload"] = self.payload_text(payload)
        self._schedule(row, ent.credit_grade, payload)
        self._status_change(row, "accepted", lifecycle.NOTES["amended"])
        self._store(row)
        return "applied", row["version"], [], True

    def _withdraw(self, m: dict, decl_id: str):
        row, rejected = self._changeable(decl_id, m, lifecycle.WITHDRAWABLE,
                                         "not_withdrawable", "撤销", "withdrawn")
        if rejected:
            return rejected
        base = m.get("base_version")
        if base is not None and base != row["version"]:
            return self._conflict(row)
        row = dict(row)
        row["version"] += 1
        row["next_due_at"] = None
        payload = m.get("payload") if isinstance(m.get("payload"), dict) else {}
        note = lifecycle.NOTES["withdrawn"]
        if isinstance(payload.get("reason"), str) and payload["reason"].strip():
            note += f": {payload['reason'].strip()[:200]}"
        self._status_change(row, "withdrawn", note)
        self._store(row)
        return "applied", row["version"], [], True

    def _store(self, row: dict) -> None:
        if row["id"] in self.new_decls:
            self.new_decls[row["id"]] = row
        else:
            self.changed_decls[row["id"]] = row
