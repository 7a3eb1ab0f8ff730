"""audit_events append-only on PostgreSQL

Revision ID: 0002
Revises: 0001

A trigger refuses UPDATE and DELETE on audit_events, so a tampered trail needs a superuser who
disables triggers. The one permitted UPDATE blanks an event's ``inputs`` (retention purge of
personal data) while every hashed column stays as it was, so the chain still verifies. A key
rotation (``levensloop keys rotate``) re-encrypts ``inputs`` in a transaction that sets
``levensloop.key_rotation``; the hashed ``inputs_digest`` still covers the plaintext, so a changed
value is found by ``audit verify``. SQLite has no such guard: ``levensloop audit verify`` detects
changes there.
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

FUNCTION = """
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.inputs IS NULL OR NEW.inputs::text = 'null'
            OR current_setting('levensloop.key_rotation', true) = 'on')
       AND (NEW.id, NEW.chain, NEW.seq, NEW.type, NEW.actor, NEW.at, NEW.inputs_digest,
            NEW.state_hash, NEW.prev_hash, NEW.hash)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.chain, OLD.seq, OLD.type, OLD.actor, OLD.at, OLD.inputs_digest,
            OLD.state_hash, OLD.prev_hash, OLD.hash) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute("CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
               "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
    op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
