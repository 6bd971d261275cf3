"""Login throttling per user name, for unknown names too (so refusals look alike).

Revision ID: 0003_login_failures
Revises: 0002_search_text
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = '0003_login_failures'
down_revision = '0002_search_text'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('login_failures',
    sa.Column('name_hash', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', sa.DateTime(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('name_hash')
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_failures_last_failure_at'),
                              ['last_failure_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failures_last_failure_at'))
    op.drop_table('login_failures')
