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

A trigger binds only those who cannot disable it, so two roles are created (once per server, if
absent): ``levensloop_owner`` owns ``audit_events`` (and with it the right to alter its trigger);
``levensloop_app``, the role the application runs as, may read and write every table but on
``audit_events`` only SELECT, INSERT and UPDATE of ``inputs``. The downgrade keeps the roles
(other databases on the server may use them) and takes back what this revision granted.
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


ROLES = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'levensloop_owner') THEN
        CREATE ROLE levensloop_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'levensloop_app') THEN
        CREATE ROLE levensloop_app NOLOGIN;
    END IF;
END
$$
"""
GRANTS = (
    "ALTER TABLE audit_events OWNER TO levensloop_owner",
    "GRANT USAGE ON SCHEMA public TO levensloop_app",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO levensloop_app",
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO levensloop_app",
    "REVOKE ALL ON audit_events FROM levensloop_app",
    "GRANT SELECT, INSERT, UPDATE (inputs) ON audit_events TO levensloop_app",
    # tables of later revisions, created by whoever runs the migrations
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO levensloop_app",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO levensloop_app",
)
REVOKES = (
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM levensloop_app",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM levensloop_app",
    "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM levensloop_app",
    "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM levensloop_app",
    "REVOKE USAGE ON SCHEMA public FROM levensloop_app",
    "ALTER TABLE audit_events OWNER TO CURRENT_USER",
)


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
        op.execute(ROLES)
        for statement in GRANTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in REVOKES:
            op.execute(statement)
        op.execute(_revision_0002().FUNCTION)  # it does not name hash_alg, so it goes first
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('hash_alg')
