"""``upgrade head`` on an empty database yields exactly the schema the models declare."""
import copy
import json
import uuid

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import inspect, make_url, text

from engine.persistence import crypto
from engine.persistence.db import make_engine
from engine.persistence.migrate import alembic_config, upgrade
from engine.persistence.tables import Base
from engine.spiff import canonical, serialization
from engine.spiff.bpmn_files import load_specs, parse_models
from tests.conftest import ON_POSTGRES, POSTGRES_URL, bpmn_files


@pytest.fixture
def empty_database_url(tmp_path):
    """A database nobody has touched: a new SQLite file, or a new PostgreSQL database."""
    if not ON_POSTGRES:
        yield f"sqlite:///{tmp_path / 'leeg.sqlite3'}"
        return
    name = f"levensloop_migrate_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def test_upgrade_on_an_empty_database_matches_the_models(empty_database_url):
    upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() is not None
    finally:
        engine.dispose()


def test_migration_0003_moves_the_access_facts_out_of_process_data(empty_database_url):
    """A database of before 0003: region, duo and referral lived in the encrypted states and the casus's duo
    columns. After the upgrade they are engine-owned columns and assignment rows, read by need-to-know."""
    upgrade(empty_database_url, "0002")
    ring = crypto.KeyRing(crypto.keys_from_environment())
    at = "2027-01-04 09:00:00"

    def state(data: dict) -> str:
        return ring.encrypt(json.dumps({"data": data}).encode())

    engine = make_engine(empty_database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO deployments (id, checksum, deployed_at, deployed_by, files, resolved) "
                              "VALUES (1, 'x', :at, 'po', '{}', '{}')"), {"at": at})
            conn.execute(text("INSERT INTO process_versions (id, process_id, version, name, deployment_id, deployed_at) "
                              "VALUES (1, 'p', 1, 'P', 1, :at)"), {"at": at})
            conn.execute(text("INSERT INTO casussen (id, pseudonym, person, region, casemanager_zorg, "
                              "casusregisseur_gemeente, status, created_at, aanmelder) VALUES "
                              "('c1', 'LL-1', :person, 'gelderland_zuid', 'cm_anna', 'cr_carla', 'geincludeerd', :at, 'a')"),
                         {"person": ring.encrypt(b"{}"), "at": at})
            rows = [("i1", "c1", 0, state({"adviestafel_dossier": {"pseudoniem": "LL-1"}})),
                    ("i2", None, None, state({"regio": "Gelderland-Midden",
                                              "duo": {"casemanager_zorg": {"id": "cm_bram"}}}))]
            for instance_id, casus_id, cycle, encrypted in rows:
                conn.execute(text(
                    "INSERT INTO process_instances (id, process_version_id, process_id, status, state, lock_version, "
                    "started_at, started_by, updated_at, event_count, last_event_hash, casus_id, cycle) VALUES "
                    "(:id, 1, 'p', 'running', :state, 1, :at, 'a', :at, 1, 'h', :casus, :cycle)"),
                    {"id": instance_id, "state": encrypted, "at": at, "casus": casus_id, "cycle": cycle})
        upgrade(empty_database_url)
        with engine.connect() as conn:
            instances = dict(conn.execute(text("SELECT id, region FROM process_instances")).all())
            referred = conn.execute(text("SELECT referred_at FROM casussen WHERE id = 'c1'")).scalar()
            assignments = list(conn.execute(text(
                "SELECT casus_id, instance_id, username, role FROM case_assignments WHERE assigned_until IS NULL")))
    finally:
        engine.dispose()
    assert instances == {"i1": "gelderland_zuid", "i2": "gelderland_midden"}
    assert referred is not None
    assert sorted((tuple(a) for a in assignments), key=str) == sorted([
        (None, "i2", "cm_bram", "casemanager_zorg"), ("c1", "i1", "cm_anna", "casemanager_zorg"),
        ("c1", "i1", "cr_carla", "casusregisseur_gemeente")], key=str)


def test_migration_0005_downgrades_and_upgrades_again(empty_database_url):
    """Back to 0004 (the audit key's column and, on PostgreSQL, the grants go) and forward again."""
    upgrade(empty_database_url)
    command.downgrade(alembic_config(empty_database_url), "0004")
    engine = make_engine(empty_database_url)
    try:
        with engine.connect() as conn:
            assert "hash_alg" not in {c["name"] for c in inspect(conn).get_columns("audit_events")}
        upgrade(empty_database_url)
        with engine.connect() as conn:
            assert "hash_alg" in {c["name"] for c in inspect(conn).get_columns("audit_events")}
            if ON_POSTGRES:
                owner = conn.execute(text("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_events'"))
                assert owner.scalar() == "levensloop_owner"
    finally:
        engine.dispose()


def test_migration_0007_takes_the_spec_out_of_states_and_puts_it_back_on_downgrade(empty_database_url):
    """Before 0007 a state embedded its spec. After the upgrade it refers to its version, with the same
    version-1 hash once the version's spec is put back; a state whose spec SpiffWorkflow had changed
    keeps it; the downgrade embeds the spec again."""
    upgrade(empty_database_url, "0005")
    ring = crypto.KeyRing(crypto.keys_from_environment())
    files = bpmn_files("user_task_lane.bpmn")
    spec, subprocess_specs = load_specs(parse_models(files), "user_task_lane")
    workflow = BpmnWorkflow(spec, subprocess_specs)
    workflow.do_engine_steps()
    old = {**serialization.serializer().to_dict(workflow),
           serialization.serializer().VERSION_KEY: serialization.serializer().VERSION}
    changed = copy.deepcopy(old)
    changed["spec"]["task_specs"]["Start"]["outputs"].append("End")
    at = "2027-01-04 09:00:00"
    engine = make_engine(empty_database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO deployments (id, checksum, deployed_at, deployed_by, files, resolved) "
                              "VALUES (1, 'x', :at, 'po', :files, '{}')"), {"at": at, "files": json.dumps(files)})
            conn.execute(text("INSERT INTO process_versions (id, process_id, version, name, deployment_id, deployed_at) "
                              "VALUES (1, 'user_task_lane', 1, 'P', 1, :at)"), {"at": at})
            for instance_id, state in (("i1", old), ("i2", changed)):
                conn.execute(text(
                    "INSERT INTO process_instances (id, process_version_id, process_id, status, state, lock_version, "
                    "started_at, started_by, updated_at, event_count, last_event_hash) VALUES "
                    "(:id, 1, 'user_task_lane', 'running', :state, 1, :at, 'a', :at, 1, 'h')"),
                    {"id": instance_id, "state": ring.encrypt(json.dumps(state).encode()), "at": at})

        def states() -> dict:
            with engine.connect() as conn:
                rows = conn.execute(text("SELECT id, state FROM process_instances")).all()
            return {instance_id: json.loads(ring.decrypt(token)) for instance_id, token in rows}

        upgrade(empty_database_url)
        migrated = states()
        with engine.connect() as conn:
            assert "state_hash_version" in {c["name"] for c in inspect(conn).get_columns("audit_events")}
        command.downgrade(alembic_config(empty_database_url), "0005")
        downgraded = states()
    finally:
        engine.dispose()
    version_specs = serialization.serialized_specs(spec, subprocess_specs)
    assert not serialization.embeds_spec(migrated["i1"]) and migrated["i2"] == changed
    assert canonical.state_hash(serialization.with_spec(migrated["i1"], version_specs)) == canonical.state_hash(old)
    assert serialization.load(migrated["i1"], None, version_specs).get_next_task(state=TaskState.READY) is not None
    assert canonical.state_hash(downgraded["i1"]) == canonical.state_hash(old) and downgraded["i2"] == changed


def test_migration_0009_gives_existing_versions_their_deployer_and_downgrades(empty_database_url):
    """Versions deployed before 0009 name the deployer of their deployment; back to 0005 and forward again."""
    upgrade(empty_database_url, "0005")
    engine = make_engine(empty_database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO deployments (id, checksum, deployed_at, deployed_by, files, resolved) "
                              "VALUES (1, 'x', '2027-01-04 09:00:00', 'po_petra', '{}', '{}')"))
            conn.execute(text("INSERT INTO process_versions (id, process_id, version, name, deployment_id, deployed_at) "
                              "VALUES (1, 'p', 1, 'P', 1, '2027-01-04 09:00:00')"))
        upgrade(empty_database_url)
        with engine.connect() as conn:
            row = conn.execute(text("SELECT deployed_by, comment FROM process_versions WHERE id = 1")).one()
        assert tuple(row) == ("po_petra", None)
        command.downgrade(alembic_config(empty_database_url), "0005")
        with engine.connect() as conn:
            assert {"deployed_by", "comment"}.isdisjoint(c["name"] for c in inspect(conn).get_columns("process_versions"))
        upgrade(empty_database_url)
    finally:
        engine.dispose()
