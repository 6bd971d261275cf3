"""A folded copy of title and summary for diacritic- and case-insensitive search (q=).

Revision ID: 0002_search_text
Revises: 0001_initial
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

from review_queue.models import folded_search_text

revision = '0002_search_text'
down_revision = '0001_initial'
branch_labels = None
depends_on = None

_PAGE = 1000
_submissions = sa.table(
    'submissions', sa.column('id', sa.Integer), sa.column('title', sa.Text),
    sa.column('summary', sa.Text), sa.column('search_text', sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_text', sa.Text(), nullable=False,
                                      server_default=''))
    _backfill(op.get_bind())


def _backfill(connection: sa.Connection) -> None:
    """Fold every stored item, a page of ids at a time (bounded memory on a large queue)."""
    last = 0
    while True:
        rows = connection.execute(
            sa.select(_submissions.c.id, _submissions.c.title, _submissions.c.summary)
            .where(_submissions.c.id > last).order_by(_submissions.c.id).limit(_PAGE)).all()
        if not rows:
            return
        for row in rows:
            connection.execute(
                _submissions.update().where(_submissions.c.id == row.id)
                .values(search_text=folded_search_text(row.title or '', row.summary or '')))
        last = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_column('search_text')
