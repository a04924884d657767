"""Document kinds in the outbox and certificates of origin (issue 15).

Revision ID: 0007_origin
Revises: 0004
Create Date: 2026-12-02

* ``outbox.doc_kind`` (default ``declaration``): one outbox for every document kind
  (``client.sync.kinds``). The table is rebuilt without the foreign key of
  ``declaration_id`` to ``declarations`` — that column now holds the id of a document of
  ``doc_kind``. Existing rows keep everything and become ``declaration`` rows.
* ``origin_certificates`` and ``origin_history``: certificates of origin
  (``ciqdesk/origin-certificate@1``, ``client.origin``) and their status history;
  ``client.origin.store`` is the only writer of both.
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_origin"
down_revision = "0006_office"
branch_labels = None
depends_on = None

_OUTBOX = """CREATE TABLE outbox (
	mutation_id VARCHAR NOT NULL,
	seq INTEGER NOT NULL,
	declaration_id VARCHAR NOT NULL,
	kind VARCHAR NOT NULL,
	inspection_no VARCHAR,
	base_version INTEGER,
	payload TEXT,
	state VARCHAR NOT NULL,
	attempts INTEGER NOT NULL,
	created_at VARCHAR NOT NULL,
	sent_at VARCHAR,
	result TEXT,
	last_error TEXT,
	doc_kind VARCHAR NOT NULL DEFAULT 'declaration',
	PRIMARY KEY (mutation_id),
	UNIQUE (seq)
)"""
_COLS = ("mutation_id, seq, declaration_id, kind, inspection_no, base_version, payload, state, "
         "attempts, created_at, sent_at, result, last_error")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # the office store: a column with its default (a renamed table would keep its
        # constraint and index names, which are schema-wide there)
        op.execute("ALTER TABLE outbox ADD COLUMN doc_kind VARCHAR NOT NULL DEFAULT 'declaration'")
    else:
        op.execute("ALTER TABLE outbox RENAME TO outbox_0004")
        op.execute("DROP INDEX IF EXISTS ix_outbox_state")
        op.execute(_OUTBOX)
        op.execute(f"INSERT INTO outbox ({_COLS}, doc_kind) SELECT {_COLS}, 'declaration' "
                   "FROM outbox_0004")
        op.execute("DROP TABLE outbox_0004")
        op.execute("CREATE INDEX ix_outbox_state ON outbox (state, seq)")
    op.create_table(
        "origin_certificates",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("declaration_id", sa.String),          # the 报检单 it was started from
        sa.Column("agreement", sa.String),
        sa.Column("status", sa.String, nullable=False),  # draft ready sent issued rejected
        sa.Column("certificate_no", sa.String),
        sa.Column("issued_on", sa.String),
        sa.Column("exporter_uscc", sa.String),
        sa.Column("consignee_name", sa.String),
        sa.Column("consignee_country", sa.String),
        sa.Column("application_date", sa.String),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("version", sa.Integer),
        sa.Column("status_note", sa.Text),
        sa.Column("valid", sa.Integer),
        sa.Column("error_count", sa.Integer),
        sa.Column("warning_count", sa.Integer),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
    )
    op.create_index("ix_origin_status", "origin_certificates", ["status", "updated_at"])
    op.create_index("ix_origin_decl", "origin_certificates", ["declaration_id"])
    op.create_table(
        "origin_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("certificate_id", sa.String, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("source", sa.String, nullable=False),  # local | platform
    )
    op.create_index("ix_origin_history", "origin_history", ["certificate_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_origin_history", "origin_history")
    op.drop_table("origin_history")
    op.drop_index("ix_origin_decl", "origin_certificates")
    op.drop_index("ix_origin_status", "origin_certificates")
    op.drop_table("origin_certificates")
    op.execute("DELETE FROM outbox WHERE doc_kind != 'declaration'")
    op.execute("ALTER TABLE outbox RENAME TO outbox_0007")
    op.execute("DROP INDEX IF EXISTS ix_outbox_state")
    op.execute(_OUTBOX.replace(",\n\tdoc_kind VARCHAR NOT NULL DEFAULT 'declaration'", "")
               .replace("UNIQUE (seq)", "UNIQUE (seq),\n\tFOREIGN KEY(declaration_id) "
                        "REFERENCES declarations (id)"))
    op.execute(f"INSERT INTO outbox ({_COLS}) SELECT {_COLS} FROM outbox_0007")
    op.execute("DROP TABLE outbox_0007")
    op.execute("CREATE INDEX ix_outbox_state ON outbox (state, seq)")
