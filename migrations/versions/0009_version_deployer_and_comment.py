"""who deployed a version, and the deploy comment

Revision ID: 0009
Revises: 0008

A version page says who deployed it, when, and why (the optional deploy comment). Both are kept on
the version row, since a deployment row is shared when a model is reverted to earlier content.
Existing versions take the deployer of their deployment.
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('process_versions', sa.Column('deployed_by', sa.String(length=100), nullable=True))
    op.add_column('process_versions', sa.Column('comment', sa.Text(), nullable=True))
    op.execute("UPDATE process_versions SET deployed_by = "
               "(SELECT deployed_by FROM deployments WHERE deployments.id = process_versions.deployment_id)")


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite 3.35+): a batch rebuild of process_versions would trip the rows referring to it
    op.execute("ALTER TABLE process_versions DROP COLUMN comment")
    op.execute("ALTER TABLE process_versions DROP COLUMN deployed_by")
