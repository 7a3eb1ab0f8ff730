"""On PostgreSQL the application runs as ``levensloop_app``: it does all its work, a retention
purge included, but cannot switch off or bypass the append-only trigger of ``audit_events``."""
from datetime import timedelta

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from engine.audit import retention
from engine.audit import verify as audit_verify
from tests.conftest import ON_POSTGRES

pytestmark = [pytest.mark.postgres_only,
              pytest.mark.skipif(not ON_POSTGRES, reason="database roles exist on PostgreSQL only")]


@pytest.fixture
def as_app_role(rt):
    """Every connection of the runtime switches to ``levensloop_app`` as it is opened."""
    engine = rt.session_factory.kw["bind"]
    engine.dispose()

    def set_role(dbapi_connection, _record):
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET ROLE levensloop_app")
        dbapi_connection.commit()

    event.listen(engine, "connect", set_role)
    yield rt
    event.remove(engine, "connect", set_role)
    engine.dispose()


def test_the_app_role_runs_a_case_and_its_purge(as_app_role, clock, scenario):
    rt = as_app_role
    instance_id = scenario()
    clock.advance(timedelta(days=2))
    assert [case.instance_ids for case in retention.purge(rt, 1)] == [[instance_id]]
    assert audit_verify.verify_all(rt)["status"] == "verified"


@pytest.mark.parametrize("statement, refusal", [
    ("ALTER TABLE audit_events DISABLE TRIGGER ALL", "must be owner"),
    ("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only", "must be owner"),
    ("DROP TRIGGER audit_events_append_only ON audit_events", "must be owner"),
    ("SET LOCAL session_replication_role = replica", "permission denied"),
    ("UPDATE audit_events SET actor = 'iemand' WHERE seq = 1", "permission denied"),
    ("DELETE FROM audit_events WHERE seq = 1", "permission denied"),
])
def test_the_app_role_cannot_get_past_the_trigger(as_app_role, scenario, statement, refusal):
    scenario()
    with as_app_role.uow() as uow:
        with pytest.raises(DBAPIError, match=refusal):
            uow.session.execute(text(statement))
