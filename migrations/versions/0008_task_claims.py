"""task claims

Revision ID: 0008
Revises: 0007

Who holds a ready task (``tasks.claimed_by``, since ``claimed_at``): written only by the engine when a
worker claims, releases or assigns a task, so a claimed task is not completed by someone else.
"""
import sqlalchemy as sa
from alembic import op

import engine.persistence.tables

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('claimed_at', engine.persistence.tables.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_tasks_claimed_by', ['claimed_by'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_index('ix_tasks_claimed_by')
        batch_op.drop_column('claimed_at')
        batch_op.drop_column('claimed_by')
