"""indexes behind the need-to-know scopes

Revision ID: 0006
Revises: 0005

The duo scope reaches instances through ``process_instances.casus_id``, and the worklist the open tasks of
those instances through (state, instance_id): without these indexes both scanned every row, so a
casemanager's lists grew with the number of casussen in the region.
"""
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_process_instances_casus_id', 'process_instances', ['casus_id'])
    op.create_index('ix_tasks_state_instance', 'tasks', ['state', 'instance_id'])


def downgrade() -> None:
    op.drop_index('ix_tasks_state_instance', table_name='tasks')
    op.drop_index('ix_process_instances_casus_id', table_name='process_instances')
