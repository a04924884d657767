"""First schema: declarations and their parts, history, outbox, leases, settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-26

The DDL is frozen here as text so that later changes to ``schema.py`` never alter what
this revision creates.
"""
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DDL = [
    """CREATE TABLE batches (
	id VARCHAR NOT NULL,
	kind VARCHAR NOT NULL,
	state VARCHAR NOT NULL,
	created_at VARCHAR NOT NULL,
	finished_at VARCHAR,
	note TEXT,
	PRIMARY KEY (id)
)""",
    """CREATE TABLE blobs (
	sha256 VARCHAR NOT NULL,
	size INTEGER NOT NULL,
	stored_at VARCHAR NOT NULL,
	uploaded_at VARCHAR,
	PRIMARY KEY (sha256)
)""",
    """CREATE TABLE code_tables (
	name VARCHAR NOT NULL,
	version VARCHAR NOT NULL,
	sha256 VARCHAR NOT NULL,
	content TEXT NOT NULL,
	updated_at VARCHAR NOT NULL,
	PRIMARY KEY (name)
)""",
    """CREATE TABLE declarations (
	id VARCHAR NOT NULL,
	inspection_no VARCHAR,
	direction VARCHAR,
	clearance_mode VARCHAR,
	status VARCHAR NOT NULL,
	declare_bureau VARCHAR,
	contract_no VARCHAR,
	bl_no VARCHAR,
	consignee VARCHAR,
	consignor VARCHAR,
	declarant_uscc VARCHAR,
	agent_uscc VARCHAR,
	goods_summary VARCHAR,
	total_value VARCHAR,
	currency VARCHAR,
	search_text VARCHAR,
	doc TEXT NOT NULL,
	version INTEGER,
	local_rev INTEGER NOT NULL,
	created_at VARCHAR NOT NULL,
	updated_at VARCHAR NOT NULL,
	last_receipt_at VARCHAR,
	status_note VARCHAR,
	valid INTEGER,
	error_count INTEGER,
	warning_count INTEGER,
	issues TEXT,
	validated_rev INTEGER,
	PRIMARY KEY (id),
	UNIQUE (inspection_no)
)""",
    """CREATE INDEX ix_decl_contract ON declarations (contract_no)""",
    """CREATE INDEX ix_decl_consignee ON declarations (consignee)""",
    """CREATE INDEX ix_decl_updated ON declarations (updated_at, id)""",
    """CREATE INDEX ix_decl_status_updated ON declarations (status, updated_at, id)""",
    """CREATE INDEX ix_decl_declarant ON declarations (declarant_uscc, updated_at)""",
    """CREATE INDEX ix_decl_bl ON declarations (bl_no)""",
    """CREATE TABLE enterprises (
	uscc VARCHAR NOT NULL,
	name_cn VARCHAR,
	name_en VARCHAR,
	reg_no VARCHAR,
	credit_grade VARCHAR,
	credit_grade_updated_at VARCHAR,
	is_self INTEGER NOT NULL,
	defaults TEXT,
	synced_at VARCHAR,
	PRIMARY KEY (uscc)
)""",
    """CREATE TABLE kv (
	"key" VARCHAR NOT NULL,
	value TEXT,
	PRIMARY KEY ("key")
)""",
    """CREATE TABLE number_leases (
	lease_id VARCHAR NOT NULL,
	bureau VARCHAR NOT NULL,
	direction VARCHAR NOT NULL,
	year INTEGER NOT NULL,
	first INTEGER NOT NULL,
	last INTEGER NOT NULL,
	next_serial INTEGER NOT NULL,
	expires_at VARCHAR,
	state VARCHAR NOT NULL,
	created_at VARCHAR NOT NULL,
	PRIMARY KEY (lease_id)
)""",
    """CREATE INDEX ix_leases_key ON number_leases (bureau, direction, year, state)""",
    """CREATE TABLE templates (
	id VARCHAR NOT NULL,
	name VARCHAR NOT NULL,
	direction VARCHAR,
	doc TEXT NOT NULL,
	created_at VARCHAR NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uq_templates_name UNIQUE (name)
)""",
    """CREATE TABLE attachments (
	declaration_id VARCHAR NOT NULL,
	seq INTEGER NOT NULL,
	type VARCHAR,
	file_name VARCHAR,
	sha256 VARCHAR,
	size INTEGER,
	PRIMARY KEY (declaration_id, seq),
	FOREIGN KEY(declaration_id) REFERENCES declarations (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_attachments_sha ON attachments (sha256)""",
    """CREATE TABLE batch_items (
	batch_id VARCHAR NOT NULL,
	declaration_id VARCHAR NOT NULL,
	position INTEGER NOT NULL,
	state VARCHAR NOT NULL,
	message TEXT,
	PRIMARY KEY (batch_id, declaration_id),
	FOREIGN KEY(batch_id) REFERENCES batches (id) ON DELETE CASCADE
)""",
    """CREATE TABLE certificates (
	declaration_id VARCHAR NOT NULL,
	seq INTEGER NOT NULL,
	type VARCHAR,
	originals INTEGER,
	copies INTEGER,
	PRIMARY KEY (declaration_id, seq),
	FOREIGN KEY(declaration_id) REFERENCES declarations (id) ON DELETE CASCADE
)""",
    """CREATE TABLE containers (
	declaration_id VARCHAR NOT NULL,
	seq INTEGER NOT NULL,
	number VARCHAR,
	size_type VARCHAR,
	PRIMARY KEY (declaration_id, seq),
	FOREIGN KEY(declaration_id) REFERENCES declarations (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_containers_number ON containers (number)""",
    """CREATE TABLE goods_lines (
	declaration_id VARCHAR NOT NULL,
	seq INTEGER NOT NULL,
	hs_code VARCHAR,
	name_cn VARCHAR,
	quantity VARCHAR,
	quantity_unit VARCHAR,
	net_weight_kg VARCHAR,
	gross_weight_kg VARCHAR,
	value VARCHAR,
	currency VARCHAR,
	origin_country VARCHAR,
	PRIMARY KEY (declaration_id, seq),
	FOREIGN KEY(declaration_id) REFERENCES declarations (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_goods_hs ON goods_lines (hs_code)""",
    """CREATE TABLE outbox (
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
	PRIMARY KEY (mutation_id),
	UNIQUE (seq),
	FOREIGN KEY(declaration_id) REFERENCES declarations (id)
)""",
    """CREATE INDEX ix_outbox_state ON outbox (state, seq)""",
    """CREATE TABLE status_history (
	id INTEGER NOT NULL,
	declaration_id VARCHAR NOT NULL,
	status VARCHAR NOT NULL,
	at VARCHAR NOT NULL,
	note TEXT,
	source VARCHAR NOT NULL,
	version INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(declaration_id) REFERENCES declarations (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_history_decl ON status_history (declaration_id, id)""",
]


def upgrade() -> None:
    for stmt in DDL:
        op.execute(stmt)
    if op.get_bind().dialect.name == "postgresql":  # SQLite numbers an INTEGER PRIMARY KEY
        op.execute("ALTER TABLE status_history ALTER COLUMN id "
                   "ADD GENERATED BY DEFAULT AS IDENTITY")


def downgrade() -> None:
    for table in ['status_history', 'outbox', 'goods_lines', 'containers', 'certificates', 'batch_items', 'attachments', 'templates', 'number_leases', 'kv', 'enterprises', 'declarations', 'code_tables', 'blobs', 'batches']:
        op.execute(f"DROP TABLE IF EXISTS {table}")
