"""The fingerprint of the create body sent with each Idempotency-Key.

A key reused with a different body is refused instead of silently answered with the first
submission. Items created before this revision have no fingerprint and replay as before.

Revision ID: 0004_request_hash
Revises: 0003_login_failures
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = '0004_request_hash'
down_revision = '0003_login_failures'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('request_hash', sa.String(length=64), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_column('request_hash')
