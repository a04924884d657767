"""The local store's tables (SQLAlchemy Core).

Alembic migrations in ``migrations/versions`` create and change these tables; this module
describes the current schema for queries. A change here needs a new migration (and a
sample database of the released schema in ``tests/data/`` to test the upgrade).

Times are ISO-8601 UTC strings with microseconds (``2026-11-26T23:01:04.123456Z``), which
sort as text. The declaration's full interchange JSON is kept in ``declarations.doc``;
the other columns of ``declarations`` and the child tables are derived from it on every
save and exist for listing, searching and joining.
"""
from __future__ import annotations

from sqlalchemy import (Column, ForeignKey, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

metadata = MetaData()

declarations = Table(
    "declarations", metadata,
    Column("id", String, primary_key=True),
    Column("inspection_no", String, unique=True),
    Column("direction", String),
    Column("clearance_mode", String),
    # local lifecycle + platform status: draft, ready, sent, accepted, under_review,
    # inspection, released, certified, rejected, withdrawn
    Column("status", String, nullable=False, default="draft"),
    Column("declare_bureau", String),
    Column("contract_no", String),
    Column("bl_no", String),
    Column("consignee", String),
    Column("consignor", String),
    Column("declarant_uscc", String),
    Column("agent_uscc", String),
    Column("goods_summary", String),
    Column("total_value", String),
    Column("currency", String),
    Column("search_text", String),  # lower-cased haystack for the search box
    Column("doc", Text, nullable=False),
    Column("version", Integer),  # the platform's version once submitted
    Column("local_rev", Integer, nullable=False, default=1),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("last_receipt_at", String),
    Column("status_note", String),
    # 通关单号 the platform issued on release (issue 13, migration 0005_ciq)
    Column("clearance_doc_no", String),
    # latest validation result: NULL = not validated since last change
    Column("valid", Integer),
    Column("error_count", Integer),
    Column("warning_count", Integer),
    Column("issues", Text),
    Column("validated_rev", Integer),
    # the office store (migration 0006_office): who finalised it, who saved this local_rev
    Column("filed_by", String),
    Column("saved_by", String),
    # covering index for the list and the search box (migrations 0002, 0005_ciq)
    Index("ix_decl_list_cover", "updated_at", "id", "status", "search_text", "inspection_no",
          "direction", "clearance_mode", "declare_bureau", "contract_no", "bl_no", "consignee",
          "consignor", "declarant_uscc", "goods_summary", "total_value", "currency", "created_at",
          "last_receipt_at", "status_note", "valid", "error_count", "warning_count", "version",
          "clearance_doc_no"),
    Index("ix_decl_status_updated", "status", "updated_at", "id"),
    Index("ix_decl_contract", "contract_no"),
    Index("ix_decl_bl", "bl_no"),
    Index("ix_decl_consignee", "consignee"),
    Index("ix_decl_declarant", "declarant_uscc", "updated_at"),
)

goods_lines = Table(
    "goods_lines", metadata,
    Column("declaration_id", String, ForeignKey("declarations.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True),  # position in the list (0-based)
    Column("hs_code", String),
    Column("name_cn", String),
    Column("quantity", String),
    Column("quantity_unit", String),
    Column("net_weight_kg", String),
    Column("gross_weight_kg", String),
    Column("value", String),
    Column("currency", String),
    Column("origin_country", String),
    Index("ix_goods_hs", "hs_code"),
)

containers = Table(
    "containers", metadata,
    Column("declaration_id", String, ForeignKey("declarations.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("number", String),
    Column("size_type", String),
    Index("ix_containers_number", "number"),
)

attachments = Table(
    "attachments", metadata,
    Column("declaration_id", String, ForeignKey("declarations.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("type", String),
    Column("file_name", String),
    Column("sha256", String),
    Column("size", Integer),
    Index("ix_attachments_sha", "sha256"),
)

blobs = Table(
    "blobs", metadata,
    Column("sha256", String, primary_key=True),
    Column("size", Integer, nullable=False),
    Column("stored_at", String, nullable=False),
    Column("uploaded_at", String),
)

certificates = Table(
    "certificates", metadata,
    Column("declaration_id", String, ForeignKey("declarations.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("type", String),
    Column("originals", Integer),
    Column("copies", Integer),
)

status_history = Table(
    "status_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("declaration_id", String, ForeignKey("declarations.id", ondelete="CASCADE"),
           nullable=False),
    Column("status", String, nullable=False),
    Column("at", String, nullable=False),
    Column("note", Text),
    Column("source", String, nullable=False),  # local | platform
    Column("version", Integer),
    # the declarant's credit grade in force when a ``released`` row was written (0009)
    Column("credit_grade", String),
    Index("ix_history_decl", "declaration_id", "id"),
)

outbox = Table(
    "outbox", metadata,
    Column("mutation_id", String, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # send order
    # the document's id: a declaration's, or another kind's (doc_kind; no foreign key
    # since migration 0007_origin)
    Column("declaration_id", String, nullable=False),
    Column("kind", String, nullable=False),  # submit | amend | withdraw (the operation)
    Column("inspection_no", String),
    Column("base_version", Integer),
    Column("payload", Text),
    Column("state", String, nullable=False, default="pending"),
    # pending | applied | duplicate | rejected | conflict
    Column("attempts", Integer, nullable=False, default=0),
    Column("created_at", String, nullable=False),
    Column("sent_at", String),
    Column("result", Text),
    Column("last_error", Text),
    # declaration | origin_certificate | ... (client.sync.kinds; migration 0007_origin)
    Column("doc_kind", String, nullable=False, default="declaration"),
    Index("ix_outbox_state", "state", "seq"),
)

number_leases = Table(
    "number_leases", metadata,
    Column("lease_id", String, primary_key=True),
    Column("bureau", String, nullable=False),
    Column("direction", String, nullable=False),
    Column("year", Integer, nullable=False),
    Column("first", Integer, nullable=False),
    Column("last", Integer, nullable=False),
    Column("next_serial", Integer, nullable=False),
    Column("expires_at", String),
    Column("state", String, nullable=False, default="open"),  # open | closing | closed
    Column("created_at", String, nullable=False),
    Index("ix_leases_key", "bureau", "direction", "year", "state"),
)

kv = Table(
    "kv", metadata,
    Column("key", String, primary_key=True),
    Column("value", Text),
)

code_tables = Table(
    "code_tables", metadata,
    Column("name", String, primary_key=True),
    Column("version", String, nullable=False),
    Column("sha256", String, nullable=False),
    Column("content", Text, nullable=False),
    Column("updated_at", String, nullable=False),
)

enterprises = Table(
    "enterprises", metadata,
    Column("uscc", String, primary_key=True),
    Column("name_cn", String),
    Column("name_en", String),
    Column("reg_no", String),
    Column("credit_grade", String),
    Column("credit_grade_updated_at", String),
    Column("is_self", Integer, nullable=False, default=0),
    Column("defaults", Text),  # JSON: per-client defaults for new declarations
    Column("synced_at", String),
)

templates = Table(
    "templates", metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("direction", String),
    Column("doc", Text, nullable=False),
    Column("created_at", String, nullable=False),
    UniqueConstraint("name", name="uq_templates_name"),
)

batches = Table(
    "batches", metadata,
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False),  # finalise | submit | import
    Column("state", String, nullable=False),  # running | paused | done
    Column("created_at", String, nullable=False),
    Column("finished_at", String),
    Column("note", Text),
)

batch_items = Table(
    "batch_items", metadata,
    Column("batch_id", String, ForeignKey("batches.id", ondelete="CASCADE"), primary_key=True),
    Column("declaration_id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("state", String, nullable=False, default="pending"),  # pending | done | failed
    Column("message", Text),
)

# -- certificates of origin (issue 15, migration 0007_origin; client.origin.store writes) --

origin_certificates = Table(
    "origin_certificates", metadata,
    Column("id", String, primary_key=True),
    Column("declaration_id", String),  # the outbound 报检单 it was started from
    Column("agreement", String),
    Column("status", String, nullable=False),  # draft | ready | sent | issued | rejected
    Column("certificate_no", String),
    Column("issued_on", String),
    Column("exporter_uscc", String),
    Column("consignee_name", String),
    Column("consignee_country", String),
    Column("application_date", String),
    Column("doc", Text, nullable=False),  # ciqdesk/origin-certificate@1 JSON
    Column("version", Integer),
    Column("status_note", Text),
    Column("valid", Integer),
    Column("error_count", Integer),
    Column("warning_count", Integer),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Index("ix_origin_status", "status", "updated_at"),
    Index("ix_origin_decl", "declaration_id"),
)

origin_history = Table(
    "origin_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("certificate_id", String, nullable=False),
    Column("status", String, nullable=False),
    Column("at", String, nullable=False),
    Column("note", Text),
    Column("source", String, nullable=False),  # local | platform
    Index("ix_origin_history", "certificate_id", "id"),
)

#: who has a declaration open in an editor (migration 0006_office): one row per desk,
#: ``heartbeat_at`` renewed while open, older than ``services.office.PRESENCE_TIMEOUT_S``
#: counts as gone
presence = Table(
    "presence", metadata,
    Column("declaration_id", String, primary_key=True),
    Column("desk", String, primary_key=True),
    Column("user_name", String),
    Column("opened_at", String, nullable=False),
    Column("heartbeat_at", String, nullable=False),
)

#: deleted drafts, kept ``draft_bin.KEEP_DAYS`` days so a deletion can be taken back
#: (migration 0012_draft_bin): the document as stored, and the columns the bin lists
deleted_drafts = Table(
    "deleted_drafts", metadata,
    Column("id", String, primary_key=True),
    Column("doc", Text, nullable=False),
    Column("deleted_at", String, nullable=False),
    Column("deleted_by", String),
    Column("direction", String),
    Column("contract_no", String),
    Column("party", String),
    Column("goods", String),
    Index("ix_deleted_drafts_at", "deleted_at"),
)
