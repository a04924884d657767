"""The platform-assigned 通关单号 in the list (issue 13): ``declarations.clearance_doc_no``.

Revision ID: 0005_ciq
Revises: 0004
Create Date: 2026-12-02

A derived column like ``inspection_no`` (the declaration's JSON keeps the value too), filled
from the JSON of the rows already stored, and added at the end of the covering list index
so ``python -m client list --json`` still reads only that index.
"""
from alembic import op

revision = "0005_ciq"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD = ("updated_at", "id", "status", "search_text", "inspection_no", "direction",
       "clearance_mode", "declare_bureau", "contract_no", "bl_no", "consignee", "consignor",
       "declarant_uscc", "goods_summary", "total_value", "currency", "created_at",
       "last_receipt_at", "status_note", "valid", "error_count", "warning_count", "version")
NEW = OLD + ("clearance_doc_no",)


def upgrade() -> None:
    op.execute("ALTER TABLE declarations ADD COLUMN clearance_doc_no VARCHAR")
    if op.get_bind().dialect.name == "postgresql":
        # the office store's list index is the narrow (updated_at, id) one (0002): no
        # covering index to rebuild; the JSON is text there
        op.execute("UPDATE declarations SET clearance_doc_no = doc::jsonb ->> 'clearance_doc_no' "
                   "WHERE doc::jsonb ? 'clearance_doc_no'")
        return
    op.execute("UPDATE declarations SET clearance_doc_no = json_extract(doc, '$.clearance_doc_no') "
               "WHERE json_valid(doc) AND json_extract(doc, '$.clearance_doc_no') IS NOT NULL")
    op.execute("DROP INDEX ix_decl_list_cover")
    op.execute(f"CREATE INDEX ix_decl_list_cover ON declarations ({', '.join(NEW)})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE declarations DROP COLUMN clearance_doc_no")
        return
    op.execute("DROP INDEX ix_decl_list_cover")
    op.execute(f"CREATE INDEX ix_decl_list_cover ON declarations ({', '.join(OLD)})")
    op.execute("ALTER TABLE declarations DROP COLUMN clearance_doc_no")
