"""keyed audit trail

Revision ID: 0005
Revises: 0004

``audit_events.hash_alg`` says how an event was hashed: NULL for the plain SHA-256 events recorded
before this revision (they keep verifying), ``hmac-sha256`` for events hashed under the installation's
audit key (``LEVENSLOOP_AUDIT_KEY``).

On PostgreSQL the append-only trigger of 0002 gets stricter: every hashed column and ``hash_alg``
stay fixed; a key rotation (``levensloop.key_rotation``) may re-encrypt ``inputs`` but not blank
them; blanking ``inputs`` is allowed only to the retention purge, whose transaction sets
``levensloop.purge_chain`` to the event's chain, and only once that instance is marked purged.
"""
import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

FUNCTION = """
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.id, NEW.chain, NEW.seq, NEW.type, NEW.actor, NEW.at, NEW.inputs_digest,
            NEW.state_hash, NEW.prev_hash, NEW.hash, NEW.hash_alg)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.chain, OLD.seq, OLD.type, OLD.actor, OLD.at, OLD.inputs_digest,
            OLD.state_hash, OLD.prev_hash, OLD.hash, OLD.hash_alg)
       AND ((current_setting('levensloop.key_rotation', true) = 'on'
             AND NEW.inputs IS NOT NULL AND NEW.inputs::text <> 'null')
            OR ((NEW.inputs IS NULL OR NEW.inputs::text = 'null')
                AND current_setting('levensloop.purge_chain', true) = OLD.chain
                AND EXISTS (SELECT 1 FROM process_instances
                            WHERE id = OLD.chain AND purged_at IS NOT NULL))) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""


def _revision_0002():
    spec = importlib.util.spec_from_file_location("revision_0002", Path(__file__).with_name(
        "0002_audit_events_append_only.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hash_alg', sa.String(length=20), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_revision_0002().FUNCTION)  # it does not name hash_alg, so it goes first
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('hash_alg')
