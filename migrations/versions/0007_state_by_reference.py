"""states refer to their process version; versioned state hash

Revision ID: 0007
Revises: 0006

Until now every stored state carried its whole process spec (most of its size), decrypted and
deserialized on every step. States now hold the instance only and the spec comes from the version
the instance row names. This rewrites the existing states (decrypted with the installation's data
keys, the spec taken out, encrypted again) where the embedded spec is exactly the one the version
parses to: so hash version 1 of the state, which the trail's last event may have recorded, is
unchanged. A state whose spec SpiffWorkflow changed while it ran keeps it, as new states do
(``engine.spiff.serialization``).

``audit_events.state_hash_version`` says which state hash an event recorded (NULL: version 1, the
events before this revision). On PostgreSQL the append-only trigger keeps it fixed too.
"""
import importlib.util
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

from engine.persistence import crypto
from engine.spiff import serialization
from engine.spiff.bpmn_files import load_specs, parse_models
from engine.spiff.canonical import state_hash

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _revision_0005():
    spec = importlib.util.spec_from_file_location("revision_0005", Path(__file__).with_name("0005_keyed_audit_trail.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _function() -> str:
    """0005's trigger function, with ``state_hash_version`` among the columns that stay fixed."""
    function = _revision_0005().FUNCTION
    for row in ("NEW", "OLD"):
        function = function.replace(f"{row}.hash_alg)", f"{row}.hash_alg, {row}.state_hash_version)")
    return function


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('state_hash_version', sa.Integer(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_function())
    _rewrite_states(op.get_bind(), embedded=False)


def downgrade() -> None:
    _rewrite_states(op.get_bind(), embedded=True)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_revision_0005().FUNCTION)  # it does not name state_hash_version, so it goes first
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('state_hash_version')


def _rewritten(state: dict, specs: str, embedded: bool) -> dict:
    """The state with its spec embedded, or without it if putting the version's spec back gives the
    same version-1 hash (else unchanged)."""
    if embedded:
        return serialization.with_spec(state, specs)
    stripped = serialization.without_spec(state)
    return stripped if state_hash(serialization.with_spec(stripped, specs)) == state_hash(state) else state


def _rewrite_states(bind, embedded: bool) -> None:
    """Bring every stored workflow state to the form ``embedded`` says, one row at a time (memory stays flat)."""
    rows = bind.execute(sa.text("SELECT id, process_version_id FROM process_instances "
                                "WHERE state IS NOT NULL AND purged_at IS NULL ORDER BY id")).all()
    if not rows:
        return
    ring = crypto.KeyRing(crypto.keys_from_environment())
    specs: dict[int, str] = {}
    for instance_id, version_id in rows:
        token = bind.execute(sa.text("SELECT state FROM process_instances WHERE id = :id"), {"id": instance_id}).scalar()
        state = json.loads(ring.decrypt(token))
        if "tasks" not in state or serialization.embeds_spec(state) == embedded:
            continue
        if version_id not in specs:
            specs[version_id] = _specs(bind, version_id)
        rewritten = _rewritten(state, specs[version_id], embedded)
        if rewritten is not state:
            plaintext = json.dumps(rewritten, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            bind.execute(sa.text("UPDATE process_instances SET state = :state WHERE id = :id"),
                         {"state": ring.encrypt(plaintext), "id": instance_id})


def _specs(bind, version_id: int) -> str:
    """The version's serialized spec, parsed from its deployment's files as the engine does."""
    process_id, files, resolved = bind.execute(sa.text(
        "SELECT v.process_id, d.files, d.resolved FROM process_versions v JOIN deployments d ON d.id = v.deployment_id "
        "WHERE v.id = :id"), {"id": version_id}).one()
    files, resolved = (json.loads(v) if isinstance(v, str) else v for v in (files, resolved))
    return serialization.serialized_specs(*load_specs(parse_models({**(resolved or {}), **files}), process_id))
