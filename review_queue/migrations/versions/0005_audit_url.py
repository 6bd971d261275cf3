"""The portal address of a publish, in its own audit column (it used to end the comment).

ADD COLUMN in place (no table copy), so the append-only triggers on audit_entries stay. Older
publish entries are not rewritten (the table is append-only); the API fills their ``url`` from
the item's ``published_url`` when it reads them.

Revision ID: 0005_audit_url
Revises: 0004_request_hash
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = '0005_audit_url'
down_revision = '0004_request_hash'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_entries', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('url', sa.Text(), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+, PostgreSQL): a table copy would lose the triggers.
    op.execute('ALTER TABLE audit_entries DROP COLUMN url')
