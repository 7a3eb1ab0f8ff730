"""On PostgreSQL the application runs as ``levensloop_app``: it does all its work, a retention
purge included, but cannot switch off or bypass the append-only trigger of ``audit_events``."""
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from engine.audit import retention
from engine.audit import verify as audit_verify
from engine.persistence.db import make_engine
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


@pytest.fixture
def login_name(rt):
    """A login role made by the test, dropped afterwards (roles belong to the whole server)."""
    name = f"levensloop_web_{uuid.uuid4().hex[:8]}"
    yield name
    with rt.session_factory.kw["bind"].begin() as connection:
        connection.execute(text(f"DROP ROLE IF EXISTS {name}"))


def test_db_app_login_makes_a_member_of_the_app_role_that_cannot_switch_off_the_trigger(app, rt, login_name, scenario):
    scenario()
    runner = app.test_cli_runner()
    made = runner.invoke(args=["db", "app-login", login_name], env={"LEVENSLOOP_APP_DB_PASSWORD": "x" * 20})
    assert made.exit_code == 0 and f"Databaserol {login_name} aangemaakt" in made.output, made.output
    again = runner.invoke(args=["db", "app-login", login_name], env={"LEVENSLOOP_APP_DB_PASSWORD": "y" * 20})
    assert again.exit_code == 0 and "bijgewerkt" in again.output
    url = make_url(app.config["DATABASE_URL"]).set(username=login_name, password="y" * 20)
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM audit_events")).scalar() > 0
            with pytest.raises(DBAPIError, match="must be owner"):
                connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER ALL"))
    finally:
        engine.dispose()


def test_db_app_login_refuses_bad_names_and_short_passwords_in_dutch(app):
    runner = app.test_cli_runner()
    bad = runner.invoke(args=["db", "app-login", "Robert'); DROP"], env={"LEVENSLOOP_APP_DB_PASSWORD": "x" * 20})
    assert bad.exit_code == 1 and "Ongeldige rolnaam" in bad.output and "Traceback" not in bad.output
    short = runner.invoke(args=["db", "app-login", "levensloop_web"], env={"LEVENSLOOP_APP_DB_PASSWORD": "kort"})
    assert short.exit_code == 1 and "Minstens 16 tekens" in short.output
