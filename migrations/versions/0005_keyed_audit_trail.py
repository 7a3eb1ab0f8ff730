"""keyed audit trail

Revision ID: 0005
Revises: 0004

``audit_events.hash_alg`` says how an event was hashed: NULL for the plain SHA-256 events recorded
before this revision (they keep verifying), ``hmac-sha256`` for events hashed under the installation's
audit key (``LEVENSLOOP_AUDIT_KEY``).
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hash_alg', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('hash_alg')
