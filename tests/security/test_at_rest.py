"""Personal data at rest: a registered person's name and BSN never reach the database in plain
text, the audit chain and replay still verify, and a key rotation re-encrypts every value."""
from pathlib import Path

import pytest
from sqlalchemy import MetaData, select, text

from engine.audit import replay
from engine.audit import verify as audit_verify
from engine.instances import queries
from engine.persistence import crypto, key_rotation
from engine.persistence.tables import AuditEvent, ProcessInstance
from tests.conftest import ON_POSTGRES, actor
from tests.scenarios import formdata as f
from tests.security.ketencase import BSN, NAAM, SECRETS, driver, register  # noqa: F401 (fixture)

AUDITOR = actor("auditor")
OLD_KEY, NEW_KEY = crypto.generate_key(), crypto.generate_key()
ENV_KEY = crypto.keys_from_environment()[0]  # the session's key (tests/conftest.py)


@pytest.fixture
def key_ring():
    """Install key rings per test; afterwards the environment's ring again, as build_runtime does."""
    yield crypto.install
    crypto.install(crypto.keys_from_environment())


def database_files(rt) -> list[Path]:
    path = Path(rt.session_factory.kw["bind"].url.database)
    return [p for p in (path, path.with_name(path.name + "-wal")) if p.exists()]


def raw_rows(rt) -> str:
    """Every row of every table as PostgreSQL prints it: what a database dump would show."""
    engine = rt.session_factory.kw["bind"]
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        return "\n".join(str(row) for table in meta.sorted_tables
                         for row in conn.execute(text(f'SELECT t::text FROM "{table.name}" t')))


def test_a_registered_person_is_not_in_the_database_in_plain_text(rt, driver):
    intake = register(driver)
    driver.complete(intake, "melding_aan_persoon", f.MELDING_GEDAAN)
    assert driver.data(intake)["persoon"]["naam"] == NAAM  # the engine itself reads it back
    if ON_POSTGRES:
        stored = raw_rows(rt)
        assert intake in stored  # the dump does hold the case
        for secret in SECRETS:
            assert secret not in stored
    else:
        files = database_files(rt)
        assert any(intake.encode() in p.read_bytes() for p in files)
        for path in files:
            content = path.read_bytes()
            for secret in SECRETS:
                assert secret.encode() not in content, f"{secret} in {path.name}"


def test_the_audit_chain_and_replay_still_verify_over_encrypted_data(rt, driver):
    intake = register(driver)
    driver.complete(intake, "melding_aan_persoon", f.MELDING_GEDAAN)
    assert audit_verify.verify_all(rt)["status"] == "verified"
    assert replay.replay(rt, intake, AUDITOR)["status"] == "verified"


def test_rotation_re_encrypts_every_value_so_the_old_key_can_go(rt, driver, key_ring):
    key_ring([OLD_KEY, ENV_KEY])  # the deployment events were written with the latter
    intake = register(driver)
    key_ring([NEW_KEY, OLD_KEY, ENV_KEY])
    counts = key_rotation.rotate(rt, batch_size=3)
    assert counts["process_instances.state"]["rotated"] >= 1
    assert counts["audit_events.inputs"]["rotated"] >= 2
    assert key_rotation.rotate(rt)["audit_events.inputs"]["rotated"] == 0  # a second run has nothing to do
    key_ring([NEW_KEY])
    assert queries.get_instance(rt, intake, AUDITOR)["data"]["persoon"]["bsn"] == BSN
    assert audit_verify.verify_all(rt)["status"] == "verified"
    assert replay.replay(rt, intake, AUDITOR)["status"] == "verified"


def test_a_value_under_a_removed_key_is_refused_not_misread(rt, driver, key_ring):
    key_ring([OLD_KEY])
    intake = register(driver)
    key_ring([NEW_KEY])
    with rt.uow() as uow, pytest.raises(crypto.KeyRingError, match="geen van de sleutels"):
        uow.session.scalars(select(ProcessInstance.state).where(ProcessInstance.id == intake)).one()


def test_a_malformed_key_is_refused_at_start(key_ring):
    with pytest.raises(crypto.KeyRingError, match="ongeldige Fernet-sleutel"):
        key_ring(["geen-sleutel"])


@pytest.mark.skipif(not ON_POSTGRES, reason="the append-only trigger exists on PostgreSQL only")
def test_outside_a_rotation_postgresql_still_refuses_rewriting_inputs(rt, driver):
    register(driver)
    with rt.uow() as uow:
        token = uow.session.execute(select(text("inputs")).select_from(AuditEvent).limit(1)).scalar()
        with pytest.raises(Exception, match="append-only"):
            uow.session.execute(text("UPDATE audit_events SET inputs = :t WHERE seq = 1"), {"t": token + "x"})
