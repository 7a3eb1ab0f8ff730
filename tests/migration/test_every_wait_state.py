"""Moving an instance to a version that differs only in task names changes nothing that happens: every test
model and every process in processes/, migrated before step k (for each k) and driven on, gives the same
statuses, data, tasks, timers and incidents as without the migration, and replays verified across it."""
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from api.cli import read_model_files
from engine.audit import replay
from engine.errors import DeployRefused
from engine.instances import migration
from engine.persistence.tables import ProcessInstance, ProcessVersion
from engine.process_models import deployments
from engine.process_models import service as model_service
from tests.compaction import drive
from tests.compaction.test_same_outcomes import CALLED, MODELS, ROOT, SUPPORT
from tests.conftest import OWNER, bpmn_files
from tests.scenarios.conftest import AUDITOR

TASKS = re.compile(r'(<bpmn:(?:userTask|manualTask|scriptTask|serviceTask|task)\b[^>]*?\bname=")([^"]*)"')


def renamed(files: dict[str, str], mark: str) -> dict[str, str]:
    """Every task of every model renamed: a new version whose flow is the same."""
    return {name: TASKS.sub(rf'\g<1>\g<2> ({mark})"', text) if name.endswith(".bpmn") else text
            for name, text in files.items()}


def _migrating(rt, files: dict[str, str], at: int):
    """Before step ``at``: deploy renamed models and move the instance to the newest version of its process."""
    def between(instance_id: str, step: int) -> None:
        if step != at:
            return
        model_service.deploy(rt, renamed(files, f"stap {at}"), OWNER)
        with rt.uow() as uow:
            instance = uow.session.get(ProcessInstance, instance_id)
            newest = deployments.latest_version(uow.session, instance.process_id).version
            current = uow.session.get(ProcessVersion, instance.process_version_id).version
            running = instance.status == "running"
        if running and newest > current:
            assert migration.migrate(rt, instance_id, newest, OWNER)["to_version"] == newest

    return between


def _same_with_migrations(rt, clock, files: dict[str, str]) -> None:
    try:
        model_service.deploy(rt, files, OWNER)
    except DeployRefused:
        pytest.skip("not deployable (a model that deployment must refuse)")
    for process_id in drive.process_ids(rt):
        plain = drive.run(rt, clock, process_id, files)
        for at in range(len(plain) - 1):
            moved = drive.run(rt, clock, process_id, files, between=_migrating(rt, files, at))
            assert moved == plain, (process_id, at)
    with rt.uow() as uow:
        ids = list(uow.session.scalars(select(ProcessInstance.id)))
    for instance_id in ids:
        assert replay.replay(rt, instance_id, AUDITOR)["status"] == "verified", instance_id


@pytest.mark.parametrize("model", MODELS)
def test_a_test_model_behaves_the_same_after_a_migration(rt, clock, model):
    _same_with_migrations(rt, clock, bpmn_files(model, *CALLED.get(model, []), *SUPPORT))


def test_the_processes_behave_the_same_after_a_migration(rt, clock):
    _same_with_migrations(rt, clock, read_model_files([ROOT / "processes", ROOT / "forms"]))
