"""Outbox and sync state: items on their way to the portal, their uploads, pulled portal states.

Revision ID: 0002_outbox
Revises: 0001_initial
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_outbox"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_uid", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("idempotency_key", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("last_error_en", sa.Text(), nullable=False),
        sa.Column("retryable", sa.Boolean(), nullable=False),
        sa.Column("remote_id", sa.Integer(), nullable=True),
        sa.Column("base_revision", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_items")),
    )
    for column in ("article_uid", "idempotency_key", "state"):
        op.create_index(f"ix_outbox_items_{column}", "outbox_items", [column])
    op.create_table(
        "outbox_uploads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=255), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("upload_offset", sa.BigInteger(), nullable=False),
        sa.Column("upload_id", sa.String(length=100), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["outbox_items.id"], ondelete="CASCADE",
                                name=op.f("fk_outbox_uploads_item_id_outbox_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_uploads")),
        sa.UniqueConstraint("item_id", "position", name=op.f("uq_outbox_uploads_item_id")),
    )
    op.create_index("ix_outbox_uploads_item_id", "outbox_uploads", ["item_id"])
    op.create_index("ix_outbox_uploads_sha256", "outbox_uploads", ["sha256"])
    op.create_table(
        "remote_submissions",
        sa.Column("remote_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("article_uid", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("last_comment", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("pulled_at", sa.DateTime(), nullable=True),
        sa.Column("submission", sa.JSON(), nullable=False),
        sa.Column("history", sa.JSON(), nullable=False),
        sa.Column("comments", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("remote_id", name=op.f("pk_remote_submissions")),
    )
    op.create_index("ix_remote_submissions_article_uid", "remote_submissions", ["article_uid"])
    op.create_table(
        "sync_values",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_values")),
    )


def downgrade() -> None:
    op.drop_table("sync_values")
    op.drop_table("remote_submissions")
    op.drop_table("outbox_uploads")
    op.drop_table("outbox_items")
