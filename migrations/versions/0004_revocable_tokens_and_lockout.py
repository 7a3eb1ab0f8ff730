"""revocable tokens and lockout per client

Revision ID: 0004
Revises: 0003

``users.token_generation`` is carried by every bearer token and web session; bumping it revokes them.
``login_failures`` is keyed by (username, client) instead of username alone. Its rows are short-lived
counters, so the table is recreated rather than migrated: a lock in force at upgrade time is lifted.
"""
import sqlalchemy as sa
from alembic import op

import engine.persistence.tables

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _login_failures(*key: str) -> None:
    op.create_table('login_failures',
                    *[sa.Column(name, sa.String(length=100), nullable=False) for name in key],
                    sa.Column('failures', sa.Integer(), nullable=False),
                    sa.Column('locked_until', engine.persistence.tables.UTCDateTime(timezone=True), nullable=True),
                    sa.PrimaryKeyConstraint(*key))


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('token_generation', sa.Integer(), server_default='0', nullable=False))
    op.drop_table('login_failures')
    _login_failures('username', 'client')


def downgrade() -> None:
    op.drop_table('login_failures')
    _login_failures('username')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('token_generation')
