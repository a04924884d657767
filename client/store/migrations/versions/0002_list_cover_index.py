"""A covering index for the declarations list and the search box.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Each ``declarations`` row carries the full interchange JSON (a few KB), so walking the
table for the search box reads one page per declaration. This index holds every column the
list shows plus ``search_text``, in list order, so listing and searching read only the
index (a narrow copy SQLite keeps up to date by itself).
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = ("updated_at", "id", "status", "search_text", "inspection_no", "direction",
           "clearance_mode", "declare_bureau", "contract_no", "bl_no", "consignee", "consignor",
           "declarant_uscc", "goods_summary", "total_value", "currency", "created_at",
           "last_receipt_at", "status_note", "valid", "error_count", "warning_count", "version")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # a B-tree entry is limited to ~2.7 KB (search_text can be longer): the list key
        # only; PostgreSQL reads the rows through it (the office store, issue 16)
        op.execute("CREATE INDEX ix_decl_list_cover ON declarations (updated_at, id)")
    else:
        op.execute(f"CREATE INDEX ix_decl_list_cover ON declarations ({', '.join(COLUMNS)})")
    op.execute("DROP INDEX ix_decl_updated")


def downgrade() -> None:
    op.execute("CREATE INDEX ix_decl_updated ON declarations (updated_at, id)")
    op.execute("DROP INDEX ix_decl_list_cover")
