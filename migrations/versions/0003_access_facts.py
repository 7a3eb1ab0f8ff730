"""need-to-know facts in engine-owned columns

Revision ID: 0003
Revises: 0002

Until now access was decided from process data (``duo``, ``regio``, ``adviestafel_dossier``), which
a form could extend. This adds the columns the engine alone writes — the instance's region and
referral, the casus's referral — and the ``case_assignments`` history of the duo, fills them from
the current states (decrypted with the installation's data keys), and drops the casus's duo
columns, which the assignments replace.
"""
import json

import sqlalchemy as sa
from alembic import op

from engine.persistence import crypto
from engine.ports.casemanagers import region_code
from engine.spiff.state_data import state_data

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

DUO_ROLES = ("casemanager_zorg", "casusregisseur_gemeente")


def upgrade():
    op.create_table(
        'case_assignments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('casus_id', sa.String(length=36), nullable=True),
        sa.Column('instance_id', sa.String(length=36), nullable=False),
        sa.Column('username', sa.String(length=100), nullable=False),
        sa.Column('role', sa.String(length=100), nullable=False),
        sa.Column('assigned_from', sa.DateTime(timezone=True), nullable=False),
        sa.Column('assigned_until', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['casus_id'], ['casussen.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('case_assignments') as batch_op:
        batch_op.create_index('ix_case_assignments_casus_id', ['casus_id'])
        batch_op.create_index('ix_case_assignments_instance_id', ['instance_id'])
        batch_op.create_index('ix_case_assignments_user_open', ['username', 'assigned_until'])
    with op.batch_alter_table('process_instances') as batch_op:
        batch_op.add_column(sa.Column('region', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('referred_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_process_instances_region', ['region'])
        batch_op.create_index('ix_process_instances_started_by', ['started_by'])
    with op.batch_alter_table('casussen') as batch_op:
        batch_op.add_column(sa.Column('referred_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_casussen_created_at', ['created_at'])
        batch_op.create_index('ix_casussen_aanmelder', ['aanmelder'])
    _fill_from_states(op.get_bind())
    op.drop_index('ix_casussen_casemanager_zorg', table_name='casussen')
    op.drop_index('ix_casussen_casusregisseur_gemeente', table_name='casussen')
    # a plain DROP COLUMN (SQLite 3.35+): a batch rebuild of casussen would trip the rows referring to it
    op.execute("ALTER TABLE casussen DROP COLUMN casemanager_zorg")
    op.execute("ALTER TABLE casussen DROP COLUMN casusregisseur_gemeente")


def _fill_from_states(bind) -> None:
    """Region, referral and duo of every existing case, from its casus row and its instances' data."""
    instances = bind.execute(sa.text(
        "SELECT id, casus_id, state, updated_at FROM process_instances ORDER BY casus_id, cycle, started_at")).all()
    if not instances:
        return
    ring = crypto.KeyRing(crypto.keys_from_environment())
    casussen = {row.id: row for row in bind.execute(sa.text(
        "SELECT id, region, casemanager_zorg, casusregisseur_gemeente FROM casussen"))}
    duos: dict[str, tuple] = {}  # case key -> (instance id, at, {role: username}); the newest wins
    for row in instances:
        data = state_data(_decrypted(ring, row.state))
        casus = casussen.get(row.casus_id)
        region = casus.region if casus else region_code(data.get("regio"))
        bind.execute(sa.text("UPDATE process_instances SET region = :region WHERE id = :id"),
                     {"region": region, "id": row.id})
        if isinstance(data.get("adviestafel_dossier"), dict):
            table, key = ("casussen", row.casus_id) if casus else ("process_instances", row.id)
            bind.execute(sa.text(f"UPDATE {table} SET referred_at = :at WHERE id = :id AND referred_at IS NULL"),
                         {"at": row.updated_at, "id": key})
        duo = _duo(data.get("duo"))
        if duo:
            duos[row.casus_id or row.id] = (row.id, row.updated_at, duo)
    for casus in casussen.values():
        columns = {role: getattr(casus, role) for role in DUO_ROLES if getattr(casus, role)}
        if columns and casus.id not in duos:
            first = next((r for r in instances if r.casus_id == casus.id), None)
            if first is not None:
                duos[casus.id] = (first.id, first.updated_at, columns)
    for key, (instance_id, at, duo) in duos.items():
        for role, username in duo.items():
            bind.execute(sa.text(
                "INSERT INTO case_assignments (casus_id, instance_id, username, role, assigned_from) "
                "VALUES (:casus_id, :instance_id, :username, :role, :at)"),
                {"casus_id": key if key in casussen else None, "instance_id": instance_id, "username": username,
                 "role": role, "at": at})


def _decrypted(ring, token) -> dict:
    return json.loads(ring.decrypt(token)) if token else {}


def _duo(value) -> dict:
    if not isinstance(value, dict):
        return {}
    return {role: str(value[role]["id"]) for role in DUO_ROLES
            if isinstance(value.get(role), dict) and value[role].get("id")}


def downgrade():
    with op.batch_alter_table('casussen') as batch_op:
        batch_op.add_column(sa.Column('casemanager_zorg', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('casusregisseur_gemeente', sa.String(length=100), nullable=True))
        batch_op.create_index('ix_casussen_casemanager_zorg', ['casemanager_zorg'])
        batch_op.create_index('ix_casussen_casusregisseur_gemeente', ['casusregisseur_gemeente'])
        batch_op.drop_index('ix_casussen_aanmelder')
        batch_op.drop_index('ix_casussen_created_at')
        batch_op.drop_column('referred_at')
    with op.batch_alter_table('process_instances') as batch_op:
        batch_op.drop_index('ix_process_instances_started_by')
        batch_op.drop_index('ix_process_instances_region')
        batch_op.drop_column('referred_at')
        batch_op.drop_column('region')
    op.drop_table('case_assignments')
